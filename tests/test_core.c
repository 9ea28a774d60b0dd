/* test_core.c - the arena, growable buffers and the vocabulary. */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "runner.h"
#include "util.h"
#include "vocab.h"

static void arena_allocates_aligned_and_releases(test_ctx *t)
{
    chorus__arena a = {0};
    void *small = chorus__arena_alloc(&a, 3);
    void *big = chorus__arena_alloc(&a, 3 << 20); /* larger than any chunk */
    double *d = chorus__arena_alloc(&a, sizeof *d);
    CHECK(t, small && big && d);
    CHECK_INT(t, (uintptr_t)d % _Alignof(max_align_t), 0);
    *d = 1.5;
    memset(big, 7, 3 << 20);
    char *s = chorus__arena_strndup(&a, "hello world", 5);
    CHECK_STR(t, s, "hello");
    CHECK(t, a.used_bytes >= (3u << 20));
    chorus__arena_release(&a);
    CHECK(t, a.head == NULL && a.used_bytes == 0);
    /* Released arenas are reusable. */
    CHECK(t, chorus__arena_alloc(&a, 10) != NULL);
    chorus__arena_release(&a);
}

static void buffers_grow(test_ctx *t)
{
    chorus__buf b = {0};
    for (int i = 0; i < 1000; i++)
        chorus__buf_printf(&b, "%d,", i);
    CHECK(t, b.len > 3000);
    CHECK(t, strncmp(b.data, "0,1,2,", 6) == 0);
    chorus__buf_puts(&b, "end");
    CHECK(t, strcmp(b.data + b.len - 3, "end") == 0);
    char *owned = chorus__buf_detach(&b);
    CHECK(t, b.data == NULL && b.len == 0);
    free(owned);
    /* A long formatted string goes past the small stack buffer. */
    char long_arg[600];
    memset(long_arg, 'x', sizeof long_arg - 1);
    long_arg[sizeof long_arg - 1] = '\0';
    chorus__buf_printf(&b, "[%s]", long_arg);
    CHECK_INT(t, b.len, 601);
    chorus__buf_free(&b);
    int *arr = NULL;
    size_t len = 0, cap = 0;
    for (int i = 0; i < 100; i++)
        CHECK_INT(t, CHORUS_PUSH(arr, len, cap, i), 0);
    CHECK(t, len == 100 && arr[99] == 99 && cap >= 100);
    free(arr);
}

static void vocabulary_interns(test_ctx *t)
{
    chorus__vocab *v = chorus__vocab_new();
    CHECK_INT(t, chorus__vocab_intern(v, "putin", 5), 0);
    CHECK_INT(t, chorus__vocab_intern(v, "abba", 4), 1);
    CHECK_INT(t, chorus__vocab_intern(v, "putin", 5), 0);
    CHECK_INT(t, chorus__vocab_find(v, "abba", 4), 1);
    CHECK(t, chorus__vocab_find(v, "gaza", 4) == CHORUS_VOCAB_NONE);
    /* Many terms force the table to grow; ids stay dense and stable. */
    char w[16];
    for (int i = 0; i < 5000; i++) {
        snprintf(w, sizeof w, "w%d", i);
        CHECK_INT(t, chorus__vocab_intern(v, w, strlen(w)), i + 2);
    }
    CHECK_INT(t, chorus__vocab_size(v), 5002);
    size_t len;
    const char *s = chorus__vocab_term(v, 1, &len);
    CHECK(t, len == 4 && strncmp(s, "abba", 4) == 0);
    CHECK_INT(t, chorus__vocab_find(v, "w4999", 5), 5001);
    chorus__vocab_free(v);
    chorus__vocab_free(NULL);
}

const test_case core_tests[] = {
    {"arena allocates aligned and releases", arena_allocates_aligned_and_releases},
    {"buffers grow", buffers_grow},
    {"vocabulary interns", vocabulary_interns},
    {NULL, NULL},
};
