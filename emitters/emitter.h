/* The emitter handle and the per-format entry points it dispatches to. */
#ifndef CW_EMITTER_H
#define CW_EMITTER_H

#include <string.h>

#include "cablewire.h"
#include "sink.h"

struct cw_emitter {
	cw_format format;
	int pretty;
	size_t count;     /* records written */
	int begun, ended;
	sink out;
};

int json_begin(cw_emitter *em);
int json_record(cw_emitter *em, const cw_record *rec);
int json_end(cw_emitter *em);
void json_write_value(sink *s, const cw_value *v, int pretty, int depth);

#endif
