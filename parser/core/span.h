/* Locations for the Bison grammars: byte offsets into the unit's decoded text. */
#ifndef CW_SPAN_H
#define CW_SPAN_H

#include <stddef.h>

typedef struct cw_span {
	size_t first, last;  /* [first, last) */
} cw_span;

/* Bison's default location rule, in byte offsets: a rule spans its first to its last symbol, an
 * empty rule sits at the end of the previous symbol. */
#define CW_SPAN_DEFAULT(Cur, Rhs, N)                                   \
	do {                                                           \
		if (N) {                                               \
			(Cur).first = YYRHSLOC(Rhs, 1).first;          \
			(Cur).last = YYRHSLOC(Rhs, N).last;            \
		} else {                                               \
			(Cur).first = (Cur).last = YYRHSLOC(Rhs, 0).last; \
		}                                                      \
	} while (0)

#endif
