/* A large cables.csv cut into segments, each read, cut into units and parsed on a thread of its
 * own (emitters/convert/run.c), so that the calling thread neither reads the rows nor cuts them.
 *
 * A segment ends where every reader of the whole file cuts a unit, whatever its state there: a
 * newline that ends a row (after an even run of backslashes, so that no escape takes it) followed
 * by the start of a row. Outside a quoted field every newline ends the row; inside one, a newline
 * followed by a row start ends it too, as a row that lost its closing quote (split_csv): so the
 * units, and their flags, are those the whole file's reader gives. What a segment's units cannot
 * know by themselves, the number of units and of lines before the segment, comes from the segment
 * before it (segment_base). */
#ifndef CW_INPUT_SEGMENTS_H
#define CW_INPUT_SEGMENTS_H

#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"
#include "parser/input/inputs.h"

/* 1 when the plain file (descriptor fd, size bytes, sniffed of them read before) is read as a
 * cables.csv, its form forced or told by the bytes a reader of the whole file looks at, with no
 * byte-order mark and no NUL padding before it (a file read so is cut at offsets); else 0. */
int segment_cuttable(const cw_options *opt, int fd, uint64_t size, size_t sniffed);

/* The first segment boundary at or after from, looked for in a short stretch after it (a few
 * rows' length); 0 when there is none there, or near the end of the file, or it cannot be read. */
uint64_t segment_next_cut(int fd, uint64_t from, uint64_t size);

/* Where a segment stands. wait() blocks until the segments before it are counted and gives the
 * file's units before it and the line it starts on; it returns non-zero when one of them failed
 * to be read (this one then gives nothing). publish() gives the segment's own units and lines
 * (failed: it could not be read to its end), which the next segment waits for. Each is called
 * once a segment, wait() first. */
typedef struct segment_base {
	int (*wait)(void *ctx, uint64_t *units, uint64_t *first_line);
	void (*publish)(void *ctx, uint64_t units, uint64_t lines, int failed);
	void *ctx;
} segment_base;

/* Reads the segment [start, end) of the file (last: to its end, wherever that is now), cut as a
 * reader of the whole file cuts it: fn gets its units numbered and located in the whole file (or
 * the error record of a read error), stats its counts, said its messages. Returns non-zero when
 * fn asked to stop or memory ran out. */
int segment_read(const cw_options *opt, int fd, const char *name, uint64_t start, uint64_t end,
		 int last, const segment_base *base, unit_fn fn, void *ctx, input_stats *st,
		 input_said *said);

#endif
