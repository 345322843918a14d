#!/bin/sh
# The include-direction check (make check): includes run one way through the house,
#
#   core  <-  input  <-  cable | article  <-  parse  <-  emitters  <-  archive store  <-  convert  <-  cli
#
#   core     include/, lexer/core/, parser/core/     arena, values, text, record, catalogue, slices
#   input    lexer/input/, parser/input/             detection, decoding, splitting, the reader
#   cable    lexer/cable/, grammar/cable/, parser/cable/      telegrams
#   article  lexer/article/, grammar/article/, parser/article/ news stories
#   parse    parser/*.c                              a unit to a record: the only file that knows both kinds
#   emitters emitters/                               one renderer per format over one sink
#   archive  emitters/archive/                       the SQLite store
#   convert  emitters/convert/                       conversion as a library call: the pipeline,
#                                                    the back ends, output files (cw_convert)
#   cli      cli/                                    the command: the public header only
#
# A file may include headers of its own layer or of the layers before it; cable and article never
# include each other; only the archive store includes <sqlite3.h>, and only the input walk
# (parser/input/sources.c) and the output compressor (emitters/convert/compress.c) <archive.h>; cli/
# includes no header of the library but include/cablewire.h. tests/, bench/ and generated code
# are not checked. Exit 1 with one line per offending include.
#
# The same pass holds the record's one rule of construction: outside the value tree itself
# (parser/core/value.c) and the catalogue's setters (parser/core/fields.c), no code of the library
# builds a record by string key (obj_put, obj_child_*, arr_push, val_object, val_array): fields
# are set by catalogue id (parser/core/catalogue.def), so a misspelt one does not compile.
#
# Usage: tests/includes.sh [ROOT]      check the tree at ROOT (default: .)
#        tests/includes.sh --self-test  plant a backward include in a copy and expect a failure
set -eu

check_tree() (
	cd "$1"
	find include lexer grammar parser emitters cli -type f \
		\( -name '*.c' -o -name '*.h' -o -name '*.re' -o -name '*.y' \) | sort |
	while read -r f; do
		# "path" of #include "..." and /*!include:re2c "..." */, and <sqlite3.h>/<archive.h>
		sed -n -e 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' \
			-e 's/.*\/\*!include:re2c[[:space:]]*"\([^"]*\)".*/\1/p' \
			-e 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\(sqlite3\.h\|archive\.h\|archive_entry\.h\)>.*/<\1>/p' "$f" |
		while read -r inc; do
			printf '%s %s\n' "$f" "$inc"
		done
	done | awk '
	function layer(p) {
		if (p == "cablewire.h" || p ~ /^include\// || p ~ /^(lexer|parser)\/core\//) return 0
		if (p ~ /^(lexer|parser)\/input\//) return 1
		if (p ~ /^(lexer|grammar|parser)\/(cable|article)\//) return 2
		if (p ~ /^parser\/[^\/]*$/) return 3
		if (p ~ /^emitters\/archive\//) return 5
		if (p ~ /^emitters\/convert\//) return 6
		if (p ~ /^emitters\//) return 4
		if (p ~ /^cli\//) return 7
		return -1
	}
	function group(p) {
		if (p ~ /^(lexer|grammar|parser)\/cable\//) return "cable"
		if (p ~ /^(lexer|grammar|parser)\/article\//) return "article"
		return ""
	}
	function bad(why) { printf "%s: includes \"%s\": %s\n", $1, $2, why; n++ }
	{
		f = $1; inc = $2
		if (inc == "<sqlite3.h>") { if (f !~ /^emitters\/archive\//) bad("only the archive store (emitters/archive/) sees SQLite"); next }
		if (inc ~ /^</) { if (f !~ /^(parser\/input\/sources|emitters\/convert\/compress)\.c$/) bad("only the input walk (parser/input/sources.c) and the output compressor (emitters/convert/compress.c) use libarchive"); next }
		lf = layer(f); li = layer(inc)
		if (li < 0) {
			# a header of the same folder named without its path is not allowed either
			bad("not a path from the top of the tree (write \"lexer/core/slice.h\", not \"slice.h\")")
			next
		}
		if (lf == 7 && li != 7 && inc != "cablewire.h") { bad("the command uses the public header only"); next }
		if (li > lf) { bad("a later layer (the house runs core <- input <- cable|article <- parse <- emitters <- archive <- convert <- cli)"); next }
		if (lf == 2 && li == 2 && group(f) != group(inc)) bad("cable and article code never include each other")
	}
	END { if (n) { printf "includes: %d backward or stray include%s\n", n, n == 1 ? "" : "s"; exit 1 } }' ||
		exit 1 # (set -e does not hold inside the self-test's if)
	keyed=$(grep -rnE '\<(obj_put[a-z_]*|obj_child_[a-z]+|arr_push|val_object|val_array)\(' \
		include lexer grammar parser emitters cli |
		grep -vE '^parser/core/(value|fields)\.[ch]:' || true)
	if [ -n "$keyed" ]; then
		printf '%s\n' "$keyed" | sed 's/$/: a record built by string key, not by catalogue id/'
		exit 1
	fi
)

if [ "${1:-}" = "--self-test" ]; then
	# The check must catch a planted backward include (core including the cable parser), a
	# lateral one (article including cable) and a stray SQLite include, and pass the tree.
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	cp -R include lexer grammar parser emitters cli "$tmp"/
	check_tree "$tmp" >/dev/null || { echo "includes: self-test: the tree itself fails"; exit 1; }
	for plant in 'lexer/core/arena.h:#include "parser/cable/cable.h"' \
		'parser/article/article.c:#include "parser/cable/cable.h"' \
		'emitters/csv.c:#include <sqlite3.h>' \
		'lexer/input/decoder.h:#include "emitters/sink.h"' \
		'parser/cable/body.c:static void planted(arena *a, cw_value *o) { obj_put(a, o, "subjet", NULL); }'; do
		file=${plant%%:*} line=${plant#*:}
		cp "$file" "$tmp/$file"
		printf '%s\n' "$line" >>"$tmp/$file"
		if check_tree "$tmp" >/dev/null; then
			echo "includes: self-test: a planted include was not caught: $file: $line"
			exit 1
		fi
		cp "$file" "$tmp/$file"
	done
	echo "includes: self-test: 4 planted includes and a field set by string key caught"
	exit 0
fi

check_tree "${1:-.}"
echo "includes: every include runs one way"
