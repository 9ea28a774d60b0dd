/* entities.c - people, organisations and places of a story, each with its aliases merged.
 *
 * Names are runs of capitalised words inside sentences (a sentence's first
 * word only when it is no common word), split from the titles in front of
 * them: "Russian President Vladimir Putin" is the name "Vladimir Putin" with
 * the role "president" and the country "Russia". A name's type comes from
 * what Debian's lists know of it, from its title, from the words organisations
 * and places are named with, and from how the text uses it. Then aliases
 * merge: a surname with the one full name it belongs to, an abbreviation with
 * the name whose initials it spells, and a title used alone ("the Russian
 * president") with the one person the story gave that title. */
#define _GNU_SOURCE /* qsort_r */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "facts.h"
#include "text.h"
#include "token.h"
#include "util.h"

#define MAX_RUN 12        /* longest name, in words */
#define WORD_BYTES 64     /* longest word looked at */
#define SENTENCE_WORDS 256 /* words of a sentence looked at */
/* An entity of unknown type must be named this often to be reported. */
#define OTHER_MIN_MENTIONS 2

/* ---------------------------------------------------------------------- */
/* Titles, organisation and place words                                   */
/* ---------------------------------------------------------------------- */

enum {
    ROLE_NONE = 0,
    ROLE_HONORIFIC, /* Mr, Dr: a person, but no office */
    ROLE_LEADER,    /* head of a state or government */
    ROLE_FOREIGN,   /* foreign minister, secretary of state */
    ROLE_MINISTER,  /* any other minister */
    ROLE_OFFICE,    /* any other office: governor, spokesman, general ... */
};

static const struct {
    const char *phrase; /* folded words, one space between */
    int role;
} roles[] = {
    {"mr", ROLE_HONORIFIC}, {"mrs", ROLE_HONORIFIC}, {"ms", ROLE_HONORIFIC},
    {"dr", ROLE_HONORIFIC}, {"prof", ROLE_HONORIFIC}, {"professor", ROLE_HONORIFIC},
    {"sir", ROLE_HONORIFIC}, {"dame", ROLE_HONORIFIC}, {"lord", ROLE_HONORIFIC},
    {"lady", ROLE_HONORIFIC}, {"madam", ROLE_HONORIFIC},
    {"president", ROLE_LEADER}, {"prime minister", ROLE_LEADER}, {"premier", ROLE_LEADER},
    {"chancellor", ROLE_LEADER}, {"king", ROLE_LEADER}, {"queen", ROLE_LEADER},
    {"emir", ROLE_LEADER}, {"sultan", ROLE_LEADER}, {"leader", ROLE_LEADER},
    {"supreme leader", ROLE_LEADER}, {"head of state", ROLE_LEADER},
    {"foreign minister", ROLE_FOREIGN}, {"foreign secretary", ROLE_FOREIGN},
    {"secretary of state", ROLE_FOREIGN}, {"minister", ROLE_MINISTER},
    {"vice president", ROLE_OFFICE}, {"deputy prime minister", ROLE_OFFICE},
    {"deputy foreign minister", ROLE_OFFICE}, {"deputy minister", ROLE_OFFICE},
    {"secretary", ROLE_OFFICE}, {"secretary-general", ROLE_OFFICE},
    {"secretary general", ROLE_OFFICE}, {"governor", ROLE_OFFICE}, {"gov", ROLE_OFFICE},
    {"mayor", ROLE_OFFICE}, {"senator", ROLE_OFFICE}, {"sen", ROLE_OFFICE},
    {"representative", ROLE_OFFICE}, {"rep", ROLE_OFFICE}, {"congressman", ROLE_OFFICE},
    {"congresswoman", ROLE_OFFICE}, {"ambassador", ROLE_OFFICE}, {"envoy", ROLE_OFFICE},
    {"general", ROLE_OFFICE}, {"gen", ROLE_OFFICE}, {"commander", ROLE_OFFICE},
    {"cmdr", ROLE_OFFICE}, {"admiral", ROLE_OFFICE}, {"adm", ROLE_OFFICE},
    {"colonel", ROLE_OFFICE}, {"col", ROLE_OFFICE}, {"lieutenant", ROLE_OFFICE},
    {"lt", ROLE_OFFICE}, {"major", ROLE_OFFICE}, {"maj", ROLE_OFFICE}, {"captain", ROLE_OFFICE},
    {"capt", ROLE_OFFICE}, {"sergeant", ROLE_OFFICE}, {"sgt", ROLE_OFFICE},
    {"spokesman", ROLE_OFFICE}, {"spokeswoman", ROLE_OFFICE}, {"spokesperson", ROLE_OFFICE},
    {"chief", ROLE_OFFICE}, {"director", ROLE_OFFICE}, {"chairman", ROLE_OFFICE},
    {"chairwoman", ROLE_OFFICE}, {"ceo", ROLE_OFFICE}, {"judge", ROLE_OFFICE},
    {"justice", ROLE_OFFICE}, {"pope", ROLE_OFFICE}, {"cardinal", ROLE_OFFICE},
    {"bishop", ROLE_OFFICE}, {"archbishop", ROLE_OFFICE}, {"rabbi", ROLE_OFFICE},
    {"imam", ROLE_OFFICE}, {"sheikh", ROLE_OFFICE}, {"ayatollah", ROLE_OFFICE},
    {"prince", ROLE_OFFICE}, {"princess", ROLE_OFFICE}, {"crown prince", ROLE_OFFICE},
    {"deputy commissioner", ROLE_OFFICE}, {"commissioner", ROLE_OFFICE},
    {"inspector", ROLE_OFFICE}, {"speaker", ROLE_OFFICE}, {"coach", ROLE_OFFICE},
    {"economist", ROLE_OFFICE}, {"analyst", ROLE_OFFICE}, {"attorney general", ROLE_OFFICE},
};

/* Words that end (or open) the name of an organisation. */
static const char *const org_words[] = {
    "ministry", "department", "council", "commission", "committee", "agency", "authority",
    "bank", "corporation", "corp", "inc", "ltd", "llc", "plc", "company", "co", "group",
    "party", "union", "organization", "organisation", "association", "institute",
    "university", "college", "school", "academy", "court", "parliament", "congress", "senate",
    "assembly", "army", "navy", "forces", "force", "guard", "guards", "corps", "police", "patrol",
    "service", "office", "foundation", "fund", "network", "news", "times", "post", "press",
    "bureau", "center", "centre", "board", "forum", "alliance", "movement", "front", "brigade",
    "brigades", "club", "league", "church", "hospital", "airlines", "airways", "shipping",
    "coalition", "cabinet", "government", "administration", "embassy", "tribunal", "caucus",
    "secretariat", "federation", "reserve", "exchange", "observer", "herald", "journal",
    "gazette", "review", "courier", "dispatch", "wire", "daily", "tribune", "telegraph",
    "newsline", "agency", "securities", "capital", "holdings", "partners", "bancorp",
    /* The same in the languages of much international news. */
    "banco", "banque", "bank", "grupo", "groupe", "gruppe", "ministerio", "ministère",
    "ministerium", "instituto", "institut", "universidad", "université", "universität",
    "partido", "parti", "partei", "fundación", "fondation", "stiftung", "gobierno",
    "gouvernement", "regierung", "compañía", "empresa", "société", "gesellschaft",
};

/* Words that end the name of a place. */
static const char *const place_words[] = {
    "city", "province", "region", "county", "district", "island", "islands", "river", "lake",
    "mountain", "mountains", "strait", "sea", "ocean", "valley", "bay", "gulf", "peninsula",
    "desert", "coast", "street", "square", "airport", "port", "harbour", "harbor",
    "territory", "territories", "village", "town", "border", "plain", "basin",
};

/* Words after a name that only an organisation takes: "Jefferies analysts",
 * "Citigroup shares", "CBS reported". */
static const char *const org_context_after[] = {
    "analysts", "shares", "stock", "stockholders", "shareholders", "spokesman", "spokeswoman",
    "spokesperson", "executives", "employees", "staff", "subsidiary", "headquarters", "reported",
    "affiliate", "broadcast", "stores", "customers", "investors",
};

/* "at" and "of" after a word for a person: "an analyst at Berenberg". */
static const char *const org_context_before[] = {"at", "of", "for", "with"};

/* Companies' legal forms written after their names; not those that are
 * also postal codes or other abbreviations ("NV", "AB", "SE"). */
static const char *const legal_forms[] = {"sa", "s.a", "s.a.", "ag", "gmbh", "n.v", "n.v.", "bv", "spa", "s.p.a",
                                          "s.p.a.", "k.k", "k.k.", "asa", "oyj", "srl", "s.r.l", "pte", "bhd", "tbk"};

/* Marks of a generation written after a name: "Martin Luther King Jr."; not
 * Roman numerals, which number wars and sequels as well ("World War II"). */
static const char *const generations[] = {"jr", "jr.", "sr", "sr."};

/* Suffixes that may be left off a company's name: "Acme" is "Acme Corp". */
static const char *const company_suffixes[] = {"corp", "inc", "ltd", "llc", "plc", "co", "group",
                                               "sa", "ag", "gmbh", "nv", "bv", "spa"};

/* Lower-case words that may stand inside a name: "Bank of England",
 * "Bosnia and Herzegovina" is two names for chorus. */
static const char *const connectors[] = {
    "of", "de", "del", "della", "da", "dos", "das", "do", "van", "von", "der", "den", "al",
    "el", "bin", "ibn", "le", "la", "du", "y", "the", "for",
};

/* Particles that open a name when written with a capital: "Al Jazeera",
 * "Le Pen", "De Niro", "El Salvador", "Van Gogh". The other connectors
 * ("The", "For", "Do") are English words opening a sentence or a title. */
static const char *const name_particles[] = {
    "de", "del", "della", "da", "dos", "das", "van", "von", "der", "al", "el", "bin", "ibn", "le", "la", "du",
};

/* Prepositions of place, after which a lone name is most likely a place
 * ("from" and "to" also take people and organisations). */
static const char *const place_prepositions[] = {
    "in", "at", "near", "across", "outside", "inside", "around", "throughout",
};

/* Country abbreviations that look like organisations' initials. */
static const char *const country_abbreviations[] = {"us", "u.s", "uk", "u.k", "uae", "usa", "drc"};

#define IN(list, w, len) chorus__word_in(list, sizeof list / sizeof list[0], w, len)

/* ---------------------------------------------------------------------- */
/* Words of a sentence                                                    */
/* ---------------------------------------------------------------------- */

typedef struct {
    const chorus__token *tok;
    char fold[WORD_BYTES];
    size_t len;
    uint32_t start, end; /* surface span, without a possessive 's */
    int possessive;
} word;

/* Reads the words of sentence `s` of article `a`. */
static size_t sentence_words(const chorus__article *a, const chorus__sentence *s, word *out, size_t max)
{
    size_t n = 0;
    for (uint32_t k = 0; k < s->tok_count && n < max; k++) {
        const chorus__token *t = &a->tokens[s->tok_start + k];
        word *w = &out[n];
        w->tok = t;
        w->len = chorus__token_word(a, t, w->fold, sizeof w->fold);
        w->start = t->start;
        w->end = t->start + t->len;
        w->possessive = 0;
        /* "Abbas's", "Russia’s": the name ends before the apostrophe. */
        const char *txt = a->text;
        if (w->end - w->start >= 3 && chorus__possessive_s(txt + w->end - 2, 2)) {
            w->end -= 2;
            w->possessive = 1;
        } else if (w->end - w->start >= 5 && chorus__possessive_s(txt + w->end - 4, 4)) {
            w->end -= 4;
            w->possessive = 1;
        } else if (w->end < a->text_len && (txt[w->end] == '\'' ||
                                            (w->end + 3 <= a->text_len &&
                                             memcmp(txt + w->end, "\xE2\x80\x99", 3) == 0)) &&
                   w->end > w->start && txt[w->end - 1] == 's') {
            w->possessive = 1; /* "Abbas’ visit" */
        }
        n++;
    }
    return n;
}

/* Non-zero when only a space or a hyphen separates two words of a name. */
/* Abbreviated titles and prefixes whose full stop does not end a name:
 * "Sen. John McCain", "Gov. Jan Brewer", "St. Moritz". */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "gov", "rep", "gen", "lt", "col", "capt", "sgt",
    "cmdr", "adm", "maj", "st", "rev", "hon", "pres", "supt", "det", "insp", "cpl", "pvt", "fr",
};

/* Non-zero when only a space or a hyphen separates two words of a name, or
 * the full stop of an abbreviated title or of an initial ("George W. Bush"). */
static int joined(const chorus__article *a, const word *x, const word *y)
{
    if (x->possessive)
        return 0;
    uint32_t gap_start = x->tok->start + x->tok->len, gap_end = y->tok->start;
    if (gap_end <= gap_start)
        return gap_end == gap_start;
    if (gap_end - gap_start > 2)
        return 0;
    int initial = x->len == 1 && isupper((unsigned char)a->text[x->tok->start]);
    int stop_allowed = initial || IN(abbreviations, x->fold, x->len);
    for (uint32_t i = gap_start; i < gap_end; i++)
        if (a->text[i] != ' ' && a->text[i] != '-' && !(a->text[i] == '.' && i == gap_start && stop_allowed))
            return 0;
    return 1;
}

/* Number words are counts, not names: "Eight people were hurt". */
static int number_word(const char *w, size_t len)
{
    static const char *const numbers[] = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "million", "billion", "dozen", "dozens", "hundreds", "thousands"};
    return IN(numbers, w, len);
}

/* Non-zero when an opening quotation mark stands between two words. */
static int opens_quotation(const chorus__article *a, const word *x, const word *y)
{
    for (uint32_t i = x->tok->start + x->tok->len; i < y->tok->start; i++)
        /* A straight mark opens when the word follows it at once. */
        if ((a->text[i] == '"' && i + 1 == y->tok->start) ||
            (i + 2 < y->tok->start && memcmp(a->text + i, "\xE2\x80\x9C", 3) == 0))
            return 1;
    return 0;
}

static int capitalised(const word *w)
{
    return (w->tok->flags & (CHORUS_TOK_CAP | CHORUS_TOK_ALLCAPS)) && !(w->tok->flags & CHORUS_TOK_NUMBER);
}

/* What the word lists know word w (as written, with its capitals) to be:
 * CHORUS_LEX_* kinds, 0 when nothing. */
static unsigned word_kinds(const chorus__lexicon *lex, const chorus__article *a, const word *w)
{
    return chorus__lexicon_name(lex, a->text + w->start, w->end - w->start);
}

/* The longest role phrase starting at words[i]; sets *len to its words. */
static int role_at(const word *w, size_t n, size_t i, size_t *len)
{
    char phrase[128];
    int best = ROLE_NONE;
    *len = 0;
    size_t pl = 0;
    for (size_t k = i; k < n && k < i + 4; k++) {
        if (pl + w[k].len + 2 >= sizeof phrase)
            break;
        if (k > i)
            phrase[pl++] = ' ';
        memcpy(phrase + pl, w[k].fold, w[k].len);
        pl += w[k].len;
        for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
            if (roles[r].phrase[0] == phrase[0] && strncmp(roles[r].phrase, phrase, pl) == 0 &&
                roles[r].phrase[pl] == '\0') {
                best = roles[r].role;
                *len = k - i + 1;
            }
        /* "Finance Minister", "Defence Minister": any word before "minister". */
        if (k == i + 1 && w[k].len == 8 && memcmp(w[k].fold, "minister", 8) == 0 && *len < 2) {
            best = (w[i].len == 7 && memcmp(w[i].fold, "foreign", 7) == 0) ? ROLE_FOREIGN : ROLE_MINISTER;
            *len = 2;
        }
    }
    return best;
}

/* ---------------------------------------------------------------------- */
/* Building entities                                                      */
/* ---------------------------------------------------------------------- */

typedef struct {
    const chorus__story_text *story;
    chorus__facts *f;
} builder;

static int find_entity(chorus__facts *f, const char *name)
{
    for (size_t i = 0; i < f->entity_count; i++)
        if (strcmp(f->entities[i].name, name) == 0)
            return (int)i;
    return -1;
}

static int add_alias(chorus__facts *f, chorus__entity *e, const char *alias, size_t len)
{
    if (len == strlen(e->name) && memcmp(alias, e->name, len) == 0)
        return 0;
    for (size_t i = 0; i < e->alias_count; i++)
        if (strlen(e->aliases[i]) == len && memcmp(e->aliases[i], alias, len) == 0)
            return 0;
    const char *copy = chorus__arena_strndup(&f->mem, alias, len);
    if (!copy || CHORUS_PUSH(e->aliases, e->alias_count, e->alias_cap, copy))
        return CHORUS_ENOMEM;
    return 0;
}

/* The entity named `name` (created when new); -1 when out of memory. */
static int entity_for(chorus__facts *f, const char *name, size_t len, int type)
{
    char key[256];
    if (len >= sizeof key)
        len = sizeof key - 1;
    memcpy(key, name, len);
    key[len] = '\0';
    int id = find_entity(f, key);
    if (id >= 0) {
        chorus__entity *e = &f->entities[id];
        /* A firmer type wins over "other". */
        if (e->type == CHORUS_ENTITY_OTHER && type != CHORUS_ENTITY_OTHER)
            e->type = type;
        return id;
    }
    chorus__entity e = {0};
    e.name = chorus__arena_strndup(&f->mem, key, len);
    e.type = type;
    e.merged_into = -1;
    if (!e.name || CHORUS_PUSH(f->entities, f->entity_count, f->entity_cap, e))
        return -1;
    return (int)f->entity_count - 1;
}

static int add_mention(chorus__facts *f, int entity, size_t article, uint32_t start, uint32_t end,
                       uint32_t sentence)
{
    chorus__mention m = {article, start, end, sentence, entity};
    chorus__entity *e = &f->entities[entity];
    e->mentions++;
    if (chorus__sources_add(&e->sources, article))
        return CHORUS_ENOMEM;
    return CHORUS_PUSH(f->mentions, f->mention_count, f->mention_cap, m) ? CHORUS_ENOMEM : 0;
}

/* The surface text of words[from..to) (to exclusive), in one line. */
static const char *surface(const chorus__article *a, const word *w, size_t from, size_t to, size_t *len)
{
    *len = w[to - 1].end - w[from].start;
    return a->text + w[from].start;
}

static int all_caps(const word *w)
{
    return (w->tok->flags & CHORUS_TOK_ALLCAPS) || (w->len <= 5 && memchr(w->fold, '.', w->len));
}

/* Non-zero when a word of the run is in capitals or a lone letter: "D-AZ"
 * is a party and a state, no person's name. */
static int any_caps_or_initial(const word *w, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (all_caps(&w[k]) || w[k].len == 1)
            return 1;
    return 0;
}

/* Type of a name from the name alone. Returns -1 when the name says nothing. */
static int type_of_name(const chorus__lexicon *lex, const chorus__article *a, const word *w, size_t from,
                        size_t to)
{
    size_t len;
    const char *name = surface(a, w, from, to, &len);
    const word *last = &w[to - 1], *first = &w[from];
    unsigned kinds = lex ? chorus__lexicon_name(lex, name, len) : 0;
    /* A name of several words that the lists know ("West Bank") is what they say. */
    if (to - from > 1 && (kinds & (CHORUS_LEX_PLACE | CHORUS_LEX_ORG | CHORUS_LEX_PERSON))) {
        if (kinds & CHORUS_LEX_PLACE)
            return CHORUS_ENTITY_PLACE;
        return kinds & CHORUS_LEX_ORG ? CHORUS_ENTITY_ORGANIZATION : CHORUS_ENTITY_PERSON;
    }
    /* A generation's mark ends a person's name: "Martin Luther King Jr." */
    if (to - from > 1 && IN(generations, last->fold, last->len))
        return CHORUS_ENTITY_PERSON;
    /* A company's legal form after its name ("Kering SA", "Nippon Yusen
     * K.K."); alone, "AG" or "SA" may be an attorney general or a country. */
    if (IN(org_words, last->fold, last->len) ||
        (to - from > 1 && (IN(org_words, first->fold, first->len) || IN(legal_forms, last->fold, last->len))))
        return CHORUS_ENTITY_ORGANIZATION;
    if (to - from > 1 && IN(place_words, last->fold, last->len))
        return CHORUS_ENTITY_PLACE;
    /* The head of a name built with "of" stands before it: "Bahraini Court
     * of Appeals", "Davis School of Law", "Isle of Wight". */
    for (size_t k = from + 1; k + 1 < to; k++) {
        if (w[k].len != 2 || memcmp(w[k].fold, "of", 2) != 0)
            continue;
        if (IN(org_words, w[k - 1].fold, w[k - 1].len))
            return CHORUS_ENTITY_ORGANIZATION;
        if (IN(place_words, w[k - 1].fold, w[k - 1].len))
            return CHORUS_ENTITY_PLACE;
        break;
    }
    if (kinds & (CHORUS_LEX_COUNTRY | CHORUS_LEX_REGION))
        return CHORUS_ENTITY_PLACE;
    /* A word that names people as well as a river or a mountain
     * ("Republican") says too little alone. */
    if (to - from == 1 && (kinds & CHORUS_LEX_PLACE) && (kinds & (CHORUS_LEX_PERSON | CHORUS_LEX_PEOPLE)))
        return -1;
    if ((kinds & CHORUS_LEX_PERSON) && !(kinds & (CHORUS_LEX_PLACE | CHORUS_LEX_ORG)))
        return CHORUS_ENTITY_PERSON;
    if ((kinds & CHORUS_LEX_ORG) && !(kinds & CHORUS_LEX_PLACE))
        return CHORUS_ENTITY_ORGANIZATION;
    if (kinds & CHORUS_LEX_PLACE)
        return CHORUS_ENTITY_PLACE;
    /* An abbreviation nothing explains may be anything ("GDP"): it must
     * spell out a name of the story to get a type. */
    if (to - from == 1 && all_caps(first))
        return IN(country_abbreviations, first->fold, first->len) ? CHORUS_ENTITY_PLACE
                                                                  : CHORUS_ENTITY_OTHER;
    return -1;
}

/* Words for members of a faith, a people or a party, which the word lists
 * do not give as nationalities: no names alone ("a Christian", "Muslims",
 * "the Republicans"). */
static const char *const group_words[] = {
    "christian", "christians", "muslim", "muslims", "jew", "jews", "jewish", "islamist", "islamists",
    "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "catholic", "catholics", "protestant",
    "protestants", "evangelical", "evangelicals", "mormon", "mormons", "hispanic", "hispanics", "latino",
    "latinos", "latina", "latinas", "nazi", "nazis", "republican", "republicans", "democrat", "democrats",
    "martian", "martians",
};

/* Non-zero when the word names a nationality or its people ("Russian",
 * "Palestinians") rather than a country, or a faith's or a party's people. */
static int nationality(const chorus__lexicon *lex, const chorus__article *a, const word *w)
{
    if (IN(group_words, w->fold, w->len))
        return 1;
    const char *s = a->text + w->start;
    size_t len = w->end - w->start;
    unsigned kinds = chorus__lexicon_name(lex, s, len);
    if (kinds & (CHORUS_LEX_COUNTRY | CHORUS_LEX_PLACE))
        return 0;
    if (chorus__lexicon_country(lex, s, len) || (kinds & CHORUS_LEX_PEOPLE))
        return 1;
    /* A plural of a nationality: "Palestinians", "Israelis". */
    return len > 2 && s[len - 1] == 's' && chorus__lexicon_country(lex, s, len - 1) != NULL &&
           !(chorus__lexicon_name(lex, s, len - 1) & CHORUS_LEX_PLACE);
}

/* Non-zero when no word of the name is a common English word: a run of rare
 * capitalised words ("Marites Galicano") is most often a person's name. */
static int rare_words(const chorus__lexicon *lex, const chorus__article *a, const word *w, size_t from,
                      size_t to)
{
    for (size_t k = from; k < to; k++) {
        if (w[k].len < 2 || (lex && chorus__lexicon_common(lex, w[k].fold, w[k].len)) ||
            IN(connectors, w[k].fold, w[k].len) || all_caps(&w[k]))
            return 0;
        /* Hyphenated compounds ("Novo-Ogaryovo") are seldom people. */
        if (k > from && a->text[w[k].start - 1] == '-')
            return 0;
    }
    return 1;
}

/* Non-zero when a name of two or three words opens with a word the word
 * list spells with a capital and knows as no place or organisation ("Anna
 * Berg", "Lars Berg"): mostly given names. */
static int given_name(const chorus__lexicon *lex, const chorus__article *a, const word *w, size_t from,
                      size_t to)
{
    if (!lex || all_caps(&w[from]) || chorus__lexicon_common(lex, w[from].fold, w[from].len))
        return 0;
    unsigned kinds = word_kinds(lex, a, &w[from]);
    if (!(kinds & CHORUS_LEX_PROPER) ||
        (kinds & (CHORUS_LEX_PLACE | CHORUS_LEX_ORG | CHORUS_LEX_COUNTRY | CHORUS_LEX_REGION | CHORUS_LEX_PEOPLE)))
        return 0;
    for (size_t k = from + 1; k < to; k++)
        if (!capitalised(&w[k]) || all_caps(&w[k]) || IN(connectors, w[k].fold, w[k].len))
            return 0;
    return 1;
}

/* Non-zero when a name before "reported" or "broadcast", which outlets
 * and people both do, is a person's: it opens with a given name ("Nicole
 * Winfield reported"), or what is reported is theirs ("Kaldi reported his
 * findings"). */
static int reports_as_person(const chorus__lexicon *lex, const chorus__article *a, const word *w, size_t n,
                             size_t from, size_t to)
{
    static const char *const shared[] = {"reported", "broadcast"};
    static const char *const theirs[] = {"his", "her"};
    if (to >= n || !IN(shared, w[to].fold, w[to].len))
        return 0;
    return (to - from >= 2 && to - from <= 3 && given_name(lex, a, w, from, to)) ||
           (to + 1 < n && IN(theirs, w[to + 1].fold, w[to + 1].len));
}

/* Non-zero when every word of the name is a common English word: a
 * magazine's name ("Good Housekeeping") rather than a person's. */
static int common_words_only(const chorus__lexicon *lex, const word *w, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (!lex || !chorus__lexicon_common(lex, w[k].fold, w[k].len))
            return 0;
    return 1;
}

/* Non-zero when a dash after a quotation stands right before `at`: the
 * name that follows is whom the words are credited to ("“…” — Aaron
 * Paul, asked if …"), a speaker as much as one before "said". */
static int credited_by_dash(const chorus__article *a, uint32_t at)
{
    size_t i = at;
    while (i > 0 && a->text[i - 1] == ' ')
        i--;
    if (i == 0)
        return 0;
    int32_t dash = chorus__utf8_prev(a->text, &i);
    if (dash == '-' && i > 0 && a->text[i - 1] == '-')
        i--;
    else if (dash != 0x2014 && dash != 0x2013)
        return 0;
    while (i > 0 && a->text[i - 1] == ' ')
        i--;
    if (i == 0)
        return 0;
    int32_t mark = chorus__utf8_prev(a->text, &i);
    return mark == 0x201D || mark == '"' || mark == 0x00BB;
}

/* Non-zero when the name is an outlet of the story or its first words. */
static int names_outlet(const chorus__story_text *story, const chorus__article *a, const word *w,
                        size_t from, size_t to)
{
    size_t len = w[to - 1].end - w[from].start;
    const char *name = a->text + w[from].start;
    for (size_t m = 0; m < story->count; m++) {
        const char *src = story->articles[story->members[m]]->source;
        if (src && strncmp(src, name, len) == 0 && (src[len] == '\0' || src[len] == ' '))
            return 1;
    }
    return 0;
}

/* Non-zero (and *len 1) when word k of a run ending at `to` is a word for
 * a kind of person used as a title before a name of two words or more:
 * "Executive John Idol", "District Attorney Margaret Moore" — unless the
 * word list knows it as a name too ("Hunter Biden", "Baker Mayfield") or
 * the run names an organisation. */
static int person_title(const chorus__lexicon *lex, const chorus__article *a, const word *w, size_t to, size_t k,
                        size_t *len)
{
    if (!lex || k + 2 >= to || !capitalised(&w[k + 1]) || IN(org_words, w[to - 1].fold, w[to - 1].len) ||
        !chorus__lexicon_person_noun(lex, w[k].fold, w[k].len) ||
        (word_kinds(lex, a, &w[k]) & CHORUS_LEX_PROPER))
        return 0;
    *len = 1;
    return 1;
}

/* Months that are given names too: "Jan Brewer", "April Ryan". Before a
 * capitalised word they open a name rather than date it. */
static const char *const month_names_of_people[] = {"jan", "april", "may", "june", "august"};

static int calendar_stop(const chorus__article *a, const word *w, size_t n, size_t k)
{
    if (!chorus__calendar_word(w[k].fold, w[k].len))
        return 0;
    if (IN(month_names_of_people, w[k].fold, w[k].len) && k + 1 < n && capitalised(&w[k + 1]) &&
        !chorus__calendar_word(w[k + 1].fold, w[k + 1].len) && joined(a, &w[k], &w[k + 1]) &&
        !(w[k + 1].tok->flags & CHORUS_TOK_NUMBER))
        return 0;
    return 1;
}

/* Words before a title that make it a title rather than a surname. */
static const char *const title_determiners[] = {"the", "a", "an", "its", "his", "her", "their", "our", "whose"};

/* Non-zero when a title and a comma stand right before w[k]: "founder and
 * CEO, Mark Zuckerberg", "the chief executive, Mark Zuckerberg". */
static int after_role_comma(const chorus__article *a, const word *w, size_t k)
{
    size_t rl;
    if (k == 0 || w[k].start < w[k - 1].end + 2 || a->text[w[k - 1].end] != ',')
        return 0;
    for (uint32_t i = w[k - 1].end + 1; i < w[k].start; i++)
        if (a->text[i] != ' ')
            return 0;
    return role_at(w, k, k - 1, &rl) > ROLE_HONORIFIC;
}

/* Handles one run of capitalised words, words[from..to). */
static int take_run(builder *b, size_t article, uint32_t sentence, const word *w, size_t n,
                    size_t from, size_t to)
{
    const chorus__article *a = b->story->articles[article];
    const chorus__lexicon *lex = b->story->lex;
    chorus__facts *f = b->f;
    /* Trim "The" and connectors at the ends, keeping a particle that opens
     * the name with a capital before another capitalised word. */
    while (from < to && IN(connectors, w[from].fold, w[from].len) &&
           !(from + 1 < to && capitalised(&w[from]) && capitalised(&w[from + 1]) &&
             IN(name_particles, w[from].fold, w[from].len)))
        from++;
    while (to > from && IN(connectors, w[to - 1].fold, w[to - 1].len))
        to--;
    if (from >= to)
        return 0;

    /* "President of the Palestinian Authority" names an office, not a
     * person: the organisation after "of" is the name. */
    size_t lead;
    if (role_at(w, to, from, &lead) > ROLE_HONORIFIC && from + lead < to &&
        w[from + lead].len == 2 && memcmp(w[from + lead].fold, "of", 2) == 0) {
        from += lead + 1;
        while (from < to && IN(connectors, w[from].fold, w[from].len))
            from++;
        if (from >= to)
            return 0;
    }

    /* Qualifier and title: "Russian President", "Palestinian Authority President". */
    const char *country = NULL;
    int role = ROLE_NONE;
    size_t name_from = from;
    for (size_t k = from; k < to; k++) {
        size_t rl;
        int r = role_at(w, to, k, &rl);
        /* Any word for a kind of person before a name is a title: "Executive
         * John Idol", "District Attorney Margaret Moore" — unless the word
         * list knows it as a name too ("Hunter Biden", "Baker Mayfield"). */
        if (r == ROLE_NONE && person_title(lex, a, w, to, k, &rl))
            r = ROLE_OFFICE;
        /* "General Assembly", "Security Council": a title word inside an
         * organisation's name is no title. */
        if (r != ROLE_NONE && IN(org_words, w[to - 1].fold, w[to - 1].len))
            r = ROLE_NONE;
        if (r != ROLE_NONE && k + rl < to) {
            role = r;
            for (size_t q = from; q < k && !country && lex; q++)
                country = chorus__lexicon_country(lex, a->text + w[q].start, w[q].end - w[q].start);
            name_from = k + rl;
            /* Several titles in a row: "Deputy Foreign Minister". */
            size_t more;
            while (name_from < to && name_from + 2 < to &&
                   (role_at(w, to, name_from, &more) != ROLE_NONE ||
                    person_title(lex, a, w, to, name_from, &more)))
                name_from += more;
            break;
        }
    }
    if (name_from >= to)
        return 0;
    /* A generation's mark is no name after a title: in "Martin Luther King
     * Jr." the title word is the surname. */
    if (role != ROLE_NONE && to - name_from == 1 && IN(generations, w[name_from].fold, w[name_from].len)) {
        role = ROLE_NONE;
        country = NULL;
        name_from = from;
    }
    /* A title with no name after a determiner or in capitals ("the CEO
     * said", "Mark Zuckerberg, the CEO,", "founder and CEO") is no one's
     * name; "King said" may be Jeff King's. */
    size_t title_len;
    if (role == ROLE_NONE && role_at(w, to, from, &title_len) > ROLE_HONORIFIC && from + title_len == to &&
        (all_caps(&w[from]) || (from > 0 && IN(title_determiners, w[from - 1].fold, w[from - 1].len))))
        return 0;
    /* Nor is an address: "Mr. President", "Madam Speaker". */
    if (role == ROLE_HONORIFIC && role_at(w, to, name_from, &title_len) > ROLE_HONORIFIC &&
        name_from + title_len == to)
        return 0;
    /* Nationalities are no names: "Russian", "Palestinians", and compounds
     * of them ("Israeli-Palestinian"). */
    if (lex && role == ROLE_NONE) {
        size_t adjectives = 0;
        for (size_t k = name_from; k < to; k++)
            adjectives += nationality(lex, a, &w[k]);
        if (adjectives == to - name_from)
            return 0;
        /* A lone capitalised common word ("Western support") that no list
         * knows as a name is a word, not a name. */
        /* But an institution's word capitalised inside a sentence names it:
         * "the Senate voted", "Parliament approved". */
        int institution = name_from > 0 && !capitalised(&w[name_from - 1]) &&
                          IN(org_words, w[name_from].fold, w[name_from].len);
        if (to - name_from == 1 && !institution && chorus__lexicon_common(lex, w[name_from].fold, w[name_from].len) &&
            !(word_kinds(lex, a, &w[name_from]) & (CHORUS_LEX_PLACE | CHORUS_LEX_ORG | CHORUS_LEX_PERSON)))
            return 0;
    }

    int type = type_of_name(lex, a, w, name_from, to);
    /* A name followed by a place word in lower case: "Tablas island". */
    if ((type < 0 || type == CHORUS_ENTITY_OTHER) && to < n && !capitalised(&w[to]) &&
        IN(place_words, w[to].fold, w[to].len))
        type = CHORUS_ENTITY_PLACE;
    /* The outlets that publish the story are organisations: "Meridian" of
     * "Meridian Wire Service". */
    if (type != CHORUS_ENTITY_PERSON && role == ROLE_NONE && names_outlet(b->story, a, w, name_from, to))
        type = CHORUS_ENTITY_ORGANIZATION;
    if (role != ROLE_NONE && (type < 0 || type == CHORUS_ENTITY_PERSON || type == CHORUS_ENTITY_OTHER))
        type = CHORUS_ENTITY_PERSON;
    if (type < 0) {
        /* How the text uses it: "in Doha", "X said", "said X". */
        const word *before = name_from > 0 ? &w[name_from - 1] : NULL;
        if (before && before->len == 3 && memcmp(before->fold, "the", 3) == 0 && name_from > 1)
            before = &w[name_from - 2];
        const word *after = to < n ? &w[to] : NULL;
        int speaks = (after && chorus__speech_verb(after->fold, after->len)) ||
                     (before && chorus__speech_verb(before->fold, before->len)) ||
                     (credited_by_dash(a, w[name_from].start) && !common_words_only(lex, w, name_from, to));
        if (after && !capitalised(after) && IN(org_context_after, after->fold, after->len) &&
            !reports_as_person(lex, a, w, n, name_from, to))
            type = CHORUS_ENTITY_ORGANIZATION; /* "Jefferies analysts", "Michael Kors shares" */
        else if (to - name_from >= 2 && to - name_from <= 4 && rare_words(lex, a, w, name_from, to))
            type = CHORUS_ENTITY_PERSON;
        else if (to - name_from >= 2 && to - name_from <= 3 && given_name(lex, a, w, name_from, to))
            type = CHORUS_ENTITY_PERSON;
        else if (to - name_from >= 2 && to - name_from <= 4 && name_from > 0 && lex &&
                 !all_caps(&w[name_from]) &&
                 (chorus__lexicon_person_noun(lex, w[name_from - 1].fold, w[name_from - 1].len) ||
                  after_role_comma(a, w, name_from)))
            type = CHORUS_ENTITY_PERSON; /* "structural engineer Sofia Reyes", "founder and CEO, Mark Zuckerberg" */
        else if (to - name_from == 1 && before && !speaks && !w[to - 1].possessive &&
                 IN(place_prepositions, before->fold, before->len))
            type = CHORUS_ENTITY_PLACE; /* "in Doha", not "at Rivlin's residence" */
        else if (speaks && to - name_from >= 2 && to - name_from <= 4 && !any_caps_or_initial(w, name_from, to))
            type = CHORUS_ENTITY_PERSON;
        else if (name_from >= 2 && IN(org_context_before, w[name_from - 1].fold, w[name_from - 1].len) &&
                 chorus__lexicon_person_noun(lex, w[name_from - 2].fold, w[name_from - 2].len))
            type = CHORUS_ENTITY_ORGANIZATION; /* "an analyst at Berenberg" */
        else
            type = CHORUS_ENTITY_OTHER;
    }
    /* Capitals for emphasis ("ROMBLON, Philippines") are the name in
     * ordinary case; short all-capital words are abbreviations and stay. */
    size_t nlen;
    const char *name = surface(a, w, name_from, to, &nlen);
    char key[256];
    if (nlen < sizeof key) {
        memcpy(key, name, nlen);
        for (size_t k = name_from; k < to; k++) {
            if (!(w[k].tok->flags & CHORUS_TOK_ALLCAPS) || w[k].end - w[k].start <= 4)
                continue;
            for (uint32_t c = w[k].start + 1; c < w[k].end; c++)
                key[c - w[name_from].start] = (char)tolower((unsigned char)a->text[c]);
        }
        name = key;
    }
    int id = entity_for(f, name, nlen, type);
    if (id < 0)
        return CHORUS_ENOMEM;
    chorus__entity *e = &f->entities[id];
    if (type == CHORUS_ENTITY_PERSON && role > ROLE_HONORIFIC) {
        if (!e->role)
            e->role = role;
        if (country && !e->country)
            e->country = country;
    }
    size_t alen;
    const char *alias = surface(a, w, from, to, &alen);
    if (add_alias(f, e, alias, alen))
        return CHORUS_ENOMEM;
    return add_mention(f, id, article, w[from].start, w[to - 1].end, sentence);
}

/* A title standing for a person: "the Russian president", "Russia's President". */
typedef struct {
    size_t article;
    uint32_t sentence, start, end;
    const char *country;
    int role;
} title_mention;

/* Words that an "of" can extend into a longer name: "Bank of England",
 * "Gulf of Mexico", "Secretary of State" — but not "Sarah Chen of Stanford
 * University", two names side by side. */
static const char *const of_heads[] = {
    "state", "states", "republic", "kingdom", "emirates", "federation", "commonwealth", "duke",
    "duchess", "earl", "house", "museum", "statue", "cape", "isle", "order", "court", "sisters",
    "brothers", "friends", "children", "people", "war", "battle", "treaty", "day", "church",
    "cathedral", "palace", "tower", "gate", "bridge", "dome", "temple", "mount", "faculty",
    "school", "chamber", "society", "academy", "institute", "office", "prosecutor",
};

static int heads_of_phrase(const word *w, size_t k)
{
    size_t rl;
    return IN(org_words, w[k].fold, w[k].len) || IN(place_words, w[k].fold, w[k].len) ||
           IN(of_heads, w[k].fold, w[k].len) || role_at(w, k + 1, k, &rl) != ROLE_NONE;
}

/* Non-zero when the word lists know w as a person's or an organisation's
 * name. */
static int names_someone(const chorus__article *a, const chorus__lexicon *lex, const word *w)
{
    return (word_kinds(lex, a, w) &
            (CHORUS_LEX_PERSON | CHORUS_LEX_ORG)) != 0;
}

static int organisation_word(const word *w)
{
    /* "Services" is the plural of an organisation's word. */
    return IN(org_words, w->fold, w->len) ||
           (w->len > 4 && w->fold[w->len - 1] == 's' && IN(org_words, w->fold, w->len - 1));
}

/* Capitalised words joined by "and" at w[at] that go on to an
 * organisation's word within AND_NAME_WORDS words, in a body's name made of
 * ordinary words ("Securities and Exchange Commission", "National Health
 * and Family Planning Commission"): the index after that word, or 0. Not
 * two names side by side: the word before "and" is an ordinary word and
 * ends no organisation's name ("Police Department and Fire Department";
 * "Securities" does, but not in the "Securities and Exchange Commission"),
 * neither it nor the word before it names a person or an organisation
 * ("Google Image and Google News"), and the words after "and" name none,
 * nor open with a place or "The" ("and U.S. Navy", "and The Washington
 * Post"). */
#define AND_NAME_WORDS 4
static size_t and_in_name(const chorus__article *a, const chorus__lexicon *lex, const word *w, size_t n,
                          size_t from, size_t at)
{
    if (!lex || at >= n || at == from || !(w[at].len == 3 && memcmp(w[at].fold, "and", 3) == 0))
        return 0;
    const word *last = &w[at - 1];
    if (!capitalised(last) || all_caps(last) || !chorus__lexicon_common(lex, last->fold, last->len) ||
        word_kinds(lex, a, last) ||
        (organisation_word(last) && !(last->len == 10 && memcmp(last->fold, "securities", 10) == 0)) ||
        (at - 1 > from && names_someone(a, lex, &w[at - 2])))
        return 0;
    if (at + 1 < n && ((w[at + 1].len == 3 && memcmp(w[at + 1].fold, "the", 3) == 0) ||
                       word_kinds(lex, a, &w[at + 1])))
        return 0;
    for (size_t k = at + 1; k < n && k <= at + AND_NAME_WORDS; k++) {
        if (!capitalised(&w[k]) || !joined(a, &w[k - 1], &w[k]) || names_someone(a, lex, &w[k]))
            return 0;
        if (organisation_word(&w[k]))
            return k + 1;
    }
    return 0;
}

static int find_runs(builder *b, size_t article, title_mention **titles, size_t *ntitles, size_t *cap)
{
    const chorus__article *a = b->story->articles[article];
    const chorus__lexicon *lex = b->story->lex;
    word w[SENTENCE_WORDS];
    for (size_t s = 0; s < a->sentence_count; s++) {
        const chorus__sentence *st = &a->sentences[s];
        if (st->flags & CHORUS_SENT_HEADING)
            continue;
        size_t n = sentence_words(a, st, w, sizeof w / sizeof w[0]);
        /* A line in title case ("Putin Hosts Abbas as Gaza War Rages")
         * capitalises every word but the small ones; prose, however crowded
         * with names, has a verb or a noun in lower case. */
        size_t content = 0, lower = 0;
        for (size_t k = 0; k < n; k++)
            if (!(w[k].tok->flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)) && isalpha((unsigned char)w[k].fold[0])) {
                content++;
                lower += !capitalised(&w[k]);
            }
        if (content >= 4 && lower == 0)
            continue;
        size_t k = 0;
        while (k < n) {
            int usable = capitalised(&w[k]) && !calendar_stop(a, w, n, k) &&
                         !(w[k].fold[0] == 'i' && (w[k].len == 1 || w[k].fold[1] == '\'' ||
                                                   (unsigned char)w[k].fold[1] == 0xE2)) && /* "I", "I'm" */
                         !number_word(w[k].fold, w[k].len);
            /* A word that opens a quotation opens a sentence: “But I guess …” */
            int opens = k == 0 || opens_quotation(a, &w[k - 1], &w[k]);
            /* A sentence's first word is capitalised whatever it is: take it
             * only when it is no common word, or opens a title. */
            if (usable && opens && lex && chorus__lexicon_common(lex, w[k].fold, w[k].len)) {
                size_t rl;
                usable = n > 1 && capitalised(&w[1]) && joined(a, &w[0], &w[1]) &&
                         (role_at(w, n, 0, &rl) != ROLE_NONE ||
                          chorus__lexicon_country(lex, a->text + w[0].start, w[0].end - w[0].start) ||
                          (word_kinds(lex, a, &w[0]) &
                           ~CHORUS_LEX_PROPER));
                /* "Farmer Jonas Pike": a word for a kind of person describes the name after it. */
                if (usable && role_at(w, n, 0, &rl) == ROLE_NONE &&
                    chorus__lexicon_person_noun(lex, w[0].fold, w[0].len))
                    usable = 0;
            }
            /* "A UN official": a function word opens the sentence, not a name. */
            if (usable && opens && (w[k].tok->flags & CHORUS_TOK_STOP) &&
                !IN(connectors, w[k].fold, w[k].len))
                usable = 0;
            if (!usable) {
                k++;
                continue;
            }
            size_t end = k + 1;
            while (end < n && end - k < MAX_RUN) {
                if (!joined(a, &w[end - 1], &w[end]))
                    break;
                if (capitalised(&w[end]) && !calendar_stop(a, w, n, end)) {
                    end++;
                    continue;
                }
                /* A connector inside a name: "Bank of England"; "for" only
                 * after an organisation's word ("Centre for Inland Water Safety"). */
                int connector = IN(connectors, w[end].fold, w[end].len) &&
                                !(w[end].len == 3 && memcmp(w[end].fold, "for", 3) == 0 &&
                                  !IN(org_words, w[end - 1].fold, w[end - 1].len)) &&
                                !(w[end].len == 2 && memcmp(w[end].fold, "of", 2) == 0 &&
                                  !heads_of_phrase(w, end - 1));
                /* "and" inside a body's name made of ordinary words: the
                 * "Ways and Means Committee", the "National Health and
                 * Family Planning Commission" — not "Obama and Senate
                 * Committee", whose first part is a name of its own. */
                size_t and_end = and_in_name(a, lex, w, n, k, end);
                if (and_end) {
                    end = and_end;
                    continue;
                }
                if (connector && end + 1 < n &&
                    joined(a, &w[end], &w[end + 1]) &&
                    (capitalised(&w[end + 1]) ||
                     (IN(connectors, w[end + 1].fold, w[end + 1].len) && end + 2 < n &&
                      capitalised(&w[end + 2])))) {
                    end++;
                    continue;
                }
                break;
            }
            /* A title in lower case after a nationality: "Russian president". */
            size_t rl;
            int role = end < n && joined(a, &w[end - 1], &w[end]) && !capitalised(&w[end])
                           ? role_at(w, n, end, &rl)
                           : ROLE_NONE;
            const char *country = lex ? chorus__lexicon_country(lex, a->text + w[end - 1].start,
                                                                w[end - 1].end - w[end - 1].start)
                                      : NULL;
            if (role > ROLE_HONORIFIC && country && end + rl < n && capitalised(&w[end + rl]) &&
                joined(a, &w[end + rl - 1], &w[end + rl])) {
                /* "Palestinian leader Mahmoud Abbas": the name with its title. */
                size_t name_end = end + rl + 1;
                while (name_end < n && name_end - k < MAX_RUN && capitalised(&w[name_end]) &&
                       joined(a, &w[name_end - 1], &w[name_end]))
                    name_end++;
                if (take_run(b, article, (uint32_t)s, w, n, k, name_end))
                    return CHORUS_ENOMEM;
                k = name_end;
                continue;
            }
            if (role > ROLE_HONORIFIC && country && (end + rl >= n || !capitalised(&w[end + rl]))) {
                size_t from = k > 0 && w[k - 1].len == 3 && memcmp(w[k - 1].fold, "the", 3) == 0 ? k - 1 : k;
                title_mention t = {article, (uint32_t)s, w[from].start, w[end + rl - 1].end, country, role};
                if (CHORUS_PUSH(*titles, *ntitles, *cap, t))
                    return CHORUS_ENOMEM;
                /* The run before the title may still hold a name. */
                if (end - k > 1 && take_run(b, article, (uint32_t)s, w, n, k, end - 1))
                    return CHORUS_ENOMEM;
                k = end + rl;
                continue;
            }
            /* A capitalised title alone: "Russia's President" with no name after. */
            size_t tl;
            for (size_t q = k; q < end; q++) {
                int r = role_at(w, end, q, &tl);
                if (r > ROLE_HONORIFIC && q + tl == end && q > k && lex) {
                    const char *c = chorus__lexicon_country(lex, a->text + w[q - 1].start,
                                                            w[q - 1].end - w[q - 1].start);
                    if (c) {
                        title_mention t = {article, (uint32_t)s, w[k].start, w[end - 1].end, c, r};
                        if (CHORUS_PUSH(*titles, *ntitles, *cap, t))
                            return CHORUS_ENOMEM;
                    }
                }
            }
            if (take_run(b, article, (uint32_t)s, w, n, k, end))
                return CHORUS_ENOMEM;
            k = end;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Merging aliases                                                        */
/* ---------------------------------------------------------------------- */

static size_t word_count(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int w = *s != ' ' && *s != '-';
        n += w && !in;
        in = w;
    }
    return n;
}

/* Ways one entity's name can hold a shorter name: as any of its words, as
 * its last words, or as its first words. */
enum { HOLDS_WORD, HOLDS_END, HOLDS_START };

static int holds(const char *owner, const char *name, size_t len, int how)
{
    size_t ol = strlen(owner);
    if (ol <= len + 1)
        return 0;
    if (how == HOLDS_END)
        return memcmp(owner + ol - len, name, len) == 0 && owner[ol - len - 1] == ' ';
    if (how == HOLDS_START)
        return memcmp(owner, name, len) == 0 && owner[len] == ' ';
    for (const char *p = owner; (p = strstr(p, name)) != NULL; p++)
        if ((p == owner || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
            return 1;
    return 0;
}

/* The one live entity of `type` but `self` whose name holds name[0..len)
 * the way `how` says; -1 when there is none, or several (two people
 * sharing a surname keep it apart). `name` must be NUL-terminated for
 * HOLDS_WORD. */
static long sole_owner(const chorus__facts *f, size_t self, const char *name, size_t len, int type, int how,
                       size_t min_words)
{
    long owner = -1;
    int owners = 0;
    for (size_t k = 0; k < f->entity_count; k++) {
        const chorus__entity *x = &f->entities[k];
        if (k == self || x->merged_into >= 0 || x->type != type || word_count(x->name) < min_words)
            continue;
        if (holds(x->name, name, len, how)) {
            owner = (long)k;
            owners++;
        }
    }
    return owners == 1 ? owner : -1;
}

/* Moves the mentions, aliases and sources of entity `from` to `into`. */
static int merge(chorus__facts *f, size_t from, size_t into)
{
    chorus__entity *src = &f->entities[from], *dst = &f->entities[into];
    if (add_alias(f, dst, src->name, strlen(src->name)))
        return CHORUS_ENOMEM;
    for (size_t i = 0; i < src->alias_count; i++)
        if (add_alias(f, dst, src->aliases[i], strlen(src->aliases[i])))
            return CHORUS_ENOMEM;
    dst->mentions += src->mentions;
    if (chorus__sources_merge(&dst->sources, &src->sources))
        return CHORUS_ENOMEM;
    if (!dst->country)
        dst->country = src->country;
    if (!dst->role)
        dst->role = src->role;
    src->merged_into = (int)into;
    src->mentions = 0;
    for (size_t m = 0; m < f->mention_count; m++)
        if (f->mentions[m].entity == (int)from)
            f->mentions[m].entity = (int)into;
    return 0;
}

/* Initials of a name's capitalised words: "United Nations" -> "un". */
static size_t initials(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    int start = 1;
    for (const char *p = name; *p && n + 1 < cap; p++) {
        if (*p == ' ' || *p == '-') {
            start = 1;
            continue;
        }
        if (start && isupper((unsigned char)*p))
            out[n++] = (char)tolower((unsigned char)*p);
        start = 0;
    }
    out[n] = '\0';
    return n;
}

static int merge_aliases(builder *b, title_mention *titles, size_t ntitles)
{
    chorus__facts *f = b->f;
    const chorus__lexicon *lex = b->story->lex;
    size_t n = f->entity_count;

    /* A one-word name that is a word of exactly one longer person's name is
     * that person; two people sharing a surname keep the word apart. */
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into >= 0 || word_count(e->name) != 1 ||
            e->type == CHORUS_ENTITY_ORGANIZATION || e->type == CHORUS_ENTITY_PLACE)
            continue;
        if (lex && (chorus__lexicon_name(lex, e->name, strlen(e->name)) &
                    (CHORUS_LEX_PLACE | CHORUS_LEX_ORG | CHORUS_LEX_COUNTRY)))
            continue;
        long owner = sole_owner(f, i, e->name, strlen(e->name), CHORUS_ENTITY_PERSON, HOLDS_WORD, 2);
        if (owner >= 0 && merge(f, i, (size_t)owner))
            return CHORUS_ENOMEM;
    }

    /* A surname with its particle ("Le Pen", "De Niro") is the one person
     * whose full name ends with it ("Marine Le Pen"). */
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        const char *space = strchr(e->name, ' ');
        char particle[8];
        size_t pl = space ? (size_t)(space - e->name) : 0;
        if (e->merged_into >= 0 || e->type != CHORUS_ENTITY_PERSON || word_count(e->name) != 2 || !pl ||
            pl >= sizeof particle)
            continue;
        for (size_t c = 0; c < pl; c++)
            particle[c] = (char)tolower((unsigned char)e->name[c]);
        if (!IN(name_particles, particle, pl))
            continue;
        long owner = sole_owner(f, i, e->name, strlen(e->name), CHORUS_ENTITY_PERSON, HOLDS_END, 3);
        if (owner >= 0 && merge(f, i, (size_t)owner))
            return CHORUS_ENOMEM;
    }

    /* Abbreviations: "UN" and "U.N." with "United Nations". */
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into >= 0 || word_count(e->name) != 1)
            continue;
        char abbr[32];
        size_t al = 0;
        for (const char *p = e->name; *p && al + 1 < sizeof abbr; p++) {
            if (*p == '.')
                continue;
            if (!isupper((unsigned char)*p)) {
                al = 0;
                break;
            }
            abbr[al++] = (char)tolower((unsigned char)*p);
        }
        abbr[al] = '\0';
        if (al < 2)
            continue;
        for (size_t k = 0; k < n; k++) {
            chorus__entity *x = &f->entities[k];
            char ini[32];
            if (k == i || x->merged_into >= 0 || word_count(x->name) < 2)
                continue;
            if (initials(x->name, ini, sizeof ini) == al && strcmp(ini, abbr) == 0) {
                if (x->type == CHORUS_ENTITY_OTHER)
                    x->type = e->type;
                if (merge(f, i, k))
                    return CHORUS_ENOMEM;
                break;
            }
        }
    }

    /* A name written with an abbreviation is the name written out:
     * "UN Security Council" is "United Nations Security Council". */
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into < 0 || word_count(e->name) != 1)
            continue;
        const char *full = f->entities[e->merged_into].name;
        for (size_t k = 0; k < n; k++) {
            chorus__entity *x = &f->entities[k];
            if (x->merged_into >= 0 || k == (size_t)e->merged_into || !holds(x->name, e->name, strlen(e->name), HOLDS_WORD))
                continue;
            char expanded[512];
            const char *at = x->name;
            while ((at = strstr(at, e->name)) != NULL &&
                   !((at == x->name || at[-1] == ' ') &&
                     (at[strlen(e->name)] == '\0' || at[strlen(e->name)] == ' ')))
                at++;
            if (!at)
                continue;
            int len = snprintf(expanded, sizeof expanded, "%.*s%s%s", (int)(at - x->name), x->name,
                               full, at + strlen(e->name));
            if (len <= 0 || (size_t)len >= sizeof expanded)
                continue;
            int target = find_entity(f, expanded);
            if (target >= 0 && (size_t)target != k && f->entities[target].merged_into < 0 &&
                merge(f, k, (size_t)target))
                return CHORUS_ENOMEM;
        }
    }

    /* The end of one longer organisation's name is that organisation:
     * "Security Council" and "United Nations Security Council". */
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into >= 0 || e->type != CHORUS_ENTITY_ORGANIZATION || word_count(e->name) < 2)
            continue;
        long owner = sole_owner(f, i, e->name, strlen(e->name), CHORUS_ENTITY_ORGANIZATION, HOLDS_END, 1);
        if (owner >= 0 && merge(f, i, (size_t)owner))
            return CHORUS_ENOMEM;
    }

    /* An organisation named by its first word alone: "Northwind" for
     * "Northwind Airlines", when one organisation of the story starts so. */
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into >= 0 || word_count(e->name) != 1 || e->type == CHORUS_ENTITY_PERSON ||
            e->type == CHORUS_ENTITY_PLACE)
            continue;
        if (lex && (chorus__lexicon_name(lex, e->name, strlen(e->name)) &
                    (CHORUS_LEX_PLACE | CHORUS_LEX_COUNTRY | CHORUS_LEX_REGION | CHORUS_LEX_PEOPLE)))
            continue;
        long owner = sole_owner(f, i, e->name, strlen(e->name), CHORUS_ENTITY_ORGANIZATION, HOLDS_START, 1);
        if (owner >= 0 && merge(f, i, (size_t)owner))
            return CHORUS_ENOMEM;
    }

    /* A company named without its legal suffix: "Tablas Bay Shipping" is
     * "Tablas Bay Shipping Corp". */
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into >= 0 || e->type == CHORUS_ENTITY_PERSON)
            continue;
        size_t el = strlen(e->name);
        for (size_t k = 0; k < n; k++) {
            chorus__entity *x = &f->entities[k];
            if (k == i || x->merged_into >= 0 || strncmp(x->name, e->name, el) != 0 || x->name[el] != ' ')
                continue;
            char suffix[16];
            size_t sl = 0;
            for (const char *p = x->name + el + 1; *p && *p != ' ' && sl + 1 < sizeof suffix; p++)
                if (*p != '.')
                    suffix[sl++] = (char)tolower((unsigned char)*p);
            suffix[sl] = '\0';
            if (!strchr(x->name + el + 1, ' ') && IN(company_suffixes, suffix, sl)) {
                x->type = CHORUS_ENTITY_ORGANIZATION;
                if (merge(f, i, k))
                    return CHORUS_ENOMEM;
                break;
            }
        }
    }

    /* Places that are one country: "Russian Federation" is "Russia"; the
     * name used most stays. */
    for (size_t i = 0; lex && i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into >= 0 || e->type != CHORUS_ENTITY_PLACE)
            continue;
        const char *key = chorus__lexicon_country(lex, e->name, strlen(e->name));
        if (!key || strlen(key) != 2)
            continue;
        for (size_t k = i + 1; k < n; k++) {
            chorus__entity *x = &f->entities[k];
            if (x->merged_into >= 0 || x->type != CHORUS_ENTITY_PLACE)
                continue;
            const char *kx = chorus__lexicon_country(lex, x->name, strlen(x->name));
            if (!kx || strcmp(kx, key) != 0)
                continue;
            size_t from = x->mentions > e->mentions ? i : k, into = from == i ? k : i;
            if (merge(f, from, into))
                return CHORUS_ENOMEM;
            if (from == i)
                break;
        }
    }

    /* Titles alone: the one person the story gave that title and country. */
    for (size_t t = 0; t < ntitles; t++) {
        long who = -1;
        int count = 0;
        for (size_t k = 0; k < n; k++) {
            const chorus__entity *p = &f->entities[k];
            if (p->merged_into >= 0 || p->type != CHORUS_ENTITY_PERSON || !p->country || !p->role)
                continue;
            if (strcmp(p->country, titles[t].country) != 0)
                continue;
            /* "leader" fits any head of state or government. */
            if (p->role != titles[t].role)
                continue;
            who = (long)k;
            count++;
        }
        if (count != 1)
            continue;
        const chorus__article *a = b->story->articles[titles[t].article];
        if (add_alias(f, &f->entities[who], a->text + titles[t].start, titles[t].end - titles[t].start) ||
            add_mention(f, (int)who, titles[t].article, titles[t].start, titles[t].end, titles[t].sentence))
            return CHORUS_ENOMEM;
    }
    return 0;
}

/* Orders entities: most mentioned first, then by name. */
static int cmp_entities(const void *x, const void *y)
{
    const chorus__entity *a = x, *b = y;
    if (a->mentions != b->mentions)
        return a->mentions < b->mentions ? 1 : -1;
    if (a->sources.count != b->sources.count)
        return a->sources.count < b->sources.count ? 1 : -1;
    return strcmp(a->name, b->name);
}

/* Sorting helper: entity indices compared through the entities. */
static int cmp_entity_index(const void *x, const void *y, void *ctx)
{
    const chorus__entity *e = ctx;
    return cmp_entities(&e[*(const size_t *)x], &e[*(const size_t *)y]);
}

/* Non-zero when word k stands where a sentence names who it is about or
 * who speaks: it opens the sentence, or it is set off from the word before
 * (by a quotation's end, a comma) and a speech verb follows ("“…,” Short
 * added"), or it follows a speech verb so set off ("“…,” said Short"). */
static int speaker_place(const chorus__article *a, const word *w, size_t n, size_t k)
{
    if (k == 0)
        return n >= 2;
    if (!joined(a, &w[k - 1], &w[k]))
        return k + 1 < n && chorus__speech_verb(w[k + 1].fold, w[k + 1].len);
    return chorus__speech_verb(w[k - 1].fold, w[k - 1].len) && (k == 1 || !joined(a, &w[k - 2], &w[k - 1]));
}

/* A surname which is also a common word, where a sentence opens with it
 * ("Brewer did not comment", "Marsh said") or where it speaks after a
 * quotation ("“…,” Short added", "“…,” said Short"), was passed over by
 * find_runs; once the story has named the one person with that surname,
 * it is them. */
static int surnames_as_common_words(builder *b, size_t article)
{
    const chorus__article *a = b->story->articles[article];
    chorus__facts *f = b->f;
    word w[SENTENCE_WORDS];
    for (size_t s = 0; s < a->sentence_count; s++) {
        const chorus__sentence *st = &a->sentences[s];
        if ((st->flags & CHORUS_SENT_HEADING) || st->tok_count < 2)
            continue;
        size_t n = sentence_words(a, st, w, SENTENCE_WORDS);
        for (size_t k = 0; k < n; k++) {
            if (!capitalised(&w[k]) || all_caps(&w[k]) ||
                (k + 1 < n && capitalised(&w[k + 1]) && joined(a, &w[k], &w[k + 1])) || !speaker_place(a, w, n, k))
                continue;
            size_t len = w[k].end - w[k].start;
            const char *name = a->text + w[k].start;
            long owner = sole_owner(f, (size_t)-1, name, len, CHORUS_ENTITY_PERSON, HOLDS_END, 2);
            if (owner < 0)
                continue;
            /* Already a mention (the word was no common word)? */
            int known = 0;
            for (size_t m = 0; m < f->mention_count && !known; m++)
                known = f->mentions[m].article == article && f->mentions[m].start == w[k].start;
            if (known)
                continue;
            if (add_alias(f, &f->entities[owner], name, len) ||
                add_mention(f, (int)owner, article, w[k].start, w[k].end, (uint32_t)s))
                return CHORUS_ENOMEM;
        }
    }
    return 0;
}

int chorus__find_entities(const chorus__story_text *story, chorus__facts *f)
{
    builder b = {story, f};
    title_mention *titles = NULL;
    size_t ntitles = 0, cap = 0;
    int rc = 0;
    for (size_t m = 0; m < story->count && !rc; m++)
        rc = find_runs(&b, story->members[m], &titles, &ntitles, &cap);
    if (!rc)
        rc = merge_aliases(&b, titles, ntitles);
    for (size_t m = 0; m < story->count && !rc; m++)
        rc = surnames_as_common_words(&b, story->members[m]);
    free(titles);
    if (rc)
        return rc;

    /* Keep what the story really names: every typed entity, and an untyped
     * one only when named more than once; merged entities live on as
     * aliases. Mentions follow their entity to its new place. */
    size_t n = f->entity_count, kept = 0;
    long *place = malloc((n + 1) * sizeof *place);
    size_t *order = malloc((n + 1) * sizeof *order);
    chorus__entity *sorted = malloc((n + 1) * sizeof *sorted);
    if (!place || !order || !sorted) {
        free(place), free(order), free(sorted);
        return CHORUS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        chorus__entity *e = &f->entities[i];
        if (e->merged_into < 0 && (e->type != CHORUS_ENTITY_OTHER || e->mentions >= OTHER_MIN_MENTIONS)) {
            order[kept++] = i;
        } else {
            free(e->aliases);
            free(e->sources.items);
        }
        place[i] = -1;
    }
    /* Most mentioned first. */
    qsort_r(order, kept, sizeof *order, cmp_entity_index, f->entities);
    for (size_t k = 0; k < kept; k++) {
        sorted[k] = f->entities[order[k]];
        place[order[k]] = (long)k;
    }
    if (kept)
        memcpy(f->entities, sorted, kept * sizeof *sorted);
    f->entity_count = kept;
    size_t mk = 0;
    for (size_t k = 0; k < f->mention_count; k++) {
        long p = place[f->mentions[k].entity];
        if (p < 0)
            continue;
        f->mentions[mk] = f->mentions[k];
        f->mentions[mk++].entity = (int)p;
    }
    f->mention_count = mk;
    free(place), free(order), free(sorted);
    return 0;
}
