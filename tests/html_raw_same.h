/* Whether a page and the page without its scripts' and style sheets' text
 * (lexer/input/html_raw.h) parse to the same tree in libxml2's HTML parser, with cablewire's
 * options: the same elements with the same names, attributes and line numbers, the same text
 * and comments, but for the text inside <script> and <style>, which is the same or is nothing
 * but line ends, for what is inside an <svg>, and for the attributes nothing reads. Shared by the unit test (tests/check_html_raw.c) and the fuzz target
 * (tests/fuzz/fuzz_html_raw.c), which hunts for a page where the two tokenize apart. */
#ifndef CW_TESTS_HTML_RAW_SAME_H
#define CW_TESTS_HTML_RAW_SAME_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "lexer/input/html_raw.h"

enum { HTML_RAW_OPTS = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		       HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC |
		       HTML_PARSE_COMPACT };

static int raw_same_is_raw(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       (!strcmp((const char *)n->name, "script") || !strcmp((const char *)n->name, "style"));
}

/* The first attribute from x on that the extraction may read (html_raw_attribute_unread). */
static const xmlAttr *raw_same_read(const xmlAttr *x)
{
	while (x && html_raw_attribute_unread(x->name, strlen((const char *)x->name)))
		x = x->next;
	return x;
}

/* The first difference between two sibling lists, written to why; 1 when there is none. */
static int raw_same_nodes(const xmlNode *a, const xmlNode *b, char *why, size_t cap)
{
	for (; a && b; a = a->next, b = b->next) {
		if (a->type != b->type || xmlStrcmp(a->name, b->name) ||
		    xmlGetLineNo(a) != xmlGetLineNo(b)) {
			snprintf(why, cap, "node <%s> line %ld against <%s> line %ld",
				 a->name ? (const char *)a->name : "", xmlGetLineNo(a),
				 b->name ? (const char *)b->name : "", xmlGetLineNo(b));
			return 0;
		}
		if (a->type == XML_ELEMENT_NODE) {
			const xmlAttr *x = raw_same_read(a->properties), *y = raw_same_read(b->properties);
			for (; x && y; x = raw_same_read(x->next), y = raw_same_read(y->next)) {
				xmlChar *u = xmlNodeGetContent((const xmlNode *)x);
				xmlChar *v = xmlNodeGetContent((const xmlNode *)y);
				int same = !xmlStrcmp(x->name, y->name) && !xmlStrcmp(u, v);
				xmlFree(u);
				xmlFree(v);
				if (!same) {
					snprintf(why, cap, "<%s> line %ld: attribute %s against %s",
						 a->name, xmlGetLineNo(a), x->name, y->name);
					return 0;
				}
			}
			if (x || y) {
				snprintf(why, cap, "<%s> line %ld: attribute counts differ", a->name,
					 xmlGetLineNo(a));
				return 0;
			}
			if (!strcmp((const char *)a->name, "svg")) {
				/* its content left out whole, or kept: never read */
			} else if (raw_same_is_raw(a)) {
				/* left out whole (its line ends alone stay: the lines of what follows
				 * check their count, which may exceed the text's own when an end tag
				 * that closed nothing spanned lines) or kept whole */
				xmlChar *u = xmlNodeGetContent(a), *v = xmlNodeGetContent(b);
				int same = !xmlStrcmp(u, v) || !v || !v[strspn((const char *)v, "\n")];
				xmlFree(u);
				xmlFree(v);
				if (!same) {
					snprintf(why, cap, "<%s> line %ld: its text is neither kept nor left out",
						 a->name, xmlGetLineNo(a));
					return 0;
				}
			} else if (!raw_same_nodes(a->children, b->children, why, cap)) {
				return 0;
			}
		} else if (xmlStrcmp(a->content, b->content)) {
			snprintf(why, cap, "text at line %ld differs: [%.80s] against [%.80s]", xmlGetLineNo(a), a->content ? (const char *)a->content : "", b->content ? (const char *)b->content : "");
			return 0;
		}
	}
	if (a || b) {
		snprintf(why, cap, "node counts differ (%s left over)", a ? "the page's" : "the copy's");
		return 0;
	}
	return 1;
}

/* 1 when page (len bytes, page[len] readable) and its copy without raw text parse alike, or
 * when no copy is made (nothing to leave out); 0 with why written when they differ. *dropped:
 * the bytes left out. */
static int html_raw_same(const char *page, size_t len, size_t *dropped, char *why, size_t cap)
{
	char *lean = malloc(len + 1);
	size_t lean_len = 0;
	if (!lean)
		return 1;
	*dropped = html_drop_raw_text(page, len, lean, &lean_len);
	int same = 1;
	if (*dropped) {
		xmlDoc *a = htmlReadMemory(page, (int)len, NULL, "UTF-8", HTML_RAW_OPTS);
		xmlDoc *b = htmlReadMemory(lean, (int)lean_len, NULL, "UTF-8", HTML_RAW_OPTS);
		if (!a || !b) {
			same = !a && !b;
			snprintf(why, cap, "one of the two parses gave no document");
		} else {
			same = raw_same_nodes(a->children, b->children, why, cap);
		}
		xmlFreeDoc(a);
		xmlFreeDoc(b);
	}
	free(lean);
	return same;
}

#endif
