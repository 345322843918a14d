/* A record's fields by catalogue id (parser/core/catalogue.def): the parsers set them, the
 * emitters read them. A field id carries its key, its type and the shape of object it belongs
 * to: a misspelt id does not compile, and a put on an object of another shape or of a value of
 * another type fails an assertion (a bug in the parser, caught by the first test that reaches
 * it). Values are made with val_* (parser/core/value.h), in the record's arena. */
#ifndef CW_FIELDS_H
#define CW_FIELDS_H

#include <assert.h>
#include <stdint.h>

#include "parser/core/catalogue.h"
#include "parser/core/value.h"

/* ---- writing (parsers) ---- */

/* A new object of shape s, not yet in the tree (a record's root: its kind's shape). */
cw_value *rec_new_object(arena *a, cw_shape s);
/* The tag of a value (catalogue.h, CAT_TAG): its type, an object's shape, an array's items (read
 * from the row of the field it was made for; an array made without one has tag 0, which no field
 * wants). */
static inline uint32_t rec_value_tag(const cw_value *v)
{
	if (v->type == CW_OBJECT)
		return CAT_TAG(CW_OBJECT, v->shape);
	if (v->type == CW_ARRAY)
		return v->field < F_COUNT ? cat_puts[v->field].want : 0;
	return CAT_TAG(v->type, 0);
}

/* Whether obj may hold field f (its shape is one of the field's holders) and v may be its value
 * (null, or a value of the field's type: an object of its shape, an array of its items, made for
 * this field or another with the same items, as a preamble's lists move). */
static inline int rec_put_ok(const cw_value *obj, cw_field f, const cw_value *v)
{
	const cat_put *p = &cat_puts[f];
	return (unsigned)f < F_COUNT && obj->shape < 64 && (p->holders >> obj->shape & 1) &&
	       (!v || v->type == CW_NULL || rec_value_tag(v) == p->want);
}

/* Sets field f of obj: replaces the value of an existing member (keeping its position) or
 * appends one. A NULL v stores null. Returns v. A put on an object of another shape or of a
 * value of another type fails the assertion, in every build (the tests run the CLI's library);
 * the check reads one row of cat_puts, and its shape and type are known where the value is
 * made, so it stays cheap. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline cw_value *rec_set(arena *a, cw_value *obj, cw_field f, cw_value *v)
{
	if (!obj)
		return v;
	assert(rec_put_ok(obj, f, v) && "field set on an object of another shape or to a value of another type");
	return obj_put_bit(a, obj, cat_puts[f].key, cat_puts[f].bit, v);
}
/* Shorthands: a NULL string stores null. */
static inline void rec_set_str(arena *a, cw_value *obj, cw_field f, const char *s, size_t len)
{
	rec_set(a, obj, f, s ? val_str(a, s, len) : val_null(a));
}
static inline void rec_set_cstr(arena *a, cw_value *obj, cw_field f, const char *s)
{
	rec_set(a, obj, f, val_cstr(a, s));
}
static inline void rec_set_int(arena *a, cw_value *obj, cw_field f, int64_t i)
{
	rec_set(a, obj, f, val_int(a, i));
}
static inline void rec_set_bool(arena *a, cw_value *obj, cw_field f, int b)
{
	rec_set(a, obj, f, val_bool(a, b));
}
static inline void rec_set_null(arena *a, cw_value *obj, cw_field f) { rec_set(a, obj, f, NULL); }
/* rec_set_cstr for n fields at once, in order (s[i] NULL stores null): on an object of a shape
 * that holds none of them yet, the n values and members are one block of the arena and are
 * linked without a put each (a Reuters story's wire header and attributes, two dozen fields a
 * record, cost some 110 instructions a field one put at a time); otherwise one put each. */
void rec_set_cstrs(arena *a, cw_value *obj, const cw_field *f, const char *const *s, size_t n);
/* Fields f[0, n) set in order as rec_set_cstrs does, each to a new empty array where the
 * catalogue makes it one (as rec_array: one already there is kept) and to null otherwise;
 * arrays[i] is field i's array, NULL for a null. A story's empty lists and nulls in one block. */
void rec_set_blank(arena *a, cw_value *obj, const cw_field *f, size_t n, cw_value **arrays);
/* A new empty object or array put as field f of obj (replacing what was there). */
cw_value *rec_set_object(arena *a, cw_value *obj, cw_field f);
cw_value *rec_set_array(arena *a, cw_value *obj, cw_field f);
/* A new empty array for field f, not yet in the tree (rec_set() it then). */
cw_value *rec_new_array(arena *a, cw_field f);
/* The object or array field f of obj: the one there, or a new empty one put in its place. */
cw_value *rec_object(arena *a, cw_value *obj, cw_field f);
cw_value *rec_array(arena *a, cw_value *obj, cw_field f);
/* A new object of the items' shape of array arr, appended to it. */
cw_value *rec_push_object(arena *a, cw_value *arr);
/* A new object of the items' shape of array field f, not yet in the tree (for items that are
 * kept only when complete: rec_push() it then). */
cw_value *rec_new_item(arena *a, cw_field f);
/* Appends an item (a string or integer for lists of scalars, an object of the items' shape);
 * returns v. A NULL v stores null. */
cw_value *rec_push(arena *a, cw_value *arr, cw_value *v);
/* Mutable lookup, for a parser completing what it set (a list it appends to later). */
cw_value *rec_find(cw_value *obj, cw_field f);

/* ---- reading (emitters) ---- */

/* Member f of obj; NULL when absent, when obj is no object, or when f is a field of another
 * shape than obj's. */
const cw_value *rec_get(const cw_value *obj, cw_field f);
/* Walks a path of fields from obj: rec_path(root, F_CABLE_ROUTING, F_ROUTING_DTG). */
const cw_value *rec_get_path(const cw_value *obj, const cw_field *path, size_t n);
#define rec_path(obj, ...)                                                          \
	rec_get_path((obj), (const cw_field[]){ __VA_ARGS__ },                       \
		     sizeof((const cw_field[]){ __VA_ARGS__ }) / sizeof(cw_field))
/* The string at f (not NUL-terminated; *len set), or NULL when absent, null or no string. */
const char *rec_string(const cw_value *obj, cw_field f, size_t *len);
int64_t rec_int(const cw_value *obj, cw_field f);
size_t rec_count(const cw_value *obj, cw_field f);

#endif
