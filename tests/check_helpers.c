#include "check_helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cw_record *parse_buf(const char *s, size_t n, const char *path, cw_form form)
{
	cw_options *opt = cw_options_new();
	cw_options_set_form(opt, form);
	cw_record *rec = cw_parse(opt, s, n, path);
	cw_options_free(opt);
	ck_assert_ptr_nonnull(rec);
	return rec;
}

cw_record *parse_str(const char *s, const char *path)
{
	return parse_buf(s, strlen(s), path, CW_FORM_AUTO);
}

typedef struct membuf {
	char *p;
	size_t n, cap;
} membuf;

static int mem_write(void *ctx, const char *buf, size_t len)
{
	membuf *m = ctx;
	if (m->n + len + 1 > m->cap) {
		m->cap = (m->n + len + 1) * 2;
		m->p = realloc(m->p, m->cap);
		if (!m->p)
			return -1;
	}
	memcpy(m->p + m->n, buf, len);
	m->n += len;
	m->p[m->n] = '\0';
	return 0;
}

char *record_json(const cw_record *rec)
{
	membuf m = { NULL, 0, 0 };
	ck_assert_int_eq(cw_value_write_json(cw_record_root(rec), mem_write, &m, 0), 0);
	return m.p;
}

json_t *record_jansson(const cw_record *rec)
{
	char *s = record_json(rec);
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);
	if (!j)
		ck_abort_msg("record is not valid JSON: %s at %d:%d", err.text, err.line, err.column);
	free(s);
	return j;
}

const char *rec_str(const cw_record *rec, const char *path)
{
	/* Values are slices, not C strings: copy into one of a few rotating buffers so that two
	 * calls can sit in one assertion. */
	static char bufs[4][4096];
	static int next;
	size_t n;
	const char *s = cw_value_string(cw_value_get(cw_record_root(rec), path), &n);
	if (!s)
		return NULL;
	char *b = bufs[next++ % 4];
	if (n >= sizeof bufs[0])
		n = sizeof bufs[0] - 1;
	memcpy(b, s, n);
	b[n] = '\0';
	return b;
}

int json_subset(const json_t *e, const json_t *a, char *where, size_t size)
{
	if (json_is_object(e)) {
		if (!json_is_object(a)) {
			snprintf(where, size, "(not an object)");
			return 1;
		}
		const char *k;
		json_t *v;
		json_object_foreach((json_t *)e, k, v) {
			json_t *av = json_object_get(a, k);
			if (!av) {
				snprintf(where, size, ".%s (missing)", k);
				return 1;
			}
			char sub[512];
			if (json_subset(v, av, sub, sizeof sub)) {
				snprintf(where, size, ".%s%s", k, sub);
				return 1;
			}
		}
		return 0;
	}
	if (json_is_array(e)) {
		if (!json_is_array(a) || json_array_size(a) != json_array_size(e)) {
			snprintf(where, size, " (array length %zu, expected %zu)",
				 json_is_array(a) ? json_array_size(a) : 0, json_array_size(e));
			return 1;
		}
		for (size_t i = 0; i < json_array_size(e); i++) {
			char sub[512];
			if (json_subset(json_array_get(e, i), json_array_get(a, i), sub, sizeof sub)) {
				snprintf(where, size, "[%zu]%s", i, sub);
				return 1;
			}
		}
		return 0;
	}
	if (!json_equal((json_t *)e, (json_t *)a)) {
		char *es = json_dumps(e, JSON_ENCODE_ANY), *as = json_dumps(a, JSON_ENCODE_ANY);
		snprintf(where, size, ": got %s, expected %s", as ? as : "?", es ? es : "?");
		free(es);
		free(as);
		return 1;
	}
	return 0;
}

int has_diag(const cw_record *rec, const char *code)
{
	for (size_t i = 0; i < cw_record_diag_count(rec); i++)
		if (strcmp(cw_record_diag(rec, i)->code, code) == 0)
			return 1;
	return 0;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (cap - n - 1 == 0)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
