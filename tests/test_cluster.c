/* test_cluster.c - grouping articles into stories: split and merge cases, input order, threads, compact mode. */
#define _DEFAULT_SOURCE /* open_memstream, mkstemps */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include <jansson.h>

#include "article.h"
#include "blockcount.h"
#include "chorus.h"
#include "cluster.h"
#include "runner.h"

/* The story index of the article whose path or input id is `name`. */
static long story_of(chorus_corpus *c, const char *name)
{
    for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        if (strcmp(a.path, name) == 0 || (a.input_id && strcmp(a.input_id, name) == 0))
            return (long)a.story;
    }
    return -1;
}

static void same_topic_weeks_apart_splits(test_ctx *t)
{
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    CHECK_INT(t, chorus_corpus_add_path(c, "tests/data/quakes.jsonl"), 3);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK_INT(t, chorus_corpus_story_count(c), 2);
    CHECK(t, story_of(c, "q1") == story_of(c, "q2"));
    CHECK(t, story_of(c, "q1") != story_of(c, "q3"));
    chorus_corpus_free(c);
}

static void different_events_split(test_ctx *t)
{
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    chorus_corpus_add_path(c, "tests/data/copies");
    chorus_corpus_add_path(c, "tests/data/quakes.jsonl");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK_INT(t, chorus_corpus_story_count(c), 3);
    long flood = story_of(c, "tests/data/copies/rewrite.txt");
    CHECK(t, flood == story_of(c, "tests/data/copies/original.txt"));
    CHECK(t, flood != story_of(c, "q1"));
    chorus_corpus_free(c);
}

/* Stories as sets of article names, in a canonical text form. */
static char *grouping(chorus_corpus *c)
{
    size_t cap = 1 << 16, len = 0;
    char *out = calloc(1, cap);
    char lines[64][512];
    size_t n = 0;
    for (size_t s = 0; s < chorus_corpus_story_count(c) && n < 64; s++) {
        chorus_story_info st;
        chorus_corpus_story(c, s, &st);
        char *l = lines[n++];
        l[0] = '\0';
        /* Members sorted by name so input order does not show. */
        const char *names[64];
        size_t m = 0;
        for (size_t k = 0; k < st.article_count && m < 64; k++) {
            chorus_article_info a;
            chorus_corpus_article(c, st.articles[k], &a);
            names[m++] = a.input_id ? a.input_id : a.path;
        }
        for (size_t x = 1; x < m; x++)
            for (size_t y = x; y > 0 && strcmp(names[y - 1], names[y]) > 0; y--) {
                const char *tmp = names[y];
                names[y] = names[y - 1];
                names[y - 1] = tmp;
            }
        for (size_t k = 0; k < m; k++) {
            strncat(l, names[k], 511 - strlen(l));
            strncat(l, " ", 511 - strlen(l));
        }
    }
    for (size_t x = 1; x < n; x++)
        for (size_t y = x; y > 0 && strcmp(lines[y - 1], lines[y]) > 0; y--) {
            char tmp[512];
            memcpy(tmp, lines[y], 512);
            memcpy(lines[y], lines[y - 1], 512);
            memcpy(lines[y - 1], tmp, 512);
        }
    for (size_t x = 0; x < n; x++)
        len += (size_t)snprintf(out + len, cap - len, "%s\n", lines[x]);
    return out;
}

static void input_order_does_not_matter(test_ctx *t)
{
    const char *order1[] = {"examples/a-ferry-wire.txt", "examples/b-chile-rate-cut.txt",
                            "examples/c-launch-wire.txt", "examples/feed.jsonl",
                            "examples/a-ferry-local.txt", "examples/c-launch-analysis.txt"};
    chorus_corpus *c1, *c2;
    chorus_options o;
    chorus_options_init(&o);
    o.compact = 1; /* as chorus cluster runs */
    chorus_corpus_new(&c1, NULL);
    chorus_corpus_new(&c2, &o);
    for (size_t i = 0; i < 6; i++) {
        chorus_corpus_add_path(c1, order1[i]);
        chorus_corpus_add_path(c2, order1[5 - i]);
    }
    chorus_corpus_analyze(c1);
    chorus_corpus_analyze(c2);
    char *g1 = grouping(c1), *g2 = grouping(c2);
    CHECK_STR(t, g1, g2);
    free(g1);
    free(g2);
    chorus_corpus_free(c1);
    chorus_corpus_free(c2);
}

/* A seed takes the articles of one day in another order: still whatever
 * the order of the input, and clear-cut stories come out the same. */
static void order_seed_keeps_grouping_independent_of_input(test_ctx *t)
{
    const char *paths[] = {"examples/a-ferry-wire.txt", "examples/b-chile-rate-cut.txt",
                           "examples/c-launch-wire.txt", "examples/feed.jsonl",
                           "examples/a-ferry-local.txt", "examples/c-launch-analysis.txt"};
    char *g[3];
    size_t stories = 0, articles = 0;
    for (int run = 0; run < 3; run++) {
        chorus_options o;
        chorus_options_init(&o);
        o.cluster_order_seed = run ? 7 : 0;
        chorus_corpus *c;
        chorus_corpus_new(&c, &o);
        for (size_t i = 0; i < 6; i++)
            chorus_corpus_add_path(c, paths[run == 2 ? 5 - i : i]);
        CHECK_INT(t, chorus_corpus_analyze(c), 0);
        g[run] = grouping(c);
        if (run == 0) {
            stories = chorus_corpus_story_count(c);
            articles = chorus_corpus_article_count(c);
        }
        chorus_corpus_free(c);
    }
    CHECK(t, stories >= 3 && stories < articles); /* stories of several articles */
    CHECK_STR(t, g[1], g[0]);
    CHECK_STR(t, g[2], g[1]);
    free(g[0]), free(g[1]), free(g[2]);
}

/* A corpus of one file, analysed; the caller frees it. */
static chorus_corpus *analysed(test_ctx *t, const char *path, int compact, double threshold, int articles)
{
    chorus_options o;
    chorus_options_init(&o);
    o.compact = compact;
    if (threshold > 0)
        o.cluster_threshold = threshold;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    CHECK_INT(t, chorus_corpus_add_path(c, path), articles);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    return c;
}

/* The threshold's two ends: at 1 every article stays apart; at 0 all join
 * one story, even those that share no word with any other (the flood and
 * mine reports, their headlines and two headlines of neither). */
static void threshold_ends(test_ctx *t)
{
    static const struct {
        const char *path;
        double threshold;
        int articles;
        size_t stories;
    } cases[] = {
        {"tests/data/quakes.jsonl", 1.0, 3, 3},
        {"tests/data/headlines.jsonl", 1.0, 10, 10},
        {"tests/data/quakes.jsonl", 0.0, 3, 1},
        {"tests/data/headlines.jsonl", 0.0, 10, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        chorus_options o;
        chorus_options_init(&o);
        o.cluster_threshold = cases[i].threshold;
        chorus_corpus *c;
        chorus_corpus_new(&c, &o);
        CHECK_INT(t, chorus_corpus_add_path(c, cases[i].path), cases[i].articles);
        CHECK_INT(t, chorus_corpus_analyze(c), 0);
        CHECK_INT(t, chorus_corpus_story_count(c), cases[i].stories);
        chorus_corpus_free(c);
    }
}

/* Headlines alone (a headline feed) hold a few terms each: they join the
 * story of the full reports they head, and unrelated ones stay apart. */
static void headlines_join_their_story(test_ctx *t)
{
    for (int compact = 0; compact <= 1; compact++) {
        chorus_corpus *c = analysed(t, "tests/data/headlines.jsonl", compact, 0, 10);
        long flood = story_of(c, "flood-1"), mine = story_of(c, "mine-1");
        CHECK(t, flood != mine);
        CHECK(t, story_of(c, "flood-2") == flood);
        CHECK(t, story_of(c, "flood-h1") == flood);
        CHECK(t, story_of(c, "flood-h2") == flood);
        CHECK(t, story_of(c, "mine-2") == mine);
        CHECK(t, story_of(c, "mine-h1") == mine);
        CHECK(t, story_of(c, "mine-h2") == mine);
        CHECK_INT(t, chorus_corpus_story_count(c), 4);
        chorus_corpus_free(c);
    }
}

/* A report on an event from another side (the strike called over a
 * pension law) shares less with the event's story than its reports share
 * among themselves, and stays alone in the first pass; it then joins the
 * story it is clearly nearest to. A report on another subject from the
 * same country stays apart, and so does the threshold's meaning: with a
 * higher threshold the reaction stays alone. */
static void lone_report_joins_nearest_story(test_ctx *t)
{
    for (int compact = 0; compact <= 1; compact++) {
        chorus_corpus *c = analysed(t, "tests/data/reactions.jsonl", compact, 0, 7);
        long pension = story_of(c, "p1");
        CHECK(t, story_of(c, "p2") == pension && story_of(c, "p3") == pension);
        CHECK(t, story_of(c, "p4") == pension);
        CHECK(t, story_of(c, "f1") == story_of(c, "f2") && story_of(c, "f1") != pension);
        CHECK(t, story_of(c, "z1") != pension && story_of(c, "z1") != story_of(c, "f1"));
        CHECK_INT(t, chorus_corpus_story_count(c), 3);
        chorus_corpus_free(c);
    }
    chorus_corpus *c = analysed(t, "tests/data/reactions.jsonl", 0, 0.5, 7);
    CHECK(t, story_of(c, "p4") != story_of(c, "p1"));
    chorus_corpus_free(c);
}

/* Undated articles are placed after the dated ones, once the stories of
 * long before have closed; an undated article may tell a story of any day,
 * so it still joins one of them: here an undated rewrite of a flood report
 * from June 2024, read with reports of March 2025. */
static void undated_article_joins_a_closed_story(test_ctx *t)
{
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    chorus_corpus_add_path(c, "examples");
    chorus_corpus_add_path(c, "tests/data/copies/original.txt");
    chorus_corpus_add_path(c, "tests/data/copies/rewrite.txt");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    long flood = story_of(c, "tests/data/copies/original.txt");
    CHECK(t, flood >= 0);
    CHECK_INT(t, story_of(c, "tests/data/copies/rewrite.txt"), flood);
    CHECK(t, story_of(c, "examples/a-ferry-wire.txt") != flood);
    chorus_corpus_free(c);
}

/* A dated report left alone before the undated ones came looks again once
 * they have: the strike called over a pension law (tests/data/reactions.jsonl)
 * joins the story of the law's passage told by undated reports, though a
 * report two weeks later had closed its own story first. */
static void lone_dated_report_joins_undated_story(test_ctx *t)
{
    char path[] = "/tmp/chorus-undated-XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    FILE *in = fopen("tests/data/reactions.jsonl", "r");
    CHECK(t, f && in);
    if (!f || !in) {
        if (f)
            fclose(f);
        if (in)
            fclose(in);
        return;
    }
    char line[8192];
    while (fgets(line, sizeof line, in)) {
        json_t *o = json_loads(line, 0, NULL);
        if (!o)
            continue;
        const char *id = json_string_value(json_object_get(o, "id"));
        if (id && id[0] == 'p' && strcmp(id, "p4") != 0)
            json_object_del(o, "published");
        else if (id && strcmp(id, "z1") == 0)
            json_object_set_new(o, "published", json_string("2024-11-20T09:00:00Z"));
        char *out = json_dumps(o, JSON_COMPACT);
        if (out)
            fprintf(f, "%s\n", out);
        free(out);
        json_decref(o);
    }
    fclose(in);
    fclose(f);
    chorus_corpus *c = analysed(t, path, 0, 0, 7);
    long pension = story_of(c, "p1");
    CHECK(t, story_of(c, "p2") == pension && story_of(c, "p3") == pension);
    CHECK(t, story_of(c, "p4") == pension);
    CHECK(t, story_of(c, "f1") != pension && story_of(c, "z1") != pension);
    chorus_corpus_free(c);
    unlink(path);
}

/* Writes one report "published | title | text" as a JSON line. */
static void write_report(FILE *f, const char *id, char *report)
{
    char *bar1 = strstr(report, " | "), *bar2 = bar1 ? strstr(bar1 + 3, " | ") : NULL;
    if (!bar2)
        return;
    *bar1 = *bar2 = '\0';
    json_t *o = json_pack("{s:s, s:s, s:s}", "id", id, "title", bar1 + 3, "text", bar2 + 3);
    if (*report)
        json_object_set_new(o, "published", json_string(report));
    char *line = json_dumps(o, JSON_COMPACT);
    fprintf(f, "%s\n", line);
    free(line);
    json_decref(o);
}

static void one_pair(test_ctx *t, const test_record *r, void *unused)
{
    (void)unused;
    if (r->field_count != 3) {
        test_fail(t, "tests/cases/cluster.txt", r->line, "needs expected => report => report");
        return;
    }
    char path[] = "/tmp/chorus-pair-XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        test_fail(t, "tests/cases/cluster.txt", r->line, "cannot write %s", path);
        return;
    }
    write_report(f, "first", r->fields[1]);
    write_report(f, "second", r->fields[2]);
    fclose(f);
    /* Both modes must decide alike. */
    for (int compact = 0; compact <= 1; compact++) {
        chorus_options o;
        chorus_options_init(&o);
        o.facts = 0;
        o.compact = compact;
        chorus_corpus *c;
        chorus_corpus_new(&c, &o);
        CHECK_INT(t, chorus_corpus_add_path(c, path), 2);
        CHECK_INT(t, chorus_corpus_analyze(c), 0);
        int same = story_of(c, "first") == story_of(c, "second");
        int want = strcmp(r->fields[0], "same") == 0;
        if (same != want)
            test_fail(t, "tests/cases/cluster.txt", r->line, "%s: put %s (compact %d)", r->fields[0],
                      same ? "together" : "apart", compact);
        chorus_corpus_free(c);
    }
    unlink(path);
}

static void split_and_merge_cases(test_ctx *t)
{
    CHECK(t, test_each_record(t, "tests/cases/cluster.txt", one_pair, NULL) >= 6);
}

/* The cluster output and the JSON briefing of a corpus, as one string. */
static char *outputs(const char *const *paths, size_t n, unsigned threads, int compact)
{
    chorus_options o;
    chorus_options_init(&o);
    o.threads = threads;
    o.compact = compact;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return NULL;
    for (size_t i = 0; i < n; i++)
        chorus_corpus_add_path(c, paths[i]);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (chorus_corpus_analyze(c) == 0 && f) {
        chorus_write_clusters(c, f, CHORUS_FORMAT_TSV);
        if (!compact)
            chorus_write_brief(c, f, CHORUS_FORMAT_JSON);
    }
    if (f)
        fclose(f);
    chorus_corpus_free(c);
    return buf;
}

static void threads_give_identical_output(test_ctx *t)
{
    const char *paths[] = {"examples", "tests/data/quakes.jsonl", "tests/data/copies"};
    for (int compact = 0; compact <= 1; compact++) {
        char *one = outputs(paths, 3, 1, compact), *two = outputs(paths, 3, 2, compact),
             *four = outputs(paths, 3, 4, compact);
        CHECK(t, one && strlen(one) > 100);
        CHECK_STR(t, two, one);
        CHECK_STR(t, four, one);
        free(one), free(two), free(four);
    }
}

/* Enough articles for chorus cluster to analyse batches while it reads the
 * next (three batches of 4,096): the grouping is still that of one thread.
 * Invented one-paragraph reports of a few events, with boilerplate lines
 * that recur across batches. */
static void batches_beside_reading_give_identical_output(test_ctx *t)
{
    static const char *const places[] = {"Orvik", "Korsa", "Tarnel", "Drummond", "Velmora", "Caldera"};
    static const char *const events[] = {
        "flash floods cut off villages near %s after two days of torrential rain",
        "a tunnel collapse trapped miners at the copper mine outside %s",
        "an earthquake damaged old houses in the historic centre of %s",
        "harbour workers in %s voted to strike over pay and night shifts",
    };
    char path[] = "/tmp/chorus-batches-XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    CHECK(t, f != NULL);
    if (!f)
        return;
    for (unsigned i = 0; i < 9000; i++) {
        char what[160], line[512];
        snprintf(what, sizeof what, events[i % 4], places[(i / 4) % 6]);
        snprintf(line, sizeof line,
                 "{\"id\":\"r%u\",\"published\":\"2024-05-%02u\",\"text\":\"Officials said on "
                 "Thursday that %s, report %u of the day.\\n\\nSubscribe to our newsletter\"}\n",
                 i, 1 + (i / 600) % 28, what, i % 97);
        fputs(line, f);
    }
    fclose(f);
    const char *paths[] = {path};
    char *one = outputs(paths, 1, 1, 1), *two = outputs(paths, 1, 2, 1);
    CHECK(t, one && strlen(one) > 9000 * 8);
    CHECK_STR(t, two, one);
    free(one), free(two);
    unlink(path);
}

static void compact_mode_groups_alike(test_ctx *t)
{
    const char *paths[] = {"examples", "tests/data/quakes.jsonl"};
    char *full = outputs(paths, 2, 1, 0), *compact = outputs(paths, 2, 1, 1);
    /* The TSV grouping comes first in both. */
    CHECK(t, full && compact && strncmp(full, compact, strlen(compact)) == 0);
    free(full), free(compact);
    chorus_options o;
    chorus_options_init(&o);
    o.compact = 1;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    chorus_corpus_add_path(c, "examples");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    chorus_article_info a;
    CHECK_INT(t, chorus_corpus_article(c, 0, &a), 0);
    CHECK_STR(t, a.text, "");
    CHECK(t, a.title != NULL && a.path != NULL);
    chorus_story_info st;
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
    CHECK_INT(t, st.summary_count, 0);
    chorus_corpus_free(c);
}

typedef struct {
    int calls;
    char last[32];
    size_t articles, stories;
} progress_log;

static void note_progress(void *userdata, const char *stage, size_t articles, size_t stories)
{
    progress_log *p = userdata;
    p->calls++;
    snprintf(p->last, sizeof p->last, "%s", stage);
    p->articles = articles;
    p->stories = stories;
}

static void progress_is_reported(test_ctx *t)
{
    progress_log log = {0};
    chorus_options o;
    chorus_options_init(&o);
    o.compact = 1;
    o.progress = note_progress;
    o.progress_userdata = &log;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    chorus_corpus_add_path(c, "examples");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK(t, log.calls >= 3);
    CHECK_STR(t, log.last, "done");
    CHECK_INT(t, log.articles, 13);
    CHECK_INT(t, log.stories, chorus_corpus_story_count(c));
    chorus_corpus_free(c);
}

static void block_counts_forget_what_was_seen_once(test_ctx *t)
{
    chorus__blockcount *b = chorus__blockcount_new(8);
    uint64_t scratch[4];
    uint64_t boiler[2] = {7, 7}; /* counted once per article */
    for (int i = 0; i < 3; i++)
        CHECK_INT(t, chorus__blockcount_add(b, boiler, 2, scratch), 0);
    CHECK_INT(t, chorus__blockcount_get(b, 7), 3);
    /* Many paragraphs seen once fill the table; the recurring one stays. */
    for (uint64_t h = 100; h < 200; h++)
        CHECK_INT(t, chorus__blockcount_add(b, &h, 1, scratch), 0);
    CHECK_INT(t, chorus__blockcount_get(b, 7), 3);
    CHECK_INT(t, chorus__blockcount_get(b, 12345), 1);
    uint64_t zero = 0;
    CHECK_INT(t, chorus__blockcount_add(b, &zero, 1, scratch), 0);
    CHECK_INT(t, chorus__blockcount_add(b, &zero, 1, scratch), 0);
    CHECK_INT(t, chorus__blockcount_get(b, 0), 2);
    chorus__blockcount_free(b);
}

/* The weight of a word that no other article has, against that of a
 * word one other article has, in a corpus of `docs` articles: both occur
 * once in the article, neither as a name. */
static double unshared_to_shared(test_ctx *t, size_t docs, int *plain)
{
    chorus__df df = {0};
    chorus__article *a = chorus__article_new(0);
    double ratio = -1;
    CHECK(t, a != NULL);
    if (!a)
        return ratio;
    a->features = calloc(2, sizeof *a->features);
    CHECK(t, a->features != NULL);
    if (a->features) {
        a->feature_count = 2;
        a->features[0] = (chorus__feature){.term = 0, .count = 1};
        a->features[1] = (chorus__feature){.term = 1, .count = 1};
        /* Term 0 is the article's alone; term 1 is in one other article too. */
        df.counts = calloc(2, sizeof *df.counts);
        if (df.counts) {
            df.cap = 2;
            df.counts[0] = 1;
            df.counts[1] = 2;
            df.docs = docs;
            CHECK_INT(t, chorus__article_vector(a, &df), 0);
            CHECK_INT(t, a->vec.count, 2);
            if (a->vec.count == 2)
                ratio = a->vec.weights[0] / a->vec.weights[1];
            *plain = a->vec.plain;
        }
        chorus__df_free(&df);
    }
    chorus__article_free(a);
    return ratio;
}

/* In a corpus of 50 articles or more, a word no other article has keeps
 * 0.3 of the weight its rarity would give it; in a smaller one, all words
 * keep their weight (a plain vector, held to two thirds of the
 * threshold). The inverse document frequency is log((N + 1) / (df + 0.5))
 * with N at least 50. */
static void unshared_words_weigh_less(test_ctx *t)
{
    int plain = -1;
    double large = unshared_to_shared(t, 1000, &plain);
    CHECK(t, fabs(large - 0.3 * log(1001 / 1.5) / log(1001 / 2.5)) < 1e-4);
    CHECK_INT(t, plain, 0);
    double small = unshared_to_shared(t, 10, &plain);
    CHECK(t, fabs(small - log(51 / 1.5) / log(51 / 2.5)) < 1e-4);
    CHECK_INT(t, plain, 1);
}

/* Two sides of one story, built as vectors whose cosines are known: the
 * squared weights of every article's unit vector are `shared` on the
 * story's name, `side_weight` on a word of its side, and the rest spread
 * over 60 words of its own. Two articles of one side then have a cosine of
 * shared + side_weight, two of different sides `shared`. The sides come in
 * turns (A, B, A, B...), undated. */
#define SIDE_OWN_TERMS 60

static chorus__article *side_article(size_t index, int side, double shared, double side_weight)
{
    chorus__article *a = chorus__article_new(index);
    if (!a)
        return NULL;
    uint32_t n = 2 + SIDE_OWN_TERMS;
    a->vec.terms = chorus__arena_alloc(&a->mem, n * sizeof *a->vec.terms);
    a->vec.weights = chorus__arena_alloc(&a->mem, n * sizeof *a->vec.weights);
    if (!a->vec.terms || !a->vec.weights) {
        chorus__article_free(a);
        return NULL;
    }
    a->vec.count = n;
    /* Term 0: the name; 1 and 2: the two sides' words; then each article's own. */
    a->vec.terms[0] = 0;
    a->vec.weights[0] = (float)sqrt(shared);
    a->vec.terms[1] = 1 + (uint32_t)side;
    a->vec.weights[1] = (float)sqrt(side_weight);
    for (uint32_t k = 0; k < SIDE_OWN_TERMS; k++) {
        a->vec.terms[2 + k] = 3 + (uint32_t)index * SIDE_OWN_TERMS + k;
        a->vec.weights[2 + k] = (float)sqrt((1 - shared - side_weight) / SIDE_OWN_TERMS);
    }
    a->content_hash = index; /* the order of placing */
    return a;
}

/* Groups `per_side` articles of each side and returns the number of
 * stories, with *mixed set when a story holds articles of both sides. */
static long group_two_sides(test_ctx *t, size_t per_side, double shared, double side_weight, int *mixed)
{
    size_t n = 2 * per_side;
    chorus__article **articles = calloc(n, sizeof *articles);
    long stories = -1;
    int ok = articles != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = (articles[i] = side_article(i, (int)(i % 2), shared, side_weight)) != NULL;
    if (ok) {
        chorus__cluster_params params = {0.2, 4.0, 0, 0};
        stories = chorus__cluster(articles, n, 3 + n * SIDE_OWN_TERMS, &params);
        *mixed = 0;
        for (size_t i = 2; i < n; i++)
            if (articles[i]->story == articles[i % 2 ? 0 : 1]->story)
                *mixed = 1;
    }
    CHECK(t, ok);
    for (size_t i = 0; articles && i < n; i++)
        chorus__article_free(articles[i]);
    free(articles);
    return stories;
}

/* The first pass grows each side as a story of its own: no article of one
 * side is within the threshold (0.2) of the other side's story when it
 * comes. Taken whole, two sides of six with cosines 0.25 within and 0.15
 * across are one story: their sums' cosine is 0.4 (at least 1.5 times the
 * threshold, 0.3), and a pair across is 0.6 times as close as a pair within (at
 * least half). Two sides of twenty with cosines 0.3 within and 0.12 across
 * have sums as close (0.36), but a pair across is only 0.4 times as close
 * as a pair within: two events under one name (two budget fights in one
 * week), which stay two stories. With fewer articles the sums' cosine
 * stays below: for six and six at 0.3 and 0.12 it is 0.29. */
static void sides_of_one_story_become_one(test_ctx *t)
{
    int mixed = 0;
    CHECK_INT(t, group_two_sides(t, 6, 0.15, 0.10, &mixed), 1);
    CHECK_INT(t, group_two_sides(t, 20, 0.12, 0.18, &mixed), 2);
    CHECK(t, !mixed);
    CHECK_INT(t, group_two_sides(t, 6, 0.12, 0.18, &mixed), 2);
    CHECK(t, !mixed);
}

const test_case cluster_tests[] = {
    {"an order seed keeps the grouping independent of the input", order_seed_keeps_grouping_independent_of_input},
    {"split and merge cases from tests/cases/cluster.txt", split_and_merge_cases},
    {"threads give identical output", threads_give_identical_output},
    {"batches beside reading give identical output", batches_beside_reading_give_identical_output},
    {"compact mode groups alike", compact_mode_groups_alike},
    {"progress is reported", progress_is_reported},
    {"block counts forget what was seen once", block_counts_forget_what_was_seen_once},
    {"same topic weeks apart splits", same_topic_weeks_apart_splits},
    {"different events split", different_events_split},
    {"input order does not matter", input_order_does_not_matter},
    {"threshold 1 keeps articles apart, 0 makes one story", threshold_ends},
    {"headlines join their story", headlines_join_their_story},
    {"a lone report joins its clearly nearest story", lone_report_joins_nearest_story},
    {"an undated article joins a story closed before it comes", undated_article_joins_a_closed_story},
    {"a lone dated report joins a story the undated ones tell", lone_dated_report_joins_undated_story},
    {"two sides of one story become one", sides_of_one_story_become_one},
    {"words no other article has weigh less in a large corpus", unshared_words_weigh_less},
    {NULL, NULL},
};
