/* cablewire convert: many inputs into one output, parsed on N threads, written in input order. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "cli/convert_run.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/shown.h"

static const char usage[] =
	"usage: cablewire convert [options] INPUT... -o OUT\n"
	"\n"
	"Converts files, directory trees (read recursively, in name order), standard input (-) and\n"
	"archives (tar, zip, 7z, ..., plain or compressed with gzip, bzip2, xz, zstd, ...: read in\n"
	"place, member by member) into one output: one record per cable or story. Inputs that\n"
	"cannot be parsed, or read, still yield a record carrying their diagnostics. A progress bar\n"
	"(when standard error is a terminal) and a summary go to standard error.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE  output file (required; - for standard output); written under a\n"
	"                     temporary name and renamed when complete\n"
	"  -f, --format FMT   jsonl, json, xml, csv, text, nitf, ninjs or sqlite; default from\n"
	"                     the output's extension (.json, .xml, .csv, .txt, .nitf, .ninjs or\n"
	"                     .ninjs.jsonl; .sqlite, .sqlite3, .db), else jsonl. sqlite is an\n"
	"                     archive database, updated in place when it exists (records already\n"
	"                     in it are left alone, a changed record becomes a new version)\n"
	"  -j, --jobs N       parse on N threads (default: the number of cores); the output is\n"
	"                     the same whatever N is\n"
	"      --resume       continue an interrupted conversion into JSON Lines (OUT.partial)\n"
	"                     or SQLite, after the records it already holds\n"
	"      --no-progress  no progress bar\n"
	"      --csv-tables DIR  also write the one-to-many parts as CSV tables in DIR\n"
	"                     (recipients.csv, tags.csv, references.csv, paragraphs.csv,\n"
	"                     bylines.csv, credits.csv, diagnostics.csv), keyed by the record's key\n"
	"      --from FORM    the input form: auto (default: detected per input); cables: text,\n"
	"                     wikileaks-html, markdown, cables-csv, body-text, pdf-text;\n"
	"                     articles: article-text, wire-text, reuters-sgml, anpa, iptc7901\n"
	"  -h, --help         this help\n"
	"\n"
	"Exit status: 0 all records clean or with warnings, 1 some records with errors, 2 an input\n"
	"could not be read, a write failed, or the run was interrupted.\n";

enum { TABLES = CW_FORMAT_CSV_DIAGNOSTICS - CW_FORMAT_CSV_RECIPIENTS + 1, OUTPUTS = 1 + TABLES };

/* A growable byte buffer: one record's rendering in one output format. */
typedef struct bytes {
	char *p;
	size_t len, cap;
} bytes;

static int bytes_write(void *ctx, const char *buf, size_t len)
{
	bytes **cur = ctx;
	bytes *b = *cur;
	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + len)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, buf, len);
	b->len += len;
	return 0;
}

/* One record rendered in every output of the run. */
typedef struct rendering {
	bytes out[OUTPUTS];
	int failed;
} rendering;

/* The byte-stream back end: the main output and the --csv-tables files. */
typedef struct stream_backend {
	cw_format format[OUTPUTS];
	int active[OUTPUTS];
	output file[OUTPUTS];
	cw_emitter *em[OUTPUTS];        /* the writing emitters, on the calling thread */
	cw_emitter **detached;          /* [worker * OUTPUTS + i]: each worker renders with its own */
	bytes **cursor;                 /* [worker]: the buffer its detached emitters write into */
	const char *last;               /* resuming: the output's last line */
	size_t last_len;
	int write_failed;
} stream_backend;

static void *stream_render(void *ctx, unsigned worker, const cw_record *rec, uint64_t index)
{
	stream_backend *sb = ctx;
	rendering *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	for (int i = 0; i < OUTPUTS; i++) {
		if (!sb->active[i])
			continue;
		sb->cursor[worker] = &r->out[i];
		if (cw_emit_at(sb->detached[worker * OUTPUTS + i], rec, index) != 0)
			r->failed = 1;
	}
	return r;
}

static void stream_discard(void *ctx, void *rendered)
{
	(void)ctx;
	rendering *r = rendered;
	if (!r)
		return;
	for (int i = 0; i < OUTPUTS; i++)
		free(r->out[i].p);
	free(r);
}

static int stream_write(void *ctx, const cw_record *rec, void *rendered, uint64_t index)
{
	(void)rec;
	(void)index;
	stream_backend *sb = ctx;
	rendering *r = rendered;
	if (!r || r->failed) {
		fprintf(stderr, "cablewire: out of memory\n");
		sb->write_failed = 1;
	}
	for (int i = 0; r && i < OUTPUTS; i++)
		if (sb->active[i] && cw_emit_rendered(sb->em[i], r->out[i].p ? r->out[i].p : "",
						      r->out[i].len) != 0)
			sb->write_failed = 1;
	stream_discard(ctx, rendered);
	return sb->write_failed;
}

static int stream_matches(void *ctx, const cw_record *rec, void *rendered, uint64_t index)
{
	(void)rec;
	(void)index;
	stream_backend *sb = ctx;
	rendering *r = rendered;
	return r && !r->failed && r->out[0].len == sb->last_len &&
	       memcmp(r->out[0].p, sb->last, sb->last_len) == 0;
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

static int convert_stream(const convert_settings *base, int format, const char *out_path,
			  const char *tables_dir, int resume)
{
	convert_settings cs = *base;
	stream_backend sb;
	memset(&sb, 0, sizeof sb);
	sb.format[0] = (cw_format)format;
	sb.active[0] = 1;
	for (int t = 0; t < TABLES; t++) {
		sb.format[1 + t] = (cw_format)(CW_FORMAT_CSV_RECIPIENTS + t);
		sb.active[1 + t] = tables_dir != NULL;
	}
	/* JSON Lines into a regular file is resumable: written as OUT.partial. */
	struct stat st;
	int partial = (format == CW_FORMAT_JSONL || format == CW_FORMAT_NINJS) && !tables_dir &&
		      strcmp(out_path, "-") != 0 &&
		      !(stat(out_path, &st) == 0 && !S_ISREG(st.st_mode));
	if (resume && !partial) {
		fputs("cablewire convert: --resume continues JSON Lines (jsonl, ninjs) or SQLite "
		      "output written to a file, without --csv-tables\n", stderr);
		return EXIT_USAGE;
	}
	int rc, opened = 0;
	char *last = NULL;
	if (partial) {
		if (output_open_partial(&sb.file[0], out_path, resume, &cs.skip, &last,
					&sb.last_len) != 0)
			return EXIT_USAGE;
		sb.last = last;
	} else if (output_open(&sb.file[0], out_path) != 0) {
		return EXIT_USAGE;
	}
	opened = 1;
	for (int t = 1; t < OUTPUTS && sb.active[t]; t++, opened++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.csv", tables_dir,
			 cw_format_name(sb.format[t]) + 4 /* csv- */);
		if (output_open(&sb.file[t], path) != 0)
			break;
	}
	sb.detached = calloc((size_t)cs.jobs * OUTPUTS, sizeof(*sb.detached));
	sb.cursor = calloc(cs.jobs, sizeof(*sb.cursor));
	int ready = opened == (tables_dir ? OUTPUTS : 1) && sb.detached && sb.cursor;
	for (int i = 0; ready && i < OUTPUTS; i++) {
		if (!sb.active[i])
			continue;
		sb.em[i] = cw_emitter_new(sb.format[i], output_write, &sb.file[i], 0);
		ready = sb.em[i] != NULL;
		for (unsigned w = 0; ready && w < cs.jobs; w++)
			ready = (sb.detached[w * OUTPUTS + i] = cw_emitter_new_detached(
					 sb.format[i], bytes_write, &sb.cursor[w], 0)) != NULL;
	}
	convert_backend be = { stream_render, stream_write, stream_discard, stream_matches, &sb };
	convert_result res;
	memset(&res, 0, sizeof res);
	if (ready) {
		convert_run(&cs, &be, &res);
		for (int i = 0; i < OUTPUTS; i++)
			if (sb.em[i] && cw_emitter_finish(sb.em[i]) != 0)
				sb.write_failed = 1;
		if (sb.write_failed)
			res.stopped = 1;
	} else {
		fprintf(stderr, "cablewire: out of memory\n");
		res.stopped = 1;
	}
	/* Complete: renamed into place. Interrupted (or not resumable here): a partial JSON Lines
	 * file is kept for --resume, anything else removed. */
	int failed = res.stopped || res.mismatch || res.too_short || res.interrupted;
	/* A write error (disk full, file too large) keeps a partial JSON Lines file too: what it
	 * holds is whole records up to the error (a cut last line is dropped on --resume). */
	int write_error = sb.write_failed || sb.file[0].failed;
	for (int i = 0; i < opened; i++) {
		int closed;
		if (i == 0 && partial && (res.interrupted || res.mismatch || res.too_short ||
					  write_error)) {
			if (sb.file[0].failed)
				output_report_failure(&sb.file[0]);
			closed = output_keep(&sb.file[0]);
			res.partial_kept = 1;
		} else {
			if (sb.file[i].failed)
				write_error = 1;
			closed = output_close(&sb.file[i], failed);
		}
		if (closed != 0 && !failed) {
			res.stopped = 1;
			write_error = 1;
		}
	}
	res.output_lost = write_error;
	for (int i = 0; i < OUTPUTS; i++) {
		cw_emitter_free(sb.em[i]);
		for (unsigned w = 0; sb.detached && w < cs.jobs; w++)
			cw_emitter_free(sb.detached[w * OUTPUTS + i]);
	}
	free(sb.detached);
	free(sb.cursor);
	free(last);
	rc = convert_report(&res, "wrote", out_path, NULL);
	if (partial && res.partial_kept && (res.interrupted || write_error))
		fprintf(stderr, "cablewire: %s.partial kept: run again with --resume to continue\n",
			shown(out_path).s);
	tally_free(&res.tally);
	return rc;
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
		{ NULL, 0, NULL, 0 },
	};
	int format = -1, form = CW_FORM_AUTO, resume = 0, show_progress = 1, c;
	long jobs = 0;
	const char *out_path = NULL, *tables_dir = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:f:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': out_path = optarg; break;
		case 'f':
			if ((format = parse_format_arg(optarg)) < 0)
				return EXIT_USAGE;
			break;
		case 'j': {
			char *end;
			jobs = strtol(optarg, &end, 10);
			if (*end || end == optarg || jobs < 1 || jobs > 256) {
				fprintf(stderr, "cablewire convert: --jobs wants a number from 1 to 256, "
						"not '%s'\n", optarg);
				return EXIT_USAGE;
			}
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
	convert_settings cs = { opt, argv + optind, argc - optind,
				jobs ? (unsigned)jobs : pipeline_cores(), show_progress, 0 };
	int rc;
	if (format == FORMAT_SQLITE)
		rc = convert_archive(&cs, out_path, resume);
	else
		rc = convert_stream(&cs, format, out_path, tables_dir, resume);
	cw_options_free(opt);
	return rc;
}
