/* cw_convert: the command's `convert` as a library call. Picks the output format, the number of
 * threads, and the back end (a byte stream or an SQLite archive), and turns what the run did into
 * the public summary. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "emitters/convert/compress.h"
#include "emitters/convert/pipeline.h"
#include "emitters/convert/run.h"
#include "parser/input/say.h"

/* Output names by their ending, compared without regard to case (OUT.JSON is JSON). Longer
 * endings first: out.ninjs.jsonl is ninjs, not JSON Lines. */
static const struct {
	const char *ending;
	int format;
} endings[] = {
	{ ".ninjs.jsonl", CW_FORMAT_NINJS },
	{ ".g2.xml", CW_FORMAT_NEWSML_G2 },
	{ ".newsml", CW_FORMAT_NEWSML_G2 },
	{ ".jsonl", CW_FORMAT_JSONL },
	{ ".ndjson", CW_FORMAT_JSONL },
	{ ".json", CW_FORMAT_JSON },
	{ ".xml", CW_FORMAT_XML },
	{ ".csv", CW_FORMAT_CSV },
	{ ".txt", CW_FORMAT_TEXT },
	{ ".nitf", CW_FORMAT_NITF },
	{ ".ninjs", CW_FORMAT_NINJS },
	{ ".sqlite", CW_FORMAT_SQLITE },
	{ ".sqlite3", CW_FORMAT_SQLITE },
	{ ".db", CW_FORMAT_SQLITE },
};

int cw_format_from_path(const char *path)
{
	/* OUT.jsonl.gz: the format is the name's before the compression's. */
	size_t len = path ? strlen(path) : 0, zlen;
	compression_from_path(path, &zlen);
	len -= zlen;
	for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
		size_t n = strlen(endings[i].ending);
		if (len > n && strncasecmp(path + len - n, endings[i].ending, n) == 0)
			return endings[i].format;
	}
	return -1;
}

/* The known endings, for a message. */
static void list_endings(char *buf, size_t cap)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof endings / sizeof *endings && used < cap; i++) {
		int n = snprintf(buf + used, cap - used, "%s%s", i ? ", " : "", endings[i].ending);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* A format for the request: given, from the output's name, or JSON Lines for standard output,
 * a device or a pipe; -1 (told) for a regular file whose name says nothing known. */
static int pick_format(const cw_convert_request *req)
{
	if (req->format >= 0)
		return req->format;
	int f = cw_format_from_path(req->output);
	if (f >= 0)
		return f;
	struct stat st;
	if (!strcmp(req->output, "-") || (stat(req->output, &st) == 0 && !S_ISREG(st.st_mode)))
		return CW_FORMAT_JSONL;
	char known[512];
	list_endings(known, sizeof known);
	say("%s: no output format known for this name (%s, then .gz, .xz, .zst or .bz2 to "
	    "compress); give --format jsonl, json, xml, csv, text, nitf, ninjs, newsml-g2 or sqlite",
	    req->output, known);
	return -1;
}

/* Creates the folder for the CSV tables (one level, like mkdir without -p: a mistyped parent is
 * an error rather than a tree made). */
static int make_tables_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		say("%s: not a directory", dir);
		return -1;
	}
	if (mkdir(dir, 0777) != 0) {
		say("%s: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int cw_convert(const cw_convert_request *req, cw_convert_summary *sum)
{
	memset(sum, 0, sizeof(*sum));
	sum->format = -1;
	if (!req || !req->output || req->ninputs < 0 || (req->ninputs && !req->inputs)) {
		say("convert: no output given");
		sum->usage = 1;
		return -1;
	}
	int format = pick_format(req);
	if (format < 0 || (format >= CW_FORMAT_COUNT && format != CW_FORMAT_SQLITE)) {
		if (format >= 0)
			say("unknown output format %d", format);
		sum->usage = 1;
		return -1;
	}
	sum->format = format;
	struct stat st;
	int regular = strcmp(req->output, "-") != 0 &&
		      !(stat(req->output, &st) == 0 && !S_ISREG(st.st_mode));
	if (regular && compression_from_path(req->output, NULL) != COMPRESS_NONE) {
		if (format == CW_FORMAT_SQLITE) {
			say("%s: an SQLite archive is not compressed (it is updated in place)",
			    req->output);
			sum->usage = 1;
			return -1;
		}
		if (req->resume) {
			say("%s: --resume cannot continue a compressed output (a compressed stream "
			    "cannot be cut and appended to); convert again, or write it uncompressed",
			    req->output);
			sum->usage = 1;
			return -1;
		}
	}
	if (req->csv_tables && format == CW_FORMAT_SQLITE) {
		say("--csv-tables goes with a CSV or other stream output, not an SQLite archive");
		sum->usage = 1;
		return -1;
	}
	if (req->csv_tables && make_tables_dir(req->csv_tables) != 0) {
		sum->usage = 1;
		return -1;
	}
	cw_options *own = NULL;
	const cw_options *opt = req->options;
	if (!opt && !(opt = own = cw_options_new())) {
		say("out of memory");
		sum->failed = 1;
		return -1;
	}
	convert_settings cs = { opt, (char *const *)req->inputs, req->ninputs,
				req->jobs ? req->jobs : pipeline_cores(), 0,
				req->on_progress, req->cancelled, req->ctx, req->ignore,
				req->nignore };
	convert_result res;
	convert_archive_stats ast = { 0, 0, 0 };
	int usage = 0, rc;
	if (format == CW_FORMAT_SQLITE)
		rc = convert_archive(&cs, req->output, req->resume, &res, &ast, &usage);
	else
		rc = convert_stream(&cs, format, req->output, req->csv_tables, req->resume, &res,
				    &usage);
	cw_options_free(own);
	tally_sort(&res.tally);
	sum->inputs = res.inputs.inputs;
	sum->inputs_failed = res.inputs.failed;
	TALLY_GIVE(&res.tally, sum);
	sum->skipped = res.skipped;
	sum->interrupted = res.interrupted;
	sum->failed = res.stopped;
	sum->mismatch = res.mismatch;
	sum->too_short = res.too_short;
	sum->output_lost = res.output_lost;
	sum->usage = usage;
	sum->inserted = ast.inserted;
	sum->unchanged = ast.unchanged;
	sum->new_versions = ast.new_versions;
	sum->note = res.note;
	sum->warc_pages = res.inputs.warc_pages;
	memcpy(sum->warc_skipped, res.inputs.warc_skipped, sizeof sum->warc_skipped);
	return rc != 0 || res.inputs.failed ? -1 : 0;
}

void cw_convert_summary_free(cw_convert_summary *sum)
{
	if (!sum)
		return;
	free(sum->codes);
	free(sum->note);
	sum->codes = NULL;
	sum->note = NULL;
	sum->ncodes = 0;
}
