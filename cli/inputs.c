#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { CHUNK = 1 << 20 };

static int drain(cw_reader *rd, record_fn fn, void *ctx, input_stats *st)
{
	cw_record *rec;
	cw_status s;
	while ((s = cw_reader_next(rd, &rec)) == CW_OK) {
		st->records++;
		if (fn(ctx, rec))
			return 1;
	}
	if (s == CW_ENOMEM) {
		fprintf(stderr, "cablewire: out of memory\n");
		return 1;
	}
	return 0;
}

static int read_stream(const cw_options *opt, FILE *f, const char *name, record_fn fn, void *ctx,
		       input_stats *st)
{
	cw_reader *rd = cw_reader_new(opt, name);
	char *buf = malloc(CHUNK);
	if (!rd || !buf) {
		cw_reader_free(rd);
		free(buf);
		fprintf(stderr, "cablewire: out of memory\n");
		return 1;
	}
	int stop = 0;
	size_t n;
	while (!stop && (n = fread(buf, 1, CHUNK, f)) > 0) {
		if (cw_reader_feed(rd, buf, n) != CW_OK) {
			fprintf(stderr, "cablewire: out of memory\n");
			stop = 1;
			break;
		}
		stop = drain(rd, fn, ctx, st);
	}
	if (!stop && ferror(f)) {
		fprintf(stderr, "cablewire: %s: read error: %s\n", name, strerror(errno));
		st->failed++;
	}
	if (!stop) {
		cw_reader_finish(rd);
		stop = drain(rd, fn, ctx, st);
	}
	st->inputs++;
	cw_reader_free(rd);
	free(buf);
	return stop;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const cw_options *opt, const char *path, record_fn fn, void *ctx, input_stats *st,
		int depth);

static int walk_dir(const cw_options *opt, const char *path, record_fn fn, void *ctx,
		    input_stats *st, int depth)
{
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "cablewire: %s: %s\n", path, strerror(errno));
		st->failed++;
		return 0;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* ., .., and hidden files such as editor backups */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof(*nn));
			if (!nn)
				break;
			names = nn;
		}
		names[n] = strdup(e->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	/* Sorted, so that output order does not depend on the file system. */
	if (n) /* an empty directory has no list: qsort must not see a null pointer */
		qsort(names, n, sizeof(*names), by_name);
	int stop = 0;
	for (size_t i = 0; i < n; i++) {
		if (!stop) {
			size_t len = strlen(path) + strlen(names[i]) + 2;
			char *child = malloc(len);
			if (child) {
				snprintf(child, len, "%s/%s", path, names[i]);
				stop = walk(opt, child, fn, ctx, st, depth + 1);
				free(child);
			}
		}
		free(names[i]);
	}
	free(names);
	return stop;
}

static int walk(const cw_options *opt, const char *path, record_fn fn, void *ctx, input_stats *st,
		int depth)
{
	if (strcmp(path, "-") == 0 && depth == 0)
		return read_stream(opt, stdin, "-", fn, ctx, st);
	struct stat sb;
	if (stat(path, &sb) != 0) {
		fprintf(stderr, "cablewire: %s: %s\n", path, strerror(errno));
		st->failed++;
		return 0;
	}
	if (S_ISDIR(sb.st_mode)) {
		if (depth > 64) {
			fprintf(stderr, "cablewire: %s: directories nested too deep\n", path);
			st->failed++;
			return 0;
		}
		return walk_dir(opt, path, fn, ctx, st, depth);
	}
	if (!S_ISREG(sb.st_mode)) {
		if (depth == 0) {
			fprintf(stderr, "cablewire: %s: not a regular file\n", path);
			st->failed++;
		}
		return 0;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cablewire: %s: %s\n", path, strerror(errno));
		st->failed++;
		return 0;
	}
	int stop = read_stream(opt, f, path, fn, ctx, st);
	fclose(f);
	return stop;
}

int inputs_each(const cw_options *opt, char *const *paths, int n, record_fn fn, void *ctx,
		input_stats *st)
{
	for (int i = 0; i < n; i++)
		if (walk(opt, paths[i], fn, ctx, st, 0))
			return 1;
	return 0;
}
