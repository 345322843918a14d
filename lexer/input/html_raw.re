/* The bodies of scripts and style sheets left out of a saved page (lexer/input/html_raw.h).
 * The text between tags is skipped with memchr to the next '<'; there one re2c block tells what
 * libxml2's HTML parser (2.9) would read from it: a comment, a processing instruction, a
 * DOCTYPE or a bogus "<!" comment, an end tag, a start tag (its attributes, quoted values among
 * them, read by a second block), or a lone '<'. A <script> or <style> start tag that ends with
 * '>' (not "/>", which libxml2 takes as an empty element) starts raw text, which runs to the
 * first "</script" or "</style" as libxml2's recovering parser ends it; all of it but its line
 * ends is left out. Every construct is matched as libxml2 consumes it, so that a '<' inside a
 * comment or an attribute value never starts a tag here that the parser would not see. */
#include "lexer/input/html_raw.h"

#include <string.h>
#include <strings.h>

typedef const unsigned char *uptr;

/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "cur";
	re2c:define:YYMARKER = "mar";
	re2c:define:YYLIMIT = "lim";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:api:style = free-form;
	re2c:flags:nested-ifs = 1;

	blank = [ \t\n\r];
	namestart = [a-zA-Z_:.];
	namechar = [a-zA-Z0-9:_.\-];
	pi_start = [a-zA-Z_:\x80-\xff];
	literal = "\"" [^"]* "\""? | "'" [^']* "'"?;
*/

/* RAW_KEPT: a JSON-LD script, whose raw text stays but must still be passed over as raw text
 * (its strings may hold "<style>"). RAW_SVG: an <svg>, whose content (markup, not raw text, but
 * never read: icons, logos, their long path data) goes too when it ends inside itself. */
enum { RAW_NONE, RAW_SCRIPT, RAW_STYLE, RAW_KEPT, RAW_SVG };

/* What one piece of markup is: M_START a start tag that opens its element (ended by '>', not
 * "/>"), M_END an end tag, M_OTHER the rest (a comment, a "/>" tag, a lone '<'). */
enum { M_OTHER, M_START, M_END };

typedef struct markup {
	uptr end;        /* where the parser goes on after it */
	int kind, raw;   /* raw: the raw text (RAW_*) that starts at end */
	uptr name;       /* a tag's name, name_len bytes */
	size_t name_len;
} markup;

/* Whether a script's start tag names JSON-LD (type="application/ld+json", in any case): its
 * text is read for the page's metadata. A tag's few bytes, looked at once. */
static int names_json_ld(uptr s, uptr e)
{
	for (; e - s >= 7; s++)
		if ((*s == 'l' || *s == 'L') && !strncasecmp((const char *)s, "ld+json", 7))
			return 1;
	return 0;
}

/* A start tag's attributes from cur, as htmlParseStartTag reads them: the tag's end (past its
 * '>' or "/>"; lim when the page ends first). *opens: whether it ended with '>', the only end
 * after which a <script> or <style> holds raw text. */
static uptr tag_end(uptr cur, uptr lim, int *opens)
{
	uptr mar = NULL;
	*opens = 0;
	for (;;) {
		uptr tok = cur;
		/*!re2c
			blank+ { continue; }
			"/>" { return cur; }
			">" { *opens = 1; return cur; }
			$ { return lim; }
			namestart namechar* blank* "=" blank* literal { continue; }
			namestart namechar* blank* "=" blank* ([^ \t\n\r>"'] [^ \t\n\r>]*)? { continue; }
			namestart namechar* { continue; }
			* {
				/* a bogus attribute: skipped to a blank, '>' or "/>" */
				for (cur = tok + 1; cur < lim; cur++)
					if (*cur == ' ' || *cur == '\t' || *cur == '\n' || *cur == '\r' ||
					    *cur == '>' || (*cur == '/' && cur + 1 < lim && cur[1] == '>'))
						break;
				continue;
			}
		*/
	}
}

/* A comment's end from cur (past "<!--"): past its "-->" or "--!>", lim when it has none. */
static uptr comment_end(uptr cur, uptr lim)
{
	uptr mar = NULL;
	for (;;) {
		/*!re2c
			"--" "!"? ">" { return cur; }
			[^-]+ | "-" { continue; }
			$ { return lim; }
		*/
	}
}

/* Past the next '>' from cur; lim when there is none. The openings in after_markup are matched
 * alone, so that the longest match never runs a "<!" past the "<!--" of a comment. */
static uptr past_gt(uptr cur, uptr lim)
{
	uptr gt = memchr(cur, '>', (size_t)(lim - cur));
	return gt ? gt + 1 : lim;
}

/* The line ends in [s, e): few in a script (minified ones have none), so hopped to. */
static size_t line_ends(uptr s, uptr e)
{
	size_t k = 0;
	while (s < e && (s = memchr(s, '\n', (size_t)(e - s)))) {
		k++;
		s++;
	}
	return k;
}

/* The end of a raw text from cur: at its "</script" or "</style" (lim when it has none); *nl
 * counts its line ends. memchr goes from '<' to '<'; the block looks at each. libxml2 ends the
 * raw text at any "</script..." ("</style..."), reads that as an end tag (one that closes
 * nothing, "</scripts>", is passed over) and reads an end tag before raw text: at the raw
 * text's start and right after such a tag, an end tag of another element closes the script or
 * is passed over as the elements open decide, which a scanner does not follow: NULL then (the
 * page is left as it is). */
static uptr raw_end(uptr cur, uptr lim, int raw, size_t *nl)
{
	const char *own = raw == RAW_STYLE ? "style" : "script";
	size_t own_len = strlen(own);
	uptr mar = NULL, from = cur, tok;
	int end_tag_first = 1;
	for (;;) {
		tok = memchr(cur, '<', (size_t)(lim - cur));
		if (!tok) {
			*nl += line_ends(from, lim);
			return lim;
		}
		if (tok != cur)
			end_tag_first = 0;
		cur = tok;
		/*!re2c
			"</" namestart namechar* {
				size_t n = (size_t)(cur - tok - 2);
				if (n < own_len || strncasecmp((const char *)tok + 2, own, own_len)) {
					if (end_tag_first)
						return NULL; /* another element's end tag first */
					cur = tok + 2;   /* raw text */
					continue;
				}
				if (n == own_len)
					goto found;
				cur = past_gt(cur, lim); /* "</scripts>": closes nothing */
				end_tag_first = 1;
				continue;
			}
			$ { continue; }
			* {
				end_tag_first = 0;
				continue;
			}
		*/
	}
found: /* a goto: a break in a rule's action would leave the scanner's switch only */
	*nl += line_ends(from, tok);
	return tok;
}

/* What starts at cur (a '<'), as *m. */
static void after_markup(uptr cur, uptr lim, markup *m)
{
	uptr mar = NULL, tok = cur;
	int opens;
	*m = (markup){ NULL, M_OTHER, RAW_NONE, NULL, 0 };
	/*!re2c
		"<!--" { m->end = comment_end(cur, lim); return; }
		/* a DOCTYPE too: its quoted literals are taken to hold no '>' */
		"<!" | "<?" pi_start { m->end = past_gt(cur, lim); return; }
		"</" namestart namechar* {
			*m = (markup){ past_gt(cur, lim), M_END, RAW_NONE, tok + 2, (size_t)(cur - tok - 2) };
			return;
		}
		"<" [a-zA-Z] namechar* {
			m->end = tag_end(cur, lim, &opens);
			if (!opens)
				return;
			size_t n = (size_t)(cur - tok - 1);
			if (n == 6 && !strncasecmp((const char *)tok + 1, "script", 6))
				m->raw = names_json_ld(tok, m->end) ? RAW_KEPT : RAW_SCRIPT;
			else if (n == 5 && !strncasecmp((const char *)tok + 1, "style", 5))
				m->raw = RAW_STYLE;
			else if (n == 3 && !strncasecmp((const char *)tok + 1, "svg", 3))
				m->raw = RAW_SVG;
			*m = (markup){ m->end, M_START, m->raw, tok + 1, n };
			return;
		}
		$ { m->end = lim; return; }
		* { m->end = cur; return; }
	*/
}

static int tag_is(const markup *m, const char *name)
{
	size_t n = strlen(name);
	return m->name_len == n && !strncasecmp((const char *)m->name, name, n);
}

/* The end of an <svg>'s content from cur (past its start tag): the "</svg" that ends it, when
 * every end tag inside closes an element opened inside (so that dropping the content changes
 * nothing around it) and no <svg>, <html>, <head> or <body> starts inside (a nested one, or a
 * misplaced tag whose attributes libxml2 moves to the page's own); NULL when not. A scan that
 * fails stops at the next <svg> at the latest: each byte is scanned once for all of them. */
static uptr svg_end(uptr cur, uptr lim)
{
	enum { NAMES = 24 };
	struct seen_name {
		uptr name;
		size_t len, open;
	} seen[NAMES];
	size_t nseen = 0;
	while (cur < lim && (cur = memchr(cur, '<', (size_t)(lim - cur)))) {
		uptr tok = cur;
		markup m;
		after_markup(cur, lim, &m);
		cur = m.end;
		if (m.kind == M_OTHER)
			continue;
		if (m.kind == M_END && tag_is(&m, "svg"))
			return tok;
		if (m.kind == M_START && (tag_is(&m, "svg") || tag_is(&m, "html") ||
					  tag_is(&m, "head") || tag_is(&m, "body")))
			return NULL;
		size_t i = 0;
		while (i < nseen && (seen[i].len != m.name_len ||
				     strncasecmp((const char *)seen[i].name, (const char *)m.name, m.name_len)))
			i++;
		if (m.kind == M_END) {
			if (i == nseen || !seen[i].open)
				return NULL;
			seen[i].open--;
			continue;
		}
		if (i == nseen) {
			if (nseen == NAMES)
				return NULL;
			seen[nseen++] = (struct seen_name){ m.name, m.name_len, 0 };
		}
		seen[i].open++;
		if (m.raw != RAW_NONE && m.raw != RAW_SVG) {
			size_t nl = 0;
			if (!(cur = raw_end(cur, lim, m.raw, &nl)))
				return NULL;
		}
	}
	return NULL;
}

size_t html_drop_raw_text(const char *in, size_t len, char *out, size_t *out_len)
{
	uptr s = (uptr)in, lim = s + len, cur = s, copied = s;
	if (memchr(in, '\0', len))
		return 0;
	char *o = out;
	size_t dropped = 0;
	while (cur < lim && (cur = memchr(cur, '<', (size_t)(lim - cur)))) {
		markup m;
		after_markup(cur, lim, &m);
		cur = m.end;
		if (m.raw == RAW_NONE)
			continue;
		size_t nl = 0;
		uptr end;
		if (m.raw == RAW_SVG) {
			if (!(end = svg_end(cur, lim)))
				continue; /* its content read on as the page's */
			nl = line_ends(cur, end);
		} else {
			if (!(end = raw_end(cur, lim, m.raw, &nl)))
				return 0; /* the page left as it is */
		}
		if (m.raw == RAW_KEPT || (size_t)(end - cur) <= nl) {
			cur = end; /* kept, or nothing but line ends to leave out */
			continue;
		}
		memcpy(o, copied, (size_t)(cur - copied));
		o += cur - copied;
		memset(o, '\n', nl);
		o += nl;
		dropped += (size_t)(end - cur) - nl;
		copied = cur = end;
	}
	if (!dropped)
		return 0;
	memcpy(o, copied, (size_t)(lim - copied));
	o += lim - copied;
	*o = '\0';
	*out_len = (size_t)(o - out);
	return dropped;
}
