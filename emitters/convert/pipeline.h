/* Work done on N threads, results delivered in the order the items came in.
 *
 * The calling thread submits items (units cut from the input); worker threads run the work
 * function on them (parse, render); the calling thread gets the results back through the
 * deliver function strictly in submission order, so the output is the same whatever N is. With
 * N = 1 no thread is started: each item is worked and delivered at once, by the same functions.
 * At most a window of items is in flight, bounded in count and in bytes, so memory stays flat
 * whatever the input size. */
#ifndef CW_CONVERT_PIPELINE_H
#define CW_CONVERT_PIPELINE_H

#include <stddef.h>
#include <stdint.h>

/* Runs on a worker thread: turns item number seq into a result (worker is 0..jobs-1, for
 * per-thread state). */
typedef void *(*pipeline_work_fn)(void *ctx, unsigned worker, void *item, uint64_t seq);
/* Runs on the calling thread, in seq order; returns non-zero to stop (the remaining results are
 * then handed to discard). */
typedef int (*pipeline_deliver_fn)(void *ctx, void *result, uint64_t seq);
typedef void (*pipeline_discard_fn)(void *ctx, void *result);

typedef struct pipeline pipeline;

pipeline *pipeline_new(unsigned jobs, pipeline_work_fn work, pipeline_deliver_fn deliver,
		       pipeline_discard_fn discard, void *ctx);
/* Hands over an item of about `bytes` bytes; may deliver earlier results meanwhile. Returns
 * non-zero when a delivery asked to stop (the item is then worked and discarded). */
int pipeline_submit(pipeline *p, void *item, size_t bytes);
/* Waits for every item and delivers the rest. Returns non-zero when a delivery asked to stop. */
int pipeline_finish(pipeline *p);
void pipeline_free(pipeline *p);

/* The number of online processors (at least 1). */
unsigned pipeline_cores(void);

#endif
