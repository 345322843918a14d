/* Flat views of records: the CSV columns and companion tables, and the SQLite archive's tables.
 * Part of the record catalogue (parser/core/catalogue.def): every column names the catalogue
 * fields it shows, so a renamed or removed field fails to compile here instead of silently
 * emptying a column; docs/fields.md lists, for each field, the columns that show it, and
 * tests/catalogue.sh checks the emitted CSV headers and the archive's tables against these
 * lists. */
#ifndef CW_VIEWS_H
#define CW_VIEWS_H

#include <stddef.h>

#include "parser/core/catalogue.h"

/* How a cell is made. */
typedef enum view_cell {
	CELL_VALUE,     /* the value at path: a scalar; a list joined (its items, or each item's
			 * `item` member) with sep */
	CELL_COUNT,     /* the number of items of the list at path */
	CELL_KEY,       /* the record's key: its id, else path#index of its source */
	CELL_ERRORS,    /* the number of diagnostics of severity error */
	CELL_WARNINGS,  /* ... of severity warning */
	CELL_ROLE,      /* a table row's role: the list it comes from (to, info, ...) */
	CELL_INDEX,     /* a table row's position in its list */
	CELL_COMPUTED   /* made by the writer's code (what `note` says), from the fields listed */
} view_cell;

enum { VIEW_PATH = 4, VIEW_LISTS = 4 };

typedef struct view_column {
	const char *name;
	view_cell cell;
	cw_field path[VIEW_PATH];    /* from the record's root, or from a table's item */
	cw_field item;               /* lists of objects: the member shown of each; F_NONE: strings */
	const char *sep;             /* lists: between items (NULL: " | ") */
	cw_field article[VIEW_PATH]; /* an article's own path when it differs (paragraphs) */
	const char *note;            /* CELL_COMPUTED: how */
} view_column;

/* A companion table: a row per item of one or more lists of the record. */
typedef struct view_table {
	const char *name;                   /* CSV: NAME.csv; SQLite: the table */
	cw_field lists[VIEW_LISTS][VIEW_PATH];  /* the lists (a single object is one row) */
	const char *roles[VIEW_LISTS];      /* the role of each list's rows (CELL_ROLE) */
	const view_column *columns;         /* NULL-named at the end */
} view_table;

/* CSV: the flat table (a row per record) and its companion tables, in cw_format order
 * (CW_FORMAT_CSV_RECIPIENTS ...). */
extern const view_column csv_columns[];
extern const view_table csv_tables[];
enum { CSV_TABLES = 7 };

/* SQLite: the typed tables of the archive besides records, meta and fulltext (their columns
 * after record_rowid and n). */
extern const view_table sql_tables[];
enum { SQL_CABLES, SQL_ARTICLES, SQL_ADDRESSEES, SQL_TAGS, SQL_REFS, SQL_PARAGRAPHS, SQL_BYLINES,
       SQL_CREDITS, SQL_TABLES };

/* The value at a column's path (at most VIEW_PATH fields, F_NONE-ended) from v. */
const struct cw_value *view_at(const struct cw_value *v, const cw_field *path);

#endif
