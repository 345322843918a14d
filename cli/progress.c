#include "cli/progress.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void tally_record(tally *t, const cw_record *rec)
{
	t->records++;
	/* One pass over the diagnostics: the codes, and the worst severity for the record. */
	cw_severity worst = CW_NOTE;
	size_t n = cw_record_diag_count(rec);
	for (size_t i = 0; i < n; i++) {
		const cw_diag *d = cw_record_diag(rec, i);
		if (d->severity < CW_WARNING)
			continue;
		if (d->severity > worst)
			worst = d->severity;
		size_t k = 0;
		/* A few dozen codes exist: a linear search over the ones seen is enough. */
		while (k < t->ncodes && (t->codes[k].severity != d->severity ||
					 strcmp(t->codes[k].code, d->code) != 0))
			k++;
		if (k == t->ncodes) {
			if (t->ncodes == t->capcodes) {
				size_t cap = t->capcodes ? t->capcodes * 2 : 32;
				code_count *c = realloc(t->codes, cap * sizeof(*c));
				if (!c)
					continue;
				t->codes = c;
				t->capcodes = cap;
			}
			t->codes[k] = (code_count){ d->code, d->severity, 0 };
			t->ncodes++;
		}
		t->codes[k].n++;
	}
	if (worst == CW_ERROR) {
		t->with_errors++;
		if (strcmp(cw_record_kind(rec), "error") == 0)
			t->error_records++;
	} else if (worst == CW_WARNING) {
		t->with_warnings++;
	}
}

static int by_count(const void *a, const void *b)
{
	const code_count *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->code, y->code);
}

void tally_print_codes(const tally *t, FILE *f)
{
	if (t->ncodes)
		qsort(t->codes, t->ncodes, sizeof(*t->codes), by_count);
	for (int sev = CW_ERROR; sev >= CW_WARNING; sev--) {
		int first = 1;
		for (size_t i = 0; i < t->ncodes; i++) {
			if ((int)t->codes[i].severity != sev)
				continue;
			fprintf(f, "%s%s %zu", first ? (sev == CW_ERROR ? "cablewire: errors by code: "
								       : "cablewire: warnings by code: ")
						     : ", ",
				t->codes[i].code, t->codes[i].n);
			first = 0;
		}
		if (!first)
			fputc('\n', f);
	}
}

void tally_free(tally *t)
{
	free(t->codes);
	memset(t, 0, sizeof(*t));
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, int show, uint64_t total_bytes)
{
	memset(p, 0, sizeof(*p));
	p->enabled = show && isatty(STDERR_FILENO);
	p->total_bytes = total_bytes;
	p->start = now();
	p->last = p->start - 1; /* the first record draws the bar at once */
}

void progress_update(progress *p, size_t records, uint64_t bytes)
{
	if (!p->enabled)
		return;
	double t = now();
	if (t - p->last < 0.2)
		return;
	p->last = t;
	double elapsed = t - p->start, mb = (double)bytes / 1048576.0;
	double rate = elapsed > 0 ? (double)records / elapsed : 0;
	char line[160];
	int n = 0;
	if (p->total_bytes) {
		double frac = (double)bytes / (double)p->total_bytes;
		if (frac > 1)
			frac = 1;
		enum { WIDTH = 24 };
		int fill = (int)(frac * WIDTH);
		char bar[WIDTH + 1];
		for (int i = 0; i < WIDTH; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[WIDTH] = '\0';
		double eta = frac > 0.001 ? elapsed * (1 - frac) / frac : 0;
		n = snprintf(line, sizeof line,
			     "[%s] %3.0f%%  %zu records  %.1f/%.1f MB  %.0f records/s  ETA %d:%02d", bar,
			     frac * 100, records, mb, (double)p->total_bytes / 1048576.0, rate,
			     (int)eta / 60, (int)eta % 60);
	} else {
		n = snprintf(line, sizeof line, "%zu records  %.1f MB  %.0f records/s", records, mb,
			     rate);
	}
	(void)n;
	/* \r back to the start, the line, then erase what a longer previous line left. */
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	p->drawn = 1;
}

void progress_clear(progress *p)
{
	if (p->enabled && p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->drawn = 0;
	}
}
