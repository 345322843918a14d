/* emitters/archive/archive.c: the SQLite archive. Built from every testdata input into a temporary file,
 * then read back through SQLite itself: integrity, full-text queries, idempotence, versions. */
#include <glob.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_helpers.h"

/* ---- helpers ------------------------------------------------------------------------------ */

static char tmpdir[64];
static char db_path[128];

static void setup(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/cw-archive-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(db_path, sizeof db_path, "%s/a.sqlite", tmpdir);
}

static void teardown(void)
{
	char p[160];
	unlink(db_path);
	snprintf(p, sizeof p, "%s-journal", db_path);
	unlink(p);
	snprintf(p, sizeof p, "%s/other.sqlite", tmpdir);
	unlink(p);
	snprintf(p, sizeof p, "%s/not-sqlite.db", tmpdir);
	unlink(p);
	rmdir(tmpdir);
}

static cw_archive *open_archive(const char *path)
{
	char err[256];
	cw_archive *ar = cw_archive_open(path, err, sizeof err);
	ck_assert_msg(ar != NULL, "cw_archive_open: %s", err);
	return ar;
}

/* Reads a file through a reader and adds every record; counts each result in results[r + 1]. */
static size_t add_file(cw_archive *ar, const char *path, size_t results[4])
{
	size_t len, n = 0;
	char *buf = read_file(path, &len);
	ck_assert_msg(buf != NULL, "cannot read %s", path);
	cw_options *opt = cw_options_new();
	cw_reader *rd = cw_reader_new(opt, path);
	ck_assert_int_eq(cw_reader_feed(rd, buf, len), CW_OK);
	cw_reader_finish(rd);
	cw_record *rec;
	while (cw_reader_next(rd, &rec) == CW_OK) {
		int r = cw_archive_add(ar, rec);
		ck_assert_msg(r >= 0, "%s: %s", path, cw_archive_error(ar));
		results[r + 1]++;
		n++;
		cw_record_free(rec);
	}
	cw_reader_free(rd);
	cw_options_free(opt);
	free(buf);
	return n;
}

/* Every testdata input: the golden cases' input.* and the six forms of one cable. */
static size_t add_testdata(cw_archive *ar, size_t results[4])
{
	glob_t g;
	ck_assert_int_eq(glob("testdata/*/*/*/input.*", 0, NULL, &g), 0);
	ck_assert_int_eq(glob("testdata/cables/forms/*", GLOB_APPEND, NULL, &g), 0);
	ck_assert_uint_gt(g.gl_pathc, 20);
	size_t n = 0;
	for (size_t i = 0; i < g.gl_pathc; i++)
		n += add_file(ar, g.gl_pathv[i], results);
	globfree(&g);
	return n;
}

static sqlite3 *open_db(void)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	return db;
}

static sqlite3_int64 query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s: no row (%s)", sql, sqlite3_errmsg(db));
	sqlite3_int64 v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every row's first column joined with '|' (values up to 4 KiB in all). */
static const char *query_rows(sqlite3 *db, const char *sql)
{
	static char out[4096];
	sqlite3_stmt *st;
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	out[0] = '\0';
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", n ? "|" : "", v ? v : "NULL");
		ck_assert_uint_lt(n, sizeof out);
	}
	ck_assert_msg(rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return out;
}

static const char *const tables[] = {
	"records", "cables", "addressees", "tags", "refs", "paragraphs", "articles", "bylines",
	"credits", "cables_fts_docsize", "articles_fts_docsize", "meta",
};
enum { NTABLES = sizeof tables / sizeof tables[0] };

static void count_rows(sqlite3 *db, sqlite3_int64 counts[NTABLES])
{
	for (size_t i = 0; i < NTABLES; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		counts[i] = query_int(db, sql);
	}
}

/* ---- tests -------------------------------------------------------------------------------- */

START_TEST(test_archive_testdata_integrity)
{
	cw_archive *ar = open_archive(db_path);
	size_t results[4] = { 0, 0, 0, 0 };
	size_t n = add_testdata(ar, results);
	cw_archive_stats st;
	cw_archive_get_stats(ar, &st);
	ck_assert_int_eq(cw_archive_close(ar), 0);
	ck_assert_uint_eq(st.inserted + st.present + st.new_versions, n);
	ck_assert_uint_eq(st.failed, 0);
	ck_assert_uint_eq(st.inserted, results[CW_ARCHIVE_INSERTED + 1]);

	sqlite3 *db = open_db();
	ck_assert_str_eq(query_rows(db, "PRAGMA integrity_check"), "ok");
	ck_assert_str_eq(query_rows(db, "PRAGMA foreign_key_check"), "");
	ck_assert_str_eq(query_rows(db, "SELECT value FROM meta WHERE key = 'schema_version'"), "2");
	ck_assert_int_eq(query_int(db, "PRAGMA user_version"), CW_ARCHIVE_SCHEMA_VERSION);
	/* Every record is a row; every cable and article has its typed row and its text indexed. */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM records"),
			 (sqlite3_int64)(st.inserted + st.new_versions));
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM records r WHERE kind = 'cable' AND "
				       "NOT EXISTS (SELECT 1 FROM cables c WHERE c.record_rowid = r.rowid)"),
			 0);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM records WHERE kind = 'article'"),
			 query_int(db, "SELECT count(*) FROM articles"));
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM records WHERE kind <> 'error'"),
			 query_int(db, "SELECT (SELECT count(*) FROM cables_fts_docsize) + "
				       "(SELECT count(*) FROM articles_fts_docsize)"));
	/* The full-text tables agree with their content tables. */
	ck_assert_str_eq(query_rows(db, "INSERT INTO cables_fts (cables_fts, rank) "
					"VALUES ('integrity-check', 1)"), "");
	ck_assert_str_eq(query_rows(db, "INSERT INTO articles_fts (articles_fts, rank) "
					"VALUES ('integrity-check', 1)"), "");
	/* The JSON column is the record. */
	ck_assert_str_eq(query_rows(db, "SELECT json_extract(json, '$.routing.dtg') FROM records "
					"WHERE record_id = '07VALLETTA412'"),
			 "2007-03-14T14:20:00Z");
	/* 07VALLETTA412: FM, one TO, five INFO, in order. */
	ck_assert_str_eq(query_rows(db, "SELECT role || ' ' || address FROM addressees a "
					"JOIN cables c USING (record_rowid) WHERE c.id = '07VALLETTA412' "
					"ORDER BY n"),
			 "from AMEMBASSY VALLETTA|to SECSTATE WASHDC|info AMEMBASSY BRUSSELS|"
			 "info AMEMBASSY LONDON|info AMEMBASSY PARIS|info SECSTATE WASHDC|"
			 "info NSC WASHDC");
	/* 07VALLETTA415: tags with kinds, references with ids, paragraphs then subparagraphs. */
	ck_assert_str_eq(query_rows(db, "SELECT value || '/' || kind FROM tags JOIN cables "
					"USING (record_rowid) WHERE id = '07VALLETTA415' ORDER BY n"),
			 "PREL/subject|PGOV/subject|KCRM/program|MT/geographic|IT/geographic|"
			 "OVIP/subject|ROE, RICHARD A./person");
	ck_assert_str_eq(query_rows(db, "SELECT coalesce(ref_id, kind) FROM refs JOIN cables "
					"USING (record_rowid) WHERE id = '07VALLETTA415' ORDER BY n"),
			 "07VALLETTA402|06ROME1150|06ROME1166|email");
	ck_assert_str_eq(query_rows(db, "SELECT n || ':' || number || coalesce(label, '') || ':' || "
					"coalesce(parent, '-') || ':' || marking FROM paragraphs "
					"JOIN cables USING (record_rowid) WHERE id = '07VALLETTA415' "
					"ORDER BY n"),
			 "0:1:-:S/NF|1:2:-:C|2:2A:1:C|3:2B:1:U|4:3:-:C");
	ck_assert_str_eq(query_rows(db, "SELECT classification || ' ' || captions || ' ' || "
					"subject_marking FROM cables WHERE id = '07VALLETTA415'"),
			 "SECRET [\"NOFORN\",\"SIPDIS\"] S");
	/* Articles: bylines, credits of both kinds, the dateline as columns. */
	ck_assert_str_eq(query_rows(db, "SELECT c.kind || ':' || c.name FROM credits c JOIN records r "
					"ON r.rowid = record_rowid WHERE r.source_path LIKE "
					"'%web-page%' ORDER BY n"),
			 "photo:Tomas Reyes|contributor:Hannah Lind");
	ck_assert_str_eq(query_rows(db, "SELECT b.name FROM bylines b JOIN records r "
					"ON r.rowid = b.record_rowid WHERE r.source_path LIKE "
					"'%web-page%' ORDER BY n"),
			 "MARTA KOWALSKI|DEREK OYELARAN");
	ck_assert_str_eq(query_rows(db, "SELECT dateline_location || ' ' || wire_slugline FROM "
					"articles JOIN records r ON r.rowid = record_rowid "
					"WHERE r.source_path LIKE '%/valid/anpa/%'"),
			 "RIVERTON Levee-Flood");
	sqlite3_close(db);
}
END_TEST

START_TEST(test_archive_fulltext_query)
{
	cw_archive *ar = open_archive(db_path);
	size_t results[4] = { 0, 0, 0, 0 };
	add_testdata(ar, results);
	ck_assert_int_eq(cw_archive_close(ar), 0);
	sqlite3 *db = open_db();
	/* "inspectors" is in one testdata record only, in a subparagraph. */
	ck_assert_str_eq(query_rows(db, "SELECT r.record_id FROM cables_fts f JOIN records r "
					"ON r.rowid = f.rowid WHERE cables_fts MATCH 'inspectors'"),
			 "07VALLETTA415");
	/* A column filter on the subject; a phrase; diacritics folded. */
	ck_assert_str_eq(query_rows(db, "SELECT r.record_id FROM cables_fts f JOIN records r "
					"ON r.rowid = f.rowid WHERE cables_fts MATCH 'subject : freight'"),
			 "07VALLETTA415");
	ck_assert_str_eq(query_rows(db, "SELECT r.source_format FROM articles_fts f JOIN records r "
					"ON r.rowid = f.rowid WHERE articles_fts MATCH 'sandbags' "
					"ORDER BY r.source_format"),
			 "anpa|article-text|iptc7901");
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH "
				       "'\"new inspection regime\"'"),
			 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH "
				       "'xyzzyplugh'"),
			 0);
	/* External content: the text comes back, with snippet() and highlight(). */
	ck_assert_str_eq(query_rows(db, "SELECT highlight(cables_fts, 0, '[', ']') FROM cables_fts "
					"WHERE cables_fts MATCH 'subject : freight'"),
			 query_rows(db, "SELECT replace(subject, 'FREIGHT', '[FREIGHT]') FROM cables "
					"WHERE id = '07VALLETTA415'"));
	sqlite3_close(db);
}
END_TEST

START_TEST(test_archive_idempotent)
{
	cw_archive *ar = open_archive(db_path);
	size_t first[4] = { 0, 0, 0, 0 };
	size_t n = add_testdata(ar, first);
	ck_assert_int_eq(cw_archive_close(ar), 0);
	sqlite3 *db = open_db();
	sqlite3_int64 before[NTABLES], after[NTABLES];
	count_rows(db, before);
	sqlite3_close(db);

	/* Again, in a new session: every record is already there, no row changes. */
	ar = open_archive(db_path);
	size_t again[4] = { 0, 0, 0, 0 };
	ck_assert_uint_eq(add_testdata(ar, again), n);
	ck_assert_uint_eq(again[CW_ARCHIVE_PRESENT + 1], n);
	/* The same input under another name is the same record. */
	char *text = read_file("testdata/cables/valid/text-acp127/input.txt", NULL);
	cw_record *rec = parse_str(text, "elsewhere/renamed.txt");
	ck_assert_int_eq(cw_archive_add(ar, rec), CW_ARCHIVE_PRESENT);
	cw_record_free(rec);
	free(text);
	ck_assert_int_eq(cw_archive_close(ar), 0);

	db = open_db();
	count_rows(db, after);
	for (size_t i = 0; i < NTABLES; i++)
		ck_assert_msg(before[i] == after[i], "%s: %lld rows, then %lld", tables[i],
			      (long long)before[i], (long long)after[i]);
	ck_assert_str_eq(query_rows(db, "PRAGMA integrity_check"), "ok");
	sqlite3_close(db);
}
END_TEST

static char *replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	ck_assert_ptr_nonnull(at);
	size_t n = strlen(s) - strlen(from) + strlen(to);
	char *out = malloc(n + 1);
	size_t pre = (size_t)(at - s);
	memcpy(out, s, pre);
	strcpy(out + pre, to);
	strcat(out, at + strlen(from));
	return out;
}

START_TEST(test_archive_new_version)
{
	char *v1 = read_file("testdata/cables/valid/text-body-elements/input.txt", NULL);
	ck_assert_ptr_nonnull(v1);
	char *v2 = replace(v1, "a second shift of inspectors", "a second shift of auditors");
	cw_archive *ar = open_archive(db_path);
	cw_record *rec = parse_str(v1, "v1.txt");
	ck_assert_int_eq(cw_archive_add(ar, rec), CW_ARCHIVE_INSERTED);
	cw_record_free(rec);
	ck_assert_int_eq(cw_archive_close(ar), 0);

	/* The changed text under the same id: a second version, the first kept. */
	ar = open_archive(db_path);
	rec = parse_str(v2, "v2.txt");
	ck_assert_str_eq(rec_str(rec, "id"), "07VALLETTA415");
	ck_assert_int_eq(cw_archive_add(ar, rec), CW_ARCHIVE_NEW_VERSION);
	cw_record_free(rec);
	/* Each version once: both are present now. */
	rec = parse_str(v1, "v1-again.txt");
	ck_assert_int_eq(cw_archive_add(ar, rec), CW_ARCHIVE_PRESENT);
	cw_record_free(rec);
	rec = parse_str(v2, "v2-again.txt");
	ck_assert_int_eq(cw_archive_add(ar, rec), CW_ARCHIVE_PRESENT);
	cw_record_free(rec);
	cw_archive_stats st;
	cw_archive_get_stats(ar, &st);
	ck_assert_uint_eq(st.new_versions, 1);
	ck_assert_uint_eq(st.present, 2);
	ck_assert_int_eq(cw_archive_close(ar), 0);

	sqlite3 *db = open_db();
	ck_assert_str_eq(query_rows(db, "SELECT version || ':' || source_path FROM records "
					"WHERE record_id = '07VALLETTA415' ORDER BY version"),
			 "1:v1.txt|2:v2.txt");
	ck_assert_str_eq(query_rows(db, "SELECT version || ':' || source_path FROM latest"),
			 "2:v2.txt");
	/* Typed rows for every version, keyed by record_rowid. */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM cables WHERE id = '07VALLETTA415'"), 2);
	ck_assert_str_eq(query_rows(db, "SELECT p.text FROM paragraphs p JOIN latest l "
					"ON l.rowid = p.record_rowid WHERE p.label = 'B'"),
			 "a second shift of auditors.");
	/* The full text of each version; through latest only the new one. */
	ck_assert_str_eq(query_rows(db, "SELECT r.version FROM cables_fts f JOIN records r "
					"ON r.rowid = f.rowid WHERE cables_fts MATCH 'inspectors'"),
			 "1");
	ck_assert_str_eq(query_rows(db, "SELECT r.version FROM cables_fts f JOIN records r "
					"ON r.rowid = f.rowid WHERE cables_fts MATCH 'auditors'"),
			 "2");
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM cables_fts f JOIN latest l "
				       "ON l.rowid = f.rowid WHERE cables_fts MATCH 'inspectors'"),
			 0);
	ck_assert_str_eq(query_rows(db, "PRAGMA integrity_check"), "ok");
	sqlite3_close(db);
	free(v1);
	free(v2);
}
END_TEST

START_TEST(test_archive_keys)
{
	cw_archive *ar = open_archive(db_path);
	size_t results[4] = { 0, 0, 0, 0 };
	add_file(ar, "testdata/articles/valid/reuters-sgml/input.sgm", results);
	add_file(ar, "testdata/articles/valid/anpa/input.anpa", results);
	add_file(ar, "testdata/articles/valid/web-page/input.txt", results);
	add_file(ar, "testdata/cables/invalid/empty-input/input.txt", results);
	ck_assert_uint_eq(results[CW_ARCHIVE_INSERTED + 1], 5);
	ck_assert_int_eq(cw_archive_close(ar), 0);
	sqlite3 *db = open_db();
	/* Reuters' NEWID; a wire story's format, service, number, time, keyword; else the FNV-1a
	 * of headline, newline, first paragraph; an error record by its content hash. */
	char *web = read_file("testdata/articles/valid/web-page/input.txt", NULL);
	cw_record *rec = parse_str(web, "web.txt");
	const char *headline = rec_str(rec, "headline");
	size_t n;
	const cw_value *paras = cw_value_get(cw_record_root(rec), "paragraphs");
	const char *p0 = cw_value_string(cw_value_get(cw_value_at(paras, 0), "text"), &n);
	ck_assert_ptr_nonnull(p0);
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const char *c = headline; *c; c++)
		h = (h ^ (unsigned char)*c) * 0x100000001b3ULL;
	h = (h ^ '\n') * 0x100000001b3ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p0[i]) * 0x100000001b3ULL;
	char want[512];
	snprintf(want, sizeof want, "article reuters:1|article reuters:2|"
		 "article wire:anpa:w:1234:1987-03-04T10:12:00-05:00:BC-Levee-Flood|"
		 "article text:%016llx|error content:", (unsigned long long)h);
	cw_record_free(rec);
	free(web);
	ck_assert_str_eq(query_rows(db, "SELECT kind || ' ' || iif(kind = 'error', "
					"substr(record_id, 1, 8), record_id) FROM records ORDER BY rowid"),
			 want);
	ck_assert_int_eq(query_int(db, "SELECT length(record_id) FROM records WHERE kind = 'error'"),
			 8 + 16);
	/* An error record: the records row and its diagnostics, no typed rows, no text. */
	ck_assert_int_eq(query_int(db, "SELECT errors FROM records WHERE kind = 'error'"), 1);
	ck_assert_int_eq(query_int(db, "SELECT (SELECT count(*) FROM cables_fts_docsize) + "
				       "(SELECT count(*) FROM articles_fts_docsize)"), 4);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_archive_refuses_other_files)
{
	char err[256], path[160];
	/* Not an SQLite file. */
	snprintf(path, sizeof path, "%s/not-sqlite.db", tmpdir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 200; i++)
		fputs("{\"kind\":\"cable\",\"id\":\"07VALLETTA412\"}\n", f);
	fclose(f);
	ck_assert_ptr_null(cw_archive_open(path, err, sizeof err));
	ck_assert_msg(strstr(err, "not a database") != NULL, "%s", err);
	/* A file shorter than SQLite's header, which SQLite itself would take for an empty one. */
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("x", f);
	fclose(f);
	ck_assert_ptr_null(cw_archive_open(path, err, sizeof err));
	ck_assert_msg(strstr(err, "not a database") != NULL, "%s", err);
	char *kept = read_file(path, NULL);
	ck_assert_str_eq(kept, "x");
	free(kept);
	/* An SQLite database of something else. */
	snprintf(path, sizeof path, "%s/other.sqlite", tmpdir);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ck_assert_ptr_null(cw_archive_open(path, err, sizeof err));
	ck_assert_msg(strstr(err, "not a cablewire archive") != NULL, "%s", err);
	/* An archive of another schema version. */
	cw_archive_close(open_archive(db_path));
	db = open_db();
	ck_assert_int_eq(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = "
					  "'schema_version'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ck_assert_ptr_null(cw_archive_open(db_path, err, sizeof err));
	ck_assert_msg(strstr(err, "schema version 99") != NULL, "%s", err);
	/* A directory that does not exist. */
	ck_assert_ptr_null(cw_archive_open("/nonexistent/dir/a.sqlite", err, sizeof err));
	ck_assert_msg(strstr(err, "/nonexistent/dir/a.sqlite: ") == err, "%s", err);
}
END_TEST

/* The resume marker is committed with the records it describes, read back after reopening, and
 * removed by NULL. */
START_TEST(test_archive_resume_marker)
{
	cw_archive *ar = open_archive(db_path);
	ck_assert_ptr_null(cw_archive_get_resume(ar));
	cw_record *rec = parse_str("UNCLAS\n\nSUBJECT: ONE\n\n1. TEXT.\n", "one.txt");
	ck_assert_int_eq(cw_archive_set_resume(ar, "1\t0\tone.txt"), 0);
	ck_assert_int_eq(cw_archive_add(ar, rec), CW_ARCHIVE_INSERTED);
	cw_record_free(rec);
	ck_assert_int_eq(cw_archive_close(ar), 0);

	ar = open_archive(db_path);
	char *m = cw_archive_get_resume(ar);
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m, "1\t0\tone.txt");
	free(m);
	/* A NULL marker removes it with the next commit. */
	ck_assert_int_eq(cw_archive_set_resume(ar, NULL), 0);
	ck_assert_int_eq(cw_archive_commit(ar), 0);
	ck_assert_ptr_null(cw_archive_get_resume(ar));
	ck_assert_int_eq(cw_archive_close(ar), 0);
	sqlite3 *db = open_db();
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM meta WHERE key = 'resume'"), 0);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM records"), 1);
	sqlite3_close(db);
}
END_TEST

Suite *suite_archive(void)
{
	Suite *s = suite_create("archive");
	TCase *tc = tcase_create("archive");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_archive_testdata_integrity);
	tcase_add_test(tc, test_archive_fulltext_query);
	tcase_add_test(tc, test_archive_idempotent);
	tcase_add_test(tc, test_archive_new_version);
	tcase_add_test(tc, test_archive_keys);
	tcase_add_test(tc, test_archive_resume_marker);
	tcase_add_test(tc, test_archive_refuses_other_files);
	suite_add_tcase(s, tc);
	return s;
}
