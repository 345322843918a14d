/* Decoding a unit's raw bytes into a record's text (lexer/core/text.h): the state and the helpers
 * every form's decoder shares (lexer/input/forms.re, lexer/input/news_forms.re). */
#ifndef CW_DECODER_H
#define CW_DECODER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lexer/core/arena.h"
#include "lexer/core/diag.h"
#include "lexer/core/text.h"

typedef const unsigned char *uptr;

/* Where the next closing byte of a construct is, remembered: a rule such as <a ...> or [text](url)
 * matches its opener alone and looks its closer up here. The answer holds for every position in
 * [from, at] (none of the closing bytes in [from, at), at is one or the end), so that openers met
 * one after another without their closer (<a x <a x ..., [a]([a]( ...) do not each scan the rest
 * of the input again: the decoders stay linear. One dec_ahead serves one set of closing bytes
 * over one buffer and one lim (a decoder's unit): a query with a shorter lim would be answered
 * wrong. */
typedef struct dec_ahead {
	uptr from, at;
} dec_ahead;

typedef struct decoder {
	arena *arena;          /* strings the decoders keep (metadata cells, SGML elements) */
	diag_list *diags;
	text *out;
	uptr base;             /* first byte of the unit */
	int cp1252;            /* bytes above 0x7F are Windows-1252, not UTF-8 */
	int escaped_nl;        /* line breaks were exported as the two characters "\n" */
	size_t bad_bytes, controls, nuls;
	uint64_t first_bad, first_control, first_nul;
	/* Closers looked ahead for (dec_ahead_find): '>' of a tag, ']' and ')' of a Markdown link
	 * (which stops at a line end). */
	dec_ahead gt, bracket, paren;
	/* Where a decoder gathers a piece it then keeps as an arena string (a page's table cell, a
	 * Reuters story's metadata element): one text, emptied for each piece, instead of a text
	 * allocated and freed for each. form_decode frees it. */
	text scratch;
} decoder;

/* Whether a text's line breaks were written as the two characters backslash and n (a snippet
 * exported from a database or a JSON string): it has such pairs, more than real line ends. */
static inline int dec_escaped_newlines(uptr p, uptr lim)
{
	/* Most texts have no backslash at all: one memchr says so. */
	if (p >= lim || !memchr(p, '\\', (size_t)(lim - p)))
		return 0;
	size_t escaped = 0, real = 0;
	for (; p < lim; p++) {
		if (*p == '\n')
			real++;
		else if (*p == '\\' && p + 1 < lim) {
			escaped += p[1] == 'n';
			p++; /* a pair: "\\n" is a backslash and an n */
		}
	}
	return escaped > real;
}

static inline uint64_t dec_at(const decoder *d, uptr p) { return (uint64_t)(p - d->base); }
/* Appends input bytes [s, e) as they are. */
static inline void dec_put(decoder *d, uptr s, uptr e)
{
	text_put(d->out, (const char *)s, (size_t)(e - s), dec_at(d, s));
}
/* Appends s (n bytes) in place of the input at from. */
static inline void dec_subst(decoder *d, const char *s, size_t n, uptr from)
{
	text_put_subst(d->out, s, n, dec_at(d, from));
}
/* A byte that is not UTF-8: its Windows-1252 character in cp1252 mode, else U+FFFD (counted). */
void dec_bad_byte(decoder *d, uptr p);
/* A control character: a space (counted). */
void dec_control(decoder *d, uptr p);
/* A NUL byte: dropped (counted). */
void dec_nul(decoder *d, uptr p);
/* &#x000A; &#10; -> the character; C0 controls other than newline and tab stay as written. */
void dec_numeric_entity(decoder *d, uptr s, uptr e);
/* The same, but C0 controls (framing bytes written as entities) are dropped. */
void dec_numeric_entity_drop_controls(decoder *d, uptr s, uptr e);
/* The first byte at or after p that is c1, c2 or a NUL, or lim when there is none; a remembers
 * it (one dec_ahead per set of closing bytes). */
uptr dec_ahead_find(dec_ahead *a, uptr p, uptr lim, unsigned char c1, unsigned char c2);
/* One diagnostic per kind of trouble met, at its first place. */
void dec_report(decoder *d);
/* Encodes a code point as UTF-8; returns the length, 0 for what text may not hold. */
size_t utf8_encode(unsigned long cp, char out[4]);
/* The Windows-1252 character of a byte 0x80-0xFF, 0 where the code page has none. */
unsigned long cp1252_char(unsigned c);

#endif
