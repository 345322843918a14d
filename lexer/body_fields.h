/* Anchored scanners for the fields of the telegram body's lines (lexer/body_fields.re). */
#ifndef CW_BODY_FIELDS_H
#define CW_BODY_FIELDS_H

#include "fields.h"

/* C O N F I D E N T I A L SECTION 01 OF 03 TRIPOLI 000220 SIPDIS */
typedef struct classline_fields {
	slice level;      /* as written: "C O N F I D E N T I A L", "UNCLAS" */
	slice caveat;     /* after "//": NOFORN */
	slice efto;       /* "E F T O" / "EFTO" after UNCLAS */
	slice section, of;
	slice year;       /* two digits before the origin in old telegrams: 75 LIBREVILLE */
	slice origin;     /* may hold spaces: SAO PAULO */
	slice serial;     /* digits as written: 000728 */
	slice rest;       /* captions after the serial */
} classline_fields;

/* Returns 1 for a classification line with origin and serial, 0 otherwise. */
int scan_classline(const char *p, const char *lim, classline_fields *out);

/* Normalises a level as written to its name: "C O N F I D E N T I A L" -> "CONFIDENTIAL",
 * "UNCLAS" -> "UNCLASSIFIED". NULL when unknown. */
const char *level_name(slice written);

#endif
