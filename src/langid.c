/* langid.c - language identification of article text (over libexttextcat). */
#include "langid.h"

#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#include "stopwords.h"
#include "text.h"

#ifndef CHORUS_TEXTCAT_DIR
#define CHORUS_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* Enough text for a confident n-gram profile; more only costs time. */
#define LANGID_SAMPLE_BYTES 2048
/* Below this, n-gram statistics are noise. */
#define LANGID_MIN_BYTES 40

struct chorus__langid {
    void *textcat;
};

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
    lid->textcat = special_textcat_Init(conf, prefix);
    if (!lid->textcat) {
        free(lid);
        return NULL;
    }
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

/* Languages with a function-word list, tried before the n-gram models. */
static const char *const listed[] = {"en", "de", "fr", "es", "it", "pt", "nl", "ru"};
#define LISTED (sizeof listed / sizeof listed[0])
/* Words looked at for the function-word test. */
#define FUNCTION_WORD_SAMPLE 400

/*
 * Function words settle the language of most news text at once: in running
 * text a third or more of the words are function words of its language, and
 * few of another's. n-gram models, by contrast, confuse neighbours (English
 * with Scots) and cost far more. Returns 1 and sets code when one listed
 * language clearly dominates.
 */
static int by_function_words(const char *text, size_t len, char code[8])
{
    size_t hits[LISTED] = {0}, words = 0, i = 0;
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
        for (size_t l = 0; l < LISTED; l++)
            hits[l] += chorus__is_stopword(listed[l], w, n);
    }
    if (words < 20)
        return 0;
    size_t best = 0;
    for (size_t l = 1; l < LISTED; l++)
        if (hits[l] > hits[best])
            best = l;
    size_t second = 0;
    for (size_t l = 0; l < LISTED; l++)
        if (l != best && hits[l] > second)
            second = hits[l];
    /* At least a fifth of the words, and half again as many as any other list. */
    if (hits[best] * 5 < words || hits[best] * 2 < second * 3)
        return 0;
    strcpy(code, listed[best]);
    return 1;
}

void chorus__langid_detect(chorus__langid *lid, const char *text, size_t len, char code[8])
{
    strcpy(code, "und");
    if (len < LANGID_MIN_BYTES)
        return;
    if (by_function_words(text, len, code) || !lid)
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
