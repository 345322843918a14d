/* A telegram from its decoded text: the routing header through grammar/header.y, the body, the
 * reference id rebuilt from what the telegram itself says. */
#include "cable_parse.h"

#include <stdio.h>
#include <string.h>

#include "body_fields.h"
#include "routing.h"

static cw_value *sv(cable_ctx *ctx, slice s) { return val_str(ctx->a, s.s, s.n); }

static void put_wikileaks(cable_ctx *ctx, const decoded *dec)
{
	arena *a = ctx->a;
	if (!dec->has_meta) {
		obj_put(a, ctx->rec->root, "wikileaks", NULL);
		return;
	}
	static const char *keys[WL_FIELDS] = { "reference_id", "created", "released",
					       "classification", "origin" };
	cw_value *o = obj_put(a, ctx->rec->root, "wikileaks", val_object(a));
	for (int i = 0; i < WL_FIELDS; i++)
		obj_put_cstr(a, o, keys[i], dec->meta[i]);
}

/* The classification line that opens the body: level, section, origin and serial. */
static int find_classline(cable_ctx *ctx, const char *body, classline_fields *cl,
			  const char **where)
{
	/* It is the first line with text in a well-formed body; tolerate a few lines of leftovers
	 * before it, but do not walk a whole long body looking for it. */
	enum { MAX_LINES = 40 };
	const char *p = body;
	for (int i = 0; i < MAX_LINES && p < ctx->lim; i++) {
		if (scan_classline(p, ctx->lim, cl)) {
			*where = p;
			return 1;
		}
		p = line_end(p);
		if (p < ctx->lim)
			p++;
	}
	return 0;
}

static void strip_zeros(slice *s)
{
	while (s->n > 1 && s->s[0] == '0')
		s->s++, s->n--;
}

static void put_id(cable_ctx *ctx, const classline_fields *cl, const char *where)
{
	arena *a = ctx->a;
	cw_value *root = ctx->rec->root;
	if (!cl) {
		rec_diag_at(ctx->rec, CW_WARNING, "CABLE_NO_ID", ctx_off(ctx, where),
			    "no classification line with origin and serial: the reference id cannot "
			    "be rebuilt");
		return;
	}
	if (!ctx->r.has_dtg) {
		rec_diag_at(ctx->rec, CW_WARNING, "CABLE_NO_ID", ctx_off(ctx, where),
			    ctx->r.seen_dtg ? "the date-time group is not valid: the year of the "
					      "reference id is unknown"
					    : "no date-time group: the year of the reference id is "
					      "unknown");
		return;
	}
	char id[128];
	size_t n = (size_t)snprintf(id, sizeof id, "%02d", ctx->r.dtg.year % 100);
	for (size_t i = 0; i < cl->origin.n && n + 1 < sizeof id; i++)
		if (cl->origin.s[i] != ' ' && cl->origin.s[i] != '\t')
			id[n++] = cl->origin.s[i];
	slice serial = cl->serial;
	strip_zeros(&serial);
	for (size_t i = 0; i < serial.n && n + 1 < sizeof id; i++)
		id[n++] = serial.s[i];
	id[n] = '\0';
	obj_put(a, root, "id", val_str_copy(a, id, n));
}

static void put_classification(cable_ctx *ctx, const classline_fields *cl, const char *where)
{
	arena *a = ctx->a;
	cw_value *root = ctx->rec->root;
	cw_value *c = obj_put(a, root, "classification", val_object(a));
	if (!cl) {
		obj_put(a, c, "level", NULL);
		obj_child_array(a, c, "caveats");
		obj_put(a, c, "raw", NULL);
		obj_put(a, c, "section", NULL);
		obj_put(a, root, "origin", NULL);
		obj_put(a, root, "serial", NULL);
		return;
	}
	obj_put_cstr(a, c, "level", level_name(cl->level));
	cw_value *cav = obj_child_array(a, c, "caveats");
	if (cl->caveat.s)
		arr_push(a, cav, sv(ctx, cl->caveat));
	if (cl->efto.s)
		arr_push(a, cav, val_cstr(a, "EFTO"));
	slice raw = { where, (size_t)(line_end(where) - where) };
	while (raw.n && (raw.s[0] == ' ' || raw.s[0] == '\t'))
		raw.s++, raw.n--;
	while (raw.n && (raw.s[raw.n - 1] == ' ' || raw.s[raw.n - 1] == '\t'))
		raw.n--;
	obj_put(a, c, "raw", sv(ctx, raw));
	if (cl->section.s) {
		cw_value *sec = obj_put(a, c, "section", val_object(a));
		obj_put_int(a, sec, "n", parse_digits(cl->section.s, cl->section.n));
		obj_put_int(a, sec, "of", parse_digits(cl->of.s, cl->of.n));
	} else {
		obj_put(a, c, "section", NULL);
	}
	obj_put(a, root, "origin", sv(ctx, cl->origin));
	obj_put(a, root, "serial", sv(ctx, cl->serial));
}

void cable_parse(cw_record *rec, const decoded *dec)
{
	cable_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.rec = rec;
	ctx.a = &rec->arena;
	ctx.text = rec->text.buf;
	ctx.lim = rec->text.buf + rec->text.len;
	cw_value *root = rec->root;
	arena *a = ctx.a;

	obj_put(a, root, "id", NULL);
	put_wikileaks(&ctx, dec);

	const char *stop = dec->has_blocks ? ctx.text + dec->header_end : NULL;
	const char *body = routing_parse(&ctx, ctx.text, stop);
	if (dec->has_blocks)
		body = ctx.text + dec->body_start;

	classline_fields cl;
	const char *where = body;
	int have = find_classline(&ctx, body, &cl, &where);
	put_classification(&ctx, have ? &cl : NULL, where);
	put_id(&ctx, have ? &cl : NULL, where);

	if (!ctx.r.seen_format && !ctx.r.counts[ROUTING_TO] && !ctx.r.banner && !have)
		rec_diag_at(rec, CW_ERROR, "CABLE_NOT_FOUND", 0,
			    "no routing header and no classification line: this does not look like "
			    "a telegram");
}
