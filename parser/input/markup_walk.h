/* Shared by the markup decoders (parser/input/markup_*.c): the document being decoded, how a
 * block is written into the decoded text, and the XML helpers of the NITF and NewsML walks. */
#ifndef CW_MARKUP_WALK_H
#define CW_MARKUP_WALK_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "lexer/input/markup.h"

typedef struct mk {
	decode_out to;
	markup_doc *doc;
	const char *input;   /* the unit's bytes, for input offsets */
	size_t len;
	size_t *lines;       /* input offset of each line's start (1-based index), built on demand */
	size_t nlines;
	/* Text parsed apart from the input (ninjs body_html, NewsML-G2 inlineData): its nodes'
	 * lines are not the input's; its blocks are located at the member holding it. */
	int apart;
	uint64_t apart_at;
	/* Bytes of the wrap standing before the unit's first line (an item cut from a document of
	 * several): columns on the parsed text's first line count them. */
	size_t shift;
	uint64_t cursor;     /* article-html: input offset after the last block's element */
} mk;

/* ---- blocks (markup_doc.c) ---- */
/* Appends a block of role r: s's blanks folded to single spaces, trimmed; nothing when empty.
 * at: the input offset it comes from. */
void mk_block(mk *m, int role, const char *s, size_t n, uint64_t at);
/* Plain text (ninjs body_text, NewsML-G2 inlineData): a paragraph a blank-line group, or a line
 * starting with a blank (wire copy's indented paragraphs). */
void mk_plain_paragraphs(mk *m, const char *s, size_t n, uint64_t at);
/* A copy in the arena with blanks folded, trimmed; NULL when s is NULL or empty. */
const char *mk_str(mk *m, const char *s, size_t n);
const char *mk_cstr(mk *m, const char *s);
/* ISO 8601 from the forms' dates: "20151210T191044Z" -> "2015-12-10T19:10:44Z",
 * "20131020T192751+1100" -> "2013-10-20T19:27:51+11:00"; an ISO date is kept. NULL when absent. */
const char *mk_date(mk *m, const char *s);
void mk_subject(mk *m, const char *s);
/* Appends v (a string in the arena; NULL adds nothing) to a list grown in the arena: the
 * subjects, a page's keywords, its chrome lines. unique: a string the list holds is not added
 * again. */
void mk_push_str(mk *m, const char ***items, size_t *n, size_t *cap, const char *v, int unique);
/* Sets *slot to a copy of s unless it is set already. */
void mk_once(mk *m, const char **slot, const char *s);
/* Finishes the decoded result: the blocks and metadata into out. */
void mk_finish(mk *m, decoded *out);

/* ---- XML (markup_xml.c) ---- */
/* libxml2's globals set up, once for the process, by every reader of XML or HTML (one
 * pthread_once for both: two would let one thread use the parser while another is still
 * setting it up). */
void mk_xml_init(void);
/* Parses an XML document safely (no network, no DTD loading, no entity substitution; a DTD
 * declaring entities is refused with XML_ENTITY_REFUSED; malformed XML gives XML_MALFORMED at
 * libxml2's line and column). NULL when refused or malformed. */
xmlDoc *mk_xml_read(mk *m, const char *buf, size_t len, const char *what);
/* An HTML fragment (ninjs body_html), read with libxml2's HTML parser, no network. */
xmlDoc *mk_html_read(const char *buf, size_t len);
/* The input offset of a 1-based line's start (a table built on first use). */
uint64_t mk_line_offset(mk *m, int line);
/* The input offset of an element's start tag (from its line). */
uint64_t mk_at(mk *m, const xmlNode *n);
/* The element's local name matches (case-sensitive). */
int mk_is(const xmlNode *n, const char *name);
/* First child element of that local name, NULL when none. */
xmlNode *mk_child(const xmlNode *n, const char *name);
/* First element of that local name in the subtree (depth-first), n itself included. */
xmlNode *mk_find(xmlNode *n, const char *name);
/* Whether the element's name is one of names (a NULL-ended list). */
int mk_name_in(const xmlNode *n, const char *const *names);
/* The node after n in document order within root's subtree, n's children first when descend;
 * NULL at the end of the subtree. The walks of mk_find and the page's passes step with it. */
xmlNode *mk_next(const xmlNode *root, xmlNode *n, int descend);
/* The element's text content (xmlNodeGetContent, freed by the caller with xmlFree). */
char *mk_text(const xmlNode *n);
/* Appends a block of the element's whole text. */
void mk_block_of(mk *m, int role, const xmlNode *n);
/* An attribute's value as an arena string; NULL when absent. */
const char *mk_attr(mk *m, const xmlNode *n, const char *name);
/* The body's blocks under a container: p, h1-h6 and hl2 (subheads), li, pre, blockquote ...;
 * text between them a paragraph of its own; media, scripts and tables of figures skipped. */
void mk_body(mk *m, const xmlNode *container);
/* The NITF walk (markup_nitf.c): a <nitf> element, also inside NewsML. */
void mk_nitf(mk *m, const xmlNode *nitf);
/* NewsML-G2 (g2) or NewsML 1.2 under the root (markup_newsml.c); -1 when no item is found. */
int mk_newsml(mk *m, xmlNode *root, int g2);
/* ninjs (markup_ninjs.c): 0, or -2 with a diagnostic when the JSON is malformed. */
int mk_ninjs(mk *m, const char *buf, size_t len);
/* A saved news page (html_page.c): 0; -2 with a diagnostic when it cannot be read. */
int mk_html_page(mk *m, const char *buf, size_t len);

#endif
