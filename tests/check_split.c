/* Every input form, and the cutting of inputs into units (lexer/input/split.re, parser/input/reader.c). */
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"

/* ---- the same cable in every form --------------------------------------------------------- */

static const char *form_files[] = { "text.txt", "wikileaks.html", "markdown.md", "cables.csv",
				    "07VALLETTA416.txt", "pdf.txt" };
static const char *form_names[] = { "text", "wikileaks-html", "markdown", "cables-csv", "body-text",
				    "pdf-text" };

/* The telegram's own fields: everything but where it came from and how it was read. */
static json_t *telegram_fields(const cw_record *rec, int with_header)
{
	json_t *j = record_jansson(rec);
	const char *drop[] = { "source", "wikileaks", "csv", "release_id", "diagnostics", "furniture" };
	for (size_t i = 0; i < sizeof drop / sizeof *drop; i++)
		json_object_del(j, drop[i]);
	if (!with_header)
		json_object_del(j, "routing");
	return j;
}

START_TEST(test_same_fields_in_every_form)
{
	char path[512];
	const char *dir = getenv("TESTDATA") ? getenv("TESTDATA") : "testdata";
	json_t *want = NULL, *want_body = NULL;
	for (size_t i = 0; i < sizeof form_files / sizeof *form_files; i++) {
		snprintf(path, sizeof path, "%s/cables/forms/%s", dir, form_files[i]);
		size_t len;
		char *buf = read_file(path, &len);
		ck_assert_msg(buf != NULL, "%s missing", path);
		cw_record *rec = parse_buf(buf, len, form_files[i], CW_FORM_AUTO);
		ck_assert_str_eq(rec_str(rec, "source.format"), form_names[i]);
		ck_assert_uint_eq(cw_record_count_at_least(rec, CW_WARNING), 0);
		int body_only = !strcmp(form_names[i], "body-text");
		json_t *got = telegram_fields(rec, !body_only);
		json_t *got_body = telegram_fields(rec, 0);
		if (i == 0) {
			want = got;
			want_body = got_body;
		} else {
			char *a = json_dumps(body_only ? want_body : want, JSON_SORT_KEYS);
			char *b = json_dumps(got, JSON_SORT_KEYS);
			ck_assert_msg(json_equal(body_only ? want_body : want, got),
				      "%s differs from text:\n%s\n%s", form_names[i], b, a);
			free(a);
			free(b);
			json_decref(got);
			json_decref(got_body);
		}
		cw_record_free(rec);
		free(buf);
	}
	json_decref(want);
	json_decref(want_body);
}
END_TEST

/* A body without a classification line: the id is the one the release gives (here the file's
 * name), and the record says so. */
START_TEST(test_id_from_release_when_telegram_has_none)
{
	const char *body = "<code><pre>SUBJECT: A FRAGMENT WITHOUT ITS FIRST LINES\n\n"
			   "1. (U) The text goes on.\n</pre></code>\n";
	cw_record *rec = parse_buf(body, strlen(body), "cables/10TESTPOST12.txt", CW_FORM_AUTO);
	ck_assert_str_eq(rec_str(rec, "source.format"), "body-text");
	ck_assert_str_eq(rec_str(rec, "id"), "10TESTPOST12");
	ck_assert_str_eq(rec_str(rec, "id_source"), "release");
	ck_assert(has_diag(rec, "CABLE_ID_FROM_RELEASE"));
	cw_record_free(rec);
	/* Without a release id there is nothing to fall back on. */
	rec = parse_buf(body, strlen(body), "fragment.txt", CW_FORM_AUTO);
	ck_assert_ptr_null(rec_str(rec, "id"));
	ck_assert(has_diag(rec, "CABLE_NO_ID"));
	cw_record_free(rec);
}
END_TEST

/* Nothing fed at all, in every form: one error record, never a crash. */
START_TEST(test_empty_input_every_form)
{
	cw_options *opt = cw_options_new();
	cw_options_set_form(opt, (cw_form)_i);
	cw_reader *rd = cw_reader_new(opt, "empty");
	cw_reader_finish(rd);
	cw_record *rec;
	int n = 0;
	while (cw_reader_next(rd, &rec) == CW_OK) {
		ck_assert(has_diag(rec, "INPUT_EMPTY"));
		cw_record_free(rec);
		n++;
	}
	ck_assert_int_eq(n, 1);
	cw_reader_free(rd);
	cw_options_free(opt);
}
END_TEST

/* ---- cables.csv ---------------------------------------------------------------------------- */

#define ROW(n, refid, header, text) \
	"\"" #n "\",\"3/18/2007 10:30\",\"" refid "\",\"Embassy X\",\"UNCLASSIFIED\",\"\",\"" header "\",\"" text "\"\n"

static const char *csv3 =
	ROW(1, "07X1", "R 181030Z MAR 07\\\nFM AMEMBASSY X\\\n", "UNCLAS X 000001\\\n\\\nSUBJECT: A \\\"QUOTED\\\" WORD\\\n")
	"\n"
	ROW(2, "07X2", "R 181031Z MAR 07\\\nFM AMEMBASSY X\\\n", "UNCLAS X 000002\\\n\\\n1. Text, with \"\" a comma.\\\n")
	ROW(3, "07X3", "R 181032Z MAR 07\\\nFM AMEMBASSY X\\\n", "UNCLAS X 000003\\\n");

/* Feeds in chunks of the given size and returns the records' ids joined by spaces. */
static char *ids_of(const char *input, size_t chunk, cw_form form, size_t max_unit)
{
	cw_options *opt = cw_options_new();
	cw_options_set_form(opt, form);
	if (max_unit)
		cw_options_set_max_unit_bytes(opt, max_unit);
	cw_reader *rd = cw_reader_new(opt, "in");
	size_t n = strlen(input), cap = 4096, used = 0;
	char *out = calloc(1, cap);
	cw_record *rec;
	for (size_t i = 0; i < n + chunk; i += chunk) {
		if (i < n)
			cw_reader_feed(rd, input + i, n - i < chunk ? n - i : chunk);
		else
			cw_reader_finish(rd);
		while (cw_reader_next(rd, &rec) == CW_OK) {
			const char *id = rec_str(rec, "id");
			const char *kind = cw_record_kind(rec);
			used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? " " : "",
						 !strcmp(kind, "error") ? "ERROR" : id ? id : "null");
			cw_record_free(rec);
		}
	}
	cw_reader_free(rd);
	cw_options_free(opt);
	return out;
}

/* The sizes of the units cut from input fed in chunks of the given size, one a line. */
static char *unit_sizes(const char *input, size_t n, size_t chunk)
{
	cw_options *opt = cw_options_new();
	cw_options_set_form(opt, CW_FORM_CABLES_CSV);
	cw_reader *rd = cw_reader_new(opt, "in.csv");
	size_t cap = 65536, used = 0;
	char *out = calloc(1, cap);
	cw_unit *u;
	for (size_t i = 0; i < n + chunk; i += chunk) {
		if (i < n)
			cw_reader_feed(rd, input + i, n - i < chunk ? n - i : chunk);
		else
			cw_reader_finish(rd);
		while (cw_reader_next_unit(rd, &u) == CW_OK) {
			if (used + 32 < cap)
				used += (size_t)snprintf(out + used, cap - used, "%zu\n", cw_unit_size(u));
			cw_unit_free(u);
		}
	}
	cw_reader_free(rd);
	cw_options_free(opt);
	return out;
}

/* Rows whose fields end their lines with the dump's backslash, hold escaped quotes, doubled
 * quotes and backslash pairs, cut in every place: the same units whatever the chunks. */
START_TEST(test_csv_backslash_lines_in_any_chunks)
{
	char csv[8192];
	size_t n = 0;
	unsigned seed = 3;
	static const char *const bits[] = { "word ", "\\\n", "\\\"", "\"\"", "\\\\", "\\t",
					    ", ", "\n", "x" };
	char rows[512] = "";
	size_t rows_len = 0;
	for (int row = 0; row < 12; row++) {
		size_t start = n;
		n += (size_t)snprintf(csv + n, sizeof csv - n, "\"%d\",\"1/2/2003\",\"03X%d\",\"", row,
				      row);
		for (int k = 0; k < 40; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *b = bits[(seed >> 16) % 9];
			n += (size_t)snprintf(csv + n, sizeof csv - n, "%s", b);
		}
		n += (size_t)snprintf(csv + n, sizeof csv - n, "\"\n");
		rows_len += (size_t)snprintf(rows + rows_len, sizeof rows - rows_len, "%zu\n", n - start);
	}
	/* one unit a row, each the row's bytes */
	char *want = unit_sizes(csv, n, n);
	ck_assert_str_eq(want, rows);
	const size_t chunks[] = { 1, 2, 3, 5, 17, 256 };
	for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
		char *got = unit_sizes(csv, n, chunks[i]);
		ck_assert_msg(!strcmp(got, want), "chunk %zu:\n%s\nwhole:\n%s", chunks[i], got, want);
		free(got);
	}
	free(want);
}
END_TEST

START_TEST(test_csv_rows_in_any_chunks)
{
	const size_t chunks[] = { 1, 3, 17, 100000 };
	for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
		char *ids = ids_of(csv3, chunks[i], CW_FORM_AUTO, 0);
		ck_assert_msg(!strcmp(ids, "07X1 07X2 07X3"), "chunk %zu: %s", chunks[i], ids);
		free(ids);
	}
}
END_TEST

START_TEST(test_csv_fields_and_escapes)
{
	cw_record *rec = parse_buf(csv3, strlen(csv3), "c.csv", CW_FORM_CABLES_CSV);
	ck_assert_str_eq(rec_str(rec, "subject"), "A \"QUOTED\" WORD");
	ck_assert_str_eq(rec_str(rec, "csv.reference_id"), "07X1");
	ck_assert_str_eq(rec_str(rec, "csv.origin"), "Embassy X");
	ck_assert_str_eq(rec_str(rec, "csv.date"), "2007-03-18 10:30");
	ck_assert_str_eq(rec_str(rec, "csv.date_raw"), "3/18/2007 10:30");
	ck_assert_str_eq(rec_str(rec, "release_id"), "07X1");
	ck_assert_str_eq(rec_str(rec, "routing.dtg"), "2007-03-18T10:30:00Z");
	/* The telegram's fields are its own, not the CSV's. */
	ck_assert_str_eq(rec_str(rec, "id"), "07X1");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_csv_broken_row_costs_one_record)
{
	/* Row 2 loses its closing quote: it becomes an error record, and row 3 still parses. */
	const char *csv =
		ROW(1, "07X1", "R 181030Z MAR 07\\\n", "UNCLAS X 000001\\\n")
		"\"2\",\"3/18/2007 10:31\",\"07X2\",\"Embassy X\",\"UNCLASSIFIED\",\"\",\"R 181031Z MAR 07\\\n\",\"UNCLAS X 000002\\\n\n"
		ROW(3, "07X3", "R 181032Z MAR 07\\\n", "UNCLAS X 000003\\\n");
	char *ids = ids_of(csv, 5, CW_FORM_CABLES_CSV, 0);
	ck_assert_str_eq(ids, "07X1 07X2 07X3");
	free(ids);
	cw_options *opt = cw_options_new();
	cw_reader *rd = cw_reader_new(opt, "b.csv");
	cw_reader_feed(rd, csv, strlen(csv));
	cw_reader_finish(rd);
	cw_record *rec;
	int broken = 0, n = 0;
	while (cw_reader_next(rd, &rec) == CW_OK) {
		broken += has_diag(rec, "CSV_ROW_BROKEN");
		n++;
		cw_record_free(rec);
	}
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(broken, 1);
	cw_reader_free(rd);
	cw_options_free(opt);
}
END_TEST

START_TEST(test_csv_short_row)
{
	const char *csv = "\"9\",\"3/18/2007 10:30\",\"07X9\",\"Embassy X\"\n";
	cw_record *rec = parse_buf(csv, strlen(csv), "s.csv", CW_FORM_CABLES_CSV);
	ck_assert(has_diag(rec, "CSV_FIELDS"));
	ck_assert_str_eq(rec_str(rec, "release_id"), "07X9");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_csv_file_positions)
{
	/* Each row's diagnostics point into the file, not the row. */
	const char *csv = ROW(1, "07X1", "R 181030Z MAR 07\\\n", "UNCLAS X 000001\\\n")
		ROW(2, "07X2", "R 311030Z FEB 07\\\n", "UNCLAS X 000002\\\n");
	cw_options *opt = cw_options_new();
	cw_reader *rd = cw_reader_new(opt, "p.csv");
	cw_reader_feed(rd, csv, strlen(csv));
	cw_reader_finish(rd);
	cw_record *rec;
	ck_assert_int_eq(cw_reader_next(rd, &rec), CW_OK);
	cw_record_free(rec);
	ck_assert_int_eq(cw_reader_next(rd, &rec), CW_OK);
	const cw_diag *d = NULL;
	for (size_t i = 0; i < cw_record_diag_count(rec); i++)
		if (!strcmp(cw_record_diag(rec, i)->code, "HDR_DTG_INVALID"))
			d = cw_record_diag(rec, i);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(d->line, 4); /* row 1 spans lines 1-3 */
	cw_record_free(rec);
	cw_reader_free(rd);
	cw_options_free(opt);
}
END_TEST

/* ---- concatenated telegrams, oversize units ---------------------------------------------- */

START_TEST(test_concatenated_telegrams)
{
	const char *t = "VZCZCXRO0001\nOO RUEHXY\nDE RUEHXY #0001 0011200\nO 011200Z JAN 09\nFM AMEMBASSY X\n\n"
			"UNCLAS X 000001\n\n1. One.\nNNNN\n\n"
			"VZCZCXRO0002\nOO RUEHXY\nDE RUEHXY #0002 0011300\nO 011300Z JAN 09\nFM AMEMBASSY X\n\n"
			"UNCLAS X 000002\n\n1. Two.\n"
			"VZCZCXRO0003\nOO RUEHXY\nDE RUEHXY #0003 0011400\nO 011400Z JAN 09\nFM AMEMBASSY X\n\n"
			"UNCLAS X 000003\n\n1. Three.\n";
	const size_t chunks[] = { 1, 7, 100000 };
	for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
		char *ids = ids_of(t, chunks[i], CW_FORM_AUTO, 0);
		ck_assert_msg(!strcmp(ids, "09X1 09X2 09X3"), "chunk %zu: %s", chunks[i], ids);
		free(ids);
	}
}
END_TEST

START_TEST(test_oversize_unit_is_not_buffered)
{
	/* A 1 MB unterminated quote in a CSV with a 4 KB unit limit: one error record, then the
	 * next row; the reader never held the megabyte. */
	size_t big = 1 << 20;
	const char *head = ROW(1, "07X1", "R 181030Z MAR 07\\\n", "UNCLAS X 000001\\\n");
	const char *tail = ROW(3, "07X3", "R 181032Z MAR 07\\\n", "UNCLAS X 000003\\\n");
	char *csv = malloc(strlen(head) + big + strlen(tail) + 64);
	strcpy(csv, head);
	strcat(csv, "\"2\",\"3/18/2007 10:31\",\"07X2\",\"");
	size_t n = strlen(csv);
	memset(csv + n, 'x', big);
	csv[n + big] = '\n';
	strcpy(csv + n + big + 1, tail);
	char *ids = ids_of(csv, 4096, CW_FORM_CABLES_CSV, 4096);
	ck_assert_str_eq(ids, "07X1 ERROR 07X3");
	free(ids);
	free(csv);
}
END_TEST

/* ---- wire streams and SGML records --------------------------------------------------------- */

/* Feeds in chunks and returns each record's "offset+bytes" joined by spaces; with_headline: and
 * ":headline" after each (what the unit read as, through its wrap). */
static char *units_read(const char *input, size_t n, size_t chunk, cw_form form, int with_headline)
{
	cw_options *opt = cw_options_new();
	cw_options_set_form(opt, form);
	cw_reader *rd = cw_reader_new(opt, "in");
	size_t cap = 4096, used = 0;
	char *out = calloc(1, cap);
	cw_record *rec;
	for (size_t i = 0; i < n + chunk; i += chunk) {
		if (i < n)
			cw_reader_feed(rd, input + i, n - i < chunk ? n - i : chunk);
		else
			cw_reader_finish(rd);
		while (cw_reader_next(rd, &rec) == CW_OK) {
			const cw_value *src = cw_value_get(cw_record_root(rec), "source");
			used += (size_t)snprintf(out + used, cap - used, "%s%lld+%lld", used ? " " : "",
						 (long long)cw_value_int(cw_value_get(src, "offset")),
						 (long long)cw_value_int(cw_value_get(src, "bytes")));
			if (with_headline) {
				size_t hn = 1;
				const char *h = cw_value_string(cw_value_get(cw_record_root(rec), "headline"), &hn);
				used += (size_t)snprintf(out + used, cap - used, ":%.*s", (int)hn, h ? h : "-");
			}
			cw_record_free(rec);
		}
	}
	cw_reader_free(rd);
	cw_options_free(opt);
	return out;
}

/* Every chunk size cuts the same records: a chunk ending between "</REUTERS>" and its line end,
 * right after a whole "<REUTERS ", or inside a run of SYN, must not move a boundary (the first
 * two found by the fuzzer). Items of one document or array a unit each, each read as its own
 * item (its headline, through its wrap): a G2 newsMessage of three newsItems (a prefix declared
 * on the root used inside the second, an item's name in a comment, a CDATA section), then a
 * second document; a ninjs array of two items around a number, with brackets, commas and quotes
 * in strings; NewsML 1.2 of two NewsItems in ISO-8859-1 (the wrap's prolog names it). */
START_TEST(test_stream_units_in_any_chunks)
{
	static const struct {
		cw_form form;
		const char *input;
		const char *units;
		int headlines;
	} cases[] = {
		{ CW_FORM_REUTERS_SGML,
		  "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
		  "<REUTERS NEWID=\"1\">\n<TEXT><TITLE>ONE</TITLE><BODY>One.</BODY></TEXT>\n</REUTERS>\n"
		  "<REUTERS NEWID=\"2\">\n<TEXT><TITLE>TWO</TITLE><BODY>Two.</BODY></TEXT>\n</REUTERS>\n",
		  "0+116 116+80", 0 },
		{ CW_FORM_ANPA,
		  "\x16\x16\x01w0001\x1f" "a0001\nr i BC-One     03-04 0002\n\x02^One<\n\t   One two.\n\x03\x04"
		  "noise\x16\x16\x01w0002\x1f" "a0002\nr i BC-Two     03-04 0002\n\x02^Two<\n\t   Two three.\n\x03\x04",
		  "0+63 63+70", 0 },
		{ CW_FORM_NEWSML_G2,
		  "<?xml version=\"1.0\"?>\n<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
		  "xmlns:x=\"http://www.w3.org/1999/xhtml\"><header/><itemSet>\n"
		  "<newsItem guid=\"a\"><contentMeta><headline>One</headline></contentMeta>"
		  "<contentSet><inlineData>The first story of the message.</inlineData></contentSet><!-- <newsItem> --></newsItem>\n"
		  "<newsItem guid=\"b\" x:note=\"a > b\"><contentMeta><headline>Two</headline>"
		  "</contentMeta><contentSet><inlineXML><x:p><![CDATA[<newsItem>]]> the second story.</x:p>"
		  "</inlineXML></contentSet></newsItem>\n"
		  "<newsItem guid=\"c\"><contentMeta><headline>Three</headline></contentMeta>"
		  "<contentSet><inlineData>The third story of the message.</inlineData></contentSet></newsItem>\n"
		  "</itemSet></newsMessage>\n"
		  "<?xml version=\"1.0\"?>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
		  "<contentMeta><headline>Four</headline></contentMeta><contentSet><inlineData>A story of its own."
		  "</inlineData></contentSet></newsItem>\n",
		  "0+319:One 319+196:Two 515+190:Three 705+209:Four", 1 },
		{ CW_FORM_NINJS,
		  " [\n{\"uri\":\"a\",\"headline\":\"One [1], {x}\",\"body_text\":\"a \\\"]\\\" b\"} ,\n"
		  " 7 ,{\"uri\":\"b\",\"headline\":\"Two\",\"body_text\":\"b\"}\n]\n"
		  "{\"uri\":\"c\",\"headline\":\"Three\",\"body_text\":\"c\"}\n",
		  "3+62:One [1], {x} 68+1: 71+45:Two 118+47:Three", 1 },
		/* Text before a bracket is not an array of items (the fuzzer's find: a chunk starting
		 * at the bracket took it for one). */
		{ CW_FORM_NINJS, "a note [CODE]\n", "0+14:", 1 },
		{ CW_FORM_NEWSML,
		  "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<NewsML><NewsEnvelope/>\n"
		  "<NewsItem><NewsComponent><NewsLines><HeadLine>Caf\xe9 one</HeadLine></NewsLines>"
		  "<ContentItem><DataContent>One.</DataContent></ContentItem></NewsComponent></NewsItem>\n"
		  "<NewsItem><NewsComponent><NewsLines><HeadLine>Caf\xe9 two</HeadLine></NewsLines>"
		  "<ContentItem><DataContent>Two.</DataContent></ContentItem></NewsComponent></NewsItem>\n"
		  "</NewsML>\n",
		  "0+231:Caf\xc3\xa9 one 231+173:Caf\xc3\xa9 two", 1 },
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		size_t n = strlen(cases[c].input);
		for (size_t chunk = 1; chunk <= n; chunk++) {
			char *units = units_read(cases[c].input, n, chunk, cases[c].form, cases[c].headlines);
			ck_assert_msg(!strcmp(units, cases[c].units), "case %zu, chunk %zu: %s", c, chunk, units);
			free(units);
		}
	}
}
END_TEST

Suite *suite_split(void)
{
	Suite *s = suite_create("split");
	TCase *forms = tcase_create("forms");
	tcase_add_test(forms, test_same_fields_in_every_form);
	tcase_add_test(forms, test_id_from_release_when_telegram_has_none);
	tcase_add_loop_test(forms, test_empty_input_every_form, 0, CW_FORM_COUNT);
	suite_add_tcase(s, forms);
	TCase *csv = tcase_create("csv");
	tcase_add_test(csv, test_csv_rows_in_any_chunks);
	tcase_add_test(csv, test_csv_backslash_lines_in_any_chunks);
	tcase_add_test(csv, test_csv_fields_and_escapes);
	tcase_add_test(csv, test_csv_broken_row_costs_one_record);
	tcase_add_test(csv, test_csv_short_row);
	tcase_add_test(csv, test_csv_file_positions);
	suite_add_tcase(s, csv);
	TCase *text = tcase_create("text");
	tcase_add_test(text, test_concatenated_telegrams);
	tcase_add_test(text, test_oversize_unit_is_not_buffered);
	suite_add_tcase(s, text);
	TCase *wire = tcase_create("wire");
	tcase_add_test(wire, test_stream_units_in_any_chunks);
	suite_add_tcase(s, wire);
	return s;
}
