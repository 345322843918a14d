#include "parser/input/output_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parser/input/say.h"

/* The files of this run: few (the output, its temporary, its lock, the CSV tables). */
enum { OURS_MAX = 64 };
static struct {
	dev_t dev;
	ino_t ino;
} ours[OURS_MAX];
static size_t ours_n;

void output_guard_remember(int fd)
{
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && ours_n < OURS_MAX) {
		ours[ours_n].dev = st.st_dev;
		ours[ours_n].ino = st.st_ino;
		ours_n++;
	}
}

void output_guard_remember_path(const char *path)
{
	struct stat st;
	if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode) && ours_n < OURS_MAX) {
		ours[ours_n].dev = st.st_dev;
		ours[ours_n].ino = st.st_ino;
		ours_n++;
	}
}

int output_guard_is_ours(dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < ours_n; i++)
		if (ours[i].dev == dev && ours[i].ino == ino)
			return 1;
	return 0;
}

static char *with_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s", path, suffix);
	return p;
}

int output_lock_take(output_lock *l, const char *final_path)
{
	/* Past a file size limit (ulimit -f) a write then fails with EFBIG and is reported, instead
	 * of SIGXFSZ killing the run without a word; set before any output is written. */
	signal(SIGXFSZ, SIG_IGN);
	l->fd = -1;
	l->path = NULL;
	struct stat st;
	if (!final_path || strcmp(final_path, "-") == 0 ||
	    (stat(final_path, &st) == 0 && !S_ISREG(st.st_mode)))
		return 0; /* a stream, a device or a pipe: written in place, nothing to guard */
	output_guard_remember_path(final_path); /* an old output is not an input either */
	if (!(l->path = with_suffix(final_path, ".lock")))
		return -1;
	/* The lock file is removed by the run that held it; a run that opened it just before the
	 * removal would hold a lock on a deleted file, so the lock counts only when the file is
	 * still the one under the name. */
	for (int attempt = 0; attempt < 8; attempt++) {
		int fd = open(l->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0) {
			say("%s: cannot create the lock file: %s",
				l->path, strerror(errno));
			break;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int busy = errno == EWOULDBLOCK;
			close(fd);
			if (busy)
				say("%s: another run is writing this output "
						"(it holds %s); nothing written [OUTPUT_LOCKED]",
					final_path, l->path);
			else
				say("%s: cannot lock: %s", l->path,
					strerror(errno));
			break;
		}
		struct stat held, named;
		if (fstat(fd, &held) == 0 && lstat(l->path, &named) == 0 &&
		    held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
			l->fd = fd;
			output_guard_remember(fd);
			return 0;
		}
		close(fd);
	}
	free(l->path);
	l->path = NULL;
	return -1;
}

void output_lock_release(output_lock *l)
{
	if (l->fd >= 0) {
		unlink(l->path); /* while still held: see output_lock_take */
		close(l->fd);
	}
	free(l->path);
	l->fd = -1;
	l->path = NULL;
}

int output_temp_create(const char *final_path, const char *fixed_suffix, char **tmp_path)
{
	*tmp_path = NULL;
	struct stat old;
	mode_t mode = 0666;
	int keep_mode = stat(final_path, &old) == 0 && S_ISREG(old.st_mode);
	for (unsigned n = 0; n < 1000; n++) {
		char suffix[64];
		if (fixed_suffix)
			snprintf(suffix, sizeof suffix, "%s", fixed_suffix);
		else
			snprintf(suffix, sizeof suffix, ".tmp-%ld-%u", (long)getpid(), n);
		char *tmp = with_suffix(final_path, suffix);
		if (!tmp) {
			errno = ENOMEM;
			return -1;
		}
		if (fixed_suffix)
			unlink(tmp); /* a leftover (file or planted symlink), never followed */
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0) {
			if (keep_mode)
				fchmod(fd, old.st_mode & 07777);
			output_guard_remember(fd);
			*tmp_path = tmp;
			return fd;
		}
		int err = errno;
		free(tmp);
		if (err != EEXIST || fixed_suffix) {
			errno = err;
			return -1;
		}
	}
	errno = EEXIST;
	return -1;
}

int output_temp_reopen(const char *tmp_path, int flags)
{
	int fd = open(tmp_path, flags | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	output_guard_remember(fd);
	return fd;
}

int output_temp_commit(int fd, const char *tmp_path, const char *final_path)
{
	struct stat mine, named, old;
	if (fstat(fd, &mine) != 0 || lstat(tmp_path, &named) != 0 || mine.st_dev != named.st_dev ||
	    mine.st_ino != named.st_ino) {
		say("%s: the temporary file %s was replaced or removed while "
				"the run wrote it; the output is not replaced [OUTPUT_TEMP_CHANGED]",
			final_path, tmp_path);
		return -1;
	}
	/* An output written before keeps its mode (a resumed partial was made by another run). */
	if (stat(final_path, &old) == 0 && S_ISREG(old.st_mode))
		fchmod(fd, old.st_mode & 07777);
	if (rename(tmp_path, final_path) != 0) {
		say("%s: %s", final_path, strerror(errno));
		return -1;
	}
	return 0;
}
