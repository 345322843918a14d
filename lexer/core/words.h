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

#define WORDS_N(list) (sizeof(list) / sizeof *(list))

#endif
