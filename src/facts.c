/* facts.c - running the fact extractors over a story, and the small sets they share. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "text.h"
#include "util.h"

/* Where `article` is or would go in the sorted set. */
static size_t sources_place(const chorus__sources *s, size_t article)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->items[mid] < article)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int chorus__sources_add(chorus__sources *s, size_t article)
{
    size_t lo = sources_place(s, article);
    if (lo < s->count && s->items[lo] == article)
        return 0;
    if (chorus__grow((void **)&s->items, &s->cap, s->count + 1, sizeof *s->items))
        return CHORUS_ENOMEM;
    memmove(s->items + lo + 1, s->items + lo, (s->count - lo) * sizeof *s->items);
    s->items[lo] = article;
    s->count++;
    return 0;
}

int chorus__sources_merge(chorus__sources *s, const chorus__sources *from)
{
    for (size_t i = 0; i < from->count; i++)
        if (chorus__sources_add(s, from->items[i]))
            return CHORUS_ENOMEM;
    return 0;
}

int chorus__sources_has(const chorus__sources *s, size_t article)
{
    size_t lo = sources_place(s, article);
    return lo < s->count && s->items[lo] == article;
}

size_t chorus__token_word(const chorus__article *a, const chorus__token *t, char *buf, size_t cap)
{
    size_t n = 0, i = t->start, end = (size_t)t->start + t->len;
    while (i < end) {
        unsigned char c = (unsigned char)a->text[i];
        if (c < 0x80) { /* most words of most news: no need to decode */
            if (n + 1 >= cap)
                goto too_long;
            buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            i++;
            continue;
        }
        char enc[4];
        size_t m = chorus__utf8_put(enc, chorus__fold(chorus__utf8_next(a->text, end, &i)));
        if (n + m >= cap)
            goto too_long;
        memcpy(buf + n, enc, m);
        n += m;
    }
    if (n >= 3 && buf[n - 2] == '\'' && buf[n - 1] == 's')
        n -= 2;
    buf[n] = '\0';
    return n;
too_long: /* no word of interest is this long: an empty word, still a string */
    if (cap)
        buf[0] = '\0';
    return 0;
}

int chorus__word_in(const char *const *list, size_t count, const char *w, size_t len)
{
    /* The first byte rules out nearly every entry before any length is measured. */
    for (size_t i = 0; i < count; i++)
        if (len && list[i][0] == w[0] && strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return 1;
    return 0;
}

int chorus__speech_verb(const char *w, size_t len)
{
    static const char *const verbs[] = {
        "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
        "stated", "states", "declared", "declares", "noted", "notes", "noting", "stressed",
        "stresses", "stressing", "warned", "warns", "warning", "explained", "explains", "asked",
        "asks", "wrote", "writes", "insisted", "insists", "argued", "argues", "claimed",
        "claims", "recalled", "recalls", "emphasized", "emphasised", "emphasizing",
        "emphasising", "underlined", "remarked", "announced", "acknowledged", "admitted",
        "replied", "responded", "urged", "vowed", "promised", "commented", "observed",
        "concluded", "cautioned", "predicted", "suggested", "described", "describing",
        "called", "calling", "tweeted", "posted", "continued", "conceded", "confirmed",
        "reiterated", "pleaded", "shouted", "whispered", "joked", "mused", "complained",
        "boasted", "lamented", "cried",
    };
    return chorus__word_in(verbs, sizeof verbs / sizeof verbs[0], w, len);
}

int chorus__calendar_word(const char *w, size_t len)
{
    static const char *const words[] = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    };
    return chorus__word_in(words, sizeof words / sizeof words[0], w, len);
}

const char *chorus__entity_type_name(int type)
{
    switch (type) {
    case CHORUS_ENTITY_PERSON:
        return "person";
    case CHORUS_ENTITY_ORGANIZATION:
        return "organization";
    case CHORUS_ENTITY_PLACE:
        return "place";
    default:
        return "other";
    }
}

int chorus__facts_find(const chorus__story_text *story, chorus__facts *out)
{
    int rc = chorus__find_entities(story, out);
    if (!rc)
        rc = chorus__find_quotes(story, out);
    if (!rc)
        rc = chorus__find_figures(story, out);
    if (!rc)
        rc = chorus__find_timeline(story, out);
    if (!rc)
        rc = chorus__find_coverage(story, out);
    return rc;
}

void chorus__facts_free(chorus__facts *f)
{
    for (size_t i = 0; i < f->entity_count; i++) {
        free(f->entities[i].aliases);
        free(f->entities[i].sources.items);
    }
    for (size_t i = 0; i < f->quote_count; i++)
        free(f->quotes[i].sources.items);
    for (size_t i = 0; i < f->figure_count; i++) {
        free(f->figures[i].sources.items);
        free(f->figures[i].conflicts);
    }
    for (size_t i = 0; i < f->event_count; i++)
        free(f->events[i].sources.items);
    for (size_t i = 0; i < f->coverage_count; i++) {
        chorus__coverage *c = &f->coverage[i];
        free(c->sentences);
        free(c->entities);
        free(c->figures);
        free(c->quotes);
        free(c->loaded_terms);
    }
    free(f->entities);
    free(f->mentions);
    free(f->quotes);
    free(f->figures);
    free(f->events);
    free(f->coverage);
    chorus__arena_release(&f->mem);
    memset(f, 0, sizeof *f);
}
