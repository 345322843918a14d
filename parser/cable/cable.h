/* Parsing one telegram: the context shared by the header grammar (grammar/cable/header.y), the body
 * grammar and the code that assembles the record. */
#ifndef CW_CABLE_H
#define CW_CABLE_H

#include "lexer/cable/body_fields.h"
#include "lexer/cable/body_lex.h"
#include "parser/core/dates.h"
#include "lexer/cable/header_lex.h"
#include "parser/core/record.h"

enum routing_list_kind { ROUTING_FROM, ROUTING_TO, ROUTING_INFO, ROUTING_XMT, ROUTING_LISTS };

typedef struct routing_state {
	cw_value *obj;           /* "routing" */
	cw_value *lists[ROUTING_LISTS];
	cw_value *indicators, *other, *distribution;
	cw_value *dist_list;     /* office list receiving continuation lines */
	int cur;                 /* list receiving continuation addresses, -1 none */
	size_t counts[ROUTING_LISTS];
	size_t dropped;          /* addressees over the item limit */
	int seen_fl1, seen_fl2, seen_fl3, seen_fl4, seen_dtg; /* stored, for the shape */
	int seen_format;         /* any of format lines 1-5 */
	int banner;
	cw_date dtg;             /* valid when has_dtg */
	int has_dtg;
	cw_value *filed;         /* originator.filed, completed once the DTG year is known */
	int tof_yday, tof_hour, tof_minute;
	size_t ssn;              /* station serial number, 0 when absent */
	int ssn_digits;
	char group_level;        /* first letter of the FL4 classification group, 0 when none */
	size_t first_line_off;   /* decoded offset of the first routing line */
	/* A syntax error the grammar found, until its error rule reports it (routing.c). */
	int has_unexpected, reported;
	size_t unexpected_at, reported_at;
	char unexpected[400];
} routing_state;

enum block_kind { BLOCK_NONE, BLOCK_EO, BLOCK_TAGS, BLOCK_SUBJECT, BLOCK_REF, BLOCK_CLSBY,
		  BLOCK_PARA, BLOCK_SUBPARA, BLOCK_TEXT };

typedef struct body_state {
	cw_value *captions, *pass_lines, *tags, *references, *paragraphs, *comments, *notes;
	cw_value *signature, *classified_by, *eo;
	int block;               /* block being read */
	body_line first;         /* its first line */
	slice *segs;             /* its lines (malloc'd, reused) */
	size_t nsegs, capsegs;
	cw_value *cur_para;      /* paragraph receiving lettered sub-paragraphs */
	cw_member *last_item, *before_last;  /* last two members of "paragraphs" */
	slice last_line;         /* last line of the last text block, for the signature */
	int last_line_alone;     /* that block had only this line, or it follows a finished sentence */
	size_t last_prefix;      /* length of the block's text without its last line */
	int last_is_para;
	const char *heading;     /* section heading for the paragraphs that follow */
	size_t heading_len;
	int last_number;         /* last paragraph number */
	int seen_classline, seen_para;
	int ref_blocks;
	classline_fields cl;     /* the first classification line */
	const char *cl_start;
	int decl_year, decl_month, decl_day;
	const char *eo_at;       /* the E.O. line */
	int top_mark;            /* highest paragraph marking rank seen, -1 none */
	const char *top_mark_at;
	size_t dumps, repeats;
	size_t first_dump;
	int signature_done;
	int after_rule;          /* the last item was a rule line */
	int block_after_rule;    /* the current block follows a rule line */
	/* A syntax error the grammar found, until its error rule reports it (body.c). */
	int has_unexpected, reported;
	size_t unexpected_at, reported_at;
	char unexpected[400];
} body_state;

typedef struct cable_ctx {
	cw_record *rec;
	arena *a;
	const char *text;        /* decoded text; *lim == '\0' */
	const char *lim;
	hdr_lexer hlx;
	routing_state r;
	body_lexer blx;
	body_state b;
	int year;                /* the cable's year (DTG, else the release's); -1 unknown */
} cable_ctx;

/* Decoded offset of a pointer into the text. */
static inline size_t ctx_off(const cable_ctx *ctx, const char *p) { return (size_t)(p - ctx->text); }

#endif
