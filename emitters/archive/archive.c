/* The SQLite archive (README.md, "The SQLite archive"): the handle. Opening (a new file gets the
 * schema: schema.c), transactions of ARCHIVE_BATCH records with the caller's resume marker,
 * closing. A record's rows are rows.c's; what the parts share is store.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitters/archive/store.h"
#include "emitters/emitter.h"

const char *cw_archive_error(const cw_archive *ar)
{
	return ar ? ar->err : "no archive";
}

void store_free(cw_archive *ar)
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
	if (store_exec(ar, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
		     "PRAGMA cache_size = -16384", "setting up") != 0 ||
	    store_check_schema(ar) != 0 || store_prepare(ar) != 0)
		goto fail;
	return ar;
fail:
	if (err && errlen)
		snprintf(err, errlen, "%s: %s", path, ar->err);
	store_free(ar);
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
		if (store_step(ar, ar->st[ST_BEGIN], "begin") != 0)
			return -1;
		ar->in_tx = 1;
	}
	sqlite3_stmt *st;
	const char *sql = ar->resume ? "INSERT OR REPLACE INTO meta (key, value) VALUES ('resume', ?1)"
				     : "DELETE FROM meta WHERE key = 'resume'";
	if (sqlite3_prepare_v2(ar->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_set_err(ar, "writing the resume marker");
		return -1;
	}
	if (ar->resume)
		sqlite3_bind_text(st, 1, ar->resume, -1, SQLITE_STATIC);
	int rc = store_step(ar, st, "writing the resume marker");
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
	if (store_step(ar, ar->st[ST_COMMIT], "commit") != 0) {
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
	store_free(ar);
	return rc;
}
