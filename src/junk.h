/* junk.h - telling web junk (prompts, labels, captions, link lists) from article text. */
#ifndef CHORUS_JUNK_H
#define CHORUS_JUNK_H

#include <stddef.h>
#include <stdint.h>

/* Why a block was removed; 0 means it is article text. */
enum {
    CHORUS_JUNK_NONE = 0,
    CHORUS_JUNK_PROMPT,      /* comment, share, follow, subscribe, read-more wording */
    CHORUS_JUNK_SOCIAL,      /* a short line naming a social network: a share/follow prompt */
    CHORUS_JUNK_LABEL,       /* section label or breadcrumb ("WORLD / ASIA", "Home › News") */
    CHORUS_JUNK_CAPTION,     /* photo caption or credit */
    CHORUS_JUNK_REPEAT,      /* a block already seen earlier in the article */
    CHORUS_JUNK_CONTENTS,    /* a table of contents of template headings */
    CHORUS_JUNK_LIST,        /* an entry of a related-links or comments section */
    CHORUS_JUNK_TRAILING,    /* short fragments after the end of the text */
    CHORUS_JUNK_BOILERPLATE, /* a short line repeated across many articles */
    CHORUS_JUNK_LINK,        /* a bare URL or e-mail address */
    CHORUS_JUNK_META,        /* date line, byline or a repeat of the title */
    CHORUS_JUNK_LEGAL,       /* copyright and "all rights reserved" lines */
    CHORUS_JUNK_PLACEHOLDER, /* what a page shows until its scripts run: "Loading posts…", "{{ price }}" */
    CHORUS_JUNK_BIO,         /* a box about the writer below the article: "Contributing Writer", "Jane Doe is a…" */
};

/* Compiled patterns; one per corpus, used by one thread at a time. */
typedef struct chorus__junk chorus__junk;

chorus__junk *chorus__junk_new(void);
void chorus__junk_free(chorus__junk *j);

/* One block (paragraph) of an article, as the classifier sees it. */
typedef struct chorus__junk_block {
    const char *text;
    size_t len;
    uint64_t hash;         /* chorus__block_hash(text, len), or 0 to have it computed */
    uint32_t corpus_count; /* articles of the corpus holding this same block (>= 1) */
} chorus__junk_block;

/* The classifier's verdict on one block. */
typedef struct chorus__junk_verdict {
    uint8_t reason;        /* CHORUS_JUNK_* */
    uint8_t heading;       /* kept, but a heading rather than prose */
    uint32_t strip_prefix; /* bytes of template prefix ("Heading 2: ") to cut off */
} chorus__junk_verdict;

/*
 * Classifies the blocks of one article. The decision uses general signals:
 * where a block stands (before the first or after the last real paragraph),
 * its length and punctuation, repetition within the article and across the
 * corpus, and link-like wording in several languages. `title` (may be NULL)
 * lets a repeat of the headline inside the text be recognised.
 * Returns 0 or CHORUS_ENOMEM.
 */
int chorus__junk_classify(chorus__junk *j, const chorus__junk_block *blocks, size_t n,
                          const char *title, chorus__junk_verdict *out);

/* Short English name of a CHORUS_JUNK_* reason ("prompt", "caption", ...). */
const char *chorus__junk_reason_name(int reason);

/* Shape helpers shared with the text reader. Words are runs of letters and
 * digits between spaces; Chinese and Japanese characters count two to a word. */
size_t chorus__count_words(const char *s, size_t len);
/* Non-zero when the text ends like a sentence: . ! ? … or a closing quote after one. */
int chorus__ends_sentence(const char *s, size_t len);
/* Non-zero for a section label or breadcrumb line. */
int chorus__is_label_line(chorus__junk *j, const char *s, size_t len);
/* Non-zero for a byline ("By Jane Doe, Reuters"). */
int chorus__is_byline(chorus__junk *j, const char *s, size_t len);
/* When the line is a copyright notice naming an owner ("© 2025 Harbour Post"),
 * sets *name and *name_len to the owner and returns 1. */
int chorus__copyright_owner(chorus__junk *j, const char *s, size_t len, const char **name,
                            size_t *name_len);



/* Length of the wire dateline that opens s ("WASHINGTON (Reuters) - "), or 0. */
size_t chorus__dateline_length(chorus__junk *j, const char *s, size_t len);

/* Hash of a block's matching form (folded, spaces collapsed): equal blocks,
 * whatever their quotes, case or spacing, hash alike. */
uint64_t chorus__block_hash(const char *s, size_t len);

struct chorus__date;
/*
 * Non-zero when the line is a date line: a date with at most a few label
 * words around it ("Published: Aug 13, 2024 11:14 PM", "Tuesday, August 13,
 * 2024", "Updated: 5 March 2025 08:40 | Published: 4 March 2025 19:05").
 * *d receives the publication date: the part labelled as published when
 * there are several, never the one labelled as updated when another exists.
 * Returns 2 when the date is explicitly labelled as the publication date, 1
 * otherwise.
 */
int chorus__date_line(chorus__junk *j, const char *s, size_t len, struct chorus__date *d);
#endif
