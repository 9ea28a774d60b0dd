/* cluster.c - weighting articles' terms and grouping articles into stories.
 *
 * The grouping follows streaming news clustering (Miranda et al. 2018): an
 * article is compared with the centroids of stories, never with every other
 * article, and stories are found through an inverted index from terms to the
 * stories whose centroid holds them. Similarity is the cosine of TF-IDF
 * vectors, damped by the gap between the article's date and the story's
 * dates, so that the same topic weeks apart makes two stories. */
#include "cluster.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "util.h"

/* IDF behaves as if the corpus had at least this many articles, so that in a
 * small corpus the words every article shares still count. */
#define IDF_MIN_CORPUS 50.0
/* Extra weight of a term that reads as a name. */
#define NAME_BOOST 1.5
/* Share of its weight a term keeps when no other article has it. Such a
 * word cannot tie its article to any other, yet at full weight it makes up
 * much of the norm of a long, specific report (the quoted bystander, the
 * street, the figure only it gives), whose cosine with its own story then
 * falls below that of a short, generic one, and takes the places of shared
 * words among the heaviest terms a vector keeps. Dropped altogether, an
 * article whose only shared words are common ones would match whatever
 * story has them as if it were a copy. Among fewer than IDF_MIN_CORPUS
 * articles, being the only one with a word says little of the word, and
 * all keep their weight (a plain vector). */
#define UNSHARED_WEIGHT 0.3
/* The threshold a plain vector is held to, as a share of the threshold
 * given: lowering the unshared words raises the cosines of reports of one
 * story (by 1.28 at the median, over the pairs of Multi-News stories), so
 * the threshold is set for such cosines, and plain ones are held to two
 * thirds of it (0.2 at the default 0.3). */
#define PLAIN_SHARE (2.0 / 3.0)
/* Terms of an article used to look up candidate stories. */
#define LOOKUP_TERMS 16
/* Terms of a story's sum used to look up the stories it may join (see
 * story_fold()): a sum holds the words of all its articles, and the words
 * two sides of a story share can come after each side's own. */
#define FOLD_LOOKUP_TERMS 64
/* Most recent stories looked at per term: bounds the work on common terms
 * and favours recent stories. */
#define LOOKUP_RECENT 400
/* Candidate stories compared in full with an article: those sharing the
 * most weight of its heaviest terms. */
#define MAX_CANDIDATES 12
/* A move in the second pass must gain at least this much similarity. */
#define MOVE_MARGIN 0.02
/* An article left alone after the first pass joins its nearest story on
 * this share of the threshold, when that story is this many times as
 * similar as the next nearest. Alone, the article says that no story
 * reached the threshold, not that it belongs to none: a report that
 * covers its event from another side (reactions, a profile, a follow-up)
 * shares less with the story than the story's articles share among
 * themselves. What sets such a report apart from one on another event is
 * that one story is clearly nearer than the rest; an article as far from
 * every story stays alone. */
#define ALONE_SHARE 0.6
#define ALONE_RATIO 1.5
/* Two stories become one when the cosine of their sums reaches FOLD_FACTOR
 * times the threshold and their articles are, on average, at least
 * FOLD_COHESION times as close across the two as within each (see
 * story_fold()). */
#define FOLD_FACTOR 1.5
#define FOLD_COHESION 0.5
/* Terms of a text held to the threshold as given: half a full vector, an
 * article of about 150 words. Shorter texts are held to less (see
 * join_threshold()), by their share of these terms raised to
 * SHORT_TEXT_POWER. */
#define THRESHOLD_TERMS 60
#define SHORT_TEXT_POWER 0.75
/* Recent additions to a story kept unsorted before they are merged. */
#define RECENT_MIN 64

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

int chorus__df_add(chorus__df *df, const chorus__article *a)
{
    for (uint32_t k = 0; k < a->feature_count; k++) {
        uint32_t t = a->features[k].term;
        if (chorus__grow_zeroed((void **)&df->counts, &df->cap, (size_t)t + 1, sizeof *df->counts))
            return CHORUS_ENOMEM;
        df->counts[t]++;
    }
    df->docs++;
    return 0;
}

void chorus__df_remove(chorus__df *df, const chorus__article *a)
{
    for (uint32_t k = 0; k < a->feature_count; k++) {
        uint32_t t = a->features[k].term;
        if (t < df->cap && df->counts[t])
            df->counts[t]--;
    }
    if (df->docs)
        df->docs--;
}

void chorus__df_free(chorus__df *df)
{
    free(df->counts);
    memset(df, 0, sizeof *df);
}

int chorus__article_vector(chorus__article *a, const chorus__df *df)
{
    double N = df->docs > IDF_MIN_CORPUS ? (double)df->docs : IDF_MIN_CORPUS;
    int plain = df->docs < IDF_MIN_CORPUS;
    /* Copies and notices are not counted in `df`: for them, one count of a
     * term is another article's. */
    uint32_t own = a->duplicate_of < 0 && !a->non_article;
    size_t nt = a->feature_count;
    weighted *w = malloc((nt + 1) * sizeof *w);
    if (!w)
        return CHORUS_ENOMEM;
    for (size_t k = 0; k < nt; k++) {
        const chorus__feature *f = &a->features[k];
        uint32_t n = f->term < df->cap ? df->counts[f->term] : 0;
        double idf = log((N + 1.0) / ((n ? n : 1) + 0.5));
        double weight = (1.0 + log((double)f->count)) * idf;
        if (f->names > 0 && (uint32_t)f->names * 2 >= f->count)
            weight *= NAME_BOOST;
        if (n <= own && !plain)
            weight *= UNSHARED_WEIGHT;
        w[k].term = f->term;
        w[k].weight = (float)weight;
    }
    if (nt > CHORUS_VECTOR_MAX_TERMS) {
        qsort(w, nt, sizeof *w, cmp_weight_desc);
        nt = CHORUS_VECTOR_MAX_TERMS;
        qsort(w, nt, sizeof *w, cmp_term);
    }
    double norm = 0;
    for (size_t k = 0; k < nt; k++)
        norm += (double)w[k].weight * w[k].weight;
    norm = sqrt(norm);
    a->vec.count = (uint32_t)nt;
    a->vec.plain = plain;
    a->vec.terms = chorus__arena_alloc(&a->mem, (nt + 1) * sizeof *a->vec.terms);
    a->vec.weights = chorus__arena_alloc(&a->mem, (nt + 1) * sizeof *a->vec.weights);
    if (!a->vec.terms || !a->vec.weights) {
        free(w);
        return CHORUS_ENOMEM;
    }
    for (size_t k = 0; k < nt; k++) {
        a->vec.terms[k] = w[k].term;
        a->vec.weights[k] = norm > 0 ? (float)(w[k].weight / norm) : 0;
    }
    free(w);
    return 0;
}

int chorus__build_vectors(chorus__article **articles, size_t n)
{
    /* Document frequencies over the articles that are neither copies nor
     * notices: a notice repeated across the input would make its words
     * look common. */
    chorus__df df = {0};
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++)
        if (articles[i]->duplicate_of < 0 && !articles[i]->non_article)
            rc = chorus__df_add(&df, articles[i]);
    for (size_t i = 0; !rc && i < n; i++)
        rc = chorus__article_vector(articles[i], &df);
    chorus__df_free(&df);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Stories                                                                */
/* ---------------------------------------------------------------------- */

/* A story's centroid is the sum of its members' vectors: a part sorted by
 * term, and the latest additions unsorted, merged in when they grow to half
 * the sorted part, so that adding to a story of thousands of terms costs
 * about the size of the article, not of the story. */
typedef struct {
    uint32_t *terms; /* sorted */
    float *weights;
    uint32_t count;
    weighted *recent; /* unsorted additions */
    uint32_t recent_count, recent_cap;
    double norm2; /* squared norm of the sum */
    long first_day, last_day; /* of its dated members */
    int dated;
    int plain; /* opened by a plain vector (see UNSHARED_WEIGHT) */
    long last_pos; /* the latest day a member was placed at (see article.h) */
    int closed; /* out of the window: no article can join it any more */
    int folded;    /* joined story `into` (see story_fold()) */
    uint32_t into;
    size_t members;
    uint32_t pending; /* members not looked at a second time yet */
    /* The members themselves, kept only when closed stories are handed on
     * (a stream); otherwise the articles' story fields tell. */
    chorus__article **list;
    size_t list_count, list_cap;
} story;

typedef struct {
    uint32_t *ids;
    size_t count, cap;
} posting;

struct chorus__clusterer {
    story *stories;
    size_t story_count, story_cap;
    posting *postings; /* by term id */
    float *dense;      /* the current article's weights by term, zero elsewhere */
    size_t postings_cap, dense_cap; /* terms the two arrays above have room for */
    size_t *stamp;     /* per story: last lookup that looked at it */
    uint32_t *term_seen; /* per story: the lookup term that last counted it */
    float *overlap;    /* per story: weight of the article's terms it shares */
    size_t stamp_cap, term_seen_cap, overlap_cap;
    size_t lookups;    /* lookups so far: each one's stamp */
    uint32_t *cands;
    size_t cand_count, cand_cap;
    uint32_t *open; /* stories not closed yet */
    size_t open_count, open_cap;
    /* Articles placed and not looked at a second time yet, in the order
     * placed: queue[queue_head, queue_count). */
    chorus__article **queue;
    size_t queue_head, queue_count, queue_cap;
    long now;          /* the latest day placed */
    int dated;         /* a dated article was placed: `now` holds */
    long closed_up_to; /* stories older than this are closed */
    long horizon; /* days after which a story can no longer be joined */
    /* Undated articles are to come after the dated ones (a whole run):
     * closed stories keep their sums, and once the undated articles come
     * (`undated`), every story is open to them (see chorus__cluster()). */
    int keep_closed, undated;
    /* Dated articles still alone after their second look, in keep_closed:
     * they look once more when the undated articles have come. */
    chorus__article **lone;
    size_t lone_count, lone_cap;
    chorus__cluster_params params;
    chorus__story_closed_fn on_close;
    void *on_close_data;
    weighted *merge; /* scratch for merging */
    size_t merge_cap;
};
typedef chorus__clusterer clusterer;

static int article_day(const chorus__article *a, long *day)
{
    *day = a->day;
    return a->day_known;
}

/* The first position in terms[lo, hi) (sorted) holding a term not below t. */
static uint32_t lower_bound(const uint32_t *terms, uint32_t lo, uint32_t hi, uint32_t t)
{
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (terms[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The dot product of article vector `v` (also scattered in `dense`) with a
 * story's sum: a pass over a small sorted part, a binary search per article
 * term in a large one, and a pass over the recent additions. */
static double story_dot(const story *s, const chorus__termvec *v, const float *dense)
{
    double dot = 0;
    if (s->count <= 4 * (size_t)v->count) {
        for (uint32_t i = 0; i < s->count; i++)
            dot += (double)s->weights[i] * dense[s->terms[i]];
    } else {
        uint32_t lo = 0;
        for (uint32_t k = 0; k < v->count; k++) {
            uint32_t t = v->terms[k];
            lo = lower_bound(s->terms, lo, s->count, t);
            if (lo < s->count && s->terms[lo] == t)
                dot += (double)s->weights[lo] * v->weights[k];
        }
    }
    for (uint32_t i = 0; i < s->recent_count; i++)
        dot += (double)s->recent[i].weight * dense[s->recent[i].term];
    return dot;
}

static void scatter(float *dense, const chorus__termvec *v, int on)
{
    for (uint32_t k = 0; k < v->count; k++)
        dense[v->terms[k]] = on ? v->weights[k] : 0.0f;
}

static int in_sorted(const story *s, uint32_t t)
{
    uint32_t at = lower_bound(s->terms, 0, s->count, t);
    return at < s->count && s->terms[at] == t;
}

/* Folds a story's recent additions into its sorted part; terms whose weight
 * fell to nothing (articles moved out) are dropped. */
static int story_merge(clusterer *c, story *s)
{
    if (chorus__grow((void **)&c->merge, &c->merge_cap, s->recent_count + 1, sizeof *c->merge))
        return CHORUS_ENOMEM;
    memcpy(c->merge, s->recent, s->recent_count * sizeof *c->merge);
    qsort(c->merge, s->recent_count, sizeof *c->merge, cmp_term);
    size_t need = (size_t)s->count + s->recent_count + 1;
    uint32_t *nt = malloc(need * sizeof *nt);
    float *nw = malloc(need * sizeof *nw);
    if (!nt || !nw) {
        free(nt), free(nw);
        return CHORUS_ENOMEM;
    }
    size_t i = 0, j = 0, k = 0;
    while (i < s->count || j < s->recent_count) {
        uint32_t t;
        float w;
        if (j >= s->recent_count || (i < s->count && s->terms[i] < c->merge[j].term)) {
            t = s->terms[i];
            w = s->weights[i++];
        } else {
            t = c->merge[j].term;
            w = 0;
            if (i < s->count && s->terms[i] == t)
                w = s->weights[i++];
            while (j < s->recent_count && c->merge[j].term == t)
                w += c->merge[j++].weight;
        }
        if (fabsf(w) > 1e-6f) {
            nt[k] = t;
            nw[k++] = w;
        }
    }
    free(s->terms);
    free(s->weights);
    s->terms = nt;
    s->weights = nw;
    s->count = (uint32_t)k;
    s->recent_count = 0;
    return 0;
}

/* Indexes story `sid` under term t, after dropping closed stories from a
 * full posting list. */
static int posting_add(clusterer *c, uint32_t t, uint32_t sid)
{
    posting *p = &c->postings[t];
    if (p->count && p->ids[p->count - 1] == sid)
        return 0;
    if (p->count == p->cap && p->count >= 64 && !c->undated) {
        size_t m = 0;
        for (size_t i = 0; i < p->count; i++)
            if (!c->stories[p->ids[i]].closed)
                p->ids[m++] = p->ids[i];
        p->count = m;
    }
    return CHORUS_PUSH(p->ids, p->count, p->cap, sid) ? CHORUS_ENOMEM : 0;
}

/* Adds sign * v to the story's sum and keeps the inverted index current;
 * v must be scattered in c->dense, and v_norm2 is its squared norm (1 for
 * an article's vector). */
static int story_add(clusterer *c, uint32_t sid, const chorus__termvec *v, double v_norm2, float sign)
{
    story *s = &c->stories[sid];
    double dot = story_dot(s, v, c->dense);
    size_t need = (size_t)s->recent_count + v->count + 1;
    if (need > s->recent_cap) {
        size_t cap = s->recent_cap ? s->recent_cap : 64;
        while (cap < need)
            cap *= 2;
        weighted *r = realloc(s->recent, cap * sizeof *r);
        if (!r)
            return CHORUS_ENOMEM;
        s->recent = r;
        s->recent_cap = (uint32_t)cap;
    }
    for (uint32_t k = 0; k < v->count; k++) {
        /* A term new to the story: index the story under it. A term met
         * only among the recent additions may be indexed twice; lookups
         * count a story once per term. */
        if (sign > 0 && !in_sorted(s, v->terms[k]) && posting_add(c, v->terms[k], sid))
            return CHORUS_ENOMEM;
        s->recent[s->recent_count++] = (weighted){v->terms[k], sign * v->weights[k]};
    }
    /* |S + v|^2 = |S|^2 + 2 S.v + |v|^2. */
    s->norm2 += sign * 2 * dot + v_norm2;
    if (s->norm2 < 1e-9)
        s->norm2 = 0;
    if (s->recent_count >= RECENT_MIN && s->recent_count * 2 >= s->count)
        return story_merge(c, s);
    return 0;
}

/* How much a gap of `gap` days between an article or story and a story
 * leaves of their similarity: a day's gap costs nothing, since a story
 * reported late in one place and early in another spans two dates. */
static double gap_factor(const clusterer *c, long gap)
{
    if (gap <= 1)
        return 1.0;
    return exp(-(double)(gap - 1) / c->params.window_days);
}

static double time_factor(const clusterer *c, const story *s, const chorus__article *a)
{
    long day;
    if (!s->dated || !article_day(a, &day))
        return 1.0;
    return gap_factor(c, day < s->first_day ? s->first_day - day : day > s->last_day ? day - s->last_day : 0);
}

/* Similarity of article `a` (scattered in c->dense) to story `sid`. */
static double similarity(const clusterer *c, uint32_t sid, const chorus__article *a, int member)
{
    const story *s = &c->stories[sid];
    double dot = story_dot(s, &a->vec, c->dense), norm2 = s->norm2;
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

/* Is candidate x ranked above y: more shared weight, then the older story. */
static int ranks_above(const clusterer *c, uint32_t x, uint32_t y)
{
    return c->overlap[x] > c->overlap[y] || (c->overlap[x] == c->overlap[y] && x < y);
}

/* Open stories (closed ones too with `closed_too`, for an undated article:
 * see chorus__clusterer_keep_closed()) sharing one of the heaviest terms of
 * v (an article's vector or a story's sum): the MAX_CANDIDATES sharing the
 * most weight, best first. */
static int candidates(clusterer *c, const chorus__termvec *v, size_t lookup_terms, size_t stamp, int closed_too)
{
    weighted top[FOLD_LOOKUP_TERMS];
    size_t nt = 0;
    for (uint32_t k = 0; k < v->count; k++) {
        weighted x = {v->terms[k], v->weights[k]};
        if (nt < lookup_terms) {
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
            if (c->stories[sid].closed && !closed_too)
                continue;
            if (c->stamp[sid] != stamp) {
                c->stamp[sid] = stamp;
                c->overlap[sid] = 0;
                c->term_seen[sid] = (uint32_t)k;
                if (CHORUS_PUSH(c->cands, c->cand_count, c->cand_cap, sid))
                    return CHORUS_ENOMEM;
            } else if (c->term_seen[sid] == k) {
                continue; /* indexed twice under this term */
            }
            c->term_seen[sid] = (uint32_t)k;
            c->overlap[sid] += top[k].weight;
        }
    }
    /* Keep the candidates sharing the most: a full similarity costs more.
     * An insertion into a short ranked list, in one pass. */
    size_t kept = 0;
    uint32_t best[MAX_CANDIDATES];
    for (size_t i = 0; i < c->cand_count; i++) {
        uint32_t sid = c->cands[i];
        if (kept == MAX_CANDIDATES && !ranks_above(c, sid, best[kept - 1]))
            continue;
        size_t at = kept < MAX_CANDIDATES ? kept++ : kept - 1;
        while (at > 0 && ranks_above(c, sid, best[at - 1])) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = sid;
    }
    if (kept)
        memcpy(c->cands, best, kept * sizeof *best);
    c->cand_count = kept;
    return 0;
}

static void story_note_date(story *s, const chorus__article *a)
{
    if (a->day > s->last_pos)
        s->last_pos = a->day;
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
        chorus__grow((void **)&c->term_seen, &c->term_seen_cap, c->story_count, sizeof *c->term_seen) ||
        chorus__grow((void **)&c->overlap, &c->overlap_cap, c->story_count, sizeof *c->overlap))
        return CHORUS_ENOMEM;
    c->stamp[c->story_count - 1] = (size_t)-1;
    c->stories[c->story_count - 1].last_pos = LONG_MIN;
    if (CHORUS_PUSH(c->open, c->open_count, c->open_cap, (uint32_t)(c->story_count - 1)))
        return CHORUS_ENOMEM;
    return (long)c->story_count - 1;
}

typedef struct {
    chorus__article *a;
    long day;
    int dated;
} placing;

uint64_t chorus__order_key(uint64_t content_hash, unsigned seed)
{
    if (!seed)
        return content_hash;
    /* A full mix (the finaliser of MurmurHash3), so that every seed gives
     * an order unrelated to the others. */
    uint64_t h = content_hash ^ ((uint64_t)seed * 0x9E3779B97F4A7C15ull);
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 33);
}

static int cmp_placing(const void *x, const void *y)
{
    const placing *p = x, *q = y;
    if (p->dated != q->dated)
        return q->dated - p->dated; /* dated first */
    if (p->dated && p->day != q->day)
        return (p->day > q->day) - (p->day < q->day);
    if (p->a->order_key != q->a->order_key)
        return (p->a->order_key > q->a->order_key) - (p->a->order_key < q->a->order_key);
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

/* Frees a story's centroid once no article can join it, and hands its
 * members on when someone waits for them: what keeps the memory of a long
 * stream bounded by the window rather than the input. */
static int story_close(clusterer *c, uint32_t sid)
{
    story *s = &c->stories[sid];
    s->closed = 1;
    if (c->keep_closed)
        return 0;
    free(s->terms);
    free(s->weights);
    free(s->recent);
    s->terms = NULL;
    s->weights = NULL;
    s->recent = NULL;
    s->count = s->recent_count = s->recent_cap = 0;
    int rc = 0;
    if (c->on_close && s->list_count)
        rc = c->on_close(c->on_close_data, s->list, s->list_count);
    free(s->list);
    s->list = NULL;
    s->list_count = s->list_cap = 0;
    return rc;
}

/* The mean cosine between the members of a story of n >= 2 articles: the
 * squared norm of a sum of n unit vectors is n plus twice the sum of their
 * pairwise cosines. */
static double story_cohesion(const story *s)
{
    double n = (double)s->members;
    return n >= 2 ? (s->norm2 - n) / (n * (n - 1)) : 0;
}

/* A story about to close joins the open story nearest to it when the two
 * are alike as wholes and article by article. Each article was held to the
 * threshold against a story as it stood when the article came, so an event
 * told from several sides (the announcement, the reactions, the reviews)
 * can grow as two stories side by side, each too far from any one article
 * of the other, while the two stories, every side of each counted, say the
 * same. As wholes: the cosine of their sums, damped by the gap between their
 * dates, reaches FOLD_FACTOR times the threshold. Article by article: the
 * mean cosine between a member of one and a member of the other is at
 * least FOLD_COHESION of the mean within each (their geometric mean); a
 * sum's cosine alone grows with the stories' sizes, and would make one of
 * two large stories on one topic, such as two budget fights in one week. */
static int story_fold(clusterer *c, uint32_t sid)
{
    story *s = &c->stories[sid];
    double within_s = story_cohesion(s), need = c->params.threshold * FOLD_FACTOR * (s->plain ? PLAIN_SHARE : 1);
    if (within_s <= 0 || c->params.threshold >= 1)
        return 0;
    if (s->recent_count && story_merge(c, s))
        return CHORUS_ENOMEM;
    chorus__termvec v = {s->terms, s->weights, s->count, s->plain};
    int rc = candidates(c, &v, FOLD_LOOKUP_TERMS, ++c->lookups, 0);
    if (rc)
        return rc;
    scatter(c->dense, &v, 1);
    double best = 0;
    long best_id = -1;
    for (size_t q = 0; q < c->cand_count; q++) {
        uint32_t tid = c->cands[q];
        const story *t = &c->stories[tid];
        double within_t = story_cohesion(t);
        if (tid == sid || within_t <= 0)
            continue;
        double dot = story_dot(t, &v, c->dense), damp = 1.0;
        if (s->dated && t->dated)
            damp = gap_factor(c, s->first_day > t->last_day   ? s->first_day - t->last_day
                                 : t->first_day > s->last_day ? t->first_day - s->last_day
                                                              : 0);
        double sim = dot / sqrt(t->norm2 * s->norm2) * damp;
        double across = dot / ((double)s->members * (double)t->members) * damp;
        if (sim < need || across < FOLD_COHESION * sqrt(within_s * within_t))
            continue;
        if (sim > best || (sim == best && tid < (uint32_t)best_id)) {
            best = sim;
            best_id = tid;
        }
    }
    if (best_id >= 0) {
        story *t = &c->stories[best_id];
        rc = story_add(c, (uint32_t)best_id, &v, s->norm2, 1.0f);
        t->members += s->members;
        s->members = 0;
        s->folded = 1;
        s->into = (uint32_t)best_id;
        if (s->last_pos > t->last_pos)
            t->last_pos = s->last_pos;
        if (s->dated) {
            if (!t->dated || s->first_day < t->first_day)
                t->first_day = s->first_day;
            if (!t->dated || s->last_day > t->last_day)
                t->last_day = s->last_day;
            t->dated = 1;
        }
        for (size_t i = 0; !rc && i < s->list_count; i++) {
            s->list[i]->story = (size_t)best_id;
            if (CHORUS_PUSH(t->list, t->list_count, t->list_cap, s->list[i]))
                rc = CHORUS_ENOMEM;
        }
        s->list_count = 0;
    }
    scatter(c->dense, &v, 0);
    return rc;
}

/* Closes the open stories whose last article was placed before `day` and
 * whose every member has had its second look. */
static int close_before(clusterer *c, long day)
{
    size_t m = 0;
    int rc = 0;
    for (size_t i = 0; i < c->open_count; i++) {
        story *s = &c->stories[c->open[i]];
        if (!rc && s->last_pos < day && s->pending == 0) {
            rc = story_fold(c, c->open[i]);
            if (!rc)
                rc = story_close(c, c->open[i]);
        } else {
            c->open[m++] = c->open[i];
        }
    }
    c->open_count = m;
    return rc;
}

/* The similarity article `a` needs to join a story: the threshold, or
 * PLAIN_SHARE of it for a plain vector. Take a text as k terms drawn from
 * its story's vocabulary: its expected cosine with the story grows as
 * sqrt(k), so a headline of 6 terms scores about a third of what a 60-term
 * brief scores against the same story, and would never join at a
 * threshold meant for articles. The threshold holds as given for texts of
 * THRESHOLD_TERMS terms or more, like most articles it was set on; for a
 * shorter text its odds t / (1 - t) are scaled by
 * (k / THRESHOLD_TERMS)^SHORT_TEXT_POWER, a steeper fall than sqrt(k)
 * since a headline's few words are the ones its story is told in: at the
 * default 0.3 a headline of 5 terms needs 0.062. The scaling is about that
 * factor at the usual small thresholds, while 0 and 1 keep their meaning
 * (everything joins, nothing joins). Short texts carry less evidence, so
 * they join on less and are wrongly joined more often. */
static double join_threshold(const clusterer *c, const chorus__article *a)
{
    double t = c->params.threshold;
    if (t >= 1)
        return t;
    if (a->vec.plain)
        t *= PLAIN_SHARE;
    if (a->vec.count >= THRESHOLD_TERMS)
        return t;
    double f = pow((double)a->vec.count / THRESHOLD_TERMS, SHORT_TEXT_POWER);
    return t * f / (1 - t + t * f);
}

/* First pass for one article: it joins its most similar story or opens one. */
static int place(clusterer *c, chorus__article *a, size_t stamp)
{
    int rc = candidates(c, &a->vec, LOOKUP_TERMS, stamp, c->undated && a->day == CHORUS_NO_DAY);
    if (rc)
        return rc;
    double best = 0, need = join_threshold(c, a);
    long best_id = -1;
    scatter(c->dense, &a->vec, 1);
    for (size_t q = 0; q < c->cand_count; q++) {
        double sim = similarity(c, c->cands[q], a, 0);
        if (sim < need)
            continue;
        if (sim > best || (sim == best && best_id >= 0 && c->cands[q] < (uint32_t)best_id)) {
            best = sim;
            best_id = c->cands[q];
        }
    }
    /* At threshold 0 every article joins: one that shares no looked-up
     * term with a story joins the newest open one rather than opening its
     * own. */
    if (best_id < 0 && c->params.threshold <= 0 && c->open_count)
        best_id = c->open[c->open_count - 1];
    if (best_id < 0) {
        best_id = new_story(c);
        if (best_id < 0) {
            scatter(c->dense, &a->vec, 0);
            return (int)best_id;
        }
        c->stories[best_id].plain = a->vec.plain;
    }
    a->story = (size_t)best_id;
    rc = story_add(c, (uint32_t)best_id, &a->vec, 1.0, 1.0f);
    scatter(c->dense, &a->vec, 0);
    story *s = &c->stories[best_id];
    s->members++;
    s->pending++;
    if (!rc && c->on_close && CHORUS_PUSH(s->list, s->list_count, s->list_cap, a))
        rc = CHORUS_ENOMEM;
    story_note_date(s, a);
    return rc;
}

/* Moves article `a` from one story's member list to another's. */
static int list_move(story *from, story *to, chorus__article *a)
{
    for (size_t i = from->list_count; i-- > 0;)
        if (from->list[i] == a) {
            memmove(from->list + i, from->list + i + 1, (from->list_count - i - 1) * sizeof *from->list);
            from->list_count--;
            break;
        }
    return CHORUS_PUSH(to->list, to->list_count, to->list_cap, a) ? CHORUS_ENOMEM : 0;
}

/* Second pass for one article: one placed before its story's later
 * articles was judged against less; it moves where it now fits best. An
 * article still alone may join a story on less than the threshold when
 * that story stands out among its neighbours (see ALONE_RATIO). */
static int reconsider(clusterer *c, chorus__article *a, size_t stamp)
{
    int rc = candidates(c, &a->vec, LOOKUP_TERMS, stamp, c->undated && a->day == CHORUS_NO_DAY);
    if (rc)
        return rc;
    uint32_t cur = (uint32_t)a->story;
    c->stories[cur].pending--;
    scatter(c->dense, &a->vec, 1);
    double best = similarity(c, cur, a, 1), need = join_threshold(c, a);
    int alone = c->stories[cur].members <= 1;
    double nearest = 0, runner_up = 0;
    long best_id = -1, nearest_id = -1;
    for (size_t q = 0; q < c->cand_count; q++) {
        uint32_t sid = c->cands[q];
        if (sid == cur || c->stories[sid].members == 0)
            continue;
        double sim = similarity(c, sid, a, 0);
        if (sim > best + MOVE_MARGIN && sim >= need) {
            best = sim;
            best_id = sid;
        }
        if (sim > nearest || (sim == nearest && nearest_id >= 0 && sid < (uint32_t)nearest_id)) {
            runner_up = nearest;
            nearest = sim;
            nearest_id = sid;
        } else if (sim > runner_up) {
            runner_up = sim;
        }
    }
    if (alone && best_id < 0 && nearest_id >= 0 && c->stories[nearest_id].members >= 2 &&
        c->params.threshold < 1 && nearest >= need * ALONE_SHARE &&
        nearest >= runner_up * ALONE_RATIO)
        best_id = nearest_id;
    if (best_id >= 0) {
        rc = story_add(c, cur, &a->vec, 1.0, -1.0f);
        if (!rc)
            rc = story_add(c, (uint32_t)best_id, &a->vec, 1.0, 1.0f);
        c->stories[cur].members--;
        c->stories[best_id].members++;
        a->story = (size_t)best_id;
        story_note_date(&c->stories[best_id], a);
        if (!rc && c->on_close)
            rc = list_move(&c->stories[cur], &c->stories[best_id], a);
    }
    scatter(c->dense, &a->vec, 0);
    if (!rc && c->keep_closed && !c->undated && a->day != CHORUS_NO_DAY && c->stories[a->story].members == 1 &&
        CHORUS_PUSH(c->lone, c->lone_count, c->lone_cap, a))
        rc = CHORUS_ENOMEM;
    return rc;
}

chorus__clusterer *chorus__clusterer_new(const chorus__cluster_params *params,
                                         chorus__story_closed_fn on_close, void *userdata)
{
    clusterer *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->params = *params;
    c->on_close = on_close;
    c->on_close_data = userdata;
    c->closed_up_to = LONG_MIN;
    /* Past this many days without a new article, a story cannot reach the
     * threshold for an article with a full vector, plain or not: the time
     * factor alone keeps it below. A shorter text, held to less, is not
     * waited for: a headline cannot reopen a story that long quiet. */
    c->horizon = params->threshold > 0
                     ? 2 + (long)ceil(params->window_days * log(1.0 / (params->threshold * PLAIN_SHARE)))
                     : LONG_MAX / 4;
    return c;
}

int chorus__clusterer_reserve(clusterer *c, size_t vocab_size)
{
    if (chorus__grow_zeroed((void **)&c->postings, &c->postings_cap, vocab_size + 1, sizeof *c->postings) ||
        chorus__grow_zeroed((void **)&c->dense, &c->dense_cap, vocab_size + 1, sizeof *c->dense))
        return CHORUS_ENOMEM;
    return 0;
}

/* Gives the articles a horizon behind the latest day their second look
 * (every article that could share their story has been placed), then
 * closes the stories a horizon behind those (no article left to place or
 * look at again can join them). An undated article waits for the end. */
static int advance(clusterer *c)
{
    int rc = 0;
    while (!rc && c->queue_head < c->queue_count) {
        chorus__article *a = c->queue[c->queue_head];
        if (a->day >= c->now - c->horizon)
            break;
        c->queue_head++;
        rc = reconsider(c, a, ++c->lookups);
    }
    if (c->queue_head > 4096 && c->queue_head * 2 > c->queue_count) {
        memmove(c->queue, c->queue + c->queue_head, (c->queue_count - c->queue_head) * sizeof *c->queue);
        c->queue_count -= c->queue_head;
        c->queue_head = 0;
    }
    if (!rc && c->now - 2 * c->horizon > c->closed_up_to) {
        c->closed_up_to = c->now - 2 * c->horizon;
        rc = close_before(c, c->closed_up_to);
    }
    return rc;
}

void chorus__clusterer_keep_closed(clusterer *c)
{
    c->keep_closed = 1;
}

/* The undated articles come: every story that kept its sum is indexed
 * again, closed or not, for them to find. */
static int reopen_for_undated(clusterer *c)
{
    c->undated = 1;
    for (size_t t = 0; t < c->postings_cap; t++)
        c->postings[t].count = 0;
    int rc = 0;
    for (size_t sid = 0; !rc && sid < c->story_count; sid++) {
        story *s = &c->stories[sid];
        if (s->members == 0 || s->folded)
            continue;
        if (s->recent_count)
            rc = story_merge(c, s);
        for (uint32_t k = 0; !rc && k < s->count; k++)
            rc = posting_add(c, s->terms[k], (uint32_t)sid);
    }
    return rc;
}

int chorus__clusterer_add(clusterer *c, chorus__article *a)
{
    if (a->vec.count && (a->vec.terms[a->vec.count - 1] >= c->postings_cap ||
                         a->vec.terms[a->vec.count - 1] >= c->dense_cap))
        return CHORUS_EINVAL;
    int rc = 0;
    if (a->day == CHORUS_NO_DAY && c->keep_closed && !c->undated)
        rc = reopen_for_undated(c);
    if (a->day != CHORUS_NO_DAY && (!c->dated || a->day > c->now)) {
        c->now = a->day;
        c->dated = 1;
        rc = advance(c);
    }
    if (!rc)
        rc = place(c, a, ++c->lookups);
    if (!rc && CHORUS_PUSH(c->queue, c->queue_count, c->queue_cap, a))
        rc = CHORUS_ENOMEM;
    return rc;
}

int chorus__clusterer_finish(clusterer *c)
{
    int rc = 0;
    for (; !rc && c->queue_head < c->queue_count; c->queue_head++)
        rc = reconsider(c, c->queue[c->queue_head], ++c->lookups);
    c->queue_head = c->queue_count = 0;
    /* A dated article left alone before the undated articles came may be
     * a report of a story they told: it looks again, now that they have. */
    for (size_t i = 0; !rc && c->undated && i < c->lone_count; i++) {
        chorus__article *a = c->lone[i];
        if (c->stories[a->story].members != 1)
            continue;
        c->stories[a->story].pending++;
        rc = reconsider(c, a, ++c->lookups);
    }
    c->lone_count = 0;
    for (size_t s = 0; !rc && s < c->story_count; s++)
        if (!c->stories[s].closed) {
            rc = story_fold(c, (uint32_t)s);
            if (!rc)
                rc = story_close(c, (uint32_t)s);
        }
    /* Stories kept for undated articles are freed and handed on now. */
    if (c->keep_closed) {
        c->keep_closed = 0;
        for (size_t s = 0; !rc && s < c->story_count; s++)
            rc = story_close(c, (uint32_t)s);
    }
    return rc;
}

void chorus__clusterer_free(clusterer *c)
{
    if (!c)
        return;
    c->keep_closed = 0;
    for (size_t s = 0; s < c->story_count; s++)
        story_close(c, (uint32_t)s);
    for (size_t t = 0; t < c->postings_cap; t++)
        free(c->postings[t].ids);
    free(c->postings);
    free(c->dense);
    free(c->stories);
    free(c->stamp);
    free(c->term_seen);
    free(c->overlap);
    free(c->open);
    free(c->queue);
    free(c->lone);
    free(c->merge);
    free(c->cands);
    free(c);
}

long chorus__cluster(chorus__article **articles, size_t n, size_t vocab_size,
                     const chorus__cluster_params *params)
{
    if (n == 0)
        return 0;
    if (params->one_story) {
        long found = 0;
        for (size_t i = 0; i < n; i++) {
            articles[i]->story = articles[i]->non_article ? CHORUS_NO_STORY : 0;
            found |= !articles[i]->non_article;
        }
        return found;
    }
    clusterer *c = chorus__clusterer_new(params, NULL, NULL);
    placing *order = malloc(n * sizeof *order);
    size_t *assign = NULL;
    long rc = (!c || !order || chorus__clusterer_reserve(c, vocab_size)) ? CHORUS_ENOMEM : 0;
    size_t m = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        chorus__article *a = articles[i];
        a->story = CHORUS_NO_STORY;
        a->day_known = a->published.precision >= CHORUS_DATE_DAY;
        a->day = a->day_known ? chorus__date_days(&a->published) : CHORUS_NO_DAY;
        a->order_key = chorus__order_key(a->content_hash, params->order_seed);
        if (a->duplicate_of >= 0 || a->non_article)
            continue;
        order[m].a = a;
        order[m].dated = a->day_known;
        order[m].day = a->day;
        m++;
    }
    /* One pass in publication order, undated articles last. An undated
     * article may tell a story of any day, so the stories closed before it
     * comes keep their sums for it: for a dated article they stay closed,
     * and the time factor would keep it from them anyway. */
    if (!rc)
        qsort(order, m, sizeof *order, cmp_placing);
    if (!rc && m && !order[m - 1].dated)
        chorus__clusterer_keep_closed(c);
    for (size_t k = 0; !rc && k < m; k++)
        rc = chorus__clusterer_add(c, order[k].a);
    if (!rc)
        rc = chorus__clusterer_finish(c);
    /* Members of a story that joined another follow it. */
    for (size_t k = 0; !rc && k < m; k++) {
        chorus__article *a = order[k].a;
        while (c->stories[a->story].folded)
            a->story = c->stories[a->story].into;
    }

    /* Copies join the story of what they copy; stories are renumbered
     * largest first, ties by first article read. */
    long count = 0;
    size_t ns = c ? c->story_count : 0;
    story_rank *rank = NULL;
    if (!rc) {
        rank = calloc(ns + 1, sizeof *rank);
        assign = malloc((ns + 1) * sizeof *assign);
        if (!rank || !assign)
            rc = CHORUS_ENOMEM;
    }
    if (!rc) {
        for (size_t i = 0; i < n; i++)
            if (articles[i]->duplicate_of >= 0)
                articles[i]->story = articles[articles[i]->duplicate_of]->story;
        for (size_t s = 0; s < ns; s++) {
            rank[s].id = (uint32_t)s;
            rank[s].first_index = (size_t)-1;
        }
        for (size_t i = 0; i < n; i++) {
            if (articles[i]->story == CHORUS_NO_STORY)
                continue;
            story_rank *r = &rank[articles[i]->story];
            r->size++;
            if (articles[i]->index < r->first_index)
                r->first_index = articles[i]->index;
        }
        qsort(rank, ns, sizeof *rank, cmp_rank);
        for (size_t s = 0; s < ns; s++) {
            assign[rank[s].id] = rank[s].size ? (size_t)count : (size_t)-1;
            if (rank[s].size)
                count++;
        }
        for (size_t i = 0; i < n; i++)
            if (articles[i]->story != CHORUS_NO_STORY)
                articles[i]->story = assign[articles[i]->story];
    }
    free(rank);
    chorus__clusterer_free(c);
    free(order);
    free(assign);
    return rc ? rc : count;
}
