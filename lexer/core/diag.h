/* The diagnostics of one unit, as they are found: located at input offsets (relative to the
 * unit's bytes), sorted and given lines and columns once the record is finished
 * (parser/core/record.c). Decoders and parsers add to it; nothing here knows the record. */
#ifndef CW_DIAG_H
#define CW_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"
#include "lexer/core/arena.h"

typedef struct unit_diag {
	cw_diag d;
	uint64_t unit_off;  /* offset in the unit's input bytes */
	size_t seq;         /* emission order, to keep the sort stable */
} unit_diag;

typedef struct diag_list {
	arena *arena;       /* where messages are kept */
	size_t input_len;   /* offsets past the unit's end are clamped to it */
	unit_diag *items;
	size_t n, cap;
	size_t suppressed;  /* diagnostics over the limit, counted only */
	size_t max;
} diag_list;

void diag_list_init(diag_list *l, arena *a, size_t input_len, size_t max);
void diag_list_free(diag_list *l);
/* A diagnostic about input offset in (relative to the unit's bytes). */
void diag_in(diag_list *l, cw_severity sev, const char *code, uint64_t in, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
void diag_vin(diag_list *l, cw_severity sev, const char *code, uint64_t in, const char *fmt,
	      va_list ap);

#endif
