/* dedup.h - finding exact and near-duplicate copies of articles. */
#ifndef CHORUS_DEDUP_H
#define CHORUS_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

/* Estimated Jaccard similarity of 5-word shingle sets from which two
 * articles count as copies of one text. A copy with other page furniture
 * or headline stays near 1; one whose first paragraph was rewritten keeps
 * J = r / (r + 2p) for a rest of r shingles and leads of p, at least 0.5
 * while the lead is under a third of the article. Independent reports of
 * one event share a few quotes and names: on the Multi-News development
 * stories, 758 of 775 pairs of reports of one story are below 0.1 and none
 * between 0.4 and 0.7. Lower thresholds cost precision at scale: the
 * estimate's standard error is 0.04, and among a million articles many
 * pairs at 0.25 to 0.3 (reports built on the same wire copy) come close
 * enough for a few hundred to be estimated over 0.4. */
#define CHORUS_DUPLICATE_JACCARD 0.5

/* Articles with fewer words are never called duplicates: a shared headline
 * or a stub is not a copy of an article. */
#define CHORUS_DUPLICATE_MIN_WORDS 20

/* Keys under which an article's copies are found: its content hash and
 * one per band of 3 values of its MinHash signature (42 bands). */
#define CHORUS_COPY_KEYS 43

/* Fills `keys` with an article's keys and returns how many there are: 0
 * for an article too short to be a copy, 1 when it has no signature. Two
 * copies share at least one key, with the odds given in dedup.c. */
size_t chorus__copy_keys(const chorus__article *a, uint64_t keys[CHORUS_COPY_KEYS]);

/* Non-zero when one article is a copy of the other: both at least
 * CHORUS_DUPLICATE_MIN_WORDS long, and the same text or an estimated
 * Jaccard similarity of at least CHORUS_DUPLICATE_JACCARD. */
int chorus__near_copies(const chorus__article *a, const chorus__article *b);

/*
 * Sets duplicate_of on every article that copies another: exact copies by
 * content hash, near copies by MinHash with LSH banding (42 bands of 3 rows)
 * and a check of the estimated Jaccard similarity. Within each group of
 * copies the one kept is the earliest published, then the longest, then the
 * first read. Returns the number of duplicates or CHORUS_ENOMEM.
 */
long chorus__find_duplicates(chorus__article **articles, size_t n);

#endif
