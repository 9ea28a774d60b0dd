/* test_rouge.c - the benchmarks' ROUGE scorer against cases worked out by hand. */
#include <math.h>
#include <stdlib.h>

#include "rouge.h"
#include "runner.h"

static void stem_case(test_ctx *t, const test_record *r, void *userdata)
{
    (void)userdata;
    char out[256];
    size_t len = strlen(r->fields[0]);
    CHECK_MSG(t, r->field_count == 2 && len + 2 <= sizeof out, "line %d: word => stem", r->line);
    if (r->field_count != 2 || len + 2 > sizeof out)
        return;
    size_t n = rouge_porter_stem(r->fields[0], len, out);
    CHECK_MSG(t, strcmp(out, r->fields[1]) == 0 && n == strlen(out), "line %d: %s gives %s, want %s",
              r->line, r->fields[0], out, r->fields[1]);
}

static void porter_stems(test_ctx *t)
{
    CHECK(t, test_each_record(t, "tests/cases/rouge_stems.txt", stem_case, NULL) > 20);
}

static void score_case(test_ctx *t, const test_record *r, void *userdata)
{
    (void)userdata;
    CHECK_MSG(t, r->field_count == 8, "line %d: 8 fields expected", r->line);
    if (r->field_count != 8)
        return;
    rouge_text summary = {0}, reference = {0};
    CHECK_INT(t, rouge_text_init(&summary, r->fields[0]), 0);
    CHECK_INT(t, rouge_text_init(&reference, r->fields[1]), 0);
    for (int n = 1; n <= 2; n++) {
        rouge_score s;
        CHECK_INT(t, rouge_n(&summary, &reference, n, &s), 0);
        const double got[3] = {s.recall, s.precision, s.f1};
        static const char *const names[3] = {"recall", "precision", "F1"};
        for (int k = 0; k < 3; k++) {
            double want = strtod(r->fields[2 + 3 * (n - 1) + k], NULL);
            CHECK_MSG(t, fabs(got[k] - want) < 1e-9, "line %d: ROUGE-%d %s %.5f, want %.5f", r->line,
                      n, names[k], got[k], want);
        }
    }
    rouge_text_free(&summary);
    rouge_text_free(&reference);
}

static void scores_match_hand_computed_cases(test_ctx *t)
{
    CHECK(t, test_each_record(t, "tests/cases/rouge.txt", score_case, NULL) >= 5);
}

static void tokens_are_ascii_alphanumeric_runs(test_ctx *t)
{
    rouge_text x = {0};
    CHECK_INT(t, rouge_text_init(&x, "Ex-U.N. envoy's £40m plan -- naïve?"), 0);
    static const char *const want[] = {"ex", "u", "n", "envoi", "s", "40m", "plan", "na", "ve"};
    CHECK_INT(t, x.count, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < x.count && i < sizeof want / sizeof want[0]; i++)
        CHECK_STR(t, x.tokens[i], want[i]);
    rouge_text_free(&x);
}

static void cut_keeps_the_first_words(test_ctx *t)
{
    const char *s = "One two  three\nfour five";
    CHECK_INT(t, rouge_cut_words(s, 3), strlen("One two  three"));
    CHECK_INT(t, rouge_cut_words(s, 5), strlen(s));
    CHECK_INT(t, rouge_cut_words(s, 9), strlen(s));
    CHECK_INT(t, rouge_cut_words(s, 0), 0);
}

static void average_is_the_bootstrap_mean(test_ctx *t)
{
    /* Equal scores average to themselves; others to about their mean, as
     * ROUGE's resampling leaves it (not exactly the plain mean). */
    const double same[4] = {0.25, 0.25, 0.25, 0.25};
    CHECK(t, fabs(rouge_average(same, 4) - 0.25) < 1e-12);
    double spread[100];
    for (int i = 0; i < 100; i++)
        spread[i] = i / 99.0;
    double avg = rouge_average(spread, 100);
    CHECK_MSG(t, fabs(avg - 0.5) < 0.01 && avg != 0.5, "average %.5f", avg);
    CHECK(t, rouge_average(same, 0) == 0);
}

const test_case rouge_tests[] = {
    {"porter stems", porter_stems},
    {"scores match hand-computed cases", scores_match_hand_computed_cases},
    {"tokens are ascii alphanumeric runs", tokens_are_ascii_alphanumeric_runs},
    {"cut keeps the first words", cut_keeps_the_first_words},
    {"average is the bootstrap mean", average_is_the_bootstrap_mean},
    {NULL, NULL},
};
