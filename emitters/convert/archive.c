/* Converting into an SQLite archive (cw_archive_*): convert -o OUT.sqlite.
 *
 * A new archive is built as OUT.partial and renamed when complete, like every other output. An
 * existing archive is updated in place: that is the point of its keys and versions (records
 * already there are left alone, changed ones become new versions).
 *
 * Resuming: with every batch of records the archive commits a marker "N<TAB>INDEX<TAB>PATH" (N
 * records of the inputs are in; the last came from unit INDEX of PATH). An interrupted run
 * leaves OUT.partial (or the archive updated in place) with its marker; --resume skips those N
 * records without parsing them, after checking that the inputs' N-th record is the one named. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emitters/convert/run.h"
#include "parser/input/output_guard.h"
#include "parser/input/say.h"

typedef struct archive_backend {
	cw_archive *ar;
	const char *path;
	int write_failed;
	/* resuming: where the marker says the last run stopped */
	uint64_t marker_index;
	char *marker_path;
} archive_backend;

static const char *source_path(const cw_record *rec, int64_t *index)
{
	const cw_value *src = cw_value_get(cw_record_root(rec), "source");
	*index = cw_value_int(cw_value_get(src, "index"));
	const char *p = cw_value_string(cw_value_get(src, "path"), NULL);
	return p ? p : "";
}

static int archive_write(void *ctx, const cw_record *rec, void *rendered, uint64_t index)
{
	(void)rendered;
	archive_backend *ab = ctx;
	int64_t unit;
	const char *path = source_path(rec, &unit);
	/* Set before adding: the commit inside cw_archive_add() then carries it with the record. */
	size_t n = strlen(path) + 64;
	char *marker = malloc(n);
	if (marker) {
		snprintf(marker, n, "%llu\t%lld\t%s", (unsigned long long)index + 1, (long long)unit,
			 path);
		cw_archive_set_resume(ab->ar, marker);
		free(marker);
	}
	if (cw_archive_add(ab->ar, rec) < 0) {
		say("%s: write error: %s [OUTPUT_WRITE_FAILED]", ab->path, cw_archive_error(ab->ar));
		ab->write_failed = 1;
	}
	return ab->write_failed;
}

static int archive_matches(void *ctx, const cw_record *rec, void *rendered, uint64_t index)
{
	(void)rendered;
	(void)index;
	archive_backend *ab = ctx;
	int64_t unit;
	const char *path = source_path(rec, &unit);
	return ab->marker_path && (uint64_t)unit == ab->marker_index &&
	       strcmp(path, ab->marker_path) == 0;
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

/* Reads "N<TAB>INDEX<TAB>PATH"; returns N, 0 when there is no usable marker. */
static uint64_t read_marker(archive_backend *ab)
{
	char *m = cw_archive_get_resume(ab->ar);
	uint64_t n = 0;
	if (m) {
		char *p = m, *end;
		unsigned long long records = strtoull(p, &end, 10);
		if (*end == '\t') {
			unsigned long long unit = strtoull(end + 1, &end, 10);
			if (*end == '\t' && (ab->marker_path = strdup(end + 1)) != NULL) {
				n = records;
				ab->marker_index = unit;
			}
		}
		free(m);
	}
	return n;
}

int convert_archive(const convert_settings *base, const char *out_path, int resume,
		    convert_result *out, convert_archive_stats *ast, int *usage)
{
	memset(out, 0, sizeof(*out));
	memset(ast, 0, sizeof(*ast));
	*usage = 1;
	if (!strcmp(out_path, "-")) {
		say("an SQLite archive is a file, not a stream: give -o FILE.sqlite");
		return -1;
	}
	struct stat st;
	int exists = stat(out_path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		say("%s: an SQLite archive must be a regular file", out_path);
		return -1;
	}
	/* One run at a time: a second run into the same archive (new or updated in place) fails
	 * here, before it writes, instead of deleting the first run's OUT.partial. */
	output_lock lock;
	if (output_lock_take(&lock, out_path) != 0)
		return -1;
	/* A new archive: built as OUT.partial, renamed into place when complete. The partial is
	 * created by this run (never a planted symlink) and held open, so the rename can check
	 * that the name is still this run's file. */
	char *tmp = NULL;
	int tmp_fd = -1;
	if (!exists) {
		size_t len = strlen(out_path) + 16;
		if (!(tmp = malloc(len))) {
			say("out of memory");
			output_lock_release(&lock);
			return -1;
		}
		snprintf(tmp, len, "%s.partial", out_path);
		if (resume)
			tmp_fd = output_temp_reopen(tmp, O_RDWR);
		if (tmp_fd < 0 && (!resume || errno == ENOENT)) {
			/* a partial left by an earlier run (and its journal): started over */
			char *journal = malloc(strlen(tmp) + sizeof "-journal");
			if (journal) {
				sprintf(journal, "%s-journal", tmp);
				unlink(journal);
				free(journal);
			}
			free(tmp);
			tmp_fd = output_temp_create(out_path, ".partial", &tmp);
		}
		if (tmp_fd < 0) {
			say("%s.partial: %s", out_path,
			    errno == ELOOP ? "a symlink: refused" : strerror(errno));
			free(tmp);
			output_lock_release(&lock);
			return -1;
		}
	}
	char err[512];
	archive_backend ab = { cw_archive_open(tmp ? tmp : out_path, err, sizeof err), out_path, 0,
			       0, NULL };
	if (!ab.ar) {
		/* The message names the temporary file; the user knows the final one. */
		const char *why = strstr(err, ": ");
		say("%s%s", out_path, why ? why : err);
		if (tmp && !resume)
			remove_temp(tmp);
		if (tmp_fd >= 0)
			close(tmp_fd);
		free(tmp);
		output_lock_release(&lock);
		return -1;
	}
	*usage = 0;
	convert_settings cs = *base;
	cs.skip = resume ? read_marker(&ab) : 0;
	convert_backend be = { NULL, archive_write, NULL, archive_matches, &ab };
	convert_result res;
	convert_run(&cs, &be, &res);
	int complete = !res.interrupted && !res.stopped && !res.mismatch && !res.too_short &&
		       !ab.write_failed;
	if (complete)
		cw_archive_set_resume(ab.ar, NULL); /* nothing left to resume */
	if (!ab.write_failed && cw_archive_commit(ab.ar) != 0) {
		say("%s: write error: %s [OUTPUT_WRITE_FAILED]", out_path, cw_archive_error(ab.ar));
		ab.write_failed = 1;
		complete = 0;
	}
	cw_archive_stats as;
	cw_archive_get_stats(ab.ar, &as);
	if (cw_archive_close(ab.ar) != 0) {
		ab.write_failed = 1;
		complete = 0;
	}
	if (ab.write_failed)
		res.stopped = 1;
	if (tmp) {
		if (ab.write_failed) {
			remove_temp(tmp);
		} else if (complete) {
			if (output_temp_commit(tmp_fd, tmp, out_path) != 0) {
				remove_temp(tmp);
				res.stopped = 1;
			}
		}
		close(tmp_fd);
	}
	output_lock_release(&lock);
	res.output_lost = ab.write_failed;
	if (ab.write_failed) {
		/* The batch being written was rolled back: counts would claim rows that are not
		 * there. */
		char note[4200];
		snprintf(note, sizeof note, "%s: %s", out_path,
			 tmp ? "nothing archived, the new archive was removed"
			     : "the archive holds what was committed before the error");
		res.note = strdup(note);
	} else {
		ast->inserted = as.inserted;
		ast->unchanged = as.present;
		ast->new_versions = as.new_versions;
	}
	if (res.interrupted && !ab.write_failed) {
		char note[4200];
		if (tmp)
			snprintf(note, sizeof note, "%s kept: run again with --resume to continue",
				 tmp);
		else
			snprintf(note, sizeof note, "%s: the records archived so far are committed; "
				 "run again with --resume to continue", out_path);
		res.note = strdup(note);
	}
	free(tmp);
	free(ab.marker_path);
	*out = res;
	return complete ? 0 : -1;
}
