/* Line mode (cw_parse_line; cablewire parse --lines): one input per line of a stream, as the
 * engines that pipe records through a command hand them over (Hadoop Streaming, Spark's
 * RDD.pipe). The line's JSON is decoded by lexer/input/json_line.re; its text is read like a
 * file named by its "name", and every record says which line it came from (source.line). */
#include <stdlib.h>
#include <string.h>

#include "lexer/input/json_line.h"
#include "parser/core/fields.h"
#include "parser/core/record.h"

static void set_line(cw_record *rec, uint64_t lineno)
{
	cw_value *src = rec_find(rec->root, F_SOURCE);
	if (src)
		rec_set_int(&rec->arena, src, F_SOURCE_LINE, (int64_t)lineno);
}

static int blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return 0;
	return 1;
}

/* The error record of a line that is not what line mode reads: its input is the line itself,
 * the diagnostic located where the JSON goes wrong. */
static cw_record *line_error(const cw_options *opt, const char *line, size_t len,
			     uint64_t lineno, const json_line *jl)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, line, len);
	copy[len] = '\0';
	cw_record *rec = record_new(opt, copy, len, 0, lineno > UINT32_MAX ? UINT32_MAX
									: (uint32_t)lineno);
	if (!rec)
		return NULL;
	record_begin(rec, "error", "-", NULL, 0, 0, len);
	rec_diag_in(rec, CW_ERROR, "LINE_INVALID", jl->error_at,
		    "line %llu is not an input of line mode: %s expected here",
		    (unsigned long long)lineno, jl->error);
	set_line(rec, lineno);
	record_finish(rec);
	return rec;
}

int cw_parse_line(const cw_options *opt, const char *line, size_t len, uint64_t lineno,
		  cw_record_fn fn, void *ctx)
{
	if (len && line[len - 1] == '\n')
		len--;
	if (blank(line, len))
		return 0;
	/* The decoder wants a NUL after the line. */
	char *buf = malloc(len + 1);
	if (!buf)
		return -1;
	memcpy(buf, line, len);
	buf[len] = '\0';
	json_line jl;
	int stop = 0;
	if (json_line_decode(buf, len, &jl) != 0) {
		cw_record *rec = jl.oom ? NULL : line_error(opt, buf, len, lineno, &jl);
		stop = rec ? fn(ctx, rec) : -1;
	} else {
		cw_reader *rd = cw_reader_new(opt, jl.name ? jl.name : "-");
		if (!rd || cw_reader_feed(rd, jl.text, jl.text_len) != CW_OK) {
			stop = -1;
		} else {
			cw_reader_finish(rd);
			cw_record *rec;
			cw_status s;
			while (!stop && (s = cw_reader_next(rd, &rec)) == CW_OK) {
				set_line(rec, lineno);
				stop = fn(ctx, rec);
			}
			if (!stop && s == CW_ENOMEM)
				stop = -1;
		}
		cw_reader_free(rd);
	}
	json_line_free(&jl);
	free(buf);
	return stop;
}
