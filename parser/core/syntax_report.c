#include "parser/core/syntax_report.h"

#include <stdio.h>

void syntax_report_keep(syntax_report *r, size_t at, const char *got, const char *where,
			const char *const *expected, int n, int more, enum syntax_style style,
			const char *tail)
{
	char *buf = r->message;
	size_t size = sizeof r->message;
	size_t used = (size_t)snprintf(buf, size, "%s%s", got, where);
	const char *open = style == SYNTAX_SEMICOLON ? "; expected " : " (expected ";
	for (int i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i == 0 ? open : (i == n - 1 && !more ? " or " : ", "),
					 expected[i]);
	if (style == SYNTAX_SEMICOLON) {
		if (more && used < size)
			snprintf(buf + used, size - used, ", ...");
	} else if (n && used < size) {
		snprintf(buf + used, size - used, "%s)%s", more ? ", ..." : "", tail ? tail : "");
	}
	r->at = at;
	r->pending = 1;
}

int syntax_report_take(syntax_report *r)
{
	if (!r->pending)
		return 0;
	r->pending = 0;
	if (r->reported && r->at == r->reported_at)
		return 0;
	r->reported = 1;
	r->reported_at = r->at;
	return 1;
}
