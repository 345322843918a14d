#include "emitters/convert/run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emitters/convert/pipeline.h"
#include "emitters/convert/tally.h"
#include "parser/input/say.h"
#include "parser/input/sources.h"

/* What flows through the pipeline: a batch of units to parse (or records made already, for
 * inputs that could not be read). Units go in batches so that the threads meet once per batch,
 * not once per cables.csv row: a few hundred microseconds of parsing per hand-over. */
enum { BATCH_UNITS = 32 };
static const size_t BATCH_BYTES = 256 * 1024;

typedef struct batch_item {
	cw_unit *unit;
	cw_record *rec;       /* the record: made already, or parsed by the worker */
} batch_item;

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
} run_ctx;

static void report_progress(run_ctx *rc);

/* A back end that renders: each record parsed, tallied, rendered after the batch's earlier ones
 * and freed, here on the worker; the first that runs out of memory ends the batch (the units
 * after it are freed with the batch). */
static void work_rendered(run_ctx *rc, unsigned worker, batch *b)
{
	const convert_backend *be = rc->be;
	for (size_t i = 0; i < b->n; i++) {
		batch_item *it = &b->item[i];
		cw_record *rec = it->rec ? it->rec : cw_unit_parse(rc->cs->opt, it->unit);
		it->unit = NULL;
		it->rec = NULL;
		void *r = rec ? be->render(be->ctx, worker, rec, rc->cs->skip + b->first + i,
					  b->rendered) : NULL;
		if (!r) {
			cw_record_free(rec);
			b->failed = 1;
			return;
		}
		b->rendered = r;
		tally_record(&b->t, rec);
		cw_record_free(rec);
		b->done = i + 1;
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
	}
	tally_free(&b->t);
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
	if (!rc->pending) {
		if (!(rc->pending = malloc(sizeof(*rc->pending)))) {
			cw_unit_free(u);
			cw_record_free(failed);
			rc->oom = 1;
			return 1;
		}
		rc->pending->first = rc->submitted;
		rc->pending->n = rc->pending->bytes = rc->pending->done = 0;
		rc->pending->failed = 0;
		rc->pending->rendered = NULL;
		rc->pending->t = (tally){ .ignore = rc->cs->ignore, .nignore = rc->cs->nignore };
	}
	batch *b = rc->pending;
	b->item[b->n++] = (batch_item){ u, failed };
	b->bytes += failed ? 0 : cw_unit_size(u);
	rc->submitted++;
	if (b->n == BATCH_UNITS || b->bytes >= BATCH_BYTES)
		return submit_pending(rc);
	return 0;
}

int convert_run(const convert_settings *cs, const convert_backend *be, convert_result *res)
{
	memset(res, 0, sizeof(*res));
	res->tally.ignore = cs->ignore;
	res->tally.nignore = cs->nignore;
	run_ctx rc = { cs, be, res, NULL, 0, 0, 0, NULL, 0 };
	rc.pipe = pipeline_new(cs->jobs, work, deliver, discard, &rc);
	if (!rc.pipe) {
		say("out of memory");
		res->stopped = 1;
		return -1;
	}
	if (cs->on_progress)
		rc.total_bytes = sources_total_bytes(cs->inputs, cs->ninputs);

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
	if (rc.oom) {
		say("out of memory");
		res->stopped = 1;
	}
	if (!res->interrupted && !res->stopped && !res->mismatch && rc.seen < cs->skip)
		res->too_short = 1;
	return res->interrupted || res->stopped || res->mismatch || res->too_short ? -1 : 0;
}
