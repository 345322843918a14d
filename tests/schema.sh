#!/bin/sh
# Every record cablewire emits matches the JSON Schemas in schema/ (record.schema.json picks
# cable, article or error by kind): the records of every testdata input, of deliberately broken
# inputs written here, and of every input cut in half. Then the validator must reject records
# mutated to break the schema, so this test can fail.
# Usage: tests/schema.sh CABLEWIRE
set -u
CW=${1:?usage: tests/schema.sh CABLEWIRE}
SCHEMA=schema
VALIDATE=tests/validate_schema.py

PY=$(tests/python_with_jsonschema.sh)
if [ -z "$PY" ]; then
	echo "schema: skipped: python3-jsonschema not installed"
	exit 0
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
n=0
ok() { n=$((n + 1)); }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
# convert OUT [cablewire options and inputs]: exit 0 or 1 (records written, some with errors)
convert() {
	out=$1; shift
	"$CW" convert "$@" -o "$out" 2>"$T/convert.err"
	rc=$?
	if [ "$rc" -le 1 ] && [ -s "$out" ]; then ok; else fail "convert $* -o $out: exit $rc"; cat "$T/convert.err" >&2; fi
}

# ---- the testdata inputs, each file whole --------------------------------------------------
inputs=$(ls testdata/*/*/*/input.* testdata/cables/forms/*)
# shellcheck disable=SC2086 # one word per input path (ours: no blanks)
convert "$T/testdata.jsonl" $inputs
# shellcheck disable=SC2086
"$CW" parse --format json $inputs >"$T/testdata.json" 2>/dev/null
if [ "$(jq length "$T/testdata.json")" = "$(wc -l <"$T/testdata.jsonl")" ]; then ok; else
	fail "parse --format json gives another number of records than convert"
fi

# ---- broken inputs: odd headers and bodies, damaged framing, inputs of the wrong form --------
B=$T/broken
mkdir -p "$B"
# Address lines before the format lines (a preamble), a time of file that is no day of the
# year, a parenthesised security trailer, a DTG that is no date, a precedence with two blanks,
# an XMT line, a declassification date that is no date, a sub-paragraph, a skipped number.
cat >"$B/odd-header.txt" <<'EOF'
TO RUEHC/SECSTATE WASHDC IMMEDIATE 0101
INFO AMEMBASSY NOWHERE
VZCZCXRO9999
OO RUEHXX
DE RUEHVL #0412/01 9991460
ZNY CCCCC ZZH (CCY ADX000EXAMPLE)
O 301460Z FEB 07
FM AMEMBASSY VALLETTA
TO RUEHC/SECSTATE WASHDC NIACT  IMMEDIATE 4127
XMT AMCONSUL NOWHERE
BT
C O N F I D E N T I A L VALLETTA 000412

E.O. 12958: DECL: 02/30/2017
TAGS: PREL MT
SUBJECT: (C) AN INVENTED TELEGRAM WITH A DAMAGED HEADER

REF: A. STATE 1234 (NOTAL) B. E-MAIL OF MARCH 3

1. (C) A paragraph.
  A. (S) A sub-paragraph above the cable's level.
3. (U) Numbers skip a paragraph.
EOF
# A bare VZCZC, a DE line with neither serial nor time of file, a group that names no level.
cat >"$B/lenient-header.txt" <<'EOF'
VZCZC
RR RUEHC
DE RUEHVL
ZNR UUUAA
R 010101Z JAN 09
FM AMEMBASSY VALLETTA
TO RUEHC/SECSTATE WASHDC 0001
BT
UNCLAS VALLETTA 000001
SUBJECT: AN INVENTED TELEGRAM WITH A LOOSE HEADER
1. TEXT.
EOF
# ACP-126: an operating signal after the DTG and no security line to hold it.
cat >"$B/acp126-opsig.txt" <<'EOF'
R 221855Z APR 79 ZFF6
FM AMEMBASSY VALLETTA
TO SECSTATE WASHDC 1234
BT
UNCLAS VALLETTA 1234
TAGS: PREL
SUBJECT: AN INVENTED OLD TELEGRAM
1. TEXT.
BT
EOF
# A partial extract with office distribution lines and a DE line without an indicator.
cat >"$B/distribution.txt" <<'EOF'
This record is a partial extract of the original cable. The full text of the original cable is not available.

CONFIDENTIAL PTQ1234

PAGE 01 VALLETTA 01234 221005Z
ACTION EUR-00
INFO LOG-00 AF-00 SS-00 /006W
ORIGIN DS-00
------------------12AB34 221010Z /38
DE #1234 0731420
221005Z AUG 01

C O N F I D E N T I A L VALLETTA 001234

E.O. 12958: DECL: 08/22/11
1. (C) TEXT.
EOF
# Control bytes, NUL and bytes that are not UTF-8: no telegram at all.
printf 'x\001\002\377\376 nonsense \000 bytes\r\n\r\n' >"$B/junk.txt"
# cables.csv rows: one whole, one with a date that is no date and empty columns, one that lost
# its closing quote.
cat >"$B/broken.csv" <<'EOF'
"1","3/18/2007 10:30","07VALLETTA1","Embassy Valletta","UNCLASSIFIED","","","UNCLAS VALLETTA 000001\
\
1. TEXT.\
"
"2","13/45/2007 99:99","","","","","","UNCLAS VALLETTA 000002\
"
"3","3/18/2007 10:30","07VALLETTA3","Embassy Valletta","UNCLASSIFIED","","","UNCLAS VALLETTA 000003 the quote never closes
EOF
# A page whose only <pre> block never ends.
printf '<html><body><table class="cable"><tr><th>Reference ID</th></tr><tr><td>07VALLETTA9</td></tr></table><pre>only a header block' \
	>"$B/truncated.html"
printf 'Not SGML, not a wire story, not a telegram.\n' >"$B/prose.txt"
convert "$T/broken.jsonl" "$B"
convert "$T/forced-sgml.jsonl" --from reuters-sgml "$B/prose.txt"
convert "$T/forced-anpa.jsonl" --from anpa "$B/prose.txt"
convert "$T/forced-iptc.jsonl" --from iptc7901 "$B/prose.txt"
convert "$T/forced-html.jsonl" --from wikileaks-html "$B/prose.txt"

# ---- every testdata input cut in half: framing, tables and lines end anywhere ----------------
C=$T/cut
mkdir -p "$C"
i=0
for f in $inputs; do
	i=$((i + 1))
	size=$(wc -c <"$f")
	head -c $((size / 2)) "$f" >"$C/$i-$(basename "$f")"
done
convert "$T/cut.jsonl" "$C"

# The broken inputs still reach what they were written for: all three kinds, and the keys that
# are present only sometimes (a change that loses them would quietly shrink this test).
covered=$(jq -s -r '
	(map(.kind) | unique | join(",")),
	([.[] | select(.kind == "cable") | .routing] |
	 [(map(has("preamble_addressing")) | any), (map(has("dtg_opsig")) | any),
	  (map(.security // {} | has("note")) | any),
	  (map(.originator.filed? // {} | select(has("raw") and (has("time") | not))) | length > 0),
	  (map(.distribution // {} | has("origin")) | any)] | map(tostring) | join(","))' \
	"$T/broken.jsonl" "$T/forced-sgml.jsonl")
if [ "$covered" = "$(printf 'article,cable,error\ntrue,true,true,true,true')" ]; then ok; else
	fail "broken inputs no longer cover what they were written for: $covered"
fi

# ---- inputs that cannot be read: a missing file, a tar cut inside a member (exit 2) -----------
printf 'UNCLAS\n\nSUBJECT: A CUT MEMBER\n' >"$T/member.txt"
head -c 4000 /dev/zero | tr '\0' x >>"$T/member.txt"
(cd "$T" && tar -cf whole.tar member.txt && head -c 1500 whole.tar >cut.tar)
"$CW" convert "$T/no-such-file.txt" "$T/cut.tar" -o "$T/unreadable.jsonl" 2>/dev/null
if [ "$(jq -r '.diagnostics[0].code' "$T/unreadable.jsonl" | tr '\n' ' ')" = "INPUT_UNREADABLE INPUT_READ_ERROR " ]; then ok; else
	fail "unreadable inputs give INPUT_UNREADABLE and INPUT_READ_ERROR records: $(cat "$T/unreadable.jsonl")"
fi

# ---- line mode (parse --lines): records with source.line, a bad line's error record ---------
{
	jq -Rs '{name: "cables/07VALLETTA412.txt", text: .}' testdata/cables/valid/text-acp127/input.txt | jq -c .
	jq -Rs . testdata/articles/valid/reuters-sgml/input.sgm | jq -c .
	echo '{"text": 12}'
} | "$CW" parse --lines -q >"$T/lines.jsonl"
if [ "$(jq -c '[.kind, .source.line]' "$T/lines.jsonl" | tr '\n' ' ')" = '["cable",1] ["article",2] ["article",2] ["error",3] ' ]; then ok; else
	fail "parse --lines: $(jq -c '[.kind, .source.line]' "$T/lines.jsonl")"
fi

# ---- every record validates ------------------------------------------------------------------
"$PY" "$VALIDATE" "$SCHEMA" "$T"/*.jsonl "$T/testdata.json" >"$T/valid.out"
rc=$?
if [ "$rc" = 0 ]; then ok; else fail "records do not match the schema (exit $rc):"; cat "$T/valid.out" >&2; fi
tail -n 1 "$T/valid.out"

# ---- the validator rejects what breaks the schema ---------------------------------------------
# mutate NAME KIND JQ-FILTER EXPECTED: a record of KIND changed by JQ-FILTER must fail, and the
# report must hold EXPECTED (the JSON pointer and what is wrong).
mutate() {
	name=$1 kind=$2 filter=$3 expected=$4
	jq -c -n "first(inputs | select(.kind == \"$kind\")) | $filter" \
		"$T/testdata.jsonl" "$T/broken.jsonl" >"$T/mutated-$name.jsonl"
	"$PY" "$VALIDATE" "$SCHEMA" "$T/mutated-$name.jsonl" >"$T/mutated.out"
	rc=$?
	if [ "$rc" = 1 ] && grep -qF -- "$expected" "$T/mutated.out"; then
		ok
	else
		fail "mutation '$name' ($filter): exit $rc, expected 1 and '$expected' in:"
		cat "$T/mutated.out" >&2
	fi
}
mutate unknown-key cable '.subjet = "typo"' "/: Additional properties are not allowed ('subjet' was unexpected)"
mutate headline-integer article '.headline = 1' "/headline: 1 is not of type 'string', 'null'"
mutate missing-key cable 'del(.routing.dtg)' "/routing: 'dtg' is a required property"
mutate cable-without-form cable '.source.format = null' "/source/format: None is not one of"
mutate dtg-format cable '.routing.dtg = "26 FEB 2006 13:25"' "/routing/dtg: '26 FEB 2006 13:25' does not match"
mutate tag-kind cable '.tags = [{value: "PREL", kind: "topic"}]' "/tags/0/kind: 'topic' is not one of"
mutate severity error '.diagnostics[0].severity = "fatal"' "/diagnostics/0/severity: 'fatal' is not one of"
mutate error-without-error error '.diagnostics = []' "/diagnostics: [] does not contain items matching"
mutate unknown-kind cable '.kind = "telegram"' "/kind: 'telegram' is not one of"
mutate id-without-source cable '.id_source = null' "/id: None was expected"

# The schemas' own rules hold (closed objects, described properties): a copy with a property
# added carelessly is refused before any record is read.
mkdir -p "$T/careless"
cp "$SCHEMA"/*.json "$T/careless/"
jq '.properties.dateline.additionalProperties = true | .properties.extra = {type: "string"}' \
	"$SCHEMA/article.schema.json" >"$T/careless/article.schema.json"
"$PY" "$VALIDATE" "$T/careless" "$T/testdata.jsonl" >"$T/careless.out"
rc=$?
if [ "$rc" = 2 ] && grep -qF "article.schema.json#/properties/extra: no description" "$T/careless.out" &&
	grep -qF "article.schema.json#/properties/dateline: an object without additionalProperties: false" "$T/careless.out"; then
	ok
else
	fail "a careless schema: exit $rc, expected 2 and both problems named in:"
	cat "$T/careless.out" >&2
fi

echo "schema: $n checks, $fails failed"
[ "$fails" = 0 ]
