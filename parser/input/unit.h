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
cw_status reader_fill_commit(cw_reader *rd, size_t n);

#endif
