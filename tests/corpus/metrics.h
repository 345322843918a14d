/* What the corpus checkers share: agreement counters with the first misses kept, the table they
 * print, and reading a file or a record's string. */
#ifndef CW_CORPUS_METRICS_H
#define CW_CORPUS_METRICS_H

#include <stddef.h>

#include "cablewire.h"

enum { SHOW = 8 }; /* misses listed a metric */

typedef struct metric {
	const char *name;
	double target; /* percent; 0 = reported only */
	long ok, total;
	char misses[SHOW][480];
	int nmiss;
} metric;

/* Counts one comparison; a miss keeps "id: why" among the first SHOW. */
void count(metric *m, int ok, const char *id, const char *why);

/* Prints the table of the NULL-terminated list (check, agree, of, %, target, ok|MISSED), then
 * each metric's first misses; returns 1 when a target is missed. A metric with no comparison
 * passes when empty_passes (nothing of that kind in the input), else it misses its target. */
int print_table(metric **all, int empty_passes);

/* The whole file, NUL-terminated; NULL when it cannot be read. len may be NULL. */
char *read_file(const char *path, size_t *len);

/* A record's string as a C string, copied into one of four rotating buffers (cut at 4 KiB). */
const char *str(const cw_value *v);

#endif
