/* read_text.c - reading a plain-text article: paragraphs, headline, date line, outlet. */
#include "read_text.h"

#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "text.h"
#include "util.h"

/* A headline is short and does not end with a full stop. */
#define TITLE_MAX_WORDS 30
#define TITLE_MAX_BYTES 300
/* Lines above the headline that may be labels or dates. */
#define HEAD_SCAN_BLOCKS 8
/* Lines at the end that may carry the date or the copyright owner. */
#define TAIL_SCAN_BLOCKS 5
/* An outlet named in a title suffix has at most this many words. */
#define OUTLET_MAX_WORDS 5

typedef struct {
    const char *s;
    size_t len;   /* bytes, trimmed */
    size_t chars; /* code points */
} line;

/* Splits text at newlines into trimmed lines (blank ones have len 0). */
static int split_lines(const char *text, size_t len, line **out, size_t *count)
{
    size_t cap = 0;
    *out = NULL;
    *count = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        size_t l = i - start;
        const char *s = chorus__trim(text + start, &l);
        line ln = {s, l, chorus__utf8_length(s, l)};
        if (CHORUS_PUSH(*out, *count, cap, ln))
            return CHORUS_ENOMEM;
        start = i + 1;
    }
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/*
 * Finds the wrap width of hard-wrapped text, or 0 when lines are not
 * wrapped. Wrapped text has many lines followed by another line of the same
 * paragraph, nearly all of them close to one width of at most 100 columns.
 */
static size_t wrap_width(const line *lines, size_t n)
{
    size_t *lens = malloc((n + 1) * sizeof *lens);
    if (!lens)
        return 0;
    size_t m = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (lines[i].len && lines[i + 1].len)
            lens[m++] = lines[i].chars;
    size_t nonblank = 0;
    for (size_t i = 0; i < n; i++)
        nonblank += lines[i].len > 0;
    size_t width = 0;
    /* Most lines must run on into the next: a few short runs (a list of
     * links, a table of contents) do not make a text hard-wrapped. */
    if (m >= 3 && m * 2 >= nonblank) {
        qsort(lens, m, sizeof *lens, cmp_size);
        size_t w = lens[(m * 9) / 10];
        size_t near = 0;
        for (size_t i = 0; i < m; i++)
            near += lens[i] * 10 >= w * 6;
        if (w >= 30 && w <= 100 && near * 10 >= m * 8)
            width = w;
    }
    free(lens);
    return width;
}

static int starts_list_item(const line *l)
{
    if (!l->len)
        return 0;
    unsigned char c = (unsigned char)l->s[0];
    return c == '-' || c == '*' || c == '#' || (l->len > 2 && (unsigned char)l->s[0] == 0xE2 &&
                                                (unsigned char)l->s[1] == 0x80 &&
                                                (unsigned char)l->s[2] == 0xA2);
}

/* Turns lines into paragraphs: a blank line always separates; in
 * hard-wrapped text the lines of one paragraph are joined with a space. */
static int build_blocks(chorus__article *a, const line *lines, size_t n)
{
    size_t width = wrap_width(lines, n);
    chorus__buf para = {0};
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!lines[i].len)
            continue;
        para.len = 0;
        rc = chorus__buf_append(&para, lines[i].s, lines[i].len);
        while (!rc && width && i + 1 < n && lines[i + 1].len && lines[i].chars * 2 >= width &&
               !starts_list_item(&lines[i + 1])) {
            i++;
            /* A hyphen at a wrap point is kept: without a dictionary,
             * "long-\nterm" cannot be told from a hyphenated break. */
            rc = chorus__buf_putc(&para, ' ');
            if (!rc)
                rc = chorus__buf_append(&para, lines[i].s, lines[i].len);
        }
        if (!rc)
            rc = chorus__article_add_block(a, para.data, para.len);
        if (rc)
            break;
    }
    chorus__buf_free(&para);
    return rc;
}

size_t chorus__split_title(const char *title, size_t len, const char **outlet, size_t *outlet_len)
{
    *outlet = NULL;
    *outlet_len = 0;
    /* The last " | " separates the site name that pages append to titles. */
    for (size_t i = len; i-- > 2;) {
        if (title[i] != '|' || title[i - 1] != ' ' || i + 1 >= len || title[i + 1] != ' ')
            continue;
        size_t sl = len - i - 2;
        const char *s = chorus__trim(title + i + 2, &sl);
        size_t hl = i - 1;
        const char *h = chorus__trim(title, &hl);
        size_t words = chorus__count_words(s, sl);
        if (words == 0 || words > OUTLET_MAX_WORDS || chorus__count_words(h, hl) < 2)
            return len;
        *outlet = s;
        *outlet_len = sl;
        return (size_t)(h - title) + hl;
    }
    return len;
}

static int looks_like_title(const chorus__block *b)
{
    size_t words = chorus__count_words(b->text, b->len);
    if (words == 0 || words > TITLE_MAX_WORDS || b->len > TITLE_MAX_BYTES)
        return 0;
    /* A headline may ask or exclaim, but does not end with a full stop. */
    size_t i = b->len;
    int32_t last = chorus__utf8_prev(b->text, &i);
    return last != '.' && last != ':' && last != ';' && last != ',' && last != 0x3002 && last != 0xFF0C &&
           last != 0xFF1A && last != 0xFF1B;
}

int chorus__read_text(chorus__article *a, chorus__junk *j, const char *text, size_t len)
{
    line *lines;
    size_t n;
    int rc = split_lines(text, len, &lines, &n);
    if (!rc)
        rc = build_blocks(a, lines, n);
    free(lines);
    if (rc)
        return rc;

    /* The publication date: a date line near the top or bottom, the one
     * labelled as published winning over others. */
    if (!a->published.precision) {
        chorus__date best = {0};
        int best_rank = 0;
        for (size_t i = 0; i < a->block_count; i++) {
            if (i >= HEAD_SCAN_BLOCKS && i + TAIL_SCAN_BLOCKS < a->block_count)
                continue;
            chorus__date d;
            int rank = chorus__date_line(j, a->blocks[i].text, a->blocks[i].len, &d);
            if (rank > best_rank) {
                best = d;
                best_rank = rank;
            }
        }
        if (best_rank)
            chorus__article_set_published(a, &best);
    }

    /* The title: the first headline-like line above the text, past labels,
     * date lines and bylines. It leaves the text; the rest stays for the
     * junk classifier to judge. */
    if (!a->title) {
        for (size_t i = 0; i < a->block_count && i < HEAD_SCAN_BLOCKS; i++) {
            const chorus__block *b = &a->blocks[i];
            chorus__date d;
            if (chorus__count_words(b->text, b->len) == 0 || chorus__date_line(j, b->text, b->len, &d) ||
                chorus__is_label_line(j, b->text, b->len) || chorus__is_byline(j, b->text, b->len))
                continue;
            if (!looks_like_title(b) || i + 1 >= a->block_count)
                break;
            const char *outlet;
            size_t outlet_len;
            size_t tl = chorus__split_title(b->text, b->len, &outlet, &outlet_len);
            a->title = chorus__article_strdup(a, b->text, tl);
            if (outlet && !a->source)
                a->source = chorus__article_strdup(a, outlet, outlet_len);
            if (!a->title || (outlet && !a->source))
                return CHORUS_ENOMEM;
            memmove(&a->blocks[i], &a->blocks[i + 1], (a->block_count - i - 1) * sizeof *a->blocks);
            a->block_count--;
            break;
        }
    }

    /* A wire dateline that carries a full date ("MOSCOW, Aug 13, 2024 (TASS) -
     * ...") dates the article when no date line did. One without a year
     * ("March 4 (Meridian) -") is left alone: no date rather than a guess. */
    for (size_t i = 0; !a->published.precision && i < a->block_count && i < HEAD_SCAN_BLOCKS; i++) {
        size_t dl = chorus__dateline_length(j, a->blocks[i].text, a->blocks[i].len);
        chorus__date d;
        size_t at, span;
        if (dl && chorus__date_find(a->blocks[i].text, dl, &d, &at, &span))
            chorus__article_set_published(a, &d);
        if (dl)
            break;
    }

    /* The outlet from a copyright line at the bottom: "© 2025 Harbour Post". */
    if (!a->source) {
        size_t from = a->block_count > TAIL_SCAN_BLOCKS ? a->block_count - TAIL_SCAN_BLOCKS : 0;
        for (size_t i = a->block_count; i-- > from;) {
            const char *name;
            size_t name_len;
            if (chorus__copyright_owner(j, a->blocks[i].text, a->blocks[i].len, &name, &name_len)) {
                a->source = chorus__article_strdup(a, name, name_len);
                if (!a->source)
                    return CHORUS_ENOMEM;
                break;
            }
        }
    }
    return 0;
}
