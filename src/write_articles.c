/* write_articles.c - writing the articles themselves, as read and cleaned: JSON Lines or plain text (chorus extract). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "chorus.h"
#include "util.h"

static int set_string(json_t *o, const char *key, const char *value)
{
    return json_object_set_new(o, key, value ? json_string(value) : json_null());
}

/* One article as one line of JSON. */
static int write_json_line(const chorus_article_info *a, FILE *out)
{
    json_t *o = json_object();
    if (!o)
        return CHORUS_ENOMEM;
    int bad = set_string(o, "path", a->path) | set_string(o, "url", a->url) |
              set_string(o, "title", a->title) | set_string(o, "author", a->author) |
              set_string(o, "published", a->published) | set_string(o, "site", a->source) |
              set_string(o, "language", a->language) | set_string(o, "fetched", a->fetched) |
              set_string(o, "text", a->text);
    int rc = bad ? CHORUS_ENOMEM : 0;
    if (!rc && (json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0 || fputc('\n', out) == EOF))
        rc = CHORUS_EIO;
    json_decref(o);
    return rc;
}

/* One article for people: title, a line of what is known about it, text. */
static int write_text(const chorus_article_info *a, size_t index, FILE *out)
{
    chorus__buf b = {0};
    int rc = 0;
    if (index)
        rc |= chorus__buf_puts(&b, "---\n\n");
    rc |= chorus__buf_printf(&b, "%s\n", a->title ? a->title : "(no title)");
    const char *parts[] = {a->author, a->published, a->source, a->url, a->path};
    const char *sep = "";
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (!parts[i])
            continue;
        rc |= chorus__buf_printf(&b, "%s%s", sep, parts[i]);
        sep = " · ";
    }
    rc |= chorus__buf_printf(&b, "%s%s\n\n%s\n\n", sep, a->language, a->text);
    if (rc)
        rc = CHORUS_ENOMEM;
    else if (fwrite(b.data, 1, b.len, out) != b.len)
        rc = CHORUS_EIO;
    chorus__buf_free(&b);
    return rc;
}

int chorus_write_articles(const chorus_corpus *c, FILE *out, chorus_format format)
{
    if (!c || !out || (format != CHORUS_FORMAT_JSON && format != CHORUS_FORMAT_TEXT))
        return CHORUS_EINVAL;
    int rc = 0;
    for (size_t i = 0; !rc && i < chorus_corpus_article_count(c); i++) {
        chorus_article_info a;
        rc = chorus_corpus_article(c, i, &a);
        if (!rc)
            rc = format == CHORUS_FORMAT_JSON ? write_json_line(&a, out) : write_text(&a, i, out);
    }
    if (!rc && (fflush(out) != 0 || ferror(out)))
        rc = CHORUS_EIO;
    return rc;
}
