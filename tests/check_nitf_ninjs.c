/* emitters/nitf.c, emitters/ninjs.c and their shared reading of a record (emitters/news.c): the
 * date forms, the urgency scale, and the key fields of one known article and one known cable in
 * both formats. Validation against the schemas is tests/nitf_ninjs.sh. */
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "emitters/news.h"

typedef struct outbuf {
	char *p;
	size_t n, cap;
} outbuf;

static int out_write(void *ctx, const char *p, size_t len)
{
	outbuf *o = ctx;
	if (o->n + len + 1 > o->cap) {
		size_t cap = (o->n + len + 1) * 2;
		char *q = realloc(o->p, cap);
		if (!q)
			return -1;
		o->p = q;
		o->cap = cap;
	}
	memcpy(o->p + o->n, p, len);
	o->n += len;
	o->p[o->n] = '\0';
	return 0;
}

/* The first record of a testdata file (read as the CLI reads it), written in format f. */
static char *emit_first(const char *path, cw_format f, int pretty)
{
	size_t len;
	char *input = read_file(path, &len);
	ck_assert_msg(input != NULL, "%s not found", path);
	cw_options *opt = cw_options_new();
	cw_reader *rd = cw_reader_new(opt, path);
	cw_reader_feed(rd, input, len);
	cw_reader_finish(rd);
	cw_record *rec = NULL;
	ck_assert_int_eq(cw_reader_next(rd, &rec), CW_OK);
	outbuf o = { NULL, 0, 0 };
	cw_emitter *em = cw_emitter_new(f, out_write, &o, pretty);
	ck_assert_ptr_nonnull(em);
	ck_assert_int_eq(cw_emit(em, rec), 0);
	ck_assert_int_eq(cw_emitter_finish(em), 0);
	cw_emitter_free(em);
	cw_record_free(rec);
	cw_reader_free(rd);
	cw_options_free(opt);
	free(input);
	ck_assert_ptr_nonnull(o.p);
	return o.p;
}

#define HAS(doc, needle) ck_assert_msg(strstr(doc, needle) != NULL, "missing: %s\nin:\n%s", needle, doc)

static const struct {
	const char *iso, *norm;
	int rfc3339;
} date_cases[] = {
	{ "2007-03-14T14:20:00Z", "20070314T142000+0000", 1 },
	{ "1987-03-04T10:12:00-05:00", "19870304T101200-0500", 1 },
	{ "1987-03-04T10:12:00+05:30", "19870304T101200+0530", 1 },
	{ "1987-03-04T10:12:33", "19870304T101233", 0 },  /* Reuters-21578: no zone */
	{ "1987-03-04", "", 0 },
	{ "1987-03-04T10:12:33+0500", "", 0 },
	{ "1987-3-04T10:12:33Z", "", 0 },
	{ "March 4", "", 0 },
	{ "", "", 0 },
};

START_TEST(test_date_forms)
{
	const char *iso = date_cases[_i].iso;
	char norm[24] = "";
	size_t n = news_date_norm(iso, strlen(iso), norm);
	ck_assert_uint_eq(n, strlen(date_cases[_i].norm));
	if (n)
		ck_assert_str_eq(norm, date_cases[_i].norm);
	ck_assert_int_eq(news_date_rfc3339(iso, strlen(iso)), date_cases[_i].rfc3339);
}
END_TEST

START_TEST(test_format_names)
{
	ck_assert_int_eq(cw_format_from_name("nitf"), CW_FORMAT_NITF);
	ck_assert_int_eq(cw_format_from_name("ninjs"), CW_FORMAT_NINJS);
	ck_assert_str_eq(cw_format_name(CW_FORMAT_NITF), "nitf");
	ck_assert_str_eq(cw_format_name(CW_FORMAT_NINJS), "ninjs");
}
END_TEST

/* testdata/articles/valid/anpa: an AP story with a byline, a title line, a dateline with a
 * region, an editors' note, a contributor line and an EST trailer. */
START_TEST(test_anpa_article_nitf)
{
	char *doc = emit_first("testdata/articles/valid/anpa/input.anpa", CW_FORMAT_NITF, 0);
	ck_assert_msg(strncmp(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf version=\"-//IPTC//DTD NITF 3.6//EN\"", 79) == 0,
		      "document start: %.100s", doc);
	HAS(doc, "<hedline><hl1>Levee holds as river crests in Wyoming town</hl1></hedline>");
	HAS(doc, "<byline><person>MARTA KOWALSKI</person><byttl>Associated Press Writer</byttl></byline>");
	HAS(doc, "<distributor><org>AP</org></distributor>");
	HAS(doc, "<dateline><location>RIVERTON, Wyo.</location></dateline>");
	HAS(doc, "<date.issue norm=\"19870304T101200-0500\"/>");
	HAS(doc, "<urgency ed-urg=\"5\"/>");
	HAS(doc, "<ed-msg info=\"Eds: With AP Photos.\"/>");
	HAS(doc, "<du-key key=\"Levee-Flood\"/>");
	HAS(doc, "<doc-id regsrc=\"cablewire\" id-string=\"testdata/articles/valid/anpa/input.anpa#0\"/>");
	HAS(doc, "<block><p>RIVERTON, Wyo. (AP) _ The Wind River crested");
	HAS(doc, "<body.end><tagline>Associated Press writer Hannah Lind contributed to this report.</tagline></body.end>");
	/* compact: the whole document on one line */
	ck_assert_ptr_eq(strchr(doc, '\n'), doc + strlen(doc) - 1);
	free(doc);
}
END_TEST

START_TEST(test_anpa_article_ninjs)
{
	char *line = emit_first("testdata/articles/valid/anpa/input.anpa", CW_FORMAT_NINJS, 1);
	ck_assert_ptr_eq(strchr(line, '\n'), line + strlen(line) - 1); /* one line, even "pretty" */
	json_error_t err;
	json_t *o = json_loads(line, 0, &err);
	ck_assert_msg(o != NULL, "not JSON: %s: %s", err.text, line);
	ck_assert_str_eq(json_string_value(json_object_get(o, "uri")),
			 "urn:cablewire:article:testdata/articles/valid/anpa/input.anpa:0");
	ck_assert_str_eq(json_string_value(json_object_get(o, "type")), "text");
	ck_assert_str_eq(json_string_value(json_object_get(o, "versioncreated")), "1987-03-04T10:12:00-05:00");
	ck_assert_int_eq(json_integer_value(json_object_get(o, "urgency")), 5);
	json_t *hl = json_array_get(json_object_get(o, "headlines"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(hl, "role")), "main");
	ck_assert_str_eq(json_string_value(json_object_get(hl, "value")), "Levee holds as river crests in Wyoming town");
	ck_assert_str_eq(json_string_value(json_object_get(o, "by")), "MARTA KOWALSKI, Associated Press Writer");
	ck_assert_str_eq(json_string_value(json_object_get(o, "located")), "RIVERTON, Wyo.");
	ck_assert_str_eq(json_string_value(json_object_get(o, "slugline")), "Levee-Flood");
	ck_assert_str_eq(json_string_value(json_object_get(o, "ednote")), "Eds: With AP Photos.");
	json_t *src = json_array_get(json_object_get(o, "infosources"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(src, "name")), "AP");
	json_t *person = json_array_get(json_object_get(o, "people"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(person, "name")), "MARTA KOWALSKI");
	ck_assert_str_eq(json_string_value(json_object_get(person, "rel")), "author");
	const char *body = json_string_value(json_object_get(json_array_get(json_object_get(o, "bodies"), 0), "value"));
	ck_assert_ptr_nonnull(body);
	ck_assert_msg(strstr(body, "the county said.\n\nVolunteers stacked") != NULL, "paragraphs joined: %s", body);
	ck_assert_ptr_null(json_object_get(o, "headline")); /* a 1.x name */
	json_decref(o);
	free(line);
}
END_TEST

START_TEST(test_cable_nitf_and_ninjs)
{
	const char *path = "testdata/cables/valid/text-acp127/input.txt";
	char *doc = emit_first(path, CW_FORMAT_NITF, 1);
	HAS(doc, "\n      <doc-id regsrc=\"cablewire\" id-string=\"07VALLETTA412\"/>\n");
	HAS(doc, "<hl1>MALTA: HARBOR AUTHORITY OUTLINES NEW FERRY SCHEDULE</hl1>");
	HAS(doc, "<story.date norm=\"20070314T142000+0000\">141420Z MAR 07</story.date>");
	HAS(doc, "<location>VALLETTA</location>");
	HAS(doc, "<meta name=\"classification\" content=\"CONFIDENTIAL\"/>");
	HAS(doc, "<keyword key=\"PREL\"/>");
	HAS(doc, "<p>1. (C) Summary: The harbor authority");
	HAS(doc, "<p>2. (U) The new timetable adds four crossings a day.</p>");
	free(doc);
	char *line = emit_first(path, CW_FORMAT_NINJS, 0);
	json_t *o = json_loads(line, 0, NULL);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(json_string_value(json_object_get(o, "uri")), "urn:cablewire:cable:07VALLETTA412");
	ck_assert_str_eq(json_string_value(json_object_get(o, "firstcreated")), "2007-03-14T14:20:00Z");
	ck_assert_str_eq(json_string_value(json_object_get(o, "located")), "VALLETTA");
	json_t *subj = json_array_get(json_object_get(o, "subjects"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(subj, "name")), "PREL");
	json_decref(o);
	free(line);
}
END_TEST

START_TEST(test_error_record)
{
	const char *path = "testdata/cables/invalid/empty-input/input.txt";
	char *doc = emit_first(path, CW_FORMAT_NITF, 0);
	HAS(doc, "<meta name=\"cablewire.kind\" content=\"error\"/>");
	HAS(doc, "<ed-msg msg-type=\"diagnostic\" info=\"INPUT_EMPTY: ");
	HAS(doc, "<body></body></nitf>\n");
	free(doc);
	char *line = emit_first(path, CW_FORMAT_NINJS, 0);
	ck_assert_ptr_nonnull(strstr(line, "\"uri\":\"urn:cablewire:error:testdata/cables/invalid/empty-input/input.txt:0\""));
	ck_assert_ptr_nonnull(strstr(line, "\"ednote\":\"INPUT_EMPTY: "));
	free(line);
}
END_TEST

Suite *suite_nitf_ninjs(void)
{
	Suite *s = suite_create("nitf_ninjs");
	TCase *tc = tcase_create("news");
	tcase_add_loop_test(tc, test_date_forms, 0, sizeof date_cases / sizeof *date_cases);
	tcase_add_test(tc, test_format_names);
	tcase_add_test(tc, test_anpa_article_nitf);
	tcase_add_test(tc, test_anpa_article_ninjs);
	tcase_add_test(tc, test_cable_nitf_and_ninjs);
	tcase_add_test(tc, test_error_record);
	suite_add_tcase(s, tc);
	return s;
}
