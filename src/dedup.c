/* dedup.c - finding exact and near-duplicate copies of articles.
 *
 * Candidates come from LSH banding: 126 of a signature's 128 MinHash values
 * are cut into 42 bands of 3; two articles whose signatures agree on a whole
 * band land in the same bucket. With J the Jaccard similarity, the chance of
 * becoming candidates is 1 - (1 - J^3)^42: 0.996 at the threshold J = 0.5,
 * 0.9995 at 0.55, 0.94 at 0.4, 0.68 at 0.3, 0.13 at 0.15. Each candidate pair is then checked on the full
 * signature, so the threshold is the estimate's, not the banding's; the
 * banding only has to let nearly every pair at the threshold through. */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "chorus.h"
#include "minhash.h"

#define LSH_BANDS (CHORUS_COPY_KEYS - 1)
#define LSH_ROWS 3
/* In a larger bucket only neighbours are compared: a bucket that big is a
 * block of copies already (or a shared boilerplate band), and union-find
 * joins a chain of copies as well as a clique. */
#define LSH_FULL_BUCKET 64

typedef struct {
    uint64_t key;
    uint32_t article;
} bucket_entry;

static int cmp_entry(const void *a, const void *b)
{
    const bucket_entry *x = a, *y = b;
    if (x->key != y->key)
        return (x->key > y->key) - (x->key < y->key);
    return (x->article > y->article) - (x->article < y->article);
}

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Which of two copies to keep: earliest published, then longest, then first read. */
static int better(const chorus__article *a, const chorus__article *b)
{
    int ad = a->published.precision >= CHORUS_DATE_DAY, bd = b->published.precision >= CHORUS_DATE_DAY;
    if (ad && bd) {
        int c = strcmp(a->published_iso, b->published_iso);
        if (c)
            return c < 0;
    } else if (ad != bd) {
        return ad;
    }
    if (a->words != b->words)
        return a->words > b->words;
    return a->index < b->index;
}

static void join(chorus__article **articles, size_t *parent, size_t a, size_t b)
{
    size_t ra = find(parent, a), rb = find(parent, b);
    if (ra == rb)
        return;
    /* The root is always the copy to keep. */
    if (better(articles[ra], articles[rb]))
        parent[rb] = ra;
    else
        parent[ra] = rb;
}

int chorus__near_copies(const chorus__article *a, const chorus__article *b)
{
    if (a->words < CHORUS_DUPLICATE_MIN_WORDS || b->words < CHORUS_DUPLICATE_MIN_WORDS)
        return 0;
    if (a->content_hash == b->content_hash)
        return 1;
    if (!a->minhash || !b->minhash)
        return 0;
    return chorus__minhash_similarity(a->minhash, b->minhash) >= CHORUS_DUPLICATE_JACCARD;
}

size_t chorus__copy_keys(const chorus__article *a, uint64_t keys[CHORUS_COPY_KEYS])
{
    if (a->words < CHORUS_DUPLICATE_MIN_WORDS)
        return 0;
    size_t m = 0;
    keys[m++] = a->content_hash;
    if (a->minhash)
        for (size_t b = 0; b < LSH_BANDS; b++)
            keys[m++] = XXH3_64bits_withSeed(a->minhash + b * LSH_ROWS, LSH_ROWS * sizeof(uint32_t), b + 1);
    return m;
}

long chorus__find_duplicates(chorus__article **articles, size_t n)
{
    if (n < 2)
        return 0;
    size_t *parent = malloc(n * sizeof *parent);
    bucket_entry *entries = malloc((n * LSH_BANDS + n) * sizeof *entries);
    if (!parent || !entries) {
        free(parent);
        free(entries);
        return CHORUS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;

    /* One key per band of each signature, plus the exact content hash. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t keys[CHORUS_COPY_KEYS];
        size_t nk = chorus__copy_keys(articles[i], keys);
        for (size_t k = 0; k < nk; k++)
            entries[m++] = (bucket_entry){keys[k], (uint32_t)i};
    }
    qsort(entries, m, sizeof *entries, cmp_entry);
    for (size_t s = 0; s < m;) {
        size_t e = s + 1;
        while (e < m && entries[e].key == entries[s].key)
            e++;
        if (e - s <= LSH_FULL_BUCKET) {
            for (size_t x = s; x < e; x++)
                for (size_t y = x + 1; y < e; y++) {
                    size_t i = entries[x].article, j = entries[y].article;
                    if (i != j && find(parent, i) != find(parent, j) &&
                        chorus__near_copies(articles[i], articles[j]))
                        join(articles, parent, i, j);
                }
        } else {
            for (size_t x = s + 1; x < e; x++) {
                size_t i = entries[x - 1].article, j = entries[x].article;
                if (i != j && find(parent, i) != find(parent, j) && chorus__near_copies(articles[i], articles[j]))
                    join(articles, parent, i, j);
            }
        }
        s = e;
    }

    long dups = 0;
    for (size_t i = 0; i < n; i++) {
        size_t r = find(parent, i);
        articles[i]->duplicate_of = r == i ? -1 : (long)r;
        dups += r != i;
    }
    free(parent);
    free(entries);
    return dups;
}
