/* The agencies a story credits: named by its dateline, bylines, credits, contributor lines, the
 * wire's sender or the sign-off, each once, in canonical spelling (lexer/article/article.re). */
#include <string.h>

#include "lexer/article/article_fields.h"
#include "parser/article/story.h"
#include "parser/core/fields.h"

void art_add_agency(article_ctx *ctx, const char *name)
{
	if (!name)
		return;
	for (size_t i = 0; i < ctx->nagencies; i++)
		if (!strcmp(ctx->agencies_seen[i], name))
			return;
	if (ctx->nagencies == ctx->capagencies) {
		size_t cap = ctx->capagencies ? ctx->capagencies * 2 : 8;
		const char **n = arena_alloc(ctx->a, cap * sizeof(*n));
		if (!n)
			return;
		if (ctx->nagencies)
			memcpy(n, ctx->agencies_seen, ctx->nagencies * sizeof(*n));
		ctx->agencies_seen = n;
		ctx->capagencies = cap;
	}
	ctx->agencies_seen[ctx->nagencies++] = name;
	rec_push(ctx->a, ctx->agencies, val_cstr(ctx->a, name));
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
