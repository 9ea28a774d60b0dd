/* summary_order.h - the reading order of a summary: by the dates of the events its sentences report. */
#ifndef CHORUS_SUMMARY_ORDER_H
#define CHORUS_SUMMARY_ORDER_H

#include <stddef.h>

#include "article.h"

/* A day no event date reaches: the key of sentences whose date is unknown. */
#define CHORUS_DAY_UNKNOWN 0x7fffffffL

/* One summary sentence as the ordering sees it. */
typedef struct chorus__order_item {
    size_t article;   /* the article it is taken from */
    size_t sentence;  /* its index there */
    const size_t *sources; /* every article stating it, ascending */
    size_t source_count;
    long follows;     /* the item it leans on and must follow at once, or -1 */
} chorus__order_item;

/*
 * The day (days since 1970-01-01) of the events that sentence k of article a
 * reports, or CHORUS_DAY_UNKNOWN: the full date the sentence itself gives,
 * else the earliest publication day among the articles stating it (an event
 * is reported no later than that).
 *
 * This is where event dates come from; once relative dates ("on Tuesday")
 * are resolved against publication dates, the resolved date of the
 * sentence's event belongs here.
 */
long chorus__event_day(chorus__article *const *articles, const chorus__order_item *item);

/*
 * Writes to order[0..n) the indices of items[0..n) in reading order:
 * chronological by event day, then by first appearance (how early the
 * sentence stands in its article, then the article's publication and input
 * order); sentences of unknown date come after the dated ones. An item that
 * follows another comes right after it. Returns 0 or CHORUS_ENOMEM.
 */
int chorus__summary_order(chorus__article *const *articles, const chorus__order_item *items,
                          size_t n, size_t *order);

#endif
