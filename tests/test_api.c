/* test_api.c - the public interface's contract: errors, states, ownership. */
#define _DEFAULT_SOURCE /* open_memstream */
#include <stdlib.h>

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
    static const char *const keys[] = {
        "\"format\": \"chorus-brief/1\"", "\"stories\"", "\"id\": \"s1\"", "\"headline\"",
        "\"start\"", "\"end\"", "\"articles\"", "\"path\"", "\"source\"", "\"title\"",
        "\"published\"", "\"language\": \"en\"", "\"words\"", "\"duplicate_of\"", "\"removed\"",
        "\"summary\"", "\"sources\"", "\"entities\": []", "\"quotes\": []", "\"figures\": []",
        "\"timeline\": []", "\"coverage\": []",
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        CHECK_MSG(t, strstr(buf, keys[i]) != NULL, "missing %s", keys[i]);
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
