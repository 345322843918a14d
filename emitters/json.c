/* JSON (one array of records) and JSON Lines (one record a line). */
#include <stdlib.h>

#include "emitter.h"

static void indent(sink *s, int depth)
{
	sink_putc(s, '\n');
	for (int i = 0; i < depth; i++)
		sink_put(s, "  ", 2);
}

static void write_value(sink *s, const cw_value *v, int pretty, int depth)
{
	switch (cw_value_type(v)) {
	case CW_NULL:
		sink_put(s, "null", 4);
		break;
	case CW_BOOL:
		sink_puts(s, cw_value_bool(v) ? "true" : "false");
		break;
	case CW_INT:
		sink_int(s, cw_value_int(v));
		break;
	case CW_STRING: {
		size_t n;
		const char *str = cw_value_string(v, &n);
		sink_json_string(s, str, n);
		break;
	}
	case CW_ARRAY:
	case CW_OBJECT: {
		int obj = cw_value_type(v) == CW_OBJECT;
		const cw_member *m = cw_value_first(v);
		sink_putc(s, obj ? '{' : '[');
		for (int first = 1; m; m = cw_member_next(m), first = 0) {
			if (!first)
				sink_putc(s, ',');
			if (pretty)
				indent(s, depth + 1);
			if (obj) {
				const char *k = cw_member_key(m);
				sink_json_string(s, k, strlen(k));
				sink_put(s, pretty ? ": " : ":", pretty ? 2 : 1);
			}
			write_value(s, cw_member_value(m), pretty, depth + 1);
		}
		if (pretty && cw_value_first(v))
			indent(s, depth);
		sink_putc(s, obj ? '}' : ']');
		break;
	}
	}
}

void json_write_value(sink *s, const cw_value *v, int pretty, int depth)
{
	write_value(s, v, pretty, depth);
}

static int array_begin(cw_emitter *em)
{
	sink_putc(&em->out, '[');
	return 0;
}

static int array_record(cw_emitter *em, const cw_record *rec)
{
	sink *s = &em->out;
	if (em->count)
		sink_putc(s, ',');
	if (em->pretty)
		indent(s, 1);
	write_value(s, cw_record_root(rec), em->pretty, 1);
	return 0;
}

static int array_end(cw_emitter *em)
{
	if (em->pretty && em->count)
		sink_putc(&em->out, '\n');
	sink_put(&em->out, "]\n", 2);
	return 0;
}

static int line_record(cw_emitter *em, const cw_record *rec)
{
	write_value(&em->out, cw_record_root(rec), 0, 0);
	sink_putc(&em->out, '\n');
	return 0;
}

const emitter_ops json_ops = { "json", array_begin, array_record, array_end };
const emitter_ops jsonl_ops = { "jsonl", NULL, line_record, NULL };

int cw_value_write_json(const cw_value *v, cw_write_fn write, void *ctx, int pretty)
{
	sink *s = malloc(sizeof(*s));
	if (!s)
		return -1;
	sink_init(s, write, ctx);
	write_value(s, v, pretty, 0);
	sink_putc(s, '\n');
	int rc = sink_flush(s);
	free(s);
	return rc;
}
