/* The SQLite archive's handle and what its parts share (emitters/archive/): archive.c opens,
 * commits and closes it; schema.c creates and checks the tables and prepares the statements;
 * rows.c writes a record's rows; store.c has the buffers, errors and statement helpers they all
 * use. The only code of the library that sees SQLite's header. */
#ifndef CW_ARCHIVE_STORE_H
#define CW_ARCHIVE_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "cablewire.h"
#include "emitters/sink.h"

/* Records per transaction: large enough that the commit's syncs cost nothing per record, small
 * enough that an interrupted run loses little (a rerun adds exactly what is missing). */
enum { ARCHIVE_BATCH = 1000 };

/* "CBWR": PRAGMA application_id, so that file(1) and tools can tell an archive apart. */
#define ARCHIVE_APPLICATION_ID 0x43425752

/* The statements prepared once per archive and reused for every record. */
enum stmt_id {
	ST_BEGIN, ST_COMMIT, ST_SAVEPOINT, ST_RELEASE, ST_ROLLBACK_TO,
	ST_FIND, ST_MAX_VERSION, ST_RECORD,
	ST_CABLE, ST_ARTICLE, ST_ADDRESSEE, ST_TAG, ST_REF, ST_PARAGRAPH, ST_BYLINE, ST_CREDIT,
	ST_CABLE_TEXT, ST_ARTICLE_TEXT, ST_CABLE_FTS, ST_ARTICLE_FTS,
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

/* buffers (store.c) */
int store_buf_reserve(buf *b, size_t more);
int store_buf_write(void *ctx, const char *p, size_t n);  /* a cw_write_fn */
int store_buf_puts(buf *b, const char *s, size_t n);
/* errors and statements (store.c) */
void store_set_err(cw_archive *ar, const char *what);
/* Steps a statement to its end and resets it; 0, or -1 with ar->err set. */
int store_step(cw_archive *ar, sqlite3_stmt *st, const char *what);
int store_bind_text(sqlite3_stmt *st, int i, const char *s, size_t n);
/* A value as a column: strings as text, numbers and booleans as integers, lists as JSON. */
int store_bind_value(cw_archive *ar, sqlite3_stmt *st, int i, const cw_value *v);
int store_exec(cw_archive *ar, const char *sql, const char *what);
/* The integer result of a one-value query, or -1 with ar->err set. */
int64_t store_query_int(cw_archive *ar, const char *sql, const char *what);
/* archive.c */
void store_free(cw_archive *ar);
/* schema.c */
/* Creates the schema in an empty database, or checks an existing archive's version. */
int store_check_schema(cw_archive *ar);
int store_prepare(cw_archive *ar);

#endif
