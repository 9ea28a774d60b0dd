/* read_web.c - telling web inputs apart and reading them: HTML pages and WARC archives, plain or gzip-compressed. */
#include "read_web.h"

#include <string.h>
#include <zlib.h>

#include "corpus.h"
#include "html_doc.h"
#include "read_html.h"
#include "util.h"
#include "warc.h"
#include "zstream.h"

static const char *const html_suffixes[] = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz"};
static const char *const warc_suffixes[] = {".warc", ".warc.gz"};

static int has_any(const char *name, const char *const *suffixes, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (chorus__ends_with(name, suffixes[i]))
            return 1;
    return 0;
}

int chorus__web_name(const char *name)
{
    return has_any(name, html_suffixes, sizeof html_suffixes / sizeof *html_suffixes) ||
           has_any(name, warc_suffixes, sizeof warc_suffixes / sizeof *warc_suffixes);
}

static int kind_of_bytes(const unsigned char *s, size_t len)
{
    if (len >= 5 && memcmp(s, "WARC/", 5) == 0)
        return CHORUS_WEB_WARC;
    if (chorus__html_sniff((const char *)s, len))
        return CHORUS_WEB_HTML;
    return CHORUS_WEB_NONE;
}

int chorus__web_kind(const char *path, const unsigned char *head, size_t head_len)
{
    if (has_any(path, warc_suffixes, sizeof warc_suffixes / sizeof *warc_suffixes))
        return CHORUS_WEB_WARC;
    if (has_any(path, html_suffixes, sizeof html_suffixes / sizeof *html_suffixes))
        return CHORUS_WEB_HTML;
    if (head_len >= 2 && head[0] == 0x1F && head[1] == 0x8B) {
        /* Inflate what was read so far to see what the data holds. */
        unsigned char out[4096];
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
            return CHORUS_WEB_GZIP_OTHER;
        z.next_in = (Bytef *)head;
        z.avail_in = (uInt)head_len;
        z.next_out = out;
        z.avail_out = sizeof out;
        inflate(&z, Z_SYNC_FLUSH);
        size_t got = sizeof out - z.avail_out;
        inflateEnd(&z);
        int kind = kind_of_bytes(out, got);
        return kind ? kind : CHORUS_WEB_GZIP_OTHER;
    }
    return kind_of_bytes(head, head_len);
}

/* Reads one page, inflating it when compressed, up to just past the page
 * limit so that the parser can tell a cut page. */
static int read_page(chorus_corpus *c, const char *path, FILE *f, const unsigned char *head,
                     size_t head_len)
{
    chorus__zstream z;
    if (chorus__zstream_open(&z, f, head, head_len))
        return CHORUS_ENOMEM;
    chorus__buf page = {0};
    int rc = chorus__zstream_read_all(&z, &page, CHORUS_HTML_MAX_BYTES);
    if (!rc && z.corrupt)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, 0,
                     "damaged gzip data after %zu bytes; the part read is used", page.len);
    else if (!rc && z.member_open && page.len <= CHORUS_HTML_MAX_BYTES)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, 0, "truncated gzip data; the part read is used");
    chorus__zstream_close(&z);
    if (!rc && page.len == 0) {
        chorus__diag(c, CHORUS_DIAG_WARNING, path, 0, "empty page; skipped");
    } else if (!rc) {
        rc = chorus__read_html(c, path, 0, page.data, page.len, NULL);
    }
    chorus__buf_free(&page);
    return rc;
}

int chorus__read_web(chorus_corpus *c, const char *path, FILE *f, const unsigned char *head,
                     size_t head_len, int kind)
{
    if (kind == CHORUS_WEB_WARC)
        return chorus__read_warc(c, path, f, head, head_len);
    if (kind == CHORUS_WEB_HTML)
        return read_page(c, path, f, head, head_len);
    chorus__diag(c, CHORUS_DIAG_ERROR, path, 0,
                 "gzip-compressed data that is neither an HTML page nor a WARC archive; skipped");
    return 0;
}
