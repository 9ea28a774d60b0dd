/* test_notice.c - telling texts that are not articles from articles: cases, copies, outputs. */
#define _DEFAULT_SOURCE /* open_memstream */
#include <stdlib.h>

#include "chorus.h"
#include "runner.h"

/* One case of tests/cases/non_articles.txt: the text alone in a corpus. */
static void one_case(test_ctx *t, const test_record *r, void *unused)
{
    (void)unused;
    if (r->field_count != 2) {
        test_fail(t, "tests/cases/non_articles.txt", r->line, "needs expected => text");
        return;
    }
    /* " // " separates paragraphs. */
    char text[4096];
    size_t len = 0;
    for (const char *p = r->fields[1]; *p && len + 2 < sizeof text;) {
        if (strncmp(p, " // ", 4) == 0) {
            text[len++] = '\n';
            text[len++] = '\n';
            p += 4;
        } else {
            text[len++] = *p++;
        }
    }
    chorus_options o;
    chorus_options_init(&o);
    o.facts = 0;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    chorus_corpus_add_text(c, "case.txt", text, len);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    chorus_article_info a;
    CHECK_INT(t, chorus_corpus_article(c, 0, &a), 0);
    const char *got = a.non_article ? a.non_article : "article";
    if (strcmp(got, r->fields[0]) != 0)
        test_fail(t, "tests/cases/non_articles.txt", r->line, "got %s, want %s", got, r->fields[0]);
    /* An input that is not an article is in no story. */
    if (a.non_article && a.story != CHORUS_NO_STORY)
        test_fail(t, "tests/cases/non_articles.txt", r->line, "a %s is in a story", got);
    chorus_corpus_free(c);
}

static void non_article_cases(test_ctx *t)
{
    CHECK(t, test_each_record(t, "tests/cases/non_articles.txt", one_case, NULL) >= 15);
}

/* The same embed notice fetched for pages of two unrelated stories, and a
 * cookie wall: they join neither story nor each other, and do not pull
 * the stories together; every output names them. */
static void notices_stay_out_of_stories(test_ctx *t)
{
    for (int compact = 0; compact <= 1; compact++) {
        chorus_options o;
        chorus_options_init(&o);
        o.compact = compact;
        chorus_corpus *c;
        chorus_corpus_new(&c, &o);
        CHECK_INT(t, chorus_corpus_add_path(c, "tests/data/notices.jsonl"), 7);
        CHECK_INT(t, chorus_corpus_analyze(c), 0);
        CHECK_INT(t, chorus_corpus_story_count(c), 2);
        size_t out = 0;
        for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
            chorus_article_info a;
            chorus_corpus_article(c, i, &a);
            int notice = strncmp(a.input_id, "notice", 6) == 0;
            CHECK_INT(t, a.non_article != NULL, notice);
            CHECK_INT(t, a.story == CHORUS_NO_STORY, notice);
            out += notice;
        }
        CHECK_INT(t, out, 3);
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        chorus_write_clusters(c, f, CHORUS_FORMAT_TSV);
        fclose(f);
        CHECK(t, buf && strstr(buf, "-\tnotice-embed-1\t-\n"));
        CHECK(t, buf && strstr(buf, "-\tnotice-embed-2\tnotice-embed-1\n"));
        free(buf);
        if (!compact) {
            buf = NULL;
            f = open_memstream(&buf, &len);
            chorus_write_brief(c, f, CHORUS_FORMAT_JSON);
            fclose(f);
            CHECK(t, buf && strstr(buf, "\"non_articles\": ["));
            CHECK(t, buf && strstr(buf, "\"non_article\": \"notice\""));
            free(buf);
        }
        chorus_corpus_free(c);
    }
}

/* chorus summarize leaves a notice out of the one story it makes. */
static void summaries_leave_notices_out(test_ctx *t)
{
    chorus_options o;
    chorus_options_init(&o);
    o.one_story = 1;
    o.facts = 0;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    chorus_corpus_add_path(c, "tests/data/notices.jsonl");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK_INT(t, chorus_corpus_story_count(c), 1);
    chorus_story_info st;
    chorus_corpus_story(c, 0, &st);
    CHECK_INT(t, st.article_count, 4);
    chorus_corpus_free(c);
}

const test_case notice_tests[] = {
    {"non-article cases from tests/cases/non_articles.txt", non_article_cases},
    {"notices stay out of stories", notices_stay_out_of_stories},
    {"summaries leave notices out", summaries_leave_notices_out},
    {NULL, NULL},
};
