/* The SQLite archive: records kept in normalised tables with a full-text index, one version per
 * distinct content of an id. SQLite is the library here; this file only maps the value tree of a
 * record onto the tables below. README.md ("The SQLite archive") documents the same schema for
 * readers of the database. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitters/emitter.h"
#include "parser/core/fields.h"
#include "parser/core/views.h"

/* Records per transaction: large enough that the commit's syncs cost nothing per record, small
 * enough that an interrupted run loses little (a rerun adds exactly what is missing). */
enum { ARCHIVE_BATCH = 1000 };

/* "CBWR": PRAGMA application_id, so that file(1) and tools can tell an archive apart. */
#define ARCHIVE_APPLICATION_ID 0x43425752

/* ---------------------------------------------------------------------------------------------
 * The schema, in one place. Comments stay inside the statements so that `.schema` in the
 * sqlite3 shell shows them. Lists of strings (captions, agencies, ...) are JSON arrays in a TEXT
 * column (query them with json_each); the whole record is in records.json. Child tables number
 * their rows per record from 0 (n), in the record's order.
 */
static const char *const schema_sql[] = {
	"CREATE TABLE meta (\n"
	"  key   TEXT PRIMARY KEY,  -- schema_version, created_by\n"
	"  value TEXT\n"
	")\n",
	"CREATE TABLE records (\n"
	"  rowid         INTEGER PRIMARY KEY,\n"
	"  kind          TEXT NOT NULL,     -- cable, article, error\n"
	"  record_id     TEXT NOT NULL,     -- the cable id; for articles a key (README)\n"
	"  version       INTEGER NOT NULL,  -- 1, 2, ...: each new content of (kind, record_id)\n"
	"  content_hash  TEXT NOT NULL,     -- FNV-1a 64 of the JSON without source, diagnostics\n"
	"  source_path   TEXT,\n"
	"  source_format TEXT,              -- the input form: wikileaks-html, anpa, ...\n"
	"  source_index  INTEGER,           -- the unit's position in its input\n"
	"  errors        INTEGER NOT NULL,  -- diagnostics of severity error\n"
	"  warnings      INTEGER NOT NULL,  -- diagnostics of severity warning\n"
	"  json          TEXT NOT NULL,     -- the whole record, as convert -o x.jsonl writes it\n"
	"  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),\n"
	"  UNIQUE (kind, record_id, content_hash),\n"
	"  UNIQUE (kind, record_id, version)\n"
	")\n",
	"-- The newest version of every record.\n"
	"CREATE VIEW latest AS\n"
	"  SELECT r.* FROM records r\n"
	"  WHERE r.version = (SELECT max(m.version) FROM records m\n"
	"                     WHERE m.kind = r.kind AND m.record_id = r.record_id)\n",
	"CREATE TABLE cables (\n"
	"  record_rowid INTEGER PRIMARY KEY REFERENCES records (rowid),\n"
	"  id TEXT, id_source TEXT, release_id TEXT,\n"
	"  dtg TEXT,                      -- ISO 8601 UTC\n"
	"  dtg_raw TEXT, origin TEXT, serial TEXT,\n"
	"  classification TEXT,           -- the level: SECRET, CONFIDENTIAL, ...\n"
	"  classification_source TEXT, caveats TEXT, classification_raw TEXT,\n"
	"  captions TEXT, subject TEXT, subject_marking TEXT,\n"
	"  routing_shape TEXT, partial_extract INTEGER, transmission_id TEXT,\n"
	"  precedence TEXT, originator_ri TEXT, filed TEXT, security_level TEXT,\n"
	"  from_address TEXT, pass_lines TEXT,\n"
	"  eo_order TEXT, eo_decl TEXT, eo_decl_code TEXT,\n"
	"  classified_by TEXT, classified_by_titles TEXT, classified_by_names TEXT, reasons TEXT,\n"
	"  summary TEXT, comments TEXT, notes TEXT, signature TEXT,\n"
	"  wikileaks_created TEXT,        -- the release's own metadata, when the form has it\n"
	"  csv_date TEXT\n"
	")\n",
	"CREATE INDEX cables_id ON cables (id)\n",
	"CREATE TABLE addressees (\n"
	"  record_rowid INTEGER NOT NULL REFERENCES records (rowid),\n"
	"  n            INTEGER NOT NULL,\n"
	"  role         TEXT NOT NULL,  -- from, to, info, xmt\n"
	"  ri TEXT, address TEXT, office TEXT, precedence TEXT, mcn TEXT,\n"
	"  PRIMARY KEY (record_rowid, n)\n"
	") WITHOUT ROWID\n",
	"CREATE INDEX addressees_address ON addressees (address)\n",
	"CREATE TABLE tags (\n"
	"  record_rowid INTEGER NOT NULL REFERENCES records (rowid),\n"
	"  n            INTEGER NOT NULL,\n"
	"  value TEXT,\n"
	"  kind  TEXT,  -- subject, geographic, program, organisation, person\n"
	"  PRIMARY KEY (record_rowid, n)\n"
	") WITHOUT ROWID\n",
	"CREATE INDEX tags_value ON tags (value)\n",
	"CREATE TABLE refs (\n"
	"  record_rowid INTEGER NOT NULL REFERENCES records (rowid),\n"
	"  n            INTEGER NOT NULL,\n"
	"  label TEXT,\n"
	"  ref_id TEXT,  -- the referenced cable's id; NULL for e-mails, telcons, ...\n"
	"  kind TEXT, raw TEXT, origin TEXT, serial TEXT, year INTEGER, year_assumed INTEGER,\n"
	"  caption TEXT,\n"
	"  PRIMARY KEY (record_rowid, n)\n"
	") WITHOUT ROWID\n",
	"CREATE INDEX refs_ref_id ON refs (ref_id)\n",
	"-- Paragraphs of cables and articles. A cable's subparagraph is a row of its own after its\n"
	"-- paragraph: label set, parent = the paragraph's n, number = the paragraph's number.\n"
	"CREATE TABLE paragraphs (\n"
	"  record_rowid INTEGER NOT NULL REFERENCES records (rowid),\n"
	"  n            INTEGER NOT NULL,\n"
	"  number       INTEGER,  -- cables: the paragraph number (NULL for unnumbered text)\n"
	"  label        TEXT,     -- cables: the subparagraph label (A, B, ...)\n"
	"  parent       INTEGER,  -- cables: n of a subparagraph's paragraph\n"
	"  marking      TEXT,     -- cables: portion marking (C, S/NF, ...)\n"
	"  heading      TEXT,     -- cables\n"
	"  text         TEXT,\n"
	"  offset       INTEGER,  -- articles: byte offset in the input\n"
	"  subhead      INTEGER,  -- articles: 1 for a subheading\n"
	"  duplicate_of INTEGER,  -- articles: n of the earlier paragraph this one repeats\n"
	"  PRIMARY KEY (record_rowid, n)\n"
	")\n",  /* a rowid table: long rows pack badly in a WITHOUT ROWID b-tree */
	"CREATE TABLE articles (\n"
	"  record_rowid INTEGER PRIMARY KEY REFERENCES records (rowid),\n"
	"  headline TEXT, deck TEXT,\n"
	"  dateline TEXT, dateline_location TEXT, dateline_region TEXT, dateline_date TEXT,\n"
	"  dateline_agency TEXT, dateline_offset INTEGER,\n"
	"  agencies TEXT, bio TEXT, ednote TEXT,\n"
	"  wire_format TEXT, wire_service TEXT, wire_story_number TEXT, wire_priority TEXT,\n"
	"  wire_category TEXT, wire_keyword TEXT, wire_slugline TEXT, wire_take_key TEXT,\n"
	"  wire_date TEXT, wire_word_count INTEGER, wire_sender TEXT,\n"
	"  wire_transmitted TEXT,  -- ISO 8601, with its offset\n"
	"  reuters_newid TEXT, reuters_oldid TEXT, reuters_date TEXT, reuters_topics TEXT,\n"
	"  reuters_places TEXT\n"
	")\n",
	"CREATE TABLE bylines (\n"
	"  record_rowid INTEGER NOT NULL REFERENCES records (rowid),\n"
	"  n            INTEGER NOT NULL,\n"
	"  name TEXT, title TEXT, affiliation TEXT,\n"
	"  PRIMARY KEY (record_rowid, n)\n"
	") WITHOUT ROWID\n",
	"CREATE INDEX bylines_name ON bylines (name)\n",
	"CREATE TABLE credits (\n"
	"  record_rowid INTEGER NOT NULL REFERENCES records (rowid),\n"
	"  n            INTEGER NOT NULL,\n"
	"  kind    TEXT NOT NULL,  -- photo, contributor\n"
	"  text    TEXT,           -- (AP Photo/...) or the contributor line\n"
	"  agency  TEXT,\n"
	"  name    TEXT,           -- the photographer, or the contributors' names joined by ', '\n"
	"  caption TEXT,           -- photo: the caption the credit ends\n"
	"  PRIMARY KEY (record_rowid, n)\n"
	") WITHOUT ROWID\n",
	"-- Full text of every version: title = subject or headline, text = deck and paragraphs.\n"
	"-- Contentless: the rowid is records.rowid; join records (or latest) for the rest.\n"
	"CREATE VIRTUAL TABLE fulltext USING fts5 (\n"
	"  title, text, content = '', tokenize = 'unicode61 remove_diacritics 2'\n"
	");\n"
};

/* ---------------------------------------------------------------------------------------------
 * Typed columns: the tables' columns and the catalogue fields they show are views of the record
 * catalogue (parser/core/views.c, sql_tables). The INSERT statements are built from those lists,
 * so a column and its value cannot drift apart; a column missing from the schema above fails at
 * open, and tests/catalogue.sh compares the schema with the views.
 */

/* The statements prepared once per archive and reused for every record. */
enum stmt_id {
	ST_BEGIN, ST_COMMIT, ST_SAVEPOINT, ST_RELEASE, ST_ROLLBACK_TO,
	ST_FIND, ST_MAX_VERSION, ST_RECORD,
	ST_CABLE, ST_ARTICLE, ST_ADDRESSEE, ST_TAG, ST_REF, ST_PARAGRAPH, ST_BYLINE, ST_CREDIT,
	ST_FULLTEXT,
	ST_COUNT
};

/* A growable byte buffer, written through a cw_write_fn. */
typedef struct buf {
	char *p;
	size_t n, cap;
} buf;

struct cw_archive {
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT];
	int in_tx;        /* a transaction is open */
	size_t pending;   /* records written in the open transaction */
	cw_archive_stats stats;
	char err[512];
	buf json, text, scratch;
	sink *out;        /* a sink for JSON writing (64 KiB: kept off the stack) */
	char *resume;     /* cw_archive_set_resume(): written with the next commit */
	int resume_dirty;
};

/* ---------------------------------------------------------------------------------------------
 * Buffers and the content hash
 */
static int buf_reserve(buf *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->n + more + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

static int buf_write(void *ctx, const char *p, size_t n)
{
	buf *b = ctx;
	if (buf_reserve(b, n) != 0)
		return -1;
	memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
	return 0;
}

static int buf_puts(buf *b, const char *s, size_t n) { return buf_write(b, s, n); }

/* 64-bit FNV-1a (Fowler, Noll, Vo): not cryptographic, but for telling two versions of one id
 * apart a chance collision is 2^-64 per pair. */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static int fnv_write(void *ctx, const char *p, size_t n)
{
	uint64_t *h = ctx;
	for (size_t i = 0; i < n; i++) {
		*h ^= (unsigned char)p[i];
		*h *= FNV_PRIME;
	}
	return 0;
}

/* The hash of the record's content: its JSON without "source" (where it was read from) and
 * "diagnostics" (whose lines and offsets depend on the input's layout), so the same record read
 * from another path or file is recognised. */
static uint64_t content_hash(cw_archive *ar, const cw_value *root)
{
	uint64_t h = FNV_OFFSET;
	sink_init(ar->out, fnv_write, &h);
	for (const cw_member *m = cw_value_first(root); m; m = cw_member_next(m)) {
		const char *k = cw_member_key(m);
		if (!strcmp(k, cat_fields[F_SOURCE].key) || !strcmp(k, cat_fields[F_DIAGNOSTICS].key))
			continue;
		sink_json_string(ar->out, k, strlen(k));
		sink_putc(ar->out, ':');
		json_write_value(ar->out, cw_member_value(m), 0, 0);
		sink_putc(ar->out, ',');
	}
	sink_flush(ar->out);
	return h;
}

static uint64_t fnv_string(const char *s, size_t n, uint64_t h)
{
	fnv_write(&h, s, n);
	return h;
}

/* ---------------------------------------------------------------------------------------------
 * Errors
 */
static void set_err(cw_archive *ar, const char *what)
{
	snprintf(ar->err, sizeof ar->err, "%s: %s", what, sqlite3_errmsg(ar->db));
}

const char *cw_archive_error(const cw_archive *ar)
{
	return ar ? ar->err : "no archive";
}

static int step_done(cw_archive *ar, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		set_err(ar, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* ---------------------------------------------------------------------------------------------
 * Binding values
 */
static int bind_text(sqlite3_stmt *st, int i, const char *s, size_t n)
{
	return sqlite3_bind_text64(st, i, s, n, SQLITE_STATIC, SQLITE_UTF8);
}

/* A value as a column: strings as text, numbers and booleans as integers, lists as JSON. String
 * values live in the record's arena, which outlives the statement's step. */
static int bind_value(cw_archive *ar, sqlite3_stmt *st, int i, const cw_value *v)
{
	switch (cw_value_type(v)) {
	case CW_NULL:
		return sqlite3_bind_null(st, i);
	case CW_BOOL:
		return sqlite3_bind_int(st, i, cw_value_bool(v));
	case CW_INT:
		return sqlite3_bind_int64(st, i, cw_value_int(v));
	case CW_STRING: {
		size_t n;
		const char *s = cw_value_string(v, &n);
		return bind_text(st, i, s, n);
	}
	case CW_ARRAY:
	case CW_OBJECT:
		break;
	}
	ar->scratch.n = 0;
	sink_init(ar->out, buf_write, &ar->scratch);
	json_write_value(ar->out, v, 0, 0);
	if (sink_flush(ar->out) != 0)
		return SQLITE_NOMEM;
	return sqlite3_bind_text64(st, i, ar->scratch.p, ar->scratch.n, SQLITE_TRANSIENT,
				   SQLITE_UTF8);
}

/* Binds the view's value columns from obj starting at parameter `first` (the role column is the
 * caller's); returns the next parameter. */
static int bind_fields(cw_archive *ar, sqlite3_stmt *st, int first, const cw_value *obj,
		       const view_column *cols)
{
	for (const view_column *c = cols; c->name; c++)
		if (c->cell == CELL_VALUE)
			bind_value(ar, st, first++, view_at(obj, c->path));
	return first;
}

/* Prepares "INSERT INTO table (record_rowid, [n,] columns...) VALUES (?, ...)". */
static int prepare_insert(cw_archive *ar, enum stmt_id id, int table, int numbered)
{
	const view_table *t = &sql_tables[table];
	buf sql = { NULL, 0, 0 };
	int params = 1;
	buf_puts(&sql, "INSERT INTO ", 12);
	buf_puts(&sql, t->name, strlen(t->name));
	buf_puts(&sql, " (record_rowid", 14);
	if (numbered)
		buf_puts(&sql, ", n", 3), params++;
	for (const view_column *c = t->columns; c->name; c++, params++)
		buf_puts(&sql, ", ", 2), buf_puts(&sql, c->name, strlen(c->name));
	buf_puts(&sql, ") VALUES (?", 11);
	for (int i = 1; i < params; i++)
		buf_puts(&sql, ", ?", 3);
	if (buf_puts(&sql, ")", 1) != 0) {
		free(sql.p);
		snprintf(ar->err, sizeof ar->err, "out of memory");
		return -1;
	}
	int rc = sqlite3_prepare_v3(ar->db, sql.p, -1, SQLITE_PREPARE_PERSISTENT, &ar->st[id], NULL);
	free(sql.p);
	if (rc != SQLITE_OK) {
		set_err(ar, t->name);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Opening: a new file gets the schema; an existing one must be an archive of a known version.
 */
static int exec(cw_archive *ar, const char *sql, const char *what)
{
	if (sqlite3_exec(ar->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		set_err(ar, what);
		return -1;
	}
	return 0;
}

/* Returns the integer result of a one-value query, or -1 with ar->err set. */
static int64_t query_int(cw_archive *ar, const char *sql, const char *what)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ar->db, sql, -1, &st, NULL) != SQLITE_OK) {
		set_err(ar, what);
		return -1;
	}
	int64_t v = -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		v = 0;
	else
		set_err(ar, what);
	sqlite3_finalize(st);
	return v;
}

static int create_schema(cw_archive *ar)
{
	char sql[256];
	if (exec(ar, "BEGIN IMMEDIATE", "creating the schema") != 0)
		return -1;
	for (size_t i = 0; i < sizeof schema_sql / sizeof schema_sql[0]; i++)
		if (exec(ar, schema_sql[i], "creating the schema") != 0)
			goto fail;
	snprintf(sql, sizeof sql,
		 "INSERT INTO meta (key, value) VALUES ('schema_version', '%d'), "
		 "('created_by', 'cablewire %s');"
		 "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		 CW_ARCHIVE_SCHEMA_VERSION, CW_VERSION, CW_ARCHIVE_SCHEMA_VERSION,
		 ARCHIVE_APPLICATION_ID);
	if (exec(ar, sql, "creating the schema") != 0)
		goto fail;
	return exec(ar, "COMMIT", "creating the schema");
fail:
	sqlite3_exec(ar->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int check_schema(cw_archive *ar)
{
	int64_t tables = query_int(ar, "SELECT count(*) FROM sqlite_master", "reading the file");
	if (tables < 0)
		return -1;
	if (tables == 0)
		return create_schema(ar);
	int64_t has_meta = query_int(ar, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
				     "AND name = 'meta'", "reading the schema");
	if (has_meta < 0)
		return -1;
	int64_t v = has_meta ? query_int(ar, "SELECT CAST(value AS INTEGER) FROM meta "
					      "WHERE key = 'schema_version'", "reading the schema")
			     : 0;
	if (v < 0)
		return -1;
	if (v == 0) {
		snprintf(ar->err, sizeof ar->err,
			 "an SQLite database, but not a cablewire archive (no schema_version)");
		return -1;
	}
	if (v != CW_ARCHIVE_SCHEMA_VERSION) {
		snprintf(ar->err, sizeof ar->err,
			 "archive schema version %lld, this cablewire writes version %d",
			 (long long)v, CW_ARCHIVE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

static int prepare_all(cw_archive *ar)
{
	static const struct {
		enum stmt_id id;
		const char *sql;
	} fixed[] = {
		{ ST_BEGIN, "BEGIN IMMEDIATE" },
		{ ST_COMMIT, "COMMIT" },
		{ ST_SAVEPOINT, "SAVEPOINT record" },
		{ ST_RELEASE, "RELEASE record" },
		{ ST_ROLLBACK_TO, "ROLLBACK TO record" },
		{ ST_FIND, "SELECT version FROM records WHERE kind = ? AND record_id = ? AND "
			   "content_hash = ?" },
		{ ST_MAX_VERSION, "SELECT max(version) FROM records WHERE kind = ? AND record_id = ?" },
		{ ST_RECORD, "INSERT INTO records (kind, record_id, version, content_hash, source_path, "
			     "source_format, source_index, errors, warnings, json) "
			     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
		{ ST_FULLTEXT, "INSERT INTO fulltext (rowid, title, text) VALUES (?, ?, ?)" },
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (sqlite3_prepare_v3(ar->db, fixed[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
				       &ar->st[fixed[i].id], NULL) != SQLITE_OK) {
			set_err(ar, "preparing statements");
			return -1;
		}
	if (prepare_insert(ar, ST_CABLE, SQL_CABLES, 0) ||
	    prepare_insert(ar, ST_ARTICLE, SQL_ARTICLES, 0) ||
	    prepare_insert(ar, ST_ADDRESSEE, SQL_ADDRESSEES, 1) ||
	    prepare_insert(ar, ST_TAG, SQL_TAGS, 1) ||
	    prepare_insert(ar, ST_REF, SQL_REFS, 1) ||
	    prepare_insert(ar, ST_PARAGRAPH, SQL_PARAGRAPHS, 1) ||
	    prepare_insert(ar, ST_BYLINE, SQL_BYLINES, 1) ||
	    prepare_insert(ar, ST_CREDIT, SQL_CREDITS, 1))
		return -1;
	return 0;
}

static void archive_free(cw_archive *ar)
{
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(ar->st[i]);
	sqlite3_close(ar->db);
	free(ar->json.p);
	free(ar->text.p);
	free(ar->scratch.p);
	free(ar->out);
	free(ar->resume);
	free(ar);
}

/* SQLite takes a file shorter than its header (a stray one-byte file) for an empty database and
 * would write over it: anything that is neither empty nor an SQLite file is refused here. */
static int foreign_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	char head[16];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n > 0 && (n < sizeof head || memcmp(head, "SQLite format 3", sizeof head) != 0);
}

cw_archive *cw_archive_open(const char *path, char *err, size_t errlen)
{
	if (err && errlen)
		err[0] = '\0';
	cw_archive *ar = path ? calloc(1, sizeof(*ar)) : NULL;
	if (ar)
		ar->out = malloc(sizeof(*ar->out));
	if (!ar || !ar->out) {
		if (err && errlen)
			snprintf(err, errlen, "%s", path ? "out of memory" : "no path given");
		if (ar)
			free(ar);
		return NULL;
	}
	if (foreign_file(path)) {
		snprintf(ar->err, sizeof ar->err, "file is not a database");
		goto fail;
	}
	int rc = sqlite3_open_v2(path, &ar->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(ar->err, sizeof ar->err, "%s",
			 ar->db ? sqlite3_errmsg(ar->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(ar->db, 1);
	/* Another process holding the file: wait a while rather than fail at once. */
	sqlite3_busy_timeout(ar->db, 10000);
	/* The default rollback journal keeps the archive one self-contained file (no -wal and -shm
	 * beside it, readable from read-only media). With ARCHIVE_BATCH records per transaction the
	 * syncs of synchronous=FULL cost little, and an existing archive updated in place survives a
	 * power cut. */
	if (exec(ar, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
		     "PRAGMA cache_size = -16384", "setting up") != 0 ||
	    check_schema(ar) != 0 || prepare_all(ar) != 0)
		goto fail;
	return ar;
fail:
	if (err && errlen)
		snprintf(err, errlen, "%s: %s", path, ar->err);
	archive_free(ar);
	return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Transactions: one per ARCHIVE_BATCH records, a savepoint per record so that a record that
 * fails half-way leaves no rows behind.
 */
/* The resume marker goes into meta inside the transaction it describes: committed together
 * with the records, or lost together with them. */
static int write_resume(cw_archive *ar)
{
	if (!ar->resume_dirty)
		return 0;
	if (!ar->in_tx || sqlite3_get_autocommit(ar->db)) {
		if (step_done(ar, ar->st[ST_BEGIN], "begin") != 0)
			return -1;
		ar->in_tx = 1;
	}
	sqlite3_stmt *st;
	const char *sql = ar->resume ? "INSERT OR REPLACE INTO meta (key, value) VALUES ('resume', ?1)"
				     : "DELETE FROM meta WHERE key = 'resume'";
	if (sqlite3_prepare_v2(ar->db, sql, -1, &st, NULL) != SQLITE_OK) {
		set_err(ar, "writing the resume marker");
		return -1;
	}
	if (ar->resume)
		sqlite3_bind_text(st, 1, ar->resume, -1, SQLITE_STATIC);
	int rc = step_done(ar, st, "writing the resume marker");
	sqlite3_finalize(st);
	if (rc == 0)
		ar->resume_dirty = 0;
	return rc;
}

int cw_archive_set_resume(cw_archive *ar, const char *marker)
{
	if (!ar)
		return -1;
	char *copy = NULL;
	if (marker && !(copy = strdup(marker)))
		return -1;
	free(ar->resume);
	ar->resume = copy;
	ar->resume_dirty = 1;
	return 0;
}

char *cw_archive_get_resume(cw_archive *ar)
{
	sqlite3_stmt *st;
	if (!ar || sqlite3_prepare_v2(ar->db, "SELECT value FROM meta WHERE key = 'resume'", -1, &st,
				      NULL) != SQLITE_OK)
		return NULL;
	char *out = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

int cw_archive_commit(cw_archive *ar)
{
	if (!ar)
		return -1;
	if (write_resume(ar) != 0)
		return -1;
	if (!ar->in_tx || sqlite3_get_autocommit(ar->db)) {
		ar->in_tx = 0;
		return 0;
	}
	ar->in_tx = 0;
	ar->pending = 0;
	if (step_done(ar, ar->st[ST_COMMIT], "commit") != 0) {
		sqlite3_exec(ar->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

void cw_archive_get_stats(const cw_archive *ar, cw_archive_stats *out)
{
	if (ar && out)
		*out = ar->stats;
}

int cw_archive_close(cw_archive *ar)
{
	if (!ar)
		return 0;
	int rc = cw_archive_commit(ar);
	archive_free(ar);
	return rc;
}

/* ---------------------------------------------------------------------------------------------
 * Adding a record
 */

/* The key an article is archived under (README, "Keys"): Reuters' NEWID; a wire story's
 * format, service, story number, time and keyword; else a hash of headline and first paragraph. */
static void article_key(const cw_value *root, buf *out)
{
	size_t n;
	const char *s = cw_value_string(rec_path(root, F_ARTICLE_REUTERS, F_REUTERS_NEWID), &n);
	if (s) {
		buf_puts(out, "reuters:", 8);
		buf_puts(out, s, n);
		return;
	}
	const cw_value *wire = rec_get(root, F_ARTICLE_WIRE);
	const cw_value *number = rec_get(wire, F_WIRE_STORY_NUMBER);
	const cw_value *keyword = rec_get(wire, F_WIRE_KEYWORD);
	if (cw_value_type(keyword) != CW_STRING)
		keyword = rec_get(wire, F_WIRE_SLUGLINE);
	if (cw_value_type(number) == CW_STRING || cw_value_type(keyword) == CW_STRING) {
		const cw_value *when = rec_get(wire, F_WIRE_TRANSMITTED);
		if (cw_value_type(when) != CW_STRING)
			when = rec_get(wire, F_WIRE_DATE);
		const cw_value *parts[] = { rec_get(wire, F_WIRE_FORMAT), rec_get(wire, F_WIRE_SERVICE),
					    number, when, keyword };
		buf_puts(out, "wire", 4);
		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
			buf_puts(out, ":", 1);
			if ((s = cw_value_string(parts[i], &n)))
				buf_puts(out, s, n);
		}
		return;
	}
	uint64_t h = FNV_OFFSET;
	if ((s = rec_string(root, F_ARTICLE_HEADLINE, &n)))
		h = fnv_string(s, n, h);
	h = fnv_string("\n", 1, h);
	if ((s = rec_string(cw_value_at(rec_get(root, F_ARTICLE_PARAGRAPHS), 0),
			 F_ARTICLE_PARAGRAPH_TEXT, &n)))
		h = fnv_string(s, n, h);
	char hex[32];
	int len = snprintf(hex, sizeof hex, "text:%016llx", (unsigned long long)h);
	buf_puts(out, hex, (size_t)len);
}

static void record_key(const cw_value *root, const char *kind, const char *hash, buf *out)
{
	out->n = 0;
	size_t n;
	const char *id = rec_string(root, F_ID, &n);
	if (id && n) {
		buf_puts(out, id, n);
		return;
	}
	if (!strcmp(kind, "article")) {
		article_key(root, out);
		return;
	}
	buf_puts(out, "content:", 8);
	buf_puts(out, hash, strlen(hash));
}

/* A child row (record_rowid, n, [role,] fields of item). */
static int insert_item(cw_archive *ar, enum stmt_id id, sqlite3_int64 rowid, int n,
		       const char *extra, const cw_value *item, const view_column *fields)
{
	sqlite3_stmt *st = ar->st[id];
	int i = 1;
	sqlite3_bind_int64(st, i++, rowid);
	sqlite3_bind_int(st, i++, n);
	if (extra)
		bind_text(st, i++, extra, strlen(extra));
	bind_fields(ar, st, i, item, fields);
	return step_done(ar, st, "inserting a row");
}

static int insert_list(cw_archive *ar, enum stmt_id id, sqlite3_int64 rowid, const cw_value *list,
		       const view_column *fields)
{
	int n = 0;
	for (const cw_member *m = cw_value_first(list); m; m = cw_member_next(m))
		if (insert_item(ar, id, rowid, n++, NULL, cw_member_value(m), fields) != 0)
			return -1;
	return 0;
}

/* Appends a string value to the full text, a newline between pieces. */
static void text_add(buf *t, const cw_value *v)
{
	size_t n;
	const char *s = cw_value_string(v, &n);
	if (!s || !n)
		return;
	if (t->n)
		buf_puts(t, "\n", 1);
	buf_puts(t, s, n);
}

/* One row of the paragraphs table (sql_paragraphs in parser/core/views.c): a cable's paragraph
 * (sub NULL), one of its subparagraphs (sub set: its label, marking and text, parent the
 * paragraph's row), or an article's paragraph (apara). */
static int insert_paragraph(cw_archive *ar, sqlite3_int64 rowid, int n, const cw_value *para,
			    const cw_value *sub, int parent, const cw_value *apara)
{
	sqlite3_stmt *st = ar->st[ST_PARAGRAPH];
	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_int(st, 2, n);
	if (apara) {
		bind_value(ar, st, 8, rec_get(apara, F_ARTICLE_PARAGRAPH_TEXT));
		bind_value(ar, st, 9, rec_get(apara, F_ARTICLE_PARAGRAPH_OFFSET));
		bind_value(ar, st, 10, rec_get(apara, F_ARTICLE_PARAGRAPH_SUBHEAD));
		bind_value(ar, st, 11, rec_get(apara, F_ARTICLE_PARAGRAPH_DUPLICATE_OF));
		return step_done(ar, st, "inserting a paragraph");
	}
	bind_value(ar, st, 3, rec_get(para, F_PARAGRAPH_NUMBER));
	if (sub) {
		bind_value(ar, st, 4, rec_get(sub, F_SUBPARAGRAPH_LABEL));
		sqlite3_bind_int(st, 5, parent);
		bind_value(ar, st, 6, rec_get(sub, F_SUBPARAGRAPH_MARKING));
		bind_value(ar, st, 8, rec_get(sub, F_SUBPARAGRAPH_TEXT));
	} else {
		bind_value(ar, st, 6, rec_get(para, F_PARAGRAPH_MARKING));
		bind_value(ar, st, 7, rec_get(para, F_PARAGRAPH_HEADING));
		bind_value(ar, st, 8, rec_get(para, F_PARAGRAPH_TEXT));
	}
	return step_done(ar, st, "inserting a paragraph");
}

/* A cable's paragraphs and subparagraphs in reading order, and the full text from them: a
 * heading when it changes, then the text. */
static int insert_cable_paragraphs(cw_archive *ar, sqlite3_int64 rowid, const cw_value *root)
{
	int n = 0;
	const cw_value *prev_heading = NULL;
	for (const cw_member *m = cw_value_first(rec_get(root, F_CABLE_PARAGRAPHS)); m;
	     m = cw_member_next(m)) {
		const cw_value *p = cw_member_value(m);
		const cw_value *heading = rec_get(p, F_PARAGRAPH_HEADING);
		size_t hn, pn;
		const char *h = cw_value_string(heading, &hn);
		const char *ph = cw_value_string(prev_heading, &pn);
		if (h && (!ph || hn != pn || memcmp(h, ph, hn) != 0))
			text_add(&ar->text, heading);
		prev_heading = heading;
		text_add(&ar->text, rec_get(p, F_PARAGRAPH_TEXT));
		int parent = n;
		if (insert_paragraph(ar, rowid, n++, p, NULL, -1, NULL) != 0)
			return -1;
		for (const cw_member *s = cw_value_first(rec_get(p, F_PARAGRAPH_SUBPARAGRAPHS)); s;
		     s = cw_member_next(s)) {
			const cw_value *sp = cw_member_value(s);
			text_add(&ar->text, rec_get(sp, F_SUBPARAGRAPH_TEXT));
			if (insert_paragraph(ar, rowid, n++, p, sp, parent, NULL) != 0)
				return -1;
		}
	}
	return 0;
}

/* An article's paragraphs, and the full text from them. */
static int insert_article_paragraphs(cw_archive *ar, sqlite3_int64 rowid, const cw_value *root)
{
	int n = 0;
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_PARAGRAPHS)); m;
	     m = cw_member_next(m)) {
		const cw_value *p = cw_member_value(m);
		text_add(&ar->text, rec_get(p, F_ARTICLE_PARAGRAPH_TEXT));
		if (insert_paragraph(ar, rowid, n++, NULL, NULL, -1, p) != 0)
			return -1;
	}
	return 0;
}

static int insert_cable(cw_archive *ar, sqlite3_int64 rowid, const cw_value *root)
{
	sqlite3_stmt *st = ar->st[ST_CABLE];
	sqlite3_bind_int64(st, 1, rowid);
	bind_fields(ar, st, 2, root, sql_tables[SQL_CABLES].columns);
	if (step_done(ar, st, "inserting a cable") != 0)
		return -1;
	const view_table *addressees = &sql_tables[SQL_ADDRESSEES];
	int n = 0;
	for (size_t r = 0; r < VIEW_LISTS && addressees->lists[r][0] != F_NONE; r++) {
		const cw_value *v = view_at(root, addressees->lists[r]);
		const char *role = addressees->roles[r];
		if (cw_value_type(v) == CW_OBJECT) {
			if (insert_item(ar, ST_ADDRESSEE, rowid, n++, role, v, addressees->columns))
				return -1;
			continue;
		}
		for (const cw_member *m = cw_value_first(v); m; m = cw_member_next(m))
			if (insert_item(ar, ST_ADDRESSEE, rowid, n++, role, cw_member_value(m),
					addressees->columns))
				return -1;
	}
	if (insert_list(ar, ST_TAG, rowid, rec_get(root, F_CABLE_TAGS),
			sql_tables[SQL_TAGS].columns) != 0 ||
	    insert_list(ar, ST_REF, rowid, rec_get(root, F_CABLE_REFERENCES),
			sql_tables[SQL_REFS].columns) != 0)
		return -1;
	return insert_cable_paragraphs(ar, rowid, root);
}

/* Joins a list of strings with ", " into the scratch buffer; NULL when empty. */
static const char *join_names(cw_archive *ar, const cw_value *list, size_t *len)
{
	ar->scratch.n = 0;
	for (const cw_member *m = cw_value_first(list); m; m = cw_member_next(m)) {
		size_t n;
		const char *s = cw_value_string(cw_member_value(m), &n);
		if (!s)
			continue;
		if (ar->scratch.n)
			buf_puts(&ar->scratch, ", ", 2);
		buf_puts(&ar->scratch, s, n);
	}
	*len = ar->scratch.n;
	return ar->scratch.n ? ar->scratch.p : NULL;
}

static int insert_article(cw_archive *ar, sqlite3_int64 rowid, const cw_value *root)
{
	sqlite3_stmt *st = ar->st[ST_ARTICLE];
	sqlite3_bind_int64(st, 1, rowid);
	bind_fields(ar, st, 2, root, sql_tables[SQL_ARTICLES].columns);
	if (step_done(ar, st, "inserting an article") != 0)
		return -1;
	if (insert_list(ar, ST_BYLINE, rowid, rec_get(root, F_ARTICLE_BYLINES),
			sql_tables[SQL_BYLINES].columns) != 0)
		return -1;
	int n = 0;
	st = ar->st[ST_CREDIT];
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_PHOTO_CREDITS)); m;
	     m = cw_member_next(m)) {
		const cw_value *c = cw_member_value(m);
		sqlite3_bind_int64(st, 1, rowid);
		sqlite3_bind_int(st, 2, n++);
		bind_text(st, 3, "photo", 5);
		bind_value(ar, st, 4, rec_get(c, F_PHOTO_CREDIT_CREDIT));
		bind_value(ar, st, 5, rec_get(c, F_PHOTO_CREDIT_AGENCY));
		bind_value(ar, st, 6, rec_get(c, F_PHOTO_CREDIT_PHOTOGRAPHER));
		bind_value(ar, st, 7, rec_get(c, F_PHOTO_CREDIT_CAPTION));
		if (step_done(ar, st, "inserting a credit") != 0)
			return -1;
	}
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_CONTRIBUTORS)); m;
	     m = cw_member_next(m)) {
		const cw_value *c = cw_member_value(m);
		sqlite3_bind_int64(st, 1, rowid);
		sqlite3_bind_int(st, 2, n++);
		bind_text(st, 3, "contributor", 11);
		bind_value(ar, st, 4, rec_get(c, F_CONTRIBUTOR_TEXT));
		bind_value(ar, st, 5, rec_get(c, F_CONTRIBUTOR_AGENCY));
		size_t len;
		const char *names = join_names(ar, rec_get(c, F_CONTRIBUTOR_NAMES), &len);
		if (names)
			sqlite3_bind_text64(st, 6, names, len, SQLITE_TRANSIENT, SQLITE_UTF8);
		if (step_done(ar, st, "inserting a credit") != 0)
			return -1;
	}
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_DECK)); m;
	     m = cw_member_next(m))
		text_add(&ar->text, cw_member_value(m));
	return insert_article_paragraphs(ar, rowid, root);
}

static int insert_fulltext(cw_archive *ar, sqlite3_int64 rowid, const cw_value *title)
{
	sqlite3_stmt *st = ar->st[ST_FULLTEXT];
	sqlite3_bind_int64(st, 1, rowid);
	bind_value(ar, st, 2, cw_value_type(title) == CW_STRING ? title : NULL);
	bind_text(st, 3, ar->text.p ? ar->text.p : "", ar->text.n);
	return step_done(ar, st, "indexing the text");
}

/* The rows of one record, inside the per-record savepoint. Returns the CW_ARCHIVE_* result. */
static int add_rows(cw_archive *ar, const cw_record *rec, const cw_value *root, const char *kind,
		    const char *hash)
{
	sqlite3_stmt *st = ar->st[ST_FIND];
	bind_text(st, 1, kind, strlen(kind));
	bind_text(st, 2, ar->scratch.p, ar->scratch.n);
	bind_text(st, 3, hash, strlen(hash));
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_ROW)
		return CW_ARCHIVE_PRESENT;
	if (rc != SQLITE_DONE) {
		set_err(ar, "looking up the record");
		return CW_ARCHIVE_ERROR;
	}
	st = ar->st[ST_MAX_VERSION];
	bind_text(st, 1, kind, strlen(kind));
	bind_text(st, 2, ar->scratch.p, ar->scratch.n);
	rc = sqlite3_step(st);
	sqlite3_int64 version = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW) {
		set_err(ar, "looking up the record's versions");
		return CW_ARCHIVE_ERROR;
	}

	st = ar->st[ST_RECORD];
	bind_text(st, 1, kind, strlen(kind));
	/* The key is in scratch, which bind_value reuses: bound as a copy. */
	sqlite3_bind_text64(st, 2, ar->scratch.p, ar->scratch.n, SQLITE_TRANSIENT, SQLITE_UTF8);
	sqlite3_bind_int64(st, 3, version + 1);
	bind_text(st, 4, hash, strlen(hash));
	const cw_value *source = rec_get(root, F_SOURCE);
	bind_value(ar, st, 5, rec_get(source, F_SOURCE_PATH));
	bind_value(ar, st, 6, rec_get(source, F_SOURCE_FORMAT));
	bind_value(ar, st, 7, rec_get(source, F_SOURCE_INDEX));
	sqlite3_bind_int64(st, 8, (sqlite3_int64)cw_record_count_at_least(rec, CW_ERROR));
	sqlite3_bind_int64(st, 9, (sqlite3_int64)(cw_record_count_at_least(rec, CW_WARNING) -
						 cw_record_count_at_least(rec, CW_ERROR)));
	bind_text(st, 10, ar->json.p, ar->json.n);
	if (step_done(ar, st, "inserting the record") != 0)
		return CW_ARCHIVE_ERROR;
	sqlite3_int64 rowid = sqlite3_last_insert_rowid(ar->db);

	ar->text.n = 0;
	const cw_value *title = NULL;
	if (!strcmp(kind, "cable")) {
		if (insert_cable(ar, rowid, root) != 0)
			return CW_ARCHIVE_ERROR;
		title = rec_get(root, F_CABLE_SUBJECT);
	} else if (!strcmp(kind, "article")) {
		if (insert_article(ar, rowid, root) != 0)
			return CW_ARCHIVE_ERROR;
		title = rec_get(root, F_ARTICLE_HEADLINE);
	} else {
		/* An error record: the records row alone keeps it and its diagnostics. */
		return version ? CW_ARCHIVE_NEW_VERSION : CW_ARCHIVE_INSERTED;
	}
	if (insert_fulltext(ar, rowid, title) != 0)
		return CW_ARCHIVE_ERROR;
	return version ? CW_ARCHIVE_NEW_VERSION : CW_ARCHIVE_INSERTED;
}

int cw_archive_add(cw_archive *ar, const cw_record *rec)
{
	if (!ar || !rec)
		return CW_ARCHIVE_ERROR;
	const cw_value *root = cw_record_root(rec);
	const char *kind = cw_record_kind(rec);
	ar->err[0] = '\0';

	/* The whole record as JSON, its content hash and its key. */
	ar->json.n = 0;
	sink_init(ar->out, buf_write, &ar->json);
	json_write_value(ar->out, root, 0, 0);
	int oom = sink_flush(ar->out) != 0 || buf_reserve(&ar->json, 0) != 0;
	char hash[17];
	snprintf(hash, sizeof hash, "%016llx", (unsigned long long)content_hash(ar, root));
	record_key(root, kind, hash, &ar->scratch);
	if (oom || buf_reserve(&ar->scratch, 0) != 0) {
		snprintf(ar->err, sizeof ar->err, "out of memory");
		ar->stats.failed++;
		return CW_ARCHIVE_ERROR;
	}

	if (!ar->in_tx) {
		if (step_done(ar, ar->st[ST_BEGIN], "begin") != 0) {
			ar->stats.failed++;
			return CW_ARCHIVE_ERROR;
		}
		ar->in_tx = 1;
	}
	if (step_done(ar, ar->st[ST_SAVEPOINT], "savepoint") != 0) {
		ar->stats.failed++;
		return CW_ARCHIVE_ERROR;
	}
	int rc = add_rows(ar, rec, root, kind, hash);
	if (rc == CW_ARCHIVE_ERROR) {
		char keep[sizeof ar->err];
		memcpy(keep, ar->err, sizeof keep);
		if (sqlite3_get_autocommit(ar->db)) {
			/* SQLite rolled the whole transaction back itself (disk full, I/O error). */
			size_t n = strlen(keep);
			snprintf(keep + n, sizeof keep - n, " (the %zu records added since the last "
				 "commit were rolled back)", ar->pending);
			ar->in_tx = 0;
			ar->pending = 0;
		} else {
			step_done(ar, ar->st[ST_ROLLBACK_TO], "rollback");
			step_done(ar, ar->st[ST_RELEASE], "release");
		}
		memcpy(ar->err, keep, sizeof keep);
		ar->stats.failed++;
		return rc;
	}
	if (step_done(ar, ar->st[ST_RELEASE], "release") != 0) {
		ar->stats.failed++;
		return CW_ARCHIVE_ERROR;
	}
	switch (rc) {
	case CW_ARCHIVE_INSERTED: ar->stats.inserted++; break;
	case CW_ARCHIVE_PRESENT: ar->stats.present++; break;
	default: ar->stats.new_versions++; break;
	}
	if (++ar->pending >= ARCHIVE_BATCH)
		if (cw_archive_commit(ar) != 0)
			return CW_ARCHIVE_ERROR;
	return rc;
}
