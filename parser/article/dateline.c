/* The dateline: where and when the story was filed, as data; its text stays in the first
 * paragraph, and its offset says where. */
#include <string.h>

#include "lexer/article/article_fields.h"
#include "parser/article/story.h"
#include "parser/core/fields.h"

int art_dateline(article_ctx *ctx, const char *s, const char *e)
{
	if (ctx->seen_dateline)
		return 0;
	dateline_fields d;
	if (!scan_dateline(s, e, ctx->lim, &d))
		return 0;
	ctx->seen_dateline = 1;
	ctx->dateline_text = d.text;
	cw_value *o = rec_set_object(ctx->a, ctx->root, F_ARTICLE_DATELINE);
	rec_set(ctx->a, o, F_DATELINE_TEXT, art_str(ctx, d.text));
	rec_set(ctx->a, o, F_DATELINE_LOCATION, art_str(ctx, d.location));
	rec_set(ctx->a, o, F_DATELINE_REGION, art_str(ctx, d.region));
	rec_set(ctx->a, o, F_DATELINE_DATE, art_str(ctx, d.date));
	rec_set(ctx->a, o, F_DATELINE_AGENCY, art_str(ctx, d.agency));
	rec_set_int(ctx->a, o, F_DATELINE_OFFSET, art_file_offset(ctx, d.text.s));
	art_add_agencies_in(ctx, d.agency);
	return 1;
}
