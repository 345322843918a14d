/* The tally of a conversion: records by worst severity, and warnings and errors by code. */
#ifndef CW_CONVERT_TALLY_H
#define CW_CONVERT_TALLY_H

#include <stddef.h>

#include "cablewire.h"

typedef struct tally {
	size_t records;        /* records written */
	size_t with_errors;    /* records with at least one error diagnostic */
	size_t with_warnings;  /* records with warnings but no error */
	size_t error_records;  /* of those with errors, kind "error": nothing could be parsed */
	cw_code_count *codes;
	size_t ncodes, capcodes;
	const char *const *ignore;  /* codes not counted */
	size_t nignore;
} tally;

void tally_record(tally *t, const cw_record *rec);
/* Adds a tally taken apart (a batch's, on a worker thread) to t, as if its records had been
 * tallied into t one by one: the codes new to t keep the order they were met in. from's ignore
 * list is the caller's to set; its codes are not taken over. */
void tally_merge(tally *t, const tally *from);
/* Sorts the codes most frequent first (then by name). */
void tally_sort(tally *t);
void tally_free(tally *t);
/* Hands the counts and the codes (the array's ownership too) to a result's fields of the same
 * names: cw_convert_summary's and cw_shard_result's. */
void tally_give(const tally *t, size_t *records, size_t *with_errors, size_t *with_warnings,
		size_t *error_records, cw_code_count **codes, size_t *ncodes);
#define TALLY_GIVE(t, to)                                                                   \
	tally_give((t), &(to)->records, &(to)->with_errors, &(to)->with_warnings,          \
		   &(to)->error_records, &(to)->codes, &(to)->ncodes)

#endif
