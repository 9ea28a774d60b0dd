/* fuzz_pipeline.c - libFuzzer target for the whole pipeline: every input is read as JSON Lines and as a file of its sniffed kind, analysed, and reported in every format.
 *
 * Built with clang's -fsanitize=fuzzer (make fuzz; make check runs it
 * briefly). Where fuzz_web.c stops at the readers, this goes on through
 * cleaning, deduplication, grouping, facts and summaries, which any text
 * that reaches them must pass without a crash, a leak or undefined
 * behaviour. */
#define _DEFAULT_SOURCE /* fmemopen */
#include <stdint.h>
#include <stdio.h>

#include "chorus.h"
#include "corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* fmemopen() refuses an empty buffer; the readers' handling of empty
     * files is a test of its own. */
    if (size == 0)
        return 0;
    chorus_options o;
    chorus_options_init(&o);
    /* One thread: each worker has an analyser of its own, language models
     * and all, which every input would load again. */
    o.threads = 1;
    chorus_corpus *c;
    if (chorus_corpus_new(&c, &o))
        return 0;
    /* As a file of its sniffed kind, then as JSON Lines: where both read it
     * alike, the second reading's articles copy the first's, and
     * deduplication's path for copies runs too. */
    for (int jsonl = 0; jsonl <= 1; jsonl++) {
        FILE *f = fmemopen((void *)data, size, "rb");
        if (!f)
            break;
        chorus__read_stream(c, jsonl ? "fuzz.jsonl" : "fuzz", f, jsonl);
        fclose(f);
    }
    if (chorus_corpus_analyze(c) == 0) {
        FILE *out = fopen("/dev/null", "w");
        if (out) {
            chorus_write_brief(c, out, CHORUS_FORMAT_MARKDOWN);
            chorus_write_brief(c, out, CHORUS_FORMAT_JSON);
            chorus_write_clusters(c, out, CHORUS_FORMAT_TSV);
            chorus_write_clusters(c, out, CHORUS_FORMAT_JSON);
            chorus_write_articles(c, out, CHORUS_FORMAT_JSON);
            for (size_t s = 0; s < chorus_corpus_story_count(c); s++)
                chorus_write_summary(c, out, s);
            fclose(out);
        }
    }
    chorus_corpus_free(c);
    return 0;
}
