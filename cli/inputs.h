/* Walking the command line's inputs (files, directory trees, "-" for standard input) and handing
 * each record to a callback, streamed chunk by chunk. */
#ifndef CW_CLI_INPUTS_H
#define CW_CLI_INPUTS_H

#include <stddef.h>

#include "cablewire.h"

/* Receives each record (owns it); returns 0 to go on, non-zero to stop. */
typedef int (*record_fn)(void *ctx, cw_record *rec);

typedef struct input_stats {
	size_t inputs;     /* files read */
	size_t failed;     /* inputs that could not be read */
	size_t records;
} input_stats;

/* Returns 0, or non-zero when the callback asked to stop. I/O problems are printed on stderr and
 * counted in stats->failed. */
int inputs_each(const cw_options *opt, char *const *paths, int n, record_fn fn, void *ctx,
		input_stats *stats);

#endif
