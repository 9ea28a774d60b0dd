/* test_api.c - the public interface's contract: errors, states, ownership. */
#define _DEFAULT_SOURCE /* open_memstream */
#include <stdlib.h>

#include <jansson.h>

#include "chorus.h"
#include "runner.h"

static void version_agrees(test_ctx *t)
{
    CHECK_STR(t, chorus_version(), CHORUS_VERSION_STRING);
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", CHORUS_VERSION_MAJOR, CHORUS_VERSION_MINOR,
             CHORUS_VERSION_PATCH);
    CHECK_STR(t, chorus_version(), want);
}

static void every_error_has_a_name(test_ctx *t)
{
    const int codes[] = {CHORUS_OK,     CHORUS_ENOMEM, CHORUS_EINVAL, CHORUS_EIO,
                         CHORUS_EFORMAT, CHORUS_EEMPTY, CHORUS_ESTATE, CHORUS_ERANGE};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        CHECK(t, chorus_strerror(codes[i]) && *chorus_strerror(codes[i]));
        for (size_t k = 0; k < i; k++)
            CHECK(t, strcmp(chorus_strerror(codes[i]), chorus_strerror(codes[k])) != 0);
        CHECK(t, codes[i] <= 0);
    }
    CHECK_STR(t, chorus_strerror(-9999), "unknown error");
}

static void invalid_arguments(test_ctx *t)
{
    chorus_options o;
    chorus_options_init(&o);
    CHECK_INT(t, chorus_corpus_new(NULL, &o), CHORUS_EINVAL);
    chorus_corpus *c = (chorus_corpus *)1;
    o.cluster_threshold = 1.5;
    CHECK_INT(t, chorus_corpus_new(&c, &o), CHORUS_EINVAL);
    CHECK(t, c == NULL);
    chorus_options_init(&o);
    o.cluster_window_days = 0;
    CHECK_INT(t, chorus_corpus_new(&c, &o), CHORUS_EINVAL);
    CHECK_INT(t, chorus_corpus_add_path(NULL, "x"), CHORUS_EINVAL);
    CHECK_INT(t, chorus_corpus_analyze(NULL), CHORUS_EINVAL);
    CHECK_INT(t, chorus_write_brief(NULL, stdout, CHORUS_FORMAT_JSON), CHORUS_EINVAL);
    chorus_corpus_free(NULL);
}

static void stages_in_order(test_ctx *t)
{
    chorus_corpus *c;
    CHECK_INT(t, chorus_corpus_new(&c, NULL), 0);
    CHECK_INT(t, chorus_corpus_add_text(c, "one", "Leaders meet\n\nThe leaders met on Tuesday in the capital.", 56), 1);
    CHECK_INT(t, chorus_corpus_add_text(c, "blank", "   \n\n  ", 7), 0);
    CHECK_INT(t, chorus_corpus_analyze(c), 0);
    CHECK_INT(t, chorus_corpus_analyze(c), CHORUS_ESTATE);
    CHECK_INT(t, chorus_corpus_add_text(c, "late", "Too late.", 9), CHORUS_ESTATE);
    CHECK_INT(t, chorus_corpus_add_path(c, "examples"), CHORUS_ESTATE);
    CHECK_INT(t, chorus_corpus_article_count(c), 1);
    chorus_article_info a;
    CHECK_INT(t, chorus_corpus_article(c, 1, &a), CHORUS_ERANGE);
    CHECK_INT(t, chorus_corpus_article(c, 0, &a), 0);
    CHECK_STR(t, a.id, "a1");
    CHECK_STR(t, a.path, "one");
    CHECK_STR(t, a.title, "Leaders meet");
    CHECK_STR(t, a.text, "The leaders met on Tuesday in the capital.");
    chorus_story_info st;
    CHECK_INT(t, chorus_corpus_story(c, 1, &st), CHORUS_ERANGE);
    CHECK_INT(t, chorus_corpus_story(c, 0, &st), 0);
    CHECK_STR(t, st.id, "s1");
    CHECK_INT(t, chorus_write_brief(c, stdout, CHORUS_FORMAT_TSV), CHORUS_EINVAL);
    chorus_corpus_free(c);
}

static void empty_corpus(test_ctx *t)
{
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    CHECK_INT(t, chorus_corpus_analyze(c), CHORUS_EEMPTY);
    CHECK_INT(t, chorus_corpus_story_count(c), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(t, chorus_write_brief(c, f, CHORUS_FORMAT_JSON), 0);
    fclose(f);
    CHECK(t, strstr(buf, "\"stories\": []") != NULL);
    free(buf);
    chorus_corpus_free(c);
}

/* Non-zero when every listed member of `obj` is present with the JSON type wanted. */
static int has_members(test_ctx *t, json_t *obj, const char *what, const char *const *names, const json_type *types,
                       size_t n)
{
    int ok = json_is_object(obj);
    CHECK_MSG(t, ok, "%s is no object", what);
    for (size_t i = 0; ok && i < n; i++) {
        json_t *v = json_object_get(obj, names[i]);
        int good = v && (json_typeof(v) == types[i] || (types[i] == JSON_STRING && json_is_null(v)) ||
                         (types[i] == JSON_REAL && json_is_number(v)));
        CHECK_MSG(t, good, "%s: \"%s\" missing or of the wrong type", what, names[i]);
        ok &= good;
    }
    return ok;
}

#define MEMBERS(t, obj, what, ...)                                                              \
    do {                                                                                        \
        static const char *const names_[] = {__VA_ARGS__};                                      \
        json_type types_[sizeof names_ / sizeof names_[0]];                                     \
        for (size_t i_ = 0; i_ < sizeof names_ / sizeof names_[0]; i_++)                        \
            types_[i_] = member_type(names_[i_]);                                               \
        has_members(t, obj, what, names_, types_, sizeof names_ / sizeof names_[0]);            \
    } while (0)

/* The JSON type of each member of the contract. */
static json_type member_type(const char *name)
{
    static const char *const arrays[] = {"stories", "articles", "removed", "summary", "sources", "entities",
                                         "quotes", "figures", "timeline", "coverage", "aliases",
                                         "conflicts_with", "sentences", "loaded_terms"};
    static const char *const integers[] = {"words", "mentions"};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        if (strcmp(name, arrays[i]) == 0)
            return JSON_ARRAY;
    for (size_t i = 0; i < sizeof integers / sizeof integers[0]; i++)
        if (strcmp(name, integers[i]) == 0)
            return JSON_INTEGER;
    if (strcmp(name, "value") == 0)
        return JSON_REAL;
    if (strcmp(name, "only_here") == 0)
        return JSON_OBJECT;
    return JSON_STRING;
}

static void json_contract(test_ctx *t)
{
    chorus_corpus *c;
    chorus_corpus_new(&c, NULL);
    chorus_corpus_add_path(c, "examples");
    chorus_corpus_analyze(c);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(t, chorus_write_brief(c, f, CHORUS_FORMAT_JSON), 0);
    fclose(f);
    json_error_t err;
    json_t *root = json_loads(buf, 0, &err);
    CHECK_MSG(t, root != NULL, "not JSON: %s", err.text);
    CHECK_STR(t, json_string_value(json_object_get(root, "format")), "chorus-brief/1");
    json_t *stories = json_object_get(root, "stories");
    CHECK(t, json_array_size(stories) == 3);
    size_t i;
    json_t *st;
    json_array_foreach(stories, i, st) {
        MEMBERS(t, st, "story", "id", "headline", "start", "end", "articles", "summary", "entities", "quotes",
                "figures", "timeline", "coverage");
        /* Each example story has facts of every kind. */
        static const char *const kinds[] = {"entities", "quotes", "figures", "timeline", "coverage"};
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            CHECK_MSG(t, json_array_size(json_object_get(st, kinds[k])) > 0, "story %zu has no %s", i, kinds[k]);
        size_t j;
        json_t *x;
        json_array_foreach(json_object_get(st, "articles"), j, x)
            MEMBERS(t, x, "article", "id", "path", "source", "title", "published", "language", "words",
                    "duplicate_of", "removed");
        json_array_foreach(json_object_get(st, "summary"), j, x)
            MEMBERS(t, x, "summary sentence", "text", "sources");
        json_array_foreach(json_object_get(st, "entities"), j, x)
            MEMBERS(t, x, "entity", "name", "type", "aliases", "mentions", "sources");
        json_array_foreach(json_object_get(st, "quotes"), j, x)
            MEMBERS(t, x, "quote", "id", "speaker", "text", "sources");
        json_array_foreach(json_object_get(st, "figures"), j, x)
            MEMBERS(t, x, "figure", "id", "value", "unit", "qualifier", "about", "text", "sources", "conflicts_with");
        json_array_foreach(json_object_get(st, "timeline"), j, x)
            MEMBERS(t, x, "event", "date", "text", "sources");
        json_array_foreach(json_object_get(st, "coverage"), j, x) {
            MEMBERS(t, x, "coverage", "article", "only_here", "loaded_terms");
            MEMBERS(t, json_object_get(x, "only_here"), "only_here", "sentences", "entities", "figures", "quotes");
        }
    }
    json_decref(root);
    free(buf);
    chorus_corpus_free(c);
}

const test_case api_tests[] = {
    {"version agrees", version_agrees},
    {"every error has a name", every_error_has_a_name},
    {"invalid arguments", invalid_arguments},
    {"stages in order", stages_in_order},
    {"empty corpus", empty_corpus},
    {"json contract", json_contract},
    {NULL, NULL},
};
