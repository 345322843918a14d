/* Which encoding a saved page is in, and its bytes as UTF-8. The order is the HTML standard's
 * (encoding sniffing): a byte-order mark, then what the transport said (a crawl's HTTP
 * Content-Type), then the page's own <meta charset> or <meta http-equiv=Content-Type> before
 * <body>, then the bytes themselves: UTF-8 when they are valid UTF-8, else windows-1252, the
 * encoding most undeclared Western pages are in. ISO-8859-1 and US-ASCII labels are read as
 * windows-1252, as browsers do (the pages that say Latin-1 use its 0x80-0x9F for quotes and
 * dashes). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parser/input/html_charset.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

int html_valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	while (p < e) {
		/* ASCII eight bytes at a time */
		while (e - p >= 8) {
			uint64_t v;
			memcpy(&v, p, 8);
			if (v & 0x8080808080808080ull)
				break;
			p += 8;
		}
		if (p >= e)
			break;
		if (*p < 0x80) {
			p++;
			continue;
		}
		int k = *p >= 0xf0 && *p <= 0xf4 ? 3 : *p >= 0xe0 ? (*p < 0xf0 ? 2 : -1)
		      : *p >= 0xc2 ? 1 : -1;
		if (k < 0 || e - p <= k)
			return 0;
		for (int i = 1; i <= k; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		p += k + 1;
	}
	return 1;
}

/* Labels (lowercase) and what they read as. */
static int label_charset(const char *l)
{
	static const char *const utf8[] = { "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
					    NULL };
	static const char *const cp1252[] = { "windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
					      "iso8859-1", "iso_8859-1", "latin1", "l1", "latin-1",
					      "us-ascii", "ascii", "iso-ir-100", "csisolatin1",
					      "ansi_x3.4-1968", "cp819", "ibm819", "iso_8859-1:1987",
					      NULL };
	for (const char *const *p = utf8; *p; p++)
		if (!strcmp(l, *p))
			return HC_UTF8;
	for (const char *const *p = cp1252; *p; p++)
		if (!strcmp(l, *p))
			return HC_CP1252;
	/* UTF-16 said by a page that reached here as bytes: the reader decoded a wide page from
	 * its BOM already; a label without one is wrong (the standard reads it as UTF-8 too). */
	if (!strncmp(l, "utf-16", 6))
		return HC_UTF8;
	return HC_OTHER;
}

/* The label at s (up to a quote, ';', blank or '>'), lowercased into lbuf; its charset. -1 when
 * empty. */
static int take_label(const char *s, const char *lim, char *lbuf, size_t lsize)
{
	while (s < lim && (*s == ' ' || *s == '"' || *s == '\'' || *s == '\t'))
		s++;
	size_t n = 0;
	while (s < lim && n + 1 < lsize && *s != '"' && *s != '\'' && *s != ';' && *s != ' ' &&
	       *s != '>' && *s != '/' && *s != '\t' && *s != '\n' && *s != '\r')
		lbuf[n++] = (char)lower((unsigned char)*s++);
	lbuf[n] = '\0';
	return n ? label_charset(lbuf) : -1;
}

static const char *find_ci(const char *p, const char *lim, const char *lit)
{
	size_t n = strlen(lit);
	for (; (size_t)(lim - p) >= n; p++)
		if (lower((unsigned char)*p) == lit[0] && !strncasecmp(p, lit, n))
			return p;
	return NULL;
}

/* <meta ... charset=LABEL ...> (either form: charset="x" or content="text/html; charset=x"),
 * looked for in the tags before <body>, within the first 64 KiB. */
static int meta_charset(const char *buf, size_t len, char *lbuf, size_t lsize)
{
	const char *lim = buf + (len < 65536 ? len : 65536);
	for (const char *p = buf; (p = memchr(p, '<', (size_t)(lim - p))); p++) {
		if (lim - p >= 5 && !strncasecmp(p + 1, "body", 4))
			return -1;
		if (lim - p < 6 || strncasecmp(p + 1, "meta", 4))
			continue;
		const char *end = memchr(p, '>', (size_t)(lim - p));
		if (!end)
			return -1;
		const char *c = find_ci(p, end, "charset");
		if (c) {
			c += 7;
			while (c < end && (*c == ' ' || *c == '\t'))
				c++;
			if (c < end && *c == '=') {
				int cs = take_label(c + 1, end, lbuf, lsize);
				if (cs >= 0)
					return cs;
			}
		}
		p = end;
	}
	return -1;
}

html_encoding html_sniff_encoding(const char *buf, size_t len, const char *transport, char *lbuf,
				  size_t lsize)
{
	html_encoding e = { HC_UTF8, "utf-8", "sniff", 0 };
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		e.from = "bom";
		e.skip = 3;
		return e;
	}
	int cs;
	if (transport && (cs = take_label(transport, transport + strlen(transport), lbuf, lsize)) >= 0) {
		e.charset = cs;
		e.name = lbuf;
		e.from = "transport";
		return e;
	}
	if ((cs = meta_charset(buf, len, lbuf, lsize)) >= 0) {
		e.charset = cs;
		e.name = lbuf;
		e.from = "meta";
		return e;
	}
	if (!html_valid_utf8(buf, len)) {
		e.charset = HC_CP1252;
		e.name = "windows-1252";
	}
	return e;
}

/* windows-1252's 0x80-0x9F; its five undefined bytes read as the C1 controls (the standard's). */
static const unsigned short cp1252_high[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
	0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
	0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};

static size_t put_cp1252(unsigned char c, char *d)
{
	unsigned u = c >= 0x80 && c < 0xa0 ? cp1252_high[c - 0x80] : c;
	if (u < 0x800) {
		d[0] = (char)(0xc0 | (u >> 6));
		d[1] = (char)(0x80 | (u & 0x3f));
		return 2;
	}
	d[0] = (char)(0xe0 | (u >> 12));
	d[1] = (char)(0x80 | ((u >> 6) & 0x3f));
	d[2] = (char)(0x80 | (u & 0x3f));
	return 3;
}

long html_to_utf8(const char *buf, size_t len, int charset, char **out, size_t *outlen)
{
	char *d = malloc(len * 3 + 1);
	if (!d)
		return -1;
	const unsigned char *p = (const unsigned char *)buf, *e = p + len;
	size_t w = 0;
	long converted = 0;
	while (p < e) {
		if (*p < 0x80) {
			/* a run of ASCII in one copy */
			const unsigned char *q = p;
			while (q < e && *q < 0x80)
				q++;
			memcpy(d + w, p, (size_t)(q - p));
			w += (size_t)(q - p);
			p = q;
			continue;
		}
		if (charset == HC_UTF8) {
			int k = *p >= 0xf0 && *p <= 0xf4 ? 3 : *p >= 0xe0 && *p < 0xf0 ? 2
			      : *p >= 0xc2 && *p < 0xe0 ? 1 : -1;
			int ok = k > 0 && e - p > k;
			for (int i = 1; ok && i <= k; i++)
				ok = (p[i] & 0xc0) == 0x80;
			if (ok) {
				memcpy(d + w, p, (size_t)k + 1);
				w += (size_t)k + 1;
				p += k + 1;
				continue;
			}
		}
		w += put_cp1252(*p++, d + w);
		converted++;
	}
	d[w] = '\0';
	*out = d;
	*outlen = w;
	return converted;
}
