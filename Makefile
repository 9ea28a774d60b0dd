# Makefile - builds libchorus, the chorus command, its tests and benchmarks.
#
#   make               library and command, in build/
#   make check         unit and command-line tests, built with AddressSanitizer and UBSan
#                      in build-san/ (SAN=0: a plain build in build/)
#   make bench         benchmarks (needs ../shared/data for the development data sets)
#   make install       PREFIX=/usr/local: library, header, chorus.pc and command
#   make demo          install missing Debian packages, build, and brief examples/
#   make checksymbols  fail if the library exports a name without the chorus_ prefix
#   make valgrind      the unit tests under valgrind's leak checker
#   make golden        rewrite the golden command-line outputs in tests/golden/
#   make fuzz          fuzz the HTML and WARC readers with libFuzzer (clang) for FUZZ_SECONDS
#                      (default 600); make check runs the same target for 10 seconds first

CC ?= cc
PREFIX ?= /usr/local
PKGS = libutf8proc libpcre2-8 libxxhash jansson libexttextcat libxml-2.0 zlib

# The tests build with AddressSanitizer and UBSan unless SAN=0 is given.
ifneq ($(filter check golden,$(MAKECMDGOALS)),)
SAN ?= 1
endif

ifeq ($(SAN),1)
BUILD ?= build-san
OPT ?= -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SANFLAGS = -fsanitize=address,undefined
else
BUILD ?= build
OPT ?= -O2 -g
SANFLAGS =
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread
TEXTCAT_DIR := $(shell pkg-config --variable=pkgdatadir libexttextcat 2>/dev/null)

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS_ALL = -std=c11 -pthread $(WARN) $(OPT) -fPIC -fvisibility=hidden -Iinclude $(PKG_CFLAGS) \
             -DCHORUS_TEXTCAT_DIR='"$(TEXTCAT_DIR)/"' $(CFLAGS)
LDFLAGS_ALL = $(SANFLAGS) $(LDFLAGS)

LIB_SRC = $(wildcard src/*.c)
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC = $(wildcard tests/*.c)
TEST_OBJ = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
BENCH_SRC = $(wildcard bench/*.c)
BENCH_BIN = $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
# Code the benchmarks share (the ROUGE scorer); the tests check it too.
BENCH_LIB_SRC = $(wildcard bench/lib/*.c)
BENCH_LIB_OBJ = $(BENCH_LIB_SRC:bench/lib/%.c=$(BUILD)/bench/lib/%.o)

.PHONY: all check bench install uninstall demo deps checksymbols valgrind golden clean fuzz fuzz-short
.SUFFIXES:

all: $(BUILD)/libchorus.a $(BUILD)/libchorus.so $(BUILD)/chorus

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) include/chorus.h | $(BUILD)/obj
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libchorus.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libchorus.so: $(LIB_OBJ)
	$(CC) -shared -o $@ $^ $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/chorus: cli/main.c include/chorus.h $(BUILD)/libchorus.a
	$(CC) $(CFLAGS_ALL) cli/main.c -o $@ $(BUILD)/libchorus.a $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/tests/%.o: tests/%.c tests/runner.h $(wildcard src/*.h) $(wildcard bench/lib/*.h) include/chorus.h | $(BUILD)/tests
	$(CC) $(CFLAGS_ALL) -Isrc -Itests -Ibench/lib -c $< -o $@

$(BUILD)/run-tests: $(TEST_OBJ) $(BENCH_LIB_OBJ) $(BUILD)/libchorus.a
	$(CC) -o $@ $(TEST_OBJ) $(BENCH_LIB_OBJ) $(BUILD)/libchorus.a $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/bench/lib/%.o: bench/lib/%.c $(wildcard bench/lib/*.h) | $(BUILD)/bench/lib
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/bench/%: bench/%.c $(BENCH_LIB_OBJ) $(BUILD)/libchorus.a | $(BUILD)/bench
	$(CC) $(CFLAGS_ALL) -Isrc -Ibench/lib $< -o $@ $(BENCH_LIB_OBJ) $(BUILD)/libchorus.a $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/obj $(BUILD)/tests $(BUILD)/bench $(BUILD)/bench/lib:
	mkdir -p $@

# The README's test command: a short fuzzing run, then the runner, which
# prints "N passed, N failed" last.
check: $(BUILD)/run-tests $(BUILD)/chorus fuzz-short
	$(BUILD)/run-tests --chorus $(BUILD)/chorus

# libFuzzer needs clang and its runtime (Debian: clang, libclang-rt-14-dev).
# The targets are built from the library's sources with the fuzzer, ASan and
# UBSan: fuzz_web reads each input as an HTML page and a WARC archive,
# fuzz_pipeline as a text or JSON Lines file that it then analyses and
# reports. `make fuzz` runs each for FUZZ_SECONDS; the inputs they find go
# to build-fuzz/corpus and build-fuzz/corpus-pipeline (not tracked), which
# later runs start from. `make check`'s short run starts afresh from the
# seeds: libFuzzer runs every input of its corpus before its time limit
# counts, and a grown corpus would hold the tests up for minutes.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_DIR = build-fuzz
FUZZ_FLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
             -Iinclude -Isrc $(PKG_CFLAGS) -DCHORUS_TEXTCAT_DIR='"$(TEXTCAT_DIR)/"'
# Each input costs fuzz_pipeline a corpus (language models, lexicon): it
# starts from the small test corpora rather than from every test file.
SPACE := $(subst ,, )
COMMA := ,
PIPELINE_SEEDS = $(subst $(SPACE),$(COMMA),$(wildcard tests/data/*.jsonl))
FUZZ_RUN = -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=4096 -artifact_prefix=$(FUZZ_DIR)/

FUZZ_CORPUS = $(FUZZ_DIR)/corpus

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRC) $(wildcard src/*.h) include/chorus.h
	mkdir -p $(FUZZ_DIR)
	$(FUZZ_CC) $(FUZZ_FLAGS) $< $(LIB_SRC) -o $@ $(PKG_LIBS)

fuzz: $(FUZZ_DIR)/fuzz_web $(FUZZ_DIR)/fuzz_pipeline
	mkdir -p $(FUZZ_CORPUS) $(FUZZ_CORPUS)-pipeline
	$(FUZZ_DIR)/fuzz_web $(FUZZ_RUN) $(FUZZ_CORPUS) tests/fuzz/seeds tests/data/html
	$(FUZZ_DIR)/fuzz_pipeline $(FUZZ_RUN) -seed_inputs=$(PIPELINE_SEEDS) $(FUZZ_CORPUS)-pipeline tests/data/copies

fuzz-short:
	@if command -v $(FUZZ_CC) >/dev/null 2>&1; then \
	    mkdir -p $(FUZZ_DIR) && rm -rf $(FUZZ_DIR)/short $(FUZZ_DIR)/short-pipeline && \
	    $(MAKE) --no-print-directory SAN=0 fuzz FUZZ_SECONDS=10 FUZZ_CORPUS=$(FUZZ_DIR)/short \
	        2>$(FUZZ_DIR)/fuzz.log && \
	    echo "fuzz: 10 seconds on the HTML and WARC readers and 10 on the whole pipeline, no failure" || \
	    { tail -40 $(FUZZ_DIR)/fuzz.log; echo "fuzz: failed (log in $(FUZZ_DIR)/fuzz.log)"; exit 1; }; \
	else echo "fuzz: $(FUZZ_CC) not found; skipped (scripts/install-deps.sh --ci installs it)"; fi

bench: $(BUILD)/chorus $(BENCH_BIN)
	scripts/install-deps.sh --bench
	BUILD=$(BUILD) bench/run.sh

# PCRE2's JIT code confuses valgrind (CHORUS_NO_JIT); forked tests are followed.
valgrind: $(BUILD)/run-tests $(BUILD)/chorus
	CHORUS_NO_JIT=1 valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
	    $(BUILD)/run-tests --chorus $(BUILD)/chorus --unit-only

checksymbols: $(BUILD)/libchorus.a $(BUILD)/libchorus.so
	@bad=$$(nm -g --defined-only $(BUILD)/libchorus.a | awk 'NF==3 {print $$3}' | grep -v '^chorus_' || true); \
	if [ -n "$$bad" ]; then echo "unprefixed symbols in libchorus.a:"; echo "$$bad"; exit 1; fi
	@bad=$$(nm -D --defined-only $(BUILD)/libchorus.so | awk 'NF==3 {print $$3}' | \
	    grep -Ev '^chorus_[a-z]|^(_init|_fini|_edata|_end|__bss_start)$$' || true); \
	if [ -n "$$bad" ]; then echo "symbols exported by libchorus.so outside the API:"; echo "$$bad"; exit 1; fi
	@echo "checksymbols: ok"

$(BUILD)/chorus.pc: chorus.pc.in Makefile | $(BUILD)/obj
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/^#define CHORUS_VERSION_STRING "\(.*\)"/\1/p' include/chorus.h)|' \
	    -e 's|@REQUIRES@|$(PKGS)|' chorus.pc.in > $@

install: all $(BUILD)/chorus.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(BUILD)/chorus $(DESTDIR)$(PREFIX)/bin/chorus
	install -m 644 $(BUILD)/libchorus.a $(DESTDIR)$(PREFIX)/lib/libchorus.a
	install -m 755 $(BUILD)/libchorus.so $(DESTDIR)$(PREFIX)/lib/libchorus.so
	install -m 644 include/chorus.h $(DESTDIR)$(PREFIX)/include/chorus.h
	install -m 644 $(BUILD)/chorus.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/chorus.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/chorus $(DESTDIR)$(PREFIX)/lib/libchorus.a \
	      $(DESTDIR)$(PREFIX)/lib/libchorus.so $(DESTDIR)$(PREFIX)/include/chorus.h \
	      $(DESTDIR)$(PREFIX)/lib/pkgconfig/chorus.pc

deps:
	scripts/install-deps.sh

# The README's first command, scripts/demo.sh, as a make target.
demo:
	scripts/demo.sh

clean:
	rm -rf build build-san $(FUZZ_DIR)

# Rewrite the golden command-line outputs after a deliberate change; review with git diff.
golden: $(BUILD)/run-tests $(BUILD)/chorus
	$(BUILD)/run-tests --chorus $(BUILD)/chorus --update-golden --filter cli/
