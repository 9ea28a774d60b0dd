/* warc.c - reading WARC web archives (.warc, .warc.gz), one article per HTML response record.
 *
 * The archive is read as a stream, one record at a time: only the record at
 * hand is held in memory, and only its first CHORUS_HTML_MAX_BYTES. A damaged
 * or truncated record is reported with its number and byte offset and
 * skipped; reading goes on at the next record (in a .warc.gz, the next gzip
 * member). */
#include "warc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "corpus.h"
#include "html_doc.h"
#include "read_html.h"
#include "util.h"
#include "zstream.h"

/* Longest header block of a record or of its HTTP response. */
#define MAX_HEADER_BYTES 65536
/* Longest page body kept from a record (the rest is skipped). */
#define MAX_BODY_BYTES CHORUS_HTML_MAX_BYTES

typedef struct warc_reader {
    chorus_corpus *c;
    const char *path;
    chorus__zstream z;
    unsigned char *buf; /* decompressed bytes not yet parsed: buf[pos..len) */
    size_t pos, len, cap;
    long record;        /* 1-based number of the record being read */
    uint64_t offset;    /* input offset where it began */
} warc_reader;

/* Makes at least `want` bytes available at buf+pos (fewer at the end).
 * Returns the count available. */
static size_t have(warc_reader *r, size_t want)
{
    if (r->len - r->pos >= want)
        return r->len - r->pos;
    if (r->pos) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap < want + CHORUS_ZSTREAM_CHUNK) {
        size_t cap = want + CHORUS_ZSTREAM_CHUNK;
        unsigned char *nb = realloc(r->buf, cap);
        if (!nb)
            return r->len - r->pos;
        r->buf = nb;
        r->cap = cap;
    }
    while (r->len < want) {
        size_t got = chorus__zstream_read(&r->z, r->buf + r->len, r->cap - r->len);
        if (got == 0)
            break;
        r->len += got;
    }
    return r->len - r->pos;
}

/* Drops n bytes from the stream, through the buffer. Returns the count dropped. */
static uint64_t skip(warc_reader *r, uint64_t n)
{
    uint64_t done = 0;
    while (done < n) {
        size_t avail = have(r, 1);
        if (!avail)
            break;
        size_t k = (uint64_t)avail < n - done ? avail : (size_t)(n - done);
        r->pos += k;
        done += k;
    }
    return done;
}

/* Length of the header block at buf+pos, through its blank line, or 0 when
 * none ends within MAX_HEADER_BYTES. */
static size_t header_block(warc_reader *r)
{
    size_t avail = have(r, MAX_HEADER_BYTES);
    const unsigned char *s = r->buf + r->pos;
    for (size_t i = 0; i + 1 < avail; i++) {
        if (s[i] != '\n')
            continue;
        if (s[i + 1] == '\n')
            return i + 2;
        if (s[i + 1] == '\r' && i + 2 < avail && s[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* The value of header `name` in a header block, trimmed; *len its length. */
static const char *header(const char *block, size_t block_len, const char *name, size_t *len)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < block_len;) {
        const char *eol = memchr(block + i, '\n', block_len - i);
        size_t line_end = eol ? (size_t)(eol - block) : block_len;
        if (line_end - i > nl && block[i + nl] == ':' && strncasecmp(block + i, name, nl) == 0) {
            size_t a = i + nl + 1, b = line_end;
            while (a < b && (block[a] == ' ' || block[a] == '\t'))
                a++;
            while (b > a && (block[b - 1] == '\r' || block[b - 1] == ' '))
                b--;
            *len = b - a;
            return block + a;
        }
        i = line_end + 1;
    }
    *len = 0;
    return NULL;
}

static int starts_with_ci(const char *s, size_t len, const char *prefix)
{
    size_t pl = strlen(prefix);
    return len >= pl && strncasecmp(s, prefix, pl) == 0;
}

/* Copies a header value into a NUL-terminated buffer, cut to fit. */
static void header_copy(char *out, size_t size, const char *v, size_t len)
{
    if (!v)
        len = 0;
    if (len >= size)
        len = size - 1;
    if (len)
        memcpy(out, v, len);
    out[len] = '\0';
}

/* A header's value, NUL-terminated and cut to fit; "" when absent. */
static void header_value(char *out, size_t size, const char *block, size_t block_len, const char *name)
{
    size_t len;
    const char *v = header(block, block_len, name, &len);
    header_copy(out, size, v, len);
}

/* The charset parameter of a Content-Type value. */
static void content_charset(const char *v, size_t len, char out[48])
{
    out[0] = '\0';
    for (size_t i = 0; v && i + 8 <= len; i++)
        if (strncasecmp(v + i, "charset=", 8) == 0) {
            size_t a = i + 8, b = a;
            while (b < len && v[b] != ';' && v[b] != ' ')
                b++;
            header_copy(out, 48, v + a, b - a);
            return;
        }
}

static void warn(warc_reader *r, const char *what)
{
    chorus__diag(r->c, CHORUS_DIAG_WARNING, r->path, 0, "record %ld (byte %llu): %s", r->record,
                 (unsigned long long)r->offset, what);
}

/* Undoes chunked transfer coding in place; returns the new length. */
static size_t dechunk(char *s, size_t len)
{
    size_t in = 0, out = 0;
    while (in < len) {
        char *end;
        unsigned long size = strtoul(s + in, &end, 16);
        const char *nl = memchr(s + in, '\n', len - in);
        if (!nl || end == s + in)
            break;
        in = (size_t)(nl - s) + 1;
        if (size == 0 || size > len - in)
            size = size ? len - in : 0;
        memmove(s + out, s + in, size);
        out += size;
        in += size;
        while (in < len && (s[in] == '\r' || s[in] == '\n'))
            in++;
        if (size == 0)
            break;
    }
    return out;
}

/* Inflates a gzip- or deflate-encoded body into `out`, up to the body
 * limit; what damaged data leaves decoded is used. */
static int decode_body(const char *s, size_t len, chorus__buf *out)
{
    chorus__zstream z;
    out->len = 0;
    int rc = chorus__zstream_open(&z, NULL, (const unsigned char *)s, len);
    if (!rc)
        rc = chorus__zstream_read_all(&z, out, MAX_BODY_BYTES);
    chorus__zstream_close(&z);
    return rc;
}

/* Reads the page of an HTML response: HTTP headers, then the body. */
static int read_response(warc_reader *r, char *block, size_t len, const char *url, const char *date,
                         chorus__buf *scratch)
{
    size_t hl = 0;
    for (size_t i = 0; i + 1 < len && !hl; i++)
        if (block[i] == '\n' && (block[i + 1] == '\n' || (block[i + 1] == '\r' && i + 2 < len && block[i + 2] == '\n')))
            hl = i + (block[i + 1] == '\n' ? 2 : 3);
    if (!hl || !starts_with_ci(block, len, "HTTP/")) {
        warn(r, "response without HTTP headers; skipped");
        return 0;
    }
    /* Only successful responses carry the page itself. */
    const char *sp = memchr(block, ' ', hl);
    if (!sp || sp[1] != '2')
        return 0;
    size_t vl;
    const char *ctype = header(block, hl, "Content-Type", &vl);
    if (ctype && !starts_with_ci(ctype, vl, "text/html") &&
        !starts_with_ci(ctype, vl, "application/xhtml"))
        return 0;
    char charset[48];
    content_charset(ctype, vl, charset);
    char *body = block + hl;
    size_t body_len = len - hl;
    const char *te = header(block, hl, "Transfer-Encoding", &vl);
    if (te && starts_with_ci(te, vl, "chunked"))
        body_len = dechunk(body, body_len);
    const char *ce = header(block, hl, "Content-Encoding", &vl);
    if (ce && (starts_with_ci(ce, vl, "gzip") || starts_with_ci(ce, vl, "x-gzip") ||
               starts_with_ci(ce, vl, "deflate"))) {
        int rc = decode_body(body, body_len, scratch);
        if (rc)
            return rc;
        body = scratch->data ? scratch->data : "";
        body_len = scratch->len;
    }
    if (!ctype && !chorus__html_sniff(body, body_len))
        return 0;
    char label[4200];
    snprintf(label, sizeof label, "%s#%ld", r->path, r->record);
    chorus__page_source src = {url, charset[0] ? charset : NULL, date};
    return chorus__read_html(r->c, label, 0, body, body_len, &src);
}

/* After damage: in a .warc.gz, the next member; in a plain .warc, the next
 * line that opens a record. Returns 0 when the input is exhausted. */
static int resync(warc_reader *r)
{
    if (r->z.gzip) {
        r->pos = r->len = 0;
        return chorus__zstream_resync(&r->z);
    }
    for (;;) {
        size_t avail = have(r, 4096);
        if (avail < 8)
            return 0;
        const unsigned char *s = r->buf + r->pos;
        for (size_t i = 1; i + 6 <= avail; i++)
            if (s[i - 1] == '\n' && memcmp(s + i, "WARC/", 5) == 0) {
                r->pos += i;
                return 1;
            }
        r->pos += avail - 6;
    }
}

int chorus__read_warc(chorus_corpus *c, const char *path, FILE *f, const unsigned char *head,
                      size_t head_len)
{
    warc_reader r = {0};
    r.c = c;
    r.path = path;
    if (chorus__zstream_open(&r.z, f, head, head_len))
        return CHORUS_ENOMEM;
    int added = 0, rc = 0;
    chorus__buf block = {0}, scratch = {0};
    for (;;) {
        /* Records are separated by blank lines. */
        while (have(&r, 1) && (r.buf[r.pos] == '\r' || r.buf[r.pos] == '\n'))
            r.pos++;
        if (!have(&r, 1)) {
            if (r.z.corrupt || r.z.member_open) {
                r.record++;
                r.offset = r.z.member_at;
                warn(&r, r.z.corrupt ? "damaged gzip data; skipped to the next record"
                                     : "the file ends inside a gzip member (truncated)");
                if (r.z.corrupt && resync(&r))
                    continue;
            }
            break;
        }
        r.record++;
        r.offset = r.z.gzip ? r.z.member_at : r.z.consumed - (r.len - r.pos);
        size_t hlen = header_block(&r);
        const char *hdr = (const char *)r.buf + r.pos;
        if (!hlen || hlen < 5 || memcmp(hdr, "WARC/", 5) != 0) {
            warn(&r, hlen ? "not a WARC record; skipped to the next record"
                          : "WARC header not found; skipped to the next record");
            if (!resync(&r))
                break;
            continue;
        }
        char num[32];
        header_value(num, sizeof num, hdr, hlen, "Content-Length");
        char *end;
        unsigned long long length = strtoull(num, &end, 10);
        if (end == num || *end) {
            warn(&r, "no valid Content-Length; skipped");
            r.pos += hlen;
            if (!resync(&r))
                break;
            continue;
        }
        char type[32], url[2048], date[64], ctype[128];
        header_value(type, sizeof type, hdr, hlen, "WARC-Type");
        header_value(url, sizeof url, hdr, hlen, "WARC-Target-URI");
        header_value(date, sizeof date, hdr, hlen, "WARC-Date");
        header_value(ctype, sizeof ctype, hdr, hlen, "Content-Type");
        r.pos += hlen;
        /* Responses carry HTTP, resource records the page alone. */
        int response = strcmp(type, "response") == 0 && starts_with_ci(ctype, strlen(ctype), "application/http");
        int resource = strcmp(type, "resource") == 0 && (starts_with_ci(ctype, strlen(ctype), "text/html") ||
                                                        starts_with_ci(ctype, strlen(ctype), "application/xhtml"));
        if (!response && !resource) {
            if (skip(&r, length) < length) {
                warn(&r, "truncated record; the rest of the file is skipped");
                break;
            }
            continue;
        }
        /* Keep the start of the block (HTTP headers and the page up to the
         * page limit); skip the rest. */
        size_t keep = length > MAX_BODY_BYTES + MAX_HEADER_BYTES ? MAX_BODY_BYTES + MAX_HEADER_BYTES : (size_t)length;
        block.len = 0;
        if (chorus__grow((void **)&block.data, &block.cap, keep + 1, 1)) {
            rc = CHORUS_ENOMEM;
            break;
        }
        while (block.len < keep) {
            size_t avail = have(&r, 1);
            if (!avail)
                break;
            size_t k = avail < keep - block.len ? avail : keep - block.len;
            memcpy(block.data + block.len, r.buf + r.pos, k);
            block.len += k;
            r.pos += k;
        }
        block.data[block.len] = '\0';
        int truncated = block.len < keep || skip(&r, length - keep) < length - keep;
        if (truncated && r.z.corrupt) {
            warn(&r, "damaged gzip data; skipped to the next record");
            if (!resync(&r))
                break;
            continue;
        }
        if (truncated)
            warn(&r, "truncated record; the part read is used");
        int got = response ? read_response(&r, block.data, block.len, url, date, &scratch)
                           : 0;
        if (resource) {
            char label[4200];
            snprintf(label, sizeof label, "%s#%ld", path, r.record);
            chorus__page_source src = {url, NULL, date};
            got = chorus__read_html(c, label, 0, block.data, block.len, &src);
        }
        if (got < 0) {
            rc = got;
            break;
        }
        added += got;
        if (truncated)
            break;
    }
    if (!rc && f && ferror(f))
        chorus__diag(c, CHORUS_DIAG_ERROR, path, 0, "read error; the rest of the file is skipped");
    chorus__zstream_close(&r.z);
    free(r.buf);
    chorus__buf_free(&block);
    chorus__buf_free(&scratch);
    return rc ? rc : added;
}
