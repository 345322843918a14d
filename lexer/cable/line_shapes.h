/* Line shapes that the line lexers (lexer/cable/header.re, lexer/cable/body.re) read in C rather
 * than in their one re2c block: office distribution lists. As rules of those blocks their
 * counted letters (office = upper{1,5} "-" digit{2}, repeated) multiplied the states of every
 * other rule that starts with a capital. Each function reads a line once, left to right, and
 * decides at each byte (no backtracking). The text ends with "\n" before its NUL sentinel. */
#ifndef CW_LINE_SHAPES_H
#define CW_LINE_SHAPES_H

#include <stddef.h>

/* office = upper{1,5} "-" digit{2} at p: its end, or NULL. LOG-00, NP-00, EUR-00. */
static inline const unsigned char *office_end(const unsigned char *p)
{
	const unsigned char *q = p;
	while (*q >= 'A' && *q <= 'Z' && q - p < 6)
		q++;
	if (q == p || q - p > 5 || q[0] != '-' || q[1] < '0' || q[1] > '9' || q[2] < '0' || q[2] > '9')
		return NULL;
	return q + 3;
}

static inline const unsigned char *skip_blanks(const unsigned char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A line of offices: sp* (office sp*)+ ("/" digit+ sp* upper? sp*)? "\n", as
 * "INFO  LOG-00 EUR-00 SS-00 /012 W". Returns the "\n", or NULL. */
static inline const unsigned char *office_line(const unsigned char *p)
{
	const unsigned char *q = skip_blanks(p), *e;
	if (!(e = office_end(q)))
		return NULL;
	do
		q = skip_blanks(e);
	while ((e = office_end(q)));
	if (q[0] == '/' && q[1] >= '0' && q[1] <= '9') {
		for (q += 2; *q >= '0' && *q <= '9'; q++)
			;
		q = skip_blanks(q);
		if (*q >= 'A' && *q <= 'Z')
			q = skip_blanks(q + 1);
	}
	return *q == '\n' ? q : NULL;
}

/* sp* ("INFO" | "ACTION" | "ORIGIN") sp+ office: where the office starts, or NULL. */
static inline const unsigned char *office_keyword_line(const unsigned char *p)
{
	static const char *const words[] = { "INFO", "ACTION", "ORIGIN" };
	const unsigned char *q = skip_blanks(p);
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		const char *w = words[k];
		const unsigned char *r = q;
		while (*w && *r == (unsigned char)*w)
			r++, w++;
		if (*w || (*r != ' ' && *r != '\t'))
			continue;
		r = skip_blanks(r);
		return office_end(r) ? r : NULL;
	}
	return NULL;
}

#endif
