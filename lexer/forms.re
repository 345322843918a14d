/* Input forms: which one a unit is in, and its decoding into plain telegram text.
 *
 * All decoders run over the unit's raw bytes, which the reader ends with a NUL sentinel. They
 * share one set of rules (!use:re2c:content) for what every form must survive: CR and CRLF line
 * ends, NUL bytes, form feeds and other control characters, and bytes that are not UTF-8. What
 * they keep is appended to the record's text together with the input offset it came from. */
#include "forms.h"

#include <string.h>

typedef const unsigned char *uptr;

/*!include:re2c "common.re" */
/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "cur";
	re2c:define:YYMARKER = "mar";
	re2c:define:YYCTXMARKER = "ctx";
	re2c:define:YYLIMIT = "lim";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:tags = 1;
	re2c:api:style = free-form;
*/

typedef struct decoder {
	cw_record *rec;
	text *out;
	uptr base;             /* first byte of the unit */
	size_t bad_bytes, controls, nuls;
	uint64_t first_bad, first_control, first_nul;
} decoder;

static uint64_t at(const decoder *d, uptr p) { return (uint64_t)(p - d->base); }

static void put(decoder *d, uptr s, uptr e) { text_put(d->out, (const char *)s, (size_t)(e - s), at(d, s)); }

static void subst(decoder *d, const char *s, size_t n, uptr from)
{
	text_put_subst(d->out, s, n, at(d, from));
}

static void bad_byte(decoder *d, uptr p)
{
	if (d->bad_bytes++ == 0)
		d->first_bad = at(d, p);
	subst(d, "\xef\xbf\xbd", 3, p); /* U+FFFD */
}

static void control(decoder *d, uptr p)
{
	if (d->controls++ == 0)
		d->first_control = at(d, p);
	subst(d, " ", 1, p);
}

static void nul(decoder *d, uptr p)
{
	if (d->nuls++ == 0)
		d->first_nul = at(d, p);
}

/* Encodes a code point as UTF-8; returns the length, 0 for what text may not hold. */
static size_t utf8_encode(unsigned long cp, char out[4])
{
	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* &#x000A; &#10; -> the character; anything unusable stays as written. */
static void numeric_entity(decoder *d, uptr s, uptr e)
{
	uptr p = s + 2;
	int hexa = (*p == 'x' || *p == 'X');
	if (hexa)
		p++;
	unsigned long cp = 0;
	for (; p < e - 1 && cp <= 0x10FFFF; p++) {
		unsigned c = *p;
		unsigned v = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
		cp = cp * (hexa ? 16 : 10) + v;
	}
	char buf[4];
	size_t n = cp == '\r' ? 0 : utf8_encode(cp, buf);
	if (cp == '\r')
		return; /* &#x000D; before &#x000A; */
	if (n == 0 || (cp < 0x20 && cp != '\n' && cp != '\t')) {
		put(d, s, e);
		return;
	}
	subst(d, buf, n, s);
}

static void report(decoder *d)
{
	if (d->bad_bytes)
		rec_diag_in(d->rec, CW_ERROR, "ENC_INVALID_UTF8", d->first_bad,
			    "%zu byte%s not valid UTF-8, replaced with U+FFFD", d->bad_bytes,
			    d->bad_bytes == 1 ? " is" : "s are");
	if (d->controls)
		rec_diag_in(d->rec, CW_WARNING, "ENC_CONTROL_CHAR", d->first_control,
			    "%zu control character%s replaced with a space", d->controls,
			    d->controls == 1 ? "" : "s");
	if (d->nuls)
		rec_diag_in(d->rec, CW_WARNING, "ENC_NUL_BYTE", d->first_nul,
			    "%zu NUL byte%s removed", d->nuls, d->nuls == 1 ? "" : "s");
}

/* What every form must survive. tok and cur are the current token's bounds. */
/*!rules:re2c:content
	/* Lines ending in a backslash come from the leak's database dumps. */
	"\\" [ \t]* ("\r\n" | "\n" | "\r")  { subst(d, "\n", 1, tok); continue; }
	"\r\n" | "\r"                        { subst(d, "\n", 1, tok); continue; }
	"\x0c"                               { subst(d, "\n", 1, tok); continue; }
	"\x00"                               { nul(d, tok); continue; }
	[\x01-\x08\x0b\x0e-\x1f\x7f]         { control(d, tok); continue; }
	[\x80-\xff]                          { bad_byte(d, tok); continue; }
	*                                    { bad_byte(d, tok); continue; }
*/

/* ---- plain text ------------------------------------------------------------------------- */

static void decode_text(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)mar;
	(void)ctx;
	for (;;) {
		tok = cur;
		/*!use:re2c:content
			([\t\n\x20-\x7e] | u8mb_np)+ { put(d, tok, cur); continue; }
			/* WikiLeaks marks numbered lines with a pilcrow: not part of the telegram. */
			pilcrow / [0-9A-Z]           { continue; }
			pilcrow                      { put(d, tok, cur); continue; }
			$                            { return; }
		*/
	}
}

/* ---- Markdown rendering of a cable page ------------------------------------------------- */

static void decode_markdown(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		/*!use:re2c:content
			([\t\n\x20-\x5a\x5e-\x7e] | u8mb_np)+ { put(d, tok, cur); continue; }
			/* [KPAL](#) and [text](http://...) keep their text. */
			"[" [^\]\n\x00]* "](" [^)\n\x00]* ")" {
				uptr close = memchr(tok, ']', (size_t)(cur - tok));
				put(d, tok + 1, close);
				continue;
			}
			"\\" [\\`*_{}[\]()#+\-.!|<>~]  { put(d, tok + 1, cur); continue; }
			"[" | "\\" | "]"               { put(d, tok, cur); continue; }
			pilcrow / [0-9A-Z]             { continue; }
			pilcrow                        { put(d, tok, cur); continue; }
			$                              { return; }
		*/
	}
}

/* ---- WikiLeaks cable page ---------------------------------------------------------------- */

/* Decodes the content of one <pre> block up to its </pre>; returns where scanning resumes. */
static uptr decode_pre(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		/*!use:re2c:content
			"</pre>"                         { return cur; }
			([\t\n\x20-\x25\x27-\x3b\x3d-\x7e] | u8mb_np)+ { put(d, tok, cur); continue; }
			"&#" [xX] hex{1,6} ";" | "&#" digit{1,7} ";" { numeric_entity(d, tok, cur); continue; }
			"&amp;"                          { subst(d, "&", 1, tok); continue; }
			"&lt;"                           { subst(d, "<", 1, tok); continue; }
			"&gt;"                           { subst(d, ">", 1, tok); continue; }
			"&quot;"                         { subst(d, "\"", 1, tok); continue; }
			"&apos;"                         { subst(d, "'", 1, tok); continue; }
			"&nbsp;"                         { subst(d, " ", 1, tok); continue; }
			/* The paragraph anchors WikiLeaks added: <a id='par1' href='#par1'>¶</a>. */
			"<a" [ \t\n]+ [^>\x00]* ">" pilcrow "</a>" { continue; }
			/* TAGS links keep their text: <a href='/tag/PREL_0.html'>PREL</a>. */
			"<a" ([ \t\n]+ [^>\x00]*)? ">"   { continue; }
			"</a>" | "<br" [ \t]* "/"? ">" | "</br>" { continue; }
			"&" | "<"                        { put(d, tok, cur); continue; }
			pilcrow / [0-9A-Z]               { continue; }
			pilcrow                          { put(d, tok, cur); continue; }
			$                                { return cur; }
		*/
	}
}

/* Appends the text of a table cell (tags dropped, entities decoded, blanks collapsed) to t. */
static uptr cell_text(uptr cur, uptr lim, text *t)
{
	uptr mar = NULL, tok;
	for (;;) {
		tok = cur;
		/*!re2c
			"</td>" | "</th>" | "</tr>" | "</table>" { return tok; }
			"<" [^>\x00]* ">"  { continue; }
			"&amp;"            { text_putc(t, '&', 0); continue; }
			"&lt;"             { text_putc(t, '<', 0); continue; }
			"&gt;"             { text_putc(t, '>', 0); continue; }
			"&quot;"           { text_putc(t, '"', 0); continue; }
			"&#39;" | "&apos;" { text_putc(t, '\'', 0); continue; }
			[ \t\r\n]+         { if (t->len && t->buf[t->len - 1] != ' ') text_putc(t, ' ', 0); continue; }
			[^<&\x00 \t\r\n]+  { text_put(t, (const char *)tok, (size_t)(cur - tok), 0); continue; }
			"&" | "\x00"       { continue; }
			$                  { return cur; }
			*                  { continue; }
		*/
	}
	(void)mar;
}

static const char *cell_string(cw_record *rec, uptr *pc, uptr lim)
{
	text t;
	text_init(&t);
	*pc = cell_text(*pc, lim, &t);
	size_t n = t.len;
	while (n && t.buf[n - 1] == ' ')
		n--;
	const char *s = t.buf ? t.buf : "";
	size_t skip = 0;
	while (skip < n && s[skip] == ' ')
		skip++;
	/* Keep only valid UTF-8 in the record: a cell with anything else is dropped. */
	char *copy = arena_strndup(&rec->arena, s + skip, n - skip);
	text_free(&t);
	return copy;
}

static int meta_key(const char *name)
{
	static const char *names[WL_FIELDS] = { "Reference ID", "Created", "Released",
						"Classification", "Origin" };
	for (int i = 0; i < WL_FIELDS; i++)
		if (name && strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

static int decode_html(decoder *d, uptr cur, uptr lim, decoded *out)
{
	uptr mar = NULL, tok;
	int in_table = 0, pres = 0, ncells = 0, nheads = 0;
	int head_key[16];
	for (;;) {
		tok = cur;
		/*!re2c
			"<table" [ \t\r\n]+ [^>\x00]* 'class=' ['"] 'cable' ['"] [^>\x00]* ">" {
				in_table = 1;
				ncells = nheads = 0;
				continue;
			}
			"</table>" { in_table = 0; continue; }
			"<th" ([ \t\r\n][^>\x00]*)? ">" {
				if (in_table) {
					const char *name = cell_string(d->rec, &cur, lim);
					if (nheads < 16)
						head_key[nheads++] = meta_key(name);
				}
				continue;
			}
			"<td" ([ \t\r\n][^>\x00]*)? ">" {
				if (in_table) {
					const char *value = cell_string(d->rec, &cur, lim);
					int key = ncells < nheads ? head_key[ncells]
						: nheads == 0 && ncells < WL_FIELDS ? ncells : -1;
					if (key >= 0 && !out->meta[key]) {
						out->meta[key] = value;
						out->has_meta = 1;
					}
					ncells++;
				}
				continue;
			}
			"<pre" ([ \t\r\n][^>\x00]*)? ">" {
				pres++;
				if (pres == 2) {
					/* The second block is the body: mark the boundary. */
					subst(d, "\n", 1, tok);
					out->header_end = d->out->len;
					out->body_start = d->out->len;
				} else if (pres > 2) {
					subst(d, "\n", 1, tok);
				}
				cur = decode_pre(d, cur, lim);
				if (pres == 1 && (d->out->len == 0 || d->out->buf[d->out->len - 1] != '\n'))
					subst(d, "\n", 1, cur);
				continue;
			}
			[^<\x00]+ | "<" | "\x00" { continue; }
			$ { break; }
			* { continue; }
		*/
	}
	(void)mar;
	if (pres == 0)
		return -1;
	if (pres == 1) {
		/* One block: a whole telegram, header and body together. */
		out->has_blocks = 0;
	} else {
		out->has_blocks = 1;
	}
	return 0;
}

/* ---- detection --------------------------------------------------------------------------- */

cw_form form_detect(const char *buf, size_t len)
{
	/* Look at the start only: the decision must not cost a pass over a huge input. */
	enum { WINDOW = 64 * 1024 };
	size_t n = len < WINDOW ? len : WINDOW;
	/* The scanner needs its sentinel: work on a bounded copy when the window is cut short. */
	char local[WINDOW + 1];
	memcpy(local, buf, n);
	local[n] = '\0';
	uptr cur = (uptr)local, lim = cur + n, mar = NULL, tok;
	int html = 0, pre = 0, md = 0;
	for (;;) {
		tok = cur;
		/*!re2c
			'<!DOCTYPE html' | '<html' | "<table class='cable'>" | '<body' { html++; continue; }
			'<pre' [ >]                                   { pre++; continue; }
			"[" [^\]\n\x00]{1,80} "](" [^)\n\x00]* ")"   { md++; continue; }
			"\n" "|" [^\n\x00]* "|" [ \t]* "\n"             { md++; continue; }
			"\\" [_*[\]#]                                 { md++; continue; }
			$                                             { break; }
			*                                             { continue; }
		*/
	}
	(void)mar;
	(void)tok;
	if (html || pre)
		return CW_FORM_WIKILEAKS_HTML;
	if (md)
		return CW_FORM_MARKDOWN;
	return CW_FORM_TEXT;
}

int form_decode(cw_record *rec, cw_form form, decoded *out)
{
	memset(out, 0, sizeof(*out));
	decoder d;
	memset(&d, 0, sizeof d);
	d.rec = rec;
	d.out = &rec->text;
	d.base = (uptr)rec->input;
	uptr cur = d.base, lim = d.base + rec->input_len;
	/* A byte-order mark says UTF-8 and nothing else. */
	if (rec->input_len >= 3 && memcmp(cur, "\xef\xbb\xbf", 3) == 0)
		cur += 3;
	int rc = 0;
	switch (form) {
	case CW_FORM_WIKILEAKS_HTML:
		rc = decode_html(&d, cur, lim, out);
		break;
	case CW_FORM_MARKDOWN:
		decode_markdown(&d, cur, lim);
		break;
	default:
		decode_text(&d, cur, lim);
		break;
	}
	text_finish(&rec->text, rec->input_len);
	report(&d);
	if (out->has_blocks && out->header_end > rec->text.len)
		out->header_end = out->body_start = rec->text.len;
	return rc;
}
