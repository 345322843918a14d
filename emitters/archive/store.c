/* What the parts of the SQLite store share: growable buffers, errors, running and binding
 * statements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitters/archive/store.h"
#include "emitters/emitter.h"

/* ---------------------------------------------------------------------------------------------
 * Buffers
 */
int store_buf_reserve(buf *b, size_t more)
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

int store_buf_write(void *ctx, const char *p, size_t n)
{
	buf *b = ctx;
	if (store_buf_reserve(b, n) != 0)
		return -1;
	memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
	return 0;
}

int store_buf_puts(buf *b, const char *s, size_t n) { return store_buf_write(b, s, n); }

/* ---------------------------------------------------------------------------------------------
 * Errors
 */
void store_set_err(cw_archive *ar, const char *what)
{
	snprintf(ar->err, sizeof ar->err, "%s: %s", what, sqlite3_errmsg(ar->db));
}

int store_step(cw_archive *ar, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		store_set_err(ar, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* ---------------------------------------------------------------------------------------------
 * Binding values
 */
int store_bind_text(sqlite3_stmt *st, int i, const char *s, size_t n)
{
	return sqlite3_bind_text64(st, i, s, n, SQLITE_STATIC, SQLITE_UTF8);
}

/* A value as a column: strings as text, numbers and booleans as integers, lists as JSON. String
 * values live in the record's arena, which outlives the statement's step. */
int store_bind_value(cw_archive *ar, sqlite3_stmt *st, int i, const cw_value *v)
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
		return store_bind_text(st, i, s, n);
	}
	case CW_ARRAY:
	case CW_OBJECT:
		break;
	}
	ar->scratch.n = 0;
	sink_init(ar->out, store_buf_write, &ar->scratch);
	json_write_value(ar->out, v, 0, 0);
	if (sink_flush(ar->out) != 0)
		return SQLITE_NOMEM;
	return sqlite3_bind_text64(st, i, ar->scratch.p, ar->scratch.n, SQLITE_TRANSIENT,
				   SQLITE_UTF8);
}

/* ---------------------------------------------------------------------------------------------
 * Opening: a new file gets the schema; an existing one must be an archive of a known version.
 */
int store_exec(cw_archive *ar, const char *sql, const char *what)
{
	if (sqlite3_exec(ar->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		store_set_err(ar, what);
		return -1;
	}
	return 0;
}

/* Returns the integer result of a one-value query, or -1 with ar->err set. */
int64_t store_query_int(cw_archive *ar, const char *sql, const char *what)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ar->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_set_err(ar, what);
		return -1;
	}
	int64_t v = -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		v = 0;
	else
		store_set_err(ar, what);
	sqlite3_finalize(st);
	return v;
}
