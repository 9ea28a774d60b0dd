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
} chorus__cluster_params;

/*
 * Builds every article's unit-length TF-IDF vector (a->vec, in its arena).
 * Terms are the stems of content words of body and title; document
 * frequencies count articles that are not duplicates; words that read as
 * names (capitalised inside a sentence) weigh more. Returns 0 or CHORUS_ENOMEM.
 */
int chorus__build_vectors(chorus__article **articles, size_t n, const chorus__vocab *vocab);

/*
 * Groups articles into stories, setting a->story, and returns the number of
 * stories (or CHORUS_ENOMEM). Articles are taken in publication order (then
 * by content hash, so that input order does not matter) and each joins the
 * most similar recent story found through an inverted index over story
 * centroids, or opens a new one; a second pass moves articles that fit
 * another story better. Duplicates go to the story of the article they copy.
 * Stories are numbered largest first.
 */
long chorus__cluster(chorus__article **articles, size_t n, size_t vocab_size,
                     const chorus__cluster_params *params);

/* Cosine similarity of two unit-length term vectors. */
double chorus__termvec_cosine(const chorus__termvec *a, const chorus__termvec *b);

#endif
