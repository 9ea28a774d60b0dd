/* test_cluster.c - grouping articles into stories. */
#include <stdlib.h>

#include "chorus.h"
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
    chorus_corpus_new(&c1, NULL);
    chorus_corpus_new(&c2, NULL);
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

static void threshold_one_keeps_articles_apart(test_ctx *t)
{
    chorus_options o;
    chorus_options_init(&o);
    o.cluster_threshold = 1.0;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    chorus_corpus_add_path(c, "tests/data/quakes.jsonl");
    chorus_corpus_analyze(c);
    CHECK_INT(t, chorus_corpus_story_count(c), 3);
    chorus_corpus_free(c);
}

const test_case cluster_tests[] = {
    {"same topic weeks apart splits", same_topic_weeks_apart_splits},
    {"different events split", different_events_split},
    {"input order does not matter", input_order_does_not_matter},
    {"threshold 1 keeps articles apart", threshold_one_keeps_articles_apart},
    {NULL, NULL},
};
