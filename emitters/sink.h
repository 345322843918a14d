/* The one output path of every emitter: a buffer in front of the caller's write callback, and the
 * escaping cores (JSON strings and XML text by code point; invalid UTF-8 never reaches the
 * output). */
#ifndef CW_SINK_H
#define CW_SINK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cablewire.h"

/* A JSON key met before, with the comma before it, its quotes, colon and the space a pretty
 * output puts after it. */
enum { SINK_KEYS = 1024, SINK_KEY_BYTES = 48 }; /* SINK_KEYS / 2 sets of two */
typedef struct sink_key {
	const char *key;  /* the catalogue's string literal: its address names it */
	uint32_t len;     /* of "key": without the comma and the space */
	char text[SINK_KEY_BYTES];
} sink_key;

typedef struct sink {
	cw_write_fn write;
	void *ctx;
	int err;
	size_t len;
	char buf[64 * 1024];
	/* Keys written before (emitters/json.c), by address: every record writes the same two
	 * hundred keys, each checked for escapes byte by byte until they were kept ready. */
	sink_key keys[SINK_KEYS];
} sink;

void sink_init(sink *s, cw_write_fn write, void *ctx);
/* Flushing, direct writes of what does not fit, and errors: the part of sink_put and
 * sink_putc that is not inlined. */
void sink_put_slow(sink *s, const char *p, size_t n);
void sink_putc_slow(sink *s, char c);

/* Called for every key and value of every record: what fits in the buffer is copied inline. */
static inline void sink_put(sink *s, const char *p, size_t n)
{
	if (!s->err && n <= sizeof s->buf - s->len) {
		memcpy(s->buf + s->len, p, n);
		s->len += n;
	} else {
		sink_put_slow(s, p, n);
	}
}

static inline void sink_putc(sink *s, char c)
{
	if (!s->err && s->len < sizeof s->buf)
		s->buf[s->len++] = c;
	else
		sink_putc_slow(s, c);
}

void sink_puts(sink *s, const char *str);
void sink_int(sink *s, int64_t v);
/* Returns 0, or -1 when the callback reported an error (now or before). */
int sink_flush(sink *s);

/* Decodes one UTF-8 code point at p (n bytes available); returns its length, or 0 for an
 * invalid sequence (*cp is then U+FFFD and one byte should be skipped). */
size_t utf8_next(const unsigned char *p, size_t n, uint32_t *cp);
/* Text as it is, each byte that is not UTF-8 written as U+FFFD: a record's strings are UTF-8
 * but for names (a file or archive member named in raw bytes), and the output always is. */
void sink_utf8_text(sink *s, const char *str, size_t n);

/* A JSON string literal with quotes. */
void sink_json_string(sink *s, const char *p, size_t n);

/* An RFC 4180 field: quoted when it holds a comma, quote or line end, quotes doubled; a leading
 * = + - @ TAB CR is prefixed with an apostrophe (and quoted) so spreadsheets do not run it. */
void sink_csv_field(sink *s, const char *p, size_t n);
/* XML character data (no quotes around it): & < > as entities, CR as &#13; (a parser would turn
 * a literal CR into LF); what XML 1.0 forbids (C0 controls other than TAB, LF and CR, U+FFFE,
 * U+FFFF) and invalid UTF-8 (each bad byte) become U+FFFD, so the output is always well formed. */
void sink_xml_text(sink *s, const char *p, size_t n);
/* The same for an attribute value written between double quotes: " and TAB and LF as character
 * references too (attribute-value normalisation would turn them into spaces). */
void sink_xml_attr(sink *s, const char *p, size_t n);
/* An XML element name from a record key: ASCII letters, digits, '_', '-' and '.' are kept (a
 * first character that is not a letter or '_' is escaped too), any other byte is written _xHH_
 * (two uppercase hex digits); an empty key is "_". Keys are lowercase snake_case, so in practice
 * the name is the key. */
void sink_xml_name(sink *s, const char *p, size_t n);

#endif
