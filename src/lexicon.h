/* lexicon.h - what Debian's word lists say about names and words: places, people, organisations, currencies. */
#ifndef CHORUS_LEXICON_H
#define CHORUS_LEXICON_H

#include <stddef.h>

/*
 * Sources, each read when installed and skipped when not (the extractors then
 * rely on their own rules):
 *  - iso-codes (/usr/share/iso-codes/json): country names (ISO 3166-1),
 *    provinces and states (ISO 3166-2), currency names and codes (ISO 4217);
 *  - WordNet 3.0 (wordnet-base, /usr/share/wordnet): proper nouns filed as
 *    people, locations or groups, nationality adjectives linked to their
 *    country ("Russian" -> Russia), nouns for kinds of people ("engineer"),
 *    and which words are nouns at all;
 *  - the American English word list (wamerican, /usr/share/dict): which words
 *    are common words, so that a capital at a sentence start is not a name.
 */

enum {
    CHORUS_LEX_PERSON = 1 << 0,  /* a person (WordNet noun.person) */
    CHORUS_LEX_PLACE = 1 << 1,   /* a place (WordNet noun.location, ISO 3166) */
    CHORUS_LEX_ORG = 1 << 2,     /* an organisation or group (WordNet noun.group) */
    CHORUS_LEX_COUNTRY = 1 << 3, /* a country (ISO 3166-1) */
    CHORUS_LEX_REGION = 1 << 4,  /* a province, state or region (ISO 3166-2) */
    CHORUS_LEX_PROPER = 1 << 5,  /* listed with a capital in the word list */
    CHORUS_LEX_PEOPLE = 1 << 6,  /* a people or nationality ("Arab": a member of ...) */
};

typedef struct chorus__lexicon chorus__lexicon;

/* Reads the installed sources. Returns NULL only when out of memory. */
chorus__lexicon *chorus__lexicon_new(void);
void chorus__lexicon_free(chorus__lexicon *lex);

/* CHORUS_LEX_* bits known of a name as written ("Moscow", "United Nations"). */
unsigned chorus__lexicon_name(const chorus__lexicon *lex, const char *name, size_t len);

/* Non-zero when the lower-case word is a common word of English. */
int chorus__lexicon_common(const chorus__lexicon *lex, const char *word, size_t len);

/* The country a nationality adjective or a country name refers to, lower
 * case ("Russian" -> "russia", "Russia" -> "russia"), or NULL. */
const char *chorus__lexicon_country(const chorus__lexicon *lex, const char *word, size_t len);

/* Non-zero when the lower-case word is a WordNet noun (its plural too:
 * "prices" is "price"). */
int chorus__lexicon_noun(const chorus__lexicon *lex, const char *word, size_t len);

/* Non-zero when the lower-case word is a WordNet noun for a kind of person
 * ("engineer", "spokesman", "resident"). */
int chorus__lexicon_person_noun(const chorus__lexicon *lex, const char *word, size_t len);

/* ISO 4217 code of a currency word following an amount ("dollars" -> "USD",
 * "taka" -> "BDT", "euros" -> "EUR"), or NULL. */
const char *chorus__lexicon_currency(const chorus__lexicon *lex, const char *word, size_t len);

/* Number of names and words loaded, for diagnostics and tests. */
size_t chorus__lexicon_size(const chorus__lexicon *lex);

#endif
