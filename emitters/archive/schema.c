/* The archive's schema: the tables in one place, creating them in a new file, checking an
 * existing one's version, and the statements prepared once per archive (the INSERTs built from
 * the catalogue's views, parser/core/views.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitters/archive/store.h"
#include "parser/core/views.h"

/* ---------------------------------------------------------------------------------------------
 * The schema, in one place. Comments stay inside the statements so that `.schema` in the
 * sqlite3 shell shows them. Lists of strings (captions, agencies, ...) are JSON arrays in a TEXT
 * column (query them with json_each); the whole record is in records.json. Child tables number
 * their rows per record from 0 (n), in the record's order.
 */
/* Full text of every version, one table for each kind, as sqlite-utils and Datasette expect
 * them: NAME_fts with content="NAME" (double quotes: the spelling they detect), its rowid the
 * content table's (records.rowid), its columns the content table's. The writer keeps them in
 * step (rows.c); 'rebuild' makes them again from the content tables. */
#define FTS_TABLES_SQL                                                                           \
	"-- Full text of cables: subject and text; rowid = cables.record_rowid = records.rowid.\n" \
	"CREATE VIRTUAL TABLE cables_fts USING fts5 (\n"                                         \
	"  subject, text, content=\"cables\", tokenize = 'unicode61 remove_diacritics 2'\n"      \
	")\n",                                                                                    \
	"-- Full text of articles: headline and text (deck and paragraphs).\n"                   \
	"CREATE VIRTUAL TABLE articles_fts USING fts5 (\n"                                       \
	"  headline, text, content=\"articles\", tokenize = 'unicode61 remove_diacritics 2'\n"   \
	")\n"

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
	"CREATE INDEX records_record_id ON records (record_id)\n",
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
	"  csv_date TEXT,\n"
	"  text TEXT                      -- headings, paragraphs, subparagraphs: what cables_fts indexes\n"
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
	"  reuters_places TEXT,\n"
	"  text TEXT  -- deck and paragraphs: what articles_fts indexes\n"
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
	FTS_TABLES_SQL
};

/* Typed columns: the tables' columns and the catalogue fields they show are views of the record
 * catalogue (parser/core/views.c, sql_tables). The INSERT statements are built from those lists,
 * so a column and its value cannot drift apart; a column missing from the schema above fails at
 * open, and tests/catalogue.sh compares the schema with the views. */

/* Prepares "INSERT INTO table (record_rowid, [n,] columns...) VALUES (?, ...)". */
static int prepare_insert(cw_archive *ar, enum stmt_id id, int table, int numbered)
{
	const view_table *t = &sql_tables[table];
	buf sql = { NULL, 0, 0 };
	int params = 1;
	store_buf_puts(&sql, "INSERT INTO ", 12);
	store_buf_puts(&sql, t->name, strlen(t->name));
	store_buf_puts(&sql, " (record_rowid", 14);
	if (numbered)
		store_buf_puts(&sql, ", n", 3), params++;
	for (const view_column *c = t->columns; c->name; c++, params++)
		store_buf_puts(&sql, ", ", 2), store_buf_puts(&sql, c->name, strlen(c->name));
	store_buf_puts(&sql, ") VALUES (?", 11);
	for (int i = 1; i < params; i++)
		store_buf_puts(&sql, ", ?", 3);
	if (store_buf_puts(&sql, ")", 1) != 0) {
		free(sql.p);
		snprintf(ar->err, sizeof ar->err, "out of memory");
		return -1;
	}
	int rc = sqlite3_prepare_v3(ar->db, sql.p, -1, SQLITE_PREPARE_PERSISTENT, &ar->st[id], NULL);
	free(sql.p);
	if (rc != SQLITE_OK) {
		store_set_err(ar, t->name);
		return -1;
	}
	return 0;
}



static int create_schema(cw_archive *ar)
{
	char sql[256];
	if (store_exec(ar, "BEGIN IMMEDIATE", "creating the schema") != 0)
		return -1;
	for (size_t i = 0; i < sizeof schema_sql / sizeof schema_sql[0]; i++)
		if (store_exec(ar, schema_sql[i], "creating the schema") != 0)
			goto fail;
	snprintf(sql, sizeof sql,
		 "INSERT INTO meta (key, value) VALUES ('schema_version', '%d'), "
		 "('created_by', 'cablewire %s');"
		 "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		 CW_ARCHIVE_SCHEMA_VERSION, CW_VERSION, CW_ARCHIVE_SCHEMA_VERSION,
		 ARCHIVE_APPLICATION_ID);
	if (store_exec(ar, sql, "creating the schema") != 0)
		goto fail;
	return store_exec(ar, "COMMIT", "creating the schema");
fail:
	sqlite3_exec(ar->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Version 1 to 2 (docs/CHANGES.md): the contentless fulltext table becomes cables_fts and
 * articles_fts over a new text column of cables and articles, rebuilt from the paragraphs table
 * (a cable: each paragraph's heading and text and its subparagraphs' text; an article: its deck
 * and paragraphs, a newline between pieces); records gets an index on record_id. In one
 * transaction: an archive is either migrated or left as it was. */
static const char *const migrate_1_to_2[] = {
	"ALTER TABLE cables ADD COLUMN text TEXT",
	"ALTER TABLE articles ADD COLUMN text TEXT",
	"UPDATE cables SET text = (SELECT group_concat(piece, char(10)) FROM ("
	"  SELECT CASE WHEN p.label IS NULL AND p.heading IS NOT NULL AND p.heading <> ''"
	"              THEN p.heading || char(10) || p.text ELSE p.text END AS piece"
	"  FROM paragraphs p WHERE p.record_rowid = cables.record_rowid AND p.text <> ''"
	"  ORDER BY p.n))",
	"UPDATE articles SET text = (SELECT group_concat(piece, char(10)) FROM ("
	"  SELECT d.value AS piece, -1 AS n FROM json_each(CASE WHEN json_valid(articles.deck)"
	"    THEN articles.deck ELSE json_array(articles.deck) END) d WHERE d.value <> ''"
	"  UNION ALL SELECT p.text, p.n FROM paragraphs p"
	"  WHERE p.record_rowid = articles.record_rowid AND p.text <> '' ORDER BY n))",
	"CREATE INDEX records_record_id ON records (record_id)",
	"DROP TABLE fulltext",
};

static int migrate(cw_archive *ar, int64_t from)
{
	static const char *const fts[] = { FTS_TABLES_SQL };
	if (from != 1) {
		snprintf(ar->err, sizeof ar->err,
			 "archive schema version %lld, this cablewire writes version %d",
			 (long long)from, CW_ARCHIVE_SCHEMA_VERSION);
		return -1;
	}
	char sql[256];
	if (store_exec(ar, "BEGIN IMMEDIATE", "migrating the archive") != 0)
		return -1;
	for (size_t i = 0; i < sizeof migrate_1_to_2 / sizeof *migrate_1_to_2; i++)
		if (store_exec(ar, migrate_1_to_2[i], "migrating the archive from version 1") != 0)
			goto fail;
	for (size_t i = 0; i < sizeof fts / sizeof *fts; i++)
		if (store_exec(ar, fts[i], "migrating the archive from version 1") != 0)
			goto fail;
	snprintf(sql, sizeof sql,
		 "INSERT INTO cables_fts (cables_fts) VALUES ('rebuild');"
		 "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
		 "UPDATE meta SET value = '%d' WHERE key = 'schema_version';"
		 "PRAGMA user_version = %d;",
		 CW_ARCHIVE_SCHEMA_VERSION, CW_ARCHIVE_SCHEMA_VERSION);
	if (store_exec(ar, sql, "migrating the archive from version 1") != 0)
		goto fail;
	return store_exec(ar, "COMMIT", "migrating the archive");
fail:
	sqlite3_exec(ar->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int store_check_schema(cw_archive *ar)
{
	int64_t tables = store_query_int(ar, "SELECT count(*) FROM sqlite_master", "reading the file");
	if (tables < 0)
		return -1;
	if (tables == 0)
		return create_schema(ar);
	int64_t has_meta = store_query_int(ar, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
				     "AND name = 'meta'", "reading the schema");
	if (has_meta < 0)
		return -1;
	int64_t v = has_meta ? store_query_int(ar, "SELECT CAST(value AS INTEGER) FROM meta "
					      "WHERE key = 'schema_version'", "reading the schema")
			     : 0;
	if (v < 0)
		return -1;
	if (v == 0) {
		snprintf(ar->err, sizeof ar->err,
			 "an SQLite database, but not a cablewire archive (no schema_version)");
		return -1;
	}
	if (v < CW_ARCHIVE_SCHEMA_VERSION)
		return migrate(ar, v);
	if (v != CW_ARCHIVE_SCHEMA_VERSION) {
		snprintf(ar->err, sizeof ar->err,
			 "archive schema version %lld, this cablewire writes version %d",
			 (long long)v, CW_ARCHIVE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

int store_prepare(cw_archive *ar)
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
		{ ST_CABLE_TEXT, "UPDATE cables SET text = ?2 WHERE record_rowid = ?1" },
		{ ST_ARTICLE_TEXT, "UPDATE articles SET text = ?2 WHERE record_rowid = ?1" },
		{ ST_CABLE_FTS, "INSERT INTO cables_fts (rowid, subject, text) VALUES (?, ?, ?)" },
		{ ST_ARTICLE_FTS, "INSERT INTO articles_fts (rowid, headline, text) VALUES (?, ?, ?)" },
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (sqlite3_prepare_v3(ar->db, fixed[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
				       &ar->st[fixed[i].id], NULL) != SQLITE_OK) {
			store_set_err(ar, "preparing statements");
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
