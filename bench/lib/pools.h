/* pools.h - the Multi-News stories as pools of paragraphs, and the random stream and headlines the benchmarks generate corpora with. */
#ifndef CHORUS_BENCH_POOLS_H
#define CHORUS_BENCH_POOLS_H

#include <stddef.h>
#include <stdint.h>

/* One story's distinct paragraphs of 8 words or more, in reading order. */
typedef struct {
    char **paras;
    size_t count, cap;
} story_pool;

/* Loads the stories of a Multi-News clusters.jsonl file, keeping those with
 * at least min_paragraphs paragraphs (fewer would make articles that copy
 * each other). Returns NULL when the file cannot be opened; exits when
 * memory runs out. Free with bench_free_pools(). */
story_pool *bench_load_pools(const char *path, size_t min_paragraphs, size_t *count);
void bench_free_pools(story_pool *pools, size_t count);

/* Words of a text: runs of characters other than spaces, tabs and line breaks. */
size_t bench_word_count(const char *s);

/* A pseudo-random stream (xorshift64*): seeded with a fixed value, so that
 * every run generates the same corpus. The state must not be 0. */
typedef struct {
    uint64_t state;
} bench_rng;

uint64_t bench_rng_next(bench_rng *r);

/* Greatest common divisor: a step through n paragraphs visits them all
 * when it is prime to n. */
size_t bench_gcd(size_t a, size_t b);

/* The first words of a paragraph as a headline (at most 12 words, ending
 * at a full stop after 5), written to buf, never cut inside a character. */
void bench_headline(const char *para, char *buf, size_t size);

#endif
