/* NITF 3.x (the agencies' dialects: AP, AP Media, EFE, NTB, AAP, and what cablewire writes):
 * head/docdata for the ids, dates, urgency, slug and notes; body.head for the headline, deck,
 * bylines and dateline; body.content for the paragraphs; body.end's tagline. */
#include <stdlib.h>
#include <string.h>

#include "lexer/core/diag.h"
#include "parser/input/markup_walk.h"

static void docdata(mk *m, const xmlNode *dd)
{
	markup_doc *doc = m->doc;
	for (const xmlNode *c = dd ? dd->children : NULL; c; c = c->next) {
		if (mk_is(c, "doc-id")) {
			const char *id = mk_attr(m, c, "id-string");
			if (id && !doc->item_id)
				doc->item_id = id;
		} else if (mk_is(c, "urgency")) {
			mk_once(m, &doc->urgency, mk_attr(m, c, "ed-urg"));
		} else if (mk_is(c, "date.issue")) {
			if (!doc->created)
				doc->created = mk_date(m, mk_attr(m, c, "norm"));
		} else if (mk_is(c, "ed-msg")) {
			/* An error record's diagnostics (msg-type diagnostic) are no editor's note. */
			const char *type = mk_attr(m, c, "msg-type");
			const char *info = mk_attr(m, c, "info");
			if (info && !(type && !strcmp(type, "diagnostic")))
				mk_block(m, MR_EDNOTE, info, strlen(info), mk_at(m, c));
		} else if (mk_is(c, "du-key")) {
			mk_once(m, &doc->slugline, mk_attr(m, c, "key"));
			mk_once(m, &doc->version, mk_attr(m, c, "version"));
		} else if (mk_is(c, "key-list")) {
			for (const xmlNode *k = c->children; k; k = k->next)
				if (mk_is(k, "keyword"))
					mk_subject(m, mk_attr(m, k, "key"));
		}
	}
}

static void tobject(mk *m, const xmlNode *t)
{
	for (const xmlNode *c = t ? t->children : NULL; c; c = c->next)
		if (mk_is(c, "tobject.subject")) {
			const char *ref = mk_attr(m, c, "tobject.subject.refnum");
			mk_subject(m, ref ? ref : mk_attr(m, c, "tobject.subject.type"));
		}
}

/* byttl: its own text the title ("AP Business Writer", "Title, " before an org), an org inside
 * the affiliation. */
static void byttl(mk *m, const xmlNode *t)
{
	char title[512];
	size_t n = 0;
	for (const xmlNode *c = t->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			size_t k = strlen((const char *)c->content);
			if (n + k < sizeof title) {
				memcpy(title + n, c->content, k);
				n += k;
			}
		} else if (mk_is(c, "org")) {
			mk_block_of(m, MR_BYAFFIL, c);
		}
	}
	/* The ", " that parts a title from the org. */
	while (n && (title[n - 1] == ' ' || title[n - 1] == ',' || title[n - 1] == '\n' ||
		     title[n - 1] == '\t'))
		n--;
	mk_block(m, MR_BYTITLE, title, n, mk_at(m, t));
}

/* A byline: structured (person, byttl) or a line of text ("By BERNARD CONDON" before its
 * byttl, "gr/bp", "Geir Molnes / Faktisk.no"). */
static void byline(mk *m, const xmlNode *b)
{
	int people = mk_child(b, "person") != NULL;
	char line[1024];
	size_t n = 0;
	const xmlNode *title = NULL;
	for (const xmlNode *c = b->children; c; c = c->next) {
		if (mk_is(c, "person") && people) {
			mk_block_of(m, MR_BYNAME, c);
		} else if (mk_is(c, "byttl")) {
			title = c;
		} else if (!people) {
			char *t = c->type == XML_TEXT_NODE ? NULL : mk_text(c);
			const char *s = c->type == XML_TEXT_NODE ? (const char *)c->content : t;
			size_t k = s ? strlen(s) : 0;
			if (n + k < sizeof line) {
				memcpy(line + n, s, k);
				n += k;
			}
			xmlFree(t);
		}
	}
	/* A byline naming no one (only byttl: "dpa correspondents", an organisation) reads as
	 * its byttl. */
	size_t k = 0;
	while (k < n && (line[k] == ' ' || line[k] == '\n' || line[k] == '\t' || line[k] == '\r'))
		k++;
	if (!people && k == n && title) {
		mk_block_of(m, MR_BYLINE, title);
		return;
	}
	if (!people)
		mk_block(m, MR_BYLINE, line, n, mk_at(m, b));
	if (title)
		byttl(m, title);
}

static void dateline(mk *m, const xmlNode *d)
{
	markup_doc *doc = m->doc;
	if (doc->dateline)
		return;
	char *t = mk_text(d);
	doc->dateline = t ? mk_cstr(m, t) : NULL;
	xmlFree(t);
	doc->dateline_at = mk_at(m, d);
	const xmlNode *loc = mk_child(d, "location");
	const xmlNode *date = mk_child(d, "story.date");
	char *l = mk_text(loc), *s = mk_text(date);
	doc->dateline_location = l ? mk_cstr(m, l) : NULL;
	doc->dateline_date = s ? mk_cstr(m, s) : NULL;
	/* Its parts as written, a comma between them ("RIVERTON, Wyo., Feb 26"). */
	if (doc->dateline_location && doc->dateline_date)
		doc->dateline = arena_printf(m->to.arena, "%s, %s", doc->dateline_location,
					     doc->dateline_date);
	/* A dateline of text alone ("Oslo") is the place. */
	if (!loc && !date)
		doc->dateline_location = doc->dateline;
	xmlFree(l);
	xmlFree(s);
}

static void body_head(mk *m, const xmlNode *bh, const char *title)
{
	int headline = 0;
	const char *hl1 = NULL;
	for (const xmlNode *c = bh ? bh->children : NULL; c; c = c->next) {
		if (mk_is(c, "hedline")) {
			for (const xmlNode *h = c->children; h; h = h->next) {
				char *t = mk_text(h);
				if (mk_is(h, "hl1") && !headline) {
					headline = 1;
					hl1 = t ? mk_cstr(m, t) : NULL;
					mk_block_of(m, MR_HEADLINE, h);
				} else if (mk_is(h, "hl1") || mk_is(h, "hl2")) {
					/* A deck line repeating the headline (AP's originalHeadline)
					 * says nothing more. */
					const char *v = t ? mk_cstr(m, t) : NULL;
					if (v && !(hl1 && !strcmp(v, hl1)))
						mk_block_of(m, MR_DECK, h);
				}
				xmlFree(t);
			}
		} else if (mk_is(c, "byline")) {
			if (!headline && title) {
				mk_block(m, MR_HEADLINE, title, strlen(title), 0);
				headline = 1;
			}
			byline(m, c);
		} else if (mk_is(c, "distributor")) {
			char *t = mk_text(mk_child(c, "org") ? mk_child(c, "org") : c);
			mk_once(m, &m->doc->provider, t);
			xmlFree(t);
		} else if (mk_is(c, "dateline")) {
			dateline(m, c);
		} else if (mk_is(c, "abstract")) {
			int any = 0;
			for (const xmlNode *p = c->children; p; p = p->next)
				if (p->type == XML_ELEMENT_NODE) {
					mk_block_of(m, MR_DECK, p);
					any = 1;
				}
			if (!any)
				mk_block_of(m, MR_DECK, c);
		}
	}
	/* No hl1: the head's title is the headline (an error record has neither). */
	if (!headline && title)
		mk_block(m, MR_HEADLINE, title, strlen(title), 0);
	if (!headline && !title)
		diag_in(m->to.diags, CW_WARNING, "NITF_NO_HL1", bh ? mk_at(m, bh) : 0,
			"this NITF document has no headline (body.head/hedline/hl1, which NITF "
			"requires of a story)");
}

/* A tagline: a contributor line between each <br/> (cablewire writes one a line). */
static void tagline(mk *m, const xmlNode *t)
{
	const xmlNode *from = t->children;
	for (const xmlNode *c = t->children;; c = c->next) {
		if (c && !mk_is(c, "br"))
			continue;
		/* The text of the run of children before the br. */
		char *line_text = NULL;
		size_t n = 0;
		for (const xmlNode *k = from; k != c; k = k->next) {
			char *part = mk_text(k);
			size_t pn = part ? strlen(part) : 0;
			char *grown = pn ? realloc(line_text, n + pn + 1) : line_text;
			if (grown) {
				memcpy(grown + n, part, pn);
				n += pn;
				grown[n] = '\0';
				line_text = grown;
			}
			xmlFree(part);
		}
		if (line_text)
			mk_block(m, MR_TAGLINE, line_text, n, mk_at(m, t));
		free(line_text);
		if (!c)
			break;
		from = c->next;
	}
}

void mk_nitf(mk *m, const xmlNode *nitf)
{
	const xmlNode *head = mk_child(nitf, "head");
	const xmlNode *body = mk_child(nitf, "body");
	char *title = mk_text(mk_child(head, "title"));
	const char *t = title ? mk_cstr(m, title) : NULL;
	xmlFree(title);
	for (const xmlNode *c = head ? head->children : NULL; c; c = c->next) {
		const char *name = mk_is(c, "meta") ? mk_attr(m, c, "name") : NULL;
		if (name && !strcmp(name, "cablewire.kind"))
			m->doc->own = 1;
	}
	if (head) {
		docdata(m, mk_child(head, "docdata"));
		tobject(m, mk_child(head, "tobject"));
	}
	body_head(m, mk_child(body, "body.head"), t);
	mk_body(m, mk_child(body, "body.content"));
	const xmlNode *end = mk_child(body, "body.end");
	for (const xmlNode *c = end ? end->children : NULL; c; c = c->next)
		if (mk_is(c, "tagline"))
			tagline(m, c);
}
