#!/bin/sh
# The benchmark's own tools, cheaply (make bench itself is not part of make check):
# gen_cables_csv writes rows of the release's sizes (mean 6.8 KB, long tail), deterministically
# for a seed; measure.py reports CPU time and a command's exit status; report.py --check passes
# on the baseline itself and fails when one stage grows by more than 5 %.
# Usage: tests/bench_tools.sh GEN_CABLES_CSV
set -eu
GEN=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "bench_tools: FAIL: $*"; exit 1; }

"$GEN" 20000000 7 >"$T/a.csv"
"$GEN" 20000000 7 >"$T/b.csv"
cmp -s "$T/a.csv" "$T/b.csv" || fail "gen_cables_csv differs between two runs with one seed"
rows=$(grep -c '^"[0-9]*","' "$T/a.csv")
mean=$(( $(wc -c <"$T/a.csv") / rows ))
[ "$mean" -ge 6300 ] && [ "$mean" -le 7300 ] || fail "mean row of $mean bytes, not about 6.8 KB"
longest=$(awk 'BEGIN { RS = "\"\n" } length($0) > m { m = length($0) } END { print m }' "$T/a.csv")
[ "$longest" -ge 30000 ] || fail "no long tail: the longest row has $longest bytes"

out=$(bench/measure.py 3 sh -c 'exit 3')
[ "$(echo "$out" | awk '{ print NF, $6 }')" = "7 3" ] || fail "measure.py printed '$out'"

grep -v '^#' bench/baseline.txt >"$T/same.txt"
bench/report.py "$T/same.txt" --check bench/baseline.txt >"$T/same.out" ||
	fail "report.py --check fails on the baseline itself: $(cat "$T/same.out")"
awk '$1 == "cables-csv" && $2 == "emitting" { $3 = int($3 * 1.06) } { print }' "$T/same.txt" >"$T/grown.txt"
if bench/report.py "$T/grown.txt" --check bench/baseline.txt >"$T/grown.out"; then
	fail "report.py --check passes a stage grown by 6 %"
fi
grep -q 'FAIL cables-csv emitting' "$T/grown.out" || fail "the grown stage is not named: $(cat "$T/grown.out")"
echo "bench_tools: ok (rows of $mean bytes on average, the longest $longest; the check fails on +6 %)"
