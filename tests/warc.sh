#!/bin/sh
# Web archives from the command line (make check):
#  - a WARC built from pages (scripts/pages_to_warc.py) gives the records the pages give read as
#    files, apart from source.path (ARCHIVE/URI), plain, gzip per record (chunked and
#    gzip-encoded bodies), gzip as a whole, and zstd-encoded bodies (when the zstd command is
#    there): over every testdata input, and over the WikiLeaks
#    cable pages of ../shared when present (WARC_CORPUS_PAGES of them, 400 unless set);
#  - the summary counts the records skipped, by kind;
#  - memory stays flat: a WARC of WARC_BIG_MB (256 unless set) holds no more than one of 16 MB
#    (peak RSS within 8 MB of it, and under 64 MB), which is printed (WARC_NO_MEMORY=1: not
#    measured, as under the sanitizers);
#  - a WARC is read whole by one shard task (convert --jobs, cablewire-dask).
# Usage: tests/warc.sh path/to/cablewire [SHARED]
set -u
CW=${1:?usage: tests/warc.sh CABLEWIRE [SHARED]}
SHARED=${2:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
n=0
ok() { n=$((n + 1)); }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
TOWARC=scripts/pages_to_warc.py

# The records of the inputs, source.path left out, one a line; a page's fetched date is the
# transport's (the WARC record's HTTP Date), which a file has not: left out too.
records() { jq -c 'del(.source.path) | if .page then .page.fetched = null else . end' "$1"; }

# same DIR LABEL: DIR's files read as files and as WARCs give the same records.
same() {
	dir=$1 label=$2
	"$CW" convert -q --jobs 2 "$dir" -o "$T/files.jsonl" 2>/dev/null
	records "$T/files.jsonl" >"$T/files.txt"
	count=$(wc -l <"$T/files.txt")
	[ "$count" -gt 0 ] || { fail "$label: the files give no record"; return; }
	variants="plain gzip whole"
	if command -v zstd >/dev/null 2>&1; then
		variants="$variants zstd"
	else
		echo "warc: no zstd command (Debian's zstd): zstd-encoded bodies not tried" >&2
	fi
	for variant in $variants; do
		case $variant in
		plain) "$TOWARC" "$dir" "$T/pages.warc" ;;
		gzip) "$TOWARC" --gzip --chunked --encode gzip "$dir" "$T/pages.warc" ;;
		whole) "$TOWARC" --gzip-whole "$dir" "$T/pages.warc" ;;
		zstd) "$TOWARC" --encode zstd "$dir" "$T/pages.warc" ;;
		esac
		"$CW" convert -q --jobs 2 "$T/pages.warc" -o "$T/warc.jsonl" 2>/dev/null
		records "$T/warc.jsonl" >"$T/warc.txt"
		if cmp -s "$T/files.txt" "$T/warc.txt"; then
			ok
		else
			fail "$label ($variant WARC): the records differ from the files' ($count records)"
			diff "$T/files.txt" "$T/warc.txt" | head -5 >&2
		fi
		# named ARCHIVE/URI
		jq -e -s --arg w "$T/pages.warc/https://pages.example/" \
			'all(.[]; .source.path | startswith($w))' "$T/warc.jsonl" >/dev/null ||
			fail "$label ($variant WARC): records not named ARCHIVE/URI"
	done
	echo "warc: $label: $count records, the same from the files and from WARCs: $variants (gzip: per record, chunked, gzip-encoded; whole: gzipped whole; zstd: zstd-encoded)"
}

# The transport's hints reach the page: a charset in the HTTP Content-Type outranks the page's
# <meta> (HTML's order), and the HTTP date is the page's fetched date.
mkdir -p "$T/hint"
cp testdata/articles/valid/html-windows-1252/input.* "$T/hint/"
"$TOWARC" --gzip --charset windows-1252 "$T/hint" "$T/hint.warc"
"$CW" convert -q "$T/hint.warc" -o "$T/hint.jsonl" 2>/dev/null
if jq -e '.page.charset_from == "transport" and .page.charset == "windows-1252" and
	(.page.fetched | type) == "string"' "$T/hint.jsonl" >/dev/null; then
	ok
else
	fail "a WARC page's HTTP charset and date do not reach its page object: $(jq -c .page "$T/hint.jsonl")"
fi

# every testdata input as a page (a case's folder its own path: the same base name as the file)
mkdir -p "$T/pages"
for f in testdata/cables/valid/*/input.* testdata/cables/invalid/*/input.* \
	testdata/articles/valid/*/input.* testdata/articles/invalid/*/input.* testdata/cables/forms/*; do
	case=$(basename "$(dirname "$f")")
	mkdir -p "$T/pages/$case"
	cp "$f" "$T/pages/$case/"
done
same "$T/pages" "testdata inputs"

# the WikiLeaks cable pages: cable records today, so the comparison means something before the
# HTML form
CORPUS=$SHARED/corpus/cables/wikileaks-html.tar.xz
if [ -f "$CORPUS" ]; then
	mkdir -p "$T/wl"
	tar -xJf "$CORPUS" -C "$T/wl"
	find "$T/wl" -type f | sort | tail -n +"$((${WARC_CORPUS_PAGES:-400} + 1))" | xargs -r rm -f
	same "$T/wl" "WikiLeaks cable pages (${WARC_CORPUS_PAGES:-400} of $CORPUS)"
	rm -rf "$T/wl"
else
	echo "warc: $CORPUS not found: the WikiLeaks pages comparison is skipped"
fi

# the summary: pages read and records skipped, by kind
"$CW" convert testdata/warc/valid/warc-1.1-crawl/input.warc -o "$T/crawl.jsonl" 2>"$T/err"
grep -q "^cablewire: web archives: 3 pages read; records skipped: 1 warcinfo, 2 request, 1 metadata, 1 revisit, 1 not-html, 1 status-not-200$" "$T/err" ||
	{ fail "the summary counts the WARC's records"; cat "$T/err" >&2; }
[ "$(wc -l <"$T/crawl.jsonl")" = 3 ] && ok || fail "a page per HTML response"
# a WARC inside a tar, and a WARC compressed with xz: read the same
tar -cf "$T/in.tar" -C testdata/warc/valid/warc-1.1-crawl input.warc
xz -c testdata/warc/valid/warc-1.1-crawl/input.warc >"$T/input.warc.xz"
for alt in "$T/in.tar" "$T/input.warc.xz"; do
	"$CW" convert -q "$alt" -o "$T/alt.jsonl" 2>/dev/null
	if [ "$(records "$T/alt.jsonl")" = "$(records "$T/crawl.jsonl")" ]; then ok; else
		fail "$(basename "$alt"): a WARC inside it reads as the WARC does"; fi
done
# damage: located, the run goes on (exit 1: records with errors)
"$CW" convert testdata/warc/invalid/warc-gzip-broken/input.warc.gz -o "$T/d.jsonl" 2>"$T/err"
rc=$?
[ $rc = 1 ] && ok || fail "a broken gzip member: exit $rc, expected 1"
jq -e -s '.[1].kind == "error" and .[1].diagnostics[0].code == "WARC_GZIP_BROKEN" and
	.[1].diagnostics[0].line == 28' "$T/d.jsonl" >/dev/null && ok ||
	fail "a broken gzip member is told by an error record, located"
[ "$(wc -l <"$T/d.jsonl")" = 3 ] && ok || fail "a broken gzip member: the records around it read"

# memory: flat whatever the archive's size (not under the sanitizers: WARC_NO_MEMORY=1)
if [ -z "${WARC_NO_MEMORY:-}" ]; then
peak() { /usr/bin/time -f %M "$CW" convert -q --jobs 1 "$1" -o /dev/null 2>&1 >/dev/null | tail -n 1; }
mkdir -p "$T/one/case"
cp testdata/cables/forms/wikileaks.html "$T/one/case/"
big=${WARC_BIG_MB:-256}
"$TOWARC" --filler 1024 --repeat 16 "$T/one" "$T/small.warc"
"$TOWARC" --filler 1024 --repeat "$big" --chunked "$T/one" "$T/big.warc"
small_kb=$(peak "$T/small.warc")
big_kb=$(peak "$T/big.warc")
big_mb=$(($(wc -c <"$T/big.warc") / 1048576))
echo "warc: peak memory converting a WARC of 16 MB: $small_kb KB; of $big_mb MB: $big_kb KB"
if [ "$big_kb" -le $((small_kb + 8192)) ] && [ "$big_kb" -lt 65536 ]; then ok; else
	fail "memory grows with the WARC's size: $small_kb KB for 16 MB, $big_kb KB for $big_mb MB"; fi
pages=$("$CW" convert --jobs 1 "$T/big.warc" -o "$T/big.jsonl" 2>&1 | sed -n 's/^cablewire: web archives: \([0-9]*\) pages read.*/\1/p')
[ "$pages" = "$big" ] && ok || fail "the big WARC: $pages pages read, expected $big"
rm -f "$T/small.warc" "$T/big.warc" "$T/big.jsonl"
fi

# shards: read whole by one task (no cut at record boundaries), with the records of a plain run
"$CW" convert -q --jobs 3 testdata/warc/valid/warc-1.1-crawl/input.warc -o "$T/jobs.jsonl" 2>/dev/null
cmp -s "$T/jobs.jsonl" "$T/crawl.jsonl" && ok || fail "convert --jobs 3 gives the records of one job"

echo "warc: $n checks, $fails failed"
[ "$fails" = 0 ]
