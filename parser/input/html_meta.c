/* What a page says of itself: its JSON-LD (schema.org NewsArticle, Article, BlogPosting and
 * the like, in @graph arrays too), Open Graph, twitter:, article: and Dublin Core <meta> tags,
 * the standard ones (description, keywords, author), <link rel=canonical>, rel=author links,
 * microdata (itemprop headline, author, datePublished, dateModified, articleBody) and
 * <html lang>. JSON-LD read with jansson. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>

#include "lexer/input/decoder.h"
#include "parser/input/html_page.h"

static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcasecmp((const char *)a->name, name))
			return a->children && a->children->content ? (const char *)a->children->content : "";
	return NULL;
}

/* A metadata string with its character references decoded: JSON-LD is script text, where the
 * parser decodes none, and pages escape twice in attributes ("&amp;#8217;"). */
static const char *clean(mk *m, const char *s)
{
	if (!s || !strchr(s, '&'))
		return mk_cstr(m, s);
	size_t n = strlen(s);
	char *d = arena_alloc(m->to.arena, n + 1);
	if (!d)
		return NULL;
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		const char *semi = s[i] == '&' ? memchr(s + i, ';', n - i < 12 ? n - i : 12) : NULL;
		if (semi) {
			unsigned u = 0;
			size_t k = (size_t)(semi - s - i - 1);
			char name[12];
			memcpy(name, s + i + 1, k);
			name[k] = '\0';
			if (name[0] == '#')
				u = (unsigned)strtoul(name + 1 + (name[1] == 'x' || name[1] == 'X'), NULL,
						      name[1] == 'x' || name[1] == 'X' ? 16 : 10);
			else if (k) {
				const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
				u = e ? e->value : 0;
			}
			/* utf8_encode writes nothing for NUL, a surrogate or past U+10FFFF */
			size_t len = utf8_encode(u, d + w);
			if (len) {
				w += len;
				i = (size_t)(semi - s) + 1;
				continue;
			}
		}
		d[w++] = s[i++];
	}
	return mk_str(m, d, w);
}

static void once(mk *m, const char **slot, const char *s)
{
	if (!*slot)
		*slot = clean(m, s);
}

/* An author's name from one kind of source, each name once for that source (the choice among
 * the sources is the byline's, html_byline.c). */
static void add_author(mk *m, html_meta *hm, const char *s, int from)
{
	const char *v = clean(m, s);
	if (!v || hm->nauthors >= HM_MAX_AUTHORS || !strncmp(v, "http", 4))
		return;
	for (int i = 0; i < hm->nauthors; i++)
		if (hm->author_from[i] == from && html_same_words(hm->authors[i], v))
			return;
	hm->author_from[hm->nauthors] = (unsigned char)from;
	hm->authors[hm->nauthors++] = v;
}

/* A meta author tag's writers: "A, B and C" (or "A,B"), names only, is three (each checked on its own
 * against the credits the page shows: "Edited by B"); anything else is one line as it stands. */
static void meta_authors(mk *m, html_meta *hm, const char *v)
{
	if (!v || !(strchr(v, ',') || strstr(v, " and ")) || !html_names_only(v)) {
		add_author(m, hm, v, HA_META);
		return;
	}
	char one[256];
	for (const char *p = v; *p;) {
		size_t skip, n = html_name_part(p, &skip);
		if (n && n < sizeof one) {
			memcpy(one, p, n);
			one[n] = '\0';
			add_author(m, hm, one, HA_META);
		}
		p += n + skip;
	}
}

/* ---- JSON-LD ---------------------------------------------------------------------------------- */

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v)) {
		json_t *n = json_object_get(v, "name");
		if (!json_is_string(n))
			n = json_object_get(v, "@id");
		v = n;
	}
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int article_type(const char *t)
{
	static const char *const types[] = { "NewsArticle", "Article", "ReportageNewsArticle",
					     "AnalysisNewsArticle", "OpinionNewsArticle",
					     "BackgroundNewsArticle", "ReviewNewsArticle",
					     "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
					     "Report", "SatiricalArticle", "TechArticle",
					     "SocialMediaPosting", "Blog", NULL };
	if (!t)
		return 0;
	const char *c = strrchr(t, '/'); /* "http://schema.org/NewsArticle" */
	if (c)
		t = c + 1;
	for (int i = 0; types[i]; i++)
		if (!strcmp(t, types[i]))
			return 1;
	return 0;
}

static int is_article(json_t *o)
{
	json_t *t = json_object_get(o, "@type");
	if (json_is_string(t))
		return article_type(json_string_value(t));
	size_t i;
	json_t *e;
	json_array_foreach(t, i, e)
		if (json_is_string(e) && article_type(json_string_value(e)))
			return 1;
	return 0;
}

static void keywords_of(mk *m, html_meta *hm, json_t *k)
{
	if (json_is_string(k)) {
		if (!hm->keywords_line)
			hm->keywords_line = clean(m, json_string_value(k));
		return;
	}
	if (!json_is_array(k) || hm->keywords_line)
		return;
	/* an array: joined with commas, split again with the meta tag's */
	char buf[4096];
	size_t w = 0;
	size_t i;
	json_t *e;
	json_array_foreach(k, i, e) {
		const char *s = json_is_string(e) ? json_string_value(e) : NULL;
		size_t n = s ? strlen(s) : 0;
		if (!n || w + n + 2 >= sizeof buf)
			continue;
		if (w)
			buf[w++] = ',';
		memcpy(buf + w, s, n);
		w += n;
	}
	hm->keywords_line = mk_str(m, buf, w);
}

/* An author of type Organization: the publisher, not a writer. */
static int organisation(json_t *a)
{
	json_t *t = json_is_object(a) ? json_object_get(a, "@type") : NULL;
	const char *s = json_is_string(t) ? json_string_value(t) : NULL;
	return s && (!strcmp(s, "Organization") || !strcmp(s, "NewsMediaOrganization"));
}

/* One author of a JSON-LD article: a string, or a person (not an organisation) whose name is a
 * string or, as some publishing systems write it, an array of the names of several writers
 * ({"@type": "Person", "name": ["A", "B"]}). */
static void ld_author(mk *m, html_meta *hm, json_t *a)
{
	if (organisation(a))
		return;
	json_t *name = json_is_object(a) ? json_object_get(a, "name") : a;
	json_t *one = name;
	size_t i = 0, n = json_is_array(name) ? json_array_size(name) : 1;
	for (; i < n; i++) {
		if (json_is_array(name))
			one = json_array_get(name, i);
		if (json_is_object(one)) /* a name given as a thing of its own */
			one = json_object_get(one, "name");
		if (json_is_string(one)) {
			add_author(m, hm, json_string_value(one), HA_JSON_LD);
			hm->authors_structured = 1;
		}
	}
}

static void ld_article(mk *m, html_meta *hm, json_t *o)
{
	if (hm->ld_article)
		return;
	hm->ld_article = 1;
	once(m, &hm->ld_headline, jstr(o, "headline"));
	once(m, &hm->ld_headline, jstr(o, "name"));
	once(m, &hm->ld_alt, jstr(o, "alternativeHeadline"));
	json_t *a = json_object_get(o, "author");
	if (!a)
		a = json_object_get(o, "creator");
	if (json_is_array(a)) {
		size_t i;
		json_t *e;
		json_array_foreach(a, i, e)
			ld_author(m, hm, e);
	} else {
		ld_author(m, hm, a);
	}
	once(m, &hm->published, jstr(o, "datePublished"));
	once(m, &hm->published, jstr(o, "dateCreated"));
	once(m, &hm->modified, jstr(o, "dateModified"));
	const char *body = jstr(o, "articleBody");
	if (body && !hm->ld_body)
		hm->ld_body = body; /* jansson's: copied by the caller while the JSON lives */
	once(m, &hm->publisher, jstr(o, "publisher"));
	once(m, &hm->section, jstr(o, "articleSection"));
	once(m, &hm->description, jstr(o, "description"));
	once(m, &hm->language, jstr(o, "inLanguage"));
	const char *url = jstr(o, "url");
	if (!url)
		url = jstr(o, "mainEntityOfPage");
	once(m, &hm->url, url);
	keywords_of(m, hm, json_object_get(o, "keywords"));
}

/* Objects of an article type anywhere in the value (@graph arrays, mainEntity, arrays of
 * objects), depth-limited. */
static void ld_visit(mk *m, html_meta *hm, json_t *v, int depth)
{
	if (depth > 8)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			ld_visit(m, hm, e, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (!is_article(v)) {
		once(m, &hm->page_published, jstr(v, "datePublished"));
	} else {
		ld_article(m, hm, v);
		if (hm->ld_body && !hm->ld_body_copied) {
			hm->ld_body = clean(m, hm->ld_body);
			hm->ld_body_copied = 1;
		}
	}
	json_t *g = json_object_get(v, "@graph");
	if (g)
		ld_visit(m, hm, g, depth + 1);
	json_t *me = json_object_get(v, "mainEntity");
	if (json_is_object(me) || json_is_array(me))
		ld_visit(m, hm, me, depth + 1);
}

static void ld_script(mk *m, html_meta *hm, const xmlNode *n)
{
	xmlChar *s = xmlNodeGetContent(n);
	if (!s)
		return;
	json_error_t err;
	json_t *v = json_loads((const char *)s, JSON_DECODE_ANY, &err);
	xmlFree(s);
	if (!v)
		return;
	if (!hm->ld_article)
		ld_visit(m, hm, v, 0);
	json_decref(v);
}

/* ---- meta tags -------------------------------------------------------------------------------- */

static void meta_tag(mk *m, html_meta *hm, const xmlNode *n)
{
	const char *key = attr(n, "property");
	if (!key)
		key = attr(n, "name");
	if (!key)
		key = attr(n, "itemprop");
	const char *he = attr(n, "http-equiv");
	const char *v = attr(n, "content");
	if (!v)
		return;
	if (he && !strcasecmp(he, "content-language")) {
		once(m, &hm->language, v);
		return;
	}
	if (!key)
		return;
	static const struct {
		const char *key;
		size_t slot;
	} slots[] = {
		{ "og:title", offsetof(html_meta, og_title) },
		{ "twitter:title", offsetof(html_meta, tw_title) },
		{ "dc.title", offsetof(html_meta, dc_title) },
		{ "dcterms.title", offsetof(html_meta, dc_title) },
		{ "og:site_name", offsetof(html_meta, site_name) },
		{ "description", offsetof(html_meta, description) },
		{ "og:description", offsetof(html_meta, description) },
		{ "dc.description", offsetof(html_meta, description) },
		{ "og:url", offsetof(html_meta, url) },
		{ "article:published_time", offsetof(html_meta, published) },
		{ "article:published", offsetof(html_meta, published) },
		{ "datepublished", offsetof(html_meta, published) },
		{ "dc.date", offsetof(html_meta, published) },
		{ "dc.date.issued", offsetof(html_meta, published) },
		{ "dcterms.created", offsetof(html_meta, published) },
		{ "dcterms.date", offsetof(html_meta, published) },
		{ "pubdate", offsetof(html_meta, published) },
		{ "publish-date", offsetof(html_meta, published) },
		{ "publishdate", offsetof(html_meta, published) },
		{ "date", offsetof(html_meta, published) },
		{ "article:modified_time", offsetof(html_meta, modified) },
		{ "article:modified", offsetof(html_meta, modified) },
		{ "og:updated_time", offsetof(html_meta, modified) },
		{ "datemodified", offsetof(html_meta, modified) },
		{ "dcterms.modified", offsetof(html_meta, modified) },
		{ "article:section", offsetof(html_meta, section) },
		{ "keywords", offsetof(html_meta, keywords_line) },
		{ "news_keywords", offsetof(html_meta, keywords_line) },
		{ "headline", offsetof(html_meta, md_headline) },
	};
	for (size_t i = 0; i < sizeof slots / sizeof *slots; i++)
		if (!strcasecmp(key, slots[i].key)) {
			once(m, (const char **)((char *)hm + slots[i].slot), v);
			return;
		}
	/* (parsely-author, sailthru.author, cXenseParse:author: the tags of the analytics and
	 * recommendation services many news sites use, as common as meta author) */
	static const char *const author_keys[] = { "author", "dc.creator", "article:author",
						   "dcterms.creator", "parsely-author",
						   "sailthru.author", "cxenseparse:author", NULL };
	for (int i = 0; author_keys[i]; i++)
		if (!strcasecmp(key, author_keys[i])) {
			meta_authors(m, hm, v);
			return;
		}
	if (!strcasecmp(key, "article:tag") && !hm->keywords_line)
		once(m, &hm->keywords_line, v);
}

/* ---- the walk --------------------------------------------------------------------------------- */

/* Whether b shares a box with a at most four levels above a: co-authors in one byline, not
 * a byline of another story further down the page. */
static int near(const xmlNode *a, const xmlNode *b)
{
	const xmlNode *up = a->parent;
	for (int i = 1; i < 4 && up && up->parent && up->parent->type == XML_ELEMENT_NODE; i++)
		up = up->parent;
	for (const xmlNode *x = b; x; x = x->parent)
		if (x == up)
			return 1;
	return 0;
}

int html_in_picture(const xmlNode *n)
{
	for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (!strcmp((const char *)a->name, "figure") || !strcmp((const char *)a->name, "figcaption") ||
		    !strcmp((const char *)a->name, "picture"))
			return 1;
	return 0;
}

/* Whether an element sits in another story's card: a link, a list item, an aside, the page's
 * navigation or footer (a related-stories list marks its bylines up as the story's own do). */
static int in_card(const xmlNode *n)
{
	for (const xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		const char *nm = (const char *)a->name;
		if (!strcmp(nm, "a") || !strcmp(nm, "li") || !strcmp(nm, "aside") || !strcmp(nm, "nav") ||
		    !strcmp(nm, "footer"))
			return 1;
	}
	return 0;
}

void html_read_meta(mk *m, xmlDoc *doc, html_meta *hm)
{
	xmlNode *root = xmlDocGetRootElement(doc), *n = root;
	if (root) {
		const char *lang = attr(root, "lang");
		if (!lang)
			lang = attr(root, "xml:lang");
		once(m, &hm->language, lang);
	}
	int md_authors = 0, rel_authors = 0, ncard = 0;
	const xmlNode *md_first = NULL; /* the story's first microdata author */
	const char *card_authors[4]; /* microdata authors of other stories' cards, held back */
	while (n) {
		int descend = n->type == XML_ELEMENT_NODE && n->children != NULL;
		if (n->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)n->name;
			if (!strcmp(name, "meta")) {
				meta_tag(m, hm, n);
			} else if (!strcmp(name, "title")) {
				if (!hm->title) {
					xmlChar *s = xmlNodeGetContent(n);
					hm->title = clean(m, (const char *)s);
					xmlFree(s);
				}
				descend = 0;
			} else if (!strcmp(name, "script")) {
				const char *type = attr(n, "type");
				if (type && !strcasecmp(type, "application/ld+json"))
					ld_script(m, hm, n);
				descend = 0;
			} else if (!strcmp(name, "style") || !strcmp(name, "noscript") ||
				   !strcmp(name, "template") || !strcmp(name, "svg")) {
				descend = 0;
			} else if (!strcmp(name, "time")) {
				if (!hm->time_published) {
					const char *dt = attr(n, "datetime");
					xmlChar *s = dt ? NULL : xmlNodeGetContent(n);
					once(m, &hm->time_published, dt ? dt : (const char *)s);
					xmlFree(s);
				}
			} else if (!strcmp(name, "link")) {
				const char *rel = attr(n, "rel");
				if (rel && !strcasecmp(rel, "canonical"))
					once(m, &hm->url, attr(n, "href"));
			} else {
				const char *ip = attr(n, "itemprop");
				const char *rel = attr(n, "rel");
				if (ip && !strcmp(ip, "articleBody") && !hm->md_body)
					hm->md_body = n;
				else if (ip && !strcmp(ip, "headline") && !hm->md_headline) {
					xmlChar *s = xmlNodeGetContent(n);
					hm->md_headline = clean(m, (const char *)s);
					hm->md_headline_at = n;
					xmlFree(s);
				} else if (ip && !strcmp(ip, "author") && !hm->authors_structured &&
					   md_authors < 4) {
					/* the name inside, or the element's text */
					const xmlNode *nm = n;
					for (const xmlNode *c = n->children; c; c = c->next)
						if (c->type == XML_ELEMENT_NODE) {
							const char *cp = attr(c, "itemprop");
							if (cp && !strcmp(cp, "name"))
								nm = c;
						}
					const char *content = attr(nm, "content");
					xmlChar *s = content ? NULL : xmlNodeGetContent(nm);
					const char *t = content ? content : (const char *)s;
					if (html_in_picture(n)) {
						/* a picture's author: its photographer */
					} else if (t && strlen(t) < 80 && md_first && !near(md_first, n)) {
						/* another story's byline: not in the first one's box */
					} else if (t && strlen(t) < 80 && in_card(n)) {
						if (ncard < 4)
							card_authors[ncard++] = clean(m, t);
					} else if (t && strlen(t) < 80) {
						add_author(m, hm, t, HA_MICRODATA);
						md_authors++;
						if (!md_first)
							md_first = n;
					}
					xmlFree(s);
				} else if (ip && (!strcmp(ip, "datePublished") || !strcmp(ip, "dateModified"))) {
					const char *v = attr(n, "content");
					if (!v)
						v = attr(n, "datetime");
					once(m, ip[4] == 'P' ? &hm->published : &hm->modified, v);
				} else if (rel && !strcasecmp(rel, "author") && !strcmp(name, "a") &&
					   rel_authors < 4) {
					xmlChar *s = xmlNodeGetContent(n);
					if (s && strlen((const char *)s) < 80) {
						add_author(m, hm, (const char *)s, HA_REL);
						rel_authors++;
					}
					xmlFree(s);
				}
			}
		}
		n = mk_next(root, n, descend);
	}
	/* the cards' authors only when the story names none of its own (its bylines in a list) */
	for (int i = 0; !md_authors && !hm->authors_structured && i < ncard; i++)
		if (card_authors[i])
			add_author(m, hm, card_authors[i], HA_MICRODATA);
	if ((md_authors || ncard) && !hm->authors_structured)
		hm->authors_structured = 1;
}
