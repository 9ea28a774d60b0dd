/* zstream.c - a byte stream from a file that inflates gzip members as they come and can skip a damaged one.
 *
 * zlib's gzread() reads concatenated members too, but stops for good at the
 * first damaged byte. Web archives store each record as its own member
 * (Common Crawl's WARC files do), so a damaged member costs one record if
 * the reader can find the next member's header and start again there. */
#include "zstream.h"

#include <string.h>

#include "chorus.h"

/* Reads more input after the `keep` bytes at the start of the window. */
static size_t fill_after(chorus__zstream *s, size_t keep)
{
    size_t room = sizeof s->in - keep, n = 0;
    if (s->head_pos < s->head_len) {
        n = s->head_len - s->head_pos;
        if (n > room)
            n = room;
        memcpy(s->in + keep, s->head + s->head_pos, n);
        s->head_pos += n;
    } else if (s->f) {
        n = fread(s->in + keep, 1, room, s->f);
    }
    if (n == 0)
        s->eof = 1;
    s->z.next_in = s->in;
    s->z.avail_in = (uInt)(keep + n);
    return n;
}

/* Moves more input into z's input window; returns the count available. */
static size_t refill(chorus__zstream *s)
{
    if (s->z.avail_in)
        return s->z.avail_in;
    return fill_after(s, 0);
}

int chorus__zstream_open(chorus__zstream *s, FILE *f, const unsigned char *head, size_t head_len)
{
    memset(s, 0, sizeof *s);
    s->f = f;
    s->head = head;
    s->head_len = head_len;
    int gzip = head_len >= 2 && head[0] == 0x1F && head[1] == 0x8B;
    int zlib = head_len >= 2 && (head[0] & 0x0F) == 8 && ((head[0] << 8) | head[1]) % 31 == 0;
    s->gzip = gzip || zlib;
    if (s->gzip) {
        /* 16 + MAX_WBITS: gzip headers and trailers; MAX_WBITS: zlib's. */
        if (inflateInit2(&s->z, gzip ? 16 + MAX_WBITS : MAX_WBITS) != Z_OK)
            return CHORUS_ENOMEM;
        s->inflating = 1;
    }
    return 0;
}

size_t chorus__zstream_read(chorus__zstream *s, void *buf, size_t n)
{
    if (s->corrupt || n == 0)
        return 0;
    if (!s->gzip) {
        size_t got = 0;
        while (got < n && refill(s)) {
            size_t k = s->z.avail_in < n - got ? s->z.avail_in : n - got;
            memcpy((char *)buf + got, s->z.next_in, k);
            s->z.next_in += k;
            s->z.avail_in -= (uInt)k;
            s->consumed += k;
            got += k;
        }
        return got;
    }
    s->z.next_out = buf;
    s->z.avail_out = (uInt)n;
    while (s->z.avail_out == n) {
        if (!refill(s))
            break;
        if (!s->member_open) {
            s->member_at = s->consumed;
            s->member_open = 1;
        }
        uInt before = s->z.avail_in;
        int rc = inflate(&s->z, Z_NO_FLUSH);
        s->consumed += before - s->z.avail_in;
        if (rc == Z_STREAM_END) {
            /* The next member, if any, starts right after. */
            s->member_open = 0;
            inflateReset(&s->z);
        } else if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR) {
            s->corrupt = 1;
            break;
        } else if (rc == Z_BUF_ERROR && s->z.avail_in) {
            s->corrupt = 1;
            break;
        }
    }
    return n - s->z.avail_out;
}

int chorus__zstream_resync(chorus__zstream *s)
{
    if (!s->gzip)
        return 0;
    /* Skip at least one byte, then look for the magic number and the
     * deflate method that open every member. */
    int skipped = 0;
    for (;;) {
        if (!refill(s))
            return 0;
        while (s->z.avail_in) {
            if (skipped && s->z.next_in[0] == 0x1F) {
                /* Three bytes tell; when the window ends sooner, keep
                 * what it has in front of the next read. */
                if (s->z.avail_in < 3) {
                    size_t k = s->z.avail_in;
                    memmove(s->in, s->z.next_in, k);
                    if (!fill_after(s, k))
                        return 0;
                    continue;
                }
                if (s->z.next_in[1] == 0x8B && s->z.next_in[2] == 0x08) {
                    inflateReset(&s->z);
                    s->corrupt = 0;
                    s->member_open = 0;
                    return 1;
                }
            }
            s->z.next_in++;
            s->z.avail_in--;
            s->consumed++;
            skipped = 1;
        }
    }
}

int chorus__zstream_read_all(chorus__zstream *s, chorus__buf *out, size_t limit)
{
    size_t start = out->len;
    while (out->len - start <= limit) {
        if (chorus__grow((void **)&out->data, &out->cap, out->len + CHORUS_ZSTREAM_CHUNK + 1, 1))
            return CHORUS_ENOMEM;
        size_t got = chorus__zstream_read(s, out->data + out->len, CHORUS_ZSTREAM_CHUNK);
        if (got == 0)
            break;
        out->len += got;
    }
    if (out->data)
        out->data[out->len] = '\0';
    return 0;
}

void chorus__zstream_close(chorus__zstream *s)
{
    if (s->inflating)
        inflateEnd(&s->z);
    s->inflating = 0;
}
