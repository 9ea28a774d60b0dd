/* test_input.c - bad input never crashes and never costs the rest. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chorus.h"
#include "runner.h"

typedef struct {
    char lines[64][512];
    int count;
} diag_log;

static void collect(void *userdata, int severity, const char *source, long line, const char *msg)
{
    diag_log *log = userdata;
    if (log->count < 64)
        snprintf(log->lines[log->count++], 512, "%s %s:%ld: %s",
                 severity == CHORUS_DIAG_ERROR ? "error" : "warning", source, line, msg);
}

/* Non-zero when a diagnostic mentions both strings. */
static int logged(const diag_log *log, const char *a, const char *b)
{
    for (int i = 0; i < log->count; i++)
        if (strstr(log->lines[i], a) && (!b || strstr(log->lines[i], b)))
            return 1;
    return 0;
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

static const char article[] =
    "Harbour reopens after storm\n\nThe harbour reopened on Friday after engineers checked the "
    "breakwater, which was damaged during the storm earlier in the week.\n";

static void bad_files_are_reported_and_skipped(test_ctx *t)
{
    char dir[] = "/tmp/chorus-input-XXXXXX";
    if (!mkdtemp(dir)) {
        test_fail(t, __FILE__, __LINE__, "cannot make a temporary directory");
        return;
    }
    write_file(dir, "good.txt", article, sizeof article - 1);
    const char bad_utf8[] = "Storm damage\n\nThe storm damaged \xFF\xFE the harbour wall on Tuesday night.\n";
    write_file(dir, "bad-utf8.txt", bad_utf8, sizeof bad_utf8 - 1);
    const char nul[] = "Storm damage\n\nThe storm damaged the\0 harbour wall on Tuesday night.\n";
    write_file(dir, "nul.txt", nul, sizeof nul - 1);
    write_file(dir, "empty.txt", "", 0);
    write_file(dir, "blank.txt", " \n\n \n", 5);
    write_file(dir, "image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const char feed[] =
        "{\"id\": \"ok1\", \"title\": \"Harbour reopens\", \"text\": \"The harbour reopened on Friday.\"}\n"
        "{\"id\": \"broken\", \"text\": \n"
        "{\"id\": \"notext\", \"title\": \"No body\"}\n"
        "\n"
        "[1, 2, 3]\n"
        "{\"id\": \"ok2\", \"text\": \"Engineers checked the breakwater on Thursday.\", \"published\": \"yesterday\"}\n";
    write_file(dir, "feed.jsonl", feed, sizeof feed - 1);
    write_file(dir, "notes.md", article, sizeof article - 1);
    write_file(dir, ".hidden.txt", article, sizeof article - 1);
    char sub[600];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0755);
    write_file(sub, "nested", article, sizeof article - 1);

    diag_log log = {0};
    chorus_options o;
    chorus_options_init(&o);
    o.diag = collect;
    o.diag_userdata = &log;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    int added = chorus_corpus_add_path(c, dir);
    /* good, bad-utf8, nul, two JSON lines, and the nested file. */
    CHECK_INT(t, added, 6);
    CHECK(t, logged(&log, "bad-utf8.txt:3", "invalid UTF-8"));
    CHECK(t, logged(&log, "nul.txt:3", "NUL"));
    CHECK(t, logged(&log, "empty.txt", "empty"));
    CHECK(t, logged(&log, "blank.txt", "no text"));
    CHECK(t, logged(&log, "image.txt", "PNG"));
    CHECK(t, logged(&log, "feed.jsonl:2", "malformed JSON"));
    CHECK(t, logged(&log, "feed.jsonl:3", "\"text\""));
    CHECK(t, logged(&log, "feed.jsonl:5", "not a JSON object"));
    CHECK(t, logged(&log, "feed.jsonl:6", "published"));
    CHECK(t, !logged(&log, "notes.md", NULL));
    CHECK(t, !logged(&log, "hidden", NULL));
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    chorus_article_info a;
    int repaired = 0;
    for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
        chorus_corpus_article(c, i, &a);
        if (strstr(a.path, "bad-utf8.txt"))
            repaired = strstr(a.text, "\xEF\xBF\xBD") != NULL;
    }
    CHECK(t, repaired);
    chorus_corpus_free(c);

    /* A path that does not exist is an error of that call alone. */
    log.count = 0;
    chorus_corpus_new(&c, &o);
    char missing[600];
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    CHECK_INT(t, chorus_corpus_add_path(c, missing), CHORUS_EIO);
    CHECK(t, logged(&log, "missing.txt", "cannot open"));
    CHECK_INT(t, chorus_corpus_add_path(c, dir), 6);
    chorus_corpus_free(c);

    /* An unreadable file (only testable when not root: root reads anything). */
    if (geteuid() != 0) {
        write_file(dir, "locked.txt", article, sizeof article - 1);
        char locked[600];
        snprintf(locked, sizeof locked, "%s/locked.txt", dir);
        chmod(locked, 0);
        log.count = 0;
        chorus_corpus_new(&c, &o);
        CHECK_INT(t, chorus_corpus_add_path(c, dir), 6);
        CHECK(t, logged(&log, "locked.txt", "cannot open"));
        chorus_corpus_free(c);
        unlink(locked);
    }
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(t, system(cmd), 0);
}

static void enormous_line(test_ctx *t)
{
    /* Ten megabytes on one line, no sentence end: read, cut and analysed. */
    size_t n = 10u << 20;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i++)
        big[i] = (i % 7 == 6) ? ' ' : (char)('a' + (i % 5));
    diag_log log = {0};
    chorus_options o;
    chorus_options_init(&o);
    o.diag = collect;
    o.diag_userdata = &log;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    CHECK_INT(t, chorus_corpus_add_text(c, "huge", big, n), 1);
    CHECK_INT(t, chorus_corpus_add_text(c, "small", article, sizeof article - 1), 1);
    CHECK(t, logged(&log, "huge", "cut"));
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK_INT(t, chorus_corpus_article_count(c), 2);
    chorus_corpus_free(c);
    free(big);
}

static void binary_garbage_in_text(test_ctx *t)
{
    /* Random bytes with few NULs: read as (repaired) text, never a crash. */
    unsigned char junk[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245 + 12345;
        junk[i] = (unsigned char)(x >> 16);
        if (junk[i] == 0)
            junk[i] = 1;
    }
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    int rc = chorus_corpus_add_text(c, "garbage", (const char *)junk, sizeof junk);
    CHECK(t, rc == 0 || rc == 1);
    CHECK(t, chorus_corpus_analyze(c) == 0 || chorus_corpus_article_count(c) == 0);
    chorus_corpus_free(c);
}

const test_case input_tests[] = {
    {"bad files are reported and skipped", bad_files_are_reported_and_skipped},
    {"an enormous line", enormous_line},
    {"binary garbage in text", binary_garbage_in_text},
    {NULL, NULL},
};
