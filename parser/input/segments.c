#include "parser/input/segments.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/input/forms.h"
#include "lexer/input/split.h"
#include "parser/core/record.h"
#include "parser/input/unit.h"
#include "parser/input/wide.h"

/* Read in blocks of this size (as parser/input/inputs.c reads). A reader of the whole file tells
 * its form from the bytes it holds after its first two reads: the sniffed start and a block. */
enum { CHUNK = 1 << 20, DETECT_WINDOW = 64 * 1024 };
/* A row start is told from at most ROW_START bytes (split.re's ROW_START_MAX): a segment's
 * reader reads that far past its end, so that it sees its last row end as the whole file's
 * reader does. */
enum { ROW_START = 48, LOOKAHEAD = 64 };
/* The stretch looked at for a boundary, in steps (a row is 7 KB on average). */
enum { SEARCH_STEP = 16 * 1024, SEARCH_MAX = 256 * 1024 };
/* A segment's units are held until the segments before it are counted; past this many bytes
 * they wait no longer (a file with no boundary for long: one segment, read as it comes). */
static const size_t HOLD_MAX = (size_t)16 << 20;

static ssize_t pread_retrying(int fd, void *buf, size_t n, uint64_t at)
{
	ssize_t r;
	while ((r = pread(fd, buf, n, (off_t)at)) < 0 && errno == EINTR)
		;
	return r;
}

int segment_cuttable(const cw_options *opt, int fd, uint64_t size, size_t sniffed)
{
	char *buf = malloc(DETECT_WINDOW + 1);
	if (!buf)
		return 0;
	ssize_t n = pread_retrying(fd, buf, DETECT_WINDOW, 0);
	int ok = 0;
	wide_state w = { 0 };
	if (n == DETECT_WINDOW && buf[0] != '\0' &&
	    wide_pass_through(&w, (const unsigned char *)buf, (size_t)n)) {
		cw_form form = opt && opt->form != CW_FORM_AUTO ? opt->form : CW_FORM_AUTO;
		if (form == CW_FORM_AUTO) {
			uint64_t seen = sniffed + CHUNK;
			form = form_detect(buf, (size_t)(size < seen ? size : seen));
		}
		ok = form == CW_FORM_CABLES_CSV;
	}
	free(buf);
	return ok;
}

/* A boundary at b (w[b] in the window, n bytes): a newline before it that no backslash escapes,
 * and a row start from it. */
static int boundary_at(const char *w, size_t n, size_t b)
{
	if (b < 2 || b + ROW_START > n || w[b - 1] != '\n')
		return 0;
	size_t i = b - 1, run = 0;
	while (i > 0 && w[i - 1] == '\\')
		i--, run++;
	if (i == 0 || run % 2)
		return 0; /* the run may go on before the window, or it takes the newline */
	/* Exactly ROW_START bytes, ended as a reader's buffer is: a row start longer than that is
	 * one a reader may cut at or not, by how much it holds. */
	char tmp[ROW_START + 1];
	memcpy(tmp, w + b, ROW_START);
	tmp[ROW_START] = '\0';
	return split_row_starts(tmp, ROW_START, 0) == 1;
}

uint64_t segment_next_cut(int fd, uint64_t from, uint64_t size)
{
	char w[SEARCH_STEP];
	uint64_t at = from;
	while (at < from + SEARCH_MAX && at + ROW_START < size) {
		ssize_t n = pread_retrying(fd, w, sizeof w, at);
		if (n <= 0)
			return 0;
		size_t len = (size_t)n;
		if ((uint64_t)len > size - at)
			len = (size_t)(size - at); /* the file grew: its size as planned */
		for (const char *p = w; (p = memchr(p, '\n', (size_t)(w + len - p))) != NULL; p++) {
			size_t b = (size_t)(p - w) + 1;
			if (b + ROW_START > len)
				break;
			if (boundary_at(w, len, b))
				return at + b;
		}
		if (len < sizeof w)
			return 0;
		at += len - LOOKAHEAD;
	}
	return 0;
}

typedef struct seg_read {
	const segment_base *base;
	unit_fn fn;
	void *ctx;
	input_stats *st;
	uint64_t start;
	cw_unit **held;
	size_t nheld, cap, held_bytes;
	int based;            /* where the segment stands is known */
	int earlier_failed;
	uint64_t units_before, first_line;
	int stop;
} seg_read;

static int hand(seg_read *r, cw_unit *u)
{
	if (r->earlier_failed) {
		cw_unit_free(u); /* the file's reading stopped before it */
		return 0;
	}
	r->st->units++;
	/* Numbered from 1 after the file's start, from 0 at it (reader_start_segment). */
	u->index = r->units_before + u->index - (r->start ? 1 : 0);
	u->file_line = (uint32_t)(r->first_line + u->file_line - 1);
	return r->fn(r->ctx, u, NULL);
}

static void learn_base(seg_read *r)
{
	if (r->based)
		return;
	r->earlier_failed = r->base->wait(r->base->ctx, &r->units_before, &r->first_line);
	r->based = 1;
}

static int hand_held(seg_read *r)
{
	size_t i = 0;
	for (; i < r->nheld && !r->stop; i++)
		r->stop = hand(r, r->held[i]);
	for (; i < r->nheld; i++)
		cw_unit_free(r->held[i]);
	r->nheld = 0;
	r->held_bytes = 0;
	return r->stop;
}

/* A unit cut: held until the segment's place is known, then handed on. */
static int take(seg_read *r, cw_unit *u)
{
	if (r->based)
		return r->stop = hand(r, u);
	if (r->nheld == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		cw_unit **grown = realloc(r->held, cap * sizeof(*grown));
		if (!grown) {
			cw_unit_free(u);
			return -1;
		}
		r->held = grown;
		r->cap = cap;
	}
	r->held[r->nheld++] = u;
	r->held_bytes += u->len;
	if (r->held_bytes > HOLD_MAX) {
		learn_base(r);
		return hand_held(r);
	}
	return 0;
}

int segment_read(const cw_options *opt, int fd, const char *name, uint64_t start, uint64_t end,
		 int last, const segment_base *base, unit_fn fn, void *ctx, input_stats *st,
		 input_said *said)
{
	seg_read r = { base, fn, ctx, st, start, NULL, 0, 0, 0, 0, 0, 0, 0, 0 };
	cw_reader *rd = cw_reader_new(opt, name);
	int oom = !rd || reader_start_segment(rd, CW_FORM_CABLES_CSV, start) != 0;
	uint64_t pos = start, units = 0, end_line = 0;
	uint64_t read_end = last ? UINT64_MAX : end + LOOKAHEAD;
	int err = 0, past_end = 0;
	while (!oom && !r.stop && !past_end && pos < read_end) {
		size_t want = read_end - pos < CHUNK ? (size_t)(read_end - pos) : CHUNK;
		char *in = reader_fill_space(rd, want);
		if (!in) {
			oom = 1;
			break;
		}
		ssize_t n = pread_retrying(fd, in, want, pos);
		if (n <= 0) {
			reader_fill_commit(rd, 0);
			err = n < 0 ? errno : 0;
			break;
		}
		st->data += last || pos + (uint64_t)n <= end ? (uint64_t)n : pos < end ? end - pos : 0;
		pos += (uint64_t)n;
		if (reader_fill_commit(rd, (size_t)n) != CW_OK) {
			oom = 1;
			break;
		}
		cw_unit *u;
		cw_status s;
		while ((s = cw_reader_next_unit(rd, &u)) == CW_OK) {
			if (!last && u->file_offset >= end) {
				end_line = u->file_line; /* the next segment's */
				cw_unit_free(u);
				past_end = 1;
				break;
			}
			units++;
			if (take(&r, u)) {
				oom |= !r.stop;
				break;
			}
		}
		oom |= s == CW_ENOMEM;
	}
	/* The file's end (or, cut short, what it holds now): the rest is the last unit. */
	if (!oom && !r.stop && !err && !past_end && (last || pos < read_end)) {
		cw_reader_finish(rd);
		cw_unit *u;
		cw_status s;
		while ((s = cw_reader_next_unit(rd, &u)) == CW_OK) {
			if (!last && u->file_offset >= end) {
				end_line = u->file_line;
				cw_unit_free(u);
				break;
			}
			units++;
			if (take(&r, u)) {
				oom |= !r.stop;
				break;
			}
		}
		oom |= s == CW_ENOMEM;
	}
	/* The lines before the next segment: the line it starts on, where the reader stands after
	 * the last unit before it (counted from 1 at the segment's start). */
	if (!end_line && rd)
		end_line = reader_line(rd);
	uint64_t lines = end_line ? end_line - 1 : 0;
	cw_reader_free(rd);
	int failed = oom || r.stop || err;
	int publish_now = !r.based;
	learn_base(&r);
	if (publish_now)
		base->publish(base->ctx, units, lines, failed);
	if (!oom)
		hand_held(&r);
	if (err && !r.stop && !oom && !r.earlier_failed) {
		/* The units before the error were handed on; the one being read is cut and becomes one
		 * error record saying where reading stopped (as parser/input/inputs.c tells it). */
		const char *why = strerror(err);
		input_tell(said, "%s: read error at byte %llu: %s", name, (unsigned long long)pos, why);
		st->failed++;
		cw_record *rec = cw_record_input_failed(opt, name, CW_FORM_CABLES_CSV,
							r.units_before + units, pos, 0, why);
		if (!rec)
			oom = 1;
		else {
			st->units++;
			r.stop = fn(ctx, NULL, rec);
		}
	}
	if (!publish_now)
		base->publish(base->ctx, units, lines, failed);
	for (size_t i = 0; i < r.nheld; i++)
		cw_unit_free(r.held[i]);
	free(r.held);
	return r.stop || oom;
}
