/* From a unit to a record: the unit's form decides which parser reads it (a telegram,
 * parser/cable/; a story, parser/article/) after its bytes are decoded into text
 * (lexer/input/forms.re). The top of the parser: the only file that knows both kinds. */
#include <string.h>

#include "lexer/input/forms.h"
#include "parser/article/article_parse.h"
#include "parser/cable/cable_parse.h"
#include "parser/core/record.h"
#include "parser/input/binary.h"
#include "parser/input/unit.h"

cw_status cw_reader_next(cw_reader *rd, cw_record **out)
{
	cw_unit *u;
	*out = NULL;
	cw_status st = cw_reader_next_unit(rd, &u);
	if (st != CW_OK)
		return st;
	*out = cw_unit_parse(reader_options(rd), u);
	return *out ? CW_OK : CW_ENOMEM;
}

cw_record *cw_unit_parse(const cw_options *opt, cw_unit *u)
{
	if (!u)
		return NULL;
	cw_record *rec = record_new(opt, u->bytes, u->len, u->file_offset, u->file_line);
	u->bytes = NULL;
	if (!rec) {
		cw_unit_free(u);
		return NULL;
	}
	cw_form form = u->form == CW_FORM_AUTO ? form_detect(rec->input, rec->input_len) : u->form;
	/* A cable until a parser says otherwise (articles) or nothing could be read (error). */
	record_begin(rec, "cable", u->path, cw_form_name(form), u->index, u->file_offset,
		     u->full_len);

	if (u->encoding)
		rec_diag_in(rec, CW_NOTE, u->encoding[4] == '1' ? "ENC_UTF16" : "ENC_UTF32", 0,
			    "the input is %s (byte-order mark): decoded to UTF-8; lines, columns "
			    "and offsets count the decoded text", u->encoding);
	if (u->broken)
		rec_diag_in(rec, CW_ERROR, "CSV_ROW_BROKEN", 0,
			    "this cables.csv row lost its closing quote; it ends where the next row "
			    "starts");
	if (u->full_len == 0) {
		record_set_kind(rec, "error");
		rec_diag_in(rec, CW_ERROR, "INPUT_EMPTY", 0, "the input is empty");
	} else if (u->oversize) {
		record_set_kind(rec, "error");
		rec_diag_in(rec, CW_ERROR, "LIMIT_UNIT_SIZE", 0,
			    "unit of %llu bytes is larger than the limit of %zu bytes; not parsed",
			    (unsigned long long)u->full_len, u->len);
	} else if (input_looks_binary(rec->input, rec->input_len)) {
		record_set_kind(rec, "error");
		rec_diag_in(rec, CW_ERROR, "INPUT_BINARY", 0,
			    "this input is binary data, not text (more than a quarter of its first "
			    "bytes are control characters or not UTF-8); not parsed");
	} else {
		decoded dec;
		int article = form_is_article(form);
		/* The transport's hints (a WARC record's HTTP charset and date): none for files. */
		decode_out to = { &rec->text, &rec->arena, &rec->diags, u->wrap, u->wrap_open,
				  u->wrap_len, u->http_charset, u->http_date };
		/* The decoded text is about as long as the input, or shorter (markup, a cables.csv
		 * row's escapes): room for it at once. */
		text_expect(&rec->text, rec->input_len);
		int rc = form_decode(rec->input, rec->input_len, form, to, &dec);
		if (rc < 0) {
			record_set_kind(rec, "error");
			/* -2: the decoder said why itself (a malformed or refused document). */
			if (article && rc != -2)
				rec_diag_in(rec, CW_ERROR, "FORM_NO_STORY", 0,
					    "no story in this %s input", cw_form_name(form));
			else if (!article)
				rec_diag_in(rec, CW_ERROR, "FORM_NO_CABLE", 0,
					    "no <pre> block with a telegram in this %s input",
					    cw_form_name(form));
		} else if (rec->text.oom || rec->arena.failed) {
			record_set_kind(rec, "error");
			rec_diag_in(rec, CW_ERROR, "LIMIT_MEMORY", 0, "out of memory while decoding");
		} else if (article) {
			article_parse(rec, &dec, form);
		} else {
			cable_parse(rec, &dec, u->path);
		}
	}
	record_finish(rec);
	cw_unit_free(u);
	return rec;
}

cw_record *cw_parse(const cw_options *opt, const char *buf, size_t len, const char *path)
{
	cw_reader *rd = cw_reader_new(opt, path);
	if (!rd)
		return NULL;
	cw_record *rec = NULL;
	if (cw_reader_feed(rd, buf, len) == CW_OK) {
		cw_reader_finish(rd);
		cw_reader_next(rd, &rec);
	}
	cw_reader_free(rd);
	return rec;
}
