/* summarize.c - extractive summaries of stories, every sentence with its sources.
 *
 * The summary is the set S of sentences that best covers the story's
 * important content within the length budget, found by maximising
 *
 *   F(S) = sum over concepts c of w(c) * max { p(s) : s in S states c }
 *
 * (0 for a concept no sentence of S states). Concepts are the stems of
 * content words and pairs of adjacent ones. w(c) is the share of the story's
 * articles that state c, the story's centroid over concepts: what several
 * outlets state weighs most, and what only one of them states little.
 * p(s) = 1 + 1 / (1 + rank) credits a concept more when the summary states
 * it in an article's lead sentence, where news puts the essential. Stating a
 * concept a second time earns nothing more, which keeps the summary from
 * repeating itself. F is monotone and submodular (a weighted sum of maxima,
 * as in facility location).
 *
 * The selection is the budgeted greedy algorithm of Lin and Bilmes (2010):
 * take the sentence with the best gain per unit of cost among those that
 * still fit the word budget. With cost = words, and the single best sentence
 * kept instead when it alone is worth more, the result is within a factor
 * 1 - 1/sqrt(e) of the best summary of that length. The greedy pass with
 * cost = sqrt(words), which gives more room to full lead sentences, often
 * finds a better set; both run and the one worth more is kept, so the bound
 * holds. When the summary is to be cut at exactly the budget (summary
 * benchmarks), the words left are then filled with the best next sentences,
 * the last of which the writer cuts. With a sentence limit alone, the cost
 * is sqrt(words).
 *
 * Only sentences that can stand alone are candidates (standalone.c); one
 * that leans on the sentence before it becomes a candidate once that
 * sentence is taken, and follows it in the summary. */
#include "summarize.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "standalone.h"
#include "summary_order.h"
#include "text.h"
#include "token.h"
#include "util.h"

/* Overlap with a selected sentence above which a candidate is redundant. */
#define REDUNDANCY_OVERLAP 0.5
/* Weight of a pair of adjacent content words relative to a single word. */
#define BIGRAM_WEIGHT 1.5
/* In a story of several articles, what only one states counts this much of
 * what it would if others confirmed it. */
#define SINGLE_SOURCE_WEIGHT 0.25
/* A summary sentence credits the concepts it states with 1 + PLACEMENT_BONUS
 * / (1 + rank), rank counting its article's prose sentences from 0: twice as
 * much from an article's first sentence as from deep in the text. */
#define PLACEMENT_BONUS 1.0

enum { SENT_UNFIT, SENT_CANDIDATE, SENT_TAKEN, SENT_DROPPED };

/* No antecedent: the sentence stands alone. */
#define NO_ANTECEDENT (-1L)
/* It leans back but opens its article: nothing it could follow exists. */
#define MISSING_ANTECEDENT LONG_MAX

typedef struct {
    size_t article;   /* index into articles */
    size_t sentence;  /* its index among the article's sentences */
    size_t rank;      /* position among the article's prose sentences */
    size_t skip;      /* bytes of wire dateline it opens with */
    size_t words;     /* as the writer counts them, the dateline left out */
    uint64_t *terms;  /* sorted distinct content terms */
    size_t term_count;
    uint64_t *concepts; /* sorted distinct concept keys, then their indices */
    size_t concept_count;
    long antecedent;  /* the sentence it leans on, NO_ or MISSING_ANTECEDENT */
    double placement; /* p(s), the credit it gives the concepts it states */
    int state;
} sent_info;

/* A concept stated by an article. */
typedef struct {
    uint64_t key;
    size_t article;
} concept_occ;

/* Everything the selection works on, in memory released by story_free(). */
typedef struct {
    sent_info *si;
    size_t ns;
    uint64_t *term_pool, *concept_pool;
    concept_occ *occ;
    size_t no;
    double *weight; /* per concept index */
    size_t nk;
    double *covered; /* per concept: the best placement among the chosen sentences stating it */
} story;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_occ(const void *a, const void *b)
{
    const concept_occ *x = a, *y = b;
    if (x->key != y->key)
        return (x->key > y->key) - (x->key < y->key);
    return (x->article > y->article) - (x->article < y->article);
}

/* Sorts and removes repeats; returns the new count. Sentences hold a few
 * dozen keys, where insertion sort beats qsort's overhead. */
static size_t unique_u64(uint64_t *v, size_t n)
{
    if (!n)
        return 0;
    if (n > 48) {
        qsort(v, n, sizeof *v, cmp_u64);
    } else {
        for (size_t i = 1; i < n; i++) {
            uint64_t x = v[i];
            size_t j = i;
            for (; j > 0 && v[j - 1] > x; j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
    }
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[m - 1])
            v[m++] = v[i];
    return m;
}

static int is_content(const chorus__token *t, const chorus__vocab *vocab)
{
    if (t->flags & CHORUS_TOK_STOP)
        return 0;
    size_t len;
    chorus__vocab_term(vocab, t->term, &len);
    return len >= 2 || (t->flags & CHORUS_TOK_NUMBER);
}

/* Dice coefficient of two sorted term sets. */
static double overlap(const sent_info *a, const sent_info *b)
{
    if (!a->term_count || !b->term_count)
        return 0;
    size_t i = 0, j = 0, same = 0;
    while (i < a->term_count && j < b->term_count) {
        if (a->terms[i] < b->terms[j])
            i++;
        else if (a->terms[i] > b->terms[j])
            j++;
        else
            same++, i++, j++;
    }
    return 2.0 * (double)same / (double)(a->term_count + b->term_count);
}

void chorus__summary_free(chorus__summary *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->items[i].sources);
    free(s->items);
    s->items = NULL;
    s->count = 0;
}

static void story_free(story *st)
{
    free(st->si);
    free(st->term_pool);
    free(st->concept_pool);
    free(st->occ);
    free(st->weight);
    free(st->covered);
}

/* ---------------------------------------------------------------------- */
/* Sentences, concepts and their weights                                  */
/* ---------------------------------------------------------------------- */

/* Fills st->si with every member's sentences, their terms and concepts, and
 * st->occ with the concepts each original article states. */
static int read_sentences(story *st, chorus__article *const *articles, const size_t *members,
                          size_t count, const chorus__vocab *vocab, chorus__junk *junk)
{
    size_t total_sents = 0, total_toks = 0;
    for (size_t m = 0; m < count; m++) {
        total_sents += articles[members[m]]->sentence_count;
        total_toks += articles[members[m]]->token_count;
    }
    st->si = calloc(total_sents + 1, sizeof *st->si);
    st->term_pool = malloc((total_toks + 1) * sizeof *st->term_pool);
    st->concept_pool = malloc((2 * total_toks + 1) * sizeof *st->concept_pool);
    st->occ = malloc((2 * total_toks + 1) * sizeof *st->occ);
    chorus__buf scratch = {0};
    if (!st->si || !st->term_pool || !st->concept_pool || !st->occ)
        return CHORUS_ENOMEM;
    size_t tp = 0, cp = 0;
    for (size_t m = 0; m < count; m++) {
        const chorus__article *a = articles[members[m]];
        size_t rank = 0;
        long previous = MISSING_ANTECEDENT; /* the last prose sentence, which the next may lean on */
        for (size_t k = 0; k < a->sentence_count; k++) {
            const chorus__sentence *s = &a->sentences[k];
            int prose = !(s->flags & CHORUS_SENT_HEADING);
            sent_info *x = &st->si[st->ns];
            x->article = members[m];
            x->sentence = k;
            x->rank = rank;
            x->antecedent = NO_ANTECEDENT;
            x->terms = st->term_pool + tp;
            x->concepts = st->concept_pool + cp;
            /* A wire dateline says where the report was filed, not what
             * happened; only an article's first sentence has one. */
            if (rank == 0 && prose && junk)
                x->skip = chorus__dateline_length(junk, a->text + s->start, s->len);
            x->words = chorus__budget_words(a->text + s->start + x->skip, s->len - x->skip, 0, NULL);
            uint32_t prev = UINT32_MAX;
            for (size_t t = s->tok_start; t < s->tok_start + s->tok_count; t++) {
                const chorus__token *tok = &a->tokens[t];
                if (!is_content(tok, vocab)) {
                    prev = UINT32_MAX;
                    continue;
                }
                x->terms[x->term_count++] = tok->term;
                x->concepts[x->concept_count++] = tok->term;
                if (prev != UINT32_MAX)
                    x->concepts[x->concept_count++] = ((uint64_t)prev + 1) << 32 | tok->term;
                prev = tok->term;
            }
            x->term_count = unique_u64(x->terms, x->term_count);
            x->concept_count = unique_u64(x->concepts, x->concept_count);
            tp += x->term_count;
            cp += x->concept_count;
            /* Copies state what their original states: they are sources,
             * never candidates, and add no weight of their own. */
            if (a->duplicate_of < 0) {
                for (size_t c = 0; c < x->concept_count; c++)
                    st->occ[st->no++] = (concept_occ){x->concepts[c], members[m]};
                x->state = chorus__sentence_unfit(a, k, &scratch) ? SENT_UNFIT : SENT_CANDIDATE;
                if (x->state == SENT_CANDIDATE && chorus__sentence_leans_back(a, k))
                    x->antecedent = previous;
                x->placement = 1.0 + PLACEMENT_BONUS / (1.0 + (double)rank);
            }
            if (prose) {
                previous = (long)st->ns;
                rank++;
            }
            st->ns++;
        }
    }
    chorus__buf_free(&scratch);
    return 0;
}

/* Weighs every concept, and turns each sentence's concept keys into indices
 * of st->weight. */
static int weigh_concepts(story *st, size_t originals)
{
    qsort(st->occ, st->no, sizeof *st->occ, cmp_occ);
    uint64_t *keys = malloc((st->no + 1) * sizeof *keys);
    st->weight = malloc((st->no + 1) * sizeof *st->weight);
    st->covered = calloc(st->no + 1, sizeof *st->covered);
    if (!keys || !st->weight || !st->covered) {
        free(keys);
        return CHORUS_ENOMEM;
    }
    for (size_t i = 0; i < st->no;) {
        size_t j = i, articles = 0, mentions = 0;
        size_t last = (size_t)-1;
        for (; j < st->no && st->occ[j].key == st->occ[i].key; j++) {
            mentions++;
            articles += st->occ[j].article != last;
            last = st->occ[j].article;
        }
        /* One article alone: what it says again and again matters to it. */
        double w = (double)mentions;
        if (originals >= 2) {
            w = (double)articles / (double)originals;
            if (articles < 2)
                w *= SINGLE_SOURCE_WEIGHT;
        }
        if (st->occ[i].key >> 32)
            w *= BIGRAM_WEIGHT;
        keys[st->nk] = st->occ[i].key;
        st->weight[st->nk++] = w;
        i = j;
    }
    for (size_t i = 0; i < st->ns; i++) {
        sent_info *x = &st->si[i];
        for (size_t c = 0; c < x->concept_count; c++) {
            size_t lo = 0, hi = st->nk;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (keys[mid] < x->concepts[c])
                    lo = mid + 1;
                else
                    hi = mid;
            }
            /* Concepts of copies alone are not weighed: they count nothing. */
            x->concepts[c] = lo < st->nk && keys[lo] == x->concepts[c] ? lo : UINT64_MAX;
        }
    }
    free(keys);
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Selection                                                              */
/* ---------------------------------------------------------------------- */

/* F(S + x) - F(S). */
static double gain(const story *st, const sent_info *x)
{
    double g = 0;
    for (size_t c = 0; c < x->concept_count; c++) {
        uint64_t k = x->concepts[c];
        if (k != UINT64_MAX && st->covered[k] < x->placement)
            g += st->weight[k] * (x->placement - st->covered[k]);
    }
    return g;
}

static int eligible(const story *st, const sent_info *x)
{
    if (x->state != SENT_CANDIDATE)
        return 0;
    return x->antecedent == NO_ANTECEDENT ||
           (x->antecedent != MISSING_ANTECEDENT && st->si[x->antecedent].state == SENT_TAKEN);
}

/* Adds sentence i to the summary; returns its gain. */
static double take(story *st, size_t i, size_t *chosen, size_t *picked)
{
    sent_info *x = &st->si[i];
    double g = gain(st, x);
    x->state = SENT_TAKEN;
    chosen[(*picked)++] = i;
    for (size_t c = 0; c < x->concept_count; c++) {
        uint64_t k = x->concepts[c];
        if (k != UINT64_MAX && st->covered[k] < x->placement)
            st->covered[k] = x->placement;
    }
    for (size_t k = 0; k < st->ns; k++)
        if (st->si[k].state == SENT_CANDIDATE && overlap(&st->si[k], x) >= REDUNDANCY_OVERLAP)
            st->si[k].state = SENT_DROPPED;
    return g;
}

/* Empties the summary. */
static void reset(story *st)
{
    for (size_t k = 0; k < st->ns; k++)
        if (st->si[k].state == SENT_TAKEN || st->si[k].state == SENT_DROPPED)
            st->si[k].state = SENT_CANDIDATE;
    memset(st->covered, 0, st->nk * sizeof *st->covered);
}

/* The eligible sentence with the best gain per unit of cost, words^power,
 * among those of at most `room` words (any length when room is 0), or
 * (size_t)-1. */
static size_t best_ratio(const story *st, size_t room, double power)
{
    double best = 0;
    size_t best_i = (size_t)-1;
    for (size_t i = 0; i < st->ns; i++) {
        const sent_info *x = &st->si[i];
        if (!eligible(st, x) || (room && x->words > room))
            continue;
        double words = x->words ? (double)x->words : 1.0;
        double score = gain(st, x) / (power == 1.0 ? words : pow(words, power));
        if (score > best) {
            best = score;
            best_i = i;
        }
    }
    return best_i;
}

/* One greedy pass from an empty summary into chosen[]: sentences that fit
 * the words left (any, without a word budget). Returns F of the result. */
static double greedy(story *st, double power, unsigned max_sentences, unsigned max_words,
                     size_t *chosen, size_t *picked, size_t *words)
{
    reset(st);
    double value = 0;
    *picked = *words = 0;
    while (*picked < max_sentences && (!max_words || *words < max_words)) {
        size_t i = best_ratio(st, max_words ? max_words - *words : 0, power);
        if (i == (size_t)-1)
            break;
        *words += st->si[i].words;
        value += take(st, i, chosen, picked);
    }
    return value;
}

/* Chooses the summary's sentences into chosen[] (room for max_sentences);
 * `spare` is scratch of the same size. Returns how many. */
static size_t select_sentences(story *st, unsigned max_sentences, unsigned max_words, size_t *chosen,
                               size_t *spare)
{
    size_t picked, words;
    if (!max_words) {
        greedy(st, 0.5, max_sentences, 0, chosen, &picked, &words);
        return picked;
    }
    /* The pass with the bound, the pass that usually does better, and the
     * single sentence worth most: the best of the three is kept. */
    size_t picked2, words2;
    double by_words = greedy(st, 1.0, max_sentences, max_words, spare, &picked2, &words2);
    double by_root = greedy(st, 0.5, max_sentences, max_words, chosen, &picked, &words);
    if (by_words > by_root) {
        memcpy(chosen, spare, picked2 * sizeof *chosen);
        picked = picked2;
    }
    reset(st);
    double best_single = 0;
    size_t single = (size_t)-1;
    for (size_t i = 0; i < st->ns; i++) {
        const sent_info *x = &st->si[i];
        double g = eligible(st, x) && x->words <= max_words ? gain(st, x) : 0;
        if (g > best_single) {
            best_single = g;
            single = i;
        }
    }
    size_t n = picked;
    picked = words = 0;
    if (single != (size_t)-1 && best_single > (by_words > by_root ? by_words : by_root)) {
        words = st->si[single].words;
        take(st, single, chosen, &picked);
    } else {
        /* Replay the kept pass, so that the state is its own. */
        for (size_t k = 0; k < n; k++) {
            words += st->si[chosen[k]].words;
            take(st, chosen[k], chosen, &picked);
        }
    }
    /* Fill the words left with the best next sentences; the writer cuts
     * the last at the budget. */
    while (words < max_words && picked < max_sentences) {
        size_t i = best_ratio(st, 0, 0.5);
        if (i == (size_t)-1)
            break;
        words += st->si[i].words;
        take(st, i, chosen, &picked);
    }
    return picked;
}

/* ---------------------------------------------------------------------- */
/* Sources and order                                                      */
/* ---------------------------------------------------------------------- */

/* Every member with a sentence close enough to x to state the same thing,
 * the article x comes from included, ascending into it->sources. */
static int find_sources(const story *st, const sent_info *x, const size_t *members, size_t count,
                        chorus__summary_item *it)
{
    it->article = x->article;
    it->sentence = x->sentence;
    it->skip = x->skip;
    it->sources = malloc((count + 1) * sizeof *it->sources);
    if (!it->sources)
        return CHORUS_ENOMEM;
    size_t i = 0;
    for (size_t m = 0; m < count; m++) {
        size_t art = members[m];
        int states = art == x->article;
        for (; i < st->ns && st->si[i].article == art; i++)
            if (!states && overlap(&st->si[i], x) >= CHORUS_PARAPHRASE_OVERLAP)
                states = 1;
        if (states)
            it->sources[it->source_count++] = art;
    }
    for (size_t a = 1; a < it->source_count; a++)
        for (size_t b = a; b > 0 && it->sources[b - 1] > it->sources[b]; b--) {
            size_t t = it->sources[b];
            it->sources[b] = it->sources[b - 1];
            it->sources[b - 1] = t;
        }
    return 0;
}

/* Fills out->items with the chosen sentences in reading order. */
static int arrange(const story *st, chorus__article *const *articles, const size_t *members,
                   size_t count, const size_t *chosen, size_t picked, chorus__summary *out)
{
    chorus__summary_item *items = calloc(picked + 1, sizeof *items);
    chorus__order_item *keys = calloc(picked + 1, sizeof *keys);
    size_t *order = calloc(picked + 1, sizeof *order);
    int rc = items && keys && order ? 0 : CHORUS_ENOMEM;
    for (size_t p = 0; !rc && p < picked; p++) {
        const sent_info *x = &st->si[chosen[p]];
        rc = find_sources(st, x, members, count, &items[p]);
        keys[p] = (chorus__order_item){x->article, x->sentence, items[p].sources,
                                       items[p].source_count, -1};
        for (size_t q = 0; q < picked; q++)
            if (x->antecedent >= 0 && x->antecedent != MISSING_ANTECEDENT &&
                chosen[q] == (size_t)x->antecedent)
                keys[p].follows = (long)q;
    }
    if (!rc)
        rc = chorus__summary_order(articles, keys, picked, order);
    if (!rc) {
        out->items = calloc(picked + 1, sizeof *out->items);
        if (!out->items)
            rc = CHORUS_ENOMEM;
        for (size_t p = 0; !rc && p < picked; p++) {
            out->items[p] = items[order[p]];
            items[order[p]].sources = NULL;
        }
        if (!rc)
            out->count = picked;
    }
    for (size_t p = 0; items && p < picked; p++)
        free(items[p].sources);
    free(items);
    free(keys);
    free(order);
    return rc;
}

int chorus__summarize(chorus__article *const *articles, const size_t *members, size_t count,
                      const chorus__vocab *vocab, chorus__junk *junk, unsigned max_sentences,
                      unsigned max_words, chorus__summary *out)
{
    memset(out, 0, sizeof *out);
    size_t originals = 0;
    for (size_t m = 0; m < count; m++)
        originals += articles[members[m]]->duplicate_of < 0;
    story st = {0};
    size_t *chosen = calloc((size_t)max_sentences + 2, sizeof *chosen);
    size_t *spare = calloc((size_t)max_sentences + 2, sizeof *spare);
    int rc = chosen && spare ? read_sentences(&st, articles, members, count, vocab, junk) : CHORUS_ENOMEM;
    if (!rc)
        rc = weigh_concepts(&st, originals);
    if (!rc) {
        size_t picked = select_sentences(&st, max_sentences, max_words, chosen, spare);
        rc = arrange(&st, articles, members, count, chosen, picked, out);
    }
    if (rc)
        chorus__summary_free(out);
    story_free(&st);
    free(chosen);
    free(spare);
    return rc;
}
