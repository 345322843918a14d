#include "emitters/convert/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emitters/convert/compress.h"
#include "parser/input/say.h"

/* Writes go out in large blocks: the output is as big as the input. */
enum { OUTPUT_BUFFER = 1 << 20 };

/* The final name and the temporary one written until the output is complete: PATH + suffix. */
static int name_paths(output *o, const char *path, const char *suffix)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	o->final_path = strdup(path);
	o->tmp_path = malloc(n);
	if (!o->final_path || !o->tmp_path) {
		free(o->final_path);
		free(o->tmp_path);
		o->final_path = o->tmp_path = NULL;
		return -1;
	}
	snprintf(o->tmp_path, n, "%s%s", path, suffix);
	return 0;
}

static void release(output *o)
{
	free(o->final_path);
	free(o->tmp_path);
	o->final_path = o->tmp_path = NULL;
	o->f = NULL;
}

/* A write failed: the first reason is kept for the message (ENOSPC, EIO, ...). */
static void note_failure(output *o)
{
	if (!o->failed)
		o->error = errno;
	o->failed = 1;
}

/* Flushes and closes the stream (never standard output), noting a failure; a compressed stream
 * is ended first. */
static void flush_and_close(output *o)
{
	if (o->z && compressor_close(o->z) != 0)
		note_failure(o);
	o->z = NULL;
	if (fflush(o->f) != 0)
		note_failure(o);
	if (o->f != stdout && fclose(o->f) != 0)
		note_failure(o);
}

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
			say("%s: %s", path, strerror(errno));
			return -1;
		}
		o->final_path = strdup(path);
		o->direct = 1;
		setvbuf(o->f, NULL, _IOFBF, OUTPUT_BUFFER);
		return 0;
	}
	char suffix[32];
	snprintf(suffix, sizeof suffix, ".tmp-%ld", (long)getpid());
	if (name_paths(o, path, suffix) != 0)
		return -1;
	o->f = fopen(o->tmp_path, "wb");
	if (!o->f) {
		say("%s: %s", path, strerror(errno));
		release(o);
		return -1;
	}
	setvbuf(o->f, NULL, _IOFBF, OUTPUT_BUFFER);
	compression kind = compression_from_path(path, NULL);
	if (kind != COMPRESS_NONE) {
		char err[256];
		if (!(o->z = compressor_new(kind, o->f, err, sizeof err))) {
			say("%s: %s", path, err);
			fclose(o->f);
			unlink(o->tmp_path);
			release(o);
			return -1;
		}
	}
	return 0;
}

int output_write(void *ctx, const char *buf, size_t len)
{
	output *o = ctx;
	if (o->z) {
		if (compressor_write(o->z, buf, len) != 0) {
			note_failure(o);
			return -1;
		}
		return 0;
	}
	if (fwrite(buf, 1, len, o->f) != len) {
		note_failure(o);
		return -1;
	}
	return 0;
}

int output_close(output *o, int discard)
{
	int rc = 0;
	if (!o->f)
		return -1;
	flush_and_close(o);
	if (o->f != stdout) {
		if (o->direct) {
			rc = o->failed ? -1 : 0;
		} else if (discard || o->failed) {
			unlink(o->tmp_path);
			rc = -1;
		} else if (rename(o->tmp_path, o->final_path) != 0) {
			say("%s: %s", o->final_path, strerror(errno));
			unlink(o->tmp_path);
			rc = -1;
		}
	}
	if (o->failed) {
		say("%s: write error: %s", o->final_path ? o->final_path : "standard output",
		    o->error ? strerror(o->error) : "unknown cause");
		rc = -1;
	}
	release(o);
	return rc;
}

/* Counts the complete lines of f and finds the last one; returns the offset just after the last
 * newline (0 when there is none), or -1 on a read error. */
static long long scan_lines(FILE *f, uint64_t *lines, long long *last_start)
{
	enum { BLOCK = 1 << 20 };
	char *buf = malloc(BLOCK);
	if (!buf)
		return -1;
	long long pos = 0, end = 0, start = 0, prev_end = 0;
	uint64_t n = 0;
	size_t got;
	while ((got = fread(buf, 1, BLOCK, f)) > 0) {
		for (char *p = buf, *stop = buf + got; (p = memchr(p, '\n', (size_t)(stop - p))) != NULL;
		     p++) {
			n++;
			prev_end = end;
			end = pos + (p - buf) + 1;
		}
		pos += (long long)got;
	}
	start = prev_end;
	int err = ferror(f);
	free(buf);
	if (err)
		return -1;
	*lines = n;
	*last_start = start;
	return end;
}

int output_open_partial(output *o, const char *path, int resume, uint64_t *records, char **last,
			size_t *last_len)
{
	*records = 0;
	*last = NULL;
	*last_len = 0;
	memset(o, 0, sizeof(*o));
	if (name_paths(o, path, ".partial") != 0)
		return -1;
	FILE *old = resume ? fopen(o->tmp_path, "rb") : NULL;
	if (old) {
		long long last_start = 0;
		long long keep = scan_lines(old, records, &last_start);
		if (keep > last_start) {
			*last_len = (size_t)(keep - last_start);
			*last = malloc(*last_len);
			if (!*last || fseek(old, (long)last_start, SEEK_SET) != 0 ||
			    fread(*last, 1, *last_len, old) != *last_len)
				keep = -1;
		}
		fclose(old);
		/* A run killed mid-write leaves half a line: cut it. */
		if (keep < 0 || truncate(o->tmp_path, (off_t)keep) != 0) {
			say("%s: cannot resume: %s", o->tmp_path,
				keep < 0 ? "read error" : strerror(errno));
			free(*last);
			*last = NULL;
			release(o);
			return -1;
		}
		o->f = fopen(o->tmp_path, "ab");
	} else {
		o->f = fopen(o->tmp_path, "wb");
	}
	if (!o->f) {
		say("%s: %s", o->tmp_path, strerror(errno));
		free(*last);
		*last = NULL;
		release(o);
		return -1;
	}
	setvbuf(o->f, NULL, _IOFBF, OUTPUT_BUFFER);
	return 0;
}

int output_keep(output *o)
{
	if (!o->f)
		return -1;
	flush_and_close(o);
	int rc = o->failed ? -1 : 0;
	release(o);
	return rc;
}

/* The public handle is the output itself. */
struct cw_output {
	output o;
};

cw_output *cw_output_open(const char *path)
{
	cw_output *co = malloc(sizeof(*co));
	if (!co) {
		say("out of memory");
		return NULL;
	}
	if (output_open(&co->o, path) != 0) {
		free(co);
		return NULL;
	}
	return co;
}

int cw_output_write(void *ctx, const char *buf, size_t len)
{
	return output_write(&((cw_output *)ctx)->o, buf, len);
}

int cw_output_close(cw_output *co, int discard)
{
	if (!co)
		return -1;
	int rc = output_close(&co->o, discard);
	free(co);
	return rc;
}
