/* Printing a record's diagnostics the way compilers do:
 *     file:line:col: error: message [CODE]
 *         the source line
 *         ^                                                                  */
#ifndef CW_CLI_DIAGNOSTICS_H
#define CW_CLI_DIAGNOSTICS_H

#include <stdio.h>

#include "cablewire.h"

/* Prints the diagnostics of rec at or above min, but those of --ignore's codes and the errors past
 * --max-errors; with_source adds the source line and a caret; in colour when common.colour is
 * set. Returns how many were printed. */
size_t diag_print_record(FILE *out, const cw_record *rec, cw_severity min, int with_source);
/* The same, each diagnostic of severity `from` shown as `to` (validate --strict: warnings as
 * errors). */
size_t diag_print_record_as(FILE *out, const cw_record *rec, cw_severity min, int with_source,
			    cw_severity from, cw_severity to);

/* --max-errors: true once that many errors were shown (the rest are not). */
int diag_cap_reached(void);

#endif
