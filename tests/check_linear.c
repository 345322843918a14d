/* Pathological inputs stay linear: each must parse within a time budget. The budgets are loose
 * (a quadratic scan of these inputs takes minutes, a linear one well under a second). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_helpers.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Builds prefix + line repeated n times. */
static char *repeat(const char *prefix, const char *line, size_t n, size_t *len)
{
	size_t pl = strlen(prefix), ll = strlen(line);
	char *buf = malloc(pl + ll * n + 1);
	memcpy(buf, prefix, pl);
	for (size_t i = 0; i < n; i++)
		memcpy(buf + pl + i * ll, line, ll);
	*len = pl + ll * n;
	buf[*len] = '\0';
	return buf;
}

static void parse_within(const char *buf, size_t len, double budget, const char *what)
{
	double t0 = now();
	cw_record *rec = parse_buf(buf, len, what, CW_FORM_AUTO);
	double dt = now() - t0;
	ck_assert_msg(dt < budget, "%s took %.2fs (budget %.0fs)", what, dt, budget);
	/* The record is complete and well-formed. */
	json_t *j = record_jansson(rec);
	json_decref(j);
	cw_record_free(rec);
}

START_TEST(test_100k_to_lines)
{
	size_t len;
	char *buf = repeat("R 010000Z JAN 08\nFM AMEMBASSY X\nTO SECSTATE WASHDC 0001\n",
			   "RUEHXX/AMEMBASSY SOMEWHERE PRIORITY 0001\n", 100000, &len);
	parse_within(buf, len, 20, "100k TO lines");
	free(buf);
}
END_TEST

START_TEST(test_10mb_line)
{
	size_t len;
	char *buf = repeat("R 010000Z JAN 08\nFM AMEMBASSY ", "X", 10u << 20, &len);
	parse_within(buf, len, 20, "10 MB line");
	free(buf);
}
END_TEST

START_TEST(test_1m_empty_lines)
{
	size_t len;
	char *buf = repeat("R 010000Z JAN 08\nFM AMEMBASSY X\nTO SECSTATE WASHDC 0001\n", "\n", 1000000,
			   &len);
	parse_within(buf, len, 20, "1M empty lines");
	free(buf);
}
END_TEST

START_TEST(test_header_repeated_10k_times)
{
	size_t len;
	char *buf = repeat("", "VZCZCXRO0001\nOO RUEHXY\nDE RUEHXY #0001 0011200\nZNY UUUUU ZZH\n"
			       "O 011200Z JAN 09\nFM AMEMBASSY X\nTO RUEHC/SECSTATE WASHDC 0001\n", 10000, &len);
	parse_within(buf, len, 20, "header x10k");
	free(buf);
}
END_TEST

START_TEST(test_100k_noise_lines)
{
	size_t len;
	char *buf = repeat("", "## not a header line ##\n", 100000, &len);
	parse_within(buf, len, 20, "100k unknown lines");
	free(buf);
}
END_TEST

Suite *suite_linear(void)
{
	Suite *s = suite_create("linear");
	TCase *tc = tcase_create("pathological");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_100k_to_lines);
	tcase_add_test(tc, test_10mb_line);
	tcase_add_test(tc, test_1m_empty_lines);
	tcase_add_test(tc, test_header_repeated_10k_times);
	tcase_add_test(tc, test_100k_noise_lines);
	suite_add_tcase(s, tc);
	return s;
}
