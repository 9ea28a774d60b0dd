/* test_summarize.c - summaries: length limits, standalone sentences, sources. */
#define _DEFAULT_SOURCE /* open_memstream */
#include <stdlib.h>

#include "chorus.h"
#include "runner.h"

static chorus_corpus *examples(unsigned sentences, unsigned words, int one_story)
{
    chorus_options o;
    chorus_options_init(&o);
    if (sentences)
        o.summary_sentences = sentences;
    o.summary_words = words;
    o.one_story = one_story;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return NULL;
    chorus_corpus_add_path(c, "examples");
    chorus_corpus_analyze(c);
    return c;
}

static void every_sentence_cites_its_sources(test_ctx *t)
{
    chorus_corpus *c = examples(0, 0, 0);
    CHECK(t, chorus_corpus_story_count(c) == 3);
    for (size_t s = 0; s < chorus_corpus_story_count(c); s++) {
        chorus_story_info st;
        chorus_corpus_story(c, s, &st);
        CHECK(t, st.summary_count >= 3 && st.summary_count <= 6);
        for (size_t k = 0; k < st.summary_count; k++) {
            const chorus_summary_sentence *ss = &st.summary[k];
            CHECK(t, ss->source_count >= 1);
            int from_a_source = 0;
            for (size_t m = 0; m < ss->source_count; m++) {
                chorus_article_info a;
                CHECK_INT(t, chorus_corpus_article(c, ss->sources[m], &a), 0);
                CHECK(t, a.story == s);
                if (m)
                    CHECK(t, ss->sources[m - 1] < ss->sources[m]);
                from_a_source |= strstr(a.text, ss->text) != NULL;
            }
            CHECK_MSG(t, from_a_source, "\"%s\" is in none of its sources", ss->text);
            /* Summary sentences are prose: not headings, not junk, not a fragment. */
            CHECK(t, strlen(ss->text) > 30);
            CHECK(t, strstr(ss->text, "Heading") == NULL);
            CHECK(t, ss->text[0] < 'a' || ss->text[0] > 'z');
        }
    }
    chorus_corpus_free(c);
}

static void syndicated_copies_are_sources_too(test_ctx *t)
{
    chorus_corpus *c = examples(0, 0, 0);
    /* A sentence from the wire story is stated by its verbatim copy as well. */
    int found = 0;
    for (size_t s = 0; s < chorus_corpus_story_count(c); s++) {
        chorus_story_info st;
        chorus_corpus_story(c, s, &st);
        for (size_t k = 0; k < st.summary_count; k++) {
            int wire = 0, copy = 0;
            for (size_t m = 0; m < st.summary[k].source_count; m++) {
                chorus_article_info a;
                chorus_corpus_article(c, st.summary[k].sources[m], &a);
                wire |= strcmp(a.path, "examples/a-ferry-wire.txt") == 0;
                copy |= strcmp(a.path, "examples/feed.jsonl:1") == 0;
            }
            found |= wire && copy;
            CHECK(t, wire == copy);
        }
    }
    CHECK(t, found);
    chorus_corpus_free(c);
}

static void sentence_limit(test_ctx *t)
{
    chorus_corpus *c = examples(2, 0, 0);
    for (size_t s = 0; s < chorus_corpus_story_count(c); s++) {
        chorus_story_info st;
        chorus_corpus_story(c, s, &st);
        CHECK(t, st.summary_count <= 2 && st.summary_count >= 1);
    }
    chorus_corpus_free(c);
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int w = *s != ' ' && *s != '\n';
        n += w && !in;
        in = w;
    }
    return n;
}

static void word_limit_cuts_the_text(test_ctx *t)
{
    chorus_corpus *c = examples(1000, 50, 1);
    CHECK_INT(t, chorus_corpus_story_count(c), 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(t, chorus_write_summary(c, f, 0), 0);
    fclose(f);
    CHECK_INT(t, count_words(buf), 50);
    CHECK_INT(t, chorus_write_summary(c, stdout, 1), CHORUS_ERANGE);
    free(buf);
    chorus_corpus_free(c);
}

const test_case summarize_tests[] = {
    {"every sentence cites its sources", every_sentence_cites_its_sources},
    {"syndicated copies are sources too", syndicated_copies_are_sources_too},
    {"sentence limit", sentence_limit},
    {"word limit cuts the text", word_limit_cuts_the_text},
    {NULL, NULL},
};
