/* A grammar's syntax error, between the moment Bison finds it (yyreport_syntax_error, which knows
 * the expected tokens) and the error rule that recovers from it and reports it (as a diagnostic
 * of the grammar's own code). The three grammars (grammar/cable/header.y, body.y,
 * grammar/article/article.y) read an offending line again after reporting it, so the same place
 * may fail twice: it is said once. */
#ifndef CW_SYNTAX_REPORT_H
#define CW_SYNTAX_REPORT_H

#include <stddef.h>

typedef struct syntax_report {
	int pending;               /* kept, not yet reported */
	int reported;              /* something was reported, at reported_at */
	size_t at, reported_at;    /* decoded offsets */
	char message[400];
} syntax_report;

/* How the expected tokens are listed: "GOT WHERE; expected A, B or C" or
 * "GOT WHERE (expected A, B or C)TAIL". */
enum syntax_style { SYNTAX_SEMICOLON, SYNTAX_PARENS };

/* Keeps the report of a token got at offset at: "GOT WHERE" and up to n expected tokens (more:
 * there were others). */
void syntax_report_keep(syntax_report *r, size_t at, const char *got, const char *where,
			const char *const *expected, int n, int more, enum syntax_style style,
			const char *tail);
/* 1 when a kept report is to be said now (r->at, r->message); 0 when none is kept or this place
 * was reported already. */
int syntax_report_take(syntax_report *r);

#endif
