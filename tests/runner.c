/* runner.c - runs every test suite, each test in its own process, and prints "N passed, N failed".
 *
 * Usage: run-tests [--chorus PATH] [--unit-only] [--update-golden] [--filter TEXT]
 * A test that crashes fails alone: the others still run. */
#define _DEFAULT_SOURCE
#include "runner.h"

#include "chorus.h"

#include <stdarg.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXIT_SKIPPED 77

void test_fail(test_ctx *t, const char *file, int line, const char *fmt, ...)
{
    t->failures++;
    fprintf(stderr, "  FAIL %s (%s:%d): ", t->name, file, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void test_skip(test_ctx *t, const char *why)
{
    if (!t->skipped)
        fprintf(stderr, "  SKIP %s: %s\n", t->name, why);
    t->skipped = 1;
}

void test_diag_collect(void *userdata, int severity, const char *source, long line, const char *msg)
{
    test_diag_log *log = userdata;
    (void)severity;
    (void)line;
    if (log->count < 64)
        snprintf(log->lines[log->count++], sizeof log->lines[0], "%s: %s", source, msg);
}

int test_diag_logged(const test_diag_log *log, const char *a, const char *b)
{
    for (int i = 0; i < log->count; i++)
        if (strstr(log->lines[i], a) && (!b || strstr(log->lines[i], b)))
            return 1;
    return 0;
}

struct chorus_corpus *test_extract_corpus(test_diag_log *log)
{
    chorus_options o;
    chorus_options_init(&o);
    o.skip_stories = 1;
    o.diag = test_diag_collect;
    o.diag_userdata = log;
    chorus_corpus *c = NULL;
    chorus_corpus_new(&c, &o);
    return c;
}

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

int test_each_record(test_ctx *t, const char *path, void (*fn)(test_ctx *, const test_record *, void *),
                     void *userdata)
{
    char *data = test_read_file(path, NULL);
    if (!data) {
        test_fail(t, __FILE__, __LINE__, "cannot read %s", path);
        return -1;
    }
    int count = 0, lineno = 0;
    char *save = NULL;
    for (char *line = data, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (!*line || line[0] == '#')
            continue;
        test_record r = {0};
        r.line = lineno;
        char *p = line;
        while (r.field_count < 8) {
            r.fields[r.field_count++] = p;
            char *sep = strstr(p, " => ");
            if (!sep)
                break;
            *sep = '\0';
            p = sep + 4;
        }
        fn(t, &r, userdata);
        count++;
    }
    (void)save;
    free(data);
    return count;
}

static const struct {
    const char *name;
    const test_case *cases;
    int unit;
} suites[] = {
    {"core", core_tests, 1},           {"text", text_tests, 1},
    {"token", token_tests, 1},
    {"sentence", sentence_tests, 1},   {"dates", dates_tests, 1},
    {"junk", junk_tests, 1},           {"read_text", read_text_tests, 1},
    {"langid", langid_tests, 1},       {"dedup", dedup_tests, 1},
    {"cluster", cluster_tests, 1},     {"stream", stream_tests, 1},
    {"notice", notice_tests, 1},
    {"summarize", summarize_tests, 1},
    {"rouge", rouge_tests, 1},
    {"api", api_tests, 1},             {"input", input_tests, 1},
    {"facts", facts_tests, 1},         {"end_to_end", end_to_end_tests, 1},
    {"html", html_tests, 1},           {"warc", warc_tests, 1},
    {"cli", cli_tests, 0},
};

int main(int argc, char **argv)
{
    int unit_only = 0;
    const char *filter = NULL;
    test_env env = {"build/chorus", 0, "../shared/seeds"};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--chorus") == 0 && i + 1 < argc)
            env.chorus = argv[++i];
        else if (strcmp(argv[i], "--unit-only") == 0)
            unit_only = 1;
        else if (strcmp(argv[i], "--update-golden") == 0)
            env.update_golden = 1;
        else if (strcmp(argv[i], "--filter") == 0 && i + 1 < argc)
            filter = argv[++i];
        else {
            fprintf(stderr, "usage: %s [--chorus PATH] [--unit-only] [--update-golden] [--filter TEXT]\n",
                    argv[0]);
            return 2;
        }
    }
    if (access(env.seeds_dir, R_OK) != 0)
        fprintf(stderr, "note: %s is absent; tests on the seed articles are skipped\n",
                env.seeds_dir);
    int passed = 0, failed = 0, skipped = 0;
    for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++) {
        if (unit_only && !suites[s].unit)
            continue;
        for (const test_case *c = suites[s].cases; c->name; c++) {
            char full[256];
            snprintf(full, sizeof full, "%s/%s", suites[s].name, c->name);
            if (filter && !strstr(full, filter))
                continue;
            fflush(stdout);
            fflush(stderr);
            pid_t pid = fork();
            if (pid < 0) {
                perror("fork");
                return 2;
            }
            if (pid == 0) {
                test_ctx t = {full, 0, 0, &env};
                c->fn(&t);
                fflush(stderr);
                exit(t.failures ? 1 : t.skipped ? EXIT_SKIPPED : 0);
            }
            int status;
            waitpid(pid, &status, 0);
            if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
                passed++;
            } else if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_SKIPPED) {
                skipped++;
            } else {
                failed++;
                if (WIFSIGNALED(status))
                    fprintf(stderr, "  FAIL %s: killed by signal %d\n", full, WTERMSIG(status));
                else if (WEXITSTATUS(status) != 1)
                    fprintf(stderr, "  FAIL %s: exit status %d\n", full, WEXITSTATUS(status));
            }
        }
    }
    if (skipped)
        printf("%d skipped (their data is absent)\n", skipped);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
