#!/bin/sh
# make bench: CPU time (user + system, median of 5 runs, bench/measure.py) of `cablewire convert
# --jobs 1` to JSON Lines, each set beside `wc -l` over the same bytes measured in the same run:
# the ratio to `wc -l` is the figure to compare (the machines are shared; CPU time, not wall
# time). Per set: MB/s and units/s of CPU time, the system time's share, peak RSS, minor page
# faults and, with strace, the number of brk calls (one more run). Sets:
#   cables.csv  CSV_BYTES of bench/gen_cables_csv.c rows (seed 1; the release's row sizes,
#               mean 6.8 KB), one stream
#   pages       every WikiLeaks page of SHARED/corpus/cables/wikileaks-html.tar.xz, a directory
#   body-txt    the body-text files of SHARED/corpus/cables/body-txt.tar.xz, a directory
#   reuters     the Reuters-21578 SGML files of SHARED/corpus/news (reut2-*.sgm)
#   news-html   the saved news pages of SHARED/corpus/news/naeb-dev-html.tar.xz (article-html)
#   pages.txz   the same pages read in place from the .tar.xz (xz -dc | wc -l; the RSS includes
#               the xz decoder's dictionary, 64 MB for the corpus's xz -9 archives)
#   naeb        the saved news pages of SHARED/corpus/news/naeb-dev-html.tar.xz, a directory
#   naeb.warc   the same pages in a WARC/1.1 (scripts/pages_to_warc.py: warcinfo, a request and
#               a response per page), plain
#   naeb.wgz    ... and gzipped one member per record, chunked bodies (zcat | wc -l): the WARC
#               reader's cost is the difference to naeb
# Then the wall-time speed-up of --jobs 2 over --jobs 1 (median of 5 each), meaningful only on an
# otherwise idle machine. The corpus sets are skipped, saying so, when SHARED/corpus is absent.
# Not part of `make check`.
# Usage: bench/run.sh SHARED_DIR CABLEWIRE BUILD_DIR GEN_CABLES_CSV CSV_BYTES
set -eu
SHARED=$1 CW=$2 BUILD=$3 GEN=$4 CSV_BYTES=$5
RUNS=${RUNS:-5}
scripts/deps.sh strace >/dev/null
WORK=$BUILD/bench
mkdir -p "$WORK"

printf '%-10s %8s %7s %8s %8s %7s %8s %9s %6s %8s %9s %6s\n' set MB units "wc cpu" "cpu s" \
	"vs wc" MB/s units/s "sys %" "RSS MB" "minflt" brk
# bench_set NAME UNITS BYTES LIST-FILE WC-COMMAND [CONVERT-OPTIONS...]: one line for the files
# listed, which WC-COMMAND reads as plain bytes
bench_set() {
	name=$1 units=$2 bytes=$3 list=$4 wccmd=$5
	shift 5
	xargs cat <"$list" >/dev/null # the page cache warm for both commands
	wc=$(bench/measure.py "$RUNS" sh -c "$wccmd")
	# shellcheck disable=SC2046
	cw=$(bench/measure.py "$RUNS" "$CW" convert --jobs 1 "$@" $(cat "$list") -o "$WORK/out.jsonl")
	brk=-
	if command -v strace >/dev/null 2>&1; then
		# shellcheck disable=SC2046
		strace -f -c -e trace=brk -o "$WORK/strace.txt" "$CW" convert --jobs 1 "$@" \
			$(cat "$list") -o "$WORK/out.jsonl" >/dev/null 2>&1 || true
		brk=$(awk '$NF == "brk" { print $4 }' "$WORK/strace.txt")
		brk=${brk:-0}
	fi
	echo "$wc $cw" | awk -v name="$name" -v bytes="$bytes" -v units="$units" -v brk="$brk" '{
		w = $1; c = $8; printf "%-10s %8.1f %7d %8.3f %8.3f %6.1fx %8.1f %9.0f %5.1f%% %8.1f %9d %6s\n",
		name, bytes / 1e6, units, w, c, c / w, bytes / 1e6 / c, units / c, 100 * $10 / c,
		$11 / 1024, $12, brk }'
	rm -f "$WORK/out.jsonl"
}
# speedup NAME LIST-FILE [CONVERT-OPTIONS...]: wall time of --jobs 1 over --jobs 2, measured one
# right after the other (this machine's speed moves within minutes: the --jobs 1 figure of the
# table above, taken minutes before, once made a 1.87x look like 0.95x)
speedup() {
	name=$1 list=$2
	shift 2
	# shellcheck disable=SC2046 # the lists hold paths without blanks
	j1=$(bench/measure.py "$RUNS" "$CW" convert --jobs 1 "$@" $(cat "$list") -o "$WORK/out.jsonl")
	# shellcheck disable=SC2046
	j2=$(bench/measure.py "$RUNS" "$CW" convert --jobs 2 "$@" $(cat "$list") -o "$WORK/out.jsonl")
	echo "$j1 $j2" | awk -v name="$name" '{ printf "%-10s --jobs 1 %.3f s, --jobs 2 %.3f s wall: %.2fx\n",
		name, $7, $14, $7 / $14 }'
	rm -f "$WORK/out.jsonl"
}

csv=$WORK/cables-generated-$CSV_BYTES.csv
if [ ! -f "$csv" ]; then
	"$GEN" "$CSV_BYTES" 1 >"$csv.tmp"
	mv "$csv.tmp" "$csv"
fi
echo "$csv" >"$WORK/csv.list"
bench_set cables.csv "$(grep -c '^"[0-9]*","' "$csv")" "$(wc -c <"$csv")" "$WORK/csv.list" \
	"wc -l '$csv'" --from cables-csv

CABLES=$SHARED/corpus/cables NEWS=$SHARED/corpus/news
if [ ! -d "$CABLES" ] || [ ! -d "$NEWS" ]; then
	echo "bench: corpus sets skipped: $SHARED/corpus not found"
	speedup cables.csv "$WORK/csv.list" --from cables-csv
	exit 0
fi
for set in wikileaks-html body-txt; do
	[ -d "$WORK/$set" ] || { mkdir -p "$WORK/$set" && tar -xJf "$CABLES/$set.tar.xz" -C "$WORK/$set"; }
	find "$WORK/$set" -type f | LC_ALL=C sort >"$WORK/$set.list"
done
[ -d "$WORK/reuters" ] || { mkdir -p "$WORK/reuters" && tar -xJf "$NEWS/reuters21578-dev.tar.xz" -C "$WORK/reuters"; }
find "$WORK/reuters" -name 'reut2-*.sgm' | LC_ALL=C sort >"$WORK/reuters.list"
# set NAME LIST-FILE UNITS: a directory set; wc -l reads the same bytes as one file (over the
# files themselves, opening 4,205 files would cost wc more than reading their bytes)
set_of() {
	xargs cat <"$2" >"$WORK/$1.concat"
	bench_set "$1" "$3" "$(wc -c <"$WORK/$1.concat")" "$2" "wc -l '$WORK/$1.concat'"
	rm -f "$WORK/$1.concat"
}
set_of pages "$WORK/wikileaks-html.list" "$(wc -l <"$WORK/wikileaks-html.list")"
set_of body-txt "$WORK/body-txt.list" "$(wc -l <"$WORK/body-txt.list")"
set_of reuters "$WORK/reuters.list" "$(xargs cat <"$WORK/reuters.list" | grep -c '<REUTERS ')"
# article-html: the saved news pages of naeb-dev-html.tar.xz (239 pages, 200+ sites), one record
# a page; the issue's target is 100 pages/s of CPU time, peak RSS under 64 MB
if [ -f "$NEWS/naeb-dev-html.tar.xz" ]; then
	[ -d "$WORK/naeb" ] || { mkdir -p "$WORK/naeb" && tar -xJf "$NEWS/naeb-dev-html.tar.xz" -C "$WORK/naeb"; }
	find "$WORK/naeb" -type f -name '*.html' | LC_ALL=C sort >"$WORK/naeb.list"
	set_of news-html "$WORK/naeb.list" "$(wc -l <"$WORK/naeb.list")"
else
	echo "bench: news-html skipped: $NEWS/naeb-dev-html.tar.xz not found"
fi

echo "$CABLES/wikileaks-html.tar.xz" >"$WORK/txz.list"
bench_set pages.txz "$(wc -l <"$WORK/wikileaks-html.list")" \
	"$(xargs cat <"$WORK/wikileaks-html.list" | wc -c)" "$WORK/txz.list" \
	"xz -dc '$CABLES/wikileaks-html.tar.xz' | wc -l"

# the news pages as files, and as web archives of themselves
[ -d "$WORK/naeb" ] || { mkdir -p "$WORK/naeb" && tar -xJf "$NEWS/naeb-dev-html.tar.xz" -C "$WORK/naeb"; }
find "$WORK/naeb" -type f | LC_ALL=C sort >"$WORK/naeb.list"
naeb_pages=$(wc -l <"$WORK/naeb.list")
set_of naeb "$WORK/naeb.list" "$naeb_pages"
naeb_bytes=$(xargs cat <"$WORK/naeb.list" | wc -c)
scripts/pages_to_warc.py "$WORK/naeb" "$WORK/naeb.warc"
echo "$WORK/naeb.warc" >"$WORK/naeb-warc.list"
bench_set naeb.warc "$naeb_pages" "$naeb_bytes" "$WORK/naeb-warc.list" "wc -l '$WORK/naeb.warc'"
scripts/pages_to_warc.py --gzip --chunked "$WORK/naeb" "$WORK/naeb.warc.gz"
echo "$WORK/naeb.warc.gz" >"$WORK/naeb-wgz.list"
bench_set naeb.wgz "$naeb_pages" "$naeb_bytes" "$WORK/naeb-wgz.list" "zcat '$WORK/naeb.warc.gz' | wc -l"
rm -f "$WORK/naeb.warc" "$WORK/naeb.warc.gz"
echo
speedup cables.csv "$WORK/csv.list" --from cables-csv
speedup pages "$WORK/wikileaks-html.list"
