#include "cli/diagnostics.h"

#include <string.h>

#include "cli/options.h"
#include "cli/shown.h"

/* Errors shown so far, for --max-errors. */
static long errors_shown;

int diag_cap_reached(void)
{
	return common.max_errors && errors_shown >= common.max_errors;
}

/* SGR colours as compilers use them: the severity coloured, the location and the code bold. */
static const char *severity_colour(cw_severity s)
{
	switch (s) {
	case CW_ERROR: return "\033[1;31m";
	case CW_WARNING: return "\033[1;35m";
	default: return "\033[1;36m";
	}
}

enum { WINDOW = 100 };  /* longest excerpt of a source line shown */

static void print_source(FILE *out, const cw_record *rec, const cw_diag *d)
{
	size_t len;
	uint64_t base;
	uint32_t first_line;
	const char *in = cw_record_input(rec, &len, &base, &first_line);
	if (!in || d->offset < base)
		return;
	size_t off = (size_t)(d->offset - base);
	if (off > len)
		return;
	size_t start = off, end = off;
	while (start > 0 && in[start - 1] != '\n')
		start--;
	while (end < len && in[end] != '\n' && in[end] != '\r')
		end++;
	/* Long lines (a whole <pre> block is one line of HTML) are cut to a window around the
	 * column, so the caret stays on screen. */
	size_t from = start, to = end;
	if (to - from > WINDOW) {
		from = off > start + WINDOW / 3 ? off - WINDOW / 3 : start;
		to = from + WINDOW < end ? from + WINDOW : end;
		/* Do not start or end inside a UTF-8 sequence. */
		while (from > start && ((unsigned char)in[from] & 0xC0) == 0x80)
			from--;
		while (to < end && ((unsigned char)in[to] & 0xC0) == 0x80)
			to++;
	}
	fputs("    ", out);
	if (from > start)
		fputs("...", out);
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)in[i];
		fputc(c < 0x20 && c != '\t' ? ' ' : c, out);
	}
	if (to < end)
		fputs("...", out);
	fputs("\n    ", out);
	if (from > start)
		fputs("   ", out);
	for (size_t i = from; i < off && i < to; i++) {
		unsigned char c = (unsigned char)in[i];
		if ((c & 0xC0) == 0x80)
			continue; /* one column per character, not per byte */
		fputc(c == '\t' ? '\t' : ' ', out);
	}
	fputs("^\n", out);
}

size_t diag_print_record(FILE *out, const cw_record *rec, cw_severity min, int with_source)
{
	return diag_print_record_as(out, rec, min, with_source, CW_NOTE, CW_NOTE);
}

size_t diag_print_record_as(FILE *out, const cw_record *rec, cw_severity min, int with_source,
			    cw_severity from, cw_severity to)
{
	size_t n = cw_record_diag_count(rec), printed = 0;
	size_t plen;
	const char *path = cw_value_string(cw_value_get(cw_record_root(rec), "source.path"), &plen);
	if (!path)
		path = "-", plen = 1;
	for (size_t i = 0; i < n; i++) {
		const cw_diag *d = cw_record_diag(rec, i);
		if (d->severity < min || code_ignored(d->code))
			continue;
		cw_severity sev = d->severity == from ? to : d->severity;
		if (sev == CW_ERROR) {
			if (diag_cap_reached())
				continue;
			errors_shown++;
		}
		/* Names and messages (which quote the input) may hold control characters: an ESC
		 * in a member name must not drive the terminal (cli/shown.h). */
		if (common.colour)
			fprintf(out, "\033[1m%s:%u:%u:\033[0m %s%s:\033[0m %s \033[1m[%s]\033[0m\n",
				shown_n(path, plen).s, d->line, d->column, severity_colour(sev),
				cw_severity_name(sev), shown(d->message).s, d->code);
		else
			fprintf(out, "%s:%u:%u: %s: %s [%s]\n", shown_n(path, plen).s, d->line,
				d->column, cw_severity_name(sev), shown(d->message).s, d->code);
		if (with_source)
			print_source(out, rec, d);
		printed++;
	}
	return printed;
}
