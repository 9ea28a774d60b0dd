/* summarize.h - extractive summaries of stories, every sentence with its sources. */
#ifndef CHORUS_SUMMARIZE_H
#define CHORUS_SUMMARIZE_H

#include <stddef.h>

#include "article.h"
#include "junk.h"
#include "vocab.h"

/* Dice overlap of content words from which another article's sentence counts
 * as stating the same thing as a summary sentence. */
#define CHORUS_PARAPHRASE_OVERLAP 0.5

typedef struct chorus__summary_item {
    size_t article;  /* index of the article the sentence is taken from */
    size_t sentence; /* its index among that article's sentences */
    size_t skip;     /* bytes of wire dateline at its start, which the summary leaves out */
    size_t *sources; /* articles stating it, ascending (heap) */
    size_t source_count;
} chorus__summary_item;

typedef struct chorus__summary {
    chorus__summary_item *items; /* in reading order (heap) */
    size_t count;
} chorus__summary;

/*
 * Summarises the story made of articles[members[0..count)] (indices into
 * `articles`, duplicates included): selects at most `max_sentences` sentences
 * (and, when max_words is not 0, about max_words words: the last sentence
 * reaches or passes the budget, for the writer to cut) that cover the
 * concepts most articles share, without repeating one another, and lists
 * for each every member stating it or a close paraphrase. `junk` finds the
 * wire datelines that summary sentences leave out. Fills *out, which the
 * caller releases with chorus__summary_free(). Returns 0 or CHORUS_ENOMEM.
 */
int chorus__summarize(chorus__article *const *articles, const size_t *members, size_t count,
                      const chorus__vocab *vocab, chorus__junk *junk, unsigned max_sentences,
                      unsigned max_words, chorus__summary *out);

void chorus__summary_free(chorus__summary *s);

#endif
