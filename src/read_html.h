/* read_html.h - reading one HTML page into the corpus: its main text as paragraphs, and its metadata. */
#ifndef CHORUS_READ_HTML_H
#define CHORUS_READ_HTML_H

#include <stddef.h>

#include "chorus.h"

/* What the transport says about a page (a WARC record's headers); any
 * field may be NULL. */
typedef struct chorus__page_source {
    const char *url;     /* where the page was fetched from */
    const char *charset; /* the charset of the HTTP Content-Type header */
    const char *fetched; /* when it was fetched (ISO 8601) */
} chorus__page_source;

/*
 * Parses the page, finds its article and metadata and adds it to the corpus
 * under the name `path` (`line` as for chorus__corpus_add_raw). A page cut
 * at the size limit or flattened below the depth limit is reported. Returns
 * 1 when added, 0 when the page held no article (reported), or CHORUS_ENOMEM.
 */
int chorus__read_html(chorus_corpus *c, const char *path, long line, const char *html, size_t len,
                      const chorus__page_source *src);

#endif
