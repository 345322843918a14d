/* Line lexer of the routing header (ACP-127 format lines 1-9, as State used them).
 *
 * One call classifies one line and returns a token of grammar/cable/header.y. The classes are decided
 * by the line's first words; the fields inside are read later by lexer/cable/header_fields.re. A little state
 * travels from line to line: inside an FM/TO/INFO/XMT list every plain line is an addressee, and
 * a line of bare routing indicators only continues format line 2 right after it.
 *
 * When the form does not say where the header ends (plain text, Markdown), the lexer decides: at
 * the first line that starts the body (a classification line with more after it, E.O., TAGS,
 * SUBJECT, REF, Classified By, SUMMARY, a paragraph with its marking), after BT, or at a
 * non-address line that follows a blank line inside an address list. An excerpt may have no
 * header at all: hdr_routing_ahead() says whether a routing line comes before the body does.
 */
#include "lexer/cable/header_lex.h"
#include "grammar/cable/header.tab.h"

#include <string.h>

#include "lexer/cable/line_shapes.h"
#include "lexer/core/words.h"

typedef const unsigned char *uptr;

/*!include:re2c "lexer/core/common.re" */
/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "cur";
	re2c:define:YYMARKER = "mar";
	re2c:define:YYCTXMARKER = "ctx";
	re2c:define:YYLIMIT = "lim";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:tags = 1;
	re2c:api:style = free-form;
*/

void hdr_lexer_init(hdr_lexer *lx, const char *text, const char *start, const char *lim,
		    const char *stop)
{
	lx->text = text;
	lx->cur = start;
	lx->lim = lim;
	lx->stop = stop;
	lx->body_start = NULL;
	lx->in_addr = 0;
	lx->after_fl2 = 0;
	lx->seen_routing = 0;
	lx->pending_blank = 0;
	lx->page_lines = 0;
	lx->lines = 0;
}

/* Line kinds before the state decides the token. */
enum kind {
	K_END, K_BLANK, K_PAGE, K_NNNN, K_BANNER, K_FL1, K_FL2, K_RIS, K_FL3, K_FL4, K_DTG, K_FM,
	K_TO, K_INFO, K_XMT, K_OFFICES, K_RULE, K_BT, K_CLASSPTQ, K_EMAIL, K_BODY, K_CLASSWORD,
	K_ADDRLIKE, K_TEXT
};

/* Classifies the line at *pc; sets *arg to the start of its argument and advances *pc past its
 * "\n".
 *
 * Every rule matches a whole line, so the first rule (as written) that matches the line decides.
 * Seven of them are read in C (below, and lexer/cable/line_shapes.h) and the catch-all (text) is
 * the "\n": in the one block, the office lists, the routing indicators (ri, upper{2,6}) and the
 * address keywords multiplied the states of every rule that starts with a capital. The block reports which rule matched (its
 * place in the order below); a rule read in C decides when it comes before that one. */
enum {
	R_FL2 = 6,             /* sp* prec2 (sp+ ri)+ ([ \t] nl*)? eol: a prosign and at least one
				* indicator; garbled words after them are reported by the field
				* scanner, not allowed to demote the line */
	R_FL3 = 7,             /* sp* "DE" sp+ @a ri nl* eol */
	R_OFFICE_KEYWORD = 12, /* sp* ("INFO" | "ACTION" | "ORIGIN") sp+ @a office nl* eol */
	R_OFFICE_LIST = 16,    /* sp* (office sp*)+ ("/" digit+ sp* upper? sp*)? eol */
	R_RIS = 23,            /* sp* ri (sp+ ri)* sp* eol */
	R_RI_SLASH = 28,       /* sp* ri sp* "/" nl* eol */
	R_ADDR_KEYWORD = 29,   /* sp* addrkw (sp nl*)? eol */
	R_TEXT = 30            /* nl* eol */
};

/* A routing indicator, ri = [RUQ] upper{2,6}, that is a whole word at p: its end, or NULL. A
 * rule that has a blank, a "/" or the line's end after an indicator takes its capitals whole. */
static uptr ri_word(uptr p)
{
	if (*p != 'R' && *p != 'U' && *p != 'Q')
		return NULL;
	uptr q = p + 1;
	while (*q >= 'A' && *q <= 'Z')
		q++;
	return q - p >= 3 && q - p <= 7 ? q : NULL;
}

/* Rule 6: after a prosign (ZZ, OO, PP, RR, YY, or one of Z O P R Y) and blanks, one indicator
 * followed by a blank or the line's end is enough: ([ \t] nl*)? takes any rest. */
static int fl2_line(uptr p)
{
	p = skip_blanks(p);
	if (*p != 'Z' && *p != 'O' && *p != 'P' && *p != 'R' && *p != 'Y')
		return 0;
	p += p[1] == p[0] ? 2 : 1;
	if (*p != ' ' && *p != '\t')
		return 0;
	uptr e = ri_word(skip_blanks(p));
	return e && (*e == ' ' || *e == '\t' || *e == '\n');
}

/* Rule 7: "DE", blanks, then an indicator (anything may follow it): where it starts, or NULL. */
static uptr fl3_line(uptr p)
{
	p = skip_blanks(p);
	if (p[0] != 'D' || p[1] != 'E' || (p[2] != ' ' && p[2] != '\t'))
		return NULL;
	p = skip_blanks(p + 2);
	return (*p == 'R' || *p == 'U' || *p == 'Q') && p[1] >= 'A' && p[1] <= 'Z' && p[2] >= 'A' &&
	       p[2] <= 'Z' ? p : NULL;
}

/* Rule 23: indicators alone, separated by blanks. */
static int ris_line(uptr p)
{
	uptr e = ri_word(skip_blanks(p));
	while (e) {
		p = skip_blanks(e);
		if (*p == '\n')
			return 1;
		if (p == e)
			return 0;
		e = ri_word(p);
	}
	return 0;
}

/* Rule 28: an indicator, blanks or not, a slash. */
static int ri_slash_line(uptr p)
{
	uptr e = ri_word(skip_blanks(p));
	return e && *skip_blanks(e) == '/';
}

/* sp* addrkw (sp nl*)? eol: an address keyword first on the line, alone or before a blank. */
static int addr_keyword_line(uptr p)
{
	static const char *const words[] = { "AMEMBASSY", "AMCONSUL", "SECSTATE", "USMISSION", "USDEL",
					     "USINT", "AMEMB", "USEU", "USNATO", "CIA", "NSC", "DIA",
					     "SECDEF", "JOINT STAFF", "HQ", "CDR", "DEPT", "COMUSNAVCENT",
					     "USCINC", "CJCS", "WHITE HOUSE" };
	p = skip_blanks(p);
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		/* compared a byte at a time: the text may end before a word's length */
		uptr e = word_cs(p, words[k]);
		if (e && (*e == ' ' || *e == '\t' || *e == '\n'))
			return 1;
	}
	return 0;
}

/* Rules of the block below read after it, for a line none of its rules took: as every rule
 * matches a whole line, such a line gets the answer it would get in the block. In the block, the
 * garbled DTG's [A-Za-z]{3} beside the months and these words beside every rule that starts with
 * a capital or a digit multiplied its states (35 KB of C). Returns the rule's place, or 0. */
static int late_rule(uptr cur, uptr lim)
{
	uptr mar = NULL, m = NULL, e = NULL;
	/*!stags:re2c:hlate format = 'uptr @@ = NULL;'; */
	/*!re2c:hlate
		/* 9: a DTG whose month is garbled (322136Z FBE 06): read, and reported as no date */
		sp* (prec1 sp+ (prec1 sp+)?)? digit{6} sp* [Zz] sp+ [A-Za-z]{3} sp+ (digit{4} | digit{2}) sp* eol
		                                                { return 9; }
		/* 31 to 34: more lines that only a body has (after 28 to 30 in the order, which
		 * they never share a line with): REF, Classified By, SUMMARY, a marked paragraph */
		sp* ("REF" | "REFS" | "REF(S)" | "REFTEL" | "REFTELS" | "RETELS" | 'REFERENCE' | 'REFERENCES'
		    | "Ref" | "Refs") sp* ":" nl* eol            { return 31; }
		sp* 'CLASSIFIED' sp+ 'BY' [: \t] nl* eol        { return 32; }
		sp* ('SUMMARY' sp* ":" nl* | 'BEGIN SUMMARY' nl* | "SUMMARY" sp*) eol { return 33; }
		/* the marking's [A-Za-z/ ]{1,12}, its length counted here: the run cannot hold a ")" */
		sp* digit{1,3} "." sp* "(" @m [A-Za-z/ ]+ @e ")" nl* eol { return e - m <= 12 ? 34 : 0; }
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

static enum kind classify(uptr *pc, uptr lim, uptr *arg)
{
	static const enum kind kinds[] = {
		K_END, K_BLANK, K_PAGE, K_NNNN, K_BANNER, K_FL1, K_FL2, K_FL3, K_FL4, K_DTG, K_FM, K_FM,
		K_OFFICES, K_TO, K_INFO, K_XMT, K_OFFICES, K_OFFICES, K_RULE, K_BT, K_CLASSPTQ, K_EMAIL,
		K_CLASSWORD, K_RIS, K_BODY, K_BODY, K_BODY, K_BODY, K_ADDRLIKE, K_ADDRLIKE, K_TEXT,
		K_BODY, K_BODY, K_BODY, K_BODY
	};
	uptr start = *pc, cur = start, mar = NULL, ctx = NULL, a = NULL;
	/*!stags:re2c:hline format = 'uptr @@ = NULL;'; */
	int r = 0;
	(void)ctx;
	/*!re2c:hline
		office  = upper{1,5} "-" digit{2};
		plad_ch = [A-Z0-9 ./()&'-];

		sp* eol                                         { r = 1; goto done; }
		sp* "PAGE" sp+ digit+ nl* eol                   { r = 2; goto done; }
		sp* "NNNN" sp* eol                              { r = 3; goto done; }
		sp* "This record is a partial extract" nl* eol  { r = 4; goto done; }
		sp* "VZCZC" nl* eol                             { r = 5; goto done; }
		/* 6 and 7: format lines 2 and 3 */
		sp* ("ZNY" | "ZNR") sp nl* eol                  { r = 8; goto done; }
		sp* (prec1 sp+ (prec1 sp+)?)? dtg nl* eol       { r = 9; goto done; }
		/* 9 again, a DTG whose month is garbled: late_rule */
		sp* "FM" sp+ @a nl* eol                         { r = 10; goto done; }
		sp* "From:" sp* @a upper plad_ch* eol           { r = 11; goto done; }
		/* 12: office distribution (INFO LOG-00 NP-00) before INFO as an address keyword */
		sp* "TO" ":"? (sp+ @a nl*)? eol                 { r = 13; goto done; }
		sp* "INFO" ":"? (sp+ @a nl*)? eol               { r = 14; goto done; }
		sp* "XMT" ":"? ([ /]+ @a nl*)? eol              { r = 15; goto done; }
		/* 16: a list of offices */
		sp* "/" digit+ sp* upper? sp* eol               { r = 17; goto done; }
		sp* "-"{4,} nl* eol                             { r = 18; goto done; }
		sp* "BT" sp* eol                                { r = 19; goto done; }
		sp* cls_plain sp+ "PTQ" digit+ sp* eol          { r = 20; goto done; }
		sp* ("From:" | "Sent:" | "To:" | "Subject:" | "Cc:" | "CC:" | "Date:") nl* eol
		                                                { r = 21; goto done; }
		sp* cls_word_strict ("//" [A-Z/ ]*)? sp* eol    { r = 22; goto done; }
		/* 23: routing indicators (after the class words: UNCLAS alone is a class word) */
		sp* cls_word_strict ("//" [A-Z/]*)? sp+ [A-Z0-9] nl* eol { r = 24; goto done; }
		sp* ("E.O." | "E.o." | "E.0." | "EO" | "E. O.") sp* digit{5} nl* eol
		                                                { r = 25; goto done; }
		sp* ("TAGS" | "TAGE" | "TAS" | "TAG") ":"? sp nl* eol { r = 26; goto done; }
		sp* ("SUBJECT" | "SUBJ") sp* ":" nl* eol        { r = 27; goto done; }
		/* 28: an indicator and a slash; 29: an address keyword; 30: any other line */
		/* 31 to 34: late_rule */
		* { goto done; }
		$ { goto done; }
	*/
done:
	(void)mar;
	/* The rules read in C, where they come before the block's; every rule needs the "\n". */
	uptr nl = memchr(start, '\n', (size_t)(lim - start)), o;
	if (!nl)
		return K_END;
	if (!r && (r = late_rule(start, lim)))
		cur = nl + 1;
	int block = r ? r : R_TEXT;
	if (R_FL2 < block && fl2_line(start))
		r = R_FL2, a = NULL;
	else if (R_FL3 < block && (o = fl3_line(start)))
		r = R_FL3, a = o;
	else if (R_OFFICE_KEYWORD < block && (o = office_keyword_line(start)))
		r = R_OFFICE_KEYWORD, a = o;
	else if (R_OFFICE_LIST < block && office_line(start))
		r = R_OFFICE_LIST, a = NULL;
	else if (R_RIS < block && ris_line(start))
		r = R_RIS, a = NULL;
	else if (R_RI_SLASH < block && ri_slash_line(start))
		r = R_RI_SLASH, a = NULL;
	else if (R_ADDR_KEYWORD < block && addr_keyword_line(start))
		r = R_ADDR_KEYWORD, a = NULL;
	else if (!r)
		r = R_TEXT, a = NULL;
	if (r != block || r == R_TEXT)
		cur = nl + 1;
	*arg = a;
	*pc = cur;
	return kinds[r];
}

int hdr_lex_line(hdr_lexer *lx, hdr_line *val)
{
	for (;;) {
		const char *start = lx->cur;
		if (lx->body_start || (lx->stop && start >= lx->stop) || start >= lx->lim)
			return HDR_YYEOF;
		uptr next = (uptr)start, arg = NULL;
		enum kind k = classify(&next, (uptr)lx->lim, &arg);
		if (k == K_END) {
			lx->cur = lx->lim;
			return HDR_YYEOF;
		}
		const char *end = (const char *)next - 1; /* the "\n" */
		int bounded = lx->stop != NULL;

		/* Where the form does not mark the end of the header, find it. */
		if (!bounded) {
			int ends = 0;
			if (k == K_BODY)
				ends = 1;
			else if (k == K_CLASSWORD && lx->in_addr)
				ends = 1;
			else if (lx->in_addr && lx->pending_blank && k == K_TEXT)
				/* After a blank line, plain text is the body; header lines (a second
				 * header after a quoted one) and address lines are not. */
				ends = 1;
			if (ends) {
				lx->body_start = start;
				return HDR_YYEOF;
			}
		}

		lx->cur = (const char *)next;
		if (k == K_BLANK) {
			if (lx->in_addr)
				lx->pending_blank = 1;
			continue;
		}
		if (k == K_PAGE) {
			lx->page_lines++;
			continue;
		}
		if (k == K_NNNN)
			continue;
		lx->lines++;
		lx->pending_blank = 0;

		val->start = start;
		val->end = end;
		val->arg = arg ? (const char *)arg : start;

		int was_fl2 = lx->after_fl2;
		lx->after_fl2 = 0;
		int tok;
		switch (k) {
		case K_BANNER: tok = HDR_BANNER; lx->in_addr = 0; break;
		case K_FL1: tok = HDR_FL1; lx->in_addr = 0; break;
		case K_FL2: tok = HDR_FL2; lx->in_addr = 0; lx->after_fl2 = 1; break;
		case K_RIS:
			if (was_fl2) {
				tok = HDR_RIS;
				lx->after_fl2 = 1;
			} else {
				tok = lx->in_addr ? HDR_ADDR : HDR_TEXT;
			}
			break;
		case K_FL3: tok = HDR_FL3; lx->in_addr = 0; break;
		case K_FL4: tok = HDR_FL4; lx->in_addr = 0; break;
		case K_DTG: tok = HDR_DTG; lx->in_addr = 0; break;
		case K_FM: tok = HDR_FM; lx->in_addr = 1; break;
		case K_TO: tok = HDR_TO; lx->in_addr = 1; break;
		case K_INFO: tok = HDR_INFO; lx->in_addr = 1; break;
		case K_XMT: tok = HDR_XMT; lx->in_addr = 1; break;
		case K_OFFICES: tok = HDR_OFFICES; lx->in_addr = 0; break;
		case K_RULE: tok = HDR_RULE; lx->in_addr = 0; break;
		case K_BT:
			tok = HDR_BT;
			lx->in_addr = 0;
			/* BT separates the header from the text. */
			if (!bounded)
				lx->body_start = lx->cur;
			break;
		case K_CLASSPTQ: tok = HDR_CLASSPTQ; lx->in_addr = 0; break;
		case K_EMAIL: tok = HDR_EMAIL; lx->in_addr = 0; break;
		case K_ADDRLIKE:
		case K_TEXT:
		case K_CLASSWORD:
		case K_BODY:
		default:
			tok = lx->in_addr ? HDR_ADDR : HDR_TEXT;
			break;
		}
		if (tok != HDR_TEXT && tok != HDR_EMAIL)
			lx->seen_routing = 1;
		return tok;
	}
}

/* The argument of a TO, INFO or XMT line names an addressee: an indicator and a slash, an
 * address keyword, or nothing (the addressees follow on the next lines). */
static int address_arg(uptr a)
{
	if (!a)
		return 1;
	a = skip_blanks(a);
	return *a == '\n' || ri_slash_line(a) || addr_keyword_line(a);
}

int hdr_routing_ahead(const char *p, const char *lim)
{
	/* Line by line up to the first line of a body: the header's lines, or an addressee line
	 * that names an addressee (an all-capitals "TO THE ..." in a paragraph does not). */
	for (;;) {
		uptr next = (uptr)p, arg = NULL;
		if (p >= lim)
			return 0;
		switch (classify(&next, (uptr)lim, &arg)) {
		case K_END:
		case K_BODY:
			return 0;
		case K_BANNER: case K_FL1: case K_FL2: case K_FL3: case K_FL4: case K_DTG: case K_FM:
		case K_OFFICES: case K_BT: case K_CLASSPTQ:
			return 1;
		case K_TO: case K_INFO: case K_XMT:
			if (address_arg(arg))
				return 1;
			break;
		default:
			break;
		}
		p = (const char *)next;
	}
}

int hdr_starts(const char *p, const char *lim)
{
	/* Past blank lines, is the first line a format line of a routing header? */
	for (;;) {
		uptr next = (uptr)p, arg = NULL;
		if (p >= lim)
			return 0;
		enum kind k = classify(&next, (uptr)lim, &arg);
		if (k == K_BLANK) {
			p = (const char *)next;
			continue;
		}
		return k == K_FL1 || k == K_FL2 || k == K_FL3 || k == K_FL4 || k == K_DTG || k == K_BANNER;
	}
}
