/* zstream.h - a byte stream from a file that inflates gzip members as they come and can skip a damaged one. */
#ifndef CHORUS_ZSTREAM_H
#define CHORUS_ZSTREAM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <zlib.h>

#include "util.h"

#define CHORUS_ZSTREAM_CHUNK 65536

typedef struct chorus__zstream {
    FILE *f;
    const unsigned char *head; /* bytes already read from f, consumed first */
    size_t head_len, head_pos;
    unsigned char in[CHORUS_ZSTREAM_CHUNK];
    z_stream z;
    int gzip;          /* the input is compressed: gzip (one or more members) or zlib */
    int inflating;     /* z is initialised */
    int member_open;   /* inside a member: its end has not been read */
    int corrupt;       /* inflate met damaged data (see chorus__zstream_resync) */
    int eof;           /* no more input */
    uint64_t consumed; /* input bytes consumed so far (compressed offset) */
    uint64_t member_at; /* input offset of the current member */
} chorus__zstream;

/* Starts reading f (or, when f is NULL, `head` alone), whose first
 * `head_len` bytes were already read into `head` (kept, not copied: it must
 * outlive the stream). gzip is recognised by its magic number, a zlib
 * stream (HTTP's "deflate" coding) by its header. Returns 0 or
 * CHORUS_ENOMEM. */
int chorus__zstream_open(chorus__zstream *s, FILE *f, const unsigned char *head, size_t head_len);

/*
 * Reads up to n bytes. Returns the count read, 0 at the end of the input or
 * when damaged data stops the stream: s->corrupt is then set, and
 * s->member_open tells whether the input ended inside a member (a
 * truncated file).
 */
size_t chorus__zstream_read(chorus__zstream *s, void *buf, size_t n);

/* After damaged data: skips to the next gzip member's header and goes on
 * there. Returns 1 when one was found, 0 at the end of the input. */
int chorus__zstream_resync(chorus__zstream *s);

/* Appends what is left of the stream to `out`, stopping once more than
 * `limit` bytes were appended. Returns 0 or CHORUS_ENOMEM; damage or a cut
 * end show in s->corrupt and s->member_open as after chorus__zstream_read. */
int chorus__zstream_read_all(chorus__zstream *s, chorus__buf *out, size_t limit);

void chorus__zstream_close(chorus__zstream *s);

#endif
