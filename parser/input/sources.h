/* The inputs a conversion names, as byte streams: files, directory trees (recursively, in name
 * order, hidden files skipped), "-" for standard input, pipes, and archives read in place
 * through libarchive (tar, zip, 7z, cpio, ...; plain or compressed with gzip, bzip2, xz, zstd,
 * lz4, ...), member by member in archive order. A lone compressed file (cables.csv.xz) is one
 * stream. A stream inside an archive is named ARCHIVE/MEMBER (corpus.tar.xz/cables/06X.html),
 * so its base name is the member's own. A web archive (WARC, plain or gzip, on its own or in an
 * archive; parser/input/warc.h) is read record by record: each HTML page it holds is a stream
 * named ARCHIVE/TARGET-URI (crawl.warc.gz/https://example.com/news/a.html). */
#ifndef CW_INPUT_SOURCES_H
#define CW_INPUT_SOURCES_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "cablewire.h"

typedef struct source source;

const char *source_name(const source *s);
/* Reads up to cap bytes: the count, 0 at the end, -1 on a read error (source_error() says why). */
long source_read(source *s, char *buf, size_t cap);
const char *source_error(const source *s);
/* A page of a web archive: the charset of its HTTP Content-Type and its date (ISO 8601), NULL
 * when not said or not a page. */
const char *source_http_charset(const source *s);
const char *source_http_date(const source *s);
/* The code of source_error() when it is not INPUT_READ_ERROR (a web archive's WARC_HTTP_BODY,
 * ...), else NULL; then *name, *offset and *line say where to tell it (the archive, at the
 * page's record). */
const char *source_error_code(const source *s, const char **name, uint64_t *offset,
			      uint32_t *line);
/* Bytes still to come when known (a regular file's size, an archive member's), else -1: the
 * reader makes room for them at once and the source reads into it (parser/input/inputs.c). */
int64_t source_expected(const source *s);

/* A plain file named or found in a directory (not standard input, not inside an archive), of at
 * most max_bytes, copied out of the walk so that another thread can read it: the copy owns the
 * file's descriptor and the bytes sniffed from its start, and is read with source_read() (which
 * then leaves the walk's counts alone) and freed with source_free(). NULL for any other source
 * (or out of memory): it is read during the walk, as ever. */
source *source_detach(source *s, uint64_t max_bytes);
void source_free(source *detached);
/* A regular file smaller than this (a body-text cable, a short story) is read whole by the walk,
 * in one read(2) where the sniff and the reading took two, and its descriptor closed before it
 * is handed on. Only small files: one read whole waits in its batch while up to 1 MiB of others
 * is read after it, and is parsed with its bytes gone from the cache. On the 4,205 WikiLeaks
 * pages (70 KB each), --jobs 1, a bound of 1 MiB cost 8 % more CPU time (user +38 ms, system
 * -15 ms); the body-text files (8.7 KB) take 5 % less with this one. */
enum { SOURCE_WHOLE_MAX = 16 << 10 };
/* The bytes of a file the walk read whole, when nothing was read from it yet: a malloc'd buffer
 * of *cap bytes whose first *len hold the file's start (all of it unless the file was longer
 * than its size said), handed over to the caller (a reader takes it as its own: no copy);
 * source_read goes on after them. NULL for any other source. */
char *source_take_whole(source *s, size_t *len, size_t *cap);
/* The descriptor of a plain file as source_detach() would take it (any size), and its size, for
 * reading at offsets (pread) without moving the walk's position, and how many bytes of its
 * start were sniffed (read before it was handed on); -1 for any other source.
 * source_take_fd() then hands the descriptor over: the walk no longer reads nor closes it, and
 * counts the file's bytes as read (for progress). */
int source_plain_fd(const source *s, uint64_t *size, size_t *sniffed);
void source_take_fd(source *s);

typedef struct sources_walk {
	/* A stream to read (valid during the call); returns non-zero to stop the walk. */
	int (*on_source)(void *ctx, source *s);
	/* An input that cannot be read at all (missing, no permission, a damaged archive);
	 * returns non-zero to stop the walk. */
	int (*on_failed)(void *ctx, const char *name, const char *why);
	/* Something found but not read (a special file, an archive nested too deep, an archive
	 * with nothing in it): what says what it is. Returns non-zero to stop the walk. */
	int (*on_refused)(void *ctx, const char *name, cw_refusal why, const char *what);
	/* Damage inside a web archive (name): its code, where (offset and line of the inflated
	 * stream) and what; the reading goes on after it. May be NULL. */
	int (*on_damaged)(void *ctx, const char *name, const char *code, uint64_t offset,
			  uint32_t line, const char *message);
	/* Files never read as inputs (the run's own output and temporaries); may be NULL. */
	int (*skip_file)(dev_t dev, ino_t ino);
	void *ctx;
	/* A run of the top-level archive's members (emitters/convert/shard.c: an archive cut into
	 * shards): members [member_first, member_first + member_count) are walked as ever, the
	 * others skipped unread (their data is never sniffed nor handed on); member_count 0 goes
	 * to the end. Counted as the walk counts members (regular, not hidden; an archive inside
	 * counts as one). A file that is not an archive is walked whole. */
	size_t member_first, member_count;
	/* With on_member set, the top-level archive's members are only listed: each is given to
	 * it (its size, -1 when unknown) and none is read. Returns non-zero to stop. */
	int (*on_member)(void *ctx, int64_t size);
	size_t member_met;    /* top-level members met, skipped or not */
	uint64_t bytes_read;  /* bytes read from disk so far (archives: compressed bytes) */
	uint64_t warc_pages;  /* web archives: records read as pages */
	uint64_t warc_skipped[CW_WARC_SKIP_COUNT]; /* ... and records skipped, by kind */
	/* the walk's own state */
	struct walk_guard *guard;
	size_t members;       /* archive members met (nested archives included) */
	int archive_failed;   /* the archive being walked failed to open or broke */
	int archive_format;   /* libarchive's format of the archive walked last */
	int archive_compressed; /* ... and whether it was compressed (gzip, xz, ...) */
	int archive_lone;     /* ... and whether it was a lone compressed file (one stream) */
} sources_walk;

/* Returns non-zero when a callback stopped the walk. */
int sources_each(sources_walk *w, char *const *paths, int n);

/* The same for one stream held in memory (a file's bytes, an archive): for tests and the
 * archive fuzz target. */
int sources_each_memory(sources_walk *w, const char *name, const void *buf, size_t len);

/* The size on disk of every regular file the paths name (directories walked), for a progress
 * bar's percentage; 0 when unknown (standard input). */
uint64_t sources_total_bytes(char *const *paths, int n);

#endif
