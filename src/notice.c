/* notice.c - telling texts that are not articles (crawl, embed, error, sign-in, cookie and ad-blocker notices, page furniture alone) from articles.
 *
 * A crawler that asks for a news page does not always get the article: it
 * may get the notice an embedded player or post shows without its script,
 * an archive's description of its crawl, an error or sign-in page, a cookie
 * or ad-blocker wall. Such a text names no event; clustered, it joins
 * whatever shares its few words, and the same notice, fetched for pages of
 * unrelated stories, pulls them together. What marks one is that it speaks
 * of the page, the site, the browser or the reader's account rather than
 * of the world: so a short text most of whose sentences do that, one at
 * least in wording no report uses ("enable JavaScript", "your Tweets",
 * "these crawls", "we use cookies"), is a notice. A text of which cleaning
 * left nothing, or a few words under many lines of furniture, is page
 * furniture. The wording covers English best, with the commonest walls
 * (cookies, ad blockers, browsers) in other languages chorus reads. */
#include "notice.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "junk.h"

/* A notice is short: an article quoting a notice is longer than this. */
#define NOTICE_MAX_WORDS 300
/* Share of the words that must stand in notice sentences: most of them. */
#define NOTICE_SHARE 2.0 / 3.0
/* A sentence with this many words of the web's vocabulary, even without
 * addressing the reader, speaks of pages ("the pages that are referenced
 * are changed or taken from the web, a link to the version ..."). */
#define WEB_WORDS_ALONE 3
/* A sentence that addresses its reader this often ("When you share a
 * post, your city is shown with it") is the page speaking to them. */
#define READER_WORDS_ALONE 2
/* Furniture: no more words kept than this, under at least FURNITURE_RATIO
 * times as many removed as furniture. */
#define FURNITURE_MAX_KEPT 20
#define FURNITURE_RATIO 3

/* Wording no news report uses for its own words: the page speaking of
 * itself, of the reader's browser or account, or of a web crawl. One
 * word boundary opens them all, so that a position inside a word is given
 * up at once rather than by each alternative. */
static const char STRONG_PATTERN[] =
    "\\b(?:"
    /* scripts and browsers */
    "(?:enable|enabled|disable|disabled|activate|turn\\s+on)\\s+(?:\\w+\\s+){0,2}javascript"
    "|javascript\\s+(?:is|ist|est|está|è)\\s+(?:disabled|required|not\\b|turned\\s+off"
    "|deaktiviert|désactivé|desactivado|disabilitato)"
    "|your\\s+browser\\b|browser\\s+(?:settings|version|is\\s+not|does\\s+not|doesn['’]t)"
    "|ihre[mn]?\\s+browser\\b|votre\\s+navigateur\\b|su\\s+navegador\\b"
    "|il\\s+tuo\\s+browser\\b|seu\\s+navegador\\b"
    /* cookie walls */
    "|(?:we|this\\s+(?:site|website)|our\\s+(?:site|website))\\s+uses?\\s+cookies\\b"
    "|cookies?\\s+(?:must|need|are|is)\\s+(?:be\\s+)?(?:enabled|disabled|required|blocked)"
    "|(?:accept|allow|enable)\\s+(?:all\\s+)?cookies\\b"
    "|cookie[-\\s]?(?:policy|settings|einstellungen|informationen|richtlinie|consent|banner"
    "|preferences)"
    "|(?:website|webseite|site|sitio|sito)\\s+(?:uses|verwendet|nutzt|utilise|utiliza|utilizza)"
    "\\s+(?:\\w+\\s+){0,2}cookies\\b"
    "|(?:verwenden|verwendet|nutzen|nutzt|setzen)\\s+(?:\\w+\\s+){0,4}cookies\\b"
    /* ad-blocker walls */
    "|ad[-\\s]?block(?:er|ers|a|u|ing)?\\b|blocking\\s+ads\\b|u\\s?block\\b"
    /* web crawls and archives */
    "|crawls\\b|crawl\\s+(?:data|of|was|performed|run|started)\\b|crawlers?\\b"
    "|(?:web|wide|domain)\\s+crawl|wayback\\s+machine\\b|internet\\s+archive\\b"
    "|archive-?it\\b|seed\\s*list\\b|outlinks?\\b|warc\\s+files?\\b"
    /* players and embeds */
    "|try\\s+again\\s+later\\b|not\\s+available\\s+right\\s+now\\b|could\\s+not\\s+be\\s+loaded\\b"
    "|when\\s+the\\s+video\\s+has\\s+been\\s+rented\\b"
    "|video\\s+(?:is\\s+)?(?:unavailable|no\\s+longer\\s+available)\\b"
    "|media\\s+playback\\s+is\\s+(?:not\\s+)?(?:unsupported|supported)\\b"
    "|this\\s+video\\s+(?:is\\s+(?:private|unavailable|not\\s+available)|has\\s+been\\s+removed"
    "|cannot\\s+be\\s+played)"
    "|your\\s+tweets?\\b|tweet\\s+with\\s+a\\s+location\\b|location\\s+(?:information|history)\\b"
    "|learn\\s+more\\W*$|click\\s+(?:here|below|on\\s+the\\s+link)\\b|tap\\s+(?:here|below)\\b"
    /* accounts and subscriptions */
    "|(?:sign|log)\\s*in\\s+(?:to\\s+your|with|using)\\b|sign\\s+up\\s+(?:now|here|for\\s+free)\\b"
    "|please\\s+(?:sign|log)\\s*(?:in|on|up)\\b"
    "|already\\s+(?:have\\s+an\\s+account|a\\s+(?:subscriber|member)|registered)\\b"
    "|create\\s+(?:an|your|a\\s+free)\\s+account\\b"
    "|your\\s+(?:account|password|username|profile|subscription)\\b"
    "|subscri(?:be|ption)\\s+(?:to\\s+)?(?:continue|keep)\\s+reading\\b"
    "|unlimited\\s+(?:digital\\s+)?access\\b|reached\\s+(?:your|the)\\s+(?:\\w+\\s+){0,2}limit\\b"
    "|free\\s+articles?\\b|articles?\\s+remaining\\b"
    "|privacy\\s+(?:policy|notice|statement|settings)\\b"
    "|terms\\s+(?:of\\s+(?:use|service)|and\\s+conditions)\\b|user\\s+agreement\\b"
    /* errors and hosting */
    "|custom\\s+domain\\b"
    "|domain\\s+(?:mapping|name\\s+(?:is|has)|is\\s+for\\s+sale|has\\s+expired)\\b"
    "|page\\s+(?:you\\s+(?:requested|are\\s+looking\\s+for|were\\s+looking\\s+for)"
    "|not\\s+found|cannot\\s+be\\s+(?:found|displayed))"
    "|(?:could|can)\\s*not\\s+be\\s+found\\b|error\\s+404\\b|404\\s+(?:error|not\\s+found)\\b"
    "|access\\s+(?:denied|forbidden)\\b|captcha\\b|are\\s+you\\s+a\\s+(?:robot|human)\\b"
    "|unusual\\s+traffic\\b|ip\\s+address\\b|adres(?:u)?\\s+ip\\b|help\\s+cent(?:er|re)\\b"
    ")";

/* The web's vocabulary: words for pages, links and accounts. */
static const char WEB_PATTERN[] =
    "\\b(?:web(?:site|sites|page|pages)?|site|sites|page|pages|link|links|url|urls|domain|domains"
    "|browser|javascript|cookies?|app|apps|tweets?|email|e-mail|account|profile|server|archived?"
    "|archives|download|upload|subscribe|subscription|newsletter|notifications?|settings"
    "|webseite|seite|strona|stronie|sitio|página|sito|pagina)\\b";

/* The page speaking to its reader. */
static const char READER_PATTERN[] =
    "\\b(?:you|your|you['’]re|yours|please|bitte|veuillez|vous|votre|usted|por\\s+favor"
    "|per\\s+favore|proszę)\\b";

enum { PAT_STRONG, PAT_WEB, PAT_READER, PAT_COUNT };

struct chorus__notice {
    pcre2_code *re[PAT_COUNT];
    pcre2_match_data *md;
};

chorus__notice *chorus__notice_new(void)
{
    static const char *const source[PAT_COUNT] = {STRONG_PATTERN, WEB_PATTERN, READER_PATTERN};
    chorus__notice *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    /* CHORUS_NO_JIT=1 turns the JIT off, as for junk.c's patterns. */
    const char *no_jit = getenv("CHORUS_NO_JIT");
    int jit = !(no_jit && *no_jit && strcmp(no_jit, "0") != 0);
    for (int i = 0; i < PAT_COUNT; i++) {
        int err;
        PCRE2_SIZE off;
        n->re[i] = pcre2_compile((PCRE2_SPTR)source[i], PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
        if (!n->re[i]) {
            chorus__notice_free(n);
            return NULL;
        }
        if (jit)
            pcre2_jit_compile(n->re[i], PCRE2_JIT_COMPLETE);
    }
    n->md = pcre2_match_data_create(4, NULL);
    if (!n->md) {
        chorus__notice_free(n);
        return NULL;
    }
    return n;
}

void chorus__notice_free(chorus__notice *n)
{
    if (!n)
        return;
    for (int i = 0; i < PAT_COUNT; i++)
        pcre2_code_free(n->re[i]);
    pcre2_match_data_free(n->md);
    free(n);
}

/* Non-overlapping matches of pattern `p` in s[0..len), up to `most`. */
static int count(chorus__notice *n, int p, const char *s, size_t len, int most)
{
    int found = 0;
    size_t at = 0;
    while (found < most && at < len) {
        if (pcre2_match(n->re[p], (PCRE2_SPTR)s, len, at, 0, n->md, NULL) < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(n->md);
        found++;
        at = ov[1] > at ? ov[1] : at + 1;
    }
    return found;
}

int chorus__notice_judge(chorus__notice *n, const chorus__article *a, size_t kept_words,
                         size_t furniture_words)
{
    if (kept_words == 0)
        return furniture_words ? CHORUS_NONARTICLE_FURNITURE : CHORUS_NONARTICLE_NONE;
    if (kept_words <= FURNITURE_MAX_KEPT && furniture_words >= FURNITURE_RATIO * kept_words)
        return CHORUS_NONARTICLE_FURNITURE;
    /* One pass over the text first: without wording of the strong kind
     * nothing else need be looked at, and most texts have none. */
    if (kept_words > NOTICE_MAX_WORDS || !count(n, PAT_STRONG, a->text, a->text_len, 1))
        return CHORUS_NONARTICLE_NONE;
    size_t notice_words = 0, total = 0;
    int strong = 0;
    for (size_t i = 0; i < a->sentence_count; i++) {
        const char *s = a->text + a->sentences[i].start;
        size_t len = a->sentences[i].len, words = chorus__count_words(s, len);
        total += words;
        int st = count(n, PAT_STRONG, s, len, 1);
        strong += st;
        if (st) {
            notice_words += words;
            continue;
        }
        int web = count(n, PAT_WEB, s, len, WEB_WORDS_ALONE);
        int reader = count(n, PAT_READER, s, len, READER_WORDS_ALONE);
        if (web >= WEB_WORDS_ALONE || (web && reader) || reader >= READER_WORDS_ALONE)
            notice_words += words;
    }
    if (strong && total && (double)notice_words >= NOTICE_SHARE * (double)total)
        return CHORUS_NONARTICLE_NOTICE;
    return CHORUS_NONARTICLE_NONE;
}

const char *chorus__nonarticle_name(int reason)
{
    switch (reason) {
    case CHORUS_NONARTICLE_NOTICE:
        return "notice";
    case CHORUS_NONARTICLE_FURNITURE:
        return "furniture";
    default:
        return NULL;
    }
}
