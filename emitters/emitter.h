/* The emitter handle and the per-format entry points it dispatches to. */
#ifndef CW_EMITTER_H
#define CW_EMITTER_H

#include <string.h>

#include "cablewire.h"
#include "emitters/sink.h"

struct cw_emitter;

/* One output format: what it writes before the first record, for each record, after the last.
 * Each module (json.c, ...) defines one of these; emitter.c lists them by cw_format. */
typedef struct emitter_ops {
	const char *name;
	int (*begin)(struct cw_emitter *em);
	int (*record)(struct cw_emitter *em, const cw_record *rec);
	int (*end)(struct cw_emitter *em);
} emitter_ops;

struct cw_emitter {
	cw_format format;
	const emitter_ops *ops;
	int pretty;
	size_t count;     /* records written */
	int begun, ended;
	int detached;     /* renders records only (cw_emitter_new_detached) */
	void *state;      /* the format's own, freed by its end() */
	sink out;
};

enum { CSV_TABLE_COUNT = CW_FORMAT_CSV_DIAGNOSTICS - CW_FORMAT_CSV_RECIPIENTS + 1 };

extern const emitter_ops json_ops, jsonl_ops, xml_ops, csv_ops, text_ops, nitf_ops, ninjs_ops,
	newsml_g2_ops;
extern const emitter_ops csv_table_ops[CSV_TABLE_COUNT];

void json_write_value(sink *s, const cw_value *v, int pretty, int depth);

#endif
