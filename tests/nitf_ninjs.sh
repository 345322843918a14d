#!/bin/sh
# NITF and ninjs output against their validators: every testdata input (and every input cut in
# half) converted with --format nitf gives one XML document per record, each valid against
# schema/nitf-subset.rng (our RELAX NG subset of NITF 3.6: IPTC's own schema is not available
# offline); with --format ninjs, one JSON object a line, each valid against IPTC's ninjs 2.1 JSON
# Schema from ../shared/corpus/news/ninjs-spec/ (that part is skipped, saying so, when ../shared
# or python3-jsonschema is absent). Then mutated documents must fail, so this test can fail.
# Usage: tests/nitf_ninjs.sh CABLEWIRE
set -u
CW=${1:?usage: tests/nitf_ninjs.sh CABLEWIRE}
RNG=schema/nitf-subset.rng
NINJS_SCHEMA=${NINJS_SCHEMA:-../shared/corpus/news/ninjs-spec/specification_ninjs-schema_2.1.json}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
n=0
ok() { n=$((n + 1)); }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
command -v xmllint >/dev/null 2>&1 || { echo "nitf_ninjs: xmllint not found (Debian: libxml2-utils)" >&2; exit 1; }

# A NITF stream split into its documents DIR/1.xml, DIR/2.xml, ...: each starts with its XML
# declaration at the start of a line (a "<?xml" inside a record's text is escaped).
split_nitf() { # STREAM DIR
	rm -rf "$2" && mkdir -p "$2"
	awk -v d="$2" '/^<\?xml /{ if (n) close(f); n++; f = d "/" n ".xml" } n { print > f }' "$1"
}
# Every document of DIR valid against the subset schema; prints the failures.
nitf_valid_dir() {
	bad=0
	for doc in "$1"/*.xml; do
		[ -e "$doc" ] || continue
		xmllint --noout --relaxng "$RNG" "$doc" 2>"$T/xmllint.err" || {
			bad=1; echo "$doc: $(grep -v 'fails to validate' "$T/xmllint.err" | head -n 3)" >&2; }
	done
	return $bad
}
ndocs() { find "$1" -name '*.xml' | wc -l | tr -d ' '; }

PY=$(tests/python_with_jsonschema.sh)
ninjs_valid() { "$PY" tests/validate_ninjs.py "$NINJS_SCHEMA" "$@" >"$T/ninjs.out"; }
NINJS=1
if [ -z "$PY" ]; then
	echo "nitf_ninjs: ninjs schema checks skipped: python3-jsonschema not installed"; NINJS=0
elif [ ! -f "$NINJS_SCHEMA" ]; then
	echo "nitf_ninjs: ninjs schema checks skipped: $NINJS_SCHEMA not found"; NINJS=0
fi

inputs=$(ls testdata/*/*/*/input.* testdata/cables/forms/*)
# shellcheck disable=SC2086 # one word per input path (ours: no blanks)
"$CW" convert $inputs -o "$T/all.jsonl" 2>/dev/null
records=$(wc -l <"$T/all.jsonl" | tr -d ' ')
[ "$records" -gt 25 ] && ok || fail "only $records testdata records"

# ---- NITF: each input on its own, pretty (parse), then all of them compact (convert) ---------
count=0
for f in $inputs; do
	"$CW" parse -q --format nitf "$f" >"$T/one.nitf" 2>/dev/null
	rc=$?
	[ "$rc" -le 1 ] || { fail "parse --format nitf $f: exit $rc"; continue; }
	split_nitf "$T/one.nitf" "$T/one"
	count=$((count + $(ndocs "$T/one")))
	nitf_valid_dir "$T/one" && ok || fail "$f: a NITF document does not validate"
done
[ "$count" = "$records" ] && ok || fail "parse --format nitf gave $count documents for $records records"

# shellcheck disable=SC2086
"$CW" convert $inputs -o "$T/all.nitf" 2>/dev/null
[ $? -le 1 ] || fail "convert -o all.nitf"
head -c 5 "$T/all.nitf" | grep -q '^<?xml' && ok || fail ".nitf picks --format nitf"
split_nitf "$T/all.nitf" "$T/all"
[ "$(ndocs "$T/all")" = "$records" ] && ok || fail "convert .nitf: $(ndocs "$T/all") documents for $records records"
nitf_valid_dir "$T/all" && ok || fail "convert .nitf: a document does not validate"
# compact: a document a line (no record of testdata has a line break in its text)
[ "$(wc -l <"$T/all.nitf" | tr -d ' ')" = "$records" ] && ok || fail "compact NITF is not a document a line"

# Every input cut in half: framing and lines end anywhere.
C=$T/cut
mkdir -p "$C"
i=0
for f in $inputs; do
	i=$((i + 1))
	size=$(wc -c <"$f")
	head -c $((size / 2)) "$f" >"$C/$i-$(basename "$f")"
done
"$CW" convert "$C" -o "$T/cut.nitf" 2>/dev/null
[ $? -le 1 ] || fail "convert cut inputs -o cut.nitf"
split_nitf "$T/cut.nitf" "$T/cutdocs"
[ "$(ndocs "$T/cutdocs")" -ge "$i" ] && ok || fail "cut inputs: $(ndocs "$T/cutdocs") NITF documents for $i inputs"
nitf_valid_dir "$T/cutdocs" && ok || fail "cut inputs: a NITF document does not validate"

# The documents carry what they are for (a change that drops a field would still validate).
grep -q '<hl1>MALTA: HARBOR AUTHORITY OUTLINES NEW FERRY SCHEDULE</hl1>' "$T/all.nitf" && ok \
	|| fail "a cable's subject is its hl1"
grep -q '<doc-id regsrc="cablewire" id-string="07VALLETTA412"/>' "$T/all.nitf" && ok || fail "a cable's id is its doc-id"
grep -q '<story.date norm="20[0-9]\{6\}T[0-9]\{6\}+0000">' "$T/all.nitf" && ok || fail "a cable's DTG is its story.date"
grep -q '<p>1\. (C) ' "$T/all.nitf" && ok || fail "cable paragraphs carry their number and marking"
grep -q '<keyword key="PREL"/>' "$T/all.nitf" && ok || fail "TAGS in the key-list"
grep -q '<meta name="cablewire.kind" content="error"/>' "$T/all.nitf" && ok || fail "error records are documents too"

# ---- NITF: the schema refuses what NITF or our subset does not allow --------------------------
doc=$(grep -l '<hl1>' "$T"/all/*.xml | head -n 1)
mutate_nitf() { # description sed-expression
	sed "$2" "$doc" >"$T/bad.xml"
	if cmp -s "$doc" "$T/bad.xml"; then
		fail "NITF mutation '$1' changed nothing"
	elif xmllint --noout --relaxng "$RNG" "$T/bad.xml" 2>/dev/null; then
		fail "NITF mutation '$1' still validates"
	else
		ok
	fi
}
mutate_nitf "hl1 renamed" 's/<hl1>/<headline>/; s/<\/hl1>/<\/headline>/'
mutate_nitf "no doc-id" 's/<doc-id [^>]*\/>//'
mutate_nitf "date in ISO 8601 extended form" 's/norm="\([0-9]\{4\}\)\([0-9]\{2\}\)/norm="\1-\2-/'
mutate_nitf "urgency out of range" 's/<docdata>/<docdata><urgency ed-urg="9"\/>/'
mutate_nitf "body before head" 's/<head>/<body\/><head>/'
mutate_nitf "another NITF version" 's/NITF 3\.6/NITF 9.9/'
mutate_nitf "not well formed" 's/<\/nitf>//'

# ---- ninjs: JSON Lines, one object a record, valid against ninjs 2.1 --------------------------
# shellcheck disable=SC2086
"$CW" convert $inputs -o "$T/all.ninjs" 2>/dev/null
[ $? -le 1 ] || fail "convert -o all.ninjs"
"$CW" convert $inputs -o "$T/all.ninjs.jsonl" 2>/dev/null
cmp -s "$T/all.ninjs" "$T/all.ninjs.jsonl" && ok || fail ".ninjs and .ninjs.jsonl both pick ninjs"
[ "$(wc -l <"$T/all.ninjs" | tr -d ' ')" = "$records" ] && ok || fail "ninjs: not one line per record"
# shellcheck disable=SC2086
"$CW" parse -q --format ninjs $inputs >"$T/parse.ninjs" 2>/dev/null
cmp -s "$T/all.ninjs" "$T/parse.ninjs" && ok || fail "parse --format ninjs differs from convert"
"$CW" convert "$C" -o "$T/cut.ninjs" 2>/dev/null
jq -e -s 'length > 0 and all(has("uri") and (.uri | startswith("urn:cablewire:")))' "$T/all.ninjs" "$T/cut.ninjs" >/dev/null \
	&& ok || fail "ninjs: each line is a JSON object with a urn:cablewire: uri"
[ "$(jq -r 'select(.uri == "urn:cablewire:cable:07VALLETTA412") | .headlines[0].value' "$T/all.ninjs")" = \
	"MALTA: HARBOR AUTHORITY OUTLINES NEW FERRY SCHEDULE" ] && ok || fail "ninjs: a cable's subject is its main headline"
[ "$(jq -r 'select(.uri | endswith("valid/anpa/input.anpa:0")) | [.by, .located, .urgency, .versioncreated] | join("|")' "$T/all.ninjs")" = \
	"MARTA KOWALSKI, Associated Press Writer|RIVERTON, Wyo.|5|1987-03-04T10:12:00-05:00" ] && ok || fail "ninjs: the ANPA story's byline and place"

if [ "$NINJS" = 1 ]; then
	ninjs_valid "$T/all.ninjs" "$T/cut.ninjs" && ok || { fail "ninjs objects do not validate:"; cat "$T/ninjs.out" >&2; }
	tail -n 1 "$T/ninjs.out"
	mutate_ninjs() { # description jq-filter expected
		jq -c "$2" "$T/all.ninjs" | head -n 1 >"$T/bad.ninjs"
		ninjs_valid "$T/bad.ninjs"
		rc=$?
		if [ "$rc" = 1 ] && grep -qF -- "$3" "$T/ninjs.out"; then ok; else
			fail "ninjs mutation '$1': exit $rc, expected 1 and '$3' in:"; cat "$T/ninjs.out" >&2
		fi
	}
	mutate_ninjs "a 1.x property" '.headline = "x"' "'headline' was unexpected"
	mutate_ninjs "no uri" 'del(.uri)' "'uri' is a required property"
	mutate_ninjs "an unknown type" '.type = "article"' "/type: 'article' is not one of"
	mutate_ninjs "urgency as a string" '.urgency = "5"' "/urgency: '5' is not of type 'number'"
	mutate_ninjs "a headline without value" '.headlines = [{role: "main"}]' "/headlines/0: 'value' is a required property"
	mutate_ninjs "a date without zone" '.versioncreated = "1987-03-04T10:12:33"' "/versioncreated: '1987-03-04T10:12:33' is not an RFC 3339 date-time"
	mutate_ninjs "a uri with a blank" '.uri = "urn:cablewire:article:a b"' "is not a urn:cablewire: URN"
fi

# The subset schema's compact source and the .rng xmllint reads agree (when trang is there).
if command -v trang >/dev/null 2>&1; then
	trang -I rnc -O rng schema/nitf-subset.rnc "$T/nitf-subset.rng" &&
		cmp -s "$T/nitf-subset.rng" "$RNG" && ok || fail "$RNG is not generated from schema/nitf-subset.rnc (make schema)"
fi

echo "nitf_ninjs: $n checks, $fails failed"
[ "$fails" = 0 ]
