/* The routing header of a telegram (ACP-127 format lines 1-9) as one structure.
 *
 * Tokens are whole lines, classified by lexer/cable/header.re. The shapes a header takes are paths
 * through the rules below (FORMATS.md, "Telegrams"):
 *
 *   ACP-127          FL1 FL2 {RIS} FL3 FL4 FL5  FM {addressee} TO {..} [INFO {..}] [XMT {..}]  [BT]
 *   ACP-126          FL5 FM TO [INFO]                      (precedence and DTG, no FL1-FL4)
 *   partial extract  banner [CLASSPTQ] {office lines} [rule] [FL5] FM TO [INFO]
 *   addressing only  FM TO [INFO]
 *
 * around which real cables put a preamble (e-mail headers, office distribution, a quoted header's
 * addressees) and noise (unrecognised lines), and in which every element is optional: a fragment
 * is a valid header.
 *
 * The header is read as one left-to-right list whose nonterminals say where the reading is: in
 * the preamble, between groups (lines), inside a group of format lines that has reached FLk
 * (fl1 .. fl4: FL5 closes a group), inside the address lists after the FM, TO or INFO line (from,
 * to, info), or after BT (ended). Each rule is a line that may follow there; the unit rules
 * (before_fl3: "where format line 3 may come") name the places a line kind may follow. So:
 *
 *   - Format lines come in the order 1 to 5 within a group. A format line that a group has passed
 *     (FL2 after FL3) starts a new group out of order: HDR_FORMAT_ORDER, unless a repeated line
 *     (kept aside, so no longer part of its group) stood before it.
 *   - A format line that the header already had is a repeat: HDR_REPEATED, the first one kept.
 *   - Address lists come FM, TO, INFO; XMT (FL9) may sit among them. An FM or TO line after a list
 *     that follows it is out of order: HDR_ADDRESS_ORDER.
 *   - Format lines come before the address lists: one after them (once the header has had format
 *     lines; address lists above the first format line are a quoted preamble) is out of place:
 *     HDR_FORMAT_AFTER_ADDRESS.
 *   - The partial-extract banner opens a header, and nothing follows BT: any other line there is
 *     a syntax error, reported where it stands (HDR_OUT_OF_PLACE, with the line kinds that could
 *     have come) and read from the top of a header again by the error rules.
 *
 * What the header has had travels in the value of the list (hdr_seen, a synthesized attribute),
 * so repeats and late lines are decided here, by the rule that reads the line. Every line's
 * fields are stored as soon as its rule is reduced (parser/cable/routing.c).
 */
%require "3.8"

/* Reentrant: the lexer state and the record being built travel in ctx. */
%define api.pure full
%define api.prefix {cw_hdr_}
%define api.token.prefix {HDR_}
/* Tokens numbered as the symbols are: no translation table (2.3 KB of generated C). */
%define api.token.raw
/* Locations are byte offsets in the decoded text; diagnostics map them back to the input. */
%define api.location.type {struct cw_span}
%locations
/* Messages name the line kinds that were expected, computed on the real stack (LAC). */
%define parse.error custom
%define parse.lac full
%expect 0
%param {struct routing_ctx *ctx}

%code requires {
#include "lexer/cable/header_lex.h"
#include "parser/core/span.h"
struct routing_ctx;
#define YYLLOC_DEFAULT(Cur, Rhs, N) CW_SPAN_DEFAULT(Cur, Rhs, N)

/* What the header has had so far: the value of every nonterminal. */
typedef struct hdr_seen {
	unsigned lines;      /* HDR_HAD_* bits: the line kinds read */
	unsigned char open;  /* the last format line (1-4) of the group being read; 0 when a
			      * repeated line closed it */
	signed char list;    /* the address list being read (ROUTING_FROM, _TO, _INFO), -1 none */
	unsigned char addr;  /* address lines came since the last format line */
} hdr_seen;
}

/* A token is one line; a nonterminal is the header up to there. */
%union {
	hdr_line line;
	hdr_seen seen;
}

%code provides {
int cw_hdr_lex(CW_HDR_STYPE *lval, CW_HDR_LTYPE *lloc, struct routing_ctx *ctx);
void cw_hdr_error(CW_HDR_LTYPE *lloc, struct routing_ctx *ctx, const char *msg);
}

%code {
#include "parser/cable/routing.h"

/* Line kinds in hdr_seen.lines. */
enum {
	HDR_HAD_FL1 = 1 << 1, HDR_HAD_FL2 = 1 << 2, HDR_HAD_FL3 = 1 << 3, HDR_HAD_FL4 = 1 << 4,
	HDR_HAD_DTG = 1 << 5, HDR_HAD_FORMAT = 0x3e,
};

static hdr_seen format_line(struct routing_ctx *ctx, hdr_seen h, int fl, const hdr_line *l,
			    int out_of_order);
static hdr_seen date_time_group(struct routing_ctx *ctx, hdr_seen h, const hdr_line *l);
static hdr_seen address_list(struct routing_ctx *ctx, hdr_seen h, int list, const hdr_line *l,
			     int out_of_order);
static hdr_seen other_line(hdr_seen h, int keeps_list);
}

%token <line>
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

%type <seen> preamble lines fl1 fl2 fl3 fl4 from to info ended
	any open outside quiet listed before_fl1 before_fl2 before_fl3 before_fl4 past_fl1 past_fl2
	past_fl3 past_fl4 before_fm past_fm before_to past_to

%%

header
	: any { (void)$1; }
	;

/* ---- where the reading is ------------------------------------------------------------------ */

/* Above the routing: e-mail headers, office lists, the partial-extract banner, noise. */
preamble
	: %empty           { $$ = (hdr_seen){ 0, 0, -1, 0 }; }
	| preamble BANNER  { routing_banner(ctx, &$2); $$ = other_line($1, 0); }
	| preamble noise   { $$ = $1; }
	| preamble distribution { $$ = $1; }
	/* A line out of place: reported where it stands (yyreport_syntax_error below made the
	 * report), then read again as at the top of a header. Error recovery shifts `error' in the
	 * state the line did not fit, so there is one rule for each place. A line that fails again
	 * where it is read again is dropped: yyerrok only after a fresh report. */
	| preamble error   { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| lines error      { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| fl1 error        { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| fl2 error        { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| fl3 error        { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| fl4 error        { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| from error       { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| to error         { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| info error       { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	| ended error      { $$ = other_line($1, 0); if (routing_out_of_place(ctx)) yyerrok; }
	;

/* Between groups of format lines, once the routing has started. */
lines
	: quiet noise          { $$ = other_line($1, 0); }
	| listed distribution  { $$ = other_line($1, 0); }
	| open DTG             { $$ = date_time_group(ctx, $1, &$2); }
	;

/* Inside a group of format lines that has reached FL1 .. FL4. */
fl1
	: before_fl1 FL1 { $$ = format_line(ctx, $1, 1, &$2, 0); }
	| past_fl1 FL1   { $$ = format_line(ctx, $1, 1, &$2, 1); }
	;
fl2
	: before_fl2 FL2 { $$ = format_line(ctx, $1, 2, &$2, 0); }
	| past_fl2 FL2   { $$ = format_line(ctx, $1, 2, &$2, 1); }
	/* Format line 2 may wrap onto lines of routing indicators alone. */
	| fl2 RIS        { routing_fl2(ctx, &$2, NULL); $$ = $1; }
	;
fl3
	: before_fl3 FL3 { $$ = format_line(ctx, $1, 3, &$2, 0); }
	| past_fl3 FL3   { $$ = format_line(ctx, $1, 3, &$2, 1); }
	;
fl4
	: before_fl4 FL4 { $$ = format_line(ctx, $1, 4, &$2, 0); }
	| past_fl4 FL4   { $$ = format_line(ctx, $1, 4, &$2, 1); }
	;

/* Inside the address lists (format lines 6-9), after the FM, TO or INFO line; each keyword line
 * is followed by its addressees, one a line. XMT lines stay in the list where they stand. */
from
	: before_fm FM   { $$ = address_list(ctx, $1, ROUTING_FROM, &$2, 0); }
	| past_fm FM     { $$ = address_list(ctx, $1, ROUTING_FROM, &$2, 1); }
	| from more      { $$ = $1; }
	| from noise     { $$ = $1; }
	;
to
	: before_to TO   { $$ = address_list(ctx, $1, ROUTING_TO, &$2, 0); }
	| past_to TO     { $$ = address_list(ctx, $1, ROUTING_TO, &$2, 1); }
	| to more        { $$ = $1; }
	| to noise       { $$ = $1; }
	;
info
	: open INFO      { $$ = address_list(ctx, $1, ROUTING_INFO, &$2, 0); }
	/* XMT outside the lists opens them as INFO would. */
	| outside XMT    { $$ = address_list(ctx, $1, ROUTING_XMT, &$2, 0);
			   $$.list = ROUTING_INFO; }
	| info more      { $$ = $1; }
	| info noise     { $$ = $1; }
	;

/* After BT, which ends the header: only the end may come. */
ended
	: open BT        { routing_bt(ctx, &$2); $$ = other_line($1, 0); }
	;

/* An addressee, or an XMT line inside a list (it keeps the list's place in the order). */
more
	: ADDR  { routing_address(ctx, &$1); }
	| XMT   { routing_list(ctx, &$1, ROUTING_XMT); }
	;

/* Lines that hold no routing: they end a group of format lines, not an address list. */
noise
	: TEXT   { routing_unknown(ctx, &$1); }
	| EMAIL  { routing_other(ctx, &$1, "e-mail"); }
	;

/* Lines of a partial extract's distribution block: they end a group and an address list. */
distribution
	: OFFICES  { routing_offices(ctx, &$1); }
	| RULE     { routing_rule(ctx, &$1); }
	| CLASSPTQ { routing_classptq(ctx, &$1); }
	;

/* ---- where a line may follow --------------------------------------------------------------- */

any        : open | ended ;
open       : preamble | lines | fl1 | fl2 | fl3 | fl4 | from | to | info ;
/* outside the address lists; without the preamble, where a noise line ends a group */
outside    : preamble | quiet ;
quiet      : lines | fl1 | fl2 | fl3 | fl4 ;
/* once the routing has started: a distribution line ends a group or a list */
listed     : lines | fl1 | fl2 | fl3 | fl4 | from | to | info ;

before_fl1 : preamble | lines | from | to | info ;
before_fl2 : preamble | lines | from | to | info | fl1 ;
before_fl3 : preamble | lines | from | to | info | fl1 | fl2 ;
before_fl4 : preamble | lines | from | to | info | fl1 | fl2 | fl3 ;
past_fl1   : fl1 | fl2 | fl3 | fl4 ;
past_fl2   : fl2 | fl3 | fl4 ;
past_fl3   : fl3 | fl4 ;
past_fl4   : fl4 ;

before_fm  : preamble | lines | fl1 | fl2 | fl3 | fl4 | from ;
past_fm    : to | info ;
before_to  : preamble | lines | fl1 | fl2 | fl3 | fl4 | from | to ;
past_to    : info ;

%%

int cw_hdr_lex(CW_HDR_STYPE *lval, CW_HDR_LTYPE *lloc, struct routing_ctx *ctx)
{
	return routing_lex(ctx, &lval->line, lloc);
}

void cw_hdr_error(CW_HDR_LTYPE *lloc, struct routing_ctx *ctx, const char *msg)
{
	routing_syntax_error(ctx, lloc->first, msg);
}

/* Format line fl (1-4) after the header h. */
static hdr_seen format_line(struct routing_ctx *ctx, hdr_seen h, int fl, const hdr_line *l,
			    int out_of_order)
{
	unsigned bit = 1u << fl;
	routing_line_facts f = {
		.after = out_of_order ? h.open : 0,
		.repeated = (h.lines & bit) != 0,
		.after_addresses = !(h.lines & bit) && (h.lines & HDR_HAD_FORMAT) && h.addr,
	};
	switch (fl) {
	case 1: routing_fl1(ctx, l, &f); break;
	case 2: routing_fl2(ctx, l, &f); break;
	case 3: routing_fl3(ctx, l, &f); break;
	case 4: routing_fl4(ctx, l, &f); break;
	}
	h.lines |= bit;
	/* A repeated line is kept aside: the group it would have continued is over. */
	h.open = f.repeated ? 0 : (unsigned char)fl;
	h.list = -1;
	h.addr = 0;
	return h;
}

/* Format line 5 closes its group whatever came before it. */
static hdr_seen date_time_group(struct routing_ctx *ctx, hdr_seen h, const hdr_line *l)
{
	routing_line_facts f = {
		.after_addresses = !(h.lines & HDR_HAD_DTG) && (h.lines & HDR_HAD_FORMAT) && h.addr,
	};
	routing_dtg(ctx, l, &f);
	h.lines |= HDR_HAD_DTG;
	h.open = 0;
	h.list = -1;
	h.addr = 0;
	return h;
}

static hdr_seen address_list(struct routing_ctx *ctx, hdr_seen h, int list, const hdr_line *l,
			     int out_of_order)
{
	if (out_of_order)
		routing_address_order(ctx, l, list, h.list);
	routing_list(ctx, l, list);
	h.open = 0;
	h.list = (signed char)list;
	h.addr = 1;
	return h;
}

static hdr_seen other_line(hdr_seen h, int keeps_list)
{
	h.open = 0;
	if (!keeps_list)
		h.list = -1;
	return h;
}

/* "line kind X is out of place here; expected Y or Z": kept in hand until the error rule that
 * recovers says what to do with it. */
static int yyreport_syntax_error(const yypcontext_t *yyctx, struct routing_ctx *ctx)
{
	enum { MAX_EXPECTED = 6 };
	/* All of them (a shorter array gets none when there are more), the first few named. */
	yysymbol_kind_t expected[YYNTOKENS];
	int n = yypcontext_expected_tokens(yyctx, expected, YYNTOKENS);
	const char *names[MAX_EXPECTED];
	int k = 0, total = 0, end = 0;
	for (int i = 0; i < n; i++) {
		if (expected[i] == YYSYMBOL_YYerror)
			continue;
		total++;
		if (expected[i] == YYSYMBOL_YYEOF)
			end = 1; /* named last */
		else if (k < MAX_EXPECTED)
			names[k++] = yysymbol_name(expected[i]);
	}
	if (end && k < MAX_EXPECTED)
		names[k++] = "the end of the header";
	yysymbol_kind_t got = yypcontext_token(yyctx);
	routing_unexpected(ctx, yypcontext_location(yyctx)->first,
			got == YYSYMBOL_YYEMPTY ? "end of header" : yysymbol_name(got), names, k,
			total > k);
	return 0;
}
