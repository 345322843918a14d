#!/bin/sh
# Batch conversion: archives read in place, --jobs, nothing lost on damaged input, interrupted
# runs, --resume, the progress bar. Every input here is our own testdata/.
# Usage: tests/batch.sh path/to/cablewire
set -u
CW=${1:?usage: tests/batch.sh CABLEWIRE}
CW=$(cd "$(dirname "$CW")" && pwd)/$(basename "$CW")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
n=0
ok() { n=$((n + 1)); }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
check() { # description command...: the command must succeed
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}
run() { # expected-rc description command...: output in $T/out, stderr in $T/err
	want=$1; what=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"; rc=$?
	if [ "$rc" = "$want" ]; then ok; else fail "$what: exit $rc, expected $want"; cat "$T/err" >&2; fi
}
# The records without source.path (an archive names its members ARCHIVE/MEMBER).
strip_paths() { jq -c 'del(.source.path)' "$1"; }

# A tree of inputs: every valid cable and article, and a cables.csv with several rows.
mkdir -p "$T/tree/cables" "$T/tree/articles"
for d in testdata/cables/valid/*/; do
	for f in "$d"input.*; do cp "$f" "$T/tree/cables/$(basename "$d").${f##*.}"; done
done
for d in testdata/articles/valid/*/; do
	for f in "$d"input.*; do cp "$f" "$T/tree/articles/$(basename "$d").${f##*.}"; done
done
cp testdata/cables/forms/cables.csv "$T/tree/cables/zz-rows.csv"
files=$(find "$T/tree" -type f | wc -l)

run 0 "convert the tree" "$CW" convert --jobs 1 "$T/tree" -o "$T/tree.jsonl"
records=$(wc -l <"$T/tree.jsonl")
[ "$records" -ge "$files" ] || fail "the tree gave $records records for $files files"
grep -q "read $files inputs, wrote $records records" "$T/err" || fail "tree summary: $(cat "$T/err")"
(cd "$T/tree" && find . -type f | sort >"$T/list")

# ---- archives, read in place ---------------------------------------------------------------
(cd "$T/tree" && tar -cf "$T/a.tar" -T "$T/list" && gzip -c "$T/a.tar" >"$T/a.tar.gz" &&
	xz -c "$T/a.tar" >"$T/a.tar.xz" && bzip2 -c "$T/a.tar" >"$T/a.tar.bz2" &&
	zstd -q -c "$T/a.tar" >"$T/a.tar.zst" &&
	bsdtar --format zip -cf "$T/a.zip" -T "$T/list" && bsdtar --format 7zip -cf "$T/a.7z" -T "$T/list")
strip_paths "$T/tree.jsonl" >"$T/tree.stripped"
for a in a.tar a.tar.gz a.tar.xz a.tar.bz2 a.tar.zst a.zip a.7z; do
	run 0 "convert $a" "$CW" convert "$T/$a" -o "$T/$a.jsonl"
	strip_paths "$T/$a.jsonl" >"$T/$a.stripped"
	cmp -s "$T/$a.stripped" "$T/tree.stripped" || fail "$a: records differ from the tree's"
	grep -q "read $files inputs, wrote $records records" "$T/err" || fail "$a summary: $(cat "$T/err")"
	jq -r .source.path "$T/$a.jsonl" | head -n 1 | grep -q "^$T/$a/\./\|^$T/$a/articles/" \
		|| fail "$a: members are named ARCHIVE/MEMBER: $(jq -r .source.path "$T/$a.jsonl" | head -n 1)"
done
# from standard input, and through a pipe named on the command line
run 0 "archive on standard input" sh -c "\"$CW\" convert - -o \"$T/stdin.jsonl\" <\"$T/a.tar.xz\""
strip_paths "$T/stdin.jsonl" | cmp -s - "$T/tree.stripped" || fail "archive on stdin: records differ"
jq -r .source.path "$T/stdin.jsonl" | head -n 1 | grep -q '^-/' || fail "stdin members are named -/MEMBER"
# a lone compressed file is one stream, named after the file without the suffix
xz -c testdata/cables/forms/cables.csv >"$T/rows.csv.xz"
run 0 "a lone .xz file" "$CW" convert "$T/rows.csv.xz" -o "$T/rows.jsonl"
"$CW" convert testdata/cables/forms/cables.csv -o "$T/rows-plain.jsonl" 2>/dev/null
[ "$(wc -l <"$T/rows.jsonl")" = "$(wc -l <"$T/rows-plain.jsonl")" ] || fail "a .xz file gives the rows of the plain file"
jq -r .source.path "$T/rows.jsonl" | head -n 1 | grep -q 'rows.csv.xz/rows.csv$' || fail "a .xz stream's name"
jq -r .source.format "$T/rows.jsonl" | sort -u | grep -qx cables-csv || fail "a .xz cables.csv is detected as cables-csv"

# ---- --jobs: the same bytes whatever N is, in every format -----------------------------------
for fmt in jsonl json xml csv text nitf ninjs; do
	"$CW" convert --jobs 1 -f $fmt "$T/tree" "$T/a.tar.xz" -o "$T/j1.$fmt" 2>/dev/null
	for j in 2 3 8; do
		"$CW" convert --jobs $j -f $fmt "$T/tree" "$T/a.tar.xz" -o "$T/j$j.$fmt" 2>/dev/null
		check "--jobs $j -f $fmt is byte-identical to --jobs 1" cmp -s "$T/j1.$fmt" "$T/j$j.$fmt"
	done
done
# Plain files of up to 1 MiB are read on the workers, larger ones (this 4.4 MB cables.csv) cut
# into units on the calling thread: the records of a run over both are those of the runs over
# each, in input order, and the summary counts every input and record once.
i=0
while [ $i -lt 5000 ]; do cat testdata/cables/forms/cables.csv; i=$((i + 1)); done >"$T/big.csv"
"$CW" convert -j1 "$T/tree" -o "$T/small-only.jsonl" 2>/dev/null
"$CW" convert -j1 "$T/big.csv" -o "$T/big-only.jsonl" 2>/dev/null
cat "$T/small-only.jsonl" "$T/big-only.jsonl" >"$T/both-apart.jsonl"
both=$(wc -l <"$T/both-apart.jsonl")
for j in 1 3; do
	run 0 "--jobs $j over small files and a large one" \
		"$CW" convert -j$j "$T/tree" "$T/big.csv" -o "$T/both$j.jsonl"
	check "--jobs $j: small files and a large one as each apart" \
		cmp -s "$T/both-apart.jsonl" "$T/both$j.jsonl"
	grep -q "read $((files + 1)) inputs, wrote $both records" "$T/err" ||
		fail "--jobs $j summary over small files and a large one: $(cat "$T/err")"
done
# A larger cables.csv is cut into segments read on the workers (parser/input/segments.h): the
# records and messages are those of one reader of the whole file (here: reading it on standard
# input, which is never cut), whatever --jobs, with rows of every kind around the cuts (quoted
# newlines, escapes, a row start after an escaped newline, a row longer than a segment, ...).
awk -v MB=6 -f tests/segments_gen.awk >"$T/seg.csv"
for fmt in jsonl xml; do
	"$CW" convert -j1 -f $fmt --stdin-name "$T/seg.csv" - -o "$T/seg-one.$fmt" <"$T/seg.csv" \
		2>"$T/seg-one.err"
	for j in 1 2 3; do
		run 1 "--jobs $j -f $fmt over a cables.csv cut into segments" \
			"$CW" convert -j$j -f $fmt "$T/seg.csv" -o "$T/seg$j.$fmt"
		check "--jobs $j -f $fmt: a cables.csv cut into segments gives one reader's records" \
			cmp -s "$T/seg-one.$fmt" "$T/seg$j.$fmt"
		check "--jobs $j -f $fmt: ... and its messages, in order" cmp -s "$T/seg-one.err" "$T/err"
	done
done
grep -q "CSV_ROW_BROKEN" "$T/seg-one.err" || fail "the segments' test input has broken rows"
# Rows with no boundary to cut at (blank lines, a file without a row start after its first):
# one segment, as one reader reads it; after segments that were cut, one so long that its units
# are no longer held until the segments before it are counted.
{ cat "$T/seg.csv"; awk -v MB=18 -v NOCUT=1 -f tests/segments_gen.awk; } >"$T/long.csv"
"$CW" convert -j1 --stdin-name "$T/long.csv" - -o "$T/long-one.jsonl" <"$T/long.csv" \
	2>"$T/long-one.err"
for j in 2 3; do
	run 1 "--jobs $j over a cables.csv with a long segment" \
		"$CW" convert -j$j "$T/long.csv" -o "$T/long$j.jsonl"
	check "--jobs $j: a cables.csv with a long segment gives one reader's records" \
		cmp -s "$T/long-one.jsonl" "$T/long$j.jsonl"
	check "--jobs $j: ... and its messages" cmp -s "$T/long-one.err" "$T/err"
done
{ head -c 300 "$T/seg.csv"; awk 'BEGIN { for (i = 0; i < 1500000; i++) print "" }'; } >"$T/blank.csv"
"$CW" convert -j1 --from cables-csv --stdin-name "$T/blank.csv" - -o "$T/blank-one.jsonl" \
	<"$T/blank.csv" 2>"$T/blank-one.err"
run 0 "--jobs 2 over a large cables.csv with no row start" \
	"$CW" convert -j2 --from cables-csv "$T/blank.csv" -o "$T/blank2.jsonl"
check "--jobs 2: a large cables.csv with no row start gives one reader's records" \
	cmp -s "$T/blank-one.jsonl" "$T/blank2.jsonl"
check "--jobs 2: ... and its messages" cmp -s "$T/blank-one.err" "$T/err"
mkdir -p "$T/tables1" "$T/tables3"
"$CW" convert -j1 "$T/tree" -o "$T/t1.csv" --csv-tables "$T/tables1" 2>/dev/null
"$CW" convert -j3 "$T/tree" -o "$T/t3.csv" --csv-tables "$T/tables3" 2>/dev/null
check "--csv-tables are byte-identical whatever --jobs" diff -r "$T/tables1" "$T/tables3"
[ "$(ls "$T/tables1" | wc -l)" = 7 ] || fail "seven CSV tables"
run 2 "--jobs 0 is refused" "$CW" convert --jobs 0 "$T/tree" -o "$T/x.jsonl"
run 2 "--jobs abc is refused" "$CW" convert --jobs abc "$T/tree" -o "$T/x.jsonl"

# ---- nothing lost: damaged input still gives one record per cable, and the counts reconcile ----
mkdir -p "$T/damaged"
cp "$T/tree/cables/"* "$T/damaged/"
printf '' >"$T/damaged/empty.txt"
head -c 3000 /dev/urandom >"$T/damaged/noise.bin"
head -c 700 "$T/tree/cables/html-2010-layout.html" >"$T/damaged/cut.html"
# a cables.csv whose row lost its closing quote (the next row still parses)
cp testdata/cables/invalid/csv-broken-row/input.csv "$T/damaged/broken-rows.csv"
# archives cut in the middle of a member's data: the members before the cut are complete, the
# cut one is an error record (a tar, and an xz of text that does not compress much)
mkdir -p "$T/bulk"
i=0
while [ $i -lt 8 ]; do
	cp "$T/tree/cables/text-acp127.txt" "$T/bulk/t$i.txt"
	head -c 30000 /dev/urandom | od -An -x >>"$T/bulk/t$i.txt"
	i=$((i + 1))
done
(cd "$T" && tar -cf bulk.tar bulk && xz -c bulk.tar >bulk.tar.xz)
head -c $(($(wc -c <"$T/bulk.tar") / 2 + 700)) "$T/bulk.tar" >"$T/cut.tar"
head -c $(($(wc -c <"$T/bulk.tar.xz") / 2)) "$T/bulk.tar.xz" >"$T/cut.tar.xz"
run 2 "damaged inputs" "$CW" convert -j2 "$T/damaged" "$T/cut.tar" "$T/cut.tar.xz" "$T/missing-file.txt" -o "$T/damaged.jsonl"
units=$(wc -l <"$T/damaged.jsonl")
written=$(sed -n 's/.*wrote \([0-9]*\) records.*/\1/p' "$T/err")
[ "$units" = "$written" ] || fail "the summary's record count ($written) is the output's ($units)"
with_errors=$(sed -n 's/.* (\([0-9]*\) with errors, .*/\1/p' "$T/err")
with_warnings=$(sed -n 's/.* with errors, \([0-9]*\) with warnings.*/\1/p' "$T/err")
clean=$(sed -n 's/.* with warnings, \([0-9]*\) clean.*/\1/p' "$T/err")
[ $((with_errors + with_warnings + clean)) = "$units" ] || fail "errors + warnings + clean = records: $(head -n 1 "$T/err")"
[ "$(jq -c 'select(.diagnostics | map(.severity == "error") | any)' "$T/damaged.jsonl" | wc -l)" = "$with_errors" ] \
	|| fail "the records with errors are the ones counted"
for code in INPUT_EMPTY INPUT_UNREADABLE INPUT_READ_ERROR CSV_ROW_BROKEN; do
	jq -r '.diagnostics[].code' "$T/damaged.jsonl" | grep -qx $code || fail "damaged input gives $code"
	grep -q "errors by code:.*$code" "$T/err" || fail "the summary counts $code"
done
jq -e 'select(.diagnostics[0].code == "INPUT_UNREADABLE") | .kind == "error" and .source.format == null
	and (.source.path | endswith("missing-file.txt"))' "$T/damaged.jsonl" >/dev/null \
	|| fail "an unreadable input is an error record with no format"
grep -q "missing-file.txt: No such file or directory" "$T/err" || fail "an unreadable input is reported"
grep -q "3 inputs failed" "$T/err" || fail "the missing file and the cut archives count as failed inputs: $(head -n 1 "$T/err")"
for a in cut.tar cut.tar.xz; do
	good=$(jq -r --arg p "$T/$a/" 'select(.kind == "cable" and (.source.path | startswith($p))) | .id' "$T/damaged.jsonl" | wc -l)
	cut=$(jq -r --arg p "$T/$a/" 'select(.diagnostics[0].code == "INPUT_READ_ERROR" and (.source.path | startswith($p))) | .id' "$T/damaged.jsonl" | wc -l)
	[ "$good" -ge 2 ] && [ "$good" -lt 8 ] && [ "$cut" = 1 ] || fail "$a: $good whole members and $cut error record"
done
# every cable of the damaged directory is there, once
for f in "$T/damaged/"*; do
	c=$(jq -r --arg p "$f" 'select(.source.path == $p) | .source.path' "$T/damaged.jsonl" | wc -l)
	[ "$c" -ge 1 ] || fail "no record for $(basename "$f")"
done
want=$(jq 'length' testdata/cables/invalid/csv-broken-row/expected.json)
rows=$(jq -r --arg p "$T/damaged/broken-rows.csv" 'select(.source.path == $p) | .kind' "$T/damaged.jsonl" | sort | uniq -c | tr -s ' ')
[ "$rows" = " $want cable" ] || fail "a broken cables.csv row costs no other row: $rows"

# ---- interrupted runs leave no half file under the final name; --resume continues ------------
"$CW" convert -j2 "$T/tree" -o "$T/full.jsonl" 2>/dev/null
# A run killed in the middle of writing: the partial file ends with half a line.
half=$(($(wc -c <"$T/full.jsonl") / 2))
head -c $half "$T/full.jsonl" >"$T/r.jsonl.partial"
run 0 "--resume after a kill" "$CW" convert -j2 --resume "$T/tree" -o "$T/r.jsonl"
check "the resumed output is the uninterrupted one" cmp -s "$T/r.jsonl" "$T/full.jsonl"
[ ! -e "$T/r.jsonl.partial" ] || fail "the partial file is renamed when complete"
held=$(head -c $half "$T/full.jsonl" | wc -l)
grep -q "resumed after the $held records" "$T/err" || fail "resume says how many records it kept: $(cat "$T/err")"
skipped=$(sed -n 's/.*wrote \([0-9]*\) records.*/\1/p' "$T/err")
[ $((held + skipped)) = "$records" ] || fail "resume wrote $skipped records after $held of $records"
# a partial from other inputs is refused and kept
head -n 3 "$T/a.zip.jsonl" >"$T/m.jsonl.partial"
run 2 "--resume refuses a partial from other inputs" "$CW" convert --resume "$T/damaged" -o "$T/m.jsonl"
grep -q "cannot resume" "$T/err" || fail "the refusal says why"
[ -e "$T/m.jsonl.partial" ] && [ ! -e "$T/m.jsonl" ] || fail "a refused partial is left alone"
run 2 "--resume wants JSON Lines or SQLite" "$CW" convert --resume "$T/tree" -o "$T/x.xml"
# a run stopped by SIGINT while reading: whole records only, final name untouched
mkfifo "$T/fifo"
(
	exec 3>"$T/fifo"
	cat "$T/tree/cables/zz-rows.csv" >&3
	sleep 1
	kill -INT "$(cat "$T/pid")"
	sleep 1
	cat "$T/tree/cables/zz-rows.csv" >&3
) &
feeder=$!
sh -c 'echo $$ >"$0/pid"; exec "$1" convert -j2 "$0/fifo" -o "$0/int.jsonl"' "$T" "$CW" 2>"$T/int.err"
rc=$?
wait $feeder
[ "$rc" = 2 ] || fail "an interrupted run exits 2 (got $rc)"
grep -q "interrupted" "$T/int.err" || fail "an interrupted run says so"
[ ! -e "$T/int.jsonl" ] || fail "an interrupted run leaves nothing under the final name"
[ -e "$T/int.jsonl.partial" ] && jq -e . "$T/int.jsonl.partial" >/dev/null \
	|| fail "an interrupted run keeps whole records in OUT.partial"
# the same for a non-resumable format: nothing left at all
(
	exec 3>"$T/fifo"
	cat "$T/tree/cables/zz-rows.csv" >&3
	sleep 1
	kill -TERM "$(cat "$T/pid")"
	sleep 1
) &
feeder=$!
sh -c 'echo $$ >"$0/pid"; exec "$1" convert -j2 "$0/fifo" -o "$0/int.xml"' "$T" "$CW" 2>/dev/null
rc=$?
wait $feeder
[ "$rc" = 2 ] || fail "a terminated run exits 2 (got $rc)"
[ -z "$(ls "$T"/int.xml* 2>/dev/null)" ] || fail "a terminated XML run leaves no file: $(ls "$T"/int.xml*)"

# SQLite: an archive holding the first records with a resume marker continues after them
"$CW" convert "$T/tree" -o "$T/full.sqlite" 2>/dev/null
first=$(find "$T/tree" -type f | sort | head -n 5)
# shellcheck disable=SC2086
"$CW" convert $first -o "$T/s.sqlite" 2>/dev/null
last=$(echo "$first" | tail -n 1)
count=$(sqlite3 "$T/s.sqlite" "SELECT count(*) FROM records")
# the marker names the last record by its input and its index there (a stream holds several)
index=$(($("$CW" convert "$last" -o - 2>/dev/null | wc -l) - 1))
sqlite3 "$T/s.sqlite" "INSERT INTO meta (key, value) VALUES ('resume', '$count' || char(9) || '$index' || char(9) || '$last')"
mv "$T/s.sqlite" "$T/s.sqlite.partial"
run 0 "--resume an SQLite archive" "$CW" convert --resume "$T/tree" -o "$T/s.sqlite"
grep -q "resumed after the $count records" "$T/err" || fail "SQLite resume skips what is in: $(cat "$T/err")"
added=$(sed -n 's/.*: \([0-9]*\) inserted, 0 unchanged, \([0-9]*\) new version.*/\1 + \2/p' "$T/err")
[ "$(($added))" = $((records - count)) ] || fail "SQLite resume adds only the rest: $(cat "$T/err")"
q="SELECT kind, record_id, version, content_hash FROM records ORDER BY 1, 2, 3"
[ "$(sqlite3 "$T/s.sqlite" "$q")" = "$(sqlite3 "$T/full.sqlite" "$q")" ] || fail "the resumed archive holds what a full run does"
[ -z "$(sqlite3 "$T/s.sqlite" "SELECT value FROM meta WHERE key = 'resume'")" ] || fail "a complete archive has no resume marker"

# ---- reading files: whole, in chunks, and when their size is wrong ---------------------------
# A regular file under 16 KiB is read whole by the walk in one read(2) (parser/input/sources.c),
# a larger one sniffed and read on (on a worker), one of 1 MiB or more in chunks: each gives the
# records its bytes give through a pipe, whatever --jobs, here a cables.csv of many rows and a
# text cut to each side of both bounds.
mkdir -p "$T/sizes"
: >"$T/sizes/rows.csv"
: >"$T/sizes/text.txt"
while [ "$(wc -c <"$T/sizes/rows.csv")" -lt 1100000 ]; do
	cat testdata/cables/forms/cables.csv >>"$T/sizes/rows.csv"
done
while [ "$(wc -c <"$T/sizes/text.txt")" -lt 1100000 ]; do
	cat testdata/cables/forms/07VALLETTA416.txt testdata/cables/forms/text.txt >>"$T/sizes/text.txt"
done
for f in rows.csv text.txt; do
	for size in 16383 16384 1048575 1048576; do
		in="$T/sizes/$size.$f"
		head -c $size "$T/sizes/$f" >"$in"
		"$CW" convert -j1 --stdin-name "$in" - -o "$T/sizes/pipe.jsonl" <"$in" 2>/dev/null
		for j in 1 2; do
			"$CW" convert -j$j "$in" -o "$T/sizes/file$j.jsonl" 2>/dev/null
			check "a $size-byte $f, --jobs $j: the records of its bytes through a pipe" \
				cmp -s "$T/sizes/pipe.jsonl" "$T/sizes/file$j.jsonl"
		done
	done
done
# A file shorter than fstat(2) says (standard input, a regular file, read from its 101st byte
# on) and one longer (a /proc file says 0 bytes) are read to their real end.
in="$T/sizes/16383.rows.csv"
{ dd bs=100 count=1 of=/dev/null 2>/dev/null; "$CW" convert -j1 - -o "$T/sizes/short.jsonl"; } \
	<"$in" 2>/dev/null
tail -c +101 "$in" | "$CW" convert -j1 - -o "$T/sizes/tail.jsonl" 2>/dev/null
check "a file shorter than its size says: the bytes it has" \
	cmp -s "$T/sizes/tail.jsonl" "$T/sizes/short.jsonl"
if [ -r /proc/version ] && [ "$(wc -c </proc/version)" -gt 0 ]; then
	"$CW" convert -j1 /proc/version -o "$T/sizes/proc.jsonl" 2>/dev/null
	jq -e --argjson n "$(wc -c </proc/version)" '.source.bytes == $n' "$T/sizes/proc.jsonl" \
		>/dev/null && ok || fail "a file longer than its size says (/proc/version) is read whole"
fi
# Files waiting for a worker hold no descriptor: many small files at --jobs 2 under a low limit
# on open files are all read (each batch of them held one descriptor a file, and ran out).
mkdir -p "$T/many"
i=0
while [ $i -lt 300 ]; do cp testdata/cables/forms/07VALLETTA416.txt "$T/many/c$i.txt"; i=$((i + 1)); done
run 0 "--jobs 2 over 300 files with 64 descriptors" \
	sh -c 'ulimit -n 64 && exec "$0" convert -j2 "$1" -o "$2"' "$CW" "$T/many" "$T/many.jsonl"
grep -q "read 300 inputs, wrote 300 records.* 0 inputs failed" "$T/err" \
	|| fail "300 small files under 64 descriptors: $(head -n 1 "$T/err")"
# 300 files of 20 KiB in DIR (over 16 KiB: each holds its descriptor while queued for a worker).
make_20k_files() {
	mkdir -p "$1"
	{ cat testdata/cables/forms/07VALLETTA416.txt; i=2
	  while [ $i -lt 240 ]; do echo "$i. (U) The harbour board met again and kept the dock rates for another quarter."; i=$((i + 1)); done
	} >"$1/c0.txt"
	[ "$(wc -c <"$1/c0.txt")" -gt 16384 ] || fail "the 300 larger files are not over 16 KiB"
	i=1
	while [ $i -lt 300 ]; do cp "$1/c0.txt" "$1/c$i.txt"; i=$((i + 1)); done
}
# LIMIT (ulimit's flags and number) WHAT: the 300 files all read under that limit at --jobs 2.
read_20k_files_under() {
	run 0 "--jobs 2 over 300 files of 20 KiB under $2" \
		sh -c "ulimit $1 && exec \"\$0\" convert -j2 \"\$1\" -o \"\$2\"" "$CW" "$T/many20" "$T/many20.jsonl"
	grep -q "read 300 inputs, wrote 300 records.* 0 inputs failed" "$T/err" \
		|| fail "300 files of 20 KiB under $2: $(head -n 1 "$T/err")"
}
make_20k_files "$T/many20"
# Under a soft limit of 64 (the hard one higher) the command raises its own limit.
if [ "$(ulimit -H -n)" = unlimited ] || [ "$(ulimit -H -n)" -ge 1024 ]; then
	read_20k_files_under "-S -n 64" "a soft limit of 64 descriptors"
fi
# Where the hard limit is 64 too, nothing can be raised: the walk holds the queued files'
# descriptors under a budget (half of what the limit leaves over the walk's own) and reads the
# rest on its own thread.
read_20k_files_under "-n 64" "a hard limit of 64 descriptors"

# ---- the progress bar: on a terminal only ----------------------------------------------------
big="$T/big"
mkdir -p "$big"
i=0
while [ $i -lt 40 ]; do cp "$T/tree/cables/zz-rows.csv" "$big/rows$i.csv"; i=$((i + 1)); done
"$CW" convert -j1 "$big" -o "$T/p.jsonl" 2>"$T/p.err"
grep -q "$(printf '\r')" "$T/p.err" && fail "no progress bar when stderr is not a terminal"
if script -qec "true" /dev/null >/dev/null 2>&1; then
	# Under a pseudo-terminal the bar is drawn: at the first record, then a few times a second.
	script -qec "\"$CW\" convert -j1 \"$big\" -o \"$T/p2.jsonl\"" /dev/null >"$T/tty.out" 2>&1 </dev/null
	grep -q "records/s" "$T/tty.out" && ok || fail "a terminal gets the progress bar: $(cat "$T/tty.out")"
	grep -q "ETA" "$T/tty.out" && ok || fail "the bar has an ETA when the size is known"
	grep -q "wrote" "$T/tty.out" && ok || fail "a terminal still gets the summary"
else
	echo "batch: script(1) cannot make a terminal here: progress bar check skipped" >&2
fi

echo "batch: $n checks, $fails failed"
[ "$fails" = 0 ]
