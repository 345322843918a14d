/* A news article as one structure.
 *
 * Tokens are paragraphs, classified by parser/article/article.c from their kind
 * (lexer/article/article.re), their shape and the kinds of their neighbours: what a paragraph IS
 * (a byline, a title-shaped line, a short paragraph set apart by chrome, a caption ending in a
 * photo credit). Where it stands decides what it is HERE:
 *
 *   chrome      site boilerplate before anything else (lead), and anywhere after;
 *   front       before the headline: a section label (a kicker: a short title above a longer
 *               one), the headline (the first title-shaped line, or the form's own: Reuters'
 *               TITLE, IPTC's head, ANPA's first caret line), bylines and their titles, bios,
 *               photo credits and captions, editors' notes, the wire slug;
 *               after the headline: one deck (a standfirst set apart by chrome or a photo, or a
 *               short paragraph between the headline and the byline), summary bullets and the
 *               form's further header lines, the same credits;
 *   body        from the first paragraph that is none of these, whose dateline the record takes:
 *               paragraphs (a title-shaped line above a paragraph is a subhead), captions,
 *               credits, chrome;
 *   end matter  after AP's "___" rule: contributor lines, corrections, the next item of a
 *               roundup; after the sign-off (Reuter, dpa's desk initials) only credits and chrome.
 *
 * Every element is optional: a fragment is a valid article. The article is read as one
 * left-to-right list whose nonterminals say where the reading is (lead, front_a before the
 * headline, headed right after it, front_b after it, front_c after the deck, body, end_matter,
 * signed); the unit rules (before_headline) name the places a line may follow. A byline among
 * the paragraphs is read as a byline and noted (ART_BYLINE_IN_BODY); story text after the
 * sign-off is a syntax error, reported where it stands (ART_OUT_OF_PLACE, with what could have
 * come) by the error rule, which reads it again as body text.
 */
%require "3.8"

/* Reentrant: the paragraphs and the record being built travel in ctx. */
%define api.pure full
%define api.prefix {cw_article_}
%define api.token.prefix {ART_}
/* Tokens numbered as the symbols are: no translation table (2.3 KB of generated C). */
%define api.token.raw
/* The semantic value of a token is its paragraph's index. */
%define api.value.type {size_t}
/* Locations are byte offsets in the decoded text; diagnostics map them back to the input. */
%define api.location.type {struct cw_span}
%locations
/* Messages name the expected paragraph kinds, computed on the real stack (LAC). */
%define parse.error custom
%define parse.lac full
%expect 0
%param {struct article_ctx *ctx}

%code requires {
#include <stddef.h>
#include "parser/core/span.h"
struct article_ctx;
#define YYLLOC_DEFAULT(Cur, Rhs, N) CW_SPAN_DEFAULT(Cur, Rhs, N)
}

%code provides {
int cw_article_lex(CW_ARTICLE_STYPE *lval, CW_ARTICLE_LTYPE *lloc, struct article_ctx *ctx);
void cw_article_error(CW_ARTICLE_LTYPE *lloc, struct article_ctx *ctx, const char *msg);
}

%code {
#include "parser/article/story.h"
}

%token
	SLUG             "wire slug line"
	HEADLINE         "headline line"
	BULLET           "bullet"
	BYLINE           "byline"
	AFFIL            "byline title"
	BIO              "writer's bio"
	PHOTO            "photo credit"
	EDNOTE           "editor's note"
	CONTRIB          "contributor line"
	CHROME           "site chrome"
	NAV              "pagination"
	ENDSEP           "end-matter rule"
	SIGNOFF          "sign-off"
	PROSE            "paragraph"
	CAPTION          "photo caption"
	STANDFIRST       "standfirst"
	STANDFIRST_UNDER "short paragraph above a byline"
	TITLE            "title"
	TITLE_CAPTION    "title ending in a photo credit"
	TITLE_STANDFIRST "title set apart"
	TITLE_UNDER      "title above a byline"
	KICKER           "section label"
	KICKER_CAPTION   "section label ending in a photo credit"

%%

/* Where the article ended: whether it had a body (parser/article/article.c reports when not). */
article
	: lead        { ctx->reached = ART_REACHED_FRONT; }
	| front_a     { ctx->reached = ART_REACHED_FRONT; }
	| headed      { ctx->reached = ART_REACHED_FRONT; }
	| front_b     { ctx->reached = ART_REACHED_FRONT; }
	| front_c     { ctx->reached = ART_REACHED_FRONT; }
	| body        { ctx->reached = ART_REACHED_BODY; }
	| end_matter  { ctx->reached = ART_REACHED_BODY; }
	| signed      { ctx->reached = ART_REACHED_BODY; }
	;

/* ---- chrome and front matter --------------------------------------------------------------- */

/* Site chrome before the article. */
lead
	: %empty
	| lead chrome
	;

/* Before the headline. */
front_a
	: before_headline front_line
	| front_a chrome
	| before_headline label_line   { art_chrome(ctx, $2); }
	| before_headline CAPTION      { art_photo(ctx, $2); }
	;

/* Right after the headline, where a short paragraph above the byline is the deck. */
headed
	: before_headline headline_line { art_headline(ctx, $2); }
	| before_headline HEADLINE      { art_headline(ctx, $2); }
	/* The form's further header lines are decks. */
	| after_headline HEADLINE       { art_deck(ctx, $2); }
	;

/* After the headline, before the deck. */
front_b
	: after_headline front_line
	| after_headline chrome
	| after_headline caption_line  { art_photo(ctx, $2); }
	;

/* After the deck. */
front_c
	: headed deck_under            { art_deck(ctx, $2); }
	| front_b deck_apart           { art_deck(ctx, $2); }
	| front_c front_line
	| front_c chrome
	| front_c caption_line         { art_photo(ctx, $2); }
	| front_c HEADLINE             { art_deck(ctx, $2); }
	;

/* A line of the front matter that leaves the headline where it is. */
front_line
	: credit
	| ENDSEP   { art_chrome(ctx, $1); }
	| SIGNOFF  { art_signoff(ctx, $1); }
	| SLUG     { art_slug(ctx, $1); }
	| BULLET   { art_deck(ctx, $1); }
	;

/* ---- body, end matter ------------------------------------------------------------------------ */

body
	/* The first paragraph: its dateline is the story's. */
	: before_headline opening_a    { art_body_start(ctx, $2); }
	| headed opening_headed        { art_body_start(ctx, $2); }
	| front_b opening_b            { art_body_start(ctx, $2); }
	| front_c opening_c            { art_body_start(ctx, $2); }
	| text_place paragraph_line    { art_paragraph(ctx, $2, art_subhead_shaped(ctx, $2)); }
	| text_place HEADLINE          { art_paragraph(ctx, $2, 0); }
	| text_place BULLET            { art_paragraph(ctx, $2, 0); }
	| text_place SLUG              { art_chrome(ctx, $2); }
	| body caption_line            { art_photo(ctx, $2); }
	| body credit_not_byline
	| body BYLINE                  { art_byline(ctx, $2); art_byline_in_body(ctx, $2); }
	| body chrome
	/* After the sign-off: reported where it stands, then read as body text (yyerrok only after
	 * a fresh report: a line that failed there already is dropped). */
	| signed error                 { if (art_out_of_place(ctx)) yyerrok; }
	;

/* After AP's "___": contributor lines and notes; a paragraph goes on with the story (the next
 * item of a roundup). */
end_matter
	: body ENDSEP                  { art_chrome(ctx, $2); }
	| end_matter ENDSEP            { art_chrome(ctx, $2); }
	| end_matter caption_line      { art_photo(ctx, $2); }
	| end_matter credit
	| end_matter chrome
	;

/* After the sign-off, the end. */
signed
	: late SIGNOFF                 { art_signoff(ctx, $2); }
	| signed SIGNOFF               { art_signoff(ctx, $2); }
	| signed ENDSEP                { art_chrome(ctx, $2); }
	| signed credit
	| signed chrome
	;

/* ---- lines --------------------------------------------------------------------------------- */

chrome
	: CHROME   { art_chrome(ctx, $1); }
	| NAV      { art_chrome(ctx, $1); }
	;

credit
	: BYLINE   { art_byline(ctx, $1); }
	| credit_not_byline
	;

credit_not_byline
	: AFFIL    { art_affil(ctx, $1); }
	| BIO      { art_bio(ctx, $1); }
	| PHOTO    { art_photo(ctx, $1); }
	| EDNOTE   { art_ednote(ctx, $1); }
	| CONTRIB  { art_contrib(ctx, $1); }
	;

/* What a text paragraph is where it stands. */
label_line       : KICKER | KICKER_CAPTION ;
headline_line    : TITLE | TITLE_CAPTION | TITLE_STANDFIRST | TITLE_UNDER ;
caption_line     : CAPTION | TITLE_CAPTION | KICKER_CAPTION ;
deck_under       : STANDFIRST_UNDER | TITLE_UNDER | deck_apart ;
deck_apart       : STANDFIRST | TITLE_STANDFIRST ;
opening_a        : PROSE | STANDFIRST | STANDFIRST_UNDER ;
opening_headed   : PROSE | TITLE | KICKER ;
opening_b        : PROSE | TITLE | KICKER | STANDFIRST_UNDER | TITLE_UNDER ;
opening_c        : PROSE | TITLE | KICKER | STANDFIRST_UNDER | TITLE_UNDER | STANDFIRST
                 | TITLE_STANDFIRST ;
paragraph_line   : PROSE | TITLE | KICKER | STANDFIRST_UNDER | TITLE_UNDER | STANDFIRST
                 | TITLE_STANDFIRST ;

/* ---- where a line may follow ----------------------------------------------------------------- */

before_headline : lead | front_a ;
after_headline  : headed | front_b ;
/* where story text goes on */
text_place      : body | end_matter ;
/* where the sign-off ends the story */
late            : body | end_matter ;

%%

int cw_article_lex(CW_ARTICLE_STYPE *lval, CW_ARTICLE_LTYPE *lloc, struct article_ctx *ctx)
{
	return art_next_token(ctx, lval, lloc);
}

void cw_article_error(CW_ARTICLE_LTYPE *lloc, struct article_ctx *ctx, const char *msg)
{
	art_syntax_error(ctx, lloc->first, msg);
}

/* "X out of place (expected Y, Z)": kept in hand until the error rule that recovers reports it. */
static int yyreport_syntax_error(const yypcontext_t *yyctx, struct article_ctx *ctx)
{
	enum { MAX_EXPECTED = 4 };
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
		names[k++] = "the end of the story";
	yysymbol_kind_t got = yypcontext_token(yyctx);
	art_unexpected(ctx, yypcontext_location(yyctx)->first,
		       got == YYSYMBOL_YYEMPTY ? "end of text" : yysymbol_name(got), names, k,
		       total > k);
	return 0;
}
