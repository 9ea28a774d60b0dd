/* workers.c - analysing articles on several threads with the same result as on one.
 *
 * Language identification, junk removal, sentence splitting, tokenising and
 * stemming touch nothing but the article and the analyzer's own scratch, so
 * each thread has an analyzer and takes articles from a shared counter. The
 * one thing that would differ between runs is the order in which new stems
 * get their ids; so each thread's ids are local, and the calling thread
 * renames them into the corpus vocabulary article by article, in input order,
 * which gives exactly the ids a single thread would have given. */
#define _POSIX_C_SOURCE 200809L
#include "workers.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chorus.h"
#include "util.h"

/* Articles a thread takes at a time: enough to make the counter cheap, few
 * enough to share the tail of a batch. */
#define CHUNK 4
/* Threads beyond this gain nothing: the renaming is serial. */
#define MAX_THREADS 16

struct chorus__workers {
    unsigned count;
    chorus__analyzer an[MAX_THREADS];
    uint32_t *map[MAX_THREADS]; /* local term id -> corpus term id, or CHORUS_VOCAB_NONE */
    size_t map_len[MAX_THREADS];
};

unsigned chorus__cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

chorus__workers *chorus__workers_new(unsigned threads, const chorus__analyzer *main)
{
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    chorus__workers *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    for (unsigned i = 0; i < threads; i++) {
        if (chorus__analyzer_init(&w->an[i], main->blocks)) {
            chorus__workers_free(w);
            return NULL;
        }
        w->an[i].text_only = main->text_only;
        w->count = i + 1;
    }
    return w;
}

void chorus__workers_free(chorus__workers *w)
{
    if (!w)
        return;
    for (unsigned i = 0; i < w->count; i++) {
        chorus__analyzer_done(&w->an[i]);
        free(w->map[i]);
    }
    free(w);
}

typedef struct {
    chorus__workers *w;
    unsigned id;
    chorus__article **articles;
    size_t n;
    atomic_size_t *next;
    atomic_int *failed;
    unsigned char *who; /* which thread analysed each article */
    int rc;
} job;

static void *run(void *arg)
{
    job *j = arg;
    while (!atomic_load(j->failed)) {
        size_t from = atomic_fetch_add(j->next, CHUNK);
        if (from >= j->n)
            break;
        size_t to = from + CHUNK < j->n ? from + CHUNK : j->n;
        for (size_t i = from; i < to && !j->rc; i++) {
            j->rc = chorus__article_analyze(&j->w->an[j->id], j->articles[i]);
            j->who[i] = (unsigned char)j->id;
        }
        if (j->rc) {
            atomic_store(j->failed, 1);
            break;
        }
    }
    return NULL;
}

/* Renames the article's terms from thread t's vocabulary into main's. */
static int rename_terms(chorus__workers *w, unsigned t, chorus__analyzer *main, chorus__article *a)
{
    size_t local = chorus__vocab_size(w->an[t].vocab);
    if (local > w->map_len[t]) {
        uint32_t *m = realloc(w->map[t], local * sizeof *m);
        if (!m)
            return CHORUS_ENOMEM;
        for (size_t i = w->map_len[t]; i < local; i++)
            m[i] = CHORUS_VOCAB_NONE;
        w->map[t] = m;
        w->map_len[t] = local;
    }
    uint32_t *map = w->map[t];
    for (size_t k = 0; k < a->token_count; k++) {
        uint32_t id = a->tokens[k].term;
        if (map[id] == CHORUS_VOCAB_NONE) {
            size_t len;
            const char *s = chorus__vocab_term(w->an[t].vocab, id, &len);
            map[id] = chorus__vocab_intern(main->vocab, s, len);
            if (map[id] == CHORUS_VOCAB_NONE)
                return CHORUS_ENOMEM;
        }
        a->tokens[k].term = map[id];
    }
    return 0;
}

int chorus__workers_analyze(chorus__workers *w, chorus__analyzer *main, chorus__article **articles,
                            size_t n)
{
    if (!w || w->count <= 1 || n < CHORUS_WORKERS_MIN_BATCH) {
        for (size_t i = 0; i < n; i++) {
            int rc = chorus__article_analyze(main, articles[i]);
            if (rc)
                return rc;
        }
        return 0;
    }
    unsigned char *who = malloc(n);
    if (!who)
        return CHORUS_ENOMEM;
    atomic_size_t next;
    atomic_int failed;
    atomic_init(&next, 0);
    atomic_init(&failed, 0);
    job jobs[MAX_THREADS];
    pthread_t tid[MAX_THREADS];
    int started[MAX_THREADS] = {0};
    for (unsigned t = 0; t < w->count; t++)
        jobs[t] = (job){w, t, articles, n, &next, &failed, who, 0};
    /* Thread 0 is this one; a thread that cannot start leaves its share to the others. */
    for (unsigned t = 1; t < w->count; t++)
        started[t] = pthread_create(&tid[t], NULL, run, &jobs[t]) == 0;
    run(&jobs[0]);
    int rc = jobs[0].rc;
    for (unsigned t = 1; t < w->count; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        if (!rc)
            rc = jobs[t].rc;
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = rename_terms(w, who[i], main, articles[i]);
    free(who);
    return rc;
}
