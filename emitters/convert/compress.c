#include "emitters/convert/compress.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *ending;
	compression kind;
} endings[] = {
	{ ".gz", COMPRESS_GZIP },
	{ ".xz", COMPRESS_XZ },
	{ ".zst", COMPRESS_ZSTD },
	{ ".bz2", COMPRESS_BZIP2 },
};

compression compression_from_path(const char *path, size_t *suffix_len)
{
	size_t len = path ? strlen(path) : 0;
	for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
		size_t n = strlen(endings[i].ending);
		if (len > n && strcasecmp(path + len - n, endings[i].ending) == 0) {
			if (suffix_len)
				*suffix_len = n;
			return endings[i].kind;
		}
	}
	if (suffix_len)
		*suffix_len = 0;
	return COMPRESS_NONE;
}

struct compressor {
	struct archive *a;
	FILE *f;
	int failed;
};

/* libarchive hands the compressed bytes here. */
static la_ssize_t write_out(struct archive *a, void *ctx, const void *buf, size_t len)
{
	(void)a;
	compressor *c = ctx;
	if (fwrite(buf, 1, len, c->f) != len) {
		c->failed = 1;
		return -1;
	}
	return (la_ssize_t)len;
}

static int add_filter(struct archive *a, compression kind)
{
	switch (kind) {
	case COMPRESS_GZIP: return archive_write_add_filter_gzip(a);
	case COMPRESS_XZ: return archive_write_add_filter_xz(a);
	case COMPRESS_ZSTD: return archive_write_add_filter_zstd(a);
	case COMPRESS_BZIP2: return archive_write_add_filter_bzip2(a);
	default: return ARCHIVE_FATAL;
	}
}

compressor *compressor_new(compression kind, FILE *f, char *err, size_t errlen)
{
	compressor *c = calloc(1, sizeof(*c));
	struct archive_entry *e = archive_entry_new();
	if (!c || !e || !(c->a = archive_write_new())) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	c->f = f;
	/* The raw format: one stream, no archive around it; the filter compresses it. Writing
	 * block by block as the data comes (no padding of the last block). */
	if (archive_write_set_format_raw(c->a) != ARCHIVE_OK || add_filter(c->a, kind) != ARCHIVE_OK ||
	    archive_write_set_bytes_in_last_block(c->a, 1) != ARCHIVE_OK ||
	    archive_write_open2(c->a, c, NULL, write_out, NULL, NULL) != ARCHIVE_OK) {
		snprintf(err, errlen, "cannot compress: %s", archive_error_string(c->a));
		goto fail;
	}
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_pathname(e, "data");
	if (archive_write_header(c->a, e) != ARCHIVE_OK) {
		snprintf(err, errlen, "cannot compress: %s", archive_error_string(c->a));
		goto fail;
	}
	archive_entry_free(e);
	return c;
fail:
	archive_entry_free(e);
	if (c && c->a)
		archive_write_free(c->a);
	free(c);
	return NULL;
}

int compressor_write(compressor *c, const char *buf, size_t len)
{
	while (len > 0 && !c->failed) {
		la_ssize_t n = archive_write_data(c->a, buf, len);
		if (n <= 0) {
			c->failed = 1;
			break;
		}
		buf += n;
		len -= (size_t)n;
	}
	return c->failed ? -1 : 0;
}

int compressor_close(compressor *c)
{
	if (!c)
		return 0;
	if (archive_write_close(c->a) != ARCHIVE_OK)
		c->failed = 1;
	archive_write_free(c->a);
	int rc = c->failed ? -1 : 0;
	free(c);
	return rc;
}
