/* What a conversion tells the user on standard error: a progress bar while it runs (only when
 * standard error is a terminal) and, at the end, the tally of records and diagnostics by code. */
#ifndef CW_CLI_PROGRESS_H
#define CW_CLI_PROGRESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cablewire.h"

typedef struct code_count {
	const char *code;    /* the library's static code string */
	cw_severity severity;
	size_t n;
} code_count;

typedef struct tally {
	size_t records;        /* records written */
	size_t with_errors;    /* records with at least one error diagnostic */
	size_t with_warnings;  /* records with warnings but no error */
	size_t error_records;  /* of those with errors, kind "error": nothing could be parsed */
	code_count *codes;
	size_t ncodes, capcodes;
} tally;

void tally_record(tally *t, const cw_record *rec);
/* "errors by code: A 3, B 1" and "warnings by code: ..." lines, most frequent first. */
void tally_print_codes(const tally *t, FILE *f);
void tally_free(tally *t);

typedef struct progress {
	int enabled;
	uint64_t total_bytes;  /* 0 when unknown: no percentage, no ETA */
	double start, last;
	int drawn;
} progress;

/* Enabled only when standard error is a terminal (and show is set). */
void progress_init(progress *p, int show, uint64_t total_bytes);
/* Redraws at most a few times a second. */
void progress_update(progress *p, size_t records, uint64_t bytes);
/* Erases the bar (before the summary, or a message). */
void progress_clear(progress *p);

#endif
