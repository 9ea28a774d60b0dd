/* featurize.c - what grouping keeps of an article: its content terms, the names among them, and full names.
 *
 * These counts are all that term weighting and clustering read, so an
 * article can give up its text, sentences and tokens once they are taken
 * (chorus_options.compact) and a million articles fit in memory. */
#include "featurize.h"

#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "token.h"
#include "util.h"

/* Longest stem pair made into a name term. */
#define PAIR_MAX_BYTES 96

typedef struct {
    uint32_t term;
    uint32_t names;
} occurrence;

static int cmp_occurrence(const void *x, const void *y)
{
    const occurrence *p = x, *q = y;
    return (p->term > q->term) - (p->term < q->term);
}

/* Content words: not function words, not bare numbers, not single letters. */
static int content_token(const chorus__token *t, const chorus__vocab *vocab)
{
    if (t->flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER))
        return 0;
    size_t len;
    chorus__vocab_term(vocab, t->term, &len);
    return len >= 2;
}

/* The term for two adjacent stems (a full name, or two Chinese or Japanese
 * characters that stand for a word), or CHORUS_VOCAB_NONE when too long. */
static uint32_t pair_term(chorus__vocab *vocab, uint32_t first, uint32_t second, int *oom)
{
    size_t l1, l2;
    const char *s1 = chorus__vocab_term(vocab, first, &l1);
    const char *s2 = chorus__vocab_term(vocab, second, &l2);
    char key[PAIR_MAX_BYTES];
    if (l1 + l2 + 2 > sizeof key)
        return CHORUS_VOCAB_NONE;
    key[0] = CHORUS_NAME_PAIR_MARK;
    memcpy(key + 1, s1, l1);
    key[1 + l1] = ' ';
    memcpy(key + 2 + l1, s2, l2);
    uint32_t id = chorus__vocab_intern(vocab, key, l1 + l2 + 2);
    if (id == CHORUS_VOCAB_NONE)
        *oom = 1;
    return id;
}

/* Two Han or kana characters written one after the other. */
static int cjk_adjacent(const chorus__token *t, const chorus__token *u)
{
    return (t->flags & u->flags & CHORUS_TOK_CJK) && t->start + t->len == u->start &&
           !((t->flags | u->flags) & CHORUS_TOK_STOP);
}

int chorus__article_features(chorus__article *a, chorus__vocab *vocab)
{
    free(a->features);
    a->features = NULL;
    a->feature_count = 0;
    /* One entry per occurrence (and per adjacent name pair), sorted, then summed. */
    occurrence *occ = malloc((2 * a->token_count + 1) * sizeof *occ);
    if (!occ)
        return CHORUS_ENOMEM;
    size_t m = 0, sent = 0;
    int oom = 0;
    /* Chinese or Japanese, or a text too short to tell. */
    int cjk_text = strcmp(a->language, "zh") == 0 || strcmp(a->language, "ja") == 0 ||
                   strcmp(a->language, "und") == 0 || !a->language[0];
    for (size_t k = 0; k < a->token_count; k++) {
        const chorus__token *t = &a->tokens[k];
        int in_title = k >= a->title_token_start;
        int first = 0, last = 1;
        if (!in_title) {
            while (sent < a->sentence_count &&
                   k >= a->sentences[sent].tok_start + a->sentences[sent].tok_count)
                sent++;
            if (sent < a->sentence_count) {
                first = k == a->sentences[sent].tok_start;
                last = k + 1 >= a->sentences[sent].tok_start + a->sentences[sent].tok_count;
            }
        }
        if (t->flags & CHORUS_TOK_CJK) {
            /* Chinese and Japanese words are mostly two characters or
             * more: adjacent pairs stand for them, as in search engines'
             * bigram indexing; a character alone only where it stands
             * alone. In an article in another language such characters
             * are an aside (a name in the original script, a line of the
             * source), and a term per character would outweigh the
             * article's own words. */
            if (!cjk_text)
                continue;
            int before = k > 0 && cjk_adjacent(&a->tokens[k - 1], t);
            int after = k + 1 < a->token_count && cjk_adjacent(t, &a->tokens[k + 1]);
            if (after) {
                uint32_t id = pair_term(vocab, t->term, a->tokens[k + 1].term, &oom);
                if (oom) {
                    free(occ);
                    return CHORUS_ENOMEM;
                }
                if (id != CHORUS_VOCAB_NONE)
                    occ[m++] = (occurrence){id, 0};
            } else if (!before && !(t->flags & CHORUS_TOK_STOP)) {
                occ[m++] = (occurrence){t->term, 0};
            }
            continue;
        }
        if (!content_token(t, vocab))
            continue;
        /* A capital opening a sentence says nothing; nor do a title's capitals. */
        int name = !in_title && !first && (t->flags & CHORUS_TOK_CAP);
        occ[m++] = (occurrence){t->term, (uint32_t)name};
        const chorus__token *u = &a->tokens[k + 1];
        if (name && !last && k + 1 < a->title_token_start && (u->flags & CHORUS_TOK_CAP) &&
            content_token(u, vocab)) {
            uint32_t id = pair_term(vocab, t->term, u->term, &oom);
            if (oom) {
                free(occ);
                return CHORUS_ENOMEM;
            }
            if (id != CHORUS_VOCAB_NONE)
                occ[m++] = (occurrence){id, 1};
        }
    }
    qsort(occ, m, sizeof *occ, cmp_occurrence);
    size_t distinct = 0;
    for (size_t i = 0; i < m; i++)
        distinct += i == 0 || occ[i].term != occ[i - 1].term;
    a->features = malloc((distinct + 1) * sizeof *a->features);
    if (!a->features) {
        free(occ);
        return CHORUS_ENOMEM;
    }
    size_t f = 0;
    for (size_t i = 0; i < m; i++) {
        if (i == 0 || occ[i].term != occ[i - 1].term)
            a->features[f++] = (chorus__feature){occ[i].term, 0, 0};
        chorus__feature *x = &a->features[f - 1];
        if (x->count < UINT16_MAX)
            x->count++;
        if (occ[i].names && x->names < UINT16_MAX)
            x->names++;
    }
    a->feature_count = (uint32_t)f;
    free(occ);
    return 0;
}
