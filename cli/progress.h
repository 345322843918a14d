/* The progress bar of a conversion on standard error (only when it is a terminal). */
#ifndef CW_CLI_PROGRESS_H
#define CW_CLI_PROGRESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cablewire.h"

typedef struct progress {
	int enabled;
	int width;             /* the terminal's columns, measured again after SIGWINCH */
	double start, last;
	int drawn;
} progress;

/* Enabled only when standard error is a terminal (and show is set). */
void progress_init(progress *p, int show);
/* A cw_convert_request's on_progress (ctx: the progress): one line that fits the terminal's
 * width (the fullest form that fits), redrawn at most five times a second. */
void progress_update(void *ctx, const cw_progress *p);
/* Erases the bar (before the summary, or a message). */
void progress_clear(progress *p);

#endif
