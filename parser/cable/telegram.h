/* The telegram being parsed: its record, arena and decoded text. The header's parser
 * (routing.c) and the body's (body.c) each get it in their own context; cable.c, which puts the
 * two together, is the only code that sees both. */
#ifndef CW_TELEGRAM_H
#define CW_TELEGRAM_H

#include <stddef.h>

#include "parser/core/record.h"

typedef struct telegram {
	cw_record *rec;
	arena *a;
	const char *text;        /* decoded text; *lim == '\0' */
	const char *lim;
} telegram;

/* Decoded offset of a pointer into the text. */
static inline size_t tg_off(const telegram *t, const char *p) { return (size_t)(p - t->text); }

#endif
