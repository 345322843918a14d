/* lexer/cable/header_fields.re and lexer/cable/body_fields.re: the anchored field scanners, table-driven. */
#include <string.h>

#include "lexer/cable/body_fields.h"
#include "check_helpers.h"
#include "check_slices.h"
#include "lexer/cable/header_fields.h"

/* Lines end in "\n" and the text in NUL, as in a decoded text. */
static const struct {
	const char *line, *p1, *p2, *day, *hour, *minute, *month, *year, *opsig;
	int strict;
} dtg_cases[] = {
	{ "O 261325Z FEB 06\n", "O", NULL, "26", "13", "25", "FEB", "06", NULL, 1 },
	{ "O R 201025Z JUL 09\n", "O", "R", "20", "10", "25", "JUL", "09", NULL, 1 },
	{ "P 260929Z JUN 08 ZFF6\n", "P", NULL, "26", "09", "29", "JUN", "08", "ZFF6", 1 },
	{ "291359Z Nov 00\n", NULL, NULL, "29", "13", "59", "Nov", "00", NULL, 1 },
	{ "R 221855Z APR 1979\n", "R", NULL, "22", "18", "55", "APR", "1979", NULL, 1 },
	{ "  Z 010000Z JAN 99   \n", "Z", NULL, "01", "00", "00", "JAN", "99", NULL, 1 },
	{ "O 261325Z FEB 06 RUEHXX junk\n", "O", NULL, "26", "13", "25", "FEB", "06", NULL, 0 },
};

START_TEST(test_dtg_lines)
{
	const char *line = dtg_cases[_i].line;
	dtg_fields f;
	ck_assert_int_eq(scan_dtg_line(line, line + strlen(line), &f), 1);
	CHECK_SLICE(f.prec1, dtg_cases[_i].p1);
	CHECK_SLICE(f.prec2, dtg_cases[_i].p2);
	CHECK_SLICE(f.day, dtg_cases[_i].day);
	CHECK_SLICE(f.hour, dtg_cases[_i].hour);
	CHECK_SLICE(f.minute, dtg_cases[_i].minute);
	CHECK_SLICE(f.month, dtg_cases[_i].month);
	CHECK_SLICE(f.year, dtg_cases[_i].year);
	CHECK_SLICE(f.opsig, dtg_cases[_i].opsig);
	ck_assert_int_eq(f.strict, dtg_cases[_i].strict);
}
END_TEST

START_TEST(test_dtg_rejects)
{
	const char *bad[] = { "FM AMEMBASSY X\n", "261325 FEB 06\n", "O 2613Z FEB 06\n", "\n" };
	dtg_fields f;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_int_eq(scan_dtg_line(bad[i], bad[i] + strlen(bad[i]), &f), 0);
}
END_TEST

static const struct {
	const char *line, *ri, *ssn, *part, *tof;
	int strict;
} de_cases[] = {
	{ "DE RUEHDM #0728 0571325\n", "RUEHDM", "0728", NULL, "0571325", 1 },
	{ "DE RUEHC #0284/01 0041825\n", "RUEHC", "0284", "01", "0041825", 1 },
	{ "DE RUEHLB #0517/01 0521427 \n", "RUEHLB", "0517", "01", "0521427", 1 },
	/* Garbled: no '#', extra words. */
	{ "DE RUEHKO 1234 0571325 ZZ\n", "RUEHKO", "1234", NULL, "0571325", 0 },
	{ "DE RUEHKO #12\n", "RUEHKO", "12", NULL, NULL, 0 },
	{ "DE\n", NULL, NULL, NULL, NULL, 0 },
};

START_TEST(test_de_lines)
{
	const char *line = de_cases[_i].line;
	fl3_fields f;
	ck_assert_int_eq(scan_fl3(line, line + strlen(line), &f), 1);
	CHECK_SLICE(f.ri, de_cases[_i].ri);
	CHECK_SLICE(f.ssn, de_cases[_i].ssn);
	CHECK_SLICE(f.part, de_cases[_i].part);
	CHECK_SLICE(f.tof, de_cases[_i].tof);
	ck_assert_int_eq(f.strict, de_cases[_i].strict);
}
END_TEST

static const struct {
	const char *line, *ri, *address, *office, *prec, *mcn;
	int typo;
} addr_cases[] = {
	{ "RUEHC/SECSTATE WASHDC IMMEDIATE 7276\n", "RUEHC", "SECSTATE WASHDC", NULL, "IMMEDIATE", "7276", 0 },
	{ "RUEHXX/ARAB ISRAELI COLLECTIVE PRIORITY\n", "RUEHXX", "ARAB ISRAELI COLLECTIVE", NULL, "PRIORITY", NULL, 0 },
	{ "AMEMBASSY TEL AVIV \n", NULL, "AMEMBASSY TEL AVIV", NULL, NULL, NULL, 0 },
	{ "SECSTATE WASHDC 475\n", NULL, "SECSTATE WASHDC", NULL, NULL, "475", 0 },
	{ "RUEHC/SECSTATE WASHDC//NEA/ELA//\n", "RUEHC", "SECSTATE WASHDC", "//NEA/ELA//", NULL, NULL, 0 },
	{ "RUEHHE/AMEMBASSY HELSINKI NIACT IMMEDIATE 0000\n", "RUEHHE", "AMEMBASSY HELSINKI", NULL, "NIACT IMMEDIATE", "0000", 0 },
	{ "RUEHAM/AMEMBASSY AMMAN PIORITY 1234\n", "RUEHAM", "AMEMBASSY AMMAN", NULL, "PIORITY", "1234", 1 },
	/* IMMEDIATE inside a name is part of the name. */
	{ "RHMFISS/HQ IMMEDIATE RESPONSE FORCE PRIORITY\n", "RHMFISS", "HQ IMMEDIATE RESPONSE FORCE", NULL, "PRIORITY", NULL, 0 },
	{ "RHMFISS/DET 1 39LG ANKARA TU\n", "RHMFISS", "DET 1 39LG ANKARA TU", NULL, NULL, NULL, 0 },
};

START_TEST(test_addresses)
{
	const char *line = addr_cases[_i].line;
	addr_fields f;
	ck_assert_int_eq(scan_address(line, line + strlen(line), &f), 1);
	CHECK_SLICE(f.ri, addr_cases[_i].ri);
	CHECK_SLICE(f.address, addr_cases[_i].address);
	CHECK_SLICE(f.office, addr_cases[_i].office);
	CHECK_SLICE(f.precedence, addr_cases[_i].prec);
	CHECK_SLICE(f.mcn, addr_cases[_i].mcn);
	ck_assert_int_eq(f.precedence_typo, addr_cases[_i].typo);
}
END_TEST

START_TEST(test_fl1_and_fl4)
{
	const char *l1 = "VZCZCXRO4549\n";
	fl1_fields f1;
	ck_assert_int_eq(scan_fl1(l1, l1 + strlen(l1), &f1), 1);
	CHECK_SLICE(f1.channel, "XRO");
	CHECK_SLICE(f1.serial, "4549");
	ck_assert_int_eq(f1.strict, 1);
	const char *l1b = "VZCZC??\n";
	ck_assert_int_eq(scan_fl1(l1b, l1b + strlen(l1b), &f1), 1);
	ck_assert_int_eq(f1.strict, 0);

	const char *l4 = "ZNY CCCCC ZZH ZFD\n";
	fl4_fields f4;
	ck_assert_int_eq(scan_fl4(l4, l4 + strlen(l4), &f4), 1);
	CHECK_SLICE(f4.prefix, "ZNY");
	CHECK_SLICE(f4.group, "CCCCC");
	CHECK_SLICE(f4.rest, "ZZH ZFD");
	ck_assert_int_eq(f4.strict, 1);
	const char *l4b = "ZNR  ?? UUUUU ZZH\n";
	ck_assert_int_eq(scan_fl4(l4b, l4b + strlen(l4b), &f4), 1);
	CHECK_SLICE(f4.group, "UUUUU");
	ck_assert_int_eq(f4.strict, 0);
}
END_TEST

static const struct {
	const char *line, *level, *caveat, *section, *of, *origin, *serial, *rest;
} cl_cases[] = {
	{ "C O N F I D E N T I A L DAMASCUS 000728\n", "CONFIDENTIAL", NULL, NULL, NULL, "DAMASCUS", "000728", NULL },
	{ "S E C R E T SECTION 01 OF 03 TRIPOLI 000220 \n", "SECRET", NULL, "01", "03", "TRIPOLI", "000220", NULL },
	{ "UNCLAS SECTION 01 OF 07 HARARE 002271\n", "UNCLASSIFIED", NULL, "01", "07", "HARARE", "002271", NULL },
	{ "UNCLAS STATE 018029\n", "UNCLASSIFIED", NULL, NULL, NULL, "STATE", "018029", NULL },
	{ "CONFIDENTIAL//NOFORN SAO PAULO 000123 SIPDIS\n", "CONFIDENTIAL", "NOFORN", NULL, NULL, "SAO PAULO", "000123", "SIPDIS" },
	{ "LIMITED OFFICIAL USE RIO DE JANEIRO 000012\n", "LIMITED OFFICIAL USE", NULL, NULL, NULL, "RIO DE JANEIRO", "000012", NULL },
	{ "U N C L A S SECTION 1 OF 2 TEHRAN 2069\n", "UNCLASSIFIED", NULL, "1", "2", "TEHRAN", "2069", NULL },
	{ "C O N F I D E N T I A L 75 LIBREVILLE 1895 \n", "CONFIDENTIAL", NULL, NULL, NULL, "LIBREVILLE", "1895", NULL },
};

START_TEST(test_classification_lines)
{
	const char *line = cl_cases[_i].line;
	classline_fields f;
	ck_assert_int_eq(scan_classline(line, line + strlen(line), &f), 1);
	ck_assert_str_eq(level_name(f.level), cl_cases[_i].level);
	CHECK_SLICE(f.caveat, cl_cases[_i].caveat);
	CHECK_SLICE(f.section, cl_cases[_i].section);
	CHECK_SLICE(f.of, cl_cases[_i].of);
	CHECK_SLICE(f.origin, cl_cases[_i].origin);
	CHECK_SLICE(f.serial, cl_cases[_i].serial);
	CHECK_SLICE(f.rest, cl_cases[_i].rest);
}
END_TEST

START_TEST(test_classification_rejects)
{
	const char *bad[] = { "CONFIDENTIAL\n", "SECRETARY RICE MET 12 PEOPLE\n", "SUBJECT: X 12\n" };
	classline_fields f;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_int_eq(scan_classline(bad[i], bad[i] + strlen(bad[i]), &f), 0);
}
END_TEST

Suite *suite_fields(void)
{
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("routing");
	tcase_add_loop_test(tc, test_dtg_lines, 0, sizeof dtg_cases / sizeof *dtg_cases);
	tcase_add_test(tc, test_dtg_rejects);
	tcase_add_loop_test(tc, test_de_lines, 0, sizeof de_cases / sizeof *de_cases);
	tcase_add_loop_test(tc, test_addresses, 0, sizeof addr_cases / sizeof *addr_cases);
	tcase_add_test(tc, test_fl1_and_fl4);
	suite_add_tcase(s, tc);
	TCase *body = tcase_create("body");
	tcase_add_loop_test(body, test_classification_lines, 0, sizeof cl_cases / sizeof *cl_cases);
	tcase_add_test(body, test_classification_rejects);
	suite_add_tcase(s, body);
	return s;
}
