#!/bin/sh
# make bench: speed and peak memory of `cablewire convert`, side by side with `wc -l` over the same
# bytes in the same run (the machines are shared: compare ratios, not absolutes). Inputs:
#   1. a generated cables.csv-form file of CSV_BYTES (2 GiB by default) and a tenth of it,
#      converted as one stream: records/s, and memory flat whatever the size;
#   2. every cable form of ../shared/corpus/cables: the WikiLeaks pages (a directory of files,
#      the .tar.xz read in place, and a .7z like the release's own), the body-text files, the
#      2011-layout pages (skipped when the corpus is absent).
# Each is timed on one thread (--jobs 1) and on two (--jobs 2). Not part of `make check`.
# Usage: bench/run.sh SHARED_DIR CABLEWIRE BUILD_DIR GEN_CABLES_CSV CSV_BYTES
set -eu
SHARED=$1 CW=$2 BUILD=$3 GEN=$4 CSV_BYTES=$5
scripts/deps.sh time libarchive-tools >/dev/null
WORK=$BUILD/bench
mkdir -p "$WORK"

measure() { # prints "seconds peak-kB" for a command
	/usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
	tail -n 1 "$WORK/time.txt" # after "Command exited with non-zero status" when convert found errors
}
best() { # the fastest of N runs: "seconds peak-kB"
	runs=$1; shift
	i=0
	while [ $i -lt "$runs" ]; do measure "$@"; i=$((i + 1)); done | sort -n | head -n 1
}
header() {
	printf '%-36s %9s %9s %11s %9s %8s\n' "" "seconds" "MB/s" "records/s" "peak MB" "vs wc -l"
}
row() { # name "seconds peak-kB" bytes records "wc-seconds"
	echo "$2 $3 $4 $5" | awk -v name="$1" '{
		s = $1 < 0.01 ? 0.01 : $1; w = $5 < 0.01 ? 0.01 : $5;
		printf "%-36s %9.2f %9.1f %11s %9.1f %7.1fx\n", name, $1, $3 / 1048576 / s,
			$4 == "-" ? "-" : sprintf("%.0f", $4 / s), $2 / 1024, s / w }'
}
speedup() { # "seconds ..." (1 job) "seconds ..." (2 jobs)
	echo "$1 $2" | awk '{ a = $1 < 0.01 ? 0.01 : $1; b = $3 < 0.01 ? 0.01 : $3;
		printf "speed-up with --jobs 2: %.2fx\n", a / b }'
}
# bench_set NAME RECORDS BYTES RUNS WC-COMMAND -- CABLEWIRE-ARGS...: one table
bench_set() {
	name=$1 records=$2 bytes=$3 runs=$4 wccmd=$5
	shift 6
	wc=$(best "$runs" sh -c "$wccmd")
	j1=$(best "$runs" "$CW" convert --jobs 1 "$@" -o /dev/null)
	j2=$(best "$runs" "$CW" convert --jobs 2 "$@" -o /dev/null)
	echo
	echo "bench: $name: $records records, $(echo "$bytes" | awk '{printf "%.1f", $1 / 1048576}') MB"
	header
	row "wc -l" "$wc" "$bytes" "-" "${wc%% *}"
	row "cablewire convert --jobs 1" "$j1" "$bytes" "$records" "${wc%% *}"
	row "cablewire convert --jobs 2" "$j2" "$bytes" "$records" "${wc%% *}"
	speedup "$j1" "$j2"
}

# ---- 1. generated cables.csv ------------------------------------------------------------------
big=$WORK/cables-generated.csv small=$WORK/cables-generated-tenth.csv
if [ ! -f "$big" ] || [ "$(wc -c <"$big")" -lt "$CSV_BYTES" ]; then
	echo "bench: generating $CSV_BYTES bytes of cables.csv-form rows (invented content)"
	"$GEN" "$CSV_BYTES" >"$big"
	"$GEN" $((CSV_BYTES / 10)) >"$small"
fi
for f in "$small" "$big"; do
	bytes=$(wc -c <"$f")
	rows=$(grep -c '^"[0-9]*","' "$f")
	cat "$f" >/dev/null # warm the page cache for every command
	bench_set "$(basename "$f") (one stream)" "$rows" "$bytes" 1 "wc -l '$f'" -- --from cables-csv "$f"
done

# ---- 2. the corpus's cables, every form ---------------------------------------------------------
CORPUS=$SHARED/corpus/cables
if [ ! -d "$CORPUS" ]; then
	echo
	echo "bench: corpus cables skipped: $CORPUS not found"
	exit 0
fi
for set in wikileaks-html wikileaks-html-2011-layout body-txt; do
	[ -d "$WORK/$set" ] || { mkdir -p "$WORK/$set" && tar -xJf "$CORPUS/$set.tar.xz" -C "$WORK/$set"; }
	find "$WORK/$set" -type f | sort >"$WORK/$set.list"
	files=$(wc -l <"$WORK/$set.list")
	bytes=$(xargs cat <"$WORK/$set.list" | wc -c)
	xargs cat <"$WORK/$set.list" >/dev/null
	bench_set "$set: $files files in a directory" "$files" "$bytes" 3 "xargs wc -l <'$WORK/$set.list'" -- "$WORK/$set"
	# The same files read in place from the corpus's .tar.xz: decompression is part of the cost.
	bench_set "$set: the .tar.xz read in place" "$files" "$bytes" 3 "xz -dc '$CORPUS/$set.tar.xz' | wc -l" -- "$CORPUS/$set.tar.xz"
done
# The release came as a 7z of HTML pages: the pages again, as a 7z archive.
[ -f "$WORK/wikileaks-html.7z" ] || (cd "$WORK/wikileaks-html" && bsdtar --format 7zip -cf ../wikileaks-html.7z .)
files=$(wc -l <"$WORK/wikileaks-html.list")
bytes=$(xargs cat <"$WORK/wikileaks-html.list" | wc -c)
bench_set "wikileaks-html: a .7z read in place" "$files" "$bytes" 3 "bsdtar -xOf '$WORK/wikileaks-html.7z' | wc -l" -- "$WORK/wikileaks-html.7z"
