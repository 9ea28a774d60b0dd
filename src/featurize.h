/* featurize.h - what grouping keeps of an article: its content terms, the names among them, and full names. */
#ifndef CHORUS_FEATURIZE_H
#define CHORUS_FEATURIZE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "vocab.h"

/* Full names ("Jared Kushner") are terms of their own in the vocabulary:
 * their text is this byte, then the two stems with a space between. */
#define CHORUS_NAME_PAIR_MARK '\x01'

/*
 * Counts the content terms of an analysed article (stems of words that are
 * not function words, numbers or single letters, in body and title) into
 * a->features, sorted by term: how often each occurs and how often written
 * with a capital inside a sentence, as a name is. Two such words in a row
 * ("Jared Kushner", "Port Amber") also count as one name term, interned in
 * `vocab`: a shared full name says more than a shared surname. Returns 0 or
 * CHORUS_ENOMEM.
 */
int chorus__article_features(chorus__article *a, chorus__vocab *vocab);

#endif
