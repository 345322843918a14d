/* Word lists matched in C: a keyword list as a re2c rule (case-insensitive, 'word') costs a state
 * and two case labels per letter, and multiplies with every other rule of its block; a table
 * looked up where the list is asked for costs none. The scanners keep re2c's meaning: a list
 * matches its longest word that the text starts with. The text ends with a NUL sentinel, and no
 * word holds a NUL, so a comparison stops at the end. */
#ifndef CW_WORDS_H
#define CW_WORDS_H

#include <stddef.h>

/* Whether the text at p starts with kw, each lower-case letter of kw matching either case and
 * every other byte itself (re2c's 'kw'): the end of the match, or NULL. */
static inline const unsigned char *word_ci(const unsigned char *p, const char *kw)
{
	for (; *kw; kw++, p++) {
		unsigned char k = (unsigned char)*kw;
		if (k >= 'a' && k <= 'z' ? (*p | 0x20) != k : *p != k)
			return NULL;
	}
	return p;
}

/* The same, case and all (re2c's "kw"). */
static inline const unsigned char *word_cs(const unsigned char *p, const char *kw)
{
	for (; *kw; kw++, p++)
		if (*p != (unsigned char)*kw)
			return NULL;
	return p;
}

/* The longest word of the list that the text at p starts with (word_ci): its end, or NULL. */
static inline const unsigned char *word_longest_ci(const unsigned char *p, const char *const *list,
						   size_t n)
{
	const unsigned char *best = NULL, *e;
	for (size_t i = 0; i < n; i++)
		if ((e = word_ci(p, list[i])) && (!best || e > best))
			best = e;
	return best;
}

/* Lists whose words all start with a letter, sorted by it (either case; words_sorted says whether
 * a list is): the first word whose first letter, lower-cased, is c or after it. */
static inline size_t words_from(const char *const *list, size_t n, unsigned char c)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (((unsigned char)list[mid][0] | 0x20) < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* word_longest_ci over such a sorted list: only the words with the text's first letter are
 * compared (a word that starts with a letter matches only text that starts with it, in either
 * case where the word's letter is lower-case, or as written). */
static inline const unsigned char *word_longest_ci_sorted(const unsigned char *p,
							  const char *const *list, size_t n)
{
	unsigned char c = *p | 0x20; /* a letter for a letter only */
	if (c < 'a' || c > 'z')
		return NULL;
	const unsigned char *best = NULL, *e;
	for (size_t i = words_from(list, n, c); i < n && ((unsigned char)list[i][0] | 0x20) == c; i++)
		if ((e = word_ci(p, list[i])) && (!best || e > best))
			best = e;
	return best;
}

/* Whether every word of the list starts with a letter and the list is sorted by it (tests). */
static inline int words_sorted(const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)list[i][0] | 0x20;
		if (c < 'a' || c > 'z' || (i && c < ((unsigned char)list[i - 1][0] | 0x20)))
			return 0;
	}
	return 1;
}

#define WORDS_N(list) (sizeof(list) / sizeof *(list))

#endif
