/* summary_order.c - the reading order of a summary: by the dates of the events its sentences report.
 *
 * A summary gathers sentences from several articles, published on several
 * days; read in the order its events happened, it tells the story. Where
 * dates say nothing (one day, or none known), sentences keep the order in
 * which news gives them: what an article puts first comes first. */
#include "summary_order.h"

#include <stdlib.h>

#include "chorus.h"

long chorus__event_day(chorus__article *const *articles, const chorus__order_item *item)
{
    const chorus__article *a = articles[item->article];
    const chorus__sentence *s = &a->sentences[item->sentence];
    chorus__date d;
    size_t at, span;
    if (chorus__date_find(a->text + s->start, s->len, &d, &at, &span) && d.precision >= CHORUS_DATE_DAY)
        return chorus__date_days(&d);
    long day = CHORUS_DAY_UNKNOWN;
    for (size_t k = 0; k < item->source_count; k++) {
        const chorus__article *src = articles[item->sources[k]];
        if (src->published.precision >= CHORUS_DATE_DAY) {
            long d2 = chorus__date_days(&src->published);
            if (d2 < day)
                day = d2;
        }
    }
    return day;
}

typedef struct {
    long day;
    double position; /* where it stands in its article, from 0 (first) to 1 */
    long published;  /* its article's publication day */
    size_t article, sentence, item;
} order_key;

static int cmp_key(const void *x, const void *y)
{
    const order_key *p = x, *q = y;
    if (p->day != q->day)
        return (p->day > q->day) - (p->day < q->day);
    if (p->position != q->position)
        return p->position < q->position ? -1 : 1;
    if (p->published != q->published)
        return (p->published > q->published) - (p->published < q->published);
    if (p->article != q->article)
        return (p->article > q->article) - (p->article < q->article);
    return (p->sentence > q->sentence) - (p->sentence < q->sentence);
}

/* Appends item i to order, then the item that follows it, if any, and so on. */
static size_t emit(const chorus__order_item *items, size_t n, size_t i, size_t *order, size_t at)
{
    order[at++] = i;
    for (size_t k = 0; k < n; k++)
        if (items[k].follows == (long)i)
            at = emit(items, n, k, order, at);
    return at;
}

int chorus__summary_order(chorus__article *const *articles, const chorus__order_item *items,
                          size_t n, size_t *order)
{
    order_key *keys = malloc((n + 1) * sizeof *keys);
    if (!keys)
        return CHORUS_ENOMEM;
    size_t heads = 0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].follows >= 0)
            continue;
        const chorus__article *a = articles[items[i].article];
        size_t prose = 0, before = 0;
        for (size_t k = 0; k < a->sentence_count; k++) {
            int is_prose = !(a->sentences[k].flags & CHORUS_SENT_HEADING);
            prose += is_prose;
            before += is_prose && k < items[i].sentence;
        }
        order_key *key = &keys[heads++];
        key->day = chorus__event_day(articles, &items[i]);
        key->position = prose ? (double)before / (double)prose : 0;
        key->published = a->published.precision >= CHORUS_DATE_DAY ? chorus__date_days(&a->published)
                                                                     : CHORUS_DAY_UNKNOWN;
        key->article = items[i].article;
        key->sentence = items[i].sentence;
        key->item = i;
    }
    qsort(keys, heads, sizeof *keys, cmp_key);
    size_t at = 0;
    for (size_t h = 0; h < heads; h++)
        at = emit(items, n, keys[h].item, order, at);
    free(keys);
    return 0;
}
