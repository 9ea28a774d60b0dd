/* test_sentence.c - sentence splitting, from tests/cases/sentences.txt. */
#include <stdlib.h>

#include "runner.h"
#include "sentence.h"

static void one_case(test_ctx *t, const test_record *r, void *unused)
{
    (void)unused;
    if (r->field_count < 3) {
        test_fail(t, "tests/cases/sentences.txt", r->line, "needs language, text and sentences");
        return;
    }
    const char *lang = r->fields[0], *text = r->fields[1];
    chorus__span *spans = NULL;
    size_t n = 0, cap = 0;
    CHECK_INT(t, chorus__split_sentences(text, strlen(text), 0, lang, &spans, &n, &cap), 0);
    int want = r->field_count - 2;
    if ((int)n != want) {
        test_fail(t, "tests/cases/sentences.txt", r->line, "%zu sentences, want %d", n, want);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "    [%.*s]\n", (int)spans[i].len, text + spans[i].start);
    } else {
        for (size_t i = 0; i < n; i++) {
            const char *w = r->fields[2 + i];
            if (strlen(w) != spans[i].len || strncmp(text + spans[i].start, w, spans[i].len) != 0)
                test_fail(t, "tests/cases/sentences.txt", r->line, "sentence %zu is [%.*s], want [%s]",
                          i + 1, (int)spans[i].len, text + spans[i].start, w);
        }
    }
    free(spans);
}

static void sentence_cases(test_ctx *t)
{
    CHECK(t, test_each_record(t, "tests/cases/sentences.txt", one_case, NULL) >= 30);
}

static void offsets_are_shifted(test_ctx *t)
{
    chorus__span *spans = NULL;
    size_t n = 0, cap = 0;
    const char *text = "One. Two.";
    chorus__split_sentences(text, strlen(text), 100, "en", &spans, &n, &cap);
    CHECK_INT(t, n, 2);
    CHECK_INT(t, spans[0].start, 100);
    CHECK_INT(t, spans[1].start, 105);
    free(spans);
}

const test_case sentence_tests[] = {
    {"cases from tests/cases/sentences.txt", sentence_cases},
    {"offsets are shifted by the base", offsets_are_shifted},
    {NULL, NULL},
};
