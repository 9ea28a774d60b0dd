/* minhash.h - MinHash signatures of word shingles, for near-duplicate detection. */
#ifndef CHORUS_MINHASH_H
#define CHORUS_MINHASH_H

#include <stddef.h>
#include <stdint.h>

/* Values in a signature: the estimate's standard error is about
 * sqrt(J (1 - J) / 128), under 0.045. */
#define CHORUS_MINHASH_SIZE 128
/* Words per shingle: long enough that two independent reports of one event
 * share few shingles, short enough that an edited copy keeps most. */
#define CHORUS_SHINGLE_WORDS 5

/*
 * Computes the signature of a text given as the hashes of its words, in
 * order. Returns 1 and fills sig, or 0 when the text has fewer words than one
 * shingle (no signature).
 */
int chorus__minhash(const uint64_t *word_hashes, size_t n, uint32_t sig[CHORUS_MINHASH_SIZE]);

/* The estimated Jaccard similarity of two signatures' shingle sets. */
double chorus__minhash_similarity(const uint32_t *a, const uint32_t *b);

#endif
