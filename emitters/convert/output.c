#include "emitters/convert/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emitters/convert/compress.h"
#include "parser/input/output_guard.h"
#include "parser/input/say.h"

/* Writes go out in large blocks: the output is as big as the input. */
enum { OUTPUT_BUFFER = 1 << 20, DIRECT_WRITE = 64 << 10 };

/* glibc ignores setvbuf's size when it is not given the buffer (its own is 4 KiB): the output
 * went out in 4 KiB writes, one system call per 4 KiB, until the buffer was the stream's own. */
static void buffer_largely(output *o)
{
	o->buffer = malloc(OUTPUT_BUFFER);
	if (o->buffer)
		setvbuf(o->f, o->buffer, _IOFBF, OUTPUT_BUFFER);
}

/* After the stream is closed: its buffer goes with the rest. */
static void release(output *o)
{
	free(o->buffer);
	o->buffer = NULL;
	free(o->final_path);
	free(o->tmp_path);
	o->final_path = o->tmp_path = NULL;
	o->f = NULL;
	output_lock_release(&o->lock);
}

/* The stream over a temporary this run created (output_guard.h). */
static int open_stream(output *o, int fd, const char *mode)
{
	o->f = fd >= 0 ? fdopen(fd, mode) : NULL;
	if (!o->f) {
		int err = errno;
		if (fd >= 0)
			close(fd);
		say("%s: %s", o->tmp_path ? o->tmp_path : o->final_path, strerror(err));
		return -1;
	}
	buffer_largely(o);
	return 0;
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

void output_report_failure(const output *o)
{
	say("%s: write error: %s [OUTPUT_WRITE_FAILED]",
	    o->final_path ? o->final_path : "standard output",
	    o->error ? strerror(o->error) : "unknown cause");
}

int output_open(output *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	o->lock.fd = -1;
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
		buffer_largely(o);
		return 0;
	}
	if (output_lock_take(&o->lock, path) != 0)
		return -1;
	if (!(o->final_path = strdup(path))) {
		release(o);
		return -1;
	}
	int fd = output_temp_create(path, NULL, &o->tmp_path);
	if (fd < 0) {
		say("%s: %s", path, strerror(errno));
		release(o);
		return -1;
	}
	if (open_stream(o, fd, "wb") != 0) {
		unlink(o->tmp_path);
		release(o);
		return -1;
	}
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

/* A large block (a batch of records rendered on a worker) goes to the file as it is, after what
 * the stream holds: copied into the stream's buffer first, every byte of the output was copied
 * once more on the thread that writes, which is the one that cannot be spread over the others. */
static int write_directly(output *o, const char *buf, size_t len)
{
	if (fflush(o->f) != 0) {
		note_failure(o);
		return -1;
	}
	int fd = fileno(o->f);
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			note_failure(o);
			return -1;
		}
		buf += n;
		len -= (size_t)n;
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
	if (len >= DIRECT_WRITE)
		return write_directly(o, buf, len);
	if (fwrite(buf, 1, len, o->f) != len) {
		note_failure(o);
		return -1;
	}
	return 0;
}

int output_flush(output *o)
{
	if (o->f && !o->z && !o->failed && fflush(o->f) != 0)
		note_failure(o);
	return o->failed ? -1 : 0;
}

int output_close(output *o, int discard)
{
	int rc = 0;
	if (!o->f)
		return -1;
	/* A compressed stream is ended first: its last block is written through o->f. */
	if (o->z && compressor_close(o->z) != 0)
		note_failure(o);
	o->z = NULL;
	if (fflush(o->f) != 0)
		note_failure(o);
	/* Renamed while the descriptor is open: output_temp_commit checks that the name is still
	 * the file this run wrote. A failed run never replaces an old output. */
	if (o->f != stdout && !o->direct) {
		if (discard || o->failed) {
			unlink(o->tmp_path);
			rc = -1;
		} else if (output_temp_commit(fileno(o->f), o->tmp_path, o->final_path) != 0) {
			unlink(o->tmp_path);
			rc = -1;
		}
	}
	if (o->f != stdout && fclose(o->f) != 0 && !o->failed) {
		note_failure(o);
		rc = -1;
	}
	if (o->direct && o->failed)
		rc = -1;
	if (o->failed) {
		output_report_failure(o);
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
	o->lock.fd = -1;
	if (output_lock_take(&o->lock, path) != 0)
		return -1;
	size_t plen = strlen(path) + sizeof ".partial";
	o->final_path = strdup(path);
	o->tmp_path = malloc(plen);
	if (!o->final_path || !o->tmp_path) {
		release(o);
		return -1;
	}
	snprintf(o->tmp_path, plen, "%s.partial", path);
	/* Continued only when it is a regular file of that name (never a symlink's target). */
	int fd = resume ? output_temp_reopen(o->tmp_path, O_RDWR) : -1;
	if (resume && fd < 0 && errno != ENOENT) {
		say("%s: cannot resume: %s", o->tmp_path,
		    errno == ELOOP ? "it is a symlink" : strerror(errno));
		release(o);
		return -1;
	}
	FILE *old = fd >= 0 ? fdopen(fd, "rb+") : NULL;
	if (fd >= 0 && !old)
		close(fd);
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
		/* A run killed mid-write leaves half a line: cut it. */
		if (keep < 0 || ftruncate(fileno(old), (off_t)keep) != 0 ||
		    fseek(old, 0, SEEK_END) != 0) {
			say("%s: cannot resume: %s", o->tmp_path,
				keep < 0 ? "read error" : strerror(errno));
			fclose(old);
			free(*last);
			*last = NULL;
			release(o);
			return -1;
		}
		/* A fresh stream for appending: the buffer is set before any I/O on it. */
		fd = dup(fileno(old));
		fclose(old);
		if (open_stream(o, fd, "ab") != 0) {
			free(*last);
			*last = NULL;
			release(o);
			return -1;
		}
		return 0;
	}
	free(o->tmp_path);
	fd = output_temp_create(path, ".partial", &o->tmp_path);
	if (fd < 0 || open_stream(o, fd, "wb") != 0) {
		if (fd < 0)
			say("%s.partial: %s", path, strerror(errno));
		free(*last);
		*last = NULL;
		release(o);
		return -1;
	}
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
