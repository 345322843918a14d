/* Dispatch from the public emitter API to the format modules. */
#include <stdlib.h>

#include "emitters/emitter.h"

/* In cw_format order. */
static const emitter_ops *const formats[CW_FORMAT_COUNT] = {
	&json_ops, &jsonl_ops, &xml_ops, &csv_ops,
	&csv_table_ops[0], &csv_table_ops[1], &csv_table_ops[2], &csv_table_ops[3],
	&csv_table_ops[4], &csv_table_ops[5], &csv_table_ops[6],
	&text_ops, &nitf_ops, &ninjs_ops, &newsml_g2_ops,
};

const char *cw_format_name(cw_format f) { return f < CW_FORMAT_COUNT ? formats[f]->name : NULL; }

int cw_format_from_name(const char *name)
{
	for (int i = 0; i < CW_FORMAT_COUNT; i++)
		if (name && strcmp(name, formats[i]->name) == 0)
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
	em->ops = formats[f];
	em->pretty = pretty;
	sink_init(&em->out, write, ctx);
	return em;
}

static int begin(cw_emitter *em)
{
	if (em->begun)
		return 0;
	em->begun = 1;
	return em->ops->begin ? em->ops->begin(em) : 0;
}

int cw_emit(cw_emitter *em, const cw_record *rec)
{
	if (!em || !rec || em->ended || em->detached)
		return -1;
	begin(em);
	em->ops->record(em, rec);
	em->count++;
	/* Flush per record so a reader of the output sees whole records as they come. */
	return sink_flush(&em->out);
}

cw_emitter *cw_emitter_new_detached(cw_format f, cw_write_fn write, void *ctx, int pretty)
{
	cw_emitter *em = cw_emitter_new(f, write, ctx, pretty);
	if (em)
		em->detached = 1;
	return em;
}

int cw_emit_at(cw_emitter *em, const cw_record *rec, uint64_t index)
{
	if (!em || !rec || !em->detached)
		return -1;
	/* The formats look at count only to know whether a separator goes before the record. */
	em->count = (size_t)index;
	em->ops->record(em, rec);
	return sink_flush(&em->out);
}

int cw_emit_rendered(cw_emitter *em, const char *buf, size_t len)
{
	if (!em || em->ended || em->detached)
		return -1;
	begin(em);
	em->count++;
	/* Handed to the writer as it is: through the sink it was one more copy of every byte
	 * written. */
	if (sink_flush(&em->out) != 0)
		return -1;
	if (len && em->out.write(em->out.ctx, buf, len) != 0) {
		em->out.err = 1;
		return -1;
	}
	return 0;
}

int cw_emitter_finish(cw_emitter *em)
{
	if (!em || em->detached)
		return -1;
	if (!em->ended) {
		begin(em);
		if (em->ops->end)
			em->ops->end(em);
		em->ended = 1;
	}
	return sink_flush(&em->out);
}

void cw_emitter_free(cw_emitter *em) { free(em); }
