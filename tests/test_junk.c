/* test_junk.c - junk classification, from the marked fixtures in tests/cases/junk.txt. */
#include <stdlib.h>

#include "junk.h"
#include "runner.h"

#define MAX_BLOCKS 32

typedef struct {
    char name[128];
    char title[256];
    int line[MAX_BLOCKS];
    char marker[MAX_BLOCKS];
    const char *text[MAX_BLOCKS];
    size_t count;
} fixture;

static void run_fixture(test_ctx *t, chorus__junk *j, const fixture *f)
{
    chorus__junk_block blocks[MAX_BLOCKS];
    chorus__junk_verdict v[MAX_BLOCKS];
    for (size_t i = 0; i < f->count; i++) {
        blocks[i].text = f->text[i];
        blocks[i].len = strlen(f->text[i]);
        blocks[i].hash = 0;
        blocks[i].corpus_count = 1;
    }
    CHECK_INT(t, chorus__junk_classify(j, blocks, f->count, f->title[0] ? f->title : NULL, v), 0);
    for (size_t i = 0; i < f->count; i++) {
        char got;
        if (v[i].reason)
            got = '-';
        else if (v[i].strip_prefix)
            got = 'p';
        else if (v[i].heading)
            got = 'h';
        else
            got = '+';
        if (got != f->marker[i])
            test_fail(t, "tests/cases/junk.txt", f->line[i], "[%s] \"%.50s\": got '%c' (%s), want '%c'",
                      f->name, f->text[i], got, chorus__junk_reason_name(v[i].reason), f->marker[i]);
    }
}

static void junk_fixtures(test_ctx *t)
{
    char *data = test_read_file("tests/cases/junk.txt", NULL);
    if (!data) {
        test_fail(t, __FILE__, __LINE__, "cannot read tests/cases/junk.txt");
        return;
    }
    chorus__junk *j = chorus__junk_new();
    fixture f = {0};
    int cases = 0, lineno = 0;
    for (char *line = data, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (strncmp(line, "=== ", 4) == 0 || !next) {
            if (f.count) {
                run_fixture(t, j, &f);
                cases++;
            }
            memset(&f, 0, sizeof f);
            if (strncmp(line, "=== ", 4) == 0)
                snprintf(f.name, sizeof f.name, "%s", line + 4);
            continue;
        }
        if (strncmp(line, "title: ", 7) == 0) {
            snprintf(f.title, sizeof f.title, "%s", line + 7);
            continue;
        }
        if (strlen(line) < 3 || line[1] != ' ' || !strchr("+-hp", line[0]) || f.count == MAX_BLOCKS)
            continue;
        f.marker[f.count] = line[0];
        f.line[f.count] = lineno;
        f.text[f.count++] = line + 2;
    }
    CHECK(t, cases >= 14);
    chorus__junk_free(j);
    free(data);
}

static void boilerplate_across_the_corpus(test_ctx *t)
{
    chorus__junk *j = chorus__junk_new();
    const char *body1 = "The harbour authority said on Monday that the new ferry terminal would open in June, "
                        "two months later than planned.";
    const char *body2 = "Passengers will be able to buy tickets online from the end of May, the authority said, "
                        "and parking will be free at first.";
    const char *furniture = "Island Courier weekend desk";
    chorus__junk_block b[3] = {{body1, strlen(body1), 0, 1},
                               {furniture, strlen(furniture), 0, 40},
                               {body2, strlen(body2), 0, 1}};
    chorus__junk_verdict v[3];
    chorus__junk_classify(j, b, 3, NULL, v);
    CHECK_INT(t, v[1].reason, CHORUS_JUNK_BOILERPLATE);
    CHECK_INT(t, v[0].reason, 0);
    /* The same short line in only one article is kept. */
    b[1].corpus_count = 1;
    chorus__junk_classify(j, b, 3, NULL, v);
    CHECK_INT(t, v[1].reason, 0);
    chorus__junk_free(j);
}

static void shape_helpers(test_ctx *t)
{
    chorus__junk *j = chorus__junk_new();
    CHECK_INT(t, chorus__count_words("Three short words", 17), 3);
    CHECK_INT(t, chorus__count_words("40,000 people - and more", 24), 4);
    CHECK(t, chorus__ends_sentence("He left.", 8));
    CHECK(t, chorus__ends_sentence("\"He left.\"", 10));
    CHECK(t, chorus__ends_sentence("Why?)", 5));
    CHECK(t, !chorus__ends_sentence("Latest stories", 14));
    CHECK(t, chorus__is_label_line(j, "CHINA / SOCIETY", 15));
    CHECK(t, chorus__is_label_line(j, "Home \xE2\x80\xBA News \xE2\x80\xBA Europe", 24));
    CHECK(t, !chorus__is_label_line(j, "Abbas meets Putin in Moscow", 27));
    CHECK(t, chorus__is_byline(j, "By Jane Doe, Reuters", 20));
    CHECK(t, !chorus__is_byline(j, "By the end of the year prices had doubled across the region.", 60));
    const char *name;
    size_t len;
    CHECK(t, chorus__copyright_owner(j, "\xC2\xA9 2025 Harbour Post. All rights reserved.", 41, &name, &len));
    CHECK(t, len == 12 && strncmp(name, "Harbour Post", 12) == 0);
    /* A wire service's notice runs on after the owner. */
    const char *wire = "Copyright 2024 The Associated Press. All rights reserved. This material may not be "
                       "published, broadcast, rewritten or redistributed without permission.";
    CHECK(t, chorus__copyright_owner(j, wire, strlen(wire), &name, &len));
    CHECK(t, len == 20 && strncmp(name, "The Associated Press", 20) == 0);
    CHECK(t, chorus__block_hash("It\xE2\x80\x99s  OK!", 10) == chorus__block_hash("it's ok", 7));
    chorus__junk_free(j);
    chorus__junk_free(NULL);
}

const test_case junk_tests[] = {
    {"fixtures in tests/cases/junk.txt", junk_fixtures},
    {"boilerplate repeated across the corpus", boilerplate_across_the_corpus},
    {"shape helpers", shape_helpers},
    {NULL, NULL},
};
