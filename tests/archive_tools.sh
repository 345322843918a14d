#!/bin/sh
# The SQLite archive as the tools people browse SQLite with find it (make check):
#   - sqlite-utils (Debian's) finds the full-text tables cables_fts and articles_fts and its
#     `search` returns the rows that hold a word; Datasette detects search the same way
#     (content="TABLE" in the virtual table's SQL);
#   - every foreign key has an index that starts with it, and a lookup by record_id uses one;
#   - an archive written by schema version 1 (testdata/archive/schema-v1.sql, the .dump of one
#     made by the version before) is migrated in place when converted into, and searched.
# Usage: tests/archive_tools.sh CABLEWIRE
set -u
CW=$1
fails=0 checks=0
fail() { echo "archive_tools: FAIL: $*"; fails=$((fails + 1)); }
ok() { checks=$((checks + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
A=$tmp/a.sqlite

"$CW" convert -q testdata -o "$A" 2>"$tmp/err" || [ $? -eq 1 ] || fail "convert testdata: $(cat "$tmp/err")"

# sqlite-utils: the tables it sees as searchable, then searches.
ok; sqlite-utils tables "$A" --fts5 >"$tmp/tables" 2>&1 || fail "sqlite-utils tables: $(cat "$tmp/tables")"
for t in cables_fts articles_fts; do
	ok; grep -q "\"table\": \"$t\"" "$tmp/tables" || fail "sqlite-utils does not list $t as a full-text table: $(tr '\n' ' ' <"$tmp/tables")"
done
# Its Python API: the table a search goes to (Datasette asks the same question).
ok; out=$(/usr/bin/python3 -c 'import sqlite_utils, sys
db = sqlite_utils.Database(sys.argv[1])
print(db["cables"].detect_fts(), db["articles"].detect_fts())' "$A" 2>&1)
[ "$out" = "cables_fts articles_fts" ] || fail "detect_fts: $out"
ok; sqlite-utils search "$A" cables inspectors -c id --csv 2>&1 | tr -d '\r' >"$tmp/out" || fail "sqlite-utils search cables: $(cat "$tmp/out")"
[ "$(tail -n +2 "$tmp/out")" = 07VALLETTA415 ] || fail "sqlite-utils search cables inspectors: $(cat "$tmp/out")"
ok; sqlite-utils search "$A" articles sandbags -c headline --csv >"$tmp/out" 2>&1 || fail "sqlite-utils search articles: $(cat "$tmp/out")"
[ "$(tail -n +2 "$tmp/out" | grep -c .)" -ge 3 ] || fail "sqlite-utils search articles sandbags: $(cat "$tmp/out")"
ok; sqlite-utils search "$A" cables xyzzyplugh --csv >"$tmp/out" 2>&1 && [ "$(grep -c . "$tmp/out")" -le 1 ] ||
	fail "a word no record has is found: $(cat "$tmp/out")"
# Datasette's detection: a virtual table whose SQL names its content table in double quotes.
for t in cables articles; do
	ok; sqlite3 "$A" "SELECT sql FROM sqlite_master WHERE name = '${t}_fts'" | grep -q "content=\"$t\"" ||
		fail "${t}_fts does not say content=\"$t\""
done

# Every foreign key starts an index (or is the table's INTEGER PRIMARY KEY).
ok; /usr/bin/python3 - "$A" >"$tmp/fk" 2>&1 <<'PY' || fail "foreign keys without an index: $(cat "$tmp/fk")"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bad, fks = [], 0
for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
    for fk in db.execute(f"PRAGMA foreign_key_list('{table}')"):
        fks += 1
        col = fk[3]
        cols = {r[1]: r for r in db.execute(f"PRAGMA table_info('{table}')")}
        if cols[col][5] == 1 and cols[col][2].upper() == "INTEGER" and \
                sum(1 for r in cols.values() if r[5]) == 1:
            continue  # the rowid itself
        firsts = [next(iter(db.execute(f"PRAGMA index_info('{ix[1]}')")))[2]
                  for ix in db.execute(f"PRAGMA index_list('{table}')")]
        if col not in firsts:
            bad.append(f"{table}.{col}")
if bad or fks < 8:
    print(fks, "foreign keys;", " ".join(bad))
    sys.exit(1)
PY
ok; sqlite3 "$A" "EXPLAIN QUERY PLAN SELECT version FROM records WHERE record_id = '07VALLETTA415'" |
	grep -q 'USING INDEX records_record_id' || fail "a lookup by record_id scans"

# An archive of schema version 1, migrated in place.
O=$tmp/old.sqlite
sqlite3 "$O" <testdata/archive/schema-v1.sql
ok; [ "$(sqlite3 "$O" "SELECT value FROM meta WHERE key = 'schema_version'")" = 1 ] || fail "the version 1 fixture"
sqlite3 "$O" "SELECT kind, record_id, version, content_hash FROM records ORDER BY 1, 2, 3" >"$tmp/keys-v1"
"$CW" convert -q testdata/articles/valid -o "$O" 2>"$tmp/err" || [ $? -eq 1 ] || fail "converting into a version 1 archive: $(cat "$tmp/err")"
ok; [ "$(sqlite3 "$O" "SELECT value FROM meta WHERE key = 'schema_version'")" = 2 ] || fail "not migrated: $(cat "$tmp/err")"
ok; [ "$(sqlite3 "$O" "PRAGMA user_version")" = 2 ] || fail "user_version after the migration"
ok; [ "$(sqlite3 "$O" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after the migration"
ok; [ "$(sqlite3 "$O" "SELECT count(*) FROM sqlite_master WHERE name = 'fulltext'")" = 0 ] || fail "fulltext is left"
ok; sqlite-utils search "$O" cables ferry -c id --csv 2>&1 | tr -d '\r' | grep -q '^07VALLETTA412$' ||
	fail "a cable archived by version 1 is not found after the migration"
ok; sqlite-utils search "$O" articles sandbags --csv 2>&1 | tail -n +2 | grep -q . ||
	fail "an article added after the migration is not found"
ok; [ "$(sqlite3 "$O" "INSERT INTO cables_fts (cables_fts, rank) VALUES ('integrity-check', 1)" 2>&1)" = "" ] ||
	fail "cables_fts disagrees with cables after the migration"
# The migration keeps every record's key, version and hash (a later parser may give a new
# version of a record; the migration itself never does).
sqlite3 "$O" "SELECT kind, record_id, version, content_hash FROM records ORDER BY 1, 2, 3" |
	grep -Fxf - "$tmp/keys-v1" >"$tmp/keys-kept"
ok; cmp -s "$tmp/keys-kept" "$tmp/keys-v1" ||
	fail "the migration changed a record's key, version or hash"
# A record archived by version 1 converted again is found under its key: never inserted anew.
"$CW" convert testdata/cables/valid/text-acp127/input.txt -o "$O" 2>"$tmp/err" || [ $? -eq 1 ]
ok; grep -qE ': 0 inserted, (1 unchanged, 0 new versions|0 unchanged, 1 new version)$' "$tmp/err" ||
	fail "after the migration: $(cat "$tmp/err")"
# A newer archive than this cablewire knows is refused, not rewritten.
sqlite3 "$O" "UPDATE meta SET value = '99' WHERE key = 'schema_version'"
ok; "$CW" convert -q testdata/cables/valid/text-acp127/input.txt -o "$O" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'schema version 99' "$tmp/err" || fail "a version 99 archive: $(cat "$tmp/err")"

echo "archive_tools: $checks checks, $fails failed"
[ "$fails" = 0 ]
