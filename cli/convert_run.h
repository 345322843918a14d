/* The driver of `cablewire convert`: the inputs cut into units on the calling thread, parsed
 * (and rendered) on N worker threads, and handed to a back end (a byte stream, an SQLite archive)
 * strictly in input order; with a progress bar, the tally of records and diagnostics, a clean
 * stop on Ctrl-C or SIGTERM, and resuming after the records an output already holds. */
#ifndef CW_CLI_CONVERT_RUN_H
#define CW_CLI_CONVERT_RUN_H

#include <stdint.h>

#include "cablewire.h"
#include "cli/inputs.h"
#include "cli/progress.h"

typedef struct convert_backend {
	/* On a worker thread: what the back end makes of a record before writing it (its output
	 * bytes as record number index), or NULL. worker is 0..jobs-1. */
	void *(*render)(void *ctx, unsigned worker, const cw_record *rec, uint64_t index);
	/* On the calling thread, in input order; owns rendered. Returns non-zero to stop (a write
	 * error). */
	int (*write)(void *ctx, const cw_record *rec, void *rendered, uint64_t index);
	/* Frees what render made, when it is not written. */
	void (*discard)(void *ctx, void *rendered);
	/* Resuming: whether rec (rendered as record index) is the last record the output holds. */
	int (*matches)(void *ctx, const cw_record *rec, void *rendered, uint64_t index);
	void *ctx;
} convert_backend;

typedef struct convert_settings {
	const cw_options *opt;
	char *const *inputs;
	int ninputs;
	unsigned jobs;        /* worker threads; 1: everything on the calling thread */
	int progress;         /* draw the progress bar (when standard error is a terminal) */
	uint64_t skip;        /* resuming: the output already holds this many records */
} convert_settings;

typedef struct convert_result {
	input_stats inputs;
	tally tally;          /* of the records written by this run */
	uint64_t skipped;     /* records not written again (resuming) */
	int interrupted;      /* stopped by a signal: the output holds whole records only */
	int stopped;          /* the back end asked to stop (write error) or memory ran out */
	int mismatch;         /* resuming: the output's last record is not these inputs' */
	int too_short;        /* resuming: the inputs give fewer records than the output holds */
	int output_lost;      /* a write error: the records converted are not in the output */
	int partial_kept;     /* ... but OUT.partial keeps those written before it (--resume) */
} convert_result;

/* Returns 0 when every input was converted; the result says what happened otherwise. */
int convert_run(const convert_settings *cs, const convert_backend *be, convert_result *out);

/* The summary of a conversion on stderr (verb: "wrote", "archived"; extra ends the first line);
 * returns the exit status. */
int convert_report(const convert_result *r, const char *verb, const char *out_path,
		   const char *extra);

#endif
