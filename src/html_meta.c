/* html_meta.c - an HTML page's metadata: title, authors, publication date, site, canonical URL, language.
 *
 * Pages state their metadata several times over, with varying care:
 * schema.org JSON-LD written for search engines is the most deliberate,
 * then OpenGraph and other <meta> tags, then microdata and what the reader
 * sees (the <h1>, a byline, a <time>, a date line under the headline), and
 * last the URL. Each field keeps the candidate of the most trusted source;
 * see html_meta.h for the order. */
#define _GNU_SOURCE /* memmem */
#include "html_meta.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "dates.h"
#include "extract_html.h"
#include "text.h"
#include "util.h"

/* Nesting followed inside JSON-LD. */
#define JSONLD_MAX_DEPTH 12
/* Text blocks after the headline searched for a byline or a date line, and
 * texts before it. */
#define HEADLINE_NEIGHBOURHOOD 30
#define HEADLINE_LOOKBACK 8
/* Blocks looked at in all, the empty ones included: the bound on the work. */
#define HEADLINE_BLOCKS_SEEN (HEADLINE_NEIGHBOURHOOD * 8)
/* A text this short that holds a date is a date line with extras ("May 3,
 * 2024 · 5 min read"). */
#define SHORT_TEXT_BYTES 120
/* Words before a date that may label it ("Last updated on"). */
#define DATE_LABEL_WORDS 4
/* A date labelled as the publication far from the headline starts this
 * close to the beginning of its text. */
#define FAR_DATE_OFFSET 32
/* Text before a <time> read for its label. */
#define DATE_LABEL_BYTES 160
/* Most words in a headline: long headlines run to 25 words; more is a
 * summary set in the <h1>. */
#define HEADLINE_MAX_WORDS 30
/* Longest author string kept; longer is a sentence, not a name. */
#define AUTHOR_MAX_BYTES 200
/* Most words in one author's name. */
#define AUTHOR_MAX_WORDS 7
/* An element marked as the author with more text than this is an author's
 * box, not a name. */
#define AUTHOR_BOX_BYTES 80

/* Sources, most trusted first. */
enum {
    SRC_JSONLD = 1,
    SRC_META_PRIMARY, /* the dedicated property: article:published_time, og:site_name */
    SRC_META,         /* other meta names */
    SRC_MICRODATA,    /* itemprop and rel="author" in the page */
    SRC_VISIBLE,      /* <time>, bylines and date lines near the headline */
    SRC_URL,
    SRC_NONE = 100
};

/* Where an author comes from, most trusted first. */
enum {
    A_JSONLD,    /* the people a schema.org article names as its authors */
    A_META,      /* <meta name="author"> and its kin, all of them */
    A_MICRODATA, /* itemprop="author", rel="author" */
    A_VISIBLE,   /* a byline near the headline ("By Jane Doe") */
    A_HANDLE,    /* a declared author that is a handle ("jdoe42"): a visible name is better */
    A_ORG,       /* an organisation named as the author: the publisher, in effect */
    A_COUNT
};

enum { F_TITLE, F_AUTHOR, F_PUBLISHED, F_SITE, F_URL, F_LANGUAGE, F_COUNT };

/* Where a date comes from. */
enum {
    D_JSONLD,         /* datePublished of a schema.org article */
    D_META_PRIMARY,   /* article:published_time */
    D_JSONLD_CREATED, /* dateCreated of a schema.org article */
    D_JSONLD_PAGE,    /* datePublished of the web page */
    D_META,           /* other meta names for the publication date */
    D_MICRODATA,      /* itemprop="datePublished" */
    D_TIME,           /* a <time> near the headline, not marked as an update */
    D_LINE,           /* a date line near the headline ("Published: May 3, 2024") */
    D_SHORT,          /* a short text near the headline holding a date ("May 3, 2024 · 5 min read") */
    D_URL,            /* /2024/05/03/ in the URL */
    D_FAR,            /* a date labelled as the publication anywhere in the page */
    D_BYLINE,         /* a date beside a byline anywhere in the page */
    D_LONE_TIME,      /* the one day that the page's <time> elements show */
    D_UPDATED,        /* a date shown near the headline as the last update */
    D_MODIFIED,       /* dateModified, article:modified_time */
    D_COUNT
};

/* The order of trust among dates: the date shown with the headline is the
 * one the page states to its readers; metadata can be a template's default.
 * An update is never taken for the publication while the page gives a
 * publication date anywhere, but for one that only schema.org data
 * declares (see update_outranks_lone_jsonld()); a page that shows its
 * readers only when it was last updated ("Updated March 5, 2025" under the
 * headline of a guide kept current) is dated by that day, as readers and
 * archives date it. A modification the page only declares (dateModified)
 * dates nothing: content systems stamp every page they re-save. Nor is the
 * datePublished of a bare WebPage taken on its own: content systems write
 * one for every page, landing and product pages alike, as the day the page
 * was first saved; it only lends its time of day to a date found
 * elsewhere. */
static const int date_trust[] = {D_TIME, D_LINE,      D_SHORT,     D_JSONLD,         D_META_PRIMARY,
                                 D_META, D_MICRODATA, D_JSONLD_CREATED, D_URL, D_FAR, D_BYLINE,
                                 D_LONE_TIME, D_UPDATED};
/* Sources that give the time of day as well. An update shown is chosen
 * only when no article's publication is declared: its time comes from the
 * web page's own date when that is the same day (an update on the day of
 * publication is the publication), else from the declared modification. */
static const int date_precise[] = {D_JSONLD,    D_META_PRIMARY,   D_META,
                                   D_MICRODATA, D_JSONLD_CREATED, D_JSONLD_PAGE};
static const int update_precise[] = {D_JSONLD_PAGE, D_MODIFIED};

typedef struct reader {
    const chorus__html_doc *doc;
    chorus__html_meta *out;
    chorus__junk *junk;
    const char *field[F_COUNT];
    int rank[F_COUNT];
    const char *title_tag, *og_title, *jsonld_title;
    const char *dates[D_COUNT];
    char swappable[D_COUNT]; /* the date was shown as 09.10.2024, readable both ways */
    const char *authors[A_COUNT];
    chorus__buf names; /* a list of authors being gathered */
    chorus__buf meta_names;  /* the authors of <meta> tags, gathered over the page */
    chorus__buf micro_names; /* and of microdata */
    uint32_t body;           /* the <body> element, where visible text begins */
    long update_days[4];     /* days of <time> elements marked as updates */
    size_t update_day_count;
    char card_author;        /* the digit of the Twitter card label that says "Written by" */
    const char *card_name;   /* and the author its data gives */
    uint32_t h1[8];
    size_t h1_count;
    chorus__buf scratch;
    int failed;
} reader;

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Marks the boundary between two text nodes in a visible byline: a name
 * ends at one unless names continue ("<a>Jane Doe</a> and <a>John Roe</a>"),
 * which keeps a job title in the next element out ("<a>Jane Doe</a><span>
 * Senior Reporter</span>"). */
#define NODE_BOUNDARY '\x1F'

static int is_gap(char c)
{
    return is_space(c) || c == NODE_BOUNDARY;
}

/* Length of a character reference at s ("&amp;", "&#8217;", "&#x26;") and
 * its code point in *cp; 0 when s holds none. Metadata is often escaped
 * twice by content systems, so what the parser decoded once may still hold
 * references. */
static size_t entity(const char *s, size_t len, int32_t *cp)
{
    static const struct {
        const char *name;
        int32_t cp;
    } named[] = {{"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}, {"lt;", '<'}, {"gt;", '>'}, {"nbsp;", ' '}};
    if (len < 3 || s[0] != '&')
        return 0;
    if (s[1] == '#') {
        int hex = s[2] == 'x' || s[2] == 'X';
        size_t i = hex ? 3 : 2;
        int32_t v = 0;
        size_t digits = 0;
        for (; i < len && digits < 7; i++, digits++) {
            char c = s[i];
            int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            v = v * (hex ? 16 : 10) + d;
        }
        if (!digits || i >= len || s[i] != ';' || v <= 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return i + 1;
    }
    for (size_t k = 0; k < sizeof named / sizeof *named; k++) {
        size_t nl = strlen(named[k].name);
        if (len > nl && memcmp(s + 1, named[k].name, nl) == 0) {
            *cp = named[k].cp;
            return nl + 1;
        }
    }
    return 0;
}

/* Copies s into the arena with character references decoded and white
 * space collapsed and trimmed. */
static const char *keep(reader *r, const char *s, size_t len)
{
    if (!s)
        return NULL;
    char *p = chorus__arena_alloc(&r->out->mem, len + 1);
    if (!p) {
        r->failed = 1;
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int32_t cp;
        size_t el = c == '&' ? entity(s + i, len - i, &cp) : 0;
        if (el && cp != ' ') {
            /* A reference is never shorter than the UTF-8 it stands for. */
            n += chorus__utf8_put(p + n, cp);
            i += el - 1;
            continue;
        }
        if (el)
            i += el - 1;
        /* A no-break space is a space. */
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            i++;
            c = ' ';
        }
        if (c == NODE_BOUNDARY && i + 1 < len && strchr(",.;:)", s[i + 1]))
            continue; /* "<a>Jane Doe</a>, Editor" */
        if (el || is_gap((char)c)) {
            if (n && p[n - 1] != ' ')
                p[n++] = ' ';
            continue;
        }
        p[n++] = (char)c;
    }
    while (n && p[n - 1] == ' ')
        n--;
    p[n] = '\0';
    return n ? p : NULL;
}

static void offer(reader *r, int field, int rank, const char *s, size_t len)
{
    if (rank >= r->rank[field] || !s)
        return;
    const char *k = keep(r, s, len);
    if (k) {
        r->field[field] = k;
        r->rank[field] = rank;
    }
}

/* Takes the first full date in s[0..len) as the candidate of its kind,
 * when the kind has none yet; returns non-zero when it did. */
static int offer_date(reader *r, int kind, const char *s, size_t len)
{
    if (!r->dates[kind] && s && len) {
        chorus__date d;
        size_t at, span;
        /* Only a full calendar date is a publication date. */
        if (chorus__date_find(s, len, &d, &at, &span) && d.precision >= CHORUS_DATE_DAY) {
            r->dates[kind] = keep(r, s + at, span);
            r->swappable[kind] = (char)d.swappable;
            return r->dates[kind] != NULL;
        }
    }
    return 0;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The bytes of s that part (given folded) begins it with, letters of any
 * script compared folded; 0 when s does not begin with part (of pl bytes). */
static size_t fold_prefix(const char *s, size_t len, const char *part, size_t pl)
{
    size_t a = 0, b = 0;
    while (b < pl && a < len) {
        size_t a2 = a, b2 = b;
        if (chorus__fold(chorus__utf8_next(s, len, &a2)) != chorus__utf8_next(part, pl, &b2))
            break;
        a = a2, b = b2;
    }
    return b == pl ? a : 0;
}

/* Non-zero when a[0..alen) is b, which is given folded. Words of other
 * scripts ("автор") are compared folded letter by letter. */
static int ieq(const char *a, size_t alen, const char *b)
{
    if ((unsigned char)b[0] >= 0x80)
        return alen && fold_prefix(a, alen, b, strlen(b)) == alen;
    size_t bl = strlen(b);
    if (alen != bl)
        return 0;
    for (size_t i = 0; i < bl; i++)
        if (lower((unsigned char)a[i]) != b[i])
            return 0;
    return 1;
}

static int in_names(const char *s, size_t len, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ieq(s, len, names[i]))
            return 1;
    return 0;
}

static int looks_like_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 || strncmp(s, "//", 2) == 0 ||
           strncmp(s, "www.", 4) == 0;
}

/* ---------------------------------------------------------------------- */
/* Authors                                                                */
/* ---------------------------------------------------------------------- */

/* Words that introduce a byline, folded to lower case, longest first
 * where one begins another. "Reviewed by" names a reviewer, not the
 * author. Not the short leads that are also names or words of English
 * ("Di Maio", "Oleh", "Av"). */
static const char *const byline_leads[] = {
    "written and reviewed by", "written by", "authored by", "posted by", "reported by", "story by",
    "words by", "article by", "authors", "author", "contributors", "contributor", "by", "von", "par",
    "por", "door", "autorzy", "autorka", "autore", "autor", "yazar", "авторы", "автор", "текст", "بقلم",
};

/* Words that say the name after "by" is the author's ("Text by", "Words
 * and pictures by"), unlike "Powered by" or "Trusted by". */
static const char *const authoring_words[] = {
    "text", "words", "pictures", "photos", "photographs", "reporting", "story", "interview", "essay",
    "column", "illustrations", "recipe", "article", "post", "posted", "written", "compiled",
};

/* Non-zero when the element after the boundary at s[at] holds the rest of
 * a one-word name: one or two capitalised words ("<b>Jane</b> Doe"). */
static int name_goes_on(const char *s, size_t len, size_t at)
{
    size_t f = at + 1, words = 0;
    while (f < len && is_space(s[f]))
        f++;
    if (f >= len || !(s[f] >= 'A' && s[f] <= 'Z'))
        return 0;
    for (int in = 0; f < len && s[f] != NODE_BOUNDARY; f++) {
        if (is_space(s[f]))
            in = 0;
        else if (!in && (in = 1))
            words++;
    }
    return words <= 2;
}

/* Non-zero when the text before s[at] ends with a word joining names
 * ("and", "&", ",") or the text from s[at] opens with one. */
static int names_continue(const char *s, size_t len, size_t at, size_t from)
{
    size_t b = at;
    while (b > from && is_gap(s[b - 1]))
        b--;
    if (b > from && (s[b - 1] == ',' || s[b - 1] == '&'))
        return 1;
    if (b >= from + 4 && ieq(s + b - 3, 3, "and") && is_gap(s[b - 4]))
        return 1;
    size_t f = at + 1;
    while (f < len && is_gap(s[f]))
        f++;
    return f < len &&
           (s[f] == ',' || s[f] == '&' || (f + 3 < len && ieq(s + f, 3, "and") && is_gap(s[f + 3])));
}

enum {
    BYLINE_NEED_LEAD = 1, /* only text that opens with "By" or its kin */
    BYLINE_DECLARED = 2,  /* a name a page declares (JSON-LD, meta): cut at separators only */
};

/* Non-zero when s[0..len) holds one of the n parts (at most 32), each given
 * folded: letters of any script compare folded ("Опубликовано" holds
 * "опубликовано"). One pass over s: ASCII folds to ASCII, so at an ASCII
 * byte only the parts that begin with it folded are tried, at any other
 * character every part. */
static int icontains_any(const char *s, size_t len, const char *const *parts, size_t n)
{
    uint32_t by_first[128] = {0}, all = 0;
    size_t part_len[32];
    for (size_t k = 0; k < n && k < 32; k++) {
        unsigned char f = (unsigned char)parts[k][0];
        if (f < 0x80)
            by_first[f] |= (uint32_t)1 << k;
        all |= (uint32_t)1 << k;
        part_len[k] = strlen(parts[k]);
    }
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t maybe = c < 0x80 ? by_first[lower(c)] : all;
        for (size_t k = 0; maybe; k++, maybe >>= 1)
            if ((maybe & 1) && fold_prefix(s + i, len - i, parts[k], part_len[k]))
                return 1;
        chorus__utf8_next(s, len, &i); /* on by one character */
    }
    return 0;
}

/* Non-zero when s[0..len) holds part, given folded (see icontains_any()). */
static int icontains(const char *s, size_t len, const char *part)
{
    return icontains_any(s, len, &part, 1);
}

/* Non-zero when the word at s (up to a space) is a month name followed by a
 * day or nothing: the date part of a byline ("Jane Doe December 3"). */
static int month_word(const char *s, size_t len)
{
    size_t w = 0;
    while (w < len && !is_space(s[w]) && s[w] != ',' && s[w] != '.')
        w++;
    char fold[16];
    if (w == 0 || w >= sizeof fold)
        return 0;
    for (size_t i = 0; i < w; i++)
        fold[i] = (char)lower((unsigned char)s[i]);
    if (!chorus__month_from_name(fold, w))
        return 0;
    size_t k = w;
    while (k < len && (is_space(s[k]) || s[k] == ',' || s[k] == '.'))
        k++;
    return k >= len || (s[k] >= '0' && s[k] <= '9');
}

/* Words after a name that belong to the page's furniture, not the name. */
static int furniture_word(const char *s, size_t len)
{
    static const char *const words[] = {"view ", "share", "follow", "read more", "more by", "email", "twitter"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t wl = strlen(words[k]);
        if (len >= wl && ieq(s, wl, words[k]))
            return 1;
    }
    return 0;
}

/* Values a content system leaves where a name should be, and words a
 * byline holds that are not names. A page's declared author (JSON-LD, a
 * <meta> tag) may be the writer's handle ("jdoe42", "jane.doe"): that is
 * how the site names its writer. In visible text a handle-like word is more
 * likely a template key or a label. */
static int not_a_name(const char *s, size_t len, int declared)
{
    static const char *const words[] = {"administrator", "undefined", "null", "none", "unknown", "guest",
                                        "author", "authors", "anonymous", "by", "written by", "posted by",
                                        "webmaster", "editor", "staff", "root", "user", "wordpress",
                                        /* labels and links an author box holds beside the name */
                                        "updated", "last updated", "published", "posted", "view more posts",
                                        "view all posts", "more posts", "all posts", "read more", "see more"};
    static const char *const weekdays[] = {"mon",    "tue",     "tues",      "wed",      "thu",
                                           "thur",   "thurs",   "fri",       "sat",      "sun",
                                           "monday", "tuesday", "wednesday", "thursday", "friday",
                                           "saturday", "sunday"};
    /* Credits for other work than the writing ("Updated by Jon Roe"), and
     * the labels of links to the writer's page ("More about Jane Doe »",
     * "View all posts by Jane Doe"), whose name stands elsewhere too. */
    static const char *const not_by_the_writer[] = {
        "updated by ", "reviewed by ", "edited by ", "fact checked by ", "fact-checked by ",
        "medically reviewed by ", "photos by ", "photo by ", "illustration by ",
        "more about ", "more from ", "more by ", "view all posts by ", "all posts by ",
        "see all posts by ", "view posts by ", "posts by ", "articles by "};
    for (size_t k = 0; k < sizeof not_by_the_writer / sizeof *not_by_the_writer; k++) {
        size_t cl = strlen(not_by_the_writer[k]);
        if (len > cl && ieq(s, cl, not_by_the_writer[k]))
            return 1;
    }
    /* "admin", "Site Admin", "q_admin": an account, not a person. */
    if (in_names(s, len, words, sizeof words / sizeof *words) || icontains(s, len, "admin") ||
        month_word(s, len) || in_names(s, len, weekdays, sizeof weekdays / sizeof *weekdays))
        return 1;
    if (declared) {
        /* A number, a generated id ("mdelatorreq6vkpg2ma0ci") or a
         * template key ("page.head.extra.author") is no handle either. */
        size_t digits = 0, dots = 0;
        for (size_t i = 0; i < len; i++) {
            digits += s[i] >= '0' && s[i] <= '9';
            dots += s[i] == '.';
        }
        return digits * 2 >= len || (digits >= 3 && len > 12) || dots > 2 || icontains(s, len, "author");
    }
    /* One word in small letters, or with digits or dots in it. */
    int digits = 0, dots = 0, spaces = 0, capitals = 0;
    for (size_t i = 0; i < len; i++) {
        digits += s[i] >= '0' && s[i] <= '9';
        dots += s[i] == '.' || s[i] == '_';
        spaces += is_gap(s[i]);
        capitals += (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80;
    }
    if (!spaces && (digits || dots || !capitals))
        return 1;
    /* More words in small letters than capitalised: a sentence that opens
     * like a byline ("By Tuesday, the council had voted ..."), not names,
     * whose small words are particles and "and" ("Mario de la Rosa"). In
     * any script: "Текст песни" is no byline. */
    int small = 0, capital = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (is_gap(s[i]) || s[i] == ','))
            i++;
        if (i >= len)
            break;
        int32_t cp = chorus__utf8_next(s, len, &i);
        small += chorus__is_lower(cp);
        capital += chorus__is_upper(cp);
        while (i < len && !is_gap(s[i]) && s[i] != ',')
            i++;
    }
    return small > capital;
}

/* Non-zero when the full stop ending s[0..len) belongs to its last word:
 * an initial ("T."), a dotted abbreviation ("Ph.D.") or "Jr." and "Sr.". */
static int abbreviation_end(const char *s, size_t len)
{
    size_t ws = len - 1;
    while (ws > 0 && !is_gap(s[ws - 1]) && s[ws - 1] != ',')
        ws--;
    size_t wl = len - 1 - ws; /* without the final stop */
    return wl == 1 || (wl > 0 && memchr(s + ws, '.', wl)) ||
           (wl == 2 && (ieq(s + ws, 2, "jr") || ieq(s + ws, 2, "sr")));
}

/* Cuts a byline down to the names: "By Jane Doe and John Roe | May 3, 2024"
 * gives "Jane Doe and John Roe". Returns the length kept, 0 when what is
 * left does not look like names. `flags`: BYLINE_*. */
static size_t byline_names(const char *s, size_t len, const char **start, int flags)
{
    int need_lead = flags & BYLINE_NEED_LEAD;
    size_t i = 0;
    while (i < len && is_gap(s[i]))
        i++;
    int led = 0;
    for (size_t k = 0; k < sizeof byline_leads / sizeof *byline_leads; k++) {
        size_t ll = strlen(byline_leads[k]);
        /* "Written byJane Doe": pages glue the lead to the name too. */
        if (i + ll < len && ieq(s + i, ll, byline_leads[k]) &&
            (is_gap(s[i + ll]) || s[i + ll] == ':' || (s[i + ll] >= 'A' && s[i + ll] <= 'Z' && ll > 3))) {
            i += ll;
            led = 1;
            break;
        }
    }
    /* "Text by Jane Doe", "Words and pictures by Jane Doe". */
    for (size_t k = i, words = 0, prev_start = 0, prev_end = 0; !led && k < len && words < 5;) {
        while (k < len && is_gap(s[k]))
            k++;
        size_t ws = k;
        while (k < len && !is_gap(s[k]))
            k++;
        if (k == ws)
            break;
        words++;
        /* "by" opening an element of its own ("<span>by</span>", "2023<span>By
         * Jane Doe</span>") leads a byline whatever stands before it. */
        size_t g = ws;
        while (g > 0 && is_space(s[g - 1]))
            g--;
        int own = g > 0 && s[g - 1] == NODE_BOUNDARY;
        if (k - ws == 2 && ieq(s + ws, 2, "by") &&
            (own || (prev_end > prev_start && in_names(s + prev_start, prev_end - prev_start, authoring_words,
                                                       sizeof authoring_words / sizeof *authoring_words)))) {
            i = k;
            led = 1;
        }
        prev_start = ws;
        prev_end = k;
    }
    if (need_lead && !led)
        return 0;
    while (i < len && (is_gap(s[i]) || s[i] == ':' || s[i] == '"'))
        i++;
    *start = s + i;
    /* The names end where a separator, a date or a role begins. */
    size_t end = i;
    size_t words = 0, in_word = 0;
    for (; end < len; end++) {
        char c = s[end];
        if (c == NODE_BOUNDARY) {
            if (words > 0 && !names_continue(s, len, end, i) && !(words == 1 && name_goes_on(s, len, end)))
                break;
            c = ' ';
        }
        if (c == '|' || c == '\n' || c == '(' || c == '/' || c == ';')
            break;
        if ((unsigned char)c == 0xE2 && end + 2 < len &&
            (((unsigned char)s[end + 1] == 0x80 &&
              ((unsigned char)s[end + 2] == 0x94 || (unsigned char)s[end + 2] == 0x93 ||
               (unsigned char)s[end + 2] == 0xA2)) ||
             ((unsigned char)s[end + 1] == 0x8B && (unsigned char)s[end + 2] == 0x85)))
            break; /* em dash, en dash, bullet, dot operator */
        if ((unsigned char)c == 0xC2 && end + 1 < len && (unsigned char)s[end + 1] == 0xB7)
            break; /* middle dot */
        if (c == '"')
            break;
        if (c == '-' && end > i && is_space(s[end - 1]))
            break;
        if (c >= '0' && c <= '9' && !(flags & BYLINE_DECLARED))
            break;
        if (is_space(c) && !(flags & BYLINE_DECLARED)) {
            in_word = 0;
            /* "on May 3", "Updated", "Published": the date part begins. */
            static const char *const stops[] = {"on ", "updated", "published", "posted", "last ",
                                                "modified", "at ", "in ", "for "};
            for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
                size_t sl = strlen(stops[k]);
                if (end + 1 + sl <= len && ieq(s + end + 1, sl, stops[k]))
                    goto done;
            }
            if (words > 0 && (month_word(s + end + 1, len - end - 1) ||
                              furniture_word(s + end + 1, len - end - 1)))
                goto done;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
done:
    /* A footnote's mark after the name ("Jane Doe, MD*") is no part of it. */
    while (end > i && (is_gap(s[end - 1]) || s[end - 1] == ',' || s[end - 1] == '.' ||
                       s[end - 1] == ':' || s[end - 1] == '*')) {
        if (s[end - 1] == '.' && abbreviation_end(s + i, end - i))
            break; /* "Jeff T.", "Jane Doe, Ph.D.", "John Roe Jr." */
        end--;
    }
    size_t n = end - i;
    if (n == 0 || n > AUTHOR_MAX_BYTES || words == 0 || words > AUTHOR_MAX_WORDS * 3)
        return 0;
    /* A name starts with a capital letter (or a non-Latin letter). */
    unsigned char first = (unsigned char)s[i];
    if (first >= 'a' && first <= 'z' && !(flags & BYLINE_DECLARED))
        return 0;
    if (not_a_name(s + i, n, flags & BYLINE_DECLARED))
        return 0;
    return n;
}

/* Adds one author name to a list being built in `list`, cut down by
 * byline_names() ("By Jane Doe | Staff" gives "Jane Doe"). */
static void add_name(reader *r, chorus__buf *list, const char *s, size_t len)
{
    const char *k = keep(r, s, len); /* entities decoded, spaces collapsed */
    if (!k)
        return;
    len = byline_names(k, strlen(k), &s, BYLINE_DECLARED);
    if (!len || memchr(s, '@', len) || (len >= 4 && looks_like_url(s)))
        return;
    /* "Jane Doe, The Harbour Courier": news groups append their paper to
     * the writer's name; the paper is no author beside a person. */
    for (size_t at = 0; at + 6 < len; at++)
        if (memcmp(s + at, ", The ", 6) == 0 && at > 0) {
            const char *next = memchr(s + at + 6, ',', len - at - 6);
            if (next)
                continue; /* not the last part: a list of names goes on */
            len = at;
            break;
        }
    /* The same name twice (a Person listed under two ids, a tag repeated)
     * counts once, and so does a list of names given twice. */
    const char *have = list->data;
    for (size_t at = 0; have && at < list->len;) {
        const char *sep = strstr(have + at, ", ");
        size_t l = sep ? (size_t)(sep - (have + at)) : list->len - at;
        if (len <= list->len - at && memcmp(have + at, s, len) == 0 &&
            (at + len == list->len || memcmp(have + at + len, ", ", 2) == 0))
            return;
        at += l + 2;
    }
    if ((list->len && chorus__buf_puts(list, ", ")) || chorus__buf_append(list, s, len))
        r->failed = 1;
}

/* Non-zero when a declared author is a handle: one word without a
 * capital, or with digits, dots or underscores in it. */
static int handle_like(const char *s, size_t len)
{
    int capitals = 0, odd = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_gap(s[i]) || s[i] == ',')
            return 0;
        capitals += s[i] >= 'A' && s[i] <= 'Z';
        odd += (s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '_';
    }
    return odd || !capitals;
}

/* Takes the list gathered in `list` as the authors from `source`; a handle
 * ranks below a name shown on the page. */
static void offer_names(reader *r, chorus__buf *list, int source)
{
    if (list->len && handle_like(list->data, list->len) && source < A_HANDLE)
        source = A_HANDLE;
    if (list->len && !r->authors[source])
        r->authors[source] = keep(r, list->data, list->len);
    list->len = 0;
}

/* ---------------------------------------------------------------------- */
/* JSON-LD                                                                */
/* ---------------------------------------------------------------------- */

static const char *const article_types[] = {
    "article",           "newsarticle",         "blogposting",       "reportagenewsarticle",
    "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
    "techarticle",       "scholarlyarticle",    "report",            "liveblogposting",
    "socialmediaposting", "posting",            "medicalwebpage",    "howto",
    "recipe",            "review",
};

static int type_is(json_t *obj, const char *const *types, size_t n)
{
    json_t *t = json_object_get(obj, "@type");
    if (json_is_string(t))
        return in_names(json_string_value(t), json_string_length(t), types, n);
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) if (json_is_string(v) &&
                                    in_names(json_string_value(v), json_string_length(v), types, n)) return 1;
    return 0;
}

/* Finds the node with this @id anywhere in the document's graph. */
static json_t *find_id(json_t *root, const char *id, int depth)
{
    if (depth > JSONLD_MAX_DEPTH)
        return NULL;
    if (json_is_object(root)) {
        json_t *v = json_object_get(root, "@id");
        if (json_is_string(v) && strcmp(json_string_value(v), id) == 0 && json_object_size(root) > 1)
            return root;
        const char *k;
        json_object_foreach(root, k, v)
        {
            json_t *f = find_id(v, id, depth + 1);
            if (f)
                return f;
        }
    } else if (json_is_array(root)) {
        size_t i;
        json_t *v;
        json_array_foreach(root, i, v)
        {
            json_t *f = find_id(v, id, depth + 1);
            if (f)
                return f;
        }
    }
    return NULL;
}

/* Non-zero when a JSON-LD author is an organisation rather than a person. */
static int is_organisation(json_t *root, json_t *a)
{
    static const char *const orgs[] = {"organization", "newsmediaorganization", "corporation",
                                       "educationalorganization", "governmentorganization",
                                       "localbusiness", "ngo"};
    if (!json_is_object(a))
        return 0;
    json_t *id = json_object_get(a, "@id");
    if (!json_object_get(a, "@type") && json_is_string(id)) {
        json_t *ref = find_id(root, json_string_value(id), 0);
        if (ref)
            a = ref;
    }
    return type_is(a, orgs, sizeof orgs / sizeof *orgs);
}

static void jsonld_authors(reader *r, json_t *root, json_t *a, int depth)
{
    if (depth > 3)
        return;
    if (json_is_string(a)) {
        add_name(r, &r->names, json_string_value(a), json_string_length(a));
    } else if (json_is_array(a)) {
        size_t i;
        json_t *v;
        json_array_foreach(a, i, v) jsonld_authors(r, root, v, depth + 1);
    } else if (json_is_object(a)) {
        json_t *name = json_object_get(a, "name");
        json_t *id = json_object_get(a, "@id");
        if (!json_is_string(name) && json_is_string(id)) {
            json_t *ref = find_id(root, json_string_value(id), 0);
            name = ref ? json_object_get(ref, "name") : NULL;
        }
        if (json_is_string(name))
            add_name(r, &r->names, json_string_value(name), json_string_length(name));
    }
}

static void offer_json_string(reader *r, int field, int rank, json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_string(v))
        offer(r, field, rank, json_string_value(v), json_string_length(v));
}

static void offer_json_date(reader *r, int kind, json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_string(v))
        offer_date(r, kind, json_string_value(v), json_string_length(v));
}

/* Takes what an article object says about itself. */
static void jsonld_article(reader *r, json_t *root, json_t *obj)
{
    json_t *headline = json_object_get(obj, "headline");
    if (!json_is_string(headline))
        headline = json_object_get(obj, "name");
    if (json_is_string(headline) && !r->jsonld_title)
        r->jsonld_title = keep(r, json_string_value(headline), json_string_length(headline));
    offer_json_date(r, D_JSONLD, json_object_get(obj, "datePublished"));
    offer_json_date(r, D_JSONLD_CREATED, json_object_get(obj, "dateCreated"));
    offer_json_date(r, D_MODIFIED, json_object_get(obj, "dateModified"));
    if (!r->authors[A_JSONLD]) {
        json_t *author = json_object_get(obj, "author");
        int org = is_organisation(root, author) ||
                  (json_is_array(author) && json_array_size(author) == 1 &&
                   is_organisation(root, json_array_get(author, 0)));
        r->names.len = 0;
        jsonld_authors(r, root, author, 0);
        offer_names(r, &r->names, org ? A_ORG : A_JSONLD);
    }
    json_t *pub = json_object_get(obj, "publisher");
    if (json_is_object(pub)) {
        json_t *name = json_object_get(pub, "name");
        json_t *id = json_object_get(pub, "@id");
        if (!json_is_string(name) && json_is_string(id)) {
            json_t *ref = find_id(root, json_string_value(id), 0);
            name = ref ? json_object_get(ref, "name") : NULL;
        }
        offer_json_string(r, F_SITE, SRC_META_PRIMARY + 1, name);
    }
    offer_json_string(r, F_LANGUAGE, SRC_META + 1, json_object_get(obj, "inLanguage"));
}

static const char *const page_types[] = {"webpage", "itempage", "aboutpage", "collectionpage", "qapage"};

static void jsonld_walk(reader *r, json_t *root, json_t *v, int depth)
{
    if (depth > JSONLD_MAX_DEPTH || r->failed)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) jsonld_walk(r, root, e, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (type_is(v, article_types, sizeof article_types / sizeof *article_types)) {
        jsonld_article(r, root, v);
    } else if (type_is(v, page_types, sizeof page_types / sizeof *page_types)) {
        /* A page's dates are the article's when no article object says. */
        offer_json_date(r, D_JSONLD_PAGE, json_object_get(v, "datePublished"));
        offer_json_date(r, D_MODIFIED, json_object_get(v, "dateModified"));
    } else if (type_is(v, (const char *const[]){"website"}, 1)) {
        offer_json_string(r, F_SITE, SRC_META_PRIMARY + 2, json_object_get(v, "name"));
    }
    json_t *graph = json_object_get(v, "@graph");
    if (graph)
        jsonld_walk(r, root, graph, depth + 1);
    json_t *main = json_object_get(v, "mainEntity");
    if (main)
        jsonld_walk(r, root, main, depth + 1);
}

static void read_jsonld(reader *r, uint32_t n)
{
    const chorus__html_doc *doc = r->doc;
    uint32_t c = doc->nodes[n].first_child;
    if (!c || doc->nodes[c].tag != CHORUS_TAG_TEXT)
        return;
    const char *s = doc->text.data + doc->nodes[c].text;
    size_t len = doc->nodes[c].text_len;
    /* Some pages wrap the data in comment or CDATA marks. */
    while (len && (is_space(*s) || *s == '<' || *s == '!' || *s == '-' || *s == '[' || *s == '/')) {
        if (len > 9 && memcmp(s, "<![CDATA[", 9) == 0) {
            s += 9;
            len -= 9;
            continue;
        }
        if (*s == '{' || *s == '[')
            break;
        s++;
        len--;
    }
    while (len && s[len - 1] != '}' && s[len - 1] != ']')
        len--;
    json_error_t err;
    json_t *root = json_loadb(s, len, JSON_DECODE_ANY, &err);
    if (!root)
        return; /* malformed data is ignored: the page has other sources */
    jsonld_walk(r, root, root, 0);
    json_decref(root);
}

/* ---------------------------------------------------------------------- */
/* <meta>, <link>, microdata                                              */
/* ---------------------------------------------------------------------- */

static const char *const published_primary[] = {"article:published_time", "og:article:published_time",
                                                "og:published_time", "article.published"};
static const char *const published_other[] = {
    "datepublished",  "pubdate",          "publishdate",       "publish-date",       "publish_date",
    "date",           "dc.date",          "dc.date.issued",    "dc.date.created",    "dcterms.date",
    "dcterms.created", "dcterms.issued",  "sailthru.date",     "parsely-pub-date",   "article_date_original",
    "originalpublicationdate", "citation_publication_date", "citation_date", "release_date", "date.release",
};
static const char *const author_names[] = {"author", "article:author", "byl", "sailthru.author",
                                           "parsely-author", "dc.creator", "dcterms.creator",
                                           "citation_author", "citation_authors", "og:article:author"};

static int modification_key(const char *key, size_t kl)
{
    return icontains(key, kl, "modif") || icontains(key, kl, "updat");
}

/* Meta names sites invent for the publication date ("w-published-date",
 * "cXenseParse:publishtime"). */
static int publication_key(const char *key, size_t kl)
{
    return (icontains(key, kl, "publish") || icontains(key, kl, "pubdate")) &&
           !modification_key(key, kl) && !icontains(key, kl, "publisher");
}

/* Scholarly metadata (Highwire's citation_author, Dublin Core's creator)
 * writes a name surname first: "Roy, Aniruddha" is Aniruddha Roy. Writes
 * the name turned round into out (AUTHOR_MAX_BYTES + 1 bytes) and returns
 * its length, or returns 0 when the value is not of that form: one comma
 * between one to three capitalised words on each side, the second not a
 * degree or a suffix ("Jane Doe, MD", "John Roe, Jr."). */
static size_t surname_first(const char *key, size_t kl, const char *v, size_t len, char *out)
{
    if (!ieq(key, kl, "citation_author") && !ieq(key, kl, "citation_authors") && !ieq(key, kl, "dc.creator") &&
        !ieq(key, kl, "dcterms.creator"))
        return 0;
    const char *comma = memchr(v, ',', len);
    if (!comma || memchr(comma + 1, ',', len - (size_t)(comma + 1 - v)) || len > AUTHOR_MAX_BYTES)
        return 0;
    size_t sl = (size_t)(comma - v), gl = len - sl - 1;
    const char *given = comma + 1;
    while (gl && is_space(*given))
        given++, gl--;
    while (sl && is_space(v[sl - 1]))
        sl--;
    size_t sw = chorus__count_words(v, sl), gw = chorus__count_words(given, gl);
    if (!sl || !gl || sw > 3 || gw > 3 || !(v[0] >= 'A' && v[0] <= 'Z') || !(given[0] >= 'A' && given[0] <= 'Z'))
        return 0;
    /* "MD", "FACS", "PhD", "Jr.": a degree or a suffix, no given name. */
    static const char *const suffixes[] = {"jr", "jr.", "sr", "sr.", "phd", "ph.d.", "md", "m.d.", "ii", "iii"};
    size_t capitals = 0, small = 0;
    for (size_t i = 0; i < gl; i++) {
        capitals += given[i] >= 'A' && given[i] <= 'Z';
        small += (given[i] >= 'a' && given[i] <= 'z') || given[i] == '.';
    }
    if (in_names(given, gl, suffixes, sizeof suffixes / sizeof *suffixes) || (capitals >= 2 && !small))
        return 0;
    memcpy(out, given, gl);
    out[gl] = ' ';
    memcpy(out + gl + 1, v, sl);
    out[gl + 1 + sl] = '\0';
    return gl + 1 + sl;
}

/* The length of the first item of a list parted by semicolons: up to the
 * first ';' that does not end a character reference ("O&#39;Brien" is one
 * name, the attribute having been decoded once where a page encoded it
 * twice). */
static size_t list_item_length(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ';')
            continue;
        size_t j = i;
        while (j > 0 && (isalnum((unsigned char)s[j - 1]) || s[j - 1] == '#'))
            j--;
        if (!(j > 0 && s[j - 1] == '&' && j < i))
            return i;
    }
    return len;
}

static void read_meta(reader *r, uint32_t n)
{
    const chorus__html_doc *doc = r->doc;
    size_t kl = 0, cl = 0;
    const char *content = chorus__html_attr(doc, n, CHORUS_ATTR_CONTENT, &cl);
    const char *key = chorus__html_attr(doc, n, CHORUS_ATTR_PROPERTY, &kl);
    if (!key)
        key = chorus__html_attr(doc, n, CHORUS_ATTR_NAME, &kl);
    if (!key)
        key = chorus__html_attr(doc, n, CHORUS_ATTR_ITEMPROP, &kl);
    size_t hl;
    const char *equiv = chorus__html_attr(doc, n, CHORUS_ATTR_HTTP_EQUIV, &hl);
    if (!content || !cl)
        return;
    if (equiv && ieq(equiv, hl, "content-language")) {
        offer(r, F_LANGUAGE, SRC_META, content, cl);
        return;
    }
    if (!key)
        return;
    if (ieq(key, kl, "og:title")) {
        if (!r->og_title)
            r->og_title = keep(r, content, cl);
    } else if (ieq(key, kl, "og:site_name")) {
        offer(r, F_SITE, SRC_META_PRIMARY, content, cl);
    } else if (ieq(key, kl, "application-name") || ieq(key, kl, "apple-mobile-web-app-title")) {
        offer(r, F_SITE, SRC_META, content, cl);
    } else if (ieq(key, kl, "og:url")) {
        offer(r, F_URL, SRC_META, content, cl);
    } else if (ieq(key, kl, "og:locale")) {
        offer(r, F_LANGUAGE, SRC_META + 1, content, cl);
    } else if (in_names(key, kl, published_primary, sizeof published_primary / sizeof *published_primary)) {
        offer_date(r, D_META_PRIMARY, content, cl);
    } else if (in_names(key, kl, published_other, sizeof published_other / sizeof *published_other) ||
               publication_key(key, kl)) {
        offer_date(r, D_META, content, cl);
    } else if (modification_key(key, kl)) {
        offer_date(r, D_MODIFIED, content, cl);
    } else if (in_names(key, kl, author_names, sizeof author_names / sizeof *author_names)) {
        /* Pages with several authors repeat the tag, or list them in one,
         * parted by semicolons ("Roy, Aniruddha; Patel, Jyoti"), as
         * citation_authors does: all are gathered. */
        for (size_t at = 0; at < cl;) {
            while (at < cl && is_space(content[at]))
                at++;
            size_t pl = list_item_length(content + at, cl - at);
            char turned[AUTHOR_MAX_BYTES + 1];
            size_t tl = surname_first(key, kl, content + at, pl, turned);
            if (tl)
                add_name(r, &r->meta_names, turned, tl);
            else if (pl)
                add_name(r, &r->meta_names, content + at, pl);
            at += pl + 1;
        }
    } else if (kl == 14 && ieq(key, 13, "twitter:label") &&
               (ieq(content, cl, "written by") || ieq(content, cl, "author"))) {
        /* Twitter's card labels its data: "twitter:label1" = "Written by",
         * "twitter:data1" = the author. */
        r->card_author = key[13];
    } else if (kl == 13 && ieq(key, 12, "twitter:data") && r->card_author && key[12] == r->card_author &&
               !r->card_name) {
        r->card_name = keep(r, content, cl); /* used when no <meta name="author"> says */
    }
}

/* The trimmed, collapsed text of an element, kept in the arena: plain (0),
 * spaced for reading dates (1, see chorus__html_node_text_spaced), or as a
 * headline (2). */
static const char *some_text(reader *r, uint32_t n, int how, size_t *len)
{
    static int (*const text_of[])(const chorus__html_doc *, uint32_t, chorus__buf *) = {
        chorus__html_node_text, chorus__html_node_text_spaced, chorus__html_headline_text};
    r->scratch.len = 0;
    if (text_of[how](r->doc, n, &r->scratch)) {
        r->failed = 1;
        *len = 0;
        return "";
    }
    const char *k = keep(r, r->scratch.data ? r->scratch.data : "", r->scratch.len);
    *len = k ? strlen(k) : 0;
    return k ? k : "";
}

static const char *element_text(reader *r, uint32_t n, size_t *len)
{
    return some_text(r, n, 0, len);
}

static const char *headline_text(reader *r, uint32_t n, size_t *len)
{
    return some_text(r, n, 2, len);
}

static const char *date_text(reader *r, uint32_t n, size_t *len)
{
    return some_text(r, n, 1, len);
}

/* Non-zero when the class of n holds `part` (lower-case ASCII) as a word,
 * in any case. */
static int has_class_word(const chorus__html_doc *doc, uint32_t n, const char *part)
{
    size_t len;
    const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_CLASS, &len);
    size_t pl = strlen(part);
    for (size_t i = 0; v && i + pl <= len; i++) {
        /* Most places are ruled out by their first byte (parts are ASCII). */
        if ((char)lower((unsigned char)v[i]) != part[0] || !ieq(v + i, pl, part))
            continue;
        /* A whole word of the class, split at punctuation. */
        int before = i == 0 || !((v[i - 1] >= 'a' && v[i - 1] <= 'z') || (v[i - 1] >= 'A' && v[i - 1] <= 'Z'));
        char a = i + pl < len ? v[i + pl] : ' ';
        int after = !((a >= 'a' && a <= 'z'));
        if (before && after)
            return 1;
    }
    return 0;
}

/* Non-zero when the text inside n is longer than `limit` bytes; looks at no
 * more of the subtree than it needs to (nodes are stored in document
 * order, a subtree in one run). */
static int text_longer_than(const chorus__html_doc *doc, uint32_t n, size_t limit)
{
    size_t len = 0;
    uint16_t depth = doc->nodes[n].depth;
    for (size_t i = n; i < doc->node_count; i++) {
        if (i > n && doc->nodes[i].depth <= depth)
            break;
        len += doc->nodes[i].text_len;
        if (len > limit)
            return 1;
    }
    return 0;
}

/* Non-zero when s looks like the names of people: each name (names joined
 * by ",", "&" or "and") of one to five words, each capitalised, an initial,
 * or a particle ("van", "de"); no digits. Used where nothing but a class
 * says the text is a byline, to tell a name from a tag list or a label. */
static int looks_like_names(const char *s, size_t len)
{
    static const char *const particles[] = {"van", "von", "der", "den", "de", "del", "della", "da",
                                            "di", "du", "la", "le", "bin", "ibn", "al", "y", "e"};
    size_t i = 0, words = 0;
    while (i < len) {
        while (i < len && (is_gap(s[i]) || s[i] == ','))
            i++;
        size_t ws = i;
        while (i < len && !is_gap(s[i]) && s[i] != ',')
            i++;
        if (i == ws)
            break;
        size_t wl = i - ws;
        if ((wl == 3 && ieq(s + ws, 3, "and")) || (wl == 1 && s[ws] == '&')) {
            if (!words)
                return 0;
            words = 0;
            continue;
        }
        if (++words > 5)
            return 0;
        size_t k = ws;
        int32_t cp = chorus__utf8_next(s, i, &k);
        if (!chorus__is_upper(cp) && !in_names(s + ws, wl, particles, sizeof particles / sizeof *particles))
            return 0;
        for (size_t d = ws; d < i; d++)
            if (s[d] >= '0' && s[d] <= '9')
                return 0;
    }
    return words > 0;
}

/* The visible text of an element with NODE_BOUNDARY between its text nodes. */
static int boundary_text(const chorus__html_doc *doc, uint32_t n, chorus__buf *out)
{
    const chorus__html_node *node = &doc->nodes[n];
    if ((node->flags & CHORUS_NODE_HIDDEN) || node->tag == CHORUS_TAG_CONTROL || node->tag == CHORUS_TAG_TEXTAREA)
        return 0;
    if (node->tag == CHORUS_TAG_TEXT)
        return (out->len && chorus__buf_putc(out, NODE_BOUNDARY)) ||
               chorus__buf_append(out, doc->text.data + node->text, node->text_len);
    for (uint32_t c = node->first_child; c; c = doc->nodes[c].next)
        if (boundary_text(doc, c, out))
            return CHORUS_ENOMEM;
    return 0;
}

/* Microdata and the marks pages put on their dates and bylines. */
static void read_marked(reader *r, uint32_t n)
{
    const chorus__html_doc *doc = r->doc;
    size_t len;
    if (chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ITEMPROP, "datepublished")) {
        const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_DATETIME, &len);
        if (!v)
            v = chorus__html_attr(doc, n, CHORUS_ATTR_CONTENT, &len);
        if (!v)
            v = element_text(r, n, &len);
        offer_date(r, D_MICRODATA, v, len);
    }
    if (chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ITEMPROP, "author") ||
        chorus__html_attr_has_word(doc, n, CHORUS_ATTR_REL, "author")) {
        /* Every marked author is gathered; a long text is an author's
         * box (name, biography, links), not a name. */
        const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_CONTENT, &len);
        if (!v && !text_longer_than(doc, n, AUTHOR_BOX_BYTES)) {
            /* The name ends with its element, as in a byline: "<a>Jane
             * Doe</a><br><span>Senior Reporter</span>" names Jane Doe. */
            chorus__buf text = {0};
            const char *start;
            size_t nl = 0;
            if (boundary_text(doc, n, &text))
                r->failed = 1;
            else if (text.len)
                nl = byline_names(text.data, text.len, &start, BYLINE_DECLARED);
            if (nl && looks_like_names(start, nl))
                v = keep(r, start, nl), len = v ? strlen(v) : 0;
            else
                v = element_text(r, n, &len);
            chorus__buf_free(&text);
        }
        if (v)
            add_name(r, &r->micro_names, v, len);
    }
}

/* ---------------------------------------------------------------------- */
/* Title                                                                  */
/* ---------------------------------------------------------------------- */

static const char *const title_separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                               " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xBB ",
                                               " / "};

static int starts_with_separator(const char *t)
{
    for (size_t k = 0; k < sizeof title_separators / sizeof *title_separators; k++)
        if (strncmp(t, title_separators[k], strlen(title_separators[k])) == 0)
            return 1;
    return 0;
}

/* Where the last separator that follows a Chinese or Japanese character
 * stands in t[0..len) ("_", "|", "-" and their full-width forms), or len
 * when there is none; *sep_len is its length in bytes. */
static size_t cjk_separator(const char *t, size_t len, size_t *sep_len)
{
    size_t found = len, i = 0;
    int32_t prev = 0;
    *sep_len = 0;
    while (i < len) {
        size_t at = i;
        int32_t cp = chorus__utf8_next(t, len, &i);
        if ((cp == '_' || cp == '|' || cp == '-' || cp == 0xFF5C || cp == 0xFF0D || cp == 0xFF3F) &&
            (chorus__is_cjk(prev) || prev == 0x300B || prev == 0x3011) && i < len && t[i] != ' ') {
            found = at;
            *sep_len = i - at;
        }
        prev = cp;
    }
    return found;
}

/* Non-zero when t[tail..len), after a separator that ends the headline
 * t[0..head), is a name to cut: the site's (or one holding it), or a short
 * one, after a headline of two words or more. */
static int site_part(const char *t, size_t head, size_t tail, size_t len, const char *site)
{
    size_t tail_len = len - tail;
    int is_site = site && (memmem(site, strlen(site), t + tail, tail_len) || memmem(t + tail, tail_len, site, strlen(site)));
    return (is_site || chorus__count_words(t + tail, tail_len) <= 4) && chorus__count_words(t, head) >= 2;
}

/* Length of the title without a site name appended after a separator
 * ("Headline | Site", "Headline - Site"): the part after the last separator
 * is cut when it is short or equals the site's name. Chinese and Japanese
 * titles set it off without spaces ("标题_新闻中心", "标题｜网站"). *chained
 * tells whether the cut was at a separator that headlines do not use
 * themselves (" | ", or one of those), before which more names may stand. */
static size_t strip_site_once(const char *t, size_t len, const char *site, int *chained)
{
    size_t best = len;
    *chained = 0;
    for (size_t k = 0; k < sizeof title_separators / sizeof *title_separators; k++) {
        const char *sep = title_separators[k];
        size_t sl = strlen(sep);
        const char *last = NULL;
        for (const char *p = t; p + sl <= t + len; p++)
            if (memcmp(p, sep, sl) == 0)
                last = p;
        if (!last)
            continue;
        size_t head = (size_t)(last - t);
        if (site_part(t, head, head + sl, len, site) && head < best) {
            best = head;
            *chained = k == 0; /* " | " */
        }
    }
    size_t sl, at = best == len ? cjk_separator(t, len, &sl) : len;
    if (at < len && site_part(t, at, at + sl, len, site)) {
        best = at;
        *chained = 1;
    }
    return best;
}

/* Length of the title without the site name and the section names
 * appended after separators: the last part is cut as above, and further
 * parts after " | " (or a Chinese or Japanese separator), which headlines
 * do not use themselves ("Headline | Section | Site"), while a short part
 * remains to cut. */
static size_t strip_site(const char *t, const char *site)
{
    int chained;
    size_t len = strip_site_once(t, strlen(t), site, &chained);
    for (;;) {
        size_t head = strip_site_once(t, len, site, &chained);
        if (head == len || !chained)
            return len;
        len = head;
    }
}

static int word_char(char c)
{
    return !(c == ' ' || c == ':' || c == ',' || c == '|' || c == '-' || c == '.' || c == '?' ||
             c == '!' || c == '"' || c == '\'' || c == '(' || c == ')');
}

/* Where s[0..len) stands as a whole word in the folded text `hay`, or
 * hay_len when it does not. */
static size_t find_word(const char *hay, size_t hay_len, const char *w, size_t len)
{
    for (size_t i = 0; i + len <= hay_len; i++) {
        if ((i == 0 || !word_char(hay[i - 1])) && memcmp(hay + i, w, len) == 0 &&
            (i + len == hay_len || !word_char(hay[i + len])))
            return i;
    }
    return hay_len;
}

/* Non-zero when s[0..len) is a whole word of the folded text `hay`. */
static int has_word(const char *hay, size_t hay_len, const char *w, size_t len)
{
    return find_word(hay, hay_len, w, len) < hay_len;
}

/* Words of a that also occur in b, as a share of a's words, case and
 * punctuation aside. */
static double word_overlap(const char *a, const char *b)
{
    chorus__buf fa = {0}, fb = {0};
    double share = 0;
    if (!chorus__fold_string(a, strlen(a), &fa) && !chorus__fold_string(b, strlen(b), &fb) &&
        fa.data && fb.data) {
        size_t words = 0, found = 0;
        for (size_t i = 0; i < fa.len;) {
            while (i < fa.len && !word_char(fa.data[i]))
                i++;
            size_t st = i;
            while (i < fa.len && word_char(fa.data[i]))
                i++;
            if (i == st)
                continue;
            words++;
            found += has_word(fb.data, fb.len, fa.data + st, i - st);
        }
        share = words ? (double)found / (double)words : 0;
    }
    chorus__buf_free(&fa);
    chorus__buf_free(&fb);
    return share;
}

/* Non-zero when the words a and b share stand in the same order in both
 * ("Best drip coffee maker 2026" and "BEST DRIP COFFEE MAKER IN 2026"), not
 * shuffled ("Marathon beginner plan", "Beginner marathon plan"). */
static int same_order(const char *a, const char *b)
{
    chorus__buf fa = {0}, fb = {0};
    int ordered = 0;
    if (!chorus__fold_string(a, strlen(a), &fa) && !chorus__fold_string(b, strlen(b), &fb) && fa.data &&
        fb.data) {
        ordered = 1;
        size_t from = 0; /* where in b the last shared word ended */
        for (size_t i = 0; i < fa.len && ordered;) {
            while (i < fa.len && !word_char(fa.data[i]))
                i++;
            size_t st = i;
            while (i < fa.len && word_char(fa.data[i]))
                i++;
            if (i == st || !has_word(fb.data, fb.len, fa.data + st, i - st))
                continue;
            /* The word's next occurrence in b, after the last one's. */
            size_t at = find_word(fb.data + from, fb.len - from, fa.data + st, i - st);
            if (at == fb.len - from) {
                ordered = 0;
                break;
            }
            from += at + (i - st);
        }
    }
    chorus__buf_free(&fa);
    chorus__buf_free(&fb);
    return ordered;
}

/* Non-zero when t is the site name that one of the declared titles ends
 * with ("Headline - Budget Travel With Gabby"). */
static int site_suffix(const char *t, const char *const declared[3])
{
    size_t tl = strlen(t);
    for (int k = 0; k < 3; k++) {
        if (!declared[k])
            continue;
        size_t dl = strlen(declared[k]);
        if (dl > tl + 3 && strcmp(declared[k] + dl - tl, t) == 0 && declared[k][dl - tl - 1] == ' ')
            return 1;
    }
    return 0;
}

/* Non-zero when two collapsed texts are the same, case aside. */
static int same_words(const char *a, const char *b)
{
    while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return !*a && !*b;
}

/* Non-zero when a text of three words or more has capital letters and no
 * small ones. */
static int shouted(const char *s)
{
    int capitals = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            return 0;
        capitals += *p >= 'A' && *p <= 'Z';
    }
    return capitals > 0 && chorus__count_words(s, strlen(s)) >= 3;
}

static void choose_title(reader *r, uint32_t container)
{
    const chorus__html_doc *doc = r->doc;
    const char *site = r->field[F_SITE];
    /* The declared titles, site names cut off. */
    const char *declared[3] = {r->jsonld_title, r->og_title, r->title_tag};
    const char *best_declared = NULL;
    size_t best_len = 0;
    for (int k = 0; k < 3; k++) {
        if (!declared[k])
            continue;
        size_t l = strip_site(declared[k], site);
        /* A later title that goes on where the first one stops (not with
         * a site name after a separator) is the whole of it: content
         * systems cut the structured headline to a length (Yoast at 110
         * characters) and leave the others whole. */
        if (best_declared && !(l > best_len && memcmp(declared[k], best_declared, best_len) == 0 &&
                               declared[k][best_len] == ' ' && !starts_with_separator(declared[k] + best_len)))
            continue;
        best_declared = keep(r, declared[k], l);
        best_len = best_declared ? strlen(best_declared) : 0;
    }
    /* The visible headline: the <h1> inside the article, else the last one
     * before it, else the first; an <h1> that names the site (a logo) is
     * passed over. */
    const char *h1 = NULL;
    uint32_t h1_node = 0;
    for (size_t i = 0; i < r->h1_count; i++) {
        uint32_t n = r->h1[i];
        int inside = 0;
        for (uint32_t p = n; p && !inside; p = doc->nodes[p].parent)
            inside = p == container;
        if (h1_node && !inside && container && n > container)
            continue;
        size_t len;
        const char *t = headline_text(r, n, &len);
        if (!len || (site && word_overlap(t, site) >= 0.99) ||
            (best_declared && site_suffix(t, declared) && word_overlap(t, best_declared) < 0.5))
            continue;
        h1 = t;
        h1_node = n;
        if (inside)
            break;
    }
    /* Some themes set the headline in another heading, an <h2>, and keep
     * <h1> for the first section of the text or for nothing: a heading
     * before the <h1> (anywhere, when there is none) whose text is the
     * declared title is the headline. */
    for (uint32_t n = r->body; best_declared && n < (h1_node ? h1_node : doc->node_count) && !r->failed; n++) {
        int tag = doc->nodes[n].tag;
        if (tag < CHORUS_TAG_H2 || tag > CHORUS_TAG_H6 || text_longer_than(doc, n, strlen(best_declared) + 8))
            continue;
        size_t len;
        const char *t = element_text(r, n, &len);
        if (len && same_words(t, best_declared)) {
            h1 = t;
            h1_node = n;
            break;
        }
    }
    /* The headline as shown carries no site name and is what readers see as
     * the title; a declared title stands in only when there is no <h1>, or
     * when a one- or two-word <h1> is a section name that the declared
     * titles do not share. */
    /* An <h1> that repeats a declared title whole, site name and all (a
     * screen-reader copy of <title>), is cut as the declared title is. */
    for (int k = 0; h1 && k < 3; k++)
        if (declared[k] && same_words(h1, declared[k])) {
            h1 = keep(r, h1, strip_site(h1, site));
            break;
        }
    const char *title = h1 ? h1 : best_declared;
    size_t h1_words = h1 ? chorus__count_words(h1, strlen(h1)) : 0;
    if (h1 && best_declared && h1_words <= 2 && word_overlap(h1, best_declared) < 0.5)
        title = best_declared;
    /* A headline is a line, not a paragraph or a lead-in: an <h1> of more
     * than HEADLINE_MAX_WORDS words is a summary set large ("Learn which
     * renovations pay back most? Get expert tips on ..."), one that ends in
     * a colon announces what follows ("A message from our founder:"), and
     * the title the page declares is the one it gives itself. */
    if (h1 && best_declared && (h1_words > HEADLINE_MAX_WORDS || (*h1 && h1[strlen(h1) - 1] == ':')))
        title = best_declared;
    /* A headline set in capitals for show ("BEST DRIP COFFEE MAKERS IN
     * 2026") is the declared title in ordinary case, when that says the
     * same in nearly the same words, in the same order. */
    if (h1 && title == h1 && best_declared && shouted(h1) && !shouted(best_declared) &&
        word_overlap(h1, best_declared) >= 0.8 && word_overlap(best_declared, h1) >= 0.8 &&
        same_order(h1, best_declared))
        title = best_declared;
    if (title)
        offer(r, F_TITLE, SRC_JSONLD, title, strlen(title));
    r->h1_count = h1_node ? 1 : 0;
    r->h1[0] = h1_node;
}

/* ---------------------------------------------------------------------- */
/* Near the headline: <time>, bylines, date lines                         */
/* ---------------------------------------------------------------------- */

/* What a date is labelled as, by the words before it or by its element. */
enum { LABEL_NONE, LABEL_UPDATED, LABEL_PUBLISHED };

/* LABEL_PUBLISHED or LABEL_UPDATED when an element's microdata or class
 * says which date it holds, else LABEL_NONE ("changed" is the last change
 * of a Drupal node). Blog themes class a date "published updated" whatever
 * it is: such a class says nothing. */
static int date_mark(const chorus__html_doc *doc, uint32_t n)
{
    if (chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ITEMPROP, "datepublished"))
        return LABEL_PUBLISHED;
    if (chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ITEMPROP, "datemodified"))
        return LABEL_UPDATED;
    int published = has_class_word(doc, n, "published");
    int updated = has_class_word(doc, n, "updated") || has_class_word(doc, n, "modified") ||
                  has_class_word(doc, n, "changed");
    return published == updated ? LABEL_NONE : published ? LABEL_PUBLISHED : LABEL_UPDATED;
}

/* Words that mark a date as the last update rather than the publication. */
static int update_words(const char *s, size_t len)
{
    static const char *const words[] = {
        "updated", "modified", "aktualisiert", "mis à jour", "actualizado", "aggiornato", "bijgewerkt",
        "atualizado", "uppdaterad", "opdateret", "oppdatert", "zaktualizowano", "aktualizacja",
        "aktualizováno", "обновлено", "оновлено", "güncellen", "actualizat", "diperbarui", "تحديث"};
    return icontains_any(s, len, words, sizeof words / sizeof *words);
}

static int publish_words(const char *s, size_t len)
{
    static const char *const words[] = {
        "publish", "posted", "veröffentlicht", "publié", "publicado", "pubblicato", "gepubliceerd",
        "publicerad", "publiceret", "publisert", "opublikowano", "publikováno", "опубликовано",
        "опубліковано", "yayınlan", "publicat", "diterbitkan", "نشر في"};
    return icontains_any(s, len, words, sizeof words / sizeof *words);
}

/* AUTHOR_CLASS when element n's class names the writer ("author-name",
 * "byline"), NOT_THE_NAME when it names something of theirs that is no name
 * (their role, bio or picture) or a commenter, else 0. */
enum { AUTHOR_CLASS = 1, NOT_THE_NAME };

static int author_class(const chorus__html_doc *doc, uint32_t n)
{
    static const char *const not_the_name[] = {"title", "role", "job", "position", "bio", "description",
                                               "date", "label", "avatar", "image", "photo", "more",
                                               "category", "tag", "tags", "topic", "section", "separator",
                                               "comment", "comments", "reply"};
    if (!has_class_word(doc, n, "author") && !has_class_word(doc, n, "byline") && !has_class_word(doc, n, "writer"))
        return 0;
    for (size_t w = 0; w < sizeof not_the_name / sizeof *not_the_name; w++)
        if (has_class_word(doc, n, not_the_name[w]))
            return NOT_THE_NAME;
    return AUTHOR_CLASS;
}

/* Non-zero when the element or one of its two nearest ancestors is marked
 * as a byline or author by its class ("byline", "author-name"). */
static int byline_mark(const chorus__html_doc *doc, uint32_t n)
{
    for (int k = 0; n && k < 3; k++, n = doc->nodes[n].parent) {
        int c = author_class(doc, n);
        if (c)
            return c == AUTHOR_CLASS;
    }
    return 0;
}

/* The block element a node's text belongs to. */
static uint32_t block_of(const chorus__html_doc *doc, uint32_t n)
{
    while (n && !chorus__html_is_block(doc->nodes[n].tag))
        n = doc->nodes[n].parent;
    return n;
}

/* What the words written before a date say of it. */
static int label_of(const char *s, size_t len)
{
    if (publish_words(s, len))
        return LABEL_PUBLISHED;
    return update_words(s, len) ? LABEL_UPDATED : LABEL_NONE;
}

/* The label in the last few words of s[0..len), which stand right before a
 * date: "Last updated on", "Published:". Words further back belong to
 * something else ("867 Published Articles ... Updated:"). */
static int label_before(const char *s, size_t len)
{
    size_t start = len, words = 0;
    while (start > 0 && words < DATE_LABEL_WORDS) {
        start--;
        if (is_space(s[start]) && start + 1 < len && !is_space(s[start + 1]))
            words++;
    }
    return label_of(s + start, len - start);
}

/* The label right at the end of s[0..len), after any date in it. */
static int label_at_end(const char *s, size_t len)
{
    chorus__date d;
    size_t pos = 0, at, span;
    while (pos < len && chorus__date_find(s + pos, len - pos, &d, &at, &span))
        pos += at + span;
    return label_before(s + pos, len - pos);
}

/* Non-zero when a short text is nothing but a date label ("Published",
 * "Last updated:"), the date itself standing in the next element. */
static int label_only(const char *s, size_t len)
{
    chorus__date d;
    size_t at, span;
    return len <= 40 && chorus__count_words(s, len) <= 4 && label_of(s, len) != LABEL_NONE &&
           !chorus__date_find(s, len, &d, &at, &span);
}

/* A <time> near the headline: its datetime attribute, else its text. What
 * it holds is said by the last words before it in its block ("Updated
 * <time>…") or inside it, else by its microdata or class, else by a label
 * standing alone in the block before; a block holding one date and the
 * word "updated" holds an update. */
static void read_time(reader *r, uint32_t n, int carried)
{
    const chorus__html_doc *doc = r->doc;
    size_t len;
    const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_DATETIME, &len);
    if (!v) {
        v = element_text(r, n, &len);
    } else {
        /* The reader sees the text: when it shows the day before or after
         * the attribute's time, the attribute is in another time zone
         * (UTC) than the page's, and the day shown is the local one
         * ("February 23, 2026" for "2026-02-24T04:13:00Z"). Days further
         * apart are not a matter of zones: the attribute stands. */
        chorus__date shown, declared;
        size_t tl, at, span;
        const char *tt = element_text(r, n, &tl);
        if (chorus__date_find(tt, tl, &shown, &at, &span) && shown.precision >= CHORUS_DATE_DAY &&
            chorus__date_find(v, len, &declared, &at, &span) && declared.precision >= CHORUS_DATE_MINUTE &&
            labs(chorus__date_days(&shown) - chorus__date_days(&declared)) == 1) {
            v = tt;
            len = tl;
        }
    }
    uint32_t b = block_of(doc, n);
    /* The text before it in its block: only its end is read. */
    uint32_t first = n;
    for (size_t got = 0; first > b + 1 && got < DATE_LABEL_BYTES;) {
        first--;
        got += doc->nodes[first].tag == CHORUS_TAG_TEXT ? doc->nodes[first].text_len : 0;
    }
    chorus__buf before = {0};
    for (uint32_t i = first; i < n && !r->failed; i++)
        if (doc->nodes[i].tag == CHORUS_TAG_TEXT &&
            (chorus__buf_append(&before, doc->text.data + doc->nodes[i].text, doc->nodes[i].text_len) ||
             chorus__buf_putc(&before, ' ')))
            r->failed = 1;
    int label = before.len ? label_at_end(before.data, before.len) : LABEL_NONE;
    chorus__buf_free(&before);
    if (!label) {
        /* "<time><b>Last updated:</b> May 3</time>" */
        size_t tl;
        const char *tt = element_text(r, n, &tl);
        label = label_before(tt, tl);
    }
    for (uint32_t p = n, k = 0; !label && p && k < 3; p = doc->nodes[p].parent, k++)
        label = date_mark(doc, p);
    if (!label)
        label = carried;
    if (label == LABEL_NONE) {
        size_t bl;
        chorus__date d;
        size_t at, span;
        const char *bt = element_text(r, b, &bl);
        if (bl < 200 && update_words(bt, bl) && !publish_words(bt, bl) && chorus__date_find(bt, bl, &d, &at, &span) &&
            !chorus__date_find(bt + at + span, bl - at - span, &d, &at, &span))
            label = LABEL_UPDATED;
    }
    if (label == LABEL_UPDATED && r->update_day_count < sizeof r->update_days / sizeof *r->update_days) {
        chorus__date d;
        size_t at, span;
        if (chorus__date_find(v, len, &d, &at, &span))
            r->update_days[r->update_day_count++] = chorus__date_days(&d);
    }
    offer_date(r, label == LABEL_UPDATED ? D_UPDATED : D_TIME, v, len);
}

/* Non-zero when a date is the day of a <time> marked as an update: its
 * text repeats the update. */
static int update_day(const reader *r, const chorus__date *d)
{
    long day = chorus__date_days(d);
    for (size_t k = 0; k < r->update_day_count; k++)
        if (r->update_days[k] == day)
            return 1;
    return 0;
}

/* Non-zero when a short text is a sentence of the article ("The offer is
 * valid until December 3, 2025."), whose date is not the page's. */
static int prose(const char *s, size_t len)
{
    return chorus__count_words(s, len) > 8 && chorus__ends_sentence(s, len);
}

/* The dates of a short text near the headline. Each date takes the label
 * written before it ("Published …", "Updated …"), or the label standing
 * alone in the block before when the text opens with the date; a
 * publication date is taken first, then an unlabelled one, an update only
 * as an update. "Jane Doe May 3, 2024 - Updated June 1, 2024" is published
 * on May 3. A text with one date and the word "updated" anywhere is an
 * update, and so is the day of a <time> marked as one. */
static void read_dated_text(reader *r, const char *t, size_t len, int carried)
{
    chorus__date d, best = {0};
    size_t pos = 0, at, span, parts = 0;
    int best_label = -1;
    while (pos < len && parts < 4 && chorus__date_find(t + pos, len - pos, &d, &at, &span)) {
        int label = label_before(t + pos, at);
        if (label == LABEL_NONE && parts == 0)
            label = carried;
        if (label == LABEL_NONE && update_day(r, &d))
            label = LABEL_UPDATED;
        /* Published first, then unlabelled, then updated. */
        int rank = label == LABEL_PUBLISHED ? 3 : label == LABEL_NONE ? 2 : 1;
        if (rank > best_label) {
            best = d;
            best_label = rank;
        }
        pos += at + span;
        parts++;
    }
    if (!parts)
        return;
    int upd = best_label == 1 ||
              (parts == 1 && best_label == 2 && update_words(t, len) && !publish_words(t, len));
    chorus__date line;
    int kind = upd ? D_UPDATED : chorus__date_line(r->junk, t, len, &line) ? D_LINE
             : len <= SHORT_TEXT_BYTES && !prose(t, len) ? D_SHORT : -1;
    if (kind < 0)
        return;
    char iso[32];
    chorus__date_iso(&best, iso);
    if (offer_date(r, kind, iso, strlen(iso)))
        r->swappable[kind] = (char)best.swappable;
}

/* Non-zero when a text is only a byline lead ("Written by", "Author:"),
 * the name standing in the next element. */
static int lead_only(const char *s, size_t len)
{
    while (len && (is_gap(s[len - 1]) || s[len - 1] == ':'))
        len--;
    while (len && is_gap(*s)) {
        s++;
        len--;
    }
    return len && in_names(s, len, byline_leads, sizeof byline_leads / sizeof *byline_leads);
}

/* Looks for a byline in block b (whose text is `len` bytes): "By Jane Doe",
 * a name after a lead standing alone in the block before (`led`), or a name
 * in an element classed as the byline. Each text node of the block stands
 * apart, so that the name ends where its element does. Returns non-zero
 * when the block is a lead alone, for the next block. */
static int read_byline(reader *r, uint32_t b, size_t len, int led)
{
    chorus__buf text = {0};
    if (boundary_text(r->doc, b, &text)) {
        r->failed = 1;
        return 0;
    }
    const char *s = text.data ? text.data : "", *start;
    size_t nl = byline_names(s, text.len, &start, BYLINE_NEED_LEAD);
    /* Without "By", a name must look like one, or it is a label, a tag
     * list or a date. */
    if (!nl && (led || (len <= AUTHOR_BOX_BYTES && byline_mark(r->doc, b)))) {
        nl = byline_names(s, text.len, &start, 0);
        if (nl && !looks_like_names(start, nl))
            nl = 0;
    }
    int lead = !nl && lead_only(s, text.len);
    if (nl)
        r->authors[A_VISIBLE] = keep(r, start, nl);
    chorus__buf_free(&text);
    return lead;
}

/* Non-zero when the text node n names an author by its inline element: a
 * link to an author's page ("/author/jane-doe") or an element classed as
 * the author ("<span class="author">"), not its title, bio or picture. */
static int marked_name(const chorus__html_doc *doc, uint32_t n)
{
    for (uint32_t p = doc->nodes[n].parent, k = 0; p && k < 3 && !chorus__html_is_block(doc->nodes[p].tag);
         p = doc->nodes[p].parent, k++) {
        size_t hl;
        const char *href =
            doc->nodes[p].tag == CHORUS_TAG_A ? chorus__html_attr(doc, p, CHORUS_ATTR_HREF, &hl) : NULL;
        if (href && (icontains(href, hl, "/author/") || icontains(href, hl, "/authors/")))
            return 1;
        int c = author_class(doc, p);
        if (c)
            return c == AUTHOR_CLASS;
    }
    return 0;
}

/* Takes the text of a marked name as the visible author when it looks
 * like one. */
static void read_marked_name(reader *r, uint32_t n)
{
    const chorus__html_node *nd = &r->doc->nodes[n];
    const char *s = r->doc->text.data + nd->text, *start;
    size_t nl = byline_names(s, nd->text_len, &start, 0);
    if (nl && looks_like_names(start, nl))
        r->authors[A_VISIBLE] = keep(r, start, nl);
}

/* Non-zero when the text node is all white space. */
static int blank_text(const chorus__html_doc *doc, uint32_t n)
{
    const chorus__html_node *nd = &doc->nodes[n];
    if (nd->tag != CHORUS_TAG_TEXT)
        return 0;
    for (uint32_t i = 0; i < nd->text_len; i++)
        if (!is_space(doc->text.data[nd->text + i]))
            return 0;
    return 1;
}

/* The child of block b that holds the text node n, when it is a run of
 * inline text standing alone between block elements of b: a date set
 * straight into a container beside the headline ("<article><date>December
 * 19th, 2025</date><h1>…", "<h1>…</h1><span>17.05.2021</span><div>…"),
 * not words inside a sentence of a paragraph. 0 otherwise. */
static uint32_t lone_run(const chorus__html_doc *doc, uint32_t b, uint32_t n)
{
    uint32_t u = n;
    while (u && doc->nodes[u].parent != b)
        u = doc->nodes[u].parent;
    if (!u)
        return 0;
    /* The sibling before u: nodes are stored in document order, so the
     * node before u is b itself or inside that sibling. */
    uint32_t before = 0;
    for (uint32_t p = u - 1; p > b;) {
        while (doc->nodes[p].parent != b)
            p = doc->nodes[p].parent;
        if (!blank_text(doc, p)) {
            before = p;
            break;
        }
        p--;
    }
    uint32_t after = doc->nodes[u].next;
    while (after && blank_text(doc, after))
        after = doc->nodes[after].next;
    if ((before && !chorus__html_is_block(doc->nodes[before].tag)) ||
        (after && !chorus__html_is_block(doc->nodes[after].tag)))
        return 0;
    return u;
}

/* Non-zero when block b is a data table or part of one: a table with
 * header cells. A date in its cells is a value of the table (a time
 * series, a schedule), not the page's date line. `*table` and `*answer`
 * remember the last table judged. */
static int data_cell(const chorus__html_doc *doc, uint32_t b, uint32_t *table, int *answer)
{
    int tag = doc->nodes[b].tag;
    if (tag == CHORUS_TAG_TH)
        return 1;
    if (tag != CHORUS_TAG_TD && tag != CHORUS_TAG_TR && tag != CHORUS_TAG_TABLE && tag != CHORUS_TAG_TBODY &&
        tag != CHORUS_TAG_THEAD && tag != CHORUS_TAG_TFOOT)
        return 0;
    uint32_t t = b;
    while (t && doc->nodes[t].tag != CHORUS_TAG_TABLE)
        t = doc->nodes[t].parent;
    if (!t)
        return 0;
    if (t != *table) {
        *table = t;
        *answer = 0;
        uint16_t depth = doc->nodes[t].depth;
        for (uint32_t i = t + 1; i < doc->node_count && doc->nodes[i].depth > depth && !*answer; i++)
            *answer = doc->nodes[i].tag == CHORUS_TAG_TH || doc->nodes[i].tag == CHORUS_TAG_THEAD;
    }
    return *answer;
}

/* Looks at the text around the headline (from a few blocks before it, as
 * some pages put the date above) for a <time>, a byline and a date. Each
 * block is looked at once, with the text of the blocks inside it, however
 * often its text resumes after a block nested in it. */
static void read_near_headline(reader *r, uint32_t container)
{
    const chorus__html_doc *doc = r->doc;
    uint32_t from = r->h1_count ? r->h1[0] : container;
    if (!from)
        return;
    size_t before = 0;
    while (from > r->body && before < HEADLINE_LOOKBACK) {
        from--;
        before += doc->nodes[from].tag == CHORUS_TAG_TEXT;
    }
    if (from < r->body)
        from = r->body;
    uint32_t seen[HEADLINE_BLOCKS_SEEN];
    size_t blocks = 0, seen_count = 0;
    int carried = LABEL_NONE; /* a label standing alone in the block before */
    int led = 0;              /* a byline lead ("Written by") standing alone in the block before */
    const char *previous = NULL;
    uint32_t last_time = 0; /* the last <time> read */
    uint32_t last_block = 0;
    uint32_t last_run = 0;  /* the last run of text read in a long block */
    uint32_t long_seen = 0; /* the last block measured, and whether it is long */
    int long_block = 0;
    uint32_t table = 0; /* the last table judged, and whether it has header cells */
    int table_has_headers = 0;
    for (size_t i = from; i < doc->node_count && blocks < HEADLINE_NEIGHBOURHOOD &&
                          seen_count < HEADLINE_BLOCKS_SEEN && !r->failed; i++) {
        uint32_t n = (uint32_t)i;
        const chorus__html_node *nd = &doc->nodes[n];
        if (nd->tag == CHORUS_TAG_TIME && n > last_time) {
            read_time(r, n, carried);
            last_time = n;
        }
        if (nd->tag != CHORUS_TAG_TEXT)
            continue;
        if (!r->authors[A_VISIBLE] && marked_name(doc, n))
            read_marked_name(r, n);
        uint32_t b = block_of(doc, n);
        if (!b || doc->nodes[b].tag == CHORUS_TAG_SCRIPT)
            continue; /* structured data */
        /* A long block is passed over below, but a short run of text
         * standing alone in it between its blocks may be a date line. */
        if (b != long_seen) {
            long_seen = b;
            long_block = text_longer_than(doc, b, SHORT_TEXT_BYTES * 2);
        }
        uint32_t run = long_block ? lone_run(doc, b, n) : 0;
        if (run && run != last_run) {
            last_run = run;
            size_t rl;
            const char *rt = text_longer_than(doc, run, SHORT_TEXT_BYTES) ? "" : date_text(r, run, &rl);
            if (*rt && !label_only(rt, rl))
                read_dated_text(r, rt, rl, LABEL_NONE);
        }
        if (b == last_block)
            continue; /* the same block again */
        last_block = b;
        size_t k = 0;
        while (k < seen_count && seen[k] != b)
            k++;
        if (k < seen_count)
            continue;
        seen[seen_count++] = b;
        int label = carried, lead = led;
        carried = LABEL_NONE;
        led = 0;
        if (text_longer_than(doc, b, SHORT_TEXT_BYTES * 2)) {
            blocks++;
            continue;
        }
        size_t len;
        const char *t = date_text(r, b, &len);
        /* Empty blocks (icons) and wrappers that repeat the block inside
         * them take no room in the neighbourhood. */
        if (len == 0 || (previous && strcmp(previous, t) == 0))
            continue;
        previous = t;
        blocks++;
        if (len > SHORT_TEXT_BYTES * 2)
            continue;
        if (!r->authors[A_VISIBLE])
            lead = read_byline(r, b, len, lead);
        /* The <time> elements of the block are judged first: the text
         * repeats their dates without their marks. */
        uint16_t depth = doc->nodes[b].depth;
        for (uint32_t inner = b + 1; inner < doc->node_count && doc->nodes[inner].depth > depth; inner++)
            if (doc->nodes[inner].tag == CHORUS_TAG_TIME && inner > last_time) {
                read_time(r, inner, label);
                last_time = inner;
            }
        led = lead;
        if (label_only(t, len))
            carried = label_of(t, len);
        else if (!data_cell(doc, b, &table, &table_has_headers))
            read_dated_text(r, t, len, label);
    }
}

/* What a short text is as a byline: BYLINE_LED when it opens with a lead
 * and names ("By Jane Doe", "Written by Jane Doe · May 3, 2024"),
 * BYLINE_MARKED when it is nothing but names in an element classed as the
 * author, else 0. */
enum { BYLINE_LED = 1, BYLINE_MARKED };

static int is_byline(reader *r, uint32_t b, size_t len)
{
    chorus__buf text = {0};
    if (boundary_text(r->doc, b, &text)) {
        r->failed = 1;
        return 0;
    }
    const char *s = text.data ? text.data : "", *start;
    chorus__date d;
    size_t at, span;
    int kind = byline_names(s, text.len, &start, BYLINE_NEED_LEAD) ? BYLINE_LED : 0;
    if (!kind && len <= AUTHOR_BOX_BYTES && byline_mark(r->doc, b) &&
        !chorus__date_find(s, text.len, &d, &at, &span)) {
        size_t nl = byline_names(s, text.len, &start, 0);
        kind = nl && looks_like_names(start, nl) ? BYLINE_MARKED : 0;
    }
    chorus__buf_free(&text);
    return kind;
}

/* Non-zero when element or text n stands where a page lists other pages
 * (in a list item or a link, or it holds list items: "related posts" with
 * their authors and dates), or it, an element around it or one inside it
 * is marked as the last change (a class "changed"). */
static int listed_or_changed(const chorus__html_doc *doc, uint32_t n)
{
    for (uint32_t p = n, k = 0; p; p = doc->nodes[p].parent, k++) {
        int tag = doc->nodes[p].tag;
        if (tag == CHORUS_TAG_LI || tag == CHORUS_TAG_A ||
            chorus__html_attr_has_word(doc, p, CHORUS_ATTR_ROLE, "listitem") ||
            (k < 4 && date_mark(doc, p) == LABEL_UPDATED))
            return 1;
    }
    uint16_t depth = doc->nodes[n].depth;
    for (uint32_t i = n + 1; i < doc->node_count && doc->nodes[i].depth > depth; i++)
        if (doc->nodes[i].tag == CHORUS_TAG_LI || chorus__html_attr_has_word(doc, i, CHORUS_ATTR_ROLE, "listitem") ||
            date_mark(doc, i) == LABEL_UPDATED)
            return 1;
    return 0;
}

/* The next block holding text from node *i on, other than the block
 * `*last` (the one read before) and structured data: *i moves to the text
 * node met first in it, and *last to the block. 0 at the end. */
static uint32_t next_text_block(const chorus__html_doc *doc, size_t *i, uint32_t *last)
{
    for (; *i < doc->node_count; (*i)++) {
        if (doc->nodes[*i].tag != CHORUS_TAG_TEXT)
            continue;
        uint32_t b = block_of(doc, (uint32_t)*i);
        if (!b || b == *last || doc->nodes[b].tag == CHORUS_TAG_SCRIPT)
            continue;
        *last = b;
        return b;
    }
    return 0;
}

/* Non-zero when a source the publication date is taken from has a date
 * (an update shown is no publication: the last resorts look on). */
static int has_date(const reader *r)
{
    for (size_t k = 0; k < sizeof date_trust / sizeof *date_trust; k++)
        if (date_trust[k] != D_UPDATED && r->dates[date_trust[k]])
            return 1;
    return 0;
}

/* A date labelled as the publication ("Published Feb 2, 2023", "Posted on
 * 15/12/2025") anywhere in the page's body, in a short text of its own,
 * else a date beside the author's byline, in its text ("By Jane Doe · May
 * 3, 2024") or opening the text after it ("Written by Jane Doe" and then
 * "May 3, 2024"): the last resort, for pages that print the date far from
 * the headline, often at the end of the article with the author's name.
 * Only looked for when no other source has a date. */
static void read_far_date(reader *r)
{
    if (has_date(r))
        return;
    const chorus__html_doc *doc = r->doc;
    uint32_t last = 0;
    int carried = LABEL_NONE;
    uint32_t before = 0; /* the short text before, which may be a byline */
    size_t before_len = 0;
    for (size_t i = r->body; !r->dates[D_FAR] && !r->failed; i++) {
        uint32_t b = next_text_block(doc, &i, &last);
        if (!b)
            break;
        int label = carried;
        uint32_t prev = before;
        size_t prev_len = before_len;
        carried = LABEL_NONE;
        before = 0;
        /* A long block may still hold the date in a text of its own
         * ("<div><span>Posted on April 13, 2023</span><div>Tags: …"). */
        uint32_t from = text_longer_than(doc, b, SHORT_TEXT_BYTES) ? (uint32_t)i : b;
        if (from != b) {
            last = 0;
            if (doc->nodes[i].text_len > SHORT_TEXT_BYTES)
                continue;
        }
        r->scratch.len = 0;
        if (chorus__html_node_text_spaced(doc, from, &r->scratch)) {
            r->failed = 1;
            return;
        }
        const char *t = r->scratch.data;
        size_t len = r->scratch.len;
        if (len && len <= SHORT_TEXT_BYTES) {
            before = from;
            before_len = len;
        }
        if (!len || (!memchr(t, '0', len) && !memchr(t, '1', len) && !memchr(t, '2', len) &&
                     !memchr(t, '3', len) && !memchr(t, '4', len) && !memchr(t, '5', len) &&
                     !memchr(t, '6', len) && !memchr(t, '7', len) && !memchr(t, '8', len) &&
                     !memchr(t, '9', len))) {
            if (len && label_only(t, len))
                carried = label_of(t, len);
            continue;
        }
        chorus__date d;
        size_t at, span;
        /* The label and the date open the text: "Posted on April 13,
         * 2023", not "The report, published on March 3, 2024, found". */
        if (!chorus__date_find(t, len, &d, &at, &span) || d.precision < CHORUS_DATE_DAY)
            continue;
        int own = label_before(t, at);
        char iso[32];
        chorus__date_iso(&d, iso);
        if (at <= FAR_DATE_OFFSET &&
            (own == LABEL_PUBLISHED || (own == LABEL_NONE && label == LABEL_PUBLISHED)))
            offer_date(r, D_FAR, iso, strlen(iso));
        else if (!r->dates[D_BYLINE] && own == LABEL_NONE && label == LABEL_NONE && len <= SHORT_TEXT_BYTES &&
                 !prose(t, len) &&
                 ((at <= FAR_DATE_OFFSET && prev && is_byline(r, prev, prev_len)) ||
                  is_byline(r, from, len) == BYLINE_LED) &&
                 !listed_or_changed(doc, from))
            offer_date(r, D_BYLINE, iso, strlen(iso));
    }
}

/* Leads that say without doubt that a name is the author's, unlike "By"
 * ("By clicking ...") or "Posted by" (every comment in a thread). */
static const char *const strong_leads[] = {"written by", "authored by", "article by", "story by", "words by",
                                           "reported by", "author", "authors", "author(s)", "by:"};

/* Non-zero when text n stands in a comment thread: an element around it is
 * named as comments. */
static int in_comments(const chorus__html_doc *doc, uint32_t n)
{
    for (uint32_t p = doc->nodes[n].parent; p; p = doc->nodes[p].parent)
        if (chorus__html_names_comments(doc, p))
            return 1;
    return 0;
}

/* Non-zero when s[0..len) is one word of two or three capitals: the
 * initials an avatar shows in place of a picture, not a name. */
static int initials(const char *s, size_t len)
{
    if (len < 2 || len > 3)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/* Does the text open with one of the strong leads? */
static int strong_lead(const char *s, size_t len)
{
    while (len && (is_gap(*s) || *s == NODE_BOUNDARY)) {
        s++;
        len--;
    }
    for (size_t k = 0; k < sizeof strong_leads / sizeof *strong_leads; k++) {
        size_t ll = strlen(strong_leads[k]);
        if (len >= ll && ieq(s, ll, strong_leads[k]) &&
            (len == ll || is_gap(s[ll]) || s[ll] == ':' || s[ll] == NODE_BOUNDARY || strong_leads[k][ll - 1] == ':'))
            return 1;
    }
    return 0;
}

/* A name in a box about the writer anywhere in the page: a short text
 * that looks like a name, in an element whose class names the author
 * ("blog_author-text", "resource-author-details") a few levels up, not its
 * role, bio or picture, and not in a list of other pages or in comments. */
static void read_author_box(reader *r)
{
    const chorus__html_doc *doc = r->doc;
    for (size_t i = r->body; i < doc->node_count && !r->failed; i++) {
        const chorus__html_node *nd = &doc->nodes[i];
        if (nd->tag != CHORUS_TAG_TEXT || nd->text_len < 4 || nd->text_len > 60)
            continue;
        uint32_t n = (uint32_t)i;
        int marked = 0;
        for (uint32_t p = nd->parent, k = 0; p && k < 4 && !marked; p = doc->nodes[p].parent, k++)
            marked = author_class(doc, p);
        if (marked != AUTHOR_CLASS || listed_or_changed(doc, n) || in_comments(doc, n))
            continue;
        const char *t = doc->text.data + nd->text, *start;
        size_t nl = byline_names(t, nd->text_len, &start, 0);
        if (nl && looks_like_names(start, nl) && !not_a_name(start, nl, 0) && !initials(start, nl)) {
            r->authors[A_VISIBLE] = keep(r, start, nl);
            return;
        }
    }
}

/* A byline anywhere in the page's body, under a lead that leaves no doubt
 * ("Written by Jane Doe", "Author: Jane Doe", or such a lead alone in the
 * text before the name): the last resort, for pages that credit the author
 * at the end of the article, far from the headline. Not in comments, nor
 * where the page lists other pages. Only looked for when no other source
 * names an author. */
static void read_far_author(reader *r)
{
    for (int k = 0; k < A_COUNT; k++)
        if (r->authors[k])
            return;
    const chorus__html_doc *doc = r->doc;
    uint32_t last = 0;
    int led = 0;
    for (size_t i = r->body; !r->authors[A_VISIBLE] && !r->failed; i++) {
        uint32_t b = next_text_block(doc, &i, &last);
        if (!b)
            break;
        int lead = led;
        led = 0;
        if (text_longer_than(doc, b, AUTHOR_BOX_BYTES))
            continue;
        chorus__buf text = {0};
        if (boundary_text(doc, b, &text)) {
            r->failed = 1;
            return;
        }
        const char *t = text.data ? text.data : "", *start;
        size_t nl = 0;
        int strong = strong_lead(t, text.len);
        if (strong)
            nl = byline_names(t, text.len, &start, BYLINE_NEED_LEAD);
        else if (lead)
            nl = byline_names(t, text.len, &start, 0);
        if (nl && (!looks_like_names(start, nl) || not_a_name(start, nl, 0) || listed_or_changed(doc, b) ||
                   in_comments(doc, b)))
            nl = 0;
        if (nl && initials(start, nl))
            led = lead; /* an avatar's letters ("CP") between the lead and the name */
        else if (nl)
            r->authors[A_VISIBLE] = keep(r, start, nl);
        else
            led = strong && lead_only(t, text.len);
        chorus__buf_free(&text);
    }
    if (!r->authors[A_VISIBLE] && !r->failed)
        read_author_box(r);
}

/* The day of the page's <time> elements when they all show that one day
 * (in their text as in their datetime attribute), and none of them is
 * marked or labelled as an update, stands in a list of other pages or in
 * comments: the page's date, shown without a label away from the headline
 * (in the article's footer, say). The last resort, when nothing else
 * dates the page. */
static void read_lone_time(reader *r)
{
    if (has_date(r))
        return;
    const chorus__html_doc *doc = r->doc;
    long day = 0;
    char iso[32] = "";
    for (size_t i = r->body; i < doc->node_count && !r->failed; i++) {
        if (doc->nodes[i].tag != CHORUS_TAG_TIME || (doc->nodes[i].flags & CHORUS_NODE_HIDDEN))
            continue;
        uint32_t n = (uint32_t)i;
        size_t len, tl;
        const char *tt = element_text(r, n, &tl);
        const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_DATETIME, &len);
        if (!v) {
            v = tt;
            len = tl;
        }
        chorus__date d, shown;
        size_t at, span;
        if (!chorus__date_find(v, len, &d, &at, &span) || d.precision < CHORUS_DATE_DAY)
            continue;
        /* What the reader sees must be that day too, not a month ("April
         * 2025") nor a time of day alone. */
        if (!chorus__date_find(tt, tl, &shown, &at, &span) || chorus__date_days(&shown) != chorus__date_days(&d))
            return;
        if (listed_or_changed(doc, n) || in_comments(doc, n))
            return;
        int label = LABEL_NONE;
        for (uint32_t p = n, k = 0; !label && p && k < 3; p = doc->nodes[p].parent, k++)
            label = date_mark(doc, p);
        size_t bl;
        const char *bt = element_text(r, block_of(doc, n), &bl);
        if (label == LABEL_UPDATED || update_words(bt, bl))
            return;
        long dd = chorus__date_days(&d);
        if (iso[0] && dd != day)
            return; /* two days: which is the page's is not said */
        day = dd;
        chorus__date_iso(&d, iso);
    }
    if (iso[0])
        offer_date(r, D_LONE_TIME, iso, strlen(iso));
}

/* A date in the URL's path: /2024/08/13/, /2024-08-13-, /2024/august/13/. */
static void read_url_date(reader *r, const char *url)
{
    if (!url)
        return;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    for (const char *p = path; p && *p; p++) {
        if (*p != '/' && *p != '-' && *p != '_')
            continue;
        int y, m = 0, d;
        char sep1, sep2, end, month[16];
        int numeric = sscanf(p + 1, "%4d%c%2d%c%2d%c", &y, &sep1, &m, &sep2, &d, &end) == 6 && sep1 == sep2 &&
                      (sep1 == '/' || sep1 == '-');
        if (!numeric && sscanf(p + 1, "%4d/%15[a-zA-Z]/%2d%c", &y, month, &d, &end) == 4) {
            /* /2023/october/03/ */
            for (char *c = month; *c; c++)
                *c = (char)lower((unsigned char)*c);
            m = chorus__month_from_name(month, strlen(month));
            numeric = m > 0;
        }
        if (numeric && (end == '/' || end == '-' || end == '.' || end == '_') && y >= 1990 && y <= 2100 &&
            m >= 1 && m <= 12 && d >= 1 && d <= 31) {
            char iso[16];
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
            offer_date(r, D_URL, iso, strlen(iso));
            return;
        }
    }
}

/* The calendar day of a date string, as "YYYY-MM-DD", or "" when none. */
static void day_of(const char *s, char out[32])
{
    chorus__date d;
    size_t at, span;
    out[0] = '\0';
    if (s && chorus__date_find(s, strlen(s), &d, &at, &span)) {
        d.precision = CHORUS_DATE_DAY;
        chorus__date_iso(&d, out);
    }
}

/* The most trusted author, passing over one whose words are all in the
 * site's name when another source names a person. */
/* The length of the owner's name in a site name such as "Colin Watson's
 * blog": two to four capitalised words, not opening with "The", before
 * "'s" and a word for a personal site ("blog", "homepage", "notes"; not
 * "newsletter" or "journal", which organisations publish too), else 0. */
static size_t possessive_owner(const char *site)
{
    static const char *const kinds[] = {"blog", "weblog", "homepage", "home page", "notebook", "notes"};
    const char *apos = strstr(site, "'s ");
    size_t mark = 3;
    if (!apos) {
        apos = strstr(site, "\xE2\x80\x99s "); /* ’s */
        mark = 5;
    }
    if (!apos || apos == site)
        return 0;
    const char *kind = apos + mark;
    size_t kl = strlen(kind);
    if (!in_names(kind, kl, kinds, sizeof kinds / sizeof *kinds))
        return 0;
    size_t len = (size_t)(apos - site), words = chorus__count_words(site, len);
    if (words < 2 || words > 4 || !looks_like_names(site, len) || memchr(site, ',', len) ||
        strncmp(site, "The ", 4) == 0 ||
        strstr(site, " and ") || strstr(site, " & ") || not_a_name(site, len, 1))
        return 0;
    return len;
}

static void choose_author(reader *r)
{
    const char *site = r->field[F_SITE];
    for (int k = 0; k < A_COUNT; k++) {
        const char *a = r->authors[k];
        if (!a)
            continue;
        /* "Digjitale" on the site "Digjitale Signal": the site, not a writer. */
        int is_site = site && word_overlap(a, site) >= 0.99;
        int later = 0;
        for (int m = k + 1; m < A_ORG; m++)
            later |= r->authors[m] != NULL;
        if (is_site && later)
            continue;
        r->field[F_AUTHOR] = a;
        return;
    }
    /* Nothing names a writer: a personal site named for its owner ("Colin
     * Watson's blog") is written by that owner. */
    size_t owner = site ? possessive_owner(site) : 0;
    if (owner)
        r->field[F_AUTHOR] = keep(r, site, owner);
}

/* Does the update a page shows near its headline date it, rather than the
 * publication its schema.org data declares? Content systems that write
 * schema.org data for guides and reviews keep the datePublished of the
 * page's first version through every rewrite, and show the rewrite's day
 * as "Updated ...": the version a reader sees is of that day. A
 * publication the page also declares in its other metadata
 * (article:published_time, a meta name, itemprop) is one the site stands
 * by, and stands; so does one later than the update shown, which no
 * rewrite can be. */
static int update_outranks_lone_jsonld(const reader *r)
{
    static const int others[] = {D_META_PRIMARY, D_META, D_MICRODATA};
    char published[32], updated[32], other[32];
    if (!r->dates[D_UPDATED])
        return 0;
    day_of(r->dates[D_JSONLD], published);
    day_of(r->dates[D_UPDATED], updated);
    if (!published[0] || !updated[0] || strcmp(updated, published) <= 0)
        return 0;
    for (size_t k = 0; k < sizeof others / sizeof *others; k++) {
        day_of(r->dates[others[k]], other);
        if (other[0] && strcmp(other, published) == 0)
            return 0;
    }
    return 1;
}

static void choose_date(reader *r, chorus__html_meta *out)
{
    int chosen = -1;
    for (size_t k = 0; k < sizeof date_trust / sizeof *date_trust && chosen < 0; k++)
        if (r->dates[date_trust[k]])
            chosen = date_trust[k];
    if (chosen < 0)
        return;
    if (chosen == D_JSONLD && update_outranks_lone_jsonld(r))
        chosen = D_UPDATED;
    /* A date shown with day and month as numbers can be read both ways
     * ("09.10.2024" is 9 October where the day comes first, September 10
     * where the month does): when a declared publication date is the other
     * reading, the page writes the month first, and the declared date
     * stands. */
    if (r->swappable[chosen]) {
        static const int declared[] = {D_JSONLD, D_META_PRIMARY, D_META, D_MICRODATA};
        chorus__date shown, stated;
        size_t at, span;
        const char *v = r->dates[chosen];
        if (chorus__date_find(v, strlen(v), &shown, &at, &span))
            for (size_t k = 0; k < sizeof declared / sizeof *declared; k++) {
                const char *w = r->dates[declared[k]];
                if (w && chorus__date_find(w, strlen(w), &stated, &at, &span) && stated.year == shown.year &&
                    stated.month == shown.day && stated.day == shown.month) {
                    chosen = declared[k];
                    break;
                }
            }
    }
    r->field[F_PUBLISHED] = r->dates[chosen];
    out->published_from = chosen;
    /* The same day in metadata usually comes with the time of day. */
    char day[32], other[32];
    day_of(r->dates[chosen], day);
    const int *precise = chosen == D_UPDATED ? update_precise : date_precise;
    size_t n_precise = chosen == D_UPDATED ? sizeof update_precise / sizeof *update_precise
                                           : sizeof date_precise / sizeof *date_precise;
    for (size_t m = 0; m < n_precise; m++) {
        day_of(r->dates[precise[m]], other);
        if (other[0] && strcmp(day, other) == 0) {
            r->field[F_PUBLISHED] = r->dates[precise[m]];
            break;
        }
    }
}

int chorus__html_meta_read(const chorus__html_doc *doc, uint32_t container, const char *page_url,
                           chorus__junk *junk, chorus__html_meta *out)
{
    memset(out, 0, sizeof *out);
    reader r = {0};
    r.doc = doc;
    r.out = out;
    r.junk = junk;
    for (int f = 0; f < F_COUNT; f++)
        r.rank[f] = SRC_NONE;
    for (size_t i = 1; i < doc->node_count && !r.failed; i++) {
        const chorus__html_node *nd = &doc->nodes[i];
        uint32_t n = (uint32_t)i;
        size_t len;
        switch (nd->tag) {
        case CHORUS_TAG_TEXT:
            continue;
        case CHORUS_TAG_META:
            read_meta(&r, n);
            continue;
        case CHORUS_TAG_SCRIPT:
            read_jsonld(&r, n);
            continue;
        case CHORUS_TAG_TITLE:
            if (!r.title_tag) {
                const char *t = element_text(&r, n, &len);
                r.title_tag = len ? t : NULL;
            }
            continue;
        case CHORUS_TAG_LINK:
            if (chorus__html_attr_has_word(doc, n, CHORUS_ATTR_REL, "canonical")) {
                const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_HREF, &len);
                if (v && len > 1 && !(v[0] == '/' && v[1] != '/'))
                    offer(&r, F_URL, SRC_META_PRIMARY, v, len);
            }
            continue;
        case CHORUS_TAG_HTML: {
            const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_LANG, &len);
            offer(&r, F_LANGUAGE, SRC_META_PRIMARY, v, len);
            break;
        }
        case CHORUS_TAG_BODY:
            if (!r.body)
                r.body = n;
            break;
        case CHORUS_TAG_H1:
            if (r.h1_count < sizeof r.h1 / sizeof *r.h1)
                r.h1[r.h1_count++] = n;
            break;
        default:
            break;
        }
        if (nd->attr_count)
            read_marked(&r, n);
    }
    if (page_url)
        offer(&r, F_URL, SRC_URL, page_url, strlen(page_url));
    if (!r.failed)
        choose_title(&r, container);
    if (!r.failed)
        read_near_headline(&r, container);
    if (!r.failed)
        read_far_date(&r);
    if (!r.failed)
        read_url_date(&r, r.field[F_URL]);
    if (!r.failed && page_url)
        read_url_date(&r, page_url);
    if (!r.failed)
        read_lone_time(&r);
    if (!r.failed)
        choose_date(&r, out);
    if (!r.meta_names.len && r.card_name)
        add_name(&r, &r.meta_names, r.card_name, strlen(r.card_name));
    offer_names(&r, &r.meta_names, A_META);
    offer_names(&r, &r.micro_names, A_MICRODATA);
    if (!r.failed)
        read_far_author(&r);
    if (!r.failed)
        choose_author(&r);
#ifdef CHORUS_META_DEBUG
    CHORUS_META_DEBUG(&r);
#endif
    chorus__buf_free(&r.scratch);
    chorus__buf_free(&r.names);
    chorus__buf_free(&r.meta_names);
    chorus__buf_free(&r.micro_names);
    if (r.failed) {
        chorus__html_meta_free(out);
        return CHORUS_ENOMEM;
    }
    out->title = r.field[F_TITLE];
    out->author = r.field[F_AUTHOR];
    out->published = r.field[F_PUBLISHED];
    out->site = r.field[F_SITE];
    out->url = r.field[F_URL];
    out->language = r.field[F_LANGUAGE];
    return 0;
}

void chorus__html_meta_free(chorus__html_meta *m)
{
    chorus__arena_release(&m->mem);
    memset(m, 0, sizeof *m);
}
