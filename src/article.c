/* article.c - one article's memory: creation, metadata setters and release. */
#include "article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "junk.h"
#include "util.h"

chorus__article *chorus__article_new(size_t index)
{
    chorus__article *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->index = index;
    snprintf(a->id, sizeof a->id, "a%zu", index + 1);
    strcpy(a->language, "und");
    a->duplicate_of = -1;
    return a;
}

void chorus__article_free(chorus__article *a)
{
    if (!a)
        return;
    free(a->blocks);
    free(a->removed);
    chorus__arena_release(&a->mem);
    free(a);
}

const char *chorus__article_strdup(chorus__article *a, const char *s, size_t len)
{
    return chorus__arena_strndup(&a->mem, s, len);
}

int chorus__article_add_block(chorus__article *a, const char *s, size_t len)
{
    const char *copy = chorus__arena_strndup(&a->mem, s, len);
    if (!copy)
        return CHORUS_ENOMEM;
    chorus__block b = {copy, (uint32_t)len, chorus__block_hash(copy, len)};
    return CHORUS_PUSH(a->blocks, a->block_count, a->block_cap, b) ? CHORUS_ENOMEM : 0;
}

int chorus__article_add_removed(chorus__article *a, const char *s, size_t len)
{
    const char *copy = chorus__arena_strndup(&a->mem, s, len);
    if (!copy)
        return CHORUS_ENOMEM;
    return CHORUS_PUSH(a->removed, a->removed_count, a->removed_cap, copy) ? CHORUS_ENOMEM : 0;
}

void chorus__article_set_published(chorus__article *a, const chorus__date *d)
{
    if (d->precision <= a->published.precision)
        return;
    a->published = *d;
    chorus__date_iso(d, a->published_iso);
}
