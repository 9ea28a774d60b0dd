/* test_text.c - UTF-8 repair, normalisation, folding, tokens and stop words. */
#include <stdlib.h>

#include "runner.h"
#include "stopwords.h"
#include "text.h"
#include "token.h"

/* Cleans `in` (len bytes) and compares with `want`. */
static void check_clean(test_ctx *t, const char *in, size_t len, const char *want, size_t invalid,
                        size_t nul)
{
    chorus__buf out = {0};
    chorus__repair rep;
    CHECK_INT(t, chorus__text_clean(in, len, &out, &rep), 0);
    CHECK_STR(t, out.data, want);
    CHECK_INT(t, rep.invalid_sequences, invalid);
    CHECK_INT(t, rep.nul_bytes, nul);
    chorus__buf_free(&out);
}

static void clean_repairs_bytes(test_ctx *t)
{
    check_clean(t, "plain ascii", 11, "plain ascii", 0, 0);
    check_clean(t, "caf\xC3\xA9", 5, "caf\xC3\xA9", 0, 0);
    /* A lone continuation byte, a truncated sequence and an overlong form. */
    check_clean(t, "a\x80z", 3, "a\xEF\xBF\xBDz", 1, 0);
    check_clean(t, "a\xE2\x82", 3, "a\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0);
    check_clean(t, "\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0);
    /* Surrogates encoded in UTF-8 are invalid. */
    check_clean(t, "\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, 0);
    check_clean(t, "nul\0byte", 8, "nulbyte", 0, 1);
    check_clean(t, "one\r\ntwo\rthree", 14, "one\ntwo\nthree", 0, 0);
    check_clean(t, "\xEF\xBB\xBFwith bom", 11, "with bom", 0, 0);
    check_clean(t, "tab\there", 8, "tab here", 0, 0);
    check_clean(t, "", 0, "", 0, 0);
}

static void clean_undoes_double_encoding(test_ctx *t)
{
    /* "Earth’s" read as Latin-1 and as windows-1252, then written as UTF-8. */
    const char *latin1 = "Earth\xC3\xA2\xC2\x80\xC2\x99s";
    check_clean(t, latin1, strlen(latin1), "Earth\xE2\x80\x99s", 0, 0);
    const char *cp1252 = "Earth\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s";
    check_clean(t, cp1252, strlen(cp1252), "Earth\xE2\x80\x99s", 0, 0);
    /* "café" encoded twice, and a no-break space. */
    const char *cafe = "caf\xC3\x83\xC2\xA9 \xC3\x82\xC2\xA0x";
    check_clean(t, cafe, strlen(cafe), "caf\xC3\xA9 \xC2\xA0x", 0, 0);
    /* Real text: "Ã" before a letter, and an "â" that leads nothing. */
    const char *real = "\xC3\x83o Paulo, p\xC3\xA2te \xC3\xA2 la";
    check_clean(t, real, strlen(real), real, 0, 0);
}

static void clean_reports_first_bad_line(test_ctx *t)
{
    chorus__buf out = {0};
    chorus__repair rep;
    const char in[] = "fine\nstill fine\nbad \xFF here\nand \0 here";
    chorus__text_clean(in, sizeof in - 1, &out, &rep);
    CHECK_INT(t, rep.first_invalid_line, 3);
    CHECK_INT(t, rep.first_nul_line, 4);
    chorus__buf_free(&out);
}

static void clean_composes_to_nfc(test_ctx *t)
{
    /* e + combining acute -> é; typographic quotes and dashes are kept. */
    const char *in = "Cafe\xCC\x81 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 dash";
    check_clean(t, in, strlen(in),
                "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 dash", 0, 0);
}

static void fold_matches_typography(test_ctx *t)
{
    chorus__buf out = {0};
    const char *in = "Russia\xE2\x80\x99s \xE2\x80\x9CPeace\xE2\x80\x9D \xE2\x80\x93 \xC3\x9C";
    chorus__fold_string(in, strlen(in), &out);
    CHECK_STR(t, out.data, "russia's \"peace\" - \xC3\xBC");
    chorus__buf_free(&out);
}

static void trim_removes_unicode_spaces(test_ctx *t)
{
    const char s[] = "\xC2\xA0 text \xE2\x80\x83";
    size_t len = sizeof s - 1;
    const char *p = chorus__trim(s, &len);
    CHECK_INT(t, len, 4);
    CHECK(t, strncmp(p, "text", 4) == 0);
}

/* Tokenises `s` and joins the folded forms with spaces. */
static void check_tokens(test_ctx *t, const char *s, const char *want)
{
    chorus__tokens toks = {0};
    CHECK_INT(t, chorus__tokenize(s, strlen(s), 0, "en", &toks), 0);
    chorus__buf joined = {0};
    for (size_t i = 0; i < toks.count; i++) {
        if (i)
            chorus__buf_putc(&joined, ' ');
        chorus__buf_append(&joined, toks.fold.data + toks.items[i].fold_start, toks.items[i].fold_len);
    }
    CHECK_STR(t, joined.data ? joined.data : "", want);
    chorus__buf_free(&joined);
    chorus__tokens_free(&toks);
}

static void tokenizer_cases(test_ctx *t)
{
    check_tokens(t, "Hamas's attack on Israel-Palestine", "hamas attack on israel palestine");
    check_tokens(t, "Russia\xE2\x80\x99s 40,000 dead, 3.5%", "russia 40000 dead 3.5");
    check_tokens(t, "The U.S. and the U.N. met.", "the u.s and the u.n met");
    check_tokens(t, "don't stop", "don't stop");
    check_tokens(t, "\xC3\x9C" "ber M\xC3\xBCnchen", "\xC3\xBC" "ber m\xC3\xBC" "nchen");
    check_tokens(t, "-- ... !!", "");
    check_tokens(t, "O'Brien's", "o'brien");
    /* Chinese and Japanese: a word a character, wherever a Latin word stops. */
    check_tokens(t, "\xE5\xB8\x82\xE9\x95\xBF Anna Berg\xE8\xA1\xA8\xE7\xA4\xBA",
                 "\xE5\xB8\x82 \xE9\x95\xBF anna berg \xE8\xA1\xA8 \xE7\xA4\xBA"); /* 市长 … 表示 */
    check_tokens(t, "iPhone\xE6\x89\x8B\xE6\x9C\xBA", "iphone \xE6\x89\x8B \xE6\x9C\xBA"); /* 手机 */
    check_tokens(t, "\xE3\x83\x88\xE3\x83\xA9\xE3\x83\xB3\xE3\x83\x97\xE6\xB0\x8F", /* トランプ氏 */
                 "\xE3\x83\x88 \xE3\x83\xA9 \xE3\x83\xB3 \xE3\x83\x97 \xE6\xB0\x8F");
    /* Korean spaces its words: they stay whole. */
    check_tokens(t, "\xEC\x84\x9C\xEC\x9A\xB8 \xEC\x8B\x9C\xEC\x9E\xA5", /* 서울 시장 */
                 "\xEC\x84\x9C\xEC\x9A\xB8 \xEC\x8B\x9C\xEC\x9E\xA5");
}

static void token_flags(test_ctx *t)
{
    chorus__tokens toks = {0};
    const char *s = "The UN said 40 people";
    chorus__tokenize(s, strlen(s), 0, "en", &toks);
    CHECK_INT(t, toks.count, 5);
    CHECK(t, toks.items[0].flags & CHORUS_TOK_STOP);
    CHECK(t, toks.items[0].flags & CHORUS_TOK_CAP);
    CHECK(t, toks.items[1].flags & CHORUS_TOK_ALLCAPS);
    CHECK(t, toks.items[3].flags & CHORUS_TOK_NUMBER);
    CHECK(t, !(toks.items[4].flags & (CHORUS_TOK_STOP | CHORUS_TOK_CAP)));
    /* Offsets point back into the source. */
    CHECK(t, strncmp(s + toks.items[2].start, "said", toks.items[2].len) == 0);
    CHECK(t, !(toks.items[2].flags & CHORUS_TOK_CJK));
    chorus__tokens_reset(&toks);
    const char *zh = "UN\xE7\x9A\x84\xE4\xBC\x9A"; /* UN的会 */
    chorus__tokenize(zh, strlen(zh), 0, "zh", &toks);
    CHECK_INT(t, toks.count, 3);
    CHECK(t, !(toks.items[0].flags & CHORUS_TOK_CJK));
    CHECK(t, (toks.items[1].flags & (CHORUS_TOK_CJK | CHORUS_TOK_STOP)) == (CHORUS_TOK_CJK | CHORUS_TOK_STOP));
    CHECK(t, (toks.items[2].flags & (CHORUS_TOK_CJK | CHORUS_TOK_STOP)) == CHORUS_TOK_CJK);
    CHECK_INT(t, toks.items[2].start, 5);
    CHECK_INT(t, toks.items[2].len, 3);
    chorus__tokens_free(&toks);
}

static void stemmer_reduces_inflections(test_ctx *t)
{
    chorus__stemmers *st = chorus__stemmers_new();
    const char *out;
    size_t len;
    chorus__stem(st, "en", "meetings", 8, &out, &len);
    CHECK(t, len == 4 && strncmp(out, "meet", 4) == 0);
    chorus__stem(st, "de", "verhandlungen", 13, &out, &len);
    CHECK(t, len == 8 && strncmp(out, "verhandl", 8) == 0);
    /* Unknown languages and numbers pass through. */
    chorus__stem(st, "und", "meetings", 8, &out, &len);
    CHECK_INT(t, len, 8);
    chorus__stem(st, "en", "40000", 5, &out, &len);
    CHECK_INT(t, len, 5);
    chorus__stemmers_free(st);
    chorus__stemmers_free(NULL);
}

static void stopword_lookup(test_ctx *t)
{
    CHECK(t, chorus__is_stopword("en", "the", 3));
    CHECK(t, chorus__is_stopword("en", "yourselves", 10));
    CHECK(t, !chorus__is_stopword("en", "putin", 5));
    CHECK(t, chorus__is_stopword("de", "\xC3\xBC" "ber", 5));
    CHECK(t, chorus__is_stopword("fr", "\xC3\xAA" "tre", 5));
    CHECK(t, !chorus__is_stopword("xx", "the", 3));
    CHECK(t, chorus__is_stopword("ar", "\xD9\x81\xD9\x8A", 4));                 /* في */
    CHECK(t, chorus__is_stopword("tr", "i\xC3\xA7in", 5));                        /* için */
    CHECK(t, chorus__is_stopword("pl", "si\xC4\x99", 4));                         /* się */
    CHECK(t, chorus__is_stopword("zh", "\xE7\x9A\x84", 3));                      /* 的 */
    CHECK(t, !chorus__is_stopword("zh", "\xE4\xBC\x9A", 3));                     /* 会 */
    CHECK(t, chorus__is_stopword("ja", "\xE3\x81\xAE", 3));                      /* の */
    CHECK(t, !chorus__is_stopword("ja", "\xE3\x83\x8E", 3));                     /* ノ */
}

/* Lookups bisect the lists: each must be in strict byte order. */
static void stopword_lists_sorted(test_ctx *t)
{
    static const char *const langs[] = {"ar", "de", "en", "es", "fr", "it", "ja",
                                        "nl", "pl", "pt", "ru", "tr", "zh"};
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
        const chorus__stoplist *list = chorus__stoplist_for(langs[l]);
        CHECK_MSG(t, list != NULL, "no list for %s", langs[l]);
        if (!list)
            continue;
        size_t prev_len = 0;
        const char *prev = NULL;
        for (size_t k = 0; k < chorus__stoplist_size(list); k++) {
            size_t len;
            const char *w = chorus__stoplist_word(list, k, &len);
            if (prev) {
                int c = memcmp(prev, w, prev_len < len ? prev_len : len);
                CHECK_MSG(t, c < 0 || (c == 0 && prev_len < len), "%s: \"%.*s\" before \"%.*s\"", langs[l],
                          (int)prev_len, prev, (int)len, w);
            }
            CHECK_MSG(t, chorus__stoplist_has(list, w, len), "%s: \"%.*s\" not found", langs[l], (int)len, w);
            prev = w;
            prev_len = len;
        }
    }
}

/* A summary's word budget: text, limit -> words counted, bytes kept. */
static void budget_words_cases(test_ctx *t)
{
    static const struct {
        const char *text;
        size_t limit, words, kept;
    } cases[] = {
        {"The council met on Monday.", 0, 5, 26},
        {"The council met on Monday.", 3, 3, 16},
        {"The council met on Monday.", 5, 5, 26},
        {"  spaced   out  ", 0, 2, 16},
        /* 市长表示，计划将在秋季审查。: twelve characters, six words */
        {"\xE5\xB8\x82\xE9\x95\xBF\xE8\xA1\xA8\xE7\xA4\xBA\xEF\xBC\x8C\xE8\xAE\xA1\xE5\x88\x92\xE5\xB0\x86"
         "\xE5\x9C\xA8\xE7\xA7\x8B\xE5\xAD\xA3\xE5\xAE\xA1\xE6\x9F\xA5\xE3\x80\x82",
         0, 6, 42},
        {"\xE5\xB8\x82\xE9\x95\xBF\xE8\xA1\xA8\xE7\xA4\xBA\xEF\xBC\x8C\xE8\xAE\xA1\xE5\x88\x92\xE5\xB0\x86"
         "\xE5\x9C\xA8\xE7\xA7\x8B\xE5\xAD\xA3\xE5\xAE\xA1\xE6\x9F\xA5\xE3\x80\x82",
         2, 2, 15}, /* the comma after the second word stays */
        /* Anna Berg表示: two words and two characters */
        {"Anna Berg\xE8\xA1\xA8\xE7\xA4\xBA", 0, 3, 15},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t cut = 0, len = strlen(cases[i].text);
        size_t words = chorus__budget_words(cases[i].text, len, cases[i].limit, &cut);
        CHECK_MSG(t, words == cases[i].words && cut == cases[i].kept, "case %zu: %zu words, %zu bytes kept", i, words,
                  cut);
    }
}

/* The valid prefix: input -> bytes of whole, well-formed sequences. */
static void utf8_valid_prefix_cases(test_ctx *t)
{
    static const struct {
        const char *in;
        size_t valid;
        int multibyte;
    } cases[] = {
        {"", 0, 0},
        {"plain ASCII text longer than eight bytes", 40, 0},
        {"caf\xC3\xA9 au lait, \xE2\x80\x9Cquoted\xE2\x80\x9D", 27, 1},
        {"emoji \xF0\x9F\x8C\x8A after", 16, 1},
        {"eight ok\xFF" "after", 8, 0}, /* a byte no sequence starts with */
        {"overlong \xC0\xAF slash", 9, 0}, /* two bytes for one */
        {"overlong \xE0\x80\xAF", 9, 0},
        {"surrogate \xED\xA0\x80 half", 10, 0},
        {"beyond U+10FFFF \xF4\x90\x80\x80", 16, 0},
        {"cut at the end \xE2\x80", 15, 0},
        {"\xC3\xA9 then a lone continuation \x80", 28, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int multibyte = -1;
        size_t got = chorus__utf8_valid_prefix(cases[i].in, strlen(cases[i].in), &multibyte);
        CHECK_MSG(t, got == cases[i].valid, "\"%s\": %zu valid bytes, expected %zu", cases[i].in, got,
                  cases[i].valid);
        CHECK_MSG(t, multibyte == cases[i].multibyte, "\"%s\": multibyte %d", cases[i].in, multibyte);
    }
}

const test_case text_tests[] = {
    {"clean repairs bytes", clean_repairs_bytes},
    {"clean undoes UTF-8 encoded twice", clean_undoes_double_encoding},
    {"clean reports the first bad line", clean_reports_first_bad_line},
    {"clean composes to NFC", clean_composes_to_nfc},
    {"fold matches typography", fold_matches_typography},
    {"trim removes unicode spaces", trim_removes_unicode_spaces},
    {"the valid UTF-8 prefix", utf8_valid_prefix_cases},
    {"a summary's word budget", budget_words_cases},
    {NULL, NULL},
};

const test_case token_tests[] = {
    {"tokenizer cases", tokenizer_cases},
    {"token flags", token_flags},
    {"stemmer reduces inflections", stemmer_reduces_inflections},
    {"stopword lookup", stopword_lookup},
    {"stopword lists are sorted", stopword_lists_sorted},
    {NULL, NULL},
};
