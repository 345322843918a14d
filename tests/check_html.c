/* article-html: the encoding a saved page is read in (parser/input/html_charset.c), its bytes as
 * UTF-8, and the detection that tells a news page from a WikiLeaks cable page
 * (lexer/input/forms.re), the dates pages write (lexer/input/page_date.re). The extraction itself is tested by the golden pages
 * (testdata/articles/valid/html-*) and scored on real pages by make corpus-check. */
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "lexer/input/forms.h"
#include "lexer/input/page_date.h"
#include "parser/input/html_charset.h"
#include "parser/input/html_page.h"

static const struct {
	const char *page, *transport;
	int charset;
	const char *from;
} sniff_cases[] = {
	/* a byte-order mark says UTF-8 whatever the page or the transport says */
	{ "\xef\xbb\xbf<html><head><meta charset=\"iso-8859-1\">", "windows-1252", HC_UTF8, "bom" },
	/* the transport's charset before the page's own */
	{ "<html><head><meta charset=\"utf-8\">", "ISO-8859-1", HC_CP1252, "transport" },
	{ "<html><head><meta charset=\"iso-8859-1\">", NULL, HC_CP1252, "meta" },
	{ "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">",
	  NULL, HC_CP1252, "meta" },
	{ "<html><head><meta charset='UTF-8'/>", NULL, HC_UTF8, "meta" },
	{ "<html><head><meta charset=shift_jis>", NULL, HC_OTHER, "meta" },
	/* a charset named in the body (an article about encodings) is no declaration */
	{ "<html><body><meta charset=\"iso-8859-1\"><p>caf\xc3\xa9</p>", NULL, HC_UTF8, "sniff" },
	/* undeclared: UTF-8 when the bytes are, else windows-1252 */
	{ "<html><body><p>caf\xc3\xa9</p>", NULL, HC_UTF8, "sniff" },
	{ "<html><body><p>caf\xe9 \x93quoted\x94</p>", NULL, HC_CP1252, "sniff" },
	/* an empty transport label says nothing */
	{ "<html><head><meta charset=\"iso-8859-1\">", "", HC_CP1252, "meta" },
};

START_TEST(test_sniff)
{
	char label[64];
	const char *page = sniff_cases[_i].page;
	html_encoding e = html_sniff_encoding(page, strlen(page), sniff_cases[_i].transport, label,
					      sizeof label);
	ck_assert_int_eq(e.charset, sniff_cases[_i].charset);
	ck_assert_str_eq(e.from, sniff_cases[_i].from);
	ck_assert_uint_eq(e.skip, !strcmp(sniff_cases[_i].from, "bom") ? 3 : 0);
}
END_TEST

static const struct {
	const char *in;
	int charset;
	const char *out;
	long converted;
} utf8_cases[] = {
	{ "caf\xe9", HC_CP1252, "caf\xc3\xa9", 1 },
	/* windows-1252's 0x80-0x9F: quotes, dash, euro */
	{ "\x93hi\x94 \x96 \x80", HC_CP1252, "\xe2\x80\x9chi\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac", 4 },
	/* UTF-8 kept; a stray windows-1252 byte in it read as windows-1252 */
	{ "caf\xc3\xa9 city\x92s", HC_UTF8, "caf\xc3\xa9 city\xe2\x80\x99s", 1 },
	/* a sequence cut at the end is not UTF-8 */
	{ "ab\xc3", HC_UTF8, "ab\xc3\x83", 1 },
	{ "plain ASCII text, long enough for the eight-byte steps", HC_CP1252,
	  "plain ASCII text, long enough for the eight-byte steps", 0 },
};

START_TEST(test_to_utf8)
{
	char *out = NULL;
	size_t n = 0;
	const char *in = utf8_cases[_i].in;
	long c = html_to_utf8(in, strlen(in), utf8_cases[_i].charset, &out, &n);
	ck_assert_int_eq(c, utf8_cases[_i].converted);
	ck_assert_uint_eq(n, strlen(utf8_cases[_i].out));
	ck_assert_str_eq(out, utf8_cases[_i].out);
	ck_assert(html_valid_utf8(out, n));
	free(out);
}
END_TEST

START_TEST(test_valid_utf8)
{
	ck_assert(html_valid_utf8("abc \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 15));
	ck_assert(!html_valid_utf8("\xc0\xaf", 2));         /* overlong */
	ck_assert(!html_valid_utf8("\xe2\x82", 2));         /* cut */
	ck_assert(!html_valid_utf8("12345678\xe9", 9));     /* after an ASCII run */
	ck_assert(html_valid_utf8("", 0));
}
END_TEST

static const struct {
	const char *input;
	cw_form form;
} page_cases[] = {
	{ "<!DOCTYPE html>\n<html><head><title>Harbour cranes idle</title></head><body><p>Text.</p>",
	  CW_FORM_ARTICLE_HTML },
	{ "\xef\xbb\xbf  <html lang=\"en\"><body><article><p>Text.</p></article>", CW_FORM_ARTICLE_HTML },
	/* a news page with a code sample in <pre>: its metadata says news */
	{ "<html><head><meta property=\"og:title\" content=\"x\"></head><body><pre>code</pre>",
	  CW_FORM_ARTICLE_HTML },
	/* WikiLeaks pages: the cable viewer's title, the cable table, a <pre> telegram */
	{ "<!DOCTYPE html>\n<html><head><title>Cable Viewer</title></head><body><p>lost</p>",
	  CW_FORM_WIKILEAKS_HTML },
	{ "<html><body><table class='cable'><tr><td>x</td></tr></table>", CW_FORM_WIKILEAKS_HTML },
	{ "<html><body><pre>R 010000Z JAN 08\nFM AMEMBASSY X</pre>", CW_FORM_WIKILEAKS_HTML },
	/* a text that mentions <BODY> further on (a collection's README) stays as it was read */
	{ "This collection marks each story up:\n  <BODY>, </BODY>: the main text\n", CW_FORM_WIKILEAKS_HTML },
};

START_TEST(test_page_form)
{
	const char *in = page_cases[_i].input;
	ck_assert_int_eq(form_detect(in, strlen(in)), page_cases[_i].form);
}
END_TEST

START_TEST(test_form_name)
{
	ck_assert_str_eq(cw_form_name(CW_FORM_ARTICLE_HTML), "article-html");
	ck_assert_int_eq(cw_form_from_name("article-html"), CW_FORM_ARTICLE_HTML);
}
END_TEST

static const struct {
	const char *in, *iso;
} date_cases[] = {
	{ "Thu, 21 Dec 2023 09:45:16 PST", "2023-12-21T09:45:16-08:00" },
	{ "Dec. 17, 2023 5:04 p.m. ET", "2023-12-17T17:04:00" },      /* ET: EST or EDT */
	{ "December 20, 2023", "2023-12-20" },
	{ "Published: 20 December 2023", "2023-12-20" },
	{ "2023-12-24 00:40:00 EST", "2023-12-24T00:40:00-05:00" },
	{ "2023-12-17T10:05", "2023-12-17T10:05:00" },
	{ "2023-12-17T10:05:09.123+0530", "2023-12-17T10:05:09+05:30" },
	{ "20231222", "2023-12-22" },
	{ "Sat Dec 16 2023 10:00:00 GMT+0000 (Coordinated Universal Time)", "2023-12-16T10:00:00Z" },
	{ "12:30 am, March 3rd, 2024 UTC", "2024-03-03T00:30:00Z" },
	{ "May 1, 2023 12:00 pm CEST", "2023-05-01T12:00:00+02:00" },
	/* no whole date: no year, a day the month has not, words, nothing */
	{ "December 20", "" },
	{ "Feb 30, 2023", "" },
	{ "Mayor says the plan for 2023 is ready", "" },
	{ "", "" },
	/* a time that cannot be: the date alone */
	{ "Dec 5, 2023 13:10 pm", "2023-12-05" },
};

START_TEST(test_page_date)
{
	char out[PAGE_DATE_CAP];
	const char *in = date_cases[_i].in;
	size_t n = page_date_iso(in, strlen(in), out);
	ck_assert_uint_eq(n, strlen(date_cases[_i].iso));
	if (n)
		ck_assert_str_eq(out, date_cases[_i].iso);
}
END_TEST

static const struct {
	const char *in;
	size_t len;
} media_cases[] = {
	{ "Kayakers rescued off the glacier (video)", 32 },
	{ "Kayakers rescued off the glacier  [PHOTOS + Video]", 32 },
	{ "Kayakers rescued off the glacier (Watch)", 32 },
	/* words that are not a media marker, or no blank before the bracket: kept */
	{ "Kayakers rescued off the glacier (and why)", 42 },
	{ "Kayakers rescued off the glacier(video)", 39 },
	{ "Why the (video) ban failed", 26 },
	/* a headline that is only the marker: kept */
	{ "(video)", 7 },
	{ "", 0 },
};

START_TEST(test_headline_media_marker)
{
	ck_assert_uint_eq(html_headline_len(media_cases[_i].in), media_cases[_i].len);
}
END_TEST

Suite *suite_html(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_sniff, 0, sizeof sniff_cases / sizeof *sniff_cases);
	tcase_add_loop_test(tc, test_to_utf8, 0, sizeof utf8_cases / sizeof *utf8_cases);
	tcase_add_test(tc, test_valid_utf8);
	tcase_add_loop_test(tc, test_page_form, 0, sizeof page_cases / sizeof *page_cases);
	tcase_add_test(tc, test_form_name);
	tcase_add_loop_test(tc, test_page_date, 0, sizeof date_cases / sizeof *date_cases);
	tcase_add_loop_test(tc, test_headline_media_marker, 0, sizeof media_cases / sizeof *media_cases);
	suite_add_tcase(s, tc);
	return s;
}
