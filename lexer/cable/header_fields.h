/* Small anchored scanners for the fields inside one line (lexer/cable/header_fields.re). Each takes the start
 * of a line inside a decoded text (lexer/core/text.h) and the text's end, and fills a struct of
 * slices. Slices point into the text; a field that is absent has s == NULL. */
#ifndef CW_HEADER_FIELDS_H
#define CW_HEADER_FIELDS_H

#include <stddef.h>

#include "lexer/core/slice.h"

/* FL1: VZCZCXRO4549 */
typedef struct fl1_fields {
	slice raw, channel, serial;
	int strict;  /* matched the canonical shape */
} fl1_fields;
int scan_fl1(const char *p, const char *lim, fl1_fields *out);

/* One routing indicator or prosign at a time from an FL2 line (OO RUEHWEB RUEHXX) or a
 * continuation line of indicators. Returns 1 and advances *p, 0 at the end of the line, -1 on a
 * word that is no indicator (returned in *word, skipped). */
enum ri_kind { RI_PROSIGN = 1, RI_INDICATOR = 2, RI_JUNK = 3 };
int scan_ri_item(const char **p, const char *lim, slice *word);
int ri_word_kind(slice w, const char *lim, int first);

/* FL3: DE RUEHDM #0728 0571325, DE RUEHC #0284/01 0041825 */
typedef struct fl3_fields {
	slice ri, ssn, part, tof;
	int strict;
} fl3_fields;
int scan_fl3(const char *p, const char *lim, fl3_fields *out);

/* FL4: ZNY CCCCC ZZH; opsigs are walked with scan_words(). */
typedef struct fl4_fields {
	slice prefix, group, rest;  /* rest: the operating signals, space separated */
	slice note;                 /* a parenthesised trailer: (CCY ...) */
	int strict;
} fl4_fields;
int scan_fl4(const char *p, const char *lim, fl4_fields *out);

/* FL5: O 261325Z FEB 06, O R 201025Z JUL 09, P 260929Z JUN 08 ZFF6, or a bare DTG. */
typedef struct dtg_fields {
	slice prec1, prec2, day, hour, minute, month, year, opsig, rest;
	int strict;
} dtg_fields;
int scan_dtg_line(const char *p, const char *lim, dtg_fields *out);

/* An addressee after FM/TO/INFO/XMT or on a continuation line:
 * RUEHC/SECSTATE WASHDC IMMEDIATE 7276, AMEMBASSY TEL AVIV, RUEHC/SECSTATE WASHDC//NEA/ELA//. */
typedef struct addr_fields {
	slice ri, address, office, precedence, mcn;
	int precedence_typo;  /* precedence word misspelt (PRIOITY) */
} addr_fields;
int scan_address(const char *p, const char *lim, addr_fields *out);

/* Next space-separated word of a line; returns 0 at the end of the line. */
int scan_word(const char **p, const char *lim, slice *word);

/* Line end: pointer to the "\n" that ends the line containing p. */
const char *line_end(const char *p);

#endif
