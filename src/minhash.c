/* minhash.c - MinHash signatures of word shingles, for near-duplicate detection.
 *
 * Each of the CHORUS_MINHASH_SIZE hash functions is a multiply-shift hash
 * h(x) = (a x + b) >> 32 of the shingle's 64-bit hash, with a and b drawn from
 * a fixed splitmix64 sequence so that signatures are comparable across runs. */
#include "minhash.h"

#include <string.h>
#include <xxhash.h>

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int chorus__minhash(const uint64_t *word_hashes, size_t n, uint32_t sig[CHORUS_MINHASH_SIZE])
{
    if (n < CHORUS_SHINGLE_WORDS)
        return 0;
    uint64_t a[CHORUS_MINHASH_SIZE], b[CHORUS_MINHASH_SIZE];
    uint64_t state = 0x63686F727573ULL; /* fixed seed: "chorus" */
    for (size_t i = 0; i < CHORUS_MINHASH_SIZE; i++) {
        a[i] = splitmix64(&state) | 1;
        b[i] = splitmix64(&state);
        sig[i] = UINT32_MAX;
    }
    for (size_t k = 0; k + CHORUS_SHINGLE_WORDS <= n; k++) {
        uint64_t x = XXH3_64bits(word_hashes + k, CHORUS_SHINGLE_WORDS * sizeof *word_hashes);
        for (size_t i = 0; i < CHORUS_MINHASH_SIZE; i++) {
            uint32_t h = (uint32_t)((a[i] * x + b[i]) >> 32);
            if (h < sig[i])
                sig[i] = h;
        }
    }
    return 1;
}

double chorus__minhash_similarity(const uint32_t *a, const uint32_t *b)
{
    size_t same = 0;
    for (size_t i = 0; i < CHORUS_MINHASH_SIZE; i++)
        same += a[i] == b[i];
    return (double)same / CHORUS_MINHASH_SIZE;
}
