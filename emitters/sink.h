/* The one output path of every emitter: a buffer in front of the caller's write callback, and the
 * escaping cores (JSON strings by code point; invalid UTF-8 never reaches the output). */
#ifndef CW_SINK_H
#define CW_SINK_H

#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"

typedef struct sink {
	cw_write_fn write;
	void *ctx;
	int err;
	size_t len;
	char buf[64 * 1024];
} sink;

void sink_init(sink *s, cw_write_fn write, void *ctx);
void sink_put(sink *s, const char *p, size_t n);
void sink_puts(sink *s, const char *str);
void sink_putc(sink *s, char c);
void sink_int(sink *s, int64_t v);
/* Returns 0, or -1 when the callback reported an error (now or before). */
int sink_flush(sink *s);

/* Decodes one UTF-8 code point at p (n bytes available); returns its length, or 0 for an
 * invalid sequence (*cp is then U+FFFD and one byte should be skipped). */
size_t utf8_next(const unsigned char *p, size_t n, uint32_t *cp);

/* A JSON string literal with quotes. */
void sink_json_string(sink *s, const char *p, size_t n);

/* An RFC 4180 field: quoted when it holds a comma, quote or line end, quotes doubled; a leading
 * = + - @ TAB CR is prefixed with an apostrophe (and quoted) so spreadsheets do not run it. */
void sink_csv_field(sink *s, const char *p, size_t n);

#endif
