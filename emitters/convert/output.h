/* Output files written under a temporary name and renamed when complete, so an interrupted run
 * never leaves a half file under the final name. "-" is standard output; devices and pipes
 * (/dev/null, a FIFO) are written in place. */
#ifndef CW_CONVERT_OUTPUT_H
#define CW_CONVERT_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "parser/input/output_guard.h"

typedef struct output {
	FILE *f;
	char *buffer;      /* f's buffer, freed after f is closed */
	char *final_path;  /* NULL for standard output */
	char *tmp_path;    /* NULL when written in place */
	int direct;        /* a device or pipe: no temporary file */
	int failed;
	int error;         /* the errno of the first failed write, for the message */
	struct compressor *z;  /* a name ending .gz, .xz, .zst or .bz2: compressed through it */
	output_lock lock;  /* held from open to close (parser/input/output_guard.h) */
} output;

/* A regular file whose name ends .gz, .xz, .zst or .bz2 is compressed accordingly. */
int output_open(output *o, const char *path);
/* A resumable output (JSON Lines): written as PATH.partial, renamed when complete, kept by
 * output_keep() when the run is interrupted. With resume, an existing PATH.partial is
 * continued: cut after its last complete line (a run killed mid-write leaves half a line), and
 * *records says how many lines it holds, *last its last line with the newline (malloc'd, NULL
 * when none). Without resume, or with no PATH.partial, a new one is started: *records = 0. */
int output_open_partial(output *o, const char *path, int resume, uint64_t *records, char **last,
			size_t *last_len);
/* Closes, leaving the temporary file in place for --resume. Returns 0 on success. */
int output_keep(output *o);
/* cw_write_fn over an output. */
int output_write(void *ctx, const char *buf, size_t len);
/* Writes out what the stream's buffer holds (a compressed output keeps its own until closed), so
 * that a write error is known before deciding what to keep. Returns 0, or -1 once writing
 * failed. */
int output_flush(output *o);
/* Flushes, and renames the temporary file into place unless discard is set or writing failed.
 * Returns 0 on success. */
int output_close(output *o, int discard);
/* Prints why writing failed (the system's reason: no space, file too large). */
void output_report_failure(const output *o);

#endif
