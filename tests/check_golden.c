/* Golden cases: testdata/<kind>/{valid,invalid}/<case>/ holds input.*, expected.json (a subset
 * the record must contain) and expected.err (every diagnostic, verbatim, in the CLI's
 * "file:line:col: severity: message [CODE]" form). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"

enum { MAX_CASES = 512 };
static char *cases[MAX_CASES];
static int ncases;

static const char *testdata_dir(void)
{
	const char *d = getenv("TESTDATA");
	return d ? d : "testdata";
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && ncases < MAX_CASES) {
		if (e->d_name[0] == '.')
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *p = malloc(n);
		snprintf(p, n, "%s/%s", dir, e->d_name);
		cases[ncases++] = p;
	}
	closedir(d);
}

static char *find_input(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	struct dirent *e;
	char *found = NULL;
	while ((e = readdir(d)) != NULL)
		if (!strncmp(e->d_name, "input.", 6)) {
			found = strdup(e->d_name);
			break;
		}
	closedir(d);
	return found;
}

/* Every diagnostic of every record, in the CLI's form. */
static void render_diagnostics(const cw_record *rec, const char *name, char **out, size_t *n,
			       size_t *cap)
{
	for (size_t i = 0; i < cw_record_diag_count(rec); i++) {
		const cw_diag *d = cw_record_diag(rec, i);
		char line[1024];
		int len = snprintf(line, sizeof line, "%s:%u:%u: %s: %s [%s]\n", name, d->line, d->column,
				   cw_severity_name(d->severity), d->message, d->code);
		if (*n + (size_t)len + 1 > *cap)
			*out = realloc(*out, *cap = (*n + (size_t)len + 1) * 2);
		memcpy(*out + *n, line, (size_t)len + 1);
		*n += (size_t)len;
	}
}

enum { MAX_RECORDS = 64 };

/* A web archive is read by the walk (cw_walk), as the command reads it: its records' names are
 * the case's own ("input.warc/https://..."), the case's folder left out. */
typedef struct walked {
	cw_record **recs;
	size_t n;
} walked;

static int keep_record(void *ctx, cw_record *rec)
{
	walked *w = ctx;
	if (w->n == MAX_RECORDS) {
		cw_record_free(rec);
		return 1;
	}
	w->recs[w->n++] = rec;
	return 0;
}

/* The record's source.path without the case's folder (dir/), or fallback. */
static void record_name(const cw_record *rec, const char *dir, const char *fallback, char *out,
			size_t cap)
{
	size_t n = 0, d = strlen(dir);
	const cw_value *src = cw_value_get(cw_record_root(rec), "source");
	const char *p = src ? cw_value_string(cw_value_get(src, "path"), &n) : NULL;
	if (p && n > d + 1 && !strncmp(p, dir, d) && p[d] == '/')
		snprintf(out, cap, "%.*s", (int)(n - d - 1), p + d + 1);
	else
		snprintf(out, cap, "%s", fallback);
}

START_TEST(test_golden_case)
{
	const char *dir = cases[_i];
	char *name = find_input(dir);
	ck_assert_msg(name != NULL, "%s: no input.* file", dir);
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	size_t len;
	char *input = read_file(path, &len);
	ck_assert_ptr_nonnull(input);

	/* The input as the CLI reads it: a stream of stories gives a record each. */
	cw_options *opt = cw_options_new();
	cw_record *recs[MAX_RECORDS];
	size_t nrec = 0;
	int walk = strncmp(name, "input.warc", 10) == 0;
	if (walk) {
		walked wd = { recs, 0 };
		const char *paths[1] = { path };
		cw_walk(opt, paths, 1, keep_record, &wd, NULL);
		nrec = wd.n;
	} else {
		cw_reader *rd = cw_reader_new(opt, name);
		cw_reader_feed(rd, input, len);
		cw_reader_finish(rd);
		cw_record *rec;
		while (nrec < MAX_RECORDS && cw_reader_next(rd, &rec) == CW_OK)
			recs[nrec++] = rec;
		cw_reader_free(rd);
	}
	cw_options_free(opt);
	ck_assert_msg(nrec > 0, "%s: no record", dir);

	/* expected.json: the one record's subset, or an array with one subset a record */
	snprintf(path, sizeof path, "%s/expected.json", dir);
	json_error_t err;
	json_t *expected = json_load_file(path, 0, &err);
	ck_assert_msg(expected != NULL, "%s: %s", path, err.text);
	json_t *actual;
	if (json_is_array(expected)) {
		actual = json_array();
		for (size_t i = 0; i < nrec; i++) {
			json_t *one = record_jansson(recs[i]);
			char shown_name[1024];
			record_name(recs[i], dir, name, shown_name, sizeof shown_name);
			if (walk)
				json_object_set_new(json_object_get(one, "source"), "path",
						    json_string(shown_name));
			json_array_append_new(actual, one);
		}
		ck_assert_msg(json_array_size(expected) == nrec, "%s: %zu records, expected %zu", dir,
			      nrec, json_array_size(expected));
	} else {
		ck_assert_msg(nrec == 1, "%s: %zu records, expected one", dir, nrec);
		actual = record_jansson(recs[0]);
	}
	char where[1024];
	if (json_subset(expected, actual, where, sizeof where))
		ck_abort_msg("%s: record differs at %s", dir, where);

	snprintf(path, sizeof path, "%s/expected.err", dir);
	char *want = read_file(path, NULL);
	ck_assert_msg(want != NULL, "%s: missing", path);
	size_t cap = 4096, n = 0, problems = 0;
	char *got = malloc(cap);
	got[0] = '\0';
	for (size_t i = 0; i < nrec; i++) {
		char shown_name[1024];
		if (walk)
			record_name(recs[i], dir, name, shown_name, sizeof shown_name);
		else
			snprintf(shown_name, sizeof shown_name, "%s", name);
		render_diagnostics(recs[i], shown_name, &got, &n, &cap);
		problems += cw_record_count_at_least(recs[i], CW_WARNING);
	}
	ck_assert_msg(strcmp(got, want) == 0, "%s: diagnostics differ\n--- got\n%s--- expected\n%s", dir,
		      got, want);
	/* Valid cases carry no errors or warnings; invalid ones at least one. */
	if (strstr(dir, "/valid/"))
		ck_assert_uint_eq(problems, 0);
	else
		ck_assert_uint_gt(problems, 0);

	free(got);
	free(want);
	json_decref(expected);
	json_decref(actual);
	for (size_t i = 0; i < nrec; i++)
		cw_record_free(recs[i]);
	free(input);
	free(name);
}
END_TEST

START_TEST(test_cases_found)
{
	ck_assert_msg(ncases >= 10, "only %d golden cases under %s", ncases, testdata_dir());
}
END_TEST

Suite *suite_golden(void)
{
	static const char *kinds[] = { "cables", "articles", "warc" };
	static const char *groups[] = { "valid", "invalid" };
	if (ncases == 0) {
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
			for (size_t g = 0; g < 2; g++) {
				char dir[512];
				snprintf(dir, sizeof dir, "%s/%s/%s", testdata_dir(), kinds[k], groups[g]);
				collect(dir);
			}
		qsort(cases, (size_t)ncases, sizeof *cases, by_name);
	}
	Suite *s = suite_create("golden");
	TCase *tc = tcase_create("testdata");
	tcase_add_test(tc, test_cases_found);
	tcase_add_loop_test(tc, test_golden_case, 0, ncases);
	suite_add_tcase(s, tc);
	return s;
}
