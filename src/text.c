/* text.c - UTF-8 repair, Unicode normalisation and character classes. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "chorus.h"

/* Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
 * Rejects overlong forms, surrogates and code points past U+10FFFF, as
 * RFC 3629 requires. */
static size_t valid_sequence(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t min, cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, min = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, min = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, min = 0x10000, cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > len)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* The byte that windows-1252 writes as code point cp, for the characters it
 * puts at 0x80..0x9F; 0 for others. */
static unsigned char cp1252_byte(int32_t cp)
{
    static const uint16_t high[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    for (int k = 0; k < 32; k++)
        if (high[k] == cp)
            return (unsigned char)(0x80 + k);
    return 0;
}

/*
 * UTF-8 that was decoded once as Latin-1 or windows-1252 and encoded
 * again: "Earth’s" written as "Earthâ\u0080\u0099s" or "Earthâ€™s". At
 * s[i] a character U+00C2..U+00F4 (a UTF-8 lead byte read as Latin-1)
 * followed by the characters of its continuation bytes is undone when the
 * bytes form valid UTF-8 again; the original bytes go to out. Returns the
 * input bytes consumed, 0 when s[i] starts no such sequence. Real text
 * never has a capital A with a circumflex before a C1 control or a
 * currency sign before a trademark sign, so the repair is safe.
 */
static size_t undo_double_encoding(const unsigned char *s, size_t len, size_t i, unsigned char out[4],
                                   size_t *out_len)
{
    if (i + 1 >= len || s[i] != 0xC3 || s[i + 1] < 0x82 || s[i + 1] > 0xB4)
        return 0;
    unsigned char lead = (unsigned char)(0xC0 + (s[i + 1] - 0x80));
    size_t need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    out[0] = lead;
    size_t j = i + 2;
    for (size_t k = 1; k <= need; k++) {
        size_t n = j < len ? valid_sequence(s, len, j) : 0;
        if (n == 2 && s[j] == 0xC2 && s[j + 1] >= 0x80 && s[j + 1] <= 0xBF) {
            out[k] = s[j + 1];
        } else if (n == 3) {
            int32_t cp = ((s[j] & 0x0F) << 12) | ((s[j + 1] & 0x3F) << 6) | (s[j + 2] & 0x3F);
            out[k] = cp1252_byte(cp);
            if (!out[k])
                return 0;
        } else if (n == 2 && (s[j] == 0xC5 || s[j] == 0xC6 || s[j] == 0xCB)) {
            int32_t cp = ((s[j] & 0x1F) << 6) | (s[j + 1] & 0x3F);
            out[k] = cp1252_byte(cp);
            if (!out[k])
                return 0;
        } else {
            return 0;
        }
        j += n;
    }
    if (valid_sequence(out, need + 1, 0) != need + 1)
        return 0;
    *out_len = need + 1;
    return j - i;
}

/*
 * Characters that NFC leaves alone and that never combine with a neighbour:
 * a text made only of them is already composed. Below U+0300 no character
 * changes under NFC and none is a combining mark; general punctuation (but
 * the two quads, which NFC maps to spaces), currency signs, Cyrillic letters
 * and CJK ideographs and kana are likewise inert. Combining marks, Hangul
 * jamo and compatibility singletons all lie outside these ranges.
 */
static int nfc_inert_char(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x400 && cp <= 0x482) || (cp >= 0x48A && cp <= 0x4FF) ||
           (cp >= 0x2002 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
           (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) ||
           (cp >= 0x4E00 && cp <= 0x9FFF);
}

int chorus__text_clean(const char *in, size_t len, chorus__buf *out, chorus__repair *rep)
{
    const unsigned char *s = (const unsigned char *)in;
    memset(rep, 0, sizeof *rep);
    chorus__buf tmp = {0};
    size_t i = 0;
    long line = 1;
    int ascii_only = 1, nfc_inert = 1;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    if (chorus__grow((void **)&tmp.data, &tmp.cap, len + 1, 1))
        return CHORUS_ENOMEM;
    while (i < len) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F) {
            /* Copy a run of printable ASCII at once: the common case. */
            size_t j = i + 1;
            while (j < len && s[j] >= 0x20 && s[j] < 0x7F)
                j++;
            if (chorus__buf_append(&tmp, in + i, j - i))
                goto nomem;
            i = j;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
                i++;
            if (chorus__buf_putc(&tmp, '\n'))
                goto nomem;
            line++;
            i++;
            continue;
        }
        if (c == '\t') {
            if (chorus__buf_putc(&tmp, ' '))
                goto nomem;
            i++;
            continue;
        }
        if (c == 0) {
            if (!rep->nul_bytes++)
                rep->first_nul_line = line;
            i++;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            /* Form feeds and the like carry no text; a vertical tab or
             * form feed still separates what stands around it. */
            rep->control_chars++;
            if ((c == '\f' || c == '\v') && chorus__buf_putc(&tmp, '\n'))
                goto nomem;
            i++;
            continue;
        }
        size_t n = valid_sequence(s, len, i);
        if (n == 0) {
            if (!rep->invalid_sequences++)
                rep->first_invalid_line = line;
            if (chorus__buf_append(&tmp, "\xEF\xBF\xBD", 3))
                goto nomem;
            i++;
            continue;
        }
        unsigned char fixed[4];
        size_t fixed_len, undone = undo_double_encoding(s, len, i, fixed, &fixed_len);
        if (undone) {
            rep->double_encoded++;
            size_t k = 0;
            int32_t cp = chorus__utf8_next((const char *)fixed, fixed_len, &k);
            ascii_only = 0;
            nfc_inert = nfc_inert && nfc_inert_char(cp);
            if (chorus__buf_append(&tmp, (const char *)fixed, fixed_len))
                goto nomem;
            i += undone;
            continue;
        }
        /* U+0085 NEXT LINE, U+2028 and U+2029 are line breaks too. */
        if ((n == 2 && c == 0xC2 && s[i + 1] == 0x85) ||
            (n == 3 && c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))) {
            if (chorus__buf_putc(&tmp, '\n'))
                goto nomem;
            line++;
            i += n;
            continue;
        }
        if (ascii_only || nfc_inert) {
            size_t k = i;
            int32_t cp = chorus__utf8_next(in, len, &k);
            ascii_only = 0;
            nfc_inert = nfc_inert && nfc_inert_char(cp);
        }
        if (chorus__buf_append(&tmp, in + i, n))
            goto nomem;
        i += n;
    }
    if (!tmp.data && chorus__buf_append(&tmp, "", 0))
        goto nomem;
    if (ascii_only || nfc_inert) {
        /* Already in NFC: composing would copy it unchanged. */
        int rc = chorus__buf_append(out, tmp.data, tmp.len);
        chorus__buf_free(&tmp);
        return rc;
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)tmp.data, (utf8proc_ssize_t)tmp.len,
                                      &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    int rc;
    if (m < 0) {
        /* Cannot happen on valid UTF-8 except when memory runs out; keep the
         * text unnormalised rather than lose it. */
        rc = m == UTF8PROC_ERROR_NOMEM ? CHORUS_ENOMEM : chorus__buf_append(out, tmp.data, tmp.len);
    } else {
        rc = chorus__buf_append(out, (const char *)nfc, (size_t)m);
    }
    free(nfc);
    chorus__buf_free(&tmp);
    return rc;
nomem:
    chorus__buf_free(&tmp);
    return CHORUS_ENOMEM;
}

int32_t chorus__utf8_next(const char *s, size_t len, size_t *i)
{
    if (*i >= len)
        return 0;
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + *i, (utf8proc_ssize_t)(len - *i), &cp);
    if (n <= 0) {
        (*i)++;
        return 0xFFFD;
    }
    *i += (size_t)n;
    return cp;
}

size_t chorus__utf8_sequence_length(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

size_t chorus__utf8_valid_prefix(const char *s, size_t len, int *multibyte)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    *multibyte = 0;
    while (i < len) {
        /* Eight ASCII bytes at a time: most of any page. */
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (!(w & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        unsigned char c = u[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n = chorus__utf8_sequence_length(c);
        if (n == 0 || i + n > len)
            return i;
        for (size_t k = 1; k < n; k++)
            if ((u[i + k] & 0xC0) != 0x80)
                return i;
        if ((c == 0xE0 && u[i + 1] < 0xA0) || (c == 0xED && u[i + 1] >= 0xA0) ||
            (c == 0xF0 && u[i + 1] < 0x90) || (c == 0xF4 && u[i + 1] >= 0x90))
            return i;
        *multibyte = 1;
        i += n;
    }
    return len;
}

int32_t chorus__utf8_prev(const char *s, size_t *i)
{
    if (*i == 0)
        return 0;
    size_t j = *i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && *i - j < 4)
        j--;
    size_t k = j;
    int32_t cp = chorus__utf8_next(s, *i, &k);
    *i = j;
    return cp;
}

size_t chorus__utf8_put(char *dst, int32_t cp)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst);
}

size_t chorus__utf8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

int chorus__is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

size_t chorus__budget_words(const char *s, size_t len, size_t limit, size_t *cut)
{
    /* Counted in halves: a spaced word is two, a character one. */
    size_t halves = 0, i = 0;
    int in_word = 0;
    if (cut)
        *cut = len;
    while (i < len) {
        size_t at = i;
        unsigned char c = (unsigned char)s[i];
        int32_t cp = c < 0x80 ? (int32_t)(i++, c) : chorus__utf8_next(s, len, &i);
        int space = cp == ' ' || cp == '\n' || cp == '\t' || (cp >= 0x80 && chorus__is_cjk_punct(cp));
        int cjk = !space && cp >= 0x80 && chorus__is_cjk(cp);
        size_t add = cjk ? 1 : !space && !in_word ? 2 : 0;
        if (limit && add && halves + add > 2 * limit) {
            if (cut)
                *cut = at;
            return limit;
        }
        halves += add;
        in_word = !space && !cjk;
    }
    return (halves + 1) / 2;
}

int chorus__is_cjk(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || /* Han */
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF) ||
           (cp >= 0x3040 && cp <= 0x30FF) || /* hiragana, katakana */
           (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F);
}

int chorus__is_cjk_punct(int32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFF65 && !chorus__is_letter(cp) && !chorus__is_digit(cp));
}

int chorus__is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int chorus__is_number(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}

int chorus__is_mark(int32_t cp)
{
    if (cp < 0x300)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int chorus__is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int chorus__is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int chorus__is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v';
    if (cp == 0x200B || cp == 0xFEFF) /* zero-width space, stray BOM */
        return 1;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

int chorus__is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

size_t chorus__possessive_s(const char *s, size_t len)
{
    if (len >= 2 && s[0] == '\'' && s[1] == 's')
        return 2;
    if (len >= 4 && memcmp(s, "\xE2\x80\x99s", 4) == 0)
        return 4;
    return 0;
}

int chorus__is_dash(int32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

int chorus__is_double_quote(int32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB ||
           cp == 0x00BB || cp == 0x201F;
}

int chorus__is_open_quote(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0x00AB ||
           cp == 0x201E || cp == 0x201A || cp == 0x201F;
}

int chorus__is_close_quote(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0x00BB;
}

int32_t chorus__fold(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x201A)
        return '\'';
    if (chorus__is_double_quote(cp))
        return '"';
    if (chorus__is_dash(cp))
        return '-';
    if (cp == 0x00A0 || cp == 0x202F || cp == 0x2009)
        return ' ';
    return utf8proc_tolower(cp);
}

int chorus__fold_string(const char *s, size_t len, chorus__buf *out)
{
    out->len = 0;
    if (chorus__grow((void **)&out->data, &out->cap, len + 1, 1))
        return CHORUS_ENOMEM;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            char f = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            if (chorus__buf_putc(out, f))
                return CHORUS_ENOMEM;
            i++;
            continue;
        }
        int32_t cp = chorus__utf8_next(s, len, &i);
        char enc[4];
        size_t n = chorus__utf8_put(enc, chorus__fold(cp));
        if (chorus__buf_append(out, enc, n))
            return CHORUS_ENOMEM;
    }
    if (!out->data && chorus__buf_append(out, "", 0))
        return CHORUS_ENOMEM;
    return 0;
}

const char *chorus__trim(const char *s, size_t *len)
{
    size_t start = 0, end = *len;
    while (start < end) {
        size_t k = start;
        int32_t cp = chorus__utf8_next(s, end, &k);
        if (!chorus__is_space(cp))
            break;
        start = k;
    }
    while (end > start) {
        size_t k = end;
        int32_t cp = chorus__utf8_prev(s, &k);
        if (!chorus__is_space(cp))
            break;
        end = k;
    }
    *len = end - start;
    return s + start;
}
