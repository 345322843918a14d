/* Line lexer of the telegram body (format line 12): one segment per call, usually a line. */
#ifndef CW_BODY_LEX_H
#define CW_BODY_LEX_H

#include <stddef.h>

#include "lexer/cable/header_fields.h"

/* The semantic value of every body token. */
typedef struct body_line {
	const char *start;  /* first byte of the segment */
	const char *end;    /* its end: the "\n" of the line, or a cut inside a collapsed line */
	const char *arg;    /* after the keyword (E.O., TAGS:, SUBJECT:, 1. (C)), or start */
	int number;         /* paragraph number */
	int kind;           /* furniture kind (enum body_furniture) */
	slice label;        /* sub-paragraph label: A, b */
	slice mark;         /* portion marking without parentheses: C, SBU, S/NF */
} body_line;            /* 64 bytes: the parser's value is a pointer to it (body.y) */

enum body_furniture { FURN_PAGE = 1, FURN_SECTION, FURN_ROUTING, FURN_STAMP };

/* One line as lexer/cable/body.re's classify() reads it (its kind and where its parts are). */
typedef struct body_seg {
	int k;
	const unsigned char *next;   /* start of the next line (past the "\n") */
	const unsigned char *eol;    /* the "\n" */
	const unsigned char *arg;    /* after the keyword */
	const unsigned char *cut;    /* a fixed end inside the line (PAGE header, dump prefix, glued SIPDIS) */
	const unsigned char *n0, *n1; /* paragraph number */
	const unsigned char *m0, *m1; /* portion marking */
	const unsigned char *l0, *l1; /* sub-paragraph label */
} body_seg;

typedef struct body_lexer {
	const char *text, *cur, *lim;
	int head;              /* before the first paragraph */
	int in_ref;            /* inside a REF block: bullets are reference labels */
	int seen_subject;      /* SUBJECT seen: later plain text starts the body text */
	int seen_keyword;      /* E.O., TAGS or SUBJECT seen: no more pass lines */
	int seen_text;         /* a text line or a paragraph: a class word alone after it is a
				* trailing one (an excerpt's tail), not a classification line */
	int after_blank;       /* the previous token was a blank line */
	char last_char;        /* last non-blank character of the previous text segment */
	size_t page_breaks, section_markers, routing_blocks, stamps;
	/* The line after a run of blank lines, classified to see whether furniture follows it:
	 * kept (peek_at is its start) so that the next token does not classify it again. */
	const char *peek_at;
	body_seg peek;
} body_lexer;

void body_lexer_init(body_lexer *lx, const char *text, const char *start, const char *lim);
/* Returns a token of grammar/cable/body.y (0 at the end) and fills *val. */
int body_lex(body_lexer *lx, body_line *val);

#endif
