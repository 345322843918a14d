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
 *                                   an h2; a cable's as "1. (C) text", each sub-paragraph a p
 */
#include "emitters/emitter.h"
#include "emitters/news.h"
#include "parser/core/fields.h"

typedef struct w {
	sink *s;
	int pretty;
	int depth;
} w;

static void nl(w *x)
{
	if (!x->pretty)
		return;
	sink_putc(x->s, '\n');
	for (int i = 0; i < x->depth; i++)
		sink_put(x->s, "  ", 2);
}

static void x_open(w *x, const char *tag)
{
	nl(x);
	sink_putc(x->s, '<');
	sink_puts(x->s, tag);
	sink_putc(x->s, '>');
	x->depth++;
}

static void x_close(w *x, const char *name)
{
	x->depth--;
	nl(x);
	sink_put(x->s, "</", 2);
	sink_puts(x->s, name);
	sink_putc(x->s, '>');
}

/* <name attrs>text</name>: attrs written as given ("" for none). */
static void leaf(w *x, const char *name, const char *attrs, const char *p, size_t n)
{
	nl(x);
	sink_putc(x->s, '<');
	sink_puts(x->s, name);
	sink_puts(x->s, attrs);
	sink_putc(x->s, '>');
	sink_xml_text(x->s, p, n);
	sink_put(x->s, "</", 2);
	sink_puts(x->s, name);
	sink_putc(x->s, '>');
}

/* <name attr="value"/> */
static void empty1(w *x, const char *name, const char *attr, const char *p, size_t n)
{
	nl(x);
	sink_putc(x->s, '<');
	sink_puts(x->s, name);
	sink_putc(x->s, ' ');
	sink_puts(x->s, attr);
	sink_put(x->s, "=\"", 2);
	sink_xml_attr(x->s, p, n);
	sink_put(x->s, "\"/>", 3);
}

static void strings(w *x, const cw_value *arr, cw_field member, const char *name, const char *attr)
{
	size_t n;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = cw_member_value(m);
		const char *s = news_str(member != F_NONE ? rec_get(v, member) : v, &n);
		if (!s)
			continue;
		if (attr)
			empty1(x, name, attr, s, n);
		else
			leaf(x, name, "", s, n);
	}
}

static void item_meta(w *x, const cw_record *rec, const cw_value *root, news_kind kind)
{
	size_t n;
	x_open(x, "itemMeta");
	empty1(x, "itemClass", "qcode", "ninat:text", 10);
	empty1(x, "provider", "literal", "cablewire", 9);
	const char *date = news_date(root, &n);
	if (date && news_date_rfc3339(date, n))
		leaf(x, "versionCreated", "", date, n);
	const char *status = kind == NEWS_ERROR ? "stat:withheld" : "stat:usable";
	empty1(x, "pubStatus", "qcode", status, strlen(status));
	strings(x, rec_get(root, F_ARTICLE_EDNOTE), F_NONE, "edNote", NULL);
	if (kind == NEWS_ERROR)
		for (size_t i = 0; i < cw_record_diag_count(rec); i++) {
			const cw_diag *d = cw_record_diag(rec, i);
			news_buf m = { 0 };
			nb_puts(&m, d->code ? d->code : "");
			nb_puts(&m, ": ");
			nb_puts(&m, d->message ? d->message : "");
			if (!m.oom)
				leaf(x, "edNote", " role=\"cwrole:diagnostic\"", m.p, m.n);
			nb_free(&m);
		}
	x_close(x, "itemMeta");
}

static void related(w *x, const char *rel, const char *p, size_t n)
{
	nl(x);
	sink_puts(x->s, "<related rel=\"");
	sink_puts(x->s, rel);
	sink_puts(x->s, "\" literal=\"");
	sink_xml_attr(x->s, p, n);
	sink_put(x->s, "\"/>", 3);
}

static void creators(w *x, const cw_value *root, news_kind kind)
{
	size_t n, tn, an;
	if (kind == NEWS_CABLE) {
		news_buf b = { 0 };
		news_byline(root, kind, &b);
		if (b.n && !b.oom) {
			x_open(x, "creator");
			leaf(x, "name", "", b.p, b.n);
			x_close(x, "creator");
		}
		nb_free(&b);
		return;
	}
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_BYLINES)); m; m = cw_member_next(m)) {
		const cw_value *e = cw_member_value(m);
		const char *name = news_str(rec_get(e, F_BYLINE_NAME), &n);
		const char *title = news_str(rec_get(e, F_BYLINE_TITLE), &tn);
		const char *aff = news_str(rec_get(e, F_BYLINE_AFFILIATION), &an);
		if (!name && !title && !aff)
			continue;
		x_open(x, "creator role=\"crol:author\"");
		if (name)
			leaf(x, "name", "", name, n);
		if (title)
			related(x, "cwrel:title", title, tn);
		if (aff)
			related(x, "cwrel:affiliation", aff, an);
		x_close(x, "creator");
	}
}

static void content_meta(w *x, const cw_value *root, news_kind kind, const char *hl, size_t hn)
{
	size_t n;
	x_open(x, "contentMeta");
	int urg = news_urgency(root);
	if (urg) {
		char u[2] = { (char)('0' + urg), 0 };
		leaf(x, "urgency", "", u, 1);
	}
	news_buf loc = { 0 };
	news_location(root, kind, &loc);
	if (loc.n && !loc.oom)
		empty1(x, "located", "literal", loc.p, loc.n);
	nb_free(&loc);
	creators(x, root, kind);
	strings(x, rec_get(root, F_ARTICLE_CONTRIBUTORS), F_CONTRIBUTOR_TEXT, "contributor", "literal");
	const cw_value *wire = rec_get(root, F_ARTICLE_WIRE);
	strings(x, rec_get(wire, F_WIRE_SUBJECTS), F_NONE, "subject", "literal");
	strings(x, rec_path(root, F_ARTICLE_REUTERS, F_REUTERS_TOPICS), F_NONE, "subject", "literal");
	strings(x, rec_get(root, F_CABLE_TAGS), F_TAG_VALUE, "subject", "literal");
	const char *slug = news_str(rec_get(wire, F_WIRE_SLUGLINE), &n);
	if (slug)
		leaf(x, "slugline", "", slug, n);
	if (hl)
		leaf(x, "headline", "", hl, hn);
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_DECK)); m; m = cw_member_next(m)) {
		const char *d = news_str(cw_member_value(m), &n);
		if (d)
			leaf(x, "headline", " role=\"hld:subHeadline\"", d, n);
	}
	const char *dl = news_str(rec_path(root, F_ARTICLE_DATELINE, F_DATELINE_TEXT), &n);
	if (dl)
		leaf(x, "dateline", "", dl, n);
	const char *summary = news_str(rec_get(root, F_CABLE_SUMMARY), &n);
	if (summary)
		leaf(x, "description", " role=\"drol:summary\"", summary, n);
	x_close(x, "contentMeta");
}

static void content_set(w *x, const cw_value *root, news_kind kind)
{
	const cw_value *paras = rec_get(root, kind == NEWS_CABLE ? F_CABLE_PARAGRAPHS : F_ARTICLE_PARAGRAPHS);
	x_open(x, "contentSet");
	x_open(x, "inlineXML contenttype=\"application/xhtml+xml\"");
	x_open(x, "html xmlns=\"http://www.w3.org/1999/xhtml\"");
	x_open(x, "body");
	for (const cw_member *m = cw_value_first(paras); m; m = cw_member_next(m)) {
		const cw_value *p = cw_member_value(m);
		if (kind == NEWS_ARTICLE && news_duplicate(p))
			continue;
		news_buf b = { 0 };
		news_paragraph(p, kind, &b);
		if (b.n && !b.oom)
			leaf(x, cw_value_bool(rec_get(p, F_ARTICLE_PARAGRAPH_SUBHEAD)) ? "h2" : "p", "", b.p, b.n);
		nb_free(&b);
		for (const cw_member *sm = cw_value_first(rec_get(p, F_PARAGRAPH_SUBPARAGRAPHS)); sm; sm = cw_member_next(sm)) {
			news_buf sb = { 0 };
			news_subparagraph(cw_member_value(sm), &sb);
			if (sb.n && !sb.oom)
				leaf(x, "p", "", sb.p, sb.n);
			nb_free(&sb);
		}
	}
	x_close(x, "body");
	x_close(x, "html");
	x_close(x, "inlineXML");
	x_close(x, "contentSet");
}

static int g2_record(cw_emitter *em, const cw_record *rec)
{
	w x = { &em->out, em->pretty, 0 };
	const cw_value *root = cw_record_root(rec);
	news_kind kind = news_kind_of(rec);
	size_t hn;
	const char *hl = news_str(rec_get(root, kind == NEWS_CABLE ? F_CABLE_SUBJECT : F_ARTICLE_HEADLINE), &hn);
	if (kind == NEWS_ERROR)
		hl = NULL;
	news_buf uri = { 0 };
	news_uri(root, kind, &uri);
	sink_puts(x.s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	if (x.pretty)
		sink_putc(x.s, '\n');
	sink_puts(x.s, "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" standard=\"NewsML-G2\" "
		       "standardversion=\"2.29\" conformance=\"power\" version=\"1\" guid=\"");
	sink_xml_attr(x.s, uri.p ? uri.p : "", uri.n);
	sink_puts(x.s, "\">");
	nb_free(&uri);
	x.depth = 1;
	nl(&x);
	sink_puts(x.s, "<catalogRef href=\"http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml\"/>");
	item_meta(&x, rec, root, kind);
	content_meta(&x, root, kind, hl, hn);
	if (kind != NEWS_ERROR)
		content_set(&x, root, kind);
	x.depth = 0;
	nl(&x);
	sink_puts(x.s, "</newsItem>\n");
	return 0;
}

const emitter_ops newsml_g2_ops = { "newsml-g2", NULL, g2_record, NULL };
