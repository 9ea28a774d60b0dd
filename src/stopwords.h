/* stopwords.h - function words per language, which carry no topic. */
#ifndef CHORUS_STOPWORDS_H
#define CHORUS_STOPWORDS_H

#include <stddef.h>

/* Non-zero when the lower-cased, folded word w[0..len) is a function word of
 * language `lang` (ISO 639-1). Languages without a list answer 0. */
int chorus__is_stopword(const char *lang, const char *w, size_t len);

#endif
