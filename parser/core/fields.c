#include "parser/core/fields.h"

#include <assert.h>
#include <string.h>

cw_value *rec_new_object(arena *a, cw_shape s)
{
	cw_value *v = val_object(a);
	if (v)
		v->shape = (uint16_t)s;
	return v;
}

cw_value *rec_find(cw_value *obj, cw_field f)
{
	return obj_find_bit(obj, cat_puts[f].key, cat_puts[f].bit);
}

cw_value *rec_object(arena *a, cw_value *obj, cw_field f)
{
	assert(cat_fields[f].type == T_OBJECT);
	cw_value *v = rec_find(obj, f);
	if (v && v->type == CW_OBJECT)
		return v;
	return rec_set(a, obj, f, rec_new_object(a, (cw_shape)cat_fields[f].of));
}

static cw_value *new_array(arena *a, cw_field f)
{
	cw_value *v = val_array(a);
	if (v)
		v->field = (uint16_t)f;
	return v;
}

cw_value *rec_new_array(arena *a, cw_field f)
{
	assert(cat_fields[f].type == T_ARRAY);
	return new_array(a, f);
}

cw_value *rec_set_object(arena *a, cw_value *obj, cw_field f)
{
	assert(cat_fields[f].type == T_OBJECT);
	return rec_set(a, obj, f, rec_new_object(a, (cw_shape)cat_fields[f].of));
}

/* The bits of fields f[0, n) for a put of them in one block on obj, or 0 when the puts must go
 * one at a time: obj is no object of a shape, holds one of them already, or one is there twice
 * (each replaced in its place then, as rec_set does). */
static uint32_t block_bits(const cw_value *obj, const cw_field *f, size_t n)
{
	uint32_t bits = 0, clash = 0;
	for (size_t i = 0; i < n; i++) {
		clash |= bits & cat_puts[f[i]].bit;
		bits |= cat_puts[f[i]].bit;
	}
	if (obj->type != CW_OBJECT || !obj->shape || clash || (obj->u.list.keys & bits))
		return 0;
	return bits;
}

/* Members for the n values at v (made by the caller in the same block, members m after them)
 * appended to obj in order. */
static void link_block(cw_value *obj, cw_value *v, cw_member *m, const cw_field *f, size_t n,
		       uint32_t bits)
{
	for (size_t i = 0; i < n; i++)
		m[i] = (cw_member){ i + 1 < n ? &m[i + 1] : NULL, cat_puts[f[i]].key, &v[i] };
	if (obj->u.list.last)
		obj->u.list.last->next = m;
	else
		obj->u.list.first = m;
	obj->u.list.last = &m[n - 1];
	obj->u.list.count += (uint32_t)n;
	obj->u.list.keys |= bits;
}

void rec_set_cstrs(arena *a, cw_value *obj, const cw_field *f, const char *const *s, size_t n)
{
	if (!obj || !n)
		return;
	for (size_t i = 0; i < n; i++)
		assert(rec_put_ok(obj, f[i], NULL) && cat_puts[f[i]].want == CAT_TAG(CW_STRING, 0) &&
		       "field set on an object of another shape or to a value of another type");
	uint32_t bits = block_bits(obj, f, n);
	cw_value *v = bits ? arena_alloc_raw(a, n * (sizeof *v + sizeof(cw_member))) : NULL;
	if (!v) {
		for (size_t i = 0; i < n; i++)
			rec_set_cstr(a, obj, f[i], s[i]);
		return;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = s[i] ? (cw_value){ .type = CW_STRING, .u.str = { s[i], strlen(s[i]) } }
			    : (cw_value){ .type = CW_NULL };
	link_block(obj, v, (cw_member *)(void *)(v + n), f, n, bits);
}

void rec_set_blank(arena *a, cw_value *obj, const cw_field *f, size_t n, cw_value **arrays)
{
	if (!obj || !n)
		return;
	for (size_t i = 0; i < n; i++)
		assert(rec_put_ok(obj, f[i], NULL) && "field set on an object of another shape");
	uint32_t bits = block_bits(obj, f, n);
	cw_value *v = bits ? arena_alloc_raw(a, n * (sizeof *v + sizeof(cw_member))) : NULL;
	if (!v) {
		for (size_t i = 0; i < n; i++) {
			arrays[i] = NULL;
			if (cat_fields[f[i]].type == T_ARRAY)
				arrays[i] = rec_array(a, obj, f[i]);
			else
				rec_set_null(a, obj, f[i]);
		}
		return;
	}
	for (size_t i = 0; i < n; i++) {
		int array = cat_fields[f[i]].type == T_ARRAY;
		v[i] = array ? (cw_value){ .type = CW_ARRAY, .field = (uint16_t)f[i] }
			     : (cw_value){ .type = CW_NULL };
		arrays[i] = array ? &v[i] : NULL;
	}
	link_block(obj, v, (cw_member *)(void *)(v + n), f, n, bits);
}

cw_value *rec_set_array(arena *a, cw_value *obj, cw_field f)
{
	return rec_set(a, obj, f, rec_new_array(a, f));
}

cw_value *rec_array(arena *a, cw_value *obj, cw_field f)
{
	assert(cat_fields[f].type == T_ARRAY);
	/* A field not set yet, the common case (a story's eighteen lists), is told by its bit of
	 * the object's key mask here, without the lookup's call. */
	cw_value *v = obj && obj->type == CW_OBJECT && obj->shape && !(obj->u.list.keys & cat_puts[f].bit)
			      ? NULL
			      : rec_find(obj, f);
	if (v && v->type == CW_ARRAY)
		return v;
	return rec_set(a, obj, f, new_array(a, f));
}

cw_value *rec_new_item(arena *a, cw_field f)
{
	assert(cat_fields[f].type == T_ARRAY && cat_fields[f].of >= 0);
	return rec_new_object(a, (cw_shape)cat_fields[f].of);
}

cw_value *rec_push(arena *a, cw_value *arr, cw_value *v)
{
	if (!arr)
		return v;
#ifndef NDEBUG
	int of = cat_fields[arr->field].of;
	assert(arr->field != F_NONE && "push onto an array made without a field");
	assert((!v || v->type == CW_NULL ||
		(of == OF_STRING && v->type == CW_STRING) || (of == OF_INT && v->type == CW_INT) ||
		(of >= 0 && v->type == CW_OBJECT && v->shape == of)) &&
	       "item of another type pushed");
#endif
	return arr_push(a, arr, v);
}

cw_value *rec_push_object(arena *a, cw_value *arr)
{
	if (!arr)
		return NULL;
	return rec_push(a, arr, rec_new_item(a, (cw_field)arr->field));
}

/* ---- reading ---- */

const cw_value *rec_get(const cw_value *obj, cw_field f)
{
	/* A field of another shape is not there, even when a member has its key: a cable's
	 * paragraphs are not an article's. (Objects made without a shape are read by key.) */
	if (obj && obj->type == CW_OBJECT && obj->shape != S_UNKNOWN &&
	    !cat_shape_holds((cw_shape)obj->shape, f))
		return NULL;
	return obj_find_bit((cw_value *)obj, cat_puts[f].key, cat_puts[f].bit);
}

const cw_value *rec_get_path(const cw_value *obj, const cw_field *path, size_t n)
{
	for (size_t i = 0; i < n && obj; i++)
		obj = rec_get(obj, path[i]);
	return obj;
}

const char *rec_string(const cw_value *obj, cw_field f, size_t *len)
{
	return cw_value_string(rec_get(obj, f), len);
}

int64_t rec_int(const cw_value *obj, cw_field f) { return cw_value_int(rec_get(obj, f)); }
size_t rec_count(const cw_value *obj, cw_field f) { return cw_value_count(rec_get(obj, f)); }
