/* News articles: the text cut into paragraphs (by the form's layout), each paragraph classified
 * (lexer/article/article.re) and given tokens by what it is, then the structure parsed
 * (grammar/article/article.y) and the record built: the headline, deck, chrome, editors' notes
 * and paragraphs here, with their duplicates; bylines, the dateline, credits, attributions and
 * agencies in their own files (parser/article/story.h lists them). */
#include "parser/article/story.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/article/article.tab.h"
#include "lexer/article/article_fields.h"
#include "lexer/core/runs.h"
#include "lexer/core/scratch.h"
#include "parser/article/article_parse.h"
#include "lexer/input/sniff.h"
#include "lexer/input/markup.h"
#include "parser/core/fields.h"

/* ---- paragraphs ------------------------------------------------------------------------------ */

enum layout { LAYOUT_LINE, LAYOUT_BLANK, LAYOUT_INDENT, LAYOUT_ANPA };

static int blank_line(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

static apara *add_para(article_ctx *ctx, const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		e--;
	if (s >= e)
		return NULL;
	if (ctx->n == ctx->cap) {
		size_t cap = ctx->cap ? ctx->cap * 2 : 64;
		apara *p = realloc(ctx->p, cap * sizeof *p);
		if (!p)
			return NULL;
		ctx->p = p;
		ctx->cap = cap;
	}
	apara *p = &ctx->p[ctx->n++];
	memset(p, 0, sizeof *p);
	p->s = s;
	p->e = e;
	p->tok = -1;
	return p;
}

/* Cuts [s, e) into paragraphs by the layout. */
static void cut_paragraphs(article_ctx *ctx, const char *s, const char *e, int layout)
{
	const char *start = NULL, *last = NULL;
	while (s < e) {
		const char *nl = memchr(s, '\n', (size_t)(e - s));
		const char *le = nl ? nl : e;
		int blank = blank_line(s, le);
		int indented = !blank && (*s == ' ' || *s == '\t');
		int caret = 0;
		if (layout == LAYOUT_ANPA) {
			const char *q = s;
			while (q < le && (*q == ' ' || *q == '\t'))
				q++;
			caret = q < le && *q == '^';
		}
		int starts = layout == LAYOUT_LINE || caret ||
			     ((layout == LAYOUT_INDENT || layout == LAYOUT_ANPA) && indented);
		if (blank || starts) {
			if (start)
				add_para(ctx, start, last);
			start = NULL;
		}
		if (!blank) {
			if (!start)
				start = s;
			last = le;
			if (caret) {
				apara *p = add_para(ctx, start, last);
				if (p)
					p->caret = 1;
				start = NULL;
			}
		}
		s = nl ? nl + 1 : e;
	}
	if (start)
		add_para(ctx, start, last);
}

/* ANPA: a caret line loses its "^" and its end mark ("<", "=", "@<"), the mark recorded. */
static void anpa_marks(apara *p)
{
	const char *s = p->s, *e = p->e;
	if (p->caret) {
		while (s < e && *s != '^')
			s++;
		if (s < e)
			s++;
	}
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e > s && e[-1] == '=') {
		p->eq = 1;
		e--;
	} else if (e - s >= 2 && e[-2] == '@' && e[-1] == '<') {
		p->eq = 1;
		e -= 2;
	} else if (e > s && e[-1] == '<') {
		e--;
	}
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	p->s = s;
	p->e = e;
}

static int count_words(const char *s, const char *e)
{
	/* Sixteen bytes a turn (lexer/core/runs.h): a byte at a time it was a twelfth of the
	 * instructions spent on Reuters stories. */
	return (int)runs_words((const unsigned char *)s, (size_t)(e - s), SIZE_MAX);
}

/* A title: short, starts with a capital, a digit, a quote or a ticker ("<CINRAM LTD> YEAR NET"),
 * and ends without a full stop. */
static int title_like(const apara *p)
{
	if (p->words == 0 || p->words > 25 || memchr(p->s, '\n', (size_t)(p->e - p->s)))
		return 0;
	int lower = 0;
	for (const char *q = p->s; q < p->e && !lower; q++)
		lower = *q >= 'a' && *q <= 'z';
	unsigned char c = (unsigned char)p->s[0];
	/* "(CORRECTED) - BANPONCE PLACES NOTES": a parenthesis opens only a wire's capitals. */
	if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '<' ||
	      c >= 0x80 || (c == '(' && !lower)))
		return 0;
	char last = p->e[-1];
	if (last == '.') {
		/* "... TRADE DEAL WITH U.S.": an abbreviation's stop, or a wire's capitals. */
		const char *w = p->e - 1;
		while (w > p->s && w[-1] != ' ')
			w--;
		return !lower || memchr(w, '.', (size_t)(p->e - 1 - w)) != NULL;
	}
	return last != ',' && last != ';' && last != ':';
}

/* ---- placing paragraphs --------------------------------------------------------------------- */

static int ends_with_photo_credit(article_ctx *ctx, const apara *p)
{
	photo_fields ph;
	const char *s = p->s;
	int found = 0;
	while (scan_photo_credit(s, p->e, ctx->lim, &ph)) {
		found = (ph.credit.s + ph.credit.n >= p->e - 1);
		s = ph.credit.s + ph.credit.n;
	}
	return found;
}

static int has_dateline(article_ctx *ctx, const apara *p)
{
	dateline_fields d;
	return scan_dateline(p->s, p->e, ctx->lim, &d);
}

/* Whether a paragraph can end where a dateline's separator ends: with a dash, an underscore,
 * the last byte of an en, em or horizontal-bar dash (U+2013, U+2014, U+2015), or a colon
 * (lexer/article/article.re, dl_rest; a paragraph has no blank at its end). */
static int ends_like_separator(const apara *p)
{
	unsigned char c = (unsigned char)p->e[-1];
	return c == '-' || c == '_' || c == ':' || c == 0x93 || c == 0x94 || c == 0x95;
}

/* A dateline alone on its line ("SANTA CRUZ, Calif., Feb 26 -" then the story indented under it)
 * belongs to the paragraph after it: the two become one, so the dateline leads the text. Only a
 * paragraph that ends like a dateline's separator is read for one (reading every paragraph was
 * a twentieth of a Reuters story's cost). */
static void join_lone_datelines(article_ctx *ctx, size_t from)
{
	for (size_t i = from; i + 1 < ctx->n; i++) {
		apara *p = &ctx->p[i];
		dateline_fields d;
		if (p->tok >= 0 || ctx->p[i + 1].tok >= 0 || !ends_like_separator(p) ||
		    !scan_dateline(p->s, p->e, ctx->lim, &d))
			continue;
		const char *r = d.rest;
		while (r && r < p->e && (*r == ' ' || *r == '\t'))
			r++;
		if (r && r < p->e)
			continue;
		p->e = ctx->p[i + 1].e;
		memmove(&ctx->p[i + 1], &ctx->p[i + 2], (ctx->n - i - 2) * sizeof *ctx->p);
		ctx->n--;
	}
}

static int next_of(article_ctx *ctx, size_t i, int kind)
{
	return i + 1 < ctx->n && ctx->p[i + 1].kind == kind;
}

/* The story's first text line, standing alone: one line of at most 20 words, only chrome or
 * navigation above it, a blank line under it and a longer paragraph after that. */
static int first_text_line(article_ctx *ctx, size_t i)
{
	apara *p = &ctx->p[i];
	if (p->words == 0 || p->words > 20 || memchr(p->s, '\n', (size_t)(p->e - p->s)) ||
	    i + 1 >= ctx->n || ctx->p[i + 1].kind != AK_TEXT || ctx->p[i + 1].words <= p->words)
		return 0;
	for (size_t j = 0; j < i; j++)
		if (ctx->p[j].kind != AK_CHROME && ctx->p[j].kind != AK_NAV)
			return 0;
	int lines = 0;
	for (const char *q = p->e; q < ctx->p[i + 1].s; q++)
		lines += *q == '\n';
	return lines >= 2;
}

/* A text paragraph's token: its shape, and the kinds of the paragraphs around it. Where it
 * stands decides the rest (grammar/article/article.y): a title-shaped line is the headline
 * before one and a paragraph after it, a standfirst is the deck once the headline is read. The
 * shapes that tell the front matter apart are looked for only in text forms: wire copy and
 * Reuters mark their headlines themselves. */
static int text_token(article_ctx *ctx, size_t i)
{
	apara *p = &ctx->p[i];
	int text_form = ctx->form == CW_FORM_ARTICLE_TEXT || ctx->form == CW_FORM_WIRE_TEXT;
	int single = !memchr(p->s, '\n', (size_t)(p->e - p->s));
	int dateline = -1; /* looked for once, when needed */
	int title = 0, kicker = 0, apart = 0, under = 0;
	if (text_form) {
		/* A short line right above the byline is a title whatever it ends with ("Here's
		 * how."). */
		if (!p->titlelike && p->words <= 30 && single && next_of(ctx, i, AK_BYLINE))
			title = !(dateline = has_dateline(ctx, p));
		title |= p->titlelike;
		/* The first line of the story set apart by a blank line is its title whatever its
		 * case or its end ("eBay sellers face new fee rules.", "Who pays?"). */
		if (!title && first_text_line(ctx, i) && (dateline < 0 ? !(dateline = has_dateline(ctx, p)) : !dateline))
			title = 1;
		/* A kicker: a title of up to three words above a longer title. */
		kicker = title && p->words <= 3 && next_of(ctx, i, AK_TEXT) && ctx->p[i + 1].titlelike &&
			 ctx->p[i + 1].words > p->words;
		if (!kicker && p->words <= 45 && !(dateline < 0 ? (dateline = has_dateline(ctx, p))
							   : dateline)) {
			/* A standfirst: set apart from the story by chrome or a photo, or standing
			 * right above the byline. */
			size_t j = i + 1;
			while (j < ctx->n && (ctx->p[j].kind == AK_CHROME || ctx->p[j].kind == AK_NAV ||
					      ctx->p[j].kind == AK_PHOTO))
				j++;
			apart = j > i + 1 && j < ctx->n &&
				(ctx->p[j].kind == AK_TEXT || ctx->p[j].kind == AK_BYLINE);
			under = j == i + 1 && j < ctx->n && ctx->p[j].kind == AK_BYLINE;
		}
	}
	/* A subhead: a short title above a paragraph, in web-page text. */
	p->subhead = ctx->form == CW_FORM_ARTICLE_TEXT && p->titlelike && p->words <= 10 &&
		     next_of(ctx, i, AK_TEXT);
	int caption = ends_with_photo_credit(ctx, p);
	if (kicker)
		return caption ? ART_KICKER_CAPTION : ART_KICKER;
	if (title)
		return caption ? ART_TITLE_CAPTION
		       : apart ? ART_TITLE_STANDFIRST
		       : under ? ART_TITLE_UNDER
			       : ART_TITLE;
	return caption ? ART_CAPTION : apart ? ART_STANDFIRST : under ? ART_STANDFIRST_UNDER : ART_PROSE;
}

/* Gives each paragraph its token: what the paragraph is, by its kind and shape (and, for a
 * byline's title line, the line above it). Paragraphs whose form said what they are keep it. */
static void classify_tokens(article_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n; i++) {
		apara *p = &ctx->p[i];
		if (p->tok >= 0)
			continue;
		switch (p->kind) {
		case AK_CHROME: p->tok = ART_CHROME; break;
		case AK_NAV: p->tok = ART_NAV; break;
		case AK_BYLINE: p->tok = ART_BYLINE; break;
		case AK_BIO: p->tok = ART_BIO; break;
		case AK_PHOTO: p->tok = ART_PHOTO; break;
		case AK_CONTRIB: p->tok = ART_CONTRIB; break;
		case AK_ENDSEP: p->tok = ART_ENDSEP; break;
		case AK_EDNOTE: p->tok = ART_EDNOTE; break;
		case AK_SIGNOFF: p->tok = ART_SIGNOFF; break;
		case AK_BULLET: p->tok = ART_BULLET; break;
		case AK_AFFIL:
			/* A title line under a byline (or under another title line); elsewhere text. */
			if (i > 0 && (ctx->p[i - 1].tok == ART_BYLINE || ctx->p[i - 1].tok == ART_AFFIL) &&
			    !has_dateline(ctx, p)) {
				p->tok = ART_AFFIL;
				break;
			}
			p->tok = text_token(ctx, i);
			break;
		default:
			p->tok = text_token(ctx, i);
			break;
		}
	}
}

/* ANPA: the caret lines say what they are by their end mark: "=" a byline or its title, else a
 * header line (the first one the headline, the grammar decides); the first of them the slug line
 * when it names the story's keyword. */
static void classify_anpa(article_ctx *ctx)
{
	const char *kw = ctx->dec->wire[WF_KEYWORD];
	int first = 1;
	for (size_t i = 0; i < ctx->n; i++) {
		apara *p = &ctx->p[i];
		if (!p->caret)
			continue;
		int len = (int)(p->e - p->s);
		if (first && (len >= 3 && (!strncmp(p->s, "BC-", 3) || !strncmp(p->s, "AP-", 3) ||
					   !strncmp(p->s, "*", 1) ||
					   (kw && !strncmp(p->s, kw, strlen(kw) < 5 ? strlen(kw) : 5))))) {
			p->tok = ART_SLUG;
			ctx->slug_line = p->s;
			ctx->slug_len = (size_t)len;
			first = 0;
			continue;
		}
		first = 0;
		if (p->eq) {
			p->tok = p->kind == AK_BYLINE ? ART_BYLINE : ART_AFFIL;
			continue;
		}
		if (p->kind == AK_PHOTO || p->kind == AK_EDNOTE)
			continue;
		p->tok = ART_HEADLINE;
	}
}

/* IPTC 7901: the lines before the first one ending in "=" are take keys, the headline and a
 * byline. Returns where the body starts. */
static const char *iptc_head(article_ctx *ctx, const char *s, const char *e)
{
	const char *lines[10], *ends[10];
	int n = 0;
	const char *q = s;
	while (q < e && n < 10) {
		const char *nl = memchr(q, '\n', (size_t)(e - q));
		const char *le = nl ? nl : e;
		const char *t = le;
		while (t > q && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		if (!blank_line(q, le)) {
			lines[n] = q;
			ends[n] = t;
			n++;
			if (t > q && t[-1] == '=') {
				ends[n - 1] = t - 1;
				/* the head block ends here */
				int first = 0;
				cw_value *w = ctx->wire;
				char keys[256];
				size_t kl = 0;
				/* Take keys: short lines of capitals or a bracket, above the headline. */
				while (first < n - 1) {
					const char *a = lines[first], *b = ends[first];
					int lower = 0, words = count_words(a, b);
					for (const char *c = a; c < b; c++)
						lower |= *c >= 'a' && *c <= 'z';
					if (!((!lower && words <= 4) || *a == '('))
						break;
					if (kl + (size_t)(b - a) + 2 < sizeof keys) {
						if (kl)
							keys[kl++] = ' ';
						memcpy(keys + kl, a, (size_t)(b - a));
						kl += (size_t)(b - a);
					}
					first++;
				}
				if (w && kl)
					rec_set(ctx->a, w, F_WIRE_TAKE_KEY, val_str_copy(ctx->a, keys, kl));
				/* A byline: the last line when it starts with By. */
				int last = n - 1;
				const char *rest;
				apara *by = NULL;
				if (last > first && scan_by_word(lines[last], ends[last], ctx->lim, &rest))
					last--;
				else
					last = n - 1;
				if (last >= first) {
					apara *h = add_para(ctx, lines[first], ends[last]);
					if (h)
						h->tok = ART_HEADLINE;
				}
				if (last < n - 1) {
					by = add_para(ctx, lines[n - 1], ends[n - 1]);
					if (by)
						by->tok = ART_BYLINE;
				}
				return nl ? nl + 1 : e;
			}
		}
		q = nl ? nl + 1 : e;
	}
	return s;
}

/* dpa: "The following information is not for publication" and what follows is an editor's
 * note, with the notebook lines just above it. */
static void iptc_ednote(article_ctx *ctx, size_t from)
{
	for (size_t i = from; i < ctx->n; i++) {
		apara *p = &ctx->p[i];
		size_t len = (size_t)(p->e - p->s);
		if ((len >= 40 && !strncmp(p->s, "The following information is not for publication", 49 < len ? 49 : len)) ||
		    (len >= 40 && !strncmp(p->s, "The following information is not intended for publication", 58 < len ? 58 : len))) {
			size_t start = i;
			while (start > from && (ctx->p[start - 1].s[0] == '#' || ctx->p[start - 1].s[0] == '*'))
				start--;
			for (size_t k = start; k < ctx->n; k++)
				ctx->p[k].tok = ART_EDNOTE;
			return;
		}
	}
}

static void classify_all(article_ctx *ctx, size_t from);

/* NITF, NewsML, ninjs: the document's blocks are the paragraphs, and the document says what the
 * head's are (headline, deck, byline parts, notes); the body's are classified as any story's. */
static void markup_paragraphs(article_ctx *ctx)
{
	const markup_doc *doc = ctx->dec->markup;
	int headline = 0;
	for (size_t i = 0; i < doc->nblocks; i++)
		headline |= doc->blocks[i].role == MR_HEADLINE;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const markup_block *b = &doc->blocks[i];
		/* A deck without a headline (NITF's abstract of a story that has none) stays the
		 * deck: markup_deck() adds it once the parse is done. */
		if (b->role == MR_DECK && !headline)
			continue;
		/* A page's captions: read for their credits once the parse is done. */
		if (b->role == MR_CAPTION || b->role == MR_CHROME)
			continue;
		apara *p = add_para(ctx, ctx->text + b->s, ctx->text + b->e);
		if (!p)
			continue;
		switch (b->role) {
		case MR_HEADLINE: case MR_DECK: p->tok = ART_HEADLINE; break;
		case MR_BYLINE: p->tok = ART_BYLINE; break;
		case MR_BYNAME: p->tok = ART_BYLINE; p->part = BYLINE_NAME; break;
		case MR_BYTITLE: p->tok = ART_AFFIL; p->part = BYLINE_TITLE; break;
		case MR_BYAFFIL: p->tok = ART_AFFIL; p->part = BYLINE_AFFIL; break;
		case MR_BYPART: p->tok = ART_AFFIL; break;
		case MR_EDNOTE: p->tok = ART_EDNOTE; break;
		case MR_BIO: p->tok = ART_BIO; break;
		case MR_SUBHEAD: p->tok = ART_PROSE; p->subhead = 1; break;
		case MR_PARA: if (doc->own) p->tok = ART_PROSE; break;
		case MR_PHOTO: p->tok = ART_PHOTO; break;
		default: break; /* paragraphs, taglines: by their words */
		}
	}
	classify_all(ctx, 0);
}

/* The deck lines of a document without a headline. */
static void markup_deck(article_ctx *ctx)
{
	const markup_doc *doc = ctx->dec->markup;
	if (ctx->seen_headline)
		return;
	for (size_t i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].role == MR_DECK)
			rec_push(ctx->a, ctx->deck, art_para_text(ctx, ctx->text + doc->blocks[i].s,
								  ctx->text + doc->blocks[i].e));
}

/* A saved page's captions (figcaption): a photo credit with its caption when the caption
 * ends in one, the page's chrome otherwise; and the chrome the page's walk took out. */
static void markup_page_parts(article_ctx *ctx)
{
	const markup_doc *doc = ctx->dec->markup;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const markup_block *b = &doc->blocks[i];
		if (b->role == MR_CHROME)
			rec_push(ctx->a, ctx->chrome, art_para_text(ctx, ctx->text + b->s, ctx->text + b->e));
		if (b->role != MR_CAPTION)
			continue;
		size_t k = ctx->n;
		apara *p = add_para(ctx, ctx->text + b->s, ctx->text + b->e);
		if (!p)
			continue;
		size_t before = ctx->photos->u.list.count;
		art_photo(ctx, k);
		if (ctx->photos->u.list.count == before)
			rec_push(ctx->a, ctx->chrome, art_para_text(ctx, p->s, p->e));
	}
	for (size_t i = 0; i < doc->nchrome; i++)
		rec_push(ctx->a, ctx->chrome, val_cstr(ctx->a, doc->chrome[i]));
}

/* The format's own dateline element, when the story's first paragraph has none. */
static void markup_dateline(article_ctx *ctx)
{
	const markup_doc *doc = ctx->dec->markup;
	const char *as_written = doc->dateline ? doc->dateline : doc->dateline_location;
	if (ctx->seen_dateline || !as_written)
		return;
	arena *a = ctx->a;
	int64_t at = (int64_t)(ctx->rec->file_offset + doc->dateline_at);
	/* A dateline written out (NewsML's "STOCKHOLM, Aug 29, 2014 (AFP) -"): read by the
	 * dateline scanner as in a paragraph (the arena string ends with the NUL it wants). */
	dateline_fields d;
	size_t dn = strlen(as_written);
	if (doc->dateline && scan_dateline(as_written, as_written + dn, as_written + dn, &d)) {
		cw_value *o = rec_set_object(a, ctx->root, F_ARTICLE_DATELINE);
		rec_set(a, o, F_DATELINE_TEXT, art_str(ctx, d.text));
		rec_set(a, o, F_DATELINE_LOCATION, art_str(ctx, d.location));
		rec_set(a, o, F_DATELINE_REGION, art_str(ctx, d.region));
		rec_set(a, o, F_DATELINE_DATE, art_str(ctx, d.date));
		rec_set(a, o, F_DATELINE_AGENCY, art_str(ctx, d.agency));
		rec_set_int(a, o, F_DATELINE_OFFSET, at);
		art_add_agencies_in(ctx, d.agency);
		ctx->seen_dateline = 1;
		return;
	}
	/* Otherwise only a place makes a dateline (a dateline element holding a date alone, or a
	 * time, says nothing of where). */
	const char *loc = doc->dateline_location;
	if (!loc)
		return;
	const char *comma = strstr(loc, ", ");
	cw_value *o = rec_set_object(a, ctx->root, F_ARTICLE_DATELINE);
	rec_set_cstr(a, o, F_DATELINE_TEXT, as_written);
	rec_set(a, o, F_DATELINE_LOCATION, val_str(a, loc, comma ? (size_t)(comma - loc) : strlen(loc)));
	rec_set(a, o, F_DATELINE_REGION, comma ? val_cstr(a, comma + 2) : val_null(a));
	rec_set(a, o, F_DATELINE_DATE, doc->dateline_date ? val_cstr(a, doc->dateline_date) : val_null(a));
	rec_set_null(a, o, F_DATELINE_AGENCY);
	rec_set_int(a, o, F_DATELINE_OFFSET, at);
	ctx->seen_dateline = 1;
}

/* ---- grammar interface ----------------------------------------------------------------------- */

int art_next_token(article_ctx *ctx, size_t *lval, cw_span *lloc)
{
	if (ctx->next >= ctx->n)
		return ART_YYEOF;
	size_t i = ctx->next++;
	*lval = i;
	lloc->first = art_off(ctx, ctx->p[i].s);
	lloc->last = art_off(ctx, ctx->p[i].e);
	return ctx->p[i].tok;
}

void art_syntax_error(article_ctx *ctx, size_t at, const char *what)
{
	rec_diag_at(ctx->rec, CW_WARNING, "ART_OUT_OF_PLACE", at, "%s", what);
}

void art_unexpected(article_ctx *ctx, size_t at, const char *got, const char **expected, int n,
		    int more)
{
	syntax_report_keep(&ctx->report, at, got, " out of place after the sign-off", expected, n,
			   more, SYNTAX_PARENS, "; read as body text");
}

int art_out_of_place(article_ctx *ctx)
{
	if (!syntax_report_take(&ctx->report))
		return 0;
	rec_diag_at(ctx->rec, CW_WARNING, "ART_OUT_OF_PLACE", ctx->report.at, "%s",
		    ctx->report.message);
	return 1;
}

void art_byline_in_body(article_ctx *ctx, size_t i)
{
	rec_diag_at(ctx->rec, CW_NOTE, "ART_BYLINE_IN_BODY", art_off(ctx, ctx->p[i].s),
		    "a byline among the paragraphs: read as a byline");
}

int art_subhead_shaped(const article_ctx *ctx, size_t i) { return ctx->p[i].subhead; }

/* A body paragraph into the record, and its text kept for the duplicates and the headline of a
 * story without one. */
static void add_paragraph(article_ctx *ctx, size_t i, int subhead)
{
	apara *p = &ctx->p[i];
	if (ctx->npara == ctx->cappara) {
		size_t cap = ctx->cappara ? ctx->cappara * 2 : 16;
		struct art_para *n = realloc(ctx->paras, cap * sizeof(*n));
		if (!n) {
			ctx->a->failed = 1; /* the record says it is incomplete */
			return;
		}
		ctx->paras = n;
		ctx->cappara = cap;
	}
	slice joined = art_join(ctx, p->s, p->e);
	cw_value *o = rec_push_object(ctx->a, ctx->paragraphs);
	rec_set(ctx->a, o, F_ARTICLE_PARAGRAPH_TEXT, art_str(ctx, joined));
	rec_set_int(ctx->a, o, F_ARTICLE_PARAGRAPH_OFFSET, art_file_offset(ctx, p->s));
	rec_set_bool(ctx->a, o, F_ARTICLE_PARAGRAPH_SUBHEAD, subhead);
	rec_set_null(ctx->a, o, F_ARTICLE_PARAGRAPH_DUPLICATE_OF);
	ctx->paras[ctx->npara++] = (struct art_para){ o, joined };
}

/* ---- actions: structure ------------------------------------------------------------------------ */

void art_chrome(article_ctx *ctx, size_t i)
{
	rec_push(ctx->a, ctx->chrome, art_para_text(ctx, ctx->p[i].s, ctx->p[i].e));
}

void art_slug(article_ctx *ctx, size_t i)
{
	(void)ctx;
	(void)i; /* read by the wire object (article_meta.c) */
}

void art_headline(article_ctx *ctx, size_t i)
{
	if (ctx->seen_headline) {
		art_deck(ctx, i);
		return;
	}
	ctx->seen_headline = 1;
	rec_set(ctx->a, ctx->root, F_ARTICLE_HEADLINE, art_para_text(ctx, ctx->p[i].s, ctx->p[i].e));
}

void art_deck(article_ctx *ctx, size_t i)
{
	const char *s = ctx->p[i].s;
	/* A bullet's mark is not its text. */
	if (ctx->p[i].kind == AK_BULLET) {
		while (s < ctx->p[i].e && (unsigned char)*s >= 0x80)
			s++;
		if (s < ctx->p[i].e && *s == '*')
			s++;
		while (s < ctx->p[i].e && (*s == ' ' || *s == '\t'))
			s++;
	}
	rec_push(ctx->a, ctx->deck, art_para_text(ctx, s, ctx->p[i].e));
}

void art_ednote(article_ctx *ctx, size_t i)
{
	rec_push(ctx->a, ctx->ednotes, art_para_text(ctx, ctx->p[i].s, ctx->p[i].e));
}

void art_signoff(article_ctx *ctx, size_t i)
{
	art_add_agencies_in(ctx, (slice){ ctx->p[i].s, (size_t)(ctx->p[i].e - ctx->p[i].s) });
	art_chrome(ctx, i);
}

void art_body_start(article_ctx *ctx, size_t i)
{
	ctx->seen_body = 1;
	art_dateline(ctx, ctx->p[i].s, ctx->p[i].e);
	art_paragraph(ctx, i, 0);
}

void art_paragraph(article_ctx *ctx, size_t i, int subhead)
{
	size_t index = ctx->npara;
	add_paragraph(ctx, i, subhead);
	art_attributions(ctx, ctx->p[i].s, ctx->p[i].e, index);
}

/* ---- entry ---------------------------------------------------------------------------------------- */

static void classify_all(article_ctx *ctx, size_t from)
{
	for (size_t i = from; i < ctx->n; i++) {
		apara *p = &ctx->p[i];
		if (ctx->form == CW_FORM_ANPA)
			anpa_marks(p);
		if (p->s >= p->e) {
			p->kind = AK_TEXT;
			p->tok = ART_CHROME;
			continue;
		}
		p->words = count_words(p->s, p->e);
		p->kind = art_classify_counted(p->s, p->e, ctx->lim, (size_t)p->words);
		p->titlelike = (unsigned)title_like(p);
	}
}

void article_parse(cw_record *rec, const decoded *dec, cw_form form)
{
	article_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.rec = rec;
	ctx.a = &rec->arena;
	ctx.dec = dec;
	ctx.form = form;
	ctx.text = rec->text.buf;
	ctx.lim = rec->text.buf + rec->text.len;
	ctx.root = rec->root;
	/* The lists start in the blocks the thread's last story left (lexer/core/scratch.h). */
	scratch_block lp = scratch_take(SCRATCH_ART_PARAS), lb = scratch_take(SCRATCH_ART_BODY);
	ctx.p = lp.p;
	ctx.cap = lp.bytes / sizeof *ctx.p;
	ctx.paras = lb.p;
	ctx.cappara = lb.bytes / sizeof *ctx.paras;
	arena *a = ctx.a;
	cw_value *root = rec->root;
	record_set_kind(rec, "article");

	/* Keys in their published order. */
	article_meta(&ctx);
	static const cw_field lists[] = {
		F_ARTICLE_HEADLINE,	    F_ARTICLE_DECK,	    F_ARTICLE_BYLINES,	 F_ARTICLE_BIO,
		F_ARTICLE_DATELINE,	    F_ARTICLE_PHOTO_CREDITS, F_ARTICLE_CONTRIBUTORS,
		F_ARTICLE_AGENCIES,	    F_ARTICLE_ATTRIBUTIONS, F_ARTICLE_EDNOTE,	 F_ARTICLE_PARAGRAPHS,
		F_ARTICLE_CHROME
	};
	cw_value *made[sizeof lists / sizeof *lists];
	rec_set_blank(a, root, lists, sizeof lists / sizeof *lists, made);
	ctx.deck = made[1];
	ctx.bylines = made[2];
	ctx.bio = made[3];
	ctx.photos = made[5];
	ctx.contributors = made[6];
	ctx.agencies = made[7];
	ctx.attributions = made[8];
	ctx.ednotes = made[9];
	ctx.paragraphs = made[10];
	ctx.chrome = made[11];

	/* Paragraphs, by the form's layout. */
	const char *s = ctx.text, *e = ctx.lim;
	if (dec->has_parts) {
		/* Reuters SGML: title and author are elements; the dateline runs into the body. */
		if (dec->part_set[AP_TITLE]) {
			apara *p = add_para(&ctx, s + dec->part_start[AP_TITLE], s + dec->part_end[AP_TITLE]);
			if (p)
				p->tok = ART_HEADLINE;
		}
		if (dec->part_set[AP_AUTHOR]) {
			apara *p = add_para(&ctx, s + dec->part_start[AP_AUTHOR], s + dec->part_end[AP_AUTHOR]);
			if (p)
				p->tok = ART_BYLINE;
		}
		size_t from = ctx.n;
		size_t b0 = dec->part_set[AP_DATELINE] ? dec->part_start[AP_DATELINE]
			  : dec->part_set[AP_BODY] ? dec->part_start[AP_BODY] : 0;
		size_t b1 = dec->part_set[AP_BODY] ? dec->part_end[AP_BODY]
			  : dec->part_set[AP_DATELINE] ? dec->part_end[AP_DATELINE] : 0;
		if (b1 > b0)
			cut_paragraphs(&ctx, s + b0, s + b1, LAYOUT_INDENT);
		join_lone_datelines(&ctx, from);
		classify_all(&ctx, 0);
	} else if (dec->markup) {
		markup_paragraphs(&ctx);
	} else if (form == CW_FORM_IPTC7901) {
		const char *body = iptc_head(&ctx, s, e);
		size_t from = ctx.n;
		cut_paragraphs(&ctx, body, e, LAYOUT_INDENT);
		join_lone_datelines(&ctx, from);
		classify_all(&ctx, 0);
		iptc_ednote(&ctx, from);
	} else {
		int layout = form == CW_FORM_ANPA ? LAYOUT_ANPA
			   : form == CW_FORM_ARTICLE_TEXT ? LAYOUT_LINE
			   : news_wire_layout(s, e) ? LAYOUT_INDENT : LAYOUT_BLANK;
		/* Wire copy without indented paragraphs: blank lines part them. */
		if (layout == LAYOUT_INDENT) {
			int indented = 0;
			for (const char *q = s; q < e;) {
				const char *nl = memchr(q, '\n', (size_t)(e - q));
				indented += (*q == ' ' || *q == '\t') && !blank_line(q, nl ? nl : e);
				q = nl ? nl + 1 : e;
			}
			if (indented < 2)
				layout = LAYOUT_BLANK;
		}
		cut_paragraphs(&ctx, s, e, layout);
		join_lone_datelines(&ctx, 0);
		classify_all(&ctx, 0);
		if (form == CW_FORM_ANPA)
			classify_anpa(&ctx);
	}
	classify_tokens(&ctx);

	/* The structure: the grammar's actions build the record, its result says where the article
	 * ended. */
	if (cw_article_parse(&ctx) != 0) {
		/* The parser gave up (out of memory): the report in hand is not lost, and the record
		 * keeps what was read. */
		art_out_of_place(&ctx);
		ctx.reached = ctx.npara ? ART_REACHED_BODY : ART_REACHED_FRONT;
	}

	/* A NewsAlert has no headline line: its one paragraph says it. */
	if (!ctx.seen_headline && form == CW_FORM_ANPA && ctx.npara) {
		size_t n = ctx.paras[0].text.n;
		const char *t = ctx.paras[0].text.s;
		size_t skip = 0;
		if (ctx.seen_dateline) {
			size_t dn = ctx.dateline_text.n;
			skip = dn < n ? dn : 0;
			while (skip < n && t[skip] == ' ')
				skip++;
		}
		if (t && skip < n) {
			rec_set(a, root, F_ARTICLE_HEADLINE, val_str(a, t + skip, n - skip));
			rec_diag_in(rec, CW_NOTE, "ART_HEADLINE_FROM_TEXT", 0,
				    "no headline line: the headline is the first paragraph's text");
		}
	}
	if (dec->markup) {
		markup_deck(&ctx);
		markup_dateline(&ctx);
		markup_page_parts(&ctx);
	}
	art_mark_duplicates(&ctx);
	article_meta_finish(&ctx);

	int body = ctx.reached == ART_REACHED_BODY;
	if (!body && !ctx.seen_headline && !ctx.nbylines)
		rec_diag_in(rec, CW_ERROR, "ART_EMPTY", 0, "no headline, byline or paragraph: nothing "
							   "of a story was found");
	else if (!body)
		rec_diag_in(rec, CW_WARNING, "ART_NO_BODY", 0, "the story has no body text");
	scratch_give(SCRATCH_ART_PARAS, (scratch_block){ ctx.p, ctx.cap * sizeof *ctx.p, 0 });
	scratch_give(SCRATCH_ART_BODY,
		     (scratch_block){ ctx.paras, ctx.cappara * sizeof *ctx.paras, 0 });
}
