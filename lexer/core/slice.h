/* A slice: a stretch of a decoded text (lexer/core/text.h) that a scanner found, handed up to
 * the parsers without copying. A field that is absent has s == NULL. */
#ifndef CW_SLICE_H
#define CW_SLICE_H

#include <stddef.h>

typedef struct slice {
	const char *s;
	size_t n;
} slice;

#endif
