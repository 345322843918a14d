/* Building the body fields from the body grammar's reductions (format line 12). */
#ifndef CW_BODY_H
#define CW_BODY_H

#include "grammar/cable/body.tab.h"
#include "parser/cable/cable.h"

/* Runs the body grammar over the text from start. */
void body_parse(cable_ctx *ctx, const char *start);

/* The kinds of head line, in the head's order (grammar/cable/body.y). */
enum head_kind { HEAD_CLASS, HEAD_CAPTION, HEAD_PASS, HEAD_EO, HEAD_TAGS, HEAD_SUBJECT, HEAD_REF,
		 HEAD_CLSBY };

int body_lex_token(cable_ctx *ctx, body_line *lval, CW_BODY_LTYPE *lloc);
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
/* What the grammar finds out of place: a head line of a kind the head has not had after one that
 * comes later (last), a head line among the paragraphs. */
void body_head_order(cable_ctx *ctx, size_t off, int kind, int last);
void body_head_in_text(cable_ctx *ctx, size_t off, int kind);
/* A syntax error, reported by the error rule that recovers from it (body_out_of_place), which
 * first ends the block the error cut short. */
void body_unexpected(cable_ctx *ctx, size_t off, const char *got, const char **expected, int n,
		     int more);
/* Returns 0 when there was no report, or the line had been reported already. */
int body_out_of_place(cable_ctx *ctx);

/* Rank of a classification or portion marking: U/SBU 0, C 1, S 2, TS 3; -1 unknown. */
int marking_rank(const char *s, size_t n);

#endif
