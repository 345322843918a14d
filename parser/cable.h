/* Parsing one telegram: the context shared by the header grammar (grammar/header.y), the body
 * grammar and the code that assembles the record. */
#ifndef CW_CABLE_H
#define CW_CABLE_H

#include "dates.h"
#include "header_lex.h"
#include "record.h"

enum routing_list_kind { ROUTING_FROM, ROUTING_TO, ROUTING_INFO, ROUTING_XMT, ROUTING_LISTS };

typedef struct routing_state {
	cw_value *obj;           /* "routing" */
	cw_value *lists[ROUTING_LISTS];
	cw_value *indicators, *other, *distribution;
	cw_value *dist_list;     /* office list receiving continuation lines */
	int cur;                 /* list receiving continuation addresses, -1 none */
	size_t counts[ROUTING_LISTS];
	size_t dropped;          /* addressees over the item limit */
	int seen_fl1, seen_fl2, seen_fl3, seen_fl4, seen_dtg;
	int seen_format;         /* any of format lines 1-5 */
	int group_open;          /* the last line was a format line */
	int last_fl;             /* its number, 1-5 */
	int banner;
	cw_date dtg;             /* valid when has_dtg */
	int has_dtg;
	cw_value *filed;         /* originator.filed, completed once the DTG year is known */
	int tof_yday, tof_hour, tof_minute;
	size_t ssn;              /* station serial number, 0 when absent */
	int ssn_digits;
	char group_level;        /* first letter of the FL4 classification group, 0 when none */
	size_t first_line_off;   /* decoded offset of the first routing line */
} routing_state;

typedef struct cable_ctx {
	cw_record *rec;
	arena *a;
	const char *text;        /* decoded text; *lim == '\0' */
	const char *lim;
	hdr_lexer hlx;
	routing_state r;
} cable_ctx;

/* Decoded offset of a pointer into the text. */
static inline size_t ctx_off(const cable_ctx *ctx, const char *p) { return (size_t)(p - ctx->text); }

#endif
