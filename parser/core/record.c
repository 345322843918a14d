#include "parser/core/record.h"

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
	rec->input = input;
	rec->input_len = len;
	rec->file_offset = file_offset;
	rec->file_line = file_line ? file_line : 1;
	rec->max_items = opt ? opt->max_items : 1000000;
	diag_list_init(&rec->diags, &rec->arena, len, MAX_DIAGS_DEFAULT);
	rec->kind = "cable";
	rec->root = val_object(&rec->arena);
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
		while (pos < d->unit_off) {
			if (rec->input[pos] == '\n') {
				line++;
				line_start = pos + 1;
			}
			pos++;
		}
		d->d.line = line;
		d->d.column = (uint32_t)(d->unit_off - line_start + 1);
		d->d.offset = rec->file_offset + d->unit_off;
	}

	arena *a = &rec->arena;
	cw_value *list = val_array(a);
	for (size_t i = 0; i < dl->n; i++) {
		const cw_diag *d = &dl->items[i].d;
		cw_value *o = val_object(a);
		obj_put_cstr(a, o, "severity", cw_severity_name(d->severity));
		obj_put_cstr(a, o, "code", d->code);
		obj_put_int(a, o, "line", d->line);
		obj_put_int(a, o, "column", d->column);
		obj_put_int(a, o, "offset", (int64_t)d->offset);
		obj_put_cstr(a, o, "message", d->message);
		arr_push(a, list, o);
	}
	obj_put(a, rec->root, "diagnostics", list);
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
	text_free(&rec->text);
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
