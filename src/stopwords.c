/* stopwords.c - function words per language, which carry no topic.
 *
 * The lists are short on purpose: articles, pronouns, auxiliaries,
 * prepositions, conjunctions and the commonest adverbs. Reporting verbs
 * ("said") are included because every news article uses them. Anything
 * frequent but topical is left to inverse document frequency. Each list is
 * sorted in byte order so that lookups can bisect it. */
#include "stopwords.h"

#include <stdlib.h>
#include <string.h>

static const char *const en_words[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do",
    "does", "doesn't", "doing", "don't", "down", "during", "each", "even", "ever", "few", "for",
    "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he",
    "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself",
    "his", "how", "how's", "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into",
    "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "many", "may", "me", "might",
    "more", "most", "much", "must", "mustn't", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "one", "only", "or", "other", "ought", "our", "ours", "ourselves",
    "out", "over", "own", "per", "said", "same", "say", "says", "shall", "shan't", "she",
    "she'd", "she'll", "she's", "should", "shouldn't", "since", "so", "some", "still", "such",
    "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
    "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this", "those",
    "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very",
    "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what",
    "what's", "when", "when's", "where", "where's", "whether", "which", "while", "who", "who's",
    "whom", "whose", "why", "why's", "will", "with", "within", "without", "won't", "would",
    "wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
    "yourself", "yourselves",
};

static const char *const de_words[] = {
    "aber", "alle", "als", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da",
    "damit", "dann", "das", "dass", "dem", "den", "denn", "der", "des", "die", "dies", "diese",
    "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine",
    "einem", "einen", "einer", "eines", "er", "es", "etwa", "für", "gegen", "hat", "hatte",
    "hatten", "ich", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ist", "ja", "kann",
    "kein", "keine", "man", "mehr", "mit", "nach", "nicht", "noch", "nun", "nur", "ob", "oder",
    "ohne", "sagte", "sei", "sein", "seine", "seinem", "seinen", "seiner", "sich", "sie",
    "sind", "so", "soll", "sollen", "um", "und", "uns", "unter", "vom", "von", "vor", "war",
    "waren", "was", "weil", "wenn", "werden", "wie", "wieder", "will", "wir", "wird", "wurde",
    "wurden", "zu", "zum", "zur", "über",
};

static const char *const fr_words[] = {
    "a", "au", "aussi", "aux", "avait", "avec", "c'est", "ce", "cela", "ces", "cette", "comme",
    "d'un", "d'une", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et", "eux", "il",
    "ils", "je", "l'a", "la", "le", "les", "leur", "leurs", "lui", "mais", "me", "mes", "mon",
    "ne", "nous", "on", "ont", "ou", "où", "par", "pas", "plus", "pour", "qu'il", "que", "qui",
    "sa", "sans", "se", "selon", "ses", "son", "sont", "sur", "ta", "te", "tous", "tout", "un",
    "une", "vous", "y", "à", "été", "être",
};

static const char *const es_words[] = {
    "a", "al", "como", "con", "de", "del", "dijo", "el", "ella", "ellos", "en", "entre", "era",
    "es", "esta", "este", "esto", "está", "están", "fue", "ha", "han", "hay", "la", "las", "le",
    "les", "lo", "los", "más", "ni", "no", "nos", "o", "para", "pero", "por", "que", "se",
    "ser", "si", "sin", "sobre", "son", "su", "sus", "también", "un", "una", "uno", "y", "ya",
    "él",
};

static const char *const it_words[] = {
    "a", "ad", "al", "alla", "anche", "che", "ci", "come", "con", "da", "dal", "dalla", "dei",
    "del", "della", "delle", "di", "e", "gli", "ha", "hanno", "i", "il", "in", "la", "le", "lo",
    "ma", "nel", "nella", "non", "per", "più", "se", "si", "sono", "su", "sua", "suo", "tra",
    "un", "una", "uno", "è",
};

static const char *const pt_words[] = {
    "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "ela", "ele",
    "em", "entre", "era", "foi", "há", "isso", "já", "mais", "mas", "na", "nas", "no", "nos",
    "não", "o", "os", "ou", "para", "pela", "pelo", "por", "que", "se", "seu", "sua", "são",
    "também", "um", "uma", "à", "é",
};

static const char *const nl_words[] = {
    "aan", "al", "als", "bij", "dan", "dat", "de", "die", "dit", "door", "een", "en", "er",
    "het", "hij", "in", "is", "je", "maar", "met", "naar", "niet", "nog", "of", "om", "ook",
    "op", "over", "te", "tot", "uit", "van", "voor", "was", "wat", "werd", "wordt", "ze",
    "zich", "zijn",
};

static const char *const ru_words[] = {
    "а", "без", "бы", "был", "была", "были", "было", "в", "во", "вы", "да", "для", "до", "его",
    "ее", "если", "есть", "же", "за", "и", "из", "или", "им", "их", "к", "как", "ли", "мы",
    "на", "не", "но", "о", "об", "он", "она", "они", "оно", "от", "по", "при", "с", "так",
    "также", "то", "того", "только", "у", "уже", "что", "это", "этот",
};

typedef struct {
    const char *lang;
    const char *const *words;
    size_t count;
} stoplist;

#define LIST(code, arr) {code, arr, sizeof(arr) / sizeof(arr[0])}
static const stoplist lists[] = {
    LIST("de", de_words), LIST("en", en_words), LIST("es", es_words), LIST("fr", fr_words),
    LIST("it", it_words), LIST("nl", nl_words), LIST("pt", pt_words), LIST("ru", ru_words),
};

typedef struct {
    const char *w;
    size_t len;
} key;

static int cmp_word(const void *k, const void *elem)
{
    const key *a = k;
    const char *b = *(const char *const *)elem;
    size_t blen = strlen(b);
    size_t n = a->len < blen ? a->len : blen;
    int c = memcmp(a->w, b, n);
    if (c)
        return c;
    return (a->len > blen) - (a->len < blen);
}

int chorus__is_stopword(const char *lang, const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (strcmp(lists[i].lang, lang) != 0)
            continue;
        key k = {w, len};
        return bsearch(&k, lists[i].words, lists[i].count, sizeof(char *), cmp_word) != NULL;
    }
    return 0;
}
