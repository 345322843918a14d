/* Line lexer of the telegram body (format line 12).
 *
 * One call returns one segment: usually a line; in the head of the body (before the first
 * paragraph) a collapsed line is cut where a glued keyword starts ("008305SIPDISE.O. 12958:
 * DECL: 11/14/2012 TAGS: PTER TU" gives a classification line, SIPDIS, an E.O. line and a TAGS
 * line). Page furniture is taken out of the flow here: a page break (class word, PAGE line), the
 * routing block that partial extracts repeat after it, a section marker (TRIPOLI 00000220 002 OF
 * 003). Inside a sentence such furniture comes back as SOFTBREAK, which the grammar lets a
 * paragraph run across; between sentences it acts as a blank line.
 */
#include "lexer/cable/body_lex.h"

#include <string.h>

#include "grammar/cable/body.tab.h"
#include "lexer/cable/body_fields.h"
#include "lexer/cable/line_shapes.h"
#include "lexer/core/words.h"

typedef const unsigned char *uptr;

/*!include:re2c "lexer/core/common.re" */
/* Blocks that test classes of bytes are written as nested ifs (README, "Generated C"). */
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

void body_lexer_init(body_lexer *lx, const char *text, const char *start, const char *lim)
{
	memset(lx, 0, sizeof(*lx));
	lx->text = text;
	lx->cur = start;
	lx->lim = lim;
	lx->head = 1;
	lx->after_blank = 1;
}

enum kind {
	K_END, K_BLANK, K_NNNN, K_PAGE, K_PTQ, K_CLASSWORD, K_CLASSCAND, K_SECTION, K_OFFICES,
	K_HEXRULE, K_DTG, K_ADDRKW, K_RULE, K_EO, K_TAGS, K_SUBJECT, K_REF, K_CLSBY, K_PARA,
	K_SUBPARA, K_DUMP, K_DUMP_PREFIX, K_DUMP_QUOTE, K_STAMP, K_CAPTION, K_SIPDIS_GLUED, K_PASSY, K_TEXT
};

typedef body_seg seg; /* body_lex.h */

/* Every rule matches a whole line, so the first rule (as written) that matches the line decides.
 * The office lists and the rules with classification words (cls_word) are read in C
 * (lexer/cable/line_shapes.h) and the catch-all (text) is the line's "\n": in the one block the
 * office lists and the class words multiplied the states of every rule that starts with a
 * capital. The block reports which rule matched (its place in the order below); a rule
 * read in C decides when it comes before that one.
 *
 * A rule for CSV quotes left before a classification line, sp* "\"" (",\"")? / cls_word (kind
 * K_DUMP_QUOTE), stood between rules 13 and 15; it never matched: its match with its trailing
 * context ends before the line's "\n", and the catch-all's match, always there, takes the "\n".
 * It is left out; the line stays text, as it was. */
enum {
	R_OFFICE_KEYWORD = 7, /* sp* ("INFO" | "ACTION" | "ORIGIN") sp+ office nl* eol */
	R_OFFICE_LIST = 8,    /* sp* (office sp*)+ ("/" digit+ sp* upper? sp*)? eol */
	R_DUMP_CLASS = 16,    /* sp* digit{4} [A-Z ]{3,} digit+ sp+ "-" sp+ ("Classification:" sp*)?
			       * cls_word nl* eol */
	R_DUMP_DATE = 19,     /* sp* weekday "," sp+ digit{1,2} sp+ month sp+ digit{4} ","? sp+
			       * digit{1,2} ":" digit{2} sp* eol */
	R_CLASS_MORE = 22,    /* sp* cls_word ("//" [A-Z/]*)? [ \t] nl* eol; rule 23, the same with
			       * [ \t]+, matched the same lines after it and never decided */
	R_PARA_MARKED = 32,   /* sp* @n0 digit{1,3} @n1 "." sp* mark sp* @a nl* eol, with
			       * mark = "(" @m0 [A-Za-z] [A-Za-z/ -]{0,11} @m1 ")" */
	R_PARA_TEXT = 33,     /* sp* @n0 digit{1,3} @n1 "." [ \t]+ @a [^ \t\n] nl* eol */
	R_PARA_ALONE = 34,    /* sp* @n0 digit{1,3} @n1 "." sp* eol */
	R_TEXT = 39           /* nl* eol */
};

/* Rules 32 to 34, paragraphs: "1. (C) text", "12.(SBU) text", "3. text", "4.". Returns the
 * first that matches, 0 for none, and sets the tags of its match. */
static int para_line(uptr p, seg *t)
{
	p = skip_blanks(p);
	uptr d = p;
	while (*d >= '0' && *d <= '9' && d - p < 4)
		d++;
	if (d == p || d - p > 3 || *d != '.')
		return 0;
	uptr q = skip_blanks(d + 1);
	int rule = 0;
	if (q[0] == '(' && ((q[1] >= 'A' && q[1] <= 'Z') || (q[1] >= 'a' && q[1] <= 'z'))) {
		uptr m = q + 2;
		while (m - (q + 2) < 11 && ((*m >= 'A' && *m <= 'Z') || (*m >= 'a' && *m <= 'z') ||
					    *m == '/' || *m == ' ' || *m == '-'))
			m++;
		if (*m == ')') {
			t->m0 = q + 1, t->m1 = m;
			t->arg = skip_blanks(m + 1);
			rule = R_PARA_MARKED;
		}
	}
	if (!rule && q > d + 1 && *q != '\n') {
		t->arg = q;
		rule = R_PARA_TEXT;
	}
	if (!rule && *q == '\n')
		rule = R_PARA_ALONE;
	if (rule)
		t->n0 = p, t->n1 = d;
	return rule;
}

/* Rule 22: a class word, a caveat or not, then a blank. */
static int class_more_line(uptr p)
{
	const unsigned char *ends[CLS_ENDS];
	for (int i = 0, n = cls_word_ends(skip_blanks(p), ends); i < n; i++) {
		uptr e = ends[i];
		if (e[0] == '/' && e[1] == '/')
			for (e += 2; (*e >= 'A' && *e <= 'Z') || *e == '/'; e++)
				;
		if (*e == ' ' || *e == '\t')
			return 1;
	}
	return 0;
}

/* Digits at p, from min to max of them and then a blank: where the blanks after them end. */
static uptr digits_blanks(uptr p, int min, int max)
{
	uptr d = p;
	while (*d >= '0' && *d <= '9' && d - p <= max)
		d++;
	if (d - p < min || d - p > max || (*d != ' ' && *d != '\t'))
		return NULL;
	return skip_blanks(d);
}

/* Rule 19: Tuesday, 12 July 2005, 14:30 (weekday and month in any case) */
static int dump_date_line(uptr p)
{
	static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
					    "saturday", "sunday" };
	static const char *const months[] = { "january", "february", "march", "april", "may", "june",
					      "july", "august", "september", "october", "november",
					      "december" };
	/* Most lines are no date line: the first word must be a weekday's (M, T, W, F or S, six to
	 * nine letters) and be followed by a comma. */
	p = skip_blanks(p);
	switch (*p | 0x20) {
	case 'm': case 't': case 'w': case 'f': case 's': break;
	default: return 0;
	}
	uptr w = p;
	while ((*w | 0x20) >= 'a' && (*w | 0x20) <= 'z' && w - p < 10)
		w++;
	if (*w != ',' || w - p < 6)
		return 0;
	uptr q = word_longest_ci(p, days, WORDS_N(days));
	if (!q || q[0] != ',' || (q[1] != ' ' && q[1] != '\t') || !(q = digits_blanks(skip_blanks(q + 1), 1, 2)))
		return 0;
	if (!(q = word_longest_ci(q, months, WORDS_N(months))) || (*q != ' ' && *q != '\t'))
		return 0;
	q = skip_blanks(q);
	for (int i = 0; i < 4; i++)
		if (q[i] < '0' || q[i] > '9')
			return 0;
	q += 4 + (q[4] == ',');
	if ((*q != ' ' && *q != '\t'))
		return 0;
	q = skip_blanks(q);
	uptr h = q;
	while (*q >= '0' && *q <= '9' && q - h <= 2)
		q++;
	if (q == h || q - h > 2 || q[0] != ':' || q[1] < '0' || q[1] > '9' || q[2] < '0' || q[2] > '9')
		return 0;
	return *skip_blanks(q + 3) == '\n';
}

/* Rule 16: 2005ROME 1234 - Classification: SECRET */
static int dump_class_line(uptr p)
{
	const unsigned char *ends[CLS_ENDS];
	p = skip_blanks(p);
	for (int i = 0; i < 4; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	uptr q = p + 4;
	while ((*q >= 'A' && *q <= 'Z') || *q == ' ')
		q++;
	if (q - p < 7 || *q < '0' || *q > '9')
		return 0;
	while (*q >= '0' && *q <= '9')
		q++;
	if ((*q != ' ' && *q != '\t') || *(q = skip_blanks(q)) != '-' || (q[1] != ' ' && q[1] != '\t'))
		return 0;
	q = skip_blanks(q + 1);
	if (cls_word_ends(q, ends))
		return 1;
	uptr c = word_cs(q, "Classification:");
	return c && cls_word_ends(skip_blanks(c), ends);
}

static enum kind classify(uptr start, uptr lim, seg *s)
{
	static const enum kind kinds[] = {
		K_END, K_BLANK, K_NNNN, K_PAGE, K_PAGE, K_PTQ, K_CLASSWORD, K_OFFICES, K_OFFICES,
		K_HEXRULE, K_DTG, K_ADDRKW, K_RULE, K_DUMP_PREFIX, K_DUMP_QUOTE, K_DUMP, K_DUMP, K_DUMP,
		K_DUMP, K_DUMP, K_DUMP, K_STAMP, K_CLASSCAND, K_CLASSCAND, K_CLASSCAND, K_EO, K_TAGS,
		K_TAGS, K_SUBJECT, K_SUBJECT, K_REF, K_CLSBY, K_PARA, K_PARA, K_PARA, K_SUBPARA,
		K_SUBPARA, K_SUBPARA, K_SIPDIS_GLUED, K_TEXT
	};
	uptr cur = start, mar = NULL, ctx = NULL, a = NULL, c = NULL;
	uptr n0 = NULL, n1 = NULL, m0 = NULL, m1 = NULL, l0 = NULL, l1 = NULL;
	/*!stags:re2c:bline format = 'uptr @@ = NULL;'; */
	int r = 0;
	(void)ctx;
	/*!re2c:bline
		dumpkey  = "id" | "refid" | "date" | "origin" | "classification" | "destination"
		         | "header" | "references" | "text";

		sp* eol                                          { r = 1; goto done; }
		sp* ("NNNN" | "BT" | "#") sp* eol                { r = 2; goto done; }

		/* Page furniture. */
		sp* "PAGE" sp+ digit{1,3} sp+ upper [A-Z .]* sp+ digit{3,6} (sp+ digit{2} sp+ "OF" sp+ digit{2})?
			sp+ digit{6} "Z" @c nl* eol              { r = 3; goto done; }
		sp* "PAGE" sp+ digit{1,3} ([ \t] nl*)? eol       { r = 4; goto done; }
		sp* cls_plain sp+ "PTQ" digit+ sp* eol           { r = 5; goto done; }
		sp* cls_word_strict ("//" [A-Z/ ]*)? sp* eol     { r = 6; goto done; }
		/* 7 and 8: office lists */
		sp* "-"{5,} alnum{6} sp+ digit{6} "Z" nl* eol    { r = 9; goto done; }
		sp* (prec1 sp+ (prec1 sp+)?)? dtg sp* eol        { r = 10; goto done; }
		sp* ("FM" | "TO" | "INFO" | "XMT") sp+ nl* eol   { r = 11; goto done; }
		sp* ("-"{3,} | "="{3,} | "_"{3,} | "*"{3,} | "~"{3,}) sp* eol { r = 12; goto done; }

		/* Leftovers of the leak's database dump. */
		sp* "Cable dated:" nl* eol                       { r = 13; goto done; }
		sp* "\""? digit+ "\""? "," "\""? digit{1,2} "/" digit{1,2} "/" digit{4} nl* eol
		                                                 { r = 15; goto done; }
		/* 16: a dump's classification line */
		sp* "="{5,} [A-Z ]* "="{5,} sp* eol              { r = 17; goto done; }
		sp* dumpkey sp* ":" nl* eol                      { r = 18; goto done; }
		/* 19: a dump's date line */
		sp* ["'>,]+ sp* eol                              { r = 20; goto done; }
		sp* ("Declassified/Released" | "Systematic Review" | 'DECLASSIFIED') nl* eol
		                                                 { r = 21; goto done; }

		/* The head's keyword lines. */
		/* 22 and 23: a class word and more */
		sp* cls_spaced upper nl* eol                      { r = 24; goto done; }
		sp* ('E.O.' | 'E. O.' | "E.0." | 'EO' | "E O" | 'E.O' | "E. 0.") sp* ":"? sp* digit{4,5} nl* eol
		                                                 { r = 25; goto done; }
		sp* ("TAGS" | "TAGE" | "TAG" | "TAS") sp* ":" @a nl* eol { r = 26; goto done; }
		/* mixed case, not the leak's dump block ("Tags: <TAB>PGOV, ...") */
		sp* ("Tags" | "tags") ":" " "* @a [^ \t\n] nl* eol { r = 26; goto done; }
		sp* "TAGS" [ \t] @a nl* eol                      { r = 27; goto done; }
		sp* ('SUBJECT' | 'SUBJ') sp* ":" @a nl* eol      { r = 28; goto done; }
		sp* "SUBJECT" [ \t] @a nl* eol                   { r = 29; goto done; }
		sp* ("REF" | "REFS" | "REF(S)" | "REFTEL" | "REFTELS" | "RETELS" | "REFERENCE" | "REFERENCES"
		    | "Ref" | "Refs" | "Ref(s)" | "Reftel" | "Reftels" | "Reference" | "References" | "REF A"
		    | "REFS A AND B") sp* ":" @a nl* eol
		                                                 { r = 30; goto done; }
		sp* 'CLASSIFIED' sp+ 'BY' sp* ":"? @a nl* eol    { r = 31; goto done; }

		/* 32 to 34: paragraphs */
		/* Lettered sub-paragraphs; their marking and text start are found by after_label(). */
		sp* @l0 upper @l1 "." [ \t]+ [^ \t\n] nl* eol    { r = 35; goto done; }
		sp* "(" @l0 alpha @l1 ")" [ \t]+ [^ \t\n] nl* eol { r = 36; goto done; }
		sp* @l0 lower @l1 ")" [ \t]+ [^ \t\n] nl* eol    { r = 37; goto done; }

		sp* "SIPDIS" @c [^ \t\n] nl* eol                 { r = 38; goto done; }
		/* 39: any other line */
		* { goto done; }
		$ { goto done; }
	*/
done:
	(void)mar;
	/* The rules read in C, where they come before the block's; every rule needs the "\n". */
	uptr nl = memchr(start, '\n', (size_t)(lim - start));
	if (!nl)
		return K_END;
	int block = r ? r : R_TEXT, para;
	seg tags;
	tags.arg = tags.n0 = tags.n1 = tags.m0 = tags.m1 = NULL;
	/* Each of them starts with sp* and then needs its first byte: it is tried only where that
	 * byte is (office keywords: I, A or O; office lists: a capital; a dump's class line and a
	 * paragraph: a digit; a dump's date line: a letter; class_more_line looks at it first). */
	uptr f = skip_blanks(start);
	int c0 = *f, upper = c0 >= 'A' && c0 <= 'Z', digit = c0 >= '0' && c0 <= '9';
	int letter = upper || (c0 >= 'a' && c0 <= 'z');
	if (R_OFFICE_KEYWORD < block && (c0 == 'I' || c0 == 'A' || c0 == 'O') && office_keyword_line(f))
		r = R_OFFICE_KEYWORD;
	else if (R_OFFICE_LIST < block && upper && office_line(f))
		r = R_OFFICE_LIST;
	else if (R_DUMP_CLASS < block && digit && dump_class_line(f))
		r = R_DUMP_CLASS;
	else if (R_DUMP_DATE < block && letter && dump_date_line(f))
		r = R_DUMP_DATE;
	else if (R_CLASS_MORE < block && class_more_line(f))
		r = R_CLASS_MORE;
	else if (R_PARA_MARKED < block && digit && (para = para_line(f, &tags)))
		r = para;
	else if (!r)
		r = R_TEXT;
	if (r != block || r == R_TEXT) {
		/* a rule read in C, or the catch-all */
		cur = nl + 1;
		a = tags.arg, c = NULL;
		n0 = tags.n0, n1 = tags.n1, m0 = tags.m0, m1 = tags.m1, l0 = l1 = NULL;
	}
	enum kind k = kinds[r];
	s->k = k;
	s->next = cur;
	s->eol = cur - 1;
	s->arg = a;
	s->cut = c;
	s->n0 = n0, s->n1 = n1, s->m0 = m0, s->m1 = m1, s->l0 = l0, s->l1 = l1;
	return k;
}

/* A section marker: TRIPOLI 00000220 002 OF 003, ROME 00001072  001.2 OF 002. */
static int is_section_marker(uptr p, uptr eol, uptr lim)
{
	/* Cheap test first: the line ends in a digit and holds "OF". */
	uptr e = eol;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e - p < 20 || e - p > 80 || e[-1] < '0' || e[-1] > '9')
		return 0;
	uptr cur = p, mar = NULL;
	/*!local:re2c:section
		re2c:flags:nested-ifs = 1;
		sp* upper [A-Z .'-]* sp+ digit{8} sp+ digit{3} ("." digit+)? sp+ "OF" sp+ digit{3} sp* eol { return 1; }
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

/* A line of captions only: SIPDIS, NOFORN, "SENSITIVE BUT UNCLASSIFIED", "E X D I S". */
static int is_caption_line(uptr p, uptr lim)
{
	uptr cur = p, mar = NULL;
	/*!re2c:captionline
		caption  = "SIPDIS" | "NOFORN" | "EXDIS" | "NODIS" | "LIMDIS" | "STADIS" | "NOTAL"
		         | "SENSITIVE" | "SENSITIVE BUT UNCLASSIFIED" | "AIDAC" | "INFORM CONSULS"
		         | "FOR OFFICIAL USE ONLY" | "CHEROKEE" | "ROGER" | "DISSENT CHANNEL" | "EFTO"
		         | "C O R R E C T E D" sp+ ("C O P Y" | "COPY") | "CORRECTED COPY"
		         | "E X D I S" | "N O D I S" | "N O F O R N" | "S I P D I S" | "S T A D I S"
		         | "L I M D I S" | "SBU" | "FOUO" | "NOFORN/SIPDIS" | "SIPDIS NOFORN";
		sp* caption ((sp* [,/-] sp* | sp+) caption)* (sp* "(" [^)\n]* ")")? ("//" nl*)? sp* eol { return 1; }
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

/* A head line that routes the telegram: "NSC FOR ABRAMS", "STATE PLEASE PASS TO USTR",
 * "DEPT FOR EUR/WE". Looked for only in plain lines of the head. */
static int is_pass_line(uptr p, uptr eol, uptr lim)
{
	uptr cur = p, mar = NULL, ctx = NULL;
	(void)ctx;
	for (;;) {
		if (cur >= eol)
			return 0;
		/*!re2c:passline
			('FOR' | 'PASS' | 'ATTN' | 'ATTENTION' | 'DEPT' | 'DEPARTMENT') / [ \t:\n] { return 1; }
			[A-Za-z0-9]+ { continue; }
			[^\n]       { continue; }
			*           { return 0; }
			$           { return 0; }
		*/
	}
	(void)mar;
}

/* A row of a tab-separated dump with backslash line ends. */
static int is_tab_dump(uptr p, uptr eol)
{
	int tab = memchr(p, '\t', (size_t)(eol - p)) != NULL;
	while (eol > p && (eol[-1] == ' ' || eol[-1] == '\t'))
		eol--;
	return tab && eol > p && eol[-1] == '\\';
}

/* End of "Cable dated:2005-07-15T15:24:00" (and a stray "]"): where the telegram's own text
 * starts on a collapsed line. */
static uptr dump_prefix_end(uptr p, uptr eol)
{
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	p += strlen("Cable dated:");
	while (p < eol && ((*p >= '0' && *p <= '9') || *p == '-' || *p == ':' || *p == 'T' ||
			   *p == ' ' || *p == ']'))
		p++;
	return p;
}

/* After a sub-paragraph's label: an optional portion marking "(C)", then the text. */
static uptr after_label(uptr p, uptr eol, uptr *m0, uptr *m1)
{
	while (p < eol && *p != ' ' && *p != '\t')
		p++;
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	*m0 = *m1 = NULL;
	if (p < eol && *p == '(') {
		uptr q = p + 1;
		while (q < eol && q - p < 14 && *q != ')' &&
		       ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || *q == '/' || *q == '-'))
			q++;
		if (q < eol && *q == ')' && q > p + 1) {
			*m0 = p + 1;
			*m1 = q;
			p = q + 1;
			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
		}
	}
	return p;
}

/* In the head, where a glued keyword starts inside a line: "E.O. 1", "TAGS:", "SUBJECT:",
 * "SIPDIS". Searched from p (not at the segment's own start); NULL when none before eol. */
static uptr find_cut(uptr p, uptr eol, uptr lim)
{
	uptr cur = p, mar = NULL, ctx = NULL;
	(void)ctx;
	for (;;) {
		if (cur >= eol)
			return NULL;
		uptr tok = cur;
		/*!re2c:cut
			"E.O." sp* digit{4,5} sp* (":" | 'DECL' | 'N/A') | "TAGS:" | "TAGS :" | "SUBJECT:" | "SIPDIS"
			| 'CLASSIFIED' sp+ 'BY' sp* ":"                           { return tok; }
			sp ("REF" | "REFS" | "REFTEL") ":"                       { return tok + 1; }
			/* the first paragraph run on after the head: "... 1.4 (b) and (d) 1. (C) Text" */
			sp digit{1,2} "." sp+ "(" [A-Z]{1,4} ("/" "/"? [A-Z]{1,6})? ")" sp { return tok + 1; }
			/* Bytes no keyword starts with, in one step rather than one a turn. */
			[^\n\x00 \tETSCc]+                                           { continue; }
			[^\n]                                                        { continue; }
			*                                                            { return NULL; }
			$                                                            { return NULL; }
		*/
	}
	(void)mar;
}

/* Where paragraph next starts inside a marked paragraph's line when a pasted text lost its line
 * breaks: a blank, the number, a full stop, blanks, a portion marking in capitals and a blank.
 * NULL when none before eol. One pass over the line. */
static uptr next_para_in_line(uptr p, uptr eol, int next)
{
	if (next <= 0 || next > 999)
		return NULL;
	char num[4];
	int k = next >= 100 ? 3 : next >= 10 ? 2 : 1;
	for (int i = k - 1, v = next; i >= 0; i--, v /= 10)
		num[i] = (char)('0' + v % 10);
	/* The number's first digit is found with memchr (digits are rare in prose, blanks are
	 * not); the blank before it is then checked. */
	for (uptr d = p + 1; d + k + 4 < eol; d++) {
		d = memchr(d, num[0], (size_t)(eol - (k + 4) - d));
		if (d == NULL)
			break;
		uptr q = d - 1;
		if (*q != ' ' || memcmp(d, num, (size_t)k) || d[k] != '.')
			continue;
		uptr r = q + 2 + k;
		while (r < eol && *r == ' ')
			r++;
		if (r >= eol || *r != '(')
			continue;
		uptr m = r + 1;
		while (m < eol && m - r <= 12 && ((*m >= 'A' && *m <= 'Z') || *m == '/'))
			m++;
		if (m + 1 < eol && *m == ')' && m > r + 1 && m[1] == ' ')
			return q + 1;
	}
	return NULL;
}

/* The line after p's line. */
static uptr next_line(uptr p)
{
	while (*p != '\n' && *p != '\0')
		p++;
	return *p == '\n' ? p + 1 : p;
}

static int is_blank_line(uptr p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '\n';
}

static void set_line(body_line *v, uptr start, uptr end)
{
	v->start = (const char *)start;
	v->end = (const char *)end;
	v->arg = v->start;
	v->number = 0;
	v->label.s = v->mark.s = NULL;
	v->label.n = v->mark.n = 0;
	v->kind = 0;
}

/* After a page header: the routing block that partial extracts repeat for every section
 * (ACTION/INFO office lists, the rule with its hex id, the DTG, FM/TO/INFO and their
 * addressees), up to a blank line or the classification line. Returns where it ends. */
static uptr skip_routing_block(uptr p, uptr lim)
{
	seg s;
	int in_addr = 0, any = 0;
	for (;;) {
		if (p >= lim)
			return p;
		enum kind k = classify(p, lim, &s);
		if (k == K_OFFICES || k == K_HEXRULE || k == K_DTG || k == K_PTQ || k == K_CLASSWORD) {
			in_addr = 0;
		} else if (k == K_ADDRKW && any) {
			in_addr = 1;
		} else if (in_addr && (k == K_TEXT || k == K_PASSY || k == K_CAPTION)) {
			/* an addressee continuation line */
		} else {
			return p;
		}
		any = 1;
		p = s.next;
	}
}

/* Ends a text segment: remembers its last character for the soft/hard decision. */
static void note_text(body_lexer *lx, uptr start, uptr end)
{
	while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end > start)
		lx->last_char = (char)end[-1];
}

/* Whether furniture sits inside a sentence: the text before it does not end one. */
static int mid_sentence(const body_lexer *lx)
{
	switch (lx->last_char) {
	case '.': case ':': case ';': case '!': case '?': case '"': case ')': case 0:
		return 0;
	}
	return 1;
}

/* Furniture and the blank lines after it, as one token: SOFTBREAK inside a sentence (the
 * paragraph runs across it), FURNITURE otherwise (it ends the paragraph like a blank line). */
static int furniture(body_lexer *lx, body_line *val, uptr start, uptr end, int kind)
{
	while (end < (uptr)lx->lim && is_blank_line(end))
		end = next_line(end);
	lx->cur = (const char *)end;
	set_line(val, start, end);
	val->kind = kind;
	if (kind == FURN_PAGE)
		lx->page_breaks++;
	else if (kind == FURN_SECTION)
		lx->section_markers++;
	else if (kind == FURN_ROUTING)
		lx->routing_blocks++;
	else
		lx->stamps++;
	if (kind != FURN_ROUTING && kind != FURN_STAMP && mid_sentence(lx))
		return BODY_SOFTBREAK;
	lx->after_blank = 1;
	lx->in_ref = 0;
	return BODY_FURNITURE;
}

static int is_furniture_start(body_lexer *lx, uptr p, uptr lim)
{
	seg f;
	memset(&f, 0, sizeof f); /* classify() leaves it alone at the end */
	enum kind fk = classify(p, lim, &f);
	f.k = fk;
	/* The next token starts here unless furniture does: body_lex takes f from the cache. */
	lx->peek_at = (const char *)p;
	lx->peek = f;
	if (fk == K_TEXT && is_section_marker(p, f.eol, lim))
		return 1;
	return fk == K_SECTION || fk == K_PAGE || fk == K_PTQ || fk == K_STAMP ||
	       (fk == K_CLASSWORD && !lx->head);
}

int body_lex(body_lexer *lx, body_line *val)
{
	uptr lim = (uptr)lx->lim;
	for (;;) {
		uptr start = (uptr)lx->cur;
		if (start >= lim)
			return BODY_YYEOF;
		seg s;
		enum kind k;
		if (lx->peek_at == (const char *)start) {
			s = lx->peek;
			k = (enum kind)s.k;
		} else {
			k = classify(start, lim, &s);
		}
		lx->peek_at = NULL;
		if (k == K_END) {
			lx->cur = lx->lim;
			return BODY_YYEOF;
		}
		if (k == K_DUMP_QUOTE) {
			/* Only the quotes: the classification line goes on after them. */
			lx->cur = (const char *)s.next;
			set_line(val, start, s.next);
			return BODY_DUMP;
		}
		uptr end = s.eol;
		if (k == K_TEXT && is_section_marker(start, s.eol, lim))
			k = K_SECTION;
		else if (k == K_TEXT && lx->head && is_caption_line(start, lim))
			k = K_CAPTION;
		else if (k == K_TEXT && is_tab_dump(start, s.eol))
			k = K_DUMP;
		else if (k == K_TEXT && lx->head && !lx->seen_keyword && is_pass_line(start, s.eol, lim))
			k = K_PASSY;

		/* A run of blank lines is one token, unless furniture follows it: then the furniture
		 * decides whether the paragraph goes on. */
		if (k == K_BLANK) {
			uptr p = s.next;
			while (p < lim && is_blank_line(p))
				p = next_line(p);
			lx->cur = (const char *)p;
			if (p < lim && is_furniture_start(lx, p, lim))
				continue;
			lx->in_ref = 0;
			lx->after_blank = 1;
			set_line(val, start, p);
			return BODY_BLANK;
		}

		/* Page furniture. */
		if (k == K_CLASSWORD && !lx->head) {
			/* A class word at a page foot goes with the PAGE line below it. */
			uptr p = s.next;
			while (p < lim && is_blank_line(p))
				p = next_line(p);
			seg f;
			if (p < lim && classify(p, lim, &f) == K_PAGE) {
				lx->cur = (const char *)p;
				continue;
			}
			return furniture(lx, val, start, s.next, FURN_PAGE);
		}
		if (k == K_PAGE || k == K_PTQ) {
			uptr after = s.next;
			if (s.cut) {
				/* Text glued after the page header goes on as a segment of its own. */
				after = s.cut;
				while (*after == ' ' || *after == '\t')
					after++;
				if (*after == '\n')
					after++;
			}
			uptr block = skip_routing_block(after, lim);
			if (block != after)
				return furniture(lx, val, start, block, FURN_ROUTING);
			if (after < s.next) {
				lx->cur = (const char *)after;
				set_line(val, start, after);
				val->kind = FURN_PAGE;
				lx->page_breaks++;
				return mid_sentence(lx) ? BODY_SOFTBREAK : BODY_FURNITURE;
			}
			return furniture(lx, val, start, s.next, FURN_PAGE);
		}
		if (k == K_SECTION)
			return furniture(lx, val, start, s.next, FURN_SECTION);
		if (k == K_STAMP)
			return furniture(lx, val, start, s.next, FURN_STAMP);

		/* In the head, a collapsed line is cut where a glued keyword starts. */
		if (k == K_DUMP_PREFIX) {
			end = dump_prefix_end(start, s.eol);
		} else if (k == K_SIPDIS_GLUED) {
			end = s.cut;
		} else if (lx->head && k != K_DUMP && k != K_NNNN && k != K_CLASSCAND) {
			uptr c = find_cut(start + 1, end, lim);
			/* a paragraph line is not cut where another paragraph's number stands in it */
			if (c && !(k == K_PARA && *c >= '0' && *c <= '9'))
				end = c;
		}
		if (k == K_SIPDIS_GLUED)
			k = K_CAPTION;

		int tok;
		set_line(val, start, end);
		if (s.arg)
			val->arg = (const char *)s.arg;
		switch (k) {
		case K_NNNN:
			tok = BODY_END;
			break;
		case K_DUMP:
		case K_DUMP_PREFIX:
			tok = BODY_DUMP;
			break;
		case K_RULE:
			tok = BODY_RULE;
			break;
		case K_CLASSCAND:
		case K_CLASSWORD: {
			/* A class word and more: the classification line if origin and serial follow
			 * (in the text only for repeated section headers). */
			classline_fields cl;
			int found = lx->head ? scan_classline_head((const char *)start, (const char *)lim, &cl)
					     : scan_classline((const char *)start, (const char *)lim, &cl);
			if (k == K_CLASSCAND && found && (lx->head || cl.section.s || cl.serial.n >= 5)) {
				tok = BODY_CLASSLINE;
				if (cl.glued && lx->head) {
					end = (uptr)cl.serial.s + cl.serial.n;
				} else if (lx->head) {
					/* A collapsed head goes on after the serial: SIPDIS E.O. ... */
					uptr c = find_cut((uptr)cl.serial.s + cl.serial.n, end, lim);
					if (c)
						end = c;
				}
				val->end = (const char *)end;
			} else if (lx->head && !lx->seen_keyword && !(k == K_CLASSWORD && lx->seen_text)) {
				/* Garbled or split: "C O N F I D E N T I A L SECTION 01 OF 02" with
				 * "TRIPOLI 000133" on the next line. The token then spans both lines and
				 * arg points at the second. */
				tok = BODY_CLASSLINE;
				if (scan_classline_level((const char *)start, (const char *)lim, &cl) == 2) {
					uptr p = s.next;
					while (p < lim && is_blank_line(p))
						p = next_line(p);
					classline_fields o;
					if (p < lim && scan_origin_serial((const char *)p, (const char *)lim, &o)) {
						val->arg = (const char *)p;
						end = next_line(p) - 1;
						val->end = (const char *)end;
						s.eol = end;
						s.next = next_line(p);
					}
				}
			} else {
				tok = k == K_CLASSWORD ? BODY_CLASSWORD : BODY_TEXT;
			}
			break;
		}
		case K_EO: tok = BODY_EO; break;
		case K_TAGS: tok = BODY_TAGS; break;
		case K_SUBJECT: tok = BODY_SUBJECT; break;
		case K_REF: tok = BODY_REF; break;
		case K_CLSBY: tok = BODY_CLSBY; break;
		case K_PARA:
			/* Inside a REF block "1." is a reference's label, unless a portion marking
			 * shows the paragraphs have begun. */
			if (lx->in_ref && !s.m0) {
				tok = BODY_TEXT;
				break;
			}
			tok = BODY_PARA;
			for (uptr q = s.n0; q < s.n1; q++)
				val->number = val->number * 10 + (*q - '0');
			if (s.m0) {
				val->mark.s = (const char *)s.m0;
				val->mark.n = (size_t)(s.m1 - s.m0);
				/* The next paragraph run on in the same line ("1. (C) Text. 2. (C) More"):
				 * this one ends where it starts. */
				uptr c = next_para_in_line(s.m1, end, val->number + 1);
				if (c) {
					end = c;
					val->end = (const char *)end;
				}
			}
			break;
		case K_SUBPARA:
			if (lx->in_ref || lx->head) {
				tok = BODY_TEXT;
				break;
			}
			tok = BODY_SUBPARA;
			val->label.s = (const char *)s.l0;
			val->label.n = (size_t)(s.l1 - s.l0);
			{
				uptr m0, m1;
				val->arg = (const char *)after_label(s.l0, s.eol, &m0, &m1);
				if (m0) {
					val->mark.s = (const char *)m0;
					val->mark.n = (size_t)(m1 - m0);
				}
			}
			break;
		case K_CAPTION:
			tok = lx->head ? BODY_CAPTION : BODY_TEXT;
			break;
		case K_PASSY:
			tok = lx->head && !lx->seen_keyword ? BODY_PASS : BODY_TEXT;
			break;
		default:
			tok = BODY_TEXT;
			break;
		}

		/* Region bookkeeping. */
		if (tok == BODY_TEXT || tok == BODY_PARA)
			lx->seen_text = 1;
		if (tok == BODY_EO || tok == BODY_TAGS || tok == BODY_SUBJECT)
			lx->seen_keyword = 1;
		if (tok == BODY_SUBJECT)
			lx->seen_subject = 1;
		if (tok == BODY_REF)
			lx->in_ref = 1;
		else if (tok != BODY_TEXT)
			lx->in_ref = 0;
		if (tok == BODY_PARA || tok == BODY_SUBPARA)
			lx->head = 0;
		else if (tok == BODY_TEXT && lx->seen_subject && lx->after_blank && !lx->in_ref)
			lx->head = 0;
		if (tok == BODY_TEXT || tok == BODY_PARA || tok == BODY_SUBPARA || tok == BODY_SUBJECT ||
		    tok == BODY_CLSBY || tok == BODY_REF || tok == BODY_PASS || tok == BODY_TAGS ||
		    tok == BODY_EO)
			note_text(lx, start, end);
		lx->after_blank = 0;

		/* Continue after the segment: at the cut, or on the next line. */
		if (end < s.eol) {
			uptr n = end;
			while (n < s.eol && (*n == ' ' || *n == '\t'))
				n++;
			lx->cur = (const char *)(n < s.eol ? n : s.next);
		} else {
			lx->cur = (const char *)s.next;
		}
		return tok;
	}
}
