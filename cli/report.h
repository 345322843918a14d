/* What `convert` tells the user on standard error: the progress bar while it runs, the summary
 * at the end; and the stop on Ctrl-C, SIGTERM or SIGHUP. */
#ifndef CW_CLI_REPORT_H
#define CW_CLI_REPORT_H

#include "cablewire.h"
#include "cli/progress.h"

/* The summary line, the codes, and what went wrong (quiet: what went wrong only); returns the
 * exit status. */
int convert_report(const cw_convert_summary *s, const char *out_path, int quiet);

/* From interrupt_catch() to interrupt_release(), SIGINT, SIGTERM and SIGHUP ask the run to stop
 * (interrupt_requested() turns true; a second signal kills as usual). */
void interrupt_catch(void);
void interrupt_release(void);
int interrupt_requested(void *ctx);

#endif
