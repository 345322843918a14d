/* Where a block's links lead: to the page's own site (its sections, its other stories: the
 * page's furniture) or off it (the shops a deals story lists, the sources a story cites: the
 * story's own matter). The page's site is the host of its canonical URL; a link without a host
 * (relative) is the site's own. */
#include <string.h>
#include <strings.h>

#include "parser/input/html_page.h"

/* The host of an absolute or protocol-relative URL, "www." left out; 0 when it names none. */
static size_t host_of(const char *url, const char **host)
{
	const char *p = url;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (!strncasecmp(p, "https://", 8))
		p += 8;
	else if (!strncasecmp(p, "http://", 7))
		p += 7;
	else if (p[0] == '/' && p[1] == '/')
		p += 2;
	else
		return 0;
	if (!strncasecmp(p, "www.", 4))
		p += 4;
	size_t n = strcspn(p, "/:?#");
	*host = p;
	return n;
}

/* The link's host is the site's or one of its subdomains (resources.site.com on site.com). */
static int same_site(const char *h, size_t hn, const char *site, size_t sn)
{
	if (hn == sn)
		return !strncasecmp(h, site, sn);
	return hn > sn && h[hn - sn - 1] == '.' && !strncasecmp(h + hn - sn, site, sn);
}

static const char *href(const xmlNode *n)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, "href") && a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

int html_offsite_links(const xmlNode *top, const char *page_url)
{
	const char *site;
	size_t sn = page_url ? host_of(page_url, &site) : 0;
	if (!sn)
		return 0;
	int links = 0;
	for (xmlNode *n = top->children; n;) {
		int descend = n->type == XML_ELEMENT_NODE && n->children;
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "a")) {
			const char *u = href(n), *h;
			size_t hn = u ? host_of(u, &h) : 0;
			if (!hn || same_site(h, hn, site, sn))
				return 0;
			links++;
			descend = 0;
		}
		n = mk_next(top, n, descend);
	}
	return links > 0;
}
