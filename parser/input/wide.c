#include "parser/input/wide.h"

#include <string.h>

#include "lexer/input/decoder.h"

/* Decides from the first four bytes (fewer at the end of a short input). */
static int sniff(const unsigned char *p, size_t n)
{
	if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0)
		return WIDE_UTF32LE;
	if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF)
		return WIDE_UTF32BE;
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return WIDE_UTF16LE;
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return WIDE_UTF16BE;
	return WIDE_NONE;
}

static size_t bom_length(int enc)
{
	return enc == WIDE_UTF32LE || enc == WIDE_UTF32BE ? 4 : 2;
}

/* One code point (or U+FFFD for a surrogate out of place, a value above U+10FFFF) as UTF-8. */
static size_t put_cp(uint32_t cp, char *out)
{
	if (cp == 0) {
		out[0] = '\0'; /* kept: decoding reports and removes NUL bytes */
		return 1;
	}
	size_t n = utf8_encode(cp, out);
	if (!n)
		n = utf8_encode(0xFFFD, out);
	return n;
}

enum { OUT_BLOCK = 16 * 1024 };

int wide_feed(wide_state *w, const unsigned char *in, size_t len, int final, wide_sink out,
	      void *ctx)
{
	if (w->enc == WIDE_UNKNOWN) {
		while (w->held_len < 4 && len) {
			w->held[w->held_len++] = *in++;
			len--;
		}
		if (w->held_len < 4 && !final)
			return 0;
		w->enc = sniff(w->held, w->held_len);
		size_t skip = w->enc == WIDE_NONE ? 0 : bom_length(w->enc);
		unsigned char start[4];
		size_t start_len = w->held_len - skip;
		memcpy(start, w->held + skip, start_len);
		w->held_len = 0;
		if (w->enc == WIDE_NONE)
			return start_len && out(ctx, (const char *)start, start_len) != 0 ? -1
			       : len ? out(ctx, (const char *)in, len) : 0;
		if (start_len && wide_feed(w, start, start_len, 0, out, ctx) != 0)
			return -1;
	}
	if (w->enc == WIDE_NONE)
		return len ? out(ctx, (const char *)in, len) : 0;

	int utf32 = w->enc == WIDE_UTF32LE || w->enc == WIDE_UTF32BE;
	int big = w->enc == WIDE_UTF16BE || w->enc == WIDE_UTF32BE;
	size_t unit = utf32 ? 4 : 2;
	char buf[OUT_BLOCK + 8];
	size_t o = 0;
	size_t i = 0;
	while (i < len) {
		/* complete a code unit held from the last chunk first */
		unsigned char u[4];
		if (w->held_len) {
			while (w->held_len < unit && i < len)
				w->held[w->held_len++] = in[i++];
			if (w->held_len < unit)
				break;
			memcpy(u, w->held, unit);
			w->held_len = 0;
		} else if (len - i >= unit) {
			memcpy(u, in + i, unit);
			i += unit;
		} else {
			while (i < len)
				w->held[w->held_len++] = in[i++];
			break;
		}
		uint32_t v = utf32 ? (big ? (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 |
						    (uint32_t)u[2] << 8 | u[3]
					  : (uint32_t)u[3] << 24 | (uint32_t)u[2] << 16 |
						    (uint32_t)u[1] << 8 | u[0])
				   : (big ? (uint32_t)u[0] << 8 | u[1] : (uint32_t)u[1] << 8 | u[0]);
		if (!utf32 && v >= 0xD800 && v <= 0xDBFF) {
			if (w->high)
				o += put_cp(0xFFFD, buf + o); /* two high halves in a row */
			w->high = v;
			continue;
		}
		if (!utf32 && v >= 0xDC00 && v <= 0xDFFF && w->high) {
			v = 0x10000 + ((w->high - 0xD800) << 10) + (v - 0xDC00);
			w->high = 0;
		} else if (w->high) {
			o += put_cp(0xFFFD, buf + o); /* a high half without its low one */
			w->high = 0;
		}
		o += put_cp(v, buf + o);
		if (o >= OUT_BLOCK) {
			if (out(ctx, buf, o) != 0)
				return -1;
			o = 0;
		}
	}
	if (final && (w->held_len || w->high)) {
		/* the input ends inside a character */
		o += put_cp(0xFFFD, buf + o);
		w->held_len = 0;
		w->high = 0;
	}
	return o ? out(ctx, buf, o) : 0;
}

int wide_pass_through(wide_state *w, const unsigned char *p, size_t n)
{
	if (w->enc == WIDE_NONE)
		return 1;
	if (w->enc != WIDE_UNKNOWN || w->held_len || n < 4 || sniff(p, n) != WIDE_NONE)
		return 0;
	w->enc = WIDE_NONE;
	return 1;
}

const char *wide_name(const wide_state *w)
{
	switch (w->enc) {
	case WIDE_UTF16LE: return "UTF-16LE";
	case WIDE_UTF16BE: return "UTF-16BE";
	case WIDE_UTF32LE: return "UTF-32LE";
	case WIDE_UTF32BE: return "UTF-32BE";
	default: return NULL;
	}
}
