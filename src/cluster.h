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
 * Builds every article's unit-length TF-IDF vector (a->vec, in its arena)
 * from its features (featurize.h), for a vocabulary of `vocab_size` terms.
 * Document frequencies count articles that are neither duplicates nor
 * non-articles; terms that read as names weigh more; the heaviest terms
 * are kept. Returns 0 or CHORUS_ENOMEM.
 */
int chorus__build_vectors(chorus__article **articles, size_t n, size_t vocab_size);

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
 * centroid freed.
 * Duplicates go to the story of the article they copy. Articles marked as
 * no articles (a->non_article) are in no story: CHORUS_NO_STORY. Stories
 * are numbered largest first.
 */
long chorus__cluster(chorus__article **articles, size_t n, size_t vocab_size,
                     const chorus__cluster_params *params);

/* Cosine similarity of two unit-length term vectors. */
double chorus__termvec_cosine(const chorus__termvec *a, const chorus__termvec *b);

#endif
