#include "parser/input/warc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "lexer/core/runs.h"
#include "lexer/input/warc.h"
#include "parser/input/content_coding.h"

/* WINDOW: the inflated stream held at once (the reads are RAW_BLOCK bytes of the file). A
 * header (WARC or HTTP) longer than HEADER_MAX is damage, not a reason to hold more: real ones
 * are a few hundred bytes. A chunk-size line longer than LINE_MAX is damage too. SNIFF_HTML: the
 * start of a body looked at when its response names no Content-Type. */
enum {
	WINDOW = 256 * 1024,
	RAW_BLOCK = 64 * 1024,
	HEADER_MAX = 64 * 1024,
	LINE_MAX_ = 4096,
	SNIFF_HTML = 1024,
	MESSAGE = 512
};

typedef enum chunk_state { CH_NONE, CH_SIZE, CH_DATA, CH_DATA_END, CH_TRAILER, CH_DONE } chunk_state;

typedef struct warc {
	warc_pull_fn pull;
	void *pull_ctx;
	const warc_events *ev;
	/* gzip: the file's bytes, inflated member after member */
	int gzip;
	z_stream z;
	int z_live;
	unsigned char *raw;
	size_t raw_pos, raw_len;
	int raw_eof;
	uint64_t raw_off;      /* file bytes before raw[0] */
	uint64_t member_at;    /* file offset of the gzip member being inflated */
	int broken;            /* a gzip member broke: no more bytes until resumed */
	int broken_told;       /* ... and a diagnostic said so already */
	int cut_told;          /* the record being read was told cut already (by its page) */
	/* the window of the inflated stream */
	char *buf;             /* WINDOW + 1 bytes (a NUL after the data for the scanners) */
	size_t pos, len;
	uint64_t off;          /* stream offset of buf[0] */
	uint32_t line;         /* line of buf[pos] */
	int eof;               /* the stream has ended (or broke: see broken) */
	int failed;            /* an I/O error or no memory: the walk ends */
	char failed_why[256];
	/* the record being read */
	uint64_t block_left;   /* bytes of its block still unread */
	uint64_t rec_off;
	uint32_t rec_line;
	int stop;              /* a callback asked to stop */
} warc;

struct warc_page {
	warc *w;
	const char *uri, *charset, *date;
	chunk_state chunk;
	uint64_t chunk_left;
	uint64_t chunks;       /* chunk-size lines read */
	int coding;            /* warc_coding */
	content_decoder dec;   /* ... when not identity */
	int dec_end;           /* its stream is complete */
	char pre[SNIFF_HTML];  /* the body's start, read for sniffing: served first */
	size_t pre_len, pre_pos;
	const char *code;      /* why the body cannot be read on */
	char why[MESSAGE];
	char told[MESSAGE + 160]; /* ... with the page's name */
	uint64_t rec_off;      /* where its record starts */
	uint32_t rec_line;
};

void warc_page_where(const warc_page *p, uint64_t *offset, uint32_t *line)
{
	*offset = p->rec_off;
	*line = p->rec_line;
}

const char *warc_page_uri(const warc_page *p) { return p->uri; }
const char *warc_page_charset(const warc_page *p) { return p->charset; }
const char *warc_page_date(const warc_page *p) { return p->date; }

/* ---- the inflated stream ------------------------------------------------------------------ */

static long pull_raw(warc *w, char *dst, size_t cap)
{
	long n = w->pull(w->pull_ctx, dst, cap);
	if (n < 0) {
		w->failed = 1;
		snprintf(w->failed_why, sizeof w->failed_why, "read error");
	}
	return n;
}

/* More file bytes for the gzip stream; 0 at the end. */
static int more_raw(warc *w)
{
	if (w->raw_pos < w->raw_len)
		return 1;
	if (w->raw_eof)
		return 0;
	w->raw_off += w->raw_len;
	w->raw_pos = w->raw_len = 0;
	long n = pull_raw(w, (char *)w->raw, RAW_BLOCK);
	if (n <= 0) {
		w->raw_eof = 1;
		return 0;
	}
	w->raw_len = (size_t)n;
	return 1;
}

/* After a broken member: the next gzip header (1f 8b 08) in the file, from where inflating
 * failed. 1 found, 0 the file ends first. */
static int next_member(warc *w)
{
	for (;;) {
		if (!more_raw(w))
			return 0;
		unsigned char *p = w->raw + w->raw_pos, *e = w->raw + w->raw_len;
		while (p < e && (p = memchr(p, 0x1f, (size_t)(e - p))) != NULL) {
			if (p + 3 > e) {
				/* Cut at the block's end: keep the start for the next block. */
				size_t keep = (size_t)(e - p);
				memmove(w->raw, p, keep);
				w->raw_off += (uint64_t)(p - w->raw);
				w->raw_pos = 0;
				w->raw_len = keep;
				long n = w->raw_eof ? 0 : pull_raw(w, (char *)w->raw + keep,
								   RAW_BLOCK - keep);
				if (n <= 0) {
					w->raw_eof = 1;
					w->raw_pos = w->raw_len;
					return 0;
				}
				w->raw_len += (size_t)n;
				p = w->raw;
				e = w->raw + w->raw_len;
				continue;
			}
			/* never the broken member's own start again: the search moves on */
			if (p[1] == 0x8b && p[2] == 0x08 &&
			    w->raw_off + (uint64_t)(p - w->raw) > w->member_at) {
				w->raw_pos = (size_t)(p - w->raw);
				return 1;
			}
			p++;
		}
		w->raw_pos = w->raw_len;
	}
}

/* Inflates into dst; returns the bytes added, 0 at the end or at a break (a member that does
 * not inflate, or the file ending inside one). */
static size_t inflate_some(warc *w, char *dst, size_t cap)
{
	size_t got = 0;
	while (got == 0 && !w->broken) {
		if (!more_raw(w)) {
			if (w->z_live) {
				w->broken = 1; /* cut inside a member */
				inflateEnd(&w->z);
				w->z_live = 0;
			}
			return 0;
		}
		if (!w->z_live) {
			/* A member starts here. Bytes that are no gzip header (padding, garbage)
			 * break the stream as a broken member does. */
			w->member_at = w->raw_off + w->raw_pos;
			memset(&w->z, 0, sizeof w->z);
			if (inflateInit2(&w->z, 16 + MAX_WBITS) != Z_OK) {
				w->failed = 1;
				snprintf(w->failed_why, sizeof w->failed_why, "out of memory");
				return 0;
			}
			w->z_live = 1;
		}
		w->z.next_in = w->raw + w->raw_pos;
		w->z.avail_in = (uInt)(w->raw_len - w->raw_pos);
		w->z.next_out = (unsigned char *)dst;
		w->z.avail_out = (uInt)cap;
		int rc = inflate(&w->z, Z_NO_FLUSH);
		w->raw_pos = w->raw_len - w->z.avail_in;
		got = cap - w->z.avail_out;
		if (rc == Z_STREAM_END) {
			inflateEnd(&w->z);
			w->z_live = 0;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			w->broken = 1;
			inflateEnd(&w->z);
			w->z_live = 0;
			/* The next member is looked for from where inflating failed (not from
			 * this member's start, which may have left the buffer: what is found must
			 * not depend on read sizes). */
		}
	}
	return got;
}

/* Reads more of the stream into the window (moving what is held to its front). Returns the
 * bytes added; 0 at the end of the stream, at a gzip break, or on failure. */
static size_t fill(warc *w)
{
	if (w->eof || w->failed)
		return 0;
	if (w->pos) {
		memmove(w->buf, w->buf + w->pos, w->len - w->pos);
		w->off += w->pos;
		w->len -= w->pos;
		w->pos = 0;
	}
	if (w->len >= WINDOW)
		return 0;
	size_t got;
	if (w->gzip) {
		got = inflate_some(w, w->buf + w->len, WINDOW - w->len);
	} else {
		long n = pull_raw(w, w->buf + w->len, WINDOW - w->len);
		got = n > 0 ? (size_t)n : 0;
	}
	if (!got && !w->failed)
		w->eof = 1;
	w->len += got;
	w->buf[w->len] = '\0';
	return got;
}

/* At least n bytes held from pos, unless the stream ends first: what is held. */
static size_t need(warc *w, size_t n)
{
	while (w->len - w->pos < n && fill(w))
		;
	return w->len - w->pos;
}

/* Drops n held bytes (n <= held), counting their lines. */
static void consume(warc *w, size_t n)
{
	w->line += (uint32_t)runs_count((const unsigned char *)w->buf + w->pos, n, '\n');
	w->pos += n;
}

/* ---- telling ------------------------------------------------------------------------------ */

static void damage(warc *w, const char *code, uint64_t off, uint32_t line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

#include <stdarg.h>

static void damage(warc *w, const char *code, uint64_t off, uint32_t line, const char *fmt, ...)
{
	char msg[MESSAGE + 128];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (w->gzip && n >= 0 && (size_t)n < sizeof msg)
		snprintf(msg + n, sizeof msg - (size_t)n, " (in the gzip member at byte %llu of the file)",
			 (unsigned long long)w->member_at);
	if (!w->stop && w->ev->on_damage)
		w->stop = w->ev->on_damage(w->ev->ctx, code, off, line, msg);
}

/* The stream ended where more was due: a broken gzip member (told once), or the end. */
static void ended_early(warc *w, const char *where)
{
	if (w->failed)
		return;
	if (w->broken) {
		if (!w->broken_told)
			damage(w, "WARC_GZIP_BROKEN", w->off + w->len, w->line,
			       "a gzip member does not inflate (damaged or cut): the records it holds "
			       "are lost; reading goes on at the next member");
		w->broken_told = 1;
	} else if (!w->cut_told) {
		w->cut_told = 1;
		damage(w, "WARC_TRUNCATED", w->rec_off, w->rec_line,
		       "the archive ends %s: the record is cut", where);
	}
}

/* After a gzip break: the window's bytes are dropped and inflating starts at the next member. */
static void resume_after_break(warc *w)
{
	if (!w->broken)
		return;
	if (!w->broken_told)
		ended_early(w, "between records");
	w->off += w->len;
	w->pos = w->len = 0;
	w->buf[0] = '\0';
	w->broken = w->broken_told = 0;
	w->eof = !next_member(w) || w->failed;
}

/* Drops bytes up to the next line starting "WARC/1." (or to the end, or to a gzip break);
 * returns how many. */
static uint64_t resync(warc *w)
{
	uint64_t dropped = 0;
	for (;;) {
		size_t held = need(w, 8);
		if (!held)
			return dropped;
		const char *p = w->buf + w->pos;
		const char *nl = memchr(p, '\n', held);
		size_t drop = nl ? (size_t)(nl - p) + 1 : held;
		dropped += drop;
		consume(w, drop);
		if (nl && need(w, 8) >= 7 && memcmp(w->buf + w->pos, "WARC/1.", 7) == 0)
			return dropped;
	}
}

/* Past a record that cannot be read on (its version line at pos): to the next one. */
static void skip_to_next(warc *w)
{
	consume(w, 1);
	resync(w);
}

/* ---- a record's block ----------------------------------------------------------------------- */

/* Bytes of the block held from pos (reading more when none are), 0 when the block is done or
 * the stream ended. */
static size_t block_held(warc *w)
{
	if (!w->block_left)
		return 0;
	size_t held = w->len - w->pos;
	if (!held)
		held = need(w, 1);
	return held < w->block_left ? held : (size_t)w->block_left;
}

static void block_consume(warc *w, size_t n)
{
	consume(w, n);
	w->block_left -= n;
}

/* The rest of the block, unread. 0, or -1 when the stream ended first (told). */
static int skip_block(warc *w)
{
	size_t n;
	while ((n = block_held(w)) > 0)
		block_consume(w, n);
	if (w->block_left) {
		ended_early(w, "inside a record's block");
		return -1;
	}
	return 0;
}

/* ---- the HTTP body -------------------------------------------------------------------------- */

static void body_error(warc_page *pg, const char *code, const char *fmt, const char *arg)
{
	pg->code = code;
	snprintf(pg->why, sizeof pg->why, fmt, arg);
}

/* The next span of payload bytes held in the window (de-chunked, not yet inflated): 1 and
 * *p, *n; 0 at the body's end; -1 on damage (pg->code). */
static int body_span(warc_page *pg, const char **p, size_t *n)
{
	warc *w = pg->w;
	for (;;) {
		if (pg->chunk == CH_NONE) {
			size_t held = block_held(w);
			if (!held)
				break;
			*p = w->buf + w->pos;
			*n = held;
			return 1;
		}
		if (pg->chunk == CH_DONE)
			return 0;
		if (pg->chunk == CH_DATA) {
			size_t held = block_held(w);
			if (!held)
				break;
			*p = w->buf + w->pos;
			*n = held < pg->chunk_left ? held : (size_t)pg->chunk_left;
			return 1;
		}
		/* A line of the chunked framing: a size line, the CRLF after a chunk, a trailer. */
		size_t held = need(w, LINE_MAX_);
		if (held > w->block_left)
			held = (size_t)w->block_left;
		const char *s = w->buf + w->pos;
		const char *nl = memchr(s, '\n', held);
		if (!nl && pg->chunk == CH_SIZE && !pg->chunks &&
		    (held >= LINE_MAX_ || w->block_left == held)) {
			pg->chunk = CH_NONE; /* no size line at all: stored de-chunked (below) */
			continue;
		}
		if (!nl) {
			if (held < LINE_MAX_ && (w->block_left == held))
				body_error(pg, "WARC_HTTP_BODY", "its chunked body %s",
					   "ends inside its framing (no last chunk of size 0)");
			else if (held < LINE_MAX_)
				break;
			else
				body_error(pg, "WARC_HTTP_BODY", "its chunked body %s",
					   "holds a line of framing longer than 4096 bytes");
			return -1;
		}
		size_t line = (size_t)(nl - s) + 1;
		char save = s[line];
		w->buf[w->pos + line] = '\0';
		if (pg->chunk == CH_SIZE) {
			uint64_t size;
			size_t len;
			int bad = warc_chunk_line(s, s + line, &size, &len);
			w->buf[w->pos + line] = save;
			if (bad && !pg->chunks) {
				/* Stored de-chunked under its original header (as some crawlers
				 * do): the body is read as it is. */
				pg->chunk = CH_NONE;
				continue;
			}
			pg->chunks++;
			if (bad) {
				body_error(pg, "WARC_HTTP_BODY", "its chunked body %s",
					   "has a chunk-size line that is not a hexadecimal size");
				return -1;
			}
			block_consume(w, line);
			pg->chunk_left = size;
			pg->chunk = size ? CH_DATA : CH_TRAILER;
		} else {
			int blank = line <= 2 && (s[0] == '\n' || s[0] == '\r');
			w->buf[w->pos + line] = save;
			if (pg->chunk == CH_DATA_END && !blank) {
				body_error(pg, "WARC_HTTP_BODY", "its chunked body %s",
					   "has a chunk longer than its size says");
				return -1;
			}
			block_consume(w, line);
			if (pg->chunk == CH_DATA_END)
				pg->chunk = CH_SIZE;
			else if (blank)
				pg->chunk = CH_DONE; /* the trailer's end */
		}
	}
	if (w->block_left) {
		/* The page's own error record tells it (inputs.c), not a second one. */
		if (w->broken) {
			pg->code = "WARC_GZIP_BROKEN";
			snprintf(pg->why, sizeof pg->why, "a gzip member of the archive does not "
				 "inflate (damaged or cut) inside the page's record: the page is lost; "
				 "reading goes on at the next member");
			w->broken_told = 1;
		} else {
			pg->code = "WARC_TRUNCATED";
			snprintf(pg->why, sizeof pg->why, "the archive ends inside the page's "
				 "record (%llu bytes of its block missing): the page is lost",
				 (unsigned long long)w->block_left);
			w->cut_told = 1;
		}
		if (w->failed) {
			pg->code = "INPUT_READ_ERROR";
			snprintf(pg->why, sizeof pg->why, "%s", w->failed_why);
		}
		return -1;
	}
	if (pg->chunk != CH_NONE && pg->chunk != CH_DONE) {
		body_error(pg, "WARC_HTTP_BODY", "its chunked body %s",
			   "ends inside its framing (no last chunk of size 0)");
		return -1;
	}
	return 0;
}

static void span_consume(warc_page *pg, size_t n)
{
	block_consume(pg->w, n);
	if (pg->chunk == CH_DATA && (pg->chunk_left -= n) == 0)
		pg->chunk = CH_DATA_END;
}

/* The body, decoded, without the sniffed start. */
static long body_read(warc_page *pg, char *dst, size_t cap)
{
	const char *p;
	size_t n;
	int rc;
	if (pg->code)
		return -1;
	if (pg->coding == WC_IDENTITY) {
		if ((rc = body_span(pg, &p, &n)) <= 0)
			return rc;
		if (n > cap)
			n = cap;
		memcpy(dst, p, n);
		span_consume(pg, n);
		return (long)n;
	}
	if (!pg->dec.live && !pg->dec_end) {
		rc = body_span(pg, &p, &n);
		if (rc < 0)
			return -1;
		if (rc > 0 && !content_looks_encoded(pg->coding, (const unsigned char *)p, n)) {
			/* Stored decoded under its original header (as some crawlers do). */
			pg->coding = WC_IDENTITY;
			return body_read(pg, dst, cap);
		}
		if (rc == 0)
			return 0; /* an empty body */
		if (content_decoder_open(&pg->dec, pg->coding, (const unsigned char *)p, n) < 0) {
			body_error(pg, "INPUT_READ_ERROR", "%s", "out of memory");
			return -1;
		}
	}
	size_t got = 0;
	while (got == 0 && pg->dec.live) {
		rc = body_span(pg, &p, &n);
		if (rc < 0)
			return -1;
		/* At the body's end the decoder is asked once more without input: it may hold
		 * decoded bytes that did not fit before (Brotli and zstd take input ahead). */
		size_t used;
		content_step st = content_decoder_step(&pg->dec, (const unsigned char *)(rc ? p : ""),
						       rc ? n : 0, &used, (unsigned char *)dst, cap, &got);
		if (rc)
			span_consume(pg, used);
		else if (st == CONTENT_MORE && got == 0) {
			content_decoder_close(&pg->dec);
			if (pg->dec.at_rest) { /* zstd: the body ended between two frames */
				pg->dec_end = 1;
				return 0;
			}
			body_error(pg, "WARC_HTTP_BODY", "its %s body ends before its compressed stream does",
				   content_coding_name(pg->coding));
			return -1;
		}
		if (st == CONTENT_END) {
			content_decoder_close(&pg->dec);
			pg->dec_end = 1;
		} else if (st != CONTENT_MORE) {
			content_decoder_close(&pg->dec);
			if (st == CONTENT_NOMEM)
				body_error(pg, "INPUT_READ_ERROR", "%s", "out of memory");
			else
				body_error(pg, "WARC_HTTP_BODY", "its %s body does not decode",
					   content_coding_name(pg->coding));
			/* What was decoded before the damage is handed on first: the error comes
			 * with the next read, whatever the read sizes. */
			return got ? (long)got : -1;
		}
	}
	return (long)got;
}

long warc_page_read(warc_page *pg, char *buf, size_t cap, const char **code, const char **why)
{
	if (pg->pre_pos < pg->pre_len) {
		size_t n = pg->pre_len - pg->pre_pos;
		if (n > cap)
			n = cap;
		memcpy(buf, pg->pre + pg->pre_pos, n);
		pg->pre_pos += n;
		return (long)n;
	}
	long n = body_read(pg, buf, cap);
	if (n < 0) {
		*code = pg->code;
		snprintf(pg->told, sizeof pg->told, "the page %.120s: %s", pg->uri, pg->why);
		*why = pg->told;
	}
	return n;
}

static void page_end(warc_page *pg)
{
	content_decoder_close(&pg->dec);
}

/* ---- records --------------------------------------------------------------------------------- */

/* A header (WARC or HTTP) held whole: its length up to and with the blank line that ends it
 * (0 when the stream or the limit came first), read from pos; limit bounds it (a block). */
static size_t header_length(warc *w, uint64_t limit, int *too_long)
{
	size_t from = 0;
	*too_long = 0;
	for (;;) {
		size_t held = w->len - w->pos;
		if (held > limit)
			held = (size_t)limit;
		const char *s = w->buf + w->pos;
		while (from < held) {
			const char *nl = memchr(s + from, '\n', held - from);
			if (!nl)
				break;
			size_t at = (size_t)(nl - s);
			/* a blank line: "\n" or "\r\n" right after the previous line's end */
			if (at > 0 && (s[at - 1] == '\n' || (s[at - 1] == '\r' && at > 1 && s[at - 2] == '\n')))
				return at + 1;
			from = at + 1;
		}
		if (held >= HEADER_MAX) {
			*too_long = 1;
			return 0;
		}
		if (held >= limit || !fill(w))
			return 0;
	}
}

/* What a record's fields say. The values point into the window, NUL-terminated there. */
typedef struct fields {
	const char *type, *uri, *warc_date, *length, *content_type;
	const char *date, *content_encoding, *transfer_encoding;
	int bad_line;          /* the first line that is no field (its number in the header), or 0 */
} fields;

/* Reads the header lines of [s, s + n) (its first line already read when skip_first). */
static void read_fields(char *s, size_t n, fields *f)
{
	memset(f, 0, sizeof *f);
	char *e = s + n;
	const char **last = NULL;
	int lineno = 1;
	while (s < e) {
		warc_line l;
		char save = *e;
		*e = '\0';
		warc_scan_line(s, e, &l);
		*e = save;
		if (l.kind == WL_END)
			break;
		if (l.kind == WL_BAD) {
			if (!f->bad_line)
				f->bad_line = lineno;
		} else if (l.kind == WL_FIELD) {
			const char **slot = NULL;
			switch (l.field) {
			case WF_WARC_TYPE: slot = &f->type; break;
			case WF_TARGET_URI: slot = &f->uri; break;
			case WF_WARC_DATE: slot = &f->warc_date; break;
			case WF_CONTENT_LENGTH: slot = &f->length; break;
			case WF_CONTENT_TYPE: slot = &f->content_type; break;
			case WF_DATE: slot = &f->date; break;
			case WF_CONTENT_ENCODING: slot = &f->content_encoding; break;
			case WF_TRANSFER_ENCODING: slot = &f->transfer_encoding; break;
			default: break;
			}
			/* The first of a repeated field counts; a folded line continues nothing. */
			last = slot && !*slot ? slot : NULL;
			if (last) {
				s[l.value_end] = '\0';
				*last = s + l.value;
			}
		}
		/* Continuation lines are rare in both headers; a field's first line is its value. */
		s += l.len ? l.len : 1;
		lineno++;
	}
}

static void skip_kind_of(warc_type t, cw_warc_skip *k)
{
	switch (t) {
	case WT_WARCINFO: *k = CW_WARC_SKIP_WARCINFO; break;
	case WT_REQUEST: *k = CW_WARC_SKIP_REQUEST; break;
	case WT_METADATA: *k = CW_WARC_SKIP_METADATA; break;
	case WT_REVISIT: *k = CW_WARC_SKIP_REVISIT; break;
	case WT_RESOURCE: *k = CW_WARC_SKIP_RESOURCE; break;
	case WT_CONVERSION: *k = CW_WARC_SKIP_CONVERSION; break;
	case WT_CONTINUATION: *k = CW_WARC_SKIP_CONTINUATION; break;
	default: *k = CW_WARC_SKIP_OTHER_TYPE; break;
	}
}

static void skipped(warc *w, cw_warc_skip k)
{
	if (!w->stop && w->ev->on_skip)
		w->stop = w->ev->on_skip(w->ev->ctx, k);
}

static char *dup_range(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* A response record's HTTP message, its block at pos: the page handed on, or the record skipped
 * (counted) or told. The caller skips what is left of the block. */
static void read_response(warc *w, const fields *rf)
{
	int too_long;
	uint64_t http_off = w->off + w->pos;
	uint32_t http_line = w->line;
	if (rf->content_type) {
		warc_media m;
		warc_scan_media(rf->content_type, rf->content_type + strlen(rf->content_type), &m);
		if (!m.http) {
			/* a DNS answer, a record of a protocol that is not HTTP */
			skipped(w, CW_WARC_SKIP_NOT_HTML);
			return;
		}
	}
	/* The status line first: a block that is no HTTP message is told as such. */
	size_t held = need(w, 256);
	if (held > w->block_left)
		held = (size_t)w->block_left;
	const char *nl0 = memchr(w->buf + w->pos, '\n', held);
	if (held && (nl0 || held >= 256 || held == w->block_left)) {
		size_t n0 = nl0 ? (size_t)(nl0 - (w->buf + w->pos)) + 1 : held;
		char keep = w->buf[w->pos + n0];
		w->buf[w->pos + n0] = '\0';
		int st = warc_http_status(w->buf + w->pos, w->buf + w->pos + n0);
		w->buf[w->pos + n0] = keep;
		if (st < 0) {
			damage(w, "WARC_HTTP_BAD", http_off, http_line,
			       "the response to %s does not start with an HTTP status line "
			       "(HTTP/1.1 200 OK): the record is skipped",
			       rf->uri ? rf->uri : "(no WARC-Target-URI)");
			return;
		}
	}
	size_t hlen = header_length(w, w->block_left, &too_long);
	if (!hlen) {
		if (!too_long && w->block_left > w->len - w->pos)
			return; /* the block is cut: skip_block tells */
		damage(w, "WARC_HTTP_BAD", http_off, http_line,
		       too_long ? "the HTTP header of the response to %s is longer than 65536 bytes: "
				  "the record is skipped"
				: "the HTTP header of the response to %s has no end (no blank line in the "
				  "record's block): the record is skipped",
		       rf->uri ? rf->uri : "(no WARC-Target-URI)");
		return;
	}
	/* The header's copy: its values are cut in place. */
	char *head = dup_range(w->buf + w->pos, hlen);
	if (!head) {
		w->failed = 1;
		snprintf(w->failed_why, sizeof w->failed_why, "out of memory");
		return;
	}
	char *nl = memchr(head, '\n', hlen);
	size_t first = nl ? (size_t)(nl - head) + 1 : hlen;
	char save = head[first];
	head[first] = '\0';
	int status = warc_http_status(head, head + first);
	head[first] = save;
	fields hf;
	read_fields(head + first, hlen - first, &hf);
	if (status < 0 || hf.bad_line) {
		damage(w, "WARC_HTTP_BAD", http_off, http_line + (status < 0 ? 0 : (uint32_t)hf.bad_line),
		       status < 0 ? "the response to %s does not start with an HTTP status line "
				    "(HTTP/1.1 200 OK): the record is skipped"
				  : "the HTTP header of the response to %s holds a line that is no "
				    "field (Name: value): the record is skipped",
		       rf->uri ? rf->uri : "(no WARC-Target-URI)");
		free(head);
		return;
	}
	block_consume(w, hlen);
	if (status != 200) {
		skipped(w, CW_WARC_SKIP_STATUS);
		free(head);
		return;
	}
	warc_page pg;
	memset(&pg, 0, sizeof pg);
	pg.w = w;
	int sniff = 1;
	char charset[64] = "";
	if (hf.content_type) {
		warc_media m;
		warc_scan_media(hf.content_type, hf.content_type + strlen(hf.content_type), &m);
		if (!m.html) {
			skipped(w, CW_WARC_SKIP_NOT_HTML);
			free(head);
			return;
		}
		sniff = 0;
		if (m.charset_end > m.charset && m.charset_end - m.charset < sizeof charset)
			snprintf(charset, sizeof charset, "%.*s", (int)(m.charset_end - m.charset),
				 hf.content_type + m.charset);
	}
	pg.coding = hf.content_encoding
			    ? (int)warc_coding_of(hf.content_encoding,
						  hf.content_encoding + strlen(hf.content_encoding))
			    : WC_IDENTITY;
	if (pg.coding == WC_UNKNOWN) {
		damage(w, "WARC_HTTP_ENCODING", http_off, http_line,
		       "the page %s is sent with Content-Encoding: %s, which cablewire does not "
		       "decode (gzip, deflate, br, zstd and identity are read): the record is skipped",
		       rf->uri ? rf->uri : "(no WARC-Target-URI)", hf.content_encoding);
		free(head);
		return;
	}
	pg.chunk = hf.transfer_encoding &&
				   warc_chunked(hf.transfer_encoding,
						hf.transfer_encoding + strlen(hf.transfer_encoding))
			   ? CH_SIZE : CH_NONE;
	char date[48];
	pg.date = (hf.date && !warc_iso_date(hf.date, hf.date + strlen(hf.date), date, sizeof date)) ||
				  (rf->warc_date && !warc_iso_date(rf->warc_date, rf->warc_date +
							strlen(rf->warc_date), date, sizeof date))
			  ? date : NULL;
	pg.charset = charset[0] ? charset : NULL;
	pg.uri = rf->uri;
	pg.rec_off = w->rec_off;
	pg.rec_line = w->rec_line;
	free(head);
	if (sniff) {
		/* No Content-Type: the body's start says whether it is a page. */
		while (pg.pre_len < SNIFF_HTML) {
			long n = body_read(&pg, pg.pre + pg.pre_len, SNIFF_HTML - pg.pre_len);
			if (n <= 0)
				break;
			pg.pre_len += (size_t)n;
		}
		char tmp[SNIFF_HTML + 1];
		memcpy(tmp, pg.pre, pg.pre_len);
		tmp[pg.pre_len] = '\0';
		if (!pg.code && !warc_sniff_html(tmp, tmp + pg.pre_len)) {
			page_end(&pg);
			skipped(w, CW_WARC_SKIP_NOT_HTML);
			return;
		}
	}
	if (!rf->uri) {
		page_end(&pg);
		damage(w, "WARC_NO_TARGET_URI", w->rec_off, w->rec_line,
		       "a response holding an HTML page has no WARC-Target-URI to name it by: the "
		       "record is skipped");
		return;
	}
	if (!w->stop && w->ev->on_page)
		w->stop = w->ev->on_page(w->ev->ctx, &pg);
	page_end(&pg);
}

/* One record from pos (its version line there). */
static void read_record(warc *w)
{
	w->cut_told = 0;
	w->rec_off = w->off + w->pos;
	w->rec_line = w->line;
	int too_long;
	size_t hlen = header_length(w, (uint64_t)-1, &too_long);
	if (!hlen) {
		if (too_long) {
			damage(w, "WARC_BAD_HEADER", w->rec_off, w->rec_line,
			       "a record's header is longer than 65536 bytes (no blank line ends it): "
			       "skipped to the next WARC/1. line");
			skip_to_next(w);
		} else if (!w->failed) {
			ended_early(w, "inside a record's header");
			consume(w, w->len - w->pos);
		}
		return;
	}
	size_t vlen;
	char save = w->buf[w->pos + hlen];
	w->buf[w->pos + hlen] = '\0';
	warc_version_line(w->buf + w->pos, w->buf + w->pos + hlen, &vlen);
	fields f;
	read_fields(w->buf + w->pos + vlen, hlen - vlen, &f);
	/* The values stay in the window until the block is read: copied before it moves. */
	char *copy = NULL;
	w->buf[w->pos + hlen] = save;
	uint64_t length = 0;
	if (f.bad_line || !f.length || warc_length(f.length, f.length + strlen(f.length), &length) ||
	    !f.type) {
		char what[160];
		if (f.bad_line)
			snprintf(what, sizeof what, "its line %d is no field (Name: value)",
				 f.bad_line + 1);
		else if (!f.length)
			snprintf(what, sizeof what, "it has no Content-Length");
		else if (!f.type)
			snprintf(what, sizeof what, "it has no WARC-Type");
		else
			snprintf(what, sizeof what, "its Content-Length is not a number");
		int can_skip = f.length && !warc_length(f.length, f.length + strlen(f.length), &length);
		damage(w, "WARC_BAD_HEADER", w->rec_off, w->rec_line,
		       "a record's header is damaged: %s; %s", what,
		       can_skip ? "the record is skipped" : "skipped to the next WARC/1. line");
		if (!can_skip) {
			skip_to_next(w);
			return;
		}
		f.type = NULL; /* skipped whole below */
	}
	/* What the record needs after its header moves: its fields, copied. */
	size_t total = 0;
	const char *vals[4] = { f.type, f.uri, f.warc_date, f.content_type };
	for (int i = 0; i < 4; i++)
		total += vals[i] ? strlen(vals[i]) + 1 : 0;
	copy = malloc(total ? total : 1);
	if (!copy) {
		w->failed = 1;
		snprintf(w->failed_why, sizeof w->failed_why, "out of memory");
		return;
	}
	char *at = copy;
	const char **dst[4] = { &f.type, &f.uri, &f.warc_date, &f.content_type };
	for (int i = 0; i < 4; i++)
		if (vals[i]) {
			size_t n = strlen(vals[i]) + 1;
			memcpy(at, vals[i], n);
			*dst[i] = at;
			at += n;
		}
	consume(w, hlen);
	w->block_left = length;
	if (f.type) {
		warc_type t = warc_type_of(f.type, f.type + strlen(f.type));
		if (t == WT_RESPONSE) {
			read_response(w, &f);
		} else {
			cw_warc_skip k;
			skip_kind_of(t, &k);
			skipped(w, k);
		}
	}
	free(copy);
	if (w->failed || skip_block(w) != 0)
		return;
	/* The block ends with CRLF CRLF; anything else means its Content-Length is wrong. What
	 * is told depends on the bytes, not on when a gzip break behind them was found. */
	size_t held = need(w, 4);
	const char *s = w->buf + w->pos;
	if (held >= 4 && memcmp(s, "\r\n\r\n", 4) == 0) {
		consume(w, 4);
	} else if (held >= 2 && memcmp(s, "\n\n", 2) == 0) {
		consume(w, 2); /* bare line ends, as some tools write */
	} else if (held < 4 && memcmp(s, "\r\n\r\n", held) == 0) {
		/* cut there: by a broken gzip member (told when met) or the end of the file */
		if (!w->broken)
			damage(w, "WARC_TRUNCATED", w->off + w->pos, w->line,
			       "the archive ends right after a record's block, without the CRLF CRLF "
			       "that closes it");
	} else {
		damage(w, "WARC_LENGTH_MISMATCH", w->rec_off, w->rec_line,
		       "the record's block does not end where its Content-Length (%llu) says (no "
		       "CRLF CRLF there): the record may be cut or run into the next; skipped to "
		       "the next WARC/1. line",
		       (unsigned long long)length);
		resync(w);
	}
}

int warc_each(warc_pull_fn pull, void *pull_ctx, int gzip, const warc_events *ev)
{
	warc *w = calloc(1, sizeof *w);
	if (!w || !(w->buf = malloc(WINDOW + 1)) || (gzip && !(w->raw = malloc(RAW_BLOCK)))) {
		if (w)
			free(w->buf);
		free(w);
		return ev->on_failed ? ev->on_failed(ev->ctx, "out of memory") : 1;
	}
	w->pull = pull;
	w->pull_ctx = pull_ctx;
	w->ev = ev;
	w->gzip = gzip;
	w->line = 1;
	w->buf[0] = '\0';
	while (!w->stop && !w->failed) {
		/* Blank lines between records are no damage. */
		size_t held = need(w, 16);
		size_t blank = 0;
		while (blank < held && (w->buf[w->pos + blank] == '\r' || w->buf[w->pos + blank] == '\n'))
			blank++;
		if (blank) {
			consume(w, blank);
			continue;
		}
		if (held == 0) {
			if (w->broken) {
				resume_after_break(w);
				continue;
			}
			break;
		}
		size_t vlen;
		need(w, 64);
		if (warc_version_line(w->buf + w->pos, w->buf + w->len, &vlen)) {
			read_record(w);
			continue;
		}
		uint64_t at = w->off + w->pos;
		uint32_t line = w->line;
		uint64_t dropped = resync(w);
		/* Bytes that end at a broken gzip member are its own: WARC_GZIP_BROKEN tells them
		 * (whenever the break is found, so what is told does not depend on read sizes). */
		if (dropped && !w->broken)
			damage(w, "WARC_GARBAGE", at, line,
			       "%llu byte%s that are no WARC record (no WARC/1.0 or WARC/1.1 line "
			       "starts them): skipped to the next record",
			       (unsigned long long)dropped, dropped == 1 ? "" : "s");
	}
	if (w->failed && !w->stop && ev->on_failed)
		w->stop = ev->on_failed(ev->ctx, w->failed_why);
	if (w->z_live)
		inflateEnd(&w->z);
	int stop = w->stop;
	free(w->raw);
	free(w->buf);
	free(w);
	return stop;
}

int warc_sniff(const unsigned char *p, size_t n)
{
	if (n >= 7 && memcmp(p, "WARC/1.", 7) == 0)
		return 1;
	if (n < 18 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 0x08)
		return 0;
	unsigned char out[8];
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = sizeof out;
	int rc = inflate(&z, Z_SYNC_FLUSH);
	size_t got = sizeof out - z.avail_out;
	inflateEnd(&z);
	(void)rc;
	return got >= 7 && memcmp(out, "WARC/1.", 7) == 0 ? 2 : 0;
}

const char *cw_warc_skip_name(cw_warc_skip k)
{
	static const char *const names[CW_WARC_SKIP_COUNT] = {
		"warcinfo", "request", "metadata", "revisit", "resource", "conversion",
		"continuation", "other-type", "not-html", "status-not-200"
	};
	return k < CW_WARC_SKIP_COUNT ? names[k] : NULL;
}
