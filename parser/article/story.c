/* What every part of the article parser works with: offsets in the story's text and in its
 * file, and a paragraph's text as a value. */
#include <string.h>

#include "parser/article/story.h"

size_t art_off(const article_ctx *ctx, const char *p) { return (size_t)(p - ctx->text); }

int64_t art_file_offset(const article_ctx *ctx, const char *p)
{
	return (int64_t)(ctx->rec->file_offset + text_input_offset(&ctx->rec->text, art_off(ctx, p)));
}

slice art_join(article_ctx *ctx, const char *s, const char *e)
{
	const char *nl = memchr(s, '\n', (size_t)(e - s));
	if (!nl)
		return (slice){ s, (size_t)(e - s) };
	/* every byte of the result and the NUL after it are written below: not cleared first */
	char *buf = arena_alloc_raw(ctx->a, (size_t)(e - s) + 1);
	if (!buf)
		return (slice){ NULL, 0 };
	/* A line at a time: copied whole, then its line end made one space with the blanks
	 * around it dropped. The first line's end is the one found above. */
	size_t n = 0;
	for (const char *q = s; q < e; nl = q < e ? memchr(q, '\n', (size_t)(e - q)) : NULL) {
		const char *stop = nl ? nl : e;
		memcpy(buf + n, q, (size_t)(stop - q));
		n += (size_t)(stop - q);
		if (!nl)
			break;
		while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
			n--;
		buf[n++] = ' ';
		q = nl + 1;
		while (q < e && (*q == ' ' || *q == '\t'))
			q++;
	}
	buf[n] = '\0'; /* as the cleared block ended it */
	return (slice){ buf, n };
}

cw_value *art_para_text(article_ctx *ctx, const char *s, const char *e)
{
	return art_str(ctx, art_join(ctx, s, e));
}

cw_value *art_str(article_ctx *ctx, slice s)
{
	return s.s ? val_str(ctx->a, s.s, s.n) : val_null(ctx->a);
}

slice art_trimmed(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '=' ||
			 e[-1] == '<' || e[-1] == '@'))
		e--;
	slice r = { s < e ? s : NULL, s < e ? (size_t)(e - s) : 0 };
	return r;
}
