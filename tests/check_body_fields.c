/* lexer/cable/body_fields.re: the body's field scanners, table-driven. */
#include <string.h>

#include "lexer/cable/body_fields.h"
#include "lexer/cable/line_shapes.h"
#include "lexer/core/words.h"
#include "check_helpers.h"
#include "check_slices.h"

static const struct {
	const char *line, *order, *code;
	int y, m, d, na;
} eo_cases[] = {
	{ "E.O. 12958: DECL: 02/26/2016\n", "12958", NULL, 2016, 2, 26, 0 },
	{ "EO 12958 DECL: 06/03/08\n", "12958", NULL, 2008, 6, 3, 0 },
	{ "E.O. 13526: DECL: 2019/02/15\n", "13526", NULL, 2019, 2, 15, 0 },
	{ "E.O. 12958: N/A\n", "12958", NULL, 0, 0, 0, 1 },
	{ "E.o. 12958: n/a\n", "12958", NULL, 0, 0, 0, 1 },
	{ "E.O. 12958: DECL: OADR\n", "12958", "OADR", 0, 0, 0, 0 },
	{ "E.O. 12958: DECL: 1.6X1\n", "12958", "1.6X1", 0, 0, 0, 0 },
	{ "E.O. 11652: GDS\n", "11652", "GDS", 0, 0, 0, 0 },
	{ "E.O. 12958: DECL: 25X1-HUMAN\n", "12958", "25X1-HUMAN", 0, 0, 0, 0 },
};

START_TEST(test_eo)
{
	const char *l = eo_cases[_i].line;
	eo_fields f;
	ck_assert_int_eq(scan_eo(l, strchr(l, '\n'), lim_of(l), &f), 1);
	CHECK_SLICE(f.order, eo_cases[_i].order);
	CHECK_SLICE(f.code, eo_cases[_i].code);
	ck_assert_int_eq(f.year, eo_cases[_i].y);
	ck_assert_int_eq(f.month, eo_cases[_i].m);
	ck_assert_int_eq(f.day, eo_cases[_i].d);
	ck_assert_int_eq(f.na, eo_cases[_i].na);
}
END_TEST

START_TEST(test_tags_items)
{
	const char *t = "PREL, PGOV KPAL SY (STEINBERG, JAMES B.) CLINTON HILLARY\n";
	const char *p = t, *end = strchr(t, '\n');
	const char *want[] = { "PREL", "PGOV", "KPAL", "SY", "(STEINBERG, JAMES B.)", "CLINTON", "HILLARY" };
	slice it;
	int paren, n = 0;
	while (scan_tag_item(&p, end, lim_of(t), &it, &paren)) {
		ck_assert_int_lt(n, 7);
		CHECK_SLICE(it, want[n]);
		ck_assert_int_eq(paren, n == 4);
		n++;
	}
	ck_assert_int_eq(n, 7);
	slice h = { strstr(t, "HILLARY"), 7 }, c = { strstr(t, "CLINTON"), 7 };
	ck_assert(is_given_name(h, lim_of(t)));
	ck_assert(!is_given_name(c, lim_of(t)));
}
END_TEST

static const struct {
	const char *item, *year, *origin, *serial, *caption;
	int more;
} ref_cases[] = {
	{ "STATE 36854\n", NULL, "STATE", "36854", NULL, 0 },
	{ "07 STATE 12345 (NOTAL)\n", "07", "STATE", "12345", "NOTAL", 0 },
	{ "BRASILIA 2799 AND 2764\n", NULL, "BRASILIA", "2799", NULL, 1 },
	{ "2008 PORT AU PRINCE 2325\n", "2008", "PORT AU PRINCE", "2325", NULL, 0 },
	{ "08KABUL1234\n", "08", "KABUL", "1234", NULL, 0 },
	{ "2003 Brasilia 3138\n", "2003", "Brasilia", "3138", NULL, 0 },
};

START_TEST(test_cable_refs)
{
	const char *t = ref_cases[_i].item;
	slice item = { t, strchr(t, '\n') - t };
	cable_ref r;
	ck_assert_int_eq(scan_cable_ref(item, lim_of(t), &r), 1);
	CHECK_SLICE(r.year, ref_cases[_i].year);
	CHECK_SLICE(r.origin, ref_cases[_i].origin);
	CHECK_SLICE(r.serial, ref_cases[_i].serial);
	CHECK_SLICE(r.caption, ref_cases[_i].caption);
	ck_assert_int_eq(r.more != NULL, ref_cases[_i].more);
}
END_TEST

START_TEST(test_not_cable_refs)
{
	const char *bad[] = { "ROME DAILY REPORT 9/17/09\n", "PARA 5\n", "E-MAIL FROM POLOFF 1/5/09\n",
			      "TELCON 12 MARCH\n" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		slice item = { bad[i], strchr(bad[i], '\n') - bad[i] };
		cable_ref r;
		ck_assert_msg(!scan_cable_ref(item, lim_of(bad[i]), &r), "%s", bad[i]);
	}
}
END_TEST

START_TEST(test_ref_items_and_bullets)
{
	const char *t = "A. STATE 123 B. (B) ROME 456; C) 08 PARIS 789\n(D)LONDON 1\nE: OSLO 2\n";
	const char *p = t, *end = t + strlen(t) - 1;
	const char *labels[] = { "A", "B", "C", "D", "E" };
	const char *items[] = { "STATE 123", "ROME 456", "08 PARIS 789", "LONDON 1", "OSLO 2" };
	slice label, item;
	int n = 0;
	while (scan_ref_item(&p, end, lim_of(t), &label, &item)) {
		if (!item.s)
			continue;
		ck_assert_int_lt(n, 5);
		CHECK_SLICE(label, labels[n]);
		CHECK_SLICE(item, items[n]);
		n++;
	}
	ck_assert_int_eq(n, 5);
}
END_TEST

static const struct {
	const char *text;
	const char *reasons; /* concatenated "1.4b1.4d" */
} reason_cases[] = {
	{ "Ambassador X for reasons 1.4 (b) and (d)\n", "1.4b1.4d" },
	{ "DCM Y, reasons 1.4 b/d\n", "1.4b1.4d" },
	{ "POLOFF Z. Reason: Section 1.4 (d)\n", "1.4d" },
	{ "CDA W FOR REASONS 1.5 (B)\n", "1.5b" },
	{ "X for reasons 1. 4 (b) & (d)\n", "1.4b1.4d" },
	{ "X, E.O. 12958, reasons 1.4(b),(d)\n", "1.4b1.4d" },
	{ "DCM David R. Burnett\n", "" },
};

START_TEST(test_reasons)
{
	const char *t = reason_cases[_i].text, *end = strchr(t, '\n');
	char got[64] = "";
	const char *p = find_reasons(t, end, lim_of(t));
	if (p) {
		slice section = { NULL, 0 };
		char letter;
		while (scan_reason(&p, end, lim_of(t), &section, &letter)) {
			size_t n = strlen(got);
			snprintf(got + n, sizeof got - n, "%c.%c%c", section.s[0], section.s[section.n - 1],
				 letter);
		}
	}
	ck_assert_str_eq(got, reason_cases[_i].reasons);
}
END_TEST

START_TEST(test_titles)
{
	const char *yes[] = { "Ambassador", "Charge", "d'Affaires", "DCM", "POLITICAL", "Counselor",
			      "A/S", "EUR/WE", "Deputy" };
	const char *no[] = { "Stephen", "SECHE", "Llorens", "Q." };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s \n", yes[i]);
		slice w = { buf, strlen(yes[i]) };
		ck_assert_msg(is_title_word(w, buf + strlen(buf)), "%s", yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s \n", no[i]);
		slice w = { buf, strlen(no[i]) };
		ck_assert_msg(!is_title_word(w, buf + strlen(buf)), "%s", no[i]);
	}
}
END_TEST

/* The tables are looked up by first letter: they must be sorted by it, and every word of them
 * found, as written and (titles) upper-cased. */
START_TEST(test_word_tables)
{
	ck_assert(words_sorted(body_title_words, body_title_words_n));
	ck_assert(words_sorted(body_given_names, body_given_names_n));
	for (size_t i = 0; i < body_title_words_n; i++) {
		char buf[64];
		size_t n = strlen(body_title_words[i]);
		snprintf(buf, sizeof buf, "%s \n", body_title_words[i]);
		ck_assert_msg(is_title_word((slice){ buf, n }, buf + strlen(buf)), "%s", buf);
		for (size_t k = 0; k < n; k++)
			if (buf[k] >= 'a' && buf[k] <= 'z')
				buf[k] = (char)(buf[k] - 32);
		ck_assert_msg(is_title_word((slice){ buf, n }, buf + strlen(buf)), "%s", buf);
	}
	for (size_t i = 0; i < body_given_names_n; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, "%s,\n", body_given_names[i]);
		ck_assert_msg(is_given_name((slice){ buf, strlen(body_given_names[i]) }, buf + strlen(buf)),
			      "%s", buf);
		buf[0] = (char)(buf[0] | 0x20);
		ck_assert_msg(!is_given_name((slice){ buf, strlen(body_given_names[i]) }, buf + strlen(buf)),
			      "%s", buf);
	}
	static const char *const unsorted[] = { "bravo", "Alpha" };
	ck_assert(!words_sorted(unsorted, 2));
}
END_TEST

START_TEST(test_span_marks)
{
	const char *t = "(C) Summary: talks stalled. End summary. COMMENT: odd. END COMMENT. "
			"(Note: later. End note.) The summary of it. Endless.\n";
	const char *p = t, *end = strchr(t, '\n');
	int want[] = { SPAN_SUMMARY, SPAN_END_SUMMARY, SPAN_COMMENT, SPAN_END_COMMENT, SPAN_NOTE,
		       SPAN_END_NOTE };
	slice m;
	int k, n = 0;
	while ((k = scan_span_mark(&p, end, lim_of(t), &m)) != SPAN_NONE) {
		ck_assert_int_lt(n, 6);
		ck_assert_int_eq(k, want[n]);
		n++;
	}
	ck_assert_int_eq(n, 6);
}
END_TEST

/* The pre-check must say yes wherever the scanner could find a marker: each word in each case,
 * at every alignment to the eight-byte words it reads; and no on text with only the letter
 * pairs it looks for. */
START_TEST(test_span_marks_possible)
{
	const char *words[] = { "SUMMARY", "summary", "Comment", "COMMENT", "note", "NoTe" };
	char buf[64];
	for (size_t w = 0; w < sizeof words / sizeof *words; w++)
		for (int pad = 0; pad < 20; pad++) {
			int n = snprintf(buf, sizeof buf, "%.*s%s x\n", pad, "xxxxxxxxxxxxxxxxxxxxxxx",
					 words[w]);
			ck_assert_msg(span_marks_possible(buf, buf + n), "%s after %d", words[w], pad);
		}
	const char *no[] = { "", "x\n", "common commitment, not otherwise nodded at as a sum.\n",
			     "summar y comm ent no te SUMMAR\n", "MM mm OT ot Mm oT\n" };
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		ck_assert_msg(!span_marks_possible(no[i], no[i] + strlen(no[i])), "%s", no[i]);
}
END_TEST

START_TEST(test_name_lines)
{
	const char *yes[] = { "SECHE\n", "VAN VOORST\n", "Swindells\n", "FEINSTEIN/GAVRILIS\n" };
	const char *no[] = { "END COMMENT.\n", "Minister Downer.\n", "COVER THE NEXT 12 MONTHS\n",
			     "and so on\n", "CONFIDENTIAL\n" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		slice l = { yes[i], strlen(yes[i]) - 1 };
		ck_assert_msg(is_name_line(l, lim_of(yes[i])), "%s", yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		slice l = { no[i], strlen(no[i]) - 1 };
		ck_assert_msg(!is_name_line(l, lim_of(no[i])), "%s", no[i]);
	}
}
END_TEST

START_TEST(test_captions)
{
	const char *t = "SIPDIS  NOFORN, E X D I S C O R R E C T E D COPY (ADDED TAGS)\n";
	const char *p = t, *end = strchr(t, '\n');
	const char *want[] = { "SIPDIS", "NOFORN", "EXDIS", "CORRECTED COPY" };
	slice c;
	int n = 0;
	while (scan_caption(&p, end, lim_of(t), &c)) {
		ck_assert_int_lt(n, 4);
		CHECK_SLICE(c, want[n]);
		n++;
	}
	ck_assert_int_eq(n, 4);
}
END_TEST

START_TEST(test_garbled_levels)
{
	const char *lines[] = { "CC O N F I D E N T I A L X 000001\n", "SS E C R E T X 000001\n",
				"S e c r e t berlin 000643\n", "UUNCLAS X 000001\n",
				"O N F I D E N T I A L X 000001\n" };
	const char *levels[] = { "CONFIDENTIAL", "SECRET", "SECRET", "UNCLASSIFIED", "CONFIDENTIAL" };
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		classline_fields f;
		ck_assert_msg(scan_classline_head(lines[i], lim_of(lines[i]), &f), "%s", lines[i]);
		ck_assert_str_eq(level_name(f.level), levels[i]);
	}
}
END_TEST

/* Handling caveats after the level, with or without slashes: the origin keeps only its words. */
static const struct {
	const char *line, *caveat, *origin;
} caveat_cases[] = {
	{ "SECRET//NOFORN X 000001\n", "NOFORN", "X" },
	{ "SECRET//NOFORN//ORCON X 000001\n", "NOFORN//ORCON", "X" },
	{ "S E C R E T NOFORN X 000001\n", "NOFORN", "X" },
	{ "SECRET NOFORN NODIS SECTION 01 OF 02 X 000001\n", "NOFORN NODIS", "X" },
	{ "UNCLAS SENSITIVE TEL AVIV 000001\n", "SENSITIVE", "TEL AVIV" },
	{ "UNCLASSIFIED//FOR OFFICIAL USE ONLY X 000001\n", "FOR OFFICIAL USE ONLY", "X" },
	{ "CONFIDENTIAL NOFORNIA 000001\n", NULL, "NOFORNIA" },
};

START_TEST(test_classline_caveats)
{
	const char *l = caveat_cases[_i].line;
	classline_fields f;
	ck_assert_msg(scan_classline(l, lim_of(l), &f), "%s", l);
	CHECK_SLICE(f.caveat, caveat_cases[_i].caveat);
	CHECK_SLICE(f.origin, caveat_cases[_i].origin);
	CHECK_SLICE(f.serial, "000001");
}
END_TEST

START_TEST(test_vertical_dump)
{
	const char *t = "<<220571>>\n8/13/2009 8:54\n09EXAMPLE234\nEmbassy Example\nSECRET\n\n"
			"O 130854Z AUG 09\n";
	size_t lines;
	const char *after = skip_vertical_dump(t, lim_of(t), &lines);
	ck_assert_ptr_nonnull(after);
	ck_assert(!strncmp(after, "O 130854Z", 9));
	const char *csv = "31082,4/19/2005 20:39,05EXAMPLE3726,\"Embassy X\",CONFIDENTIAL,,\"VZCZC\n";
	after = skip_vertical_dump(csv, lim_of(csv), &lines);
	ck_assert_ptr_nonnull(after);
	ck_assert(!strncmp(after, "VZCZC", 5));
	const char *none = "UNCLAS X 000001\n";
	ck_assert_ptr_null(skip_vertical_dump(none, lim_of(none), &lines));
}
END_TEST

/* ---- lexer/cable/line_shapes.h: the line shapes the line lexers read in C ------------------ */

static const struct {
	const char *line;
	int office_line;       /* sp* (office sp*)+ ("/" digit+ sp* upper? sp*)? "\n" */
	int keyword_at;        /* where office_keyword_line finds the office, -1 for none */
	int cls_ends;          /* how many ends cls_word has at the first non-blank */
	int spaced_upper_end;  /* cls_spaced_before_upper's end, -1 for none */
} shape_cases[] = {
	{ "INFO  LOG-00 EUR-00 SS-00 /012 W\n", 0, 6, 0, -1 },
	{ "LOG-00 EUR-00 SS-00 /012 W\n", 1, -1, 0, -1 },
	{ "  NP-00   \n", 1, -1, 0, -1 },
	{ "ABCDE-12\n", 1, -1, 0, -1 },
	{ "ABCDEF-12\n", 0, -1, 0, -1 },
	{ "AB-123\n", 0, -1, 0, -1 },
	{ "AB-12 / 34\n", 0, -1, 0, -1 },
	{ "AB-12/34 X Y\n", 0, -1, 0, -1 },
	{ "ACTION EUR-00 x\n", 0, 7, 0, -1 },
	{ "ORIGIN\tEUR-00\n", 0, 7, 0, -1 },
	{ "INFORMATION LOG-00\n", 0, -1, 0, -1 },
	{ "SECRET\n", 0, -1, 1, -1 },
	{ "S e c r e t berlin\n", 0, -1, 1, -1 },
	{ "CCONFIDENTIAL\n", 0, -1, 1, -1 },
	{ "UNCLASSIFIED\n", 0, -1, 2, -1 },
	{ "UNCLAS SIFIED\n", 0, -1, 2, -1 },
	{ "LIMITED  OFFICIL USE\n", 0, -1, 1, -1 },
	{ "TOP SECRET\n", 0, -1, 1, -1 },
	{ "RESTRICTED\n", 0, -1, 1, -1 },
	{ "restricted\n", 0, -1, 0, -1 },
	{ "C O N F I D E N T I A LCAIRO\n", 0, -1, 1, 23 },
	{ "S E C R E TROME\n", 0, -1, 1, 11 },
	{ "The minister said\n", 0, -1, 0, -1 },
};

START_TEST(test_line_shapes)
{
	const unsigned char *p = (const unsigned char *)shape_cases[_i].line, *ends[CLS_ENDS];
	ck_assert_int_eq(office_line(p) != NULL, shape_cases[_i].office_line);
	const unsigned char *k = office_keyword_line(p);
	ck_assert_int_eq(k ? (int)(k - p) : -1, shape_cases[_i].keyword_at);
	ck_assert_int_eq(cls_word_ends(skip_blanks(p), ends), shape_cases[_i].cls_ends);
	const unsigned char *u = cls_spaced_before_upper(skip_blanks(p));
	ck_assert_int_eq(u ? (int)(u - p) : -1, shape_cases[_i].spaced_upper_end);
}
END_TEST

START_TEST(test_spaced_word)
{
	const unsigned char *p = (const unsigned char *)"S E CRET x";
	ck_assert_ptr_eq(spaced_word(p, "s_e_c_r_e_t"), p + 8);
	ck_assert_ptr_null(spaced_word(p, "s_e_c_r_e_t_s"));
	p = (const unsigned char *)"TOP \t SECRET";
	ck_assert_ptr_eq(spaced_word(p, "t_o_p+s_e_c_r_e_t"), p + 12);
	ck_assert_ptr_null(spaced_word(p, "T O P+S E C R E T"));
	p = (const unsigned char *)"I  L";
	ck_assert_ptr_eq(spaced_word(p, "i__l"), p + 4);
}
END_TEST

Suite *suite_body_fields(void)
{
	Suite *s = suite_create("body_fields");
	TCase *tc = tcase_create("scanners");
	tcase_add_loop_test(tc, test_eo, 0, sizeof eo_cases / sizeof *eo_cases);
	tcase_add_test(tc, test_tags_items);
	tcase_add_loop_test(tc, test_cable_refs, 0, sizeof ref_cases / sizeof *ref_cases);
	tcase_add_test(tc, test_not_cable_refs);
	tcase_add_test(tc, test_ref_items_and_bullets);
	tcase_add_loop_test(tc, test_reasons, 0, sizeof reason_cases / sizeof *reason_cases);
	tcase_add_test(tc, test_titles);
	tcase_add_test(tc, test_word_tables);
	tcase_add_test(tc, test_span_marks);
	tcase_add_test(tc, test_span_marks_possible);
	tcase_add_test(tc, test_name_lines);
	tcase_add_test(tc, test_captions);
	tcase_add_test(tc, test_garbled_levels);
	tcase_add_loop_test(tc, test_classline_caveats, 0, sizeof caveat_cases / sizeof *caveat_cases);
	tcase_add_test(tc, test_vertical_dump);
	tcase_add_loop_test(tc, test_line_shapes, 0, sizeof shape_cases / sizeof *shape_cases);
	tcase_add_test(tc, test_spaced_word);
	suite_add_tcase(s, tc);
	return s;
}
