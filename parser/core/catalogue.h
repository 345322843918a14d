/* The record catalogue (parser/core/catalogue.def) as C: an id for every shape and field, and
 * what the catalogue says of each. */
#ifndef CW_CATALOGUE_H
#define CW_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

/* Shapes: S_UNKNOWN (0) is an object made without one (never in a finished record). */
typedef enum cw_shape {
	S_UNKNOWN = 0,
#define SHAPE(id, name, desc) id,
#define FIELD(shape, id, key, type, of, flags, desc)
#define NEWS(field, nitf, ninjs)
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS
	S_COUNT
} cw_shape;

/* Fields: F_NONE (0) ends a path. */
typedef enum cw_field {
	F_NONE = 0,
#define SHAPE(id, name, desc)
#define FIELD(shape, id, key, type, of, flags, desc) id,
#define NEWS(field, nitf, ninjs)
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS
	F_COUNT
} cw_field;

typedef enum field_type { T_STRING, T_INT, T_BOOL, T_OBJECT, T_ARRAY } field_type;

/* What an array holds when it is not objects of a shape; OF_NONE for scalars and objects' own
 * shape goes in `of` as a cw_shape. */
enum { OF_NONE = -1, OF_STRING = -2, OF_INT = -3 };

enum { FL_NULL = 1, FL_ABSENT = 2 };

typedef struct shape_info {
	const char *name;         /* "routing", "byline", ... */
	const char *description;
} shape_info;

typedef struct field_info {
	cw_shape shape;           /* the object it is a member of */
	const char *key;          /* JSON key, XML element name */
	field_type type;
	int of;                   /* T_OBJECT: its shape; T_ARRAY: its items' shape or OF_STRING/OF_INT */
	unsigned flags;           /* FL_NULL, FL_ABSENT */
	const char *description;
	const char *id;           /* "F_ROUTING_DTG": what the code calls it */
} field_info;

/* How the news formats show a field (NEWS lines of the catalogue); "" where one does not. */
typedef struct news_info {
	cw_field field;
	const char *nitf, *ninjs;
} news_info;

/* What the setters (parser/core/fields.h) hold a put against, one row per field, so that the
 * check costs one row's read: the key, the shapes of object that may hold the field (bit s), the
 * tag its value must have (cat_value_tag), and the field's bit among those of the objects that
 * hold it (its place in its shape; S_RECORD's fields first, then a kind's own: no two fields of
 * one object share a bit, so an object's mask of bits says exactly which fields it has, and a
 * put of a new field appends without reading the members). F_NONE's row holds nothing, wants no
 * tag and has no bit. */
typedef struct cat_put {
	const char *key;
	uint64_t holders;
	uint32_t want;
	uint32_t bit;
} cat_put;

/* A value's tag: its type, and for an object its shape, for an array its items (CAT_ITEMS). */
#define CAT_TAG(type, sub) ((uint32_t)(type) | (uint32_t)(sub) << 3)
/* An array's items in a tag: OF_INT, OF_STRING or a shape, made positive (never 0). */
#define CAT_ITEMS(of) ((of) + 4)

extern const shape_info cat_shapes[S_COUNT];
extern const cat_put cat_puts[F_COUNT];
extern const news_info cat_news[];  /* ends with field F_NONE */
extern const field_info cat_fields[F_COUNT];

/* The shape that a record of this kind ("cable", "article", "error") has at its root;
 * S_UNKNOWN for another kind. */
cw_shape cat_root_shape(const char *kind);
/* Whether an object of shape s may hold field f (a record's root holds S_RECORD's fields as
 * well as its kind's own). */
int cat_shape_holds(cw_shape s, cw_field f);

#endif
