#!/bin/sh
# The README's Install, library and Python examples, run (make check): the Python blocks with
# Debian's python3 against the build tree, their output compared with the text block after each;
# the example program as the library section shows it (built here against the build tree; the
# installed tree is tests/install.sh's); the piped body text with --stdin-name.
# Usage: tests/readme.sh CABLEWIRE
set -u
CW=$1
case $CW in /*) ;; *) CW=$PWD/$CW ;; esac
fails=0 checks=0
# The Python blocks and the example program use the build tree's shared library: said plainly
# when it is not there (run alone before make), not as the examples' own failures.
if [ ! -e build/libcablewire.so ] || [ ! -e build/libcablewire.so.0 ]; then
	echo "readme: build/libcablewire.so is not built: run make first (make check builds it)"
	exit 1
fi
fail() { echo "readme: FAIL: $*"; fails=$((fails + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every ```python block, and the ```text block that follows it.
awk -v dir="$tmp" '
	/^```python$/ { n++; file = dir "/block" n ".py"; inside = 1; next }
	/^```text$/ && n { file = dir "/block" n ".expected"; inside = 1; next }
	/^```$/ { inside = 0; next }
	inside { print > file }' README.md
ok=0
for py in "$tmp"/block*.py; do
	[ -e "$py" ] || break
	ok=$((ok + 1)); checks=$((checks + 1))
	want=${py%.py}.expected
	PYTHONPATH=python /usr/bin/python3 "$py" >"$tmp/got" 2>&1 || fail "$(basename "$py") fails: $(cat "$tmp/got")"
	if [ -e "$want" ]; then
		cmp -s "$tmp/got" "$want" || fail "README's Python example prints otherwise: $(diff "$want" "$tmp/got" | head -5)"
	fi
done
checks=$((checks + 1))
[ "$ok" -ge 1 ] || fail "no Python example found in README.md"

# The library example: the lines after "$ ./first_record ..." are its output.
checks=$((checks + 1))
grep -q '^    \$ cc examples/first_record.c \$(pkg-config --cflags --libs cablewire) -o first_record$' README.md ||
	fail "README's pkg-config line changed: tests/install.sh builds it that way"
awk '/^    \$ \.\/first_record /{ on = 1; next } on && /^    [^$]/ { sub(/^    /, ""); print; next } on { exit }' \
	README.md >"$tmp/first.expected"
args=$(sed -n 's/^    \$ \.\/first_record //p' README.md)
checks=$((checks + 1))
if cc -std=c11 -Wall -Werror -Iinclude examples/first_record.c -Lbuild -lcablewire -o "$tmp/first" 2>"$tmp/cc"; then
	# shellcheck disable=SC2086
	LD_LIBRARY_PATH=build "$tmp/first" $args >"$tmp/first.got" 2>&1
	cmp -s "$tmp/first.got" "$tmp/first.expected" || fail "README's first_record output: $(diff "$tmp/first.expected" "$tmp/first.got" | head -5)"
else
	fail "examples/first_record.c: $(cat "$tmp/cc")"
fi

# The piped body text of the Commands section.
checks=$((checks + 1))
grep -q 'cat 07VALLETTA416.txt | cablewire parse --from body-text --stdin-name 07VALLETTA416.txt' README.md ||
	fail "README's piped example changed"
id=$(cd testdata/cables/forms && cat 07VALLETTA416.txt | "$CW" parse --from body-text --stdin-name 07VALLETTA416.txt 2>/dev/null | jq -r '.[0].id')
[ "$id" = 07VALLETTA416 ] || fail "the piped body text has no release id: $id"

echo "readme: $checks checks, $fails failed"
[ "$fails" = 0 ]
