/* test_cli.c - the chorus command against golden output, from tests/cli/cases.txt. */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runner.h"

static void one_case(test_ctx *t, const test_record *r, void *unused)
{
    (void)unused;
    if (r->field_count < 3) {
        test_fail(t, "tests/cli/cases.txt", r->line, "needs name, arguments and exit status");
        return;
    }
    const char *name = r->fields[0], *args = r->fields[1];
    int want_status = atoi(r->fields[2]);
    const char *want_err = r->field_count > 3 ? r->fields[3] : NULL;
    char out_path[256], err_path[256], golden[256], cmd[2048];
    snprintf(out_path, sizeof out_path, "/tmp/chorus-cli-%d.out", (int)getpid());
    snprintf(err_path, sizeof err_path, "/tmp/chorus-cli-%d.err", (int)getpid());
    snprintf(golden, sizeof golden, "tests/golden/%s.out", name);
    snprintf(cmd, sizeof cmd, "%s %s > %s 2> %s", t->env->chorus, args, out_path, err_path);
    int status = system(cmd);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code != want_status)
        test_fail(t, "tests/cli/cases.txt", r->line, "%s: exit status %d, want %d", name, code,
                  want_status);
    char *err = test_read_file(err_path, NULL);
    if (want_err && (!err || !strstr(err, want_err)))
        test_fail(t, "tests/cli/cases.txt", r->line, "%s: stderr lacks \"%s\": %s", name, want_err,
                  err ? err : "(none)");
    size_t out_len = 0;
    char *out = test_read_file(out_path, &out_len);
    if (t->env->update_golden) {
        FILE *f = fopen(golden, "wb");
        if (!f || !out || fwrite(out, 1, out_len, f) != out_len)
            test_fail(t, "tests/cli/cases.txt", r->line, "cannot write %s", golden);
        if (f)
            fclose(f);
    } else {
        char *want = test_read_file(golden, NULL);
        if (!want)
            test_fail(t, "tests/cli/cases.txt", r->line, "%s is missing; run make golden", golden);
        else if (!out || strcmp(out, want) != 0) {
            test_fail(t, "tests/cli/cases.txt", r->line,
                      "%s: output differs from %s (diff with: %s %s)", name, golden,
                      t->env->chorus, args);
            char diff[1024];
            snprintf(diff, sizeof diff, "diff -u %s %s | head -20 >&2", golden, out_path);
            if (system(diff) < 0)
                fprintf(stderr, "    (diff failed)\n");
        }
        free(want);
    }
    free(out);
    free(err);
    unlink(out_path);
    unlink(err_path);
}

static void cli_cases(test_ctx *t)
{
    if (access(t->env->chorus, X_OK) != 0) {
        test_fail(t, __FILE__, __LINE__, "%s is not built", t->env->chorus);
        return;
    }
    CHECK(t, test_each_record(t, "tests/cli/cases.txt", one_case, NULL) >= 15);
}

const test_case cli_tests[] = {
    {"cases from tests/cli/cases.txt", cli_cases},
    {NULL, NULL},
};
