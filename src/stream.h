/* stream.h - grouping articles as they arrive, in memory bounded by the open window. */
#ifndef CHORUS_STREAM_H
#define CHORUS_STREAM_H

#include <stddef.h>

#include "article.h"
#include "cluster.h"
#include "vocab.h"

/* Days an article may arrive after articles of later days and still be
 * grouped in the order of its day: a feed's articles come roughly in the
 * order they were published, a crawl's a day or two apart at most. */
#define CHORUS_STREAM_SLACK_DAYS 2

/* The stream's day is the latest day that this many dated articles read
 * carry or pass. */
#define CHORUS_STREAM_QUORUM 16

/* Nothing is taken before this many articles (copies and notices aside)
 * are read: the first days' term weights would rest on too few. */
#define CHORUS_STREAM_WARMUP 1000

/*
 * Receives the articles of one story once it is final (`story` counts the
 * stories written from 1), or an input that is no article (`story` 0) with
 * its copies: n >= 1 articles in input order. Copies follow the article
 * they copy (a->original). The articles are freed when the call returns.
 * Returns 0 or an error code, which the stream call returns.
 */
typedef int (*chorus__stream_write_fn)(void *userdata, size_t story, chorus__article *const *articles,
                                       size_t n);

typedef struct chorus__stream chorus__stream;

/*
 * A stream over the terms of `vocab` (borrowed; it must outlive the stream
 * and grow only on the thread that calls the stream). NULL when out of
 * memory.
 */
chorus__stream *chorus__stream_new(const chorus__cluster_params *params, const chorus__vocab *vocab,
                                   chorus__stream_write_fn write, void *userdata);

/*
 * Takes an analysed article (features, signature and non_article set) and
 * owns it from then on, whatever the result. Articles wait until the
 * stream is CHORUS_STREAM_SLACK_DAYS past their day, and are then taken day
 * by day: copies are found among the articles of open stories, term
 * weights use the document frequencies of the days so far, and the
 * article is placed (cluster.h). An article without a publication date
 * takes the day it was fetched, or else is placed at the stream's day
 * without a date of its own (articles read before the stream has a day
 * wait for it, and come last, as in a whole run, if it never has one).
 * Stories are written as they close. Returns 0, CHORUS_ENOMEM or an error of `write`.
 */
int chorus__stream_add(chorus__stream *s, chorus__article *a);

/* Takes every waiting article and writes every story still open. Returns
 * 0, CHORUS_ENOMEM or an error of `write`. */
int chorus__stream_finish(chorus__stream *s);

/* Stories written so far. */
size_t chorus__stream_story_count(const chorus__stream *s);

/* Frees the stream and every article it still holds, unwritten. NULL is a
 * no-op. */
void chorus__stream_free(chorus__stream *s);

#endif
