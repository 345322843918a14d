/* Entry point of the telegram parser (parser/cable/cable.c). */
#ifndef CW_CABLE_PARSE_H
#define CW_CABLE_PARSE_H

#include "lexer/input/forms.h"
#include "parser/core/record.h"

/* Parses the record's decoded text as a telegram and fills its value tree; path is the input's
 * name (a file named like a reference id gives the release's id). */
void cable_parse(cw_record *rec, const decoded *dec, const char *path);

#endif
