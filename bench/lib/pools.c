/* pools.c - the Multi-News stories as pools of paragraphs, and the random stream and headlines the benchmarks generate corpora with. */
#define _DEFAULT_SOURCE /* getline, strtok_r */
#include "pools.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *grow_or_exit(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        fputs("bench: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static char *dup_or_exit(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(grow_or_exit(NULL, n), s, n);
}

size_t bench_word_count(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int w = *s != ' ' && *s != '\n' && *s != '\t' && *s != '\r';
        n += w && !in;
        in = w;
    }
    return n;
}

static void free_pool(story_pool *p)
{
    for (size_t k = 0; k < p->count; k++)
        free(p->paras[k]);
    free(p->paras);
}

/* Adds a document's paragraphs to its story's pool. Multi-News stories
 * often hold several copies of one wire story: each paragraph is kept once. */
static void add_document(story_pool *p, const char *document)
{
    char *text = dup_or_exit(document);
    char *save = NULL;
    for (char *para = strtok_r(text, "\n", &save); para; para = strtok_r(NULL, "\n", &save)) {
        while (*para == ' ')
            para++;
        if (bench_word_count(para) < 8)
            continue;
        int seen = 0;
        for (size_t k = 0; k < p->count && !seen; k++)
            seen = strcmp(p->paras[k], para) == 0;
        if (seen)
            continue;
        if (p->count == p->cap) {
            p->cap = p->cap ? p->cap * 2 : 32;
            p->paras = grow_or_exit(p->paras, p->cap * sizeof *p->paras);
        }
        p->paras[p->count++] = dup_or_exit(para);
    }
    free(text);
}

story_pool *bench_load_pools(const char *path, size_t min_paragraphs, size_t *count)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    story_pool *pools = NULL;
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        json_t *docs = o ? json_object_get(o, "documents") : NULL;
        if (!docs) {
            json_decref(o);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            pools = grow_or_exit(pools, cap * sizeof *pools);
        }
        story_pool *p = &pools[n++];
        memset(p, 0, sizeof *p);
        size_t i;
        json_t *d;
        json_array_foreach(docs, i, d) add_document(p, json_string_value(d) ? json_string_value(d) : "");
        json_decref(o);
        if (p->count < min_paragraphs) {
            free_pool(p);
            n--;
        }
    }
    free(line);
    fclose(f);
    *count = n;
    return pools;
}

void bench_free_pools(story_pool *pools, size_t count)
{
    for (size_t s = 0; s < count; s++)
        free_pool(&pools[s]);
    free(pools);
}

uint64_t bench_rng_next(bench_rng *r)
{
    r->state ^= r->state >> 12;
    r->state ^= r->state << 25;
    r->state ^= r->state >> 27;
    return r->state * 0x2545F4914F6CDD1DULL;
}

size_t bench_gcd(size_t a, size_t b)
{
    while (b) {
        size_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

void bench_headline(const char *para, char *buf, size_t size)
{
    size_t n = 0, words = 0;
    for (const char *p = para; *p && n + 1 < size && words < 12; p++) {
        if (*p == ' ')
            words++;
        if (*p == '.' && words >= 5)
            break;
        buf[n++] = *p;
    }
    /* Drop a last character whose bytes were not all copied. */
    size_t lead = n;
    while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0 && (unsigned char)buf[lead - 1] >= 0xC0) {
        unsigned char c = (unsigned char)buf[lead - 1];
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (n - (lead - 1) < need)
            n = lead - 1;
    }
    if (size)
        buf[n] = '\0';
}
