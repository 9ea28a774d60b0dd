/* dedup.h - finding exact and near-duplicate copies of articles. */
#ifndef CHORUS_DEDUP_H
#define CHORUS_DEDUP_H

#include <stddef.h>

#include "article.h"

/* Estimated Jaccard similarity of 5-word shingle sets from which two
 * articles count as copies of one text. Syndicated copies with different page
 * furniture, headline or first paragraph stay well above it; independent
 * reports of one event share a few quotes and names and stay far below. */
#define CHORUS_DUPLICATE_JACCARD 0.5

/* Articles with fewer words are never called duplicates: a shared headline
 * or a stub is not a copy of an article. */
#define CHORUS_DUPLICATE_MIN_WORDS 20

/*
 * Sets duplicate_of on every article that copies another: exact copies by
 * content hash, near copies by MinHash with LSH banding (32 bands of 4 rows)
 * and a check of the estimated Jaccard similarity. Within each group of
 * copies the one kept is the earliest published, then the longest, then the
 * first read. Returns the number of duplicates or CHORUS_ENOMEM.
 */
long chorus__find_duplicates(chorus__article **articles, size_t n);

#endif
