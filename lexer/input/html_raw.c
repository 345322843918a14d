/* A saved page without the bodies of its scripts and style sheets and the content of its SVG
 * pictures (lexer/input/html_raw.h). The text between tags is skipped with memchr to the next
 * '<'; what starts there is read by html_markup_at (lexer/input/html_raw.re) as libxml2 would.
 * A <script> or <style> start tag that ends with '>' (not "/>", which libxml2 takes as an empty
 * element) starts raw text, which runs to its own element's end tag (html_raw_end); all of it
 * but its line ends is left out, and so is an <svg>'s content when it ends inside itself. */
#include "lexer/input/html_raw.h"

#include <string.h>
#include <strings.h>

#include "lexer/input/html_raw_scan.h"

/* The data-* attributes the extraction reads (parser/input/html_score.c, html_headline.c):
 * tests/html_raw_attributes.sh fails when the parser names one that is not here. */
static const char *const data_read[] = { "data-component", "data-testid", "data-qa", NULL };

int html_raw_attribute_unread(uptr name, size_t n)
{
	if (html_name_is(name, n, "srcset"))
		return 1;
	if (n < 5 || strncasecmp((const char *)name, "data-", 5))
		return 0;
	for (int i = 0; data_read[i]; i++)
		if (html_name_is(name, n, data_read[i]))
			return 0;
	return 1;
}

/* Copies in[*copied, upto) to *o and moves *copied: the bytes kept between two left out. */
static void keep(char **o, uptr *copied, uptr upto)
{
	memcpy(*o, *copied, (size_t)(upto - *copied));
	*o += upto - *copied;
	*copied = upto;
}

/* Leaves out [s, e) but its line ends: the bytes left out. */
static size_t leave_out(char **o, uptr *copied, uptr s, uptr e, size_t nl)
{
	keep(o, copied, s);
	memset(*o, '\n', nl);
	*o += nl;
	*copied = e;
	return (size_t)(e - s) - nl;
}

static int tag_is(const markup *m, const char *name)
{
	return html_name_is(m->name, m->name_len, name);
}

/* Whether libxml2 lets no lower end tag close this element while it is open (its end tag
 * priorities: an open <div> or table part makes a "</svg>" after it be ignored). */
static int end_tag_outranks(const markup *m)
{
	static const char *const high[] = { "div", "td", "th", "tr", "thead", "tbody", "tfoot",
					    "table", NULL };
	for (int i = 0; high[i]; i++)
		if (tag_is(m, high[i]))
			return 1;
	return 0;
}

/* The end of an <svg>'s content from cur (past its start tag): the "</svg" that ends it, when
 * every end tag inside closes an element opened inside (so that dropping the content changes
 * nothing around it) and no <svg>, <html>, <head> or <body> starts inside (a nested one, or a
 * misplaced tag whose attributes libxml2 moves to the page's own), nor an element whose end tag
 * outranks the "</svg>" (end_tag_outranks), nor a DOCTYPE (which gives the document a DTD
 * wherever it stands); NULL when not. A scan that
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
		html_markup_at(cur, lim, &m);
		cur = m.end;
		if (m.unsure || m.kind == M_DOCTYPE)
			return NULL;
		if (m.kind == M_OTHER)
			continue;
		if (m.kind == M_END && tag_is(&m, "svg"))
			return tok;
		if (m.kind == M_START && (tag_is(&m, "svg") || tag_is(&m, "html") ||
					  tag_is(&m, "head") || tag_is(&m, "body") ||
					  end_tag_outranks(&m)))
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
			if (!(cur = html_raw_end(cur, lim, m.raw, &nl)))
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
	int seen_markup = 0;
	while (cur < lim && (cur = memchr(cur, '<', (size_t)(lim - cur)))) {
		markup m;
		html_markup_at(cur, lim, &m);
		cur = m.end;
		/* A DOCTYPE after the page's first markup puts libxml2's count of lines out (by
		 * how much depends on the bytes around it, which the copy changes): the page is
		 * left as it is, as when a name is over 100 bytes. */
		if (m.unsure || (m.kind == M_DOCTYPE && seen_markup))
			return 0;
		seen_markup = 1;
		for (int i = 0; i < m.ncuts; i++)
			dropped += leave_out(&o, &copied, m.cuts[i].s, m.cuts[i].e,
					     html_line_ends(m.cuts[i].s, m.cuts[i].e));
		if (m.raw == RAW_NONE)
			continue;
		size_t nl = 0;
		uptr end;
		if (m.raw == RAW_SVG) {
			if (!(end = svg_end(cur, lim)))
				continue; /* its content read on as the page's */
			nl = html_line_ends(cur, end);
		} else {
			if (!(end = html_raw_end(cur, lim, m.raw, &nl)))
				return 0; /* the page left as it is */
		}
		if (m.raw == RAW_KEPT || (size_t)(end - cur) <= nl) {
			cur = end; /* kept, or nothing but line ends to leave out */
			continue;
		}
		dropped += leave_out(&o, &copied, cur, end, nl);
		cur = end;
	}
	if (!dropped)
		return 0;
	keep(&o, &copied, lim);
	*o = '\0';
	*out_len = (size_t)(o - out);
	return dropped;
}
