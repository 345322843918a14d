/* A unit: one telegram or story cut from an input by the reader (parser/input/reader.c), waiting
 * to be parsed (parser/parse.c). */
#ifndef CW_UNIT_H
#define CW_UNIT_H

#include <stdint.h>

#include "cablewire.h"

struct cw_unit {
	char *bytes;          /* NUL-terminated copy of the unit's input */
	size_t len;
	cw_form form;
	char *path;
	uint64_t index;
	uint64_t file_offset;
	uint32_t file_line;
	int oversize;         /* longer than the limit: bytes holds only its start */
	int broken;           /* cables.csv: the row lost its closing quote */
	uint64_t full_len;
	const char *encoding; /* "UTF-16LE", ...: decoded to UTF-8 by the reader; NULL: as read */
	/* Transport hints of a page read from a web archive (parser/input/warc.c), NULL for
	 * everything else: the charset parameter of its HTTP Content-Type ("windows-1252"), and
	 * its date, ISO 8601 (the HTTP Date header, else the record's WARC-Date). Both point into
	 * transport, which the unit owns. */
	const char *http_charset;
	const char *http_date;
	char *transport;
	/* An item cut from an XML document of several (split_xml_wrap): wrap_open bytes of the
	 * prolog and ancestors' start tags to read before it, then their end tags; NULL when the
	 * unit is a document on its own. */
	char *wrap;
	size_t wrap_open, wrap_len;
};

/* The options a reader was made with (for parsing its units). */
const cw_options *reader_options(const cw_reader *rd);

/* Reading straight into the reader (parser/input/inputs.c): reader_fill_space gives room for up
 * to want bytes at the end of the pending input, or NULL when they must go through
 * cw_reader_feed (a UTF-16 or UTF-32 input, decoded as fed); reader_fill_commit then takes the
 * n bytes read there, as cw_reader_feed would have (n = 0: nothing was read). The copy cw_reader_feed makes is saved: it
 * was a byte of memcpy for every byte of input. */
char *reader_fill_space(cw_reader *rd, size_t want);
/* The transport hints every unit of this reader gets (cw_unit's http_charset and http_date);
 * either may be NULL. Returns 0, or -1 out of memory. */
int reader_set_transport(cw_reader *rd, const char *http_charset, const char *http_date);
cw_status reader_fill_commit(cw_reader *rd, size_t n);
/* The input's first len bytes in a malloc'd buffer of cap bytes (cap > len), taken over as the
 * reader's own as if they had been read there (reader_fill_space): a file read whole costs no
 * copy. Into a reader fed nothing yet, when the bytes pass through; else they are fed as
 * cw_reader_feed feeds them. The reader owns buf either way. */
cw_status reader_adopt(cw_reader *rd, char *buf, size_t len, size_t cap);
/* A reader started on a segment of a file (parser/input/segments.c): its form known, at a unit
 * boundary offset bytes in (0: the file's start, its byte-order mark still looked for). Units
 * are numbered from 1 and lines from 1 when offset > 0 (from 0 and 1 at the start): the
 * caller adds where the segment stands. Returns 0, or -1 when the reader was used already. */
int reader_start_segment(cw_reader *rd, cw_form form, uint64_t offset);
/* The line the pending input starts on. */
uint32_t reader_line(const cw_reader *rd);

#endif
