/* Helpers shared by the Check suites and the fuzz targets that read web archives: bytes handed
 * to a pull-style reader a few at a time (a reader must say the same whatever the pieces), and
 * bytes walked as a file of their own (the walks read files, not memory). Header-only: the fuzz
 * targets are built one source file each. */
#ifndef CW_TESTS_WALK_BYTES_H
#define CW_TESTS_WALK_BYTES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parser/input/inputs.h"

typedef struct byte_feed {
	const void *data;
	size_t len, at;
	size_t step; /* bytes a pull hands out at most (0: all it is asked for) */
} byte_feed;

/* A pull callback (warc_each's): the next bytes of the feed, 0 at its end. */
static inline long byte_feed_pull(void *ctx, char *buf, size_t cap)
{
	byte_feed *f = ctx;
	size_t n = f->len - f->at;
	if (n > cap)
		n = cap;
	if (f->step && n > f->step)
		n = f->step;
	memcpy(buf, (const char *)f->data + f->at, n);
	f->at += n;
	return (long)n;
}

/* Writes data as NAME in a new temporary directory, walks that file (inputs_each_unit: every
 * unit or failure to fn), then removes both. Returns the walk's result, or -1 when the file
 * could not be written. */
static inline int walk_bytes(const cw_options *opt, const char *name, const void *data, size_t len,
			     unit_fn fn, void *ctx, input_stats *st)
{
	char dir[] = "/tmp/cablewire-walk-bytes-XXXXXX", path[96];
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	int ok = fp && fwrite(data, 1, len, fp) == len;
	if (fp && fclose(fp) != 0)
		ok = 0;
	int rc = -1;
	if (ok) {
		char *paths[1] = { path };
		rc = inputs_each_unit(opt, paths, 1, fn, ctx, st);
	}
	unlink(path);
	rmdir(dir);
	return rc;
}

#endif
