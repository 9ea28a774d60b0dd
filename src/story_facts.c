/* story_facts.c - a story's facts, found and copied into the corpus for the public interface. */
#include <string.h>

#include "corpus.h"
#include "facts.h"
#include "junk.h"

/* Copies an array of article indices into the corpus arena. */
static const size_t *copy_indices(chorus_corpus *c, const size_t *items, size_t count)
{
    size_t *out = chorus__arena_alloc(&c->mem, (count + 1) * sizeof *out);
    if (out && count)
        memcpy(out, items, count * sizeof *out);
    return out;
}

static const char *copy_string(chorus_corpus *c, const char *s)
{
    return s ? chorus__arena_strndup(&c->mem, s, strlen(s)) : NULL;
}

static const char *const *copy_strings(chorus_corpus *c, const char *const *items, size_t count)
{
    const char **out = chorus__arena_alloc(&c->mem, (count + 1) * sizeof *out);
    for (size_t i = 0; out && i < count; i++)
        if (!(out[i] = copy_string(c, items[i])))
            return NULL;
    return out;
}

/* Sentences shown on their own, without the wire dateline that opens a
 * lead ("SANTIAGO - "): it says where the report was filed, not what
 * happened, as in summaries. */
static const char *const *copy_sentences(chorus_corpus *c, const char *const *items, size_t count)
{
    const char **out = chorus__arena_alloc(&c->mem, (count + 1) * sizeof *out);
    for (size_t i = 0; out && i < count; i++) {
        size_t len = strlen(items[i]);
        size_t skip = chorus__dateline_length(c->an.junk, items[i], len);
        if (!(out[i] = chorus__arena_strndup(&c->mem, items[i] + skip, len - skip)))
            return NULL;
    }
    return out;
}

/* The day an undated article of the story is read against: the latest
 * publication day of its dated articles. */
static chorus__date story_reference(const chorus_corpus *c, const chorus__story *st)
{
    chorus__date ref = {0};
    long best = 0;
    for (size_t k = 0; k < st->article_count; k++) {
        const chorus__article *a = c->articles[st->articles[k]];
        if (a->published.precision < CHORUS_DATE_DAY)
            continue;
        long d = chorus__date_days(&a->published);
        if (!ref.precision || d > best) {
            ref = a->published;
            best = d;
        }
    }
    ref.hour = ref.minute = ref.second = 0;
    if (ref.precision > CHORUS_DATE_DAY)
        ref.precision = CHORUS_DATE_DAY;
    return ref;
}

int chorus__story_facts(chorus_corpus *c, chorus__story *st)
{
    chorus__story_text story = {(chorus__article *const *)c->articles, st->articles, st->article_count,
                                c->lexicon, c->an.junk, story_reference(c, st)};
    chorus__facts f = {0};
    int rc = chorus__facts_find(&story, &f);

    st->entities = rc ? NULL : chorus__arena_alloc(&c->mem, (f.entity_count + 1) * sizeof *st->entities);
    for (size_t i = 0; st->entities && !rc && i < f.entity_count; i++) {
        const chorus__entity *e = &f.entities[i];
        chorus_entity *o = &st->entities[i];
        o->name = copy_string(c, e->name);
        o->type = chorus__entity_type_name(e->type);
        o->aliases = copy_strings(c, e->aliases, e->alias_count);
        o->alias_count = e->alias_count;
        o->mentions = e->mentions;
        o->sources = copy_indices(c, e->sources.items, e->sources.count);
        o->source_count = e->sources.count;
        if (!o->name || !o->aliases || !o->sources)
            rc = CHORUS_ENOMEM;
        st->entity_count++;
    }
    st->quotes = rc ? NULL : chorus__arena_alloc(&c->mem, (f.quote_count + 1) * sizeof *st->quotes);
    for (size_t i = 0; st->quotes && !rc && i < f.quote_count; i++) {
        const chorus__quote *q = &f.quotes[i];
        chorus_quote *o = &st->quotes[i];
        o->speaker = q->speaker >= 0 ? st->entities[q->speaker].name : NULL;
        o->text = copy_string(c, q->text);
        o->sources = copy_indices(c, q->sources.items, q->sources.count);
        o->source_count = q->sources.count;
        if (!o->text || !o->sources)
            rc = CHORUS_ENOMEM;
        st->quote_count++;
    }
    st->figures = rc ? NULL : chorus__arena_alloc(&c->mem, (f.figure_count + 1) * sizeof *st->figures);
    for (size_t i = 0; st->figures && !rc && i < f.figure_count; i++) {
        const chorus__figure *x = &f.figures[i];
        chorus_figure *o = &st->figures[i];
        o->value = x->value;
        o->unit = copy_string(c, x->unit);
        o->qualifier = x->qualifier; /* a static string */
        o->about = copy_string(c, x->about);
        o->text = copy_string(c, x->text);
        o->sources = copy_indices(c, x->sources.items, x->sources.count);
        o->source_count = x->sources.count;
        o->conflicts_with = copy_indices(c, x->conflicts, x->conflict_count);
        o->conflict_count = x->conflict_count;
        if (!o->text || !o->sources || !o->conflicts_with || (x->unit && !o->unit) || (x->about && !o->about))
            rc = CHORUS_ENOMEM;
        st->figure_count++;
    }
    st->timeline = rc ? NULL : chorus__arena_alloc(&c->mem, (f.event_count + 1) * sizeof *st->timeline);
    for (size_t i = 0; st->timeline && !rc && i < f.event_count; i++) {
        const chorus__event *e = &f.events[i];
        chorus_event *o = &st->timeline[i];
        o->date = copy_string(c, e->iso);
        o->text = copy_string(c, e->text);
        o->sources = copy_indices(c, e->sources.items, e->sources.count);
        o->source_count = e->sources.count;
        if (!o->date || !o->text || !o->sources)
            rc = CHORUS_ENOMEM;
        st->event_count++;
    }
    st->coverage = rc ? NULL : chorus__arena_alloc(&c->mem, (f.coverage_count + 1) * sizeof *st->coverage);
    for (size_t i = 0; st->coverage && !rc && i < f.coverage_count; i++) {
        const chorus__coverage *x = &f.coverage[i];
        chorus_coverage *o = &st->coverage[i];
        o->article = x->article;
        o->sentences = copy_sentences(c, x->sentences, x->sentence_count);
        o->sentence_count = x->sentence_count;
        o->entities = copy_indices(c, x->entities, x->entity_count);
        o->entity_count = x->entity_count;
        o->figures = copy_indices(c, x->figures, x->figure_count);
        o->figure_count = x->figure_count;
        o->quotes = copy_indices(c, x->quotes, x->quote_count);
        o->quote_count = x->quote_count;
        o->loaded_terms = copy_strings(c, x->loaded_terms, x->loaded_count);
        o->loaded_count = x->loaded_count;
        if (!o->sentences || !o->entities || !o->figures || !o->quotes || !o->loaded_terms)
            rc = CHORUS_ENOMEM;
        st->coverage_count++;
    }
    if (!rc && (!st->entities || !st->quotes || !st->figures || !st->timeline || !st->coverage))
        rc = CHORUS_ENOMEM;
    chorus__facts_free(&f);
    return rc;
}
