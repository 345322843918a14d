/* JSON (one array of records) and JSON Lines (one record a line). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emitters/emitter.h"
#include "parser/core/value.h"

static void indent(sink *s, int depth)
{
	sink_putc(s, '\n');
	for (int i = 0; i < depth; i++)
		sink_put(s, "  ", 2);
}

/* A key: one of the catalogue's string literals (parser/core/fields.h sets every member by
 * it), so its address names it. Written once through the checks, then kept ready in the sink,
 * after the comma that parts members and quoted with its colon: later records copy it in one
 * move, with the comma or without (the object's first member; a pretty output writes its
 * comma before the line break). A long key or one with a byte to escape goes through the escaper
 * every time. Two places for each address: with one, the record's seventy keys met each other in
 * 256 places often enough that a tenth of them were escaped again for every record, and which
 * ones changed with where the linker put them. */
static void write_key_slow(sink *s, const char *k, int pretty, int comma, sink_key *set);

#if defined(__GNUC__)
__attribute__((always_inline)) /* once for each member of every record */
#endif
static inline void write_key(sink *s, const char *k, int pretty, int comma)
{
	uint64_t a = (uint64_t)(uintptr_t)k * UINT64_C(0x9e3779b97f4a7c15);
	sink_key *set = &s->keys[((size_t)(a >> 40) & (SINK_KEYS / 2 - 1)) * 2];
	sink_key *e = set[0].key == k ? &set[0] : &set[1];
	if (e->key == k && !s->err && sizeof s->buf - s->len >= SINK_KEY_BYTES) {
		memcpy(s->buf + s->len, e->text + !comma, SINK_KEY_BYTES - 1);
		s->len += e->len + (size_t)(comma != 0) + (pretty != 0);
		return;
	}
	write_key_slow(s, k, pretty, comma, set);
}

/* A key met for the first time (or one that is not kept): written through the checks, and kept
 * ready when it can be. */
static void write_key_slow(sink *s, const char *k, int pretty, int comma, sink_key *set)
{
	sink_key *e;
	if (comma)
		sink_putc(s, ',');
	e = set[0].key ? &set[1] : &set[0]; /* where this key is kept, if it can be */
	enum { KEY_FAST = SINK_KEY_BYTES - 5 }; /* the comma, quotes, colon and space */
	if (!s->err && sizeof s->buf - s->len >= SINK_KEY_BYTES) {
		char *o = s->buf + s->len + 1;
		for (size_t i = 0; i < KEY_FAST; i++) {
			unsigned c = (unsigned char)k[i];
			if (c == 0) {
				o[-1] = '"';
				o[i] = '"';
				o[i + 1] = ':';
				o[i + 2] = ' ';
				e->key = k;
				e->len = (uint32_t)(i + 3);
				e->text[0] = ',';
				memcpy(e->text + 1, o - 1, i + 4);
				s->len += i + 3 + (pretty != 0);
				return;
			}
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
				break;
			o[i] = (char)c;
		}
	}
	sink_json_string(s, k, strlen(k));
	sink_put(s, pretty ? ": " : ":", pretty ? 2 : 1);
}

/* The value tree is the library's own (value.h): walked through its fields, not the public
 * accessors, which are calls into another file for every member. */
static void write_value(sink *s, const cw_value *v, int pretty, int depth)
{
	switch (v ? v->type : CW_NULL) {
	case CW_NULL:
		sink_put(s, "null", 4);
		break;
	case CW_BOOL:
		if (v->u.b)
			sink_put(s, "true", 4);
		else
			sink_put(s, "false", 5);
		break;
	case CW_INT:
		sink_int(s, v->u.i);
		break;
	case CW_STRING:
		sink_json_string(s, v->u.str.s, v->u.str.len);
		break;
	case CW_ARRAY:
	case CW_OBJECT: {
		int obj = v->type == CW_OBJECT;
		const cw_member *m = v->u.list.first;
		sink_putc(s, obj ? '{' : '[');
		for (int first = 1; m; m = m->next, first = 0) {
			if (obj && !pretty) {
				write_key(s, m->key, 0, !first);
			} else {
				if (!first)
					sink_putc(s, ',');
				if (pretty)
					indent(s, depth + 1);
				if (obj)
					write_key(s, m->key, pretty, 0);
			}
			/* strings, nulls, integers and booleans, most members (a paragraph's offset
			 * and subhead), without a call of this function */
			const cw_value *c = m->value;
			if (c && c->type == CW_STRING)
				sink_json_string(s, c->u.str.s, c->u.str.len);
			else if (!c || c->type == CW_NULL)
				sink_put(s, "null", 4);
			else if (c->type == CW_INT)
				sink_int(s, c->u.i);
			else if (c->type == CW_BOOL)
				sink_put(s, c->u.b ? "true" : "false", c->u.b ? 4 : 5);
			else
				write_value(s, c, pretty, depth + 1);
		}
		if (pretty && v->u.list.first)
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

/* A growable buffer for cw_record_json. */
typedef struct json_buffer {
	char *p;
	size_t len, cap;
} json_buffer;

static int buffer_write(void *ctx, const char *buf, size_t len)
{
	json_buffer *b = ctx;
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + len + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, buf, len);
	b->len += len;
	b->p[b->len] = '\0';
	return 0;
}

char *cw_record_json(const cw_record *rec, size_t *len)
{
	json_buffer b = { NULL, 0, 0 };
	if (cw_value_write_json(cw_record_root(rec), buffer_write, &b, 0) != 0) {
		free(b.p);
		return NULL;
	}
	/* The JSON Lines line without its newline. */
	if (b.len && b.p[b.len - 1] == '\n')
		b.p[--b.len] = '\0';
	if (len)
		*len = b.len;
	return b.p;
}

void cw_free(void *p)
{
	free(p);
}
