/* The story being parsed: the context every part of the article parser works with. article.c
 * cuts and classifies the paragraphs and runs the grammar (grammar/article/article.y), whose
 * actions fill the fields: the structure in article.c, bylines.c, dateline.c, credits.c (photo
 * credits, contributors), attributions.c and agencies.c; provenance.c the wire and Reuters
 * objects. story.c holds the helpers they share. Each part keeps in C what a later part needs
 * (the paragraphs' text, the dateline's, the agencies credited): the record is written, never
 * read back. */
#ifndef CW_ARTICLE_H
#define CW_ARTICLE_H

#include <stddef.h>

#include "lexer/core/slice.h"
#include "lexer/input/forms.h"
#include "parser/core/syntax_report.h"
#include "parser/core/record.h"
#include "parser/core/span.h"

/* One paragraph of the article: a slice of the decoded text. */
typedef struct apara {
	const char *s, *e;   /* first and one-past-last byte, blanks trimmed */
	int kind;            /* AK_* from lexer/article/article.re */
	int tok;             /* grammar token: what the paragraph is (article.c), or what the
				  * form says it is */
	int words;
	unsigned caret : 1;  /* ANPA: a "^" header line inside the text */
	unsigned eq : 1;     /* ANPA: the line ended in "=" (byline lines) */
	unsigned titlelike : 1;
	unsigned subhead : 1; /* shaped as a subhead: a short title above a paragraph */
	unsigned part : 2;   /* markup forms: a byline's name (1), title (2) or affiliation (3)
			      * as the document parts them (BYLINE_* below); 0 otherwise */
} apara;

typedef struct article_ctx {
	cw_record *rec;
	arena *a;
	const decoded *dec;
	cw_form form;
	const char *text, *lim;
	apara *p;
	size_t n, cap;
	size_t next;              /* next paragraph to hand to the grammar */
	/* what the actions build */
	cw_value *root;
	cw_value *deck, *bylines, *bio, *photos, *contributors, *agencies, *attributions;
	cw_value *paragraphs, *chrome;
	cw_value *ednotes;
	cw_value *wire;           /* the wire object (provenance.c), completed after the parse */
	/* The body's paragraphs: their values (duplicate_of is set at the end) and text. */
	struct art_para { cw_value *obj; slice text; } *paras;
	size_t npara, cappara;
	slice dateline_text;      /* the dateline found, as written */
	size_t nbylines;
	/* The bylines of the latest byline line, which a title or affiliation line completes. */
	struct art_byline { cw_value *obj; int has_title, has_affil; } *line_bylines;
	size_t nline, capline;
	const char **agencies_seen; /* canonical names, each once */
	size_t nagencies, capagencies;
	int seen_headline, seen_body, seen_dateline;
	const char *slug_line;    /* ANPA: the keyword line at the top of the text */
	size_t slug_len;
	enum { ART_REACHED_FRONT, ART_REACHED_BODY } reached; /* where the grammar ended */
	syntax_report report;     /* a syntax error until its error rule reports it */
} article_ctx;

enum { BYLINE_NAME = 1, BYLINE_TITLE = 2, BYLINE_AFFIL = 3 };

/* Grammar actions; i is a paragraph index. */
void art_chrome(article_ctx *ctx, size_t i);
void art_slug(article_ctx *ctx, size_t i);
void art_headline(article_ctx *ctx, size_t i);
void art_deck(article_ctx *ctx, size_t i);
void art_byline(article_ctx *ctx, size_t i);
void art_affil(article_ctx *ctx, size_t i);
void art_bio(article_ctx *ctx, size_t i);
void art_photo(article_ctx *ctx, size_t i);
void art_ednote(article_ctx *ctx, size_t i);
void art_contrib(article_ctx *ctx, size_t i);
void art_signoff(article_ctx *ctx, size_t i);
void art_body_start(article_ctx *ctx, size_t i);
/* A body paragraph; subhead: it stands as a subhead (art_subhead_shaped). */
void art_paragraph(article_ctx *ctx, size_t i, int subhead);
int art_subhead_shaped(const article_ctx *ctx, size_t i);
void art_byline_in_body(article_ctx *ctx, size_t i);
int art_next_token(article_ctx *ctx, size_t *lval, cw_span *lloc);
void art_syntax_error(article_ctx *ctx, size_t at, const char *what);
/* A syntax error, reported by the error rule that recovers from it (art_out_of_place). */
void art_unexpected(article_ctx *ctx, size_t at, const char *got, const char **expected, int n,
		    int more);
/* Returns 0 when there was no report, or the paragraph had been reported already. */
int art_out_of_place(article_ctx *ctx);

/* Helpers shared by the parts (story.c). */
/* The text from s to e with its lines joined by single spaces (an arena copy when it has more
 * than one line), and the same as a value. */
slice art_join(article_ctx *ctx, const char *s, const char *e);
cw_value *art_para_text(article_ctx *ctx, const char *s, const char *e);
/* A slice as a string value; null for an absent one. */
cw_value *art_str(article_ctx *ctx, slice s);
/* s to e without the blanks around it (and a wire line's trailing = < @). */
slice art_trimmed(const char *s, const char *e);
/* Decoded offset of p, and the file offset a record reports for it. */
size_t art_off(const article_ctx *ctx, const char *p);
int64_t art_file_offset(const article_ctx *ctx, const char *p);
/* Adds an agency (canonical name) once. */
void art_add_agency(article_ctx *ctx, const char *name);
/* The agencies named in words such as "tca/dpa" or "Associated Press". */
void art_add_agencies_in(article_ctx *ctx, slice words);
/* A dateline at the start of paragraph i: fills "dateline" once. */
int art_dateline(article_ctx *ctx, const char *s, const char *e);
/* Each paragraph that repeats an earlier one says which (duplicates.c). */
void art_mark_duplicates(article_ctx *ctx);
/* Attributions in a body paragraph. */
void art_attributions(article_ctx *ctx, const char *s, const char *e, size_t para);

/* The wire and Reuters provenance objects (provenance.c): placed before the story's fields,
 * completed once the paragraphs are known (the slug line, agencies). */
void article_meta(article_ctx *ctx);
void article_meta_finish(article_ctx *ctx);

int cw_article_parse(article_ctx *ctx);

#endif
