/* The routing header's fields, stored as the header grammar reduces each line. */
#include "parser/cable/routing.h"

#include <stdio.h>
#include <string.h>

#include "lexer/cable/header_fields.h"

int cw_hdr_parse(cable_ctx *ctx);

static cw_value *sv(cable_ctx *ctx, slice s) { return val_str(ctx->a, s.s, s.n); }

static slice line_slice(const hdr_line *l)
{
	slice s = { l->start, (size_t)(l->end - l->start) };
	while (s.n && (s.s[s.n - 1] == ' ' || s.s[s.n - 1] == '\t'))
		s.n--;
	while (s.n && (s.s[0] == ' ' || s.s[0] == '\t'))
		s.s++, s.n--;
	return s;
}

static size_t off(const cable_ctx *ctx, const char *p) { return ctx_off(ctx, p); }

/* Diagnostic severity for oddities before the routing proper starts: preambles (e-mail headers,
 * office lists, forwarding notes) are common and harmless, so they rate a note. */
static cw_severity noise_severity(const cable_ctx *ctx)
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

void routing_begin(cable_ctx *ctx)
{
	arena *a = ctx->a;
	routing_state *r = &ctx->r;
	memset(r, 0, sizeof(*r));
	r->cur = -1;
	r->obj = obj_put(a, ctx->rec->root, "routing", val_object(a));
	obj_put_cstr(a, r->obj, "shape", "none");
	obj_put_bool(a, r->obj, "partial_extract", 0);
	obj_put(a, r->obj, "transmission_id", NULL);
	cw_value *prec = obj_child_object(a, r->obj, "precedence");
	obj_put(a, prec, "prosign", NULL);
	obj_put(a, prec, "action", NULL);
	obj_put(a, prec, "info", NULL);
	r->indicators = obj_child_array(a, r->obj, "indicators");
	obj_put(a, r->obj, "originator", NULL);
	obj_put(a, r->obj, "security", NULL);
	obj_put(a, r->obj, "dtg", NULL);
	obj_put(a, r->obj, "dtg_raw", NULL);
	obj_put(a, r->obj, "from", NULL);
	r->lists[ROUTING_TO] = obj_child_array(a, r->obj, "to");
	r->lists[ROUTING_INFO] = obj_child_array(a, r->obj, "info");
	r->lists[ROUTING_XMT] = obj_child_array(a, r->obj, "xmt");
	r->lists[ROUTING_FROM] = NULL;
	obj_put(a, r->obj, "distribution", NULL);
	obj_put_int(a, r->obj, "page_lines", 0);
	r->other = obj_child_array(a, r->obj, "other_lines");
}

int routing_lex(cable_ctx *ctx, hdr_line *lval, CW_HDR_LTYPE *lloc)
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
static void keep_line(cable_ctx *ctx, const hdr_line *l, const char *kind)
{
	arena *a = ctx->a;
	cw_value *o = val_object(a);
	obj_put_cstr(a, o, "kind", kind);
	slice s = line_slice(l);
	obj_put(a, o, "text", sv(ctx, s));
	arr_push(a, ctx->r.other, o);
}

/* The first format line after address lists means those lists were a preamble (a forwarded or
 * quoted header above the real one): they move aside instead of mixing with the real ones. */
static void format_line_seen(cable_ctx *ctx, const hdr_line *l)
{
	routing_state *r = &ctx->r;
	r->cur = -1;
	if (r->seen_format)
		return;
	r->seen_format = 1;
	arena *a = ctx->a;
	if (r->counts[ROUTING_FROM] + r->counts[ROUTING_TO] + r->counts[ROUTING_INFO] +
	    r->counts[ROUTING_XMT] == 0)
		return;
	cw_value *pre = obj_put(a, r->obj, "preamble_addressing", val_object(a));
	obj_put(a, pre, "from", obj_find(r->obj, "from"));
	obj_put(a, pre, "to", r->lists[ROUTING_TO]);
	obj_put(a, pre, "info", r->lists[ROUTING_INFO]);
	obj_put(a, pre, "xmt", r->lists[ROUTING_XMT]);
	obj_put(a, r->obj, "from", NULL);
	r->lists[ROUTING_TO] = obj_put(a, r->obj, "to", val_array(a));
	r->lists[ROUTING_INFO] = obj_put(a, r->obj, "info", val_array(a));
	r->lists[ROUTING_XMT] = obj_put(a, r->obj, "xmt", val_array(a));
	memset(r->counts, 0, sizeof r->counts);
	rec_diag_at(ctx->rec, CW_NOTE, "HDR_PREAMBLE_ADDRESSING", off(ctx, l->start),
		    "address lines before the format lines were kept apart as a preamble");
}

static const char *fl_names[6] = { "", "transmission identifier (FL1)",
				    "precedence and routing indicators (FL2)", "originator line (FL3)",
				    "security line (FL4)", "date-time group (FL5)" };

/* What the grammar found about format line fl (grammar/cable/header.y): out of the order 1 to 5,
 * a repeat (the first one is kept, the repeat goes to other_lines), or after the address lists.
 * Returns whether the line is a repeat. */
static int format_facts(cable_ctx *ctx, const hdr_line *l, int fl, const routing_line_facts *f,
			int *seen, const char *what)
{
	if (f->after)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_FORMAT_ORDER", off(ctx, l->start),
			    "%s after %s: format lines out of order", fl_names[fl],
			    fl_names[f->after]);
	if (f->after_addresses)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_FORMAT_AFTER_ADDRESS", off(ctx, l->start),
			    "%s after the address lines: format lines 1-5 come before FM, TO and "
			    "INFO", fl_names[fl]);
	if (f->repeated) {
		rec_diag_at(ctx->rec, CW_NOTE, "HDR_REPEATED", off(ctx, l->start),
			    "%s repeated; the first one is kept", what);
		keep_line(ctx, l, "repeated");
		return 1;
	}
	if (seen)
		*seen = 1;
	return 0;
}

void routing_fl1(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	if (format_facts(ctx, l, 1, facts, &ctx->r.seen_fl1, "transmission identifier"))
		return;
	fl1_fields f;
	if (!scan_fl1(l->start, ctx->lim, &f))
		return;
	arena *a = ctx->a;
	cw_value *o = obj_put(a, ctx->r.obj, "transmission_id", val_object(a));
	obj_put(a, o, "raw", sv(ctx, f.raw));
	obj_put(a, o, "channel", sv(ctx, f.channel));
	obj_put(a, o, "serial", sv(ctx, f.serial));
	if (!f.strict)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_FL1_MALFORMED", off(ctx, l->start),
			    "transmission identifier is not VZCZC + channel + serial number");
}

void routing_fl2(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *f)
{
	int first_line = f != NULL;
	if (first_line) {
		format_line_seen(ctx, l);
		if (format_facts(ctx, l, 2, f, &ctx->r.seen_fl2,
				 "precedence and routing indicator line"))
			return;
	}
	arena *a = ctx->a;
	const char *p = l->start;
	slice w;
	int first = first_line;
	while (scan_word(&p, ctx->lim, &w)) {
		int kind = ri_word_kind(w, ctx->lim, first);
		if (kind == RI_PROSIGN) {
			cw_value *prec = obj_find(ctx->r.obj, "precedence");
			obj_put(a, prec, "prosign", sv(ctx, w));
		} else if (kind == RI_INDICATOR) {
			arr_push(a, ctx->r.indicators, sv(ctx, w));
		} else {
			rec_diag_at(ctx->rec, CW_WARNING, "HDR_FL2_WORD", off(ctx, w.s),
				    "'%.*s' is not a routing indicator", (int)w.n, w.s);
		}
		first = 0;
	}
}

void routing_fl3(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	if (format_facts(ctx, l, 3, facts, &ctx->r.seen_fl3, "originator line"))
		return;
	fl3_fields f;
	if (!scan_fl3(l->start, ctx->lim, &f))
		return;
	arena *a = ctx->a;
	routing_state *r = &ctx->r;
	cw_value *o = obj_put(a, r->obj, "originator", val_object(a));
	obj_put(a, o, "ri", sv(ctx, f.ri));
	obj_put(a, o, "ssn", sv(ctx, f.ssn));
	obj_put(a, o, "part", sv(ctx, f.part));
	if (f.ssn.s) {
		r->ssn = (size_t)parse_digits(f.ssn.s, f.ssn.n);
		r->ssn_digits = (int)f.ssn.n;
	}
	r->tof_yday = -1;
	if (f.tof.s && f.tof.n == 7) {
		cw_value *filed = obj_put(a, o, "filed", val_object(a));
		obj_put(a, filed, "raw", sv(ctx, f.tof));
		int yday = parse_digits(f.tof.s, 3);
		int hh = parse_digits(f.tof.s + 3, 2), mm = parse_digits(f.tof.s + 5, 2);
		if (yday >= 1 && yday <= 366 && hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59) {
			obj_put_int(a, filed, "day_of_year", yday);
			/* "%02d:%02d" by hand (both are in range here). */
			char t[8] = { (char)('0' + hh / 10), (char)('0' + hh % 10), ':',
				      (char)('0' + mm / 10), (char)('0' + mm % 10) };
			obj_put(a, filed, "time", val_str_copy(a, t, 5));
			obj_put(a, filed, "iso", NULL);
			r->filed = filed;
			r->tof_yday = yday;
			r->tof_hour = hh;
			r->tof_minute = mm;
		} else {
			rec_diag_at(ctx->rec, CW_WARNING, "HDR_TOF_INVALID", off(ctx, f.tof.s),
				    "time of file '%.7s' is not a day of the year and a UTC time",
				    f.tof.s);
		}
	} else {
		obj_put(a, o, "filed", NULL);
	}
	if (!f.ri.s)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_FL3_MALFORMED", off(ctx, l->start),
			    "DE line without an originating routing indicator");
	else if (!f.strict)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_FL3_MALFORMED", off(ctx, l->start),
			    "DE line is not 'DE' + routing indicator + '#' station serial number + "
			    "time of file");
}

void routing_fl4(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	if (format_facts(ctx, l, 4, facts, &ctx->r.seen_fl4, "security line"))
		return;
	fl4_fields f;
	if (!scan_fl4(l->start, ctx->lim, &f))
		return;
	arena *a = ctx->a;
	cw_value *o = obj_put(a, ctx->r.obj, "security", val_object(a));
	obj_put(a, o, "prefix", sv(ctx, f.prefix));
	obj_put(a, o, "group", sv(ctx, f.group));
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
	obj_put_cstr(a, o, "level", level);
	cw_value *ops = obj_child_array(a, o, "opsigs");
	if (f.note.s) {
		slice inner = { f.note.s + 1, f.note.n - 2 };
		obj_put(a, o, "note", sv(ctx, inner));
	}
	const char *p = f.rest.s;
	slice w;
	while (p && p < f.rest.s + f.rest.n && scan_word(&p, ctx->lim, &w))
		arr_push(a, ops, sv(ctx, w));
	if (!f.strict)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_FL4_MALFORMED", off(ctx, l->start),
			    "security line is not ZNY/ZNR + five-letter group + operating signals");
	else if (!level)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_GROUP_UNKNOWN", off(ctx, f.group.s),
			    "classification group '%.*s' names no known level", (int)f.group.n,
			    f.group.s);
}

void routing_dtg(cable_ctx *ctx, const hdr_line *l, const routing_line_facts *facts)
{
	format_line_seen(ctx, l);
	/* A second DTG is told by its value (HDR_DTG_CONFLICT below), not by the grammar. */
	format_facts(ctx, l, 5, facts, NULL, NULL);
	dtg_fields f;
	if (!scan_dtg_line(l->start, ctx->lim, &f))
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
			rec_diag_at(ctx->rec, CW_WARNING, "HDR_DTG_CONFLICT", off(ctx, f.day.s),
				    "a second date-time group differs from the first; the first is kept");
		keep_line(ctx, l, "repeated");
		return;
	}
	r->seen_dtg = 1;
	arena *a = ctx->a;
	slice raw = { f.day.s, (size_t)(f.year.s + f.year.n - f.day.s) };
	obj_put(a, r->obj, "dtg_raw", sv(ctx, raw));
	if (valid) {
		char iso[32];
		format_iso(&d, iso, sizeof iso);
		obj_put(a, r->obj, "dtg", val_str_copy(a, iso, strlen(iso)));
		r->dtg = d;
		r->has_dtg = 1;
	} else {
		rec_diag_at(ctx->rec, CW_ERROR, "HDR_DTG_INVALID", off(ctx, f.day.s),
			    "date-time group '%.*s' is not a real date and time", (int)raw.n, raw.s);
	}
	cw_value *prec = obj_find(r->obj, "precedence");
	if (f.prec1.s)
		obj_put_cstr(a, prec, "action", precedence_word(f.prec1.s[0]));
	if (f.prec2.s)
		obj_put_cstr(a, prec, "info", precedence_word(f.prec2.s[0]));
	if (f.opsig.s) {
		cw_value *sec = obj_find(r->obj, "security");
		if (sec && sec->type == CW_OBJECT)
			arr_push(a, obj_child_array(a, sec, "opsigs"), sv(ctx, f.opsig));
		else
			obj_put(a, r->obj, "dtg_opsig", sv(ctx, f.opsig));
	}
	if (!f.strict)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_DTG_TRAILING", off(ctx, f.rest.s),
			    "unexpected text '%.*s' after the date-time group",
			    (int)(f.rest.n > 40 ? 40 : f.rest.n), f.rest.s);
}

static cw_value *address_value(cable_ctx *ctx, const char *p, const char *line_start)
{
	addr_fields f;
	if (!scan_address(p, ctx->lim, &f))
		return NULL;
	arena *a = ctx->a;
	cw_value *o = val_object(a);
	obj_put(a, o, "ri", sv(ctx, f.ri));
	obj_put(a, o, "address", sv(ctx, f.address));
	/* //EUR/WE// -> EUR/WE */
	slice office = f.office;
	while (office.n && office.s[0] == '/')
		office.s++, office.n--;
	while (office.n && office.s[office.n - 1] == '/')
		office.n--;
	obj_put(a, o, "office", office.n ? sv(ctx, office) : NULL);
	if (f.precedence_typo) {
		const char *canon = f.precedence.s[0] == 'P' ? "PRIORITY"
				    : f.precedence.s[0] == 'I' ? "IMMEDIATE"
							       : "ROUTINE";
		obj_put_cstr(a, o, "precedence", canon);
		rec_diag_at(ctx->rec, CW_NOTE, "HDR_PRECEDENCE_TYPO", off(ctx, f.precedence.s),
			    "precedence '%.*s' read as %s", (int)f.precedence.n, f.precedence.s,
			    canon);
	} else {
		obj_put(a, o, "precedence", sv(ctx, f.precedence));
	}
	obj_put(a, o, "mcn", sv(ctx, f.mcn));
	if (!f.address.s)
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_ADDRESS_EMPTY", off(ctx, line_start),
			    "addressee line without an address");
	return o;
}

static void add_address(cable_ctx *ctx, cw_value *addr, const hdr_line *l)
{
	routing_state *r = &ctx->r;
	if (!addr || r->cur < 0)
		return;
	arena *a = ctx->a;
	if (r->cur == ROUTING_FROM) {
		if (r->counts[ROUTING_FROM] == 0)
			obj_put(a, r->obj, "from", addr);
		else
			keep_line(ctx, l, "from-continuation");
		r->counts[ROUTING_FROM]++;
		return;
	}
	if (r->counts[r->cur] >= ctx->rec->max_items) {
		if (r->dropped++ == 0)
			rec_diag_at(ctx->rec, CW_WARNING, "LIMIT_ITEMS", off(ctx, l->start),
				    "more than %zu addressees in one list; the rest are not listed",
				    ctx->rec->max_items);
		return;
	}
	arr_push(a, r->lists[r->cur], addr);
	r->counts[r->cur]++;
}

static const char *list_names[ROUTING_LISTS] = { "FM line (FL6)", "TO line (FL7)",
						   "INFO line (FL8)", "XMT line (FL9)" };

void routing_address_order(cable_ctx *ctx, const hdr_line *l, int kind, int was)
{
	rec_diag_at(ctx->rec, CW_WARNING, "HDR_ADDRESS_ORDER", off(ctx, l->start),
		    "%s after the %s list: address lines out of order", list_names[kind],
		    was == ROUTING_INFO ? "INFO" : was == ROUTING_TO ? "TO" : "FM");
}

void routing_list(cable_ctx *ctx, const hdr_line *l, int kind)
{
	routing_state *r = &ctx->r;
	r->cur = kind;
	if (kind == ROUTING_FROM && r->counts[ROUTING_FROM]) {
		rec_diag_at(ctx->rec, CW_WARNING, "HDR_FM_REPEATED", off(ctx, l->start),
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

void routing_address(cable_ctx *ctx, const hdr_line *l)
{
	add_address(ctx, address_value(ctx, l->start, l->start), l);
}

void routing_banner(cable_ctx *ctx, const hdr_line *l)
{
	(void)l;
	ctx->r.banner = 1;
	obj_put_bool(ctx->a, ctx->r.obj, "partial_extract", 1);
}

void routing_offices(cable_ctx *ctx, const hdr_line *l)
{
	arena *a = ctx->a;
	routing_state *r = &ctx->r;
	if (!r->distribution)
		r->distribution = obj_put(a, r->obj, "distribution", val_object(a));
	const char *p = l->start;
	slice w;
	int first = 1;
	while (scan_word(&p, ctx->lim, &w)) {
		if (first && (w.n == 6 && memcmp(w.s, "ACTION", 6) == 0)) {
			r->dist_list = obj_child_array(a, r->distribution, "action");
		} else if (first && (w.n == 6 && memcmp(w.s, "ORIGIN", 6) == 0)) {
			r->dist_list = obj_child_array(a, r->distribution, "origin");
		} else if (first && (w.n == 4 && memcmp(w.s, "INFO", 4) == 0)) {
			r->dist_list = obj_child_array(a, r->distribution, "info");
		} else if (w.s[0] == '/') {
			obj_put(a, r->distribution, "total", sv(ctx, w));
		} else {
			if (!r->dist_list)
				r->dist_list = obj_child_array(a, r->distribution, "info");
			arr_push(a, r->dist_list, sv(ctx, w));
		}
		first = 0;
	}
}

void routing_rule(cable_ctx *ctx, const hdr_line *l) { keep_line(ctx, l, "rule"); }
void routing_classptq(cable_ctx *ctx, const hdr_line *l) { keep_line(ctx, l, "classification"); }
void routing_bt(cable_ctx *ctx, const hdr_line *l)
{
	(void)ctx, (void)l;
}
void routing_other(cable_ctx *ctx, const hdr_line *l, const char *kind) { keep_line(ctx, l, kind); }

void routing_unknown(cable_ctx *ctx, const hdr_line *l)
{
	slice s = line_slice(l);
	rec_diag_at(ctx->rec, noise_severity(ctx), "HDR_UNKNOWN_LINE", off(ctx, s.s ? s.s : l->start),
		    "line '%.*s%s' is not part of a routing header", (int)(s.n > 50 ? 50 : s.n),
		    s.s ? s.s : "", s.n > 50 ? "..." : "");
	keep_line(ctx, l, "unrecognised");
}

void routing_syntax_error(cable_ctx *ctx, size_t at, const char *msg)
{
	rec_diag_at(ctx->rec, CW_WARNING, "HDR_SYNTAX", at, "%s", msg);
}

void routing_unexpected(cable_ctx *ctx, size_t at, const char *got, const char **expected,
			int n, int more)
{
	routing_state *r = &ctx->r;
	char *buf = r->unexpected;
	size_t size = sizeof r->unexpected;
	size_t used = (size_t)snprintf(buf, size, "%s out of place in the routing header", got);
	for (int i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i == 0 ? "; expected " : (i == n - 1 && !more ? " or " : ", "),
					 expected[i]);
	if (more && used < size)
		snprintf(buf + used, size - used, ", ...");
	r->unexpected_at = at;
	r->has_unexpected = 1;
}

int routing_out_of_place(cable_ctx *ctx)
{
	routing_state *r = &ctx->r;
	if (!r->has_unexpected)
		return 0;
	r->has_unexpected = 0;
	/* The same line failing again where it was read again: said once. */
	if (r->reported && r->unexpected_at == r->reported_at)
		return 0;
	r->reported = 1;
	r->reported_at = r->unexpected_at;
	rec_diag_at(ctx->rec, CW_WARNING, "HDR_OUT_OF_PLACE", r->unexpected_at, "%s", r->unexpected);
	return 1;
}

const char *routing_parse(cable_ctx *ctx, const char *start, const char *stop)
{
	hdr_lexer_init(&ctx->hlx, ctx->text, start, ctx->lim, stop);
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

void routing_end(cable_ctx *ctx)
{
	arena *a = ctx->a;
	routing_state *r = &ctx->r;
	obj_put_int(a, r->obj, "page_lines", (int64_t)ctx->hlx.page_lines);
	const char *shape = "none";
	if (r->seen_fl1 || r->seen_fl3 || r->seen_fl4)
		shape = "acp127";
	else if (r->seen_dtg)
		shape = "acp126";
	else if (r->counts[ROUTING_FROM] || r->counts[ROUTING_TO])
		shape = "addressing-only";
	obj_put_cstr(a, r->obj, "shape", shape);

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
			obj_put(a, r->filed, "iso", val_str_copy(a, iso, strlen(iso)));
		}
	}
}
