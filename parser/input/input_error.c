/* Error records for inputs that fail below the parser: a file that cannot be opened, an archive
 * whose data stops part way. The caller (the CLI's input walker) puts them into the output in
 * input order, so that every input leaves a trace in the records and the summary's counts
 * reconcile with the output. */
#include <stdlib.h>

#include "parser/core/record.h"
#include "parser/input/inputs.h"

cw_record *cw_record_input_failed(const cw_options *opt, const char *path, cw_form form,
				  uint64_t index, uint64_t offset, int unreadable, const char *why)
{
	char *none = calloc(1, 1);
	if (!none)
		return NULL;
	cw_record *rec = record_new(opt, none, 0, offset, 1);
	if (!rec)
		return NULL;
	/* Nothing was read of an unreadable input: no form to name. */
	record_begin(rec, "error", path ? path : "-",
		     unreadable || form == CW_FORM_AUTO ? NULL : cw_form_name(form), index, offset, 0);
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

cw_record *input_damage_record(const cw_options *opt, const char *path, const char *code,
			       uint64_t offset, uint32_t line, const char *message)
{
	char *none = calloc(1, 1);
	if (!none)
		return NULL;
	cw_record *rec = record_new(opt, none, 0, offset, line ? line : 1);
	if (!rec)
		return NULL;
	record_begin(rec, "error", path ? path : "-", NULL, 0, offset, 0);
	rec_diag_in(rec, CW_ERROR, code, 0, "%s", message);
	record_finish(rec);
	return rec;
}

cw_record *cw_record_input_refused(const cw_options *opt, const char *path, cw_refusal why,
				   const char *what)
{
	char *none = calloc(1, 1);
	if (!none)
		return NULL;
	cw_record *rec = record_new(opt, none, 0, 0, 1);
	if (!rec)
		return NULL;
	record_begin(rec, "error", path ? path : "-", NULL, 0, 0, 0);
	what = what ? what : "this input";
	switch (why) {
	case CW_REFUSED_SPECIAL_FILE:
		rec_diag_in(rec, CW_ERROR, "INPUT_SPECIAL_FILE", 0,
			    "%s, not a regular file: not read (reading it could block or never end)",
			    what);
		break;
	case CW_REFUSED_ARCHIVE_TOO_DEEP:
		rec_diag_in(rec, CW_ERROR, "ARCHIVE_TOO_DEEP", 0,
			    "%s nested too deep inside other archives: not opened; unpack it first",
			    what);
		break;
	case CW_REFUSED_WARC_NO_PAGE:
		rec_diag_in(rec, CW_ERROR, "WARC_NO_PAGE", 0,
			    "%s holds no HTML page to read (its records are counted in the summary "
			    "by kind)", what);
		break;
	default:
		rec_diag_in(rec, CW_ERROR, "ARCHIVE_EMPTY", 0,
			    "%s holds no member and no data", what);
		break;
	}
	record_finish(rec);
	return rec;
}
