/* html_meta.h - an HTML page's metadata: title, authors, publication date, site, canonical URL, language. */
#ifndef CHORUS_HTML_META_H
#define CHORUS_HTML_META_H

#include <stdint.h>

#include "arena.h"
#include "html_doc.h"
#include "junk.h"

/* Strings in `mem`, UTF-8, trimmed; NULL when the page does not say. */
typedef struct chorus__html_meta {
    chorus__arena mem;
    const char *title;     /* the headline, without a " | Site" suffix */
    const char *author;    /* "Jane Doe" or "Jane Doe, John Roe" */
    const char *published; /* as the page writes it ("2024-08-13T23:14:00+02:00", "Aug 13, 2024") */
    const char *site;      /* the outlet's name */
    const char *url;       /* canonical URL */
    const char *language;  /* as declared ("en-GB") */
    int published_from;    /* which source the date came from (html_meta.c's D_*), for tests */
} chorus__html_meta;

/*
 * Reads the metadata of a parsed page. `container` is the element the
 * extractor chose as the article (0 when none); `page_url` is the address
 * the page was fetched from (or NULL), used for dates in the path and as the
 * URL when the page names no canonical one. `junk` recognises date lines.
 * Each field is taken from the most trusted source that has it, in this
 * order: JSON-LD (schema.org), then OpenGraph and other <meta> tags, then
 * microdata and the visible page (<h1>, <time>, bylines, date lines near the
 * headline), then the URL, then a date labelled as the publication or
 * standing beside the author's byline anywhere in the page. A modified date
 * is never taken for the publication date, nor a date from a script.
 * Returns 0 or CHORUS_ENOMEM.
 */
int chorus__html_meta_read(const chorus__html_doc *doc, uint32_t container, const char *page_url,
                           chorus__junk *junk, chorus__html_meta *out);

void chorus__html_meta_free(chorus__html_meta *m);

#endif
