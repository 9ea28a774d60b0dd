/* summarize.c - extractive summaries of stories, every sentence with its sources.
 *
 * Selection is greedy maximum coverage: concepts are the stems of content
 * words and pairs of adjacent ones; a concept weighs as many articles of the
 * story as state it, so that what several outlets agree on comes first. Each
 * step takes the sentence that adds the most uncovered weight per square root
 * of its length, favouring sentences early in their article (news puts the
 * essential first) and skipping any that repeats one already taken. */
#include "summarize.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "text.h"
#include "token.h"
#include "util.h"

/* Sentences shorter or longer than this (in words) rarely read well alone. */
#define SUMMARY_MIN_WORDS 6
#define SUMMARY_MAX_WORDS 70
/* Overlap with a selected sentence above which a candidate is redundant. */
#define REDUNDANCY_OVERLAP 0.5
/* Weight of a pair of adjacent content words relative to a single word. */
#define BIGRAM_WEIGHT 1.5
/* A sentence opening with a pronoun or connective leans on one before it. */
#define DANGLING_PENALTY 0.5
/* Weight, in a story of several articles, of a concept only one states. */
#define SINGLE_SOURCE_WEIGHT 0.25

typedef struct {
    size_t article;   /* index into articles */
    size_t sentence;  /* index in the article */
    size_t rank;      /* position among the article's prose sentences */
    size_t words;
    uint64_t *terms;  /* sorted distinct content terms */
    size_t term_count;
    uint64_t *concepts; /* sorted distinct concept keys */
    size_t concept_count;
    int candidate;
    double penalty;
} sent_info;

typedef struct {
    uint64_t key;
    uint32_t article;
} concept_occ;

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

/* Words that cannot open a sentence standing alone: pronouns and
 * connectives pointing back at the sentence before. English only for now;
 * other languages get no penalty rather than a wrong one. */
static int dangling_start(const chorus__article *a, const chorus__sentence *s)
{
    static const char *const openers[] = {
        "he", "she", "it", "they", "his", "her", "its", "their", "them", "this", "these",
        "those", "that", "such", "however", "but", "and", "also", "meanwhile", "moreover",
        "furthermore", "still", "yet", "so", "then", "thus", "therefore", "instead", "besides",
        "nevertheless", "nonetheless", "otherwise", "there", "here", "both", "another",
    };
    if (strcmp(a->language, "en") != 0 || s->tok_count == 0)
        return 0;
    const chorus__token *t = &a->tokens[s->tok_start];
    /* Only the sentence's first word counts: a quote mark may stand before it. */
    size_t lead = t->start - s->start;
    if (lead > 4)
        return 0;
    char w[16];
    size_t n = 0;
    size_t i = t->start, end = t->start + t->len;
    while (i < end && n + 4 < sizeof w) {
        int32_t cp = chorus__fold(chorus__utf8_next(a->text, end, &i));
        n += chorus__utf8_put(w + n, cp);
    }
    w[n] = '\0';
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++)
        if (strcmp(w, openers[k]) == 0)
            return 1;
    return 0;
}

/* Quotation marks must pair up, or the sentence cuts a quote. */
static int quotes_balanced(const char *s, size_t len)
{
    int open = 0, close = 0, straight = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp = chorus__utf8_next(s, len, &i);
        open += cp == 0x201C;
        close += cp == 0x201D;
        straight += cp == '"';
    }
    return open == close && straight % 2 == 0;
}

/* Calls to action ("Discover how...", "Read more about...") are a page
 * talking to its reader, not a report. English only for now. */
static int teaser(const chorus__article *a, const chorus__sentence *s)
{
    static const char *const verbs[] = {"discover", "learn", "find", "read", "watch", "see",
                                        "click", "check", "explore", "subscribe", "follow",
                                        "join", "sign", "download", "listen", "tap"};
    if (strcmp(a->language, "en") != 0 || s->tok_count == 0)
        return 0;
    const chorus__token *t = &a->tokens[s->tok_start];
    if (t->start != s->start)
        return 0;
    char w[16];
    size_t n = 0;
    for (size_t i = t->start; i < t->start + t->len && n + 1 < sizeof w; i++)
        w[n++] = (char)((a->text[i] >= 'A' && a->text[i] <= 'Z') ? a->text[i] + 32 : a->text[i]);
    w[n] = '\0';
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        if (strcmp(w, verbs[k]) == 0)
            return 1;
    return 0;
}

static int fit_to_stand_alone(const chorus__article *a, const chorus__sentence *s, size_t words)
{
    if (teaser(a, s))
        return 0;
    if (s->flags & CHORUS_SENT_HEADING)
        return 0;
    if (words < SUMMARY_MIN_WORDS || words > SUMMARY_MAX_WORDS)
        return 0;
    const char *text = a->text + s->start;
    size_t i = 0;
    int32_t first = chorus__utf8_next(text, s->len, &i);
    if (chorus__is_lower(first))
        return 0; /* a fragment left by a bad split */
    size_t e = s->len;
    int32_t last = chorus__utf8_prev(text, &e);
    if (last == ':' || last == ',' || last == ';')
        return 0;
    return quotes_balanced(text, s->len);
}

void chorus__summary_free(chorus__summary *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->items[i].sources);
    free(s->items);
    s->items = NULL;
    s->count = 0;
}

typedef struct {
    double position;
    size_t sources;
    long day; /* LONG_MAX when the article is undated */
    size_t article;
    size_t sentence;
    size_t item;
} reading_key;

/* Reading order: what comes early in its article first; among equals, what
 * more articles state, then what was published first. */
static int cmp_reading(const void *x, const void *y)
{
    const reading_key *p = x, *q = y;
    if (p->position != q->position)
        return p->position < q->position ? -1 : 1;
    if (p->sources != q->sources)
        return p->sources > q->sources ? -1 : 1;
    if (p->day != q->day)
        return (p->day > q->day) - (p->day < q->day);
    if (p->article != q->article)
        return (p->article > q->article) - (p->article < q->article);
    return (p->sentence > q->sentence) - (p->sentence < q->sentence);
}

int chorus__summarize(chorus__article *const *articles, const size_t *members, size_t count,
                      const chorus__vocab *vocab, unsigned max_sentences, unsigned max_words,
                      chorus__summary *out)
{
    memset(out, 0, sizeof *out);
    int rc = 0;
    size_t total_sents = 0, total_toks = 0, originals = 0;
    for (size_t m = 0; m < count; m++) {
        const chorus__article *a = articles[members[m]];
        total_sents += a->sentence_count;
        total_toks += a->token_count;
        originals += a->duplicate_of < 0;
    }
    sent_info *si = calloc(total_sents + 1, sizeof *si);
    uint64_t *term_pool = malloc((total_toks + 1) * sizeof *term_pool);
    uint64_t *concept_pool = malloc((2 * total_toks + 1) * sizeof *concept_pool);
    concept_occ *occ = malloc((2 * total_toks + 1) * sizeof *occ);
    size_t *chosen = calloc(max_sentences + 1, sizeof *chosen);
    if (!si || !term_pool || !concept_pool || !occ || !chosen) {
        rc = CHORUS_ENOMEM;
        goto done;
    }

    /* Every sentence's content terms and concepts. */
    size_t ns = 0, tp = 0, cp = 0, no = 0;
    for (size_t m = 0; m < count; m++) {
        const chorus__article *a = articles[members[m]];
        size_t rank = 0;
        for (size_t k = 0; k < a->sentence_count; k++) {
            const chorus__sentence *s = &a->sentences[k];
            sent_info *x = &si[ns++];
            x->article = members[m];
            x->sentence = k;
            x->rank = rank;
            if (!(s->flags & CHORUS_SENT_HEADING))
                rank++;
            x->terms = term_pool + tp;
            x->concepts = concept_pool + cp;
            uint32_t prev = UINT32_MAX;
            for (size_t t = s->tok_start; t < s->tok_start + s->tok_count; t++) {
                const chorus__token *tok = &a->tokens[t];
                x->words++;
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
            if (a->duplicate_of < 0) {
                for (size_t c = 0; c < x->concept_count; c++)
                    occ[no++] = (concept_occ){x->concepts[c], (uint32_t)members[m]};
                x->candidate = fit_to_stand_alone(a, s, x->words);
                x->penalty = dangling_start(a, s) ? DANGLING_PENALTY : 1.0;
            }
        }
    }

    /* A concept weighs as many articles as state it; in a story of one
     * article, as many times as it is stated. */
    qsort(occ, no, sizeof *occ, cmp_occ);
    uint64_t *keys = malloc((no + 1) * sizeof *keys);
    double *weight = malloc((no + 1) * sizeof *weight);
    unsigned char *covered = calloc(no + 1, 1);
    size_t nk = 0;
    if (!keys || !weight || !covered) {
        free(keys), free(weight), free(covered);
        rc = CHORUS_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < no;) {
        size_t j = i, df = 0, tf = 0;
        uint32_t last = UINT32_MAX;
        while (j < no && occ[j].key == occ[i].key) {
            tf++;
            if (occ[j].article != last)
                df++;
            last = occ[j].article;
            j++;
        }
        /* What one article alone says counts little when others could confirm it. */
        double w = originals >= 2 ? (df >= 2 ? (double)df : SINGLE_SOURCE_WEIGHT) : (double)tf;
        if (occ[i].key >> 32)
            w *= BIGRAM_WEIGHT;
        keys[nk] = occ[i].key;
        weight[nk++] = w;
        i = j;
    }

    /* Greedy selection. */
    size_t picked = 0, words = 0;
    while (picked < max_sentences && (!max_words || words < max_words)) {
        double best = 0;
        size_t best_i = (size_t)-1;
        for (size_t i = 0; i < ns; i++) {
            sent_info *x = &si[i];
            if (!x->candidate)
                continue;
            double gain = 0;
            for (size_t c = 0; c < x->concept_count; c++) {
                size_t lo = 0, hi = nk;
                while (lo < hi) {
                    size_t mid = lo + (hi - lo) / 2;
                    if (keys[mid] < x->concepts[c])
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                if (lo < nk && keys[lo] == x->concepts[c] && !covered[lo])
                    gain += weight[lo];
            }
            double position = 1.0 + 0.8 / (1.0 + (double)x->rank);
            double score = gain / sqrt((double)x->words) * position * x->penalty;
            if (score > best) {
                best = score;
                best_i = i;
            }
        }
        if (best_i == (size_t)-1)
            break;
        sent_info *x = &si[best_i];
        x->candidate = 0;
        chosen[picked++] = best_i;
        words += x->words;
        for (size_t c = 0; c < x->concept_count; c++) {
            size_t lo = 0, hi = nk;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (keys[mid] < x->concepts[c])
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < nk && keys[lo] == x->concepts[c])
                covered[lo] = 1;
        }
        for (size_t i = 0; i < ns; i++)
            if (si[i].candidate && overlap(&si[i], x) >= REDUNDANCY_OVERLAP)
                si[i].candidate = 0;
    }
    free(keys), free(weight), free(covered);

    /* Sources: the article it comes from and every member with a sentence
     * close enough to be the same statement. */
    chorus__summary_item *items = calloc(picked + 1, sizeof *items);
    reading_key *order = malloc((picked + 1) * sizeof *order);
    if (!items || !order) {
        free(items);
        free(order);
        rc = CHORUS_ENOMEM;
        goto done;
    }
    for (size_t p = 0; p < picked && !rc; p++) {
        const sent_info *x = &si[chosen[p]];
        chorus__summary_item *it = &items[p];
        it->article = x->article;
        it->sentence = x->sentence;
        it->sources = malloc((count + 1) * sizeof *it->sources);
        if (!it->sources) {
            rc = CHORUS_ENOMEM;
            break;
        }
        size_t i = 0;
        for (size_t m = 0; m < count; m++) {
            size_t art = members[m];
            int states = art == x->article;
            for (; i < ns && si[i].article == art; i++)
                if (!states && overlap(&si[i], x) >= CHORUS_PARAPHRASE_OVERLAP)
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
        const chorus__article *a = articles[x->article];
        size_t prose = 0;
        for (size_t k = 0; k < a->sentence_count; k++)
            prose += !(a->sentences[k].flags & CHORUS_SENT_HEADING);
        order[p].position = prose ? (double)x->rank / (double)prose : 0;
        order[p].sources = it->source_count;
        order[p].day = a->published.precision >= CHORUS_DATE_DAY ? chorus__date_days(&a->published) : LONG_MAX;
        order[p].article = x->article;
        order[p].sentence = x->sentence;
        order[p].item = p;
    }
    if (!rc) {
        qsort(order, picked, sizeof *order, cmp_reading);
        out->items = calloc(picked + 1, sizeof *out->items);
        if (!out->items)
            rc = CHORUS_ENOMEM;
        for (size_t p = 0; !rc && p < picked; p++) {
            out->items[p] = items[order[p].item];
            items[order[p].item].sources = NULL;
        }
        if (!rc)
            out->count = picked;
    }
    for (size_t p = 0; p < picked; p++)
        free(items[p].sources);
    free(items);
    free(order);

done:
    if (rc)
        chorus__summary_free(out);
    free(si);
    free(term_pool);
    free(concept_pool);
    free(occ);
    free(chosen);
    return rc;
}
