#!/bin/sh
# make bench: speed and peak memory of `cablewire convert`, side by side with `wc -l` over the same
# bytes in the same run (the machines are shared: compare ratios, not absolutes). Two inputs:
#   1. a generated cables.csv-form file of CSV_BYTES (2 GiB by default), converted as one stream,
#      and a tenth of it, to show that memory stays flat whatever the size;
#   2. the WikiLeaks pages of ../shared/corpus (skipped when the corpus is absent).
# Not part of `make check`.
# Usage: bench/run.sh SHARED_DIR CABLEWIRE BUILD_DIR GEN_CABLES_CSV CSV_BYTES
set -eu
SHARED=$1 CW=$2 BUILD=$3 GEN=$4 CSV_BYTES=$5
scripts/deps.sh time >/dev/null
WORK=$BUILD/bench
mkdir -p "$WORK"

measure() { # prints "seconds peak-kB" for a command
	/usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
	cat "$WORK/time.txt"
}
best() { # the fastest of N runs: "seconds peak-kB"
	runs=$1; shift
	i=0
	while [ $i -lt "$runs" ]; do measure "$@"; i=$((i + 1)); done | sort -n | head -n 1
}
header() {
	printf '%-34s %10s %10s %12s %12s\n' "" "seconds" "MB/s" "records/s" "peak RSS MB"
}
row() { # name "seconds peak-kB" bytes records
	echo "$2 $3 $4" | awk -v name="$1" '{
		s = $1 < 0.01 ? 0.01 : $1;
		printf "%-34s %10.2f %10.1f %12s %12.1f\n", name, $1, $3 / 1048576 / s,
			$4 == "-" ? "-" : sprintf("%.0f", $4 / s), $2 / 1024 }'
}
ratio() { # "seconds ..." "seconds ..."
	echo "$1 $2" | awk '{ a = $1 < 0.01 ? 0.01 : $1; b = $3 < 0.01 ? 0.01 : $3;
		printf "ratio cablewire / wc -l: %.1fx\n", a / b }'
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
	cat "$f" >/dev/null # warm the page cache for both commands
	cw=$(best 1 "$CW" convert --from cables-csv "$f" -o /dev/null)
	wc=$(best 1 wc -l "$f")
	echo
	echo "bench: $(basename "$f"): $rows rows, $(echo "$bytes" | awk '{printf "%.0f", $1 / 1048576}') MB, one stream"
	header
	row "cablewire convert (1 job)" "$cw" "$bytes" "$rows"
	row "wc -l" "$wc" "$bytes" "-"
	ratio "$cw" "$wc"
done

# ---- 2. the WikiLeaks pages ---------------------------------------------------------------------
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/cables" ]; then
	echo
	echo "bench: WikiLeaks pages skipped: $CORPUS not found"
	exit 0
fi
if [ ! -d "$WORK/html" ]; then
	mkdir -p "$WORK/html"
	tar -xJf "$CORPUS/cables/wikileaks-html.tar.xz" -C "$WORK/html"
fi
find "$WORK/html" -type f -name '*.html' | sort >"$WORK/html.list"
files=$(wc -l <"$WORK/html.list")
bytes=$(xargs cat <"$WORK/html.list" | wc -c)
xargs cat <"$WORK/html.list" >/dev/null
cw=$(best 3 "$CW" convert "$WORK/html" -o /dev/null)
wc=$(best 3 sh -c "xargs wc -l <'$WORK/html.list'")
echo
echo "bench: $files WikiLeaks pages, $(echo "$bytes" | awk '{printf "%.0f", $1 / 1048576}') MB"
header
row "cablewire convert (1 job)" "$cw" "$bytes" "$files"
row "wc -l" "$wc" "$bytes" "-"
ratio "$cw" "$wc"
