/* html_doc.h - an HTML page as a compact tree of elements and text, filled by libxml2's HTML parser. */
#ifndef CHORUS_HTML_DOC_H
#define CHORUS_HTML_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* The elements the extractor tells apart; every other element is OTHER. */
enum {
    CHORUS_TAG_TEXT = 0, /* a text node, not an element */
    CHORUS_TAG_ROOT,     /* the document itself (node 0) */
    CHORUS_TAG_OTHER,
    CHORUS_TAG_A,
    CHORUS_TAG_ADDRESS,
    CHORUS_TAG_ARTICLE,
    CHORUS_TAG_ASIDE,
    CHORUS_TAG_B,
    CHORUS_TAG_BLOCKQUOTE,
    CHORUS_TAG_BODY,
    CHORUS_TAG_BR,
    CHORUS_TAG_CAPTION,
    CHORUS_TAG_CENTER,
    CHORUS_TAG_CODE,
    CHORUS_TAG_CONTROL, /* form controls, media, embedded objects, noscript: no article text */
    CHORUS_TAG_DD,
    CHORUS_TAG_DETAILS,
    CHORUS_TAG_DIALOG,
    CHORUS_TAG_DIV,
    CHORUS_TAG_DL,
    CHORUS_TAG_DT,
    CHORUS_TAG_EM,
    CHORUS_TAG_FIELDSET,
    CHORUS_TAG_FIGCAPTION,
    CHORUS_TAG_FIGURE,
    CHORUS_TAG_FOOTER,
    CHORUS_TAG_FORM,
    CHORUS_TAG_H1,
    CHORUS_TAG_H2,
    CHORUS_TAG_H3,
    CHORUS_TAG_H4,
    CHORUS_TAG_H5,
    CHORUS_TAG_H6,
    CHORUS_TAG_HEAD,
    CHORUS_TAG_HEADER,
    CHORUS_TAG_HR,
    CHORUS_TAG_HTML,
    CHORUS_TAG_I,
    CHORUS_TAG_IMG,
    CHORUS_TAG_INPUT,
    CHORUS_TAG_LABEL,
    CHORUS_TAG_LI,
    CHORUS_TAG_LINK,
    CHORUS_TAG_MAIN,
    CHORUS_TAG_MENU,
    CHORUS_TAG_META,
    CHORUS_TAG_NAV,
    CHORUS_TAG_OL,
    CHORUS_TAG_P,
    CHORUS_TAG_PRE,
    CHORUS_TAG_SCRIPT, /* kept only for JSON-LD; other scripts are dropped */
    CHORUS_TAG_SECTION,
    CHORUS_TAG_SPAN,
    CHORUS_TAG_STRONG,
    CHORUS_TAG_SUMMARY,
    CHORUS_TAG_TABLE,
    CHORUS_TAG_TBODY,
    CHORUS_TAG_TD,
    CHORUS_TAG_TEXTAREA, /* its text is raw markup or a reader's input, never the page's text */
    CHORUS_TAG_TFOOT,
    CHORUS_TAG_TH,
    CHORUS_TAG_THEAD,
    CHORUS_TAG_TIME,
    CHORUS_TAG_TITLE,
    CHORUS_TAG_TR,
    CHORUS_TAG_UL,
    CHORUS_TAG_COUNT
};

/* The attributes kept; every other attribute is dropped while parsing. */
enum {
    CHORUS_ATTR_CLASS,
    CHORUS_ATTR_ID,
    CHORUS_ATTR_ROLE,
    CHORUS_ATTR_ITEMPROP,
    CHORUS_ATTR_ITEMTYPE,
    CHORUS_ATTR_REL,
    CHORUS_ATTR_HREF,
    CHORUS_ATTR_NAME,
    CHORUS_ATTR_PROPERTY,
    CHORUS_ATTR_CONTENT,
    CHORUS_ATTR_DATETIME,
    CHORUS_ATTR_LANG,
    CHORUS_ATTR_TYPE,
    CHORUS_ATTR_HTTP_EQUIV,
    CHORUS_ATTR_COUNT
};

enum {
    /* hidden, display:none or visibility:hidden; not aria-hidden, which
     * screen readers skip but sighted readers see */
    CHORUS_NODE_HIDDEN = 1 << 0,
    CHORUS_NODE_PRE = 1 << 1,    /* text inside <pre>: line breaks kept */
};

/* One element or text node. Links are node indices; 0 means none, since
 * node 0, the document, is nobody's child or sibling. */
typedef struct chorus__html_node {
    uint32_t parent, first_child, last_child, next;
    uint32_t text, text_len;  /* text nodes: bytes in doc->text */
    uint32_t attrs;           /* elements: index of the first attribute in doc->attrs */
    uint16_t attr_count;
    uint16_t depth;
    uint8_t tag;              /* CHORUS_TAG_* */
    uint8_t flags;            /* CHORUS_NODE_* */
} chorus__html_node;

typedef struct chorus__html_attr {
    uint32_t value, len; /* bytes in doc->text */
    uint8_t name;        /* CHORUS_ATTR_* */
} chorus__html_attribute;

/* What parsing had to give up, for the caller's diagnostics. */
enum {
    CHORUS_HTML_CUT = 1 << 0,     /* the page was longer than the byte limit and cut */
    CHORUS_HTML_FLATTENED = 1 << 1, /* elements nested deeper than the limit were flattened */
};

typedef struct chorus__html_doc {
    chorus__html_node *nodes; /* nodes[0] is the document */
    size_t node_count, node_cap;
    chorus__html_attribute *attrs;
    size_t attr_count, attr_cap;
    chorus__buf text;         /* text and attribute values, UTF-8, whitespace collapsed */
    unsigned problems;        /* CHORUS_HTML_* */
    char encoding[40];        /* the character encoding the page was read in */
} chorus__html_doc;

/* Longest page read; the rest is cut (CHORUS_HTML_CUT). */
#define CHORUS_HTML_MAX_BYTES (16u << 20)
/* Deepest element kept; deeper ones are flattened into it (CHORUS_HTML_FLATTENED). */
#define CHORUS_HTML_MAX_DEPTH 256

/*
 * Parses an HTML page (any bytes: broken markup is recovered) into `doc`,
 * which must be zeroed or freed before. The character encoding is, in order:
 * a byte-order mark, `transport_charset` (the HTTP header's, or NULL), a
 * charset declared in the page's first bytes (<meta charset>, http-equiv,
 * XML declaration), else UTF-8 when the bytes are valid UTF-8 and
 * windows-1252 otherwise. Returns 0 or CHORUS_ENOMEM.
 */
int chorus__html_parse(chorus__html_doc *doc, const char *bytes, size_t len,
                       const char *transport_charset);

/* Releases the tree; the doc is zeroed and reusable. */
void chorus__html_doc_free(chorus__html_doc *doc);

/* The value of an attribute of node `n`, or NULL; *len receives its length. */
const char *chorus__html_attr(const chorus__html_doc *doc, uint32_t n, int name, size_t *len);

/* Non-zero when `word` (lower case) is one of the space-separated words of
 * the attribute's value, compared without case. */
int chorus__html_attr_has_word(const chorus__html_doc *doc, uint32_t n, int name, const char *word);

/* Non-zero for elements that break the flow of text (paragraphs, list
 * items, cells, containers); zero for inline ones (links, emphasis, spans)
 * and for elements chorus does not tell apart. */
int chorus__html_is_block(int tag);

/* Appends the text of the subtree of `n` to `out`, hidden nodes left out,
 * each block boundary as one space. 0 or CHORUS_ENOMEM. */
int chorus__html_node_text(const chorus__html_doc *doc, uint32_t n, chorus__buf *out);

/* The same, with a space where two text nodes would join a letter to a
 * letter: pages set a category and a date side by side in two elements
 * ("<span>Editorial</span><span>November 22, 2018</span>"), and the word
 * "EditorialNovember" would hide the month. Dates are read in this text;
 * names and titles keep the plain one, where "<b>W</b>ord" is one word. */
int chorus__html_node_text_spaced(const chorus__html_doc *doc, uint32_t n, chorus__buf *out);

/* The text of a headline element: as chorus__html_node_text, without the
 * dates (<time>) and lesser headings that themes set inside it
 * ("<h1><time>Dec 18 2025</time> Preparing a transition</h1>"). */
int chorus__html_headline_text(const chorus__html_doc *doc, uint32_t n, chorus__buf *out);

/* Non-zero when the bytes look like an HTML page: a doctype, <html>, <head>
 * or <body> near the start. */
int chorus__html_sniff(const char *bytes, size_t len);

#endif
