/* The routing header (format lines 1-9): the "routing" object, built from the header grammar's
 * reductions (grammar/cable/header.y). */
#ifndef CW_ROUTING_H
#define CW_ROUTING_H

#include "grammar/cable/header.tab.h"
#include "lexer/cable/header_lex.h"
#include "lexer/core/slice.h"
#include "parser/cable/telegram.h"
#include "parser/core/syntax_report.h"
#include "parser/core/dates.h"

enum routing_list_kind { ROUTING_FROM, ROUTING_TO, ROUTING_INFO, ROUTING_XMT, ROUTING_LISTS };

typedef struct routing_state {
	cw_value *obj;           /* "routing" */
	cw_value *lists[ROUTING_LISTS];
	cw_value *indicators, *other, *distribution;
	cw_value *dist_list;     /* office list receiving continuation lines */
	cw_value *precedence, *security, *from;  /* objects completed by later lines */
	/* What cable.c needs of the header to rebuild the id and check it against the body. */
	slice from_address;      /* the FM line's plain-language address */
	slice ssn_text, part;    /* the DE line's station serial number and part, as written */
	int cur;                 /* list receiving continuation addresses, -1 none */
	size_t counts[ROUTING_LISTS];
	size_t dropped;          /* addressees over the item limit */
	int seen_fl1, seen_fl2, seen_fl3, seen_fl4, seen_dtg; /* stored, for the shape */
	int seen_format;         /* any of format lines 1-5 */
	int banner;
	cw_date dtg;             /* valid when has_dtg */
	int has_dtg;
	cw_value *filed;         /* originator.filed, completed once the DTG year is known */
	int tof_yday, tof_hour, tof_minute;
	size_t ssn;              /* station serial number, 0 when absent */
	int ssn_digits;
	char group_level;        /* first letter of the FL4 classification group, 0 when none */
	size_t first_line_off;   /* decoded offset of the first routing line */
	syntax_report report;     /* a syntax error until its error rule reports it */
} routing_state;

/* What the header's parser works with: the telegram, the header's lexer and what it has read. */
typedef struct routing_ctx {
	telegram tg;
	hdr_lexer hlx;
	routing_state r;
} routing_ctx;

/* Creates the routing object with every key present (null or empty) so the schema is stable. */
void routing_begin(routing_ctx *ctx);
/* Runs the header grammar over the text from start; stop is the end of the header when the form
 * says (NULL: the lexer finds it). Returns where the body starts. */
const char *routing_parse(routing_ctx *ctx, const char *start, const char *stop);
/* Completes derived fields (time of file, shape) once everything is known. */
void routing_end(routing_ctx *ctx);

/* What the header grammar knows of a format line when it reads it (grammar/cable/header.y). */
typedef struct routing_line_facts {
	int after;            /* out of order: the format line (1-4) its group had reached; 0 */
	int repeated;         /* the header had this format line already: the first one is kept */
	int after_addresses;  /* it comes after the address lists, once format lines came before */
} routing_line_facts;

int routing_lex(routing_ctx *ctx, hdr_line *lval, CW_HDR_LTYPE *lloc);
void routing_fl1(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
/* The first line of format line 2 (f), or one of its continuation lines (f NULL). */
void routing_fl2(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_fl3(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_fl4(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_dtg(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_list(routing_ctx *ctx, const hdr_line *l, int kind);
/* An FM or TO line after a list that comes after it (was: the list being read). */
void routing_address_order(routing_ctx *ctx, const hdr_line *l, int kind, int was);
void routing_address(routing_ctx *ctx, const hdr_line *l);
void routing_banner(routing_ctx *ctx, const hdr_line *l);
void routing_offices(routing_ctx *ctx, const hdr_line *l);
void routing_rule(routing_ctx *ctx, const hdr_line *l);
void routing_classptq(routing_ctx *ctx, const hdr_line *l);
void routing_bt(routing_ctx *ctx, const hdr_line *l);
void routing_other(routing_ctx *ctx, const hdr_line *l, const char *kind);
void routing_unknown(routing_ctx *ctx, const hdr_line *l);
void routing_syntax_error(routing_ctx *ctx, size_t off, const char *msg);
/* A syntax error, reported by the error rule that recovers from it (routing_out_of_place). */
void routing_unexpected(routing_ctx *ctx, size_t off, const char *got, const char **expected,
			int n, int more);
/* Returns 0 when there was no report, or the line had been reported already. */
int routing_out_of_place(routing_ctx *ctx);

/* Classification level named by a letter of the FL4 group (C -> CONFIDENTIAL), or NULL. */
const char *level_from_group_letter(char c);

#endif
