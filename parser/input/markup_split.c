/* Cutting markup inputs into units, as they arrive (the contract of lexer/input/split.h:
 * resumable, every byte looked at once): streams of NITF documents, of ninjs objects and the
 * members of a ninjs array; the items of one NewsML-G2 or NewsML 1.2 document (and such documents
 * back to back). */
#include <stdlib.h>
#include <string.h>

#include "lexer/input/markup.h"

/* XML documents back to back: a new one starts at an XML declaration at the start of a line,
 * after the first document has begun. The scan resumes a few bytes back, so a declaration cut
 * between two feeds is still seen. */
size_t split_xml_documents(split_state *st, const char *buf, size_t len, int finished)
{
	static const char decl[] = "\n<?xml";
	const size_t dn = sizeof decl - 1;
	size_t i = st->scan;
	if (!st->started) {
		/* The first declaration or element of this unit: later ones part documents. */
		while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
			i++;
		if (i >= len) {
			st->scan = i;
			return finished ? len : 0;
		}
		st->started = 1;
	}
	for (;;) {
		const char *nl = i < len ? memchr(buf + i, '\n', len - i) : NULL;
		if (!nl)
			break;
		size_t at = (size_t)(nl - buf);
		if (len - at < dn) {
			i = at;
			break;
		}
		if (!memcmp(nl, decl, dn)) {
			st->scan = 0;
			st->started = 0;
			return at + 1;
		}
		i = at + 1;
	}
	st->scan = i < len ? i : len;
	if (finished) {
		st->started = 0;
		st->scan = 0;
		return len;
	}
	return 0;
}

/* JSON objects one after another (JSON Lines, or pretty-printed objects): a unit ends where the
 * braces opened by its first object close, strings and their escapes skipped; the rest of that
 * line goes with it. A top-level array of items ([{...}, {...}]) gives a unit each member, cut as
 * it streams: the bracket, the commas and the blanks between members are separator pieces,
 * dropped by the reader (split_state.separator), and the array's state is kept from unit to
 * unit. Associations inside an item stay in it (they are its pictures and related items). */
static int json_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* A member of an array read: the next one starts afresh, the array goes on. */
static void json_next(split_state *st)
{
	st->json_depth = 0;
	st->json_string = 0;
	st->json_escape = 0;
	st->json_end = 0;
	st->json_member = 0;
	st->started = 0;
	st->scan = 0;
}

/* After the object's closing brace: the blanks and the line end that follow it belong to it. Waits
 * for more input when the buffer ends among those blanks (a chunk boundary must not move the
 * cut). */
static size_t json_tail(split_state *st, const char *buf, size_t len, int finished)
{
	size_t end = st->json_end;
	while (end < len && (buf[end] == ' ' || buf[end] == '\t' || buf[end] == '\r'))
		end++;
	if (end >= len && !finished) {
		st->scan = len;
		return 0;
	}
	if (end < len && buf[end] == '\n')
		end++;
	int closing = st->json_closing;
	if (st->json_array && !closing)
		json_next(st);
	else
		split_reset(st);
	st->separator = closing;
	return end;
}

/* Between an array's members: the commas and blanks up to the next member are a separator piece;
 * the closing bracket and the rest of its line another. Returns the piece's length, 0 when
 * the next member starts right here (json_member set), or (size_t)-1 to wait for more. */
static size_t json_between(split_state *st, const char *buf, size_t len, int finished, size_t *at)
{
	size_t i = *at;
	while (i < len && (json_blank(buf[i]) || buf[i] == ','))
		i++;
	*at = i;
	if (i >= len) {
		st->scan = i;
		if (!finished)
			return (size_t)-1;
		split_reset(st);
		st->separator = len > 0;
		return len;
	}
	if (buf[i] == ']') {
		st->json_closing = 1;
		st->json_end = i + 1;
		size_t n = json_tail(st, buf, len, finished);
		return n ? n : (size_t)-1;
	}
	if (i > 0) {
		st->separator = 1;
		st->scan = 0;
		return i;
	}
	st->json_member = 1;
	st->started = 1;
	return 0;
}

size_t split_json_objects(split_state *st, const char *buf, size_t len, int finished)
{
	st->separator = 0;
	if (st->json_end)
		return json_tail(st, buf, len, finished);
	size_t i = st->scan;
	if (!st->json_array && !st->started && !st->json_text) {
		/* An array at the top: of items, when it is the first thing of the unit. Its opening
		 * bracket starts the first piece. */
		size_t j = i;
		while (j < len && json_blank(buf[j]))
			j++;
		if (j >= len && !finished) {
			st->scan = j;
			return 0;
		}
		if (j < len && buf[j] == '[') {
			st->json_array = 1;
			i = j + 1;
		} else {
			st->json_text = 1;
		}
	}
	if (st->json_array && !st->json_member) {
		size_t n = json_between(st, buf, len, finished, &i);
		if (n == (size_t)-1)
			return 0;
		if (n)
			return n;
	}
	for (; i < len; i++) {
		char c = buf[i];
		if (st->json_string) {
			if (st->json_escape)
				st->json_escape = 0;
			else if (c == '\\')
				st->json_escape = 1;
			else if (c == '"')
				st->json_string = 0;
			continue;
		}
		if (c == '"' && (st->json_depth > 0 || st->json_member)) {
			st->json_string = 1;
		} else if (c == '{' || c == '[') {
			st->json_depth++;
			st->started = 1;
		} else if ((c == '}' || c == ']') && st->json_depth > 0) {
			if (--st->json_depth == 0) {
				st->json_end = i + 1;
				return json_tail(st, buf, len, finished);
			}
		} else if (st->json_member && st->json_depth == 0 &&
			   (c == ',' || c == ']' || json_blank(c))) {
			/* A member that is not an object or array (a string, a number): it ends
			 * here, and reads as what it is (NINJS_NOT_OBJECT). */
			json_next(st);
			return i;
		}
	}
	st->scan = len;
	if (finished) {
		split_reset(st);
		return len;
	}
	return 0;
}

/* ---- items inside one XML document ---------------------------------------------------------- */

/* A NewsML-G2 newsMessage (or a package) holding several newsItems, a NewsML 1.2 envelope holding
 * several NewsItems: a unit each item, cut as the document streams in. The units cover the
 * document without a gap: the first runs from the document's start to the second item, each
 * next one from its item to the next item, the last to the document's end. A unit cut so is not
 * a document on its own: the reader hands it over with its wrap (split_xml_wrap), the prolog and
 * the start tags of the elements open where it starts before it, the end tags of those open
 * where it ends after it, which markup_decode reads it inside. A document with one item is one
 * unit, read as it always was.
 *
 * The scan is linear and resumable at any byte: text is skipped to the next '<' with memchr, a
 * comment, CDATA section or processing instruction to its next '>', and only tags are read a
 * byte at a time (their quotes). The pending unit is held whole by the reader, so a construct's
 * bytes are read back from where it began (xml_tag). */
enum { X_TEXT, X_LT, X_BANG, X_STAG, X_ETAG, X_COMMENT, X_PI, X_CDATA, X_DECL };
enum { ENV_DEPTH = sizeof ((split_state *)0)->xml_env_at / sizeof(size_t) };

static int xml_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static int name_start(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || c == ':' || c >= 0x80;
}

/* Appends a construct to the envelope, its line ends made blanks: the envelope stands before the
 * unit's first line, so the wrapped text's lines stay the unit's own. A construct that does not
 * fit leaves the document whole (xml_nocut). */
static void env_add(split_state *st, const char *p, size_t n)
{
	if (n > sizeof st->xml_env - st->xml_env_len) {
		st->xml_nocut = 1;
		return;
	}
	for (size_t k = 0; k < n; k++)
		st->xml_env[st->xml_env_len++] = p[k] == '\n' || p[k] == '\r' ? ' ' : p[k];
}

/* The length of the element name at p (just after '<' of a start tag). */
static size_t name_length(const char *p, const char *lim)
{
	const char *q = p;
	while (q < lim && !xml_blank(*q) && *q != '>' && *q != '/')
		q++;
	return (size_t)(q - p);
}

/* Whether the start tag at p ('<') names the item, by its local name (any prefix). */
static int tag_is(const char *p, const char *lim, const char *item)
{
	size_t n = name_length(p + 1, lim), k = strlen(item);
	const char *name = p + 1, *colon = memchr(name, ':', n);
	if (colon) {
		n -= (size_t)(colon + 1 - name);
		name = colon + 1;
	}
	return n == k && !memcmp(name, item, k);
}

/* A start tag ends at j ('>'): an item, the item's descendant, or an element around the items.
 * Returns 1 when the unit is to end before it (a later item of the document). */
static int start_tag(split_state *st, const char *buf, size_t j, const char *item)
{
	size_t at = st->xml_tag;
	int empty = buf[j - 1] == '/';
	if (st->xml_item) {
		st->xml_depth += !empty;
		return 0;
	}
	if (item && st->xml_depth >= 1 && tag_is(buf + at, buf + j, item)) {
		if (st->xml_items > 0 && at > 0 && !st->xml_nocut)
			return 1;
		st->xml_items++;
		if (!empty)
			st->xml_item = ++st->xml_depth;
		return 0;
	}
	st->xml_root = 1;
	if (empty)
		return 0;
	if (st->xml_depth < (int)ENV_DEPTH) {
		st->xml_env_at[st->xml_depth] = st->xml_env_len;
		env_add(st, buf + at, j + 1 - at);
	} else {
		st->xml_nocut = 1;
	}
	st->xml_depth++;
	return 0;
}

static void end_tag(split_state *st)
{
	if (st->xml_depth > 0)
		st->xml_depth--;
	if (st->xml_item) {
		if (st->xml_depth < st->xml_item)
			st->xml_item = 0;
	} else if (st->xml_depth < (int)ENV_DEPTH) {
		st->xml_env_len = st->xml_env_at[st->xml_depth];
	}
}

/* Whether c is a quote of a tag's or declaration's attribute value or stands inside one (a '>'
 * there ends nothing). */
static int quoted(split_state *st, char c)
{
	if (st->xml_quote) {
		if (c == st->xml_quote)
			st->xml_quote = 0;
		return 1;
	}
	if (c == '"' || c == '\'') {
		st->xml_quote = c;
		return 1;
	}
	return 0;
}

/* The end of a comment, CDATA section or processing instruction: the next '>' after its opening
 * (skip bytes) preceded by its closing characters. Returns its offset, or len when not in buf. */
static size_t construct_end(const split_state *st, const char *buf, size_t i, size_t len,
			    const char *closing, size_t skip)
{
	size_t k = strlen(closing);
	for (;;) {
		const char *gt = i < len ? memchr(buf + i, '>', len - i) : NULL;
		if (!gt)
			return len;
		size_t j = (size_t)(gt - buf);
		if (j >= st->xml_tag + skip + k && !memcmp(buf + j - k, closing, k))
			return j;
		i = j + 1;
	}
}

size_t split_xml_items(split_state *st, const char *buf, size_t len, int finished,
		       const char *item)
{
	if (st->xml_after == 2) {
		split_reset(st);
	} else if (st->xml_after == 1) {
		/* The unit starting now is read inside what is open here. */
		memcpy(st->xml_open, st->xml_env, st->xml_env_len);
		st->xml_open_len = st->xml_env_len;
		st->xml_after = 0;
		st->xml_close = 0;
	}
	size_t i = st->scan;
	if (!st->started) {
		while (i < len && xml_blank(buf[i]))
			i++;
		if (i >= len) {
			st->scan = i;
			return finished ? len : 0;
		}
		st->started = 1;
	}
	while (i < len) {
		char c = buf[i];
		size_t j;
		switch (st->xml_state) {
		case X_TEXT: {
			const char *lt = memchr(buf + i, '<', len - i);
			if (!lt) {
				i = len;
				break;
			}
			st->xml_tag = (size_t)(lt - buf);
			st->xml_state = X_LT;
			i = st->xml_tag + 1;
			break;
		}
		case X_LT:
			st->xml_quote = 0;
			st->xml_bracket = 0;
			st->xml_state = c == '/' ? X_ETAG : c == '?' ? X_PI : c == '!' ? X_BANG
				      : name_start((unsigned char)c) ? X_STAG : X_TEXT;
			if (st->xml_state != X_TEXT)
				i++; /* a stray '<' is text: this byte is read again as text */
			break;
		case X_BANG: {
			size_t have = i + 1 - st->xml_tag;
			const char *t = buf + st->xml_tag;
			if (have <= 4 && !memcmp(t, "<!--", have)) {
				st->xml_state = have == 4 ? X_COMMENT : X_BANG;
				i++;
			} else if (have <= 9 && !memcmp(t, "<![CDATA[", have)) {
				st->xml_state = have == 9 ? X_CDATA : X_BANG;
				i++;
			} else {
				st->xml_state = X_DECL; /* <!DOCTYPE ...>: this byte read again there */
			}
			break;
		}
		case X_COMMENT:
		case X_CDATA:
		case X_PI:
			j = st->xml_state == X_COMMENT ? construct_end(st, buf, i, len, "--", 4)
			    : st->xml_state == X_CDATA ? construct_end(st, buf, i, len, "]]", 9)
						       : construct_end(st, buf, i, len, "?", 2);
			if (j >= len) {
				i = len;
				break;
			}
			if (st->xml_state == X_PI && j - st->xml_tag >= 6 &&
			    !memcmp(buf + st->xml_tag, "<?xml", 5) && xml_blank(buf[st->xml_tag + 5]) &&
			    st->xml_root && st->xml_tag > 0 && buf[st->xml_tag - 1] == '\n') {
				/* The next document's XML declaration, at the start of a line. */
				size_t end = st->xml_tag;
				st->xml_after = 2;
				st->xml_state = X_TEXT;
				return end;
			}
			if (st->xml_state == X_PI && !st->xml_root)
				env_add(st, buf + st->xml_tag, j + 1 - st->xml_tag);
			st->xml_state = X_TEXT;
			i = j + 1;
			break;
		case X_DECL:
			if (quoted(st, c)) {
			} else if (c == '[') {
				st->xml_bracket++;
			} else if (c == ']') {
				st->xml_bracket--;
			} else if (c == '>' && st->xml_bracket <= 0) {
				if (!st->xml_root)
					env_add(st, buf + st->xml_tag, i + 1 - st->xml_tag);
				st->xml_state = X_TEXT;
			}
			i++;
			break;
		case X_ETAG:
			j = i;
			{
				const char *gt = memchr(buf + i, '>', len - i);
				if (!gt) {
					i = len;
					break;
				}
				j = (size_t)(gt - buf);
			}
			end_tag(st);
			st->xml_state = X_TEXT;
			i = j + 1;
			break;
		case X_STAG:
			if (quoted(st, c)) {
			} else if (c == '>') {
				st->xml_state = X_TEXT;
				if (start_tag(st, buf, i, item)) {
					/* A later item: the unit ends before it, and the item's tag is
					 * read again as the next unit's start. */
					st->xml_after = 1;
					st->xml_close = 1;
					return st->xml_tag;
				}
			}
			i++;
			break;
		}
	}
	st->scan = len;
	if (finished) {
		st->xml_after = 2;
		return len;
	}
	return 0;
}

char *split_xml_wrap(const split_state *st, size_t *open_len, size_t *len)
{
	size_t close = 0;
	if (st->xml_close)
		for (int d = 0; d < st->xml_depth && d < (int)ENV_DEPTH; d++)
			close += 3 + name_length(st->xml_env + st->xml_env_at[d] + 1,
						 st->xml_env + st->xml_env_len);
	*open_len = st->xml_open_len;
	*len = st->xml_open_len + close;
	if (!*len)
		return NULL;
	char *w = malloc(*len);
	if (!w)
		return NULL;
	memcpy(w, st->xml_open, st->xml_open_len);
	char *p = w + st->xml_open_len;
	for (int d = (st->xml_close ? st->xml_depth : 0) - 1; d >= 0; d--) {
		if (d >= (int)ENV_DEPTH)
			continue;
		const char *name = st->xml_env + st->xml_env_at[d] + 1;
		size_t n = name_length(name, st->xml_env + st->xml_env_len);
		*p++ = '<';
		*p++ = '/';
		memcpy(p, name, n);
		p += n;
		*p++ = '>';
	}
	return w;
}
