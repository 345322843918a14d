/* The body's fields, stored as the body grammar reduces each item. */
#include "parser/cable/body.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/core/fields.h"

int cw_body_parse(body_ctx *ctx);

static size_t off(const body_ctx *ctx, const char *p) { return tg_off(&ctx->tg, p); }
static cw_value *sv(body_ctx *ctx, slice s) { return val_str(ctx->tg.a, s.s, s.n); }

static slice trimmed(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		e--;
	slice r = { s < e ? s : NULL, s < e ? (size_t)(e - s) : 0 };
	return r;
}

static int starts_with_ci(slice s, const char *word)
{
	size_t n = strlen(word);
	if (!s.s || s.n < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)s.s[i]) != tolower((unsigned char)word[i]))
			return 0;
	return 1;
}

int marking_rank(const char *s, size_t n)
{
	if (!s || !n)
		return -1;
	if (n >= 2 && s[0] == 'T' && s[1] == 'S')
		return 3;
	if (n >= 3 && !strncmp(s, "SBU", 3))
		return 0;
	switch (s[0]) {
	case 'U': case 'u': return 0;
	case 'C': case 'c': return 1;
	case 'S': case 's': return 2;
	case 'L': return 0; /* LIMITED OFFICIAL USE */
	}
	return -1;
}

/* ---- lines of the current block ---------------------------------------------------------- */

static void push_seg(body_ctx *ctx, const char *s, const char *e)
{
	body_state *b = &ctx->b;
	slice t = trimmed(s, e);
	if (!t.s)
		return;
	if (b->nsegs == b->capsegs) {
		size_t cap = b->capsegs ? b->capsegs * 2 : 16;
		slice *n = realloc(b->segs, cap * sizeof(*n));
		if (!n)
			return;
		b->segs = n;
		b->capsegs = cap;
	}
	b->segs[b->nsegs++] = t;
}

/* The limit a scanner must be given for s: the decoded text's end for slices of it, the copy's
 * own end for joined copies (which end in "\n\0", see join()). */
static const char *lim_of(const body_ctx *ctx, slice s)
{
	if (!s.s || (s.s >= ctx->tg.text && s.s <= ctx->tg.lim))
		return ctx->tg.lim;
	return s.s + s.n + 1;
}

/* The block's lines joined by sep (a space for prose, "\n" for reference lists). One line is
 * referred to in place; more are copied into the arena. */
static slice join(body_ctx *ctx, size_t from, char sep, size_t *prefix_of_last)
{
	body_state *b = &ctx->b;
	slice r = { NULL, 0 };
	if (prefix_of_last)
		*prefix_of_last = 0;
	if (from >= b->nsegs)
		return r;
	if (b->nsegs - from == 1)
		return b->segs[from];
	size_t total = 0;
	for (size_t i = from; i < b->nsegs; i++)
		total += b->segs[i].n + 1;
	char *buf = arena_alloc(ctx->tg.a, total + 2);
	if (!buf)
		return r;
	size_t n = 0;
	for (size_t i = from; i < b->nsegs; i++) {
		if (i > from)
			buf[n++] = sep;
		if (i == b->nsegs - 1 && prefix_of_last)
			*prefix_of_last = n ? n - 1 : 0;
		memcpy(buf + n, b->segs[i].s, b->segs[i].n);
		n += b->segs[i].n;
	}
	/* Scanners run over copies too: end them like a decoded text. */
	buf[n] = '\n';
	buf[n + 1] = '\0';
	r.s = buf;
	r.n = n;
	return r;
}

/* ---- paragraphs, kept here until the body ends ------------------------------------------- */

/* A paragraph goes into the record when the body is read: until then the signature may shorten
 * or drop the last one, and the spans (summary, comments, notes) read their text from here. */
static void push_paragraph(body_ctx *ctx, cw_value *p, slice t)
{
	body_state *b = &ctx->b;
	if (b->npara == b->cappara) {
		size_t cap = b->cappara ? b->cappara * 2 : 16;
		body_para *n = realloc(b->paras, cap * sizeof(*n));
		if (!n) {
			ctx->tg.a->failed = 1; /* the record says it is incomplete */
			return;
		}
		b->paras = n;
		b->cappara = cap;
	}
	b->paras[b->npara++] = (body_para){ p, t, { b->heading, b->heading ? b->heading_len : 0 } };
	b->heading_used |= b->heading != NULL;
}

/* Into the record, in order. */
static void put_paragraphs(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	for (size_t i = 0; i < b->npara; i++)
		rec_push(ctx->tg.a, b->paragraphs, b->paras[i].obj);
}

/* ---- start and items --------------------------------------------------------------------- */

int body_lex_token(body_ctx *ctx, body_line *lval, CW_BODY_LTYPE *lloc)
{
	int tok = body_lex(&ctx->blx, lval);
	if (tok == BODY_YYEOF) {
		lloc->first = lloc->last = off(ctx, ctx->blx.cur);
	} else {
		lloc->first = off(ctx, lval->start);
		lloc->last = off(ctx, lval->end);
	}
	return tok;
}

void body_syntax_error(body_ctx *ctx, size_t at, const char *msg)
{
	rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_SYNTAX", at, "%s", msg);
}

static const char *head_names[] = { "classification line", "caption", "pass line", "E.O. line",
				    "TAGS line", "SUBJECT line", "REF line", "Classified By line" };

void body_head_order(body_ctx *ctx, size_t at, int kind, int last)
{
	rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_HEAD_ORDER", at,
		    "%s after the %s: the head's lines come in the order classification, captions, "
		    "E.O., TAGS, SUBJECT, REF", head_names[kind], head_names[last]);
}

void body_head_in_text(body_ctx *ctx, size_t at, int kind)
{
	rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_HEAD_IN_TEXT", at,
		    "%s among the paragraphs, outside a section's head (a repeated head, a quoted "
		    "document)", head_names[kind]);
}

void body_unexpected(body_ctx *ctx, size_t at, const char *got, const char **expected, int n,
		     int more)
{
	syntax_report_keep(&ctx->b.report, at, got, " out of place in the body", expected, n, more,
			   SYNTAX_PARENS, NULL);
}

int body_out_of_place(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	/* Error recovery pops the block the line cut short without reducing it: end it here. */
	if (b->block != BLOCK_NONE)
		body_block_end(ctx);
	if (!syntax_report_take(&b->report))
		return 0;
	rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_OUT_OF_PLACE", b->report.at, "%s",
		    b->report.message);
	return 1;
}

/* Captions from a caption line or the rest of a classification line, in canonical spelling. */
static void add_captions(body_ctx *ctx, const char *p, const char *end)
{
	const char *q = p;
	while (q < end) {
		slice canon;
		if (!scan_caption(&q, end, ctx->tg.lim, &canon))
			break;
		/* Once each: SIPDIS is often written twice. The canonical spellings are a few dozen
		 * words (lexer/cable/body_fields.re), so the ones seen are kept here. */
		body_state *b = &ctx->b;
		int dup = 0;
		for (size_t i = 0; i < b->ncaptions && !dup; i++)
			dup = b->captions_seen[i].n == canon.n &&
			      !memcmp(b->captions_seen[i].s, canon.s, canon.n);
		if (dup)
			continue;
		if (b->ncaptions < CAPTIONS_SEEN)
			b->captions_seen[b->ncaptions++] = canon;
		rec_push(ctx->tg.a, b->captions, val_str(ctx->tg.a, canon.s, canon.n));
	}
}

void body_classline(body_ctx *ctx, const body_line *l)
{
	body_state *b = &ctx->b;
	classline_fields cl;
	int full = scan_classline_head(l->start, ctx->tg.lim, &cl);
	const char *start = l->start;
	if (!full && l->arg != l->start) {
		/* Split over two lines: the level here, origin and serial on the next. */
		classline_fields o;
		scan_classline_level(l->start, ctx->tg.lim, &cl);
		if (scan_classline_head(l->arg, ctx->tg.lim, &o)) {
			/* A banner (UNCLASSIFIED//FOR OFFICIAL USE ONLY) above the whole line: the
			 * line counts, with the banner's caveat when it has none of its own. */
			if (!o.caveat.s)
				o.caveat = cl.caveat;
			cl = o;
			start = l->arg;
			full = 1;
		} else if (scan_origin_serial(l->arg, ctx->tg.lim, &o)) {
			cl.origin = o.origin, cl.serial = o.serial, cl.rest = o.rest;
			full = 1;
		}
	}
	if (!full) {
		if (b->seen_classline || !scan_classline_level(l->start, ctx->tg.lim, &cl))
			return;
		rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_CLASSLINE_GARBLED", off(ctx, l->start),
			    "classification line without a readable origin and serial");
	}
	if (b->seen_classline && !b->cl.origin.s && full && ctx->blx.head) {
		/* A classification banner (UNCLASSIFIED//FOR OFFICIAL USE ONLY) above the real line:
		 * the real one wins. */
		b->seen_classline = 0;
	}
	if (b->seen_classline) {
		/* Partial extracts and garbled sections repeat the head for every section. */
		if (b->repeats++ == 0)
			rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_REPEATED_HEAD", off(ctx, l->start),
				    "the classification line is repeated (a new section's head); the "
				    "first one is kept");
		return;
	}
	b->seen_classline = 1;
	b->elements++;
	b->cl = cl;
	b->cl_start = start;
	if (cl.rest.s && !cl.glued && cl.rest.s < l->end)
		add_captions(ctx, cl.rest.s, l->end < cl.rest.s + cl.rest.n ? l->end : cl.rest.s + cl.rest.n);
}

void body_classword(body_ctx *ctx, const body_line *l)
{
	(void)l;
	ctx->b.elements++;
}

void body_caption(body_ctx *ctx, const body_line *l)
{
	ctx->b.after_rule = 0;
	ctx->b.elements++;
	add_captions(ctx, l->start, l->end);
}

void body_pass(body_ctx *ctx, const body_line *l)
{
	slice t = trimmed(l->start, l->end);
	ctx->b.elements++;
	if (t.s)
		rec_push(ctx->tg.a, ctx->b.pass_lines, sv(ctx, t));
}

void body_blank(body_ctx *ctx) { (void)ctx; }
void body_rule(body_ctx *ctx, const body_line *l)
{
	(void)l;
	ctx->b.after_rule = 1;
}
/* Page furniture, a declassification stamp, NNNN: a telegram's, so elements of one. */
void body_furniture(body_ctx *ctx, const body_line *l) { (void)l, ctx->b.elements++; }
void body_end_mark(body_ctx *ctx, const body_line *l) { (void)l, ctx->b.elements++; }

void body_dump(body_ctx *ctx, const body_line *l)
{
	body_state *b = &ctx->b;
	if (b->dumps++ == 0)
		b->first_dump = off(ctx, l->start);
}

void body_block(body_ctx *ctx, int kind, const body_line *l)
{
	body_state *b = &ctx->b;
	b->block = kind;
	b->block_after_rule = b->after_rule;
	b->after_rule = 0;
	b->first = *l;
	b->nsegs = 0;
	push_seg(ctx, kind == BLOCK_TEXT ? l->start : l->arg, l->end);
}

void body_cont(body_ctx *ctx, const body_line *l) { push_seg(ctx, l->start, l->end); }
void body_softbreak(body_ctx *ctx, const body_line *l) { (void)ctx, (void)l; }

/* ---- blocks ------------------------------------------------------------------------------ */

static void end_eo(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	if (b->eo) {
		rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_REPEATED", off(ctx, b->first.start),
			    "a second E.O. line; the first one is kept");
		return;
	}
	eo_fields f;
	scan_eo(b->first.start, b->first.end, ctx->tg.lim, &f);
	cw_value *eo = b->eo = rec_set_object(a, ctx->tg.rec->root, F_CABLE_EO);
	rec_set(a, eo, F_EO_ORDER, sv(ctx, f.order));
	cw_value *decl = NULL;
	if (f.year) {
		cw_date d = { f.year, f.month, f.day, -1, -1 };
		if (date_valid(&d)) {
			char iso[16];
			format_iso(&d, iso, sizeof iso);
			decl = val_str_copy(a, iso, strlen(iso));
			b->decl_year = d.year, b->decl_month = d.month, b->decl_day = d.day;
			b->eo_at = b->first.start;
		} else {
			rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_DECL_INVALID", off(ctx, f.decl_raw.s),
				    "declassification date '%.*s' is not a real date",
				    (int)f.decl_raw.n, f.decl_raw.s);
		}
	}
	rec_set(a, eo, F_EO_DECL, decl);
	rec_set(a, eo, F_EO_DECL_RAW, sv(ctx, f.decl_raw));
	rec_set(a, eo, F_EO_DECL_CODE, sv(ctx, f.code));
	rec_set_bool(a, eo, F_EO_NOT_APPLICABLE, f.na);
	if (!f.order.s)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_EO_ORDER", off(ctx, b->first.start),
			    "E.O. line without an executive order number");
}

static const char *tag_kind(slice t)
{
	size_t letters = 0;
	for (size_t i = 0; i < t.n; i++)
		letters += isupper((unsigned char)t.s[i]) != 0;
	if (letters != t.n)
		return "subject";
	if (t.n == 2)
		return "geographic";
	if (t.n == 4)
		return t.s[0] == 'K' ? "program" : "subject";
	if (t.n == 3 || t.n == 5 || t.n == 6)
		return "organisation";
	return "subject";
}

static int has_lower(slice t)
{
	for (size_t i = 0; i < t.n; i++)
		if (t.s[i] >= 'a' && t.s[i] <= 'z')
			return 1;
	return 0;
}

static int has_capital(slice c)
{
	for (size_t i = 0; i < c.n; i++)
		if (c.s[i] >= 'A' && c.s[i] <= 'Z')
			return 1;
	return 0;
}

/* Letters only, as many as a tag has (2 to 6). */
static int tag_shaped(slice v)
{
	if (v.n < 2 || v.n > 6)
		return 0;
	for (size_t i = 0; i < v.n; i++)
		if (!isalpha((unsigned char)v.s[i]))
			return 0;
	return 1;
}

static void end_tags(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	if (b->ntags) {
		rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_REPEATED", off(ctx, b->first.start),
			    "a second TAGS line; the first one is kept");
		return;
	}
	slice all = join(ctx, 0, ' ', NULL);
	const char *p = all.s, *end = all.s ? all.s + all.n : NULL;
	int no_caps = all.s && !has_capital(all);
	/* The joined text starts with the TAGS line's own words. */
	const char *first_end = all.s ? all.s + b->segs[0].n : NULL;
	/* Items first, so that a given name can take the surname before it. */
	enum { MAX_TAGS = 256 };
	slice items[MAX_TAGS];
	int paren[MAX_TAGS], person[MAX_TAGS];
	int n = 0;
	slice it;
	int par;
	const char *lim = lim_of(ctx, all);
	while (p && n < MAX_TAGS && scan_tag_item(&p, end, lim, &it, &par)) {
		if (!par && n > 0 && !paren[n - 1] && is_given_name(it, lim)) {
			/* CLINTON HILLARY: one person, surname first. */
			items[n - 1].n = (size_t)(it.s + it.n - items[n - 1].s);
			person[n - 1] = 1;
			continue;
		}
		if (!par && n > 0 && !paren[n - 1] && it.s < first_end && has_lower(it) && has_lower(items[n - 1]) &&
		    !memchr(items[n - 1].s + items[n - 1].n, ',', (size_t)(it.s - (items[n - 1].s + items[n - 1].n))) &&
		    !memchr(items[n - 1].s + items[n - 1].n, ';', (size_t)(it.s - (items[n - 1].s + items[n - 1].n)))) {
			/* Human Rights: words of one value of no tag shape */
			items[n - 1].n = (size_t)(it.s + it.n - items[n - 1].s);
			continue;
		}
		if (!par && n > 0 && person[n - 1] && it.n == 2 && it.s[1] == '.') {
			/* a middle initial */
			items[n - 1].n = (size_t)(it.s + it.n - items[n - 1].s);
			continue;
		}
		items[n] = it;
		paren[n] = par;
		person[n] = par;
		n++;
	}
	size_t prose = 0;
	const char *prose_at = NULL;
	for (int i = 0; i < n; i++) {
		slice v = items[i];
		if (paren[i]) {
			v.s++, v.n -= 2;
			v = trimmed(v.s, v.s + v.n);
		}
		if (!v.s)
			continue;
		/* Tags are written in capitals; lower case is prose that ran on after the line, and a
		 * parenthesised single letter is a portion marking. A person in parentheses has a
		 * surname and a given name. */
		int lower = 0, sep = 0;
		for (size_t k = 0; k < v.n; k++) {
			lower |= v.s[k] >= 'a' && v.s[k] <= 'z';
			sep |= v.s[k] == ',' || v.s[k] == ' ';
		}
		/* On the TAGS line itself, a value of no known shape (something, India-Burma,
		 * Human Rights) is a tag still: kept, of kind unknown. */
		int unknown = lower && !paren[i] && v.s < first_end && v.n <= 40;
		/* A telegram written all in lower case ("tags: prel, pgov, ch"): values of a tag's
		 * shape are its tags, in capitals. */
		int shaped = no_caps && !paren[i] && tag_shaped(v);
		if (shaped)
			unknown = 0;
		if (!unknown && !shaped && (lower || (paren[i] && !sep))) {
			if (prose++ == 0)
				prose_at = v.s;
			continue;
		}
		/* A person's words may run over lines: the value is copied with single spaces. */
		char *copy = arena_alloc(a, v.n + 1);
		size_t m = 0;
		for (size_t k = 0; copy && k < v.n; k++) {
			char c = v.s[k] == '\n' || v.s[k] == '\t' ? ' ' : v.s[k];
			if (shaped)
				c = (char)toupper((unsigned char)c);
			if (c == ' ' && m && copy[m - 1] == ' ')
				continue;
			copy[m++] = c;
		}
		cw_value *tag = rec_push_object(a, b->tags);
		rec_set(a, tag, F_TAG_VALUE, copy ? val_str(a, copy, m) : NULL);
		rec_set_cstr(a, tag, F_TAG_KIND, unknown ? "unknown" : person[i] ? "person"
						  : shaped && copy ? tag_kind((slice){ copy, m })
						  : tag_kind(v));
		b->ntags++;
	}
	if (prose)
		rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_TAGS_TEXT",
			    off(ctx, prose_at >= ctx->tg.text && prose_at < ctx->tg.lim ? prose_at : b->first.start),
			    "%zu word%s after TAGS not read as tags (lower case or a marking)", prose,
			    prose == 1 ? "" : "s");
	if (!n)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_TAGS_EMPTY", off(ctx, b->first.start),
			    "TAGS line without tags");
}

/* A leading portion marking "(C) " of a subject or paragraph text. */
static slice strip_marking(slice t, slice *mark)
{
	mark->s = NULL, mark->n = 0;
	if (t.s && t.n > 2 && t.s[0] == '(') {
		size_t i = 1;
		while (i < t.n && i < 14 && t.s[i] != ')' &&
		       (isalpha((unsigned char)t.s[i]) || t.s[i] == '/' || t.s[i] == '-'))
			i++;
		if (i < t.n && t.s[i] == ')' && i > 1) {
			mark->s = t.s + 1;
			mark->n = i - 1;
			t = trimmed(t.s + i + 1, t.s + t.n);
		}
	}
	return t;
}

static void end_subject(body_ctx *ctx)
{
	arena *a = ctx->tg.a;
	cw_value *root = ctx->tg.rec->root;
	if (ctx->b.has_subject) {
		rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_REPEATED", off(ctx, ctx->b.first.start),
			    "a second SUBJECT line; the first one is kept");
		return;
	}
	slice mark;
	slice t = strip_marking(join(ctx, 0, ' ', NULL), &mark);
	rec_set(a, root, F_CABLE_SUBJECT, t.s ? sv(ctx, t) : NULL);
	ctx->b.has_subject = t.s != NULL;
	rec_set(a, root, F_CABLE_SUBJECT_MARKING, mark.s ? sv(ctx, mark) : NULL);
	if (!t.s)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_SUBJECT_EMPTY", off(ctx, ctx->b.first.start),
			    "SUBJECT line without a subject");
}

/* The origin word of a reference as reference ids spell it. */
static void ref_origin(slice o, char *out, size_t size)
{
	static const struct {
		const char *written, *id;
	} names[] = {
		{ "SECSTATE", "STATE" }, { "SEC STATE", "STATE" }, { "USUN", "USUNNEWYORK" },
		{ "USUN NEW YORK", "USUNNEWYORK" }, { "USEU", "USEUBRUSSELS" },
		{ "USEU BRUSSELS", "USEUBRUSSELS" }, { "UNVIE", "UNVIEVIENNA" },
		{ "USMISSION GENEVA", "GENEVA" }, { "AIT TAIPEI", "AITTAIPEI" },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (o.n == strlen(names[i].written) && !memcmp(o.s, names[i].written, o.n)) {
			snprintf(out, size, "%s", names[i].id);
			return;
		}
	/* as ids spell it: capitals, no blanks ("08 Quito 412" is 08QUITO412) */
	size_t n = 0;
	for (size_t i = 0; i < o.n && n + 1 < size; i++)
		if (o.s[i] != ' ' && o.s[i] != '\t')
			out[n++] = (char)toupper((unsigned char)o.s[i]);
	out[n] = '\0';
}

static cw_value *cable_ref_value(body_ctx *ctx, slice label, slice raw, slice year, slice origin,
				 slice serial, slice caption)
{
	arena *a = ctx->tg.a;
	cw_value *ref = rec_new_item(a, F_CABLE_REFERENCES);
	rec_set(a, ref, F_REFERENCE_LABEL, sv(ctx, label));
	char org[64];
	ref_origin(origin, org, sizeof org);
	int yy = -1, assumed = 0;
	if (year.s)
		yy = parse_digits(year.s, year.n) % 100;
	else if (ctx->year > 0)
		yy = ctx->year % 100, assumed = 1;
	slice s = serial;
	while (s.n > 1 && s.s[0] == '0')
		s.s++, s.n--;
	if (yy >= 0) {
		/* "%02d%s%.*s" by hand: one per reference, and yy is 0-99 here. */
		size_t on = strlen(org), n = 2 + on + s.n;
		char *id = arena_alloc(a, n + 1);
		if (id) {
			id[0] = (char)('0' + yy / 10);
			id[1] = (char)('0' + yy % 10);
			memcpy(id + 2, org, on);
			if (s.n)
				memcpy(id + 2 + on, s.s, s.n);
		}
		rec_set(a, ref, F_REFERENCE_ID, id ? val_str(a, id, n) : NULL);
	} else {
		rec_set_null(a, ref, F_REFERENCE_ID);
	}
	rec_set(a, ref, F_REFERENCE_RAW, sv(ctx, raw));
	rec_set_cstr(a, ref, F_REFERENCE_KIND, "cable");
	rec_set(a, ref, F_REFERENCE_ORIGIN, val_cstr(a, arena_strndup(a, org, strlen(org))));
	rec_set(a, ref, F_REFERENCE_SERIAL, sv(ctx, serial));
	rec_set(a, ref, F_REFERENCE_YEAR, yy >= 0 ? val_int(a, yy >= 66 ? 1900 + yy : 2000 + yy) : NULL);
	rec_set_bool(a, ref, F_REFERENCE_YEAR_ASSUMED, assumed);
	rec_set(a, ref, F_REFERENCE_CAPTION, sv(ctx, caption));
	return ref;
}

static const char *other_ref_kind(slice item)
{
	for (size_t i = 0; i + 4 <= item.n; i++) {
		slice rest = { item.s + i, item.n - i };
		if (starts_with_ci(rest, "E-MAIL") || starts_with_ci(rest, "EMAIL"))
			return "email";
		if (starts_with_ci(rest, "TELCON") || starts_with_ci(rest, "TELECON") ||
		    starts_with_ci(rest, "PHONE"))
			return "telcon";
		if (starts_with_ci(rest, "MEMCON") || starts_with_ci(rest, "MEETING"))
			return "memcon";
		if (starts_with_ci(rest, "REPORT") || starts_with_ci(rest, "IIR"))
			return "report";
	}
	return "other";
}

static void end_ref(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	b->ref_blocks++;
	slice all = join(ctx, 0, '\n', NULL);
	const char *p = all.s, *end = all.s ? all.s + all.n : NULL;
	slice label, item;
	size_t found = 0;
	const char *lim = lim_of(ctx, all);
	while (p && scan_ref_item(&p, end, lim, &label, &item)) {
		if (!item.s)
			continue;
		found++;
		cable_ref r;
		if (scan_cable_ref(item, lim, &r)) {
			rec_push(a, b->references,
				 cable_ref_value(ctx, label, item, r.year, r.origin, r.serial, r.caption));
			/* BRASILIA 2799 AND 2764: one more reference per further serial. */
			const char *q = r.more;
			slice more;
			while (q && scan_more_serial(&q, item.s + item.n, lim, &more))
				rec_push(a, b->references,
					 cable_ref_value(ctx, label, item, r.year, r.origin, more,
							 (slice){ NULL, 0 }));
			continue;
		}
		cw_value *ref = rec_push_object(a, b->references);
		rec_set(a, ref, F_REFERENCE_LABEL, sv(ctx, label));
		rec_set_null(a, ref, F_REFERENCE_ID);
		rec_set(a, ref, F_REFERENCE_RAW, sv(ctx, item));
		rec_set_cstr(a, ref, F_REFERENCE_KIND, other_ref_kind(item));
	}
	if (!found)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_REF_EMPTY", off(ctx, b->first.start),
			    "REF line without references");
}

/* An office rather than a person: one word (EUR, NEA/ELA, XYZ), or words naming an office
 * (Department of State, Bureau of ..., U.S. Embassy ...). */
static int is_office_chunk(slice c)
{
	static const char *const words[] = { "DEPARTMENT", "BUREAU", "OFFICE", "EMBASSY", "MISSION",
					     "CONSULATE", "MINISTRY", "AGENCY", "SECTION", "AFFAIRS",
					     "DIVISION", "COMMAND", "COUNCIL" };
	if (!memchr(c.s, ' ', c.n))
		return 1;
	for (size_t i = 0; i < c.n; i++) {
		if (i && c.s[i - 1] != ' ')
			continue;
		slice rest = { c.s + i, c.n - i };
		if (starts_with_ci(rest, "of ") && c.s[i] == 'o')
			return 1;
		for (size_t k = 0; k < sizeof words / sizeof *words; k++)
			if (starts_with_ci(rest, words[k]))
				return 1;
	}
	return 0;
}

static int is_suffix(slice c)
{
	static const char *const suffixes[] = { "JR", "SR", "II", "III", "IV" };
	for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
		if (c.n == strlen(suffixes[k]) && starts_with_ci(c, suffixes[k]))
			return 1;
	return 0;
}

/* Classified By: titles, names and reasons. */
static void classified_by(body_ctx *ctx, slice what, size_t at)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	if (b->classified_by)
		return;
	b->elements++;
	cw_value *cb = b->classified_by = rec_set_object(a, ctx->tg.rec->root, F_CABLE_CLASSIFIED_BY);
	rec_set(a, cb, F_CLASSIFIED_BY_RAW, sv(ctx, what));
	cw_value *titles = rec_array(a, cb, F_CLASSIFIED_BY_TITLES);
	cw_value *names = rec_array(a, cb, F_CLASSIFIED_BY_NAMES);
	cw_value *reasons = rec_array(a, cb, F_CLASSIFIED_BY_REASONS);
	size_t nreasons = 0;
	const char *end = what.s + what.n;
	const char *lim = lim_of(ctx, what);
	const char *rs = find_reasons(what.s, end, lim);
	/* Reasons: 1.4 (b) and (d) -> 1.4(b), 1.4(d). */
	if (rs) {
		const char *p = rs;
		slice section = { NULL, 0 };
		char letter;
		/* Each reason once: digit, digit and letter make at most 10 x 10 x 256 of them. */
		unsigned char seen[10 * 10 * 256 / 8] = { 0 };
		while (scan_reason(&p, end, lim, &section, &letter)) {
			/* "1. 4" is 1.4 */
			char c0 = section.s[0], c1 = section.s[section.n - 1];
			unsigned key = (unsigned)(c0 - '0') * 10 * 256 + (unsigned)(c1 - '0') * 256 +
				       (unsigned char)letter;
			if (c0 >= '0' && c0 <= '9' && c1 >= '0' && c1 <= '9') {
				if (seen[key / 8] & (1u << (key % 8)))
					continue;
				seen[key / 8] |= (unsigned char)(1u << (key % 8));
			}
			char *r = arena_printf(a, "%c.%c(%c)", c0, c1, letter);
			rec_push(a, reasons, val_cstr(a, r));
			nreasons++;
		}
	}
	if (!nreasons)
		rec_diag_at(ctx->tg.rec, CW_NOTE, "BODY_CLSBY_NO_REASON", at,
			    "Classified By line without a reason (1.4 (b), ...)");
	/* Who: chunks separated by commas, semicolons and "and"; in each, title words first, then
	 * the name. */
	const char *who_end = rs ? rs : end;
	const char *p = what.s;
	size_t nnames = 0;
	slice pending = { NULL, 0 }; /* the last name, until a suffix may follow it */
	while (p < who_end) {
		const char *chunk = p, *stop = p;
		while (stop < who_end && *stop != ',' && *stop != ';' &&
		       !(stop + 5 <= who_end && stop[0] == ' ' && (stop[1] | 0x20) == 'a' &&
			 (stop[2] | 0x20) == 'n' && (stop[3] | 0x20) == 'd' && stop[4] == ' '))
			stop++;
		p = stop < who_end ? stop + (*stop == ' ' ? 5 : 1) : who_end;
		slice c = trimmed(chunk, stop);
		while (c.s && c.n && (c.s[c.n - 1] == '.' || c.s[c.n - 1] == ':'))
			c.n--;
		if (!c.s || !c.n)
			continue;
		const char *q = c.s, *ce = c.s + c.n, *title_end = c.s;
		slice w;
		int in_title = 1;
		while (in_title && scan_word(&q, lim, &w) && w.s < ce) {
			if (w.s + w.n > ce)
				w.n = (size_t)(ce - w.s);
			if (is_title_word(w, lim))
				title_end = w.s + w.n;
			else
				in_title = 0;
		}
		slice title = trimmed(c.s, title_end);
		slice name = trimmed(title_end, ce);
		/* "Jane Roe, Deputy Assistant Secretary, Department of State, EUR": after a name,
		 * an office or a bureau is part of the title, not another name. */
		if (!title.s && name.s && pending.s && is_suffix(name)) {
			/* "Robert O. Blake, Jr.": the suffix is the name's */
			pending.n = (size_t)(name.s + name.n - pending.s);
			continue;
		}
		if (!title.s && name.s && !has_capital(name))
			continue; /* "per", "for": words before the reason */
		if (!title.s && name.s && nnames && is_office_chunk(name)) {
			title = name;
			name = (slice){ NULL, 0 };
		}
		if (title.s)
			rec_push(a, titles, sv(ctx, title));
		if (name.s) {
			if (pending.s)
				rec_push(a, names, sv(ctx, pending));
			pending = name;
			nnames++;
		}
	}
	if (pending.s)
		rec_push(a, names, sv(ctx, pending));
}

static void end_clsby(body_ctx *ctx)
{
	slice t = join(ctx, 0, ' ', NULL);
	if (t.s)
		classified_by(ctx, t, off(ctx, ctx->b.first.start));
}

static int is_heading(const body_state *b, slice t)
{
	if (b->nsegs != 1 || !t.s || t.n > 70)
		return 0;
	char last = t.s[t.n - 1];
	if (last == '.' || last == ',' || last == ';' || last == '"')
		return 0;
	if (t.s[0] == '-' || t.s[0] == '(' || isdigit((unsigned char)t.s[0]))
		return 0;
	return isalpha((unsigned char)t.s[0]);
}

/* Remembers the last line of a text block: the signature may be it. */
static void note_last_line(body_ctx *ctx, size_t prefix, int is_para)
{
	body_state *b = &ctx->b;
	if (b->nsegs == 0) {
		b->last_line.s = NULL;
		return;
	}
	b->last_line = b->segs[b->nsegs - 1];
	b->last_prefix = prefix;
	b->last_is_para = is_para;
	if (b->nsegs == 1) {
		b->last_line_alone = !is_para;
	} else {
		/* The last line stands alone when the line before it ends a sentence, or when it is
		 * in capitals after a line of mixed-case prose (SOBEL after "... NATO and"). */
		slice prev = b->segs[b->nsegs - 2];
		char c = prev.s[prev.n - 1];
		int prev_lower = 0, last_upper = 1;
		/* Both settle at the first lowercase letter. */
		for (size_t i = 0; i < prev.n && !prev_lower; i++)
			prev_lower = prev.s[i] >= 'a' && prev.s[i] <= 'z';
		for (size_t i = 0; i < b->last_line.n && last_upper; i++)
			last_upper = !(b->last_line.s[i] >= 'a' && b->last_line.s[i] <= 'z');
		b->last_line_alone = c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':' ||
				     (prev_lower && last_upper);
	}
	/* "MANZANARES ." */
	while (b->last_line.n && (b->last_line.s[b->last_line.n - 1] == '.' ||
				  b->last_line.s[b->last_line.n - 1] == ' ') &&
	       b->last_line.n >= 2 && b->last_line.s[b->last_line.n - 2] == ' ')
		b->last_line.n -= 2;
}

static void end_para(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	size_t prefix;
	slice t = join(ctx, 0, ' ', &prefix);
	cw_value *p = rec_new_item(a, F_CABLE_PARAGRAPHS);
	rec_set_int(a, p, F_PARAGRAPH_NUMBER, b->first.number);
	rec_set(a, p, F_PARAGRAPH_MARKING, sv(ctx, b->first.mark));
	rec_set(a, p, F_PARAGRAPH_HEADING, b->heading ? val_str(a, b->heading, b->heading_len) : NULL);
	rec_set(a, p, F_PARAGRAPH_TEXT, sv(ctx, t));
	rec_array(a, p, F_PARAGRAPH_SUBPARAGRAPHS); /* every paragraph has the key, empty or not */
	push_paragraph(ctx, p, t);
	b->cur_para = p;
	/* Numbers run 1, 2, 3 ... */
	int n = b->first.number;
	if (b->last_number && n != b->last_number + 1)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_PARA_SKIP", off(ctx, b->first.start),
			    "paragraph %d follows paragraph %d", n, b->last_number);
	else if (!b->last_number && n != 1)
		rec_diag_at(ctx->tg.rec, CW_NOTE, "CHK_PARA_SKIP", off(ctx, b->first.start),
			    "the first numbered paragraph is %d", n);
	b->last_number = n;
	b->seen_para = 1;
	int rank = marking_rank(b->first.mark.s, b->first.mark.n);
	if (rank > b->top_mark) {
		b->top_mark = rank;
		b->top_mark_at = b->first.start;
	}
	/* "1. (U) Classified by EUR A/S Daniel Fried. Reason 1.4(b) and (d)." */
	if (!b->classified_by && starts_with_ci(t, "Classified by"))
		classified_by(ctx, (slice){ t.s + 13, t.n - 13 }, off(ctx, b->first.start));
	note_last_line(ctx, prefix, 1);
}

static void end_subpara(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	size_t prefix;
	slice t = join(ctx, 0, ' ', &prefix);
	cw_value *p = b->cur_para;
	if (!p) {
		/* Lettered items before any numbered paragraph: a paragraph without text holds them. */
		p = rec_new_item(a, F_CABLE_PARAGRAPHS);
		rec_set_null(a, p, F_PARAGRAPH_NUMBER);
		rec_set(a, p, F_PARAGRAPH_MARKING, sv(ctx, b->first.mark));
		rec_set(a, p, F_PARAGRAPH_HEADING, b->heading ? val_str(a, b->heading, b->heading_len) : NULL);
		rec_set_null(a, p, F_PARAGRAPH_TEXT);
		push_paragraph(ctx, p, (slice){ NULL, 0 });
		b->cur_para = p;
	}
	cw_value *sp = rec_push_object(a, rec_array(a, p, F_PARAGRAPH_SUBPARAGRAPHS));
	rec_set(a, sp, F_SUBPARAGRAPH_LABEL, sv(ctx, b->first.label));
	rec_set(a, sp, F_SUBPARAGRAPH_MARKING, sv(ctx, b->first.mark));
	rec_set(a, sp, F_SUBPARAGRAPH_TEXT, sv(ctx, t));
	int rank = marking_rank(b->first.mark.s, b->first.mark.n);
	if (rank > b->top_mark) {
		b->top_mark = rank;
		b->top_mark_at = b->first.start;
	}
	b->last_line.s = NULL;
}

/* A portion marking (5 FAH-1 H-246.2): U, C, S, TS, SBU or LOU, perhaps with caveats after a
 * slash (S/NF, C//NF, SBU/NF); not an abbreviation in parentheses (CPI, SCA). */
static int is_portion_mark(slice m)
{
	static const char *const levels[] = { "TS", "SBU", "LOU", "U", "C", "S" };
	for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
		size_t n = strlen(levels[i]);
		if (m.n >= n && !memcmp(m.s, levels[i], n) && (m.n == n || m.s[n] == '/'))
			return 1;
	}
	return 0;
}

static void end_text(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	size_t prefix;
	slice t = join(ctx, 0, ' ', &prefix);
	if (!t.s)
		return;
	/* Lines before the subject and the first paragraph are office and handling lines (in an
	 * excerpt, without a header or a classification line above them, they are its text). */
	if (!b->seen_para && !ctx->blx.seen_keyword && b->nsegs == 1 && t.n <= 80 &&
	    (b->seen_classline || ctx->has_header)) {
		rec_push(a, b->pass_lines, sv(ctx, t));
		return;
	}
	slice mark;
	slice unmarked = strip_marking(t, &mark);
	if (starts_with_ci(unmarked, "Classified by") && !b->classified_by) {
		/* "(U) Classified by Ambassador X. Reasons 1.5 (b, d)." */
		classified_by(ctx, (slice){ unmarked.s + 13, unmarked.n - 13 }, off(ctx, b->first.start));
		return;
	}
	/* A short line framed by rules is a heading even when it reads like a name. */
	if (is_heading(b, t) && (b->block_after_rule || !is_name_line(t, lim_of(ctx, t)))) {
		b->heading = t.s;
		b->heading_len = t.n;
		b->heading_used = 0;
		b->last_line = t;
		b->last_line_alone = 1;
		b->last_is_para = -1; /* a heading: not in paragraphs */
		return;
	}
	/* An unnumbered paragraph with its portion marking ("(C) The minister ..."): the marking
	 * is the paragraph's, as a numbered one's is. */
	int rank = mark.s && is_portion_mark(mark) ? marking_rank(mark.s, mark.n) : -1;
	if (rank >= 0 && unmarked.s) {
		size_t cut = (size_t)(unmarked.s - t.s);
		prefix = prefix > cut ? prefix - cut : 0;
		t = unmarked;
		b->elements++; /* a portion marking is a telegram's */
		if (rank > b->top_mark) {
			b->top_mark = rank;
			b->top_mark_at = b->first.start;
		}
	} else {
		mark.s = NULL;
	}
	cw_value *p = rec_new_item(a, F_CABLE_PARAGRAPHS);
	rec_set_null(a, p, F_PARAGRAPH_NUMBER);
	rec_set(a, p, F_PARAGRAPH_MARKING, mark.s ? sv(ctx, mark) : NULL);
	rec_set(a, p, F_PARAGRAPH_HEADING, b->heading ? val_str(a, b->heading, b->heading_len) : NULL);
	rec_set(a, p, F_PARAGRAPH_TEXT, sv(ctx, t));
	rec_array(a, p, F_PARAGRAPH_SUBPARAGRAPHS);
	push_paragraph(ctx, p, t);
	b->cur_para = NULL;
	note_last_line(ctx, prefix, 0);
}

void body_block_end(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	switch (b->block) {
	case BLOCK_EO: end_eo(ctx); break;
	case BLOCK_TAGS: end_tags(ctx); break;
	case BLOCK_SUBJECT: end_subject(ctx); break;
	case BLOCK_REF: end_ref(ctx); break;
	case BLOCK_CLSBY: end_clsby(ctx); break;
	case BLOCK_PARA: end_para(ctx); break;
	case BLOCK_SUBPARA: end_subpara(ctx); break;
	case BLOCK_TEXT: end_text(ctx); break;
	}
	if (b->block != BLOCK_TEXT)
		b->elements++;
	if (b->block != BLOCK_PARA && b->block != BLOCK_TEXT && b->block != BLOCK_SUBPARA)
		b->last_line.s = NULL;
	b->block = BLOCK_NONE;
	b->nsegs = 0;
}

/* ---- after the last item ----------------------------------------------------------------- */

/* A signature run on after the last sentence of mixed-case prose, its line break lost ("... End
 * comment. DOE"): the capitals after the last ". ", when they read as a name. */
static slice glued_signature(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	slice none = { NULL, 0 }, line = b->last_line;
	if (!line.s || b->last_is_para == -1 || !b->npara || line.n < 8)
		return none;
	const char *e = line.s + line.n, *q = e;
	while (q > line.s && q[-1] != ' ')
		q--;
	/* back over at most three words of capitals to ". " */
	for (int words = 1; words <= 3; words++) {
		if (q - line.s >= 3 && q[-1] == ' ' && q[-2] == '.')
			break;
		if (words == 3 || q == line.s)
			return none;
		q--;
		while (q > line.s && q[-1] != ' ')
			q--;
	}
	slice name = trimmed(q, e);
	if (!name.s)
		return none;
	int lower = 0, letters = 0;
	for (const char *c = line.s; c < q && !lower; c++)
		lower = *c >= 'a' && *c <= 'z';
	for (size_t i = 0; i < name.n; i++) {
		char c = name.s[i];
		if (c >= 'a' && c <= 'z')
			return none;
		letters += c >= 'A' && c <= 'Z';
	}
	if (!lower || letters < 3 || name.n > 40 || name.s[name.n - 1] == '.' ||
	    !is_name_line(name, ctx->tg.lim))
		return none;
	return name;
}

/* The signature: the last line of the text, when it is a name on its own, or run on after the
 * last sentence. */
static void signature(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	slice line = b->last_line;
	if (line.s && !(b->last_line_alone && is_name_line(line, ctx->tg.lim))) {
		slice name = glued_signature(ctx);
		body_para *last = name.s ? &b->paras[b->npara - 1] : NULL;
		if (last && last->text.s && last->text.n > name.n &&
		    !memcmp(last->text.s + last->text.n - name.n, name.s, name.n)) {
			rec_push(a, b->signature, sv(ctx, name));
			b->elements++;
			slice t = trimmed(last->text.s, last->text.s + last->text.n - name.n);
			last->text = t;
			rec_set(a, last->obj, F_PARAGRAPH_TEXT, sv(ctx, t));
		}
		return;
	}
	if (!line.s || !b->last_line_alone || !is_name_line(line, ctx->tg.lim))
		return;
	/* Two signers are written "NAME1/NAME2" or "NAME1 / NAME2". */
	const char *p = line.s, *end = line.s + line.n;
	while (p < end) {
		const char *q = p;
		while (q < end && *q != '/')
			q++;
		slice name = trimmed(p, q);
		if (name.s)
			rec_push(a, b->signature, sv(ctx, name));
		p = q < end ? q + 1 : end;
		b->elements++;
	}
	/* Out of the text it ended. */
	if (b->last_is_para == -1) {
		b->heading = NULL;
	} else if (b->npara) {
		body_para *last = &b->paras[b->npara - 1];
		if (b->last_prefix == 0 || !last->text.s) {
			b->npara--; /* the paragraph was the signature */
		} else {
			last->text.n = b->last_prefix;
			rec_set(a, last->obj, F_PARAGRAPH_TEXT, sv(ctx, last->text));
		}
	}
}

/* Summary, comments and notes: spans marked inside the paragraphs' text. */
static void spans(body_ctx *ctx, const char *start)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	cw_value *summary = NULL;
	/* Every paragraph's text is a slice of the body, or slices of it joined by blanks. */
	if (!span_marks_possible(start, ctx->tg.lim))
		return;
	for (size_t m = 0; m < b->npara; m++) {
		size_t n = b->paras[m].text.n;
		const char *t = b->paras[m].text.s;
		if (!t)
			continue;
		const char *p = t, *end = t + n;
		const char *lim = lim_of(ctx, (slice){ t, n });
		slice mark;
		int kind;
		while ((kind = scan_span_mark(&p, end, lim, &mark)) != SPAN_NONE) {
			int want_end = kind == SPAN_SUMMARY ? SPAN_END_SUMMARY
				       : kind == SPAN_COMMENT ? SPAN_END_COMMENT
				       : kind == SPAN_NOTE ? SPAN_END_NOTE
							    : 0;
			if (!want_end)
				continue;
			/* The span ends at its end marker in this paragraph or a later one, else with
			 * its paragraph. */
			const char *s0 = p, *s1 = end;
			size_t mm = m;
			const char *q = p, *qend = end;
			slice em;
			int found = 0;
			for (int hops = 0; mm < b->npara && hops < 50 && !found; hops++) {
				int k2;
				while ((k2 = scan_span_mark(&q, qend, lim_of(ctx, (slice){ q, (size_t)(qend - q) }), &em)) != SPAN_NONE)
					if (k2 == want_end) {
						found = 1;
						break;
					}
				if (found || kind == SPAN_NOTE)
					break;
				mm++;
				if (mm < b->npara) {
					const char *t2 = b->paras[mm].text.s;
					if (!t2)
						break;
					q = t2, qend = t2 + b->paras[mm].text.n;
				}
			}
			slice span;
			if (found && mm == m) {
				s1 = em.s;
				span = trimmed(s0, s1);
				if (span.s)
					span = (slice){ span.s, span.n };
			} else if (found) {
				/* Across paragraphs: copy the pieces with a blank line between. */
				size_t total = (size_t)(end - s0) + 2;
				for (size_t x = m + 1; x < b->npara; x++) {
					size_t n3 = b->paras[x].text.n;
					const char *t3 = b->paras[x].text.s;
					if (x == mm) {
						total += (size_t)(em.s - t3);
						break;
					}
					total += n3 + 2;
				}
				char *buf = arena_alloc(a, total + 1);
				size_t k = 0;
				memcpy(buf + k, s0, (size_t)(end - s0));
				k += (size_t)(end - s0);
				for (size_t x = m + 1; x < b->npara; x++) {
					size_t n3 = b->paras[x].text.n;
					const char *t3 = b->paras[x].text.s;
					buf[k++] = '\n';
					buf[k++] = '\n';
					size_t take = x == mm ? (size_t)(em.s - t3) : n3;
					if (t3)
						memcpy(buf + k, t3, take);
					k += take;
					if (x == mm)
						break;
				}
				span = trimmed(buf, buf + k);
			} else {
				span = trimmed(s0, s1);
			}
			while (span.s && span.n && (span.s[0] == ':' || span.s[0] == '.' || span.s[0] == '-'))
				span = trimmed(span.s + 1, span.s + span.n);
			if (!span.s)
				continue;
			b->elements++;
			if (kind == SPAN_SUMMARY) {
				if (!summary)
					summary = rec_set(a, ctx->tg.rec->root, F_CABLE_SUMMARY, sv(ctx, span));
				b->has_summary = 1;
			} else {
				rec_push(a, kind == SPAN_COMMENT ? b->comments : b->notes, sv(ctx, span));
			}
			/* Scanning goes on right after the start marker: spans nest (a note inside a
			 * comment). */
		}
	}
}

/* A summary under its own heading (SUMMARY, underlined or not) rather than in marks: the first
 * paragraph under it. */
static void summary_heading(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	for (size_t m = 0; m < b->npara && !b->has_summary; m++) {
		slice h = b->paras[m].heading;
		while (h.n && (h.s[h.n - 1] == ':' || h.s[h.n - 1] == ' '))
			h.n--;
		if (h.n != 7 || !starts_with_ci(h, "SUMMARY") || !b->paras[m].text.s)
			continue;
		/* The paragraphs under the heading, up to an END SUMMARY among them. */
		size_t last = m, total = 0;
		const char *cut = NULL;
		for (size_t x = m; x < b->npara && b->paras[x].heading.s == b->paras[m].heading.s; x++) {
			slice t = b->paras[x].text;
			last = x;
			for (size_t i = 0; t.s && i + 11 <= t.n && !cut; i++)
				if (starts_with_ci((slice){ t.s + i, t.n - i }, "END SUMMARY"))
					cut = t.s + i;
			total += t.n + 2;
			if (cut)
				break;
		}
		char *buf = arena_alloc(ctx->tg.a, total + 1);
		size_t k = 0;
		for (size_t x = m; buf && x <= last; x++) {
			slice t = b->paras[x].text;
			size_t take = x == last && cut ? (size_t)(cut - t.s) : (t.s ? t.n : 0);
			if (k && take)
				buf[k++] = '\n', buf[k++] = '\n';
			if (take)
				memcpy(buf + k, t.s, take);
			k += take;
		}
		slice span = buf ? trimmed(buf, buf + k) : (slice){ NULL, 0 };
		while (span.s && span.n && span.s[span.n - 1] == ' ')
			span.n--;
		if (span.s && span.n) {
			rec_set(ctx->tg.a, ctx->tg.rec->root, F_CABLE_SUMMARY, val_str(ctx->tg.a, span.s, span.n));
			b->has_summary = 1;
			b->elements++;
		}
		break; /* the first SUMMARY heading only: each paragraph is read once */
	}
}

/* A heading-like last line that no paragraph came under is text, not dropped: "Appears in
 * these articles", or an excerpt's only line. */
static void dangling_heading(body_ctx *ctx)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	if (!b->heading || b->heading_used)
		return;
	slice t = { b->heading, b->heading_len };
	b->heading = NULL;
	cw_value *p = rec_new_item(a, F_CABLE_PARAGRAPHS);
	rec_set_null(a, p, F_PARAGRAPH_NUMBER);
	rec_set_null(a, p, F_PARAGRAPH_MARKING);
	rec_set_null(a, p, F_PARAGRAPH_HEADING);
	rec_set(a, p, F_PARAGRAPH_TEXT, sv(ctx, t));
	rec_array(a, p, F_PARAGRAPH_SUBPARAGRAPHS);
	push_paragraph(ctx, p, t);
}

void body_parse(body_ctx *ctx, const char *start)
{
	body_state *b = &ctx->b;
	arena *a = ctx->tg.a;
	cw_value *root = ctx->tg.rec->root;
	memset(b, 0, sizeof(*b));
	b->top_mark = -1;
	b->captions = rec_array(a, root, F_CABLE_CAPTIONS);
	b->pass_lines = rec_array(a, root, F_CABLE_PASS_LINES);
	rec_set_null(a, root, F_CABLE_EO);
	b->tags = rec_array(a, root, F_CABLE_TAGS);
	rec_set_null(a, root, F_CABLE_SUBJECT);
	rec_set_null(a, root, F_CABLE_SUBJECT_MARKING);
	b->references = rec_array(a, root, F_CABLE_REFERENCES);
	rec_set_null(a, root, F_CABLE_CLASSIFIED_BY);
	b->paragraphs = rec_array(a, root, F_CABLE_PARAGRAPHS);
	rec_set_null(a, root, F_CABLE_SUMMARY);
	b->comments = rec_array(a, root, F_CABLE_COMMENTS);
	b->notes = rec_array(a, root, F_CABLE_NOTES);
	b->signature = rec_array(a, root, F_CABLE_SIGNATURE);

	body_lexer_init(&ctx->blx, ctx->tg.text, start, ctx->tg.lim);
	cw_body_parse(ctx);
	/* A report no error rule took (the parser gave up), and its block: not lost. */
	body_out_of_place(ctx);
	signature(ctx);
	dangling_heading(ctx);
	spans(ctx, start);
	summary_heading(ctx);
	put_paragraphs(ctx);

	cw_value *furn = rec_set_object(a, root, F_CABLE_FURNITURE);
	rec_set_int(a, furn, F_FURNITURE_PAGE_BREAKS, (int64_t)ctx->blx.page_breaks);
	rec_set_int(a, furn, F_FURNITURE_SECTION_MARKERS, (int64_t)ctx->blx.section_markers);
	rec_set_int(a, furn, F_FURNITURE_ROUTING_BLOCKS, (int64_t)ctx->blx.routing_blocks);
	rec_set_int(a, furn, F_FURNITURE_DUMP_LINES, (int64_t)b->dumps);
	if (b->dumps)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "BODY_DUMP_LEFTOVER", b->first_dump,
			    "%zu line%s left over from the leak's database dump (not part of the "
			    "telegram)", b->dumps, b->dumps == 1 ? "" : "s");
	free(b->segs);
	b->segs = NULL;
	free(b->paras);
	b->paras = NULL;
}
