/* The driver of a conversion (cw_convert): the inputs cut into units on the calling thread, parsed
 * (and rendered) on N worker threads, and handed to a back end (a byte stream, an SQLite archive)
 * strictly in input order; with progress reports, the tally of records and diagnostics, a clean
 * stop when the caller cancels (the command: Ctrl-C or SIGTERM), and resuming after the records
 * an output already holds. */
#ifndef CW_CONVERT_RUN_H
#define CW_CONVERT_RUN_H

#include <stdint.h>

#include "cablewire.h"
#include "parser/input/inputs.h"
#include "emitters/convert/tally.h"

typedef struct convert_backend {
	/* On a worker thread: what the back end makes of a record before writing it (its output
	 * bytes as record number index), appended to into: what render returned for the records
	 * before it in the same batch, or NULL for a batch's first (and for a record rendered
	 * alone). Returns the rendering, NULL out of memory. worker is 0..jobs-1. A back end that
	 * renders writes whole batches: the worker tallies and frees the records, and the calling
	 * thread is left one write for a batch of records. */
	void *(*render)(void *ctx, unsigned worker, const cw_record *rec, uint64_t index,
			void *into);
	/* On the calling thread, in input order; owns rendered. A back end with render gets a
	 * batch's rendering, rec NULL and index the batch's first record's; one without gets each
	 * record. Returns non-zero to stop (a write error). */
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
	uint64_t skip;        /* resuming: the output already holds this many records */
	/* as in cw_convert_request */
	void (*on_progress)(void *ctx, const cw_progress *progress);
	int (*cancelled)(void *ctx);
	void *ctx;
	const char *const *ignore;  /* codes the tally leaves out */
	size_t nignore;
} convert_settings;

typedef struct convert_result {
	input_stats inputs;
	tally tally;          /* of the records written by this run */
	uint64_t skipped;     /* records not written again (resuming) */
	int interrupted;      /* stopped by a signal: the output holds whole records only */
	int stopped;          /* the back end asked to stop (write error) or memory ran out */
	int mismatch;         /* resuming: the output's last record is not these inputs' */
	int too_short;        /* resuming: the inputs give fewer records than the output holds */
	char *note;           /* what to do next (malloc'd; "OUT.partial kept: ..."), or NULL */
	int output_lost;      /* a write error: the records converted are not in the output */
	int partial_kept;     /* ... but OUT.partial keeps those written before it (--resume) */
} convert_result;

/* Returns 0 when every input was converted; the result says what happened otherwise. */
int convert_run(const convert_settings *cs, const convert_backend *be, convert_result *out);

/* The back ends: byte-stream formats (and the CSV tables), and the SQLite archive; each fills
 * res and returns 0 when the run was complete. usage is set for a request that cannot be met
 * (told to the message handler). */
int convert_stream(const convert_settings *cs, int format, const char *out_path,
		   const char *tables_dir, int resume, convert_result *res, int *usage);
typedef struct convert_archive_stats {
	size_t inserted, unchanged, new_versions;
} convert_archive_stats;
int convert_archive(const convert_settings *cs, const char *out_path, int resume,
		    convert_result *res, convert_archive_stats *st, int *usage);

#endif
