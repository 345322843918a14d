/* A news article as one structure.
 *
 * Tokens are paragraphs, classified by lexer/article/article.re and placed by parser/article/article.c (which
 * decides, looking at neighbours, which paragraph is the headline, a deck or a section label).
 * An article is site chrome before it, front matter (headline, deck, bylines, bios, photo
 * credits, editor's notes), then the body, which starts with the first paragraph of prose and
 * takes everything after it: text, subheads, credits, contributor lines, chrome. Every element is
 * optional; any order a page uses is accepted.
 */
%require "3.8"

/* Reentrant: the paragraphs and the record being built travel in ctx. */
%define api.pure full
%define api.prefix {cw_article_}
%define api.token.prefix {ART_}
/* The semantic value of a token is its paragraph's index. */
%define api.value.type {size_t}
/* Locations are byte offsets in the decoded text. */
%define api.location.type {struct cw_span}
%locations
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
#include <stdio.h>
#include "parser/article/article.h"
}

%token
	LEAD_CHROME "chrome before the article"
	LABEL       "section label"
	SLUG        "wire slug line"
	HEADLINE    "headline"
	DECK        "deck"
	BYLINE      "byline"
	AFFIL       "byline title"
	BIO         "writer's bio"
	PHOTO       "photo credit"
	CAPTION     "photo caption"
	EDNOTE      "editor's note"
	CHROME      "site chrome"
	NAV         "pagination"
	BULLET      "bullet"
	TEXT        "paragraph"
	SUBHEAD     "subhead"
	CONTRIB     "contributor line"
	ENDSEP      "end-matter rule"
	SIGNOFF     "sign-off"

%%

article
	: lead front body
	;

lead
	: %empty
	| lead LEAD_CHROME { art_chrome(ctx, $2); }
	;

front
	: %empty
	| front front_item
	;

front_item
	: LABEL    { art_chrome(ctx, $1); }
	| SLUG     { art_slug(ctx, $1); }
	| HEADLINE { art_headline(ctx, $1); }
	| DECK     { art_deck(ctx, $1); }
	| BULLET   { art_deck(ctx, $1); }
	| SUBHEAD  { art_deck(ctx, $1); }
	| credit
	| CHROME   { art_chrome(ctx, $1); }
	| NAV      { art_chrome(ctx, $1); }
	| ENDSEP   { art_chrome(ctx, $1); }
	| SIGNOFF  { art_signoff(ctx, $1); }
	;

credit
	: BYLINE   { art_byline(ctx, $1); }
	| AFFIL    { art_affil(ctx, $1); }
	| BIO      { art_bio(ctx, $1); }
	| PHOTO    { art_photo(ctx, $1); }
	| CAPTION  { art_photo(ctx, $1); }
	| EDNOTE   { art_ednote(ctx, $1); }
	| CONTRIB  { art_contrib(ctx, $1); }
	;

body
	: %empty
	| TEXT { art_body_start(ctx, $1); } body_rest
	;

body_rest
	: %empty
	| body_rest body_item
	;

body_item
	: TEXT        { art_paragraph(ctx, $1); }
	| SUBHEAD     { art_paragraph(ctx, $1); }
	| BULLET      { art_paragraph(ctx, $1); }
	| DECK        { art_paragraph(ctx, $1); }
	| HEADLINE    { art_paragraph(ctx, $1); }
	| credit
	| CHROME      { art_chrome(ctx, $1); }
	| LEAD_CHROME { art_chrome(ctx, $1); }
	| LABEL       { art_chrome(ctx, $1); }
	| NAV         { art_chrome(ctx, $1); }
	| ENDSEP      { art_chrome(ctx, $1); }
	| SLUG        { art_chrome(ctx, $1); }
	| SIGNOFF     { art_signoff(ctx, $1); }
	;

%%

int cw_article_lex(CW_ARTICLE_STYPE *lval, CW_ARTICLE_LTYPE *lloc, struct article_ctx *ctx)
{
	return art_next_token(ctx, lval, lloc);
}

void cw_article_error(CW_ARTICLE_LTYPE *lloc, struct article_ctx *ctx, const char *msg)
{
	art_syntax_error(ctx, lloc->first, msg);
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, struct article_ctx *ctx)
{
	enum { MAX_EXPECTED = 4 };
	yysymbol_kind_t expected[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(yyctx, expected, MAX_EXPECTED);
	char what[160];
	yysymbol_kind_t got = yypcontext_token(yyctx);
	size_t used = (size_t)snprintf(what, sizeof what, "%s",
				       got == YYSYMBOL_YYEMPTY ? "end of text" : yysymbol_name(got));
	for (int i = 0; i < n && used < sizeof what; i++)
		used += (size_t)snprintf(what + used, sizeof what - used, "%s%s", i ? ", " : " (expected ",
					 yysymbol_name(expected[i]));
	if (n > 0 && used < sizeof what)
		snprintf(what + used, sizeof what - used, ")");
	art_syntax_error(ctx, yypcontext_location(yyctx)->first, what);
	return 0;
}
