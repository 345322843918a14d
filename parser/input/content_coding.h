/* The HTTP content codings of a web archive's pages, decoded as the body streams: gzip and
 * deflate (zlib), br (Brotli, libbrotlidec) and zstd (libzstd), as crawlers store what servers
 * sent (browser-based crawlers ask for all four). The caller hands the encoded body in pieces and
 * takes decoded bytes out; nothing is held beyond the libraries' own windows. */
#ifndef CW_INPUT_CONTENT_CODING_H
#define CW_INPUT_CONTENT_CODING_H

#include <stddef.h>

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "lexer/input/warc.h"

typedef struct content_decoder {
	warc_coding coding;
	z_stream z;                 /* gzip, deflate */
	BrotliDecoderState *br;     /* br */
	ZSTD_DStream *zs;           /* zstd */
	int live;                   /* a library state is held (content_decoder_close frees it) */
	int at_rest;                /* the input so far is whole: it may end here (zstd: between
				     * frames) */
} content_decoder;

typedef enum content_step {
	CONTENT_MORE,   /* give more input (or room) */
	CONTENT_END,    /* the compressed stream is complete: what follows it is not read */
	CONTENT_BROKEN, /* the bytes do not decode */
	CONTENT_NOMEM
} content_step;

/* Starts decoding a body in coding (not WC_IDENTITY or WC_UNKNOWN); first is the body's start
 * (deflate's zlib wrapper, which RFC 9110 asks for and servers often leave out, is told from
 * it). Returns 0, or -1 when out of memory. */
int content_decoder_open(content_decoder *d, warc_coding coding, const unsigned char *first,
			 size_t n);
/* Decodes from in (n bytes; *used says how many were taken) into out (cap bytes; *made says how
 * many were written). */
content_step content_decoder_step(content_decoder *d, const unsigned char *in, size_t n,
				  size_t *used, unsigned char *out, size_t cap, size_t *made);
void content_decoder_close(content_decoder *d);

/* 1 when a body sent in coding starts as that coding's stream does (gzip's and zstd's magic
 * numbers): a body that does not was stored decoded under its original header, as some crawlers
 * do. Codings without a magic number (deflate, br) always say 1. */
int content_looks_encoded(warc_coding coding, const unsigned char *first, size_t n);

/* "gzip", "deflate", "br", "zstd". */
const char *content_coding_name(warc_coding coding);

#endif
