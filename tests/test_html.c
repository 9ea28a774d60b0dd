/* test_html.c - HTML pages: main text without furniture, metadata in its order of trust, charsets, broken and huge pages. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdlib.h>

#include "chorus.h"
#include "runner.h"

/* ---------------------------------------------------------------------- */
/* Fixture pages: what is kept, what is left out, what the metadata says  */
/* ---------------------------------------------------------------------- */

typedef struct {
    const char *file;
    const char *title, *author, *published, *site, *language; /* NULL: none expected */
    const char *kept[4];    /* text that must be in the article */
    const char *dropped[8]; /* text that must not */
} page_case;

static const page_case pages[] = {
    {"article.html", "Harbour bridge reopens after six-month repair", "Mara Lindqvist, Tomas Keel",
     "2024-03-14T09:30:00Z", "The Tidewater Gazette", "en",
     {"corroded steel deck", "Traffic returns to the waterfront", "Ines Varga", "Deck plates | 4.1 million"},
     {"cookies", "Sport", "Share on Facebook", "newsletter", "Ferry timetable", "detour", "Lighthouse",
      "All rights reserved"}},
    /* Unclosed paragraphs, a <button> left open around the menu, stray end tags. */
    {"broken.html", "Storm closes the marina for a week", NULL, NULL, NULL, "en",
     {"three pontoons", "fuel dock", "inspected every mooring chain", "more than a million"},
     {"Sport"}},
    /* Charsets declared by <meta>, and a page whose bytes say more than its declaration. */
    {"cp1251.html", "Мост через гавань открыт после ремонта", NULL, NULL, NULL, "ru",
     {"четырёхсот стальных плит"}, {"\xEF\xBF\xBD"}},
    {"shift_jis.html", "港の橋が修理を終えて再開", NULL, NULL, NULL, NULL,
     {"四百枚を超える鋼製の床板"}, {"\xEF\xBF\xBD"}},
    {"utf8-declared-latin1.html", "Le pont du port rouvre", NULL, NULL, NULL, "fr",
     {"rongé par la rouille"}, {"Ã"}},
    {"undeclared-cp1252.html", "Le pont du port rouvre", NULL, NULL, NULL, "fr",
     {"5 millions d\xE2\x80\x99" "euros", "ingénieurs"}, {"\xEF\xBF\xBD"}},
};

static void fixture_pages(test_ctx *t)
{
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        const page_case *pc = &pages[i];
        char path[256];
        snprintf(path, sizeof path, "tests/data/html/%s", pc->file);
        test_diag_log log = {0};
        chorus_corpus *c = test_extract_corpus(&log);
        CHECK_MSG(t, chorus_corpus_add_path(c, path) == 1, "%s: not read", pc->file);
        CHECK_INT(t, chorus_corpus_analyze(c), 0);
        chorus_article_info a;
        if (chorus_corpus_article(c, 0, &a) != 0) {
            chorus_corpus_free(c);
            continue;
        }
        CHECK_STR(t, a.title, pc->title);
        CHECK_STR(t, a.author, pc->author);
        CHECK_STR(t, a.published, pc->published);
        CHECK_STR(t, a.source, pc->site);
        if (pc->language)
            CHECK_STR(t, a.language, pc->language);
        for (size_t k = 0; k < 4 && pc->kept[k]; k++)
            CHECK_MSG(t, strstr(a.text, pc->kept[k]) != NULL, "%s: \"%s\" missing from the text",
                      pc->file, pc->kept[k]);
        for (size_t k = 0; k < 8 && pc->dropped[k]; k++)
            CHECK_MSG(t, strstr(a.text, pc->dropped[k]) == NULL, "%s: \"%s\" was kept", pc->file,
                      pc->dropped[k]);
        chorus_corpus_free(c);
    }
}

/* ---------------------------------------------------------------------- */
/* Metadata variants: one page each, one field checked                    */
/* ---------------------------------------------------------------------- */

#define BODY                                                                                     \
    "<p>The ferry service to the outer islands resumed on Monday after a two-week strike by deck " \
    "crews ended with a new pay agreement between the union and the operator.</p>"              \
    "<p>Passengers queued from dawn at the terminal, and the first crossing left twenty minutes "  \
    "late because of the crowds, the operator said in a statement.</p>"

typedef struct {
    const char *what;
    const char *url; /* the address the page came from, or NULL */
    const char *html;
    const char *title, *author, *published; /* expected; "-" means not checked */
} meta_case;

static const meta_case metas[] = {
    {"title without the site suffix", NULL,
     "<html><head><title>Ferries sail again after strike | Island Courier</title></head><body>" BODY "</body></html>",
     "Ferries sail again after strike", "-", "-"},
    {"the visible headline over a declared title that differs", NULL,
     "<html><head><title>Ferry strike over - Island Courier</title><meta property=\"og:title\" content=\"Ferry strike over\"></head>"
     "<body><h1>Ferries sail again as the strike ends</h1>" BODY "</body></html>",
     "Ferries sail again as the strike ends", "-", "-"},
    {"a logo <h1> naming the site is passed over", NULL,
     "<html><head><title>Ferries sail again after strike - Island Courier</title></head><body>"
     "<h1>Island Courier</h1><div><h1>Ferries sail again after strike</h1>" BODY "</div></body></html>",
     "Ferries sail again after strike", "-", "-"},
    {"a headline in capitals for show is the declared title in ordinary case", NULL,
     "<html><head><title>Ferries Sail Again After the Strike | Island Courier</title></head>"
     "<body><h1>FERRIES SAIL AGAIN AFTER STRIKE</h1>" BODY "</body></html>",
     "Ferries Sail Again After the Strike", "-", "-"},
    {"a headline in capitals that words it differently stays", NULL,
     "<html><head><title>Again the Ferries Sail After Strike | Island Courier</title></head>"
     "<body><h1>FERRIES SAIL AGAIN AFTER STRIKE</h1>" BODY "</body></html>",
     "FERRIES SAIL AGAIN AFTER STRIKE", "-", "-"},
    {"author from a byline, not the e-mail prompt", NULL,
     "<html><body><h1>Ferries sail again</h1><p class=\"byline\">By Ruth Okafor</p>"
     "<p><a href=\"mailto:ruth@example.org\">Email the author</a></p>" BODY "</body></html>",
     "-", "Ruth Okafor", "-"},
    {"author from a meta tag; a profile URL is not a name", NULL,
     "<html><head><meta property=\"article:author\" content=\"https://example.org/people/ruth\">"
     "<meta name=\"author\" content=\"Ruth Okafor\"></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor", "-"},
    {"scholarly metadata writes the surname first", NULL,
     "<html><head><meta name=\"citation_author\" content=\"Okafor, Ruth\">"
     "<meta name=\"citation_author\" content=\"Lindqvist, M.\"></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor, M. Lindqvist", "-"},
    {"one tag may list several authors, parted by semicolons", NULL,
     "<html><head><meta name=\"citation_authors\" content=\"Okafor, Ruth; Lindqvist, Anna\">"
     "</head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor, Anna Lindqvist", "-"},
    {"the first author in Dublin Core and all of them in citation_authors", NULL,
     "<html><head><meta name=\"DC.Creator\" content=\"Ruth Okafor\">"
     "<meta name=\"citation_authors\" content=\"Ruth Okafor\"><meta name=\"citation_authors\" content=\"Tomas Keel\">"
     "</head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor, Tomas Keel", "-"},
    {"a semicolon that ends a character reference parts no names", NULL,
     "<html><head><meta name=\"author\" content=\"Siobhan O&amp;#39;Brien\">"
     "</head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Siobhan O'Brien", "-"},
    {"a degree after the comma is not a given name", NULL,
     "<html><head><meta name=\"dc.creator\" content=\"Ruth Okafor, MD\"></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor, MD", "-"},
    {"a footnote's mark after the name is no part of it", NULL,
     "<html><head><meta name=\"author\" content=\"Ruth Okafor, MD*\"></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor, MD", "-"},
    {"a link to the writer's page is labelled, not named", NULL,
     "<html><body><h1>Ferries sail again</h1><p>Ruth Okafor</p>"
     "<p><a rel=\"author\" href=\"/people/ruth\">More about Ruth Okafor &raquo;</a></p>" BODY "</body></html>",
     "-", NULL, "-"},
    {"the name in a box about the writer below the article, not the bio or role in it", NULL,
     "<html><body><h1>Ferries sail again</h1>" BODY
     "<div class=\"post_author-wrapper\"><div class=\"post_author-role\">Harbour Reporter</div>"
     "<div class=\"post_author-text\"><div class=\"small\">Ruth Okafor</div>"
     "<p class=\"author-bio\">Ruth Okafor covers the islands.</p></div></div></body></html>",
     "-", "Ruth Okafor", "-"},
    {"a commenter's name is not the writer's", NULL,
     "<html><body><h1>Ferries sail again</h1>" BODY
     "<div class=\"comments\"><div class=\"comment-author\">Ruth Okafor</div><p>Good news at last.</p></div></body></html>",
     "-", NULL, "-"},
    {"the publication date, not the modification date", NULL,
     "<html><head><meta property=\"article:modified_time\" content=\"2023-06-02T10:00:00Z\">"
     "<meta property=\"article:published_time\" content=\"2023-05-30T08:15:00Z\"></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "-", "2023-05-30T08:15:00Z"},
    {"a page showing only its update date is dated by it, at the time its metadata gives", NULL,
     "<html><head><meta property=\"article:modified_time\" content=\"2023-06-02T10:00:00Z\"></head><body>"
     "<h1>Ferries sail again</h1><p>Updated: June 2, 2023</p>" BODY "</body></html>",
     "-", "-", "2023-06-02T10:00:00Z"},
    {"a modification date the page only declares dates nothing", NULL,
     "<html><head><meta property=\"article:modified_time\" content=\"2023-06-02T10:00:00Z\"></head><body>"
     "<h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "-", NULL},
    {"a publication date the page only declares outranks the update it shows", NULL,
     "<html><head><meta property=\"article:published_time\" content=\"2023-05-30T08:15:00Z\"></head><body>"
     "<h1>Ferries sail again</h1><p>Updated: June 2, 2023</p>" BODY "</body></html>",
     "-", "-", "2023-05-30T08:15:00Z"},
    {"a date in a script is not the page's", NULL,
     "<html><head><script>var d = {\"datePublished\": \"2011-01-01\"};</script></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "-", NULL},
    {"a date line under the headline", NULL,
     "<html><body><h1>Ferries sail again</h1><p>Published: May 30, 2023 8:15 AM</p>" BODY "</body></html>",
     "-", "-", "2023-05-30T08:15:00"},
    {"a <time> under the headline", NULL,
     "<html><body><h1>Ferries sail again</h1><div><time datetime=\"2023-05-30\">Tuesday</time></div>" BODY "</body></html>",
     "-", "-", "2023-05-30"},
    {"the date in the URL when nothing else says", "https://courier.example/2023/05/30/ferries-sail-again",
     "<html><body><h1>Ferries sail again</h1>" BODY "</body></html>", "-", "-", "2023-05-30"},
    {"JSON-LD wins over OpenGraph", NULL,
     "<html><head><meta property=\"article:published_time\" content=\"2023-05-29\">"
     "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2023-05-30\","
     "\"author\": {\"@type\": \"Person\", \"name\": \"Ruth Okafor\"}}</script></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor", "2023-05-30"},
    {"a paper appended to the writer's name is no author", NULL,
     "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": {\"@type\": \"Person\","
     "\"name\": \"Ruth Okafor and Tomas Keel, The Island Courier\"}}</script></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor and Tomas Keel", "-"},
    {"malformed JSON-LD is ignored", NULL,
     "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": </script>"
     "<meta name=\"author\" content=\"Ruth Okafor\"></head><body><h1>Ferries sail again</h1>" BODY "</body></html>",
     "-", "Ruth Okafor", NULL},
};

static void metadata_variants(test_ctx *t)
{
    for (size_t i = 0; i < sizeof metas / sizeof metas[0]; i++) {
        const meta_case *m = &metas[i];
        test_diag_log log = {0};
        chorus_corpus *c = test_extract_corpus(&log);
        CHECK_MSG(t, chorus_corpus_add_html(c, m->what, m->html, strlen(m->html), m->url) == 1,
                  "%s: no article", m->what);
        CHECK_INT(t, chorus_corpus_analyze(c), 0);
        chorus_article_info a;
        if (chorus_corpus_article(c, 0, &a) == 0) {
            if (!m->title || strcmp(m->title, "-") != 0)
                CHECK_MSG(t, m->title ? a.title && strcmp(a.title, m->title) == 0 : !a.title,
                          "%s: title \"%s\"", m->what, a.title ? a.title : "(none)");
            if (!m->author || strcmp(m->author, "-") != 0)
                CHECK_MSG(t, m->author ? a.author && strcmp(a.author, m->author) == 0 : !a.author,
                          "%s: author \"%s\"", m->what, a.author ? a.author : "(none)");
            if (!m->published || strcmp(m->published, "-") != 0)
                CHECK_MSG(t, m->published ? a.published && strcmp(a.published, m->published) == 0
                                          : !a.published,
                          "%s: published \"%s\"", m->what, a.published ? a.published : "(none)");
        }
        chorus_corpus_free(c);
    }
}

/* ---------------------------------------------------------------------- */
/* Rule pages: one rule each, expectations in the page's opening comment  */
/* ---------------------------------------------------------------------- */

#define RULES_DIR "tests/data/html/rules"

/* The value of "key: value" lines in the opening comment of a page, one
 * after another from *at; NULL when there are no more. "none" expects no
 * value. The line is copied into `out`. */
static const char *expectation(const char *page, const char *key, const char **at, char *out, size_t cap)
{
    const char *end = strstr(page, "-->");
    size_t kl = strlen(key);
    for (const char *p = *at ? *at : page; end && p < end; p++) {
        if ((p == page || p[-1] != '\n') || strncmp(p, key, kl) != 0 || p[kl] != ':')
            continue;
        const char *v = p + kl + 1;
        while (*v == ' ')
            v++;
        size_t n = strcspn(v, "\n");
        if (n >= cap)
            n = cap - 1;
        memcpy(out, v, n);
        out[n] = '\0';
        *at = v + n;
        return out;
    }
    return NULL;
}

static void check_field(test_ctx *t, const char *file, const char *page, const char *key, const char *got)
{
    char want[512];
    const char *at = NULL;
    if (!expectation(page, key, &at, want, sizeof want))
        return;
    int none = strcmp(want, "none") == 0;
    CHECK_MSG(t, none ? !got : got && strcmp(got, want) == 0, "%s: %s \"%s\", want \"%s\"", file, key,
              got ? got : "(none)", want);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void rule_pages(test_ctx *t)
{
    DIR *d = opendir(RULES_DIR);
    CHECK_MSG(t, d != NULL, "cannot open %s", RULES_DIR);
    if (!d)
        return;
    char *names[256];
    size_t count = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL && count < 256;)
        if (strstr(e->d_name, ".html"))
            names[count++] = strdup(e->d_name);
    closedir(d);
    qsort(names, count, sizeof *names, cmp_names);
    CHECK(t, count >= 10);
    for (size_t i = 0; i < count; i++) {
        char path[512], url[512], line[512];
        snprintf(path, sizeof path, "%s/%s", RULES_DIR, names[i]);
        size_t len;
        char *page = test_read_file(path, &len);
        CHECK_MSG(t, page != NULL, "%s: unreadable", path);
        const char *at = NULL;
        const char *u = page ? expectation(page, "url", &at, url, sizeof url) : NULL;
        test_diag_log log = {0};
        chorus_corpus *c = test_extract_corpus(&log);
        chorus_article_info a;
        if (page && chorus_corpus_add_html(c, names[i], page, len, u) == 1 && chorus_corpus_analyze(c) == 0 &&
            chorus_corpus_article(c, 0, &a) == 0) {
            check_field(t, names[i], page, "title", a.title);
            check_field(t, names[i], page, "author", a.author);
            check_field(t, names[i], page, "published", a.published);
            check_field(t, names[i], page, "site", a.source);
            at = NULL;
            while (expectation(page, "kept", &at, line, sizeof line))
                CHECK_MSG(t, strstr(a.text, line) != NULL, "%s: \"%s\" missing from the text", names[i], line);
            at = NULL;
            while (expectation(page, "dropped", &at, line, sizeof line))
                CHECK_MSG(t, strstr(a.text, line) == NULL, "%s: \"%s\" was kept", names[i], line);
        } else {
            CHECK_MSG(t, 0, "%s: no article", names[i]);
        }
        chorus_corpus_free(c);
        free(page);
        free(names[i]);
    }
}

/* ---------------------------------------------------------------------- */
/* Empty, binary, huge and deeply nested pages                            */
/* ---------------------------------------------------------------------- */

static void empty_and_binary_pages(test_ctx *t)
{
    test_diag_log log = {0};
    chorus_corpus *c = test_extract_corpus(&log);
    CHECK_INT(t, chorus_corpus_add_path(c, "tests/data/html/empty.html"), 0);
    CHECK_INT(t, chorus_corpus_add_path(c, "tests/data/html/binary.html"), 0);
    CHECK_INT(t, chorus_corpus_add_html(c, "nothing", "", 0, NULL), 0);
    const char nav_only[] = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></body></html>";
    CHECK_INT(t, chorus_corpus_add_html(c, "nav-only", nav_only, sizeof nav_only - 1, NULL), 0);
    CHECK(t, test_diag_logged(&log, "empty.html", NULL));
    CHECK(t, test_diag_logged(&log, "binary.html: looks like binary data", NULL));
    CHECK(t, test_diag_logged(&log, "nav-only: no article text found", NULL));
    CHECK_INT(t, chorus_corpus_add_path(c, "tests/data/html/article.html"), 1);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK_INT(t, chorus_corpus_article_count(c), 1);
    chorus_corpus_free(c);
}

static void deeply_nested_page(test_ctx *t)
{
    /* 100,000 nested elements: flattened below the depth limit, text kept. */
    size_t depth = 100000;
    size_t cap = depth * 11 + 512, n = 0;
    char *page = malloc(cap);
    n += (size_t)sprintf(page + n, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(page + n, "<div>");
    n += (size_t)sprintf(page + n, "<p>%s</p>", "The ferry service to the outer islands resumed on "
                                                  "Monday after a two-week strike by deck crews ended.");
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(page + n, "</div>");
    test_diag_log log = {0};
    chorus_corpus *c = test_extract_corpus(&log);
    CHECK_INT(t, chorus_corpus_add_html(c, "deep", page, n, NULL), 1);
    CHECK(t, test_diag_logged(&log, "deep: elements nested deeper than", NULL));
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    chorus_article_info a;
    CHECK(t, chorus_corpus_article(c, 0, &a) == 0 && strstr(a.text, "two-week strike"));
    chorus_corpus_free(c);
    free(page);
}

static void huge_page_is_cut(test_ctx *t)
{
    /* 20 MB of paragraphs: read up to the page limit, with a warning. */
    const char para[] = "<p>Passengers queued from dawn at the terminal, and the first crossing left late.</p>\n";
    size_t count = (20u << 20) / (sizeof para - 1);
    size_t len = count * (sizeof para - 1) + 32;
    char *page = malloc(len + 1);
    size_t n = (size_t)sprintf(page, "<html><body><div>");
    for (size_t i = 0; i < count; i++) {
        memcpy(page + n, para, sizeof para - 1);
        n += sizeof para - 1;
    }
    test_diag_log log = {0};
    chorus_corpus *c = test_extract_corpus(&log);
    CHECK_INT(t, chorus_corpus_add_html(c, "huge", page, n, NULL), 1);
    CHECK(t, test_diag_logged(&log, "huge: page larger than 16 MiB", NULL));
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    chorus_corpus_free(c);
    free(page);
}

static void html_in_every_command(test_ctx *t)
{
    /* The brief pipeline reads pages as it reads text. */
    chorus_corpus *c = NULL;
    CHECK_INT(t, chorus_corpus_new(&c, NULL), 0);
    CHECK(t, chorus_corpus_add_path(c, "tests/data/html") >= 6);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK(t, chorus_corpus_story_count(c) >= 1);
    chorus_corpus_free(c);
}

const test_case html_tests[] = {
    {"fixture pages: text kept and left out, metadata", fixture_pages},
    {"metadata variants in their order of trust", metadata_variants},
    {"rule pages in " RULES_DIR, rule_pages},
    {"empty, binary and navigation-only pages", empty_and_binary_pages},
    {"100,000 nested elements", deeply_nested_page},
    {"a page over the size limit is cut", huge_page_is_cut},
    {"pages in the brief pipeline", html_in_every_command},
    {NULL, NULL},
};
