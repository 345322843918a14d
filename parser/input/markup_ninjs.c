/* ninjs 1.x, 2.x and 3.x (IPTC News in JSON), read with jansson: headline or headlines, byline,
 * by or bylines, body_text, body_html, body_xhtml or bodies, located, subject(s), urgency,
 * version, the dates; uri or guid the id. 3.x's camelCase names are read as 2.x's. An item
 * wrapped by an API's envelope ({"item": ...}, {"data": {"item": ...}}) is read inside it. */
#include <string.h>

#include <jansson.h>

#include "lexer/core/diag.h"
#include "parser/input/markup_walk.h"

/* A member by either spelling (2.x lowercase, 3.x camelCase). */
static json_t *get(json_t *o, const char *lower, const char *camel)
{
	json_t *v = json_object_get(o, lower);
	return v ? v : camel ? json_object_get(o, camel) : NULL;
}

static const char *str(json_t *v) { return json_is_string(v) ? json_string_value(v) : NULL; }

/* A scalar as text: strings as they are, integers written out (urgency 3, version 2). */
static const char *scalar(mk *m, json_t *v)
{
	if (json_is_string(v))
		return mk_cstr(m, json_string_value(v));
	if (json_is_integer(v)) {
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
		return mk_cstr(m, buf);
	}
	return NULL;
}

/* Where a key is written in the input: what the blocks of its value are located at. */
static uint64_t key_at(mk *m, const char *key)
{
	size_t k = strlen(key);
	for (const char *p = m->input; p && (size_t)(m->input + m->len - p) > k + 2; p++) {
		p = memchr(p, '"', (size_t)(m->input + m->len - p));
		if (!p || (size_t)(m->input + m->len - p) <= k + 2)
			break;
		if (!memcmp(p + 1, key, k) && p[k + 1] == '"')
			return (uint64_t)(p - m->input);
	}
	return 0;
}

static void html_body(mk *m, const char *html, uint64_t at)
{
	xmlDoc *h = mk_html_read(html, strlen(html));
	if (h) {
		m->apart = 1;
		m->apart_at = at;
		mk_body(m, (xmlNode *)h);
		m->apart = 0;
		xmlFreeDoc(h);
	}
}

static void taglines(mk *m, const char *v, uint64_t at)
{
	while (*v) {
		const char *end = strstr(v, "\n\n");
		size_t n = end ? (size_t)(end - v) : strlen(v);
		mk_block(m, MR_TAGLINE, v, n, at);
		v += n;
		while (*v == '\n')
			v++;
	}
}

static void body(mk *m, json_t *o)
{
	const char *t;
	json_t *bodies = get(o, "bodies", NULL);
	if (json_is_array(bodies)) {
		size_t i;
		json_t *b, *pick = NULL;
		json_array_foreach(bodies, i, b) {
			const char *role = str(get(b, "role", NULL));
			if (role && !strcmp(role, "tagline"))
				continue;
			if (!pick || (role && !strcmp(role, "main")))
				pick = b;
		}
		const char *type = str(get(pick, "contenttype", "contentType"));
		const char *v = str(get(pick, "value", NULL));
		if (v && type && strstr(type, "html"))
			html_body(m, v, key_at(m, "bodies"));
		else if (v)
			mk_plain_paragraphs(m, v, strlen(v), key_at(m, "bodies"));
		json_array_foreach(bodies, i, b) {
			/* Contributor lines (as cablewire writes them), a blank line between two. */
			const char *role = str(get(b, "role", NULL));
			v = str(get(b, "value", NULL));
			if (role && v && !strcmp(role, "tagline"))
				taglines(m, v, key_at(m, "bodies"));
		}
		return;
	}
	if ((t = str(get(o, "body_html", "bodyHtml"))))
		html_body(m, t, key_at(m, "body_html"));
	else if ((t = str(get(o, "body_xhtml", "bodyXhtml"))))
		html_body(m, t, key_at(m, "body_xhtml"));
	else if ((t = str(get(o, "body_text", "bodyText"))))
		mk_plain_paragraphs(m, t, strlen(t), key_at(m, "body_text"));
}

static void subjects(mk *m, json_t *arr)
{
	size_t i;
	json_t *s;
	json_array_foreach(arr, i, s) {
		const char *v = str(get(s, "code", NULL));
		if (!v)
			v = str(get(s, "name", NULL));
		if (!v)
			v = str(get(s, "uri", NULL));
		if (!v)
			v = str(s);
		mk_subject(m, v);
	}
}

static void headlines(mk *m, json_t *o)
{
	const char *h = str(get(o, "headline", NULL));
	json_t *hs = get(o, "headlines", NULL);
	int main_seen = 0;
	if (h) {
		mk_block(m, MR_HEADLINE, h, strlen(h), key_at(m, "headline"));
		main_seen = 1;
	}
	if (json_is_array(hs)) {
		size_t i;
		json_t *e;
		/* The main one first, then the others as the deck. */
		for (int pass = 0; pass < 2; pass++)
			json_array_foreach(hs, i, e) {
				const char *role = str(get(e, "role", NULL));
				const char *v = str(get(e, "value", NULL));
				int is_main = !role || !strcmp(role, "main");
				if (!v)
					continue;
				if (pass == 0 && is_main && !main_seen) {
					mk_block(m, MR_HEADLINE, v, strlen(v), key_at(m, "headlines"));
					main_seen = 1;
				} else if (pass == 1 && !is_main) {
					mk_block(m, MR_DECK, v, strlen(v), key_at(m, "headlines"));
				}
			}
	}
}

static void bylines(mk *m, json_t *o)
{
	const char *by = str(get(o, "by", NULL));
	if (!by)
		by = str(get(o, "byline", NULL));
	if (by) {
		mk_block(m, MR_BYLINE, by, strlen(by), key_at(m, by == str(get(o, "by", NULL)) ? "by" : "byline"));
		return;
	}
	json_t *arr = get(o, "bylines", NULL);
	size_t i;
	json_t *b;
	json_array_foreach(arr, i, b) {
		const char *v = str(get(b, "by", NULL));
		const char *title = str(get(b, "title", NULL));
		if (v)
			mk_block(m, MR_BYLINE, v, strlen(v), key_at(m, "bylines"));
		if (v && title)
			mk_block(m, MR_BYTITLE, title, strlen(title), key_at(m, "bylines"));
	}
}

static void located(mk *m, json_t *o)
{
	markup_doc *doc = m->doc;
	const char *l = str(get(o, "located", NULL));
	if (l) {
		doc->dateline_location = mk_cstr(m, l);
		doc->dateline_at = key_at(m, "located");
		return;
	}
	json_t *d = get(o, "datelinelocation", NULL);
	if (json_is_object(d)) {
		const char *city = str(get(d, "city", NULL));
		doc->dateline_location = mk_cstr(m, city ? city : str(get(d, "name", NULL)));
		doc->dateline_at = key_at(m, "datelinelocation");
	}
}

/* Pictures among the associations (an object of them by name, or an array): a picture's
 * caption (description_text, or a description of role "caption" as cablewire writes it) and by,
 * the credit that ends the caption. The other associations, and pictures without a by, stay out of the record. */
static void pictures(mk *m, json_t *assoc)
{
	const char *k;
	size_t i;
	json_t *a;
	json_t *list = json_is_object(assoc) ? json_array() : json_incref(assoc);
	if (json_is_object(assoc))
		json_object_foreach(assoc, k, a)
			json_array_append(list, a);
	json_array_foreach(list, i, a) {
		const char *type = str(get(a, "type", NULL));
		const char *by = str(get(a, "by", NULL));
		if (!type || strcmp(type, "picture") || !by)
			continue;
		const char *caption = str(get(a, "description_text", "descriptionText"));
		json_t *d;
		size_t k2;
		json_array_foreach(get(a, "descriptions", NULL), k2, d) {
			const char *role = str(get(d, "role", NULL));
			if (!caption && role && !strcmp(role, "caption"))
				caption = str(get(d, "value", NULL));
		}
		size_t cn = caption ? strlen(caption) : 0, bn = strlen(by);
		char *b = arena_alloc(m->to.arena, cn + bn + 2);
		if (!b)
			continue;
		memcpy(b, caption ? caption : "", cn);
		b[cn] = ' ';
		memcpy(b + cn + 1, by, bn);
		mk_block(m, MR_PHOTO, b, cn + 1 + bn, key_at(m, "associations"));
	}
	json_decref(list);
}

int mk_ninjs(mk *m, const char *buf, size_t len)
{
	json_error_t err;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		diag_in(m->to.diags, CW_ERROR, "JSON_MALFORMED",
			err.position > 0 ? (uint64_t)err.position - 1 : 0,
			"this ninjs document is not well-formed JSON: %s (line %d, column %d)",
			err.text, err.line, err.column);
		return -2;
	}
	json_t *o = root;
	if (json_is_object(o) && !get(o, "uri", NULL) && !get(o, "guid", NULL)) {
		json_t *in = get(o, "item", NULL);
		if (json_is_array(in)) /* a search result's items: the first */
			in = json_array_get(in, 0);
		if (!json_is_object(in))
			in = get(get(o, "data", NULL), "item", NULL);
		if (json_is_object(in))
			o = in;
	}
	if (!json_is_object(o)) {
		diag_in(m->to.diags, CW_ERROR, "NINJS_NOT_OBJECT", 0,
			"a ninjs document is one JSON object; this is a JSON %s",
			json_is_array(o) ? "array" : "value");
		json_decref(root);
		return -2;
	}
	markup_doc *doc = m->doc;
	doc->item_id = mk_cstr(m, str(get(o, "uri", NULL)));
	if (!doc->item_id)
		doc->item_id = mk_cstr(m, str(get(o, "guid", NULL)));
	doc->own = doc->item_id && !strncmp(doc->item_id, "urn:cablewire:", 14);
	if (!doc->item_id)
		diag_in(m->to.diags, CW_WARNING, "NINJS_NO_ID", 0,
			"this ninjs object has neither uri nor guid (ninjs requires one to identify "
			"the item)");
	doc->version = scalar(m, get(o, "version", NULL));
	doc->urgency = scalar(m, get(o, "urgency", NULL));
	doc->slugline = mk_cstr(m, str(get(o, "slugline", NULL)));
	doc->created = mk_date(m, str(get(o, "firstcreated", "firstCreated")));
	doc->modified = mk_date(m, str(get(o, "versioncreated", "versionCreated")));
	const char *src = str(get(o, "source", NULL));
	if (!src) {
		json_t *info = get(o, "infosources", "infoSources");
		src = str(get(json_array_get(info, 0), "name", NULL));
	}
	doc->provider = mk_cstr(m, src);
	subjects(m, get(o, "subject", NULL));
	subjects(m, get(o, "subjects", NULL));
	const char *ed = str(get(o, "ednote", "edNote"));
	if (ed)
		mk_block(m, MR_EDNOTE, ed, strlen(ed), key_at(m, "ednote"));
	headlines(m, o);
	const char *desc = str(get(o, "description_text", NULL));
	if (desc)
		mk_block(m, MR_DECK, desc, strlen(desc), key_at(m, "description_text"));
	bylines(m, o);
	located(m, o);
	body(m, o);
	pictures(m, get(o, "associations", NULL));
	json_decref(root);
	return 0;
}
