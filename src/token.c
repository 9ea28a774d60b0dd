/* token.c - word tokenisation and stemming (over libstemmer). */
#include "token.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "stopwords.h"
#include "text.h"

/* Longer "words" are URLs, hashes or base64: not worth a stemmer call. */
#define STEM_MAX_WORD 64

static int word_char(int32_t cp)
{
    return chorus__is_letter(cp) || chorus__is_digit(cp) || chorus__is_mark(cp);
}

int chorus__tokenize(const char *s, size_t len, uint32_t base, const char *lang, chorus__tokens *out)
{
    const chorus__stoplist *stop = lang ? chorus__stoplist_for(lang) : NULL;
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (!chorus__is_letter(cp) && !chorus__is_digit(cp))
            continue;
        int cjk = chorus__is_cjk(cp);
        int numeric = chorus__is_digit(cp);
        int upper_first = chorus__is_upper(cp);
        int letters = chorus__is_letter(cp), uppers = upper_first;
        int dotted = 0;
        size_t end = i;
        for (; !cjk;) {
            size_t k = end;
            int32_t c = chorus__utf8_next(s, len, &k);
            if (k == end || chorus__is_cjk(c))
                break;
            if (word_char(c)) {
                if (chorus__is_letter(c)) {
                    letters++;
                    uppers += chorus__is_upper(c);
                    numeric = 0;
                }
                end = k;
                continue;
            }
            /* A joiner continues the word only when a word character follows. */
            size_t k2 = k;
            int32_t next = k < len ? chorus__utf8_next(s, len, &k2) : 0;
            if (chorus__is_apostrophe(c) && chorus__is_letter(next) && !numeric) {
                end = k;
                continue;
            }
            if ((c == ',' || c == '.') && numeric && chorus__is_digit(next)) {
                end = k;
                continue;
            }
            /* U.S. and U.N.: single letters joined by dots. */
            if (c == '.' && !numeric && chorus__is_letter(next)) {
                size_t k3 = k2;
                int32_t after = k2 < len ? chorus__utf8_next(s, len, &k3) : 0;
                if (end - start <= 4 && (after == '.' || dotted)) {
                    dotted = 1;
                    end = k;
                    continue;
                }
            }
            if (c == '.' && dotted) {
                end = k; /* keep the final dot of "U.S." in the span */
            }
            break;
        }
        i = end;
        chorus__rawtok t = {0};
        t.start = base + (uint32_t)start;
        t.len = (uint32_t)(end - start);
        t.fold_start = (uint32_t)out->fold.len;
        /* Fold into the shared buffer: lower case, ASCII apostrophes, no dots
         * in initialisms ("u.s" keeps inner dots so it is not the pronoun). */
        size_t j = start;
        while (j < end) {
            int32_t c = chorus__fold(chorus__utf8_next(s, end, &j));
            if (c == ',' && numeric)
                continue;
            char enc[4];
            size_t n = chorus__utf8_put(enc, c);
            if (chorus__buf_append(&out->fold, enc, n))
                return CHORUS_ENOMEM;
        }
        size_t flen = out->fold.len - t.fold_start;
        char *f = out->fold.data + t.fold_start;
        if (dotted && flen && f[flen - 1] == '.')
            flen--;
        if (flen >= 3 && f[flen - 2] == '\'' && f[flen - 1] == 's')
            flen -= 2; /* possessive: Hamas's -> hamas */
        out->fold.len = t.fold_start + flen;
        t.fold_len = (uint32_t)flen;
        if (numeric)
            t.flags |= CHORUS_TOK_NUMBER;
        if (cjk)
            t.flags |= CHORUS_TOK_CJK;
        if (upper_first)
            t.flags |= CHORUS_TOK_CAP;
        if (letters >= 2 && uppers == letters)
            t.flags |= CHORUS_TOK_ALLCAPS;
        if (!numeric && chorus__stoplist_has(stop, f, flen))
            t.flags |= CHORUS_TOK_STOP;
        if (CHORUS_PUSH(out->items, out->count, out->cap, t))
            return CHORUS_ENOMEM;
    }
    return 0;
}

void chorus__tokens_reset(chorus__tokens *t)
{
    t->count = 0;
    t->fold.len = 0;
}

void chorus__tokens_free(chorus__tokens *t)
{
    free(t->items);
    chorus__buf_free(&t->fold);
    memset(t, 0, sizeof *t);
}

/* ---------------------------------------------------------------------- */

#define MAX_STEMMERS 32

struct chorus__stemmers {
    struct {
        char lang[8];
        struct sb_stemmer *stemmer; /* NULL: no stemmer for this language */
    } slots[MAX_STEMMERS];
    size_t count;
};

chorus__stemmers *chorus__stemmers_new(void)
{
    return calloc(1, sizeof(chorus__stemmers));
}

void chorus__stemmers_free(chorus__stemmers *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->count; i++)
        sb_stemmer_delete(st->slots[i].stemmer);
    free(st);
}

static struct sb_stemmer *stemmer_for(chorus__stemmers *st, const char *lang)
{
    for (size_t i = 0; i < st->count; i++)
        if (strcmp(st->slots[i].lang, lang) == 0)
            return st->slots[i].stemmer;
    if (st->count == MAX_STEMMERS)
        return NULL;
    size_t i = st->count++;
    strncpy(st->slots[i].lang, lang, sizeof st->slots[i].lang - 1);
    /* libstemmer takes ISO 639 codes itself; "und" and unknown codes give NULL. */
    st->slots[i].stemmer = strcmp(lang, "und") ? sb_stemmer_new(lang, NULL) : NULL;
    return st->slots[i].stemmer;
}

void chorus__stem(chorus__stemmers *st, const char *lang, const char *w, size_t len,
                  const char **out, size_t *out_len)
{
    *out = w;
    *out_len = len;
    if (len == 0 || len > STEM_MAX_WORD || (w[0] >= '0' && w[0] <= '9'))
        return;
    struct sb_stemmer *s = stemmer_for(st, lang);
    if (!s)
        return;
    const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)w, (int)len);
    if (!r)
        return;
    *out = (const char *)r;
    *out_len = (size_t)sb_stemmer_length(s);
}
