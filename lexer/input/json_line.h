/* Line mode's input lines (cablewire parse --lines; lexer/input/json_line.re): a JSON object
 * {"name": ..., "text": ...} or a JSON string, decoded into the input's name and text. */
#ifndef CW_JSON_LINE_H
#define CW_JSON_LINE_H

#include <stddef.h>

typedef struct json_line {
	char *name;          /* malloc'd, NUL-terminated; NULL when the line gives none */
	char *text;          /* malloc'd, NUL-terminated (it may hold NUL bytes: \u0000) */
	size_t text_len;
	size_t error_at;     /* where the line stops being what it should: a byte offset */
	const char *error;   /* what was expected there (static), NULL when decoded */
	int oom;
} json_line;

/* Decodes line (len bytes, NUL at line[len]). Returns 0, or -1 with error and error_at set (or
 * oom). The caller frees name and text in either case (json_line_free). */
int json_line_decode(const char *line, size_t len, json_line *out);
void json_line_free(json_line *jl);

#endif
