/* Decoding helpers shared by every form's decoder (see decoder.h). */
#include "lexer/input/decoder.h"

#include "lexer/core/text.h"

/* Windows-1252 0x80-0x9F (0 where the code page leaves a hole); 0xA0-0xFF are Latin-1. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
	0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

uptr dec_ahead_find(dec_ahead *a, uptr p, uptr lim, unsigned char c1, unsigned char c2)
{
	if (a->from && a->from <= p && p <= a->at)
		return a->at;
	uptr q = p;
	while (q < lim && *q != c1 && *q != c2 && *q != 0)
		q++;
	a->from = p;
	a->at = q;
	return q;
}

void dec_bad_byte(decoder *d, uptr p)
{
	if (d->cp1252) {
		unsigned c = *p;
		unsigned long cp = cp1252_char(c);
		char buf[4];
		size_t n = cp ? utf8_encode(cp, buf) : 0;
		if (n) {
			dec_subst(d, buf, n, p);
			return;
		}
	}
	if (d->bad_bytes++ == 0)
		d->first_bad = dec_at(d, p);
	dec_subst(d, "\xef\xbf\xbd", 3, p); /* U+FFFD */
}

void dec_control(decoder *d, uptr p)
{
	if (d->controls++ == 0)
		d->first_control = dec_at(d, p);
	dec_subst(d, " ", 1, p);
}

void dec_nul(decoder *d, uptr p)
{
	if (d->nuls++ == 0)
		d->first_nul = dec_at(d, p);
}

size_t utf8_encode(unsigned long cp, char out[4])
{
	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* &#x000A; &#10; -> the character; anything unusable stays as written. */
void dec_numeric_entity(decoder *d, uptr s, uptr e)
{
	uptr p = s + 2;
	int hexa = (*p == 'x' || *p == 'X');
	if (hexa)
		p++;
	unsigned long cp = 0;
	for (; p < e - 1 && cp <= 0x10FFFF; p++) {
		unsigned c = *p;
		unsigned v = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
		cp = cp * (hexa ? 16 : 10) + v;
	}
	char buf[4];
	size_t n = cp == '\r' ? 0 : utf8_encode(cp, buf);
	if (cp == '\r')
		return; /* &#x000D; before &#x000A; */
	if (n == 0 || (cp < 0x20 && cp != '\n' && cp != '\t')) {
		dec_put(d, s, e);
		return;
	}
	dec_subst(d, buf, n, s);
}

void dec_report(decoder *d)
{
	if (d->bad_bytes)
		diag_in(d->diags, CW_ERROR, "ENC_INVALID_UTF8", d->first_bad,
			    "%zu byte%s not valid UTF-8, replaced with U+FFFD", d->bad_bytes,
			    d->bad_bytes == 1 ? " is" : "s are");
	if (d->controls)
		diag_in(d->diags, CW_WARNING, "ENC_CONTROL_CHAR", d->first_control,
			    "%zu control character%s replaced with a space", d->controls,
			    d->controls == 1 ? "" : "s");
	if (d->nuls)
		diag_in(d->diags, CW_WARNING, "ENC_NUL_BYTE", d->first_nul,
			    "%zu NUL byte%s removed", d->nuls, d->nuls == 1 ? "" : "s");
}


unsigned long cp1252_char(unsigned c)
{
	if (c < 0x80 || c > 0xFF)
		return c < 0x80 ? c : 0;
	return c >= 0xA0 ? c : cp1252_high[c - 0x80];
}

void dec_numeric_entity_drop_controls(decoder *d, uptr s, uptr e)
{
	uptr p = s + 2;
	int hexa = (*p == 'x' || *p == 'X');
	if (hexa)
		p++;
	unsigned long cp = 0;
	for (; p < e - 1 && cp <= 0x10FFFF; p++) {
		unsigned c = *p;
		unsigned v = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
		cp = cp * (hexa ? 16 : 10) + v;
	}
	if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F)
		return;
	/* &#151; and its kin: Windows-1252 code points written as if they were Unicode. */
	if (cp >= 0x80 && cp <= 0x9F && cp1252_char((unsigned)cp))
		cp = cp1252_char((unsigned)cp);
	char buf[4];
	size_t n = utf8_encode(cp, buf);
	if (n == 0)
		dec_put(d, s, e);
	else
		dec_subst(d, buf, n, s);
}
