/* test_dedup.c - MinHash signatures and duplicate detection. */
#include <stdlib.h>

#include "chorus.h"
#include "minhash.h"
#include "runner.h"

static void minhash_estimates_jaccard(test_ctx *t)
{
    uint64_t a[200], b[200];
    for (int i = 0; i < 200; i++) {
        a[i] = (uint64_t)i * 7919;
        b[i] = (uint64_t)(i + 1000) * 7919;
    }
    uint32_t sa[CHORUS_MINHASH_SIZE], sb[CHORUS_MINHASH_SIZE];
    CHECK(t, chorus__minhash(a, 200, sa));
    CHECK(t, chorus__minhash(a, 200, sb));
    CHECK(t, chorus__minhash_similarity(sa, sb) == 1.0);
    chorus__minhash(b, 200, sb);
    CHECK(t, chorus__minhash_similarity(sa, sb) < 0.1);
    /* Half the words changed at the end: about a third of shingles shared. */
    for (int i = 100; i < 200; i++)
        b[i] = a[i], b[i - 100] = a[i - 100] + 1;
    chorus__minhash(b, 200, sb);
    double j = chorus__minhash_similarity(sa, sb);
    CHECK_MSG(t, j > 0.2 && j < 0.5, "estimate %.2f", j);
    /* Too short for a shingle: no signature. */
    CHECK(t, !chorus__minhash(a, CHORUS_SHINGLE_WORDS - 1, sa));
}

/* Index of the article read from `path`. */
static size_t find_path(chorus_corpus *c, const char *path)
{
    for (size_t i = 0; i < chorus_corpus_article_count(c); i++) {
        chorus_article_info a;
        chorus_corpus_article(c, i, &a);
        if (strcmp(a.path, path) == 0)
            return i;
    }
    return (size_t)-1;
}

static void copies_are_found(test_ctx *t)
{
    chorus_corpus *c;
    CHECK_INT(t, chorus_corpus_new(&c, NULL), 0);
    CHECK_INT(t, chorus_corpus_add_path(c, "tests/data/copies"), 4);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    size_t orig = find_path(c, "tests/data/copies/original.txt");
    size_t copy = find_path(c, "tests/data/copies/copy.txt");
    size_t edited = find_path(c, "tests/data/copies/edited.txt");
    size_t rewrite = find_path(c, "tests/data/copies/rewrite.txt");
    chorus_article_info a;
    chorus_corpus_article(c, orig, &a);
    CHECK_STR(t, a.duplicate_of, NULL);
    /* The dated original is kept; the copy with other page furniture and
     * the copy with a rewritten first paragraph point to it. */
    const char *orig_id = a.id;
    chorus_corpus_article(c, copy, &a);
    CHECK_STR(t, a.duplicate_of, orig_id);
    chorus_corpus_article(c, edited, &a);
    CHECK_STR(t, a.duplicate_of, orig_id);
    /* An independent report of the same event is no copy, but joins the story. */
    chorus_corpus_article(c, rewrite, &a);
    CHECK_STR(t, a.duplicate_of, NULL);
    CHECK_INT(t, chorus_corpus_story_count(c), 1);
    chorus_corpus_free(c);
}

const test_case dedup_tests[] = {
    {"minhash estimates jaccard", minhash_estimates_jaccard},
    {"copies are found, reports are not", copies_are_found},
    {NULL, NULL},
};
