/* test_facts.c - entities, quotes, figures and the timeline, case by case from tests/cases/. */
#define _DEFAULT_SOURCE /* strdup */
#include <math.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>

#include "chorus.h"
#include "runner.h"

/*
 * Every case of a file becomes one article of one corpus, built with a
 * similarity threshold no pair of cases reaches, so that each case is a
 * story of its own and one corpus (one load of the lexicons) serves them
 * all. A case that lands in a story with another fails, naming both.
 */

#define MAX_CASES 128

typedef struct {
    int line;
    char *fields[8];
    int field_count;
} fact_case;

typedef struct {
    const char *path;
    int dated;      /* the first field is a publication date */
    fact_case cases[MAX_CASES];
    size_t count;
} case_file;

static void keep_case(test_ctx *t, const test_record *r, void *userdata)
{
    case_file *f = userdata;
    if (f->count == MAX_CASES) {
        test_fail(t, f->path, r->line, "more than %d cases in one file", MAX_CASES);
        return;
    }
    if (r->field_count < 2 + f->dated) {
        test_fail(t, f->path, r->line, "a case needs %sTEXT => EXPECTED", f->dated ? "DATE => " : "");
        return;
    }
    fact_case *c = &f->cases[f->count++];
    c->line = r->line;
    c->field_count = r->field_count;
    for (int i = 0; i < r->field_count; i++)
        c->fields[i] = strdup(r->fields[i]);
}

static void free_cases(case_file *f)
{
    for (size_t i = 0; i < f->count; i++)
        for (int k = 0; k < f->cases[i].field_count; k++)
            free(f->cases[i].fields[k]);
}

/* The article text of a case: a date line when dated, "\n" made a paragraph break. */
static char *case_text(const case_file *f, const fact_case *c)
{
    const char *date = f->dated ? c->fields[0] : NULL;
    const char *body = c->fields[f->dated ? 1 : 0];
    size_t cap = strlen(body) * 2 + 64;
    char *out = malloc(cap), *p = out;
    if (!out)
        return NULL;
    if (date && strcmp(date, "-") != 0)
        p += sprintf(p, "Published: %s\n\n", date);
    for (const char *s = body; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            *p++ = '\n';
            *p++ = '\n';
            s++;
        } else {
            *p++ = *s;
        }
    }
    *p = '\0';
    return out;
}

static chorus_corpus *corpus_of_cases(test_ctx *t, case_file *f)
{
    if (test_each_record(t, f->path, keep_case, f) < 0)
        return NULL;
    chorus_options o;
    chorus_options_init(&o);
    o.cluster_threshold = 1.0;
    o.summary_sentences = 0;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return NULL;
    for (size_t i = 0; i < f->count; i++) {
        char *text = case_text(f, &f->cases[i]);
        char name[64];
        snprintf(name, sizeof name, "%s:%d", f->path, f->cases[i].line);
        CHECK_INT(t, chorus_corpus_add_text(c, name, text, strlen(text)), 1);
        free(text);
    }
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    return c;
}

/* The story of case i; NULL (and a failure) when it shares one. */
static int story_of_case(test_ctx *t, const chorus_corpus *c, const case_file *f, size_t i,
                         chorus_story_info *st)
{
    chorus_article_info a;
    if (chorus_corpus_article(c, i, &a) || chorus_corpus_story(c, a.story, st))
        return 0;
    if (st->article_count != 1) {
        test_fail(t, f->path, f->cases[i].line, "this case shares a story with %zu others; make it distinct",
                  st->article_count - 1);
        return 0;
    }
    return 1;
}

typedef void (*case_check)(test_ctx *t, const case_file *f, const fact_case *k, const chorus_story_info *st);

/* Reads the cases of f, one story each, and checks every case's story. */
static void run_cases(test_ctx *t, case_file *f, size_t min_cases, case_check check)
{
    chorus_corpus *c = corpus_of_cases(t, f);
    CHECK(t, c && f->count >= min_cases);
    for (size_t i = 0; c && i < f->count; i++) {
        chorus_story_info st;
        if (story_of_case(t, c, f, i, &st))
            check(t, f, &f->cases[i], &st);
    }
    chorus_corpus_free(c);
    free_cases(f);
}

/* ---------------------------------------------------------------------- */
/* Quotes                                                                 */
/* ---------------------------------------------------------------------- */

static void check_quote(test_ctx *t, const case_file *f, const fact_case *k, const chorus_story_info *st)
{
    size_t want = strcmp(k->fields[1], "-") == 0 ? 0 : (size_t)k->field_count - 1;
    if (st->quote_count != want) {
        test_fail(t, f->path, k->line, "%zu quotations found, want %zu", st->quote_count, want);
        for (size_t q = 0; q < st->quote_count; q++)
            fprintf(stderr, "    found: %s :: %s\n", st->quotes[q].speaker ? st->quotes[q].speaker : "?",
                    st->quotes[q].text);
        return;
    }
    for (size_t e = 0; e < want; e++) {
        char *spec = k->fields[1 + e];
        char *sep = strstr(spec, " :: ");
        if (!sep) {
            test_fail(t, f->path, k->line, "expected \"SPEAKER :: WORDS\", got \"%s\"", spec);
            continue;
        }
        const char *speaker = strcmp(spec, "?") == 0 || strncmp(spec, "? ", 2) == 0 ? NULL : spec;
        const char *words = sep + 4;
        size_t speaker_len = (size_t)(sep - spec);
        int matched = 0;
        for (size_t q = 0; q < st->quote_count && !matched; q++) {
            const chorus_quote *qt = &st->quotes[q];
            if (strncmp(qt->text, words, strlen(words)) != 0)
                continue;
            matched = 1;
            if (!speaker ? qt->speaker != NULL
                         : !qt->speaker || strlen(qt->speaker) != speaker_len ||
                               strncmp(qt->speaker, speaker, speaker_len) != 0)
                test_fail(t, f->path, k->line, "\"%s\" attributed to %s, want %.*s", words,
                          qt->speaker ? qt->speaker : "nobody", (int)speaker_len, spec);
        }
        if (!matched)
            test_fail(t, f->path, k->line, "no quotation starting \"%s\"", words);
    }
}

static void quote_cases(test_ctx *t)
{
    case_file f = {.path = "tests/cases/quotes.txt"};
    run_cases(t, &f, 30, check_quote);
}

/* ---------------------------------------------------------------------- */
/* Figures                                                                */
/* ---------------------------------------------------------------------- */

static int same_or_dash(const char *got, const char *want)
{
    return strcmp(want, "-") == 0 ? got == NULL : got && strcmp(got, want) == 0;
}

static void check_figure(test_ctx *t, const case_file *f, const fact_case *k, const chorus_story_info *st)
{
    if (strcmp(k->fields[1], "-") == 0) {
        for (size_t g = 0; g < st->figure_count; g++)
            test_fail(t, f->path, k->line, "\"%s\" taken for a figure", st->figures[g].text);
        return;
    }
    if (k->field_count != 5) {
        test_fail(t, f->path, k->line, "want TEXT => VALUE => UNIT => QUALIFIER => ABOUT");
        return;
    }
    double value = strtod(k->fields[1], NULL);
    const chorus_figure *fig = NULL;
    for (size_t g = 0; g < st->figure_count && !fig; g++)
        if (fabs(st->figures[g].value - value) <= 1e-9 * fmax(1, fabs(value)))
            fig = &st->figures[g];
    if (!fig) {
        test_fail(t, f->path, k->line, "no figure of value %s", k->fields[1]);
        for (size_t g = 0; g < st->figure_count; g++)
            fprintf(stderr, "    found: %g (%s)\n", st->figures[g].value, st->figures[g].text);
        return;
    }
    if (!same_or_dash(fig->unit, k->fields[2]))
        test_fail(t, f->path, k->line, "unit %s, want %s", fig->unit ? fig->unit : "-", k->fields[2]);
    if (!same_or_dash(fig->qualifier, k->fields[3]))
        test_fail(t, f->path, k->line, "qualifier %s, want %s", fig->qualifier ? fig->qualifier : "-",
                  k->fields[3]);
    const char *about = k->fields[4];
    if (strcmp(about, "-") != 0 && (!fig->about || !strstr(fig->about, about)))
        test_fail(t, f->path, k->line, "about \"%s\", want it to name \"%s\"", fig->about ? fig->about : "-",
                  about);
}

static void figure_cases(test_ctx *t)
{
    case_file f = {.path = "tests/cases/figures.txt"};
    run_cases(t, &f, 30, check_figure);
}

/* ---------------------------------------------------------------------- */
/* Timeline                                                               */
/* ---------------------------------------------------------------------- */

static void check_timeline(test_ctx *t, const case_file *f, const fact_case *k, const chorus_story_info *st)
{
    if (k->field_count != 3) {
        test_fail(t, f->path, k->line, "want PUBLISHED => TEXT => DATES");
        return;
    }
    char got[256] = "";
    for (size_t e = 0; e < st->event_count; e++) {
        size_t len = strlen(got);
        snprintf(got + len, sizeof got - len, "%s%s", e ? ", " : "", st->timeline[e].date);
    }
    if (!got[0])
        strcpy(got, "-");
    if (strcmp(got, k->fields[2]) != 0)
        test_fail(t, f->path, k->line, "dates %s, want %s", got, k->fields[2]);
}

static void timeline_cases(test_ctx *t)
{
    case_file f = {.path = "tests/cases/timeline.txt", .dated = 1};
    run_cases(t, &f, 30, check_timeline);
}

/* ---------------------------------------------------------------------- */
/* Entities                                                               */
/* ---------------------------------------------------------------------- */

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    size_t k = strspn(s, " ");
    memmove(s, s + k, n - k + 1);
}

/* The entity called or aliased `name`, or NULL. */
static const chorus_entity *entity_named(const chorus_story_info *st, const char *name, int aliases_too)
{
    for (size_t e = 0; e < st->entity_count; e++) {
        if (strcmp(st->entities[e].name, name) == 0)
            return &st->entities[e];
        for (size_t a = 0; aliases_too && a < st->entities[e].alias_count; a++)
            if (strcmp(st->entities[e].aliases[a], name) == 0)
                return &st->entities[e];
    }
    return NULL;
}

static void check_entity(test_ctx *t, const case_file *f, const fact_case *k, const chorus_story_info *st,
                         char *spec)
{
    if (spec[0] == '!') {
        if (entity_named(st, spec + 1, 1))
            test_fail(t, f->path, k->line, "\"%s\" taken for an entity", spec + 1);
        return;
    }
    char *parts[3] = {spec, NULL, NULL};
    for (int p = 1; p < 3; p++) {
        char *bar = parts[p - 1] ? strchr(parts[p - 1], '|') : NULL;
        if (bar) {
            *bar = '\0';
            parts[p] = bar + 1;
        }
    }
    for (int p = 0; p < 3; p++)
        if (parts[p])
            trim(parts[p]);
    const chorus_entity *e = entity_named(st, parts[0], 0);
    if (!e) {
        test_fail(t, f->path, k->line, "no entity \"%s\"", parts[0]);
        for (size_t x = 0; x < st->entity_count; x++)
            fprintf(stderr, "    found: %s (%s)\n", st->entities[x].name, st->entities[x].type);
        return;
    }
    if (parts[1] && strcmp(e->type, parts[1]) != 0)
        test_fail(t, f->path, k->line, "%s is a %s, want %s", e->name, e->type, parts[1]);
    for (char *alias = parts[2] ? strtok(parts[2], ";") : NULL; alias; alias = strtok(NULL, ";")) {
        trim(alias);
        int has = 0;
        for (size_t a = 0; a < e->alias_count; a++)
            has |= strcasecmp(e->aliases[a], alias) == 0; /* "The French president" opening a sentence */
        if (!has)
            test_fail(t, f->path, k->line, "\"%s\" is not an alias of %s", alias, e->name);
    }
}

static void check_entity_case(test_ctx *t, const case_file *f, const fact_case *k, const chorus_story_info *st)
{
    for (int e = 1; e < k->field_count; e++)
        check_entity(t, f, k, st, k->fields[e]);
}

static void entity_cases(test_ctx *t)
{
    case_file f = {.path = "tests/cases/entities.txt"};
    run_cases(t, &f, 10, check_entity_case);
}

/* ---------------------------------------------------------------------- */
/* The seed articles                                                      */
/* ---------------------------------------------------------------------- */

static const chorus_quote *quote_starting(const chorus_story_info *st, const char *words)
{
    for (size_t q = 0; q < st->quote_count; q++)
        if (strncmp(st->quotes[q].text, words, strlen(words)) == 0)
            return &st->quotes[q];
    return NULL;
}

static int has_alias(const chorus_entity *e, const char *alias)
{
    for (size_t a = 0; a < e->alias_count; a++)
        if (strcasecmp(e->aliases[a], alias) == 0)
            return 1;
    return 0;
}

/* The articles whose text holds `phrase`, as a bit set. */
static unsigned articles_with(chorus_corpus *c, const char *phrase)
{
    unsigned set = 0;
    for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        if (strstr(a.text, phrase))
            set |= 1u << i;
    }
    return set;
}

static unsigned source_set(const size_t *sources, size_t n)
{
    unsigned set = 0;
    for (size_t i = 0; i < n; i++)
        set |= 1u << sources[i];
    return set;
}

static int on_timeline(const chorus_story_info *st, const char *date)
{
    for (size_t e = 0; e < st->event_count; e++)
        if (strcmp(st->timeline[e].date, date) == 0)
            return 1;
    return 0;
}

static void seed_facts(test_ctx *t)
{
    if (access(t->env->seeds_dir, R_OK) != 0) {
        test_skip(t, "../shared/seeds is absent");
        return;
    }
    chorus_corpus *c;
    CHECK_INT(t, chorus_corpus_new(&c, NULL), 0);
    chorus_corpus_add_path(c, t->env->seeds_dir);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    chorus_story_info st;
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
    CHECK_INT(t, st.article_count, 5);

    /* The two leaders: one entity each, named in all five articles, with
     * their surnames and titles as aliases. */
    const chorus_entity *putin = entity_named(&st, "Vladimir Putin", 0);
    const chorus_entity *abbas = entity_named(&st, "Mahmoud Abbas", 0);
    CHECK(t, putin && abbas);
    if (putin && abbas) {
        CHECK_STR(t, putin->type, "person");
        CHECK_STR(t, abbas->type, "person");
        CHECK_INT(t, putin->source_count, 5);
        CHECK_INT(t, abbas->source_count, 5);
        CHECK(t, has_alias(putin, "Putin") && has_alias(putin, "Russian President Vladimir Putin") &&
                     has_alias(putin, "the Russian president"));
        CHECK(t, has_alias(abbas, "Abbas") && has_alias(abbas, "Palestinian Authority President Mahmoud Abbas") &&
                     has_alias(abbas, "President Abbas"));
        CHECK(t, entity_named(&st, "Putin", 1) == putin && entity_named(&st, "Abbas", 1) == abbas);
    }
    /* Abbreviations with their names, places merged with their other names. */
    const chorus_entity *un = entity_named(&st, "United Nations", 0);
    CHECK(t, un && has_alias(un, "UN"));
    CHECK(t, entity_named(&st, "Russian Federation", 1) == entity_named(&st, "Russia", 0));
    CHECK(t, entity_named(&st, "Hamas's", 1) == NULL && entity_named(&st, "August", 1) == NULL);

    /* Direct quotations and their speakers. */
    static const struct {
        const char *words, *speaker;
    } said[] = {
        {"Of course, we are watching with great pain", "Vladimir Putin"},
        {"We believe that lasting, stable peace", "Vladimir Putin"},
        {"an independent Palestinian State must be established", "Vladimir Putin"},
        {"Due to US pressure, the UN was unable", "Mahmoud Abbas"},
        {"one of the dearest friends of the Palestinian people", "Mahmoud Abbas"},
        {"If the conflict between Israel and Iran intensifies", "Liu Zhongmin"},
    };
    for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) {
        const chorus_quote *q = quote_starting(&st, said[i].words);
        CHECK_MSG(t, q != NULL, "no quotation \"%s\"", said[i].words);
        if (q)
            CHECK_STR(t, q->speaker, said[i].speaker);
    }
    /* Scare quotes are no quotations. */
    CHECK(t, quote_starting(&st, "difficult situation") == NULL);

    /* The death toll and the tonnage of aid: one entry each, with every
     * article that reports them. */
    size_t tolls = 0, tonnages = 0;
    for (size_t f = 0; f < st.figure_count; f++) {
        const chorus_figure *fig = &st.figures[f];
        if (fig->value == 40000) {
            tolls++;
            CHECK(t, fig->about && strstr(fig->about, "death toll"));
            CHECK_STR(t, fig->qualifier, "more than");
            CHECK_INT(t, source_set(fig->sources, fig->source_count), articles_with(c, "40,000"));
        }
        if (fig->value == 700) {
            tonnages++;
            CHECK_STR(t, fig->unit, "tons");
            CHECK(t, fig->about && strstr(fig->about, "humanitarian"));
            CHECK_INT(t, source_set(fig->sources, fig->source_count), articles_with(c, "700 tons"));
        }
    }
    CHECK_INT(t, tolls, 1);
    CHECK_INT(t, tonnages, 1);

    /* The meeting, the Doha talks ahead and the earlier events, each in its year. */
    static const char *const dates[] = {"2024-08-13", "2024-08-15", "2024-07-31", "2023-10-07",
                                        "2021-11", "1948", "1967", "1947"};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
        CHECK_MSG(t, on_timeline(&st, dates[i]), "%s is not on the timeline", dates[i]);
    for (size_t e = 0; e < st.event_count; e++) {
        CHECK_MSG(t, strcmp(st.timeline[e].date, "2024-08-15") <= 0, "%s: %s is after the story",
                  st.timeline[e].date, st.timeline[e].text);
        if (e)
            CHECK(t, strcmp(st.timeline[e - 1].date, st.timeline[e].date) <= 0);
    }

    /* What each outlet alone reports. */
    CHECK_INT(t, st.coverage_count, 5);
    for (size_t k = 0; k < st.coverage_count; k++) {
        const chorus_coverage *cv = &st.coverage[k];
        CHECK_MSG(t, cv->sentence_count > 0, "article %zu has no sentence of its own", cv->article);
        chorus_article_info a;
        chorus_corpus_article(c, cv->article, &a);
        for (size_t s = 0; s < cv->sentence_count; s++)
            CHECK(t, strstr(a.text, cv->sentences[s]) != NULL);
        if (a.source && strcmp(a.source, "TOME") == 0) {
            int onslaught = 0;
            for (size_t l = 0; l < cv->loaded_count; l++)
                onslaught |= strcmp(cv->loaded_terms[l], "relentless onslaught") == 0;
            CHECK(t, onslaught);
        }
    }
    chorus_corpus_free(c);
}

/* ---------------------------------------------------------------------- */
/* Figures across articles                                                */
/* ---------------------------------------------------------------------- */

static chorus_corpus *one_story_of(test_ctx *t, const char *const *texts, size_t n)
{
    chorus_options o;
    chorus_options_init(&o);
    o.one_story = 1;
    o.summary_sentences = 0;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "text%zu", i + 1);
        CHECK_INT(t, chorus_corpus_add_text(c, name, texts[i], strlen(texts[i])), 1);
    }
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    return c;
}

static const chorus_figure *figure_valued(const chorus_story_info *st, double v, size_t *index)
{
    for (size_t f = 0; f < st->figure_count; f++)
        if (st->figures[f].value == v) {
            *index = f;
            return &st->figures[f];
        }
    return NULL;
}

static int conflicts(const chorus_figure *f, size_t other)
{
    for (size_t k = 0; k < f->conflict_count; k++)
        if (f->conflicts_with[k] == other)
            return 1;
    return 0;
}

static void figures_agree_and_conflict(test_ctx *t)
{
    static const char *const texts[] = {
        "Published: 2025-06-02\n\nAt least 50 people died in the floods in the north, officials said on Monday. "
        "About 700 tons of food aid have arrived in the worst-hit districts.\n\nThe region was hit by "
        "similar floods in 2019, when 12 people died.",
        "Published: 2025-06-02\n\nThe floods in the north killed 32 people, the health ministry said on Monday. "
        "More than 650 tons of food aid have been delivered so far.",
        "Published: 2025-06-03\n\nAt least 50 people were killed by the floods in the north, according to "
        "officials, while rescuers searched for survivors.",
    };
    chorus_corpus *c = one_story_of(t, texts, 3);
    chorus_story_info st;
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
    size_t fifty = 0, thirty_two = 0, seven_hundred = 0, six_fifty = 0, twelve = 0;
    const chorus_figure *f50 = figure_valued(&st, 50, &fifty);
    const chorus_figure *f32 = figure_valued(&st, 32, &thirty_two);
    const chorus_figure *f700 = figure_valued(&st, 700, &seven_hundred);
    const chorus_figure *f650 = figure_valued(&st, 650, &six_fifty);
    const chorus_figure *f12 = figure_valued(&st, 12, &twelve);
    CHECK(t, f50 && f32 && f700 && f650 && f12);
    if (f50 && f32 && f700 && f650 && f12) {
        /* One claim from two outlets is one entry with both. */
        CHECK_INT(t, f50->source_count, 2);
        CHECK_STR(t, f50->qualifier, "at least");
        /* "at least 50" and "32" cannot both hold; "about 700" and "more than 650" can. */
        CHECK(t, conflicts(f50, thirty_two) && conflicts(f32, fifty));
        CHECK_INT(t, f700->conflict_count, 0);
        CHECK_INT(t, f650->conflict_count, 0);
        /* A toll of an earlier disaster, far down an article, is no rival count. */
        CHECK_INT(t, f12->conflict_count, 0);
    }
    chorus_corpus_free(c);
}

const test_case facts_tests[] = {
    {"quote_cases", quote_cases},
    {"figure_cases", figure_cases},
    {"timeline_cases", timeline_cases},
    {"entity_cases", entity_cases},
    {"figures_agree_and_conflict", figures_agree_and_conflict},
    {"seed_facts", seed_facts},
    {NULL, NULL},
};
