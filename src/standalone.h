/* standalone.h - whether a sentence reads well alone in a summary, or leans on the one before it. */
#ifndef CHORUS_STANDALONE_H
#define CHORUS_STANDALONE_H

#include <stddef.h>

#include "article.h"
#include "util.h"

/* Sentences shorter or longer than this (in words) rarely read well alone. */
#define CHORUS_STANDALONE_MIN_WORDS 6
#define CHORUS_STANDALONE_MAX_WORDS 70

/* Why a sentence cannot stand in a summary; 0 when it can. */
enum {
    CHORUS_UNFIT_NONE = 0,
    CHORUS_UNFIT_HEADING,   /* a heading, not prose */
    CHORUS_UNFIT_LENGTH,    /* too short or too long to read well alone */
    CHORUS_UNFIT_FRAGMENT,  /* opens in lower case or does not end like a sentence: a bad split */
    CHORUS_UNFIT_QUOTE,     /* opens or closes a quotation it does not hold whole */
    CHORUS_UNFIT_FURNITURE, /* a photo caption or credit, a link, an embedded post */
    CHORUS_UNFIT_ADDRESS,   /* the page talking to its reader: "Read more about ..." */
};

/*
 * Judges sentence k of article a (analysed) on its own: returns
 * CHORUS_UNFIT_NONE when it can stand in a summary, else the first reason
 * it cannot. The wording rules (calls to the reader) are English only for
 * now; other languages get the structural rules alone. `scratch` is working
 * memory the caller keeps across calls and frees.
 */
int chorus__sentence_unfit(const chorus__article *a, size_t k, chorus__buf *scratch);

/*
 * Non-zero when sentence k of article a opens with a pronoun or a connective
 * that points back at the sentence before it ("He added ...", "However, ..."),
 * so that it reads well only right after that sentence. English only for now.
 */
int chorus__sentence_leans_back(const chorus__article *a, size_t k);

#endif
