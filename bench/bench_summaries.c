/* bench_summaries.c - summary quality (ROUGE-1, ROUGE-2) and time per story on the Multi-News stories.
 *
 * Each story of ../shared/data/multinews-validation/clusters.jsonl (never
 * copied into the project) is one corpus of its documents, analysed as
 * `chorus summarize --words N` analyses its inputs (one story, the web junk
 * cleaned), with N the word count of the story's reference summary. Chorus's
 * summary, cut there, is scored against the reference with ROUGE-1.5.5's
 * ROUGE-1 and ROUGE-2 (bench/lib/rouge.h), next to two baselines computed
 * here on the same cleaned sentences and cut at the same length:
 *   - lead-3: the first three sentences of each article, articles in input
 *     order (Multi-News's "First-3");
 *   - centroid: sentences ranked by the cosine of their TF-IDF vector with
 *     the story's centroid (IDF over every document of the file), taken in
 *     that order, skipping one whose cosine with a sentence already taken
 *     exceeds 0.5.
 * The reference's word count leaves out tokens without a letter or digit,
 * such as the dash every Multi-News summary opens with.
 *
 * --words N scores every summary at N words instead (DUC scored 100-word
 * summaries); --dump FILE writes each story's summaries as JSON lines.
 *
 * Usage: bench_summaries [--data DIR] [--stories N] [--words N] [--dump FILE] */
#define _DEFAULT_SOURCE /* open_memstream, getline */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "chorus.h"
#include "corpus.h"
#include "rouge.h"
#include "vocab.h"

/* Cosine with a sentence already in the centroid summary above which a
 * candidate repeats it. */
#define CENTROID_REDUNDANCY 0.5

typedef struct {
    chorus_corpus *corpus;
    char *reference;
    size_t budget; /* words of the reference */
} story;

/* What one summariser scored on every story. */
typedef struct {
    const char *name;
    double *r1, *f1, *r2, *f2;
} system_scores;

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

static size_t reference_words(const char *s)
{
    size_t n = 0;
    while (*s) {
        while (*s == ' ' || *s == '\n' || *s == '\t')
            s++;
        if (!*s)
            break;
        int alnum = 0;
        for (; *s && *s != ' ' && *s != '\n' && *s != '\t'; s++)
            alnum |= (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9');
        n += alnum;
    }
    return n;
}

static int score(system_scores *sys, size_t k, const char *summary, const char *reference)
{
    rouge_text peer = {0}, model = {0};
    rouge_score s1, s2;
    int rc = rouge_text_init(&peer, summary) || rouge_text_init(&model, reference) ||
             rouge_n(&peer, &model, 1, &s1) || rouge_n(&peer, &model, 2, &s2);
    rouge_text_free(&peer);
    rouge_text_free(&model);
    if (rc)
        return -1;
    sys->r1[k] = s1.recall, sys->f1[k] = s1.f1;
    sys->r2[k] = s2.recall, sys->f2[k] = s2.f1;
    return 0;
}

static void report(const system_scores *sys, size_t n)
{
    printf("  %-9s R-1 recall %5.2f  F1 %5.2f   R-2 recall %5.2f  F1 %5.2f\n", sys->name,
           100 * rouge_average(sys->r1, n), 100 * rouge_average(sys->f1, n),
           100 * rouge_average(sys->r2, n), 100 * rouge_average(sys->f2, n));
}

/* The text of sentence k of article a, or NULL for a heading. */
static int sentence_text(const chorus__article *a, size_t k, chorus__buf *out)
{
    const chorus__sentence *s = &a->sentences[k];
    if (s->flags & CHORUS_SENT_HEADING)
        return 0;
    if (out->len && chorus__buf_putc(out, ' '))
        return -1;
    return chorus__buf_append(out, a->text + s->start, s->len) ? -1 : 1;
}

static char *lead3(const chorus_corpus *c, size_t budget)
{
    chorus__buf b = {0};
    for (size_t i = 0; i < c->article_count; i++) {
        const chorus__article *a = c->articles[i];
        for (size_t k = 0, taken = 0; k < a->sentence_count && taken < 3; k++)
            taken += sentence_text(a, k, &b) > 0;
    }
    if (!b.data)
        return strdup("");
    b.data[rouge_cut_words(b.data, budget)] = '\0';
    return chorus__buf_detach(&b);
}

/* ---------------------------------------------------------------------- */
/* Centroid baseline                                                      */
/* ---------------------------------------------------------------------- */

/* Document frequency of stems over every document of the file. */
typedef struct {
    chorus__vocab *stems;
    double *df;
    size_t cap;
    size_t documents;
} doc_freq;

/* The global id of a story's term, or CHORUS_VOCAB_NONE when out of memory. */
static uint32_t global_term(doc_freq *d, const chorus_corpus *c, uint32_t term)
{
    size_t len;
    const char *s = chorus__vocab_term(c->an.vocab, term, &len);
    uint32_t id = chorus__vocab_intern(d->stems, s, len);
    if (id != CHORUS_VOCAB_NONE && id >= d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 4096;
        while (cap <= id)
            cap *= 2;
        double *df = realloc(d->df, cap * sizeof *df);
        if (!df)
            return CHORUS_VOCAB_NONE;
        memset(df + d->cap, 0, (cap - d->cap) * sizeof *df);
        d->df = df;
        d->cap = cap;
    }
    return id;
}

static int is_content(const chorus__token *t)
{
    return !(t->flags & CHORUS_TOK_STOP);
}

static int count_documents(doc_freq *d, const chorus_corpus *c)
{
    for (size_t i = 0; i < c->article_count; i++) {
        const chorus__article *a = c->articles[i];
        uint32_t *seen = malloc((a->words + 1) * sizeof *seen);
        size_t n = 0;
        if (!seen)
            return -1;
        for (size_t t = 0; t < a->words; t++) {
            if (!is_content(&a->tokens[t]))
                continue;
            uint32_t id = global_term(d, c, a->tokens[t].term);
            if (id == CHORUS_VOCAB_NONE) {
                free(seen);
                return -1;
            }
            int dup = 0;
            for (size_t k = 0; k < n && !dup; k++)
                dup = seen[k] == id;
            if (!dup) {
                seen[n++] = id;
                d->df[id]++;
            }
        }
        free(seen);
        d->documents++;
    }
    return 0;
}

typedef struct {
    const chorus__article *article;
    size_t sentence;
    double *vec; /* dense over the story's local terms */
    double norm, score;
} centroid_sentence;

static double dot(const double *a, const double *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

static int cmp_score(const void *x, const void *y)
{
    const centroid_sentence *a = x, *b = y;
    return (a->score < b->score) - (a->score > b->score);
}

static char *centroid(doc_freq *d, const chorus_corpus *c, size_t budget)
{
    /* Local dense term space: the story's vocabulary is small. */
    size_t V = chorus__vocab_size(c->an.vocab);
    double *idf = calloc(V + 1, sizeof *idf), *center = calloc(V + 1, sizeof *center);
    size_t ns = 0;
    for (size_t i = 0; i < c->article_count; i++)
        ns += c->articles[i]->sentence_count;
    centroid_sentence *sents = calloc(ns + 1, sizeof *sents);
    chorus__buf b = {0};
    if (!idf || !center || !sents)
        goto fail;
    for (uint32_t t = 0; t < V; t++) {
        uint32_t id = global_term(d, c, t);
        if (id == CHORUS_VOCAB_NONE)
            goto fail;
        idf[t] = log((double)d->documents / (1.0 + d->df[id]));
    }
    size_t n = 0;
    for (size_t i = 0; i < c->article_count; i++) {
        const chorus__article *a = c->articles[i];
        if (a->duplicate_of >= 0)
            continue;
        for (size_t k = 0; k < a->sentence_count; k++) {
            const chorus__sentence *s = &a->sentences[k];
            if (s->flags & CHORUS_SENT_HEADING)
                continue;
            centroid_sentence *x = &sents[n];
            x->vec = calloc(V + 1, sizeof *x->vec);
            if (!x->vec)
                goto fail;
            n++;
            x->article = a;
            x->sentence = k;
            for (size_t t = s->tok_start; t < s->tok_start + s->tok_count; t++)
                if (is_content(&a->tokens[t]))
                    x->vec[a->tokens[t].term] += idf[a->tokens[t].term];
            for (size_t t = 0; t < V; t++)
                center[t] += x->vec[t];
        }
    }
    for (size_t i = 0; i < n; i++) {
        sents[i].norm = sqrt(dot(sents[i].vec, sents[i].vec, V));
        sents[i].score = sents[i].norm > 0 ? dot(sents[i].vec, center, V) / sents[i].norm : 0;
    }
    qsort(sents, n, sizeof *sents, cmp_score);
    size_t words = 0, *chosen = calloc(n + 1, sizeof *chosen), picked = 0;
    if (!chosen)
        goto fail;
    for (size_t i = 0; i < n && words < budget; i++) {
        int repeats = sents[i].norm == 0;
        for (size_t k = 0; k < picked && !repeats; k++) {
            const centroid_sentence *y = &sents[chosen[k]];
            repeats = dot(sents[i].vec, y->vec, V) / (sents[i].norm * y->norm) > CENTROID_REDUNDANCY;
        }
        if (repeats)
            continue;
        chosen[picked++] = i;
        const chorus__sentence *s = &sents[i].article->sentences[sents[i].sentence];
        if (sentence_text(sents[i].article, sents[i].sentence, &b) < 0) {
            free(chosen);
            goto fail;
        }
        words += s->tok_count;
    }
    free(chosen);
    for (size_t i = 0; i < n; i++)
        free(sents[i].vec);
    free(sents), free(idf), free(center);
    if (!b.data)
        return strdup("");
    b.data[rouge_cut_words(b.data, budget)] = '\0';
    return chorus__buf_detach(&b);
fail:
    for (size_t i = 0; sents && i < ns; i++)
        free(sents[i].vec);
    free(sents), free(idf), free(center);
    chorus__buf_free(&b);
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Chorus                                                                 */
/* ---------------------------------------------------------------------- */

static chorus_corpus *load_story(json_t *docs, size_t budget, size_t index)
{
    chorus_options o;
    chorus_options_init(&o);
    o.one_story = 1;
    o.facts = 0; /* as chorus summarize: the summary alone is measured */
    o.summary_words = (unsigned)budget;
    o.summary_sentences = 1000;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return NULL;
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d) {
        const char *text = json_string_value(d);
        char name[64];
        snprintf(name, sizeof name, "story%zu/doc%zu", index, i);
        if (text && chorus_corpus_add_text(c, name, text, strlen(text)) < 0) {
            chorus_corpus_free(c);
            return NULL;
        }
    }
    return c;
}

static char *chorus_summary(const chorus_corpus *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    if (chorus_corpus_story_count(c))
        chorus_write_summary(c, f, 0);
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    const char *data = "../shared/data", *dump = NULL;
    size_t limit = (size_t)-1, fixed_budget = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--stories") == 0 && i + 1 < argc)
            limit = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--words") == 0 && i + 1 < argc)
            fixed_budget = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            dump = argv[++i];
        else {
            fprintf(stderr, "usage: %s [--data DIR] [--stories N] [--words N] [--dump FILE]\n", argv[0]);
            return 2;
        }
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/multinews-validation/clusters.jsonl", data);
    if (fixed_budget)
        printf("bench summaries: ROUGE-1.5.5 -m -n 2 on Multi-News stories, at %zu words\n", fixed_budget);
    else
        printf("bench summaries: ROUGE-1.5.5 -m -n 2 on Multi-News stories, at the reference's length\n");
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("  skipped: %s is not readable\n", path);
        return 0;
    }

    /* Every story analysed and summarised first: the time per story covers
     * what `chorus summarize` does once its inputs are read. */
    story *stories = NULL;
    size_t n = 0, cap = 0, documents = 0;
    double analyze = 0, summarize = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (n < limit && getline(&line, &lcap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        json_t *docs = o ? json_object_get(o, "documents") : NULL;
        const char *ref = o ? json_string_value(json_object_get(o, "summary")) : NULL;
        if (!docs || !ref) {
            json_decref(o);
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            story *grown = realloc(stories, cap * sizeof *stories);
            if (!grown)
                return 1;
            stories = grown;
        }
        story *s = &stories[n];
        double t0 = chorus__now();
        s->reference = strdup(ref);
        s->budget = fixed_budget ? fixed_budget : reference_words(ref);
        s->corpus = load_story(docs, s->budget, n);
        documents += json_array_size(docs);
        json_decref(o);
        if (!s->corpus || !s->reference) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
        chorus_corpus_analyze(s->corpus);
        analyze += chorus__now() - t0;
        summarize += s->corpus->times.seconds[CHORUS_STAGE_SUMMARIZE];
        n++;
    }
    free(line);
    fclose(f);

    system_scores systems[3] = {{"chorus", 0, 0, 0, 0}, {"lead-3", 0, 0, 0, 0}, {"centroid", 0, 0, 0, 0}};
    for (int k = 0; k < 3; k++) {
        systems[k].r1 = calloc(n + 1, sizeof(double));
        systems[k].f1 = calloc(n + 1, sizeof(double));
        systems[k].r2 = calloc(n + 1, sizeof(double));
        systems[k].f2 = calloc(n + 1, sizeof(double));
    }
    doc_freq df = {chorus__vocab_new(), NULL, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (count_documents(&df, stories[i].corpus))
            return 1;
    FILE *out = dump ? fopen(dump, "w") : NULL;
    for (size_t i = 0; i < n; i++) {
        story *s = &stories[i];
        char *texts[3] = {chorus_summary(s->corpus), lead3(s->corpus, s->budget),
                          centroid(&df, s->corpus, s->budget)};
        for (int k = 0; k < 3; k++) {
            if (!texts[k] || score(&systems[k], i, texts[k], s->reference)) {
                fprintf(stderr, "out of memory\n");
                return 1;
            }
        }
        if (out) {
            json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:f, s:f}", "story", (json_int_t)i,
                                  "reference", s->reference, "chorus", texts[0], "lead3", texts[1],
                                  "centroid", texts[2], "r1", systems[0].r1[i], "r2", systems[0].r2[i]);
            char *js = json_dumps(o, JSON_COMPACT);
            fprintf(out, "%s\n", js);
            free(js);
            json_decref(o);
        }
        for (int k = 0; k < 3; k++)
            free(texts[k]);
    }
    if (out)
        fclose(out);

    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += stories[i].budget;
    printf("  %zu stories, %zu documents, summaries of %.0f words on average\n", n, documents,
           n ? (double)words / (double)n : 0.0);
    for (int k = 0; k < 3; k++)
        report(&systems[k], n);
    printf("  published, full Multi-News test set: LexRank 38.3 / 12.7, TextRank 38.4 / 13.1, MMR 38.8 / 12.0 (R-1 / R-2)\n");
    printf("  chorus time per story: %.2f ms from reading to summary, %.2f ms summarising; peak %.0f MB\n",
           n ? 1000 * analyze / (double)n : 0.0, n ? 1000 * summarize / (double)n : 0.0, peak_mb());

    for (int k = 0; k < 3; k++)
        free(systems[k].r1), free(systems[k].f1), free(systems[k].r2), free(systems[k].f2);
    for (size_t i = 0; i < n; i++) {
        chorus_corpus_free(stories[i].corpus);
        free(stories[i].reference);
    }
    free(stories);
    chorus__vocab_free(df.stems);
    free(df.df);
    return 0;
}
