#!/bin/sh
# XML output against its schema: every testdata input converted with --format xml validates
# against schema/records.rng; the schema refuses what it does not describe; no C0 control
# character reaches the XML; the compact source (records.rnc) and the schema agree.
# Usage: tests/xml.sh path/to/cablewire
set -u
CW=${1:?usage: tests/xml.sh CABLEWIRE}
SCHEMA=schema/records.rng
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
n=0
ok() { n=$((n + 1)); }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
valid() { xmllint --noout --relaxng "$SCHEMA" "$1" 2>"$T/xmllint.err"; }
# Exit 0 (clean) and 1 (input errors) both still write every record.
converted() { [ "$1" -le 1 ]; }

command -v xmllint >/dev/null 2>&1 || { echo "xml: xmllint not found (Debian: libxml2-utils)" >&2; exit 1; }

# Every input on its own, pretty (parse), each output valid.
inputs=0
for f in testdata/*/*/*/input.* testdata/cables/forms/*; do
	inputs=$((inputs + 1))
	"$CW" parse -q --format xml "$f" >"$T/one.xml" 2>/dev/null
	rc=$?
	if ! converted $rc; then
		fail "parse --format xml $f: exit $rc"
	elif valid "$T/one.xml"; then
		ok
	else
		fail "$f: the XML does not validate: $(head -n 3 "$T/xmllint.err")"
	fi
done
[ "$inputs" -gt 20 ] || fail "only $inputs testdata inputs found"

# An input that cannot be read: an error record with a null format, still valid.
"$CW" convert "$T/no-such-file.txt" -o "$T/unreadable.xml" 2>/dev/null
if grep -q '<format null="true"/>' "$T/unreadable.xml" && valid "$T/unreadable.xml"; then ok; else
	fail "an unreadable input's error record: $(cat "$T/unreadable.xml" "$T/xmllint.err")"
fi

# All of them in one compact document (convert picks XML from .xml), one element a record, in
# the same order and of the same kinds as the JSON Lines output.
"$CW" convert testdata -o "$T/all.xml" 2>/dev/null
converted $? || fail "convert testdata -o all.xml"
"$CW" convert testdata -o "$T/all.jsonl" 2>/dev/null
valid "$T/all.xml" && ok || fail "convert testdata -o all.xml: $(head -n 3 "$T/xmllint.err")"
sed -n 's/^<\(cable\|article\|error\)>.*/\1/p' "$T/all.xml" >"$T/xml.kinds"
jq -r .kind "$T/all.jsonl" >"$T/json.kinds"
if [ -s "$T/json.kinds" ] && cmp -s "$T/xml.kinds" "$T/json.kinds"; then ok; else
	fail "XML records ($(wc -l <"$T/xml.kinds")) differ from JSON Lines records ($(wc -l <"$T/json.kinds"))"
fi
grep -q '^<records xmlns="https://cablewire.example/ns/records/1">$' "$T/all.xml" && ok \
	|| fail "the document element and its namespace"
# no record at all: an empty document, still valid
mkdir "$T/empty"
"$CW" convert "$T/empty" -o "$T/none.xml" 2>/dev/null
valid "$T/none.xml" && ok || fail "an empty document: $(cat "$T/xmllint.err")"

# The schema is a vocabulary, not anything-goes: each change below must fail validation.
mutate() { # description sed-expression
	sed "$2" "$T/all.xml" >"$T/bad.xml"
	if cmp -s "$T/all.xml" "$T/bad.xml"; then
		fail "mutation '$1' changed nothing"
	elif valid "$T/bad.xml"; then
		fail "the schema accepts $1"
	else
		ok
	fi
}
mutate "an unknown element in a cable" '0,/<subject>/s//<unexpected\/><subject>/'
mutate "an unknown element in an article" '0,/<headline>/s//<unexpected\/><headline>/'
mutate "an unknown element in an error record" '0,/<error><id null="true"\/>/s//&<unexpected\/>/'
mutate "a cable member out of order" '0,/<subject>\([^<]*\)<\/subject><subject_marking\([^>]*\)>/s//<subject_marking\2><subject>\1<\/subject>/'
mutate "a missing member" '0,/<furniture>[^f]*<\/furniture>/s///'
mutate "an unknown tag kind" '0,/<kind>geographic</s//<kind>planet</'
mutate "text in an integer" '0,/<page_lines>0</s//<page_lines>none</'
mutate "null with text" '0,/<subject>/s//<subject null="true">/'
mutate "another namespace" 's#xmlns="https://cablewire.example/ns/records/1"#xmlns="urn:other"#'

# C0 control characters never reach the XML: in the text (the parser makes them spaces), and in
# what the caller gives as is, like the file name (the escaping core makes them U+FFFD). Invalid
# UTF-8 in the name becomes U+FFFD too.
c0=$(printf 'ctl\001\002\003\004\005\006\007\010\013\014\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037\377.txt')
{ printf 'R 010000Z JAN 08\nFM AMEMBASSY VALLETTA\001\033\nTO SECSTATE WASHDC\n'
  printf 'C O N F I D E N T I A L VALLETTA 000412\n\nSUBJECT: BELLS\007 AND\000 WHISTLES\014\n'
  printf '1. (C) Text\013with\036controls.\n'; } >"$T/$c0"
for fmt in pretty compact; do
	if [ $fmt = pretty ]; then "$CW" parse -q --format xml "$T/$c0" >"$T/c0.xml" 2>/dev/null
	else "$CW" parse -q --compact --format xml "$T/$c0" >"$T/c0.xml" 2>/dev/null; fi
	converted $? || fail "parse --format xml of an input with controls ($fmt)"
	xmllint --noout "$T/c0.xml" 2>"$T/xmllint.err" && ok \
		|| fail "XML with control characters in the input is not well formed ($fmt): $(head -n 2 "$T/xmllint.err")"
	valid "$T/c0.xml" && ok || fail "XML with control characters does not validate ($fmt)"
	if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037]')" "$T/c0.xml" || [ "$(tr -d '\000' <"$T/c0.xml" | wc -c)" != "$(wc -c <"$T/c0.xml")" ]; then
		fail "a C0 control character reached the XML ($fmt)"
	else
		ok
	fi
	grep -q "<path>$T/ctl$(printf '\357\277\275')" "$T/c0.xml" && ok || fail "controls in the path are U+FFFD ($fmt)"
done

# The compact syntax is the source of the XML schema: regenerated, it must give the same file.
if command -v trang >/dev/null 2>&1; then
	trang -I rnc -O rng schema/records.rnc "$T/records.rng" 2>"$T/trang.err" || fail "trang: $(cat "$T/trang.err")"
	cmp -s "$T/records.rng" "$SCHEMA" && ok || fail "schema/records.rng is not generated from records.rnc: run make schema"
else
	echo "xml: trang not installed: records.rnc and records.rng not compared (make schema installs it)"
fi

echo "xml: $n checks, $fails failed"
[ "$fails" = 0 ]
