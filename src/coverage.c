/* coverage.c - what each outlet alone reports in a story, and the loaded words only it uses.
 *
 * "Only here" are the entities, figures and quotations whose sources are the
 * article alone, and its sentences that no other article states or
 * paraphrases (the most informative few: those naming people, places,
 * numbers and dates). Loaded terms are evaluative or emotive words from a
 * lexicon written for chorus (below) that this article uses and no other
 * article of the story does. Copies of an article count as other articles:
 * another outlet republishing a text reports it too; copies themselves get
 * no entry of their own. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "facts.h"
#include "text.h"
#include "token.h"
#include "util.h"

/* Sentences reported as an article's own material, at most. */
#define ONLY_HERE_SENTENCES 3
/* A sentence shares this much of its content words with one that states it. */
#define STATED_OVERLAP 0.4
/* Sentences shorter than this are too slight to list. */
#define MIN_SENTENCE_WORDS 8
/* Terms this common in a story say nothing about which sentences match. */
#define MAX_POSTINGS 400

/*
 * Evaluative and emotive English words: judgements of people and acts
 * ("brutal", "cowardly"), charged names for violence and power ("onslaught",
 * "regime", "massacre"), and verbs that take sides in reporting ("slammed",
 * "boasted"). Neutral reporting words ("said", "killed", "attack") are not in
 * it. Matched on the word and its regular inflections; sorted for bisection.
 */
static const char *const loaded_adjectives[] = {
    "abhorrent",    "absurd",        "alarming",      "appalling",    "atrocious",
    "authoritarian", "barbaric",     "beleaguered",   "besieged",     "blatant",
    "bleak",        "bloodthirsty",  "bloody",        "bogus",        "brave",
    "brutal",       "callous",       "catastrophic",  "chilling",     "corrupt",
    "courageous",   "cowardly",      "criminal",      "cynical",      "defenceless",
    "defenseless",  "deplorable",    "desperate",     "despicable",   "devastating",
    "dire",         "disastrous",    "disgraceful",   "disgusting",   "disproportionate",
    "draconian",    "dubious",       "egregious",     "embattled",    "extremist",
    "fanatical",    "farcical",      "feeble",        "flagrant",     "genocidal",
    "glorious",     "grim",          "hapless",       "harrowing",    "heinous",
    "helpless",     "heroic",        "horrendous",    "horrific",     "hostile",
    "humiliating",  "hypocritical",  "illegitimate",  "incompetent",  "indiscriminate",
    "infamous",     "innocent",      "insolent",      "laughable",    "lawless",
    "merciless",    "monstrous",     "murderous",     "nefarious",    "noble",
    "notorious",    "outrageous",    "pathetic",      "puppet",       "radical",
    "reckless",     "relentless",    "ridiculous",    "rogue",        "ruthless",
    "savage",       "shameful",      "shameless",     "shocking",     "sinister",
    "so-called",    "staunch",       "steadfast",     "tragic",       "treacherous",
    "tyrannical",   "unprovoked",    "unwavering",    "valiant",      "vicious",
    "vile",         "warmongering",  "wicked",
};

static const char *const loaded_nouns[] = {
    "aggression",   "aggressor",     "apartheid",     "atrocity",     "barbarism",
    "bloodbath",    "brutality",     "butcher",       "carnage",      "catastrophe",
    "crackdown",    "crusade",       "debacle",       "despot",       "devastation",
    "dictator",     "disinformation", "fiasco",       "genocide",     "hegemony",
    "heroes",       "hypocrisy",     "imperialism",   "invaders",     "lackey",
    "martyr",       "massacre",      "meddling",      "menace",       "mob",
    "occupier",     "onslaught",     "oppression",    "oppressor",    "persecution",
    "pogrom",       "propaganda",    "provocation",   "purge",        "rampage",
    "regime",       "savagery",      "scourge",       "slaughter",    "smear",
    "stooge",       "subjugation",   "terror",        "thug",         "tragedy",
    "tyranny",      "warlord",       "witch-hunt",
};

static const char *const loaded_verbs[] = {
    "annihilate",   "blast",         "boast",         "butcher",      "crush",
    "decry",        "denounce",      "lambast",       "lash",         "loot",
    "obliterate",   "plunder",       "pound",         "rampage",      "slam",
    "slaughter",    "smash",         "unleash",
};

static int cmp_word(const void *key, const void *entry)
{
    const char *k = key, *w = *(const char *const *)entry;
    /* The first letters settle most steps without a call. */
    if (*k != *w)
        return (unsigned char)*k - (unsigned char)*w;
    return strcmp(k, w);
}

static int in_sorted(const char *const *list, size_t n, const char *w)
{
    return bsearch(w, list, n, sizeof *list, cmp_word) != NULL;
}

/* The lexicon entry a folded word inflects, into base; 1 for an adjective,
 * 2 for a noun or verb, 0 for none. */
static int loaded(const char *w, size_t len, char *base, size_t cap)
{
    static const char *const endings[] = {"", "s", "es", "ed", "d", "ing", "ly", "ies"};
    for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
        size_t el = strlen(endings[e]);
        if (len <= el + 2 || len - el + 2 >= cap || memcmp(w + len - el, endings[e], el) != 0)
            continue;
        size_t bl = len - el;
        memcpy(base, w, bl);
        base[bl] = '\0';
        if (strcmp(endings[e], "ies") == 0) {
            base[bl] = 'y';
            base[bl + 1] = '\0';
        }
        if (in_sorted(loaded_adjectives, sizeof loaded_adjectives / sizeof loaded_adjectives[0], base))
            return 1;
        if (in_sorted(loaded_nouns, sizeof loaded_nouns / sizeof loaded_nouns[0], base) ||
            in_sorted(loaded_verbs, sizeof loaded_verbs / sizeof loaded_verbs[0], base))
            return 2;
        /* "slammed", "lambasted": a doubled consonant before -ed. */
        if (bl >= 2 && base[bl - 1] == base[bl - 2] && strcmp(endings[e], "ed") == 0) {
            base[bl - 1] = '\0';
            if (in_sorted(loaded_verbs, sizeof loaded_verbs / sizeof loaded_verbs[0], base))
                return 2;
        }
    }
    return 0;
}

/* The sentences of a story and the terms they use, for finding what only
 * one article states. */
typedef struct {
    size_t article;
    size_t sentence;
    uint32_t *terms; /* sorted distinct content terms */
    size_t count;
} story_sentence;

typedef struct {
    uint32_t term;
    uint32_t sentence;
} posting;

static int cmp_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->term != y->term)
        return (x->term > y->term) - (x->term < y->term);
    return (x->sentence > y->sentence) - (x->sentence < y->sentence);
}

/* Where the story's mentions stand (article, then start), sorted: a
 * sentence counts its own by bisection. */
typedef struct {
    size_t article;
    uint32_t start;
} mention_at;

static int cmp_mention_at(const void *a, const void *b)
{
    const mention_at *x = a, *y = b;
    if (x->article != y->article)
        return (x->article > y->article) - (x->article < y->article);
    return (x->start > y->start) - (x->start < y->start);
}

/* The first of sorted[0..n) (elements of `size` bytes in `cmp` order) not
 * before *key. */
static size_t lower_bound(const void *sorted, size_t n, size_t size, const void *key,
                          int (*cmp)(const void *, const void *))
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp((const char *)sorted + mid * size, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first of sorted[0..n) at or after (article, start). */
static size_t first_mention(const mention_at *sorted, size_t n, size_t article, uint32_t start)
{
    mention_at key = {article, start};
    return lower_bound(sorted, n, sizeof *sorted, &key, cmp_mention_at);
}

/* Informativeness of a sentence: names, numbers and dates it holds. */
static double weight_of(const mention_at *mentions, size_t nmentions, const chorus__article *a, size_t article,
                        const chorus__sentence *s)
{
    double w = (double)(first_mention(mentions, nmentions, article, s->start + s->len) -
                        first_mention(mentions, nmentions, article, s->start));
    for (uint32_t k = 0; k < s->tok_count; k++)
        if (a->tokens[s->tok_start + k].flags & CHORUS_TOK_NUMBER)
            w += 1;
    return w;
}

/* The story's sentences and what they share, for only_here_sentences():
 * `shared` and `touched` are scratch of one entry per sentence, `shared`
 * all zero between calls. */
typedef struct {
    const story_sentence *ss;
    size_t nss;
    const posting *post;
    size_t npost;
    const mention_at *mentions;
    size_t nmentions;
    uint32_t *shared, *touched;
} story_index;

/* The article's sentences no other article states, the most informative
 * few; its own sentences are ss[first, last). */
static int only_here_sentences(const chorus__story_text *story, chorus__facts *f, const story_index *ix,
                               size_t first, size_t last, size_t article, chorus__coverage *cov)
{
    const chorus__article *a = story->articles[article];
    const story_sentence *ss = ix->ss;
    const posting *post = ix->post;
    size_t npost = ix->npost;
    uint32_t *shared = ix->shared, *touched = ix->touched;
    typedef struct {
        size_t sentence;
        double weight;
    } pick;
    pick *picks = malloc((a->sentence_count + 1) * sizeof *picks);
    size_t npicks = 0;
    if (!picks)
        return CHORUS_ENOMEM;
    for (size_t i = first; i < last; i++) {
        const story_sentence *x = &ss[i];
        if (x->article != article || x->count == 0)
            continue;
        const chorus__sentence *s = &a->sentences[x->sentence];
        if ((s->flags & CHORUS_SENT_HEADING) || s->tok_count < MIN_SENTENCE_WORDS)
            continue;
        /* Count shared terms with every other article's sentences. */
        size_t nt = 0;
        for (size_t k = 0; k < x->count; k++) {
            posting key = {x->terms[k], 0};
            size_t lo = lower_bound(post, npost, sizeof *post, &key, cmp_posting);
            /* A term too common to tell is passed over without walking
             * its whole list. */
            if (lo + MAX_POSTINGS < npost && post[lo + MAX_POSTINGS].term == x->terms[k])
                continue;
            size_t e = lo;
            while (e < npost && post[e].term == x->terms[k])
                e++;
            for (size_t p = lo; p < e; p++) {
                uint32_t o = post[p].sentence;
                if (ss[o].article == article)
                    continue;
                if (!shared[o]++)
                    touched[nt++] = o;
            }
        }
        int stated = 0;
        for (size_t k = 0; k < nt; k++) {
            uint32_t o = touched[k];
            double dice = 2.0 * shared[o] / (double)(x->count + ss[o].count);
            stated |= dice >= STATED_OVERLAP;
            shared[o] = 0;
        }
        if (!stated) {
            picks[npicks].sentence = x->sentence;
            picks[npicks++].weight = weight_of(ix->mentions, ix->nmentions, a, article, s) +
                                     1.0 / (1.0 + (double)x->sentence);
        }
    }
    /* The most informative few, in the order the article gives them. */
    for (size_t k = 0; k < npicks && k < ONLY_HERE_SENTENCES; k++) {
        size_t best = k;
        for (size_t j = k + 1; j < npicks; j++)
            if (picks[j].weight > picks[best].weight)
                best = j;
        pick tmp = picks[k];
        picks[k] = picks[best];
        picks[best] = tmp;
    }
    size_t keep = npicks < ONLY_HERE_SENTENCES ? npicks : ONLY_HERE_SENTENCES;
    for (size_t k = 1; k < keep; k++)
        for (size_t j = k; j > 0 && picks[j - 1].sentence > picks[j].sentence; j--) {
            pick tmp = picks[j];
            picks[j] = picks[j - 1];
            picks[j - 1] = tmp;
        }
    int rc = 0;
    for (size_t k = 0; k < keep && !rc; k++) {
        const chorus__sentence *s = &a->sentences[picks[k].sentence];
        const char *copy = chorus__arena_strndup(&f->mem, a->text + s->start, s->len);
        if (!copy || CHORUS_PUSH(cov->sentences, cov->sentence_count, cov->sentence_cap, copy))
            rc = CHORUS_ENOMEM;
    }
    free(picks);
    return rc;
}

/* Loaded terms of one article: each as "word" or "adjective noun". */
typedef struct {
    char base[40];
    char phrase[96];
} loaded_use;

static int loaded_uses(const chorus__article *a, loaded_use **out, size_t *count, size_t *cap)
{
    if (strcmp(a->language, "en") != 0)
        return 0;
    for (size_t t = 0; t < a->title_token_start; t++) {
        const chorus__token *tok = &a->tokens[t];
        char w[64], base[40];
        if (tok->flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER))
            continue; /* the lexicon holds neither */
        size_t wl = chorus__token_word(a, tok, w, sizeof w);
        int kind = wl ? loaded(w, wl, base, sizeof base) : 0;
        if (!kind)
            continue;
        loaded_use u = {{0}, {0}};
        memcpy(u.base, base, strlen(base) + 1);
        /* An adjective with the noun it judges: "relentless onslaught" (the
         * noun is then not listed again on its own). */
        const chorus__token *next = t + 1 < a->title_token_start ? &a->tokens[t + 1] : NULL;
        uint32_t after = next ? next->start + next->len : 0;
        if (kind == 1 && next && !(next->flags & (CHORUS_TOK_STOP | CHORUS_TOK_NUMBER)) &&
            next->start - (tok->start + tok->len) == 1 && a->text[tok->start + tok->len] == ' ' &&
            !(after < a->text_len && a->text[after] == '-')) {
            char nw[64];
            size_t nl = chorus__token_word(a, next, nw, sizeof nw);
            snprintf(u.phrase, sizeof u.phrase, "%s %.*s", w, (int)nl, nw);
            t++;
        } else {
            snprintf(u.phrase, sizeof u.phrase, "%s", w);
        }
        int seen = 0;
        for (size_t k = 0; k < *count && !seen; k++)
            seen = strcmp((*out)[k].phrase, u.phrase) == 0;
        if (!seen && CHORUS_PUSH(*out, *count, *cap, u))
            return CHORUS_ENOMEM;
    }
    return 0;
}

/* A fact one article alone gives (or a loaded word one article uses):
 * kept sorted by article, so that each article finds its own by bisection
 * rather than every article reading every fact of a large story. */
typedef struct {
    size_t article; /* or member, for loaded words */
    size_t index;   /* the fact's, or the use's */
    const char *base;
} owned;

static int cmp_owned(const void *a, const void *b)
{
    const owned *x = a, *y = b;
    if (x->base && y->base) {
        int c = strcmp(x->base, y->base);
        if (c)
            return c;
    }
    if (x->article != y->article)
        return (x->article > y->article) - (x->article < y->article);
    return (x->index > y->index) - (x->index < y->index);
}

/* The first entry of sorted[0..n) for `article`. */
static size_t first_owned(const owned *sorted, size_t n, size_t article)
{
    owned key = {article, 0, NULL};
    return lower_bound(sorted, n, sizeof *sorted, &key, cmp_owned);
}

/* The facts of sources[k] (k < count, each `stride` bytes apart) that one
 * article alone gives, sorted by article. */
static owned *sole_sources(const void *facts, size_t count, size_t stride, size_t sources_offset, size_t *n)
{
    owned *out = malloc((count + 1) * sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    for (size_t k = 0; k < count; k++) {
        const chorus__sources *src = (const chorus__sources *)((const char *)facts + k * stride + sources_offset);
        if (src->count == 1)
            out[(*n)++] = (owned){src->items[0], k, NULL};
    }
    qsort(out, *n, sizeof *out, cmp_owned);
    return out;
}

int chorus__find_coverage(const chorus__story_text *story, chorus__facts *f)
{
    size_t originals = 0;
    for (size_t m = 0; m < story->count; m++)
        originals += story->articles[story->members[m]]->duplicate_of < 0;
    if (originals < 2)
        return 0; /* with one report, everything is its own */

    /* Every sentence's content terms, and an index from terms to sentences. */
    story_sentence *ss = NULL;
    size_t nss = 0, sscap = 0;
    posting *post = NULL;
    size_t npost = 0, postcap = 0;
    /* Member m's sentences are ss[member_first[m], member_first[m + 1]). */
    size_t *member_first = malloc((story->count + 1) * sizeof *member_first);
    int rc = member_first ? 0 : CHORUS_ENOMEM;
    for (size_t m = 0; m < story->count && !rc; m++) {
        const chorus__article *a = story->articles[story->members[m]];
        member_first[m] = nss;
        for (size_t s = 0; s < a->sentence_count && !rc; s++) {
            const chorus__sentence *st = &a->sentences[s];
            story_sentence x = {story->members[m], s, malloc((st->tok_count + 1) * sizeof(uint32_t)), 0};
            if (!x.terms) {
                rc = CHORUS_ENOMEM;
                break;
            }
            for (uint32_t k = 0; k < st->tok_count; k++) {
                const chorus__token *t = &a->tokens[st->tok_start + k];
                if (!(t->flags & CHORUS_TOK_STOP))
                    x.terms[x.count++] = t->term;
            }
            if (x.count)
                qsort(x.terms, x.count, sizeof *x.terms, chorus__cmp_u32);
            size_t u = 0;
            for (size_t k = 0; k < x.count; k++)
                if (!u || x.terms[u - 1] != x.terms[k])
                    x.terms[u++] = x.terms[k];
            x.count = u;
            for (size_t k = 0; k < x.count && !rc; k++) {
                posting p = {x.terms[k], (uint32_t)nss};
                rc = CHORUS_PUSH(post, npost, postcap, p) ? CHORUS_ENOMEM : 0;
            }
            if (CHORUS_PUSH(ss, nss, sscap, x)) {
                free(x.terms);
                rc = CHORUS_ENOMEM;
            }
        }
    }
    if (!rc) {
        member_first[story->count] = nss;
        if (npost)
            qsort(post, npost, sizeof *post, cmp_posting);
    }
    story_index ix = {ss, nss, post, npost, NULL, f->mention_count, NULL, NULL};
    mention_at *mentions = malloc((f->mention_count + 1) * sizeof *mentions);
    ix.shared = calloc(nss + 1, sizeof *ix.shared);
    ix.touched = malloc((nss + 1) * sizeof *ix.touched);
    if (!rc && (!mentions || !ix.shared || !ix.touched))
        rc = CHORUS_ENOMEM;
    for (size_t k = 0; !rc && k < f->mention_count; k++)
        mentions[k] = (mention_at){f->mentions[k].article, f->mentions[k].start};
    if (!rc)
        qsort(mentions, f->mention_count, sizeof *mentions, cmp_mention_at);
    ix.mentions = mentions;

    /* Loaded words, by article. */
    loaded_use **uses = calloc(story->count + 1, sizeof *uses);
    size_t *nuses = calloc(story->count + 1, sizeof *nuses);
    if (!uses || !nuses)
        rc = CHORUS_ENOMEM;
    for (size_t m = 0; m < story->count && !rc; m++) {
        size_t cap = 0;
        rc = loaded_uses(story->articles[story->members[m]], &uses[m], &nuses[m], &cap);
    }

    /* What one article alone gives, by article; loaded words by word. */
    size_t nent = 0, nfig = 0, nquo = 0, nload = 0;
    owned *ent = sole_sources(f->entities, f->entity_count, sizeof *f->entities,
                              offsetof(chorus__entity, sources), &nent);
    owned *fig = sole_sources(f->figures, f->figure_count, sizeof *f->figures,
                              offsetof(chorus__figure, sources), &nfig);
    owned *quo = sole_sources(f->quotes, f->quote_count, sizeof *f->quotes, offsetof(chorus__quote, sources), &nquo);
    size_t total_uses = 0;
    for (size_t m = 0; !rc && m < story->count; m++)
        total_uses += nuses[m];
    owned *loads = rc ? NULL : malloc((total_uses + 1) * sizeof *loads);
    if (!rc && (!ent || !fig || !quo || !loads))
        rc = CHORUS_ENOMEM;
    for (size_t m = 0; !rc && m < story->count; m++)
        for (size_t k = 0; k < nuses[m]; k++)
            loads[nload++] = (owned){m, k, uses[m][k].base};
    if (!rc)
        qsort(loads, nload, sizeof *loads, cmp_owned);

    for (size_t m = 0; m < story->count && !rc; m++) {
        size_t article = story->members[m];
        if (story->articles[article]->duplicate_of >= 0)
            continue;
        chorus__coverage cov = {0};
        cov.article = article;
        rc = only_here_sentences(story, f, &ix, member_first[m], member_first[m + 1], article, &cov);
        /* An outlet naming itself ("Meridian" in Meridian Wire Service's
         * copy) is no finding of its own. */
        const char *outlet = story->articles[article]->source;
        for (size_t x = first_owned(ent, nent, article); x < nent && ent[x].article == article && !rc; x++) {
            size_t e = ent[x].index;
            const char *name = f->entities[e].name;
            size_t nl = strlen(name);
            if (outlet && strncmp(outlet, name, nl) == 0 && (outlet[nl] == '\0' || outlet[nl] == ' '))
                continue;
            rc = CHORUS_PUSH(cov.entities, cov.entity_count, cov.entity_cap, e) ? CHORUS_ENOMEM : 0;
        }
        for (size_t x = first_owned(fig, nfig, article); x < nfig && fig[x].article == article && !rc; x++)
            rc = CHORUS_PUSH(cov.figures, cov.figure_count, cov.figure_cap, fig[x].index) ? CHORUS_ENOMEM : 0;
        for (size_t x = first_owned(quo, nquo, article); x < nquo && quo[x].article == article && !rc; x++)
            rc = CHORUS_PUSH(cov.quotes, cov.quote_count, cov.quote_cap, quo[x].index) ? CHORUS_ENOMEM : 0;
        /* Loaded words no other article of the story uses, in any phrase:
         * the uses of one word are sorted by article, so another article
         * uses it when the first or the last of them is not this one. */
        for (size_t k = 0; k < nuses[m] && !rc; k++) {
            owned key = {0, 0, uses[m][k].base};
            size_t lo = lower_bound(loads, nload, sizeof *loads, &key, cmp_owned), end = lo;
            while (end < nload && strcmp(loads[end].base, key.base) == 0)
                end++;
            if (lo < end && (loads[lo].article != m || loads[end - 1].article != m))
                continue;
            const char *copy = chorus__arena_strndup(&f->mem, uses[m][k].phrase, strlen(uses[m][k].phrase));
            if (!copy || CHORUS_PUSH(cov.loaded_terms, cov.loaded_count, cov.loaded_cap, copy))
                rc = CHORUS_ENOMEM;
        }
        if (!rc && CHORUS_PUSH(f->coverage, f->coverage_count, f->coverage_cap, cov))
            rc = CHORUS_ENOMEM;
        if (rc) {
            free(cov.sentences), free(cov.entities), free(cov.figures), free(cov.quotes), free(cov.loaded_terms);
        }
    }
    free(ent), free(fig), free(quo), free(loads);
    free(mentions), free(ix.shared), free(ix.touched), free(member_first);
    for (size_t m = 0; uses && m < story->count; m++)
        free(uses[m]);
    free(uses);
    free(nuses);
    for (size_t i = 0; i < nss; i++)
        free(ss[i].terms);
    free(ss);
    free(post);
    return rc;
}
