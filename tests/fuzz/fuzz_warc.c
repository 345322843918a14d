/* libFuzzer target for web archives (parser/input/warc.c over lexer/input/warc.re): the input read
 * as a WARC, plain and as gzip (the input gzipped, and the input taken as gzip as it is: broken
 * members), whole and a few bytes at a time; what the reader says (pages and their bodies, skips,
 * damage with its place) must not depend on how the bytes come. Then the walk hands every page to
 * the reader and the parser, and every emitter's output is checked (fuzz_common.h).
 * Build and run: make fuzz */
#define _DEFAULT_SOURCE /* mkdtemp (tests/walk_bytes.h) */
#include "fuzz_common.h"

#include <zlib.h>

#include "parser/input/inputs.h"
#include "parser/input/sources.h"
#include "parser/input/warc.h"
#include "tests/walk_bytes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What the reader said, as text. */
static int said_page(void *ctx, warc_page *pg)
{
	outbuf *o = ctx;
	char head[256];
	int n = snprintf(head, sizeof head, "page %.100s %.40s %.40s\n", warc_page_uri(pg),
			 warc_page_charset(pg) ? warc_page_charset(pg) : "-",
			 warc_page_date(pg) ? warc_page_date(pg) : "-");
	collect(o, head, (size_t)n);
	char buf[333];
	const char *code = NULL, *why = NULL;
	long got;
	while ((got = warc_page_read(pg, buf, sizeof buf, &code, &why)) > 0)
		collect(o, buf, (size_t)got);
	if (got < 0) {
		if (!code || !why)
			fuzz_fail("warc", "a page's read error without its code");
		collect(o, code, strlen(code));
	}
	return 0;
}

static int said_skip(void *ctx, cw_warc_skip k)
{
	const char *name = cw_warc_skip_name(k);
	if (!name)
		fuzz_fail("warc", "a skip of no kind");
	collect(ctx, name, strlen(name));
	return 0;
}

static int said_damage(void *ctx, const char *code, uint64_t off, uint32_t line, const char *msg)
{
	char where[160];
	int n = snprintf(where, sizeof where, "damage %s %u %llu\n", code, line,
			 (unsigned long long)off);
	collect(ctx, where, (size_t)n);
	if (!msg || !*msg)
		fuzz_fail("warc", "damage without a message");
	return 0;
}

static int said_failed(void *ctx, const char *why)
{
	collect(ctx, why, strlen(why));
	return 1;
}

static outbuf transcript(const uint8_t *data, size_t size, int gzip, size_t step)
{
	outbuf o = { NULL, 0, 0 };
	byte_feed f = { data, size, 0, step };
	warc_events ev = { said_page, said_skip, said_damage, said_failed, &o };
	warc_each(byte_feed_pull, &f, gzip, &ev);
	return o;
}

static void same_any_step(const uint8_t *data, size_t size, int gzip)
{
	outbuf whole = transcript(data, size, gzip, 0);
	size_t step = size ? 1 + data[size - 1] % 7 : 1;
	outbuf pieces = transcript(data, size, gzip, step);
	if (whole.n != pieces.n || (whole.n && memcmp(whole.p, pieces.p, whole.n)))
		fuzz_fail("warc", "what the reader says depends on how the bytes come");
	free(whole.p);
	free(pieces.p);
}

/* ---- the walk, with the parser and the emitters ---- */

typedef struct walk_state {
	cw_options *opt;
	outbuf out[CW_FORMAT_COUNT];
	cw_emitter *em[CW_FORMAT_COUNT];
	size_t records;
} walk_state;

static void emit(walk_state *ws, cw_record *rec)
{
	if (!rec)
		fuzz_fail("walk", "no record (out of memory?)");
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		cw_emit(ws->em[f], rec);
	cw_record_free(rec);
	ws->records++;
}

static int walk_unit(void *ctx, cw_unit *u, cw_record *failed)
{
	walk_state *ws = ctx;
	emit(ws, failed ? failed : cw_unit_parse(ws->opt, u));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 20)
		return 0;
	same_any_step(data, size, 0);
	same_any_step(data, size, 1);
	/* The input gzipped: the gzip path over bytes that inflate. */
	uLong cap = compressBound((uLong)size) + 32;
	uint8_t *gz = malloc(cap);
	z_stream z;
	memset(&z, 0, sizeof z);
	if (!gz || deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	z.next_in = (uint8_t *)(uintptr_t)data;
	z.avail_in = (uInt)size;
	z.next_out = gz;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		abort();
	size_t gzn = cap - z.avail_out;
	deflateEnd(&z);
	outbuf plain = transcript(data, size, 0, 0), inflated = transcript(gz, gzn, 1, 3);
	/* The gzip path adds the member's place to damage messages only: what is said is the same. */
	if (plain.n != inflated.n || (plain.n && memcmp(plain.p, inflated.p, plain.n)))
		fuzz_fail("warc", "a gzipped archive reads otherwise than the archive");
	free(plain.p);
	free(inflated.p);

	/* The walk of the input as a file's bytes, "WARC/1.1" put first when it is not there. */
	static const char version[] = "WARC/1.1\r\n";
	size_t vn = size >= 7 && !memcmp(data, "WARC/1.", 7) ? 0 : sizeof version - 1;
	uint8_t *file = malloc(size + vn + 1);
	memcpy(file, version, vn);
	memcpy(file + vn, data, size);
	walk_state ws;
	memset(&ws, 0, sizeof ws);
	ws.opt = cw_options_new();
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		ws.em[f] = cw_emitter_new((cw_format)f, collect, &ws.out[f], f == CW_FORMAT_JSON);
	input_stats st = { 0 };
	if (walk_bytes(ws.opt, "in.warc", file, size + vn, walk_unit, &ws, &st) < 0)
		abort();
	for (int f = 0; f < CW_FORMAT_COUNT; f++) {
		cw_emitter_finish(ws.em[f]);
		cw_emitter_free(ws.em[f]);
	}
	if (ws.records == 0)
		fuzz_fail("walk", "a web archive gave no record");
	check_outputs(ws.out, ws.records);
	for (int f = 0; f < CW_FORMAT_COUNT; f++)
		free(ws.out[f].p);
	cw_options_free(ws.opt);
	free(file);
	free(gz);
	return 0;
}
