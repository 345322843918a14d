/* Anchored scanners for the body's fields. See body_fields.h. */
#include "body_fields.h"

#include <string.h>

typedef const unsigned char *uptr;

/*!include:re2c "common.re" */
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
	uptr mar = NULL, ctx = NULL;
	(void)ctx;
	/*!re2c:cl_level
		sp* cls_word / [ \t/\n] { return cur; }
		* { return NULL; }
		$ { return NULL; }
	*/
	(void)mar;
}

static uptr cl_caveat(uptr cur, uptr lim, slice *out)
{
	uptr mar = NULL, v0 = NULL, v1 = NULL, start = cur;
	/*!stags:re2c:cl_caveat format = 'uptr @@ = NULL;'; */
	/*!re2c:cl_caveat
		sp* "//" @v0 [A-Z] [A-Z/]* @v1 { *out = mk(v0, v1); return cur; }
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
	/*!re2c:cl_section
		sp+ 'SECTION' sp+ @s0 digit+ @s1 sp+ 'OF' sp+ @f0 digit+ @f1 / sp {
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
	/*!re2c:cl_year
		sp+ @y0 digit{2} @y1 / sp+ upper { *out = mk(y0, y1); return cur; }
		* { return start; }
		$ { return start; }
	*/
	(void)mar;
}

static int cl_origin(uptr cur, uptr lim, classline_fields *out)
{
	uptr mar = NULL, o0 = NULL, n0 = NULL, n1 = NULL, r0 = NULL, r1 = NULL;
	/*!stags:re2c:cl_origin format = 'uptr @@ = NULL;'; */
	/*!re2c:cl_origin
		cword   = upper [A-Z.'()&-]*;
		/* The origin's end is found from the serial's start: a tag after the last word would
		 * have to track every blank run as a candidate. */
		sp+ @o0 cword (sp+ cword)* sp+ @n0 digit{2,8} @n1 (sp+ @r0 nl* @r1)? eol {
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
	char buf[32];
	size_t n = 0;
	for (size_t i = 0; i < w.n && n + 1 < sizeof buf; i++)
		if (w.s[i] != ' ' && w.s[i] != '\t')
			buf[n++] = w.s[i];
	buf[n] = '\0';
	if (!strcmp(buf, "UNCLASSIFIED") || !strcmp(buf, "UNCLAS"))
		return "UNCLASSIFIED";
	if (!strcmp(buf, "CONFIDENTIAL"))
		return "CONFIDENTIAL";
	if (!strcmp(buf, "SECRET"))
		return "SECRET";
	if (!strcmp(buf, "TOPSECRET"))
		return "TOP SECRET";
	if (!strcmp(buf, "LIMITEDOFFICIALUSE") || !strcmp(buf, "LIMITEDOFFICALUSE"))
		return "LIMITED OFFICIAL USE";
	if (!strcmp(buf, "RESTRICTED"))
		return "RESTRICTED";
	return NULL;
}
