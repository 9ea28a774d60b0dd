/* util.h - growable arrays and byte buffers shared by every module. */
#ifndef CHORUS_UTIL_H
#define CHORUS_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Makes room for at least `need` elements of `elem_size` bytes in the heap
 * array *items of capacity *cap, doubling so that appends stay amortised
 * O(1). Returns 0 or CHORUS_ENOMEM (the array is unchanged then).
 */
int chorus__grow(void **items, size_t *cap, size_t need, size_t elem_size);

/* qsort() order of uint32_t values, ascending. */
int chorus__cmp_u32(const void *a, const void *b);

/* The same, with the new room filled with zero bytes: for tables indexed
 * by id, which read a missing entry as zero. */
int chorus__grow_zeroed(void **items, size_t *cap, size_t need, size_t elem_size);

/* Appends `value` to the heap array `arr` of length `len` and capacity `cap`;
 * evaluates to 0 or CHORUS_ENOMEM. */
#define CHORUS_PUSH(arr, len, cap, value)                                              \
    (chorus__grow((void **)&(arr), &(cap), (len) + 1, sizeof(*(arr))) == 0            \
         ? ((arr)[(len)++] = (value), 0)                                               \
         : -1)

/* A growable byte string, always NUL-terminated once anything was appended. */
typedef struct chorus__buf {
    char *data;
    size_t len;
    size_t cap;
} chorus__buf;

int chorus__buf_append(chorus__buf *b, const char *s, size_t len);
int chorus__buf_puts(chorus__buf *b, const char *s);
int chorus__buf_putc(chorus__buf *b, char c);
int chorus__buf_printf(chorus__buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the buffer's memory to the caller (free() it); the buffer is empty after. */
char *chorus__buf_detach(chorus__buf *b);
void chorus__buf_free(chorus__buf *b);

/* Non-zero when `name` ends with `suffix` (lower case), case aside. */
int chorus__ends_with(const char *name, const char *suffix);

#define CHORUS_MIN(a, b) ((a) < (b) ? (a) : (b))
#define CHORUS_MAX(a, b) ((a) > (b) ? (a) : (b))

#endif
