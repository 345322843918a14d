/* Line mode's input lines: a JSON object whose "text" member (a string) is the input and whose
 * "name" member (a string or null) names it, other members of any scalar value ignored; or a
 * JSON string, the text itself. The tokens come from the re2c rules below; the object's shape
 * (key, colon, value, comma) is followed by a four-state loop over them. */
#include "lexer/input/json_line.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef const unsigned char *uptr;

enum { T_END, T_LBRACE, T_RBRACE, T_COLON, T_COMMA, T_STRING, T_SCALAR, T_NULL, T_NESTED,
       T_BAD_STRING, T_BAD };

/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "cur";
	re2c:define:YYMARKER = "mar";
	re2c:define:YYLIMIT = "lim";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:api:style = free-form;

	hex = [0-9a-fA-F];
	escape = "\\" ["\\/bfnrt] | "\\u" hex{4};
	string = "\"" ([^"\\\x00] | "\x00" | escape)* "\"";
	number = "-"? ("0" | [1-9][0-9]*) ("." [0-9]+)? ([eE] [+-]? [0-9]+)?;
*/

/* The next token from *pcur: its kind, its first byte at *tok; *pcur moves past it. */
static int next_token(uptr *pcur, uptr lim, uptr *tok)
{
	uptr cur = *pcur, mar = NULL;
	for (;;) {
		*tok = cur;
		/*!re2c
			[ \t\r\n]+        { continue; }
			"{"               { *pcur = cur; return T_LBRACE; }
			"}"               { *pcur = cur; return T_RBRACE; }
			":"               { *pcur = cur; return T_COLON; }
			","               { *pcur = cur; return T_COMMA; }
			string            { *pcur = cur; return T_STRING; }
			"\""              { *pcur = cur; return T_BAD_STRING; }
			number | "true" | "false" { *pcur = cur; return T_SCALAR; }
			"null"            { *pcur = cur; return T_NULL; }
			"["               { *pcur = cur; return T_NESTED; }
			$                 { *pcur = cur; return T_END; }
			*                 { *pcur = cur; return T_BAD; }
		*/
	}
	(void)mar;
}

/* A code point as UTF-8 at out; the bytes written. */
static size_t put_utf8(unsigned char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (unsigned char)(0xC0 | c >> 6);
		out[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (unsigned char)(0xE0 | c >> 12);
		out[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		out[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | c >> 18);
	out[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
	out[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
	out[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

static uint32_t hex4(uptr p)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		unsigned char c = p[i];
		v = v << 4 | (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

/* The value of a string token (its quotes included, escapes checked by the rule), malloc'd and
 * NUL-terminated; *len its length. An escape never grows: \uXXXX (6 bytes) gives at most 3, a
 * surrogate pair (12) 4. A lone surrogate becomes U+FFFD. */
static char *string_value(uptr tok, uptr end, size_t *len)
{
	unsigned char *out = malloc((size_t)(end - tok)), *o = out;
	if (!out)
		return NULL;
	for (uptr p = tok + 1; p < end - 1;) {
		if (*p != '\\') {
			*o++ = *p++;
			continue;
		}
		char c = (char)p[1];
		p += 2;
		switch (c) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			uint32_t u = hex4(p);
			p += 4;
			if (u >= 0xD800 && u < 0xDC00 && p + 6 <= end - 1 && p[0] == '\\' &&
			    p[1] == 'u') {
				uint32_t low = hex4(p + 2);
				if (low >= 0xDC00 && low < 0xE000) {
					u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
					p += 6;
				}
			}
			if (u >= 0xD800 && u < 0xE000)
				u = 0xFFFD;
			o += put_utf8(o, u);
			break;
		}
		default: *o++ = (unsigned char)c; break; /* \" \\ \/ */
		}
	}
	*o = '\0';
	*len = (size_t)(o - out);
	return (char *)out;
}

static int fail(json_line *out, uptr base, uptr at, const char *what)
{
	out->error_at = (size_t)(at - base);
	out->error = what;
	return -1;
}

/* The string token's value into *slot (replacing a repeated member's). */
static int take_string(json_line *out, char **slot, size_t *len, uptr tok, uptr end)
{
	size_t n;
	char *s = string_value(tok, end, &n);
	if (!s) {
		out->oom = 1;
		return -1;
	}
	free(*slot);
	*slot = s;
	if (len)
		*len = n;
	return 0;
}

int json_line_decode(const char *line, size_t len, json_line *out)
{
	memset(out, 0, sizeof(*out));
	uptr base = (uptr)line, lim = base + len, cur = base, tok;
	int t = next_token(&cur, lim, &tok);
	if (t == T_STRING) {
		if (take_string(out, &out->text, &out->text_len, tok, cur))
			return -1;
		t = next_token(&cur, lim, &tok);
		return t == T_END ? 0 : fail(out, base, tok, "the line's end after the string");
	}
	if (t != T_LBRACE)
		return fail(out, base, tok, t == T_BAD_STRING
			    ? "a JSON string (this one is not closed, or holds a bad escape)"
			    : "a JSON object {\"name\": ..., \"text\": ...} or a JSON string");
	/* After "{": a key or "}"; after a key: ":"; after ":": a value; after a value: "," or
	 * "}". */
	enum { KEY_OR_END, COLON, VALUE, COMMA_OR_END } want = KEY_OR_END;
	char *key = NULL;
	int has_text = 0, closed = 0;
	size_t keylen = 0;
	while (!closed) {
		t = next_token(&cur, lim, &tok);
		switch (want) {
		case KEY_OR_END:
			if (t == T_RBRACE) {
				closed = 1;
				break;
			}
			if (t != T_STRING) {
				free(key);
				return fail(out, base, tok, "a member's name (a JSON string) or }");
			}
			if (take_string(out, &key, &keylen, tok, cur))
				return -1;
			want = COLON;
			break;
		case COLON:
			if (t != T_COLON) {
				free(key);
				return fail(out, base, tok, ": after the member's name");
			}
			want = VALUE;
			break;
		case VALUE: {
			int is_text = keylen == 4 && !memcmp(key, "text", 4);
			int is_name = keylen == 4 && !memcmp(key, "name", 4);
			if (t == T_STRING && (is_text || is_name)) {
				if (is_text ? take_string(out, &out->text, &out->text_len, tok, cur)
					    : take_string(out, &out->name, NULL, tok, cur)) {
					free(key);
					return -1;
				}
				has_text |= is_text;
			} else if (is_text) {
				free(key);
				return fail(out, base, tok, "a JSON string as \"text\"");
			} else if (is_name && t == T_NULL) {
				free(out->name);
				out->name = NULL;
			} else if (is_name) {
				free(key);
				return fail(out, base, tok, "a JSON string or null as \"name\"");
			} else if (t != T_STRING && t != T_SCALAR && t != T_NULL) {
				free(key);
				return fail(out, base, tok, t == T_NESTED || t == T_LBRACE
					    ? "a string, number, true, false or null (other members "
					      "hold no object or array)"
					    : "a JSON value");
			}
			want = COMMA_OR_END;
			break;
		}
		case COMMA_OR_END:
			if (t == T_RBRACE)
				closed = 1;
			else if (t == T_COMMA)
				want = KEY_OR_END;
			else {
				free(key);
				return fail(out, base, tok, ", or } after the member");
			}
			break;
		}
	}
	free(key);
	t = next_token(&cur, lim, &tok);
	if (t != T_END)
		return fail(out, base, tok, "the line's end after the object");
	if (!has_text)
		return fail(out, base, cur, "a \"text\" member (a JSON string) in the object");
	return 0;
}

void json_line_free(json_line *jl)
{
	free(jl->name);
	free(jl->text);
	jl->name = jl->text = NULL;
}
