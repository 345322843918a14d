/* The catalogue's tables, made from parser/core/catalogue.def. */
#include "parser/core/catalogue.h"

#include <string.h>

#include "cablewire.h"

const shape_info cat_shapes[S_COUNT] = {
	[S_UNKNOWN] = { "unknown", "an object made without a shape" },
#define SHAPE(id, name, desc) [id] = { name, desc },
#define FIELD(shape, id, key, type, of, flags, desc)
#define NEWS(field, nitf, ninjs)
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS
};

const field_info cat_fields[F_COUNT] = {
	[F_NONE] = { S_UNKNOWN, "", T_STRING, OF_NONE, 0, "", "F_NONE" },
#define SHAPE(id, name, desc)
#define FIELD(shape, id, key, type, of, flags, desc) [id] = { shape, key, type, of, flags, desc, #id },
#define NEWS(field, nitf, ninjs)
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS
};

/* Shapes are bits of cat_put.holders. */
_Static_assert(S_COUNT <= 64, "a shape is a bit of a 64-bit mask");
/* Tags (cw_type in the low 3 bits). */
_Static_assert(CW_OBJECT < 8 && CW_ARRAY < 8, "a value's type fits the tag's low bits");

/* A record's root holds S_RECORD's fields as well as its kind's own. */
#define HOLDERS(shape)                                                                      \
	((UINT64_C(1) << (shape)) |                                                           \
	 ((shape) == S_RECORD ? (UINT64_C(1) << S_CABLE) | (UINT64_C(1) << S_ARTICLE) |      \
					(UINT64_C(1) << S_ERROR)                              \
			      : 0))
#define WANT(type, of)                                                                      \
	((type) == T_STRING   ? CAT_TAG(CW_STRING, 0)                                         \
	 : (type) == T_INT    ? CAT_TAG(CW_INT, 0)                                            \
	 : (type) == T_BOOL   ? CAT_TAG(CW_BOOL, 0)                                           \
	 : (type) == T_OBJECT ? CAT_TAG(CW_OBJECT, of)                                        \
			      : CAT_TAG(CW_ARRAY, CAT_ITEMS(of)))

/* A field's place in its shape: the count restarts at every SHAPE line, and the fields of a
 * shape follow its line (tests/check_catalogue.c checks that no two fields of one object share a
 * bit). A root holds S_RECORD's fields and its kind's, so every other shape's places start after
 * S_RECORD's. */
enum cat_place {
#define SHAPE(id, name, desc) PLACE_BEFORE_##id = -1,
#define FIELD(shape, id, key, type, of, flags, desc) PLACE_##id,
#define NEWS(field, nitf, ninjs)
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS
};
#define RECORD_PLACES 8
#define PLACE(shape, id) ((int)PLACE_##id + ((shape) == S_RECORD ? 0 : RECORD_PLACES))
#define SHAPE(id, name, desc)
#define FIELD(shape, id, key, type, of, flags, desc)                                         \
	_Static_assert(PLACE(shape, id) < 32 && ((shape) != S_RECORD || (int)PLACE_##id < RECORD_PLACES), \
		       #id ": too many fields in its shape for a 32-bit mask");
#define NEWS(field, nitf, ninjs)
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS

const cat_put cat_puts[F_COUNT] = {
	[F_NONE] = { "", 0, 0, 0 },
#define SHAPE(id, name, desc)
#define FIELD(shape, id, key, type, of, flags, desc)                                         \
	[id] = { key, HOLDERS(shape), WANT(type, of), UINT32_C(1) << PLACE(shape, id) },
#define NEWS(field, nitf, ninjs)
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS
};

const news_info cat_news[] = {
#define SHAPE(id, name, desc)
#define FIELD(shape, id, key, type, of, flags, desc)
#define NEWS(field, nitf, ninjs) { field, nitf, ninjs },
#include "parser/core/catalogue.def"
#undef SHAPE
#undef FIELD
#undef NEWS
	{ F_NONE, NULL, NULL },
};

cw_shape cat_root_shape(const char *kind)
{
	if (!kind)
		return S_UNKNOWN;
	if (!strcmp(kind, "cable"))
		return S_CABLE;
	if (!strcmp(kind, "article"))
		return S_ARTICLE;
	if (!strcmp(kind, "error"))
		return S_ERROR;
	return S_UNKNOWN;
}

int cat_shape_holds(cw_shape s, cw_field f)
{
	if (f <= F_NONE || f >= F_COUNT)
		return 0;
	cw_shape fs = cat_fields[f].shape;
	if (fs == s)
		return 1;
	return fs == S_RECORD && (s == S_CABLE || s == S_ARTICLE || s == S_ERROR);
}
