/* util.c - growable arrays, byte buffers and the sort order of ids. */
#include "util.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"

int chorus__cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int chorus__grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / elem_size)
            return CHORUS_ENOMEM;
        ncap *= 2;
    }
    void *p = realloc(*items, ncap * elem_size);
    if (!p)
        return CHORUS_ENOMEM;
    *items = p;
    *cap = ncap;
    return 0;
}

int chorus__grow_zeroed(void **items, size_t *cap, size_t need, size_t elem_size)
{
    size_t old = *cap;
    int rc = chorus__grow(items, cap, need, elem_size);
    if (!rc && *cap > old)
        memset((char *)*items + old * elem_size, 0, (*cap - old) * elem_size);
    return rc;
}

int chorus__buf_append(chorus__buf *b, const char *s, size_t len)
{
    if (chorus__grow((void **)&b->data, &b->cap, b->len + len + 1, 1))
        return CHORUS_ENOMEM;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int chorus__buf_puts(chorus__buf *b, const char *s)
{
    return chorus__buf_append(b, s, strlen(s));
}

int chorus__buf_putc(chorus__buf *b, char c)
{
    return chorus__buf_append(b, &c, 1);
}

int chorus__buf_printf(chorus__buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return CHORUS_EINVAL;
    if ((size_t)n < sizeof small)
        return chorus__buf_append(b, small, (size_t)n);
    if (chorus__grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1))
        return CHORUS_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *chorus__buf_detach(chorus__buf *b)
{
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void chorus__buf_free(chorus__buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int chorus__ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        char c = name[n - m + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != suffix[i])
            return 0;
    }
    return 1;
}
