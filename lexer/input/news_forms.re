/* News input forms: web-page text, plain wire copy, Reuters-21578 SGML, ANPA-1312 and IPTC 7901
 * streams (see news_forms.h). The framing bytes of the wire formats (SOH, STX, ETX, EOT, US,
 * DC1-DC4, TLI) are structure, not text: they are read here and never reach the record's text.
 * Header fields are read on the raw bytes by lexer/input/wire.re. */
#include "lexer/input/news_forms.h"
#include "lexer/core/runs.h"

#include <string.h>

#include "lexer/input/decoder_names.h"
#include "lexer/input/wire.h"

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

/* Named entities a scraped page may keep. */
static int named_entity(decoder *d, uptr tok, uptr cur)
{
	static const struct {
		const char *name, *utf8;
	} names[] = {
		{ "&amp;", "&" },         { "&lt;", "<" },           { "&gt;", ">" },
		{ "&quot;", "\"" },       { "&apos;", "'" },         { "&#39;", "'" },
		{ "&nbsp;", " " },        { "&mdash;", "\xe2\x80\x94" }, { "&ndash;", "\xe2\x80\x93" },
		{ "&hellip;", "\xe2\x80\xa6" }, { "&rsquo;", "\xe2\x80\x99" }, { "&lsquo;", "\xe2\x80\x98" },
		{ "&rdquo;", "\xe2\x80\x9d" }, { "&ldquo;", "\xe2\x80\x9c" }, { "&bull;", "\xe2\x80\xa2" },
	};
	size_t n = (size_t)(cur - tok);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i].name) == n && !memcmp(names[i].name, tok, n)) {
			subst(d, names[i].utf8, strlen(names[i].utf8), tok);
			return 1;
		}
	return 0;
}

/* The trailer's date and time, with its zone's offset when the zone is a known one. */
static void set_wire_time(decoded *out, const wire_trailer *t)
{
	out->wire_time[0] = t->year;
	out->wire_time[1] = t->month;
	out->wire_time[2] = t->day;
	out->wire_time[3] = t->hour;
	out->wire_time[4] = t->minute;
	out->wire_zone_known = wire_zone_offset(t->zone, &out->wire_zone);
}

/* ---- web-page text and wire copy ---------------------------------------------------------- */

void news_decode_text(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		/*!use:re2c:content
			([\t\n\x20-\x25\x27-\x7e] | u8mb_sp)+ { put(d, tok, cur); continue; }
			/* A no-break space is a space. */
			"\xc2\xa0"                      { subst(d, " ", 1, tok); continue; }
			"&#" [xX] hex{1,6} ";" | "&#" digit{1,7} ";" { dec_numeric_entity_drop_controls(d, tok, cur); continue; }
			"&" [a-z]{2,8} ";"              { if (!named_entity(d, tok, cur)) put(d, tok, cur); continue; }
			"&"                             { put(d, tok, cur); continue; }
			$                               { return; }
		*/
	}
	(void)mar;
}

/* ---- wire text between STX and ETX -------------------------------------------------------- */

/* Decodes up to ETX (or EOT, or the end); returns where it stopped (at the ETX/EOT byte). The
 * framing bytes are structure here, so the shared content rules (which turn control characters
 * into spaces) do not apply. */
static uptr wire_text(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, tok;
	for (;;) {
		tok = cur;
		/*!local:re2c:wiretext
			re2c:flags:nested-ifs = 1;
			"\x03" | "\x04"                 { return tok; }
			"\r\n" | "\r"                    { subst(d, "\n", 1, tok); continue; }
			"\x0c"                           { subst(d, "\n", 1, tok); continue; }
			"\x00"                           { nul(d, tok); continue; }
			/* Line indicators and format codes of the wire (TLI, DC1-DC4, US, SYN, DEL) are
			 * not text; the TTS space band is a space. */
			[\x08\x11-\x14\x16\x1f\x7f]     { continue; }
			"\x10"                           { subst(d, " ", 1, tok); continue; }
			[\x01\x02\x05-\x07\x0b\x0e\x0f\x15\x17-\x1e] { control(d, tok); continue; }
			([\t\n\x20-\x7e] | u8mb)+       { put(d, tok, cur); continue; }
			[\x80-\xff]                      { bad_byte(d, tok); continue; }
			*                               { bad_byte(d, tok); continue; }
			$                               { return cur; }
		*/
	}
	(void)mar;
}

static const char *field(decoder *d, slice s)
{
	if (!s.s || !s.n)
		return NULL;
	char *c = arena_alloc_raw(d->arena, s.n + 1);
	if (!c)
		return NULL;
	/* Header fields are ASCII; anything else would not be text. Copied and checked in one
	 * pass (a story's dozen fields and attributes). */
	for (size_t i = 0; i < s.n; i++) {
		unsigned char b = (unsigned char)s.s[i];
		c[i] = b >= 0x80 || b < 0x20 ? '?' : (char)b;
	}
	c[s.n] = '\0';
	return c;
}

static uptr find_byte(uptr p, uptr lim, unsigned char c)
{
	const void *q = p < lim ? memchr(p, c, (size_t)(lim - p)) : NULL;
	return q ? (uptr)q : NULL;
}

/* Bytes before the story's SOH that are not blank: line noise of a serial capture. */
static void noise_before(decoder *d, uptr start, uptr soh)
{
	size_t noise = 0;
	for (uptr p = start; p < soh; p++)
		if (*p > ' ' && *p != 0x16 && *p != 0x7f)
			noise++;
	if (noise)
		diag_in(d->diags, CW_NOTE, "WIRE_NOISE", 0,
			    "%zu byte%s of line noise before the story, skipped", noise,
			    noise == 1 ? "" : "s");
}

int news_decode_anpa(decoder *d, uptr cur, uptr lim, decoded *out)
{
	out->is_article = 1;
	out->has_wire = 1;
	out->wire_format = "anpa";
	uptr soh = find_byte(cur, lim, 0x01);
	if (!soh) {
		diag_in(d->diags, CW_ERROR, "WIRE_NO_SOH", 0,
			    "no start of header (SOH): this is not an ANPA-1312 story");
		return -1;
	}
	noise_before(d, cur, soh);
	anpa_header h;
	scan_anpa_header((const char *)soh + 1, (const char *)lim, &h);
	if (!h.line2)
		diag_in(d->diags, CW_WARNING, "WIRE_HEADER", dec_at(d, soh + 1),
			    "the ANPA header line (priority, category, keyword, date, word count) is "
			    "not readable");
	out->wire[WF_SERVICE] = field(d, h.service);
	out->wire[WF_STORY] = field(d, h.story);
	out->wire[WF_SELECTOR] = field(d, h.selector);
	out->wire[WF_PRIORITY] = field(d, h.priority);
	out->wire[WF_CATEGORY] = field(d, h.category);
	out->wire[WF_KEYWORD] = field(d, h.keyword);
	out->wire[WF_VERSION] = field(d, h.version);
	out->wire[WF_REFERENCE] = field(d, h.reference);
	out->wire[WF_DATE] = field(d, h.date);
	out->wire[WF_WORDS] = field(d, h.words);
	if (h.format.s) {
		/* DC3 body type or DC4 agate; DC1 text or DC2 tabular ("preserved" layout) */
		int agate = h.format.s[0] == 0x14;
		int tabular = h.format.n > 1 && h.format.s[1] == 0x12;
		out->wire[WF_CODES] = agate ? (tabular ? "agate tabular" : "agate text")
					    : (tabular ? "body tabular" : "body text");
	}
	uptr after = (uptr)h.end;
	uptr stx = find_byte(after, lim, 0x02);
	uptr text_at = stx ? stx + 1 : after;
	if (!stx)
		diag_in(d->diags, CW_WARNING, "WIRE_NO_STX", dec_at(d, after),
			    "no start of text (STX) after the header: the rest is read as the text");
	uptr etx = wire_text(d, text_at, lim);
	if (etx < lim && *etx == 0x03) {
		wire_trailer t;
		if (scan_anpa_trailer((const char *)etx + 1, (const char *)lim, &t)) {
			out->wire[WF_TRAILER] = field(d, t.raw);
			out->wire[WF_SENDER] = field(d, t.sender);
			set_wire_time(out, &t);
		}
	} else {
		diag_in(d->diags, CW_WARNING, "WIRE_NO_ETX", dec_at(d, etx < lim ? etx : lim),
			    "the story's text has no end of text (ETX)");
	}
	return 0;
}

int news_decode_iptc(decoder *d, uptr cur, uptr lim, decoded *out)
{
	out->is_article = 1;
	out->has_wire = 1;
	out->wire_format = "iptc7901";
	uptr soh = find_byte(cur, lim, 0x01);
	if (!soh) {
		diag_in(d->diags, CW_ERROR, "WIRE_NO_SOH", 0,
			    "no start of header (SOH): this is not an IPTC 7901 message");
		return -1;
	}
	noise_before(d, cur, soh);
	iptc_header h;
	uptr after = soh + 1;
	if (scan_iptc_header((const char *)soh + 1, (const char *)lim, &h)) {
		out->wire[WF_SERVICE] = field(d, h.source);
		out->wire[WF_STORY] = field(d, h.number);
		out->wire[WF_PRIORITY] = field(d, h.priority);
		out->wire[WF_CATEGORY] = field(d, h.category);
		out->wire[WF_WORDS] = field(d, h.words);
		out->wire[WF_OPTIONAL] = field(d, h.optional);
		out->wire[WF_SENDER] = field(d, h.sender);
		after = (uptr)h.end;
	} else {
		diag_in(d->diags, CW_WARNING, "WIRE_HEADER", dec_at(d, soh + 1),
			    "the IPTC 7901 header line (source, number, priority, category, word "
			    "count) is not readable");
	}
	uptr stx = find_byte(after, lim, 0x02);
	if (stx) {
		/* Keyword lines between header and STX: Germany-politics/ */
		text keys;
		text_init(&keys);
		for (uptr p = after; p < stx; p++) {
			unsigned char c = *p;
			if (c == '\r')
				continue;
			if (c == '\n' || c >= 0x20)
				text_putc(&keys, c == '\n' ? '\n' : (char)c, 0);
		}
		size_t s = 0, n = keys.len;
		while (s < n && (keys.buf[s] == '\n' || keys.buf[s] == ' '))
			s++;
		while (n > s && (keys.buf[n - 1] == '\n' || keys.buf[n - 1] == ' '))
			n--;
		if (n > s)
			out->wire[WF_KEYLINES] = field(d, (slice){ keys.buf + s, n - s });
		text_free(&keys);
	} else {
		diag_in(d->diags, CW_WARNING, "WIRE_NO_STX", dec_at(d, after),
			    "no start of text (STX) after the header: the rest is read as the text");
	}
	uptr etx = wire_text(d, stx ? stx + 1 : after, lim);
	if (etx < lim && *etx == 0x03) {
		wire_trailer t;
		if (scan_iptc_trailer((const char *)etx + 1, (const char *)lim, &t)) {
			out->wire[WF_TRAILER] = field(d, t.raw);
			set_wire_time(out, &t);
		}
	} else {
		diag_in(d->diags, CW_WARNING, "WIRE_NO_ETX", dec_at(d, etx < lim ? etx : lim),
			    "the message's text has no end of text (ETX)");
	}
	return 0;
}

/* ---- Reuters-21578 SGML ------------------------------------------------------------------- */

/* Decodes element content up to the next "</"; returns where that is. Framing bytes written
 * as entities (&#2; &#3; &#22; ...) are dropped. */
static uptr sgml_content(decoder *d, uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		/* Plain text and its line ends a block at a time (lexer/core/runs.h); the scanner
		 * goes on from there. */
		uptr run = runs_text_lines(tok, lim, '&', '<');
		if (run != tok) {
			put(d, tok, run);
			tok = cur = run;
		}
		/*!use:re2c:content
			"</"                            { return tok; }
			"&#" [xX] hex{1,6} ";" | "&#" digit{1,7} ";" { dec_numeric_entity_drop_controls(d, tok, cur); continue; }
			"&lt;"                          { subst(d, "<", 1, tok); continue; }
			"&gt;"                          { subst(d, ">", 1, tok); continue; }
			"&amp;"                         { subst(d, "&", 1, tok); continue; }
			/* A tag, "<" [A-Za-z] [^>]* ">": its '>' looked up (d->gt, remembered, so that
			 * "<a x <a x ..." without one is not rescanned from every "<"). */
			"<" [A-Za-z] {
				uptr gt = dec_ahead_find(&d->gt, cur, lim, '>', '>');
				if (gt < lim && *gt == '>') {
					cur = gt + 1;
					continue;
				}
				cur = tok + 1;
				put(d, tok, cur);
				continue;
			}
			([\t\n\x20-\x25\x27-\x3b\x3d-\x7e] | u8mb)+ { put(d, tok, cur); continue; }
			"&" | "<"                       { put(d, tok, cur); continue; }
			$                               { return cur; }
		*/
	}
	(void)mar;
}

/* Printable ASCII that sgml_content copies as it is: no entity, markup or backslash (a
 * backslash before a line end is taken out). */
static int sgml_plain_byte(unsigned char c)
{
	return c >= 0x20 && c <= 0x7e && c != '&' && c != '<' && c != '\\';
}

/* The plain bytes from p: where the first other one is. */
static uptr sgml_plain_run(uptr p, uptr lim)
{
	while (p < lim && sgml_plain_byte(*p))
		p++;
	return p;
}

/* sgml_string's result where the element is plain items (the collection's own: a date,
 * <D>usa</D><D>uk</D>): each item one or more plain bytes, the first and last not blank; the
 * items a line each, as sgml_string writes them. Returns 0 (nothing read) for anything else,
 * which goes through the decoder (the general way was some 700 instructions for a story's
 * date). */
static int sgml_string_plain(decoder *d, uptr *pc, uptr lim, const char *end_tag, size_t tag_len,
			     const char **out)
{
	uptr cur = *pc, s, e;
	int list = lim - cur >= 3 && !memcmp(cur, "<D>", 3);
	size_t n = 0;
	uptr p = cur;
	/* the items' bounds, checked before anything is written */
	for (;;) {
		if (list)
			p += 3;
		s = p;
		e = sgml_plain_run(p, lim);
		if (e == s)
			return 0;
		n += (size_t)(e - s) + 1;
		p = e;
		if (list) {
			if (lim - p < 4 || memcmp(p, "</D>", 4))
				return 0;
			p += 4;
			if (lim - p >= 3 && !memcmp(p, "<D>", 3))
				continue;
		}
		break;
	}
	/* blanks at either end are trimmed: those go the general way */
	if ((size_t)(lim - p) < tag_len || memcmp(p, end_tag, tag_len) || cur[list ? 3 : 0] == ' ' ||
	    e[-1] == ' ')
		return 0;
	char *r = arena_alloc(d->arena, n);
	if (!r)
		return 0;
	size_t k = 0;
	for (uptr q = cur; q < p;) {
		if (list)
			q += 3;
		uptr qe = sgml_plain_run(q, p);
		memcpy(r + k, q, (size_t)(qe - q));
		k += (size_t)(qe - q);
		r[k++] = '\n';
		q = qe + (list ? 4 : 0);
	}
	r[k - 1] = '\0';
	*pc = p + tag_len;
	*out = r;
	return 1;
}

/* Element content as an arena string, blanks trimmed; items of a list element (<D>x</D>) one a
 * line. *pc moves past the element's end tag. The content is gathered in the decoder's scratch
 * text (a text of its own for each of a story's eight elements was sixteen mallocs). */
static const char *sgml_string(decoder *d, uptr *pc, uptr lim, const char *end_tag)
{
	text *t = &d->scratch;
	uptr cur = *pc;
	size_t tag_len = strlen(end_tag);
	/* An empty element (most of a story's PEOPLE, ORGS, EXCHANGES and COMPANIES) at once. */
	if ((size_t)(lim - cur) >= tag_len && !memcmp(cur, end_tag, tag_len)) {
		*pc = cur + tag_len;
		return NULL;
	}
	const char *plain;
	if (sgml_string_plain(d, pc, lim, end_tag, tag_len, &plain))
		return plain;
	text *saved = d->out;
	text_clear(t);
	d->out = t;
	for (;;) {
		cur = sgml_content(d, cur, lim);
		if (cur >= lim)
			break;
		if ((size_t)(lim - cur) >= tag_len && !memcmp(cur, end_tag, tag_len)) {
			cur += tag_len;
			break;
		}
		/* </D> between list items */
		if (t->len && t->buf[t->len - 1] != '\n')
			text_putc(t, '\n', 0);
		while (cur < lim && *cur != '>')
			cur++;
		if (cur < lim)
			cur++;
	}
	d->out = saved;
	size_t s = 0, n = t->len;
	while (s < n && (t->buf[s] == ' ' || t->buf[s] == '\n' || t->buf[s] == '\t'))
		s++;
	while (n > s && (t->buf[n - 1] == ' ' || t->buf[n - 1] == '\n' || t->buf[n - 1] == '\t'))
		n--;
	const char *r = n > s ? arena_strndup(d->arena, t->buf + s, n - s) : NULL;
	*pc = cur;
	return r;
}

/* Element content into the record's text, marked as a part. */
static uptr sgml_part(decoder *d, uptr cur, uptr lim, decoded *out, int part, const char *end_tag)
{
	size_t tag_len = strlen(end_tag);
	if (!out->part_set[part])
		out->part_start[part] = d->out->len;
	for (;;) {
		cur = sgml_content(d, cur, lim);
		if (cur >= lim)
			break;
		if ((size_t)(lim - cur) >= tag_len && !memcmp(cur, end_tag, tag_len)) {
			cur += tag_len;
			break;
		}
		/* another element's end tag: markup, not text */
		while (cur < lim && *cur != '>' && *cur != '\n')
			cur++;
		if (cur < lim && *cur == '>')
			cur++;
	}
	out->part_end[part] = d->out->len;
	out->part_set[part] = 1;
	out->has_parts = 1;
	return cur;
}

/* The ANPA header Reuters kept in <UNKNOWN>: entities decoded to the raw bytes, then read like a
 * wire header. */
static void sgml_unknown(decoder *d, uptr *pc, uptr lim, decoded *out)
{
	uptr cur = *pc;
	uptr end = cur;
	/* its end tag looked for at each "<" only (a byte at a time, and the copy below, were a
	 * twentieth of a Reuters story's decoding) */
	while (end < lim) {
		uptr lt = memchr(end, '<', (size_t)(lim - end));
		if (!lt) {
			end = lim;
			break;
		}
		end = lt;
		if (end + 10 <= lim && !memcmp(end, "</UNKNOWN>", 10))
			break;
		end++;
	}
	size_t cap = (size_t)(end - cur) + 2;
	char *raw = arena_alloc(d->arena, cap);
	size_t n = 0;
	for (uptr p = cur; p < end && raw;) {
		if (*p != '&') { /* up to the next entity in one copy */
			uptr amp = memchr(p, '&', (size_t)(end - p));
			size_t k = (size_t)((amp ? amp : end) - p);
			memcpy(raw + n, p, k);
			n += k;
			p += k;
			continue;
		}
		if (*p == '&' && p + 2 < end && p[1] == '#') {
			unsigned v = 0;
			uptr q = p + 2;
			while (q < end && *q >= '0' && *q <= '9' && v < 256)
				v = v * 10 + (unsigned)(*q++ - '0');
			if (q < end && *q == ';' && v < 256) {
				raw[n++] = (char)v;
				p = q + 1;
				continue;
			}
		}
		/* the named entities the release writes: BC-COBANCO-INC-&lt;CBCO> */
		if (*p == '&') {
			static const struct {
				const char *name;
				char c;
			} ents[] = { { "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' }, { "&quot;", '"' } };
			size_t k = 0;
			while (k < 4 && !((size_t)(end - p) >= strlen(ents[k].name) &&
					  !memcmp(p, ents[k].name, strlen(ents[k].name))))
				k++;
			if (k < 4) {
				raw[n++] = ents[k].c;
				p += strlen(ents[k].name);
				continue;
			}
		}
		raw[n++] = (char)*p++;
	}
	*pc = end + (end < lim ? 10 : 0);
	if (!raw)
		return;
	raw[n++] = '\n';
	raw[n] = '\0';
	const char *soh = memchr(raw, 0x01, n);
	if (!soh)
		return;
	anpa_header h;
	if (!scan_anpa_header(soh + 1, raw + n, &h))
		return;
	out->has_wire = 1;
	out->wire_format = "anpa";
	out->wire[WF_SERVICE] = field(d, h.service);
	out->wire[WF_STORY] = field(d, h.story);
	out->wire[WF_SELECTOR] = field(d, h.selector);
	out->wire[WF_PRIORITY] = field(d, h.priority);
	out->wire[WF_CATEGORY] = field(d, h.category);
	out->wire[WF_KEYWORD] = field(d, h.keyword);
	out->wire[WF_VERSION] = field(d, h.version);
	out->wire[WF_REFERENCE] = field(d, h.reference);
	out->wire[WF_DATE] = field(d, h.date);
	out->wire[WF_WORDS] = field(d, h.words);
}

static const char *attr_value(decoder *d, uptr s, uptr e)
{
	return field(d, (slice){ (const char *)s, (size_t)(e - s) });
}

int news_decode_sgml(decoder *d, uptr cur, uptr lim, decoded *out)
{
	uptr mar = NULL, ctx = NULL, tok, a0, a1, v0, v1;
	(void)ctx;
	/*!stags:re2c:sgml:sgmlattr:sgmltext format = 'uptr @@ = NULL;'; */
	out->is_article = 1;
	int in_record = 0;
	for (;;) {
		tok = cur;
		/*!re2c:sgml
			"<REUTERS" / [ \t\r\n>] { in_record = 1; out->has_sgml = 1; goto attrs; }
			"</REUTERS>" { break; }
			"<DATE>"      { out->sgml[SG_DATE] = sgml_string(d, &cur, lim, "</DATE>"); continue; }
			"<TOPICS>"    { out->sgml[SG_TOPICS] = sgml_string(d, &cur, lim, "</TOPICS>"); continue; }
			"<PLACES>"    { out->sgml[SG_PLACES] = sgml_string(d, &cur, lim, "</PLACES>"); continue; }
			"<PEOPLE>"    { out->sgml[SG_PEOPLE] = sgml_string(d, &cur, lim, "</PEOPLE>"); continue; }
			"<ORGS>"      { out->sgml[SG_ORGS] = sgml_string(d, &cur, lim, "</ORGS>"); continue; }
			"<EXCHANGES>" { out->sgml[SG_EXCHANGES] = sgml_string(d, &cur, lim, "</EXCHANGES>"); continue; }
			"<COMPANIES>" { out->sgml[SG_COMPANIES] = sgml_string(d, &cur, lim, "</COMPANIES>"); continue; }
			"<UNKNOWN>"   { sgml_unknown(d, &cur, lim, out); continue; }
			/* "<TEXT" [^>]* ">", its '>' looked up (d->gt). */
			"<TEXT" {
				uptr t0 = cur, t1 = dec_ahead_find(&d->gt, cur, lim, '>', '>');
				if (t1 >= lim || *t1 != '>') {
					cur = tok + 1;
					continue;
				}
				cur = t1 + 1;
				/* TYPE="BRIEF" or TYPE="UNPROC", else a normal story */
				for (uptr p = t0; p + 6 <= t1; p++)
					if (!memcmp(p, "TYPE=\"", 6)) {
						uptr q = p + 6, r = q;
						while (r < t1 && *r != '"')
							r++;
						out->sgml[SG_TEXT_TYPE] = attr_value(d, q, r);
						break;
					}
				goto text;
			}
			[^<\x00]+ | "<" | "\x00" { continue; }
			* { continue; }
			$ { break; }
		*/
	attrs:
		for (;;) {
			/*!re2c:sgmlattr
				[ \t\r\n]+ { continue; }
				@a0 [A-Z]+ @a1 "=\"" @v0 [^"\x00]* @v1 "\"" {
					size_t n = (size_t)(a1 - a0);
					int k = -1;
					if (n == 5 && !memcmp(a0, "NEWID", 5))
						k = SG_NEWID;
					else if (n == 5 && !memcmp(a0, "OLDID", 5))
						k = SG_OLDID;
					else if (n == 6 && !memcmp(a0, "TOPICS", 6))
						k = SG_TOPICS_ATTR;
					else if (n == 10 && !memcmp(a0, "LEWISSPLIT", 10))
						k = SG_LEWISSPLIT;
					else if (n == 8 && !memcmp(a0, "CGISPLIT", 8))
						k = SG_CGISPLIT;
					if (k >= 0)
						out->sgml[k] = attr_value(d, v0, v1);
					continue;
				}
				">" { break; }
				* { break; }
				$ { break; }
			*/
		}
		continue;
	text:
		for (;;) {
			tok = cur;
			/*!re2c:sgmltext
				"<TITLE>"    { cur = sgml_part(d, cur, lim, out, AP_TITLE, "</TITLE>"); subst(d, "\n\n", 2, cur); continue; }
				"<AUTHOR>"   { cur = sgml_part(d, cur, lim, out, AP_AUTHOR, "</AUTHOR>"); subst(d, "\n\n", 2, cur); continue; }
				"<DATELINE>" { cur = sgml_part(d, cur, lim, out, AP_DATELINE, "</DATELINE>"); continue; }
				"<BODY>"     { cur = sgml_part(d, cur, lim, out, AP_BODY, "</BODY>"); continue; }
				"</TEXT>"    { break; }
				"</REUTERS>" { cur = tok; break; }
				[ \t\r\n]+   { continue; }
				/* framing bytes written as entities: &#2; before the title */
				"&#" digit{1,2} ";" { continue; }
				/* a flash or brief: asterisks before the title */
				"*"+ { continue; }
				* {
					/* Unprocessed text: the story without elements. */
					cur = sgml_part(d, tok, lim, out, AP_BODY, "</TEXT>");
					break;
				}
				$ { break; }
			*/
		}
	}
	(void)mar;
	(void)tok;
	return in_record ? 0 : -1;
}

/* ---- detection ---------------------------------------------------------------------------- */

/* A telegram's line: a format line, a DTG line, E.O., TAGS, a paragraph marking, ... The caller
 * has seen the line's "\n" and no NUL before it, so a rule that went on to the line's end
 * ([^\n\x00]* "\n") only needs its start here. */
static int telegram_line(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!re2c:telegram
		[ \t]* ("VZCZC" | "ZNY " | "ZNR " | "DE RUE" | "This record is a partial extract")
			{ return 1; }
		[ \t]* digit{6} "Z " [A-Za-z]{3} " " digit{2} [ \t\r]* "\n"          { return 1; }
		[ \t]* ('E.O.' | 'E. O.' | "EO") " "? "1" digit{4}                     { return 1; }
		[ \t]* ("TAGS:" | "TAGS " [A-Z]{4} | "SUBJECT:" | "SUBJ:" | "REF:" | "REFS:"
			| "REFTEL" | "REF(S):" | "SIPDIS" | "NOFORN")                  { return 1; }
		/* Classified By in any case: with its colon, or with a reason later on the line */
		[ \t]* 'classified' [ \t]+ 'by' [ \t]* ":"                          { return 1; }
		[ \t]* 'classified' [ \t]+ 'by' [^\n\x00]* ('reason' | "1.4" | "1.5") { return 1; }
		/* Tags in mixed case when a tag follows; a portion-marked subject */
		[ \t]* 'tags' [ \t]* ":" [ \t]* [A-Z]{4} ([ \t]* "," | [ \t]+ [A-Z]{2,4} [ \t,\r\n]) { return 1; }
		[ \t]* 'subject' [ \t]* ":" [ \t]* "(" ("U" | "C" | "S" | "SBU" | "LOU" | "TS") ("/" "/"? [A-Z]+)? ")" { return 1; }
		/* a summary as telegrams open it, the stamp of a declassified one, the end of message */
		[ \t]* ("SUMMARY" [ \t]* ":" | 'BEGIN SUMMARY' | "END SUMMARY" | "SUMMARY" [ \t\r]* "\n")
			{ return 1; }
		[ \t]* ("Declassified/Released" | "DECLASSIFIED/RELEASED")          { return 1; }
		[ \t]* "NNNN" [ \t\r]* "\n"                                        { return 1; }
		/* an unnumbered paragraph with its portion marking, not a copyright line */
		[ \t]* "(" ("C" | "S" | "TS" | "SBU" | "S/NF" | "C/NF" | "S//NF" | "C//NF") ") " [A-Z] [a-z]  { return 1; }
		[ \t]* "(" [Cc] ") " ('copyright' | 'copr')                         { return 0; }
		[ \t]* ("FM " | "TO ") ("SECSTATE" | "AMEMBASSY" | "AMCONSUL" | "USMISSION" | "RUE")
			{ return 1; }
		[ \t]* ("C O N F I D E N T I A L" | "S E C R E T" | "U N C L A S")     { return 1; }
		[ \t]* "PAGE " digit{2} " " [A-Z]                                     { return 1; }
		[ \t]* ("\xc2\xb6" | "\xb6")? digit{1,2} "." [ \t]* "(" ("C" | "S" | "U" | "TS" | "SBU" | "LOU")
			("/" "/"? ("NF" | "REL" | "FOUO" | "NOFORN" | "OC")) ")"?        { return 1; }
		[ \t]* ("\xc2\xb6" | "\xb6")? digit{1,2} "." [ \t]+ "(" ("C" | "S" | "U" | "SBU") ")" { return 1; }
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

/* A DTG line with its precedence: O 261325Z FEB 06 (its capitals, [A-Z]{1,2}, ran into every
 * other rule's words). */
static int telegram_dtg_line(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!re2c:telegram_dtg
		[ \t]* [A-Z]{1,2} " " digit{6} "Z " mon " " digit{2} [ \t\r]* "\n" { return 1; }
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

/* A classification line with a serial at its end: SECRET SECTION 01 OF 02 ROME 001234. */
static int telegram_class_line(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!re2c:telegram_class
		[ \t]* cls_word_strict [ \t]+ [^\n\x00]* digit{3,6} [ \t\r]* "\n" { return 1; }
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

/* Whether some line is a telegram's: the lines are looked at one at a time, up to the first NUL
 * (a line that holds one ends the search, as does a last line without its "\n"). The three
 * scanners were one block with a catch-all line rule, in which the class line's [^\n\x00]*
 * digit{3,6} and the rest's lines to their end multiplied each other's states. */
/* The lines of [p, e) without blanks at either end. */
static void trim_line(uptr *p, uptr *e)
{
	while (*p < *e && (**p == ' ' || **p == '\t'))
		(*p)++;
	while (*e > *p && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
		(*e)--;
}

/* The line before the one at p (past blank lines): its start and end, or 0 at the top. */
static int line_before(uptr top, uptr p, uptr *s, uptr *e)
{
	for (;;) {
		if (p <= top)
			return 0;
		uptr end = p - 1; /* the "\n" ending the line before */
		uptr st = end;
		while (st > top && st[-1] != '\n')
			st--;
		uptr a = st, b = end;
		trim_line(&a, &b);
		p = st;
		if (a < b) {
			*s = a, *e = b;
			return 1;
		}
	}
}

static int line_is(uptr s, uptr e, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(e - s) == n && !memcmp(s, w, n);
}

/* A telegram's signature: one to three words in capitals (MILLER, VAN DOREN, MILLER/ROE), alone
 * on the line; not the sign-offs, desk initials and page words of news copy. */
static int signature_line(uptr s, uptr e)
{
	static const char *const news[] = { "REUTER", "REUTERS", "AP", "AFP", "UPI", "END", "MORE",
					    "ADVERTISEMENT", "ADVERTISING", "SHARE", "TOP", "MENU",
					    "SUBSCRIBE", "CLOSE", "NEXT", "PREVIOUS", "RELATED" };
	if (e - s < 2 || e - s > 40)
		return 0;
	int words = 1, letters = 0;
	for (uptr q = s; q < e; q++) {
		if (*q >= 'A' && *q <= 'Z')
			letters++;
		else if (*q == ' ')
			words += q[-1] != ' ';
		else if (*q != '.' && *q != '-' && *q != '\'' && *q != '/')
			return 0;
	}
	/* Desk initials (MA, JK) end news copy: a surname has four letters or more, or two
	 * names; a wire sign-off is cut, dotted or misspelt (REUTE, REUTER..., REUITER). */
	if ((letters < 4 && words < 2) || words > 3 || (e - s >= 3 && !memcmp(e - 3, "...", 3)) ||
	    (e - s >= 3 && !memcmp(s, "REU", 3)))
		return 0;
	for (size_t i = 0; i < sizeof news / sizeof *news; i++)
		if (line_is(s, e, news[i]))
			return 0;
	return 1;
}

/* The tail of a telegram: its last paragraph, the signature in capitals under it, and after
 * that perhaps a classification word, NNNN or the declassification stamp. A news story does not
 * end in a line of capitals after a finished sentence unless it is a sign-off (REUTER). */
static int telegram_tail(uptr top, uptr lim)
{
	uptr s, e, p = lim;
	int marks = 0;
	while (line_before(top, p, &s, &e)) {
		p = s;
		if (line_is(s, e, "NNNN") || line_is(s, e, "CONFIDENTIAL") || line_is(s, e, "SECRET") ||
		    line_is(s, e, "UNCLASSIFIED") || line_is(s, e, "LIMITED OFFICIAL USE") ||
		    (e - s > 22 && !memcmp(s, "Declassified/Released", 21))) {
			if (++marks > 4)
				return 0;
			continue;
		}
		break;
	}
	if (p == lim || !signature_line(s, e))
		return 0;
	uptr ps, pe;
	if (!line_before(top, s, &ps, &pe))
		return 0;
	/* a finished sentence of prose above it */
	int lower = 0;
	for (uptr q = ps; q < pe && !lower; q++)
		lower = *q >= 'a' && *q <= 'z';
	char last = (char)pe[-1];
	return (lower || pe - ps > 30) && (last == '.' || last == '"' || last == ')');
}

int news_looks_like_telegram_tail(const char *p, const char *lim)
{
	return telegram_tail((uptr)p, (uptr)lim);
}

int news_looks_like_telegram(const char *p, const char *limit)
{
	uptr cur = (uptr)p, lim = (uptr)limit;
	while (cur < lim) {
		uptr e = cur;
		while (*e != '\n' && *e != '\0')
			e++;
		if (*e != '\n')
			return 0;
		if (telegram_line(cur, lim) || telegram_dtg_line(cur, lim) || telegram_class_line(cur, lim))
			return 1;
		cur = e + 1;
	}
	return 0;
}

int news_wire_layout(const char *p, const char *lim)
{
	size_t lines = 0, indented = 0, long_lines = 0, wrapped = 0;
	const char *s = p;
	while (s < lim) {
		const char *nl = memchr(s, '\n', (size_t)(lim - s));
		const char *e = nl ? nl : lim;
		size_t n = (size_t)(e - s);
		if (n && s[n - 1] == '\r')
			n--;
		size_t lead = 0;
		while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
			lead++;
		if (lead < n) {
			lines++;
			if (lead >= 2)
				indented++;
			if (n > 100)
				long_lines++;
			/* A line that stops mid-sentence with the next line going on */
			if (n >= 40 && n <= 90 && nl && nl + 1 < lim && nl[1] != '\n' && nl[1] != '\r' &&
			    s[n - 1] != '.' && s[n - 1] != '"' && s[n - 1] != ':')
				wrapped++;
		}
		s = nl ? nl + 1 : lim;
	}
	if (lines < 3 || long_lines * 10 > lines)
		return 0;
	return indented >= 2 || wrapped * 3 >= lines;
}
