#!/bin/sh
# The catalogue check (make check): the record catalogue against the JSON Schemas, the RELAX NG
# schema, records emitted for testdata/, the CSV headers, the SQLite archive's tables and
# docs/fields.md; then the same with planted disagreements, which must be caught
# (tests/catalogue/check.py).
# Usage: tests/catalogue.sh BUILD/catalogue BUILD/cablewire
set -eu
CATALOGUE=$1 CW=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=$(find testdata -name 'input.*' | sort)
"$CATALOGUE" --json >"$tmp/catalogue.json"
"$CATALOGUE" --markdown >"$tmp/fields.md"
# exit 1: some testdata inputs are invalid on purpose
# shellcheck disable=SC2086
"$CW" convert --no-progress $inputs -o "$tmp/records.jsonl" 2>/dev/null || [ $? -eq 1 ]
mkdir -p "$tmp/csv/tables"
# shellcheck disable=SC2086
"$CW" convert --no-progress $inputs -o "$tmp/csv/records.csv" --csv-tables "$tmp/csv/tables" \
	2>/dev/null || [ $? -eq 1 ]
# shellcheck disable=SC2086
"$CW" convert --no-progress $inputs -o "$tmp/archive.sqlite" 2>/dev/null || [ $? -eq 1 ]
python3 tests/catalogue/check.py --self-test "$tmp/catalogue.json" "$tmp/fields.md" \
	"$tmp/records.jsonl" "$tmp/csv" "$tmp/archive.sqlite"
