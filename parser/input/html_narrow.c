/* The scored container narrowed to the story's own box, by the page's structure: the box that
 * scoring found can hold the story and, beside it, boxes the page built apart from it (a
 * product's cards after a buying guide's text). Scoring adds them up; the page's markup says
 * where the story stops. Every rule here walks the container once: linear. */
#include <stdlib.h>
#include <string.h>

#include "parser/input/html_page.h"

/* A story's worth of prose (bytes of paragraphs that read as prose, html_main_container). */
enum { STORY_PROSE = 1000 };

/* The one element of that name inside the container, outside its furniture, holding prose
 * bytes at least: NULL when there is none, or two or more (a feed, a list of stories). Used for
 * the page's one <article> holding a story's worth of prose (the page's own word for where its
 * story is, what trafilatura's first rule reads too) and its one <h1>. */
static xmlNode *own_one(xmlNode *container, const char *name, float prose)
{
	xmlNode *found = NULL;
	xmlNode *n = container->children;
	while (n && n != container) {
		int descend = n->type == XML_ELEMENT_NODE && n->children != NULL;
		if (n->type == XML_ELEMENT_NODE && n->_private) {
			const html_stat *st = html_st(n);
			if (st->inside & 7)
				descend = 0;
			else if (!strcmp((const char *)n->name, name) && st->prose >= prose) {
				if (found)
					return NULL;
				found = n;
				descend = 0;
			}
		}
		n = mk_next(container, n, descend);
	}
	return found;
}

/* The story's box by its headline: the nearest box around the page's one <h1> holding a
 * story's worth of prose, when that is most of the container's prose. A page whose furniture
 * is not marked as such (no nav, aside or footer, no class words) adds its other boxes' prose
 * (a privacy notice, an ad-blocker notice, other stories' summaries) to the scored container;
 * the box that holds the headline with most of the story is the story's. A box with less
 * (a header holding a notice beside the headline) is not. None when that box is the container
 * itself. A walk up from the h1: bounded by the depth. */
static xmlNode *headline_box(xmlNode *container)
{
	xmlNode *h1 = own_one(container, "h1", 0);
	if (!h1)
		return NULL;
	for (xmlNode *a = h1->parent; a && a != container && a->_private; a = a->parent)
		if (html_st(a)->prose >= STORY_PROSE)
			return html_st(a)->prose * 2 >= html_st(container)->prose ? a : NULL;
	return NULL;
}

/* ---- posts of their own ---- */

enum { OWN_HEADING = 1, OWN_BYLINE = 2, OWN_TITLE_LINK = 4, OWN_PICTURE = 8, OWN_HEAD = 15 };
static const char *const post_heads[] = { "h2", "h3", "h4", NULL };
static const char *const post_boxes[] = { "div", "section", "article", "li", NULL };

/* A text node holding a sentence's worth of words (80 bytes besides blanks). */
static int loose_sentence(const char *s)
{
	size_t k = 0;
	for (; *s && k < 80; s++)
		k += *s != ' ' && *s != '\n' && *s != '\t' && *s != '\r';
	return k >= 80;
}

/* A post of its own, a box holding some prose whose head, above its first paragraph, is
 * either its own heading and its own byline or time stamp (a live blog's entries, a roundup's
 * embedded posts), or, without a heading, a title link and a picture (a ranked list's or a
 * shop's item cards: the item's name linked to its own page, its photo). The head is looked
 * for among the box's first 64 nodes: bounded. */
static int own_post(const xmlNode *n, const unsigned char *flags, const html_tree *t)
{
	const html_stat *st = html_st(n);
	if (!mk_name_in(n, post_boxes) || st->prose < 100 || !(flags[st - t->stats] & OWN_HEAD))
		return 0;
	int head = 0, seen = 0;
	size_t words = 0; /* bytes of text before the head is whole, outside links and headings */
	const xmlNode *c = n->children;
	while (c && seen++ < 64) {
		int descend = c->type == XML_ELEMENT_NODE && c->children != NULL && c->_private;
		if (c->type == XML_ELEMENT_NODE && c->_private) {
			const html_stat *cs = html_st(c);
			const char *name = (const char *)c->name;
			if (mk_name_in(c, post_heads))
				head |= OWN_HEADING, descend = 0;
			else if (cs->kind == HK_BYLINE || !strcmp(name, "time"))
				head |= OWN_BYLINE, descend = 0;
			else if (!strcmp(name, "a") && cs->text >= 5) {
				/* a title opens its card: a link after words of text is a
				 * sentence's link (a paragraph written as <div> with its picture) */
				if (words < 20)
					head |= OWN_TITLE_LINK;
				descend = 0;
			}
			else if (!strcmp(name, "img") || !strcmp(name, "picture"))
				head |= OWN_PICTURE;
			/* the story's first paragraph: a <p>, or a box of prose without boxes
			 * (a paragraph written as <div>) */
			else if ((!strcmp(name, "p") && cs->text >= 80) || (cs->para && cs->prose >= 80))
				return 0;
			if ((head & (OWN_HEADING | OWN_BYLINE)) == (OWN_HEADING | OWN_BYLINE) ||
			    (!(head & OWN_HEADING) && (head & (OWN_TITLE_LINK | OWN_PICTURE)) == (OWN_TITLE_LINK | OWN_PICTURE)))
				return 1;
		} else if (c->type == XML_TEXT_NODE && c->content) {
			/* the story's first paragraph written loose (text parted by <br>s) */
			if (loose_sentence((const char *)c->content))
				return 0;
			for (const char *s = (const char *)c->content; *s && words < 20; s++)
				words += *s != ' ' && *s != '\n' && *s != '\t' && *s != '\r';
		}
		c = mk_next(n, (xmlNode *)c, descend);
	}
	return 0;
}

/* A run of posts, each its own box with its own head (a live blog's entries, a ranked list's
 * item cards), beside a story told outside them (the live blog's summary, "What to know"; the
 * list's introduction): that is the page's story, the posts are entries of their own, as a
 * site's front page lists stories. The posts go to the page's furniture. A page that is only
 * posts (no prose outside them) keeps them all. Flags per element by one pass down and one
 * pass up the stats (a parent before its children): linear. */
static void posts_beside_story(html_tree *t, xmlNode *container)
{
	if (!t->nstats)
		return;
	unsigned char *flags = calloc(t->nstats, 1);
	if (!flags)
		return;
	xmlNode *n = container;
	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->_private) {
			const html_stat *st = html_st(n);
			unsigned char f = 0;
			if (mk_name_in(n, post_heads))
				f |= OWN_HEADING;
			if (st->kind == HK_BYLINE || !strcmp((const char *)n->name, "time"))
				f |= OWN_BYLINE;
			if (!strcmp((const char *)n->name, "a"))
				f |= OWN_TITLE_LINK;
			if (!strcmp((const char *)n->name, "img") || !strcmp((const char *)n->name, "picture"))
				f |= OWN_PICTURE;
			flags[st - t->stats] |= f;
		}
		n = mk_next(container, n, n->type == XML_ELEMENT_NODE && n->children != NULL);
	}
	size_t top = (size_t)(html_st(container) - t->stats);
	for (size_t i = t->nstats; i-- > top + 1;)
		if (flags[i] && t->stats[i].parent >= 0)
			flags[t->stats[i].parent] |= flags[i];
	/* the boxes holding three posts or more among their children; the posts' prose */
	float posts = 0;
	xmlNode *parents[8];
	int nparents = 0;
	n = container;
	while (n) {
		int descend = n->type == XML_ELEMENT_NODE && n->children != NULL && n->_private;
		if (descend && (flags[html_st(n) - t->stats] & OWN_HEAD)) {
			int k = 0;
			float prose = 0;
			for (xmlNode *c = n->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE && c->_private && own_post(c, flags, t)) {
					k++;
					prose += html_st(c)->prose;
				}
			if (k >= 3 && nparents < 8) {
				parents[nparents++] = n;
				posts += prose;
				descend = 0;
			}
		} else {
			descend = 0;
		}
		n = mk_next(container, n, descend);
	}
	if (nparents && html_st(container)->prose - posts >= 300)
		for (int i = 0; i < nparents; i++)
			for (xmlNode *c = parents[i]->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE && c->_private && own_post(c, flags, t))
					html_st(c)->kind = HK_CHROME;
	free(flags);
}

xmlNode *html_narrow(html_tree *t, xmlNode *container)
{
	if (!container || !container->_private)
		return container;
	xmlNode *article = own_one(container, "article", STORY_PROSE);
	if (article)
		container = article;
	else if ((article = headline_box(container)))
		container = article;
	posts_beside_story(t, container);
	return container;
}
