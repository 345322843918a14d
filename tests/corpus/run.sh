#!/bin/sh
# make corpus-check: accuracy tables on ../shared/corpus. Skips cleanly, saying so, when the
# corpus is absent (a fresh clone elsewhere).
# Usage: tests/corpus/run.sh SHARED_DIR CABLEWIRE CORPUS_CHECK BUILD_DIR NEWS_CHECK CATALOGUE
set -eu
SHARED=$1 CW=$2 CHECK=$3 BUILD=$4 NEWS=$5 CATALOGUE=$6
CORPUS=$SHARED/corpus
if [ ! -d "$CORPUS/cables" ]; then
	echo "corpus-check: skipped: $CORPUS not found (the shared corpus is not part of the repository)"
	exit 0
fi
WORK=$BUILD/corpus
# Streamed validation (memory stays flat); the first errors only, there may be thousands.
xml_valid() {
	if xmllint --stream --noout --relaxng schema/records.rng "$1" 2>"$1.err"; then
		cat "$1.err"
	else
		head -n 20 "$1.err"
		return 1
	fi
}
# cablewire convert with its exit status in rc: 1 (some input had errors) must not stop the
# script under set -e; the callers decide what each status means.
run_convert() { rc=0; "$CW" convert "$@" || rc=$?; }
# csv_readback NAME RECORDS INPUT...: converts to $WORK/NAME.csv with its tables in
# $WORK/NAME.tables, and reads everything back with Python's strict CSV reader: RECORDS rows, no
# ragged row, every table row keyed by a record.
csv_readback() {
	name=$1 want=$2; shift 2
	mkdir -p "$WORK/$name.tables"
	run_convert "$@" -o "$WORK/$name.csv" --csv-tables "$WORK/$name.tables" 2>/dev/null
	if [ "$rc" -gt 1 ]; then
		echo "corpus-check: convert to CSV failed (exit $rc)"; failed=1
		return
	fi
	python3 - "$WORK/$name.csv" "$WORK/$name.tables" "$want" <<'PY' || failed=1
import csv, glob, sys
main, tables, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
csv.field_size_limit(1 << 30)
rows = list(csv.reader(open(main, newline="", encoding="utf-8"), strict=True))
assert len(rows) == want + 1, f"{want} records but {len(rows) - 1} rows"
assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
keys = {r[1] for r in rows[1:]}
counts = []
for path in sorted(glob.glob(tables + "/*.csv")):
    t = list(csv.reader(open(path, newline="", encoding="utf-8"), strict=True))
    assert all(len(r) == len(t[0]) for r in t), path + ": ragged rows"
    assert all(r[0] in keys for r in t[1:]), path + ": a row without its record"
    counts.append(f"{path.rsplit('/', 1)[1]} {len(t) - 1}")
print(f"{len(rows) - 1} rows, every field read; tables: " + ", ".join(counts))
PY
}
rm -rf "$WORK" && mkdir -p "$WORK/html"
tar -xJf "$CORPUS/cables/wikileaks-html.tar.xz" -C "$WORK/html"
echo "== every page converts to exactly one record"
pages=$(find "$WORK/html" -type f -name '*.html' | wc -l)
run_convert "$WORK/html" -o "$WORK/html.jsonl"
[ "$rc" -le 1 ] || { echo "corpus-check: convert failed (exit $rc)"; exit 1; }
records=$(wc -l <"$WORK/html.jsonl")
[ "$records" = "$pages" ] || { echo "corpus-check: $pages pages but $records records"; exit 1; }
echo "$pages pages, $records records"
failed=0
# The same pages read in place from the .tar.xz on two threads: the same records, in the same
# order (archive order is the tar's, so both are compared sorted by id and index), every page.
echo "== the .tar.xz read in place with --jobs 2: the same records as the extracted pages"
run_convert --jobs 2 "$CORPUS/cables/wikileaks-html.tar.xz" -o "$WORK/html-archive.jsonl" 2>/dev/null
jq -c 'del(.source.path)' "$WORK/html.jsonl" | sort >"$WORK/html.sorted"
jq -c 'del(.source.path)' "$WORK/html-archive.jsonl" | sort >"$WORK/html-archive.sorted"
if cmp -s "$WORK/html.sorted" "$WORK/html-archive.sorted" && [ "$rc" -le 1 ]; then
	echo "$(wc -l <"$WORK/html-archive.jsonl") records, identical"
else
	echo "corpus-check: the archive read in place gives other records (exit $rc)"
	failed=1
fi
"$CHECK" html "$CORPUS/cables/wikileaks-html.metadata.csv" "$WORK/html" || failed=1

echo
echo "== every page as XML, valid against schema/records.rng"
run_convert "$WORK/html" -o "$WORK/html.xml" 2>/dev/null
if [ "$rc" -gt 1 ]; then
	echo "corpus-check: convert to XML failed (exit $rc)"; failed=1
elif [ "$(grep -c '^<cable>' "$WORK/html.xml")" != "$pages" ]; then
	echo "corpus-check: $pages pages but $(grep -c '^<cable>' "$WORK/html.xml") <cable> records"; failed=1
else
	xml_valid "$WORK/html.xml" || failed=1
fi

echo
echo "== every page as CSV with its tables, read back by a CSV reader"
csv_readback html "$pages" "$WORK/html"

echo
echo "== body-txt.tar.xz: every file converts to exactly one record"
mkdir -p "$WORK/body"
tar -xJf "$CORPUS/cables/body-txt.tar.xz" -C "$WORK/body"
files=$(find "$WORK/body" -type f -name '*.txt' | wc -l)
run_convert "$WORK/body" -o "$WORK/body.jsonl"
[ "$rc" -le 1 ] || { echo "corpus-check: convert failed (exit $rc)"; exit 1; }
records=$(wc -l <"$WORK/body.jsonl")
[ "$records" = "$files" ] || { echo "corpus-check: $files files but $records records"; exit 1; }
echo "$files files, $records records"
dir=$(dirname "$(find "$WORK/body" -type f -name '*.txt' | head -n 1)")
"$CHECK" body-txt "$CORPUS/cables/wikileaks-html.metadata.csv" "$dir" || failed=1
echo "body-txt as XML, valid against schema/records.rng"
run_convert "$WORK/body" -o "$WORK/body.xml" 2>/dev/null
if [ "$rc" -gt 1 ]; then
	echo "corpus-check: convert to XML failed (exit $rc)"; failed=1
else
	xml_valid "$WORK/body.xml" || failed=1
fi
echo "body-txt as CSV with its tables, read back by a CSV reader"
csv_readback body "$files" "$WORK/body"

echo
echo "== news: Reuters-21578, naeb-dev, wire samples, seed articles"
if [ -d "$CORPUS/news" ]; then
	mkdir -p "$WORK/reuters"
	tar -xJf "$CORPUS/news/reuters21578-dev.tar.xz" -C "$WORK/reuters"
	reuters=$(dirname "$(find "$WORK/reuters" -name 'reut2-*.sgm' | head -n 1)")
	"$NEWS" "$CORPUS/news" "$SHARED/seeds" "$reuters" tests/corpus/naeb_datelines.tsv || failed=1
	echo
	echo "== Reuters-21578 and the wire samples as XML, valid against schema/records.rng"
	run_convert "$reuters" "$CORPUS/news/wire-samples" "$SHARED/seeds" -o "$WORK/news.xml" 2>/dev/null
	if [ "$rc" -gt 1 ]; then
		echo "corpus-check: convert to XML failed (exit $rc)"; failed=1
	else
		xml_valid "$WORK/news.xml" || failed=1
	fi
else
	echo "news: skipped: $CORPUS/news not found"
fi

echo
echo "== naeb-dev pages (article-html): every page one record, body F1, headline, authors"
# The saved news pages of naeb-dev-html.tar.xz against naeb-dev.json (tests/corpus/naeb_score.py:
# 4-token shingles of the paragraphs against the gold text, per page, means over pages; a third
# of the pages, chosen by their name's hash, held out from tuning). The floors catch a regression;
# the issue's target (held-out F1 0.958) is reported, not enforced.
naeb_out=
if [ -f "$CORPUS/news/naeb-dev-html.tar.xz" ]; then
	mkdir -p "$WORK/naeb"
	tar -xJf "$CORPUS/news/naeb-dev-html.tar.xz" -C "$WORK/naeb"
	naeb_pages=$(find "$WORK/naeb" -type f -name '*.html' | wc -l)
	run_convert "$WORK/naeb" -o "$WORK/naeb.jsonl" 2>/dev/null
	naeb_records=$(jq -r 'select(.kind == "article" and .source.format == "article-html") | .kind' "$WORK/naeb.jsonl" | wc -l)
	if [ "$rc" -gt 1 ] || [ "$naeb_records" != "$naeb_pages" ]; then
		echo "corpus-check: $naeb_pages pages but $naeb_records article-html records (exit $rc)"; failed=1
	else
		echo "$naeb_pages pages, $naeb_records article-html records"
	fi
	/usr/bin/python3 tests/corpus/naeb_score.py "$CORPUS/news/naeb-dev.json" "$WORK/naeb.jsonl" \
		--min-f1 0.95 --min-headline 0.96 || failed=1
	run_convert "$WORK/naeb" -o "$WORK/naeb.xml" 2>/dev/null
	xml_valid "$WORK/naeb.xml" || failed=1
	naeb_out=$WORK/naeb.jsonl
	# the tuning pages rewritten as other sites write theirs (no h1, a logo h1, no JSON-LD, no
	# og:title, titles with a site's name before or after, a social title, the headline in a div,
	# several h1s, a <br> in the h1; paragraphs as divs, no class or id, no HTML5 sections,
	# <br><br> for <p>): the headline, byline and body choices must not lean on one kind of
	# markup. The body floors sit just under what stop 28 reached (tuning pages 0.960 as saved),
	# the headline floor under the lowest rewrite (social-cards, 94.2 %) but for the h2 with
	# <title> alone (92.3 %: a search engine's title often shares few words with the visible
	# headline), the authors floor under the lowest rewrite (89.1 %).
	echo "-- the tuning pages as other sites write them (tests/corpus/naeb_variants.py)"
	mkdir -p "$WORK/naeb-variants"
	/usr/bin/python3 tests/corpus/naeb_variants.py "$CW" "$CORPUS/news/naeb-dev.json" \
		"$WORK/naeb/html" "$WORK/naeb-variants" --min-headline 0.94 --min-authors 0.88 \
		--min-headline-for h2-no-meta=0.92 \
		--min-f1 p-div=0.957 --min-f1 no-class=0.954 --min-f1 p-wrap=0.957 \
		--min-f1 no-article=0.957 --min-f1 no-html5=0.956 --min-f1 br=0.954 \
		--min-f1 div-soup=0.950 || failed=1
	rm -rf "$WORK/naeb-variants"
else
	echo "naeb: skipped: $CORPUS/news/naeb-dev-html.tar.xz not found"
fi

echo
echo "== every record above matches schema/record.schema.json"
outputs="$WORK/html.jsonl $WORK/body.jsonl $naeb_out"
if [ -d "$CORPUS/news" ]; then
	run_convert "$reuters"/reut2-*.sgm -o "$WORK/reuters.jsonl" 2>/dev/null
	[ "$rc" -le 1 ] || { echo "corpus-check: convert of the Reuters SGML failed (exit $rc)"; exit 1; }
	outputs="$outputs $WORK/reuters.jsonl"
fi
PY=$(tests/python_with_jsonschema.sh)
if [ -z "$PY" ]; then
	echo "schema: skipped: python3-jsonschema not installed"
else
	set +e
	# shellcheck disable=SC2086 # paths under BUILD, no blanks
	"$PY" tests/validate_schema.py schema $outputs >"$WORK/schema.out"
	rc=$?
	set -e
	# A systematic mismatch would print every record: the first failures say enough.
	[ "$rc" = 0 ] || { head -n 60 "$WORK/schema.out"; failed=1; }
	tail -n 1 "$WORK/schema.out"
fi
echo "== every record above against the record catalogue (keys, types, order)"
"$CATALOGUE" --json >"$WORK/catalogue.json"
# shellcheck disable=SC2086 # paths under BUILD, no blanks
python3 tests/catalogue/check.py --records "$WORK/catalogue.json" $outputs || failed=1
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
run_convert "$WORK/html" -o "$ARCH"
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
	hits=$(sqlite3 "$ARCH" "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH '$word'")
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
grep -q ": 0 inserted, $pages unchanged, 0 new versions$" "$WORK/archive-again.err" \
	|| { echo "corpus-check: converting the pages again changed the archive"; failed=1; }
echo "the same pages again: $(secs "$t0" "$t1") s, $(sqlite3 "$ARCH" "SELECT count(*) FROM records") records"
mkdir -p "$WORK/html2011"
tar -xJf "$CORPUS/cables/wikileaks-html-2011-layout.tar.xz" -C "$WORK/html2011"
set -- "$WORK/body" "$WORK/html2011"
[ -d "$CORPUS/news" ] && set -- "$@" "${reuters:-$WORK/reuters}" "$CORPUS/news/wire-samples"
t0=$(now)
run_convert "$@" -o "$ARCH"
t1=$(now)
[ "$rc" -le 1 ] || { echo "corpus-check: archive update failed (exit $rc)"; exit 1; }
echo "body-txt, 2011 layout, Reuters, wire samples added in place: $(secs "$t0" "$t1") s, $(du -m "$ARCH" | cut -f1) MB"
sqlite3 "$ARCH" "SELECT kind, count(*), count(DISTINCT record_id), max(version) FROM records GROUP BY kind" |
	awk -F'|' '{ printf "  %-8s %6d records, %6d ids, up to version %d\n", $1, $2, $3, $4 }'
archive_ok "$ARCH" "whole-corpus archive"

echo
echo "== NITF and ninjs: the pages and the Reuters SGML, every document valid"
# NITF: one document per record, each against schema/nitf-subset.rng (xmllint reads the schema
# once for all the documents); ninjs: one object a line against IPTC's ninjs 2.1 schema.
nitf_ninjs() { # NAME INPUT...
	name=$1; shift
	run_convert "$@" -o "$WORK/$name.nitf" 2>/dev/null
	rc1=$rc
	run_convert "$@" -o "$WORK/$name.ninjs" 2>/dev/null
	rc2=$rc
	if [ "$rc1" -gt 1 ] || [ "$rc2" -gt 1 ]; then
		echo "corpus-check: convert $name to nitf/ninjs failed (exit $rc1, $rc2)"; failed=1; return
	fi
	rm -rf "$WORK/$name.docs" && mkdir -p "$WORK/$name.docs"
	awk -v d="$WORK/$name.docs" '/^<\?xml /{ if (n) close(f); n++; f = d "/" n ".xml" } n { print > f }' \
		"$WORK/$name.nitf"
	docs=$(find "$WORK/$name.docs" -name '*.xml' | wc -l | tr -d ' ')
	lines=$(wc -l <"$WORK/$name.ninjs" | tr -d ' ')
	set +e
	find "$WORK/$name.docs" -name '*.xml' -print0 |
		xargs -0 xmllint --noout --relaxng schema/nitf-subset.rng 2>"$WORK/$name.nitf.err"
	set -e
	# a document that is not even well formed says neither "validates" nor "fails to validate"
	valid=$(grep -c ' validates$' "$WORK/$name.nitf.err" || true)
	bad=$((docs - valid))
	echo "$name: $docs NITF documents, $bad not valid; $lines ninjs objects"
	[ "$docs" = "$lines" ] || { echo "corpus-check: $name: $docs NITF documents but $lines ninjs lines"; failed=1; }
	[ "$bad" = 0 ] || { grep -v ' validates$' "$WORK/$name.nitf.err" | head -n 20; failed=1; }
	if [ -n "$PY" ] && [ -f "$NINJS_SCHEMA" ]; then
		set +e
		"$PY" tests/validate_ninjs.py "$NINJS_SCHEMA" "$WORK/$name.ninjs" >"$WORK/$name.ninjs.out"
		rc=$?
		set -e
		[ "$rc" = 0 ] || { head -n 40 "$WORK/$name.ninjs.out"; failed=1; }
		tail -n 1 "$WORK/$name.ninjs.out"
	else
		echo "ninjs: skipped: python3-jsonschema or $NINJS_SCHEMA missing"
	fi
}
NINJS_SCHEMA=$CORPUS/news/ninjs-spec/specification_ninjs-schema_2.1.json
nitf_ninjs html "$WORK/html"
nitf_ninjs body "$WORK/body"
if [ -d "$CORPUS/news" ]; then
	nitf_ninjs reuters "$reuters"/reut2-*.sgm
	nitf_ninjs wire "$CORPUS/news/wire-samples" "$SHARED/seeds"
fi

echo
echo "== round trip: written as NITF, ninjs and NewsML-G2, read back, the same fields"
# Every record of the Reuters collection and the wire samples (agency NITF, NewsML, ninjs
# included), converted to each format and read back: agreement per field, at least 99.9 %
# (tests/roundtrip.sh, tests/corpus/roundtrip.py); the pages' cables come back as articles with
# their subject and text.
if [ -d "$CORPUS/news" ]; then
	tests/roundtrip.sh "$CW" 99.9 reuters+wire "$reuters"/reut2-*.sgm "$CORPUS/news/wire-samples" || failed=1
fi
tests/roundtrip.sh "$CW" 99.9 cables "$WORK/html" || failed=1
exit $failed
