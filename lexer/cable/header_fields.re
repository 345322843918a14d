/* Anchored scanners for the fields of the routing header's lines (format lines 1-9).
 * See fields.h for the contract: each starts at a line start inside a decoded text. */
#include "lexer/cable/header_fields.h"

#include <stddef.h>
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

/* Drops trailing blanks of a slice. */
static slice rtrim(slice s)
{
	while (s.s && s.n && (s.s[s.n - 1] == ' ' || s.s[s.n - 1] == '\t'))
		s.n--;
	if (s.s && s.n == 0)
		s.s = NULL;
	return s;
}

const char *line_end(const char *p)
{
	while (*p != '\n' && *p != '\0')
		p++;
	return p;
}

int scan_word(const char **p, const char *limit, slice *word)
{
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, w0 = NULL, w1 = NULL;
	/*!stags:re2c:word format = 'uptr @@ = NULL;'; */
	(void)mar;
	/*!re2c:word
		sp* @w0 [^ \t\n]+ @w1 { *word = mk(w0, w1); *p = (const char *)cur; return 1; }
		sp* eol                { return 0; }
		$                      { return 0; }
		*                      { return 0; }
	*/
}

int scan_fl1(const char *p, const char *limit, fl1_fields *out)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, c0 = NULL, c1 = NULL, s0 = NULL, s1 = NULL, e = NULL;
	/*!stags:re2c:fl1 format = 'uptr @@ = NULL;'; */
	out->channel = out->serial = mk(NULL, NULL);
	out->strict = 0;
	/*!local:re2c:fl1
		re2c:flags:nested-ifs = 1;
		sp* "VZCZC" @c0 upper{2,4} @c1 @s0 digit+ @s1 sp* @e eol {
			out->raw = mk((uptr)p, e);
			out->raw = rtrim(out->raw);
			out->channel = mk(c0, c1);
			out->serial = mk(s0, s1);
			out->strict = 1;
			return 1;
		}
		sp* "VZCZC" nl* @e eol {
			out->raw = rtrim(mk((uptr)p, e));
			return 1;
		}
		* { return 0; }
		$ { return 0; }
	*/
}

int ri_word_kind(slice w, const char *limit, int first)
{
	uptr cur = (uptr)w.s, lim = (uptr)limit, mar = NULL, ctx = NULL;
	(void)mar;
	(void)ctx;
	int kind = RI_JUNK;
	/*!local:re2c:rikind
		re2c:flags:nested-ifs = 1;
		prec2 / [ \t\n] { kind = RI_PROSIGN; goto done; }
		ri / [ \t\n]    { kind = RI_INDICATOR; goto done; }
		*               { return RI_JUNK; }
		$               { return RI_JUNK; }
	*/
done:
	if ((size_t)(cur - (uptr)w.s) != w.n)
		return RI_JUNK;
	/* A one-letter "indicator" can only be a prosign, and prosigns only come first. */
	if (kind == RI_PROSIGN && !first)
		return RI_JUNK;
	return kind;
}

int scan_ri_item(const char **p, const char *lim, slice *word)
{
	return scan_word(p, lim, word);
}

/* Kinds of words in a garbled format line, for reading it word by word. */
enum word_kind { W_OTHER, W_RI, W_NUMBER, W_OPSIG, W_GROUP };

/* Classifies the word w; for numbers ("#0728/01", "0571325") fills the digits and the part. */
static int word_kind(slice w, const char *limit, slice *digits, slice *part)
{
	uptr cur = (uptr)w.s, lim = (uptr)limit, mar = NULL, ctx = NULL, s0 = NULL, s1 = NULL, p0 = NULL, p1 = NULL;
	/*!stags:re2c:wordkind format = 'uptr @@ = NULL;'; */
	int kind;
	(void)ctx;
	/*!local:re2c:wordkind
		re2c:flags:nested-ifs = 1;
		end = [ \t\n];
		"#"? @s0 digit+ @s1 ("/" @p0 digit+ @p1)? / end { kind = W_NUMBER; goto done; }
		ri / end                                      { kind = W_RI; goto done; }
		opsig / end                                   { kind = W_OPSIG; goto done; }
		upper{5} ("/" upper+)? / end                  { kind = W_GROUP; goto done; }
		*                                             { return W_OTHER; }
		$                                             { return W_OTHER; }
	*/
done:
	(void)mar;
	if ((size_t)(cur - (uptr)w.s) != w.n)
		return W_OTHER;
	if (digits)
		*digits = mk(s0, s1);
	if (part)
		*part = mk(p0, p1);
	return kind;
}

int scan_fl3(const char *p, const char *limit, fl3_fields *out)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, r0 = NULL, r1 = NULL, s0 = NULL, s1 = NULL, p0 = NULL, p1 = NULL, t0 = NULL, t1 = NULL;
	/*!stags:re2c:fl3 format = 'uptr @@ = NULL;'; */
	out->ri = out->ssn = out->part = out->tof = mk(NULL, NULL);
	out->strict = 0;
	/*!local:re2c:fl3
		re2c:flags:nested-ifs = 1;
		sp* "DE" sp+ @r0 ri @r1 sp+ "#" @s0 digit{3,5} @s1 ("/" @p0 digit{1,3} @p1)?
			sp+ @t0 digit{7} @t1 sp* eol {
			out->ri = mk(r0, r1);
			out->ssn = mk(s0, s1);
			out->part = mk(p0, p1);
			out->tof = mk(t0, t1);
			out->strict = 1;
			return 1;
		}
		sp* "DE" / [ \t\n] { goto lenient; }
		*                  { return 0; }
		$                  { return 0; }
	*/
lenient:;
	/* Word by word: the indicator, then the first number (station serial and part), then a
	 * seven-digit time of file. */
	const char *q = (const char *)cur;
	slice w, digits, part;
	while (scan_word(&q, limit, &w)) {
		int k = word_kind(w, limit, &digits, &part);
		if (k == W_RI && !out->ri.s && !out->ssn.s) {
			out->ri = w;
		} else if (k == W_NUMBER && !out->ssn.s && (w.s[0] == '#' || out->ri.s)) {
			out->ssn = digits;
			out->part = part;
		} else if (k == W_NUMBER && out->ssn.s && !out->tof.s && digits.n == 7 && !part.s) {
			out->tof = digits;
		}
	}
	return 1;
}

int scan_fl4(const char *p, const char *limit, fl4_fields *out)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, a0 = NULL, a1 = NULL, g0 = NULL, g1 = NULL;
	uptr r0 = NULL, r1 = NULL, c0 = NULL, c1 = NULL;
	/*!stags:re2c:fl4 format = 'uptr @@ = NULL;'; */
	out->prefix = out->group = out->rest = out->note = mk(NULL, NULL);
	out->strict = 0;
	/*!local:re2c:fl4
		re2c:flags:nested-ifs = 1;
		/* A parenthesised trailer, (CCY ADX723D5B MSI4387-623), is kept as a note. */
		sp* @a0 ("ZNY" | "ZNR") @a1 sp+ @g0 upper{5} ("/" upper+)? @g1
			(sp+ opsig)* sp* @r1 (@c0 "(" [^)\n]* ")" @c1 sp*)? eol {
			out->prefix = mk(a0, a1);
			out->group = mk(g0, g1);
			out->note = mk(c0, c1);
			r0 = g1;
			while (r0 < r1 && (*r0 == ' ' || *r0 == '\t'))
				r0++;
			out->rest = rtrim(mk(r0, r1));
			out->strict = 1;
			return 1;
		}
		sp* @a0 ("ZNY" | "ZNR") @a1 { out->prefix = mk(a0, a1); goto lenient; }
		*                          { return 0; }
		$                          { return 0; }
	*/
lenient:;
	/* The group is the first five-letter word; operating signals are kept from the word after
	 * it to the end of the line. */
	const char *q = (const char *)cur;
	slice w;
	while (scan_word(&q, limit, &w)) {
		int k = word_kind(w, limit, NULL, NULL);
		/* UUUUU is shaped like a routing indicator too. */
		if (!out->group.s && (k == W_GROUP || (k == W_RI && w.n == 5))) {
			out->group = w;
			const char *e = line_end(q);
			while (*q == ' ' || *q == '\t')
				q++;
			out->rest = rtrim(mk((uptr)q, (uptr)e));
			break;
		}
	}
	return 1;
}

int scan_dtg_line(const char *p, const char *limit, dtg_fields *out)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL;
	uptr a0 = NULL, a1 = NULL, b0 = NULL, b1 = NULL, d0 = NULL, h0 = NULL, n0 = NULL, n1 = NULL, m0 = NULL, m1 = NULL, y0 = NULL, y1 = NULL, r0 = NULL, r1 = NULL;
	/*!stags:re2c:dtg format = 'uptr @@ = NULL;'; */
	memset(out, 0, sizeof(*out));
	/*!local:re2c:dtg
		re2c:flags:nested-ifs = 1;
		prefix = sp* (@a0 prec1 @a1 sp+ (@b0 prec1 @b1 sp+)?)?
			@d0 digit{2} @h0 digit{2} @n0 digit{2} @n1 sp* [Zz] sp* @m0 (mon | [A-Za-z]{3}) @m1 sp*;
		/* A four-digit year, or two digits followed by the end or a blank. */
		prefix @y0 (digit{4} | digit{2}) @y1 (sp+ @r0 nl* @r1)? eol { goto fill; }
		/* Anything else glued to a two-digit year is kept as trailing text. */
		prefix @y0 digit{2} @y1 @r0 nl* @r1 eol { goto fill; }
		* { return 0; }
		$ { return 0; }
	*/
fill:
	(void)mar;
	out->prec1 = mk(a0, a1);
	out->prec2 = mk(b0, b1);
	out->day = mk(d0, h0);
	out->hour = mk(h0, n0);
	out->minute = mk(n0, n1);
	out->month = mk(m0, m1);
	out->year = mk(y0, y1);
	out->rest = rtrim(mk(r0, r1));
	/* An operating signal may follow the DTG (P 260929Z JUN 08 ZFF6). */
	if (out->rest.s) {
		const char *q = out->rest.s;
		slice w;
		if (scan_word(&q, limit, &w) && word_kind(w, limit, NULL, NULL) == W_OPSIG) {
			out->opsig = w;
			while (*q == ' ' || *q == '\t')
				q++;
			out->rest = rtrim(mk((uptr)q, (uptr)line_end(q)));
		}
	}
	out->strict = out->rest.s == NULL;
	return 1;
}

/* Tokens of an addressee line, scanned left to right. */
enum addr_tok { AT_END, AT_WORD, AT_OFFICE, AT_PREC, AT_PREC_TYPO, AT_MCN };

static int addr_token(uptr *pc, uptr lim, slice *tok)
{
	uptr cur = *pc, mar = NULL, ctx = NULL, t0 = NULL, t1 = NULL;
	/*!stags:re2c:addrtok format = 'uptr @@ = NULL;'; */
	int kind;
	(void)mar;
	(void)ctx;
	/*!re2c:addrtok
		precw  = "IMMEDIATE" | "PRIORITY" | "ROUTINE" | "FLASH" | "NIACT" sp+ "IMMEDIATE"
		       | "CRITIC" | "OPIMMEDIATE";
		typo   = "PIORITY" | "PRIOITY" | "PRIORTY" | "PRORITY" | "PRIORIY" | "PRIORTIY"
		       | "PRIROITY" | "PRIORITIY" | "IMMEDAITE" | "IMMEDIAT" | "IMEDIATE" | "IMMEIDATE"
		       | "IMMMEDIATE" | "ROUTIN" | "ROUITNE";
		last   = sp* (digit{1,5} sp*)? eol;

		sp* @t0 precw @t1 / last        { kind = AT_PREC; goto out; }
		sp* @t0 typo @t1 / last         { kind = AT_PREC_TYPO; goto out; }
		sp* @t0 digit{1,5} @t1 / sp* eol { kind = AT_MCN; goto out; }
		sp* @t0 "//" [^ \t\n]* @t1      { kind = AT_OFFICE; goto out; }
		/* Single slashes stay inside a word (EUR/WE); a double slash starts an office symbol. */
		sp* @t0 [^ \t\n/]+ ("/" [^ \t\n/]+)* @t1 { kind = AT_WORD; goto out; }
		sp* @t0 "/" @t1                  { kind = AT_WORD; goto out; }
		sp* eol                          { return AT_END; }
		$                                { return AT_END; }
		*                                { return AT_END; }
	*/
out:
	*tok = mk(t0, t1);
	*pc = cur;
	return kind;
}

int scan_address(const char *p, const char *limit, addr_fields *out)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, r0 = NULL, r1 = NULL;
	/*!stags:re2c:addr format = 'uptr @@ = NULL;'; */
	out->ri = out->address = out->office = out->precedence = out->mcn = mk(NULL, NULL);
	out->precedence_typo = 0;
	/*!local:re2c:addr
		re2c:flags:nested-ifs = 1;
		sp* @r0 ri @r1 sp* "/" sp* { out->ri = mk(r0, r1); goto rest; }
		""                          { goto rest; }
		$                           { return 0; }
	*/
rest:;
	uptr plad0 = NULL, plad1 = NULL;
	slice tok;
	for (;;) {
		int k = addr_token(&cur, lim, &tok);
		if (k == AT_END)
			break;
		switch (k) {
		case AT_WORD:
			if (!plad0)
				plad0 = (uptr)tok.s;
			plad1 = (uptr)tok.s + tok.n;
			break;
		case AT_OFFICE:
			out->office = tok;
			break;
		case AT_PREC_TYPO:
			out->precedence_typo = 1;
			/* fall through */
		case AT_PREC:
			out->precedence = tok;
			break;
		case AT_MCN:
			out->mcn = tok;
			break;
		}
	}
	out->address = mk(plad0, plad1);
	return out->address.s || out->ri.s || out->mcn.s;
}
