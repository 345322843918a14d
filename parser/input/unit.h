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
};

/* The options a reader was made with (for parsing its units). */
const cw_options *reader_options(const cw_reader *rd);

#endif
