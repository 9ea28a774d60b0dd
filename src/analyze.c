/* analyze.c - cleaning one article and turning it into sentences, tokens and signatures. */
#include "analyze.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "chorus.h"
#include "minhash.h"
#include "stopwords.h"
#include "text.h"
#include "util.h"

/* Enough text for language identification. */
#define LANGID_SAMPLE 3000
/* Blocks shorter than this say little about the language. */
#define LANGID_MIN_BLOCK_WORDS 6

/* Distinct paragraphs whose counts are kept before those seen once are
 * forgotten: about 64 MB of table. */
#define BLOCK_TABLE_ENTRIES (2u << 20)

int chorus__analyzer_init(chorus__analyzer *an, chorus__blockcount *blocks)
{
    memset(an, 0, sizeof *an);
    an->blocks = blocks;
    if (!blocks) {
        an->blocks = chorus__blockcount_new(BLOCK_TABLE_ENTRIES);
        an->owns_blocks = 1;
    }
    an->langid = chorus__langid_new();
    an->stemmers = chorus__stemmers_new();
    an->junk = chorus__junk_new();
    an->notice = chorus__notice_new();
    an->vocab = chorus__vocab_new();
    an->surface = chorus__vocab_new();
    if (!an->langid || !an->stemmers || !an->junk || !an->notice || !an->vocab || !an->surface ||
        !an->blocks) {
        chorus__analyzer_done(an);
        return CHORUS_ENOMEM;
    }
    return 0;
}

void chorus__analyzer_done(chorus__analyzer *an)
{
    chorus__langid_free(an->langid);
    chorus__stemmers_free(an->stemmers);
    chorus__junk_free(an->junk);
    chorus__notice_free(an->notice);
    chorus__vocab_free(an->vocab);
    chorus__vocab_free(an->surface);
    free(an->surface_term);
    if (an->owns_blocks)
        chorus__blockcount_free(an->blocks);
    chorus__tokens_free(&an->toks);
    chorus__buf_free(&an->buf);
    free(an->spans);
    free(an->tokens);
    free(an->sentences);
    free(an->word_hashes);
    memset(an, 0, sizeof *an);
}

int chorus__analyzer_count_blocks(chorus__analyzer *an, const chorus__article *a)
{
    /* The word-hash scratch serves: blocks are counted before analysis. */
    an->word_hash_count = 0;
    for (size_t i = 0; i < a->block_count; i++)
        if (CHORUS_PUSH(an->word_hashes, an->word_hash_count, an->word_hash_cap, a->blocks[i].hash))
            return CHORUS_ENOMEM;
    uint64_t *scratch = malloc((a->block_count + 1) * sizeof *scratch);
    if (!scratch)
        return CHORUS_ENOMEM;
    int rc = chorus__blockcount_add(an->blocks, an->word_hashes, a->block_count, scratch);
    free(scratch);
    return rc;
}

static void detect_language(chorus__analyzer *an, chorus__article *a)
{
    if (a->language_given)
        return;
    if (!an->langid) {
        /* Without models, a page's declared language is all there is. */
        if (a->language_hint[0])
            strcpy(a->language, a->language_hint);
        return;
    }
    an->buf.len = 0;
    for (size_t i = 0; i < a->block_count && an->buf.len < LANGID_SAMPLE; i++) {
        const chorus__block *b = &a->blocks[i];
        if (chorus__count_words(b->text, b->len) < LANGID_MIN_BLOCK_WORDS)
            continue;
        if (chorus__buf_append(&an->buf, b->text, b->len) || chorus__buf_putc(&an->buf, '\n'))
            return; /* out of memory: the language stays unknown */
    }
    if (an->buf.len == 0 && a->title &&
        chorus__buf_append(&an->buf, a->title, strlen(a->title)))
        return;
    chorus__langid_detect(an->langid, an->buf.data ? an->buf.data : "", an->buf.len, a->language);
    /* A page's declared language stands in when the text says too little. */
    if (strcmp(a->language, "und") == 0 && a->language_hint[0])
        strcpy(a->language, a->language_hint);
}

/*
 * The stem id and stop-word flag of a folded word in language `lang`. Words
 * recur far more than they are new, so each (language, word) pair is stemmed
 * and looked up once and remembered under its surface form.
 */
static int word_term(chorus__analyzer *an, const char *lang, const char *fold, size_t len,
                     uint32_t *term, int *stop)
{
    char key[96];
    size_t ll = strlen(lang);
    if (ll + 1 + len <= sizeof key) {
        memcpy(key, lang, ll);
        key[ll] = ':';
        memcpy(key + ll + 1, fold, len);
        uint32_t sid = chorus__vocab_intern(an->surface, key, ll + 1 + len);
        if (sid == CHORUS_VOCAB_NONE)
            return CHORUS_ENOMEM;
        if (sid < an->surface_count) {
            *term = an->surface_term[sid] >> 1;
            *stop = an->surface_term[sid] & 1;
            return 0;
        }
        const char *stem;
        size_t stem_len;
        chorus__stem(an->stemmers, lang, fold, len, &stem, &stem_len);
        uint32_t id = chorus__vocab_intern(an->vocab, stem, stem_len);
        if (id == CHORUS_VOCAB_NONE || id >= UINT32_MAX / 2)
            return CHORUS_ENOMEM;
        int is_stop = chorus__is_stopword(lang, fold, len);
        uint32_t packed = id << 1 | (uint32_t)is_stop;
        if (CHORUS_PUSH(an->surface_term, an->surface_count, an->surface_cap, packed))
            return CHORUS_ENOMEM;
        *term = id;
        *stop = is_stop;
        return 0;
    }
    /* Very long words (URLs and the like) are not worth remembering. */
    const char *stem;
    size_t stem_len;
    chorus__stem(an->stemmers, lang, fold, len, &stem, &stem_len);
    *term = chorus__vocab_intern(an->vocab, stem, stem_len);
    *stop = 0;
    return *term == CHORUS_VOCAB_NONE ? CHORUS_ENOMEM : 0;
}

/* Tokenises s[0..len) into an->tokens (and word hashes when `hashes`). */
static int add_tokens(chorus__analyzer *an, const char *lang, const char *s, size_t len,
                      uint32_t base, int hashes)
{
    chorus__tokens_reset(&an->toks);
    if (chorus__tokenize(s, len, base, NULL, &an->toks))
        return CHORUS_ENOMEM;
    for (size_t k = 0; k < an->toks.count; k++) {
        const chorus__rawtok *rt = &an->toks.items[k];
        const char *fold = an->toks.fold.data + rt->fold_start;
        uint32_t id;
        int stop;
        if (word_term(an, lang, fold, rt->fold_len, &id, &stop))
            return CHORUS_ENOMEM;
        uint8_t flags = rt->flags;
        if (stop && !(flags & CHORUS_TOK_NUMBER))
            flags |= CHORUS_TOK_STOP;
        chorus__token t = {id, rt->start, (uint16_t)(rt->len > UINT16_MAX ? UINT16_MAX : rt->len),
                           flags};
        if (CHORUS_PUSH(an->tokens, an->token_count, an->token_cap, t))
            return CHORUS_ENOMEM;
        if (hashes) {
            uint64_t h = XXH3_64bits(fold, rt->fold_len);
            if (CHORUS_PUSH(an->word_hashes, an->word_hash_count, an->word_hash_cap, h))
                return CHORUS_ENOMEM;
        }
    }
    return 0;
}

static int has_double_quote(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            return 1;
        if (c < 0x80) {
            i++;
            continue;
        }
        int32_t cp = chorus__utf8_next(s, len, &i);
        if (chorus__is_double_quote(cp))
            return 1;
    }
    return 0;
}

int chorus__article_analyze(chorus__analyzer *an, chorus__article *a)
{
    detect_language(an, a);
    const char *lang = a->language;

    /* Judge every block, then keep the text ones. */
    size_t n = a->block_count;
    chorus__junk_block *jb = calloc(n ? n : 1, sizeof *jb);
    chorus__junk_verdict *verdict = calloc(n ? n : 1, sizeof *verdict);
    int rc = (!jb || !verdict) ? CHORUS_ENOMEM : 0;
    for (size_t i = 0; !rc && i < n; i++) {
        jb[i].text = a->blocks[i].text;
        jb[i].len = a->blocks[i].len;
        jb[i].hash = a->blocks[i].hash;
        jb[i].corpus_count = chorus__blockcount_get(an->blocks, jb[i].hash);
    }
    if (!rc)
        rc = chorus__junk_classify(an->junk, jb, n, a->title, verdict);

    /* Paragraphs of the clean text, as spans, with heading marks. */
    chorus__buf *text = &an->buf;
    text->len = 0;
    an->span_count = 0;
    typedef struct {
        uint32_t start, len;
        uint8_t heading;
    } para;
    para *paras = calloc(n ? n : 1, sizeof *paras);
    size_t para_count = 0, furniture_words = 0;
    uint64_t title_hash = a->title ? chorus__block_hash(a->title, strlen(a->title)) : 0;
    if (!paras)
        rc = CHORUS_ENOMEM;
    for (size_t i = 0; !rc && i < n; i++) {
        const chorus__block *b = &a->blocks[i];
        if (verdict[i].reason) {
            /* A repeat of the title (whatever it was taken for: "VIDEO:
             * ..." reads as a caption), a byline or a date line is what a
             * headline alone loses too; the rest is the page's furniture. */
            int r = verdict[i].reason;
            if (r != CHORUS_JUNK_META && r != CHORUS_JUNK_REPEAT && b->hash != title_hash)
                furniture_words += chorus__count_words(b->text, b->len);
            rc = chorus__article_add_removed(a, b->text, b->len);
            continue;
        }
        size_t skip = verdict[i].strip_prefix;
        if (skip) {
            size_t pl = skip;
            const char *p = chorus__trim(b->text, &pl);
            rc = chorus__article_add_removed(a, p, pl);
        }
        size_t len = b->len - skip;
        const char *s = chorus__trim(b->text + skip, &len);
        if (rc || !len)
            continue;
        if (text->len)
            rc = chorus__buf_append(text, "\n\n", 2);
        paras[para_count].start = (uint32_t)text->len;
        paras[para_count].len = (uint32_t)len;
        paras[para_count].heading = verdict[i].heading;
        para_count++;
        if (!rc)
            rc = chorus__buf_append(text, s, len);
    }
    free(jb);
    free(verdict);
    if (!rc) {
        a->text = chorus__article_strdup(a, text->data ? text->data : "", text->len);
        a->text_len = text->len;
        if (!a->text)
            rc = CHORUS_ENOMEM;
    }
    if (!rc && an->text_only) {
        free(paras);
        a->words = chorus__count_words(a->text, a->text_len);
        return 0;
    }

    /* Sentences and their tokens. */
    an->token_count = an->sentence_count = an->word_hash_count = 0;
    int lead_seen = 0;
    for (size_t p = 0; !rc && p < para_count; p++) {
        const char *ps = a->text + paras[p].start;
        an->span_count = 0;
        if (paras[p].heading) {
            chorus__span sp = {paras[p].start, paras[p].len};
            rc = CHORUS_PUSH(an->spans, an->span_count, an->span_cap, sp) ? CHORUS_ENOMEM : 0;
        } else {
            rc = chorus__split_sentences(ps, paras[p].len, paras[p].start, lang, &an->spans,
                                         &an->span_count, &an->span_cap);
        }
        int lead = !paras[p].heading && !lead_seen;
        if (lead)
            lead_seen = 1;
        for (size_t k = 0; !rc && k < an->span_count; k++) {
            chorus__sentence st = {0};
            st.start = an->spans[k].start;
            st.len = an->spans[k].len;
            st.paragraph = (uint32_t)p;
            st.tok_start = (uint32_t)an->token_count;
            if (paras[p].heading)
                st.flags |= CHORUS_SENT_HEADING;
            if (lead)
                st.flags |= CHORUS_SENT_LEAD;
            if (has_double_quote(a->text + st.start, st.len))
                st.flags |= CHORUS_SENT_QUOTE;
            rc = add_tokens(an, lang, a->text + st.start, st.len, st.start, 1);
            st.tok_count = (uint32_t)(an->token_count - st.tok_start);
            if (!rc && CHORUS_PUSH(an->sentences, an->sentence_count, an->sentence_cap, st))
                rc = CHORUS_ENOMEM;
        }
    }
    free(paras);
    if (rc)
        return rc;
    /* Chinese and Japanese characters count two to a word, as
     * chorus__count_words() counts them. */
    size_t cjk = 0;
    for (size_t k = 0; k < an->token_count; k++)
        cjk += (an->tokens[k].flags & CHORUS_TOK_CJK) != 0;
    a->words = an->token_count - cjk + (cjk + 1) / 2;
    a->title_token_start = an->token_count;
    if (a->title && (rc = add_tokens(an, lang, a->title, strlen(a->title), 0, 0)))
        return rc;
    a->title_token_count = an->token_count - a->title_token_start;

    a->sentence_count = an->sentence_count;
    a->token_count = an->token_count;
    a->sentences = chorus__arena_alloc(&a->mem, (an->sentence_count + 1) * sizeof *a->sentences);
    a->tokens = chorus__arena_alloc(&a->mem, (an->token_count + 1) * sizeof *a->tokens);
    if (!a->sentences || !a->tokens)
        return CHORUS_ENOMEM;
    /* A headline alone has no sentence; a fresh analyzer has no array then. */
    if (an->sentence_count)
        memcpy(a->sentences, an->sentences, an->sentence_count * sizeof *a->sentences);
    if (an->token_count)
        memcpy(a->tokens, an->tokens, an->token_count * sizeof *a->tokens);

    a->non_article = (uint8_t)chorus__notice_judge(an->notice, a, a->words, furniture_words);

    /* The matching form's hash finds exact copies; the signature, near ones. */
    a->content_hash = XXH3_64bits(an->word_hashes, an->word_hash_count * sizeof *an->word_hashes);
    uint32_t sig[CHORUS_MINHASH_SIZE];
    if (chorus__minhash(an->word_hashes, an->word_hash_count, sig)) {
        a->minhash = chorus__arena_alloc(&a->mem, sizeof sig);
        if (!a->minhash)
            return CHORUS_ENOMEM;
        memcpy(a->minhash, sig, sizeof sig);
    }
    return 0;
}
