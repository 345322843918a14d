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
# Streamed validation (memory stays flat); the first errors only, there may be thousands.
xml_valid() {
	if xmllint --stream --noout --relaxng schema/records.rng "$1" 2>"$1.err"; then
		cat "$1.err"
	else
		head -n 20 "$1.err"
		return 1
	fi
}
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
echo "== every page as XML, valid against schema/records.rng"
set +e
"$CW" convert "$WORK/html" -o "$WORK/html.xml" 2>/dev/null
rc=$?
set -e
if [ "$rc" -gt 1 ]; then
	echo "corpus-check: convert to XML failed (exit $rc)"; failed=1
elif [ "$(grep -c '^<cable>' "$WORK/html.xml")" != "$pages" ]; then
	echo "corpus-check: $pages pages but $(grep -c '^<cable>' "$WORK/html.xml") <cable> records"; failed=1
else
	xml_valid "$WORK/html.xml" || failed=1
fi

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
	echo
	echo "== Reuters-21578 and the wire samples as XML, valid against schema/records.rng"
	set +e
	"$CW" convert "$reuters" "$CORPUS/news/wire-samples" "$SHARED/seeds" -o "$WORK/news.xml" 2>/dev/null
	rc=$?
	set -e
	if [ "$rc" -gt 1 ]; then
		echo "corpus-check: convert to XML failed (exit $rc)"; failed=1
	else
		xml_valid "$WORK/news.xml" || failed=1
	fi
else
	echo "news: skipped: $CORPUS/news not found"
fi

echo
echo "== every record above matches schema/record.schema.json"
# python3 on PATH first, then Debian's own (where python3-jsonschema installs), as tests/schema.sh.
PY=
for py in python3 /usr/bin/python3; do
	if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import jsonschema' 2>/dev/null; then
		PY=$py
		break
	fi
done
if [ -z "$PY" ]; then
	echo "schema: skipped: python3-jsonschema not installed"
else
	outputs="$WORK/html.jsonl $WORK/body.jsonl"
	if [ -d "$CORPUS/news" ]; then
		set +e
		"$CW" convert "$reuters"/reut2-*.sgm -o "$WORK/reuters.jsonl" 2>/dev/null
		rc=$?
		set -e
		[ "$rc" -le 1 ] || { echo "corpus-check: convert of the Reuters SGML failed (exit $rc)"; exit 1; }
		outputs="$outputs $WORK/reuters.jsonl"
	fi
	set +e
	# shellcheck disable=SC2086 # paths under BUILD, no blanks
	"$PY" tests/validate_schema.py schema $outputs >"$WORK/schema.out"
	rc=$?
	set -e
	# A systematic mismatch would print every record: the first failures say enough.
	[ "$rc" = 0 ] || { head -n 60 "$WORK/schema.out"; failed=1; }
	tail -n 1 "$WORK/schema.out"
fi

echo
echo "== NITF and ninjs: the pages and the Reuters SGML, every document valid"
# NITF: one document per record, each against schema/nitf-subset.rng (xmllint reads the schema
# once for all the documents); ninjs: one object a line against IPTC's ninjs 2.1 schema.
nitf_ninjs() { # NAME INPUT...
	name=$1; shift
	set +e
	"$CW" convert "$@" -o "$WORK/$name.nitf" 2>/dev/null
	rc1=$?
	"$CW" convert "$@" -o "$WORK/$name.ninjs" 2>/dev/null
	rc2=$?
	set -e
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
if [ -d "$CORPUS/news" ]; then
	nitf_ninjs reuters "$reuters"/reut2-*.sgm
	nitf_ninjs wire "$CORPUS/news/wire-samples" "$SHARED/seeds"
fi
exit $failed
