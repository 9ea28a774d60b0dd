/* stopwords.h - function words per language, which carry no topic. */
#ifndef CHORUS_STOPWORDS_H
#define CHORUS_STOPWORDS_H

#include <stddef.h>

/* The function words of one language. */
typedef struct chorus__stoplist chorus__stoplist;

/* The list of language `lang` (ISO 639-1), or NULL when chorus has none. */
const chorus__stoplist *chorus__stoplist_for(const char *lang);
/* The i-th list of those that identify a language, to try them all (see
 * langid.c); NULL past the last. */
const chorus__stoplist *chorus__stoplist_at(size_t i);
const char *chorus__stoplist_lang(const chorus__stoplist *list);
/* Its number of words, and the k-th (not NUL-terminated; *len its length). */
size_t chorus__stoplist_size(const chorus__stoplist *list);
const char *chorus__stoplist_word(const chorus__stoplist *list, size_t k, size_t *len);

/* Non-zero when the lower-cased, folded word w[0..len) is in the list (a NULL
 * list holds nothing). */
int chorus__stoplist_has(const chorus__stoplist *list, const char *w, size_t len);

/* chorus__stoplist_has(chorus__stoplist_for(lang), w, len). */
int chorus__is_stopword(const char *lang, const char *w, size_t len);

#endif
