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
