/* Decoded text of one unit, with a map from decoded offsets back to input offsets.
 *
 * Decoders (HTML entities, Markdown links, CSV quoting, Latin-1) append to a text; every append
 * says which input bytes it stands for, so a diagnostic about decoded text can name the byte in
 * the file. Invariants once text_finish() has run: the text holds no NUL and no CR, ends with
 * "\n", and buf[len] == '\0' (the scanners' sentinel). */
#ifndef CW_TEXT_H
#define CW_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct text_anchor {
	size_t dec;   /* decoded offset where this stretch starts */
	uint64_t in;  /* input offset it corresponds to */
} text_anchor;

typedef struct text {
	char *buf;
	size_t len, cap;
	text_anchor *map;
	size_t nmap, capmap;
	int oom;
} text;

void text_init(text *t);
void text_free(text *t);
/* Room for n more bytes (and the NUL) in one allocation, and for their anchors, for a caller
 * that knows about how much will be written: growing from 256 bytes by doubling was four
 * reallocs for a 2 KB story. Only a hint: without the memory, nothing changes. */
void text_expect(text *t, size_t n);
/* Empties t for reuse, keeping its memory. */
void text_clear(text *t);
/* What text_put does when the bytes do not simply continue the current stretch in the room
 * there is: growing the buffer, a new anchor. */
void text_put_slow(text *t, const char *s, size_t n, uint64_t in);

/* Appends n bytes copied 1:1 from input offset in. Decoders call it for every run of text: when
 * the bytes continue the current stretch (their input offset is where it leads) and fit, they
 * are copied inline. */
static inline void text_put(text *t, const char *s, size_t n, uint64_t in)
{
	if (!n)
		return;
	if (t->nmap && t->len + n < t->cap && !t->oom) {
		const text_anchor *last = &t->map[t->nmap - 1];
		if (last->in + (t->len - last->dec) == in) {
			memcpy(t->buf + t->len, s, n);
			t->len += n;
			return;
		}
	}
	text_put_slow(t, s, n, in);
}
/* Appends n decoded bytes that replace input bytes starting at in (an entity, an escape). */
void text_put_subst(text *t, const char *s, size_t n, uint64_t in);
void text_putc(text *t, char c, uint64_t in);
/* Ensures the trailing "\n" and the NUL sentinel. */
void text_finish(text *t, uint64_t in_end);
/* Input offset of decoded offset d. */
uint64_t text_input_offset(const text *t, size_t d);

#endif
