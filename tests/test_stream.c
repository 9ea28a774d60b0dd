/* test_stream.c - grouping as a stream: stories written as they close, grouping as a whole run. */
#define _DEFAULT_SOURCE /* open_memstream, mkstemps */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <jansson.h>

#include "chorus.h"
#include "runner.h"

/* A made-up word, different for every k below 8^5. */
static void word_of(unsigned k, char *out)
{
    static const char *const syllables[] = {"ka", "lo", "mi", "ra", "te", "su", "no", "vi"};
    out[0] = '\0';
    for (int i = 0; i < 5; i++, k /= 8)
        strcat(out, syllables[k % 8]);
}

#define DAYS 30
#define PER_DAY 300
#define EVENTS (DAYS + 2)
#define REPORTS (DAYS * PER_DAY)

/* Report i of DAYS days of PER_DAY reports, as a JSON line: on day d,
 * reports of events d, d + 1 and d + 2 in turn, so that each event runs
 * three days beside two others. An event has six words of its own, which
 * each report of it tells in an order of its own (so that few are copies)
 * within a frame all reports share. Ids are "e<event>-<n>". */
static void event_line(unsigned i, char *line, size_t size)
{
    unsigned day = i / PER_DAY, e = day + i % 3;
    /* The (i * 7919 mod 720)-th ordering of the six words. */
    char w[6][16];
    int left[6] = {0, 1, 2, 3, 4, 5}, n = 6;
    unsigned code = (i * 7919u) % 720u, fact = 120;
    for (int k = 0; k < 6; k++) {
        int at = (int)(code / fact);
        code %= fact;
        if (n > 1)
            fact /= (unsigned)(n - 1);
        word_of(1000 + 6 * e + (unsigned)left[at], w[k]);
        memmove(left + at, left + at + 1, (size_t)(n - at - 1) * sizeof *left);
        n--;
    }
    snprintf(line, size,
             "{\"id\":\"e%u-%u\",\"published\":\"2024-05-%02u\",\"text\":\"Officials said "
             "the %s and the %s near the %s were affected. The %s, the %s and the %s were "
             "spoken of at the %s, where the %s met the %s.\"}\n",
             e, i, 1 + day, w[0], w[1], w[2], w[3], w[4], w[5], w[1], w[3], w[5]);
}

/* Kinds of event streams. */
enum {
    IN_ORDER,  /* day by day */
    SHUFFLED,  /* each two days' reports in a random order */
    STRAYS,    /* in order, with a few reports dated decades away */
};

/* Writes the event stream of `kind` to a new file named from `path`. */
static int write_event_stream(char *path, int kind)
{
    int fd = mkstemps(path, 6);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        return -1;
    unsigned *order = malloc(REPORTS * sizeof *order);
    for (unsigned i = 0; i < REPORTS; i++)
        order[i] = i;
    uint64_t r = 88172645463325252ULL;
    for (unsigned from = 0; kind == SHUFFLED && from < REPORTS; from += 2 * PER_DAY)
        for (unsigned k = 2 * PER_DAY - 1; k > 0; k--) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            unsigned j = (unsigned)(r % (k + 1)), tmp = order[from + k];
            order[from + k] = order[from + j];
            order[from + j] = tmp;
        }
    static const char *const strays[] = {"2099-01-01", "2099-01-02", "1999-05-05", "2099-01-01"};
    for (unsigned i = 0; i < REPORTS; i++) {
        if (kind == STRAYS && i % 2000 == 1000)
            fprintf(f,
                    "{\"id\":\"stray-%u\",\"published\":\"%s\",\"text\":\"The annual report of "
                    "the lighthouse keepers' guild lists the members who retired and the new "
                    "rules for the winter season at the northern stations.\"}\n",
                    i, strays[(i / 2000) % 4]);
        char line[1024];
        event_line(order[i], line, sizeof line);
        fputs(line, f);
    }
    free(order);
    return fclose(f);
}

/* Story ids by event: every event in one story of its own. */
static void check_events_are_stories(test_ctx *t, const char *tsv)
{
    char story_of_event[EVENTS][16] = {{0}};
    size_t lines = 0;
    int mixed = 0;
    for (const char *p = tsv; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        char story[16];
        unsigned e;
        if (sscanf(p, "%15[^\t]\te%u-", story, &e) != 2 || e >= EVENTS)
            continue;
        lines++;
        if (!story_of_event[e][0])
            snprintf(story_of_event[e], sizeof story_of_event[e], "%s", story);
        else if (strcmp(story_of_event[e], story) != 0)
            mixed = 1;
    }
    CHECK_INT(t, lines, REPORTS);
    CHECK(t, !mixed);
    for (unsigned a = 0; a < EVENTS; a++)
        for (unsigned b = a + 1; b < EVENTS; b++)
            CHECK_MSG(t, strcmp(story_of_event[a], story_of_event[b]) != 0,
                      "events %u and %u share story %s", a, b, story_of_event[a]);
}

static void stories_are_written_as_they_close(test_ctx *t)
{
    char path[] = "/tmp/chorus-stream-XXXXXX.jsonl";
    CHECK_INT(t, write_event_stream(path, IN_ORDER), 0);
    chorus_options o;
    chorus_options_init(&o);
    o.threads = 1; /* no batch is analysed beside reading: the output can be read at once */
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, out, CHORUS_FORMAT_TSV), 0);
    CHECK_INT(t, chorus_corpus_add_path(c, path), REPORTS);
    fflush(out);
    /* Read in full, but the first events are weeks behind the last: their
     * stories are written already. */
    CHECK_MSG(t, len > 0 && strncmp(buf, "s1\te0-", 6) == 0, "nothing written before the end");
    size_t before = len;
    CHECK_MSG(t, buf && !strstr(buf, "\te31-"), "the last event's story was written before the end");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    fflush(out);
    CHECK(t, len > before);
    check_events_are_stories(t, buf);
    CHECK_INT(t, chorus_corpus_story_count(c), EVENTS);
    CHECK_INT(t, chorus_corpus_article_count(c), REPORTS);
    /* What was written is forgotten. */
    chorus_article_info a;
    CHECK_INT(t, chorus_corpus_article(c, 0, &a), CHORUS_ESTATE);
    chorus_story_info st;
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), CHORUS_ESTATE);
    CHECK_INT(t, chorus_write_clusters(c, out, CHORUS_FORMAT_TSV), CHORUS_ESTATE);
    chorus_corpus_free(c);
    fclose(out);
    free(buf);
    unlink(path);
}

/* The grouping of a run as sets of article names, one story a line, sorted. */
static char *partition(const char *tsv)
{
    char **lines = NULL;
    size_t n = 0;
    /* story -> names, collected by sorting "story\tname" lines. */
    for (const char *p = tsv; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        const char *tab2 = memchr(p, '\t', l);
        tab2 = tab2 ? memchr(tab2 + 1, '\t', l - (size_t)(tab2 + 1 - p)) : NULL;
        if (p[0] != '-' && tab2) {
            lines = realloc(lines, (n + 1) * sizeof *lines);
            lines[n++] = strndup(p, (size_t)(tab2 - p));
        }
        p = e ? e + 1 : NULL;
    }
    for (size_t x = 1; x < n; x++)
        for (size_t y = x; y > 0 && strcmp(lines[y - 1], lines[y]) > 0; y--) {
            char *tmp = lines[y];
            lines[y] = lines[y - 1];
            lines[y - 1] = tmp;
        }
    /* One line per story: its names in order; then the lines sorted. */
    char **groups = calloc(n + 1, sizeof *groups);
    size_t g = 0;
    for (size_t i = 0; i < n;) {
        size_t id_len = strcspn(lines[i], "\t"), j = i, size = 1;
        while (j < n && strncmp(lines[j], lines[i], id_len + 1) == 0)
            size += strlen(lines[j++]) + 1;
        char *s = calloc(1, size);
        for (size_t k = i; k < j; k++) {
            strcat(s, lines[k] + id_len + 1);
            strcat(s, " ");
        }
        groups[g++] = s;
        i = j;
    }
    for (size_t x = 1; x < g; x++)
        for (size_t y = x; y > 0 && strcmp(groups[y - 1], groups[y]) > 0; y--) {
            char *tmp = groups[y];
            groups[y] = groups[y - 1];
            groups[y - 1] = tmp;
        }
    size_t total = 1;
    for (size_t k = 0; k < g; k++)
        total += strlen(groups[k]) + 1;
    char *out = calloc(1, total);
    for (size_t k = 0; k < g; k++) {
        strcat(out, groups[k]);
        strcat(out, "\n");
        free(groups[k]);
    }
    for (size_t k = 0; k < n; k++)
        free(lines[k]);
    free(lines), free(groups);
    return out;
}

/* What chorus writes for `paths`: the grouping (TSV) or the briefing in
 * `format`, whole or streamed, with `threads` threads (0: one per
 * processor). The caller frees it. */
enum { GROUPING, BRIEFING };
static char *run(const char *const *paths, size_t n, int what, chorus_format format, int stream,
                 unsigned threads)
{
    chorus_options o;
    chorus_options_init(&o);
    o.compact = what == GROUPING; /* as chorus cluster runs */
    o.threads = threads;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (stream && what == GROUPING)
        chorus_corpus_stream_clusters(c, out, format);
    else if (stream)
        chorus_corpus_stream_brief(c, out, format);
    for (size_t i = 0; i < n; i++)
        chorus_corpus_add_path(c, paths[i]);
    if (chorus_corpus_analyze(c) == 0 && !stream) {
        if (what == GROUPING)
            chorus_write_clusters(c, out, format);
        else
            chorus_write_brief(c, out, format);
    }
    chorus_corpus_free(c);
    fclose(out);
    return buf;
}

static char *grouping_tsv(const char *const *paths, size_t n, int stream)
{
    return run(paths, n, GROUPING, CHORUS_FORMAT_TSV, stream, 0);
}

static void a_stream_groups_as_a_whole_run(test_ctx *t)
{
    /* Dated reports read before any story can close, undated headlines,
     * copies and notices: the same stories and copies as a whole run. (An
     * undated article read once the stream has a day takes that day, where
     * a whole run lets it join a story of any day: the undated rewrite in
     * tests/data/copies is left out for that.) */
    static const struct {
        const char *paths[5];
        size_t n;
    } sets[] = {
        {{"examples", "tests/data/copies/original.txt", "tests/data/copies/copy.txt", "tests/data/copies/edited.txt",
          "tests/data/notices.jsonl"},
         5},
        {{"tests/data/quakes.jsonl", "tests/data/headlines.jsonl", "tests/data/reactions.jsonl"}, 3},
    };
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        char *whole = grouping_tsv(sets[k].paths, sets[k].n, 0), *streamed = grouping_tsv(sets[k].paths, sets[k].n, 1);
        CHECK(t, whole && streamed && strlen(whole) > 100);
        CHECK_INT(t, strlen(streamed), strlen(whole)); /* same lines, perhaps in another order */
        char *pw = partition(whole), *ps = partition(streamed);
        CHECK_STR(t, ps, pw);
        free(pw), free(ps), free(whole), free(streamed);
    }
}

static void same_topic_weeks_apart_splits_in_a_stream(test_ctx *t)
{
    const char *paths[] = {"tests/data/quakes.jsonl"};
    char *tsv = grouping_tsv(paths, 1, 1);
    char *p = partition(tsv);
    CHECK_STR(t, p, "q1 q2 \nq3 \n");
    free(p), free(tsv);
}

static void stream_writes_a_json_array(test_ctx *t)
{
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, out, CHORUS_FORMAT_JSON), 0);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, out, CHORUS_FORMAT_JSON), CHORUS_ESTATE);
    chorus_corpus_add_path(c, "tests/data/notices.jsonl");
    chorus_corpus_add_path(c, "examples");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    fclose(out);
    json_error_t err;
    json_t *arr = json_loads(buf, 0, &err);
    CHECK_MSG(t, json_is_array(arr), "not a JSON array: %s", err.text);
    CHECK_INT(t, json_array_size(arr), chorus_corpus_article_count(c));
    size_t none = 0;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        if (json_is_null(json_object_get(o, "story"))) {
            none++;
            CHECK(t, json_is_string(json_object_get(o, "non_article")));
        }
    }
    CHECK(t, none > 0);
    json_decref(arr);
    free(buf);
    chorus_corpus_free(c);

    /* Nothing read: an empty array, and the run says so. */
    chorus_corpus_new(&c, NULL);
    buf = NULL;
    out = open_memstream(&buf, &len);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, out, CHORUS_FORMAT_JSON), 0);
    CHECK_INT(t, chorus_corpus_analyze(c), CHORUS_EEMPTY);
    fclose(out);
    CHECK_STR(t, buf, "[]\n");
    free(buf);
    chorus_corpus_free(c);
}

static void stream_refuses_what_it_cannot_do(test_ctx *t)
{
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, stdout, CHORUS_FORMAT_MARKDOWN), CHORUS_EINVAL);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, NULL, CHORUS_FORMAT_TSV), CHORUS_EINVAL);
    chorus_corpus_add_path(c, "tests/data/quakes.jsonl");
    CHECK_INT(t, chorus_corpus_stream_clusters(c, stdout, CHORUS_FORMAT_TSV), CHORUS_ESTATE);
    chorus_corpus_free(c);
    chorus_options o;
    chorus_options_init(&o);
    o.one_story = 1;
    chorus_corpus_new(&c, &o);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, stdout, CHORUS_FORMAT_TSV), CHORUS_EINVAL);
    chorus_corpus_free(c);
    /* Freed before the end: what the stream holds is freed unwritten. */
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    chorus_corpus_new(&c, NULL);
    CHECK_INT(t, chorus_corpus_stream_clusters(c, out, CHORUS_FORMAT_TSV), 0);
    chorus_corpus_add_path(c, "examples");
    chorus_corpus_free(c);
    fclose(out);
    free(buf);
}

/* The streamed TSV of one file with `threads` threads. */
static char *streamed_with(const char *path, unsigned threads)
{
    return run(&path, 1, GROUPING, CHORUS_FORMAT_TSV, 1, threads);
}

static void a_stream_writes_the_same_for_any_threads(test_ctx *t)
{
    /* Over two batches of 4,096: batches are analysed beside reading. */
    char path[] = "/tmp/chorus-stream-XXXXXX.jsonl";
    CHECK_INT(t, write_event_stream(path, IN_ORDER), 0);
    char *one = streamed_with(path, 1), *two = streamed_with(path, 2);
    CHECK(t, one && strlen(one) > REPORTS * 8);
    CHECK_STR(t, two, one);
    free(one), free(two);
    unlink(path);
}

/* The stories of a streamed file, as sets of names. */
static char *streamed_partition(const char *path)
{
    char *tsv = streamed_with(path, 0);
    char *p = partition(tsv);
    free(tsv);
    return p;
}

static void arrival_within_two_days_does_not_matter(test_ctx *t)
{
    char sorted[] = "/tmp/chorus-stream-XXXXXX.jsonl", shuffled[] = "/tmp/chorus-stream-XXXXXX.jsonl";
    CHECK_INT(t, write_event_stream(sorted, IN_ORDER), 0);
    CHECK_INT(t, write_event_stream(shuffled, SHUFFLED), 0);
    char *a = streamed_partition(sorted), *b = streamed_partition(shuffled);
    CHECK(t, a && strlen(a) > REPORTS * 8);
    CHECK_STR(t, b, a);
    free(a), free(b);
    unlink(sorted), unlink(shuffled);
}

static void stray_dates_do_not_move_the_stream(test_ctx *t)
{
    /* Reports dated decades away, among a month of news: they neither run
     * the stream ahead nor close its stories; each event is one story. */
    char path[] = "/tmp/chorus-stream-XXXXXX.jsonl";
    CHECK_INT(t, write_event_stream(path, STRAYS), 0);
    char *tsv = streamed_with(path, 0);
    check_events_are_stories(t, tsv);
    size_t strays = 0;
    for (const char *p = tsv; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        unsigned at;
        strays += sscanf(p, "%*[^\t]\tstray-%u", &at) == 1;
    }
    CHECK_INT(t, strays, 4);
    free(tsv);
    unlink(path);
}

/* The briefing of `paths`, streamed or whole, in `format`. */
static char *briefing(const char *const *paths, size_t n, int stream, chorus_format format)
{
    return run(paths, n, BRIEFING, format, stream, 0);
}

static void a_streamed_briefing_is_the_whole_runs(test_ctx *t)
{
    /* Read in full before a story closes: the same stories, summaries and
     * facts, in JSON to the byte. */
    const char *paths[] = {"examples"};
    char *whole = briefing(paths, 1, 0, CHORUS_FORMAT_JSON), *streamed = briefing(paths, 1, 1, CHORUS_FORMAT_JSON);
    CHECK(t, whole && strlen(whole) > 1000);
    CHECK_STR(t, streamed, whole);
    free(whole), free(streamed);
    /* Stories in the order they close, the inputs that are no articles at
     * the end, as the whole run lists them. */
    const char *more[] = {"examples", "tests/data/notices.jsonl", "tests/data/quakes.jsonl"};
    whole = briefing(more, 3, 0, CHORUS_FORMAT_JSON);
    streamed = briefing(more, 3, 1, CHORUS_FORMAT_JSON);
    json_t *w = json_loads(whole, 0, NULL), *s = json_loads(streamed, 0, NULL);
    CHECK(t, w && s);
    CHECK_STR(t, json_string_value(json_object_get(s, "format")), "chorus-brief/1");
    CHECK_INT(t, json_array_size(json_object_get(s, "stories")), json_array_size(json_object_get(w, "stories")));
    CHECK(t, json_equal(json_object_get(s, "non_articles"), json_object_get(w, "non_articles")));
    json_decref(w), json_decref(s);
    free(whole), free(streamed);
    /* Markdown: the same after the opening lines, which cannot count. */
    char *md_whole = briefing(paths, 1, 0, CHORUS_FORMAT_MARKDOWN), *md_streamed = briefing(paths, 1, 1, CHORUS_FORMAT_MARKDOWN);
    const char *a = md_whole ? strstr(md_whole, "\n## 1.") : NULL, *b = md_streamed ? strstr(md_streamed, "\n## 1.") : NULL;
    CHECK(t, a && b);
    if (a && b)
        CHECK_STR(t, b, a);
    free(md_whole), free(md_streamed);
}

static void a_streamed_briefing_is_written_as_stories_close(test_ctx *t)
{
    char path[] = "/tmp/chorus-stream-XXXXXX.jsonl";
    CHECK_INT(t, write_event_stream(path, IN_ORDER), 0);
    chorus_options o;
    chorus_options_init(&o);
    o.threads = 1;
    o.facts = 0;
    o.summary_sentences = 2;
    chorus_corpus *c;
    chorus_corpus_new(&c, &o);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CHECK_INT(t, chorus_corpus_stream_brief(c, out, CHORUS_FORMAT_MARKDOWN), 0);
    CHECK_INT(t, chorus_corpus_stream_brief(c, out, CHORUS_FORMAT_MARKDOWN), CHORUS_ESTATE);
    chorus_corpus_add_path(c, path);
    fflush(out);
    CHECK_MSG(t, buf && strstr(buf, "\n## 1. "), "no briefing written before the end");
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    fflush(out);
    char last[32];
    snprintf(last, sizeof last, "\n## %d. ", EVENTS);
    CHECK(t, buf && strstr(buf, last));
    CHECK_INT(t, chorus_corpus_story_count(c), EVENTS);
    chorus_corpus_free(c);
    fclose(out);
    free(buf);
    unlink(path);
    /* A compact corpus keeps no text to brief. */
    chorus_options_init(&o);
    o.compact = 1;
    chorus_corpus_new(&c, &o);
    CHECK_INT(t, chorus_corpus_stream_brief(c, stdout, CHORUS_FORMAT_MARKDOWN), CHORUS_EINVAL);
    CHECK_INT(t, chorus_corpus_stream_brief(c, stdout, CHORUS_FORMAT_TSV), CHORUS_EINVAL);
    chorus_corpus_free(c);
}

const test_case stream_tests[] = {
    {"a streamed briefing is the whole run's", a_streamed_briefing_is_the_whole_runs},
    {"a streamed briefing is written as stories close", a_streamed_briefing_is_written_as_stories_close},
    {"arrival within two days does not matter", arrival_within_two_days_does_not_matter},
    {"stray dates do not move the stream", stray_dates_do_not_move_the_stream},
    {"a stream writes the same for any threads", a_stream_writes_the_same_for_any_threads},
    {"stories are written as they close", stories_are_written_as_they_close},
    {"a stream groups as a whole run", a_stream_groups_as_a_whole_run},
    {"same topic weeks apart splits in a stream", same_topic_weeks_apart_splits_in_a_stream},
    {"a stream writes a JSON array", stream_writes_a_json_array},
    {"a stream refuses what it cannot do", stream_refuses_what_it_cannot_do},
    {NULL, NULL},
};
