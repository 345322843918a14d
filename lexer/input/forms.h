/* Input forms: detection, and decoding of one unit into a text (lexer/core/text.h). */
#ifndef CW_FORMS_H
#define CW_FORMS_H

#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"
#include "lexer/core/arena.h"
#include "lexer/core/diag.h"
#include "lexer/core/text.h"

enum wl_field { WL_REFERENCE_ID, WL_CREATED, WL_RELEASED, WL_CLASSIFICATION, WL_ORIGIN, WL_FIELDS };
enum csv_field { CSV_ID, CSV_DATE, CSV_REFID, CSV_ORIGIN, CSV_CLASSIFICATION, CSV_REFERENCES,
		 CSV_META_FIELDS };

/* Wire header fields (ANPA-1312, IPTC 7901, the ANPA header Reuters-21578 keeps in <UNKNOWN>). */
enum wire_field { WF_SERVICE, WF_STORY, WF_SELECTOR, WF_PRIORITY, WF_CATEGORY, WF_CODES,
		  WF_KEYWORD, WF_VERSION, WF_REFERENCE, WF_DATE, WF_WORDS, WF_OPTIONAL, WF_SENDER,
		  WF_KEYLINES, WF_TRAILER, WF_FIELDS };
/* Reuters-21578: the record's attributes and elements; lists hold their <D> items, one a line. */
enum sgml_field { SG_NEWID, SG_OLDID, SG_DATE, SG_TOPICS_ATTR, SG_LEWISSPLIT, SG_CGISPLIT,
		  SG_TEXT_TYPE, SG_TOPICS, SG_PLACES, SG_PEOPLE, SG_ORGS, SG_EXCHANGES, SG_COMPANIES,
		  SG_FIELDS };
/* Parts of an article the form marks (SGML elements), as decoded text offsets. */
enum art_part { AP_TITLE, AP_AUTHOR, AP_DATELINE, AP_BODY, AP_PARTS };

typedef struct decoded {
	/* Decoded offsets of the header and body blocks when the form marks them (the two <pre>
	 * blocks of a WikiLeaks page); has_blocks == 0 when the parser must find the boundary. */
	int has_blocks;
	size_t header_end;
	size_t body_start;
	/* The page's own metadata table (WikiLeaks), arena strings; NULL when absent. */
	int has_meta;
	const char *meta[WL_FIELDS];
	uint64_t meta_at[WL_FIELDS];     /* input offset of each metadata cell */
	/* A cables.csv row's own columns: id, date, refid, origin, classification, references. */
	int has_csv;
	const char *csv[CSV_META_FIELDS];
	int csv_fields;          /* fields the row had */
	/* Articles. */
	int is_article;
	int has_wire;
	const char *wire_format;         /* "anpa" or "iptc7901" */
	const char *wire[WF_FIELDS];
	int wire_time[5];                /* year, month, day, hour, minute of the trailer; 0 when absent */
	int wire_zone_known, wire_zone;  /* the trailer's zone, minutes east of UTC, when known */
	int has_sgml;
	const char *sgml[SG_FIELDS];
	int has_parts;
	size_t part_start[AP_PARTS], part_end[AP_PARTS];
	int part_set[AP_PARTS];
	/* NITF, NewsML-G2, NewsML, ninjs: the blocks and metadata of the document
	 * (lexer/input/markup.h); NULL for other forms. */
	const struct markup_doc *markup;
} decoded;

/* The form of an input from its first 64 KiB. form_detect_in_place does the same without a copy
 * of them: buf[len] must be writable (the reader's sentinel byte); one byte is changed while it
 * looks and put back. */
cw_form form_detect(const char *buf, size_t len);
cw_form form_detect_in_place(char *buf, size_t len);
/* Where a decoder writes: the text (finished, see lexer/core/text.h), the strings it keeps
 * (arena) and its diagnostics. Decoders never see the record. */
typedef struct decode_out {
	text *text;
	arena *arena;
	diag_list *diags;
	/* A markup item cut from a document of several (parser/input/unit.h): read inside this. */
	const char *wrap;
	size_t wrap_open, wrap_len;
	/* What the transport said of the unit (a WARC record's HTTP headers): the charset of its
	 * Content-Type and its Date, NULL for plain files. Read by article-html only. */
	const char *http_charset;
	const char *http_date;
} decode_out;

/* Decodes a unit's input bytes in the given form. Returns 0, or -1 when the form's structure is
 * missing (e.g. an HTML page without <pre> blocks). */
int form_decode(const char *input, size_t len, cw_form form, decode_out to, decoded *out);
/* Whether a form holds news stories rather than telegrams. */
int form_is_article(cw_form form);

#endif
