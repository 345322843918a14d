/* Web archives (WARC/1.0 and WARC/1.1, ISO 28500), read as they stream: plain, gzip per record
 * (a sequence of gzip members, as crawlers write them) or gzip as a whole. Each response record
 * whose HTTP payload is an HTML page is handed on as a page to read (its body de-chunked and
 * inflated); every other record is counted by kind and skipped; damage (a truncated record, a
 * wrong Content-Length, a broken gzip member, bytes between records, a bad header) is told with
 * its place and the reading goes on at the next "WARC/1." line. Only a window of the stream is
 * held (WINDOW bytes, a header at most HEADER_MAX): memory stays flat whatever the file's size.
 * The lines themselves are read by lexer/input/warc.re. */
#ifndef CW_INPUT_WARC_H
#define CW_INPUT_WARC_H

#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"

/* The raw bytes of the file: up to cap, 0 at the end, -1 on a read error. */
typedef long (*warc_pull_fn)(void *ctx, char *buf, size_t cap);

/* 1 when the start of a stream is a WARC ("WARC/1." first), 2 when it is gzip whose inflated
 * start is, 0 otherwise. */
int warc_sniff(const unsigned char *p, size_t n);

typedef struct warc_page warc_page;

/* A page's target URI, the charset of its HTTP Content-Type (NULL when none), its date as ISO
 * 8601 (HTTP Date, else WARC-Date; NULL when neither reads as a date). Valid during on_page. */
const char *warc_page_uri(const warc_page *p);
const char *warc_page_charset(const warc_page *p);
const char *warc_page_date(const warc_page *p);
/* The page's body (its HTTP payload, de-chunked and inflated): up to cap bytes, 0 at its end, -1
 * when it cannot be read on (*code and *why say why, the page named in why: WARC_HTTP_BODY,
 * WARC_TRUNCATED, WARC_GZIP_BROKEN, or INPUT_READ_ERROR for the file itself). */
long warc_page_read(warc_page *p, char *buf, size_t cap, const char **code, const char **why);
/* Where the page's record starts in the archive's (inflated) stream: for its errors. */
void warc_page_where(const warc_page *p, uint64_t *offset, uint32_t *line);

typedef struct warc_events {
	/* A page to read (through warc_page_read; what is left unread is skipped). */
	int (*on_page)(void *ctx, warc_page *page);
	/* A record not read as a page. */
	int (*on_skip)(void *ctx, cw_warc_skip kind);
	/* Damage at the inflated stream's offset and line (the message names the gzip member when
	 * there is one). */
	int (*on_damage)(void *ctx, const char *code, uint64_t offset, uint32_t line,
			 const char *message);
	/* The file could not be read on (an I/O error, out of memory): the walk ends. */
	int (*on_failed)(void *ctx, const char *why);
	void *ctx;
} warc_events;

/* Reads the archive through pull (gzip: the stream is gzip, warc_sniff's 2). Returns non-zero
 * when a callback stopped the walk. */
int warc_each(warc_pull_fn pull, void *pull_ctx, int gzip, const warc_events *ev);

#endif
