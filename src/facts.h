/* facts.h - the facts of one story: entities, quotes, figures, a timeline and what each outlet alone says. */
#ifndef CHORUS_FACTS_H
#define CHORUS_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "article.h"
#include "dates.h"
#include "junk.h"
#include "lexicon.h"

enum {
    CHORUS_ENTITY_PERSON,
    CHORUS_ENTITY_ORGANIZATION,
    CHORUS_ENTITY_PLACE,
    CHORUS_ENTITY_OTHER,
};

/* A sorted set of article indices. */
typedef struct chorus__sources {
    size_t *items;
    size_t count, cap;
} chorus__sources;

typedef struct chorus__entity {
    const char *name; /* canonical: the fullest name, without titles */
    int type;         /* CHORUS_ENTITY_* */
    const char **aliases;
    size_t alias_count, alias_cap;
    size_t mentions;
    chorus__sources sources;
    /* What titles said of a person ("Russian President ..."): the country key
     * and the role, used to resolve "the Russian president" alone. */
    const char *country;
    int role;
    int merged_into; /* -1, or the entity this one became an alias of */
} chorus__entity;

/* Where an entity is named in an article's text. */
typedef struct chorus__mention {
    size_t article;
    uint32_t start, end; /* bytes in the article's text */
    uint32_t sentence;
    int entity;
} chorus__mention;

typedef struct chorus__quote {
    const char *text;    /* the quoted words, parts of a split quote joined by " ... " */
    int speaker;         /* entity index, or -1 when no speaker could be told */
    chorus__sources sources;
} chorus__quote;

/* A qualifier turns a figure into an interval: "more than 40" is (40, inf). */
typedef struct chorus__figure {
    double value;
    const char *unit;      /* "people", "tons", "USD", "%", or NULL */
    const char *qualifier; /* "more than", "about", ... or NULL */
    const char *about;     /* what is counted, a short phrase, or NULL */
    const char *text;      /* the phrase it came from */
    double low, high;      /* the interval the qualifier allows */
    int quantity;          /* figures with one quantity id count the same thing */
    chorus__sources sources;
    size_t *conflicts;     /* indices of figures that cannot both hold */
    size_t conflict_count, conflict_cap;
} chorus__figure;

typedef struct chorus__event {
    chorus__date date;
    char iso[32];
    const char *text; /* the clause the date came from, short */
    chorus__sources sources;
} chorus__event;

typedef struct chorus__coverage {
    size_t article;
    const char **sentences; /* what no other article states */
    size_t sentence_count, sentence_cap;
    size_t *entities;       /* indices of entities only this article names */
    size_t entity_count, entity_cap;
    size_t *figures, figure_count, figure_cap;
    size_t *quotes, quote_count, quote_cap;
    const char **loaded_terms;
    size_t loaded_count, loaded_cap;
} chorus__coverage;

/* Everything found in one story. Arrays are heap; strings live in `mem`. */
typedef struct chorus__facts {
    chorus__arena mem;
    chorus__entity *entities;
    size_t entity_count, entity_cap;
    chorus__mention *mentions;
    size_t mention_count, mention_cap;
    chorus__quote *quotes;
    size_t quote_count, quote_cap;
    chorus__figure *figures;
    size_t figure_count, figure_cap;
    chorus__event *events;
    size_t event_count, event_cap;
    chorus__coverage *coverage;
    size_t coverage_count, coverage_cap;
} chorus__facts;

/* The story the extractors work on. */
typedef struct chorus__story_text {
    chorus__article *const *articles; /* the corpus's articles */
    const size_t *members;            /* indices of the story's articles, ascending */
    size_t count;
    const chorus__lexicon *lex;       /* may hold nothing when Debian's lists are missing */
    chorus__junk *junk;               /* for wire datelines */
    chorus__date reference;           /* the story's latest publication date, for undated articles */
} chorus__story_text;

/*
 * Finds every fact of a story: entities first (quotes name speakers among
 * them), then quotes, figures, the timeline, and last the coverage of each
 * article. `out` is zero-initialised by the caller and released with
 * chorus__facts_free(). Returns 0 or CHORUS_ENOMEM.
 */
int chorus__facts_find(const chorus__story_text *story, chorus__facts *out);
void chorus__facts_free(chorus__facts *f);

/* The extractors, in the order chorus__facts_find() runs them. */
int chorus__find_entities(const chorus__story_text *story, chorus__facts *f);
int chorus__find_quotes(const chorus__story_text *story, chorus__facts *f);
int chorus__find_figures(const chorus__story_text *story, chorus__facts *f);
int chorus__find_timeline(const chorus__story_text *story, chorus__facts *f);
int chorus__find_coverage(const chorus__story_text *story, chorus__facts *f);

/* Shared word tests. `w` is a folded (lower-case) word. */
/* The folded surface of token t, without a possessive 's, into buf (room for
 * cap bytes, always NUL-terminated); returns its length, 0 (an empty string)
 * when it does not fit. */
size_t chorus__token_word(const chorus__article *a, const chorus__token *t, char *buf, size_t cap);

/* Non-zero when the word w[0..len) is one of the count strings of list. */
int chorus__word_in(const char *const *list, size_t count, const char *w, size_t len);
/* Verbs that report speech: "said", "told", "added", "warned", ... */
int chorus__speech_verb(const char *w, size_t len);
/* Month and weekday names, which are capitalised but never entities. */
int chorus__calendar_word(const char *w, size_t len);

/* Adds an article to a sorted set. 0 or CHORUS_ENOMEM. */
int chorus__sources_add(chorus__sources *s, size_t article);
/* Adds every article of `from`. */
int chorus__sources_merge(chorus__sources *s, const chorus__sources *from);
int chorus__sources_has(const chorus__sources *s, size_t article);

/* Name of a CHORUS_ENTITY_* type: "person", "organization", "place", "other". */
const char *chorus__entity_type_name(int type);

#endif
