/* blockcount.c - how many articles each paragraph recurs in, in bounded memory, for boilerplate detection.
 *
 * An open-addressing table from a paragraph's 64-bit hash to a count. A
 * stream of a million articles has millions of distinct paragraphs, almost
 * all seen once; when the table reaches its limit those are dropped, so the
 * memory stays bounded while every paragraph that recurs keeps its count. */
#include "blockcount.h"

#include <stdlib.h>
#include <string.h>

#include "chorus.h"

typedef struct {
    uint64_t hash; /* 0 marks an empty slot (a real hash of 0 is stored as 1) */
    uint32_t count;
} slot;

struct chorus__blockcount {
    slot *slots;
    size_t mask;  /* size - 1; the size is a power of two */
    size_t used;
    size_t max_entries;
};

chorus__blockcount *chorus__blockcount_new(size_t max_entries)
{
    chorus__blockcount *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->slots = calloc(1024, sizeof *t->slots);
    if (!t->slots) {
        free(t);
        return NULL;
    }
    t->mask = 1023;
    t->max_entries = max_entries;
    return t;
}

void chorus__blockcount_free(chorus__blockcount *t)
{
    if (!t)
        return;
    free(t->slots);
    free(t);
}

static size_t probe(const chorus__blockcount *t, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 29)) & t->mask;
    while (t->slots[i].hash && t->slots[i].hash != h)
        i = (i + 1) & t->mask;
    return i;
}

/* Moves every entry with count >= min_count into a table of `size` slots. */
static int rebuild(chorus__blockcount *t, size_t size, uint32_t min_count)
{
    slot *old = t->slots;
    size_t old_size = t->mask + 1;
    t->slots = calloc(size, sizeof *t->slots);
    if (!t->slots) {
        t->slots = old;
        return CHORUS_ENOMEM;
    }
    t->mask = size - 1;
    t->used = 0;
    for (size_t i = 0; i < old_size; i++) {
        if (!old[i].hash || old[i].count < min_count)
            continue;
        t->slots[probe(t, old[i].hash)] = old[i];
        t->used++;
    }
    free(old);
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int chorus__blockcount_add(chorus__blockcount *t, const uint64_t *hashes, size_t n, uint64_t *scratch)
{
    memcpy(scratch, hashes, n * sizeof *scratch);
    qsort(scratch, n, sizeof *scratch, cmp_u64);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && scratch[i] == scratch[i - 1])
            continue; /* once per article */
        uint64_t h = scratch[i] ? scratch[i] : 1;
        if (t->max_entries && t->used >= t->max_entries) {
            /* Forget what was seen once; keep the size if that freed little. */
            int rc = rebuild(t, t->mask + 1, 2);
            if (rc)
                return rc;
            if (t->used * 2 > t->max_entries)
                t->max_entries *= 2;
        }
        /* Keep the load under one half so probes stay short. */
        if ((t->used + 1) * 2 > t->mask + 1) {
            int rc = rebuild(t, (t->mask + 1) * 2, 0);
            if (rc)
                return rc;
        }
        size_t k = probe(t, h);
        if (!t->slots[k].hash) {
            t->slots[k].hash = h;
            t->used++;
        }
        if (t->slots[k].count < UINT32_MAX)
            t->slots[k].count++;
    }
    return 0;
}

uint32_t chorus__blockcount_get(const chorus__blockcount *t, uint64_t h)
{
    if (!h)
        h = 1;
    const slot *s = &t->slots[probe(t, h)];
    return s->hash && s->count ? s->count : 1;
}
