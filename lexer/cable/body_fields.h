/* Anchored scanners for the fields of the telegram body's lines (lexer/cable/body_fields.re). */
#ifndef CW_BODY_FIELDS_H
#define CW_BODY_FIELDS_H

#include "lexer/cable/header_fields.h"

/* C O N F I D E N T I A L SECTION 01 OF 03 TRIPOLI 000220 SIPDIS */
typedef struct classline_fields {
	slice level;      /* as written: "C O N F I D E N T I A L", "UNCLAS" */
	slice caveat;     /* after "//": NOFORN */
	slice efto;       /* "E F T O" / "EFTO" after UNCLAS */
	slice section, of;
	slice year;       /* two digits before the origin in old telegrams: 75 LIBREVILLE */
	slice origin;     /* may hold spaces: SAO PAULO */
	slice serial;     /* digits as written: 000728 */
	slice rest;       /* captions after the serial */
	int glued;        /* the serial runs straight into the next word: 004403SIPDIS */
} classline_fields;

/* Returns 1 for a classification line with origin and serial, 0 otherwise. */
int scan_classline(const char *p, const char *lim, classline_fields *out);
/* The same, in the body's head only: the origin may be in any case (S e c r e t berlin 000643). */
int scan_classline_head(const char *p, const char *lim, classline_fields *out);
/* Only the level, caveat and section of a classification line: 0 when the line does not start
 * with a class word, 2 when nothing follows them on the line, 1 otherwise. */
int scan_classline_level(const char *p, const char *lim, classline_fields *out);
/* "ORIGIN SERIAL" preceded by blanks, as the second line of a classification line split in two;
 * fills origin, serial and rest. */
int scan_origin_serial(const char *p, const char *lim, classline_fields *out);

/* Normalises a level as written to its name: "C O N F I D E N T I A L" -> "CONFIDENTIAL",
 * "UNCLAS" -> "UNCLASSIFIED". NULL when unknown. */
const char *level_name(slice written);

#endif

/* E.O. line, from the keyword: "E.O. 12958: DECL: 02/26/2016", "EO 12958 DECL: 06/03/08",
 * "E.O. 12958: N/A", "E.O. 12958: DECL: 1.6X1", "E.O. 11652: GDS". */
typedef struct eo_fields {
	slice order;      /* 12958 */
	slice decl_raw;   /* what follows DECL: (or the order), as written */
	int year, month, day;  /* a DECL date, 0 when none */
	slice code;       /* OADR, X1, 25X1, 1.6X1, GDS ... */
	int na;           /* N/A */
} eo_fields;
int scan_eo(const char *p, const char *end, const char *lim, eo_fields *out);

/* A date as m/d/yy, m/d/yyyy or yyyy/mm/dd (also with - or .); returns 1 and fills y/m/d. */
int scan_numeric_date(slice s, const char *lim, int *y, int *m, int *d);

/* TAGS items one at a time: a word, or a parenthesised group "(STEINBERG, JAMES B.)".
 * Returns 0 at end. */
int scan_tag_item(const char **p, const char *end, const char *lim, slice *item, int *paren);
/* Whether an upper-case word is a common given name (pairs a person tag: CLINTON HILLARY). */
int is_given_name(slice w, const char *lim);
/* Its names, sorted by first letter (lexer/core/words.h, words_sorted). */
extern const char *const body_given_names[];
extern const size_t body_given_names_n;

/* REF: the next item of a reference block (text joined with '\n'): its bullet label (A, 1),
 * and its text up to the next bullet or ';'. Returns 0 at end. */
int scan_ref_item(const char **p, const char *end, const char *lim, slice *label, slice *item);
/* A cable reference inside an item: [yy|yyyy] ORIGIN SERIAL [(CAPTION)], then further serials
 * after AND / , / &. Fills the first; *next is where the next serial starts (NULL when none).
 * Returns 1 when the whole item is one such reference. */
typedef struct cable_ref {
	slice year, origin, serial, caption;
	const char *more;   /* start of "AND 2764 ..." when the item lists more serials */
} cable_ref;
int scan_cable_ref(slice item, const char *lim, cable_ref *out);
/* The serial after a conjunction: "AND 2764", ", 2764"; returns 1 and advances *p. */
int scan_more_serial(const char **p, const char *end, const char *lim, slice *serial);

/* Classified By: the reasons, one at a time from *p: "1.4 (b) and (d)" gives 1.4 b, then 1.4 d.
 * Returns 0 when no more. */
int scan_reason(const char **p, const char *end, const char *lim, slice *section, char *letter);
/* Where the reasons start ("for reasons", "Reason:", or a bare 1.4); NULL when absent. */
const char *find_reasons(const char *p, const char *end, const char *lim);
/* Whether a word is part of an official title (Ambassador, Charge, DCM, A/S, Counselor ...). */
int is_title_word(slice w, const char *lim);
/* Its words, sorted by first letter (lexer/core/words.h, words_sorted). */
extern const char *const body_title_words[];
extern const size_t body_title_words_n;

/* Span markers inside paragraph text. */
enum span_mark { SPAN_NONE, SPAN_SUMMARY, SPAN_END_SUMMARY, SPAN_COMMENT, SPAN_END_COMMENT,
		 SPAN_NOTE, SPAN_END_NOTE };
/* Finds the next marker from *p; returns its kind, with its bounds in *mark. */
int scan_span_mark(const char **p, const char *end, const char *lim, slice *mark);
/* 0 when no text made of pieces of [s, lim) (slices, or slices joined by blanks) can hold a
 * marker scan_span_mark finds, because none of them holds SUMMARY, COMMENT or NOTE in any case;
 * 1 when one may. lim has the NUL sentinel. */
int span_marks_possible(const char *s, const char *lim);

/* A line that can be a signature: one to four name words, no digits, no sentence punctuation. */
int is_name_line(slice line, const char *lim);

/* The next caption on a caption line, in canonical spelling ("E X D I S" -> EXDIS, "C O R R E C T E D
 * COPY" -> CORRECTED COPY); *canon points to a constant. Other words are skipped. Returns 0 at
 * the end. */
int scan_caption(const char **p, const char *end, const char *lim, slice *canon);

/* A cables.csv row written one field a line at the top of a body (leftover of the leak's
 * database): id, date, reference id, origin name, classification, references. Returns where the
 * telegram after it starts and sets *lines, or NULL when p does not start such a block. */
const char *skip_vertical_dump(const char *p, const char *lim, size_t *lines);
