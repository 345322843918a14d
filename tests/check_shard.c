/* Shards and line mode (emitters/convert/shard.c, parser/input/lines.c): a file cut where its
 * reader cuts units and converted shard by shard gives the bytes of the whole file converted
 * at once; a line of line mode gives the records of its text with source.line. Run under the
 * sanitizers by make asan. */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_helpers.h"

typedef struct buf {
	char *p;
	size_t len;
} buf;

static int buf_write(void *ctx, const char *s, size_t n)
{
	buf *b = ctx;
	char *p = realloc(b->p, b->len + n + 1);
	if (!p)
		return -1;
	memcpy(p + b->len, s, n);
	b->p = p;
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

/* A stream of copies of a testdata input, in a temporary file (its path into out). */
static void repeated_file(const char *input, int copies, char *out, size_t cap)
{
	const char *dir = getenv("TESTDATA") ? getenv("TESTDATA") : "testdata";
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, input);
	size_t len;
	char *data = read_file(path, &len);
	ck_assert_msg(data != NULL, "%s missing", path);
	snprintf(out, cap, "/tmp/cw-check-shard-XXXXXX");
	int fd = mkstemp(out);
	ck_assert_int_ge(fd, 0);
	for (int i = 0; i < copies; i++)
		ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
	free(data);
}

typedef struct cuts {
	uint64_t offset[4096], index[4096];
	uint32_t line[4096];
	size_t n;
} cuts;

static int on_cut(void *ctx, uint64_t offset, uint64_t index, uint32_t line)
{
	cuts *c = ctx;
	ck_assert_uint_lt(c->n, 4096);
	c->offset[c->n] = offset;
	c->index[c->n] = index;
	c->line[c->n] = line;
	c->n++;
	return 0;
}

static size_t convert_cut_and_whole(const char *input, int copies, cw_format format,
				    uint64_t target, size_t *nrecords)
{
	char path[64];
	repeated_file(input, copies, path, sizeof path);
	buf whole = { NULL, 0 }, parts = { NULL, 0 };
	cw_shard_result res;
	cw_shard_request req = { NULL, path, 0, 0, 0, 1, CW_FORM_AUTO, format, 0, 1, buf_write,
				 &whole, NULL, 0, 0, 0 };
	ck_assert_int_eq(cw_shard_convert(&req, &res), 0);
	size_t records = res.records;
	ck_assert_uint_eq(res.inputs, 1);
	cw_shard_result_free(&res);

	static cuts c;
	c.n = 0;
	cw_form form;
	uint64_t units;
	ck_assert_int_eq(cw_shard_cut(NULL, path, target, on_cut, &c, &form, &units), 0);
	ck_assert_uint_eq(units, records);
	ck_assert_uint_eq(c.offset[0], 0);
	size_t sum = 0;
	for (size_t i = 0; i < c.n; i++) {
		uint64_t next = i + 1 < c.n ? c.index[i + 1] : units;
		cw_shard_request r = { NULL, path, next - c.index[i], c.offset[i], c.index[i],
				       c.line[i], form, format, 0, i == 0, buf_write, &parts,
				       NULL, 0, 0, 0 };
		ck_assert_int_eq(cw_shard_convert(&r, &res), 0);
		ck_assert_uint_eq(res.records, next - c.index[i]);
		ck_assert_uint_eq(res.inputs, i == 0);
		sum += res.records;
		cw_shard_result_free(&res);
	}
	ck_assert_uint_eq(sum, records);
	ck_assert_uint_eq(parts.len, whole.len);
	ck_assert_msg(memcmp(parts.p, whole.p, whole.len) == 0,
		      "%s: the shards' bytes differ from the whole file's", input);
	/* A shard asking for more units than the file holds from its cut: the file changed. */
	cw_shard_request stale = { NULL, path, units - c.index[c.n - 1] + 3, c.offset[c.n - 1],
				   c.index[c.n - 1], c.line[c.n - 1], form, format, 0, 0, buf_write,
				   &parts, NULL, 0, 0, 0 };
	ck_assert_int_eq(cw_shard_convert(&stale, &res), -1);
	cw_shard_result_free(&res);
	free(whole.p);
	free(parts.p);
	unlink(path);
	*nrecords = records;
	return c.n;
}

START_TEST(test_cut_shards_give_the_whole_files_bytes)
{
	size_t records;
	/* SGML and ANPA streams, in JSON (separators) and JSON Lines, small shards */
	ck_assert_uint_gt(convert_cut_and_whole("articles/valid/reuters-sgml/input.sgm", 40,
						CW_FORMAT_JSON, 2000, &records), 5);
	ck_assert_uint_ge(records, 40);
	ck_assert_uint_gt(convert_cut_and_whole("articles/valid/anpa/input.anpa", 40,
						CW_FORMAT_JSONL, 1500, &records), 5);
	ck_assert_uint_gt(convert_cut_and_whole("cables/forms/cables.csv", 30, CW_FORMAT_XML, 3000,
						&records), 3);
	ck_assert_uint_gt(convert_cut_and_whole("cables/valid/text-acp127/input.txt", 20,
						CW_FORMAT_CSV, 2000, &records), 3);
}
END_TEST

START_TEST(test_a_one_unit_form_is_read_whole)
{
	char path[64];
	repeated_file("cables/valid/html-2010-layout/input.html", 1, path, sizeof path);
	cuts c = { .n = 0 };
	cw_form form;
	uint64_t units;
	ck_assert_int_eq(cw_shard_cut(NULL, path, 16, on_cut, &c, &form, &units), 1);
	ck_assert_uint_eq(c.n, 0);
	unlink(path);
	ck_assert_int_eq(cw_shard_cut(NULL, "/nonexistent/x.csv", 16, on_cut, &c, &form, &units),
			 -1);
}
END_TEST

START_TEST(test_origin_only_on_a_fresh_reader)
{
	cw_reader *rd = cw_reader_new(NULL, "x");
	ck_assert_int_eq(cw_reader_set_origin(rd, 5, 1000, 40), CW_OK);
	cw_reader_feed(rd, "UNCLAS\nSUBJECT: X\n", 18);
	cw_reader_finish(rd);
	cw_unit *u;
	ck_assert_int_eq(cw_reader_next_unit(rd, &u), CW_OK);
	ck_assert_uint_eq(cw_unit_index(u), 5);
	ck_assert_uint_eq(cw_unit_offset(u), 1000);
	ck_assert_uint_eq(cw_unit_line(u), 40);
	cw_unit_free(u);
	ck_assert_int_eq(cw_reader_set_origin(rd, 0, 0, 1), CW_EINVAL);
	cw_reader_free(rd);
}
END_TEST

/* ---- an archive cut by members --------------------------------------------------------------- */

static const char *const member_inputs[] = {
	"cables/valid/html-2010-layout/input.html", "cables/forms/cables.csv",
	"cables/valid/text-acp127/input.txt",       "articles/valid/anpa/input.anpa",
	"cables/forms/wikileaks.html",              "articles/valid/reuters-sgml/input.sgm",
	"cables/forms/07VALLETTA416.txt",
};
enum { NMEMBERS = sizeof member_inputs / sizeof *member_inputs };

static void add_member(struct archive *a, const char *name, const char *data, size_t len,
		       int dir)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, dir ? AE_IFDIR : AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, dir ? 0 : (la_int64_t)len);
	ck_assert_int_eq(archive_write_header(a, e), ARCHIVE_OK);
	if (!dir)
		ck_assert_int_eq(archive_write_data(a, data, len), (la_ssize_t)len);
	archive_entry_free(e);
}

/* A tar.gz of testdata inputs, with a directory and a hidden file between them (not members). */
static void member_archive(char *out, size_t cap, int64_t *sizes)
{
	const char *dir = getenv("TESTDATA") ? getenv("TESTDATA") : "testdata";
	snprintf(out, cap, "/tmp/cw-check-members-XXXXXX");
	int fd = mkstemp(out);
	ck_assert_int_ge(fd, 0);
	struct archive *a = archive_write_new();
	archive_write_set_format_pax_restricted(a);
	archive_write_add_filter_gzip(a);
	ck_assert_int_eq(archive_write_open_fd(a, fd), ARCHIVE_OK);
	for (int i = 0; i < NMEMBERS; i++) {
		char path[512], name[64];
		snprintf(path, sizeof path, "%s/%s", dir, member_inputs[i]);
		size_t len;
		char *data = read_file(path, &len);
		ck_assert_msg(data != NULL, "%s missing", path);
		if (i == 2) {
			add_member(a, "pages", NULL, 0, 1);
			add_member(a, "pages/.backup.txt", data, len, 0);
		}
		const char *base = strrchr(member_inputs[i], '/') + 1;
		snprintf(name, sizeof name, "pages/%d-%s", i, base);
		add_member(a, name, data, len, 0);
		sizes[i] = (int64_t)len;
		free(data);
	}
	ck_assert_int_eq(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	close(fd);
}

typedef struct member_list {
	int64_t size[64];
	size_t n;
} member_list;

static int on_member(void *ctx, int64_t size)
{
	member_list *l = ctx;
	ck_assert_uint_lt(l->n, 64);
	l->size[l->n++] = size;
	return 0;
}

static void convert_members(const char *path, uint64_t first, uint64_t count, int is_first,
			    buf *out, cw_shard_result *res, int want)
{
	cw_shard_request r = { NULL, path, 0, 0, 0, 1, CW_FORM_AUTO, CW_FORMAT_JSON, 0, is_first,
			       buf_write, out, NULL, 0, first, count };
	ck_assert_int_eq(cw_shard_convert(&r, res), want);
}

START_TEST(test_member_runs_give_the_whole_archives_bytes)
{
	char path[64];
	int64_t sizes[NMEMBERS];
	member_archive(path, sizeof path, sizes);
	member_list l = { .n = 0 };
	uint64_t count;
	ck_assert_int_eq(cw_shard_members(NULL, path, on_member, &l, &count), 0);
	ck_assert_uint_eq(count, NMEMBERS);
	ck_assert_uint_eq(l.n, NMEMBERS);
	for (int i = 0; i < NMEMBERS; i++)
		ck_assert_int_eq(l.size[i], sizes[i]);

	buf whole = { NULL, 0 };
	cw_shard_result res;
	convert_members(path, 0, 0, 1, &whole, &res, 0);
	size_t records = res.records;
	ck_assert_uint_eq(res.inputs, NMEMBERS);
	ck_assert_uint_gt(records, NMEMBERS); /* the csv and the streams hold several units */
	cw_shard_result_free(&res);
	/* runs of 1, 2 and 3 members, the last one open-ended (count 0: to the end) */
	for (uint64_t step = 1; step <= 3; step++) {
		buf parts = { NULL, 0 };
		size_t sum = 0, inputs = 0;
		for (uint64_t first = 0; first < NMEMBERS; first += step) {
			uint64_t n = first + step >= NMEMBERS ? 0 : step;
			convert_members(path, first, n, first == 0, &parts, &res, 0);
			ck_assert_uint_eq(res.inputs, n ? n : NMEMBERS - first);
			ck_assert_uint_eq(res.inputs_failed, 0);
			sum += res.records;
			inputs += res.inputs;
			cw_shard_result_free(&res);
		}
		ck_assert_uint_eq(sum, records);
		ck_assert_uint_eq(inputs, NMEMBERS);
		ck_assert_uint_eq(parts.len, whole.len);
		ck_assert_msg(memcmp(parts.p, whole.p, whole.len) == 0,
			      "runs of %d members: the bytes differ from the whole archive's",
			      (int)step);
		free(parts.p);
	}
	/* a run past the members the archive holds: it changed since it was listed */
	buf stale = { NULL, 0 };
	convert_members(path, NMEMBERS - 1, 2, 0, &stale, &res, -1);
	cw_shard_result_free(&res);
	convert_members(path, NMEMBERS, 0, 0, &stale, &res, -1);
	cw_shard_result_free(&res);
	free(stale.p);
	free(whole.p);
	unlink(path);
}
END_TEST

START_TEST(test_what_is_not_an_archive_is_listed_whole)
{
	member_list l = { .n = 0 };
	uint64_t count = 9;
	char path[64];
	repeated_file("cables/forms/cables.csv", 2, path, sizeof path);
	ck_assert_int_eq(cw_shard_members(NULL, path, on_member, &l, &count), 1);
	ck_assert_uint_eq(count, 0);
	/* a lone compressed file is one stream, read whole */
	char gz[80];
	snprintf(gz, sizeof gz, "%s.gz", path);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "gzip -c %s > %s", path, gz);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(cw_shard_members(NULL, gz, on_member, &l, &count), 1);
	ck_assert_uint_eq(l.n, 1); /* its stream was met as a member before */
	unlink(gz);
	unlink(path);
	ck_assert_int_eq(cw_shard_members(NULL, "/nonexistent/a.tar", on_member, &l, &count), -1);
}
END_TEST

/* ---- line mode ---------------------------------------------------------------------------- */

typedef struct got {
	cw_record *rec[8];
	size_t n;
} got;

static int keep(void *ctx, cw_record *rec)
{
	got *g = ctx;
	ck_assert_uint_lt(g->n, 8);
	g->rec[g->n++] = rec;
	return 0;
}

static void drop(got *g)
{
	for (size_t i = 0; i < g->n; i++)
		cw_record_free(g->rec[i]);
	g->n = 0;
}

static int64_t int_at(const cw_record *rec, const char *path)
{
	return cw_value_int(cw_value_get(cw_record_root(rec), path));
}

START_TEST(test_a_line_gives_its_texts_records)
{
	got g = { .n = 0 };
	const char *obj = "{\"name\": \"cables/07VALLETTA416.txt\", \"x\": [1], "
			  "\"text\": \"UNCLAS\\nSUBJECT: X\\n\"}\n";
	/* other members hold scalars only: an array is refused, located */
	ck_assert_int_eq(cw_parse_line(NULL, obj, strlen(obj), 7, keep, &g), 0);
	ck_assert_uint_eq(g.n, 1);
	ck_assert(has_diag(g.rec[0], "LINE_INVALID"));
	ck_assert_int_eq(cw_record_diag(g.rec[0], 0)->column, 43);
	ck_assert_int_eq(cw_record_diag(g.rec[0], 0)->line, 7);
	drop(&g);
	const char *ok = "  {\"name\": \"cables/07VALLETTA416.txt\", \"n\": -1.5e3, \"b\": true, "
			 "\"text\": \"UNCLAS\\nSUBJECT: \\u00e9\\ud83d\\ude00\\n\"}  \r\n";
	ck_assert_int_eq(cw_parse_line(NULL, ok, strlen(ok), 3, keep, &g), 0);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_str_eq(rec_str(g.rec[0], "source.path"), "cables/07VALLETTA416.txt");
	ck_assert_int_eq(int_at(g.rec[0], "source.line"), 3);
	/* UNCLAS\nSUBJECT: e-acute (2 bytes) and the emoji (4 bytes) \n */
	ck_assert_int_eq(int_at(g.rec[0], "source.bytes"), 7 + 9 + 2 + 4 + 1);
	ck_assert(!has_diag(g.rec[0], "LINE_INVALID"));
	drop(&g);
	const char *str = "\"UNCLAS\\nSUBJECT: Y\\n\"";
	ck_assert_int_eq(cw_parse_line(NULL, str, strlen(str), 1, keep, &g), 0);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_str_eq(rec_str(g.rec[0], "source.path"), "-");
	drop(&g);
	ck_assert_int_eq(cw_parse_line(NULL, " \t\r\n", 4, 2, keep, &g), 0);
	ck_assert_uint_eq(g.n, 0);
	const char *bad[] = { "{\"text\": \"a\"", "{\"name\": \"a\"}", "\"a\" \"b\"", "nul",
			      "{\"text\": \"\\x\"}", "{,}" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_int_eq(cw_parse_line(NULL, bad[i], strlen(bad[i]), 9, keep, &g), 0);
		ck_assert_uint_eq(g.n, 1);
		ck_assert_msg(has_diag(g.rec[0], "LINE_INVALID"), "%s", bad[i]);
		ck_assert_str_eq(cw_record_kind(g.rec[0]), "error");
		ck_assert_int_eq(int_at(g.rec[0], "source.line"), 9);
		drop(&g);
	}
}
END_TEST

Suite *suite_shard(void)
{
	Suite *s = suite_create("shard");
	TCase *tc = tcase_create("shard");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_cut_shards_give_the_whole_files_bytes);
	tcase_add_test(tc, test_a_one_unit_form_is_read_whole);
	tcase_add_test(tc, test_origin_only_on_a_fresh_reader);
	tcase_add_test(tc, test_member_runs_give_the_whole_archives_bytes);
	tcase_add_test(tc, test_what_is_not_an_archive_is_listed_whole);
	tcase_add_test(tc, test_a_line_gives_its_texts_records);
	suite_add_tcase(s, tc);
	return s;
}
