/* quotes.c - direct quotations and who said them.
 *
 * A quotation is a span between quotation marks (straight, typographic,
 * ``TeX'' or guillemets) long enough to be speech: scare quotes ("great
 * concern") and quoted names ("Gaza Peace Plan") are not. Its speaker is
 * found in the words around it: "..., X said", "said X", "X said: ...",
 * "according to X", a pronoun standing for the person the text named last,
 * or, for a quotation standing alone, the speaker of the quotation or the
 * speech verb just before it. A speaker that is no entity of the story
 * ("officials said") is left unnamed rather than guessed. */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "chorus.h"
#include "facts.h"
#include "lexicon.h"
#include "text.h"
#include "token.h"
#include "util.h"
#include "vocab.h"

/* Shorter quotations are scare quotes or quoted names, unless they end like
 * a sentence ("cooperating with investigators."). */
#define QUOTE_MIN_WORDS 4
#define QUOTE_MIN_WORDS_SENTENCE 3
/* A quotation this much in capitals is a title ("Gaza Peace Plan"). */
#define TITLE_CASE_SHARE 0.6
/* Words that may stand between a speaker and the speech verb: "Abbas previously said". */
#define SUBJECT_GAP_WORDS 2
/* How far back a pronoun looks for the person it stands for. */
#define PRONOUN_SENTENCES 4
/* Words after a quotation within which its speech verb stands: ", Progressive
 * Caucus leader Rep. Raul Grijalva (D-AZ) said", or after an aside that
 * describes the speaker at length (", Jane Roe, a paleontologist at Dickinson
 * State University who was not involved with the work, told …"). */
#define ATTRIBUTION_WORDS 20
/* Longest description between an organisation and the person it
 * describes: "Facebook founder and chief executive, Mark Zuckerberg". */
#define DESCRIPTION_BYTES 40
/* Words right before a name, and text after it, read for the title it is
 * given. */
#define TITLE_WORDS 1
#define TITLE_BYTES 40
/* Longest aside in brackets between a speaker's name and the verb. */
#define ASIDE_BYTES 16
/* Two reports of one quotation share this much of their words. */
#define SAME_QUOTE_OVERLAP 0.8

typedef struct {
    const chorus__article *a;
    size_t article;
    const chorus__mention **mentions; /* of this article, by start */
    size_t mention_count;
    const chorus__facts *f;
    const chorus__lexicon *lex; /* may be NULL */
} context;

static int cmp_mention_start(const void *x, const void *y)
{
    const chorus__mention *a = *(const chorus__mention *const *)x, *b = *(const chorus__mention *const *)y;
    return (a->start > b->start) - (a->start < b->start);
}

/* The mention of a person that ends at or just before `end` (only spaces
 * between), or NULL. */
static const chorus__mention *mention_ending(const context *c, uint32_t end, uint32_t not_before)
{
    for (size_t i = c->mention_count; i-- > 0;) {
        const chorus__mention *m = c->mentions[i];
        if (m->end > end || m->start < not_before)
            continue;
        if (m->start > 0 && c->a->text[m->start - 1] == '(')
            continue; /* an aside, "(D-AZ)", is not the speaker */
        /* Spaces, or a short aside in brackets: "Raul Grijalva (D-AZ) said". */
        for (uint32_t k = m->end; k < end; k++) {
            if (c->a->text[k] == '(') {
                const char *close = memchr(c->a->text + k, ')', end - k);
                if (close && close - (c->a->text + k) <= ASIDE_BYTES) {
                    k = (uint32_t)(close - c->a->text);
                    continue;
                }
            }
            if (c->a->text[k] != ' ')
                return NULL;
        }
        return m;
    }
    return NULL;
}

/* Lower-case words a speaker's name may follow: "said fire officer Niamh
 * Doyle", "according to the economist Lena Vogt". */
#define DESCRIPTOR_WORDS 3

/* The mention that starts at or just after `start`: only spaces before it,
 * an abbreviated honorific ("said Md. Abdur Rahim") or a few lower-case
 * words describing the speaker. */
static const chorus__mention *mention_starting(const context *c, uint32_t start, uint32_t before)
{
    for (size_t i = 0; i < c->mention_count; i++) {
        const chorus__mention *m = c->mentions[i];
        if (m->start < start)
            continue;
        int dot = 0, words = 0, lower_word = 0;
        for (uint32_t k = start; k < m->start; k++) {
            char ch = c->a->text[k];
            if (ch == '.')
                dot = 1;
            else if (ch == ' ')
                lower_word = 0;
            else if (ch >= 'a' && ch <= 'z') {
                if (!lower_word && (k == start || c->a->text[k - 1] == ' '))
                    words++, lower_word = 1;
            } else if (ch == ',') {
                /* A comma sets the name off right after it: "said the chief
                 * executive, Mark Zuckerberg" — not "said Painter, now a
                 * University of Minnesota professor". */
                uint32_t after = k + 1;
                while (after < m->start && c->a->text[after] == ' ')
                    after++;
                if (after != m->start)
                    return NULL;
            } else if (!(ch >= 'A' && ch <= 'Z') && ch != '-')
                return NULL;
        }
        if (m->start >= before + 6 && !(words >= 1 && words <= DESCRIPTOR_WORDS && !dot))
            return NULL;
        if (m->start - start > 1 && !dot && !words)
            return NULL;
        /* "Dunn's father told him": the possessive names who is meant, not
         * who speaks. */
        if (chorus__possessive_s(c->a->text + m->end, c->a->text_len - m->end))
            return NULL;
        return m;
    }
    return NULL;
}

static int is_person(const context *c, const chorus__mention *m)
{
    return m && c->f->entities[m->entity].type == CHORUS_ENTITY_PERSON;
}

/* Words that make the name after them no subject a pronoun can stand for:
 * "his fiancee, Rhonda Rouer, ...", "with Putin". */
static const char *const not_subject_before[] = {"his", "her", "their", "its", "with", "to", "from",
                                                 "of", "by", "for", "at", "on", "about", "against",
                                                 "and", "told", "asked", "met", "called"};

/* Non-zero when the mention stands where a sentence's subject would:
 * neither after a preposition nor in apposition to a possessive. */
static int subject_like(const context *c, const chorus__mention *m)
{
    const chorus__sentence *st = &c->a->sentences[m->sentence];
    for (uint32_t k = st->tok_count; k-- > 0;) {
        const chorus__token *t = &c->a->tokens[st->tok_start + k];
        if (t->start >= m->start)
            continue;
        /* The two words before the name decide. */
        for (uint32_t back = 0; back < 2 && back <= k; back++) {
            const chorus__token *b = &c->a->tokens[st->tok_start + k - back];
            char w[32];
            size_t len = chorus__token_word(c->a, b, w, sizeof w);
            if (chorus__word_in(not_subject_before, sizeof not_subject_before / sizeof not_subject_before[0], w,
                                len))
                return 0;
        }
        return 1;
    }
    return 1;
}

/* Non-zero when sentence s opens with a person the story does not name:
 * "And his father warns him ...", "One witness said ..." — a pronoun after
 * it most likely stands for that person. */
static int unnamed_subject(const context *c, uint32_t s)
{
    if (!c->lex)
        return 0;
    const chorus__sentence *st = &c->a->sentences[s];
    static const char *const openers[] = {"and", "but", "then", "later", "meanwhile"};
    static const char *const determiners[] = {"his", "her", "their", "the", "a", "an", "one", "another", "its"};
    uint32_t k = 0;
    char w[32];
    size_t len = 0;
    while (k < st->tok_count && k < 3) {
        len = chorus__token_word(c->a, &c->a->tokens[st->tok_start + k], w, sizeof w);
        if (!chorus__word_in(openers, sizeof openers / sizeof openers[0], w, len))
            break;
        k++;
    }
    if (k + 1 >= st->tok_count || !chorus__word_in(determiners, sizeof determiners / sizeof determiners[0], w, len))
        return 0;
    const chorus__token *noun = &c->a->tokens[st->tok_start + k + 1];
    if (noun->flags & CHORUS_TOK_CAP)
        return 0;
    len = chorus__token_word(c->a, noun, w, sizeof w);
    return len && chorus__lexicon_person_noun(c->lex, w, len);
}

/* Non-zero when mention i of the context is followed by a comma and
 * another name: one of a list ("met Anna Berg, Ivo Lenz, and Mara Kohl"),
 * no subject after an opening phrase. */
static int listed(const context *c, size_t i)
{
    if (i + 1 >= c->mention_count || c->mentions[i + 1]->sentence != c->mentions[i]->sentence)
        return 0;
    const char *t = c->a->text;
    size_t k = c->mentions[i]->end, end = c->mentions[i + 1]->start;
    if (k >= end || t[k] != ',')
        return 0;
    for (k++; k < end && t[k] == ' '; k++)
        ;
    if (end - k >= 4 && memcmp(t + k, "and ", 4) == 0)
        k += 4;
    else if (end - k >= 3 && memcmp(t + k, "or ", 3) == 0)
        k += 3;
    return k == end;
}

/* Words from a sentence's start within which its subject is named. */
#define SUBJECT_WORDS 4

/* Words of an opening phrase after which a sentence's subject may come:
 * "In his address to the gathering, Putin emphasized ...". */
#define OPENING_PHRASE_WORDS 10

/* The mention in subject position of sentence s — among its first few
 * words, or first after an opening phrase closed by a comma — that no
 * preposition governs; NULL when there is none. */
static const chorus__mention *subject_of(const context *c, uint32_t s)
{
    const chorus__sentence *st = &c->a->sentences[s];
    const chorus__token *tok = &c->a->tokens[st->tok_start];
    uint32_t near = st->tok_count > SUBJECT_WORDS ? tok[SUBJECT_WORDS].start : st->start + st->len;
    uint32_t after_comma = 0;
    for (uint32_t k = 1; k < st->tok_count && k < OPENING_PHRASE_WORDS && !after_comma; k++)
        if (memchr(c->a->text + tok[k - 1].start + tok[k - 1].len, ',',
                   tok[k].start - (tok[k - 1].start + tok[k - 1].len)))
            after_comma = tok[k].start;
    for (size_t i = 0; i < c->mention_count; i++) {
        const chorus__mention *m = c->mentions[i];
        if (m->sentence != s)
            continue;
        if ((m->start < near || (m->start == after_comma && !listed(c, i))) && subject_like(c, m))
            return m;
        if (m->start > near && m->start > after_comma)
            return NULL;
    }
    return NULL;
}

/* The mention that opens the sentence's last clause joined by ", and" or
 * ", but" ("…, and Rivlin referred to the trial"), or NULL; not the last
 * name of a list ("met Putin, Xi, and Modi"). */
static const chorus__mention *last_clause_subject(const context *c, uint32_t s)
{
    const char *t = c->a->text;
    for (size_t i = c->mention_count; i-- > 0;) {
        const chorus__mention *m = c->mentions[i];
        if (m->sentence != s || m->start < 6 ||
            (memcmp(t + m->start - 6, ", and ", 6) != 0 && memcmp(t + m->start - 6, ", but ", 6) != 0))
            continue;
        if (i > 0 && c->mentions[i - 1]->sentence == s && c->mentions[i - 1]->end == m->start - 6)
            return NULL;
        return m;
    }
    return NULL;
}

/* The person a "he" or "she" at offset `at` of sentence `s` stands for,
 * or -1 when unsure. In its own sentence, a person named before it as a
 * subject ("Abbas said he ..."); else the subject of the nearest sentence
 * before that has one: a person is the answer; a name of unknown kind or
 * someone the story does not name ("his father") leaves it unresolved;
 * an organisation or a place, which "he" cannot be, is passed over. */
static int resolve_pronoun(const context *c, uint32_t sentence, uint32_t at)
{
    for (size_t i = 0; i < c->mention_count; i++) {
        const chorus__mention *m = c->mentions[i];
        if (m->sentence == sentence && m->end <= at && is_person(c, m) && subject_like(c, m))
            return m->entity;
    }
    if (unnamed_subject(c, sentence))
        return -1;
    for (uint32_t back = 1; back <= PRONOUN_SENTENCES && back <= sentence; back++) {
        uint32_t s = sentence - back;
        if (unnamed_subject(c, s))
            return -1;
        /* "…, and Rivlin referred to the trial as …": the subject of the
         * sentence's last clause is the nearest one. */
        const chorus__mention *m = last_clause_subject(c, s);
        if (m && is_person(c, m))
            return m->entity;
        m = subject_of(c, s);
        if (!m)
            continue; /* "He died at the scene": look further back */
        int type = c->f->entities[m->entity].type;
        if (type == CHORUS_ENTITY_PERSON)
            return m->entity;
        if (type == CHORUS_ENTITY_OTHER)
            return -1;
    }
    return -1;
}

/* Non-zero when the possessive ending at `end` owns words spoken or
 * written ("Sen. Dick Durbin's floor statement: “…”"), not a thing. */
static int own_words(const chorus__article *a, uint32_t end)
{
    static const char *const words[] = {"statement", "remarks", "words", "speech", "tweet", "letter", "post",
                                        "message", "note", "response", "reply", "comments", "answer"};
    size_t i = end;
    while (i < a->text_len && a->text[i] != ' ')
        i++; /* past the possessive's ending */
    for (int looked = 0; looked < 2 && i < a->text_len; looked++) {
        while (i < a->text_len && a->text[i] == ' ')
            i++;
        size_t start = i;
        while (i < a->text_len && a->text[i] >= 'a' && a->text[i] <= 'z')
            i++;
        if (chorus__word_in(words, sizeof words / sizeof *words, a->text + start, i - start))
            return 1;
        if (i == start)
            return 0;
    }
    return 0;
}

/* The one person sentence s names before byte `before`, when it names them
 * first, near its start, and names no other person; else -1. With
 * `not_owner`, a person named in a possessive is passed over ("Colbert
 * loves Nixon's policy: “…”") unless what they own are words ("Sen. Dick
 * Durbin's floor statement: “…”"). */
static int sole_subject(const context *c, uint32_t s, uint32_t before, int not_owner)
{
    int who = -1;
    const chorus__sentence *st = &c->a->sentences[s];
    uint32_t near = st->tok_count > SUBJECT_WORDS ? c->a->tokens[st->tok_start + SUBJECT_WORDS].start
                                                  : st->start + st->len;
    for (size_t i = 0; i < c->mention_count; i++) {
        const chorus__mention *m = c->mentions[i];
        if (m->sentence != s || m->start >= before || !is_person(c, m))
            continue;
        if (not_owner && chorus__possessive_s(c->a->text + m->end, c->a->text_len - m->end) &&
            !own_words(c->a, m->end))
            continue;
        if (who < 0 && m->start < near)
            who = m->entity;
        else if (m->entity != who)
            return -1;
    }
    return who;
}

/* The tokens of sentence s, as folded words with their offsets. */
typedef struct {
    char w[32];
    size_t len;
    uint32_t start, end;
} qword;

static size_t words_of(const chorus__article *a, uint32_t s, qword *out, size_t max)
{
    const chorus__sentence *st = &a->sentences[s];
    size_t n = 0;
    for (uint32_t k = 0; k < st->tok_count && n < max; k++) {
        const chorus__token *t = &a->tokens[st->tok_start + k];
        out[n].len = chorus__token_word(a, t, out[n].w, sizeof out[n].w);
        out[n].start = t->start;
        out[n].end = t->start + t->len;
        n++;
    }
    return n;
}

static int word_is(const qword *w, const char *s)
{
    return w->len == strlen(s) && memcmp(w->w, s, w->len) == 0;
}

static int pronoun(const qword *w)
{
    return word_is(w, "he") || word_is(w, "she");
}

/* Adverbs and auxiliaries that may stand between a speaker and the verb. */
static int filler(const qword *w)
{
    static const char *const fill[] = {"also", "previously", "later", "then", "again", "has", "had",
                                       "have", "once", "repeatedly", "earlier", "recently",
                                       "further", "firmly", "simply", "only", "would",
                                       /* "Ryabkov was quoted as saying" */
                                       "was", "quoted", "as"};
    for (size_t i = 0; i < sizeof fill / sizeof fill[0]; i++)
        if (word_is(w, fill[i]))
            return 1;
    return 0;
}

/* Non-zero when a person other than `who` is named in text[from..to). */
static int person_between(const context *c, uint32_t from, uint32_t to, int who)
{
    for (size_t i = 0; i < c->mention_count; i++) {
        const chorus__mention *m = c->mentions[i];
        if (m->start >= from && m->end <= to && (int)m->entity != who && is_person(c, m))
            return 1;
    }
    return 0;
}

/* Non-zero when text[from..to) sets off an aside between a speaker's name
 * and the verb: ", a spokesman for the ministry," or " of Athens,
 * Alabama," ("Rita Doe of Athens, Alabama, tweeted"). It names no other
 * person. */
static int apposition(const context *c, uint32_t from, uint32_t to, const chorus__mention *speaker)
{
    const char *t = c->a->text;
    while (to > from && t[to - 1] == ' ')
        to--;
    if (to <= from + 2 || t[to - 1] != ',' || !(t[from] == ',' || (to - from > 4 && memcmp(t + from, " of ", 4) == 0)))
        return 0;
    return !person_between(c, from, to, speaker->entity);
}

/* The last mention that ends before `end` and starts at or after
 * `not_before`, or NULL. */
static const chorus__mention *mention_before(const context *c, uint32_t end, uint32_t not_before)
{
    for (size_t i = c->mention_count; i-- > 0;) {
        const chorus__mention *m = c->mentions[i];
        if (m->end <= end)
            return m->start >= not_before ? m : NULL;
    }
    return NULL;
}

/* Non-zero when mention m stands between commas and the verb at `verb`
 * follows the second: ", Jane Roe, said". */
static int set_off_by_commas(const context *c, const chorus__mention *m, uint32_t verb)
{
    const char *t = c->a->text;
    uint32_t b = m->start, e = m->end;
    while (b > 0 && t[b - 1] == ' ')
        b--;
    while (e < verb && t[e] == ' ')
        e++;
    if (b == 0 || t[b - 1] != ',' || e >= verb || t[e] != ',')
        return 0;
    for (e++; e < verb && t[e] == ' '; e++)
        ;
    return e == verb;
}

/* Non-zero when text[from..to) is one or two lower-case words for people
 * ("analysts", "spokeswoman", "chief executive"): an organisation speaks
 * through them ("Jefferies analysts wrote"). */
static int people_of(const context *c, uint32_t from, uint32_t to)
{
    if (!c->lex)
        return 0;
    const char *t = c->a->text;
    size_t words = 0;
    for (uint32_t k = from; k < to;) {
        while (k < to && t[k] == ' ')
            k++;
        uint32_t ws = k;
        while (k < to && t[k] >= 'a' && t[k] <= 'z')
            k++;
        if (k == ws)
            return k == to && words > 0;
        if (k < to && t[k] != ' ')
            return 0;
        size_t len = k - ws;
        /* The lexicon holds the singular: "analysts" is "analyst". */
        if (!chorus__lexicon_person_noun(c->lex, t + ws, len) &&
            !(len > 3 && t[k - 1] == 's' && chorus__lexicon_person_noun(c->lex, t + ws, len - 1)))
            return 0;
        if (++words > 2)
            return 0;
    }
    return words > 0;
}

/* The person named right after organisation m when only words of a role
 * stand between ("Facebook founder and CEO, Mark Zuckerberg", "Google
 * spokesman John Doe"): lower-case words, abbreviations in capitals, "and"
 * and commas, but no "of" that would make the organisation the person's
 * ("Velasquez, director of Youth Outreach Services"); or NULL. */
static const chorus__mention *person_described(const context *c, const chorus__mention *m)
{
    if (c->f->entities[m->entity].type != CHORUS_ENTITY_ORGANIZATION)
        return NULL;
    size_t i = 0;
    while (i < c->mention_count && c->mentions[i] != m)
        i++;
    const char *t = c->a->text;
    for (size_t j = i + 1; j < c->mention_count; j++) {
        const chorus__mention *p = c->mentions[j];
        if (p->sentence != m->sentence || p->start - m->end > DESCRIPTION_BYTES)
            return NULL;
        for (uint32_t k = m->end; k < p->start; k++)
            if (!((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z') || t[k] == ' ' || t[k] == ',' ||
                  t[k] == '-'))
                return NULL;
        int role_only = 1; /* the name is no abbreviation in capitals ("CEO") */
        for (uint32_t k = p->start; k < p->end && role_only; k++)
            role_only = (t[k] >= 'A' && t[k] <= 'Z') || t[k] == '.';
        if (role_only)
            continue;
        if (memmem(t + m->end, p->start - m->end, " of ", 4))
            return NULL;
        return is_person(c, p) ? p : NULL;
    }
    return NULL;
}

/* "according to X" among words[from..to): X, -1 when the words name no
 * entity there, -2 when there is no "according to". */
static int according_to(const context *c, const qword *w, size_t n, size_t from, size_t to)
{
    for (size_t k = from; k + 2 < to + 1 && k + 1 < n; k++)
        if (word_is(&w[k], "according") && word_is(&w[k + 1], "to") && k + 2 < n) {
            const chorus__mention *m = mention_starting(c, w[k + 2].start, w[k + 2].end + 1);
            if (!m && k + 3 < n && word_is(&w[k + 2], "the"))
                m = mention_starting(c, w[k + 3].start, w[k + 3].end + 1);
            return m ? m->entity : -1;
        }
    return -2;
}

/* How a report refers back to an organisation it has named: "the company
 * said" means the one just named, whatever its name; "the committee said"
 * one whose name says it is a committee ("the Foreign Affairs Committee"),
 * for committees, councils and ministries are often spoken of without
 * having been named. Returns 2 for the first kind of noun, 1 for the
 * second, 0 for any other word. */
static int organisation_noun(const qword *w)
{
    static const char *const any[] = {"agency", "company", "firm", "organization", "organisation", "airline",
                                      "carrier", "retailer", "charity", "broadcaster", "newspaper"};
    static const char *const named[] = {"ministry", "department", "committee", "council", "union", "club",
                                        "university", "service", "commission", "foundation", "institute",
                                        "association", "federation", "bank", "party", "network"};
    for (size_t i = 0; i < sizeof any / sizeof any[0]; i++)
        if (word_is(w, any[i]))
            return 2;
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (word_is(w, named[i]))
            return 1;
    return 0;
}

/* Non-zero when text[from..to) holds the word w as a whole word, in any
 * case. */
static int holds_word(const char *text, uint32_t from, uint32_t to, const qword *w)
{
    for (uint32_t k = from; k + w->len <= to; k++)
        if ((k == from || !isalpha((unsigned char)text[k - 1])) && strncasecmp(text + k, w->w, w->len) == 0 &&
            (k + w->len == to || !isalpha((unsigned char)text[k + w->len])))
            return 1;
    return 0;
}

/* Non-zero when the entity's name holds the word w ("Fish and Wildlife
 * Service" holds "service"), compared without case. */
static int name_holds(const context *c, uint32_t entity, const qword *w)
{
    const char *name = c->f->entities[entity].name;
    return holds_word(name, 0, (uint32_t)strlen(name), w);
}

/* The organisation "the agency" (the noun `noun`) at offset `at` of
 * sentence `sentence` stands for: of the organisations it may mean (see
 * organisation_noun()), the one named in that sentence before it, else in
 * the nearest sentence before that names one, or that sentence's subject
 * when it names several; -1 when none is named near enough or two could be
 * meant. A noun that fits any organisation means any only in its sentence
 * and the one before; further back, one whose name holds it ("Korean
 * Central News Agency"). */
static int resolve_organisation(const context *c, uint32_t sentence, uint32_t at, const qword *noun)
{
    int any = organisation_noun(noun) == 2;
    for (uint32_t back = 0; back <= PRONOUN_SENTENCES && back <= sentence; back++) {
        uint32_t s = sentence - back;
        int only = -1, several = 0;
        int by_name = !any || back > 1;
        for (size_t i = 0; i < c->mention_count; i++) {
            const chorus__mention *m = c->mentions[i];
            if (m->sentence != s || (back == 0 && m->end > at) ||
                c->f->entities[m->entity].type != CHORUS_ENTITY_ORGANIZATION ||
                (by_name && !name_holds(c, m->entity, noun)))
                continue;
            if (only >= 0 && (int)m->entity != only)
                several = 1;
            only = (int)m->entity;
        }
        if (only < 0)
            continue;
        if (!several)
            return only;
        const chorus__mention *subject = subject_of(c, s);
        return subject && c->f->entities[subject->entity].type == CHORUS_ENTITY_ORGANIZATION &&
                       (!by_name || name_holds(c, subject->entity, noun))
                   ? (int)subject->entity
                   : -1;
    }
    return -1;
}

/* The person "the chief" (the word `noun`, at offset `at` of sentence
 * `sentence`) stands for: the one person named within PRONOUN_SENTENCES
 * sentences before with that word beside the name ("Police Chief Peter
 * Newsham", "Jane Roe, the mayor,"), in the same sentence; -1 when none or
 * two are. */
static int resolve_titled(const context *c, uint32_t sentence, uint32_t at, const qword *noun)
{
    int who = -1;
    for (size_t i = 0; i < c->mention_count; i++) {
        const chorus__mention *m = c->mentions[i];
        if (m->sentence > sentence || m->sentence + PRONOUN_SENTENCES < sentence || m->end > at ||
            !is_person(c, m))
            continue;
        /* The title in the name ("Governor Tom Hale"), in the words right
         * before it ("fire officer Niamh Doyle"), or set off by commas after
         * it ("Jane Roe, the mayor,"). */
        const chorus__sentence *st = &c->a->sentences[m->sentence];
        const char *t = c->a->text;
        uint32_t from = m->start;
        for (int words = 0; words < TITLE_WORDS && from > st->start && t[from - 1] == ' ';) {
            uint32_t k = from - 1;
            while (k > st->start && isalpha((unsigned char)t[k - 1]))
                k--;
            if (k == from - 1)
                break;
            from = k;
            words++;
        }
        uint32_t to = m->end, end = st->start + st->len;
        if (to < end && t[to] == ',')
            for (to++; to < end && to < m->end + TITLE_BYTES && t[to] != ',' && t[to] != '.' && t[to] != '"' &&
                       (unsigned char)t[to] != 0xE2; /* a quotation mark ends the aside */
                 to++)
                ;
        int titled = holds_word(t, from, to, noun); /* the mention may hold its title: "Governor Tom Hale" */
        if (!titled || who == m->entity)
            continue;
        if (who >= 0)
            return -1;
        who = m->entity;
    }
    return who;
}

/* The speaker in ", X said" or ", said X" after a quotation, as
 * speaker_in() returns it; *by_pronoun is set when a "he" or "she" names
 * them. */
static int speaker_after(const context *c, uint32_t sentence, const qword *w, size_t n, size_t from, size_t to,
                         int *by_pronoun)
{
    for (size_t k = from; k < to && k < from + ATTRIBUTION_WORDS; k++) {
        if (!chorus__speech_verb(w[k].w, w[k].len))
            continue;
        if (k == from) {
            /* "said X" */
            const chorus__mention *m = k + 1 < n ? mention_starting(c, w[k + 1].start, w[k + 1].end + 1) : NULL;
            /* "said Facebook founder and CEO, Mark Zuckerberg": the
             * organisation describes the person named after it. */
            const chorus__mention *p = m && !is_person(c, m) ? person_described(c, m) : NULL;
            return p ? p->entity : m ? m->entity : -1;
        }
        size_t s = k;
        while (s > from && filler(&w[s - 1]))
            s--;
        if (s > from && pronoun(&w[s - 1])) {
            *by_pronoun = 1;
            return resolve_pronoun(c, sentence, w[s - 1].start);
        }
        if (s == from + 2 && word_is(&w[from], "the") && organisation_noun(&w[from + 1]))
            return resolve_organisation(c, sentence, w[from].start, &w[from + 1]);
        /* "the chief said": the person the text named with that title. */
        if (s == from + 2 && word_is(&w[from], "the") && c->lex &&
            chorus__lexicon_person_noun(c->lex, w[from + 1].w, w[from + 1].len))
            return resolve_titled(c, sentence, w[from].start, &w[from + 1]);
        const chorus__mention *m = mention_ending(c, w[s].start, w[from].start);
        const chorus__mention *first = mention_starting(c, w[from].start, w[from].end + 1);
        /* "Taylor, a partner of Zuckerman Spaeder LLP said": the person the
         * attribution opens with, not the firm of the aside. */
        if (m && m->start >= w[from].start && !is_person(c, m) && first && first != m && is_person(c, first) &&
            first->end < c->a->text_len && c->a->text[first->end] == ',')
            return first->entity;
        if (m && m->start >= w[from].start)
            return m->entity;
        /* The name first, then an aside: "X of Athens, Alabama, tweeted",
         * "X, a spokesman for the ministry, said"; or the name itself set
         * off by commas: "the mayor's spokeswoman, Jane Roe, said". */
        if (first && c->f->entities[first->entity].type != CHORUS_ENTITY_PLACE &&
            apposition(c, first->end, w[s].start, first))
            return first->entity;
        const chorus__mention *last = mention_before(c, w[s].start, w[from].start);
        if (last && is_person(c, last) && set_off_by_commas(c, last, w[s].start))
            return last->entity;
        /* An organisation speaking through its people: "Jefferies analysts
         * wrote", "Pentagon officials said". */
        if (first && c->f->entities[first->entity].type == CHORUS_ENTITY_ORGANIZATION &&
            people_of(c, first->end, w[s].start))
            return first->entity;
        return -1; /* "the coast guard said", "officials told reporters" */
    }
    return -2;
}

/* Non-zero when a word in small letters follows the name ending at `end`:
 * the name opens a clause ("said Camp was undermining the panel"), it does
 * not introduce the quotation ("said Camp: “…”"). Where the speaker comes
 * from or works ("said Jane Roe of Wales Center", "at the university")
 * describes the name. */
static int clause_follows(const chorus__article *a, uint32_t end)
{
    static const char *const describing[] = {"of", "from", "at", "in", "for", "with", "on"};
    size_t i = end;
    while (i < a->text_len && a->text[i] == ' ')
        i++;
    if (i == end || i >= a->text_len)
        return 0;
    size_t word = i;
    int32_t cp = chorus__utf8_next(a->text, a->text_len, &i);
    if (!chorus__is_lower(cp))
        return 0;
    size_t len = 0;
    while (word + len < a->text_len && a->text[word + len] >= 'a' && a->text[word + len] <= 'z')
        len++;
    return !chorus__word_in(describing, sizeof describing / sizeof *describing, a->text + word, len);
}

/* The speaker named by words[from..to) around a quotation. `after` says the
 * words follow it (", X said") rather than lead to it ("X said: "). Returns
 * an entity, -1 for an unnamed speaker, -2 when the words name no speaker;
 * *by_pronoun is set when a "he" or "she" names them. */
static int speaker_in(const context *c, uint32_t sentence, const qword *w, size_t n, size_t from,
                      size_t to, int after, int *by_pronoun)
{
    if (after) {
        /* ", X said" right after the quotation; "according to Y" reports
         * whom X spoke to ("X said, according to the local paper") and
         * stands for the speaker only when no one else is named. */
        int who = speaker_after(c, sentence, w, n, from, to, by_pronoun);
        if (who >= 0)
            return who;
        int reported = according_to(c, w, n, from, to);
        if (reported != -2 && (reported >= 0 || who == -2)) {
            *by_pronoun = 0;
            return reported;
        }
        return who;
    }
    /* "according to X" anywhere before it. */
    int reported = according_to(c, w, n, from, to);
    if (reported != -2)
        return reported;
    /* "X said: ...", "X said that ...", "..., emphasizing that ..." before it:
     * the speech verb nearest the quotation. */
    for (size_t k = to; k-- > from;) {
        if (!chorus__speech_verb(w[k].w, w[k].len))
            continue;
        size_t s = k;
        while (s > from && filler(&w[s - 1]))
            s--;
        if (s > from && pronoun(&w[s - 1]))
            return resolve_pronoun(c, sentence, w[s - 1].start);
        const chorus__mention *m = s > from ? mention_ending(c, w[s].start, w[from].start) : NULL;
        if (m)
            return m->entity;
        /* "said X: ..." — not "said X was …", where X is whom the
         * reported words are about. */
        m = k + 1 < to ? mention_starting(c, w[k + 1].start, w[k + 1].end + 1) : NULL;
        if (m && !clause_follows(c->a, m->end))
            return m->entity;
        /* A participle with the subject at the sentence start: "He ...,
         * emphasizing that ...". */
        if (from < to && pronoun(&w[from]))
            return resolve_pronoun(c, sentence, w[from].start);
        m = mention_starting(c, w[from].start, w[from].end + 1);
        return m ? m->entity : -1;
    }
    return -2;
}

/* Non-zero when the words between two quotations of a sentence hold a
 * speech verb's participle ("…,” King said, adding that “…”). */
static int participle_between(const context *c, uint32_t from, uint32_t to)
{
    const char *t = c->a->text;
    for (uint32_t i = from; i < to;) {
        while (i < to && !(t[i] >= 'a' && t[i] <= 'z'))
            i++;
        uint32_t start = i;
        while (i < to && t[i] >= 'a' && t[i] <= 'z')
            i++;
        size_t len = i - start;
        if (len > 4 && memcmp(t + i - 3, "ing", 3) == 0 && chorus__speech_verb(t + start, len))
            return 1;
    }
    return 0;
}

/* Non-zero when a colon stands right before the quotation opening at `open`. */
static int colon_before(const chorus__article *a, uint32_t open)
{
    size_t i = open;
    while (i > 0 && a->text[i - 1] == ' ')
        i--;
    return i > 0 && a->text[i - 1] == ':';
}

/* The person a dash after the quotation names, as an epigraph or a list
 * of sayings credits them ("“…” — Aaron Paul, asked if …"), or -2. */
static int dash_attribution(const context *c, uint32_t close)
{
    const char *t = c->a->text;
    size_t len = c->a->text_len, i = close;
    while (i < len && t[i] == ' ')
        i++;
    size_t k = i;
    int32_t cp = i < len ? chorus__utf8_next(t, len, &k) : 0;
    if (cp == '-' && k < len && t[k] == '-')
        k++;
    else if (cp != 0x2014 && cp != 0x2013)
        return -2;
    while (k < len && t[k] == ' ')
        k++;
    const chorus__mention *m = mention_starting(c, (uint32_t)k, (uint32_t)k + 1);
    return m && is_person(c, m) ? m->entity : -2;
}

/* The index of the first of words[from..n) that starts at or after `limit`. */
static size_t words_before(const qword *w, size_t n, size_t from, uint32_t limit)
{
    while (from < n && w[from].start < limit)
        from++;
    return from;
}

/* The sentence holding byte `at` of the article's text. */
static uint32_t sentence_at(const chorus__article *a, uint32_t at)
{
    size_t lo = 0, hi = a->sentence_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->sentences[mid].start + a->sentences[mid].len <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)(lo < a->sentence_count ? lo : a->sentence_count - 1);
}

/* Quotation marks: returns the closing mark for an opening one at s[i]
 * (setting *open_len), or 0. */
static int32_t opening_mark(const char *s, size_t len, size_t i, size_t *open_len, size_t start)
{
    size_t k = i;
    int32_t cp = chorus__utf8_next(s, len, &k);
    *open_len = k - i;
    if (cp == 0x201C || cp == 0x201E)
        return 0x201D;
    if (cp == 0x00AB)
        return 0x00BB;
    if (cp == '`' && k < len && s[k] == '`') {
        *open_len = 2;
        return '\'';
    }
    if (cp == '"') {
        /* A straight quote opens after a space, a bracket or a dash. */
        size_t p = i;
        int32_t prev = i > start ? chorus__utf8_prev(s, &p) : ' ';
        if (chorus__is_space(prev) || prev == '(' || prev == '[' || prev == 0x2014 || prev == 0x2013 ||
            prev == '-' || prev == ':')
            return '"';
    }
    return 0;
}

/* Offset of the closing mark after `from` (within `end`), or `end`. A
 * typographic quotation may be closed by a straight mark, as text typed in
 * two systems is ("“petit noir" a name that still endures"): a straight
 * mark that ends a word closes it, unless one that opened a word inside it
 * ("“He said "no" twice”") waits for it. */
static size_t closing(const char *s, size_t from, size_t end, int32_t mark, size_t *close_len)
{
    size_t i = from;
    int inner = 0; /* a straight mark opened inside a typographic quotation */
    while (i < end) {
        size_t at = i;
        int32_t cp = chorus__utf8_next(s, end, &i);
        if (mark == '\'' ? (cp == '\'' && i < end && s[i] == '\'') : cp == mark) {
            *close_len = mark == '\'' ? 2 : i - at;
            return at;
        }
        if (mark == 0x201D && cp == '"') {
            size_t p = at;
            int32_t prev = at > from ? chorus__utf8_prev(s, &p) : ' ';
            if (chorus__is_space(prev) || prev == '(' || prev == '[') {
                inner = 1;
            } else if (inner) {
                inner = 0;
            } else {
                *close_len = 1;
                return at;
            }
        }
    }
    *close_len = 0;
    return end;
}

static int looks_like_speech(const char *s, size_t len)
{
    size_t words = 0, caps = 0, i = 0;
    int in = 0;
    while (i < len) {
        int32_t cp = chorus__utf8_next(s, len, &i);
        int w = chorus__is_letter(cp) || chorus__is_digit(cp);
        if (w && !in) {
            words++;
            caps += chorus__is_upper(cp) != 0;
        }
        in = w || chorus__is_apostrophe(cp) || cp == '-';
    }
    size_t e = len;
    int32_t last = len ? chorus__utf8_prev(s, &e) : 0;
    int sentence_end = last == '.' || last == '!' || last == '?' || last == ',';
    if (words < QUOTE_MIN_WORDS && !(words >= QUOTE_MIN_WORDS_SENTENCE && sentence_end && last != ','))
        return 0;
    if (caps >= TITLE_CASE_SHARE * (double)words && !sentence_end)
        return 0;
    return 1;
}

/* Normalised form for matching reports of one quotation: letters and digits, lower case. */
static size_t normalise(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0, i = 0;
    int space = 0;
    while (i < len && n + 5 < cap) {
        int32_t cp = chorus__fold(chorus__utf8_next(s, len, &i));
        if (chorus__is_letter(cp) || chorus__is_digit(cp)) {
            if (space && n)
                out[n++] = ' ';
            space = 0;
            n += chorus__utf8_put(out + n, cp);
        } else {
            space = 1;
        }
    }
    out[n] = '\0';
    return n;
}

static double word_overlap(const char *a, const char *b)
{
    /* Share of the shorter text's words found in the longer. */
    const char *shorter = strlen(a) <= strlen(b) ? a : b, *longer = shorter == a ? b : a;
    size_t words = 0, found = 0;
    char w[64];
    for (const char *p = shorter; *p;) {
        size_t l = strcspn(p, " ");
        if (l < sizeof w) {
            memcpy(w, p, l);
            w[l] = '\0';
            words++;
            const char *q = longer;
            while ((q = strstr(q, w)) != NULL) {
                if ((q == longer || q[-1] == ' ') && (q[l] == '\0' || q[l] == ' ')) {
                    found++;
                    break;
                }
                q++;
            }
        }
        p += l + (p[l] == ' ');
    }
    return words ? (double)found / (double)words : 0;
}

/* The quotations found so far, by their words: two reports are one
 * quotation when most words of the shorter stand in the longer (see
 * word_overlap()), so that a report need only meet the quotations sharing a
 * word with it, and a story of thousands of quotations costs no square. A
 * text of T words shares one of any T/5 + 1 of its distinct words with
 * every text it matches as the shorter (a fifth of its words at most are
 * missing there): `all` lists every quotation under each of its words, for
 * a new report's T/5 + 1 rarest to find the longer texts it matches;
 * `sample` lists each quotation under T/5 + 1 of its own words, for a new
 * report's words to find the shorter texts that match it. */
typedef struct {
    uint32_t *ids;
    size_t count, cap;
} quote_list;

typedef struct {
    quote_list all, sample;
} word_lists;

typedef struct {
    chorus__vocab *words;
    word_lists *lists; /* by word id */
    size_t lists_cap;
    const char **norm; /* each quotation's normalised text, in `text` */
    chorus__arena text;
    size_t *seen; /* each quotation's last lookup, to take it once */
    size_t norm_cap, seen_cap, lookups;
    uint32_t *cands;
    size_t cand_count, cand_cap;
} quote_index;

/* Words a report is read by, at most. */
#define QUOTE_WORDS_MAX 512

static void quote_index_free(quote_index *ix)
{
    for (size_t w = 0; w < ix->lists_cap; w++)
        free(ix->lists[w].all.ids), free(ix->lists[w].sample.ids);
    free(ix->lists), free(ix->norm), free(ix->seen), free(ix->cands);
    chorus__arena_release(&ix->text);
    chorus__vocab_free(ix->words);
}

/* The distinct words of a normalised text that word_overlap() counts
 * (under 64 bytes), as ids into ids[0..max); *tokens counts them with their
 * repeats. Returns their number, or -1 when out of memory. */
static long quote_words(quote_index *ix, const char *norm, uint32_t *ids, size_t max, size_t *tokens)
{
    size_t n = 0;
    *tokens = 0;
    for (const char *p = norm; *p;) {
        size_t l = strcspn(p, " ");
        if (l < 64) {
            ++*tokens;
            uint32_t id = chorus__vocab_intern(ix->words, p, l);
            if (id == CHORUS_VOCAB_NONE ||
                chorus__grow_zeroed((void **)&ix->lists, &ix->lists_cap, (size_t)id + 1, sizeof *ix->lists))
                return -1;
            size_t k = 0;
            while (k < n && ids[k] != id)
                k++;
            if (k == n && n < max)
                ids[n++] = id;
        }
        p += l + (p[l] == ' ');
    }
    return (long)n;
}

/* Is word a listed under fewer quotations than word b (ties by id)? */
static int rarer(const quote_index *ix, uint32_t a, uint32_t b)
{
    size_t x = ix->lists[a].all.count, y = ix->lists[b].all.count;
    return x != y ? x < y : a < b;
}

/* Orders ids[0..n) rarest first (an insertion sort: a report has a few
 * dozen words). */
static void rarest_first(const quote_index *ix, uint32_t *ids, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && rarer(ix, ids[j], ids[j - 1]); j--) {
            uint32_t t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
}

static int take_candidates(quote_index *ix, const quote_list *l)
{
    for (size_t k = 0; k < l->count; k++) {
        uint32_t q = l->ids[k];
        if (ix->seen[q] == ix->lookups)
            continue;
        ix->seen[q] = ix->lookups;
        if (CHORUS_PUSH(ix->cands, ix->cand_count, ix->cand_cap, q))
            return CHORUS_ENOMEM;
    }
    return 0;
}

/* Lists quotation q under its words ids[0..n) (rarest first), of a text of
 * `tokens` words: under all of them, and as a sample under T/5 + 1. */
static int index_quote(quote_index *ix, uint32_t q, const uint32_t *ids, size_t n, size_t tokens)
{
    for (size_t k = 0; k < n; k++) {
        word_lists *wl = &ix->lists[ids[k]];
        if (CHORUS_PUSH(wl->all.ids, wl->all.count, wl->all.cap, q) ||
            (k < tokens / 5 + 1 && CHORUS_PUSH(wl->sample.ids, wl->sample.count, wl->sample.cap, q)))
            return CHORUS_ENOMEM;
    }
    return 0;
}

static int add_quote(chorus__facts *f, quote_index *ix, size_t article, const char *text, size_t len, int speaker)
{
    char norm[2048];
    normalise(text, len, norm, sizeof norm);
    if (!norm[0])
        return 0;
    uint32_t ids[QUOTE_WORDS_MAX];
    size_t tokens;
    long n = quote_words(ix, norm, ids, QUOTE_WORDS_MAX, &tokens);
    if (n < 0 || chorus__grow((void **)&ix->seen, &ix->seen_cap, f->quote_count + 1, sizeof *ix->seen) ||
        chorus__grow((void **)&ix->norm, &ix->norm_cap, f->quote_count + 1, sizeof *ix->norm))
        return CHORUS_ENOMEM;
    rarest_first(ix, ids, (size_t)n);
    /* The quotations this report may match, in the order they were found. */
    ix->lookups++;
    ix->cand_count = 0;
    for (size_t k = 0; k < (size_t)n; k++)
        if ((k < tokens / 5 + 1 && take_candidates(ix, &ix->lists[ids[k]].all)) ||
            take_candidates(ix, &ix->lists[ids[k]].sample))
            return CHORUS_ENOMEM;
    if (ix->cand_count > 1)
        qsort(ix->cands, ix->cand_count, sizeof *ix->cands, chorus__cmp_u32);
    for (size_t c = 0; c < ix->cand_count; c++) {
        uint32_t i = ix->cands[c];
        chorus__quote *q = &f->quotes[i];
        const char *other = ix->norm[i];
        if (word_overlap(norm, other) < SAME_QUOTE_OVERLAP)
            continue;
        /* The same quotation: one more source, and a speaker where one was missing. */
        if (speaker >= 0 && q->speaker >= 0 && speaker != q->speaker)
            continue; /* different speakers: keep both rather than merge wrongly */
        if (q->speaker < 0)
            q->speaker = speaker;
        /* The fuller report's words stand for both, and are listed too. */
        if (strlen(norm) > strlen(other)) {
            const char *copy = chorus__arena_strndup(&f->mem, text, len);
            const char *copy_norm = chorus__arena_strndup(&ix->text, norm, strlen(norm));
            if (!copy || !copy_norm)
                return CHORUS_ENOMEM;
            q->text = copy;
            ix->norm[i] = copy_norm;
            if (index_quote(ix, i, ids, (size_t)n, tokens))
                return CHORUS_ENOMEM;
        }
        return chorus__sources_add(&q->sources, article);
    }
    chorus__quote q = {0};
    q.text = chorus__arena_strndup(&f->mem, text, len);
    q.speaker = speaker;
    const char *copy_norm = chorus__arena_strndup(&ix->text, norm, strlen(norm));
    if (!q.text || !copy_norm || chorus__sources_add(&q.sources, article) ||
        CHORUS_PUSH(f->quotes, f->quote_count, f->quote_cap, q)) {
        free(q.sources.items);
        return CHORUS_ENOMEM;
    }
    ix->norm[f->quote_count - 1] = copy_norm;
    ix->seen[f->quote_count - 1] = 0;
    return index_quote(ix, (uint32_t)(f->quote_count - 1), ids, (size_t)n, tokens);
}

/* A quotation found in the text, before it is merged with other reports. */
typedef struct {
    uint32_t start, end;           /* the words inside the marks */
    uint32_t open, close;          /* the marks themselves */
    uint32_t paragraph;
    int speaker;
    int attributed;                /* the speaker came from words next to it */
} found_quote;

/* Words an attribution between two parts of one quotation may have. */
#define SPLIT_MAX_BYTES 80

/* Non-zero when quotation y continues x past an attribution: they stand in
 * one paragraph, x ends with a comma, only a short clause with no sentence
 * end lies between them, and y goes on in lower case. */
static int splits(const chorus__article *a, const found_quote *x, const found_quote *y)
{
    if (x->paragraph != y->paragraph || !x->attributed || (y->attributed && y->speaker != x->speaker) ||
        y->open < x->close ||
        y->open - x->close > SPLIT_MAX_BYTES)
        return 0;
    /* The comma stands inside the marks ("...finished,") or right after them. */
    if (!(x->end > x->start && a->text[x->end - 1] == ',') && !(x->close < a->text_len && a->text[x->close] == ','))
        return 0;
    for (uint32_t k = x->close; k < y->open; k++)
        if (a->text[k] == '.' || a->text[k] == '!' || a->text[k] == '?')
            return 0;
    if (!(y->start < y->end && a->text[y->start] >= 'a' && a->text[y->start] <= 'z'))
        return 0;
    /* What lies between is an attribution: it has a speech verb ("she
     * said", "told reporters"), not more of a sentence ("which has a"). */
    for (uint32_t k = x->close; k < y->open;) {
        while (k < y->open && !(a->text[k] >= 'a' && a->text[k] <= 'z'))
            k++;
        uint32_t e = k;
        while (e < y->open && a->text[e] >= 'a' && a->text[e] <= 'z')
            e++;
        if (e > k && chorus__speech_verb(a->text + k, e - k))
            return 1;
        k = e;
    }
    return 0;
}

/* Non-zero when nothing but spaces and punctuation follows quotation q's
 * closing mark in its paragraph. */
static int paragraph_is_quote(const chorus__article *a, const found_quote *q)
{
    for (uint32_t i = q->close; i < a->text_len && a->text[i] != '\n'; i++)
        if (!chorus__is_space((unsigned char)a->text[i]) && !strchr(".,;:!?)", a->text[i]))
            return 0;
    return 1;
}

static int quotes_of_article(const chorus__story_text *story, chorus__facts *f, quote_index *ix, size_t article)
{
    const chorus__article *a = story->articles[article];
    context c = {a, article, NULL, 0, f, story->lex};
    c.mentions = malloc((f->mention_count + 1) * sizeof *c.mentions);
    found_quote *found = NULL;
    size_t nfound = 0, cap = 0;
    qword *w = malloc(512 * sizeof *w);
    int rc = (!c.mentions || !w) ? CHORUS_ENOMEM : 0;
    for (size_t i = 0; !rc && i < f->mention_count; i++)
        if (f->mentions[i].article == article)
            c.mentions[c.mention_count++] = &f->mentions[i];
    if (!rc)
        qsort(c.mentions, c.mention_count, sizeof *c.mentions, cmp_mention_start);

    /* Quotations, paragraph by paragraph: an unclosed one runs to the end of
     * its paragraph, as quotations over several paragraphs are written. */
    for (size_t s = 0; !rc && s < a->sentence_count;) {
        uint32_t p = a->sentences[s].paragraph;
        size_t last = s;
        while (last + 1 < a->sentence_count && a->sentences[last + 1].paragraph == p)
            last++;
        size_t ps = a->sentences[s].start, pe = a->sentences[last].start + a->sentences[last].len;
        for (size_t i = ps; i < pe && !rc;) {
            size_t ol;
            int32_t mark = opening_mark(a->text, pe, i, &ol, ps);
            if (!mark) {
                chorus__utf8_next(a->text, pe, &i);
                continue;
            }
            size_t cl;
            size_t close = closing(a->text, i + ol, pe, mark, &cl);
            size_t qs = i + ol, qe = close;
            size_t tl = qe - qs;
            const char *qt = chorus__trim(a->text + qs, &tl);
            qs = (size_t)(qt - a->text);
            qe = qs + tl;
            if (tl && looks_like_speech(qt, tl)) {
                found_quote q = {(uint32_t)qs, (uint32_t)qe, (uint32_t)i, (uint32_t)(close + cl), p, -2, 0};
                rc = CHORUS_PUSH(found, nfound, cap, q) ? CHORUS_ENOMEM : 0;
            }
            i = close + (cl ? cl : 1);
        }
        s = last + 1;
    }

    /* Speakers: words next to the quotation first. */
    for (size_t k = 0; !rc && k < nfound; k++) {
        found_quote *q = &found[k];
        uint32_t s1 = sentence_at(a, q->open), s2 = sentence_at(a, q->close > 0 ? q->close - 1 : 0);
        size_t n1 = words_of(a, s1, w, 512);
        size_t from = 0, to = 0;
        while (to < n1 && w[to].end <= q->open)
            to++;
        int by_pronoun = 0;
        int who = speaker_in(&c, s1, w, n1, from, to, 0, &by_pronoun);
        if (who == -2)
            who = dash_attribution(&c, q->close);
        if (who == -2) {
            size_t n2 = words_of(a, s2, w, 512);
            size_t after = words_before(w, n2, 0, q->close);
            /* Stop at the next quotation in the sentence. */
            uint32_t next_open = k + 1 < nfound ? found[k + 1].open : UINT32_MAX;
            who = speaker_in(&c, s2, w, n2, after, words_before(w, n2, after, next_open), 1, &by_pronoun);
            /* "“… the point?” Poe said.": a question or an exclamation
             * ends its sentence, and the attribution stands as the next. */
            uint32_t s3 = s2 + 1;
            char last = q->end > q->start ? a->text[q->end - 1] : 0;
            if (who == -2 && after == n2 && (last == '?' || last == '!') && s3 < a->sentence_count &&
                a->sentences[s3].paragraph == q->paragraph) {
                size_t n3 = words_of(a, s3, w, 512);
                who = speaker_in(&c, s3, w, n3, 0, words_before(w, n3, 0, next_open), 1, &by_pronoun);
            }
        }
        /* "“…,” Jane Doe said. “…,” she added": a pronoun right after a
         * quotation stands for the person who spoke the one before, when no
         * one else is named in the sentences between the two. */
        if (by_pronoun && k > 0 && found[k - 1].speaker >= 0 &&
            f->entities[found[k - 1].speaker].type == CHORUS_ENTITY_PERSON) {
            const chorus__sentence *prev = &a->sentences[sentence_at(a, found[k - 1].close - 1)];
            if (!person_between(&c, prev->start + prev->len, q->open, found[k - 1].speaker))
                who = found[k - 1].speaker;
        }
        /* "“…,” King said, adding that “…”": a participle after a quotation
         * in the same sentence goes on with its speaker. */
        if (who == -1 && k > 0 && found[k - 1].speaker >= 0 &&
            sentence_at(a, found[k - 1].close > 0 ? found[k - 1].close - 1 : 0) == s1 &&
            participle_between(&c, found[k - 1].close, q->open))
            who = found[k - 1].speaker;
        /* Places do not speak: "…of Athens, Alabama, tweeted" names the town
         * of a speaker the entity list missed. */
        if (who >= 0 && f->entities[who].type == CHORUS_ENTITY_PLACE)
            who = -1;
        q->speaker = who;
        q->attributed = who != -2;
    }
    /* A quotation with no speaker beside it continues the one before it in
     * the paragraph ("“...,” she said. “...”"), or follows a sentence that
     * announces it ("Putin said:"). */
    for (size_t k = 0; k < nfound; k++) {
        found_quote *q = &found[k];
        if (q->attributed)
            continue;
        if (k > 0 && found[k - 1].paragraph == q->paragraph && found[k - 1].attributed) {
            q->speaker = found[k - 1].speaker;
            continue;
        }
        uint32_t s = sentence_at(a, q->open);
        /* "Kesha offered words of encouragement: “…”": a quotation after a
         * colon inside its sentence is the sentence's one person's. */
        if (q->open > a->sentences[s].start && colon_before(a, q->open)) {
            int who = sole_subject(&c, s, q->open, 1);
            if (who >= 0) {
                q->speaker = who;
                continue;
            }
        }
        if (s > 0) {
            const chorus__sentence *prev = &a->sentences[s - 1];
            size_t pl = prev->len;
            const char *pt = chorus__trim(a->text + prev->start, &pl);
            if (pl && pt[pl - 1] == ':') {
                size_t n = words_of(a, s - 1, w, 512);
                int by_pronoun = 0;
                int who = speaker_in(&c, s - 1, w, n, 0, n, 0, &by_pronoun);
                q->speaker = who == -2 ? -1 : who;
                continue;
            }
            /* A paragraph that is a quotation and nothing else goes on with
             * the speaker of the quotation that ends the paragraph before,
             * as reports set a long statement out ("“…,” Pruden said." and
             * then "“Given that …”"), when no one else is named between. */
            if (q->open == a->sentences[s].start && a->sentences[s - 1].paragraph + 1 == q->paragraph &&
                k > 0 && found[k - 1].paragraph + 1 == q->paragraph && found[k - 1].speaker >= 0 &&
                f->entities[found[k - 1].speaker].type == CHORUS_ENTITY_PERSON && paragraph_is_quote(a, q) &&
                !person_between(&c, found[k - 1].close, q->open, found[k - 1].speaker)) {
                q->speaker = found[k - 1].speaker;
                continue;
            }
            /* A quotation that opens its sentence after one naming a single
             * person as its subject ("Ambassador Lucia Ferro spoke to
             * reporters. “...”") is that person's. */
            if (q->open == a->sentences[s].start && !(prev->flags & CHORUS_SENT_QUOTE)) {
                q->speaker = sole_subject(&c, s - 1, UINT32_MAX, 0);
                continue;
            }
        }
        q->speaker = -1;
    }
    chorus__buf joined = {0};
    for (size_t k = 0; !rc && k < nfound; k++) {
        const char *text = a->text + found[k].start;
        size_t len = found[k].end - found[k].start;
        /* "...,” he said": the comma belongs to the sentence around it. */
        while (len && (text[len - 1] == ',' || text[len - 1] == ' '))
            len--;
        /* A quotation split by its attribution is one: "“We are not
         * finished,” she said, “and we will be back.”" */
        if (k + 1 < nfound && splits(a, &found[k], &found[k + 1])) {
            joined.len = 0;
            const char *rest = a->text + found[k + 1].start;
            size_t rest_len = found[k + 1].end - found[k + 1].start;
            while (rest_len && (rest[rest_len - 1] == ',' || rest[rest_len - 1] == ' '))
                rest_len--;
            if (chorus__buf_append(&joined, text, len) || chorus__buf_puts(&joined, " ... ") ||
                chorus__buf_append(&joined, rest, rest_len)) {
                rc = CHORUS_ENOMEM;
                break;
            }
            rc = add_quote(f, ix, article, joined.data, joined.len, found[k].speaker);
            k++;
            continue;
        }
        rc = add_quote(f, ix, article, text, len, found[k].speaker);
    }
    chorus__buf_free(&joined);
    free(found);
    free(w);
    free(c.mentions);
    return rc;
}

int chorus__find_quotes(const chorus__story_text *story, chorus__facts *f)
{
    /* The story's quotations are all found here: the index starts empty,
     * as `f` must. */
    quote_index ix = {0};
    ix.words = chorus__vocab_new();
    int rc = !ix.words ? CHORUS_ENOMEM : f->quote_count ? CHORUS_EINVAL : 0;
    for (size_t m = 0; m < story->count && !rc; m++)
        rc = quotes_of_article(story, f, &ix, story->members[m]);
    quote_index_free(&ix);
    return rc;
}
