/* bench_html.c - throughput and peak memory of HTML extraction (chorus extract) on the WCXB development pages.
 *
 * Reads every page of ../shared/data/wcxb-dev-articles/html (gzip-compressed
 * HTML, never copied into the project) the way chorus extract does: parse,
 * find the article and its metadata, clean it. Prints pages per second of
 * CPU time on one core (the library is single-threaded) and of wall time,
 * the peak resident memory, and writes the articles as JSON Lines for the
 * scorer (bench/peers/wcxb_score.py).
 *
 * Usage: bench_html DATA_DIR OUT.jsonl */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "chorus.h"

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATA_DIR OUT.jsonl\n", argv[0]);
        return 2;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/wcxb-dev-articles/html", argv[1]);
    /* Pages, not articles, are counted: a page without an article costs too. */
    DIR *d = opendir(dir);
    if (!d) {
        printf("  skipped: %s is absent\n", dir);
        return 0;
    }
    size_t pages = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        pages += strstr(e->d_name, ".html") != NULL;
    closedir(d);
    chorus_options o;
    chorus_options_init(&o);
    o.skip_stories = 1; /* as chorus extract */
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return 1;
    double c0 = cpu_seconds(), w0 = wall_seconds();
    int rc = chorus_corpus_add_path(c, dir);
    if (rc >= 0)
        rc = chorus_corpus_analyze(c);
    FILE *out = fopen(argv[2], "w");
    if (rc || !out || chorus_write_articles(c, out, CHORUS_FORMAT_JSON)) {
        fprintf(stderr, "bench_html: extraction failed: %s\n", chorus_strerror(rc));
        return 1;
    }
    fclose(out);
    double cpu = cpu_seconds() - c0, wall = wall_seconds() - w0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("  chorus: %zu pages (%zu articles), %.2f s CPU, %.0f pages/s on one core (%.0f pages/s wall), peak %ld MB\n",
           pages, chorus_corpus_article_count(c), cpu, pages / cpu, pages / wall, ru.ru_maxrss / 1024);
    printf("RATE chorus %.3f\n", pages / cpu);
    chorus_corpus_free(c);
    return 0;
}
