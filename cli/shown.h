/* Names as printed on a terminal: a file or member name (or a message quoting input) may hold
 * control characters, and ESC [2J would clear the screen of whoever reads the diagnostics. Every
 * byte below 0x20 and DEL is written as \xHH (a backslash before an x as \\), whatever the
 * stream is. */
#ifndef CW_CLI_SHOWN_H
#define CW_CLI_SHOWN_H

#include <stddef.h>
#include <stdio.h>

enum { SHOWN_MAX = 4096 };

typedef struct shown_text {
	char s[SHOWN_MAX];
} shown_text;

/* The escaped text, cut with "..." when longer than the buffer: shown(name).s lives until the
 * end of the full expression that uses it, so it goes straight into a printf argument. */
shown_text shown(const char *text);
shown_text shown_n(const char *text, size_t len);

#endif
