/* Where a page's story is: every element classified (dropped, chrome, caption, byline) and its
 * text counted, then content scoring (the method of Arc90's Readability): each paragraph gives
 * its parent, grandparent and great-grandparent points for its length and commas; an element's
 * score is scaled by one minus its link density, and the best one holds the story (class and id
 * words decide what is furniture, a caption or a byline, not a score). The class and id words are generic words of page furniture (share, related,
 * newsletter, comment, promo, nav, footer, sidebar, ad) and of story containers (article, story,
 * body, content): no site is named anywhere. Iterative walks: a deep page costs no C stack. */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parser/input/html_page.h"

static const char *const drop_names[] = { "script", "style", "noscript", "template", "svg",
					  "math", "iframe", "object", "embed", "canvas", "video",
					  "audio", "button", "select", "input", "textarea", "option",
					  "dialog", "head", "title", "meta", "link", "img", "picture",
					  "source", "map", NULL };
static const char *const chrome_names[] = { "nav", "aside", "footer", "header", "form", "menu",
					    NULL };

/* ---- class and id words ---------------------------------------------------------------------- */

enum { W_NONE, W_STORY, W_NEGATIVE, W_CHROME, W_CAPTION, W_BYLINE, W_HIDDEN };

/* Whole words (a class token cut at '-' and '_'), or a token's start for compounds
 * (relatedstories, sharebar). A pull quote repeats a line of the story in large type: the story
 * says it once. A review's rating or verdict box sums the review up in a line the review's own
 * text says at length. */
static const char *const chrome_words[] = {
	"share", "sharing", "social", "related", "newsletter", "newsletters", "subscribe",
	"subscription", "signup", "comment", "comments", "promo", "promos", "promotion", "ad", "ads",
	"advert", "advertisement", "adslot", "adunit", "sponsor", "sponsored", "nav", "navbar",
	"navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "widget", "widgets",
	"recommended", "recommendations", "recirc", "trending", "popular", "cookie", "cookies",
	"banner", "footer", "masthead", "toolbar", "tags", "tag", "topics", "paywall-prompt",
	"outbrain", "taboola", "disqus", "more-stories", "readmore", "newsletter-signup",
	"popup", "modal", "overlay", "login", "register", "skip", "jump", "print", "follow",
	"donate", "membership", "teaser", "teasers", "rail", "prompt", "upsell", "cta", "tweet", "embed",
	"consent", "card", "cards", "bio", "bios", "biography", "disclaimer", "disclaimers",
	"disclosure", "boilerplate", "pullquote", "rating", "ratings", "verdict", NULL };
static const char *const chrome_prefixes[] = { "share", "social", "related", "newsletter",
					       "comment", "promo", "advert", "sponsor", "sidebar",
					       "breadcrumb", "footer", "navbar", "recirc",
					       "recommend", NULL };
static const char *const story_words[] = { "article", "articlebody", "story", "storybody",
					   "body", "content", "entry", "hentry", "main", "post",
					   "text", "blog", "prose", "paragraph", "richtext",
					   NULL };
/* Furniture words that a story word beside them does not outweigh: an author's bio inside the
 * story's box ("author-content_bio"), a disclosure under it ("post-disclaimer"), the stock text
 * a site puts around every story ("post-boilerplate"). */
static const char *const strong_words[] = { "bio", "bios", "biography", "disclaimer", "related",
					    "disclaimers", "disclosure", "boilerplate", NULL };
static const char *const caption_words[] = { "caption", "figcaption", "credit", "credits",
					     "photocredit", "imagecredit", NULL };
static const char *const byline_words[] = { "byline", "bylines", "author", "authors",
					    "writer", "contributor", "contributors", NULL };
static const char *const hidden_words[] = { "hidden", "sr-only", "visually-hidden", "d-none",
					    "visuallyhidden", "screen-reader-text", "offscreen",
					    NULL };

/* The lists are lowercase: a first letter that differs rules a word out before any length or
 * comparison is taken. */
static int word_in_list(const char *w, size_t n, const char *const *list)
{
	int c = (unsigned char)w[0] | 0x20;
	for (; *list; list++)
		if ((*list)[0] == c && strlen(*list) == n && !strncasecmp(w, *list, n))
			return 1;
	return 0;
}

/* Every class token's every part is looked up in each of the six lists: on a news page, the
 * lists' walks were a tenth of the page's instructions. So the six are one hash table, built
 * once from them, of each word and the lists it is in (a bit each, in tabled_lists' order): a
 * part is hashed once for all six, and a word no list holds costs a probe or two. */
enum { WORD_SLOTS = 1024, WORD_MAX = 31 };

static const char *const *const tabled_lists[] = { chrome_words, strong_words, story_words,
						   caption_words, byline_words, hidden_words };
static struct {
	char word[WORD_MAX + 1];
	unsigned char len, lists;
} word_table[WORD_SLOTS];
static pthread_once_t word_table_once = PTHREAD_ONCE_INIT;

static unsigned word_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a over the ASCII-lowercased bytes */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		h = (h ^ (c >= 'A' && c <= 'Z' ? c | 0x20 : c)) * 16777619u;
	}
	return h & (WORD_SLOTS - 1);
}

static void word_table_build(void)
{
	for (unsigned l = 0; l < sizeof tabled_lists / sizeof *tabled_lists; l++)
		for (const char *const *w = tabled_lists[l]; *w; w++) {
			size_t n = strlen(*w);
			unsigned i = word_hash(*w, n);
			while (word_table[i].len && (word_table[i].len != n ||
						     memcmp(word_table[i].word, *w, n)))
				i = (i + 1) & (WORD_SLOTS - 1);
			memcpy(word_table[i].word, *w, n);
			word_table[i].len = (unsigned char)n;
			word_table[i].lists |= (unsigned char)(1u << l);
		}
}

/* The lists a word is in, as tabled_lists' bits (IN_*). */
enum { IN_CHROME = 1, IN_STRONG = 2, IN_STORY = 4, IN_CAPTION = 8, IN_BYLINE = 16, IN_HIDDEN = 32 };

static unsigned word_lists(const char *w, size_t n)
{
	if (n == 0 || n > WORD_MAX)
		return 0;
	pthread_once(&word_table_once, word_table_build);
	for (unsigned i = word_hash(w, n); word_table[i].len; i = (i + 1) & (WORD_SLOTS - 1))
		if (word_table[i].len == n && !strncasecmp(word_table[i].word, w, n))
			return word_table[i].lists;
	return 0;
}

static int word_in(const char *w, size_t n, const char *const *list)
{
	for (unsigned l = 0; l < sizeof tabled_lists / sizeof *tabled_lists; l++)
		if (list == tabled_lists[l])
			return (word_lists(w, n) >> l) & 1;
	return word_in_list(w, n, list);
}

static int prefix_in(const char *w, size_t n, const char *const *list)
{
	int c = (unsigned char)w[0] | 0x20;
	for (; *list; list++) {
		if ((*list)[0] != c)
			continue;
		size_t k = strlen(*list);
		if (k < n && !strncasecmp(w, *list, k))
			return 1;
	}
	return 0;
}

/* A hump starts at an upper-case letter after a lower-case one ("image|Caption"), or at the
 * last capital of an acronym before lower-case letters ("IC|Cta", "HTML|Block"). */
static int hump_starts(const char *s, size_t n, size_t j)
{
	if (!isupper((unsigned char)s[j]))
		return 0;
	if (islower((unsigned char)s[j - 1]))
		return 1;
	return isupper((unsigned char)s[j - 1]) && j + 1 < n && islower((unsigned char)s[j + 1]);
}

/* The humps of a camelCase part ("imageCaption", "relatedLinks", "adContainer"): a class
 * written that way names its furniture in its humps. Only the furniture and caption words are
 * looked up there: a story word's hump ("articleBody", "postContent") starts the part, which
 * the part's own lookups see. A part of one hump is the part's own lookups' alone. */
static void camel_words(const char *s, size_t n, int *chrome, int *caption, int *strong)
{
	size_t i = 0;
	for (;;) {
		size_t j = i + 1;
		while (j < n && !hump_starts(s, n, j))
			j++;
		if (i == 0 && j == n)
			return;
		unsigned in = word_lists(s + i, j - i);
		*chrome |= (in & IN_CHROME) != 0;
		*strong |= (in & IN_CHROME) && (in & IN_STRONG);
		*caption |= (in & IN_CAPTION) != 0;
		if (j >= n)
			return;
		i = j;
	}
}

/* The words of a class or id: each token, and each token's parts cut at '-' and '_'. */
/* What an element's names say it is. element_byline: a BEM name's element part is the writer's
 * ("article__author", "c-story__byline"), or the name of an author's block ("article-author__name"):
 * the block's story word names where it sits, not what it is. */
typedef struct klass {
	int story, chrome, caption, byline, hidden, strong, element_byline;
} klass;

static void words_of(const char *v, klass *k)
{
	const char *p = v;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		const char *t = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		size_t tn = (size_t)(p - t);
		if (!tn)
			break;
		k->hidden |= (word_lists(t, tn) & IN_HIDDEN) != 0;
		/* a BEM name's element part: after the token's last "__", before a "--" modifier */
		const char *element = NULL, *modifier = p;
		for (const char *e = t; e + 1 < p; e++)
			if (e[0] == '_' && e[1] == '_')
				element = e + 2, modifier = p;
			else if (e[0] == '-' && e[1] == '-' && element && modifier == p)
				modifier = e;
		const char *q = t;
		int first = 1, block_byline = 0; /* a byline word in the BEM block's part */
		while (q < p) {
			const char *s = q;
			while (q < p && *q != '-' && *q != '_')
				q++;
			size_t n = (size_t)(q - s);
			if (n)
				camel_words(s, n, &k->chrome, &k->caption, &k->strong);
			if (n) {
				unsigned in = word_lists(s, n); /* every list at once */
				int furniture = (in & IN_CHROME) != 0, byline = (in & IN_BYLINE) != 0;
				k->chrome |= furniture || prefix_in(s, n, chrome_prefixes);
				/* the strong words are among the furniture words */
				k->strong |= furniture && (in & IN_STRONG);
				k->story |= (in & IN_STORY) || (first && (prefix_in(s, n, story_words)));
				k->caption |= (in & IN_CAPTION) != 0;
				k->byline |= byline;
				k->element_byline |= element && s >= element && s < modifier && byline;
				/* "article-author__name": the name's element of an author's block */
				block_byline |= (!element || s < element) && byline;
				k->element_byline |= block_byline && element && s == element &&
						     n == 4 && !strncasecmp(s, "name", 4) && q == modifier;
				first = 0;
			}
			if (q < p)
				q++;
		}
	}
}

int html_named(const xmlNode *n, const char *const *words)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		if (!a->children || !a->children->content ||
		    (strcmp(an, "class") && strcmp(an, "id") && strcmp(an, "itemprop") &&
		     strcmp(an, "data-testid") && strcmp(an, "data-qa")))
			continue;
		const char *v = (const char *)a->children->content;
		for (size_t i = 0; v[i];) {
			while (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '-' || v[i] == '_')
				i++;
			size_t t = i;
			while (v[i] && v[i] != ' ' && v[i] != '\t' && v[i] != '\n' && v[i] != '-' &&
			       v[i] != '_')
				i++;
			/* the part, then its humps */
			for (size_t s = t, e; s < i; s = e) {
				e = s + 1;
				while (e < i && !hump_starts(v + t, i - t, e - t))
					e++;
				if (word_in(v + s, e - s, words) || (s == t && word_in(v + t, i - t, words)))
					return 1;
			}
		}
	}
	return 0;
}

/* Words in s, parted by blanks. */
static int words_in(const char *s)
{
	int k = 0;
	for (int blank = 1; *s; s++) {
		int b = *s == ' ' || *s == '\t' || *s == '\n';
		k += blank && !b;
		blank = b;
	}
	return k;
}

/* The words of class, id, itemprop, rel, role and a component's test id (data-testid, which
 * html_named reads too): a site whose classes are utility names ("px-4 lg:pl-8") still names
 * its parts for its tests ("newsletter-prompt", "byline-name"), and for screen readers: a
 * short aria-label names a region ("newsletter promotion", "Related stories"); a longer one
 * is a sentence or a headline (a card's "Read: ..."), not a name. */
static klass class_of(const xmlNode *n)
{
	klass k = { 0, 0, 0, 0, 0, 0, 0 };
	static const char *const attrs[] = { "class", "id", "itemprop", "rel", "role", "data-component",
					     "data-testid", "aria-label", NULL };
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		if (!a->children || !a->children->content)
			continue;
		const char *v = (const char *)a->children->content;
		int i;
		/* a first letter that differs rules a name out before a comparison is made */
		for (i = 0; attrs[i] && (attrs[i][0] != an[0] || strcmp(an, attrs[i])); i++)
			;
		if (attrs[i] && !strcmp(an, "aria-label") && words_in(v) > 3)
			continue;
		if (!attrs[i]) {
			if (!strcmp(an, "hidden"))
				k.hidden = 1;
			else if (!strcmp(an, "aria-hidden") && !strcasecmp(v, "true"))
				k.hidden = 1;
			else if (!strcmp(an, "style") && (strstr(v, "display:none") ||
							  strstr(v, "display: none")))
				k.hidden = 1;
			continue;
		}
		if (!strcmp(an, "role") && (!strcmp(v, "navigation") || !strcmp(v, "complementary") ||
					    !strcmp(v, "contentinfo") || !strcmp(v, "banner") ||
					    !strcmp(v, "search") || !strcmp(v, "dialog")))
			k.chrome = 1;
		/* a pop-up menu or tooltip (a byline's "View Author Archive, Follow on X" flyout)
		 * is not on the page until opened */
		if (!strcmp(an, "role") && (!strcmp(v, "menu") || !strcmp(v, "tooltip")))
			k.hidden = 1;
		if (!strcmp(an, "itemprop") && !strcmp(v, "articleBody"))
			k.story = 2;
		words_of(v, &k);
	}
	return k;
}


/* An inline element wrapping paragraphs (<span class="readmore"><p>...</p></span>): a page's
 * show-more device around the story's own text, whatever its class says; furniture (a share
 * bar, an ad slot, a link list) is a box or a list, not this. */
static int paragraph_wrapper(const xmlNode *n)
{
	if (strcmp((const char *)n->name, "span"))
		return 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "p"))
			return 1;
	return 0;
}

/* ---- measuring -------------------------------------------------------------------------------- */

/* Text bytes with each run of blanks counted once. */
static uint32_t folded_len(const char *s, int *commas, int *stops)
{
	uint32_t n = 0;
	int blank = 1;
	for (; *s; s++) {
		int b = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
		if (!b)
			n++;
		else if (!blank)
			n++;
		blank = b;
		*commas += *s == ',';
		*stops += *s == '.' || *s == '!' || *s == '?';
	}
	return n;
}

static size_t count_elements(xmlNode *root)
{
	size_t k = 0;
	xmlNode *n = root;
	while (n) {
		if (n->type == XML_ELEMENT_NODE)
			k++;
		n = mk_next(root, n, n->children && n->type == XML_ELEMENT_NODE);
	}
	return k;
}

/* Whether n holds no box of its own (a paragraph, a list, a division): a line of text and
 * links, as a byline is; a column named for its author holds the author's box and more. */
static int inline_only(const xmlNode *n)
{
	static const char *const boxes[] = { "p", "div", "ul", "ol", "section", "table", "figure",
					     "h1", "h2", "h3", "h4", "h5", "h6", "article", "aside",
					     "header", "footer", NULL };
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && mk_name_in(c, boxes))
			return 0;
	return 1;
}

static int has_p_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "p"))
			return 1;
	return 0;
}

/* Paragraphs a page shows its subscribers only: each, or a run of them, in a hidden box
 * (display:none) standing among the paragraphs shown to all. Such a box holds a <p> of prose
 * (a sentence end, few links) and its parent a visible <p> (or a box of one): menus, modals
 * and prompts hidden the same way stand elsewhere. Its counts go to its ancestors: a bounded
 * number of boxes, each a walk up the tree. */
static void revive_hidden(html_tree *t, size_t used)
{
	unsigned char *visible_p = calloc(used ? used : 1, 1);
	if (!visible_p)
		return;
	xmlNode *n = t->root;
	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->_private && !strcmp((const char *)n->name, "p") &&
		    html_st(n)->kind == HK_NONE && html_st(n)->parent >= 0 &&
		    (size_t)html_st(n)->parent < used) {
			/* its parent and grandparent (a <div><p> per paragraph) */
			int32_t a = html_st(n)->parent;
			visible_p[a] = 1;
			if (t->stats[a].parent >= 0 && t->stats[a].kind == HK_NONE)
				visible_p[t->stats[a].parent] = 1;
		}
		n = mk_next(t->root, n, n->children && n->type == XML_ELEMENT_NODE);
	}
	int revived = 0;
	n = t->root;
	while (n && revived < 1024) {
		int descend = n->children && n->type == XML_ELEMENT_NODE;
		if (n->type == XML_ELEMENT_NODE && n->_private) {
			html_stat *st = html_st(n);
			if (st->hidden && st->kind == HK_DROP && st->parent >= 0 &&
			    visible_p[st->parent] && st->text >= 40 && st->stops &&
			    st->link * 2 < st->text) {
				st->kind = HK_NONE;
				revived++;
				for (int32_t a = st->parent; a >= 0; a = t->stats[a].parent) {
					t->stats[a].text += st->text;
					t->stats[a].link += st->link;
					t->stats[a].commas += st->commas;
					t->stats[a].stops += st->stops;
				}
			}
			/* what a dropped box holds stays dropped */
			if (st->kind == HK_DROP)
				descend = 0;
		}
		n = mk_next(t->root, n, descend);
	}
	free(visible_p);
}

int html_measure(html_tree *t)
{
	size_t count = count_elements(t->root);
	t->stats = calloc(count ? count : 1, sizeof *t->stats);
	if (!t->stats)
		return -1;
	t->nstats = count;
	size_t used = 0;
	xmlNode *root = t->root, *n = root;
	/* Pre-order: classify; post-order: add the element's counts to its parent's. */
	while (n) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE && used < count) {
			html_stat *st = &t->stats[used++];
			n->_private = st;
			st->parent = n != root && n->parent && n->parent->_private
				   ? (int32_t)(html_st(n->parent) - t->stats) : -1;
			klass k = class_of(n);
			if (mk_name_in(n, drop_names) || k.hidden)
				st->kind = HK_DROP;
			else if (!strcmp((const char *)n->name, "figcaption") || (k.caption && !k.story))
				st->kind = HK_CAPTION;
			else if (k.byline && (!k.story || (k.element_byline && k.story == 1 && inline_only(n))))
				st->kind = HK_BYLINE;
			/* an author's box beside a generic story word ("author-content",
			 * "article-author-container") holding a paragraph: the writer's bio */
			else if (k.byline && k.story == 1 && has_p_child(n))
				st->kind = HK_CHROME;
			/* readability's rule: a furniture word does not count beside a story word
			 * (Cheat__body-and-footer, content-and-sidebar) */
			else if (mk_name_in(n, chrome_names) ||
				 (k.chrome && !k.story && !paragraph_wrapper(n)) || k.strong)
				st->kind = HK_CHROME;
			/* a hidden box of paragraphs is measured (not counted in its parent):
			 * revive_hidden may find the story's own text in it */
			st->hidden = k.hidden && !mk_name_in(n, drop_names) && has_p_child(n);
			descend = (st->kind != HK_DROP || st->hidden) && n->children;
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			xmlNode *p = n->parent;
			if (p && p->_private && n->content) {
				int commas = 0, stops = 0;
				html_stat *ps = html_st(p);
				ps->text += folded_len((const char *)n->content, &commas, &stops);
				ps->commas += (uint32_t)commas;
				ps->stops += (uint32_t)stops;
			}
		}
		if (descend) {
			n = n->children;
			continue;
		}
		/* Post-order for n and for every ancestor this step leaves. */
		for (;;) {
			if (n->type == XML_ELEMENT_NODE && n->_private && n != root) {
				html_stat *st = html_st(n), *ps = n->parent ? html_st(n->parent) : NULL;
				if (!strcmp((const char *)n->name, "a"))
					st->link = st->text;
				const char *nm = (const char *)n->name;
				if (!strcmp(nm, "input") || !strcmp(nm, "button") || !strcmp(nm, "select") ||
				    !strcmp(nm, "textarea"))
					st->controls++;
				if (ps)
					ps->controls += st->controls;
				if (ps && st->kind != HK_DROP) {
					ps->text += st->text;
					ps->link += st->link;
					ps->commas += st->commas;
					ps->stops += st->stops;
				}
			}
			if (n == root)
				goto guard;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (!n)
				goto guard;
		}
	}
guard:
	/* A class word is a hint, not a verdict: a box holding a large part of the page's text
	 * (a layout's "page--with-sidebar", a body's "fixed-scroll-nav", a form around a whole
	 * page) holds the story, not furniture. */
	{
		const html_stat *top = html_st(t->body && t->body->_private ? t->body : root);
		uint32_t total = top ? top->text : 0;
		for (size_t i = 0; i < used; i++) {
			html_stat *st = &t->stats[i];
			if (st->kind != HK_NONE && st->kind != HK_DROP && (uint64_t)st->text * 10 >= (uint64_t)total * 3)
				st->kind = HK_NONE;
		}
	}
	revive_hidden(t, used);
	return 0;
}

/* ---- the story's container ------------------------------------------------------------------ */

static const char *const block_children[] = { "p", "div", "section", "article", "table", "ul",
					      "ol", "pre", "blockquote", "h1", "h2", "h3", "h4",
					      "h5", "h6", "figure", "header", "footer", "aside",
					      "nav", "main", "dl", "address", "form", "li", "tr",
					      "td", "figcaption", NULL };
static const char *const block_names[] = { "p", "pre", "li", "h1", "h2", "h3", "h4", "h5", "h6",
					   "blockquote", "td", "th", "dd", "dt", "figcaption", "div",
					   "section", "article", "main", "address", "header",
					   "footer", "aside", "nav", NULL };

static int has_block_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && mk_name_in(c, block_children))
			return 1;
	return 0;
}

static int has_br_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "br"))
			return 1;
	return 0;
}

/* What a block's text counts for the story. */
static float block_value(const html_stat *st)
{
	/* Furniture counts against the story less than prose counts for it: a story interrupted
	 * by a related-links box or an ad label stays one container. */
	const float neg = 0.3f, chrome = 1.0f;
	float t = (float)st->text, l = (float)st->link;
	if (!st->text)
		return 0;
	if (st->inside & 4) /* a block inside a link: another story's card */
		return -t * neg;
	if (st->inside & 2)
		return -t * chrome;
	float ld = l / t;
	if (ld > 0.5f)
		return -t * neg;
	if (ld < 0.35f && (st->text >= 150 || (st->text >= 50 && st->stops)))
		return t - l;
	if (st->text < 50 && !st->link && st->stops)
		return 0;
	return -t * neg;
}

/* Elements that stand inside a run of text (a paragraph written without <p>). */
static const char *const inline_names[] = { "a", "em", "strong", "b", "i", "u", "span", "br",
					    "q", "sub", "sup", "small", "abbr", "cite", "code",
					    "mark", "s", "del", "ins", "font", "big", "tt", "var",
					    "kbd", "samp", "dfn", "bdi", "bdo", "wbr", "label", NULL };

/* The prose a box holds loose, beside its boxes: text nodes and inline elements that are its
 * own children (<div><figure>...</figure>Text of the story.<br><br>More text.<h2>...</h2>),
 * paragraphs written without <p>, which html_emit_body reads as runs of text between boxes.
 * Counted as one block would be, prose only: a box's loose words of furniture ("Share",
 * "Advertisement") are left to the boxes' own scores. Its children are looked at, no deeper:
 * each element once as a child, linear. */
static float loose_prose(const xmlNode *n)
{
	html_stat run = { 0 };
	for (const xmlNode *c = n->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			const char *s = (const char *)c->content;
			if (strspn(s, " \t\r\n") == strlen(s))
				continue;
			int commas = 0, stops = 0;
			run.text += folded_len(s, &commas, &stops);
			run.stops += (uint32_t)stops;
		} else if (c->type == XML_ELEMENT_NODE && c->_private && mk_name_in(c, inline_names) &&
			   !has_block_child(c)) {
			const html_stat *cs = html_st(c);
			if (cs->kind != HK_NONE)
				continue;
			run.text += cs->text;
			run.link += cs->link;
			run.stops += cs->stops;
		}
	}
	float v = block_value(&run);
	return v > 0 ? v : 0;
}

xmlNode *html_main_container(html_tree *t)
{
	xmlNode *root = t->body ? t->body : t->root;
	if (!t->nstats)
		return root;
	/* The nodes by index: the stats were made in document order (a parent before its
	 * children), so a reverse pass sees every child before its parent. */
	xmlNode **nodes = malloc(t->nstats * sizeof *nodes);
	if (!nodes)
		return root;
	size_t k = 0;
	xmlNode *n = t->root;
	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->_private && k < t->nstats)
			nodes[k++] = n;
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n != t->root && !n->next)
			n = n->parent;
		if (!n || n == t->root)
			break;
		n = n->next;
	}
	/* Per element: 1 it is a paragraph-like block counted for its own text, 2 a block below
	 * it is (through an inline wrapper: <div><span><p>), so its own count would count that
	 * text twice. */
	unsigned char *blocks = calloc(t->nstats, 1);
	float *loose = calloc(t->nstats, sizeof *loose);
	if (!blocks || !loose) {
		free(nodes);
		free(blocks);
		free(loose);
		return root;
	}
	float loose_total = 0, block_total = 0;
	for (size_t i = 0; i < k; i++) {
		html_stat *st = html_st(nodes[i]);
		const html_stat *ps = st->parent >= 0 ? &t->stats[st->parent] : NULL;
		st->inside = (uint8_t)((ps ? ps->inside : 0) | (st->kind == HK_DROP ? 1 : 0) |
				       (st->kind == HK_CHROME ? 2 : 0) |
				       (!strcmp((const char *)nodes[i]->name, "a") ? 4 : 0));
		st->score = st->prose = 0;
		st->para = 0;
		if (!(st->inside & 1) && mk_name_in(nodes[i], block_names) && !has_block_child(nodes[i])) {
			st->score = block_value(st);
			st->prose = st->score > 0 ? st->score : 0;
			blocks[st - t->stats] = 1;
			st->para = 1;
		} else if (!(st->inside & 3) && nodes[i]->children && mk_name_in(nodes[i], block_names)) {
			loose[i] = loose_prose(nodes[i]);
			loose_total += loose[i];
		}
		if (blocks[st - t->stats]) {
			block_total += st->prose;
			/* a box of text parted by <br>s, no box inside: written loose too (the rest
			 * of such a story after an ad box, in a box of its own) */
			if (st->prose > 0 && has_br_child(nodes[i]))
				loose_total += st->prose;
		}
	}
	/* A page that writes its paragraphs as blocks says where its story is by them: loose
	 * text there is a stray line (a footer's disclaimer left bare) that would draw the
	 * container up to the whole page. Loose runs count when they are a third of the
	 * page's prose at least: a page that writes its story that way. */
	if (loose_total * 2 >= block_total)
		for (size_t i = 0; i < k; i++)
			if (loose[i] > 0) {
				html_st(nodes[i])->score = loose[i];
				html_st(nodes[i])->prose = loose[i];
			}
	free(loose);
	xmlNode *best = NULL;
	float top = 0;
	for (size_t i = k; i-- > 0;) {
		html_stat *st = html_st(nodes[i]);
		size_t at = (size_t)(st - t->stats);
		if (blocks[at] == 3) {
			float own = block_value(st);
			st->para = 0;
			st->score -= own;
			st->prose -= own > 0 ? own : 0;
		}
		if (blocks[at] && st->parent >= 0)
			blocks[st->parent] |= 2;
		if (st->score > top && !(st->inside & 1) && html_holds(root, nodes[i])) {
			top = st->score;
			best = nodes[i];
		}
		if (st->parent >= 0) {
			t->stats[st->parent].score += st->score;
			t->stats[st->parent].prose += st->prose;
		}
	}
	free(nodes);
	free(blocks);
	if (!best)
		return root;
	/* One paragraph is no story's box: a notice above a story whose items are links (a
	 * shopping list), or beside it, outscores the story's box, which its links count
	 * against. The nearest box around it, a few levels up, holding twice its prose, is
	 * taken. */
	if (!has_block_child(best)) {
		xmlNode *a = best->parent;
		for (int up = 0; up < 4 && a && a != root && a->_private; up++, a = a->parent) {
			const html_stat *b = html_st(best), *p = html_st(a);
			if (p->inside & 1)
				break;
			if (p->prose >= b->prose * 2) {
				best = a;
				break;
			}
		}
	}
	/* One paragraph box of a story cut into many (a list of short items among them, counted
	 * against) can outscore the story's box by a little: the parent is taken while it keeps
	 * most of the score and holds more prose. */
	while (best->parent && best != root && best->parent != root && best->parent->_private) {
		const html_stat *b = html_st(best), *p = html_st(best->parent);
		if (p->inside & 1 || p->score < b->score * 0.75f || p->prose < b->prose * 1.2f)
			break;
		best = best->parent;
	}
	return best;
}
