/* lexer/article/article.re: paragraph kinds, datelines, bylines, credits, attributions; table-driven.
 * The examples are the patterns of the formats (FORMATS.md), written for these tests. */
#include <string.h>

#include "lexer/article/article_fields.h"
#include "lexer/core/words.h"
#include "check_helpers.h"
#include "check_slices.h"

/* ---- paragraph kinds ---------------------------------------------------------------------- */

static const struct {
	const char *para;
	int kind;
} kind_cases[] = {
	{ "Watch CBS News\n", AK_CHROME },
	{ "Share this story\n", AK_CHROME },
	{ "Close X\n", AK_CHROME },
	{ "About these ads\n", AK_CHROME },
	{ "Scroll to Top\n", AK_CHROME },
	{ "your connection to The Example Gazette\n", AK_CHROME },
	{ "(Click here for the latest on the talks.)\n", AK_CHROME },
	{ "Get browser notifications for breaking news, live events, and exclusive reporting.\n", AK_CHROME },
	{ "Get the Example stories you care about delivered to your inbox.\n", AK_CHROME },
	{ "Page:   1   |   2   |   3\n", AK_NAV },
	{ "By PAUL EXAMPLE and MARIA SAMPLE\n", AK_BYLINE },
	{ "By Tom Example, The Example Union-Tribune\n", AK_BYLINE },
	{ "by Jane Sample, Reuters\n", AK_BYLINE },
	{ "BY TED D'EXAMPLE, Reuters\n", AK_BYLINE },
	{ "By dpa correspondents\n", AK_BYLINE },
	{ "Story by Kirby Example\n", AK_BYLINE },
	{ "By: Jane Sample\n", AK_BYLINE },
	{ "Watch Riverton News\n", AK_CHROME },
	{ "View Example News In\n", AK_CHROME },
	{ "Example News App Open\n", AK_CHROME },
	{ "^By CHARLES EXAMPLE=\n", AK_TEXT },
	{ "By the time the vote ended, the hall was empty.\n", AK_TEXT },
	{ "By Tuesday, officials said the plan had failed.\n", AK_TEXT },
	{ "Associated Press\n", AK_AFFIL },
	{ "AP Sports Writer\n", AK_AFFIL },
	{ "THE CANADIAN PRESS\n", AK_AFFIL },
	{ "Jane Sample is Example News' reporter in Valletta.\n", AK_BIO },
	{ "Jane Sample is a senior fellow at the institute, which she joined in 2001.\n", AK_TEXT },
	{ "(AP Photo/Jane Sample)\n", AK_PHOTO },
	{ "(AP Photo/ Pool)\n", AK_PHOTO },
	{ "AP Photo XYZ101, XYZ102\n", AK_PHOTO },
	{ "Associated Press writer John Sample contributed to this report.\n", AK_CONTRIB },
	/* the b of contributed first in a block of sixteen, its i last in the one before */
	{ "Jo Sample contributed to this report.\n", AK_CONTRIB },
	{ "Staff writer Jo Example helped with this story.\n", AK_CONTRIB },
	/* only the first line is read: a phrase on the second is none */
	{ "The minister spoke to reporters for an hour\nand Jo Sample contributed to this report.\n", AK_TEXT },
	{ "Reporting by Jane Sample; Editing by John Example\n", AK_CONTRIB },
	{ "  \xe2\x80\xa2 The talks resume on Monday.\n", AK_BULLET },
	{ "___\n", AK_ENDSEP },
	{ "Eds: With AP Photos.\n", AK_EDNOTE },
	{ "EDITOR'S NOTE _ This is part of a series.\n", AK_EDNOTE },
	{ " Reuter\n", AK_SIGNOFF },
	{ "The council met on Tuesday and agreed to meet again.\n", AK_TEXT },
	{ "Council delays vote on port fees\n", AK_TEXT },
};

START_TEST(test_kinds)
{
	const char *p = kind_cases[_i].para;
	int k = art_classify(p, lim_of(p), lim_of(p));
	ck_assert_msg(k == kind_cases[_i].kind, "'%s': got %s, want %s", p, art_kind_name(k),
		      art_kind_name(kind_cases[_i].kind));
}
END_TEST

/* ---- datelines ---------------------------------------------------------------------------- */

static const struct {
	const char *para, *text, *location, *region, *date, *agency, *rest;
} dateline_cases[] = {
	{ "MOSCOW --Hamas said.\n", "MOSCOW --", "MOSCOW", NULL, NULL, NULL, "Hamas said.\n" },
	{ "CAIRO: The director arrived.\n", "CAIRO:", "CAIRO", NULL, NULL, NULL, "The director arrived.\n" },
	{ "BUENOS AIRES, Argentina (AP) _ For patients\n", "BUENOS AIRES, Argentina (AP) _", "BUENOS AIRES",
	  "Argentina", NULL, "AP", "For patients\n" },
	{ "ATLANTA (AP) _ Deng scored\n", "ATLANTA (AP) _", "ATLANTA", NULL, NULL, "AP", "Deng scored\n" },
	{ "TALLAHASSEE, Fla. (AP) \xe2\x80\x94 Florida State sued\n", "TALLAHASSEE, Fla. (AP) \xe2\x80\x94",
	  "TALLAHASSEE", "Fla.", NULL, "AP", "Florida State sued\n" },
	{ "Berlin (dpa) - Negotiations\n", "Berlin (dpa) -", "Berlin", NULL, NULL, "dpa", "Negotiations\n" },
	{ "San Diego (tca/dpa) - History\n", "San Diego (tca/dpa) -", "San Diego", NULL, NULL, "tca/dpa", "History\n" },
	{ "Hong Kong CNN  \xe2\x80\x94 The city\n", "Hong Kong CNN  \xe2\x80\x94", "Hong Kong", NULL, NULL, "CNN", "The city\n" },
	{ "SALVADOR, Feb 26 - Showers\n", "SALVADOR, Feb 26 -", "SALVADOR", NULL, "Feb 26", NULL, "Showers\n" },
	{ "PORTLAND, Ore., Feb 26 - The\n", "PORTLAND, Ore., Feb 26 -", "PORTLAND", "Ore.", "Feb 26", NULL, "The\n" },
	{ "Toronto, March 3 - Shares\n", "Toronto, March 3 -", "Toronto", NULL, "March 3", NULL, "Shares\n" },
	{ "NEW YORK, FEb 26 - Prices\n", "NEW YORK, FEb 26 -", "NEW YORK", NULL, "FEb 26", NULL, "Prices\n" },
	{ "ATLANTA, Feb 19 AP - The\n", "ATLANTA, Feb 19 AP -", "ATLANTA", NULL, "Feb 19", "AP", "The\n" },
	{ "(07-17) 13:09 PDT BERKELEY -- A fire\n", "(07-17) 13:09 PDT BERKELEY --", "BERKELEY", NULL,
	  "(07-17) 13:09 PDT", NULL, "A fire\n" },
	{ "ROSCOE, South Dakota (AP) _ Robert\n", "ROSCOE, South Dakota (AP) _", "ROSCOE", "South Dakota",
	  NULL, "AP", "Robert\n" },
	{ "CLARKSBURG, W.Va., Feb 26 - Gas\n", "CLARKSBURG, W.Va., Feb 26 -", "CLARKSBURG", "W.Va.", "Feb 26",
	  NULL, "Gas\n" },
	{ "DEARBORN, MICH., Feb 26 - Ford\n", "DEARBORN, MICH., Feb 26 -", "DEARBORN", "MICH.", "Feb 26",
	  NULL, "Ford\n" },
	{ "AMSTERDAM, 2 March - The bank\n", "AMSTERDAM, 2 March -", "AMSTERDAM", NULL, "2 March", NULL,
	  "The bank\n" },
	/* the dash at the line's end or glued to the date */
	{ "MONTREAL, Feb 26-\n    Shr 1.11\n", "MONTREAL, Feb 26-", "MONTREAL", NULL, "Feb 26", NULL,
	  "\n    Shr 1.11\n" },
	{ "SANTA CRUZ, Calif., Feb 26 -\n    Shr 34\n", "SANTA CRUZ, Calif., Feb 26 -", "SANTA CRUZ", "Calif.",
	  "Feb 26", NULL, "\n    Shr 34\n" },
	/* Not datelines. */
	{ "DEAR SIR: The letter\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "It rose 5 pct -\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "Dear Abby: My husband\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "Pros: High-quality interior\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "UPDATED: The story\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "BREAKING -- A fire\n", NULL, NULL, NULL, NULL, NULL, NULL },
	/* labels of every part of their list (looked up by first letter) */
	{ "ADVISORY -- A fire\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "EDS -- A fire\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "NATO -- A fire\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "U.S. -- A fire\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "URGENT -- A fire\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "YES -- A fire\n", NULL, NULL, NULL, NULL, NULL, NULL },
	/* a place that starts like a label */
	{ "UNION -- A fire\n", "UNION --", "UNION", NULL, NULL, NULL, "A fire\n" },
	{ "The minister said - again - no.\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "Officials said on Monday that\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "U.S.-led forces moved in.\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "ABOUT THE SHOW\n", NULL, NULL, NULL, NULL, NULL, NULL },
	{ "--     -- The market\n", NULL, NULL, NULL, NULL, NULL, NULL },
};

START_TEST(test_datelines)
{
	const char *p = dateline_cases[_i].para;
	dateline_fields d;
	int found = scan_dateline(p, lim_of(p), lim_of(p), &d);
	if (!dateline_cases[_i].text) {
		ck_assert_msg(!found, "'%s' taken for a dateline: '%.*s'", p, (int)d.text.n, d.text.s);
		return;
	}
	ck_assert_msg(found, "'%s' not found", p);
	CHECK_SLICE(d.text, dateline_cases[_i].text);
	CHECK_SLICE(d.location, dateline_cases[_i].location);
	CHECK_SLICE(d.region, dateline_cases[_i].region);
	CHECK_SLICE(d.date, dateline_cases[_i].date);
	CHECK_SLICE(d.agency, dateline_cases[_i].agency);
	ck_assert_str_eq(d.rest, dateline_cases[_i].rest);
}
END_TEST

/* ---- bylines ------------------------------------------------------------------------------ */

static const struct {
	const char *line;
	const char *parts[4];
	int kinds[4];
} byline_cases[] = {
	{ "By PAUL EXAMPLE and MARIA SAMPLE\n", { "PAUL EXAMPLE", "MARIA SAMPLE" }, { PART_NAME, PART_NAME } },
	{ "By Tom Example, The Example Union-Tribune\n", { "Tom Example", "The Example Union-Tribune" },
	  { PART_NAME, PART_AGENCY } },
	{ "by Jane Sample, Reuters\n", { "Jane Sample", "Reuters" }, { PART_NAME, PART_AGENCY } },
	{ "By Ana de la Cruz, Jo Smith and Lee Wu\n", { "Ana de la Cruz", "Jo Smith", "Lee Wu" },
	  { PART_NAME, PART_NAME, PART_NAME } },
	{ "By BERNARD EXAMPLE, AP Business Writer\n", { "BERNARD EXAMPLE", "AP Business Writer" },
	  { PART_NAME, PART_TITLE } },
	{ "By RALPH D. SAMPLE, BOB EXAMPLE\n", { "RALPH D. SAMPLE", "BOB EXAMPLE" }, { PART_NAME, PART_NAME } },
	{ "By Brad Sample Reuters\n", { "Brad Sample Reuters" }, { PART_AGENCY } },
};

START_TEST(test_bylines)
{
	const char *l = byline_cases[_i].line;
	const char *rest;
	ck_assert(scan_by_word(l, lim_of(l), lim_of(l), &rest));
	slice part;
	int n = 0;
	while (scan_name_part(&rest, lim_of(l), lim_of(l), &part)) {
		ck_assert_int_lt(n, 4);
		CHECK_SLICE(part, byline_cases[_i].parts[n]);
		ck_assert_int_eq(classify_part(part, lim_of(l)), byline_cases[_i].kinds[n]);
		n++;
	}
	ck_assert_ptr_null(n < 4 ? byline_cases[_i].parts[n] : NULL);
}
END_TEST

/* ---- photo credits ------------------------------------------------------------------------ */

static const struct {
	const char *para, *credit, *agency, *photographer;
} photo_cases[] = {
	{ "(AP Photo/Jane Sample)\n", "(AP Photo/Jane Sample)", "AP", "Jane Sample" },
	{ "Ministers shake hands in Valletta. (AP Photo/ Pool)\n", "(AP Photo/ Pool)", "AP", "Pool" },
	{ "The harbour at dawn. REUTERS/John Example\n", "REUTERS/John Example", "REUTERS", "John Example" },
	{ "The harbour. (Photo: Jane Sample/Example Agency)\n", "(Photo: Jane Sample/Example Agency)",
	  "Example Agency", "Jane Sample" },
	{ "A crowd. Jane Sample/Getty Images\n", "Jane Sample/Getty Images", "Getty Images", "Jane Sample" },
	{ "^AP Photo XYZ101, XYZ102<\n", "AP Photo XYZ101, XYZ102<", "AP", NULL },
	{ "He said (in public) that he would go.\n", NULL, NULL, NULL },
};

START_TEST(test_photo_credits)
{
	const char *p = photo_cases[_i].para;
	photo_fields ph;
	int found = scan_photo_credit(p, lim_of(p), lim_of(p), &ph);
	if (!photo_cases[_i].credit) {
		ck_assert(!found);
		return;
	}
	ck_assert_msg(found, "%s", p);
	CHECK_SLICE(ph.credit, photo_cases[_i].credit);
	CHECK_SLICE(ph.agency, photo_cases[_i].agency);
	CHECK_SLICE(ph.photographer, photo_cases[_i].photographer);
}
END_TEST

/* ---- contributors and attributions -------------------------------------------------------- */

static const struct {
	const char *line, *agency, *names;
} contrib_cases[] = {
	{ "Associated Press writer John Sample contributed to this report.\n", "Associated Press", "John Sample" },
	{ "Associated Press writers Ana Lopez and Jo Sample contributed to this report.\n", "Associated Press",
	  "Ana Lopez and Jo Sample" },
	{ "Reporting by Jane Sample; Editing by John Example\n", NULL, "Jane Sample" },
	{ "Jane Sample contributed reporting.\n", NULL, "Jane Sample" },
};

START_TEST(test_contributors)
{
	const char *l = contrib_cases[_i].line;
	contrib_fields c;
	ck_assert(scan_contributor(l, lim_of(l), lim_of(l), &c));
	CHECK_SLICE(c.agency, contrib_cases[_i].agency);
	CHECK_SLICE(c.names, contrib_cases[_i].names);
}
END_TEST

START_TEST(test_attributions)
{
	const char *t = "A spokesman told Reuters on Monday. Another told Army Radio that the talks "
			"failed, according to state-run Example Arab News Agency. He told reporters "
			"nothing, the Associated Press reports. Data told dpa. According to one source, "
			"no; according to Example sources, yes.\n";
	const char *want[] = { "Reuters", "Army Radio", "Example Arab News Agency", "Associated Press",
			       "dpa", "Example sources" };
	const char *p = t;
	attribution_fields a;
	size_t n = 0;
	while (scan_attribution(&p, lim_of(t), lim_of(t), &a)) {
		ck_assert_uint_lt(n, sizeof want / sizeof *want);
		CHECK_SLICE(a.source, want[n]);
		n++;
	}
	ck_assert_uint_eq(n, sizeof want / sizeof *want);
}
END_TEST

START_TEST(test_agencies)
{
	const char *in[] = { "AP", "The Associated Press", "Reuters", "REUTER", "dpa", "AFP", "Reuters.", "Example" };
	const char *out[] = { "AP", "AP", "Reuters", "Reuters", "dpa", "AFP", "Reuters", NULL };
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		const char *got = agency_canonical((slice){ in[i], strlen(in[i]) });
		if (out[i])
			ck_assert_msg(got && !strcmp(got, out[i]), "%s -> %s", in[i], got ? got : "(null)");
		else
			ck_assert_ptr_null(got);
	}
}
END_TEST

/* ---- lexer/core/words.h: word lists looked up in C ---------------------------------------- */

static const struct {
	const char *text, *kw;
	int ci_end, cs_end; /* where word_ci and word_cs end, -1 for no match */
} word_cases[] = {
	{ "Reuters/AP", "reuters", 7, -1 },
	{ "reuters", "reuters", 7, 7 },
	{ "REUTERS.", "reuters", 7, -1 },
	{ "Reute", "reuters", -1, -1 },
	{ "E-Mail", "e-mail", 6, -1 },
	{ "E_Mail", "e-mail", -1, -1 },
	{ "CBS News", "CBS News", 8, 8 },
	{ "D\xe2\x80\x99" "AFFAIRES", "d\xe2\x80\x99" "affaires", 12, -1 },
	{ "[", "{", -1, -1 },
	{ "", "a", -1, -1 },
};

START_TEST(test_words)
{
	const unsigned char *p = (const unsigned char *)word_cases[_i].text, *e;
	e = word_ci(p, word_cases[_i].kw);
	ck_assert_int_eq(e ? (int)(e - p) : -1, word_cases[_i].ci_end);
	e = word_cs(p, word_cases[_i].kw);
	ck_assert_int_eq(e ? (int)(e - p) : -1, word_cases[_i].cs_end);
}
END_TEST

START_TEST(test_words_longest)
{
	static const char *const list[] = { "share", "share this", "share this story", "close" };
	const unsigned char *p = (const unsigned char *)"Share This Story now";
	ck_assert_ptr_eq(word_longest_ci(p, list, WORDS_N(list)), p + 16);
	p = (const unsigned char *)"Share this";
	ck_assert_ptr_eq(word_longest_ci(p, list, WORDS_N(list)), p + 10);
	p = (const unsigned char *)"Shar";
	ck_assert_ptr_null(word_longest_ci(p, list, WORDS_N(list)));
}
END_TEST

Suite *suite_article_fields(void)
{
	Suite *s = suite_create("article_fields");
	TCase *tc = tcase_create("scanners");
	tcase_add_loop_test(tc, test_kinds, 0, sizeof kind_cases / sizeof *kind_cases);
	tcase_add_loop_test(tc, test_datelines, 0, sizeof dateline_cases / sizeof *dateline_cases);
	tcase_add_loop_test(tc, test_bylines, 0, sizeof byline_cases / sizeof *byline_cases);
	tcase_add_loop_test(tc, test_photo_credits, 0, sizeof photo_cases / sizeof *photo_cases);
	tcase_add_loop_test(tc, test_contributors, 0, sizeof contrib_cases / sizeof *contrib_cases);
	tcase_add_test(tc, test_attributions);
	tcase_add_test(tc, test_agencies);
	tcase_add_loop_test(tc, test_words, 0, sizeof word_cases / sizeof *word_cases);
	tcase_add_test(tc, test_words_longest);
	suite_add_tcase(s, tc);
	return s;
}
