/* cablewire parse: records to standard output, diagnostics to standard error. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/diagnostics.h"

static const char usage[] =
	"usage: cablewire parse [options] FILE...|-\n"
	"\n"
	"Parses each input (a file, a directory tree, or - for standard input) and prints its\n"
	"records. Diagnostics go to standard error as file:line:col: severity: message [CODE].\n"
	"\n"
	"options:\n"
	"  -f, --format FMT   json (default: one array), jsonl (one record a line), xml, csv,\n"
	"                     text (the clean telegram or story), nitf (NITF 3.6, one XML\n"
	"                     document a record) or ninjs (IPTC ninjs 2.1, one JSON object a line)\n"
	"      --from FORM    the input form: auto (default: detected per input); cables: text,\n"
	"                     wikileaks-html, markdown, cables-csv, body-text, pdf-text;\n"
	"                     articles: article-text, wire-text, reuters-sgml, anpa, iptc7901\n"
	"  -o, --output FILE  write to FILE instead of standard output\n"
	"      --compact      json, xml or nitf without indentation\n"
	"  -q, --quiet        print no diagnostics\n"
	"  -h, --help         this help\n";

int parse_form_arg(const char *name)
{
	int f = cw_form_from_name(name);
	if (f < 0) {
		fprintf(stderr, "cablewire: unknown input form '%s' (", name);
		for (int i = 0; i < CW_FORM_COUNT; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", cw_form_name((cw_form)i));
		fputs(")\n", stderr);
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
		fputs(", sqlite)\n", stderr);
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
	if (cw_record_count_at_least(rec, CW_ERROR))
		run->with_errors++;
	if (cw_emit(run->em, rec) != 0)
		run->write_failed = 1;
	cw_record_free(rec);
	return run->write_failed;
}

int cmd_parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "compact", no_argument, NULL, 'c' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int format = CW_FORMAT_JSON, form = CW_FORM_AUTO, compact = 0, quiet = 0, c;
	const char *out_path = "-";
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:qh", longopts, NULL)) != -1) {
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
		case 'q': quiet = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (format == CW_FORMAT_SQLITE) {
		fputs("cablewire parse: --format sqlite writes an archive file, not a stream; use "
		      "cablewire convert INPUT... -o OUT.sqlite\n", stderr);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		fputs("cablewire parse: no input given (use - for standard input)\n", stderr);
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	cw_options *opt = cw_options_new();
	if (!opt)
		return EXIT_USAGE;
	cw_options_set_form(opt, (cw_form)form);
	cw_output *out = cw_output_open(out_path);
	if (!out) {
		cw_options_free(opt);
		return EXIT_USAGE;
	}
	parse_run run = { cw_emitter_new((cw_format)format, cw_output_write, out, !compact), quiet, 0,
			  0 };
	cw_walk_stats st = { 0, 0, 0, 0 };
	if (run.em) {
		cw_walk(opt, (const char *const *)argv + optind, argc - optind, on_record, &run, &st);
		if (cw_emitter_finish(run.em) != 0)
			run.write_failed = 1;
	}
	cw_emitter_free(run.em);
	int closed = cw_output_close(out, 0);
	cw_options_free(opt);
	if (!run.em || run.write_failed || closed != 0 || st.failed)
		return EXIT_USAGE;
	return run.with_errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}
