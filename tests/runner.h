/* runner.h - the test harness: checks, suites and data files shared by every test. */
#ifndef CHORUS_TEST_RUNNER_H
#define CHORUS_TEST_RUNNER_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Settings of this run, from the command line. */
typedef struct test_env {
    const char *chorus;     /* path of the chorus binary, for command-line tests */
    int update_golden;      /* rewrite golden files instead of comparing */
    const char *seeds_dir;  /* ../shared/seeds */
} test_env;

typedef struct test_ctx {
    const char *name;
    int failures;
    int skipped;
    const test_env *env;
} test_ctx;

typedef struct test_case {
    const char *name;
    void (*fn)(test_ctx *t);
} test_case;

void test_fail(test_ctx *t, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Marks the test skipped, with the reason printed once. */
void test_skip(test_ctx *t, const char *why);

#define CHECK(t, cond)                                                                   \
    do {                                                                                 \
        if (!(cond))                                                                     \
            test_fail((t), __FILE__, __LINE__, "%s", #cond);                             \
    } while (0)

#define CHECK_MSG(t, cond, ...)                                                          \
    do {                                                                                 \
        if (!(cond))                                                                     \
            test_fail((t), __FILE__, __LINE__, __VA_ARGS__);                             \
    } while (0)

#define CHECK_INT(t, got, want)                                                          \
    do {                                                                                 \
        long long g_ = (long long)(got), w_ = (long long)(want);                         \
        if (g_ != w_)                                                                    \
            test_fail((t), __FILE__, __LINE__, "%s: got %lld, want %lld", #got, g_, w_); \
    } while (0)

#define CHECK_STR(t, got, want)                                                          \
    do {                                                                                 \
        const char *g_ = (got), *w_ = (want);                                            \
        if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0)                                 \
            test_fail((t), __FILE__, __LINE__, "%s: got \"%s\", want \"%s\"", #got,      \
                      g_ ? g_ : "(null)", w_ ? w_ : "(null)");                           \
    } while (0)

/* One case of a data file: its line number and its fields. */
typedef struct test_record {
    int line;
    char *fields[8];
    int field_count;
} test_record;

/*
 * Reads a data file of cases, one a line, fields separated by " => "; lines
 * starting with '#' and blank lines are skipped. Calls fn for each case.
 * Returns the number of cases, or -1 (and fails the test) when the file
 * cannot be read.
 */
int test_each_record(test_ctx *t, const char *path, void (*fn)(test_ctx *, const test_record *, void *),
                     void *userdata);

/* Diagnostics a corpus reported, as "SOURCE: MESSAGE" lines: pass
 * test_diag_collect and the log as the options' diag and diag_userdata. */
typedef struct test_diag_log {
    char lines[64][512];
    int count;
} test_diag_log;
void test_diag_collect(void *userdata, int severity, const char *source, long line, const char *msg);
/* Non-zero when a line holds `a` and, unless NULL, `b`. */
int test_diag_logged(const test_diag_log *log, const char *a, const char *b);

/* A corpus that stops after cleaning, as chorus extract runs it, reporting
 * into `log`. */
struct chorus_corpus;
struct chorus_corpus *test_extract_corpus(test_diag_log *log);

/* Reads a whole file into a malloc'd NUL-terminated buffer; NULL when unreadable. */
char *test_read_file(const char *path, size_t *len);

/* Suites, one per test file. */
#define SUITE(name) extern const test_case name[];
SUITE(core_tests)
SUITE(text_tests)
SUITE(token_tests)
SUITE(sentence_tests)
SUITE(dates_tests)
SUITE(junk_tests)
SUITE(read_text_tests)
SUITE(langid_tests)
SUITE(dedup_tests)
SUITE(cluster_tests)
SUITE(stream_tests)
SUITE(notice_tests)
SUITE(summarize_tests)
SUITE(rouge_tests)
SUITE(api_tests)
SUITE(input_tests)
SUITE(facts_tests)
SUITE(end_to_end_tests)
SUITE(cli_tests)
SUITE(html_tests)
SUITE(warc_tests)
#undef SUITE

#endif
