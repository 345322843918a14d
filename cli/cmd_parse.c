/* cablewire parse: records to standard output, diagnostics to standard error. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/diagnostics.h"
#include "cli/options.h"

static const char usage[] =
	"usage: cablewire parse [options] [INPUT...]\n"
	"\n"
	"Parses each input (a file, a directory tree, or - for standard input) and prints its\n"
	"records. Diagnostics go to standard error as file:line:col: severity: message [CODE].\n"
	"\n"
	"options:\n"
	"  -f, --format FMT   json (default: one array), jsonl (one record a line), xml, csv,\n"
	"                     text (the clean telegram or story), nitf (NITF 3.6, one XML\n"
	"                     document a record), ninjs (IPTC ninjs 2.1, one JSON object a line)\n"
	"                     or newsml-g2 (IPTC NewsML-G2, one newsItem document a record)\n"
	"      --from FORM    the input form: auto (default: detected per input); cables: text,\n"
	"                     wikileaks-html, markdown, cables-csv, body-text, pdf-text;\n"
	"                     articles: article-text, wire-text, reuters-sgml, anpa, iptc7901,\n"
	"                     nitf, newsml-g2, newsml, ninjs\n"
	"  -o, --output FILE  write to FILE instead of standard output\n"
	"      --compact      json, xml, nitf or newsml-g2 without indentation\n"
	"      --lines        line mode (Hadoop Streaming, Spark's RDD.pipe): each line of the\n"
	"                     inputs is one input, a JSON object {\"name\": ..., \"text\": ...} or\n"
	"                     a JSON string; its records are written as JSON Lines (or ninjs), in\n"
	"                     order, each with the line's number in source.line; exits 0 when\n"
	"                     records have errors (they carry them), 2 when reading or writing failed\n"
	"  -q, --quiet        print no diagnostics\n"
	"      --ignore CODE[,CODE...]  do not show these codes\n"
	"      --max-errors N stop after N errors shown\n"
	"      --stdin-name NAME  the name standard input goes by in records (a body text's\n"
	"                     release id comes from it)\n"
	"  -h, --help         this help\n"
	"\n"
	"With no INPUT, standard input is read when it is not a terminal.\n";

int parse_form_arg(const char *name)
{
	int f = cw_form_from_name(name);
	if (f < 0) {
		fprintf(stderr, "cablewire: unknown input form '%s' (", name);
		for (int i = 0; i < CW_FORM_COUNT; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", cw_form_name((cw_form)i));
		fputs(")\nTry 'cablewire --help' for more information.\n", stderr);
	}
	return f;
}

int parse_format_arg(const char *name)
{
	if (name && !strcmp(name, "sqlite"))
		return CW_FORMAT_SQLITE;
	int f = cw_format_from_name(name);
	if (f < 0) {
		fprintf(stderr, "cablewire: unknown output format '%s' (", name);
		for (int i = 0; i < CW_FORMAT_COUNT; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", cw_format_name((cw_format)i));
		fputs(", sqlite)\nTry 'cablewire --help' for more information.\n", stderr);
	}
	return f;
}

typedef struct parse_run {
	cw_emitter *em;
	int quiet;
	size_t with_errors;
	int write_failed;
} parse_run;

static int on_record(void *ctx, cw_record *rec)
{
	parse_run *run = ctx;
	if (!run->quiet)
		diag_print_record(stderr, rec, CW_WARNING, 0);
	/* A record has errors when one is not of a code --ignore names. */
	for (size_t i = 0, n = cw_record_diag_count(rec); i < n; i++) {
		const cw_diag *d = cw_record_diag(rec, i);
		if (d->severity == CW_ERROR && !code_ignored(d->code)) {
			run->with_errors++;
			break;
		}
	}
	if (cw_emit(run->em, rec) != 0)
		run->write_failed = 1;
	cw_record_free(rec);
	return run->write_failed || diag_cap_reached();
}

/* Line mode: each line of each input (a file, or - for standard input) is one input. Returns
 * 0, or non-zero when an input could not be read or the records stopped (a write failed). */
static int parse_lines(const cw_options *opt, const char *const *inputs, int n, parse_run *run)
{
	char *line = NULL;
	size_t cap = 0;
	int failed = 0;
	for (int i = 0; i < n && !run->write_failed; i++) {
		int is_stdin = strcmp(inputs[i], "-") == 0;
		FILE *f = is_stdin ? stdin : fopen(inputs[i], "rb");
		if (!f) {
			fprintf(stderr, "cablewire: %s: cannot open: %s\n", inputs[i], strerror(errno));
			failed = 1;
			continue;
		}
		ssize_t len;
		uint64_t lineno = 0;
		while ((len = getline(&line, &cap, f)) >= 0) {
			if (cw_parse_line(opt, line, (size_t)len, ++lineno, on_record, run) != 0) {
				if (!run->write_failed)
					fprintf(stderr, "cablewire: out of memory\n");
				failed = 1;
				break;
			}
		}
		if (ferror(f)) {
			fprintf(stderr, "cablewire: %s: read error after line %llu\n", inputs[i],
				(unsigned long long)lineno);
			failed = 1;
		}
		if (!is_stdin)
			fclose(f);
	}
	free(line);
	return failed;
}

int cmd_parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "compact", no_argument, NULL, 'c' },
		{ "lines", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int format = -1, form = CW_FORM_AUTO, compact = 0, lines = 0, c, common_rc;
	const char *out_path = "-";
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:o:qh", longopts, NULL)) != -1) {
		if ((common_rc = common_option(c, optarg)) != 0) {
			if (common_rc < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'f':
			if ((format = parse_format_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'F':
			if ((form = parse_form_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'o': out_path = optarg; break;
		case 'c': compact = 1; break;
		case 'L': lines = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error(c, argv);
		}
	}
	if (lines && format >= 0 && format != CW_FORMAT_JSONL && format != CW_FORMAT_NINJS)
		return usage_error("--lines writes one record a line: --format jsonl or ninjs");
	if (format < 0)
		format = lines ? CW_FORMAT_JSONL : CW_FORMAT_JSON;
	if (format == CW_FORMAT_SQLITE)
		return usage_error("--format sqlite writes an archive file, not a stream; use "
				   "cablewire convert INPUT... -o OUT.sqlite");
	const char *const *inputs;
	int ninputs = command_inputs(argc, argv, &inputs);
	if (ninputs < 0)
		return EXIT_USAGE;
	cw_options *opt = command_cw_options(form);
	if (!opt)
		return EXIT_USAGE;
	cw_output *out = cw_output_open(out_path);
	if (!out) {
		cw_options_free(opt);
		return EXIT_USAGE;
	}
	parse_run run = { cw_emitter_new((cw_format)format, cw_output_write, out, !compact),
			  common.quiet, 0, 0 };
	cw_walk_stats st = { 0, 0, 0, 0 };
	int lines_failed = 0;
	if (run.em && lines) {
		lines_failed = parse_lines(opt, inputs, ninputs, &run);
		if (cw_emitter_finish(run.em) != 0)
			run.write_failed = 1;
	} else if (run.em) {
		cw_walk(opt, inputs, ninputs, on_record, &run, &st);
		if (cw_emitter_finish(run.em) != 0)
			run.write_failed = 1;
	}
	cw_emitter_free(run.em);
	int closed = cw_output_close(out, 0);
	cw_options_free(opt);
	if (diag_cap_reached())
		fprintf(stderr, "cablewire: stopped after %ld error%s (--max-errors)\n",
			common.max_errors, common.max_errors == 1 ? "" : "s");
	if (!run.em || run.write_failed || closed != 0 || st.failed || lines_failed)
		return EXIT_USAGE;
	if (lines)
		return EXIT_OK; /* the records carry their errors: an engine must not retry them */
	return run.with_errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}
