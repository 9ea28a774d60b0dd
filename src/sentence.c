/* sentence.c - splitting paragraphs into sentences.
 *
 * A full stop ends a sentence unless it ends an abbreviation ("Mr.",
 * "Aug. 13"), an initial ("J. Smith") or an initialism that the next word
 * shows is mid-sentence ("the U.S. military"); decimals never end one since
 * no space follows their point. A quotation of several sentences stays whole,
 * so that a summary never cuts a quote in two and its attribution stays with it. */
#include "sentence.h"

#include <string.h>

#include "chorus.h"
#include "dates.h"
#include "stopwords.h"
#include "text.h"
#include "util.h"

/* A quotation longer than this is split like running text: it is more
 * likely an unbalanced quote mark than a real quote. */
#define MAX_QUOTE_BYTES 700

/* Abbreviations after which a full stop never ends the sentence. */
static const char *const never_final[] = {
    "Adm", "Ald", "Apt", "Art", "Assn", "Asst", "Ave", "Blvd", "Brig", "Bros", "Capt", "Cdr",
    "Ch", "Cmdr", "Col", "Comdr", "Cpl", "Cpt", "Dept", "Det", "Dist", "Dr", "Drs", "Fig", "Fr",
    "Ft", "Gen", "Gov", "Hon", "Hr", "Hrn", "Insp", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr",
    "Mrs", "Ms", "Msgr", "Mt", "Mx", "Nr", "Nos", "Pfc", "Ph", "Pres", "Prof", "Pt", "Pvt", "Rd",
    "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Sr", "Sra", "Srta", "St", "Ste", "Supt", "Vol",
    "approx", "ca", "cf", "fig", "pp", "vs", "v",
};

/* Abbreviations that may end a sentence: they do when a sentence-opening
 * word follows ("... Acme Inc. The company said"). */
static const char *const maybe_final[] = {
    "Co", "Corp", "Inc", "Jr", "Ltd", "Plc", "LLC", "Cos", "etc", "al", "Univ", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
};

static int in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    if (len > 8)
        return 0; /* no abbreviation here is longer */
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == w[0] && strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return 1;
    return 0;
}

/* The word (letters and inner dots) that ends just before s[end]. */
static size_t word_before(const char *s, size_t end, size_t *start)
{
    size_t i = end;
    while (i > 0) {
        size_t k = i;
        int32_t cp = chorus__utf8_prev(s, &k);
        if (!chorus__is_letter(cp) && cp != '.')
            break;
        i = k;
    }
    /* Leading dots belong to an ellipsis, not to the word. */
    while (i < end && s[i] == '.')
        i++;
    *start = i;
    return end - i;
}

/* The word that starts at s[i] (letters only), lowered into buf. */
static size_t next_word(const char *s, size_t len, size_t i, char *buf, size_t cap)
{
    size_t n = 0;
    while (i < len) {
        size_t k = i;
        int32_t cp = chorus__utf8_next(s, len, &k);
        if (!chorus__is_letter(cp))
            break;
        char enc[4];
        size_t m = chorus__utf8_put(enc, chorus__fold(cp));
        if (n + m >= cap)
            return 0;
        memcpy(buf + n, enc, m);
        n += m;
        i = k;
    }
    buf[n] = '\0';
    return n;
}

/* Non-zero when the word at s[i] typically opens a sentence: a function word
 * ("The", "He", "But") of the text's language. */
static int opens_sentence(const char *s, size_t len, size_t i, const char *lang)
{
    char w[32];
    size_t n = next_word(s, len, i, w, sizeof w);
    return n && chorus__is_stopword(lang, w, n);
}

/* Decides whether the full stop at s[dot] ends a sentence whose next text
 * starts at s[next]. */
static int full_stop_ends(const char *s, size_t len, size_t dot, size_t next, const char *lang)
{
    size_t ws;
    size_t wl = word_before(s, dot, &ws);
    if (wl == 0) {
        /* After a digit: a German or Scandinavian ordinal date ("am 5. März")
         * goes on; any other number, quote or bracket ends the sentence. */
        char w[32];
        size_t n = next_word(s, len, next, w, sizeof w);
        return !(dot > 0 && chorus__is_digit((unsigned char)s[dot - 1]) && n &&
                 chorus__month_from_name(w, n));
    }
    const char *w = s + ws;
    if (in_list(never_final, sizeof never_final / sizeof never_final[0], w, wl))
        return 0;
    int32_t first = 0;
    {
        size_t k = next;
        first = chorus__utf8_next(s, len, &k);
    }
    if (in_list(maybe_final, sizeof maybe_final / sizeof maybe_final[0], w, wl)) {
        if (chorus__is_digit(first))
            return 0; /* "Aug. 13", "No. 10" */
        return opens_sentence(s, len, next, lang);
    }
    /* A single capital is an initial ("J. Smith"); dotted capitals are an
     * initialism ("U.S."). Either ends a sentence only before a word that
     * opens one. */
    size_t k = ws;
    int32_t c0 = chorus__utf8_next(s, dot, &k);
    int single = k == dot && chorus__is_upper(c0);
    int dotted = memchr(w, '.', wl) != NULL;
    if (single || dotted)
        return opens_sentence(s, len, next, lang);
    return 1;
}

/* Marks that can end a sentence: full stop, question and exclamation marks,
 * the ellipsis and their CJK, Arabic and Devanagari forms. */
static int sentence_mark(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
           cp == 0xFF1F || cp == 0x061F || cp == 0x0964;
}

/* Appends the trimmed span s[start..end), if it holds anything. */
static int push_span(const char *s, size_t start, size_t end, uint32_t base, chorus__span **out,
                     size_t *count, size_t *cap)
{
    size_t sl = end - start;
    const char *st = chorus__trim(s + start, &sl);
    if (!sl)
        return 0;
    chorus__span sp = {base + (uint32_t)(st - s), (uint32_t)sl};
    return CHORUS_PUSH(*out, *count, *cap, sp) ? CHORUS_ENOMEM : 0;
}

/* Offset just past the quotation that opens before s[from], or 0 when it
 * does not close within MAX_QUOTE_BYTES. */
static size_t quote_close(const char *s, size_t len, size_t from)
{
    size_t i = from;
    while (i < len && i - from < MAX_QUOTE_BYTES) {
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (cp == 0x201D || cp == 0x00BB || cp == '"')
            return i;
        if (cp == 0x201C)
            return 0; /* a new quote opens first: the old one was never closed */
    }
    return 0;
}

int chorus__split_sentences(const char *s, size_t len, uint32_t base, const char *lang,
                            chorus__span **out, size_t *count, size_t *cap)
{
    size_t start = 0, i = 0;
    int in_quote = 0;
    while (i < len) {
        size_t at = i;
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (cp == 0x201C || cp == 0x00AB) {
            in_quote = 1;
            continue;
        }
        if (cp == 0x201D || cp == 0x00BB) {
            in_quote = 0;
            continue;
        }
        if (cp == '"') {
            /* A straight quote opens after a space or bracket, else closes. */
            size_t k = at;
            int32_t prev = at ? chorus__utf8_prev(s, &k) : ' ';
            in_quote = chorus__is_space(prev) || prev == '(' || prev == '[' || prev == 0x2014 ||
                       prev == '-';
            continue;
        }
        if (!sentence_mark(cp))
            continue;
        int is_stop = cp == '.';
        size_t dot = at;
        /* A run of marks ("?!", "...") and closing quotes or brackets. */
        size_t end = i;
        for (;;) {
            size_t k = end;
            int32_t c = chorus__utf8_next(s, len, &k);
            if (k == end)
                break;
            if (sentence_mark(c)) {
                is_stop = 0; /* an ellipsis or "?!" is not an abbreviation's dot */
            } else if (c == 0x201D || c == 0x00BB || c == 0x2019 || c == '\'' || c == ')' ||
                       c == ']') {
                in_quote = 0;
            } else if (c == '"') {
                in_quote = 0;
            } else {
                break;
            }
            end = k;
        }
        /* CJK full stops need no space after them. */
        int cjk = cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
        size_t next = end;
        while (next < len) {
            size_t k = next;
            if (!chorus__is_space(chorus__utf8_next(s, len, &k)))
                break;
            next = k;
        }
        i = end;
        if (next == end && next < len && !cjk)
            continue; /* "3.5", "U.S.-led", "example.com" */
        if (next < len) {
            size_t k = next;
            int32_t first = chorus__utf8_next(s, len, &k);
            /* A lower-case word continues the sentence, and so does a dash
             * after it: no sentence opens with one, and a dash after a
             * quotation credits it ("“…” — Aaron Paul, asked if …"). */
            if (chorus__is_lower(first) || first == 0x2014 || first == 0x2013)
                continue;
            if (in_quote) {
                size_t close = quote_close(s, len, next);
                if (close)
                    continue;
                in_quote = 0;
            }
            if (is_stop && !full_stop_ends(s, len, dot, next, lang))
                continue;
        }
        if (push_span(s, start, end, base, out, count, cap))
            return CHORUS_ENOMEM;
        start = next;
        i = next;
    }
    return push_span(s, start, len, base, out, count, cap);
}
