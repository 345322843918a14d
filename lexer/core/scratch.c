/* The thread's kept blocks (scratch.h). They hang from a _Thread_local record that a pthread
 * key also points to, so that the key's destructor frees them when a thread ends (a worker of
 * --jobs N, or a library user's own thread); the main thread's stay reachable until exit. */
#include "lexer/core/scratch.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct kept {
	scratch_block block[SCRATCH_USES];
} kept;

static _Thread_local kept *mine;
static pthread_key_t kept_key;
static pthread_once_t kept_once = PTHREAD_ONCE_INIT;
static int kept_key_ok;

static void kept_free(void *v)
{
	kept *k = v;
	for (int i = 0; i < SCRATCH_USES; i++)
		free(k->block[i].p);
	free(k);
	mine = NULL;
}

static void kept_key_make(void)
{
	kept_key_ok = pthread_key_create(&kept_key, kept_free) == 0;
}

scratch_block scratch_take(scratch_use use)
{
	scratch_block b = { NULL, 0, 0 };
	if (mine) {
		b = mine->block[use];
		mine->block[use] = (scratch_block){ NULL, 0, 0 };
	}
	return b;
}

void scratch_give(scratch_use use, scratch_block b)
{
	if (!b.p)
		return;
	if (b.bytes > SCRATCH_KEEP)
		goto drop;
	if (!mine) {
		pthread_once(&kept_once, kept_key_make);
		if (!kept_key_ok)
			goto drop;
		kept *k = calloc(1, sizeof *k);
		if (!k)
			goto drop;
		if (pthread_setspecific(kept_key, k) != 0) {
			free(k);
			goto drop;
		}
		mine = k;
	}
	free(mine->block[use].p); /* none unless a nested user gave one back first */
	mine->block[use] = b;
	return;
drop:
	free(b.p);
}
