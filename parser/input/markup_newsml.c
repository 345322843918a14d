/* NewsML-G2 (a newsItem alone, or the first of a newsMessage or packageItem's items) and NewsML
 * 1.2 (a NewsML envelope's first NewsItem, its text a NITF body or plain text). */
#include <string.h>

#include "lexer/core/diag.h"
#include "parser/input/markup_walk.h"

/* A G2 property's value: its literal, its name child, its qcode. */
static const char *g2_value(mk *m, const xmlNode *n)
{
	const char *v = mk_attr(m, n, "literal");
	if (v)
		return v;
	char *t = mk_text(mk_child(n, "name"));
	v = t ? mk_cstr(m, t) : NULL;
	xmlFree(t);
	return v ? v : mk_attr(m, n, "qcode");
}

static const char *text_of(mk *m, const xmlNode *n)
{
	char *t = mk_text(n);
	const char *v = t ? mk_cstr(m, t) : NULL;
	xmlFree(t);
	return v;
}

static void g2_content(mk *m, const xmlNode *set)
{
	for (const xmlNode *c = set ? set->children : NULL; c; c = c->next) {
		if (mk_is(c, "inlineXML")) {
			const xmlNode *nitf = mk_find((xmlNode *)c, "nitf");
			if (nitf) {
				mk_body(m, mk_find((xmlNode *)nitf, "body.content"));
				return;
			}
			const xmlNode *body = mk_find((xmlNode *)c, "body");
			mk_body(m, body ? body : c);
			return;
		}
		if (mk_is(c, "inlineData")) {
			char *t = mk_text(c);
			if (!t)
				return;
			size_t n = strlen(t);
			const char *s = t;
			while (n && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
				s++, n--;
			/* HTML kept as text (ANSA's CDATA): read as HTML. */
			xmlDoc *h = n && *s == '<' ? mk_html_read(s, n) : NULL;
			if (h) {
				m->apart = 1;
				m->apart_at = mk_at(m, c);
				mk_body(m, (xmlNode *)h);
				m->apart = 0;
			} else
				mk_plain_paragraphs(m, t, strlen(t), mk_at(m, c));
			if (h)
				xmlFreeDoc(h);
			xmlFree(t);
			return;
		}
	}
}

static void creator(mk *m, const xmlNode *c)
{
	char *t = mk_text(mk_child(c, "name"));
	const char *name = t ? t : mk_attr(m, c, "literal");
	const char *title = NULL, *affil = NULL;
	for (const xmlNode *r = c->children; r; r = r->next) {
		const char *rel = mk_is(r, "related") ? mk_attr(m, r, "rel") : NULL;
		if (rel && strstr(rel, "title"))
			title = mk_attr(m, r, "literal");
		else if (rel && strstr(rel, "affiliation"))
			affil = mk_attr(m, r, "literal");
	}
	uint64_t at = mk_at(m, c);
	if (name && *name) {
		mk_block(m, MR_BYNAME, name, strlen(name), at);
		if (title)
			mk_block(m, MR_BYTITLE, title, strlen(title), at);
		if (affil)
			mk_block(m, MR_BYAFFIL, affil, strlen(affil), at);
	} else if (title || affil) {
		mk_block(m, MR_BYLINE, title ? title : affil, strlen(title ? title : affil), at);
		if (title && affil)
			mk_block(m, MR_BYAFFIL, affil, strlen(affil), at);
	}
	xmlFree(t);
}

static void g2_item(mk *m, const xmlNode *item)
{
	markup_doc *doc = m->doc;
	doc->item_id = mk_attr(m, item, "guid");
	doc->version = mk_attr(m, item, "version");
	doc->own = doc->item_id && !strncmp(doc->item_id, "urn:cablewire:", 14);
	const xmlNode *meta = mk_child(item, "itemMeta");
	for (const xmlNode *c = meta ? meta->children : NULL; c; c = c->next) {
		if (mk_is(c, "versionCreated"))
			doc->modified = mk_date(m, text_of(m, c));
		else if (mk_is(c, "firstCreated"))
			doc->created = mk_date(m, text_of(m, c));
		else if (mk_is(c, "provider"))
			mk_once(m, &doc->provider, g2_value(m, c));
		else if (mk_is(c, "edNote"))
			mk_block_of(m, MR_EDNOTE, c);
	}
	const xmlNode *cm = mk_child(item, "contentMeta");
	int headline = 0, by = 0;
	const xmlNode *creators[64];
	int ncreators = 0;
	const xmlNode *contributors[64];
	int ncontributors = 0;
	for (const xmlNode *c = cm ? cm->children : NULL; c; c = c->next) {
		if (mk_is(c, "urgency")) {
			mk_once(m, &doc->urgency, text_of(m, c));
		} else if (mk_is(c, "headline")) {
			const char *role = mk_attr(m, c, "role");
			int sub = role && strstr(role, "ub");
			mk_block_of(m, headline || sub ? MR_DECK : MR_HEADLINE, c);
			headline |= !sub;
		} else if (mk_is(c, "slugline")) {
			mk_once(m, &doc->slugline, text_of(m, c));
		} else if (mk_is(c, "by")) {
			mk_block_of(m, MR_BYLINE, c);
			by = 1;
		} else if (mk_is(c, "creator")) {
			if (ncreators < 64)
				creators[ncreators++] = c;
		} else if (mk_is(c, "contributor")) {
			if (ncontributors < 64)
				contributors[ncontributors++] = c;
		} else if (mk_is(c, "creditline")) {
			mk_once(m, &doc->provider, text_of(m, c));
		} else if (mk_is(c, "dateline")) {
			if (!doc->dateline) {
				doc->dateline = text_of(m, c);
				doc->dateline_at = mk_at(m, c);
			}
		} else if (mk_is(c, "located")) {
			mk_once(m, &doc->dateline_location, g2_value(m, c));
			if (!doc->dateline_at)
				doc->dateline_at = mk_at(m, c);
		} else if (mk_is(c, "subject")) {
			const char *q = mk_attr(m, c, "qcode");
			mk_subject(m, q ? q : g2_value(m, c));
		} else if (mk_is(c, "genre")) {
			const char *q = mk_attr(m, c, "qcode");
			mk_subject(m, q ? q : g2_value(m, c));
		} else if (mk_is(c, "description")) {
			const char *role = mk_attr(m, c, "role");
			if (role && strstr(role, "summary"))
				mk_block_of(m, MR_DECK, c);
		}
	}
	/* Creators, without a by line: the bylines, a name each, its title and affiliation in
	 * related elements (as cablewire writes them); one naming no one reads as its title or
	 * affiliation. */
	if (!by)
		for (int i = 0; i < ncreators; i++)
			creator(m, creators[i]);
	if (!headline && !doc->nblocks)
		diag_in(m->to.diags, CW_WARNING, "G2_NO_HEADLINE", mk_at(m, item),
			"this NewsML-G2 item has no contentMeta/headline");
	g2_content(m, mk_child(item, "contentSet"));
	/* Contributor lines ("... contributed to this report.") after the text, as they stand. */
	for (int i = 0; i < ncontributors; i++) {
		const char *line = mk_attr(m, contributors[i], "literal");
		if (line)
			mk_block(m, MR_TAGLINE, line, strlen(line), mk_at(m, contributors[i]));
	}
}

/* ---- NewsML 1.2 ------------------------------------------------------------------------------- */

static void newsml_item(mk *m, const xmlNode *item)
{
	markup_doc *doc = m->doc;
	const xmlNode *ident = mk_child(item, "Identification");
	const xmlNode *nid = mk_child(ident, "NewsIdentifier");
	const xmlNode *pub = mk_child(nid, "PublicIdentifier");
	doc->item_id = pub ? text_of(m, pub) : text_of(m, mk_child(nid, "NewsItemId"));
	doc->version = text_of(m, mk_child(nid, "RevisionId"));
	doc->slugline = text_of(m, mk_child(ident, "NameLabel"));
	const xmlNode *mgmt = mk_child(item, "NewsManagement");
	doc->created = mk_date(m, text_of(m, mk_child(mgmt, "FirstCreated")));
	doc->modified = mk_date(m, text_of(m, mk_child(mgmt, "ThisRevisionCreated")));
	doc->urgency = mk_attr(m, mk_child(mgmt, "Urgency"), "FormalName");
	const xmlNode *comp = mk_find((xmlNode *)item, "NewsComponent");
	const xmlNode *lines = mk_child(comp, "NewsLines");
	int headline = 0;
	for (const xmlNode *c = lines ? lines->children : NULL; c; c = c->next) {
		if (mk_is(c, "HeadLine")) {
			mk_block_of(m, headline ? MR_DECK : MR_HEADLINE, c);
			headline = 1;
		} else if (mk_is(c, "SubHeadLine")) {
			mk_block_of(m, MR_DECK, c);
		} else if (mk_is(c, "ByLine")) {
			mk_block_of(m, MR_BYLINE, c);
		} else if (mk_is(c, "DateLine") && !doc->dateline) {
			doc->dateline = text_of(m, c);
			doc->dateline_at = mk_at(m, c);
		} else if (mk_is(c, "SlugLine")) {
			mk_once(m, &doc->slugline, text_of(m, c));
		} else if (mk_is(c, "CreditLine")) {
			mk_once(m, &doc->provider, text_of(m, c));
		}
	}
	const xmlNode *admin = mk_child(comp, "AdministrativeMetadata");
	const xmlNode *prov = mk_find((xmlNode *)mk_child(admin, "Provider"), "Party");
	mk_once(m, &doc->provider, mk_attr(m, prov, "FormalName"));
	const xmlNode *desc = mk_child(comp, "DescriptiveMetadata");
	for (const xmlNode *c = desc ? desc->children : NULL; c; c = c->next) {
		if (mk_is(c, "SubjectCode"))
			for (const xmlNode *s = c->children; s; s = s->next)
				if (s->type == XML_ELEMENT_NODE)
					mk_subject(m, mk_attr(m, s, "FormalName"));
		if (mk_is(c, "Location") && !doc->dateline_location)
			for (const xmlNode *p = c->children; p; p = p->next) {
				const char *name = mk_attr(m, p, "FormalName");
				if (name && !strcmp(name, "City"))
					doc->dateline_location = mk_attr(m, p, "Value");
			}
	}
	/* The text: a NITF body in the DataContent, or plain text. */
	const xmlNode *data = mk_find((xmlNode *)comp, "DataContent");
	const xmlNode *nitf = mk_find((xmlNode *)data, "nitf");
	if (nitf) {
		mk_body(m, mk_find((xmlNode *)nitf, "body.content"));
	} else if (data) {
		char *t = mk_text(data);
		if (t)
			mk_plain_paragraphs(m, t, strlen(t), mk_at(m, data));
		xmlFree(t);
	}
}

int mk_newsml(mk *m, xmlNode *root, int g2)
{
	if (g2) {
		const xmlNode *item = mk_find(root, "newsItem");
		if (!item)
			return -1;
		g2_item(m, item);
		return 0;
	}
	const xmlNode *item = mk_find(root, "NewsItem");
	if (!item)
		return -1;
	newsml_item(m, item);
	return 0;
}
