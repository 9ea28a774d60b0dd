/* read_text.h - reading a plain-text article: paragraphs, headline, date line, outlet. */
#ifndef CHORUS_READ_TEXT_H
#define CHORUS_READ_TEXT_H

#include <stddef.h>

#include "article.h"
#include "junk.h"

/*
 * Reads clean UTF-8 text (see chorus__text_clean) into `a`: splits it into
 * paragraphs (joining hard-wrapped lines), takes the first headline-like line
 * as the title unless `a` already has one, the first date line near the top
 * or bottom as the publication date unless one is set, and the outlet from a
 * " | Outlet" title suffix or a copyright line unless one is set. Returns 0
 * or CHORUS_ENOMEM.
 */
int chorus__read_text(chorus__article *a, chorus__junk *j, const char *text, size_t len);

/* Splits a title of the form "Headline | Outlet": returns the headline length
 * and sets *outlet and *outlet_len (to NULL and 0 when there is no such suffix). */
size_t chorus__split_title(const char *title, size_t len, const char **outlet, size_t *outlet_len);

#endif
