/* Word-at-a-time skipping of plain runs, in front of the re2c scanners and the escapers.
 *
 * A DFA loop costs a few branches per byte, and on prose those branches follow the letters
 * (lowercase, capital, space, punctuation) and mispredict. Most of what the decoders, the
 * splitter and the escapers read is long runs of bytes that only one rule can take ("plain
 * text, keep it"). These helpers look at eight bytes at a time and stop at the first word that
 * holds any byte a rule could treat otherwise; the scanner then goes on from there as before, so
 * every token boundary it decides is decided by the DFA exactly as without them. They never read
 * at or past lim, so the sentinel rules stay the scanners' own. Time stays linear: each byte is
 * looked at once here and at most once more by the scanner. */
#ifndef CW_RUNS_H
#define CW_RUNS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Where SSE2 is there (every x86-64), the skips go sixteen bytes at a time, and with GCC or
 * Clang they stop at the very byte that ended the run (the first set bit of the block's mask)
 * rather than at the start of its word. Every caller takes either: a skip may stop anywhere
 * inside the run, and the scanner decides every token boundary from there as before. */
#if defined(__SSE2__)
#include <emmintrin.h>
#define RUNS_SSE2 1
#if defined(__GNUC__)
#define RUNS_AT_HIT(p, mask) return (p) + __builtin_ctz((unsigned)(mask))
#else
#define RUNS_AT_HIT(p, mask) break
#endif
#endif

#define RUNS_ONES UINT64_C(0x0101010101010101)
#define RUNS_HIGH UINT64_C(0x8080808080808080)

static inline uint64_t runs_load(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

/* Nonzero when a byte of w equals c (exact as a truth value). */
static inline uint64_t runs_has(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (RUNS_ONES * c);
	return (x - RUNS_ONES) & ~x & RUNS_HIGH;
}

/* The high bit of each byte of w that is zero, and of no other (exact byte by byte, unlike
 * runs_has, whose borrow may mark the byte above a match). */
static inline uint64_t runs_zero_bytes(uint64_t w)
{
	const uint64_t low7 = RUNS_ONES * 0x7f;
	return ~(((w & low7) + low7) | w | low7);
}

/* Nonzero when a byte of w is below n, for n <= 128 (exact as a truth value). */
static inline uint64_t runs_below(uint64_t w, unsigned char n)
{
	return (w - RUNS_ONES * n) & ~w & RUNS_HIGH;
}

/* Nonzero when a byte of w is not printable ASCII (0x20-0x7E). */
static inline uint64_t runs_unprintable(uint64_t w)
{
	return runs_below(w, 0x20) | (w & RUNS_HIGH) | runs_has(w, 0x7f);
}

/* Skips printable ASCII (0x20-0x7E) holding none of a, b, c, a block or a word at a time;
 * returns a point in the run: where the first other byte is (SSE2) or its word starts, or where
 * the last whole word before lim ends. */
static inline const unsigned char *runs_printable(const unsigned char *p, const unsigned char *lim,
						  unsigned char a, unsigned char b, unsigned char c)
{
#ifdef RUNS_SSE2
	{
		const __m128i sp = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
		const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b),
			      vc = _mm_set1_epi8((char)c);
		while (lim - p >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
			/* signed: bytes from 0x80 up are negative, so below 0x20 too */
			__m128i bad = _mm_or_si128(_mm_cmplt_epi8(w, sp), _mm_cmpeq_epi8(w, del));
			bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(w, va),
							     _mm_or_si128(_mm_cmpeq_epi8(w, vb),
									  _mm_cmpeq_epi8(w, vc))));
			int mask = _mm_movemask_epi8(bad);
			if (mask)
				RUNS_AT_HIT(p, mask);
			p += 16;
		}
	}
#endif
	while (lim - p >= 8) {
		uint64_t w = runs_load(p);
		if (runs_unprintable(w) | runs_has(w, a) | runs_has(w, b) | runs_has(w, c))
			break;
		p += 8;
	}
	return p;
}

/* For a decoder whose scanner takes runs of text with one rule: the end of the stretch from tok
 * that can be handed on as text before the scanner goes on, or tok when there is none. a, b and
 * c must hold every printable byte that the run rule does not take or that another rule can
 * start with. The stretch stops one byte short of the skipped bytes, so that the scanner
 * resumes on a byte only the run rule can start with: its token then ends where the one token
 * it would have read from tok ends, and the text written is the same. */
static inline const unsigned char *runs_text(const unsigned char *tok, const unsigned char *lim,
					     unsigned char a, unsigned char b, unsigned char c)
{
	const unsigned char *p = runs_printable(tok, lim, a, b, c);
	return p == tok ? tok : p - 1;
}

/* runs_text for a run rule that takes tabs and line ends too (a story's short lines stopped
 * runs_text at every one): printable ASCII, tab and line feed but a and b, sixteen bytes a turn;
 * the same one-byte-short stop. */
static inline const unsigned char *runs_text_lines(const unsigned char *tok, const unsigned char *lim,
						   unsigned char a, unsigned char b)
{
	const unsigned char *p = tok;
#if defined(RUNS_SSE2) && defined(__GNUC__)
	const __m128i below_space = _mm_set1_epi8(0x1f), del = _mm_set1_epi8(0x7f),
		      tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), va = _mm_set1_epi8((char)a),
		      vb = _mm_set1_epi8((char)b);
	while (lim - p >= 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
		/* cmpgt is signed: bytes from 0x80 up are below the space too. */
		__m128i ok = _mm_or_si128(_mm_andnot_si128(_mm_cmpeq_epi8(w, del), _mm_cmpgt_epi8(w, below_space)),
					  _mm_or_si128(_mm_cmpeq_epi8(w, tab), _mm_cmpeq_epi8(w, lf)));
		ok = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)), ok);
		int mask = _mm_movemask_epi8(ok) ^ 0xFFFF;
		if (mask) {
			p += __builtin_ctz((unsigned)mask);
			return p == tok ? tok : p - 1;
		}
		p += 16;
	}
#endif
	p = runs_printable(p, lim, a, b, b);
	return p == tok ? tok : p - 1;
}

/* Bits set in a 16-bit mask, without the popcnt instruction x86-64's baseline lacks. */
static inline unsigned runs_bits16(unsigned m)
{
	m = m - ((m >> 1) & 0x5555u);
	m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
	m = (m + (m >> 4)) & 0x0F0Fu;
	return (m + (m >> 8)) & 0x1Fu;
}

/* Words in the n bytes at p, counted up to max + 1 (a caller comparing the count with a number
 * no greater than max reads only as far as the words matter; SIZE_MAX for all): where a byte
 * other than space, tab and line feed follows one of them or the start. Sixteen bytes a turn:
 * the blanks' mask against itself moved by one. */
static inline size_t runs_words(const unsigned char *p, size_t n, size_t max)
{
	size_t k = 0, i = 0;
	unsigned prev_blank = 1; /* the start: a word may begin at once */
#ifdef RUNS_SSE2
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n');
	if (max == SIZE_MAX && n >= 16) {
		/* Every word: the starts counted in each byte's lane (0xFF is minus one), the
		 * lanes summed every 255 blocks and at the end, rather than a mask's bits counted
		 * for every block (a paragraph's every word is counted for every Reuters story). */
		const __m128i zero = _mm_setzero_si128();
		__m128i before = _mm_set1_epi8(-1), lanes = zero;
		unsigned turns = 0;
		for (; n - i >= 16; i += 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			__m128i blank = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, sp), _mm_cmpeq_epi8(w, tab)),
						     _mm_cmpeq_epi8(w, lf));
			__m128i after_blank = _mm_or_si128(_mm_slli_si128(blank, 1), _mm_srli_si128(before, 15));
			lanes = _mm_sub_epi8(lanes, _mm_andnot_si128(blank, after_blank));
			before = blank;
			if (++turns == 255) {
				__m128i sums = _mm_sad_epu8(lanes, zero);
				k += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
				lanes = zero;
				turns = 0;
			}
		}
		__m128i sums = _mm_sad_epu8(lanes, zero);
		k += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
		prev_blank = ((unsigned)_mm_movemask_epi8(before) >> 15) & 1;
	}
	for (; n - i >= 16 && k <= max; i += 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned blank = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, sp), _mm_cmpeq_epi8(w, tab)),
				     _mm_cmpeq_epi8(w, lf)));
		k += runs_bits16(~blank & ((blank << 1) | prev_blank) & 0xFFFFu);
		prev_blank = blank >> 15;
	}
	/* The last bytes of sixteen or more: the block that ends with them, its bytes before i
	 * (counted already) masked off. Each byte's blank before it is in the block (i > n - 16),
	 * so no carry is needed. Byte by byte, these tails were most of the count of a short
	 * line's words (the classifiers count the words of every paragraph's first line). */
	if (i < n && n >= 16 && k <= max) {
		size_t base = n - 16;
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + base));
		unsigned blank = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, sp), _mm_cmpeq_epi8(w, tab)),
				     _mm_cmpeq_epi8(w, lf)));
		k += runs_bits16(~blank & (blank << 1) & (0xFFFFu << (i - base)) & 0xFFFFu);
		i = n;
	}
#endif
	for (; i < n && k <= max; i++) {
		unsigned blank = p[i] == ' ' || p[i] == '\t' || p[i] == '\n';
		k += !blank && prev_blank;
		prev_blank = blank;
	}
	return k;
}

/* Skips bytes other than a, b, c, e (a block or a word at a time, as runs_printable). */
static inline const unsigned char *runs_without4(const unsigned char *p, const unsigned char *lim,
						 unsigned char a, unsigned char b, unsigned char c,
						 unsigned char e)
{
#ifdef RUNS_SSE2
	{
		const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b),
			      vc = _mm_set1_epi8((char)c), ve = _mm_set1_epi8((char)e);
		while (lim - p >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i hit = _mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)),
				_mm_or_si128(_mm_cmpeq_epi8(w, vc), _mm_cmpeq_epi8(w, ve)));
			int mask = _mm_movemask_epi8(hit);
			if (mask)
				RUNS_AT_HIT(p, mask);
			p += 16;
		}
	}
#endif
	while (lim - p >= 8) {
		uint64_t w = runs_load(p);
		if (runs_has(w, a) | runs_has(w, b) | runs_has(w, c) | runs_has(w, e))
			break;
		p += 8;
	}
	return p;
}

/* Skips ASCII (no byte above 0x7F), a block or a word at a time, as runs_printable. */
static inline const unsigned char *runs_ascii(const unsigned char *p, const unsigned char *lim)
{
#ifdef RUNS_SSE2
	/* Sixty-four bytes a turn while all are ASCII (a whole page often is), then sixteen. */
	while (lim - p >= 64) {
		__m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)p),
					 _mm_loadu_si128((const __m128i *)(const void *)(p + 16)));
		__m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(p + 32)),
					 _mm_loadu_si128((const __m128i *)(const void *)(p + 48)));
		if (_mm_movemask_epi8(_mm_or_si128(a, b)))
			break;
		p += 64;
	}
	while (lim - p >= 16) {
		int mask = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)p));
		if (mask)
			RUNS_AT_HIT(p, mask);
		p += 16;
	}
#endif
	while (lim - p >= 8 && !(runs_load(p) & RUNS_HIGH))
		p += 8;
	return p;
}

/* Skips plain text: printable ASCII (0x20-0x7E) and the blanks of a text file (tab, line feed,
 * form feed, carriage return), the bytes input_looks_binary counts and never finds odd, 32 at a
 * time with SSE2; returns a point in the run as runs_printable does. */
static inline const unsigned char *runs_plain_text(const unsigned char *p, const unsigned char *lim)
{
#ifdef RUNS_SSE2
	/* Ranges by one signed compare each: c + 0x60 wraps 0x20-0x7E onto -128..-34, and
	 * c + 0x77 wraps 0x09-0x0D onto -128..-124 (of which 0x0B, the vertical tab, is not text). */
	const __m128i to_print = _mm_set1_epi8(0x60), print_end = _mm_set1_epi8(-33),
		      to_blank = _mm_set1_epi8(0x77), blank_end = _mm_set1_epi8(-123),
		      vt = _mm_set1_epi8(0x0b);
#define RUNS_TEXT_MASK(w)                                                                         \
	_mm_movemask_epi8(_mm_or_si128(                                                           \
		_mm_cmpgt_epi8(print_end, _mm_add_epi8(w, to_print)),                             \
		_mm_andnot_si128(_mm_cmpeq_epi8(w, vt),                                           \
				 _mm_cmpgt_epi8(blank_end, _mm_add_epi8(w, to_blank)))))
	while (lim - p >= 32) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
		int ma = RUNS_TEXT_MASK(a), mb = RUNS_TEXT_MASK(b);
		if ((ma & mb) != 0xFFFF) {
			if (ma != 0xFFFF)
				RUNS_AT_HIT(p, ~ma & 0xFFFF);
			else
				RUNS_AT_HIT(p + 16, ~mb & 0xFFFF);
		}
		p += 32;
	}
#undef RUNS_TEXT_MASK
#endif
	return runs_printable(p, lim, 0x7f, 0x7f, 0x7f);
}

/* How many of the n bytes at p are c. */
static inline size_t runs_count(const unsigned char *p, size_t n, unsigned char c)
{
	size_t k = 0, i = 0;
#ifdef RUNS_SSE2
	{
		/* 0x01 in each byte equal to c, summed eight bytes at a time into two 64-bit
		 * lanes by psadbw. */
		const __m128i vc = _mm_set1_epi8((char)c), one = _mm_set1_epi8(1),
			      zero = _mm_setzero_si128();
		__m128i acc = zero;
		for (; n - i >= 16; i += 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			acc = _mm_add_epi64(acc, _mm_sad_epu8(_mm_and_si128(_mm_cmpeq_epi8(w, vc), one),
							      zero));
		}
		uint64_t lanes[2];
		memcpy(lanes, &acc, sizeof lanes);
		k = (size_t)(lanes[0] + lanes[1]);
	}
#endif
	for (; n - i >= 8; i += 8) {
		/* 0x01 in each byte equal to c; the multiplication sums them in the top byte. */
		uint64_t z = runs_zero_bytes(runs_load(p + i) ^ (RUNS_ONES * c)) >> 7;
		k += (size_t)((z * RUNS_ONES) >> 56);
	}
	for (; i < n; i++)
		k += p[i] == c;
	return k;
}

#endif
