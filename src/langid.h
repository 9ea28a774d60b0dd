/* langid.h - language identification of article text (over libexttextcat). */
#ifndef CHORUS_LANGID_H
#define CHORUS_LANGID_H

#include <stddef.h>

typedef struct chorus__langid chorus__langid;

/* Indexes chorus's function-word lists and loads the n-gram language models
 * shipped by libexttextcat. Missing models are not an error: the languages
 * with function-word lists are still found. Returns NULL when out of memory. */
chorus__langid *chorus__langid_new(void);
void chorus__langid_free(chorus__langid *lid);

/*
 * Writes the ISO 639 code of the language of text[0..len) into code (room for
 * 8 bytes): "en", "de", ... or "und" when the text is too short or unclear.
 * Only the first few kilobytes are looked at.
 */
void chorus__langid_detect(chorus__langid *lid, const char *text, size_t len, char code[8]);

#endif
