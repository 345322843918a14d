/* Building the "routing" object from the header grammar's reductions (format lines 1-9). */
#ifndef CW_ROUTING_H
#define CW_ROUTING_H

#include "parser/cable/cable.h"
#include "grammar/cable/header.tab.h"

/* Creates the routing object with every key present (null or empty) so the schema is stable. */
void routing_begin(cable_ctx *ctx);
/* Runs the header grammar over the text from start; stop is the end of the header when the form
 * says (NULL: the lexer finds it). Returns where the body starts. */
const char *routing_parse(cable_ctx *ctx, const char *start, const char *stop);
/* Completes derived fields (time of file, shape) once everything is known. */
void routing_end(cable_ctx *ctx);

/* What the header grammar knows of a format line when it reads it (grammar/cable/header.y). */
typedef struct routing_line_facts {
	int after;            /* out of order: the format line (1-4) its group had reached; 0 */
	int repeated;         /* the header had this format line already: the first one is kept */
	int after_addresses;  /* it comes after the address lists, once format lines came before */
} routing_line_facts;

int routing_lex(cable_ctx *ctx, hdr_line *lval, CW_HDR_LTYPE *lloc);
void routing_fl1(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
/* The first line of format line 2 (f), or one of its continuation lines (f NULL). */
void routing_fl2(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_fl3(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_fl4(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_dtg(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *f);
void routing_list(cable_ctx *ctx, const hdr_line *l, int kind);
/* An FM or TO line after a list that comes after it (was: the list being read). */
void routing_address_order(cable_ctx *ctx, const hdr_line *l, int kind, int was);
void routing_address(cable_ctx *ctx, const hdr_line *l);
void routing_banner(cable_ctx *ctx, const hdr_line *l);
void routing_offices(cable_ctx *ctx, const hdr_line *l);
void routing_rule(cable_ctx *ctx, const hdr_line *l);
void routing_classptq(cable_ctx *ctx, const hdr_line *l);
void routing_bt(cable_ctx *ctx, const hdr_line *l);
void routing_other(cable_ctx *ctx, const hdr_line *l, const char *kind);
void routing_unknown(cable_ctx *ctx, const hdr_line *l);
void routing_syntax_error(cable_ctx *ctx, size_t off, const char *msg);
/* A syntax error, reported by the error rule that recovers from it (routing_out_of_place). */
void routing_unexpected(cable_ctx *ctx, size_t off, const char *got, const char **expected,
			int n, int more);
/* Returns 0 when there was no report, or the line had been reported already. */
int routing_out_of_place(cable_ctx *ctx);

/* Classification level named by a letter of the FL4 group (C -> CONFIDENTIAL), or NULL. */
const char *level_from_group_letter(char c);

#endif
