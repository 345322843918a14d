/* cablewire convert: many inputs into one output, parsed on N threads, written in input order. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "cli/shown.h"
#include "cli/options.h"
#include "cli/report.h"

static const char usage[] =
	"usage: cablewire convert [options] [INPUT...] -o OUT\n"
	"\n"
	"Converts files, directory trees (read recursively, in name order), standard input (-) and\n"
	"archives (tar, zip, 7z, ..., plain or compressed with gzip, bzip2, xz, zstd, ...: read in\n"
	"place, member by member) into one output: one record per cable or story. Inputs that\n"
	"cannot be parsed, or read, still yield a record carrying their diagnostics. A progress bar\n"
	"(when standard error is a terminal) and a summary go to standard error. With no INPUT,\n"
	"standard input is read when it is not a terminal.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE  output file (required; - for standard output); written under a\n"
	"                     temporary name and renamed when complete\n"
	"  -f, --format FMT   jsonl, json, xml, csv, text, nitf, ninjs, newsml-g2 or sqlite;\n"
	"                     default from the output's extension, in any case (.jsonl, .ndjson,\n"
	"                     .json, .xml, .csv, .txt, .nitf, .ninjs or .ninjs.jsonl, .g2.xml or\n"
	"                     .newsml; .sqlite, .sqlite3, .db),\n"
	"                     then .gz, .xz, .zst or .bz2 to compress it; another extension is an\n"
	"                     error, - and devices are jsonl. sqlite is an archive database,\n"
	"                     updated in place when it exists (records already in it are left\n"
	"                     alone, a changed record becomes a new version)\n"
	"  -j, --jobs N       parse on N threads (default: the number of cores); the output is\n"
	"                     the same whatever N is\n"
	"      --resume       continue an interrupted conversion into JSON Lines (OUT.partial)\n"
	"                     or SQLite, after the records it already holds (not a compressed one)\n"
	"      --no-progress  no progress bar\n"
	"      --csv-tables DIR  also write the one-to-many parts as CSV tables in DIR (created)\n"
	"                     (recipients.csv, tags.csv, references.csv, paragraphs.csv,\n"
	"                     bylines.csv, credits.csv, diagnostics.csv), keyed by the record's key\n"
	"      --from FORM    the input form: auto (default: detected per input); cables: text,\n"
	"                     wikileaks-html, markdown, cables-csv, body-text, pdf-text;\n"
	"                     articles: article-text, wire-text, reuters-sgml, anpa, iptc7901,\n"
	"                     nitf, newsml-g2, newsml, ninjs\n"
	"  -q, --quiet        no progress bar and no summary (failures are still told)\n"
	"      --ignore CODE[,CODE...]  leave these codes out of the summary and the exit status\n"
	"      --stdin-name NAME  the name standard input goes by in records\n"
	"  -h, --help         this help\n"
	"\n"
	"Exit status: 0 all records clean or with warnings, 1 some records with errors, 2 an input\n"
	"could not be read, a write failed, or the run was interrupted.\n";

/* The library's messages during a run: the bar is erased first, so the message is not drawn
 * over it (the next update draws it again). */
static void print_message(void *ctx, const char *message)
{
	progress_clear(ctx);
	fprintf(stderr, "cablewire: %s\n", shown(message).s);
}

int cmd_convert(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "resume", no_argument, NULL, 'R' },
		{ "no-progress", no_argument, NULL, 'P' },
		{ "from", required_argument, NULL, 'F' },
		{ "csv-tables", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int format = -1, form = CW_FORM_AUTO, resume = 0, show_progress = 1, c, common_rc;
	long jobs = 0;
	const char *out_path = NULL, *tables_dir = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:f:j:qh", longopts, NULL)) != -1) {
		if ((common_rc = common_option(c, optarg)) != 0) {
			if (common_rc < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'o': out_path = optarg; break;
		case 'f':
			if ((format = parse_format_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'j': {
			char *end;
			jobs = strtol(optarg, &end, 10);
			if (*end || end == optarg || jobs < 1 || jobs > 256)
				return usage_error("--jobs wants a number from 1 to 256, not '%s'",
						   optarg);
			break;
		}
		case 'R': resume = 1; break;
		case 'P': show_progress = 0; break;
		case 'F':
			if ((form = parse_form_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'T': tables_dir = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error(c, argv);
		}
	}
	if (!out_path)
		return usage_error("no output given (-o OUT)");
	if (common.max_errors)
		return usage_error("--max-errors goes with parse and validate, which show diagnostics");
	const char *const *inputs;
	int ninputs = command_inputs(argc, argv, &inputs);
	if (ninputs < 0)
		return EXIT_USAGE;
	cw_options *opt = command_cw_options(form);
	if (!opt)
		return EXIT_USAGE;
	progress bar;
	progress_init(&bar, show_progress && !common.quiet);
	cw_convert_request req = { opt, inputs, ninputs, out_path, format, tables_dir,
				   (unsigned)jobs, resume, bar.enabled ? progress_update : NULL,
				   interrupt_requested,
				   &bar, common.ignore, common.nignore };
	cw_convert_summary sum;
	cw_set_message_handler(print_message, &bar);
	interrupt_catch();
	cw_convert(&req, &sum);
	interrupt_release();
	progress_clear(&bar);
	cw_options_free(opt);
	int rc = sum.usage ? EXIT_USAGE : convert_report(&sum, out_path, common.quiet);
	cw_convert_summary_free(&sum);
	return rc;
}
