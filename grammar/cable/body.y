/* The body of a telegram (format line 12) as one structure.
 *
 * Tokens are line segments classified by lexer/cable/body.re. A block is a keyword line (E.O.,
 * TAGS, SUBJECT, REF, Classified By), a numbered paragraph, a lettered sub-paragraph or a plain
 * text line, followed by the text lines that continue it; a blank line, a rule or hard furniture
 * ends it. Page breaks and section markers inside a sentence come as SOFTBREAK, which a block
 * runs across. The body's regions (FORMATS.md, "Body grammar"):
 *
 *   head     classification line, captions and pass lines, E.O., TAGS, SUBJECT, REF and
 *            Classified By, in that order (REF and Classified By either way round);
 *   text     from the first numbered paragraph: paragraphs, sub-paragraphs, text blocks, rules,
 *            page furniture; a classification line there opens a new section's head (the head
 *            that multi-section telegrams and partial extracts repeat);
 *   trailer  after an end-of-message line (NNNN, BT) among the paragraphs: leftovers only.
 *
 * Text blocks, blank lines, rules, furniture and the leak's leftovers may stand anywhere, and
 * every element is optional: a fragment is a valid body. The body is read as one left-to-right
 * list whose nonterminals say where the reading is: in the head after its line of rank k (start,
 * classed, captioned, at_eo, at_tags, at_subject, at_refs), in the text, or in the trailer; the
 * unit rules (before_tags: "where TAGS may come") name the places a line may follow. So:
 *
 *   - A head line that the head has passed (E.O. after SUBJECT) opens the head again: the
 *     WikiLeaks pages and partial extracts repeat whole heads, and a repeat is noted on its
 *     fields (BODY_REPEATED, BODY_REPEATED_HEAD). A line of a kind the head has not had is out
 *     of order: BODY_HEAD_ORDER.
 *   - A head line among the paragraphs is out of place (BODY_HEAD_IN_TEXT: a repeated head, a
 *     quoted letter), unless a classification line, a section marker or a page break stands
 *     right above it: newer telegrams repeat the SUBJECT or Classified By line under each
 *     section marker. It opens a head there, so a misplaced head costs one report.
 *   - A paragraph or head line after the end-of-message line is a syntax error, reported where it
 *     stands (BODY_OUT_OF_PLACE, with the lines that could have come) by the error rule, which
 *     reads it again as at the top of a body.
 *
 * What the head has had travels in the value of the list (body_seen). Every block's fields are
 * stored when its rule is reduced (parser/cable/body.c).
 */
%require "3.8"

/* Reentrant: the lexer state and the record being built travel in ctx. */
%define api.pure full
%define api.prefix {cw_body_}
%define api.token.prefix {BODY_}
/* Tokens numbered as the symbols are: no translation table (2.3 KB of generated C). */
%define api.token.raw
/* Locations are byte offsets in the decoded text; diagnostics map them back to the input. */
%define api.location.type {struct cw_span}
%locations
/* Messages name the expected line kinds, computed on the real stack (LAC). */
%define parse.error custom
%define parse.lac full
%expect 0
%param {struct body_ctx *ctx}

%code requires {
#include "lexer/cable/body_lex.h"
#include "parser/core/span.h"
struct body_ctx;
#define YYLLOC_DEFAULT(Cur, Rhs, N) CW_SPAN_DEFAULT(Cur, Rhs, N)

/* What the head has had so far: the value of every place in the body. */
typedef struct body_seen {
	unsigned had;       /* 1 << HEAD_*: the kinds of head line read */
	signed char last;   /* the last head line's kind (HEAD_*), -1 none */
	unsigned char broken; /* in the text, right after a page break or section marker */
} body_seen;
}

/* A token is one segment; a place is the body up to there; a head line says its kind, a block
 * or a filler whether it ends in page furniture. */
%union {
	const body_line *line; /* in the lexer's ring (cw_body_lex): eight bytes to copy */
	body_seen seen;
	int kind;
	int broken;
}

%code provides {
int cw_body_lex(CW_BODY_STYPE *lval, CW_BODY_LTYPE *lloc, struct body_ctx *ctx);
void cw_body_error(CW_BODY_LTYPE *lloc, struct body_ctx *ctx, const char *msg);
}

%code {
#include "parser/cable/body.h"

/* Where a head line stands (head_line below). */
enum { IN_ORDER, OUT_OF_ORDER, IN_TEXT };
static body_seen head_line(struct body_ctx *ctx, body_seen b, int kind, const cw_span *at,
			   int where);
static body_seen recovered(body_seen b);
static body_seen in_text(body_seen b, int broken);
static int end_block(struct body_ctx *ctx, int broken);
}

%token <line>
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

%type <seen> start classed captioned at_eo at_tags at_subject at_refs text trailer
	any head place before_captions past_captions before_eo past_eo before_tags past_tags
	before_subject past_subject
%type <kind> caption_line ref_line
%type <broken> filler cont eo_block tags_block subject_block ref_block clsby_block para_block
	subpara_block text_block

/* A block takes every continuation line that follows it (shift) rather than ending early so
 * that the line starts a block of its own (reduce). */
%precedence BLOCK_END
%precedence TEXT SOFTBREAK

%%

body
	: any { (void)$1; }
	;

/* ---- the head ---------------------------------------------------------------------------- */

start
	: %empty                { $$ = (body_seen){ 0, -1, 0 }; }
	| start head_filler     { $$ = $1; }
	/* A line out of place after the end of the message: reported where it stands (the report
	 * yyreport_syntax_error made), then read as at the top of a body (yyerrok only after a
	 * fresh report: a line that failed there already is dropped). */
	| trailer error         { $$ = recovered($1); if (body_out_of_place(ctx)) yyerrok; }
	;

classed
	: place CLASSLINE       { body_classline(ctx, $2);
				  $$ = head_line(ctx, $1, HEAD_CLASS, &@2, IN_ORDER); }
	| classed head_filler   { $$ = $1; }
	;

captioned
	: before_captions caption_line { $$ = head_line(ctx, $1, $2, &@2, IN_ORDER); }
	| past_captions caption_line   { $$ = head_line(ctx, $1, $2, &@2, OUT_OF_ORDER); }
	| text caption_line            { $$ = head_line(ctx, $1, $2, &@2, IN_TEXT); }
	| captioned head_filler        { $$ = $1; }
	;

at_eo
	: before_eo eo_block    { $$ = head_line(ctx, $1, HEAD_EO, &@2, IN_ORDER); }
	| past_eo eo_block      { $$ = head_line(ctx, $1, HEAD_EO, &@2, OUT_OF_ORDER); }
	| text eo_block         { $$ = head_line(ctx, $1, HEAD_EO, &@2, IN_TEXT); }
	| at_eo head_filler     { $$ = $1; }
	;

at_tags
	: before_tags tags_block { $$ = head_line(ctx, $1, HEAD_TAGS, &@2, IN_ORDER); }
	| past_tags tags_block   { $$ = head_line(ctx, $1, HEAD_TAGS, &@2, OUT_OF_ORDER); }
	| text tags_block        { $$ = head_line(ctx, $1, HEAD_TAGS, &@2, IN_TEXT); }
	| at_tags head_filler    { $$ = $1; }
	;

at_subject
	: before_subject subject_block { $$ = head_line(ctx, $1, HEAD_SUBJECT, &@2, IN_ORDER); }
	| past_subject subject_block   { $$ = head_line(ctx, $1, HEAD_SUBJECT, &@2, OUT_OF_ORDER); }
	| text subject_block           { $$ = head_line(ctx, $1, HEAD_SUBJECT, &@2, IN_TEXT); }
	| at_subject head_filler       { $$ = $1; }
	;

/* REF and Classified By close the head, in either order. */
at_refs
	: head ref_line         { $$ = head_line(ctx, $1, $2, &@2, IN_ORDER); }
	| text ref_line         { $$ = head_line(ctx, $1, $2, &@2, IN_TEXT); }
	| at_refs head_filler   { $$ = $1; }
	;

caption_line
	: CAPTION  { body_caption(ctx, $1); $$ = HEAD_CAPTION; }
	| PASS     { body_pass(ctx, $1); $$ = HEAD_PASS; }
	;

ref_line
	: ref_block    { $$ = HEAD_REF; }
	| clsby_block  { $$ = HEAD_CLSBY; }
	;

/* In the head, lettered lines are a REF list's items or a pass line's continuation, BT a
 * separator. */
head_filler
	: filler
	| subpara_block
	| CLASSWORD  { body_classword(ctx, $1); }
	| END        { body_end_mark(ctx, $1); }
	;

/* ---- the text and the trailer --------------------------------------------------------------- */

text
	: head para_block       { $$ = in_text($1, $2); }
	| text para_block       { $$ = in_text($1, $2); }
	| text subpara_block    { $$ = in_text($1, $2); }
	| text filler           { $$ = in_text($1, $2); }
	| text CLASSWORD        { body_classword(ctx, $2); $$ = in_text($1, 0); }
	;

trailer
	: text END              { body_end_mark(ctx, $2); $$ = $1; }
	| trailer END           { body_end_mark(ctx, $2); $$ = $1; }
	| trailer filler        { $$ = $1; }
	;

/* Lines that may stand anywhere. */
filler
	: text_block { $$ = $1; }
	| BLANK      { body_blank(ctx); $$ = 0; }
	| RULE       { body_rule(ctx, $1); $$ = 0; }
	| FURNITURE  { body_furniture(ctx, $1); $$ = 1; }
	| SOFTBREAK  { body_furniture(ctx, $1); $$ = 1; }
	| DUMP       { body_dump(ctx, $1); $$ = 0; }
	;

/* ---- blocks: a first line and its continuation lines ---------------------------------------- */

eo_block
	: EO { body_block(ctx, BLOCK_EO, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;
tags_block
	: TAGS { body_block(ctx, BLOCK_TAGS, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;
subject_block
	: SUBJECT { body_block(ctx, BLOCK_SUBJECT, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;
ref_block
	: REF { body_block(ctx, BLOCK_REF, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;
clsby_block
	: CLSBY { body_block(ctx, BLOCK_CLSBY, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;
para_block
	: PARA { body_block(ctx, BLOCK_PARA, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;
subpara_block
	: SUBPARA { body_block(ctx, BLOCK_SUBPARA, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;
text_block
	: TEXT { body_block(ctx, BLOCK_TEXT, $1); }
	  cont %prec BLOCK_END { $$ = end_block(ctx, $3); }
	;

cont
	: %empty         { $$ = 0; }
	| cont TEXT      { body_cont(ctx, $2); $$ = 0; }
	| cont SOFTBREAK { body_softbreak(ctx, $2); $$ = 1; }
	;

/* ---- where a line may follow --------------------------------------------------------------- */

any            : head | text | trailer ;
head           : start | classed | captioned | at_eo | at_tags | at_subject | at_refs ;
/* where a classification line may come: it opens a head anywhere but in the trailer */
place          : head | text ;
before_captions: start | classed | captioned ;
past_captions  : at_eo | at_tags | at_subject | at_refs ;
before_eo      : start | classed | captioned | at_eo ;
past_eo        : at_tags | at_subject | at_refs ;
before_tags    : start | classed | captioned | at_eo | at_tags ;
past_tags      : at_subject | at_refs ;
before_subject : start | classed | captioned | at_eo | at_tags | at_subject ;
past_subject   : at_refs ;

%%

/* A token's line is kept in a ring of four in ctx, its value a pointer to it: the 64-byte line
 * as the value was copied at every shift and reduction (2 % of a cables.csv run). Every action
 * reads its lines before the token after the next is read (an action runs when its rule's last
 * token is shifted, at most one lookahead later; a mid-rule action reads only the token before
 * it), so a slot is never written while a line in it is still to be read. */
int cw_body_lex(CW_BODY_STYPE *lval, CW_BODY_LTYPE *lloc, struct body_ctx *ctx)
{
	body_line *slot = &ctx->lines[ctx->next_line++ % BODY_LINE_RING];
	lval->line = slot;
	return body_lex_token(ctx, slot, lloc);
}

void cw_body_error(CW_BODY_LTYPE *lloc, struct body_ctx *ctx, const char *msg)
{
	body_syntax_error(ctx, lloc->first, msg);
}

/* A head line of the given kind after the body b. */
static body_seen head_line(struct body_ctx *ctx, body_seen b, int kind, const cw_span *at,
			   int where)
{
	/* Under a section marker or a page break, a section's head. */
	if (where == IN_TEXT && !b.broken)
		body_head_in_text(ctx, at->first, kind);
	else if (where == OUT_OF_ORDER && !(b.had & (1u << kind)))
		body_head_order(ctx, at->first, kind, b.last);
	b.had |= 1u << kind;
	b.last = (signed char)kind;
	b.broken = 0;
	return b;
}

/* A block's fields are stored when it ends; says whether it ended in page furniture. */
static int end_block(struct body_ctx *ctx, int broken)
{
	body_block_end(ctx);
	return broken;
}

static body_seen in_text(body_seen b, int broken)
{
	b.broken = (unsigned char)broken;
	return b;
}

static body_seen recovered(body_seen b)
{
	b.last = -1;
	return b;
}

/* "line kind X is out of place here (expected Y or Z)": kept in hand until the error rule that
 * recovers reports it. */
static int yyreport_syntax_error(const yypcontext_t *yyctx, struct body_ctx *ctx)
{
	enum { MAX_EXPECTED = 5 };
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
		names[k++] = "the end of the text";
	yysymbol_kind_t got = yypcontext_token(yyctx);
	body_unexpected(ctx, yypcontext_location(yyctx)->first,
			got == YYSYMBOL_YYEMPTY ? "end of text" : yysymbol_name(got), names, k,
			total > k);
	return 0;
}
