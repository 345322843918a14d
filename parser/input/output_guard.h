/* What keeps an output safe from other runs and from the file system's surprises:
 *  - a lock (OUT.lock, flock) held for the whole run, so a second run writing the same output
 *    fails before it writes anything (OUTPUT_LOCKED) instead of interleaving or deleting the
 *    first run's temporary file;
 *  - temporaries created exclusively (O_EXCL | O_NOFOLLOW): a symlink or file planted under the
 *    temporary name is never followed or written through;
 *  - the rename into place checks that the temporary is still the file this run created, and
 *    gives it the mode of the output it replaces;
 *  - the files of the run (lock, temporaries, the output itself) are remembered so the input walk
 *    never reads them as inputs (output_guard_is_ours). */
#ifndef CW_INPUT_OUTPUT_GUARD_H
#define CW_INPUT_OUTPUT_GUARD_H

#include <sys/types.h>

typedef struct output_lock {
	int fd;         /* -1 when no lock is held */
	char *path;     /* OUT.lock */
} output_lock;

/* Takes the lock of the output path (nothing for "-" or a device or pipe). Returns 0, or -1 with
 * the reason printed: another run holds it (OUTPUT_LOCKED), or it cannot be created. */
int output_lock_take(output_lock *l, const char *final_path);
/* Removes the lock file and releases the lock (idempotent). */
void output_lock_release(output_lock *l);

/* Creates a new temporary for final_path exclusively and returns its descriptor (opened for
 * writing, mode of the existing final file when there is one), or -1 with errno set. With a
 * fixed suffix (".partial": a resumable output has a name to come back to) a leftover file or
 * symlink of that name is removed first; without one (NULL) the name is made unique
 * (OUT.tmp-PID-N). *tmp_path is malloc'd. */
int output_temp_create(const char *final_path, const char *fixed_suffix, char **tmp_path);
/* Opens an existing temporary to continue it (--resume): refuses a symlink or anything but a
 * regular file. Returns the descriptor or -1 with errno set (ENOENT: there is none). */
int output_temp_reopen(const char *tmp_path, int flags);
/* Renames the temporary over final_path if it is still the file this run created (fd is still
 * open on it): the final file's mode is kept. Returns 0, or -1 with the reason printed. */
int output_temp_commit(int fd, const char *tmp_path, const char *final_path);

/* Remembers a file this run writes (by device and inode), and tells whether a file is one. */
void output_guard_remember(int fd);
void output_guard_remember_path(const char *path);
int output_guard_is_ours(dev_t dev, ino_t ino);

#endif
