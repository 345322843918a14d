/* Line shapes that the line lexers (lexer/cable/header.re, lexer/cable/body.re) and the
 * classification line's scanner (lexer/cable/body_fields.re) read in C rather than in re2c
 * blocks: office distribution lists and classification words. As rules of those blocks the
 * office lists' counted letters (office = upper{1,5} "-" digit{2}, repeated) multiplied the
 * states of every other rule that starts with a capital. Each function reads a bounded number
 * of times at most what one rule would read, left to right, deciding at each byte (no
 * backtracking). The text ends with "\n" before its NUL sentinel. */
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

/* A word as the classification words are written (lexer/core/common.re), at p: in pat, a
 * lower-case letter matches itself in either case, "_" an optional space (s_), "+" a run of
 * blanks (sp+), any other byte itself. Returns the end, or NULL. A word has one way to match: no
 * letter is a blank. */
static inline const unsigned char *spaced_word(const unsigned char *p, const char *pat)
{
	for (; *pat; pat++) {
		unsigned char k = (unsigned char)*pat;
		if (k == '_') {
			if (*p == ' ')
				p++;
		} else if (k == '+') {
			if (*p != ' ' && *p != '\t')
				return NULL;
			p = skip_blanks(p);
		} else if (k >= 'a' && k <= 'z' ? (*p | 0x20) != k : *p != k) {
			return NULL;
		} else {
			p++;
		}
	}
	return p;
}

/* Every end of cls_word at p (at most CLS_ENDS), as the re2c definition reads it: CONFIDENTIAL,
 * SECRET, UNCLAS(SIFIED) in any case with a space or not between letters, with one stray
 * character before them or not; LIMITED OFFICI(A)L USE; TOP SECRET; the same first letter lost
 * (ONFIDENTIAL, ECRET, NCLAS); RESTRICTED as written. As a re2c definition it cost a rule 20 KB
 * of C each time it was used. */
enum { CLS_ENDS = 20 };

static inline int cls_word_ends(const unsigned char *p, const unsigned char **ends)
{
	static const char w_conf[] = "c_o_n_f_i_d_e_n_t_i_a_l", w_secret[] = "s_e_c_r_e_t",
			  w_unclas[] = "u_n_c_l_a_s", w_unclassified[] = "u_n_c_l_a_s_s_i_f_i_e_d";
	int n = 0;
	const unsigned char *e;
#define CLS_TRY(at, w)                        \
	do {                                  \
		if ((e = spaced_word((at), (w)))) \
			ends[n++] = e;        \
	} while (0)
	/* Most lines start with none of them: the words are tried by their first letter (a
	 * lower-case letter of a word matches either case: b | 0x20 is that letter only for the
	 * letter's two cases), in the order the list had: CONFIDENTIAL, SECRET, UNCLAS,
	 * UNCLASSIFIED, LIMITED OFFICIAL USE, LIMITED OFFICIL USE, TOP SECRET, then the words
	 * that lost their first letter, then RESTRICTED. */
	switch (*p | 0x20) {
	case 'c': CLS_TRY(p, w_conf); break;
	case 's': CLS_TRY(p, w_secret); break;
	case 'u': CLS_TRY(p, w_unclas); CLS_TRY(p, w_unclassified); break;
	case 'l':
		CLS_TRY(p, "l_i_m_i_t_e_d+o_f_f_i_c_i_a_l+u_s_e");
		CLS_TRY(p, "l_i_m_i_t_e_d+o_f_f_i_c_i__l+u_s_e");
		break;
	case 't': CLS_TRY(p, "t_o_p+s_e_c_r_e_t"); break;
	case 'o': CLS_TRY(p, "o_n_f_i_d_e_n_t_i_a_l"); break;
	case 'e': CLS_TRY(p, "e_c_r_e_t"); break;
	case 'n': CLS_TRY(p, "n_c_l_a_s"); CLS_TRY(p, "n_c_l_a_s_s_i_f_i_e_d"); break;
	case 'r': CLS_TRY(p, "RESTRICTED"); break;
	default: break;
	}
	/* [A-Za-z.] s_ (w_conf | w_secret | w_unclas) */
	if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '.') {
		const unsigned char *q = p + 1 + (p[1] == ' ');
		switch (*q | 0x20) {
		case 'c': CLS_TRY(q, w_conf); break;
		case 's': CLS_TRY(q, w_secret); break;
		case 'u': CLS_TRY(q, w_unclas); CLS_TRY(q, w_unclassified); break;
		default: break;
		}
	}
#undef CLS_TRY
	return n;
}

/* cls_spaced at p, a classification word letter-spaced as State wrote it, followed by a
 * capital (C O N F I D E N T I A LCAIRO): its end, the longest, or NULL. */
static inline const unsigned char *cls_spaced_before_upper(const unsigned char *p)
{
	static const char *const words[] = {
		"U N C L A S S I F I E D", "C O N F I D E N T I A L", "S E C R E T", "T O P+S E C R E T",
		"L I M I T E D+O F F I C I A L+U S E", "U N C L A S"
	};
	const unsigned char *best = NULL, *e;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if ((e = spaced_word(p, words[i])) && *e >= 'A' && *e <= 'Z' && (!best || e > best))
			best = e;
	return best;
}

#endif
