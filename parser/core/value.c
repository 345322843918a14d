#include "parser/core/value.h"

#include <string.h>

/* A shared null for lookups that find nothing would be a global; callers get NULL instead and
 * cw_value_type(NULL) reports CW_NULL. */


cw_value *val_str_copy(arena *a, const char *s, size_t len)
{
	if (!s)
		return val_null(a);
	char *c = arena_strndup(a, s, len);
	return c ? val_str(a, c, len) : NULL;
}

static void append(arena *a, cw_value *list, const char *key, cw_value *v)
{
	cw_member *m = arena_alloc(a, sizeof(*m));
	if (!m || !list)
		return;
	m->key = key;
	m->value = v ? v : val_null(a);
	if (list->u.list.last)
		list->u.list.last->next = m;
	else
		list->u.list.first = m;
	list->u.list.last = m;
	list->u.list.count++;
}

cw_value *arr_push(arena *a, cw_value *arr, cw_value *v)
{
	append(a, arr, NULL, v);
	return v;
}

/* Keys are mostly the same string literals: the pointer and the first byte settle most
 * comparisons without a call to strcmp (puts and finds scan every member). */
static inline int same_key(const char *a, const char *b)
{
	return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

/* A bit of the object's key mask from the key's first two bytes (content, not address: keys are
 * compared by content). A clear bit means no member has the key. */
static inline uint32_t key_bit(const char *k)
{
	unsigned c0 = (unsigned char)k[0];
	return c0 ? UINT32_C(1) << ((c0 + 3u * (unsigned char)k[1]) & 31) : 1;
}

/* Objects of a shape hold catalogue bits, not key_bit's: looked up by key alone, every member
 * is read. */
static inline uint32_t key_bits(const cw_value *obj, const char *key)
{
	return obj->shape ? UINT32_MAX : key_bit(key);
}

cw_value *obj_find(cw_value *obj, const char *key)
{
	if (!obj || obj->type != CW_OBJECT || !(obj->u.list.keys & key_bits(obj, key)))
		return NULL;
	for (cw_member *m = obj->u.list.first; m; m = m->next)
		if (same_key(m->key, key))
			return m->value;
	return NULL;
}

const cw_value *obj_get(const cw_value *obj, const char *key)
{
	return obj_find((cw_value *)obj, key);
}

/* The member of that key given v when the object may hold it (its key mask says so), else v
 * appended as a new member and the key's bits set: obj_put's and obj_put_bit_slow's end. */
static cw_value *put_member(arena *a, cw_value *obj, const char *key, cw_value *v,
			    uint32_t may_hold, uint32_t bit)
{
	if (may_hold)
		for (cw_member *m = obj->u.list.first; m; m = m->next)
			if (same_key(m->key, key)) {
				m->value = v;
				return v;
			}
	append(a, obj, key, v);
	obj->u.list.keys |= bit;
	return v;
}

cw_value *obj_put(arena *a, cw_value *obj, const char *key, cw_value *v)
{
	if (!obj || obj->type != CW_OBJECT)
		return v;
	if (!v)
		v = val_null(a);
	/* a key put without its catalogue bit on an object of a shape: every later lookup of
	 * that object reads every member */
	uint32_t bit = obj->shape ? UINT32_MAX : key_bit(key);
	return put_member(a, obj, key, v, obj->u.list.keys & key_bits(obj, key), bit);
}

cw_value *obj_put_bit_slow(arena *a, cw_value *obj, const char *key, uint32_t bit, cw_value *v)
{
	if (!obj || obj->type != CW_OBJECT)
		return v;
	if (!obj->shape)
		return obj_put(a, obj, key, v);
	if (!v)
		v = val_null(a);
	/* a field set again (null first, its value later): found by the key's address, which the
	 * catalogue gives every put of it */
	return put_member(a, obj, key, v, obj->u.list.keys & bit, bit);
}

cw_value *obj_find_bit(cw_value *obj, const char *key, uint32_t bit)
{
	if (!obj || obj->type != CW_OBJECT)
		return NULL;
	if (!obj->shape)
		return obj_find(obj, key);
	if (!(obj->u.list.keys & bit))
		return NULL;
	for (cw_member *m = obj->u.list.first; m; m = m->next)
		if (same_key(m->key, key))
			return m->value;
	return NULL;
}

void obj_put_str(arena *a, cw_value *obj, const char *key, const char *s, size_t len)
{
	obj_put(a, obj, key, s ? val_str(a, s, len) : val_null(a));
}

void obj_put_cstr(arena *a, cw_value *obj, const char *key, const char *s)
{
	obj_put(a, obj, key, val_cstr(a, s));
}

void obj_put_int(arena *a, cw_value *obj, const char *key, int64_t i)
{
	obj_put(a, obj, key, val_int(a, i));
}

void obj_put_bool(arena *a, cw_value *obj, const char *key, int b)
{
	obj_put(a, obj, key, val_bool(a, b));
}

static cw_value *child(arena *a, cw_value *obj, const char *key, cw_type t)
{
	cw_value *v = obj_find(obj, key);
	if (v && v->type == t)
		return v;
	return obj_put(a, obj, key, t == CW_OBJECT ? val_object(a) : val_array(a));
}

cw_value *obj_child_object(arena *a, cw_value *obj, const char *key)
{
	return child(a, obj, key, CW_OBJECT);
}

cw_value *obj_child_array(arena *a, cw_value *obj, const char *key)
{
	return child(a, obj, key, CW_ARRAY);
}

/* ---- public read accessors ---- */

cw_type cw_value_type(const cw_value *v) { return v ? v->type : CW_NULL; }

const char *cw_value_string(const cw_value *v, size_t *len)
{
	if (!v || v->type != CW_STRING) {
		if (len)
			*len = 0;
		return NULL;
	}
	if (len)
		*len = v->u.str.len;
	return v->u.str.s;
}

int64_t cw_value_int(const cw_value *v) { return v && v->type == CW_INT ? v->u.i : 0; }
int cw_value_bool(const cw_value *v) { return v && v->type == CW_BOOL ? v->u.b : 0; }

size_t cw_value_count(const cw_value *v)
{
	return v && (v->type == CW_ARRAY || v->type == CW_OBJECT) ? v->u.list.count : 0;
}

const cw_value *cw_value_get(const cw_value *obj, const char *path)
{
	while (obj && path && *path) {
		if (obj->type != CW_OBJECT)
			return NULL;
		const char *dot = strchr(path, '.');
		size_t n = dot ? (size_t)(dot - path) : strlen(path);
		const cw_value *found = NULL;
		for (const cw_member *m = obj->u.list.first; m; m = m->next)
			if (strncmp(m->key, path, n) == 0 && m->key[n] == '\0') {
				found = m->value;
				break;
			}
		obj = found;
		path = dot ? dot + 1 : NULL;
	}
	return obj;
}

const cw_value *cw_value_at(const cw_value *v, size_t i)
{
	for (const cw_member *m = cw_value_first(v); m; m = m->next)
		if (i-- == 0)
			return m->value;
	return NULL;
}

const cw_member *cw_value_first(const cw_value *v)
{
	return v && (v->type == CW_ARRAY || v->type == CW_OBJECT) ? v->u.list.first : NULL;
}

const cw_member *cw_member_next(const cw_member *m) { return m ? m->next : NULL; }
const char *cw_member_key(const cw_member *m) { return m ? m->key : NULL; }
const cw_value *cw_member_value(const cw_member *m) { return m ? m->value : NULL; }
