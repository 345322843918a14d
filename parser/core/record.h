/* The record under construction: arena, value tree, decoded text and diagnostics. */
#ifndef CW_RECORD_H
#define CW_RECORD_H

#include "cablewire.h"
#include "lexer/core/arena.h"
#include "lexer/core/diag.h"
#include "lexer/core/text.h"
#include "parser/core/value.h"

struct cw_record {
	arena arena;
	cw_value *root;
	const char *kind;
	diag_list diags;
	size_t max_items;
	char *input;          /* the unit's raw bytes (owned) */
	size_t input_len;
	uint64_t file_offset;
	uint32_t file_line;
	text text;            /* decoded text (owned) */
	int finished;
};

/* Takes ownership of input (malloc'd). */
cw_record *record_new(const cw_options *opt, char *input, size_t len, uint64_t file_offset,
		      uint32_t file_line);
/* A diagnostic about decoded offset dec (mapped to the input through rec->text). */
void rec_diag_at(cw_record *rec, cw_severity sev, const char *code, size_t dec, const char *fmt,
		 ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
/* A diagnostic about an input offset (relative to the unit's bytes). */
void rec_diag_in(cw_record *rec, cw_severity sev, const char *code, uint64_t in, const char *fmt,
		 ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
/* The fields every record opens with: kind, id and id_source (null until a parser knows them),
 * and source (where the unit comes from; format NULL when it was not read at all). */
void record_begin(cw_record *rec, const char *kind, const char *path, const char *format,
		  uint64_t index, uint64_t offset, uint64_t bytes);
/* The record's kind ("cable", "article", "error"): its kind field and the shape of its root. */
void record_set_kind(cw_record *rec, const char *kind);
/* Sorts diagnostics by position, computes lines and columns, and adds "diagnostics" to root. */
void record_finish(cw_record *rec);

/* Options, read by the parsers. */
struct cw_options {
	cw_form form;
	size_t max_unit_bytes;
	size_t max_items;
	char *stdin_name;   /* names standard input ("-") in records; NULL: "-" */
};

#endif
