#include "emitters/sink.h"

#include <stdio.h>
#include <string.h>

#include "lexer/core/runs.h"

void sink_init(sink *s, cw_write_fn write, void *ctx)
{
	s->write = write;
	s->ctx = ctx;
	s->err = 0;
	s->len = 0;
	for (size_t i = 0; i < SINK_KEYS; i++)
		s->keys[i].key = NULL;
}

int sink_flush(sink *s)
{
	if (s->len && !s->err && s->write(s->ctx, s->buf, s->len) != 0)
		s->err = 1;
	s->len = 0;
	return s->err ? -1 : 0;
}

void sink_put_slow(sink *s, const char *p, size_t n)
{
	if (s->err)
		return;
	if (n > sizeof s->buf - s->len) {
		sink_flush(s);
		if (n >= sizeof s->buf) {
			if (!s->err && s->write(s->ctx, p, n) != 0)
				s->err = 1;
			return;
		}
	}
	memcpy(s->buf + s->len, p, n);
	s->len += n;
}

void sink_puts(sink *s, const char *str) { sink_put(s, str, strlen(str)); }

void sink_putc_slow(sink *s, char c)
{
	if (s->len == sizeof s->buf)
		sink_flush(s);
	if (!s->err)
		s->buf[s->len++] = c;
}

void sink_int(sink *s, int64_t v)
{
	/* Every record has a handful of numbers: digits by hand, not through snprintf. */
	/* two digits a division: the paragraphs' offsets have three to six */
	static const char pairs[] = "00010203040506070809101112131415161718192021222324"
				    "25262728293031323334353637383940414243444546474849"
				    "50515253545556575859606162636465666768697071727374"
				    "75767778798081828384858687888990919293949596979899";
	char b[24];
	size_t i = sizeof b;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	while (u >= 100) {
		const char *d = pairs + 2 * (u % 100);
		u /= 100;
		b[--i] = d[1];
		b[--i] = d[0];
	}
	if (u >= 10) {
		b[--i] = pairs[2 * u + 1];
		b[--i] = pairs[2 * u];
	} else {
		b[--i] = (char)('0' + u);
	}
	if (v < 0)
		b[--i] = '-';
	sink_put(s, b + i, sizeof b - i);
}

size_t utf8_next(const unsigned char *p, size_t n, uint32_t *cp)
{
	*cp = 0xFFFD;
	if (n == 0)
		return 0;
	unsigned c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, v = c & 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, v = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, v = c & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

void sink_utf8_text(sink *s, const char *str, size_t n)
{
	const unsigned char *p = (const unsigned char *)str;
	size_t run = 0, i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_next(p + i, n - i, &cp);
		if (len) {
			i += len;
			continue;
		}
		sink_put(s, str + run, i - run);
		sink_put(s, "\xef\xbf\xbd", 3); /* U+FFFD */
		run = ++i;
	}
	sink_put(s, str + run, n - run);
}

/* The rest of a JSON string from p + i, the run before it (bytes [i - run, i), which need no
 * escaping) not yet written: the escaping way, out of sink_json_string's line (its registers
 * and frame cost the plain strings, nearly all, a fifth of their writing). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void json_string_rest(sink *s, const unsigned char *p, size_t n, size_t i, size_t run)
{
	static const char hexd[] = "0123456789abcdef";
	sink_putc(s, '"');
	while (i < n) {
		/* Printable ASCII but quote and backslash goes out as it is: a word at a time. */
		size_t skip = (size_t)(runs_printable(p + i, p + n, '"', '\\', '"') - (p + i));
		run += skip;
		i += skip;
		if (i == n)
			break;
		unsigned c = p[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			run++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t len = c < 0x80 ? 1 : utf8_next(p + i, n - i, &cp);
		if (c >= 0x80 && len) {
			run += len;
			i += len;
			continue;
		}
		sink_put(s, (const char *)p + i - run, run);
		run = 0;
		if (c >= 0x80) {
			sink_puts(s, "\\ufffd");
			i++;
			continue;
		}
		switch (c) {
		case '"': sink_puts(s, "\\\""); break;
		case '\\': sink_puts(s, "\\\\"); break;
		case '\n': sink_puts(s, "\\n"); break;
		case '\t': sink_puts(s, "\\t"); break;
		case '\r': sink_puts(s, "\\r"); break;
		case '\b': sink_puts(s, "\\b"); break;
		case '\f': sink_puts(s, "\\f"); break;
		default: {
			char e[6] = { '\\', 'u', '0', '0', hexd[c >> 4], hexd[c & 15] };
			sink_put(s, e, 6);
		}
		}
		i++;
	}
	sink_put(s, (const char *)p + n - run, run);
	sink_putc(s, '"');
}

void sink_json_string(sink *s, const char *str, size_t n)
{
	const unsigned char *p = (const unsigned char *)str;
	size_t i = 0;
	/* Most strings (every key, most values) fit the buffer and hold nothing to escape: they are
	 * checked and copied in one pass a word at a time, quotes included. At the first byte that
	 * needs a look, what was copied stays counted as the run and the loop below goes on. */
	if (!s->err && n + 2 <= sizeof s->buf - s->len) {
		char *o = s->buf + s->len + 1;
#ifdef RUNS_SSE2
		const __m128i sp = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
		const __m128i quote = _mm_set1_epi8('"'), bsl = _mm_set1_epi8('\\');
		for (; n - i >= 16; i += 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			__m128i bad = _mm_or_si128(_mm_cmplt_epi8(w, sp), _mm_cmpeq_epi8(w, del));
			bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(w, quote),
							     _mm_cmpeq_epi8(w, bsl)));
			if (_mm_movemask_epi8(bad))
				break; /* the word loop finds the byte */
			_mm_storeu_si128((__m128i *)(void *)(o + i), w);
		}
		/* The last bytes of a string of sixteen or more: the block that ends with it, over
		 * bytes checked already (byte by byte, the tails were a third of this function's
		 * cost on news stories). */
		if (n - i < 16 && i < n && n >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + n - 16));
			__m128i bad = _mm_or_si128(_mm_cmplt_epi8(w, sp), _mm_cmpeq_epi8(w, del));
			bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(w, quote),
							     _mm_cmpeq_epi8(w, bsl)));
			if (_mm_movemask_epi8(bad))
				goto escape;
			_mm_storeu_si128((__m128i *)(void *)(o + n - 16), w);
			i = n;
		}
#endif
		for (; n - i >= 8; i += 8) {
			uint64_t w = runs_load(p + i);
			if (runs_unprintable(w) | runs_has(w, '"') | runs_has(w, '\\'))
				goto escape;
			memcpy(o + i, &w, 8);
		}
		/* the same for the last bytes of a string of eight or more */
		if (i < n && n >= 8) {
			uint64_t w = runs_load(p + n - 8);
			if (runs_unprintable(w) | runs_has(w, '"') | runs_has(w, '\\'))
				goto escape;
			memcpy(o + n - 8, &w, 8);
			i = n;
		}
		/* A string of four to seven bytes (most of a news record's short values: "anpa",
		 * "urgent", "TRAIN", "5544"): its first four and last four bytes, overlapping, as
		 * one word (byte by byte they were a quarter of this function's cost on Reuters). */
		if (i == 0 && n >= 4 && n < 8) {
			uint32_t lo, hi;
			memcpy(&lo, p, 4);
			memcpy(&hi, p + n - 4, 4);
			uint64_t w = (uint64_t)lo | (uint64_t)hi << 32;
			if (runs_unprintable(w) | runs_has(w, '"') | runs_has(w, '\\'))
				goto escape;
			memcpy(o, &lo, 4);
			memcpy(o + n - 4, &hi, 4);
			i = n;
		}
		for (; i < n; i++) {
			unsigned c = p[i];
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
				goto escape;
			o[i] = (char)c;
		}
		o[-1] = '"';
		o[n] = '"';
		s->len += n + 2;
		return;
	escape:
		json_string_rest(s, p, n, i, i);
		return;
	}
	json_string_rest(s, p, n, 0, 0);
}

void sink_csv_field(sink *s, const char *str, size_t n)
{
	const unsigned char *p = (const unsigned char *)str;
	/* A cell a spreadsheet would run as a formula gets a leading apostrophe (the OWASP rule). */
	int formula = n && (p[0] == '=' || p[0] == '+' || p[0] == '-' || p[0] == '@' || p[0] == '\t' ||
			    p[0] == '\r');
	int quote = formula;
	for (size_t i = 0; i < n && !quote; i++)
		quote = p[i] == ',' || p[i] == '"' || p[i] == '\n' || p[i] == '\r';
	if (quote)
		sink_putc(s, '"');
	if (formula)
		sink_putc(s, '\'');
	size_t run = 0;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		if (c >= 0x20 && c < 0x80 && c != '"') {
			run++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t len = c < 0x80 ? 1 : utf8_next(p + i, n - i, &cp);
		if (c >= 0x80 && len) {
			run += len;
			i += len;
			continue;
		}
		sink_put(s, (const char *)p + i - run, run);
		run = 0;
		if (c >= 0x80)
			sink_puts(s, "\xef\xbf\xbd"); /* invalid UTF-8: U+FFFD */
		else if (c == '"')
			sink_put(s, "\"\"", 2);
		else if (c == '\n' || c == '\t' || c == '\r')
			sink_putc(s, (char)c);
		/* other C0 controls are dropped: no spreadsheet shows them */
		i++;
	}
	sink_put(s, (const char *)p + n - run, run);
	if (quote)
		sink_putc(s, '"');
}

/* Whether XML 1.0 allows the code point as a character (surrogates never come out of utf8_next). */
static int xml_char(uint32_t cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xFFFE && cp != 0xFFFF;
}

static void xml_escape(sink *s, const char *str, size_t n, int attr)
{
	const unsigned char *p = (const unsigned char *)str;
	size_t run = 0; /* bytes written as they are, in one go */
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		const char *e;
		size_t len = 1;
		if (c >= 0x80) {
			uint32_t cp;
			len = utf8_next(p + i, n - i, &cp);
			if (len && xml_char(cp)) {
				run += len;
				i += len;
				continue;
			}
			e = "\xef\xbf\xbd"; /* U+FFFD: invalid UTF-8 (one byte), U+FFFE, U+FFFF */
			if (!len)
				len = 1;
		} else if (c == '&') {
			e = "&amp;";
		} else if (c == '<') {
			e = "&lt;";
		} else if (c == '>') {
			e = "&gt;";
		} else if (c == '"' && attr) {
			e = "&quot;";
		} else if (c == '\r') {
			e = "&#13;";
		} else if ((c == '\t' || c == '\n') && attr) {
			e = c == '\t' ? "&#9;" : "&#10;";
		} else if (c < 0x20 && c != '\t' && c != '\n') {
			e = "\xef\xbf\xbd"; /* U+FFFD: a C0 control XML 1.0 does not allow */
		} else {
			run++;
			i++;
			continue;
		}
		sink_put(s, (const char *)p + i - run, run);
		run = 0;
		sink_puts(s, e);
		i += len;
	}
	sink_put(s, (const char *)p + n - run, run);
}

void sink_xml_text(sink *s, const char *p, size_t n) { xml_escape(s, p, n, 0); }

void sink_xml_attr(sink *s, const char *p, size_t n) { xml_escape(s, p, n, 1); }

void sink_xml_name(sink *s, const char *str, size_t n)
{
	static const char hexd[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)str;
	if (n == 0)
		sink_putc(s, '_');
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
		int more = (c >= '0' && c <= '9') || c == '-' || c == '.';
		if (letter || (i > 0 && more)) {
			sink_putc(s, (char)c);
		} else {
			char e[5] = { '_', 'x', hexd[c >> 4], hexd[c & 15], '_' };
			sink_put(s, e, 5);
		}
	}
}
