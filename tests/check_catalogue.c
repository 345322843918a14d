/* The record catalogue (parser/core/catalogue.def) and its views (parser/core/views.c): the
 * catalogue is well formed, and every column's path walks from object to object through the
 * catalogue (a column that names a field of another shape than the object it reads would show
 * nothing, silently). The schemas, headers and tables are held against it by tests/catalogue.sh. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "parser/core/catalogue.h"
#include "parser/core/fields.h"
#include "parser/core/views.h"

START_TEST(fields_well_formed)
{
	for (int f = 1; f < F_COUNT; f++) {
		const field_info *fi = &cat_fields[f];
		ck_assert_msg(fi->shape > S_UNKNOWN && fi->shape < S_COUNT, "%s: no shape", fi->id);
		ck_assert_msg(fi->key && *fi->key, "%s: no key", fi->id);
		for (const char *k = fi->key; *k; k++)
			ck_assert_msg((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_',
				      "%s: key %s is not lowercase snake_case", fi->id, fi->key);
		ck_assert_msg(fi->description && strlen(fi->description) > 10, "%s: no description",
			      fi->id);
		if (fi->type == T_OBJECT)
			ck_assert_msg(fi->of > S_UNKNOWN && fi->of < S_COUNT, "%s: object of no shape",
				      fi->id);
		else if (fi->type == T_ARRAY)
			ck_assert_msg(fi->of == OF_STRING || fi->of == OF_INT ||
					      (fi->of > S_UNKNOWN && fi->of < S_COUNT),
				      "%s: array of nothing", fi->id);
		else
			ck_assert_msg(fi->of == OF_NONE, "%s: a scalar with items", fi->id);
		/* one key once in its shape (a root also holds S_RECORD's keys) */
		for (int g = 1; g < f; g++) {
			const field_info *gi = &cat_fields[g];
			int same_object = gi->shape == fi->shape ||
					  (gi->shape == S_RECORD && cat_shape_holds(fi->shape, (cw_field)g)) ||
					  (fi->shape == S_RECORD && cat_shape_holds(gi->shape, (cw_field)f));
			ck_assert_msg(!(same_object && !strcmp(gi->key, fi->key)),
				      "%s and %s: the same key %s in one object", gi->id, fi->id, fi->key);
			/* and one bit of an object's mask each (parser/core/value.h) */
			ck_assert_msg(!(same_object && cat_puts[g].bit == cat_puts[f].bit),
				      "%s and %s: the same bit in one object", gi->id, fi->id);
		}
	}
}
END_TEST

START_TEST(every_shape_reached)
{
	/* Every shape but the roots is the shape of some field: nothing defined and unused. */
	for (int s = S_RECORD; s < S_COUNT; s++) {
		if (s == S_RECORD || s == S_CABLE || s == S_ARTICLE || s == S_ERROR)
			continue;
		int used = 0;
		for (int f = 1; f < F_COUNT && !used; f++)
			used = cat_fields[f].of == s;
		ck_assert_msg(used, "shape %s is no field's", cat_shapes[s].name);
	}
}
END_TEST

/* The shape a path from an object of shape `from` ends in; S_UNKNOWN at a scalar. */
static int walk(int from, const cw_field *path, const char *where, const char *col)
{
	int shape = from;
	for (size_t i = 0; i < VIEW_PATH && path[i] != F_NONE; i++) {
		ck_assert_msg(shape > S_UNKNOWN, "%s %s: a path through a scalar", where, col);
		ck_assert_msg(cat_shape_holds((cw_shape)shape, path[i]),
			      "%s %s: %s is not a field of %s", where, col, cat_fields[path[i]].id,
			      cat_shapes[shape].name);
		shape = cat_fields[path[i]].of >= 0 ? cat_fields[path[i]].of : S_UNKNOWN;
	}
	return shape;
}

static void check_columns(const view_column *cols, const int *roots, size_t nroots,
			  const char *where)
{
	for (const view_column *c = cols; c->name; c++) {
		if (c->cell == CELL_KEY || c->cell == CELL_ROLE || c->cell == CELL_INDEX)
			continue;
		/* The path from one of the roots (a column of a mixed table reads both kinds). */
		int found = 0;
		for (size_t r = 0; r < nroots && !found; r++) {
			int shape = roots[r];
			if (c->path[0] != F_NONE && !cat_shape_holds((cw_shape)shape, c->path[0]))
				continue;
			found = 1;
			int end = walk(shape, c->path, where, c->name);
			if (c->item != F_NONE)
				ck_assert_msg(end > S_UNKNOWN && (int)cat_fields[c->item].shape == end,
					      "%s %s: item %s is not a field of the list's items",
					      where, c->name, cat_fields[c->item].id);
		}
		ck_assert_msg(found || c->path[0] == F_NONE, "%s %s: %s is read from no object here",
			      where, c->name, cat_fields[c->path[0]].id);
		/* An article's own path: from the roots or items that hold its first field. */
		found = c->article[0] == F_NONE;
		for (size_t r = 0; r < nroots; r++)
			if (c->article[0] != F_NONE && cat_shape_holds((cw_shape)roots[r], c->article[0])) {
				walk(roots[r], c->article, where, c->name);
				found = 1;
			}
		ck_assert_msg(found, "%s %s: the article's path is read from no object here", where,
			      c->name);
	}
}

START_TEST(views_walk_the_catalogue)
{
	const int roots[] = { S_CABLE, S_ARTICLE, S_ERROR };
	check_columns(csv_columns, roots, 3, "csv");
	const view_table *groups[] = { csv_tables, sql_tables };
	const size_t counts[] = { CSV_TABLES, SQL_TABLES };
	for (size_t g = 0; g < 2; g++)
		for (size_t t = 0; t < counts[g]; t++) {
			const view_table *vt = &groups[g][t];
			int items[VIEW_LISTS] = { 0 };
			size_t n = 0;
			for (size_t l = 0; l < VIEW_LISTS && vt->lists[l][0] != F_NONE; l++) {
				int end = S_UNKNOWN;
				for (size_t r = 0; r < 3 && end == S_UNKNOWN; r++)
					if (cat_shape_holds((cw_shape)roots[r], vt->lists[l][0]))
						end = walk(roots[r], vt->lists[l], vt->name, "list");
				ck_assert_msg(end > S_UNKNOWN, "%s: list %zu holds no objects", vt->name, l);
				items[n++] = end;
			}
			if (!n) { /* a table of records: cables, articles */
				int root = !strcmp(vt->name, "articles") ? S_ARTICLE : S_CABLE;
				check_columns(vt->columns, &root, 1, vt->name);
			} else {
				check_columns(vt->columns, items, n, vt->name);
			}
		}
}
END_TEST

START_TEST(get_and_set_by_id)
{
	arena a;
	arena_init(&a);
	cw_value *root = rec_new_object(&a, S_CABLE);
	rec_set_cstr(&a, root, F_KIND, "cable");
	cw_value *routing = rec_object(&a, root, F_CABLE_ROUTING);
	rec_set_cstr(&a, routing, F_ROUTING_DTG, "2006-02-26T13:25:00Z");
	cw_value *to = rec_array(&a, routing, F_ROUTING_TO);
	cw_value *addr = rec_push_object(&a, to);
	rec_set_cstr(&a, addr, F_ADDRESS_ADDRESS, "SECSTATE WASHDC");
	size_t n;
	ck_assert_str_eq(cw_value_string(rec_path(root, F_CABLE_ROUTING, F_ROUTING_DTG), NULL),
			 "2006-02-26T13:25:00Z");
	/* the same member as the public, string-keyed accessor finds */
	ck_assert_ptr_eq(rec_path(root, F_CABLE_ROUTING, F_ROUTING_DTG),
			 cw_value_get(root, "routing.dtg"));
	ck_assert_uint_eq(rec_count(routing, F_ROUTING_TO), 1);
	ck_assert_str_eq(rec_string(cw_value_at(to, 0), F_ADDRESS_ADDRESS, &n), "SECSTATE WASHDC");
	ck_assert_ptr_eq(rec_object(&a, root, F_CABLE_ROUTING), routing); /* existing, not new */
	ck_assert_ptr_null(rec_get(root, F_CABLE_SUBJECT));
	arena_release(&a);
}
END_TEST

/* The setters' check (parser/core/fields.h, rec_put_ok), which rec_set asserts in every build:
 * its shapes are cat_shape_holds's; for every field an object of its shape takes null and a value
 * of its type (an array made for it or for another field of the same items), and refuses a value
 * of another type, an object of another shape, an array of other items or made without a field;
 * an object of a shape that does not hold the field, or made without one, refuses it. */
START_TEST(put_checks)
{
	arena a;
	arena_init(&a);
	for (int f = 1; f < F_COUNT; f++)
		for (int sh = 0; sh < S_COUNT; sh++)
			ck_assert_int_eq(rec_put_ok(&(cw_value){ .type = CW_OBJECT, .shape = (uint16_t)sh },
						    (cw_field)f, NULL),
					 cat_shape_holds((cw_shape)sh, (cw_field)f));
	for (int f = 1; f < F_COUNT; f++) {
		const field_info *fi = &cat_fields[f];
		cw_value *obj = rec_new_object(&a, fi->shape == S_RECORD ? S_ARTICLE : fi->shape);
		cw_value *good = NULL, *bad = NULL, *bad2 = NULL;
		switch (fi->type) {
		case T_STRING: good = val_cstr(&a, "x"), bad = val_int(&a, 1), bad2 = val_bool(&a, 1); break;
		case T_INT: good = val_int(&a, 1), bad = val_cstr(&a, "1"), bad2 = val_bool(&a, 1); break;
		case T_BOOL: good = val_bool(&a, 1), bad = val_int(&a, 1), bad2 = val_cstr(&a, "x"); break;
		case T_OBJECT:
			good = rec_new_object(&a, (cw_shape)fi->of);
			bad = rec_new_object(&a, fi->of == S_SOURCE ? S_ROUTING : S_SOURCE);
			bad2 = val_object(&a);
			break;
		case T_ARRAY:
			good = rec_new_array(&a, (cw_field)f), bad = val_array(&a), bad2 = val_cstr(&a, "x");
			for (int g = 1; g < F_COUNT; g++)
				if (cat_fields[g].type == T_ARRAY)
					ck_assert_int_eq(rec_put_ok(obj, (cw_field)f, rec_new_array(&a, (cw_field)g)),
							 cat_fields[g].of == fi->of);
			break;
		}
		ck_assert_msg(rec_put_ok(obj, (cw_field)f, good), "%s", fi->id);
		ck_assert(rec_put_ok(obj, (cw_field)f, NULL));
		ck_assert(rec_put_ok(obj, (cw_field)f, val_null(&a)));
		ck_assert_msg(!rec_put_ok(obj, (cw_field)f, bad), "%s", fi->id);
		ck_assert_msg(!rec_put_ok(obj, (cw_field)f, bad2), "%s", fi->id);
		ck_assert(!rec_put_ok(val_object(&a), (cw_field)f, good));
		ck_assert(!rec_put_ok(rec_new_array(&a, F_DIAGNOSTICS), (cw_field)f, good));
		for (int sh = 1; sh < S_COUNT; sh++)
			if (!cat_shape_holds((cw_shape)sh, (cw_field)f))
				ck_assert(!rec_put_ok(rec_new_object(&a, (cw_shape)sh), (cw_field)f, good));
	}
	ck_assert(!rec_put_ok(rec_new_object(&a, S_ARTICLE), F_NONE, NULL));
	arena_release(&a);
}
END_TEST

/* And the assertion fires: a field set on an object of another shape aborts (forked runs only;
 * the child's stderr, which would show the assertion's message, is silenced). */
START_TEST(put_on_another_shape_aborts)
{
	arena a;
	arena_init(&a);
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	rec_set_cstr(&a, rec_new_object(&a, S_SOURCE), F_KIND, "article");
	arena_release(&a);
}
END_TEST

START_TEST(put_of_another_type_aborts)
{
	arena a;
	arena_init(&a);
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	rec_set_cstr(&a, rec_new_object(&a, S_SOURCE), F_SOURCE_INDEX, "1");
	arena_release(&a);
}
END_TEST

Suite *suite_catalogue(void)
{
	Suite *s = suite_create("catalogue");
	TCase *tc = tcase_create("catalogue");
	tcase_add_test(tc, fields_well_formed);
	tcase_add_test(tc, every_shape_reached);
	tcase_add_test(tc, views_walk_the_catalogue);
	tcase_add_test(tc, get_and_set_by_id);
	tcase_add_test(tc, put_checks);
	/* an abort ends the runner itself when the tests do not fork (make asan) */
	const char *fork = getenv("CK_FORK");
	if (!fork || strcmp(fork, "no") != 0) {
		tcase_add_test_raise_signal(tc, put_on_another_shape_aborts, SIGABRT);
		tcase_add_test_raise_signal(tc, put_of_another_type_aborts, SIGABRT);
	}
	suite_add_tcase(s, tc);
	return s;
}
