/* timeline.c - the dates a story's events happened on, relative ones resolved, one entry per event.
 *
 * Dates come written in full ("August 13, 2024"), without a year ("August
 * 15th", "on October 7th"), as a month or a year ("since November", "in
 * 1948"), as a weekday ("on Tuesday", "late on Monday") or relative to the
 * day of writing ("yesterday", "last week", "next month", "two days ago").
 * Each is resolved against the article's publication date, or the story's
 * latest date for an undated article: a date without a year is the most
 * recent such date before the reference, unless the words around it point
 * to the future ("are set to resume on August 15th"). A relative week
 * becomes the month it falls in: no finer than the text allows. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "chorus.h"
#include "dates.h"
#include "facts.h"
#include "text.h"
#include "token.h"
#include "util.h"

/* Words of an event's clause kept around its date... */
#define CLAUSE_WORDS 12
/* ... or the whole sentence, when its start or end is this much further. */
#define SENTENCE_REACH 8
/* Reports of one event on one date share this much of their content words. */
#define SAME_EVENT_OVERLAP 0.2
/* How far back future wording is looked for. */
#define FUTURE_WORDS 8

typedef struct {
    char w[32];
    size_t len;
    uint32_t start, end;
    uint8_t flags;
} tword;

static int is(const tword *w, const char *s)
{
    /* w->w is NUL-terminated: one pass, and most words differ at once. */
    return w->w[0] == s[0] && strcmp(w->w, s) == 0;
}

static int any(const tword *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is(w, list[i]))
            return 1;
    return 0;
}
#define ANY(w, list) any(w, list, sizeof list / sizeof list[0])

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday"};

/* Words that point an undated day or month to the future. */
static const char *const future_words[] = {
    "will", "shall", "set", "scheduled", "due", "expected", "plans", "planned", "planning",
    "upcoming", "next", "begin", "resume", "start", "open", "ahead", "coming", "'ll", "going",
    "deadline",
};

/* Words that keep a date in the past whatever else stands near it. */
static const char *const past_words[] = {"since", "ago", "last", "earlier"};

/* Auxiliaries of the past tense: the nearest tense word decides. */
static const char *const past_auxiliaries[] = {"was", "were", "had", "been", "did", "ended", "began"};

/* Words in -ed that are no verbs in the past tense. */
static const char *const not_past[] = {"hundred", "kindred", "sacred", "naked", "wicked", "beloved",
                                       "aged", "red", "bed", "shed", "wed", "led"};

/* Non-zero for a verb in the past tense: an auxiliary, or a word in -ed
 * ("happened", "signed") that no future word claims ("scheduled"). */
static int past_verb(const tword *w)
{
    if (ANY(w, past_auxiliaries))
        return 1;
    return w->len >= 5 && memcmp(w->w + w->len - 2, "ed", 2) == 0 && w->w[w->len - 3] != 'e' &&
           !ANY(w, not_past) && !ANY(w, future_words);
}

static int weekday_of(const tword *w)
{
    for (int i = 0; i < 7; i++)
        if (is(w, weekdays[i]))
            return i;
    return -1;
}

/* Non-zero when punctuation that closes a clause or a quotation stands
 * between two words. */
static int clause_break(const char *text, const tword *x, const tword *y)
{
    for (uint32_t i = x->end; i < y->start; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ',' || c == ';' || c == '"' || c == '(' || c == ')' || (c == ':' && text[i + 1] == ' '))
            return 1;
        if (c == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D))
            return 1; /* typographic quotes */
    }
    return 0;
}

/* Tense of w[i]'s clause: -1 for the past, 1 for the future, 0 when the
 * words say neither. "since", "ago", "last" and "earlier" anywhere in the
 * clause make it past; otherwise the tense word nearest before the date
 * decides ("are set to resume on August 15th", "the landslide happened on
 * January 20"), then the nearest after it ("on Monday was declared"). */
static int clause_tense(const char *text, const tword *w, size_t n, size_t i)
{
    size_t lo = i, hi = i;
    while (lo > 0 && !clause_break(text, &w[lo - 1], &w[lo]))
        lo--;
    while (hi + 1 < n && !clause_break(text, &w[hi], &w[hi + 1]))
        hi++;
    for (size_t k = lo; k <= hi; k++)
        if (k != i && ANY(&w[k], past_words))
            return -1;
    for (size_t k = i; k-- > lo;) {
        if (k + FUTURE_WORDS > i && ANY(&w[k], future_words))
            return 1;
        if (k + 1 == i && is(&w[k], "by")) {
            /* "by Friday" is a deadline, unless the clause tells of the
             * past: "By Tuesday afternoon 187 people had been rescued",
             * "searchers had found 21 bodies by Saturday evening". */
            for (size_t a = lo; a <= hi; a++)
                if (a != i && past_verb(&w[a]))
                    return -1;
            return 1;
        }
        if (past_verb(&w[k]))
            return -1;
    }
    for (size_t k = i + 1; k <= hi && k < i + FUTURE_WORDS; k++) {
        if (ANY(&w[k], future_words))
            return 1;
        if (past_verb(&w[k]))
            return -1;
    }
    return 0;
}

static int future_before(const char *text, const tword *w, size_t n, size_t i)
{
    return clause_tense(text, w, n, i) > 0;
}

/* A day of the month, possibly ordinal: "15", "15th", "1st". */
static int day_number(const tword *w)
{
    size_t i = 0;
    int d = 0;
    while (i < w->len && i < 2 && isdigit((unsigned char)w->w[i]))
        d = d * 10 + (w->w[i++] - '0');
    if (i == 0)
        return 0;
    if (i < w->len && !(strcmp(w->w + i, "st") == 0 || strcmp(w->w + i, "nd") == 0 ||
                        strcmp(w->w + i, "rd") == 0 || strcmp(w->w + i, "th") == 0))
        return 0;
    return d >= 1 && d <= 31 ? d : 0;
}

static long days_of(int y, int m, int d)
{
    chorus__date x = {.year = y, .month = m, .day = d, .precision = CHORUS_DATE_DAY};
    return chorus__date_days(&x);
}

/* Days ahead within which a date without a year, in a clause of no past
 * tense, is the coming one: "as the August 15th talks approach", written on
 * August 13, speaks of this year's, not last year's. */
#define NEAR_FUTURE_DAYS 14

/* A month and day without a year, placed before or after the reference.
 * `tense` is clause_tense()'s answer. */
static void place_month_day(const chorus__date *ref, int month, int day, int tense, chorus__date *out)
{
    /* The last such day on or before the reference, and the next after it. */
    long r = chorus__date_days(ref);
    int past_year = ref->year, next_year = ref->year;
    int dp = day > chorus__month_days(past_year, month) ? chorus__month_days(past_year, month) : day;
    if (days_of(past_year, month, dp) > r)
        past_year--;
    else
        next_year++;
    dp = day > chorus__month_days(past_year, month) ? chorus__month_days(past_year, month) : day;
    int dn = day > chorus__month_days(next_year, month) ? chorus__month_days(next_year, month) : day;
    long next = days_of(next_year, month, dn);
    int future = tense > 0 || (tense == 0 && next - r <= NEAR_FUTURE_DAYS);
    memset(out, 0, sizeof *out);
    out->year = future ? next_year : past_year;
    out->month = month;
    out->day = future ? dn : dp;
    out->precision = CHORUS_DATE_DAY;
}

static void place_month(const chorus__date *ref, int month, int future, chorus__date *out)
{
    int y = ref->year;
    if (!future && month > ref->month)
        y--;
    else if (future && month < ref->month)
        y++;
    memset(out, 0, sizeof *out);
    out->year = y, out->month = month, out->precision = CHORUS_DATE_MONTH;
}

static void month_of_days(long days, chorus__date *out)
{
    chorus__date_from_days(days, out);
    out->day = 0;
    out->precision = CHORUS_DATE_MONTH;
}

static void shift_month(const chorus__date *ref, int by, chorus__date *out)
{
    int m = ref->month - 1 + by, y = ref->year;
    while (m < 0)
        m += 12, y--;
    while (m > 11)
        m -= 12, y++;
    memset(out, 0, sizeof *out);
    out->year = y, out->month = m + 1, out->precision = CHORUS_DATE_MONTH;
}

static int year_value(const tword *w)
{
    if (!(w->flags & CHORUS_TOK_NUMBER) || w->len != 4)
        return 0;
    int y = atoi(w->w);
    return y >= 1000 && y <= 2100 ? y : 0;
}

/* One date expression found in a sentence. */
typedef struct {
    chorus__date date;
    size_t first, last; /* its words */
} found_date;

/*
 * Reads the date expression at word i, if any; sets *f. `ref` may be NULL
 * (an undated article in an undated story): then only dates with a year
 * are read. Returns the number of words used, 0 for none.
 */
/* A date written in full in a sentence, as dates.c reads it. */
typedef struct {
    uint32_t start, end;
    chorus__date date;
} full_date;

static size_t full_dates(const chorus__article *a, const chorus__sentence *s, full_date *out, size_t max)
{
    size_t n = 0, pos = s->start, stop = (size_t)s->start + s->len;
    /* Every date written in full has a digit: most sentences have none. */
    int digit = 0;
    for (size_t k = pos; k < stop && !digit; k++)
        digit = a->text[k] >= '0' && a->text[k] <= '9';
    if (!digit)
        return 0;
    while (pos < stop && n < max) {
        size_t at, span;
        chorus__date d;
        if (!chorus__date_find(a->text + pos, stop - pos, &d, &at, &span))
            break;
        out[n].start = (uint32_t)(pos + at);
        out[n].end = (uint32_t)(pos + at + span);
        out[n].date = d;
        n++;
        pos += at + span;
    }
    return n;
}

static size_t date_at(const char *text, const tword *w, size_t n, size_t i, const chorus__date *ref,
                      const full_date *full, size_t nfull, found_date *f)
{
    memset(f, 0, sizeof *f);
    f->first = f->last = i;
    /* Written in full, with a year. */
    for (size_t k = 0; k < nfull; k++) {
        if (full[k].start != w[i].start)
            continue;
        size_t last = i;
        while (last + 1 < n && w[last + 1].start < full[k].end)
            last++;
        f->date = full[k].date;
        f->date.precision = CHORUS_DATE_DAY; /* the time of day is not an event's date */
        f->date.hour = f->date.minute = f->date.second = 0;
        /* A weekday in front ("Tuesday, August 13, 2024") is part of it. */
        f->last = last;
        return last - i + 1;
    }
    int month = (w[i].flags & CHORUS_TOK_CAP) ? chorus__month_from_name(w[i].w, w[i].len) : 0;
    /* "May" and "March" in a sentence's opening capital are too often verbs. */
    if (month && (is(&w[i], "may") || is(&w[i], "march")) && (i == 0 || !(w[i].flags & CHORUS_TOK_CAP)))
        month = 0;
    if (month) {
        size_t k = i + 1;
        /* "August 15th", "Aug. 10" */
        int day = k < n ? day_number(&w[k]) : 0;
        if (day) {
            if (!ref)
                return 0;
            place_month_day(ref, month, day, clause_tense(text, w, n, i), &f->date);
            f->last = k;
            return k - i + 1;
        }
        /* "November 2021" */
        int y = k < n ? year_value(&w[k]) : 0;
        if (y) {
            f->date.year = y, f->date.month = month, f->date.precision = CHORUS_DATE_MONTH;
            f->last = k;
            return k - i + 1;
        }
        /* "in June this year", "last November", "since November" */
        if (!ref)
            return 0;
        int prev_ok = i > 0 && (is(&w[i - 1], "in") || is(&w[i - 1], "since") || is(&w[i - 1], "last") ||
                                is(&w[i - 1], "this") || is(&w[i - 1], "next") || is(&w[i - 1], "early") ||
                                is(&w[i - 1], "mid") || is(&w[i - 1], "late") || is(&w[i - 1], "until") ||
                                is(&w[i - 1], "by") || is(&w[i - 1], "from") || is(&w[i - 1], "during") ||
                                is(&w[i - 1], "of") || is(&w[i - 1], "before") || is(&w[i - 1], "after"));
        if (!prev_ok)
            return 0;
        int future = is(&w[i - 1], "next") || (!is(&w[i - 1], "last") && !is(&w[i - 1], "since") &&
                                               future_before(text, w, n, i));
        if (k + 1 < n && is(&w[k], "this") && is(&w[k + 1], "year")) {
            f->date.year = ref->year, f->date.month = month, f->date.precision = CHORUS_DATE_MONTH;
            f->last = k + 1;
            return k + 2 - i;
        }
        place_month(ref, month, future, &f->date);
        /* "last November" said in November is a year back. */
        if (is(&w[i - 1], "last") && month == ref->month)
            f->date.year--;
        return 1;
    }
    /* "in 1948", "since 1947" */
    int y = year_value(&w[i]);
    if (y && i > 0 && (is(&w[i - 1], "in") || is(&w[i - 1], "since") || is(&w[i - 1], "by") ||
                       is(&w[i - 1], "until") || is(&w[i - 1], "from") || is(&w[i - 1], "and") ||
                       is(&w[i - 1], "before") || is(&w[i - 1], "after") || is(&w[i - 1], "of"))) {
        /* Not a count: "in 2024 people" is rare, "in 1948" is a year. */
        if (i + 1 < n && !(w[i + 1].flags & (CHORUS_TOK_STOP | CHORUS_TOK_CAP)) &&
            isalpha((unsigned char)w[i + 1].w[0]) && w[i + 1].w[w[i + 1].len - 1] == 's')
            return 0;
        f->date.year = y, f->date.precision = CHORUS_DATE_YEAR;
        return 1;
    }
    if (!ref)
        return 0;
    long r = chorus__date_days(ref);
    /* Weekdays: "on Tuesday", "last Monday", "next Friday". */
    int wd = (w[i].flags & CHORUS_TOK_CAP) ? weekday_of(&w[i]) : -1;
    if (wd >= 0) {
        int last_week = i > 0 && is(&w[i - 1], "last");
        int next_week = i > 0 && is(&w[i - 1], "next");
        int future = next_week || (!last_week && future_before(text, w, n, i));
        int rw = chorus__weekday(r);
        long day;
        if (future) {
            /* The day of writing's own weekday is that day ("talks resume
             * on Tuesday", written on a Tuesday), unless "next" says otherwise. */
            int ahead = (wd - rw + 7) % 7;
            day = r + (ahead || !next_week ? ahead : 7);
        } else {
            int back = (rw - wd + 7) % 7;
            day = r - back;
            if (last_week && back == 0)
                day -= 7;
        }
        chorus__date_from_days(day, &f->date);
        if (i > 0 && (last_week || next_week))
            f->first = i - 1;
        return 1;
    }
    /* Days relative to the day of writing. */
    if (is(&w[i], "yesterday") || is(&w[i], "today") || is(&w[i], "tomorrow") || is(&w[i], "tonight")) {
        long day = r + (is(&w[i], "yesterday") ? -1 : is(&w[i], "tomorrow") ? 1 : 0);
        chorus__date_from_days(day, &f->date);
        return 1;
    }
    /* "last week", "next month", "this year", "earlier this month". */
    if (i + 1 < n && (is(&w[i], "last") || is(&w[i], "next") || is(&w[i], "this") || is(&w[i], "past"))) {
        int dir = is(&w[i], "next") ? 1 : is(&w[i], "this") ? 0 : -1;
        if (is(&w[i + 1], "week")) {
            month_of_days(r + 7 * dir, &f->date);
        } else if (is(&w[i + 1], "month")) {
            shift_month(ref, dir, &f->date);
        } else if (is(&w[i + 1], "year")) {
            memset(&f->date, 0, sizeof f->date);
            f->date.year = ref->year + dir;
            f->date.precision = CHORUS_DATE_YEAR;
        } else {
            return 0;
        }
        f->last = i + 1;
        return 2;
    }
    /* "two days ago", "three weeks ago" */
    if (i + 2 < n && is(&w[i + 2], "ago")) {
        static const char *const small[] = {"one", "two", "three", "four", "five", "six", "seven",
                                            "eight", "nine", "ten", "a"};
        int count = 0;
        for (size_t k = 0; k < sizeof small / sizeof small[0]; k++)
            if (is(&w[i], small[k]))
                count = k < 10 ? (int)k + 1 : 1;
        if ((w[i].flags & CHORUS_TOK_NUMBER) && w[i].len <= 2)
            count = atoi(w[i].w);
        if (count <= 0)
            return 0;
        if (is(&w[i + 1], "days") || is(&w[i + 1], "day"))
            chorus__date_from_days(r - count, &f->date);
        else if (is(&w[i + 1], "weeks") || is(&w[i + 1], "week"))
            month_of_days(r - 7L * count, &f->date);
        else if (is(&w[i + 1], "months") || is(&w[i + 1], "month"))
            shift_month(ref, -count, &f->date);
        else if (is(&w[i + 1], "years") || is(&w[i + 1], "year")) {
            memset(&f->date, 0, sizeof f->date);
            f->date.year = ref->year - count;
            f->date.precision = CHORUS_DATE_YEAR;
        } else
            return 0;
        f->last = i + 2;
        return 3;
    }
    return 0;
}

/* The clause around words first..last, in start..end: bounded by
 * punctuation that ends a clause, and no more than CLAUSE_WORDS words on
 * each side. What a reader is shown, in shown_start..shown_end, goes on to
 * the sentence's start or end when that is only SENTENCE_REACH words
 * further: an entry that opens mid-phrase ("have been adopted by the UN
 * since 1947") reads worse than one a few words longer. Reports of one
 * event are matched on the clause alone, so that the longer text joins no
 * more events. */
static void clause_around(const chorus__article *a, const tword *w, size_t n, size_t first, size_t last,
                          uint32_t *start, uint32_t *end, uint32_t *shown_start, uint32_t *shown_end)
{
    size_t from = first, to = last;
    int cut = 1;
    for (size_t k = first; k-- > 0;) {
        if (first - k > CLAUSE_WORDS) {
            cut = k >= SENTENCE_REACH;
            break;
        }
        const char *gap = a->text + w[k].end;
        size_t gl = w[k + 1].start - w[k].end;
        if (memchr(gap, ';', gl) || (memchr(gap, ':', gl) && gap[gl - 1] == ' ') || memchr(gap, '(', gl) ||
            (memchr(gap, ',', gl) && first - k > 3))
            break;
        from = k;
    }
    *start = w[from].start;
    *shown_start = cut ? w[from].start : w[0].start;
    cut = 1;
    for (size_t k = last + 1; k < n; k++) {
        if (k - last > CLAUSE_WORDS) {
            cut = n - k > SENTENCE_REACH;
            break;
        }
        const char *gap = a->text + w[k - 1].end;
        size_t gl = w[k].start - w[k - 1].end;
        if (memchr(gap, ';', gl) || (memchr(gap, ':', gl) && gap[gl - 1] == ' ') || memchr(gap, ')', gl) ||
            (memchr(gap, ',', gl) && k - last > 3))
            break;
        to = k;
    }
    *end = w[to].end;
    *shown_end = cut ? w[to].end : w[n - 1].end;
}

/* Content words of a clause, for matching reports of one event. */
static size_t content_terms(const chorus__article *a, uint32_t start, uint32_t end, uint32_t *out, size_t max)
{
    /* The text's tokens come in order: the first at or after `start` is
     * found by bisection, so that a text of many dates costs no square. */
    size_t lo = 0, hi = a->title_token_start < a->token_count ? a->title_token_start : a->token_count;
    size_t body = hi;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->tokens[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    for (size_t t = lo; t < body && n < max && a->tokens[t].start < end; t++) {
        const chorus__token *tok = &a->tokens[t];
        if (!(tok->flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)))
            out[n++] = tok->term;
    }
    return n;
}

static double overlap(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
    if (!nx || !ny)
        return 0;
    size_t same = 0;
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (x[i] == y[j]) {
                same++;
                break;
            }
    return 2.0 * (double)same / (double)(nx + ny);
}

typedef struct {
    size_t article;
    uint32_t start, end;
    uint32_t terms[48];
    size_t nterms;
} event_source;

static int cmp_events(const void *x, const void *y)
{
    const chorus__event *a = x, *b = y;
    int c = strcmp(a->iso, b->iso);
    if (c)
        return c;
    return (a->sources.items[0] > b->sources.items[0]) - (a->sources.items[0] < b->sources.items[0]);
}

/* The events found so far by their date: a story's reports name the same
 * dates again and again, and a text of thousands of dates must not cost
 * their square. Chains of event indices from buckets of the date's hash. */
#define NO_EVENT UINT32_MAX
typedef struct {
    uint32_t *heads; /* mask + 1 buckets */
    size_t mask;
    uint32_t *next; /* per event: the next one in its bucket */
    size_t count, next_cap;
} date_index;

static uint64_t date_hash(const char *iso)
{
    return XXH3_64bits(iso, strlen(iso));
}

/* Adds the last of f's events, growing the buckets to twice the events. */
static int index_event(date_index *x, const chorus__facts *f)
{
    size_t n = f->event_count;
    if (chorus__grow((void **)&x->next, &x->next_cap, n, sizeof *x->next))
        return CHORUS_ENOMEM;
    if (2 * n > x->mask + 1 || !x->heads) {
        size_t size = x->heads ? 2 * (x->mask + 1) : 64;
        uint32_t *heads = malloc(size * sizeof *heads);
        if (!heads)
            return CHORUS_ENOMEM;
        free(x->heads);
        x->heads = heads;
        x->mask = size - 1;
        for (size_t b = 0; b < size; b++)
            heads[b] = NO_EVENT;
        x->count = 0;
    }
    /* Events not yet in the buckets (all of them after growing). */
    for (; x->count < n; x->count++) {
        size_t b = date_hash(f->events[x->count].iso) & x->mask;
        x->next[x->count] = x->heads[b];
        x->heads[b] = (uint32_t)x->count;
    }
    return 0;
}

int chorus__find_timeline(const chorus__story_text *story, chorus__facts *f)
{
    /* The first report of each event, to compare later ones with. */
    event_source *firsts = NULL;
    size_t nfirst = 0, cap = 0;
    int rc = 0;
    date_index on_date = {0};
    tword *w = malloc(512 * sizeof *w);
    if (!w)
        return CHORUS_ENOMEM;
    for (size_t m = 0; m < story->count && !rc; m++) {
        size_t article = story->members[m];
        const chorus__article *a = story->articles[article];
        const chorus__date *ref = a->published.precision >= CHORUS_DATE_DAY ? &a->published
                                  : story->reference.precision >= CHORUS_DATE_DAY ? &story->reference
                                                                                 : NULL;
        for (size_t s = 0; s < a->sentence_count && !rc; s++) {
            const chorus__sentence *st = &a->sentences[s];
            if (st->flags & CHORUS_SENT_HEADING)
                continue;
            size_t n = 0;
            for (uint32_t k = 0; k < st->tok_count && n < 512; k++) {
                const chorus__token *t = &a->tokens[st->tok_start + k];
                w[n].len = chorus__token_word(a, t, w[n].w, sizeof w[n].w);
                w[n].start = t->start;
                w[n].end = t->start + t->len;
                w[n].flags = t->flags;
                n++;
            }
            full_date full[16];
            size_t nfull = full_dates(a, st, full, 16);
            /* A wire dateline dates the filing, not an event. */
            uint32_t skip_to = 0;
            if (s == 0 && story->junk)
                skip_to = st->start + (uint32_t)chorus__dateline_length(story->junk, a->text + st->start, st->len);
            for (size_t i = 0; i < n && !rc; i++) {
                found_date fd;
                if (w[i].start < skip_to)
                    continue;
                size_t used = date_at(a->text, w, n, i, ref, full, nfull, &fd);
                if (!used)
                    continue;
                event_source src = {article, 0, 0, {0}, 0};
                uint32_t shown_start, shown_end;
                clause_around(a, w, n, fd.first, fd.last, &src.start, &src.end, &shown_start, &shown_end);
                /* Not the dateline a sentence opens with ("SANTIAGO - "). */
                for (size_t k = 0; k < n && shown_start < skip_to && shown_start < src.start; k++)
                    if (w[k].start >= skip_to)
                        shown_start = w[k].start;
                src.nterms = content_terms(a, src.start, src.end, src.terms, 48);
                char iso[32];
                chorus__date_iso(&fd.date, iso);
                /* The same event already on the timeline: the first of those
                 * on this date whose report shares enough words. */
                size_t e = f->event_count;
                for (uint32_t x = on_date.count ? on_date.heads[date_hash(iso) & on_date.mask] : NO_EVENT;
                     x != NO_EVENT; x = on_date.next[x])
                    if (x < e && strcmp(f->events[x].iso, iso) == 0 &&
                        overlap(firsts[x].terms, firsts[x].nterms, src.terms, src.nterms) >= SAME_EVENT_OVERLAP)
                        e = x;
                if (e < f->event_count) {
                    rc = chorus__sources_add(&f->events[e].sources, article);
                } else {
                    chorus__event ev = {0};
                    ev.date = fd.date;
                    memcpy(ev.iso, iso, sizeof iso);
                    ev.text = chorus__arena_strndup(&f->mem, a->text + shown_start, shown_end - shown_start);
                    if (!ev.text || chorus__sources_add(&ev.sources, article) ||
                        CHORUS_PUSH(f->events, f->event_count, f->event_cap, ev) ||
                        CHORUS_PUSH(firsts, nfirst, cap, src) || index_event(&on_date, f))
                        rc = CHORUS_ENOMEM;
                }
                i += used - 1;
            }
        }
    }
    free(w);
    free(firsts);
    free(on_date.heads);
    free(on_date.next);
    if (!rc && f->event_count > 1)
        qsort(f->events, f->event_count, sizeof *f->events, cmp_events);
    return rc;
}
