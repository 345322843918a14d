/* grammar/cable/body.y + parser/cable/body.c + parser/cable/cable.c: the body of whole telegrams. */
#include <string.h>

#include "check_helpers.h"

static const cw_value *get(const cw_record *rec, const char *path)
{
	return cw_value_get(cw_record_root(rec), path);
}

static const char *str_at(const cw_value *arr, size_t i, const char *member)
{
	static char buf[4][1024];
	static int k;
	const cw_value *v = cw_value_at(arr, i);
	if (member)
		v = cw_value_get(v, member);
	size_t n;
	const char *s = cw_value_string(v, &n);
	if (!s)
		return NULL;
	char *b = buf[k++ % 4];
	snprintf(b, sizeof buf[0], "%.*s", (int)n, s);
	return b;
}

#define HEAD "R 141420Z MAR 07\nFM AMEMBASSY VALLETTA\nTO SECSTATE WASHDC 4127\nBT\n"

START_TEST(test_subject_over_lines_and_a_section_marker)
{
	cw_record *rec = parse_str(HEAD "C O N F I D E N T I A L SECTION 01 OF 02 VALLETTA 000412\n\n"
				   "SUBJECT: (C) MALTA: HARBOR AUTHORITY OUTLINES NEW\n"
				   "VALLETTA 00000412  001.2 OF 002\n"
				   "FERRY SCHEDULE\n\n1. (C) Text.\n", "t.txt");
	ck_assert_str_eq(rec_str(rec, "subject"), "MALTA: HARBOR AUTHORITY OUTLINES NEW FERRY SCHEDULE");
	ck_assert_str_eq(rec_str(rec, "subject_marking"), "C");
	ck_assert_int_eq(cw_value_int(get(rec, "furniture.section_markers")), 1);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_references)
{
	cw_record *rec = parse_str(HEAD "UNCLAS VALLETTA 000412\n\nSUBJECT: X\n\n"
				   "REF: A. STATE 36854 (NOTAL)\n     B. 06 BRASILIA 2799 AND 2764\n"
				   "     C. E-MAIL FROM POLOFF 1/5/07\n\n"
				   "REFS: ROME 101; TELCON WITH DESK\n\n1. (U) Text.\n", "t.txt");
	const cw_value *refs = get(rec, "references");
	ck_assert_uint_eq(cw_value_count(refs), 6);
	ck_assert_str_eq(str_at(refs, 0, "id"), "07STATE36854");
	ck_assert_str_eq(str_at(refs, 0, "caption"), "NOTAL");
	ck_assert_str_eq(str_at(refs, 0, "label"), "A");
	ck_assert_str_eq(str_at(refs, 1, "id"), "06BRASILIA2799");
	ck_assert_str_eq(str_at(refs, 2, "id"), "06BRASILIA2764");
	ck_assert_str_eq(str_at(refs, 2, "label"), "B");
	ck_assert_str_eq(str_at(refs, 3, "kind"), "email");
	ck_assert_str_eq(str_at(refs, 4, "id"), "07ROME101");
	ck_assert_str_eq(str_at(refs, 5, "kind"), "telcon");
	ck_assert(cw_value_bool(cw_value_get(cw_value_at(refs, 0), "year_assumed")));
	ck_assert(!cw_value_bool(cw_value_get(cw_value_at(refs, 1), "year_assumed")));
	cw_record_free(rec);
}
END_TEST

START_TEST(test_paragraphs_spans_and_signature)
{
	cw_record *rec = parse_str(
		HEAD "C O N F I D E N T I A L VALLETTA 000412\n\nSUBJECT: X\n\n"
		"1. (C) Summary: the ferry\nwill stop. End summary.\n\n"
		"------------\nBackground\n------------\n\n"
		"2. (U) The board met:\n\n  A. (U) first point;\n\n  B. second point.\n\n"
		"3. (C) Comment: a pity (Note: it was late. End note.). End comment.\n"
		"VAN VOORST\nCONFIDENTIAL\nNNNN\n",
		"t.txt");
	const cw_value *p = get(rec, "paragraphs");
	ck_assert_uint_eq(cw_value_count(p), 3);
	ck_assert_str_eq(str_at(p, 0, "text"), "Summary: the ferry will stop. End summary.");
	ck_assert_str_eq(str_at(p, 0, "marking"), "C");
	ck_assert_str_eq(str_at(p, 1, "heading"), "Background");
	const cw_value *sub = cw_value_get(cw_value_at(p, 1), "subparagraphs");
	ck_assert_uint_eq(cw_value_count(sub), 2);
	ck_assert_str_eq(str_at(sub, 0, "label"), "A");
	ck_assert_str_eq(str_at(sub, 0, "marking"), "U");
	ck_assert_str_eq(str_at(sub, 1, "text"), "second point.");
	ck_assert_str_eq(str_at(p, 2, "text"), "Comment: a pity (Note: it was late. End note.). End comment.");
	ck_assert_str_eq(rec_str(rec, "summary"), "the ferry will stop.");
	ck_assert_str_eq(str_at(get(rec, "comments"), 0, NULL), "a pity (Note: it was late. End note.).");
	ck_assert_str_eq(str_at(get(rec, "notes"), 0, NULL), "it was late.");
	ck_assert_uint_eq(cw_value_count(get(rec, "signature")), 1);
	ck_assert_str_eq(str_at(get(rec, "signature"), 0, NULL), "VAN VOORST");
	cw_record_free(rec);
}
END_TEST

START_TEST(test_page_break_inside_a_sentence)
{
	cw_record *rec = parse_str(
		"This record is a partial extract of the original cable. The full text of the "
		"original cable is not available.\n\n221005Z Aug 01\n\n"
		"C O N F I D E N T I A L SECTION 01 OF 02 HARARE 001234\n\nSUBJECT: X\n\n"
		"1. (C) THE COMMISSION SAID THE VOTE WILL MOVE\nCONFIDENTIAL\n\n"
		"PAGE 02 HARARE 01234 221005Z\nTO OCTOBER.\n\n2. (C) NO REASON.\n",
		"t.txt");
	const cw_value *p = get(rec, "paragraphs");
	ck_assert_uint_eq(cw_value_count(p), 2);
	ck_assert_str_eq(str_at(p, 0, "text"), "THE COMMISSION SAID THE VOTE WILL MOVE TO OCTOBER.");
	ck_assert_int_eq(cw_value_int(get(rec, "furniture.page_breaks")), 1);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_head_fields)
{
	cw_record *rec = parse_str(
		HEAD "S E C R E T//NOFORN VALLETTA 000412 SIPDIS\n\nEXDIS\n\nNSC FOR SMITH, PARIS FOR JONES\n\n"
		"E.O. 12958: DECL: 03/14/2017\nTAGS: PREL, MT\nOVIP (DOE, JOHN Q.) CLINTON HILLARY\n"
		"SUBJECT: X\n\nClassified By: Charge d'Affaires, Jane Example, for reasons 1.4 (b) and (d)\n\n"
		"1. (S) Text.\n",
		"t.txt");
	ck_assert_str_eq(rec_str(rec, "classification.level"), "SECRET");
	ck_assert_str_eq(str_at(get(rec, "classification.caveats"), 0, NULL), "NOFORN");
	const cw_value *cap = get(rec, "captions");
	ck_assert_uint_eq(cw_value_count(cap), 2);
	ck_assert_str_eq(str_at(cap, 0, NULL), "SIPDIS");
	ck_assert_str_eq(str_at(cap, 1, NULL), "EXDIS");
	ck_assert_str_eq(str_at(get(rec, "pass_lines"), 0, NULL), "NSC FOR SMITH, PARIS FOR JONES");
	ck_assert_str_eq(rec_str(rec, "eo.decl"), "2017-03-14");
	const cw_value *tags = get(rec, "tags");
	ck_assert_uint_eq(cw_value_count(tags), 5);
	ck_assert_str_eq(str_at(tags, 1, "kind"), "geographic");
	ck_assert_str_eq(str_at(tags, 2, "value"), "OVIP");
	ck_assert_str_eq(str_at(tags, 3, "value"), "DOE, JOHN Q.");
	ck_assert_str_eq(str_at(tags, 3, "kind"), "person");
	ck_assert_str_eq(str_at(tags, 4, "value"), "CLINTON HILLARY");
	ck_assert_str_eq(str_at(tags, 4, "kind"), "person");
	ck_assert_str_eq(str_at(get(rec, "classified_by.titles"), 0, NULL), "Charge d'Affaires");
	ck_assert_str_eq(str_at(get(rec, "classified_by.names"), 0, NULL), "Jane Example");
	ck_assert_uint_eq(cw_value_count(get(rec, "classified_by.reasons")), 2);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_collapsed_head)
{
	/* A release's one-line head: dump prefix, glued serial and keywords. */
	cw_record *rec = parse_str(
		"P 151240Z NOV 02\nFM AMEMBASSY ANKARA\nTO SECSTATE WASHDC PRIORITY 6070\nBT\n"
		"Cable dated:2002-11-15T12:40:00S E C R E T SECTION 01 OF 05 ANKARA 008305SIPDISE.O. "
		"12958: DECL: 11/14/2012 TAGS: PTER TU\n\n1. (U) Text.\n",
		"t.txt");
	ck_assert_str_eq(rec_str(rec, "id"), "02ANKARA8305");
	ck_assert_str_eq(str_at(get(rec, "captions"), 0, NULL), "SIPDIS");
	ck_assert_str_eq(rec_str(rec, "eo.decl"), "2012-11-14");
	ck_assert_uint_eq(cw_value_count(get(rec, "tags")), 2);
	ck_assert(has_diag(rec, "BODY_DUMP_LEFTOVER"));
	cw_record_free(rec);
}
END_TEST

START_TEST(test_split_and_garbled_classification)
{
	cw_record *rec = parse_str("R 011200Z JAN 10\nFM AMEMBASSY TRIPOLI\nBT\n"
				   "C O N F I D E N T I A L SECTION 01 OF 02\n\nTRIPOLI 000133\n\n1. (C) X.\n",
				   "t.txt");
	ck_assert_str_eq(rec_str(rec, "id"), "10TRIPOLI133");
	cw_record_free(rec);
	rec = parse_str("R 011200Z JAN 08\nFM AMEMBASSY LONDON\nBT\nUNCLAS E F T O LONDON 002883\n\n1. X.\n",
			"t.txt");
	ck_assert_str_eq(rec_str(rec, "id"), "08LONDON2883");
	ck_assert_str_eq(str_at(get(rec, "classification.caveats"), 0, NULL), "EFTO");
	cw_record_free(rec);
	rec = parse_str("DE RUEHEK #0021/01 0101200\nR 101200Z JAN 08\nFM AMEMBASSY BISHKEK\nBT\n"
			"UNCLAS SECTION 01 GF 02 BISHIEK 00Q021\n\n1. X.\n", "t.txt");
	ck_assert_str_eq(rec_str(rec, "id"), "08BISHKEK21");
	ck_assert(has_diag(rec, "CABLE_ID_FROM_HEADER"));
	cw_record_free(rec);
}
END_TEST

/* Each cross-check, alone. */
static const struct {
	const char *text, *code;
} checks[] = {
	{ "DE RUEHXX #0412 0731420\nZNY CCCCC ZZH\nR 141420Z MAR 07\nFM AMEMBASSY VALLETTA\nBT\n"
	  "UNCLAS VALLETTA 000412\n\n1. X.\n", "CHK_CLASS_GROUP" },
	{ "DE RUEHXX #0413 0731420\nR 141420Z MAR 07\nFM AMEMBASSY VALLETTA\nBT\nUNCLAS VALLETTA 000412\n\n1. X.\n",
	  "CHK_SSN_SERIAL" },
	{ "DE RUEHXX #0412/02 0731420\nR 141420Z MAR 07\nFM AMEMBASSY VALLETTA\nBT\n"
	  "UNCLAS SECTION 01 OF 02 VALLETTA 000412\n\n1. X.\n", "CHK_SECTION_PART" },
	{ HEAD "UNCLAS VALLETTA 000412\n\nE.O. 12958: DECL: 03/14/2006\n\n1. X.\n", "CHK_DECL_BEFORE_DTG" },
	{ HEAD "UNCLAS VALLETTA 000412\n\n1. X.\n\n3. Y.\n", "CHK_PARA_SKIP" },
	{ HEAD "C O N F I D E N T I A L VALLETTA 000412\n\n1. (S) X.\n", "CHK_MARKING_ABOVE" },
	{ "DE RUEHXX #0412 0731420\nR 141420Z MAR 07\nFM AMEMBASSY VALLETTA\nBT\n"
	  "UNCLAS MOSCOW 005154\n\n1. X.\n", "CHK_ORIGIN_MISMATCH" },
};

START_TEST(test_cross_checks)
{
	cw_record *rec = parse_str(checks[_i].text, "t.txt");
	ck_assert_msg(has_diag(rec, checks[_i].code), "%s not reported", checks[_i].code);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_clean_cable_has_no_check_warnings)
{
	cw_record *rec = parse_str("DE RUEHXX #0412/01 0731420\nZNY CCCCC ZZH\nR 141420Z MAR 07\n"
				   "FM AMEMBASSY VALLETTA\nBT\n"
				   "C O N F I D E N T I A L SECTION 01 OF 02 VALLETTA 000412\n\n"
				   "E.O. 12958: DECL: 03/14/2017\n\n1. (C) X.\n\n2. (U) Y.\n", "t.txt");
	ck_assert_uint_eq(cw_record_count_at_least(rec, CW_WARNING), 0);
	cw_record_free(rec);
}
END_TEST

START_TEST(test_vertical_dump_then_telegram)
{
	cw_record *rec = parse_str("<<220571>>\n8/13/2009 8:54\n09EXAMPLE234\nEmbassy Example\nSECRET\n\n"
				   "O 130854Z AUG 09\nFM AMEMBASSY EXAMPLE\nTO SECSTATE WASHDC 0001\n\n"
				   "S E C R E T EXAMPLE 000234\n\n1. (S) X.\n", "t.txt");
	ck_assert_str_eq(rec_str(rec, "id"), "09EXAMPLE234");
	ck_assert_str_eq(rec_str(rec, "routing.from.address"), "AMEMBASSY EXAMPLE");
	ck_assert(has_diag(rec, "BODY_DUMP_LEFTOVER"));
	cw_record_free(rec);
}
END_TEST

/* A banner line above the classification line: the line gives the id, the banner its caveat. */
START_TEST(test_banner_above_classline)
{
	cw_record *rec = parse_str(HEAD "UNCLASSIFIED//FOR OFFICIAL USE ONLY\n\n"
				   "UNCLAS SECTION 01 OF 02 VALLETTA 000412\n\nSIPDIS\n\nSUBJECT: X\n\n1. Y.\n",
				   "in");
	ck_assert_str_eq(rec_str(rec, "id"), "07VALLETTA412");
	ck_assert_str_eq(rec_str(rec, "classification.raw"), "UNCLAS SECTION 01 OF 02 VALLETTA 000412");
	json_t *j = record_jansson(rec);
	json_t *cav = json_object_get(json_object_get(j, "classification"), "caveats");
	ck_assert_uint_eq(json_array_size(cav), 1);
	ck_assert_str_eq(json_string_value(json_array_get(cav, 0)), "FOR OFFICIAL USE ONLY");
	json_decref(j);
	ck_assert(!has_diag(rec, "BODY_CLASSLINE_GARBLED"));
	cw_record_free(rec);
}
END_TEST

/* Without a classification line the level is the highest (C)/(S)/(TS) marking; (U) alone says
 * nothing, since LIMITED OFFICIAL USE cables mark their paragraphs (U) too. */
START_TEST(test_level_from_markings)
{
	cw_record *rec = parse_str("SUBJECT: X\n\n1. (C) One.\n\n2. (S) Two.\n\n3. (U) Three.\n", "in");
	ck_assert_str_eq(rec_str(rec, "classification.level"), "SECRET");
	ck_assert_str_eq(rec_str(rec, "classification.level_source"), "markings");
	ck_assert(has_diag(rec, "CABLE_LEVEL_FROM_MARKINGS"));
	cw_record_free(rec);
	rec = parse_str("SUBJECT: X\n\n1. (U) One.\n\n2. (SBU) Two.\n", "in");
	ck_assert_ptr_null(rec_str(rec, "classification.level"));
	ck_assert(!has_diag(rec, "CABLE_LEVEL_FROM_MARKINGS"));
	cw_record_free(rec);
	rec = parse_str(HEAD "CONFIDENTIAL VALLETTA 000412\n\n1. (S) One.\n", "in");
	ck_assert_str_eq(rec_str(rec, "classification.level"), "CONFIDENTIAL");
	ck_assert_str_eq(rec_str(rec, "classification.level_source"), "telegram");
	cw_record_free(rec);
}
END_TEST

Suite *suite_body(void)
{
	Suite *s = suite_create("body");
	TCase *tc = tcase_create("fields");
	tcase_add_test(tc, test_subject_over_lines_and_a_section_marker);
	tcase_add_test(tc, test_references);
	tcase_add_test(tc, test_paragraphs_spans_and_signature);
	tcase_add_test(tc, test_page_break_inside_a_sentence);
	tcase_add_test(tc, test_head_fields);
	tcase_add_test(tc, test_collapsed_head);
	tcase_add_test(tc, test_split_and_garbled_classification);
	tcase_add_test(tc, test_vertical_dump_then_telegram);
	tcase_add_test(tc, test_level_from_markings);
	tcase_add_test(tc, test_banner_above_classline);
	suite_add_tcase(s, tc);
	TCase *ck = tcase_create("checks");
	tcase_add_loop_test(ck, test_cross_checks, 0, sizeof checks / sizeof *checks);
	tcase_add_test(ck, test_clean_cable_has_no_check_warnings);
	suite_add_tcase(s, ck);
	return s;
}
