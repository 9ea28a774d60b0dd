/* stream.c - grouping articles as they arrive, in memory bounded by the open window.
 *
 * Copies are settled as articles arrive, against the originals held
 * (waiting ones and those of open stories), and every original is counted
 * into the document frequencies then. Articles wait in a heap ordered by
 * day until the stream is a little past their day, so that a feed that is
 * only roughly in order is grouped in the order of its days whatever the
 * order of arrival; each day's articles are then weighed and placed
 * together. When a story closes it is written and its articles freed, so
 * what is held is the articles of open stories, the waiting ones, the
 * vocabulary, the frequencies and a few bytes per story. */
#include "stream.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "dedup.h"
#include "util.h"

/* In a key's chain of articles, the most recent this many are compared: a
 * longer chain is a block of copies already, or a band that boilerplate
 * shares. */
#define CHAIN_CHECKS 64

/* One article under one of its copy keys; nodes are chained by bucket. */
typedef struct {
    uint64_t key;
    chorus__article *article;
    uint32_t next; /* node index + 1, 0 at the end */
} copy_node;

struct chorus__stream {
    chorus__clusterer *clusterer;
    const chorus__vocab *vocab;
    chorus__df df;
    chorus__stream_write_fn write;
    void *userdata;
    size_t stories;
    int discard; /* freeing: stories closed now are dropped, not written */
    unsigned order_seed; /* mixed into the order of articles of one day */

    /* Articles waiting for the stream to pass their day: a binary heap. */
    chorus__article **heap;
    size_t heap_count, heap_cap;
    /* Undated articles read before the stream had a day. */
    chorus__article **undated;
    size_t undated_count, undated_cap;
    long clock; /* the stream's day: see note_day() */
    int have_clock;
    long latest[CHORUS_STREAM_QUORUM]; /* the latest days read, ascending */
    size_t latest_count;

    /* The day being taken; entries become NULL once written. */
    chorus__article **day;
    size_t day_count, day_cap;

    /* Copy keys of the originals held, chained by bucket. */
    uint32_t *buckets; /* node index + 1, 0 for none */
    size_t bucket_count;
    copy_node *nodes;
    size_t node_count, node_cap;
    uint32_t free_node; /* a free node's index + 1, chained through `next` */
    chorus__article **sorted; /* scratch for writing a story */
    size_t sorted_cap;
};

/* ---------------------------------------------------------------------- */
/* Copy keys                                                              */
/* ---------------------------------------------------------------------- */

static size_t bucket_of(const chorus__stream *s, uint64_t key)
{
    return (size_t)(key ^ (key >> 29)) & (s->bucket_count - 1);
}

static int keys_grow(chorus__stream *s)
{
    size_t count = s->bucket_count ? s->bucket_count * 2 : 4096;
    uint32_t *b = calloc(count, sizeof *b);
    if (!b)
        return CHORUS_ENOMEM;
    free(s->buckets);
    s->buckets = b;
    s->bucket_count = count;
    /* Rechain every node in use; free nodes have no article. */
    for (size_t i = 0; i < s->node_count; i++) {
        copy_node *n = &s->nodes[i];
        if (!n->article)
            continue;
        size_t at = bucket_of(s, n->key);
        n->next = b[at];
        b[at] = (uint32_t)(i + 1);
    }
    return 0;
}

static int keys_insert(chorus__stream *s, chorus__article *a)
{
    uint64_t keys[CHORUS_COPY_KEYS];
    size_t nk = chorus__copy_keys(a, keys);
    for (size_t k = 0; k < nk; k++) {
        if (!s->free_node && s->node_count >= s->bucket_count * 2 && keys_grow(s))
            return CHORUS_ENOMEM;
        uint32_t id;
        if (s->free_node) {
            id = s->free_node;
            s->free_node = s->nodes[id - 1].next;
        } else {
            copy_node empty = {0};
            if (CHORUS_PUSH(s->nodes, s->node_count, s->node_cap, empty))
                return CHORUS_ENOMEM;
            id = (uint32_t)s->node_count;
        }
        size_t at = bucket_of(s, keys[k]);
        s->nodes[id - 1] = (copy_node){keys[k], a, s->buckets[at]};
        s->buckets[at] = id;
    }
    return 0;
}

static void keys_remove(chorus__stream *s, const chorus__article *a)
{
    uint64_t keys[CHORUS_COPY_KEYS];
    size_t nk = chorus__copy_keys(a, keys);
    for (size_t k = 0; k < nk && s->bucket_count; k++) {
        uint32_t *link = &s->buckets[bucket_of(s, keys[k])];
        while (*link) {
            copy_node *n = &s->nodes[*link - 1];
            if (n->article == a && n->key == keys[k]) {
                uint32_t id = *link;
                *link = n->next;
                n->article = NULL;
                n->next = s->free_node;
                s->free_node = id;
                break;
            }
            link = &n->next;
        }
    }
}

/* The held original that `a` copies, or NULL. */
static chorus__article *find_original(const chorus__stream *s, const chorus__article *a)
{
    uint64_t keys[CHORUS_COPY_KEYS];
    size_t nk = chorus__copy_keys(a, keys);
    for (size_t k = 0; k < nk && s->bucket_count; k++) {
        int checks = 0;
        for (uint32_t id = s->buckets[bucket_of(s, keys[k])]; id && checks < CHAIN_CHECKS;) {
            const copy_node *n = &s->nodes[id - 1];
            if (n->key == keys[k]) {
                checks++;
                if (chorus__near_copies(a, n->article))
                    return n->article;
            }
            id = n->next;
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                */
/* ---------------------------------------------------------------------- */

static int cmp_index(const void *x, const void *y)
{
    const chorus__article *a = *(chorus__article *const *)x, *b = *(chorus__article *const *)y;
    return (a->index > b->index) - (a->index < b->index);
}

/* Frees an article and the copies attached to it, and forgets their keys. */
static void release(chorus__stream *s, chorus__article *a)
{
    chorus__article *copy = a->copies;
    while (copy) {
        chorus__article *next = copy->next_copy;
        chorus__article_free(copy);
        copy = next;
    }
    keys_remove(s, a);
    chorus__article_free(a);
}

/* Writes originals with their copies, in input order, as story `story`
 * (0 for none), then frees them. */
static int write_group(chorus__stream *s, size_t story, chorus__article *const *originals, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        for (const chorus__article *a = originals[i]; a; a = a == originals[i] ? a->copies : a->next_copy)
            total++;
    int rc = chorus__grow((void **)&s->sorted, &s->sorted_cap, total + 1, sizeof *s->sorted);
    if (!rc && !s->discard) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            for (chorus__article *a = originals[i]; a; a = a == originals[i] ? a->copies : a->next_copy)
                s->sorted[m++] = a;
        qsort(s->sorted, m, sizeof *s->sorted, cmp_index);
        rc = s->write(s->userdata, story, s->sorted, m);
    }
    for (size_t i = 0; i < n; i++)
        release(s, originals[i]);
    return rc;
}

static int story_closed(void *userdata, chorus__article **members, size_t n)
{
    chorus__stream *s = userdata;
    size_t story = s->discard ? 0 : ++s->stories;
    return write_group(s, story, members, n);
}

/* ---------------------------------------------------------------------- */
/* Ordering by day                                                        */
/* ---------------------------------------------------------------------- */

static int before(const chorus__article *a, const chorus__article *b)
{
    if (a->day != b->day)
        return a->day < b->day;
    if (a->order_key != b->order_key)
        return a->order_key < b->order_key;
    return a->index < b->index;
}

static int heap_push(chorus__stream *s, chorus__article *a)
{
    if (CHORUS_PUSH(s->heap, s->heap_count, s->heap_cap, a))
        return CHORUS_ENOMEM;
    size_t i = s->heap_count - 1;
    while (i > 0 && before(s->heap[i], s->heap[(i - 1) / 2])) {
        chorus__article *t = s->heap[i];
        s->heap[i] = s->heap[(i - 1) / 2];
        s->heap[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
    return 0;
}

/* Removes heap[i], moving the last article into its place. */
static void heap_remove_at(chorus__stream *s, size_t i)
{
    s->heap[i] = s->heap[--s->heap_count];
    if (i == s->heap_count)
        return;
    while (i > 0 && before(s->heap[i], s->heap[(i - 1) / 2])) {
        chorus__article *t = s->heap[i];
        s->heap[i] = s->heap[(i - 1) / 2];
        s->heap[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < s->heap_count && before(s->heap[l], s->heap[m]))
            m = l;
        if (r < s->heap_count && before(s->heap[r], s->heap[m]))
            m = r;
        if (m == i)
            break;
        chorus__article *t = s->heap[i];
        s->heap[i] = s->heap[m];
        s->heap[m] = t;
        i = m;
    }
}

static chorus__article *heap_pop(chorus__stream *s)
{
    chorus__article *top = s->heap[0];
    heap_remove_at(s, 0);
    return top;
}

static int cmp_placing(const void *x, const void *y)
{
    const chorus__article *a = *(chorus__article *const *)x, *b = *(chorus__article *const *)y;
    return before(a, b) ? -1 : before(b, a) ? 1 : 0;
}

/* Takes the articles gathered in s->day, all of one day (or all undated). */
static int take_day(chorus__stream *s)
{
    qsort(s->day, s->day_count, sizeof *s->day, cmp_placing);
    int rc = chorus__clusterer_reserve(s->clusterer, chorus__vocab_size(s->vocab));
    for (size_t i = 0; !rc && i < s->day_count; i++) {
        chorus__article *a = s->day[i];
        if (a->non_article)
            continue;
        rc = chorus__article_vector(a, &s->df);
        /* The counts have served: the vector is what grouping reads. */
        free(a->features);
        a->features = NULL;
        a->feature_count = 0;
        if (!rc)
            rc = chorus__clusterer_add(s->clusterer, a);
    }
    /* Inputs that are no articles are written at once, with their copies. */
    for (size_t i = 0; !rc && i < s->day_count; i++) {
        chorus__article *a = s->day[i];
        if (!a->non_article)
            continue;
        s->day[i] = NULL;
        rc = write_group(s, 0, &a, 1);
    }
    if (!rc)
        s->day_count = 0;
    return rc;
}

/* Takes the waiting articles of every day before `until`, day by day. */
static int take_before(chorus__stream *s, long until)
{
    int rc = 0;
    while (!rc && s->heap_count && s->heap[0]->day < until) {
        long day = s->heap[0]->day;
        while (!rc && s->heap_count && s->heap[0]->day == day) {
            chorus__article *a = heap_pop(s);
            if (CHORUS_PUSH(s->day, s->day_count, s->day_cap, a)) {
                release(s, a);
                rc = CHORUS_ENOMEM;
            }
        }
        if (!rc)
            rc = take_day(s);
    }
    return rc;
}

/* The day an article is grouped at: published, else fetched. */
static int own_day(const chorus__article *a, long *day)
{
    if (a->published.precision >= CHORUS_DATE_DAY) {
        *day = chorus__date_days(&a->published);
        return 1;
    }
    chorus__date d;
    size_t at, span;
    if (a->fetched && chorus__date_find(a->fetched, strlen(a->fetched), &d, &at, &span) &&
        d.precision >= CHORUS_DATE_DAY) {
        *day = chorus__date_days(&d);
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* The stream                                                             */
/* ---------------------------------------------------------------------- */

chorus__stream *chorus__stream_new(const chorus__cluster_params *params, const chorus__vocab *vocab,
                                   chorus__stream_write_fn write, void *userdata)
{
    chorus__stream *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->vocab = vocab;
    s->write = write;
    s->userdata = userdata;
    s->order_seed = params->order_seed;
    s->clusterer = chorus__clusterer_new(params, story_closed, s);
    if (!s->clusterer || keys_grow(s)) {
        chorus__stream_free(s);
        return NULL;
    }
    return s;
}

/* Which of two copies to keep, as a whole run keeps it: the earliest
 * published, then the longest, then the first read. */
static int better(const chorus__article *a, const chorus__article *b)
{
    if (a->day_known != b->day_known)
        return a->day_known;
    if (a->day_known && a->day != b->day)
        return a->day < b->day;
    if (a->words != b->words)
        return a->words > b->words;
    return a->index < b->index;
}

/* Makes `copy` and its own copies copies of `orig`. */
static void attach(chorus__article *orig, chorus__article *copy)
{
    chorus__article *more = copy->copies;
    copy->copies = NULL;
    for (chorus__article *c = copy; c;) {
        chorus__article *next = c == copy ? more : c->next_copy;
        c->original = orig;
        c->duplicate_of = (long)orig->index;
        c->non_article = orig->non_article; /* a copy is what its original is */
        c->next_copy = orig->copies;
        orig->copies = c;
        c = next;
    }
}

/* Takes a waiting article out of the heap or the undated ones. */
static void unhold(chorus__stream *s, const chorus__article *a)
{
    for (size_t i = 0; i < s->heap_count; i++)
        if (s->heap[i] == a) {
            heap_remove_at(s, i);
            return;
        }
    for (size_t i = 0; i < s->undated_count; i++)
        if (s->undated[i] == a) {
            memmove(s->undated + i, s->undated + i + 1, (s->undated_count - i - 1) * sizeof *s->undated);
            s->undated_count--;
            return;
        }
}

/* Counts an original in: its copy keys, and its terms in the frequencies
 * (a notice's words are no evidence of what is common). */
static int hold_original(chorus__stream *s, chorus__article *a)
{
    if (!a->non_article && chorus__df_add(&s->df, a))
        return CHORUS_ENOMEM;
    return keys_insert(s, a);
}

/* Looks for the held original an arriving article copies. Returns 1 when
 * the article is a copy (it then belongs to its original), 0 when it is
 * held as an original, which it may become in place of a waiting one it
 * is better than: copies are settled as a whole run settles them, whatever
 * the order of arrival. On error the article is freed. */
static int settle_copies(chorus__stream *s, chorus__article *a)
{
    chorus__article *held = find_original(s, a);
    if (held && (held->story != CHORUS_NO_STORY || !better(a, held))) {
        attach(held, a);
        return 1;
    }
    if (held) {
        unhold(s, held);
        keys_remove(s, held);
        if (!held->non_article)
            chorus__df_remove(&s->df, held);
    }
    int rc = hold_original(s, a);
    if (held)
        attach(a, held);
    if (rc)
        release(s, a);
    return rc;
}

/* Notes the day of a dated article: the stream's day is the latest that
 * CHORUS_STREAM_QUORUM articles read carry or pass, so that a few stray
 * dates (an archive page, a wrong year) neither run it ahead nor close
 * every story open. */
static void note_day(chorus__stream *s, long day)
{
    size_t n = s->latest_count;
    if (n == CHORUS_STREAM_QUORUM) {
        if (day <= s->latest[0])
            return;
        memmove(s->latest, s->latest + 1, --n * sizeof *s->latest);
    }
    size_t at = n;
    while (at > 0 && s->latest[at - 1] > day) {
        s->latest[at] = s->latest[at - 1];
        at--;
    }
    s->latest[at] = day;
    s->latest_count = n + 1;
    if (s->latest_count == CHORUS_STREAM_QUORUM && (!s->have_clock || s->latest[0] > s->clock)) {
        s->clock = s->latest[0];
        s->have_clock = 1;
    }
}

int chorus__stream_add(chorus__stream *s, chorus__article *a)
{
    a->story = CHORUS_NO_STORY;
    a->duplicate_of = -1;
    a->order_key = chorus__order_key(a->content_hash, s->order_seed);
    long day;
    if (own_day(a, &day)) {
        a->day = day;
        a->day_known = 1;
    } else {
        /* Before the stream has a day, the latest day read is noted: the
         * article's neighbours in a feed. */
        a->day = s->have_clock ? s->clock : s->latest_count ? s->latest[s->latest_count - 1] : CHORUS_NO_DAY;
        a->day_known = 0;
    }
    int had_clock = s->have_clock;
    if (a->day_known)
        note_day(s, a->day); /* copies too tell the stream's time */
    int rc = settle_copies(s, a);
    if (rc < 0)
        return rc;
    if (rc == 0) { /* an original: it waits for its day to be taken */
        int held = !a->day_known && !s->have_clock
                       ? CHORUS_PUSH(s->undated, s->undated_count, s->undated_cap, a)
                       : heap_push(s, a);
        if (held) {
            release(s, a);
            return CHORUS_ENOMEM;
        }
    }
    if (!had_clock && s->have_clock) {
        /* The undated articles read so far take the stream's first day,
         * or the later day read before them. */
        for (size_t i = 0; i < s->undated_count; i++) {
            chorus__article *u = s->undated[i];
            if (u->day == CHORUS_NO_DAY || u->day < s->clock)
                u->day = s->clock;
            if (heap_push(s, u)) {
                for (size_t k = i; k < s->undated_count; k++)
                    release(s, s->undated[k]);
                s->undated_count = 0;
                return CHORUS_ENOMEM;
            }
        }
        s->undated_count = 0;
    }
    /* Late articles too are taken as soon as they are behind; nothing is
     * taken before the frequencies rest on enough articles. */
    if (!s->have_clock || s->df.docs < CHORUS_STREAM_WARMUP)
        return 0;
    return take_before(s, s->clock - CHORUS_STREAM_SLACK_DAYS);
}

int chorus__stream_finish(chorus__stream *s)
{
    /* Undated articles held since the stream never had a day come after
     * the dated ones, as in a whole run, and may join any of their stories. */
    if (s->undated_count)
        chorus__clusterer_keep_closed(s->clusterer);
    int rc = take_before(s, LONG_MAX);
    if (!rc && s->undated_count) {
        /* The stream never had a day: the undated articles come after the
         * dated ones, as in a whole run. */
        for (size_t i = 0; i < s->undated_count; i++) {
            s->undated[i]->day = CHORUS_NO_DAY;
            s->undated[i]->day_known = 0;
        }
        chorus__article **swap = s->day;
        size_t cap = s->day_cap;
        s->day = s->undated;
        s->day_count = s->undated_count;
        s->day_cap = s->undated_cap;
        s->undated = swap;
        s->undated_count = 0;
        s->undated_cap = cap;
        rc = take_day(s);
    }
    if (!rc)
        rc = chorus__clusterer_finish(s->clusterer);
    return rc;
}

size_t chorus__stream_story_count(const chorus__stream *s)
{
    return s->stories;
}

void chorus__stream_free(chorus__stream *s)
{
    if (!s)
        return;
    s->discard = 1;
    /* Articles of the day being taken that were not placed are freed here
     * (with their copies), placed ones as the clusterer drops their stories. */
    for (size_t i = 0; i < s->day_count; i++) {
        chorus__article *a = s->day[i];
        if (a && a->story == CHORUS_NO_STORY)
            release(s, a);
    }
    chorus__clusterer_free(s->clusterer);
    for (size_t i = 0; i < s->heap_count; i++)
        release(s, s->heap[i]);
    for (size_t i = 0; i < s->undated_count; i++)
        release(s, s->undated[i]);
    free(s->heap);
    free(s->undated);
    free(s->day);
    free(s->buckets);
    free(s->nodes);
    free(s->sorted);
    chorus__df_free(&s->df);
    free(s);
}
