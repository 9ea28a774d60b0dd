/* langid.h - language identification of article text (over libexttextcat). */
#ifndef CHORUS_LANGID_H
#define CHORUS_LANGID_H

#include <stddef.h>

typedef struct chorus__langid chorus__langid;

/* Loads the n-gram language models shipped by libexttextcat. Returns NULL when
 * they cannot be loaded; chorus__langid_detect() then answers "und". */
chorus__langid *chorus__langid_new(void);
void chorus__langid_free(chorus__langid *lid);

/*
 * Writes the ISO 639 code of the language of text[0..len) into code (room for
 * 8 bytes): "en", "de", ... or "und" when the text is too short or unclear.
 * Only the first few kilobytes are looked at.
 */
void chorus__langid_detect(chorus__langid *lid, const char *text, size_t len, char code[8]);

#endif
