/* The lines of a web archive and of the HTTP messages it holds (see warc.h). Each scanner is
 * anchored at the start of its line or value and reads it whole or not at all; the framing
 * around them (records, blocks, chunks, gzip members) is parser/input/warc.c. */
#include "lexer/input/warc.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef const unsigned char *uptr;

/*!include:re2c "lexer/core/common.re" */
/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "cur";
	re2c:define:YYMARKER = "mar";
	re2c:define:YYCTXMARKER = "ctx";
	re2c:define:YYLIMIT = "lim";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:tags = 1;
	re2c:api:style = free-form;

	/* RFC 9110's token: a field name, a media type's parts, a parameter's name. */
	token   = [!#$%&'*+.^_`|~0-9A-Za-z-]+;
	ows     = [ \t]*;
	lend    = [ \t]* "\r"? "\n";
	d2      = digit digit;
	d4      = digit digit digit digit;
	hms     = d2 ":" d2 ":" d2;
	/* Names of months and days: checked in C (month_of), the scanner stays small. */
	mname   = alpha alpha alpha;
	dname   = alpha alpha alpha;
	dlong   = alpha+;
*/

/* The end of the line at p: just past its "\n", or lim. */
static uptr line_end(uptr p, uptr lim)
{
	const void *nl = memchr(p, '\n', (size_t)(lim - p));
	return nl ? (uptr)nl + 1 : lim;
}

int warc_version_line(const char *start, const char *end, size_t *len)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL;
	int v;
	/*!local:re2c:version
		"WARC/1.0" lend                { v = 10; goto done; }
		"WARC/1.1" lend                { v = 11; goto done; }
		"WARC/" digit+ "." digit+ lend { v = 1; goto done; }
		*                              { *len = 0; return 0; }
		$                              { *len = 0; return 0; }
	*/
done:
	(void)mar;
	*len = (size_t)(cur - (uptr)start);
	return v;
}

/* The field a name [p, e) names; e is the byte after it (':' or a blank, never a letter), where
 * every keyword ends. */
/* Whether [p, e) is the word w in any case. */
static int is_word_ci(uptr p, uptr e, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(e - p) == n && !strncasecmp((const char *)p, w, n);
}

/* A header's name, in any case. A name is looked up once a record, so in a table: as re2c
 * rules the case-insensitive spellings made 9 KB of C. */
static warc_field field_name(uptr p, uptr e)
{
	static const struct {
		const char *name;
		warc_field field;
	} names[] = {
		{ "WARC-Type", WF_WARC_TYPE },
		{ "WARC-Target-URI", WF_TARGET_URI },
		{ "WARC-Date", WF_WARC_DATE },
		{ "WARC-Record-ID", WF_RECORD_ID },
		{ "Content-Length", WF_CONTENT_LENGTH },
		{ "Content-Type", WF_CONTENT_TYPE },
		{ "Date", WF_DATE },
		{ "Content-Encoding", WF_CONTENT_ENCODING },
		{ "Transfer-Encoding", WF_TRANSFER_ENCODING },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (is_word_ci(p, e, names[i].name))
			return names[i].field;
	return WF_OTHER;
}

void warc_scan_line(const char *start, const char *end, warc_line *out)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL, e;
	memset(out, 0, sizeof *out);
	out->kind = WL_FIELD;
	/*!stags:re2c:field format = 'uptr @@ = NULL;'; */
	/*!local:re2c:field
		re2c:flags:nested-ifs = 1;
		token @e ows ":"            { out->field = field_name((uptr)start, e); goto value; }
		[ \t]+                      { out->kind = WL_CONTINUATION; goto value; }
		"\r"? "\n"                  { out->kind = WL_END; out->len = (size_t)(cur - (uptr)start); return; }
		*                           { goto bad; }
		$                           { goto bad; }
	*/
bad:
	(void)mar;
	out->kind = WL_BAD;
	out->len = (size_t)(line_end((uptr)start, lim) - (uptr)start);
	return;
value:
	/* The value runs to the line's end, blanks and the CR trimmed. */
	e = line_end(cur, lim);
	out->len = (size_t)(e - (uptr)start);
	while (cur < e && (*cur == ' ' || *cur == '\t'))
		cur++;
	while (e > cur && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	out->value = (size_t)(cur - (uptr)start);
	out->value_end = (size_t)(e - (uptr)start);
}

int warc_http_status(const char *start, const char *end)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL, s;
	/*!stags:re2c:status format = 'uptr @@ = NULL;'; */
	/*!local:re2c:status
		re2c:flags:nested-ifs = 1;
		"HTTP/" digit ("." digit)? " "+ @s digit{3} ([ \t] [^\r\n\x00]*)? "\r"? "\n" {
			(void)mar;
			return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
		}
		* { return -1; }
		$ { return -1; }
	*/
}

warc_type warc_type_of(const char *start, const char *end)
{
	static const struct {
		const char *name;
		warc_type type;
	} types[] = {
		{ "response", WT_RESPONSE }, { "warcinfo", WT_WARCINFO }, { "request", WT_REQUEST },
		{ "metadata", WT_METADATA }, { "revisit", WT_REVISIT }, { "resource", WT_RESOURCE },
		{ "conversion", WT_CONVERSION }, { "continuation", WT_CONTINUATION },
	};
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (is_word_ci((uptr)start, (uptr)end, types[i].name))
			return types[i].type;
	return WT_OTHER;
}

/* 1 when the media type [p, e) is HTML; *http set when it is application/http. */
static int media_kind(uptr p, uptr e, int *http)
{
	uptr cur = p, lim = e, mar = NULL;
	/*!local:re2c:mtype
		'text/html' | 'application/xhtml+xml' { return cur == e; }
		'application/http'                    { *http = cur == e; return 0; }
		*                                     { (void)mar; return 0; }
		$                                     { return 0; }
	*/
}

/* 1 when the parameter name [p, e) is "charset". */
static int is_charset(uptr p, uptr e)
{
	uptr cur = p, lim = e, mar = NULL;
	/*!local:re2c:pname
		'charset' { return cur == e; }
		*         { (void)mar; return 0; }
		$         { return 0; }
	*/
}

void warc_scan_media(const char *start, const char *end, warc_media *out)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL, tok;
	memset(out, 0, sizeof *out);
	/*!local:re2c:media
		token "/" token                       { out->html = media_kind((uptr)start, cur, &out->http); goto params; }
		*                                     { return; }
		$                                     { return; }
	*/
params:
	for (;;) {
		uptr n, ne;
		/*!stags:re2c:param format = 'uptr @@ = NULL;'; */
		/*!local:re2c:param
		re2c:flags:nested-ifs = 1;
			ows ";" ows @n token @ne ows "=" ows { goto value; }
			ows ";"                            { continue; }
			*                                  { return; }
			$                                  { return; }
		*/
value:
		tok = cur;
		/*!local:re2c:pvalue
		re2c:flags:nested-ifs = 1;
			token                  { goto got; }
			"\"" [^"\x00]* "\""    { goto got; }
			*                      { (void)mar; return; }
			$                      { return; }
		*/
got:
		if (is_charset(n, ne)) {
			int quoted = *tok == '"';
			out->charset = (size_t)(tok + quoted - (uptr)start);
			out->charset_end = (size_t)(cur - quoted - (uptr)start);
		}
	}
}

warc_coding warc_coding_of(const char *start, const char *end)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL;
	/*!local:re2c:coding
		'gzip' | 'x-gzip' { return cur == lim ? WC_GZIP : WC_UNKNOWN; }
		'deflate'         { return cur == lim ? WC_DEFLATE : WC_UNKNOWN; }
		'br'              { return cur == lim ? WC_BROTLI : WC_UNKNOWN; }
		'zstd'            { return cur == lim ? WC_ZSTD : WC_UNKNOWN; }
		'identity'        { return cur == lim ? WC_IDENTITY : WC_UNKNOWN; }
		*                     { (void)mar; return WC_UNKNOWN; }
		$                     { return WC_IDENTITY; }
	*/
}

int warc_chunked(const char *start, const char *end)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL;
	for (;;) {
		/*!local:re2c:chunked
		re2c:flags:nested-ifs = 1;
			'chunked' ows              { if (cur == lim) return 1; continue; }
			token [^,\x00]* "," ows    { continue; }
			*                          { (void)mar; return 0; }
			$                          { return 0; }
		*/
	}
}

int warc_chunk_line(const char *start, const char *end, uint64_t *size, size_t *len)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL, e;
	/*!stags:re2c:chunk format = 'uptr @@ = NULL;'; */
	/*!local:re2c:chunk
		hex+ @e [ \t]* (";" [^\r\n\x00]*)? "\r"? "\n" { goto size; }
		*                                            { return -1; }
		$                                            { return -1; }
	*/
size:
	(void)mar;
	if (e - (uptr)start > 15)
		return -1; /* over 2^60 bytes: no chunk is that long */
	uint64_t n = 0;
	for (uptr p = (uptr)start; p < e; p++)
		n = n * 16 + (uint64_t)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
	*size = n;
	*len = (size_t)(cur - (uptr)start);
	return 0;
}

int warc_length(const char *start, const char *end, uint64_t *n)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL;
	/*!local:re2c:length
		re2c:flags:nested-ifs = 1;
		digit+   { if (cur == lim) goto number; return -1; }
		*        { (void)mar; return -1; }
		$        { return -1; }
	*/
number:
	if (end - start > 18)
		return -1;
	*n = 0;
	for (const char *p = start; p < end; p++)
		*n = *n * 10 + (uint64_t)(*p - '0');
	return 0;
}

static int num(uptr p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

static int month_of(uptr p)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char m[3] = { (char)(p[0] | 0x20), (char)(p[1] | 0x20), (char)(p[2] | 0x20) };
	for (int i = 0; i < 12; i++)
		if (!memcmp(names + 3 * i, m, 3))
			return i + 1;
	return 0;
}

int warc_iso_date(const char *start, const char *end, char *out, size_t cap)
{
	uptr cur = (uptr)start, lim = (uptr)end, mar = NULL, d, m, y, t, f;
	int year, day;
	/*!stags:re2c:date format = 'uptr @@ = NULL;'; */
	/*!local:re2c:date
		re2c:flags:nested-ifs = 1;
		/* WARC-Date: ISO 8601 in UTC, fractions of a second in WARC/1.1. */
		@y d4 "-" d2 "-" d2 "T" hms @f ("." digit{1,9})? "Z" {
			(void)f;
			if (cur != lim)
				return -1;
			if (end - start >= (long)cap)
				return -1;
			memcpy(out, start, (size_t)(end - start));
			out[end - start] = '\0';
			return 0;
		}
		/* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT (a one-digit day, as some servers send) */
		dname "," " "+ @d digit{1,2} " "+ @m mname " "+ @y d4 " "+ @t hms " "+ 'GMT' {
			if (cur != lim)
				return -1;
			year = num(y, 4);
			day = d[1] >= '0' && d[1] <= '9' ? num(d, 2) : num(d, 1);
			goto write;
		}
		/* RFC 850: Sunday, 06-Nov-94 08:49:37 GMT */
		dlong "," " "+ @d d2 "-" @m mname "-" @y d2 " "+ @t hms " "+ 'GMT' {
			if (cur != lim)
				return -1;
			year = num(y, 2);
			year += year < 70 ? 2000 : 1900;
			day = num(d, 2);
			goto write;
		}
		/* asctime: Sun Nov  6 08:49:37 1994 */
		dname " "+ @m mname " "+ @d digit{1,2} " "+ @t hms " "+ @y d4 {
			if (cur != lim)
				return -1;
			year = num(y, 4);
			day = d[1] >= '0' && d[1] <= '9' ? num(d, 2) : num(d, 1);
			goto write;
		}
		* { return -1; }
		$ { return -1; }
	*/
write:
	(void)mar;
	(void)f;
	if (!month_of(m) || day < 1 || day > 31 || num(t, 2) > 23 || num(t + 3, 2) > 59 || num(t + 6, 2) > 60)
		return -1;
	snprintf(out, cap, "%04d-%02d-%02dT%.8sZ", year, month_of(m), day, (const char *)t);
	return 0;
}

static int html_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int warc_sniff_html(const char *start, const char *end)
{
	/* Looked at once a record without a Content-Type: a table of the tags a page starts
	 * with (as re2c rules, their case-insensitive spellings made 7 KB of C). */
	static const char *const tags[] = { "html", "head", "body", "title", "meta", "script",
					    "style", "div", "p", "table", "h1", "a", "b", "br",
					    "font", "iframe", "!--", NULL };
	uptr p = (uptr)start, e = (uptr)end;
	if (e - p >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	while (p < e && (html_blank(*p) || *p == '\x0c'))
		p++;
	if (p >= e || *p++ != '<')
		return 0;
	if (e - p > 8 && !strncasecmp((const char *)p, "!doctype", 8) && html_blank(p[8])) {
		uptr q = p + 8;
		while (q < e && html_blank(*q))
			q++;
		if (e - q > 4 && !strncasecmp((const char *)q, "html", 4) &&
		    (html_blank(q[4]) || q[4] == '>'))
			return 1;
	}
	for (int i = 0; tags[i]; i++) {
		size_t n = strlen(tags[i]);
		if ((size_t)(e - p) > n && !strncasecmp((const char *)p, tags[i], n) &&
		    (html_blank(p[n]) || p[n] == '>'))
			return 1;
	}
	return 0;
}
