/* Building the value tree that is a record. Values live in the record's arena; string values are
 * slices of the record's decoded text or arena copies, never malloc'd on their own. */
#ifndef CW_VALUE_H
#define CW_VALUE_H

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
			/* Objects: one bit for each key stored (key_bit in value.c), so that a put of
			 * a new key, the common case, appends without comparing every member. */
			uint32_t keys;
		} list;
	} u;
};

cw_value *val_null(arena *a);
cw_value *val_bool(arena *a, int b);
cw_value *val_int(arena *a, int64_t i);
/* Refers to s without copying: s must live as long as the arena. */
cw_value *val_str(arena *a, const char *s, size_t len);
cw_value *val_cstr(arena *a, const char *s);
cw_value *val_str_copy(arena *a, const char *s, size_t len);
cw_value *val_object(arena *a);
cw_value *val_array(arena *a);

/* Appends; returns v (NULL-safe: a NULL v is stored as null). */
cw_value *arr_push(arena *a, cw_value *arr, cw_value *v);
/* Sets key: replaces the value of an existing member (keeping its position) or appends one. key
 * must be a string literal or live as long as the arena. */
cw_value *obj_put(arena *a, cw_value *obj, const char *key, cw_value *v);
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
