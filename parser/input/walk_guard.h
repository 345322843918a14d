/* What keeps a directory walk finite and every file read once: the directories and files met so
 * far by device and inode. A symlinked directory is followed once; one that leads back into a
 * directory being read is a loop (WALK_LOOP), one already read elsewhere is a repeat
 * (WALK_REPEAT), and so is a file reached a second time through another link. Without this,
 * d/s1 -> . and d/s2 -> . made the walk exponential. */
#ifndef CW_INPUT_WALK_GUARD_H
#define CW_INPUT_WALK_GUARD_H

#include <stddef.h>
#include <sys/types.h>

typedef struct walk_guard walk_guard;

walk_guard *walk_guard_new(void);
void walk_guard_free(walk_guard *g);

enum walk_seen { WALK_NEW = 0, WALK_SEEN_LOOP, WALK_SEEN_REPEAT, WALK_SEEN_OOM };

/* A directory about to be read: WALK_NEW (entered: call walk_guard_leave when done), or why it
 * is not read; *first is the path it was first read under. */
int walk_guard_enter(walk_guard *g, dev_t dev, ino_t ino, const char *path, const char **first);
void walk_guard_leave(walk_guard *g);
/* A file about to be read: WALK_NEW, or WALK_SEEN_REPEAT (and *first) when it was read before. */
int walk_guard_file(walk_guard *g, dev_t dev, ino_t ino, const char *path, const char **first);

#endif
