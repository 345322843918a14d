#include "emitters/convert/pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

/* The window: enough items (batches of units) per thread that no worker waits for the slowest
 * one ahead of it, and a byte bound so that a run of huge units cannot pile up in memory. */
enum { SLOTS_PER_JOB = 4 };
static const size_t MAX_BYTES_IN_FLIGHT = (size_t)8 << 20;

typedef enum { SLOT_FREE, SLOT_QUEUED, SLOT_BUSY, SLOT_DONE } slot_state;

typedef struct slot {
	slot_state state;
	void *item, *result;
	size_t bytes;
} slot;

struct pipeline {
	unsigned jobs, started;
	pipeline_work_fn work;
	pipeline_deliver_fn deliver;
	pipeline_discard_fn discard;
	void *ctx;
	pthread_t *threads;
	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	slot *ring;
	size_t nslots;
	uint64_t next_seq;   /* the next item submitted gets this number */
	uint64_t next_take;  /* the next item a worker takes */
	uint64_t next_out;   /* the next result delivered */
	size_t bytes_in_flight;
	int quit, stopped, finished;
};

typedef struct worker_arg {
	pipeline *p;
	unsigned id;
} worker_arg;

static void *worker_main(void *arg)
{
	worker_arg *wa = arg;
	pipeline *p = wa->p;
	unsigned id = wa->id;
	free(wa);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->quit && p->next_take == p->next_seq)
			pthread_cond_wait(&p->work_cv, &p->mu);
		if (p->next_take == p->next_seq)
			break; /* quit, and nothing left */
		uint64_t seq = p->next_take++;
		slot *s = &p->ring[seq % p->nslots];
		s->state = SLOT_BUSY;
		void *item = s->item;
		pthread_mutex_unlock(&p->mu);
		void *result = p->work(p->ctx, id, item, seq);
		pthread_mutex_lock(&p->mu);
		s->result = result;
		s->state = SLOT_DONE;
		/* The calling thread only ever waits for the oldest item. */
		if (seq == p->next_out)
			pthread_cond_signal(&p->done_cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

unsigned pipeline_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : (unsigned)n;
}

pipeline *pipeline_new(unsigned jobs, pipeline_work_fn work, pipeline_deliver_fn deliver,
		       pipeline_discard_fn discard, void *ctx)
{
	pipeline *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->jobs = jobs ? jobs : 1;
	p->work = work;
	p->deliver = deliver;
	p->discard = discard;
	p->ctx = ctx;
	if (p->jobs == 1)
		return p;
	p->nslots = (size_t)p->jobs * SLOTS_PER_JOB;
	p->ring = calloc(p->nslots, sizeof(*p->ring));
	p->threads = calloc(p->jobs, sizeof(*p->threads));
	if (!p->ring || !p->threads) {
		free(p->ring);
		free(p->threads);
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work_cv, NULL);
	pthread_cond_init(&p->done_cv, NULL);
	for (unsigned i = 0; i < p->jobs; i++) {
		worker_arg *wa = malloc(sizeof(*wa));
		if (!wa)
			break;
		wa->p = p;
		wa->id = i;
		if (pthread_create(&p->threads[i], NULL, worker_main, wa) != 0) {
			free(wa);
			break;
		}
		p->started++;
	}
	if (p->started == 0) {
		/* No thread could be started: run on the calling thread. */
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->work_cv);
		pthread_cond_destroy(&p->done_cv);
		free(p->ring);
		free(p->threads);
		p->ring = NULL;
		p->threads = NULL;
		p->jobs = 1;
	}
	return p;
}

static void hand_over(pipeline *p, void *result, uint64_t seq)
{
	if (p->stopped)
		p->discard(p->ctx, result);
	else
		p->stopped = p->deliver(p->ctx, result, seq);
}

/* Delivers the oldest result, waiting for it when wait is set; called with the lock held.
 * Returns 1 when one was delivered. */
static int deliver_oldest(pipeline *p, int wait)
{
	if (p->next_out == p->next_seq)
		return 0;
	slot *s = &p->ring[p->next_out % p->nslots];
	while (s->state != SLOT_DONE) {
		if (!wait)
			return 0;
		pthread_cond_wait(&p->done_cv, &p->mu);
	}
	void *result = s->result;
	uint64_t seq = p->next_out++;
	p->bytes_in_flight -= s->bytes;
	s->state = SLOT_FREE;
	s->item = s->result = NULL;
	pthread_mutex_unlock(&p->mu);
	hand_over(p, result, seq);
	pthread_mutex_lock(&p->mu);
	return 1;
}

int pipeline_submit(pipeline *p, void *item, size_t bytes)
{
	if (p->jobs == 1) {
		uint64_t seq = p->next_seq++;
		hand_over(p, p->work(p->ctx, 0, item, seq), seq);
		return p->stopped;
	}
	pthread_mutex_lock(&p->mu);
	/* Room in the window: a free slot, and the bytes (one item always fits). */
	while (p->next_seq - p->next_out >= p->nslots ||
	       (p->next_seq > p->next_out && p->bytes_in_flight + bytes > MAX_BYTES_IN_FLIGHT))
		deliver_oldest(p, 1);
	slot *s = &p->ring[p->next_seq % p->nslots];
	s->state = SLOT_QUEUED;
	s->item = item;
	s->bytes = bytes;
	p->bytes_in_flight += bytes;
	p->next_seq++;
	pthread_cond_signal(&p->work_cv);
	while (deliver_oldest(p, 0))
		;
	int stopped = p->stopped;
	pthread_mutex_unlock(&p->mu);
	return stopped;
}

int pipeline_finish(pipeline *p)
{
	if (p->finished)
		return p->stopped;
	p->finished = 1;
	if (p->jobs == 1)
		return p->stopped;
	pthread_mutex_lock(&p->mu);
	while (deliver_oldest(p, 1))
		;
	p->quit = 1;
	pthread_cond_broadcast(&p->work_cv);
	pthread_mutex_unlock(&p->mu);
	for (unsigned i = 0; i < p->started; i++)
		pthread_join(p->threads[i], NULL);
	return p->stopped;
}

void pipeline_free(pipeline *p)
{
	if (!p)
		return;
	pipeline_finish(p);
	if (p->jobs > 1) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->work_cv);
		pthread_cond_destroy(&p->done_cv);
	}
	free(p->ring);
	free(p->threads);
	free(p);
}
