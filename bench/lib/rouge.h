/* rouge.h - ROUGE-1 and ROUGE-2 as ROUGE-1.5.5 computes them with -m -n 2, for the benchmarks.
 *
 * How a text becomes tokens, step by step as ROUGE-1.5.5.pl does it:
 *   1. ASCII letters are lower-cased (tr/A-Z/a-z/); nothing else is.
 *   2. Every byte other than an ASCII letter, digit or hyphen becomes a space
 *      (so "café" gives "caf" and "3.5%" gives "3" and "5"), and hyphens
 *      stand alone ("U.S.-led" gives "u", "s", "-", "led").
 *   3. Of the space-separated words, only those starting with a letter, a
 *      digit or "$" are kept: a lone hyphen is dropped. What remains are the
 *      runs of ASCII letters and digits.
 *   4. With -m, a token longer than three characters is replaced by its stem
 *      under ROUGE's own Porter stemmer (rouge_porter_stem), which differs
 *      from the published algorithm in step 4 ("agreement" gives "agreem").
 *      ROUGE-1.5.5 first looks a token up in a WordNet exception database;
 *      the database that ROUGE is run with everywhere is the one its setup
 *      recipe rebuilds, and that recipe passes an argument that matches no
 *      exception file, leaving it empty (Google's rouge-score, made to match
 *      ROUGE-1.5.5, has no exceptions either). No exceptions are applied here.
 *   5. No stop word is removed (no -s).
 *
 * Scoring, as computeNGramScore and ngramScore do with one reference:
 *   - the n-grams run over the whole summary, across sentence boundaries
 *     (ROUGE joins the sentences with spaces before tokenising);
 *   - hits are clipped: each distinct n-gram of the reference counts
 *     min(times in the reference, times in the summary);
 *   - recall = hits / n-grams of the reference, precision = hits / n-grams of
 *     the summary, each rounded to 5 decimals ("%7.5f"), and F1 =
 *     P*R / ((1 - alpha)*P + alpha*R) with alpha = 0.5, computed from the
 *     rounded P and R and rounded again;
 *   - the average over summaries that ROUGE prints is the mean of 1000
 *     bootstrap resamples (resample i drawn with Perl's srand(i), that is
 *     drand48 seeded with i), which rouge_average() reproduces.
 */
#ifndef CHORUS_BENCH_ROUGE_H
#define CHORUS_BENCH_ROUGE_H

#include <stddef.h>

/* One text as ROUGE tokenises and stems it. */
typedef struct rouge_text {
    char **tokens; /* NUL-terminated stems (heap) */
    size_t count;
    size_t cap;
} rouge_text;

/* Recall, precision and F1 of one summary against one reference, in [0, 1]. */
typedef struct rouge_score {
    double recall, precision, f1;
} rouge_score;

/*
 * Tokenises and stems `text` (NUL-terminated) into *out, which the caller
 * zero-initialises and releases with rouge_text_free(). Returns 0, or -1 when
 * out of memory.
 */
int rouge_text_init(rouge_text *out, const char *text);
void rouge_text_free(rouge_text *t);

/*
 * ROUGE-N (n >= 1) of `summary` against `reference`. Returns 0, or -1 when
 * out of memory.
 */
int rouge_n(const rouge_text *summary, const rouge_text *reference, int n, rouge_score *out);

/*
 * The stem ROUGE-1.5.5's Porter stemmer gives the lower-case ASCII word
 * w[0..len): written NUL-terminated to `out`, which has room for len + 2
 * bytes. Returns the stem's length. Words shorter than three characters come
 * back as they are.
 */
size_t rouge_porter_stem(const char *w, size_t len, char *out);

/* The average of per-summary scores that ROUGE-1.5.5 prints: the mean of its
 * 1000 bootstrap resamples, rounded to 5 decimals. */
double rouge_average(const double *scores, size_t n);

/*
 * Length of the prefix of `text` that holds its first `words`
 * whitespace-separated words, as ROUGE's -l cuts a summary; the whole length
 * when the text has no more words than that.
 */
size_t rouge_cut_words(const char *text, size_t words);

#endif
