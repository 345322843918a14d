/* Wire service framing (lexer/input/wire.re): the header and trailer lines of ANPA-1312 and IPTC 7901
 * stories. The scanners read raw input bytes (the reader's unit, NUL sentinel at its end); fields
 * are slices into it, s == NULL when absent. Framing bytes: SYN 0x16, SOH 0x01, STX 0x02,
 * ETX 0x03, EOT 0x04, US 0x1F. */
#ifndef CW_WIRE_H
#define CW_WIRE_H

#include "lexer/core/slice.h"

/* ANPA-1312, after SYN SYN SOH:
 *   line 1: service letter, story number, [UPI], US, selector        W2870 US asian
 *   line 2: priority SP category [format codes] SP keyword SP+ [version] SP+ [reference] SP+
 *           MM-DD SP word count                                       f l DC3 DC1 BC-LT--Argentina-CancerB 11-13 1049
 * Reuters-21578 keeps the same two lines in <UNKNOWN>, without the format codes. */
typedef struct anpa_header {
	slice service, story, selector;
	slice priority, category, format, keyword, version, reference, date, words;
	int line1, line2;      /* which lines matched */
	const char *end;       /* first byte after the header lines */
} anpa_header;
int scan_anpa_header(const char *p, const char *lim, anpa_header *out);

/* ANPA trailer after ETX: AP-WF-11-13-13 1509GMT (sender, MM-DD-YY, HHMM, zone). */
typedef struct wire_trailer {
	slice raw, sender, zone;
	int year, month, day, hour, minute;  /* year with century; 0 when absent */
} wire_trailer;
int scan_anpa_trailer(const char *p, const char *lim, wire_trailer *out);

/* IPTC 7901 header after SOH: source letters, message number, priority, category, word count,
 * optional information, sender reference:   eca062 4 i 211 ccccb   dpa 061 */
typedef struct iptc_header {
	slice source, number, priority, category, words, optional, sender;
	const char *end;  /* first byte after the header line */
} iptc_header;
int scan_iptc_header(const char *p, const char *lim, iptc_header *out);

/* IPTC 7901 trailer after ETX: 131137 GMT Nov 13 (day, hour, minute, zone, month, year). */
int scan_iptc_trailer(const char *p, const char *lim, wire_trailer *out);

/* A trailer's time zone as minutes east of UTC: GMT 0, EST -300, PDT -420. 0 when the zone is
 * not one a wire uses (the time is then local, of unknown offset). */
int wire_zone_offset(slice zone, int *minutes);

/* Names of the one-letter codes (NULL when unknown). */
const char *anpa_priority_name(char c);
const char *anpa_category_name(char c);

#endif
