/* emitters/sink.c (XML escaping cores) + emitters/xml.c: text, attributes, element names, the
 * mapping of the value tree, the document around the records. */
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "parser/core/record.h"
#include "emitters/sink.h"

typedef struct membuf {
	char buf[8192];
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

#define FFFD "\xef\xbf\xbd"

static const struct {
	const char *in;
	size_t len;
	const char *text, *attr;
} esc_cases[] = {
	{ "plain", 5, "plain", "plain" },
	{ "a&b<c>d", 7, "a&amp;b&lt;c&gt;d", "a&amp;b&lt;c&gt;d" },
	{ "say \"x\" 'y'", 11, "say \"x\" 'y'", "say &quot;x&quot; 'y'" },
	{ "]]>", 3, "]]&gt;", "]]&gt;" },
	/* TAB and LF stay in text; CR is a reference (a parser reads a literal CR as LF). */
	{ "t\tn\nr\r", 6, "t\tn\nr&#13;", "t&#9;n&#10;r&#13;" },
	/* C0 controls XML 1.0 forbids become U+FFFD, NUL included. */
	{ "\x01\x08\x0b\x0c\x1f", 5, FFFD FFFD FFFD FFFD FFFD, FFFD FFFD FFFD FFFD FFFD },
	{ "nul\0in", 6, "nul" FFFD "in", "nul" FFFD "in" },
	/* DEL and C1 controls are XML characters: kept. */
	{ "\x7f\xc2\x85", 3, "\x7f\xc2\x85", "\x7f\xc2\x85" },
	{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	  "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80" },
	/* U+FFFE and U+FFFF are not XML characters; U+FFFD itself passes. */
	{ "\xef\xbf\xbe\xef\xbf\xbf\xef\xbf\xbd", 9, FFFD FFFD FFFD, FFFD FFFD FFFD },
	/* Invalid UTF-8: each bad byte is U+FFFD. */
	{ "a\xe9z", 3, "a" FFFD "z", "a" FFFD "z" },
	{ "\xc0\xaf", 2, FFFD FFFD, FFFD FFFD },                /* overlong */
	{ "\xed\xa0\x80", 3, FFFD FFFD FFFD, FFFD FFFD FFFD },  /* surrogate */
	{ "\xe2\x82", 2, FFFD FFFD, FFFD FFFD },                /* truncated */
	{ "\xe2\x82<", 3, FFFD FFFD "&lt;", FFFD FFFD "&lt;" }, /* truncated before a markup byte */
	{ "", 0, "", "" },
};

static void escape_into(membuf *m, const char *in, size_t len, int attr)
{
	sink *s = malloc(sizeof *s);
	ck_assert_ptr_nonnull(s);
	m->n = 0;
	m->buf[0] = '\0';
	sink_init(s, mem_write, m);
	if (attr)
		sink_xml_attr(s, in, len);
	else
		sink_xml_text(s, in, len);
	ck_assert_int_eq(sink_flush(s), 0);
	free(s);
}

START_TEST(test_xml_text_escaping)
{
	membuf m;
	escape_into(&m, esc_cases[_i].in, esc_cases[_i].len, 0);
	ck_assert_str_eq(m.buf, esc_cases[_i].text);
	escape_into(&m, esc_cases[_i].in, esc_cases[_i].len, 1);
	ck_assert_str_eq(m.buf, esc_cases[_i].attr);
}
END_TEST

/* Every byte value, alone and after a valid prefix: no forbidden control ever comes out. */
START_TEST(test_xml_text_no_c0_ever)
{
	for (int b = 0; b < 256; b++) {
		char in[4] = { 'a', (char)b, '\xc3', (char)b };
		for (int attr = 0; attr < 2; attr++) {
			membuf m;
			escape_into(&m, in, sizeof in, attr);
			for (size_t i = 0; i < m.n; i++) {
				unsigned char c = (unsigned char)m.buf[i];
				ck_assert_msg(c >= 0x20 || c == '\t' || c == '\n',
					      "byte %02x gave control %02x (attr %d)", b, c, attr);
				ck_assert_msg(!attr || (c != '\t' && c != '\n' && c != '"'),
					      "byte %02x unescaped in an attribute", b);
			}
		}
	}
}
END_TEST

static const struct {
	const char *in, *out;
} name_cases[] = {
	{ "dtg_raw", "dtg_raw" },
	{ "n", "n" },
	{ "Mixed-Case.v2", "Mixed-Case.v2" },
	{ "", "_" },
	{ "2nd", "_x32_nd" },
	{ "-x", "_x2D_x" },
	{ "a b", "a_x20_b" },
	{ "a<b>", "a_x3C_b_x3E_" },
	{ "caf\xc3\xa9", "caf_xC3__xA9_" },
};

START_TEST(test_xml_names)
{
	membuf m = { { 0 }, 0 };
	sink *s = malloc(sizeof *s);
	ck_assert_ptr_nonnull(s);
	sink_init(s, mem_write, &m);
	sink_xml_name(s, name_cases[_i].in, strlen(name_cases[_i].in));
	ck_assert_int_eq(sink_flush(s), 0);
	ck_assert_str_eq(m.buf, name_cases[_i].out);
	free(s);
}
END_TEST

/* A record whose tree has every kind of value, built directly. */
static cw_record *synthetic_record(void)
{
	char *input = malloc(1);
	ck_assert_ptr_nonnull(input);
	cw_record *rec = record_new(NULL, input, 0, 0, 1);
	ck_assert_ptr_nonnull(rec);
	arena *a = &rec->arena;
	cw_value *root = rec->root;
	obj_put_cstr(a, root, "kind", "cable");
	obj_put_cstr(a, root, "id", "07X<1>&");
	obj_put(a, root, "none", NULL);
	obj_put_cstr(a, root, "empty", "");
	obj_put_int(a, root, "count", -42);
	obj_put_bool(a, root, "yes", 1);
	obj_put_bool(a, root, "no", 0);
	cw_value *list = obj_child_array(a, root, "list");
	arr_push(a, list, val_cstr(a, "one"));
	arr_push(a, list, NULL);
	cw_value *inner = arr_push(a, list, val_array(a));
	arr_push(a, inner, val_int(a, 7));
	cw_value *o = arr_push(a, list, val_object(a));
	obj_put_cstr(a, o, "ri", "RUEHC");
	obj_child_array(a, root, "nothing");
	obj_child_object(a, root, "blank");
	obj_put_cstr(a, root, "odd key", "x");
	return rec;
}

static const char synthetic_compact[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<records xmlns=\"https://cablewire.example/ns/records/1\">\n"
	"<cable><id>07X&lt;1&gt;&amp;</id><none null=\"true\"/><empty/><count>-42</count>"
	"<yes>true</yes><no>false</no><list><item>one</item><item null=\"true\"/>"
	"<item><item>7</item></item><item><ri>RUEHC</ri></item></list><nothing/><blank/>"
	"<odd_x20_key>x</odd_x20_key></cable>\n"
	"</records>\n";

static const char synthetic_pretty[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<records xmlns=\"https://cablewire.example/ns/records/1\">\n"
	"  <cable>\n"
	"    <id>07X&lt;1&gt;&amp;</id>\n"
	"    <none null=\"true\"/>\n"
	"    <empty/>\n"
	"    <count>-42</count>\n"
	"    <yes>true</yes>\n"
	"    <no>false</no>\n"
	"    <list>\n"
	"      <item>one</item>\n"
	"      <item null=\"true\"/>\n"
	"      <item>\n"
	"        <item>7</item>\n"
	"      </item>\n"
	"      <item>\n"
	"        <ri>RUEHC</ri>\n"
	"      </item>\n"
	"    </list>\n"
	"    <nothing/>\n"
	"    <blank/>\n"
	"    <odd_x20_key>x</odd_x20_key>\n"
	"  </cable>\n"
	"</records>\n";

START_TEST(test_xml_value_mapping)
{
	cw_record *rec = synthetic_record();
	for (int pretty = 0; pretty < 2; pretty++) {
		membuf m = { { 0 }, 0 };
		cw_emitter *em = cw_emitter_new(CW_FORMAT_XML, mem_write, &m, pretty);
		ck_assert_ptr_nonnull(em);
		ck_assert_int_eq(cw_emit(em, rec), 0);
		ck_assert_int_eq(cw_emitter_finish(em), 0);
		cw_emitter_free(em);
		ck_assert_str_eq(m.buf, pretty ? synthetic_pretty : synthetic_compact);
	}
	cw_record_free(rec);
}
END_TEST

START_TEST(test_xml_format_name)
{
	ck_assert_int_eq(cw_format_from_name("xml"), CW_FORMAT_XML);
	ck_assert_str_eq(cw_format_name(CW_FORMAT_XML), "xml");
}
END_TEST

START_TEST(test_xml_empty_document)
{
	membuf m = { { 0 }, 0 };
	cw_emitter *em = cw_emitter_new(CW_FORMAT_XML, mem_write, &m, 1);
	ck_assert_int_eq(cw_emitter_finish(em), 0);
	ck_assert_str_eq(m.buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				"<records xmlns=\"https://cablewire.example/ns/records/1\">\n"
				"</records>\n");
	cw_emitter_free(em);
}
END_TEST

/* Parsed records: the element is the kind, the kind is not repeated, each record is flushed as
 * it is written. The parser already turns control characters of the text into spaces; the path
 * is the caller's bytes as given, so a control byte in it must not reach the output. */
START_TEST(test_xml_parsed_records)
{
	cw_record *cable = parse_str("R 010000Z JAN 08\nFM AMEMBASSY X\x01Y\nTO SECSTATE\x0b\n",
				     "x\x01y\x1b.txt");
	cw_record *empty = parse_str("", "empty.txt");
	ck_assert_str_eq(cw_record_kind(empty), "error");
	membuf m = { { 0 }, 0 };
	cw_emitter *em = cw_emitter_new(CW_FORMAT_XML, mem_write, &m, 0);
	ck_assert_int_eq(cw_emit(em, cable), 0);
	ck_assert_ptr_nonnull(strstr(m.buf, "<cable><id"));
	ck_assert_ptr_nonnull(strstr(m.buf, "</cable>"));
	ck_assert_ptr_null(strstr(m.buf, "<kind>"));
	ck_assert_int_eq(cw_emit(em, empty), 0);
	ck_assert_ptr_nonnull(strstr(m.buf, "\n<error><id null=\"true\"/>"));
	ck_assert_int_eq(cw_emitter_finish(em), 0);
	cw_emitter_free(em);
	for (size_t i = 0; i < m.n; i++) {
		unsigned char c = (unsigned char)m.buf[i];
		ck_assert_msg(c >= 0x20 || c == '\t' || c == '\n', "control %02x at %zu", c, i);
	}
	ck_assert_ptr_nonnull(strstr(m.buf, "<path>x" FFFD "y" FFFD ".txt</path>"));
	cw_record_free(cable);
	cw_record_free(empty);
}
END_TEST

START_TEST(test_xml_sink_error_is_reported)
{
	cw_record *rec = parse_str("R 010000Z JAN 08\nFM AMEMBASSY X\n", "x.txt");
	membuf m = { { 0 }, sizeof m.buf };
	cw_emitter *em = cw_emitter_new(CW_FORMAT_XML, mem_write, &m, 1);
	ck_assert_int_ne(cw_emit(em, rec), 0);
	cw_emitter_free(em);
	cw_record_free(rec);
}
END_TEST

Suite *suite_xml(void)
{
	Suite *s = suite_create("xml");
	TCase *tc = tcase_create("escaping");
	tcase_add_loop_test(tc, test_xml_text_escaping, 0, sizeof esc_cases / sizeof *esc_cases);
	tcase_add_test(tc, test_xml_text_no_c0_ever);
	tcase_add_loop_test(tc, test_xml_names, 0, sizeof name_cases / sizeof *name_cases);
	suite_add_tcase(s, tc);
	TCase *doc = tcase_create("documents");
	tcase_add_test(doc, test_xml_value_mapping);
	tcase_add_test(doc, test_xml_format_name);
	tcase_add_test(doc, test_xml_empty_document);
	tcase_add_test(doc, test_xml_parsed_records);
	tcase_add_test(doc, test_xml_sink_error_is_reported);
	suite_add_tcase(s, doc);
	return s;
}
