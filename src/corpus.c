/* corpus.c - the public corpus handle: adding articles and running the pipeline.
 *
 * The pipeline: read (input.c, read_text.c) -> clean and analyse each
 * article (analyze.c, junk.c) -> find copies (dedup.c) -> weigh terms and
 * group into stories (cluster.c) -> summarise each story (summarize.c).
 * The writers (report.c) only read what this leaves behind. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "corpus.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <sys/resource.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "dedup.h"
#include "featurize.h"
#include "lexicon.h"
#include "notice.h"
#include "read_text.h"
#include "stream.h"
#include "summarize.h"
#include "text.h"
#include "workers.h"

/* Longest article text kept; the rest is cut with a warning. */
#define MAX_ARTICLE_BYTES (8u << 20)
/* A headline built from a first sentence is cut to this many bytes. */
#define HEADLINE_MAX_BYTES 160
/* In compact mode, articles are analysed this many at a time: enough to
 * keep the threads busy and to see boilerplate recur within a batch. */
#define COMPACT_BATCH 4096
/* Articles between two progress reports while reading. */
#define PROGRESS_EVERY 1000

const char *chorus_version(void)
{
    return CHORUS_VERSION_STRING;
}

const char *chorus_strerror(int rc)
{
    switch (rc) {
    case CHORUS_OK:
        return "success";
    case CHORUS_ENOMEM:
        return "out of memory";
    case CHORUS_EINVAL:
        return "invalid argument";
    case CHORUS_EIO:
        return "input or output error";
    case CHORUS_EFORMAT:
        return "unsupported input format";
    case CHORUS_EEMPTY:
        return "no article to work on";
    case CHORUS_ESTATE:
        return "call out of order";
    case CHORUS_ERANGE:
        return "index out of range";
    default:
        return "unknown error";
    }
}

void chorus_options_init(chorus_options *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->summary_sentences = 6;
    opts->summary_words = 0;
    opts->cluster_threshold = 0.3;
    opts->cluster_window_days = 4.0;
    opts->facts = 1;
}

double chorus__now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void chorus__stage_done(chorus_corpus *c, int stage, double since)
{
    c->times.seconds[stage] += chorus__now() - since;
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        c->times.peak_kb[stage] = ru.ru_maxrss;
}

void chorus__progress(chorus_corpus *c, const char *stage, size_t stories)
{
    if (c->opts.progress)
        c->opts.progress(c->opts.progress_userdata, stage, chorus__articles_read(c), stories);
}

void chorus__diag(const chorus_corpus *c, int severity, const char *source, long line,
                  const char *fmt, ...)
{
    if (!c->opts.diag)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->opts.diag(c->opts.diag_userdata, severity, source, line, msg);
}

static int finish_batch(chorus_corpus *c);

/* Articles are analysed in batches as they are read, and paragraphs told
 * boilerplate by the articles read so far: in compact mode and in streams. */
static int batched(const chorus_corpus *c)
{
    return c->opts.compact || c->stream;
}

int chorus_corpus_new(chorus_corpus **out, const chorus_options *opts)
{
    if (!out)
        return CHORUS_EINVAL;
    *out = NULL;
    chorus_options o;
    if (opts)
        o = *opts;
    else
        chorus_options_init(&o);
    if (o.summary_sentences > 1000 || !(o.cluster_threshold >= 0) ||
        o.cluster_threshold > 1 || !(o.cluster_window_days > 0))
        return CHORUS_EINVAL;
    chorus_corpus *c = calloc(1, sizeof *c);
    if (!c)
        return CHORUS_ENOMEM;
    if (o.compact) {
        /* Nothing that reads the text is made. */
        o.summary_sentences = 0;
        o.facts = 0;
    }
    c->opts = o;
    if (chorus__analyzer_init(&c->an, NULL)) {
        free(c);
        return CHORUS_ENOMEM;
    }
    c->an.text_only = o.skip_stories;
    *out = c;
    return 0;
}

void chorus_corpus_free(chorus_corpus *c)
{
    if (!c)
        return;
    finish_batch(c); /* freed before analysis: the batch's thread must end first */
    for (size_t i = 0; i < c->article_count; i++)
        chorus__article_free(c->articles[i]);
    free(c->articles);
    chorus__stream_free(c->stream);
    chorus__junk_free(c->stream_junk);
    free(c->stream_sum);
    chorus__buf_free(&c->stream_others);
    chorus__workers_free(c->workers);
    chorus__analyzer_done(&c->an);
    chorus__lexicon_free(c->lexicon);
    chorus__arena_release(&c->mem);
    free(c->stories);
    chorus__buf_free(&c->clean);
    free(c);
}

/* ---------------------------------------------------------------------- */
/* Adding articles                                                        */
/* ---------------------------------------------------------------------- */

static int has_text(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (chorus__is_letter(cp) || chorus__is_digit(cp))
            return 1;
    }
    return 0;
}

/* Copies a metadata string into the article, cleaned and on one line. */
static const char *meta_string(chorus_corpus *c, chorus__article *a, const char *s)
{
    if (!s)
        return NULL;
    chorus__repair rep;
    chorus__buf b = {0};
    if (chorus__text_clean(s, strlen(s), &b, &rep)) {
        chorus__buf_free(&b);
        return NULL;
    }
    (void)c;
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n')
            b.data[i] = ' ';
    size_t len = b.len;
    const char *t = chorus__trim(b.data ? b.data : "", &len);
    const char *copy = len ? chorus__article_strdup(a, t, len) : NULL;
    chorus__buf_free(&b);
    return copy;
}

static int apply_meta(chorus_corpus *c, chorus__article *a, const char *label, long line,
                      const chorus__input_meta *m)
{
    a->input_id = meta_string(c, a, m->input_id);
    a->url = meta_string(c, a, m->url);
    a->source = meta_string(c, a, m->source);
    a->author = meta_string(c, a, m->author);
    a->fetched = meta_string(c, a, m->fetched);
    const char *title = meta_string(c, a, m->title);
    if (title) {
        const char *outlet;
        size_t outlet_len, tl = chorus__split_title(title, strlen(title), &outlet, &outlet_len);
        if (outlet && !a->source) {
            a->source = chorus__article_strdup(a, outlet, outlet_len);
            title = chorus__article_strdup(a, title, tl);
        }
        a->title = title;
    }
    if (m->published && *m->published) {
        chorus__date d;
        size_t at, span;
        if (chorus__date_find(m->published, strlen(m->published), &d, &at, &span))
            chorus__article_set_published(a, &d);
        else
            chorus__diag(c, CHORUS_DIAG_WARNING, label, line,
                         "published date \"%.40s\" not understood; ignored", m->published);
    }
    if (m->language && *m->language) {
        /* "en", "en-GB", "EN_us" -> "en" */
        size_t k = 0;
        for (const char *p = m->language; *p && *p != '-' && *p != '_' && k < 7; p++) {
            char ch = *p;
            if (ch >= 'A' && ch <= 'Z')
                ch = (char)(ch + 32);
            if (ch < 'a' || ch > 'z') {
                k = 0;
                break;
            }
            a->language[k++] = ch;
        }
        if (k >= 2 && m->language_is_declared) {
            memcpy(a->language_hint, a->language, k);
            a->language_hint[k] = '\0';
            strcpy(a->language, "und");
        } else if (k >= 2) {
            a->language[k] = '\0';
            a->language_given = 1;
        } else {
            strcpy(a->language, "und");
        }
    }
    return 0;
}

/* A new article named by `path` (and `line`: JSON Lines articles are named
 * by file and line) with the input's metadata applied. */
static int new_article(chorus_corpus *c, const char *path, long line, const chorus__input_meta *meta,
                       chorus__article **out)
{
    char label[4096];
    if (line > 0)
        snprintf(label, sizeof label, "%s:%ld", path, line);
    else
        snprintf(label, sizeof label, "%s", path);
    chorus__article *a = chorus__article_new(chorus__articles_read(c));
    if (!a)
        return CHORUS_ENOMEM;
    a->path = chorus__article_strdup(a, label, strlen(label));
    int rc = a->path ? 0 : CHORUS_ENOMEM;
    if (!rc && meta)
        rc = apply_meta(c, a, path, line, meta);
    if (rc) {
        chorus__article_free(a);
        return rc;
    }
    *out = a;
    return 0;
}

/* A batch of articles analysed on the worker threads while the calling
 * thread reads the next one: reading and JSON parsing are serial, and
 * would otherwise leave the other processors idle. */
struct chorus__batch {
    chorus_corpus *c;
    pthread_t thread;
    chorus__article **articles; /* a copy: reading may move c->articles */
    size_t n;
    int rc;
    double seconds;
};

/* Analyses a batch whose blocks are counted: on the workers, then the
 * features in article order (they name new terms in the corpus vocabulary,
 * whose ids must not depend on threads), then compaction. */
static int analyze_batch(chorus_corpus *c, chorus__article **batch, size_t n)
{
    int rc = chorus__workers_analyze(c->workers, &c->an, batch, n);
    for (size_t i = 0; !rc && !c->an.text_only && i < n; i++) {
        rc = chorus__article_features(batch[i], c->an.vocab);
        if (!rc && c->opts.compact)
            rc = chorus__article_compact(batch[i]);
    }
    /* A stream owns what it is given, whatever happens. Once its output
     * fails, articles are dropped and the failure waits for the end of
     * reading, where chorus_corpus_analyze() returns it: reading a
     * directory goes on past inputs that fail with the same code. */
    for (size_t i = 0; c->stream && i < n; i++) {
        if (rc || c->stream_rc) {
            chorus__article_free(batch[i]);
            continue;
        }
        int r = chorus__stream_add(c->stream, batch[i]);
        if (r == CHORUS_EIO)
            c->stream_rc = r;
        else
            rc = r;
    }
    return rc;
}

static void *batch_main(void *arg)
{
    struct chorus__batch *b = arg;
    double t0 = chorus__now();
    b->rc = analyze_batch(b->c, b->articles, b->n);
    b->seconds = chorus__now() - t0;
    return NULL;
}

/* Waits for the batch analysed beside reading, if any; returns its result. */
static int finish_batch(chorus_corpus *c)
{
    struct chorus__batch *b = c->batch;
    if (!b)
        return 0;
    pthread_join(b->thread, NULL);
    int rc = b->rc;
    c->times.seconds[CHORUS_STAGE_CLEAN] += b->seconds;
    free(b->articles);
    free(b);
    c->batch = NULL;
    return rc;
}

/* Articles given to a stream leave the corpus's hands. */
static void hand_to_stream(chorus_corpus *c)
{
    if (!c->stream)
        return;
    c->streamed += c->article_count;
    c->article_count = c->analyzed_count = 0;
}

/* Cleans and analyses the articles added since the last call, on the
 * worker threads, and takes their features; in compact mode each then
 * gives up what grouping does not need. With `beside` (compact mode,
 * several threads) the batch is analysed while the caller goes on reading.
 * The order of every step that names terms or counts blocks is the order
 * of one thread: a batch's blocks are counted once the batch before it is
 * analysed, which is also when they would be counted without overlap.
 * Returns 0 or CHORUS_ENOMEM. */
static int analyze_pending(chorus_corpus *c, int beside)
{
    int rc = finish_batch(c);
    size_t from = c->analyzed_count, n = c->article_count - from;
    if (rc || n == 0)
        return rc;
    chorus__article **batch = c->articles + from;
    unsigned threads = c->opts.threads ? c->opts.threads : chorus__cpu_count();
    if (threads > 1 && n >= CHORUS_WORKERS_MIN_BATCH && !c->workers &&
        !(c->workers = chorus__workers_new(threads, &c->an)))
        return CHORUS_ENOMEM;
    if (batched(c))
        for (size_t i = 0; !rc && i < n; i++)
            rc = chorus__analyzer_count_blocks(&c->an, batch[i]);
    if (rc)
        return rc;
    c->analyzed_count = c->article_count;
    /* The reader uses the corpus analyzer's patterns: only the pool's own
     * analyzers may work beside it. */
    if (beside && c->workers && n >= COMPACT_BATCH) {
        struct chorus__batch *b = calloc(1, sizeof *b);
        chorus__article **copy = malloc(n * sizeof *copy);
        if (b && copy) {
            memcpy(copy, batch, n * sizeof *copy);
            *b = (struct chorus__batch){.c = c, .articles = copy, .n = n};
            if (pthread_create(&b->thread, NULL, batch_main, b) == 0) {
                c->batch = b;
                hand_to_stream(c);
                return 0;
            }
        }
        free(b), free(copy); /* no thread: analyse it here */
    }
    rc = analyze_batch(c, batch, n);
    hand_to_stream(c);
    return rc;
}

/* Adds a read article to the corpus, or frees it when reading failed (rc).
 * Returns 1 or the error. */
static int add_article(chorus_corpus *c, chorus__article *a, int rc)
{
    if (!rc && CHORUS_PUSH(c->articles, c->article_count, c->article_cap, a))
        rc = CHORUS_ENOMEM;
    if (rc) {
        chorus__article_free(a);
        return rc;
    }
    if (batched(c) && c->article_count - c->analyzed_count >= COMPACT_BATCH) {
        /* Not reading: waiting for the batch before (whose own time counts
         * as cleaning when it ends), and a batch analysed here. */
        double t0 = chorus__now();
        rc = finish_batch(c);
        double t1 = chorus__now();
        if (!rc)
            rc = analyze_pending(c, 1);
        double t2 = chorus__now();
        c->batch_seconds += t2 - t0;
        if (!c->batch)
            c->times.seconds[CHORUS_STAGE_CLEAN] += t2 - t1;
        if (rc)
            return rc;
    }
    if (chorus__articles_read(c) >= c->progress_at + PROGRESS_EVERY) {
        c->progress_at = chorus__articles_read(c);
        chorus__progress(c, "reading", atomic_load(&c->stream_stories));
    }
    return 1;
}

int chorus__corpus_add_raw(chorus_corpus *c, const char *path, long line, const char *raw,
                           size_t len, const chorus__input_meta *meta)
{
    if (len > MAX_ARTICLE_BYTES) {
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line, "article longer than %u MiB; cut there",
                     MAX_ARTICLE_BYTES >> 20);
        len = MAX_ARTICLE_BYTES;
    }
    chorus__repair rep;
    c->clean.len = 0;
    int rc = chorus__text_clean(raw, len, &c->clean, &rep);
    if (rc)
        return rc;
    if (rep.invalid_sequences)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line ? line : rep.first_invalid_line,
                     "invalid UTF-8: %zu byte%s replaced by U+FFFD", rep.invalid_sequences,
                     rep.invalid_sequences == 1 ? "" : "s");
    if (rep.nul_bytes)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line ? line : rep.first_nul_line,
                     "%zu NUL byte%s dropped", rep.nul_bytes, rep.nul_bytes == 1 ? "" : "s");
    if (!has_text(c->clean.data ? c->clean.data : "", c->clean.len)) {
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line, "no text; skipped");
        return 0;
    }
    if (c->analyzed)
        return CHORUS_ESTATE;
    chorus__article *a;
    if ((rc = new_article(c, path, line, meta, &a)))
        return rc;
    rc = chorus__read_text(a, c->an.junk, c->clean.data, c->clean.len);
    return add_article(c, a, rc);
}

int chorus__corpus_add_paragraphs(chorus_corpus *c, const char *path, long line,
                                  const char *const *paras, const size_t *lens, size_t n,
                                  const chorus__input_meta *meta)
{
    if (c->analyzed)
        return CHORUS_ESTATE;
    chorus__article *a;
    int rc = new_article(c, path, line, meta, &a);
    if (rc)
        return rc;
    for (size_t i = 0; !rc && i < n; i++) {
        chorus__repair rep;
        c->clean.len = 0;
        rc = chorus__text_clean(paras[i], lens[i], &c->clean, &rep);
        /* A paragraph is one block: line breaks left in it are spaces. */
        for (size_t k = 0; !rc && k < c->clean.len; k++)
            if (c->clean.data[k] == '\n')
                c->clean.data[k] = ' ';
        size_t len = c->clean.len;
        const char *s = chorus__trim(c->clean.data ? c->clean.data : "", &len);
        if (!rc && has_text(s, len))
            rc = chorus__article_add_block(a, s, len);
    }
    if (!rc && a->block_count == 0) {
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line, "no article text found; skipped");
        chorus__article_free(a);
        return 0;
    }
    return add_article(c, a, rc);
}

int chorus_corpus_add_path(chorus_corpus *c, const char *path)
{
    if (!c || !path)
        return CHORUS_EINVAL;
    if (c->analyzed)
        return CHORUS_ESTATE;
    double t0 = chorus__now(), batches = c->batch_seconds;
    int rc = chorus__read_path(c, path);
    /* Batches analysed while reading count as cleaning, not reading. */
    chorus__stage_done(c, CHORUS_STAGE_READ, t0 + (c->batch_seconds - batches));
    return rc;
}

int chorus_corpus_add_text(chorus_corpus *c, const char *name, const char *text, size_t len)
{
    if (!c || !name || (!text && len))
        return CHORUS_EINVAL;
    if (c->analyzed)
        return CHORUS_ESTATE;
    return chorus__corpus_add_raw(c, name, 0, text ? text : "", len, NULL);
}

/* ---------------------------------------------------------------------- */
/* Analysis                                                               */
/* ---------------------------------------------------------------------- */

/* Non-zero when a title asks rather than tells ("What did Putin discuss
 * with Abbas?"): a briefing's headline should say what happened. */
static int asks(const char *title)
{
    size_t n = strlen(title);
    while (n > 0 && (title[n - 1] == ' ' || title[n - 1] == '"' || title[n - 1] == '\''))
        n--;
    return n > 0 && title[n - 1] == '?';
}

/* The headline: the title of the member closest to the story's centroid,
 * a title that tells before one that asks. */
static const char *story_headline(chorus_corpus *c, const size_t *members, size_t count, float *sum)
{
    const chorus__article *best = NULL;
    double best_sim = -1;
    for (size_t m = 0; m < count; m++) {
        const chorus__article *a = c->articles[members[m]];
        for (uint32_t k = 0; k < a->vec.count; k++)
            sum[a->vec.terms[k]] += a->vec.weights[k];
    }
    for (size_t m = 0; m < count; m++) {
        const chorus__article *a = c->articles[members[m]];
        if (a->duplicate_of >= 0)
            continue;
        double dot = 0;
        for (uint32_t k = 0; k < a->vec.count; k++)
            dot += (double)a->vec.weights[k] * sum[a->vec.terms[k]];
        /* Prefer articles with a title, then titles that tell; among them
         * the most central. */
        double sim = dot + (a->title ? 2e6 : 0) - (a->title && asks(a->title) ? 1e6 : 0);
        if (sim > best_sim) {
            best_sim = sim;
            best = a;
        }
    }
    for (size_t m = 0; m < count; m++) {
        const chorus__article *a = c->articles[members[m]];
        for (uint32_t k = 0; k < a->vec.count; k++)
            sum[a->vec.terms[k]] = 0;
    }
    if (!best)
        best = c->articles[members[0]];
    if (best->title)
        return best->title;
    /* No title anywhere: the first sentence of the most central article. */
    if (best->sentence_count == 0)
        return "(untitled)";
    const chorus__sentence *s = &best->sentences[0];
    size_t len = s->len;
    if (len > HEADLINE_MAX_BYTES) {
        len = HEADLINE_MAX_BYTES;
        while (len > 0 && best->text[s->start + len] != ' ')
            len--;
        if (len == 0)
            len = HEADLINE_MAX_BYTES;
        while (len > 0 && ((unsigned char)best->text[s->start + len] & 0xC0) == 0x80)
            len--;
    }
    return chorus__arena_strndup(&c->mem, best->text + s->start, len);
}

static int build_story(chorus_corpus *c, chorus__story *st, size_t *members, size_t count, float *sum)
{
    st->articles = members;
    st->article_count = count;
    st->headline = story_headline(c, members, count, sum);
    if (!st->headline)
        return CHORUS_ENOMEM;
    for (size_t m = 0; m < count; m++) {
        const chorus__article *a = c->articles[members[m]];
        if (a->published.precision < CHORUS_DATE_DAY)
            continue;
        char day[16];
        snprintf(day, sizeof day, "%.10s", a->published_iso);
        if (!st->start[0] || strcmp(day, st->start) < 0)
            strcpy(st->start, day);
        if (!st->end[0] || strcmp(day, st->end) > 0)
            strcpy(st->end, day);
    }
    if (c->opts.facts) {
        double t = chorus__now();
        int rc = chorus__story_facts(c, st);
        chorus__stage_done(c, CHORUS_STAGE_FACTS, t);
        if (rc)
            return rc;
    }
    if (c->opts.summary_sentences == 0)
        return 0;
    chorus__summary sum_out;
    int rc = chorus__summarize(c->articles, members, count, c->an.vocab, c->an.junk,
                               c->opts.summary_sentences, c->opts.summary_words, &sum_out);
    if (rc)
        return rc;
    st->summary = chorus__arena_alloc(&c->mem, (sum_out.count + 1) * sizeof *st->summary);
    if (!st->summary)
        rc = CHORUS_ENOMEM;
    for (size_t i = 0; !rc && i < sum_out.count; i++) {
        const chorus__summary_item *it = &sum_out.items[i];
        const chorus__article *a = c->articles[it->article];
        const chorus__sentence *s = &a->sentences[it->sentence];
        chorus_summary_sentence *out = &st->summary[i];
        out->text = chorus__arena_strndup(&c->mem, a->text + s->start + it->skip, s->len - it->skip);
        size_t *src = chorus__arena_alloc(&c->mem, (it->source_count + 1) * sizeof *src);
        if (!out->text || !src) {
            rc = CHORUS_ENOMEM;
            break;
        }
        memcpy(src, it->sources, it->source_count * sizeof *src);
        out->sources = src;
        out->source_count = it->source_count;
        st->summary_count++;
    }
    chorus__summary_free(&sum_out);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Streaming                                                              */
/* ---------------------------------------------------------------------- */

size_t chorus__articles_read(const chorus_corpus *c)
{
    return c->streamed + c->article_count;
}

static int cmp_index_key(const void *key, const void *item)
{
    size_t k = *(const size_t *)key, i = (*(chorus__article *const *)item)->index;
    return (k > i) - (k < i);
}

/* Writes the briefing of one story, or renders inputs that are no articles
 * for the end, through a corpus that holds those articles only (in input
 * order), so that the writers of a whole run serve. Runs on the thread that
 * analyses batches, beside reading: it has patterns of its own. */
static int write_streamed_brief(chorus_corpus *c, size_t story, chorus__article *const *articles,
                                size_t n)
{
    chorus_corpus view;
    memset(&view, 0, sizeof view);
    view.opts = c->opts;
    view.an = c->an;
    view.an.junk = c->stream_junk;
    view.articles = (chorus__article **)articles;
    view.article_count = n;
    view.analyzed = 1;
    /* A copy names its original by its place in the view. */
    for (size_t i = 0; i < n; i++) {
        chorus__article *a = articles[i], *const *at = NULL;
        if (a->original)
            at = bsearch(&a->original->index, articles, n, sizeof *articles, cmp_index_key);
        a->duplicate_of = at ? (long)(at - articles) : -1;
    }
    if (story == 0)
        return chorus__brief_stream_others(&view, c->stream_format, &c->stream_others, &c->others_first);
    int rc = 0;
    if (chorus__grow_zeroed((void **)&c->stream_sum, &c->stream_sum_cap,
                            chorus__vocab_size(c->an.vocab) + 1, sizeof *c->stream_sum))
        return CHORUS_ENOMEM;
    if (c->opts.facts && !c->lexicon && !(c->lexicon = chorus__lexicon_new()))
        return CHORUS_ENOMEM;
    view.lexicon = c->lexicon;
    chorus__story st;
    memset(&st, 0, sizeof st);
    snprintf(st.id, sizeof st.id, "s%zu", story);
    view.stories = &st;
    view.story_count = 1;
    size_t *members = chorus__arena_alloc(&view.mem, (n + 1) * sizeof *members);
    if (!members)
        rc = CHORUS_ENOMEM;
    for (size_t i = 0; !rc && i < n; i++)
        members[i] = i;
    if (!rc)
        rc = build_story(&view, &st, members, n, c->stream_sum);
    if (!rc)
        rc = chorus__brief_stream_story(&view, story, c->stream_out, c->stream_format, &c->stream_first);
    chorus__arena_release(&view.mem);
    /* Threads touch other stages' counters only. */
    c->times.seconds[CHORUS_STAGE_FACTS] += view.times.seconds[CHORUS_STAGE_FACTS];
    c->times.seconds[CHORUS_STAGE_SUMMARIZE] += view.times.seconds[CHORUS_STAGE_SUMMARIZE];
    return rc;
}

static int write_streamed(void *userdata, size_t story, chorus__article *const *articles, size_t n)
{
    chorus_corpus *c = userdata;
    if (story)
        atomic_store(&c->stream_stories, story); /* for the progress display */
    if (c->stream_brief)
        return write_streamed_brief(c, story, articles, n);
    char id[32];
    if (story)
        snprintf(id, sizeof id, "s%zu", story);
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        const chorus__article *orig = articles[i]->original;
        rc = chorus__write_cluster_lines(c->stream_out, c->stream_format, story ? id : NULL,
                                         (const chorus__article *const *)&articles[i], &orig, 1,
                                         &c->stream_first);
    }
    return rc;
}

/* Makes the corpus a stream writing to `out`. */
static int start_stream(chorus_corpus *c, FILE *out, chorus_format format)
{
    if (c->analyzed || c->stream || chorus__articles_read(c))
        return CHORUS_ESTATE;
    chorus__cluster_params params = {c->opts.cluster_threshold, c->opts.cluster_window_days, 0,
                                     c->opts.cluster_order_seed};
    c->stream = chorus__stream_new(&params, c->an.vocab, write_streamed, c);
    if (!c->stream)
        return CHORUS_ENOMEM;
    c->stream_out = out;
    c->stream_format = format;
    c->stream_first = 1;
    c->others_first = 1;
    return 0;
}

int chorus_corpus_stream_clusters(chorus_corpus *c, FILE *out, chorus_format format)
{
    if (!c || !out || (format != CHORUS_FORMAT_TSV && format != CHORUS_FORMAT_JSON) ||
        c->opts.one_story || c->opts.skip_stories)
        return CHORUS_EINVAL;
    int rc = start_stream(c, out, format);
    if (rc)
        return rc;
    c->opts.compact = 1;
    c->opts.summary_sentences = 0;
    c->opts.facts = 0;
    if (format == CHORUS_FORMAT_JSON && fputc('[', out) == EOF)
        return CHORUS_EIO;
    return 0;
}

int chorus_corpus_stream_brief(chorus_corpus *c, FILE *out, chorus_format format)
{
    if (!c || !out || (format != CHORUS_FORMAT_MARKDOWN && format != CHORUS_FORMAT_JSON) ||
        c->opts.one_story || c->opts.skip_stories || c->opts.compact)
        return CHORUS_EINVAL;
    if (!c->stream_junk && !(c->stream_junk = chorus__junk_new()))
        return CHORUS_ENOMEM;
    int rc = start_stream(c, out, format);
    if (rc)
        return rc;
    c->stream_brief = 1;
    return chorus__brief_stream_open(out, format);
}

/* Analyses the last articles, takes every one still waiting and writes
 * every story still open. */
static int finish_stream(chorus_corpus *c)
{
    double t0 = chorus__now();
    int rc = finish_batch(c);
    if (!rc)
        rc = analyze_pending(c, 0);
    chorus__stage_done(c, CHORUS_STAGE_CLEAN, t0);
    double t1 = chorus__now();
    chorus__progress(c, "clustering", chorus__stream_story_count(c->stream));
    if (!rc)
        rc = c->stream_rc;
    if (!rc)
        rc = chorus__stream_finish(c->stream);
    c->story_count = chorus__stream_story_count(c->stream);
    if (!rc && c->stream_brief)
        rc = chorus__brief_stream_close(c->stream_out, c->stream_format, &c->stream_others,
                                        c->stream_first, c->others_first);
    else if (!rc && c->stream_format == CHORUS_FORMAT_JSON &&
             fputs(c->stream_first ? "]\n" : "\n]\n", c->stream_out) < 0)
        rc = CHORUS_EIO;
    if (!rc && (fflush(c->stream_out) != 0 || ferror(c->stream_out)))
        rc = CHORUS_EIO;
    chorus__stage_done(c, CHORUS_STAGE_CLUSTER, t1);
    chorus__progress(c, "done", c->story_count);
    if (!rc && chorus__articles_read(c) == 0)
        rc = CHORUS_EEMPTY;
    return rc;
}

int chorus_corpus_analyze(chorus_corpus *c)
{
    if (!c)
        return CHORUS_EINVAL;
    if (c->analyzed)
        return CHORUS_ESTATE;
    c->analyzed = 1;
    if (c->stream)
        return finish_stream(c);
    if (c->article_count == 0)
        return CHORUS_EEMPTY;

    int rc = finish_batch(c);
    double t0 = chorus__now();
    /* Outside compact mode boilerplate is judged against every article. */
    if (!batched(c))
        for (size_t i = 0; !rc && i < c->article_count; i++)
            rc = chorus__analyzer_count_blocks(&c->an, c->articles[i]);
    if (!rc)
        rc = analyze_pending(c, 0);
    if (rc)
        return rc;
    chorus__stage_done(c, CHORUS_STAGE_CLEAN, t0);
    if (c->opts.skip_stories) {
        chorus__progress(c, "done", 0);
        return 0;
    }
    double t1 = chorus__now();

    chorus__progress(c, "deduplicating", 0);
    long dups = chorus__find_duplicates(c->articles, c->article_count);
    if (dups < 0)
        return (int)dups;
    /* A copy is what its original is: an article, or a notice. */
    for (size_t i = 0; i < c->article_count; i++) {
        chorus__article *a = c->articles[i];
        if (a->duplicate_of >= 0)
            a->non_article = c->articles[a->duplicate_of]->non_article;
    }
    chorus__stage_done(c, CHORUS_STAGE_DEDUP, t1);
    double t2 = chorus__now();
    chorus__progress(c, "clustering", 0);
    size_t V = chorus__vocab_size(c->an.vocab);
    if ((rc = chorus__build_vectors(c->articles, c->article_count)))
        return rc;
    chorus__cluster_params params = {c->opts.cluster_threshold, c->opts.cluster_window_days,
                                     c->opts.one_story, c->opts.cluster_order_seed};
    long nstories = chorus__cluster(c->articles, c->article_count, V, &params);
    if (nstories < 0)
        return (int)nstories;
    /* The counts have served; vectors are what headlines and summaries read. */
    for (size_t i = 0; i < c->article_count; i++) {
        free(c->articles[i]->features);
        c->articles[i]->features = NULL;
        c->articles[i]->feature_count = 0;
    }
    chorus__stage_done(c, CHORUS_STAGE_CLUSTER, t2);
    double t3 = chorus__now();
    chorus__progress(c, c->opts.compact ? "done" : "summarizing", (size_t)nstories);

    /* Members of each story, in input order. */
    size_t ns = (size_t)nstories;
    c->stories = calloc(ns + 1, sizeof *c->stories);
    size_t *counts = calloc(ns + 1, sizeof *counts);
    size_t *all = chorus__arena_alloc(&c->mem, (c->article_count + 1) * sizeof *all);
    float *sum = calloc(V + 1, sizeof *sum);
    if (!c->stories || !counts || !all || !sum) {
        free(counts);
        free(sum);
        return CHORUS_ENOMEM;
    }
    for (size_t i = 0; i < c->article_count; i++)
        if (c->articles[i]->story != CHORUS_NO_STORY)
            counts[c->articles[i]->story]++;
    size_t off = 0;
    for (size_t s = 0; s < ns; s++) {
        c->stories[s].articles = all + off;
        off += counts[s];
        counts[s] = 0;
    }
    for (size_t i = 0; i < c->article_count; i++) {
        size_t s = c->articles[i]->story;
        if (s != CHORUS_NO_STORY)
            c->stories[s].articles[counts[s]++] = i;
    }
    c->story_count = ns;
    double facts_before = c->times.seconds[CHORUS_STAGE_FACTS];
    if (c->opts.facts && !c->lexicon) {
        double t = chorus__now();
        c->lexicon = chorus__lexicon_new();
        chorus__stage_done(c, CHORUS_STAGE_FACTS, t);
        if (!c->lexicon) {
            free(counts);
            free(sum);
            return CHORUS_ENOMEM;
        }
    }
    for (size_t s = 0; !rc && s < ns; s++) {
        snprintf(c->stories[s].id, sizeof c->stories[s].id, "s%zu", s + 1);
        rc = build_story(c, &c->stories[s], c->stories[s].articles, counts[s], sum);
    }
    free(counts);
    free(sum);
    /* The stories' loop did both; the facts' share is already counted. */
    chorus__stage_done(c, CHORUS_STAGE_SUMMARIZE, t3);
    c->times.seconds[CHORUS_STAGE_SUMMARIZE] -= c->times.seconds[CHORUS_STAGE_FACTS] - facts_before;
    if (!c->opts.compact)
        chorus__progress(c, "done", ns);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Results                                                                */
/* ---------------------------------------------------------------------- */

size_t chorus_corpus_article_count(const chorus_corpus *c)
{
    return c ? chorus__articles_read(c) : 0;
}

size_t chorus_corpus_story_count(const chorus_corpus *c)
{
    return c ? c->story_count : 0;
}

int chorus_corpus_article(const chorus_corpus *c, size_t index, chorus_article_info *out)
{
    if (!c || !out)
        return CHORUS_EINVAL;
    if (index >= chorus__articles_read(c))
        return CHORUS_ERANGE;
    if (c->stream)
        return CHORUS_ESTATE;
    const chorus__article *a = c->articles[index];
    memset(out, 0, sizeof *out);
    out->id = a->id;
    out->path = a->path;
    out->input_id = a->input_id;
    out->title = a->title;
    out->source = a->source;
    out->url = a->url;
    out->published = a->published.precision ? a->published_iso : NULL;
    out->language = a->language;
    out->text = a->text ? a->text : "";
    out->words = a->words;
    out->duplicate_of = a->duplicate_of >= 0 ? c->articles[a->duplicate_of]->id : NULL;
    out->removed = a->removed;
    out->removed_count = a->removed_count;
    out->story = a->story;
    out->author = a->author;
    out->fetched = a->fetched;
    out->non_article = chorus__nonarticle_name(a->non_article);
    return 0;
}

int chorus_corpus_story(const chorus_corpus *c, size_t index, chorus_story_info *out)
{
    if (!c || !out)
        return CHORUS_EINVAL;
    if (index >= c->story_count)
        return CHORUS_ERANGE;
    if (c->stream)
        return CHORUS_ESTATE;
    const chorus__story *s = &c->stories[index];
    memset(out, 0, sizeof *out);
    out->id = s->id;
    out->headline = s->headline;
    out->start = s->start[0] ? s->start : NULL;
    out->end = s->end[0] ? s->end : NULL;
    out->articles = s->articles;
    out->article_count = s->article_count;
    out->summary = s->summary;
    out->summary_count = s->summary_count;
    out->entities = s->entities;
    out->entity_count = s->entity_count;
    out->quotes = s->quotes;
    out->quote_count = s->quote_count;
    out->figures = s->figures;
    out->figure_count = s->figure_count;
    out->timeline = s->timeline;
    out->event_count = s->event_count;
    out->coverage = s->coverage;
    out->coverage_count = s->coverage_count;
    return 0;
}
