#!/bin/sh
# Command-line behaviour: exit codes, summaries, outputs, diagnostics with source and caret.
# Usage: tests/cli.sh path/to/cablewire
set -u
CW=${1:?usage: tests/cli.sh CABLEWIRE}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
n=0
ok() { n=$((n + 1)); }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
expect_rc() { # expected-rc description command...
	want=$1; what=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"; rc=$?
	if [ "$rc" = "$want" ]; then ok; else fail "$what: exit $rc, expected $want"; cat "$T/err" >&2; fi
}

V=testdata/cables/valid
I=testdata/cables/invalid

expect_rc 0 "--version" "$CW" --version
grep -q '^cablewire [0-9]' "$T/out" || fail "--version prints the version"
expect_rc 0 "--help" "$CW" --help
grep -q 'convert' "$T/out" || fail "--help lists convert"
expect_rc 2 "no command" "$CW"
expect_rc 2 "unknown command" "$CW" frobnicate
expect_rc 2 "unknown --from" "$CW" parse --from nope $V/text-acp127/input.txt
expect_rc 2 "missing input file" "$CW" parse /nonexistent/cable.txt
expect_rc 2 "convert without -o" "$CW" convert $V

# parse: valid input exits 0 and prints a JSON array.
expect_rc 0 "parse valid" "$CW" parse $V/text-acp127/input.txt
jq -e 'length == 1 and .[0].id == "07VALLETTA412"' "$T/out" >/dev/null || fail "parse prints the record"
# standard input
expect_rc 0 "parse stdin" sh -c "\"$CW\" parse --format jsonl - < $V/markdown-page/input.md"
jq -e '.id == "10REYKJAVIK91" and .source.path == "-"' "$T/out" >/dev/null || fail "parse reads standard input"
# errors: exit 1, the diagnostic on stderr, located
expect_rc 1 "parse invalid" "$CW" parse $I/dtg-not-a-date/input.txt
grep -q "input.txt:5:3: error: date-time group '301200Z FEB 08' is not a real date and time \[HDR_DTG_INVALID\]" "$T/err" \
	|| fail "parse prints the located error"

# convert: directories recursively, one record per input, summary on stderr
expect_rc 1 "convert testdata" "$CW" convert testdata/cables -o "$T/all.jsonl"
inputs=$(find testdata/cables -type f | wc -l)
records=$((inputs + 1)) # the broken cables.csv case holds two rows
lines=$(wc -l <"$T/all.jsonl")
[ "$lines" = "$records" ] || fail "convert wrote $lines records for $inputs files"
grep -q "cablewire: read $inputs inputs, wrote $records records" "$T/err" || fail "convert summary: $(cat "$T/err")"
jq -e . "$T/all.jsonl" >/dev/null || fail "convert output is valid JSON Lines"
ls "$T"/all.jsonl.* >/dev/null 2>&1 && fail "temporary file left behind"
# only valid inputs: exit 0; .json output is one array
expect_rc 0 "convert valid" "$CW" convert $V/text-acp127/input.txt $V/html-2010-layout/input.html -o "$T/two.json"
jq -e 'type == "array" and length == 2' "$T/two.json" >/dev/null || fail "convert -o .json writes an array"
# XML: --format xml for parse (indented; --compact one record a line), .xml picks it for convert
expect_rc 0 "parse --format xml" "$CW" parse --format xml $V/text-acp127/input.txt
xmllint --noout "$T/out" 2>/dev/null && grep -q '^    <id>07VALLETTA412</id>$' "$T/out" || fail "parse --format xml prints the record as XML"
expect_rc 0 "parse --format xml --compact" "$CW" parse --format xml --compact $V/text-acp127/input.txt $V/html-2010-layout/input.html
[ "$(grep -c '^<cable><id>' "$T/out")" = 2 ] || fail "compact XML: one record a line"
expect_rc 0 "convert -o .xml" "$CW" convert $V/text-acp127/input.txt -o "$T/one.xml"
xmllint --noout "$T/one.xml" 2>/dev/null && grep -q '<cable><id>07VALLETTA412</id>' "$T/one.xml" || fail "convert -o .xml writes XML"
expect_rc 0 "convert --format xml to .out" "$CW" convert --format xml $V/text-acp127/input.txt -o "$T/one.out"
head -c 5 "$T/one.out" | grep -q '^<?xml' || fail "--format xml wins over the extension"
expect_rc 2 "unknown --format" "$CW" parse --format yaml $V/text-acp127/input.txt
grep -q "(json, jsonl, xml, csv, .*text, nitf, ninjs, newsml-g2, sqlite)" "$T/err" || fail "unknown format lists the formats: $(cat "$T/err")"
"$CW" parse --help | grep -q 'xml' || fail "parse --help lists xml"
"$CW" convert --help | grep -q 'xml' || fail "convert --help lists xml"
# unreadable output directory: exit 2, no output
expect_rc 2 "convert to a missing directory" "$CW" convert $V -o /nonexistent/dir/out.jsonl

# a FIFO (or /dev/null) as the output is written in place, never replaced by a file
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/from-fifo" &
reader=$!
expect_rc 0 "convert to a FIFO" "$CW" convert $V/text-acp127/input.txt -o "$T/fifo"
wait $reader
[ -p "$T/fifo" ] || fail "the FIFO was replaced by a regular file"
jq -e '.id == "07VALLETTA412"' "$T/from-fifo" >/dev/null || fail "the record came through the FIFO"
# every form by name, and the forms detected without being told
for pair in text:text.txt wikileaks-html:wikileaks.html markdown:markdown.md \
	cables-csv:cables.csv body-text:07VALLETTA416.txt pdf-text:pdf.txt; do
	form=${pair%%:*} file=${pair#*:}
	expect_rc 0 "--from $form" "$CW" parse --format jsonl --from $form testdata/cables/forms/$file
	[ "$(jq -r .source.format "$T/out")" = "$form" ] || fail "--from $form is the form used"
done
expect_rc 0 "convert the same cable in every form" "$CW" convert testdata/cables/forms -o "$T/forms.jsonl"
[ "$(jq -r .id "$T/forms.jsonl" | sort -u)" = "07VALLETTA416" ] || fail "every form gives the same id"
[ "$(jq -r .source.format "$T/forms.jsonl" | sort | tr '\n' ' ')" = "body-text cables-csv markdown pdf-text text wikileaks-html " ] \
	|| fail "forms detected: $(jq -r .source.format "$T/forms.jsonl" | tr '\n' ' ')"

# articles: every article form detected without being told, stories of a stream one record each
A=testdata/articles/valid
expect_rc 0 "convert the article cases" "$CW" convert $A/*/input.* -o "$T/articles.jsonl"
[ "$(jq -r .source.format "$T/articles.jsonl" | sort -u | tr '\n' ' ')" = "anpa article-html article-text iptc7901 newsml newsml-g2 ninjs nitf reuters-sgml wire-text " ] \
	|| fail "article forms detected: $(jq -r .source.format "$T/articles.jsonl" | tr '\n' ' ')"
# a record cablewire wrote as JSON (a headline, no uri, guid or body member) is not taken for ninjs
head -n 1 "$T/articles.jsonl" >"$T/record.json"
expect_rc 0 "a JSON record as input" "$CW" parse --format jsonl "$T/record.json"
[ "$(jq -r .source.format "$T/out")" != ninjs ] || fail "a cablewire JSON record was read as ninjs"
jq -e -s 'all(.[]; .kind == "article")' "$T/articles.jsonl" >/dev/null || fail "articles are kind article"
expect_rc 0 "two Reuters records" "$CW" parse --format jsonl $A/reuters-sgml/input.sgm
[ "$(jq -r .reuters.newid "$T/out" | tr '\n' ' ')" = "1 2 " ] || fail "one record per <REUTERS>, in order"
# --from names every article form; a forced form that does not fit is a located error, not a crash
for pair in anpa:anpa/input.anpa iptc7901:iptc7901/input.txt reuters-sgml:reuters-sgml/input.sgm \
	wire-text:wire-text/input.txt article-text:web-page/input.txt; do
	form=${pair%%:*} file=${pair#*:}
	expect_rc 0 "--from $form" "$CW" parse --format jsonl --from $form $A/$file
	[ "$(jq -r .source.format "$T/out" | sort -u)" = "$form" ] || fail "--from $form is the form used"
done
expect_rc 1 "--from anpa on a web page" "$CW" parse --format jsonl --from anpa $A/web-page/input.txt
grep -q "input.txt:1:1: error: .*\[WIRE_NO_SOH\]" "$T/err" || fail "no SOH is reported: $(cat "$T/err")"
expect_rc 1 "--from reuters-sgml on a web page" "$CW" parse --format jsonl --from reuters-sgml $A/web-page/input.txt
jq -e '.kind == "error"' "$T/out" >/dev/null || fail "no <REUTERS> record gives an error record"
# the ANPA capture with noise and a lost ETX: both stories, the warning located
expect_rc 0 "ANPA with noise" "$CW" parse --format jsonl testdata/articles/invalid/anpa-noise-and-lost-etx/input.anpa
[ "$(wc -l <"$T/out")" = 2 ] || fail "two ANPA stories give two records"
grep -q "input.anpa:16:1: warning: the story's text has no end of text (ETX) \[WIRE_NO_ETX\]" "$T/err" \
	|| fail "lost ETX reported: $(cat "$T/err")"

# csv: a header row and one row per record, read back by a CSV reader; companion tables keyed
# by the record's key; text: one block per record
expect_rc 1 "convert to csv with tables" "$CW" convert testdata/cables/valid/*/input.* testdata/articles/valid/*/input.* \
	testdata/cables/invalid/*/input.* --csv-tables "$T" -o "$T/all.csv"
records=$(ls testdata/cables/valid/*/input.* testdata/articles/valid/*/input.* testdata/cables/invalid/*/input.* | wc -l)
# the Reuters case holds two stories, the broken cables.csv two rows, the NITF stream and the
# ninjs lines two stories each; the NewsML-G2 message and package and the ninjs array three items
# each, the NewsML 1.2 case two
records=$((records + 11))
python3 - "$T" "$records" <<'PY' || fail "csv output read back"
import csv, sys
d, want = sys.argv[1], int(sys.argv[2])
rows = list(csv.reader(open(d + "/all.csv", newline="", encoding="utf-8"), strict=True))
assert len(rows) == want + 1, (len(rows), want)
width = len(rows[0])
assert all(len(r) == width for r in rows), "ragged rows"
keys = {r[1] for r in rows[1:]}
for t in ("recipients", "tags", "references", "paragraphs", "bylines", "credits", "diagnostics"):
    tab = list(csv.reader(open(d + "/" + t + ".csv", newline="", encoding="utf-8"), strict=True))
    assert tab[0][0] == "key", t
    assert all(len(r) == len(tab[0]) for r in tab), t + ": ragged rows"
    assert all(r[0] in keys for r in tab[1:]), t + ": a row without its record"
PY
expect_rc 2 "csv tables into a missing directory" "$CW" convert $V/text-acp127/input.txt --csv-tables /nonexistent/dir -o "$T/x.csv"
expect_rc 0 "text output" "$CW" convert $V/text-acp127/input.txt testdata/articles/valid/anpa/input.anpa -o "$T/clean.txt"
[ "$(grep -c "$(printf '\f')" "$T/clean.txt")" = 1 ] || fail "records in text are parted by a form feed line"
grep -q '^SUBJECT: ' "$T/clean.txt" && grep -q '^Levee holds as river crests in Wyoming town$' "$T/clean.txt" \
	|| fail "clean text has the subject and the headline"
! grep -q '___\|\^' "$T/clean.txt" || fail "wire marks left in clean text"

# validate: every valid case passes; every broken file gets at least one located diagnostic
# with its source line and caret; --strict fails on warnings; --format json gives records
expect_rc 0 "validate the valid cases" "$CW" validate testdata/cables/valid/*/input.* testdata/articles/valid/*/input.*
for f in testdata/*/invalid/*/input.*; do
	"$CW" validate --strict "$f" >"$T/out" 2>"$T/err"; rc=$?
	if [ "$rc" = 1 ] && grep -q "^$f:[0-9]*:[0-9]*: error: .* \[[A-Z0-9_]*\]\$" "$T/err" && grep -q '^    *\^$' "$T/err"; then
		ok
	else
		fail "validate --strict $f: exit $rc, no located diagnostic with a caret"
	fi
done
expect_rc 0 "validate without --strict passes warnings" "$CW" validate testdata/cables/invalid/header-noise/input.txt
grep -q "input.txt:2:11: warning: 'RU3HZZ' is not a routing indicator \[HDR_FL2_WORD\]" "$T/err" || fail "validate prints warnings"
grep -q "^              \^$" "$T/err" || fail "the caret stands under column 11"
expect_rc 1 "validate --format json" "$CW" validate --format json testdata/cables/invalid/dtg-not-a-date/input.txt \
	testdata/cables/valid/text-acp127/input.txt
jq -e -s 'length == 2 and .[0].valid == false and .[0].diagnostics[0].code == "HDR_DTG_INVALID" and .[1].valid == true' \
	"$T/out" >/dev/null || fail "validate --format json: $(cat "$T/out")"
expect_rc 2 "validate a missing file" "$CW" validate /nonexistent/cable.txt
expect_rc 2 "validate an unknown format" "$CW" validate --format yaml testdata/cables/valid/text-acp127/input.txt
# sqlite: an archive database from the extension or --format; updated in place, idempotent
expect_rc 0 "convert to an archive" "$CW" convert $V/*/input.* $A/*/input.* -o "$T/a.sqlite"
records=$(sqlite3 "$T/a.sqlite" "SELECT count(*) FROM records")
ids=$(sqlite3 "$T/a.sqlite" "SELECT count(DISTINCT record_id) FROM records")
# the 2010 and 2011 layouts of one page: one id, two versions
grep -q "archived $records records (0 with errors, 0 with warnings, $records clean; 0 error records), 0 inputs failed: $ids inserted, 0 unchanged, $((records - ids)) new version$" "$T/err" \
	|| fail "archive summary: $(cat "$T/err")"
[ "$(sqlite3 "$T/a.sqlite" "SELECT record_id FROM records WHERE version = 2")" = 09NICOSIA188 ] || fail "versions in the archive"
ls "$T"/a.sqlite.* >/dev/null 2>&1 && fail "temporary archive left behind"
[ "$(sqlite3 "$T/a.sqlite" "PRAGMA integrity_check")" = ok ] || fail "archive integrity_check"
[ "$(sqlite3 "$T/a.sqlite" "SELECT r.record_id FROM cables_fts f JOIN records r ON r.rowid = f.rowid WHERE cables_fts MATCH 'inspectors'")" = 07VALLETTA415 ] \
	|| fail "full-text query on the archive"
expect_rc 0 "convert to the archive again" "$CW" convert $V/*/input.* $A/*/input.* -o "$T/a.sqlite"
grep -q ": 0 inserted, $records unchanged, 0 new versions$" "$T/err" || fail "second run changes nothing: $(cat "$T/err")"
[ "$(sqlite3 "$T/a.sqlite" "SELECT count(*) FROM records")" = "$records" ] || fail "second run added rows"
sed 's/a second shift of inspectors/a second shift of auditors/' $V/text-body-elements/input.txt >"$T/changed.txt"
expect_rc 0 "a changed cable into the archive" "$CW" convert "$T/changed.txt" -o "$T/a.sqlite"
grep -q ": 0 inserted, 0 unchanged, 1 new version$" "$T/err" || fail "changed text is a new version: $(cat "$T/err")"
[ "$(sqlite3 "$T/a.sqlite" "SELECT version FROM latest WHERE record_id = '07VALLETTA415'")" = 2 ] \
	|| fail "latest shows the new version"
expect_rc 0 "--format sqlite whatever the extension" "$CW" convert --format sqlite $V/text-acp127/input.txt -o "$T/archive.bin"
[ "$(sqlite3 "$T/archive.bin" "SELECT record_id FROM records")" = 07VALLETTA412 ] || fail "--format sqlite writes an archive"
expect_rc 2 "parse --format sqlite" "$CW" parse --format sqlite $V/text-acp127/input.txt
grep -q "use cablewire convert INPUT... -o OUT.sqlite" "$T/err" || fail "parse --format sqlite says why: $(cat "$T/err")"
expect_rc 2 "an archive on standard output" "$CW" convert --format sqlite $V/text-acp127/input.txt -o -
printf '{"not": "an archive"}\n' >"$T/notes.db"
expect_rc 2 "convert into a file that is not an archive" "$CW" convert $V/text-acp127/input.txt -o "$T/notes.db"
grep -q "notes.db: .*not a database" "$T/err" || fail "not an archive is reported: $(cat "$T/err")"
[ "$(cat "$T/notes.db")" = '{"not": "an archive"}' ] || fail "a file that is not an archive was changed"
expect_rc 2 "archive in a missing directory" "$CW" convert $V/text-acp127/input.txt -o /nonexistent/dir/a.sqlite

echo "cli: $n checks, $fails failed"
[ "$fails" = 0 ]
