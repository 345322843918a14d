/* Building the value tree that is a record. Values live in the record's arena; string values are
 * slices of the record's decoded text or arena copies, never malloc'd on their own. */
#ifndef CW_VALUE_H
#define CW_VALUE_H

#include <string.h>

#include "lexer/core/arena.h"
#include "cablewire.h"

struct cw_member {
	cw_member *next;
	const char *key;  /* NULL for array items */
	cw_value *value;
};

struct cw_value {
	cw_type type;
	/* Objects: the catalogue shape they were made for (S_UNKNOWN when made by val_object);
	 * arrays: the catalogue field they were made for (F_NONE when made by val_array). Set by
	 * parser/core/fields.c, which checks puts against them. */
	uint16_t shape, field;
	union {
		int b;
		int64_t i;
		struct {
			const char *s;
			size_t len;
		} str;
		struct {
			cw_member *first, *last;
			uint32_t count;
			/* Objects: one bit for each key stored, so that a put of a new key, the
			 * common case, appends without comparing every member. An object of a shape
			 * has its fields' catalogue bits (cat_put.bit: one field a bit, so a clear bit
			 * means the field is absent and a set one that it is there); one made without
			 * a shape has bits of its keys' first bytes (key_bit in value.c), which two
			 * keys may share. */
			uint32_t keys;
		} list;
	} u;
};

/* Values are made inline: a record's every field makes one, and the arena's bump is a few
 * instructions where the call was more. */
static inline cw_value *val_new(arena *a, cw_type t)
{
	cw_value *v = arena_alloc(a, sizeof(*v));
	if (v)
		v->type = t;
	return v;
}
static inline cw_value *val_null(arena *a) { return val_new(a, CW_NULL); }
static inline cw_value *val_bool(arena *a, int b)
{
	cw_value *v = val_new(a, CW_BOOL);
	if (v)
		v->u.b = b != 0;
	return v;
}
static inline cw_value *val_int(arena *a, int64_t i)
{
	cw_value *v = val_new(a, CW_INT);
	if (v)
		v->u.i = i;
	return v;
}
/* Refers to s without copying: s must live as long as the arena. */
static inline cw_value *val_str(arena *a, const char *s, size_t len)
{
	if (!s)
		return val_null(a);
	cw_value *v = val_new(a, CW_STRING);
	if (v) {
		v->u.str.s = s;
		v->u.str.len = len;
	}
	return v;
}
/* A NUL-terminated string, referred to as val_str does (inline: a Reuters story's thirty
 * header fields). */
static inline cw_value *val_cstr(arena *a, const char *s)
{
	return s ? val_str(a, s, strlen(s)) : val_null(a);
}
cw_value *val_str_copy(arena *a, const char *s, size_t len);
static inline cw_value *val_object(arena *a) { return val_new(a, CW_OBJECT); }
static inline cw_value *val_array(arena *a) { return val_new(a, CW_ARRAY); }

/* Appends; returns v (NULL-safe: a NULL v is stored as null). */
cw_value *arr_push(arena *a, cw_value *arr, cw_value *v);
/* Sets key: replaces the value of an existing member (keeping its position) or appends one. key
 * must be a string literal or live as long as the arena. */
cw_value *obj_put(arena *a, cw_value *obj, const char *key, cw_value *v);
/* The same for an object of a shape (parser/core/fields.h), key given with its catalogue bit:
 * a new key appends without reading the members. On an object made without a shape, obj_put. */
cw_value *obj_put_bit_slow(arena *a, cw_value *obj, const char *key, uint32_t bit, cw_value *v);
/* A record's million members a run of Reuters SGML: the common put, a new field of an object of
 * a shape, is inlined (the call and the bump of the arena cost more than the put). */
static inline cw_value *obj_put_bit(arena *a, cw_value *obj, const char *key, uint32_t bit,
				    cw_value *v)
{
	/* a null put (v NULL: a field the parser fills later, or leaves null) takes the same
	 * way: a paragraph's duplicate_of and a story's headline and dateline went through the
	 * call for every record */
	if (obj && obj->type == CW_OBJECT && obj->shape && !(obj->u.list.keys & bit) &&
	    (v || (v = val_null(a)))) {
		cw_member *m = arena_alloc(a, sizeof *m);
		if (m) {
			m->key = key;
			m->value = v;
			if (obj->u.list.last)
				obj->u.list.last->next = m;
			else
				obj->u.list.first = m;
			obj->u.list.last = m;
			obj->u.list.count++;
			obj->u.list.keys |= bit;
		}
		return v;
	}
	return obj_put_bit_slow(a, obj, key, bit, v);
}
/* Mutable lookup of a direct member of an object of a shape by key and catalogue bit; NULL when
 * absent (on an object made without a shape, obj_find). */
cw_value *obj_find_bit(cw_value *obj, const char *key, uint32_t bit);
/* Mutable lookup of a direct member; NULL when absent. */
cw_value *obj_find(cw_value *obj, const char *key);
/* The same, read-only. */
const cw_value *obj_get(const cw_value *obj, const char *key);

/* Shorthands for obj_put with a new value; a NULL string stores null. */
void obj_put_str(arena *a, cw_value *obj, const char *key, const char *s, size_t len);
void obj_put_cstr(arena *a, cw_value *obj, const char *key, const char *s);
void obj_put_int(arena *a, cw_value *obj, const char *key, int64_t i);
void obj_put_bool(arena *a, cw_value *obj, const char *key, int b);
/* Returns the new (or existing, when already an object/array) child. */
cw_value *obj_child_object(arena *a, cw_value *obj, const char *key);
cw_value *obj_child_array(arena *a, cw_value *obj, const char *key);

#endif
