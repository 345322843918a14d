/* The body of a telegram (format line 12) as one structure.
 *
 * Tokens are line segments classified by lexer/cable/body.re. The body is a sequence of items: the
 * classification line, captions and pass lines, and blocks. A block is a keyword line (E.O., TAGS,
 * SUBJECT, REF, Classified By), a numbered paragraph, a lettered sub-paragraph or a plain text
 * line, followed by the text lines that continue it; a blank line, a rule or hard furniture ends
 * it. Page breaks and section markers inside a sentence come as SOFTBREAK, which a block runs
 * across. Any order real cables use is accepted; order problems are checked on the fields. A line
 * the grammar cannot place costs one diagnostic through the error production.
 */
%require "3.8"

/* Reentrant: the lexer state and the record being built travel in ctx. */
%define api.pure full
%define api.prefix {cw_body_}
%define api.token.prefix {BODY_}
%define api.value.type {struct body_line}
/* Locations are byte offsets in the decoded text; diagnostics map them back to the input. */
%define api.location.type {struct cw_span}
%locations
/* Messages name the expected line kinds, computed on the real stack (LAC). */
%define parse.error custom
%define parse.lac full
%expect 0
%param {struct cable_ctx *ctx}

%code requires {
#include "lexer/cable/body_lex.h"
#include "parser/core/span.h"
struct cable_ctx;
#define YYLLOC_DEFAULT(Cur, Rhs, N) CW_SPAN_DEFAULT(Cur, Rhs, N)
}

%code provides {
int cw_body_lex(CW_BODY_STYPE *lval, CW_BODY_LTYPE *lloc, struct cable_ctx *ctx);
void cw_body_error(CW_BODY_LTYPE *lloc, struct cable_ctx *ctx, const char *msg);
}

%code {
#include "parser/cable/body.h"
}

%token
	CLASSLINE "classification line"
	CLASSWORD "classification word"
	CAPTION   "caption"
	PASS      "pass line"
	EO        "E.O. line"
	TAGS      "TAGS line"
	SUBJECT   "SUBJECT line"
	REF       "REF line"
	CLSBY     "Classified By line"
	PARA      "numbered paragraph"
	SUBPARA   "lettered sub-paragraph"
	TEXT      "text line"
	BLANK     "blank line"
	RULE      "rule line"
	SOFTBREAK "page break inside a sentence"
	FURNITURE "page furniture"
	DUMP      "database leftover"
	END       "end-of-message line"

/* A block takes every continuation line that follows it (shift) rather than ending early so
 * that the line starts a block of its own (reduce). */
%precedence BLOCK_END
%precedence TEXT SOFTBREAK

%%

body
	: %empty
	| body item
	;

item
	: CLASSLINE { body_classline(ctx, &$1); }
	| CLASSWORD { body_classword(ctx, &$1); }
	| CAPTION   { body_caption(ctx, &$1); }
	| PASS      { body_pass(ctx, &$1); }
	| block
	| BLANK     { body_blank(ctx); }
	| RULE      { body_rule(ctx, &$1); }
	| FURNITURE { body_furniture(ctx, &$1); }
	| SOFTBREAK { body_furniture(ctx, &$1); }
	| DUMP      { body_dump(ctx, &$1); }
	| END       { body_end_mark(ctx, &$1); }
	/* No yyerrok: Bison drops the offending line itself and goes on with the next. */
	| error
	;

block
	: block_start cont %prec BLOCK_END { body_block_end(ctx); }
	;

block_start
	: EO      { body_block(ctx, BLOCK_EO, &$1); }
	| TAGS    { body_block(ctx, BLOCK_TAGS, &$1); }
	| SUBJECT { body_block(ctx, BLOCK_SUBJECT, &$1); }
	| REF     { body_block(ctx, BLOCK_REF, &$1); }
	| CLSBY   { body_block(ctx, BLOCK_CLSBY, &$1); }
	| PARA    { body_block(ctx, BLOCK_PARA, &$1); }
	| SUBPARA { body_block(ctx, BLOCK_SUBPARA, &$1); }
	| TEXT    { body_block(ctx, BLOCK_TEXT, &$1); }
	;

cont
	: %empty
	| cont TEXT      { body_cont(ctx, &$2); }
	| cont SOFTBREAK { body_softbreak(ctx, &$2); }
	;

%%

int cw_body_lex(CW_BODY_STYPE *lval, CW_BODY_LTYPE *lloc, struct cable_ctx *ctx)
{
	return body_lex_token(ctx, lval, lloc);
}

void cw_body_error(CW_BODY_LTYPE *lloc, struct cable_ctx *ctx, const char *msg)
{
	body_syntax_error(ctx, lloc->first, msg);
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, struct cable_ctx *ctx)
{
	enum { MAX_EXPECTED = 5 };
	yysymbol_kind_t expected[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(yyctx, expected, MAX_EXPECTED);
	const char *names[MAX_EXPECTED];
	int k = 0;
	for (int i = 0; i < n && i < MAX_EXPECTED; i++)
		if (expected[i] != YYSYMBOL_YYEOF && expected[i] != YYSYMBOL_YYerror)
			names[k++] = yysymbol_name(expected[i]);
	yysymbol_kind_t got = yypcontext_token(yyctx);
	body_unexpected(ctx, yypcontext_location(yyctx)->first,
			got == YYSYMBOL_YYEMPTY ? "end of text" : yysymbol_name(got), names, k,
			n > MAX_EXPECTED || n < 0);
	return 0;
}
