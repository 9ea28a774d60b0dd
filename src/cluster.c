/* cluster.c - weighting articles' terms and grouping articles into stories.
 *
 * The grouping follows streaming news clustering (Miranda et al. 2018): an
 * article is compared with the centroids of stories, never with every other
 * article, and stories are found through an inverted index from terms to the
 * stories whose centroid holds them. Similarity is the cosine of TF-IDF
 * vectors, damped by the gap between the article's date and the story's
 * dates, so that the same topic weeks apart makes two stories. */
#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "token.h"
#include "util.h"

/* Terms kept per article vector: the rest carry little weight and cost time. */
#define VECTOR_MAX_TERMS 120
/* IDF behaves as if the corpus had at least this many articles, so that in a
 * small corpus the words every article shares still count. */
#define IDF_MIN_CORPUS 50.0
/* Extra weight of a term that reads as a name. */
#define NAME_BOOST 1.5
/* Title words are counted this many times more. */
#define TITLE_WEIGHT 1.0
/* Terms of an article used to look up candidate stories. */
#define LOOKUP_TERMS 16
/* Most recent stories looked at per term: bounds the work on common terms
 * and favours recent stories. */
#define LOOKUP_RECENT 400
/* Candidate stories compared in full with an article: those sharing the
 * most weight of its heaviest terms. */
#define MAX_CANDIDATES 12
/* A move in the second pass must gain at least this much similarity. */
#define MOVE_MARGIN 0.02

double chorus__termvec_cosine(const chorus__termvec *a, const chorus__termvec *b)
{
    double dot = 0;
    uint32_t i = 0, j = 0;
    while (i < a->count && j < b->count) {
        if (a->terms[i] < b->terms[j])
            i++;
        else if (a->terms[i] > b->terms[j])
            j++;
        else
            dot += (double)a->weights[i++] * b->weights[j++];
    }
    return dot;
}

/* ---------------------------------------------------------------------- */
/* Vectors                                                                */
/* ---------------------------------------------------------------------- */

typedef struct {
    uint32_t term;
    float weight;
} weighted;

static int cmp_weight_desc(const void *a, const void *b)
{
    const weighted *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return (x->term > y->term) - (x->term < y->term);
}

static int cmp_term(const void *a, const void *b)
{
    const weighted *x = a, *y = b;
    return (x->term > y->term) - (x->term < y->term);
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

int chorus__build_vectors(chorus__article **articles, size_t n, const chorus__vocab *vocab)
{
    size_t V = chorus__vocab_size(vocab);
    uint32_t *df = calloc(V + 1, sizeof *df);
    float *tf = calloc(V + 1, sizeof *tf);
    float *names = calloc(V + 1, sizeof *names);
    uint32_t *touched = malloc((V + 1) * sizeof *touched);
    weighted *w = malloc((V + 1) * sizeof *w);
    if (!df || !tf || !names || !touched || !w) {
        free(df), free(tf), free(names), free(touched), free(w);
        return CHORUS_ENOMEM;
    }
    size_t docs = 0;
    /* Document frequencies over the articles that are not copies. */
    for (size_t i = 0; i < n; i++) {
        const chorus__article *a = articles[i];
        if (a->duplicate_of >= 0)
            continue;
        docs++;
        size_t nt = 0;
        for (size_t k = 0; k < a->token_count; k++) {
            const chorus__token *t = &a->tokens[k];
            if (!content_token(t, vocab) || tf[t->term] != 0)
                continue;
            tf[t->term] = 1;
            touched[nt++] = t->term;
        }
        for (size_t k = 0; k < nt; k++) {
            df[touched[k]]++;
            tf[touched[k]] = 0;
        }
    }
    double N = docs > IDF_MIN_CORPUS ? (double)docs : IDF_MIN_CORPUS;

    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        chorus__article *a = articles[i];
        size_t nt = 0;
        /* Which tokens open a sentence: their capital says nothing. */
        size_t sent = 0;
        for (size_t k = 0; k < a->token_count; k++) {
            const chorus__token *t = &a->tokens[k];
            int in_title = k >= a->title_token_start;
            int first = 0;
            if (!in_title) {
                while (sent < a->sentence_count &&
                       k >= a->sentences[sent].tok_start + a->sentences[sent].tok_count)
                    sent++;
                first = sent < a->sentence_count && k == a->sentences[sent].tok_start;
            }
            if (!content_token(t, vocab))
                continue;
            if (tf[t->term] == 0 && names[t->term] == 0)
                touched[nt++] = t->term;
            tf[t->term] += in_title ? (float)TITLE_WEIGHT : 1.0f;
            if (!in_title && !first && (t->flags & CHORUS_TOK_CAP))
                names[t->term] += 1;
        }
        double norm = 0;
        for (size_t k = 0; k < nt; k++) {
            uint32_t term = touched[k];
            double idf = log((N + 1.0) / ((df[term] ? df[term] : 1) + 0.5));
            double weight = (1.0 + log(tf[term])) * idf;
            if (names[term] * 2 >= tf[term] && names[term] > 0)
                weight *= NAME_BOOST;
            w[k].term = term;
            w[k].weight = (float)weight;
            tf[term] = 0;
            names[term] = 0;
        }
        if (nt > VECTOR_MAX_TERMS) {
            qsort(w, nt, sizeof *w, cmp_weight_desc);
            nt = VECTOR_MAX_TERMS;
        }
        qsort(w, nt, sizeof *w, cmp_term);
        for (size_t k = 0; k < nt; k++)
            norm += (double)w[k].weight * w[k].weight;
        norm = sqrt(norm);
        a->vec.count = (uint32_t)nt;
        a->vec.terms = chorus__arena_alloc(&a->mem, (nt + 1) * sizeof *a->vec.terms);
        a->vec.weights = chorus__arena_alloc(&a->mem, (nt + 1) * sizeof *a->vec.weights);
        if (!a->vec.terms || !a->vec.weights) {
            rc = CHORUS_ENOMEM;
            break;
        }
        for (size_t k = 0; k < nt; k++) {
            a->vec.terms[k] = w[k].term;
            a->vec.weights[k] = norm > 0 ? (float)(w[k].weight / norm) : 0;
        }
    }
    free(df), free(tf), free(names), free(touched), free(w);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Stories                                                                */
/* ---------------------------------------------------------------------- */

typedef struct {
    uint32_t *terms; /* sum of member vectors, sorted by term */
    float *weights;
    size_t count, cap;
    double norm2;    /* squared norm of the sum */
    long first_day, last_day;
    int dated;
    size_t members;
} story;

typedef struct {
    uint32_t *ids;
    size_t count, cap;
} posting;

typedef struct {
    chorus__article **articles;
    size_t n;
    story *stories;
    size_t story_count, story_cap;
    posting *postings; /* by term id */
    size_t *stamp;     /* per story: last article that looked at it */
    float *overlap;    /* per story: weight of the article's terms it shares */
    size_t stamp_cap, overlap_cap;
    uint32_t *cands;
    size_t cand_count, cand_cap;
    const chorus__cluster_params *params;
    float *dense; /* the current article's weights by term, zero elsewhere */
} clusterer;

static int article_day(const chorus__article *a, long *day)
{
    if (a->published.precision < CHORUS_DATE_DAY)
        return 0;
    *day = chorus__date_days(&a->published);
    return 1;
}

/* The dot product of an article vector with a story's sum vector, with the
 * article's weights scattered in `dense` (indexed by term): one pass over the
 * story's terms, without the branches of a sorted merge. */
static double story_dot(const story *s, const float *dense)
{
    double dot = 0;
    for (size_t i = 0; i < s->count; i++)
        dot += (double)s->weights[i] * dense[s->terms[i]];
    return dot;
}

static void scatter(float *dense, const chorus__termvec *v, int on)
{
    for (uint32_t k = 0; k < v->count; k++)
        dense[v->terms[k]] = on ? v->weights[k] : 0.0f;
}

/* Adds sign * v to the story's sum and keeps the inverted index current. */
static int story_add(clusterer *c, uint32_t sid, const chorus__termvec *v, float sign)
{
    story *s = &c->stories[sid];
    scatter(c->dense, v, 1);
    double dot = story_dot(s, c->dense);
    scatter(c->dense, v, 0);
    size_t need = s->count + v->count;
    uint32_t *nt = malloc((need + 1) * sizeof *nt);
    float *nw = malloc((need + 1) * sizeof *nw);
    if (!nt || !nw) {
        free(nt), free(nw);
        return CHORUS_ENOMEM;
    }
    size_t i = 0, j = 0, k = 0;
    while (i < s->count || j < v->count) {
        if (j >= v->count || (i < s->count && s->terms[i] < v->terms[j])) {
            nt[k] = s->terms[i];
            nw[k++] = s->weights[i++];
        } else if (i >= s->count || s->terms[i] > v->terms[j]) {
            nt[k] = v->terms[j];
            nw[k++] = sign * v->weights[j];
            /* A term new to the story: index the story under it. */
            posting *p = &c->postings[v->terms[j]];
            if (sign > 0 && (p->count == 0 || p->ids[p->count - 1] != sid) &&
                CHORUS_PUSH(p->ids, p->count, p->cap, sid)) {
                free(nt), free(nw);
                return CHORUS_ENOMEM;
            }
            j++;
        } else {
            nt[k] = s->terms[i];
            nw[k++] = s->weights[i++] + sign * v->weights[j++];
        }
    }
    free(s->terms);
    free(s->weights);
    s->terms = nt;
    s->weights = nw;
    s->count = k;
    s->cap = need + 1;
    /* |S + v|^2 = |S|^2 + 2 S.v + |v|^2, with |v| = 1. */
    s->norm2 += sign * 2 * dot + 1.0;
    if (s->norm2 < 1e-9)
        s->norm2 = 0;
    return 0;
}

static double time_factor(const clusterer *c, const story *s, const chorus__article *a)
{
    long day;
    if (!s->dated || !article_day(a, &day))
        return 1.0;
    long gap = day < s->first_day ? s->first_day - day : day > s->last_day ? day - s->last_day : 0;
    if (gap <= 1)
        return 1.0;
    return exp(-(double)(gap - 1) / c->params->window_days);
}

/* Similarity of article `a` (scattered in c->dense) to story `sid`. */
static double similarity(const clusterer *c, uint32_t sid, const chorus__article *a, int member)
{
    const story *s = &c->stories[sid];
    double dot = story_dot(s, c->dense), norm2 = s->norm2;
    if (member) {
        /* Compare with the story as it would be without this article. */
        norm2 -= 2 * dot - 1.0;
        dot -= 1.0;
        if (s->members <= 1 || norm2 <= 1e-9)
            return 0;
    }
    if (norm2 <= 0)
        return 0;
    return dot / sqrt(norm2) * time_factor(c, s, a);
}

/* Stories sharing one of the article's heaviest terms. */
static int candidates(clusterer *c, const chorus__article *a, size_t stamp)
{
    weighted top[LOOKUP_TERMS];
    size_t nt = 0;
    for (uint32_t k = 0; k < a->vec.count; k++) {
        weighted x = {a->vec.terms[k], a->vec.weights[k]};
        if (nt < LOOKUP_TERMS) {
            top[nt++] = x;
            continue;
        }
        size_t min = 0;
        for (size_t m = 1; m < nt; m++)
            if (top[m].weight < top[min].weight)
                min = m;
        if (x.weight > top[min].weight)
            top[min] = x;
    }
    c->cand_count = 0;
    for (size_t k = 0; k < nt; k++) {
        const posting *p = &c->postings[top[k].term];
        size_t from = p->count > LOOKUP_RECENT ? p->count - LOOKUP_RECENT : 0;
        for (size_t m = p->count; m-- > from;) {
            uint32_t sid = p->ids[m];
            if (c->stamp[sid] != stamp) {
                c->stamp[sid] = stamp;
                c->overlap[sid] = 0;
                if (CHORUS_PUSH(c->cands, c->cand_count, c->cand_cap, sid))
                    return CHORUS_ENOMEM;
            }
            c->overlap[sid] += top[k].weight;
        }
    }
    /* Keep the candidates sharing the most: computing a full similarity
     * costs a pass over the story's terms. */
    if (c->cand_count > MAX_CANDIDATES) {
        for (size_t i = 0; i < MAX_CANDIDATES; i++) {
            size_t best = i;
            for (size_t j = i + 1; j < c->cand_count; j++)
                if (c->overlap[c->cands[j]] > c->overlap[c->cands[best]] ||
                    (c->overlap[c->cands[j]] == c->overlap[c->cands[best]] &&
                     c->cands[j] < c->cands[best]))
                    best = j;
            uint32_t tmp = c->cands[i];
            c->cands[i] = c->cands[best];
            c->cands[best] = tmp;
        }
        c->cand_count = MAX_CANDIDATES;
    }
    return 0;
}

static void story_note_date(story *s, const chorus__article *a)
{
    long day;
    if (!article_day(a, &day))
        return;
    if (!s->dated || day < s->first_day)
        s->first_day = day;
    if (!s->dated || day > s->last_day)
        s->last_day = day;
    s->dated = 1;
}

static long new_story(clusterer *c)
{
    story empty = {0};
    if (CHORUS_PUSH(c->stories, c->story_count, c->story_cap, empty))
        return CHORUS_ENOMEM;
    if (chorus__grow((void **)&c->stamp, &c->stamp_cap, c->story_count, sizeof *c->stamp) ||
        chorus__grow((void **)&c->overlap, &c->overlap_cap, c->story_count, sizeof *c->overlap))
        return CHORUS_ENOMEM;
    c->stamp[c->story_count - 1] = (size_t)-1;
    return (long)c->story_count - 1;
}

typedef struct {
    chorus__article *a;
    long day;
    int dated;
} order_key;

static int cmp_order_key(const void *x, const void *y)
{
    const order_key *p = x, *q = y;
    if (p->dated != q->dated)
        return q->dated - p->dated; /* dated first */
    if (p->dated && p->day != q->day)
        return (p->day > q->day) - (p->day < q->day);
    if (p->a->content_hash != q->a->content_hash)
        return (p->a->content_hash > q->a->content_hash) - (p->a->content_hash < q->a->content_hash);
    return (p->a->index > q->a->index) - (p->a->index < q->a->index);
}

typedef struct {
    size_t size;
    size_t first_index;
    uint32_t id;
} story_rank;

static int cmp_rank(const void *x, const void *y)
{
    const story_rank *p = x, *q = y;
    if (p->size != q->size)
        return p->size < q->size ? 1 : -1;
    if (p->first_index != q->first_index)
        return (p->first_index > q->first_index) - (p->first_index < q->first_index);
    return (p->id > q->id) - (p->id < q->id);
}

long chorus__cluster(chorus__article **articles, size_t n, size_t vocab_size,
                     const chorus__cluster_params *params)
{
    if (n == 0)
        return 0;
    if (params->one_story) {
        for (size_t i = 0; i < n; i++)
            articles[i]->story = 0;
        return 1;
    }
    clusterer c = {0};
    c.articles = articles;
    c.n = n;
    c.params = params;
    c.postings = calloc(vocab_size + 1, sizeof *c.postings);
    c.dense = calloc(vocab_size + 1, sizeof *c.dense);
    order_key *order = malloc(n * sizeof *order);
    size_t *assign = malloc(n * sizeof *assign);
    long rc = (!c.postings || !c.dense || !order || !assign) ? CHORUS_ENOMEM : 0;
    size_t m = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        if (articles[i]->duplicate_of >= 0)
            continue;
        order[m].a = articles[i];
        order[m].dated = article_day(articles[i], &order[m].day);
        m++;
    }
    if (!rc)
        qsort(order, m, sizeof *order, cmp_order_key);

    /* First pass: each article joins its most similar story or opens one. */
    for (size_t k = 0; !rc && k < m; k++) {
        chorus__article *a = order[k].a;
        rc = candidates(&c, a, k);
        double best = 0;
        long best_id = -1;
        scatter(c.dense, &a->vec, 1);
        for (size_t q = 0; !rc && q < c.cand_count; q++) {
            double sim = similarity(&c, c.cands[q], a, 0);
            if (sim > best || (sim == best && best_id >= 0 && c.cands[q] < (uint32_t)best_id)) {
                best = sim;
                best_id = c.cands[q];
            }
        }
        scatter(c.dense, &a->vec, 0);
        if (rc)
            break;
        if (best_id < 0 || best < params->threshold) {
            best_id = new_story(&c);
            if (best_id < 0) {
                rc = best_id;
                break;
            }
        }
        a->story = (size_t)best_id;
        rc = story_add(&c, (uint32_t)best_id, &a->vec, 1.0f);
        c.stories[best_id].members++;
        story_note_date(&c.stories[best_id], a);
    }

    /* Second pass: an article that came before its story's other articles
     * was judged against less; move it where it now fits best. */
    for (size_t k = 0; !rc && k < m; k++) {
        chorus__article *a = order[k].a;
        rc = candidates(&c, a, m + k);
        if (rc)
            break;
        uint32_t cur = (uint32_t)a->story;
        scatter(c.dense, &a->vec, 1);
        double cur_sim = similarity(&c, cur, a, 1);
        double best = cur_sim;
        long best_id = -1;
        for (size_t q = 0; q < c.cand_count; q++) {
            uint32_t sid = c.cands[q];
            if (sid == cur || c.stories[sid].members == 0)
                continue;
            double sim = similarity(&c, sid, a, 0);
            if (sim > best + MOVE_MARGIN && sim >= params->threshold) {
                best = sim;
                best_id = sid;
            }
        }
        scatter(c.dense, &a->vec, 0);
        if (best_id < 0)
            continue;
        rc = story_add(&c, cur, &a->vec, -1.0f);
        if (!rc)
            rc = story_add(&c, (uint32_t)best_id, &a->vec, 1.0f);
        c.stories[cur].members--;
        c.stories[best_id].members++;
        a->story = (size_t)best_id;
        story_note_date(&c.stories[best_id], a);
    }

    /* Copies join the story of what they copy; stories are renumbered
     * largest first, ties by first article read. */
    long count = 0;
    if (!rc) {
        for (size_t i = 0; i < n; i++)
            if (articles[i]->duplicate_of >= 0)
                articles[i]->story = articles[articles[i]->duplicate_of]->story;
        story_rank *rank = calloc(c.story_count + 1, sizeof *rank);
        if (!rank) {
            rc = CHORUS_ENOMEM;
        } else {
            for (size_t s = 0; s < c.story_count; s++) {
                rank[s].id = (uint32_t)s;
                rank[s].first_index = (size_t)-1;
            }
            for (size_t i = 0; i < n; i++) {
                story_rank *r = &rank[articles[i]->story];
                r->size++;
                if (articles[i]->index < r->first_index)
                    r->first_index = articles[i]->index;
            }
            qsort(rank, c.story_count, sizeof *rank, cmp_rank);
            for (size_t s = 0; s < c.story_count; s++) {
                assign[rank[s].id] = rank[s].size ? (size_t)count : (size_t)-1;
                if (rank[s].size)
                    count++;
            }
            for (size_t i = 0; i < n; i++)
                articles[i]->story = assign[articles[i]->story];
            free(rank);
        }
    }

    for (size_t s = 0; s < c.story_count; s++) {
        free(c.stories[s].terms);
        free(c.stories[s].weights);
    }
    for (size_t t = 0; c.postings && t <= vocab_size; t++)
        free(c.postings[t].ids);
    free(c.postings);
    free(c.dense);
    free(c.stories);
    free(c.stamp);
    free(c.overlap);
    free(c.cands);
    free(order);
    free(assign);
    return rc ? rc : count;
}
