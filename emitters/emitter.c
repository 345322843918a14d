/* Dispatch from the public emitter API to the format modules. */
#include <stdlib.h>

#include "emitter.h"

static const char *format_names[CW_FORMAT_COUNT] = { "json", "jsonl" };

const char *cw_format_name(cw_format f) { return f < CW_FORMAT_COUNT ? format_names[f] : NULL; }

int cw_format_from_name(const char *name)
{
	for (int i = 0; i < CW_FORMAT_COUNT; i++)
		if (name && strcmp(name, format_names[i]) == 0)
			return i;
	return -1;
}

cw_emitter *cw_emitter_new(cw_format f, cw_write_fn write, void *ctx, int pretty)
{
	if (f >= CW_FORMAT_COUNT || !write)
		return NULL;
	cw_emitter *em = calloc(1, sizeof(*em));
	if (!em)
		return NULL;
	em->format = f;
	em->pretty = pretty;
	sink_init(&em->out, write, ctx);
	return em;
}

static int begin(cw_emitter *em)
{
	if (em->begun)
		return 0;
	em->begun = 1;
	return json_begin(em);
}

int cw_emit(cw_emitter *em, const cw_record *rec)
{
	if (!em || !rec || em->ended)
		return -1;
	begin(em);
	json_record(em, rec);
	em->count++;
	/* Flush per record so a reader of the output sees whole records as they come. */
	return sink_flush(&em->out);
}

int cw_emitter_finish(cw_emitter *em)
{
	if (!em)
		return -1;
	if (!em->ended) {
		begin(em);
		json_end(em);
		em->ended = 1;
	}
	return sink_flush(&em->out);
}

void cw_emitter_free(cw_emitter *em) { free(em); }
