/* Input in UTF-16 or UTF-32 with a byte-order mark (Windows "Unicode" text, a page saved as
 * UTF-16): decoded to UTF-8 as it is fed, so the form is detected and the telegram recognised
 * like any other input. Without a mark the bytes are taken as they are (UTF-8, or Windows-1252). */
#ifndef CW_WIDE_H
#define CW_WIDE_H

#include <stddef.h>
#include <stdint.h>

enum wide_encoding { WIDE_UNKNOWN = 0, WIDE_NONE, WIDE_UTF16LE, WIDE_UTF16BE, WIDE_UTF32LE,
		     WIDE_UTF32BE };

typedef struct wide_state {
	int enc;
	unsigned char held[4];   /* the start until the mark is known; later a code unit cut by
				  * the end of a chunk */
	size_t held_len;
	uint32_t high;           /* a high surrogate waiting for its low half */
} wide_state;

/* Receives decoded (or passed-through) bytes; returns 0, or -1 to stop (out of memory). */
typedef int (*wide_sink)(void *ctx, const char *buf, size_t len);

/* Feeds input bytes; final says they are the last. Returns 0 or the sink's -1. */
int wide_feed(wide_state *w, const unsigned char *in, size_t len, int final, wide_sink out,
	      void *ctx);
/* Bytes p[0, n) read in place, before anything was fed: when they start without a byte-order
 * mark (n >= 4, nothing held), decides that the input passes through as it is and returns 1;
 * else 0, and they must be fed through wide_feed. */
int wide_pass_through(wide_state *w, const unsigned char *p, size_t n);
/* 1 when fed bytes go through unchanged (decided: no byte-order mark). */
static inline int wide_passes(const wide_state *w) { return w->enc == WIDE_NONE; }
/* "UTF-16LE", ... for a decoded input; NULL when the bytes were passed through. */
const char *wide_name(const wide_state *w);

#endif
