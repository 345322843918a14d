/* The inputs of a conversion (parser/input/sources.h: files, directory trees, standard input, archives)
 * cut into units (one cable or story each) on the calling thread, in input order. */
#ifndef CW_INPUT_INPUTS_H
#define CW_INPUT_INPUTS_H

#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"
#include "parser/input/sources.h"

typedef struct input_stats {
	size_t inputs;     /* input streams read (files, archive members, standard input) */
	size_t failed;     /* inputs that could not be read, wholly or in part */
	size_t units;      /* units handed out, failure records included */
	uint64_t bytes;    /* bytes read from disk so far (archives: compressed), for progress */
	uint64_t data;     /* bytes of input data read (archive members: uncompressed) */
	uint64_t warc_pages; /* web archives: records read as pages */
	uint64_t warc_skipped[CW_WARC_SKIP_COUNT]; /* ... and those skipped, by kind */
} input_stats;

/* An "error" record for damage inside a container read by the walk (a web archive's truncated
 * record, broken gzip member, ...: code), located at offset and line of its (inflated) stream;
 * index is the count of inputs met in it before. */
cw_record *input_damage_record(const cw_options *opt, const char *path, const char *code,
			       uint64_t offset, uint32_t line, const char *message);

/* Receives each unit (owns it), or instead a ready "error" record for an input that could not be
 * read (cw_record_input_failed(); owns it too); returns 0 to go on, non-zero to stop. */
typedef int (*unit_fn)(void *ctx, cw_unit *unit, cw_record *failed);

typedef cw_record_fn record_fn;

/* A plain file handed over unread (sources.h's source_detach()), to be read on another thread
 * with inputs_read_file(); on_file owns it. Returns 0 to go on, non-zero to stop. */
typedef int (*file_fn)(void *ctx, source *file);

/* A plain file larger than file_max read as a cables.csv (parser/input/segments.h), handed over
 * unread: its descriptor (the callee closes it), name and size, to be cut into segments read on
 * other threads with segment_read(). Returns 0 to go on, non-zero to stop. */
typedef int (*large_fn)(void *ctx, const char *name, int fd, uint64_t size);
/* Messages about a file read on another thread (a read error), kept to be told in input order
 * on the calling thread by input_said_tell(), which also frees them. */
typedef struct input_said {
	char **text;
	size_t n;
} input_said;
void input_said_tell(input_said *said);
/* A message about an input: kept in said to be told later in input order, or told now when said
 * is NULL. */
void input_tell(input_said *said, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Return 0, or non-zero when the callback asked to stop (or memory ran out). I/O problems are
 * told to the message handler (parser/input/say.h), counted in stats->failed, and handed on as error records. */
int inputs_each_unit(const cw_options *opt, char *const *paths, int n, unit_fn fn, void *ctx,
		     input_stats *stats);
/* The same, but each plain file of at most file_max bytes (not standard input, not an archive's
 * member) is handed to on_file unread, counted in stats->inputs, and a larger one that is a
 * cables.csv to on_large (when not NULL); the rest is cut into units here. */
int inputs_each_unit_or_file(const cw_options *opt, char *const *paths, int n, unit_fn fn,
			     file_fn on_file, large_fn on_large, uint64_t file_max, void *ctx,
			     input_stats *stats);
/* Reads a file that on_file was given, on any thread, as inputs_each_unit would have: fn gets
 * its units (or the error record of a read error) and stats its counts; messages go to said.
 * Frees file. Returns non-zero when fn asked to stop or memory ran out. */
int inputs_read_file(const cw_options *opt, source *file, unit_fn fn, void *ctx,
		     input_stats *stats, input_said *said);

/* The same as inputs_each_unit, each unit parsed on the calling thread. */
int inputs_each(const cw_options *opt, char *const *paths, int n, record_fn fn, void *ctx,
		input_stats *stats);

/* inputs_each over one path, and of the archive it names only the members [first, first +
 * count) (count 0: to the end; sources.h's member_first). *met gets the archive's members
 * met, skipped or not (0 when path is not an archive), to tell a run that came short. */
int inputs_each_member(const cw_options *opt, const char *path, size_t first, size_t count,
		       size_t *met, record_fn fn, void *ctx, input_stats *st);

#endif
