/* sentence.h - splitting paragraphs into sentences. */
#ifndef CHORUS_SENTENCE_H
#define CHORUS_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

typedef struct chorus__span {
    uint32_t start, len;
} chorus__span;

/*
 * Splits the paragraph s[0..len) (clean UTF-8, no newlines needed) into
 * sentences, appending their trimmed spans, offset by `base`, to the heap
 * array *out (count *count, capacity *cap). `lang` (ISO 639-1) tells which
 * function words may open a sentence after an abbreviation.
 * Returns 0 or CHORUS_ENOMEM.
 */
int chorus__split_sentences(const char *s, size_t len, uint32_t base, const char *lang,
                            chorus__span **out, size_t *count, size_t *cap);

#endif
