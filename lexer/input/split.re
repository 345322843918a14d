/* Cutting an input into units as it streams in: cables.csv rows, telegrams concatenated in one
 * text file, wire stories back to back, Reuters SGML records. Both scanners are resumable: they stop where the buffered input ends, keep their
 * state, and go on from there when more arrives, so every byte is scanned once whatever the chunk
 * sizes. The buffer ends with a NUL sentinel at len (the reader keeps one). */
#include "lexer/input/split.h"

#include <stddef.h>
#include <string.h>

#include "lexer/core/runs.h"

typedef const unsigned char *uptr;

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

	/* The start of a cables.csv row: "12345","1/2/2008 3:04", (quotes optional). */
	row_start = "\""? digit+ "\""? "," "\""? digit{1,2} "/" digit{1,2} "/" digit{4} " " digit{1,2} ":" digit{2};
*/

void split_reset(split_state *st)
{
	/* Not the XML envelopes: their lengths, cleared, say they hold nothing (16 KB to clear for
	 * every JSON object of a ninjs stream). */
	memset(st, 0, offsetof(split_state, xml_env));
	st->at_line_start = 1;
}

/* Bytes needed to be sure whether a row starts here: the longest row_start. */
enum { ROW_START_MAX = 48 };

/* 1 when a cables.csv row starts at p, 0 when not, -1 when the buffer ends too early to say. */
static int row_starts(uptr p, uptr lim, int finished)
{
	uptr cur = p, mar = NULL;
	/*!local:re2c:rowstart
		re2c:flags:nested-ifs = 1;
		row_start { return 1; }
		*         { return 0; }
		$         { return 0; }
	*/
	(void)mar;
	(void)finished;
}

int split_row_starts(const char *p, size_t avail, int finished)
{
	/* The bytes there may already hold a whole row start. */
	if (row_starts((uptr)p, (uptr)p + avail, finished))
		return 1;
	if (avail < ROW_START_MAX && !finished) {
		/* Not enough to decide yet, unless what is there already rules it out. */
		char tmp[ROW_START_MAX + 1];
		memcpy(tmp, p, avail);
		tmp[avail] = '\0';
		/* A prefix of a row start is all digits, quotes, commas, slashes, blanks, colons. */
		for (size_t i = 0; i < avail; i++)
			if (!strchr("0123456789\",/: ", tmp[i]))
				return 0;
		return -1;
	}
	return 0;
}

size_t split_csv(split_state *st, const char *buf, size_t len, int finished)
{
	uptr base = (uptr)buf, lim = base + len;
	uptr cur = base + st->scan, mar = NULL, ctx = NULL, tok;
	(void)ctx;
	for (;;) {
		tok = cur;
		if (cur >= lim) {
			st->scan = (size_t)(cur - base);
			return finished ? len : 0;
		}
		if (st->in_quote) {
			/* Inside a field only the four bytes of the rules below matter: the run rule
			 * would take everything else, so whole words without them are skipped first
			 * (lexer/core/runs.h). */
			cur = runs_without4(cur, lim, '"', '\\', '\n', '\0');
			/* The dump ends every line of a field with a backslash: the pair is taken here,
			 * as its rule below would (a backslash and any byte but NUL, both before lim),
			 * and the skip goes on, without a turn of the scanner a line. */
			while (cur + 1 < lim && *cur == '\\' && cur[1] != '\0')
				cur = runs_without4(cur + 2, lim, '"', '\\', '\n', '\0');
			tok = cur;
			if (cur >= lim) {
				st->scan = (size_t)(cur - base);
				return finished ? len : 0;
			}
			/*!re2c:csvin
				[^"\\\n\x00]+        { continue; }
				"\\" [^\x00]         { continue; }
				"\\" "\x00"          { continue; }
				/* A backslash with nothing after it yet: its pair is in the next chunk. */
				"\\"                 { if (cur < lim) continue; goto more; }
				"\"\""               { continue; }
				"\""                 { if (cur < lim || finished) { st->in_quote = 0; continue; } goto more; }
				"\n" {
					/* A newline inside a field is text, unless a new row starts after
					 * it: then this row lost its closing quote. */
					int r = split_row_starts((const char *)cur, (size_t)(lim - cur), finished);
					if (r < 0)
						goto more_from_tok;
					if (r > 0) {
						st->broken = 1;
						st->in_quote = 0;
						st->fields = 0;
						st->scan = 0;
						return (size_t)(cur - base);
					}
					continue;
				}
				*                    { continue; }
				$                    { st->scan = (size_t)(cur - base); return finished ? len : 0; }
			*/
		} else {
			/*!re2c:csvout
				"\""                 { st->in_quote = 1; continue; }
				","                  { st->fields++; continue; }
				"\r"? "\n" {
					/* The row ends (a blank line is a unit of its own, which the
					 * reader skips). */
					st->fields = 0;
					st->scan = 0;
					return (size_t)(cur - base);
				}
				[^",\n\x00]+         { continue; }
				"\x00"               { continue; }
				*                    { continue; }
				$                    { st->scan = (size_t)(cur - base); return finished ? len : 0; }
			*/
		}
	more:
		st->scan = (size_t)(tok - base);
		return finished ? len : 0;
	more_from_tok:
		st->scan = (size_t)(tok - base);
		return 0;
	}
	(void)mar;
}

/* Line kinds for splitting concatenated telegrams. */
enum { TL_OTHER, TL_BLANK, TL_START, TL_END, TL_BODY };

static int text_line_kind(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!re2c:tline
		[ \t\r]* "\n"                                        { return TL_BLANK; }
		[ \t]* "VZCZC"                                      { return TL_START; }
		[ \t]* "This record is a partial extract"           { return TL_START; }
		[ \t]* "NNNN" [ \t\r]* ("\n" | "\x00")              { return TL_END; }
		/* What shows a telegram's body has begun: its classification line, keywords,
		 * a numbered paragraph. */
		[ \t]* cls_word_strict [ \t]+ [^\n\x00]* digit{3}  { return TL_BODY; }
		[ \t]* ("E.O." | "SUBJECT:" | "SUBJ:" | "TAGS")     { return TL_BODY; }
		[ \t]* digit{1,2} "." [ \t]+                        { return TL_BODY; }
		*                                                   { return TL_OTHER; }
		$                                                   { return TL_BLANK; }
	*/
	(void)mar;
}

size_t split_text(split_state *st, const char *buf, size_t len, int finished)
{
	/* Lines are looked at by their first bytes; a line is only judged once all of it, or at
	 * least 40 bytes of it, is there. */
	enum { LOOK = 40 };
	size_t pos = st->scan;
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t line_end = nl ? (size_t)(nl - buf) + 1 : len;
		if (!nl && !finished && len - pos < LOOK) {
			st->scan = pos;
			return 0;
		}
		if (st->at_line_start) {
			int k = text_line_kind((uptr)buf + pos, (uptr)buf + len);
			/* A new telegram starts here: the unit ends before this line, once it holds a
			 * body (above a first header there may be a quoted or forwarded one). */
			if (k == TL_START && st->body && pos > 0) {
				st->scan = 0;
				st->content = 0;
				st->body = 0;
				return pos;
			}
			if (k == TL_END && nl) {
				st->scan = 0;
				st->content = 0;
				st->body = 0;
				st->at_line_start = 1;
				return line_end;
			}
			if (k != TL_BLANK)
				st->content = 1;
			if (k == TL_BODY)
				st->body = 1;
		}
		if (!nl) {
			/* The rest of a long line: nothing more to judge on it. */
			st->at_line_start = 0;
			st->scan = len;
			return finished ? len : 0;
		}
		st->at_line_start = 1;
		pos = line_end;
	}
	st->scan = pos;
	return finished ? len : 0;
}

size_t split_wire(split_state *st, const char *buf, size_t len, int finished)
{
	uptr base = (uptr)buf, lim = base + len;
	uptr cur = base + st->scan, mar = NULL, tok;
	for (;;) {
		tok = cur;
		/*!re2c:wire
			/* ANPA puts SYN SYN before its SOH; they open the story as much as the SOH. */
			"\x16"* "\x01" {
				if (st->started && tok > base) {
					/* No EOT closed the previous story. */
					st->started = 0;
					st->scan = 0;
					return (size_t)(tok - base);
				}
				st->started = 1;
				continue;
			}
			"\x04" {
				if (!st->started)
					continue; /* an EOT before any story is noise */
				st->started = 0;
				st->scan = 0;
				return (size_t)(cur - base);
			}
			[^\x01\x04\x16\x00]+ | "\x16"+ | "\x00" { continue; }
			* { continue; }
			$ { break; }
		*/
	}
	(void)mar;
	/* A run of SYN at the very end may belong to the next story's opening. */
	while (tok > base && tok[-1] == 0x16)
		tok--;
	st->scan = (size_t)(tok - base);
	return finished ? len : 0;
}

size_t split_sgml(split_state *st, const char *buf, size_t len, int finished)
{
	uptr base = (uptr)buf, lim = base + len;
	uptr cur = base + st->scan, mar = NULL, tok;
	for (;;) {
		/* Both tags start with "<": the bytes before the next one are skipped at once
		 * (memchr), as the run rule below would take them a byte at a time. */
		const unsigned char *lt = memchr(cur, '<', (size_t)(lim - cur));
		cur = lt ? lt : lim;
		tok = cur;
		/*!re2c:sgml
			"<REUTERS" [ \t\r\n>] {
				if (st->started && tok > base) {
					/* The previous record lost its end tag. */
					st->scan = 0;
					return (size_t)(tok - base);
				}
				st->started = 1;
				continue;
			}
			"</REUTERS>" [ \t\r]* "\n"? {
				/* the line end may be in the next chunk: the record ends the same either way */
				if (cur == lim && !finished && cur[-1] != '\n') {
					st->scan = (size_t)(tok - base);
					return 0;
				}
				st->started = 0;
				st->scan = 0;
				return (size_t)(cur - base);
			}
			[^<\x00]+ | "<" | "\x00" { continue; }
			* { continue; }
			$ { break; }
		*/
	}
	(void)mar;
	/* A tag cut by the end of the buffer is scanned again when more arrives: the last '<' when
	 * what follows it is a proper prefix of one of the two tags. A whole tag has been acted on
	 * already and is not scanned twice. */
	uptr back = tok;
	for (uptr p = tok; p > base && tok - p < 16; p--)
		if (p[-1] == '<') {
			size_t n = (size_t)(tok - (p - 1));
			if ((n < 9 && !memcmp(p - 1, "<REUTERS ", n)) ||
			    (n < 10 && !memcmp(p - 1, "</REUTERS>", n)))
				back = p - 1;
			break;
		}
	st->scan = (size_t)(back - base);
	return finished ? len : 0;
}
