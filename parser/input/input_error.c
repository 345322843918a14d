/* Error records for inputs that fail below the parser: a file that cannot be opened, an archive
 * whose data stops part way. The caller (the CLI's input walker) puts them into the output in
 * input order, so that every input leaves a trace in the records and the summary's counts
 * reconcile with the output. */
#include <stdlib.h>
#include <string.h>

#include "parser/core/record.h"

cw_record *cw_record_input_failed(const cw_options *opt, const char *path, cw_form form,
				  uint64_t index, uint64_t offset, int unreadable, const char *why)
{
	char *none = calloc(1, 1);
	if (!none)
		return NULL;
	cw_record *rec = record_new(opt, none, 0, offset, 1);
	if (!rec)
		return NULL;
	arena *a = &rec->arena;
	cw_value *root = rec->root;
	rec->kind = "error";
	obj_put_cstr(a, root, "kind", "error");
	obj_put(a, root, "id", NULL);
	obj_put(a, root, "id_source", NULL);
	cw_value *src = obj_put(a, root, "source", val_object(a));
	path = path ? path : "-";
	obj_put(a, src, "path", val_str_copy(a, path, strlen(path)));
	/* Nothing was read of an unreadable input: no form to name. */
	obj_put_cstr(a, src, "format", unreadable || form == CW_FORM_AUTO ? NULL : cw_form_name(form));
	obj_put_int(a, src, "index", (int64_t)index);
	obj_put_int(a, src, "offset", (int64_t)offset);
	obj_put_int(a, src, "bytes", 0);
	if (unreadable)
		rec_diag_in(rec, CW_ERROR, "INPUT_UNREADABLE", 0, "cannot read this input: %s",
			    why ? why : "unknown error");
	else
		rec_diag_in(rec, CW_ERROR, "INPUT_READ_ERROR", 0,
			    "reading stopped at byte %llu: %s; the records before it are complete, "
			    "the one being read and what follows are lost",
			    (unsigned long long)offset, why ? why : "unknown error");
	record_finish(rec);
	return rec;
}
