#include "parser/core/record.h"

#include "parser/core/fields.h"
#include "lexer/core/runs.h"
#include "lexer/core/scratch.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DIAGS_DEFAULT = 10000 };

cw_record *record_new(const cw_options *opt, char *input, size_t len, uint64_t file_offset,
		      uint32_t file_line)
{
	cw_record *rec = calloc(1, sizeof(*rec));
	if (!rec) {
		free(input);
		return NULL;
	}
	arena_init(&rec->arena);
	text_init(&rec->text);
	/* The decoded text and its map in the thread's blocks of the last record (scratch.h):
	 * growing them, and freeing them, was a malloc, a realloc and two frees a Reuters story. */
	scratch_block tb = scratch_take(SCRATCH_REC_TEXT), mb = scratch_take(SCRATCH_REC_MAP);
	rec->text.buf = tb.p;
	rec->text.cap = tb.bytes;
	rec->text.map = mb.p;
	rec->text.capmap = mb.bytes / sizeof *rec->text.map;
	rec->input = input;
	rec->input_len = len;
	rec->file_offset = file_offset;
	rec->file_line = file_line ? file_line : 1;
	rec->max_items = opt ? opt->max_items : 1000000;
	diag_list_init(&rec->diags, &rec->arena, len, MAX_DIAGS_DEFAULT);
	rec->kind = "cable";
	rec->root = rec_new_object(&rec->arena, S_CABLE);
	if (!rec->root) {
		cw_record_free(rec);
		return NULL;
	}
	return rec;
}

void rec_diag_at(cw_record *rec, cw_severity sev, const char *code, size_t dec, const char *fmt,
		 ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vin(&rec->diags, sev, code, text_input_offset(&rec->text, dec), fmt, ap);
	va_end(ap);
}

void rec_diag_in(cw_record *rec, cw_severity sev, const char *code, uint64_t in, const char *fmt,
		 ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vin(&rec->diags, sev, code, in, fmt, ap);
	va_end(ap);
}

static int by_position(const void *a, const void *b)
{
	const unit_diag *x = a, *y = b;
	if (x->unit_off != y->unit_off)
		return x->unit_off < y->unit_off ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void record_finish(cw_record *rec)
{
	if (rec->finished)
		return;
	rec->finished = 1;
	diag_list *dl = &rec->diags;
	if (dl->suppressed) {
		/* Make room for the summary even when the list is full. */
		size_t n = dl->suppressed;
		dl->max++;
		rec_diag_in(rec, CW_NOTE, "DIAG_LIMIT", rec->input_len,
			    "%zu more diagnostics were not listed", n);
	}
	if (dl->n > 1)
		qsort(dl->items, dl->n, sizeof(*dl->items), by_position);

	/* One pass over the input assigns lines and columns to the sorted diagnostics. */
	uint64_t pos = 0, line_start = 0;
	uint32_t line = rec->file_line;
	for (size_t i = 0; i < dl->n; i++) {
		unit_diag *d = &dl->items[i];
		if (pos < d->unit_off) {
			/* Counted a block at a time (a byte at a time was a tenth of a run over
			 * WikiLeaks pages, whose diagnostics sit near their ends); the line's start is
			 * then the last newline before the diagnostic, looked for backwards. */
			const unsigned char *in = (const unsigned char *)rec->input;
			size_t k = runs_count(in + pos, (size_t)(d->unit_off - pos), '\n');
			if (k) {
				uint64_t q = d->unit_off;
				while (in[q - 1] != '\n')
					q--;
				line_start = q;
				line += (uint32_t)k;
			}
			pos = d->unit_off;
		}
		d->d.line = line;
		d->d.column = (uint32_t)(d->unit_off - line_start + 1);
		d->d.offset = rec->file_offset + d->unit_off;
	}

	arena *a = &rec->arena;
	cw_value *list = rec_array(a, rec->root, F_DIAGNOSTICS);
	for (size_t i = 0; i < dl->n; i++) {
		const cw_diag *d = &dl->items[i].d;
		cw_value *o = rec_push_object(a, list);
		rec_set_cstr(a, o, F_DIAGNOSTIC_SEVERITY, cw_severity_name(d->severity));
		rec_set_cstr(a, o, F_DIAGNOSTIC_CODE, d->code);
		rec_set_int(a, o, F_DIAGNOSTIC_LINE, d->line);
		rec_set_int(a, o, F_DIAGNOSTIC_COLUMN, d->column);
		rec_set_int(a, o, F_DIAGNOSTIC_OFFSET, (int64_t)d->offset);
		rec_set_cstr(a, o, F_DIAGNOSTIC_MESSAGE, d->message);
	}
}

void record_begin(cw_record *rec, const char *kind, const char *path, const char *format,
		  uint64_t index, uint64_t offset, uint64_t bytes)
{
	arena *a = &rec->arena;
	cw_value *root = rec->root;
	record_set_kind(rec, kind);
	rec_set_null(a, root, F_ID);
	rec_set_null(a, root, F_ID_SOURCE);
	cw_value *src = rec_object(a, root, F_SOURCE);
	rec_set(a, src, F_SOURCE_PATH, val_str_copy(a, path, strlen(path)));
	rec_set_cstr(a, src, F_SOURCE_FORMAT, format);
	rec_set_int(a, src, F_SOURCE_INDEX, (int64_t)index);
	rec_set_int(a, src, F_SOURCE_OFFSET, (int64_t)offset);
	rec_set_int(a, src, F_SOURCE_BYTES, (int64_t)bytes);
	rec_set_int(a, root, F_SCHEMA_VERSION, CW_RECORD_SCHEMA_VERSION);
}

void record_set_kind(cw_record *rec, const char *kind)
{
	rec->kind = kind;
	if (rec->root)
		rec->root->shape = (uint16_t)cat_root_shape(kind);
	rec_set_cstr(&rec->arena, rec->root, F_KIND, kind);
}

const cw_value *cw_record_root(const cw_record *rec) { return rec ? rec->root : NULL; }
const char *cw_record_kind(const cw_record *rec) { return rec ? rec->kind : NULL; }
size_t cw_record_diag_count(const cw_record *rec) { return rec ? rec->diags.n : 0; }

const cw_diag *cw_record_diag(const cw_record *rec, size_t i)
{
	return rec && i < rec->diags.n ? &rec->diags.items[i].d : NULL;
}

size_t cw_record_count_at_least(const cw_record *rec, cw_severity s)
{
	size_t n = 0;
	for (size_t i = 0; rec && i < rec->diags.n; i++)
		n += rec->diags.items[i].d.severity >= s;
	return n;
}

const char *cw_record_input(const cw_record *rec, size_t *len, uint64_t *file_offset,
			    uint32_t *file_line)
{
	if (len)
		*len = rec ? rec->input_len : 0;
	if (file_offset)
		*file_offset = rec ? rec->file_offset : 0;
	if (file_line)
		*file_line = rec ? rec->file_line : 1;
	return rec ? rec->input : NULL;
}

void cw_record_free(cw_record *rec)
{
	if (!rec)
		return;
	arena_release(&rec->arena);
	scratch_give(SCRATCH_REC_TEXT, (scratch_block){ rec->text.buf, rec->text.cap, 0 });
	scratch_give(SCRATCH_REC_MAP, (scratch_block){ rec->text.map,
						       rec->text.capmap * sizeof *rec->text.map, 0 });
	text_init(&rec->text);
	diag_list_free(&rec->diags);
	free(rec->input);
	free(rec);
}

const char *cw_severity_name(cw_severity s)
{
	switch (s) {
	case CW_NOTE: return "note";
	case CW_WARNING: return "warning";
	case CW_ERROR: return "error";
	}
	return "error";
}
