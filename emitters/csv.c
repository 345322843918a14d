/* CSV (RFC 4180): a header row, then one flat row per record, cables and articles in the same
 * columns (a column the record's kind does not have is empty). Lists are joined with " | ".
 * The one-to-many parts also go to companion tables (csv-recipients, csv-tags, ...), each its own
 * format so a caller writes each to its own file; every table row starts with the record's key. */
#include <stdio.h>
#include <stdlib.h>

#include "emitters/emitter.h"

#define LIST_SEP " | "

/* How a column's cell is made. */
enum cell { CELL_PATH, CELL_COUNT, CELL_KEY, CELL_TEXT, CELL_ERRORS, CELL_WARNINGS };

/* A column: a dotted path into the record. When the path reaches an array, `item` names the
 * member to take from each object in it ("" for arrays of strings), joined with LIST_SEP;
 * CELL_COUNT writes the array's length instead; the other kinds have no path. */
typedef struct column {
	const char *header, *path, *item;
	enum cell cell;
} column;

static const column record_columns[] = {
	{ "kind", "kind", NULL, CELL_PATH },
	{ "key", NULL, NULL, CELL_KEY }, /* the record's key, as in the companion tables */
	{ "id", "id", NULL, CELL_PATH },
	{ "id_source", "id_source", NULL, CELL_PATH },
	{ "source_path", "source.path", NULL, CELL_PATH },
	{ "source_format", "source.format", NULL, CELL_PATH },
	{ "source_index", "source.index", NULL, CELL_PATH },
	{ "source_offset", "source.offset", NULL, CELL_PATH },
	/* cables */
	{ "release_id", "release_id", NULL, CELL_PATH },
	{ "dtg", "routing.dtg", NULL, CELL_PATH },
	{ "dtg_raw", "routing.dtg_raw", NULL, CELL_PATH },
	{ "precedence", "routing.precedence.action", NULL, CELL_PATH },
	{ "from", "routing.from.address", NULL, CELL_PATH },
	{ "to", "routing.to", "address", CELL_PATH },
	{ "info", "routing.info", "address", CELL_PATH },
	{ "classification", "classification.level", NULL, CELL_PATH },
	{ "caveats", "classification.caveats", "", CELL_PATH },
	{ "origin", "origin", NULL, CELL_PATH },
	{ "serial", "serial", NULL, CELL_PATH },
	{ "captions", "captions", "", CELL_PATH },
	{ "eo_decl", "eo.decl", NULL, CELL_PATH },
	{ "tags", "tags", "value", CELL_PATH },
	{ "subject", "subject", NULL, CELL_PATH },
	{ "references", "references", "raw", CELL_PATH },
	{ "classified_by", "classified_by.names", "", CELL_PATH },
	{ "reasons", "classified_by.reasons", "", CELL_PATH },
	{ "signature", "signature", "", CELL_PATH },
	/* articles */
	{ "headline", "headline", NULL, CELL_PATH },
	{ "deck", "deck", "", CELL_PATH },
	{ "bylines", "bylines", "name", CELL_PATH },
	{ "dateline", "dateline.text", NULL, CELL_PATH },
	{ "dateline_location", "dateline.location", NULL, CELL_PATH },
	{ "dateline_region", "dateline.region", NULL, CELL_PATH },
	{ "dateline_date", "dateline.date", NULL, CELL_PATH },
	{ "dateline_agency", "dateline.agency", NULL, CELL_PATH },
	{ "agencies", "agencies", "", CELL_PATH },
	{ "photographers", "photo_credits", "photographer", CELL_PATH },
	{ "wire_format", "wire.format", NULL, CELL_PATH },
	{ "wire_priority", "wire.priority", NULL, CELL_PATH },
	{ "wire_category", "wire.category", NULL, CELL_PATH },
	{ "wire_slugline", "wire.slugline", NULL, CELL_PATH },
	{ "wire_word_count", "wire.word_count", NULL, CELL_PATH },
	{ "wire_transmitted", "wire.transmitted", NULL, CELL_PATH },
	{ "reuters_newid", "reuters.newid", NULL, CELL_PATH },
	{ "reuters_date", "reuters.date", NULL, CELL_PATH },
	{ "reuters_topics", "reuters.topics", "", CELL_PATH },
	{ "reuters_places", "reuters.places", "", CELL_PATH },
	/* both */
	{ "paragraphs", "paragraphs", NULL, CELL_COUNT },
	{ "text", NULL, NULL, CELL_TEXT }, /* the paragraphs' text, a blank line between them */
	{ "errors", NULL, NULL, CELL_ERRORS },
	{ "warnings", NULL, NULL, CELL_WARNINGS },
};

/* A companion table: the rows of one or more arrays of the record, each row the record's key,
 * the array's role (for recipients), the item's index, then the listed members. */
typedef struct table {
	const char *name;
	const char *paths[4], *roles[4];
	const char *members[8];
} table;

static const table tables[] = {
	{ "recipients", { "routing.to", "routing.info", "routing.xmt", "routing.from" },
	  { "to", "info", "xmt", "from" }, { "ri", "address", "office", "precedence", "mcn" } },
	{ "tags", { "tags" }, { NULL }, { "value", "kind" } },
	{ "references", { "references" }, { NULL }, { "label", "id", "kind", "origin", "serial", "year", "caption", "raw" } },
	{ "paragraphs", { "paragraphs" }, { NULL }, { "number", "marking", "heading", "subhead", "duplicate_of", "text" } },
	{ "bylines", { "bylines" }, { NULL }, { "name", "title", "affiliation" } },
	{ "credits", { "photo_credits" }, { "photo" }, { "credit", "agency", "photographer", "caption" } },
	{ "diagnostics", { "diagnostics" }, { NULL }, { "severity", "code", "line", "column", "offset", "message" } },
};

enum { TABLE_COUNT = sizeof tables / sizeof *tables };

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

static void list(sink *s, const cw_value *arr, const char *item, const char *sep)
{
	strbuf b = { NULL, 0, 0 };
	int first = 1;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = cw_member_value(m);
		if (*item)
			v = cw_value_get(v, item);
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
	for (const cw_member *m = cw_value_first(cw_value_get(root, "diagnostics")); m; m = cw_member_next(m)) {
		size_t len;
		const char *sv = cw_value_string(cw_value_get(cw_member_value(m), "severity"), &len);
		n += sv && len == strlen(severity) && !memcmp(sv, severity, len);
	}
	return n;
}

/* The key tying a record's table rows to it: the id when there is one, else where it came from
 * (path#index), which is unique within one conversion. */
static void record_key(sink *s, const cw_value *root)
{
	size_t n;
	const char *id = cw_value_string(cw_value_get(root, "id"), &n);
	if (id) {
		sink_csv_field(s, id, n);
		return;
	}
	size_t pn = 0;
	const char *path = cw_value_string(cw_value_get(root, "source.path"), &pn);
	char buf[4096];
	int k = snprintf(buf, sizeof buf, "%.*s#%lld", path ? (int)(pn < 4000 ? pn : 4000) : 0,
			 path ? path : "", (long long)cw_value_int(cw_value_get(root, "source.index")));
	sink_csv_field(s, buf, (size_t)k < sizeof buf ? (size_t)k : sizeof buf - 1);
}

/* ---- the flat table ------------------------------------------------------------------------------ */

static int flat_begin(cw_emitter *em)
{
	for (size_t i = 0; i < sizeof record_columns / sizeof *record_columns; i++) {
		if (i)
			sink_putc(&em->out, ',');
		sink_puts(&em->out, record_columns[i].header);
	}
	sink_put(&em->out, "\r\n", 2);
	return 0;
}

static int flat_record(cw_emitter *em, const cw_record *rec)
{
	sink *s = &em->out;
	const cw_value *root = cw_record_root(rec);
	for (size_t i = 0; i < sizeof record_columns / sizeof *record_columns; i++) {
		const column *c = &record_columns[i];
		if (i)
			sink_putc(s, ',');
		switch (c->cell) {
		case CELL_KEY:
			record_key(s, root);
			break;
		case CELL_TEXT:
			list(s, cw_value_get(root, "paragraphs"), "text", "\n\n");
			break;
		case CELL_ERRORS:
			sink_int(s, (int64_t)count_at_least(root, "error"));
			break;
		case CELL_WARNINGS:
			sink_int(s, (int64_t)count_at_least(root, "warning"));
			break;
		case CELL_COUNT:
			sink_int(s, (int64_t)cw_value_count(cw_value_get(root, c->path)));
			break;
		case CELL_PATH: {
			const cw_value *v = cw_value_get(root, c->path);
			if (c->item && cw_value_type(v) == CW_ARRAY)
				list(s, v, c->item, LIST_SEP);
			else
				scalar(s, v);
			break;
		}
		}
	}
	sink_put(s, "\r\n", 2);
	return 0;
}

/* ---- companion tables ---------------------------------------------------------------------------- */

static const table *table_of(const cw_emitter *em)
{
	return &tables[em->format - CW_FORMAT_CSV_RECIPIENTS];
}

static int table_begin(cw_emitter *em)
{
	const table *t = table_of(em);
	sink_puts(&em->out, "key");
	if (t->roles[0])
		sink_puts(&em->out, ",role");
	sink_puts(&em->out, ",index");
	for (size_t i = 0; i < 8 && t->members[i]; i++) {
		sink_putc(&em->out, ',');
		sink_puts(&em->out, t->members[i]);
	}
	sink_put(&em->out, "\r\n", 2);
	return 0;
}

static void table_row(sink *s, const table *t, const cw_value *root, const char *role, size_t index,
		      const cw_value *item)
{
	record_key(s, root);
	if (t->roles[0]) {
		sink_putc(s, ',');
		sink_puts(s, role);
	}
	sink_putc(s, ',');
	sink_int(s, (int64_t)index);
	for (size_t i = 0; i < 8 && t->members[i]; i++) {
		sink_putc(s, ',');
		scalar(s, cw_value_get(item, t->members[i]));
	}
	sink_put(s, "\r\n", 2);
}

static int table_record(cw_emitter *em, const cw_record *rec)
{
	const table *t = table_of(em);
	const cw_value *root = cw_record_root(rec);
	for (size_t p = 0; p < 4 && t->paths[p]; p++) {
		const cw_value *v = cw_value_get(root, t->paths[p]);
		if (cw_value_type(v) == CW_OBJECT) {
			/* a single addressee (from) is a row of its own */
			table_row(&em->out, t, root, t->roles[p], 0, v);
			continue;
		}
		size_t i = 0;
		for (const cw_member *m = cw_value_first(v); m; m = cw_member_next(m), i++)
			table_row(&em->out, t, root, t->roles[p] ? t->roles[p] : "", i, cw_member_value(m));
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

/* The table list and the format list must stay in step. */
_Static_assert((int)TABLE_COUNT == (int)CSV_TABLE_COUNT, "one csv-* format per companion table");
