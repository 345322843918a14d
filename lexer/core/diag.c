#include "lexer/core/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(diag_list *l, arena *a, size_t input_len, size_t max)
{
	memset(l, 0, sizeof(*l));
	l->arena = a;
	l->input_len = input_len;
	l->max = max;
}

void diag_list_free(diag_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

void diag_vin(diag_list *l, cw_severity sev, const char *code, uint64_t in, const char *fmt,
	      va_list ap)
{
	if (l->n >= l->max) {
		l->suppressed++;
		return;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		unit_diag *d = realloc(l->items, cap * sizeof(*d));
		if (!d)
			return;
		l->items = d;
		l->cap = cap;
	}
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	unit_diag *d = &l->items[l->n];
	memset(d, 0, sizeof(*d));
	d->d.severity = sev;
	d->d.code = code;
	d->d.message = arena_strndup(l->arena, buf, strlen(buf));
	d->unit_off = in > l->input_len ? l->input_len : in;
	d->seq = l->n;
	l->n++;
}

void diag_in(diag_list *l, cw_severity sev, const char *code, uint64_t in, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vin(l, sev, code, in, fmt, ap);
	va_end(ap);
}
