/* cablewire validate: checks inputs without converting them. The diagnostics are the parser's own
 * (validation is the same parse, its records not kept), printed the way compilers print them, or
 * as JSON Lines with --format json. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/diagnostics.h"
#include "cli/options.h"

static const char usage[] =
	"usage: cablewire validate [options] [INPUT...]\n"
	"\n"
	"Checks each input's format without converting it. Every problem is printed as\n"
	"file:line:col: error|warning: message [CODE], then the source line and a caret.\n"
	"docs/diagnostics.md lists every code with an example and what to do.\n"
	"\n"
	"options:\n"
	"      --strict       warnings count as errors\n"
	"  -f, --format FMT   text (default) or json: one JSON line per record with its source,\n"
	"                     kind, id, valid and diagnostics\n"
	"      --from FORM    the input form (default: detected per input); see 'parse --help'\n"
	"      --notes        print notes too (text format)\n"
	"  -q, --quiet        print only the summary\n"
	"      --ignore CODE[,CODE...]  neither show nor count these codes\n"
	"      --max-errors N stop after N errors shown\n"
	"      --stdin-name NAME  the name standard input goes by (a body text's release id\n"
	"                     comes from it)\n"
	"\n"
	"With no INPUT, standard input is read when it is not a terminal. Diagnostics are in\n"
	"colour on a terminal unless NO_COLOR is set.\n"
	"  -h, --help         this help\n"
	"\n"
	"exit status: 0 every record valid, 1 some record invalid, 2 usage or I/O error\n";

typedef struct validate_run {
	int strict, json, notes, quiet;
	size_t records, invalid;
} validate_run;

/* Compact JSON has no line end inside it (strings escape theirs), only the one at its end, which
 * is dropped so the parts go on one line. */
static int write_json_part(void *ctx, const char *buf, size_t len)
{
	(void)ctx;
	for (size_t i = 0; i < len; i++)
		if (buf[i] != '\n' && putchar(buf[i]) == EOF)
			return -1;
	return 0;
}

static void print_json(const cw_record *rec, int valid)
{
	static const char *const keys[] = { "source", "kind", "id", "diagnostics" };
	const cw_value *root = cw_record_root(rec);
	putchar('{');
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		printf("%s\"%s\":", i ? "," : "", keys[i]);
		cw_value_write_json(cw_value_get(root, keys[i]), write_json_part, NULL, 0);
	}
	printf(",\"valid\":%s}\n", valid ? "true" : "false");
}

/* The text form, with --strict showing warnings as the errors they then are. */
static void print_text(const validate_run *run, const cw_record *rec)
{
	cw_severity min = run->notes ? CW_NOTE : CW_WARNING;
	if (!run->strict) {
		diag_print_record(stderr, rec, min, 1);
		return;
	}
	diag_print_record_as(stderr, rec, min, 1, CW_WARNING, CW_ERROR);
}

static int on_record(void *ctx, cw_record *rec)
{
	validate_run *run = ctx;
	run->records++;
	cw_severity worst = run->strict ? CW_WARNING : CW_ERROR;
	int valid = 1;
	for (size_t i = 0, n = cw_record_diag_count(rec); i < n && valid; i++) {
		const cw_diag *d = cw_record_diag(rec, i);
		valid = d->severity < worst || code_ignored(d->code);
	}
	if (!valid)
		run->invalid++;
	if (run->json)
		print_json(rec, valid);
	else if (!run->quiet)
		print_text(run, rec);
	cw_record_free(rec);
	return diag_cap_reached();
}

int cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "notes", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	validate_run run = { 0, 0, 0, 0, 0, 0 };
	int form = CW_FORM_AUTO, c, common_rc;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:qh", longopts, NULL)) != -1) {
		if ((common_rc = common_option(c, optarg)) != 0) {
			if (common_rc < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 's': run.strict = 1; break;
		case 'n': run.notes = 1; break;
		case 'f':
			if (!strcmp(optarg, "json")) {
				run.json = 1;
			} else if (strcmp(optarg, "text") != 0) {
				return usage_error("unknown format '%s' for validate (text, json)",
						   optarg);
			}
			break;
		case 'F':
			if ((form = parse_form_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error(c, argv);
		}
	}
	run.quiet = common.quiet;
	const char *const *inputs;
	int ninputs = command_inputs(argc, argv, &inputs);
	if (ninputs < 0)
		return EXIT_USAGE;
	cw_options *opt = command_cw_options(form);
	if (!opt)
		return EXIT_USAGE;
	cw_walk_stats st = { 0, 0, 0, 0 };
	cw_walk(opt, inputs, ninputs, on_record, &run, &st);
	cw_options_free(opt);
	if (fflush(stdout) != 0)
		return EXIT_USAGE;
	fprintf(stderr, "cablewire: validated %zu input%s: %zu record%s, %zu invalid%s\n", st.inputs,
		st.inputs == 1 ? "" : "s", run.records, run.records == 1 ? "" : "s", run.invalid,
		run.strict ? " (warnings count)" : "");
	if (diag_cap_reached())
		fprintf(stderr, "cablewire: stopped after %ld error%s (--max-errors)\n",
			common.max_errors, common.max_errors == 1 ? "" : "s");
	if (st.failed)
		return EXIT_USAGE;
	return run.invalid ? EXIT_INPUT_ERRORS : EXIT_OK;
}
