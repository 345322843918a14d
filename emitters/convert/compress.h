/* Compressed outputs: an output named OUT.FORMAT.gz (.xz, .zst, .bz2) is written through
 * libarchive's write filters (raw format: the bytes of one stream, compressed), not by hand. */
#ifndef CW_CONVERT_COMPRESS_H
#define CW_CONVERT_COMPRESS_H

#include <stddef.h>
#include <stdio.h>

typedef enum compression {
	COMPRESS_NONE = 0,
	COMPRESS_GZIP,
	COMPRESS_XZ,
	COMPRESS_ZSTD,
	COMPRESS_BZIP2
} compression;

/* The compression a name's last extension asks for (case-insensitive); *suffix_len, when not
 * NULL, the length of that extension (".gz": 3), 0 for none. */
compression compression_from_path(const char *path, size_t *suffix_len);

typedef struct compressor compressor;

/* A compressed stream written to f (which stays the caller's); NULL with a message in err. */
compressor *compressor_new(compression kind, FILE *f, char *err, size_t errlen);
/* Returns 0, or -1 (a write error of f, or libarchive's). */
int compressor_write(compressor *c, const char *buf, size_t len);
/* Ends the stream and frees c; returns 0, or -1 when the end could not be written. */
int compressor_close(compressor *c);

#endif
