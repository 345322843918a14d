/* Clean text: the telegram or the story as a reader wants it, rebuilt from the record's fields, so
 * page breaks, section markers, pilcrows, markup, wire framing and site chrome are gone. A form
 * feed line separates records. */
#include "emitters/emitter.h"

static const char *str(const cw_value *root, const char *path, size_t *n)
{
	size_t len = 0;
	const char *s = cw_value_string(cw_value_get(root, path), &len);
	if (n)
		*n = len;
	return s && len ? s : NULL;
}

/* Writes the string at path (strings in a record are not NUL-terminated); 1 when there was one. */
static int put(sink *s, const cw_value *root, const char *path)
{
	size_t n;
	const char *v = str(root, path, &n);
	if (v)
		sink_put(s, v, n);
	return v != NULL;
}

/* "LABEL" value "\n", when the value is there. */
static void line(sink *s, const char *label, const cw_value *root, const char *path)
{
	size_t n;
	const char *v = str(root, path, &n);
	if (!v)
		return;
	sink_puts(s, label);
	sink_put(s, v, n);
	sink_putc(s, '\n');
}

/* "LABEL" items joined by sep "\n", items being strings or an object's member. */
static void list_line(sink *s, const char *label, const cw_value *arr, const char *member,
		      const char *sep)
{
	int first = 1;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = member ? cw_value_get(cw_member_value(m), member) : cw_member_value(m);
		size_t n;
		const char *t = cw_value_string(v, &n);
		if (!t || !n)
			continue;
		sink_puts(s, first ? label : sep);
		sink_put(s, t, n);
		first = 0;
	}
	if (!first)
		sink_putc(s, '\n');
}

static void paragraph(sink *s, const cw_value *p)
{
	int64_t number = cw_value_int(cw_value_get(p, "number"));
	sink_putc(s, '\n');
	if (number) {
		sink_int(s, number);
		sink_puts(s, ". ");
	}
	if (str(p, "marking", NULL)) {
		sink_putc(s, '(');
		put(s, p, "marking");
		sink_puts(s, ") ");
	}
	if (put(s, p, "heading"))
		sink_puts(s, ": ");
	put(s, p, "text");
	sink_putc(s, '\n');
	for (const cw_member *m = cw_value_first(cw_value_get(p, "subparagraphs")); m; m = cw_member_next(m)) {
		const cw_value *sp = cw_member_value(m);
		sink_puts(s, "\n   ");
		if (put(s, sp, "label"))
			sink_puts(s, ". ");
		if (str(sp, "marking", NULL)) {
			sink_putc(s, '(');
			put(s, sp, "marking");
			sink_puts(s, ") ");
		}
		put(s, sp, "text");
		sink_putc(s, '\n');
	}
}

static void cable(sink *s, const cw_value *root)
{
	line(s, "", root, "id");
	line(s, "", root, "routing.dtg_raw");
	line(s, "FM ", root, "routing.from.address");
	list_line(s, "TO ", cw_value_get(root, "routing.to"), "address", "\nTO ");
	list_line(s, "INFO ", cw_value_get(root, "routing.info"), "address", "\nINFO ");
	sink_putc(s, '\n');
	line(s, "", root, "classification.raw");
	list_line(s, "", cw_value_get(root, "captions"), NULL, "\n");
	list_line(s, "", cw_value_get(root, "pass_lines"), NULL, "\n");
	if (str(root, "eo.order", NULL)) {
		sink_puts(s, "E.O. ");
		put(s, root, "eo.order");
		const char *decl = str(root, "eo.decl_raw", NULL) ? "eo.decl_raw"
				 : str(root, "eo.decl_code", NULL) ? "eo.decl_code" : NULL;
		if (decl) {
			sink_puts(s, ": DECL: ");
			put(s, root, decl);
		}
		sink_putc(s, '\n');
	}
	list_line(s, "TAGS: ", cw_value_get(root, "tags"), "value", ", ");
	line(s, "SUBJECT: ", root, "subject");
	list_line(s, "REF: ", cw_value_get(root, "references"), "raw", "\n     ");
	line(s, "Classified By: ", root, "classified_by.raw");
	for (const cw_member *m = cw_value_first(cw_value_get(root, "paragraphs")); m; m = cw_member_next(m))
		paragraph(s, cw_member_value(m));
	if (cw_value_count(cw_value_get(root, "signature"))) {
		sink_putc(s, '\n');
		list_line(s, "", cw_value_get(root, "signature"), NULL, "\n");
	}
}

static void article(sink *s, const cw_value *root)
{
	line(s, "", root, "headline");
	list_line(s, "", cw_value_get(root, "deck"), NULL, "\n");
	/* By A and B, Title */
	const cw_value *by = cw_value_get(root, "bylines");
	size_t n = cw_value_count(by), i = 0;
	for (const cw_member *m = cw_value_first(by); m; m = cw_member_next(m), i++) {
		const cw_value *b = cw_member_value(m);
		const char *who = str(b, "name", NULL) ? "name" : str(b, "affiliation", NULL) ? "affiliation" : NULL;
		if (!who)
			continue;
		sink_puts(s, i == 0 ? "By " : i + 1 == n ? " and " : ", ");
		put(s, b, who);
		if (i + 1 == n) {
			if (str(b, "title", NULL)) {
				sink_puts(s, ", ");
				put(s, b, "title");
			}
			sink_putc(s, '\n');
		}
	}
	for (const cw_member *m = cw_value_first(cw_value_get(root, "paragraphs")); m; m = cw_member_next(m)) {
		const cw_value *p = cw_member_value(m);
		if (cw_value_type(cw_value_get(p, "duplicate_of")) == CW_INT)
			continue; /* a repeat of an earlier paragraph */
		size_t len;
		const char *t = str(p, "text", &len);
		if (!t)
			continue;
		sink_putc(s, '\n');
		sink_put(s, t, len);
		sink_putc(s, '\n');
	}
	const cw_value *contrib = cw_value_get(root, "contributors");
	if (cw_value_count(contrib)) {
		sink_putc(s, '\n');
		list_line(s, "", contrib, "text", "\n");
	}
}

static int text_record(cw_emitter *em, const cw_record *rec)
{
	sink *s = &em->out;
	const cw_value *root = cw_record_root(rec);
	if (em->count)
		sink_put(s, "\f\n", 2);
	const char *kind = cw_record_kind(rec);
	if (kind && !strcmp(kind, "cable"))
		cable(s, root);
	else if (kind && !strcmp(kind, "article"))
		article(s, root);
	else
		line(s, "", root, "source.path"); /* an error record: nothing but where it came from */
	return 0;
}

const emitter_ops text_ops = { "text", NULL, text_record, NULL };
