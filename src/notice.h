/* notice.h - telling texts that are not articles (crawl, embed, error, sign-in, cookie and ad-blocker notices, page furniture alone) from articles. */
#ifndef CHORUS_NOTICE_H
#define CHORUS_NOTICE_H

#include <stddef.h>

#include "article.h"

/* Why a text is no article; 0 means it is one. */
enum {
    CHORUS_NONARTICLE_NONE = 0,
    /* It speaks of the page, the site, the browser, the reader's account or
     * a web crawl, not of news: "You need to enable JavaScript", "Tweet with
     * a location", a Wayback Machine crawl notice, a cookie wall. */
    CHORUS_NONARTICLE_NOTICE,
    /* Cleaning left (next to) nothing of it: every paragraph, or all but a
     * few words, was page furniture (prompts, links, captions, labels). */
    CHORUS_NONARTICLE_FURNITURE,
};

/* Compiled patterns; one per analyzer, used by one thread at a time. */
typedef struct chorus__notice chorus__notice;

chorus__notice *chorus__notice_new(void);
void chorus__notice_free(chorus__notice *n);

/*
 * Judges an analysed article (its text and sentences set). `kept_words` is
 * the word count of its cleaned text and `furniture_words` the words of the
 * paragraphs cleaning removed as page furniture (not counting a repeat of
 * the title, a byline or a date line, which a headline alone also loses).
 * Returns a CHORUS_NONARTICLE_* reason.
 */
int chorus__notice_judge(chorus__notice *n, const chorus__article *a, size_t kept_words,
                         size_t furniture_words);

/* Short English name of a CHORUS_NONARTICLE_* reason ("notice",
 * "furniture"), or NULL for CHORUS_NONARTICLE_NONE. */
const char *chorus__nonarticle_name(int reason);

#endif
