/* emitters/csv.c and emitters/text.c: RFC 4180 fields, formula safety, the flat table and its
 * companion tables, clean text. */
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "emitters/sink.h"

typedef struct membuf {
	char *p;
	size_t n, cap;
} membuf;

static int mem_write(void *ctx, const char *p, size_t len)
{
	membuf *m = ctx;
	if (m->n + len + 1 > m->cap) {
		m->cap = (m->n + len + 1) * 2;
		m->p = realloc(m->p, m->cap);
	}
	memcpy(m->p + m->n, p, len);
	m->n += len;
	m->p[m->n] = '\0';
	return 0;
}

static const struct {
	const char *in;
	size_t len;
	const char *out;
} field_cases[] = {
	{ "plain", 5, "plain" },
	{ "", 0, "" },
	{ "a,b", 3, "\"a,b\"" },
	{ "say \"hi\"", 8, "\"say \"\"hi\"\"\"" },
	{ "two\nlines", 9, "\"two\nlines\"" },
	/* a spreadsheet would run these */
	{ "=SUM(A1:A9)", 11, "\"'=SUM(A1:A9)\"" },
	{ "+1", 2, "\"'+1\"" },
	{ "-2", 2, "\"'-2\"" },
	{ "@cmd", 4, "\"'@cmd\"" },
	{ "a=b", 3, "a=b" },
	/* invalid UTF-8 becomes U+FFFD; other C0 controls go */
	{ "a\xe9z", 3, "a\xef\xbf\xbdz" },
	{ "bell\x07", 5, "bell" },
	{ "caf\xc3\xa9", 5, "caf\xc3\xa9" },
};

START_TEST(test_csv_field)
{
	sink *s = malloc(sizeof *s);
	membuf m = { NULL, 0, 0 };
	sink_init(s, mem_write, &m);
	sink_csv_field(s, field_cases[_i].in, field_cases[_i].len);
	ck_assert_int_eq(sink_flush(s), 0);
	ck_assert_str_eq(m.p ? m.p : "", field_cases[_i].out);
	free(m.p);
	free(s);
}
END_TEST

static char *emit(cw_format f, const char *input, const char *name)
{
	cw_record *rec = parse_str(input, name);
	membuf m = { NULL, 0, 0 };
	cw_emitter *em = cw_emitter_new(f, mem_write, &m, 0);
	ck_assert_int_eq(cw_emit(em, rec), 0);
	ck_assert_int_eq(cw_emitter_finish(em), 0);
	cw_emitter_free(em);
	cw_record_free(rec);
	return m.p;
}

static const char *cable = "R 010000Z JAN 08\nFM AMEMBASSY PORTVILLE\nTO SECSTATE WASHDC 0001\n"
			   "INFO AMEMBASSY HARBORTON 0002\n\n"
			   "C O N F I D E N T I A L PORTVILLE 000017\n\nE.O. 12958: DECL: 01/01/2018\n"
			   "TAGS: PREL, PGOV\nSUBJECT: =CMD A TEST, WITH A COMMA\n\n"
			   "1. (C) First, \"quoted\".\n\n2. (U) Second.\n";

/* The number of fields in a CSV line that has no quoted line ends. */
static int fields(const char *line)
{
	int n = 1, q = 0;
	for (const char *p = line; *p && *p != '\r'; p++) {
		if (*p == '"')
			q = !q;
		else if (*p == ',' && !q)
			n++;
	}
	return n;
}

START_TEST(test_flat_row)
{
	char *out = emit(CW_FORMAT_CSV, cable, "x.txt");
	char *row = strstr(out, "\r\n");
	ck_assert_ptr_nonnull(row);
	*row = '\0';
	row += 2;
	/* header and row have the same number of fields; CRLF ends each */
	ck_assert_int_eq(fields(out), fields(row));
	ck_assert_ptr_nonnull(strstr(row, "08PORTVILLE17"));
	ck_assert_ptr_nonnull(strstr(row, ",PREL | PGOV,"));
	ck_assert_ptr_nonnull(strstr(row, ",\"'=CMD A TEST, WITH A COMMA\","));
	ck_assert_ptr_nonnull(strstr(row, "First, \"\"quoted\"\".\n\nSecond."));
	ck_assert_ptr_nonnull(strstr(row, "\r\n"));
	free(out);
}
END_TEST

START_TEST(test_companion_tables)
{
	char *to = emit(CW_FORMAT_CSV_RECIPIENTS, cable, "x.txt");
	ck_assert_str_eq(to, "key,role,index,ri,address,office,precedence,mcn\r\n"
			     "08PORTVILLE17,to,0,,SECSTATE WASHDC,,,0001\r\n"
			     "08PORTVILLE17,info,0,,AMEMBASSY HARBORTON,,,0002\r\n"
			     "08PORTVILLE17,from,0,,AMEMBASSY PORTVILLE,,,\r\n");
	free(to);
	char *tags = emit(CW_FORMAT_CSV_TAGS, cable, "x.txt");
	ck_assert_str_eq(tags, "key,index,value,kind\r\n08PORTVILLE17,0,PREL,subject\r\n"
			       "08PORTVILLE17,1,PGOV,subject\r\n");
	free(tags);
	/* a record without an id is keyed by where it came from */
	char *by = emit(CW_FORMAT_CSV_BYLINES,
			"Harbor board raises dock rates\n\nBy Ana Example and Ben Sample\n\n"
			"The harbor board raised dock rates by five percent on Tuesday, citing repairs.\n",
			"story.txt");
	ck_assert_str_eq(by, "key,index,name,title,affiliation\r\nstory.txt#0,0,Ana Example,,\r\n"
			     "story.txt#0,1,Ben Sample,,\r\n");
	free(by);
}
END_TEST

START_TEST(test_clean_text)
{
	char *out = emit(CW_FORMAT_TEXT, cable, "x.txt");
	ck_assert_ptr_nonnull(strstr(out, "08PORTVILLE17\n010000Z JAN 08\nFM AMEMBASSY PORTVILLE\n"));
	ck_assert_ptr_nonnull(strstr(out, "TAGS: PREL, PGOV\nSUBJECT: =CMD A TEST, WITH A COMMA\n"));
	ck_assert_ptr_nonnull(strstr(out, "\n1. (C) First, \"quoted\".\n\n2. (U) Second.\n"));
	free(out);
}
END_TEST

Suite *suite_csv(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("fields");
	tcase_add_loop_test(tc, test_csv_field, 0, sizeof field_cases / sizeof *field_cases);
	suite_add_tcase(s, tc);
	TCase *rows = tcase_create("records");
	tcase_add_test(rows, test_flat_row);
	tcase_add_test(rows, test_companion_tables);
	tcase_add_test(rows, test_clean_text);
	suite_add_tcase(s, rows);
	return s;
}
