/* Which encoding a saved page is in, and its bytes as UTF-8 (html_charset.c): apart from the
 * page's other files so that it needs no HTML parser (its tests neither). */
#ifndef CW_HTML_CHARSET_H
#define CW_HTML_CHARSET_H

#include <stddef.h>

enum html_charset { HC_UTF8, HC_CP1252, HC_OTHER };
typedef struct html_encoding {
	int charset;           /* enum html_charset */
	const char *name;      /* the label as the page or transport wrote it (HC_OTHER: for iconv) */
	const char *from;      /* "bom", "transport", "meta", "sniff" */
	size_t skip;           /* a byte-order mark's length */
} html_encoding;
/* BOM > the transport's charset > <meta charset> or http-equiv Content-Type (in the first
 * 64 KiB, before <body>) > UTF-8 when the bytes are valid UTF-8, else windows-1252. Latin-1 and
 * ASCII labels read as windows-1252 (the HTML standard's mapping). name points into a static
 * table or at the label copied into lbuf (lsize bytes). */
html_encoding html_sniff_encoding(const char *buf, size_t len, const char *transport, char *lbuf,
				  size_t lsize);
/* The bytes as UTF-8 in a malloc'ed buffer (*out, *outlen): windows-1252 converted, and in a
 * page said to be UTF-8 every byte that is not part of a valid sequence read as windows-1252
 * (pages mixing both are common). Returns the number of bytes so read as windows-1252, or -1
 * when out of memory. */
long html_to_utf8(const char *buf, size_t len, int charset, char **out, size_t *outlen);
/* Whether s[0, n) is valid UTF-8. */
int html_valid_utf8(const char *s, size_t n);

#endif
