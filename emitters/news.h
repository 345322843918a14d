/* Shared by the news-standard emitters (nitf.c, ninjs.c, newsml_g2.c): what they read the same
 * way from a record, a cable or an article: its identifier and URI, its date, its urgency, its
 * dateline place, its byline and its paragraphs as text; and the indenting XML writer of the two
 * XML formats. Record strings are not NUL-terminated: every string here travels with its
 * length. */
#ifndef CW_NEWS_H
#define CW_NEWS_H

#include <stddef.h>

#include "cablewire.h"
#include "emitters/sink.h"
#include "parser/core/fields.h"

/* A growable byte buffer; after a failed allocation it keeps what it had and sets oom. */
typedef struct news_buf {
	char *p;
	size_t n, cap;
	int oom;
} news_buf;

void nb_put(news_buf *b, const char *p, size_t n);
void nb_puts(news_buf *b, const char *str);
void nb_free(news_buf *b);

typedef enum news_kind { NEWS_ERROR = 0, NEWS_CABLE, NEWS_ARTICLE } news_kind;

news_kind news_kind_of(const cw_record *rec);

/* v when it is a non-empty string, else NULL (*n is set either way). */
const char *news_str(const cw_value *v, size_t *n);

/* The record's date as the record gives it (ISO 8601, "2007-03-18T10:30:00Z",
 * "1987-03-04T10:12:00-05:00", "1987-03-04T10:12:33"): a cable's DTG, else its time of file; an
 * article's wire transmission time, else its Reuters-21578 date. NULL when there is none. */
const char *news_date(const cw_value *root, size_t *n);
/* Whether the date has the RFC 3339 shape (with "Z" or an offset), as ninjs requires. */
int news_date_rfc3339(const char *s, size_t n);
/* NITF's norm form YYYYMMDDTHHMMSS, followed by +HHMM or -HHMM when the date has a zone ("Z" is
 * +0000). Returns its length (15 or 20), or 0 when the date is not of the ISO shape above. */
size_t news_date_norm(const char *s, size_t n, char out[24]);

/* Editorial urgency 1 (most urgent) .. 8, 0 when unknown: a wire's priority (ANPA f b u r d a
 * y; IPTC 7901 its digit), a cable's precedence (FLASH, NIACT IMMEDIATE 1, IMMEDIATE 2,
 * PRIORITY 3, ROUTINE 5). */
int news_urgency(const cw_value *root);

/* The record's key: its id, else "path#index" (as the CSV tables key rows). */
void news_key(const cw_value *root, news_buf *b);
/* "urn:cablewire:cable:07VALLETTA412", or "urn:cablewire:KIND:PATH:INDEX" when there is no id;
 * bytes that a URN's specific string may not hold are percent-encoded. */
void news_uri(const cw_value *root, news_kind kind, news_buf *b);

/* Where the story was filed: an article's dateline "RIVERTON, Wyo." (location, region), a
 * cable's origin "VALLETTA". Nothing when unknown. */
void news_location(const cw_value *root, news_kind kind, news_buf *b);
/* "MARTA KOWALSKI, Associated Press Writer", "A and B, Title", "Ilse Brandt, Reuters",
 * "Ilse Brandt, Correspondent, Reuters" (the last byline's title and affiliation); a cable's
 * signature lines joined by blanks. */
void news_byline(const cw_value *root, news_kind kind, news_buf *b);
/* Each author of a record, as the formats' author elements carry them: an article's bylines that
 * hold a name, a title or an affiliation (each may be NULL), or a cable's one signature line
 * (news_byline) as a name. */
typedef struct news_author {
	const char *name, *title, *affiliation;
	size_t name_n, title_n, affiliation_n;
} news_author;
typedef void (*news_author_fn)(void *ctx, const news_author *a);
void news_each_author(const cw_value *root, news_kind kind, news_author_fn fn, void *ctx);
/* One paragraph as text: an article's text; a cable's "1. (C) HEADING: text" (its
 * sub-paragraphs apart, through news_subparagraph). */
void news_paragraph(const cw_value *p, news_kind kind, news_buf *b);
/* A cable's sub-paragraph: "A. (S) text". */
void news_subparagraph(const cw_value *sp, news_buf *b);
/* Whether an article paragraph repeats an earlier one (left out of every format). */
int news_duplicate(const cw_value *p);
/* Each paragraph's text in order (an article's duplicates left out), a cable's sub-paragraphs
 * after their paragraph, appended to b (after sep when b holds text already; a paragraph giving
 * no text leaves b as it was). fn, when given, gets each at b->p + start up to b->n, and whether
 * it is a subhead; it may take it back (b->n = start), so one buffer serves every paragraph. */
typedef void (*news_text_fn)(void *ctx, news_buf *b, size_t start, int subhead);
void news_each_paragraph(const cw_value *root, news_kind kind, news_buf *b, const char *sep,
			 news_text_fn fn, void *ctx);
/* Each photo credit of an article: its caption (NULL when it stands alone) and the credit as
 * written ("(AP Photo/Bassem Tellawi)"). */
typedef void (*news_photo_fn)(void *ctx, const char *caption, size_t cn, const char *credit,
			      size_t n);
void news_each_photo(const cw_value *root, news_photo_fn fn, void *ctx);
/* "caption credit", the credit ending its caption as the story had it (what the readers hand
 * the photo credit scanner). */
void news_photo_line(const char *caption, size_t cn, const char *credit, size_t n, news_buf *b);
/* "CODE: message", an error record's diagnostic as the formats' notes carry it. */
void news_diagnostic(const cw_diag *d, news_buf *b);

/* ---- the XML writer of nitf.c and newsml_g2.c ---- */
/* Pretty: each element on a line of its own, indented two blanks a level; compact: none. */
typedef struct news_xml {
	sink *s;
	int pretty;
	int depth;
} news_xml;

/* A line end and the indentation of the current depth (nothing when compact). */
void nx_nl(news_xml *x);
/* The XML declaration, and the line end after it when pretty. */
void nx_declaration(news_xml *x);
/* <tag> on a line of its own, one level deeper after it; tag may carry attributes as written. */
void nx_open(news_xml *x, const char *tag);
void nx_close(news_xml *x, const char *name);
/* <name attrs>text</name> on a line of its own; attrs written as given ("" for none). */
void nx_leaf(news_xml *x, const char *name, const char *attrs, const char *p, size_t n);
/* <name attr="value"/> on a line of its own. */
void nx_empty(news_xml *x, const char *name, const char *attr, const char *p, size_t n);
/* The non-empty strings of an array (or of a member of its objects) as <name>, or as empty
 * <name attr="..."/> when attr is given. Returns how many. */
size_t nx_strings(news_xml *x, const cw_value *arr, cw_field member, const char *name,
		  const char *attr);
/* Ends the document: the root element's end tag at the left margin, and a line end. */
void nx_end(news_xml *x, const char *root);

#endif
