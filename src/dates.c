/* dates.c - calendar dates written in text: finding, parsing and formatting them. */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---------------------------------------------------------------------- */
/* Names                                                                  */
/* ---------------------------------------------------------------------- */

/* Month names in English, German, French, Spanish, Italian, Portuguese,
 * Dutch, Catalan, Romanian, the Scandinavian languages, Indonesian and Malay,
 * Hungarian, Polish, Czech, Russian, Ukrainian, Greek, Turkish and Arabic,
 * folded to lower case: the names dates use (the genitive in Slavic
 * languages and Greek, "13 августа"), the plain names and common
 * abbreviations, which may carry a final dot in text; Turkish also without
 * its dotless i, as URLs and capitals write it ("MAYIS" folds to "mayis").
 * Sorted by their bytes for bisection: every word of a text is looked up. */
static const struct {
    const char *name;
    int month;
} month_names[] = {
    {"abril", 4}, {"agost", 8}, {"agosto", 8}, {"agustos", 8}, {"agustus", 8}, {"aout", 8},
    {"août", 8}, {"apr", 4}, {"april", 4}, {"aprile", 4}, {"aprilie", 4}, {"aralik", 12},
    {"aralık", 12}, {"aug", 8}, {"august", 8}, {"augusti", 8}, {"augustus", 8}, {"augusztus", 8},
    {"avril", 4}, {"ağustos", 8}, {"března", 3}, {"czerwca", 6}, {"czerwiec", 6}, {"dec", 12},
    {"december", 12}, {"decembre", 12}, {"decembrie", 12}, {"desember", 12}, {"desembre", 12},
    {"dezember", 12}, {"dezembro", 12}, {"dicembre", 12}, {"diciembre", 12}, {"dubna", 4},
    {"décembre", 12}, {"ekim", 10}, {"enero", 1}, {"eylul", 9}, {"eylül", 9}, {"feb", 2},
    {"febbraio", 2}, {"febr", 2}, {"febrer", 2}, {"febrero", 2}, {"februar", 2}, {"februari", 2},
    {"februarie", 2}, {"february", 2}, {"február", 2}, {"fevereiro", 2}, {"fevrier", 2},
    {"février", 2}, {"gener", 1}, {"gennaio", 1}, {"giugno", 6}, {"grudnia", 12}, {"grudzień", 12},
    {"haziran", 6}, {"ianuarie", 1}, {"iulie", 7}, {"iunie", 6}, {"jan", 1}, {"janeiro", 1},
    {"januar", 1}, {"januari", 1}, {"january", 1}, {"január", 1}, {"janvier", 1}, {"juillet", 7},
    {"juin", 6}, {"jul", 7}, {"julho", 7}, {"juli", 7}, {"julio", 7}, {"juliol", 7}, {"july", 7},
    {"jun", 6}, {"june", 6}, {"junho", 6}, {"juni", 6}, {"junio", 6}, {"juny", 6}, {"jän", 1},
    {"július", 7}, {"június", 6}, {"kasim", 11}, {"kasım", 11}, {"května", 5}, {"kwiecień", 4},
    {"kwietnia", 4}, {"ledna", 1}, {"lipca", 7}, {"lipiec", 7}, {"listopad", 11}, {"listopada", 11},
    {"listopadu", 11}, {"luglio", 7}, {"lutego", 2}, {"luty", 2}, {"maart", 3}, {"maggio", 5},
    {"mai", 5}, {"maig", 5}, {"maio", 5}, {"maj", 5}, {"maja", 5}, {"mar", 3}, {"marca", 3},
    {"march", 3}, {"maret", 3}, {"mars", 3}, {"mart", 3}, {"martie", 3}, {"marts", 3},
    {"marzec", 3}, {"marzo", 3}, {"març", 3}, {"março", 3}, {"may", 5}, {"mayis", 5}, {"mayo", 5},
    {"mayıs", 5}, {"mei", 5}, {"május", 5}, {"március", 3}, {"märz", 3}, {"nisan", 4},
    {"noiembrie", 11}, {"nov", 11}, {"november", 11}, {"novembre", 11}, {"novembro", 11},
    {"noviembre", 11}, {"ocak", 1}, {"oct", 10}, {"october", 10}, {"octobre", 10},
    {"octombrie", 10}, {"octubre", 10}, {"ogos", 8}, {"oktober", 10}, {"október", 10},
    {"ottobre", 10}, {"outubro", 10}, {"październik", 10}, {"października", 10}, {"prosince", 12},
    {"sep", 9}, {"sept", 9}, {"september", 9}, {"septembre", 9}, {"septembrie", 9},
    {"septiembre", 9}, {"setembre", 9}, {"setembro", 9}, {"settembre", 9}, {"sierpień", 8},
    {"sierpnia", 8}, {"srpna", 8}, {"styczeń", 1}, {"stycznia", 1}, {"subat", 2}, {"szeptember", 9},
    {"temmuz", 7}, {"wrzesień", 9}, {"września", 9}, {"září", 9}, {"április", 4}, {"února", 2},
    {"července", 7}, {"června", 6}, {"října", 10}, {"şubat", 2}, {"απριλίου", 4}, {"αυγούστου", 8},
    {"δεκεμβρίου", 12}, {"ιανουαρίου", 1}, {"ιουλίου", 7}, {"ιουνίου", 6}, {"μαΐου", 5},
    {"μαρτίου", 3}, {"νοεμβρίου", 11}, {"οκτωβρίου", 10}, {"σεπτεμβρίου", 9}, {"φεβρουαρίου", 2},
    {"авг", 8}, {"август", 8}, {"августа", 8}, {"апр", 4}, {"апрель", 4}, {"апреля", 4},
    {"березень", 3}, {"березня", 3}, {"вересень", 9}, {"вересня", 9}, {"грудень", 12},
    {"грудня", 12}, {"дек", 12}, {"декабрь", 12}, {"декабря", 12}, {"жовтень", 10}, {"жовтня", 10},
    {"июл", 7}, {"июль", 7}, {"июля", 7}, {"июн", 6}, {"июнь", 6}, {"июня", 6}, {"квітень", 4},
    {"квітня", 4}, {"липень", 7}, {"липня", 7}, {"листопад", 11}, {"листопада", 11}, {"лютий", 2},
    {"лютого", 2}, {"май", 5}, {"мар", 3}, {"март", 3}, {"марта", 3}, {"мая", 5}, {"ноя", 11},
    {"нояб", 11}, {"ноябрь", 11}, {"ноября", 11}, {"окт", 10}, {"октябрь", 10}, {"октября", 10},
    {"сен", 9}, {"сент", 9}, {"сентябрь", 9}, {"сентября", 9}, {"серпень", 8}, {"серпня", 8},
    {"січень", 1}, {"січня", 1}, {"травень", 5}, {"травня", 5}, {"фев", 2}, {"февр", 2},
    {"февраль", 2}, {"февраля", 2}, {"червень", 6}, {"червня", 6}, {"янв", 1}, {"январь", 1},
    {"января", 1}, {"أبريل", 4}, {"أغسطس", 8}, {"أكتوبر", 10}, {"إبريل", 4}, {"ابريل", 4},
    {"اغسطس", 8}, {"اكتوبر", 10}, {"ديسمبر", 12}, {"سبتمبر", 9}, {"فبراير", 2}, {"مارس", 3},
    {"مايو", 5}, {"نوفمبر", 11}, {"يناير", 1}, {"يوليه", 7}, {"يوليو", 7}, {"يونيه", 6},
    {"يونيو", 6},
};

static const char *const weekday_names[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    "mandag", "tirsdag", "lørdag", "søndag",
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
    "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
    "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică",
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
};

int chorus__month_from_name(const char *w, size_t len)
{
    if (len < 3 || len > 22)
        return 0; /* names run from "may" to "σεπτεμβρίου", 22 bytes */
    size_t lo = 0, hi = sizeof month_names / sizeof month_names[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *name = month_names[mid].name;
        /* The name against w[0..len) as strcmp would order them. */
        size_t k = 0;
        while (k < len && name[k] && name[k] == w[k])
            k++;
        int c = k == len ? name[k] != '\0' : (unsigned char)name[k] - (unsigned char)w[k];
        if (c == 0)
            return month_names[mid].month;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int chorus__is_weekday_name(const char *w, size_t len)
{
    if (len < 3 || len > 22)
        return 0;
    for (size_t i = 0; i < sizeof weekday_names / sizeof weekday_names[0]; i++)
        if (weekday_names[i][0] == w[0] && strlen(weekday_names[i]) == len &&
            memcmp(weekday_names[i], w, len) == 0)
            return 1;
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Lexer                                                                  */
/* ---------------------------------------------------------------------- */

enum { LEX_NUM, LEX_WORD, LEX_PUNCT };

#define LEX_WORD_MAX 24
#define LEX_MAX_TOKENS 4096

typedef struct {
    int type;
    size_t start, end;     /* bytes in the text */
    long value;            /* LEX_NUM */
    int digits;            /* LEX_NUM */
    int32_t cp;            /* LEX_PUNCT */
    char word[LEX_WORD_MAX]; /* LEX_WORD, folded; empty when too long */
    size_t word_len;
    int cjk; /* LEX_WORD: a Chinese or Japanese character */
} lexeme;

/* The value of a decimal digit: ASCII, or the Arabic-Indic and Persian
 * digits Arabic and Persian pages write dates with ("١٣ أغسطس ٢٠٢٤");
 * -1 for anything else. */
static int digit_value(int32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return cp - '0';
    if (cp >= 0x0660 && cp <= 0x0669)
        return cp - 0x0660;
    if (cp >= 0x06F0 && cp <= 0x06F9)
        return cp - 0x06F0;
    return -1;
}

/* Splits text into numbers, words and single punctuation marks; letters and
 * digits never share a token, so "13th" is 13 + "th" and "13T23" is 13 + "t" +
 * 23, and a capital after a small letter starts a word ("onJune"). */
static size_t lex(const char *s, size_t len, lexeme *out, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        size_t start = i;
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (chorus__is_space(cp))
            continue;
        lexeme *t = &out[n];
        t->start = start;
        t->cjk = 0;
        long v = digit_value(cp);
        if (v >= 0) {
            int digits = 1;
            for (;;) {
                size_t k = i;
                int dv = k < len ? digit_value(chorus__utf8_next(s, len, &k)) : -1;
                if (dv < 0)
                    break;
                if (digits < 9)
                    v = v * 10 + dv;
                digits++;
                i = k;
            }
            t->type = LEX_NUM;
            t->value = v;
            t->digits = digits;
        } else if (chorus__is_letter(cp)) {
            t->type = LEX_WORD;
            size_t wl = 0;
            int too_long = 0;
            size_t j = start;
            int32_t prev = 0;
            /* A Chinese or Japanese character is a word of its own: "年" in
             * "2024年9月12日电" stands apart from the "电" after it. */
            int cjk = chorus__is_cjk(cp);
            t->cjk = cjk;
            for (;;) {
                size_t k = j;
                int32_t c = chorus__utf8_next(s, len, &k);
                if (k == j || !(chorus__is_letter(c) || chorus__is_mark(c)) ||
                    (j > start && (cjk || chorus__is_cjk(c))))
                    break;
                /* Words that elements glued together ("Updated on" and
                 * "June 2, 2024" in two elements: "onJune") part where a
                 * capital follows a small letter. */
                if (prev >= 'a' && prev <= 'z' && c >= 'A' && c <= 'Z')
                    break;
                prev = c;
                char enc[4];
                size_t m = chorus__utf8_put(enc, chorus__fold(c));
                if (wl + m < LEX_WORD_MAX) {
                    memcpy(t->word + wl, enc, m);
                    wl += m;
                } else {
                    too_long = 1;
                }
                j = k;
            }
            i = j;
            t->word_len = too_long ? 0 : wl;
            t->word[t->word_len] = '\0';
        } else {
            t->type = LEX_PUNCT;
            t->cp = cp;
        }
        t->end = i;
        n++;
    }
    return n;
}

/* ---------------------------------------------------------------------- */
/* Patterns                                                               */
/* ---------------------------------------------------------------------- */

static int is_punct(const lexeme *t, int32_t cp)
{
    return t->type == LEX_PUNCT && t->cp == cp;
}

static int is_word(const lexeme *t, const char *w)
{
    return t->type == LEX_WORD && strcmp(t->word, w) == 0;
}

/* The unit of a date written with numbers and units, right after its
 * number: `cjk` (年, 月, 日) alone, or `korean` (년, 월, 일) at the start of
 * a word. */
static int unit_at(const lexeme *t, const char *cjk, const char *korean)
{
    if (t->type != LEX_WORD || !t->word_len)
        return 0;
    size_t kl = strlen(korean);
    return strcmp(t->word, cjk) == 0 || (t->word_len >= kl && memcmp(t->word, korean, kl) == 0);
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= chorus__month_days(y, m);
}

static int year_value(const lexeme *t)
{
    if (t->type != LEX_NUM || t->digits != 4 || t->value < 1900 || t->value > 2100)
        return 0;
    return (int)t->value;
}

/* A day number, with an optional ordinal suffix (13th, 1st, 1er, 2.); returns
 * the index after it, or 0 when t[k] is not one. */
static size_t day_at(const lexeme *t, size_t n, size_t k, int *day)
{
    if (k >= n || t[k].type != LEX_NUM || t[k].digits > 2 || t[k].value < 1 || t[k].value > 31)
        return 0;
    *day = (int)t[k].value;
    k++;
    if (k < n && t[k].type == LEX_WORD && t[k].start == t[k - 1].end &&
        (is_word(&t[k], "st") || is_word(&t[k], "nd") || is_word(&t[k], "rd") ||
         is_word(&t[k], "th") || is_word(&t[k], "er") || is_word(&t[k], "º")))
        k++;
    return k;
}

static size_t month_at(const lexeme *t, size_t n, size_t k, int *month)
{
    if (k >= n || t[k].type != LEX_WORD || !t[k].word_len)
        return 0;
    int m = chorus__month_from_name(t[k].word, t[k].word_len);
    if (!m)
        return 0;
    *month = m;
    k++;
    if (k < n && is_punct(&t[k], '.') && t[k].start == t[k - 1].end)
        k++;
    return k;
}

/* An optional time of day after a date: [, | at | - | um | à] H:MM[:SS] [am|pm]
 * [zone]. Returns the index after it (k itself when there is none). */
static size_t time_at(const lexeme *t, size_t n, size_t k, chorus__date *d)
{
    size_t j = k;
    if (j < n && (is_punct(&t[j], ',') || is_punct(&t[j], '-') || is_punct(&t[j], '|') ||
                  is_word(&t[j], "at") || is_word(&t[j], "um") || is_word(&t[j], "à") ||
                  is_word(&t[j], "a") || is_word(&t[j], "t") || is_punct(&t[j], 0x2013) ||
                  is_punct(&t[j], 0x2022) || is_punct(&t[j], 0x00B7)))
        j++;
    if (j + 2 >= n + 0 && !(j + 2 < n))
        return k;
    if (t[j].type != LEX_NUM || t[j].digits > 2 || !is_punct(&t[j + 1], ':') ||
        t[j + 2].type != LEX_NUM || t[j + 2].digits != 2)
        return k;
    int h = (int)t[j].value, mi = (int)t[j + 2].value, sec = 0, prec = CHORUS_DATE_MINUTE;
    j += 3;
    if (j + 1 < n && is_punct(&t[j], ':') && t[j + 1].type == LEX_NUM && t[j + 1].digits == 2) {
        sec = (int)t[j + 1].value;
        prec = CHORUS_DATE_SECOND;
        j += 2;
    }
    /* Fractions of a second: .000 */
    if (j + 1 < n && is_punct(&t[j], '.') && t[j + 1].type == LEX_NUM && t[j].start == t[j - 1].end)
        j += 2;
    if (j < n && (is_word(&t[j], "pm") || is_word(&t[j], "am") || is_word(&t[j], "p") ||
                  is_word(&t[j], "a"))) {
        int pm = t[j].word[0] == 'p';
        if (h < 1 || h > 12)
            return k;
        if (t[j].word_len == 1) {
            /* a.m. / p.m. */
            if (!(j + 2 < n && is_punct(&t[j + 1], '.') && is_word(&t[j + 2], "m")))
                return k;
            j += 2;
            if (j + 1 < n && is_punct(&t[j + 1], '.'))
                j++;
        }
        j++;
        if (pm && h != 12)
            h += 12;
        if (!pm && h == 12)
            h = 0;
    }
    if (h > 23 || mi > 59 || sec > 60)
        return k;
    /* A zone: Z, +03:00, +0300, UTC, GMT, EST ... Its offset is kept when
     * it has one meaning. */
    int zoned = 0, offset = 0;
    if (j < n && t[j].type == LEX_WORD && t[j].start == t[j - 1].end && is_word(&t[j], "z")) {
        zoned = 1;
        j++;
    }
    if (j + 1 < n && (is_punct(&t[j], '+') || is_punct(&t[j], '-')) && t[j + 1].type == LEX_NUM &&
        t[j].start == t[j - 1].end) {
        int sign = is_punct(&t[j], '-') ? -1 : 1;
        long hh = t[j + 1].value, mm = 0;
        int digits = t[j + 1].digits;
        j += 2;
        if (digits == 4) { /* +0300 */
            mm = hh % 100;
            hh /= 100;
        } else if (j + 1 < n && is_punct(&t[j], ':') && t[j + 1].type == LEX_NUM) {
            mm = t[j + 1].value;
            j += 2;
        }
        if ((digits == 2 || digits == 4) && hh <= 14 && mm < 60) {
            zoned = 1;
            offset = sign * (int)(hh * 60 + mm);
        }
    }
    if (j < n && t[j].type == LEX_WORD && t[j].word_len >= 2 && t[j].word_len <= 4) {
        /* Offsets in minutes; NO_OFFSET where a name has several (CST is
         * US Central and China Standard Time, IST India, Ireland and
         * Israel) or none (ET, PT: daylight or not). */
        enum { NO_OFFSET = 10000 };
        static const struct {
            const char *name;
            int offset;
        } zones[] = {{"utc", 0},    {"gmt", 0},    {"est", -300}, {"edt", -240}, {"cst", NO_OFFSET},
                     {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
                     {"cet", 60},   {"cest", 120}, {"bst", 60},   {"ist", NO_OFFSET},
                     {"msk", 180},  {"jst", 540},  {"aest", 600}, {"et", NO_OFFSET},
                     {"pt", NO_OFFSET}};
        for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++)
            if (strcmp(t[j].word, zones[z].name) == 0) {
                if (!zoned && zones[z].offset != NO_OFFSET) {
                    zoned = 1;
                    offset = zones[z].offset;
                }
                j++;
                break;
            }
    }
    d->zoned = zoned;
    d->offset = offset;
    d->hour = h;
    d->minute = mi;
    d->second = sec;
    d->precision = prec;
    return j;
}

/* The day y-m-d when it is a real one, then the time of day from t[j]:
 * the index after the date, or 0. */
static size_t day_then_time(const lexeme *t, size_t n, size_t j, int y, int m, int day, chorus__date *d)
{
    if (!valid_ymd(y, m, day))
        return 0;
    d->year = y, d->month = m, d->day = day, d->precision = CHORUS_DATE_DAY;
    return time_at(t, n, j, d);
}

/* Tries every date shape at t[k]; returns the index after the match or 0. */
static size_t date_at(const lexeme *t, size_t n, size_t k, chorus__date *d)
{
    memset(d, 0, sizeof *d);
    int y = 0, m = 0, day = 0;
    size_t j;
    /* A number glued to the letters before it ends a word or a model name
     * ("WF-1000XM6. February 2026" is no 6 February); Chinese and Japanese
     * glue everything ("北京2024年9月12日电"). */
    if (k > 0 && t[k].type == LEX_NUM && t[k - 1].type == LEX_WORD && t[k - 1].end == t[k].start &&
        !t[k - 1].cjk)
        return 0;

    /* ISO and other year-first numeric forms: 2024-08-13, 2024/08/13, 2024.08.13 */
    if (year_value(&t[k]) && k + 4 < n && t[k + 2].type == LEX_NUM && t[k + 4].type == LEX_NUM &&
        t[k + 1].type == LEX_PUNCT && is_punct(&t[k + 3], t[k + 1].cp) &&
        (t[k + 1].cp == '-' || t[k + 1].cp == '/' || t[k + 1].cp == '.') &&
        t[k + 2].digits <= 2 && t[k + 4].digits <= 2) {
        y = year_value(&t[k]);
        m = (int)t[k + 2].value;
        day = (int)t[k + 4].value;
        return day_then_time(t, n, k + 5, y, m, day, d);
    }

    /* Chinese and Japanese 2024年9月12日, Korean 2024년 9월 12일 (the unit
     * may be glued to a particle: "12일에"). */
    if ((y = year_value(&t[k])) != 0 && k + 5 < n && unit_at(&t[k + 1], "\xE5\xB9\xB4", "\xEB\x85\x84") &&
        t[k + 2].type == LEX_NUM && t[k + 2].digits <= 2 &&
        unit_at(&t[k + 3], "\xE6\x9C\x88", "\xEC\x9B\x94") && t[k + 4].type == LEX_NUM &&
        t[k + 4].digits <= 2 &&
        (unit_at(&t[k + 5], "\xE6\x97\xA5", "\xEC\x9D\xBC") || is_word(&t[k + 5], "\xE5\x8F\xB7"))) {
        m = (int)t[k + 2].value;
        day = (int)t[k + 4].value;
        return day_then_time(t, n, k + 6, y, m, day, d);
    }

    /* Year first with the month's name, as citations write it: 2023 Jan 7.
     * Not when a year follows the day: "Guide 2026 Dec 26, 2025" is a
     * headline's year before a date written month first. */
    /* Hungarian puts a dot after the year and after the day: 2024. augusztus 13. */
    int dotted = k + 1 < n && is_punct(&t[k + 1], '.') && t[k + 1].start == t[k].end;
    if ((y = year_value(&t[k])) != 0 && (j = month_at(t, n, k + 1 + dotted, &m)) != 0) {
        size_t j2 = day_at(t, n, j, &day);
        if (dotted)
            j2 = j2 && j2 < n && is_punct(&t[j2], '.') && t[j2].start == t[j2 - 1].end ? j2 + 1 : 0;
        size_t j3 = j2;
        if (j3 && j3 < n && is_punct(&t[j3], ','))
            j3++;
        size_t end = j2 && !(j3 < n && year_value(&t[j3])) ? day_then_time(t, n, j2, y, m, day, d) : 0;
        if (end)
            return end;
    }

    /* Month first: [Weekday,] Aug 13[th][,] 2024 */
    if ((j = month_at(t, n, k, &m)) != 0) {
        size_t j2 = day_at(t, n, j, &day);
        if (!j2)
            return 0;
        if (j2 < n && is_punct(&t[j2], ','))
            j2++;
        if (j2 >= n || !(y = year_value(&t[j2])))
            return 0;
        return day_then_time(t, n, j2 + 1, y, m, day, d);
    }

    /* Day first: 13 August 2024, 13. März 2024, 13 de agosto de 2024 */
    if (t[k].type == LEX_NUM && t[k].digits <= 2) {
        j = day_at(t, n, k, &day);
        if (j && j < n && is_punct(&t[j], '.'))
            j++;
        if (j && j < n && is_word(&t[j], "de"))
            j++;
        size_t j2 = j ? month_at(t, n, j, &m) : 0;
        if (j2) {
            if (j2 < n && (is_punct(&t[j2], ',') || is_word(&t[j2], "de")))
                j2++;
            if (j2 >= n || !(y = year_value(&t[j2])))
                return 0;
            return day_then_time(t, n, j2 + 1, y, m, day, d);
        }
        /* Numeric: 13.08.2024 (day first), 13/08/2024 or 08/13/2024 when unambiguous. */
        if (k + 4 < n && t[k + 1].type == LEX_PUNCT && (t[k + 1].cp == '.' || t[k + 1].cp == '/') &&
            t[k + 2].type == LEX_NUM && t[k + 2].digits <= 2 && is_punct(&t[k + 3], t[k + 1].cp) &&
            (y = year_value(&t[k + 4])) && t[k + 1].end == t[k + 2].start) {
            int a = (int)t[k].value, b = (int)t[k + 2].value;
            if (t[k + 1].cp == '.' || a > 12) {
                day = a, m = b;
                d->swappable = a <= 12 && b <= 12 && a != b;
            } else if (b > 12) {
                m = a, day = b;
            } else if (a == b) {
                day = m = a;
            } else {
                return 0; /* 03/04/2024: March or April? None rather than a wrong one. */
            }
            return day_then_time(t, n, k + 5, y, m, day, d);
        }
    }
    return 0;
}

/* The index after a weekday at t[k] ("Tue.,", "Tuesday,"), or k itself when
 * there is none. */
static size_t after_weekday(const lexeme *t, size_t n, size_t k)
{
    if (k >= n || t[k].type != LEX_WORD || !t[k].word_len || !chorus__is_weekday_name(t[k].word, t[k].word_len))
        return k;
    k++;
    if (k < n && is_punct(&t[k], '.'))
        k++;
    if (k < n && (is_punct(&t[k], ',') || is_punct(&t[k], 0x060C))) /* and the Arabic comma */
        k++;
    return k;
}

int chorus__date_find(const char *s, size_t len, chorus__date *d, size_t *at, size_t *span)
{
    lexeme toks[256];
    /* Dates are looked for in lines and short passages; a long text is
     * scanned in windows that overlap by more than a date's length. */
    size_t base = 0;
    while (base < len) {
        size_t window = len - base;
        if (window > 2048)
            window = 2048;
        /* Do not cut a UTF-8 sequence or a token in two. */
        size_t wend = base + window;
        if (wend < len) {
            while (wend > base && s[wend] != ' ' && s[wend] != '\n')
                wend--;
            if (wend == base)
                wend = base + window;
        }
        size_t n = lex(s + base, wend - base, toks, sizeof toks / sizeof toks[0]);
        for (size_t k = 0; k < n; k++) {
            size_t start = k;
            /* A time of day in front belongs to the date too: "10:02 AM EDT,
             * March 4, 2025", "16:47 EST / DECEMBER 19 2025". */
            chorus__date clock;
            size_t after_clock = toks[k].type == LEX_NUM ? time_at(toks, n, k, &clock) : k;
            if (after_clock > k) {
                size_t j = after_clock;
                if (j < n && (is_punct(&toks[j], ',') || is_punct(&toks[j], '/') || is_punct(&toks[j], '|') ||
                              is_punct(&toks[j], '-') || is_punct(&toks[j], 0x00B7) || is_punct(&toks[j], 0x2022) ||
                              is_word(&toks[j], "on")))
                    j++;
                j = after_weekday(toks, n, j);
                size_t e = j < n ? date_at(toks, n, j, d) : 0;
                if (e) {
                    if (d->precision < CHORUS_DATE_MINUTE) {
                        d->hour = clock.hour;
                        d->minute = clock.minute;
                        d->second = clock.second;
                        d->precision = clock.precision;
                    }
                    *at = base + toks[start].start;
                    *span = toks[e - 1].end - toks[start].start;
                    return 1;
                }
                k = after_clock - 1;
                continue;
            }
            /* A weekday in front belongs to the date: "Tuesday, August 13, 2024". */
            size_t j = after_weekday(toks, n, k);
            if (j > k) {
                chorus__date tmp;
                size_t e = j < n ? date_at(toks, n, j, &tmp) : 0;
                if (e) {
                    *d = tmp;
                    *at = base + toks[start].start;
                    *span = toks[e - 1].end - toks[start].start;
                    return 1;
                }
                continue;
            }
            size_t e = date_at(toks, n, k, d);
            if (e) {
                *at = base + toks[start].start;
                *span = toks[e - 1].end - toks[start].start;
                return 1;
            }
        }
        if (wend >= len || n == 0)
            break;
        /* Step back a little so a date across the window edge is still seen. */
        size_t next = wend > base + 64 ? wend - 64 : wend;
        while (next < wend && s[next] != ' ')
            next++;
        base = next > base ? next : wend;
    }
    memset(d, 0, sizeof *d);
    return 0;
}

void chorus__date_iso(const chorus__date *d, char out[32])
{
    switch (d->precision) {
    case CHORUS_DATE_YEAR:
        snprintf(out, 32, "%04d", d->year);
        break;
    case CHORUS_DATE_MONTH:
        snprintf(out, 32, "%04d-%02d", d->year, d->month);
        break;
    case CHORUS_DATE_DAY:
        snprintf(out, 32, "%04d-%02d-%02d", d->year, d->month, d->day);
        break;
    case CHORUS_DATE_MINUTE:
    case CHORUS_DATE_SECOND: {
        int n = snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month, d->day, d->hour,
                         d->minute, d->second);
        if (d->zoned && d->offset == 0)
            snprintf(out + n, (size_t)(32 - n), "Z");
        else if (d->zoned)
            snprintf(out + n, (size_t)(32 - n), "%c%02d:%02d", d->offset < 0 ? '-' : '+', abs(d->offset) / 60,
                     abs(d->offset) % 60);
        break;
    }
    default:
        out[0] = '\0';
    }
}

int chorus__month_days(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

long chorus__date_days(const chorus__date *d)
{
    /* Days from civil, after Howard Hinnant's algorithm. */
    int y = d->year, m = d->precision >= CHORUS_DATE_MONTH ? d->month : 1;
    int day = d->precision >= CHORUS_DATE_DAY ? d->day : 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void chorus__date_from_days(long z, chorus__date *d)
{
    /* Civil from days, after Howard Hinnant's algorithm. */
    memset(d, 0, sizeof *d);
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    d->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d->year = (int)(y + (d->month <= 2));
    d->precision = CHORUS_DATE_DAY;
}

int chorus__weekday(long days)
{
    /* 1970-01-01 was a Thursday. */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}
