/* Shared by the fuzz targets: parse an input whole and in chunks, every emitter writing what was
 * parsed, and insist both give the same bytes. Header-only: each target is one translation unit. */
#ifndef CW_FUZZ_COMMON_H
#define CW_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cablewire.h"

typedef struct outbuf {
	char *p;
	size_t n, cap;
} outbuf;

static int collect(void *ctx, const char *buf, size_t len)
{
	outbuf *o = ctx;
	if (o->n + len > o->cap) {
		size_t cap = (o->n + len) * 2 + 64;
		char *p = realloc(o->p, cap);
		if (!p)
			return -1;
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->n, buf, len);
	o->n += len;
	return 0;
}

/* Parses data in chunks (chunk == 0: whole) and returns every format's output concatenated. */
static outbuf run(const cw_options *opt, const uint8_t *data, size_t size, size_t chunk)
{
	outbuf out = { NULL, 0, 0 };
	cw_emitter *em[CW_FORMAT_COUNT];
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		em[f] = cw_emitter_new((cw_format)f, collect, &out, f == CW_FORMAT_JSON);
	cw_reader *rd = cw_reader_new(opt, "fuzz");
	size_t step = chunk ? chunk : (size ? size : 1);
	cw_record *rec;
	for (size_t i = 0; i < size; i += step) {
		size_t n = size - i < step ? size - i : step;
		cw_reader_feed(rd, (const char *)data + i, n);
		while (cw_reader_next(rd, &rec) == CW_OK) {
			for (int f = 0; f < CW_FORMAT_COUNT; f++)
				cw_emit(em[f], rec);
			cw_record_free(rec);
		}
	}
	cw_reader_finish(rd);
	while (cw_reader_next(rd, &rec) == CW_OK) {
		for (int f = 0; f < CW_FORMAT_COUNT; f++)
			cw_emit(em[f], rec);
		cw_record_free(rec);
	}
	for (int f = 0; f < CW_FORMAT_COUNT; f++) {
		cw_emitter_finish(em[f]);
		cw_emitter_free(em[f]);
	}
	cw_reader_free(rd);
	return out;
}

/* Whole and chunked parses of data in the given form must agree; aborts when they do not. */
static void check_form(cw_options *opt, cw_form form, const uint8_t *data, size_t size)
{
	cw_options_set_form(opt, form);
	outbuf whole = run(opt, data, size, 0);
	if (size > 0) {
		size_t chunk = 1 + data[0] % 61;
		outbuf parts = run(opt, data, size, chunk);
		if (whole.n != parts.n || memcmp(whole.p, parts.p, whole.n) != 0)
			abort(); /* chunked input must not change the result */
		free(parts.p);
	}
	free(whole.p);
}

#endif
