/* NITF 3.6 (IPTC News Industry Text Format): one complete XML document per record, in the DTD's
 * vocabulary (no namespace, as the agencies' own NITF is written). NITF has no element for a
 * collection, so several records make a "NITF stream": documents one after another, each
 * starting with its own XML declaration at the start of a line (a "<?xml" in a record's text is
 * escaped, so the declaration marks the boundaries). Compact output puts a document on a line.
 *
 * The subset written is schema/nitf-subset.rnc (.rng for xmllint):
 *
 *   head/title                      headline (a cable's subject)
 *   head/meta                       cablewire.kind, cablewire.source-format, a cable's
 *                                   classification and captions
 *   head/docdata/doc-id@id-string   the record's key: its id, else path#index
 *   docdata/urgency@ed-urg          the wire's priority, a cable's precedence (see news.h)
 *   docdata/date.issue@norm         YYYYMMDDTHHMMSS+HHMM: DTG, wire transmission, Reuters date
 *                                   (no zone when the source gives none)
 *   docdata/ed-msg@info             each editors' note; an error record's diagnostics
 *   docdata/du-key@key              the wire slugline
 *   docdata/key-list/keyword@key    a cable's TAGS, Reuters topics
 *   docdata/identified-content      Reuters places, people, orgs and companies; a cable's
 *                                   geographic, person and organisation tags
 *   body.head/hedline/hl1, hl2      headline, each line of the deck
 *   body.head/byline                one per byline: person, byttl (title, org affiliation); a
 *                                   cable's signature
 *   body.head/distributor/org       each agency credited
 *   body.head/dateline              location "RIVERTON, Wyo." (a cable's origin), story.date (the
 *                                   dateline's date as written; a cable's DTG with @norm)
 *   body.head/abstract/p            a cable's summary (an article's deck when it has no headline)
 *   body.content/block/p            each paragraph (duplicates left out); a subhead as hl2; a
 *                                   cable's as "1. (C) text", each sub-paragraph a p
 *   body.content/block/media        each photo credit: media-caption (its caption),
 *                                   media-producer (the credit as written); no media-reference
 *                                   (the record has no picture to point at)
 *   body.end/tagline                the contributor lines, a <br/> between two
 */
#include "emitters/emitter.h"
#include "emitters/news.h"
#include "parser/core/fields.h"

#define NITF_VERSION "-//IPTC//DTD NITF 3.6//EN"

static void meta(news_xml *x, const char *name, const char *p, size_t n)
{
	nx_nl(x);
	sink_puts(x->s, "<meta name=\"");
	sink_puts(x->s, name);
	sink_puts(x->s, "\" content=\"");
	sink_xml_attr(x->s, p, n);
	sink_put(x->s, "\"/>", 3);
}

/* Whether a cable has a tag of this kind. */
static int has_tag(const cw_value *tags, const char *kind)
{
	size_t n;
	for (const cw_member *m = cw_value_first(tags); m; m = cw_member_next(m)) {
		const char *k = news_str(rec_get(cw_member_value(m), F_TAG_KIND), &n);
		if (k && n == strlen(kind) && !memcmp(k, kind, n))
			return 1;
	}
	return 0;
}

static void tags_as(news_xml *x, const cw_value *tags, const char *kind, const char *name)
{
	size_t n, vn;
	for (const cw_member *m = cw_value_first(tags); m; m = cw_member_next(m)) {
		const cw_value *t = cw_member_value(m);
		const char *k = news_str(rec_get(t, F_TAG_KIND), &n);
		const char *v = news_str(rec_get(t, F_TAG_VALUE), &vn);
		if (v && k && n == strlen(kind) && !memcmp(k, kind, n))
			nx_leaf(x, name, "", v, vn);
	}
}

static void docdata(news_xml *x, const cw_record *rec, const cw_value *root, news_kind kind)
{
	size_t n;
	news_buf b = { 0 };
	nx_open(x, "docdata");
	news_key(root, &b);
	if (b.n && !b.oom) {
		nx_nl(x);
		sink_puts(x->s, "<doc-id regsrc=\"cablewire\" id-string=\"");
		sink_xml_attr(x->s, b.p, b.n);
		sink_put(x->s, "\"/>", 3);
	}
	nb_free(&b);
	int urg = news_urgency(root);
	if (urg) {
		char u[2] = { (char)('0' + urg), 0 };
		nx_empty(x, "urgency", "ed-urg", u, 1);
	}
	const char *date = news_date(root, &n);
	char norm[24];
	size_t nn = news_date_norm(date, n, norm);
	if (nn)
		nx_empty(x, "date.issue", "norm", norm, nn);
	nx_strings(x, rec_get(root, F_ARTICLE_EDNOTE), F_NONE, "ed-msg", "info");
	if (kind == NEWS_ERROR) {
		for (size_t i = 0; i < cw_record_diag_count(rec); i++) {
			const cw_diag *d = cw_record_diag(rec, i);
			news_buf m = { 0 };
			news_diagnostic(d, &m);
			if (!m.oom) {
				nx_nl(x);
				sink_puts(x->s, "<ed-msg msg-type=\"diagnostic\" info=\"");
				sink_xml_attr(x->s, m.p, m.n);
				sink_put(x->s, "\"/>", 3);
			}
			nb_free(&m);
		}
	}
	const char *slug = news_str(rec_path(root, F_ARTICLE_WIRE, F_WIRE_SLUGLINE), &n);
	if (slug)
		nx_empty(x, "du-key", "key", slug, n);

	const cw_value *tags = rec_get(root, F_CABLE_TAGS);
	const cw_value *reuters = rec_get(root, F_ARTICLE_REUTERS);
	const cw_value *topics = rec_get(reuters, F_REUTERS_TOPICS);
	if (cw_value_count(tags) || cw_value_count(topics)) {
		nx_open(x, "key-list");
		nx_strings(x, tags, F_TAG_VALUE, "keyword", "key");
		nx_strings(x, topics, F_NONE, "keyword", "key");
		nx_close(x, "key-list");
	}
	const cw_value *places = rec_get(reuters, F_REUTERS_PLACES);
	const cw_value *people = rec_get(reuters, F_REUTERS_PEOPLE);
	const cw_value *orgs = rec_get(reuters, F_REUTERS_ORGS);
	const cw_value *companies = rec_get(reuters, F_REUTERS_COMPANIES);
	if (cw_value_count(places) || cw_value_count(people) || cw_value_count(orgs) ||
	    cw_value_count(companies) || has_tag(tags, "geographic") || has_tag(tags, "person") ||
	    has_tag(tags, "organisation")) {
		nx_open(x, "identified-content");
		nx_strings(x, people, F_NONE, "person", NULL);
		tags_as(x, tags, "person", "person");
		nx_strings(x, orgs, F_NONE, "org", NULL);
		nx_strings(x, companies, F_NONE, "org", NULL);
		tags_as(x, tags, "organisation", "org");
		nx_strings(x, places, F_NONE, "location", NULL);
		tags_as(x, tags, "geographic", "location");
		nx_close(x, "identified-content");
	}
	nx_close(x, "docdata");
}

static void head(news_xml *x, const cw_record *rec, const cw_value *root, news_kind kind, const char *hl,
		 size_t hn)
{
	size_t n;
	nx_open(x, "head");
	if (hl)
		nx_leaf(x, "title", "", hl, hn);
	const char *k = kind == NEWS_CABLE ? "cable" : kind == NEWS_ARTICLE ? "article" : "error";
	meta(x, "cablewire.kind", k, strlen(k));
	const char *form = news_str(rec_path(root, F_SOURCE, F_SOURCE_FORMAT), &n);
	if (form)
		meta(x, "cablewire.source-format", form, n);
	const char *level = news_str(rec_path(root, F_CABLE_CLASSIFICATION, F_CLASSIFICATION_LEVEL), &n);
	if (level)
		meta(x, "classification", level, n);
	for (const cw_member *m = cw_value_first(rec_get(root, F_CABLE_CAPTIONS)); m; m = cw_member_next(m)) {
		const char *c = news_str(cw_member_value(m), &n);
		if (c)
			meta(x, "caption", c, n);
	}
	docdata(x, rec, root, kind);
	nx_close(x, "head");
}

/* <byline><person>NAME</person><byttl>TITLE, <org>AFFILIATION</org></byttl></byline> */
static void byline(void *ctx, const news_author *a)
{
	news_xml *x = ctx;
	nx_open(x, "byline");
	if (a->name)
		nx_leaf(x, "person", "", a->name, a->name_n);
	if (a->title || a->affiliation) {
		nx_nl(x);
		sink_puts(x->s, "<byttl>");
		if (a->title)
			sink_xml_text(x->s, a->title, a->title_n);
		if (a->title && a->affiliation)
			sink_put(x->s, ", ", 2);
		if (a->affiliation) {
			sink_puts(x->s, "<org>");
			sink_xml_text(x->s, a->affiliation, a->affiliation_n);
			sink_puts(x->s, "</org>");
		}
		sink_puts(x->s, "</byttl>");
	}
	nx_close(x, "byline");
}

static void dateline(news_xml *x, const cw_value *root, news_kind kind)
{
	size_t n = 0, dn = 0;
	news_buf loc = { 0 };
	news_location(root, kind, &loc);
	const char *date = NULL, *norm_src = NULL;
	if (kind == NEWS_CABLE) {
		date = news_str(rec_path(root, F_CABLE_ROUTING, F_ROUTING_DTG_RAW), &dn);
		norm_src = news_str(rec_path(root, F_CABLE_ROUTING, F_ROUTING_DTG), &n);
	} else {
		date = news_str(rec_path(root, F_ARTICLE_DATELINE, F_DATELINE_DATE), &dn);
	}
	char norm[24];
	size_t nn = news_date_norm(norm_src, n, norm);
	if ((loc.n && !loc.oom) || date) {
		nx_open(x, "dateline");
		if (loc.n && !loc.oom)
			nx_leaf(x, "location", "", loc.p, loc.n);
		if (date) {
			nx_nl(x);
			sink_puts(x->s, "<story.date");
			if (nn) {
				sink_puts(x->s, " norm=\"");
				sink_put(x->s, norm, nn);
				sink_putc(x->s, '"');
			}
			sink_putc(x->s, '>');
			sink_xml_text(x->s, date, dn);
			sink_puts(x->s, "</story.date>");
		}
		nx_close(x, "dateline");
	}
	nb_free(&loc);
}

static void body_head(news_xml *x, const cw_value *root, news_kind kind, const char *hl, size_t hn)
{
	size_t n;
	const cw_value *deck = rec_get(root, F_ARTICLE_DECK);
	nx_open(x, "body.head");
	if (hl) {
		nx_open(x, "hedline");
		nx_leaf(x, "hl1", "", hl, hn);
		nx_strings(x, deck, F_NONE, "hl2", NULL);
		nx_close(x, "hedline");
	}
	news_each_author(root, kind, byline, x);
	const cw_value *agencies = rec_get(root, F_ARTICLE_AGENCIES);
	if (cw_value_count(agencies)) {
		nx_open(x, "distributor");
		nx_strings(x, agencies, F_NONE, "org", NULL);
		nx_close(x, "distributor");
	}
	dateline(x, root, kind);
	const char *summary = news_str(rec_get(root, F_CABLE_SUMMARY), &n);
	if (summary) {
		nx_open(x, "abstract");
		nx_leaf(x, "p", "", summary, n);
		nx_close(x, "abstract");
	} else if (!hl && cw_value_count(deck)) {
		nx_open(x, "abstract");
		nx_strings(x, deck, F_NONE, "p", NULL);
		nx_close(x, "abstract");
	}
	nx_close(x, "body.head");
}

typedef struct content {
	news_xml *x;
	int opened;
} content;

/* A paragraph into body.content/block, opened with the first. */
static void content_para(void *ctx, news_buf *b, size_t start, int subhead)
{
	content *c = ctx;
	if (!c->opened) {
		nx_open(c->x, "body.content");
		nx_open(c->x, "block");
		c->opened = 1;
	}
	nx_leaf(c->x, subhead ? "hl2" : "p", "", b->p + start, b->n - start);
	b->n = start;
}

/* A photo credit as the picture's media: its caption, the credit as its producer (no
 * media-reference: the record has no picture to point at). */
static void content_photo(void *ctx, const char *caption, size_t cn, const char *credit, size_t n)
{
	content *c = ctx;
	if (!c->opened) {
		nx_open(c->x, "body.content");
		nx_open(c->x, "block");
		c->opened = 1;
	}
	nx_open(c->x, "media media-type=\"image\"");
	if (caption)
		nx_leaf(c->x, "media-caption", "", caption, cn);
	nx_leaf(c->x, "media-producer", "", credit, n);
	nx_close(c->x, "media");
}

static void body_content(news_xml *x, const cw_value *root, news_kind kind)
{
	content c = { x, 0 };
	news_buf b = { 0 };
	news_each_paragraph(root, kind, &b, NULL, content_para, &c);
	nb_free(&b);
	news_each_photo(root, content_photo, &c);
	if (c.opened) {
		nx_close(x, "block");
		nx_close(x, "body.content");
	}
}

/* The contributor lines, a <br/> between two. */
static void body_end(news_xml *x, const cw_value *root)
{
	size_t n;
	int lines = 0;
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_CONTRIBUTORS)); m; m = cw_member_next(m)) {
		const char *t = news_str(rec_get(cw_member_value(m), F_CONTRIBUTOR_TEXT), &n);
		if (!t)
			continue;
		if (!lines++) {
			nx_open(x, "body.end");
			nx_nl(x);
			sink_puts(x->s, "<tagline>");
		} else {
			sink_puts(x->s, "<br/>");
		}
		sink_xml_text(x->s, t, n);
	}
	if (lines) {
		sink_puts(x->s, "</tagline>");
		nx_close(x, "body.end");
	}
}

static int nitf_record(cw_emitter *em, const cw_record *rec)
{
	news_xml x = { &em->out, em->pretty, 0 };
	const cw_value *root = cw_record_root(rec);
	news_kind kind = news_kind_of(rec);
	size_t hn;
	const char *hl = news_str(rec_get(root, kind == NEWS_CABLE ? F_CABLE_SUBJECT : F_ARTICLE_HEADLINE), &hn);
	if (kind == NEWS_ERROR)
		hl = NULL;
	nx_declaration(&x);
	sink_puts(x.s, "<nitf version=\"" NITF_VERSION "\" baselang=\"en\">");
	x.depth = 1;
	head(&x, rec, root, kind, hl, hn);
	nx_open(&x, "body");
	if (kind != NEWS_ERROR) {
		body_head(&x, root, kind, hl, hn);
		body_content(&x, root, kind);
		body_end(&x, root);
	}
	nx_close(&x, "body");
	nx_end(&x, "nitf");
	return 0;
}

const emitter_ops nitf_ops = { "nitf", NULL, nitf_record, NULL };
