/* warc.h - reading WARC web archives (.warc, .warc.gz), one article per HTML response record. */
#ifndef CHORUS_WARC_H
#define CHORUS_WARC_H

#include <stddef.h>
#include <stdio.h>

#include "chorus.h"

/*
 * Reads the archive from f, whose first `head_len` bytes were already read
 * into `head`. Each successful HTML response (and each HTML resource record)
 * becomes an article named "PATH#N", N being the record's number in the
 * file, with the record's target URI and date. Damaged and truncated records
 * are reported and skipped. Returns the number of articles added or
 * CHORUS_ENOMEM.
 */
int chorus__read_warc(chorus_corpus *c, const char *path, FILE *f, const unsigned char *head,
                      size_t head_len);

#endif
