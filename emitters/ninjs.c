/* ninjs 2.1 (IPTC News in JSON, ninjs-schema_2.1.json): one JSON object per record, one a line
 * (JSON Lines), also for `parse` (no pretty form). 2.1 rather than 1.6 because its plural
 * structures (headlines with roles, bodies, infosources, people, places, subjects) carry a
 * headline and its deck, several agencies and several kinds of subject without flattening
 * them; rather than 3.x because 2.1's lowercase names are what the AP-derived and Superdesk
 * feeds use today (3.x renames them all in camelCase). Only properties the schema allows are
 * written, and only when the record has a value:
 *
 *   uri              urn:cablewire:cable:ID, urn:cablewire:KIND:PATH:INDEX without an id
 *   type             "text"
 *   firstcreated, versioncreated
 *                    the record's date (DTG, wire transmission time), only when it carries a
 *                    zone as RFC 3339 requires (Reuters-21578 dates have none: left out)
 *   urgency          the wire's priority, a cable's precedence (1 most urgent; see news.h)
 *   ednote           editors' notes joined by a blank; an error record's diagnostics
 *   language         "en" (every source read is in English; not detected)
 *   descriptions     a cable's summary, role "summary"
 *   bodies           role "main", contenttype "text/plain": the paragraphs (a cable's as
 *                    "1. (C) text", sub-paragraphs apart) separated by a blank line; role
 *                    "tagline": the contributor lines (ninjs has no member for them; NITF's name)
 *   headlines        role "main": headline (a cable's subject); role "sub": each deck line
 *   people           byline names (rel "author"); Reuters people, a cable's person tags (rel
 *                    "subject")
 *   organisations    Reuters orgs and companies, a cable's organisation tags (rel "subject")
 *   places           the dateline place (rel "located"); Reuters places, a cable's geographic
 *                    tags (rel "subject")
 *   subjects         a cable's other tags, Reuters topics
 *   infosources      each agency credited; a cable's FM address (role "originator")
 *   by               "MARTA KOWALSKI, Associated Press Writer", "Name, Title, Affiliation" (the
 *                    last byline's title and affiliation, as the byline scanners read them); a
 *                    cable's signature
 *   associations     each photo credit a picture (name pictureN, uri the record's + ":pictureN"):
 *                    descriptions[role caption] its caption, by the credit as written
 *   slugline         the wire slugline
 *   located          "RIVERTON, Wyo."; a cable's origin
 *   altids           the release's id of a cable, the Reuters NEWID, the wire keyword
 */
#include <stdio.h>

#include "emitters/emitter.h"
#include "emitters/news.h"
#include "parser/core/fields.h"

typedef struct j {
	sink *s;
	int first; /* no member written yet in the innermost object or array */
} j;

static void sep(j *x)
{
	if (!x->first)
		sink_putc(x->s, ',');
	x->first = 0;
}

static void key(j *x, const char *k)
{
	sep(x);
	sink_putc(x->s, '"');
	sink_puts(x->s, k);
	sink_put(x->s, "\":", 2);
}

static void kv(j *x, const char *k, const char *p, size_t n)
{
	key(x, k);
	sink_json_string(x->s, p, n);
}

static void kvs(j *x, const char *k, const char *str) { kv(x, k, str, strlen(str)); }

static void obj_open(j *x)
{
	sep(x);
	sink_putc(x->s, '{');
	x->first = 1;
}

static void obj_close(j *x)
{
	sink_putc(x->s, '}');
	x->first = 0;
}

static void arr_open(j *x, const char *k)
{
	key(x, k);
	sink_putc(x->s, '[');
	x->first = 1;
}

static void arr_close(j *x)
{
	sink_putc(x->s, ']');
	x->first = 0;
}

/* {"name": ..., "rel"/"role": ...} items from the strings of an array (or a member of its
 * objects); tag_kind keeps only a cable's tags of that kind (NULL: all, "-": the kinds that have
 * no array of their own). */
static void named_items(j *x, const cw_value *arr, cw_field member, const char *tag_kind,
			const char *relkey, const char *rel)
{
	size_t n, kn;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = cw_member_value(m);
		const char *s = news_str(member != F_NONE ? rec_get(v, member) : v, &n);
		if (!s)
			continue;
		if (tag_kind) {
			const char *k = news_str(rec_get(v, F_TAG_KIND), &kn);
			int own = k && ((kn == 10 && !memcmp(k, "geographic", 10)) ||
					(kn == 6 && !memcmp(k, "person", 6)) ||
					(kn == 12 && !memcmp(k, "organisation", 12)));
			if (!strcmp(tag_kind, "-") ? own
			    : !(k && kn == strlen(tag_kind) && !memcmp(k, tag_kind, kn)))
				continue;
		}
		obj_open(x);
		kv(x, "name", s, n);
		if (rel)
			kvs(x, relkey, rel);
		obj_close(x);
	}
}

/* Whether any item of the arrays would be written by named_items (an empty array is left out). */
static int any_items(const cw_value *arr, cw_field member, const char *tag_kind)
{
	size_t n, kn;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = cw_member_value(m);
		if (!news_str(member != F_NONE ? rec_get(v, member) : v, &n))
			continue;
		if (!tag_kind)
			return 1;
		const char *k = news_str(rec_get(v, F_TAG_KIND), &kn);
		int own = k && ((kn == 10 && !memcmp(k, "geographic", 10)) ||
				(kn == 6 && !memcmp(k, "person", 6)) ||
				(kn == 12 && !memcmp(k, "organisation", 12)));
		if (!strcmp(tag_kind, "-") ? !own : (k && kn == strlen(tag_kind) && !memcmp(k, tag_kind, kn)))
			return 1;
	}
	return 0;
}

static void body(j *x, const cw_value *root, news_kind kind)
{
	news_buf b = { 0 }, tag = { 0 };
	/* Paragraphs parted by a blank line, written into one buffer (a 50 MB paragraph is not
	 * copied again). */
	news_each_paragraph(root, kind, &b, "\n\n", NULL, NULL);
	/* ninjs has no member for contributor lines: a body of their own, role "tagline" (NITF's
	 * name for them), a blank line between two. */
	size_t n;
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_CONTRIBUTORS)); m; m = cw_member_next(m)) {
		const char *t = news_str(rec_get(cw_member_value(m), F_CONTRIBUTOR_TEXT), &n);
		if (t) {
			if (tag.n)
				nb_puts(&tag, "\n\n");
			nb_put(&tag, t, n);
		}
	}
	const news_buf *parts[2] = { &b, &tag };
	static const char *const roles[2] = { "main", "tagline" };
	int opened = 0;
	for (int i = 0; i < 2; i++) {
		if (!parts[i]->n || parts[i]->oom)
			continue;
		if (!opened++)
			arr_open(x, "bodies");
		obj_open(x);
		kvs(x, "role", roles[i]);
		kvs(x, "contenttype", "text/plain");
		kv(x, "value", parts[i]->p, parts[i]->n);
		obj_close(x);
	}
	if (opened)
		arr_close(x);
	nb_free(&b);
	nb_free(&tag);
}

static void joined(j *x, const char *k, const cw_value *arr)
{
	size_t n;
	news_buf b = { 0 };
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const char *s = news_str(cw_member_value(m), &n);
		if (!s)
			continue;
		if (b.n)
			nb_put(&b, " ", 1);
		nb_put(&b, s, n);
	}
	if (b.n && !b.oom)
		kv(x, k, b.p, b.n);
	nb_free(&b);
}

typedef struct pictures {
	j *x;
	const char *uri;
	size_t un;
	int count;
} pictures;

/* A photo credit as a picture association: a description of role "caption" its caption, by the
 * credit. */
static void picture(void *ctx, const char *caption, size_t cn, const char *credit, size_t n)
{
	pictures *p = ctx;
	char name[32];
	int nn = snprintf(name, sizeof name, "picture%d", ++p->count);
	if (p->count == 1)
		arr_open(p->x, "associations");
	obj_open(p->x);
	kv(p->x, "name", name, (size_t)nn);
	news_buf u = { 0 };
	nb_put(&u, p->uri, p->un);
	nb_puts(&u, ":");
	nb_puts(&u, name);
	if (!u.oom)
		kv(p->x, "uri", u.p, u.n);
	nb_free(&u);
	kvs(p->x, "type", "picture");
	if (caption) {
		arr_open(p->x, "descriptions");
		obj_open(p->x);
		kvs(p->x, "role", "caption");
		kv(p->x, "value", caption, cn);
		obj_close(p->x);
		arr_close(p->x);
	}
	kv(p->x, "by", credit, n);
	obj_close(p->x);
}

static void error_note(j *x, const cw_record *rec)
{
	news_buf b = { 0 };
	for (size_t i = 0; i < cw_record_diag_count(rec); i++) {
		const cw_diag *d = cw_record_diag(rec, i);
		if (b.n)
			nb_puts(&b, " ");
		news_diagnostic(d, &b);
		nb_puts(&b, ".");
	}
	if (b.n && !b.oom)
		kv(x, "ednote", b.p, b.n);
	nb_free(&b);
}

static int ninjs_record(cw_emitter *em, const cw_record *rec)
{
	j x = { &em->out, 1 };
	const cw_value *root = cw_record_root(rec);
	news_kind kind = news_kind_of(rec);
	int cable = kind == NEWS_CABLE;
	size_t n;
	news_buf b = { 0 };

	sink_putc(x.s, '{');
	news_uri(root, kind, &b);
	kv(&x, "uri", b.oom ? "urn:cablewire:unknown" : b.p, b.oom ? 21 : b.n);
	nb_free(&b);
	kvs(&x, "type", "text");
	const char *date = news_date(root, &n);
	if (news_date_rfc3339(date, n)) {
		kv(&x, "firstcreated", date, n);
		kv(&x, "versioncreated", date, n);
	}
	int urg = news_urgency(root);
	if (urg) {
		key(&x, "urgency");
		sink_int(x.s, urg);
	}
	if (kind == NEWS_ERROR) {
		error_note(&x, rec);
		sink_put(x.s, "}\n", 2);
		return 0;
	}
	joined(&x, "ednote", rec_get(root, F_ARTICLE_EDNOTE));
	kvs(&x, "language", "en");

	const char *summary = news_str(rec_get(root, F_CABLE_SUMMARY), &n);
	if (summary) {
		arr_open(&x, "descriptions");
		obj_open(&x);
		kvs(&x, "role", "summary");
		kv(&x, "value", summary, n);
		obj_close(&x);
		arr_close(&x);
	}
	body(&x, root, kind);

	const char *hl = news_str(rec_get(root, cable ? F_CABLE_SUBJECT : F_ARTICLE_HEADLINE), &n);
	const cw_value *deck = rec_get(root, F_ARTICLE_DECK);
	if (hl || any_items(deck, F_NONE, NULL)) {
		arr_open(&x, "headlines");
		if (hl) {
			obj_open(&x);
			kvs(&x, "role", "main");
			kv(&x, "value", hl, n);
			obj_close(&x);
		}
		for (const cw_member *m = cw_value_first(deck); m; m = cw_member_next(m)) {
			size_t dn;
			const char *d = news_str(cw_member_value(m), &dn);
			if (!d)
				continue;
			obj_open(&x);
			kvs(&x, "role", "sub");
			kv(&x, "value", d, dn);
			obj_close(&x);
		}
		arr_close(&x);
	}

	const cw_value *tags = rec_get(root, F_CABLE_TAGS);
	const cw_value *bylines = rec_get(root, F_ARTICLE_BYLINES);
	const cw_value *reuters = rec_get(root, F_ARTICLE_REUTERS);
	const cw_value *r_people = rec_get(reuters, F_REUTERS_PEOPLE);
	if (any_items(bylines, F_BYLINE_NAME, NULL) || any_items(r_people, F_NONE, NULL) ||
	    any_items(tags, F_TAG_VALUE, "person")) {
		arr_open(&x, "people");
		named_items(&x, bylines, F_BYLINE_NAME, NULL, "rel", "author");
		named_items(&x, r_people, F_NONE, NULL, "rel", "subject");
		named_items(&x, tags, F_TAG_VALUE, "person", "rel", "subject");
		arr_close(&x);
	}
	const cw_value *r_orgs = rec_get(reuters, F_REUTERS_ORGS);
	const cw_value *r_companies = rec_get(reuters, F_REUTERS_COMPANIES);
	if (any_items(r_orgs, F_NONE, NULL) || any_items(r_companies, F_NONE, NULL) ||
	    any_items(tags, F_TAG_VALUE, "organisation")) {
		arr_open(&x, "organisations");
		named_items(&x, r_orgs, F_NONE, NULL, "rel", "subject");
		named_items(&x, r_companies, F_NONE, NULL, "rel", "subject");
		named_items(&x, tags, F_TAG_VALUE, "organisation", "rel", "subject");
		arr_close(&x);
	}
	news_buf loc = { 0 };
	news_location(root, kind, &loc);
	int has_loc = loc.n && !loc.oom;
	const cw_value *r_places = rec_get(reuters, F_REUTERS_PLACES);
	if (has_loc || any_items(r_places, F_NONE, NULL) || any_items(tags, F_TAG_VALUE, "geographic")) {
		arr_open(&x, "places");
		if (has_loc) {
			obj_open(&x);
			kv(&x, "name", loc.p, loc.n);
			kvs(&x, "rel", "located");
			obj_close(&x);
		}
		named_items(&x, r_places, F_NONE, NULL, "rel", "subject");
		named_items(&x, tags, F_TAG_VALUE, "geographic", "rel", "subject");
		arr_close(&x);
	}
	const cw_value *topics = rec_get(reuters, F_REUTERS_TOPICS);
	if (any_items(tags, F_TAG_VALUE, "-") || any_items(topics, F_NONE, NULL)) {
		arr_open(&x, "subjects");
		named_items(&x, tags, F_TAG_VALUE, "-", "rel", NULL);
		named_items(&x, topics, F_NONE, NULL, "rel", NULL);
		arr_close(&x);
	}
	const cw_value *agencies = rec_get(root, F_ARTICLE_AGENCIES);
	const char *fm = news_str(rec_path(root, F_CABLE_ROUTING, F_ROUTING_FROM, F_ADDRESS_ADDRESS), &n);
	if (any_items(agencies, F_NONE, NULL) || fm) {
		arr_open(&x, "infosources");
		named_items(&x, agencies, F_NONE, NULL, "role", NULL);
		if (fm) {
			obj_open(&x);
			kv(&x, "name", fm, n);
			kvs(&x, "role", "originator");
			obj_close(&x);
		}
		arr_close(&x);
	}
	news_byline(root, kind, &b);
	if (b.n && !b.oom)
		kv(&x, "by", b.p, b.n);
	nb_free(&b);
	const char *slug = news_str(rec_path(root, F_ARTICLE_WIRE, F_WIRE_SLUGLINE), &n);
	if (slug)
		kv(&x, "slugline", slug, n);
	news_uri(root, kind, &b);
	pictures pics = { &x, b.p, b.n, 0 };
	if (!b.oom)
		news_each_photo(root, picture, &pics);
	if (pics.count)
		arr_close(&x);
	nb_free(&b);
	if (has_loc)
		kv(&x, "located", loc.p, loc.n);
	nb_free(&loc);

	size_t rn, nn, wn;
	const char *release = news_str(rec_get(root, F_CABLE_RELEASE_ID), &rn);
	const char *newid = news_str(rec_path(root, F_ARTICLE_REUTERS, F_REUTERS_NEWID), &nn);
	const char *keyword = news_str(rec_path(root, F_ARTICLE_WIRE, F_WIRE_KEYWORD), &wn);
	if (release || newid || keyword) {
		arr_open(&x, "altids");
		if (release) {
			obj_open(&x);
			kvs(&x, "role", "release");
			kv(&x, "value", release, rn);
			obj_close(&x);
		}
		if (newid) {
			obj_open(&x);
			kvs(&x, "role", "reuters21578-newid");
			kv(&x, "value", newid, nn);
			obj_close(&x);
		}
		if (keyword) {
			obj_open(&x);
			kvs(&x, "role", "wire-keyword");
			kv(&x, "value", keyword, wn);
			obj_close(&x);
		}
		arr_close(&x);
	}
	sink_put(x.s, "}\n", 2);
	return 0;
}

const emitter_ops ninjs_ops = { "ninjs", NULL, ninjs_record, NULL };
