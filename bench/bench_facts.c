/* bench_facts.c - precision and recall of chorus's facts on ten hand-annotated Multi-News articles, and the facts stage's speed.
 *
 * The annotation, tests/data/facts/multinews.txt, lists for each of ten
 * articles of ../shared/data/multinews-validation/clusters.jsonl the
 * entities, quotations, figures and dates it states (its header describes
 * the format). The articles are read from the data set at run time, never
 * copied into the project; without the data the benchmark says so and
 * exits 0.
 *
 * For each annotated article, one corpus holds every document of its
 * Multi-News cluster, taken as one story (chorus_options.one_story), so that
 * the article is read in the company chorus would see it in. The annotated
 * article is prefixed with "Published: DATE" when the annotation gives its
 * date. Only the story's facts that list the annotated article among their
 * sources are compared with its annotation:
 *
 *  - entities: an extracted entity matches an annotated one when its name
 *    or any of its aliases equals, ignoring case, the annotated name or one
 *    of its aliases. Precision is the share of extracted entities that match
 *    some annotation, recall the share of annotated entities that some
 *    extracted entity matches. Among the matches (the extracted entity named
 *    like the annotation when there are several, else the most mentioned),
 *    the type is right or wrong, and each annotated alias is found or not in
 *    that entity's name and aliases (alias recall).
 *  - quotes: an extracted quotation matches an annotated one when its text
 *    holds every annotated key word as a whole word, ignoring case. Each
 *    extracted quotation matches at most one annotation, in the fixture's
 *    order. The speaker is right when it names the annotated speaker (its
 *    name or an annotated alias of it), or is unknown where the annotation
 *    says "?". The strict scores count a match with a wrong speaker as a miss
 *    on both sides.
 *  - figures: an extracted figure matches an annotated one when their values
 *    agree within a relative 1e-6; each extracted figure matches at most one
 *    annotation, one with the same unit first. Among matches, the unit agrees
 *    when both are absent or equal ignoring case and a plural "s", the
 *    qualifier when both are absent or equal.
 *  - dates: the distinct dates of the timeline events that cite the article
 *    against the distinct annotated dates, compared exactly as ISO strings.
 *
 * The scores are micro-averaged over the ten articles: P = matching
 * extracted / extracted, R = found annotated / annotated, F1 their harmonic
 * mean.
 *
 * Then the throughput: one corpus of every document of the data set (or of
 * the first --limit clusters), grouped by chorus as `chorus brief` would,
 * analysed with facts off and with facts on; the difference is the facts
 * stage. A corpus of one article, timed the same way, shows how much of it
 * is the one-off loading of the lexicons. Peak memory is the process's
 * resident peak (getrusage) after each.
 *
 * Usage: bench_facts [--data DIR] [--fixture FILE] [--limit N] [--repeat N]
 *                    [--verbose] [--details]
 *   --limit N   only the first N clusters for the throughput (0: all)
 *   --repeat N  time each analysis N times and keep the fastest (default 3)
 *   --verbose   counts per article
 *   --details   every miss and every disagreement, per article */
#define _DEFAULT_SOURCE
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>

#include "chorus.h"

/* ---------------------------------------------------------------------- */
/* The annotation                                                         */
/* ---------------------------------------------------------------------- */

typedef struct {
    char *type;
    char *name;
    char **aliases;
    size_t alias_count;
} gold_entity;

typedef struct {
    char *speaker; /* "?" when the text does not say */
    char **words;
    size_t word_count;
} gold_quote;

typedef struct {
    double value;
    char *unit;      /* NULL when not stated */
    char *qualifier; /* NULL for an exact figure */
    char *about;
} gold_figure;

typedef struct {
    char *date;
    char *what;
} gold_date;

typedef struct {
    long cluster;
    size_t index;
    int line;
    char *note;
    char *published; /* NULL when the article does not state its date */
    gold_entity *entities;
    size_t entity_count, entity_cap;
    gold_quote *quotes;
    size_t quote_count, quote_cap;
    gold_figure *figures;
    size_t figure_count, figure_cap;
    gold_date *dates;
    size_t date_count, date_cap;
} gold_doc;

typedef struct {
    const char *path;
    gold_doc *docs;
    size_t count, cap;
} gold_set;

/* A benchmark has nothing sensible to do without memory: it stops. */
static void *checked(void *p)
{
    if (!p) {
        fprintf(stderr, "bench facts: out of memory\n");
        exit(2);
    }
    return p;
}

static char *copy(const char *s)
{
    return checked(strdup(s));
}

/* Makes room for one more element of `size` bytes in a growing array. */
static void *room_for_one(void *array, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return array;
    *cap = *cap ? *cap * 2 : 8;
    return checked(realloc(array, *cap * size));
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Splits `s` in place at each `separator`, trimming the pieces. Returns how many. */
static size_t split(char *s, const char *separator, char **pieces, size_t max)
{
    size_t n = 0, seplen = strlen(separator);
    while (n < max) {
        char *at = strstr(s, separator);
        if (at)
            *at = '\0';
        pieces[n++] = trim(s);
        if (!at)
            break;
        s = at + seplen;
    }
    return n;
}

/* "-" in the fixture is an empty field. */
static char *copy_or_null(const char *s)
{
    return strcmp(s, "-") == 0 ? NULL : copy(s);
}

static void fixture_error(const gold_set *g, int line, const char *what)
{
    fprintf(stderr, "%s:%d: %s\n", g->path, line, what);
    exit(2);
}

static void parse_entity(gold_set *g, gold_doc *d, int line, char *rest)
{
    char *f[3] = {NULL, NULL, NULL};
    size_t n = split(rest, " | ", f, 3);
    if (n < 2 || !*f[0] || !*f[1])
        fixture_error(g, line, "want: entity TYPE | NAME | ALIAS; ALIAS");
    d->entities = room_for_one(d->entities, d->entity_count, &d->entity_cap, sizeof *d->entities);
    gold_entity *e = &d->entities[d->entity_count++];
    memset(e, 0, sizeof *e);
    e->type = copy(f[0]);
    e->name = copy(f[1]);
    if (n < 3 || strcmp(f[2], "-") == 0)
        return;
    size_t cap = 0;
    char *state = NULL;
    for (char *alias = strtok_r(f[2], ";", &state); alias; alias = strtok_r(NULL, ";", &state)) {
        alias = trim(alias);
        if (!*alias)
            continue;
        e->aliases = room_for_one(e->aliases, e->alias_count, &cap, sizeof *e->aliases);
        e->aliases[e->alias_count++] = copy(alias);
    }
}

static void parse_quote(gold_set *g, gold_doc *d, int line, char *rest)
{
    char *f[2];
    if (split(rest, " :: ", f, 2) != 2 || !*f[0] || !*f[1])
        fixture_error(g, line, "want: quote SPEAKER :: WORD WORD");
    d->quotes = room_for_one(d->quotes, d->quote_count, &d->quote_cap, sizeof *d->quotes);
    gold_quote *q = &d->quotes[d->quote_count++];
    memset(q, 0, sizeof *q);
    q->speaker = copy(f[0]);
    size_t cap = 0;
    char *state = NULL;
    for (char *word = strtok_r(f[1], " ", &state); word; word = strtok_r(NULL, " ", &state)) {
        q->words = room_for_one(q->words, q->word_count, &cap, sizeof *q->words);
        q->words[q->word_count++] = copy(word);
    }
}

static void parse_figure(gold_set *g, gold_doc *d, int line, char *rest)
{
    char *f[4];
    char *end;
    if (split(rest, " | ", f, 4) != 4)
        fixture_error(g, line, "want: figure VALUE | UNIT | QUALIFIER | ABOUT");
    double value = strtod(f[0], &end);
    if (end == f[0] || *end)
        fixture_error(g, line, "the value is not a plain number");
    d->figures = room_for_one(d->figures, d->figure_count, &d->figure_cap, sizeof *d->figures);
    gold_figure *x = &d->figures[d->figure_count++];
    x->value = value;
    x->unit = copy_or_null(f[1]);
    x->qualifier = copy_or_null(f[2]);
    x->about = copy(f[3]);
}

static void parse_date(gold_set *g, gold_doc *d, int line, char *rest)
{
    char *f[2] = {NULL, NULL};
    size_t n = split(rest, " | ", f, 2);
    size_t len = strlen(f[0]);
    if (n != 2 || (len != 4 && len != 7 && len != 10))
        fixture_error(g, line, "want: date YYYY[-MM[-DD]] | WHAT");
    d->dates = room_for_one(d->dates, d->date_count, &d->date_cap, sizeof *d->dates);
    gold_date *x = &d->dates[d->date_count++];
    x->date = copy(f[0]);
    x->what = copy(f[1]);
}

static int read_fixture(gold_set *g)
{
    FILE *f = fopen(g->path, "r");
    if (!f)
        return -1;
    char *buf = NULL;
    size_t bufcap = 0;
    int line = 0;
    gold_doc *d = NULL;
    while (getline(&buf, &bufcap, f) > 0) {
        line++;
        char *s = trim(buf);
        if (!*s || *s == '#')
            continue;
        char *rest = s + strcspn(s, " ");
        if (*rest)
            *rest++ = '\0';
        rest = trim(rest);
        if (strcmp(s, "doc") == 0) {
            g->docs = room_for_one(g->docs, g->count, &g->cap, sizeof *g->docs);
            d = &g->docs[g->count++];
            memset(d, 0, sizeof *d);
            d->line = line;
            char *f2[2] = {NULL, NULL};
            split(rest, " | ", f2, 2);
            if (sscanf(f2[0], "%ld %zu", &d->cluster, &d->index) != 2)
                fixture_error(g, line, "want: doc CLUSTER INDEX | NOTE");
            d->note = copy(f2[1] ? f2[1] : "");
        } else if (!d) {
            fixture_error(g, line, "a statement before the first \"doc\"");
        } else if (strcmp(s, "published") == 0) {
            if (strlen(rest) != 10)
                fixture_error(g, line, "want: published YYYY-MM-DD");
            d->published = copy(rest);
        } else if (strcmp(s, "entity") == 0) {
            parse_entity(g, d, line, rest);
        } else if (strcmp(s, "quote") == 0) {
            parse_quote(g, d, line, rest);
        } else if (strcmp(s, "figure") == 0) {
            parse_figure(g, d, line, rest);
        } else if (strcmp(s, "date") == 0) {
            parse_date(g, d, line, rest);
        } else {
            fixture_error(g, line, "unknown statement");
        }
    }
    free(buf);
    fclose(f);
    return 0;
}

static void free_strings(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

static void free_fixture(gold_set *g)
{
    for (size_t i = 0; i < g->count; i++) {
        gold_doc *d = &g->docs[i];
        for (size_t k = 0; k < d->entity_count; k++) {
            free(d->entities[k].type);
            free(d->entities[k].name);
            free_strings(d->entities[k].aliases, d->entities[k].alias_count);
        }
        for (size_t k = 0; k < d->quote_count; k++) {
            free(d->quotes[k].speaker);
            free_strings(d->quotes[k].words, d->quotes[k].word_count);
        }
        for (size_t k = 0; k < d->figure_count; k++) {
            free(d->figures[k].unit);
            free(d->figures[k].qualifier);
            free(d->figures[k].about);
        }
        for (size_t k = 0; k < d->date_count; k++) {
            free(d->dates[k].date);
            free(d->dates[k].what);
        }
        free(d->entities);
        free(d->quotes);
        free(d->figures);
        free(d->dates);
        free(d->note);
        free(d->published);
    }
    free(g->docs);
}

/* ---------------------------------------------------------------------- */
/* The data set                                                           */
/* ---------------------------------------------------------------------- */

typedef struct {
    json_t **clusters; /* the JSON object of each line, in file order */
    size_t count;
} data_set;

static int read_data(const char *path, data_set *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t linecap = 0, cap = 0;
    while (getline(&line, &linecap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        if (!json_is_array(json_object_get(o, "documents"))) {
            json_decref(o);
            continue;
        }
        out->clusters = room_for_one(out->clusters, out->count, &cap, sizeof *out->clusters);
        out->clusters[out->count++] = o;
    }
    free(line);
    fclose(f);
    return 0;
}

static json_t *cluster_documents(const data_set *data, long cluster)
{
    for (size_t i = 0; i < data->count; i++)
        if (json_integer_value(json_object_get(data->clusters[i], "cluster")) == cluster)
            return json_object_get(data->clusters[i], "documents");
    return NULL;
}

static void free_data(data_set *data)
{
    for (size_t i = 0; i < data->count; i++)
        json_decref(data->clusters[i]);
    free(data->clusters);
}

/* ---------------------------------------------------------------------- */
/* Matching                                                               */
/* ---------------------------------------------------------------------- */

typedef struct {
    size_t gold, found;        /* annotated items, and those found */
    size_t extracted, correct; /* extracted items, and those that match an annotation */
} pr_counts;

typedef struct {
    pr_counts entities, quotes, strict_quotes, figures, dates;
    size_t types_right, aliases_gold, aliases_found;
    size_t speakers_right;
    size_t units_right, qualifiers_right;
} field_counts;

static void add_pr(pr_counts *to, const pr_counts *from)
{
    to->gold += from->gold;
    to->found += from->found;
    to->extracted += from->extracted;
    to->correct += from->correct;
}

static void add_counts(field_counts *to, const field_counts *from)
{
    add_pr(&to->entities, &from->entities);
    add_pr(&to->quotes, &from->quotes);
    add_pr(&to->strict_quotes, &from->strict_quotes);
    add_pr(&to->figures, &from->figures);
    add_pr(&to->dates, &from->dates);
    to->types_right += from->types_right;
    to->aliases_gold += from->aliases_gold;
    to->aliases_found += from->aliases_found;
    to->speakers_right += from->speakers_right;
    to->units_right += from->units_right;
    to->qualifiers_right += from->qualifiers_right;
}

static int cites(const size_t *sources, size_t count, size_t article)
{
    for (size_t i = 0; i < count; i++)
        if (sources[i] == article)
            return 1;
    return 0;
}

static int is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether `text` holds `word` with no letter or digit on either side, ignoring case. */
static int has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; *p; p++) {
        if (strncasecmp(p, word, n) != 0)
            continue;
        int starts = p == text || !is_word_byte(p[-1]);
        int ends = !is_word_byte(p[n]);
        if (starts && ends)
            return 1;
    }
    return 0;
}

static int gold_entity_has_form(const gold_entity *g, const char *form)
{
    if (strcasecmp(g->name, form) == 0)
        return 1;
    for (size_t a = 0; a < g->alias_count; a++)
        if (strcasecmp(g->aliases[a], form) == 0)
            return 1;
    return 0;
}

static int entity_has_form(const chorus_entity *e, const char *form)
{
    if (strcasecmp(e->name, form) == 0)
        return 1;
    for (size_t a = 0; a < e->alias_count; a++)
        if (strcasecmp(e->aliases[a], form) == 0)
            return 1;
    return 0;
}

static int entity_matches(const chorus_entity *e, const gold_entity *g)
{
    if (gold_entity_has_form(g, e->name))
        return 1;
    for (size_t a = 0; a < e->alias_count; a++)
        if (gold_entity_has_form(g, e->aliases[a]))
            return 1;
    return 0;
}

/* The annotated entity of the document called `name`, for a speaker's other forms. */
static const gold_entity *gold_entity_named(const gold_doc *d, const char *name)
{
    for (size_t k = 0; k < d->entity_count; k++)
        if (strcasecmp(d->entities[k].name, name) == 0)
            return &d->entities[k];
    return NULL;
}

static int speaker_right(const gold_doc *d, const gold_quote *g, const char *speaker)
{
    if (strcmp(g->speaker, "?") == 0)
        return speaker == NULL;
    if (!speaker)
        return 0;
    if (strcasecmp(speaker, g->speaker) == 0)
        return 1;
    const gold_entity *e = gold_entity_named(d, g->speaker);
    return e && gold_entity_has_form(e, speaker);
}

static int same_unit(const char *got, const char *want)
{
    if (!got || !want)
        return !got && !want;
    size_t n = strlen(got), m = strlen(want);
    /* "ton" and "tons" are one unit. */
    if (n > 1 && (got[n - 1] == 's' || got[n - 1] == 'S'))
        n--;
    if (m > 1 && (want[m - 1] == 's' || want[m - 1] == 'S'))
        m--;
    return n == m && strncasecmp(got, want, n) == 0;
}

static int same_qualifier(const char *got, const char *want)
{
    if (!got || !want)
        return !got && !want;
    return strcasecmp(got, want) == 0;
}

static int same_value(double got, double want)
{
    return fabs(got - want) <= 1e-6 * fmax(fabs(want), 1e-9);
}

static const char *or_dash(const char *s)
{
    return s ? s : "-";
}

static void compare_entities(const gold_doc *d, const chorus_story_info *st, size_t article, int details,
                             field_counts *c)
{
    c->entities.gold = d->entity_count;
    for (size_t k = 0; k < d->entity_count; k++) {
        const gold_entity *g = &d->entities[k];
        const chorus_entity *best = NULL;
        for (size_t e = 0; e < st->entity_count; e++) {
            const chorus_entity *x = &st->entities[e];
            if (!cites(x->sources, x->source_count, article) || !entity_matches(x, g))
                continue;
            /* Entities come most mentioned first: the first match stands
             * unless a later one bears the annotated name itself. */
            if (!best || (strcasecmp(x->name, g->name) == 0 && strcasecmp(best->name, g->name) != 0))
                best = x;
        }
        if (!best) {
            if (details)
                printf("    entity missed: %s (%s)\n", g->name, g->type);
            continue;
        }
        c->entities.found++;
        if (strcmp(best->type, g->type) == 0)
            c->types_right++;
        else if (details)
            printf("    entity type: %s is a %s, annotated %s\n", best->name, best->type, g->type);
        for (size_t a = 0; a < g->alias_count; a++) {
            c->aliases_gold++;
            if (entity_has_form(best, g->aliases[a]))
                c->aliases_found++;
            else if (details)
                printf("    alias missed: \"%s\" of %s\n", g->aliases[a], g->name);
        }
    }
    for (size_t e = 0; e < st->entity_count; e++) {
        const chorus_entity *x = &st->entities[e];
        if (!cites(x->sources, x->source_count, article))
            continue;
        c->entities.extracted++;
        int matched = 0;
        for (size_t k = 0; k < d->entity_count && !matched; k++)
            matched = entity_matches(x, &d->entities[k]);
        if (matched)
            c->entities.correct++;
        else if (details)
            printf("    entity extra: %s (%s)\n", x->name, x->type);
    }
}

static int quote_holds(const chorus_quote *q, const gold_quote *g)
{
    for (size_t w = 0; w < g->word_count; w++)
        if (!has_word(q->text, g->words[w]))
            return 0;
    return 1;
}

static void compare_quotes(const gold_doc *d, const chorus_story_info *st, size_t article, int details,
                           field_counts *c)
{
    unsigned char *used = checked(calloc(st->quote_count + 1, 1));
    c->quotes.gold = c->strict_quotes.gold = d->quote_count;
    for (size_t q = 0; q < st->quote_count; q++)
        if (cites(st->quotes[q].sources, st->quotes[q].source_count, article))
            c->quotes.extracted++;
    c->strict_quotes.extracted = c->quotes.extracted;
    for (size_t k = 0; k < d->quote_count; k++) {
        const gold_quote *g = &d->quotes[k];
        const chorus_quote *match = NULL;
        for (size_t q = 0; q < st->quote_count && !match; q++) {
            const chorus_quote *x = &st->quotes[q];
            if (!used[q] && cites(x->sources, x->source_count, article) && quote_holds(x, g)) {
                used[q] = 1;
                match = x;
            }
        }
        if (!match) {
            if (details) {
                printf("    quote missed: %s ::", g->speaker);
                for (size_t w = 0; w < g->word_count; w++)
                    printf(" %s", g->words[w]);
                printf("\n");
            }
            continue;
        }
        c->quotes.found++;
        c->quotes.correct++;
        if (speaker_right(d, g, match->speaker)) {
            c->speakers_right++;
            c->strict_quotes.found++;
            c->strict_quotes.correct++;
        } else if (details) {
            printf("    speaker: \"%.60s\" given to %s, annotated %s\n", match->text, or_dash(match->speaker),
                   g->speaker);
        }
    }
    for (size_t q = 0; details && q < st->quote_count; q++)
        if (!used[q] && cites(st->quotes[q].sources, st->quotes[q].source_count, article))
            printf("    quote extra: %s :: \"%.70s\"\n", or_dash(st->quotes[q].speaker), st->quotes[q].text);
    free(used);
}

static void compare_figures(const gold_doc *d, const chorus_story_info *st, size_t article, int details,
                            field_counts *c)
{
    unsigned char *used = checked(calloc(st->figure_count + 1, 1));
    c->figures.gold = d->figure_count;
    for (size_t f = 0; f < st->figure_count; f++)
        if (cites(st->figures[f].sources, st->figures[f].source_count, article))
            c->figures.extracted++;
    for (size_t k = 0; k < d->figure_count; k++) {
        const gold_figure *g = &d->figures[k];
        size_t pick = st->figure_count;
        for (size_t f = 0; f < st->figure_count; f++) {
            const chorus_figure *x = &st->figures[f];
            if (used[f] || !cites(x->sources, x->source_count, article) || !same_value(x->value, g->value))
                continue;
            if (pick == st->figure_count)
                pick = f;
            if (same_unit(x->unit, g->unit)) {
                pick = f;
                break;
            }
        }
        if (pick == st->figure_count) {
            if (details)
                printf("    figure missed: %.15g %s (%s)\n", g->value, or_dash(g->unit), g->about);
            continue;
        }
        const chorus_figure *x = &st->figures[pick];
        used[pick] = 1;
        c->figures.found++;
        c->figures.correct++;
        if (same_unit(x->unit, g->unit))
            c->units_right++;
        else if (details)
            printf("    figure unit: %.15g in %s, annotated %s (\"%s\")\n", g->value, or_dash(x->unit),
                   or_dash(g->unit), x->text);
        if (same_qualifier(x->qualifier, g->qualifier))
            c->qualifiers_right++;
        else if (details)
            printf("    figure qualifier: %.15g %s, annotated %s (\"%s\")\n", g->value, or_dash(x->qualifier),
                   or_dash(g->qualifier), x->text);
    }
    for (size_t f = 0; details && f < st->figure_count; f++) {
        const chorus_figure *x = &st->figures[f];
        if (!used[f] && cites(x->sources, x->source_count, article))
            printf("    figure extra: %.15g %s (\"%s\")\n", x->value, or_dash(x->unit), x->text);
    }
    free(used);
}

static int gold_has_date(const gold_doc *d, const char *date)
{
    for (size_t k = 0; k < d->date_count; k++)
        if (strcmp(d->dates[k].date, date) == 0)
            return 1;
    return 0;
}

/* Whether an earlier event of the article already gave this date. */
static int date_seen_before(const chorus_story_info *st, size_t upto, size_t article)
{
    for (size_t e = 0; e < upto; e++)
        if (cites(st->timeline[e].sources, st->timeline[e].source_count, article) &&
            strcmp(st->timeline[e].date, st->timeline[upto].date) == 0)
            return 1;
    return 0;
}

static void compare_dates(const gold_doc *d, const chorus_story_info *st, size_t article, int details,
                          field_counts *c)
{
    for (size_t k = 0; k < d->date_count; k++) {
        int repeated = 0;
        for (size_t j = 0; j < k && !repeated; j++)
            repeated = strcmp(d->dates[j].date, d->dates[k].date) == 0;
        if (repeated)
            continue;
        c->dates.gold++;
        int found = 0;
        for (size_t e = 0; e < st->event_count && !found; e++)
            found = cites(st->timeline[e].sources, st->timeline[e].source_count, article) &&
                    strcmp(st->timeline[e].date, d->dates[k].date) == 0;
        if (found)
            c->dates.found++;
        else if (details)
            printf("    date missed: %s (%s)\n", d->dates[k].date, d->dates[k].what);
    }
    for (size_t e = 0; e < st->event_count; e++) {
        const chorus_event *x = &st->timeline[e];
        if (!cites(x->sources, x->source_count, article) || date_seen_before(st, e, article))
            continue;
        c->dates.extracted++;
        if (gold_has_date(d, x->date))
            c->dates.correct++;
        else if (details)
            printf("    date extra: %s (\"%.70s\")\n", x->date, x->text);
    }
}

/* ---------------------------------------------------------------------- */
/* One annotated article                                                  */
/* ---------------------------------------------------------------------- */

/*
 * Builds the corpus of the article's cluster and compares the facts that
 * cite it. Returns 0, or -1 when the article cannot be measured (the data
 * set lacks it, or chorus drops it), which the caller reports.
 */
static int measure_document(const gold_doc *d, json_t *documents, int details, field_counts *c)
{
    chorus_options o;
    chorus_options_init(&o);
    o.one_story = 1;
    o.summary_sentences = 0; /* the facts do not depend on the summary */
    chorus_corpus *corpus;
    if (chorus_corpus_new(&corpus, &o))
        return -1;
    size_t added = 0, article = (size_t)-1;
    for (size_t i = 0; i < json_array_size(documents); i++) {
        const char *text = json_string_value(json_array_get(documents, i));
        if (!text)
            continue;
        char name[64];
        snprintf(name, sizeof name, "cluster %ld document %zu", d->cluster, i);
        char *dated = NULL;
        if (i == d->index && d->published) {
            size_t len = strlen(text) + 32;
            dated = checked(malloc(len));
            snprintf(dated, len, "Published: %s\n\n%s", d->published, text);
            text = dated;
        }
        int rc = chorus_corpus_add_text(corpus, name, text, strlen(text));
        free(dated);
        if (rc == 1) {
            if (i == d->index)
                article = added;
            added++;
        }
    }
    chorus_story_info st;
    chorus_article_info a;
    if (article == (size_t)-1 || chorus_corpus_analyze(corpus) || chorus_corpus_article(corpus, article, &a) ||
        chorus_corpus_story(corpus, a.story, &st)) {
        chorus_corpus_free(corpus);
        return -1;
    }
    if (a.duplicate_of)
        printf("    note: chorus takes cluster %ld document %zu for a copy of %s\n", d->cluster, d->index,
               a.duplicate_of);
    compare_entities(d, &st, article, details, c);
    compare_quotes(d, &st, article, details, c);
    compare_figures(d, &st, article, details, c);
    compare_dates(d, &st, article, details, c);
    chorus_corpus_free(corpus);
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Throughput                                                             */
/* ---------------------------------------------------------------------- */

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    double seconds; /* the fastest analysis */
    size_t articles, stories;
    double peak_mb;
} timing;

/*
 * Analyses one corpus of the first `clusters` clusters (at most `max_articles`
 * documents when not 0), `repeat` times, with facts on or off.
 */
static int time_analysis(const data_set *data, size_t clusters, size_t max_articles, int facts, int repeat,
                         timing *out)
{
    memset(out, 0, sizeof *out);
    for (int r = 0; r < repeat; r++) {
        chorus_options o;
        chorus_options_init(&o);
        o.facts = facts;
        chorus_corpus *corpus;
        if (chorus_corpus_new(&corpus, &o))
            return -1;
        size_t offered = 0;
        for (size_t k = 0; k < clusters; k++) {
            json_t *documents = json_object_get(data->clusters[k], "documents");
            for (size_t i = 0; i < json_array_size(documents); i++) {
                const char *text = json_string_value(json_array_get(documents, i));
                char name[64];
                snprintf(name, sizeof name, "cluster %zu document %zu", k, i);
                if (text && (!max_articles || offered < max_articles)) {
                    chorus_corpus_add_text(corpus, name, text, strlen(text));
                    offered++;
                }
            }
        }
        double t0 = now();
        int rc = chorus_corpus_analyze(corpus);
        double seconds = now() - t0;
        out->articles = chorus_corpus_article_count(corpus);
        out->stories = chorus_corpus_story_count(corpus);
        chorus_corpus_free(corpus);
        if (rc)
            return -1;
        if (r == 0 || seconds < out->seconds)
            out->seconds = seconds;
    }
    out->peak_mb = peak_mb();
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Report                                                                 */
/* ---------------------------------------------------------------------- */

static double ratio(size_t part, size_t whole)
{
    return whole ? (double)part / (double)whole : 0.0;
}

static void print_row(const char *field, const pr_counts *c)
{
    double p = ratio(c->correct, c->extracted), r = ratio(c->found, c->gold);
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    printf("  %-16s %6zu %6zu %10zu %8zu  %6.3f %6.3f %6.3f\n", field, c->gold, c->found, c->extracted, c->correct,
           p, r, f1);
}

static void print_agreement(const char *what, size_t right, size_t of)
{
    printf("    %-20s %4zu of %4zu  %6.3f\n", what, right, of, ratio(right, of));
}

static void print_document_header(void)
{
    printf("  %-9s  %-15s  %-15s  %-15s  %s\n", "article", "entities", "quotes", "figures", "dates");
    printf("  %-9s  %-15s  %-15s  %-15s  %s\n", "", "found correct", "found correct", "found correct",
           "found correct");
}

/* One line per article: found/annotated and correct/extracted for each field. */
static void print_document_counts(const gold_doc *d, const field_counts *c)
{
    char article[32];
    snprintf(article, sizeof article, "%ld/%zu", d->cluster, d->index);
    printf("  %-9s", article);
    const pr_counts *fields[] = {&c->entities, &c->quotes, &c->figures, &c->dates};
    for (size_t i = 0; i < 4; i++) {
        char found[24], correct[24];
        snprintf(found, sizeof found, "%zu/%zu", fields[i]->found, fields[i]->gold);
        snprintf(correct, sizeof correct, "%zu/%zu", fields[i]->correct, fields[i]->extracted);
        printf(i < 3 ? "  %-7s %-7s" : "  %-7s %s", found, correct);
    }
    printf("\n");
}

static int usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s [--data DIR] [--fixture FILE] [--limit N] [--repeat N] [--verbose] [--details]\n",
            argv0);
    return 2;
}

int main(int argc, char **argv)
{
    const char *data_dir = "../shared/data";
    gold_set gold = {.path = "tests/data/facts/multinews.txt"};
    size_t limit = 0;
    int repeat = 3, verbose = 0, details = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data_dir = argv[++i];
        else if (strcmp(argv[i], "--fixture") == 0 && i + 1 < argc)
            gold.path = argv[++i];
        else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc)
            limit = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (strcmp(argv[i], "--verbose") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--details") == 0)
            verbose = details = 1;
        else
            return usage(argv[0]);
    }
    if (repeat < 1)
        repeat = 1;

    char data_path[4096];
    snprintf(data_path, sizeof data_path, "%s/multinews-validation/clusters.jsonl", data_dir);
    data_set data = {0};
    if (read_data(data_path, &data) != 0) {
        printf("bench facts: skipped: %s absent\n", data_path);
        return 0;
    }
    if (read_fixture(&gold) != 0) {
        fprintf(stderr, "bench facts: cannot read the annotation %s\n", gold.path);
        free_data(&data);
        return 2;
    }

    /* The throughput first, so that the peak memory of each run is its own
     * and not left over from the small corpora of the comparison. */
    size_t clusters = limit && limit < data.count ? limit : data.count;
    timing off, on, one_off, one_on;
    int timed = time_analysis(&data, clusters, 0, 0, repeat, &off) == 0 &&
                time_analysis(&data, clusters, 0, 1, repeat, &on) == 0 &&
                time_analysis(&data, 1, 1, 0, repeat, &one_off) == 0 &&
                time_analysis(&data, 1, 1, 1, repeat, &one_on) == 0;

    printf("bench facts: %zu hand-annotated Multi-News articles (%s)\n", gold.count, gold.path);
    if (verbose)
        print_document_header();
    field_counts total = {0};
    size_t measured = 0;
    for (size_t i = 0; i < gold.count; i++) {
        const gold_doc *d = &gold.docs[i];
        json_t *documents = cluster_documents(&data, d->cluster);
        if (!documents || d->index >= json_array_size(documents)) {
            printf("    %s:%d: cluster %ld has no document %zu\n", gold.path, d->line, d->cluster, d->index);
            continue;
        }
        if (details)
            printf("  cluster %ld document %zu: %s\n", d->cluster, d->index, d->note);
        field_counts c = {0};
        if (measure_document(d, documents, details, &c) != 0) {
            printf("    cluster %ld document %zu: chorus did not read it\n", d->cluster, d->index);
            continue;
        }
        if (verbose)
            print_document_counts(d, &c);
        add_counts(&total, &c);
        measured++;
    }
    printf("  %zu articles measured; micro-averaged over them:\n", measured);
    printf("  %-16s %6s %6s %10s %8s  %6s %6s %6s\n", "field", "gold", "found", "extracted", "correct", "P", "R",
           "F1");
    print_row("entities", &total.entities);
    print_row("quotes", &total.quotes);
    print_row("quotes, strict", &total.strict_quotes);
    print_row("figures", &total.figures);
    print_row("dates", &total.dates);
    printf("  agreement among matches:\n");
    print_agreement("entity type", total.types_right, total.entities.found);
    print_agreement("entity aliases", total.aliases_found, total.aliases_gold);
    print_agreement("quote speaker", total.speakers_right, total.quotes.found);
    print_agreement("figure unit", total.units_right, total.figures.found);
    print_agreement("figure qualifier", total.qualifiers_right, total.figures.found);

    if (timed) {
        printf("bench facts throughput: %zu clusters, %zu articles in one corpus, %zu stories (fastest of %d)\n",
               clusters, on.articles, on.stories, repeat);
        printf("  facts off: analyze %.3f s, %.0f articles/s, peak %.0f MB\n", off.seconds,
               (double)off.articles / off.seconds, off.peak_mb);
        printf("  facts on:  analyze %.3f s, %.0f articles/s, peak %.0f MB\n", on.seconds,
               (double)on.articles / on.seconds, on.peak_mb);
        /* The facts of a corpus of one article cost little more than
         * loading the lexicons, which every corpus does once. */
        double facts_seconds = on.seconds - off.seconds;
        double setup_seconds = one_on.seconds - one_off.seconds;
        if (facts_seconds > 0)
            printf("  facts stage: %.3f s, %.0f articles/s\n", facts_seconds, (double)on.articles / facts_seconds);
        else
            printf("  facts stage: too quick to tell apart from the noise\n");
        if (setup_seconds > 0 && facts_seconds > setup_seconds)
            printf("  of which %.3f s loads the lexicons once per corpus; without it %.0f articles/s\n",
                   setup_seconds, (double)on.articles / (facts_seconds - setup_seconds));
    } else {
        printf("bench facts throughput: the analysis failed\n");
    }
    free_fixture(&gold);
    free_data(&data);
    return 0;
}
