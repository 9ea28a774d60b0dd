/* read_html.c - reading one HTML page into the corpus: its main text as paragraphs, and its metadata. */
#include "read_html.h"

#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "dates.h"
#include "extract_html.h"
#include "html_doc.h"
#include "html_meta.h"

/* Non-zero when the date `published` lies after the day of `fetched`: a page
 * cannot have been published after it was fetched, so such a date is a
 * misreading (an event announced in the page, a copyright year's end). */
static int after_fetch(const char *published, const char *fetched)
{
    chorus__date p, f;
    size_t at, span;
    if (!published || !fetched || !chorus__date_find(published, strlen(published), &p, &at, &span) ||
        !chorus__date_find(fetched, strlen(fetched), &f, &at, &span))
        return 0;
    p.precision = f.precision = CHORUS_DATE_DAY;
    return chorus__date_days(&p) > chorus__date_days(&f);
}

int chorus__read_html(chorus_corpus *c, const char *path, long line, const char *html, size_t len,
                      const chorus__page_source *src)
{
    chorus__page_source none = {NULL, NULL, NULL};
    if (!src)
        src = &none;
    chorus__html_doc doc;
    int rc = chorus__html_parse(&doc, html, len, src->charset);
    if (rc)
        return rc;
    if (doc.problems & CHORUS_HTML_CUT)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line,
                     "page larger than %u MiB; only the first %u MiB are read",
                     CHORUS_HTML_MAX_BYTES >> 20, CHORUS_HTML_MAX_BYTES >> 20);
    if (doc.problems & CHORUS_HTML_FLATTENED)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line,
                     "elements nested deeper than %d levels were flattened", CHORUS_HTML_MAX_DEPTH);
    chorus__html_paras text = {0};
    chorus__html_meta meta;
    rc = chorus__html_extract(&doc, src->url, &text);
    if (!rc)
        rc = chorus__html_meta_read(&doc, text.container, src->url, c->an.junk, &meta);
    if (rc) {
        chorus__html_paras_free(&text);
        chorus__html_doc_free(&doc);
        return rc;
    }
    const char **paras = malloc((text.para_count + 1) * sizeof *paras);
    size_t *lens = malloc((text.para_count + 1) * sizeof *lens);
    if (!paras || !lens) {
        rc = CHORUS_ENOMEM;
    } else {
        for (size_t i = 0; i < text.para_count; i++) {
            paras[i] = text.text.data + text.paras[i].start;
            lens[i] = text.paras[i].len;
        }
        chorus__input_meta m = {0};
        m.title = meta.title;
        m.url = meta.url ? meta.url : src->url;
        m.source = meta.site;
        m.published = after_fetch(meta.published, src->fetched) ? NULL : meta.published;
        m.language = meta.language;
        m.language_is_declared = 1;
        m.author = meta.author;
        m.fetched = src->fetched;
        rc = chorus__corpus_add_paragraphs(c, path, line, paras, lens, text.para_count, &m);
    }
    free(paras);
    free(lens);
    chorus__html_meta_free(&meta);
    chorus__html_paras_free(&text);
    chorus__html_doc_free(&doc);
    return rc;
}

int chorus_corpus_add_html(chorus_corpus *c, const char *name, const char *html, size_t len,
                           const char *url)
{
    if (!c || !name || (!html && len))
        return CHORUS_EINVAL;
    if (c->analyzed)
        return CHORUS_ESTATE;
    chorus__page_source src = {url, NULL, NULL};
    double t0 = chorus__now();
    int rc = chorus__read_html(c, name, 0, html ? html : "", len, &src);
    chorus__stage_done(c, CHORUS_STAGE_READ, t0);
    return rc;
}
