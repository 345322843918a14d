/* parser/input/reader.c: input pushed in chunks, units, limits. */
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "parser/input/binary.h"
#include "parser/input/unit.h"

static const char *sample = "VZCZCXRO0001\nOO RUEHXY\nDE RUEHXY #0001 0011200\nZNY UUUUU ZZH\n"
			    "O 011200Z JAN 09\nFM AMEMBASSY X\nTO RUEHC/SECSTATE WASHDC 0001\n\n"
			    "UNCLAS X 000001\n\nSUBJECT: CHUNKS\n";

/* Feeding in chunks of any size gives the same record as one buffer. */
START_TEST(test_chunk_sizes_agree)
{
	cw_record *whole = parse_str(sample, "s.txt");
	char *want = record_json(whole);
	const size_t sizes[] = { 1, 2, 7, 64 };
	size_t n = strlen(sample);
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		cw_options *opt = cw_options_new();
		cw_reader *rd = cw_reader_new(opt, "s.txt");
		cw_record *rec = NULL;
		for (size_t i = 0; i < n; i += sizes[k]) {
			size_t len = n - i < sizes[k] ? n - i : sizes[k];
			ck_assert_int_eq(cw_reader_feed(rd, sample + i, len), CW_OK);
			ck_assert_int_eq(cw_reader_next(rd, &rec), CW_AGAIN);
		}
		cw_reader_finish(rd);
		ck_assert_int_eq(cw_reader_next(rd, &rec), CW_OK);
		char *got = record_json(rec);
		cw_record_free(rec);
		ck_assert_str_eq(got, want);
		ck_assert_int_eq(cw_reader_next(rd, &rec), CW_END);
		free(got);
		cw_reader_free(rd);
		cw_options_free(opt);
	}
	free(want);
	cw_record_free(whole);
}
END_TEST

/* The one record of a reader given bytes: fed (skip < 0), or the first skip bytes fed and the
 * rest handed over as a buffer the reader takes (reader_adopt: a file read whole). */
static char *record_of(const char *bytes, size_t n, long skip)
{
	cw_options *opt = cw_options_new();
	cw_reader *rd = cw_reader_new(opt, "s.txt");
	if (skip < 0) {
		ck_assert_int_eq(cw_reader_feed(rd, bytes, n), CW_OK);
	} else {
		if (skip)
			ck_assert_int_eq(cw_reader_feed(rd, bytes, (size_t)skip), CW_OK);
		size_t len = n - (size_t)skip, cap = len + 2;
		char *buf = malloc(cap);
		ck_assert_ptr_nonnull(buf);
		memcpy(buf, bytes + skip, len);
		ck_assert_int_eq(reader_adopt(rd, buf, len, cap), CW_OK);
	}
	cw_reader_finish(rd);
	cw_record *rec = NULL;
	ck_assert_int_eq(cw_reader_next(rd, &rec), CW_OK);
	char *json = record_json(rec);
	cw_record_free(rec);
	ck_assert_int_eq(cw_reader_next(rd, &rec), CW_END);
	cw_reader_free(rd);
	cw_options_free(opt);
	return json;
}

/* A buffer taken over whole gives the record that feeding its bytes gives: taken in place, and
 * fed instead where it cannot be (a byte-order mark to decode from, fewer than 4 bytes, a
 * reader fed already). */
START_TEST(test_adopted_buffer_agrees_with_feeding)
{
	size_t n = strlen(sample);
	char *utf16 = malloc(2 * n + 2);
	ck_assert_ptr_nonnull(utf16);
	utf16[0] = '\xff';
	utf16[1] = '\xfe';
	for (size_t i = 0; i < n; i++) {
		utf16[2 + 2 * i] = sample[i];
		utf16[3 + 2 * i] = '\0';
	}
	const struct {
		const char *bytes;
		size_t n;
		long skip;
	} cases[] = {
		{ sample, n, 0 },          /* in place */
		{ utf16, 2 * n + 2, 0 },   /* UTF-16: decoded as fed */
		{ "OK\n", 3, 0 },          /* too short to tell a byte-order mark */
		{ sample, n, 9 },          /* after bytes fed */
		{ utf16, 2 * n + 2, 3 },   /* ... a code unit cut by them */
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		char *fed = record_of(cases[k].bytes, cases[k].n, -1);
		char *taken = record_of(cases[k].bytes, cases[k].n, cases[k].skip);
		ck_assert_str_eq(taken, fed);
		free(fed);
		free(taken);
	}
	free(utf16);
}
END_TEST

START_TEST(test_empty_input_yields_one_error_record)
{
	cw_options *opt = cw_options_new();
	cw_reader *rd = cw_reader_new(opt, "empty.txt");
	cw_reader_finish(rd);
	cw_record *rec;
	ck_assert_int_eq(cw_reader_next(rd, &rec), CW_OK);
	ck_assert_str_eq(cw_record_kind(rec), "error");
	ck_assert(has_diag(rec, "INPUT_EMPTY"));
	cw_record_free(rec);
	ck_assert_int_eq(cw_reader_next(rd, &rec), CW_END);
	cw_reader_free(rd);
	cw_options_free(opt);
}
END_TEST

START_TEST(test_unit_size_limit)
{
	cw_options *opt = cw_options_new();
	cw_options_set_max_unit_bytes(opt, 16);
	cw_record *rec = cw_parse(opt, sample, strlen(sample), "big.txt");
	ck_assert_str_eq(cw_record_kind(rec), "error");
	ck_assert(has_diag(rec, "LIMIT_UNIT_SIZE"));
	ck_assert_int_eq(cw_value_int(cw_value_get(cw_record_root(rec), "source.bytes")),
			 (int64_t)strlen(sample));
	cw_record_free(rec);
	cw_options_free(opt);
}
END_TEST

START_TEST(test_item_limit)
{
	/* 50 addressees with a limit of 10: ten kept, one diagnostic. */
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap);
	n += (size_t)snprintf(buf + n, cap - n, "R 010000Z JAN 08\nFM AMEMBASSY X\nTO AMEMBASSY T0\n");
	for (int i = 1; i < 50; i++)
		n += (size_t)snprintf(buf + n, cap - n, "AMEMBASSY T%d\n", i);
	cw_options *opt = cw_options_new();
	cw_options_set_max_items(opt, 10);
	cw_record *rec = cw_parse(opt, buf, n, "many.txt");
	ck_assert_uint_eq(cw_value_count(cw_value_get(cw_record_root(rec), "routing.to")), 10);
	ck_assert(has_diag(rec, "LIMIT_ITEMS"));
	cw_record_free(rec);
	cw_options_free(opt);
	free(buf);
}
END_TEST

START_TEST(test_forced_form)
{
	/* Markdown link syntax read as plain text when the form is forced. */
	const char *md = "R 010000Z JAN 08\nFM [AMEMBASSY X](#)\n";
	cw_record *rec = parse_buf(md, strlen(md), "x", CW_FORM_TEXT);
	ck_assert_str_eq(rec_str(rec, "source.format"), "text");
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "[AMEMBASSY X](#)");
	cw_record_free(rec);
	rec = parse_buf(md, strlen(md), "x", CW_FORM_MARKDOWN);
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY X");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_names)
{
	ck_assert_int_eq(cw_form_from_name("wikileaks-html"), CW_FORM_WIKILEAKS_HTML);
	ck_assert_int_eq(cw_form_from_name("nope"), -1);
	ck_assert_str_eq(cw_form_name(CW_FORM_MARKDOWN), "markdown");
	ck_assert_int_eq(cw_format_from_name("jsonl"), CW_FORMAT_JSONL);
	ck_assert_str_eq(cw_version(), CW_VERSION);
}
END_TEST

/* Inputs that fail below the parser still give a record, of kind error, located in the input. */
START_TEST(test_input_failed_records)
{
	cw_options *opt = cw_options_new();
	cw_record *rec = cw_record_input_failed(opt, "missing.txt", CW_FORM_AUTO, 0, 0, 1,
						"No such file or directory");
	ck_assert_ptr_nonnull(rec);
	ck_assert_str_eq(cw_record_kind(rec), "error");
	ck_assert(has_diag(rec, "INPUT_UNREADABLE"));
	ck_assert_uint_eq(cw_record_count_at_least(rec, CW_ERROR), 1);
	ck_assert_int_eq(cw_value_type(cw_value_get(cw_record_root(rec), "source.format")), CW_NULL);
	ck_assert_str_eq(rec_str(rec, "source.path"), "missing.txt");
	ck_assert_ptr_nonnull(strstr(cw_record_diag(rec, 0)->message, "No such file"));
	cw_record_free(rec);

	rec = cw_record_input_failed(opt, "a.tar/b.csv", CW_FORM_CABLES_CSV, 7, 12345, 0,
				     "Truncated tar archive");
	ck_assert(has_diag(rec, "INPUT_READ_ERROR"));
	ck_assert_str_eq(rec_str(rec, "source.format"), "cables-csv");
	ck_assert_int_eq(cw_value_int(cw_value_get(cw_record_root(rec), "source.index")), 7);
	ck_assert_int_eq(cw_value_int(cw_value_get(cw_record_root(rec), "source.offset")), 12345);
	ck_assert_ptr_nonnull(strstr(cw_record_diag(rec, 0)->message, "byte 12345"));
	cw_record_free(rec);
	cw_options_free(opt);
}
END_TEST

/* The binary sniff skips printable ASCII a block at a time: its answer is the one of the plain
 * byte-by-byte count (kept here as the reference) on text, UTF-8, control bytes, NULs and
 * damaged sequences mixed in every proportion, at lengths around the block sizes and past the
 * 64 KiB sample. */
static size_t ref_utf8_len(const unsigned char *p, size_t n)
{
	size_t len = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
	if (!len || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

static int ref_looks_binary(const unsigned char *p, size_t len)
{
	size_t n = len < 65536 ? len : 65536, odd = 0, counted = 0;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		if (c == 0) {
			i++;
			continue;
		}
		counted++;
		if (c < 0x80) {
			odd += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
			i++;
			continue;
		}
		size_t l = ref_utf8_len(p + i, n - i);
		i += l ? l : 1;
		odd += !l;
	}
	return counted >= 1024 && odd * 4 > counted;
}

START_TEST(test_binary_sniff_agrees_with_byte_by_byte)
{
	enum { MAX = 70000 };
	unsigned char *buf = malloc(MAX);
	ck_assert_ptr_nonnull(buf);
	static const char *const utf8[] = { "\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x93\x9c",
					    "\xc3", "\xe2\x80", "\x80" };
	const size_t lengths[] = { 0, 7, 15, 16, 17, 1023, 1024, 1500, 4099, 65535, 65536, MAX };
	unsigned seed = 15, binary = 0, text = 0;
	for (unsigned odd_per_256 = 0; odd_per_256 <= 160; odd_per_256 += 8) {
		for (size_t k = 0; k < sizeof lengths / sizeof *lengths; k++) {
			size_t n = 0, len = lengths[k];
			while (n < len) {
				seed = seed * 1103515245u + 12345u;
				unsigned r = (seed >> 8) & 0xff, pick = (seed >> 16) & 0xff;
				if (r < odd_per_256 / 2)
					buf[n++] = (unsigned char)(pick % 0x20); /* controls, NUL */
				else if (r < odd_per_256) {
					const char *u = utf8[pick % 6];
					for (size_t j = 0; u[j] && n < len; j++)
						buf[n++] = (unsigned char)u[j];
				} else if (r < odd_per_256 + 8)
					buf[n++] = (unsigned char)(pick < 128 ? 0x7f : pick);
				else
					buf[n++] = (unsigned char)(0x20 + pick % 0x5f);
			}
			int want = ref_looks_binary(buf, len);
			ck_assert_int_eq(input_looks_binary((const char *)buf, len), want);
			binary += want;
			text += !want;
		}
	}
	/* Odd bytes only at the end, after plain text: the sniff stops reading early only when
	 * what is left could not change its answer. */
	for (unsigned tail = 1; tail <= 16; tail++) {
		size_t len = 65536, from = len - len * tail / 32;
		for (size_t i = 0; i < len; i++)
			buf[i] = (unsigned char)(i < from ? 'a' + i % 26 : 0x01 + i % 8);
		buf[from / 2] = '\n';
		int want = ref_looks_binary(buf, len);
		ck_assert_int_eq(input_looks_binary((const char *)buf, len), want);
		binary += want;
		text += !want;
	}
	/* Both answers were asked for. */
	ck_assert_uint_gt(binary, 20);
	ck_assert_uint_gt(text, 20);
	free(buf);
}
END_TEST

Suite *suite_reader(void)
{
	Suite *s = suite_create("reader");
	TCase *tc = tcase_create("reader");
	tcase_add_test(tc, test_chunk_sizes_agree);
	tcase_add_test(tc, test_adopted_buffer_agrees_with_feeding);
	tcase_add_test(tc, test_binary_sniff_agrees_with_byte_by_byte);
	tcase_add_test(tc, test_empty_input_yields_one_error_record);
	tcase_add_test(tc, test_unit_size_limit);
	tcase_add_test(tc, test_item_limit);
	tcase_add_test(tc, test_forced_form);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_input_failed_records);
	suite_add_tcase(s, tc);
	return s;
}
