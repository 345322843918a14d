/* Readers and units: the input is pushed in chunks and cut into units (one telegram or story
 * each); parser/parse.c turns a unit into a record. Only the unit in progress is held in memory. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/core/runs.h"
#include "lexer/input/forms.h"
#include "lexer/input/markup.h"
#include "lexer/input/split.h"
#include "parser/core/record.h"
#include "parser/input/unit.h"
#include "parser/input/wide.h"

struct cw_reader {
	const cw_options *opt;
	char *path;
	char *mem;            /* allocation holding the pending input */
	size_t cap;           /* of mem */
	char *buf;            /* pending input, not yet cut into units: inside mem */
	size_t len;
	uint64_t buf_offset;  /* file offset of buf[0] */
	uint32_t buf_line;    /* line number of buf[0] */
	int finished;
	int drained;
	cw_form form;
	uint64_t next_index;
	int oom;
	uint64_t dropped;     /* bytes of the pending unit dropped over the size limit */
	uint64_t dropped_lines;
	wide_state wide;      /* UTF-16 or UTF-32 with a byte-order mark: decoded as fed */
	char *http_charset;   /* transport hints for the units (reader_set_transport) */
	char *http_date;
	/* Last: its XML buffers, 16 KB, need no clearing (split.h), and every file of a
	 * directory gets a reader */
	split_state split;
};

/* ---- options ---------------------------------------------------------------------------- */

cw_options *cw_options_new(void)
{
	cw_options *o = calloc(1, sizeof(*o));
	if (!o)
		return NULL;
	o->form = CW_FORM_AUTO;
	o->max_unit_bytes = (size_t)256 * 1024 * 1024;
	o->max_items = 1000000;
	return o;
}

void cw_options_free(cw_options *o)
{
	if (o)
		free(o->stdin_name);
	free(o);
}

int cw_options_set_stdin_name(cw_options *o, const char *name)
{
	char *copy = name ? strdup(name) : NULL;
	if (name && !copy)
		return -1;
	free(o->stdin_name);
	o->stdin_name = copy;
	return 0;
}
void cw_options_set_form(cw_options *o, cw_form f) { o->form = f < CW_FORM_COUNT ? f : CW_FORM_AUTO; }
void cw_options_set_max_unit_bytes(cw_options *o, size_t max) { o->max_unit_bytes = max ? max : 1; }
void cw_options_set_max_items(cw_options *o, size_t max) { o->max_items = max ? max : 1; }

const char *cw_version(void) { return CW_VERSION; }

static const char *form_names[CW_FORM_COUNT] = { "auto",         "text",      "wikileaks-html",
						 "markdown",     "cables-csv", "body-text",
						 "pdf-text",     "article-text", "wire-text",
						 "reuters-sgml", "anpa",      "iptc7901",
						 "nitf",         "newsml-g2", "newsml",
						 "ninjs",        "article-html" };

const char *cw_form_name(cw_form f) { return f < CW_FORM_COUNT ? form_names[f] : NULL; }

int cw_form_from_name(const char *name)
{
	for (int i = 0; i < CW_FORM_COUNT; i++)
		if (name && strcmp(name, form_names[i]) == 0)
			return i;
	return -1;
}

/* ---- reader ----------------------------------------------------------------------------- */

cw_reader *cw_reader_new(const cw_options *opt, const char *path)
{
	/* All cleared but the split state's XML buffers: clearing them too was two instructions
	 * a byte of a directory of body-text files */
	cw_reader *rd = malloc(sizeof(*rd));
	if (!rd)
		return NULL;
	memset(rd, 0, offsetof(cw_reader, split) + offsetof(split_state, xml_env));
	rd->opt = opt;
	rd->path = strdup(path ? path : "-");
	if (!rd->path) {
		free(rd);
		return NULL;
	}
	rd->buf_line = 1;
	rd->form = opt && opt->form != CW_FORM_AUTO ? opt->form : CW_FORM_AUTO;
	return rd;
}

void cw_reader_free(cw_reader *rd)
{
	if (!rd)
		return;
	free(rd->mem);
	free(rd->path);
	free(rd->http_charset);
	free(rd->http_date);
	free(rd);
}

int reader_set_transport(cw_reader *rd, const char *http_charset, const char *http_date)
{
	free(rd->http_charset);
	free(rd->http_date);
	rd->http_charset = http_charset ? strdup(http_charset) : NULL;
	rd->http_date = http_date ? strdup(http_date) : NULL;
	return (http_charset && !rd->http_charset) || (http_date && !rd->http_date) ? -1 : 0;
}

/* The unit's own copy of the reader's transport hints (one allocation). */
static int give_transport(const cw_reader *rd, cw_unit *u)
{
	if (!rd->http_charset && !rd->http_date)
		return 0;
	size_t c = rd->http_charset ? strlen(rd->http_charset) + 1 : 0;
	size_t d = rd->http_date ? strlen(rd->http_date) + 1 : 0;
	if (!(u->transport = malloc(c + d)))
		return -1;
	if (c) {
		memcpy(u->transport, rd->http_charset, c);
		u->http_charset = u->transport;
	}
	if (d) {
		memcpy(u->transport + c, rd->http_date, d);
		u->http_date = u->transport + c;
	}
	return 0;
}

/* Room for len more bytes (and the sentinel) after the pending input, which is moved to the
 * front first: units are consumed from the front by moving buf forward, and the rest moves down
 * once per feed (a partial unit), not once per unit. Returns 0, or -1 out of memory. */
static int make_room(cw_reader *rd, size_t len)
{
	if (rd->buf != rd->mem && rd->len)
		memmove(rd->mem, rd->buf, rd->len);
	rd->buf = rd->mem;
	if (rd->len + len + 1 > rd->cap) {
		/* The first allocation is what is asked for: a file read whole in one go (its size
		 * known) becomes its unit without a copy (make_unit). Later ones double. */
		size_t need = rd->len + len + 1, cap = rd->cap ? rd->cap * 2 : need;
		if (cap < need)
			cap = need;
		char *b = realloc(rd->mem, cap);
		if (!b) {
			rd->oom = 1;
			return -1;
		}
		rd->mem = rd->buf = b;
		rd->cap = cap;
	}
	rd->buf[rd->len] = '\0';
	return 0;
}

/* Appends bytes (UTF-8 or passed through) to the pending input: wide_feed's sink. */
static int feed_bytes(void *ctx, const char *buf, size_t len)
{
	cw_reader *rd = ctx;
	if (make_room(rd, len) != 0)
		return -1;
	memcpy(rd->buf + rd->len, buf, len);
	rd->len += len;
	rd->buf[rd->len] = '\0'; /* the splitters' sentinel */
	return 0;
}

char *reader_fill_space(cw_reader *rd, size_t want)
{
	if (!rd || rd->finished || rd->oom || want == 0)
		return NULL;
	/* UTF-16 and UTF-32 are decoded as fed, and so is an input whose first bytes are held
	 * until its byte-order mark can be told. */
	if ((rd->wide.enc != WIDE_UNKNOWN && !wide_passes(&rd->wide)) || rd->wide.held_len)
		return NULL;
	return make_room(rd, want) == 0 ? rd->buf + rd->len : NULL;
}

cw_status reader_fill_commit(cw_reader *rd, size_t n)
{
	char *p = rd->buf + rd->len;
	if (n == 0) {
		/* Nothing read (the end, an error): whatever the read left there is not input. */
		*p = '\0';
		return CW_OK;
	}
	if (!wide_pass_through(&rd->wide, (const unsigned char *)p, n)) {
		/* A byte-order mark (or too few bytes to tell): fed as any chunk, from a copy, since
		 * feeding may move the buffer they sit in. */
		char *copy = malloc(n ? n : 1);
		if (!copy) {
			rd->oom = 1;
			return CW_ENOMEM;
		}
		memcpy(copy, p, n);
		rd->buf[rd->len] = '\0';
		cw_status st = cw_reader_feed(rd, copy, n);
		free(copy);
		return st;
	}
	rd->len += n;
	rd->buf[rd->len] = '\0';
	return CW_OK;
}

cw_status reader_adopt(cw_reader *rd, char *buf, size_t len, size_t cap)
{
	/* In place only into a reader fed nothing yet, and only bytes that pass through as they
	 * are (no byte-order mark to decode from): else they are fed as any chunk. */
	if (!rd || rd->mem || rd->len || rd->finished || rd->oom || cap <= len ||
	    !wide_pass_through(&rd->wide, (const unsigned char *)buf, len)) {
		cw_status st = rd ? cw_reader_feed(rd, buf, len) : CW_EINVAL;
		free(buf);
		return st;
	}
	rd->mem = rd->buf = buf;
	rd->cap = cap;
	rd->len = len;
	rd->buf[len] = '\0'; /* the splitters' sentinel */
	return CW_OK;
}

cw_status cw_reader_feed(cw_reader *rd, const char *buf, size_t len)
{
	if (!rd || rd->finished)
		return CW_EINVAL;
	return wide_feed(&rd->wide, (const unsigned char *)buf, len, 0, feed_bytes, rd) == 0
		       ? CW_OK : CW_ENOMEM;
}

void cw_reader_finish(cw_reader *rd)
{
	if (!rd || rd->finished)
		return;
	/* A short input still held for its byte-order mark, or a character cut at the end. */
	wide_feed(&rd->wide, NULL, 0, 1, feed_bytes, rd);
	rd->finished = 1;
}

cw_form cw_reader_form(const cw_reader *rd) { return rd ? rd->form : CW_FORM_AUTO; }

/* A shard of an input (emitters/convert/shard.c): the reader starts where the whole input's
 * reader stood at that unit boundary; the splitters' state there is the reset one. */
cw_status cw_reader_set_origin(cw_reader *rd, uint64_t index, uint64_t offset, uint32_t line)
{
	if (!rd || rd->len || rd->finished || rd->next_index || rd->buf_offset)
		return CW_EINVAL;
	rd->next_index = index;
	rd->buf_offset = offset;
	rd->buf_line = line ? line : 1;
	/* Only inputs taken as they are get cut (cw_shard_cut): no byte-order mark is looked for
	 * in the middle of one. */
	rd->wide.enc = WIDE_NONE;
	return CW_OK;
}
const cw_options *reader_options(const cw_reader *rd) { return rd->opt; }

uint32_t reader_line(const cw_reader *rd) { return rd->buf_line; }

int reader_start_segment(cw_reader *rd, cw_form form, uint64_t offset)
{
	if (rd->len || rd->finished || rd->next_index || rd->buf_offset)
		return -1;
	rd->form = form;
	split_reset(&rd->split);
	if (offset) {
		/* Inside the file: a unit boundary (parser/input/segments.c), after units, with no
		 * byte-order mark to look for. */
		rd->next_index = 1;
		rd->buf_offset = offset;
		rd->wide.enc = WIDE_NONE;
	}
	return 0;
}

/* Length of the next complete unit at the start of the pending input, or 0 when more input is
 * needed. */
static size_t next_unit_length(cw_reader *rd)
{
	/* Nothing fed yet (an empty input): the splitters still get a terminated buffer. */
	const char *buf = rd->buf ? rd->buf : "";
	switch (rd->form) {
	case CW_FORM_CABLES_CSV:
		return split_csv(&rd->split, buf, rd->len, rd->finished);
	case CW_FORM_TEXT:
	case CW_FORM_PDF_TEXT:
		return split_text(&rd->split, buf, rd->len, rd->finished);
	case CW_FORM_ANPA:
	case CW_FORM_IPTC7901:
		return split_wire(&rd->split, buf, rd->len, rd->finished);
	case CW_FORM_REUTERS_SGML:
		return split_sgml(&rd->split, buf, rd->len, rd->finished);
	case CW_FORM_NITF:
		return split_xml_documents(&rd->split, buf, rd->len, rd->finished);
	case CW_FORM_NEWSML_G2:
		return split_xml_items(&rd->split, buf, rd->len, rd->finished, "newsItem");
	case CW_FORM_NEWSML:
		return split_xml_items(&rd->split, buf, rd->len, rd->finished, "NewsItem");
	case CW_FORM_NINJS:
		return split_json_objects(&rd->split, buf, rd->len, rd->finished);
	default:
		/* One unit per input. */
		rd->split.scan = rd->len;
		return rd->finished ? rd->len : 0;
	}
}

/* A unit over the size limit is not buffered whole: the bytes scanned past the limit are
 * dropped (counted, lines included) and the unit becomes an error record. */
static void drop_over_limit(cw_reader *rd)
{
	size_t max = rd->opt ? rd->opt->max_unit_bytes : (size_t)-1;
	size_t scan = rd->split.scan;
	if (scan <= max || rd->len <= max)
		return;
	size_t drop = scan - max;
	for (size_t i = max; i < scan; i++)
		rd->dropped_lines += rd->buf[i] == '\n';
	memmove(rd->buf + max, rd->buf + scan, rd->len - scan);
	rd->len -= drop;
	rd->buf[rd->len] = '\0';
	rd->split.scan = max;
	if (rd->split.xml_tag > max)
		rd->split.xml_tag = max; /* the markup being read began in what was dropped */
	rd->dropped += drop;
}

static cw_unit *make_unit(cw_reader *rd, size_t n)
{
	cw_unit *u = calloc(1, sizeof(*u));
	if (!u)
		return NULL;
	if (give_transport(rd, u) != 0) {
		free(u);
		return NULL;
	}
	size_t keep = n;
	size_t max = rd->opt ? rd->opt->max_unit_bytes : (size_t)-1;
	if (keep > max || rd->dropped) {
		u->oversize = 1;
		if (keep > max)
			keep = max;
	}
	u->full_len = n + rd->dropped;
	u->path = strdup(rd->path);
	/* A unit that is all the pending input and fills at least half of the buffer (every
	 * one-unit input: a page, a story, a single telegram; a long cables.csv row fed to its
	 * end) takes the reader's buffer over instead of a copy of it: a 50 MB unit cost 50 MB
	 * more than needed until its record was freed (issue 7). A small unit is still copied
	 * rather than keep a mostly empty buffer; the next feed starts a new one. rd->buf still
	 * points at the bytes for consume(), which counts their lines; the caller then clears
	 * it. */
	int take = rd->mem && n == rd->len && keep == n && !u->oversize && (n + 1) * 2 > rd->cap;
	if (take && u->path) {
		if (rd->buf != rd->mem)
			memmove(rd->mem, rd->buf, n);
		u->bytes = rd->buf = rd->mem;
		rd->mem = NULL;
		rd->cap = 0;
	} else {
		take = 0;
		u->bytes = malloc(keep + 1);
	}
	if (!u->bytes || !u->path) {
		free(u->bytes);
		free(u->path);
		free(u->transport);
		free(u);
		return NULL;
	}
	if (keep && !take)
		memcpy(u->bytes, rd->buf, keep);
	u->bytes[keep] = '\0';
	u->len = keep;
	u->form = rd->form;
	u->index = rd->next_index++;
	u->file_offset = rd->buf_offset;
	u->file_line = rd->buf_line;
	u->broken = rd->split.broken;
	u->encoding = wide_name(&rd->wide);
	rd->split.broken = 0;
	if (rd->form == CW_FORM_NEWSML_G2 || rd->form == CW_FORM_NEWSML) {
		/* An item cut from a document of several: what it is read inside. */
		u->wrap = split_xml_wrap(&rd->split, &u->wrap_open, &u->wrap_len);
		if (!u->wrap && u->wrap_len) {
			cw_unit_free(u);
			return NULL;
		}
	}
	return u;
}

/* Drops the first n pending bytes, keeping the file position of what remains. */
static void consume(cw_reader *rd, size_t n)
{
	/* A word at a time: one memchr call a line was 2% of a cables.csv run. Not when nothing
	 * can follow (the input's last unit, a page): no later unit asks for the count. */
	if (n && !(rd->finished && n == rd->len))
		rd->buf_line += (uint32_t)runs_count((const unsigned char *)rd->buf, n, '\n');
	rd->buf_line += (uint32_t)rd->dropped_lines;
	if (n)
		rd->buf += n;
	rd->len -= n;
	if (rd->buf)
		rd->buf[rd->len] = '\0';
	rd->buf_offset += n + rd->dropped;
	rd->dropped = 0;
	rd->dropped_lines = 0;
	rd->split.scan = 0;
}

/* A unit of blank lines only (between rows or telegrams) holds nothing to lose. */
static int blank_unit(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n' && p[i] != '\f')
			return 0;
	return 1;
}

/* A long blank stretch where a unit would start (2 GiB of newlines, compressed to 72 KB, held
 * whole until the end: 2.65 GB of memory) is dropped as it comes, counted in offsets and
 * lines; an input that is blank to its end keeps its last BLANK_KEEP bytes, which give its one
 * record. Memory stays flat whatever the stretch's length. Only forms cut into many units:
 * a one-unit form holds its unit whole anyway. */
enum { BLANK_KEEP = 64 * 1024 };

static void drop_blank_stretch(cw_reader *rd)
{
	switch (rd->form) {
	case CW_FORM_CABLES_CSV: case CW_FORM_TEXT: case CW_FORM_PDF_TEXT: case CW_FORM_ANPA:
	case CW_FORM_IPTC7901: case CW_FORM_REUTERS_SGML: case CW_FORM_NITF:
	case CW_FORM_NEWSML_G2: case CW_FORM_NEWSML: case CW_FORM_NINJS:
		break;
	default:
		return;
	}
	if (rd->len <= BLANK_KEEP || rd->dropped || !blank_unit(rd->buf, rd->len))
		return;
	size_t n = rd->next_index > 0 ? rd->len : rd->len - BLANK_KEEP;
	consume(rd, n);
	/* Between two members of a ninjs array the array goes on. */
	int array = rd->split.json_array;
	split_reset(&rd->split);
	rd->split.json_array = array;
}

cw_status cw_reader_next_unit(cw_reader *rd, cw_unit **out)
{
	*out = NULL;
	if (!rd)
		return CW_EINVAL;
	if (rd->oom)
		return CW_ENOMEM;
	for (;;) {
		if (rd->drained)
			return CW_END;
		if (rd->form == CW_FORM_AUTO) {
			if (!rd->finished && rd->len < 64 * 1024)
				return CW_AGAIN;
			rd->form = rd->buf ? form_detect_in_place(rd->buf, rd->len)
					   : form_detect("", 0);
			split_reset(&rd->split);
		}
		size_t n = next_unit_length(rd);
		if (n == 0 && !rd->finished) {
			drop_blank_stretch(rd);
			drop_over_limit(rd);
			return CW_AGAIN;
		}
		if (n == 0 && rd->next_index > 0) {
			rd->drained = 1;
			return CW_END;
		}
		/* Blank stretches between units are skipped, and so are a ninjs array's brackets and
		 * commas (separator pieces); an input that is nothing but blank (or empty) still
		 * yields one record. */
		int separator = rd->split.separator;
		rd->split.separator = 0;
		if (n > 0 && (rd->next_index > 0 || n < rd->len) && !rd->dropped &&
		    (separator || blank_unit(rd->buf, n))) {
			consume(rd, n);
			if (rd->finished && rd->len == 0 && rd->next_index > 0) {
				rd->drained = 1;
				return CW_END;
			}
			continue;
		}
		cw_unit *u = make_unit(rd, n);
		if (!u)
			return CW_ENOMEM;
		consume(rd, n);
		if (!rd->mem)
			rd->buf = NULL; /* the unit took the buffer over (make_unit) */
		if (rd->finished && rd->len == 0)
			rd->drained = 1;
		*out = u;
		return CW_OK;
	}
}

/* ---- units ------------------------------------------------------------------------------ */

void cw_unit_free(cw_unit *u)
{
	if (!u)
		return;
	free(u->bytes);
	free(u->path);
	free(u->transport);
	free(u->wrap);
	free(u);
}

uint64_t cw_unit_index(const cw_unit *u) { return u ? u->index : 0; }
size_t cw_unit_size(const cw_unit *u) { return u ? u->len : 0; }
