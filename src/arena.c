/* arena.c - bump allocator: many small allocations, one release. */
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

/* Chunks start small so that a short article costs little, and double up to
 * a cap so that a long one does not call malloc once per sentence. */
#define ARENA_MIN_CHUNK 4096
#define ARENA_MAX_CHUNK (1024 * 1024)

struct chorus__arena_chunk {
    chorus__arena_chunk *next;
    size_t size;
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

int chorus__arena_reserve(chorus__arena *arena, size_t size)
{
    chorus__arena_chunk *c = arena->head;
    if (c && c->size - c->used >= size)
        return 0;
    c = malloc(sizeof(*c) + size);
    if (!c)
        return -1;
    c->size = size;
    c->used = 0;
    c->next = arena->head;
    arena->head = c;
    return 0;
}

void *chorus__arena_alloc(chorus__arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    chorus__arena_chunk *c = arena->head;
    if (!c || c->size - c->used < size) {
        size_t want = c ? c->size * 2 : ARENA_MIN_CHUNK;
        if (want > ARENA_MAX_CHUNK)
            want = ARENA_MAX_CHUNK;
        if (want < size)
            want = size;
        c = malloc(sizeof(*c) + want);
        if (!c)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = arena->head;
        arena->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    arena->used_bytes += size;
    return p;
}

char *chorus__arena_strndup(chorus__arena *arena, const char *s, size_t len)
{
    char *p = chorus__arena_alloc(arena, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void chorus__arena_release(chorus__arena *arena)
{
    chorus__arena_chunk *c = arena->head;
    while (c) {
        chorus__arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena->head = NULL;
    arena->used_bytes = 0;
}
