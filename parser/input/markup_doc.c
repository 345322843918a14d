/* The decoded result of a markup document: blocks written into the decoded text (a blank line
 * between them, each mapped to its element's input offset), and the metadata strings. */
#include <string.h>

#include "lexer/core/text.h"
#include "parser/input/markup_walk.h"

static int blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* s trimmed, each run of blanks holding a line break folded to one space, into dst (at least n
 * bytes). A run of spaces alone is kept: the records keep a text's inner spacing ("BONUS WHEAT
 * FLOUR  -- USDA"), and what cablewire wrote must read back the same; a line break is the
 * markup's own layout (indentation of pretty-printed XML). */
static size_t fold(const char *s, size_t n, char *dst)
{
	size_t w = 0, i = 0;
	while (i < n) {
		if (!blank(s[i]) && s[i] != '\0') {
			dst[w++] = s[i++];
			continue;
		}
		size_t j = i;
		int newline = 0;
		while (j < n && (blank(s[j]) || s[j] == '\0')) {
			newline |= s[j] == '\n' || s[j] == '\r' || s[j] == '\0';
			j++;
		}
		if (w > 0 && j < n) { /* inside: not at either end */
			if (newline) {
				dst[w++] = ' ';
			} else {
				memcpy(dst + w, s + i, j - i);
				w += j - i;
			}
		}
		i = j;
	}
	return w;
}

const char *mk_str(mk *m, const char *s, size_t n)
{
	if (!s || !n)
		return NULL;
	char *d = arena_alloc(m->to.arena, n + 1);
	if (!d)
		return NULL;
	size_t w = fold(s, n, d);
	d[w] = '\0';
	return w ? d : NULL;
}

const char *mk_cstr(mk *m, const char *s) { return s ? mk_str(m, s, strlen(s)) : NULL; }

void mk_once(mk *m, const char **slot, const char *s)
{
	if (!*slot)
		*slot = mk_cstr(m, s);
}

void mk_block(mk *m, int role, const char *s, size_t n, uint64_t at)
{
	if (!s || !n)
		return;
	char *d = arena_alloc(m->to.arena, n + 1);
	if (!d)
		return;
	size_t w = fold(s, n, d);
	if (!w)
		return;
	markup_doc *doc = m->doc;
	if (doc->nblocks == doc->capblocks) {
		size_t cap = doc->capblocks ? doc->capblocks * 2 : 32;
		markup_block *b = arena_alloc(m->to.arena, cap * sizeof *b);
		if (!b)
			return;
		if (doc->nblocks)
			memcpy(b, doc->blocks, doc->nblocks * sizeof *b);
		doc->blocks = b;
		doc->capblocks = cap;
	}
	text *t = m->to.text;
	size_t start = t->len;
	text_put_subst(t, d, w, at);
	doc->blocks[doc->nblocks++] = (markup_block){ role, start, t->len };
	text_putc(t, '\n', at);
	text_putc(t, '\n', at);
}

void mk_plain_paragraphs(mk *m, const char *s, size_t n, uint64_t at)
{
	const char *e = s + n, *start = NULL, *last = NULL;
	while (s < e) {
		const char *nl = memchr(s, '\n', (size_t)(e - s));
		const char *le = nl ? nl : e;
		const char *q = s;
		while (q < le && blank(*q))
			q++;
		int empty = q == le;
		int indented = !empty && q > s;
		if ((empty || indented) && start) {
			mk_block(m, MR_PARA, start, (size_t)(last - start), at);
			start = NULL;
		}
		if (!empty) {
			if (!start)
				start = s;
			last = le;
		}
		s = nl ? nl + 1 : e;
	}
	if (start)
		mk_block(m, MR_PARA, start, (size_t)(last - start), at);
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

const char *mk_date(mk *m, const char *s)
{
	if (!s)
		return NULL;
	while (blank(*s))
		s++;
	size_t n = strlen(s);
	while (n && blank(s[n - 1]))
		n--;
	char buf[40];
	size_t w = 0;
	const char *z;
	if (n >= 15 && digits(s, 8) && s[8] == 'T' && digits(s + 9, 6)) {
		/* The compact ISO 8601 of NITF and NewsML 1.2: YYYYMMDDTHHMMSS. */
		const int from[] = { 0, 4, 6, 9, 11, 13 };
		const char sep[] = { '-', '-', 'T', ':', ':', 0 };
		memcpy(buf, s, 4);
		w = 4;
		for (int i = 1; i < 6; i++) {
			buf[w++] = sep[i - 1];
			memcpy(buf + w, s + from[i], 2);
			w += 2;
		}
		z = s + 15;
	} else if (n >= 19 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
		   digits(s + 8, 2) && s[10] == 'T' && digits(s + 11, 2) && s[13] == ':' &&
		   digits(s + 14, 2) && s[16] == ':' && digits(s + 17, 2)) {
		memcpy(buf, s, 19);
		w = 19;
		z = s + 19;
	} else {
		return NULL; /* not a date this record can say as ISO 8601 */
	}
	const char *lim = s + n;
	if (z < lim && *z == '.') /* fractions of a second: dropped */
		for (z++; z < lim && *z >= '0' && *z <= '9'; z++)
			;
	size_t zn = (size_t)(lim - z);
	if (zn == 1 && *z == 'Z') {
		buf[w++] = 'Z';
	} else if ((zn == 5 || (zn == 6 && z[3] == ':')) && (*z == '+' || *z == '-') &&
		   digits(z + 1, 2) && digits(z + zn - 2, 2)) {
		/* +HHMM or +HH:MM: +HH:MM */
		buf[w++] = *z;
		memcpy(buf + w, z + 1, 2), w += 2;
		buf[w++] = ':';
		memcpy(buf + w, z + zn - 2, 2), w += 2;
	} else if (zn) {
		return NULL;
	}
	return mk_str(m, buf, w);
}

void mk_push_str(mk *m, const char ***items, size_t *n, size_t *cap, const char *v, int unique)
{
	if (!v)
		return;
	if (unique)
		for (size_t i = 0; i < *n; i++)
			if (!strcmp((*items)[i], v))
				return;
	if (*n == *cap) {
		size_t grown = *cap ? *cap * 2 : 8;
		const char **k = arena_alloc(m->to.arena, grown * sizeof *k);
		if (!k)
			return;
		if (*n)
			memcpy(k, *items, *n * sizeof *k);
		*items = k;
		*cap = grown;
	}
	(*items)[(*n)++] = v;
}

void mk_subject(mk *m, const char *s)
{
	markup_doc *doc = m->doc;
	mk_push_str(m, &doc->subjects, &doc->nsubjects, &doc->capsubjects, mk_cstr(m, s), 1);
}

void mk_finish(mk *m, decoded *out)
{
	out->is_article = 1;
	out->markup = m->doc;
}
