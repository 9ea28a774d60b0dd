/* analyze.h - cleaning one article and turning it into sentences, tokens and signatures. */
#ifndef CHORUS_ANALYZE_H
#define CHORUS_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "blockcount.h"
#include "junk.h"
#include "langid.h"
#include "notice.h"
#include "sentence.h"
#include "token.h"
#include "vocab.h"

/* What the analysis of every article of one corpus shares, and scratch
 * memory reused from one article to the next. */
typedef struct chorus__analyzer {
    chorus__langid *langid; /* NULL when the language models are missing */
    chorus__stemmers *stemmers;
    chorus__junk *junk;
    chorus__notice *notice;
    chorus__vocab *vocab;
    /* Words as written ("en:meetings"), each with its stem's id in `vocab`
     * shifted left by one and its stop-word flag in the low bit. */
    chorus__vocab *surface;
    uint32_t *surface_term;
    size_t surface_count, surface_cap;
    /* In how many articles each block recurs, for boilerplate detection.
     * Owned by the analyzer that created it (chorus__analyzer_init); the
     * analyzers of worker threads borrow their corpus's, read-only. */
    chorus__blockcount *blocks;
    int owns_blocks;

    chorus__tokens toks;
    chorus__buf buf;
    chorus__span *spans;
    size_t span_count, span_cap;
    chorus__token *tokens;
    size_t token_count, token_cap;
    chorus__sentence *sentences;
    size_t sentence_count, sentence_cap;
    uint64_t *word_hashes;
    size_t word_hash_count, word_hash_cap;
    /* Stop at the cleaned text: no sentences, tokens or signatures, which
     * only duplicate detection, stories and summaries use. */
    int text_only;
} chorus__analyzer;

/* Creates the shared resources. `blocks` is the block table of another
 * analyzer to borrow (a worker thread's analyzer), or NULL to create one.
 * Returns 0 or CHORUS_ENOMEM; a missing language model is not an error
 * (languages are then "und" unless given). */
int chorus__analyzer_init(chorus__analyzer *an, chorus__blockcount *blocks);
void chorus__analyzer_done(chorus__analyzer *an);

/* Counts the article's distinct blocks in the block table. */
int chorus__analyzer_count_blocks(chorus__analyzer *an, const chorus__article *a);

/*
 * Cleans and analyses one article that a reader filled: detects its language
 * (unless given), removes junk blocks (recording them in a->removed), builds
 * a->text, sentences and tokens, the word count, the content hash and the
 * MinHash signature. Returns 0 or CHORUS_ENOMEM.
 */
int chorus__article_analyze(chorus__analyzer *an, chorus__article *a);

#endif
