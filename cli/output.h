/* Output files written under a temporary name and renamed when complete, so an interrupted run
 * never leaves a half file under the final name. "-" is standard output; devices and pipes
 * (/dev/null, a FIFO) are written in place. */
#ifndef CW_CLI_OUTPUT_H
#define CW_CLI_OUTPUT_H

#include <stdio.h>

typedef struct output {
	FILE *f;
	char *final_path;  /* NULL for standard output */
	char *tmp_path;    /* NULL when written in place */
	int direct;        /* a device or pipe: no temporary file */
	int failed;
} output;

int output_open(output *o, const char *path);
/* cw_write_fn over an output. */
int output_write(void *ctx, const char *buf, size_t len);
/* Flushes, and renames the temporary file into place unless discard is set or writing failed.
 * Returns 0 on success. */
int output_close(output *o, int discard);

#endif
