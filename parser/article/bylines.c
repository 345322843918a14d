/* Who wrote the story: bylines (name, title, affiliation), the title or affiliation line under
 * a byline, and bios. */
#include <string.h>

#include "lexer/article/article_fields.h"
#include "parser/article/story.h"
#include "parser/core/fields.h"

static void new_byline(article_ctx *ctx, slice name)
{
	cw_value *b = rec_push_object(ctx->a, ctx->bylines);
	rec_set(ctx->a, b, F_BYLINE_NAME, art_str(ctx, name));
	rec_set_null(ctx->a, b, F_BYLINE_TITLE);
	rec_set_null(ctx->a, b, F_BYLINE_AFFILIATION);
	ctx->nbylines++;
	if (ctx->nline == ctx->capline) {
		size_t cap = ctx->capline ? ctx->capline * 2 : 4;
		struct art_byline *n = arena_alloc(ctx->a, cap * sizeof(*n));
		if (!n)
			return;
		if (ctx->nline)
			memcpy(n, ctx->line_bylines, ctx->nline * sizeof(*n));
		ctx->line_bylines = n;
		ctx->capline = cap;
	}
	ctx->line_bylines[ctx->nline++] = (struct art_byline){ b, 0, 0 };
}

/* Sets the title (or the affiliation) of the latest byline line's bylines that have none. */
static void set_on_line(article_ctx *ctx, int title, slice value)
{
	for (size_t i = 0; i < ctx->nline; i++) {
		struct art_byline *b = &ctx->line_bylines[i];
		int *has = title ? &b->has_title : &b->has_affil;
		if (*has)
			continue;
		rec_set(ctx->a, b->obj, title ? F_BYLINE_TITLE : F_BYLINE_AFFILIATION,
			art_str(ctx, value));
		*has = value.s != NULL;
	}
}

/* Whether only " and " (blanks around it) stands between a and b, parts of one line. */
static int joined_by_and(slice a, slice b)
{
	const char *p = a.s + a.n;
	while (p < b.s && *p == ' ')
		p++;
	if (b.s - p < 3 || strncmp(p, "and", 3))
		return 0;
	for (p += 3; p < b.s; p++)
		if (*p != ' ')
			return 0;
	return 1;
}

/* Whether a part holds a word in lower case ("of", "for"): an organisation's name, not a
 * person's. */
static int has_lowercase_word(slice a)
{
	for (size_t i = 1; i < a.n; i++)
		if (a.s[i - 1] == ' ' && a.s[i] >= 'a' && a.s[i] <= 'z')
			return 1;
	return 0;
}

/* "Jane Doe, ESPN": a part of one word of two to six capitals (digits and '&' among them) after
 * a comma and a name of two words or more is who the writer works for, not a second writer (no
 * name stands alone so). */
static int acronym_after_name(slice name, slice part)
{
	if (!name.s || part.n < 2 || part.n > 6 || memchr(name.s, ' ', name.n) == NULL)
		return 0;
	const char *p = name.s + name.n;
	while (p < part.s && *p == ' ')
		p++;
	if (p >= part.s || *p != ',')
		return 0;
	size_t caps = 0;
	for (size_t i = 0; i < part.n; i++) {
		char c = part.s[i];
		if (c >= 'A' && c <= 'Z')
			caps++;
		else if (!(c >= '0' && c <= '9') && c != '&')
			return 0;
	}
	return caps >= 2;
}

void art_byline(article_ctx *ctx, size_t i)
{
	const apara *p = &ctx->p[i];
	const char *rest = p->s;
	/* A name the document marks as one (NITF's person, NewsML-G2's creator): as it stands,
	 * one byline of the same line as the names before it, until a title or affiliation
	 * comes. */
	if (p->part == BYLINE_NAME) {
		if (i == 0 || ctx->p[i - 1].part != BYLINE_NAME)
			ctx->nline = 0;
		new_byline(ctx, art_trimmed(p->s, p->e));
		return;
	}
	scan_by_word(p->s, p->e, ctx->lim, &rest);
	ctx->nline = 0; /* a new byline line */
	slice part;
	int names = 0;
	slice title = { NULL, 0 }, affil = { NULL, 0 };
	int last_kind = -1;
	slice prev = { NULL, 0 };
	while (scan_name_part(&rest, p->e, ctx->lim, &part)) {
		part = art_trimmed(part.s, part.s + part.n);
		if (!part.s)
			continue;
		if (last_kind == PART_AGENCY && affil.s && joined_by_and(affil, part) &&
		    has_lowercase_word(affil)) {
			/* "U.S. National Institute of Allergy and Infectious Diseases": an
			 * organisation's name goes on after its "and" */
			affil.n = (size_t)(part.s + part.n - affil.s);
			continue;
		}
		int kind = classify_part(part, ctx->lim);
		if ((kind == PART_NAME || kind == 0) && last_kind == PART_NAME &&
		    acronym_after_name(prev, part))
			kind = PART_AGENCY;
		if (kind == PART_AGENCY && !agency_canonical(part)) {
			/* Brad Sample Reuters: a name run into the agency. */
			const char *last = part.s + part.n;
			while (last > part.s && last[-1] != ' ')
				last--;
			slice tail = { last, (size_t)(part.s + part.n - last) };
			slice head = art_trimmed(part.s, last);
			if (head.s && agency_canonical(tail) && classify_part(head, ctx->lim) == PART_NAME) {
				new_byline(ctx, head);
				names++;
				part = tail;
			}
		}
		if (kind == PART_NAME || kind == 0) {
			new_byline(ctx, part);
			names++;
		} else if (kind == PART_TITLE) {
			/* "Chief Engineering Officer and Head of Rolling Stock": one title of two
			 * parts, as written */
			if (title.s && last_kind == PART_TITLE)
				title.n = (size_t)(part.s + part.n - title.s);
			else
				title = part;
		} else {
			affil = part;
			art_add_agencies_in(ctx, part);
		}
		last_kind = kind;
		prev = part;
	}
	if (!names && (title.s || affil.s)) {
		/* By dpa correspondents: no person named */
		new_byline(ctx, (slice){ NULL, 0 });
	}
	if (title.s) {
		set_on_line(ctx, 1, title);
		/* AP Business Writer: the title names the agency too */
		const char *w = title.s;
		size_t n = strcspn(w, " ");
		if (n < title.n)
			art_add_agency(ctx, agency_canonical((slice){ w, n }));
	}
	if (affil.s)
		set_on_line(ctx, 0, affil);
}

void art_affil(article_ctx *ctx, size_t i)
{
	const apara *p = &ctx->p[i];
	slice line = art_trimmed(p->s, p->e);
	if (!line.s)
		return;
	/* The document says which it is (NITF's byttl and its org). */
	int kind = p->part == BYLINE_TITLE ? PART_TITLE
		 : p->part == BYLINE_AFFIL ? PART_AGENCY
					   : classify_part(line, ctx->lim);
	if (kind == PART_TITLE) {
		set_on_line(ctx, 1, line);
		size_t n = strcspn(line.s, " ");
		if (n < line.n)
			art_add_agency(ctx, agency_canonical((slice){ line.s, n }));
	} else {
		set_on_line(ctx, 0, line);
		art_add_agencies_in(ctx, line);
	}
}

void art_bio(article_ctx *ctx, size_t i)
{
	rec_push(ctx->a, ctx->bio, art_para_text(ctx, ctx->p[i].s, ctx->p[i].e));
}
