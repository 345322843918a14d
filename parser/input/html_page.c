/* A saved news page (article-html) to the blocks of one story: its encoding found and its bytes
 * read as UTF-8 (html_charset.c), parsed by libxml2's HTML parser (recovering, no network,
 * errors silenced: pages are rarely valid), its metadata read (html_meta.c), the story's
 * container found (html_score.c) and turned into blocks (html_blocks.c). The headline is the
 * page's own when its structured data, Open Graph title, <h1> and <title> agree; the bylines
 * are the structured authors, else the page's byline element, else its meta author. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "lexer/core/diag.h"
#include "lexer/input/html_raw.h"
#include "lexer/input/page_date.h"
#include "parser/input/html_page.h"

/* ---- the tree -------------------------------------------------------------------------------- */

static xmlNode *child(xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
			return c;
	return NULL;
}

/* ---- the page object ------------------------------------------------------------------------- */

static void keyword(mk *m, markup_page *pg, const char *s, size_t n)
{
	mk_push_str(m, &pg->keywords, &pg->nkeywords, &pg->capkeywords, mk_str(m, s, n), 1);
}

/* A page's date: a full ISO 8601 time as mk_date reads it, else as the page writes it
 * (lexer/input/page_date.re: "2023-12-17T10:05", "Thu, 21 Dec 2023 09:45:16 PST", "Dec. 17,
 * 2023 5:04 p.m. ET") in ISO 8601, with the time and its zone's offset where it gives them. NULL
 * when it holds no whole date. */
static const char *page_date(mk *m, const char *s)
{
	const char *full = mk_date(m, s);
	if (full || !s)
		return full;
	char iso[PAGE_DATE_CAP];
	size_t n = page_date_iso(s, strlen(s), iso);
	return n ? mk_str(m, iso, n) : NULL;
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
	/* the article's dates; else the page's (a JSON-LD WebPage's), else its first <time> */
	const char *published[] = { hm->published, hm->page_published, hm->time_published };
	for (int i = 0; i < 3 && !pg->published; i++)
		pg->published = page_date(m, published[i]);
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
	/* A label's colon outside the story (three words at most: "Tags:", "Filed under:",
	 * "PUBLISHED:") ends no sentence, as a sentence's does ("Here are the pairs on sale:"):
	 * when what it introduces went to the page's furniture (or nothing follows it), the
	 * label goes with it. From the end back, so that a run of them goes. */
	for (size_t i = doc->nblocks; i-- > from;) {
		markup_block *b = &doc->blocks[i];
		if ((i >= first && i <= last) || (b->role != MR_PARA && b->role != MR_SUBHEAD))
			continue;
		size_t n = b->e - b->s, words = 1;
		for (size_t k = b->s; k < b->e && n < 40; k++)
			words += t[k] == ' ';
		if (n && n < 40 && words <= 3 && t[b->e - 1] == ':' &&
		    (i + 1 == doc->nblocks || doc->blocks[i + 1].role == MR_CHROME))
			b->role = MR_CHROME;
	}
}

/* A byline's name: the line less a leading "By ", up to a comma, " and " or " | " (a second
 * writer, a title). */
static void byline_name(const char *s, size_t n, const char **name, size_t *nn)
{
	if (n > 3 && !strncasecmp(s, "by ", 3))
		s += 3, n -= 3;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '|' || (i + 5 <= n && !strncmp(s + i, " and ", 5))) {
			n = i;
			break;
		}
	while (n && s[n - 1] == ' ')
		n--;
	*name = s;
	*nn = n;
}

/* The verbs a writer's bio opens with after the name ("Dana Reyes is a freelance writer",
 * "Dana has covered", "Reyes joined the paper in 2019"). */
static int bio_verb(const char *s, size_t n)
{
	static const char *const verbs[] = { " is ", " has ", " was ", " writes ", " covers ",
					     " joined ", " holds ", " lives ", " reports ",
					     " specializes ", " previously ", NULL };
	for (int i = 0; verbs[i]; i++) {
		size_t k = strlen(verbs[i]);
		if (n >= k && !strncmp(s, verbs[i], k))
			return 1;
	}
	return 0;
}

/* Whether a paragraph opens as a bio of the writer named: the full name and a space (a bullet
 * before it allowed), or the first or the last name alone and a bio's verb. */
static int opens_with_writer(const char *p, size_t pn, const char *name, size_t nn)
{
	if (pn > 4 && !strncmp(p, "\xe2\x80\xa2 ", 4))
		p += 4, pn -= 4;
	if (nn >= 4 && pn > nn && !strncmp(p, name, nn) && (p[nn] == ' ' || p[nn] == ','))
		return 1;
	const char *sp = memchr(name, ' ', nn);
	if (!sp)
		return 0;
	const char *last = name + nn;
	while (last > sp && last[-1] != ' ')
		last--;
	size_t fn = (size_t)(sp - name), ln = (size_t)(name + nn - last);
	return (fn >= 3 && pn > fn && !strncmp(p, name, fn) && bio_verb(p + fn, pn - fn)) ||
	       (ln >= 3 && pn > ln && !strncmp(p, last, ln) && bio_verb(p + ln, pn - ln));
}

/* A byline's name (full) opening a paragraph and then a bio's verb: the writer's bio a page
 * shows beside the byline (a tooltip on the name) set before the story. */
static int opens_with_writer_bio(const char *p, size_t pn, const char *name, size_t nn)
{
	return nn >= 4 && pn > nn && !strncmp(p, name, nn) && bio_verb(p + nn, pn - nn);
}

/* Whether paragraph b opens as test says with the name of one of the bylines (blocks before
 * from). */
static int opens_with_a_byline(const markup_doc *doc, const char *t, size_t from,
			       const markup_block *b,
			       int (*test)(const char *, size_t, const char *, size_t))
{
	for (size_t k = 0; k < from; k++) {
		const markup_block *by = &doc->blocks[k];
		if (by->role != MR_BYNAME && by->role != MR_BYLINE)
			continue;
		const char *name;
		size_t nn;
		byline_name(t + by->s, by->e - by->s, &name, &nn);
		if (test(t + b->s, b->e - b->s, name, nn))
			return 1;
	}
	return 0;
}

/* The writer's bio closing the story ("Dana Reyes is a freelance writer ...", "Dana has covered
 * ...", a bullet and "Dana Reyes, a former ..."): one of the last three paragraphs opening with a
 * byline's name goes to the record's bio, and the page's lines after it ("Follow Dana on ...")
 * with it to the chrome. One of the first two opening with the full name and a bio's verb is the
 * bio too (opens_with_writer_bio). */
static void writer_bio(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	/* the first two paragraphs: a bio there names the writer in full */
	for (size_t i = from, seen = 0; i < doc->nblocks && seen < 2; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		seen++;
		if (opens_with_a_byline(doc, t, from, b, opens_with_writer_bio))
			b->role = MR_BIO;
	}
	for (size_t i = doc->nblocks, back = 0; i-- > from && back < 3;) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		back++;
		/* a bio is sentences about the writer; a short line naming them ("Pat Quill
		 * contributed to this report.") is a contributor line, the article parser's */
		if (b->e - b->s < 60 || !opens_with_a_byline(doc, t, from, b, opens_with_writer))
			continue;
		b->role = MR_BIO;
		for (size_t j = i + 1; j < doc->nblocks; j++)
			if (doc->blocks[j].role == MR_PARA)
				doc->blocks[j].role = MR_CHROME;
		return;
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

/* A paragraph of the story's own shape: two sentences or more (a sentence ending inside) in
 * 150 bytes or more. A page's JSON-LD body can miss such a paragraph of the story's by a
 * link's words it leaves out ("sign up as <a>a free trial</a> when ..."); a prompt or a
 * related headline among the paragraphs is one short line. */
static int ld_prose(const char *s, size_t n)
{
	int stops = 0;
	for (size_t i = 0; i + 1 < n; i++)
		stops += (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ';
	return n >= 150 && stops >= 1;
}

/* The story's opening sentence, which a page's JSON-LD body can leave out (a CMS keeps the
 * lede with its drop capital apart from the rest): the paragraph right before the first one
 * the body holds, a whole sentence of 100 bytes or more. A related headline or a prompt above
 * the story ends no sentence, or is short. doc->nblocks when there is none. */
static size_t ld_lede(mk *m, size_t from, const unsigned char *in)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t prev = doc->nblocks;
	for (size_t i = from; i < doc->nblocks; i++) {
		if (in[i - from]) {
			if (prev == doc->nblocks)
				return prev;
			const markup_block *b = &doc->blocks[prev];
			size_t n = b->e - b->s;
			char end = n ? t[b->e - 1] : 0;
			return n >= 100 && (end == '.' || end == '!' || end == '?') ? prev : doc->nblocks;
		}
		if (doc->blocks[i].role == MR_PARA)
			prev = i;
		else if (doc->blocks[i].role == MR_ITEM)
			prev = doc->nblocks;
	}
	return doc->nblocks;
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
	size_t lede = ld_lede(m, from, in);
	if (total && found * 10 >= total * 6)
		for (size_t i = from; i < doc->nblocks; i++) {
			markup_block *b = &doc->blocks[i];
			if ((b->role == MR_PARA || b->role == MR_ITEM) && !in[i - from] && i != lede &&
			    (i > last || b->role == MR_ITEM || !ld_prose(t + b->s, b->e - b->s)))
				b->role = MR_CHROME;
		}
	free(in);
	free(body);
}

/* The page as UTF-8 parsed without its scripts' and style sheets' text (lexer/input/html_raw.h):
 * the same tree, a third fewer instructions. buf[len] is readable (the reader's sentinel, or
 * html_to_utf8's NUL). Out of memory for the copy, the page is parsed as it is. */
static xmlDoc *parse_without_raw_text(const char *buf, size_t len, int opts)
{
	char *lean = malloc(len + 1);
	size_t lean_len = 0;
	if (lean && html_drop_raw_text(buf, len, lean, &lean_len)) {
		xmlDoc *doc = htmlReadMemory(lean, (int)lean_len, NULL, "UTF-8", opts);
		free(lean);
		return doc;
	}
	free(lean);
	return htmlReadMemory(buf, (int)len, NULL, "UTF-8", opts);
}

int mk_html_page(mk *m, const char *buf, size_t len)
{
	mk_xml_init();
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
			doc = parse_without_raw_text(buf, len, opts);
		} else {
			converted = html_to_utf8(buf, len, enc.charset, &utf8, &ulen);
			if (converted < 0) {
				m->to.arena->failed = 1;
				return -2;
			}
			doc = parse_without_raw_text(utf8, ulen > 0x7fffffffu ? 0x7fffffffu : ulen, opts);
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
	xmlNode *container = html_narrow(&t, html_main_container(&t));
	const char *body_from = "scoring";
	if (hm.md_body && hm.md_body->_private && html_st(hm.md_body)->kind != HK_DROP &&
	    html_holds(hm.md_body, container)) {
		container = hm.md_body;
		body_from = "microdata";
	}
	html_text b = { NULL, 0, 0 };
	const char *from = NULL;
	xmlNode *h1 = NULL;
	const char *headline = html_headline(m, &hm, &t, container, &b, &h1, &from);
	if (pg) {
		pg->headline_from = from;
		pg->body_from = body_from;
	}
	if (headline)
		mk_block(m, MR_HEADLINE, headline, html_headline_len(headline),
			 h1 ? html_at(m, h1) : 0);
	const char *deck = headline ? html_deck(m, &hm, h1, headline, &b, t.body) : NULL;
	m->cursor = 0;
	int bylined = html_bylines(m, &hm, container, t.body, h1, &b);
	m->cursor = 0;
	size_t before = m->doc->nblocks;
	html_emit_body(m, container, headline, &b);
	/* the rest of a story the page cut in two around an ad */
	xmlNode *rest[4];
	size_t nrest = html_continued(container, t.body, rest, 4);
	for (size_t i = 0; i < nrest; i++)
		html_emit_node(m, rest[i], headline, &b);
	trim_edges(m, before);
	html_about_tail(m, before);
	html_notes_tail(m, before);
	if (bylined)
		html_byline_echoes(m, before);
	if (deck)
		html_deck_echo(m, before, deck);
	writer_bio(m, before);
	html_reprint_notes(m, before);
	html_verdict_lists(m, before);
	html_credit_captions(m, before);
	html_signposts(m, before);
	html_sources_tail(m, before);
	html_comments_tail(m, before);
	html_numeric_stamps(m, before);
	html_disclaimers(m, before);
	agree_with_ld_body(m, before, hm.ld_body);
	/* the rules above can leave a new edge (a deals card's prose gone, a bio set apart): its
	 * short lines are the page's as the first edges' are */
	trim_edges(m, before);
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
