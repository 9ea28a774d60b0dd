/* article.c - one article's memory: creation, metadata setters and release. */
#include "article.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "junk.h"
#include "minhash.h"
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
    free(a->features);
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

/* Copies s into the arena, keeping NULL; *oom is set when out of memory. */
static const char *keep(chorus__arena *mem, const char *s, int *oom)
{
    if (!s)
        return NULL;
    const char *copy = chorus__arena_strndup(mem, s, strlen(s));
    if (!copy)
        *oom = 1;
    return copy;
}

int chorus__article_compact(chorus__article *a)
{
    chorus__arena mem = {0};
    int oom = 0;
    /* One chunk holds it all: the strings, the signature and the term
     * vector made later (at most CHORUS_VECTOR_MAX_TERMS, each an id
     * and a weight), each rounded up to the arena's alignment. */
    const size_t slack = 2 * alignof(max_align_t);
    size_t need = CHORUS_MINHASH_SIZE * sizeof(uint32_t) + slack;
    const char *strings[] = {a->path, a->input_id, a->title, a->source, a->url, a->author, a->fetched};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        need += strings[i] ? strlen(strings[i]) + 1 + slack : 0;
    size_t terms = a->feature_count < CHORUS_VECTOR_MAX_TERMS ? a->feature_count : CHORUS_VECTOR_MAX_TERMS;
    need += 2 * ((terms + 1) * 4 + slack);
    if (chorus__arena_reserve(&mem, need))
        return CHORUS_ENOMEM;
    const char *path = keep(&mem, a->path, &oom), *input_id = keep(&mem, a->input_id, &oom),
               *title = keep(&mem, a->title, &oom), *source = keep(&mem, a->source, &oom),
               *url = keep(&mem, a->url, &oom), *author = keep(&mem, a->author, &oom),
               *fetched = keep(&mem, a->fetched, &oom);
    uint32_t *minhash = NULL;
    if (a->minhash && !oom) {
        minhash = chorus__arena_alloc(&mem, CHORUS_MINHASH_SIZE * sizeof *minhash);
        if (minhash)
            memcpy(minhash, a->minhash, CHORUS_MINHASH_SIZE * sizeof *minhash);
        else
            oom = 1;
    }
    if (oom) {
        chorus__arena_release(&mem);
        return CHORUS_ENOMEM;
    }
    chorus__arena_release(&a->mem);
    a->mem = mem;
    a->path = path, a->input_id = input_id, a->title = title, a->source = source;
    a->url = url, a->author = author, a->fetched = fetched, a->minhash = minhash;
    free(a->blocks);
    free(a->removed);
    a->blocks = NULL;
    a->block_count = a->block_cap = 0;
    a->removed = NULL;
    a->removed_count = a->removed_cap = 0;
    a->text = "";
    a->text_len = 0;
    a->sentences = NULL;
    a->sentence_count = 0;
    a->tokens = NULL;
    a->token_count = a->title_token_start = a->title_token_count = 0;
    a->vec = (chorus__termvec){0};
    a->compacted = 1;
    return 0;
}
