/* Shards (include/cablewire.h, "Shards"): one conversion cut into pieces that run apart, on
 * other processes or machines, and give, joined in order, the bytes cw_convert() writes.
 *
 * A large file is cut where a reader of the whole file cuts units (its own splitter, run without
 * parsing), so a shard never splits a cable or a story; a shard's reader is started at that
 * boundary with the unit's index, offset and line (cw_reader_set_origin), so its records equal
 * the whole file's. An archive is cut by members (cw_shard_members lists them from the headers;
 * a shard walks the archive as cw_walk() does, skipping the members outside its run unread):
 * every member is an input of its own, so its records do not depend on the members before it.
 * Everything else (small files, lone compressed files, damaged archives, trees) is a whole input
 * read by the same walk as cw_walk(). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emitters/convert/tally.h"
#include "parser/core/record.h"
#include "parser/input/inputs.h"
#include "parser/input/say.h"
#include "parser/input/sources.h"
#include "parser/input/unit.h"

/* Input is read in blocks of this size (as parser/input/inputs.c reads it). */
enum { CHUNK = 1 << 20 };

uint64_t cw_unit_offset(const cw_unit *u) { return u ? u->file_offset : 0; }
uint32_t cw_unit_line(const cw_unit *u) { return u ? u->file_line : 0; }

/* The forms a reader cuts into many units: the only ones worth cutting. */
static int cuttable(cw_form f)
{
	switch (f) {
	case CW_FORM_CABLES_CSV: case CW_FORM_TEXT: case CW_FORM_PDF_TEXT: case CW_FORM_ANPA:
	case CW_FORM_IPTC7901: case CW_FORM_REUTERS_SGML:
		return 1;
	default:
		return 0;
	}
}

/* ---- cutting ------------------------------------------------------------------------------ */

typedef struct cut_ctx {
	const cw_options *opt;
	const char *path;
	uint64_t target;
	cw_cut_fn fn;
	void *ctx;
	char *buf;
	cw_form form;
	uint64_t units;
	uint64_t next_cut;  /* the next shard starts at the first unit at or past this offset */
	int result;         /* 0 cut, 1 read whole, -1 failed */
	int started;        /* the first cut was given */
} cut_ctx;

/* Takes the complete units the reader holds; returns non-zero to stop. */
static int cut_drain(cut_ctx *c, cw_reader *rd)
{
	cw_unit *u;
	cw_status s;
	while ((s = cw_reader_next_unit(rd, &u)) == CW_OK) {
		if (!c->started) {
			/* The form is known with the first unit; an input decoded from UTF-16 or
			 * UTF-32 counts its offsets in decoded bytes, which cannot be sought. */
			c->form = cw_reader_form(rd);
			if (!cuttable(c->form) || u->encoding) {
				cw_unit_free(u);
				c->result = 1;
				return 1;
			}
			c->started = 1;
			if (c->fn(c->ctx, 0, 0, 1)) {
				cw_unit_free(u);
				return 1;
			}
			c->next_cut = c->target;
		} else if (u->file_offset >= c->next_cut) {
			if (c->fn(c->ctx, u->file_offset, u->index, u->file_line)) {
				cw_unit_free(u);
				return 1;
			}
			c->next_cut = u->file_offset + c->target;
		}
		c->units++;
		cw_unit_free(u);
	}
	if (s == CW_ENOMEM) {
		c->result = -1;
		return 1;
	}
	return 0;
}

static int cut_source(void *ctx, source *s)
{
	cut_ctx *c = ctx;
	/* A stream named otherwise is an archive's member or a compressed file's content. */
	if (strcmp(source_name(s), c->path) != 0) {
		c->result = 1;
		return 1;
	}
	cw_reader *rd = cw_reader_new(c->opt, c->path);
	if (!rd) {
		c->result = -1;
		return 1;
	}
	long n;
	int stop = 0;
	while (!stop && (n = source_read(s, c->buf, CHUNK)) > 0) {
		if (cw_reader_feed(rd, c->buf, (size_t)n) != CW_OK) {
			c->result = -1;
			stop = 1;
		} else {
			stop = cut_drain(c, rd);
		}
	}
	if (!stop && n < 0) {
		c->result = -1;
		stop = 1;
	}
	if (!stop) {
		cw_reader_finish(rd);
		stop = cut_drain(c, rd);
	}
	cw_reader_free(rd);
	return 1; /* one stream only */
}

static int cut_failed(void *ctx, const char *name, const char *why)
{
	(void)name;
	(void)why;
	((cut_ctx *)ctx)->result = -1;
	return 1;
}

static int cut_refused(void *ctx, const char *name, cw_refusal why, const char *what)
{
	(void)name;
	(void)why;
	(void)what;
	((cut_ctx *)ctx)->result = 1;
	return 1;
}

int cw_shard_cut(const cw_options *opt, const char *path, uint64_t target, cw_cut_fn fn,
		 void *ctx, cw_form *form, uint64_t *units)
{
	cw_options defaults;
	if (!opt) {
		memset(&defaults, 0, sizeof defaults);
		defaults.max_unit_bytes = (size_t)256 * 1024 * 1024;
		defaults.max_items = 1000000;
		opt = &defaults;
	}
	cut_ctx c = { opt, path, target ? target : 1, fn, ctx, malloc(CHUNK), CW_FORM_AUTO, 0, 0,
		      0, 0 };
	if (!c.buf || !path || !fn) {
		free(c.buf);
		return -1;
	}
	sources_walk w = { .on_source = cut_source, .on_failed = cut_failed,
			   .on_refused = cut_refused, .ctx = &c };
	char *paths[1] = { (char *)(uintptr_t)path };
	sources_each(&w, paths, 1);
	free(c.buf);
	if (c.result == 0 && !c.started)
		c.result = 1; /* nothing came: read it whole */
	if (form)
		*form = c.form;
	if (units)
		*units = c.units;
	return c.result;
}

/* ---- an archive's members ------------------------------------------------------------------ */

typedef struct list_ctx {
	cw_member_fn fn;
	void *ctx;
	uint64_t count;
	int result;  /* 0 listed, 1 read whole, -1 failed */
} list_ctx;

static int list_member(void *ctx, int64_t size)
{
	list_ctx *l = ctx;
	l->count++;
	return l->fn(l->ctx, size);
}

/* A stream handed on: the path is no archive (or a member of a lone compressed file). */
static int list_source(void *ctx, source *s)
{
	(void)s;
	((list_ctx *)ctx)->result = 1;
	return 1;
}

/* A damaged archive is read whole: its failure stays where the whole walk reports it. */
static int list_failed(void *ctx, const char *name, const char *why)
{
	(void)name;
	(void)why;
	list_ctx *l = ctx;
	if (!l->result)
		l->result = l->count ? 1 : -1;
	return 1;
}

static int list_refused(void *ctx, const char *name, cw_refusal why, const char *what)
{
	(void)name;
	(void)why;
	(void)what;
	((list_ctx *)ctx)->result = 1;
	return 1;
}

int cw_shard_members(const cw_options *opt, const char *path, cw_member_fn fn, void *ctx,
		     uint64_t *count)
{
	(void)opt; /* the walk of sources reads no option */
	list_ctx l = { fn, ctx, 0, 0 };
	if (count)
		*count = 0;
	if (!path || !fn)
		return -1;
	sources_walk w = { .on_source = list_source, .on_failed = list_failed,
			   .on_refused = list_refused, .on_member = list_member, .ctx = &l };
	char *paths[1] = { (char *)(uintptr_t)path };
	sources_each(&w, paths, 1);
	/* A lone compressed file's stream is its one "member": read whole. */
	if (l.result == 0 && (l.count == 0 || w.archive_lone ||
			      w.archive_failed))
		l.result = 1;
	if (count)
		*count = l.count;
	return l.result;
}

/* ---- converting ----------------------------------------------------------------------------- */

typedef struct shard_run {
	const cw_shard_request *req;
	const cw_options *opt;
	cw_emitter *em;
	tally t;
	size_t records;
	int failed;
} shard_run;

/* Renders and counts one record; frees it. */
static int shard_record(void *ctx, cw_record *rec)
{
	shard_run *r = ctx;
	uint64_t at = r->req->first && r->records == 0 ? 0 : 1;
	if (cw_emit_at(r->em, rec, at) != 0)
		r->failed = 1;
	tally_record(&r->t, rec);
	r->records++;
	cw_record_free(rec);
	return r->failed;
}

/* A run of units of one file, from a cut. */
static int shard_units(shard_run *r, cw_shard_result *res)
{
	const cw_shard_request *req = r->req;
	cw_options o = *r->opt;
	o.form = req->form;
	int fd = open(req->path, O_RDONLY);
	if (fd < 0) {
		say("%s: %s", req->path, strerror(errno));
		res->inputs_failed++;
		cw_record *rec = cw_record_input_failed(&o, req->path, CW_FORM_AUTO, req->index,
							req->offset, 1, strerror(errno));
		return rec ? shard_record(r, rec) : -1;
	}
	char *buf = malloc(CHUNK);
	cw_reader *rd = cw_reader_new(&o, req->path);
	int rc = 0;
	if (!buf || !rd || cw_reader_set_origin(rd, req->index, req->offset, req->line) != CW_OK ||
	    lseek(fd, (off_t)req->offset, SEEK_SET) < 0) {
		rc = -1;
		goto out;
	}
	uint64_t taken = 0, at = req->offset;
	int finished = 0;
	while (taken < req->units && !rc) {
		cw_unit *u;
		cw_status s = cw_reader_next_unit(rd, &u);
		if (s == CW_OK) {
			taken++;
			cw_record *rec = cw_unit_parse(&o, u);
			if (!rec || shard_record(r, rec))
				rc = -1;
			continue;
		}
		if (s != CW_AGAIN || finished) {
			/* The file gave fewer units than when it was cut: it changed since. */
			if (s != CW_ENOMEM)
				say("%s: the file changed since it was cut into shards: %llu of %llu "
				    "units from byte %llu", req->path, (unsigned long long)taken,
				    (unsigned long long)req->units, (unsigned long long)req->offset);
			rc = -1;
			break;
		}
		ssize_t n;
		while ((n = read(fd, buf, CHUNK)) < 0 && errno == EINTR)
			;
		if (n < 0) {
			say("%s: read error at byte %llu: %s", req->path, (unsigned long long)at,
			    strerror(errno));
			res->inputs_failed++;
			cw_record *rec = cw_record_input_failed(&o, req->path, req->form,
								req->index + taken, at, 0,
								strerror(errno));
			rc = rec ? shard_record(r, rec) : -1;
			break;
		}
		if (n == 0) {
			cw_reader_finish(rd);
			finished = 1;
		} else if (cw_reader_feed(rd, buf, (size_t)n) != CW_OK) {
			rc = -1;
		}
		at += (uint64_t)n;
	}
out:
	cw_reader_free(rd);
	free(buf);
	close(fd);
	return rc;
}

int cw_shard_convert(const cw_shard_request *req, cw_shard_result *res)
{
	memset(res, 0, sizeof(*res));
	if (!req || !req->path || !req->write || req->format < 0 || req->format >= CW_FORMAT_COUNT)
		return -1;
	cw_options defaults;
	const cw_options *opt = req->options;
	if (!opt) {
		memset(&defaults, 0, sizeof defaults);
		defaults.max_unit_bytes = (size_t)256 * 1024 * 1024;
		defaults.max_items = 1000000;
		opt = &defaults;
	}
	shard_run r = { req, opt, NULL, { 0 }, 0, 0 };
	r.t.ignore = req->ignore;
	r.t.nignore = req->nignore;
	r.em = cw_emitter_new_detached((cw_format)req->format, req->write, req->ctx, req->pretty);
	if (!r.em)
		return -1;
	int rc;
	if (req->units == 0) {
		input_stats st = { 0 };
		size_t met = 0, first = (size_t)req->member_first, count = (size_t)req->member_count;
		rc = inputs_each_member(opt, req->path, first, count, &met, shard_record, &r, &st)
			     ? -1 : 0;
		if (!rc && (first || count) && met < first + (count ? count : 1)) {
			say("%s: the archive changed since it was listed: %zu members, a shard of "
			    "members %zu to %zu", req->path, met, first, first + count);
			rc = -1;
		}
		res->inputs = st.inputs;
		res->inputs_failed = st.failed;
		res->warc_pages = st.warc_pages;
		memcpy(res->warc_skipped, st.warc_skipped, sizeof res->warc_skipped);
	} else {
		res->inputs = req->index == 0; /* the file is counted once, by its first shard */
		rc = shard_units(&r, res);
	}
	cw_emitter_free(r.em);
	TALLY_GIVE(&r.t, res);
	return rc || r.failed ? -1 : 0;
}

void cw_shard_result_free(cw_shard_result *res)
{
	if (!res)
		return;
	free(res->codes);
	memset(res, 0, sizeof(*res));
}
