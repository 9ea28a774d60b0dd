/* dates.h - calendar dates written in text: finding, parsing and formatting them. */
#ifndef CHORUS_DATES_H
#define CHORUS_DATES_H

#include <stddef.h>

enum {
    CHORUS_DATE_NONE = 0,
    CHORUS_DATE_YEAR,
    CHORUS_DATE_MONTH,
    CHORUS_DATE_DAY,
    CHORUS_DATE_MINUTE,
    CHORUS_DATE_SECOND,
};

typedef struct chorus__date {
    int year, month, day;
    int hour, minute, second;
    int precision; /* CHORUS_DATE_*: how much of the above is known */
    int swappable; /* day and month written as numbers that read the other way round too (09.10.2024) */
    int zoned;     /* the time of day came with its offset from UTC ... */
    int offset;    /* ... of this many minutes (+02:00 is 120) */
} chorus__date;

/*
 * Finds the first complete calendar date (day, month and year) in s[0..len),
 * with the time of day when one follows it: "2024-08-13T23:14:00",
 * "Aug 13, 2024 11:14 PM", "Tuesday, August 13th, 2024", "13 August 2024",
 * "13. März 2024", "13 de agosto de 2024", "13.08.2024". A numeric d/m/y date
 * is taken only when day and month cannot be confused. Dates stay in the
 * writer's local time; an offset from UTC after the time of day ("Z",
 * "+03:00", "UTC", "GMT", and zone names that name one offset, such as
 * "JST" or "CEST", not "CST" or "IST") is kept beside it. Returns 1 and fills
 * *d, *at (byte offset of the match, including a leading weekday) and *span
 * (its length); returns 0 when the text holds no such date.
 */
int chorus__date_find(const char *s, size_t len, chorus__date *d, size_t *at, size_t *span);

/* Formats as ISO 8601 at the date's precision: "2024", "2024-08", "2024-08-13",
 * "2024-08-13T23:14:00", with the offset when known: "2024-08-13T23:14:00+03:00",
 * "2024-08-13T20:14:00Z". `out` has room for 32 bytes. */
void chorus__date_iso(const chorus__date *d, char out[32]);

/* Days since 1970-01-01 of the date's day (the first of the month or year at
 * coarser precision); used to measure gaps between dates. */
long chorus__date_days(const chorus__date *d);

/* The calendar day `days` days after 1970-01-01 (day precision). */
void chorus__date_from_days(long days, chorus__date *d);

/* Day of the week of a day number: 0 Monday ... 6 Sunday. */
int chorus__weekday(long days);

/* Number of days in a month of a year (1..12). */
int chorus__month_days(int year, int month);

/* Month number (1..12) of a folded month name or abbreviation in one of the
 * languages chorus knows ("aug", "august", "märz", "agosto"), else 0. */
int chorus__month_from_name(const char *w, size_t len);

/* Non-zero when a folded word names a day of the week in one of those
 * languages ("tuesday", "tue", "dienstag", "вторник", "salı"). */
int chorus__is_weekday_name(const char *w, size_t len);

#endif
