#include "parser/input/content_coding.h"

#include <stdint.h>
#include <string.h>

const char *content_coding_name(warc_coding coding)
{
	switch (coding) {
	case WC_GZIP: return "gzip";
	case WC_DEFLATE: return "deflate";
	case WC_BROTLI: return "br";
	case WC_ZSTD: return "zstd";
	default: return "identity";
	}
}

int content_looks_encoded(warc_coding coding, const unsigned char *first, size_t n)
{
	static const unsigned char zstd_magic[4] = { 0x28, 0xb5, 0x2f, 0xfd };
	if (coding == WC_GZIP)
		return n < 2 || (first[0] == 0x1f && first[1] == 0x8b);
	if (coding == WC_ZSTD)
		return n < 4 || !memcmp(first, zstd_magic, 4);
	return 1;
}

int content_decoder_open(content_decoder *d, warc_coding coding, const unsigned char *first,
			 size_t n)
{
	memset(d, 0, sizeof *d);
	d->coding = coding;
	switch (coding) {
	case WC_GZIP:
	case WC_DEFLATE: {
		/* gzip or zlib's wrapper, told by their headers (MAX_WBITS + 32); a deflate body
		 * whose first two bytes are no zlib header is raw deflate. */
		int bits = MAX_WBITS + 32;
		if (coding == WC_DEFLATE && n >= 2 &&
		    ((first[0] & 0x0f) != 8 || ((first[0] << 8) | first[1]) % 31 != 0))
			bits = -MAX_WBITS;
		if (inflateInit2(&d->z, bits) != Z_OK)
			return -1;
		break;
	}
	case WC_BROTLI:
		if (!(d->br = BrotliDecoderCreateInstance(NULL, NULL, NULL)))
			return -1;
		break;
	case WC_ZSTD:
		/* A window of 8 MB at most, as RFC 9659 lets an HTTP recipient ask: a frame that
		 * claims more is refused, not a reason to hold that much. */
		if (!(d->zs = ZSTD_createDStream()) || ZSTD_isError(ZSTD_initDStream(d->zs)) ||
		    ZSTD_isError(ZSTD_DCtx_setParameter(d->zs, ZSTD_d_windowLogMax, 23))) {
			ZSTD_freeDStream(d->zs);
			d->zs = NULL;
			return -1;
		}
		break;
	default:
		return -1;
	}
	d->live = 1;
	return 0;
}

static content_step inflate_step(content_decoder *d, const unsigned char *in, size_t n,
				 size_t *used, unsigned char *out, size_t cap, size_t *made)
{
	d->z.next_in = (unsigned char *)(uintptr_t)in;
	d->z.avail_in = (uInt)n;
	d->z.next_out = out;
	d->z.avail_out = (uInt)cap;
	int z = inflate(&d->z, Z_NO_FLUSH);
	*used = n - d->z.avail_in;
	*made = cap - d->z.avail_out;
	if (z == Z_STREAM_END)
		return CONTENT_END;
	if (z == Z_MEM_ERROR)
		return CONTENT_NOMEM;
	return z == Z_OK || z == Z_BUF_ERROR ? CONTENT_MORE : CONTENT_BROKEN;
}

static content_step brotli_step(content_decoder *d, const unsigned char *in, size_t n,
				size_t *used, unsigned char *out, size_t cap, size_t *made)
{
	size_t avail_in = n, avail_out = cap;
	const uint8_t *next_in = in;
	uint8_t *next_out = out;
	BrotliDecoderResult r = BrotliDecoderDecompressStream(d->br, &avail_in, &next_in,
							      &avail_out, &next_out, NULL);
	*used = n - avail_in;
	*made = cap - avail_out;
	switch (r) {
	case BROTLI_DECODER_RESULT_SUCCESS: return CONTENT_END;
	case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
	case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: return CONTENT_MORE;
	default:
		return BrotliDecoderGetErrorCode(d->br) <= BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES &&
				       BrotliDecoderGetErrorCode(d->br) >= BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES
			       ? CONTENT_NOMEM : CONTENT_BROKEN;
	}
}

/* A zstd body may hold several frames one after another: between two, the body may end. */
static content_step zstd_step(content_decoder *d, const unsigned char *in, size_t n, size_t *used,
			      unsigned char *out, size_t cap, size_t *made)
{
	ZSTD_inBuffer ib = { in, n, 0 };
	ZSTD_outBuffer ob = { out, cap, 0 };
	size_t r = ZSTD_decompressStream(d->zs, &ob, &ib);
	*used = ib.pos;
	*made = ob.pos;
	if (ZSTD_isError(r))
		return ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation ? CONTENT_NOMEM
									  : CONTENT_BROKEN;
	if (ib.pos || ob.pos) /* asked again with nothing to give, it hints at the next frame */
		d->at_rest = r == 0;
	return CONTENT_MORE;
}

content_step content_decoder_step(content_decoder *d, const unsigned char *in, size_t n,
				  size_t *used, unsigned char *out, size_t cap, size_t *made)
{
	switch (d->coding) {
	case WC_GZIP:
	case WC_DEFLATE: return inflate_step(d, in, n, used, out, cap, made);
	case WC_BROTLI: return brotli_step(d, in, n, used, out, cap, made);
	case WC_ZSTD: return zstd_step(d, in, n, used, out, cap, made);
	default:
		*used = *made = 0;
		return CONTENT_BROKEN;
	}
}

void content_decoder_close(content_decoder *d)
{
	if (!d->live)
		return;
	if (d->coding == WC_GZIP || d->coding == WC_DEFLATE)
		inflateEnd(&d->z);
	if (d->br)
		BrotliDecoderDestroyInstance(d->br);
	ZSTD_freeDStream(d->zs); /* NULL is no stream */
	d->br = NULL;
	d->zs = NULL;
	d->live = 0;
}
