#!/bin/sh
# make corpus-check: accuracy tables on ../shared/corpus. Skips cleanly, saying so, when the
# corpus is absent (a fresh clone elsewhere).
# Usage: tests/corpus/run.sh SHARED_DIR CABLEWIRE CORPUS_CHECK BUILD_DIR NEWS_CHECK
set -eu
SHARED=$1 CW=$2 CHECK=$3 BUILD=$4 NEWS=$5
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/cables" ]; then
	echo "corpus-check: skipped: $CORPUS not found (the shared corpus is not part of the repository)"
	exit 0
fi
WORK=$BUILD/corpus
rm -rf "$WORK" && mkdir -p "$WORK/html"
tar -xJf "$CORPUS/cables/wikileaks-html.tar.xz" -C "$WORK/html"
echo "== every page converts to exactly one record"
pages=$(find "$WORK/html" -type f -name '*.html' | wc -l)
set +e
"$CW" convert "$WORK/html" -o "$WORK/html.jsonl"
rc=$?
set -e
[ "$rc" -le 1 ] || { echo "corpus-check: convert failed (exit $rc)"; exit 1; }
records=$(wc -l <"$WORK/html.jsonl")
[ "$records" = "$pages" ] || { echo "corpus-check: $pages pages but $records records"; exit 1; }
echo "$pages pages, $records records"
failed=0
"$CHECK" html "$CORPUS/cables/wikileaks-html.metadata.csv" "$WORK/html" || failed=1

echo
echo "== body-txt.tar.xz: every file converts to exactly one record"
mkdir -p "$WORK/body"
tar -xJf "$CORPUS/cables/body-txt.tar.xz" -C "$WORK/body"
files=$(find "$WORK/body" -type f -name '*.txt' | wc -l)
set +e
"$CW" convert "$WORK/body" -o "$WORK/body.jsonl"
rc=$?
set -e
[ "$rc" -le 1 ] || { echo "corpus-check: convert failed (exit $rc)"; exit 1; }
records=$(wc -l <"$WORK/body.jsonl")
[ "$records" = "$files" ] || { echo "corpus-check: $files files but $records records"; exit 1; }
echo "$files files, $records records"
dir=$(dirname "$(find "$WORK/body" -type f -name '*.txt' | head -n 1)")
"$CHECK" body-txt "$CORPUS/cables/wikileaks-html.metadata.csv" "$dir" || failed=1

echo
echo "== news: Reuters-21578, naeb-dev, wire samples, seed articles"
if [ -d "$CORPUS/news" ]; then
	mkdir -p "$WORK/reuters"
	tar -xJf "$CORPUS/news/reuters21578-dev.tar.xz" -C "$WORK/reuters"
	reuters=$(dirname "$(find "$WORK/reuters" -name 'reut2-*.sgm' | head -n 1)")
	"$NEWS" "$CORPUS/news" "$SHARED/seeds" "$reuters" tests/corpus/naeb_datelines.tsv || failed=1
else
	echo "news: skipped: $CORPUS/news not found"
fi

echo
echo "== sqlite archive: the pages, again (idempotent), then every other corpus input added"
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "archive: skipped: the sqlite3 shell is not installed"
	exit $failed
fi
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{ printf "%.2f", $2 - $1 }'; }
archive_ok() { # archive-path what: integrity and foreign keys
	ic=$(sqlite3 "$1" "PRAGMA integrity_check")
	fk=$(sqlite3 "$1" "PRAGMA foreign_key_check" | wc -l)
	if [ "$ic" = ok ] && [ "$fk" = 0 ]; then
		echo "$2: integrity_check ok, foreign_key_check ok"
	else
		echo "corpus-check: $2: integrity_check '$ic', $fk foreign key violations"
		failed=1
	fi
}
ARCH=$WORK/corpus.sqlite
rm -f "$ARCH"
t0=$(now)
set +e
"$CW" convert "$WORK/html" -o "$ARCH"
rc=$?
set -e
t1=$(now)
[ "$rc" -le 1 ] || { echo "corpus-check: archive convert failed (exit $rc)"; exit 1; }
rows=$(sqlite3 "$ARCH" "SELECT count(*) FROM records")
[ "$rows" = "$pages" ] || { echo "corpus-check: $pages pages but $rows archived records"; failed=1; }
echo "$pages pages into a new archive: $(secs "$t0" "$t1") s, $(du -m "$ARCH" | cut -f1) MB"
archive_ok "$ARCH" "pages archive"
# The full-text index against a word search of the JSON Lines of the same pages: subject,
# paragraph headings and text, subparagraph text.
for word in Hamas Hezbollah; do
	t0=$(now)
	hits=$(sqlite3 "$ARCH" "SELECT count(*) FROM fulltext WHERE fulltext MATCH '$word'")
	t1=$(now)
	want=$(jq -r --arg re "\\b$word\\b" '[.subject, (.paragraphs[]? | .heading, .text,
		(.subparagraphs[]?.text))] | map(select(. != null)) | any(test($re; "i"))' \
		"$WORK/html.jsonl" | grep -c true || true)
	echo "full-text MATCH '$word': $hits records in $(secs "$t0" "$t1") s; a word search of the JSON finds $want"
	[ "$hits" = "$want" ] || { echo "corpus-check: the full-text index disagrees"; failed=1; }
done
t0=$(now)
set +e
"$CW" convert "$WORK/html" -o "$ARCH" 2>"$WORK/archive-again.err"
set -e
t1=$(now)
cat "$WORK/archive-again.err"
grep -q ": 0 inserted, $pages unchanged, 0 new versions;" "$WORK/archive-again.err" \
	|| { echo "corpus-check: converting the pages again changed the archive"; failed=1; }
echo "the same pages again: $(secs "$t0" "$t1") s, $(sqlite3 "$ARCH" "SELECT count(*) FROM records") records"
mkdir -p "$WORK/html2011"
tar -xJf "$CORPUS/cables/wikileaks-html-2011-layout.tar.xz" -C "$WORK/html2011"
set -- "$WORK/body" "$WORK/html2011"
[ -d "$CORPUS/news" ] && set -- "$@" "${reuters:-$WORK/reuters}" "$CORPUS/news/wire-samples"
t0=$(now)
set +e
"$CW" convert "$@" -o "$ARCH"
rc=$?
set -e
t1=$(now)
[ "$rc" -le 1 ] || { echo "corpus-check: archive update failed (exit $rc)"; exit 1; }
echo "body-txt, 2011 layout, Reuters, wire samples added in place: $(secs "$t0" "$t1") s, $(du -m "$ARCH" | cut -f1) MB"
sqlite3 "$ARCH" "SELECT kind, count(*), count(DISTINCT record_id), max(version) FROM records GROUP BY kind" |
	awk -F'|' '{ printf "  %-8s %6d records, %6d ids, up to version %d\n", $1, $2, $3, $4 }'
archive_ok "$ARCH" "whole-corpus archive"
exit $failed
