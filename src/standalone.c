/* standalone.c - whether a sentence reads well alone in a summary, or leans on the one before it.
 *
 * A summary lifts sentences out of their articles, so each must make sense
 * on its own: prose rather than headings, captions or links; a whole
 * quotation rather than half of one; no pronoun or connective pointing at a
 * sentence the reader will not see. The summariser skips what these rules
 * reject and keeps a sentence that leans back only next to the one it leans on. */
#include "standalone.h"

#include <string.h>

#include "junk.h"
#include "text.h"

/* Bytes of the sentence's opening words that the wording rules look at. */
#define OPENING_BYTES 48
/* A quotation mark or bracket may stand before the first word. */
#define MAX_LEAD_BYTES 4

/* The folded (lower-case, ASCII quotes) opening of sentence s, from its first
 * word, NUL-terminated in out[OPENING_BYTES + 1]; empty when something other
 * than a quotation mark or bracket stands before the first word. */
static void opening(const chorus__article *a, const chorus__sentence *s, char *out)
{
    out[0] = '\0';
    if (s->tok_count == 0)
        return;
    const chorus__token *t = &a->tokens[s->tok_start];
    if (t->start - s->start > MAX_LEAD_BYTES)
        return;
    size_t n = 0, i = t->start, end = s->start + s->len;
    while (i < end && n + 4 < OPENING_BYTES) {
        int32_t cp = chorus__fold(chorus__utf8_next(a->text, end, &i));
        n += chorus__utf8_put(out + n, cp);
    }
    out[n] = '\0';
}

/* Non-zero when `text` opens with one of the words or phrases, whole. */
static int opens_with(const char *text, const char *const *phrases, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        size_t len = strlen(phrases[k]);
        if (strncmp(text, phrases[k], len) != 0)
            continue;
        unsigned char next = (unsigned char)text[len];
        /* A letter or digit would make it part of a longer word ("heat"). */
        if (!((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9') || next >= 0x80))
            return 1;
    }
    return 0;
}

/* Non-zero when the folded text holds one of the phrases anywhere. */
static int holds(const char *text, const char *const *phrases, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strstr(text, phrases[k]))
            return 1;
    return 0;
}

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

int chorus__sentence_leans_back(const chorus__article *a, size_t k)
{
    /* Pronouns and determiners that refer back, and connectives that answer
     * or continue the sentence before. */
    static const char *const openers[] = {
        "he", "she", "it", "they", "his", "her", "its", "their", "them", "him", "this",
        "these", "those", "that", "such", "however", "but", "and", "or", "also", "meanwhile",
        "moreover", "furthermore", "still", "yet", "so", "then", "thus", "therefore",
        "instead", "besides", "nevertheless", "nonetheless", "otherwise", "here", "both",
        "another", "additionally", "likewise", "similarly", "later", "afterwards", "afterward",
        "hence", "consequently", "accordingly", "in addition", "as a result", "even so",
        "for example", "for instance", "by contrast", "in contrast", "in turn", "the latter",
        "the former", "after that", "on the other hand", "at the same time", "despite this",
        "because of this", "as such", "there,",
    };
    if (strcmp(a->language, "en") != 0)
        return 0;
    char head[OPENING_BYTES + 1];
    opening(a, &a->sentences[k], head);
    return opens_with(head, openers, COUNT(openers));
}

/* Quotation marks must pair up, or the sentence cuts a quote. */
static int quotes_balanced(const char *s, size_t len)
{
    int open = 0, close = 0, straight = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp = chorus__utf8_next(s, len, &i);
        open += cp == 0x201C || cp == 0x00AB || cp == 0x201E;
        close += cp == 0x201D || cp == 0x00BB;
        straight += cp == '"';
    }
    /* „ opens German quotes that close with “. */
    return open == close && straight % 2 == 0;
}

/* Photo captions and credits, links and embedded posts that sit inside a
 * paragraph of text, where the cleaning of whole blocks cannot see them. */
static int furniture(const char *folded)
{
    static const char *const phrases[] = {
        "file photo", "ap photo", "afp photo", "photo:", "photos:", "photo credit",
        "photograph:", "image:", "image caption", "image copyright", "getty images",
        "credit:", "http://", "https://", "www.", "pic.twitter", ".com/",
    };
    if (holds(folded, phrases, COUNT(phrases)))
        return 1;
    /* A social handle or an e-mail address: an embedded post or a contact line. */
    for (const char *p = strchr(folded, '@'); p; p = strchr(p + 1, '@')) {
        unsigned char next = (unsigned char)p[1];
        if ((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9') || next == '_')
            return 1;
    }
    return 0;
}

/* Calls to action ("Discover how...", "Read more about...") are the page
 * talking to its reader, not a report. */
static int addresses_reader(const char *head)
{
    static const char *const verbs[] = {
        "discover", "learn", "find", "read", "watch", "see", "click", "check", "explore",
        "subscribe", "follow", "join", "sign", "download", "listen", "tap", "share",
    };
    return opens_with(head, verbs, COUNT(verbs));
}

int chorus__sentence_unfit(const chorus__article *a, size_t k, chorus__buf *scratch)
{
    const chorus__sentence *s = &a->sentences[k];
    if (s->flags & CHORUS_SENT_HEADING)
        return CHORUS_UNFIT_HEADING;
    if (s->tok_count < CHORUS_STANDALONE_MIN_WORDS || s->tok_count > CHORUS_STANDALONE_MAX_WORDS)
        return CHORUS_UNFIT_LENGTH;
    const char *text = a->text + s->start;
    size_t i = 0;
    if (chorus__is_lower(chorus__utf8_next(text, s->len, &i)) || !chorus__ends_sentence(text, s->len))
        return CHORUS_UNFIT_FRAGMENT;
    if (!quotes_balanced(text, s->len))
        return CHORUS_UNFIT_QUOTE;
    /* Out of memory, the test is skipped rather than the sentence. */
    if (chorus__fold_string(text, s->len, scratch) == 0 && scratch->data && furniture(scratch->data))
        return CHORUS_UNFIT_FURNITURE;
    if (strcmp(a->language, "en") == 0) {
        char head[OPENING_BYTES + 1];
        opening(a, s, head);
        /* Only a bare imperative: a quoted "Read the report," is speech. */
        if (a->sentences[k].tok_count && a->tokens[s->tok_start].start == s->start &&
            addresses_reader(head))
            return CHORUS_UNFIT_ADDRESS;
    }
    return CHORUS_UNFIT_NONE;
}
