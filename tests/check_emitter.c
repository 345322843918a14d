/* emitters/emitter.c: parallel rendering. Records rendered one by one by detached emitters
 * (cw_emit_at) and appended in order (cw_emit_rendered) give the very bytes cw_emit() writes, in
 * every format; that is what lets convert --jobs N write the same output whatever N is. */
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"

typedef struct membuf {
	char *p;
	size_t len, cap;
} membuf;

static int mem_write(void *ctx, const char *buf, size_t len)
{
	membuf *m = ctx;
	if (m->len + len + 1 > m->cap) {
		m->cap = (m->len + len + 1) * 2;
		m->p = realloc(m->p, m->cap);
		ck_assert_ptr_nonnull(m->p);
	}
	memcpy(m->p + m->len, buf, len);
	m->len += len;
	m->p[m->len] = '\0';
	return 0;
}

/* Every testdata input, parsed: a mix of cables, articles and error records. */
static cw_record **testdata_records(size_t *n)
{
	glob_t g;
	ck_assert_int_eq(glob("testdata/*/*/*/input.*", 0, NULL, &g), 0);
	cw_record **recs = calloc(g.gl_pathc, sizeof(*recs));
	ck_assert_ptr_nonnull(recs);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		size_t len;
		char *buf = read_file(g.gl_pathv[i], &len);
		ck_assert_ptr_nonnull(buf);
		recs[i] = parse_buf(buf, len, g.gl_pathv[i], CW_FORM_AUTO);
		free(buf);
	}
	*n = g.gl_pathc;
	globfree(&g);
	return recs;
}

START_TEST(test_detached_is_byte_identical)
{
	cw_format f = (cw_format)_i;
	size_t n;
	cw_record **recs = testdata_records(&n);
	ck_assert_uint_gt(n, 20);
	for (int pretty = 0; pretty <= 1; pretty++) {
		membuf whole = { 0 }, parts = { 0 };
		cw_emitter *em = cw_emitter_new(f, mem_write, &whole, pretty);
		for (size_t i = 0; i < n; i++)
			ck_assert_int_eq(cw_emit(em, recs[i]), 0);
		ck_assert_int_eq(cw_emitter_finish(em), 0);
		cw_emitter_free(em);

		/* Rendered out of order, as threads would, then appended in order. */
		membuf *one = calloc(n, sizeof(*one));
		ck_assert_ptr_nonnull(one);
		for (size_t k = n; k-- > 0;) {
			cw_emitter *d = cw_emitter_new_detached(f, mem_write, &one[k], pretty);
			ck_assert_int_eq(cw_emit_at(d, recs[k], k), 0);
			cw_emitter_free(d);
		}
		em = cw_emitter_new(f, mem_write, &parts, pretty);
		for (size_t i = 0; i < n; i++) {
			ck_assert_int_eq(cw_emit_rendered(em, one[i].p ? one[i].p : "", one[i].len), 0);
			free(one[i].p);
		}
		ck_assert_int_eq(cw_emitter_finish(em), 0);
		cw_emitter_free(em);
		free(one);
		ck_assert_uint_gt(whole.len, 0);
		ck_assert_msg(whole.len == parts.len && memcmp(whole.p, parts.p, whole.len) == 0,
			      "%s (pretty %d): detached rendering differs", cw_format_name(f), pretty);
		free(whole.p);
		free(parts.p);
	}
	for (size_t i = 0; i < n; i++)
		cw_record_free(recs[i]);
	free(recs);
}
END_TEST

/* The two kinds of emitter are not interchangeable. */
START_TEST(test_detached_misuse)
{
	membuf m = { 0 };
	cw_record *rec = parse_str("UNCLAS\n\nSUBJECT: X\n", "x.txt");
	cw_emitter *d = cw_emitter_new_detached(CW_FORMAT_JSON, mem_write, &m, 0);
	cw_emitter *em = cw_emitter_new(CW_FORMAT_JSON, mem_write, &m, 0);
	ck_assert_int_eq(cw_emit(d, rec), -1);
	ck_assert_int_eq(cw_emitter_finish(d), -1);
	ck_assert_int_eq(cw_emit_rendered(d, "x", 1), -1);
	ck_assert_int_eq(cw_emit_at(em, rec, 0), -1);
	ck_assert_uint_eq(m.len, 0);
	cw_emitter_free(d);
	cw_emitter_free(em);
	cw_record_free(rec);
	free(m.p);
}
END_TEST

Suite *suite_emitter(void)
{
	Suite *s = suite_create("emitter");
	TCase *tc = tcase_create("detached");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_detached_is_byte_identical, 0, CW_FORMAT_COUNT);
	tcase_add_test(tc, test_detached_misuse);
	suite_add_tcase(s, tc);
	return s;
}
