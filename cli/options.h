/* What every command shares: the options every one takes (-q, --stdin-name, --ignore,
 * --max-errors), standard input when no INPUT is given, and the one shape of a usage error:
 *
 *     cablewire: unknown option '--frob'
 *     Try 'cablewire --help' for more information.
 *
 * The command line is the process's own: these settings live in one place for the run. */
#ifndef CW_CLI_OPTIONS_H
#define CW_CLI_OPTIONS_H

#include <getopt.h>
#include <stddef.h>

#include "cablewire.h"

typedef struct common_options {
	int quiet;                /* -q: no diagnostics, no progress, no summary */
	const char *stdin_name;   /* --stdin-name: what standard input is called */
	long max_errors;          /* --max-errors N: stop after N errors shown (0: no cap) */
	const char **ignore;      /* --ignore CODE,...: codes not shown nor counted */
	size_t nignore;
	int colour;               /* diagnostics in colour (a terminal, NO_COLOR unset) */
} common_options;

extern common_options common;

/* The long options every command takes (append to a command's own, before the NULL entry). */
enum { OPT_STDIN_NAME = 1001, OPT_IGNORE, OPT_MAX_ERRORS };
#define COMMON_LONG_OPTIONS                                              \
	{ "quiet", no_argument, NULL, 'q' },                             \
	{ "stdin-name", required_argument, NULL, OPT_STDIN_NAME },       \
	{ "ignore", required_argument, NULL, OPT_IGNORE },               \
	{ "max-errors", required_argument, NULL, OPT_MAX_ERRORS }

/* Handles a common option (c from getopt_long); returns 1 if it was one, 0 if not, -1 after a
 * usage error. */
int common_option(int c, const char *arg);
/* getopt_long's '?' and ':' (the optstring starts with ':'): the usage error for argv; returns
 * EXIT_USAGE. */
int option_error(int c, char **argv);
/* Prints "cablewire: MESSAGE" and the line pointing at --help; returns EXIT_USAGE. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
int usage_error(const char *fmt, ...);

/* The inputs: the arguments from optind on, else standard input when it is not a terminal;
 * -1 (a usage error told) when there are none. */
int command_inputs(int argc, char **argv, const char *const **inputs);

/* Whether code was named by --ignore. */
int code_ignored(const char *code);
/* Options for a parse with the common settings (--stdin-name) and form; NULL when out of memory. */
cw_options *command_cw_options(int form);

#endif
