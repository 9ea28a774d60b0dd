/* input.c - reading inputs: files, directories, standard input and JSON Lines.
 *
 * Every problem with one input is reported with the input's name (and line)
 * and skipped, so one bad file never costs the others. */
#define _DEFAULT_SOURCE /* scandir, alphasort, getline */
#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"
#include "read_web.h"
#include "text.h"

/* One text article larger than this is cut: no news article is that long,
 * and the cut keeps a runaway input from exhausting memory. */
#define MAX_ARTICLE_BYTES (8u << 20)
/* Directories nested deeper than this are not entered (symbolic link loops). */
#define MAX_DIR_DEPTH 32
/* Bytes looked at to tell text from binary. */
#define SNIFF_BYTES 8192

typedef enum { KIND_TEXT, KIND_JSONL } input_kind;

static int has_suffix(const char *s, const char *suffix)
{
    return chorus__ends_with(s, suffix);
}

static int jsonl_name(const char *path)
{
    return has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson");
}

/* Files a directory walk picks up: text, JSON Lines and extension-less files. */
static int wanted_in_directory(const char *name)
{
    if (name[0] == '.')
        return 0;
    if (jsonl_name(name) || has_suffix(name, ".txt") || has_suffix(name, ".text") ||
        chorus__web_name(name))
        return 1;
    return strchr(name, '.') == NULL;
}

/* Recognises binary content by magic numbers and NUL bytes. Returns a
 * description for the message, or NULL for text. */
static const char *binary_kind(const unsigned char *s, size_t len)
{
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return NULL; /* UTF-16 text: converted, not binary */
    if (len >= 2 && s[0] == 0x1F && s[1] == 0x8B)
        return "gzip-compressed data";
    if (len >= 4 && memcmp(s, "%PDF", 4) == 0)
        return "a PDF document";
    if (len >= 4 && memcmp(s, "PK\x03\x04", 4) == 0)
        return "a ZIP archive";
    if (len >= 4 && memcmp(s, "\x7F" "ELF", 4) == 0)
        return "an executable";
    if (len >= 8 && memcmp(s, "\x89PNG", 4) == 0)
        return "a PNG image";
    if (len >= 3 && s[0] == 0xFF && s[1] == 0xD8 && s[2] == 0xFF)
        return "a JPEG image";
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, nul = 0, ctrl = 0;
    for (size_t i = 0; i < n; i++) {
        nul += s[i] == 0;
        ctrl += s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f';
    }
    /* A stray NUL is a damaged text; many NULs or control bytes are not text. */
    if (n && ((nul >= 4 && nul * 100 > n) || ctrl * 10 > n))
        return "binary data";
    return NULL;
}

/* Converts UTF-16 with a byte-order mark to UTF-8 (glibc's iconv). */
static int utf16_to_utf8(const char *in, size_t len, chorus__buf *out)
{
    const char *from = (unsigned char)in[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return CHORUS_EFORMAT;
    out->len = 0;
    if (chorus__grow((void **)&out->data, &out->cap, len * 2 + 4, 1)) {
        iconv_close(cd);
        return CHORUS_ENOMEM;
    }
    char *src = (char *)in + 2;
    size_t left = len - 2;
    char *dst = out->data;
    size_t room = out->cap - 1;
    while (left > 0) {
        if (iconv(cd, &src, &left, &dst, &room) == (size_t)-1) {
            if (errno == E2BIG)
                break;
            /* Skip a broken code unit pair and go on. */
            src += left >= 2 ? 2 : left;
            left -= left >= 2 ? 2 : left;
        }
    }
    iconv_close(cd);
    out->len = (size_t)(dst - out->data);
    out->data[out->len] = '\0';
    return 0;
}

/* ---------------------------------------------------------------------- */
/* JSON Lines                                                             */
/* ---------------------------------------------------------------------- */

static const char *string_field(json_t *obj, const char *key, const chorus_corpus *c,
                                const char *path, long line)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v) && strcmp(key, "id") == 0)
        return NULL; /* numeric ids are handled by the caller */
    chorus__diag(c, CHORUS_DIAG_WARNING, path, line, "field \"%s\" is not a string; ignored", key);
    return NULL;
}

/* Adds the article on one JSON line. Returns 1, 0 (skipped) or an error. */
static int add_json_line(chorus_corpus *c, const char *path, long line, const char *s, size_t len)
{
    /* Blank lines separate nothing in JSON Lines; skip them quietly. */
    size_t tl = len;
    chorus__trim(s, &tl);
    if (tl == 0)
        return 0;
    chorus__repair rep;
    chorus__buf clean = {0};
    int rc = chorus__text_clean(s, len, &clean, &rep);
    if (rc) {
        chorus__buf_free(&clean);
        return rc;
    }
    if (rep.invalid_sequences || rep.nul_bytes)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, line,
                     "invalid UTF-8 or NUL bytes replaced (%zu invalid, %zu NUL)",
                     rep.invalid_sequences, rep.nul_bytes);
    json_error_t err;
    json_t *obj = json_loadb(clean.data, clean.len, JSON_REJECT_DUPLICATES, &err);
    chorus__buf_free(&clean);
    if (!obj) {
        chorus__diag(c, CHORUS_DIAG_ERROR, path, line, "malformed JSON (%s); line skipped", err.text);
        return 0;
    }
    int added = 0;
    if (!json_is_object(obj)) {
        chorus__diag(c, CHORUS_DIAG_ERROR, path, line, "not a JSON object; line skipped");
    } else {
        json_t *text = json_object_get(obj, "text");
        if (!text || !json_is_string(text)) {
            chorus__diag(c, CHORUS_DIAG_ERROR, path, line,
                         "no \"text\" string field; line skipped");
        } else {
            char idbuf[32];
            chorus__input_meta meta = {0};
            meta.input_id = string_field(obj, "id", c, path, line);
            json_t *id = json_object_get(obj, "id");
            if (id && json_is_integer(id)) {
                snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
                meta.input_id = idbuf;
            }
            meta.title = string_field(obj, "title", c, path, line);
            meta.url = string_field(obj, "url", c, path, line);
            meta.source = string_field(obj, "source", c, path, line);
            meta.published = string_field(obj, "published", c, path, line);
            meta.language = string_field(obj, "language", c, path, line);
            added = chorus__corpus_add_raw(c, path, line, json_string_value(text),
                                           json_string_length(text), &meta);
        }
    }
    json_decref(obj);
    return added;
}

/* Reads JSON Lines from a stream, line by line, so a large file never sits
 * in memory whole. `first` holds bytes already read from the stream. */
static int read_jsonl_stream(chorus_corpus *c, const char *path, FILE *f, const char *first,
                             size_t first_len)
{
    int added = 0;
    long line = 0;
    size_t pos = 0;
    /* Lines inside the already-read prefix first. */
    chorus__buf carry = {0};
    while (pos < first_len) {
        const char *nl = memchr(first + pos, '\n', first_len - pos);
        if (!nl) {
            if (chorus__buf_append(&carry, first + pos, first_len - pos))
                return CHORUS_ENOMEM;
            break;
        }
        size_t l = (size_t)(nl - (first + pos));
        int rc = add_json_line(c, path, ++line, first + pos, l);
        if (rc < 0) {
            chorus__buf_free(&carry);
            return rc;
        }
        added += rc;
        pos += l + 1;
    }
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    int pending = carry.len > 0;
    while (f && (n = getline(&buf, &cap, f)) >= 0) {
        size_t l = (size_t)n;
        if (l && buf[l - 1] == '\n')
            l--;
        int rc;
        if (pending) {
            /* The first line began in the prefix. */
            if (chorus__buf_append(&carry, buf, l)) {
                free(buf);
                chorus__buf_free(&carry);
                return CHORUS_ENOMEM;
            }
            rc = add_json_line(c, path, ++line, carry.data, carry.len);
            pending = 0;
            carry.len = 0;
        } else {
            rc = add_json_line(c, path, ++line, buf, l);
        }
        if (rc < 0) {
            free(buf);
            chorus__buf_free(&carry);
            return rc;
        }
        added += rc;
    }
    if (pending) {
        int rc = add_json_line(c, path, ++line, carry.data, carry.len);
        if (rc > 0)
            added += rc;
    }
    if (f && ferror(f))
        chorus__diag(c, CHORUS_DIAG_ERROR, path, line + 1, "read error: %s; rest of file skipped",
                     strerror(errno));
    free(buf);
    chorus__buf_free(&carry);
    return added;
}

/* ---------------------------------------------------------------------- */
/* Files                                                                  */
/* ---------------------------------------------------------------------- */

/* Does the first line look like a JSON object with a text field? */
static int sniff_jsonl(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    if (i >= len || s[i] != '{')
        return 0;
    const char *nl = memchr(s + i, '\n', len - i);
    size_t l = nl ? (size_t)(nl - (s + i)) : len - i;
    json_t *obj = json_loadb(s + i, l, 0, NULL);
    int yes = obj && json_is_object(obj) && json_object_get(obj, "text");
    json_decref(obj);
    /* A first line cut by the sniff window is still JSON Lines if it opens one. */
    return yes || (!nl && l > 16 && memcmp(s + i, "{\"", 2) == 0);
}

int chorus__read_stream(chorus_corpus *c, const char *path, FILE *f, int jsonl_by_name)
{
    /* Read the head to decide what this is. */
    char head[SNIFF_BYTES];
    size_t hn = fread(head, 1, sizeof head, f);
    if (ferror(f)) {
        chorus__diag(c, CHORUS_DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
        return 0;
    }
    if (hn == 0) {
        chorus__diag(c, CHORUS_DIAG_WARNING, path, 0, "empty file; skipped");
        return 0;
    }
    /* HTML pages and WARC archives, plain or gzip-compressed, by name or content. */
    int web = jsonl_by_name ? CHORUS_WEB_NONE : chorus__web_kind(path, (const unsigned char *)head, hn);
    if (web == CHORUS_WEB_WARC || (web && !binary_kind((const unsigned char *)head, hn)) ||
        (web && (unsigned char)head[0] == 0x1F))
        return chorus__read_web(c, path, f, (const unsigned char *)head, hn, web);
    const char *bin = binary_kind((const unsigned char *)head, hn);
    if (bin) {
        chorus__diag(c, CHORUS_DIAG_ERROR, path, 0, "looks like %s, not text; skipped", bin);
        return 0;
    }
    if (jsonl_by_name || sniff_jsonl(head, hn))
        return read_jsonl_stream(c, path, f, head, hn);

    /* One text article: read it whole, up to the article limit. */
    chorus__buf raw = {0};
    int rc = chorus__buf_append(&raw, head, hn);
    char chunk[65536];
    size_t got;
    int truncated = 0;
    while (!rc && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (raw.len + got > MAX_ARTICLE_BYTES) {
            got = MAX_ARTICLE_BYTES - raw.len;
            truncated = 1;
        }
        rc = chorus__buf_append(&raw, chunk, got);
        if (truncated)
            break;
    }
    if (!rc && ferror(f))
        chorus__diag(c, CHORUS_DIAG_WARNING, path, 0, "read error: %s; the text read so far is used",
                     strerror(errno));
    if (!rc && truncated)
        chorus__diag(c, CHORUS_DIAG_WARNING, path, 0,
                     "longer than %u MiB; only the first %u MiB are read", MAX_ARTICLE_BYTES >> 20,
                     MAX_ARTICLE_BYTES >> 20);
    if (!rc && raw.len >= 2 && ((unsigned char)raw.data[0] == 0xFF || (unsigned char)raw.data[0] == 0xFE)) {
        chorus__buf utf8 = {0};
        rc = utf16_to_utf8(raw.data, raw.len, &utf8);
        if (rc == 0) {
            chorus__buf_free(&raw);
            raw = utf8;
        } else {
            chorus__buf_free(&utf8);
            if (rc == CHORUS_EFORMAT)
                rc = 0; /* no converter: read the bytes as they are */
        }
    }
    int added = rc ? rc : chorus__corpus_add_raw(c, path, 0, raw.data, raw.len, NULL);
    chorus__buf_free(&raw);
    return added;
}

static int read_file(chorus_corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        chorus__diag(c, CHORUS_DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return CHORUS_EIO;
    }
    int rc = chorus__read_stream(c, path, f, jsonl_name(path));
    fclose(f);
    return rc;
}

static int read_dir(chorus_corpus *c, const char *path, int depth)
{
    if (depth > MAX_DIR_DEPTH) {
        chorus__diag(c, CHORUS_DIAG_WARNING, path, 0, "nested too deep; not entered");
        return 0;
    }
    struct dirent **entries;
    int n = scandir(path, &entries, NULL, alphasort);
    if (n < 0) {
        chorus__diag(c, CHORUS_DIAG_ERROR, path, 0, "cannot read directory: %s", strerror(errno));
        return CHORUS_EIO;
    }
    int added = 0, rc = 0;
    chorus__buf child = {0};
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        if (!rc && name[0] != '.') {
            child.len = 0;
            size_t pl = strlen(path);
            rc = chorus__buf_append(&child, path, pl);
            if (!rc && pl && path[pl - 1] != '/')
                rc = chorus__buf_putc(&child, '/');
            if (!rc)
                rc = chorus__buf_puts(&child, name);
            struct stat st;
            if (!rc && stat(child.data, &st) != 0) {
                chorus__diag(c, CHORUS_DIAG_ERROR, child.data, 0, "cannot open: %s", strerror(errno));
            } else if (!rc && S_ISDIR(st.st_mode)) {
                int r = read_dir(c, child.data, depth + 1);
                if (r < 0 && r != CHORUS_EIO) /* an unreadable entry was reported; go on */
                    rc = r;
                else if (r > 0)
                    added += r;
            } else if (!rc && S_ISREG(st.st_mode) && wanted_in_directory(name)) {
                int r = read_file(c, child.data);
                if (r < 0 && r != CHORUS_EIO)
                    rc = r;
                else if (r > 0)
                    added += r;
            }
        }
        free(entries[i]);
    }
    free(entries);
    chorus__buf_free(&child);
    return rc ? rc : added;
}

int chorus__read_path(chorus_corpus *c, const char *path)
{
    if (strcmp(path, "-") == 0)
        return chorus__read_stream(c, "-", stdin, 0);
    struct stat st;
    if (stat(path, &st) != 0) {
        chorus__diag(c, CHORUS_DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return CHORUS_EIO;
    }
    if (S_ISDIR(st.st_mode))
        return read_dir(c, path, 0);
    return read_file(c, path);
}
