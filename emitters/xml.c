/* XML: one <records> document, one element a record, named by the record's kind (<cable>,
 * <article>, <error>). The vocabulary is schema/records.rnc (RELAX NG compact, the source) and
 * schema/records.rng (the same in XML syntax, for xmllint). The value tree maps generically:
 *
 *   object member   a child element named by its key (keys are lowercase snake_case ASCII; any
 *                   other byte would be written _xHH_, see sink_xml_name)
 *   array           an element whose children are <item> elements, one per item, in order
 *   string          text content (escaped by sink_xml_text: C0 controls become U+FFFD)
 *   integer         decimal text;  boolean: true or false
 *   null            the element, empty, with null="true" (so "present but null" survives)
 *   empty string, array or object: the element, empty, without the attribute
 *
 * The root's "kind" member names the record's element and is not repeated inside it. Pretty
 * output indents two spaces a level; compact output puts each record on a line of its own.
 * Text content is never indented or wrapped, so whitespace inside values is exact. */
#include "emitters/emitter.h"
#include "parser/core/fields.h"

#define XML_NS "https://cablewire.example/ns/records/1"

static void indent(sink *s, int depth)
{
	sink_putc(s, '\n');
	for (int i = 0; i < depth; i++)
		sink_put(s, "  ", 2);
}

static void write_element(sink *s, const char *name, size_t nlen, const cw_value *v, int pretty,
			  int depth, const char *skip);

/* The children of an array or object, each on its own line when pretty. */
static void write_children(sink *s, const cw_value *v, int pretty, int depth, const char *skip)
{
	int obj = cw_value_type(v) == CW_OBJECT;
	for (const cw_member *m = cw_value_first(v); m; m = cw_member_next(m)) {
		const char *key = obj ? cw_member_key(m) : "item";
		if (skip && strcmp(key, skip) == 0)
			continue;
		if (pretty)
			indent(s, depth);
		write_element(s, key, strlen(key), cw_member_value(m), pretty, depth, NULL);
	}
}

/* One value as the element `name`; `skip` names a member left out (the record's kind). */
static void write_element(sink *s, const char *name, size_t nlen, const cw_value *v, int pretty,
			  int depth, const char *skip)
{
	sink_putc(s, '<');
	sink_xml_name(s, name, nlen);
	switch (cw_value_type(v)) {
	case CW_NULL:
		sink_puts(s, " null=\"true\"/>");
		return;
	case CW_BOOL:
		sink_putc(s, '>');
		sink_puts(s, cw_value_bool(v) ? "true" : "false");
		break;
	case CW_INT:
		sink_putc(s, '>');
		sink_int(s, cw_value_int(v));
		break;
	case CW_STRING: {
		size_t n;
		const char *str = cw_value_string(v, &n);
		if (n == 0) {
			sink_put(s, "/>", 2);
			return;
		}
		sink_putc(s, '>');
		sink_xml_text(s, str, n);
		break;
	}
	case CW_ARRAY:
	case CW_OBJECT: {
		/* The tag stays open until the first child: an empty list is <name/>. */
		size_t n = 0;
		for (const cw_member *m = cw_value_first(v); m; m = cw_member_next(m))
			if (!skip || !cw_member_key(m) || strcmp(cw_member_key(m), skip) != 0)
				n++;
		if (n == 0) {
			sink_put(s, "/>", 2);
			return;
		}
		sink_putc(s, '>');
		write_children(s, v, pretty, depth + 1, skip);
		if (pretty)
			indent(s, depth);
		break;
	}
	}
	sink_put(s, "</", 2);
	sink_xml_name(s, name, nlen);
	sink_putc(s, '>');
}

static int xml_begin(cw_emitter *em)
{
	sink_puts(&em->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records xmlns=\"" XML_NS
			    "\">");
	return 0;
}

static int xml_record(cw_emitter *em, const cw_record *rec)
{
	/* The root's kind member names the element (cw_record_kind() when it has none). */
	const cw_value *root = cw_record_root(rec);
	size_t klen;
	const char *kind = rec_string(root, F_KIND, &klen);
	if (!kind) {
		kind = cw_record_kind(rec);
		kind = kind ? kind : "error";
		klen = strlen(kind);
	}
	if (em->pretty)
		indent(&em->out, 1);
	else
		sink_putc(&em->out, '\n');
	write_element(&em->out, kind, klen, root, em->pretty, 1, cat_fields[F_KIND].key);
	return 0;
}

static int xml_end(cw_emitter *em)
{
	sink_puts(&em->out, "\n</records>\n");
	return 0;
}

const emitter_ops xml_ops = { "xml", xml_begin, xml_record, xml_end };
