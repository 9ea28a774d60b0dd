/* langid.c - language identification of article text (over libexttextcat). */
#include "langid.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#include "stopwords.h"
#include "text.h"

#ifndef CHORUS_TEXTCAT_DIR
#define CHORUS_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* Languages with a function-word list are tried before the n-gram models. */
#define LISTED 16

/* Enough text for a confident n-gram profile; more only costs time. */
#define LANGID_SAMPLE_BYTES 2048
/* Below this, n-gram statistics are noise; function words still count
 * from FUNCTION_WORD_MIN_BYTES ("Unemployment rose to 7.4% in March."). */
#define LANGID_MIN_BYTES 40
#define FUNCTION_WORD_MIN_BYTES 20

/* Function words of every listed language in one table: word -> bit set of
 * the languages whose list holds it, so that each word of a text is looked
 * up once rather than once per language. */
#define WORD_SLOTS 4096 /* a power of two, over twice the words listed */

typedef struct {
    const char *word; /* NULL: empty slot */
    size_t len;
    uint32_t langs;
} word_slot;

struct chorus__langid {
    void *textcat;
    word_slot words[WORD_SLOTS];
    const chorus__stoplist *lists[LISTED];
    size_t list_count;
};

static uint32_t word_hash(const char *w, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static word_slot *word_find(word_slot *slots, const char *w, size_t len)
{
    size_t i = word_hash(w, len) & (WORD_SLOTS - 1);
    while (slots[i].word && (slots[i].len != len || memcmp(slots[i].word, w, len) != 0))
        i = (i + 1) & (WORD_SLOTS - 1);
    return &slots[i];
}

static void index_function_words(chorus__langid *lid)
{
    while (lid->list_count < LISTED &&
           (lid->lists[lid->list_count] = chorus__stoplist_at(lid->list_count)) != NULL)
        lid->list_count++;
    for (size_t l = 0; l < lid->list_count; l++)
        for (size_t k = 0; k < chorus__stoplist_size(lid->lists[l]); k++) {
            size_t len;
            const char *w = chorus__stoplist_word(lid->lists[l], k, &len);
            word_slot *s = word_find(lid->words, w, len);
            s->word = w;
            s->len = len;
            s->langs |= 1u << l;
        }
}

chorus__langid *chorus__langid_new(void)
{
    chorus__langid *lid = calloc(1, sizeof *lid);
    if (!lid)
        return NULL;
    const char *dir = getenv("CHORUS_TEXTCAT_DIR");
    if (!dir || !*dir)
        dir = CHORUS_TEXTCAT_DIR;
    char conf[4096];
    size_t n = strlen(dir);
    if (n + 16 >= sizeof conf) {
        free(lid);
        return NULL;
    }
    memcpy(conf, dir, n);
    if (n && conf[n - 1] != '/')
        conf[n++] = '/';
    memcpy(conf + n, "fpdb.conf", 10);
    char prefix[4096];
    memcpy(prefix, conf, n);
    prefix[n] = '\0';
    index_function_words(lid);
    /* Without the n-gram models, function words still identify the
     * languages chorus has lists for. */
    lid->textcat = special_textcat_Init(conf, prefix);
    return lid;
}

void chorus__langid_free(chorus__langid *lid)
{
    if (!lid)
        return;
    if (lid->textcat)
        textcat_Done(lid->textcat);
    free(lid);
}

/* Words looked at for the function-word test. */
#define FUNCTION_WORD_SAMPLE 120

/*
 * Function words settle the language of most news text at once: in running
 * text a third or more of the words are function words of its language, and
 * few of another's. n-gram models, by contrast, confuse neighbours (English
 * with Scots) and cost far more. Returns 1 and sets code when one listed
 * language clearly dominates.
 */
static int by_function_words(chorus__langid *lid, const char *text, size_t len, char code[8])
{
    size_t hits[LISTED] = {0}, words = 0, i = 0;
    size_t nl = lid->list_count;
    char w[32];
    while (i < len && words < FUNCTION_WORD_SAMPLE) {
        int32_t cp = chorus__utf8_next(text, len, &i);
        if (!chorus__is_letter(cp))
            continue;
        size_t n = chorus__utf8_put(w, chorus__fold(cp));
        for (;;) {
            size_t k = i;
            int32_t c = chorus__utf8_next(text, len, &k);
            if (k == i || !(chorus__is_letter(c) || chorus__is_mark(c) || chorus__is_apostrophe(c)))
                break;
            i = k;
            if (n + 4 < sizeof w)
                n += chorus__utf8_put(w + n, chorus__fold(c));
        }
        words++;
        uint32_t langs = word_find(lid->words, w, n)->langs;
        for (size_t l = 0; langs && l < nl; l++, langs >>= 1)
            hits[l] += langs & 1;
    }
    if (words < 5)
        return 0;
    size_t best = 0;
    for (size_t l = 1; l < nl; l++)
        if (hits[l] > hits[best])
            best = l;
    size_t second = 0;
    for (size_t l = 0; l < nl; l++)
        if (l != best && hits[l] > second)
            second = hits[l];
    /* At least a fifth of the words, and half again as many as any other
     * list; in a short text (a headline) at least two function words, and
     * twice as many as any other list. */
    if (hits[best] * 5 < words || hits[best] * 2 < second * 3)
        return 0;
    if (words < 20 && (hits[best] < 2 || hits[best] < second * 2))
        return 0;
    strcpy(code, chorus__stoplist_lang(lid->lists[best]));
    return 1;
}

/*
 * Scripts used by one language only settle it without statistics: Han
 * characters without kana are Chinese, kana Japanese, Hangul Korean, and so
 * on. Counts letters of a sample; returns 1 and sets code when one such
 * script holds most of them.
 */
static int by_script(const char *text, size_t len, char code[8])
{
    enum { HAN, KANA, HANGUL, GREEK, HEBREW, THAI, GEORGIAN, ARMENIAN, OTHER, SCRIPTS };
    static const char *const codes[] = {"zh", "ja", "ko", "el", "he", "th", "ka", "hy"};
    size_t n[SCRIPTS] = {0}, letters = 0, i = 0;
    while (i < len && letters < 400) {
        int32_t cp = chorus__utf8_next(text, len, &i);
        if (!chorus__is_letter(cp))
            continue;
        letters++;
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
            n[HAN]++;
        else if (cp >= 0x3040 && cp <= 0x30FF)
            n[KANA]++;
        else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF))
            n[HANGUL]++;
        else if (cp >= 0x0370 && cp <= 0x03FF)
            n[GREEK]++;
        else if (cp >= 0x0590 && cp <= 0x05FF)
            n[HEBREW]++;
        else if (cp >= 0x0E00 && cp <= 0x0E7F)
            n[THAI]++;
        else if (cp >= 0x10A0 && cp <= 0x10FF)
            n[GEORGIAN]++;
        else if (cp >= 0x0530 && cp <= 0x058F)
            n[ARMENIAN]++;
        else
            n[OTHER]++;
    }
    if (letters < 10)
        return 0;
    /* Japanese mixes kanji with kana: any real share of kana decides it. */
    if (n[KANA] * 10 >= letters && n[HAN] + n[KANA] >= letters / 2) {
        strcpy(code, codes[KANA]);
        return 1;
    }
    /* A Chinese, Japanese or Korean character is a syllable, where a Latin
     * name in the same text spends several letters: weigh them so. */
    for (int s = HAN; s <= HANGUL; s++)
        if (n[s] * 3 > letters - n[s]) {
            strcpy(code, codes[s]);
            return 1;
        }
    for (int s = GREEK; s < OTHER; s++)
        if (n[s] * 2 > letters) {
            strcpy(code, codes[s]);
            return 1;
        }
    return 0;
}

void chorus__langid_detect(chorus__langid *lid, const char *text, size_t len, char code[8])
{
    strcpy(code, "und");
    if (!lid || len < FUNCTION_WORD_MIN_BYTES)
        return;
    if (by_script(text, len, code) || by_function_words(lid, text, len, code) || !lid->textcat ||
        len < LANGID_MIN_BYTES)
        return;
    if (len > LANGID_SAMPLE_BYTES) {
        /* Cut on a character boundary so the classifier sees valid UTF-8. */
        len = LANGID_SAMPLE_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    const char *res = textcat_Classify(lid->textcat, text, len);
    /* The answer is "[en--utf8][de--utf8]..." best first, or a word such as
     * UNKNOWN or SHORT. Several candidates mean the models disagree little;
     * the first is still the best guess. */
    if (!res || res[0] != '[')
        return;
    size_t k = 0;
    for (const char *p = res + 1; *p && *p != '-' && *p != ']' && k < 7; p++)
        code[k++] = *p;
    code[k] = '\0';
    if (k == 0)
        strcpy(code, "und");
}
