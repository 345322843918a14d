/* Anchored scanners for the body's fields. See body_fields.h. */
#include "lexer/cable/body_fields.h"

#include "lexer/core/runs.h"
#include "lexer/core/words.h"
#include "lexer/cable/line_shapes.h"

#include <string.h>

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

static slice mk(uptr a, uptr b)
{
	slice s = { NULL, 0 };
	if (a && b && b >= a) {
		s.s = (const char *)a;
		s.n = (size_t)(b - a);
	}
	return s;
}

static slice trim(slice s)
{
	while (s.s && s.n && (s.s[s.n - 1] == ' ' || s.s[s.n - 1] == '\t'))
		s.n--;
	if (s.s && !s.n)
		s.s = NULL;
	return s;
}

/* The line is read in stages, each a small deterministic scanner: the level (which words end
 * where decided by what follows them), an optional //caveat, an optional EFTO, an optional
 * SECTION n OF m, then origin words and the serial. */
static uptr cl_level(uptr cur, uptr lim)
{
	/* Two rules, sp* cls_word / [ \t/\n] and sp* cls_spaced / upper (C O N F I D E N T I A LCAIRO:
	 * the spaced form ends where the letters stop being spaced), both returning where the word
	 * ends: the longest match's end. Read in C (lexer/cable/line_shapes.h). */
	const unsigned char *ends[CLS_ENDS], *best;
	(void)lim;
	cur = skip_blanks(cur);
	best = cls_spaced_before_upper(cur);
	for (int i = 0, n = cls_word_ends(cur, ends); i < n; i++)
		if ((*ends[i] == ' ' || *ends[i] == '\t' || *ends[i] == '/' || *ends[i] == '\n') &&
		    (!best || ends[i] > best))
			best = ends[i];
	return best;
}

static uptr cl_caveat(uptr cur, uptr lim, slice *out)
{
	uptr mar = NULL, v0 = NULL, v1 = NULL, start = cur;
	/*!stags:re2c:cl_caveat format = 'uptr @@ = NULL;'; */
	/*!re2c:cl_caveat
		/* Handling words that also stand alone, after a space: SECRET NOFORN, UNCLAS
		 * SENSITIVE. Only known words, or the origin would lose its first word. */
		cav_word = "NOFORN" | "NODIS" | "EXDIS" | "LIMDIS" | "ORCON" | "STADIS" | "NOCONTRACT"
			 | "PROPIN" | "SENSITIVE" | "SBU" | "CHEROKEE" | "ROGER" | "NOFORN/ORCON";
		cav_phrase = "FOR OFFICIAL USE ONLY" | "SENSITIVE BUT UNCLASSIFIED";
		sp* "//" @v0 (cav_phrase | [A-Z] [A-Z/]*) @v1 / [ \t\n] { *out = mk(v0, v1); return cur; }
		sp* "//" @v0 [A-Z] [A-Z/]* @v1 { *out = mk(v0, v1); return cur; }
		sp+ @v0 cav_word ((sp+ | "/" "/"?) cav_word)* @v1 / [ \t\n] { *out = mk(v0, v1); return cur; }
		* { return start; }
		$ { return start; }
	*/
	(void)mar;
}

static uptr cl_efto(uptr cur, uptr lim, slice *out)
{
	uptr mar = NULL, ctx = NULL, e0 = NULL, e1 = NULL, start = cur;
	/*!stags:re2c:cl_efto format = 'uptr @@ = NULL;'; */
	(void)ctx;
	/*!re2c:cl_efto
		sp+ @e0 ("E F T O" | "EFTO") @e1 / sp { *out = mk(e0, e1); return cur; }
		* { return start; }
		$ { return start; }
	*/
	(void)mar;
}

static uptr cl_section(uptr cur, uptr lim, slice *n, slice *of)
{
	uptr mar = NULL, ctx = NULL, s0 = NULL, s1 = NULL, f0 = NULL, f1 = NULL, start = cur;
	/*!stags:re2c:cl_section format = 'uptr @@ = NULL;'; */
	(void)ctx;
	/*!local:re2c:cl_section
		re2c:flags:nested-ifs = 1;
		/* Also garbled: ECTION 01 OF 02, SECTION 01 GF 02. */
		sp+ 'S'? 'ECTION' sp+ @s0 digit+ @s1 sp+ alpha{2} sp+ @f0 digit+ @f1 / [ \t\n] {
			*n = mk(s0, s1);
			*of = mk(f0, f1);
			return cur;
		}
		* { return start; }
		$ { return start; }
	*/
	(void)mar;
}

/* Telegrams of the 1970s put the year before the origin: 75 LIBREVILLE 1895. */
static uptr cl_year(uptr cur, uptr lim, slice *out)
{
	uptr mar = NULL, ctx = NULL, y0 = NULL, y1 = NULL, start = cur;
	/*!stags:re2c:cl_year format = 'uptr @@ = NULL;'; */
	(void)ctx;
	/*!local:re2c:cl_year
		re2c:flags:nested-ifs = 1;
		sp+ @y0 digit{2} @y1 / sp+ upper { *out = mk(y0, y1); return cur; }
		* { return start; }
		$ { return start; }
	*/
	(void)mar;
}

/* The origin in any case ("S e c r e t berlin 000643"); only used in the body's head. */
static int cl_origin_ci(uptr cur, uptr lim, classline_fields *out)
{
	uptr mar = NULL, o0 = NULL, n0 = NULL, n1 = NULL, r0 = NULL, r1 = NULL, g0 = NULL;
	/*!stags:re2c:cl_origin_ci format = 'uptr @@ = NULL;'; */
	/*!local:re2c:cl_origin_ci
		re2c:flags:nested-ifs = 1;
		cwordi  = alpha [A-Za-z.'()&-]*;
		sp* @o0 cwordi (sp+ cwordi)* sp+ @n0 digit{2,8} @n1
			((sp+ @r0 nl*) | (@g0 [^ \t\n0-9] nl*))? @r1 eol {
			if (!r0)
				r0 = g0;
			out->glued = g0 != NULL;
			/* A short number run into letters is a garble (00Q021), not a serial. */
			if (g0 && n1 - n0 < 4)
				return 0;
			uptr o1 = n0;
			while (o1 > o0 && (o1[-1] == ' ' || o1[-1] == '\t'))
				o1--;
			out->origin = mk(o0, o1);
			out->serial = mk(n0, n1);
			out->rest = trim(mk(r0, r1));
			return 1;
		}
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

static int cl_origin(uptr cur, uptr lim, classline_fields *out)
{
	/* A section phrase left over (SECTION 01 GF) is no origin. */
	uptr q = cur;
	while (*q == ' ' || *q == '\t')
		q++;
	static const char sect[] = "SECTION";
	size_t k = 0;
	if ((*q | 0x20) == 's')
		q++;
	while (k < 6 && (q[k] & ~0x20) == sect[k + 1])
		k++;
	if (k == 6)
		return 0;
	uptr mar = NULL, o0 = NULL, n0 = NULL, n1 = NULL, r0 = NULL, r1 = NULL, g0 = NULL;
	/*!stags:re2c:cl_origin format = 'uptr @@ = NULL;'; */
	/*!re2c:cl_origin
		cword   = upper [A-Z.'()&-]*;
		/* The origin's end is found from the serial's start: a tag after the last word would
		 * have to track every blank run as a candidate. */
		/* The serial may be glued to what follows on a collapsed line: 004403SIPDIS. */
		sp* @o0 cword (sp+ cword)* sp+ @n0 digit{2,8} @n1
			((sp+ @r0 nl*) | (@g0 [^ \t\n0-9] nl*))? @r1 eol {
			if (!r0)
				r0 = g0;
			out->glued = g0 != NULL;
			/* A short number run into letters is a garble (00Q021), not a serial. */
			if (g0 && n1 - n0 < 4)
				return 0;
			uptr o1 = n0;
			while (o1 > o0 && (o1[-1] == ' ' || o1[-1] == '\t'))
				o1--;
			out->origin = mk(o0, o1);
			out->serial = mk(n0, n1);
			out->rest = trim(mk(r0, r1));
			return 1;
		}
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

int scan_classline_level(const char *p, const char *limit, classline_fields *out)
{
	memset(out, 0, sizeof(*out));
	uptr cur = cl_level((uptr)p, (uptr)limit);
	if (!cur)
		return 0;
	uptr l0 = (uptr)p;
	while (*l0 == ' ' || *l0 == '\t')
		l0++;
	out->level = mk(l0, cur);
	cur = cl_caveat(cur, (uptr)limit, &out->caveat);
	cur = cl_efto(cur, (uptr)limit, &out->efto);
	cur = cl_section(cur, (uptr)limit, &out->section, &out->of);
	while (*cur == ' ' || *cur == '\t')
		cur++;
	return *cur == '\n' ? 2 : 1;
}

int scan_origin_serial(const char *p, const char *limit, classline_fields *out)
{
	return cl_origin((uptr)p, (uptr)limit, out);
}

int scan_classline_head(const char *p, const char *limit, classline_fields *out)
{
	if (scan_classline(p, limit, out))
		return 1;
	if (!scan_classline_level(p, limit, out))
		return 0;
	uptr cur = cl_level((uptr)p, (uptr)limit);
	cur = cl_caveat(cur, (uptr)limit, &out->caveat);
	cur = cl_efto(cur, (uptr)limit, &out->efto);
	cur = cl_section(cur, (uptr)limit, &out->section, &out->of);
	cur = cl_year(cur, (uptr)limit, &out->year);
	return cl_origin_ci(cur, (uptr)limit, out);
}

int scan_classline(const char *p, const char *limit, classline_fields *out)
{
	uptr lim = (uptr)limit;
	memset(out, 0, sizeof(*out));
	uptr cur = cl_level((uptr)p, lim);
	if (!cur)
		return 0;
	uptr l0 = (uptr)p;
	while (*l0 == ' ' || *l0 == '\t')
		l0++;
	out->level = mk(l0, cur);
	cur = cl_caveat(cur, lim, &out->caveat);
	cur = cl_efto(cur, lim, &out->efto);
	cur = cl_section(cur, lim, &out->section, &out->of);
	cur = cl_year(cur, lim, &out->year);
	return cl_origin(cur, lim, out);
}

const char *level_name(slice w)
{
	/* Letters only, upper case: "S e c r e t" and "S E C R E T" are both SECRET. */
	char buf[40];
	size_t n = 0;
	for (size_t i = 0; i < w.n && n + 1 < sizeof buf; i++) {
		char c = w.s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		if (c >= 'A' && c <= 'Z')
			buf[n++] = c;
	}
	buf[n] = '\0';
	static const struct {
		const char *letters, *name;
	} names[] = {
		{ "UNCLASSIFIED", "UNCLASSIFIED" }, { "UNCLAS", "UNCLASSIFIED" },
		{ "NCLAS", "UNCLASSIFIED" }, { "NCLASSIFIED", "UNCLASSIFIED" },
		{ "CONFIDENTIAL", "CONFIDENTIAL" }, { "ONFIDENTIAL", "CONFIDENTIAL" },
		{ "SECRET", "SECRET" }, { "ECRET", "SECRET" }, { "TOPSECRET", "TOP SECRET" },
		{ "LIMITEDOFFICIALUSE", "LIMITED OFFICIAL USE" },
		{ "LIMITEDOFFICALUSE", "LIMITED OFFICIAL USE" }, { "RESTRICTED", "RESTRICTED" },
	};
	/* As written, or with one stray character before it (CCONFIDENTIAL, SSECRET). */
	for (int skip = 0; skip < 2 && (size_t)skip < n; skip++)
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (!strcmp(buf + skip, names[i].letters))
				return names[i].name;
	return NULL;
}

/* ---- E.O. line ---------------------------------------------------------------------------- */

static const char *clamp(const char *p, const char *end) { return p && p > end ? end : p; }

static slice clamp_slice(slice s, const char *end)
{
	if (!s.s || s.s >= end)
		return mk(NULL, NULL);
	if (s.s + s.n > end)
		s.n = (size_t)(end - s.s);
	return trim(s);
}

int scan_numeric_date(slice s, const char *limit, int *y, int *m, int *d)
{
	uptr cur = (uptr)s.s, lim = (uptr)limit, mar = NULL, a0 = NULL, b0 = NULL, c0 = NULL;
	/*!stags:re2c:ndate format = 'uptr @@ = NULL;'; */
	int first_is_year = 0;
	if (!s.s)
		return 0;
	/*!local:re2c:ndate
		re2c:flags:nested-ifs = 1;
		sep = [/.-];
		@a0 digit{1,2} sep @b0 digit{1,2} sep @c0 (digit{4} | digit{2}) { goto got; }
		@a0 digit{4} sep @b0 digit{1,2} sep @c0 digit{1,2} { first_is_year = 1; goto got; }
		* { return 0; }
		$ { return 0; }
	*/
got:
	(void)mar;
	if ((const char *)cur > s.s + s.n)
		return 0;
	{
		int p1 = 0, p2 = 0, p3 = 0;
		uptr q;
		for (q = a0; *q >= '0' && *q <= '9'; q++)
			p1 = p1 * 10 + (*q - '0');
		for (q = b0; *q >= '0' && *q <= '9'; q++)
			p2 = p2 * 10 + (*q - '0');
		int digits3 = 0;
		for (q = c0; q < cur && *q >= '0' && *q <= '9'; q++, digits3++)
			p3 = p3 * 10 + (*q - '0');
		if (first_is_year) {
			*y = p1, *m = p2, *d = p3;
		} else {
			*m = p1, *d = p2;
			*y = digits3 == 2 ? (p3 >= 66 ? 1900 + p3 : 2000 + p3) : p3;
		}
	}
	return 1;
}

int scan_eo(const char *p, const char *end, const char *limit, eo_fields *out)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, o0 = NULL, o1 = NULL;
	/*!stags:re2c:eo format = 'uptr @@ = NULL;'; */
	memset(out, 0, sizeof(*out));
	/*!re2c:eo
		eokw = 'E.O.' | 'E. O.' | "E.0." | 'EO' | "E O" | 'E.O' | "E. 0." | 'E.O.:';
		sp* eokw sp* ":"? sp* @o0 digit{4,5} @o1 { goto order; }
		sp* eokw { goto rest; }
		* { return 0; }
		$ { return 0; }
	*/
order:
	out->order = clamp_slice(mk(o0, o1), end);
rest:;
	/* After the order: "DECL: <date or code>", "N/A", or an old code such as GDS. */
	uptr r = cur;
	while (r < (uptr)end && (*r == ' ' || *r == '\t' || *r == ':' || *r == ','))
		r++;
	uptr d0 = r;
	cur = r;
	/*!re2c:eo_decl
		'DECL' sp* [:.]? sp* { d0 = cur; goto decl; }
		'N/A' | 'NA' / [^A-Za-z] { out->na = 1; goto done; }
		* { goto decl; }
		$ { goto done; }
	*/
decl:;
	slice raw = clamp_slice(mk(d0, (uptr)end), end);
	out->decl_raw = raw;
	if (raw.s && scan_numeric_date(raw, limit, &out->year, &out->month, &out->day))
		goto done;
	if (raw.s) {
		/* A code: the first word (OADR, X1, 25X1, 1.6X1, GDS). */
		size_t n = 0;
		while (n < raw.n && raw.s[n] != ' ' && raw.s[n] != '\t' && raw.s[n] != ',')
			n++;
		out->code = mk((uptr)raw.s, (uptr)raw.s + n);
		if (n == 3 && (raw.s[0] == 'N' || raw.s[0] == 'n') && raw.s[1] == '/')
			out->na = 1, out->code = mk(NULL, NULL);
	}
done:
	(void)mar;
	return 1;
}

/* ---- TAGS --------------------------------------------------------------------------------- */

int scan_tag_item(const char **p, const char *end, const char *limit, slice *item, int *paren)
{
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, t0 = NULL;
	/*!stags:re2c:tagitem format = 'uptr @@ = NULL;'; */
	for (;;) {
		if ((const char *)cur >= end)
			return 0;
		/*!re2c:tagitem
			[ ,;\t\n]+                 { continue; }
			@t0 "(" [^)\n\x00]* ")"    { *paren = 1; goto got; }
			@t0 [^ ,;\t\n()\x00]+      { *paren = 0; goto got; }
			@t0 [()]                   { *paren = 0; goto got; }
			*                          { return 0; }
			$                          { return 0; }
		*/
	}
got:
	(void)mar;
	*item = clamp_slice(mk(t0, cur), end);
	*p = clamp((const char *)cur, end);
	return item->s != NULL;
}

/* The names are a table (lexer/core/words.h): as a re2c keyword block they made 29 KB of C. A
 * name must be followed by a blank, a line end, "," ";" or ")", so at most one of them can match
 * where the word starts; it must be the whole word. */
/* The names, sorted by first letter (words_from; tests/check_body_fields.c holds them to it). */
const char *const body_given_names[] = {
	"ANTHONY", "ANDREW", "ALEXANDER", "ADAM", "ARTHUR", "ALBERT", "ALAN", "ANN",
	"ANNE", "ALEJANDRO", "AHMED", "ALI", "ANGELA", "BRIAN", "BENJAMIN", "BRUCE",
	"BILL", "BARBARA", "BETTY", "BARACK", "CHARLES", "CHRISTOPHER", "CARL",
	"CHRISTIAN", "CAROL", "CONDOLEEZZA", "CATHERINE", "CARLOS", "DAVID", "DANIEL",
	"DONALD", "DENNIS", "DOUGLAS", "DICK", "DOROTHY", "DMITRY", "EDWARD", "ERIC",
	"ELIZABETH", "FRANK", "FRANCOIS", "GEORGE", "GARY", "GREGORY", "GORDON", "HENRY",
	"HAROLD", "HILLARY", "HILARY", "HELEN", "HUGO", "HAMID", "JAMES", "JOHN", "JOSEPH",
	"JEFFREY", "JONATHAN", "JACK", "JOE", "JIM", "JENNIFER", "JANET", "JUDITH", "JUAN",
	"JOSE", "JOHNNIE", "JACQUES", "KENNETH", "KEVIN", "KAREN", "KATHLEEN", "LARRY",
	"LAWRENCE", "LOUIS", "LINDA", "LISA", "LUIS", "MICHAEL", "MATTHEW", "MARK", "MARY",
	"MARGARET", "MADELEINE", "MIGUEL", "MAHMOUD", "MOHAMMED", "MUHAMMAD", "NICHOLAS",
	"NICOLAS", "NANCY", "NURI", "PAUL", "PATRICK", "PETER", "PHILIP", "PATRICIA",
	"PEDRO", "ROBERT", "RICHARD", "RONALD", "RAYMOND", "ROY", "RUSSELL", "ROBIN",
	"STEVEN", "STEPHEN", "SCOTT", "SAMUEL", "SUSAN", "SANDRA", "SHARON", "SARAH",
	"SERGEI", "SILVIO", "THOMAS", "TIMOTHY", "TOM", "TONY", "VINCENT", "VICTORIA",
	"VLADIMIR", "WILLIAM", "WALTER"
};
const size_t body_given_names_n = WORDS_N(body_given_names);

int is_given_name(slice w, const char *limit)
{
	(void)limit;
	uptr p = (uptr)w.s;
	if (*p < 'A' || *p > 'Z')
		return 0;
	/* sorted by first letter: only the names with the word's are compared */
	for (size_t i = words_from(body_given_names, body_given_names_n, *p | 0x20);
	     i < body_given_names_n && body_given_names[i][0] == (char)*p; i++) {
		uptr e = word_cs(p, body_given_names[i]);
		if (e && (*e == ' ' || *e == '\t' || *e == '\n' || *e == ',' || *e == ';' || *e == ')'))
			return (size_t)(e - p) == w.n;
	}
	return 0;
}

/* ---- REF ---------------------------------------------------------------------------------- */

int scan_ref_item(const char **p, const char *end, const char *limit, slice *label, slice *item)
{
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, ctx = NULL, b0 = NULL, b1 = NULL;
	/*!stags:re2c:refbullet format = 'uptr @@ = NULL;'; */
	(void)ctx;
	*label = mk(NULL, NULL);
	/* Separators, then an optional bullet. */
	for (;;) {
		if ((const char *)cur >= end)
			return 0;
		/*!local:re2c:refbullet
			re2c:flags:nested-ifs = 1;
			bullet = @b0 ([A-Za-z] [.):] | "(" [A-Za-z0-9]{1,2} ")" | digit{1,2} [.)]) @b1;
			[ \t\n;,]+                                { continue; }
			bullet / [ \t\n]                          { goto labelled; }
			/* "(B)ISLAMABAD 5601" */
			@b0 "(" [A-Za-z0-9]{1,2} ")" @b1 / [A-Z]  { goto labelled; }
			""                                        { goto body; }
			$                                         { return 0; }
		*/

	}
labelled:;
	{
		/* The label without its punctuation: "(A)" and "A." are both A. */
		uptr l0 = b0, l1 = b1;
		while (l0 < l1 && *l0 == '(')
			l0++;
		while (l1 > l0 && (l1[-1] == ')' || l1[-1] == '.' || l1[-1] == ':'))
			l1--;
		*label = mk(l0, l1);
		/* "B. (B) STATE 91301", "B. B) NAIROBI 4428": the label written twice. */
		uptr q = cur;
		while (*q == ' ' || *q == '\t')
			q++;
		if (q[0] == '(' && q[1] && q[2] == ')' && (q[3] == ' ' || q[3] == '\t'))
			cur = q + 3;
		else if (l1 - l0 == 1 && q[0] == *l0 && (q[1] == ')' || q[1] == '.') &&
			 (q[2] == ' ' || q[2] == '\t'))
			cur = q + 2;
	}
body:;
	/* The item runs to a ';', or to the next bullet at the start of a line or after blanks. */
	uptr i0 = cur;
	while (*i0 == ' ' || *i0 == '\t')
		i0++;
	cur = i0;
	uptr stop = NULL;
	for (;;) {
		if ((const char *)cur >= end) {
			stop = (uptr)end;
			break;
		}
		uptr tok = cur;
		/*!local:re2c:refscan
			re2c:flags:nested-ifs = 1;
			nextb = [A-Z] [.):] | "(" [A-Za-z0-9]{1,2} ")";
			";"                                 { stop = tok; break; }
			"\n" [ \t]* nextb / [ \t]           { stop = tok; break; }
			[ \t]+ nextb / [ \t]                { stop = tok; break; }
			[ \t]* "(" [A-Z0-9]{1,2} ")" / [A-Z] { stop = tok; break; }
			"\n"                                { continue; }
			[^;\n\x00]                          { continue; }
			*                                   { stop = tok; break; }
			$                                   { stop = tok; break; }
		*/
	}
	(void)mar;
	if ((const char *)stop > end)
		stop = (uptr)end;
	*item = trim(mk(i0, stop));
	/* Drop trailing separators. */
	while (item->s && item->n && (item->s[item->n - 1] == '.' || item->s[item->n - 1] == ',' ||
				      item->s[item->n - 1] == ' ' || item->s[item->n - 1] == '\n'))
		item->n--;
	if (item->s && !item->n)
		item->s = NULL;
	*p = (const char *)stop;
	return 1;
}

/* Words that are never a post: PARA 5, SECTION 2, RESOLUTION 1441. */
static int may_be_origin(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!re2c:notorig
		('PARA' | 'PARAS' | 'PARAGRAPH' | 'PAGE' | 'SECTION' | 'NO' | 'NUMBER' | 'ITEM'
		| 'ANNEX' | 'TAB' | 'ARTICLE' | 'CHAPTER' | 'RES' | 'RESOLUTION' | 'UNSCR' | 'FY'
		| 'PL' | 'EO' | 'TELCON' | 'EMAIL' | 'E-MAIL' | 'MEMCON' | 'FAX' | 'LETTER'
		| 'REPORT' | 'DATED' | 'OF' | 'ON' | 'AND' | 'THE' | 'IIR' | 'CIA' | 'DIA') [ \t] { return 0; }
		* { return 1; }
		$ { return 1; }
	*/
	(void)mar;
}

int scan_cable_ref(slice item, const char *limit, cable_ref *out)
{
	uptr cur = (uptr)item.s, lim = (uptr)limit, mar = NULL, ctx = NULL;
	uptr y0 = NULL, o0 = NULL, n0 = NULL, n1 = NULL;
	/*!stags:re2c:cableref format = 'uptr @@ = NULL;'; */
	const char *end = item.s + item.n;
	memset(out, 0, sizeof(*out));
	(void)ctx;
	if (!item.s)
		return 0;
	/*!local:re2c:cableref
		re2c:flags:nested-ifs = 1;
		oword   = [A-Z] [A-Za-z'.-]*;
		sp* (@y0 (digit{4} | digit{2}) sp+)? @o0 oword (sp+ oword){0,3} sp+ @n0 digit{1,7} @n1 / [^0-9A-Za-z/:] {
			goto got;
		}
		/* The compact form: 08KABUL1234. */
		sp* @y0 digit{2} @o0 [A-Z]+ @n0 digit{1,7} @n1 / [^0-9A-Za-z/:] { goto got; }
		* { return 0; }
		$ { return 0; }
	*/
got:
	(void)mar;
	if ((const char *)n1 > end || !may_be_origin(o0, lim))
		return 0;
	out->year = y0 ? mk(y0, o0 - (o0 > y0 && (o0[-1] == ' ' || o0[-1] == '\t') ? 0 : 0)) : mk(NULL, NULL);
	if (y0) {
		uptr ye = y0;
		while (ye < o0 && *ye >= '0' && *ye <= '9')
			ye++;
		out->year = mk(y0, ye);
	}
	uptr oe = n0;
	while (oe > o0 && (oe[-1] == ' ' || oe[-1] == '\t'))
		oe--;
	out->origin = mk(o0, oe);
	out->serial = mk(n0, n1);
	/* What may follow: a caption in parentheses, then AND/,/& and more serials, then end. */
	const char *q = (const char *)n1;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q < end && *q == '(') {
		const char *c = q + 1;
		while (c < end && *c != ')')
			c++;
		if (c < end) {
			out->caption = trim(mk((uptr)q + 1, (uptr)c));
			q = c + 1;
			while (q < end && (*q == ' ' || *q == '\t' || *q == '.'))
				q++;
		}
	}
	if (q >= end)
		return 1;
	const char *m = q;
	slice s;
	if (scan_more_serial(&m, end, limit, &s)) {
		out->more = q;
		return 1;
	}
	return 0;
}

int scan_more_serial(const char **p, const char *end, const char *limit, slice *serial)
{
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, ctx = NULL, s0 = NULL, s1 = NULL;
	/*!stags:re2c:more format = 'uptr @@ = NULL;'; */
	(void)ctx;
	if ((const char *)cur >= end)
		return 0;
	/*!local:re2c:more
		re2c:flags:nested-ifs = 1;
		sp* ("," sp* ('AND' sp+)? | 'AND' sp+ | "&" sp*) @s0 digit{1,7} @s1 / [^0-9A-Za-z] { goto got; }
		* { return 0; }
		$ { return 0; }
	*/
got:
	(void)mar;
	if ((const char *)s1 > end)
		return 0;
	*serial = mk(s0, s1);
	*p = (const char *)s1;
	/* A caption after the serial belongs to it: skip it. */
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
	if (*p < end && **p == '(') {
		const char *c = *p;
		while (c < end && *c != ')')
			c++;
		if (c < end)
			*p = c + 1;
	}
	return 1;
}

/* ---- Classified By ------------------------------------------------------------------------ */

const char *find_reasons(const char *p, const char *end, const char *limit)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, ctx = NULL;
	(void)ctx;
	for (;;) {
		if ((const char *)cur >= end)
			return NULL;
		uptr tok = cur;
		/*!local:re2c:findreasons
			re2c:flags:nested-ifs = 1;
			'for' sp+ 'reason' 's'? | 'reason' 's'? / [^A-Za-z] { return (const char *)tok; }
			"1." " "? [456] / [^0-9]                            { return (const char *)tok; }
			[A-Za-z0-9]+                                        { continue; }
			*                                                   { continue; }
			$                                                   { return NULL; }
		*/
	}
	(void)mar;
}

int scan_reason(const char **p, const char *end, const char *limit, slice *section, char *letter)
{
	/* *section carries the current section from call to call ("1.4"); a letter without one
	 * is not a reason. */
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, ctx = NULL;
	(void)ctx;
	int seen_letter = 0;
	for (;;) {
		if ((const char *)cur >= end)
			return 0;
		uptr tok = cur;
		/*!local:re2c:reason
			re2c:flags:nested-ifs = 1;
			"1." " "? [4-6] / [^0-9]  { *section = mk(tok, cur); continue; }
			[a-hA-H] / [^A-Za-z0-9'’] {
				if (!section->s)
					continue;
				*letter = (char)(*tok | 0x20);
				*p = (const char *)cur;
				return 1;
			}
			'and' | 'or' | [,/&+()\t .;:-]+ { continue; }
			[A-Za-z0-9]+ {
				/* A word after the reasons ends them; words before them are skipped. */
				(void)seen_letter;
				if (section->s && (const char *)tok > section->s + section->n + 12)
					return 0;
				continue;
			}
			* { continue; }
			$ { return 0; }
		*/
	}
	(void)mar;
}

/* The titles are a table (words.h): as a re2c keyword block they made 34 KB of C. The longest
 * title the text at the word starts with must be the whole word (AFFAIRS followed by a comma is
 * not a title word: "AFFAIRS," is the longer title). */
/* The titles, sorted by first letter (word_longest_ci_sorted; tests/check_body_fields.c holds
 * them to it). */
const char *const body_title_words[] = {
	"ambassador", "amb", "a.i.", "ai", "acting", "attache", "assistant", "advisor",
	"adviser", "alternate", "affairs", "agricultural", "af", "affairs,", "ambassador,",
	"charge", "cda", "chief", "counselor", "counsellor", "consul", "cg", "coordinator",
	"consulate", "commercial", "cons", "consular", "ca", "charge,",
	"d\xe2\x80\x99" "affaires", "dcm", "deputy", "datt", "defense", "das", "director",
	"deputy-chief", "drl", "ds", "dod", "dcm,", "economic", "econ", "econcouns",
	"econoff", "econchief", "envoy", "embassy", "environment", "esth", "eur", "eap",
	"eeb", "general", "head", "interim", "international", "isn", "inr", "io", "inl",
	"legal", "labor", "mission", "minister", "minister-counselor", "military",
	"management", "mgmt", "nea", "nato", "nsc", "of", "officer", "office", "oes",
	"osd", "political", "pol", "principal", "poloff", "polchief", "polcouns",
	"polcounselor", "polecon", "pol-econ", "pol/econ", "pao", "pdas", "permanent",
	"public", "polmil", "pol-mil", "pm", "prm", "rso", "representative", "regional",
	"section", "secretary", "senior", "special", "science", "sca", "state", "the",
	"technology", "under", "usaid", "usun", "useu", "wha"
};
const size_t body_title_words_n = WORDS_N(body_title_words);

int is_title_word(slice w, const char *limit)
{
	/* written in one case only */
	static const char *const exact[] = { "D'AFFAIRES", "d'Affaires", "d'affaires" };
	(void)limit;
	if (!w.s)
		return 0;
	/* An office symbol (EUR/WE, S/CT, A/S) is part of a title. */
	for (size_t i = 0; i < w.n; i++)
		if (w.s[i] == '/')
			return 1;
	/* the titles are sorted by first letter (word_longest_ci_sorted) */
	uptr p = (uptr)w.s, best = word_longest_ci_sorted(p, body_title_words, body_title_words_n), e;
	for (size_t i = 0; (*p | 0x20) == 'd' && i < WORDS_N(exact); i++)
		if ((e = word_cs(p, exact[i])) && (!best || e > best))
			best = e;
	return best && (size_t)(best - p) == w.n;
}

/* ---- spans -------------------------------------------------------------------------------- */

static inline int span_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The letter after a marker's first one: BEGIN, COMMENT, END, SUMMARY (q[1] is at most the
 * scan's end, before its limit: there to read). */
static inline int span_second(const unsigned char *q)
{
	unsigned a = q[0] | 0x20, b = q[1] | 0x20;
	return (a == 'b' && b == 'e') || (a == 'c' && b == 'o') || (a == 'e' && b == 'n') ||
	       (a == 's' && b == 'u');
}

/* The next place from cur, before end, where a marker could start; end when there is none. The
 * scanner below takes a run of letters and digits, or one other byte, a token at a time, and
 * every marker starts with "(" or with BE, CO, EN or SU (either case): so only a "(" or one of
 * those pairs after a byte that is not a letter or digit can start one, and the tokens before it
 * are skipped sixteen bytes at a time here instead (this scan was a tenth of a run over
 * WikiLeaks pages). cur is where a token starts, after the scan's first: cur[-1] is there. */
static const char *span_candidate(const char *cur, const char *end)
{
	const unsigned char *p = (const unsigned char *)cur, *e = (const unsigned char *)end;
#if defined(RUNS_SSE2) && defined(__GNUC__)
	/* The pairs, each byte against the one after it: sixteen places a turn. */
	const __m128i lower = _mm_set1_epi8(0x20), paren = _mm_set1_epi8('(');
	const __m128i b = _mm_set1_epi8('b'), e1 = _mm_set1_epi8('e'), c = _mm_set1_epi8('c'),
		      o = _mm_set1_epi8('o'), n = _mm_set1_epi8('n'), s = _mm_set1_epi8('s'),
		      u = _mm_set1_epi8('u');
	while (e - p >= 17) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i f = _mm_or_si128(w, lower);
		__m128i g = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(p + 1)), lower);
		__m128i hit = _mm_or_si128(
			_mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(f, b), _mm_cmpeq_epi8(g, e1)),
				     _mm_and_si128(_mm_cmpeq_epi8(f, c), _mm_cmpeq_epi8(g, o))),
			_mm_or_si128(_mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(f, e1), _mm_cmpeq_epi8(g, n)),
						  _mm_and_si128(_mm_cmpeq_epi8(f, s), _mm_cmpeq_epi8(g, u))),
				     _mm_cmpeq_epi8(w, paren)));
		int mask = _mm_movemask_epi8(hit);
		while (mask) {
			const unsigned char *q = p + __builtin_ctz((unsigned)mask);
			mask &= mask - 1;
			if (*q == '(' || !span_alnum(q[-1]))
				return (const char *)q;
		}
		p += 16;
	}
#endif
	for (; p < e; p++) {
		unsigned f = *p | 0x20;
		if (*p == '(' ||
		    ((f == 'b' || f == 'c' || f == 'e' || f == 's') && span_second(p) && !span_alnum(p[-1])))
			return (const char *)p;
	}
	return end;
}

int scan_span_mark(const char **p, const char *end, const char *limit, slice *mark)
{
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, ctx = NULL;
	(void)ctx;
	for (int first = 1;; first = 0) {
		/* The first token starts at *p whatever comes before it; later ones where the scan
		 * left off, and from there to the next candidate no marker can start. */
		if (!first && (const char *)cur < end)
			cur = (uptr)span_candidate((const char *)cur, end);
		if ((const char *)cur >= end)
			return SPAN_NONE;
		uptr tok = cur;
		int kind;
		/*!re2c:span
			wsp = [ \t\n];
			'END' wsp+ ('OF' wsp+)? 'SUMMARY' ([ .:)-]*)        { kind = SPAN_END_SUMMARY; goto got; }
			'END' wsp+ ('OF' wsp+)? 'COMMENT' 'S'? ([ .:)-]*)   { kind = SPAN_END_COMMENT; goto got; }
			'END' wsp+ 'NOTE' wsp* "."? wsp* ")"?               { kind = SPAN_END_NOTE; goto got; }
			('BEGIN' wsp+)? 'SUMMARY' (wsp+ 'AND' wsp+ 'COMMENT')? wsp* ([:.] | "--" | " -") { kind = SPAN_SUMMARY; goto got; }
			'COMMENT' wsp* ([:.] | "--" | " -")                 { kind = SPAN_COMMENT; goto got; }
			"(" wsp* 'NOTE' wsp* [:.-]                          { kind = SPAN_NOTE; goto got; }
			[A-Za-z0-9]+                                        { continue; }
			*                                                   { continue; }
			$                                                   { return SPAN_NONE; }
		*/
	got:
		/* A marker may only be read up to end; what it took past end is not its. */
		if ((const char *)tok >= end)
			return SPAN_NONE;
		if ((const char *)cur > end)
			cur = (uptr)end;
		*mark = mk(tok, cur);
		*p = (const char *)cur;
		return kind;
	}
	(void)mar;
}

/* Every marker above holds one of these words, whole. */
static int span_word_at(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!re2c:spanword
		'SUMMARY' | 'COMMENT' | 'NOTE' { return 1; }
		*                              { return 0; }
		$                              { return 0; }
	*/
	(void)mar;
}

int span_marks_possible(const char *s, const char *limit)
{
	/* Scanning every paragraph for markers reads the body once more, a word a turn; most
	 * telegrams have none. The words are looked for by a letter pair they hold, eight bytes
	 * at a time ("mm" of SUMMARY and COMMENT, "ot" of NOTE, in either case), and only where a
	 * pair is does the scanner above look. A word can not span a joint between pieces: the
	 * pieces are joined by blanks. */
	uptr base = (uptr)s, lim = (uptr)limit;
	size_t n = (size_t)(lim - base), i = 0;
#ifdef RUNS_SSE2
	/* Sixteen pairs a turn: the bytes at i..i+15 against the bytes after them. */
	{
		const __m128i lower = _mm_set1_epi8(0x20), m = _mm_set1_epi8('m'),
			      o = _mm_set1_epi8('o'), t = _mm_set1_epi8('t');
		for (; n - i >= 17; i += 16) {
			__m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(base + i)), lower);
			__m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(base + i + 1)), lower);
			__m128i hit = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(a, m), _mm_cmpeq_epi8(b, m)),
						   _mm_and_si128(_mm_cmpeq_epi8(a, o), _mm_cmpeq_epi8(b, t)));
			if (!_mm_movemask_epi8(hit))
				continue;
			/* A pair starting in bytes i..i+15: its word starts at most two bytes before. */
			for (size_t j = i >= 2 ? i - 2 : 0; j < i + 16; j++)
				if (span_word_at(base + j, lim))
					return 1;
		}
	}
#endif
	for (; n - i >= 8; i += 7) {
		uint64_t f = runs_load(base + i) | RUNS_ONES * 0x20;
		uint64_t m = runs_zero_bytes(f ^ RUNS_ONES * 'm');
		uint64_t o = runs_zero_bytes(f ^ RUNS_ONES * 'o');
		uint64_t t = runs_zero_bytes(f ^ RUNS_ONES * 't');
		if (!((m & (m >> 8)) | (o & (t >> 8))))
			continue;
		/* A pair in bytes i..i+7: its word starts at most two bytes before it. */
		for (size_t j = i >= 2 ? i - 2 : 0; j < i + 8; j++)
			if (span_word_at(base + j, lim))
				return 1;
	}
	for (size_t j = i >= 2 ? i - 2 : 0; j < n; j++)
		if (span_word_at(base + j, lim))
			return 1;
	return 0;
}

/* ---- signature ---------------------------------------------------------------------------- */

/* A stop word alone on its line (any case, blanks before it): sp* stop "\n". */
static int stop_line(uptr p)
{
	static const char *const stop[] = {
		"end", "comment", "summary", "note", "bt", "nnnn", "nnn", "sipdis", "noforn",
		"confidential", "secret", "unclassified", "unclas", "thanks", "regards", "background",
		"action", "request", "state", "cable"
	};
	while (*p == ' ' || *p == '\t')
		p++;
	for (size_t i = 0; i < WORDS_N(stop); i++) {
		uptr e = word_ci(p, stop[i]);
		if (e && *e == '\n')
			return 1;
	}
	return 0;
}

/* Where a signature's names end, sp* nword ((sp+ | sp* "/" sp*) nword){0,3} sp* / [\n], with
 * nword = [A-Z] [A-Za-z'-]* | [A-Z] ".": the "\n" after them, or NULL. Counted here: as one rule
 * its repeat made 90 KB of C. A word runs to the end of its letters; "X." is the one word that
 * takes a full stop. */
static uptr name_line_end(uptr p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	for (int words = 1;; words++) {
		if (*p < 'A' || *p > 'Z')
			return NULL;
		uptr q = p + 1;
		while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || *q == '\'' || *q == '-')
			q++;
		if (q == p + 1 && *q == '.')
			q++;
		uptr r = q;
		while (*r == ' ' || *r == '\t')
			r++;
		if (*r == '\n')
			return r;
		if (words == 4)
			return NULL;
		if (*r == '/') {
			for (r++; *r == ' ' || *r == '\t'; r++)
				;
		} else if (r == q) {
			return NULL;
		}
		p = r;
	}
}

int is_name_line(slice line, const char *limit)
{
	(void)limit;
	if (!line.s || !line.n || line.n > 40)
		return 0;
	/* Of the two rules sp* stop (sp | [.:,] | eol) and the names / [\n], the longer match won, the
	 * stop on a tie: the names win unless the line is a stop word alone. */
	uptr cur = name_line_end((uptr)line.s);
	if (!cur || stop_line((uptr)line.s))
		return 0;
	/* The match may take trailing blanks after the slice; nothing else. */
	if ((size_t)((const char *)cur - line.s) < line.n)
		return 0;
	for (const char *q = line.s + line.n; q < (const char *)cur; q++)
		if (*q != ' ' && *q != '\t')
			return 0;
	/* The last word is not an initial: "J." alone ends no signature. */
	return !(line.n >= 2 && line.s[line.n - 1] == '.');
}

/* ---- captions ----------------------------------------------------------------------------- */

static int canon(slice *out, const char *s)
{
	out->s = s;
	out->n = strlen(s);
	return 1;
}

int scan_caption(const char **p, const char *end, const char *limit, slice *out)
{
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, ctx = NULL;
	(void)ctx;
	for (;;) {
		if ((const char *)cur >= end)
			return 0;
		const char *c;
		uptr tok = cur;
		/*!re2c:caption
			b = [ \t,/\n)(-]|"\x00";
			[ \t,/\n()-]+                                    { continue; }
			"SIPDIS" | "S I P D I S"                         { c = "SIPDIS"; goto got; }
			"NOFORN" | "N O F O R N"                         { c = "NOFORN"; goto got; }
			"EXDIS" | "E X D I S"                            { c = "EXDIS"; goto got; }
			"NODIS" | "N O D I S"                            { c = "NODIS"; goto got; }
			"LIMDIS" | "L I M D I S"                         { c = "LIMDIS"; goto got; }
			"STADIS" | "S T A D I S"                         { c = "STADIS"; goto got; }
			"NOTAL"                                          { c = "NOTAL"; goto got; }
			"SENSITIVE BUT UNCLASSIFIED"                     { c = "SENSITIVE BUT UNCLASSIFIED"; goto got; }
			"SENSITIVE" / b                                  { c = "SENSITIVE"; goto got; }
			"SBU" / b                                        { c = "SBU"; goto got; }
			"AIDAC"                                          { c = "AIDAC"; goto got; }
			"INFORM CONSULS"                                 { c = "INFORM CONSULS"; goto got; }
			"FOR OFFICIAL USE ONLY" | "FOUO"                 { c = "FOR OFFICIAL USE ONLY"; goto got; }
			"CHEROKEE"                                       { c = "CHEROKEE"; goto got; }
			"ROGER" / b                                      { c = "ROGER"; goto got; }
			"DISSENT CHANNEL"                                { c = "DISSENT CHANNEL"; goto got; }
			"EFTO" | "E F T O"                               { c = "EFTO"; goto got; }
			"C O R R E C T E D" sp+ ("C O P Y" | "COPY") | "CORRECTED COPY" { c = "CORRECTED COPY"; goto got; }
			[^ \t,/\n()\x00-]+ {
				/* A word glued past the segment's end (SIPDISE.O.): only what is before
				 * end counts. */
				if ((const char *)cur > end) {
					static const char *glued[] = { "SIPDIS", "NOFORN", "SENSITIVE", "EXDIS",
								       "NODIS", "LIMDIS", "NOTAL" };
					size_t n = (size_t)(end - (const char *)tok);
					for (size_t i = 0; i < sizeof glued / sizeof *glued; i++)
						if (n == strlen(glued[i]) && !memcmp(tok, glued[i], n)) {
							*p = end;
							return canon(out, glued[i]);
						}
					return 0;
				}
				continue;
			}
			*                                                { continue; }
			$                                                { return 0; }
		*/
	got:
		if ((const char *)cur > end)
			return 0;
		*p = (const char *)cur;
		return canon(out, c);
	}
	(void)mar;
}

/* ---- database leftovers ------------------------------------------------------------------- */

/* Kinds of the lines of a vertical dump row. */
enum { VD_OTHER, VD_ID, VD_DATE, VD_REFID, VD_BLANK };

static int vd_line(uptr cur, uptr lim, uptr *next)
{
	uptr mar = NULL;
	int k;
	/*!local:re2c:vdline
		re2c:flags:nested-ifs = 1;
		sp* ("<<" digit+ ">>" | digit+) sp* eol                                  { k = VD_ID; goto done; }
		sp* digit{4} "-" digit{2} "-" digit{2} (sp+ digit{2} ":" digit{2} (":" digit{2})?)? sp* eol
		                                                                         { k = VD_DATE; goto done; }
		sp* digit{1,2} "/" digit{1,2} "/" digit{4} sp+ digit{1,2} ":" digit{2} sp* eol { k = VD_DATE; goto done; }
		sp* digit{2} [A-Z]+ digit+ sp* eol                                       { k = VD_REFID; goto done; }
		sp* eol                                                                  { k = VD_BLANK; goto done; }
		nl* eol                                                                  { k = VD_OTHER; goto done; }
		*                                                                        { return -1; }
		$                                                                        { return -1; }
	*/
done:
	(void)mar;
	*next = cur;
	return k;
}

/* A row on one line: tab-separated (its last field starts the telegram's header) or a cables.csv
 * row (its seventh field starts the header). Returns the start of the telegram, or NULL. */
static const char *skip_row_line(const char *p, const char *limit)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL;
	int csv = 0, rule = 0;
	/* Rule 1, a tab-separated row, [^\t\n]* "\t" [^\t\n]* "\t" [^\n]* "\t" / [^\n], is read in C:
	 * its [^\n]* and [^\t\n]* multiplied the states of the other rules. Its match (context
	 * included, as re2c counts it) runs to just past the last tab of the line, from the third
	 * on, that a byte other than "\n" follows; the longer match wins, rule 1 on a tie. */
	uptr tabs_full = NULL;
	int ntabs = 0;
	for (uptr q = cur; q < lim && *q != '\n'; q++)
		if (*q == '\t' && ++ntabs >= 3 && q + 1 < lim && q[1] != '\n')
			tabs_full = q + 2;
	/*!local:re2c:rowline
		re2c:flags:nested-ifs = 1;
		refid = digit{2} [A-Z]+ digit+;
		sp* digit+ "," "\""? digit{1,2} "/" digit{1,2} "/" digit{4} sp+ digit{1,2} ":" digit{2} "," { rule = 2; goto chosen; }
		sp* digit{1,2} ":" digit{2} "," refid ","       { rule = 3; goto chosen; }
		sp* "ID:" sp* digit+ sp*                        { rule = 4; goto chosen; }
		* { goto chosen; }
		$ { goto chosen; }
	*/
chosen:
	if (tabs_full && (!rule || tabs_full >= cur))
		goto tabs;
	if (rule == 2 || rule == 3) {
		csv = 1;
		goto commas;
	}
	if (rule == 4)
		return (const char *)cur;
	return NULL;
tabs:;
	/* The line holds a reference id among its fields; the telegram starts after the last tab. */
	const char *e = p, *last_tab = NULL;
	int has_refid = 0;
	while (*e != '\n' && *e != '\0') {
		if (*e == '\t')
			last_tab = e;
		if (e > p && e[-1] == '\t' && e[0] >= '0' && e[0] <= '9' && e[1] >= '0' && e[1] <= '9' &&
		    e[2] >= 'A' && e[2] <= 'Z')
			has_refid = 1;
		e++;
	}
	(void)mar;
	return has_refid && last_tab ? last_tab + 1 : NULL;
commas:;
	/* Fields up to the seventh (the header), quotes respected. */
	const char *q = p;
	int fields = 0, quoted = 0;
	while (*q && *q != '\n' && fields < 6) {
		if (*q == '"')
			quoted = !quoted;
		else if (*q == ',' && !quoted)
			fields++;
		q++;
	}
	(void)csv;
	if (fields < 6)
		return NULL;
	if (*q == '"')
		q++;
	return q;
}

/* A block of "KEY: value" lines (ID:, ORIGIN:, DATE:, SOURCE:, CLASSIFICATION: ...) that some
 * dumps put above the telegram. Returns its end, or NULL. */
static const char *skip_key_values(const char *p, const char *limit, size_t *lines)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL;
	size_t n = 0;
	for (;;) {
		uptr start = cur;
		/*!re2c:keyvalues
			key = 'ID' | 'REFID' | 'ORIGIN' | 'DATE' | 'SOURCE' | 'CLASSIFICATION' | 'MISC'
			    | 'DESTINATION' | 'REFERENCES' | 'HEADER';
			sp* key sp* ":" nl* eol { n++; continue; }
			* { cur = start; goto end; }
			$ { goto end; }
		*/
	}
end:
	(void)mar;
	if (n < 3)
		return NULL;
	*lines = n;
	return (const char *)cur;
}

const char *skip_vertical_dump(const char *p, const char *limit, size_t *lines)
{
	const char *kv = skip_key_values(p, limit, lines);
	if (kv)
		return kv;
	const char *row = skip_row_line(p, limit);
	if (row) {
		*lines = 1;
		return row;
	}
	uptr lim = (uptr)limit, cur = (uptr)p, next;
	/* id, date, refid: the three lines that make it unmistakable. */
	static const int head[3] = { VD_ID, VD_DATE, VD_REFID };
	for (int i = 0; i < 3; i++) {
		if (vd_line(cur, lim, &next) != head[i])
			return NULL;
		cur = next;
	}
	/* Then origin name, classification and the references line (possibly empty). */
	size_t n = 3;
	for (int i = 0; i < 3 && cur < lim; i++) {
		int k = vd_line(cur, lim, &next);
		if (k < 0)
			break;
		cur = next;
		n++;
		if (k == VD_BLANK)
			break;
	}
	*lines = n;
	return (const char *)cur;
}
