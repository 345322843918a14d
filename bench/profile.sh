#!/bin/sh
# make bench-profile / make bench-check: instructions per input byte, stage by stage, from
# callgrind (bench/profile.py says what each stage is). Counts of instructions do not depend on
# the machine's load, so they are compared with bench/baseline.txt, which a commit moves only
# saying why. Fixed inputs, all in the tree or generated with a fixed seed:
#   testdata-cables    the testdata/cables inputs listed in bench/testdata-cables.list (pages,
#                      text, Markdown, CSV, invalid ones)
#   testdata-articles  the testdata/articles inputs listed in bench/testdata-articles.list
# The two lists are frozen (the golden cases of commit bf4a58d): a golden case added later does
# not move the counts; a listed file that is gone stops the run.
#   cables-csv         4 MB of bench/gen_cables_csv.c rows, seed 15 (release row sizes)
# With CORPUS=1 (bench-profile only), also the held-out material of SHARED/corpus, not in the
# tree: every tenth WikiLeaks page, the Reuters-21578 SGML.
# Usage: [BASELINE=bench/baseline.txt] [CORPUS=1] bench/profile.sh SHARED_DIR CABLEWIRE BUILD_DIR
#        GEN_CABLES_CSV RESULT_FILE
set -eu
SHARED=$1 CW=$2 BUILD=$3 GEN=$4 RESULT=$5
scripts/deps.sh valgrind >/dev/null
WORK=$BUILD/bench/profile
mkdir -p "$WORK"
: >"$RESULT"

# profile NAME LIST-FILE [CONVERT-OPTIONS...]: one run over the files listed
profile() {
	name=$1 list=$2
	shift 2
	bytes=$(xargs cat <"$list" | wc -c)
	# shellcheck disable=SC2046 # the lists hold paths without blanks
	bench/profile.py "$name" "$bytes" "$WORK/$name.callgrind" -- \
		"$CW" convert --jobs 1 "$@" $(cat "$list") -o "$WORK/$name.jsonl" >>"$RESULT" \
		2>>"$WORK/top.txt"
}

: >"$WORK/top.txt"
for set in testdata-cables testdata-articles; do
	while read -r f; do
		[ -f "$f" ] || { echo "bench/profile.sh: $f (bench/$set.list) is gone" >&2; exit 1; }
	done <"bench/$set.list"
	profile "$set" "bench/$set.list"
done
"$GEN" 4000000 15 >"$WORK/cables-generated.csv"
echo "$WORK/cables-generated.csv" >"$WORK/cables-csv.list"
profile cables-csv "$WORK/cables-csv.list" --from cables-csv

if [ "${CORPUS:-0}" = 1 ]; then
	CABLES=$SHARED/corpus/cables NEWS=$SHARED/corpus/news
	if [ -f "$CABLES/wikileaks-html.tar.xz" ] && [ -f "$NEWS/reuters21578-dev.tar.xz" ]; then
		rm -rf "$WORK/corpus" && mkdir -p "$WORK/corpus/pages" "$WORK/corpus/reuters"
		tar -xJf "$CABLES/wikileaks-html.tar.xz" -C "$WORK/corpus/pages"
		tar -xJf "$NEWS/reuters21578-dev.tar.xz" -C "$WORK/corpus/reuters"
		find "$WORK/corpus/pages" -type f | LC_ALL=C sort | awk 'NR % 10 == 1' >"$WORK/pages.list"
		profile corpus-pages-tenth "$WORK/pages.list"
		find "$WORK/corpus/reuters" -name '*.sgm' | LC_ALL=C sort >"$WORK/reuters.list"
		profile corpus-reuters "$WORK/reuters.list"
		rm -rf "$WORK/corpus"
	else
		echo "bench-profile: corpus sets skipped: $SHARED/corpus not found" >&2
	fi
fi
[ -n "${BASELINE:-}" ] || { cat "$WORK/top.txt" && echo; }
exec bench/report.py "$RESULT" ${BASELINE:+--check "$BASELINE"}
