/* figures.c - the numbers that matter in a story, their hedges, what they count, and where they conflict.
 *
 * A figure is a number in digits ("40,000", "40 000", "1.2 million", "$5m",
 * "4.75%") or in words ("forty thousand", "thirty-seven") that counts people,
 * money, quantities or shares. Dates, times, ages, vote tallies, years and
 * numbers inside names are not figures. A hedge before it ("more than",
 * "an estimated", "up to") turns the number into an interval; two figures of
 * one quantity whose intervals overlap state one claim, and two whose
 * intervals cannot meet conflict. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chorus.h"
#include "dates.h"
#include "facts.h"
#include "text.h"
#include "token.h"
#include "util.h"

/* An approximate figure ("about 300") allows this much either way. */
#define APPROX_SPAN 0.1
/* Claims of one quantity merge when their values differ by no more than this. */
#define SAME_CLAIM_SPAN 0.1
/* Words looked at around a number for its hedge and what it counts. */
#define CONTEXT_WORDS 8
/* Words that may stand between a number and its count noun. */
#define MAX_MODIFIERS 2
/* Sentences from the top of an article whose casualty counts are its main claims. */
#define EARLY_SENTENCES 6

typedef struct {
    char w[40];
    size_t len;
    uint32_t start, end;
    uint8_t flags;
} fword;

static int is(const fword *w, const char *s)
{
    /* w->w is NUL-terminated: one pass, and most words differ at once. */
    return w->w[0] == s[0] && strcmp(w->w, s) == 0;
}

static int in(const char *const *list, size_t n, const fword *w)
{
    for (size_t i = 0; i < n; i++)
        if (is(w, list[i]))
            return 1;
    return 0;
}
#define IN(list, w) in(list, sizeof list / sizeof list[0], w)

/* ---------------------------------------------------------------------- */
/* Numbers                                                                */
/* ---------------------------------------------------------------------- */

static const struct {
    const char *word;
    double value;
} small_numbers[] = {
    {"zero", 0},       {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},       {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},       {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},   {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},    {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},   {"eighty", 80},    {"ninety", 90},    {"dozen", 12},
};

static double small_value(const fword *w)
{
    for (size_t i = 0; i < sizeof small_numbers / sizeof small_numbers[0]; i++)
        if (is(w, small_numbers[i].word))
            return small_numbers[i].value;
    return -1;
}

static double scale_value(const fword *w)
{
    if (is(w, "hundred"))
        return 100;
    if (is(w, "thousand") || is(w, "k"))
        return 1e3;
    if (is(w, "million") || is(w, "millions") || is(w, "m") || is(w, "mn") || is(w, "mln"))
        return 1e6;
    if (is(w, "billion") || is(w, "billions") || is(w, "bn") || is(w, "b") || is(w, "bln"))
        return 1e9;
    if (is(w, "trillion") || is(w, "tn") || is(w, "trn"))
        return 1e12;
    return 0;
}

/* Parses digits with a decimal point ("40000", "3.5"); the tokeniser has
 * already dropped thousands separators. Returns the digits' length. */
static size_t parse_digits(const char *s, size_t len, double *v)
{
    /* All digits as one integer, divided once by the power of ten of the
     * decimals: a single rounding, so "4.62" reads as the double nearest
     * 4.62 and prints back as written. */
    size_t i = 0;
    double mantissa = 0, scale = 1;
    while (i < len) {
        if (isdigit((unsigned char)s[i])) {
            mantissa = mantissa * 10 + (s[i++] - '0');
            continue;
        }
        /* "40,000": a comma before a group of three digits separates thousands. */
        if (s[i] == ',' && i + 3 < len && isdigit((unsigned char)s[i + 1]) &&
            isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
            (i + 4 >= len || !isdigit((unsigned char)s[i + 4]))) {
            i++;
            continue;
        }
        break;
    }
    if (i + 1 < len && s[i] == '.' && isdigit((unsigned char)s[i + 1])) {
        i++;
        while (i < len && isdigit((unsigned char)s[i])) {
            mantissa = mantissa * 10 + (s[i++] - '0');
            scale *= 10;
        }
    }
    *v = mantissa / scale;
    return i;
}

/* ---------------------------------------------------------------------- */
/* Context                                                                */
/* ---------------------------------------------------------------------- */

/* Hedges, each with the interval it allows around the value v. */
enum { EXACT, MORE, AT_LEAST, ABOUT, NEARLY, UP_TO, LESS };

/* What each kind of hedge is reported as. */
static const char *const hedge_names[] = {NULL, "more than", "at least", "about", "nearly", "up to",
                                          "less than"};

static const struct {
    const char *phrase;
    int kind;
} hedges[] = {
    {"more than", MORE},         {"over", MORE},           {"above", MORE},
    {"exceeding", MORE},         {"exceeded", MORE},       {"upwards of", MORE},
    {"in excess of", MORE},      {"greater than", MORE},   {"at least", AT_LEAST},
    {"no fewer than", AT_LEAST}, {"no less than", AT_LEAST}, {"a minimum of", AT_LEAST},
    {"about", ABOUT},            {"around", ABOUT},        {"roughly", ABOUT},
    {"approximately", ABOUT},    {"some", ABOUT},          {"close to", ABOUT},
    {"an estimated", ABOUT},     {"estimated", ABOUT},     {"circa", ABOUT},
    {"nearly", NEARLY},          {"almost", NEARLY},       {"up to", UP_TO},
    {"as many as", UP_TO},       {"at most", UP_TO},       {"no more than", UP_TO},
    {"a maximum of", UP_TO},     {"less than", LESS},      {"fewer than", LESS},
    {"under", LESS},             {"below", LESS},
};

/* The hedge that ends right before word i; sets *from to its first word. */
static int hedge_before(const fword *w, size_t i, size_t *from)
{
    int best = -1;
    size_t best_words = 0;
    for (size_t h = 0; h < sizeof hedges / sizeof hedges[0]; h++) {
        const char *p = hedges[h].phrase;
        size_t words = 1;
        for (const char *q = p; *q; q++)
            words += *q == ' ';
        if (words > i || words <= best_words)
            continue;
        /* Compare the phrase word by word with w[i-words .. i). */
        const char *q = p;
        int ok = 1;
        for (size_t k = i - words; k < i && ok; k++) {
            size_t l = strcspn(q, " ");
            ok = w[k].len == l && memcmp(w[k].w, q, l) == 0;
            q += l + (q[l] == ' ');
        }
        if (ok) {
            best = (int)h;
            best_words = words;
        }
    }
    *from = i - best_words;
    return best;
}

/* Casualty and count words: several words for one quantity. */
static const struct {
    const char *word;
    const char *concept;
} concepts[] = {
    {"died", "deaths"},       {"dead", "deaths"},          {"killed", "deaths"},
    {"killing", "deaths"},    {"kills", "deaths"},         {"dying", "deaths"},
    {"deaths", "deaths"},     {"death", "deaths"},         {"toll", "deaths"},
    {"fatalities", "deaths"}, {"bodies", "bodies"},        {"lives", "deaths"},
    {"drowned", "deaths"},    {"perished", "deaths"},      {"injured", "injured"},
    {"wounded", "injured"},   {"hurt", "injured"},         {"injuries", "injured"},
    {"injuring", "injured"},  {"wounding", "injured"},
    {"missing", "missing"},   {"unaccounted", "missing"},  {"rescued", "rescued"},
    {"survivors", "rescued"}, {"survived", "rescued"},     {"saved", "rescued"},
    {"evacuated", "displaced"}, {"displaced", "displaced"}, {"homeless", "displaced"},
    {"arrested", "arrested"}, {"detained", "arrested"},    {"aboard", "aboard"},
    {"onboard", "aboard"},    {"passengers", "aboard"},    {"carrying", "aboard"},
    {"carried", "aboard"},
};

/* Casualty words that name the count itself ("the death toll"), not an event. */
static const char *const concept_nouns[] = {"toll", "deaths", "death", "fatalities", "bodies", "lives",
                                            "injuries", "survivors", "passengers", "casualties"};

/* How a concept reads after a count noun ("people killed") or alone ("deaths"). */
static const char *concept_label(const char *concept, int after_noun)
{
    if (strcmp(concept, "deaths") == 0)
        return after_noun ? "killed" : "deaths";
    if (strcmp(concept, "bodies") == 0)
        return after_noun ? "recovered" : "bodies recovered";
    return concept; /* "injured", "missing", "rescued", "displaced", "arrested", "aboard", "capacity" */
}

static const char *concept_of(const fword *w)
{
    for (size_t i = 0; i < sizeof concepts / sizeof concepts[0]; i++)
        if (is(w, concepts[i].word))
            return concepts[i].concept;
    return NULL;
}

/* Units of measure that may follow a number. */
static const char *const measures[] = {
    "tons", "tonnes", "ton", "tonne", "kg", "kilograms", "kilogrammes", "grams", "lbs",
    "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "ft", "cm", "mm",
    "hectares", "acres", "litres", "liters", "gallons", "barrels", "megawatts", "mw", "gw",
    "kw", "degrees", "knots", "mph", "kph", "votes", "seats", "bp", "inches", "inch", "yards", "pence",
};

/* Measures and counts written joined to the number ("an 8,315-ton
 * destroyer", "a 222-meter ship", "its 20-member crew", "a 3,000-strong
 * force"), with the plural a figure keeps. */
static const struct {
    const char *one, *unit;
} joined_measures[] = {
    {"ton", "tons"},       {"tonne", "tonnes"},   {"meter", "meters"},   {"metre", "metres"},
    {"kilometer", "kilometers"}, {"kilometre", "kilometres"}, {"mile", "miles"}, {"foot", "feet"},
    {"inch", "inches"},    {"yard", "yards"},     {"acre", "acres"},     {"hectare", "hectares"},
    {"gallon", "gallons"}, {"barrel", "barrels"}, {"pound", "pounds"},   {"megawatt", "megawatts"},
    {"member", "members"}, {"person", "people"},  {"strong", "people"},
};

/* Nouns for a body of people counted after "of": "a crew of 20", "a
 * workforce of 3,000". */
static const char *const collective_nouns[] = {"crew", "staff", "workforce", "population", "fleet", "force",
                                               "delegation", "congregation", "garrison", "contingent"};

/* Nouns that count people and things without a plural "s". */
static const char *const count_nouns[] = {"people", "children", "men", "women", "police", "staff",
                                          "personnel", "crew", "livestock", "cattle", "sheep", "fish"};

/* Durations: a number of hours or years dates an event more than it counts
 * anything, and belongs to the timeline. */
static const char *const durations[] = {"hours", "hour", "days", "day", "weeks", "week", "months",
                                        "month", "years", "year", "minutes", "minute", "seconds",
                                        "decades", "centuries", "nights", "times"};

/* Words after a figure that make it part of another: "three more bodies". */
static const char *const partial_after[] = {"more", "other", "additional", "further", "extra", "new"};
/* Words before a figure that make it a part: "including 14 children". */
static const char *const partial_before[] = {"including", "among", "another", "additional", "further"};

/* Words before the noun of "700 tons of the aid". */
static const char *const determiners[] = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these"};

/* Words of time after a figure say when, not what: "2.4% last year". */
static const char *const time_words[] = {"last", "next", "this", "year", "years", "week", "month",
                                         "day", "earlier", "later", "ago", "since", "before", "after"};

/* Words that end a number's context: it counts nothing beyond them. */
static const char *const clause_ends[] = {"and", "or", "but", "while", "as", "which", "who", "that",
                                          "after", "when", "because", "since", "before", "although", "if"};

/* Words before a figure that make it a limit rather than a count: "licensed
 * to carry 110 passengers", "a capacity of 500". */
static const char *const capacity_words[] = {"licensed", "certified", "capacity", "designed", "permitted",
                                             "allowed", "rated", "built", "limit", "maximum"};

/* ---------------------------------------------------------------------- */
/* Finding figures in a sentence                                          */
/* ---------------------------------------------------------------------- */

typedef struct {
    double value;
    int hedge;          /* index into hedges, or -1 */
    char unit[24];
    char about[96];
    char key[96];       /* what is counted, for matching across articles */
    uint32_t start, end; /* the phrase in the text */
    int part;           /* a part or an increment ("three more bodies") */
    int headline;       /* a lead's figure or a toll: a story's main claims */
} raw_figure;

static size_t sentence_words(const chorus__article *a, const chorus__sentence *s, fword *out, size_t max)
{
    size_t n = 0;
    for (uint32_t k = 0; k < s->tok_count && n < max; k++) {
        const chorus__token *t = &a->tokens[s->tok_start + k];
        fword *w = &out[n++];
        w->len = chorus__token_word(a, t, w->w, sizeof w->w);
        w->start = t->start;
        w->end = t->start + t->len;
        w->flags = t->flags;
    }
    return n;
}

/* What lies between two words, as text. */
static int gap_is(const chorus__article *a, const fword *x, const fword *y, const char *gap)
{
    size_t gl = strlen(gap);
    return y->start - x->end == gl && memcmp(a->text + x->end, gap, gl) == 0;
}

/* Non-zero when only spaces lie between two offsets: "3% target". */
static int spaces_between(const chorus__article *a, uint32_t from, uint32_t to)
{
    if (from >= to)
        return 0;
    for (uint32_t k = from; k < to; k++)
        if (a->text[k] != ' ')
            return 0;
    return 1;
}

static int gap_spaces(const chorus__article *a, const fword *x, const fword *y)
{
    if (y->start <= x->end)
        return 0;
    for (uint32_t i = x->end; i < y->start; i++)
        if (a->text[i] != ' ')
            return 0;
    return 1;
}

/* Currency written before an amount: "$", "US$", "€", "£", "¥", "₹", "Rs". */
static const char *currency_symbol(const chorus__article *a, uint32_t at)
{
    static const struct {
        const char *sym, *code;
    } symbols[] = {{"US$", "USD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"HK$", "HKD"}, {"$", "USD"},
                   {"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"}, {"\xC2\xA5", "JPY"},
                   {"\xE2\x82\xB9", "INR"}, {"\xE2\x82\xBD", "RUB"}, {"\xE2\x82\xAA", "ILS"},
                   {"\xE2\x82\xA9", "KRW"}, {"\xE2\x82\xBA", "TRY"}, {"\xE2\x82\xB1", "PHP"},
                   {"\xE0\xA7\xB3", "BDT"}};
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        size_t l = strlen(symbols[i].sym);
        if (at >= l && memcmp(a->text + at - l, symbols[i].sym, l) == 0)
            return symbols[i].code;
    }
    return NULL;
}

/* The dates of a sentence, found once when its first number is read:
 * dates, times and the like hold digits but are no figures. Up to `stop`,
 * the end of the words read (a date takes one of them at least). */
typedef struct {
    uint32_t start[512], end[512];
    size_t count;
    int found;
} date_spans;

static void find_dates(const chorus__article *a, const chorus__sentence *s, size_t stop, date_spans *ds)
{
    size_t pos = s->start;
    ds->found = 1;
    while (pos < stop && ds->count < sizeof ds->start / sizeof *ds->start) {
        chorus__date d;
        size_t at, span;
        if (!chorus__date_find(a->text + pos, s->start + s->len - pos, &d, &at, &span) || pos + at >= stop)
            return;
        ds->start[ds->count] = (uint32_t)(pos + at);
        ds->end[ds->count++] = (uint32_t)(pos + at + span);
        pos += at + span;
    }
}

static int inside_date(const chorus__article *a, const chorus__sentence *s, date_spans *ds, size_t stop,
                       uint32_t start, uint32_t end)
{
    if (!ds->found)
        find_dates(a, s, stop, ds);
    for (size_t k = 0; k < ds->count; k++)
        if (start < ds->end[k] && end > ds->start[k])
            return 1;
    return 0;
}

static int month_word(const fword *w)
{
    return chorus__calendar_word(w->w, w->len);
}

/* Reads the number that starts at word i, if one does. Sets *last to its
 * last word and *value; returns 0 when word i opens no number. */
static int read_number(const chorus__article *a, const fword *w, size_t n, size_t i, size_t *last,
                       double *value, int *digits)
{
    *digits = 0;
    if (w[i].flags & CHORUS_TOK_NUMBER) {
        double v;
        size_t used = parse_digits(w[i].w, w[i].len, &v);
        if (used != w[i].len)
            return 0;
        size_t k = i;
        /* "40 000": groups of three digits after a space. */
        while (k + 1 < n && (w[k + 1].flags & CHORUS_TOK_NUMBER) && w[k + 1].len == 3 &&
               !memchr(w[k + 1].w, '.', 3) && gap_spaces(a, &w[k], &w[k + 1]) && v < 1000 * 1000 &&
               w[k].end - w[k].start <= 3 + (k > i ? 0 : 0) && k - i < 3) {
            double g;
            parse_digits(w[k + 1].w, 3, &g);
            v = v * 1000 + g;
            k++;
        }
        *digits = 1;
        *value = v;
        *last = k;
        return 1;
    }
    /* Digits with a suffix the tokeniser kept in one word: "5m", "2bn", "10k". */
    if (isdigit((unsigned char)w[i].w[0])) {
        double v;
        size_t used = parse_digits(w[i].w, w[i].len, &v);
        fword suffix = w[i];
        memmove(suffix.w, w[i].w + used, w[i].len - used + 1);
        suffix.len = w[i].len - used;
        double sc = scale_value(&suffix);
        if (!sc)
            return 0;
        *digits = 1;
        *value = v * sc;
        *last = i;
        return 2; /* scaled already */
    }
    /* "half a million" */
    if (is(&w[i], "half") && i + 2 < n && is(&w[i + 1], "a") && scale_value(&w[i + 2]) >= 1000) {
        *value = 0.5 * scale_value(&w[i + 2]);
        *last = i + 2;
        return 1;
    }
    /* Words: "forty thousand", "thirty-seven", "two hundred and fifty". */
    double total = 0, current = -1;
    size_t k = i;
    for (; k < n; k++) {
        double sv = small_value(&w[k]);
        double sc = scale_value(&w[k]);
        if (is(&w[k], "dozen") && current > 0) {
            current *= 12; /* "two dozen" */
        } else if (sv >= 0) {
            current = (current < 0 ? 0 : current) + sv;
        } else if (sc && current >= 0) {
            if (sc == 100)
                current *= 100;
            else {
                total += current * sc;
                current = 0;
            }
        } else if (is(&w[k], "and") && current >= 0 && k + 1 < n && small_value(&w[k + 1]) >= 0 &&
                   total + current >= 100) {
            continue;
        } else {
            break;
        }
        /* The next word must follow with a space or a hyphen. */
        if (k + 1 < n && !gap_spaces(a, &w[k], &w[k + 1]) && !gap_is(a, &w[k], &w[k + 1], "-"))
            break;
    }
    if (current < 0 && total == 0)
        return 0;
    /* "a dozen" alone and "one" alone are words, not figures. */
    *value = total + (current > 0 ? current : 0);
    *last = k > i ? k - 1 : i;
    while (*last > i && is(&w[*last], "and"))
        (*last)--;
    return 1;
}

/* Verbs that put a level or a change to a quantity: "inflation stood at
 * 4.9%", "cut the rate to 4.75%". */
static const char *const level_verbs[] = {
    "stood", "stands", "was", "is", "were", "are", "rose", "rises", "fell", "falls", "reached",
    "hit", "cut", "lowered", "raised", "climbed", "dropped", "grew", "increased", "decreased",
    "declined", "jumped", "slipped", "eased", "surged", "remained", "held", "kept", "set",
    "slowed", "accelerated", "exceeded", "totalled", "totaled", "averaged",
};
static const char *const level_prepositions[] = {"at", "to", "by", "from", "of", "around", "near"};

/* Nouns that measure a change rather than name what changes: "by a
 * quarter of a percentage point", "25 basis points". */
static const char *const fraction_words[] = {"basis", "points", "point", "percentage", "quarter",
                                             "half", "third", "fraction", "percent"};

/* The phrase naming what a number counts, scanning back from word `i`:
 * the nearest run of content words before a level verb or a preposition
 * ("benchmark interest rate" in "lowered its benchmark interest rate by 25
 * basis points to 4.75%"). Empty when nothing fits. */
static void subject_before(const chorus__lexicon *lex, const chorus__article *a, const fword *w, size_t i,
                           char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t k = i; k-- > 0 && k + 2 * CONTEXT_WORDS > i;) {
        if (IN(clause_ends, &w[k]))
            return;
        /* A noun in lower case: "inflation", "rate" (WordNet says which
         * words are nouns; without it, no phrase rather than a verb). */
        /* A capital only because it opens the sentence ("Unemployment rose"). */
        int capital = (w[k].flags & CHORUS_TOK_CAP) && k > 0;
        int content = !(w[k].flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)) && !capital &&
                      isalpha((unsigned char)w[k].w[0]) && !IN(level_verbs, &w[k]) && !IN(measures, &w[k]) &&
                      !IN(fraction_words, &w[k]) &&
                      !chorus__speech_verb(w[k].w, w[k].len) && w[k].len > 2 && lex &&
                      chorus__lexicon_noun(lex, w[k].w, w[k].len);
        if (!content || k + 1 >= i + 1)
            continue;
        const fword *after = &w[k + 1];
        if (!(IN(level_verbs, after) || IN(level_prepositions, after)))
            continue;
        size_t from = k;
        while (from > 0 && k - from < 2 && !(w[from - 1].flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)) &&
               isalpha((unsigned char)w[from - 1].w[0]) && !IN(level_verbs, &w[from - 1]) &&
               !(w[from - 1].flags & CHORUS_TOK_CAP))
            from--;
        snprintf(out, cap, "%.*s", (int)(w[k].end - w[from].start), a->text + w[from].start);
        return;
    }
}

/* Non-zero when the text before offset `at`, past spaces, is a
 * possessive's ending: "the House's 240 members". */
static int after_possessive(const chorus__article *a, uint32_t at)
{
    while (at > 0 && a->text[at - 1] == ' ')
        at--;
    return (at >= 2 && chorus__possessive_s(a->text + at - 2, 2)) ||
           (at >= 4 && chorus__possessive_s(a->text + at - 4, 4));
}

/* Non-zero when the number is no figure by where it stands: glued to other
 * numbers or names by hyphens ("3-2", "COVID-19", "555-0102"), an ordinal,
 * a time, part of a date, an age, or a number naming a thing ("No. 10"). */
static int not_a_figure(const chorus__article *a, const chorus__sentence *s, date_spans *dates, const fword *w,
                        size_t n, size_t i, size_t last, double v, int digits)
{
    size_t next = last + 1;
    if ((i > 0 && gap_is(a, &w[i - 1], &w[i], "-")) ||
        (next < n && gap_is(a, &w[last], &w[next], "-") && (w[next].flags & CHORUS_TOK_NUMBER)))
        return 1;
    /* "three quarters of its revenue", "two thirds": a fraction, no count. */
    if (next < n && (is(&w[next], "quarters") || is(&w[next], "thirds") || is(&w[next], "fifths") ||
                     is(&w[next], "halves") || is(&w[next], "tenths")))
        return 1;
    if (next < n && w[next].start == w[last].end &&
        (is(&w[next], "st") || is(&w[next], "nd") || is(&w[next], "rd") || is(&w[next], "th")))
        return 1;
    if (w[last].end < a->text_len && a->text[w[last].end] == ':' && next < n && (w[next].flags & CHORUS_TOK_NUMBER))
        return 1;
    if (next < n && (is(&w[next], "a.m") || is(&w[next], "p.m") || is(&w[next], "am") || is(&w[next], "pm") ||
                     is(&w[next], "o'clock") || is(&w[next], "gmt") || is(&w[next], "utc")))
        return 1;
    if (inside_date(a, s, dates, w[n - 1].end, w[i].start, w[last].end) || (i > 0 && month_word(&w[i - 1])) ||
        (next < n && month_word(&w[next])))
        return 1;
    if ((next < n && gap_is(a, &w[last], &w[next], "-") && is(&w[next], "year")) ||
        (i > 0 && (is(&w[i - 1], "aged") || is(&w[i - 1], "age"))) ||
        (i > 0 && w[i].start >= 2 && a->text[w[i].start - 2] == ',' && w[last].end < a->text_len &&
         a->text[w[last].end] == ',' && digits && v < 120))
        return 1;
    /* "the IRS's 2013 investigations": a year. */
    if (digits && v >= 1900 && v <= 2100 && v == floor(v) && w[last].end - w[i].start == 4 &&
        after_possessive(a, w[i].start))
        return 1;
    /* "Flight 370", "Chapter 11" — but not "Nearly 300" opening a sentence,
     * nor "the House's 240 members". */
    size_t hedge_from;
    if (i > 0 && (w[i - 1].flags & CHORUS_TOK_CAP) && !(w[i - 1].flags & CHORUS_TOK_STOP) &&
        !after_possessive(a, w[i].start) && gap_spaces(a, &w[i - 1], &w[i]) && digits &&
        !currency_symbol(a, w[i].start) && hedge_before(w, i, &hedge_from) < 0)
        return 1;
    return 0;
}

/* Reads the unit after a number (scale, currency, percent, measure or
 * count noun) into f, extending f->end; returns the index after it. */
static size_t read_unit(const chorus__story_text *story, const chorus__article *a, const fword *w, size_t n,
                        size_t i, size_t u, int got, int digits, raw_figure *f)
{
    if (got == 1 && u < n && gap_spaces(a, &w[u - 1], &w[u]) && scale_value(&w[u]) && digits &&
        !is(&w[u], "b") && !is(&w[u], "m") && !is(&w[u], "k")) {
        f->value *= scale_value(&w[u]);
        f->end = w[u].end;
        u++;
    }
    const char *cur = currency_symbol(a, w[i].start);
    if (cur) {
        snprintf(f->unit, sizeof f->unit, "%s", cur);
        /* Take the symbol into the phrase: back over it to the space before. */
        while (f->start > 0 && a->text[f->start - 1] != ' ')
            f->start--;
        return u;
    }
    if (f->end < a->text_len && a->text[f->end] == '%') {
        strcpy(f->unit, "%");
        f->end++;
        return u;
    }
    if (u < n && (is(&w[u], "percent") || is(&w[u], "pct") || (is(&w[u], "per") && u + 1 < n && is(&w[u + 1], "cent")))) {
        strcpy(f->unit, "%");
        u += is(&w[u], "per") ? 2 : 1;
        f->end = w[u - 1].end;
        return u;
    }
    if (u + 1 < n && is(&w[u], "basis") && is(&w[u + 1], "points")) {
        strcpy(f->unit, "bp");
        f->end = w[u + 1].end;
        return u + 2;
    }
    if (u < n && story->lex) {
        /* "15 million dollars", "25,000 taka", "948 Chilean pesos". */
        const char *code = chorus__lexicon_currency(story->lex, w[u].w, w[u].len);
        size_t used = 1;
        if (!code && u + 1 < n && (w[u].flags & CHORUS_TOK_CAP)) {
            char two[96];
            snprintf(two, sizeof two, "%s %s", w[u].w, w[u + 1].w);
            code = chorus__lexicon_currency(story->lex, two, strlen(two));
            used = 2;
        }
        if (code && (used == 2 || !(w[u].flags & CHORUS_TOK_STOP))) {
            snprintf(f->unit, sizeof f->unit, "%s", code);
            f->end = w[u + used - 1].end;
            return u + used;
        }
    }
    /* "an 8,315-ton destroyer" */
    if (u < n && gap_is(a, &w[u - 1], &w[u], "-") && digits)
        for (size_t k = 0; k < sizeof joined_measures / sizeof joined_measures[0]; k++)
            if (is(&w[u], joined_measures[k].one)) {
                snprintf(f->unit, sizeof f->unit, "%s", joined_measures[k].unit);
                f->end = w[u].end;
                return u + 1;
            }
    /* "56 nautical miles" */
    if (u + 1 < n && is(&w[u], "nautical") && is(&w[u + 1], "miles") && gap_spaces(a, &w[u - 1], &w[u])) {
        strcpy(f->unit, "nautical miles");
        f->end = w[u + 1].end;
        return u + 2;
    }
    if (u < n && !(w[u].flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER | CHORUS_TOK_CAP)) &&
        isalpha((unsigned char)w[u].w[0]) && gap_spaces(a, &w[u - 1], &w[u]) &&
        (IN(measures, &w[u]) || IN(count_nouns, &w[u]) || IN(durations, &w[u]) ||
         (w[u].len > 3 && w[u].w[w[u].len - 1] == 's') || concept_of(&w[u]))) {
        snprintf(f->unit, sizeof f->unit, "%.*s", (int)w[u].len, w[u].w);
        f->end = w[u].end;
        return u + 1;
    }
    /* A count noun after a few modifiers: "seven American sailors", "240
     * Republican members", "150 company-operated retail stores". */
    if (u < n && story->lex && gap_spaces(a, &w[u - 1], &w[u])) {
        size_t k = u, modifiers = 0;
        while (k < n && modifiers < MAX_MODIFIERS && !(w[k].flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)) &&
               isalpha((unsigned char)w[k].w[0]) && !IN(partial_after, &w[k]) && !IN(time_words, &w[k]) &&
               !IN(durations, &w[k]) && !concept_of(&w[k])) {
            /* "company-operated" is one modifier */
            while (k + 1 < n && gap_is(a, &w[k], &w[k + 1], "-"))
                k++;
            k++;
            modifiers++;
            if (k < n && gap_spaces(a, &w[k - 1], &w[k]) && !(w[k].flags & (CHORUS_TOK_CAP | CHORUS_TOK_STOP)) &&
                w[k].len > 3 && w[k].w[w[k].len - 1] == 's' && !IN(durations, &w[k]) &&
                chorus__lexicon_noun(story->lex, w[k].w, w[k].len)) {
                snprintf(f->unit, sizeof f->unit, "%.*s", (int)w[k].len, w[k].w);
                f->end = w[k].end;
                return k + 1;
            }
            if (k < n && !gap_spaces(a, &w[k - 1], &w[k]))
                break;
        }
    }
    /* "a crew of 20": what is counted stands before "of"; people come whole
     * ("an impact force of 1910.4 N" is a measure). */
    if (!f->unit[0] && i >= 2 && is(&w[i - 1], "of") && IN(collective_nouns, &w[i - 2]) &&
        f->value == floor(f->value) && gap_spaces(a, &w[i - 2], &w[i - 1]) && gap_spaces(a, &w[i - 1], &w[i])) {
        snprintf(f->unit, sizeof f->unit, "%.*s", (int)w[i - 2].len, w[i - 2].w);
        f->start = w[i - 2].start;
    }
    return u;
}

static int figure_in_sentence(const chorus__story_text *story, const chorus__article *a, const chorus__sentence *s,
                              int lead, int early, raw_figure **out, size_t *count, size_t *cap)
{
    fword w[512];
    size_t n = sentence_words(a, s, w, sizeof w / sizeof w[0]);
    date_spans dates; /* its span arrays are filled only when a number asks */
    dates.count = 0;
    dates.found = 0;
    /* A sentence about an earlier year ("similar floods in 2019, when 12
     * people died") tells of another event: its counts are no rival claims. */
    int past_year = 0;
    for (size_t k = 0; k < n; k++)
        if ((w[k].flags & CHORUS_TOK_NUMBER) && w[k].len == 4 && k > 0 && !(w[k - 1].flags & CHORUS_TOK_NUMBER)) {
            int y = atoi(w[k].w);
            if (y >= 1900 && y <= 2100 && a->published.precision != CHORUS_DATE_NONE && y < a->published.year)
                past_year = 1;
        }
    for (size_t i = 0; i < n; i++) {
        size_t last;
        double v;
        int digits;
        int got = read_number(a, w, n, i, &last, &v, &digits);
        if (!got)
            continue;
        if (not_a_figure(a, s, &dates, w, n, i, last, v, digits)) {
            i = last;
            continue;
        }
        raw_figure f = {0};
        f.value = v;
        f.start = w[i].start;
        f.end = w[last].end;
        size_t u = read_unit(story, a, w, n, i, last + 1, got, digits, &f);
        if (IN(durations, &w[u - 1]) && strcmp(f.unit, w[u - 1].w) == 0) {
            i = u - 1;
            continue; /* "seven hours", "two years" */
        }
        int money_or_share = f.unit[0] && (strcmp(f.unit, "%") == 0 || strcmp(f.unit, "bp") == 0 ||
                                           isupper((unsigned char)f.unit[0]));
        int measured = money_or_share || (f.unit[0] && IN(measures, &w[u - 1]));
        int counted = f.unit[0] && !measured; /* "42 people", "187 survivors" */

        /* What kind of quantity: a casualty word near the number, after
         * its unit first ("184 passengers and crew had been rescued" counts
         * the rescued), then the unit itself ("248 passengers"). */
        const char *concept = NULL;
        size_t toll_at = 0;
        for (size_t k = u; k < n && k < last + 1 + CONTEXT_WORDS && !concept; k++) {
            if (IN(clause_ends, &w[k]) && (k > u || !(is(&w[k], "and") || is(&w[k], "or"))))
                break;
            concept = concept_of(&w[k]);
            if (!concept && is(&w[k], "board") && k > 0 && is(&w[k - 1], "on"))
                concept = "aboard"; /* "180 people on board" */
        }
        for (size_t k = last + 1; k < u && !concept; k++)
            concept = concept_of(&w[k]);
        /* Before it, as far back as the clause goes: "The death toll from the
         * capsize of the launch ... has risen to 24". */
        for (size_t k = i; !concept && k-- > 0;) {
            if (IN(clause_ends, &w[k]))
                break;
            concept = concept_of(&w[k]);
            if (concept)
                toll_at = k;
        }
        /* Worth reporting? Small bare numbers count things in passing
         * ("one survivor said", "three of them"). */
        if ((!measured && !counted && !concept && f.value < 10) || (!measured && f.value < 2)) {
            i = u - 1;
            continue;
        }
        /* A small count after "the" or "both" names things the text has
         * already introduced ("the two leaders", "the three islands"); it
         * reports no figure. */
        if (!measured && !concept && f.value < 10 && i > 0 &&
            (IN(determiners, &w[i - 1]) || is(&w[i - 1], "both") || is(&w[i - 1], "those"))) {
            i = u - 1;
            continue;
        }
        if (!measured && !concept && !f.unit[0] && digits && f.value >= 1900 && f.value <= 2100 &&
            f.value == floor(f.value)) {
            i = u - 1;
            continue; /* a year */
        }
        size_t from = i;
        f.hedge = hedge_before(w, i, &from);
        if (f.hedge >= 0)
            f.start = w[from].start;
        f.part = (u < n && IN(partial_after, &w[u])) || (last + 1 < n && IN(partial_after, &w[last + 1])) ||
                 (from > 0 && IN(partial_before, &w[from - 1]));
        /* "to 4.75% from 5.00%", "up from 12": the level before a change. */
        int previous = from > 0 && is(&w[from - 1], "from");
        int capacity = 0;
        for (size_t k = from; k-- > 0 && k + 4 >= from && !capacity;)
            capacity = IN(capacity_words, &w[k]);
        if (capacity) {
            concept = "capacity";
            snprintf(f.about, sizeof f.about, "%s%scapacity", f.unit, f.unit[0] ? " " : "");
        }
        /* A story's main claims: figures of its lead, and the casualty
         * counts near the top of an article (further down, counts tend to
         * be of earlier, other events). */
        f.headline = !previous && !capacity && !past_year && (lead || (concept != NULL && early));

        /* What it counts. */
        if (u + 1 < n && is(&w[u], "of") && !(w[u + 1].flags & CHORUS_TOK_NUMBER)) {
            /* "700 tons of humanitarian aid": the phrase after "of". */
            size_t k = u + 1;
            if (k < n && IN(determiners, &w[k]))
                k++;
            size_t e = k;
            while (e < n && e < k + 4 && !(w[e].flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)) &&
                   isalpha((unsigned char)w[e].w[0]) && (e == k || gap_spaces(a, &w[e - 1], &w[e])))
                e++;
            if (e > k) {
                snprintf(f.about, sizeof f.about, "%.*s", (int)(w[e - 1].end - w[k].start), a->text + w[k].start);
                snprintf(f.key, sizeof f.key, "%.*s", (int)w[e - 1].len, w[e - 1].w);
                f.end = w[e - 1].end;
            }
        }
        if (!f.about[0] && toll_at && !IN(concept_nouns, &w[toll_at]) && counted) {
            /* "Police arrested 17 protesters": the count noun and the verb before it. */
            snprintf(f.about, sizeof f.about, "%s %s", f.unit, concept_label(concept, 1));
        }
        if (!f.about[0] && toll_at && IN(concept_nouns, &w[toll_at])) {
            /* "the civilian death toll": the casualty word and up to two words before it. */
            size_t k = toll_at;
            while (k > 0 && toll_at - k < 2 && !(w[k - 1].flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)) &&
                   isalpha((unsigned char)w[k - 1].w[0]))
                k--;
            snprintf(f.about, sizeof f.about, "%.*s", (int)(w[toll_at].end - w[k].start), a->text + w[k].start);
        }
        if (!f.about[0] && counted) {
            /* "42 people died": the count noun and what happened to it. */
            const char *verb = NULL;
            for (size_t k = u; k < n && k < u + CONTEXT_WORDS && !verb; k++) {
                if (IN(clause_ends, &w[k]) && k > u)
                    break;
                if (concept_of(&w[k]) && !IN(count_nouns, &w[k]) && !is(&w[k], "passengers"))
                    verb = w[k].w;
            }
            snprintf(f.about, sizeof f.about, "%s%s%s", f.unit, verb ? " " : "", verb ? verb : "");
        }
        if (!f.about[0] && money_or_share) {
            /* "the bank's 3% target": a noun right after the figure; else the
             * subject of the level verb before it. */
            if (u < n && !(w[u].flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER | CHORUS_TOK_CAP)) &&
                isalpha((unsigned char)w[u].w[0]) && spaces_between(a, f.end, w[u].start) &&
                !IN(level_verbs, &w[u]) && !IN(time_words, &w[u]) && story->lex &&
                chorus__lexicon_noun(story->lex, w[u].w, w[u].len))
                snprintf(f.about, sizeof f.about, "%.*s", (int)w[u].len, w[u].w);
            else
                subject_before(story->lex, a, w, from, f.about, sizeof f.about);
        }
        if (!f.about[0] && concept)
            snprintf(f.about, sizeof f.about, "%s", concept_label(concept, 0)); /* "about 30 missing" */
        if (concept)
            snprintf(f.key, sizeof f.key, "%s", concept);
        else if (!f.key[0] && counted)
            snprintf(f.key, sizeof f.key, "%s", f.unit); /* "248 names" */
        else if (!f.key[0] && f.about[0])
            snprintf(f.key, sizeof f.key, "%s", f.about);
        /* A number that counts nothing the text names ("ranged from 37 to
         * 42") is no figure a reader can check. */
        if (!f.unit[0] && !f.about[0] && !concept) {
            i = u > last + 1 ? u - 1 : last;
            continue;
        }
        if (CHORUS_PUSH(*out, *count, *cap, f))
            return CHORUS_ENOMEM;
        i = u > last + 1 ? u - 1 : last;
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Claims across articles                                                 */
/* ---------------------------------------------------------------------- */

static void interval(double v, int hedge, double *lo, double *hi)
{
    int kind = hedge >= 0 ? hedges[hedge].kind : EXACT;
    switch (kind) {
    case MORE:
        *lo = v * (1 + 1e-9), *hi = INFINITY;
        break;
    case AT_LEAST:
        *lo = v, *hi = INFINITY;
        break;
    case ABOUT:
        *lo = v * (1 - APPROX_SPAN), *hi = v * (1 + APPROX_SPAN);
        break;
    case NEARLY:
        *lo = v * (1 - APPROX_SPAN), *hi = v;
        break;
    case UP_TO:
        *lo = 0, *hi = v;
        break;
    case LESS:
        *lo = 0, *hi = v * (1 - 1e-9);
        break;
    default:
        *lo = *hi = v;
    }
}

static int is_measure(const char *unit)
{
    for (size_t i = 0; i < sizeof measures / sizeof measures[0]; i++)
        if (strcmp(measures[i], unit) == 0)
            return 1;
    return 0;
}

/* Non-zero when two phrases share a word of four letters or more. */
static int share_word(const char *x, const char *y)
{
    for (const char *p = x; *p;) {
        size_t l = strcspn(p, " ");
        if (l >= 4) {
            for (const char *q = y; *q;) {
                size_t m = strcspn(q, " ");
                if (m == l && strncasecmp(p, q, l) == 0)
                    return 1;
                q += m + (q[m] == ' ');
            }
        }
        p += l + (p[l] == ' ');
    }
    return 0;
}

/* Non-zero when two figures count the same thing: the same key; for
 * measures and money, the same unit with what they measure sharing a word
 * ("700 tons of humanitarian aid" and "of humanitarian assistance"), or
 * left unsaid by one of them. */
static int same_quantity(const raw_figure *x, const raw_figure *y)
{
    if (x->key[0] && strcmp(x->key, y->key) == 0)
        return 1;
    if (!x->unit[0] || strcmp(x->unit, y->unit) != 0)
        return 0;
    /* A share or a rate says nothing of what it measures by itself: "3%"
     * and "3%" may be a target and a forecast. */
    if (strcmp(x->unit, "%") == 0 || strcmp(x->unit, "bp") == 0)
        return x->about[0] && y->about[0] && share_word(x->about, y->about);
    if (!(isupper((unsigned char)x->unit[0]) || is_measure(x->unit)))
        return 0;
    if (!x->about[0] || !y->about[0])
        return 1;
    return share_word(x->about, y->about);
}

/* Units that measure the same way: the same word, or both counts of people. */
static int same_unit(const chorus__figure *x, const raw_figure *y)
{
    const char *u = x->unit ? x->unit : "";
    if (strcmp(u, y->unit) == 0)
        return 1;
    /* A count with no unit stated and one of people: "more than 40" and "42 people". */
    static const char *const people[] = {"", "people", "persons", "passengers", "bodies", "victims",
                                         "civilians", "residents", "survivors", "dead"};
    int a = 0, b = 0;
    for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
        a |= strcmp(u, people[i]) == 0;
        b |= strcmp(y->unit, people[i]) == 0;
    }
    return a && b;
}

static int add_figure(chorus__facts *f, const chorus__article *art, size_t article, const raw_figure *r)
{
    double lo, hi;
    interval(r->value, r->hedge, &lo, &hi);
    chorus__figure fig = {0};
    fig.value = r->value;
    fig.low = lo;
    fig.high = hi;
    fig.unit = r->unit[0] ? chorus__arena_strndup(&f->mem, r->unit, strlen(r->unit)) : NULL;
    /* "an estimated" is its own qualifier; other hedges go by their kind. */
    fig.qualifier = r->hedge < 0 ? NULL
                    : strstr(hedges[r->hedge].phrase, "estimated") ? "estimated"
                                                                  : hedge_names[hedges[r->hedge].kind];
    fig.about = r->about[0] ? chorus__arena_strndup(&f->mem, r->about, strlen(r->about)) : NULL;
    fig.text = chorus__arena_strndup(&f->mem, art->text + r->start, r->end - r->start);
    fig.quantity = -1;
    if (!fig.text || chorus__sources_add(&fig.sources, article))
        return CHORUS_ENOMEM;
    if (CHORUS_PUSH(f->figures, f->figure_count, f->figure_cap, fig)) {
        free(fig.sources.items);
        return CHORUS_ENOMEM;
    }
    return 0;
}

typedef struct {
    raw_figure r;
    size_t article;
} located_figure;

/* Figures of one quantity share their key or their unit (see
 * same_quantity()): chained by each, a figure meets only those it may
 * match, and a story of thousands of figures costs no square. A figure
 * meets at most the FIGURES_ALIKE_MAX nearest before it: a story rarely
 * states one kind of figure so often, and the largest stories of a feed
 * (thousands of articles giving percentages) must not cost the square of
 * their figures either. */
#define NO_FIGURE ((size_t)-1)
#define FIGURES_ALIKE_MAX 512

typedef struct {
    const char *field;
    size_t index;
} figure_field;

static int cmp_figure_field(const void *x, const void *y)
{
    const figure_field *p = x, *q = y;
    int c = strcmp(p->field, q->field);
    return c ? c : (p->index > q->index) - (p->index < q->index);
}

/* prev[i]: the figure before i (in reading order) with the same non-empty
 * key (`by_unit` 0) or unit (1), or NO_FIGURE. Returns 0 or CHORUS_ENOMEM. */
static int chain_figures(const located_figure *all, size_t count, int by_unit, size_t *prev)
{
    figure_field *sorted = malloc((count + 1) * sizeof *sorted);
    if (!sorted)
        return CHORUS_ENOMEM;
    for (size_t i = 0; i < count; i++)
        sorted[i] = (figure_field){by_unit ? all[i].r.unit : all[i].r.key, i};
    qsort(sorted, count, sizeof *sorted, cmp_figure_field);
    for (size_t k = 0; k < count; k++)
        prev[sorted[k].index] = k > 0 && sorted[k].field[0] && strcmp(sorted[k].field, sorted[k - 1].field) == 0
                                    ? sorted[k - 1].index
                                    : NO_FIGURE;
    free(sorted);
    return 0;
}

/* The figures before i that share its key or its unit (the nearest
 * FIGURES_ALIKE_MAX), in reading order, into out; returns their number. */
static size_t figures_alike(const size_t *prev_key, const size_t *prev_unit, size_t i, size_t *out)
{
    size_t n = 0, a = prev_key[i], b = prev_unit[i];
    while ((a != NO_FIGURE || b != NO_FIGURE) && n < FIGURES_ALIKE_MAX) {
        /* Both chains descend: take the later figure, once. */
        size_t j = a == NO_FIGURE ? b : b == NO_FIGURE ? a : a > b ? a : b;
        out[n++] = j;
        if (a == j)
            a = prev_key[a];
        if (b == j)
            b = prev_unit[b];
    }
    for (size_t x = 0, y = n; x + 1 < y; x++, y--) {
        size_t t = out[x];
        out[x] = out[y - 1];
        out[y - 1] = t;
    }
    return n;
}

int chorus__find_figures(const chorus__story_text *story, chorus__facts *f)
{
    located_figure *all = NULL;
    size_t count = 0, cap = 0;
    raw_figure *raw = NULL;
    size_t nraw = 0, rawcap = 0;
    int rc = 0;
    for (size_t m = 0; m < story->count && !rc; m++) {
        const chorus__article *a = story->articles[story->members[m]];
        size_t body = 0;
        for (size_t s = 0; s < a->sentence_count && !rc; s++) {
            if (a->sentences[s].flags & CHORUS_SENT_HEADING)
                continue;
            nraw = 0;
            /* The first paragraph holds the story's main figures. */
            int lead = (a->sentences[s].flags & CHORUS_SENT_LEAD) != 0;
            rc = figure_in_sentence(story, a, &a->sentences[s], lead, body < EARLY_SENTENCES, &raw, &nraw,
                                    &rawcap);
            body++;
            for (size_t k = 0; k < nraw && !rc; k++) {
                located_figure lf = {raw[k], story->members[m]};
                rc = CHORUS_PUSH(all, count, cap, lf) ? CHORUS_ENOMEM : 0;
            }
        }
    }
    free(raw);

    /* One entry per claim: figures of one quantity (same key and unit) whose
     * intervals overlap and whose values are close state one claim. */
    int *claim = malloc((count + 1) * sizeof *claim);
    size_t *prev_key = malloc((count + 1) * sizeof *prev_key), *prev_unit = malloc((count + 1) * sizeof *prev_unit);
    size_t *alike = malloc(FIGURES_ALIKE_MAX * sizeof *alike);
    if (!claim || !prev_key || !prev_unit || !alike || chain_figures(all, count, 0, prev_key) ||
        chain_figures(all, count, 1, prev_unit))
        rc = CHORUS_ENOMEM;
    for (size_t i = 0; i < count && !rc; i++) {
        claim[i] = -1;
        double lo, hi;
        interval(all[i].r.value, all[i].r.hedge, &lo, &hi);
        size_t nalike = figures_alike(prev_key, prev_unit, i, alike);
        for (size_t k = 0; k < nalike && claim[i] < 0; k++) {
            size_t j = alike[k];
            const raw_figure *x = &all[j].r;
            if (!same_quantity(x, &all[i].r) || x->part != all[i].r.part)
                continue;
            chorus__figure *fx = &f->figures[claim[j]];
            if (!same_unit(fx, &all[i].r))
                continue;
            double l2, h2;
            interval(x->value, x->hedge, &l2, &h2);
            /* One claim: the same value, or close hedged values ("about
             * 700" and "some 690"); an exact count and an estimate near it
             * are two claims that agree. */
            double spread = fabs(x->value - all[i].r.value) / fmax(fabs(x->value), 1e-9);
            int close = x->value == all[i].r.value ||
                        (x->hedge >= 0 && all[i].r.hedge >= 0 && hedges[x->hedge].kind == ABOUT &&
                         hedges[all[i].r.hedge].kind == ABOUT && spread <= SAME_CLAIM_SPAN);
            if (lo <= h2 && l2 <= hi && close)
                claim[i] = claim[j];
        }
        if (claim[i] >= 0) {
            rc = chorus__sources_add(&f->figures[claim[i]].sources, all[i].article);
            continue;
        }
        rc = add_figure(f, story->articles[all[i].article], all[i].article, &all[i].r);
        claim[i] = (int)f->figure_count - 1;
    }

    /* Conflicts: one quantity, intervals that cannot meet, from different
     * articles (one article may well give a value before and after). */
    for (size_t i = 0; i < count && !rc; i++) {
        size_t nalike = figures_alike(prev_key, prev_unit, i, alike);
        for (size_t k = 0; k < nalike && !rc; k++) {
            size_t j = alike[k];
            /* Only main claims conflict: a part, an increment or a passing
             * figure deep in one article measures something narrower. */
            if (claim[i] == claim[j] || !same_quantity(&all[i].r, &all[j].r) ||
                all[i].article == all[j].article || all[i].r.part || all[j].r.part ||
                !all[i].r.headline || !all[j].r.headline)
                continue;
            chorus__figure *x = &f->figures[claim[i]], *y = &f->figures[claim[j]];
            if (!same_unit(y, &all[i].r))
                continue;
            if (x->low <= y->high && y->low <= x->high)
                continue;
            int known = 0;
            for (size_t c = 0; c < x->conflict_count; c++)
                known |= x->conflicts[c] == (size_t)claim[j];
            if (known)
                continue;
            if (CHORUS_PUSH(x->conflicts, x->conflict_count, x->conflict_cap, (size_t)claim[j]) ||
                CHORUS_PUSH(y->conflicts, y->conflict_count, y->conflict_cap, (size_t)claim[i]))
                rc = CHORUS_ENOMEM;
        }
    }
    free(claim);
    free(prev_key);
    free(prev_unit);
    free(alike);
    free(all);
    return rc;
}
