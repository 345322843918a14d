/* lexer/core/text.c: decoded text and its map back to input offsets. */
#include <string.h>

#include "check_helpers.h"
#include "lexer/core/text.h"

START_TEST(test_identity_map)
{
	text t;
	text_init(&t);
	text_put(&t, "abc\n", 4, 10);
	text_finish(&t, 14);
	ck_assert_str_eq(t.buf, "abc\n");
	ck_assert_uint_eq(text_input_offset(&t, 0), 10);
	ck_assert_uint_eq(text_input_offset(&t, 3), 13);
	text_free(&t);
}
END_TEST

START_TEST(test_substitution_shifts_later_offsets)
{
	/* "A&#x000A;B" decodes to "A\nB": B sits at input offset 9. */
	text t;
	text_init(&t);
	text_put(&t, "A", 1, 0);
	text_put_subst(&t, "\n", 1, 1);
	text_put(&t, "B", 1, 9);
	text_finish(&t, 10);
	ck_assert_str_eq(t.buf, "A\nB\n");
	ck_assert_uint_eq(text_input_offset(&t, 0), 0);
	ck_assert_uint_eq(text_input_offset(&t, 1), 1);
	ck_assert_uint_eq(text_input_offset(&t, 2), 9);
	text_free(&t);
}
END_TEST

START_TEST(test_finish_adds_newline_and_sentinel)
{
	text t;
	text_init(&t);
	text_finish(&t, 0);
	ck_assert_uint_eq(t.len, 1);
	ck_assert_str_eq(t.buf, "\n");
	text_free(&t);
}
END_TEST

START_TEST(test_many_anchors_binary_search)
{
	/* Every other byte dropped: offsets double. */
	text t;
	text_init(&t);
	for (uint64_t i = 0; i < 10000; i++)
		text_putc(&t, 'x', 2 * i);
	text_finish(&t, 20000);
	for (size_t d = 0; d < 10000; d += 997)
		ck_assert_uint_eq(text_input_offset(&t, d), 2 * d);
	text_free(&t);
}
END_TEST

Suite *suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("map");
	tcase_add_test(tc, test_identity_map);
	tcase_add_test(tc, test_substitution_shifts_later_offsets);
	tcase_add_test(tc, test_finish_adds_newline_and_sentinel);
	tcase_add_test(tc, test_many_anchors_binary_search);
	suite_add_tcase(s, tc);
	return s;
}
