/* CSV (RFC 4180): a header row, then one flat row per record, cables and articles in the same
 * columns (a column the record's kind does not have is empty). Lists are joined with " | ".
 * The one-to-many parts also go to companion tables (csv-recipients, csv-tags, ...), each its own
 * format so a caller writes each to its own file; every table row starts with the record's key. */
#include <stdio.h>
#include <stdlib.h>

#include "emitters/emitter.h"
#include "parser/core/fields.h"
#include "parser/core/views.h"

#define LIST_SEP " | "

/* The columns and the companion tables are views of the record catalogue
 * (parser/core/views.c): each names the fields it shows. */
_Static_assert((int)CSV_TABLES == (int)CSV_TABLE_COUNT, "one csv-* format per companion table");

/* ---- cells ------------------------------------------------------------------------------------- */

static void scalar(sink *s, const cw_value *v)
{
	size_t n;
	const char *str;
	switch (cw_value_type(v)) {
	case CW_STRING:
		str = cw_value_string(v, &n);
		sink_csv_field(s, str, n);
		break;
	case CW_INT:
		sink_int(s, cw_value_int(v));
		break;
	case CW_BOOL:
		sink_puts(s, cw_value_bool(v) ? "true" : "false");
		break;
	default: /* null, and objects or arrays where a scalar was expected: an empty cell */
		break;
	}
}

/* The joined list is built in memory first: the field is quoted as a whole. */
typedef struct strbuf {
	char *p;
	size_t n, cap;
} strbuf;

static void sb_put(strbuf *b, const char *p, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *q = realloc(b->p, cap);
		if (!q)
			return;
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void sb_value(strbuf *b, const cw_value *v)
{
	size_t n;
	if (cw_value_type(v) == CW_STRING) {
		const char *str = cw_value_string(v, &n);
		sb_put(b, str, n);
	} else if (cw_value_type(v) == CW_INT) {
		char num[24];
		int k = snprintf(num, sizeof num, "%lld", (long long)cw_value_int(v));
		sb_put(b, num, (size_t)k);
	}
}

static void list(sink *s, const cw_value *arr, cw_field item, const char *sep)
{
	strbuf b = { NULL, 0, 0 };
	int first = 1;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = cw_member_value(m);
		if (item != F_NONE)
			v = rec_get(v, item);
		if (cw_value_type(v) != CW_STRING && cw_value_type(v) != CW_INT)
			continue;
		if (!first)
			sb_put(&b, sep, strlen(sep));
		first = 0;
		sb_value(&b, v);
	}
	sink_csv_field(s, b.p ? b.p : "", b.n);
	free(b.p);
}

static size_t count_at_least(const cw_value *root, const char *severity)
{
	size_t n = 0;
	for (const cw_member *m = cw_value_first(rec_get(root, F_DIAGNOSTICS)); m; m = cw_member_next(m)) {
		size_t len;
		const char *sv = rec_string(cw_member_value(m), F_DIAGNOSTIC_SEVERITY, &len);
		n += sv && len == strlen(severity) && !memcmp(sv, severity, len);
	}
	return n;
}

/* The key tying a record's table rows to it: the id when there is one, else where it came from
 * (path#index), which is unique within one conversion. */
static void record_key(sink *s, const cw_value *root)
{
	size_t n;
	const char *id = rec_string(root, F_ID, &n);
	if (id) {
		sink_csv_field(s, id, n);
		return;
	}
	size_t pn = 0;
	const cw_value *source = rec_get(root, F_SOURCE);
	const char *path = rec_string(source, F_SOURCE_PATH, &pn);
	char buf[4096];
	int k = snprintf(buf, sizeof buf, "%.*s#%lld", path ? (int)(pn < 4000 ? pn : 4000) : 0,
			 path ? path : "", (long long)rec_int(source, F_SOURCE_INDEX));
	sink_csv_field(s, buf, (size_t)k < sizeof buf ? (size_t)k : sizeof buf - 1);
}

/* ---- the flat table ------------------------------------------------------------------------------ */

/* The column's path for this record: an article's own where it differs. */
static const cw_field *column_path(const view_column *c, int article)
{
	return article && c->article[0] != F_NONE ? c->article : c->path;
}

static int flat_begin(cw_emitter *em)
{
	for (const view_column *c = csv_columns; c->name; c++) {
		if (c != csv_columns)
			sink_putc(&em->out, ',');
		sink_puts(&em->out, c->name);
	}
	sink_put(&em->out, "\r\n", 2);
	return 0;
}

/* A list's item member for this record: an article's paragraphs show their own text. */
static cw_field column_item(const view_column *c, int article)
{
	return article && c->item == F_PARAGRAPH_TEXT ? F_ARTICLE_PARAGRAPH_TEXT : c->item;
}

static int flat_record(cw_emitter *em, const cw_record *rec)
{
	sink *s = &em->out;
	const cw_value *root = cw_record_root(rec);
	const char *kind = cw_record_kind(rec);
	int article = kind && !strcmp(kind, "article");
	for (const view_column *c = csv_columns; c->name; c++) {
		if (c != csv_columns)
			sink_putc(s, ',');
		switch (c->cell) {
		case CELL_KEY:
			record_key(s, root);
			break;
		case CELL_ERRORS:
			sink_int(s, (int64_t)count_at_least(root, "error"));
			break;
		case CELL_WARNINGS:
			sink_int(s, (int64_t)count_at_least(root, "warning"));
			break;
		case CELL_COUNT:
			sink_int(s, (int64_t)cw_value_count(view_at(root, column_path(c, article))));
			break;
		case CELL_VALUE: {
			const cw_value *v = view_at(root, column_path(c, article));
			if (cw_value_type(v) == CW_ARRAY && (c->item != F_NONE || c->sep))
				list(s, v, column_item(c, article), c->sep ? c->sep : LIST_SEP);
			else if (cw_value_type(v) == CW_ARRAY)
				list(s, v, F_NONE, LIST_SEP);
			else
				scalar(s, v);
			break;
		}
		default:
			break;
		}
	}
	sink_put(s, "\r\n", 2);
	return 0;
}

/* ---- companion tables ---------------------------------------------------------------------------- */

static const view_table *table_of(const cw_emitter *em)
{
	return &csv_tables[em->format - CW_FORMAT_CSV_RECIPIENTS];
}

static int table_begin(cw_emitter *em)
{
	const view_table *t = table_of(em);
	for (const view_column *c = t->columns; c->name; c++) {
		if (c != t->columns)
			sink_putc(&em->out, ',');
		sink_puts(&em->out, c->name);
	}
	sink_put(&em->out, "\r\n", 2);
	return 0;
}

static void table_row(sink *s, const view_table *t, const cw_value *root, int article,
		      const char *role, size_t index, const cw_value *item)
{
	for (const view_column *c = t->columns; c->name; c++) {
		if (c != t->columns)
			sink_putc(s, ',');
		switch (c->cell) {
		case CELL_KEY:
			record_key(s, root);
			break;
		case CELL_ROLE:
			sink_puts(s, role);
			break;
		case CELL_INDEX:
			sink_int(s, (int64_t)index);
			break;
		default:
			scalar(s, view_at(item, column_path(c, article)));
			break;
		}
	}
	sink_put(s, "\r\n", 2);
}

static int table_record(cw_emitter *em, const cw_record *rec)
{
	const view_table *t = table_of(em);
	const cw_value *root = cw_record_root(rec);
	const char *kind = cw_record_kind(rec);
	int article = kind && !strcmp(kind, "article");
	for (size_t p = 0; p < VIEW_LISTS && t->lists[p][0] != F_NONE; p++) {
		const char *role = t->roles[p] ? t->roles[p] : "";
		const cw_value *v = view_at(root, t->lists[p]);
		if (cw_value_type(v) == CW_OBJECT) {
			/* a single addressee (from) is a row of its own */
			table_row(&em->out, t, root, article, role, 0, v);
			continue;
		}
		size_t i = 0;
		for (const cw_member *m = cw_value_first(v); m; m = cw_member_next(m), i++)
			table_row(&em->out, t, root, article, role, i, cw_member_value(m));
	}
	return 0;
}

const emitter_ops csv_ops = { "csv", flat_begin, flat_record, NULL };
const emitter_ops csv_table_ops[CSV_TABLE_COUNT] = {
	{ "csv-recipients", table_begin, table_record, NULL },
	{ "csv-tags", table_begin, table_record, NULL },
	{ "csv-references", table_begin, table_record, NULL },
	{ "csv-paragraphs", table_begin, table_record, NULL },
	{ "csv-bylines", table_begin, table_record, NULL },
	{ "csv-credits", table_begin, table_record, NULL },
	{ "csv-diagnostics", table_begin, table_record, NULL },
};
