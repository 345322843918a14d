/* Shared by the fuzz targets: parse an input whole and in chunks, every emitter writing what was
 * parsed, insist both give the same bytes, and check what came out: every output valid UTF-8,
 * the JSON array, each JSON Lines and ninjs line parsed by jansson, the XML document and each
 * NITF document well formed by libxml2, and the same number of records in every format.
 * Header-only: each target is one translation unit. */
#ifndef CW_FUZZ_COMMON_H
#define CW_FUZZ_COMMON_H

#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cablewire.h"

typedef struct outbuf {
	char *p;
	size_t n, cap;
} outbuf;

static int collect(void *ctx, const char *buf, size_t len)
{
	outbuf *o = ctx;
	if (o->n + len + 1 > o->cap) {
		size_t cap = (o->n + len) * 2 + 64;
		char *p = realloc(o->p, cap);
		if (!p)
			return -1;
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->n, buf, len);
	o->n += len;
	o->p[o->n] = '\0';
	return 0;
}

/* A failed check names itself before aborting, so a crash report says which output was wrong. */
static void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz check failed: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF. */
static int utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned min, cp;
		if (c < 0x80) { i++; continue; }
		else if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
		else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
		else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
		else return 0;
		if (i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static void quiet_xml_errors(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Parses one XML document; returns its root element's child element count, or aborts. */
static size_t xml_children(const char *p, size_t n, const char *what)
{
	xmlSetGenericErrorFunc(NULL, quiet_xml_errors);
	xmlDocPtr doc = xmlReadMemory(p, (int)n, "fuzz.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!doc)
		fuzz_fail(what, "not well formed");
	size_t count = 0;
	for (xmlNodePtr c = xmlDocGetRootElement(doc)->children; c; c = c->next)
		count += c->type == XML_ELEMENT_NODE;
	xmlFreeDoc(doc);
	return count;
}

/* Each line one JSON object; returns the line count. */
static size_t json_lines(const outbuf *o, const char *what)
{
	size_t lines = 0;
	for (size_t i = 0; i < o->n;) {
		const char *nl = memchr(o->p + i, '\n', o->n - i);
		if (!nl)
			fuzz_fail(what, "last line not ended");
		json_error_t err;
		json_t *j = json_loadb(o->p + i, (size_t)(nl - (o->p + i)), JSON_REJECT_DUPLICATES, &err);
		if (!j || !json_is_object(j))
			fuzz_fail(what, err.text);
		json_decref(j);
		lines++;
		i = (size_t)(nl - o->p) + 1;
	}
	return lines;
}

/* A NITF (or NewsML-G2) stream: documents one after another, each starting "<?xml " at a line
 * start. */
static size_t nitf_documents(const outbuf *o)
{
	size_t docs = 0;
	const char *end = o->p + o->n;
	for (const char *s = o->p; s && s < end;) {
		if (strncmp(s, "<?xml ", 6) != 0)
			fuzz_fail("nitf", "a document does not start with <?xml");
		const char *next = s + 1;
		while ((next = memchr(next, '<', (size_t)(end - next))) != NULL &&
		       !(next[-1] == '\n' && strncmp(next, "<?xml ", 6) == 0))
			next++;
		const char *stop = next ? next : end;
		xml_children(s, (size_t)(stop - s), "nitf");
		docs++;
		s = next;
	}
	return docs;
}

/* Checks every output of one parse; records is how many records were emitted. */
static void check_outputs(outbuf out[CW_FORMAT_COUNT], size_t records)
{
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		if (!utf8_valid((const unsigned char *)out[f].p, out[f].n))
			fuzz_fail(cw_format_name((cw_format)f), "not valid UTF-8");
	json_error_t err;
	json_t *arr = json_loadb(out[CW_FORMAT_JSON].p, out[CW_FORMAT_JSON].n, JSON_REJECT_DUPLICATES, &err);
	if (!arr || !json_is_array(arr))
		fuzz_fail("json", err.text);
	if (json_array_size(arr) != records)
		fuzz_fail("json", "record count differs");
	json_decref(arr);
	if (json_lines(&out[CW_FORMAT_JSONL], "jsonl") != records)
		fuzz_fail("jsonl", "record count differs");
	if (json_lines(&out[CW_FORMAT_NINJS], "ninjs") != records)
		fuzz_fail("ninjs", "record count differs");
	if (xml_children(out[CW_FORMAT_XML].p, out[CW_FORMAT_XML].n, "xml") != records)
		fuzz_fail("xml", "record count differs");
	if (nitf_documents(&out[CW_FORMAT_NEWSML_G2]) != records)
		fuzz_fail("newsml-g2", "not one newsItem document per record");
	if (nitf_documents(&out[CW_FORMAT_NITF]) != records)
		fuzz_fail("nitf", "document count differs");
}

/* Parses data in chunks (chunk == 0: whole), checks every format's output, and returns them
 * concatenated. */
static outbuf run(const cw_options *opt, const uint8_t *data, size_t size, size_t chunk)
{
	outbuf out[CW_FORMAT_COUNT];
	memset(out, 0, sizeof out);
	cw_emitter *em[CW_FORMAT_COUNT];
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		em[f] = cw_emitter_new((cw_format)f, collect, &out[f], f == CW_FORMAT_JSON);
	cw_reader *rd = cw_reader_new(opt, "fuzz");
	size_t step = chunk ? chunk : (size ? size : 1), records = 0;
	cw_record *rec;
	for (size_t i = 0; i < size; i += step) {
		size_t n = size - i < step ? size - i : step;
		cw_reader_feed(rd, (const char *)data + i, n);
		while (cw_reader_next(rd, &rec) == CW_OK) {
			for (int f = 0; f < CW_FORMAT_COUNT; f++)
				cw_emit(em[f], rec);
			cw_record_free(rec);
			records++;
		}
	}
	cw_reader_finish(rd);
	while (cw_reader_next(rd, &rec) == CW_OK) {
		for (int f = 0; f < CW_FORMAT_COUNT; f++)
			cw_emit(em[f], rec);
		cw_record_free(rec);
		records++;
	}
	for (int f = 0; f < CW_FORMAT_COUNT; f++) {
		cw_emitter_finish(em[f]);
		cw_emitter_free(em[f]);
	}
	cw_reader_free(rd);
	if (records == 0)
		fuzz_fail("reader", "an input gave no record");
	check_outputs(out, records);
	outbuf all = { NULL, 0, 0 };
	for (int f = 0; f < CW_FORMAT_COUNT; f++) {
		collect(&all, out[f].p ? out[f].p : "", out[f].n);
		free(out[f].p);
	}
	return all;
}

/* Whole and chunked parses of data in the given form must agree; aborts when they do not. */
static void check_form(cw_options *opt, cw_form form, const uint8_t *data, size_t size)
{
	cw_options_set_form(opt, form);
	outbuf whole = run(opt, data, size, 0);
	if (size > 0) {
		size_t chunk = 1 + data[0] % 61;
		outbuf parts = run(opt, data, size, chunk);
		if (whole.n != parts.n || memcmp(whole.p, parts.p, whole.n) != 0)
			fuzz_fail("chunked", "chunked input changed the result");
		free(parts.p);
	}
	free(whole.p);
}

#endif
