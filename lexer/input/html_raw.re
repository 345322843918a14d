/* The scanners of lexer/input/html_raw_scan.h: a piece of markup as libxml2's HTML parser (2.9)
 * reads it (a comment, a processing instruction, a DOCTYPE, an end tag, a start tag with its
 * attributes, quoted values among them, or a '<' that is text), and a raw text's end. Every
 * construct is matched as libxml2 consumes it, so that a '<' inside a comment or an attribute
 * value never starts a tag here that the parser would not see. */
#include "lexer/input/html_raw_scan.h"

#include <string.h>
#include <strings.h>

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
	pi_start = [a-zA-Z_:];
	literal = "\"" [^"]* "\""? | "'" [^']* "'"?;
*/

/* Whether a script's start tag names JSON-LD (type="application/ld+json", in any case): its
 * text is read for the page's metadata. A tag's few bytes, looked at once. */
static int names_json_ld(uptr s, uptr e)
{
	for (; e - s >= 7; s++)
		if ((*s == 'l' || *s == 'L') && !strncasecmp((const char *)s, "ld+json", 7))
			return 1;
	return 0;
}

/* libxml2 reads a tag's or an attribute's name to 100 bytes and the rest as what follows: a
 * longer one is not followed here (m->unsure: the page is left as it is). */
static void check_name(markup *m, size_t n)
{
	if (n > 100)
		m->unsure = 1;
}

/* An attribute with a value, [s, e), noted to be left out when nothing reads it
 * (html_raw_attribute_unread) and the tag has room. */
static void cut_attribute(markup *m, uptr s, uptr e)
{
	uptr name = s;
	while (s < e && *s != '=' && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
		s++;
	check_name(m, (size_t)(s - name));
	if (m->ncuts < MARKUP_CUTS && html_raw_attribute_unread(name, (size_t)(s - name)))
		m->cuts[m->ncuts++] = (attr_cut){ name, e };
}

/* A start tag's attributes from cur, as htmlParseStartTag reads them: the tag's end (past its
 * '>' or "/>"; lim when the page ends first). *opens: whether it ended with '>', the only end
 * after which a <script> or <style> holds raw text. m->cuts: its unread attributes. */
static uptr tag_end(uptr cur, uptr lim, int *opens, markup *m)
{
	uptr mar = NULL;
	*opens = 0;
	m->ncuts = 0;
	m->unsure = 0;
	for (;;) {
		uptr tok = cur;
		/*!re2c
			blank+ { continue; }
			"/>" { return cur; }
			">" { *opens = 1; return cur; }
			$ { m->ncuts = 0; return lim; }
			namestart namechar* blank* "=" blank* literal
			| namestart namechar* blank* "=" blank* ([^ \t\n\r>"'] [^ \t\n\r>]*)? {
				cut_attribute(m, tok, cur);
				continue;
			}
			namestart namechar* {
				check_name(m, (size_t)(cur - tok));
				continue;
			}
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

/* Past the next '>' from cur; lim when there is none. The openings in html_markup_at are matched
 * alone, so that the longest match never runs a "<!" past the "<!--" of a comment. */
static uptr past_gt(uptr cur, uptr lim)
{
	uptr gt = memchr(cur, '>', (size_t)(lim - cur));
	return gt ? gt + 1 : lim;
}

size_t html_line_ends(uptr s, uptr e)
{
	size_t k = 0;
	while (s < e && (s = memchr(s, '\n', (size_t)(e - s)))) {
		k++;
		s++;
	}
	return k;
}

int html_name_is(uptr name, size_t n, const char *word)
{
	return strlen(word) == n && !strncasecmp((const char *)name, word, n);
}

/* Whether a start tag of this name closes a raw element (libxml2's own table, as it behaves). */
static int closes_raw(int raw, uptr name, size_t n)
{
	if (raw != RAW_STYLE)
		return html_name_is(name, n, "noscript");
	return html_name_is(name, n, "body") || html_name_is(name, n, "frameset");
}

uptr html_raw_end(uptr cur, uptr lim, int raw, size_t *nl)
{
	const char *own = raw == RAW_STYLE ? "style" : "script";
	size_t own_len = strlen(own);
	uptr from = cur, tok;
	int end_tag_first = 1;
	for (;;) {
		tok = memchr(cur, '<', (size_t)(lim - cur));
		if (!tok) {
			*nl += html_line_ends(from, lim);
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
				/* "</scripts>" ends the raw text too, as an end tag of its own: it closes
				 * nothing, or an element of that name open around the script, and the
				 * raw text goes on or not as the elements open decide */
				return NULL;
			}
			"</" {
				/* "</" and no name: libxml2 passes over the two bytes and, where it read
				 * tags first, goes on reading tags first */
				cur = tok + 2;
				continue;
			}
			"<" [a-zA-Z_:] namechar* {
				/* libxml2 lets a start tag close the element where an end tag is read
				 * first: <noscript> a script, <body> and <frameset> a style sheet */
				/* the name as libxml2 reads it for that: to a '.' (its look-ahead for
				 * names takes no '.', the tag's own name does) */
				uptr dot = memchr(tok + 1, '.', (size_t)(cur - tok - 1));
				size_t n = (size_t)((dot ? dot : cur) - tok - 1);
				if (end_tag_first && closes_raw(raw, tok + 1, n))
					goto found;
				end_tag_first = 0;
				cur = tok + 1;
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
	*nl += html_line_ends(from, tok);
	return tok;
}

void html_markup_at(uptr cur, uptr lim, markup *m)
{
	uptr mar = NULL, tok = cur;
	int opens;
	m->end = NULL;
	m->kind = M_OTHER;
	m->raw = RAW_NONE;
	m->ncuts = 0;
	m->unsure = 0;
	/*!re2c
		"<!--" { m->end = comment_end(cur, lim); return; }
		/* a DOCTYPE's quoted literals are taken to hold no '>' */
		"<!" 'doctype' {
			m->end = past_gt(cur, lim);
			m->kind = M_DOCTYPE;
			return;
		}
		"<?" pi_start { m->end = past_gt(cur, lim); return; }
		/* a processing instruction's name may start with a letter of another script, which
		 * libxml2 tells by Unicode's classes: not followed here */
		"<?" [\x80-\xff] {
			m->end = cur;
			m->unsure = 1;
			return;
		}
		/* another "<!" is text to libxml2 2.9 ("<![CDATA[" too): its '<' alone */
		"<!" { m->end = tok + 1; return; }
		"</" namestart namechar* {
			m->end = past_gt(cur, lim);
			m->kind = M_END;
			m->name = tok + 2;
			m->name_len = (size_t)(cur - tok - 2);
			return;
		}
		"<" [a-zA-Z] namechar* {
			m->end = tag_end(cur, lim, &opens, m);
			check_name(m, (size_t)(cur - tok - 1));
			if (!opens)
				return;
			size_t n = (size_t)(cur - tok - 1);
			if (html_name_is(tok + 1, n, "script"))
				m->raw = names_json_ld(tok, m->end) ? RAW_KEPT : RAW_SCRIPT;
			else if (html_name_is(tok + 1, n, "style"))
				m->raw = RAW_STYLE;
			else if (html_name_is(tok + 1, n, "svg"))
				m->raw = RAW_SVG;
			m->kind = M_START;
			m->name = tok + 1;
			m->name_len = n;
			return;
		}
		$ { m->end = lim; return; }
		* { m->end = cur; return; }
	*/
}
