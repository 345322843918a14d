#include "cli/convert_run.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/shown.h"
#include "cli/sources.h"

/* Set by SIGINT, SIGTERM or SIGHUP: the walk stops, the records in flight are written, and the
 * output is closed with whole records only. A second signal kills as usual. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = 1;
	signal(sig, SIG_DFL);
}

/* What flows through the pipeline: a batch of units to parse (or records made already, for
 * inputs that could not be read). Units go in batches so that the threads meet once per batch,
 * not once per cables.csv row: a few hundred microseconds of parsing per hand-over. */
enum { BATCH_UNITS = 32 };
static const size_t BATCH_BYTES = 256 * 1024;

typedef struct batch_item {
	cw_unit *unit;
	cw_record *rec;       /* the record: made already, or parsed by the worker */
	void *rendered;
} batch_item;

typedef struct batch {
	uint64_t first;       /* the output index of its first record */
	size_t n, bytes;
	int failed;           /* out of memory on the worker */
	batch_item item[BATCH_UNITS];
} batch;

typedef struct run_ctx {
	const convert_settings *cs;
	const convert_backend *be;
	convert_result *res;
	pipeline *pipe;
	progress bar;
	uint64_t seen;        /* units seen, the skipped ones included */
	uint64_t submitted;   /* records handed to the pipeline */
	batch *pending;       /* the batch being filled */
	int oom;
} run_ctx;

static void *work(void *ctx, unsigned worker, void *item, uint64_t seq)
{
	(void)seq;
	run_ctx *rc = ctx;
	batch *b = item;
	for (size_t i = 0; i < b->n; i++) {
		batch_item *it = &b->item[i];
		if (!it->rec)
			it->rec = cw_unit_parse(rc->cs->opt, it->unit);
		it->unit = NULL;
		if (!it->rec) {
			b->failed = 1;
			continue;
		}
		if (rc->be->render)
			it->rendered = rc->be->render(rc->be->ctx, worker, it->rec,
						      rc->cs->skip + b->first + i);
	}
	return b;
}

static void discard(void *ctx, void *result)
{
	run_ctx *rc = ctx;
	batch *b = result;
	for (size_t i = 0; i < b->n; i++) {
		if (rc->be->discard)
			rc->be->discard(rc->be->ctx, b->item[i].rendered);
		cw_unit_free(b->item[i].unit);
		cw_record_free(b->item[i].rec);
	}
	free(b);
}

static int deliver(void *ctx, void *result, uint64_t seq)
{
	(void)seq;
	run_ctx *rc = ctx;
	batch *b = result;
	int stop = 0;
	size_t i = 0;
	for (; i < b->n && !stop; i++) {
		batch_item *it = &b->item[i];
		if (!it->rec) {
			rc->oom = 1;
			stop = 1;
			break;
		}
		tally_record(&rc->res->tally, it->rec);
		/* write owns the rendering */
		stop = rc->be->write(rc->be->ctx, it->rec, it->rendered, rc->cs->skip + b->first + i);
		it->rendered = NULL;
		cw_record_free(it->rec);
		it->rec = NULL;
	}
	progress_update(&rc->bar, rc->res->tally.records, rc->res->inputs.bytes);
	discard(ctx, b); /* what a stop left */
	return stop;
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
	void *rendered = be->render ? be->render(be->ctx, 0, rec, seq) : NULL;
	int ok = be->matches(be->ctx, rec, rendered, seq);
	if (be->discard)
		be->discard(be->ctx, rendered);
	cw_record_free(rec);
	return ok;
}

static int on_unit(void *ctx, cw_unit *u, cw_record *failed)
{
	run_ctx *rc = ctx;
	if (interrupted) {
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
		progress_update(&rc->bar, 0, rc->res->inputs.bytes);
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
		rc->pending->n = rc->pending->bytes = 0;
		rc->pending->failed = 0;
	}
	batch *b = rc->pending;
	b->item[b->n++] = (batch_item){ u, failed, NULL };
	b->bytes += failed ? 0 : cw_unit_size(u);
	rc->submitted++;
	if (b->n == BATCH_UNITS || b->bytes >= BATCH_BYTES)
		return submit_pending(rc);
	return 0;
}

int convert_run(const convert_settings *cs, const convert_backend *be, convert_result *res)
{
	memset(res, 0, sizeof(*res));
	run_ctx rc = { cs, be, res, NULL, { 0 }, 0, 0, NULL, 0 };
	rc.pipe = pipeline_new(cs->jobs, work, deliver, discard, &rc);
	if (!rc.pipe) {
		fprintf(stderr, "cablewire: out of memory\n");
		res->stopped = 1;
		return -1;
	}
	/* The size pre-walk only feeds the bar: not walked when no bar is drawn. */
	int bar = cs->progress && isatty(STDERR_FILENO);
	progress_init(&rc.bar, bar, bar ? sources_total_bytes(cs->inputs, cs->ninputs) : 0);

	struct sigaction sa, old_int, old_term, old_hup;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

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
	progress_clear(&rc.bar);

	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	if (interrupted)
		res->interrupted = 1;
	if (rc.oom) {
		fprintf(stderr, "cablewire: out of memory\n");
		res->stopped = 1;
	}
	if (!res->interrupted && !res->stopped && !res->mismatch && rc.seen < cs->skip)
		res->too_short = 1;
	return res->interrupted || res->stopped || res->mismatch || res->too_short ? -1 : 0;
}

/* The summary line and the codes; the exit status of the run. */
int convert_report(const convert_result *r, const char *verb, const char *out_path,
		   const char *extra)
{
	const tally *t = &r->tally;
	size_t clean = t->records - t->with_errors - t->with_warnings;
	/* An output removed after a write error holds none of them: the count is of records
	 * converted, and the line after says where they are not. */
	if (r->output_lost)
		verb = "converted";
	fprintf(stderr,
		"cablewire: read %zu input%s, %s %zu record%s (%zu with errors, %zu with warnings, "
		"%zu clean; %zu error record%s), %zu input%s failed%s\n",
		r->inputs.inputs, r->inputs.inputs == 1 ? "" : "s", verb, t->records,
		t->records == 1 ? "" : "s", t->with_errors, t->with_warnings, clean,
		t->error_records, t->error_records == 1 ? "" : "s", r->inputs.failed,
		r->inputs.failed == 1 ? "" : "s", extra ? extra : "");
	if (r->output_lost)
		fprintf(stderr, "cablewire: %s: not written: a write error stopped the run\n",
			shown(out_path).s);
	if (r->skipped && !r->mismatch && !r->too_short)
		fprintf(stderr, "cablewire: resumed after the %llu record%s %s already held\n",
			(unsigned long long)r->skipped, r->skipped == 1 ? "" : "s", out_path);
	tally_print_codes(t, stderr);
	if (r->mismatch)
		fprintf(stderr,
			"cablewire: %s: cannot resume: its last record is not the one these inputs "
			"give at that position (other inputs or options?); remove it to start over\n",
			shown(out_path).s);
	if (r->too_short)
		fprintf(stderr, "cablewire: %s: cannot resume: it holds more records than these "
				"inputs give\n", shown(out_path).s);
	if (r->interrupted)
		fprintf(stderr, "cablewire: interrupted\n");
	if (r->interrupted || r->stopped || r->mismatch || r->too_short || r->inputs.failed)
		return EXIT_USAGE;
	return t->with_errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}
