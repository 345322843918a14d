/* Web archives: the line scanners (lexer/input/warc.re), the streaming reader (parser/input/warc.c)
 * fed whole and a few bytes at a time, and the walk that makes each page a unit with its transport
 * hints (parser/input/sources.c, inputs.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <brotli/encode.h>
#include <zlib.h>
#include <zstd.h>

#include "check_helpers.h"
#include "lexer/input/warc.h"
#include "parser/input/inputs.h"
#include "parser/input/unit.h"
#include "parser/input/warc.h"
#include "walk_bytes.h"

/* ---- scanners ------------------------------------------------------------------------------ */

static const struct {
	const char *line;
	int version;
} versions[] = {
	{ "WARC/1.0\r\n", 10 }, { "WARC/1.1\n", 11 },   { "WARC/0.18\r\n", 1 },
	{ "WARC/1.1x\r\n", 0 }, { "HTTP/1.1 200\r\n", 0 }, { "WARC/1.1", 0 },
};

START_TEST(test_version_line)
{
	size_t len;
	const char *l = versions[_i].line;
	ck_assert_int_eq(warc_version_line(l, l + strlen(l), &len), versions[_i].version);
	if (versions[_i].version)
		ck_assert_uint_eq(len, strlen(l));
}
END_TEST

static const struct {
	const char *line;
	warc_line_kind kind;
	warc_field field;
	const char *value;
} lines[] = {
	{ "Content-Length: 42\r\n", WL_FIELD, WF_CONTENT_LENGTH, "42" },
	{ "warc-target-uri:   http://a.example/x  \r\n", WL_FIELD, WF_TARGET_URI, "http://a.example/x" },
	{ "WARC-Type:response\n", WL_FIELD, WF_WARC_TYPE, "response" },
	{ "Date: Tue, 05 Mar 2024 10:20:30 GMT\r\n", WL_FIELD, WF_DATE, "Tue, 05 Mar 2024 10:20:30 GMT" },
	{ "Dates: x\r\n", WL_FIELD, WF_OTHER, "x" },
	{ "TRANSFER-ENCODING: chunked\r\n", WL_FIELD, WF_TRANSFER_ENCODING, "chunked" },
	{ "X-Crawler: a: b\r\n", WL_FIELD, WF_OTHER, "a: b" },
	{ "  folded on\r\n", WL_CONTINUATION, WF_OTHER, "folded on" },
	{ "\r\n", WL_END, WF_OTHER, NULL },
	{ "\n", WL_END, WF_OTHER, NULL },
	{ "no colon here\r\n", WL_BAD, WF_OTHER, NULL },
	{ ": no name\r\n", WL_BAD, WF_OTHER, NULL },
};

START_TEST(test_header_line)
{
	warc_line l;
	const char *s = lines[_i].line;
	warc_scan_line(s, s + strlen(s), &l);
	ck_assert_int_eq(l.kind, lines[_i].kind);
	ck_assert_int_eq(l.field, lines[_i].field);
	ck_assert_uint_eq(l.len, strlen(s));
	if (lines[_i].value) {
		ck_assert_uint_eq(l.value_end - l.value, strlen(lines[_i].value));
		ck_assert(!memcmp(s + l.value, lines[_i].value, strlen(lines[_i].value)));
	}
}
END_TEST

static const struct {
	const char *line;
	int status;
} statuses[] = {
	{ "HTTP/1.1 200 OK\r\n", 200 }, { "HTTP/2 404\r\n", 404 }, { "HTTP/1.0 301 Moved Permanently\n", 301 },
	{ "HTTP/1.1 20 OK\r\n", -1 },   { "<html>\n", -1 },       { "HTTP/1.1 200 OK", -1 },
};

START_TEST(test_status_line)
{
	const char *s = statuses[_i].line;
	ck_assert_int_eq(warc_http_status(s, s + strlen(s)), statuses[_i].status);
}
END_TEST

static const struct {
	const char *value;
	int html, http;
	const char *charset;
} medias[] = {
	{ "text/html; charset=ISO-8859-1", 1, 0, "ISO-8859-1" },
	{ "Text/HTML;charset=\"utf-8\"", 1, 0, "utf-8" },
	{ "application/xhtml+xml", 1, 0, NULL },
	{ "text/html; q=1; Charset=windows-1252; x=\"a;b\"", 1, 0, "windows-1252" },
	{ "text/htmlx", 0, 0, NULL },
	{ "application/http; msgtype=response", 0, 1, NULL },
	{ "text/plain; charset=utf-8", 0, 0, "utf-8" },
	{ "", 0, 0, NULL },
};

START_TEST(test_media)
{
	warc_media m;
	const char *s = medias[_i].value;
	warc_scan_media(s, s + strlen(s), &m);
	ck_assert_int_eq(m.html, medias[_i].html);
	ck_assert_int_eq(m.http, medias[_i].http);
	if (medias[_i].charset) {
		ck_assert_uint_eq(m.charset_end - m.charset, strlen(medias[_i].charset));
		ck_assert(!memcmp(s + m.charset, medias[_i].charset, strlen(medias[_i].charset)));
	} else {
		ck_assert_uint_eq(m.charset_end, m.charset);
	}
}
END_TEST

START_TEST(test_codings)
{
#define CODING(s) warc_coding_of(s, s + strlen(s))
#define CHUNKED(s) warc_chunked(s, s + strlen(s))
	ck_assert_int_eq(CODING("gzip"), WC_GZIP);
	ck_assert_int_eq(CODING("X-GZIP"), WC_GZIP);
	ck_assert_int_eq(CODING("deflate"), WC_DEFLATE);
	ck_assert_int_eq(CODING("identity"), WC_IDENTITY);
	ck_assert_int_eq(CODING("br"), WC_BROTLI);
	ck_assert_int_eq(CODING("ZSTD"), WC_ZSTD);
	ck_assert_int_eq(CODING("compress"), WC_UNKNOWN);
	ck_assert_int_eq(CODING("brotli"), WC_UNKNOWN);
	ck_assert_int_eq(CODING("gzip, br"), WC_UNKNOWN);
	ck_assert_int_eq(CHUNKED("chunked"), 1);
	ck_assert_int_eq(CHUNKED("gzip, chunked"), 1);
	ck_assert_int_eq(CHUNKED("chunked, gzip"), 0);
	ck_assert_int_eq(CHUNKED("identity"), 0);
#undef CODING
#undef CHUNKED
}
END_TEST

START_TEST(test_chunk_lines)
{
	uint64_t size;
	size_t len;
	ck_assert_int_eq(warc_chunk_line("1a3F\r\n", "1a3F\r\n" + 6, &size, &len), 0);
	ck_assert_uint_eq(size, 0x1a3f);
	ck_assert_uint_eq(len, 6);
	ck_assert_int_eq(warc_chunk_line("0;name=v\r\n", "0;name=v\r\n" + 10, &size, &len), 0);
	ck_assert_uint_eq(size, 0);
	ck_assert_int_eq(warc_chunk_line("zz\r\n", "zz\r\n" + 4, &size, &len), -1);
	ck_assert_int_eq(warc_chunk_line("1234567890abcdef\r\n", "1234567890abcdef\r\n" + 18, &size, &len), -1);
	uint64_t n;
	ck_assert_int_eq(warc_length("1234", "1234" + 4, &n), 0);
	ck_assert_uint_eq(n, 1234);
	ck_assert_int_eq(warc_length("12a", "12a" + 3, &n), -1);
	ck_assert_int_eq(warc_length("1234567890123456789", "1234567890123456789" + 19, &n), -1);
}
END_TEST

static const struct {
	const char *value;
	const char *iso; /* NULL: no date */
} dates[] = {
	{ "Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z" },
	{ "sun, 6 nov 1994 08:49:37 gmt", "1994-11-06T08:49:37Z" },
	{ "Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z" },
	{ "Monday, 04-Mar-24 08:49:37 GMT", "2024-03-04T08:49:37Z" },
	{ "Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z" },
	{ "2024-03-05T10:20:30Z", "2024-03-05T10:20:30Z" },
	{ "2024-03-05T10:20:30.123456Z", "2024-03-05T10:20:30.123456Z" },
	{ "Sun, 06 Foo 1994 08:49:37 GMT", NULL },
	{ "Sun, 32 Nov 1994 08:49:37 GMT", NULL },
	{ "Sun, 06 Nov 1994 25:49:37 GMT", NULL },
	{ "Sun, 06 Nov 1994 08:49:37 GMT extra", NULL },
	{ "2024-03-05 10:20:30", NULL },
};

START_TEST(test_dates)
{
	char out[48];
	const char *s = dates[_i].value;
	int rc = warc_iso_date(s, s + strlen(s), out, sizeof out);
	if (dates[_i].iso) {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(out, dates[_i].iso);
	} else {
		ck_assert_int_eq(rc, -1);
	}
}
END_TEST

START_TEST(test_sniff_html)
{
#define SNIFF(s) warc_sniff_html(s, s + strlen(s))
	ck_assert(SNIFF("<!DOCTYPE html>\n<html>"));
	ck_assert(SNIFF("\xef\xbb\xbf  \r\n<HTML lang=en>"));
	ck_assert(SNIFF("<head><title>x</title>"));
	ck_assert(SNIFF("<!-- a comment -->"));
	ck_assert(!SNIFF("{\"json\": 1}"));
	ck_assert(!SNIFF("<?xml version='1.0'?><rss>"));
	ck_assert(!SNIFF("GIF89a"));
	ck_assert(!SNIFF("<htmlx>"));
#undef SNIFF
}
END_TEST

/* ---- the streaming reader ------------------------------------------------------------------ */

typedef struct seen {
	char text[8192];      /* "page URI charset date: body" and "damage CODE line" lines */
	size_t len;
	uint64_t skipped[CW_WARC_SKIP_COUNT];
} seen;

static void add(seen *s, const char *fmt, const char *a, const char *b, const char *c)
{
	s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, fmt, a, b, c);
}

static int on_page(void *ctx, warc_page *pg)
{
	seen *s = ctx;
	add(s, "page %s %s %s: ", warc_page_uri(pg), warc_page_charset(pg) ? warc_page_charset(pg) : "-",
	    warc_page_date(pg) ? warc_page_date(pg) : "-");
	char buf[7]; /* read a few bytes at a time too */
	const char *code, *why;
	long n;
	while ((n = warc_page_read(pg, buf, sizeof buf, &code, &why)) > 0)
		s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "%.*s", (int)n, buf);
	if (n < 0)
		add(s, " [%s]", code, "", "");
	add(s, "\n", "", "", "");
	return 0;
}

static int on_skip(void *ctx, cw_warc_skip k)
{
	((seen *)ctx)->skipped[k]++;
	return 0;
}

static int on_damage(void *ctx, const char *code, uint64_t off, uint32_t line, const char *msg)
{
	(void)msg;
	char where[64];
	snprintf(where, sizeof where, "%u@%llu", line, (unsigned long long)off);
	add(ctx, "damage %s %s%s\n", code, where, "");
	return 0;
}

static int on_failed(void *ctx, const char *why)
{
	add(ctx, "failed %s%s%s\n", why, "", "");
	return 1;
}

static void read_warc(const char *data, size_t len, int gzip, size_t step, seen *s)
{
	memset(s, 0, sizeof *s);
	byte_feed f = { data, len, 0, step };
	warc_events ev = { on_page, on_skip, on_damage, on_failed, s };
	warc_each(byte_feed_pull, &f, gzip, &ev);
}

#define REC(type, extra, block) \
	"WARC/1.1\r\nWARC-Type: " type "\r\n" extra "Content-Length: %zu\r\n\r\n" block "\r\n\r\n"

static char *record(const char *fmt, const char *block)
{
	char *out = malloc(strlen(fmt) + strlen(block) + 32);
	sprintf(out, fmt, strlen(block));
	return out;
}

/* A WARC of several records, every kind of HTTP body among them. */
static char *sample(void)
{
	static const char *const parts[][2] = {
		{ REC("warcinfo", "", "software: test\r\n"), "software: test\r\n" },
		{ REC("response", "WARC-Target-URI: http://a.example/1\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n",
		      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=latin1\r\n\r\n<p>one</p>"),
		  "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=latin1\r\n\r\n<p>one</p>" },
		{ REC("request", "WARC-Target-URI: http://a.example/1\r\n", "GET / HTTP/1.1\r\n\r\n"),
		  "GET / HTTP/1.1\r\n\r\n" },
		{ REC("response", "WARC-Target-URI: http://a.example/2\r\n",
		      "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
		      "Transfer-Encoding: chunked\r\n\r\n4\r\n<p>t\r\n6;x=y\r\nwo</p>\r\n0\r\nT: 1\r\n\r\n"),
		  "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
		  "Transfer-Encoding: chunked\r\n\r\n4\r\n<p>t\r\n6;x=y\r\nwo</p>\r\n0\r\nT: 1\r\n\r\n" },
		{ REC("response", "WARC-Target-URI: http://a.example/3.png\r\n",
		      "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"),
		  "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG" },
		{ REC("response", "WARC-Target-URI: http://a.example/4\r\n",
		      "HTTP/1.1 302 Found\r\nContent-Type: text/html\r\n\r\n<p>moved</p>"),
		  "HTTP/1.1 302 Found\r\nContent-Type: text/html\r\n\r\n<p>moved</p>" },
		{ REC("revisit", "WARC-Target-URI: http://a.example/1\r\n", "HTTP/1.1 304 Not Modified\r\n\r\n"),
		  "HTTP/1.1 304 Not Modified\r\n\r\n" },
	};
	size_t cap = 1;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		cap += strlen(parts[i][0]) + strlen(parts[i][1]) + 32;
	char *out = malloc(cap);
	out[0] = '\0';
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		char *r = record(parts[i][0], parts[i][1]);
		strcat(out, r);
		free(r);
	}
	return out;
}

static const char sample_seen[] =
	"page http://a.example/1 latin1 2024-01-02T03:04:05Z: <p>one</p>\n"
	"page http://a.example/2 - 1994-11-06T08:49:37Z: <p>two</p>\n";

START_TEST(test_reader_pieces)
{
	/* Whole, then 1 to 13 bytes at a time: the same pages, skips and no damage. */
	char *w = sample();
	seen s;
	size_t steps[] = { 0, 1, 2, 3, 5, 13 };
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		read_warc(w, strlen(w), 0, steps[i], &s);
		ck_assert_msg(!strcmp(s.text, sample_seen), "step %zu:\n%s", steps[i], s.text);
		ck_assert_uint_eq(s.skipped[CW_WARC_SKIP_WARCINFO], 1);
		ck_assert_uint_eq(s.skipped[CW_WARC_SKIP_REQUEST], 1);
		ck_assert_uint_eq(s.skipped[CW_WARC_SKIP_NOT_HTML], 1);
		ck_assert_uint_eq(s.skipped[CW_WARC_SKIP_STATUS], 1);
		ck_assert_uint_eq(s.skipped[CW_WARC_SKIP_REVISIT], 1);
	}
	free(w);
}
END_TEST

/* gzip of data, as one member. */
static size_t gz(const char *data, size_t len, unsigned char *out, size_t cap)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t n = cap - z.avail_out;
	deflateEnd(&z);
	return n;
}

START_TEST(test_reader_gzip_members)
{
	/* One member per record, and the whole file as one member: the same pages. */
	char *w = sample();
	size_t len = strlen(w), n = 0;
	unsigned char *members = malloc(len * 2 + 4096), *whole = malloc(len * 2 + 1024);
	for (const char *p = w; *p;) {
		const char *next = strstr(p + 1, "WARC/1.1\r\n");
		size_t rl = next ? (size_t)(next - p) : strlen(p);
		n += gz(p, rl, members + n, len * 2 + 4096 - n);
		p += rl;
	}
	ck_assert_int_eq(warc_sniff(members, n), 2);
	seen s;
	read_warc((const char *)members, n, 1, 3, &s);
	ck_assert_str_eq(s.text, sample_seen);
	size_t wn = gz(w, len, whole, len * 2 + 1024);
	read_warc((const char *)whole, wn, 1, 0, &s);
	ck_assert_str_eq(s.text, sample_seen);
	/* A member broken in its middle: told, and the members after it read. */
	size_t first = gz(w, strstr(w + 1, "WARC/1.1\r\n") - w, whole, len * 2 + 1024);
	memset(members + first + 12, 0x55, 8);
	read_warc((const char *)members, n, 1, 0, &s);
	ck_assert_msg(strstr(s.text, "damage WARC_GZIP_BROKEN") != NULL, "%s", s.text);
	ck_assert_msg(strstr(s.text, "page http://a.example/2") != NULL, "%s", s.text);
	/* The file cut inside its last member. */
	read_warc((const char *)members, n - 5, 1, 0, &s);
	ck_assert_msg(strstr(s.text, "WARC_GZIP_BROKEN") != NULL, "%s", s.text);
	free(members);
	free(whole);
	free(w);
}
END_TEST

/* A response record holding body (n bytes) sent with Content-Encoding: coding; *len its length
 * (the body may hold NULs). */
static char *coded_page(const char *coding, const unsigned char *body, size_t n, size_t *len)
{
	char http[128];
	int hn = snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			  "Content-Encoding: %s\r\n\r\n", coding);
	char *out = malloc(n + 512);
	int wn = sprintf(out, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: u\r\n"
			 "Content-Length: %zu\r\n\r\n%s", (size_t)hn + n, http);
	memcpy(out + wn, body, n);
	memcpy(out + wn + n, "\r\n\r\n", 4);
	*len = (size_t)wn + n + 4;
	return out;
}

/* The reader's account of the page holds expect, read whole and in pieces of 1, 3 and 7 bytes. */
static void expect_coded(const char *coding, const unsigned char *body, size_t n, const char *expect)
{
	size_t len;
	char *w = coded_page(coding, body, n, &len);
	seen s;
	size_t steps[] = { 0, 1, 3, 7 };
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		read_warc(w, len, 0, steps[i], &s);
		ck_assert_msg(strstr(s.text, expect) != NULL, "%s, step %zu: expected \"%s\" in:\n%s",
			      coding, steps[i], expect, s.text);
	}
	free(w);
}

START_TEST(test_reader_brotli_zstd)
{
	static const char text[] = "<p>one page, sent compressed as browsers ask for it</p>";
	size_t tn = strlen(text);
	unsigned char br[256], zs[512];
	size_t brn = sizeof br;
	ck_assert(BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, tn, (const uint8_t *)text, &brn, br));
	expect_coded("br", br, brn, "page u - -: <p>one page, sent compressed as browsers ask for it</p>\n");
	/* cut short, and damaged */
	expect_coded("br", br, brn - 3, "[WARC_HTTP_BODY]");
	unsigned char bad[256];
	memcpy(bad, br, brn);
	memset(bad + 2, 0xff, brn - 4);
	expect_coded("br", bad, brn, "[WARC_HTTP_BODY]");
	/* zstd: one frame; two frames one after the other (the body may end between them) */
	size_t zn = ZSTD_compress(zs, sizeof zs, text, tn, 3);
	ck_assert(!ZSTD_isError(zn));
	size_t z2 = ZSTD_compress(zs + zn, sizeof zs - zn, "<p>more</p>", 11, 3);
	ck_assert(!ZSTD_isError(z2));
	expect_coded("zstd", zs, zn, "page u - -: <p>one page, sent compressed as browsers ask for it</p>\n");
	expect_coded("zstd", zs, zn + z2,
		     "page u - -: <p>one page, sent compressed as browsers ask for it</p><p>more</p>\n");
	expect_coded("zstd", zs, zn + 4, "[WARC_HTTP_BODY]"); /* a second frame cut in its header */
	expect_coded("zstd", zs, zn - 2, "[WARC_HTTP_BODY]");
	/* stored decoded under its zstd header: read as it is */
	expect_coded("zstd", (const unsigned char *)text, tn, "page u - -: <p>one page");
	/* a frame that asks for a 16 MB window: refused, not held */
	ZSTD_CCtx *c = ZSTD_createCCtx();
	ck_assert(!ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, 24)));
	ZSTD_inBuffer in = { text, tn, 0 };
	ZSTD_outBuffer out = { zs, sizeof zs, 0 };
	/* fed in two calls, so that its size is not known when its header is written */
	ck_assert(!ZSTD_isError(ZSTD_compressStream2(c, &out, &in, ZSTD_e_continue)));
	ck_assert_uint_eq(ZSTD_compressStream2(c, &out, &in, ZSTD_e_end), 0);
	ck_assert_uint_eq(zs[4] & 0x20, 0); /* no single segment: the window is in the header */
	ZSTD_freeCCtx(c);
	expect_coded("zstd", zs, out.pos, "[WARC_HTTP_BODY]");
}
END_TEST

static const struct {
	const char *warc;
	const char *expect; /* a line the reader must give */
} damaged[] = {
	/* truncated inside a header, inside a block */
	{ "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Le", "damage WARC_TRUNCATED 1@0" },
	{ "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 50\r\n\r\nabc", "damage WARC_TRUNCATED 1@0" },
	/* a page's body cut: its own error */
	{ "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: u\r\nContent-Length: 90\r\n\r\n"
	  "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>cut", "page u - -: <p>cut [WARC_TRUNCATED]" },
	/* garbage before a record, after one */
	{ "junk\r\nWARC/1.1\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\nmore junk",
	  "damage WARC_GARBAGE 8@61" },
	{ "WARC/1.1\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\nx\nWARC/1.1\r\n"
	  "WARC-Type: response\r\nWARC-Target-URI: v\r\nContent-Length: 19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n",
	  "damage WARC_GARBAGE 7@55" },
	/* a Content-Length too short */
	{ "WARC/1.1\r\nWARC-Type: request\r\nContent-Length: 2\r\n\r\nabcdef\r\n\r\n", "damage WARC_LENGTH_MISMATCH 1@0" },
	/* bad headers */
	{ "WARC/1.1\r\nWARC-Type: request\r\n\r\n", "damage WARC_BAD_HEADER 1@0" },
	{ "WARC/1.1\r\nWARC-Type: request\r\nContent-Length: x\r\n\r\n", "damage WARC_BAD_HEADER 1@0" },
	{ "WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n", "damage WARC_BAD_HEADER 1@0" },
	/* the HTTP message */
	{ "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: u\r\nContent-Length: 6\r\n\r\n<html>\r\n\r\n",
	  "damage WARC_HTTP_BAD 6@72" },
	{ "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 45\r\n\r\n"
	  "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\r\n\r\n", "damage WARC_NO_TARGET_URI 1@0" },
	{ "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: u\r\nContent-Length: 55\r\n\r\n"
	  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n<p>x\r\n\r\n\r\n",
	  "page u - -: <p [WARC_HTTP_BODY]" },
	{ "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: u\r\nContent-Length: 46\r\n\r\n"
	  "HTTP/1.1 200 OK\r\nContent-Encoding: lzma\r\n\r\n<p>\r\n\r\n", "damage WARC_HTTP_ENCODING 6@73" },
	/* a response whose body is stored de-chunked under its chunked header: read as it is */
	{ "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: u\r\nContent-Length: 59\r\n\r\n"
	  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<p>plain</p>\r\n\r\n",
	  "page u - -: <p>plain</p>\n" },
};

START_TEST(test_reader_damage)
{
	seen s;
	size_t steps[] = { 0, 1, 4 };
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		read_warc(damaged[_i].warc, strlen(damaged[_i].warc), 0, steps[i], &s);
		ck_assert_msg(strstr(s.text, damaged[_i].expect) != NULL, "step %zu: expected \"%s\" in:\n%s",
			      steps[i], damaged[_i].expect, s.text);
	}
}
END_TEST

/* ---- the walk: pages as units with their hints --------------------------------------------- */

typedef struct units {
	char names[4][128];
	char hints[4][96];
	size_t n, errors;
} units;

static int take_unit(void *ctx, cw_unit *u, cw_record *failed)
{
	units *us = ctx;
	if (failed) {
		us->errors++;
		cw_record_free(failed);
		return 0;
	}
	if (us->n < 4) {
		const char *slash = strstr(u->path, ".warc/");
		snprintf(us->names[us->n], sizeof us->names[0], "%s", slash ? slash + 6 : u->path);
		snprintf(us->hints[us->n], sizeof us->hints[0], "%s %s %.*s",
			 u->http_charset ? u->http_charset : "-", u->http_date ? u->http_date : "-",
			 (int)u->len, u->bytes);
		us->n++;
	}
	cw_unit_free(u);
	return 0;
}

START_TEST(test_walk_units)
{
	char *w = sample();
	cw_options *opt = cw_options_new();
	units us;
	memset(&us, 0, sizeof us);
	input_stats st = { 0 };
	ck_assert_int_eq(walk_bytes(opt, "crawl.warc", w, strlen(w), take_unit, &us, &st), 0);
	ck_assert_uint_eq(us.n, 2);
	ck_assert_uint_eq(us.errors, 0);
	ck_assert_str_eq(us.names[0], "http://a.example/1");
	ck_assert_str_eq(us.hints[0], "latin1 2024-01-02T03:04:05Z <p>one</p>");
	ck_assert_str_eq(us.names[1], "http://a.example/2");
	ck_assert_str_eq(us.hints[1], "- 1994-11-06T08:49:37Z <p>two</p>");
	ck_assert_uint_eq(st.inputs, 2);
	ck_assert_uint_eq(st.warc_pages, 2);
	ck_assert_uint_eq(st.warc_skipped[CW_WARC_SKIP_REQUEST], 1);
	ck_assert_uint_eq(st.warc_skipped[CW_WARC_SKIP_STATUS], 1);
	ck_assert_str_eq(cw_warc_skip_name(CW_WARC_SKIP_STATUS), "status-not-200");
	cw_options_free(opt);
	free(w);
}
END_TEST

START_TEST(test_sniff)
{
	ck_assert_int_eq(warc_sniff((const unsigned char *)"WARC/1.0\r\n", 10), 1);
	ck_assert_int_eq(warc_sniff((const unsigned char *)"WARC/2.0\r\n", 10), 0);
	ck_assert_int_eq(warc_sniff((const unsigned char *)"<html>", 6), 0);
	unsigned char out[256];
	size_t n = gz("WARC/1.1\r\n", 10, out, sizeof out);
	ck_assert_int_eq(warc_sniff(out, n), 2);
	n = gz("cables.csv,1\n", 13, out, sizeof out);
	ck_assert_int_eq(warc_sniff(out, n), 0);
}
END_TEST

Suite *suite_warc(void)
{
	Suite *s = suite_create("warc");
	TCase *tc = tcase_create("scanners");
	tcase_add_loop_test(tc, test_version_line, 0, sizeof versions / sizeof *versions);
	tcase_add_loop_test(tc, test_header_line, 0, sizeof lines / sizeof *lines);
	tcase_add_loop_test(tc, test_status_line, 0, sizeof statuses / sizeof *statuses);
	tcase_add_loop_test(tc, test_media, 0, sizeof medias / sizeof *medias);
	tcase_add_test(tc, test_codings);
	tcase_add_test(tc, test_chunk_lines);
	tcase_add_loop_test(tc, test_dates, 0, sizeof dates / sizeof *dates);
	tcase_add_test(tc, test_sniff_html);
	suite_add_tcase(s, tc);
	tc = tcase_create("reader");
	tcase_add_test(tc, test_reader_pieces);
	tcase_add_test(tc, test_reader_gzip_members);
	tcase_add_test(tc, test_reader_brotli_zstd);
	tcase_add_loop_test(tc, test_reader_damage, 0, sizeof damaged / sizeof *damaged);
	tcase_add_test(tc, test_walk_units);
	tcase_add_test(tc, test_sniff);
	suite_add_tcase(s, tc);
	return s;
}
