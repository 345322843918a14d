#include "convert_run.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "sources.h"

/* Set by SIGINT, SIGTERM or SIGHUP: the walk stops, the records in flight are written, and the
 * output is closed with whole records only. A second signal kills as usual. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = 1;
	signal(sig, SIG_DFL);
}

/* What flows through the pipeline: a unit to parse, or a record made already (an input that
 * could not be read). */
typedef struct work_item {
	cw_unit *unit;
	cw_record *rec;
} work_item;

typedef struct work_result {
	cw_record *rec;
	void *rendered;
} work_result;

typedef struct run_ctx {
	const convert_settings *cs;
	const convert_backend *be;
	convert_result *res;
	pipeline *pipe;
	progress bar;
	uint64_t seen;  /* units seen, the skipped ones included */
	int oom;
} run_ctx;

static void *work(void *ctx, unsigned worker, void *item, uint64_t seq)
{
	run_ctx *rc = ctx;
	work_item *wi = item;
	work_result *r = malloc(sizeof(*r));
	cw_record *rec = wi->rec ? wi->rec : cw_unit_parse(rc->cs->opt, wi->unit);
	free(wi);
	if (!r || !rec) {
		free(r);
		cw_record_free(rec);
		return NULL;
	}
	r->rec = rec;
	r->rendered = rc->be->render ? rc->be->render(rc->be->ctx, worker, rec, rc->cs->skip + seq)
				     : NULL;
	return r;
}

static int deliver(void *ctx, void *result, uint64_t seq)
{
	run_ctx *rc = ctx;
	work_result *r = result;
	if (!r) {
		rc->oom = 1;
		return 1;
	}
	tally_record(&rc->res->tally, r->rec);
	int stop = rc->be->write(rc->be->ctx, r->rec, r->rendered, rc->cs->skip + seq);
	cw_record_free(r->rec);
	free(r);
	progress_update(&rc->bar, rc->res->tally.records, rc->res->inputs.bytes);
	return stop;
}

static void discard(void *ctx, void *result)
{
	run_ctx *rc = ctx;
	work_result *r = result;
	if (!r)
		return;
	if (rc->be->discard)
		rc->be->discard(rc->be->ctx, r->rendered);
	cw_record_free(r->rec);
	free(r);
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
	work_item *wi = malloc(sizeof(*wi));
	if (!wi) {
		cw_unit_free(u);
		cw_record_free(failed);
		rc->oom = 1;
		return 1;
	}
	wi->unit = u;
	wi->rec = failed;
	return pipeline_submit(rc->pipe, wi, failed ? 0 : cw_unit_size(u));
}

int convert_run(const convert_settings *cs, const convert_backend *be, convert_result *res)
{
	memset(res, 0, sizeof(*res));
	run_ctx rc = { cs, be, res, NULL, { 0 }, 0, 0 };
	rc.pipe = pipeline_new(cs->jobs, work, deliver, discard, &rc);
	if (!rc.pipe) {
		fprintf(stderr, "cablewire: out of memory\n");
		res->stopped = 1;
		return -1;
	}
	progress_init(&rc.bar, cs->progress,
		      cs->progress ? sources_total_bytes(cs->inputs, cs->ninputs) : 0);

	struct sigaction sa, old_int, old_term, old_hup;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

	inputs_each_unit(cs->opt, cs->inputs, cs->ninputs, on_unit, &rc, &res->inputs);
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
