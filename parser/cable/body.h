/* Building the body fields from the body grammar's reductions (format line 12). */
#ifndef CW_BODY_H
#define CW_BODY_H

#include "grammar/cable/body.tab.h"
#include "lexer/cable/body_fields.h"
#include "lexer/cable/body_lex.h"
#include "parser/cable/telegram.h"
#include "parser/core/syntax_report.h"
#include "parser/core/dates.h"

enum block_kind { BLOCK_NONE, BLOCK_EO, BLOCK_TAGS, BLOCK_SUBJECT, BLOCK_REF, BLOCK_CLSBY,
		  BLOCK_PARA, BLOCK_SUBPARA, BLOCK_TEXT };

/* A paragraph until the body ends: its value, and its text for the signature and the spans. */
typedef struct body_para {
	cw_value *obj;
	slice text;
	slice heading;           /* the section heading above it (SUMMARY: the summary) */
} body_para;

/* More than the canonical captions there are (lexer/cable/body_fields.re). */
enum { CAPTIONS_SEEN = 64 };

typedef struct body_state {
	cw_value *captions, *pass_lines, *tags, *references, *paragraphs, *comments, *notes;
	cw_value *signature, *classified_by, *eo;
	int block;               /* block being read */
	body_line first;         /* its first line */
	slice *segs;             /* its lines (malloc'd, reused) */
	size_t nsegs, capsegs;
	cw_value *cur_para;      /* paragraph receiving lettered sub-paragraphs */
	body_para *paras;        /* the paragraphs, put into the record when the body ends (malloc'd) */
	size_t npara, cappara;
	slice captions_seen[CAPTIONS_SEEN];  /* each caption once (canonical spellings) */
	size_t ncaptions;
	size_t ntags;            /* tags kept from the TAGS line */
	int has_subject;         /* a SUBJECT line gave a subject */
	slice last_line;         /* last line of the last text block, for the signature */
	int last_line_alone;     /* that block had only this line, or it follows a finished sentence */
	size_t last_prefix;      /* length of the block's text without its last line */
	int last_is_para;
	const char *heading;     /* section heading for the paragraphs that follow */
	size_t heading_len;
	int heading_used;
	int has_summary;        /* a paragraph has it (else, at the end, it is the last text) */
	int last_number;         /* last paragraph number */
	int seen_classline, seen_para;
	int ref_blocks;
	classline_fields cl;     /* the first classification line */
	const char *cl_start;
	int decl_year, decl_month, decl_day;
	const char *eo_at;       /* the E.O. line */
	int top_mark;            /* highest paragraph marking rank seen, -1 none */
	const char *top_mark_at;
	size_t dumps, repeats;
	size_t first_dump;
	int signature_done;
	int elements;            /* elements of a telegram read (keyword lines, numbered
				  * paragraphs, captions, a signature, ...): an excerpt has some */
	int after_rule;          /* the last item was a rule line */
	int block_after_rule;    /* the current block follows a rule line */
	syntax_report report;     /* a syntax error until its error rule reports it */
} body_state;

/* What the body's parser works with: the telegram, the body's lexer and what it has read. */
enum { BODY_LINE_RING = 4 };

typedef struct body_ctx {
	telegram tg;
	body_lexer blx;
	body_state b;
	int year;                /* the cable's year (DTG, else the release's); -1 unknown */
	int has_header;          /* a routing header came before the body */
	body_line lines[BODY_LINE_RING]; /* the tokens' lines, in turn (cw_body_lex) */
	unsigned next_line;
} body_ctx;

/* Runs the body grammar over the text from start. */
void body_parse(body_ctx *ctx, const char *start);

/* The kinds of head line, in the head's order (grammar/cable/body.y). */
enum head_kind { HEAD_CLASS, HEAD_CAPTION, HEAD_PASS, HEAD_EO, HEAD_TAGS, HEAD_SUBJECT, HEAD_REF,
		 HEAD_CLSBY };

int body_lex_token(body_ctx *ctx, body_line *lval, CW_BODY_LTYPE *lloc);
void body_classline(body_ctx *ctx, const body_line *l);
void body_classword(body_ctx *ctx, const body_line *l);
void body_caption(body_ctx *ctx, const body_line *l);
void body_pass(body_ctx *ctx, const body_line *l);
void body_blank(body_ctx *ctx);
void body_rule(body_ctx *ctx, const body_line *l);
void body_furniture(body_ctx *ctx, const body_line *l);
void body_dump(body_ctx *ctx, const body_line *l);
void body_end_mark(body_ctx *ctx, const body_line *l);
void body_block(body_ctx *ctx, int kind, const body_line *l);
void body_cont(body_ctx *ctx, const body_line *l);
void body_softbreak(body_ctx *ctx, const body_line *l);
void body_block_end(body_ctx *ctx);
void body_syntax_error(body_ctx *ctx, size_t off, const char *msg);
/* What the grammar finds out of place: a head line of a kind the head has not had after one that
 * comes later (last), a head line among the paragraphs. */
void body_head_order(body_ctx *ctx, size_t off, int kind, int last);
void body_head_in_text(body_ctx *ctx, size_t off, int kind);
/* A syntax error, reported by the error rule that recovers from it (body_out_of_place), which
 * first ends the block the error cut short. */
void body_unexpected(body_ctx *ctx, size_t off, const char *got, const char **expected, int n,
		     int more);
/* Returns 0 when there was no report, or the line had been reported already. */
int body_out_of_place(body_ctx *ctx);

/* Rank of a classification or portion marking: U/SBU 0, C 1, S 2, TS 3; -1 unknown. */
int marking_rank(const char *s, size_t n);

#endif
