/* test_warc.c - WARC archives built here: plain and per-record gzip, with damaged and truncated records. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "chorus.h"
#include "runner.h"

static const char page_a[] =
    "<html><head><title>Ferries sail again after strike | Island Courier</title></head><body>"
    "<h1>Ferries sail again after strike</h1><p>The ferry service to the outer islands resumed on "
    "Monday after a two-week strike by deck crews ended with a new pay agreement.</p><p>Passengers "
    "queued from dawn at the terminal, and the first crossing left twenty minutes late.</p></body></html>";
static const char page_b[] =
    "<html><head><title>Lighthouse keeper retires</title></head><body><h1>Lighthouse keeper retires</h1>"
    "<p>After forty years on the headland, the last keeper of the old lighthouse handed over its keys "
    "to the coastal trust on Friday and moved to a cottage in the village.</p></body></html>";

/* One WARC record with the given type, target and block. */
static size_t record(char *out, const char *type, const char *uri, const char *date, const char *ctype,
                     const char *block, size_t block_len)
{
    size_t n = (size_t)sprintf(out,
                               "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\n"
                               "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                               type, uri, date, ctype, block_len);
    memcpy(out + n, block, block_len);
    n += block_len;
    memcpy(out + n, "\r\n\r\n", 4);
    return n + 4;
}

/* An HTTP response around a page. */
static size_t http(char *out, const char *status, const char *headers, const char *body, size_t len)
{
    size_t n = (size_t)sprintf(out, "HTTP/1.1 %s\r\n%s\r\n", status, headers);
    memcpy(out + n, body, len);
    return n + len;
}

/* Compresses `in` as one gzip member, appended at out. */
static size_t gzip_member(unsigned char *out, size_t room, const char *in, size_t len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)room;
    deflate(&z, Z_FINISH);
    size_t n = room - z.avail_out;
    deflateEnd(&z);
    return n;
}

typedef struct {
    char buf[8][8192]; /* the records' bytes */
    char *records[8];
    size_t lens[8];
    size_t count;
} archive;

/* The archive of the tests: warcinfo, request, two pages, a redirect, an image,
 * a chunked page and a gzip-encoded page. */
static void build(archive *a)
{
    char (*buf)[8192] = a->buf;
    char body[4096];
    size_t k = 0, bl;
    a->count = 0;
    a->lens[k] = record(buf[k], "warcinfo", "", "2024-05-01T00:00:00Z", "application/warc-fields",
                        "software: test\r\n", 16);
    k++;
    a->lens[k] = record(buf[k], "request", "https://courier.example/ferries", "2024-05-01T10:00:00Z",
                        "application/http; msgtype=request", "GET /ferries HTTP/1.1\r\n\r\n", 25);
    k++;
    bl = http(body, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", page_a, sizeof page_a - 1);
    a->lens[k] = record(buf[k], "response", "https://courier.example/ferries", "2024-05-01T10:00:01Z",
                        "application/http; msgtype=response", body, bl);
    k++;
    bl = http(body, "301 Moved Permanently", "Location: /elsewhere\r\n", "", 0);
    a->lens[k] = record(buf[k], "response", "https://courier.example/old", "2024-05-01T10:00:02Z",
                        "application/http; msgtype=response", body, bl);
    k++;
    bl = http(body, "200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n", 6);
    a->lens[k] = record(buf[k], "response", "https://courier.example/logo.png", "2024-05-01T10:00:03Z",
                        "application/http; msgtype=response", body, bl);
    k++;
    /* Chunked transfer coding, in two chunks. */
    char chunked[2048];
    size_t half = (sizeof page_b - 1) / 2;
    size_t cl = (size_t)sprintf(chunked, "%zx\r\n%.*s\r\n%zx\r\n%s\r\n0\r\n\r\n", half, (int)half, page_b,
                                sizeof page_b - 1 - half, page_b + half);
    bl = http(body, "200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked, cl);
    a->lens[k] = record(buf[k], "response", "https://courier.example/2024/04/30/lighthouse", "2024-05-01T10:00:04Z",
                        "application/http; msgtype=response", body, bl);
    k++;
    /* A gzip-encoded body. */
    unsigned char gz[2048];
    size_t gl = gzip_member(gz, sizeof gz, page_a, sizeof page_a - 1);
    bl = http(body, "200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", (const char *)gz, gl);
    a->lens[k] = record(buf[k], "response", "https://courier.example/ferries?amp", "2024-05-01T10:00:05Z",
                        "application/http; msgtype=response", body, bl);
    k++;
    for (size_t i = 0; i < k; i++)
        a->records[i] = buf[i];
    a->count = k;
}

/* Writes the archive, plain or one gzip member per record, optionally
 * damaging record `damage` (its member's middle bytes) and cutting the file
 * `cut` bytes before its end. */
static void write_archive(const char *path, const archive *a, int gz, int damage, size_t cut)
{
    unsigned char out[65536];
    size_t n = 0;
    for (size_t i = 0; i < a->count; i++) {
        if (gz) {
            size_t m = gzip_member(out + n, sizeof out - n, a->records[i], a->lens[i]);
            if ((int)i == damage)
                for (size_t j = m / 3; j < m / 3 + 8; j++)
                    out[n + j] ^= 0x5A;
            n += m;
        } else {
            memcpy(out + n, a->records[i], a->lens[i]);
            if ((int)i == damage)
                memcpy(out + n, "GARBAGE!", 8);
            n += a->lens[i];
        }
    }
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(out, 1, n - cut, f);
        fclose(f);
    }
}

static chorus_corpus *read_archive(const char *path, test_diag_log *log, int *added)
{
    chorus_corpus *c = test_extract_corpus(log);
    *added = chorus_corpus_add_path(c, path);
    chorus_corpus_analyze(c);
    return c;
}

/* A temporary directory for the test's archives, and the archive. */
static int prepare(test_ctx *t, char *dir, archive *a)
{
    if (!mkdtemp(dir)) {
        test_fail(t, __FILE__, __LINE__, "cannot make a temporary directory");
        return -1;
    }
    build(a);
    return 0;
}

static void responses_become_articles(test_ctx *t)
{
    char dir[] = "/tmp/chorus-warc-XXXXXX";
    archive a;
    if (prepare(t, dir, &a))
        return;
    char path[256];
    for (int gz = 0; gz <= 1; gz++) {
        snprintf(path, sizeof path, "%s/crawl.warc%s", dir, gz ? ".gz" : "");
        write_archive(path, &a, gz, -1, 0);
        test_diag_log log = {0};
        int added;
        chorus_corpus *c = read_archive(path, &log, &added);
        /* The two plain pages, the chunked one and the gzip-encoded one. */
        CHECK_INT(t, added, 3);
        CHECK_INT(t, log.count, 0);
        chorus_article_info info;
        if (chorus_corpus_article(c, 0, &info) == 0) {
            CHECK_STR(t, info.url, "https://courier.example/ferries");
            CHECK_STR(t, info.fetched, "2024-05-01T10:00:01Z");
            CHECK_STR(t, info.title, "Ferries sail again after strike");
            CHECK(t, strstr(info.path, "crawl.warc") && strstr(info.path, "#3"));
            CHECK(t, strstr(info.text, "two-week strike") != NULL);
        }
        if (chorus_corpus_article(c, 1, &info) == 0) {
            CHECK_STR(t, info.title, "Lighthouse keeper retires");
            CHECK_STR(t, info.published, "2024-04-30");
            CHECK(t, strstr(info.text, "forty years on the headland") != NULL);
        }
        if (chorus_corpus_article(c, 2, &info) == 0)
            CHECK(t, strstr(info.text, "two-week strike") != NULL);
        chorus_corpus_free(c);
    }
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(t, system(cmd), 0);
}

/* Writes the archive damaged as asked and reads it: at least `least`
 * articles, and a diagnostic naming the file that says `what`. */
static void check_archive(test_ctx *t, const char *dir, const char *name, const archive *a, int gz,
                          int damage, size_t cut, int least, const char *what)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_archive(path, a, gz, damage, cut);
    test_diag_log log = {0};
    int added;
    chorus_corpus *c = read_archive(path, &log, &added);
    CHECK_MSG(t, added >= least, "%s: %d articles, want at least %d", name, added, least);
    CHECK_MSG(t, test_diag_logged(&log, name, what), "%s: no diagnostic saying \"%s\"", name, what);
    chorus_corpus_free(c);
}

static void damaged_and_truncated_archives(test_ctx *t)
{
    char dir[] = "/tmp/chorus-warc-XXXXXX";
    archive a;
    if (prepare(t, dir, &a))
        return;
    /* A damaged member costs its record alone. */
    check_archive(t, dir, "damaged.warc.gz", &a, 1, 2, 0, 2, "record 3");
    /* A plain archive with a broken record header: skipped to the next record. */
    check_archive(t, dir, "broken.warc", &a, 0, 2, 0, 2, "record 3");
    /* A file cut in its last member: the records before it are kept, and
     * what the cut one still holds is used. */
    check_archive(t, dir, "cut.warc.gz", &a, 1, -1, 40, 2, "truncated");
    /* A plain file cut inside a record's block. */
    check_archive(t, dir, "cut.warc", &a, 0, -1, 200, 2, "truncated record");

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(t, system(cmd), 0);
}

const test_case warc_tests[] = {
    {"HTML responses become articles, plain and gzip", responses_become_articles},
    {"damaged and truncated archives", damaged_and_truncated_archives},
    {NULL, NULL},
};
