/* Attributions in the body: "told Army Radio", "according to", "... reported". */
#include <string.h>

#include "lexer/article/article_fields.h"
#include "parser/article/story.h"
#include "parser/core/fields.h"

void art_attributions(article_ctx *ctx, const char *s, const char *e, size_t para)
{
	attribution_fields at;
	const char *q = s;
	while (scan_attribution(&q, e, ctx->lim, &at)) {
		cw_value *o = rec_push_object(ctx->a, ctx->attributions);
		/* wrapped lines read as one */
		rec_set(ctx->a, o, F_ATTRIBUTION_TEXT, art_para_text(ctx, at.text.s, at.text.s + at.text.n));
		slice src = at.source;
		if (src.n > 4 && !strncmp(src.s, "The ", 4)) {
			src.s += 4;
			src.n -= 4;
		}
		rec_set(ctx->a, o, F_ATTRIBUTION_SOURCE,
			src.s ? art_para_text(ctx, src.s, src.s + src.n) : val_null(ctx->a));
		rec_set_int(ctx->a, o, F_ATTRIBUTION_PARAGRAPH, (int64_t)para);
	}
}
