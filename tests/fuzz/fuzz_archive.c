/* libFuzzer target for what lies around the parser: the input walk over archive bytes (libarchive
 * reading fuzzed tar, zip, cpio, 7z, gzip, xz, ... from memory, nested archives, empty and
 * damaged ones; parser/input/sources.c), every member through the reader and every emitter with the
 * output checks of fuzz_common.h, and output writing: the JSON Lines written through an output
 * file (emitters/convert/output.c: lock, exclusive temporary, rename) must read back byte for byte, and the
 * input taken as a JSON Lines OUT.partial must resume exactly after its last complete line.
 * Build and run: make fuzz */
#define _DEFAULT_SOURCE /* mkdtemp */
#include "fuzz_common.h"

#include <stdio.h>
#include <unistd.h>

#include "emitters/convert/output.h"
#include "parser/input/inputs.h"
#include "parser/input/sources.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct walk_state {
	cw_options *opt;
	outbuf out[CW_FORMAT_COUNT];
	cw_emitter *em[CW_FORMAT_COUNT];
	size_t records, members;
} walk_state;

static void emit(walk_state *ws, cw_record *rec)
{
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		cw_emit(ws->em[f], rec);
	cw_record_free(rec);
	ws->records++;
}

static int on_source(void *ctx, source *s)
{
	walk_state *ws = ctx;
	size_t before = ws->records;
	cw_reader *rd = cw_reader_new(ws->opt, source_name(s));
	char buf[4096];
	long n;
	cw_record *rec;
	while ((n = source_read(s, buf, sizeof buf)) > 0) {
		cw_reader_feed(rd, buf, (size_t)n);
		while (cw_reader_next(rd, &rec) == CW_OK)
			emit(ws, rec);
	}
	if (n < 0) {
		emit(ws, cw_record_input_failed(ws->opt, source_name(s), cw_reader_form(rd), 0, 0, 0,
						source_error(s)));
	} else {
		cw_reader_finish(rd);
		while (cw_reader_next(rd, &rec) == CW_OK)
			emit(ws, rec);
	}
	cw_reader_free(rd);
	ws->members++;
	if (ws->records == before)
		fuzz_fail("walk", "a member gave no record");
	return 0;
}

static int on_failed(void *ctx, const char *name, const char *why)
{
	walk_state *ws = ctx;
	emit(ws, cw_record_input_failed(ws->opt, name, CW_FORM_AUTO, 0, 0, 1, why));
	return 0;
}

/* Damage inside a web archive (parser/input/warc.c): its record. */
static int on_damaged(void *ctx, const char *name, const char *code, uint64_t offset,
		      uint32_t line, const char *message)
{
	walk_state *ws = ctx;
	emit(ws, input_damage_record(ws->opt, name, code, offset, line, message));
	return 0;
}

static int on_refused(void *ctx, const char *name, cw_refusal why, const char *what)
{
	walk_state *ws = ctx;
	emit(ws, cw_record_input_refused(ws->opt, name, why, what));
	return 0;
}

/* A directory of its own for the outputs, made once. */
static const char *scratch(void)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuzz_archive.XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

static outbuf read_file(const char *path)
{
	outbuf o = { NULL, 0, 0 };
	FILE *f = fopen(path, "rb");
	if (!f)
		fuzz_fail("output", "the output file is missing");
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		collect(&o, buf, n);
	fclose(f);
	return o;
}

/* The JSON Lines written through an output file read back the same. */
static void check_output_file(const outbuf *jsonl)
{
	char path[128];
	snprintf(path, sizeof path, "%s/out.jsonl", scratch());
	output o;
	if (output_open(&o, path) != 0)
		fuzz_fail("output", "cannot open");
	output_write(&o, jsonl->p ? jsonl->p : "", jsonl->n);
	if (output_close(&o, 0) != 0)
		fuzz_fail("output", "cannot close");
	outbuf back = read_file(path);
	if (back.n != jsonl->n || (back.n && memcmp(back.p, jsonl->p, back.n) != 0))
		fuzz_fail("output", "the file does not hold what was written");
	free(back.p);
	char lock[160];
	snprintf(lock, sizeof lock, "%s.lock", path);
	if (access(lock, F_OK) == 0)
		fuzz_fail("output", "the lock file was left behind");
	unlink(path);
}

/* The input as a partial JSON Lines file: resuming counts its complete lines, hands back the
 * last one, and cuts what follows it. */
static void check_resume(const uint8_t *data, size_t size)
{
	char path[128], partial[160];
	snprintf(path, sizeof path, "%s/resume.jsonl", scratch());
	snprintf(partial, sizeof partial, "%s.partial", path);
	FILE *f = fopen(partial, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	uint64_t lines = 0;
	size_t keep = 0, last_start = 0, prev = 0;
	for (size_t i = 0; i < size; i++)
		if (data[i] == '\n') {
			lines++;
			last_start = prev;
			prev = keep = i + 1;
		}
	output o;
	uint64_t records;
	char *last;
	size_t last_len;
	if (output_open_partial(&o, path, 1, &records, &last, &last_len) != 0)
		fuzz_fail("resume", "cannot open the partial");
	if (records != lines)
		fuzz_fail("resume", "line count differs");
	if (lines && (last_len != keep - last_start || memcmp(last, data + last_start, last_len)))
		fuzz_fail("resume", "the last line differs");
	output_write(&o, "{}\n", 3);
	if (output_close(&o, 0) != 0)
		fuzz_fail("resume", "cannot close");
	outbuf back = read_file(path);
	if (back.n != keep + 3 || (keep && memcmp(back.p, data, keep)) ||
	    memcmp(back.p + keep, "{}\n", 3))
		fuzz_fail("resume", "the resumed file is not the old lines and the new one");
	free(back.p);
	free(last);
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	walk_state ws;
	memset(&ws, 0, sizeof ws);
	ws.opt = cw_options_new();
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		ws.em[f] = cw_emitter_new((cw_format)f, collect, &ws.out[f], f == CW_FORMAT_JSON);
	sources_walk w = { .on_source = on_source, .on_failed = on_failed,
			   .on_refused = on_refused, .on_damaged = on_damaged, .ctx = &ws };
	sources_each_memory(&w, "fuzz.bin", data, size);
	for (int f = 0; f < CW_FORMAT_COUNT; f++) {
		cw_emitter_finish(ws.em[f]);
		cw_emitter_free(ws.em[f]);
	}
	if (ws.records == 0)
		fuzz_fail("walk", "an input gave no record");
	check_outputs(ws.out, ws.records);
	check_output_file(&ws.out[CW_FORMAT_JSONL]);
	check_resume(data, size);
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		free(ws.out[f].p);
	cw_options_free(ws.opt);
	return 0;
}
