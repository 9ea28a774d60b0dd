/*
 * chorus.h - the public interface of libchorus, a news-intelligence engine.
 *
 * Chorus reads a pile of news articles (plain text, JSON Lines, HTML pages,
 * WARC web archives), removes the
 * web junk that text extraction leaves behind, finds exact and near-duplicate
 * copies, groups the articles into stories and writes one briefing per story:
 * an extractive summary whose every sentence cites the articles that state it.
 *
 * Naming: every exported function starts with chorus_, every macro with
 * CHORUS_. Internal functions shared between modules start with chorus__ and
 * are not part of this interface.
 *
 * Errors: every function that can fail returns 0 on success or a negative
 * CHORUS_E* code; chorus_strerror() names the code. Problems with one input
 * (an unreadable file, a malformed JSON line) are not errors of the call that
 * met them: they are reported through the diagnostic callback of
 * chorus_options and the rest of the input is still processed.
 *
 * Ownership: the caller owns every handle it creates with a _new function and
 * releases it with the matching _free function; _free(NULL) does nothing.
 * Strings and arrays returned through the *_info structures are owned by the
 * corpus and stay valid until chorus_corpus_free(). Every string is UTF-8 and
 * NUL-terminated.
 *
 * Thread safety: a corpus is used by one thread at a time; distinct corpora
 * may be used from distinct threads. The library has no global mutable state.
 */
#ifndef CHORUS_H
#define CHORUS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define CHORUS_API __attribute__((visibility("default")))
#else
#define CHORUS_API
#endif

/* ---------------------------------------------------------------------- */
/* Version                                                                */
/* ---------------------------------------------------------------------- */

#define CHORUS_VERSION_MAJOR 0
#define CHORUS_VERSION_MINOR 1
#define CHORUS_VERSION_PATCH 0
#define CHORUS_VERSION_STRING "0.1.0"
/* One number that grows with each release: 100 * 100 * major + 100 * minor + patch. */
#define CHORUS_VERSION_NUMBER \
    (CHORUS_VERSION_MAJOR * 10000 + CHORUS_VERSION_MINOR * 100 + CHORUS_VERSION_PATCH)

/* The version of the library actually linked, as "MAJOR.MINOR.PATCH". Static string. */
CHORUS_API const char *chorus_version(void);

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */
/* ---------------------------------------------------------------------- */

#define CHORUS_OK 0
#define CHORUS_ENOMEM (-1)   /* out of memory */
#define CHORUS_EINVAL (-2)   /* an argument is invalid (NULL handle, bad option value) */
#define CHORUS_EIO (-3)      /* a file could not be opened, read or written */
#define CHORUS_EFORMAT (-4)  /* the input is not in a format chorus reads */
#define CHORUS_EEMPTY (-5)   /* the input holds no usable article */
#define CHORUS_ESTATE (-6)   /* the call does not fit the corpus's stage (add after analyze) */
#define CHORUS_ERANGE (-7)   /* an index is out of range */

/* A short English description of a CHORUS_E* code. Static string; never NULL. */
CHORUS_API const char *chorus_strerror(int rc);

/* ---------------------------------------------------------------------- */
/* Options                                                                */
/* ---------------------------------------------------------------------- */

#define CHORUS_DIAG_WARNING 1 /* one input was repaired, truncated or skipped */
#define CHORUS_DIAG_ERROR 2   /* one input could not be read at all */

/*
 * Receives one diagnostic: `source` names the input (a path, "-" for standard
 * input), `line` is a 1-based line number or 0 when none applies, `message`
 * is one line without a trailing newline. All strings are borrowed for the
 * duration of the call only.
 */
typedef void (*chorus_diag_fn)(void *userdata, int severity, const char *source,
                               long line, const char *message);

/*
 * Receives the progress of a long run, about every thousand articles and at
 * each change of stage: `stage` is "reading", "deduplicating", "clustering",
 * "summarizing" or "done" (a static string), `articles` the articles read so
 * far and `stories` the stories found (0 until clustering is over; while
 * reading a stream, the stories written so far). Called
 * on the thread that called into the library; it must not call back into
 * the corpus.
 */
typedef void (*chorus_progress_fn)(void *userdata, const char *stage, size_t articles,
                                   size_t stories);

typedef struct chorus_options {
    /* Longest summary in sentences (default 6); 0 skips summarisation when
     * only the grouping is wanted. */
    unsigned summary_sentences;
    /* Longest summary in words, 0 for no word limit (default 0). When set,
     * the last sentence is cut at the limit, as summary benchmarks do. */
    unsigned summary_words;
    /* Similarity an article needs to join a story, in [0, 1] (default 0.3).
     * Higher values give smaller, tighter stories. The similarity is the
     * cosine of weighted terms in which, in a corpus of 50 articles or
     * more, a word no other article has counts 0.3 of its weight; in a
     * smaller corpus, where every word keeps its weight and cosines run
     * lower, articles are held to two thirds of the threshold. Texts
     * shorter than a brief of about 150 words (headlines) are held to
     * proportionally less, since their similarity to any story is lower.
     * An article that joined no story may then join the story of two or
     * more articles it is clearly nearest to (1.5 times as similar as to
     * any other) on 0.6 of its threshold. Two stories become one when their
     * sums reach 1.5 times the threshold and their articles are, on
     * average, at least half as similar across the two as within each. At
     * 1 every article stays apart; at 0 all join one story. */
    double cluster_threshold;
    /* Publication-time gap, in days, over which an article can still join a
     * story; beyond it the similarity decays to nothing (default 4). */
    double cluster_window_days;
    /* Non-zero: take every article as part of one story (chorus summarize). */
    int one_story;
    /* Non-zero (the default): find each story's facts — entities, quotes,
     * figures, timeline and coverage. Zero skips them when only the grouping
     * or the summary is wanted. */
    int facts;
    /* Diagnostics sink; NULL drops them. */
    chorus_diag_fn diag;
    void *diag_userdata;
    /* Non-zero: chorus_corpus_analyze() stops once each article is read and
     * cleaned: no duplicate detection, no stories, no summaries (chorus
     * extract). The articles are complete; the story count is 0. */
    int skip_stories;
    /* Threads that clean and analyse articles; 0 (the default) for one per
     * processor. The results are the same whatever the number. */
    unsigned threads;
    /* Non-zero: keep of each article only what grouping needs (chorus
     * cluster). Articles are analysed in batches as they are added, and
     * their text, sentences and removed lines are then given up, so that
     * memory holds about 2 KB per article however long the articles; the
     * text of chorus_article_info is "" and removed_count 0, and no
     * summaries or facts are made. Boilerplate is then told by how often a
     * paragraph recurred in the articles added so far rather than in all of
     * them. Default 0. */
    int compact;
    /* Progress sink for long runs; NULL (the default) for none. */
    chorus_progress_fn progress;
    void *progress_userdata;
    /* Grouping takes articles in one pass, by day, and those of one day (or
     * undated) in the order of a hash of their words, so that the order of
     * the input does not matter. A non-zero seed mixes into that hash: the
     * same articles in another order, and a grouping as valid as the first
     * though not the same. Default 0; benchmarks vary it to tell how much a
     * figure owes to the order. */
    unsigned cluster_order_seed;
} chorus_options;

/* Fills *opts with the defaults listed above. */
CHORUS_API void chorus_options_init(chorus_options *opts);

/* ---------------------------------------------------------------------- */
/* Corpus: the articles of one run and what chorus finds in them          */
/* ---------------------------------------------------------------------- */

typedef struct chorus_corpus chorus_corpus;

/*
 * Creates an empty corpus. `opts` may be NULL for the defaults; it is copied,
 * so it need not outlive the call. On success *out receives a handle the
 * caller frees with chorus_corpus_free(). Errors: CHORUS_EINVAL (out is NULL
 * or an option is out of range), CHORUS_ENOMEM.
 */
CHORUS_API int chorus_corpus_new(chorus_corpus **out, const chorus_options *opts);

/* Releases the corpus and everything it returned. NULL is a no-op. */
CHORUS_API void chorus_corpus_free(chorus_corpus *corpus);

/*
 * Reads articles from `path`: a plain-text file (one article), a JSON Lines
 * file (one article a line; recognised by its .jsonl/.ndjson extension or by
 * its content), an HTML page (.html, .htm, .xhtml, the same gzip-compressed
 * with .gz, or recognised by its content; see chorus_corpus_add_html()), a
 * WARC web archive (.warc or .warc.gz, or recognised by its content; one
 * article per HTML response record), a directory (searched recursively, in
 * name order, for those extensions and extension-less files; hidden entries
 * skipped), or "-" for standard input. Problems with single files, lines or
 * records are reported through the diagnostic callback and skipped.
 *
 * Returns the number of articles added (possibly 0), or CHORUS_EIO when the
 * path itself cannot be read, CHORUS_ESTATE after chorus_corpus_analyze(),
 * CHORUS_ENOMEM.
 */
CHORUS_API int chorus_corpus_add_path(chorus_corpus *corpus, const char *path);

/*
 * Adds one article from plain text, read as a text file would be: the first
 * line that looks like a headline is the title, a dateline near the top is
 * the publication date. `name` labels the article in output and diagnostics.
 * Both buffers are copied. `text` need not be NUL-terminated or valid UTF-8.
 * Returns 1 when the article was added, 0 when it was empty (and reported),
 * or a negative error code.
 */
CHORUS_API int chorus_corpus_add_text(chorus_corpus *corpus, const char *name,
                                      const char *text, size_t len);

/*
 * Runs the pipeline over every article added so far: cleaning, duplicate
 * detection, clustering into stories and summarisation. Call once; the
 * corpus is read-only afterwards. Returns 0, CHORUS_EEMPTY when no article
 * was added (the corpus is still valid and holds no story), CHORUS_ESTATE when
 * called twice, CHORUS_ENOMEM.
 */
CHORUS_API int chorus_corpus_analyze(chorus_corpus *corpus);

/* Number of articles added, and of stories found (0 before analyze). */
CHORUS_API size_t chorus_corpus_article_count(const chorus_corpus *corpus);
CHORUS_API size_t chorus_corpus_story_count(const chorus_corpus *corpus);

/* One article, as read and cleaned. Every pointer is owned by the corpus. */
typedef struct chorus_article_info {
    const char *id;        /* "a1", "a2", ... in input order */
    const char *path;      /* input path; "path:LINE" for JSON Lines */
    const char *input_id;  /* the "id" field of a JSON line, or NULL */
    const char *title;     /* NULL when none was found */
    const char *source;    /* outlet name, or NULL when unknown */
    const char *url;       /* or NULL */
    const char *published; /* ISO 8601 ("2024-08-13T23:14:00" or "2024-08-13"), or NULL; the
                              publication date, or for a web page that gives none, the last
                              update it shows its readers */
    const char *language;  /* ISO 639-1 code such as "en", or "und" when unknown */
    const char *text;      /* cleaned body, paragraphs separated by a blank line */
    size_t words;          /* words in the cleaned body */
    const char *duplicate_of;      /* id of the article this one copies, or NULL */
    const char *const *removed;    /* lines removed as junk, in text order */
    size_t removed_count;
    size_t story;          /* index of its story (valid after analyze, unless skip_stories),
                              or CHORUS_NO_STORY for an input that is not an article */
    const char *author;    /* "Jane Doe" or "Jane Doe, John Roe", or NULL when unknown */
    const char *fetched;   /* when a crawler fetched the page (WARC-Date), or NULL */
    /* Why this input is not an article, or NULL when it is one:
     * "notice": it speaks of the page, the site, the browser, the reader's
     *   account or a web crawl rather than of news (an embedded post's or
     *   player's notice without its script, a crawl description, an error,
     *   sign-in, cookie or ad-blocker page);
     * "furniture": cleaning left nothing of it, or a few words under many
     *   lines of page furniture.
     * Such an input is in no story (its copies neither) and is left out of
     * summaries; set after analyze, unless skip_stories. */
    const char *non_article;
} chorus_article_info;

/* The story of an input that is in none: one that is not an article. */
#define CHORUS_NO_STORY ((size_t)-1)

/* Fills *out for article `index` (0-based). Errors: CHORUS_EINVAL, CHORUS_ERANGE. */
CHORUS_API int chorus_corpus_article(const chorus_corpus *corpus, size_t index,
                                     chorus_article_info *out);

/* One sentence of a story's summary. */
typedef struct chorus_summary_sentence {
    const char *text;
    const size_t *sources; /* article indices, ascending: every article stating it */
    size_t source_count;
} chorus_summary_sentence;

/* A person, organisation or place named in a story, its aliases merged. */
typedef struct chorus_entity {
    const char *name;              /* the fullest name, without titles */
    const char *type;              /* "person", "organization", "place" or "other" */
    const char *const *aliases;    /* other names for it as the articles write them */
    size_t alias_count;
    size_t mentions;               /* times named, aliases included */
    const size_t *sources;         /* article indices, ascending */
    size_t source_count;
} chorus_entity;

/* A direct quotation, once for all the articles that report it. */
typedef struct chorus_quote {
    const char *speaker;           /* name of the entity who said it, or NULL when not known */
    const char *text;              /* the quoted words; parts of a split quote joined by " ... " */
    const size_t *sources;
    size_t source_count;
} chorus_quote;

/* A number that matters: a count, an amount, a share. */
typedef struct chorus_figure {
    double value;
    const char *unit;              /* "people", "tons", "USD", "%", ... or NULL when not stated */
    const char *qualifier;         /* "more than", "at least", "about", "estimated", "nearly",
                                    * "up to", "less than", or NULL for an exact figure */
    const char *about;             /* what is counted ("civilian death toll"), or NULL */
    const char *text;              /* the phrase as written */
    const size_t *sources;
    size_t source_count;
    const size_t *conflicts_with;  /* indices of this story's figures that cannot also hold */
    size_t conflict_count;
} chorus_figure;

/* A dated event. */
typedef struct chorus_event {
    const char *date;              /* ISO 8601 at the precision known: "2024", "2024-08", "2024-08-13" */
    const char *text;              /* the clause the date came from */
    const size_t *sources;
    size_t source_count;
} chorus_event;

/* What one article alone reports in its story. */
typedef struct chorus_coverage {
    size_t article;                /* article index */
    const char *const *sentences;  /* its own sentences, the most informative few */
    size_t sentence_count;
    const size_t *entities;        /* indices of the story's entities only it names */
    size_t entity_count;
    const size_t *figures;         /* indices of the story's figures only it gives */
    size_t figure_count;
    const size_t *quotes;          /* indices of the story's quotes only it reports */
    size_t quote_count;
    const char *const *loaded_terms; /* evaluative wording no other article uses */
    size_t loaded_count;
} chorus_coverage;

/* One story. Every pointer is owned by the corpus. */
typedef struct chorus_story_info {
    const char *id;        /* "s1", "s2", ...: largest story first */
    const char *headline;  /* the title of the story's most central article, one that
                              tells before one that asks ("What did ...?") */
    const char *start;     /* earliest publication date "YYYY-MM-DD", or NULL */
    const char *end;       /* latest publication date, or NULL */
    const size_t *articles; /* article indices, ascending */
    size_t article_count;
    const chorus_summary_sentence *summary; /* in the order of the events they report */
    size_t summary_count;
    /* Facts (empty when the options turned them off). */
    const chorus_entity *entities; /* most mentioned first */
    size_t entity_count;
    const chorus_quote *quotes;    /* in reading order */
    size_t quote_count;
    const chorus_figure *figures;
    size_t figure_count;
    const chorus_event *timeline;  /* by date */
    size_t event_count;
    const chorus_coverage *coverage; /* one per article that copies no other, when the story has several */
    size_t coverage_count;
} chorus_story_info;

/* Fills *out for story `index` (0-based). Errors: CHORUS_EINVAL, CHORUS_ERANGE. */
CHORUS_API int chorus_corpus_story(const chorus_corpus *corpus, size_t index,
                                   chorus_story_info *out);

/* ---------------------------------------------------------------------- */
/* Output                                                                 */
/* ---------------------------------------------------------------------- */

typedef enum chorus_format {
    CHORUS_FORMAT_MARKDOWN = 0, /* for people, readable in a terminal */
    CHORUS_FORMAT_JSON = 1,     /* the "chorus-brief/1" contract */
    CHORUS_FORMAT_TSV = 2,      /* chorus_write_clusters only */
    CHORUS_FORMAT_TEXT = 3      /* chorus_write_summary only */
} chorus_format;

/*
 * Writes the briefing of every story (Markdown or JSON) to `out`, which the
 * caller keeps open and owns. Returns 0, CHORUS_EINVAL for an unsupported
 * format, CHORUS_EIO when writing fails, CHORUS_ENOMEM.
 */
CHORUS_API int chorus_write_brief(const chorus_corpus *corpus, FILE *out, chorus_format format);

/*
 * Writes the grouping alone: TSV lines "story_id<TAB>article<TAB>duplicate_of
 * or ->" (the article named by its JSON id when it has one, else its path),
 * story by story, then one line "-<TAB>article<TAB>..." for each input that
 * is not an article, in input order; or a JSON array of {"story", "article",
 * "path", "input_id", "duplicate_of", "non_article"} objects in the same
 * order, "story" null and "non_article" the reason for an input that is not
 * an article (null otherwise).
 */
CHORUS_API int chorus_write_clusters(const chorus_corpus *corpus, FILE *out, chorus_format format);

/*
 * Groups the articles as a stream, for inputs larger than memory: call once,
 * right after chorus_corpus_new(), then add inputs and call
 * chorus_corpus_analyze() at the end. Each story is written to `out` (owned
 * by the caller, and kept open until chorus_corpus_free(), since articles
 * read may still be written then) in the format of chorus_write_clusters()
 * as soon as it is final, and its articles are then freed, so that memory
 * holds the articles of the stories still open rather than the input.
 * Articles are grouped as in a whole run with these differences: they are
 * taken in the order of their day as they arrive, each waiting until the
 * stream is 2 days past its day (one later than that is taken at once);
 * the stream's day is the latest day 16 dated articles carry or pass, and
 * nothing is taken before 1,000 articles are read; an article without a
 * publication date takes the day it was fetched, else the stream's day;
 * copies are settled as they arrive, among the articles still held; term
 * weights use the frequencies of the articles read so far; stories are
 * numbered in the order they are written, and inputs that are no articles
 * are written when their day is taken. An input with fewer than 16 dated
 * articles is held to the end and grouped as a whole run groups it. The
 * corpus keeps no article or story afterwards: chorus_corpus_article(),
 * chorus_corpus_story() and the writers return CHORUS_ESTATE; the counts
 * stay valid. Sets the compact option. Returns 0, CHORUS_EINVAL (format
 * other than TSV or JSON, or a corpus for one story or for extraction
 * only), CHORUS_ESTATE (articles already added), CHORUS_ENOMEM or
 * CHORUS_EIO. Should writing fail later, the rest of the input is read and
 * dropped, and chorus_corpus_analyze() returns CHORUS_EIO.
 */
CHORUS_API int chorus_corpus_stream_clusters(chorus_corpus *corpus, FILE *out, chorus_format format);

/*
 * The same for briefings (chorus brief --stream): each story's briefing is
 * written to `out` in the format of chorus_write_brief() (Markdown or JSON)
 * as soon as the story is final, numbered in that order, and its articles
 * are then freed; memory holds the articles of open stories with their
 * text. The briefing opens without the counts of a whole run, and the
 * inputs that are no articles are listed at its end ("non_articles" in
 * JSON, "Not articles" in Markdown), as in a whole run. Grouping is as in
 * chorus_corpus_stream_clusters(). Errors as that, and CHORUS_EINVAL for a
 * corpus in compact mode.
 */
CHORUS_API int chorus_corpus_stream_brief(chorus_corpus *corpus, FILE *out, chorus_format format);

/*
 * Writes the summary of story `story` as plain text, one sentence a line,
 * within the options' sentence and word limits. Errors as chorus_write_brief,
 * and CHORUS_ERANGE for a story index out of range.
 */
CHORUS_API int chorus_write_summary(const chorus_corpus *corpus, FILE *out, size_t story);

/* ---------------------------------------------------------------------- */
/* HTML pages and web archives                                            */
/* ---------------------------------------------------------------------- */

/*
 * Adds the article of one HTML page. The page's bytes may be in any
 * character encoding (a byte-order mark, a <meta charset> or the bytes
 * themselves tell which) and any state of repair. Chorus keeps the main
 * text — headings, paragraphs, lists, block quotes and the article's tables,
 * one paragraph each — and leaves out navigation, headers, footers,
 * sidebars, related links, comments, share bars, cookie and newsletter
 * boxes and ads. The title, authors, publication date, site name, canonical
 * URL and language come from the page's JSON-LD, OpenGraph and other meta
 * tags, then from what it shows (the <h1>, a byline, a date near the
 * headline), then from its URL. Pages over 16 MiB are cut there and
 * elements nested over 256 deep are flattened, both with a warning.
 *
 * `name` labels the article in output and diagnostics; `url` is the address
 * the page came from, or NULL. Both buffers are copied. Returns 1 when an
 * article was added, 0 when the page held no article text (reported), or a
 * negative error code (CHORUS_EINVAL, CHORUS_ESTATE after analyze,
 * CHORUS_ENOMEM).
 */
CHORUS_API int chorus_corpus_add_html(chorus_corpus *corpus, const char *name, const char *html,
                                      size_t len, const char *url);

/*
 * Writes every article as read and cleaned, in input order: with
 * CHORUS_FORMAT_JSON one JSON object a line (JSON Lines) with the fields
 * "path", "url", "title", "author", "published", "site", "language",
 * "fetched" and "text" (paragraphs separated by a blank line; absent
 * values are null); with CHORUS_FORMAT_TEXT each article as its title, a
 * line of metadata and its paragraphs, articles separated by a line "---".
 * Call after chorus_corpus_analyze(). Errors as chorus_write_brief.
 */
CHORUS_API int chorus_write_articles(const chorus_corpus *corpus, FILE *out, chorus_format format);

#ifdef __cplusplus
}
#endif

#endif /* CHORUS_H */
