/* A record's rows in the archive: its key and content hash (which decide whether it is new, a
 * new version, or already there), the typed tables (cables, articles, addressees, tags, refs,
 * paragraphs, bylines, credits; the columns are the catalogue's views, parser/core/views.c) and
 * the full-text index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitters/archive/store.h"
#include "emitters/emitter.h"
#include "parser/core/fields.h"
#include "parser/core/views.h"

/* ---------------------------------------------------------------------------------------------
 * The content hash
 */
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

/* The hash of the record's content: its JSON without "source" (where it was read from),
 * "diagnostics" (whose lines and offsets depend on the input's layout) and "schema_version"
 * (which says how the record is written, not what it holds: a record archived before the field
 * existed is recognised), so the same record read from another path or file is recognised. */
static uint64_t content_hash(cw_archive *ar, const cw_value *root)
{
	uint64_t h = FNV_OFFSET;
	sink_init(ar->out, fnv_write, &h);
	for (const cw_member *m = cw_value_first(root); m; m = cw_member_next(m)) {
		const char *k = cw_member_key(m);
		if (!strcmp(k, cat_fields[F_SOURCE].key) || !strcmp(k, cat_fields[F_DIAGNOSTICS].key) ||
		    !strcmp(k, cat_fields[F_SCHEMA_VERSION].key))
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

/* Binds the view's value columns from obj starting at parameter `first` (the role column is the
 * caller's); returns the next parameter. */
static int bind_fields(cw_archive *ar, sqlite3_stmt *st, int first, const cw_value *obj,
		       const view_column *cols)
{
	for (const view_column *c = cols; c->name; c++)
		if (c->cell == CELL_VALUE)
			store_bind_value(ar, st, first++, view_at(obj, c->path));
	return first;
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
		store_buf_puts(out, "reuters:", 8);
		store_buf_puts(out, s, n);
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
		store_buf_puts(out, "wire", 4);
		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
			store_buf_puts(out, ":", 1);
			if ((s = cw_value_string(parts[i], &n)))
				store_buf_puts(out, s, n);
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
	store_buf_puts(out, hex, (size_t)len);
}

static void record_key(const cw_value *root, const char *kind, const char *hash, buf *out)
{
	out->n = 0;
	size_t n;
	const char *id = rec_string(root, F_ID, &n);
	if (id && n) {
		store_buf_puts(out, id, n);
		return;
	}
	if (!strcmp(kind, "article")) {
		article_key(root, out);
		return;
	}
	store_buf_puts(out, "content:", 8);
	store_buf_puts(out, hash, strlen(hash));
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
		store_bind_text(st, i++, extra, strlen(extra));
	bind_fields(ar, st, i, item, fields);
	return store_step(ar, st, "inserting a row");
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
		store_buf_puts(t, "\n", 1);
	store_buf_puts(t, s, n);
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
		store_bind_value(ar, st, 8, rec_get(apara, F_ARTICLE_PARAGRAPH_TEXT));
		store_bind_value(ar, st, 9, rec_get(apara, F_ARTICLE_PARAGRAPH_OFFSET));
		store_bind_value(ar, st, 10, rec_get(apara, F_ARTICLE_PARAGRAPH_SUBHEAD));
		store_bind_value(ar, st, 11, rec_get(apara, F_ARTICLE_PARAGRAPH_DUPLICATE_OF));
		return store_step(ar, st, "inserting a paragraph");
	}
	store_bind_value(ar, st, 3, rec_get(para, F_PARAGRAPH_NUMBER));
	if (sub) {
		store_bind_value(ar, st, 4, rec_get(sub, F_SUBPARAGRAPH_LABEL));
		sqlite3_bind_int(st, 5, parent);
		store_bind_value(ar, st, 6, rec_get(sub, F_SUBPARAGRAPH_MARKING));
		store_bind_value(ar, st, 8, rec_get(sub, F_SUBPARAGRAPH_TEXT));
	} else {
		store_bind_value(ar, st, 6, rec_get(para, F_PARAGRAPH_MARKING));
		store_bind_value(ar, st, 7, rec_get(para, F_PARAGRAPH_HEADING));
		store_bind_value(ar, st, 8, rec_get(para, F_PARAGRAPH_TEXT));
	}
	return store_step(ar, st, "inserting a paragraph");
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
	if (store_step(ar, st, "inserting a cable") != 0)
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

/* Joins a list of strings with sep into the scratch buffer; NULL when empty. */
static const char *join_strings(cw_archive *ar, const cw_value *list, const char *sep, size_t *len)
{
	ar->scratch.n = 0;
	for (const cw_member *m = cw_value_first(list); m; m = cw_member_next(m)) {
		size_t n;
		const char *s = cw_value_string(cw_member_value(m), &n);
		if (!s)
			continue;
		if (ar->scratch.n)
			store_buf_puts(&ar->scratch, sep, strlen(sep));
		store_buf_puts(&ar->scratch, s, n);
	}
	*len = ar->scratch.n;
	return ar->scratch.n ? ar->scratch.p : NULL;
}

/* The credits table (sql_credits): the photo credits, then the contributor lines, n counting on
 * across both. Each list's rows take the view's columns, the first list's at their path, the
 * second's at their article path (none: null); a list of strings (the contributors' names) is
 * joined with the column's sep. */
static int insert_credits(cw_archive *ar, sqlite3_int64 rowid, const cw_value *root)
{
	const view_table *credits = &sql_tables[SQL_CREDITS];
	sqlite3_stmt *st = ar->st[ST_CREDIT];
	int n = 0;
	for (size_t r = 0; r < VIEW_LISTS && credits->lists[r][0] != F_NONE; r++) {
		const char *role = credits->roles[r];
		for (const cw_member *m = cw_value_first(view_at(root, credits->lists[r])); m;
		     m = cw_member_next(m)) {
			const cw_value *item = cw_member_value(m);
			int i = 1;
			sqlite3_bind_int64(st, i++, rowid);
			sqlite3_bind_int(st, i++, n++);
			for (const view_column *c = credits->columns; c->name; c++) {
				if (c->cell == CELL_ROLE) {
					store_bind_text(st, i++, role, strlen(role));
					continue;
				}
				const cw_field *path = r == 0 ? c->path : c->article;
				const cw_value *v = path[0] != F_NONE ? view_at(item, path) : NULL;
				size_t len;
				const char *joined;
				if (cw_value_type(v) != CW_ARRAY)
					store_bind_value(ar, st, i, v);
				else if ((joined = join_strings(ar, v, c->sep, &len)))
					sqlite3_bind_text64(st, i, joined, len, SQLITE_TRANSIENT,
							    SQLITE_UTF8);
				i++;
			}
			if (store_step(ar, st, "inserting a credit") != 0)
				return -1;
		}
	}
	return 0;
}

static int insert_article(cw_archive *ar, sqlite3_int64 rowid, const cw_value *root)
{
	sqlite3_stmt *st = ar->st[ST_ARTICLE];
	sqlite3_bind_int64(st, 1, rowid);
	bind_fields(ar, st, 2, root, sql_tables[SQL_ARTICLES].columns);
	if (store_step(ar, st, "inserting an article") != 0)
		return -1;
	if (insert_list(ar, ST_BYLINE, rowid, rec_get(root, F_ARTICLE_BYLINES),
			sql_tables[SQL_BYLINES].columns) != 0)
		return -1;
	if (insert_credits(ar, rowid, root) != 0)
		return -1;
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_DECK)); m;
	     m = cw_member_next(m))
		text_add(&ar->text, cw_member_value(m));
	return insert_article_paragraphs(ar, rowid, root);
}

/* The text gathered while the rows were written goes into the content table's text column,
 * and the row into its full-text table (external content: FTS5 is told, not asked). */
static int insert_fulltext(cw_archive *ar, sqlite3_int64 rowid, const cw_value *title,
			   int article)
{
	sqlite3_stmt *st = ar->st[article ? ST_ARTICLE_TEXT : ST_CABLE_TEXT];
	const char *text = ar->text.p ? ar->text.p : "";
	sqlite3_bind_int64(st, 1, rowid);
	if (ar->text.n)
		store_bind_text(st, 2, text, ar->text.n);
	if (store_step(ar, st, "keeping the text") != 0)
		return -1;
	st = ar->st[article ? ST_ARTICLE_FTS : ST_CABLE_FTS];
	sqlite3_bind_int64(st, 1, rowid);
	store_bind_value(ar, st, 2, cw_value_type(title) == CW_STRING ? title : NULL);
	if (ar->text.n)
		store_bind_text(st, 3, text, ar->text.n);
	return store_step(ar, st, "indexing the text");
}

/* The rows of one record, inside the per-record savepoint. Returns the CW_ARCHIVE_* result. */
static int add_rows(cw_archive *ar, const cw_record *rec, const cw_value *root, const char *kind,
		    const char *hash)
{
	sqlite3_stmt *st = ar->st[ST_FIND];
	store_bind_text(st, 1, kind, strlen(kind));
	store_bind_text(st, 2, ar->scratch.p, ar->scratch.n);
	store_bind_text(st, 3, hash, strlen(hash));
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_ROW)
		return CW_ARCHIVE_PRESENT;
	if (rc != SQLITE_DONE) {
		store_set_err(ar, "looking up the record");
		return CW_ARCHIVE_ERROR;
	}
	st = ar->st[ST_MAX_VERSION];
	store_bind_text(st, 1, kind, strlen(kind));
	store_bind_text(st, 2, ar->scratch.p, ar->scratch.n);
	rc = sqlite3_step(st);
	sqlite3_int64 version = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW) {
		store_set_err(ar, "looking up the record's versions");
		return CW_ARCHIVE_ERROR;
	}

	st = ar->st[ST_RECORD];
	store_bind_text(st, 1, kind, strlen(kind));
	/* The key is in scratch, which bind_value reuses: bound as a copy. */
	sqlite3_bind_text64(st, 2, ar->scratch.p, ar->scratch.n, SQLITE_TRANSIENT, SQLITE_UTF8);
	sqlite3_bind_int64(st, 3, version + 1);
	store_bind_text(st, 4, hash, strlen(hash));
	const cw_value *source = rec_get(root, F_SOURCE);
	store_bind_value(ar, st, 5, rec_get(source, F_SOURCE_PATH));
	store_bind_value(ar, st, 6, rec_get(source, F_SOURCE_FORMAT));
	store_bind_value(ar, st, 7, rec_get(source, F_SOURCE_INDEX));
	sqlite3_bind_int64(st, 8, (sqlite3_int64)cw_record_count_at_least(rec, CW_ERROR));
	sqlite3_bind_int64(st, 9, (sqlite3_int64)(cw_record_count_at_least(rec, CW_WARNING) -
						 cw_record_count_at_least(rec, CW_ERROR)));
	store_bind_text(st, 10, ar->json.p, ar->json.n);
	if (store_step(ar, st, "inserting the record") != 0)
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
	if (insert_fulltext(ar, rowid, title, !strcmp(kind, "article")) != 0)
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
	sink_init(ar->out, store_buf_write, &ar->json);
	json_write_value(ar->out, root, 0, 0);
	int oom = sink_flush(ar->out) != 0 || store_buf_reserve(&ar->json, 0) != 0;
	char hash[17];
	snprintf(hash, sizeof hash, "%016llx", (unsigned long long)content_hash(ar, root));
	record_key(root, kind, hash, &ar->scratch);
	if (oom || store_buf_reserve(&ar->scratch, 0) != 0) {
		snprintf(ar->err, sizeof ar->err, "out of memory");
		ar->stats.failed++;
		return CW_ARCHIVE_ERROR;
	}

	if (!ar->in_tx) {
		if (store_step(ar, ar->st[ST_BEGIN], "begin") != 0) {
			ar->stats.failed++;
			return CW_ARCHIVE_ERROR;
		}
		ar->in_tx = 1;
	}
	if (store_step(ar, ar->st[ST_SAVEPOINT], "savepoint") != 0) {
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
			store_step(ar, ar->st[ST_ROLLBACK_TO], "rollback");
			store_step(ar, ar->st[ST_RELEASE], "release");
		}
		memcpy(ar->err, keep, sizeof keep);
		ar->stats.failed++;
		return rc;
	}
	if (store_step(ar, ar->st[ST_RELEASE], "release") != 0) {
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
