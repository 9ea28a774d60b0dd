/* cluster.h - weighting articles' terms and grouping articles into stories. */
#ifndef CHORUS_CLUSTER_H
#define CHORUS_CLUSTER_H

#include <stddef.h>

#include "article.h"
#include "vocab.h"

typedef struct chorus__cluster_params {
    double threshold;   /* similarity to join a story */
    double window_days; /* time scale of the similarity's decay with the date gap */
    int one_story;      /* put everything in one story */
    unsigned order_seed; /* see chorus_options.cluster_order_seed */
} chorus__cluster_params;

/* The key that orders articles of one day (or undated) for the single pass
 * of grouping: their content hash, mixed with a non-zero seed. */
uint64_t chorus__order_key(uint64_t content_hash, unsigned seed);

/* Document frequencies: in how many counted articles each term occurs. */
typedef struct chorus__df {
    uint32_t *counts; /* by term id; ids from `cap` on count 0 */
    size_t cap;
    size_t docs;      /* articles counted */
} chorus__df;

/* Counts one article's terms. Returns 0 or CHORUS_ENOMEM. */
int chorus__df_add(chorus__df *df, const chorus__article *a);
/* Takes back the counts of an article counted before. */
void chorus__df_remove(chorus__df *df, const chorus__article *a);
/* Frees the counts and empties *df. */
void chorus__df_free(chorus__df *df);

/*
 * Builds the article's unit-length TF-IDF vector (a->vec, in its arena)
 * from its features (featurize.h) and the frequencies in `df`: terms that
 * read as names weigh more, terms no other article has weigh less once `df`
 * counts enough articles (else the vector is marked plain), and the
 * heaviest CHORUS_VECTOR_MAX_TERMS are kept. Returns 0 or CHORUS_ENOMEM.
 */
int chorus__article_vector(chorus__article *a, const chorus__df *df);

/*
 * Builds every article's vector with document frequencies counted over the
 * articles that are neither duplicates nor non-articles. Returns 0 or
 * CHORUS_ENOMEM.
 */
int chorus__build_vectors(chorus__article **articles, size_t n);

/*
 * Groups articles into stories, setting a->story, and returns the number of
 * stories (or CHORUS_ENOMEM). Articles are taken in publication order (then
 * by content hash, so that input order does not matter) and each joins the
 * most similar open story found through an inverted index over story
 * centroids, or opens a new one; once the stream is past it, each article
 * is looked at again and moves to a story that now fits it better; one
 * still alone joins the story it is clearly nearest to on less than the
 * threshold. A story that can no longer reach the threshold for any
 * article to come (its time factor alone keeps it below) is closed and its
 * centroid freed; as it closes, it joins the open story nearest to it when
 * the two are alike as wholes and article by article (see story_fold() in
 * cluster.c).
 * Duplicates go to the story of the article they copy. Articles marked as
 * no articles (a->non_article) are in no story: CHORUS_NO_STORY. Stories
 * are numbered largest first.
 */
long chorus__cluster(chorus__article **articles, size_t n, size_t vocab_size,
                     const chorus__cluster_params *params);

/*
 * The grouping one article at a time, for a stream. Articles are added in
 * the order of their day (a->day, a->day_known), with their vectors built;
 * each joins the most similar open story or opens one, and is looked at
 * again once the stream is a horizon past it. A story that no article to
 * come can join is closed: its centroid is freed and, when `on_close` is
 * given, its members are handed to it, after which the clusterer does not
 * touch them again; unless it joins, as it closes, the open story nearest
 * to it (when the two are alike enough), whose members its members then
 * become. a->story holds the article's story number (the order stories were
 * opened in) until then.
 */
typedef struct chorus__clusterer chorus__clusterer;

/* Receives the members of a story that is closed (n >= 1, in no set
 * order); returns 0 or an error code, which the call that closed it returns. */
typedef int (*chorus__story_closed_fn)(void *userdata, chorus__article **members, size_t n);

/* NULL when out of memory. */
chorus__clusterer *chorus__clusterer_new(const chorus__cluster_params *params,
                                         chorus__story_closed_fn on_close, void *userdata);
/* Undated articles will come after the dated ones: the stories that close
 * before them keep their sums (and, in a stream, their members), and when
 * the first undated article comes every story is indexed again, for the
 * undated articles alone to find; a dated article never joins a closed
 * story. They are freed and handed on at chorus__clusterer_finish(). */
void chorus__clusterer_keep_closed(chorus__clusterer *c);
/* Makes room for term ids below vocab_size; call before adding an article
 * whose terms may be new. Returns 0 or CHORUS_ENOMEM. */
int chorus__clusterer_reserve(chorus__clusterer *c, size_t vocab_size);
/* Places one article. Returns 0, CHORUS_ENOMEM, an error of on_close, or
 * CHORUS_EINVAL for a term beyond the room reserved. */
int chorus__clusterer_add(chorus__clusterer *c, chorus__article *a);
/* Gives every article its second look and, with on_close, closes every
 * story still open, in the order they were opened. */
int chorus__clusterer_finish(chorus__clusterer *c);
/* Frees the clusterer, handing on the members of stories still open, so
 * that their owner can free them. NULL is a no-op. */
void chorus__clusterer_free(chorus__clusterer *c);

/* Cosine similarity of two unit-length term vectors. */
double chorus__termvec_cosine(const chorus__termvec *a, const chorus__termvec *b);

#endif
