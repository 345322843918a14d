#include "emitters/convert/run.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emitters/convert/pipeline.h"
#include "emitters/convert/tally.h"
#include "parser/input/say.h"
#include "parser/input/segments.h"
#include "parser/input/sources.h"

/* What flows through the pipeline: a batch of units to parse (or records made already, for
 * inputs that could not be read). Units go in batches so that the threads meet once per batch,
 * not once per cables.csv row: a few hundred microseconds of parsing per hand-over. */
enum { BATCH_UNITS = 128 };
static const size_t BATCH_BYTES = 1024 * 1024;

/* A large cables.csv, cut into segments that workers read, cut into units and parse
 * (parser/input/segments.h): the calling thread only looks for the segments' ends. Each segment
 * learns from the one before it how many units and lines come before it. */
typedef struct seg_file {
	int fd;
	size_t refs;          /* the segments' and the cutting's: changed on the calling thread */
	/* Under run_ctx's seg_mu: */
	uint64_t next;        /* the segment whose turn it is to learn where it stands */
	uint64_t units, line; /* ... the units before it and the line it starts on */
	int failed;           /* a segment before could not be read to its end */
	char name[];
} seg_file;

typedef struct segment {
	seg_file *f;
	uint64_t k, start, end;
	int last;
} segment;

/* Segments of about this size: a batch's (bigger ones would hold more memory on the workers and
 * leave one of them idle at a file's end). */
static const uint64_t SEGMENT_BYTES = 1024 * 1024;

typedef struct batch_item {
	cw_unit *unit;
	cw_record *rec;       /* the record: made already, or parsed by the worker */
	source *file;         /* or a plain file, read and cut into units by the worker */
	segment *seg;         /* or a segment of a large cables.csv, read by the worker */
} batch_item;

/* Files up to a batch's size are read on the workers (when the back end renders): reading them
 * on the calling thread, which also walks the directories and writes, kept --jobs 2 on a
 * directory of pages at 1.3 times --jobs 1. A larger file (a cables.csv) is cut into units here,
 * and they go to the workers in batches: one file is one item, worked by one thread, and its
 * records rendered into one buffer, so a larger bound would cost both parallelism and memory. */
static const uint64_t FILE_ON_WORKER_MAX = 1024 * 1024;

typedef struct batch {
	uint64_t first;       /* the output index of its first record */
	size_t n, bytes;
	int failed;           /* out of memory on the worker */
	/* A back end that renders: the records' rendering, one for the batch, and their tally,
	 * both made on the worker, which frees the records; done is how many records the
	 * rendering holds (all but those from an out-of-memory on). */
	void *rendered;
	size_t done;
	tally t;
	input_stats st;       /* the files read on the worker: their units, bytes and failures */
	input_said said;      /* ... and what is to be told about them */
	batch_item item[BATCH_UNITS];
} batch;

typedef struct run_ctx {
	const convert_settings *cs;
	const convert_backend *be;
	convert_result *res;
	pipeline *pipe;
	uint64_t total_bytes; /* for progress: the inputs' size on disk, 0 when unknown */
	uint64_t seen;        /* units seen, the skipped ones included */
	uint64_t submitted;   /* records handed to the pipeline */
	batch *pending;       /* the batch being filled */
	int oom;
	pthread_mutex_t seg_mu; /* a large file's segments learning where they stand */
	pthread_cond_t seg_cv;
} run_ctx;

static void report_progress(run_ctx *rc);

/* A back end that renders: each record parsed, tallied, rendered after the batch's earlier ones
 * and freed, here on the worker; the first that runs out of memory ends the batch (the units
 * after it are freed with the batch). */
static int render_one(run_ctx *rc, unsigned worker, batch *b, cw_record *rec)
{
	const convert_backend *be = rc->be;
	/* The record's number: exact when the batches before held units only; a file gives one
	 * record or more. The formats look at it only to know whether a separator goes before
	 * the record, i.e. whether it is the output's first, which it tells right (every input
	 * gives at least one record). */
	void *r = rec ? be->render(be->ctx, worker, rec, rc->cs->skip + b->first + b->done,
				  b->rendered) : NULL;
	if (!r) {
		cw_record_free(rec);
		b->failed = 1;
		return 1;
	}
	b->rendered = r;
	tally_record(&b->t, rec);
	cw_record_free(rec);
	b->done++;
	return 0;
}

typedef struct file_work {
	run_ctx *rc;
	unsigned worker;
	batch *b;
} file_work;

/* A unit of a file read on the worker (or its read error's record). */
static int file_unit(void *ctx, cw_unit *u, cw_record *failed)
{
	file_work *fw = ctx;
	cw_record *rec = failed ? failed : cw_unit_parse(fw->rc->cs->opt, u);
	return render_one(fw->rc, fw->worker, fw->b, rec);
}

typedef struct seg_turn {
	run_ctx *rc;
	segment *seg;
} seg_turn;

static int seg_wait(void *ctx, uint64_t *units, uint64_t *first_line)
{
	seg_turn *t = ctx;
	seg_file *f = t->seg->f;
	pthread_mutex_lock(&t->rc->seg_mu);
	/* Segments are taken in order, so the one waited for is being read by another worker
	 * (or was read); it never waits for a later one. */
	while (f->next != t->seg->k)
		pthread_cond_wait(&t->rc->seg_cv, &t->rc->seg_mu);
	*units = f->units;
	*first_line = f->line;
	int failed = f->failed;
	pthread_mutex_unlock(&t->rc->seg_mu);
	return failed;
}

static void seg_publish(void *ctx, uint64_t units, uint64_t lines, int failed)
{
	seg_turn *t = ctx;
	seg_file *f = t->seg->f;
	pthread_mutex_lock(&t->rc->seg_mu);
	f->units += units;
	f->line += lines;
	f->failed |= failed;
	f->next++;
	pthread_cond_broadcast(&t->rc->seg_cv);
	pthread_mutex_unlock(&t->rc->seg_mu);
}

static void seg_file_unref(seg_file *f)
{
	if (f && --f->refs == 0) {
		close(f->fd);
		free(f);
	}
}

static void segment_free(segment *seg)
{
	if (seg) {
		seg_file_unref(seg->f);
		free(seg);
	}
}

static void work_rendered(run_ctx *rc, unsigned worker, batch *b)
{
	for (size_t i = 0; i < b->n && !b->failed; i++) {
		batch_item *it = &b->item[i];
		if (it->seg) {
			file_work fw = { rc, worker, b };
			segment *seg = it->seg;
			seg_turn turn = { rc, seg };
			segment_base base = { seg_wait, seg_publish, &turn };
			if (segment_read(rc->cs->opt, seg->f->fd, seg->f->name, seg->start, seg->end,
					 seg->last, &base, file_unit, &fw, &b->st, &b->said))
				b->failed = 1;
			continue;
		}
		if (it->file) {
			file_work fw = { rc, worker, b };
			source *file = it->file;
			it->file = NULL;
			if (inputs_read_file(rc->cs->opt, file, file_unit, &fw, &b->st, &b->said))
				b->failed = 1;
			continue;
		}
		cw_record *rec = it->rec ? it->rec : cw_unit_parse(rc->cs->opt, it->unit);
		it->unit = NULL;
		it->rec = NULL;
		render_one(rc, worker, b, rec);
	}
}

static void *work(void *ctx, unsigned worker, void *item, uint64_t seq)
{
	(void)seq;
	run_ctx *rc = ctx;
	batch *b = item;
	if (rc->be->render) {
		work_rendered(rc, worker, b);
		return b;
	}
	for (size_t i = 0; i < b->n; i++) {
		batch_item *it = &b->item[i];
		if (!it->rec)
			it->rec = cw_unit_parse(rc->cs->opt, it->unit);
		it->unit = NULL;
		if (!it->rec)
			b->failed = 1;
	}
	return b;
}

static void discard(void *ctx, void *result)
{
	run_ctx *rc = ctx;
	batch *b = result;
	if (rc->be->discard)
		rc->be->discard(rc->be->ctx, b->rendered);
	for (size_t i = 0; i < b->n; i++) {
		cw_unit_free(b->item[i].unit);
		cw_record_free(b->item[i].rec);
		source_free(b->item[i].file);
		segment_free(b->item[i].seg);
	}
	tally_free(&b->t);
	input_said_tell(&b->said);
	free(b);
}

static int deliver(void *ctx, void *result, uint64_t seq)
{
	(void)seq;
	run_ctx *rc = ctx;
	batch *b = result;
	int stop = 0;
	if (rc->be->render) {
		/* The tally before the write, as records are tallied and then written one by one:
		 * a write error counts the batch as written (its bytes are in the stream's buffer,
		 * as a record's were). */
		input_said_tell(&b->said);
		rc->res->inputs.units += b->st.units;
		rc->res->inputs.data += b->st.data;
		rc->res->inputs.failed += b->st.failed;
		tally_merge(&rc->res->tally, &b->t);
		if (b->done)
			stop = rc->be->write(rc->be->ctx, NULL, b->rendered,
					     rc->cs->skip + b->first);
		else if (rc->be->discard)
			rc->be->discard(rc->be->ctx, b->rendered);
		b->rendered = NULL; /* write owns the rendering */
		if (!stop && b->failed) {
			rc->oom = 1;
			stop = 1;
		}
		report_progress(rc);
		discard(ctx, b);
		return stop;
	}
	size_t i = 0;
	for (; i < b->n && !stop; i++) {
		batch_item *it = &b->item[i];
		if (!it->rec) {
			rc->oom = 1;
			stop = 1;
			break;
		}
		tally_record(&rc->res->tally, it->rec);
		stop = rc->be->write(rc->be->ctx, it->rec, NULL, rc->cs->skip + b->first + i);
		cw_record_free(it->rec);
		it->rec = NULL;
	}
	report_progress(rc);
	discard(ctx, b); /* what a stop left */
	return stop;
}

static void report_progress(run_ctx *rc)
{
	if (rc->cs->on_progress) {
		cw_progress p = { rc->res->tally.records, rc->res->inputs.data, rc->res->inputs.bytes,
				  rc->total_bytes };
		rc->cs->on_progress(rc->cs->ctx, &p);
	}
}

/* Hands the batch being filled to the pipeline. */
static int submit_pending(run_ctx *rc)
{
	batch *b = rc->pending;
	if (!b)
		return 0;
	rc->pending = NULL;
	return pipeline_submit(rc->pipe, b, b->bytes);
}

/* Resuming: the record the output ends with is made again from the inputs and compared, so that
 * a partial output is never continued with other inputs or other options. */
static int verify_last(run_ctx *rc, cw_unit *u, cw_record *rec, uint64_t seq)
{
	if (!rec)
		rec = cw_unit_parse(rc->cs->opt, u);
	if (!rec) {
		rc->oom = 1;
		return 0;
	}
	const convert_backend *be = rc->be;
	void *rendered = be->render ? be->render(be->ctx, 0, rec, seq, NULL) : NULL;
	int ok = be->matches(be->ctx, rec, rendered, seq);
	if (be->discard)
		be->discard(be->ctx, rendered);
	cw_record_free(rec);
	return ok;
}

/* The batch being filled, started when there is none; NULL out of memory. */
static batch *pending_batch(run_ctx *rc)
{
	if (rc->pending)
		return rc->pending;
	batch *b = calloc(1, sizeof(*b));
	if (!b) {
		rc->oom = 1;
		return NULL;
	}
	b->first = rc->submitted;
	b->t = (tally){ .ignore = rc->cs->ignore, .nignore = rc->cs->nignore };
	return rc->pending = b;
}

static int add_item(run_ctx *rc, batch_item item, size_t bytes)
{
	batch *b = rc->pending;
	b->item[b->n++] = item;
	b->bytes += bytes;
	rc->submitted++;
	if (b->n == BATCH_UNITS || b->bytes >= BATCH_BYTES)
		return submit_pending(rc);
	return 0;
}

static int on_unit(void *ctx, cw_unit *u, cw_record *failed)
{
	run_ctx *rc = ctx;
	if (rc->cs->cancelled && rc->cs->cancelled(rc->cs->ctx)) {
		cw_unit_free(u);
		cw_record_free(failed);
		rc->res->interrupted = 1;
		return 1;
	}
	uint64_t seq = rc->seen++;
	if (seq < rc->cs->skip) {
		/* Already in the output: only the last one is parsed, to check it. */
		if (seq + 1 == rc->cs->skip && rc->be->matches) {
			if (!verify_last(rc, u, failed, seq)) {
				rc->res->mismatch = !rc->oom;
				return 1;
			}
		} else {
			cw_unit_free(u);
			cw_record_free(failed);
		}
		rc->res->skipped++;
		report_progress(rc);
		return 0;
	}
	if (!pending_batch(rc)) {
		cw_unit_free(u);
		cw_record_free(failed);
		return 1;
	}
	return add_item(rc, (batch_item){ u, failed, NULL, NULL }, failed ? 0 : cw_unit_size(u));
}

/* A plain file, to be read on a worker (only when nothing is skipped: its records are not
 * counted before they are read). */
static int on_file(void *ctx, source *file)
{
	run_ctx *rc = ctx;
	if (rc->cs->cancelled && rc->cs->cancelled(rc->cs->ctx)) {
		source_free(file);
		rc->res->interrupted = 1;
		return 1;
	}
	rc->seen++;
	if (!pending_batch(rc)) {
		source_free(file);
		return 1;
	}
	return add_item(rc, (batch_item){ NULL, NULL, file, NULL }, (size_t)source_expected(file));
}

/* A large cables.csv: cut into segments, each a batch of its own (parser/input/segments.h). */
static int on_large(void *ctx, const char *name, int fd, uint64_t size)
{
	run_ctx *rc = ctx;
	size_t name_len = strlen(name) + 1;
	seg_file *f = malloc(sizeof(*f) + name_len);
	if (!f) {
		close(fd);
		rc->oom = 1;
		return 1;
	}
	*f = (seg_file){ .fd = fd, .refs = 1, .line = 1 };
	memcpy(f->name, name, name_len);
	int stop = submit_pending(rc); /* what came before goes first */
	uint64_t start = 0;
	for (uint64_t k = 0; !stop; k++) {
		if (rc->cs->cancelled && rc->cs->cancelled(rc->cs->ctx)) {
			rc->res->interrupted = 1;
			stop = 1;
			break;
		}
		uint64_t end = 0;
		for (uint64_t at = start + SEGMENT_BYTES; !end && at < size; at += SEGMENT_BYTES)
			end = segment_next_cut(fd, at, size);
		segment *seg = malloc(sizeof(*seg));
		if (!seg || !pending_batch(rc)) {
			free(seg);
			rc->oom = 1;
			stop = 1;
			break;
		}
		*seg = (segment){ f, k, start, end ? end : size, !end };
		f->refs++;
		rc->seen++;
		add_item(rc, (batch_item){ NULL, NULL, NULL, seg }, (size_t)(seg->end - start));
		stop = submit_pending(rc);
		if (!end)
			break;
		start = end;
	}
	seg_file_unref(f);
	return stop;
}

int convert_run(const convert_settings *cs, const convert_backend *be, convert_result *res)
{
	memset(res, 0, sizeof(*res));
	res->tally.ignore = cs->ignore;
	res->tally.nignore = cs->nignore;
	run_ctx rc = { cs, be, res, NULL, 0, 0, 0, NULL, 0, PTHREAD_MUTEX_INITIALIZER,
		       PTHREAD_COND_INITIALIZER };
	rc.pipe = pipeline_new(cs->jobs, work, deliver, discard, &rc);
	if (!rc.pipe) {
		say("out of memory");
		res->stopped = 1;
		return -1;
	}
	if (cs->on_progress)
		rc.total_bytes = sources_total_bytes(cs->inputs, cs->ninputs);

	if (be->render && !cs->skip)
		inputs_each_unit_or_file(cs->opt, cs->inputs, cs->ninputs, on_unit, on_file,
					 on_large, FILE_ON_WORKER_MAX, &rc, &res->inputs);
	else
		inputs_each_unit(cs->opt, cs->inputs, cs->ninputs, on_unit, &rc, &res->inputs);
	/* The units cut before a stop are whole: they are written too. */
	if (!res->mismatch && submit_pending(&rc))
		res->stopped = 1;
	if (rc.pending) { /* a mismatch: nothing more is written */
		discard(&rc, rc.pending);
		rc.pending = NULL;
	}
	if (pipeline_finish(rc.pipe))
		res->stopped = 1;
	pipeline_free(rc.pipe);
	pthread_mutex_destroy(&rc.seg_mu);
	pthread_cond_destroy(&rc.seg_cv);
	if (rc.oom) {
		say("out of memory");
		res->stopped = 1;
	}
	if (!res->interrupted && !res->stopped && !res->mismatch && rc.seen < cs->skip)
		res->too_short = 1;
	return res->interrupted || res->stopped || res->mismatch || res->too_short ? -1 : 0;
}
