/* A telegram from its decoded text: the routing header (grammar/cable/header.y), the body
 * (grammar/cable/body.y), the reference id rebuilt from what the telegram says, and the consistency
 * checks between the two. */
#include "parser/cable/cable_parse.h"

#include <stdio.h>
#include <stdbool.h>
#include <string.h>

#include "parser/cable/body.h"
#include "parser/cable/routing.h"
#include "parser/core/fields.h"

/* The telegram with its two parts: the header's parse and the body's, each with its own context
 * (routing.c and body.c never see each other's); this file reads both to rebuild the id and
 * check one against the other. */
typedef struct cable_ctx {
	telegram tg;
	routing_ctx route;
	body_ctx body;
} cable_ctx;

static cw_value *sv(cable_ctx *ctx, slice s) { return val_str(ctx->tg.a, s.s, s.n); }

static void put_wikileaks(cable_ctx *ctx, const decoded *dec)
{
	arena *a = ctx->tg.a;
	if (!dec->has_meta) {
		rec_set_null(a, ctx->tg.rec->root, F_CABLE_WIKILEAKS);
		return;
	}
	static const cw_field fields[WL_FIELDS] = { F_WIKILEAKS_REFERENCE_ID, F_WIKILEAKS_CREATED,
						     F_WIKILEAKS_RELEASED, F_WIKILEAKS_CLASSIFICATION,
						     F_WIKILEAKS_ORIGIN };
	cw_value *o = rec_set_object(a, ctx->tg.rec->root, F_CABLE_WIKILEAKS);
	for (int i = 0; i < WL_FIELDS; i++)
		rec_set_cstr(a, o, fields[i], dec->meta[i]);
	/* Created and Released are "YYYY-MM-DD HH:MM": a date that is no date (2006-13-45) is
	 * kept as written and reported. */
	for (int i = WL_CREATED; i <= WL_RELEASED; i++) {
		const char *v = dec->meta[i];
		if (!v || strlen(v) < 10 || v[4] != '-' || v[7] != '-')
			continue;
		cw_date dt = { 0 };
		dt.year = parse_digits(v, 4);
		dt.month = parse_digits(v + 5, 2);
		dt.day = parse_digits(v + 8, 2);
		if (dt.year >= 0 && dt.month >= 0 && dt.day >= 0 && !date_valid(&dt))
			rec_diag_in(ctx->tg.rec, CW_ERROR, "META_DATE_INVALID", dec->meta_at[i],
				    "the page's %s date '%.10s' is not a real date", i == WL_CREATED
				    ? "Created" : "Released", v);
	}
}

static void strip_zeros(slice *s)
{
	while (s->n > 1 && s->s[0] == '0')
		s->s++, s->n--;
}

/* The origin word of the FM address as reference ids spell it: AMEMBASSY DAMASCUS -> DAMASCUS,
 * SECSTATE WASHDC -> STATE, USMISSION USUN NEW YORK -> USUN NEW YORK. known is set when the
 * address had one of these office prefixes (an unknown shape is no evidence). */
static slice origin_from_address(slice addr, int *known)
{
	static const char *prefixes[] = { "AMEMBASSY ", "AMCONSUL ", "USMISSION ", "AMEMB ",
					  "USINT ", "USLO ", "AMCONGEN " };
	slice none = { NULL, 0 };
	*known = 0;
	if (!addr.s)
		return none;
	if (addr.n >= 8 && !memcmp(addr.s, "SECSTATE", 8)) {
		slice st = { "STATE", 5 };
		*known = 1;
		return st;
	}
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (addr.n > n && !memcmp(addr.s, prefixes[i], n)) {
			slice r = { addr.s + n, addr.n - n };
			*known = 1;
			return r;
		}
	}
	return addr;
}

/* Letters and digits only, upper case. */
static void squash(slice s, char *out, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; s.s && i < s.n && n + 1 < size; i++)
		if ((s.s[i] >= 'A' && s.s[i] <= 'Z') || (s.s[i] >= '0' && s.s[i] <= '9'))
			out[n++] = s.s[i];
		else if (s.s[i] >= 'a' && s.s[i] <= 'z')
			out[n++] = (char)(s.s[i] - 32);
	out[n] = '\0';
}

/* Does the body's origin name the same post as the FM address? */
static int same_post(slice body_origin, slice fm_origin)
{
	char a[128], b[128];
	squash(body_origin, a, sizeof a);
	squash(fm_origin, b, sizeof b);
	return a[0] && b[0] && (strstr(a, b) || strstr(b, a));
}

/* The release's year for the reference id when the telegram has no DTG: the page's Created
 * ("2003-06-03 ..."), the cables.csv date ("6/3/2003 12:47"), else the release's id ("03..."). */
static int release_year(const decoded *dec, const char *release_id)
{
	const char *c = dec->has_meta ? dec->meta[WL_CREATED] : NULL;
	if (c && strlen(c) >= 4) {
		int y = parse_digits(c, 4);
		if (y >= 1900)
			return y;
	}
	c = dec->has_csv ? dec->csv[CSV_DATE] : NULL;
	if (c) {
		const char *sl = strrchr(c, '/');
		if (sl && strlen(sl + 1) >= 4) {
			int y = parse_digits(sl + 1, 4);
			if (y >= 1900)
				return y;
		}
	}
	if (release_id && strlen(release_id) >= 2) {
		int yy = parse_digits(release_id, 2);
		if (yy >= 0)
			return expand_year(yy);
	}
	return -1;
}

/* The id the release gives the cable: the page's Reference ID, the cables.csv refid, or a file
 * named like one (02ANKARA8305.txt). NULL when none. */
static const char *release_id_of(cable_ctx *ctx, const decoded *dec, const char *path)
{
	/* An empty cell names nothing (it would make an empty id). */
	if (dec->has_meta && dec->meta[WL_REFERENCE_ID] && dec->meta[WL_REFERENCE_ID][0])
		return dec->meta[WL_REFERENCE_ID];
	if (dec->has_csv && dec->csv[CSV_REFID] && dec->csv[CSV_REFID][0])
		return dec->csv[CSV_REFID];
	if (!path)
		return NULL;
	size_t n = strlen(path);
	const char *base = path + n;
	while (base > path && base[-1] != '/')
		base--;
	size_t len = (size_t)(path + n - base);
	const char *dot = memchr(base, '.', len);
	if (dot)
		len = (size_t)(dot - base);
	/* two digits, capitals, digits */
	size_t i = 0;
	if (len < 4 || base[0] < '0' || base[0] > '9' || base[1] < '0' || base[1] > '9')
		return NULL;
	for (i = 2; i < len && base[i] >= 'A' && base[i] <= 'Z'; i++)
		;
	if (i == 2 || i == len)
		return NULL;
	for (; i < len; i++)
		if (base[i] < '0' || base[i] > '9')
			return NULL;
	return arena_strndup(ctx->tg.a, base, len);
}

/* The dump's "M/D/YYYY H:MM" as "YYYY-MM-DD HH:MM" (the form of the pages' Created); NULL when
 * it is not such a date. */
/* sscanf's %Nd, which csv_date used: white space skipped, then an optional sign and digits, N
 * characters at most, the sign included; 0 when there is no digit. */
static int scan_int(const char **sp, int width, int *out)
{
	const char *s = *sp;
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	int w = 0, neg = 0, v = 0, digits = 0;
	if (*s == '+' || *s == '-') {
		neg = *s == '-';
		s++;
		w++;
	}
	for (; w < width && *s >= '0' && *s <= '9'; w++, digits++)
		v = v * 10 + (*s++ - '0');
	if (!digits)
		return 0;
	*out = neg ? -v : v;
	*sp = s;
	return 1;
}

/* sscanf(s, "%2d/%2d/%4d %2d:%2d%n", ...) == 5 && s[n] == '\0', without the scanf machinery
 * (every row has a date). */
static int scan_csv_date(const char *s, int *mo, int *d, int *y, int *h, int *mi)
{
	if (!scan_int(&s, 2, mo) || *s++ != '/' || !scan_int(&s, 2, d) || *s++ != '/' ||
	    !scan_int(&s, 4, y))
		return 0;
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (!scan_int(&s, 2, h) || *s++ != ':' || !scan_int(&s, 2, mi))
		return 0;
	return *s == '\0';
}

static cw_value *csv_date(arena *a, const char *s)
{
	int mo, d, y, h, mi;
	if (!s || !scan_csv_date(s, &mo, &d, &y, &h, &mi))
		return NULL;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 || h > 23 || mi > 59 ||
	    h < 0 || mi < 0)
		return NULL;
	/* Every row has one: written by hand (the fields are in range here), not by snprintf. */
	char buf[16] = { (char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
			 (char)('0' + y % 10), '-', (char)('0' + mo / 10), (char)('0' + mo % 10), '-',
			 (char)('0' + d / 10), (char)('0' + d % 10), ' ', (char)('0' + h / 10),
			 (char)('0' + h % 10), ':', (char)('0' + mi / 10), (char)('0' + mi % 10) };
	return val_str_copy(a, buf, sizeof buf);
}

static void put_csv(cable_ctx *ctx, const decoded *dec)
{
	arena *a = ctx->tg.a;
	if (!dec->has_csv) {
		rec_set_null(a, ctx->tg.rec->root, F_CABLE_CSV);
		return;
	}
	/* In the order of the row's columns (enum csv_field). */
	static const cw_field fields[CSV_REFERENCES] = { F_CSV_ROW_ROW_ID, F_CSV_ROW_DATE_RAW,
							 F_CSV_ROW_REFERENCE_ID, F_CSV_ROW_ORIGIN,
							 F_CSV_ROW_CLASSIFICATION };
	cw_value *o = rec_set_object(a, ctx->tg.rec->root, F_CABLE_CSV);
	rec_set_null(a, o, F_CSV_ROW_ROW_ID);
	rec_set(a, o, F_CSV_ROW_DATE, csv_date(a, dec->csv[CSV_DATE]));
	for (int i = 0; i < CSV_REFERENCES; i++)
		rec_set_cstr(a, o, fields[i], dec->csv[i] && dec->csv[i][0] ? dec->csv[i] : NULL);
	cw_value *refs = rec_array(a, o, F_CSV_ROW_REFERENCES);
	const char *r = dec->csv[CSV_REFERENCES];
	while (r && *r) {
		const char *bar = strchr(r, '|');
		size_t n = bar ? (size_t)(bar - r) : strlen(r);
		if (n)
			rec_push(a, refs, val_str(a, r, n));
		r += n + (bar != NULL);
	}
	if (dec->csv_fields != 8)
		rec_diag_in(ctx->tg.rec, CW_ERROR, "CSV_FIELDS", 0,
			    "this cables.csv row has %d field%s, not 8", dec->csv_fields,
			    dec->csv_fields == 1 ? "" : "s");
}

/* The serial of the release's id (09STATE49854 -> 49854) when the id names the same post as
 * the FM line and its low digits are the station serial's; NULL otherwise, and when the
 * station serial already says it all. */
static slice release_serial(const char *rel, slice fm_origin, slice ssn)
{
	slice none = { NULL, 0 };
	if (!rel || !ssn.s || !fm_origin.s || strlen(rel) < 4)
		return none;
	const char *p = rel + 2, *o = p;
	while (*p && !(*p >= '0' && *p <= '9'))
		p++;
	char want[128], got[128];
	squash(fm_origin, want, sizeof want);
	squash((slice){ o, (size_t)(p - o) }, got, sizeof got);
	size_t n = strlen(p);
	if (!got[0] || strcmp(want, got) != 0 || n == 0 || n > 12 || strspn(p, "0123456789") != n)
		return none;
	long long serial = 0, low = 0, mod = 1;
	for (size_t i = 0; i < n; i++)
		serial = serial * 10 + (p[i] - '0');
	for (size_t i = 0; i < ssn.n; i++) {
		if (ssn.s[i] < '0' || ssn.s[i] > '9')
			return none;
		low = low * 10 + (ssn.s[i] - '0');
		mod *= 10;
	}
	if (serial < mod || serial % mod != low)
		return none;
	return (slice){ p, n };
}

static void put_id(cable_ctx *ctx, const decoded *dec, const char *rel)
{
	arena *a = ctx->tg.a;
	cw_value *root = ctx->tg.rec->root;
	body_state *b = &ctx->body.b;
	const char *where = b->cl_start ? b->cl_start : ctx->tg.text;
	size_t at = tg_off(&ctx->tg, where);

	/* What the header says: the FM address's post and the DE line's station serial. */
	slice fm = ctx->route.r.from_address, ssn = ctx->route.r.ssn_text;
	int fm_known;
	slice fm_origin = origin_from_address(fm, &fm_known);

	slice origin = { NULL, 0 }, serial = { NULL, 0 };
	bool from_header = false;
	char fixed[32];
	if (b->cl.origin.s) {
		origin = b->cl.origin;
		serial = b->cl.serial;
		if (fm_known && !same_post(origin, fm_origin) && ssn.s) {
			/* The page holds another telegram's text under this header (it happens in
			 * the release): the header, machine-written, names the cable. */
			rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_ORIGIN_MISMATCH", at,
				    "the body is from %.*s but the header from %.*s; the id follows "
				    "the header", (int)origin.n, origin.s, (int)fm.n, fm.s);
			origin = fm_origin;
			serial = ssn;
		} else if (ssn.s && serial.n >= ssn.n && ssn.n < sizeof fixed &&
			   memcmp(serial.s + serial.n - ssn.n, ssn.s, ssn.n) != 0) {
			/* A typed serial against the DE line's machine-made one: trust the machine
			 * for the digits it gives. */
			size_t high = serial.n - ssn.n;
			if (high + ssn.n < sizeof fixed) {
				memcpy(fixed, serial.s, high);
				memcpy(fixed + high, ssn.s, ssn.n);
				serial.s = fixed;
				serial.n = high + ssn.n;
			}
		} else if (ssn.s && serial.n < ssn.n) {
			serial = ssn;
		}
	} else if (ssn.s && fm_origin.s) {
		/* No readable classification line: the header gives the id (the station serial is
		 * the serial's low four digits). */
		origin = fm_origin;
		serial = ssn;
		from_header = true;
		rec_diag_at(ctx->tg.rec, CW_NOTE, "CABLE_ID_FROM_HEADER", at,
			    "no readable classification line: the reference id comes from the FM line "
			    "and the DE line's station serial number");
		/* The station serial holds only the serial's low four digits (09STATE49854 is
		 * #9854): the release's id gives the rest when its post and low digits agree. */
		slice full = release_serial(rel, fm_origin, ssn);
		if (full.s) {
			serial = full;
			rec_diag_at(ctx->tg.rec, CW_NOTE, "CABLE_SERIAL_FROM_RELEASE", at,
				    "the DE line's station serial #%.*s is the low digits of the "
				    "release's serial %.*s: the id takes the release's", (int)ssn.n,
				    ssn.s, (int)full.n, full.s);
		}
	}
	if (!origin.s || !serial.s) {
		if (rel) {
			/* The telegram does not say; the release's own id is the best there is. */
			rec_set(a, root, F_ID, val_cstr(a, rel));
			rec_set(a, root, F_ID_SOURCE, val_cstr(a, "release"));
			rec_diag_at(ctx->tg.rec, CW_NOTE, "CABLE_ID_FROM_RELEASE", at,
				    "no classification line with origin and serial: the reference id "
				    "is the release's (%s)", rel);
			return;
		}
		rec_diag_at(ctx->tg.rec, CW_WARNING, "CABLE_NO_ID", at,
			    "no classification line with origin and serial: the reference id cannot "
			    "be rebuilt");
		return;
	}
	int year = ctx->route.r.has_dtg ? ctx->route.r.dtg.year : -1;
	if (year < 0) {
		year = release_year(dec, rel);
		if (year < 0) {
			rec_diag_at(ctx->tg.rec, CW_WARNING, "CABLE_NO_ID", at,
				    ctx->route.r.seen_dtg ? "the date-time group is not valid: the year of "
						      "the reference id is unknown"
						    : "no date-time group: the year of the reference "
						      "id is unknown");
			return;
		}
		rec_diag_at(ctx->tg.rec, CW_NOTE, "CABLE_YEAR_FROM_RELEASE", at,
			    "no date-time group: the year of the reference id comes from the "
			    "release's date");
	}
	char id[128];
	size_t len;
	if (year >= 0) { /* "%02d" by hand */
		id[0] = (char)('0' + year % 100 / 10);
		id[1] = (char)('0' + year % 10);
		len = 2;
	} else {
		len = (size_t)snprintf(id, sizeof id, "%02d", year % 100);
	}
	char org[96];
	squash(origin, org, sizeof org);
	for (size_t i = 0; org[i] && len + 1 < sizeof id; i++)
		id[len++] = org[i];
	strip_zeros(&serial);
	for (size_t i = 0; i < serial.n && len + 1 < sizeof id; i++)
		id[len++] = serial.s[i];
	id[len] = '\0';
	rec_set(a, root, F_ID, val_str_copy(a, id, len));
	rec_set(a, root, F_ID_SOURCE, val_cstr(a, from_header ? "header" : "telegram"));

	/* The release's own id, kept beside ours; malformed ones (08EFTOLONDON2883) differ. */
	if (rel && strcmp(rel, id) != 0)
		rec_diag_at(ctx->tg.rec, CW_NOTE, "CABLE_ID_DIFFERS", at,
			    "the release names this cable %s; the telegram says %s", rel, id);
}

static void put_classification(cable_ctx *ctx)
{
	arena *a = ctx->tg.a;
	cw_value *root = ctx->tg.rec->root;
	body_state *b = &ctx->body.b;
	cw_value *c = rec_set_object(a, root, F_CABLE_CLASSIFICATION);
	if (!b->seen_classline || !b->cl.level.s) {
		rec_set_null(a, c, F_CLASSIFICATION_LEVEL);
		rec_set_null(a, c, F_CLASSIFICATION_LEVEL_SOURCE);
		rec_array(a, c, F_CLASSIFICATION_CAVEATS);
		rec_set_null(a, c, F_CLASSIFICATION_RAW);
		rec_set_null(a, c, F_CLASSIFICATION_SECTION);
		rec_set_null(a, root, F_CABLE_ORIGIN);
		rec_set_null(a, root, F_CABLE_SERIAL);
		/* No classification line: the header's security group still says the level. */
		const char *level = level_from_group_letter(ctx->route.r.group_level);
		if (level) {
			rec_set_cstr(a, c, F_CLASSIFICATION_LEVEL, !strcmp(level, "UNCLASSIFIED//EFTO") ? "UNCLASSIFIED" : level);
			rec_set_cstr(a, c, F_CLASSIFICATION_LEVEL_SOURCE, "header");
			rec_diag_at(ctx->tg.rec, CW_NOTE, "CABLE_LEVEL_FROM_HEADER", 0,
				    "no classification line: the level comes from the header's "
				    "classification group");
		} else if (b->top_mark >= 1) {
			/* A cable is classified at its highest portion marking; (U) says nothing
			 * (unclassified or LIMITED OFFICIAL USE), so only (C), (S) and (TS) count. */
			static const char *by_rank[] = { NULL, "CONFIDENTIAL", "SECRET", "TOP SECRET" };
			rec_set_cstr(a, c, F_CLASSIFICATION_LEVEL, by_rank[b->top_mark]);
			rec_set_cstr(a, c, F_CLASSIFICATION_LEVEL_SOURCE, "markings");
			rec_diag_at(ctx->tg.rec, CW_NOTE, "CABLE_LEVEL_FROM_MARKINGS", tg_off(&ctx->tg, b->top_mark_at),
				    "no classification line: the level is the highest paragraph "
				    "marking's");
		}
		return;
	}
	const classline_fields *cl = &b->cl;
	rec_set_cstr(a, c, F_CLASSIFICATION_LEVEL, level_name(cl->level));
	rec_set_cstr(a, c, F_CLASSIFICATION_LEVEL_SOURCE, "telegram");
	cw_value *cav = rec_array(a, c, F_CLASSIFICATION_CAVEATS);
	if (cl->caveat.s) {
		/* NOFORN, or several: NOFORN/ORCON, NOFORN NODIS; a phrase (FOR OFFICIAL USE ONLY)
		 * stays whole. */
		const char *p = cl->caveat.s, *e = cl->caveat.s + cl->caveat.n;
		while (p < e) {
			const char *q = p;
			while (q < e && *q != '/')
				q++;
			int phrase = memchr(p, ' ', (size_t)(q - p)) &&
				     (!strncmp(p, "FOR OFFICIAL", 12) || !strncmp(p, "SENSITIVE BUT", 13));
			for (const char *w = p; w < q;) {
				const char *x = w;
				while (x < q && (phrase || (*x != ' ' && *x != '\t')))
					x++;
				if (x > w)
					rec_push(a, cav, val_str(a, w, (size_t)(x - w)));
				w = x + (x < q);
			}
			p = q + 1;
		}
	}
	if (cl->efto.s)
		rec_push(a, cav, val_cstr(a, "EFTO"));
	const char *s = b->cl_start, *e = line_end(s);
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	const char *re = cl->serial.s ? cl->serial.s + cl->serial.n : e;
	if (cl->rest.s && !cl->glued)
		re = cl->rest.s + cl->rest.n;
	if (re < s || re > e)
		re = e; /* split over two lines: the first is the raw line */
	slice raw = { s, (size_t)(re - s) };
	rec_set(a, c, F_CLASSIFICATION_RAW, sv(ctx, raw));
	if (cl->section.s) {
		cw_value *sec = rec_set_object(a, c, F_CLASSIFICATION_SECTION);
		rec_set_int(a, sec, F_SECTION_N, parse_digits(cl->section.s, cl->section.n));
		rec_set_int(a, sec, F_SECTION_OF, parse_digits(cl->of.s, cl->of.n));
	} else {
		rec_set_null(a, c, F_CLASSIFICATION_SECTION);
	}
	rec_set(a, root, F_CABLE_ORIGIN, sv(ctx, cl->origin));
	rec_set(a, root, F_CABLE_SERIAL, sv(ctx, cl->serial));
}

/* Consistency between the header and the body; each a warning with its own code. */
static void cross_checks(cable_ctx *ctx, const char *rel)
{
	body_state *b = &ctx->body.b;
	routing_state *r = &ctx->route.r;
	const char *where = b->cl_start ? b->cl_start : ctx->tg.text;
	size_t at = tg_off(&ctx->tg, where);
	const char *level = b->seen_classline ? level_name(b->cl.level) : NULL;
	int rank = level ? marking_rank(level, strlen(level)) : -1;

	/* FL4 group CCCCC vs CONFIDENTIAL. */
	if (level && r->group_level) {
		char want = level[0] == 'L' ? 'U' : level[0] == 'T' ? 'T' : level[0];
		char got = r->group_level == 'E' ? 'U' : r->group_level;
		if (want != got)
			rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_CLASS_GROUP", at,
				    "the header's classification group says %s, the body says %s",
				    level_from_group_letter(r->group_level), level);
	}
	/* DE #0728 vs serial 000728: the station serial is the serial's low digits. */
	if (b->seen_classline && r->ssn_digits) {
		slice serial = b->cl.serial;
		size_t k = (size_t)r->ssn_digits;
		if (serial.n >= k) {
			int low = parse_digits(serial.s + serial.n - k, k);
			if (low >= 0 && (size_t)low != r->ssn)
				rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_SSN_SERIAL", at,
					    "the DE line's station serial %0*zu does not match the "
					    "serial %.*s", r->ssn_digits, r->ssn, (int)serial.n,
					    serial.s);
		}
	}
	/* SECTION 01 OF 03 vs DE #0220/01. */
	if (b->seen_classline && b->cl.section.s) {
		slice part = ctx->route.r.part;
		if (part.s) {
			int pn = parse_digits(part.s, part.n), sn = parse_digits(b->cl.section.s, b->cl.section.n);
			if (pn >= 0 && sn >= 0 && pn != sn)
				rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_SECTION_PART", at,
					    "SECTION %d of the body but part %d in the DE line", sn, pn);
		}
	}
	/* The release's id year vs the DTG year. */
	if (rel && r->has_dtg && strlen(rel) >= 2) {
		int ry = parse_digits(rel, 2);
		if (ry >= 0 && ry != r->dtg.year % 100)
			rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_ID_YEAR", at,
				    "the release's id %s has year %02d, the DTG says %04d", rel, ry,
				    r->dtg.year);
	}
	/* Declassification before the telegram was sent. */
	if (b->decl_year && r->has_dtg) {
		int decl = b->decl_year * 10000 + b->decl_month * 100 + b->decl_day;
		int sent = r->dtg.year * 10000 + r->dtg.month * 100 + r->dtg.day;
		if (decl < sent)
			rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_DECL_BEFORE_DTG", tg_off(&ctx->tg, b->eo_at),
				    "the declassification date %04d-%02d-%02d is before the DTG",
				    b->decl_year, b->decl_month, b->decl_day);
	}
	/* A paragraph marked above the cable's level. */
	if (rank >= 0 && b->top_mark > rank)
		rec_diag_at(ctx->tg.rec, CW_WARNING, "CHK_MARKING_ABOVE",
			    tg_off(&ctx->tg, b->top_mark_at),
			    "a paragraph is marked above the cable's classification (%s)", level);
}

/* A telegram without its routing header and its classification line is an excerpt (quoted,
 * cut from a PDF, pasted from a search result): it says so, and a warning names what a whole
 * telegram would have. Only a text with no element of a telegram at all is not one. */
static void put_excerpt(cable_ctx *ctx)
{
	const routing_state *r = &ctx->route.r;
	const body_state *b = &ctx->body.b;
	int header = r->seen_format || r->banner;
	int addressed = r->counts[ROUTING_FROM] || r->counts[ROUTING_TO] || r->counts[ROUTING_INFO] ||
			r->counts[ROUTING_XMT];
	int excerpt = !header && !b->seen_classline;
	rec_set_bool(ctx->tg.a, ctx->tg.rec->root, F_CABLE_EXCERPT, excerpt);
	if (!excerpt)
		return;
	if (!addressed && !b->elements) {
		rec_diag_at(ctx->tg.rec, CW_ERROR, "CABLE_NOT_FOUND", 0,
			    "no routing header and no classification line: this does not look like "
			    "a telegram");
		return;
	}
	rec_diag_at(ctx->tg.rec, CW_WARNING, "CABLE_EXCERPT", 0,
		    "an excerpt of a telegram: %s, no classification line",
		    addressed ? "addressees but no routing header" : "no routing header");
}

void cable_parse(cw_record *rec, const decoded *dec, const char *path)
{
	cable_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.tg.rec = rec;
	ctx.tg.a = &rec->arena;
	ctx.tg.text = rec->text.buf;
	ctx.tg.lim = rec->text.buf + rec->text.len;
	ctx.route.tg = ctx.body.tg = ctx.tg;
	cw_value *root = rec->root;
	arena *a = ctx.tg.a;

	/* Keys in their published order; each is filled below or stays null. */
	rec_set_null(a, root, F_ID);
	rec_set_null(a, root, F_ID_SOURCE);
	const char *rel = release_id_of(&ctx, dec, path);
	rec_set(a, root, F_CABLE_RELEASE_ID, val_cstr(a, rel));
	put_wikileaks(&ctx, dec);
	put_csv(&ctx, dec);

	/* A database row written down the top of a text, then the telegram. */
	const char *start = ctx.tg.text;
	size_t dump_lines;
	const char *after = skip_vertical_dump(start, ctx.tg.lim, &dump_lines);
	if (after && !dec->has_blocks) {
		rec_diag_at(rec, CW_WARNING, "BODY_DUMP_LEFTOVER", 0,
			    "%zu line%s of a database row from the leak (not part of the telegram)",
			    dump_lines, dump_lines == 1 ? "" : "s");
		start = after;
	}
	const char *stop = dec->has_blocks ? ctx.tg.text + dec->header_end : NULL;
	/* An excerpt without a routing header is all body: its first lines (a REF, a Classified
	 * By, prose) are not a header's unknown lines. */
	if (!stop && !hdr_routing_ahead(start, ctx.tg.lim))
		stop = start;
	const char *body = routing_parse(&ctx.route, start, stop);
	if (dec->has_blocks) {
		body = ctx.tg.text + dec->body_start;
		/* An empty header block with the routing header at the top of the text. */
		if (!ctx.route.r.seen_format && !ctx.route.r.counts[ROUTING_TO] && !ctx.route.r.banner &&
		    dec->header_end > 0 && hdr_starts(body, ctx.tg.lim))
			body = routing_parse(&ctx.route, body, NULL);
	}

	/* A database row written down the top of the body, then a whole telegram: the row is
	 * reported and skipped, and the telegram read with its own header. */
	after = dec->has_blocks ? skip_vertical_dump(body, ctx.tg.lim, &dump_lines) : NULL;
	if (after) {
		rec_diag_at(rec, CW_WARNING, "BODY_DUMP_LEFTOVER", tg_off(&ctx.tg, body),
			    "%zu line%s of a database row from the leak (not part of the telegram)",
			    dump_lines, dump_lines == 1 ? "" : "s");
		body = after;
		if (!ctx.route.r.seen_format && !ctx.route.r.counts[ROUTING_TO])
			body = routing_parse(&ctx.route, after, NULL);
	}

	rec_set_null(a, root, F_CABLE_CLASSIFICATION);
	rec_set_null(a, root, F_CABLE_ORIGIN);
	rec_set_null(a, root, F_CABLE_SERIAL);
	/* References without a year are taken to be of the cable's year. */
	ctx.body.year = ctx.route.r.has_dtg ? ctx.route.r.dtg.year : release_year(dec, rel);
	ctx.body.has_header = ctx.route.r.seen_format || ctx.route.r.banner || ctx.route.r.counts[ROUTING_TO];
	body_parse(&ctx.body, body);
	put_classification(&ctx);
	put_id(&ctx, dec, rel);
	cross_checks(&ctx, rel);

	put_excerpt(&ctx);
}
