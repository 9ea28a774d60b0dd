/* html_meta.c - an HTML page's metadata: title, authors, publication date, site, canonical URL, language.
 *
 * Pages state their metadata several times over, with varying care:
 * schema.org JSON-LD written for search engines is the most deliberate,
 * then OpenGraph and other <meta> tags, then microdata and what the reader
 * sees (the <h1>, a byline, a <time>, a date line under the headline), and
 * last the URL. Each field keeps the candidate of the most trusted source;
 * see html_meta.h for the order. */
#include "html_meta.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "dates.h"
#include "text.h"
#include "util.h"

/* Nesting followed inside JSON-LD. */
#define JSONLD_MAX_DEPTH 12
/* Text blocks after the headline searched for a byline or a date line, and
 * texts before it. */
#define HEADLINE_NEIGHBOURHOOD 30
#define HEADLINE_LOOKBACK 8
/* A text this short that holds a date is a date line with extras ("May 3,
 * 2024 · 5 min read"). */
#define SHORT_TEXT_BYTES 120
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
    A_ORG,       /* an organisation named as the author: the publisher, in effect */
    A_COUNT
};

enum { F_TITLE, F_AUTHOR, F_PUBLISHED, F_SITE, F_URL, F_LANGUAGE, F_COUNT };

/* Where a date comes from. */
enum {
    D_JSONLD,         /* datePublished of a schema.org article */
    D_META_PRIMARY,   /* article:published_time */
    D_JSONLD_PAGE,    /* datePublished of the web page, dateCreated of the article */
    D_META,           /* other meta names for the publication date */
    D_MICRODATA,      /* itemprop="datePublished" */
    D_TIME,           /* a <time> near the headline, not marked as an update */
    D_LINE,           /* a date line near the headline ("Published: May 3, 2024") */
    D_SHORT,          /* a short text near the headline holding a date ("May 3, 2024 · 5 min read") */
    D_URL,            /* /2024/05/03/ in the URL */
    D_UPDATED,        /* a date shown near the headline as the last update */
    D_MODIFIED,       /* dateModified, article:modified_time */
    D_COUNT
};

/* The order of trust among dates: the date shown with the headline is the
 * one the page states to its readers; metadata can be a template's default.
 * An update is never taken for the publication. */
static const int date_trust[] = {D_TIME,      D_LINE,        D_SHORT, D_JSONLD, D_META_PRIMARY,
                                 D_META,      D_MICRODATA,   D_JSONLD_PAGE, D_URL};
/* Sources that give the time of day as well. */
static const int date_precise[] = {D_JSONLD, D_META_PRIMARY, D_META, D_MICRODATA, D_JSONLD_PAGE};

typedef struct reader {
    const chorus__html_doc *doc;
    chorus__html_meta *out;
    chorus__junk *junk;
    const char *field[F_COUNT];
    int rank[F_COUNT];
    const char *title_tag, *og_title, *jsonld_title;
    const char *dates[D_COUNT];
    const char *authors[A_COUNT];
    chorus__buf names; /* a list of authors being gathered */
    chorus__buf meta_names;  /* the authors of <meta> tags, gathered over the page */
    chorus__buf micro_names; /* and of microdata */
    uint32_t h1[8];
    size_t h1_count;
    chorus__buf scratch;
    int failed;
} reader;

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
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
        if (el || is_space((char)c)) {
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

static void offer_date(reader *r, int kind, const char *s, size_t len)
{
    if (!r->dates[kind] && s && len) {
        chorus__date d;
        size_t at, span;
        /* Only a full calendar date is a publication date. */
        if (chorus__date_find(s, len, &d, &at, &span) && d.precision >= CHORUS_DATE_DAY)
            r->dates[kind] = keep(r, s + at, span);
    }
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ieq(const char *a, size_t alen, const char *b)
{
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

/* Words that introduce a byline, folded to lower case, longest first. */
static const char *const byline_leads[] = {
    "written and reviewed by", "reviewed by", "written by", "authored by", "posted by",
    "reported by", "story by",   "words by",   "article by", "author:",   "authors:",
    "by:",         "by",         "von",        "par",        "por",       "door",
};

enum {
    BYLINE_NEED_LEAD = 1, /* only text that opens with "By" or its kin */
    BYLINE_DECLARED = 2,  /* a name a page declares (JSON-LD, meta): cut at separators only */
};

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
 * byline holds that are not names. */
static int not_a_name(const char *s, size_t len)
{
    static const char *const words[] = {"admin", "administrator", "undefined", "null", "none",
                                        "unknown", "guest", "author", "authors", "anonymous", "by",
                                        "written by", "posted by", "webmaster", "editor", "staff"};
    if (in_names(s, len, words, sizeof words / sizeof *words) || month_word(s, len))
        return 1;
    /* One word in small letters, or with digits or dots in it, is a
     * handle ("jdoe42", "jane.doe") or a template key, no one's name. */
    int digits = 0, dots = 0, spaces = 0, capitals = 0;
    for (size_t i = 0; i < len; i++) {
        digits += s[i] >= '0' && s[i] <= '9';
        dots += s[i] == '.' || s[i] == '_';
        spaces += s[i] == ' ';
        capitals += (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80;
    }
    return !spaces && (digits || dots || !capitals);
}

/* Cuts a byline down to the names: "By Jane Doe and John Roe | May 3, 2024"
 * gives "Jane Doe and John Roe". Returns the length kept, 0 when what is
 * left does not look like names. `flags`: BYLINE_*. */
static size_t byline_names(const char *s, size_t len, const char **start, int flags)
{
    int need_lead = flags & BYLINE_NEED_LEAD;
    size_t i = 0;
    while (i < len && is_space(s[i]))
        i++;
    int led = 0;
    for (size_t k = 0; k < sizeof byline_leads / sizeof *byline_leads; k++) {
        size_t ll = strlen(byline_leads[k]);
        /* "Written byJane Doe": pages glue the lead to the name too. */
        if (i + ll < len && ieq(s + i, ll, byline_leads[k]) &&
            (byline_leads[k][ll - 1] == ':' || is_space(s[i + ll]) ||
             (s[i + ll] >= 'A' && s[i + ll] <= 'Z' && ll > 3))) {
            i += ll;
            led = 1;
            break;
        }
    }
    /* "Text by Jane Doe", "Words and pictures by Jane Doe". */
    for (size_t k = i, words = 0; !led && k + 3 < len && words < 4; k++) {
        if (is_space(s[k]))
            words++;
        if ((k == i || is_space(s[k - 1])) && ieq(s + k, 3, "by ")) {
            i = k + 3;
            led = 1;
        }
    }
    if (need_lead && !led)
        return 0;
    while (i < len && (is_space(s[i]) || s[i] == ':' || s[i] == '"'))
        i++;
    *start = s + i;
    /* The names end where a separator, a date or a role begins. */
    size_t end = i;
    size_t words = 0, in_word = 0;
    for (; end < len; end++) {
        char c = s[end];
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
    while (end > i && (is_space(s[end - 1]) || s[end - 1] == ',' || s[end - 1] == '.' ||
                       s[end - 1] == ':'))
        end--;
    size_t n = end - i;
    if (n == 0 || n > AUTHOR_MAX_BYTES || words == 0 || words > AUTHOR_MAX_WORDS * 3)
        return 0;
    /* A name starts with a capital letter (or a non-Latin letter). */
    unsigned char first = (unsigned char)s[i];
    if (first >= 'a' && first <= 'z' && !(flags & BYLINE_DECLARED))
        return 0;
    if (not_a_name(s + i, n))
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
    /* The same name twice (a Person listed under two ids) counts once. */
    const char *have = list->data;
    for (size_t at = 0; have && at < list->len;) {
        const char *sep = strstr(have + at, ", ");
        size_t l = sep ? (size_t)(sep - (have + at)) : list->len - at;
        if (l == len && memcmp(have + at, s, len) == 0)
            return;
        at += l + 2;
    }
    if ((list->len && chorus__buf_puts(list, ", ")) || chorus__buf_append(list, s, len))
        r->failed = 1;
}

/* Takes the list gathered in `list` as the authors from `source`. */
static void offer_names(reader *r, chorus__buf *list, int source)
{
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
    offer_json_date(r, D_JSONLD_PAGE, json_object_get(obj, "dateCreated"));
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
                                           "citation_author", "og:article:author"};

/* Does s contain `part`, case aside? */
static int icontains(const char *s, size_t len, const char *part)
{
    size_t pl = strlen(part);
    for (size_t i = 0; i + pl <= len; i++)
        if (ieq(s + i, pl, part))
            return 1;
    return 0;
}

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
        /* Pages with several authors repeat the tag: all are gathered. */
        add_name(r, &r->meta_names, content, cl);
    }
}

/* The trimmed, collapsed text of an element, in r->scratch. */
static const char *element_text(reader *r, uint32_t n, size_t *len)
{
    r->scratch.len = 0;
    if (chorus__html_node_text(r->doc, n, &r->scratch)) {
        r->failed = 1;
        *len = 0;
        return "";
    }
    const char *k = keep(r, r->scratch.data ? r->scratch.data : "", r->scratch.len);
    *len = k ? strlen(k) : 0;
    return k ? k : "";
}

static int has_class_word(const chorus__html_doc *doc, uint32_t n, const char *part)
{
    size_t len;
    const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_CLASS, &len);
    size_t pl = strlen(part);
    for (size_t i = 0; v && i + pl <= len; i++) {
        if (!ieq(v + i, pl, part))
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
        if (!v && !text_longer_than(doc, n, AUTHOR_BOX_BYTES))
            v = element_text(r, n, &len);
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

/* Length of the title without a site name appended after a separator
 * ("Headline | Site", "Headline - Site"): the part after the last separator
 * is cut when it is short or equals the site's name. */
static size_t strip_site(const char *t, const char *site)
{
    size_t len = strlen(t);
    size_t best = len;
    for (size_t k = 0; k < sizeof title_separators / sizeof *title_separators; k++) {
        const char *sep = title_separators[k];
        size_t sl = strlen(sep);
        const char *last = NULL;
        for (const char *p = strstr(t, sep); p; p = strstr(p + 1, sep))
            last = p;
        if (!last)
            continue;
        const char *tail = last + sl;
        size_t head = (size_t)(last - t);
        size_t tail_words = chorus__count_words(tail, strlen(tail));
        int is_site = site && (strcmp(tail, site) == 0 || strstr(site, tail) || strstr(tail, site));
        if ((is_site || tail_words <= 4) && chorus__count_words(t, head) >= 2 && head < best)
            best = head;
    }
    return best;
}

static int word_char(char c)
{
    return !(c == ' ' || c == ':' || c == ',' || c == '|' || c == '-' || c == '.' || c == '?' ||
             c == '!' || c == '"' || c == '\'' || c == '(' || c == ')');
}

/* Non-zero when s[0..len) is a whole word of the folded text `hay`. */
static int has_word(const char *hay, size_t hay_len, const char *w, size_t len)
{
    for (size_t i = 0; i + len <= hay_len; i++) {
        if ((i == 0 || !word_char(hay[i - 1])) && memcmp(hay + i, w, len) == 0 &&
            (i + len == hay_len || !word_char(hay[i + len])))
            return 1;
    }
    return 0;
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

static void choose_title(reader *r, uint32_t container)
{
    const chorus__html_doc *doc = r->doc;
    const char *site = r->field[F_SITE];
    /* The declared titles, site names cut off. */
    const char *declared[3] = {r->jsonld_title, r->og_title, r->title_tag};
    const char *best_declared = NULL;
    for (int k = 0; k < 3 && !best_declared; k++)
        if (declared[k]) {
            size_t l = strip_site(declared[k], site);
            best_declared = keep(r, declared[k], l);
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
        const char *t = element_text(r, n, &len);
        if (!len || (site && word_overlap(t, site) >= 0.99) ||
            (best_declared && site_suffix(t, declared) && word_overlap(t, best_declared) < 0.5))
            continue;
        h1 = t;
        h1_node = n;
        if (inside)
            break;
    }
    /* The headline as shown carries no site name and is what readers see as
     * the title; a declared title stands in only when there is no <h1>, or
     * when a one- or two-word <h1> is a section name that the declared
     * titles do not share. */
    const char *title = h1 ? h1 : best_declared;
    if (h1 && best_declared && chorus__count_words(h1, strlen(h1)) <= 2 &&
        word_overlap(h1, best_declared) < 0.5)
        title = best_declared;
    if (title)
        offer(r, F_TITLE, SRC_JSONLD, title, strlen(title));
    r->h1_count = h1_node ? 1 : 0;
    r->h1[0] = h1_node;
}

/* ---------------------------------------------------------------------- */
/* Near the headline: <time>, bylines, date lines                         */
/* ---------------------------------------------------------------------- */

static int updated_mark(const chorus__html_doc *doc, uint32_t n)
{
    return has_class_word(doc, n, "updated") || has_class_word(doc, n, "modified") ||
           chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ITEMPROP, "datemodified");
}

/* Words that mark a date as the last update rather than the publication. */
static int update_words(const char *s, size_t len)
{
    static const char *const words[] = {"updated", "modified", "aktualisiert", "mis à jour",
                                        "actualizado", "aggiornato", "bijgewerkt", "atualizado"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (icontains(s, len, words[k]))
            return 1;
    return 0;
}

static int publish_words(const char *s, size_t len)
{
    return icontains(s, len, "publish") || icontains(s, len, "posted") || icontains(s, len, "veröffentlicht") ||
           icontains(s, len, "publié") || icontains(s, len, "publicado") || icontains(s, len, "pubblicato");
}

/* Non-zero when the element or one of its two nearest ancestors is marked
 * as a byline or author by its class ("byline", "author-name"). */
static int byline_mark(const chorus__html_doc *doc, uint32_t n)
{
    for (int k = 0; n && k < 3; k++, n = doc->nodes[n].parent)
        if (has_class_word(doc, n, "author") || has_class_word(doc, n, "byline") ||
            has_class_word(doc, n, "writer"))
            return 1;
    return 0;
}

/* The block element a node's text belongs to. */
static uint32_t block_of(const chorus__html_doc *doc, uint32_t n)
{
    while (n && !chorus__html_is_block(doc->nodes[n].tag))
        n = doc->nodes[n].parent;
    return n;
}

/* A <time> near the headline: its datetime attribute, else its text. */
static void read_time(reader *r, uint32_t n)
{
    const chorus__html_doc *doc = r->doc;
    size_t len;
    const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_DATETIME, &len);
    if (!v)
        v = element_text(r, n, &len);
    int upd = 0;
    for (uint32_t p = n, k = 0; p && k < 3; p = doc->nodes[p].parent, k++)
        upd |= updated_mark(doc, p);
    /* "Updated <time>May 3</time>": the words before it in its block. */
    size_t bl;
    const char *bt = element_text(r, block_of(doc, n), &bl);
    if (!upd && bl < 200 && update_words(bt, bl) && !publish_words(bt, bl))
        upd = 1;
    offer_date(r, upd ? D_UPDATED : D_TIME, v, len);
}

/* Looks at the text around the headline (from a few blocks before it, as
 * some pages put the date above) for a <time>, a byline and a date. */
static void read_near_headline(reader *r, uint32_t container)
{
    const chorus__html_doc *doc = r->doc;
    uint32_t from = r->h1_count ? r->h1[0] : container;
    if (!from)
        return;
    size_t before = 0;
    while (from > 1 && before < HEADLINE_LOOKBACK) {
        from--;
        before += doc->nodes[from].tag == CHORUS_TAG_TEXT;
    }
    size_t blocks = 0;
    uint32_t last_block = 0;
    for (size_t i = from; i < doc->node_count && blocks < HEADLINE_NEIGHBOURHOOD && !r->failed; i++) {
        uint32_t n = (uint32_t)i;
        const chorus__html_node *nd = &doc->nodes[n];
        if (nd->tag == CHORUS_TAG_TIME)
            read_time(r, n);
        if (nd->tag != CHORUS_TAG_TEXT)
            continue;
        uint32_t b = block_of(doc, n);
        if (b == last_block)
            continue;
        last_block = b;
        blocks++;
        if (text_longer_than(doc, b, SHORT_TEXT_BYTES * 2))
            continue;
        size_t len;
        const char *t = element_text(r, b, &len);
        if (len == 0 || len > SHORT_TEXT_BYTES * 2)
            continue;
        if (!r->authors[A_VISIBLE]) {
            const char *start;
            size_t nl = byline_names(t, len, &start, BYLINE_NEED_LEAD);
            /* A class-marked byline without "By" must name someone in
             * more than one word, or it is a label ("Author") or a date. */
            if (!nl && len <= AUTHOR_BOX_BYTES && byline_mark(doc, b)) {
                nl = byline_names(t, len, &start, 0);
                if (nl && !memchr(start, ' ', nl))
                    nl = 0;
            }
            if (nl)
                r->authors[A_VISIBLE] = keep(r, start, nl);
        }
        chorus__date d;
        size_t at, span;
        int upd = update_words(t, len) && !publish_words(t, len);
        if (chorus__date_line(r->junk, t, len, &d)) {
            char iso[32];
            chorus__date_iso(&d, iso);
            offer_date(r, upd ? D_UPDATED : D_LINE, iso, strlen(iso));
        } else if (len <= SHORT_TEXT_BYTES && chorus__date_find(t, len, &d, &at, &span)) {
            offer_date(r, upd ? D_UPDATED : D_SHORT, t + at, span);
        }
    }
}

/* A date in the URL's path: /2024/08/13/, /2024-08-13, /20240813/. */
static void read_url_date(reader *r, const char *url)
{
    if (!url)
        return;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    for (const char *p = path; p && *p; p++) {
        if (*p != '/' && *p != '-' && *p != '_')
            continue;
        int y, m, d;
        char sep1, sep2, end;
        if (sscanf(p + 1, "%4d%c%2d%c%2d%c", &y, &sep1, &m, &sep2, &d, &end) == 6 && sep1 == sep2 &&
            (sep1 == '/' || sep1 == '-') && (end == '/' || end == '-' || end == '.' || end == '_') &&
            y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
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

/* The most trusted author, passing over one that only repeats the site's
 * name when another source names a person. */
static void choose_author(reader *r)
{
    const char *site = r->field[F_SITE];
    for (int k = 0; k < A_COUNT; k++) {
        const char *a = r->authors[k];
        if (!a)
            continue;
        int is_site = site && word_overlap(a, site) >= 0.99 && word_overlap(site, a) >= 0.99;
        int later = 0;
        for (int m = k + 1; m < A_ORG; m++)
            later |= r->authors[m] != NULL;
        if (is_site && later)
            continue;
        r->field[F_AUTHOR] = a;
        return;
    }
}

static void choose_date(reader *r, chorus__html_meta *out)
{
    for (size_t k = 0; k < sizeof date_trust / sizeof *date_trust; k++) {
        int kind = date_trust[k];
        if (!r->dates[kind])
            continue;
        r->field[F_PUBLISHED] = r->dates[kind];
        out->published_from = kind;
        /* The same day in metadata usually comes with the time of day. */
        char day[32], other[32];
        day_of(r->dates[kind], day);
        for (size_t m = 0; m < sizeof date_precise / sizeof *date_precise; m++) {
            day_of(r->dates[date_precise[m]], other);
            if (other[0] && strcmp(day, other) == 0) {
                r->field[F_PUBLISHED] = r->dates[date_precise[m]];
                break;
            }
        }
        return;
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
        read_url_date(&r, r.field[F_URL]);
    if (!r.failed && page_url)
        read_url_date(&r, page_url);
    if (!r.failed)
        choose_date(&r, out);
    offer_names(&r, &r.meta_names, A_META);
    offer_names(&r, &r.micro_names, A_MICRODATA);
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
