/* corpus.h - the corpus handle's insides, shared by the modules that fill and read it. */
#ifndef CHORUS_CORPUS_H
#define CHORUS_CORPUS_H

#include <stddef.h>
#include <stdio.h>

#include "analyze.h"
#include "arena.h"
#include "article.h"
#include "chorus.h"
#include "util.h"

/* A story as the API shows it; strings and arrays in the corpus arena. */
typedef struct chorus__story {
    char id[24];
    const char *headline;
    char start[16], end[16]; /* "" when no member is dated */
    size_t *articles;
    size_t article_count;
    chorus_summary_sentence *summary;
    size_t summary_count;
    chorus_entity *entities;
    size_t entity_count;
    chorus_quote *quotes;
    size_t quote_count;
    chorus_figure *figures;
    size_t figure_count;
    chorus_event *timeline;
    size_t event_count;
    chorus_coverage *coverage;
    size_t coverage_count;
} chorus__story;

/* The pipeline's stages, in order, as the benchmarks report them. */
enum {
    CHORUS_STAGE_READ,      /* reading inputs: files, JSON, headline and date lines */
    CHORUS_STAGE_CLEAN,     /* language, junk, sentences, tokens, signatures */
    CHORUS_STAGE_DEDUP,     /* exact and near-duplicate detection */
    CHORUS_STAGE_CLUSTER,   /* term weighting and grouping into stories */
    CHORUS_STAGE_FACTS,     /* entities, quotes, figures, timeline, coverage */
    CHORUS_STAGE_SUMMARIZE, /* headlines and summaries */
    CHORUS_STAGE_COUNT
};

/* Time spent in each stage, and the process's peak resident memory when the
 * stage ended, for the benchmarks. */
typedef struct chorus__stage_times {
    double seconds[CHORUS_STAGE_COUNT];
    long peak_kb[CHORUS_STAGE_COUNT];
} chorus__stage_times;

/* Seconds on a monotonic clock. */
double chorus__now(void);
/* Adds the time since `since` to a stage and notes the peak memory so far. */
void chorus__stage_done(chorus_corpus *c, int stage, double since);

struct chorus_corpus {
    chorus_options opts;
    chorus__article **articles;
    size_t article_count, article_cap;
    chorus__analyzer an;
    int analyzed;
    chorus__story *stories;
    size_t story_count;
    chorus__arena mem; /* corpus-level strings and arrays */
    struct chorus__lexicon *lexicon; /* Debian's word lists, read when facts are first wanted */
    chorus__buf clean; /* scratch for cleaned input */
    chorus__stage_times times;
    struct chorus__workers *workers; /* analysis threads, made when first needed */
    size_t analyzed_count; /* articles handed to analysis so far (compact mode analyses in batches) */
    struct chorus__batch *batch; /* a batch analysed beside reading, or NULL */
    double batch_seconds;  /* time spent analysing batches while reading */
    size_t progress_at;    /* article count at the last progress report */
    /* Grouping as a stream (chorus_corpus_stream_clusters): the articles
     * handed to the stream are no longer in `articles`; `streamed` counts
     * them, and article indices go on from there. */
    struct chorus__stream *stream;
    size_t streamed;
    FILE *stream_out;
    chorus_format stream_format;
    int stream_first; /* no JSON element written yet */
    int stream_rc;    /* the output failed: CHORUS_EIO, else 0 */
    int stream_brief; /* the stream writes briefings, not the grouping */
    struct chorus__junk *stream_junk; /* the briefings' own patterns: reading uses the corpus's */
    float *stream_sum; /* scratch by term for headlines, zero between uses */
    size_t stream_sum_cap;
    chorus__buf stream_others; /* inputs that are no articles, rendered for the end */
    int others_first;  /* none rendered yet */
    /* Stories written so far: written on the thread that analyses a batch,
     * read by the progress display on the reading one. */
    _Atomic size_t stream_stories;
};

/*
 * A briefing written story by story (chorus_corpus_stream_brief()): its
 * opening; one story, story 0 of `view` (a corpus holding that story's
 * articles only), as the briefing's story `number`, `first` non-zero until
 * a story is written; the inputs of `view` that are no articles, rendered
 * into `others` for the end (`first` as before); and the end, with those.
 * Each returns 0, CHORUS_EIO or CHORUS_ENOMEM.
 */
int chorus__brief_stream_open(FILE *out, chorus_format format);
int chorus__brief_stream_story(const chorus_corpus *view, size_t number, FILE *out,
                               chorus_format format, int *first);
int chorus__brief_stream_others(const chorus_corpus *view, chorus_format format,
                                chorus__buf *others, int *first);
int chorus__brief_stream_close(FILE *out, chorus_format format, chorus__buf *others,
                               int no_story, int no_other);

/* Articles read so far, whether held or handed to a stream. */
size_t chorus__articles_read(const chorus_corpus *c);

/*
 * Writes one group of the grouping's lines as chorus_write_clusters does:
 * `story` names the story, or is NULL for inputs that are no articles; the
 * articles are given with the article each copies, if any (originals[i],
 * or NULL). `first` is the JSON array's state: non-zero until an element is
 * written. Returns 0 or CHORUS_EIO.
 */
int chorus__write_cluster_lines(FILE *out, chorus_format format, const char *story,
                                const chorus__article *const *articles,
                                const chorus__article *const *originals, size_t n, int *first);

/* Reports progress through the options' callback, if any. */
void chorus__progress(chorus_corpus *c, const char *stage, size_t stories);

/* Reports a problem with one input through the options' callback. */
void chorus__diag(const chorus_corpus *c, int severity, const char *source, long line,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Fields of an article that its input states (JSON Lines); NULL when absent. */
typedef struct chorus__input_meta {
    const char *input_id;
    const char *title;
    const char *url;
    const char *source;
    const char *published;
    const char *language;
    const char *author;
    const char *fetched;       /* a crawl date, kept apart from the publication date */
    int language_is_declared;  /* the language is a page's declaration: detection decides */
} chorus__input_meta;

/*
 * Adds one article from raw bytes (any encoding problems are repaired and
 * reported). `path` labels it; `meta` may be NULL. Returns 1 when added, 0
 * when skipped as empty (and reported), or CHORUS_ENOMEM.
 */
int chorus__corpus_add_raw(chorus_corpus *c, const char *path, long line, const char *raw,
                           size_t len, const chorus__input_meta *meta);

/* Finds the facts of story `st` (its articles already set) and copies them
 * into the corpus arena. Returns 0 or CHORUS_ENOMEM. */
int chorus__story_facts(chorus_corpus *c, chorus__story *st);

/*
 * Adds one article whose paragraphs a reader already found (an HTML page):
 * each of the `n` paragraphs is repaired and composed as text is, and stays
 * one block. Returns 1 when added, 0 when nothing was left (reported), or
 * CHORUS_ENOMEM.
 */
int chorus__corpus_add_paragraphs(chorus_corpus *c, const char *path, long line,
                                  const char *const *paras, const size_t *lens, size_t n,
                                  const chorus__input_meta *meta);

/* Reads a path (file, directory or "-"); see chorus_corpus_add_path(). */
int chorus__read_path(chorus_corpus *c, const char *path);

/* Reads one open file or stream `f` named `path` in messages: an HTML page
 * or WARC archive (by name or content), JSON Lines (when `jsonl_by_name` or
 * by content), or one text article. Returns the articles added, 0 when
 * nothing could be used (reported), or a negative CHORUS_E* code. */
int chorus__read_stream(chorus_corpus *c, const char *path, FILE *f, int jsonl_by_name);

#endif
