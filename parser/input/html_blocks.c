/* The story's part of a page turned into blocks: paragraphs (p, li, pre, blockquote, a run of
 * text between boxes), subheads (h2-h6), captions (figcaption); the page's furniture found
 * inside (share bars, related lists, prompts, link lists) goes to the chrome list. Which element
 * is what was decided by html_measure (html_score.c); here only what a block's own text says
 * (its link density) is added. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexer/input/page_date.h"
#include "parser/input/html_page.h"

static void put(html_text *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 1024;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *nb = realloc(b->buf, cap);
		if (!nb)
			return;
		b->buf = nb;
		b->cap = cap;
	}
	memcpy(b->buf + b->n, s, n);
	b->n += n;
	b->buf[b->n] = '\0';
}

static const char *const break_names[] = { "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3",
					   "h4", "h5", "h6", "blockquote", "section", "ul", "ol", "table",
					   NULL };

/* Text of the subtree, dropped parts left out; blocks inside set apart by a space. */
static void collect(html_text *b, const xmlNode *top)
{
	const xmlNode *n = top ? top->children : NULL; /* no top: a page without <body> */
	if (!n)
		return;
	for (;;) {
		int descend = 0;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				put(b, (const char *)n->content, strlen((const char *)n->content));
		} else if (n->type == XML_ELEMENT_NODE) {
			const html_stat *st = n->_private ? html_st(n) : NULL;
			if (!st || st->kind != HK_DROP) {
				if (!strcmp((const char *)n->name, "br") || mk_name_in(n, break_names))
					put(b, " ", 1);
				descend = n->children != NULL;
			}
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n != top && !n->next) {
			n = n->parent;
			if (n != top && n->type == XML_ELEMENT_NODE && mk_name_in(n, break_names))
				put(b, " ", 1);
		}
		if (n == top)
			return;
		n = n->next;
	}
}

void html_collect(html_text *b, const xmlNode *n)
{
	b->n = 0;
	if (b->buf)
		b->buf[0] = '\0';
	collect(b, n);
}

void html_chrome(mk *m, const char *s, size_t n)
{
	markup_doc *doc = m->doc;
	mk_push_str(m, &doc->chrome, &doc->nchrome, &doc->capchrome, mk_str(m, s, n), 0);
}

uint64_t html_at(mk *m, const xmlNode *n)
{
	long line = xmlGetLineNo(n);
	uint64_t from = line >= 1 ? mk_line_offset(m, (int)line) : 0;
	if (from < m->cursor)
		from = m->cursor;
	size_t nn = strlen((const char *)n->name);
	const char *p = m->input + from, *lim = m->input + m->len;
	if (lim - p > 65536)
		lim = p + 65536;
	for (; (p = memchr(p, '<', (size_t)(lim - p))) && (size_t)(lim - p) > nn + 1; p++)
		if (!strncasecmp(p + 1, (const char *)n->name, nn) &&
		    (p[nn + 1] == '>' || p[nn + 1] == ' ' || p[nn + 1] == '\n' || p[nn + 1] == '\t' ||
		     p[nn + 1] == '/' || p[nn + 1] == '\r')) {
			m->cursor = (uint64_t)(p - m->input) + 1;
			return (uint64_t)(p - m->input);
		}
	return from;
}

/* ---- the walk -------------------------------------------------------------------------------- */

static const char *const para_names[] = { "p", "pre", "dt", "dd", "address", NULL };
static const char *const head_names[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
static const char *const inline_names[] = { "a", "em", "strong", "b", "i", "u", "span", "br",
					    "q", "sub", "sup", "small", "abbr", "cite", "code",
					    "mark", "s", "del", "ins", "font", "big", "tt",
					    "var", "kbd", "samp", "dfn", "bdi", "bdo", "wbr", "label",
					    NULL };
static const char *const block_children[] = { "p", "div", "section", "article", "table", "ul",
					      "ol", "pre", "blockquote", "h1", "h2", "h3", "h4",
					      "h5", "h6", "figure", "header", "footer", "aside",
					      "nav", "main", "dl", "li", "form", "figcaption", NULL };

static int has_block_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && mk_name_in(c, block_children))
			return 1;
	return 0;
}

static int blank_byte(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* s[0..n) without the blanks it ends with: its length. */
static size_t blank_end(const char *s, size_t n)
{
	while (n && blank_byte(s[n - 1]))
		n--;
	return n;
}

/* Blanks folded, for comparing texts. */
static int same_text(const char *a, size_t an, const char *b)
{
	size_t i = 0, j = 0, bn = strlen(b);
	for (;;) {
		while (i < an && blank_byte(a[i]))
			i++;
		while (j < bn && blank_byte(b[j]))
			j++;
		if (i >= an || j >= bn)
			return i >= an && j >= bn;
		if (a[i] != b[j])
			return 0;
		i++, j++;
	}
}

typedef struct walk {
	mk *m;
	html_text *b;
	const char *headline;
	html_text pending;
	uint64_t pending_at;
	int pending_set;
	size_t *notes;    /* the indexes of the paragraphs set wholly in italics */
	size_t nnotes, capnotes;
	int pending_words; /* the pending run holds words, not only blanks */
} walk;

/* Text of blanks only (the markup's own line breaks and indentation). */
static int blanks_only(const xmlChar *s)
{
	return strspn((const char *)s, " \t\r\n") == strlen((const char *)s);
}

/* A text node of blanks only. */
static int blank_text(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE && n->content && blanks_only(n->content);
}

/* A text node with something besides blanks. */
static int bare_text(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE && n->content && !blank_text(n);
}

static const char *const italic_names[] = { "em", "i", "cite", NULL };
static const char *const wrapper_names[] = { "strong", "b", "span", "small", "a", NULL };

/* A paragraph set wholly in italics (<p><em>...</em></p>, <p><strong><i>...</i></strong></p>):
 * the shape of an editor's note, a contributor's bio, a "first published by" credit. Its
 * children and their children are looked at, no deeper: bounded. */
static int in_italics(const xmlNode *p)
{
	const html_stat *ps = html_st(p);
	if (!ps || ps->text < 20)
		return 0;
	uint32_t italic = 0;
	for (const xmlNode *c = p->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !c->_private)
			continue;
		if (mk_name_in(c, italic_names))
			italic += html_st(c)->text;
		else if (mk_name_in(c, wrapper_names))
			for (const xmlNode *g = c->children; g; g = g->next)
				if (g->type == XML_ELEMENT_NODE && g->_private && mk_name_in(g, italic_names))
					italic += html_st(g)->text;
	}
	return (uint64_t)italic * 10 >= (uint64_t)ps->text * 9;
}

static const char *const picture_names[] = { "img", "picture", "figure", NULL };

/* An element showing a picture and no text: an <img>, a <picture>, or a box of them (<p><img>,
 * <a><img>). Its children and their children are looked at, no deeper: bounded. */
static int picture_only(const xmlNode *n)
{
	if (!n || n->type != XML_ELEMENT_NODE || !n->_private)
		return 0;
	if (mk_name_in(n, picture_names))
		return 1;
	if (html_st(n)->text)
		return 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (mk_name_in(c, picture_names))
			return 1;
		for (const xmlNode *g = c->children; g; g = g->next)
			if (g->type == XML_ELEMENT_NODE && mk_name_in(g, picture_names))
				return 1;
	}
	return 0;
}

/* A paragraph set wholly in italics right under a picture (<p><img></p><p><em>...</em></p>):
 * the picture's caption written as a paragraph, not the story's text. */
static int caption_under_picture(const xmlNode *p)
{
	const xmlNode *prev = p->prev;
	while (prev && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	return picture_only(prev) && in_italics(p);
}

/* A box holding a picture and then one short paragraph, nothing else (<div><a><img></a>
 * <p>...</p></div>): a figure written without <figure>, the paragraph its caption (a
 * paragraph before its picture, or beside a <figure>, is the story's text with its photo). Its children are
 * looked at, and theirs for the picture: bounded. */
static int picture_box(const xmlNode *n)
{
	if (strcmp((const char *)n->name, "div"))
		return 0;
	int pictures = 0, paras = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (bare_text(c))
			return 0;
		if (c->type != XML_ELEMENT_NODE || !c->_private)
			continue;
		const html_stat *cs = html_st(c);
		if (picture_only(c) && strcmp((const char *)c->name, "figure") && !paras)
			pictures++;
		else if (!strcmp((const char *)c->name, "p") && cs->text && cs->text < 600 && pictures)
			paras++;
		else if (cs->text)
			return 0;
	}
	return pictures && paras == 1;
}

static void note_at(walk *w, size_t i)
{
	if (w->nnotes == w->capnotes) {
		size_t cap = w->capnotes ? w->capnotes * 2 : 8;
		size_t *nn = realloc(w->notes, cap * sizeof *nn);
		if (!nn)
			return;
		w->notes = nn;
		w->capnotes = cap;
	}
	w->notes[w->nnotes++] = i;
}

/* A word of s (case aside, not inside a longer word's start). Bounded: s is a short block. */
static int has_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if ((i == 0 || !isalpha((unsigned char)s[i - 1])) && !strncasecmp(s + i, w, k))
			return 1;
	return 0;
}

/* A shop's notice: the page says it is paid for its links ("we may earn a commission",
 * "... we may receive compensation", "affiliate links"). Generic English words of such
 * notices, not any site's sentence. */
static int paid_links_notice(const char *s, size_t n)
{
	static const char *const money[] = { "commission", "compensation", "compensated",
					     "affiliate", NULL };
	static const char *const we[] = { "we", "our", "us", NULL };
	if (n > 600)
		return 0;
	int m = 0, u = 0;
	for (int i = 0; money[i] && !m; i++)
		m = has_word(s, n, money[i]);
	for (int i = 0; we[i] && m && !u; i++)
		u = has_word(s, n, we[i]);
	return m && u;
}

/* A paid-links notice that also names what is paid for: the links, a click, a purchase ("...
 * when you click on links to our partners", "when you buy something through our retail
 * links"). The story's own sentences on a commission ("the commission we asked for") name none
 * of these. */
static int paid_links_named(const char *s, size_t n)
{
	static const char *const what[] = { "link", "links", "click", "buy", "purchase", "retailer",
					    "retailers", NULL };
	if (!paid_links_notice(s, n))
		return 0;
	for (int i = 0; what[i]; i++)
		if (has_word(s, n, what[i]))
			return 1;
	return 0;
}

/* The first two and the last two paragraphs: a paid-links notice there is the page's; one
 * that names the links or the purchase is, wherever it stands (a notice a page sets above its
 * list of products, inside the story's box). */
static void edge_notices(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t n = 0;
	for (size_t i = from; i < doc->nblocks && n < 2; i++)
		if (doc->blocks[i].role == MR_PARA) {
			n++;
			if (paid_links_notice(t + doc->blocks[i].s, doc->blocks[i].e - doc->blocks[i].s))
				doc->blocks[i].role = MR_CHROME;
		}
	n = 0;
	for (size_t i = doc->nblocks; i-- > from && n < 2;)
		if (doc->blocks[i].role == MR_PARA) {
			n++;
			if (paid_links_notice(t + doc->blocks[i].s, doc->blocks[i].e - doc->blocks[i].s))
				doc->blocks[i].role = MR_CHROME;
		}
	for (size_t i = from; i < doc->nblocks; i++)
		if (doc->blocks[i].role == MR_PARA &&
		    paid_links_named(t + doc->blocks[i].s, doc->blocks[i].e - doc->blocks[i].s))
			doc->blocks[i].role = MR_CHROME;
}

/* An e-mail address in s: a word character before an '@', a dotted domain after it. */
static int has_email(const char *s, size_t n)
{
	for (size_t i = 1; i + 3 < n; i++) {
		if (s[i] != '@' || !(isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '_'))
			continue;
		size_t j = i + 1, dots = 0;
		while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-' || (s[j] == '.' && j + 1 < n &&
			isalnum((unsigned char)s[j + 1]))))
			dots += s[j++] == '.';
		if (dots && j > i + 3)
			return 1;
	}
	return 0;
}

void html_chrome_tail(markup_doc *doc, size_t from, size_t cut)
{
	/* never the whole story */
	size_t before = 0;
	for (size_t i = from; i < cut && i < doc->nblocks; i++)
		before += doc->blocks[i].role == MR_PARA;
	if (cut == doc->nblocks || before < 2)
		return;
	for (size_t i = cut; i < doc->nblocks; i++)
		if (doc->blocks[i].role == MR_PARA)
			doc->blocks[i].role = MR_CHROME;
}

/* A short paragraph with an e-mail address among the story's last three ("She can be reached
 * at ...", "Send your questions to ...") is the page's contact line: it and what follows it
 * (a comments notice) are the page's, not the story's. */
static void contact_tail(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t cut = doc->nblocks, n = 0;
	for (size_t i = doc->nblocks; i-- > from && n < 3;) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		n++;
		if (b->e - b->s < 400 && has_email(t + b->s, b->e - b->s))
			cut = i;
	}
	html_chrome_tail(doc, from, cut);
}

/* A paragraph that opens with a numbered note's mark ("[1] ...", "[12] ..."). */
static int note_mark(const char *s, size_t n)
{
	size_t i = 1;
	if (n < 4 || s[0] != '[')
		return 0;
	while (i < n && i < 5 && isdigit((unsigned char)s[i]))
		i++;
	return i > 1 && i < n && s[i] == ']';
}

/* The story's notes after its text: a run of two or more paragraphs at its end that each open
 * with a note's mark ("[1] Mission commentary, p. 543"), and the short heading over them
 * ("Notes", "Footnotes"), are the text's apparatus, not its story. */
static void notes_tail(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t i = doc->nblocks, run = 0;
	while (i > from) {
		const markup_block *b = &doc->blocks[i - 1];
		if (b->role == MR_PARA && note_mark(t + b->s, b->e - b->s))
			run++;
		else if (b->role == MR_PARA || b->role == MR_SUBHEAD)
			break;
		i--;
	}
	if (run < 2)
		return;
	/* never the whole story */
	size_t before = 0;
	for (size_t k = from; k < i; k++)
		before += doc->blocks[k].role == MR_PARA;
	if (before < 2)
		return;
	if (i > from && doc->blocks[i - 1].role == MR_SUBHEAD && doc->blocks[i - 1].e - doc->blocks[i - 1].s < 40)
		i--;
	for (size_t k = i; k < doc->nblocks; k++)
		if (doc->blocks[k].role == MR_PARA || doc->blocks[k].role == MR_SUBHEAD)
			doc->blocks[k].role = MR_CHROME;
}

/* The story ends with its last paragraph in roman type: italic paragraphs after it (an
 * editor's note, the writer's bio, where the story first appeared) are the page's. */
static void trailing_notes(walk *w, size_t from)
{
	markup_doc *doc = w->m->doc;
	size_t k = w->nnotes;
	for (size_t i = doc->nblocks; i-- > from;) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		while (k && w->notes[k - 1] > i)
			k--;
		if (!k || w->notes[k - 1] != i)
			return;
		/* "Editor's note: ..." is the record's ednote; the rest the page's */
		const char *t = w->m->to.text->buf + b->s;
		size_t n = b->e - b->s;
		int ednote = n > 14 && !strncasecmp(t, "editor", 6) &&
			     (!strncasecmp(t + 6, "'s note", 7) || !strncasecmp(t + 6, "\xe2\x80\x99s note", 9));
		b->role = ednote ? MR_EDNOTE : MR_CHROME;
	}
}

static void flush(walk *w)
{
	if (w->pending.n)
		mk_block(w->m, MR_PARA, w->pending.buf, w->pending.n, w->pending_at);
	w->pending.n = 0;
	w->pending_set = 0;
	w->pending_words = 0;
}

/* The text of top's subtree inside captions (elements html_measure called captions): a
 * paragraph holding only a photo's caption (<p><span class="caption">) is a caption. A walk
 * of the block's own subtree, which its text was collected from anyway. */
static uint32_t caption_text(const xmlNode *top)
{
	uint32_t in = 0;
	for (xmlNode *n = top->children; n;) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE && n->_private) {
			const html_stat *st = html_st(n);
			if (st->kind == HK_CAPTION)
				in += st->text;
			else
				descend = st->kind != HK_DROP && n->children;
		}
		n = mk_next(top, n, descend);
	}
	return in;
}

/* Links that all lead off the page's site: a shop's items, a story's sources. An item of 16
 * bytes or more: a line naming a thing, not a network's name in a "follow us" list. */
static int offsite(mk *m, const xmlNode *n)
{
	const markup_page *pg = m->doc->page;
	return pg && pg->url && html_offsite_links(n, pg->url);
}

/* The first thing n shows, through the elements it opens with: text or an element. */
static const xmlNode *first_shown(const xmlNode *n)
{
	for (int depth = 0; depth < 4 && n; depth++) {
		const xmlNode *c = n->children;
		while (c && (blank_text(c) ||
			     (c->type != XML_TEXT_NODE && c->type != XML_ELEMENT_NODE) ||
			     (c->type == XML_ELEMENT_NODE && c->_private && html_st(c)->kind == HK_DROP)))
			c = c->next;
		if (!c || c->type != XML_ELEMENT_NODE || !strcmp((const char *)c->name, "a"))
			return c;
		n = c;
	}
	return NULL;
}

/* A line of a shop's list set as a paragraph ("<a>Trail Shoe 2</a> Sale Price $89"): short, no
 * sentence, opening with a link off the site, words of its own after it. An item of the list
 * the story gives, not the page's furniture (which links to the site's own pages). */
static int offered_item(mk *m, const xmlNode *n)
{
	const html_stat *st = html_st(n);
	if (!st || !st->link || st->text >= 200 || st->stops || st->text - st->link < 8)
		return 0;
	const xmlNode *f = first_shown(n);
	return f && f->type == XML_ELEMENT_NODE && !strcmp((const char *)f->name, "a") && offsite(m, n);
}

/* A <div> holding only text and inline elements, short and mostly links: a line pointing to
 * another story, written without a <p>. */
static int link_line_box(const xmlNode *n)
{
	const html_stat *st = html_st(n);
	return !strcmp((const char *)n->name, "div") && st->text && st->text < 400 &&
	       st->link * 2 > st->text && !has_block_child(n);
}

/* A <div> holding only text and inline elements (no box at any depth: html_stat.para), no
 * line break and no time stamp: a paragraph written without a <p> (one with <br>s may hold
 * several, read as runs of text; a "Published <time> | Updated <time>" line is the page's).
 * Its children are looked at: each element once as a child, linear. */
static int text_box(const xmlNode *n)
{
	if (strcmp((const char *)n->name, "div") || !html_st(n)->text || !html_st(n)->para)
		return 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (!strcmp((const char *)c->name, "br") ||
						    !strcmp((const char *)c->name, "time")))
			return 0;
	return 1;
}

/* A paragraph, heading or list among n's children. */
static int holds_paragraph(const xmlNode *n)
{
	static const char *const names[] = { "p", "ul", "ol", "li", "blockquote", "pre", NULL };
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (mk_name_in(c, names) || mk_name_in(c, head_names)))
			return 1;
	return 0;
}

/* A <div>, <section> or list item with some text, under 500 bytes of it: the size of a card. */
static int small_box(const xmlNode *n)
{
	const html_stat *st = html_st(n);
	return (!strcmp((const char *)n->name, "div") || !strcmp((const char *)n->name, "section") ||
		!strcmp((const char *)n->name, "li")) &&
	       st->text && st->text < 500;
}

/* A short line that is a credit by its label ("Gallery Credit: Dana Reyes", "Photo credit:
 * ..."): "credit:" among the first words of its first text, case aside. Its first text node, or
 * its first child's, is looked at: bounded. */
/* "credit:" among the first words of s (its first 32 bytes), case aside. */
static int says_credit(const char *s)
{
	size_t n = strlen(s);
	if (n > 32)
		n = 32;
	for (size_t i = 0; i + 7 <= n; i++)
		if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n') && !strncasecmp(s + i, "credit:", 7))
			return 1;
	return 0;
}

static int credit_line(const xmlNode *c)
{
	const html_stat *cs = html_st(c);
	if (!cs || !cs->text || cs->text >= 120)
		return 0;
	const xmlNode *f = c->children;
	while (f && blank_text(f))
		f = f->next;
	if (f && f->type == XML_ELEMENT_NODE)
		f = f->children;
	if (!f || f->type != XML_TEXT_NODE || !f->content)
		return 0;
	return says_credit((const char *)f->content);
}

/* The same line written as bare text in the box (the credit after a <br>, no element of its
 * own). */
static int credit_text(const xmlNode *t)
{
	return bare_text(t) && strlen((const char *)t->content) < 120 &&
	       says_credit((const char *)t->content);
}

/* A box that opens with its own heading and holds a caption or credit (by its class, or a line
 * that says so: credit_line, or bare text that does: credit_text), with only short bare text in boxes beside them and no paragraph
 * (<div><h2>Meet the finalists</h2><div>Get to know ...</div><p class="credit">Gallery credit:
 * ...</p></div>): an embedded gallery's or another story's card, not the story's text, which is
 * written in paragraphs. Its children are looked at, no deeper: bounded. */
static int titled_card(const xmlNode *n)
{
	if (!small_box(n))
		return 0;
	int heading = 0, captions = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (heading && credit_text(c)) {
			captions++;
			continue;
		}
		if (bare_text(c))
			return 0;
		if (c->type != XML_ELEMENT_NODE || !c->_private)
			continue;
		const html_stat *cs = html_st(c);
		if (cs->kind == HK_DROP || !cs->text)
			continue;
		if (!heading) {
			if (!mk_name_in(c, head_names) || !strcmp((const char *)c->name, "h1"))
				return 0;
			heading = 1;
		} else if (cs->kind == HK_CAPTION || credit_line(c)) {
			captions++;
		} else if (strcmp((const char *)c->name, "div") || holds_paragraph(c)) {
			return 0;
		}
	}
	return heading && captions;
}

/* A paragraph cut short by the page ("... will set an upper..."): its last text ends in an
 * ellipsis, the mark of a summary shown under another story's title. Its last child, and that
 * one's last child, are looked at: bounded. */
static int cut_short(const xmlNode *n)
{
	if (strcmp((const char *)n->name, "p"))
		return 0;
	const xmlNode *t = n->last;
	if (t && t->type == XML_ELEMENT_NODE)
		t = t->last;
	if (!t || t->type != XML_TEXT_NODE || !t->content)
		return 0;
	const char *s = (const char *)t->content;
	size_t k = blank_end(s, strlen(s));
	return (k >= 3 && !memcmp(s + k - 3, "...", 3)) ||
	       (k >= 3 && !memcmp(s + k - 3, "\xe2\x80\xa6", 3));
}

/* A box with a heading that is wholly a link and only short bare text beside it, no paragraph
 * (<div><span>Related</span><h5><a>Another story</a></h5><span>Its summary</span></div>),
 * or a paragraph after it cut short by an ellipsis, or one short paragraph after it (a line of
 * summary, <h2><a>Another story</a></h2><p>Its summary.</p>): another story's card, its
 * summary never the story's text. Its children are looked at, and
 * theirs for paragraphs: bounded. */
static int linked_heading_card(const xmlNode *n)
{
	if (!small_box(n))
		return 0;
	int linked = 0, summary = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !c->_private)
			continue;
		const html_stat *cs = html_st(c);
		if (cs->kind == HK_DROP || !cs->text)
			continue;
		if (mk_name_in(c, head_names)) {
			if (linked || cs->link * 10 < cs->text * 9)
				return 0;
			linked = 1;
		} else if (linked && !summary && !strcmp((const char *)c->name, "p") && cs->text < 300) {
			summary = 1;
		} else if (!mk_name_in(c, inline_names) && !(linked && cut_short(c)) &&
			   (strcmp((const char *)c->name, "div") || holds_paragraph(c))) {
			return 0;
		}
	}
	return linked;
}

/* A short line that is a date and not a sentence ("Published Dec 21, 2023", "Updated 20
 * December 2023 09:45", "Updated: Dec. 22, 2023, 1:59 p.m."): the page's stamp set as a paragraph
 * or a list item, as a <time> between the story's blocks is. No sentence's end (a stop other
 * than a clock's "a.m." or "p.m.", a quotation mark, a closing curly quote or an ellipsis): "It
 * opens on May 2, 2024." is the story's. */
static int date_stamp(const char *s, size_t n)
{
	n = blank_end(s, n);
	/* a clock's "a.m." or "p.m." ends no sentence ("Updated: Dec. 22, 2023, 1:59 p.m.") */
	int meridiem = n >= 4 && (!strncasecmp(s + n - 4, "a.m.", 4) || !strncasecmp(s + n - 4, "p.m.", 4));
	if (!n || n >= 48 || (strchr(".!?\"", s[n - 1]) && !meridiem) ||
	    (n >= 3 && (unsigned char)s[n - 3] == 0xe2))
		return 0;
	char iso[PAGE_DATE_CAP], line[48];
	memcpy(line, s, n);
	line[n] = '\0';
	return page_date_iso(line, n, iso) > 0;
}

/* A post embedded from a social network, as the network's embed code writes it: a quote whose
 * text ends with the poster's handle in brackets and the post's date ("... medflighted. — Chief
 * Brooks (@ChiefBrooksNPD) December 22, 2023"). The quoted post is the page's furniture around
 * the story (a script turns it into a card), not the story's text. */
static int embedded_post(const char *s, size_t n)
{
	n = blank_end(s, n);
	size_t from = n > 120 ? n - 120 : 0, at = n;
	for (size_t i = n; i-- > from;)
		if (s[i] == '(' && i + 1 < n && s[i + 1] == '@') {
			at = i;
			break;
		}
	if (at == n)
		return 0;
	size_t i = at + 2, h = i;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
		i++;
	if (i == h || i >= n || s[i] != ')')
		return 0;
	i++;
	while (i < n && blank_byte(s[i]))
		i++;
	char iso[PAGE_DATE_CAP], line[48];
	if (i >= n || n - i >= sizeof line)
		return 0;
	memcpy(line, s + i, n - i);
	line[n - i] = '\0';
	return page_date_iso(line, n - i, iso) > 0;
}

/* A <blockquote> holding an embedded post; its text is left in b. */
static int embedded_post_quote(const xmlNode *n, html_text *b)
{
	if (strcmp((const char *)n->name, "blockquote"))
		return 0;
	html_collect(b, n);
	return b->buf && embedded_post(b->buf, b->n);
}

/* A block's text: a paragraph, a subhead, or chrome when it is mostly links. */
static void block(walk *w, const xmlNode *n, int role)
{
	html_collect(w->b, n);
	if (!w->b->n)
		return;
	const html_stat *st = html_st(n);
	/* Mostly links: another story's headline, a "Read more" line. Not a paragraph of prose
	 * with links in it: a sentence's worth of its own words besides the links. */
	if (st && st->text && st->link * 2 > st->text && st->text < 400 &&
	    !(role == MR_PARA && st->stops && st->text - st->link >= 60) &&
	    !(role == MR_ITEM && st->text >= 16 && offsite(w->m, n))) {
		html_chrome(w->m, w->b->buf, w->b->n);
		return;
	}
	if (role == MR_SUBHEAD && w->headline && same_text(w->b->buf, w->b->n, w->headline))
		return;
	if ((role == MR_PARA || role == MR_ITEM) && date_stamp(w->b->buf, w->b->n)) {
		html_chrome(w->m, w->b->buf, w->b->n);
		return;
	}
	if (role == MR_PARA && st && st->text && (uint64_t)caption_text(n) * 10 >= (uint64_t)st->text * 9)
		role = MR_CAPTION;
	else if (role == MR_PARA && offered_item(w->m, n))
		role = MR_ITEM;
	if (role == MR_PARA && caption_under_picture(n))
		role = MR_CAPTION;
	size_t before = w->m->doc->nblocks;
	mk_block(w->m, role, w->b->buf, w->b->n, html_at(w->m, n));
	if (role == MR_PARA && w->m->doc->nblocks > before && in_italics(n))
		note_at(w, before);
}

/* A paragraph that is a list item's text (<li><p>1 cup flour</p></li>): an item of the list,
 * as the <li> holding its text directly would be, not a line of prose. */
static int in_list_item(const xmlNode *n)
{
	const xmlNode *p = n->parent;
	return p && p->type == XML_ELEMENT_NODE && !strcmp((const char *)p->name, "li");
}

/* The walk over top's subtree (top itself a box whatever its class). */
/* The nearest element sibling of n before it (prev) or after it. */
static const xmlNode *element_beside(const xmlNode *n, int prev)
{
	for (n = prev ? n->prev : n->next; n; n = prev ? n->prev : n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* A paragraph of the story's prose: a <p> the page did not mark as furniture, a sentence's
 * worth of text (80 bytes, a sentence end), few links. */
static int prose_paragraph(const xmlNode *n)
{
	if (!n || !n->_private || strcmp((const char *)n->name, "p"))
		return 0;
	const html_stat *st = html_st(n);
	return st->kind == HK_NONE && st->text >= 80 && st->stops && st->link * 2 < st->text;
}

/* A short heading without links standing between two paragraphs of the story's prose is the
 * story's subhead, whatever a word of its class says ("edTag", a style's name read as the
 * furniture word "tag"): furniture headings head furniture (a list of links, a box), not the
 * story's next paragraph. Its two neighbours are looked at: bounded. */
static int subhead_between_paragraphs(const xmlNode *n)
{
	if (!mk_name_in(n, head_names) || !strcmp((const char *)n->name, "h1"))
		return 0;
	const html_stat *st = html_st(n);
	return st->text && st->text < 120 && !st->link && prose_paragraph(element_beside(n, 1)) &&
	       prose_paragraph(element_beside(n, 0));
}

/* Whether the inline element n stands inside a run of text: words before it in the run and
 * words right after it (its next sibling a text of more than blanks). */
static int run_goes_on(const walk *w, const xmlNode *n)
{
	return w->pending_words && n->next && bare_text(n->next);
}

static void emit(mk *m, xmlNode *top, const char *headline, html_text *b)
{
	walk w = { m, b, headline, { NULL, 0, 0 }, 0, 0, NULL, 0, 0, 0 };
	size_t first = m->doc->nblocks;
	xmlNode *n = top, *container = top;
	for (;;) {
		int descend = 0;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content) {
				/* text between boxes: where it stands, without moving the search on (its
				 * parent's tag is behind, a search for it would find a later one) */
				if (!w.pending_set && !blanks_only(n->content)) {
					long line = xmlGetLineNo(n);
					uint64_t at = line >= 1 ? mk_line_offset(m, (int)line) : 0;
					w.pending_at = at > m->cursor ? at : m->cursor;
					w.pending_set = 1;
				}
				put(&w.pending, (const char *)n->content, strlen((const char *)n->content));
				w.pending_words |= !blanks_only(n->content);
			}
		} else if (n->type == XML_ELEMENT_NODE && n->_private) {
			const html_stat *st = html_st(n);
			const char *name = (const char *)n->name;
			if (n == top && !mk_name_in(n, para_names) && !mk_name_in(n, head_names)) {
				descend = n->children != NULL;
			} else if (st->kind == HK_DROP) {
				/* nothing of it is text */
			} else if (st->kind == HK_CHROME && subhead_between_paragraphs(n)) {
				flush(&w);
				block(&w, n, MR_SUBHEAD);
			} else if ((st->kind == HK_CHROME || st->kind == HK_BYLINE) &&
				   mk_name_in(n, inline_names) && !has_block_child(n) && run_goes_on(&w, n)) {
				/* a link or a span inside a run of text, whatever its class says
				 * ("affiliate-link"): the run's words, as inside a <p> */
				html_collect(b, n);
				put(&w.pending, b->buf ? b->buf : "", b->n);
			} else if (st->kind == HK_CHROME || st->kind == HK_BYLINE) {
				flush(&w);
				html_collect(b, n);
				html_chrome(m, b->buf, b->n);
			} else if (st->kind == HK_CAPTION || picture_box(n)) {
				flush(&w);
				html_collect(b, n);
				if (b->n)
					mk_block(m, MR_CAPTION, b->buf, b->n, html_at(m, n));
			} else if (!strcmp(name, "time")) {
				/* a time between the story's blocks (a live post's stamp, a date line) */
				flush(&w);
				html_collect(b, n);
				html_chrome(m, b->buf, b->n);
			} else if (!strcmp(name, "br")) {
				/* two in a row part paragraphs of bare text */
				const xmlNode *nx = n->next;
				while (nx && blank_text(nx))
					nx = nx->next;
				if (nx && nx->type == XML_ELEMENT_NODE && !strcmp((const char *)nx->name, "br"))
					flush(&w);
				else
					put(&w.pending, " ", 1);
			} else if (!strcmp(name, "a") && has_block_child(n)) {
				/* a link holding boxes: another story's card (its headline, summary,
				 * picture), never this story's text */
				flush(&w);
				html_collect(b, n);
				html_chrome(m, b->buf, b->n);
			} else if (mk_name_in(n, inline_names) && !has_block_child(n)) {
				html_collect(b, n);
				if (!w.pending_set) {
					w.pending_at = html_at(m, n);
					w.pending_set = 1;
				}
				put(&w.pending, b->buf ? b->buf : "", b->n);
				w.pending_words |= b->buf && !blanks_only((const xmlChar *)b->buf);
			} else if (mk_name_in(n, head_names)) {
				flush(&w);
				block(&w, n, st->text > 200 ? MR_PARA : MR_SUBHEAD);
			} else if (embedded_post_quote(n, b)) {
				/* a social network's post quoted by its embed code */
				flush(&w);
				html_chrome(m, b->buf, b->n);
			} else if (mk_name_in(n, para_names) ||
				   ((!strcmp(name, "li") || !strcmp(name, "blockquote") || !strcmp(name, "tr")) &&
				    !has_block_child(n))) {
				flush(&w);
				block(&w, n, !strcmp(name, "li") || in_list_item(n) ? MR_ITEM : MR_PARA);
			} else if (st->controls && st->text < 500 && !mk_name_in(n, para_names)) {
				/* a box with a form's controls and little text: a sign-up or search
				 * widget ("Thanks for signing up!") */
				flush(&w);
				html_collect(b, n);
				html_chrome(m, b->buf, b->n);
			} else if ((!strcmp(name, "ul") || !strcmp(name, "ol")) && st->text &&
				   st->link * 2 > st->text && !offsite(m, n)) {
				/* a list of links: related stories, tags */
				flush(&w);
				html_collect(b, n);
				html_chrome(m, b->buf, b->n);
			} else if (titled_card(n) || linked_heading_card(n)) {
				flush(&w);
				html_collect(b, n);
				html_chrome(m, b->buf, b->n);
			} else if (text_box(n)) {
				/* a paragraph written as <div>: read as a <p> is (a line of links
				 * "SEE ALSO: <a>another story</a>" to the chrome, a shop's item, a
				 * date stamp, a caption under its picture) */
				flush(&w);
				block(&w, n, MR_PARA);
			} else if (link_line_box(n)) {
				/* a box of bare text that is mostly links ("SEE ALSO: <a>another
				 * story</a>"): as block() treats a paragraph of the same */
				flush(&w);
				html_collect(b, n);
				html_chrome(m, b->buf, b->n);
			} else {
				/* a box: div, section, article, figure, table, list ... */
				flush(&w);
				descend = n->children != NULL;
			}
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n != container && !n->next) {
			n = n->parent;
			flush(&w);
		}
		if (n == container)
			break;
		n = n->next;
	}
	flush(&w);
	trailing_notes(&w, first);
	edge_notices(m, first);
	contact_tail(m, first);
	notes_tail(m, first);
	free(w.notes);
	free(w.pending.buf);
}

void html_emit_body(mk *m, xmlNode *container, const char *headline, html_text *b)
{
	emit(m, container, headline, b);
}

void html_notes_tail(mk *m, size_t from)
{
	notes_tail(m, from);
}

void html_emit_node(mk *m, xmlNode *n, const char *headline, html_text *b)
{
	emit(m, n, headline, b);
}
