/* The scanners under lexer/input/html_raw.c, in lexer/input/html_raw.re (re2c): what libxml2's
 * HTML parser (2.9) reads from a '<' on, and where a raw text ends. The page they scan ends
 * with a readable byte at lim (the reader's NUL sentinel) and holds no other NUL. */
#ifndef CW_HTML_RAW_SCAN_H
#define CW_HTML_RAW_SCAN_H

#include <stddef.h>

typedef const unsigned char *uptr;

/* RAW_KEPT: a JSON-LD script, whose raw text stays but must still be passed over as raw text
 * (its strings may hold "<style>"). RAW_SVG: an <svg>, whose content (markup, not raw text, but
 * never read: icons, logos, their long path data) goes too when it ends inside itself. */
enum { RAW_NONE, RAW_SCRIPT, RAW_STYLE, RAW_KEPT, RAW_SVG };

/* What one piece of markup is: M_START a start tag that opens its element (ended by '>', not
 * "/>"), M_END an end tag, M_DOCTYPE a DOCTYPE (anywhere, it gives the document its DTD),
 * M_OTHER the rest (a comment, a "/>" tag, a '<' that is text). */
enum { M_OTHER, M_START, M_END, M_DOCTYPE };

typedef struct attr_cut {
	uptr s, e;
} attr_cut;

enum { MARKUP_CUTS = 8 };

typedef struct markup {
	uptr end;        /* where the parser goes on after it */
	int kind, raw;   /* raw: the raw text (RAW_*) that starts at end */
	uptr name;       /* a tag's name, name_len bytes */
	size_t name_len;
	attr_cut cuts[MARKUP_CUTS]; /* a start tag's attributes that nothing reads, in order */
	int ncuts;
	int unsure;      /* a name libxml2 would cut (over 100 bytes): not followed further */
} markup;

/* What starts at cur (a '<'), as *m. */
void html_markup_at(uptr cur, uptr lim, markup *m);

/* The end of a raw text from cur: at its "</script" or "</style" (lim when it has none); *nl
 * counts its line ends. memchr goes from '<' to '<'; the block looks at each. libxml2 ends the
 * raw text at any "</script..." ("</style...") and reads it as an end tag, and it reads an end
 * tag before the raw text's first byte. Where that end tag is not the element's own
 * ("</scripts>", or another element's first), whether it closes the script depends on the
 * elements open, which a scanner does not follow: NULL then (the page is left as it is). At the
 * start a <noscript> closes a script, a <body> or <frameset> a style sheet (the raw text ends
 * there). */
uptr html_raw_end(uptr cur, uptr lim, int raw, size_t *nl);

/* Whether a name (n bytes) is the word, in any case. */
int html_name_is(uptr name, size_t n, const char *word);

/* Whether an attribute of this name is read by nothing (lexer/input/html_raw.h). */
int html_raw_attribute_unread(uptr name, size_t n);

/* The line ends in [s, e): few in a script (minified ones have none), so hopped to. */
size_t html_line_ends(uptr s, uptr e);

#endif
