/* text.h - UTF-8 repair, Unicode normalisation and character classes (over utf8proc). */
#ifndef CHORUS_TEXT_H
#define CHORUS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* What chorus__text_clean() had to repair in its input. */
typedef struct chorus__repair {
    size_t invalid_sequences; /* bytes that were not UTF-8, replaced by U+FFFD */
    long first_invalid_line;  /* 1-based line of the first one, 0 when none */
    size_t nul_bytes;         /* NUL bytes dropped */
    long first_nul_line;
    size_t control_chars;     /* other C0 controls dropped (tab and newline are kept) */
    size_t double_encoded;    /* characters encoded twice ("â€™" for "’"), undone */
} chorus__repair;

/*
 * Turns arbitrary bytes into clean text: invalid UTF-8 becomes U+FFFD, UTF-8
 * encoded twice (read as Latin-1 or windows-1252 and encoded again) is
 * undone, NUL and other control characters are dropped, CR LF and lone CR become LF, a leading
 * byte-order mark is skipped and the result is composed to Unicode NFC.
 * Typographic quotes and dashes are kept as they are. Appends to `out`.
 * Returns 0 or CHORUS_ENOMEM.
 */
int chorus__text_clean(const char *in, size_t len, chorus__buf *out, chorus__repair *rep);

/*
 * Decodes the code point at s[*i] (s holds valid UTF-8, as produced by
 * chorus__text_clean) and advances *i past it. Returns 0 at the end.
 */
int32_t chorus__utf8_next(const char *s, size_t len, size_t *i);

/* The length of the UTF-8 sequence that byte c opens: 1 for ASCII, 2 to 4
 * for a lead byte, 0 for a byte that opens none. */
size_t chorus__utf8_sequence_length(unsigned char c);

/*
 * The length of the longest prefix of s[0..len) made of whole, well-formed
 * UTF-8 sequences (no overlong forms, no surrogates); sets *multibyte when
 * one of them is longer than a byte. It equals len for valid UTF-8.
 */
size_t chorus__utf8_valid_prefix(const char *s, size_t len, int *multibyte);

/* Decodes the code point that ends just before s[*i] and moves *i to its start. */
int32_t chorus__utf8_prev(const char *s, size_t *i);

/* Encodes `cp` into `dst` (room for 4 bytes); returns the byte count. */
size_t chorus__utf8_put(char *dst, int32_t cp);

/* Number of code points in s[0..len). */
size_t chorus__utf8_length(const char *s, size_t len);

/* Character classes. */
int chorus__is_letter(int32_t cp);
int chorus__is_digit(int32_t cp);
/*
 * Words of s[0..len) as a summary's budget counts them: runs of characters
 * between spaces, as ROUGE counts English, and Chinese and Japanese
 * characters, written without spaces, two to a word. With `limit` > 0 the
 * count stops at `limit` words and *cut (when not NULL) receives the length
 * of the text that holds them (len when all of it does).
 */
size_t chorus__budget_words(const char *s, size_t len, size_t limit, size_t *cut);

/* Han ideographs and Japanese kana: scripts written without spaces between
 * words, where each character stands as a word of its own. Hangul is not
 * among them: Korean spaces its words. */
int chorus__is_cjk(int32_t cp);
/* Chinese and Japanese punctuation and the ideographic space (CJK symbols and
 * the full-width forms of ASCII punctuation): it parts words as a space does. */
int chorus__is_cjk_punct(int32_t cp);
int chorus__is_number(int32_t cp); /* digits, and numbers such as "½", "²", "Ⅻ" */
int chorus__is_mark(int32_t cp); /* combining marks, which belong to the word they follow */
int chorus__is_upper(int32_t cp);
int chorus__is_lower(int32_t cp);
int chorus__is_space(int32_t cp);  /* includes no-break and other Unicode spaces */
int chorus__is_apostrophe(int32_t cp); /* ' and ’ */
/* The length of a possessive's ending, "'s" or "’s", at the start of
 * s[0..len): 2, 4, or 0 when there is none. */
size_t chorus__possessive_s(const char *s, size_t len);
int chorus__is_dash(int32_t cp);   /* - and Unicode dashes */
int chorus__is_open_quote(int32_t cp);  /* “ ‘ « „ and the straight quotes */
int chorus__is_close_quote(int32_t cp); /* ” ’ » and the straight quotes */
int chorus__is_double_quote(int32_t cp); /* " “ ” „ « » */

/* The matching form of a character: lower case; typographic quotes, apostrophes
 * and dashes mapped to their ASCII forms. */
int32_t chorus__fold(int32_t cp);

/* Lower-cases and folds s[0..len) into `out` (replacing its content). */
int chorus__fold_string(const char *s, size_t len, chorus__buf *out);

/* Trims ASCII and Unicode spaces from both ends of s[0..*len) in place; returns new start. */
const char *chorus__trim(const char *s, size_t *len);

#endif
