/* A saved news page (article-html) to the blocks of one story: its encoding found and its bytes
 * read as UTF-8 (html_charset.c), parsed by libxml2's HTML parser (recovering, no network,
 * errors silenced: pages are rarely valid), its metadata read (html_meta.c), the story's
 * container found (html_score.c) and turned into blocks (html_blocks.c). The headline is the
 * page's own when its structured data, Open Graph title, <h1> and <title> agree; the bylines
 * are the structured authors, else the page's byline element, else its meta author. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "lexer/core/diag.h"
#include "parser/input/html_page.h"

/* ---- headline -------------------------------------------------------------------------------- */

/* Letters and digits of s, lowercased, for comparing titles ("The Site" ~ "the-site"). */
static size_t norm(const char *s, size_t n, char *out, size_t cap)
{
	size_t w = 0;
	for (size_t i = 0; i < n && w + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || isalnum(c))
			out[w++] = (char)(c < 0x80 ? tolower(c) : c);
	}
	out[w] = '\0';
	return w;
}

static int same(const char *a, size_t an, const char *b)
{
	char x[1024], y[1024];
	size_t xn = norm(a, an, x, sizeof x), yn = norm(b, strlen(b), y, sizeof y);
	return xn && xn == yn && !memcmp(x, y, xn);
}

/* A title's site part: "Headline | Site", "Headline - Site", "Site: Headline" cut off when the
 * part names the site (og:site_name, the publisher), or is the other side of a headline the
 * page gives elsewhere (h1, JSON-LD), or is short. */
static const char *strip_site(mk *m, const char *t, const html_meta *hm, const char *h1)
{
	if (!t)
		return NULL;
	static const char *const seps[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ",
					    " \xc2\xb7 ", " \xc2\xbb ", " \xe2\x80\xa2 ", NULL };
	size_t n = strlen(t);
	const char *cut = NULL;
	size_t seplen = 0;
	for (int i = 0; seps[i]; i++) {
		size_t k = strlen(seps[i]);
		for (const char *p = t; (p = strstr(p, seps[i])); p += k)
			if (!cut || p > cut) {
				cut = p;
				seplen = k;
			}
	}
	if (!cut)
		return t;
	const char *head = t, *tail = cut + seplen;
	size_t hn = (size_t)(cut - t), tn = n - (size_t)(tail - t);
	const char *names[] = { hm->site_name, hm->publisher };
	for (int i = 0; i < 2; i++)
		if (names[i]) {
			if (same(tail, tn, names[i]))
				return mk_str(m, head, hn);
			/* "Site | Headline": the first separator's left side */
			const char *first = NULL;
			size_t fk = 0;
			for (int s = 0; seps[s]; s++) {
				const char *p = strstr(t, seps[s]);
				if (p && (!first || p < first)) {
					first = p;
					fk = strlen(seps[s]);
				}
			}
			if (first && same(t, (size_t)(first - t), names[i]))
				return mk_cstr(m, first + fk);
		}
	const char *other[] = { h1, hm->ld_headline };
	for (int i = 0; i < 2; i++)
		if (other[i] && same(head, hn, other[i]))
			return mk_str(m, head, hn);
	/* a short tail: a site's name rather than the headline's end */
	int words = 1;
	for (size_t i = 0; i < tn; i++)
		words += tail[i] == ' ';
	if (words <= 4 && tn < hn)
		return mk_str(m, head, hn);
	return t;
}

static int words(const char *s)
{
	int n = 0, in = 0;
	for (; s && *s; s++) {
		int w = *s != ' ';
		n += w && !in;
		in = w;
	}
	return n;
}

/* b's letters and digits (norm) inside a's, b shorter. */
static int contains_text(const char *a, const char *b)
{
	char x[1024], y[1024];
	size_t xn = norm(a, strlen(a), x, sizeof x), yn = norm(b, strlen(b), y, sizeof y);
	return yn && yn < xn && strstr(x, y) != NULL;
}

/* The share of a's words (lowercased, 3 letters or more) found in b. */
static double word_overlap(const char *a, const char *b)
{
	int total = 0, found = 0;
	const char *p = a;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			p++;
		const char *s = p;
		while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		size_t n = (size_t)(p - s);
		if (n < 3)
			continue;
		total++;
		/* case-insensitive search of the word in b */
		for (const char *q = b; *q; q++)
			if (!strncasecmp(q, s, n)) {
				found++;
				break;
			}
	}
	return total ? (double)found / total : 1.0;
}

static const char *pick_headline(mk *m, const html_meta *hm, const char *h1, int h1_in_story,
				 const char **from)
{
	const char *og = strip_site(m, hm->og_title, hm, h1);
	const char *tw = strip_site(m, hm->tw_title, hm, h1);
	const char *title = strip_site(m, hm->title, hm, h1);
	const char *ld = strip_site(m, hm->ld_headline, hm, h1);
	/* The visible <h1> when the page's metadata says the same. */
	const char *meta[] = { ld, hm->md_headline, og, tw, hm->dc_title, title };
	if (h1)
		for (int i = 0; i < 6; i++)
			if (meta[i] && same(h1, strlen(h1), meta[i])) {
				*from = "h1";
				return h1;
			}
	static const char *const names[] = { "json-ld", "microdata", "og:title", "twitter:title",
					     "dc.title", NULL };
	/* An <h1> holding a metadata title and more (a kicker "Opinion |", a "[Watch]" tag): the
	 * title. */
	if (h1)
		for (int i = 0; i < 6; i++)
			if (meta[i] && words(meta[i]) >= 3 && contains_text(h1, meta[i])) {
				*from = i < 5 ? names[i] : "title";
				return meta[i];
			}
	/* The story's own <h1> is the headline the reader sees, when the metadata holds another
	 * (a search engine's title, a social one); not when it shares hardly a word with any
	 * (a newsletter box's "Subscribe to ..."). */
	int shares = 1;
	for (int i = 0; h1 && i < 6; i++)
		if (meta[i]) {
			shares = 0;
			break;
		}
	for (int i = 0; h1 && !shares && i < 6; i++)
		shares = meta[i] && word_overlap(h1, meta[i]) >= 0.3;
	if (h1 && h1_in_story && words(h1) >= 3 && shares &&
	    !(hm->site_name && same(h1, strlen(h1), hm->site_name))) {
		*from = "h1";
		return h1;
	}
	for (int i = 0; names[i]; i++)
		if (meta[i]) {
			*from = names[i];
			return meta[i];
		}
	if (h1) {
		*from = "h1";
		return h1;
	}
	*from = title ? "title" : NULL;
	return title;
}

/* ---- the tree -------------------------------------------------------------------------------- */

static xmlNode *child(xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
			return c;
	return NULL;
}

/* The first element of that name under top not inside a dropped or chrome part. */
static xmlNode *first_visible(xmlNode *top, const char *name)
{
	xmlNode *n = top;
	while (n) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE) {
			const html_stat *st = n->_private ? html_st(n) : NULL;
			/* a page's <header> holds its headline: only dropped parts and the page's
			 * navigation, asides and footer are passed over */
			const char *nn = (const char *)n->name;
			int furniture = !strcmp(nn, "nav") || !strcmp(nn, "aside") || !strcmp(nn, "footer");
			if (n != top && !strcmp(nn, name) && st && st->kind != HK_DROP)
				return n;
			descend = n->children && (!st || n == top || (st->kind != HK_DROP && !furniture));
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n && n != top && !n->next)
			n = n->parent;
		if (!n || n == top)
			return NULL;
		n = n->next;
	}
	return NULL;
}

static int contains(const xmlNode *outer, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == outer)
			return 1;
	return 0;
}

/* ---- the page object ------------------------------------------------------------------------- */

static void keyword(mk *m, markup_page *pg, const char *s, size_t n)
{
	const char *v = mk_str(m, s, n);
	if (!v)
		return;
	for (size_t i = 0; i < pg->nkeywords; i++)
		if (!strcmp(pg->keywords[i], v))
			return;
	if (pg->nkeywords == pg->capkeywords) {
		size_t cap = pg->capkeywords ? pg->capkeywords * 2 : 8;
		const char **k = arena_alloc(m->to.arena, cap * sizeof *k);
		if (!k)
			return;
		if (pg->nkeywords)
			memcpy(k, pg->keywords, pg->nkeywords * sizeof *k);
		pg->keywords = k;
		pg->capkeywords = cap;
	}
	pg->keywords[pg->nkeywords++] = v;
}

/* A page's date: a full ISO 8601 time as mk_date reads it, else the calendar date it starts
 * with ("2023-12-17", "2023-12-17T10:05" without seconds, "2023-12-17 10:05"): the date alone,
 * which is still ISO 8601. NULL for anything else (a script's "Sat Dec 16 2023 ..."). */
static const char *page_date(mk *m, const char *s)
{
	const char *full = mk_date(m, s);
	if (full || !s)
		return full;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (int i = 0; i < 10; i++) {
		int digit = s[i] >= '0' && s[i] <= '9';
		if ((i == 4 || i == 7) ? s[i] != '-' : !digit)
			return NULL;
	}
	int mon = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return NULL;
	char c = s[10];
	if (c != '\0' && c != 'T' && c != ' ' && c != '\t' && c != '\n' && c != '\r')
		return NULL;
	return mk_str(m, s, 10);
}

static void page_object(mk *m, const html_meta *hm, const html_encoding *enc)
{
	markup_page *pg = arena_alloc(m->to.arena, sizeof *pg);
	if (!pg)
		return;
	memset(pg, 0, sizeof *pg);
	pg->url = hm->url;
	pg->site_name = hm->site_name ? hm->site_name : hm->publisher;
	pg->section = hm->section;
	pg->language = hm->language;
	pg->description = hm->description;
	pg->published = page_date(m, hm->published);
	pg->modified = page_date(m, hm->modified);
	pg->fetched = mk_cstr(m, m->to.http_date);
	pg->charset = mk_cstr(m, enc->charset == HC_UTF8 ? "utf-8"
			      : enc->charset == HC_CP1252 ? "windows-1252" : enc->name);
	pg->charset_from = enc->from;
	for (const char *k = hm->keywords_line; k && *k;) {
		const char *c = strchr(k, ',');
		size_t n = c ? (size_t)(c - k) : strlen(k);
		keyword(m, pg, k, n);
		k += n + (c != NULL);
	}
	m->doc->page = pg;
	m->doc->created = pg->published;
	m->doc->modified = pg->modified;
}

/* ---- bylines ----------------------------------------------------------------------------------- */

/* A name of the page's authors that is the site's or the publisher's own is no person: the
 * byline says the organisation (the article parser's byline scanner reads "By X" as one). */
static void author_block(mk *m, const html_meta *hm, const char *a)
{
	const char *names[] = { hm->site_name, hm->publisher };
	for (int i = 0; i < 2; i++)
		if (names[i] && same(a, strlen(a), names[i]))
			return;
	mk_block(m, MR_BYNAME, a, strlen(a), 0);
}

static void bylines(mk *m, const html_meta *hm, xmlNode *container, xmlNode *body, html_text *b)
{
	/* Names first: structured (JSON-LD, microdata), then the meta author; the page's byline
	 * element, whose text often runs on into the date, last. */
	if (hm->nauthors) {
		for (int i = 0; i < hm->nauthors; i++)
			author_block(m, hm, hm->authors[i]);
		return;
	}
	/* The page's byline element: in the container, else the first of the page. */
	xmlNode *roots[] = { container, body };
	for (int r = 0; r < 2; r++) {
		xmlNode *n = roots[r];
		while (n) {
			int descend = 0;
			if (n->type == XML_ELEMENT_NODE && n->_private) {
				const html_stat *st = html_st(n);
				if (st->kind == HK_BYLINE && st->text > 3 && st->text < 200) {
					html_collect(b, n);
					const char *s = b->buf;
					size_t len = b->n;
					while (len && (*s == ' ' || *s == '\n' || *s == '\t'))
						s++, len--;
					/* the name ends where a date or a time begins */
					for (size_t i = 0; i < len; i++)
						if (s[i] >= '0' && s[i] <= '9') {
							len = i;
							break;
						}
					while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '-' ||
						       s[len - 1] == '|' || s[len - 1] == ',' || s[len - 1] == '\t'))
						len--;
					if (len) {
						int by = len > 3 && !strncasecmp(s, "by ", 3);
						mk_block(m, by ? MR_BYLINE : MR_BYNAME, s, len, html_at(m, n));
						return;
					}
				}
				descend = st->kind != HK_DROP && n->children;
			}
			if (descend) {
				n = n->children;
				continue;
			}
			while (n && n != roots[r] && !n->next)
				n = n->parent;
			if (!n || n == roots[r])
				break;
			n = n->next;
		}
	}
}

/* ---- assembly --------------------------------------------------------------------------------- */

/* Prose: a sentence's worth of text. */
static int prose(const char *s, size_t n)
{
	if (n >= 150)
		return 1;
	if (n < 60)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.' || s[i] == '?' || s[i] == '!')
			return 1;
	return 0;
}

/* A line under 120 bytes that ends no sentence and is not a byline. */
static int short_line(const char *s, size_t n)
{
	if (n >= 120 || !n)
		return 0;
	char end = s[n - 1];
	if (end == '.' || end == '?' || end == '!' || end == '"' || end == ':' || end == ')' ||
	    (n >= 3 && (unsigned char)s[n - 3] == 0xe2 && (unsigned char)s[n - 2] == 0x80 &&
	     (unsigned char)s[n - 1] != 0x99))
		return 0;
	return !(n > 3 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] == ' ');
}

/* The short lines before the story's first sentence and after its last (a date, "5 min read",
 * a section label, a name, "Related Topics") belong to the page, not the story. A short line
 * that ends a sentence (a one-line paragraph) stays. */
static void trim_edges(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t first = doc->nblocks, last = from;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role == MR_PARA && prose(t + b->s, b->e - b->s)) {
			if (first == doc->nblocks)
				first = i;
			last = i;
		}
	}
	if (first == doc->nblocks)
		return;
	/* Inside, a run of two or more short lines that end no sentence (not list items): the
	 * headlines of other stories ("Read more", a related box the page did not mark), where a
	 * story's own subhead stands alone before its paragraphs. */
	for (size_t i = first; i <= last;) {
		size_t j = i;
		while (j <= last && doc->blocks[j].role == MR_PARA &&
		       short_line(t + doc->blocks[j].s, doc->blocks[j].e - doc->blocks[j].s))
			j++;
		if (j - i >= 2)
			for (size_t k = i; k < j; k++)
				doc->blocks[k].role = MR_CHROME;
		i = j > i ? j : i + 1;
	}
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if ((i >= first && i <= last) || (b->role != MR_PARA && b->role != MR_SUBHEAD))
			continue;
		size_t n = b->e - b->s;
		char end = n ? t[b->e - 1] : 0;
		int sentence = end == '.' || end == '?' || end == '!' || end == '"' || end == ':' ||
			       (n >= 3 && (unsigned char)t[b->e - 3] == 0xe2 && (unsigned char)t[b->e - 2] == 0x80 &&
				(unsigned char)t[b->e - 1] != 0x99);
		/* a byline line stays for the article parser's byline scanner */
		int by = n > 3 && (t[b->s] == 'B' || t[b->s] == 'b') && t[b->s + 1] == 'y' && t[b->s + 2] == ' ';
		if (n < 100 && !sentence && !by)
			b->role = MR_CHROME;
	}
}

/* The writer's bio closing the story ("Dana Reyes is a freelance writer ..."): one of the last
 * two paragraphs beginning with a byline's full name goes to the record's bio. */
static void trailing_bio(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	for (size_t i = doc->nblocks, back = 0; i-- > from && back < 2;) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		back++;
		/* a bio is sentences about the writer; a short line naming them ("Pat Quill
		 * contributed to this report.") is a contributor line, the article parser's */
		if (b->e - b->s < 80)
			continue;
		for (size_t k = 0; k < from; k++) {
			const markup_block *by = &doc->blocks[k];
			if (by->role != MR_BYNAME && by->role != MR_BYLINE)
				continue;
			const char *name = t + by->s;
			size_t nn = by->e - by->s;
			if (nn > 3 && !strncasecmp(name, "by ", 3))
				name += 3, nn -= 3;
			if (nn >= 4 && b->e - b->s > nn && !strncmp(t + b->s, name, nn) && t[b->s + nn] == ' ') {
				b->role = MR_BIO;
				break;
			}
		}
	}
}

/* The story's figures often stand beside its text box (a lead photo above the paragraphs):
 * the captions of the <article> holding the container, or of its parent, are the story's. */
static void captions_around(mk *m, xmlNode *container, xmlNode *body, html_text *b)
{
	xmlNode *scope = container->parent;
	for (xmlNode *a = container->parent; a && a != body; a = a->parent)
		if (a->type == XML_ELEMENT_NODE && !strcmp((const char *)a->name, "article")) {
			scope = a;
			break;
		}
	if (!scope || scope->type != XML_ELEMENT_NODE || scope == body)
		return;
	xmlNode *n = scope;
	while (n) {
		int descend = 0;
		if (n == container) {
			/* its captions are out already */
		} else if (n->type == XML_ELEMENT_NODE && n->_private) {
			const html_stat *st = html_st(n);
			if (st->kind == HK_CAPTION) {
				html_collect(b, n);
				if (b->n)
					mk_block(m, MR_CAPTION, b->buf, b->n, html_at(m, n));
			} else if (st->kind != HK_DROP) {
				descend = n->children != NULL;
			}
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n && n != scope && !n->next)
			n = n->parent;
		if (!n || n == scope)
			break;
		n = n->next;
	}
}

/* ASCII letters and digits of s, lowercased, into a malloc'ed string (quotes, dashes and
 * entities written either way compare equal). */
static char *letters(const char *s, size_t n, size_t *outn)
{
	char *d = malloc(n + 1);
	if (!d)
		return NULL;
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && isalnum(c))
			d[w++] = (char)tolower(c);
	}
	d[w] = '\0';
	*outn = w;
	return d;
}

/* A paragraph of the story's own shape: 200 bytes or more with a sentence ending inside. */
static int ld_prose(const char *s, size_t n)
{
	int stops = 0;
	for (size_t i = 0; i + 1 < n; i++)
		stops += (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ';
	return n >= 200 && stops >= 1;
}

/* The page's JSON-LD articleBody, where it agrees with the visible text: when most of the
 * paragraphs found are in it, those that are not (a related headline, an inline promotion, an
 * author's bio) are not the story's. A body that is a summary or stops at a paywall agrees with
 * too little and changes nothing. */
static void agree_with_ld_body(mk *m, size_t from, const char *ld)
{
	markup_doc *doc = m->doc;
	if (!ld || strlen(ld) < 500 || doc->nblocks <= from)
		return;
	size_t bn;
	char *body = letters(ld, strlen(ld), &bn);
	if (!body)
		return;
	const char *t = m->to.text->buf;
	size_t total = 0, found = 0;
	unsigned char *in = calloc(doc->nblocks - from, 1);
	if (!in) {
		free(body);
		return;
	}
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA && b->role != MR_ITEM)
			continue;
		/* the first 120 letters say where it is: a bounded search per block */
		size_t n = b->e - b->s < 480 ? b->e - b->s : 480, pn;
		char *p = letters(t + b->s, n, &pn);
		if (!p)
			continue;
		if (pn > 120)
			p[pn = 120] = '\0';
		total += b->e - b->s;
		/* too few ASCII letters to tell (another script, a number): kept */
		if (pn < 20 || strstr(body, p)) {
			in[i - from] = 1;
			found += b->e - b->s;
		}
		free(p);
	}
	/* A body that leaves out some of the story's own paragraphs (its first, one holding a
	 * link) still agrees: prose standing before the last agreeing paragraph stays; what is
	 * not in it and reads as no prose, or comes after (a bio, a notice), goes. */
	size_t last = from;
	for (size_t i = from; i < doc->nblocks; i++)
		if (in[i - from])
			last = i;
	if (total && found * 10 >= total * 6)
		for (size_t i = from; i < doc->nblocks; i++) {
			markup_block *b = &doc->blocks[i];
			if ((b->role == MR_PARA || b->role == MR_ITEM) && !in[i - from] &&
			    (i > last || b->role == MR_ITEM || !ld_prose(t + b->s, b->e - b->s)))
				b->role = MR_CHROME;
		}
	free(in);
	free(body);
}

static pthread_once_t html_once = PTHREAD_ONCE_INIT;
static void html_init(void) { xmlInitParser(); }

int mk_html_page(mk *m, const char *buf, size_t len)
{
	pthread_once(&html_once, html_init);
	char label[64];
	html_encoding enc = html_sniff_encoding(buf, len, m->to.http_charset, label, sizeof label);
	buf += enc.skip;
	len -= enc.skip;
	char *utf8 = NULL;
	size_t ulen = 0;
	xmlDoc *doc = NULL;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		   HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
	if (len > 0x7fffffffu)
		len = 0x7fffffffu;
	if (enc.charset == HC_OTHER) {
		/* Another declared encoding (Shift_JIS, ISO-8859-2, ...): libxml2 converts it (iconv). */
		doc = htmlReadMemory(buf, (int)len, NULL, enc.name, opts & ~HTML_PARSE_IGNORE_ENC);
		if (!doc)
			enc.charset = HC_CP1252;
	}
	if (!doc) {
		long converted = 0;
		if (enc.charset == HC_UTF8 && html_valid_utf8(buf, len)) {
			doc = htmlReadMemory(buf, (int)len, NULL, "UTF-8", opts);
		} else {
			converted = html_to_utf8(buf, len, enc.charset, &utf8, &ulen);
			if (converted < 0) {
				m->to.arena->failed = 1;
				return -2;
			}
			doc = htmlReadMemory(utf8, (int)(ulen > 0x7fffffffu ? 0x7fffffffu : ulen), NULL,
					     "UTF-8", opts);
		}
		if (enc.charset == HC_UTF8 && converted > 0)
			diag_in(m->to.diags, CW_NOTE, "HTML_MIXED_ENCODING", 0,
				"this page is read as UTF-8 (from its %s) but holds bytes that are not "
				"UTF-8 (%ld): those read as windows-1252", enc.from, converted);
	}
	free(utf8);
	html_tree t = { NULL, NULL, NULL, 0 };
	t.root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!t.root) {
		if (doc)
			xmlFreeDoc(doc);
		diag_in(m->to.diags, CW_ERROR, "HTML_NO_PAGE", 0,
			"no HTML element in this article-html input: nothing to read a story from");
		return -2;
	}
	t.body = child(t.root, "body");
	html_meta hm;
	memset(&hm, 0, sizeof hm);
	html_read_meta(m, doc, &hm);
	if (html_measure(&t) < 0) {
		m->to.arena->failed = 1;
		xmlFreeDoc(doc);
		return -2;
	}
	page_object(m, &hm, &enc);
	markup_page *pg = (markup_page *)m->doc->page;

	/* Where the story is: the microdata's articleBody when it holds the scored container or
	 * most of its text, else the scored container. */
	xmlNode *container = html_main_container(&t);
	const char *body_from = "scoring";
	if (hm.md_body && hm.md_body->_private && html_st(hm.md_body)->kind != HK_DROP &&
	    contains(hm.md_body, container)) {
		container = hm.md_body;
		body_from = "microdata";
	}
	html_text b = { NULL, 0, 0 };
	/* The headline: the h1 of the story's part (the container, the <article> holding it, or
	 * the boxes just around it), else the page's first. */
	xmlNode *h1 = first_visible(container, "h1");
	for (xmlNode *a = container->parent; !h1 && a && a != t.body && a != t.root; a = a->parent)
		if (a->type == XML_ELEMENT_NODE && !strcmp((const char *)a->name, "article"))
			h1 = first_visible(a, "h1");
	xmlNode *up = container;
	for (int i = 0; i < 2 && up->parent && up->parent != t.body && up->parent->type == XML_ELEMENT_NODE; i++)
		up = up->parent;
	if (!h1 && up != container)
		h1 = first_visible(up, "h1");
	int h1_in_story = h1 != NULL;
	xmlNode *h1_page = !h1 && t.body ? first_visible(t.body, "h1") : NULL;
	if (h1_page && h1_page->_private && html_st(h1_page)->text >= 20)
		h1_in_story = 1; /* the page's one headline-sized h1 */
	if (!h1 && t.body)
		h1 = first_visible(t.body, "h1");
	const char *h1_text = NULL;
	if (h1) {
		html_collect(&b, h1);
		h1_text = mk_str(m, b.buf, b.n);
	}
	const char *from = NULL;
	const char *headline = pick_headline(m, &hm, h1_text, h1_in_story, &from);
	if (pg) {
		pg->headline_from = from;
		pg->body_from = body_from;
	}
	if (headline)
		mk_block(m, MR_HEADLINE, headline, strlen(headline), h1 ? html_at(m, h1) : 0);
	m->cursor = 0;
	bylines(m, &hm, container, t.body, &b);
	m->cursor = 0;
	size_t before = m->doc->nblocks;
	html_emit_body(m, container, headline, &b);
	trim_edges(m, before);
	trailing_bio(m, before);
	agree_with_ld_body(m, before, hm.ld_body);
	captions_around(m, container, t.body, &b);
	/* No paragraph found in the tree: the JSON-LD articleBody, when there is one. */
	if (m->doc->nblocks == before && hm.ld_body) {
		mk_plain_paragraphs(m, hm.ld_body, strlen(hm.ld_body), 0);
		if (pg)
			pg->body_from = "json-ld";
	}
	free(b.buf);
	free(t.stats);
	xmlFreeDoc(doc);
	return 0;
}
