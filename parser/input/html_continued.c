/* A story the page cut into two boxes or more: its text in one box, an advertisement, then the
 * rest of its text in a box built the same way (the page's template repeated: "body top", an ad
 * slot, "body bottom"). Scoring takes the box with most prose; the rest would be lost, always
 * the story's end. The continuation is found by the page's structure alone: a later sibling of
 * the container or of one of its near ancestors holding a box of the container's own kind (the
 * same element with the same class), with only prose-less boxes (an ad, an empty slot) between.
 * Each sibling's subtree is walked once: linear. */
#include <string.h>

#include "parser/input/html_page.h"

/* How far up the container's ancestors the story's halves may part, and how many prose-less
 * boxes may stand between them. */
enum { CONT_LEVELS = 4, CONT_GAP = 3, CONT_PROSE = 100 };

static const char *class_attr(const xmlNode *n)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, "class") && a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

/* The container's kind: its element's name and its class (a box without a class has no kind
 * to be told by: an anonymous <div> repeats everywhere). */
static int same_kind(const xmlNode *n, const xmlNode *container, const char *cls)
{
	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, (const char *)container->name))
		return 0;
	const char *c = class_attr(n);
	return c && !strcmp(c, cls);
}

/* A half of a story: a paragraph's worth of prose at least, and mostly text, not links (a
 * box of the same layout class holding a list of other stories' links is not). */
static int story_half(const html_stat *st)
{
	return st->prose >= CONT_PROSE && (uint64_t)st->link * 2 < st->text;
}

/* The first box of the container's kind in top's subtree holding prose, furniture and dropped
 * parts not entered; NULL when none. */
static xmlNode *kind_in(xmlNode *top, const xmlNode *container, const char *cls)
{
	xmlNode *n = top;
	while (n) {
		int descend = n->type == XML_ELEMENT_NODE && n->children && n->_private;
		if (descend) {
			const html_stat *st = html_st(n);
			if (st->inside & 7)
				descend = 0;
			else if (same_kind(n, container, cls))
				return story_half(st) ? n : NULL;
		}
		n = mk_next(top, n, descend);
	}
	return NULL;
}

size_t html_continued(xmlNode *container, xmlNode *body, xmlNode **out, size_t cap)
{
	if (!container || !container->_private || container == body)
		return 0;
	/* the box that names the container's kind: the container, or the nearest of its
	 * ancestors with a class (a page's template wraps each half the same way) */
	xmlNode *anchor = container;
	const char *cls = class_attr(anchor);
	for (int up = 0; up < CONT_LEVELS && (!cls || !*cls); up++) {
		anchor = anchor->parent;
		if (!anchor || anchor == body || !anchor->_private)
			return 0;
		cls = class_attr(anchor);
	}
	if (!cls || !*cls)
		return 0;
	size_t k = 0;
	xmlNode *a = anchor;
	for (int up = 0; up < CONT_LEVELS && a && a != body && a->_private; up++, a = a->parent) {
		int gap = 0;
		for (xmlNode *s = a->next; s && k < cap && gap <= CONT_GAP; s = s->next) {
			if (s->type != XML_ELEMENT_NODE || !s->_private)
				continue;
			const html_stat *st = html_st(s);
			if (st->inside & 3 || st->prose <= 0) {
				/* an ad, a slot, a share bar between the halves */
				gap++;
				continue;
			}
			xmlNode *d = kind_in(s, anchor, cls);
			if (!d)
				break;
			out[k++] = d;
			gap = 0;
		}
		if (k)
			break;
	}
	return k;
}
