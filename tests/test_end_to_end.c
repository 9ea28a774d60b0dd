/* test_end_to_end.c - chorus on the seed articles and on the demo corpus, through the API. */
#include <stdlib.h>
#include <unistd.h>

#include "chorus.h"
#include "runner.h"

static chorus_corpus *read_corpus(const char *path)
{
    chorus_corpus *c;
    if (chorus_corpus_new(&c, NULL))
        return NULL;
    chorus_corpus_add_path(c, path);
    chorus_corpus_analyze(c);
    return c;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static const chorus_article_info *by_suffix(chorus_corpus *c, const char *suffix, chorus_article_info *a)
{
    for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
        chorus_corpus_article(c, i, a);
        if (ends_with(a->path, suffix))
            return a;
    }
    return NULL;
}

/* Non-zero when `line` is among the article's removed lines and not in its text. */
static int removed(const chorus_article_info *a, const char *line)
{
    int listed = 0;
    for (size_t i = 0; i < a->removed_count; i++)
        listed |= strstr(a->removed[i], line) != NULL;
    return listed && strstr(a->text, line) == NULL;
}

static void seeds_make_one_story(test_ctx *t)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", t->env->seeds_dir);
    if (access(dir, R_OK) != 0) {
        test_skip(t, "../shared/seeds is absent");
        return;
    }
    chorus_corpus *c = read_corpus(dir);
    CHECK_INT(t, chorus_corpus_article_count(c), 5);
    CHECK_INT(t, chorus_corpus_story_count(c), 1);
    chorus_story_info st;
    chorus_corpus_story(c, 0, &st);
    CHECK_INT(t, st.article_count, 5);
    CHECK_STR(t, st.start, "2024-08-13");
    CHECK_STR(t, st.end, "2024-08-13");
    /* The junk each page left in is removed and reported. */
    chorus_article_info a;
    CHECK(t, by_suffix(c, "000_ef24deb0049de740.txt", &a) && removed(&a, "Comment List"));
    CHECK(t, by_suffix(c, "001_85a3f5ce28a995b1.txt", &a) && removed(&a, "Facebook"));
    CHECK(t, by_suffix(c, "002_8890f80d8881a9c9.txt", &a));
    CHECK(t, removed(&a, "Latest stories"));
    CHECK(t, removed(&a, "Heading 1:"));
    CHECK(t, strstr(a.text, "Heading") == NULL);
    CHECK_STR(t, a.published, "2024-08-13");
    CHECK_STR(t, a.source, "TOME");
    CHECK(t, by_suffix(c, "003_8b9438ee4e281200.txt", &a));
    CHECK(t, removed(&a, "SOCIETY"));
    CHECK(t, removed(&a, "Photo: VCG"));
    CHECK_STR(t, a.published, "2024-08-13T23:14:00");
    CHECK(t, by_suffix(c, "004_ab7f8f7b20ddddaf.txt", &a));
    CHECK(t, removed(&a, "Leave a Reply"));
    CHECK(t, removed(&a, "Required fields are marked"));
    CHECK_STR(t, a.published, NULL);
    for (size_t i = 0; i < 5; i++) {
        chorus_corpus_article(c, i, &a);
        CHECK_MSG(t, a.title != NULL, "%s has no title", a.path);
        CHECK_STR(t, a.language, "en");
        CHECK_STR(t, a.duplicate_of, NULL);
    }
    /* The summary cites real articles, each of which holds the sentence or a paraphrase. */
    CHECK(t, st.summary_count >= 4 && st.summary_count <= 6);
    for (size_t k = 0; k < st.summary_count; k++) {
        CHECK(t, st.summary[k].source_count >= 1);
        int origin = 0;
        for (size_t m = 0; m < st.summary[k].source_count; m++) {
            CHECK(t, st.summary[k].sources[m] < 5);
            chorus_corpus_article(c, st.summary[k].sources[m], &a);
            origin |= strstr(a.text, st.summary[k].text) != NULL;
        }
        CHECK(t, origin);
    }
    chorus_corpus_free(c);
}

static void demo_corpus_stories(test_ctx *t)
{
    chorus_corpus *c = read_corpus("examples");
    CHECK_INT(t, chorus_corpus_article_count(c), 13);
    CHECK_INT(t, chorus_corpus_story_count(c), 3);
    /* Each event's articles share a story and no other event's do. */
    static const char *const events[3][5] = {
        {"a-ferry-wire.txt", "a-ferry-rewrite.txt", "a-ferry-local.txt", "a-ferry-followup.txt", "feed.jsonl:1"},
        {"b-chile-rate-cut.txt", "b-chile-reaction.txt", "feed.jsonl:2", "feed.jsonl:3", NULL},
        {"c-launch-wire.txt", "c-launch-local.txt", "c-launch-analysis.txt", "feed.jsonl:4", NULL},
    };
    size_t story[3];
    for (int e = 0; e < 3; e++) {
        chorus_article_info a;
        CHECK(t, by_suffix(c, events[e][0], &a));
        story[e] = a.story;
        for (int k = 1; k < 5 && events[e][k]; k++) {
            CHECK(t, by_suffix(c, events[e][k], &a));
            CHECK_MSG(t, a.story == story[e], "%s is not with %s", events[e][k], events[e][0]);
        }
    }
    CHECK(t, story[0] != story[1] && story[1] != story[2] && story[0] != story[2]);

    /* The verbatim syndicated copy is a duplicate; the rewrite is not. */
    chorus_article_info wire, copy, rewrite;
    by_suffix(c, "a-ferry-wire.txt", &wire);
    by_suffix(c, "feed.jsonl:1", &copy);
    by_suffix(c, "a-ferry-rewrite.txt", &rewrite);
    CHECK(t, (wire.duplicate_of && strcmp(wire.duplicate_of, copy.id) == 0) ||
                 (copy.duplicate_of && strcmp(copy.duplicate_of, wire.id) == 0));
    CHECK_STR(t, rewrite.duplicate_of, NULL);

    /* Publication dates from date lines, the published one over the updated one. */
    chorus_article_info a;
    by_suffix(c, "a-ferry-local.txt", &a);
    CHECK_STR(t, a.published, "2025-03-04T09:12:00");
    CHECK_STR(t, a.source, "Island Dispatch");
    by_suffix(c, "a-ferry-rewrite.txt", &a);
    CHECK_STR(t, a.published, "2025-03-04T19:05:00");
    by_suffix(c, "a-ferry-followup.txt", &a);
    CHECK_STR(t, a.published, "2025-03-05");
    CHECK(t, removed(&a, "Heading 3: Questions over the inspection"));
    CHECK(t, strstr(a.text, "Questions over the inspection") != NULL);
    by_suffix(c, "c-launch-analysis.txt", &a);
    CHECK_STR(t, a.published, NULL);
    CHECK_STR(t, a.source, "The Northbridge Observer");
    by_suffix(c, "b-chile-reaction.txt", &a);
    CHECK(t, removed(&a, "Instagram"));
    CHECK_STR(t, a.source, "Cordillera Times");
    /* The hard-wrapped wire story reads as whole paragraphs. */
    by_suffix(c, "c-launch-wire.txt", &a);
    CHECK(t, strstr(a.text, "capsized in a sudden storm on the Meghna river") != NULL);
    chorus_corpus_free(c);
}

/* A story's headline says what happened: a title that asks gives way to one
 * that tells, even when its article is the story's most central. */
static void headline_tells_rather_than_asks(test_ctx *t)
{
    static const char *const texts[] = {
        "What did the harbour board decide about the Brookfield ferry?\n\n"
        "The Brookfield harbour board voted on Tuesday to keep the night ferry to the islands running "
        "through the winter, reversing a plan to cut the service from November.\n\n"
        "The board said the night ferry would keep its timetable and fares, and that the islands' council "
        "would pay a third of the cost of the winter crossings.\n\n"
        "Island residents had protested against the cut at the harbour on Saturday, saying the night ferry "
        "was their only way home from evening shifts on the mainland.\n",
        "Harbour board keeps the Brookfield night ferry through the winter\n\n"
        "The Brookfield harbour board voted on Tuesday to keep the night ferry to the islands running "
        "through the winter, after island residents protested against the cut.\n\n"
        "The islands' council will pay a third of the cost of the winter crossings, the board said.\n",
    };
    chorus_corpus *c;
    CHECK_INT(t, chorus_corpus_new(&c, NULL), 0);
    for (size_t i = 0; i < 2; i++)
        CHECK_INT(t, chorus_corpus_add_text(c, i ? "tells.txt" : "asks.txt", texts[i], strlen(texts[i])), 1);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK_INT(t, chorus_corpus_story_count(c), 1);
    chorus_story_info st;
    if (chorus_corpus_story_count(c) == 1 && chorus_corpus_story(c, 0, &st) == 0)
        CHECK_STR(t, st.headline, "Harbour board keeps the Brookfield night ferry through the winter");
    chorus_corpus_free(c);
}

const test_case end_to_end_tests[] = {
    {"seeds make one story", seeds_make_one_story},
    {"demo corpus stories", demo_corpus_stories},
    {"a headline tells rather than asks", headline_tells_rather_than_asks},
    {NULL, NULL},
};
