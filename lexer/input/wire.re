/* Wire service framing: ANPA-1312 and IPTC 7901 header and trailer lines (see wire.h). Each
 * scanner is anchored at the start of its line and matches it whole or not at all. */
#include "lexer/input/wire.h"

#include <string.h>
#include <strings.h>

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

	lend    = [ \t]* "\r"? "\n";
	hword   = [^ \t\r\n\x00-\x1f\x7f]+;
	month_any = 'jan' | 'feb' | 'mar' | 'apr' | 'may' | 'jun' | 'jul' | 'aug' | 'sep' | 'oct'
	          | 'nov' | 'dec';
*/

static slice mk(uptr s, uptr e)
{
	slice r = { NULL, 0 };
	if (s && e && e >= s) {
		r.s = (const char *)s;
		r.n = (size_t)(e - s);
	}
	return r;
}

static int num(uptr p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

static int month_of(uptr p)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char m[3] = { (char)(p[0] | 0x20), (char)(p[1] | 0x20), (char)(p[2] | 0x20) };
	for (int i = 0; i < 12; i++)
		if (!memcmp(names + 3 * i, m, 3))
			return i + 1;
	return 0;
}

static uptr anpa_line1(uptr cur, uptr lim, anpa_header *h)
{
	uptr mar = NULL, v0, v1, n0, n1, e0, e1;
	/*!stags:re2c:anpa1 format = 'uptr @@ = NULL;'; */
	/*!local:re2c:anpa1
		re2c:flags:nested-ifs = 1;
		@v0 alpha @v1 @n0 digit{4} @n1 [^\x1f\r\n\x00]{0,15} "\x1f" @e0 [^ \t\r\n\x00-\x1f]{0,8} @e1 lend {
			h->service = mk(v0, v1);
			h->story = mk(n0, n1);
			h->selector = mk(e0, e1);
			h->line1 = 1;
			return cur;
		}
		* { return NULL; }
		$ { return NULL; }
	*/
	(void)mar;
}

/* Words of a header line, split at blanks. */
typedef struct words {
	slice w[16];
	int n;
} words;

static void split_words(uptr s, uptr e, words *out)
{
	out->n = 0;
	while (s < e && out->n < 16) {
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		uptr t = s;
		while (t < e && *t != ' ' && *t != '\t')
			t++;
		if (t > s)
			out->w[out->n++] = mk(s, t);
		s = t;
	}
}

static int is_fdate(slice w)
{
	return w.n == 5 && w.s[2] == '-' && w.s[0] >= '0' && w.s[0] <= '9' && w.s[1] >= '0' &&
	       w.s[1] <= '9' && w.s[3] >= '0' && w.s[3] <= '9' && w.s[4] >= '0' && w.s[4] <= '9';
}

static int is_count(slice w)
{
	if (!w.n || w.n > 5)
		return 0;
	for (size_t i = 0; i < w.n; i++)
		if (w.s[i] < '0' || w.s[i] > '9')
			return 0;
	return 1;
}

static uptr anpa_line2(uptr cur, uptr lim, anpa_header *h)
{
	uptr mar = NULL, p0, f0, f1, k0, e0;
	/*!stags:re2c:anpa2 format = 'uptr @@ = NULL;'; */
	/*!local:re2c:anpa2
		re2c:flags:nested-ifs = 1;
		@p0 alpha " " alpha @f0 [\x11-\x14]* @f1 " "+ @k0 hword @e0 [^\r\n\x00]* "\r"? "\n" {
			/* keyword [version] [reference] MM-DD [word count], then blanks */
			uptr e = cur - 1;
			while (e > e0 && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
				e--;
			words w;
			split_words(k0, e, &w);
			int last = w.n - 1;
			if (last >= 1 && is_count(w.w[last]) && is_fdate(w.w[last - 1])) {
				h->words = w.w[last];
				h->date = w.w[last - 1];
				last -= 2;
			} else if (last >= 1 && is_fdate(w.w[last])) {
				h->date = w.w[last];
				last -= 1;
			} else {
				return NULL;
			}
			h->priority = mk(p0, p0 + 1);
			h->category = mk(p0 + 2, p0 + 3);
			if (f1 > f0)
				h->format = mk(f0, f1);
			h->keyword = w.w[0];
			if (last >= 1)
				h->version = w.w[1];
			if (last >= 2)
				h->reference = mk((uptr)w.w[2].s, (uptr)w.w[last].s + w.w[last].n);
			h->line2 = 1;
			return cur;
		}
		* { return NULL; }
		$ { return NULL; }
	*/
	(void)mar;
}

int scan_anpa_header(const char *p, const char *lim, anpa_header *out)
{
	memset(out, 0, sizeof(*out));
	uptr cur = (uptr)p;
	uptr after = anpa_line1(cur, (uptr)lim, out);
	if (after)
		cur = after;
	after = anpa_line2(cur, (uptr)lim, out);
	if (after)
		cur = after;
	out->end = (const char *)cur;
	return out->line1 || out->line2;
}

int scan_anpa_trailer(const char *p, const char *limit, wire_trailer *out)
{
	memset(out, 0, sizeof(*out));
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, r0, s0, s1, mo, hm, z0, z1;
	/*!stags:re2c:anpat format = 'uptr @@ = NULL;'; */
	/*!local:re2c:anpat
		re2c:flags:nested-ifs = 1;
		[ \t\r\n]* @r0 @s0 alpha alnum* ("-" alpha alnum*)* @s1 "-" @mo digit{2} "-" digit{2} "-" digit{2}
			" "+ @hm digit{4} @z0 alpha{2,4} @z1 {
			out->raw = mk(r0, z1);
			out->sender = mk(s0, s1);
			out->zone = mk(z0, z1);
			out->month = num(mo, 2);
			out->day = num(mo + 3, 2);
			int yy = num(mo + 6, 2);
			out->year = yy < 70 ? 2000 + yy : 1900 + yy;
			out->hour = num(hm, 2);
			out->minute = num(hm + 2, 2);
			return 1;
		}
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

int scan_iptc_header(const char *p, const char *limit, iptc_header *out)
{
	memset(out, 0, sizeof(*out));
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, s0, s1, e0;
	/*!stags:re2c:iptch format = 'uptr @@ = NULL;'; */
	/*!local:re2c:iptch
		re2c:flags:nested-ifs = 1;
		@s0 alpha+ @s1 digit+ " "+ digit " "+ alpha{1,4} " "+ digit+ @e0 [^\r\n\x00]* "\r"? "\n" {
			/* number, priority, category, word count, [optional information] [sender] */
			uptr e = cur - 1;
			while (e > e0 && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
				e--;
			out->source = mk(s0, s1);
			words w;
			split_words(s1, e, &w);
			if (w.n < 4)
				return 0;
			out->number = w.w[0];
			out->priority = w.w[1];
			out->category = w.w[2];
			out->words = w.w[3];
			/* Optional information follows the word count after one blank (ccccb); the
			 * sender's reference stands further off (  dpa 061). */
			int next = 4;
			if (w.n > 4 && w.w[4].s == w.w[3].s + w.w[3].n + 1)
				out->optional = w.w[next++];
			if (w.n > next)
				out->sender = mk((uptr)w.w[next].s, (uptr)w.w[w.n - 1].s + w.w[w.n - 1].n);
			out->end = (const char *)cur;
			return 1;
		}
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

int scan_iptc_trailer(const char *p, const char *limit, wire_trailer *out)
{
	memset(out, 0, sizeof(*out));
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL, r0, d0, z0, z1, m0, y0, y1;
	/*!stags:re2c:iptct format = 'uptr @@ = NULL;'; */
	/*!re2c:iptct
		[ \t\r\n]* @r0 @d0 digit{6} " "+ @z0 alpha{2,4} @z1 " "+ @m0 month_any " "+ @y0 digit{2,4} @y1 {
			out->raw = mk(r0, y1);
			out->zone = mk(z0, z1);
			out->day = num(d0, 2);
			out->hour = num(d0 + 2, 2);
			out->minute = num(d0 + 4, 2);
			out->month = month_of(m0);
			int y = num(y0, (int)(y1 - y0));
			out->year = y1 - y0 == 4 ? y : y < 70 ? 2000 + y : 1900 + y;
			return 1;
		}
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

int wire_zone_offset(slice zone, int *minutes)
{
	static const struct {
		const char *name;
		int minutes;
	} zones[] = { { "GMT", 0 }, { "UTC", 0 }, { "UT", 0 }, { "Z", 0 }, { "EST", -300 },
		      { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 }, { "MST", -420 },
		      { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 }, { "BST", 60 },
		      { "CET", 60 }, { "CEST", 120 }, { "MEZ", 60 }, { "MESZ", 120 } };
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (zone.n == strlen(zones[i].name) && !strncasecmp(zone.s, zones[i].name, zone.n)) {
			*minutes = zones[i].minutes;
			return 1;
		}
	return 0;
}

const char *anpa_priority_name(char c)
{
	switch (c) {
	case 'f': return "flash";
	case 'b': return "bulletin";
	case 'u': return "urgent";
	case 'r': return "regular";
	case 'd': case 'h': return "deferred";
	case 'a': case 's': return "weekday advance";
	case 'y': return "rerun";
	}
	return NULL;
}

const char *anpa_category_name(char c)
{
	switch (c) {
	case 'a': return "domestic general";
	case 'b': return "special events";
	case 'c': return "standing feature";
	case 'd': return "national summary";
	case 'e': return "entertainment";
	case 'f': return "business and financial";
	case 'g': return "state summary";
	case 'h': return "national headline";
	case 'i': return "international";
	case 'j': return "state headline";
	case 'k': return "commentary";
	case 'm': return "farm";
	case 'n': return "state and regional";
	case 'o': return "weather";
	case 'p': return "politics";
	case 'q': return "sports scores";
	case 'r': return "radio billboard";
	case 's': return "sports";
	case 't': return "TV billboard and advisories";
	case 'v': return "advisories";
	case 'w': return "Washington";
	}
	return NULL;
}
