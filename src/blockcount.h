/* blockcount.h - how many articles each paragraph recurs in, in bounded memory, for boilerplate detection. */
#ifndef CHORUS_BLOCKCOUNT_H
#define CHORUS_BLOCKCOUNT_H

#include <stddef.h>
#include <stdint.h>

typedef struct chorus__blockcount chorus__blockcount;

/* A table that holds at most `max_entries` distinct paragraphs (0 for no
 * limit). NULL when out of memory. */
chorus__blockcount *chorus__blockcount_new(size_t max_entries);
/* Frees the table; NULL is a no-op. */
void chorus__blockcount_free(chorus__blockcount *t);

/*
 * Counts one article holding the paragraphs whose hashes are hashes[0..n)
 * (each counted once however often the article repeats it). When the table
 * is full, the paragraphs seen in one article only are forgotten: they are
 * the many, and boilerplate is what recurs. `scratch` is n hashes of room
 * the call may reorder into. Returns 0 or CHORUS_ENOMEM.
 */
int chorus__blockcount_add(chorus__blockcount *t, const uint64_t *hashes, size_t n, uint64_t *scratch);

/* In how many counted articles the paragraph with hash h appears (at least 1). */
uint32_t chorus__blockcount_get(const chorus__blockcount *t, uint64_t h);

#endif
