/* vocab.h - the corpus vocabulary: interning stems as dense integer ids. */
#ifndef CHORUS_VOCAB_H
#define CHORUS_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#define CHORUS_VOCAB_NONE UINT32_MAX

typedef struct chorus__vocab chorus__vocab;

chorus__vocab *chorus__vocab_new(void);
void chorus__vocab_free(chorus__vocab *v);

/* The id of term s[0..len), added when new; ids count up from 0.
 * Returns CHORUS_VOCAB_NONE when out of memory. */
uint32_t chorus__vocab_intern(chorus__vocab *v, const char *s, size_t len);

/* The id of a known term, or CHORUS_VOCAB_NONE. */
uint32_t chorus__vocab_find(const chorus__vocab *v, const char *s, size_t len);

size_t chorus__vocab_size(const chorus__vocab *v);

/* The text of term `id` (not NUL-terminated; *len receives its length). */
const char *chorus__vocab_term(const chorus__vocab *v, uint32_t id, size_t *len);

#endif
