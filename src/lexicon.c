/* lexicon.c - what Debian's word lists say about names and words: places, people, organisations, currencies. */
#define _DEFAULT_SOURCE /* getline, strtok_r */
#include "lexicon.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"
#include "vocab.h"

#ifndef CHORUS_ISO_CODES_DIR
#define CHORUS_ISO_CODES_DIR "/usr/share/iso-codes/json"
#endif
#ifndef CHORUS_WORDNET_DIR
#define CHORUS_WORDNET_DIR "/usr/share/wordnet"
#endif
#ifndef CHORUS_WORD_LIST
#define CHORUS_WORD_LIST "/usr/share/dict/american-english"
#endif

/* How much a country mapping is trusted, from least to most. */
#define SCORE_PLACE 1        /* a place's own name, from WordNet */
#define SCORE_ADJECTIVE 10   /* plus the letters an adjective shares with the name */
#define SCORE_ISO 100000     /* an ISO 3166-1 name */

/* WordNet lexicographer files of the noun synsets chorus reads. */
#define WN_GROUP 14
#define WN_LOCATION 15
#define WN_OBJECT 17 /* natural objects: continents, rivers, mountains */
#define WN_PERSON 18

struct chorus__lexicon {
    chorus__vocab *names;   /* proper names as written */
    unsigned char *kinds;   /* CHORUS_LEX_* by name id */
    size_t kinds_cap;
    chorus__vocab *common;  /* lower-case common words */
    chorus__vocab *nouns;   /* WordNet noun lemmas, lower case */
    chorus__vocab *person_nouns; /* lower-case nouns for people: "engineer", "envoy" */
    chorus__vocab *country_words; /* adjectives and names -> country_of */
    const char **country_of;
    size_t country_cap;
    size_t *country_score; /* how well an adjective's country was chosen */
    size_t score_cap;
    chorus__vocab *currency_words; /* lower-case currency words and names -> code */
    const char **currency_of;
    size_t currency_cap;
    chorus__arena mem;
};

static int add_name(chorus__lexicon *lex, const char *s, size_t len, unsigned kinds)
{
    uint32_t id = chorus__vocab_intern(lex->names, s, len);
    if (id == CHORUS_VOCAB_NONE)
        return -1;
    size_t old = lex->kinds_cap;
    if (chorus__grow((void **)&lex->kinds, &lex->kinds_cap, (size_t)id + 1, 1))
        return -1;
    if (lex->kinds_cap > old)
        memset(lex->kinds + old, 0, lex->kinds_cap - old);
    lex->kinds[id] |= (unsigned char)kinds;
    return 0;
}

/* Maps `word` to `value` in a vocabulary-indexed table, keeping the first. */
static int add_mapping(chorus__lexicon *lex, chorus__vocab *v, const char ***table, size_t *cap,
                       const char *word, size_t len, const char *value)
{
    uint32_t id = chorus__vocab_intern(v, word, len);
    if (id == CHORUS_VOCAB_NONE)
        return -1;
    size_t old = *cap;
    if (chorus__grow((void **)table, cap, (size_t)id + 1, sizeof **table))
        return -1;
    if (*cap > old)
        memset(*table + old, 0, (*cap - old) * sizeof **table);
    if (!(*table)[id]) {
        const char *copy = chorus__arena_strndup(&lex->mem, value, strlen(value));
        if (!copy)
            return -1;
        (*table)[id] = copy;
    }
    return 0;
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

/* ---------------------------------------------------------------------- */
/* iso-codes                                                              */
/* ---------------------------------------------------------------------- */

/* The key that identifies a country: its ISO 3166-1 alpha-2 code, lower case. */
static int map_country(chorus__lexicon *lex, const char *name, size_t len, const char *key,
                       size_t score);

static int load_countries(chorus__lexicon *lex)
{
    json_t *root = json_load_file(CHORUS_ISO_CODES_DIR "/iso_3166-1.json", 0, NULL);
    json_t *list = root ? json_object_get(root, "3166-1") : NULL;
    size_t i;
    json_t *c;
    int rc = 0;
    json_array_foreach(list, i, c) {
        static const char *const fields[] = {"name", "common_name", "official_name"};
        const char *code = json_string_value(json_object_get(c, "alpha_2"));
        if (!code)
            continue;
        char key[3] = {(char)tolower((unsigned char)code[0]), (char)tolower((unsigned char)code[1]), 0};
        for (size_t f = 0; f < 3 && !rc; f++) {
            const char *s = json_string_value(json_object_get(c, fields[f]));
            if (!s)
                continue;
            /* "Palestine, State of" is listed inverted; the part before the
             * comma is the name in running text. */
            size_t len = strcspn(s, ",");
            if (strncmp(s, "the ", 4) == 0)
                s += 4, len -= 4;
            rc = add_name(lex, s, len, CHORUS_LEX_PLACE | CHORUS_LEX_COUNTRY);
            if (!rc)
                rc = map_country(lex, s, len, key, SCORE_ISO);
        }
    }
    json_decref(root);
    return rc;
}

static int load_regions(chorus__lexicon *lex)
{
    json_t *root = json_load_file(CHORUS_ISO_CODES_DIR "/iso_3166-2.json", 0, NULL);
    json_t *list = root ? json_object_get(root, "3166-2") : NULL;
    size_t i;
    json_t *c;
    int rc = 0;
    json_array_foreach(list, i, c) {
        const char *s = json_string_value(json_object_get(c, "name"));
        if (!s || rc)
            continue;
        /* Names with brackets or slashes ("Bruxelles/Brussel") are several
         * names in one; the first is enough. Regions named with a common word
         * ("Western", "Central") would make every such word a place. */
        size_t len = strcspn(s, "(/,");
        while (len > 0 && s[len - 1] == ' ')
            len--;
        char low[128];
        if (len >= sizeof low)
            continue;
        for (size_t k = 0; k < len; k++)
            low[k] = (char)tolower((unsigned char)s[k]);
        if (chorus__lexicon_common(lex, low, len))
            continue;
        rc = add_name(lex, s, len, CHORUS_LEX_PLACE | CHORUS_LEX_REGION);
    }
    json_decref(root);
    return rc;
}

static int load_currencies(chorus__lexicon *lex)
{
    json_t *root = json_load_file(CHORUS_ISO_CODES_DIR "/iso_4217.json", 0, NULL);
    json_t *list = root ? json_object_get(root, "4217") : NULL;
    size_t i;
    json_t *c;
    int rc = 0;
    /* Bare words that several currencies share go to the one a news text
     * most likely means when it names no country. */
    static const struct {
        const char *word, *code;
    } usual[] = {{"dollar", "USD"}, {"dollars", "USD"}, {"pound", "GBP"}, {"pounds", "GBP"},
                 {"euro", "EUR"}, {"euros", "EUR"}, {"franc", "CHF"}, {"francs", "CHF"},
                 {"yen", "JPY"}, {"yuan", "CNY"}, {"rupee", "INR"}, {"rupees", "INR"},
                 {"ruble", "RUB"}, {"rubles", "RUB"}, {"rouble", "RUB"}, {"roubles", "RUB"},
                 {"shekel", "ILS"}, {"shekels", "ILS"}, {"lira", "TRY"}, {"dinar", "IQD"},
                 {"dinars", "IQD"}, {"riyal", "SAR"}, {"riyals", "SAR"}};
    for (size_t k = 0; k < sizeof usual / sizeof usual[0] && !rc; k++)
        rc = add_mapping(lex, lex->currency_words, &lex->currency_of, &lex->currency_cap,
                         usual[k].word, strlen(usual[k].word), usual[k].code);
    json_array_foreach(list, i, c) {
        const char *name = json_string_value(json_object_get(c, "name"));
        const char *code = json_string_value(json_object_get(c, "alpha_3"));
        if (!name || !code || rc)
            continue;
        char key[128];
        size_t n = strlen(name);
        if (n + 2 >= sizeof key)
            continue;
        memcpy(key, name, n + 1);
        lower(key);
        /* The full name, singular and plural: "chilean peso(s)", "taka". */
        rc = add_mapping(lex, lex->currency_words, &lex->currency_of, &lex->currency_cap, key, n, code);
        if (!rc && key[n - 1] != 's') {
            key[n] = 's';
            rc = add_mapping(lex, lex->currency_words, &lex->currency_of, &lex->currency_cap, key,
                             n + 1, code);
            key[n] = '\0';
        }
        /* The last word alone, when no other currency claims it first. */
        const char *last = strrchr(key, ' ');
        last = last ? last + 1 : key;
        size_t ll = strlen(last);
        if (!rc && ll >= 3)
            rc = add_mapping(lex, lex->currency_words, &lex->currency_of, &lex->currency_cap, last,
                             ll, code);
    }
    json_decref(root);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* WordNet                                                                */
/* ---------------------------------------------------------------------- */

typedef struct {
    unsigned long offset;
    const char *words; /* a location synset's capitalised words, lower case, '|' between */
} location;

static int cmp_location(const void *a, const void *b)
{
    const location *x = a, *y = b;
    return (x->offset > y->offset) - (x->offset < y->offset);
}

static const char *find_location(const location *locs, size_t n, unsigned long offset)
{
    location key = {offset, NULL};
    const location *l = bsearch(&key, locs, n, sizeof *locs, cmp_location);
    return l ? l->words : NULL;
}

/* Splits a data.* line into its words and pointers. Returns the lexicographer
 * file number, or -1 for a line that is not a synset. */
static int parse_synset(char *line, unsigned long *offset, char **words, size_t *nwords,
                        size_t max_words, char **ptrs, size_t *nptrs, size_t max_ptrs)
{
    if (!isdigit((unsigned char)line[0]))
        return -1;
    char *save = NULL;
    char *tok = strtok_r(line, " ", &save);
    *offset = strtoul(tok, NULL, 10);
    char *lexf = strtok_r(NULL, " ", &save);
    strtok_r(NULL, " ", &save); /* synset type */
    char *wc = strtok_r(NULL, " ", &save);
    if (!lexf || !wc)
        return -1;
    size_t w = strtoul(wc, NULL, 16);
    *nwords = 0;
    for (size_t k = 0; k < w; k++) {
        char *word = strtok_r(NULL, " ", &save);
        strtok_r(NULL, " ", &save); /* lex_id */
        if (word && *nwords < max_words)
            words[(*nwords)++] = word;
    }
    char *pc = strtok_r(NULL, " ", &save);
    size_t p = pc ? strtoul(pc, NULL, 10) : 0;
    *nptrs = 0;
    for (size_t k = 0; k < p; k++) {
        char *sym = strtok_r(NULL, " ", &save);
        char *off = strtok_r(NULL, " ", &save);
        char *pos = strtok_r(NULL, " ", &save);
        strtok_r(NULL, " ", &save); /* source/target */
        /* Keep derivation (+) and pertainym (\) pointers to nouns: they tie
         * a nationality adjective to its country. */
        if (sym && off && pos && pos[0] == 'n' && (strcmp(sym, "+") == 0 || strcmp(sym, "\\") == 0) &&
            *nptrs < max_ptrs)
            ptrs[(*nptrs)++] = off;
    }
    return atoi(lexf);
}

/* A WordNet word: underscores for spaces, "(a)" and similar markers at the end. */
static size_t clean_word(char *w)
{
    for (char *p = w; *p; p++)
        if (*p == '_')
            *p = ' ';
    char *paren = strchr(w, '(');
    if (paren)
        *paren = '\0';
    return strlen(w);
}

/* Maps a name or adjective (any case) to a country key, keeping the
 * best-scored mapping when several sources or senses offer one. */
static int map_country(chorus__lexicon *lex, const char *name, size_t len, const char *key,
                       size_t score)
{
    char low[128];
    if (len >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)name[i]);
    uint32_t id = chorus__vocab_intern(lex->country_words, low, len);
    if (id == CHORUS_VOCAB_NONE)
        return -1;
    size_t old = lex->country_cap;
    if (chorus__grow((void **)&lex->country_of, &lex->country_cap, (size_t)id + 1, sizeof *lex->country_of))
        return -1;
    if (lex->country_cap > old)
        memset(lex->country_of + old, 0, (lex->country_cap - old) * sizeof *lex->country_of);
    old = lex->score_cap;
    if (chorus__grow((void **)&lex->country_score, &lex->score_cap, (size_t)id + 1,
                     sizeof *lex->country_score))
        return -1;
    if (lex->score_cap > old)
        memset(lex->country_score + old, 0, (lex->score_cap - old) * sizeof *lex->country_score);
    if (lex->country_of[id] && lex->country_score[id] >= score)
        return 0;
    const char *copy = chorus__arena_strndup(&lex->mem, key, strlen(key));
    if (!copy)
        return -1;
    lex->country_of[id] = copy;
    lex->country_score[id] = score;
    return 0;
}

/* chorus__lexicon_name() of a lower-case name: tries it with capitals at
 * the start of each word ("united states" -> "United States"). */
static unsigned name_any_case(const chorus__lexicon *lex, const char *name, size_t len)
{
    char cap[128];
    if (len >= sizeof cap)
        return 0;
    for (size_t i = 0; i < len; i++)
        cap[i] = (char)((i == 0 || name[i - 1] == ' ') ? toupper((unsigned char)name[i]) : name[i]);
    return chorus__lexicon_name(lex, cap, len);
}

/* Glosses that define a kind of people by origin or membership. */
static int demonym_gloss(const char *gloss)
{
    static const char *const openings[] = {"a native", "an inhabitant", "a member of", "a resident",
                                           "a citizen", "a person of", "a person who is a native"};
    for (size_t i = 0; i < sizeof openings / sizeof openings[0]; i++)
        if (strncmp(gloss, openings[i], strlen(openings[i])) == 0)
            return 1;
    return 0;
}

/* Non-zero when one of a synset's words is a country's name: "US" stays a
 * place, for it is the United States. */
static int names_country(const chorus__lexicon *lex, char *const *words, size_t nw)
{
    for (size_t k = 0; k < nw; k++) {
        char w[256];
        snprintf(w, sizeof w, "%s", words[k]);
        size_t len = clean_word(w);
        if (len > 2 && (name_any_case(lex, w, len) & CHORUS_LEX_COUNTRY))
            return 1;
    }
    return 0;
}

static int load_wordnet(chorus__lexicon *lex)
{
    FILE *f = fopen(CHORUS_WORDNET_DIR "/data.noun", "r");
    if (!f)
        return 0;
    location *locs = NULL;
    size_t nloc = 0, loc_cap = 0;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    char *words[64], *ptrs[1];
    while (!rc && getline(&line, &cap, f) > 0) {
        unsigned long offset;
        size_t nw, np;
        char *bar = strstr(line, " | ");
        const char *gloss = bar ? bar + 3 : "";
        if (bar)
            *bar = '\0'; /* the gloss stays readable after the split below */
        int lexf = parse_synset(line, &offset, words, &nw, 64, ptrs, &np, 0);
        unsigned kind = lexf == WN_PERSON ? CHORUS_LEX_PERSON
                        : lexf == WN_LOCATION || lexf == WN_OBJECT ? CHORUS_LEX_PLACE
                        : lexf == WN_GROUP ? CHORUS_LEX_ORG
                                           : 0;
        if (!kind)
            continue;
        /* People filed by where they come from ("Arab", "Russian": "a native
         * or inhabitant of ...") are kinds of people, not persons. */
        if (kind == CHORUS_LEX_PERSON && demonym_gloss(gloss))
            kind = CHORUS_LEX_PEOPLE;
        for (size_t k = 0; k < nw && !rc; k++) {
            if (!isupper((unsigned char)words[k][0])) {
                /* "engineer", "spokesman": words that describe a person
                 * before their name ("said fire officer Niamh Doyle"). */
                if (kind == CHORUS_LEX_PERSON && !strchr(words[k], '_')) {
                    size_t len = clean_word(words[k]);
                    rc = chorus__vocab_intern(lex->person_nouns, words[k], len) == CHORUS_VOCAB_NONE ? -1 : 0;
                }
                continue;
            }
            size_t len = clean_word(words[k]);
            /* Two capitals are a postal code ("PA", "OK", "VT") far more often
             * in news than the place they abbreviate. */
            if (kind == CHORUS_LEX_PLACE && len <= 2 && !names_country(lex, words, nw))
                continue;
            rc = add_name(lex, words[k], len, kind);
        }
        if (!rc && lexf == WN_LOCATION) {
            chorus__buf all = {0};
            for (size_t k = 0; k < nw && !rc; k++) {
                if (!isupper((unsigned char)words[k][0]))
                    continue;
                if (all.len)
                    rc = chorus__buf_putc(&all, '|');
                if (!rc) {
                    char w[256];
                    snprintf(w, sizeof w, "%s", words[k]);
                    clean_word(w);
                    rc = chorus__buf_puts(&all, w);
                }
            }
            if (!rc && all.len) {
                char *copy = chorus__arena_strndup(&lex->mem, all.data, all.len);
                if (!copy)
                    rc = -1;
                else {
                    lower(copy);
                    location l = {offset, copy};
                    rc = CHORUS_PUSH(locs, nloc, loc_cap, l) ? -1 : 0;
                }
            }
            chorus__buf_free(&all);
        }
    }
    fclose(f);
    qsort(locs, nloc, sizeof *locs, cmp_location);

    /* Every name of a place maps to the place's key: the ISO code of the
     * country among its names ("Russia" shares a synset with "Russian
     * Federation"), else its first name. */
    for (size_t k = 0; k < nloc && !rc; k++) {
        const char *key = NULL;
        for (const char *w = locs[k].words; *w && !key;) {
            size_t wl = strcspn(w, "|");
            const char *c = chorus__lexicon_country(lex, w, wl);
            if (c && strlen(c) == 2 && (name_any_case(lex, w, wl) & CHORUS_LEX_COUNTRY))
                key = c;
            w += wl + (w[wl] == '|');
        }
        char first[128];
        size_t fl = strcspn(locs[k].words, "|");
        if (!key && fl < sizeof first) {
            memcpy(first, locs[k].words, fl);
            first[fl] = '\0';
            key = first;
        }
        size_t score = key == first ? SCORE_PLACE : SCORE_PLACE + 1;
        for (const char *w = locs[k].words; *w && !rc && key;) {
            size_t wl = strcspn(w, "|");
            rc = map_country(lex, w, wl, key, score);
            w += wl + (w[wl] == '|');
        }
    }

    /* Nationality adjectives: "Russian" is derived from Russia, "Israeli"
     * pertains to Israel. An adjective may link to several places (Chinese:
     * China and Taiwan; Egyptian: Egypt and the Egyptian Empire): a country
     * of today first, then the name that shares the longest start with it. */
    f = rc ? NULL : fopen(CHORUS_WORDNET_DIR "/data.adj", "r");
    char *adj_ptrs[16];
    while (f && !rc && getline(&line, &cap, f) > 0) {
        unsigned long offset;
        size_t nw, np;
        if (parse_synset(line, &offset, words, &nw, 64, adj_ptrs, &np, 16) < 0 || !nw ||
            !isupper((unsigned char)words[0][0]))
            continue;
        /* Each adjective of the synset on its own: {Taiwanese, Chinese} links to
         * Taiwan, but "Chinese" is built on "China". */
        for (size_t w = 0; w < nw && !rc; w++) {
            if (!isupper((unsigned char)words[w][0]))
                continue;
            size_t wlen = clean_word(words[w]);
            const char *best_key = NULL;
            size_t best = 0;
            for (size_t k = 0; k < np; k++) {
                const char *names = find_location(locs, nloc, strtoul(adj_ptrs[k], NULL, 10));
                for (const char *loc = names; loc && *loc;) {
                    size_t ln = strcspn(loc, "|"), shared = 0;
                    while (shared < ln && shared < wlen &&
                           tolower((unsigned char)words[w][shared]) == loc[shared])
                        shared++;
                    size_t score = SCORE_ADJECTIVE + shared;
                    if (name_any_case(lex, loc, ln) & CHORUS_LEX_COUNTRY)
                        score += SCORE_ADJECTIVE * 100;
                    const char *key = chorus__lexicon_country(lex, loc, ln);
                    if (key && (!best_key || score > best)) {
                        best_key = key;
                        best = score;
                    }
                    loc += ln + (loc[ln] == '|');
                }
            }
            if (best_key)
                rc = map_country(lex, words[w], wlen, best_key, best);
        }
    }
    if (f)
        fclose(f);
    free(line);
    free(locs);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Word list                                                              */
/* ---------------------------------------------------------------------- */

static int load_words(chorus__lexicon *lex)
{
    FILE *f = fopen(CHORUS_WORD_LIST, "r");
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while (!rc && (n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (n == 0 || strchr(line, '\''))
            continue; /* possessives ("Abbas's") add nothing */
        if (isupper((unsigned char)line[0]))
            rc = add_name(lex, line, (size_t)n, CHORUS_LEX_PROPER);
        else
            rc = chorus__vocab_intern(lex->common, line, (size_t)n) == CHORUS_VOCAB_NONE ? -1 : 0;
    }
    free(line);
    fclose(f);
    return rc;
}

/* WordNet's noun lemmas: index.noun lists one a line, first on the line. */
static int load_nouns(chorus__lexicon *lex)
{
    FILE *f = fopen(CHORUS_WORDNET_DIR "/index.noun", "r");
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    while (!rc && getline(&line, &cap, f) > 0) {
        if (line[0] == ' ')
            continue; /* the licence at the top */
        size_t len = strcspn(line, " ");
        if (memchr(line, '_', len))
            continue; /* phrases */
        rc = chorus__vocab_intern(lex->nouns, line, len) == CHORUS_VOCAB_NONE ? -1 : 0;
    }
    free(line);
    fclose(f);
    return rc;
}

chorus__lexicon *chorus__lexicon_new(void)
{
    chorus__lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return NULL;
    lex->names = chorus__vocab_new();
    lex->common = chorus__vocab_new();
    lex->nouns = chorus__vocab_new();
    lex->person_nouns = chorus__vocab_new();
    lex->country_words = chorus__vocab_new();
    lex->currency_words = chorus__vocab_new();
    if (!lex->names || !lex->common || !lex->nouns || !lex->person_nouns || load_nouns(lex) || !lex->country_words || !lex->currency_words ||
        load_words(lex) || load_countries(lex) || load_regions(lex) || load_currencies(lex) ||
        load_wordnet(lex)) {
        chorus__lexicon_free(lex);
        return NULL;
    }
    return lex;
}

void chorus__lexicon_free(chorus__lexicon *lex)
{
    if (!lex)
        return;
    chorus__vocab_free(lex->names);
    chorus__vocab_free(lex->common);
    chorus__vocab_free(lex->nouns);
    chorus__vocab_free(lex->person_nouns);
    chorus__vocab_free(lex->country_words);
    chorus__vocab_free(lex->currency_words);
    free(lex->kinds);
    free(lex->country_of);
    free(lex->country_score);
    free(lex->currency_of);
    chorus__arena_release(&lex->mem);
    free(lex);
}

unsigned chorus__lexicon_name(const chorus__lexicon *lex, const char *name, size_t len)
{
    uint32_t id = chorus__vocab_find(lex->names, name, len);
    return id == CHORUS_VOCAB_NONE ? 0 : lex->kinds[id];
}

int chorus__lexicon_common(const chorus__lexicon *lex, const char *word, size_t len)
{
    return chorus__vocab_find(lex->common, word, len) != CHORUS_VOCAB_NONE;
}

const char *chorus__lexicon_country(const chorus__lexicon *lex, const char *word, size_t len)
{
    char low[128];
    if (len >= sizeof low)
        return NULL;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)word[i]);
    uint32_t id = chorus__vocab_find(lex->country_words, low, len);
    return id == CHORUS_VOCAB_NONE || id >= lex->country_cap ? NULL : lex->country_of[id];
}

int chorus__lexicon_noun(const chorus__lexicon *lex, const char *word, size_t len)
{
    if (chorus__vocab_find(lex->nouns, word, len) != CHORUS_VOCAB_NONE)
        return 1;
    /* Regular plurals: "prices", "taxes", "policies". */
    char base[64];
    if (len < 3 || len >= sizeof base || word[len - 1] != 's')
        return 0;
    if (chorus__vocab_find(lex->nouns, word, len - 1) != CHORUS_VOCAB_NONE)
        return 1;
    if (len > 3 && word[len - 2] == 'e' && chorus__vocab_find(lex->nouns, word, len - 2) != CHORUS_VOCAB_NONE)
        return 1;
    if (len > 4 && word[len - 3] == 'i' && word[len - 2] == 'e') {
        memcpy(base, word, len - 3);
        base[len - 3] = 'y';
        return chorus__vocab_find(lex->nouns, base, len - 2) != CHORUS_VOCAB_NONE;
    }
    return 0;
}

int chorus__lexicon_person_noun(const chorus__lexicon *lex, const char *word, size_t len)
{
    return chorus__vocab_find(lex->person_nouns, word, len) != CHORUS_VOCAB_NONE;
}

const char *chorus__lexicon_currency(const chorus__lexicon *lex, const char *word, size_t len)
{
    uint32_t id = chorus__vocab_find(lex->currency_words, word, len);
    return id == CHORUS_VOCAB_NONE || id >= lex->currency_cap ? NULL : lex->currency_of[id];
}

size_t chorus__lexicon_size(const chorus__lexicon *lex)
{
    return chorus__vocab_size(lex->names) + chorus__vocab_size(lex->common);
}
