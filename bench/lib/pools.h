/* pools.h - the Multi-News stories as pools of paragraphs, from which the benchmarks generate corpora. */
#ifndef CHORUS_BENCH_POOLS_H
#define CHORUS_BENCH_POOLS_H

#include <stddef.h>

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

#endif
