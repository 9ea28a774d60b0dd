/* read_web.h - telling web inputs apart and reading them: HTML pages and WARC archives, plain or gzip-compressed. */
#ifndef CHORUS_READ_WEB_H
#define CHORUS_READ_WEB_H

#include <stddef.h>
#include <stdio.h>

#include "chorus.h"

enum { CHORUS_WEB_NONE = 0, CHORUS_WEB_HTML, CHORUS_WEB_WARC, CHORUS_WEB_GZIP_OTHER };

/* Non-zero for names a directory walk reads as web inputs (.html, .htm,
 * .xhtml, .warc, each also with .gz). */
int chorus__web_name(const char *name);

/*
 * What the input is, from its name and first bytes: an HTML page, a WARC
 * archive (either maybe gzip-compressed), gzip data holding something else,
 * or none of these.
 */
int chorus__web_kind(const char *path, const unsigned char *head, size_t head_len);

/* Reads a web input of kind `kind` from f, whose first bytes are `head`.
 * Returns the number of articles added or CHORUS_ENOMEM. */
int chorus__read_web(chorus_corpus *c, const char *path, FILE *f, const unsigned char *head,
                     size_t head_len, int kind);

#endif
