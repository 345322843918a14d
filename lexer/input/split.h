/* Cutting a streamed input into units (lexer/input/split.re). */
#ifndef CW_SPLIT_H
#define CW_SPLIT_H

#include <stddef.h>

typedef struct split_state {
	size_t scan;        /* bytes of the pending unit already scanned */
	int in_quote;       /* cables.csv: inside a quoted field */
	int fields;         /* cables.csv: field separators seen in the row */
	int broken;         /* cables.csv: the row lost its closing quote */
	int at_line_start;  /* text: scan stands at the start of a line */
	int content;        /* text: the unit has a non-blank line */
	int body;           /* text: the unit has a body line (classification, SUBJECT, 1.) */
	int started;        /* wire, SGML: the unit's story has begun (SOH, <REUTERS); markup: its
			     * document has */
	int json_depth;     /* ninjs: braces and brackets open */
	int json_string;    /* ninjs: inside a string */
	int json_escape;    /* ninjs: after a backslash in a string */
	size_t json_end;    /* ninjs: one past the object's closing brace, once seen; 0 before */
	int json_array;     /* ninjs: inside a top-level array of items (kept from unit to unit) */
	int json_member;    /* ninjs, in an array: an item (or a value that is not one) is being read */
	int json_closing;   /* ninjs: the array's closing bracket was found; its line ends the piece */
	int json_text;      /* ninjs: the unit began with something else than blanks (not an array) */
	/* The piece just returned belongs to no unit (a JSON array's brackets and commas): the
	 * reader drops it as it drops blank lines between units. */
	int separator;
	/* Items in one XML document (parser/input/markup_split.c): the scan's state, kept from
	 * unit to unit; what a unit cut between two items must be read inside (its wrap). */
	int xml_state;      /* the construct being read: text, a tag, a comment ... */
	int xml_match;      /* characters of the construct's end seen ("--" of "-->") */
	char xml_quote;     /* in a tag or declaration: the open quote */
	int xml_bracket;    /* in a DOCTYPE: its internal subset is open */
	size_t xml_tag;     /* offset of the '<' of the construct being read */
	int xml_depth;      /* elements open */
	int xml_item;       /* depth of the open item + 1; 0 when none is open */
	int xml_items;      /* items begun in this document */
	int xml_root;       /* the root element has begun */
	int xml_nocut;      /* the envelope is too large or too deep: the document stays whole */
	int xml_after;      /* the last return was a cut before an item (1) or a document's end (2) */
	int xml_close;      /* the unit just returned ends before an item: its ancestors to close */
	size_t xml_env_len; /* the prolog and the open elements' start tags, in xml_env */
	size_t xml_open_len; /* the envelope the unit in progress is read inside, in xml_open */
	size_t xml_env_at[32]; /* where each open element's start tag stands in xml_env */
	/* Last, so that split_reset need not clear them (their lengths say what holds). */
	char xml_env[8192];
	char xml_open[8192];
} split_state;

void split_reset(split_state *st);
/* Length of the unit at the start of buf (len bytes, NUL at buf[len]), or 0 when more input is
 * needed; finished: no more will come (the rest is then the unit). */
size_t split_csv(split_state *st, const char *buf, size_t len, int finished);
size_t split_text(split_state *st, const char *buf, size_t len, int finished);
/* Wire streams (ANPA-1312, IPTC 7901): a story runs from its SOH to its EOT; noise before the SOH
 * belongs to the story, a story without an EOT ends where the next SOH begins. */
size_t split_wire(split_state *st, const char *buf, size_t len, int finished);
/* Reuters-21578 SGML: one unit per <REUTERS ...> ... </REUTERS> record. */
size_t split_sgml(split_state *st, const char *buf, size_t len, int finished);
/* Whether a cables.csv row starts at p: 1 yes, 0 no, -1 not enough bytes to say. */
int split_row_starts(const char *p, size_t avail, int finished);

#endif
