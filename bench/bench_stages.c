/* bench_stages.c - chorus's language identification and sentence splitting alone, timed
 * on the same inputs as their peers (bench/peers/), so that run.sh can give the ratio.
 *
 * Usage: bench_stages langid FILE.tsv        (language<TAB>text lines)
 *        bench_stages sentences FILE.jsonl   ({"text": ...} lines) */
#define _DEFAULT_SOURCE
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "corpus.h"
#include "langid.h"
#include "sentence.h"
#include "text.h"

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

/* Reads every line of a file into memory, so that only the work is timed. */
static char **read_lines(const char *path, size_t *count)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char **lines = NULL, *line = NULL;
    size_t n = 0, cap = 0, lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            lines = realloc(lines, cap * sizeof *lines);
        }
        lines[n++] = strdup(line);
    }
    free(line);
    fclose(f);
    *count = n;
    return lines;
}

static int bench_langid(const char *path)
{
    size_t n;
    char **lines = read_lines(path, &n);
    if (!lines)
        return 1;
    chorus__langid *lid = chorus__langid_new();
    size_t right = 0;
    double t0 = chorus__now();
    for (size_t i = 0; i < n; i++) {
        char *tab = strchr(lines[i], '\t');
        if (!tab)
            continue;
        char code[8];
        chorus__langid_detect(lid, tab + 1, strlen(tab + 1), code);
        right += strncmp(lines[i], code, (size_t)(tab - lines[i])) == 0 &&
                 code[tab - lines[i]] == '\0';
    }
    double seconds = chorus__now() - t0;
    printf("  chorus langid: %zu texts, accuracy %.3f, %.0f texts/s, peak %.0f MB\n", n,
           (double)right / (double)n, (double)n / seconds, peak_mb());
    printf("RATE chorus %.3f\n", (double)n / seconds);
    chorus__langid_free(lid);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    return 0;
}

static int bench_sentences(const char *path)
{
    size_t n;
    char **lines = read_lines(path, &n);
    if (!lines)
        return 1;
    /* Decode and clean first: the peer, too, gets ready-made strings. */
    chorus__buf *texts = calloc(n, sizeof *texts);
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_loads(lines[i], 0, NULL);
        const char *t = o ? json_string_value(json_object_get(o, "text")) : NULL;
        chorus__repair rep;
        if (t)
            chorus__text_clean(t, strlen(t), &texts[i], &rep);
        json_decref(o);
    }
    chorus__span *spans = NULL;
    size_t cap = 0, sentences = 0;
    double t0 = chorus__now();
    for (size_t i = 0; i < n; i++) {
        const char *t = texts[i].data;
        size_t len = texts[i].len, start = 0;
        /* Paragraph by paragraph, as chorus splits them. */
        while (t && start < len) {
            const char *nl = memchr(t + start, '\n', len - start);
            size_t end = nl ? (size_t)(nl - t) : len;
            size_t count = 0;
            chorus__split_sentences(t + start, end - start, 0, "en", &spans, &count, &cap);
            sentences += count;
            start = end + 1;
        }
    }
    double seconds = chorus__now() - t0;
    printf("  chorus sentences: %zu documents, %zu sentences, %.0f documents/s, peak %.0f MB\n", n,
           sentences, (double)n / seconds, peak_mb());
    printf("RATE chorus %.3f\n", (double)n / seconds);
    free(spans);
    for (size_t i = 0; i < n; i++) {
        chorus__buf_free(&texts[i]);
        free(lines[i]);
    }
    free(texts);
    free(lines);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "langid") == 0)
        return bench_langid(argv[2]);
    if (argc == 3 && strcmp(argv[1], "sentences") == 0)
        return bench_sentences(argv[2]);
    fprintf(stderr, "usage: %s langid FILE.tsv | sentences FILE.jsonl\n", argv[0]);
    return 2;
}
