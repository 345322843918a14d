#include "parser/input/say.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static _Thread_local cw_message_fn handler;
static _Thread_local void *handler_ctx;

void cw_set_message_handler(cw_message_fn fn, void *ctx)
{
	handler = fn;
	handler_ctx = ctx;
}

void say(const char *fmt, ...)
{
	if (!handler)
		return;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof line) {
		handler(handler_ctx, line);
		return;
	}
	/* A long path: the whole message, not a cut one. */
	char *big = malloc((size_t)n + 1);
	if (!big) {
		handler(handler_ctx, line);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	handler(handler_ctx, big);
	free(big);
}
