/* workers.h - analysing articles on several threads with the same result as on one. */
#ifndef CHORUS_WORKERS_H
#define CHORUS_WORKERS_H

#include <stddef.h>

#include "analyze.h"

typedef struct chorus__workers chorus__workers;

/* Fewer articles than this are analysed on the calling thread alone: a
 * pool's analyzers take longer to set up (their language profiles and
 * patterns) than a handful of articles take to analyse. */
#define CHORUS_WORKERS_MIN_BATCH 8

/*
 * A pool of `threads` analyzers (the calling thread is one of them) that
 * borrow `main`'s block table, and stop at the cleaned text when `main`
 * does. NULL when out of memory. With one thread no pool is needed:
 * chorus__workers_analyze() then works with `main` alone.
 */
chorus__workers *chorus__workers_new(unsigned threads, const chorus__analyzer *main);
/* Frees the pool; NULL is a no-op. */
void chorus__workers_free(chorus__workers *w);

/*
 * Analyses articles[0..n) as chorus__article_analyze() with `main` does,
 * spread over the pool's threads (or on this thread when `w` is NULL).
 * Each thread interns words in a vocabulary of its own; the terms are then
 * renamed into `main`'s vocabulary in article order, so that term ids, and
 * everything computed from them, are the same whatever the thread count.
 * Returns 0 or CHORUS_ENOMEM.
 */
int chorus__workers_analyze(chorus__workers *w, chorus__analyzer *main, chorus__article **articles,
                            size_t n);

/* The number of processors online, at least 1. */
unsigned chorus__cpu_count(void);

#endif
