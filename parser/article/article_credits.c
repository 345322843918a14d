/* Who wrote, shot, told and carried the story: bylines and their title lines, bios, datelines,
 * photo credits, contributor lines, attributions, and the agencies credited by any of them. */
#include <string.h>

#include "parser/article/article.h"
#include "lexer/article/article_fields.h"

static cw_value *sv(article_ctx *ctx, slice s)
{
	return s.s ? val_str(ctx->a, s.s, s.n) : val_null(ctx->a);
}

static slice trimmed(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '=' ||
			 e[-1] == '<' || e[-1] == '@'))
		e--;
	slice r = { s < e ? s : NULL, s < e ? (size_t)(e - s) : 0 };
	return r;
}

/* ---- agencies ------------------------------------------------------------------------------- */

void art_add_agency(article_ctx *ctx, const char *name)
{
	if (!name)
		return;
	for (const cw_member *m = cw_value_first(ctx->agencies); m; m = cw_member_next(m)) {
		const char *s = cw_value_string(cw_member_value(m), NULL);
		if (s && !strcmp(s, name))
			return;
	}
	arr_push(ctx->a, ctx->agencies, val_cstr(ctx->a, name));
}

void art_add_agencies_in(article_ctx *ctx, slice words)
{
	if (!words.s)
		return;
	const char *whole = agency_canonical(words);
	if (whole) {
		art_add_agency(ctx, whole);
		return;
	}
	/* tca/dpa: each side of a slash */
	const char *p = words.s, *e = words.s + words.n;
	while (p < e && memchr(words.s, '/', words.n)) {
		const char *q = memchr(p, '/', (size_t)(e - p));
		const char *end = q ? q : e;
		art_add_agency(ctx, agency_canonical((slice){ p, (size_t)(end - p) }));
		p = q ? q + 1 : e;
	}
}

/* ---- bylines --------------------------------------------------------------------------------- */

static cw_value *new_byline(article_ctx *ctx, slice name)
{
	cw_value *b = val_object(ctx->a);
	obj_put(ctx->a, b, "name", sv(ctx, name));
	obj_put(ctx->a, b, "title", NULL);
	obj_put(ctx->a, b, "affiliation", NULL);
	arr_push(ctx->a, ctx->bylines, b);
	return b;
}

/* Sets key on the bylines of the latest byline line that do not have it yet. */
static void set_on_line(article_ctx *ctx, const char *key, slice value)
{
	size_t i = 0;
	for (const cw_member *m = cw_value_first(ctx->bylines); m; m = cw_member_next(m), i++) {
		if (i < ctx->byline_from)
			continue;
		cw_value *b = (cw_value *)cw_member_value(m);
		if (cw_value_type(cw_value_get(b, key)) == CW_NULL)
			obj_put(ctx->a, b, key, sv(ctx, value));
	}
}

void art_byline(article_ctx *ctx, size_t i)
{
	const apara *p = &ctx->p[i];
	const char *rest = p->s;
	scan_by_word(p->s, p->e, ctx->lim, &rest);
	ctx->byline_from = cw_value_count(ctx->bylines);
	slice part;
	int names = 0;
	slice title = { NULL, 0 }, affil = { NULL, 0 };
	while (scan_name_part(&rest, p->e, ctx->lim, &part)) {
		part = trimmed(part.s, part.s + part.n);
		if (!part.s)
			continue;
		int kind = classify_part(part, ctx->lim);
		if (kind == PART_AGENCY && !agency_canonical(part)) {
			/* Brad Sample Reuters: a name run into the agency. */
			const char *last = part.s + part.n;
			while (last > part.s && last[-1] != ' ')
				last--;
			slice tail = { last, (size_t)(part.s + part.n - last) };
			slice head = trimmed(part.s, last);
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
			title = part;
		} else {
			affil = part;
			art_add_agencies_in(ctx, part);
		}
	}
	if (!names && (title.s || affil.s)) {
		/* By dpa correspondents: no person named */
		new_byline(ctx, (slice){ NULL, 0 });
	}
	if (title.s) {
		set_on_line(ctx, "title", title);
		/* AP Business Writer: the title names the agency too */
		const char *w = title.s;
		size_t n = strcspn(w, " ");
		if (n < title.n)
			art_add_agency(ctx, agency_canonical((slice){ w, n }));
	}
	if (affil.s)
		set_on_line(ctx, "affiliation", affil);
}

void art_affil(article_ctx *ctx, size_t i)
{
	const apara *p = &ctx->p[i];
	slice line = trimmed(p->s, p->e);
	if (!line.s)
		return;
	int kind = classify_part(line, ctx->lim);
	if (kind == PART_TITLE) {
		set_on_line(ctx, "title", line);
		size_t n = strcspn(line.s, " ");
		if (n < line.n)
			art_add_agency(ctx, agency_canonical((slice){ line.s, n }));
	} else {
		set_on_line(ctx, "affiliation", line);
		art_add_agencies_in(ctx, line);
	}
}

void art_bio(article_ctx *ctx, size_t i)
{
	arr_push(ctx->a, ctx->bio, art_para_text(ctx, ctx->p[i].s, ctx->p[i].e));
}

/* ---- photo credits ---------------------------------------------------------------------------- */

void art_photo(article_ctx *ctx, size_t i)
{
	const apara *p = &ctx->p[i];
	const char *s = p->s, *caption_from = p->s;
	photo_fields ph;
	while (scan_photo_credit(s, p->e, ctx->lim, &ph)) {
		cw_value *o = val_object(ctx->a);
		obj_put(ctx->a, o, "credit", sv(ctx, ph.credit));
		const char *canon = agency_canonical(ph.agency);
		obj_put(ctx->a, o, "agency", canon ? val_cstr(ctx->a, canon) : sv(ctx, ph.agency));
		obj_put(ctx->a, o, "photographer", sv(ctx, ph.photographer));
		slice cap = trimmed(caption_from, ph.start);
		obj_put(ctx->a, o, "caption", cap.s ? art_para_text(ctx, cap.s, cap.s + cap.n) : val_null(ctx->a));
		arr_push(ctx->a, ctx->photos, o);
		art_add_agency(ctx, canon);
		s = ph.credit.s + ph.credit.n;
		caption_from = s;
	}
}

/* ---- contributors ----------------------------------------------------------------------------- */

/* "Hannah Lind in Cheyenne", "Jane Doe at the United Nations": the name ends before the place. */
static slice without_place(slice part)
{
	static const char *const cuts[] = { " in ", " at ", " from " };
	for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
		size_t n = strlen(cuts[k]);
		for (const char *q = part.s; q && q + n < part.s + part.n; q++)
			if (!memcmp(q, cuts[k], n) && q > part.s) {
				part.n = (size_t)(q - part.s);
				break;
			}
	}
	return part;
}

void art_contrib(article_ctx *ctx, size_t i)
{
	const apara *p = &ctx->p[i];
	cw_value *o = val_object(ctx->a);
	obj_put(ctx->a, o, "text", art_para_text(ctx, p->s, p->e));
	contrib_fields c;
	cw_value *names = NULL;
	const char *agency = NULL;
	if (scan_contributor(p->s, p->e, ctx->lim, &c)) {
		agency = agency_canonical(c.agency);
		names = val_array(ctx->a);
		const char *q = c.names.s;
		slice part;
		while (scan_name_part(&q, c.names.s + c.names.n, ctx->lim, &part)) {
			part = without_place(part);
			if (classify_part(part, ctx->lim) == PART_NAME)
				arr_push(ctx->a, names, sv(ctx, part));
		}
	}
	obj_put(ctx->a, o, "agency", val_cstr(ctx->a, agency));
	obj_put(ctx->a, o, "names", names ? names : val_array(ctx->a));
	arr_push(ctx->a, ctx->contributors, o);
	art_add_agency(ctx, agency);
}

/* ---- dateline ---------------------------------------------------------------------------------- */

int art_dateline(article_ctx *ctx, const char *s, const char *e)
{
	if (ctx->seen_dateline)
		return 0;
	dateline_fields d;
	if (!scan_dateline(s, e, ctx->lim, &d))
		return 0;
	ctx->seen_dateline = 1;
	cw_value *o = obj_put(ctx->a, ctx->root, "dateline", val_object(ctx->a));
	obj_put(ctx->a, o, "text", sv(ctx, d.text));
	obj_put(ctx->a, o, "location", sv(ctx, d.location));
	obj_put(ctx->a, o, "region", sv(ctx, d.region));
	obj_put(ctx->a, o, "date", sv(ctx, d.date));
	obj_put(ctx->a, o, "agency", sv(ctx, d.agency));
	obj_put_int(ctx->a, o, "offset", art_file_offset(ctx, d.text.s));
	art_add_agencies_in(ctx, d.agency);
	return 1;
}

/* ---- attributions ------------------------------------------------------------------------------ */

void art_attributions(article_ctx *ctx, const char *s, const char *e, size_t para)
{
	attribution_fields at;
	const char *q = s;
	while (scan_attribution(&q, e, ctx->lim, &at)) {
		cw_value *o = val_object(ctx->a);
		/* wrapped lines read as one */
		obj_put(ctx->a, o, "text", art_para_text(ctx, at.text.s, at.text.s + at.text.n));
		slice src = at.source;
		if (src.n > 4 && !strncmp(src.s, "The ", 4)) {
			src.s += 4;
			src.n -= 4;
		}
		obj_put(ctx->a, o, "source", src.s ? art_para_text(ctx, src.s, src.s + src.n) : val_null(ctx->a));
		obj_put_int(ctx->a, o, "paragraph", (int64_t)para);
		arr_push(ctx->a, ctx->attributions, o);
	}
}
