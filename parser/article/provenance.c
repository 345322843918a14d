/* An article's provenance: the wire header (ANPA-1312, IPTC 7901, or the ANPA header that
 * Reuters-21578 keeps) and the Reuters-21578 record's own attributes and index terms. Like a
 * cable's `wikileaks` object, these are never mixed into the story's fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/article/story.h"
#include "parser/core/fields.h"
#include "lexer/article/article_fields.h"
#include "lexer/input/markup.h"
#include "lexer/input/wire.h"

static void put_list(arena *a, cw_value *obj, cw_field f, const char *lines)
{
	cw_value *arr = rec_array(a, obj, f);
	for (const char *p = lines; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n)
			rec_push(a, arr, val_str(a, p, n));
		p += n + (nl != NULL);
	}
}

static int month_number(const char *m)
{
	static const char names[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
	for (int i = 0; i < 12; i++)
		if (!strncmp(names + 3 * i, m, 3))
			return i + 1;
	return 0;
}

/* scanf's %Nd (white space skipped, a sign, digits; N bytes at most, the sign counted):
 * sscanf and snprintf were 6,000 instructions a story, 4 % of a Reuters run. */
static int scan_int(const char **p, int width, int *out)
{
	const char *s = *p;
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	int neg = 0, used = 0, v = 0, digits = 0;
	if (*s == '-' || *s == '+') {
		neg = *s++ == '-';
		used++;
	}
	for (; used < width && *s >= '0' && *s <= '9'; used++, digits++)
		v = v * 10 + (*s++ - '0');
	if (!digits)
		return 0;
	*out = neg ? -v : v;
	*p = s;
	return 1;
}

/* v in n digits, zero-padded, at o (v >= 0, below 10^n). */
static char *put_digits(char *o, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		o[i] = (char)('0' + v % 10);
	return o + n;
}

/* "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01" (the collection gives no time zone). As
 * sscanf(s, "%2d-%3c-%4d %2d:%2d:%2d") read it. */
static cw_value *reuters_date(arena *a, const char *s)
{
	int d, y, h, mi, sec;
	char mon[4] = { 0 };
	if (!s || !scan_int(&s, 2, &d) || *s++ != '-' || !s[0] || !s[1] || !s[2])
		return val_null(a);
	memcpy(mon, s, 3);
	s += 3;
	if (*s++ != '-' || !scan_int(&s, 4, &y))
		return val_null(a);
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (!scan_int(&s, 2, &h) || *s++ != ':' || !scan_int(&s, 2, &mi) || *s++ != ':' ||
	    !scan_int(&s, 2, &sec))
		return val_null(a);
	int m = month_number(mon);
	if (!m || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return val_null(a);
	if (y < 0 || h < 0 || mi < 0 || sec < 0) { /* what snprintf's %04d would spell */
		char buf[64];
		int n = snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, h, mi, sec);
		return val_str_copy(a, buf, (size_t)n);
	}
	char buf[20], *o = buf;
	o = put_digits(o, y, 4);
	*o++ = '-';
	o = put_digits(o, m, 2);
	*o++ = '-';
	o = put_digits(o, d, 2);
	*o++ = 'T';
	o = put_digits(o, h, 2);
	*o++ = ':';
	o = put_digits(o, mi, 2);
	*o++ = ':';
	o = put_digits(o, sec, 2);
	return val_str_copy(a, buf, (size_t)(o - buf));
}

/* The agencies' markup: what it carries of the wire header's kind, and its own ids, dates and
 * subjects. */
static void markup_meta(article_ctx *ctx)
{
	arena *a = ctx->a;
	const markup_doc *doc = ctx->dec->markup;
	cw_value *w = ctx->wire = rec_set_object(a, ctx->root, F_ARTICLE_WIRE);
	/* The members in the wire object's order: what the wire header has and markup does not
	 * is null; the keywords an empty array. */
	const struct {
		cw_field f;
		const char *v;
	} members[] = {
		{ F_WIRE_FORMAT, doc->format }, { F_WIRE_SERVICE, NULL }, { F_WIRE_STORY_NUMBER, NULL },
		{ F_WIRE_SELECTOR, NULL }, { F_WIRE_PRIORITY, doc->urgency },
		{ F_WIRE_PRIORITY_NAME, NULL }, { F_WIRE_CATEGORY, NULL }, { F_WIRE_CATEGORY_NAME, NULL },
		{ F_WIRE_FORMAT_CODES, NULL }, { F_WIRE_KEYWORD, NULL }, { F_WIRE_SLUGLINE, doc->slugline },
		{ F_WIRE_VERSION, doc->version }, { F_WIRE_TAKE_KEY, NULL }, { F_WIRE_REFERENCE, NULL },
		{ F_WIRE_DATE, NULL }, { F_WIRE_WORD_COUNT, NULL }, { F_WIRE_OPTIONAL, NULL },
		{ F_WIRE_SENDER, doc->provider }, { F_WIRE_KEYWORDS, NULL },
		{ F_WIRE_TRANSMITTED, doc->modified ? doc->modified : doc->created },
		{ F_WIRE_TRAILER, NULL }, { F_WIRE_ITEM_ID, doc->item_id }, { F_WIRE_CREATED, doc->created },
	};
	for (size_t i = 0; i < sizeof members / sizeof *members; i++) {
		if (members[i].f == F_WIRE_KEYWORDS)
			rec_array(a, w, F_WIRE_KEYWORDS);
		else
			rec_set_cstr(a, w, members[i].f, members[i].v);
	}
	cw_value *subjects = rec_array(a, w, F_WIRE_SUBJECTS);
	for (size_t i = 0; i < doc->nsubjects; i++)
		rec_push(a, subjects, val_cstr(a, doc->subjects[i]));
}

/* A saved web page's own metadata (article-html). */
static void page_meta(article_ctx *ctx, const markup_page *pg)
{
	arena *a = ctx->a;
	cw_value *o = rec_set_object(a, ctx->root, F_ARTICLE_PAGE);
	rec_set_cstr(a, o, F_PAGE_URL, pg->url);
	rec_set_cstr(a, o, F_PAGE_SITE_NAME, pg->site_name);
	rec_set_cstr(a, o, F_PAGE_SECTION, pg->section);
	rec_set_cstr(a, o, F_PAGE_LANGUAGE, pg->language);
	cw_value *k = rec_array(a, o, F_PAGE_KEYWORDS);
	for (size_t i = 0; i < pg->nkeywords; i++)
		rec_push(a, k, val_cstr(a, pg->keywords[i]));
	rec_set_cstr(a, o, F_PAGE_DESCRIPTION, pg->description);
	rec_set_cstr(a, o, F_PAGE_PUBLISHED, pg->published);
	rec_set_cstr(a, o, F_PAGE_MODIFIED, pg->modified);
	rec_set_cstr(a, o, F_PAGE_FETCHED, pg->fetched);
	rec_set_cstr(a, o, F_PAGE_CHARSET, pg->charset ? pg->charset : "utf-8");
	rec_set_cstr(a, o, F_PAGE_CHARSET_FROM, pg->charset_from ? pg->charset_from : "sniff");
	rec_set_cstr(a, o, F_PAGE_HEADLINE_FROM, pg->headline_from);
	rec_set_cstr(a, o, F_PAGE_BODY_FROM, pg->body_from ? pg->body_from : "scoring");
}

void article_meta(article_ctx *ctx)
{
	arena *a = ctx->a;
	const decoded *dec = ctx->dec;
	if (dec->markup && dec->markup->page) {
		/* A web page has no wire header: its own metadata is the page object. */
		rec_set_null(a, ctx->root, F_ARTICLE_WIRE);
	} else if (dec->markup) {
		markup_meta(ctx);
	} else if (!dec->has_wire) {
		rec_set_null(a, ctx->root, F_ARTICLE_WIRE);
	} else {
		cw_value *w = ctx->wire = rec_set_object(a, ctx->root, F_ARTICLE_WIRE);
		const char *const *f = dec->wire;
		const char *pname = NULL;
		if (f[WF_PRIORITY] && !strcmp(dec->wire_format, "anpa"))
			pname = anpa_priority_name(f[WF_PRIORITY][0]);
		const char *cname = NULL;
		if (f[WF_CATEGORY] && !strcmp(dec->wire_format, "anpa") && !f[WF_CATEGORY][1])
			cname = anpa_category_name(f[WF_CATEGORY][0]);
		/* the slugline null until article_meta_finish; ANPA's version field is the take
		 * (1stLd-Writethru), IPTC's take keys head the text */
		static const cw_field head[] = {
			F_WIRE_FORMAT,	 F_WIRE_SERVICE,       F_WIRE_STORY_NUMBER, F_WIRE_SELECTOR,
			F_WIRE_PRIORITY, F_WIRE_PRIORITY_NAME, F_WIRE_CATEGORY,	    F_WIRE_CATEGORY_NAME,
			F_WIRE_FORMAT_CODES, F_WIRE_KEYWORD,   F_WIRE_SLUGLINE,	    F_WIRE_VERSION,
			F_WIRE_TAKE_KEY, F_WIRE_REFERENCE,     F_WIRE_DATE
		};
		const char *const head_v[] = { dec->wire_format, f[WF_SERVICE], f[WF_STORY],
					       f[WF_SELECTOR],	 f[WF_PRIORITY], pname,
					       f[WF_CATEGORY],	 cname,		 f[WF_CODES],
					       f[WF_KEYWORD],	 NULL,		 f[WF_VERSION],
					       f[WF_VERSION],	 f[WF_REFERENCE], f[WF_DATE] };
		rec_set_cstrs(a, w, head, head_v, sizeof head / sizeof *head);
		if (f[WF_WORDS])
			rec_set_int(a, w, F_WIRE_WORD_COUNT, (int64_t)strtol(f[WF_WORDS], NULL, 10));
		else
			rec_set_null(a, w, F_WIRE_WORD_COUNT);
		static const cw_field mid[] = { F_WIRE_OPTIONAL, F_WIRE_SENDER };
		rec_set_cstrs(a, w, mid, (const char *const[]){ f[WF_OPTIONAL], f[WF_SENDER] }, 2);
		put_list(a, w, F_WIRE_KEYWORDS, f[WF_KEYLINES]);
		const int *t = dec->wire_time;
		if (t[0]) {
			char buf[32];
			/* UTC when the zone says so, the local time with its offset for EST and the
			 * like, no offset when the zone is unknown */
			int n = snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00", t[0], t[1], t[2],
					 t[3], t[4]);
			int z = dec->wire_zone;
			if (dec->wire_zone_known && z == 0)
				n += snprintf(buf + n, sizeof buf - (size_t)n, "Z");
			else if (dec->wire_zone_known)
				n += snprintf(buf + n, sizeof buf - (size_t)n, "%c%02d:%02d", z < 0 ? '-' : '+',
					      (z < 0 ? -z : z) / 60, (z < 0 ? -z : z) % 60);
			rec_set(a, w, F_WIRE_TRANSMITTED, val_str_copy(a, buf, (size_t)n));
		} else {
			rec_set_null(a, w, F_WIRE_TRANSMITTED);
		}
		rec_set_cstr(a, w, F_WIRE_TRAILER, f[WF_TRAILER]);
	}
	if (!dec->has_sgml) {
		rec_set_null(a, ctx->root, F_ARTICLE_REUTERS);
	} else {
		cw_value *r = rec_set_object(a, ctx->root, F_ARTICLE_REUTERS);
		const char *const *g = dec->sgml;
		static const cw_field ids[] = { F_REUTERS_NEWID, F_REUTERS_OLDID };
		rec_set_cstrs(a, r, ids, (const char *const[]){ g[SG_NEWID], g[SG_OLDID] }, 2);
		rec_set(a, r, F_REUTERS_DATE, reuters_date(a, g[SG_DATE]));
		rec_set_cstr(a, r, F_REUTERS_DATE_RAW, g[SG_DATE]);
		put_list(a, r, F_REUTERS_TOPICS, g[SG_TOPICS]);
		put_list(a, r, F_REUTERS_PLACES, g[SG_PLACES]);
		put_list(a, r, F_REUTERS_PEOPLE, g[SG_PEOPLE]);
		put_list(a, r, F_REUTERS_ORGS, g[SG_ORGS]);
		put_list(a, r, F_REUTERS_EXCHANGES, g[SG_EXCHANGES]);
		put_list(a, r, F_REUTERS_COMPANIES, g[SG_COMPANIES]);
		static const cw_field attrs[] = { F_REUTERS_HAS_TOPICS, F_REUTERS_LEWISSPLIT,
						  F_REUTERS_CGISPLIT, F_REUTERS_TEXT_TYPE };
		rec_set_cstrs(a, r, attrs,
			      (const char *const[]){ g[SG_TOPICS_ATTR], g[SG_LEWISSPLIT], g[SG_CGISPLIT],
						     g[SG_TEXT_TYPE] },
			      4);
	}
	if (dec->markup && dec->markup->page)
		page_meta(ctx, dec->markup->page);
}

/* The slug: AP keywords read BC-XX--Slug, cut to 24 characters in the header; the slug line at the
 * top of the text has it whole. A two-letter category gives the slug after "--"; otherwise the
 * keyword without its BC- prefix (Superdesk reads AP's feed the same way). IPTC's keyword line
 * ends in "/". */
static cw_value *slugline(article_ctx *ctx)
{
	arena *a = ctx->a;
	const decoded *dec = ctx->dec;
	if (!strcmp(dec->wire_format, "iptc7901")) {
		const char *k = dec->wire[WF_KEYLINES];
		if (!k)
			return val_null(a);
		const char *nl = strchr(k, '\n');
		size_t n = nl ? (size_t)(nl - k) : strlen(k);
		while (n && (k[n - 1] == '/' || k[n - 1] == ' '))
			n--;
		return n ? val_str(a, k, n) : val_null(a);
	}
	const char *s = ctx->slug_line;
	size_t n = ctx->slug_len;
	if (s && n > 7 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') && s[2] == '-' &&
	    ((s[3] | 0x20) >= 'a' && (s[3] | 0x20) <= 'z') && ((s[4] | 0x20) >= 'a' && (s[4] | 0x20) <= 'z') &&
	    s[5] == '-' && s[6] == '-') {
		size_t e = 7;
		while (e < n && s[e] != ' ' && s[e] != ',')
			e++;
		if (e > 7)
			return val_str(a, s + 7, e - 7);
	}
	const char *kw = dec->wire[WF_KEYWORD];
	if (!kw)
		return val_null(a);
	if (!strncmp(kw, "BC-", 3) && kw[3])
		kw += 3;
	/* Reuters flashes: BC-******ASSETS-OF-MONEY */
	while (*kw == '*')
		kw++;
	return *kw ? val_cstr(a, kw) : val_null(a);
}

void article_meta_finish(article_ctx *ctx)
{
	const decoded *dec = ctx->dec;
	if (dec->markup) {
		/* The distributor or provider the item names credits that agency. */
		const char *p = dec->markup->provider;
		if (p)
			art_add_agencies_in(ctx, (slice){ p, strlen(p) });
		return;
	}
	if (!dec->has_wire)
		return;
	rec_set(ctx->a, ctx->wire, F_WIRE_SLUGLINE, slugline(ctx));
	/* The sender credits the agency: AP-WF (an AP trailer), dpa 061 (a dpa header). */
	const char *sender = dec->wire[WF_SENDER];
	if (sender) {
		size_t n = strcspn(sender, " -");
		art_add_agencies_in(ctx, (slice){ sender, n });
	}
}
