/* XML for the markup forms: libxml2 reads the document safely, and the helpers the NITF and
 * NewsML walks share. Safe: no network (XML_PARSE_NONET), no DTD loaded, no entity substituted
 * (neither XML_PARSE_DTDLOAD nor XML_PARSE_NOENT), no huge-document relaxation (XML_PARSE_HUGE
 * off), and a document whose DTD declares any entity is refused before libxml2 sees it: the
 * formats need none, and that is what external-entity (XXE) and entity-expansion ("billion
 * laughs") attacks are made of. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "lexer/core/diag.h"
#include "parser/input/markup_walk.h"

/* libxml2 wants its globals set up once, before threads use it. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

void mk_xml_init(void)
{
	pthread_once(&xml_once, xml_init);
}

static int starts(const char *p, const char *lim, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(lim - p) >= n && !memcmp(p, lit, n);
}

static const char *find(const char *p, const char *lim, const char *lit)
{
	size_t n = strlen(lit);
	for (; p && (size_t)(lim - p) >= n; p++) {
		p = memchr(p, lit[0], (size_t)(lim - p));
		if (!p || (size_t)(lim - p) < n)
			return NULL;
		if (!memcmp(p, lit, n))
			return p;
	}
	return NULL;
}

/* Offset of an entity declaration in the prolog (the DOCTYPE's internal subset), or -1. Walks
 * the processing instructions, comments and DOCTYPE before the root element. */
static long entity_declaration(const char *s, size_t len)
{
	const char *p = s, *lim = s + len;
	while ((p = memchr(p, '<', (size_t)(lim - p)))) {
		if (starts(p, lim, "<?")) {
			const char *q = find(p + 2, lim, "?>");
			if (!q)
				return -1;
			p = q + 2;
		} else if (starts(p, lim, "<!--")) {
			const char *q = find(p + 4, lim, "-->");
			if (!q)
				return -1;
			p = q + 3;
		} else if (starts(p, lim, "<!DOCTYPE")) {
			/* Up to its '>' outside the internal subset's brackets and quotes. */
			int depth = 0;
			char quote = 0;
			for (p += 9; p < lim; p++) {
				if (quote) {
					if (*p == quote)
						quote = 0;
				} else if (*p == '"' || *p == '\'') {
					quote = *p;
				} else if (*p == '[') {
					depth++;
				} else if (*p == ']') {
					depth--;
				} else if (*p == '<' && depth > 0 && starts(p, lim, "<!ENTITY")) {
					return (long)(p - s);
				} else if (*p == '>' && depth <= 0) {
					break;
				}
			}
			if (p < lim)
				p++;
		} else {
			return -1; /* the root element */
		}
	}
	return -1;
}

/* Input offset of a 1-based line and column, through a table of line starts built once (every
 * block asks: a scan per block would be quadratic). */
static uint64_t line_col(mk *m, int line, int col)
{
	if (line < 1)
		return 0;
	if (!m->lines) {
		size_t n = 2;
		for (const char *p = m->input; (p = memchr(p, '\n', (size_t)(m->input + m->len - p))); p++)
			n++;
		m->lines = malloc(n * sizeof *m->lines);
		if (!m->lines)
			return 0;
		m->lines[0] = 0;
		m->lines[1] = 0;
		m->nlines = 2;
		for (const char *p = m->input; (p = memchr(p, '\n', (size_t)(m->input + m->len - p))); p++)
			m->lines[m->nlines++] = (size_t)(p - m->input) + 1;
	}
	if ((size_t)line >= m->nlines)
		return m->len;
	size_t off = m->lines[line];
	if (col > 1)
		off += (size_t)col - 1;
	return off < m->len ? off : m->len;
}

/* The declared encoding names a wide encoding, while the reader already decoded the bytes to
 * UTF-8 (parser/input/wide.c, from their byte-order mark): libxml2 must read UTF-8. */
static int declares_wide(const char *buf, size_t len)
{
	if (len < 5 || memcmp(buf, "<?xml", 5))
		return 0;
	const char *end = find(buf, buf + (len < 200 ? len : 200), "?>");
	const char *enc = end ? find(buf, end, "encoding") : NULL;
	if (!enc)
		return 0;
	for (const char *p = enc; p + 5 < end; p++)
		if ((p[0] | 0x20) == 'u' && (p[1] | 0x20) == 't' && (p[2] | 0x20) == 'f' && p[3] == '-' &&
		    (p[4] == '1' || p[4] == '3'))
			return memchr(buf, '\0', len) == NULL;
	return 0;
}

xmlDoc *mk_xml_read(mk *m, const char *buf, size_t len, const char *what)
{
	pthread_once(&xml_once, xml_init);
	long ent = entity_declaration(buf, len);
	if (ent >= 0) {
		diag_in(m->to.diags, CW_ERROR, "XML_ENTITY_REFUSED", (uint64_t)ent,
			"this %s document declares an entity in its DTD: refused (entities are how "
			"external-entity and entity-expansion attacks work, and no news format needs "
			"one)", what);
		return NULL;
	}
	xmlParserCtxt *ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		m->to.arena->failed = 1;
		return NULL;
	}
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
		   XML_PARSE_NOCDATA;
	const char *enc = declares_wide(buf, len) ? "UTF-8" : NULL;
	if (len > (size_t)0x7fffffff)
		len = 0x7fffffff;
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, enc, opts);
	if (!doc || !ctxt->wellFormed) {
		const xmlError *err = xmlCtxtGetLastError(ctxt);
		char msg[256] = "not well-formed";
		int line = 0, col = 0;
		if (err && err->message) {
			snprintf(msg, sizeof msg, "%s", err->message);
			size_t n = strlen(msg);
			while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
				msg[--n] = '\0';
			line = err->line;
			col = err->int2;
			if (line == 1 && (size_t)col > m->shift)
				col -= (int)m->shift;
		}
		diag_in(m->to.diags, CW_ERROR, "XML_MALFORMED", line_col(m, line, col),
			"this %s document is not well-formed XML: %s", what, msg);
		if (doc)
			xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

uint64_t mk_line_offset(mk *m, int line) { return line_col(m, line, 1); }

xmlDoc *mk_html_read(const char *buf, size_t len)
{
	pthread_once(&xml_once, xml_init);
	if (len > (size_t)0x7fffffff)
		len = 0x7fffffff;
	/* html and body implied: without them libxml2 nests a fragment's second <p> inside its
	 * first (a ninjs body_html of several paragraphs read as one). */
	return htmlReadMemory(buf, (int)len, NULL, "UTF-8",
			      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
}

uint64_t mk_at(mk *m, const xmlNode *n)
{
	if (m->apart)
		return m->apart_at;
	long line = n ? xmlGetLineNo(n) : -1;
	if (line < 1)
		return 0;
	uint64_t off = line_col(m, (int)line, 1);
	const char *p = m->input + off, *lim = m->input + m->len;
	const char *nl = memchr(p, '\n', (size_t)(lim - p));
	const char *le = nl ? nl : lim;
	size_t nn = strlen((const char *)n->name);
	for (const char *q = p; q + nn < le; q++)
		if ((*q == '<' || *q == ':') && !memcmp(q + 1, n->name, nn)) {
			while (q > p && *q != '<')
				q--;
			return (uint64_t)(q - m->input);
		}
	return off;
}

int mk_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

xmlNode *mk_child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (mk_is(c, name))
			return c;
	return NULL;
}

xmlNode *mk_find(xmlNode *n, const char *name)
{
	/* Iterative: a deep document must not cost a deep C stack. */
	xmlNode *root = n;
	while (n) {
		if (mk_is(n, name))
			return n;
		n = mk_next(root, n, n->children && n->type == XML_ELEMENT_NODE);
	}
	return NULL;
}

char *mk_text(const xmlNode *n) { return n ? (char *)xmlNodeGetContent(n) : NULL; }

void mk_block_of(mk *m, int role, const xmlNode *n)
{
	char *t = mk_text(n);
	if (t)
		mk_block(m, role, t, strlen(t), mk_at(m, n));
	xmlFree(t);
}

const char *mk_attr(mk *m, const xmlNode *n, const char *name)
{
	if (!n)
		return NULL;
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	const char *s = v ? mk_cstr(m, (const char *)v) : NULL;
	xmlFree(v);
	return s;
}

/* ---- the body -------------------------------------------------------------------------------- */

static int one_of(const xmlNode *n, const char *const *names)
{
	const char *name = (const char *)n->name;
	for (; *names; names++)
		if (!strcasecmp(name, *names))
			return 1;
	return 0;
}

static const char *const block_names[] = { "p", "li", "pre", "dt", "dd", "h1", "hl1", "fn",
					   "bq", "blockquote", "nitf-table-summary", NULL };
static const char *const subhead_names[] = { "h2", "h3", "h4", "h5", "h6", "hl2", NULL };
static const char *const skip_names[] = { "media", "script", "style", "head", "title", "img",
					  "figure", "iframe", "object", "video", "audio",
					  "nitf-table-metadata", "noscript", "credit", NULL };
static const char *const inline_names[] = { "a", "em", "strong", "b", "i", "u", "span", "br",
					    "person", "org", "location", "chron", "money", "num",
					    "event", "function", "object.title", "virtloc", "q",
					    "sub", "sup", "small", "abbr", "cite", "code", "lang",
					    "pronounce", "classifier", "copyrite", "alt-code", "tt",
					    "mark", "time", "s", "del", "ins", NULL };

typedef struct pending {
	char *buf;
	size_t n, cap;
	uint64_t at;
} pending;

static void pend(mk *m, pending *p, const char *s, size_t n, uint64_t at)
{
	if (!n)
		return;
	if (!p->n)
		p->at = at;
	if (p->n + n + 1 > p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		while (cap < p->n + n + 1)
			cap *= 2;
		char *b = arena_alloc(m->to.arena, cap);
		if (!b)
			return;
		if (p->n)
			memcpy(b, p->buf, p->n);
		p->buf = b;
		p->cap = cap;
	}
	memcpy(p->buf + p->n, s, n);
	p->n += n;
}

static void flush(mk *m, pending *p)
{
	mk_block(m, MR_PARA, p->buf, p->n, p->at);
	p->n = 0;
}

/* A picture's caption and its credit as one block (a photo credit ends its caption): NITF's
 * media-caption and media-producer, an XHTML figure's figcaption. */
static void picture(mk *m, const xmlNode *n)
{
	char *caption = mk_text(mk_find((xmlNode *)n, mk_is(n, "media") ? "media-caption" : "figcaption"));
	char *producer = mk_is(n, "media") ? mk_text(mk_find((xmlNode *)n, "media-producer")) : NULL;
	size_t cn = caption ? strlen(caption) : 0, pn = producer ? strlen(producer) : 0;
	char *b = arena_alloc(m->to.arena, cn + pn + 2);
	if (b && cn + pn) {
		memcpy(b, caption ? caption : "", cn);
		b[cn] = ' ';
		memcpy(b + cn + 1, producer ? producer : "", pn);
		mk_block(m, MR_PHOTO, b, cn + 1 + pn, mk_at(m, n));
	}
	xmlFree(caption);
	xmlFree(producer);
}

void mk_body(mk *m, const xmlNode *container)
{
	/* Iterative over the containers: a stack of where each level goes on. */
	enum { MAX_DEPTH = 256 };
	const xmlNode *stack[MAX_DEPTH];
	int depth = 0;
	pending p = { NULL, 0, 0, 0 };
	const xmlNode *c = container ? container->children : NULL;
	for (;;) {
		if (!c) {
			flush(m, &p);
			if (depth == 0)
				break;
			c = stack[--depth];
			continue;
		}
		const xmlNode *next = c->next;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *)c->content;
			if (t)
				pend(m, &p, t, strlen(t), mk_at(m, c->parent));
		} else if (mk_is(c, "media") || mk_is(c, "figure")) {
			flush(m, &p);
			picture(m, c);
		} else if (c->type != XML_ELEMENT_NODE || one_of(c, skip_names)) {
			/* comments, processing instructions, other media */
		} else if (one_of(c, inline_names)) {
			char *t = mk_text(c);
			if (t)
				pend(m, &p, t, strlen(t), mk_at(m, c));
			if (mk_is(c, "br"))
				pend(m, &p, " ", 1, 0);
			xmlFree(t);
		} else if (one_of(c, block_names) || one_of(c, subhead_names)) {
			flush(m, &p);
			mk_block_of(m, one_of(c, subhead_names) ? MR_SUBHEAD : MR_PARA, c);
		} else if (depth < MAX_DEPTH) {
			/* a container: div, section, block, body.content, ul, table, ... */
			flush(m, &p);
			stack[depth++] = next;
			c = c->children;
			continue;
		}
		c = next;
	}
}

int mk_name_in(const xmlNode *n, const char *const *names)
{
	const char *s = (const char *)n->name;
	for (; *names; names++)
		if ((*names)[0] == s[0] && !strcmp(s, *names))
			return 1;
	return 0;
}

xmlNode *mk_next(const xmlNode *root, xmlNode *n, int descend)
{
	if (descend)
		return n->children;
	while (n && n != root && !n->next)
		n = n->parent;
	return !n || n == root ? NULL : n->next;
}
