/* lexer/core/text.c: decoded text and its map back to input offsets. */
#include <string.h>

#include "check_helpers.h"
#include "lexer/core/runs.h"
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

/* The block-at-a-time helpers of lexer/core/runs.h against byte-by-byte readings. */
static size_t words_by_byte(const unsigned char *p, size_t n)
{
	size_t k = 0;
	int in = 0;
	for (size_t i = 0; i < n; i++) {
		int w = p[i] != ' ' && p[i] != '\t' && p[i] != '\n';
		k += w && !in;
		in = w;
	}
	return k;
}

static int line_text_byte(unsigned char c, unsigned char a, unsigned char b)
{
	return c != a && c != b && ((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n');
}

START_TEST(test_runs_agree_with_byte_by_byte)
{
	static const unsigned char alphabet[] = { ' ', ' ', '\t', '\n', 'a', 'b', 'Z', '9', '&',
						  '<', 0xc3, 0xa9, 0x01, 0x7f, '.', 'x' };
	unsigned char buf[200];
	unsigned seed = 42, words = 0;
	for (int round = 0; round < 3000; round++) {
		size_t n = (size_t)(round % 97) + (round % 5 == 0 ? 100 : 0);
		int plain = round % 3 == 0; /* long stretches of words, as in text */
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) & 0xff;
			buf[i] = plain && r < 200 ? (unsigned char)("abc de\nfgh "[r % 12])
						  : alphabet[r % sizeof alphabet];
		}
		size_t want = words_by_byte(buf, n);
		ck_assert_uint_eq(runs_words(buf, n, SIZE_MAX), want);
		/* counted up to max + 1 */
		size_t upto = runs_words(buf, n, 3);
		ck_assert_uint_eq(upto > 3, want > 3);
		ck_assert_uint_le(upto, want);
		/* the classifiers' limits, reached in a string's last block or before it */
		for (size_t max = 5; max <= 25; max += 20) {
			upto = runs_words(buf, n, max);
			ck_assert_uint_eq(upto > max, want > max);
			ck_assert_uint_le(upto, want);
		}
		words += (unsigned)want;
		/* runs_text_lines skips only what its run rule takes. */
		const unsigned char *r = runs_text_lines(buf, buf + n, '&', '<');
		ck_assert(r >= buf && r <= buf + n);
		for (const unsigned char *q = buf; q < r; q++)
			ck_assert_msg(line_text_byte(*q, '&', '<'), "skipped byte 0x%02x", *q);
	}
	ck_assert_uint_gt(words, 1000);
	/* and goes a long way over plain lines */
	memset(buf, 'w', sizeof buf);
	for (size_t i = 7; i < sizeof buf; i += 9)
		buf[i] = '\n';
	ck_assert(runs_text_lines(buf, buf + sizeof buf, '&', '<') >= buf + 180);
	ck_assert_uint_eq(runs_words(buf, sizeof buf, SIZE_MAX), words_by_byte(buf, sizeof buf));
	/* Past 255 blocks of sixteen, where every word's count leaves its byte's lane, with a
	 * word starting in the same lanes of every block ("a " over and over) and then not. */
	static unsigned char longer[16 * 700 + 5];
	for (size_t i = 0; i < sizeof longer; i++)
		longer[i] = i % 2 ? ' ' : 'a';
	ck_assert_uint_eq(runs_words(longer, sizeof longer, SIZE_MAX), (sizeof longer + 1) / 2);
	for (size_t i = 0; i < sizeof longer; i++) {
		seed = seed * 1103515245u + 12345u;
		longer[i] = (unsigned char)("ab c\td\nef  "[(seed >> 16) % 12]);
	}
	for (size_t n = sizeof longer - 40; n <= sizeof longer; n++)
		ck_assert_uint_eq(runs_words(longer, n, SIZE_MAX), words_by_byte(longer, n));
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
	tcase_add_test(tc, test_runs_agree_with_byte_by_byte);
	suite_add_tcase(s, tc);
	return s;
}
