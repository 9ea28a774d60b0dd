/* extract_html.h - the main text of an HTML page, as paragraphs, without its navigation and other furniture. */
#ifndef CHORUS_EXTRACT_HTML_H
#define CHORUS_EXTRACT_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "html_doc.h"
#include "util.h"

enum {
    CHORUS_PARA_TEXT = 0,
    CHORUS_PARA_HEADING,
    CHORUS_PARA_ITEM,  /* a list item */
    CHORUS_PARA_QUOTE, /* a block quotation */
    CHORUS_PARA_ROW,   /* a table row, cells separated by " | " */
};

typedef struct chorus__para {
    size_t start, len; /* bytes in the text buffer */
    uint8_t kind;      /* CHORUS_PARA_* */
} chorus__para;

typedef struct chorus__html_paras {
    chorus__buf text; /* paragraphs, each followed by a NUL */
    chorus__para *paras;
    size_t para_count, para_cap;
    uint32_t container; /* the element chosen as holding the article (0: none) */
} chorus__html_paras;

/*
 * Finds the article in a parsed page and appends its paragraphs to `out`
 * (zeroed before first use). `page_url`, the address the page was fetched
 * from, or NULL, tells its links to other sites from its own. Returns 0 or
 * CHORUS_ENOMEM; a page without article text gives no paragraph.
 */
int chorus__html_extract(const chorus__html_doc *doc, const char *page_url, chorus__html_paras *out);

void chorus__html_paras_free(chorus__html_paras *t);

/* Non-zero when a class or id of node `n` names page furniture (navigation,
 * share bars, comments, related links, cookie or newsletter boxes, ads). */
int chorus__html_is_furniture(const chorus__html_doc *doc, uint32_t n);

/* Non-zero when a class or id of node `n` names comments ("comments",
 * "comment-list", "disqus", "respond"). */
int chorus__html_names_comments(const chorus__html_doc *doc, uint32_t n);

#endif
