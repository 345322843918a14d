/* The inputs of a conversion (parser/input/sources.h: files, directory trees, standard input, archives)
 * cut into units (one cable or story each) on the calling thread, in input order. */
#ifndef CW_INPUT_INPUTS_H
#define CW_INPUT_INPUTS_H

#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"

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

/* Return 0, or non-zero when the callback asked to stop (or memory ran out). I/O problems are
 * told to the message handler (parser/input/say.h), counted in stats->failed, and handed on as error records. */
int inputs_each_unit(const cw_options *opt, char *const *paths, int n, unit_fn fn, void *ctx,
		     input_stats *stats);
/* The same, each unit parsed on the calling thread. */
int inputs_each(const cw_options *opt, char *const *paths, int n, record_fn fn, void *ctx,
		input_stats *stats);

/* inputs_each over one path, and of the archive it names only the members [first, first +
 * count) (count 0: to the end; sources.h's member_first). *met gets the archive's members
 * met, skipped or not (0 when path is not an archive), to tell a run that came short. */
int inputs_each_member(const cw_options *opt, const char *path, size_t first, size_t count,
		       size_t *met, record_fn fn, void *ctx, input_stats *st);

#endif
