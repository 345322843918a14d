/* cablewire convert -o OUT.sqlite: records into an SQLite archive (cw_archive_*).
 *
 * A new archive is built under a temporary name and renamed when complete, like every other
 * output. An existing archive is updated in place: that is the point of its keys and versions
 * (records already there are left alone, changed ones become new versions). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "inputs.h"

typedef struct archive_run {
	cw_archive *ar;
	const char *path;
	size_t with_errors, with_warnings;
	int write_failed;
} archive_run;

static int on_record(void *ctx, cw_record *rec)
{
	archive_run *run = ctx;
	if (cw_record_count_at_least(rec, CW_ERROR))
		run->with_errors++;
	else if (cw_record_count_at_least(rec, CW_WARNING))
		run->with_warnings++;
	if (cw_archive_add(run->ar, rec) < 0) {
		fprintf(stderr, "cablewire: %s: %s\n", run->path, cw_archive_error(run->ar));
		run->write_failed = 1;
	}
	cw_record_free(rec);
	return run->write_failed;
}

/* Removes a temporary archive and the journal SQLite may have left beside it. */
static void remove_temp(const char *tmp)
{
	size_t n = strlen(tmp) + 16;
	char *journal = malloc(n);
	unlink(tmp);
	if (journal) {
		snprintf(journal, n, "%s-journal", tmp);
		unlink(journal);
		free(journal);
	}
}

int convert_archive(const cw_options *opt, char *const *inputs, int n, const char *out_path)
{
	if (!strcmp(out_path, "-")) {
		fputs("cablewire convert: an SQLite archive is a file, not a stream: give -o "
		      "FILE.sqlite\n", stderr);
		return EXIT_USAGE;
	}
	struct stat st;
	int exists = stat(out_path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		fprintf(stderr, "cablewire: %s: an SQLite archive must be a regular file\n", out_path);
		return EXIT_USAGE;
	}
	/* A new archive: built as OUT.tmp-PID, renamed into place when complete. */
	char *tmp = NULL;
	if (!exists) {
		size_t len = strlen(out_path) + 32;
		if (!(tmp = malloc(len)))
			return EXIT_USAGE;
		snprintf(tmp, len, "%s.tmp-%ld", out_path, (long)getpid());
	}
	char err[512];
	archive_run run = { cw_archive_open(tmp ? tmp : out_path, err, sizeof err), out_path, 0, 0,
			    0 };
	if (!run.ar) {
		/* The message names the temporary file; the user knows the final one. */
		const char *why = strstr(err, ": ");
		fprintf(stderr, "cablewire: %s%s\n", out_path, why ? why : err);
		if (tmp)
			remove_temp(tmp);
		free(tmp);
		return EXIT_USAGE;
	}
	input_stats ist = { 0, 0, 0, 0 };
	inputs_each(opt, inputs, n, on_record, &run, &ist);
	if (cw_archive_commit(run.ar) != 0) {
		fprintf(stderr, "cablewire: %s: %s\n", out_path, cw_archive_error(run.ar));
		run.write_failed = 1;
	}
	cw_archive_stats as;
	cw_archive_get_stats(run.ar, &as);
	if (cw_archive_close(run.ar) != 0)
		run.write_failed = 1;
	if (tmp) {
		if (run.write_failed) {
			remove_temp(tmp);
		} else if (rename(tmp, out_path) != 0) {
			fprintf(stderr, "cablewire: %s: %s\n", out_path, strerror(errno));
			remove_temp(tmp);
			run.write_failed = 1;
		}
		free(tmp);
	}
	size_t records = as.inserted + as.present + as.new_versions;
	fprintf(stderr,
		"cablewire: read %zu input%s, archived %zu record%s (%zu with errors, %zu with "
		"warnings): %zu inserted, %zu unchanged, %zu new version%s; %zu input%s failed\n",
		ist.inputs, ist.inputs == 1 ? "" : "s", records, records == 1 ? "" : "s",
		run.with_errors, run.with_warnings, as.inserted, as.present, as.new_versions,
		as.new_versions == 1 ? "" : "s", ist.failed, ist.failed == 1 ? "" : "s");
	if (run.write_failed || ist.failed)
		return EXIT_USAGE;
	return run.with_errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}
