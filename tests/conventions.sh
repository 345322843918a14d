#!/bin/sh
# The command's conventions, one check (or a few) each (make check):
# standard input when no INPUT and it is not a terminal; --stdin-name; -q on every command; one
# message prefix; a usage error in one line and "Try 'cablewire --help'"; formats from extensions
# without regard to case; compressed outputs (.gz, .xz, .zst, .bz2) and --resume refused on
# them; an unknown extension an error listing the formats unless --format (-o -, devices keep
# working); --csv-tables creating DIR; failures naming their cause; the progress line within the
# terminal's width; validate's colours on a terminal and NO_COLOR; --max-errors; --ignore.
# Usage: tests/conventions.sh CABLEWIRE
set -u
CW=$1
fails=0 checks=0
fail() { echo "conventions: FAIL: $*"; fails=$((fails + 1)); }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
V=testdata/cables/valid
BAD=testdata/cables/invalid
# expect_rc RC NAME CMD...: runs CMD (stdout to $T/out, stderr to $T/err), checks the status.
expect_rc() {
	want=$1 name=$2
	shift 2
	checks=$((checks + 1))
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	[ "$got" = "$want" ] || fail "$name: exit $got, want $want: $(head -c 300 "$T/err")"
}
# on_tty CMD: runs the shell command CMD with a terminal as its standard input and error
# (script(1)); its output in $T/tty.
on_tty() {
	script -qec "$1" /dev/null >"$T/tty" 2>&1 </dev/null
}

# ---- standard input and its name ------------------------------------------------------------
checks=$((checks + 1))
cat $V/text-acp127/input.txt | "$CW" parse --format jsonl >"$T/out" 2>"$T/err" &&
	[ "$(jq -r .id "$T/out")" = 07VALLETTA412 ] || fail "parse reads a pipe without INPUT: $(cat "$T/err")"
checks=$((checks + 1))
[ "$(jq -r .source.path "$T/out")" = - ] || fail "piped input is named -"
checks=$((checks + 1))
cat testdata/cables/forms/07VALLETTA416.txt | "$CW" parse --format jsonl --from body-text \
	--stdin-name 07VALLETTA416.txt >"$T/out" 2>"$T/err" &&
	[ "$(jq -r '.source.path + " " + .id' "$T/out")" = "07VALLETTA416.txt 07VALLETTA416" ] ||
	fail "--stdin-name gives the name and the release id: $(cat "$T/out" "$T/err" | head -c 300)"
checks=$((checks + 1))
cat $V/text-acp127/input.txt | "$CW" validate --stdin-name x.txt 2>"$T/err" >/dev/null
grep -q '^cablewire: validated 1 input' "$T/err" || fail "validate reads a pipe: $(cat "$T/err")"
checks=$((checks + 1))
cat $V/text-acp127/input.txt | "$CW" convert -q -o "$T/piped.jsonl" 2>"$T/err" &&
	[ "$(jq -r .id "$T/piped.jsonl")" = 07VALLETTA412 ] || fail "convert reads a pipe: $(cat "$T/err")"
checks=$((checks + 1))
on_tty "$CW parse"
[ $? = 2 ] && grep -q "no input given" "$T/tty" || fail "no INPUT on a terminal is a usage error: $(cat "$T/tty")"

# ---- -q, the prefix, usage errors -----------------------------------------------------------
expect_rc 1 "parse -q" "$CW" parse -q $BAD/dtg-not-a-date/input.txt
[ ! -s "$T/err" ] || fail "parse -q prints: $(cat "$T/err")"
expect_rc 1 "validate -q" "$CW" validate -q $BAD/dtg-not-a-date/input.txt
[ "$(grep -c . "$T/err")" = 1 ] && grep -q '^cablewire: validated' "$T/err" || fail "validate -q: $(cat "$T/err")"
expect_rc 0 "convert -q" "$CW" convert -q $V/text-acp127/input.txt -o "$T/q.jsonl"
[ ! -s "$T/err" ] || fail "convert -q prints: $(cat "$T/err")"
for args in "parse --frob x" "convert -Z x -o y.jsonl" "validate --format" "convert x" "frob" "" \
	"parse --from nowhere x" "convert --jobs 0 x -o y.jsonl"; do
	# shellcheck disable=SC2086
	expect_rc 2 "usage error '$args'" "$CW" $args
	[ "$(wc -l <"$T/err")" = 2 ] || fail "usage error '$args' is not two lines: $(cat "$T/err")"
	head -1 "$T/err" | grep -q '^cablewire: ' || fail "usage error '$args' lacks the prefix: $(head -1 "$T/err")"
	tail -1 "$T/err" | grep -q "^Try 'cablewire --help'" || fail "usage error '$args' does not point to --help"
done
# One prefix: every line the command writes on stderr for a failure starts with it.
expect_rc 2 "a missing input" "$CW" convert "$T/missing.txt" -o "$T/m.jsonl"
grep -v '^cablewire: ' "$T/err" | grep -q . && fail "lines without the prefix: $(cat "$T/err")"

# ---- output formats from names --------------------------------------------------------------
expect_rc 0 "convert -o .JSON" "$CW" convert -q $V/text-acp127/input.txt -o "$T/UPPER.JSON"
[ "$(head -c 1 "$T/UPPER.JSON")" = "[" ] || fail ".JSON is not JSON"
expect_rc 0 "convert -o .Xml" "$CW" convert -q $V/text-acp127/input.txt -o "$T/x.Xml"
head -c 5 "$T/x.Xml" | grep -q '<?xml' || fail ".Xml is not XML"
expect_rc 2 "an unknown extension" "$CW" convert $V/text-acp127/input.txt -o "$T/out.tsv"
grep -q "out.tsv: no output format known for this name (.*\.jsonl.*\.csv.*); give --format" "$T/err" ||
	fail "an unknown extension does not list the formats: $(cat "$T/err")"
[ ! -e "$T/out.tsv" ] || fail "an unknown extension leaves a file"
expect_rc 0 "--format with an unknown extension" "$CW" convert -q --format csv $V/text-acp127/input.txt -o "$T/out.tsv"
head -1 "$T/out.tsv" | grep -q '^kind,key,' || fail "--format csv into .tsv"
expect_rc 0 "-o - is JSON Lines" "$CW" convert -q $V/text-acp127/input.txt -o -
[ "$(jq -r .id "$T/out")" = 07VALLETTA412 ] || fail "-o - writes JSON Lines"
expect_rc 0 "-o /dev/null" "$CW" convert -q $V/text-acp127/input.txt -o /dev/null
mkfifo "$T/fifo"
checks=$((checks + 1))
( cat "$T/fifo" >"$T/from-fifo" & "$CW" convert -q $V/text-acp127/input.txt -o "$T/fifo"; wait ) 2>"$T/err"
[ "$(jq -r .id "$T/from-fifo")" = 07VALLETTA412 ] || fail "a FIFO without an extension: $(cat "$T/err")"

# ---- compressed outputs ---------------------------------------------------------------------
"$CW" convert -q $V -o "$T/plain.jsonl" 2>/dev/null
for z in gz:gzip xz:xz zst:zstd bz2:bzip2; do
	ext=${z%%:*} tool=${z#*:}
	expect_rc 1 "convert -o .jsonl.$ext" "$CW" convert -q $V -o "$T/c.jsonl.$ext"
	command -v "$tool" >/dev/null 2>&1 || { echo "conventions: $tool not installed: .$ext checked by bsdcat"; tool=bsdcat; }
	checks=$((checks + 1))
	if [ "$tool" = bsdcat ]; then bsdcat "$T/c.jsonl.$ext"; else "$tool" -dc "$T/c.jsonl.$ext"; fi |
		cmp -s - "$T/plain.jsonl" || fail ".jsonl.$ext does not decompress to the JSON Lines"
done
expect_rc 1 "convert -o .CSV.GZ" "$CW" convert -q $V -o "$T/t.CSV.GZ"
gzip -dc "$T/t.CSV.GZ" | head -1 | grep -q '^kind,key,' || fail ".CSV.GZ is not gzip'd CSV"
expect_rc 2 "--resume on a compressed output" "$CW" convert --resume $V -o "$T/r.jsonl.gz"
grep -q "resume cannot continue a compressed output" "$T/err" || fail "--resume on .gz: $(cat "$T/err")"
expect_rc 2 "a compressed archive" "$CW" convert $V -o "$T/a.sqlite.gz"

# ---- --csv-tables, failures with their cause ------------------------------------------------
expect_rc 0 "--csv-tables creates DIR" "$CW" convert -q $V/text-acp127/input.txt -o "$T/t.csv" --csv-tables "$T/tables"
[ -s "$T/tables/recipients.csv" ] || fail "--csv-tables DIR: no recipients.csv"
expect_rc 2 "--csv-tables under a missing parent" "$CW" convert -q $V/text-acp127/input.txt -o "$T/t2.csv" --csv-tables "$T/no/such/dir"
grep -q 'No such file or directory' "$T/err" || fail "--csv-tables: the cause: $(cat "$T/err")"
grep -q 'out of memory' "$T/err" && fail "--csv-tables: 'out of memory' for a file error"
expect_rc 2 "a full device" "$CW" convert -q --format jsonl $V -o /dev/full
grep -q '/dev/full: write error: No space left on device' "$T/err" || fail "ENOSPC is not named: $(cat "$T/err")"
expect_rc 2 "parse to a full device" "$CW" parse -q $V/text-acp127/input.txt -o /dev/full
grep -q 'No space left on device' "$T/err" || fail "parse: ENOSPC is not named: $(cat "$T/err")"

# ---- --max-errors, --ignore -----------------------------------------------------------------
expect_rc 1 "--max-errors 1" "$CW" validate --max-errors 1 $BAD/*/input.*
[ "$(grep -c ': error: ' "$T/err")" = 1 ] || fail "--max-errors 1 shows $(grep -c ': error: ' "$T/err") errors"
grep -q '^cablewire: stopped after 1 error (--max-errors)' "$T/err" || fail "--max-errors says nothing"
expect_rc 1 "validate" "$CW" validate $BAD/dtg-not-a-date/input.txt
expect_rc 0 "--ignore" "$CW" validate --ignore HDR_DTG_INVALID,CABLE_NO_ID $BAD/dtg-not-a-date/input.txt
grep -q 'HDR_DTG_INVALID\|CABLE_NO_ID' "$T/err" && fail "--ignore still shows the codes"
expect_rc 0 "--ignore on parse" "$CW" parse --ignore HDR_DTG_INVALID --ignore CABLE_NO_ID --format jsonl $BAD/dtg-not-a-date/input.txt
grep -q 'HDR_DTG_INVALID' "$T/err" && fail "parse --ignore still shows the code"
jq -e '.diagnostics | map(.code) | index("HDR_DTG_INVALID")' "$T/out" >/dev/null || fail "--ignore changed the record"
expect_rc 0 "convert --ignore (the one error ignored)" "$CW" convert --ignore HDR_DTG_INVALID $BAD/dtg-not-a-date/input.txt -o "$T/i.jsonl"
grep -q 'HDR_DTG_INVALID' "$T/err" && fail "convert --ignore still counts the code: $(cat "$T/err")"

# ---- a terminal: colours, NO_COLOR, the progress line ---------------------------------------
checks=$((checks + 1))
on_tty "$CW validate $BAD/dtg-not-a-date/input.txt"
grep -q "$(printf '\033')\[1;31merror" "$T/tty" || fail "validate on a terminal has no colour"
checks=$((checks + 1))
on_tty "NO_COLOR=1 $CW validate $BAD/dtg-not-a-date/input.txt"
grep -q "$(printf '\033')\[" "$T/tty" && fail "NO_COLOR is not honoured"
checks=$((checks + 1))
"$CW" validate $BAD/dtg-not-a-date/input.txt 2>&1 | grep -q "$(printf '\033')" && fail "colour into a pipe"
# The progress line of a run in a 40-column terminal: every redraw fits in 39 columns.
for i in 1 2 3 4 5 6 7 8; do mkdir -p "$T/many/$i"; cp -R $V "$T/many/$i/"; done
checks=$((checks + 1))
on_tty "stty cols 40; $CW convert -j1 $T/many -o $T/p.jsonl"
tr '\r' '\n' <"$T/tty" | sed "s/$(printf '\033')\[K//g" | grep -v '^cablewire: ' | grep . >"$T/lines"
grep -q 'records' "$T/lines" || fail "no progress line on a terminal: $(head -c 300 "$T/tty")"
awk 'length($0) > 39 { print; bad = 1 } END { exit bad }' "$T/lines" >"$T/long" ||
	fail "progress lines wider than the terminal: $(head -2 "$T/long")"

echo "conventions: $checks checks, $fails failed"
[ "$fails" = 0 ]
