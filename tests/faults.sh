#!/bin/sh
# Faults and hostile input (issue 13): each case counts records in against records out, and
# checks the exit status and the cause named in the message (the cause, not the whole line).
# Every input is invented here or taken from testdata/.
# Usage: tests/faults.sh path/to/cablewire
set -u
CW=${1:?usage: tests/faults.sh CABLEWIRE}
CW=$(cd "$(dirname "$CW")" && pwd)/$(basename "$CW")
ROOT=$(pwd)
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
fails=0
n=0
ok() { n=$((n + 1)); }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
run() { # expected-rc description command...: stdout in $T/out, stderr in $T/err
	want=$1; what=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"; rc=$?
	if [ "$rc" = "$want" ]; then ok; else fail "$what: exit $rc, expected $want"; head -n 5 "$T/err" >&2; fi
}
says() { # description pattern: stderr names the cause
	if grep -q -- "$2" "$T/err"; then ok; else fail "$1: stderr does not say '$2'"; head -n 5 "$T/err" >&2; fi
}
records() { # the records of a JSON Lines file (0 when missing)
	if [ -f "$1" ]; then jq -s length "$1"; else echo 0; fi
}
expect_records() { # description file count
	got=$(records "$2")
	if [ "$got" = "$3" ]; then ok; else fail "$1: $got records, expected $3"; fi
}
codes() { jq -r '.diagnostics[].code' "$1" | sort -u | tr '\n' ' '; }
has_code() { # description file code
	if codes "$2" | grep -qw "$3"; then ok; else fail "$1: no $3 in $(codes "$2")"; fi
}
# Peak memory of a command in KB (GNU time), or empty when /usr/bin/time is missing or under a
# sanitizer (FAULTS_NO_MEMORY=1: shadow memory is not the program's).
peak_kb() {
	if [ -n "${FAULTS_NO_MEMORY:-}" ] || [ ! -x /usr/bin/time ]; then
		"$@" >/dev/null 2>&1
		return 0
	fi
	/usr/bin/time -f %M -o "$T/rss" "$@" >/dev/null 2>&1
	tail -n 1 "$T/rss"
}

CABLE=$ROOT/testdata/cables/valid/text-acp127/input.txt
PAGE=$ROOT/testdata/cables/valid/html-2010-layout/input.html
cd "$T" || exit 1

# ---- 1. two conversions into one new SQLite archive ------------------------------------------
mkdir many
for i in 1 2 3 4 5 6 7 8; do
	for f in "$ROOT"/testdata/cables/valid/*/input.*; do
		cp "$f" "many/$i-$(basename "$(dirname "$f")").${f##*.}"
	done
done
in_many=$(find many -type f | wc -l)
# a run holding the archive: the second fails before writing
flock a.sqlite.lock sleep 2 &
holder=$!
sleep 0.3
run 2 "1: a second run into a locked archive" "$CW" convert many -o a.sqlite --no-progress
says "1: locked archive" "OUTPUT_LOCKED"
[ ! -e a.sqlite ] && [ ! -e a.sqlite.partial ] && ok || fail "1: the refused run wrote something"
wait $holder
# two real runs at once: whatever each reports is in the archive
("$CW" convert many -o b.sqlite --no-progress 2>b1.err; echo $? >b1.rc) &
("$CW" convert many -o b.sqlite --no-progress 2>b2.err; echo $? >b2.rc) &
wait
in_archive=$(sqlite3 b.sqlite 'SELECT count(*) FROM records' 2>/dev/null || echo 0)
for r in b1 b2; do
	if [ "$(cat $r.rc)" = 0 ]; then
		grep -q "archived $in_many records" $r.err && [ "$in_archive" -ge 1 ] && ok ||
			fail "1: run $r succeeded but the archive holds $in_archive: $(cat $r.err)"
	else
		grep -q "OUTPUT_LOCKED" $r.err && ok || fail "1: run $r failed without saying why: $(cat $r.err)"
	fi
done
[ "$(cat b1.rc)" = 0 ] || [ "$(cat b2.rc)" = 0 ] && ok || fail "1: neither run succeeded"
[ ! -e b.sqlite.lock ] && ok || fail "1: the lock file was left behind"

# ---- 2. a directory holding two symlinks to itself -------------------------------------------
mkdir loop && cp "$CABLE" loop/c.txt && ln -s . loop/s1 && ln -s . loop/s2
run 0 "2: symlink loops" timeout 20 "$CW" convert loop -o loop.jsonl --no-progress
expect_records "2: symlink loops" loop.jsonl 1
says "2: symlink loops" "WALK_LOOP"
# a symlinked directory read elsewhere is read once
mkdir -p twice/a && cp "$CABLE" twice/a/c.txt && ln -s a twice/b
run 0 "2: a directory reached twice" "$CW" convert twice -o twice.jsonl --no-progress
expect_records "2: a directory reached twice" twice.jsonl 1
says "2: a directory reached twice" "WALK_REPEAT"

# ---- 3. a decompression bomb: 256 MiB of newlines in 30 KB -----------------------------------
if command -v zstd >/dev/null && [ -z "${FAULTS_NO_MEMORY:-}" ]; then
	head -c 268435456 /dev/zero | tr '\0' '\n' | zstd -q -c >bomb.zst
	kb=$(peak_kb "$CW" convert bomb.zst -o bomb.jsonl --jobs 1 --no-progress)
	expect_records "3: bomb" bomb.jsonl 1
	if [ -n "$kb" ]; then
		[ "$kb" -lt 65536 ] && ok || fail "3: the bomb took $kb KB of memory (limit 64 MB)"
	fi
	rm -f bomb.zst
fi

# ---- 4. compressed input never vanishes ------------------------------------------------------
: >empty && gzip -c empty >empty.gz && xz -c empty >empty.xz
for f in empty.gz empty.xz; do
	run 1 "4: $f" "$CW" convert $f -o $f.jsonl --no-progress
	expect_records "4: $f" $f.jsonl 1
	has_code "4: $f" $f.jsonl INPUT_EMPTY
done
{ head -c 1024 /dev/zero; cat "$CABLE"; } | gzip -c >zeros.txt.gz
run 0 "4: zero bytes before a gzipped cable" "$CW" convert zeros.txt.gz -o zeros.jsonl --no-progress
expect_records "4: zeros" zeros.jsonl 1
[ "$(jq -r .id zeros.jsonl)" = 07VALLETTA412 ] && ok || fail "4: zeros: the cable was not read"

# ---- 5. temporaries are never followed -------------------------------------------------------
echo "precious" >target && chmod 644 target
ln -s target o5.jsonl.partial
run 0 "5: a symlink planted at OUT.partial" "$CW" convert "$CABLE" -o o5.jsonl --no-progress
[ "$(cat target)" = precious ] && ok || fail "5: the symlink's target was overwritten"
[ -f o5.jsonl ] && [ ! -L o5.jsonl ] && ok || fail "5: the output is not a regular file"
expect_records "5: planted symlink" o5.jsonl 1
ln -s target o5b.jsonl.partial
run 2 "5: --resume over a symlink" "$CW" convert --resume "$CABLE" -o o5b.jsonl --no-progress
says "5: --resume over a symlink" "symlink"
[ "$(cat target)" = precious ] && ok || fail "5: --resume wrote through the symlink"
# an existing output keeps its mode; a failed run leaves it alone
"$CW" convert "$CABLE" -o o5.csv --no-progress 2>/dev/null && chmod 600 o5.csv && cp o5.csv o5.csv.good
run 0 "5: replace an output" "$CW" convert "$CABLE" "$PAGE" -o o5.csv --no-progress
[ "$(stat -c %a o5.csv)" = 600 ] && ok || fail "5: the output's mode changed to $(stat -c %a o5.csv)"
cp o5.csv.good o5.csv && chmod 600 o5.csv
run 2 "5: a failing run" sh -c "ulimit -f 1; exec \"$CW\" convert \"$ROOT/testdata\" -o o5.csv --no-progress"
cmp -s o5.csv o5.csv.good && ok || fail "5: a failed run replaced the old output"
ls o5.csv.tmp-* >/dev/null 2>&1 && fail "5: a temporary was left behind" || ok

# ---- 6. an output inside an input directory --------------------------------------------------
mkdir in6 && cp "$CABLE" in6/a.txt && cp "$PAGE" in6/b.html
run 0 "6: output inside the input" "$CW" convert in6 -o in6/out.jsonl --no-progress
expect_records "6: output inside the input" in6/out.jsonl 2
run 0 "6: again, the old output there" "$CW" convert in6 -o in6/out.jsonl --no-progress
expect_records "6: the old output is not an input" in6/out.jsonl 2
run 0 "6: CSV tables in the input" "$CW" convert in6 -o in6/out.csv --csv-tables in6 --no-progress
grep -c '^cable,' in6/out.csv | grep -qx 2 && ok || fail "6: an output was read as an input"

# ---- 7. UTF-16 and UTF-32 with a byte-order mark ---------------------------------------------
for e in 'UTF-16LE:\377\376' 'UTF-16BE:\376\377' 'UTF-32LE:\377\376\000\000' 'UTF-32BE:\000\000\376\377'; do
	enc=${e%%:*}; bom=${e#*:}
	{ printf "$bom"; iconv -f UTF-8 -t "$enc" "$CABLE"; } >c-$enc.txt
	run 0 "7: $enc" "$CW" convert c-$enc.txt -o c-$enc.jsonl --no-progress
	expect_records "7: $enc" c-$enc.jsonl 1
	[ "$(jq -r '.kind + " " + .id' c-$enc.jsonl)" = "cable 07VALLETTA412" ] && ok || fail "7: $enc: not read as the cable"
	codes c-$enc.jsonl | grep -q "ENC_UTF" && ok || fail "7: $enc: no ENC_UTF note"
done

# ---- 8. truncation and impossible dates ------------------------------------------------------
size=$(wc -c <"$PAGE")
for pct in 50 80 90; do
	head -c $((size * pct / 100)) "$PAGE" >cut$pct.html
	run 1 "8: a page cut at $pct %" "$CW" validate cut$pct.html
	says "8: a page cut at $pct %" "INPUT_TRUNCATED"
	"$CW" convert cut$pct.html -o cut$pct.jsonl --no-progress 2>/dev/null
	expect_records "8: cut at $pct %" cut$pct.jsonl 1
done
sed 's/^P R 141420Z MAR 07/P R 322136Z FBE 06/' "$CABLE" >dtg.txt
run 1 "8: a garbled DTG" "$CW" validate dtg.txt
says "8: a garbled DTG" "HDR_DTG_INVALID"
sed 's/>2009-02-14 12:12</>2006-13-45 12:12</' "$PAGE" >created.html
run 1 "8: an impossible Created date" "$CW" validate created.html
says "8: an impossible Created date" "META_DATE_INVALID"
run 0 "8: the whole page" "$CW" validate "$PAGE"

# ---- 9. terminal escapes in names ------------------------------------------------------------
mkdir esc && cp dtg.txt "esc/x$(printf '\033')[2Jy.txt" && (cd esc && tar -cf ../esc.tar ./*)
run 1 "9: an ESC in a member name" "$CW" validate esc.tar
if grep -q "$(printf '\033')" "$T/err"; then fail "9: a raw ESC reached the terminal"; else ok; fi
says "9: escaped" 'x\\x1b\[2Jy'
run 1 "9: convert" "$CW" convert esc.tar -o esc.jsonl --no-progress
if grep -q "$(printf '\033')" "$T/err"; then fail "9: a raw ESC in convert's messages"; else ok; fi

# ---- 10. failures say why, and the summary tells the truth -----------------------------------
run 2 "10: a full disk" "$CW" convert "$CABLE" -o /dev/full --no-progress
says "10: a full disk" "No space left on device"
says "10: a full disk" "OUTPUT_WRITE_FAILED"
in10=$(find "$ROOT/testdata/cables/valid" -type f | wc -l)
run 2 "10: a file size limit" sh -c "ulimit -f 8; exec \"$CW\" convert --jobs 1 \"$ROOT/testdata/cables/valid\" -o o10.jsonl --no-progress"
says "10: a file size limit" "File too large"
if grep -q "wrote $in10 records" "$T/err"; then fail "10: says wrote for records that are not there"; else ok; fi
says "10: the partial is kept" "o10.jsonl.partial kept"
[ -f o10.jsonl.partial ] && [ ! -e o10.jsonl ] && ok || fail "10: the partial was not kept"
run 1 "10: --resume after the write error" "$CW" convert --resume --jobs 1 "$ROOT/testdata/cables/valid" -o o10.jsonl --no-progress
expect_records "10: resumed" o10.jsonl "$in10"
# a partial holding more records than the inputs give: no "resumed after" before "cannot resume"
"$CW" convert "$CABLE" "$PAGE" -o o10b.jsonl --no-progress 2>/dev/null && mv o10b.jsonl o10b.jsonl.partial
run 2 "10: a partial longer than the inputs" "$CW" convert --resume "$CABLE" -o o10b.jsonl --no-progress
says "10: too many records" "cannot resume"
if grep -q "resumed after" "$T/err"; then fail "10: says resumed after, then cannot resume"; else ok; fi
# SQLite: a full disk is a failure, and the summary does not count rows that are not there
run 2 "10: SQLite past a file size limit" sh -c "ulimit -f 400; exec \"$CW\" convert \"$ROOT/testdata\" -o o10.sqlite --no-progress"
says "10: SQLite" "OUTPUT_WRITE_FAILED"
if grep -q "inserted" "$T/err"; then fail "10: SQLite counts rows it rolled back: $(grep inserted "$T/err")"; else ok; fi
[ ! -e o10.sqlite ] && ok || fail "10: a failed new archive was renamed into place"

# ---- 11. memory bounded by a small multiple of the unit --------------------------------------
head -c 16777216 /dev/urandom >rand.bin
kb=$(peak_kb "$CW" convert rand.bin -o rand.jsonl --jobs 1 --no-progress)
expect_records "11: random bytes" rand.jsonl 1
has_code "11: random bytes" rand.jsonl INPUT_BINARY
if [ -n "$kb" ]; then
	[ "$kb" -lt 65536 ] && ok || fail "11: 16 MiB of random bytes took $kb KB (limit 64 MB)"
fi
rm -f rand.bin

# ---- 12. two runs writing one output ---------------------------------------------------------
for f in o12.jsonl o12.csv o12.xml o12.json; do
	flock $f.lock sleep 2 &
	holder=$!
	sleep 0.3
	run 2 "12: $f locked" "$CW" convert "$CABLE" -o $f --no-progress
	says "12: $f locked" "OUTPUT_LOCKED"
	[ ! -e $f ] && ! ls $f.tmp-* $f.partial >/dev/null 2>&1 && ok || fail "12: $f: the refused run wrote something"
	wait $holder
done

# ---- 13. nested archives and special files ---------------------------------------------------
mkdir -p n13/in && cp "$CABLE" n13/in/c.txt && (cd n13 && tar -czf inner.tar.gz in && bsdtar --format zip -cf outer.zip inner.tar.gz)
run 0 "13: a tar.gz in a zip" "$CW" convert n13/outer.zip -o n13.jsonl --no-progress
expect_records "13: nested" n13.jsonl 1
[ "$(jq -r .id n13.jsonl)" = 07VALLETTA412 ] && ok || fail "13: the nested cable was not read"
jq -r .source.path n13.jsonl | grep -q 'outer.zip/inner.tar.gz/in/c.txt' && ok || fail "13: nested name: $(jq -r .source.path n13.jsonl)"
cp n13/outer.zip d1.zip
for i in 2 3 4; do bsdtar --format zip -cf d$i.zip d$((i - 1)).zip; done
run 1 "13: archives nested too deep" "$CW" convert d4.zip -o deep.jsonl --no-progress
expect_records "13: too deep" deep.jsonl 1
has_code "13: too deep" deep.jsonl ARCHIVE_TOO_DEEP
mkdir sp && cp "$CABLE" sp/c.txt && mkfifo sp/fifo
run 1 "13: a FIFO in a directory" timeout 20 "$CW" convert sp -o sp.jsonl --no-progress
expect_records "13: FIFO" sp.jsonl 2
has_code "13: FIFO" sp.jsonl INPUT_SPECIAL_FILE

# ---- 14. what the fuzzers found: every form, every format, well formed -----------------------
# a cpio header claiming a 4 GiB name: one error record, exit 2, small memory
kb=$(peak_kb "$CW" convert "$ROOT/tests/fuzz/regressions/cpio-name-size-4gib" -o cpio.jsonl --no-progress)
expect_records "14: cpio name size" cpio.jsonl 1
has_code "14: cpio name size" cpio.jsonl INPUT_UNREADABLE
if [ -n "$kb" ]; then
	[ "$kb" -lt 65536 ] && ok || fail "14: the cpio header took $kb KB"
fi
for r in "$ROOT"/tests/fuzz/regressions/*; do
	for form in auto text wikileaks-html markdown cables-csv body-text pdf-text article-text \
		wire-text reuters-sgml anpa iptc7901; do
		for fmt in jsonl xml text csv nitf ninjs; do
			"$CW" parse --from $form --format $fmt "$r" >r.out 2>/dev/null
			iconv -f UTF-8 -t UTF-8 r.out >/dev/null 2>&1 || fail "14: $(basename "$r") --from $form --format $fmt: not UTF-8"
		done
		"$CW" parse --from $form --format jsonl "$r" 2>/dev/null | jq -e . >/dev/null 2>&1 ||
			fail "14: $(basename "$r") --from $form: JSON Lines do not parse"
		"$CW" parse --from $form --format xml "$r" 2>/dev/null | xmllint --noout - 2>/dev/null ||
			fail "14: $(basename "$r") --from $form: XML not well formed"
	done
	ok
done

if [ "$fails" -gt 0 ]; then
	echo "faults: $fails of $n checks failed" >&2
	exit 1
fi
echo "faults: $n checks passed (14 cases of issue 13)"
