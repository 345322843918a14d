/* A saved page's dates as sites write them (lexer/input/page_date.re): in JSON-LD, <meta> tags,
 * <time> elements and scripts, beside the ISO 8601 that markup_doc.c's mk_date reads. */
#ifndef CW_PAGE_DATE_H
#define CW_PAGE_DATE_H

#include <stddef.h>

enum { PAGE_DATE_CAP = 32 };

/* Reads a date written as "Thu, 21 Dec 2023 09:45:16 PST" (RFC 2822), "Dec. 17, 2023 5:04 p.m.
 * ET", "December 20, 2023", "Published: 20 December 2023", "2023-12-24 00:40:00 EST",
 * "20231222" or a script's "Sat Dec 16 2023 10:00:00 GMT+0000 (...)", and writes it to out as
 * ISO 8601: the date and time with the zone's offset when the zone is known (Z, GMT, UTC, +HHMM,
 * the North American and central European abbreviations), without one when it is not ("ET" is
 * EST or EDT), the date alone when no time is given. Returns the length written, 0 when s holds
 * no whole date (a year, a month and a day that exist). s: n bytes, a NUL at s[n]. Linear. */
size_t page_date_iso(const char *s, size_t n, char out[PAGE_DATE_CAP]);

#endif
