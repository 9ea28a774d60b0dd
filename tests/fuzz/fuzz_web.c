/* fuzz_web.c - libFuzzer target for the HTML and WARC readers: every input is read as a page and as an archive.
 *
 * Built with clang's -fsanitize=fuzzer (make fuzz; make check runs it
 * briefly). A crash, a leak or undefined behaviour on any input is a bug. */
#define _DEFAULT_SOURCE /* fmemopen */
#include <stdint.h>
#include <stdio.h>

#include "chorus.h"
#include "corpus.h"
#include "extract_html.h"
#include "html_doc.h"
#include "html_meta.h"
#include "warc.h"

/* A corpus gathers the archives' articles; it is renewed now and then so
 * that memory stays flat over a long run. */
#define INPUTS_PER_CORPUS 500

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static chorus_corpus *corpus;
    static unsigned inputs;
    if (!corpus || ++inputs % INPUTS_PER_CORPUS == 0) {
        chorus_corpus_free(corpus);
        chorus_options o;
        chorus_options_init(&o);
        o.skip_stories = 1;
        if (chorus_corpus_new(&corpus, &o))
            return 0;
    }
    /* As a page: parse, find the article, read the metadata. */
    chorus__html_doc doc;
    if (chorus__html_parse(&doc, (const char *)data, size, NULL) == 0) {
        chorus__html_paras text = {0};
        chorus__html_meta meta;
        if (chorus__html_extract(&doc, NULL, &text) == 0 &&
            chorus__html_meta_read(&doc, text.container, "https://example.org/2024/05/01/page",
                                   corpus->an.junk, &meta) == 0)
            chorus__html_meta_free(&meta);
        chorus__html_paras_free(&text);
        chorus__html_doc_free(&doc);
    }
    /* As an archive, streamed from memory. */
    if (size > 0) {
        FILE *f = fmemopen((void *)data, size, "rb");
        if (f) {
            unsigned char head[512];
            size_t n = fread(head, 1, sizeof head, f);
            chorus__read_warc(corpus, "fuzz.warc", f, head, n);
            fclose(f);
        }
    }
    return 0;
}
