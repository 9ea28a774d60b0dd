/* article.h - one article through the pipeline: as read, then cleaned and analysed. */
#ifndef CHORUS_ARTICLE_H
#define CHORUS_ARTICLE_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "dates.h"

/* A paragraph of the text as read, before cleaning. */
typedef struct chorus__block {
    const char *text; /* in the article's arena */
    uint32_t len;
    uint64_t hash;    /* chorus__block_hash of the text */
} chorus__block;

enum {
    CHORUS_SENT_HEADING = 1 << 0, /* a heading, not prose */
    CHORUS_SENT_QUOTE = 1 << 1,   /* holds a direct quotation */
    CHORUS_SENT_LEAD = 1 << 2,    /* in the article's first paragraph */
};

typedef struct chorus__sentence {
    uint32_t start, len;           /* bytes in the article's text */
    uint32_t tok_start, tok_count; /* its tokens in the article's token array */
    uint32_t paragraph;            /* index of its paragraph */
    uint8_t flags;                 /* CHORUS_SENT_* */
} chorus__sentence;

/* A word of the article, reduced to the corpus vocabulary. */
typedef struct chorus__token {
    uint32_t term;  /* vocabulary id of its stem */
    uint32_t start; /* bytes in the article's text */
    uint16_t len;
    uint8_t flags;  /* CHORUS_TOK_* */
} chorus__token;

/* A content term of an article: how often it occurs, and how often as a name. */
typedef struct chorus__feature {
    uint32_t term;
    uint16_t count;
    uint16_t names;
} chorus__feature;

/* Most terms an article's vector keeps: the rest carry little weight and cost time. */
#define CHORUS_VECTOR_MAX_TERMS 120

/* A sparse vector of weighted terms, sorted by term id. */
typedef struct chorus__termvec {
    uint32_t *terms;
    float *weights;
    uint32_t count;
    int plain; /* weighted in a corpus too small to lower unshared words (see cluster.c) */
} chorus__termvec;

typedef struct chorus__article {
    chorus__arena mem; /* strings and arrays of this article; released in one call */
    size_t index;
    char id[24];

    /* Metadata, in `mem`; NULL when unknown. */
    const char *path;
    const char *input_id;
    const char *title;
    const char *source;
    const char *url;
    char language[8];
    int language_given; /* set by the input rather than detected */
    char language_hint[8]; /* declared by a page; taken when detection finds nothing */
    const char *author;  /* "Jane Doe, John Roe", or NULL */
    const char *fetched; /* when a crawler fetched the page (WARC-Date, ISO 8601), or NULL */
    chorus__date published;
    char published_iso[32];

    /* As read: paragraphs, and lines the reader already took out (date
     * lines, labels above the headline). Heap arrays, freed with the article. */
    chorus__block *blocks;
    size_t block_count, block_cap;
    const char **removed;
    size_t removed_count, removed_cap;

    /* After cleaning and analysis, in `mem`. */
    const char *text; /* paragraphs separated by "\n\n" */
    size_t text_len;
    chorus__sentence *sentences;
    size_t sentence_count;
    chorus__token *tokens; /* body tokens, then the title's */
    size_t token_count;
    size_t title_token_start, title_token_count;
    size_t words;
    uint64_t content_hash; /* of the matching form of the cleaned text */
    uint64_t order_key;    /* its place among articles of its day (chorus__order_key()) */
    uint32_t *minhash;     /* CHORUS_MINHASH_SIZE values, or NULL for a text too short */
    chorus__feature *features; /* content terms by id (heap, freed with the article) */
    uint32_t feature_count;
    chorus__termvec vec;   /* unit-length TF-IDF vector for clustering */
    int compacted;         /* text, sentences, tokens and removed lines given up */

    uint8_t non_article; /* CHORUS_NONARTICLE_* (notice.h): why it is no article, or 0 */
    long duplicate_of; /* index of the article this one copies, or -1 */
    size_t story;
    /* The day the grouping places the article at: its publication day, or
     * in a stream one it is given (see stream.h), or CHORUS_NO_DAY for an
     * article placed after every dated one. day_known: `day` is the day
     * the article was published (or fetched), which time-aware similarity
     * may use; 0 when it is only where the article stands in a stream. */
    long day;
    int day_known;
    /* In a stream: the copies of this article, and the next copy of the
     * article this one copies, so that copies are written with their
     * original. NULL when none. */
    struct chorus__article *copies, *next_copy;
    struct chorus__article *original; /* in a stream: the article this one copies, or NULL */
} chorus__article;

#define CHORUS_NO_DAY LONG_MAX

/* A new empty article; NULL when out of memory. */
chorus__article *chorus__article_new(size_t index);
/* Frees the article and everything it holds. NULL is a no-op. */
void chorus__article_free(chorus__article *a);

/*
 * Gives up what only summaries and facts read — text, paragraphs, sentences,
 * tokens, removed lines — keeping metadata, counts, features and signature
 * in a fresh arena. Returns 0 or CHORUS_ENOMEM (the article is unchanged).
 */
int chorus__article_compact(chorus__article *a);

/* Copies into the article's arena; return NULL when out of memory. */
const char *chorus__article_strdup(chorus__article *a, const char *s, size_t len);
/* Appends a paragraph (copied). 0 or CHORUS_ENOMEM. */
int chorus__article_add_block(chorus__article *a, const char *s, size_t len);
/* Records a line removed from the text (copied). 0 or CHORUS_ENOMEM. */
int chorus__article_add_removed(chorus__article *a, const char *s, size_t len);
/* Sets the publication date if none is set yet, or replaces a weaker one. */
void chorus__article_set_published(chorus__article *a, const chorus__date *d);

#endif
