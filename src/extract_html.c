/* extract_html.c - the main text of an HTML page, as paragraphs, without its navigation and other furniture.
 *
 * Three steps over the tree that html_doc.c builds:
 *
 * 1. Furniture is set aside: navigation, page headers and footers, asides,
 *    forms and dialogs by their element or ARIA role, and elements whose
 *    class or id names furniture (share bars, comments, related links,
 *    cookie and newsletter boxes, ads). A page's outer wrappers are often
 *    named that way too ("content has-sidebar"), so an element that holds
 *    most of the page's prose is never set aside by its name alone, nor one
 *    of the same class as such an element.
 * 2. Every block of text (a paragraph, heading, list item, table row) is
 *    weighed: its text outside links counts for it, its link text against
 *    it, and a block mostly made of links counts wholly against it. The
 *    article is the element whose blocks weigh most in sum: wrappers lose
 *    by the menus and link lists they add, a single paragraph by the
 *    paragraphs it leaves out.
 * 3. The blocks of that element, furniture and link lists left out, are the
 *    paragraphs of the article. */
#include "extract_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <xxhash.h>

#include "chorus.h"
#include "text.h"

/* Link text weighs this many times against an element as prose for it. */
#define LINK_PENALTY 2
/* A block whose text is at least this share of links weighs as a link
 * list entry when the article is looked for... */
#define LINK_BLOCK_SHARE 0.5
/* ...but inside the article it is left out only when its text is almost
 * all links: an item with words of its own ("Fluke 117 – a sturdy meter",
 * "See the council's report for the figures") is the article's. */
#define LINK_ITEM_SHARE 0.8
/* Furniture holding at least this share of the page's prose is kept: it is
 * a wrapper of the article, whatever its name says. */
#define WRAPPER_SHARE 0.5
/* An element named as furniture that holds at least this share of the
 * page's prose, with at most this share of link text, is article text. */
#define PROSE_SHARE 0.25
#define PROSE_LINK_SHARE 0.2
/* Hidden elements are set aside when together they hold less than this
 * share of the page's prose. */
#define HIDDEN_SHARE 0.15
/* A section holding at most this share of the prose of a marked article
 * around it is a part of the article, not all of it. */
#define SECTION_SHARE 0.5
/* A paragraph that ends in a colon with at least this many words announces
 * the list after it ("The study drew on three earlier reports:"); a shorter
 * one is a label ("Read more:"). */
#define ANNOUNCE_MIN_WORDS 4
#define ANNOUNCE_SCAN_BYTES 256

/* ---------------------------------------------------------------------- */
/* Names of furniture                                                     */
/* ---------------------------------------------------------------------- */

enum { NAME_FURNITURE = 1, NAME_COMMENTS = 2, NAME_CONTENT = 4 };

/* Words of class and id values that name page furniture, comments, or the
 * article itself ("article-body", "entry-content"). Sorted for bsearch. */
typedef struct {
    const char *word;
    int kind;
} name_word_entry;

static const name_word_entry name_words[] = {
    {"ad", NAME_FURNITURE},
    {"ads", NAME_FURNITURE},
    {"adsense", NAME_FURNITURE},
    {"advert", NAME_FURNITURE},
    {"advertisement", NAME_FURNITURE},
    {"advertising", NAME_FURNITURE},
    {"article", NAME_CONTENT},
    {"author", NAME_FURNITURE},
    {"banner", NAME_FURNITURE},
    {"bio", NAME_FURNITURE},
    {"body", NAME_CONTENT},
    {"breadcrumb", NAME_FURNITURE},
    {"breadcrumbs", NAME_FURNITURE},
    {"byline", NAME_FURNITURE},
    {"comment", NAME_COMMENTS},
    {"commentlist", NAME_COMMENTS},
    {"comments", NAME_COMMENTS},
    {"consent", NAME_FURNITURE},
    {"content", NAME_CONTENT},
    {"cookie", NAME_FURNITURE},
    {"cookies", NAME_FURNITURE},
    {"disqus", NAME_COMMENTS},
    {"entry", NAME_CONTENT},
    {"footer", NAME_FURNITURE},
    {"gdpr", NAME_FURNITURE},
    {"login", NAME_FURNITURE},
    {"main", NAME_CONTENT},
    {"masthead", NAME_FURNITURE},
    {"menu", NAME_FURNITURE},
    {"modal", NAME_FURNITURE},
    {"nav", NAME_FURNITURE},
    {"navbar", NAME_FURNITURE},
    {"navigation", NAME_FURNITURE},
    {"newsletter", NAME_FURNITURE},
    {"outbrain", NAME_FURNITURE},
    {"pager", NAME_FURNITURE},
    {"pagination", NAME_FURNITURE},
    {"popular", NAME_FURNITURE},
    {"popup", NAME_FURNITURE},
    {"post", NAME_CONTENT},
    {"promo", NAME_FURNITURE},
    {"recirc", NAME_FURNITURE},
    {"recommended", NAME_FURNITURE},
    {"related", NAME_FURNITURE},
    {"respond", NAME_COMMENTS},
    {"rss", NAME_FURNITURE},
    {"share", NAME_FURNITURE},
    {"sharing", NAME_FURNITURE},
    {"sidebar", NAME_FURNITURE},
    {"signup", NAME_FURNITURE},
    {"social", NAME_FURNITURE},
    {"sponsor", NAME_FURNITURE},
    {"sponsored", NAME_FURNITURE},
    {"story", NAME_CONTENT},
    {"subscribe", NAME_FURNITURE},
    {"subscription", NAME_FURNITURE},
    {"taboola", NAME_FURNITURE},
    {"tags", NAME_FURNITURE},
    {"text", NAME_CONTENT},
    {"toolbar", NAME_FURNITURE},
    {"trending", NAME_FURNITURE},
};

/* Whole class words that hide text from sight: screen-reader-only text, and
 * the states a site builder's stylesheet hides until a script shows them
 * (Webflow's form success and failure messages, its empty-list notice). */
static const char *const invisible_classes[] = {"sr-only",           "visually-hidden", "visuallyhidden",
                                                "screen-reader-text", "element-invisible", "w-form-done",
                                                "w-form-fail",       "w-dyn-empty"};

static int cmp_name_word(const void *key, const void *elem)
{
    const char *k = key, *w = ((const name_word_entry *)elem)->word;
    /* The first letters settle most steps without a call. */
    if (*k != *w)
        return (unsigned char)*k - (unsigned char)*w;
    return strcmp(k, w);
}

/* NAME_* for one word, 0 for words that name nothing. */
static int name_word(const char *w, size_t len)
{
    if (len < 2 || len > 13)
        return 0;
    const name_word_entry *hit = bsearch(w, name_words, sizeof name_words / sizeof *name_words,
                                         sizeof *name_words, cmp_name_word);
    return hit ? hit->kind : 0;
}

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
            return 1;
    return 0;
}

static int is_topic(const char *w, size_t len)
{
    return (len > 4 && memcmp(w, "tag-", 4) == 0) || (len > 9 && memcmp(w, "category-", 9) == 0);
}

/* Classifies one attribute value (class or id). Words are split at
 * punctuation and at a capital after a small letter ("shareBar"); a word
 * with a digit in it is generated ("b5343ad4") and names nothing. */
static int name_value(const char *v, size_t len)
{
    int found = 0;
    char word[32], whole[40];
    size_t wl = 0, hl = 0;
    int digit = 0, found_before = 0, whole_kinds = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? v[i] : ' ';
        int space = c == ' ' || c == '\t' || c == '\n';
        if (!space && hl < sizeof whole - 1)
            whole[hl++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        int lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', num = c >= '0' && c <= '9';
        int camel = upper && wl > 0 && word[wl - 1] >= 'a' && word[wl - 1] <= 'z';
        if ((!lower && !upper && !num) || camel) {
            if (wl > 0 && wl < sizeof word && !digit) {
                word[wl] = '\0';
                int kind = name_word(word, wl);
                found |= kind & (NAME_FURNITURE | NAME_COMMENTS);
                whole_kinds |= kind;
            }
            wl = 0;
            digit = 0;
        }
        if (lower || upper || num) {
            digit |= num;
            if (wl < sizeof word - 1)
                word[wl++] = (char)(upper ? c + 32 : c);
            else
                wl = sizeof word; /* too long to be one of ours */
        }
        if (space) {
            whole[hl] = '\0';
            if (is_topic(whole, hl))
                /* "category-social-media", "tag-sharing": a topic the page
                 * is filed under (as blog themes add them), not a part of it. */
                found = found_before;
            else if (whole_kinds == NAME_CONTENT)
                found |= NAME_CONTENT; /* made only of article words */
            if (hl && in_list(whole, invisible_classes,
                              sizeof invisible_classes / sizeof *invisible_classes))
                found |= NAME_FURNITURE | NAME_COMMENTS;
            whole_kinds = 0;
            found_before = found;
            hl = 0;
        }
    }
    return found;
}

/* Pages repeat the same class values over hundreds of elements ("menu-item
 * menu-item-type-custom"): each value is read once per page and its
 * verdict remembered, in a table indexed by the value's hash. */
#define NAME_MEMO 512

typedef struct {
    const char *value;
    size_t len;
    int found;
} name_memo;

static int name_value_memo(name_memo *memo, const char *v, size_t len)
{
    if (!memo)
        return name_value(v, len);
    name_memo *m = &memo[XXH3_64bits(v, len) % NAME_MEMO];
    if (m->value && m->len == len && memcmp(m->value, v, len) == 0)
        return m->found;
    m->value = v;
    m->len = len;
    m->found = name_value(v, len);
    return m->found;
}

/* NAME_* of an element's class and id; memo may be NULL. */
static int node_names(const chorus__html_doc *doc, uint32_t n, name_memo *memo)
{
    size_t len;
    int found = 0;
    const char *v = chorus__html_attr(doc, n, CHORUS_ATTR_CLASS, &len);
    if (v)
        found |= name_value_memo(memo, v, len);
    v = chorus__html_attr(doc, n, CHORUS_ATTR_ID, &len);
    if (v)
        found |= name_value_memo(memo, v, len);
    return found;
}

int chorus__html_is_furniture(const chorus__html_doc *doc, uint32_t n)
{
    return node_names(doc, n, NULL) != 0;
}

int chorus__html_names_comments(const chorus__html_doc *doc, uint32_t n)
{
    return (node_names(doc, n, NULL) & NAME_COMMENTS) != 0;
}

/* A dialog drawn over the page (a cookie notice's settings, a newsletter
 * sign-up). Unlike other furniture it is not taken for the article for
 * holding a large share of the page's prose; one holding most of it still
 * is (a page that shows its article in a dialog). */
static int overlay_element(const chorus__html_doc *doc, uint32_t n)
{
    return doc->nodes[n].tag == CHORUS_TAG_DIALOG ||
           chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ROLE, "dialog") ||
           chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ROLE, "alertdialog");
}

/* Furniture by element or ARIA role. */
static int furniture_element(const chorus__html_doc *doc, uint32_t n)
{
    if (overlay_element(doc, n))
        return 1;
    switch (doc->nodes[n].tag) {
    case CHORUS_TAG_NAV:
    case CHORUS_TAG_ASIDE:
    case CHORUS_TAG_FOOTER:
    case CHORUS_TAG_HEADER:
    case CHORUS_TAG_FORM:
    case CHORUS_TAG_MENU:
    case CHORUS_TAG_CONTROL:
        return 1;
    default:
        break;
    }
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search",     "menu",   "menubar",     "toolbar"};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ROLE, roles[i]))
            return 1;
    return 0;
}

/* Elements whose content is never article text, however much of it there
 * is: a <textarea> holds raw markup (the article's HTML offered for
 * republishing, or the rest of the page when it is left open) or a
 * reader's input; a <label> names a form's field ("First Name*"). */
static int invisible_element(int tag)
{
    return tag == CHORUS_TAG_HEAD || tag == CHORUS_TAG_SCRIPT || tag == CHORUS_TAG_TITLE ||
           tag == CHORUS_TAG_INPUT || tag == CHORUS_TAG_META || tag == CHORUS_TAG_LINK ||
           tag == CHORUS_TAG_TEXTAREA || tag == CHORUS_TAG_LABEL;
}

/* Table cells run together into their row: a row is one paragraph. */
static int is_cell(int tag)
{
    return tag == CHORUS_TAG_TD || tag == CHORUS_TAG_TH;
}

static int breaks_text(int tag)
{
    return chorus__html_is_block(tag) && !is_cell(tag);
}

/* ---------------------------------------------------------------------- */
/* Weighing blocks                                                        */
/* ---------------------------------------------------------------------- */

typedef struct weigher {
    const chorus__html_doc *doc;
    size_t n;
    uint32_t *owner;    /* the block element a node's text belongs to */
    uint32_t *chars;    /* blocks: visible characters of their own text */
    uint32_t *links;    /* blocks: of which inside links */
    uint32_t *away;     /* blocks: of which inside links to another site */
    uint8_t *away_link; /* links: 1 when they lead to another site, told once */
    const char *site;   /* the page's own domain ("example.co.uk"), or NULL */
    size_t site_len;
    double *good, *bad; /* subtree sums */
    uint8_t *set_aside; /* elements set aside as furniture */
    uint8_t *gone;      /* set aside, or inside something set aside */
} weigher;

/* Characters that are not white space, counted in bytes of UTF-8: the
 * measure is only compared within one page. */
static uint32_t visible_bytes(const char *s, size_t len)
{
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] != ' ' && s[i] != '\n';
    return n;
}

/* The registrable part of a URL's host: "news.bbc.co.uk" gives "bbc.co.uk",
 * "www.example.com" gives "example.com". A country's second level
 * ("co.uk", "com.au") is told by its short labels. NULL when url is not an
 * absolute http(s) or scheme-relative URL. */
static const char *url_domain(const char *url, size_t len, size_t *out_len)
{
    size_t i = 0;
    if (len >= 2 && url[0] == '/' && url[1] == '/')
        i = 2;
    else if (len >= 7 && strncasecmp(url, "http://", 7) == 0)
        i = 7;
    else if (len >= 8 && strncasecmp(url, "https://", 8) == 0)
        i = 8;
    else
        return NULL;
    size_t end = i;
    while (end < len && url[end] != '/' && url[end] != ':' && url[end] != '?' && url[end] != '#')
        end++;
    if (end > i && url[end - 1] == '.')
        end--;
    /* Dots from the right: the domain is two labels, or three when the
     * last two are short (a country's second level). */
    size_t dots[3] = {0, 0, 0};
    int found = 0;
    for (size_t k = end; k-- > i && found < 3;)
        if (url[k] == '.')
            dots[found++] = k;
    if (!found)
        return NULL;
    size_t start = found >= 2 ? dots[1] + 1 : i;
    int country = end - dots[0] - 1 == 2 && found >= 2 && dots[0] - dots[1] - 1 <= 3;
    if (country)
        start = found >= 3 ? dots[2] + 1 : i;
    if (end - start > 4 && strncasecmp(url + start, "www.", 4) == 0)
        start += 4;
    *out_len = end - start;
    return url + start;
}

typedef struct span {
    const char *s;
    size_t len;
} span;

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = strncasecmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The page's own domain: that of the URL it was fetched from, else of its
 * canonical URL or og:url, else the one most of its absolute links lead
 * to (a site links to itself more than to any other). */
static int find_site(weigher *w, const char *page_url)
{
    const chorus__html_doc *doc = w->doc;
    if (page_url && (w->site = url_domain(page_url, strlen(page_url), &w->site_len)) != NULL)
        return 0;
    size_t links = 0;
    for (size_t i = 1; i < w->n; i++) {
        const chorus__html_node *nd = &doc->nodes[i];
        const char *v = NULL;
        size_t len = 0, kl;
        if (nd->tag == CHORUS_TAG_A) {
            links++;
        } else if (nd->tag == CHORUS_TAG_LINK &&
                   chorus__html_attr_has_word(doc, (uint32_t)i, CHORUS_ATTR_REL, "canonical")) {
            v = chorus__html_attr(doc, (uint32_t)i, CHORUS_ATTR_HREF, &len);
        } else if (nd->tag == CHORUS_TAG_META) {
            const char *key = chorus__html_attr(doc, (uint32_t)i, CHORUS_ATTR_PROPERTY, &kl);
            if (key && kl == 6 && strncasecmp(key, "og:url", 6) == 0)
                v = chorus__html_attr(doc, (uint32_t)i, CHORUS_ATTR_CONTENT, &len);
        }
        if (v && (w->site = url_domain(v, len, &w->site_len)) != NULL)
            return 0;
    }
    if (!links)
        return 0;
    span *domains = malloc(links * sizeof *domains);
    if (!domains)
        return CHORUS_ENOMEM;
    size_t n = 0;
    for (size_t i = 1; i < w->n; i++) {
        size_t len;
        const char *href = doc->nodes[i].tag == CHORUS_TAG_A ? chorus__html_attr(doc, (uint32_t)i, CHORUS_ATTR_HREF, &len)
                                                             : NULL;
        if (href && (domains[n].s = url_domain(href, len, &domains[n].len)) != NULL)
            n++;
    }
    qsort(domains, n, sizeof *domains, cmp_span);
    size_t best = 0;
    for (size_t i = 0, run; i < n; i += run) {
        for (run = 1; i + run < n && cmp_span(&domains[i], &domains[i + run]) == 0; run++)
            ;
        if (run > best) {
            best = run;
            w->site = domains[i].s;
            w->site_len = domains[i].len;
        }
    }
    free(domains);
    return 0;
}

/* Marks the links that lead to another site than the page's own, once:
 * every weighing of the page reads the marks. */
static void mark_away_links(weigher *w)
{
    for (size_t i = 1; i < w->n && w->site; i++) {
        size_t len, dl;
        const char *href = w->doc->nodes[i].tag == CHORUS_TAG_A
                               ? chorus__html_attr(w->doc, (uint32_t)i, CHORUS_ATTR_HREF, &len)
                               : NULL;
        const char *d = href ? url_domain(href, len, &dl) : NULL;
        w->away_link[i] = d && !(dl == w->site_len && strncasecmp(d, w->site, dl) == 0);
    }
}

/* Fills chars/links per block and good/bad per subtree, leaving out what
 * is set aside. */
static void weigh(weigher *w)
{
    const chorus__html_doc *doc = w->doc;
    memset(w->chars, 0, w->n * sizeof *w->chars);
    memset(w->links, 0, w->n * sizeof *w->links);
    memset(w->away, 0, w->n * sizeof *w->away);
    /* Nodes are stored parent before child, so one forward pass passes
     * everything down and one backward pass sums everything up. */
    uint8_t *in_link = (uint8_t *)w->good; /* scratch until the sums below: 1 a link, 2 one away */
    memset(in_link, 0, w->n);
    w->gone[0] = 0;
    for (size_t i = 1; i < w->n; i++) {
        const chorus__html_node *nd = &doc->nodes[i];
        uint32_t p = nd->parent;
        w->gone[i] = w->gone[p] || w->set_aside[i] || invisible_element(nd->tag);
        in_link[i] = in_link[p];
        if (!in_link[i] && nd->tag == CHORUS_TAG_A)
            in_link[i] = w->away_link[i] ? 2 : 1;
        w->owner[i] = breaks_text(nd->tag) ? (uint32_t)i : w->owner[p];
        if (nd->tag == CHORUS_TAG_TEXT && !w->gone[i]) {
            uint32_t v = visible_bytes(doc->text.data + nd->text, nd->text_len);
            w->chars[w->owner[i]] += v;
            if (in_link[i])
                w->links[w->owner[i]] += v;
            if (in_link[i] == 2)
                w->away[w->owner[i]] += v;
        }
    }
    for (size_t i = 0; i < w->n; i++) {
        double c = w->chars[i], l = w->links[i];
        if (c > 0 && l >= c * LINK_BLOCK_SHARE) {
            w->good[i] = 0;
            w->bad[i] = c;
        } else {
            /* Links inside prose are part of it. */
            w->good[i] = c;
            w->bad[i] = 0;
        }
    }
    for (size_t i = w->n; i-- > 1;) {
        uint32_t p = doc->nodes[i].parent;
        w->good[p] += w->good[i];
        w->bad[p] += w->bad[i];
    }
}

/* Marks of the article itself: <main>, <article>, its ARIA role or
 * microdata property, or a class like "article-body" or "entry-content". */
static int content_mark(const chorus__html_doc *doc, uint32_t n, int names)
{
    int tag = doc->nodes[n].tag;
    return tag == CHORUS_TAG_MAIN || tag == CHORUS_TAG_ARTICLE || (names & NAME_CONTENT) ||
           chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ROLE, "main") ||
           chorus__html_attr_has_word(doc, n, CHORUS_ATTR_ITEMPROP, "articlebody");
}

/* Non-zero when two elements have the same class value. */
static int same_class(const chorus__html_doc *doc, uint32_t a, uint32_t b)
{
    size_t al, bl;
    const char *av = chorus__html_attr(doc, a, CHORUS_ATTR_CLASS, &al);
    const char *bv = chorus__html_attr(doc, b, CHORUS_ATTR_CLASS, &bl);
    return av && bv && al == bl && memcmp(av, bv, al) == 0;
}

/* Elements kept as prose that lend their class to others, at most. */
#define PROSE_CLASS_MAX 8

/* An article cut into sections by a box set between them (a call to
 * action, an ad) gives each section the same class: when the name of that
 * class reads as furniture ("content-nav-section"), the larger sections are
 * kept for their prose and the smaller ones must follow. An element set
 * aside is kept when an element of the same tag and class was kept as
 * prose and it has as few links itself. */
static void keep_like_sections(weigher *w, const uint8_t *prose_kept)
{
    const chorus__html_doc *doc = w->doc;
    size_t lenders = 0;
    for (size_t j = 1; j < w->n && lenders < PROSE_CLASS_MAX; j++) {
        if (!prose_kept[j] || !chorus__html_attr(doc, (uint32_t)j, CHORUS_ATTR_CLASS, NULL))
            continue;
        lenders++;
        for (uint32_t i = 1; i < w->n; i++) {
            if (!w->set_aside[i] || doc->nodes[i].tag != doc->nodes[j].tag || w->good[i] <= 0 ||
                w->bad[i] > w->good[i] * PROSE_LINK_SHARE || !same_class(doc, i, (uint32_t)j) ||
                chorus__html_names_comments(doc, i) || overlay_element(doc, i))
                continue;
            w->set_aside[i] = 0;
        }
    }
}

/*
 * Sets aside furniture and hidden elements. Names can mislead: a layout
 * wrapper is named "content has-sidebar", a section "content-nav-section".
 * So an element is kept, whatever its name, when it holds most of the
 * page's prose, when it holds a large share of it with few links (unless it
 * is named as comments, which are prose too), or when it wraps a marked
 * article that holds a large share.
 */
static void set_aside_furniture(weigher *w)
{
    const chorus__html_doc *doc = w->doc;
    memset(w->set_aside, 0, w->n);
    weigh(w);
    double total = w->good[0];
    /* Each element's names, kept in set_aside until each decision replaces
     * them, and the prose of the largest marked article inside it. */
    uint8_t *names = w->set_aside;
    name_memo *memo = calloc(NAME_MEMO, sizeof *memo); /* without it, only slower */
    for (size_t i = 0; i < w->n; i++)
        names[i] = doc->nodes[i].tag == CHORUS_TAG_TEXT ? 0 : (uint8_t)node_names(doc, (uint32_t)i, memo);
    free(memo);
    double *inner = calloc(w->n + 1, sizeof *inner);
    uint8_t *prose_kept = calloc(w->n + 1, 1); /* named as furniture, kept for its prose */
    if (!inner || !prose_kept) {
        free(inner);
        free(prose_kept);
        memset(w->set_aside, 0, w->n);
        weigh(w);
        return;
    }
    for (size_t i = w->n; i-- > 1;) {
        uint32_t p = doc->nodes[i].parent;
        double m = content_mark(doc, (uint32_t)i, names[i]) ? w->good[i] : inner[i];
        if (m > inner[p])
            inner[p] = m;
    }
    /* The prose of hidden elements, each counted once (not again inside
     * another hidden element; prose_kept marks what is hidden, until it is
     * put to its own use below). */
    double hidden_prose = 0;
    for (size_t i = 1; i < w->n; i++) {
        uint32_t p = doc->nodes[i].parent;
        int hidden = (doc->nodes[i].flags & CHORUS_NODE_HIDDEN) != 0;
        if (hidden && !prose_kept[p])
            hidden_prose += w->good[i];
        prose_kept[i] = (uint8_t)(prose_kept[p] || hidden);
    }
    memset(prose_kept, 0, w->n + 1);
    for (size_t i = 1; i < w->n; i++) {
        const chorus__html_node *nd = &doc->nodes[i];
        int kind = names[i];
        names[i] = 0;
        /* Inside <pre>, classes are a syntax highlighter's ("hljs-comment",
         * "token tag"), not the page's furniture. */
        if (nd->tag == CHORUS_TAG_TEXT || nd->tag == CHORUS_TAG_BODY || nd->tag == CHORUS_TAG_HTML ||
            (nd->flags & CHORUS_NODE_PRE))
            continue;
        int named = kind & (NAME_FURNITURE | NAME_COMMENTS);
        /* Hidden elements that hold little of the page's prose are widgets
         * waiting for a script (a menu, a video's details, a notice, a
         * widget's settings); when they hold much of it, they are the text a
         * script reveals (sections unfolded, an article body streamed in
         * chunks) and are weighed like the rest. */
        int hidden = (nd->flags & CHORUS_NODE_HIDDEN) && hidden_prose < total * HIDDEN_SHARE;
        int furniture = named || hidden || furniture_element(doc, (uint32_t)i);
        if (!furniture || total <= 0)
            continue;
        double share = w->good[i] / total;
        int prose = named && !(kind & NAME_COMMENTS) && share >= PROSE_SHARE &&
                    w->bad[i] <= w->good[i] * PROSE_LINK_SHARE && !overlay_element(doc, (uint32_t)i);
        int wraps_article = inner[i] >= total * PROSE_SHARE;
        prose_kept[i] = (uint8_t)prose;
        if (share < WRAPPER_SHARE && !prose && !wraps_article)
            names[i] = 1; /* set_aside and names share one array */
    }
    free(inner);
    keep_like_sections(w, prose_kept);
    free(prose_kept);
    weigh(w);
}

/* The element whose blocks weigh most: prose for it, links against it. */
static uint32_t choose_container(const weigher *w)
{
    uint32_t best = 0;
    double best_score = 0;
    for (size_t i = 1; i < w->n; i++) {
        const chorus__html_node *nd = &w->doc->nodes[i];
        if (nd->tag == CHORUS_TAG_TEXT || w->gone[i])
            continue;
        double score = w->good[i] - LINK_PENALTY * w->bad[i];
        if (score > best_score) {
            best_score = score;
            best = (uint32_t)i;
        }
    }
    /* An article that cites much (lists of links to sources, patches,
     * products) loses to one of its sections above. Inside an element
     * marked as the article its links are its own: the nearest such
     * ancestor is the article when the section holds at most half of its
     * prose and its prose outweighs its links by more than the section's
     * do. */
    if (!best)
        return 0;
    double own = w->good[best] - w->bad[best];
    for (uint32_t p = w->doc->nodes[best].parent; p; p = w->doc->nodes[p].parent) {
        if (w->gone[p] || !content_mark(w->doc, p, node_names(w->doc, p, NULL)))
            continue;
        if (w->good[p] - w->bad[p] > own && w->good[best] <= w->good[p] * SECTION_SHARE)
            return p;
    }
    return best;
}

/* ---------------------------------------------------------------------- */
/* Writing paragraphs                                                     */
/* ---------------------------------------------------------------------- */

typedef struct emitter {
    const weigher *w;
    chorus__html_paras *out;
    chorus__buf para;
    uint32_t para_owner;
    int in_quote;
    unsigned item_number; /* items so far in the innermost ordered list */
    int announced;        /* inside a list under a heading or announced by a paragraph */
    uint32_t text_parent; /* the element of the last text node written */
    int failed;
} emitter;

static uint8_t para_kind(const chorus__html_doc *doc, uint32_t owner, int in_quote)
{
    int tag = doc->nodes[owner].tag;
    if (tag >= CHORUS_TAG_H1 && tag <= CHORUS_TAG_H6)
        return CHORUS_PARA_HEADING;
    if (tag == CHORUS_TAG_LI || tag == CHORUS_TAG_DT || tag == CHORUS_TAG_DD)
        return CHORUS_PARA_ITEM;
    if (tag == CHORUS_TAG_TR)
        return CHORUS_PARA_ROW;
    return in_quote ? CHORUS_PARA_QUOTE : CHORUS_PARA_TEXT;
}

static int trim_char(char c)
{
    return c == ' ' || c == '\n' || c == '|';
}

/* Non-zero when text holds markup attributes (name="value") twice: the
 * inside of a tag that the parser, recovering from markup it could not
 * read ("@click" attribute names, a ">" in an attribute value), let out
 * as text. Code shown on purpose stands in <pre>. */
static int leaked_markup(const char *s, size_t len)
{
    int found = 0;
    for (size_t i = 1; i + 1 < len && found < 2; i++) {
        if (s[i] != '=' || (s[i + 1] != '"' && s[i + 1] != '\''))
            continue;
        char c = s[i - 1];
        found += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '_' || c == ':';
    }
    return found >= 2;
}

/* Non-zero when text is a script's data let out as text: a JSON object
 * (or a list of them) with several quoted keys, written on one line
 * ({"layoutMobile":2,"buttonText":"Buy now",…}), as a widget keeps its
 * settings in a hidden element. Data shown on purpose stands in <pre>. */
static int leaked_json(const char *s, size_t len)
{
    if (len < 2 || !((s[0] == '{') || (s[0] == '[' && s[1] == '{')) || !(s[len - 1] == '}' || s[len - 1] == ']'))
        return 0;
    int keys = 0;
    for (size_t i = 1; i + 1 < len && keys < 3; i++)
        keys += s[i] == '"' && s[i + 1] == ':';
    return keys >= 3 && !memchr(s, '\n', len);
}

/* Adds one paragraph: its single line breaks become spaces. */
static void add_para(emitter *e, const char *s, size_t len)
{
    while (len && trim_char(*s)) {
        s++;
        len--;
    }
    while (len && trim_char(s[len - 1]))
        len--;
    if (!len || e->failed)
        return;
    if (!(e->w->doc->nodes[e->para_owner].flags & CHORUS_NODE_PRE) && (leaked_markup(s, len) || leaked_json(s, len)))
        return;
    chorus__html_paras *t = e->out;
    chorus__para p = {t->text.len, 0, para_kind(e->w->doc, e->para_owner, e->in_quote)};
    for (size_t i = 0; i < len && !e->failed; i++) {
        char c = s[i] == '\n' ? ' ' : s[i];
        if (c == ' ' && t->text.len > p.start && t->text.data[t->text.len - 1] == ' ')
            continue;
        e->failed = chorus__buf_putc(&t->text, c) != 0;
    }
    p.len = t->text.len - p.start;
    if (e->failed || chorus__buf_putc(&t->text, '\0') ||
        CHORUS_PUSH(t->paras, t->para_count, t->para_cap, p))
        e->failed = 1;
}

/* Ends the paragraph being built. Two line breaks in a row (<br><br>)
 * separate paragraphs; blocks that are link lists are left out. */
static void flush(emitter *e)
{
    const weigher *w = e->w;
    uint32_t o = e->para_owner;
    /* A list of links to other sites that the article announces holds what
     * it cites: studies, sources, products. Links to the site's own pages
     * are a teaser list however they are announced. */
    int link_list = w->chars[o] > 0 && w->links[o] >= w->chars[o] * LINK_ITEM_SHARE &&
                    !(e->announced && w->away[o] >= w->links[o] * LINK_ITEM_SHARE);
    const char *s = e->para.data;
    size_t len = e->para.len, start = 0;
    for (size_t i = 0; !link_list && i < len; i++) {
        if (s[i] != '\n')
            continue;
        size_t j = i + 1;
        while (j < len && s[j] == ' ')
            j++;
        if (j < len && s[j] == '\n') {
            add_para(e, s + start, i - start);
            while (j < len && (s[j] == ' ' || s[j] == '\n'))
                j++;
            start = j;
            i = j - 1;
        }
    }
    if (!link_list && start < len)
        add_para(e, s + start, len - start);
    e->para.len = 0;
}

/* Non-zero when the paragraph just written introduces a list: a heading,
 * or a sentence ending in a colon. */
static int announces(const emitter *e)
{
    const chorus__html_paras *t = e->out;
    if (!t->para_count)
        return 0;
    const chorus__para *p = &t->paras[t->para_count - 1];
    const char *s = t->text.data + p->start;
    if (p->kind == CHORUS_PARA_HEADING)
        return 1;
    if (!p->len || s[p->len - 1] != ':')
        return 0;
    /* Words counted back from the colon, over a bounded stretch: a page of
     * many lists after one long paragraph costs no more than one look. */
    int words = 1;
    for (size_t i = p->len; i-- > 0 && p->len - i <= ANNOUNCE_SCAN_BYTES && words < ANNOUNCE_MIN_WORDS;)
        words += s[i] == ' ';
    return words >= ANNOUNCE_MIN_WORDS;
}

static void put(emitter *e, const char *s, size_t len)
{
    if (!e->failed && chorus__buf_append(&e->para, s, len))
        e->failed = 1;
}

/* Non-zero when text from another element would glue a word ending in a
 * small letter to one opening with a capital: elements set side by side
 * without a space ("<a>Coffeehouse, 17th-century England</a><span>English
 * coffeehouse during …</span>") read as two words. Code keeps its text as
 * written ("get<span>Value</span>"). */
static int glued_words(const emitter *e, const chorus__html_node *nd, const char *t, size_t len)
{
    const chorus__html_doc *doc = e->w->doc;
    if ((nd->flags & CHORUS_NODE_PRE) || doc->nodes[nd->parent].tag == CHORUS_TAG_CODE ||
        doc->nodes[e->text_parent].tag == CHORUS_TAG_CODE)
        return 0;
    size_t end = e->para.len, at = 0;
    int32_t before = chorus__utf8_prev(e->para.data, &end);
    int32_t after = chorus__utf8_next(t, len, &at);
    return chorus__is_lower(before) && chorus__is_upper(after);
}

static void emit(emitter *e, uint32_t n)
{
    const weigher *w = e->w;
    const chorus__html_doc *doc = w->doc;
    const chorus__html_node *nd = &doc->nodes[n];
    if (w->gone[n] || e->failed)
        return;
    if (nd->tag == CHORUS_TAG_TEXT) {
        const char *t = doc->text.data + nd->text;
        if (e->para.len && nd->parent != e->text_parent && glued_words(e, nd, t, nd->text_len))
            put(e, " ", 1);
        put(e, t, nd->text_len);
        e->text_parent = nd->parent;
        return;
    }
    if (nd->tag == CHORUS_TAG_BR) {
        put(e, "\n", 1);
        return;
    }
    if (is_cell(nd->tag) && e->para.len)
        put(e, " | ", 3);
    int brk = breaks_text(nd->tag);
    uint32_t saved_owner = e->para_owner;
    int saved_quote = e->in_quote;
    unsigned saved_number = e->item_number;
    if (nd->tag == CHORUS_TAG_OL)
        e->item_number = 0;
    int saved_announced = e->announced;
    if (brk) {
        flush(e);
        if (nd->tag == CHORUS_TAG_OL || nd->tag == CHORUS_TAG_UL)
            e->announced = announces(e);
        e->para_owner = n;
        e->in_quote |= nd->tag == CHORUS_TAG_BLOCKQUOTE;
        if (nd->tag == CHORUS_TAG_LI && doc->nodes[nd->parent].tag == CHORUS_TAG_OL) {
            /* An ordered list's numbers are part of its text ("2. Mix the flour"). */
            char mark[24];
            int ml = snprintf(mark, sizeof mark, "%u. ", ++e->item_number);
            put(e, mark, (size_t)ml);
        }
    }
    for (uint32_t c = nd->first_child; c; c = doc->nodes[c].next)
        emit(e, c);
    if (brk) {
        flush(e);
        e->para_owner = saved_owner;
        e->in_quote = saved_quote;
    }
    if (nd->tag == CHORUS_TAG_OL)
        e->item_number = saved_number;
    e->announced = saved_announced;
}

int chorus__html_extract(const chorus__html_doc *doc, const char *page_url, chorus__html_paras *out)
{
    weigher w = {0};
    w.doc = doc;
    w.n = doc->node_count;
    w.owner = calloc(w.n + 1, sizeof *w.owner);
    w.chars = calloc(w.n + 1, sizeof *w.chars);
    w.links = calloc(w.n + 1, sizeof *w.links);
    w.away = calloc(w.n + 1, sizeof *w.away);
    w.away_link = calloc(w.n + 1, 1);
    w.good = calloc(w.n + 1, sizeof *w.good);
    w.bad = calloc(w.n + 1, sizeof *w.bad);
    w.set_aside = calloc(w.n + 1, 1);
    w.gone = calloc(w.n + 1, 1);
    int rc = 0;
    if (!w.owner || !w.chars || !w.links || !w.away || !w.away_link || !w.good || !w.bad || !w.set_aside || !w.gone) {
        rc = CHORUS_ENOMEM;
    } else if (w.n > 1 && (rc = find_site(&w, page_url)) == 0) {
        mark_away_links(&w);
        set_aside_furniture(&w);
        out->container = choose_container(&w);
        if (out->container) {
            emitter e = {&w, out, {0}, out->container, 0, 0, 0, 0, 0};
            emit(&e, out->container);
            flush(&e);
            chorus__buf_free(&e.para);
            rc = e.failed ? CHORUS_ENOMEM : 0;
        }
    }
    free(w.owner);
    free(w.chars);
    free(w.links);
    free(w.away);
    free(w.away_link);
    free(w.good);
    free(w.bad);
    free(w.set_aside);
    free(w.gone);
    return rc;
}

void chorus__html_paras_free(chorus__html_paras *t)
{
    chorus__buf_free(&t->text);
    free(t->paras);
    memset(t, 0, sizeof *t);
}
