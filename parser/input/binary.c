#include "parser/input/binary.h"

#include "lexer/core/runs.h"

/* Length of the valid UTF-8 sequence at p (n bytes available), 0 when there is none. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	size_t len = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
	if (!len || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

int input_looks_binary(const char *buf, size_t len)
{
	enum { SAMPLE = 64 * 1024, MIN_SAMPLE = 1024 };
	const unsigned char *p = (const unsigned char *)buf;
	size_t n = len < SAMPLE ? len : SAMPLE, odd = 0, counted = 0;
	if (len < MIN_SAMPLE)
		return 0; /* too short to count, whatever it holds */
	for (size_t i = 0; i < n;) {
		/* The answer is known once even n - i odd bytes to come could not make it binary:
		 * when 4 odd + 3 (n - i) <= counted. In a run (counted grows with i) that is from
		 * i = ceil((4 odd + 3 n + i - counted) / 4) on: the run is read that far, not further
		 * (a quarter of the sample of plain text is left unread). */
		if (4 * odd + 3 * (n - i) <= counted)
			return 0;
		size_t enough = (4 * odd + 3 * n + i - counted + 3) / 4; /* > i: not known yet */
		/* Printable ASCII and the blanks of text, nearly all of any text, count and are never
		 * odd: skipped a block at a time (it was more than half of the instructions spent on
		 * a page, then a seventh with only printable ASCII skipped: lines are short). */
		const unsigned char *run = runs_plain_text(p + i, p + (enough < n ? enough : n));
		counted += (size_t)(run - (p + i));
		i = (size_t)(run - p);
		if (i >= n)
			break;
		unsigned c = p[i];
		if (c == 0) {
			i++;
			continue;
		}
		counted++;
		if (c < 0x80) {
			odd += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
			i++;
			continue;
		}
		size_t l = utf8_len(p + i, n - i);
		if (l) {
			i += l;
			continue;
		}
		odd++;
		i++;
	}
	return counted >= MIN_SAMPLE && odd * 4 > counted;
}
