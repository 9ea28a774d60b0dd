/* test_summarize.c - summaries: sentences that stand alone, chronological order, sources, length limits. */
#define _DEFAULT_SOURCE /* open_memstream */
#include <stdlib.h>

#include "analyze.h"
#include "chorus.h"
#include "runner.h"
#include "standalone.h"
#include "summary_order.h"

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

/* ---------------------------------------------------------------------- */
/* Sentences that stand alone                                             */
/* ---------------------------------------------------------------------- */

static const char *verdict_name(int unfit, int leans)
{
    static const char *const names[] = {"fit", "heading", "length", "fragment", "quote", "furniture", "address"};
    if (!unfit && leans)
        return "leans back";
    return unfit >= 0 && unfit < (int)(sizeof names / sizeof names[0]) ? names[unfit] : "?";
}

static void standalone_case(test_ctx *t, const test_record *r, void *userdata)
{
    chorus__analyzer *an = userdata;
    CHECK_MSG(t, r->field_count == 2, "line %d: sentence => verdict", r->line);
    if (r->field_count != 2)
        return;
    chorus__article *a = chorus__article_new(0);
    strcpy(a->language, "en");
    a->language_given = 1;
    static const char first[] = "The council met on Monday to discuss the budget.";
    static const char own_paragraph[] = "¶ ";
    const char *sentence = r->fields[0];
    if (strncmp(sentence, own_paragraph, strlen(own_paragraph)) == 0) {
        sentence += strlen(own_paragraph);
        CHECK_INT(t, chorus__article_add_block(a, first, strlen(first)), 0);
        CHECK_INT(t, chorus__article_add_block(a, sentence, strlen(sentence)), 0);
    } else {
        char text[512];
        snprintf(text, sizeof text, "%s %s", first, sentence);
        CHECK_INT(t, chorus__article_add_block(a, text, strlen(text)), 0);
    }
    CHECK_INT(t, chorus__article_analyze(an, a), 0);
    CHECK_MSG(t, a->sentence_count == 2, "line %d: %zu sentences", r->line, a->sentence_count);
    if (a->sentence_count == 2) {
        chorus__buf scratch = {0};
        const char *got = verdict_name(chorus__sentence_unfit(a, 1, &scratch),
                                       chorus__sentence_leans_back(a, 1));
        chorus__buf_free(&scratch);
        CHECK_MSG(t, strcmp(got, r->fields[1]) == 0, "line %d: %s, want %s", r->line, got, r->fields[1]);
    }
    chorus__article_free(a);
}

static void sentences_that_stand_alone(test_ctx *t)
{
    chorus__analyzer an;
    CHECK_INT(t, chorus__analyzer_init(&an, NULL), 0);
    CHECK(t, test_each_record(t, "tests/cases/standalone.txt", standalone_case, &an) > 15);
    chorus__analyzer_done(&an);
}

/* A corpus of the given texts taken as one story. */
static chorus_corpus *story_of(const char *const *texts, size_t n, unsigned sentences)
{
    chorus_options o;
    chorus_options_init(&o);
    o.one_story = 1;
    o.summary_sentences = sentences;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "t%zu", i);
        chorus_corpus_add_text(c, name, texts[i], strlen(texts[i]));
    }
    chorus_corpus_analyze(c);
    return c;
}

static int summary_has(const chorus_story_info *st, const char *start, size_t *at)
{
    for (size_t k = 0; k < st->summary_count; k++)
        if (strncmp(st->summary[k].text, start, strlen(start)) == 0) {
            *at = k;
            return 1;
        }
    return 0;
}

static void a_sentence_that_leans_back_follows_its_antecedent(test_ctx *t)
{
    /* "He admitted ..." says the most, but only after the sentence naming
     * the mayor; with two sentences, both come, in that order. */
    static const char *const named[] = {
        "Mayor quits\n\nThe mayor of Eastbrook resigned on Friday after a long inquiry. He admitted "
        "taking bribes from the harbour construction company during the tender for the new ferry "
        "terminal in the old port. Residents were surprised.\n",
    };
    chorus_corpus *c = story_of(named, 1, 2);
    chorus_story_info st;
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
    CHECK_INT(t, st.summary_count, 2);
    size_t he = 0, antecedent = 0;
    CHECK(t, summary_has(&st, "The mayor of Eastbrook resigned", &antecedent));
    CHECK(t, summary_has(&st, "He admitted", &he));
    CHECK_INT(t, he, antecedent + 1);
    chorus_corpus_free(c);

    /* The sentence it leans on is too short to stand in a summary: it
     * cannot be chosen, so neither can the one leaning on it. */
    static const char *const unnamed[] = {
        "Mayor quits\n\nThe mayor quit. He admitted taking bribes from the harbour construction "
        "company during the tender for the new ferry terminal in the old port.\n",
    };
    c = story_of(unnamed, 1, 2);
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
    CHECK(t, !summary_has(&st, "He admitted", &he));
    chorus_corpus_free(c);
}

/* ---------------------------------------------------------------------- */
/* Order                                                                  */
/* ---------------------------------------------------------------------- */

static void order_is_chronological(test_ctx *t)
{
    /* Published on the 5th, the 4th and (undated) some time: the 4th's lead
     * comes before the 5th's; a sentence giving its own date (February 20)
     * goes by that date; undated sentences come last. */
    static const char *const texts[] = {
        "Dam talks resume\n\nPublished: Mar 5, 2025 9:00 AM\n\nNegotiators from both countries "
        "resumed talks over the river dam on Wednesday in the border town of Kesra. Both sides "
        "said the water-sharing deal could be signed within weeks.\n",
        "New round of dam talks\n\nPublished: Mar 4, 2025 8:00 AM\n\nOfficials in the capital "
        "announced on Tuesday that a new round of negotiations on the dam would open in Kesra. "
        "The first round of talks on the dam ended without agreement on February 20, 2025, after "
        "the river level fell sharply.\n",
        "The long quarrel over the river\n\nThe quarrel over the river dam has poisoned relations "
        "between the two countries for a decade, and talks over sharing its water have failed "
        "before.\n",
    };
    chorus_corpus *c = story_of(texts, 3, 5);
    chorus_story_info st;
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
    size_t feb = 0, tue = 0, wed = 0, undated = 0;
    CHECK(t, summary_has(&st, "The first round", &feb));
    CHECK(t, summary_has(&st, "Officials in the capital", &tue));
    CHECK(t, summary_has(&st, "Negotiators from both countries resumed", &wed));
    CHECK(t, summary_has(&st, "The quarrel", &undated));
    CHECK(t, feb < tue);
    CHECK(t, tue < wed);
    CHECK_INT(t, undated, st.summary_count - 1);
    chorus_corpus_free(c);
}

/* An analysed English article of one paragraph, published on `published`
 * (ISO day) unless NULL. */
static chorus__article *dated_article(chorus__analyzer *an, size_t index, const char *text,
                                      const char *published)
{
    chorus__article *a = chorus__article_new(index);
    strcpy(a->language, "en");
    a->language_given = 1;
    chorus__article_add_block(a, text, strlen(text));
    if (published) {
        chorus__date d;
        size_t at, span;
        if (chorus__date_find(published, strlen(published), &d, &at, &span))
            chorus__article_set_published(a, &d);
    }
    chorus__article_analyze(an, a);
    return a;
}

static long day_of(const char *iso)
{
    chorus__date d;
    size_t at, span;
    return chorus__date_find(iso, strlen(iso), &d, &at, &span) ? chorus__date_days(&d) : -1;
}

static void event_day_prefers_the_sentence_date(test_ctx *t)
{
    chorus__analyzer an;
    CHECK_INT(t, chorus__analyzer_init(&an, NULL), 0);
    chorus__article *articles[3] = {
        dated_article(&an, 0,
                      "The first round of talks ended without agreement on February 20, 2025. "
                      "Negotiators will meet again next week in the border town.",
                      "2025-03-04"),
        dated_article(&an, 1, "Negotiators will meet again next week in the border town.", "2025-03-03"),
        dated_article(&an, 2, "Negotiators will meet again next week in the border town.", NULL),
    };
    const size_t both[] = {0, 1}, undated[] = {2};
    /* A full date in the sentence is the day of its event... */
    chorus__order_item own = {0, 0, both, 1, -1};
    CHECK_INT(t, chorus__event_day(articles, &own), day_of("2025-02-20"));
    /* ... else the earliest publication among the articles stating it... */
    chorus__order_item shared = {0, 1, both, 2, -1};
    CHECK_INT(t, chorus__event_day(articles, &shared), day_of("2025-03-03"));
    /* ... and without either, the day is unknown. */
    chorus__order_item none = {2, 0, undated, 1, -1};
    CHECK_INT(t, chorus__event_day(articles, &none), CHORUS_DAY_UNKNOWN);
    for (size_t i = 0; i < 3; i++)
        chorus__article_free(articles[i]);
    chorus__analyzer_done(&an);
}

/* ---------------------------------------------------------------------- */
/* Sources and limits                                                     */
/* ---------------------------------------------------------------------- */

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

static void what_several_outlets_state_comes_first(test_ctx *t)
{
    /* One sentence per story: the statement most outlets share wins over
     * any one outlet's own. */
    chorus_corpus *c = examples(1, 0, 0);
    for (size_t s = 0; s < chorus_corpus_story_count(c); s++) {
        chorus_story_info st;
        chorus_corpus_story(c, s, &st);
        CHECK_INT(t, st.summary_count, 1);
        if (s == 0 && st.summary_count)
            CHECK_MSG(t, st.summary[0].source_count >= 3, "\"%s\" has %zu sources", st.summary[0].text,
                      st.summary[0].source_count);
    }
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

static void word_budget_is_filled(test_ctx *t)
{
    /* Under a word budget the summary reaches it (the last sentence is cut
     * there) whenever the story has enough candidate sentences. */
    for (unsigned words = 40; words <= 160; words += 60) {
        chorus_corpus *c = examples(1000, words, 1);
        chorus_story_info st;
        CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
        size_t total = 0;
        for (size_t k = 0; k < st.summary_count; k++)
            total += count_words(st.summary[k].text);
        CHECK_MSG(t, total >= words, "%zu words for a budget of %u", total, words);
        chorus_corpus_free(c);
    }
}

const test_case summarize_tests[] = {
    {"sentences that stand alone", sentences_that_stand_alone},
    {"a sentence that leans back follows its antecedent", a_sentence_that_leans_back_follows_its_antecedent},
    {"order is chronological", order_is_chronological},
    {"event day prefers the sentence date", event_day_prefers_the_sentence_date},
    {"every sentence cites its sources", every_sentence_cites_its_sources},
    {"syndicated copies are sources too", syndicated_copies_are_sources_too},
    {"what several outlets state comes first", what_several_outlets_state_comes_first},
    {"sentence limit", sentence_limit},
    {"word limit cuts the text", word_limit_cuts_the_text},
    {"word budget is filled", word_budget_is_filled},
    {NULL, NULL},
};
