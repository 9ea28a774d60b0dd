/* bench_brief.c - throughput and peak memory of chorus brief, stage by stage, on a generated corpus.
 *
 * The corpus is generated from the Multi-News development data in
 * ../shared/data (never copied into the project): each article recombines
 * paragraphs of one Multi-News story, published in one of several epochs
 * weeks apart, so that the same material makes several stories; a share of
 * articles are planted exact and near copies. The benchmark then runs the
 * pipeline in-process (timing each stage) and the chorus command as a child
 * process (wall time and peak resident memory).
 *
 * Usage: bench_brief [--articles N] [--data DIR] [--out DIR] [--chorus PATH] */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chorus.h"
#include "corpus.h"
#include "child.h"
#include "pools.h"

/* Epochs of publication, 30 days apart: the same material in two epochs is
 * two stories. */
#define EPOCHS 8
/* Shares of planted copies, in percent. */
#define EXACT_COPY_PERCENT 4
#define NEAR_COPY_PERCENT 4
#define OUTLETS 60
/* Stories with fewer paragraphs would make articles that copy each other. */
#define MIN_POOL_PARAGRAPHS 20

/* Writes `articles` generated articles to out_path. With `one_story`, all
 * of them retell the story with the most paragraphs on three days, with no
 * planted copies: one large story, as a major event makes in a feed. */
static int generate(const char *data_dir, const char *out_path, size_t articles, int one_story, bench_rng *r,
                    size_t *planted)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/multinews-validation/clusters.jsonl", data_dir);
    size_t npools;
    story_pool *pools = bench_load_pools(path, MIN_POOL_PARAGRAPHS, &npools);
    if (!pools || npools == 0)
        return -1;
    FILE *out = fopen(out_path, "w");
    if (!out)
        return -1;
    char **texts = calloc(articles, sizeof *texts);
    size_t largest = 0;
    for (size_t k = 1; k < npools; k++)
        if (pools[k].count > pools[largest].count)
            largest = k;
    *planted = 0;
    for (size_t i = 0; i < articles; i++) {
        size_t story = one_story ? largest : bench_rng_next(r) % (npools * EPOCHS);
        story_pool *p = &pools[story % npools];
        int epoch = (int)(story / npools);
        int day = 1 + epoch * 30 % 28 + (int)(bench_rng_next(r) % 3);
        int month = 1 + epoch * 30 / 28 % 12;
        json_t *o = json_object();
        char id[32], published[32], outlet[32];
        snprintf(id, sizeof id, "g%zu", i);
        snprintf(published, sizeof published, "2024-%02d-%02d", month, day > 28 ? 28 : day);
        snprintf(outlet, sizeof outlet, "Outlet %d", (int)(bench_rng_next(r) % OUTLETS));
        unsigned kind = (unsigned)(bench_rng_next(r) % 100);
        char *text;
        if (i > 0 && !one_story && kind < EXACT_COPY_PERCENT + NEAR_COPY_PERCENT) {
            /* A planted copy of an earlier article: verbatim, or with a new first paragraph. */
            const char *orig = texts[bench_rng_next(r) % i];
            if (kind < EXACT_COPY_PERCENT) {
                text = strdup(orig);
            } else {
                const char *rest = strstr(orig, "\n\n");
                const char *lead = p->paras[bench_rng_next(r) % p->count];
                size_t len = strlen(lead) + (rest ? strlen(rest) : 0) + 1;
                text = malloc(len);
                snprintf(text, len, "%s%s", lead, rest ? rest : "");
            }
            (*planted)++;
        } else {
            /* 4 to 12 distinct paragraphs of the story, in random order, but
             * no more than a third of what the story has: two articles drawn
             * from one story must not copy each other by accident. */
            size_t k = 4 + bench_rng_next(r) % 9, cap = 1, len = 0;
            if (k > p->count / 3 + 1)
                k = p->count / 3 + 1;
            const char *chosen[12];
            size_t start = bench_rng_next(r) % p->count, step = 1 + bench_rng_next(r) % p->count;
            while (bench_gcd(step, p->count) != 1)
                step--; /* a step prime to the count visits distinct paragraphs */
            for (size_t j = 0; j < k; j++) {
                chosen[j] = p->paras[(start + j * step) % p->count];
                cap += strlen(chosen[j]) + 2;
            }
            text = malloc(cap);
            for (size_t j = 0; j < k; j++)
                len += (size_t)snprintf(text + len, cap - len, "%s%s", j ? "\n\n" : "", chosen[j]);
        }
        texts[i] = text;
        char title[160];
        bench_headline(p->paras[bench_rng_next(r) % p->count], title, sizeof title);
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "title", json_string(title));
        json_object_set_new(o, "source", json_string(outlet));
        json_object_set_new(o, "published", json_string(published));
        json_object_set_new(o, "text", json_string(text));
        char *line = json_dumps(o, JSON_COMPACT);
        fprintf(out, "%s\n", line);
        free(line);
        json_decref(o);
    }
    for (size_t i = 0; i < articles; i++)
        free(texts[i]);
    free(texts);
    bench_free_pools(pools, npools);
    return fclose(out) == 0 ? 0 : -1;
}

static double peak_mb_self(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

static void stage(const char *name, double seconds, size_t articles, double peak_mb)
{
    printf("  %-10s %8.3f s  %10.0f articles/s  peak %6.0f MB\n", name, seconds,
           seconds > 0 ? (double)articles / seconds : 0.0, peak_mb);
}

/* Runs `chorus brief --format json` on `input` (as `--stream` reading its
 * standard input with `stream`); wall seconds and peak resident megabytes
 * of the child. Returns 0 when it succeeded. */
static int run_brief(const char *chorus, const char *input, int stream, double *wall, double *peak_mb)
{
    char *args[] = {(char *)chorus, "brief", "--quiet", "--format", "json", "-o", "/dev/null",
                    stream ? "--stream" : (char *)input, stream ? "-" : NULL, NULL};
    return bench_run_child(args, stream ? input : NULL, wall, peak_mb);
}

typedef struct {
    char *line;
    char day[16];
    size_t at;
} dated_line;

static int cmp_dated(const void *x, const void *y)
{
    const dated_line *a = x, *b = y;
    int c = strcmp(a->day, b->day);
    return c ? c : (a->at > b->at) - (a->at < b->at);
}

/* Copies the JSON Lines at `from` to `to` in order of their "published"
 * day, lines of one day in their order. */
static int write_by_day(const char *from, const char *to)
{
    FILE *in = fopen(from, "r"), *out = in ? fopen(to, "w") : NULL;
    if (!out) {
        if (in)
            fclose(in);
        return -1;
    }
    dated_line *lines = NULL;
    size_t n = 0, cap = 0, len = 0;
    char *line = NULL;
    while (getline(&line, &len, in) > 0) {
        if (n == cap) {
            cap = cap ? 2 * cap : 1024;
            lines = realloc(lines, cap * sizeof *lines);
            if (!lines)
                exit(1);
        }
        const char *p = strstr(line, "\"published\":");
        const char *q = p ? strchr(p + 12, '"') : NULL;
        snprintf(lines[n].day, sizeof lines[n].day, "%.10s", q ? q + 1 : "");
        lines[n].line = strdup(line);
        lines[n].at = n;
        n++;
    }
    free(line);
    qsort(lines, n, sizeof *lines, cmp_dated);
    for (size_t i = 0; i < n; i++) {
        fputs(lines[i].line, out);
        free(lines[i].line);
    }
    free(lines);
    fclose(in);
    return fclose(out) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    size_t articles = 20000;
    const char *data = "../shared/data", *outdir = "bench/out", *chorus = "build/chorus";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--articles") == 0 && i + 1 < argc)
            articles = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            outdir = argv[++i];
        else if (strcmp(argv[i], "--chorus") == 0 && i + 1 < argc)
            chorus = argv[++i];
        else {
            fprintf(stderr, "usage: %s [--articles N] [--data DIR] [--out DIR] [--chorus PATH]\n", argv[0]);
            return 2;
        }
    }
    char corpus_path[1024];
    snprintf(corpus_path, sizeof corpus_path, "%s/brief-%zu.jsonl", outdir, articles);
    mkdir(outdir, 0755);
    size_t planted = 0;
    /* One stream for both corpora, the second continuing the first. */
    bench_rng r = {0x243F6A8885A308D3ULL};
    printf("bench brief: %zu generated articles\n", articles);
    if (generate(data, corpus_path, articles, 0, &r, &planted) != 0) {
        printf("  skipped: %s/multinews-validation/clusters.jsonl is not readable (%s)\n", data,
               strerror(errno));
        return 0;
    }
    printf("  corpus %s (%zu planted copies)\n", corpus_path, planted);
    fflush(stdout);

    /* In-process, stage by stage. */
    chorus_options o;
    chorus_options_init(&o);
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o)) {
        fprintf(stderr, "cannot create a corpus\n");
        return 1;
    }
    double t0 = chorus__now();
    chorus_corpus_add_path(c, corpus_path);
    int rc = chorus_corpus_analyze(c);
    FILE *null = fopen("/dev/null", "w");
    double tw = chorus__now();
    if (!rc)
        rc = chorus_write_brief(c, null, CHORUS_FORMAT_JSON);
    double write = chorus__now() - tw, total = chorus__now() - t0;
    fclose(null);
    if (rc) {
        fprintf(stderr, "pipeline failed: %s\n", chorus_strerror(rc));
        return 1;
    }
    size_t n = chorus_corpus_article_count(c), dups = 0;
    for (size_t i = 0; i < n; i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        dups += a.duplicate_of != NULL;
    }
    printf("  stages (in-process, one core):\n");
    static const char *const names[CHORUS_STAGE_COUNT] = {"read", "clean", "dedup", "cluster", "facts",
                                                           "summarize"};
    for (int s = 0; s < CHORUS_STAGE_COUNT; s++)
        stage(names[s], c->times.seconds[s], n, (double)c->times.peak_kb[s] / 1024.0);
    stage("write", write, n, peak_mb_self());
    stage("total", total, n, peak_mb_self());
    printf("  %zu stories, %zu duplicates found (%zu planted)\n", chorus_corpus_story_count(c),
           dups, planted);
    chorus_corpus_free(c);

    /* The command, as a user runs it. */
    double wall, peak;
    if (run_brief(chorus, corpus_path, 0, &wall, &peak)) {
        fprintf(stderr, "%s brief failed\n", chorus);
        return 1;
    }
    printf("  chorus brief: %.2f s, %.0f articles/s, peak memory %.0f MB\n", wall,
           (double)articles / wall, peak);

    /* The same articles in order of day, as a feed brings them: whole, and
     * as a stream from standard input. */
    char by_day[1100];
    snprintf(by_day, sizeof by_day, "%s/brief-%zu-by-day.jsonl", outdir, articles);
    if (write_by_day(corpus_path, by_day)) {
        printf("  cannot write %s\n", by_day);
        return 1;
    }
    double swall, speak;
    if (run_brief(chorus, by_day, 0, &wall, &peak) || run_brief(chorus, by_day, 1, &swall, &speak)) {
        fprintf(stderr, "%s brief failed\n", chorus);
        return 1;
    }
    printf("  in order of day: chorus brief %.2f s, peak memory %.0f MB; chorus brief --stream "
           "< input %.2f s, peak memory %.0f MB\n",
           wall, peak, swall, speak);

    /* One large story: the facts of a story (quotations merged across
     * reports, figures compared, what each article alone gives) must grow
     * with its size, not with its square. The articles are taken as one
     * story, as chorus summarize takes them. */
    double previous = 0;
    o.one_story = 1;
    for (size_t size = 500; size <= 2000; size *= 2) {
        char story_path[1100];
        snprintf(story_path, sizeof story_path, "%s/brief-one-story-%zu.jsonl", outdir, size);
        if (generate(data, story_path, size, 1, &r, &planted) != 0 || chorus_corpus_new(&c, &o)) {
            printf("  cannot write %s\n", story_path);
            return 1;
        }
        t0 = chorus__now();
        chorus_corpus_add_path(c, story_path);
        rc = chorus_corpus_analyze(c);
        null = fopen("/dev/null", "w");
        if (!rc)
            rc = chorus_write_brief(c, null, CHORUS_FORMAT_JSON);
        fclose(null);
        total = chorus__now() - t0;
        if (rc) {
            fprintf(stderr, "pipeline failed: %s\n", chorus_strerror(rc));
            return 1;
        }
        printf("  one story of %zu articles: %.2f s, of which facts %.2f s", size, total,
               c->times.seconds[CHORUS_STAGE_FACTS]);
        if (previous > 0)
            printf(", %.1f times the time for twice the articles", total / previous);
        printf("\n");
        previous = total;
        chorus_corpus_free(c);
    }
    return 0;
}
