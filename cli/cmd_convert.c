/* cablewire convert: many inputs into one output file, with a summary line. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "inputs.h"
#include "output.h"

static const char usage[] =
	"usage: cablewire convert [options] INPUT... -o OUT\n"
	"\n"
	"Converts files and directory trees (read recursively, in name order) into one output\n"
	"file: one record per cable or story. Inputs that cannot be parsed still yield a record carrying\n"
	"their diagnostics. A summary goes to standard error.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE  output file (required; - for standard output); written under a\n"
	"                     temporary name and renamed when complete\n"
	"  -f, --format FMT   jsonl, json, xml, csv, text, nitf, ninjs or sqlite; default from\n"
	"                     the output's extension (.json, .xml, .csv, .txt, .nitf, .ninjs or\n"
	"                     .ninjs.jsonl; .sqlite, .sqlite3, .db), else jsonl. sqlite is an\n"
	"                     archive database, updated in place when it exists (records already\n"
	"                     in it are left alone, a changed record becomes a new version)\n"
	"      --csv-tables DIR  also write the one-to-many parts as CSV tables in DIR\n"
	"                     (recipients.csv, tags.csv, references.csv, paragraphs.csv,\n"
	"                     bylines.csv, credits.csv, diagnostics.csv), keyed by the record's key\n"
	"      --from FORM    the input form: auto (default: detected per input); cables: text,\n"
	"                     wikileaks-html, markdown, cables-csv, body-text, pdf-text;\n"
	"                     articles: article-text, wire-text, reuters-sgml, anpa, iptc7901\n"
	"  -h, --help         this help\n";

enum { TABLES = CW_FORMAT_CSV_DIAGNOSTICS - CW_FORMAT_CSV_RECIPIENTS + 1 };

typedef struct convert_run {
	cw_emitter *em;
	cw_emitter *table[TABLES]; /* --csv-tables: one emitter per table file */
	size_t written, with_errors, with_warnings;
	int write_failed;
} convert_run;

static int on_record(void *ctx, cw_record *rec)
{
	convert_run *run = ctx;
	if (cw_record_count_at_least(rec, CW_ERROR))
		run->with_errors++;
	else if (cw_record_count_at_least(rec, CW_WARNING))
		run->with_warnings++;
	if (cw_emit(run->em, rec) != 0)
		run->write_failed = 1;
	else
		run->written++;
	for (int t = 0; t < TABLES; t++)
		if (run->table[t] && cw_emit(run->table[t], rec) != 0)
			run->write_failed = 1;
	cw_record_free(rec);
	return run->write_failed;
}

static int format_from_extension(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (dot && !strcmp(dot, ".json"))
		return CW_FORMAT_JSON;
	if (dot && !strcmp(dot, ".csv"))
		return CW_FORMAT_CSV;
	if (dot && !strcmp(dot, ".txt"))
		return CW_FORMAT_TEXT;
	if (dot && !strcmp(dot, ".xml"))
		return CW_FORMAT_XML;
	if (dot && (!strcmp(dot, ".sqlite") || !strcmp(dot, ".sqlite3") || !strcmp(dot, ".db")))
		return FORMAT_SQLITE;
	if (dot && !strcmp(dot, ".nitf"))
		return CW_FORMAT_NITF;
	if (dot && !strcmp(dot, ".ninjs"))
		return CW_FORMAT_NINJS;
	/* out.ninjs.jsonl: ninjs objects as JSON Lines */
	size_t len = path ? strlen(path) : 0;
	if (len >= 12 && !strcmp(path + len - 12, ".ninjs.jsonl"))
		return CW_FORMAT_NINJS;
	return CW_FORMAT_JSONL;
}

int cmd_convert(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "csv-tables", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int format = -1, form = CW_FORM_AUTO, c;
	const char *out_path = NULL, *tables_dir = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': out_path = optarg; break;
		case 'f':
			if ((format = parse_format_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'F':
			if ((form = parse_form_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'T': tables_dir = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (!out_path || optind >= argc) {
		fputs(!out_path ? "cablewire convert: no output given (-o OUT)\n"
				: "cablewire convert: no input given\n", stderr);
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (format < 0)
		format = format_from_extension(out_path);
	cw_options *opt = cw_options_new();
	if (!opt)
		return EXIT_USAGE;
	cw_options_set_form(opt, (cw_form)form);
	if (format == FORMAT_SQLITE) {
		int rc = convert_archive(opt, argv + optind, argc - optind, out_path);
		cw_options_free(opt);
		return rc;
	}
	output out;
	if (output_open(&out, out_path) != 0) {
		cw_options_free(opt);
		return EXIT_USAGE;
	}
	convert_run run = { cw_emitter_new((cw_format)format, output_write, &out, 0), { NULL }, 0, 0, 0, 0 };
	/* The companion tables, each written like the main output (temporary name, then renamed). */
	output tables[TABLES];
	int tables_open = 0, tables_failed = 0;
	for (int t = 0; tables_dir && t < TABLES && !tables_failed; t++) {
		char path[4096];
		const char *name = cw_format_name((cw_format)(CW_FORMAT_CSV_RECIPIENTS + t)) + 4; /* csv- */
		snprintf(path, sizeof path, "%s/%s.csv", tables_dir, name);
		if (output_open(&tables[t], path) != 0) {
			tables_failed = 1;
			break;
		}
		tables_open++;
		run.table[t] = cw_emitter_new((cw_format)(CW_FORMAT_CSV_RECIPIENTS + t), output_write,
					      &tables[t], 0);
	}
	input_stats st = { 0, 0, 0, 0 };
	if (run.em && !tables_failed) {
		inputs_each(opt, argv + optind, argc - optind, on_record, &run, &st);
		if (cw_emitter_finish(run.em) != 0)
			run.write_failed = 1;
		for (int t = 0; t < tables_open; t++)
			if (run.table[t] && cw_emitter_finish(run.table[t]) != 0)
				run.write_failed = 1;
	}
	cw_emitter_free(run.em);
	for (int t = 0; t < tables_open; t++) {
		cw_emitter_free(run.table[t]);
		if (output_close(&tables[t], tables_failed || run.write_failed) != 0)
			run.write_failed = 1;
	}
	int closed = output_close(&out, tables_failed);
	cw_options_free(opt);
	fprintf(stderr,
		"cablewire: read %zu input%s, wrote %zu record%s (%zu with errors, %zu with warnings), "
		"%zu input%s failed\n",
		st.inputs, st.inputs == 1 ? "" : "s", run.written, run.written == 1 ? "" : "s",
		run.with_errors, run.with_warnings, st.failed, st.failed == 1 ? "" : "s");
	if (!run.em || tables_failed || run.write_failed || closed != 0 || st.failed)
		return EXIT_USAGE;
	return run.with_errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}
