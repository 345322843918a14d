/* Input forms: detection, and decoding of one unit into a text (parser/text.h). */
#ifndef CW_FORMS_H
#define CW_FORMS_H

#include "record.h"

enum wl_field { WL_REFERENCE_ID, WL_CREATED, WL_RELEASED, WL_CLASSIFICATION, WL_ORIGIN, WL_FIELDS };
enum csv_field { CSV_ID, CSV_DATE, CSV_REFID, CSV_ORIGIN, CSV_CLASSIFICATION, CSV_REFERENCES,
		 CSV_META_FIELDS };

typedef struct decoded {
	/* Decoded offsets of the header and body blocks when the form marks them (the two <pre>
	 * blocks of a WikiLeaks page); has_blocks == 0 when the parser must find the boundary. */
	int has_blocks;
	size_t header_end;
	size_t body_start;
	/* The page's own metadata table (WikiLeaks), arena strings; NULL when absent. */
	int has_meta;
	const char *meta[WL_FIELDS];
	/* A cables.csv row's own columns: id, date, refid, origin, classification, references. */
	int has_csv;
	const char *csv[CSV_META_FIELDS];
	int csv_fields;          /* fields the row had */
} decoded;

cw_form form_detect(const char *buf, size_t len);
/* Decodes rec->input in the given form into rec->text (finished, see text.h). Returns 0, or -1
 * when the form's structure is missing (e.g. an HTML page without <pre> blocks). */
int form_decode(cw_record *rec, cw_form form, decoded *out);

#endif
