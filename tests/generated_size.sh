#!/bin/sh
# The size of the generated C (make check): every file re2c and Bison write for the build
# (build/gen/**/*.c and *.h) together must stay within GENERATED_C_LIMIT bytes (1,500,000 unless
# set). A bounded repeat or a word list in a big scanner block multiplies its states; this check
# says so when it happens, with every file's size, largest first, so that the block can be found
# (README, "Generated C"). GENERATED_C_LIMIT=1000000 make check shows the check failing.
#
# Usage: tests/generated_size.sh FILE...   (the Makefile passes the generated files it builds)
set -eu

limit=${GENERATED_C_LIMIT:-1500000}
[ $# -gt 0 ] || { echo "generated_size: no files given" >&2; exit 2; }
for f in "$@"; do
	[ -f "$f" ] || { echo "generated_size: $f is missing (build first)" >&2; exit 2; }
done

sizes=$(for f in "$@"; do echo "$(wc -c <"$f") $f"; done | sort -rn)
total=$(echo "$sizes" | awk '{ s += $1 } END { print s }')
if [ "$total" -gt "$limit" ]; then
	echo "generated_size: the generated C is $total bytes, over the limit of $limit:" >&2
	echo "$sizes" | awk '{ printf "  %9d  %s\n", $1, $2 }' >&2
	exit 1
fi
echo "generated_size: $total bytes of generated C in $# files (limit $limit)"
