/* grammar/cable/header.y + parser/cable/routing.c: the routing header as a whole. */
#include <string.h>

#include "check_helpers.h"

START_TEST(test_time_of_file_crosses_new_year)
{
	/* Filed on day 365 of 2008, DTG on 1 January 2009. */
	const char *t = "VZCZCXRO0001\nOO RUEHXY\nDE RUEHXY #0001 3652350\nZNY UUUUU ZZH\n"
			"O 010005Z JAN 09\nFM AMEMBASSY X\nTO RUEHC/SECSTATE WASHDC 0001\n";
	cw_record *rec = parse_str(t, "t.txt");
	ck_assert_str_eq(rec_str(rec, "routing.originator.filed.iso"), "2008-12-30T23:50:00Z");
	ck_assert_str_eq(rec_str(rec, "routing.dtg"), "2009-01-01T00:05:00Z");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_leap_year_day)
{
	const char *t = "DE RUEHXY #0001 0601200\nO 291200Z FEB 08\nFM AMEMBASSY X\n";
	cw_record *rec = parse_str(t, "t.txt");
	ck_assert_str_eq(rec_str(rec, "routing.originator.filed.iso"), "2008-02-29T12:00:00Z");
	ck_assert_str_eq(rec_str(rec, "routing.dtg"), "2008-02-29T12:00:00Z");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_partial_extract_banner)
{
	const char *t = "This record is a partial extract of the original cable. The full text of the "
			"original cable is not available.\n\n151727Z Apr 04\n";
	cw_record *rec = parse_str(t, "t.txt");
	ck_assert(cw_value_bool(cw_value_get(cw_record_root(rec), "routing.partial_extract")));
	ck_assert_str_eq(rec_str(rec, "routing.dtg"), "2004-04-15T17:27:00Z");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_preamble_addressing_kept_apart)
{
	/* An e-mail preamble and a quoted FM block before the real header. */
	const char *t = "From: CBPC, EXAMPLE [x@example.org]\nSent: Friday\n\nFM AMEMBASSY QUOTED\n"
			"TO AMEMBASSY ALSO QUOTED\n\nVZCZCXRO0002\nOO RUEHXY\nDE RUEHXY #0002 0011200\n"
			"ZNY UUUUU ZZH\nO 011200Z JAN 09\nFM AMEMBASSY REAL\nTO RUEHC/SECSTATE WASHDC 0002\n";
	cw_record *rec = parse_str(t, "t.txt");
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY REAL");
	ck_assert_str_eq(rec_str(rec, "routing.preamble_addressing.from.address"), "AMEMBASSY QUOTED");
	ck_assert_uint_eq(cw_value_count(cw_value_get(cw_record_root(rec), "routing.to")), 1);
	ck_assert(has_diag(rec, "HDR_PREAMBLE_ADDRESSING"));
	cw_record_free(rec);
}
END_TEST

START_TEST(test_page_break_lines_dropped)
{
	const char *t = "R 010000Z JAN 88\nFM AMEMBASSY X\nTO SECSTATE WASHDC 0001\nINFO AMEMBASSY A\n"
			"PAGE 02 X 00001 010000Z\nAMEMBASSY B\n";
	cw_record *rec = parse_str(t, "t.txt");
	const cw_value *info = cw_value_get(cw_record_root(rec), "routing.info");
	ck_assert_uint_eq(cw_value_count(info), 2);
	size_t n;
	const char *b = cw_value_string(cw_value_get(cw_value_at(info, 1), "address"), &n);
	ck_assert(n == 11 && memcmp(b, "AMEMBASSY B", n) == 0);
	ck_assert_int_eq(cw_value_int(cw_value_get(cw_record_root(rec), "routing.page_lines")), 1);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_header_ends_at_body)
{
	/* Plain text: the lexer finds where the body starts (blank line, then a classification
	 * line), so body lines never become addressees. */
	const char *t = "R 010000Z JAN 08\nFM AMEMBASSY X\nTO SECSTATE WASHDC 0001\nINFO AMEMBASSY A\n\n"
			"C O N F I D E N T I A L X 000001\n\nSUBJECT: NOT AN ADDRESSEE\n";
	cw_record *rec = parse_str(t, "t.txt");
	ck_assert_uint_eq(cw_value_count(cw_value_get(cw_record_root(rec), "routing.info")), 1);
	ck_assert_str_eq(rec_str(rec, "classification.level"), "CONFIDENTIAL");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_office_distribution_lines)
{
	const char *t = "ACTION AF-00\n\nINFO  LOG-00   NP-00    ACQ-00\n      DS-00    EUR-00     /006W\n"
			"R 010000Z JAN 00\nFM AMEMBASSY X\nTO SECSTATE WASHDC 0001\n";
	cw_record *rec = parse_str(t, "t.txt");
	const cw_value *dist = cw_value_get(cw_record_root(rec), "routing.distribution");
	ck_assert_uint_eq(cw_value_count(cw_value_get(dist, "action")), 1);
	ck_assert_uint_eq(cw_value_count(cw_value_get(dist, "info")), 5);
	ck_assert_str_eq(rec_str(rec, "routing.distribution.total"), "/006W");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_unknown_group_level)
{
	const char *t = "ZNY QQQQQ ZZH\nO 010000Z JAN 08\nFM AMEMBASSY X\n";
	cw_record *rec = parse_str(t, "t.txt");
	ck_assert(has_diag(rec, "HDR_GROUP_UNKNOWN"));
	ck_assert_int_eq(cw_value_type(cw_value_get(cw_record_root(rec), "routing.security.level")), CW_NULL);
	cw_record_free(rec);
}
END_TEST

Suite *suite_routing(void)
{
	Suite *s = suite_create("routing");
	TCase *tc = tcase_create("header");
	tcase_add_test(tc, test_time_of_file_crosses_new_year);
	tcase_add_test(tc, test_leap_year_day);
	tcase_add_test(tc, test_partial_extract_banner);
	tcase_add_test(tc, test_preamble_addressing_kept_apart);
	tcase_add_test(tc, test_page_break_lines_dropped);
	tcase_add_test(tc, test_header_ends_at_body);
	tcase_add_test(tc, test_office_distribution_lines);
	tcase_add_test(tc, test_unknown_group_level);
	suite_add_tcase(s, tc);
	return s;
}
