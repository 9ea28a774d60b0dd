/* report.c - writing briefings, groupings and summaries as Markdown, JSON, TSV and text.
 *
 * Writers see the corpus only through the public accessors, so every format
 * shows exactly what the API returns. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "corpus.h"
#include "notice.h"
#include "text.h"
#include "util.h"

/* Bytes of a non-article's text quoted in the Markdown briefing. */
#define NON_ARTICLE_QUOTE_BYTES 100

/* ---------------------------------------------------------------------- */
/* JSON                                                                   */
/* ---------------------------------------------------------------------- */

static json_t *json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *article_json(const chorus_article_info *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(a->id));
    json_object_set_new(o, "path", json_string(a->path));
    json_object_set_new(o, "source", json_str_or_null(a->source));
    json_object_set_new(o, "title", json_str_or_null(a->title));
    json_object_set_new(o, "url", json_str_or_null(a->url));
    json_object_set_new(o, "published", json_str_or_null(a->published));
    json_object_set_new(o, "language", json_string(a->language));
    json_object_set_new(o, "words", json_integer((json_int_t)a->words));
    json_object_set_new(o, "duplicate_of", json_str_or_null(a->duplicate_of));
    json_t *removed = json_array();
    for (size_t i = 0; i < a->removed_count; i++)
        json_array_append_new(removed, json_string(a->removed[i]));
    json_object_set_new(o, "removed", removed);
    return o;
}

/* Article ids for a list of article indices. */
static json_t *sources_json(const chorus_corpus *c, const size_t *items, size_t count)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < count; i++) {
        chorus_article_info a;
        chorus_corpus_article(c, items[i], &a);
        json_array_append_new(arr, json_string(a.id));
    }
    return arr;
}

static json_t *strings_json(const char *const *items, size_t count)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < count; i++)
        json_array_append_new(arr, json_string(items[i]));
    return arr;
}

/* "f3", "q2": ids of figures and quotes, 1-based like articles and stories. */
static json_t *id_json(char prefix, size_t index)
{
    char id[32];
    snprintf(id, sizeof id, "%c%zu", prefix, index + 1);
    return json_string(id);
}

static json_t *number_json(double v)
{
    if (v == (double)(json_int_t)v && v < 9007199254740992.0 && v > -9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static void facts_json(const chorus_corpus *c, const chorus_story_info *st, json_t *o)
{
    json_t *entities = json_array();
    for (size_t i = 0; i < st->entity_count; i++) {
        const chorus_entity *e = &st->entities[i];
        json_t *x = json_object();
        json_object_set_new(x, "name", json_string(e->name));
        json_object_set_new(x, "type", json_string(e->type));
        json_object_set_new(x, "aliases", strings_json(e->aliases, e->alias_count));
        json_object_set_new(x, "mentions", json_integer((json_int_t)e->mentions));
        json_object_set_new(x, "sources", sources_json(c, e->sources, e->source_count));
        json_array_append_new(entities, x);
    }
    json_object_set_new(o, "entities", entities);
    json_t *quotes = json_array();
    for (size_t i = 0; i < st->quote_count; i++) {
        const chorus_quote *q = &st->quotes[i];
        json_t *x = json_object();
        json_object_set_new(x, "id", id_json('q', i));
        json_object_set_new(x, "speaker", json_str_or_null(q->speaker));
        json_object_set_new(x, "text", json_string(q->text));
        json_object_set_new(x, "sources", sources_json(c, q->sources, q->source_count));
        json_array_append_new(quotes, x);
    }
    json_object_set_new(o, "quotes", quotes);
    json_t *figures = json_array();
    for (size_t i = 0; i < st->figure_count; i++) {
        const chorus_figure *f = &st->figures[i];
        json_t *x = json_object();
        json_object_set_new(x, "id", id_json('f', i));
        json_object_set_new(x, "value", number_json(f->value));
        json_object_set_new(x, "unit", json_str_or_null(f->unit));
        json_object_set_new(x, "qualifier", json_str_or_null(f->qualifier));
        json_object_set_new(x, "about", json_str_or_null(f->about));
        json_object_set_new(x, "text", json_string(f->text));
        json_object_set_new(x, "sources", sources_json(c, f->sources, f->source_count));
        json_t *conflicts = json_array();
        for (size_t k = 0; k < f->conflict_count; k++)
            json_array_append_new(conflicts, id_json('f', f->conflicts_with[k]));
        json_object_set_new(x, "conflicts_with", conflicts);
        json_array_append_new(figures, x);
    }
    json_object_set_new(o, "figures", figures);
    json_t *timeline = json_array();
    for (size_t i = 0; i < st->event_count; i++) {
        const chorus_event *e = &st->timeline[i];
        json_t *x = json_object();
        json_object_set_new(x, "date", json_string(e->date));
        json_object_set_new(x, "text", json_string(e->text));
        json_object_set_new(x, "sources", sources_json(c, e->sources, e->source_count));
        json_array_append_new(timeline, x);
    }
    json_object_set_new(o, "timeline", timeline);
    json_t *coverage = json_array();
    for (size_t i = 0; i < st->coverage_count; i++) {
        const chorus_coverage *v = &st->coverage[i];
        chorus_article_info a;
        chorus_corpus_article(c, v->article, &a);
        json_t *x = json_object(), *only = json_object();
        json_object_set_new(x, "article", json_string(a.id));
        json_object_set_new(only, "sentences", strings_json(v->sentences, v->sentence_count));
        json_t *names = json_array();
        for (size_t k = 0; k < v->entity_count; k++)
            json_array_append_new(names, json_string(st->entities[v->entities[k]].name));
        json_object_set_new(only, "entities", names);
        json_t *figs = json_array();
        for (size_t k = 0; k < v->figure_count; k++)
            json_array_append_new(figs, id_json('f', v->figures[k]));
        json_object_set_new(only, "figures", figs);
        json_t *qs = json_array();
        for (size_t k = 0; k < v->quote_count; k++)
            json_array_append_new(qs, id_json('q', v->quotes[k]));
        json_object_set_new(only, "quotes", qs);
        json_object_set_new(x, "only_here", only);
        json_object_set_new(x, "loaded_terms", strings_json(v->loaded_terms, v->loaded_count));
        json_array_append_new(coverage, x);
    }
    json_object_set_new(o, "coverage", coverage);
}

/* The JSON object of story s. */
static json_t *story_json(const chorus_corpus *c, size_t s)
{
    chorus_story_info st;
    chorus_corpus_story(c, s, &st);
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(st.id));
    json_object_set_new(o, "headline", json_string(st.headline));
    json_object_set_new(o, "start", json_str_or_null(st.start));
    json_object_set_new(o, "end", json_str_or_null(st.end));
    json_t *arts = json_array();
    for (size_t k = 0; k < st.article_count; k++) {
        chorus_article_info a;
        chorus_corpus_article(c, st.articles[k], &a);
        json_array_append_new(arts, article_json(&a));
    }
    json_object_set_new(o, "articles", arts);
    json_t *summary = json_array();
    for (size_t k = 0; k < st.summary_count; k++) {
        json_t *item = json_object();
        json_object_set_new(item, "text", json_string(st.summary[k].text));
        json_t *src = json_array();
        for (size_t m = 0; m < st.summary[k].source_count; m++) {
            chorus_article_info a;
            chorus_corpus_article(c, st.summary[k].sources[m], &a);
            json_array_append_new(src, json_string(a.id));
        }
        json_object_set_new(item, "sources", src);
        json_array_append_new(summary, item);
    }
    json_object_set_new(o, "summary", summary);
    facts_json(c, &st, o);
    return o;
}

/* The JSON object of an input that is not an article. */
static json_t *other_json(const chorus_article_info *a)
{
    json_t *o = article_json(a);
    json_object_set_new(o, "non_article", json_string(a->non_article));
    return o;
}

static json_t *brief_json(const chorus_corpus *c)
{
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string("chorus-brief/1"));
    json_t *stories = json_array();
    for (size_t s = 0; s < chorus_corpus_story_count(c); s++)
        json_array_append_new(stories, story_json(c, s));
    json_object_set_new(root, "stories", stories);
    /* Inputs that are no articles, in input order, each with the reason. */
    json_t *others = json_array();
    for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        if (a.non_article)
            json_array_append_new(others, other_json(&a));
    }
    json_object_set_new(root, "non_articles", others);
    return root;
}

static int dump_json(json_t *root, FILE *out)
{
    if (!root)
        return CHORUS_ENOMEM;
    int rc = json_dumpf(root, out, JSON_INDENT(2)) == 0 ? 0 : CHORUS_EIO;
    json_decref(root);
    if (!rc && fputc('\n', out) == EOF)
        rc = CHORUS_EIO;
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Markdown                                                               */
/* ---------------------------------------------------------------------- */

/* Writes text for Markdown that still reads well in a terminal: a mark is
 * escaped only where Markdown would act on it, that is emphasis and code
 * marks that come in pairs, and a '<' that could open an HTML tag. */
static void md_escape(chorus__buf *b, const char *s)
{
    size_t stars = 0, unders = 0, ticks = 0;
    for (const char *p = s; *p; p++) {
        stars += *p == '*';
        unders += *p == '_';
        ticks += *p == '`';
    }
    for (; *s; s++) {
        int pair = (*s == '*' && stars > 1) || (*s == '_' && unders > 1) || (*s == '`' && ticks > 1);
        int tag = *s == '<' && (s[1] == '/' || (s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z'));
        if (pair || tag || *s == '\\')
            chorus__buf_putc(b, '\\');
        chorus__buf_putc(b, *s == '\n' ? ' ' : *s);
    }
}

static size_t distinct_sources(const chorus_corpus *c, const chorus_story_info *st)
{
    size_t n = 0;
    for (size_t k = 0; k < st->article_count; k++) {
        chorus_article_info a;
        chorus_corpus_article(c, st->articles[k], &a);
        if (!a.source)
            continue;
        int seen = 0;
        for (size_t j = 0; j < k && !seen; j++) {
            chorus_article_info b;
            chorus_corpus_article(c, st->articles[j], &b);
            seen = b.source && strcmp(a.source, b.source) == 0;
        }
        n += !seen;
    }
    return n;
}

/* Markdown shows this many entities; the JSON has them all. */
#define MD_ENTITIES 12

static void md_sources(const chorus_corpus *c, const size_t *items, size_t count, chorus__buf *b)
{
    chorus__buf_puts(b, " [");
    for (size_t m = 0; m < count; m++) {
        chorus_article_info a;
        chorus_corpus_article(c, items[m], &a);
        chorus__buf_printf(b, "%s%s", m ? ", " : "", a.id);
    }
    chorus__buf_putc(b, ']');
}

static void md_facts(const chorus_corpus *c, const chorus_story_info *st, chorus__buf *b)
{
    if (st->entity_count) {
        chorus__buf_puts(b, "\n### People, organisations and places\n\n");
        for (size_t i = 0; i < st->entity_count && i < MD_ENTITIES; i++) {
            const chorus_entity *e = &st->entities[i];
            chorus__buf_puts(b, "- **");
            md_escape(b, e->name);
            chorus__buf_printf(b, "** (%s, %zu mention%s)", e->type, e->mentions, e->mentions == 1 ? "" : "s");
            if (e->alias_count) {
                chorus__buf_puts(b, ", also ");
                for (size_t k = 0; k < e->alias_count; k++) {
                    chorus__buf_puts(b, k ? "; " : "");
                    md_escape(b, e->aliases[k]);
                }
            }
            md_sources(c, e->sources, e->source_count, b);
            chorus__buf_putc(b, '\n');
        }
        if (st->entity_count > MD_ENTITIES)
            chorus__buf_printf(b, "- and %zu more (see --format json)\n", st->entity_count - MD_ENTITIES);
    }
    if (st->quote_count) {
        chorus__buf_puts(b, "\n### Quotes\n\n");
        for (size_t i = 0; i < st->quote_count; i++) {
            const chorus_quote *q = &st->quotes[i];
            chorus__buf_puts(b, "- ");
            md_escape(b, q->speaker ? q->speaker : "(speaker not named)");
            chorus__buf_puts(b, ": \u201C");
            md_escape(b, q->text);
            chorus__buf_puts(b, "\u201D");
            md_sources(c, q->sources, q->source_count, b);
            chorus__buf_putc(b, '\n');
        }
    }
    if (st->figure_count) {
        chorus__buf_puts(b, "\n### Figures\n\n");
        for (size_t i = 0; i < st->figure_count; i++) {
            const chorus_figure *f = &st->figures[i];
            chorus__buf_printf(b, "- f%zu: ", i + 1);
            md_escape(b, f->text);
            if (f->about && !strstr(f->text, f->about)) {
                chorus__buf_puts(b, " (");
                md_escape(b, f->about);
                chorus__buf_putc(b, ')');
            }
            md_sources(c, f->sources, f->source_count, b);
            if (f->conflict_count) {
                chorus__buf_puts(b, " conflicts with");
                for (size_t k = 0; k < f->conflict_count; k++)
                    chorus__buf_printf(b, "%s f%zu", k ? "," : "", f->conflicts_with[k] + 1);
            }
            chorus__buf_putc(b, '\n');
        }
    }
    if (st->event_count) {
        chorus__buf_puts(b, "\n### Timeline\n\n");
        for (size_t i = 0; i < st->event_count; i++) {
            const chorus_event *e = &st->timeline[i];
            chorus__buf_printf(b, "- %s: ", e->date);
            md_escape(b, e->text);
            md_sources(c, e->sources, e->source_count, b);
            chorus__buf_putc(b, '\n');
        }
    }
    if (st->coverage_count) {
        chorus__buf_puts(b, "\n### What each article alone reports\n\n");
        for (size_t i = 0; i < st->coverage_count; i++) {
            const chorus_coverage *v = &st->coverage[i];
            chorus_article_info a;
            chorus_corpus_article(c, v->article, &a);
            chorus__buf_printf(b, "- **%s** ", a.id);
            md_escape(b, a.source ? a.source : "unknown outlet");
            chorus__buf_putc(b, '\n');
            for (size_t k = 0; k < v->sentence_count; k++) {
                chorus__buf_puts(b, "  - ");
                md_escape(b, v->sentences[k]);
                chorus__buf_putc(b, '\n');
            }
            if (v->entity_count) {
                chorus__buf_puts(b, "  - names only it gives: ");
                for (size_t k = 0; k < v->entity_count; k++) {
                    chorus__buf_puts(b, k ? ", " : "");
                    md_escape(b, st->entities[v->entities[k]].name);
                }
                chorus__buf_putc(b, '\n');
            }
            if (v->figure_count) {
                chorus__buf_puts(b, "  - figures only it gives:");
                for (size_t k = 0; k < v->figure_count; k++)
                    chorus__buf_printf(b, "%s f%zu", k ? "," : "", v->figures[k] + 1);
                chorus__buf_putc(b, '\n');
            }
            if (v->loaded_count) {
                chorus__buf_puts(b, "  - loaded terms: ");
                for (size_t k = 0; k < v->loaded_count; k++) {
                    chorus__buf_puts(b, k ? ", \"" : "\"");
                    md_escape(b, v->loaded_terms[k]);
                    chorus__buf_putc(b, '"');
                }
                chorus__buf_putc(b, '\n');
            }
        }
    }
}

/* One line on an article, then its copy and its removed lines. */
static void md_article(chorus__buf *b, const chorus_article_info *a)
{
    chorus__buf_printf(b, "- **%s** ", a->id);
    md_escape(b, a->source ? a->source : "unknown outlet");
    chorus__buf_printf(b, ", %s: ", a->published ? a->published : "undated");
    if (a->title) {
        chorus__buf_putc(b, '*');
        md_escape(b, a->title);
        chorus__buf_putc(b, '*');
    } else {
        chorus__buf_puts(b, "(no title)");
    }
    chorus__buf_printf(b, " (%zu words, %s, `%s`)\n", a->words, a->language, a->path);
    if (a->duplicate_of)
        chorus__buf_printf(b, "  - copy of %s\n", a->duplicate_of);
    if (a->removed_count) {
        chorus__buf_printf(b, "  - removed %zu line%s: ", a->removed_count,
                           a->removed_count == 1 ? "" : "s");
        for (size_t r = 0; r < a->removed_count; r++) {
            chorus__buf_puts(b, r ? ", \"" : "\"");
            md_escape(b, a->removed[r]);
            chorus__buf_putc(b, '"');
        }
        chorus__buf_putc(b, '\n');
    }
}

/* Story s of the corpus, as the briefing's story `number`. */
static void md_story(const chorus_corpus *c, size_t s, size_t number, chorus__buf *b)
{
    chorus_story_info st;
    chorus_corpus_story(c, s, &st);
    chorus__buf_printf(b, "## %zu. ", number);
    md_escape(b, st.headline);
    chorus__buf_puts(b, "\n\n");
    size_t outlets = distinct_sources(c, &st), dups = 0, unnamed = 0;
    for (size_t k = 0; k < st.article_count; k++) {
        chorus_article_info a;
        chorus_corpus_article(c, st.articles[k], &a);
        dups += a.duplicate_of != NULL;
        unnamed += a.source == NULL;
    }
    chorus__buf_printf(b, "Story %s · ", st.id);
    if (st.start && st.end && strcmp(st.start, st.end) != 0)
        chorus__buf_printf(b, "%s to %s · ", st.start, st.end);
    else if (st.start)
        chorus__buf_printf(b, "%s · ", st.start);
    chorus__buf_printf(b, "%zu article%s", st.article_count, st.article_count == 1 ? "" : "s");
    /* Articles whose outlet is unknown are said apart: "5 articles from 1
     * outlet" would read as one outlet's five. */
    if (outlets)
        chorus__buf_printf(b, " from %zu outlet%s", outlets, outlets == 1 ? "" : "s");
    if (unnamed && outlets)
        chorus__buf_printf(b, " and %zu of unknown outlet", unnamed);
    else if (unnamed)
        chorus__buf_puts(b, unnamed == 1 ? ", its outlet unknown" : ", their outlets unknown");
    if (dups)
        chorus__buf_printf(b, " (%zu cop%s)", dups, dups == 1 ? "y" : "ies");
    chorus__buf_puts(b, "\n\n### Summary\n\n");
    if (st.summary_count == 0)
        chorus__buf_puts(b, "No sentence of these articles stands alone well enough to quote.\n");
    for (size_t k = 0; k < st.summary_count; k++) {
        chorus__buf_puts(b, "- ");
        md_escape(b, st.summary[k].text);
        chorus__buf_puts(b, " [");
        for (size_t m = 0; m < st.summary[k].source_count; m++) {
            chorus_article_info a;
            chorus_corpus_article(c, st.summary[k].sources[m], &a);
            chorus__buf_printf(b, "%s%s", m ? ", " : "", a.id);
        }
        chorus__buf_puts(b, "]\n");
    }
    md_facts(c, &st, b);
    chorus__buf_puts(b, "\n### Articles\n\n");
    for (size_t k = 0; k < st.article_count; k++) {
        chorus_article_info a;
        chorus_corpus_article(c, st.articles[k], &a);
        md_article(b, &a);
    }
    chorus__buf_putc(b, '\n');
}

static const char md_others_heading[] =
    "## Not articles\n\n"
    "In no story: a notice speaks of the page, the site, the browser, the "
    "reader's account or a web crawl rather than of news; furniture is what "
    "cleaning left (next to) nothing of.\n\n";

/* An input that is not an article, with why and how it begins, so that a
 * reader can check the verdict. */
static void md_other(const chorus_article_info *a, chorus__buf *b)
{
    md_article(b, a);
    const char *begins = a->text && *a->text ? a->text : a->removed_count ? a->removed[0] : NULL;
    chorus__buf_printf(b, "  - %s", a->non_article);
    if (begins) {
        /* Its first words, cut at a character boundary. */
        size_t len = strlen(begins), cut = len > NON_ARTICLE_QUOTE_BYTES ? NON_ARTICLE_QUOTE_BYTES : len;
        while (cut < len && ((unsigned char)begins[cut] & 0xC0) == 0x80)
            cut--;
        char quoted[NON_ARTICLE_QUOTE_BYTES + 1];
        size_t q = 0;
        for (size_t k = 0; k < cut; k++)
            if (begins[k] != '\n' || (q && quoted[q - 1] != ' '))
                quoted[q++] = begins[k] == '\n' ? ' ' : begins[k]; /* paragraphs on one line */
        quoted[q] = '\0';
        chorus__buf_puts(b, ": \"");
        md_escape(b, quoted);
        chorus__buf_puts(b, cut < len ? "…\"" : "\"");
    }
    chorus__buf_putc(b, '\n');
}

/* The inputs that are not articles, in input order. */
static void md_non_articles(const chorus_corpus *c, chorus__buf *b)
{
    chorus__buf_puts(b, md_others_heading);
    for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        if (a.non_article)
            md_other(&a, b);
    }
    chorus__buf_putc(b, '\n');
}

static int write_markdown(const chorus_corpus *c, FILE *out)
{
    chorus__buf b = {0};
    size_t ns = chorus_corpus_story_count(c), na = chorus_corpus_article_count(c), dups = 0,
           others = 0;
    for (size_t i = 0; i < na; i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        others += a.non_article != NULL;
        dups += a.duplicate_of != NULL && !a.non_article;
    }
    chorus__buf_puts(&b, "# Chorus briefing\n\n");
    chorus__buf_printf(&b, "%zu stor%s from %zu article%s", ns, ns == 1 ? "y" : "ies", na - others,
                       na - others == 1 ? "" : "s");
    if (dups)
        chorus__buf_printf(&b, ", %zu of them cop%s of another", dups, dups == 1 ? "y" : "ies");
    if (others)
        chorus__buf_printf(&b, "; %zu input%s not article%s, listed at the end", others,
                           others == 1 ? " is" : "s are", others == 1 ? "" : "s");
    chorus__buf_puts(&b, ". Each summary sentence lists, in brackets, the articles that state it.\n\n");
    int rc = 0;
    for (size_t s = 0; s < ns; s++) {
        md_story(c, s, s + 1, &b);
        /* Flush story by story: a large briefing need not sit in memory. */
        if (b.len && fwrite(b.data, 1, b.len, out) != b.len) {
            rc = CHORUS_EIO;
            break;
        }
        b.len = 0;
    }
    if (!rc && others)
        md_non_articles(c, &b);
    if (!rc && b.len && fwrite(b.data, 1, b.len, out) != b.len)
        rc = CHORUS_EIO;
    chorus__buf_free(&b);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Entry points                                                           */
/* ---------------------------------------------------------------------- */

int chorus_write_brief(const chorus_corpus *c, FILE *out, chorus_format format)
{
    if (!c || !out)
        return CHORUS_EINVAL;
    if (c->stream)
        return CHORUS_ESTATE;
    int rc;
    if (format == CHORUS_FORMAT_JSON)
        rc = dump_json(brief_json(c), out);
    else if (format == CHORUS_FORMAT_MARKDOWN)
        rc = write_markdown(c, out);
    else
        return CHORUS_EINVAL;
    if (!rc && (fflush(out) != 0 || ferror(out)))
        rc = CHORUS_EIO;
    return rc;
}


/* Appends one element of a JSON array as json_dumpf would write it inside
 * an array indented by `indent` spaces, so that an array is written object
 * by object rather than built whole: a million articles need not sit in
 * memory as JSON. Takes the reference to `o`. */
static int element_text(json_t *o, int indent, int first, chorus__buf *b)
{
    char *s = o ? json_dumps(o, JSON_INDENT(2)) : NULL;
    json_decref(o);
    if (!s)
        return CHORUS_ENOMEM;
    chorus__buf_puts(b, first ? "\n" : ",\n");
    chorus__buf_printf(b, "%*s", indent, "");
    for (const char *p = s; *p; p++) {
        chorus__buf_putc(b, *p);
        if (*p == '\n')
            chorus__buf_printf(b, "%*s", indent, "");
    }
    free(s);
    return 0;
}

/* Writes the buffer and empties it. */
static int flush_buf(chorus__buf *b, FILE *out)
{
    int rc = b->len && fwrite(b->data, 1, b->len, out) != b->len ? CHORUS_EIO : 0;
    b->len = 0;
    return rc;
}

static int dump_element(json_t *o, FILE *out, int first)
{
    chorus__buf b = {0};
    int rc = element_text(o, 2, first, &b);
    if (!rc)
        rc = flush_buf(&b, out);
    chorus__buf_free(&b);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Briefings written story by story (chorus_corpus_stream_brief)          */
/* ---------------------------------------------------------------------- */

int chorus__brief_stream_open(FILE *out, chorus_format format)
{
    const char *head = format == CHORUS_FORMAT_JSON
                           ? "{\n  \"format\": \"chorus-brief/1\",\n  \"stories\": ["
                           : "# Chorus briefing\n\nStories in the order they were complete. Each "
                             "summary sentence lists, in brackets, the articles that state it.\n\n";
    return fputs(head, out) < 0 ? CHORUS_EIO : 0;
}

int chorus__brief_stream_story(const chorus_corpus *view, size_t number, FILE *out,
                               chorus_format format, int *first)
{
    chorus__buf b = {0};
    int rc = 0;
    if (format == CHORUS_FORMAT_JSON)
        rc = element_text(story_json(view, 0), 4, *first, &b);
    else
        md_story(view, 0, number, &b);
    *first = 0;
    if (!rc)
        rc = flush_buf(&b, out);
    chorus__buf_free(&b);
    return rc;
}

int chorus__brief_stream_others(const chorus_corpus *view, chorus_format format,
                                chorus__buf *others, int *first)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < chorus_corpus_article_count(view); i++) {
        chorus_article_info a;
        chorus_corpus_article(view, i, &a);
        if (!a.non_article)
            continue;
        if (format == CHORUS_FORMAT_JSON)
            rc = element_text(other_json(&a), 4, *first, others);
        else
            md_other(&a, others);
        *first = 0;
    }
    return rc;
}

int chorus__brief_stream_close(FILE *out, chorus_format format, chorus__buf *others,
                               int no_story, int no_other)
{
    chorus__buf b = {0};
    if (format == CHORUS_FORMAT_JSON) {
        chorus__buf_puts(&b, no_story ? "],\n  \"non_articles\": [" : "\n  ],\n  \"non_articles\": [");
        int rc = flush_buf(&b, out);
        if (!rc)
            rc = flush_buf(others, out);
        chorus__buf_puts(&b, no_other ? "]\n}\n" : "\n  ]\n}\n");
        if (!rc)
            rc = flush_buf(&b, out);
        chorus__buf_free(&b);
        return rc;
    }
    if (no_other)
        return 0;
    chorus__buf_puts(&b, md_others_heading);
    int rc = flush_buf(&b, out);
    if (!rc)
        rc = flush_buf(others, out);
    if (!rc && fputc('\n', out) == EOF)
        rc = CHORUS_EIO;
    chorus__buf_free(&b);
    return rc;
}

/* How the grouping names an article: its own id when the input gave one. */
static const char *grouping_label(const chorus__article *a)
{
    return a->input_id ? a->input_id : a->path;
}

static json_t *cluster_json(const chorus__article *a, const chorus__article *orig, const char *story)
{
    json_t *o = json_object();
    json_object_set_new(o, "story", json_str_or_null(story));
    json_object_set_new(o, "article", json_string(a->id));
    json_object_set_new(o, "path", json_string(a->path));
    json_object_set_new(o, "input_id", json_str_or_null(a->input_id));
    json_object_set_new(o, "duplicate_of", json_str_or_null(orig ? orig->id : NULL));
    json_object_set_new(o, "non_article", json_str_or_null(chorus__nonarticle_name(a->non_article)));
    return o;
}

int chorus__write_cluster_lines(FILE *out, chorus_format format, const char *story,
                                const chorus__article *const *articles,
                                const chorus__article *const *originals, size_t n, int *first)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        const chorus__article *a = articles[i], *orig = originals[i];
        if (format == CHORUS_FORMAT_JSON) {
            rc = dump_element(cluster_json(a, orig, story), out, *first);
            *first = 0;
        } else if (fprintf(out, "%s\t%s\t%s\n", story ? story : "-", grouping_label(a),
                           orig ? grouping_label(orig) : "-") < 0) {
            rc = CHORUS_EIO;
        }
    }
    return rc;
}

/* Writes the line of article `index` of a whole run as story `story`. */
static int grouped_line(const chorus_corpus *c, FILE *out, chorus_format format, size_t index,
                        const char *story, int *first)
{
    const chorus__article *a = c->articles[index];
    const chorus__article *orig = a->duplicate_of >= 0 ? c->articles[a->duplicate_of] : NULL;
    return chorus__write_cluster_lines(out, format, story, &a, &orig, 1, first);
}

/* Writes every article's line: story by story, then the inputs that are
 * not articles in input order (story NULL). Stops at the first error. */
static int each_grouped(const chorus_corpus *c, FILE *out, chorus_format format, int *first)
{
    int rc = 0;
    for (size_t s = 0; s < chorus_corpus_story_count(c) && !rc; s++) {
        chorus_story_info st;
        chorus_corpus_story(c, s, &st);
        for (size_t k = 0; k < st.article_count && !rc; k++)
            rc = grouped_line(c, out, format, st.articles[k], st.id, first);
    }
    for (size_t i = 0; i < chorus_corpus_article_count(c) && !rc; i++)
        if (c->articles[i]->story == CHORUS_NO_STORY && c->articles[i]->non_article)
            rc = grouped_line(c, out, format, i, NULL, first);
    return rc;
}

int chorus_write_clusters(const chorus_corpus *c, FILE *out, chorus_format format)
{
    if (!c || !out)
        return CHORUS_EINVAL;
    if (c->stream)
        return CHORUS_ESTATE;
    int rc, first = 1;
    if (format == CHORUS_FORMAT_TSV) {
        rc = each_grouped(c, out, format, &first);
    } else if (format == CHORUS_FORMAT_JSON) {
        rc = fputc('[', out) == EOF ? CHORUS_EIO : 0;
        if (!rc)
            rc = each_grouped(c, out, format, &first);
        if (!rc && fputs(first ? "]\n" : "\n]\n", out) < 0)
            rc = CHORUS_EIO;
    } else {
        return CHORUS_EINVAL;
    }
    if (!rc && (fflush(out) != 0 || ferror(out)))
        rc = CHORUS_EIO;
    return rc;
}

int chorus_write_summary(const chorus_corpus *c, FILE *out, size_t story)
{
    if (!c || !out)
        return CHORUS_EINVAL;
    if (c->stream)
        return CHORUS_ESTATE;
    chorus_story_info st;
    int rc = chorus_corpus_story(c, story, &st);
    if (rc)
        return rc;
    /* The word limit, when set, cuts the last sentence: summary benchmarks
     * score exactly that many words. */
    unsigned limit = c->opts.summary_words;
    size_t words = 0;
    for (size_t k = 0; k < st.summary_count; k++) {
        const char *s = st.summary[k].text;
        if (!limit) {
            if (fprintf(out, "%s\n", s) < 0)
                return CHORUS_EIO;
            continue;
        }
        size_t len = strlen(s), cut;
        words += chorus__budget_words(s, len, limit - words, &cut);
        len = cut;
        while (len && s[len - 1] == ' ')
            len--;
        if (len && fprintf(out, "%.*s\n", (int)len, s) < 0)
            return CHORUS_EIO;
        if (words >= limit)
            break;
    }
    return fflush(out) == 0 ? 0 : CHORUS_EIO;
}
