/* What the NITF, ninjs and NewsML-G2 emitters read the same way from a record, and the XML
 * writer of the two XML formats; see news.h. */
#include "emitters/news.h"

#include "parser/core/fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nb_put(news_buf *b, const char *p, size_t n)
{
	if (b->oom || n == 0)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n)
			cap *= 2;
		char *q = realloc(b->p, cap);
		if (!q) {
			b->oom = 1;
			return;
		}
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

void nb_puts(news_buf *b, const char *str) { nb_put(b, str, strlen(str)); }

void nb_free(news_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
	b->oom = 0;
}

news_kind news_kind_of(const cw_record *rec)
{
	const char *k = cw_record_kind(rec);
	if (k && !strcmp(k, "cable"))
		return NEWS_CABLE;
	if (k && !strcmp(k, "article"))
		return NEWS_ARTICLE;
	return NEWS_ERROR;
}

const char *news_str(const cw_value *v, size_t *n)
{
	size_t len = 0;
	const char *s = cw_value_string(v, &len);
	*n = s ? len : 0;
	return s && len ? s : NULL;
}

const char *news_date(const cw_value *root, size_t *n)
{
	const cw_value *routing = rec_get(root, F_CABLE_ROUTING);
	const cw_value *dates[] = {
		rec_get(routing, F_ROUTING_DTG),
		rec_path(routing, F_ROUTING_ORIGINATOR, F_ORIGINATOR_FILED, F_FILED_ISO),
		rec_path(root, F_ARTICLE_WIRE, F_WIRE_TRANSMITTED),
		rec_path(root, F_ARTICLE_REUTERS, F_REUTERS_DATE),
	};
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		const char *s = news_str(dates[i], n);
		if (s)
			return s;
	}
	return NULL;
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "YYYY-MM-DDTHH:MM:SS" */
static int iso_base(const char *s, size_t n)
{
	return n >= 19 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
	       digits(s + 8, 2) && s[10] == 'T' && digits(s + 11, 2) && s[13] == ':' &&
	       digits(s + 14, 2) && s[16] == ':' && digits(s + 17, 2);
}

/* The zone after the base: 0 none, 1 "Z", 2 "+HH:MM" / "-HH:MM", -1 anything else. */
static int iso_zone(const char *s, size_t n)
{
	if (n == 19)
		return 0;
	if (n == 20 && s[19] == 'Z')
		return 1;
	if (n == 25 && (s[19] == '+' || s[19] == '-') && digits(s + 20, 2) && s[22] == ':' &&
	    digits(s + 23, 2))
		return 2;
	return -1;
}

int news_date_rfc3339(const char *s, size_t n)
{
	return s && iso_base(s, n) && iso_zone(s, n) > 0;
}

size_t news_date_norm(const char *s, size_t n, char out[24])
{
	if (!s || !iso_base(s, n))
		return 0;
	int zone = iso_zone(s, n);
	if (zone < 0)
		return 0;
	size_t k = 0;
	memcpy(out + k, s, 4), k += 4;
	memcpy(out + k, s + 5, 2), k += 2;
	memcpy(out + k, s + 8, 2), k += 2;
	out[k++] = 'T';
	memcpy(out + k, s + 11, 2), k += 2;
	memcpy(out + k, s + 14, 2), k += 2;
	memcpy(out + k, s + 17, 2), k += 2;
	if (zone == 1) {
		memcpy(out + k, "+0000", 5), k += 5;
	} else if (zone == 2) {
		out[k++] = s[19];
		memcpy(out + k, s + 20, 2), k += 2;
		memcpy(out + k, s + 23, 2), k += 2;
	}
	out[k] = '\0';
	return k;
}

static int has_word(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (!memcmp(s + i, word, w))
			return 1;
	return 0;
}

int news_urgency(const cw_value *root)
{
	size_t n;
	const cw_value *wire = rec_get(root, F_ARTICLE_WIRE);
	const char *p = news_str(rec_get(wire, F_WIRE_PRIORITY), &n);
	const char *f = news_str(rec_get(wire, F_WIRE_FORMAT), &n);
	if (p && f && n == 8 && !memcmp(f, "iptc7901", 8))
		return p[0] >= '1' && p[0] <= '8' ? p[0] - '0' : 0;
	if (p) {
		switch (p[0]) {
		case 'f': return 1;
		case 'b': return 2;
		case 'u': return 3;
		case 'r': return 5;
		case 'd': case 'h': return 6;
		case 'a': case 's': return 7;
		case 'y': return 8;
		}
		return 0;
	}
	const char *a =
		news_str(rec_path(root, F_CABLE_ROUTING, F_ROUTING_PRECEDENCE, F_PRECEDENCE_ACTION), &n);
	if (!a)
		return 0;
	if (has_word(a, n, "FLASH") || has_word(a, n, "NIACT"))
		return 1;
	if (has_word(a, n, "IMMEDIATE"))
		return 2;
	if (has_word(a, n, "PRIORITY"))
		return 3;
	if (has_word(a, n, "ROUTINE"))
		return 5;
	return 0;
}

static void put_index(news_buf *b, const cw_value *root)
{
	char num[24];
	int k = snprintf(num, sizeof num, "%lld", (long long)rec_int(rec_get(root, F_SOURCE), F_SOURCE_INDEX));
	nb_put(b, num, (size_t)k);
}

void news_key(const cw_value *root, news_buf *b)
{
	size_t n;
	const char *id = news_str(rec_get(root, F_ID), &n);
	if (id) {
		nb_put(b, id, n);
		return;
	}
	const char *path = news_str(rec_path(root, F_SOURCE, F_SOURCE_PATH), &n);
	nb_put(b, path ? path : "-", path ? n : 1);
	nb_put(b, "#", 1);
	put_index(b, root);
}

/* RFC 8141's NSS: pchar and "/"; everything else percent-encoded. */
static void put_nss(news_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c && strchr("-._~!$&'()*+,;=:@/", c))) {
			nb_put(b, (const char *)&s[i], 1);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			nb_put(b, e, 3);
		}
	}
}

void news_uri(const cw_value *root, news_kind kind, news_buf *b)
{
	nb_puts(b, "urn:cablewire:");
	nb_puts(b, kind == NEWS_CABLE ? "cable:" : kind == NEWS_ARTICLE ? "article:" : "error:");
	size_t n;
	const char *id = news_str(rec_get(root, F_ID), &n);
	if (id) {
		put_nss(b, id, n);
		return;
	}
	const char *path = news_str(rec_path(root, F_SOURCE, F_SOURCE_PATH), &n);
	put_nss(b, path ? path : "-", path ? n : 1);
	nb_put(b, ":", 1);
	put_index(b, root);
}

void news_location(const cw_value *root, news_kind kind, news_buf *b)
{
	size_t n, rn;
	if (kind == NEWS_CABLE) {
		const char *o = news_str(rec_get(root, F_CABLE_ORIGIN), &n);
		if (o)
			nb_put(b, o, n);
		return;
	}
	const cw_value *dateline = rec_get(root, F_ARTICLE_DATELINE);
	const char *loc = news_str(rec_get(dateline, F_DATELINE_LOCATION), &n);
	const char *reg = news_str(rec_get(dateline, F_DATELINE_REGION), &rn);
	if (!loc)
		return;
	nb_put(b, loc, n);
	if (reg) {
		nb_put(b, ", ", 2);
		nb_put(b, reg, rn);
	}
}

void news_byline(const cw_value *root, news_kind kind, news_buf *b)
{
	size_t n;
	if (kind == NEWS_CABLE) {
		for (const cw_member *m = cw_value_first(rec_get(root, F_CABLE_SIGNATURE)); m; m = cw_member_next(m)) {
			const char *s = news_str(cw_member_value(m), &n);
			if (!s)
				continue;
			if (b->n)
				nb_put(b, " ", 1);
			nb_put(b, s, n);
		}
		return;
	}
	const cw_value *by = rec_get(root, F_ARTICLE_BYLINES);
	size_t count = 0, i = 0;
	for (const cw_member *m = cw_value_first(by); m; m = cw_member_next(m))
		count += news_str(rec_get(cw_member_value(m), F_BYLINE_NAME), &n) != NULL;
	const cw_value *last = NULL;
	for (const cw_member *m = cw_value_first(by); m; m = cw_member_next(m)) {
		const cw_value *e = cw_member_value(m);
		const char *name = news_str(rec_get(e, F_BYLINE_NAME), &n);
		if (!name)
			continue;
		nb_puts(b, i == 0 ? "" : i + 1 == count ? " and " : ", ");
		nb_put(b, name, n);
		i++;
		last = e;
	}
	if (!last) { /* an organisation's byline: its affiliation, else its title */
		for (int f = 0; f < 2; f++)
			for (const cw_member *m = cw_value_first(by); m; m = cw_member_next(m)) {
				const char *t = news_str(rec_get(cw_member_value(m), f ? F_BYLINE_TITLE
											: F_BYLINE_AFFILIATION), &n);
				if (t) {
					nb_put(b, t, n);
					return;
				}
			}
		return;
	}
	/* "Name, Title, Affiliation": the byline scanners read both back apart. */
	const char *t = news_str(rec_get(last, F_BYLINE_TITLE), &n);
	if (t) {
		nb_put(b, ", ", 2);
		nb_put(b, t, n);
	}
	t = news_str(rec_get(last, F_BYLINE_AFFILIATION), &n);
	if (t) {
		nb_put(b, ", ", 2);
		nb_put(b, t, n);
	}
}

static void put_marking(news_buf *b, const cw_value *marking)
{
	size_t n;
	const char *m = news_str(marking, &n);
	if (m) {
		nb_put(b, "(", 1);
		nb_put(b, m, n);
		nb_put(b, ") ", 2);
	}
}

void news_paragraph(const cw_value *p, news_kind kind, news_buf *b)
{
	size_t n;
	if (kind == NEWS_CABLE) {
		const cw_value *number = rec_get(p, F_PARAGRAPH_NUMBER);
		if (cw_value_type(number) == CW_INT) {
			char num[24];
			int k = snprintf(num, sizeof num, "%lld. ", (long long)cw_value_int(number));
			nb_put(b, num, (size_t)k);
		}
		put_marking(b, rec_get(p, F_PARAGRAPH_MARKING));
		const char *h = news_str(rec_get(p, F_PARAGRAPH_HEADING), &n);
		if (h) {
			nb_put(b, h, n);
			nb_put(b, ": ", 2);
		}
	}
	const char *t = news_str(rec_get(p, kind == NEWS_CABLE ? F_PARAGRAPH_TEXT : F_ARTICLE_PARAGRAPH_TEXT), &n);
	if (t)
		nb_put(b, t, n);
}

void news_subparagraph(const cw_value *sp, news_buf *b)
{
	size_t n;
	const char *l = news_str(rec_get(sp, F_SUBPARAGRAPH_LABEL), &n);
	if (l) {
		nb_put(b, l, n);
		nb_put(b, ". ", 2);
	}
	put_marking(b, rec_get(sp, F_SUBPARAGRAPH_MARKING));
	const char *t = news_str(rec_get(sp, F_SUBPARAGRAPH_TEXT), &n);
	if (t)
		nb_put(b, t, n);
}

int news_duplicate(const cw_value *p)
{
	return cw_value_type(rec_get(p, F_ARTICLE_PARAGRAPH_DUPLICATE_OF)) == CW_INT;
}

/* Appends one paragraph's text (after sep when b holds text already) and hands it to fn; a
 * paragraph that gives no text leaves b as it was. */
static void one_paragraph(news_buf *b, const char *sep, const cw_value *p, const cw_value *sp,
			  news_kind kind, news_text_fn fn, void *ctx)
{
	size_t before = b->n;
	if (b->n && sep)
		nb_puts(b, sep);
	size_t start = b->n;
	if (sp)
		news_subparagraph(sp, b);
	else
		news_paragraph(p, kind, b);
	if (b->n == start || b->oom) {
		b->n = before;
		return;
	}
	if (fn)
		fn(ctx, b, start, !sp && cw_value_bool(rec_get(p, F_ARTICLE_PARAGRAPH_SUBHEAD)));
}

void news_each_paragraph(const cw_value *root, news_kind kind, news_buf *b, const char *sep,
			 news_text_fn fn, void *ctx)
{
	const cw_value *paras = rec_get(root, kind == NEWS_CABLE ? F_CABLE_PARAGRAPHS : F_ARTICLE_PARAGRAPHS);
	for (const cw_member *m = cw_value_first(paras); m; m = cw_member_next(m)) {
		const cw_value *p = cw_member_value(m);
		if (kind == NEWS_ARTICLE && news_duplicate(p))
			continue;
		one_paragraph(b, sep, p, NULL, kind, fn, ctx);
		for (const cw_member *sm = cw_value_first(rec_get(p, F_PARAGRAPH_SUBPARAGRAPHS)); sm; sm = cw_member_next(sm))
			one_paragraph(b, sep, p, cw_member_value(sm), kind, fn, ctx);
	}
}

void news_each_author(const cw_value *root, news_kind kind, news_author_fn fn, void *ctx)
{
	news_author a = { 0 };
	if (kind == NEWS_CABLE) {
		news_buf b = { 0 };
		news_byline(root, kind, &b);
		if (b.n && !b.oom) {
			a.name = b.p;
			a.name_n = b.n;
			fn(ctx, &a);
		}
		nb_free(&b);
		return;
	}
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_BYLINES)); m; m = cw_member_next(m)) {
		const cw_value *e = cw_member_value(m);
		a.name = news_str(rec_get(e, F_BYLINE_NAME), &a.name_n);
		a.title = news_str(rec_get(e, F_BYLINE_TITLE), &a.title_n);
		a.affiliation = news_str(rec_get(e, F_BYLINE_AFFILIATION), &a.affiliation_n);
		if (a.name || a.title || a.affiliation)
			fn(ctx, &a);
	}
}

void news_each_photo(const cw_value *root, news_photo_fn fn, void *ctx)
{
	size_t cn, n;
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_PHOTO_CREDITS)); m; m = cw_member_next(m)) {
		const cw_value *c = cw_member_value(m);
		const char *credit = news_str(rec_get(c, F_PHOTO_CREDIT_CREDIT), &n);
		const char *caption = news_str(rec_get(c, F_PHOTO_CREDIT_CAPTION), &cn);
		if (credit)
			fn(ctx, caption, caption ? cn : 0, credit, n);
	}
}

void news_photo_line(const char *caption, size_t cn, const char *credit, size_t n, news_buf *b)
{
	if (caption) {
		nb_put(b, caption, cn);
		nb_put(b, " ", 1);
	}
	nb_put(b, credit, n);
}

void news_diagnostic(const cw_diag *d, news_buf *b)
{
	nb_puts(b, d->code ? d->code : "");
	nb_puts(b, ": ");
	nb_puts(b, d->message ? d->message : "");
}

/* ---- the XML writer -------------------------------------------------------------------------- */

void nx_nl(news_xml *x)
{
	if (!x->pretty)
		return;
	sink_putc(x->s, '\n');
	for (int i = 0; i < x->depth; i++)
		sink_put(x->s, "  ", 2);
}

void nx_declaration(news_xml *x)
{
	sink_puts(x->s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	if (x->pretty)
		sink_putc(x->s, '\n');
}

/* "<name" on a line of its own. */
static void start_tag(news_xml *x, const char *name)
{
	nx_nl(x);
	sink_putc(x->s, '<');
	sink_puts(x->s, name);
}

static void end_tag(news_xml *x, const char *name)
{
	sink_put(x->s, "</", 2);
	sink_puts(x->s, name);
	sink_putc(x->s, '>');
}

void nx_open(news_xml *x, const char *tag)
{
	start_tag(x, tag);
	sink_putc(x->s, '>');
	x->depth++;
}

void nx_close(news_xml *x, const char *name)
{
	x->depth--;
	nx_nl(x);
	end_tag(x, name);
}

void nx_leaf(news_xml *x, const char *name, const char *attrs, const char *p, size_t n)
{
	start_tag(x, name);
	sink_puts(x->s, attrs);
	sink_putc(x->s, '>');
	sink_xml_text(x->s, p, n);
	end_tag(x, name);
}

void nx_empty(news_xml *x, const char *name, const char *attr, const char *p, size_t n)
{
	start_tag(x, name);
	sink_putc(x->s, ' ');
	sink_puts(x->s, attr);
	sink_put(x->s, "=\"", 2);
	sink_xml_attr(x->s, p, n);
	sink_put(x->s, "\"/>", 3);
}

size_t nx_strings(news_xml *x, const cw_value *arr, cw_field member, const char *name,
		  const char *attr)
{
	size_t count = 0, n;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = cw_member_value(m);
		const char *s = news_str(member != F_NONE ? rec_get(v, member) : v, &n);
		if (!s)
			continue;
		if (attr)
			nx_empty(x, name, attr, s, n);
		else
			nx_leaf(x, name, "", s, n);
		count++;
	}
	return count;
}

void nx_end(news_xml *x, const char *root)
{
	x->depth = 0;
	nx_nl(x);
	end_tag(x, root);
	sink_putc(x->s, '\n');
}
