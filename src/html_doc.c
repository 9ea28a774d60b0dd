/* html_doc.c - an HTML page as a compact tree of elements and text, filled by libxml2's HTML parser.
 *
 * libxml2 does the hard part: tokenising any markup and recovering from
 * broken nesting. It is handed UTF-8 only: the page is converted first
 * (iconv, each undecodable byte becoming U+FFFD), since libxml2 2.9 reports
 * conversion errors on its global error channel, which a library must not
 * take over. Its SAX events
 * fill a tree of our own rather than libxml2's DOM: one array of small nodes
 * and one text buffer, with scripts, styles and other content no reader sees
 * dropped on the way, so that a page costs a few allocations instead of one
 * per node and attribute, and its depth is bounded. The contents of scripts
 * and style sheets, and the attributes no reader uses, are cut out before
 * the parser sees them (see strip_unread()). */
#define _GNU_SOURCE /* memmem */
#include "html_doc.h"

#include <errno.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "text.h"

/* Bytes at the start of a page searched for a declared charset. */
#define CHARSET_SCAN_BYTES 8192
/* Longest attribute value kept; longer ones are cut. */
#define MAX_ATTR_BYTES 65535

enum { TAGF_SKIP = 1 }; /* the element and all it holds are dropped */

typedef struct {
    const char *name;
    uint8_t tag;
    uint8_t flags;
} tag_spec;

/* Sorted by name for bsearch. Style sheets and scripts are skipped whole:
 * libxml2 reads them as raw text, so they cannot swallow the page. Controls
 * and embedded objects are kept as elements, since an unclosed one (a
 * <button> around a menu) can hold the rest of the page. */
static const tag_spec tag_specs[] = {
    {"a", CHORUS_TAG_A, 0},
    {"address", CHORUS_TAG_ADDRESS, 0},
    {"applet", CHORUS_TAG_CONTROL, 0},
    {"article", CHORUS_TAG_ARTICLE, 0},
    {"aside", CHORUS_TAG_ASIDE, 0},
    {"audio", CHORUS_TAG_CONTROL, 0},
    {"b", CHORUS_TAG_B, 0},
    {"blockquote", CHORUS_TAG_BLOCKQUOTE, 0},
    {"body", CHORUS_TAG_BODY, 0},
    {"br", CHORUS_TAG_BR, 0},
    {"button", CHORUS_TAG_CONTROL, 0},
    {"canvas", CHORUS_TAG_CONTROL, 0},
    {"caption", CHORUS_TAG_CAPTION, 0},
    {"center", CHORUS_TAG_CENTER, 0},
    {"code", CHORUS_TAG_CODE, 0},
    {"datalist", CHORUS_TAG_CONTROL, 0},
    {"dd", CHORUS_TAG_DD, 0},
    {"details", CHORUS_TAG_DETAILS, 0},
    {"dialog", CHORUS_TAG_DIALOG, 0},
    {"div", CHORUS_TAG_DIV, 0},
    {"dl", CHORUS_TAG_DL, 0},
    {"dt", CHORUS_TAG_DT, 0},
    {"em", CHORUS_TAG_EM, 0},
    {"embed", CHORUS_TAG_CONTROL, 0},
    {"fieldset", CHORUS_TAG_FIELDSET, 0},
    {"figcaption", CHORUS_TAG_FIGCAPTION, 0},
    {"figure", CHORUS_TAG_FIGURE, 0},
    {"footer", CHORUS_TAG_FOOTER, 0},
    {"form", CHORUS_TAG_FORM, 0},
    {"frameset", CHORUS_TAG_CONTROL, 0},
    {"h1", CHORUS_TAG_H1, 0},
    {"h2", CHORUS_TAG_H2, 0},
    {"h3", CHORUS_TAG_H3, 0},
    {"h4", CHORUS_TAG_H4, 0},
    {"h5", CHORUS_TAG_H5, 0},
    {"h6", CHORUS_TAG_H6, 0},
    {"head", CHORUS_TAG_HEAD, 0},
    {"header", CHORUS_TAG_HEADER, 0},
    {"hr", CHORUS_TAG_HR, 0},
    {"html", CHORUS_TAG_HTML, 0},
    {"i", CHORUS_TAG_I, 0},
    {"iframe", CHORUS_TAG_CONTROL, 0},
    {"img", CHORUS_TAG_IMG, 0},
    {"input", CHORUS_TAG_INPUT, 0},
    {"label", CHORUS_TAG_LABEL, 0},
    {"li", CHORUS_TAG_LI, 0},
    {"link", CHORUS_TAG_LINK, 0},
    {"main", CHORUS_TAG_MAIN, 0},
    {"map", CHORUS_TAG_CONTROL, 0},
    {"math", CHORUS_TAG_CONTROL, 0},
    {"menu", CHORUS_TAG_MENU, 0},
    {"meta", CHORUS_TAG_META, 0},
    {"nav", CHORUS_TAG_NAV, 0},
    {"noembed", CHORUS_TAG_CONTROL, 0},
    {"noframes", CHORUS_TAG_CONTROL, 0},
    {"noscript", CHORUS_TAG_CONTROL, 0},
    {"object", CHORUS_TAG_CONTROL, 0},
    {"ol", CHORUS_TAG_OL, 0},
    {"option", CHORUS_TAG_CONTROL, 0},
    {"p", CHORUS_TAG_P, 0},
    {"pre", CHORUS_TAG_PRE, 0},
    {"script", CHORUS_TAG_SCRIPT, 0},
    {"section", CHORUS_TAG_SECTION, 0},
    {"select", CHORUS_TAG_CONTROL, 0},
    {"span", CHORUS_TAG_SPAN, 0},
    {"strong", CHORUS_TAG_STRONG, 0},
    {"style", CHORUS_TAG_OTHER, TAGF_SKIP},
    {"summary", CHORUS_TAG_SUMMARY, 0},
    {"svg", CHORUS_TAG_CONTROL, 0},
    {"table", CHORUS_TAG_TABLE, 0},
    {"tbody", CHORUS_TAG_TBODY, 0},
    {"td", CHORUS_TAG_TD, 0},
    {"template", CHORUS_TAG_CONTROL, 0},
    {"textarea", CHORUS_TAG_TEXTAREA, 0},
    {"tfoot", CHORUS_TAG_TFOOT, 0},
    {"th", CHORUS_TAG_TH, 0},
    {"thead", CHORUS_TAG_THEAD, 0},
    {"time", CHORUS_TAG_TIME, 0},
    {"title", CHORUS_TAG_TITLE, 0},
    {"tr", CHORUS_TAG_TR, 0},
    {"ul", CHORUS_TAG_UL, 0},
    {"video", CHORUS_TAG_CONTROL, 0},
};

static const char *const attr_names[CHORUS_ATTR_COUNT] = {
    [CHORUS_ATTR_CLASS] = "class",       [CHORUS_ATTR_ID] = "id",
    [CHORUS_ATTR_ROLE] = "role",         [CHORUS_ATTR_ITEMPROP] = "itemprop",
    [CHORUS_ATTR_ITEMTYPE] = "itemtype", [CHORUS_ATTR_REL] = "rel",
    [CHORUS_ATTR_HREF] = "href",         [CHORUS_ATTR_NAME] = "name",
    [CHORUS_ATTR_PROPERTY] = "property", [CHORUS_ATTR_CONTENT] = "content",
    [CHORUS_ATTR_DATETIME] = "datetime", [CHORUS_ATTR_LANG] = "lang",
    [CHORUS_ATTR_TYPE] = "type",         [CHORUS_ATTR_HTTP_EQUIV] = "http-equiv",
};

static int cmp_tag(const void *key, const void *elem)
{
    return strcmp(key, ((const tag_spec *)elem)->name);
}

static const tag_spec *find_tag(const char *name)
{
    return bsearch(name, tag_specs, sizeof tag_specs / sizeof tag_specs[0], sizeof tag_specs[0],
                   cmp_tag);
}

static int lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Does s[0..len) start with `word` (lower case), in any case? */
static int starts_with_nocase(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower_ascii((unsigned char)s[i]) != word[i])
            return 0;
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Character encoding                                                     */
/* ---------------------------------------------------------------------- */

/* Returns 1 when every byte of s belongs to a well-formed UTF-8 sequence
 * (a sequence cut by the end of s counts as well-formed: pages are cut at a
 * byte limit), and sets *multibyte when any sequence is longer than one
 * byte. */
static int valid_utf8(const unsigned char *s, size_t len, int *multibyte)
{
    size_t whole = chorus__utf8_valid_prefix((const char *)s, len, multibyte);
    if (whole == len)
        return 1;
    size_t n = chorus__utf8_sequence_length(s[whole]);
    return n > 0 && whole + n > len;
}

/* Appends U+FFFD, the replacement character. */
static int put_replacement(chorus__buf *out)
{
    return chorus__buf_append(out, "\xEF\xBF\xBD", 3);
}

/* Copies UTF-8 text, each byte that is not part of a well-formed sequence
 * replaced by U+FFFD. */
static int repair_utf8(const unsigned char *s, size_t len, chorus__buf *out)
{
    size_t i = 0, run = 0;
    while (i < len) {
        int multibyte;
        size_t n = s[i] < 0x80 ? 1 : s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2;
        if (s[i] < 0x80 || (i + n <= len && valid_utf8(s + i, n, &multibyte) && multibyte)) {
            i += n;
            continue;
        }
        if (chorus__buf_append(out, (const char *)s + run, i - run) || put_replacement(out))
            return CHORUS_ENOMEM;
        i++;
        run = i;
    }
    return chorus__buf_append(out, (const char *)s + run, len - run);
}

/* Converts text in `encoding` to UTF-8 with iconv, each byte it cannot
 * decode replaced by U+FFFD. */
static int to_utf8(const char *s, size_t len, const char *encoding, chorus__buf *out)
{
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1)
        return repair_utf8((const unsigned char *)s, len, out);
    if (chorus__grow((void **)&out->data, &out->cap, len * 2 + 16, 1)) {
        iconv_close(cd);
        return CHORUS_ENOMEM;
    }
    char *in = (char *)s;
    size_t left = len;
    int rc = 0;
    while (left > 0 && !rc) {
        char *dst = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &left, &dst, &room);
        out->len = (size_t)(dst - out->data);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            rc = chorus__grow((void **)&out->data, &out->cap, out->cap * 2, 1);
        } else {
            /* An undecodable or cut sequence: one byte replaced, go on. */
            in++;
            left--;
            if (chorus__grow((void **)&out->data, &out->cap, out->len + 8, 1) == 0)
                rc = put_replacement(out);
            else
                rc = CHORUS_ENOMEM;
        }
    }
    iconv_close(cd);
    if (!rc && out->data)
        out->data[out->len] = '\0';
    return rc;
}

/* Aliases that browsers decode with a larger encoding (the WHATWG Encoding
 * Standard), and labels iconv does not know. */
static const struct {
    const char *label, *name;
} charset_aliases[] = {
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"latin-1", "WINDOWS-1252"},    {"us-ascii", "WINDOWS-1252"},  {"ascii", "WINDOWS-1252"},
    {"iso_8859-1", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},    {"x-cp1252", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"}, {"utf8", "UTF-8"},            {"utf-8", "UTF-8"},
    /* A page that declares UTF-16 in its own ASCII bytes is not UTF-16. */
    {"utf-16", "UTF-8"},            {"utf-16le", "UTF-8"},         {"utf-16be", "UTF-8"},
    {"unicode", "UTF-8"},           {"gb2312", "GBK"},             {"x-gbk", "GBK"},
    {"csgb2312", "GBK"},            {"chinese", "GBK"},            {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},         {"x-sjis", "CP932"},           {"sjis", "CP932"},
    {"ms_kanji", "CP932"},          {"windows-31j", "CP932"},      {"euc-kr", "CP949"},
    {"ks_c_5601-1987", "CP949"},    {"windows-949", "CP949"},      {"iso-8859-9", "WINDOWS-1254"},
    {"tis-620", "CP874"},           {"iso-8859-11", "CP874"},
};

/* Turns a declared label into a name libxml2 (through iconv) knows. Returns
 * 0 when the label names no encoding chorus can use. */
static int charset_name(const char *label, size_t len, char out[40])
{
    while (len && (*label == ' ' || *label == '"' || *label == '\'')) {
        label++;
        len--;
    }
    while (len && (label[len - 1] == ' ' || label[len - 1] == '"' || label[len - 1] == '\''))
        len--;
    if (len == 0 || len >= 40)
        return 0;
    char low[40];
    for (size_t i = 0; i < len; i++)
        low[i] = (char)lower_ascii((unsigned char)label[i]);
    low[len] = '\0';
    for (size_t i = 0; i < sizeof charset_aliases / sizeof charset_aliases[0]; i++)
        if (strcmp(low, charset_aliases[i].label) == 0) {
            strcpy(out, charset_aliases[i].name);
            return 1;
        }
    for (size_t i = 0; i <= len; i++)
        out[i] = low[i] >= 'a' && low[i] <= 'z' ? (char)(low[i] - 32) : low[i];
    iconv_t cd = iconv_open("UTF-8", out);
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}

/* Finds "charset=NAME" (or "encoding=" in an XML declaration) inside the
 * first markup of the page: the value's start and length. */
static int declared_charset(const char *s, size_t len, const char **name, size_t *name_len)
{
    if (len > CHARSET_SCAN_BYTES)
        len = CHARSET_SCAN_BYTES;
    for (size_t i = 0; i + 8 < len; i++) {
        if (s[i] != '<')
            continue;
        int meta = starts_with_nocase(s + i + 1, len - i - 1, "meta");
        int xml = i == 0 && memcmp(s, "<?xml", 5) == 0;
        if (!meta && !xml)
            continue;
        const char *key = meta ? "charset" : "encoding";
        size_t klen = strlen(key);
        const char *end = memchr(s + i, '>', len - i);
        size_t tag_end = end ? (size_t)(end - s) : len;
        for (size_t j = i + 5; j + klen < tag_end; j++) {
            if (!starts_with_nocase(s + j, tag_end - j, key))
                continue;
            size_t v = j + klen;
            while (v < tag_end && s[v] == ' ')
                v++;
            if (v >= tag_end || s[v] != '=')
                continue;
            v++;
            while (v < tag_end && (s[v] == ' ' || s[v] == '"' || s[v] == '\''))
                v++;
            size_t e = v;
            while (e < tag_end && s[e] != '"' && s[e] != '\'' && s[e] != ';' && s[e] != ' ' &&
                   s[e] != '/' && s[e] != '?')
                e++;
            if (e > v) {
                *name = s + v;
                *name_len = e - v;
                return 1;
            }
        }
    }
    return 0;
}

/* Chooses the encoding (see chorus__html_parse) and the bytes to skip (a
 * byte-order mark). */
static size_t choose_encoding(const char *bytes, size_t len, const char *transport, char out[40])
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        strcpy(out, "UTF-8");
        return 3;
    }
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        strcpy(out, "UTF-16LE");
        return 2;
    }
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        strcpy(out, "UTF-16BE");
        return 2;
    }
    const char *name;
    size_t name_len;
    int known = (transport && charset_name(transport, strlen(transport), out)) ||
                (declared_charset(bytes, len, &name, &name_len) && charset_name(name, name_len, out));
    int multibyte;
    /* Pages often declare Latin-1 (or nothing) and are written in UTF-8:
     * valid multi-byte UTF-8 is never an accident of a single-byte text. */
    if (!known || strcmp(out, "WINDOWS-1252") == 0) {
        if (valid_utf8(u, len, &multibyte) && (multibyte || !known))
            strcpy(out, "UTF-8");
        else if (!known)
            strcpy(out, "WINDOWS-1252");
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Building the tree from SAX events                                      */
/* ---------------------------------------------------------------------- */

/* libxml2 hands out element and attribute names from its dictionary, so a
 * name seen once comes back as the same pointer: a small cache keyed by the
 * pointer saves looking the name up again. */
#define NAME_CACHE 128

typedef struct builder {
    chorus__html_doc *doc;
    struct {
        const xmlChar *name;
        const tag_spec *spec; /* NULL: not one of ours */
    } tags[NAME_CACHE];
    struct {
        const xmlChar *name;
        int id; /* CHORUS_ATTR_*, -1 for none, -2 for hidden, -3 for style */
    } attrs[NAME_CACHE];
    uint32_t *open; /* elements open, innermost last */
    size_t open_count, open_cap;
    size_t skip_depth;    /* > 0 inside a skipped element */
    size_t flat_depth;    /* elements open below the depth limit */
    int in_pre;
    int space_pending;    /* the text so far ends with collapsed white space */
    int amp_pending;      /* the last text handed over was a lone "&" */
    int failed;           /* out of memory: stop */
    htmlParserCtxtPtr ctxt;
} builder;

static void fail(builder *b)
{
    b->failed = 1;
    xmlStopParser(b->ctxt);
}

static uint32_t new_node(builder *b, uint8_t tag)
{
    chorus__html_doc *d = b->doc;
    if (chorus__grow((void **)&d->nodes, &d->node_cap, d->node_count + 1, sizeof *d->nodes)) {
        fail(b);
        return 0;
    }
    uint32_t id = (uint32_t)d->node_count++;
    chorus__html_node *n = &d->nodes[id];
    memset(n, 0, sizeof *n);
    n->tag = tag;
    uint32_t parent = b->open_count ? b->open[b->open_count - 1] : 0;
    n->parent = parent;
    n->depth = (uint16_t)b->open_count;
    if (id != 0) {
        chorus__html_node *p = &d->nodes[parent];
        if (p->last_child)
            d->nodes[p->last_child].next = id;
        else
            p->first_child = id;
        p->last_child = id;
    }
    return id;
}

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static void add_attr(builder *b, uint32_t node, int name, const char *value)
{
    chorus__html_doc *d = b->doc;
    size_t len = strlen(value);
    if (len > MAX_ATTR_BYTES)
        len = MAX_ATTR_BYTES;
    chorus__html_attribute a = {(uint32_t)d->text.len, (uint32_t)len, (uint8_t)name};
    if (chorus__buf_append(&d->text, value, len) ||
        CHORUS_PUSH(d->attrs, d->attr_count, d->attr_cap, a)) {
        fail(b);
        return;
    }
    if (d->nodes[node].attr_count == 0)
        d->nodes[node].attrs = (uint32_t)(d->attr_count - 1);
    d->nodes[node].attr_count++;
}

/* An inline style that hides the element. */
static int style_hides(const char *style)
{
    char buf[256];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof buf; p++)
        if (!is_space_byte((unsigned char)*p))
            buf[n++] = (char)lower_ascii((unsigned char)*p);
    buf[n] = '\0';
    return strstr(buf, "display:none") != NULL || strstr(buf, "visibility:hidden") != NULL;
}

static size_t cache_slot(const xmlChar *name)
{
    return ((uintptr_t)name >> 4) % NAME_CACHE;
}

static const tag_spec *lookup_tag(builder *b, const xmlChar *name)
{
    size_t k = cache_slot(name);
    if (b->tags[k].name != name) {
        b->tags[k].name = name;
        b->tags[k].spec = find_tag((const char *)name);
    }
    return b->tags[k].spec;
}

enum { ATTR_NONE = -1, ATTR_HIDDEN = -2, ATTR_STYLE = -3 };

/* The attribute's id (CHORUS_ATTR_*, ATTR_HIDDEN, ATTR_STYLE), ATTR_NONE
 * for one no reader uses; `name` is in small letters. */
static int attr_id(const char *name, size_t len)
{
    if (len == 6 && memcmp(name, "hidden", 6) == 0)
        return ATTR_HIDDEN;
    if (len == 5 && memcmp(name, "style", 5) == 0)
        return ATTR_STYLE;
    for (int i = 0; i < CHORUS_ATTR_COUNT; i++)
        if (strlen(attr_names[i]) == len && memcmp(name, attr_names[i], len) == 0)
            return i;
    return ATTR_NONE;
}

static int lookup_attr(builder *b, const xmlChar *name)
{
    size_t k = cache_slot(name);
    if (b->attrs[k].name != name) {
        b->attrs[k].name = name;
        b->attrs[k].id = attr_id((const char *)name, strlen((const char *)name));
    }
    return b->attrs[k].id;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    builder *b = ((htmlParserCtxtPtr)ctx)->_private;
    if (b->failed)
        return;
    if (b->skip_depth) {
        b->skip_depth++;
        return;
    }
    const tag_spec *spec = lookup_tag(b, name);
    uint8_t tag = spec ? spec->tag : CHORUS_TAG_OTHER;
    if (spec && (spec->flags & TAGF_SKIP)) {
        b->skip_depth = 1;
        return;
    }
    if (tag == CHORUS_TAG_SCRIPT) {
        /* Only structured data (JSON-LD) is worth keeping from scripts. */
        const char *type = NULL;
        for (size_t i = 0; atts && atts[i]; i += 2)
            if (strcmp((const char *)atts[i], "type") == 0)
                type = (const char *)atts[i + 1];
        if (!type || strstr(type, "ld+json") == NULL) {
            b->skip_depth = 1;
            return;
        }
    }
    if (b->open_count >= CHORUS_HTML_MAX_DEPTH) {
        b->flat_depth++;
        b->doc->problems |= CHORUS_HTML_FLATTENED;
        return;
    }
    uint32_t id = new_node(b, tag);
    if (b->failed)
        return;
    if (CHORUS_PUSH(b->open, b->open_count, b->open_cap, id)) {
        fail(b);
        return;
    }
    chorus__html_node *parent = &b->doc->nodes[b->doc->nodes[id].parent];
    /* Only <pre> passes down; hidden elements hide their subtree. */
    b->doc->nodes[id].flags = parent->flags & CHORUS_NODE_PRE;
    if (tag == CHORUS_TAG_PRE)
        b->doc->nodes[id].flags |= CHORUS_NODE_PRE;
    for (size_t i = 0; atts && atts[i] && !b->failed; i += 2) {
        const char *av = (const char *)atts[i + 1];
        int k = lookup_attr(b, atts[i]);
        if (k == ATTR_HIDDEN || (k == ATTR_STYLE && av && style_hides(av)))
            b->doc->nodes[id].flags |= CHORUS_NODE_HIDDEN;
        else if (k >= 0 && av)
            add_attr(b, id, k, av);
    }
}

static void on_end(void *ctx, const xmlChar *name)
{
    builder *b = ((htmlParserCtxtPtr)ctx)->_private;
    (void)name;
    if (b->failed)
        return;
    if (b->skip_depth) {
        b->skip_depth--;
        return;
    }
    if (b->flat_depth) {
        b->flat_depth--;
        return;
    }
    if (b->open_count)
        b->open_count--;
}

/*
 * The character that `name` stands for when written without its semicolon,
 * as UTF-8 in `out`, or 0 bytes. libxml2 2.9 leaves "&nbsp" or "&copy 2024"
 * as text, handing the "&" and the name over as two pieces; browsers still
 * read the names of HTML 4's Latin-1 characters and &amp, &lt, &gt and &quot
 * that way, and so does chorus (any other name needs its semicolon).
 */
static size_t legacy_reference(const xmlChar *name, int len, char out[4])
{
    char key[8];
    if (len <= 0 || (size_t)len >= sizeof key)
        return 0;
    memcpy(key, name, (size_t)len);
    key[len] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)key);
    if (!e)
        return 0;
    int latin1 = e->value >= 0xA0 && e->value <= 0xFF;
    int markup = e->value == '&' || e->value == '<' || e->value == '>' || e->value == '"';
    if (!latin1 && !markup)
        return 0;
    if (e->value < 0x80) {
        out[0] = (char)e->value;
        return 1;
    }
    out[0] = (char)(0xC0 | e->value >> 6);
    out[1] = (char)(0x80 | (e->value & 0x3F));
    return 2;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    builder *b = ((htmlParserCtxtPtr)ctx)->_private;
    if (b->failed || b->skip_depth || len <= 0)
        return;
    chorus__html_doc *d = b->doc;
    /* A lone "&" that follows a semicolon is "&amp;" read, not the start
     * of a reference left unread ("&amp;nbsp" writes "&nbsp" on purpose). */
    const xmlParserInput *in = ((htmlParserCtxtPtr)ctx)->input;
    int after_amp = b->amp_pending;
    b->amp_pending = len == 1 && ch[0] == '&' && in && in->cur > in->base && in->cur[-1] != ';';
    if (after_amp && d->text.len && d->text.data[d->text.len - 1] == '&') {
        char decoded[4];
        size_t n = legacy_reference(ch, len, decoded);
        uint32_t last = d->nodes[b->open_count ? b->open[b->open_count - 1] : 0].last_child;
        if (n && last && d->nodes[last].tag == CHORUS_TAG_TEXT && d->nodes[last].text_len &&
            d->nodes[last].text + d->nodes[last].text_len == d->text.len) {
            d->text.data[--d->text.len] = '\0';
            d->nodes[last].text_len--;
            on_text(ctx, (const xmlChar *)decoded, (int)n);
            b->amp_pending = 0;
            return;
        }
    }
    uint32_t parent = b->open_count ? b->open[b->open_count - 1] : 0;
    int pre = (d->nodes[parent].flags & CHORUS_NODE_PRE) != 0;
    /* Continue the last text node when the parser splits one text in pieces. */
    chorus__html_node *p = &d->nodes[parent];
    uint32_t node = p->last_child;
    if (!node || d->nodes[node].tag != CHORUS_TAG_TEXT ||
        d->nodes[node].text + d->nodes[node].text_len != d->text.len) {
        node = new_node(b, CHORUS_TAG_TEXT);
        if (b->failed)
            return;
        d->nodes[node].text = (uint32_t)d->text.len;
        d->nodes[node].flags = d->nodes[parent].flags & CHORUS_NODE_PRE;
    }
    if (chorus__grow((void **)&d->text.data, &d->text.cap, d->text.len + (size_t)len + 2, 1)) {
        fail(b);
        return;
    }
    /* White space collapses to one space (a no-break space too); inside
     * <pre> line breaks stay. A space left pending at the end of one text
     * opens the next, so that words of adjacent elements stay apart while
     * "<b>Hel</b>lo" stays one word. */
    char *out = d->text.data + d->text.len;
    size_t n = 0;
    const unsigned char *s = ch;
    for (int i = 0; i < len; i++) {
        unsigned char c = s[i];
        int nbsp = c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0;
        if (is_space_byte(c) || nbsp) {
            i += nbsp;
            if (pre && c == '\n') {
                while (n && out[n - 1] == ' ')
                    n--;
                out[n++] = '\n';
                b->space_pending = 0;
            } else {
                b->space_pending = 1;
            }
            continue;
        }
        if (b->space_pending && !(n && out[n - 1] == '\n'))
            out[n++] = ' ';
        b->space_pending = 0;
        out[n++] = (char)c;
    }
    d->text.len += n;
    d->text.data[d->text.len] = '\0';
    d->nodes[node].text_len += (uint32_t)n;
}

/* ---------------------------------------------------------------------- */
/* Scripts and style sheets                                               */
/* ---------------------------------------------------------------------- */

static size_t skip_blanks(const char *s, size_t limit, size_t i)
{
    while (i < limit && is_space_byte((unsigned char)s[i]))
        i++;
    return i;
}

/* The position after an attribute value that opens with a quote at s[i]:
 * after its closing quote, or `limit` when it never closes; i itself when
 * s[i] is no quote. */
static size_t quoted_value_end(const char *s, size_t limit, size_t i)
{
    if (i >= limit || (s[i] != '"' && s[i] != '\''))
        return i;
    const char *q = memchr(s + i + 1, s[i], limit - i - 1);
    return q ? (size_t)(q - s) + 1 : limit;
}

/* The position just after the '>' closing the tag that opens at s[at], with
 * quoted attribute values read whole ("a>b" is a value, not a tag's end),
 * or len when the tag never closes. */
static size_t tag_end(const char *s, size_t len, size_t at)
{
    size_t i = at + 1;
    while (i < len && s[i] != '>') {
        if (s[i] == '=') {
            i = quoted_value_end(s, len, skip_blanks(s, len, i + 1));
            continue;
        }
        i++;
    }
    return i < len ? i + 1 : len;
}

/* A byte of an attribute's or element's name as libxml2 reads names. */
static int name_byte(unsigned char c, int first)
{
    int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return letter || c == '_' || c == ':' || c == '.' || (!first && ((c >= '0' && c <= '9') || c == '-'));
}

/* The first end tag named `name` at or after `from`, in any case, or len.
 * An end tag whose name only begins the same ("</scripts>") closes
 * nothing: libxml2 reads it to its first '>' (past a real end tag, if one
 * comes first) and goes on reading the element's text after it. */
static size_t raw_text_end(const char *s, size_t len, size_t from, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = from; i + 1 < len;) {
        const char *lt = memchr(s + i, '<', len - i - 1);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (s[i + 1] != '/' || !starts_with_nocase(s + i + 2, len - i - 2, name)) {
            i++;
            continue;
        }
        if (i + 2 + nl >= len || !name_byte((unsigned char)s[i + 2 + nl], 0))
            return i;
        const char *gt = memchr(s + i + 2, '>', len - i - 2);
        if (!gt)
            break;
        i = (size_t)(gt - s) + 1;
    }
    return len;
}

/* Non-zero when a tag's attributes stop at s[i]: "/>", ">" or its end. */
static int tag_closes(const char *s, size_t end, size_t i)
{
    return i >= end || s[i] == '>' || (s[i] == '/' && i + 1 < end && s[i + 1] == '>');
}

/*
 * Leaves out of the copy the attributes of the start tag s[at..end) that
 * no reader of the page uses (srcset, data-*, an SVG path's d, ...: about
 * a quarter of a typical page's markup once scripts are gone), copying
 * s[*copied..] up to each. The tag is read as libxml2 reads it; from
 * anything it would read another way (a name it does not take, such as
 * Alpine's "@click", which it skips to the next space even inside quotes,
 * or a '/' inside the tag) the rest of the tag is left as it is.
 */
static int strip_attributes(const char *s, size_t at, size_t end, chorus__buf *out, size_t *copied)
{
    size_t i = at + 1;
    while (i < end && name_byte((unsigned char)s[i], i == at + 1))
        i++;
    if (!tag_closes(s, end, i) && !is_space_byte((unsigned char)s[i]))
        return 0;
    for (;;) {
        i = skip_blanks(s, end, i);
        if (tag_closes(s, end, i) || !name_byte((unsigned char)s[i], 1))
            return 0;
        size_t name = i;
        while (i < end && name_byte((unsigned char)s[i], 0))
            i++;
        size_t name_len = i - name, j = skip_blanks(s, end, i);
        if (j < end && s[j] == '=') {
            size_t value = skip_blanks(s, end, j + 1);
            j = quoted_value_end(s, end, value);
            if (j == end)
                return 0; /* a quote the tag does not close */
            if (j == value) {
                while (j < end && !is_space_byte((unsigned char)s[j]) && s[j] != '>')
                    j++;
                if (j == value)
                    return 0;
            }
            i = j;
        } else if (!tag_closes(s, end, i) && !is_space_byte((unsigned char)s[i])) {
            return 0;
        }
        char folded[16];
        int read = 0;
        if (name_len < sizeof folded) {
            for (size_t k = 0; k < name_len; k++)
                folded[k] = (char)lower_ascii((unsigned char)s[name + k]);
            read = attr_id(folded, name_len) != ATTR_NONE;
        }
        /* The space before it stays: "<a x=1" + "rel=..." would be one name. */
        if (!read) {
            if (chorus__buf_append(out, s + *copied, name - *copied))
                return CHORUS_ENOMEM;
            *copied = i;
        }
    }
}

/* Non-zero when a <script> start tag declares JSON-LD, its '+' written as
 * it is or as a character reference ("ld&#x2B;json"). */
static int declares_jsonld(const char *tag, size_t len)
{
    static const char *const forms[] = {"ld+json", "ld&#x2b;json", "ld&#43;json", "ld&plus;json"};
    for (size_t i = 0; i < len; i++)
        for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
            if (starts_with_nocase(tag + i, len - i, forms[k]))
                return 1;
    return 0;
}

/*
 * Copies the page to `out` without what no reader of it uses: the contents
 * of its <script> and <style> elements, JSON-LD excepted, and the
 * attributes chorus does not read (see strip_attributes()). They are more
 * than half the bytes of a typical page, and the HTML parser would read
 * them character by character only for chorus to drop them. The elements
 * themselves stay, so the tree is the same. A page where nothing is
 * dropped is not copied (out stays empty). The scan follows libxml2's
 * tokenizer where it matters: start tags are read with their quoted
 * values, end tags to their first '>', comments are skipped whole, an
 * element's text runs to its own end tag (see raw_text_end()), and an
 * element written empty ("<script/>"), never closed, or whose text opens
 * with another end tag is left as it is.
 */
static int strip_unread(const char *s, size_t len, chorus__buf *out)
{
    size_t copied = 0, i = 0;
    while (i < len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = memmem(s + i + 4, len - i - 4, "-->", 3);
            if (!end)
                break;
            i = (size_t)(end - s) + 3;
            continue;
        }
        char next = i + 1 < len ? s[i + 1] : 0;
        int letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        if (next == '/') {
            /* An end tag runs to its first '>', quoted or not; "</" and no
             * name is text. */
            if (i + 2 >= len || !name_byte((unsigned char)s[i + 2], 1)) {
                i += 2;
                continue;
            }
            const char *gt = memchr(s + i + 2, '>', len - i - 2);
            if (!gt)
                break;
            i = (size_t)(gt - s) + 1;
            continue;
        }
        if (!letter && next != '!' && next != '?') {
            i++;
            continue;
        }
        size_t end = tag_end(s, len, i);
        if (end >= len)
            break;
        const char *name = NULL;
        if (letter) {
            if (starts_with_nocase(s + i + 1, len - i - 1, "script"))
                name = "script";
            else if (starts_with_nocase(s + i + 1, len - i - 1, "style"))
                name = "style";
        }
        /* The name runs as far as name bytes do: "<script@ ..." opens a
         * script, "<scripts>" does not. */
        if (name && name_byte((unsigned char)s[i + 1 + strlen(name)], 0))
            name = NULL;
        if (!name && letter && strip_attributes(s, i, end, out, &copied))
            return CHORUS_ENOMEM;
        if (!name || s[end - 2] == '/') {
            i = end;
            continue;
        }
        size_t close = raw_text_end(s, len, end, name);
        if (close >= len)
            break; /* never closed: the parser reads to the end as it will */
        /* Text that opens with another end tag is not read as the
         * element's: libxml2 reads that end tag first, and it may close the
         * element's parents and the element with them. */
        if (close != end && s[end] == '<' && s[end + 1] == '/') {
            i = end;
            continue;
        }
        int keep = strcmp(name, "script") == 0 && declares_jsonld(s + i, end - i);
        if (!keep && close > end) {
            if (chorus__buf_append(out, s + copied, end - copied))
                return CHORUS_ENOMEM;
            copied = close;
        }
        i = close; /* at its end tag */
    }
    if (out->data && chorus__buf_append(out, s + copied, len - copied))
        return CHORUS_ENOMEM;
    return 0;
}

int chorus__html_parse(chorus__html_doc *doc, const char *bytes, size_t len,
                       const char *transport_charset)
{
    memset(doc, 0, sizeof *doc);
    if (len > CHORUS_HTML_MAX_BYTES) {
        len = CHORUS_HTML_MAX_BYTES;
        doc->problems |= CHORUS_HTML_CUT;
    }
    size_t skip = choose_encoding(bytes, len, transport_charset, doc->encoding);
    bytes += skip;
    len -= skip;
    chorus__buf utf8 = {0};
    int multibyte;
    if (strcmp(doc->encoding, "UTF-8") != 0 || !valid_utf8((const unsigned char *)bytes, len, &multibyte)) {
        int rc = strcmp(doc->encoding, "UTF-8") == 0
                     ? repair_utf8((const unsigned char *)bytes, len, &utf8)
                     : to_utf8(bytes, len, doc->encoding, &utf8);
        if (rc) {
            chorus__buf_free(&utf8);
            return rc;
        }
        bytes = utf8.data ? utf8.data : "";
        len = utf8.len;
    }

    chorus__buf stripped = {0};
    if (strip_unread(bytes, len, &stripped)) {
        chorus__buf_free(&utf8);
        return CHORUS_ENOMEM;
    }
    if (stripped.data) {
        bytes = stripped.data;
        len = stripped.len;
    }

    builder b = {0};
    b.doc = doc;
    xmlInitParser();
    b.ctxt = htmlNewParserCtxt();
    if (!b.ctxt) {
        chorus__buf_free(&utf8);
        chorus__buf_free(&stripped);
        return CHORUS_ENOMEM;
    }
    /* Our handlers replace the tree builder; errors and warnings go nowhere
     * (no handler), and the parser's own global handlers stay untouched. */
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    *b.ctxt->sax = sax;
    b.ctxt->_private = &b;
    if (new_node(&b, CHORUS_TAG_ROOT) != 0 || b.failed) {
        htmlFreeParserCtxt(b.ctxt);
        chorus__buf_free(&utf8);
        chorus__buf_free(&stripped);
        return CHORUS_ENOMEM;
    }
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_IGNORE_ENC;
    /* libxml2 takes an int length: the byte limit keeps far below it. */
    htmlDocPtr tree = htmlCtxtReadMemory(b.ctxt, bytes, (int)len, NULL, "UTF-8", opts);
    if (tree) /* not built by our handlers, but free whatever a default made */
        xmlFreeDoc(tree);
    htmlFreeParserCtxt(b.ctxt);
    chorus__buf_free(&utf8);
    chorus__buf_free(&stripped);
    free(b.open);
    if (b.failed) {
        chorus__html_doc_free(doc);
        return CHORUS_ENOMEM;
    }
    return 0;
}

void chorus__html_doc_free(chorus__html_doc *doc)
{
    free(doc->nodes);
    free(doc->attrs);
    chorus__buf_free(&doc->text);
    memset(doc, 0, sizeof *doc);
}

/* ---------------------------------------------------------------------- */
/* Reading the tree                                                       */
/* ---------------------------------------------------------------------- */

const char *chorus__html_attr(const chorus__html_doc *doc, uint32_t n, int name, size_t *len)
{
    const chorus__html_node *node = &doc->nodes[n];
    for (uint32_t i = 0; i < node->attr_count; i++) {
        const chorus__html_attribute *a = &doc->attrs[node->attrs + i];
        if (a->name == name) {
            if (len)
                *len = a->len;
            return doc->text.data + a->value;
        }
    }
    if (len)
        *len = 0;
    return NULL;
}

int chorus__html_attr_has_word(const chorus__html_doc *doc, uint32_t n, int name, const char *word)
{
    size_t len, wl = strlen(word);
    const char *v = chorus__html_attr(doc, n, name, &len);
    for (size_t i = 0; v && i < len;) {
        while (i < len && is_space_byte((unsigned char)v[i]))
            i++;
        size_t s = i;
        while (i < len && !is_space_byte((unsigned char)v[i]))
            i++;
        if (i - s == wl) {
            size_t k = 0;
            while (k < wl && lower_ascii((unsigned char)v[s + k]) == word[k])
                k++;
            if (k == wl)
                return 1;
        }
    }
    return 0;
}

int chorus__html_is_block(int tag)
{
    switch (tag) {
    case CHORUS_TAG_TEXT: case CHORUS_TAG_A: case CHORUS_TAG_B: case CHORUS_TAG_CODE:
    case CHORUS_TAG_EM: case CHORUS_TAG_I: case CHORUS_TAG_IMG: case CHORUS_TAG_INPUT:
    case CHORUS_TAG_LABEL: case CHORUS_TAG_SPAN: case CHORUS_TAG_STRONG: case CHORUS_TAG_TIME:
    case CHORUS_TAG_OTHER:
        return 0;
    default:
        return 1;
    }
}

/* A byte that may belong to a word: an ASCII letter or part of a UTF-8
 * sequence (letters beyond ASCII). */
static int word_byte(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

enum { TEXT_SPACED = 1, TEXT_HEADLINE = 2 };

static int node_text(const chorus__html_doc *doc, uint32_t n, int how, chorus__buf *out)
{
    const chorus__html_node *node = &doc->nodes[n];
    int spaced = how & TEXT_SPACED;
    if ((node->flags & CHORUS_NODE_HIDDEN) || node->tag == CHORUS_TAG_CONTROL || node->tag == CHORUS_TAG_TEXTAREA)
        return 0;
    if ((how & TEXT_HEADLINE) && (node->tag == CHORUS_TAG_TIME || (node->tag >= CHORUS_TAG_H2 && node->tag <= CHORUS_TAG_H6)))
        return 0;
    if (node->tag == CHORUS_TAG_TEXT) {
        const char *t = doc->text.data + node->text;
        if (spaced && node->text_len && out->len && word_byte(out->data[out->len - 1]) && word_byte(t[0]) &&
            chorus__buf_putc(out, ' '))
            return CHORUS_ENOMEM;
        return chorus__buf_append(out, t, node->text_len);
    }
    int block = chorus__html_is_block(node->tag);
    if (block && out->len && out->data[out->len - 1] != ' ' && chorus__buf_putc(out, ' '))
        return CHORUS_ENOMEM;
    for (uint32_t c = node->first_child; c; c = doc->nodes[c].next)
        if (node_text(doc, c, how, out))
            return CHORUS_ENOMEM;
    if (block && out->len && out->data[out->len - 1] != ' ' && chorus__buf_putc(out, ' '))
        return CHORUS_ENOMEM;
    return 0;
}

int chorus__html_node_text(const chorus__html_doc *doc, uint32_t n, chorus__buf *out)
{
    return node_text(doc, n, 0, out);
}

int chorus__html_node_text_spaced(const chorus__html_doc *doc, uint32_t n, chorus__buf *out)
{
    return node_text(doc, n, TEXT_SPACED, out);
}

int chorus__html_headline_text(const chorus__html_doc *doc, uint32_t n, chorus__buf *out)
{
    return node_text(doc, n, TEXT_HEADLINE, out);
}

int chorus__html_sniff(const char *bytes, size_t len)
{
    const unsigned char *u = (const unsigned char *)bytes;
    size_t i = 0;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        i = 3;
    while (i < len && is_space_byte(u[i]))
        i++;
    if (i >= len || u[i] != '<')
        return 0;
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"};
    size_t end = len < 2048 ? len : 2048;
    for (size_t j = i; j < end; j++) {
        if (u[j] != '<')
            continue;
        for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
            if (starts_with_nocase(bytes + j, end - j, marks[m]))
                return 1;
    }
    return 0;
}
