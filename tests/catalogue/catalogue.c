/* Prints the record catalogue (parser/core/catalogue.def) and its views (parser/core/views.c):
 *
 *   catalogue --json       everything, for tests/catalogue/check.py to hold the schemas, the CSV
 *                          headers and the SQLite tables against
 *   catalogue --markdown   the field reference, docs/fields.md (make docs)
 */
#include <stdio.h>
#include <string.h>

#include "parser/core/catalogue.h"
#include "parser/core/views.h"

/* ---- JSON ---- */

static void json_str(const char *s)
{
	putchar('"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			printf("\\n");
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static const char *type_name(field_type t)
{
	static const char *names[] = { "string", "integer", "boolean", "object", "array" };
	return names[t];
}

static void json_of(int of)
{
	if (of == OF_NONE)
		printf("null");
	else if (of == OF_STRING)
		json_str("string");
	else if (of == OF_INT)
		json_str("integer");
	else
		json_str(cat_shapes[of].name);
}

static void json_path(const cw_field *path, size_t n)
{
	putchar('[');
	for (size_t i = 0; i < n && path[i] != F_NONE; i++) {
		if (i)
			putchar(',');
		json_str(cat_fields[path[i]].id);
	}
	putchar(']');
}

static const char *cell_name(view_cell c)
{
	static const char *names[] = { "value", "count", "key", "errors", "warnings", "role",
				       "index", "computed" };
	return names[c];
}

static void json_columns(const view_column *cols)
{
	putchar('[');
	for (const view_column *c = cols; c->name; c++) {
		if (c != cols)
			putchar(',');
		printf("\n    {\"name\":");
		json_str(c->name);
		printf(",\"cell\":");
		json_str(cell_name(c->cell));
		printf(",\"path\":");
		json_path(c->path, VIEW_PATH);
		printf(",\"item\":");
		if (c->item != F_NONE)
			json_str(cat_fields[c->item].id);
		else
			printf("null");
		printf(",\"article\":");
		json_path(c->article, VIEW_PATH);
		printf("}");
	}
	putchar(']');
}

static void json_tables(const view_table *t, size_t n)
{
	putchar('[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			putchar(',');
		printf("\n  {\"name\":");
		json_str(t[i].name);
		printf(",\"lists\":[");
		for (size_t l = 0; l < VIEW_LISTS && t[i].lists[l][0] != F_NONE; l++) {
			if (l)
				putchar(',');
			json_path(t[i].lists[l], VIEW_PATH);
		}
		printf("],\"roles\":[");
		for (size_t l = 0; l < VIEW_LISTS && t[i].roles[l]; l++) {
			if (l)
				putchar(',');
			json_str(t[i].roles[l]);
		}
		printf("],\"columns\":");
		json_columns(t[i].columns);
		printf("}");
	}
	putchar(']');
}

static void dump_json(void)
{
	printf("{\"shapes\":[");
	for (int s = 1; s < S_COUNT; s++) {
		if (s > 1)
			putchar(',');
		printf("\n {\"name\":");
		json_str(cat_shapes[s].name);
		printf(",\"description\":");
		json_str(cat_shapes[s].description);
		printf(",\"fields\":[");
		int first = 1;
		for (int f = 1; f < F_COUNT; f++) {
			const field_info *fi = &cat_fields[f];
			if ((int)fi->shape != s)
				continue;
			printf("%s\n  {\"id\":", first ? "" : ",");
			first = 0;
			json_str(fi->id);
			printf(",\"key\":");
			json_str(fi->key);
			printf(",\"type\":");
			json_str(type_name(fi->type));
			printf(",\"of\":");
			json_of(fi->of);
			printf(",\"null\":%s,\"absent\":%s,\"description\":",
			       fi->flags & FL_NULL ? "true" : "false",
			       fi->flags & FL_ABSENT ? "true" : "false");
			json_str(fi->description);
			printf("}");
		}
		printf("]}");
	}
	printf("],\n\"csv\":{\"columns\":");
	json_columns(csv_columns);
	printf(",\n\"tables\":");
	json_tables(csv_tables, CSV_TABLES);
	printf("},\n\"sql\":{\"tables\":");
	json_tables(sql_tables, SQL_TABLES);
	printf("},\n\"news\":[");
	for (const news_info *n = cat_news; n->field != F_NONE; n++) {
		if (n != cat_news)
			putchar(',');
		printf("\n {\"field\":");
		json_str(cat_fields[n->field].id);
		printf(",\"nitf\":");
		json_str(n->nitf);
		printf(",\"ninjs\":");
		json_str(n->ninjs);
		printf("}");
	}
	printf("]}\n");
}

/* ---- Markdown ---- */

/* Where a shape sits: the JSON paths that reach it from the records' roots ("routing.to[]"). */
enum { MAX_PLACES = 8, PLACE_LEN = 160 };
static char places[S_COUNT][MAX_PLACES][PLACE_LEN];
static int nplaces[S_COUNT];

static void place(int shape, const char *path)
{
	for (int i = 0; i < nplaces[shape]; i++)
		if (!strcmp(places[shape][i], path))
			return;
	if (nplaces[shape] < MAX_PLACES)
		snprintf(places[shape][nplaces[shape]++], PLACE_LEN, "%s", path);
}

static void walk(int shape, const char *path)
{
	place(shape, path);
	for (int f = 1; f < F_COUNT; f++) {
		const field_info *fi = &cat_fields[f];
		if ((int)fi->shape != shape || fi->of < 0)
			continue;
		char sub[PLACE_LEN];
		snprintf(sub, sizeof sub, "%s%s%s%s", path, *path ? "." : "", fi->key,
			 fi->type == T_ARRAY ? "[]" : "");
		walk(fi->of, sub);
	}
}

/* "routing.to[].address" of a path of fields (the first place of each shape on the way). */
static void path_text(const cw_field *path, size_t n, cw_field item, char *out, size_t size)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && path[i] != F_NONE; i++)
		k += (size_t)snprintf(out + k, k < size ? size - k : 0, "%s%s%s", i ? "." : "",
				      cat_fields[path[i]].key,
				      cat_fields[path[i]].type == T_ARRAY ? "[]" : "");
	if (item != F_NONE && k < size)
		snprintf(out + k, size - k, ".%s", cat_fields[item].key);
}

/* Whether a column shows field f: f is what it shows (the last field of its path, or the
 * member it takes of each item of a list). */
static int shows(const cw_field *path, cw_field item, int f)
{
	if (item != F_NONE)
		return (int)item == f;
	size_t n = 0;
	while (n < VIEW_PATH && path[n] != F_NONE)
		n++;
	return n && (int)path[n - 1] == f;
}

/* The CSV and SQLite columns and the news elements that show field f, "; "-separated, each
 * column with the path it reads ("CSV `to` (routing.to[].address)"). */
static void shown_in(int f, char *out, size_t size)
{
	size_t k = 0;
	char p[256];
	out[0] = '\0';
#define ADD(...) (k += (size_t)snprintf(out + k, k < size ? size - k : 0, __VA_ARGS__))
	for (const view_column *c = csv_columns; c->name; c++)
		if (c->cell == CELL_VALUE && (shows(c->path, c->item, f) || shows(c->article, F_NONE, f))) {
			path_text(shows(c->path, c->item, f) ? c->path : c->article, VIEW_PATH,
				  shows(c->path, c->item, f) ? c->item : F_NONE, p, sizeof p);
			ADD(strchr(p, '.') ? "%sCSV `%s` (%s)" : "%sCSV `%s`", k ? "; " : "", c->name, p);
		}
	for (size_t t = 0; t < CSV_TABLES; t++)
		for (const view_column *c = csv_tables[t].columns; c->name; c++)
			if (c->cell == CELL_VALUE && (shows(c->path, c->item, f) || shows(c->article, F_NONE, f)))
				ADD("%sCSV table `%s.%s`", k ? "; " : "", csv_tables[t].name, c->name);
	for (size_t t = 0; t < SQL_TABLES; t++)
		for (const view_column *c = sql_tables[t].columns; c->name; c++)
			if (c->cell == CELL_VALUE && (shows(c->path, c->item, f) || shows(c->article, F_NONE, f))) {
				if (t == SQL_CABLES || t == SQL_ARTICLES) {
					path_text(c->path, VIEW_PATH, c->item, p, sizeof p);
					ADD(strchr(p, '.') ? "%sSQLite `%s.%s` (%s)" : "%sSQLite `%s.%s`",
					    k ? "; " : "", sql_tables[t].name, c->name, p);
				} else {
					ADD("%sSQLite `%s.%s`", k ? "; " : "", sql_tables[t].name, c->name);
				}
			}
	for (const news_info *n = cat_news; n->field != F_NONE; n++)
		if ((int)n->field == f) {
			if (*n->nitf)
				ADD("%sNITF `%s`", k ? "; " : "", n->nitf);
			if (*n->ninjs)
				ADD("%sninjs `%s`", k ? "; " : "", n->ninjs);
		}
#undef ADD
}

static void md_text(const char *s)
{
	for (; *s; s++)
		if (*s == '|')
			printf("\\|");
		else
			putchar(*s);
}

static void type_text(const field_info *fi)
{
	if (fi->type == T_OBJECT)
		printf("object (%s)", cat_shapes[fi->of].name);
	else if (fi->type == T_ARRAY && fi->of >= 0)
		printf("array of %s", cat_shapes[fi->of].name);
	else if (fi->type == T_ARRAY)
		printf("array of %s", fi->of == OF_INT ? "integer" : "string");
	else
		printf("%s", type_name(fi->type));
	if (fi->flags & FL_NULL)
		printf(" or null");
	if (fi->flags & FL_ABSENT)
		printf(", not always present");
}

static void dump_markdown(void)
{
	walk(S_RECORD, "");
	walk(S_CABLE, "");
	walk(S_ARTICLE, "");
	walk(S_ERROR, "");
	printf("# Field reference\n\n"
	       "Generated by `make docs` from the record catalogue, `parser/core/catalogue.def` (the\n"
	       "fields) and `parser/core/views.c` (the CSV and SQLite columns); `make check` fails when\n"
	       "this file, the JSON Schemas in `schema/`, the RELAX NG schema, the CSV headers or the\n"
	       "archive's tables disagree with the catalogue. Do not edit it by hand.\n\n"
	       "Every field is shown the same way in JSON (the key) and XML (an element of the same\n"
	       "name; an array's items are `<item>` elements). The last column names the CSV columns\n"
	       "and companion tables (`convert --csv-tables`), the SQLite archive's columns and the\n"
	       "NITF and ninjs elements that show it.\n");
	for (int s = 1; s < S_COUNT; s++) {
		printf("\n## %s\n\n", cat_shapes[s].name);
		md_text(cat_shapes[s].description);
		printf("\n\n");
		if (s == S_RECORD)
			printf("At the root of every record.\n\n");
		else if (s == S_CABLE || s == S_ARTICLE || s == S_ERROR)
			printf("At the root of a record of kind `%s`, with the fields of `record`.\n\n",
			       cat_shapes[s].name);
		else {
			printf("At ");
			for (int i = 0; i < nplaces[s]; i++)
				printf("%s`%s`", i ? ", " : "", places[s][i]);
			printf(".\n\n");
		}
		int any = 0;
		for (int f = 1; f < F_COUNT; f++) {
			const field_info *fi = &cat_fields[f];
			if ((int)fi->shape != s)
				continue;
			if (!any)
				printf("| field | type | description | shown in |\n|---|---|---|---|\n");
			any = 1;
			printf("| `%s` | ", fi->key);
			type_text(fi);
			printf(" | ");
			md_text(fi->description);
			char shown[4096];
			shown_in(f, shown, sizeof shown);
			printf(" | ");
			md_text(shown);
			printf(" |\n");
		}
		if (!any)
			printf("No fields of its own.\n");
	}
	printf("\n## Computed columns\n\nColumns made from several fields or by a rule rather than "
	       "shown from one field:\n\n");
	for (const view_column *c = csv_columns; c->name; c++)
		if (c->cell == CELL_KEY)
			printf("- CSV `%s` (and the first column of every companion table): the record's "
			       "id, else `path#index` of its source.\n", c->name);
		else if (c->cell == CELL_COUNT) {
			char p[256];
			path_text(c->path, VIEW_PATH, F_NONE, p, sizeof p);
			printf("- CSV `%s`: the number of items of `%s`.\n", c->name, p);
		} else if (c->cell == CELL_ERRORS || c->cell == CELL_WARNINGS)
			printf("- CSV `%s`: the number of diagnostics of severity %s.\n", c->name,
			       c->cell == CELL_ERRORS ? "error" : "warning");
	for (size_t t = 0; t < SQL_TABLES; t++)
		for (const view_column *c = sql_tables[t].columns; c->name; c++)
			if (c->cell == CELL_COMPUTED)
				printf("- SQLite `%s.%s`: %s.\n", sql_tables[t].name, c->name, c->note);
			else if (c->cell == CELL_ROLE)
				printf("- SQLite `%s.%s`: which list the row comes from.\n",
				       sql_tables[t].name, c->name);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--json"))
		dump_json();
	else if (argc == 2 && !strcmp(argv[1], "--markdown"))
		dump_markdown();
	else {
		fprintf(stderr, "usage: catalogue --json | --markdown\n");
		return 2;
	}
	return ferror(stdout) ? 1 : 0;
}
