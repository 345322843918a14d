# cablewire: build, test, sanitizers, fuzzing, corpus checks, benchmarks.
#
#   make demo           build, then convert the bundled testdata/ cables to JSON Lines and show them
#   make check          build and run every test
#   make schema         regenerate schema/*.rng from schema/*.rnc (trang)
#   make docs           regenerate docs/fields.md from the record catalogue
#   make asan           the tests again under AddressSanitizer + UndefinedBehaviorSanitizer
#   make tsan           the batch tests (convert --jobs) under ThreadSanitizer
#   make fuzz           libFuzzer targets, seeded from testdata/ (FUZZ_SECONDS each)
#   make corpus-check   accuracy tables against ../shared/corpus (skipped when absent)
#   make bench          speed and memory on the corpus and on generated input
#   make bench-profile  instructions per input byte per stage (callgrind), fixed inputs and corpus
#   make bench-check    fails when those instructions grew by more than 5 % over bench/baseline.txt
#   make install        the command, the libraries, the header, cablewire.pc, the man pages,
#                       the Python package and cablewire-dask (the conversion on a Dask
#                       cluster) under $(DESTDIR)$(PREFIX); make uninstall removes them
#
# Every target first checks the build dependencies (scripts/deps.sh): as root it installs what is
# missing with apt-get, otherwise it prints the install command and stops.

# Every core by default, so `make demo` and `make check` use them; a -j on the command line
# still decides.
NPROC := $(shell nproc 2>/dev/null || echo 1)
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(NPROC)
endif

CC        ?= cc
BUILD     ?= build
OPT       ?= -O2 -g
STRICT    := -std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes
SANITIZE  ?=
# Includes are written from the top of the tree ("lexer/core/arena.h"), so every include says
# which room it comes from; tests/includes.sh checks that they run one way (README, "Layout").
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -I. -Iinclude -I$(GEN)
CFLAGS    ?=
# Position-independent (the objects also make the shared library) and hidden by default: the
# public header marks its declarations visible, so the libraries export the cw_ API only.
LIB_CFLAGS := -fPIC -fvisibility=hidden
ALL_CFLAGS = $(STRICT) $(OPT) $(SANITIZE) $(LIB_CFLAGS) $(CFLAGS)
# pkg-config is asked once, when a recipe first needs its answer: by then the deps step has
# installed the packages. Asked while the Makefile is read (:=), a fresh machine's first `make`
# compiled without libxml2's include path. $(call pkg_config,VAR,arguments,fallback)
pkg_config = $(eval $1 := $$(shell pkg-config $2 2>/dev/null || echo $3))$($1)
# SQLite: only the archive store (emitters/archive/) includes it; a program that never opens an
# archive does not pull that object out of the static library.
SQLITE_CFLAGS  = $(call pkg_config,SQLITE_CFLAGS,--cflags sqlite3)
SQLITE_LIBS    = $(call pkg_config,SQLITE_LIBS,--libs sqlite3,-lsqlite3)
LDLIBS    += $(SQLITE_LIBS) -lpthread
# libarchive (the CLI reads tar, zip, 7z, ... and compressed inputs in place).
ARCHIVE_CFLAGS  = $(call pkg_config,ARCHIVE_CFLAGS,--cflags libarchive)
ARCHIVE_LIBS    = $(call pkg_config,ARCHIVE_LIBS,--libs libarchive,-larchive)
CPPFLAGS  += $(ARCHIVE_CFLAGS)
LDLIBS    += $(ARCHIVE_LIBS)
# libxml2 and jansson: the agencies' markup read as input (NITF, NewsML-G2, NewsML 1.2 with
# libxml2; ninjs with jansson), only by parser/input/markup_*.c.
MARKUP_CFLAGS  = $(call pkg_config,MARKUP_CFLAGS,--cflags libxml-2.0 jansson)
MARKUP_LIBS    = $(call pkg_config,MARKUP_LIBS,--libs libxml-2.0 jansson,-lxml2 -ljansson)
LDLIBS    += $(MARKUP_LIBS)
# zlib: the gzip members of web archives (parser/input/warc.c), and their pages' gzip and deflate
# content encodings.
ZLIB_CFLAGS  = $(call pkg_config,ZLIB_CFLAGS,--cflags zlib)
ZLIB_LIBS    = $(call pkg_config,ZLIB_LIBS,--libs zlib,-lz)
CPPFLAGS  += $(ZLIB_CFLAGS)
LDLIBS    += $(ZLIB_LIBS)
# libbrotlidec and libzstd: the br and zstd content encodings of web archives' pages
# (parser/input/content_coding.c), as browser-based crawlers store them.
CODING_CFLAGS  = $(call pkg_config,CODING_CFLAGS,--cflags libbrotlidec libzstd)
CODING_LIBS    = $(call pkg_config,CODING_LIBS,--libs libbrotlidec libzstd,-lbrotlidec -lzstd)
CPPFLAGS  += $(CODING_CFLAGS)
LDLIBS    += $(CODING_LIBS)

RE2C       := re2c
RE2CFLAGS  := -W -Werror -I .
BISON      := bison
BISONFLAGS := -Wall -Werror -Wcounterexamples

GEN  := $(BUILD)/gen
OBJ  := $(BUILD)/obj

# Debian packages the build and the tests need beyond scripts/deps.sh's own list
# (python3-jsonschema: tests/schema.sh validates every emitted record against schema/;
# sqlite3: the tests query the archives; libarchive-tools: bsdtar makes the zip and 7z archives
# tests/batch.sh reads).
# scdoc turns docs/man/*.scd into man pages and mandoc lints them; python3-pytest runs the Python
# package's tests; sqlite-utils checks that archives are found as its users expect (FTS tables).
# python3-dask and python3-distributed run cablewire.distributed (the conversion on a Dask
# cluster) and its tests; Debian installs them for /usr/bin/python3. zstd: tests/warc.sh sends
# pages zstd-encoded in a WARC.
DEPS_PACKAGES := libjansson-dev jq libxml2-utils python3-jsonschema sqlite3 libarchive-tools \
                 scdoc mandoc man-db python3-pytest sqlite-utils python3-dask python3-distributed \
                 zstd
DEPS_STAMP    := build/.deps-ok

# Sources by room: lexer/, grammar/ and parser/ hold one folder per stage of the work (core,
# input, cable, article); generated C mirrors them under $(GEN) (build/gen/lexer/cable/body.c).
LEXER_INCLUDES := lexer/core/common.re lexer/input/content.re
LEXERS   := $(filter-out $(LEXER_INCLUDES),$(wildcard lexer/*/*.re))
LEXERS_C := $(patsubst %.re,$(GEN)/%.c,$(LEXERS))
GRAMMARS := $(wildcard grammar/*/*.y)
GRAM_C   := $(patsubst %.y,$(GEN)/%.tab.c,$(GRAMMARS))
GRAM_H   := $(patsubst %.y,$(GEN)/%.tab.h,$(GRAMMARS))

LIB_SRCS := $(wildcard parser/*.c parser/*/*.c lexer/*/*.c emitters/*.c emitters/*/*.c)
LIB_OBJS := $(patsubst %.c,$(OBJ)/%.o,$(LIB_SRCS)) \
            $(patsubst $(GEN)/%.c,$(OBJ)/gen/%.o,$(LEXERS_C) $(GRAM_C))
LIB      := $(BUILD)/libcablewire.a

CLI_SRCS := $(wildcard cli/*.c)
CLI_OBJS := $(patsubst %.c,$(OBJ)/%.o,$(CLI_SRCS))
CLI      := $(BUILD)/cablewire

TEST_SRCS := $(wildcard tests/check_*.c)
TEST_OBJS := $(patsubst %.c,$(OBJ)/%.o,$(TEST_SRCS))
TEST_BIN  := $(BUILD)/check_cablewire
# The tests also compress with Brotli's encoder (bodies for the web archive reader's br decoding).
CHECK_CFLAGS = $(shell pkg-config --cflags check jansson libbrotlienc 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check jansson libbrotlienc 2>/dev/null)

.PHONY: all deps demo check test docs schema asan tsan fuzz fuzz-deps fuzz-build corpus-check bench bench-profile bench-check clean \
	install uninstall man libs
.DEFAULT_GOAL := all
# Generated C is kept between runs (not deleted as an intermediate file).
.SECONDARY:

all: $(CLI) libs man

deps: $(DEPS_STAMP)
# The Makefile too: a package added to DEPS_PACKAGES is checked in a build tree made before.
$(DEPS_STAMP): scripts/deps.sh Makefile
	@scripts/deps.sh $(DEPS_PACKAGES)
	@mkdir -p $(dir $@) && touch $@

# ---- generated code ------------------------------------------------------------------------
$(GEN)/lexer/%.c: lexer/%.re $(LEXER_INCLUDES) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(RE2C) $(RE2CFLAGS) -o $@ $<

$(GEN)/grammar/%.tab.c $(GEN)/grammar/%.tab.h: grammar/%.y | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(BISON) $(BISONFLAGS) --header=$(GEN)/grammar/$*.tab.h -o $(GEN)/grammar/$*.tab.c $<

# ---- objects -------------------------------------------------------------------------------
# The compiler flags an object was built with: when they change (a new -f option), every object
# is built again rather than mixed with old ones (non-PIC objects cannot make the shared library).
FLAGS_STAMP := $(BUILD)/.cflags
$(FLAGS_STAMP): FORCE | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo '$(CC) $(CPPFLAGS) $(ALL_CFLAGS)' | cmp -s - $@ 2>/dev/null || \
		echo '$(CC) $(CPPFLAGS) $(ALL_CFLAGS)' >$@
.PHONY: FORCE
FORCE:

$(OBJ)/%.o: %.c $(FLAGS_STAMP) | $(GRAM_H) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(OBJ)/gen/%.o: $(GEN)/%.c $(FLAGS_STAMP) | $(GRAM_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The archive store is the one room that sees SQLite's header.
$(OBJ)/emitters/archive/%.o: CPPFLAGS += $(SQLITE_CFLAGS)
$(OBJ)/parser/input/markup%.o: CPPFLAGS += $(MARKUP_CFLAGS)
$(OBJ)/parser/input/html%.o: CPPFLAGS += $(MARKUP_CFLAGS)
# check_html.c tests html_page.h's pieces, whose header names libxml2's tree
$(OBJ)/tests/check_html.o: CPPFLAGS += $(MARKUP_CFLAGS)
$(OBJ)/tests/check_html_raw.o: CPPFLAGS += $(MARKUP_CFLAGS)

$(OBJ)/tests/%.o: tests/%.c $(FLAGS_STAMP) | $(GRAM_H) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

# ---- the libraries users link -----------------------------------------------------------------
# $(LIB) above is the build's own archive (the command and the tests link it, the tests reach
# inside it). What is installed: a shared library with a SONAME, exporting the cw_ API only, and
# a static one made of one relocatable object whose hidden symbols are made local, so that
# neither puts record_new or utf8_next into a user's program (tests/symbols.sh checks both).
VERSION     := $(shell sed -n 's/^\#define CW_VERSION "\(.*\)"/\1/p' include/cablewire.h)
SOMAJOR     := $(firstword $(subst ., ,$(VERSION)))
SONAME      := libcablewire.so.$(SOMAJOR)
SHLIB       := $(BUILD)/libcablewire.so.$(VERSION)
DIST_LIB    := $(BUILD)/dist/libcablewire.a
PC_FILE     := $(BUILD)/cablewire.pc

libs: $(SHLIB) $(BUILD)/$(SONAME) $(DIST_LIB) $(PC_FILE)

$(SHLIB): $(LIB_OBJS)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined -o $@ $(LIB_OBJS) $(LDLIBS)

$(BUILD)/$(SONAME): $(SHLIB)
	ln -sf $(notdir $<) $@
	ln -sf $(notdir $<) $(BUILD)/libcablewire.so

$(DIST_LIB): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	ld -r -o $(BUILD)/dist/cablewire.o $(LIB_OBJS)
	@# ld -r gives a symbol the visibility of its references too (default, as declarations
	@# are), so the hidden ones are named from the objects that define them.
	readelf -sW $(LIB_OBJS) | awk '$$5 == "GLOBAL" && $$6 == "HIDDEN" && $$7 != "UND" { print $$8 }' | \
		sort -u >$(BUILD)/dist/hidden.list
	objcopy --localize-hidden --localize-symbols=$(BUILD)/dist/hidden.list $(BUILD)/dist/cablewire.o
	@rm -f $@
	ar rcs $@ $(BUILD)/dist/cablewire.o

# ---- installing ----------------------------------------------------------------------------
PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
MANDIR       ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
# The Python package is installed for Debian's interpreter, /usr/bin/python3 (not whichever
# python3 comes first on PATH): under /usr in its dist-packages, elsewhere in the
# prefix's lib/python3.X/dist-packages, which Debian's python3 searches for /usr/local.
PYTHON       ?= /usr/bin/python3
PYTHON_XY    := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
ifeq ($(PREFIX),/usr)
PYTHONDIR    ?= $(PREFIX)/lib/python3/dist-packages
else
PYTHONDIR    ?= $(PREFIX)/lib/python$(PYTHON_XY)/dist-packages
endif

# cablewire.pc names the directories it is installed for: written again by make install, with
# the PREFIX and LIBDIR given there.
PC_LINES = 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	'Name: cablewire' \
	'Description: diplomatic cables and news articles into structured records' \
	'Version: $(VERSION)' \
	'Cflags: -I$${includedir}' \
	'Libs: -L$${libdir} -lcablewire' \
	'Libs.private: -lpthread' \
	'Requires.private: sqlite3 libarchive libxml-2.0 jansson zlib libbrotlidec libzstd'

$(PC_FILE): Makefile include/cablewire.h
	@mkdir -p $(dir $@)
	@printf '%s\n' $(PC_LINES) >$@

# The man pages: written in scdoc (docs/man/*.scd), turned into troff here.
MAN_SRCS  := $(wildcard docs/man/*.scd)
MAN_PAGES := $(patsubst docs/man/%.scd,$(BUILD)/man/%,$(MAN_SRCS))

man: $(MAN_PAGES)

$(BUILD)/man/%: docs/man/%.scd | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	scdoc <$< >$@

PY_SRCS := $(wildcard python/cablewire/*.py)

install: $(CLI) libs man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(PYTHONDIR)/cablewire
	install -m 755 $(CLI) $(DESTDIR)$(BINDIR)/cablewire
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcablewire.so
	install -m 644 $(DIST_LIB) $(DESTDIR)$(LIBDIR)/libcablewire.a
	install -m 644 include/cablewire.h $(DESTDIR)$(INCLUDEDIR)/cablewire.h
	printf '%s\n' $(PC_LINES) >$(DESTDIR)$(PKGCONFIGDIR)/cablewire.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/cablewire.pc
	install -m 644 $(filter %.1,$(MAN_PAGES)) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(filter %.3,$(MAN_PAGES)) $(DESTDIR)$(MANDIR)/man3/
	install -m 644 $(PY_SRCS) $(DESTDIR)$(PYTHONDIR)/cablewire/
	printf 'LIBRARY = %s\n' '$(LIBDIR)/$(SONAME)' >$(DESTDIR)$(PYTHONDIR)/cablewire/_installed.py
	@# cablewire-dask: the conversion on a Dask cluster, run by the interpreter Debian's
	@# python3-dask and python3-distributed are installed for (whatever python3 PATH finds).
	printf '%s\n' '#!$(PYTHON)' '# cablewire on a Dask cluster: python3 -m cablewire.distributed' \
		'import sys' "sys.path.insert(0, '$(PYTHONDIR)')" \
		'from cablewire.distributed import main' \
		'if __name__ == "__main__":  # Dask starts its workers by importing this file again' \
		'    sys.exit(main())' \
		>$(DESTDIR)$(BINDIR)/cablewire-dask
	chmod 755 $(DESTDIR)$(BINDIR)/cablewire-dask
	@echo "install: the Python package is for $(PYTHON) (Python $(PYTHON_XY)), in $(PYTHONDIR)"

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cablewire $(DESTDIR)$(BINDIR)/cablewire-dask \
		$(DESTDIR)$(LIBDIR)/$(notdir $(SHLIB)) \
		$(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libcablewire.so \
		$(DESTDIR)$(LIBDIR)/libcablewire.a $(DESTDIR)$(INCLUDEDIR)/cablewire.h \
		$(DESTDIR)$(PKGCONFIGDIR)/cablewire.pc \
		$(patsubst $(BUILD)/man/%,$(DESTDIR)$(MANDIR)/man1/%,$(filter %.1,$(MAN_PAGES))) \
		$(patsubst $(BUILD)/man/%,$(DESTDIR)$(MANDIR)/man3/%,$(filter %.3,$(MAN_PAGES)))
	rm -rf $(DESTDIR)$(PYTHONDIR)/cablewire

$(CLI): $(CLI_OBJS) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJS) $(LIB) $(LDLIBS)

$(TEST_BIN): $(TEST_OBJS) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $(TEST_OBJS) $(LIB) $(CHECK_LIBS) $(LDLIBS)

-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)

# ---- the record catalogue -----------------------------------------------------------------
# build/catalogue prints the catalogue (parser/core/catalogue.def) and its views: docs/fields.md is
# made from it (make docs), and tests/catalogue.sh holds the schemas, the CSV headers and the
# archive's tables against it.
CATALOGUE := $(BUILD)/catalogue

$(CATALOGUE): tests/catalogue/catalogue.c $(LIB)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# A program that never opens an archive links without SQLite.
LINK_TEST := $(BUILD)/parse_without_sqlite

$(LINK_TEST): tests/link/parse_without_sqlite.c $(LIB)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(MARKUP_LIBS) $(ZLIB_LIBS) $(CODING_LIBS) -lpthread

docs: $(CATALOGUE)
	$(CATALOGUE) --markdown >docs/fields.md

# ---- the two Quick start commands ----------------------------------------------------------
DEMO_INPUTS := $(sort $(wildcard testdata/cables/valid/*/input.*))
DEMO_ARTICLES = $(sort $(wildcard testdata/articles/valid/*/input.*))

demo: $(CLI)
	@echo "== cablewire convert testdata/cables/valid/*/input.* -o $(BUILD)/demo.jsonl"
	@$(CLI) convert $(DEMO_INPUTS) -o $(BUILD)/demo.jsonl
	@echo "== the first record, pretty-printed (jq)"
	@head -n 1 $(BUILD)/demo.jsonl | jq .
	@echo "== one line per record: id, DTG, originator, classification"
	@jq -r '[.id, .routing.dtg, .routing.from.address, .classification.level] | @tsv' $(BUILD)/demo.jsonl
	@echo "== cablewire convert testdata/articles/valid/*/input.* -o $(BUILD)/demo-articles.jsonl"
	@$(CLI) convert $(DEMO_ARTICLES) -o $(BUILD)/demo-articles.jsonl
	@echo "== one line per story: form, headline, dateline location, agencies"
	@jq -r '[.source.format, .headline, .dateline.location, (.agencies | join(","))] | @tsv' \
		$(BUILD)/demo-articles.jsonl

check: $(CLI) $(TEST_BIN) $(CATALOGUE) $(LINK_TEST) libs man
	@tests/includes.sh
	@tests/includes.sh --self-test
	@tests/generated_size.sh $(LEXERS_C) $(GRAM_C) $(GRAM_H)
	@tests/html_raw_attributes.sh
	@if tests/html_raw_attributes.sh --plant 2>/dev/null; then \
		echo "html_raw_attributes: a planted data-* attribute was not caught"; exit 1; fi
	@tests/catalogue.sh $(CATALOGUE) $(CLI)
	@tests/diagnostics.sh
	@$(LINK_TEST)
	CABLEWIRE=$(CLI) CK_ENV=1 $(TEST_BIN)
	@tests/cli.sh $(CLI)
	@tests/xml.sh $(CLI)
	@tests/schema.sh $(CLI)
	@tests/nitf_ninjs.sh $(CLI)
	@tests/newsml_g2.sh $(CLI)
	@tests/markup_samples.sh $(CLI)
	@tests/roundtrip.sh $(CLI) 100 testdata testdata/*/*/*/input.*
	@tests/batch.sh $(CLI)
	@tests/conventions.sh $(CLI)
	@tests/archive_tools.sh $(CLI)
	@tests/warc.sh $(CLI) $(SHARED)
	@tests/install.sh
	@tests/readme.sh $(CLI)
	@tests/bench_tools.sh $(GEN_CSV)
	@/usr/bin/python3 tests/corpus/naeb_score.py --self-test
	@# The Python package, with Debian's interpreter (not whichever python3 is first on PATH).
	PYTHONPATH=python CABLEWIRE=$(CLI) CABLEWIRE_SHARED=$(SHARED) CABLEWIRE_GEN_CSV=$(GEN_CSV) \
		/usr/bin/python3 -m pytest -q -p no:cacheprovider python/tests
	@tests/faults.sh $(CLI)

test: check

# schema/records.rng (what xmllint validates with) is generated from the compact source
# schema/records.rnc with trang, checked only here; tests/xml.sh compares the two when trang is
# installed.
schema:
	@scripts/deps.sh trang
	trang -I rnc -O rng schema/records.rnc schema/records.rng
	trang -I rnc -O rng schema/nitf-subset.rnc schema/nitf-subset.rng
	trang -I rnc -O rng schema/newsml-g2-subset.rnc schema/newsml-g2-subset.rng

# ---- sanitizers ----------------------------------------------------------------------------
asan: | $(DEPS_STAMP)
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
		SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all" \
		build/asan/cablewire build/asan/check_cablewire
	CK_FORK=no CABLEWIRE=build/asan/cablewire ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=print_stacktrace=1 build/asan/check_cablewire
	@tests/cli.sh build/asan/cablewire
	@tests/xml.sh build/asan/cablewire
	@tests/batch.sh build/asan/cablewire
	@tests/conventions.sh build/asan/cablewire
	@tests/archive_tools.sh build/asan/cablewire
	@WARC_NO_MEMORY=1 WARC_CORPUS_PAGES=100 tests/warc.sh build/asan/cablewire $(SHARED)
	@FAULTS_NO_MEMORY=1 tests/faults.sh build/asan/cablewire

# ThreadSanitizer: convert --jobs runs the parse on worker threads (cli/pipeline.c); the batch
# tests convert with 1 to 8 jobs under it.
tsan: | $(DEPS_STAMP)
	$(MAKE) BUILD=build/tsan OPT="-O1 -g" SANITIZE="-fsanitize=thread" build/tsan/cablewire
	TSAN_OPTIONS="halt_on_error=1" tests/batch.sh build/tsan/cablewire
	TSAN_OPTIONS="halt_on_error=1" WARC_NO_MEMORY=1 WARC_CORPUS_PAGES=100 \
		tests/warc.sh build/tsan/cablewire $(SHARED)

# ---- fuzzing -------------------------------------------------------------------------------
FUZZ_SECONDS ?= 60
# Per input: generous, so a loaded machine is not taken for a hang.
FUZZ_TIMEOUT ?= 60
# Memory actually used is held to 2 GB; one allocation may be larger: libarchive reserves what a
# damaged header claims (a cpio name of 4 GiB, tests/fuzz/regressions/cpio-name-size-4gib) and
# touches none of it (the command line stays at 6 MB on that input).
FUZZ_LIMITS  ?= -rss_limit_mb=2048 -malloc_limit_mb=8192
FUZZ_CC      ?= clang
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
# The library is instrumented once (fuzzer-no-link) and linked into every target.
FUZZ_OBJS    := $(patsubst %.c,$(BUILD)/fuzz/obj/%.o,$(LIB_SRCS) $(LEXERS_C) $(GRAM_C))

$(BUILD)/fuzz/obj/%.o: %.c $(GRAM_H)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(MARKUP_CFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) -MMD -MP -c -o $@ $<
# Header dependencies of the fuzz objects too: a changed header (sink.h) rebuilds them.
-include $(shell find $(BUILD)/fuzz/obj -name '*.d' 2>/dev/null)

# The targets check what comes out: JSON with jansson, XML with libxml2.
FUZZ_CHECK_CFLAGS = $(shell pkg-config --cflags jansson libxml-2.0 2>/dev/null)
FUZZ_CHECK_LIBS   = $(shell pkg-config --libs jansson libxml-2.0 2>/dev/null)

# A target's own headers (fuzz_common.h, tests/html_raw_same.h, ...) are found by the compiler
# (-MMD): a changed comparison rebuilds the target that includes it.
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h $(FUZZ_OBJS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CHECK_CFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) \
		-MMD -MP -MF $@.d -MT $@ -o $@ $< $(FUZZ_OBJS) $(FUZZ_CHECK_LIBS) $(LDLIBS)
-include $(wildcard $(BUILD)/fuzz/fuzz_*.d)


# clang's libFuzzer runtime comes with Debian's libclang-rt-dev; checked only when fuzzing.
fuzz-deps:
	@scripts/deps.sh clang libclang-rt-14-dev libxml2-dev libjansson-dev

fuzz-build: fuzz-deps $(FUZZ_TARGETS)

# Seeds: testdata/ for the parsers; for fuzz_archive, archives made of it (tests/fuzz/seeds.sh).
# The reproducers of what fuzzing found (tests/fuzz/regressions/) run first, every time.
fuzz: fuzz-build
	@tests/fuzz/seeds.sh $(BUILD)/fuzz/seeds-archive
	@for t in $(FUZZ_TARGETS); do \
		name=$$(basename $$t); corpus=$(BUILD)/fuzz/corpus-$$name; mkdir -p $$corpus; \
		seeds=testdata/; [ $$name = fuzz_archive ] && seeds=$(BUILD)/fuzz/seeds-archive; \
		[ $$name = fuzz_warc ] && seeds=testdata/warc; \
		echo "== $$name: reproducers in tests/fuzz/regressions/"; \
		$$t $(FUZZ_LIMITS) tests/fuzz/regressions/* >/dev/null 2>&1 || { echo "$$name: a reproducer fails"; exit 1; }; \
		echo "== $$name: $(FUZZ_SECONDS)s, seeds from $$seeds"; \
		$$t -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/$$name.dict -timeout=$(FUZZ_TIMEOUT) \
			$(FUZZ_LIMITS) -print_final_stats=1 $$corpus $$seeds || exit 1; \
	done

# ---- corpus and benchmarks -----------------------------------------------------------------
SHARED ?= ../shared
CORPUS_TOOL := $(BUILD)/corpus_check

$(CORPUS_TOOL): tests/corpus/corpus_check.c tests/corpus/metrics.c tests/corpus/metrics.h $(LIB)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ tests/corpus/corpus_check.c tests/corpus/metrics.c $(LIB) $(LDLIBS)

NEWS_TOOL := $(BUILD)/news_check

$(NEWS_TOOL): tests/corpus/news_check.c tests/corpus/metrics.c tests/corpus/metrics.h $(LIB)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(CHECK_CFLAGS) -o $@ tests/corpus/news_check.c tests/corpus/metrics.c \
		$(LIB) $(CHECK_LIBS) $(LDLIBS)

corpus-check: $(CLI) $(CORPUS_TOOL) $(NEWS_TOOL) $(CATALOGUE)
	@tests/corpus/run.sh $(SHARED) $(CLI) $(CORPUS_TOOL) $(BUILD) $(NEWS_TOOL) $(CATALOGUE)

GEN_CSV := $(BUILD)/gen_cables_csv
# Size of the generated cables.csv (the leak's own is 1.7 GB; BENCH_CSV_BYTES=2147483648 for the
# 2 GB memory target: each run converts it 6 times).
BENCH_CSV_BYTES ?= 268435456

$(GEN_CSV): bench/gen_cables_csv.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(STRICT) -O2 -o $@ $<

# make check tries the benchmark's tools (tests/bench_tools.sh), not the benchmark.
check: $(GEN_CSV)

bench: $(CLI) $(GEN_CSV)
	@bench/run.sh $(SHARED) $(CLI) $(BUILD) $(GEN_CSV) $(BENCH_CSV_BYTES)

# Instructions per input byte, stage by stage (callgrind), on fixed inputs and, when present, on
# ../shared/corpus; bench-check fails when a figure grew by more than 5 % over bench/baseline.txt.
# Neither is part of `make check`: callgrind is slow, and the counts belong to one compiler.
bench-profile: $(CLI) $(GEN_CSV)
	@CORPUS=1 bench/profile.sh $(SHARED) $(CLI) $(BUILD) $(GEN_CSV) $(BUILD)/bench/profile.txt

bench-check: $(CLI) $(GEN_CSV)
	@BASELINE=bench/baseline.txt bench/profile.sh $(SHARED) $(CLI) $(BUILD) $(GEN_CSV) \
		$(BUILD)/bench/check.txt

clean:
	rm -rf build
