/* NewsML-G2 (IPTC, 2.29): one newsItem document per record, in the G2 namespace, documents one
 * after another like NITF's stream (each opening with its XML declaration at the start of a
 * line; a "<?xml" in a record's text is escaped, so the declarations mark the boundaries).
 * Compact output puts a document on a line. The structure written is schema/newsml-g2-subset.rnc:
 *
 *   newsItem@guid                   the record's URI (news.h: urn:cablewire:...), @version 1
 *   itemMeta/itemClass              ninat:text
 *   itemMeta/provider@literal       cablewire
 *   itemMeta/versionCreated         the record's date when it has a zone (RFC 3339), as ninjs
 *   itemMeta/pubStatus              stat:usable (stat:withheld for an error record)
 *   itemMeta/edNote                 each editors' note; an error record's diagnostics
 *   contentMeta/urgency             the wire's priority, a cable's precedence (news.h)
 *   contentMeta/located@literal     the dateline place ("RIVERTON, Wyo."), a cable's origin
 *   contentMeta/creator             one per byline: name, related@rel cwrel:title and
 *                                   cwrel:affiliation (literal); a cable's signature
 *   contentMeta/contributor@literal each contributor line (... contributed to this report.)
 *   contentMeta/subject@literal     the wire's subjects, Reuters topics, a cable's TAGS
 *   contentMeta/slugline            the wire slugline
 *   contentMeta/headline            the headline (a cable's subject); role hld:subHeadline:
 *                                   each deck line
 *   contentMeta/dateline            the dateline as written
 *   contentMeta/description         a cable's summary (role drol:summary)
 *   contentSet/inlineXML/html/body  XHTML: each paragraph a p (duplicates left out), a subhead
 *                                   an h2; a cable's as "1. (C) text", each sub-paragraph a p;
 *                                   each photo credit a figure, its figcaption the caption and
 *                                   the credit that ends it
 */
#include "emitters/emitter.h"
#include "emitters/news.h"
#include "parser/core/fields.h"

static void item_meta(news_xml *x, const cw_record *rec, const cw_value *root, news_kind kind)
{
	size_t n;
	nx_open(x, "itemMeta");
	nx_empty(x, "itemClass", "qcode", "ninat:text", 10);
	nx_empty(x, "provider", "literal", "cablewire", 9);
	const char *date = news_date(root, &n);
	if (date && news_date_rfc3339(date, n))
		nx_leaf(x, "versionCreated", "", date, n);
	const char *status = kind == NEWS_ERROR ? "stat:withheld" : "stat:usable";
	nx_empty(x, "pubStatus", "qcode", status, strlen(status));
	nx_strings(x, rec_get(root, F_ARTICLE_EDNOTE), F_NONE, "edNote", NULL);
	if (kind == NEWS_ERROR)
		for (size_t i = 0; i < cw_record_diag_count(rec); i++) {
			const cw_diag *d = cw_record_diag(rec, i);
			news_buf m = { 0 };
			news_diagnostic(d, &m);
			if (!m.oom)
				nx_leaf(x, "edNote", " role=\"cwrole:diagnostic\"", m.p, m.n);
			nb_free(&m);
		}
	nx_close(x, "itemMeta");
}

static void related(news_xml *x, const char *rel, const char *p, size_t n)
{
	nx_nl(x);
	sink_puts(x->s, "<related rel=\"");
	sink_puts(x->s, rel);
	sink_puts(x->s, "\" literal=\"");
	sink_xml_attr(x->s, p, n);
	sink_put(x->s, "\"/>", 3);
}

/* A cable's signature is its creator's name alone; an article's byline is an author, its title and
 * affiliation kept as literal related values. */
static void cable_creator(void *ctx, const news_author *a)
{
	news_xml *x = ctx;
	nx_open(x, "creator");
	nx_leaf(x, "name", "", a->name, a->name_n);
	nx_close(x, "creator");
}

static void creator(void *ctx, const news_author *a)
{
	news_xml *x = ctx;
	nx_open(x, "creator role=\"crol:author\"");
	if (a->name)
		nx_leaf(x, "name", "", a->name, a->name_n);
	if (a->title)
		related(x, "cwrel:title", a->title, a->title_n);
	if (a->affiliation)
		related(x, "cwrel:affiliation", a->affiliation, a->affiliation_n);
	nx_close(x, "creator");
}

static void content_meta(news_xml *x, const cw_value *root, news_kind kind, const char *hl, size_t hn)
{
	size_t n;
	nx_open(x, "contentMeta");
	int urg = news_urgency(root);
	if (urg) {
		char u[2] = { (char)('0' + urg), 0 };
		nx_leaf(x, "urgency", "", u, 1);
	}
	news_buf loc = { 0 };
	news_location(root, kind, &loc);
	if (loc.n && !loc.oom)
		nx_empty(x, "located", "literal", loc.p, loc.n);
	nb_free(&loc);
	news_each_author(root, kind, kind == NEWS_CABLE ? cable_creator : creator, x);
	nx_strings(x, rec_get(root, F_ARTICLE_CONTRIBUTORS), F_CONTRIBUTOR_TEXT, "contributor", "literal");
	const cw_value *wire = rec_get(root, F_ARTICLE_WIRE);
	nx_strings(x, rec_get(wire, F_WIRE_SUBJECTS), F_NONE, "subject", "literal");
	nx_strings(x, rec_path(root, F_ARTICLE_REUTERS, F_REUTERS_TOPICS), F_NONE, "subject", "literal");
	nx_strings(x, rec_get(root, F_CABLE_TAGS), F_TAG_VALUE, "subject", "literal");
	const char *slug = news_str(rec_get(wire, F_WIRE_SLUGLINE), &n);
	if (slug)
		nx_leaf(x, "slugline", "", slug, n);
	if (hl)
		nx_leaf(x, "headline", "", hl, hn);
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_DECK)); m; m = cw_member_next(m)) {
		const char *d = news_str(cw_member_value(m), &n);
		if (d)
			nx_leaf(x, "headline", " role=\"hld:subHeadline\"", d, n);
	}
	const char *dl = news_str(rec_path(root, F_ARTICLE_DATELINE, F_DATELINE_TEXT), &n);
	if (dl)
		nx_leaf(x, "dateline", "", dl, n);
	const char *summary = news_str(rec_get(root, F_CABLE_SUMMARY), &n);
	if (summary)
		nx_leaf(x, "description", " role=\"drol:summary\"", summary, n);
	nx_close(x, "contentMeta");
}

static void xhtml_para(void *ctx, news_buf *b, size_t start, int subhead)
{
	nx_leaf(ctx, subhead ? "h2" : "p", "", b->p + start, b->n - start);
	b->n = start;
}

/* A photo credit as a figure: its caption and the credit that ends it, the figcaption. */
static void xhtml_photo(void *ctx, const char *caption, size_t cn, const char *credit, size_t n)
{
	news_buf b = { 0 };
	news_photo_line(caption, cn, credit, n, &b);
	if (!b.oom) {
		nx_open(ctx, "figure");
		nx_leaf(ctx, "figcaption", "", b.p, b.n);
		nx_close(ctx, "figure");
	}
	nb_free(&b);
}

static void content_set(news_xml *x, const cw_value *root, news_kind kind)
{
	nx_open(x, "contentSet");
	nx_open(x, "inlineXML contenttype=\"application/xhtml+xml\"");
	nx_open(x, "html xmlns=\"http://www.w3.org/1999/xhtml\"");
	nx_open(x, "body");
	news_buf b = { 0 };
	news_each_paragraph(root, kind, &b, NULL, xhtml_para, x);
	nb_free(&b);
	news_each_photo(root, xhtml_photo, x);
	nx_close(x, "body");
	nx_close(x, "html");
	nx_close(x, "inlineXML");
	nx_close(x, "contentSet");
}

static int g2_record(cw_emitter *em, const cw_record *rec)
{
	news_xml x = { &em->out, em->pretty, 0 };
	const cw_value *root = cw_record_root(rec);
	news_kind kind = news_kind_of(rec);
	size_t hn;
	const char *hl = news_str(rec_get(root, kind == NEWS_CABLE ? F_CABLE_SUBJECT : F_ARTICLE_HEADLINE), &hn);
	if (kind == NEWS_ERROR)
		hl = NULL;
	news_buf uri = { 0 };
	news_uri(root, kind, &uri);
	nx_declaration(&x);
	sink_puts(x.s, "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" standard=\"NewsML-G2\" "
		       "standardversion=\"2.29\" conformance=\"power\" version=\"1\" guid=\"");
	sink_xml_attr(x.s, uri.p ? uri.p : "", uri.n);
	sink_puts(x.s, "\">");
	nb_free(&uri);
	x.depth = 1;
	nx_nl(&x);
	sink_puts(x.s, "<catalogRef href=\"http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml\"/>");
	item_meta(&x, rec, root, kind);
	content_meta(&x, root, kind, hl, hn);
	if (kind != NEWS_ERROR)
		content_set(&x, root, kind);
	nx_end(&x, "newsItem");
	return 0;
}

const emitter_ops newsml_g2_ops = { "newsml-g2", NULL, g2_record, NULL };
