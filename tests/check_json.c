/* emitters/sink.c + emitters/json.c: escaping, UTF-8, the two JSON formats. */
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "emitters/sink.h"

typedef struct membuf {
	char buf[4096];
	size_t n;
} membuf;

static int mem_write(void *ctx, const char *p, size_t len)
{
	membuf *m = ctx;
	if (m->n + len >= sizeof m->buf)
		return -1;
	memcpy(m->buf + m->n, p, len);
	m->n += len;
	m->buf[m->n] = '\0';
	return 0;
}

static const struct {
	const char *in;
	size_t len;
	const char *out;
} esc_cases[] = {
	{ "plain", 5, "\"plain\"" },
	{ "a\"b\\c", 5, "\"a\\\"b\\\\c\"" },
	{ "t\tn\nr\r", 6, "\"t\\tn\\nr\\r\"" },
	{ "\x01\x1f", 2, "\"\\u0001\\u001f\"" },
	{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"" },
	/* Invalid UTF-8 never reaches the output. */
	{ "a\xe9z", 3, "\"a\\ufffdz\"" },
	{ "\xc0\xaf", 2, "\"\\ufffd\\ufffd\"" },          /* overlong */
	{ "\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"" }, /* surrogate */
	{ "\xe2\x82", 2, "\"\\ufffd\\ufffd\"" },          /* truncated */
	{ "nul\0in", 6, "\"nul\\u0000in\"" },
	/* Four to seven bytes are checked as two overlapping halves: a byte to escape in either,
	 * or only where they overlap, and none. */
	{ "abcd", 4, "\"abcd\"" },
	{ "seven!!", 7, "\"seven!!\"" },
	{ "\"bcdef", 6, "\"\\\"bcdef\"" },
	{ "abcdef\\", 7, "\"abcdef\\\\\"" },
	{ "abc\ndef", 7, "\"abc\\ndef\"" },
	{ "abcd\x7f", 5, "\"abcd\x7f\"" }, /* DEL is valid JSON as it is */
	{ "\xc3\xa9" "abc", 5, "\"\xc3\xa9" "abc\"" },
};

START_TEST(test_json_string_escaping)
{
	sink *s = malloc(sizeof *s);
	membuf m = { { 0 }, 0 };
	sink_init(s, mem_write, &m);
	sink_json_string(s, esc_cases[_i].in, esc_cases[_i].len);
	ck_assert_int_eq(sink_flush(s), 0);
	ck_assert_str_eq(m.buf, esc_cases[_i].out);
	free(s);
}
END_TEST

START_TEST(test_jsonl_and_json_documents)
{
	cw_record *rec = parse_str("R 010000Z JAN 08\nFM AMEMBASSY X\n", "x.txt");
	for (int f = CW_FORMAT_JSON; f <= CW_FORMAT_JSONL; f++) {
		membuf m = { { 0 }, 0 };
		cw_emitter *em = cw_emitter_new((cw_format)f, mem_write, &m, 0);
		ck_assert_int_eq(cw_emit(em, rec), 0);
		ck_assert_int_eq(cw_emit(em, rec), 0);
		ck_assert_int_eq(cw_emitter_finish(em), 0);
		cw_emitter_free(em);
		if (f == CW_FORMAT_JSONL) {
			/* two lines, each a JSON object */
			char *nl = strchr(m.buf, '\n');
			ck_assert_ptr_nonnull(nl);
			*nl = '\0';
			json_error_t err;
			json_t *j = json_loads(m.buf, 0, &err);
			ck_assert_ptr_nonnull(j);
			ck_assert(json_is_object(j));
			json_decref(j);
			ck_assert_ptr_nonnull(strchr(nl + 1, '\n'));
		} else {
			json_error_t err;
			json_t *j = json_loads(m.buf, 0, &err);
			ck_assert_msg(j != NULL, "%s", err.text);
			ck_assert(json_is_array(j));
			ck_assert_uint_eq(json_array_size(j), 2);
			json_decref(j);
		}
	}
	cw_record_free(rec);
}
END_TEST

START_TEST(test_sink_error_is_reported)
{
	/* A sink that refuses data makes the emitter fail instead of losing records quietly. */
	cw_record *rec = parse_str("R 010000Z JAN 08\nFM AMEMBASSY X\n", "x.txt");
	membuf m = { { 0 }, sizeof m.buf };
	cw_emitter *em = cw_emitter_new(CW_FORMAT_JSONL, mem_write, &m, 0);
	ck_assert_int_ne(cw_emit(em, rec), 0);
	cw_emitter_free(em);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_empty_json_array)
{
	membuf m = { { 0 }, 0 };
	cw_emitter *em = cw_emitter_new(CW_FORMAT_JSON, mem_write, &m, 1);
	ck_assert_int_eq(cw_emitter_finish(em), 0);
	ck_assert_str_eq(m.buf, "[]\n");
	cw_emitter_free(em);
}
END_TEST

Suite *suite_json(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("escaping");
	tcase_add_loop_test(tc, test_json_string_escaping, 0, sizeof esc_cases / sizeof *esc_cases);
	suite_add_tcase(s, tc);
	TCase *doc = tcase_create("documents");
	tcase_add_test(doc, test_jsonl_and_json_documents);
	tcase_add_test(doc, test_sink_error_is_reported);
	tcase_add_test(doc, test_empty_json_array);
	suite_add_tcase(s, doc);
	return s;
}
