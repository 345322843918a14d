#include "parser/input/inputs.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/core/record.h"

#include "parser/input/output_guard.h"
#include "parser/input/say.h"
#include "parser/input/segments.h"
#include "parser/input/sources.h"
#include "parser/input/unit.h"

/* Input is read in blocks of this size, into one buffer for the whole run. A file the walk read
 * whole (sources.h) is smaller than a block: it is fed as the one block it would have been
 * (the rest of its bytes after the sniffed ones). */
enum { CHUNK = 1 << 20 };
_Static_assert((long)SOURCE_WHOLE_MAX <= (long)CHUNK, "a file read whole is one chunk");

typedef struct walk_ctx {
	const cw_options *opt;
	unit_fn fn;
	void *ctx;
	input_stats *st;
	sources_walk *w;      /* NULL when reading a detached file (inputs_read_file) */
	char *buf;
	int oom;
	file_fn on_file;      /* plain files handed over unread, when set */
	large_fn on_large;    /* ... and large cables.csv files, cut into segments */
	uint64_t file_max;
	input_said *said;     /* a detached file's messages, kept for the calling thread */
} walk_ctx;

void input_tell(input_said *said, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *m = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!m) {
		say("out of memory");
		return;
	}
	va_start(ap, fmt);
	vsnprintf(m, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!said) {
		say("%s", m);
		free(m);
		return;
	}
	char **grown = realloc(said->text, (said->n + 1) * sizeof(*grown));
	if (!grown) {
		say("%s", m);
		free(m);
		return;
	}
	said->text = grown;
	said->text[said->n++] = m;
}

void input_said_tell(input_said *said)
{
	for (size_t i = 0; i < said->n; i++) {
		say("%s", said->text[i]);
		free(said->text[i]);
	}
	free(said->text);
	said->text = NULL;
	said->n = 0;
}

static int hand_on_failure(walk_ctx *wc, const char *name, cw_form form, uint64_t index,
			   uint64_t offset, int unreadable, const char *why)
{
	cw_record *rec = cw_record_input_failed(wc->opt, name, form, index, offset, unreadable, why);
	if (!rec) {
		wc->oom = 1;
		return 1;
	}
	wc->st->units++;
	return wc->fn(wc->ctx, NULL, rec);
}

/* Damage inside a web archive: an error record at its place; the reading goes on. */
static int on_damaged(void *ctx, const char *name, const char *code, uint64_t offset,
		      uint32_t line, const char *message)
{
	walk_ctx *wc = ctx;
	cw_record *rec = input_damage_record(wc->opt, name, code, offset, line, message);
	if (!rec) {
		wc->oom = 1;
		return 1;
	}
	wc->st->units++;
	return wc->fn(wc->ctx, NULL, rec);
}

static int on_failed(void *ctx, const char *name, const char *why)
{
	walk_ctx *wc = ctx;
	say("%s: %s", name, why);
	wc->st->failed++;
	return hand_on_failure(wc, name, CW_FORM_AUTO, 0, 0, 1, why);
}

/* Found, not read: a record says why (its diagnostic is printed with the others). */
static int on_refused(void *ctx, const char *name, cw_refusal why, const char *what)
{
	walk_ctx *wc = ctx;
	cw_record *rec = cw_record_input_refused(wc->opt, name, why, what);
	if (!rec) {
		wc->oom = 1;
		return 1;
	}
	wc->st->inputs++;
	wc->st->units++;
	return wc->fn(wc->ctx, NULL, rec);
}

/* Hands on every complete unit the reader holds. */
static int drain(walk_ctx *wc, cw_reader *rd, uint64_t *units)
{
	cw_unit *u;
	cw_status s;
	while ((s = cw_reader_next_unit(rd, &u)) == CW_OK) {
		wc->st->units++;
		(*units)++;
		if (wc->fn(wc->ctx, u, NULL))
			return 1;
	}
	if (s == CW_ENOMEM) {
		wc->oom = 1;
		return 1;
	}
	return 0;
}

/* The name an input goes by: standard input's is the one the options give it. */
static const char *input_name(const walk_ctx *wc, const source *s)
{
	const char *name = source_name(s);
	return wc->opt->stdin_name && strcmp(name, "-") == 0 ? wc->opt->stdin_name : name;
}

/* A file the walk read whole: its buffer becomes the reader's (no copy), and the units it holds
 * are handed on; what may follow (a file longer than its size said) is read on as ever.
 * Returns non-zero to stop (out of memory, or fn asked to). */
static int take_whole(walk_ctx *wc, cw_reader *rd, source *s, uint64_t *offset, uint64_t *units)
{
	size_t len, cap;
	char *bytes = source_take_whole(s, &len, &cap);
	if (!bytes)
		return 0;
	*offset += len;
	wc->st->data += len;
	if (wc->w)
		wc->st->bytes = wc->w->bytes_read;
	if (reader_adopt(rd, bytes, len, cap) != CW_OK) {
		wc->oom = 1;
		return 1;
	}
	return drain(wc, rd, units);
}

/* Reads a stream into a reader, handing on each unit as soon as it is cut. */
static int read_source(walk_ctx *wc, source *s)
{
	const char *name = input_name(wc, s);
	cw_reader *rd = cw_reader_new(wc->opt, name);
	if (!rd || reader_set_transport(rd, source_http_charset(s), source_http_date(s)) != 0) {
		cw_reader_free(rd);
		wc->oom = 1;
		return 1;
	}
	int stop = 0;
	uint64_t units = 0, offset = 0;
	long n = 0;
	stop = take_whole(wc, rd, s, &offset, &units);
	while (!stop) {
		/* Read straight into the reader where it can take the bytes as they are: as many as
		 * are still to come when that is known (a page becomes its unit without a copy),
		 * and one more, so that the read that gives them also tells the end (source_read);
		 * else a chunk. */
		int64_t expected = source_expected(s);
		size_t want = expected < 0 || expected >= CHUNK ? CHUNK : (size_t)expected + 1;
		char *in = reader_fill_space(rd, want);
		if (!in && !wc->buf && !(wc->buf = malloc(CHUNK))) {
			wc->oom = 1;
			stop = 1;
			break;
		}
		n = source_read(s, in ? in : wc->buf, in ? want : CHUNK);
		if (n <= 0) {
			if (in)
				reader_fill_commit(rd, 0);
			break;
		}
		offset += (uint64_t)n;
		wc->st->data += (uint64_t)n;
		if (wc->w)
			wc->st->bytes = wc->w->bytes_read;
		if ((in ? reader_fill_commit(rd, (size_t)n)
			: cw_reader_feed(rd, wc->buf, (size_t)n)) != CW_OK) {
			wc->oom = 1;
			stop = 1;
			break;
		}
		if ((stop = drain(wc, rd, &units)) != 0)
			break;
	}
	if (!stop && n < 0) {
		/* The units completed before the error were handed on; the one being read when it
		 * happened is cut, so it becomes one error record saying where reading stopped. */
		const char *where;
		uint64_t at;
		uint32_t line;
		const char *code = source_error_code(s, &where, &at, &line);
		if (code) {
			/* A page of a web archive that cannot be read on: its own code, told at its
			 * record in the archive, which goes on with the next record. */
			stop = on_damaged(wc, where, code, at, line, source_error(s));
		} else {
			input_tell(wc->said, "%s: read error at byte %llu: %s", name,
			     (unsigned long long)offset, source_error(s));
			wc->st->failed++;
			stop = hand_on_failure(wc, name, cw_reader_form(rd), units, offset, 0,
					       source_error(s));
		}
	} else if (!stop) {
		cw_reader_finish(rd);
		stop = drain(wc, rd, &units);
	}
	cw_reader_free(rd);
	return stop;
}

static int on_source(void *ctx, source *s)
{
	walk_ctx *wc = ctx;
	wc->st->inputs++;
	if (wc->on_file) {
		source *file = source_detach(s, wc->file_max);
		if (file)
			return wc->on_file(wc->ctx, file);
		uint64_t size;
		size_t sniffed;
		int fd = wc->on_large ? source_plain_fd(s, &size, &sniffed) : -1;
		if (fd >= 0 && segment_cuttable(wc->opt, fd, size, sniffed)) {
			source_take_fd(s);
			wc->st->bytes = wc->w->bytes_read;
			return wc->on_large(wc->ctx, input_name(wc, s), fd, size);
		}
	}
	return read_source(wc, s);
}

int inputs_read_file(const cw_options *opt, source *file, unit_fn fn, void *ctx,
		     input_stats *st, input_said *said)
{
	/* Read as the walk reads (a chunk of the same size for what does not go straight into
	 * the reader, made only when needed: UTF-16 input), so that the units are cut at the
	 * same places. */
	walk_ctx wc = { opt, fn, ctx, st, NULL, NULL, 0, NULL, NULL, 0, said };
	int stop = read_source(&wc, file);
	free(wc.buf);
	source_free(file);
	return stop || wc.oom;
}

/* The walk of inputs_each_unit, over a run of an archive's members when count or first. */
static int each_unit(const cw_options *opt, char *const *paths, int n, size_t first,
		     size_t count, size_t *met, unit_fn fn, file_fn on_file, large_fn on_large,
		     uint64_t file_max, void *ctx, input_stats *st)
{
	sources_walk w = { .on_source = on_source, .on_failed = on_failed,
			   .on_refused = on_refused, .on_damaged = on_damaged,
			   .skip_file = output_guard_is_ours,
			   .member_first = first, .member_count = count };
	walk_ctx wc = { opt, fn, ctx, st, &w, malloc(CHUNK), 0, on_file, on_large, file_max, NULL };
	w.ctx = &wc;
	if (!wc.buf) {
		say("out of memory");
		return 1;
	}
	int stop = sources_each(&w, paths, n);
	st->bytes = w.bytes_read;
	st->warc_pages += w.warc_pages;
	for (int k = 0; k < CW_WARC_SKIP_COUNT; k++)
		st->warc_skipped[k] += w.warc_skipped[k];
	if (met)
		*met = w.member_met;
	free(wc.buf);
	if (wc.oom)
		say("out of memory");
	return stop;
}

int inputs_each_unit(const cw_options *opt, char *const *paths, int n, unit_fn fn, void *ctx,
		     input_stats *st)
{
	return each_unit(opt, paths, n, 0, 0, NULL, fn, NULL, NULL, 0, ctx, st);
}

int inputs_each_unit_or_file(const cw_options *opt, char *const *paths, int n, unit_fn fn,
			     file_fn on_file, large_fn on_large, uint64_t file_max, void *ctx,
			     input_stats *st)
{
	return each_unit(opt, paths, n, 0, 0, NULL, fn, on_file, on_large, file_max, ctx, st);
}

typedef struct parse_ctx {
	const cw_options *opt;
	record_fn fn;
	void *ctx;
} parse_ctx;

static int parse_unit(void *ctx, cw_unit *u, cw_record *failed)
{
	parse_ctx *pc = ctx;
	cw_record *rec = failed ? failed : cw_unit_parse(pc->opt, u);
	if (!rec) {
		say("out of memory");
		return 1;
	}
	return pc->fn(pc->ctx, rec);
}

int inputs_each(const cw_options *opt, char *const *paths, int n, record_fn fn, void *ctx,
		input_stats *st)
{
	parse_ctx pc = { opt, fn, ctx };
	return inputs_each_unit(opt, paths, n, parse_unit, &pc, st);
}

int inputs_each_member(const cw_options *opt, const char *path, size_t first, size_t count,
		       size_t *met, record_fn fn, void *ctx, input_stats *st)
{
	parse_ctx pc = { opt, fn, ctx };
	char *paths[1] = { (char *)(uintptr_t)path };
	return each_unit(opt, paths, 1, first, count, met, parse_unit, NULL, NULL, 0, &pc, st);
}

int cw_walk(const cw_options *opt, const char *const *paths, int n, cw_record_fn fn, void *ctx,
	    cw_walk_stats *stats)
{
	input_stats st = { 0 };
	/* The walk reads the paths only; sources_each takes them as argv gives them. */
	int stop = inputs_each(opt, (char *const *)paths, n, fn, ctx, &st);
	if (stats)
		*stats = (cw_walk_stats){ st.inputs, st.failed, st.units, st.data };
	return stop;
}
