/* Line lexer of the routing header (format lines 1-9): classifies one line per call. */
#ifndef CW_HEADER_LEX_H
#define CW_HEADER_LEX_H

#include <stddef.h>

/* The semantic value of every header token: the line, and where its argument starts (after a
 * keyword such as TO or INFO). */
typedef struct hdr_line {
	const char *start;  /* first byte of the line */
	const char *end;    /* the "\n" that ends it */
	const char *arg;    /* after the keyword, or start */
} hdr_line;

typedef struct hdr_lexer {
	const char *text;        /* decoded text, NUL at lim */
	const char *cur;         /* next line */
	const char *lim;
	const char *stop;        /* end of the header when the form says (HTML); NULL: find it */
	const char *body_start;  /* where the body begins, once found */
	int in_addr;             /* inside an FM/TO/INFO/XMT list */
	int after_fl2;           /* previous line was format line 2 or a continuation of it */
	int seen_routing;        /* a format line or an addressee was seen */
	int pending_blank;       /* blank line(s) skipped inside an address list */
	size_t page_lines;       /* PAGE nn ... lines dropped */
	size_t lines;            /* lines classified */
} hdr_lexer;

void hdr_lexer_init(hdr_lexer *lx, const char *text, const char *start, const char *lim,
		    const char *stop);
/* Returns a token of grammar/cable/header.y (0 at the end of the header) and fills *val. */
int hdr_lex_line(hdr_lexer *lx, hdr_line *val);
/* Whether a line of a routing header (a format line, the partial-extract banner, an address
 * list naming an addressee) comes before the first line that only a body has; 0 for an excerpt
 * without a header. */
int hdr_routing_ahead(const char *p, const char *lim);
/* Whether the text at p (past blank lines) starts with a line of a routing header. */
int hdr_starts(const char *p, const char *lim);

#endif
