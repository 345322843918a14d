/* Building the body fields from the body grammar's reductions (format line 12). */
#ifndef CW_BODY_H
#define CW_BODY_H

#include "grammar/cable/body.tab.h"
#include "parser/cable/cable.h"

/* Runs the body grammar over the text from start. */
void body_parse(cable_ctx *ctx, const char *start);

int body_lex_token(cable_ctx *ctx, CW_BODY_STYPE *lval, CW_BODY_LTYPE *lloc);
void body_classline(cable_ctx *ctx, const body_line *l);
void body_classword(cable_ctx *ctx, const body_line *l);
void body_caption(cable_ctx *ctx, const body_line *l);
void body_pass(cable_ctx *ctx, const body_line *l);
void body_blank(cable_ctx *ctx);
void body_rule(cable_ctx *ctx, const body_line *l);
void body_furniture(cable_ctx *ctx, const body_line *l);
void body_dump(cable_ctx *ctx, const body_line *l);
void body_end_mark(cable_ctx *ctx, const body_line *l);
void body_block(cable_ctx *ctx, int kind, const body_line *l);
void body_cont(cable_ctx *ctx, const body_line *l);
void body_softbreak(cable_ctx *ctx, const body_line *l);
void body_block_end(cable_ctx *ctx);
void body_syntax_error(cable_ctx *ctx, size_t off, const char *msg);
void body_unexpected(cable_ctx *ctx, size_t off, const char *got, const char **expected, int n,
		     int more);

/* Rank of a classification or portion marking: U/SBU 0, C 1, S 2, TS 3; -1 unknown. */
int marking_rank(const char *s, size_t n);

#endif
