/* The lines of a web archive (WARC/1.0 and WARC/1.1, ISO 28500) and of the HTTP messages its
 * response records hold (lexer/input/warc.re): small anchored scanners over one line or one
 * field value each. The framing they serve (records, blocks, chunks, gzip members) is
 * parser/input/warc.c. Every scanner reads [p, lim) with a NUL at lim (the caller puts one). */
#ifndef CW_WARC_LEX_H
#define CW_WARC_LEX_H

#include <stddef.h>
#include <stdint.h>

/* The version line at p: 10 for "WARC/1.0", 11 for "WARC/1.1", 1 for another "WARC/x.y", 0
 * when the line is no version line. *len gets the line's length, its end included. */
int warc_version_line(const char *p, const char *lim, size_t *len);

/* The named fields cablewire reads, from the WARC header and from the HTTP header (names are
 * matched without regard to case, as both standards say). */
typedef enum warc_field {
	WF_OTHER = 0,
	WF_WARC_TYPE,
	WF_TARGET_URI,
	WF_WARC_DATE,
	WF_RECORD_ID,
	WF_CONTENT_LENGTH,
	WF_CONTENT_TYPE,
	WF_DATE,
	WF_CONTENT_ENCODING,
	WF_TRANSFER_ENCODING
} warc_field;

typedef enum warc_line_kind {
	WL_FIELD,        /* Name: value */
	WL_CONTINUATION, /* a folded line (space or tab first): more of the field above */
	WL_END,          /* the blank line that ends a header */
	WL_BAD           /* none of these */
} warc_line_kind;

typedef struct warc_line {
	warc_line_kind kind;
	warc_field field;
	size_t value, value_end; /* the value, blanks trimmed, as offsets from p */
	size_t len;              /* the line, its end ("\r\n" or "\n") included */
} warc_line;

/* One header line at p (a line end must come before lim, or the line runs to lim). */
void warc_scan_line(const char *p, const char *lim, warc_line *out);

/* The HTTP status line at p ("HTTP/1.1 200 OK"): the status code, or -1 when the line is no
 * status line. */
int warc_http_status(const char *p, const char *lim);

/* A WARC-Type value. */
typedef enum warc_type {
	WT_RESPONSE, WT_WARCINFO, WT_REQUEST, WT_METADATA, WT_REVISIT, WT_RESOURCE, WT_CONVERSION,
	WT_CONTINUATION, WT_OTHER
} warc_type;
warc_type warc_type_of(const char *p, const char *lim);

/* A Content-Type value: whether it names HTML (text/html, application/xhtml+xml) or HTTP
 * (application/http, for the WARC record itself), and its charset parameter (offsets from p;
 * charset == charset_end when there is none). */
typedef struct warc_media {
	int html, http;
	size_t charset, charset_end;
} warc_media;
void warc_scan_media(const char *p, const char *lim, warc_media *out);

/* A Content-Encoding value: what decodes the body (parser/input/content_coding.c). */
typedef enum warc_coding { WC_IDENTITY, WC_GZIP, WC_DEFLATE, WC_BROTLI, WC_ZSTD, WC_UNKNOWN } warc_coding;
warc_coding warc_coding_of(const char *p, const char *lim);
/* 1 when a Transfer-Encoding value ends with "chunked". */
int warc_chunked(const char *p, const char *lim);

/* A chunk-size line of a chunked body ("1a3f;ext\r\n"): *size the size, *len the line's length
 * with its end. Returns 0, or -1 when the line is not one (or the size overflows). */
int warc_chunk_line(const char *p, const char *lim, uint64_t *size, size_t *len);

/* A Content-Length value: 0 and *n, or -1 when it is not a decimal number. */
int warc_length(const char *p, const char *lim, uint64_t *n);

/* An HTTP Date (IMF-fixdate, RFC 850 or asctime) or a WARC-Date (ISO 8601, UTC) as ISO 8601
 * ("2023-05-04T08:49:37Z"), written to out (at least 32 bytes). Returns 0, or -1 when the value
 * is no such date. */
int warc_iso_date(const char *p, const char *lim, char *out, size_t cap);

/* 1 when the start of a body looks like an HTML document (a doctype, <html>, <head>, <body>,
 * a comment, ... after blanks and a byte-order mark), for a response that names no type. */
int warc_sniff_html(const char *p, const char *lim);

#endif
