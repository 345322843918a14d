/* News article scanners (lexer/article/article.re): what kind of paragraph a line is, and the fields inside
 * one: dateline, byline names, photo credits, contributors, attributions. Each scanner reads a
 * decoded text (lexer/core/text.h: "\n" line ends, NUL sentinel at lim); slices point into it and are
 * {NULL, 0} when absent. Every scanner is a re2c DFA anchored where it is called: linear, no
 * backtracking. */
#ifndef CW_ARTICLE_FIELDS_H
#define CW_ARTICLE_FIELDS_H

#include "lexer/core/slice.h"

/* Paragraph kinds, from the paragraph's own words (context decides the rest). */
enum art_kind {
	AK_TEXT = 0,  /* anything else: prose, a title, a subhead */
	AK_CHROME,    /* site boilerplate: Share this story, About these ads, Scroll to Top */
	AK_NAV,       /* pagination: Page: 1 | 2 | 3 */
	AK_BYLINE,    /* By PAUL BYRNE and ALMUDENA CALATRAVA */
	AK_AFFIL,     /* a title or agency line under a byline: Associated Press, AP Sports Writer */
	AK_BIO,       /* George Baghdadi is CBS News' reporter in Damascus. */
	AK_PHOTO,     /* a credit alone: (AP Photo/Bassem Tellawi), AP Photo XNP101, XNP102 */
	AK_CONTRIB,   /* Associated Press writer Vladimir Isachenkov contributed to this report. */
	AK_BULLET,    /* a summary bullet: • text */
	AK_ENDSEP,    /* ___ before AP end matter */
	AK_EDNOTE,    /* Eds: ..., EDITOR'S NOTE _ ... */
	AK_SIGNOFF,   /* the Reuter sign-off alone */
	AK_KINDS
};
int art_classify(const char *p, const char *end, const char *lim);
/* The same for a caller that has counted the paragraph's words already (any count above 60
 * reads the same). */
int art_classify_counted(const char *p, const char *end, const char *lim, size_t words);
const char *art_kind_name(int kind);

/* A dateline at the start of a paragraph: MOSCOW --, CAIRO:, BUENOS AIRES, Argentina (AP) _,
 * TALLAHASSEE, Fla. (AP) —, Berlin (dpa) -, SALVADOR, Feb 26 -. */
typedef struct dateline_fields {
	slice text;       /* the dateline as written, separator included, blanks around trimmed */
	slice location, region, date, agency;
	const char *rest; /* the first byte of the story after it */
} dateline_fields;
int scan_dateline(const char *p, const char *end, const char *lim, dateline_fields *out);

/* A byline's leading word: By, BY, by, Written by, From, Par, Von. Returns 1 and sets *rest to the
 * name list after it. */
int scan_by_word(const char *p, const char *end, const char *lim, const char **rest);

/* One part of a name list, up to the next ", and", " and ", " & ", ",", ";" or end; returns 0 at
 * the end. *p advances past the separator. */
int scan_name_part(const char **p, const char *end, const char *lim, slice *part);

/* What a part of a byline is. */
enum part_kind { PART_NAME = 1, PART_TITLE, PART_AGENCY };
int classify_part(slice part, const char *lim);

/* The first photo credit in [p, end): (AP Photo/Name), (AP Photo/ Pool), (Photo: Name),
 * REUTERS/Name, Name/Getty Images, AP Photo XNP101. */
typedef struct photo_fields {
	slice credit;        /* as written, parentheses included */
	slice agency, photographer;
	const char *start;   /* where the credit starts */
} photo_fields;
int scan_photo_credit(const char *p, const char *end, const char *lim, photo_fields *out);
/* Whether a credit starts at p and fills [p, end) but for blanks after it (a credit alone on its
 * line: the first credit scan_photo_credit finds there starts at p and reaches the end). */
int photo_credit_line(const char *p, const char *end, const char *lim);

/* A contributor line: its names (the list between the role words and "contributed"), and the
 * agency named before them. */
typedef struct contrib_fields {
	slice agency, names;
} contrib_fields;
int scan_contributor(const char *p, const char *end, const char *lim, contrib_fields *out);

/* The next attribution in [*p, end): told Reuters, tell CBS News, according to state-run Syrian
 * Arab News Agency, the Associated Press reports. Advances *p past it. */
typedef struct attribution_fields {
	slice text;    /* the phrase as written */
	slice source;  /* who was told, or who reports */
} attribution_fields;
int scan_attribution(const char **p, const char *end, const char *lim, attribution_fields *out);

/* Agencies credited in a dateline, byline or credit: the canonical short name ("AP", "Reuters",
 * "AFP", "dpa", ...) for a spelling, or NULL when the words name no agency. */
const char *agency_canonical(slice words);

#endif
