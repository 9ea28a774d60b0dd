/* rouge.c - ROUGE-1 and ROUGE-2 as ROUGE-1.5.5 computes them with -m -n 2, for the benchmarks.
 *
 * rouge.h says, step by step, how a text is tokenised and scored. The Porter
 * stemmer is written here rather than taken from libstemmer because ROUGE's
 * differs from the published algorithm (and so from Snowball's "porter") in
 * step 4, and its patterns are Perl regular expressions whose treatment of
 * "y" this file reproduces with a small backtracking matcher. */
#include "rouge.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* ROUGE's Porter stemmer                                                 */
/* ---------------------------------------------------------------------- */

/*
 * The stemmer's Perl patterns are built from five character classes, written
 * here as one letter each, followed by '1' (exactly once) or '*' (any number):
 *   c [^aeiou]   k [^aeiouy]   v [aeiouy]   u [aeiou]   x [^aeiouwxy]
 * ROUGE's consonant sequence $C is "c1k*" and its vowel sequence $V "v1u*".
 * An initial "y" is upper-cased before matching, so it falls in no vowel class.
 */
static int in_class(char cls, char ch)
{
    int vowel = ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
    switch (cls) {
    case 'c':
        return !vowel;
    case 'k':
        return !vowel && ch != 'y';
    case 'v':
        return vowel || ch == 'y';
    case 'u':
        return vowel;
    default: /* 'x' */
        return !vowel && ch != 'w' && ch != 'x' && ch != 'y';
    }
}

/* Matches pattern p against the start of s[0..len), backtracking over '*';
 * with `whole`, the pattern must consume all of s. */
static int match_from(const char *p, const char *s, size_t len, int whole)
{
    if (!*p)
        return !whole || len == 0;
    if (p[1] == '1')
        return len > 0 && in_class(p[0], s[0]) && match_from(p + 2, s + 1, len - 1, whole);
    size_t n = 0;
    while (n < len && in_class(p[0], s[n]))
        n++;
    for (;; n--) {
        if (match_from(p + 2, s + n, len - n, whole))
            return 1;
        if (n == 0)
            return 0;
    }
}

/* A Perl pattern "^(C)?..." is the same test as trying it with and without
 * the optional consonant sequence; each pattern lists both forms. */
typedef struct {
    const char *forms[4];
    int whole; /* anchored at the end too */
} porter_pattern;

/* $mgr0 "^(C)?VC": the measure m is above 0. */
static const porter_pattern MGR0 = {{"c1k*v1u*c1k*", "v1u*c1k*"}, 0};
/* $meq1 "^(C)?VC(V)?$": m is exactly 1. */
static const porter_pattern MEQ1 = {{"c1k*v1u*c1k*v1u*", "c1k*v1u*c1k*", "v1u*c1k*v1u*", "v1u*c1k*"}, 1};
/* $mgr1 "^(C)?VCVC": m is above 1. */
static const porter_pattern MGR1 = {{"c1k*v1u*c1k*v1u*c1k*", "v1u*c1k*v1u*c1k*"}, 0};
/* $_v "^(C)?v": the stem holds a vowel. */
static const porter_pattern HAS_VOWEL = {{"c1k*v1", "v1"}, 0};
/* "^Cv[^aeiouwxy]$": consonant-vowel-consonant, the last not w, x or y. */
static const porter_pattern CVC = {{"c1k*v1x1"}, 1};

static int matches(const porter_pattern *pat, const char *s, size_t len)
{
    for (size_t i = 0; i < 4 && pat->forms[i]; i++)
        if (match_from(pat->forms[i], s, len, pat->whole))
            return 1;
    return 0;
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

typedef struct {
    const char *suffix, *replacement;
} porter_rule;

static const porter_rule step2_rules[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},   {"anci", "ance"},
    {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"},
    {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
    {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},   {"biliti", "ble"},
    {"logi", "log"},    {NULL, NULL},
};

static const porter_rule step3_rules[] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
    {"ical", "ic"},  {"ful", ""},   {"ness", ""},    {NULL, NULL},
};

/* ROUGE's first step-4 list: its author took "ment" and "ent" out of it and
 * tests them separately after it, so that "-ement" words lose less. */
static const porter_rule step4_rules[] = {
    {"al", ""},  {"ance", ""}, {"ence", ""}, {"er", ""},  {"ic", ""},  {"able", ""},
    {"ible", ""}, {"ant", ""}, {"ement", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""},
    {"iti", ""}, {"ous", ""},  {"ive", ""},  {"ize", ""}, {NULL, NULL},
};

/* The longest suffix of w[0..n) among the rules (a Perl alternation
 * anchored at the end matches the longest), or NULL. */
static const porter_rule *longest_rule(const porter_rule *rules, const char *w, size_t n)
{
    const porter_rule *best = NULL;
    for (const porter_rule *r = rules; r->suffix; r++)
        if (ends_with(w, n, r->suffix) && (!best || strlen(r->suffix) > strlen(best->suffix)))
            best = r;
    return best;
}

/* Replaces the rule's suffix when the stem before it has m > 0 (step 2, 3)
 * or m > 1 (step 4). */
static size_t apply_rule(char *w, size_t n, const porter_rule *r, const porter_pattern *cond)
{
    if (!r)
        return n;
    size_t stem = n - strlen(r->suffix);
    if (!matches(cond, w, stem))
        return n;
    size_t k = strlen(r->replacement);
    memcpy(w + stem, r->replacement, k);
    return stem + k;
}

size_t rouge_porter_stem(const char *word, size_t len, char *w)
{
    memcpy(w, word, len);
    w[len] = '\0';
    if (len < 3)
        return len;
    size_t n = len;
    int initial_y = w[0] == 'y';
    if (initial_y)
        w[0] = 'Y';

    /* Step 1a: plurals. */
    if (ends_with(w, n, "sses") || ends_with(w, n, "ies"))
        n -= 2;
    else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
        n--;

    /* Step 1b: -eed, -ed, -ing. */
    if (ends_with(w, n, "eed")) {
        if (matches(&MGR0, w, n - 3))
            n--;
    } else if (ends_with(w, n, "ed") || ends_with(w, n, "ing")) {
        size_t stem = n - (w[n - 1] == 'd' ? 2 : 3);
        if (matches(&HAS_VOWEL, w, stem)) {
            n = stem;
            if (ends_with(w, n, "at") || ends_with(w, n, "bl") || ends_with(w, n, "iz"))
                w[n++] = 'e';
            else if (n >= 2 && w[n - 1] == w[n - 2] && !strchr("aeiouylsz", w[n - 1]))
                n--;
            else if (matches(&CVC, w, n))
                w[n++] = 'e';
        }
    }

    /* Step 1c: a final y after a vowel-bearing stem becomes i. */
    if (n >= 1 && w[n - 1] == 'y' && matches(&HAS_VOWEL, w, n - 1))
        w[n - 1] = 'i';

    /* Steps 2 and 3: double and single suffixes. */
    n = apply_rule(w, n, longest_rule(step2_rules, w, n), &MGR0);
    n = apply_rule(w, n, longest_rule(step3_rules, w, n), &MGR0);

    /* Step 4, in ROUGE's order: the list, then -ment, then -ent or -(s|t)ion. */
    n = apply_rule(w, n, longest_rule(step4_rules, w, n), &MGR1);
    if (ends_with(w, n, "ment") && matches(&MGR1, w, n - 4))
        n -= 4;
    if (ends_with(w, n, "ent")) {
        if (matches(&MGR1, w, n - 3))
            n -= 3;
    } else if ((ends_with(w, n, "sion") || ends_with(w, n, "tion")) && matches(&MGR1, w, n - 3)) {
        n -= 3;
    }

    /* Step 5: a final e, and a final double l. */
    if (n >= 1 && w[n - 1] == 'e') {
        size_t stem = n - 1;
        if (matches(&MGR1, w, stem) || (matches(&MEQ1, w, stem) && !matches(&CVC, w, stem)))
            n = stem;
    }
    if (ends_with(w, n, "ll") && matches(&MGR1, w, n))
        n--;

    if (initial_y)
        w[0] = 'y';
    w[n] = '\0';
    return n;
}

/* ---------------------------------------------------------------------- */
/* Tokens                                                                 */
/* ---------------------------------------------------------------------- */

void rouge_text_free(rouge_text *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->tokens[i]);
    free(t->tokens);
    memset(t, 0, sizeof *t);
}

/* Appends the word s[0..len) of ASCII letters and digits, lower-cased and,
 * when longer than three characters (ROUGE's -m rule), stemmed. */
static int push_token(rouge_text *t, const char *s, size_t len)
{
    if (t->count == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        char **tokens = realloc(t->tokens, cap * sizeof *tokens);
        if (!tokens)
            return -1;
        t->tokens = tokens;
        t->cap = cap;
    }
    char *lower = malloc(len + 1), *token = malloc(len + 2);
    if (!lower || !token) {
        free(lower), free(token);
        return -1;
    }
    for (size_t i = 0; i < len; i++)
        lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    if (len > 3) {
        rouge_porter_stem(lower, len, token);
    } else {
        memcpy(token, lower, len);
        token[len] = '\0';
    }
    free(lower);
    t->tokens[t->count++] = token;
    return 0;
}

static int is_alnum_ascii(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

int rouge_text_init(rouge_text *out, const char *text)
{
    const char *p = text;
    while (*p) {
        if (!is_alnum_ascii(*p)) {
            p++;
            continue;
        }
        const char *start = p;
        while (is_alnum_ascii(*p))
            p++;
        if (push_token(out, start, (size_t)(p - start))) {
            rouge_text_free(out);
            return -1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Scores                                                                 */
/* ---------------------------------------------------------------------- */

/* ROUGE prints and reuses every score as "%7.5f". */
static double round5(double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.5f", x);
    return strtod(buf, NULL);
}

typedef struct {
    const char *token;
    size_t index; /* position among the summary's tokens, then the reference's */
} token_ref;

static int cmp_token_ref(const void *a, const void *b)
{
    return strcmp(((const token_ref *)a)->token, ((const token_ref *)b)->token);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The n-grams of ids[0..count) as sorted keys: a bigram packs two ids. */
static size_t ngram_keys(const uint32_t *ids, size_t count, int n, uint64_t *keys)
{
    size_t k = 0;
    for (size_t i = 0; i + (size_t)n <= count; i++)
        keys[k++] = n == 1 ? ids[i] : (uint64_t)ids[i] << 32 | ids[i + 1];
    qsort(keys, k, sizeof *keys, cmp_u64);
    return k;
}

int rouge_n(const rouge_text *summary, const rouge_text *reference, int n, rouge_score *out)
{
    memset(out, 0, sizeof *out);
    if (n < 1 || n > 2)
        return -1;
    size_t total = summary->count + reference->count;
    token_ref *refs = malloc((total + 1) * sizeof *refs);
    uint32_t *ids = malloc((total + 1) * sizeof *ids);
    uint64_t *keys = malloc((total + 1) * sizeof *keys);
    if (!refs || !ids || !keys) {
        free(refs), free(ids), free(keys);
        return -1;
    }
    /* Equal stems get equal ids: sort every token of both texts once. */
    for (size_t i = 0; i < summary->count; i++)
        refs[i] = (token_ref){summary->tokens[i], i};
    for (size_t i = 0; i < reference->count; i++)
        refs[summary->count + i] = (token_ref){reference->tokens[i], summary->count + i};
    qsort(refs, total, sizeof *refs, cmp_token_ref);
    uint32_t id = 0;
    for (size_t i = 0; i < total; i++) {
        if (i && strcmp(refs[i].token, refs[i - 1].token) != 0)
            id++;
        ids[refs[i].index] = id;
    }
    uint64_t *sk = keys, *rk;
    size_t ns = ngram_keys(ids, summary->count, n, sk);
    rk = keys + ns;
    size_t nr = ngram_keys(ids + summary->count, reference->count, n, rk);

    /* Clipped hits: each distinct n-gram counts as often as the rarer side has it. */
    size_t hits = 0, i = 0, j = 0;
    while (i < ns && j < nr) {
        if (sk[i] < rk[j]) {
            i++;
        } else if (sk[i] > rk[j]) {
            j++;
        } else {
            uint64_t key = sk[i];
            size_t a = 0, b = 0;
            while (i < ns && sk[i] == key)
                i++, a++;
            while (j < nr && rk[j] == key)
                j++, b++;
            hits += a < b ? a : b;
        }
    }
    free(refs), free(ids), free(keys);

    out->recall = nr ? round5((double)hits / (double)nr) : 0;
    out->precision = ns ? round5((double)hits / (double)ns) : 0;
    const double alpha = 0.5;
    double denom = (1 - alpha) * out->precision + alpha * out->recall;
    out->f1 = denom > 0 ? round5(out->precision * out->recall / denom) : 0;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define ROUGE_RESAMPLES 1000

double rouge_average(const double *scores, size_t n)
{
    if (n == 0)
        return 0;
    /* Resample i draws n scores with Perl's rand after srand(i): drand48's
     * generator, x' = (0x5DEECE66D x + 11) mod 2^48, seeded with i << 16 | 0x330E. */
    double means[ROUGE_RESAMPLES];
    for (uint64_t i = 0; i < ROUGE_RESAMPLES; i++) {
        uint64_t x = i << 16 | 0x330E;
        double sum = 0;
        for (size_t k = 0; k < n; k++) {
            x = (0x5DEECE66DULL * x + 0xB) & ((UINT64_C(1) << 48) - 1);
            size_t pick = (size_t)((double)n * ((double)x / 281474976710656.0));
            sum += scores[pick];
        }
        means[i] = sum / (double)n;
    }
    /* ROUGE adds the resample means up in ascending order. */
    qsort(means, ROUGE_RESAMPLES, sizeof *means, cmp_double);
    double total = 0;
    for (size_t i = 0; i < ROUGE_RESAMPLES; i++)
        total += means[i];
    return round5(total / ROUGE_RESAMPLES);
}

size_t rouge_cut_words(const char *text, size_t words)
{
    size_t i = 0, seen = 0;
    for (;;) {
        while (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')
            i++;
        if (!text[i] || seen == words)
            break;
        seen++;
        while (text[i] && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r')
            i++;
    }
    if (seen < words || !text[i])
        return strlen(text);
    /* Back over the spaces before the first word left out. */
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t' ||
                     text[i - 1] == '\r'))
        i--;
    return i;
}
