/* test_read_text.c - headline, date line, outlet and paragraphs of plain text. */
#include "article.h"
#include "read_text.h"
#include "runner.h"
#include "text.h"

typedef struct {
    const char *input;
    const char *title;     /* NULL: none */
    const char *source;    /* NULL: none */
    const char *published; /* NULL: none */
    size_t blocks;         /* paragraphs left after the title */
} text_case;

static const text_case cases[] = {
    {"Bridge reopens after inspection\n\nEngineers said the bridge was safe.\n\nTraffic resumed.\n",
     "Bridge reopens after inspection", NULL, NULL, 2},
    {"WORLD / EUROPE\nBridge reopens after inspection | The Example Times\nPublished: May 12, 2023 8:30 AM\n"
     "Engineers said the bridge was safe.\n",
     "Bridge reopens after inspection", "The Example Times", "2023-05-12T08:30:00", 3},
    {"Tuesday, August 13, 2024\n\nLeaders meet in the capital\n\nThe leaders met on Tuesday.\n",
     "Leaders meet in the capital", NULL, "2024-08-13", 2},
    /* A first line that ends with a full stop is text, not a headline. */
    {"The leaders met on Tuesday.\nThey agreed on a plan.\n", NULL, NULL, NULL, 2},
    /* A question is a headline. */
    {"What did the leaders agree?\n\nThe leaders met on Tuesday and agreed on a plan.\n",
     "What did the leaders agree?", NULL, NULL, 1},
    /* The outlet from a copyright line at the bottom. */
    {"Storm closes schools\n\nSchools stayed closed on Monday after the storm.\n\n\xC2\xA9 2024 Valley Herald\n",
     "Storm closes schools", "Valley Herald", NULL, 2},
    /* A lone line is kept as text rather than taken as a title of nothing. */
    {"Only one line here\n", NULL, NULL, NULL, 1},
    /* A wire dateline with a full date dates the article... */
    {"Talks resume in the capital\n\nGENEVA, May 2, 2023 (Example Wire) - Negotiators met again on Tuesday.\n",
     "Talks resume in the capital", NULL, "2023-05-02", 1},
    /* ... one without a year does not. */
    {"Talks resume in the capital\n\nGENEVA, May 2 (Example Wire) - Negotiators met again on Tuesday.\n",
     "Talks resume in the capital", NULL, NULL, 1},
};

static void text_cases(test_ctx *t)
{
    chorus__junk *j = chorus__junk_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        chorus__article *a = chorus__article_new(0);
        CHECK_INT(t, chorus__read_text(a, j, cases[i].input, strlen(cases[i].input)), 0);
        CHECK_STR(t, a->title, cases[i].title);
        CHECK_STR(t, a->source, cases[i].source);
        CHECK_STR(t, a->published.precision ? a->published_iso : NULL, cases[i].published);
        CHECK_MSG(t, a->block_count == cases[i].blocks, "case %zu: %zu blocks, want %zu", i,
                  a->block_count, cases[i].blocks);
        chorus__article_free(a);
    }
    chorus__junk_free(j);
}

static void hard_wrapped_lines_are_joined(test_ctx *t)
{
    const char *text =
        "Ferry capsizes off the coast\n"
        "\n"
        "At least 42 people died after a passenger ferry capsized in rough\n"
        "seas late on Monday, officials said on Tuesday, as coast guard ships\n"
        "searched for dozens of people still missing in the cold water.\n"
        "\n"
        "The ferry was carrying an estimated 260 passengers and crew when it\n"
        "overturned shortly before midnight, about seven hours after leaving\n"
        "port, according to the provincial disaster office.\n";
    chorus__junk *j = chorus__junk_new();
    chorus__article *a = chorus__article_new(0);
    chorus__read_text(a, j, text, strlen(text));
    CHECK_STR(t, a->title, "Ferry capsizes off the coast");
    CHECK_INT(t, a->block_count, 2);
    CHECK(t, a->block_count == 2 && strstr(a->blocks[0].text, "rough seas late") != NULL);
    chorus__article_free(a);
    chorus__junk_free(j);
}

static void unwrapped_lines_stay_paragraphs(test_ctx *t)
{
    /* Long lines with no blank line between them: one paragraph each. */
    const char *text =
        "A headline without a stop\n"
        "The first paragraph is long enough that nobody would ever wrap a line at this length, which is well past a hundred columns.\n"
        "The second paragraph is also long, again far beyond the width at which wire services used to break their lines of text.\n";
    chorus__junk *j = chorus__junk_new();
    chorus__article *a = chorus__article_new(0);
    chorus__read_text(a, j, text, strlen(text));
    CHECK_INT(t, a->block_count, 2);
    chorus__article_free(a);
    chorus__junk_free(j);
}

static void title_suffix_split(test_ctx *t)
{
    const char *outlet;
    size_t len;
    const char *title = "Moves on Israel-Palestine: Unveiling the Motives | TOME";
    size_t hl = chorus__split_title(title, strlen(title), &outlet, &len);
    CHECK_INT(t, hl, 48);
    CHECK(t, outlet && len == 4 && strncmp(outlet, "TOME", 4) == 0);
    /* A long suffix is part of the headline. */
    title = "Rates | what the decision means for savers and borrowers this year";
    hl = chorus__split_title(title, strlen(title), &outlet, &len);
    CHECK_INT(t, hl, strlen(title));
    CHECK(t, outlet == NULL);
}

const test_case read_text_tests[] = {
    {"title, outlet and date cases", text_cases},
    {"hard-wrapped lines are joined", hard_wrapped_lines_are_joined},
    {"unwrapped lines stay paragraphs", unwrapped_lines_stay_paragraphs},
    {"title suffix split", title_suffix_split},
    {NULL, NULL},
};
