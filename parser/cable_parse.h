/* Entry point of the telegram parser (parser/cable.c). */
#ifndef CW_CABLE_PARSE_H
#define CW_CABLE_PARSE_H

#include "forms.h"
#include "record.h"

/* Parses the record's decoded text as a telegram and fills its value tree. */
void cable_parse(cw_record *rec, const decoded *dec);

#endif
