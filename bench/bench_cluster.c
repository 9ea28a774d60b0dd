/* bench_cluster.c - story clustering and near-duplicate detection: quality on the development data, time and memory up to a million articles.
 *
 * Three parts, printed in one run:
 *
 *  1. Grouping quality on the Multi-News development stories (all documents
 *     mixed together, in a shuffled order) and on the UCI News Aggregator
 *     headlines (with their story ids and timestamps), as pairwise precision,
 *     recall and F1 and B-cubed F1. Multi-News documents whose first 80
 *     characters recur across stories (crawl and embed notices) and those
 *     under 60 words are left out of the scoring, as the data's README says.
 *     Then the same-language pairs of SemEval 2022 (articles in ten languages
 *     rated by readers as one story or not), all in one corpus: precision,
 *     recall and F1 of the pairs put in one story, by language.
 *  2. Scaling: corpora of 10,000, 100,000 and 1,000,000 articles generated
 *     from Multi-News paragraphs (see generate()), clustered by the chorus
 *     command as a user runs it, with wall time, articles per second, peak
 *     memory, the precision and recall of the planted near-duplicates, and
 *     the grouping against the generated stories.
 *  3. The same 10,000 articles on one thread and on two: time, and whether
 *     the outputs are identical.
 *
 * The data is read from ../shared/data at run time and never copied into the
 * project; without it each part says so and is skipped.
 *
 * Usage: bench_cluster [--data DIR] [--out DIR] [--chorus PATH] [--sizes N,N,...] */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chorus.h"
#include "child.h"
#include "pools.h"

/* ---------------------------------------------------------------------- */
/* Small helpers                                                          */
/* ---------------------------------------------------------------------- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "bench_cluster: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ---------------------------------------------------------------------- */
/* Scores                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct {
    double p, r, f1;     /* pairwise */
    double bp, br, bf1;  /* B-cubed */
    size_t items, true_groups, found_groups;
} scores;

typedef struct {
    long a, b;
} label_pair;

static int cmp_pair(const void *x, const void *y)
{
    const label_pair *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    return (p->b > q->b) - (p->b < q->b);
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

static int cmp_long(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    return (a > b) - (a < b);
}

/* Sizes of the groups of `labels` (sorted in place), written to each item's
 * position through `of`: of(sorted label) is found by binary search later. */
typedef struct {
    long *labels;
    size_t *sizes;
    size_t count;
} group_sizes;

static group_sizes count_groups(const long *labels, size_t n)
{
    group_sizes g;
    long *sorted = xmalloc(n * sizeof *sorted);
    memcpy(sorted, labels, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_long);
    g.labels = xmalloc((n + 1) * sizeof *g.labels);
    g.sizes = xmalloc((n + 1) * sizeof *g.sizes);
    g.count = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
            g.labels[g.count] = sorted[i];
            g.sizes[g.count++] = 0;
        }
        g.sizes[g.count - 1]++;
    }
    free(sorted);
    return g;
}

static size_t size_of(const group_sizes *g, long label)
{
    size_t lo = 0, hi = g->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g->labels[mid] < label)
            lo = mid + 1;
        else
            hi = mid;
    }
    return g->sizes[lo];
}

/* Pairwise and B-cubed scores of a grouping `found` against `truth`, over
 * n items. */
static scores score(const long *truth, const long *found, size_t n)
{
    scores s = {0};
    s.items = n;
    if (n == 0)
        return s;
    group_sizes gt = count_groups(truth, n), gf = count_groups(found, n);
    s.true_groups = gt.count;
    s.found_groups = gf.count;
    label_pair *both = xmalloc(n * sizeof *both);
    for (size_t i = 0; i < n; i++)
        both[i] = (label_pair){truth[i], found[i]};
    qsort(both, n, sizeof *both, cmp_pair);
    double tp = 0, pp = 0, tt = 0, bp = 0, br = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && both[j].a == both[i].a && both[j].b == both[i].b)
            j++;
        double c = (double)(j - i);
        tp += c * (c - 1) / 2;
        /* Each of the c items sees c of its found group and c of its true one. */
        bp += c * c / (double)size_of(&gf, both[i].b);
        br += c * c / (double)size_of(&gt, both[i].a);
        i = j;
    }
    for (size_t k = 0; k < gf.count; k++)
        pp += (double)gf.sizes[k] * (double)(gf.sizes[k] - 1) / 2;
    for (size_t k = 0; k < gt.count; k++)
        tt += (double)gt.sizes[k] * (double)(gt.sizes[k] - 1) / 2;
    s.p = pp > 0 ? tp / pp : 1;
    s.r = tt > 0 ? tp / tt : 1;
    s.f1 = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0;
    s.bp = bp / (double)n;
    s.br = br / (double)n;
    s.bf1 = s.bp + s.br > 0 ? 2 * s.bp * s.br / (s.bp + s.br) : 0;
    free(both);
    free(gt.labels), free(gt.sizes), free(gf.labels), free(gf.sizes);
    return s;
}

static void print_scores(const char *name, const scores *s, double seconds)
{
    printf("  %-10s pairwise P %.3f R %.3f F1 %.3f   B-cubed P %.3f R %.3f F1 %.3f   "
           "%zu items, %zu stories (found %zu), %.2f s\n",
           name, s->p, s->r, s->f1, s->bp, s->br, s->bf1, s->items, s->true_groups,
           s->found_groups, seconds);
}

/* ---------------------------------------------------------------------- */
/* Running chorus in-process on a labelled JSON Lines file                */
/* ---------------------------------------------------------------------- */

typedef struct {
    char **ids;   /* input ids, in file order */
    long *truth;  /* true story of each */
    int *scored;  /* 0: left out of the scoring */
    size_t count, cap, scored_count;
} labelled;

static void labelled_add(labelled *l, const char *id, long truth, int scored)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->ids = realloc(l->ids, l->cap * sizeof *l->ids);
        l->truth = realloc(l->truth, l->cap * sizeof *l->truth);
        l->scored = realloc(l->scored, l->cap * sizeof *l->scored);
        if (!l->ids || !l->truth || !l->scored) {
            fprintf(stderr, "bench_cluster: out of memory\n");
            exit(1);
        }
    }
    l->ids[l->count] = xstrdup(id);
    l->truth[l->count] = truth;
    l->scored[l->count] = scored;
    l->scored_count += scored != 0;
    l->count++;
}

static void labelled_free(labelled *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->ids[i]);
    free(l->ids), free(l->truth), free(l->scored);
}

/* Clusters `path` as chorus cluster does, with the order seed `seed`, and
 * scores it against `l`, whose ids are the file's "id" fields in file
 * order; counts the inputs found not to be articles. Returns 0, or -1 when
 * chorus failed. */
static int cluster_scores(const char *path, const labelled *l, unsigned seed, scores *out, double *seconds,
                          size_t *non_articles, size_t *non_scored)
{
    chorus_options o;
    chorus_options_init(&o);
    o.summary_sentences = 0;
    o.facts = 0;
    o.compact = 1;
    o.cluster_order_seed = seed;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return -1;
    double t0 = now();
    chorus_corpus_add_path(c, path);
    if (chorus_corpus_analyze(c)) {
        chorus_corpus_free(c);
        return -1;
    }
    *seconds = now() - t0;
    size_t n = chorus_corpus_article_count(c);
    long *truth = xmalloc((n + 1) * sizeof *truth), *found = xmalloc((n + 1) * sizeof *found);
    size_t m = 0, k = 0;
    *non_articles = *non_scored = 0;
    /* Articles come back in input order; an input line chorus skipped (no
     * text) is matched by its id. */
    for (size_t i = 0; i < n; i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        while (k < l->count && (!a.input_id || strcmp(l->ids[k], a.input_id) != 0))
            k++;
        if (k == l->count)
            break;
        *non_articles += a.non_article != NULL;
        *non_scored += a.non_article && !l->scored[k];
        if (l->scored[k]) {
            truth[m] = l->truth[k];
            /* An input in no story is a story of its own. */
            found[m++] = a.story == CHORUS_NO_STORY ? -1 - (long)i : (long)a.story;
        }
        k++;
    }
    *out = score(truth, found, m);
    free(truth), free(found);
    chorus_corpus_free(c);
    return 0;
}

/* Other orders of the articles of one day (or undated): grouping is a
 * single pass, and these seeds tell how much its figures owe to the order
 * chorus happens to take. */
#define ORDER_SEEDS 8

/* Clusters `path` as chorus cluster does, scores it against `l` and prints
 * the figures, then their spread over ORDER_SEEDS other orders. */
static int cluster_and_score(const char *name, const char *path, const labelled *l)
{
    scores s;
    double seconds;
    size_t non_articles, non_scored;
    if (cluster_scores(path, l, 0, &s, &seconds, &non_articles, &non_scored))
        return -1;
    print_scores(name, &s, seconds);
    if (non_articles)
        printf("  %-10s %zu inputs found not to be articles (in no story), %zu of them among the "
               "%zu left out of the scoring\n",
               name, non_articles, non_scored, l->count - (size_t)l->scored_count);
    double f1 = 0, f1_min = 1, f1_max = 0, bf1 = 0;
    for (unsigned seed = 1; seed <= ORDER_SEEDS; seed++) {
        if (cluster_scores(path, l, seed, &s, &seconds, &non_articles, &non_scored))
            return -1;
        f1 += s.f1 / ORDER_SEEDS;
        bf1 += s.bf1 / ORDER_SEEDS;
        f1_min = s.f1 < f1_min ? s.f1 : f1_min;
        f1_max = s.f1 > f1_max ? s.f1 : f1_max;
    }
    printf("  %-10s %d other orders of the articles of one day: pairwise F1 %.3f on average (%.3f to %.3f), "
           "B-cubed F1 %.3f\n",
           name, ORDER_SEEDS, f1, f1_min, f1_max, bf1);
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Multi-News                                                             */
/* ---------------------------------------------------------------------- */

typedef struct {
    char *id;
    char *text;
    long story;
} document;

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void quality_multinews(const char *data, const char *out)
{
    char path[2048], mixed[2048];
    snprintf(path, sizeof path, "%s/multinews-validation/clusters.jsonl", data);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("  multinews: skipped: %s is not readable (%s)\n", path, strerror(errno));
        return;
    }
    document *docs = NULL;
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        json_t *arr = o ? json_object_get(o, "documents") : NULL;
        long story = o ? (long)json_integer_value(json_object_get(o, "cluster")) : 0;
        size_t i;
        json_t *d;
        json_array_foreach(arr, i, d) {
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                docs = realloc(docs, cap * sizeof *docs);
                if (!docs)
                    exit(1);
            }
            char id[64];
            snprintf(id, sizeof id, "m%ld_%zu", story, i);
            docs[n].id = xstrdup(id);
            docs[n].text = xstrdup(json_string_value(d) ? json_string_value(d) : "");
            docs[n].story = story;
            n++;
        }
        json_decref(o);
    }
    free(line);
    fclose(f);

    /* Left out of the scoring: documents whose first 80 characters recur in
     * another story (notices, not articles), and documents under 60 words. */
    char **heads = xmalloc((n + 1) * sizeof *heads);
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        snprintf(buf, sizeof buf, "%.80s\t%ld", docs[i].text, docs[i].story);
        heads[i] = xstrdup(buf);
    }
    qsort(heads, n, sizeof *heads, cmp_str);
    int *scored = xmalloc((n + 1) * sizeof *scored);
    size_t left_out = 0;
    for (size_t i = 0; i < n; i++) {
        char head[128];
        snprintf(head, sizeof head, "%.80s\t", docs[i].text);
        size_t hl = strlen(head), stories = 0;
        const char *last = NULL;
        /* Distinct stories among the entries that start with this head. */
        for (size_t k = 0; k < n; k++) {
            if (strncmp(heads[k], head, hl) != 0)
                continue;
            if (!last || strcmp(last, heads[k]) != 0)
                stories++;
            last = heads[k];
        }
        scored[i] = stories < 2 && bench_word_count(docs[i].text) >= 60;
        left_out += !scored[i];
    }
    for (size_t i = 0; i < n; i++)
        free(heads[i]);
    free(heads);

    /* All documents mixed, in a shuffled order. */
    size_t *order = xmalloc((n + 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    bench_rng r = {0x9E3779B97F4A7C15ULL};
    for (size_t i = n; i > 1; i--) {
        size_t j = bench_rng_next(&r) % i, t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    snprintf(mixed, sizeof mixed, "%s/multinews-mixed.jsonl", out);
    FILE *w = fopen(mixed, "w");
    labelled l = {0};
    for (size_t k = 0; w && k < n; k++) {
        const document *d = &docs[order[k]];
        json_t *o = json_pack("{s:s, s:s}", "id", d->id, "text", d->text);
        char *s = json_dumps(o, JSON_COMPACT);
        fprintf(w, "%s\n", s);
        free(s);
        json_decref(o);
        labelled_add(&l, d->id, d->story, scored[order[k]]);
    }
    if (!w || fclose(w) != 0) {
        printf("  multinews: cannot write %s\n", mixed);
    } else {
        printf("  multinews: %zu documents of 250 stories mixed, %zu left out of the scoring\n", n,
               left_out);
        if (cluster_and_score("multinews", mixed, &l))
            printf("  multinews: chorus failed\n");
    }
    labelled_free(&l);
    for (size_t i = 0; i < n; i++)
        free(docs[i].id), free(docs[i].text);
    free(docs), free(scored), free(order);
}

/* ---------------------------------------------------------------------- */
/* SemEval 2022 pairs: one story or two                                   */
/* ---------------------------------------------------------------------- */

/* Reads the next RFC 4180 record of a whole file, in place: quoted fields
 * may hold commas, doubled quotes and line breaks. Returns the field count
 * (at most `max`), 0 at the end of the buffer. */
static size_t csv_record(char **cursor, char **fields, size_t max)
{
    char *s = *cursor;
    if (!*s)
        return 0;
    size_t n = 0;
    for (;;) {
        char *out = s, *start = s;
        if (*s == '"') {
            s++;
            for (;;) {
                if (*s == '"' && s[1] == '"') {
                    *out++ = '"';
                    s += 2;
                } else if (*s == '"' || *s == '\0') {
                    if (*s)
                        s++;
                    break;
                } else {
                    *out++ = *s++;
                }
            }
            while (*s && *s != ',' && *s != '\n')
                s++;
        } else {
            while (*s && *s != ',' && *s != '\n' && *s != '\r')
                *out++ = *s++;
            while (*s == '\r')
                s++;
        }
        char end = *s;
        *out = '\0';
        if (n < max)
            fields[n++] = start;
        if (end)
            s++;
        if (end != ',')
            break;
    }
    *cursor = s;
    return n;
}

/* Same-language pairs of articles rated by readers from 1 (one story) to 4
 * (unrelated): does chorus put the two in one story? A pair rated 1.5 or
 * better counts as one story, as the data's README says. Every article of
 * these pairs goes into one corpus, ten languages mixed as in a feed, grouped
 * with chorus cluster's settings; each article once, though it may be in
 * several pairs. */
typedef struct {
    char lang[8];
    size_t pairs, same, together, both;
} pair_tally;

static void tally_pair(pair_tally *t, int same, int together)
{
    t->pairs++;
    t->same += same;
    t->together += together;
    t->both += same && together;
}

static void quality_pairs(const char *data)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/semeval2022-train/training_set.csv", data);
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("  semeval: skipped: %s is not readable (%s)\n", path, strerror(errno));
        return;
    }
    size_t cap = 1 << 22, len = 0, got;
    char *buf = xmalloc(cap + 1);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
            if (!buf)
                abort();
        }
    }
    fclose(f);
    buf[len] = '\0';

    enum { PAIR_ID, LANG1, LANG2, TEXT1, TEXT2, OVERALL, NEEDED };
    static const char *const wanted[NEEDED] = {"pair_id", "lang1", "lang2", "text1", "text2", "Overall"};
    int column[NEEDED];
    char *fields[32], *cursor = buf;
    size_t nf = csv_record(&cursor, fields, 32);
    for (int w = 0; w < NEEDED; w++) {
        column[w] = -1;
        for (size_t k = 0; k < nf; k++)
            if (strcmp(fields[k], wanted[w]) == 0)
                column[w] = (int)k;
        if (column[w] < 0) {
            printf("  semeval: skipped: %s has no %s column\n", path, wanted[w]);
            free(buf);
            return;
        }
    }
    chorus_options o;
    chorus_options_init(&o);
    o.summary_sentences = 0;
    o.facts = 0;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o)) {
        free(buf);
        return;
    }
    /* The pairs as article names ("a1586893419"), with their language and
     * rating; the fields stay in buf. */
    typedef struct {
        char first[24], second[24];
        const char *lang;
        int same;
    } pair;
    pair *pairs = NULL;
    size_t np = 0, pcap = 0;
    labelled seen = {0}; /* the names added, to add each article once */
    while ((nf = csv_record(&cursor, fields, 32)) > 0) {
        int short_record = 0;
        for (int w = 0; w < NEEDED; w++)
            short_record |= (size_t)column[w] >= nf;
        if (short_record || strcmp(fields[column[LANG1]], fields[column[LANG2]]) != 0)
            continue;
        char *id2 = strchr(fields[column[PAIR_ID]], '_');
        if (!id2)
            continue;
        *id2++ = '\0';
        if (np == pcap) {
            pcap = pcap ? 2 * pcap : 1024;
            pairs = realloc(pairs, pcap * sizeof *pairs);
            if (!pairs)
                abort();
        }
        pair *pr = &pairs[np++];
        snprintf(pr->first, sizeof pr->first, "a%s", fields[column[PAIR_ID]]);
        snprintf(pr->second, sizeof pr->second, "a%s", id2);
        pr->lang = fields[column[LANG1]];
        pr->same = atof(fields[column[OVERALL]]) <= 1.5;
        const char *names[2] = {pr->first, pr->second}, *texts[2] = {fields[column[TEXT1]], fields[column[TEXT2]]};
        for (int k = 0; k < 2; k++) {
            size_t m = 0;
            while (m < seen.count && strcmp(seen.ids[m], names[k]) != 0)
                m++;
            if (m < seen.count)
                continue;
            labelled_add(&seen, names[k], 0, 1);
            chorus_corpus_add_text(c, names[k], texts[k], strlen(texts[k]));
        }
    }
    double t0 = now();
    int ok = chorus_corpus_analyze(c) == 0;
    double seconds = now() - t0;
    /* Each article's story, by name. */
    size_t n = chorus_corpus_article_count(c);
    pair_tally langs[32], all;
    memset(langs, 0, sizeof langs);
    memset(&all, 0, sizeof all);
    size_t nl = 0;
    for (size_t k = 0; ok && k < np; k++) {
        size_t story[2] = {CHORUS_NO_STORY, CHORUS_NO_STORY};
        for (size_t i = 0; i < n; i++) {
            chorus_article_info a;
            chorus_corpus_article(c, i, &a);
            if (strcmp(a.path, pairs[k].first) == 0)
                story[0] = a.story;
            else if (strcmp(a.path, pairs[k].second) == 0)
                story[1] = a.story;
        }
        int together = story[0] != CHORUS_NO_STORY && story[0] == story[1];
        size_t li = 0;
        while (li < nl && strcmp(langs[li].lang, pairs[k].lang) != 0)
            li++;
        if (li == nl && nl < sizeof langs / sizeof *langs)
            snprintf(langs[nl++].lang, sizeof langs[li].lang, "%s", pairs[k].lang);
        if (li < nl)
            tally_pair(&langs[li], pairs[k].same, together);
        tally_pair(&all, pairs[k].same, together);
    }
    printf("  semeval: %zu same-language pairs rated by readers, %zu of them one story (rated 1.5 or better); "
           "their %zu articles in one corpus\n",
           all.pairs, all.same, n);
    for (size_t k = 0; ok && k <= nl; k++) {
        const pair_tally *t = k < nl ? &langs[k] : &all;
        double p = t->together ? (double)t->both / (double)t->together : 1;
        double r = t->same ? (double)t->both / (double)t->same : 1;
        printf("  semeval %-4s pairs %4zu, one story %3zu: put together %3zu, precision %.3f recall %.3f F1 %.3f",
               k < nl ? t->lang : "all", t->pairs, t->same, t->together, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
        if (k == nl)
            printf(", %.2f s", seconds);
        printf("\n");
    }
    if (!ok)
        printf("  semeval: chorus failed\n");
    labelled_free(&seen);
    free(pairs);
    chorus_corpus_free(c);
    free(buf);
}

/* ---------------------------------------------------------------------- */
/* UCI News Aggregator headlines                                          */
/* ---------------------------------------------------------------------- */

static void quality_uci(const char *data, const char *out)
{
    char path[2048], jsonl[2048];
    snprintf(path, sizeof path, "%s/uci-news-prefix/uci-news-aggregator.head.csv", data);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("  uci: skipped: %s is not readable (%s)\n", path, strerror(errno));
        return;
    }
    snprintf(jsonl, sizeof jsonl, "%s/uci-headlines.jsonl", out);
    FILE *w = fopen(jsonl, "w");
    labelled l = {0};
    char **story_ids = NULL;
    size_t nstories = 0, story_cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    long lineno = 0;
    while (w && getline(&line, &lcap, f) > 0) {
        if (lineno++ == 0)
            continue; /* header */
        char *fl[8], *cursor = line;
        if (csv_record(&cursor, fl, 8) != 8)
            continue; /* a record cut short at the end of the prefix */
        /* Story ids as small numbers, by first appearance. */
        long story = -1;
        for (size_t k = nstories; k-- > 0;)
            if (strcmp(story_ids[k], fl[5]) == 0) {
                story = (long)k;
                break;
            }
        if (story < 0) {
            if (nstories == story_cap) {
                story_cap = story_cap ? story_cap * 2 : 64;
                story_ids = realloc(story_ids, story_cap * sizeof *story_ids);
                if (!story_ids)
                    exit(1);
            }
            story_ids[nstories] = xstrdup(fl[5]);
            story = (long)nstories++;
        }
        time_t ts = (time_t)(strtoll(fl[7], NULL, 10) / 1000);
        struct tm tm;
        gmtime_r(&ts, &tm);
        char published[32], id[32];
        strftime(published, sizeof published, "%Y-%m-%dT%H:%M:%S", &tm);
        snprintf(id, sizeof id, "u%s", fl[0]);
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", id, "title", fl[1], "text", fl[1],
                              "source", fl[3], "published", published);
        char *s = json_dumps(o, JSON_COMPACT);
        fprintf(w, "%s\n", s);
        free(s);
        json_decref(o);
        labelled_add(&l, id, story, 1);
    }
    free(line);
    fclose(f);
    if (!w || fclose(w) != 0) {
        printf("  uci: cannot write %s\n", jsonl);
    } else {
        printf("  uci: %zu headlines of %zu stories, with their publication times\n", l.count,
               nstories);
        if (cluster_and_score("uci", jsonl, &l))
            printf("  uci: chorus failed\n");
    }
    labelled_free(&l);
    for (size_t k = 0; k < nstories; k++)
        free(story_ids[k]);
    free(story_ids);
}

/* ---------------------------------------------------------------------- */
/* Generated corpora                                                      */
/* ---------------------------------------------------------------------- */

/* Articles per epoch: a new epoch of stories every EPOCH_DAYS days, so that
 * the number of stories grows with the corpus as a stream's does. */
#define ARTICLES_PER_EPOCH 5000
#define EPOCH_DAYS 10
/* Planted copies, in tenths of a percent of all articles, by kind. */
#define EXACT_PER_MILLE 20     /* the same text, another headline and outlet */
#define FURNITURE_PER_MILLE 20 /* page furniture added above and below */
#define NEW_LEAD_PER_MILLE 20  /* a different first paragraph */
/* Words dropped from each paragraph an article takes, in percent: two
 * articles built from one story's paragraphs share their words but few
 * five-word runs, as independent reports do. */
#define DROP_PERCENT 15
#define OUTLETS 60
#define MIN_POOL_PARAGRAPHS 20
/* Originals of copies are drawn from the last articles generated in the
 * same epoch. */
#define RECENT 4096
/* A copy with a new first paragraph is made of articles this long or more. */
#define NEW_LEAD_MIN_PARAGRAPHS 6

/* Appends paragraph p to b, each word kept with probability 1 - DROP_PERCENT. */
static void append_dropped(char **b, size_t *len, size_t *cap, const char *p, bench_rng *r)
{
    size_t need = *len + strlen(p) + 4;
    if (need > *cap) {
        *cap = need * 2;
        *b = realloc(*b, *cap);
        if (!*b)
            exit(1);
    }
    const char *s = p;
    int first = 1;
    while (*s) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        if (e > s && bench_rng_next(r) % 100 >= DROP_PERCENT) {
            if (!first)
                (*b)[(*len)++] = ' ';
            memcpy(*b + *len, s, (size_t)(e - s));
            *len += (size_t)(e - s);
            first = 0;
        }
        s = e;
    }
    (*b)[*len] = '\0';
}

/* What the generator knows about each article. */
typedef struct {
    long *story;     /* the generated story: pool and epoch */
    long *copy_of;   /* the article a planted copy copies, or -1 */
    unsigned char *kind; /* 0 original, 1 exact, 2 furniture, 3 new lead */
    size_t n;
    size_t planted[4];
} truth_t;

static void truth_free(truth_t *t)
{
    free(t->story), free(t->copy_of), free(t->kind);
}

typedef struct {
    char *text;
    size_t paragraphs;
    long index;
    long day;
} recent_article;

/*
 * Writes `n` articles to `path` as JSON Lines. Each epoch (ARTICLES_PER_EPOCH
 * articles, EPOCH_DAYS days apart) tells every Multi-News story again: an
 * article takes 4 to 12 distinct paragraphs of one story, in random order,
 * drops DROP_PERCENT of their words, and is published on one of the epoch's
 * first three days under a headline from the story. The same story in two
 * epochs is two stories (same topic, another event); the articles of one
 * story in one epoch are one. Planted copies of a recent article (exact,
 * with page furniture, or with a new first paragraph; always with another
 * headline and outlet, a day later at most) are the known near-duplicates.
 */
static int generate(story_pool *pools, size_t npools, const char *path, size_t n, truth_t *t)
{
    FILE *out = fopen(path, "w");
    if (!out)
        return -1;
    bench_rng r = {0x243F6A8885A308D3ULL ^ n};
    memset(t, 0, sizeof *t);
    t->n = n;
    t->story = xmalloc(n * sizeof *t->story);
    t->copy_of = xmalloc(n * sizeof *t->copy_of);
    t->kind = xmalloc(n);
    recent_article *recent = calloc(RECENT, sizeof *recent);
    size_t recent_count = 0;
    long epochs = (long)((n + ARTICLES_PER_EPOCH - 1) / ARTICLES_PER_EPOCH);
    char *text = NULL;
    size_t cap = 0;
    long base_day = 18262; /* 2020-01-01 */
    for (size_t i = 0; i < n; i++) {
        long epoch = (long)(i / ARTICLES_PER_EPOCH);
        if (epoch >= epochs)
            epoch = epochs - 1;
        if (i % ARTICLES_PER_EPOCH == 0) {
            /* Copies are of articles of their own epoch. */
            for (size_t k = 0; k < recent_count; k++)
                free(recent[k].text);
            memset(recent, 0, RECENT * sizeof *recent);
            recent_count = 0;
        }
        size_t len = 0, paragraphs = 0;
        unsigned kind = 0;
        long day = base_day + epoch * EPOCH_DAYS + (long)(bench_rng_next(&r) % 3);
        unsigned roll = (unsigned)(bench_rng_next(&r) % 1000);
        size_t pool = bench_rng_next(&r) % npools;
        long orig = -1;
        const recent_article *o = NULL;
        if (recent_count > 0 && roll < EXACT_PER_MILLE + FURNITURE_PER_MILLE + NEW_LEAD_PER_MILLE) {
            kind = roll < EXACT_PER_MILLE ? 1 : roll < EXACT_PER_MILLE + FURNITURE_PER_MILLE ? 2 : 3;
            size_t at = bench_rng_next(&r) % recent_count;
            o = &recent[at];
            /* A new first paragraph needs an article long enough to stay a copy. */
            for (size_t tries = 0; kind == 3 && o->paragraphs < NEW_LEAD_MIN_PARAGRAPHS &&
                                   tries < recent_count;
                 tries++)
                o = &recent[(at + tries) % recent_count];
            if (kind == 3 && o->paragraphs < NEW_LEAD_MIN_PARAGRAPHS)
                kind = 1;
            orig = o->index;
        }
        char outlet[32], published[32], id[32], title[200];
        snprintf(outlet, sizeof outlet, "Outlet %d", (int)(bench_rng_next(&r) % OUTLETS));
        if (kind) {
            t->story[i] = t->story[orig];
            pool = (size_t)(t->story[orig] / epochs);
            day = o->day + (long)(bench_rng_next(&r) % 2);
            const char *src = o->text;
            if (kind == 3) {
                /* Another paragraph of the story, of about the length of
                 * the first, stands first: a rewritten lead, not a new
                 * article quoting the old one. */
                const char *rest = strstr(src, "\n\n");
                size_t lead_words = 0, best_gap = (size_t)-1;
                for (const char *q = src; q < (rest ? rest : src + strlen(src)); q++)
                    lead_words += *q == ' ';
                const char *lead = NULL;
                for (int tries = 0; tries < 8; tries++) {
                    const char *cand = pools[pool].paras[bench_rng_next(&r) % pools[pool].count];
                    size_t w = bench_word_count(cand), gap = w > lead_words ? w - lead_words : lead_words - w;
                    if (gap < best_gap)
                        best_gap = gap, lead = cand;
                }
                append_dropped(&text, &len, &cap, lead, &r);
                src = rest ? rest : "";
            }
            size_t need = len + strlen(src) + 512;
            if (need > cap) {
                cap = need * 2;
                text = realloc(text, cap);
                if (!text)
                    exit(1);
            }
            if (kind == 2)
                len += (size_t)snprintf(text + len, cap - len,
                                        "Advertisement\n\nShare this article on Facebook\n\n");
            len += (size_t)snprintf(text + len, cap - len, "%s", src);
            if (kind == 2) {
                bench_headline(pools[bench_rng_next(&r) % npools].paras[0], title, sizeof title);
                len += (size_t)snprintf(text + len, cap - len,
                                        "\n\nRead more: %s\n\nFollow %s on Twitter\n\n"
                                        "© 2020 %s. All rights reserved.",
                                        title, outlet, outlet);
            }
            paragraphs = o->paragraphs;
            t->planted[kind]++;
        } else {
            story_pool *p = &pools[pool];
            t->story[i] = (long)pool * epochs + epoch;
            size_t k = 4 + bench_rng_next(&r) % 9;
            if (k > p->count / 3 + 1)
                k = p->count / 3 + 1;
            size_t start = bench_rng_next(&r) % p->count, step = 1 + bench_rng_next(&r) % p->count;
            while (bench_gcd(step, p->count) != 1)
                step--; /* a step prime to the count visits distinct paragraphs */
            for (size_t j = 0; j < k; j++) {
                if (j) {
                    if (len + 3 > cap) {
                        cap = (len + 3) * 2;
                        text = realloc(text, cap);
                        if (!text)
                            exit(1);
                    }
                    memcpy(text + len, "\n\n", 3);
                    len += 2;
                }
                append_dropped(&text, &len, &cap, p->paras[(start + j * step) % p->count], &r);
            }
            paragraphs = k;
        }
        t->copy_of[i] = orig;
        t->kind[i] = (unsigned char)kind;
        bench_headline(pools[pool].paras[bench_rng_next(&r) % pools[pool].count], title, sizeof title);
        int y, m, d;
        civil_from_days(day, &y, &m, &d);
        snprintf(published, sizeof published, "%04d-%02d-%02d", y, m, d);
        snprintf(id, sizeof id, "g%zu", i);
        json_t *obj = json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", id, "title", title, "source",
                                outlet, "published", published, "text", text ? text : "");
        char *line = json_dumps(obj, JSON_COMPACT);
        fprintf(out, "%s\n", line);
        free(line);
        json_decref(obj);
        /* Originals are remembered as candidates for later copies. */
        if (!kind) {
            recent_article *slot = &recent[recent_count < RECENT ? recent_count++ : bench_rng_next(&r) % RECENT];
            free(slot->text);
            slot->text = xstrdup(text);
            slot->paragraphs = paragraphs;
            slot->index = (long)i;
            slot->day = day;
        }
    }
    for (size_t k = 0; k < recent_count; k++)
        free(recent[k].text);
    free(recent);
    free(text);
    return fclose(out) == 0 ? 0 : -1;
}

/* Runs `chorus cluster` on `input` into `output`, with `threads` threads
 * (NULL for the default) or, with `stream`, as `chorus cluster --stream`
 * reading the input from its standard input; wall seconds and peak
 * resident megabytes of the child. Returns 0 when it succeeded. */
static int run_chorus(const char *chorus, const char *input, const char *output, const char *threads,
                      int stream, double *seconds, double *peak_mb)
{
    char *args[12];
    int n = 0;
    args[n++] = (char *)chorus;
    args[n++] = "cluster";
    args[n++] = "--quiet";
    if (threads) {
        args[n++] = "--threads";
        args[n++] = (char *)threads;
    }
    if (stream)
        args[n++] = "--stream";
    args[n++] = "-o";
    args[n++] = (char *)output;
    args[n++] = stream ? "-" : (char *)input;
    args[n] = NULL;
    return bench_run_child(args, stream ? input : NULL, seconds, peak_mb);
}

/* Reads chorus cluster's TSV for a generated corpus: each article's story
 * and the article it copies (-1 for none), by the number in its id. */
static int read_grouping(const char *path, size_t n, long *story, long *dup, size_t *stories)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    for (size_t i = 0; i < n; i++)
        story[i] = -1, dup[i] = -1;
    char *line = NULL;
    size_t cap = 0;
    *stories = 0;
    while (getline(&line, &cap, f) > 0) {
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2 || line[0] != 's' || tab1[1] != 'g')
            continue;
        long s = strtol(line + 1, NULL, 10);
        size_t a = (size_t)strtoull(tab1 + 2, NULL, 10);
        if (a >= n)
            continue;
        story[a] = s;
        dup[a] = tab2[1] == 'g' ? strtol(tab2 + 2, NULL, 10) : -1;
        if ((size_t)s > *stories)
            *stories = (size_t)s;
    }
    free(line);
    fclose(f);
    return 0;
}

/* The original a copy chain leads to. */
static long planted_root(const truth_t *t, long i)
{
    while (t->copy_of[i] >= 0)
        i = t->copy_of[i];
    return i;
}

/* The hashes of a text's 5-word shingles (lower-cased runs of letters and
 * digits), sorted and distinct; *n receives their count. */
static uint64_t *shingles(const char *text, size_t *n)
{
    size_t cap = 64, words = 0, m = 0;
    uint64_t *w = xmalloc(cap * sizeof *w);
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        while (*p && !(isalnum(*p) || *p >= 0x80))
            p++;
        if (!*p)
            break;
        uint64_t h = 1469598103934665603ULL;
        while (*p && (isalnum(*p) || *p >= 0x80))
            h = (h ^ (uint64_t)tolower(*p++)) * 1099511628211ULL;
        if (words == cap) {
            cap *= 2;
            w = realloc(w, cap * sizeof *w);
            if (!w)
                exit(1);
        }
        w[words++] = h;
    }
    uint64_t *sh = xmalloc((words + 1) * sizeof *sh);
    for (size_t i = 0; i + 5 <= words; i++) {
        uint64_t h = 0;
        for (size_t k = 0; k < 5; k++)
            h = (h ^ w[i + k]) * 0x9E3779B97F4A7C15ULL + k;
        sh[m++] = h;
    }
    free(w);
    qsort(sh, m, sizeof *sh, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (i == 0 || sh[i] != sh[u - 1])
            sh[u++] = sh[i];
    *n = u;
    return sh;
}

/* The exact Jaccard similarity of two texts' shingle sets. */
static double jaccard(const char *a, const char *b)
{
    size_t na, nb, i = 0, j = 0, both = 0;
    uint64_t *x = shingles(a, &na), *y = shingles(b, &nb);
    while (i < na && j < nb) {
        if (x[i] < y[j])
            i++;
        else if (x[i] > y[j])
            j++;
        else
            both++, i++, j++;
    }
    free(x), free(y);
    return na + nb > both ? (double)both / (double)(na + nb - both) : 1.0;
}

/* Of the reported copies pairs[0..n) (article, original) that no planted
 * copy explains, how many are copies all the same: the generator can draw
 * the same paragraphs twice. Re-reads their texts from the corpus. */
static size_t accidental_copies(const char *path, size_t articles, const long (*pairs)[2], size_t n)
{
    char **texts = calloc(articles, sizeof *texts);
    unsigned char *want = calloc(articles, 1);
    for (size_t k = 0; k < n; k++)
        want[pairs[k][0]] = want[pairs[k][1]] = 1;
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, i = 0, found = 0;
    for (; f && getline(&line, &cap, f) > 0 && i < articles; i++) {
        if (!want[i])
            continue;
        json_t *o = json_loads(line, 0, NULL);
        const char *t = o ? json_string_value(json_object_get(o, "text")) : NULL;
        texts[i] = xstrdup(t ? t : "");
        json_decref(o);
    }
    for (size_t k = 0; k < n; k++)
        if (texts[pairs[k][0]] && texts[pairs[k][1]] &&
            jaccard(texts[pairs[k][0]], texts[pairs[k][1]]) >= 0.5)
            found++;
    for (size_t k = 0; k < articles; k++)
        free(texts[k]);
    free(texts), free(want), free(line);
    if (f)
        fclose(f);
    return found;
}

/* Prints the figures of one run's grouping of a generated corpus: time,
 * memory, the planted copies found and the stories against the generated
 * ones. Returns 0, or -1 when the output cannot be read. */
static int evaluate(const char *label, const char *input, const char *output, const truth_t *t,
                    size_t n, double seconds, double peak)
{
    long *story = xmalloc(n * sizeof *story), *dup = xmalloc(n * sizeof *dup);
    size_t stories;
    if (read_grouping(output, n, story, dup, &stories)) {
        printf("  %zu: cannot read %s\n", n, output);
        free(story), free(dup);
        return -1;
    }
    /* Planted copies: found when the copy and its original end in one group
     * of copies; a reported copy is right when it and the article it is said
     * to copy come from one planted original. */
    size_t found = 0, reported = 0, right = 0, found_kind[4] = {0}, unexplained = 0;
    size_t planted = t->planted[1] + t->planted[2] + t->planted[3];
    long (*odd)[2] = xmalloc(n * sizeof *odd);
    for (size_t i = 0; i < n; i++) {
        if (t->kind[i]) {
            long o = t->copy_of[i];
            long ri = dup[i] >= 0 ? dup[i] : (long)i, ro = dup[o] >= 0 ? dup[o] : o;
            if (ri == ro) {
                found++;
                found_kind[t->kind[i]]++;
            }
        }
        if (dup[i] >= 0) {
            reported++;
            if (planted_root(t, (long)i) == planted_root(t, dup[i])) {
                right++;
            } else {
                odd[unexplained][0] = (long)i;
                odd[unexplained++][1] = dup[i];
            }
        }
    }
    size_t accidental = unexplained ? accidental_copies(input, n, (const long (*)[2])odd, unexplained) : 0;
    free(odd);
    scores s = score(t->story, story, n);
    printf("    %s: %.1f s, %.0f articles/s, peak memory %.0f MB, %zu stories "
           "(%zu generated)\n",
           label, seconds, (double)n / seconds, peak, stories, s.true_groups);
    printf("    near-duplicates: recall %.4f (exact %.4f, furniture %.4f, new lead %.4f), "
           "precision %.4f (%zu reported: %zu planted, %zu accidental copies with a true "
           "Jaccard of 0.5 or more, %zu wrong)\n",
           planted ? (double)found / (double)planted : 1.0,
           t->planted[1] ? (double)found_kind[1] / (double)t->planted[1] : 1.0,
           t->planted[2] ? (double)found_kind[2] / (double)t->planted[2] : 1.0,
           t->planted[3] ? (double)found_kind[3] / (double)t->planted[3] : 1.0,
           reported ? (double)(right + accidental) / (double)reported : 1.0, reported, right,
           accidental, reported - right - accidental);
    printf("    stories against the generated ones: pairwise P %.3f R %.3f F1 %.3f, "
           "B-cubed F1 %.3f\n",
           s.p, s.r, s.f1, s.bf1);
    free(story), free(dup);
    return 0;
}

typedef struct {
    size_t n;
    double seconds, peak_mb;
    double stream_seconds, stream_peak_mb; /* -1 when the streamed run failed */
} scale_point;

static int scale_one(story_pool *pools, size_t npools, const char *out, const char *chorus, size_t n,
                     scale_point *pt, int compare_threads)
{
    char input[2048], output[2048];
    snprintf(input, sizeof input, "%s/cluster-%zu.jsonl", out, n);
    snprintf(output, sizeof output, "%s/cluster-%zu.tsv", out, n);
    truth_t t;
    double g0 = now();
    if (generate(pools, npools, input, n, &t)) {
        printf("  %zu: cannot write %s\n", n, input);
        return -1;
    }
    double gen = now() - g0;
    struct stat st;
    stat(input, &st);
    size_t planted = t.planted[1] + t.planted[2] + t.planted[3];
    printf("  %zu articles (%.0f MB of JSON Lines, generated in %.1f s), %zu planted copies: "
           "%zu exact, %zu with page furniture, %zu with a new first paragraph\n",
           n, (double)st.st_size / 1e6, gen, planted, t.planted[1], t.planted[2], t.planted[3]);
    fflush(stdout);
    double seconds, peak;
    if (run_chorus(chorus, input, output, NULL, 0, &seconds, &peak) ||
        evaluate("chorus cluster", input, output, &t, n, seconds, peak)) {
        printf("  %zu: %s cluster failed\n", n, chorus);
        truth_free(&t);
        return -1;
    }
    pt->n = n;
    pt->seconds = seconds;
    pt->peak_mb = peak;
    /* The truth, for the peers' benchmark on the same corpus. */
    char truth_path[2048];
    snprintf(truth_path, sizeof truth_path, "%s/cluster-%zu.truth", out, n);
    FILE *tf = fopen(truth_path, "w");
    for (size_t i = 0; tf && i < n; i++)
        fprintf(tf, "g%zu\t%ld\t%ld\n", i, t.story[i], planted_root(&t, (long)i));
    if (tf)
        fclose(tf);

    if (compare_threads) {
        char one[2048];
        snprintf(one, sizeof one, "%s/cluster-%zu-one-thread.tsv", out, n);
        double s1, p1;
        if (run_chorus(chorus, input, one, "1", 0, &s1, &p1) == 0) {
            char cmd[4200];
            snprintf(cmd, sizeof cmd, "cmp -s %s %s", one, output);
            int same = system(cmd) == 0;
            printf("    threads: one %.1f s, %ld (one per processor) %.1f s: %.2f times as fast, "
                   "outputs %s\n",
                   s1, sysconf(_SC_NPROCESSORS_ONLN), seconds, s1 / seconds,
                   same ? "identical" : "DIFFERENT");
        }
    }
    /* The same corpus as a stream from standard input: memory should follow
     * the open window, not the corpus. */
    char streamed[2048];
    snprintf(streamed, sizeof streamed, "%s/cluster-%zu-stream.tsv", out, n);
    if (run_chorus(chorus, input, streamed, NULL, 1, &pt->stream_seconds, &pt->stream_peak_mb) ||
        evaluate("chorus cluster --stream < input", input, streamed, &t, n, pt->stream_seconds,
                 pt->stream_peak_mb)) {
        printf("  %zu: %s cluster --stream failed\n", n, chorus);
        pt->stream_seconds = pt->stream_peak_mb = -1;
    }
    fflush(stdout);
    truth_free(&t);
    return 0;
}

int main(int argc, char **argv)
{
    const char *data = "../shared/data", *out = "bench/out", *chorus = "build/chorus";
    const char *sizes = "10000,100000,1000000";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--chorus") == 0 && i + 1 < argc)
            chorus = argv[++i];
        else if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc)
            sizes = argv[++i];
        else {
            fprintf(stderr, "usage: %s [--data DIR] [--out DIR] [--chorus PATH] [--sizes N,N,...]\n",
                    argv[0]);
            return 2;
        }
    }
    mkdir(out, 0755);
    printf("bench cluster: grouping quality on the development data (chorus cluster's settings)\n");
    quality_multinews(data, out);
    quality_uci(data, out);
    quality_pairs(data);
    fflush(stdout);

    printf("bench cluster: time and memory of chorus cluster on generated corpora\n");
    char path[2048];
    snprintf(path, sizeof path, "%s/multinews-validation/clusters.jsonl", data);
    size_t npools = 0;
    story_pool *pools = bench_load_pools(path, MIN_POOL_PARAGRAPHS, &npools);
    if (!pools || npools == 0) {
        printf("  skipped: %s is not readable\n", path);
        return 0;
    }
    scale_point points[8];
    size_t np = 0;
    char *list = xstrdup(sizes);
    char *save = NULL;
    for (char *tok = strtok_r(list, ",", &save); tok && np < 8; tok = strtok_r(NULL, ",", &save)) {
        size_t n = (size_t)strtoull(tok, NULL, 10);
        if (n < 100)
            continue;
        if (scale_one(pools, npools, out, chorus, n, &points[np], np == 0) == 0)
            np++;
    }
    free(list);
    if (np > 1) {
        printf("  growth of the time:");
        for (size_t k = 1; k < np; k++)
            printf(" %zu -> %zu articles: %.1f times the time for %.1f times the articles;",
                   points[k - 1].n, points[k].n, points[k].seconds / points[k - 1].seconds,
                   (double)points[k].n / (double)points[k - 1].n);
        printf("\n");
        printf("  streamed:");
        for (size_t k = 0; k < np; k++)
            printf(" %zu articles %.1f s, peak %.0f MB;", points[k].n, points[k].stream_seconds,
                   points[k].stream_peak_mb);
        printf("\n");
    }
    bench_free_pools(pools, npools);
    return 0;
}
