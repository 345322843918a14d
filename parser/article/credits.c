/* Who else made the story: photo credits with the captions they end, and contributor lines
 * ("... contributed to this report", "Reporting by ..."). */
#include <string.h>

#include "lexer/article/article_fields.h"
#include "parser/article/story.h"
#include "parser/core/fields.h"

void art_photo(article_ctx *ctx, size_t i)
{
	const apara *p = &ctx->p[i];
	const char *s = p->s, *caption_from = p->s;
	photo_fields ph;
	while (scan_photo_credit(s, p->e, ctx->lim, &ph)) {
		cw_value *o = rec_push_object(ctx->a, ctx->photos);
		rec_set(ctx->a, o, F_PHOTO_CREDIT_CREDIT, art_str(ctx, ph.credit));
		const char *canon = agency_canonical(ph.agency);
		rec_set(ctx->a, o, F_PHOTO_CREDIT_AGENCY,
			canon ? val_cstr(ctx->a, canon) : art_str(ctx, ph.agency));
		rec_set(ctx->a, o, F_PHOTO_CREDIT_PHOTOGRAPHER, art_str(ctx, ph.photographer));
		slice cap = art_trimmed(caption_from, ph.start);
		rec_set(ctx->a, o, F_PHOTO_CREDIT_CAPTION,
			cap.s ? art_para_text(ctx, cap.s, cap.s + cap.n) : val_null(ctx->a));
		art_add_agency(ctx, canon);
		s = ph.credit.s + ph.credit.n;
		caption_from = s;
	}
}

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
	cw_value *o = rec_push_object(ctx->a, ctx->contributors);
	rec_set(ctx->a, o, F_CONTRIBUTOR_TEXT, art_para_text(ctx, p->s, p->e));
	contrib_fields c;
	cw_value *names = NULL;
	const char *agency = NULL;
	if (scan_contributor(p->s, p->e, ctx->lim, &c)) {
		agency = agency_canonical(c.agency);
		names = rec_new_array(ctx->a, F_CONTRIBUTOR_NAMES);
		const char *q = c.names.s;
		slice part;
		while (scan_name_part(&q, c.names.s + c.names.n, ctx->lim, &part)) {
			part = without_place(part);
			if (classify_part(part, ctx->lim) == PART_NAME)
				rec_push(ctx->a, names, art_str(ctx, part));
		}
	}
	rec_set(ctx->a, o, F_CONTRIBUTOR_AGENCY, val_cstr(ctx->a, agency));
	rec_set(ctx->a, o, F_CONTRIBUTOR_NAMES, names ? names : rec_new_array(ctx->a, F_CONTRIBUTOR_NAMES));
	art_add_agency(ctx, agency);
}
