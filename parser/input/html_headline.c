/* A saved page's headline and deck. The candidates: the page's visible <h1> elements (the one of
 * the story's part first, then the others in document order, those inside page furniture - a
 * newsletter box, a nav, a modal - left out), and what the page says of itself: JSON-LD headline,
 * microdata headline, og:title, twitter:title, Dublin Core title and <title>, each without its
 * site part ("Headline | Site", "Site | Headline"). Two candidates agree when they have the same
 * words, or when one is the other without a leading label of three words at most ("Opinion |
 * ...", "The Slatest for ...") or of eight set apart by a separator (a site's name, "Lowmoor
 * Valley Evening Post | ...") or without a tail after a separator or in brackets (" - Guide",
 * " [Watch]"). The first h1 that agrees with the metadata wins: the title where the h1 adds a
 * label, else the h1 as the reader sees it. Without one, a heading line before the h1s that
 * agrees with a title (a headline in a <div>, the h1s below it subheads), then the story's h1
 * (its own before its prose whatever a social title says; another when a search title shares
 * some of its words), then the metadata: its own agreement, or the first. An h1's label element
 * (a kicker named so by its class) is set apart, and the h1 without it is a candidate too. A
 * page with no visible h1 has its headline in another heading (an <h2>, a line whose class says
 * headline or title): the story's first before its prose, or one near the metadata's words,
 * stands in for the h1 (a heading that agrees with a title as written counts: the title's site
 * part may be its longer side, "Quiet harbour mornings | Lowmoor Valley Evening Post"). An h1
 * named headline only by its own microdata says nothing of itself. An h1 that is the site's
 * logo (a theme's header: one link to the home page) is no candidate. The deck is the visible standfirst just after the h1 (a subtitle
 * element by its class, role or itemprop, or an <h2> right after it), else JSON-LD
 * alternativeHeadline. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xpath.h>

#include "parser/input/html_page.h"

/* ---- words ----------------------------------------------------------------------------------- */

/* Whether a code point is part of a word as the benchmark's \w sees it: letters and digits,
 * not the punctuation, symbol and space blocks (curly quotes, dashes, bullets, currency,
 * arrows, CJK punctuation, emoji). */
static int word_cp(unsigned u)
{
	if (u < 0x80)
		return isalnum((int)u) || u == '_';
	if (u < 0xc0)
		return u == 0xaa || u == 0xb5 || u == 0xba;
	if (u == 0xd7 || u == 0xf7)
		return 0;
	if ((u >= 0x2000 && u <= 0x2bff) || (u >= 0x3000 && u <= 0x303f) ||
	    (u >= 0xfe10 && u <= 0xfe6f) || (u >= 0xff00 && u <= 0xff0f) || u >= 0x1f000 ||
	    u == 0xfeff || u == 0xfffd)
		return 0;
	return 1;
}

/* One code point of s at *i (advanced); an invalid byte is itself. */
static unsigned next_cp(const char *s, size_t n, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (*i + k > n || k == 1) {
		(*i)++;
		return c;
	}
	unsigned u = c & (0x7f >> k);
	for (size_t j = 1; j < k; j++) {
		unsigned char d = (unsigned char)s[*i + j];
		if ((d & 0xc0) != 0x80) {
			(*i)++;
			return c;
		}
		u = (u << 6) | (d & 0x3f);
	}
	*i += k;
	return u;
}

enum { MAX_WORDS = 96 };
typedef struct words {
	char text[1024];       /* the words lowercased, one space between */
	size_t n;
	int count;
	size_t at[MAX_WORDS];  /* each word's start in text */
	size_t raw[MAX_WORDS]; /* and where it ends in the string read */
} words;

static void words_of(const char *s, words *w)
{
	w->n = 0;
	w->count = 0;
	w->text[0] = '\0';
	if (!s)
		return;
	size_t n = strlen(s);
	int in = 0;
	for (size_t i = 0; i < n;) {
		size_t start = i;
		unsigned u = next_cp(s, n, &i);
		if (!word_cp(u)) {
			if (in && w->count <= MAX_WORDS)
				w->raw[w->count - 1] = start;
			in = 0;
			continue;
		}
		size_t k = i - start;
		if (w->n + k + 2 >= sizeof w->text || (!in && w->count >= MAX_WORDS))
			break;
		if (!in) {
			if (w->count)
				w->text[w->n++] = ' ';
			w->at[w->count++] = w->n;
			in = 1;
		}
		for (size_t j = 0; j < k; j++) {
			char c = s[start + j];
			w->text[w->n++] = k == 1 ? (char)tolower((unsigned char)c) : c;
		}
		w->raw[w->count - 1] = i;
	}
	w->text[w->n] = '\0';
}

/* The same words. */
static int same_words(const words *a, const words *b)
{
	return a->count && a->n == b->n && !memcmp(a->text, b->text, a->n);
}

int html_same_words(const char *a, const char *b)
{
	static _Thread_local words x, y;
	words_of(a, &x);
	words_of(b, &y);
	return same_words(&x, &y);
}

/* Whether the string goes on after its word k-1 with a separator or a bracket: " | Site",
 * " - Guide", " [Watch]", " (video)" (not a colon: "Headline: the quote" is one headline). */
static int tail_marked(const char *s, const words *w, int k)
{
	const char *p = s + w->raw[k - 1];
	int blank = 0;
	for (;;) {
		if (*p == ' ')
			p++;
		else if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
			p += 2;
		else
			break;
		blank = 1;
	}
	if (*p == '|' || *p == '[' || *p == '(' || (blank && *p == '-'))
		return 1;
	/* en and em dashes, the middle dot, the bullet, the double angle */
	return blank && (!strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3) ||
			 !strncmp(p, "\xc2\xb7", 2) || !strncmp(p, "\xe2\x80\xa2", 3) ||
			 !strncmp(p, "\xc2\xbb", 2));
}

enum { AGREE_NONE, AGREE_SAME, AGREE_A, AGREE_B };

/* Words k..k+b's count of a are all of b. */
static int run_is(const words *a, int k, const words *b)
{
	size_t from = a->at[k];
	int end = k + b->count;
	size_t to = end < a->count ? a->at[end] - 1 : a->n;
	return to - from == b->n && !memcmp(a->text + from, b->text, b->n);
}

/* Whether word k of w opens after a separator: " | ", " - ", " â " (not a bracket). */
static int head_marked(const char *s, const words *w, int k)
{
	const char *p = s + w->raw[k - 1];
	while (*p == ' ')
		p++;
	return *p != '(' && *p != '[' && tail_marked(s, w, k);
}

/* How a and b agree, and which is the core: AGREE_A when a is b less a leading label of three
 * words at most ("Opinion", "The Slatest for", "WATCH:"), or of eight at most set apart by a
 * separator (a site's name before its headline: "Daily Example Gazette News | Headline"), and
 * less a tail after a separator or in brackets. */
static int agree(const char *as, const words *a, const char *bs, const words *b, int *label)
{
	*label = 0;
	if (!a->count || !b->count)
		return AGREE_NONE;
	if (same_words(a, b))
		return AGREE_SAME;
	const char *ls = as;
	const words *l = a, *s = b;
	int core = AGREE_B;
	if (b->count > a->count) {
		ls = bs, l = b, s = a;
		core = AGREE_A;
	}
	if (s->count < 3 || l->count >= MAX_WORDS)
		return AGREE_NONE;
	int extra = l->count - s->count;
	for (int k = 0; k <= extra && k <= 8; k++)
		if ((k <= 3 || head_marked(ls, l, k)) && run_is(l, k, s) &&
		    (k == extra || tail_marked(ls, l, k + s->count))) {
			*label = k;
			return core;
		}
	return AGREE_NONE;
}

/* ---- the site's part of a title --------------------------------------------------------------- */

static const char *const seps[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ",
				    " \xc2\xb7 ", " \xc2\xbb ", " \xe2\x80\xa2 ", NULL };

/* The separator of t that comes last (first), or NULL. */
static const char *separator(const char *t, int last, size_t *len)
{
	const char *cut = NULL;
	for (int i = 0; seps[i]; i++) {
		size_t k = strlen(seps[i]);
		for (const char *p = t; (p = strstr(p, seps[i])); p += k) {
			if (!cut || (last ? p > cut : p < cut)) {
				cut = p;
				*len = k;
			}
			if (!last)
				break;
		}
	}
	return cut;
}

static int same_n(const char *a, size_t an, const char *b)
{
	static _Thread_local char buf[1024];
	if (an >= sizeof buf)
		return 0;
	memcpy(buf, a, an);
	buf[an] = '\0';
	return html_same_words(buf, b);
}

int html_count_words(const char *s, size_t n)
{
	int k = n > 0;
	for (size_t i = 0; i + 1 < n; i++)
		k += s[i] == ' ' && s[i + 1] != ' ';
	return k;
}

/* A title's site part: "Headline | Site", "Headline - Site", "Site: Headline" cut off when the
 * part names the site (og:site_name, the publisher), or is the other side of a headline the
 * page gives elsewhere (JSON-LD), or is short. */
static const char *strip_site(mk *m, const char *t, const html_meta *hm)
{
	if (!t)
		return NULL;
	size_t seplen = 0, fk = 0;
	const char *cut = separator(t, 1, &seplen);
	if (!cut)
		return t;
	const char *head = t, *tail = cut + seplen;
	size_t hn = (size_t)(cut - t), tn = strlen(tail);
	const char *first = separator(t, 0, &fk);
	const char *names[] = { hm->site_name, hm->publisher };
	for (int i = 0; i < 2; i++)
		if (names[i]) {
			if (same_n(tail, tn, names[i]))
				return mk_str(m, head, hn);
			/* "Site | Headline": the first separator's left side */
			if (same_n(t, (size_t)(first - t), names[i]))
				return mk_cstr(m, first + fk);
		}
	if (hm->ld_headline && same_n(head, hn, hm->ld_headline))
		return mk_str(m, head, hn);
	/* a short tail: a site's name rather than the headline's end */
	if (html_count_words(tail, tn) <= 4 && tn < hn)
		return mk_str(m, head, hn);
	/* a short head before the only separator, or before a first " | " (a bar is seldom a
	 * headline's own): "Site | Headline", "Opinion | Headline - with a dash" */
	size_t fn = (size_t)(first - t);
	if ((first == cut || !strncmp(first, " | ", 3)) && html_count_words(t, fn) <= 3 &&
	    fn < strlen(first + fk))
		return mk_cstr(m, first + fk);
	return t;
}

/* ---- the page's h1 elements ------------------------------------------------------------------- */

/* Inside the page's furniture: a dropped part, or a chrome box other than a <header> (the
 * story's header holds its headline). */
static int in_furniture(const xmlNode *n)
{
	for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		if (!a->_private)
			continue;
		int kind = html_st(a)->kind;
		if (kind == HK_DROP || (kind == HK_CHROME && strcmp((const char *)a->name, "header")))
			return 1;
	}
	return 0;
}

static int heading_like(const xmlNode *n);

/* The first element of that name under top not inside a dropped part or the page's navigation,
 * asides and footer; with no name, the first heading_like line before any paragraph of prose
 * (a heading after one is the story's subhead, not its headline). */
static xmlNode *first_visible(xmlNode *top, const char *name)
{
	xmlNode *n = top;
	while (n) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE) {
			const html_stat *st = n->_private ? html_st(n) : NULL;
			const char *nn = (const char *)n->name;
			int furniture = !strcmp(nn, "nav") || !strcmp(nn, "aside") || !strcmp(nn, "footer");
			if (n != top && st && st->kind != HK_DROP) {
				if (name ? !strcmp(nn, name) : heading_like(n) && !in_furniture(n))
					return n;
				if (!name && !strcmp(nn, "p") && st->text >= 80 && !in_furniture(n))
					return NULL;
			}
			descend = n->children && (!st || n == top || (st->kind != HK_DROP && !furniture));
		}
		n = mk_next(top, n, descend);
	}
	return NULL;
}

/* The story's h1 (with no name, its heading: see first_visible): in the container, the
 * <article> holding it, or the boxes just around it. */
static xmlNode *story_h1(const html_tree *t, xmlNode *container, const char *name)
{
	xmlNode *h1 = first_visible(container, name);
	for (xmlNode *a = container->parent; !h1 && a && a != t->body && a != t->root; a = a->parent)
		if (a->type == XML_ELEMENT_NODE && !strcmp((const char *)a->name, "article"))
			h1 = first_visible(a, name);
	xmlNode *up = container;
	for (int i = 0; i < 2 && up->parent && up->parent != t->body &&
			up->parent->type == XML_ELEMENT_NODE; i++)
		up = up->parent;
	if (!h1 && up != container)
		h1 = first_visible(up, name);
	return h1;
}

/* Whether a paragraph of the story's prose (a <p> of 80 bytes or more in the container, not
 * dropped) comes before n in the page: n is then a subhead of the story's, not its headline. */
static int prose_before(const html_tree *t, const xmlNode *container, const xmlNode *n)
{
	for (xmlNode *c = t->body; c && c != n;) {
		int descend = 0;
		if (c->type == XML_ELEMENT_NODE) {
			const html_stat *st = c->_private ? html_st(c) : NULL;
			if (st && st->kind != HK_DROP && !strcmp((const char *)c->name, "p") &&
			    st->text >= 80)
				for (const xmlNode *a = c->parent; a; a = a->parent)
					if (a == container)
						return 1;
			descend = c->children && (!st || st->kind != HK_DROP);
		}
		c = mk_next(t->body, c, descend);
	}
	return 0;
}

enum { MAX_H1 = 12 };

typedef struct cand {
	const char *text;
	xmlNode *node;
	const char *from;
	int as_written; /* a title as written, its site part kept */
	const char *bare; /* an h1's text without its label (heading_label), or NULL */
	words w;
} cand;

/* The share of a's words (three letters or more) found among b's. */
static double overlap(const words *a, const words *b)
{
	int total = 0, found = 0;
	for (int i = 0; i < a->count; i++) {
		size_t s = a->at[i], e = i + 1 < a->count ? a->at[i + 1] - 1 : a->n;
		if (e - s < 3)
			continue;
		total++;
		for (int j = 0; j < b->count; j++) {
			size_t bs = b->at[j], be = j + 1 < b->count ? b->at[j + 1] - 1 : b->n;
			if (be - bs == e - s && !memcmp(a->text + s, b->text + bs, e - s)) {
				found++;
				break;
			}
		}
	}
	return total ? (double)found / total : 1.0;
}

/* Whether a heading's words and a title's share enough: half of the heading's words of three
 * letters or more, and three of them at least (a date line, "Dec 19, 2023 9:00 AM", shares
 * its year with many a title); with back, half of the title's too. Without back (the story's
 * heading before its prose) three in ten: a site's title for search engines keeps a few of the
 * visible headline's words ("Boxer Ramla Ali Enters the Ring in Style" under "Boxer Ramla Ali
 * Honors Virgil Abloh With Custom Off-White Kit"). */
static int shares_words(const words *heading, const words *title, int back)
{
	int long_words = 0;
	for (int i = 0; i < heading->count; i++) {
		size_t e = i + 1 < heading->count ? heading->at[i + 1] - 1 : heading->n;
		long_words += e - heading->at[i] >= 3;
	}
	double o = overlap(heading, title);
	if (!back)
		return long_words >= 3 && o >= 0.3;
	return long_words >= 3 && o >= 0.5 && overlap(title, heading) >= 0.5;
}

/* Whether an href leads to a site's home page: "/", "https://host", "https://host/". */
static int home_href(const char *h)
{
	const char *p = strstr(h, "://");
	if (p) {
		p = strchr(p + 3, '/');
		if (!p)
			return 1;
	} else {
		p = h;
	}
	return p[0] == '/' && (!p[1] || p[1] == '?' || p[1] == '#');
}

/* The address of the one link an element's content wholly is (blanks beside it allowed), or
 * NULL: an h1 that is only a link is a logo's or another story's card, not a headline. */
static const char *sole_link_href(const xmlNode *n)
{
	const xmlNode *link = NULL;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			for (const xmlChar *q = c->content; *q; q++)
				if (*q != ' ' && *q != '\n' && *q != '\t' && *q != '\r')
					return NULL;
		} else if (c->type == XML_ELEMENT_NODE) {
			if (link || strcmp((const char *)c->name, "a"))
				return NULL;
			link = c;
		}
	}
	if (!link)
		return NULL;
	for (const xmlAttr *a = link->properties; a; a = a->next)
		if (!strcasecmp((const char *)a->name, "href") && a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

/* A site's logo in an h1 (many a theme's header): the element named logo or sitename, or its text
 * wholly one link to the home page. */
static int logo_h1(const xmlNode *n)
{
	static const char *const logo_words[] = { "logo", "sitename", NULL };
	if (html_named(n, logo_words))
		return 1;
	const char *h = sole_link_href(n);
	return h && home_href(h);
}

/* Another story's card: an h1 wholly one link to a page other than this one. */
static int card_h1(const xmlNode *n, const html_meta *hm)
{
	const char *h = sole_link_href(n);
	if (!h)
		return 0;
	size_t hn = strlen(h), un = hm->url ? strlen(hm->url) : 0;
	/* (the page's own address, whole or as a path: a permalink) */
	return h[0] != '#' && !(un >= hn && hn && !strcmp(hm->url + un - hn, h));
}

static const char *skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* The heading's label: its first element, when named as a kicker ("label", "eyebrow",
 * "category" ...) and holding three words at most before the heading's own words. Sites show
 * it on a line of its own above the headline ("Exclusive", "Analysis", a section's name); the
 * page's titles leave it out, and its text often runs into the headline's with no blank. */
static const xmlNode *heading_label(const xmlNode *n)
{
	static const char *const label_words[] = { "kicker", "label", "eyebrow", "overline",
						   "category", "rubric", "flag", "badge", "topic",
						   "supertitle", "section", "tag", "prefix", NULL };
	const xmlNode *c = n->children;
	while (c && c->type == XML_TEXT_NODE && c->content && !*skip_blank((const char *)c->content))
		c = c->next;
	if (!c || c->type != XML_ELEMENT_NODE || !c->next || !html_named(c, label_words) ||
	    mk_name_in(c, (const char *const[]){ "em", "i", "cite", "q", NULL }))
		return NULL;
	return c;
}

static void add_h1(mk *m, html_text *b, cand *h1s, int *nh1, xmlNode *n)
{
	if (logo_h1(n))
		return;
	/* A label's text is set apart from the heading's by a blank (they are lines of their own
	 * on the page), and the text without it kept for when no title of the page's agrees. */
	const xmlNode *label = heading_label(n);
	const char *lt = NULL;
	size_t ln = 0;
	if (label) {
		html_collect(b, label);
		words lw;
		words_of(b->buf ? b->buf : "", &lw);
		if (lw.count && lw.count <= 3 && (lt = mk_str(m, b->buf, b->n)))
			ln = strlen(lt); /* (mk_str folds blanks: compared with the h1's, folded too) */
	}
	html_collect(b, n);
	cand *c = &h1s[*nh1];
	c->text = mk_str(m, b->buf, b->n);
	c->bare = NULL;
	const char *at = c->text ? skip_blank(c->text) : NULL;
	if (lt && at && !strncmp(at, lt, ln)) {
		words rest;
		const char *after = skip_blank(at + ln);
		words_of(after, &rest);
		if (rest.count >= 2) {
			size_t bn = strlen(after);
			char *both = malloc(ln + 1 + bn + 1);
			if (both) {
				memcpy(both, lt, ln);
				both[ln] = ' ';
				memcpy(both + ln + 1, after, bn + 1);
				c->bare = after;
				c->text = mk_str(m, both, ln + 1 + bn);
				free(both);
			}
		}
	}
	c->node = n;
	c->from = "h1";
	words_of(c->text, &c->w);
	if (!c->text || !c->w.count)
		return;
	(*nh1)++;
	/* the text without the label, a candidate of its own after the whole */
	if (c->bare && *nh1 < MAX_H1) {
		cand *d = &h1s[*nh1];
		*d = *c;
		d->text = c->bare;
		d->bare = NULL;
		words_of(d->text, &d->w);
		(*nh1)++;
	}
}

static int deck_named(const xmlNode *n);

/* A class, id or itemprop part saying headline or title ("headline", "entry-title",
 * "article__title", "postTitle"), not a subtitle's (deck_named). */
static int headline_named(const xmlNode *n)
{
	static const char *const title_words[] = { "headline", "title", NULL };
	return html_named(n, title_words) && !deck_named(n);
}

/* Whether n holds only a line of text: no block inside (a header box's kicker, byline and date
 * beside its title are not one heading). */
static int line_only(const xmlNode *n)
{
	static const char *const blocks[] = { "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
					      "ol", "section", "header", "figure", "time", "table",
					      NULL };
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (int i = 0; blocks[i]; i++)
			if (!strcmp((const char *)c->name, blocks[i]))
				return 0;
		if (!line_only(c))
			return 0;
	}
	return 1;
}

/* A line that may be a headline where no <h1> is: an <h2>, or a line named so by its class or
 * itemprop, of 10 to 400 bytes. */
static int heading_like(const xmlNode *n)
{
	if (!n->_private || html_st(n)->text < 10 || html_st(n)->text > 400)
		return 0;
	return (!strcmp((const char *)n->name, "h2") || headline_named(n)) &&
	       line_only(n);
}

/* Whether a heading and a title agree (agree: the same words, or one the other with a label
 * or a site's part more), the title as written too: its site part may have been cut on the
 * wrong side ("Healing through art | Daily Example Gazette News", the tail the longer). */
static int agrees(const cand *heading, const cand *title)
{
	int label;
	return agree(heading->text, &heading->w, title->text, &title->w, &label) != AGREE_NONE;
}

/* Where no visible <h1> holds the headline, the heading that may: a line named so by its class
 * or itemprop, or an <h2>, outside the furniture, whose words and a title the page gives of
 * itself (its site's part cut off) share at least half of each other's (a section's heading or
 * a teaser's shares a word or two). The first such: a deck under it may share as much. */
static void add_heading(mk *m, html_text *b, const html_tree *t, cand *h1s, int *nh1,
			const cand *meta, int nmeta)
{
	for (xmlNode *n = t->body; n;) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE && n->_private) {
			const html_stat *st = html_st(n);
			const char *nn = (const char *)n->name;
			int furniture = !strcmp(nn, "nav") || !strcmp(nn, "aside") ||
					!strcmp(nn, "footer");
			descend = n->children && st->kind != HK_DROP && !furniture;
			if (descend && heading_like(n) && !in_furniture(n)) {
				int at = *nh1, shares = 0;
				add_h1(m, b, h1s, nh1, n);
				for (int j = 0; *nh1 > at && !shares && j < nmeta; j++)
					shares = (!meta[j].as_written &&
						  shares_words(&h1s[at].w, &meta[j].w, 1)) ||
						 agrees(&h1s[at], &meta[j]);
				*nh1 = at;
				if (shares) {
					h1s[0] = h1s[at];
					h1s[0].from = "heading";
					*nh1 = 1;
					return;
				}
				descend = 0;
			}
		}
		n = mk_next(t->body, n, descend);
	}
}

/* An h1 of a label (its first label words) and a title's words (to its word end - 1) that goes
 * on with a dash and more words ("Analysis There's a know-it-all at every job â here's
 * how to deal"): the dash's words are the h1's own, not a site's part (" | Editorial"), so its
 * text from its first word after the label; else NULL. */
static const char *dash_tail(const cand *c, int label, int end)
{
	if (label <= 0 || end >= c->w.count || end >= MAX_WORDS)
		return NULL;
	const char *p = c->text + c->w.raw[end - 1];
	while (*p == ' ' || ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0))
		p += *p == ' ' ? 1 : 2;
	if (!(*p == '-' || !strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3)))
		return NULL;
	size_t n = strlen(c->text), at = c->w.raw[label - 1];
	for (size_t k = at; k < n;) {
		size_t start = k;
		if (word_cp(next_cp(c->text, n, &k)))
			return c->text + start;
	}
	return NULL;
}

/* Whether a title is the h1's own text: an h1 named headline by microdata is no second word on
 * itself. */
static int self(const html_meta *hm, const cand *title, const cand *h1)
{
	return title->text == hm->md_headline && hm->md_headline_at == h1->node;
}

/* Whether a title of the page's agrees with the h1 (agree: the same words, or one the other
 * with a label or tail more); with hm, the microdata naming the h1 itself left out (self). */
static int titled(const cand *h1, const cand *meta, int nmeta, const html_meta *hm)
{
	int label;
	for (int j = 0; j < nmeta; j++)
		if (!(hm && self(hm, &meta[j], h1)) &&
		    agree(h1->text, &h1->w, meta[j].text, &meta[j].w, &label) != AGREE_NONE)
			return 1;
	return 0;
}

/* Whether a heading agrees with a title of the page's: its text, or the title where the heading
 * adds a label to it; else NULL. */
static const char *heading_agrees(mk *m, html_text *b, xmlNode *h, const cand *meta, int nmeta)
{
	static _Thread_local cand hd[2];
	int nhd = 0;
	add_h1(m, b, hd, &nhd, h);
	for (int i = 0; i < nhd; i++)
		for (int j = 0; j < nmeta; j++) {
			int label;
			int a = agree(hd[i].text, &hd[i].w, meta[j].text, &meta[j].w, &label);
			if (a != AGREE_NONE)
				return a == AGREE_B && label ? meta[j].text : hd[i].text;
		}
	return NULL;
}

/* A heading line (heading_like: an <h2>, a line named headline or title) before the h1 lead (or
 * anywhere when there is none), agreeing with a title of the page's: the story's heading before
 * its prose first, then the page's in document order outside its navigation, asides and footer
 * (in a box that reads as furniture too, a "header" box: the agreement says it is the story's). */
static const char *heading_before(mk *m, html_text *b, const html_tree *t, xmlNode *container,
				  xmlNode *lead, const cand *meta, int nmeta, xmlNode **at)
{
	if (!nmeta)
		return NULL;
	xmlNode *h = story_h1(t, container, NULL);
	const char *s;
	if (h && h != lead && (!lead || xmlXPathCmpNodes(h, lead) == 1) &&
	    (s = heading_agrees(m, b, h, meta, nmeta))) {
		*at = h;
		return s;
	}
	for (xmlNode *n = t->body; n && n != lead;) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE && n->_private) {
			const char *nn = (const char *)n->name;
			descend = n->children && html_st(n)->kind != HK_DROP && strcmp(nn, "nav") &&
				  strcmp(nn, "aside") && strcmp(nn, "footer");
			if (descend && heading_like(n)) {
				if ((s = heading_agrees(m, b, n, meta, nmeta))) {
					*at = n;
					return s;
				}
				descend = 0;
			}
		}
		n = mk_next(t->body, n, descend);
	}
	return NULL;
}

const char *html_headline(mk *m, const html_meta *hm, const html_tree *t, xmlNode *container,
			  html_text *b, xmlNode **at, const char **from)
{
	static _Thread_local cand meta[12], h1s[MAX_H1];
	const char *raw[6] = { hm->ld_headline, hm->md_headline, hm->og_title, hm->tw_title,
			       hm->dc_title, hm->title };
	static const char *const names[6] = { "json-ld", "microdata", "og:title", "twitter:title",
					      "dc.title", "title" };
	/* Each title without its site part, then as written when that differs (an h1 may say
	 * "Headline - here's how" where the cut took " - here's how" for a site's name). */
	int nmeta = 0;
	for (int i = 0; i < 6; i++) {
		const char *stripped = i == 1 || i == 4 ? raw[i] : strip_site(m, raw[i], hm);
		for (int v = 0; v < 2; v++) {
			const char *title = v ? raw[i] : stripped;
			if (!title || (v && title == stripped))
				continue;
			cand *c = &meta[nmeta];
			c->text = title;
			c->from = names[i];
			c->node = NULL;
			c->as_written = v;
			words_of(title, &c->w);
			if (c->w.count)
				nmeta++;
		}
	}
	/* The h1 elements: the story's first, then the page's outside its furniture, then those
	 * inside a box that reads as furniture (a "hero-banner promo") when a title of the page's
	 * agrees with them. */
	int nh1 = 0, nboxed = 0;
	xmlNode *mine = story_h1(t, container, "h1"), *boxed[4];
	if (mine)
		add_h1(m, b, h1s, &nh1, mine);
	for (xmlNode *n = t->body; n && nh1 < MAX_H1;) {
		int descend = n->type == XML_ELEMENT_NODE && n->children &&
			      (!n->_private || html_st(n)->kind != HK_DROP);
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "h1")) {
			if (n != mine && !in_furniture(n))
				add_h1(m, b, h1s, &nh1, n);
			else if (n != mine && nboxed < 4)
				boxed[nboxed++] = n;
			descend = 0;
		}
		n = mk_next(t->body, n, descend);
	}
	for (int k = 0; k < nboxed && nh1 < MAX_H1; k++) {
		int first = nh1;
		add_h1(m, b, h1s, &nh1, boxed[k]);
		if (nh1 > first && !titled(&h1s[first], meta, nmeta, hm))
			nh1 = first;
	}
	/* h1s of two words at most that no title holds are a section's or site's name ("World
	 * News"): the page has no h1 of its story's. */
	int named = 0;
	for (int i = 0; i < nh1 && !named; i++)
		named = h1s[i].w.count >= 3 || titled(&h1s[i], meta, nmeta, hm);
	if (!named) {
		nh1 = 0;
		mine = NULL;
	}
	/* No h1: the story's heading before its prose, when half its words are in a title the
	 * page gives (not a kicker, a date or a box's name), else a heading near those words. */
	if (!nh1 && (mine = story_h1(t, container, NULL))) {
		add_h1(m, b, h1s, &nh1, mine);
		/* (a page with no title of three words says nothing against it: "News", "Home") */
		int shares = nh1 && h1s[0].w.count >= 3;
		for (int j = 0; shares && j < nmeta; j++)
			shares = meta[j].w.count < 3;
		for (int j = 0; nh1 && !shares && j < nmeta; j++)
			shares = (!meta[j].as_written && shares_words(&h1s[0].w, &meta[j].w, 0)) ||
				 agrees(&h1s[0], &meta[j]);
		for (int i = 0; i < nh1; i++)
			h1s[i].from = "heading";
		if (!shares) {
			nh1 = 0;
			mine = NULL;
		}
	}
	if (!nh1)
		add_heading(m, b, t, h1s, &nh1, meta, nmeta);
	*at = mine ? mine : nh1 ? h1s[0].node : NULL;
	/* An h1 agreeing with the metadata: the metadata's title where the h1 adds a label before
	 * it (a kicker, "Opinion"); else the h1, which has the same words, or the title's with a
	 * label or tail (a site's name) more or less. */
	for (int i = 0; i < nh1; i++) {
		int label;
		for (int j = 0; j < nmeta; j++)
			if (agree(h1s[i].text, &h1s[i].w, meta[j].text, &meta[j].w, &label) ==
				    AGREE_B && label) {
				*at = h1s[i].node;
				const char *rest = dash_tail(&h1s[i], label, label + meta[j].w.count);
				if (rest) { /* (the h1 less its label, its dash's words kept) */
					*from = h1s[i].from;
					return h1s[i].bare ? h1s[i].bare : rest;
				}
				*from = meta[j].from;
				return meta[j].text;
			}
		for (int j = 0; j < nmeta; j++)
			if (same_words(&h1s[i].w, &meta[j].w) && !self(hm, &meta[j], &h1s[i])) {
				*at = h1s[i].node;
				*from = h1s[i].from;
				return h1s[i].text;
			}
		/* (the h1 as the reader sees it, also where it goes on after the title with a
		 * separator: "Headline - here's how", a search title being the part before) */
		for (int j = 0; j < nmeta; j++) {
			int a = agree(h1s[i].text, &h1s[i].w, meta[j].text, &meta[j].w, &label);
			if (a == AGREE_NONE || self(hm, &meta[j], &h1s[i]))
				continue;
			*at = h1s[i].node;
			*from = h1s[i].from;
			return h1s[i].text;
		}
	}
	/* The story's h1 (else the page's first headline-sized one, past a short one such as a
	 * hidden site name) is the headline the reader sees when the metadata holds another (a
	 * search engine's title, a social one) sharing words with it, or when it is the page's
	 * one h1; not when it shares hardly a word with any (a newsletter box's "Subscribe to"). */
	xmlNode *lead = mine;
	int one_h1 = nh1 == 1 || (nh1 == 2 && h1s[1].node == h1s[0].node); /* (its label cut) */
	int li = 0;
	if (!lead && nh1 && one_h1)
		lead = h1s[0].node;
	/* (another story's card, an h1 wholly a link to it, only when no other h1 is
	 * headline-sized) */
	for (int cards = 0; !lead && cards < 2; cards++)
		for (li = 0; !lead && li < nh1; li++)
			if (h1s[li].w.count >= 3 && h1s[li].node->_private &&
			    html_st(h1s[li].node)->text >= 15 && (cards || !card_h1(h1s[li].node, hm))) {
				lead = h1s[li].node;
				break;
			}
	if (!lead)
		li = 0;
	/* the page's one h1 of a headline's size that is no card's (beside a hidden site name of
	 * a word, related stories' h1s) */
	int sized = 0;
	for (int i = 0; i < nh1; i++)
		sized += h1s[i].w.count >= 3 && !card_h1(h1s[i].node, hm) &&
			 (!i || h1s[i].node != h1s[i - 1].node);
	one_h1 = one_h1 || (sized == 1 && lead && !card_h1(lead, hm));
	/* A heading line before the story's prose and before that h1 (a headline written as a
	 * <div class="article-headline">, the page's h1s its subheads' or a box's) agreeing with a
	 * title of the page's is the headline as the reader sees it. */
	const char *heading = heading_before(m, b, t, container, lead, meta, nmeta, at);
	if (heading) {
		*from = "heading";
		return heading;
	}
	if (lead && li < nh1 && lead == h1s[li].node && h1s[li].w.count >= 3 &&
	    !(hm->site_name && html_same_words(h1s[li].text, hm->site_name))) {
		/* (the story's own h1 before its prose is the headline the reader sees whatever
		 * the titles say: a social title may share no word with it) */
		int shares = !nmeta || one_h1 ||
			     (lead == mine && !strcmp(h1s[li].from, "h1") && !prose_before(t, container, mine));
		for (int j = 0; !shares && j < nmeta; j++)
			shares = overlap(&h1s[li].w, &meta[j].w) >= 0.3;
		if (shares) {
			*at = lead;
			*from = h1s[li].from;
			return h1s[li].bare ? h1s[li].bare : h1s[li].text;
		}
	}
	/* The metadata: the first, or its core where another holds it with a label or tail. */
	if (nmeta) {
		const cand *c = &meta[0];
		int label;
		for (int j = 1; j < nmeta; j++)
			if (!meta[j].as_written &&
			    agree(c->text, &c->w, meta[j].text, &meta[j].w, &label) == AGREE_B) {
				c = &meta[j];
				break;
			}
		*from = c->from;
		return c->text;
	}
	if (nh1) {
		*at = h1s[0].node;
		*from = h1s[0].from;
		return h1s[0].text;
	}
	*from = NULL;
	return NULL;
}

/* ---- a media marker ---------------------------------------------------------------------------- */

/* Whether the words of s[0..n) are all media words ("video", "photos", "watch" ...), separated by
 * blanks, commas, '&' or '+'. */
static int media_words(const char *s, size_t n)
{
	static const char *const media[] = { "video", "videos", "photo", "photos", "pictures",
					     "pics", "gallery", "slideshow", "watch", "listen",
					     "audio", "podcast", "interactive", "graphic", "map", NULL };
	int count = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == ' ' || s[i] == ',' || s[i] == '&' || s[i] == '+') {
			i++;
			continue;
		}
		size_t k = i;
		while (k < n && isalpha((unsigned char)s[k]))
			k++;
		if (k == i)
			return 0;
		int known = 0;
		for (int j = 0; media[j] && !known; j++)
			known = strlen(media[j]) == k - i && !strncasecmp(s + i, media[j], k - i);
		if (!known)
			return 0;
		count++;
		i = k;
	}
	return count > 0;
}

size_t html_headline_len(const char *h)
{
	size_t n = strlen(h);
	if (n < 4 || (h[n - 1] != ')' && h[n - 1] != ']'))
		return n;
	char open = h[n - 1] == ')' ? '(' : '[';
	size_t o = n - 1;
	while (o > 0 && h[o - 1] != open && n - o < 40)
		o--;
	if (o < 2 || h[o - 1] != open || h[o - 2] != ' ' || !media_words(h + o, n - 1 - o))
		return n;
	o -= 2;
	while (o > 0 && h[o - 1] == ' ')
		o--;
	return o ? o : n;
}

/* ---- the deck --------------------------------------------------------------------------------- */

/* A class, id or itemprop saying standfirst: a token, or a part of one cut at '-' and '_'
 * ("article__dek", "c-standfirst", "header__sub-title"), or itemprop alternativeHeadline. */
static int deck_named(const xmlNode *n)
{
	static const char *const names[] = { "dek", "deck", "standfirst", "subtitle", "subheadline",
					     "subhed", "strapline", "alternativeheadline", NULL };
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		if (!a->children || !a->children->content ||
		    (strcmp(an, "class") && strcmp(an, "id") && strcmp(an, "itemprop") &&
		     strcmp(an, "data-testid")))
			continue;
		int after_sub = 0; /* the part before was "sub", joined by '-' or '_' */
		for (const char *p = (const char *)a->children->content; *p;) {
			if (*p == ' ' || *p == '\t' || *p == '\n')
				after_sub = 0;
			while (*p == ' ' || *p == '-' || *p == '_' || *p == '\t' || *p == '\n')
				p++;
			const char *s = p;
			while (*p && *p != ' ' && *p != '-' && *p != '_' && *p != '\t' && *p != '\n')
				p++;
			for (int i = 0; names[i] && p > s; i++)
				if ((size_t)(p - s) == strlen(names[i]) && !strncasecmp(s, names[i], (size_t)(p - s)))
					return 1;
			/* "sub-title", "sub_headline": subtitle written in two parts */
			if (after_sub && ((p - s == 5 && !strncasecmp(s, "title", 5)) ||
					  (p - s == 8 && !strncasecmp(s, "headline", 8))))
				return 1;
			after_sub = p - s == 3 && !strncasecmp(s, "sub", 3) && (*p == '-' || *p == '_');
		}
	}
	return 0;
}

/* A credit under the h1, not a standfirst: "Video by MEGA Media.", "Photo: ...". */
static int credit_line(const char *s)
{
	static const char *const credits[] = { "video by ", "photo by ", "photos by ",
					       "photograph by ", "photography by ", "photo:",
					       "photograph:", "image:", "credit:", "illustration by ",
					       NULL };
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	for (int i = 0; credits[i]; i++)
		if (!strncasecmp(s, credits[i], strlen(credits[i])))
			return 1;
	return 0;
}

const char *html_deck(mk *m, const html_meta *hm, xmlNode *h1, const char *headline,
		      html_text *b, xmlNode *body)
{
	if (h1 && body) {
		/* the elements after the h1, a few dozen at most: its header's */
		int steps = 0;
		for (xmlNode *n = mk_next(body, h1, 0); n && steps < 40; steps++) {
			int descend = n->type == XML_ELEMENT_NODE && n->children;
			if (n->type == XML_ELEMENT_NODE && n->_private) {
				const html_stat *st = html_st(n);
				if (st->kind == HK_DROP) {
					descend = 0;
				} else if (!strcmp((const char *)n->name, "h1")) {
					break;
				} else if ((deck_named(n) ||
					    (!strcmp((const char *)n->name, "h2") && n->parent == h1->parent &&
					     steps < 3)) &&
					   st->text >= 20 && st->text <= 400 && st->kind != HK_BYLINE &&
					   (!in_furniture(n) || in_furniture(h1))) {
					/* (in furniture too when the h1 is: a "hero-banner" box) */
					html_collect(b, n);
					const char *s = mk_str(m, b->buf, b->n);
					if (s && credit_line(s)) {
						html_chrome(m, s, strlen(s)); /* kept, not a deck */
					} else if (s && !(headline && html_same_words(s, headline)) &&
						   strncmp(s, "By ", 3)) {
						mk_block(m, MR_DECK, s, strlen(s), html_at(m, n));
						return s;
					}
					descend = 0;
				}
			}
			n = mk_next(body, n, descend);
		}
	}
	if (hm->ld_alt && !(headline && html_same_words(hm->ld_alt, headline))) {
		mk_block(m, MR_DECK, hm->ld_alt, strlen(hm->ld_alt), 0);
		return hm->ld_alt;
	}
	return NULL;
}

void html_deck_echo(mk *m, size_t from, const char *deck)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t dn = strlen(deck);
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *k = &doc->blocks[i];
		if ((k->role == MR_PARA || k->role == MR_SUBHEAD) && k->e - k->s == dn &&
		    !memcmp(t + k->s, deck, dn)) {
			memmove(k, k + 1, (doc->nblocks - i - 1) * sizeof *k);
			doc->nblocks--;
			return;
		}
	}
}
