#include "cli/options.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"

common_options common;

int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("cablewire: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'cablewire --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

int option_error(int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	if (c == ':')
		return usage_error("option '%s' needs a value", arg);
	if (optopt && optopt < 256 && !(arg[0] == '-' && arg[1] == '-'))
		return usage_error("unknown option '-%c'", optopt);
	return usage_error("unknown option '%s'", arg);
}

/* --ignore A,B --ignore C: every code, in one list. */
static int add_ignored(const char *arg)
{
	char *copy = strdup(arg);
	if (!copy)
		return -1;
	for (char *save = NULL, *code = strtok_r(copy, ",", &save); code;
	     code = strtok_r(NULL, ",", &save)) {
		const char **grown = realloc(common.ignore, (common.nignore + 1) * sizeof(*grown));
		if (!grown)
			return -1;
		common.ignore = grown;
		common.ignore[common.nignore++] = code;
	}
	return 0; /* copy is kept: the list points into it for the whole run */
}

int common_option(int c, const char *arg)
{
	switch (c) {
	case 'q': common.quiet = 1; return 1;
	case OPT_STDIN_NAME:
		if (!*arg) {
			usage_error("--stdin-name wants a name");
			return -1;
		}
		common.stdin_name = arg;
		return 1;
	case OPT_IGNORE:
		if (!*arg || add_ignored(arg) != 0) {
			usage_error("--ignore wants codes: --ignore CODE[,CODE...]");
			return -1;
		}
		return 1;
	case OPT_MAX_ERRORS: {
		char *end;
		long n = strtol(arg, &end, 10);
		if (*end || end == arg || n < 1) {
			usage_error("--max-errors wants a number from 1 up, not '%s'", arg);
			return -1;
		}
		common.max_errors = n;
		return 1;
	}
	default: return 0;
	}
}

int command_inputs(int argc, char **argv, const char *const **inputs)
{
	static const char *const standard_input[] = { "-" };
	if (optind < argc) {
		*inputs = (const char *const *)argv + optind;
		return argc - optind;
	}
	if (!isatty(STDIN_FILENO)) {
		*inputs = standard_input;
		return 1;
	}
	usage_error("no input given (standard input is a terminal; give a file, or - to read it)");
	return -1;
}

int code_ignored(const char *code)
{
	for (size_t i = 0; i < common.nignore; i++)
		if (strcmp(common.ignore[i], code) == 0)
			return 1;
	return 0;
}

cw_options *command_cw_options(int form)
{
	cw_options *opt = cw_options_new();
	if (!opt) {
		fputs("cablewire: out of memory\n", stderr);
		return NULL;
	}
	cw_options_set_form(opt, (cw_form)form);
	if (common.stdin_name && cw_options_set_stdin_name(opt, common.stdin_name) != 0) {
		cw_options_free(opt);
		fputs("cablewire: out of memory\n", stderr);
		return NULL;
	}
	return opt;
}
