/* Clean text: the telegram or the story as a reader wants it, rebuilt from the record's fields, so
 * page breaks, section markers, pilcrows, markup, wire framing and site chrome are gone. A form
 * feed line separates records. */
#include "emitters/emitter.h"
#include "parser/core/fields.h"

/* v when it is a non-empty string, else NULL. */
static const char *str(const cw_value *v, size_t *n)
{
	size_t len = 0;
	const char *s = cw_value_string(v, &len);
	if (n)
		*n = len;
	return s && len ? s : NULL;
}

/* Writes v when it is a string (strings in a record are not NUL-terminated); 1 when it was. */
static int put(sink *s, const cw_value *v)
{
	size_t n;
	const char *t = str(v, &n);
	if (t)
		sink_utf8_text(s, t, n);
	return t != NULL;
}

/* "LABEL" value "\n", when the value is there. */
static void line(sink *s, const char *label, const cw_value *val)
{
	size_t n;
	const char *v = str(val, &n);
	if (!v)
		return;
	sink_puts(s, label);
	sink_utf8_text(s, v, n);
	sink_putc(s, '\n');
}

/* "LABEL" items joined by sep "\n", items being strings or an object's member. */
static void list_line(sink *s, const char *label, const cw_value *arr, cw_field member,
		      const char *sep)
{
	int first = 1;
	for (const cw_member *m = cw_value_first(arr); m; m = cw_member_next(m)) {
		const cw_value *v = member != F_NONE ? rec_get(cw_member_value(m), member) : cw_member_value(m);
		size_t n;
		const char *t = cw_value_string(v, &n);
		if (!t || !n)
			continue;
		sink_puts(s, first ? label : sep);
		sink_utf8_text(s, t, n);
		first = 0;
	}
	if (!first)
		sink_putc(s, '\n');
}

static void paragraph(sink *s, const cw_value *p)
{
	int64_t number = rec_int(p, F_PARAGRAPH_NUMBER);
	sink_putc(s, '\n');
	if (number) {
		sink_int(s, number);
		sink_puts(s, ". ");
	}
	if (str(rec_get(p, F_PARAGRAPH_MARKING), NULL)) {
		sink_putc(s, '(');
		put(s, rec_get(p, F_PARAGRAPH_MARKING));
		sink_puts(s, ") ");
	}
	if (put(s, rec_get(p, F_PARAGRAPH_HEADING)))
		sink_puts(s, ": ");
	put(s, rec_get(p, F_PARAGRAPH_TEXT));
	sink_putc(s, '\n');
	for (const cw_member *m = cw_value_first(rec_get(p, F_PARAGRAPH_SUBPARAGRAPHS)); m; m = cw_member_next(m)) {
		const cw_value *sp = cw_member_value(m);
		sink_puts(s, "\n   ");
		if (put(s, rec_get(sp, F_SUBPARAGRAPH_LABEL)))
			sink_puts(s, ". ");
		if (str(rec_get(sp, F_SUBPARAGRAPH_MARKING), NULL)) {
			sink_putc(s, '(');
			put(s, rec_get(sp, F_SUBPARAGRAPH_MARKING));
			sink_puts(s, ") ");
		}
		put(s, rec_get(sp, F_SUBPARAGRAPH_TEXT));
		sink_putc(s, '\n');
	}
}

static void cable(sink *s, const cw_value *root)
{
	const cw_value *routing = rec_get(root, F_CABLE_ROUTING);
	line(s, "", rec_get(root, F_ID));
	line(s, "", rec_get(routing, F_ROUTING_DTG_RAW));
	line(s, "FM ", rec_path(routing, F_ROUTING_FROM, F_ADDRESS_ADDRESS));
	list_line(s, "TO ", rec_get(routing, F_ROUTING_TO), F_ADDRESS_ADDRESS, "\nTO ");
	list_line(s, "INFO ", rec_get(routing, F_ROUTING_INFO), F_ADDRESS_ADDRESS, "\nINFO ");
	sink_putc(s, '\n');
	line(s, "", rec_path(root, F_CABLE_CLASSIFICATION, F_CLASSIFICATION_RAW));
	list_line(s, "", rec_get(root, F_CABLE_CAPTIONS), F_NONE, "\n");
	list_line(s, "", rec_get(root, F_CABLE_PASS_LINES), F_NONE, "\n");
	const cw_value *eo = rec_get(root, F_CABLE_EO);
	if (str(rec_get(eo, F_EO_ORDER), NULL)) {
		sink_puts(s, "E.O. ");
		put(s, rec_get(eo, F_EO_ORDER));
		const cw_value *decl = str(rec_get(eo, F_EO_DECL_RAW), NULL) ? rec_get(eo, F_EO_DECL_RAW)
				     : str(rec_get(eo, F_EO_DECL_CODE), NULL) ? rec_get(eo, F_EO_DECL_CODE)
				     : NULL;
		if (decl) {
			sink_puts(s, ": DECL: ");
			put(s, decl);
		}
		sink_putc(s, '\n');
	}
	list_line(s, "TAGS: ", rec_get(root, F_CABLE_TAGS), F_TAG_VALUE, ", ");
	line(s, "SUBJECT: ", rec_get(root, F_CABLE_SUBJECT));
	list_line(s, "REF: ", rec_get(root, F_CABLE_REFERENCES), F_REFERENCE_RAW, "\n     ");
	line(s, "Classified By: ", rec_path(root, F_CABLE_CLASSIFIED_BY, F_CLASSIFIED_BY_RAW));
	for (const cw_member *m = cw_value_first(rec_get(root, F_CABLE_PARAGRAPHS)); m; m = cw_member_next(m))
		paragraph(s, cw_member_value(m));
	if (rec_count(root, F_CABLE_SIGNATURE)) {
		sink_putc(s, '\n');
		list_line(s, "", rec_get(root, F_CABLE_SIGNATURE), F_NONE, "\n");
	}
}

static void article(sink *s, const cw_value *root)
{
	line(s, "", rec_get(root, F_ARTICLE_HEADLINE));
	list_line(s, "", rec_get(root, F_ARTICLE_DECK), F_NONE, "\n");
	/* By A and B, Title */
	const cw_value *by = rec_get(root, F_ARTICLE_BYLINES);
	size_t n = cw_value_count(by), i = 0;
	for (const cw_member *m = cw_value_first(by); m; m = cw_member_next(m), i++) {
		const cw_value *b = cw_member_value(m);
		const cw_value *who = str(rec_get(b, F_BYLINE_NAME), NULL) ? rec_get(b, F_BYLINE_NAME)
				    : str(rec_get(b, F_BYLINE_AFFILIATION), NULL) ? rec_get(b, F_BYLINE_AFFILIATION)
				    : NULL;
		if (!who)
			continue;
		sink_puts(s, i == 0 ? "By " : i + 1 == n ? " and " : ", ");
		put(s, who);
		if (i + 1 == n) {
			if (str(rec_get(b, F_BYLINE_TITLE), NULL)) {
				sink_puts(s, ", ");
				put(s, rec_get(b, F_BYLINE_TITLE));
			}
			sink_putc(s, '\n');
		}
	}
	for (const cw_member *m = cw_value_first(rec_get(root, F_ARTICLE_PARAGRAPHS)); m; m = cw_member_next(m)) {
		const cw_value *p = cw_member_value(m);
		if (cw_value_type(rec_get(p, F_ARTICLE_PARAGRAPH_DUPLICATE_OF)) == CW_INT)
			continue; /* a repeat of an earlier paragraph */
		size_t len;
		const char *t = str(rec_get(p, F_ARTICLE_PARAGRAPH_TEXT), &len);
		if (!t)
			continue;
		sink_putc(s, '\n');
		sink_utf8_text(s, t, len);
		sink_putc(s, '\n');
	}
	const cw_value *contrib = rec_get(root, F_ARTICLE_CONTRIBUTORS);
	if (cw_value_count(contrib)) {
		sink_putc(s, '\n');
		list_line(s, "", contrib, F_CONTRIBUTOR_TEXT, "\n");
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
		line(s, "", rec_path(root, F_SOURCE, F_SOURCE_PATH)); /* an error record: where it came from */
	return 0;
}

const emitter_ops text_ops = { "text", NULL, text_record, NULL };
