/* test_dates.c - finding dates in text and date lines, from tests/cases/. */
#include <stdlib.h>

#include "dates.h"
#include "junk.h"
#include "runner.h"

static void find_case(test_ctx *t, const test_record *r, void *unused)
{
    (void)unused;
    const char *text = r->fields[0];
    chorus__date d;
    size_t at, span;
    int found = chorus__date_find(text, strlen(text), &d, &at, &span);
    const char *want = r->field_count > 1 ? r->fields[1] : "-";
    const char *want_span = r->field_count > 2 ? r->fields[2] : "-";
    if (strcmp(want, "-") == 0) {
        if (found)
            test_fail(t, "tests/cases/dates.txt", r->line, "found a date in \"%s\"", text);
        return;
    }
    char iso[32];
    if (!found) {
        test_fail(t, "tests/cases/dates.txt", r->line, "no date found in \"%s\"", text);
        return;
    }
    chorus__date_iso(&d, iso);
    if (strcmp(iso, want) != 0)
        test_fail(t, "tests/cases/dates.txt", r->line, "\"%s\" gave %s, want %s", text, iso, want);
    if (strlen(want_span) != span || strncmp(text + at, want_span, span) != 0)
        test_fail(t, "tests/cases/dates.txt", r->line, "matched [%.*s], want [%s]", (int)span,
                  text + at, want_span);
}

static void date_find_cases(test_ctx *t)
{
    CHECK(t, test_each_record(t, "tests/cases/dates.txt", find_case, NULL) >= 30);
}

static void line_case(test_ctx *t, const test_record *r, void *junk)
{
    const char *text = r->fields[0];
    chorus__date d;
    int rank = chorus__date_line(junk, text, strlen(text), &d);
    int want_rank = atoi(r->fields[2]);
    if (rank != want_rank)
        test_fail(t, "tests/cases/date_lines.txt", r->line, "\"%s\": rank %d, want %d", text, rank,
                  want_rank);
    if (rank) {
        char iso[32];
        chorus__date_iso(&d, iso);
        if (strcmp(iso, r->fields[1]) != 0)
            test_fail(t, "tests/cases/date_lines.txt", r->line, "\"%s\" gave %s, want %s", text, iso,
                      r->fields[1]);
    }
}

static void date_line_cases(test_ctx *t)
{
    chorus__junk *j = chorus__junk_new();
    CHECK(t, test_each_record(t, "tests/cases/date_lines.txt", line_case, j) >= 10);
    chorus__junk_free(j);
}

static void month_case(test_ctx *t, const test_record *r, void *unused)
{
    (void)unused;
    const char *word = r->fields[0];
    int want = r->field_count > 1 && strcmp(r->fields[1], "-") != 0 ? atoi(r->fields[1]) : 0;
    int got = chorus__month_from_name(word, strlen(word));
    if (got != want)
        test_fail(t, "tests/cases/month_names.txt", r->line, "\"%s\" gave month %d, want %d", word, got, want);
}

static void month_name_cases(test_ctx *t)
{
    CHECK(t, test_each_record(t, "tests/cases/month_names.txt", month_case, NULL) >= 80);
}

static void day_numbers(test_ctx *t)
{
    chorus__date epoch = {.year = 1970, .month = 1, .day = 1, .precision = CHORUS_DATE_DAY};
    chorus__date leap = {.year = 2024, .month = 3, .day = 1, .precision = CHORUS_DATE_DAY};
    chorus__date before = {.year = 2024, .month = 2, .day = 28, .precision = CHORUS_DATE_DAY};
    chorus__date y2k = {.year = 2000, .month = 1, .day = 1, .precision = CHORUS_DATE_DAY};
    CHECK_INT(t, chorus__date_days(&epoch), 0);
    CHECK_INT(t, chorus__date_days(&y2k), 10957);
    CHECK_INT(t, chorus__date_days(&leap) - chorus__date_days(&before), 2);
    CHECK_INT(t, chorus__month_days(2023, 2), 28);
    CHECK_INT(t, chorus__month_days(2000, 2), 29);
    CHECK_INT(t, chorus__month_days(1900, 2), 28);
    chorus__date month = {.year = 2024, .month = 8, .day = 0, .precision = CHORUS_DATE_MONTH};
    char iso[32];
    chorus__date_iso(&month, iso);
    CHECK_STR(t, iso, "2024-08");
}

const test_case dates_tests[] = {
    {"cases from tests/cases/dates.txt", date_find_cases},
    {"cases from tests/cases/date_lines.txt", date_line_cases},
    {"day numbers and month lengths", day_numbers},
    {"cases from tests/cases/month_names.txt", month_name_cases},
    {NULL, NULL},
};
