/* arena.h - bump allocator for memory that lives and dies together (one article, one run). */
#ifndef CHORUS_ARENA_H
#define CHORUS_ARENA_H

#include <stddef.h>

typedef struct chorus__arena_chunk chorus__arena_chunk;

/* Zero-initialise to use; chorus__arena_release() frees every allocation at once. */
typedef struct chorus__arena {
    chorus__arena_chunk *head;
    size_t used_bytes; /* bytes handed out, for memory accounting */
} chorus__arena;

/* Returns `size` bytes aligned for any type, or NULL when out of memory. */
void *chorus__arena_alloc(chorus__arena *arena, size_t size);

/* Makes room for `size` more bytes in one chunk of about that size, for an
 * arena whose final size is known: the default chunks would waste most of a
 * 4 KB chunk on an article kept compact. Returns 0, or -1 when out of memory. */
int chorus__arena_reserve(chorus__arena *arena, size_t size);

/* Copies `len` bytes of `s` and appends a NUL; NULL when out of memory. */
char *chorus__arena_strndup(chorus__arena *arena, const char *s, size_t len);

/* Frees every chunk; the arena is empty and reusable afterwards. */
void chorus__arena_release(chorus__arena *arena);

#endif
