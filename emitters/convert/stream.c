/* Converting into a byte stream (JSON, JSON Lines, XML, CSV and its tables, text, NITF, ninjs):
 * each record rendered on the worker that parsed it, by that worker's own detached emitters, and
 * the bytes written in input order by the emitters that own the files. JSON Lines into a regular
 * file is resumable: written as OUT.partial, kept when the run is interrupted. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emitters/convert/compress.h"
#include "emitters/convert/output.h"
#include "emitters/convert/run.h"
#include "parser/input/say.h"

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

/* Records rendered in every output of the run: a batch's, one after the other (or one record,
 * to compare with the output's last when resuming). */
typedef struct rendering {
	bytes out[OUTPUTS];
	int failed;
} rendering;

/* Renderings given back once written, kept for the next records with their buffers grown
 * already (a calloc and a chain of reallocs a record otherwise). Workers take them, the
 * writing thread gives them back; a buffer grown past SPARE_MAX_BYTES by a huge record is not
 * kept. */
enum { SPARES = 16, SPARE_MAX_BYTES = 4 << 20 };
typedef struct spares {
	pthread_mutex_t mu;
	rendering *r[SPARES];
	int n;
} spares;

/* The byte-stream back end: the main output and the --csv-tables files. */
typedef struct stream_backend {
	spares spare;
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

/* The record appended to a rendering (a batch's records follow one another in it). */
static rendering *render_into(stream_backend *sb, unsigned worker, const cw_record *rec,
			      uint64_t index, rendering *r)
{
	for (int i = 0; i < OUTPUTS; i++) {
		if (!sb->active[i])
			continue;
		sb->cursor[worker] = &r->out[i];
		if (cw_emit_at(sb->detached[worker * OUTPUTS + i], rec, index) != 0)
			r->failed = 1;
	}
	return r;
}

static void *stream_render(void *ctx, unsigned worker, const cw_record *rec, uint64_t index,
			   void *into)
{
	stream_backend *sb = ctx;
	rendering *r = into;
	if (r)
		return render_into(sb, worker, rec, index, r);
	pthread_mutex_lock(&sb->spare.mu);
	if (sb->spare.n)
		r = sb->spare.r[--sb->spare.n];
	pthread_mutex_unlock(&sb->spare.mu);
	if (r) {
		for (int i = 0; i < OUTPUTS; i++)
			r->out[i].len = 0;
		r->failed = 0;
	} else if (!(r = calloc(1, sizeof(*r)))) {
		return NULL;
	}
	return render_into(sb, worker, rec, index, r);
}

static void free_rendering(rendering *r)
{
	for (int i = 0; i < OUTPUTS; i++)
		free(r->out[i].p);
	free(r);
}

static void stream_discard(void *ctx, void *rendered)
{
	stream_backend *sb = ctx;
	rendering *r = rendered;
	if (!r)
		return;
	int keep = 1;
	for (int i = 0; i < OUTPUTS; i++)
		keep &= r->out[i].cap <= SPARE_MAX_BYTES;
	pthread_mutex_lock(&sb->spare.mu);
	if (keep && sb->spare.n < SPARES) {
		sb->spare.r[sb->spare.n++] = r;
		r = NULL;
	}
	pthread_mutex_unlock(&sb->spare.mu);
	if (r)
		free_rendering(r);
}

static int stream_write(void *ctx, const cw_record *rec, void *rendered, uint64_t index)
{
	(void)rec;
	(void)index;
	stream_backend *sb = ctx;
	rendering *r = rendered;
	if (!r || r->failed) {
		say("out of memory");
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

int convert_stream(const convert_settings *base, int format, const char *out_path,
		   const char *tables_dir, int resume, convert_result *out, int *usage)
{
	*usage = 0;
	memset(out, 0, sizeof(*out));
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
		      compression_from_path(out_path, NULL) == COMPRESS_NONE &&
		      strcmp(out_path, "-") != 0 &&
		      !(stat(out_path, &st) == 0 && !S_ISREG(st.st_mode));
	if (resume && !partial) {
		say("--resume continues JSON Lines (jsonl, ninjs) or SQLite output written to a "
		    "file, without --csv-tables");
		*usage = 1;
		return -1;
	}
	int opened = 0;
	char *last = NULL;
	if (partial) {
		if (output_open_partial(&sb.file[0], out_path, resume, &cs.skip, &last,
					&sb.last_len) != 0) {
			*usage = 1;
			return -1;
		}
		sb.last = last;
	} else if (output_open(&sb.file[0], out_path) != 0) {
		*usage = 1;
		return -1;
	}
	opened = 1;
	for (int t = 1; t < OUTPUTS && sb.active[t]; t++, opened++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.csv", tables_dir,
			 cw_format_name(sb.format[t]) + 4 /* csv- */);
		if (output_open(&sb.file[t], path) != 0)
			break;
	}
	pthread_mutex_init(&sb.spare.mu, NULL);
	sb.detached = calloc((size_t)cs.jobs * OUTPUTS, sizeof(*sb.detached));
	sb.cursor = calloc(cs.jobs, sizeof(*sb.cursor));
	/* A table that could not be opened was told (its path and the system's reason). */
	int all_opened = opened == (tables_dir ? OUTPUTS : 1);
	int ready = all_opened && sb.detached && sb.cursor;
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
		if (all_opened)
			say("out of memory");
		res.stopped = 1;
	}
	/* Complete: renamed into place. Interrupted (or not resumable here): a partial JSON Lines
	 * file is kept for --resume, anything else removed. */
	int failed = res.stopped || res.mismatch || res.too_short || res.interrupted;
	/* A write error (disk full, file too large) keeps a partial JSON Lines file too: what it
	 * holds is whole records up to the error (a cut last line is dropped on --resume). The
	 * stream's 1 MiB buffer is written out first: a small output meets its error only then. */
	if (partial && opened)
		output_flush(&sb.file[0]);
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
	while (sb.spare.n)
		free_rendering(sb.spare.r[--sb.spare.n]);
	pthread_mutex_destroy(&sb.spare.mu);
	free(last);
	if (partial && res.partial_kept && (res.interrupted || write_error)) {
		char note[4200];
		snprintf(note, sizeof note, "%s.partial kept: run again with --resume to continue",
			 out_path);
		res.note = strdup(note);
	}
	*out = res;
	return res.stopped || res.mismatch || res.too_short || res.interrupted ? -1 : 0;
}
