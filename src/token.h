/* token.h - word tokenisation and stemming (over libstemmer). */
#ifndef CHORUS_TOKEN_H
#define CHORUS_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum {
    CHORUS_TOK_NUMBER = 1 << 0,  /* digits, possibly with separators: 40,000 or 3.5 */
    CHORUS_TOK_CAP = 1 << 1,     /* starts with an upper-case letter */
    CHORUS_TOK_ALLCAPS = 1 << 2, /* two or more letters, all upper case (UN, NATO) */
    CHORUS_TOK_STOP = 1 << 3,    /* a function word of the text's language */
    CHORUS_TOK_CJK = 1 << 4,     /* one Han or kana character (see chorus__tokenize) */
};

/* One word of a text: where it stands and its folded (lower-case, ASCII
 * quotes) form, stored in the tokenizer's buffer. */
typedef struct chorus__rawtok {
    uint32_t start, len;           /* bytes in the source text */
    uint32_t fold_start, fold_len; /* bytes in the fold buffer */
    uint8_t flags;
} chorus__rawtok;

typedef struct chorus__tokens {
    chorus__rawtok *items;
    size_t count, cap;
    chorus__buf fold; /* folded forms, one after another */
} chorus__tokens;

/*
 * Splits s[0..len) (clean UTF-8) into words, appending to `out` (which the
 * caller zero-initialises and later frees with chorus__tokens_free()).
 * Words are runs of letters, marks and digits, holding internal apostrophes
 * ("don't"), dotted initialisms ("U.S.") and digit separators ("40,000");
 * hyphens split ("Israel-Palestine" is two words) and a possessive 's is
 * dropped from the folded form. Chinese and Japanese are written without
 * spaces, so each Han or kana character is a word of its own (flagged
 * CHORUS_TOK_CJK); what reads as a word there is a pair of them, which
 * term weighting builds (featurize.h). Offsets are relative to s plus `base`.
 * Stop words are flagged for language `lang` (NULL: not flagged).
 * Returns 0 or CHORUS_ENOMEM.
 */
int chorus__tokenize(const char *s, size_t len, uint32_t base, const char *lang, chorus__tokens *out);

void chorus__tokens_reset(chorus__tokens *t);
void chorus__tokens_free(chorus__tokens *t);

/* Stemmers per language, created when first asked for. */
typedef struct chorus__stemmers chorus__stemmers;

chorus__stemmers *chorus__stemmers_new(void);
void chorus__stemmers_free(chorus__stemmers *st);

/*
 * Stems the folded word w[0..len) with the Snowball stemmer of `lang`; words
 * of languages without one, numbers and very long words come back as they are.
 * Sets *out and *out_len to memory owned by the stemmer set, valid until the
 * next call.
 */
void chorus__stem(chorus__stemmers *st, const char *lang, const char *w, size_t len,
                  const char **out, size_t *out_len);

#endif
