#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes go out in large blocks: the output is as big as the input. */
enum { OUTPUT_BUFFER = 1 << 20 };

int output_open(output *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A device or a pipe (-o /dev/null, a FIFO): written in place, never renamed over. */
		o->f = fopen(path, "wb");
		if (!o->f) {
			fprintf(stderr, "cablewire: %s: %s\n", path, strerror(errno));
			return -1;
		}
		o->final_path = strdup(path);
		o->direct = 1;
		setvbuf(o->f, NULL, _IOFBF, OUTPUT_BUFFER);
		return 0;
	}
	size_t n = strlen(path) + 32;
	o->final_path = strdup(path);
	o->tmp_path = malloc(n);
	if (!o->final_path || !o->tmp_path) {
		free(o->final_path);
		free(o->tmp_path);
		return -1;
	}
	snprintf(o->tmp_path, n, "%s.tmp-%ld", path, (long)getpid());
	o->f = fopen(o->tmp_path, "wb");
	if (!o->f) {
		fprintf(stderr, "cablewire: %s: %s\n", path, strerror(errno));
		free(o->final_path);
		free(o->tmp_path);
		o->final_path = o->tmp_path = NULL;
		return -1;
	}
	setvbuf(o->f, NULL, _IOFBF, OUTPUT_BUFFER);
	return 0;
}

int output_write(void *ctx, const char *buf, size_t len)
{
	output *o = ctx;
	if (fwrite(buf, 1, len, o->f) != len) {
		o->failed = 1;
		return -1;
	}
	return 0;
}

int output_close(output *o, int discard)
{
	int rc = 0;
	if (!o->f)
		return -1;
	if (fflush(o->f) != 0)
		o->failed = 1;
	if (o->f != stdout) {
		if (fclose(o->f) != 0)
			o->failed = 1;
		if (o->direct) {
			rc = o->failed ? -1 : 0;
		} else if (discard || o->failed) {
			unlink(o->tmp_path);
			rc = -1;
		} else if (rename(o->tmp_path, o->final_path) != 0) {
			fprintf(stderr, "cablewire: %s: %s\n", o->final_path, strerror(errno));
			unlink(o->tmp_path);
			rc = -1;
		}
	}
	if (o->failed && !discard) {
		fprintf(stderr, "cablewire: %s: write error\n",
			o->final_path ? o->final_path : "standard output");
		rc = -1;
	}
	free(o->final_path);
	free(o->tmp_path);
	o->f = NULL;
	return rc;
}
