#!/bin/sh
# make bench: speed and peak memory of `cablewire convert` on the shared corpus, side by side with
# `wc -l` over the same bytes in the same run (the machines are shared: ratios, not absolutes).
# Not part of `make check`.
# Usage: bench/run.sh SHARED_DIR CABLEWIRE BUILD_DIR
set -eu
SHARED=$1 CW=$2 BUILD=$3
scripts/deps.sh time >/dev/null
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/cables" ]; then
	echo "bench: skipped: $CORPUS not found"
	exit 0
fi
WORK=$BUILD/bench
mkdir -p "$WORK"
if [ ! -d "$WORK/html" ]; then
	mkdir -p "$WORK/html"
	tar -xJf "$CORPUS/cables/wikileaks-html.tar.xz" -C "$WORK/html"
fi
find "$WORK/html" -type f -name '*.html' | sort >"$WORK/html.list"
files=$(wc -l <"$WORK/html.list")
bytes=$(xargs cat <"$WORK/html.list" | wc -c)
mb=$(echo "$bytes" | awk '{printf "%.1f", $1 / 1048576}')

# Warm the page cache so both commands read from memory.
xargs cat <"$WORK/html.list" >/dev/null

measure() { # prints "seconds peak-kB" for a command
	/usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
	cat "$WORK/time.txt"
}
best() { # the fastest of 3 runs: "seconds peak-kB"
	for i in 1 2 3; do measure "$@"; done | sort -n | head -n 1
}

echo "bench: $files WikiLeaks pages, $mb MB"
cw=$(best "$CW" convert "$WORK/html" -o "$WORK/html.jsonl")
wc=$(best sh -c "xargs wc -l <'$WORK/html.list'")
echo "$cw $wc $files $bytes" | awk '{
	cw = $1 < 0.01 ? 0.01 : $1; wc = $3 < 0.01 ? 0.01 : $3;
	printf "%-28s %10s %10s %12s %12s\n", "", "seconds", "MB/s", "records/s", "peak RSS MB";
	printf "%-28s %10.2f %10.1f %12.0f %12.1f\n", "cablewire convert (1 job)", $1, $6 / 1048576 / cw, $5 / cw, $2 / 1024;
	printf "%-28s %10.2f %10.1f %12s %12.1f\n", "wc -l", $3, $6 / 1048576 / wc, "-", $4 / 1024;
	printf "ratio cablewire / wc -l: %.1fx\n", cw / wc }'
