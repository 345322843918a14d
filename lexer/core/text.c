#include "lexer/core/text.h"

#include <stdlib.h>
#include <string.h>

void text_init(text *t) { memset(t, 0, sizeof(*t)); }

void text_free(text *t)
{
	free(t->buf);
	free(t->map);
	text_init(t);
}

static int reserve(text *t, size_t n)
{
	if (t->oom)
		return 0;
	if (t->len + n + 1 <= t->cap)
		return 1;
	size_t cap = t->cap ? t->cap : 256;
	while (cap < t->len + n + 1) {
		if (cap > SIZE_MAX / 2) {
			t->oom = 1;
			return 0;
		}
		cap *= 2;
	}
	char *b = realloc(t->buf, cap);
	if (!b) {
		t->oom = 1;
		return 0;
	}
	t->buf = b;
	t->cap = cap;
	return 1;
}

void text_expect(text *t, size_t n)
{
	if (t->oom || n > SIZE_MAX / 2)
		return;
	/* only a hint: without the memory, the text grows as it would have */
	if (t->len + n + 1 > t->cap) {
		char *b = realloc(t->buf, t->len + n + 1);
		if (b) {
			t->buf = b;
			t->cap = t->len + n + 1;
		}
	}
	/* and room for an anchor every 64 bytes, up to 4096 of them: a cables.csv row's escapes
	 * start a stretch each, and the map grew from 16 by doubling, six reallocs a row */
	size_t anchors = n / 64 < 4096 ? n / 64 : 4096;
	if (anchors > t->capmap) {
		text_anchor *m = realloc(t->map, anchors * sizeof *m);
		if (m) {
			t->map = m;
			t->capmap = anchors;
		}
	}
}

void text_clear(text *t)
{
	t->len = 0;
	t->nmap = 0;
	t->oom = 0;
}

/* Records that decoded offset t->len corresponds to input offset in, unless the current stretch
 * already implies it. */
static void anchor(text *t, uint64_t in)
{
	if (t->nmap) {
		text_anchor *last = &t->map[t->nmap - 1];
		if (last->in + (t->len - last->dec) == in)
			return;
		if (last->dec == t->len) {
			last->in = in;
			return;
		}
	}
	if (t->nmap == t->capmap) {
		size_t cap = t->capmap ? t->capmap * 2 : 16;
		text_anchor *m = realloc(t->map, cap * sizeof(*m));
		if (!m) {
			t->oom = 1;
			return;
		}
		t->map = m;
		t->capmap = cap;
	}
	t->map[t->nmap].dec = t->len;
	t->map[t->nmap].in = in;
	t->nmap++;
}

void text_put_slow(text *t, const char *s, size_t n, uint64_t in)
{
	if (!n || !reserve(t, n))
		return;
	anchor(t, in);
	memcpy(t->buf + t->len, s, n);
	t->len += n;
}

void text_put_subst(text *t, const char *s, size_t n, uint64_t in)
{
	/* The anchor taken here maps the substitute to the first replaced byte; whatever follows
	 * gets its own anchor because its input offset no longer matches the stretch. */
	text_put(t, s, n, in);
}

void text_putc(text *t, char c, uint64_t in) { text_put(t, &c, 1, in); }

void text_finish(text *t, uint64_t in_end)
{
	if (t->len == 0 || t->buf[t->len - 1] != '\n')
		text_put_subst(t, "\n", 1, in_end);
	if (reserve(t, 0))
		t->buf[t->len] = '\0';
}

uint64_t text_input_offset(const text *t, size_t d)
{
	if (!t->nmap)
		return d;
	size_t lo = 0, hi = t->nmap;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->map[mid].dec <= d)
			lo = mid;
		else
			hi = mid;
	}
	const text_anchor *a = &t->map[lo];
	return d >= a->dec ? a->in + (d - a->dec) : a->in;
}
