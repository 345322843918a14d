/* lexer/input/forms.re: detection of the input form and decoding into telegram text. */
#include <string.h>

#include "check_helpers.h"
#include "lexer/input/forms.h"

static const struct {
	const char *input;
	cw_form form;
} detect_cases[] = {
	{ "<?xml version='1.0'?>\n<!DOCTYPE html>\n<html><body><pre>x</pre></body></html>", CW_FORM_WIKILEAKS_HTML },
	{ "<code><pre>C O N F I D E N T I A L", CW_FORM_BODY_TEXT },
	{ "\"12\",\"2/26/2006 13:25\",\"06X728\",\"Embassy X\",\"UNCLASSIFIED\",\"\",\"\",\"\"\n", CW_FORM_CABLES_CSV },
	{ "12,2/26/2006 13:25,06X728,x\n", CW_FORM_CABLES_CSV },
	{ "R 010000Z JAN 08\r\nFM AMEMBASSY CAF\xc9\r\n", CW_FORM_PDF_TEXT },
	{ "VZCZCXYZ0000\nOO RUEHWEB\n\nTAGS: [KPAL](#) [PREL](#)\n", CW_FORM_MARKDOWN },
	{ "VZCZCXYZ0000\nOO RUEHWEB\nDE RUEHDM #0728 0571325\n", CW_FORM_TEXT },
	{ "", CW_FORM_TEXT },
};

START_TEST(test_detect)
{
	const char *in = detect_cases[_i].input;
	ck_assert_int_eq(form_detect(in, strlen(in)), detect_cases[_i].form);
}
END_TEST

/* The decoded text of a record, through the public API: the classification "raw" field is a
 * line of it. */
START_TEST(test_html_entities_and_anchors)
{
	const char *page =
		"<html><body><table class='cable'><tr><th>Reference ID</th></tr>"
		"<tr><td><a href='/x'>08EXAMPLE1</a></td></tr></table>"
		"<code><pre>R 010000Z JAN 08&#x000A;FM AMEMBASSY X&#x000A;TO SECSTATE WASHDC 0001</pre></code>"
		"<code><pre>UNCLAS EXAMPLE 000001&#x000A;&#x000A;TAGS: <a href='/tag/PREL_0.html'>PREL</a>"
		"&#x000A;<a id='par1' href='#par1'>\xc2\xb6</a>1. R&D; costs &lt;5%</pre></code></body></html>";
	cw_record *rec = parse_str(page, "page.html");
	ck_assert_str_eq(rec_str(rec, "source.format"), "wikileaks-html");
	ck_assert_str_eq(rec_str(rec, "wikileaks.reference_id"), "08EXAMPLE1");
	ck_assert_str_eq(rec_str(rec, "classification.raw"), "UNCLAS EXAMPLE 000001");
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY X");
	ck_assert_str_eq(rec_str(rec, "id"), "08EXAMPLE1");
	ck_assert_uint_eq(cw_record_diag_count(rec), 0);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_markdown_links_and_escapes)
{
	const char *md = "R 010000Z JAN 08\nFM AMEMBASSY X\\_Y\nTO SECSTATE WASHDC 0001\n\n"
			 "UNCLAS EXAMPLE 000001\n\nTAGS: [PREL](#) [KPAL](#)\n";
	cw_record *rec = parse_str(md, "page.md");
	ck_assert_str_eq(rec_str(rec, "source.format"), "markdown");
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY X_Y");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_crlf_bom_and_controls)
{
	const char *txt = "\xef\xbb\xbfR 010000Z JAN 08\r\nFM AMEMBASSY X\x01Y\r\nTO SECSTATE WASHDC 0001\r\n"
			  "BT\r\nUNCLAS EXAMPLE 000001\r\n";
	cw_record *rec = parse_str(txt, "crlf.txt");
	ck_assert_str_eq(rec_str(rec, "routing.dtg"), "2008-01-01T00:00:00Z");
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY X Y");
	ck_assert(has_diag(rec, "ENC_CONTROL_CHAR"));
	ck_assert_str_eq(rec_str(rec, "id"), "08EXAMPLE1");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_invalid_utf8_is_replaced_and_located)
{
	/* UTF-8 text (the e-acute) with one stray byte: the byte is replaced, located. */
	const char txt[] = "R 010000Z JAN 08\nFM AMEMBASSY CAF\xc3\xa9 \xe9\nTO SECSTATE WASHDC 0001\n";
	cw_record *rec = parse_buf(txt, sizeof txt - 1, "mixed.txt", CW_FORM_AUTO);
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY CAF\xc3\xa9 \xef\xbf\xbd");
	const cw_diag *d = NULL;
	for (size_t i = 0; i < cw_record_diag_count(rec); i++)
		if (!strcmp(cw_record_diag(rec, i)->code, "ENC_INVALID_UTF8"))
			d = cw_record_diag(rec, i);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(d->line, 2);
	ck_assert_uint_eq(d->column, 20);
	ck_assert_uint_eq(d->offset, 36);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_latin1_converted)
{
	/* No UTF-8 at all: Windows-1252, converted, with a note; the pilcrow byte before a
	 * paragraph number is dropped like the UTF-8 one. */
	const char txt[] = "R 010000Z JAN 08\r\nFM AMEMBASSY CAF\xc9\r\nTO SECSTATE WASHDC 0001\r\nBT\r\n"
			   "UNCLAS X 000001\r\n\r\n\xb6" "1. (U) Caf\xe9 \x93quoted\x94.\r\n";
	cw_record *rec = parse_buf(txt, sizeof txt - 1, "latin1.txt", CW_FORM_AUTO);
	ck_assert_str_eq(rec_str(rec, "source.format"), "pdf-text");
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY CAF\xc3\x89");
	const cw_value *p = cw_value_get(cw_record_root(rec), "paragraphs");
	ck_assert_uint_eq(cw_value_count(p), 1);
	size_t n;
	const char *t = cw_value_string(cw_value_get(cw_value_at(p, 0), "text"), &n);
	ck_assert(n == strlen("Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d.") &&
		  !memcmp(t, "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d.", n));
	ck_assert(has_diag(rec, "ENC_CP1252"));
	ck_assert(!has_diag(rec, "ENC_INVALID_UTF8"));
	cw_record_free(rec);
}
END_TEST

START_TEST(test_nul_bytes_removed)
{
	const char txt[] = "R 010000Z JAN 08\nFM AMEMBASSY\0 X\nTO SECSTATE WASHDC 0001\n";
	cw_record *rec = parse_buf(txt, sizeof txt - 1, "nul.txt", CW_FORM_AUTO);
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY X");
	ck_assert(has_diag(rec, "ENC_NUL_BYTE"));
	cw_record_free(rec);
}
END_TEST

/* Reuters-21578's own elements: plain ones are read straight from the input, the rest through
 * the decoder; both give the same strings (blanks trimmed at the ends, items a line each, empty
 * items dropped, entities decoded). */
static const struct {
	const char *date, *places;     /* the elements' content as written */
	const char *date_raw, *joined; /* reuters.date_raw, reuters.places joined by "|" */
} sgml_list_cases[] = {
	{ "26-FEB-1987 15:01:01.79", "<D>usa</D><D>uk</D>", "26-FEB-1987 15:01:01.79", "usa|uk" },
	{ " 26-FEB-1987 15:01:01.79 ", "<D>west germany</D>", "26-FEB-1987 15:01:01.79", "west germany" },
	{ "26-FEB-1987", "<D> usa</D>", "26-FEB-1987", "usa" },
	{ "26-FEB-1987", "<D>usa </D><D>uk</D>", "26-FEB-1987", "usa |uk" },
	{ "26-FEB-1987", "<D></D><D>uk</D>", "26-FEB-1987", "uk" },
	{ "26-FEB-1987", "<D>a&amp;b</D><D>c</D>", "26-FEB-1987", "a&b|c" },
	{ "26-FEB-1987", "<D>usa</D>\n<D>uk</D>", "26-FEB-1987", "usa|uk" },
	{ "26-FEB&amp;1987", "<D>usa</D><X>uk</X>", "26-FEB&1987", "usa|uk" },
	{ "26-FEB-1987", "<D>a\\b</D>", "26-FEB-1987", "a\\b" },
};

START_TEST(test_reuters_sgml_elements)
{
	char in[512];
	snprintf(in, sizeof in,
		 "<REUTERS NEWID=\"1\">\n<DATE>%s</DATE>\n<PLACES>%s</PLACES>\n"
		 "<TEXT><TITLE>ONE</TITLE><BODY>One.</BODY></TEXT>\n</REUTERS>\n",
		 sgml_list_cases[_i].date, sgml_list_cases[_i].places);
	cw_record *rec = parse_buf(in, strlen(in), "x.sgm", CW_FORM_AUTO);
	ck_assert_str_eq(rec_str(rec, "reuters.date_raw"), sgml_list_cases[_i].date_raw);
	const cw_value *places = cw_value_get(cw_record_root(rec), "reuters.places");
	char joined[128] = "";
	for (size_t i = 0; i < cw_value_count(places); i++) {
		size_t n;
		const char *p = cw_value_string(cw_value_at(places, i), &n);
		ck_assert_ptr_nonnull(p);
		snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%.*s", i ? "|" : "",
			 (int)n, p);
	}
	ck_assert_str_eq(joined, sgml_list_cases[_i].joined);
	cw_record_free(rec);
}
END_TEST

Suite *suite_forms(void)
{
	Suite *s = suite_create("forms");
	TCase *tc = tcase_create("detect");
	tcase_add_loop_test(tc, test_detect, 0, sizeof detect_cases / sizeof *detect_cases);
	suite_add_tcase(s, tc);
	TCase *dec = tcase_create("decode");
	tcase_add_test(dec, test_html_entities_and_anchors);
	tcase_add_test(dec, test_markdown_links_and_escapes);
	tcase_add_test(dec, test_crlf_bom_and_controls);
	tcase_add_test(dec, test_invalid_utf8_is_replaced_and_located);
	tcase_add_test(dec, test_latin1_converted);
	tcase_add_test(dec, test_nul_bytes_removed);
	tcase_add_loop_test(dec, test_reuters_sgml_elements, 0,
			    sizeof sgml_list_cases / sizeof *sgml_list_cases);
	suite_add_tcase(s, dec);
	return s;
}
