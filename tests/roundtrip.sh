#!/bin/sh
# The round trip through the news formats: the records of INPUTS written as NITF, ninjs (and
# NewsML-G2 when the command writes it) and read back must give the same headline, bylines,
# dateline, paragraphs, contributor lines and photo credits (articles), subject and text (cables)
# as read directly (tests/corpus/roundtrip.py prints the agreement per field). make check runs it
# on testdata/ at 100 % (testdata/articles/valid/nitf-credits has a byline with a title and an
# affiliation, two contributor lines and a captioned photo credit); make corpus-check on the
# Reuters and wire corpus at 99.9 %.
# Usage: tests/roundtrip.sh CABLEWIRE MIN_PERCENT NAME INPUT...
set -u
CW=$1 MIN=$2 NAME=$3
shift 3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$CW" convert --no-progress "$@" -o "$T/direct.jsonl" 2>/dev/null
[ -s "$T/direct.jsonl" ] || { echo "roundtrip: $NAME: no records"; exit 1; }
formats="nitf ninjs"
"$CW" convert --help 2>&1 | grep -q newsml-g2 && formats="$formats newsml-g2"
failed=0
for f in $formats; do
	"$CW" convert --no-progress "$@" -f "$f" -o "$T/out.$f" 2>/dev/null
	"$CW" convert --no-progress "$T/out.$f" -o "$T/back_$f.jsonl" 2>/dev/null
	python3 tests/corpus/roundtrip.py --min "$MIN" "$f" "$T/direct.jsonl" "$T/back_$f.jsonl" \
		>"$T/agreement" || failed=1
	sed "s/^roundtrip /roundtrip $NAME /" "$T/agreement"
done
# A planted loss must be seen: the test can fail.
python3 - "$T/back_nitf.jsonl" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
for r in recs:
    if r.get("headline"):
        r["headline"] += " (changed)"
        break
open(sys.argv[1] + ".planted", "w").write("".join(json.dumps(r) + "\n" for r in recs))
PY
if python3 tests/corpus/roundtrip.py --min 100 nitf "$T/direct.jsonl" "$T/back_nitf.jsonl.planted" >/dev/null; then
	echo "roundtrip: $NAME: a changed headline went unseen"
	failed=1
fi
exit $failed
