/* The scored container narrowed to the story's own box, by the page's structure: the box that
 * scoring found can hold the story and, beside it, boxes the page built apart from it (a
 * product's cards after a buying guide's text). Scoring adds them up; the page's markup says
 * where the story stops. Every rule here walks the container once: linear. */
#include <string.h>

#include "parser/input/html_page.h"

/* A story's worth of prose (bytes of paragraphs that read as prose, html_main_container). */
enum { STORY_PROSE = 1000 };

/* The page's one <article> inside the container holding a story's worth of prose: the page's
 * own word for where its story is (what trafilatura's first rule reads too). None when there
 * are two or more such (a feed, a list of stories) or when it is in the page's furniture. */
static xmlNode *own_article(xmlNode *container)
{
	xmlNode *found = NULL;
	xmlNode *n = container->children;
	while (n && n != container) {
		int descend = n->type == XML_ELEMENT_NODE && n->children != NULL;
		if (n->type == XML_ELEMENT_NODE && n->_private) {
			const html_stat *st = html_st(n);
			if (st->inside & 7)
				descend = 0;
			else if (!strcmp((const char *)n->name, "article") && st->prose >= STORY_PROSE) {
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

xmlNode *html_narrow(html_tree *t, xmlNode *container)
{
	(void)t;
	xmlNode *article = own_article(container);
	if (article)
		container = article;
	return container;
}
