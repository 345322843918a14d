/* The routing header of a telegram (ACP-127 format lines 1-9) as one structure.
 *
 * Tokens are whole lines, classified by lexer/cable/header.re. A header is a sequence of items: a group
 * of format lines in their order (FL1 transmission id, FL2 precedence and indicators, FL3 DE line,
 * FL4 security, FL5 precedence and DTG; each optional), address blocks (FM, TO, INFO, XMT and
 * their continuation lines), and the lines that surround them in real cables (partial-extract
 * banner, office distribution, e-mail headers). A line out of place costs one diagnostic through
 * the error production; the items before and after it are kept, because every line's fields are
 * stored as soon as its rule is reduced.
 */
%require "3.8"

/* Reentrant: the lexer state and the record being built travel in ctx. */
%define api.pure full
%define api.prefix {cw_hdr_}
%define api.token.prefix {HDR_}
%define api.value.type {struct hdr_line}
/* Locations are byte offsets in the decoded text; diagnostics map them back to the input. */
%define api.location.type {struct cw_span}
%locations
/* Messages name the line kinds that were expected, computed on the real stack (LAC). */
%define parse.error custom
%define parse.lac full
%expect 0
%param {struct cable_ctx *ctx}

%code requires {
#include "lexer/cable/header_lex.h"
#include "parser/core/span.h"
struct cable_ctx;
#define YYLLOC_DEFAULT(Cur, Rhs, N) CW_SPAN_DEFAULT(Cur, Rhs, N)
}

%code provides {
int cw_hdr_lex(CW_HDR_STYPE *lval, CW_HDR_LTYPE *lloc, struct cable_ctx *ctx);
void cw_hdr_error(CW_HDR_LTYPE *lloc, struct cable_ctx *ctx, const char *msg);
}

%code {
#include "parser/cable/routing.h"
}

%token
	BANNER   "partial-extract banner"
	FL1      "transmission identifier (VZCZC)"
	FL2      "precedence and routing indicators"
	RIS      "routing indicators"
	FL3      "originator line (DE)"
	FL4      "security line (ZNY/ZNR)"
	DTG      "precedence and date-time group"
	FM       "FM line"
	TO       "TO line"
	INFO     "INFO line"
	XMT      "XMT line"
	ADDR     "addressee"
	OFFICES  "office distribution line"
	RULE     "rule line"
	CLASSPTQ "classification and PTQ line"
	EMAIL    "e-mail header line"
	BT       "BT"
	TEXT     "unrecognised line"

/* A group of format lines takes every later format line that can still follow in order (shift),
 * rather than closing early so that the line starts a group of its own (reduce to %empty). */
%precedence OPT_EMPTY
%precedence FL2 FL3 FL4 DTG

%%

header
	: %empty
	| header item
	;

item
	: format_lines
	| addr_block
	| BANNER    { routing_banner(ctx, &$1); }
	| OFFICES   { routing_offices(ctx, &$1); }
	| RULE      { routing_rule(ctx, &$1); }
	| CLASSPTQ  { routing_classptq(ctx, &$1); }
	| EMAIL     { routing_other(ctx, &$1, "e-mail"); }
	| BT        { routing_bt(ctx, &$1); }
	| TEXT      { routing_unknown(ctx, &$1); }
	/* No yyerrok: Bison then drops the offending line itself and goes on with the next. */
	| error
	;

/* Format lines 1-5, each optional, in their order. */
format_lines
	: fl1 fl2_opt fl3_opt fl4_opt fl5_opt
	| fl2 fl3_opt fl4_opt fl5_opt
	| fl3 fl4_opt fl5_opt
	| fl4 fl5_opt
	| fl5
	;

fl1     : FL1 { routing_fl1(ctx, &$1); } ;
fl2     : FL2 { routing_fl2(ctx, &$1, 1); } ris ;
ris     : %empty | ris RIS { routing_fl2(ctx, &$2, 0); } ;
fl3     : FL3 { routing_fl3(ctx, &$1); } ;
fl4     : FL4 { routing_fl4(ctx, &$1); } ;
fl5     : DTG { routing_dtg(ctx, &$1); } ;

fl2_opt : %empty %prec OPT_EMPTY | fl2 ;
fl3_opt : %empty %prec OPT_EMPTY | fl3 ;
fl4_opt : %empty %prec OPT_EMPTY | fl4 ;
fl5_opt : %empty %prec OPT_EMPTY | fl5 ;

/* Format lines 6-9: an address keyword line, then its continuation lines. */
addr_block
	: FM   { routing_list(ctx, &$1, ROUTING_FROM); } addresses
	| TO   { routing_list(ctx, &$1, ROUTING_TO); } addresses
	| INFO { routing_list(ctx, &$1, ROUTING_INFO); } addresses
	| XMT  { routing_list(ctx, &$1, ROUTING_XMT); } addresses
	;

addresses
	: %empty
	| addresses ADDR { routing_address(ctx, &$2); }
	;

%%

int cw_hdr_lex(CW_HDR_STYPE *lval, CW_HDR_LTYPE *lloc, struct cable_ctx *ctx)
{
	return routing_lex(ctx, lval, lloc);
}

void cw_hdr_error(CW_HDR_LTYPE *lloc, struct cable_ctx *ctx, const char *msg)
{
	routing_syntax_error(ctx, lloc->first, msg);
}

/* "line kind X is out of place here; expected Y or Z" */
static int yyreport_syntax_error(const yypcontext_t *yyctx, struct cable_ctx *ctx)
{
	enum { MAX_EXPECTED = 6 };
	yysymbol_kind_t expected[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(yyctx, expected, MAX_EXPECTED);
	const char *names[MAX_EXPECTED];
	int k = 0;
	for (int i = 0; i < n && i < MAX_EXPECTED; i++)
		if (expected[i] != YYSYMBOL_YYEOF && expected[i] != YYSYMBOL_YYerror)
			names[k++] = yysymbol_name(expected[i]);
	yysymbol_kind_t got = yypcontext_token(yyctx);
	routing_unexpected(ctx, yypcontext_location(yyctx)->first,
			   got == YYSYMBOL_YYEMPTY ? "end of header" : yysymbol_name(got), names, k,
			   n > MAX_EXPECTED || n < 0);
	return 0;
}
