/* vocab.c - the corpus vocabulary: interning stems as dense integer ids.
 *
 * An open-addressing table keyed by XXH3 hashes. Dense ids let every later
 * stage keep per-term data (document frequency, weights, postings) in plain
 * arrays instead of further hash tables. */
#include "vocab.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "arena.h"
#include "util.h"

typedef struct {
    uint64_t hash;
    uint32_t id; /* CHORUS_VOCAB_NONE marks an empty slot */
} slot;

typedef struct {
    const char *text;
    uint32_t len;
} term;

struct chorus__vocab {
    slot *slots;
    size_t mask; /* table size - 1; the size is a power of two */
    term *terms;
    size_t count, cap;
    chorus__arena text; /* the terms' bytes */
};

chorus__vocab *chorus__vocab_new(void)
{
    chorus__vocab *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    size_t size = 1024;
    v->slots = malloc(size * sizeof *v->slots);
    if (!v->slots) {
        free(v);
        return NULL;
    }
    for (size_t i = 0; i < size; i++)
        v->slots[i].id = CHORUS_VOCAB_NONE;
    v->mask = size - 1;
    return v;
}

void chorus__vocab_free(chorus__vocab *v)
{
    if (!v)
        return;
    free(v->slots);
    free(v->terms);
    chorus__arena_release(&v->text);
    free(v);
}

static size_t probe(const chorus__vocab *v, uint64_t h, const char *s, size_t len)
{
    size_t i = (size_t)h & v->mask;
    for (;;) {
        const slot *sl = &v->slots[i];
        if (sl->id == CHORUS_VOCAB_NONE)
            return i;
        if (sl->hash == h && v->terms[sl->id].len == len &&
            memcmp(v->terms[sl->id].text, s, len) == 0)
            return i;
        i = (i + 1) & v->mask;
    }
}

static int rehash(chorus__vocab *v)
{
    size_t size = (v->mask + 1) * 2;
    slot *ns = malloc(size * sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i < size; i++)
        ns[i].id = CHORUS_VOCAB_NONE;
    for (size_t i = 0; i <= v->mask; i++) {
        if (v->slots[i].id == CHORUS_VOCAB_NONE)
            continue;
        size_t j = (size_t)v->slots[i].hash & (size - 1);
        while (ns[j].id != CHORUS_VOCAB_NONE)
            j = (j + 1) & (size - 1);
        ns[j] = v->slots[i];
    }
    free(v->slots);
    v->slots = ns;
    v->mask = size - 1;
    return 0;
}

uint32_t chorus__vocab_intern(chorus__vocab *v, const char *s, size_t len)
{
    uint64_t h = XXH3_64bits(s, len);
    size_t i = probe(v, h, s, len);
    if (v->slots[i].id != CHORUS_VOCAB_NONE)
        return v->slots[i].id;
    /* Keep the load under one half so probes stay short. */
    if ((v->count + 1) * 2 > v->mask + 1) {
        if (rehash(v))
            return CHORUS_VOCAB_NONE;
        i = probe(v, h, s, len);
    }
    const char *copy = chorus__arena_strndup(&v->text, s, len);
    term t = {copy, (uint32_t)len};
    if (!copy || v->count >= CHORUS_VOCAB_NONE - 1 || CHORUS_PUSH(v->terms, v->count, v->cap, t))
        return CHORUS_VOCAB_NONE;
    v->slots[i].hash = h;
    v->slots[i].id = (uint32_t)(v->count - 1);
    return v->slots[i].id;
}

uint32_t chorus__vocab_find(const chorus__vocab *v, const char *s, size_t len)
{
    uint64_t h = XXH3_64bits(s, len);
    return v->slots[probe(v, h, s, len)].id;
}

size_t chorus__vocab_size(const chorus__vocab *v)
{
    return v->count;
}

const char *chorus__vocab_term(const chorus__vocab *v, uint32_t id, size_t *len)
{
    *len = v->terms[id].len;
    return v->terms[id].text;
}
