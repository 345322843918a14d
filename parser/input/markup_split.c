/* Cutting streams of markup documents into units, as they arrive (the contract of
 * lexer/input/split.h: resumable, every byte looked at once). */
#include <string.h>

#include "lexer/input/markup.h"

/* XML documents back to back: a new one starts at an XML declaration at the start of a line,
 * after the first document has begun. The scan resumes a few bytes back, so a declaration cut
 * between two feeds is still seen. */
size_t split_xml_documents(split_state *st, const char *buf, size_t len, int finished)
{
	static const char decl[] = "\n<?xml";
	const size_t dn = sizeof decl - 1;
	size_t i = st->scan;
	if (!st->started) {
		/* The first declaration or element of this unit: later ones part documents. */
		while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
			i++;
		if (i >= len) {
			st->scan = i;
			return finished ? len : 0;
		}
		st->started = 1;
	}
	for (;;) {
		const char *nl = i < len ? memchr(buf + i, '\n', len - i) : NULL;
		if (!nl)
			break;
		size_t at = (size_t)(nl - buf);
		if (len - at < dn) {
			i = at;
			break;
		}
		if (!memcmp(nl, decl, dn)) {
			st->scan = 0;
			st->started = 0;
			return at + 1;
		}
		i = at + 1;
	}
	st->scan = i < len ? i : len;
	if (finished) {
		st->started = 0;
		st->scan = 0;
		return len;
	}
	return 0;
}

/* JSON objects one after another (JSON Lines, or pretty-printed objects): a unit ends where the
 * braces opened by its first object close, strings and their escapes skipped; the rest of that
 * line goes with it. */
/* After the object's closing brace: the blanks and the line end that follow it belong to it. Waits
 * for more input when the buffer ends among those blanks (a chunk boundary must not move the
 * cut). */
static size_t json_tail(split_state *st, const char *buf, size_t len, int finished)
{
	size_t end = st->json_end;
	while (end < len && (buf[end] == ' ' || buf[end] == '\t' || buf[end] == '\r'))
		end++;
	if (end >= len && !finished) {
		st->scan = len;
		return 0;
	}
	if (end < len && buf[end] == '\n')
		end++;
	split_reset(st);
	return end;
}

size_t split_json_objects(split_state *st, const char *buf, size_t len, int finished)
{
	if (st->json_end)
		return json_tail(st, buf, len, finished);
	size_t i = st->scan;
	for (; i < len; i++) {
		char c = buf[i];
		if (st->json_string) {
			if (st->json_escape)
				st->json_escape = 0;
			else if (c == '\\')
				st->json_escape = 1;
			else if (c == '"')
				st->json_string = 0;
			continue;
		}
		if (c == '"' && st->json_depth > 0) {
			st->json_string = 1;
		} else if (c == '{' || c == '[') {
			st->json_depth++;
			st->started = 1;
		} else if ((c == '}' || c == ']') && st->json_depth > 0) {
			if (--st->json_depth == 0) {
				st->json_end = i + 1;
				return json_tail(st, buf, len, finished);
			}
		}
	}
	st->scan = len;
	if (finished) {
		split_reset(st);
		return len;
	}
	return 0;
}
