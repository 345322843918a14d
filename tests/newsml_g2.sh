#!/bin/sh
# NewsML-G2 output against its structure: every testdata input converted with --format
# newsml-g2 gives one newsItem document per record, each valid against
# schema/newsml-g2-subset.rng (our RELAX NG subset of NewsML-G2 2.29; IPTC's XML Schema is not
# available offline); a mutated document must fail, so the test can fail; the .rng is the one
# trang makes from the .rnc (when trang is installed).
# Usage: tests/newsml_g2.sh CABLEWIRE
set -u
CW=${1:?usage: tests/newsml_g2.sh CABLEWIRE}
RNG=schema/newsml-g2-subset.rng
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
command -v xmllint >/dev/null 2>&1 || { echo "newsml_g2: xmllint not found (Debian: libxml2-utils)" >&2; exit 1; }
fails=0
fail() { fails=$((fails + 1)); echo "FAIL: $*" >&2; }
"$CW" convert --no-progress testdata/*/*/*/input.* -f newsml-g2 -o "$T/all.g2.xml" 2>/dev/null
"$CW" convert --no-progress testdata/*/*/*/input.* -o "$T/all.jsonl" 2>/dev/null
mkdir -p "$T/docs"
awk -v d="$T/docs" '/^<\?xml /{ if (n) close(f); n++; f = d "/" n ".xml" } n { print > f }' "$T/all.g2.xml"
docs=$(ls "$T/docs" | wc -l)
records=$(wc -l <"$T/all.jsonl")
[ "$docs" = "$records" ] || fail "$records records but $docs newsItem documents"
for doc in "$T"/docs/*.xml; do
	xmllint --noout --relaxng "$RNG" "$doc" 2>"$T/err" || fail "$(head -n 3 "$T/err")"
done
# A document with an element out of place must fail.
sed 's|<contentMeta>|<contentMeta><bogus/>|' "$T/docs/1.xml" >"$T/bad.xml"
xmllint --noout --relaxng "$RNG" "$T/bad.xml" 2>/dev/null && fail "a mutated document validates"
if command -v trang >/dev/null 2>&1; then
	trang -I rnc -O rng schema/newsml-g2-subset.rnc "$T/g2.rng" && cmp -s "$T/g2.rng" "$RNG" ||
		fail "$RNG is not generated from schema/newsml-g2-subset.rnc (make schema)"
fi
if [ "$fails" -gt 0 ]; then
	echo "newsml_g2: $fails failures"
	exit 1
fi
echo "newsml_g2: $docs newsItem documents, each valid against $RNG"
