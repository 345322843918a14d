#include "emitters/convert/tally.h"

#include <stdlib.h>
#include <string.h>

static int ignored(const tally *t, const char *code)
{
	for (size_t i = 0; i < t->nignore; i++)
		if (strcmp(t->ignore[i], code) == 0)
			return 1;
	return 0;
}

/* Adds n to a code's count; a code not seen before goes last, so that the codes stay in the order
 * they were first met. */
static void count_code(tally *t, const char *code, cw_severity severity, size_t n)
{
	size_t k = 0;
	/* A few dozen codes exist: a linear search over the ones seen is enough. */
	while (k < t->ncodes &&
	       (t->codes[k].severity != severity || strcmp(t->codes[k].code, code) != 0))
		k++;
	if (k == t->ncodes) {
		if (t->ncodes == t->capcodes) {
			size_t cap = t->capcodes ? t->capcodes * 2 : 32;
			cw_code_count *c = realloc(t->codes, cap * sizeof(*c));
			if (!c)
				return;
			t->codes = c;
			t->capcodes = cap;
		}
		t->codes[k] = (cw_code_count){ code, severity, 0 };
		t->ncodes++;
	}
	t->codes[k].n += n;
}

void tally_record(tally *t, const cw_record *rec)
{
	t->records++;
	/* One pass over the diagnostics: the codes, and the worst severity for the record. */
	cw_severity worst = CW_NOTE;
	size_t n = cw_record_diag_count(rec);
	for (size_t i = 0; i < n; i++) {
		const cw_diag *d = cw_record_diag(rec, i);
		if (d->severity < CW_WARNING || ignored(t, d->code))
			continue;
		if (d->severity > worst)
			worst = d->severity;
		count_code(t, d->code, d->severity, 1);
	}
	if (worst == CW_ERROR) {
		t->with_errors++;
		if (strcmp(cw_record_kind(rec), "error") == 0)
			t->error_records++;
	} else if (worst == CW_WARNING) {
		t->with_warnings++;
	}
}

void tally_merge(tally *t, const tally *from)
{
	t->records += from->records;
	t->with_errors += from->with_errors;
	t->with_warnings += from->with_warnings;
	t->error_records += from->error_records;
	for (size_t i = 0; i < from->ncodes; i++)
		count_code(t, from->codes[i].code, from->codes[i].severity, from->codes[i].n);
}

static int by_count(const void *a, const void *b)
{
	const cw_code_count *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->code, y->code);
}

void tally_sort(tally *t)
{
	if (t->ncodes)
		qsort(t->codes, t->ncodes, sizeof(*t->codes), by_count);
}

void tally_free(tally *t)
{
	free(t->codes);
	memset(t, 0, sizeof(*t));
}

void tally_give(const tally *t, size_t *records, size_t *with_errors, size_t *with_warnings,
		size_t *error_records, cw_code_count **codes, size_t *ncodes)
{
	*records = t->records;
	*with_errors = t->with_errors;
	*with_warnings = t->with_warnings;
	*error_records = t->error_records;
	*codes = t->codes;
	*ncodes = t->ncodes;
}
