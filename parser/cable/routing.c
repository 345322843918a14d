/* The routing header's fields, stored as the header grammar reduces each line. */
#include "parser/cable/routing.h"

#include <stdio.h>
#include <string.h>

#include "lexer/cable/header_fields.h"
#include "parser/core/fields.h"

int cw_hdr_parse(routing_ctx *ctx);

static cw_value *sv(routing_ctx *ctx, slice s) { return val_str(ctx->tg.a, s.s, s.n); }

static slice line_slice(const hdr_line *l)
{
	slice s = { l->start, (size_t)(l->end - l->start) };
	while (s.n && (s.s[s.n - 1] == ' ' || s.s[s.n - 1] == '\t'))
		s.n--;
	while (s.n && (s.s[0] == ' ' || s.s[0] == '\t'))
		s.s++, s.n--;
	return s;
}

static size_t off(const routing_ctx *ctx, const char *p) { return tg_off(&ctx->tg, p); }

/* Diagnostic severity for oddities before the routing proper starts: preambles (e-mail headers,
 * office lists, forwarding notes) are common and harmless, so they rate a note. */
static cw_severity noise_severity(const routing_ctx *ctx)
{
	return ctx->r.seen_format || ctx->r.counts[ROUTING_TO] ? CW_WARNING : CW_NOTE;
}

const char *level_from_group_letter(char c)
{
	switch (c) {
	case 'U': return "UNCLASSIFIED";
	case 'E': return "UNCLASSIFIED//EFTO";
	case 'C': return "CONFIDENTIAL";
	case 'S': return "SECRET";
	case 'T': return "TOP SECRET";
	}
	return NULL;
}

static const char *precedence_word(char c)
{
	switch (c) {
	case 'Z': return "FLASH";
	case 'O': return "IMMEDIATE";
	case 'P': return "PRIORITY";
	case 'R': return "ROUTINE";
	case 'Y': return "EMERGENCY";
	}
	return NULL;
}

void routing_begin(routing_ctx *ctx)
{
	arena *a = ctx->tg.a;
	routing_state *r = &ctx->r;
	memset(r, 0, sizeof(*r));
	r->cur = -1;
	r->obj = rec_set_object(a, ctx->tg.rec->root, F_CABLE_ROUTING);
	rec_set_cstr(a, r->obj, F_ROUTING_SHAPE, "none");
	rec_set_bool(a, r->obj, F_ROUTING_PARTIAL_EXTRACT, 0);
	rec_set_null(a, r->obj, F_ROUTING_TRANSMISSION_ID);
	cw_value *prec = r->precedence = rec_object(a, r->obj, F_ROUTING_PRECEDENCE);
	rec_set_null(a, prec, F_PRECEDENCE_PROSIGN);
	rec_set_null(a, prec, F_PRECEDENCE_ACTION);
	rec_set_null(a, prec, F_PRECEDENCE_INFO);
	r->indicators = rec_array(a, r->obj, F_ROUTING_INDICATORS);
	rec_set_null(a, r->obj, F_ROUTING_ORIGINATOR);
	rec_set_null(a, r->obj, F_ROUTING_SECURITY);
	rec_set_null(a, r->obj, F_ROUTING_DTG);
	rec_set_null(a, r->obj, F_ROUTING_DTG_RAW);
	rec_set_null(a, r->obj, F_ROUTING_FROM);
	r->from = NULL;
	r->from_address = (slice){ NULL, 0 };
	r->lists[ROUTING_TO] = rec_array(a, r->obj, F_ROUTING_TO);
	r->lists[ROUTING_INFO] = rec_array(a, r->obj, F_ROUTING_INFO);
	r->lists[ROUTING_XMT] = rec_array(a, r->obj, F_ROUTING_XMT);
	r->lists[ROUTING_FROM] = NULL;
	rec_set_null(a, r->obj, F_ROUTING_DISTRIBUTION);
	rec_set_int(a, r->obj, F_ROUTING_PAGE_LINES, 0);
	r->other = rec_array(a, r->obj, F_ROUTING_OTHER_LINES);
}

int routing_lex(routing_ctx *ctx, hdr_line *lval, CW_HDR_LTYPE *lloc)
{
	int tok = hdr_lex_line(&ctx->hlx, lval);
	if (tok == HDR_YYEOF) {
		size_t at = off(ctx, ctx->hlx.body_start ? ctx->hlx.body_start : ctx->hlx.cur);
		lloc->first = lloc->last = at;
	} else {
		lloc->first = off(ctx, lval->start);
		lloc->last = off(ctx, lval->end);
	}
	return tok;
}

/* Keeps a line that has no field of its own, so that nothing in the header is lost. */
static void keep_line(routing_ctx *ctx, const hdr_line *l, const char *kind)
{
	arena *a = ctx->tg.a;
	cw_value *line = rec_push_object(a, ctx->r.other);
	rec_set_cstr(a, line, F_OTHER_LINE_KIND, kind);
	slice s = line_slice(l);
	rec_set(a, line, F_OTHER_LINE_TEXT, sv(ctx, s));
}

/* The first format line after address lists means those lists were a preamble (a forwarded or
 * quoted header above the real one): they move aside instead of mixing with the real ones. */
static void format_line_seen(routing_ctx *ctx, const hdr_line *l)
{
	routing_state *r = &ctx->r;
	r->cur = -1;
	if (r->seen_format)
		return;
	r->seen_format = 1;
	arena *a = ctx->tg.a;
	if (r->counts[ROUTING_FROM] + r->counts[ROUTING_TO] + r->counts[ROUTING_INFO] +
	    r->counts[ROUTING_XMT] == 0)
		return;
	cw_value *pre = rec_set_object(a, r->obj, F_ROUTING_PREAMBLE_ADDRESSING);
	rec_set(a, pre, F_PREAMBLE_FROM, r->from);
	rec_set(a, pre, F_PREAMBLE_TO, r->lists[ROUTING_TO]);
	rec_set(a, pre, F_PREAMBLE_INFO, r->lists[ROUTING_INFO]);
	rec_set(a, pre, F_PREAMBLE_XMT, r->lists[ROUTING_XMT]);
	rec_set_null(a, r->obj, F_ROUTING_FROM);
	r->from = NULL;
	r->from_address = (slice){ NULL, 0 };
	r->lists[ROUTING_TO] = rec_set_array(a, r->obj, F_ROUTING_TO);
	r->lists[ROUTING_INFO] = rec_set_array(a, r->obj, F_ROUTING_INFO);
	r->lists[ROUTING_XMT] = rec_set_array(a, r->obj, F_ROUTING_XMT);
	memset(r->counts, 0, sizeof r->counts);
	rec_diag_at(ctx->tg.rec, CW_NOTE, "HDR_PREAMBLE_ADDRESSING", off(ctx, l->start),
		    "address lines before the format lines were kept apart as a preamble");
}

static const char *fl_names[6] = { "", "transmission identifier (FL1)",
				    "precedence and routing indicators (FL2)", "originator line (FL3)",
				    "security line (FL4)", "date-time group (FL5)" };

/* What the grammar found about format line fl (grammar/cable/header.y): out of the order 1 to 5,
 * a repeat (the first one is kept, the repeat goes to other_lines), or after the address lists.
 * Returns whether the line is a repeat. */
static int format_facts(routing_ctx *ctx, const hdr_line *l, int fl, const routing_line_facts *f,
			int *seen, const char *what)
{
	if (f->after)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FORMAT_ORDER", off(ctx, l->start),
			    "%s after %s: format lines out of order", fl_names[fl],
			    fl_names[f->after]);
	if (f->after_addresses)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FORMAT_AFTER_ADDRESS", off(ctx, l->start),
			    "%s after the address lines: format lines 1-5 come before FM, TO and "
			    "INFO", fl_names[fl]);
	if (f->repeated) {
		rec_diag_at(ctx->tg.rec, CW_NOTE, "HDR_REPEATED", off(ctx, l->start),
			    "%s repeated; the first one is kept", what);
		keep_line(ctx, l, "repeated");
		return 1;
	}
	if (seen)
		*seen = 1;
	return 0;
}

void routing_fl1(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	if (format_facts(ctx, l, 1, facts, &ctx->r.seen_fl1, "transmission identifier"))
		return;
	fl1_fields f;
	if (!scan_fl1(l->start, ctx->tg.lim, &f))
		return;
	arena *a = ctx->tg.a;
	cw_value *tid = rec_set_object(a, ctx->r.obj, F_ROUTING_TRANSMISSION_ID);
	rec_set(a, tid, F_TRANSMISSION_ID_RAW, sv(ctx, f.raw));
	rec_set(a, tid, F_TRANSMISSION_ID_CHANNEL, sv(ctx, f.channel));
	rec_set(a, tid, F_TRANSMISSION_ID_SERIAL, sv(ctx, f.serial));
	if (!f.strict)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FL1_MALFORMED", off(ctx, l->start),
			    "transmission identifier is not VZCZC + channel + serial number");
}

void routing_fl2(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *f)
{
	int first_line = f != NULL;
	if (first_line) {
		format_line_seen(ctx, l);
		if (format_facts(ctx, l, 2, f, &ctx->r.seen_fl2,
				 "precedence and routing indicator line"))
			return;
	}
	arena *a = ctx->tg.a;
	const char *p = l->start;
	slice w;
	int first = first_line;
	while (scan_word(&p, ctx->tg.lim, &w)) {
		int kind = ri_word_kind(w, ctx->tg.lim, first);
		if (kind == RI_PROSIGN) {
			rec_set(a, ctx->r.precedence, F_PRECEDENCE_PROSIGN, sv(ctx, w));
		} else if (kind == RI_INDICATOR) {
			rec_push(a, ctx->r.indicators, sv(ctx, w));
		} else {
			rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FL2_WORD", off(ctx, w.s),
				    "'%.*s' is not a routing indicator", (int)w.n, w.s);
		}
		first = 0;
	}
}

void routing_fl3(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	if (format_facts(ctx, l, 3, facts, &ctx->r.seen_fl3, "originator line"))
		return;
	fl3_fields f;
	if (!scan_fl3(l->start, ctx->tg.lim, &f))
		return;
	arena *a = ctx->tg.a;
	routing_state *r = &ctx->r;
	cw_value *orig = rec_set_object(a, r->obj, F_ROUTING_ORIGINATOR);
	rec_set(a, orig, F_ORIGINATOR_RI, sv(ctx, f.ri));
	rec_set(a, orig, F_ORIGINATOR_SSN, sv(ctx, f.ssn));
	rec_set(a, orig, F_ORIGINATOR_PART, sv(ctx, f.part));
	r->ssn_text = f.ssn;
	r->part = f.part;
	if (f.ssn.s) {
		r->ssn = (size_t)parse_digits(f.ssn.s, f.ssn.n);
		r->ssn_digits = (int)f.ssn.n;
	}
	r->tof_yday = -1;
	if (f.tof.s && f.tof.n == 7) {
		cw_value *filed = rec_set_object(a, orig, F_ORIGINATOR_FILED);
		rec_set(a, filed, F_FILED_RAW, sv(ctx, f.tof));
		int yday = parse_digits(f.tof.s, 3);
		int hh = parse_digits(f.tof.s + 3, 2), mm = parse_digits(f.tof.s + 5, 2);
		if (yday >= 1 && yday <= 366 && hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59) {
			rec_set_int(a, filed, F_FILED_DAY_OF_YEAR, yday);
			/* "%02d:%02d" by hand (both are in range here). */
			char t[8] = { (char)('0' + hh / 10), (char)('0' + hh % 10), ':',
				      (char)('0' + mm / 10), (char)('0' + mm % 10) };
			rec_set(a, filed, F_FILED_TIME, val_str_copy(a, t, 5));
			rec_set_null(a, filed, F_FILED_ISO);
			r->filed = filed;
			r->tof_yday = yday;
			r->tof_hour = hh;
			r->tof_minute = mm;
		} else {
			rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_TOF_INVALID", off(ctx, f.tof.s),
				    "time of file '%.7s' is not a day of the year and a UTC time",
				    f.tof.s);
		}
	} else {
		rec_set_null(a, orig, F_ORIGINATOR_FILED);
	}
	if (!f.ri.s)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FL3_MALFORMED", off(ctx, l->start),
			    "DE line without an originating routing indicator");
	else if (!f.strict)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FL3_MALFORMED", off(ctx, l->start),
			    "DE line is not 'DE' + routing indicator + '#' station serial number + "
			    "time of file");
}

void routing_fl4(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	if (format_facts(ctx, l, 4, facts, &ctx->r.seen_fl4, "security line"))
		return;
	fl4_fields f;
	if (!scan_fl4(l->start, ctx->tg.lim, &f))
		return;
	arena *a = ctx->tg.a;
	cw_value *sec = ctx->r.security = rec_set_object(a, ctx->r.obj, F_ROUTING_SECURITY);
	rec_set(a, sec, F_SECURITY_PREFIX, sv(ctx, f.prefix));
	rec_set(a, sec, F_SECURITY_GROUP, sv(ctx, f.group));
	const char *level = NULL;
	if (f.group.n >= 5) {
		/* A group of five identical letters names the level: CCCCC, SSSSS, UUUUU. */
		int same = 1;
		for (size_t i = 1; i < 5; i++)
			same &= f.group.s[i] == f.group.s[0];
		if (same) {
			level = level_from_group_letter(f.group.s[0]);
			ctx->r.group_level = f.group.s[0];
		}
	}
	rec_set_cstr(a, sec, F_SECURITY_LEVEL, level);
	cw_value *ops = rec_array(a, sec, F_SECURITY_OPSIGS);
	if (f.note.s) {
		slice inner = { f.note.s + 1, f.note.n - 2 };
		rec_set(a, sec, F_SECURITY_NOTE, sv(ctx, inner));
	}
	const char *p = f.rest.s;
	slice w;
	while (p && p < f.rest.s + f.rest.n && scan_word(&p, ctx->tg.lim, &w))
		rec_push(a, ops, sv(ctx, w));
	if (!f.strict)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FL4_MALFORMED", off(ctx, l->start),
			    "security line is not ZNY/ZNR + five-letter group + operating signals");
	else if (!level)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_GROUP_UNKNOWN", off(ctx, f.group.s),
			    "classification group '%.*s' names no known level", (int)f.group.n,
			    f.group.s);
}

void routing_dtg(routing_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	/* A second DTG is told by its value (HDR_DTG_CONFLICT below), not by the grammar. */
	format_facts(ctx, l, 5, facts, NULL, NULL);
	dtg_fields f;
	if (!scan_dtg_line(l->start, ctx->tg.lim, &f))
		return;
	routing_state *r = &ctx->r;
	cw_date d;
	d.day = parse_digits(f.day.s, f.day.n);
	d.hour = parse_digits(f.hour.s, f.hour.n);
	d.minute = parse_digits(f.minute.s, f.minute.n);
	d.month = month_from_name(f.month.s, f.month.n);
	d.year = expand_year(parse_digits(f.year.s, f.year.n));
	int valid = date_valid(&d);
	if (r->seen_dtg) {
		/* Partial records repeat the DTG per section; a different one is worth a word. */
		if (valid && r->has_dtg &&
		    (d.year != r->dtg.year || d.month != r->dtg.month || d.day != r->dtg.day ||
		     d.hour != r->dtg.hour || d.minute != r->dtg.minute))
			rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_DTG_CONFLICT", off(ctx, f.day.s),
				    "a second date-time group differs from the first; the first is kept");
		keep_line(ctx, l, "repeated");
		return;
	}
	r->seen_dtg = 1;
	arena *a = ctx->tg.a;
	slice raw = { f.day.s, (size_t)(f.year.s + f.year.n - f.day.s) };
	rec_set(a, r->obj, F_ROUTING_DTG_RAW, sv(ctx, raw));
	if (valid) {
		char iso[32];
		format_iso(&d, iso, sizeof iso);
		rec_set(a, r->obj, F_ROUTING_DTG, val_str_copy(a, iso, strlen(iso)));
		r->dtg = d;
		r->has_dtg = 1;
	} else {
		rec_diag_at(ctx->tg.rec, CW_ERROR, "HDR_DTG_INVALID", off(ctx, f.day.s),
			    "date-time group '%.*s' is not a real date and time", (int)raw.n, raw.s);
	}
	cw_value *prec = r->precedence;
	if (f.prec1.s)
		rec_set_cstr(a, prec, F_PRECEDENCE_ACTION, precedence_word(f.prec1.s[0]));
	if (f.prec2.s)
		rec_set_cstr(a, prec, F_PRECEDENCE_INFO, precedence_word(f.prec2.s[0]));
	if (f.opsig.s) {
		cw_value *sec = r->security;
		if (sec)
			rec_push(a, rec_array(a, sec, F_SECURITY_OPSIGS), sv(ctx, f.opsig));
		else
			rec_set(a, r->obj, F_ROUTING_DTG_OPSIG, sv(ctx, f.opsig));
	}
	if (!f.strict)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_DTG_TRAILING", off(ctx, f.rest.s),
			    "unexpected text '%.*s' after the date-time group",
			    (int)(f.rest.n > 40 ? 40 : f.rest.n), f.rest.s);
}

/* An addressee's value, and its plain-language address (the FM line's is the cable's origin). */
typedef struct addressee {
	cw_value *v;
	slice address;
} addressee;

static addressee address_value(routing_ctx *ctx, const char *p, const char *line_start)
{
	addr_fields f;
	if (!scan_address(p, ctx->tg.lim, &f))
		return (addressee){ NULL, { NULL, 0 } };
	arena *a = ctx->tg.a;
	cw_value *addr = rec_new_object(a, S_ADDRESS);
	rec_set(a, addr, F_ADDRESS_RI, sv(ctx, f.ri));
	rec_set(a, addr, F_ADDRESS_ADDRESS, sv(ctx, f.address));
	/* //EUR/WE// -> EUR/WE */
	slice office = f.office;
	while (office.n && office.s[0] == '/')
		office.s++, office.n--;
	while (office.n && office.s[office.n - 1] == '/')
		office.n--;
	rec_set(a, addr, F_ADDRESS_OFFICE, office.n ? sv(ctx, office) : NULL);
	if (f.precedence_typo) {
		const char *canon = f.precedence.s[0] == 'P' ? "PRIORITY"
				    : f.precedence.s[0] == 'I' ? "IMMEDIATE"
							       : "ROUTINE";
		rec_set_cstr(a, addr, F_ADDRESS_PRECEDENCE, canon);
		rec_diag_at(ctx->tg.rec, CW_NOTE, "HDR_PRECEDENCE_TYPO", off(ctx, f.precedence.s),
			    "precedence '%.*s' read as %s", (int)f.precedence.n, f.precedence.s,
			    canon);
	} else {
		rec_set(a, addr, F_ADDRESS_PRECEDENCE, sv(ctx, f.precedence));
	}
	rec_set(a, addr, F_ADDRESS_MCN, sv(ctx, f.mcn));
	if (!f.address.s)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_ADDRESS_EMPTY", off(ctx, line_start),
			    "addressee line without an address");
	return (addressee){ addr, f.address };
}

static void add_address(routing_ctx *ctx, addressee ad, const hdr_line *l)
{
	routing_state *r = &ctx->r;
	cw_value *addr = ad.v;
	if (!addr || r->cur < 0)
		return;
	arena *a = ctx->tg.a;
	if (r->cur == ROUTING_FROM) {
		if (r->counts[ROUTING_FROM] == 0) {
			r->from = rec_set(a, r->obj, F_ROUTING_FROM, addr);
			r->from_address = ad.address;
		} else
			keep_line(ctx, l, "from-continuation");
		r->counts[ROUTING_FROM]++;
		return;
	}
	if (r->counts[r->cur] >= ctx->tg.rec->max_items) {
		if (r->dropped++ == 0)
			rec_diag_at(ctx->tg.rec, CW_WARNING, "LIMIT_ITEMS", off(ctx, l->start),
				    "more than %zu addressees in one list; the rest are not listed",
				    ctx->tg.rec->max_items);
		return;
	}
	rec_push(a, r->lists[r->cur], addr);
	r->counts[r->cur]++;
}

static const char *list_names[ROUTING_LISTS] = { "FM line (FL6)", "TO line (FL7)",
						   "INFO line (FL8)", "XMT line (FL9)" };

void routing_address_order(routing_ctx *ctx, const hdr_line *l, int kind, int was)
{
	rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_ADDRESS_ORDER", off(ctx, l->start),
		    "%s after the %s list: address lines out of order", list_names[kind],
		    was == ROUTING_INFO ? "INFO" : was == ROUTING_TO ? "TO" : "FM");
}

void routing_list(routing_ctx *ctx, const hdr_line *l, int kind)
{
	routing_state *r = &ctx->r;
	r->cur = kind;
	if (kind == ROUTING_FROM && r->counts[ROUTING_FROM]) {
		rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_FM_REPEATED", off(ctx, l->start),
			    "a second FM line; the first originator is kept");
		keep_line(ctx, l, "repeated");
		r->cur = -1;
		return;
	}
	/* The keyword may stand alone, its addressees on the lines below. */
	const char *e = l->arg;
	while (*e == ' ' || *e == '\t')
		e++;
	if (*e == '\n')
		return;
	add_address(ctx, address_value(ctx, l->arg, l->start), l);
}

void routing_address(routing_ctx *ctx, const hdr_line *l)
{
	add_address(ctx, address_value(ctx, l->start, l->start), l);
}

void routing_banner(routing_ctx *ctx, const hdr_line *l)
{
	(void)l;
	ctx->r.banner = 1;
	rec_set_bool(ctx->tg.a, ctx->r.obj, F_ROUTING_PARTIAL_EXTRACT, 1);
}

void routing_offices(routing_ctx *ctx, const hdr_line *l)
{
	arena *a = ctx->tg.a;
	routing_state *r = &ctx->r;
	if (!r->distribution)
		r->distribution = rec_set_object(a, r->obj, F_ROUTING_DISTRIBUTION);
	const char *p = l->start;
	slice w;
	int first = 1;
	while (scan_word(&p, ctx->tg.lim, &w)) {
		if (first && (w.n == 6 && memcmp(w.s, "ACTION", 6) == 0)) {
			r->dist_list = rec_array(a, r->distribution, F_DISTRIBUTION_ACTION);
		} else if (first && (w.n == 6 && memcmp(w.s, "ORIGIN", 6) == 0)) {
			r->dist_list = rec_array(a, r->distribution, F_DISTRIBUTION_ORIGIN);
		} else if (first && (w.n == 4 && memcmp(w.s, "INFO", 4) == 0)) {
			r->dist_list = rec_array(a, r->distribution, F_DISTRIBUTION_INFO);
		} else if (w.s[0] == '/') {
			rec_set(a, r->distribution, F_DISTRIBUTION_TOTAL, sv(ctx, w));
		} else {
			if (!r->dist_list)
				r->dist_list = rec_array(a, r->distribution, F_DISTRIBUTION_INFO);
			rec_push(a, r->dist_list, sv(ctx, w));
		}
		first = 0;
	}
}

void routing_rule(routing_ctx *ctx, const hdr_line *l) { keep_line(ctx, l, "rule"); }
void routing_classptq(routing_ctx *ctx, const hdr_line *l) { keep_line(ctx, l, "classification"); }
void routing_bt(routing_ctx *ctx, const hdr_line *l)
{
	(void)ctx, (void)l;
}
void routing_other(routing_ctx *ctx, const hdr_line *l, const char *kind) { keep_line(ctx, l, kind); }

void routing_unknown(routing_ctx *ctx, const hdr_line *l)
{
	slice s = line_slice(l);
	rec_diag_at(ctx->tg.rec, noise_severity(ctx), "HDR_UNKNOWN_LINE", off(ctx, s.s ? s.s : l->start),
		    "line '%.*s%s' is not part of a routing header", (int)(s.n > 50 ? 50 : s.n),
		    s.s ? s.s : "", s.n > 50 ? "..." : "");
	keep_line(ctx, l, "unrecognised");
}

void routing_syntax_error(routing_ctx *ctx, size_t at, const char *msg)
{
	rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_SYNTAX", at, "%s", msg);
}

void routing_unexpected(routing_ctx *ctx, size_t at, const char *got, const char **expected,
			int n, int more)
{
	syntax_report_keep(&ctx->r.report, at, got, " out of place in the routing header", expected,
			   n, more, SYNTAX_SEMICOLON, NULL);
}

int routing_out_of_place(routing_ctx *ctx)
{
	syntax_report *r = &ctx->r.report;
	if (!syntax_report_take(r))
		return 0;
	rec_diag_at(ctx->tg.rec, CW_WARNING, "HDR_OUT_OF_PLACE", r->at, "%s", r->message);
	return 1;
}

const char *routing_parse(routing_ctx *ctx, const char *start, const char *stop)
{
	hdr_lexer_init(&ctx->hlx, ctx->tg.text, start, ctx->tg.lim, stop);
	routing_begin(ctx);
	cw_hdr_parse(ctx);
	/* A report no error rule took (the parser gave up): not lost. */
	routing_out_of_place(ctx);
	const char *body = ctx->hlx.body_start;
	if (!body)
		body = stop ? stop : ctx->hlx.cur;
	routing_end(ctx);
	return body;
}

void routing_end(routing_ctx *ctx)
{
	arena *a = ctx->tg.a;
	routing_state *r = &ctx->r;
	rec_set_int(a, r->obj, F_ROUTING_PAGE_LINES, (int64_t)ctx->hlx.page_lines);
	const char *shape = "none";
	if (r->seen_fl1 || r->seen_fl3 || r->seen_fl4)
		shape = "acp127";
	else if (r->seen_dtg)
		shape = "acp126";
	else if (r->counts[ROUTING_FROM] || r->counts[ROUTING_TO])
		shape = "addressing-only";
	rec_set_cstr(a, r->obj, F_ROUTING_SHAPE, shape);

	/* The time of file carries a day of the year but no year: take the DTG's, moving across
	 * New Year when the two sit on either side of it. */
	if (r->filed && r->has_dtg && r->tof_yday > 0) {
		int year = r->dtg.year;
		int dtg_yday = day_of_year(r->dtg.year, r->dtg.month, r->dtg.day);
		if (r->tof_yday - dtg_yday > 300)
			year--;
		else if (dtg_yday - r->tof_yday > 300)
			year++;
		cw_date d = { year, 0, 0, r->tof_hour, r->tof_minute };
		if (from_day_of_year(year, r->tof_yday, &d.month, &d.day)) {
			char iso[32];
			format_iso(&d, iso, sizeof iso);
			rec_set(a, r->filed, F_FILED_ISO, val_str_copy(a, iso, strlen(iso)));
		}
	}
}
