/* Input forms: which one a unit is in, and its decoding into plain telegram text.
 *
 * All decoders run over the unit's raw bytes, which the reader ends with a NUL sentinel. They
 * share one set of rules (!use:re2c:content) for what every form must survive: CR and CRLF line
 * ends, NUL bytes, form feeds and other control characters, and bytes that are not UTF-8. What
 * they keep is appended to the record's text together with the input offset it came from. */
#include "lexer/input/forms.h"

#include <string.h>
#include <strings.h>

#include "lexer/input/decoder_names.h"
#include "lexer/input/news_forms.h"
#include "lexer/input/markup.h"
#include "lexer/core/runs.h"


/*!include:re2c "lexer/core/common.re" */
/* Blocks that test classes of bytes are written as nested ifs (README, "Generated C"). */
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

/*!include:re2c "lexer/input/content.re" */

/* ---- plain text ------------------------------------------------------------------------- */

/* Text whose line breaks were exported as backslash and n (dec_escaped_newlines): the pairs are
 * line breaks, "\\\\" a backslash kept as written; otherwise as decode_text. */
static void decode_escaped_text(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)mar;
	(void)ctx;
	for (;;) {
		tok = cur;
		/*!use:re2c:content
			([\t\n\x20-\x5b\x5d-\x7e] | u8mb_np)+ { put(d, tok, cur); continue; }
			"\\n" | "\\r\\n"        { subst(d, "\n", 1, tok); continue; }
			"\\" [^\n\x00]?            { put(d, tok, cur); continue; }
			pilcrow / [0-9A-Z]           { continue; }
			pilcrow                      { put(d, tok, cur); continue; }
			$                            { return; }
		*/
	}
}

static void decode_text(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	if (d->escaped_nl) {
		decode_escaped_text(d, cur, lim);
		return;
	}
	(void)mar;
	(void)ctx;
	for (;;) {
		tok = cur;
		/* Plain text and its line ends a block at a time (lexer/core/runs.h; stopped at every
		 * line end, the run rule below took the rest of a telegram byte by byte); the scanner
		 * goes on from there. */
		uptr run = runs_text_lines(tok, lim, '\\', '\\');
		if (run != tok) {
			put(d, tok, run);
			tok = cur = run;
		}
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

/* Whether a link, [text](url) on one line, starts at the "[" at tok: its "]" (*close) is
 * followed by "(" and a ")" comes before the line ends. Returns the end of the link (after the
 * ")"), or NULL. The closers are looked up in d->bracket and d->paren, which remember them: a
 * line of "[" or "[a](" without their closers costs one scan of it, not one per opener. */
static uptr link_end(decoder *d, uptr tok, uptr lim, uptr *close)
{
	*close = dec_ahead_find(&d->bracket, tok + 1, lim, ']', '\n');
	if (*close >= lim || **close != ']' || (*close)[1] != '(')
		return NULL;
	uptr end = dec_ahead_find(&d->paren, *close + 2, lim, ')', '\n');
	return end < lim && *end == ')' ? end + 1 : NULL;
}

static void decode_markdown(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		/* Plain text a word at a time (lexer/core/runs.h); the scanner goes on from there. */
		uptr run = runs_text(tok, lim, '[', '\\', ']');
		if (run != tok) {
			put(d, tok, run);
			tok = cur = run;
		}
		/*!use:re2c:content
			([\t\n\x20-\x5a\x5e-\x7e] | u8mb_np)+ { put(d, tok, cur); continue; }
			/* [KPAL](#) and [text](http://...) keep their text: "[" [^\]\n]* "](" [^)\n]* ")",
			 * its closers looked up once (link_end), not rescanned from every "[". */
			"[" {
				uptr close, end = link_end(d, tok, lim, &close);
				if (end) {
					put(d, tok + 1, close);
					cur = end;
					continue;
				}
				put(d, tok, cur);
				continue;
			}
			"\\" [\\`*_{}[\]()#+\-.!|<>~]  { put(d, tok + 1, cur); continue; }
			"\\" | "]"                     { put(d, tok, cur); continue; }
			pilcrow / [0-9A-Z]             { continue; }
			pilcrow                        { put(d, tok, cur); continue; }
			$                              { return; }
		*/
	}
}

/* ---- WikiLeaks cable page ---------------------------------------------------------------- */

/* From inside a tag (after its name and a blank): moves *pc past the tag's '>', the first one,
 * and returns 1; returns 0 when a NUL or the end of the input comes first. The '>' is looked up
 * in d->gt, which remembers it: a run of "<a x " or "< x " without one costs one scan, not one
 * per opener. */
static int past_tag(decoder *d, uptr *pc, uptr lim)
{
	uptr gt = dec_ahead_find(&d->gt, *pc, lim, '>', '>');
	if (gt >= lim || *gt != '>')
		return 0;
	*pc = gt + 1;
	return 1;
}

/* Decodes the content of one <pre> block up to its </pre>; returns where scanning resumes. */
static uptr decode_pre(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		/* Plain text and its line ends a block at a time (lexer/core/runs.h; stopped at every
		 * line end, the run rule below took the rest of a telegram byte by byte, half the cost
		 * of a body-text file); the scanner goes on from there. */
		uptr run = runs_text_lines(tok, lim, '&', '<');
		if (run != tok) {
			put(d, tok, run);
			tok = cur = run;
		}
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
			/* TAGS links keep their text: <a href='/tag/PREL_0.html'>PREL</a>; the paragraph
			 * anchors WikiLeaks added go, pilcrow and all: <a id='par1' href='#par1'>¶</a>.
			 * Only the opener is matched: past_tag finds the '>' (none before a NUL: not a
			 * tag, the "<" stays). */
			"<a>"                            { continue; }
			"<a" [ \t\n] {
				if (!past_tag(d, &cur, lim)) {
					cur = tok + 1;
					put(d, tok, cur);
					continue;
				}
				if ((size_t)(lim - cur) >= 6 && !memcmp(cur, "\xc2\xb6</a>", 6))
					cur += 6;
				continue;
			}
			"</a>" | "<br" [ \t]* "/"? ">" | "</br>" { continue; }
			"&" | "<"                        { put(d, tok, cur); continue; }
			pilcrow / [0-9A-Z]               { continue; }
			pilcrow                          { put(d, tok, cur); continue; }
			$                                { return cur; }
		*/
	}
}

/* Appends the text of a table cell (tags dropped, entities decoded, blanks collapsed) to t. */
static void cell_bad_byte(const decoder *d, text *t, unsigned char c)
{
	char buf[4];
	unsigned long cp = d->cp1252 ? cp1252_char(c) : 0;
	size_t n = cp ? utf8_encode(cp, buf) : 0;
	if (n)
		text_put(t, buf, n, 0);
	else
		text_put(t, "\xef\xbf\xbd", 3, 0); /* U+FFFD */
}

static uptr cell_text(decoder *d, uptr cur, uptr lim, text *t)
{
	uptr mar = NULL, tok;
	for (;;) {
		tok = cur;
		/*!local:re2c
			re2c:flags:nested-ifs = 1;
			"</td>" | "</th>" | "</tr>" | "</table>" { return tok; }
			/* A tag, "<" [^>]* ">"; a "<" without a '>' is dropped alone. */
			"<"                { past_tag(d, &cur, lim); continue; }
			"&amp;"            { text_putc(t, '&', 0); continue; }
			"&lt;"             { text_putc(t, '<', 0); continue; }
			"&gt;"             { text_putc(t, '>', 0); continue; }
			"&quot;"           { text_putc(t, '"', 0); continue; }
			"&#39;" | "&apos;" { text_putc(t, '\'', 0); continue; }
			[ \t\r\n]+         { if (t->len && t->buf[t->len - 1] != ' ') text_putc(t, ' ', 0); continue; }
			([\x21-\x25\x27-\x3b\x3d-\x7e] | u8mb_np)+ { text_put(t, (const char *)tok, (size_t)(cur - tok), 0); continue; }
			/* Only UTF-8 reaches the record: a byte that is not is read as the page's text is
			 * (Windows-1252, else U+FFFD), a control character is a space (a cell of raw bytes
			 * reached the record's id: found by fuzz_archive). */
			[\x01-\x08\x0b\x0c\x0e-\x1f\x7f] { text_putc(t, ' ', 0); continue; }
			[\x80-\xff]        { cell_bad_byte(d, t, *tok); continue; }
			"&" | "\x00"       { continue; }
			$                  { return cur; }
			*                  { continue; }
		*/
	}
	(void)mar;
}

static const char *cell_string(decoder *d, uptr *pc, uptr lim)
{
	text *t = &d->scratch;
	text_clear(t);
	*pc = cell_text(d, *pc, lim, t);
	size_t n = t->len;
	while (n && t->buf[n - 1] == ' ')
		n--;
	const char *s = t->buf ? t->buf : "";
	size_t skip = 0;
	while (skip < n && s[skip] == ' ')
		skip++;
	/* Keep only valid UTF-8 in the record: a cell with anything else is dropped. */
	return arena_strndup(d->arena, s + skip, n - skip);
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

/* Whether class='cable' (any case, either quote) is in the tag from cur, before its '>'. */
static int cable_class(uptr cur, uptr lim)
{
	uptr mar = NULL;
	for (;;) {
		/*!re2c
			'class=' ['"] 'cable' ['"]  { return 1; }
			[>\x00]                     { return 0; }
			$                           { return 0; }
			*                           { continue; }
		*/
	}
	(void)mar;
}

/* The next "<" from cur that can open one of decode_html's tags (<table, </table>, <th, <td,
 * <pre: "<t", "<p" or "</t"), or lim. Every other "<" is taken by the scanner's one-byte rule
 * and the bytes between by its run: skipped here sixteen places a turn (a page's chrome is
 * mostly other tags, each a memchr call and a scanner turn before). lim[0] is the sentinel. */
static uptr next_page_tag(uptr cur, uptr lim)
{
	const unsigned char *p = cur;
#if defined(RUNS_SSE2) && defined(__GNUC__)
	const __m128i lt = _mm_set1_epi8('<'), t = _mm_set1_epi8('t'), pre = _mm_set1_epi8('p'),
		      slash = _mm_set1_epi8('/');
	while (lim - p >= 18) {
		__m128i at = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), lt);
		/* Most blocks of a page hold no "<" at all: the bytes after one are looked at only
		 * where there is one. */
		if (_mm_movemask_epi8(at)) {
			__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
			__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
			__m128i hit = _mm_and_si128(
				at, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, t), _mm_cmpeq_epi8(b, pre)),
						 _mm_and_si128(_mm_cmpeq_epi8(b, slash), _mm_cmpeq_epi8(c, t))));
			int mask = _mm_movemask_epi8(hit);
			if (mask)
				return p + __builtin_ctz((unsigned)mask);
		}
		p += 16;
	}
#endif
	for (; p < lim; p++)
		/* p[1] is at most the sentinel; p[2] is read only after a p[1] before lim */
		if (*p == '<' && (p[1] == 't' || p[1] == 'p' || (p[1] == '/' && p[2] == 't')))
			return p;
	return lim;
}

static int decode_html(decoder *d, uptr cur, uptr lim, decoded *out)
{
	uptr mar = NULL, tok;
	/* A <table ...> tag ending at gt_no_class has no class='cable' from no_class_from on. */
	uptr no_class_from = NULL, gt_no_class = NULL;
	int in_table = 0, pres = 0, ncells = 0, nheads = 0;
	int head_key[16];
	for (;;) {
		/* Every rule but the run ([^<\x00]+, "\x00": nothing to do) and the lone "<" starts
		 * with "<t", "<p" or "</t": what comes before the next of those is skipped at once, as
		 * those two rules would take it. */
		cur = next_page_tag(cur, lim);
		tok = cur;
		/*!re2c
			/* "<table" [ \t\r\n]+ [^>]* 'class=' ['"] 'cable' ['"] [^>]* ">": the opener is
			 * matched, then its '>' looked up (past_tag) and the class looked for before it,
			 * once for all the openers that share that '>' (no_class_*). */
			"<table" [ \t\r\n] {
				uptr in_tag = cur;
				if ((gt_no_class && in_tag >= no_class_from && in_tag <= gt_no_class) ||
				    !past_tag(d, &cur, lim)) {
					cur = tok + 1;
					continue;
				}
				if (!cable_class(in_tag, lim)) {
					no_class_from = in_tag;
					gt_no_class = cur - 1;
					cur = tok + 1;
					continue;
				}
				in_table = 1;
				ncells = nheads = 0;
				continue;
			}
			"</table>" { in_table = 0; continue; }
			/* "<th" ([ \t\r\n] [^>]*)? ">", "<td" and "<pre" alike: the '>' is looked up. */
			"<th>" | "<th" [ \t\r\n] {
				if (cur[-1] != '>' && !past_tag(d, &cur, lim)) {
					cur = tok + 1;
					continue;
				}
				if (in_table) {
					const char *name = cell_string(d, &cur, lim);
					if (nheads < 16)
						head_key[nheads++] = meta_key(name);
				}
				continue;
			}
			"<td>" | "<td" [ \t\r\n] {
				if (cur[-1] != '>' && !past_tag(d, &cur, lim)) {
					cur = tok + 1;
					continue;
				}
				if (in_table) {
					uint64_t at = dec_at(d, cur);
					const char *value = cell_string(d, &cur, lim);
					int key = ncells < nheads ? head_key[ncells]
						: nheads == 0 && ncells < WL_FIELDS ? ncells : -1;
					if (key >= 0 && !out->meta[key]) {
						out->meta[key] = value;
						out->meta_at[key] = at;
						out->has_meta = 1;
					}
					ncells++;
				}
				continue;
			}
			"<pre>" | "<pre" [ \t\r\n] {
				if (cur[-1] != '>' && !past_tag(d, &cur, lim)) {
					cur = tok + 1;
					continue;
				}
				pres++;
				if (pres == 2) {
					/* The second block is the body: mark the boundary. */
					subst(d, "\n", 1, tok);
					out->header_end = d->out->len;
					out->body_start = d->out->len;
				} else if (pres > 2) {
					subst(d, "\n", 1, tok);
				}
				uptr block = cur;
				cur = decode_pre(d, cur, lim);
				/* A page cut short (a download stopped part way) ends inside a block: what
				 * is there is read, and the record says the rest is missing. */
				if (!(cur - block >= 6 && memcmp(cur - 6, "</pre>", 6) == 0))
					diag_in(d->diags, CW_ERROR, "INPUT_TRUNCATED", dec_at(d, lim),
						"the page ends inside its %s block (no </pre>): the input "
						"was cut short at byte %llu, the rest of the telegram is "
						"missing", pres == 1 ? "first (routing header)" : "body",
						(unsigned long long)dec_at(d, lim));
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

/* ---- a page's body block saved as text ---------------------------------------------------- */

static void decode_body_text(decoder *d, uptr cur, uptr lim, decoded *out)
{
	uptr mar = NULL;
	/* Skip to the <pre>; what follows is the body, as in a page's second block. */
	for (;;) {
		/*!re2c
			[ \t\r\n]* "<code>"? "<pre" [^>\x00]* ">" { break; }
			[ \t\r\n]+                              { continue; }
			*                                       { cur--; break; }
			$                                       { return; }
		*/
	}
	(void)mar;
	decode_pre(d, cur, lim);
	/* All of it is body: no routing header in this form. */
	out->has_blocks = 1;
	out->header_end = 0;
	out->body_start = 0;
}

/* ---- cables.csv ------------------------------------------------------------------------------ */

/* One field, from just after its opening quote to its closing quote; the leak's escapes are
 * undone: \" and "" are a quote, \\ a backslash, a backslash before a line end is that line end,
 * \n \t are newline and tab. Returns where the field ends (after the quote). */
static uptr csv_quoted(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		/* Plain text a word at a time (lexer/core/runs.h); the scanner goes on from there. */
		uptr run = runs_text(tok, lim, '"', '\\', '\\');
		if (run != tok) {
			put(d, tok, run);
			tok = cur = run;
		}
		/*!use:re2c:content
			"\"" "\""                          { subst(d, "\"", 1, tok); continue; }
			"\""                               { return cur; }
			"\\" "\""                          { subst(d, "\"", 1, tok); continue; }
			"\\" "\\"                          { subst(d, "\\", 1, tok); continue; }
			"\\" "'"                           { subst(d, "'", 1, tok); continue; }
			"\\" [ \t]* ("\r\n" | "\n" | "\r") { subst(d, "\n", 1, tok); continue; }
			"\\n"                              { subst(d, "\n", 1, tok); continue; }
			"\\t"                              { subst(d, "\t", 1, tok); continue; }
			"\\r" | "\\0"                      { continue; }
			"\\"                               { continue; }
			([\t\n\x20-\x21\x23-\x5b\x5d-\x7e] | u8mb_np)+ { put(d, tok, cur); continue; }
			pilcrow / [0-9A-Z]                 { continue; }
			pilcrow                            { put(d, tok, cur); continue; }
			$                                  { return cur; }
		*/
	}
	(void)mar;
}

/* An unquoted field, to the next comma or line end. */
static uptr csv_bare(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, tok;
	for (;;) {
		tok = cur;
		/* Bytes that are not UTF-8 are decoded as in every other field (a cell of raw
		 * bytes reached the record as invalid UTF-8: found by fuzz_cable). */
		/*!local:re2c
			re2c:flags:nested-ifs = 1;
			([\t\x20-\x2b\x2d-\x7e] | u8mb_np)+ { put(d, tok, cur); continue; }
			[\x01-\x08\x0b\x0c\x0e-\x1f\x7f] { control(d, tok); continue; }
			[\x80-\xff]   { bad_byte(d, tok); continue; }
			*             { return tok; }
			$             { return cur; }
		*/
	}
	(void)mar;
}

static const char *csv_meta(decoder *d, text *t)
{
	size_t n = t->len;
	while (n && (t->buf[n - 1] == ' ' || t->buf[n - 1] == '\n'))
		n--;
	const char *s = t->buf ? t->buf : "";
	size_t skip = 0;
	while (skip < n && s[skip] == ' ')
		skip++;
	return arena_strndup(d->arena, s + skip, n - skip);
}

static int decode_csv(decoder *d, uptr cur, uptr lim, decoded *out)
{
	/* Fields 1-6 go to the provenance; 7 (the routing header) and 8 (the text) are the two
	 * blocks of the telegram. */
	text *body = d->out;
	int field = 0;
	text meta;
	text_init(&meta);
	while (cur < lim && (*cur == ' ' || *cur == '\t' || *cur == '\r' || *cur == '\n'))
		cur++;
	while (cur < lim && field < 8) {
		field++;
		int to_text = field >= 7;
		if (field == 8) {
			subst(d, "\n", 1, cur);
			out->header_end = body->len;
			out->body_start = body->len;
		}
		if (!to_text) {
			text_clear(&meta); /* its memory kept for the next field */
			d->out = &meta;
		}
		while (cur < lim && (*cur == ' ' || *cur == '\t'))
			cur++;
		if (cur < lim && *cur == '"')
			cur = csv_quoted(d, cur + 1, lim);
		else
			cur = csv_bare(d, cur, lim);
		if (!to_text) {
			out->csv[field - 1] = csv_meta(d, &meta);
			d->out = body;
		}
		/* to the next field */
		while (cur < lim && *cur != ',' && *cur != '\n')
			cur++;
		if (cur < lim && *cur == ',')
			cur++;
		else
			break;
	}
	d->out = body;
	text_free(&meta);
	out->csv_fields = field;
	out->has_csv = field > 0;
	if (field >= 8) {
		out->has_blocks = 1;
	} else if (field == 7) {
		/* No text column: the header column is all there is. */
		out->has_blocks = 1;
		out->header_end = out->body_start = body->len;
	}
	return 0;
}

/* How the bytes above 0x7F read: 1 when they are Windows-1252 rather than UTF-8 (invalid UTF-8
 * and not one valid multi-byte sequence). */
static int looks_cp1252(uptr cur, uptr lim)
{
	uptr mar = NULL;
	size_t invalid = 0;
	for (;;) {
		/* Most input is ASCII: skipped a word at a time. */
		cur = runs_ascii(cur, lim);
		/*!local:re2c
			re2c:flags:nested-ifs = 1;
			[\x00-\x7f]+ { continue; }
			/* One valid multi-byte sequence settles it: the answer cannot change. */
			u8mb         { return 0; }
			[\x80-\xff]  { invalid++; continue; }
			$            { break; }
			*            { continue; }
		*/
	}
	(void)mar;
	return invalid > 0;
}

/* ---- detection --------------------------------------------------------------------------- */

/* A line of at least six words: what a story has and a stray fragment does not. */
static int has_prose(const char *p, const char *lim)
{
	int words = 0, in = 0;
	for (; p < lim; p++) {
		if (*p == '\n') {
			words = in = 0;
			continue;
		}
		int w = *p != ' ' && *p != '\t' && *p != '\r';
		if (w && !in && ++words >= 6)
			return 1;
		in = w;
	}
	return 0;
}

/* The header line after an IPTC 7901 message's SOH (at cur): "\x01" [A-Za-z]+ digit+ " "+ digit " ". */
static int iptc_header_at(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!re2c
		"\x01" [A-Za-z]+ digit+ " "+ digit " " { return 1; }
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

/* An HTML page: a WikiLeaks cable page when the window shows one of its marks (a <pre> block,
 * the "Cable Viewer" title, the cable table's class), else any other page, read as a saved
 * news page. A <pre> on a page that carries a news page's metadata (Open Graph, JSON-LD, an
 * <article>) is a code sample, not a telegram. */
static int window_has(const char *w, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	for (const char *p = w; (size_t)(w + n - p) >= k; p++) {
		p = memchr(p, '<', (size_t)(w + n - p));
		if (!p || (size_t)(w + n - p) < k)
			return 0;
		if (!strncasecmp(p, lit, k))
			return 1;
	}
	return 0;
}

static int window_has_text(const char *w, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	for (const char *p = w; (size_t)(w + n - p) >= k; p++) {
		p = memchr(p, lit[0], (size_t)(w + n - p));
		if (!p || (size_t)(w + n - p) < k)
			return 0;
		if (!memcmp(p, lit, k))
			return 1;
	}
	return 0;
}

static cw_form page_form(const char *w, size_t n)
{
	/* A saved page starts with its markup; a text that only mentions <BODY> further on (a
	 * README of a collection) is no page and keeps the old reading. */
	size_t i = n >= 3 && !memcmp(w, "\xef\xbb\xbf", 3) ? 3 : 0;
	while (i < n && (w[i] == ' ' || w[i] == '\t' || w[i] == '\r' || w[i] == '\n'))
		i++;
	if (i >= n || w[i] != '<')
		return CW_FORM_WIKILEAKS_HTML;
	if (window_has_text(w, n, "Cable Viewer") || window_has_text(w, n, "class='cable'") ||
	    window_has_text(w, n, "class=\"cable\""))
		return CW_FORM_WIKILEAKS_HTML;
	int pre = window_has(w, n, "<pre>") || window_has(w, n, "<pre ");
	int news = window_has_text(w, n, "og:title") || window_has_text(w, n, "application/ld+json") ||
		   window_has(w, n, "<article");
	return pre && !news ? CW_FORM_WIKILEAKS_HTML : CW_FORM_ARTICLE_HTML;
}

/* Look at the start only: the decision must not cost a pass over a huge input. */
enum { WINDOW = 64 * 1024 };

static cw_form detect_text(const char *w, size_t n, size_t len, int md);

/* The decision over the window w[0, n), n = min(len, WINDOW), with w[n] == '\0' (the scanners'
 * sentinel). w is only read: the text path below works on a copy of its own. */
static cw_form detect_window(const char *w, size_t n, size_t len)
{
	const char *local = w;
	/* The agencies' markup (NITF, NewsML, ninjs): decided by the root element or the JSON
	 * object's keys, in C (parser/input/markup_sniff.c), before any scanner runs. */
	cw_form markup = markup_detect(w, n);
	if (markup != CW_FORM_AUTO)
		return markup;
	uptr cur = (uptr)local, lim = cur + n, mar = NULL, tok;
	int md = 0;
	dec_ahead paren = { NULL, NULL };
	/* Wire streams: SYN SYN SOH opens an ANPA-1312 story wherever it comes (line noise may
	 * precede it); a bare SOH and a header line, an IPTC 7901 message. */
	for (const char *q = local; (q = memchr(q, 0x16, n - (size_t)(q - local))); q++)
		if ((size_t)(q - local) + 2 < n && q[1] == 0x16 && q[2] == 0x01)
			return CW_FORM_ANPA;
	/* An IPTC 7901 message: an SOH among the first 257 bytes, no NUL before it, and a header
	 * line after it. Looked for first: when it matches, its match holds the SOH and is longer
	 * than any of the starts below (they hold none), so in one block it won. As one rule,
	 * [^\x01\x00]{0,256} "\x01" ..., it multiplied every state of the others by 257. */
	const char *soh = memchr(local, 0x01, n < 257 ? n : 257);
	if (soh && !memchr(local, '\0', (size_t)(soh - local)) && iptc_header_at((uptr)soh, lim))
		return CW_FORM_IPTC7901;
	/* What the input starts with: a cables.csv row, a body block saved as text, Reuters SGML. */
	/*!re2c
		"\xef\xbb\xbf"? [ \t\r\n]* "\""? digit+ "\""? "," "\""? digit{1,2} "/" digit{1,2} "/" digit{4}
			{ return CW_FORM_CABLES_CSV; }
		"\xef\xbb\xbf"? [ \t\r\n]* "<code><pre>" { goto body_text; }
		"\xef\xbb\xbf"? [ \t\r\n]* ("<!DOCTYPE lewis" | "<REUTERS" [ \t\r\n>]) { return CW_FORM_REUTERS_SGML; }
		"" { goto scan; }
		$  { goto scan; }
	*/
body_text:
	/* A body block has no page around it. */
	for (;;) {
		/* The text between tags a block at a time (lexer/core/runs.h): a byte at a time, the
		 * rule below was a ninth of the instructions of a run over body-text files. */
		tok = cur = runs_without4(cur, lim, '<', '\0', '<', '\0');
		/*!re2c
			'<html' | '<table' | '<!DOCTYPE' { return CW_FORM_WIKILEAKS_HTML; }
			$ { return CW_FORM_BODY_TEXT; }
			[^<\x00]+ | "<" | "\x00" { continue; }
			* { continue; }
		*/
	}
scan:
	cur = (uptr)local;
	for (;;) {
		tok = cur;
		/*!re2c
			/* A page mark decides at once: nothing later in the window can overrule it,
			 * and a page is otherwise scanned byte by byte for 64 KiB. */
			'<!DOCTYPE html' | '<html' | '<body' { return page_form(w, n); }
			"<table class='cable'>"                      { return CW_FORM_WIKILEAKS_HTML; }
			'<pre' [ >]                                   { return CW_FORM_WIKILEAKS_HTML; }
			/* Runs of bytes no rule can start with, skipped in one step. */
			[^<[\\\n\x00]+                                 { continue; }
			/* A link: "[" [^\]\n]{1,80} "](" [^)\n]* ")", its ")" looked up (paren). */
			"[" [^\]\n\x00]{1,80} "](" {
				uptr end = dec_ahead_find(&paren, cur, lim, ')', '\n');
				if (end < lim && *end == ')') {
					md++;
					cur = end + 1;
				} else {
					cur = tok + 1;
				}
				continue;
			}
			"\n" "|" [^\n\x00]* "|" [ \t]* "\n"             { md++; continue; }
			"\\" [_*[\]#]                                 { md++; continue; }
			$                                             { break; }
			*                                             { continue; }
		*/
	}
	(void)mar;
	(void)tok;
	return detect_text(w, n, len, md);
}

/* Text: the window's lines decide. They are rewritten (exported line breaks, a last line
 * completed), so on a copy: the window is the caller's input. */
static cw_form detect_text(const char *window, size_t n, size_t len, int md)
{
	char local[WINDOW + 2];
	memcpy(local, window, n);
	local[n] = '\0';
	/* Line breaks exported as "\n": sniffed as the lines they were. */
	if (dec_escaped_newlines((uptr)local, (uptr)local + n)) {
		size_t w = 0;
		for (size_t r = 0; r < n; r++) {
			if (local[r] == '\\' && r + 1 < n && local[r + 1] == 'n') {
				local[w++] = '\n';
				r++;
			} else if (local[r] == '\\' && r + 1 < n) {
				local[w++] = local[r++];
				local[w++] = local[r];
			} else {
				local[w++] = local[r];
			}
		}
		n = w;
		local[n] = '\0';
	}
	/* Text: a telegram when it shows one of a telegram's marks, else a news story. The scanner
	 * reads whole lines: the window ends with one. */
	if (n && local[n - 1] != '\n') {
		if (n == WINDOW)
			n--;
		local[n++] = '\n';
		local[n] = '\0';
	}
	/* An excerpt's tail (last paragraph and signature) counts when the window holds the end. */
	if (!news_looks_like_telegram(local, local + n) && has_prose(local, local + n) &&
	    !(len < WINDOW && news_looks_like_telegram_tail(local, local + n)))
		return news_wire_layout(local, local + n) ? CW_FORM_WIRE_TEXT : CW_FORM_ARTICLE_TEXT;
	if (md)
		return CW_FORM_MARKDOWN;
	/* Text that is not UTF-8 is taken for the release's PDFs converted to text. */
	if (looks_cp1252((uptr)local, (uptr)local + n))
		return CW_FORM_PDF_TEXT;
	return CW_FORM_TEXT;
}

cw_form form_detect_in_place(char *buf, size_t len)
{
	/* NUL bytes before the text (a file padded with zeros: decoding removes them) say nothing
	 * of its form. */
	while (len && *buf == '\0')
		buf++, len--;
	size_t n = len < WINDOW ? len : WINDOW;
	/* The scanners' sentinel at the window's end, put back after: a page's 64 KiB are not
	 * copied to be looked at (a copy per page was a fifth of the instructions of a run over
	 * WikiLeaks pages). */
	char kept = buf[n];
	buf[n] = '\0';
	cw_form form = detect_window(buf, n, len);
	buf[n] = kept;
	return form;
}

cw_form form_detect(const char *buf, size_t len)
{
	while (len && *buf == '\0')
		buf++, len--;
	size_t n = len < WINDOW ? len : WINDOW;
	char local[WINDOW + 2];
	memcpy(local, buf, n);
	local[n] = '\0';
	return detect_window(local, n, len);
}

int form_decode(const char *input, size_t len, cw_form form, decode_out to, decoded *out)
{
	memset(out, 0, sizeof(*out));
	/* Parsed by libxml2 or jansson and walked, not decoded byte by byte. */
	if (form_is_markup(form))
		return markup_decode(input, len, form, to, out);
	decoder d;
	memset(&d, 0, sizeof d);
	d.arena = to.arena;
	d.diags = to.diags;
	d.out = to.text;
	d.base = (uptr)input;
	uptr cur = d.base, lim = d.base + len;
	/* A byte-order mark says UTF-8 and nothing else. */
	if (len >= 3 && memcmp(cur, "\xef\xbb\xbf", 3) == 0)
		cur += 3;
	/* Bytes above 0x7F that are not UTF-8 are read as Windows-1252 (which Latin-1 text also
	 * is); the PDF form is always, unless it holds real UTF-8. */
	d.cp1252 = looks_cp1252(cur, lim);
	/* Only plain telegram text is read with exported line breaks (decode_text). */
	d.escaped_nl = (form == CW_FORM_TEXT || form == CW_FORM_PDF_TEXT) && dec_escaped_newlines(cur, lim);
	if (d.cp1252)
		diag_in(d.diags, CW_NOTE, "ENC_CP1252", 0,
			    "the input is not UTF-8: read as Windows-1252 (Latin-1) and converted");
	int rc = 0;
	switch (form) {
	case CW_FORM_WIKILEAKS_HTML:
		rc = decode_html(&d, cur, lim, out);
		break;
	case CW_FORM_MARKDOWN:
		decode_markdown(&d, cur, lim);
		break;
	case CW_FORM_CABLES_CSV:
		rc = decode_csv(&d, cur, lim, out);
		break;
	case CW_FORM_BODY_TEXT:
		decode_body_text(&d, cur, lim, out);
		break;
	case CW_FORM_ARTICLE_TEXT:
	case CW_FORM_WIRE_TEXT:
		out->is_article = 1;
		news_decode_text(&d, cur, lim);
		break;
	case CW_FORM_REUTERS_SGML:
		rc = news_decode_sgml(&d, cur, lim, out);
		break;
	case CW_FORM_ANPA:
		rc = news_decode_anpa(&d, cur, lim, out);
		break;
	case CW_FORM_IPTC7901:
		rc = news_decode_iptc(&d, cur, lim, out);
		break;
	default:
		decode_text(&d, cur, lim);
		break;
	}
	text_free(&d.scratch);
	text_finish(to.text, len);
	report(&d);
	if (out->has_blocks && out->header_end > to.text->len)
		out->header_end = out->body_start = to.text->len;
	return rc;
}

int form_is_article(cw_form form)
{
	return form == CW_FORM_ARTICLE_TEXT || form == CW_FORM_WIRE_TEXT ||
	       form == CW_FORM_REUTERS_SGML || form == CW_FORM_ANPA || form == CW_FORM_IPTC7901 ||
	       form_is_markup(form);
}
