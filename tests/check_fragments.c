/* Excerpts of telegrams (parser/cable/cable.c, body.c, the form detection): every body element
 * alone, in its odd forms, and every pair of elements in a telegram's order, joined line under
 * line and with a blank line between. Each case is parsed with the form detected and as plain
 * text (--from text): it must be a cable record holding the element's fields, with no error,
 * and say whether it is an excerpt. All content is invented. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"

typedef struct frag_case {
	const char *name;
	const char *input;
	const char *expect; /* a JSON subset of the record */
} frag_case;

/* One element or one odd form each. */
static const frag_case singles[] = {
	/* TAGS */
	{ "tags comma", "TAGS: PREL, PGOV, MT\n",
	  "{\"tags\":[{\"value\":\"PREL\",\"kind\":\"subject\"},{\"value\":\"PGOV\",\"kind\":\"subject\"},"
	  "{\"value\":\"MT\",\"kind\":\"geographic\"}]}" },
	{ "tags blank-separated", "TAGS PREL PHUM KDEM XY\n",
	  "{\"tags\":[{\"value\":\"PREL\"},{\"value\":\"PHUM\"},{\"value\":\"KDEM\",\"kind\":\"program\"},"
	  "{\"value\":\"XY\",\"kind\":\"geographic\"}]}" },
	{ "tags unknown word", "TAGS: something\n",
	  "{\"tags\":[{\"value\":\"something\",\"kind\":\"unknown\"}]}" },
	{ "tags unknown words", "TAGS: PREL, Harbour Works, ETRD\n",
	  "{\"tags\":[{\"value\":\"PREL\"},{\"value\":\"Harbour Works\",\"kind\":\"unknown\"},"
	  "{\"value\":\"ETRD\",\"kind\":\"subject\"}]}" },
	{ "tags mixed-case keyword", "Tags: PREL, PGOV\n",
	  "{\"tags\":[{\"value\":\"PREL\"},{\"value\":\"PGOV\"}]}" },
	{ "tags person", "TAGS: PREL, DOE JOHN, MT\n",
	  "{\"tags\":[{\"value\":\"PREL\"},{\"value\":\"DOE JOHN\",\"kind\":\"person\"},{\"value\":\"MT\"}]}" },
	{ "tags organisation", "TAGS: PREL, NATO, UNSC\n",
	  "{\"tags\":[{\"value\":\"PREL\"},{\"value\":\"NATO\"},{\"value\":\"UNSC\"}]}" },
	/* REF */
	{ "ref one per line", "REF: A. 08 VALLETTA 101\n     B. 08 VALLETTA 0202\n",
	  "{\"references\":[{\"label\":\"A\",\"id\":\"08VALLETTA101\"},{\"label\":\"B\",\"id\":\"08VALLETTA202\"}]}" },
	{ "ref run together", "REF: A. 07 VALLETTA 412 B. 07 VALLETTA 388 C. 06 VALLETTA 2190\n",
	  "{\"references\":[{\"label\":\"A\",\"id\":\"07VALLETTA412\"},{\"label\":\"B\",\"id\":\"07VALLETTA388\"},"
	  "{\"label\":\"C\",\"id\":\"06VALLETTA2190\"}]}" },
	{ "ref without years", "REF: A. VALLETTA 412 B. VALLETTA 388\n",
	  "{\"references\":[{\"label\":\"A\",\"kind\":\"cable\",\"origin\":\"VALLETTA\",\"serial\":\"412\"},"
	  "{\"label\":\"B\",\"kind\":\"cable\",\"serial\":\"388\"}]}" },
	{ "ref leading zeros", "REF: 05 VALLETTA 000123\n",
	  "{\"references\":[{\"id\":\"05VALLETTA123\",\"serial\":\"000123\"}]}" },
	{ "ref and list", "REF: 08 VALLETTA 55 AND 61\n",
	  "{\"references\":[{\"id\":\"08VALLETTA55\"},{\"id\":\"08VALLETTA61\"}]}" },
	{ "ref not a cable", "REF: A. HOTR WASHINGTON DC//USDAO VALLETTA (SUBJ: IIR 6 123 0042 08) B. EMAIL FROM POLOFF 3/4/08\n",
	  "{\"references\":[{\"label\":\"A\",\"id\":null,\"kind\":\"report\"},{\"label\":\"B\",\"id\":null,\"kind\":\"email\"}]}" },
	{ "ref telcon", "REF: TELCON WITH THE DESK 4/5/08\n",
	  "{\"references\":[{\"kind\":\"telcon\"}]}" },
	{ "reftel", "REFTEL: 05 VALLETTA 77\n", "{\"references\":[{\"id\":\"05VALLETTA77\"}]}" },
	{ "refs semicolons", "REFS: A) 07 VALLETTA 101; B) 07 VALLETTA 202\n",
	  "{\"references\":[{\"label\":\"A\",\"id\":\"07VALLETTA101\"},{\"label\":\"B\",\"id\":\"07VALLETTA202\"}]}" },
	{ "ref with a caption", "REF: STATE 36854 (NOTAL)\n",
	  "{\"references\":[{\"caption\":\"NOTAL\",\"origin\":\"STATE\"}]}" },
	/* Classified By */
	{ "clsby title before", "Classified By: Acting Deputy Chief of Mission Pat Doe for Reasons 1.4 (b) and (d)\n",
	  "{\"classified_by\":{\"titles\":[\"Acting Deputy Chief of Mission\"],\"names\":[\"Pat Doe\"],"
	  "\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	{ "clsby title after", "Classified By: Jane Roe, Political Officer, for reasons 1.4 (b) and (d)\n",
	  "{\"classified_by\":{\"titles\":[\"Political Officer\"],\"names\":[\"Jane Roe\"],"
	  "\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	{ "clsby capitals", "CLASSIFIED BY: POLCOUNS J. DOE, REASONS 1.4 (B) AND (D).\n",
	  "{\"classified_by\":{\"titles\":[\"POLCOUNS\"],\"names\":[\"J. DOE\"],\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	{ "clsby no colon", "CLASSIFIED BY AMBASSADOR JOHN DOE. REASON: 1.4 (B)\n",
	  "{\"classified_by\":{\"titles\":[\"AMBASSADOR\"],\"names\":[\"JOHN DOE\"],\"reasons\":[\"1.4(b)\"]}}" },
	{ "clsby two names", "Classified by: DCM John Doe and PolOff Mary Roe, reasons 1.4(b),(d)\n",
	  "{\"classified_by\":{\"titles\":[\"DCM\",\"PolOff\"],\"names\":[\"John Doe\",\"Mary Roe\"],"
	  "\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	{ "clsby initials", "Classified By: A/DCM R. Q. Public, Reason 1.5 (d)\n",
	  "{\"classified_by\":{\"titles\":[\"A/DCM\"],\"names\":[\"R. Q. Public\"],\"reasons\":[\"1.5(d)\"]}}" },
	{ "clsby office after the name",
	  "Classified By: Jane Roe, Deputy Assistant Secretary, Department of State, XYZ; REASON: 1.4(B), (D)\n",
	  "{\"classified_by\":{\"names\":[\"Jane Roe\"],\"titles\":[\"Deputy Assistant Secretary\","
	  "\"Department of State\",\"XYZ\"],\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	{ "clsby suffix", "Classified By: Ambassador John A. Doe, Jr., for reasons 1.4 (b,d)\n",
	  "{\"classified_by\":{\"titles\":[\"Ambassador\"],\"names\":[\"John A. Doe, Jr\"]}}" },
	{ "clsby slash reasons", "Classified By: Political Counselor Jane Roe. Reasons: 1.4 (b/d).\n",
	  "{\"classified_by\":{\"names\":[\"Jane Roe\"],\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	{ "ref and clsby on one line",
	  "REF: 09 VALLETTA 117 (ABC-DEF-IV-012) CLASSIFIED BY: Jane Roe, Deputy Assistant Secretary, XYZ; REASON: 1.4(B), (D)\n",
	  "{\"references\":[{\"id\":\"09VALLETTA117\"}],\"classified_by\":{\"names\":[\"Jane Roe\"],"
	  "\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	{ "clsby in a paragraph", "1. (U) Classified by Ambassador John Doe. Reasons 1.4 (b) and (d).\n",
	  "{\"classified_by\":{\"names\":[\"John Doe\"],\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}}" },
	/* E.O. */
	{ "eo decl date", "E.O. 12958: DECL: 01/02/2018\n",
	  "{\"eo\":{\"order\":\"12958\",\"decl\":\"2018-01-02\",\"not_applicable\":false}}" },
	{ "eo not applicable", "E.O. 12958: N/A\n", "{\"eo\":{\"order\":\"12958\",\"not_applicable\":true}}" },
	{ "eo iso date", "EO 13526: DECL: 2019/12/31\n",
	  "{\"eo\":{\"order\":\"13526\",\"decl\":\"2019-12-31\"}}" },
	{ "eo code", "E.O. 12958 DECL: OADR\n", "{\"eo\":{\"order\":\"12958\",\"decl_code\":\"OADR\"}}" },
	/* SUBJECT */
	{ "subject over two lines", "SUBJECT: (C) MINISTER DISCUSSES\nTHE HARBOUR BUDGET\n",
	  "{\"subject\":\"MINISTER DISCUSSES THE HARBOUR BUDGET\",\"subject_marking\":\"C\"}" },
	{ "subject mixed case", "SUBJECT: Minister discusses the harbour budget\n",
	  "{\"subject\":\"Minister discusses the harbour budget\"}" },
	{ "subj", "SUBJ: HARBOUR BUDGET\n", "{\"subject\":\"HARBOUR BUDGET\"}" },
	{ "subject marked mixed case", "Subject: (SBU) Minister discusses the harbour budget\n",
	  "{\"subject\":\"Minister discusses the harbour budget\",\"subject_marking\":\"SBU\"}" },
	/* SUMMARY */
	{ "summary inline", "SUMMARY: The minister said little. END SUMMARY.\n",
	  "{\"summary\":\"The minister said little.\"}" },
	{ "summary in a paragraph", "1. (C) Summary: The minister said little. End Summary.\n",
	  "{\"summary\":\"The minister said little.\",\"paragraphs\":[{\"number\":1,\"marking\":\"C\"}]}" },
	{ "summary heading underlined", "SUMMARY\n-------\n\nThe minister said little.\n\nCOMMENT\n-------\n\nNothing.\n",
	  "{\"summary\":\"The minister said little.\"}" },
	{ "begin summary", "BEGIN SUMMARY: The minister said little. END SUMMARY.\n",
	  "{\"summary\":\"The minister said little.\"}" },
	{ "summary under a ref", "REF: STATE 1234\n\n1. (SBU) SUMMARY: The minister said little. END SUMMARY.\n",
	  "{\"summary\":\"The minister said little.\",\"references\":[{\"origin\":\"STATE\"}]}" },
	/* the tail */
	{ "tail signature", "6. (C) The minister will travel on Monday.\n\nDOE\n",
	  "{\"signature\":[\"DOE\"],\"paragraphs\":[{\"number\":6,\"text\":\"The minister will travel on Monday.\"}]}" },
	{ "tail unnumbered", "The minister will travel on Monday to see the harbour works and the new quay.\n\nMILLER\n",
	  "{\"signature\":[\"MILLER\"],\"paragraphs\":[{\"text\":\"The minister will travel on Monday to see the harbour works and the new quay.\"}]}" },
	{ "tail with class word and nnnn", "The minister will travel on Monday.\n\nMILLER\n\nCONFIDENTIAL\n\nNNNN\n",
	  "{\"signature\":[\"MILLER\"],\"paragraphs\":[{\"text\":\"The minister will travel on Monday.\"}]}" },
	{ "tail two signers", "The minister will travel on Monday.\n\nMILLER/ROE\n",
	  "{\"signature\":[\"MILLER\",\"ROE\"]}" },
	{ "tail signature run on", "6. (C) The minister will travel on Monday. End comment. MILLER\n",
	  "{\"signature\":[\"MILLER\"],\"paragraphs\":[{\"number\":6,\"text\":\"The minister will travel on Monday. End comment.\"}]}" },
	{ "tail news initials are no signature", "9. (U) The minister will travel on Monday with the NATO envoy.\n",
	  "{\"signature\":[],\"paragraphs\":[{\"number\":9,\"text\":\"The minister will travel on Monday with the NATO envoy.\"}]}" },
	{ "tail stamp", "7. (U) The post will report.\nJONES\n\n\nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2006\n",
	  "{\"signature\":[\"JONES\"],\"paragraphs\":[{\"number\":7,\"text\":\"The post will report.\"}]}" },
	{ "stamp alone", "Declassified/Released US Department of State EO Systematic Review 30 JUN 2006\n",
	  "{\"kind\":\"cable\",\"excerpt\":true}" },
	/* paragraphs */
	{ "unnumbered marked paragraph", "(C) The minister will travel on Monday to see the harbour works.\n",
	  "{\"paragraphs\":[{\"number\":null,\"marking\":\"C\",\"text\":\"The minister will travel on Monday to see the harbour works.\"}],"
	  "\"classification\":{\"level\":\"CONFIDENTIAL\",\"level_source\":\"markings\"}}" },
	{ "paragraphs run together", "1. (C) The minister will travel. 2. (S) He will meet the king. 3. (U) The post will report.\n",
	  "{\"paragraphs\":[{\"number\":1,\"marking\":\"C\",\"text\":\"The minister will travel.\"},"
	  "{\"number\":2,\"marking\":\"S\",\"text\":\"He will meet the king.\"},"
	  "{\"number\":3,\"marking\":\"U\",\"text\":\"The post will report.\"}]}" },
	{ "pilcrow paragraph", "\xc2\xb6" "4. (SBU) The minister will travel on Monday.\n",
	  "{\"paragraphs\":[{\"number\":4,\"marking\":\"SBU\",\"text\":\"The minister will travel on Monday.\"}]}" },
	/* addressees */
	{ "to info plain", "TO SECSTATE WASHDC PRIORITY 1234\nINFO AMEMBASSY VALLETTA\n",
	  "{\"routing\":{\"to\":[{\"address\":\"SECSTATE WASHDC\"}],\"info\":[{\"address\":\"AMEMBASSY VALLETTA\"}]}}" },
	{ "to info indicators", "TO RUEHC/SECSTATE WASHDC IMMEDIATE 0042\nINFO RUEHXY/AMEMBASSY VALLETTA 0011\n",
	  "{\"routing\":{\"to\":[{\"ri\":\"RUEHC\",\"address\":\"SECSTATE WASHDC\"}],"
	  "\"info\":[{\"ri\":\"RUEHXY\",\"address\":\"AMEMBASSY VALLETTA\"}]}}" },
	/* the classification line (not an excerpt) */
	{ "classification line", "C O N F I D E N T I A L SECTION 01 OF 02 VALLETTA 000412\n",
	  "{\"excerpt\":false,\"classification\":{\"level\":\"CONFIDENTIAL\",\"section\":{\"n\":1,\"of\":2}},"
	  "\"origin\":\"VALLETTA\",\"serial\":\"000412\"}" },
	/* exported line breaks, a literal backslash and n */
	{ "backslash n",
	  "REF: A. 09 VALLETTA 1200\\nB. 09 VALLETTA 1144\\n\\nClassified By: Ambassador Alan Smithee for reasons 1.4 (b) and (d)\\n\\n1. (C) Summary: The talks went well. End summary.\\n",
	  "{\"references\":[{\"label\":\"A\",\"id\":\"09VALLETTA1200\"},{\"label\":\"B\",\"id\":\"09VALLETTA1144\"}],"
	  "\"classified_by\":{\"names\":[\"Alan Smithee\"]},\"summary\":\"The talks went well.\"}" },
	{ "backslash n tail", "The talks went well and the minister agreed to meet again next week.\\n\\nSMITHEE\\n",
	  "{\"signature\":[\"SMITHEE\"]}" },
};

/* The elements of a telegram in its order; pairs (i < j) are joined as an excerpt would hold
 * them. Each sets fields the others do not. */
typedef struct element {
	const char *name, *text, *expect;
	int classline;
} element;

static const element elements[] = {
	{ "to", "TO RUEHXY/SECSTATE WASHDC PRIORITY 0101\nINFO RUEHZZ/AMEMBASSY VALLETTA 0202",
	  "\"routing\":{\"to\":[{\"address\":\"SECSTATE WASHDC\"}],\"info\":[{\"address\":\"AMEMBASSY VALLETTA\"}]}", 0 },
	{ "classline", "CONFIDENTIAL VALLETTA 000412",
	  "\"classification\":{\"level\":\"CONFIDENTIAL\"},\"serial\":\"000412\"", 1 },
	{ "eo", "E.O. 12958: DECL: 03/04/2019", "\"eo\":{\"order\":\"12958\",\"decl\":\"2019-03-04\"}", 0 },
	{ "tags", "TAGS: PREL, PGOV, MT",
	  "\"tags\":[{\"value\":\"PREL\"},{\"value\":\"PGOV\"},{\"value\":\"MT\",\"kind\":\"geographic\"}]", 0 },
	{ "subject", "SUBJECT: (C) FERRY TALKS STALL",
	  "\"subject\":\"FERRY TALKS STALL\",\"subject_marking\":\"C\"", 0 },
	{ "ref", "REF: A. 08 VALLETTA 101 B. 08 VALLETTA 0202",
	  "\"references\":[{\"label\":\"A\",\"id\":\"08VALLETTA101\"},{\"label\":\"B\",\"id\":\"08VALLETTA202\"}]", 0 },
	{ "clsby", "Classified By: Ambassador John A. Doe for reasons 1.4 (b) and (d)",
	  "\"classified_by\":{\"titles\":[\"Ambassador\"],\"names\":[\"John A. Doe\"],\"reasons\":[\"1.4(b)\",\"1.4(d)\"]}", 0 },
	{ "summary", "1. (C) Summary: The harbour board will meet again. End summary.",
	  "\"summary\":\"The harbour board will meet again.\"", 0 },
	{ "tail", "5. (U) The embassy will follow the talks.\n\nDOE", "\"signature\":[\"DOE\"]", 0 },
};
enum { NELEM = sizeof elements / sizeof *elements };
enum { NPAIRS = NELEM * (NELEM - 1) / 2 };
static const char *const joins[] = { "\n", "\n\n" };
enum { NJOINS = sizeof joins / sizeof *joins };

/* Parses text both ways and holds the record against expect (a JSON object's text). */
static void check_fragment(const char *name, const char *text, const char *expect, int excerpt)
{
	json_error_t err;
	json_t *want = json_loads(expect, 0, &err);
	ck_assert_msg(want != NULL, "%s: bad expectation %s: %s", name, expect, err.text);
	static const cw_form forms[] = { CW_FORM_AUTO, CW_FORM_TEXT };
	for (size_t f = 0; f < 2; f++) {
		cw_record *rec = parse_buf(text, strlen(text), "excerpt.txt", forms[f]);
		json_t *got = record_jansson(rec);
		char where[256] = "";
		ck_assert_msg(!strcmp(json_string_value(json_object_get(got, "kind")), "cable"),
			      "%s (%s): not read as a cable", name, f ? "text" : "auto");
		int diff = json_subset(want, got, where, sizeof where);
		char *dump = diff ? json_dumps(got, JSON_COMPACT) : NULL;
		ck_assert_msg(!diff, "%s (%s): differs at %s\n  input %s\n  got %s", name,
			      f ? "text" : "auto", where, text, dump ? dump : "");
		free(dump);
		ck_assert_msg(!has_diag(rec, "CABLE_NOT_FOUND"), "%s: CABLE_NOT_FOUND", name);
		ck_assert_msg(cw_record_count_at_least(rec, CW_ERROR) == 0, "%s (%s): errors", name, f ? "text" : "auto");
		if (excerpt >= 0) {
			ck_assert_msg(json_is_true(json_object_get(got, "excerpt")) == excerpt,
				      "%s: excerpt should be %d", name, excerpt);
			ck_assert_msg(has_diag(rec, "CABLE_EXCERPT") == excerpt,
				      "%s: CABLE_EXCERPT should be %s", name, excerpt ? "there" : "absent");
		}
		json_decref(got);
		cw_record_free(rec);
	}
	json_decref(want);
}

START_TEST(test_single)
{
	const frag_case *c = &singles[_i];
	/* A classification line makes a telegram whole; the rest are excerpts. */
	int excerpt = strstr(c->input, "C O N F I D E N T I A L") ? 0 : 1;
	check_fragment(c->name, c->input, c->expect, excerpt);
}
END_TEST

START_TEST(test_pair)
{
	int k = _i / NJOINS, join = _i % NJOINS, i = 0, j;
	for (;; i++) {
		int here = NELEM - 1 - i;
		if (k < here)
			break;
		k -= here;
	}
	j = i + 1 + k;
	const element *a = &elements[i], *b = &elements[j];
	char name[64], text[1024], expect[2048];
	snprintf(name, sizeof name, "%s + %s (%s)", a->name, b->name, join ? "blank line" : "next line");
	snprintf(text, sizeof text, "%s%s%s\n", a->text, joins[join], b->text);
	snprintf(expect, sizeof expect, "{%s,%s}", a->expect, b->expect);
	check_fragment(name, text, expect, !(a->classline || b->classline));
}
END_TEST

/* What is no telegram at all stays an error; what is prose is a story when detected. */
START_TEST(test_not_a_telegram)
{
	const char *prose = "The council met on Tuesday and agreed to repair the old harbour wall "
			    "before the winter storms.\n\nWork starts next month.\n";
	cw_record *rec = parse_buf(prose, strlen(prose), "story.txt", CW_FORM_AUTO);
	ck_assert_str_eq(rec_str(rec, "kind"), "article");
	cw_record_free(rec);
	rec = parse_buf(prose, strlen(prose), "story.txt", CW_FORM_TEXT);
	ck_assert(has_diag(rec, "CABLE_NOT_FOUND"));
	ck_assert(!has_diag(rec, "CABLE_EXCERPT"));
	cw_record_free(rec);
}
END_TEST

/* A whole telegram is no excerpt and gets no excerpt warning. */
START_TEST(test_whole_telegram)
{
	const char *t = "R 141420Z MAR 07\nFM AMEMBASSY VALLETTA\nTO SECSTATE WASHDC 4127\nBT\n"
			"CONFIDENTIAL VALLETTA 000412\n\nSUBJECT: X\n\n1. (C) Text.\n";
	cw_record *rec = parse_buf(t, strlen(t), "t.txt", CW_FORM_AUTO);
	json_t *got = record_jansson(rec);
	ck_assert(json_is_false(json_object_get(got, "excerpt")));
	ck_assert(!has_diag(rec, "CABLE_EXCERPT"));
	json_decref(got);
	cw_record_free(rec);
}
END_TEST

Suite *suite_fragments(void)
{
	Suite *s = suite_create("fragments");
	TCase *tc = tcase_create("excerpts");
	tcase_add_loop_test(tc, test_single, 0, (int)(sizeof singles / sizeof *singles));
	tcase_add_loop_test(tc, test_pair, 0, NPAIRS * NJOINS);
	tcase_add_test(tc, test_not_a_telegram);
	tcase_add_test(tc, test_whole_telegram);
	suite_add_tcase(s, tc);
	return s;
}
