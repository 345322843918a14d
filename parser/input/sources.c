/* d_type (DT_REG, DT_DIR) is not POSIX: glibc shows it with _DEFAULT_SOURCE. Where it is
 * missing every entry of a directory is stat'ed before it is opened. */
#define _DEFAULT_SOURCE

#include "parser/input/sources.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parser/input/say.h"
#include "parser/input/walk_guard.h"
#include "parser/input/warc.h"

/* Enough of a file's start to tell an archive from text: tar's "ustar" sits at 257. Archives
 * inside archives are opened to MAX_NESTING levels (a tar.gz in a zip is two). */
enum { SNIFF = 512, ARCHIVE_BLOCK = 256 * 1024, MAX_DEPTH = 64, MAX_NESTING = 3 };

struct source {
	const char *name;
	int fd;                   /* a plain stream: read directly */
	unsigned char *pre;       /* bytes sniffed from the stream's start, served first */
	size_t pre_len, pre_pos;
	struct archive *ar;       /* a member of this archive: read through libarchive */
	int nesting;              /* archives this stream is inside (0: a file, a pipe) */
	int fatal;                /* the archive cannot go on after this member */
	sources_walk *w;
	uint64_t disk_base;       /* archives: w->bytes_read when the archive was opened */
	char err[256];
	const void *mem;          /* a stream held in memory (sources_each_memory), else NULL */
	size_t mem_len;
	int64_t expect;           /* bytes still to come after pre when known (a regular file's
				   * size, an archive member's), else -1 */
	warc_page *page;          /* a page of a web archive: read through parser/input/warc.c */
	const char *http_charset; /* ... and what its HTTP header says */
	const char *http_date;
	const char *err_code;     /* the diagnostic code of err when not INPUT_READ_ERROR */
	const char *container;    /* a web archive's page: the archive, where err_code is told */
	uint64_t err_offset;      /* ... at the page's record */
	uint32_t err_line;
	int at_end;               /* a regular file read to its size and found to end there */
	int fd_taken;             /* fd handed over with a detached copy (source_detach) */
	int detached;             /* a detached copy: owns fd, pre and name */
	int fd_budgeted;          /* ... and its fd counts in detached_open */
	unsigned char *whole;     /* a small regular file read whole by the walk (read_whole): pre
				   * is its start, malloc'd with whole_cap bytes of room; owned */
	size_t whole_cap;
};

const char *source_http_charset(const source *s) { return s->http_charset; }
const char *source_http_date(const source *s) { return s->http_date; }
const char *source_error_code(const source *s, const char **name, uint64_t *offset,
			      uint32_t *line)
{
	*name = s->container ? s->container : s->name;
	*offset = s->err_offset;
	*line = s->err_line;
	return s->err_code;
}

int64_t source_expected(const source *s)
{
	if (s->expect < 0)
		return -1;
	return (int64_t)(s->pre_len - s->pre_pos) + s->expect;
}

/* n bytes read after pre: fewer to come. */
static void expect_less(source *s, size_t n)
{
	if (s->expect >= 0)
		s->expect = (int64_t)n > s->expect ? 0 : s->expect - (int64_t)n;
}

/* read(2), again when a signal interrupted it (the signal is seen between units). */
static ssize_t read_retrying(int fd, void *buf, size_t cap)
{
	ssize_t n;
	while ((n = read(fd, buf, cap)) < 0 && errno == EINTR)
		;
	return n;
}

/* DIR/NAME, malloc'd; NULL when out of memory. */
static char *join_path(const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *p = malloc(len);
	if (p)
		snprintf(p, len, "%s/%s", dir, name);
	return p;
}

const char *source_name(const source *s) { return s->name; }
const char *source_error(const source *s) { return s->err; }

/* The sniffed bytes first (a file's or an archive member's start). */
static long serve_pre(source *s, char *buf, size_t cap)
{
	size_t n = s->pre_len - s->pre_pos;
	if (n > cap)
		n = cap;
	memcpy(buf, s->pre + s->pre_pos, n);
	s->pre_pos += n;
	return (long)n;
}

long source_read(source *s, char *buf, size_t cap)
{
	if (s->pre_pos < s->pre_len)
		return serve_pre(s, buf, cap);
	if (s->err[0])
		return -1; /* an error met while sniffing, after the bytes read before it */
	if (s->page) {
		const char *code = NULL, *why = NULL;
		long n = warc_page_read(s->page, buf, cap, &code, &why);
		if (n < 0) {
			snprintf(s->err, sizeof s->err, "%s", why ? why : "damaged record");
			s->err_code = code;
			warc_page_where(s->page, &s->err_offset, &s->err_line);
		}
		return n;
	}
	if (s->ar) {
		la_ssize_t n = archive_read_data(s->ar, buf, cap);
		/* Progress counts what was read from disk, compressed or not. */
		s->w->bytes_read = s->disk_base + (uint64_t)archive_filter_bytes(s->ar, -1);
		if (n < 0) {
			snprintf(s->err, sizeof s->err, "%s", archive_error_string(s->ar)
					? archive_error_string(s->ar) : "damaged archive member");
			s->fatal = n <= ARCHIVE_FATAL;
			return -1;
		}
		expect_less(s, (size_t)n);
		return (long)n;
	}
	if (s->fd < 0 || s->at_end)
		return 0; /* an empty stream (a compressed empty file), or the end seen already */
	ssize_t n = read_retrying(s->fd, buf, cap);
	if (n < 0) {
		snprintf(s->err, sizeof s->err, "%s", strerror(errno));
		return -1;
	}
	/* Asked for more than the size still to come and given exactly that: the end of a regular
	 * file, which one more read(2) would only confirm (one system call a file less). A read
	 * that stops short of the size (a file cut meanwhile, a FUSE file system) goes on. */
	if (s->expect >= 0 && (size_t)n < cap && (int64_t)n == s->expect)
		s->at_end = 1;
	if (!s->detached) /* a detached copy's were counted when it was made */
		s->w->bytes_read += (uint64_t)n;
	expect_less(s, (size_t)n);
	return (long)n;
}

/* Descriptors handed to detached copies and not closed yet. A file waiting for a worker holds
 * one while its batch fills and while the batch waits in the queue: hundreds at --jobs 2. They
 * are held under a budget, a part of the soft limit on open files measured when a walk starts
 * (the rest is the walk's own directories, the outputs and the program around a library call);
 * past it a file is not detached but read on the walk's thread, slower and never refused.
 * Workers close them: hence atomic. */
static atomic_int detached_open;
static atomic_int detached_budget;

enum { FD_RESERVE = MAX_DEPTH + 32 };

static void measure_fd_budget(void)
{
	struct rlimit r;
	rlim_t soft = getrlimit(RLIMIT_NOFILE, &r) == 0 ? r.rlim_cur : 256;
	if (soft == RLIM_INFINITY || soft > (1u << 20))
		soft = 1u << 20;
	atomic_store(&detached_budget, soft > FD_RESERVE ? (int)((soft - FD_RESERVE) / 2) : 0);
}

source *source_detach(source *s, uint64_t max_bytes)
{
	int64_t size = source_expected(s);
	if (s->fd < 0 || s->fd == STDIN_FILENO || s->ar || s->page || s->mem || s->nesting ||
	    s->err[0] || s->pre_pos || size < 0 || (uint64_t)size > max_bytes)
		return NULL;
	int holds_fd = !s->at_end;
	if (holds_fd && atomic_fetch_add(&detached_open, 1) >= atomic_load(&detached_budget)) {
		atomic_fetch_sub(&detached_open, 1);
		return NULL;
	}
	/* A file read whole hands its buffer over; else the sniffed bytes are copied. */
	size_t pre_copy = s->whole ? 0 : s->pre_len;
	size_t name_len = strlen(s->name) + 1;
	source *d = malloc(sizeof(*d) + pre_copy + name_len);
	if (!d) {
		if (holds_fd)
			atomic_fetch_sub(&detached_open, 1);
		return NULL;
	}
	*d = *s;
	char *name = (char *)(d + 1) + pre_copy;
	if (!s->whole) {
		d->pre = (unsigned char *)(d + 1);
		memcpy(d->pre, s->pre, s->pre_len);
	}
	memcpy(name, s->name, name_len);
	d->name = name;
	d->w = NULL;
	d->detached = 1;
	s->whole = NULL;
	if (s->at_end) {
		/* Read to its end already: the walk closes the file at once, and no descriptor
		 * waits open for a worker (a queue of them ran into the limit on open files). */
		d->fd = -1;
		return d;
	}
	d->fd_budgeted = 1;
	s->fd_taken = 1;
	s->fd = -1;
	/* Progress counts the bytes to come now: the copy is read on another thread. */
	s->w->bytes_read += (uint64_t)s->expect;
	return d;
}

int source_plain_fd(const source *s, uint64_t *size, size_t *sniffed)
{
	int64_t left = source_expected(s);
	if (s->fd < 0 || s->fd == STDIN_FILENO || s->ar || s->page || s->mem || s->nesting ||
	    s->err[0] || s->pre_pos || left < 0 || s->detached)
		return -1;
	*size = (uint64_t)left;
	*sniffed = s->pre_len;
	return s->fd;
}

void source_take_fd(source *s)
{
	s->fd_taken = 1;
	s->fd = -1;
	s->w->bytes_read += (uint64_t)s->expect;
}

void source_free(source *d)
{
	if (!d)
		return;
	if (d->fd >= 0)
		close(d->fd);
	if (d->fd_budgeted)
		atomic_fetch_sub(&detached_open, 1);
	free(d->whole);
	free(d);
}

char *source_take_whole(source *s, size_t *len, size_t *cap)
{
	if (!s->whole || s->pre_pos)
		return NULL;
	char *bytes = (char *)s->whole;
	*len = s->pre_len;
	*cap = s->whole_cap;
	s->whole = s->pre = NULL;
	s->pre_len = 0;
	return bytes;
}

/* Reads until n bytes or the end: a pipe hands out what it has, not what was asked. */
static ssize_t read_full(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read_retrying(fd, buf + got, n - got);
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* The magic numbers of the containers and compressors libarchive reads. Text never starts with
 * these bytes, so sniffing cannot take a cable for an archive. */
static int looks_like_archive(const unsigned char *p, size_t n)
{
	static const struct {
		size_t off, len;
		const char *magic;
	} magics[] = {
		{ 0, 2, "\x1f\x8b" },                         /* gzip */
		{ 0, 6, "\xfd" "7zXZ\x00" },                  /* xz */
		{ 0, 4, "\x28\xb5\x2f\xfd" },                 /* zstd */
		{ 0, 4, "\x04\x22\x4d\x18" },                 /* lz4 */
		{ 0, 6, "7z\xbc\xaf\x27\x1c" },               /* 7-Zip */
		{ 0, 4, "PK\x03\x04" },                       /* zip */
		{ 0, 4, "PK\x05\x06" },                       /* empty zip */
		{ 0, 6, "Rar!\x1a\x07" },                     /* RAR */
		{ 0, 6, "070701" },                           /* cpio (new ASCII) */
		{ 257, 5, "ustar" },                          /* tar (POSIX and GNU) */
	};
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (n >= magics[i].off + magics[i].len &&
		    memcmp(p + magics[i].off, magics[i].magic, magics[i].len) == 0)
			return 1;
	/* bzip2: "BZh", a block size digit, then the block magic (pi's digits) */
	return n >= 10 && memcmp(p, "BZh", 3) == 0 && p[3] >= '1' && p[3] <= '9' &&
	       memcmp(p + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0;
}

/* Hidden files (editor backups, .DS_Store) and macOS resource forks (__MACOSX/ in zips) are not
 * inputs. */
static int hidden_member(const char *path)
{
	for (const char *c = path; *c;) {
		size_t len = strcspn(c, "/");
		if ((c[0] == '.' && len > 1 && !(len == 2 && c[1] == '.')) ||
		    (len == 8 && strncmp(c, "__MACOSX", 8) == 0))
			return 1;
		c += len;
		while (*c == '/')
			c++;
	}
	return 0;
}

/* A lone compressed file's one stream is named after the file without the compressor's suffix. */
static void raw_member_name(const char *archive_path, char *out, size_t cap)
{
	static const char *const suffixes[] = { ".gz", ".bz2", ".xz", ".zst", ".lz4", ".lzma",
						".Z", ".lz", ".tgz", ".txz" };
	const char *base = strrchr(archive_path, '/');
	base = base ? base + 1 : archive_path;
	size_t len = strlen(base);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t sl = strlen(suffixes[i]);
		if (len > sl && strcmp(base + len - sl, suffixes[i]) == 0) {
			len -= sl;
			break;
		}
	}
	snprintf(out, cap, "%.*s", (int)len, base);
}

/* libarchive's read callback for a stream that cannot seek (standard input, a pipe, a member of
 * an outer archive): the sniffed bytes first, then the rest. */
typedef struct pipe_feed {
	source *s;
	unsigned char block[ARCHIVE_BLOCK];
} pipe_feed;

static la_ssize_t pipe_read(struct archive *a, void *ctx, const void **out)
{
	pipe_feed *pf = ctx;
	source *s = pf->s;
	*out = pf->block;
	if (s->pre_pos < s->pre_len || s->ar) {
		long n = source_read(s, (char *)pf->block, sizeof pf->block);
		if (n < 0)
			archive_set_error(a, EIO, "%s", s->err);
		return n;
	}
	ssize_t n = read_retrying(s->fd, pf->block, sizeof pf->block);
	if (n < 0)
		archive_set_error(a, errno, "%s", strerror(errno));
	return n;
}

/* Only what cablewire reads: with every format enabled, detection read ahead (mtree bids on
 * any text and buffered a 2 GiB decompressed stream: 2.65 GB of memory). */
static void support_formats(struct archive *a, int raw_only)
{
	static int (*const filters[])(struct archive *) = {
		archive_read_support_filter_gzip, archive_read_support_filter_bzip2,
		archive_read_support_filter_xz,   archive_read_support_filter_lzma,
		archive_read_support_filter_zstd, archive_read_support_filter_lz4,
		archive_read_support_filter_compress, archive_read_support_filter_lzip,
	};
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
		filters[i](a); /* ARCHIVE_WARN: through an external program; still read */
	if (!raw_only) {
		archive_read_support_format_tar(a);
		archive_read_support_format_zip(a);
		archive_read_support_format_7zip(a);
		archive_read_support_format_cpio(a);
		archive_read_support_format_rar(a);
		archive_read_support_format_rar5(a);
	}
	archive_read_support_format_raw(a); /* bids last: a lone compressed file */
	archive_read_support_format_empty(a); /* a compressed empty file: no entry, no error */
}

/* ---- web archives (parser/input/warc.c) ---------------------------------------------------- */

typedef struct warc_walk {
	sources_walk *w;
	source *s;
	size_t pages, damages;
} warc_walk;

static long warc_pull(void *ctx, char *buf, size_t cap)
{
	return source_read(((warc_walk *)ctx)->s, buf, cap);
}

/* A page: a stream named ARCHIVE/TARGET-URI (crawl.warc.gz/https://example.com/a.html), as an
 * archive's member is named. */
static int warc_on_page(void *ctx, warc_page *pg)
{
	warc_walk *ww = ctx;
	sources_walk *w = ww->w;
	char *name = join_path(ww->s->name, warc_page_uri(pg));
	if (!name)
		return w->on_failed(w->ctx, ww->s->name, "out of memory");
	source m = { .name = name, .fd = -1, .nesting = ww->s->nesting + 1, .w = w, .expect = -1,
		     .page = pg, .http_charset = warc_page_charset(pg),
		     .http_date = warc_page_date(pg), .container = ww->s->name };
	w->members++;
	w->warc_pages++;
	ww->pages++;
	int stop = w->on_source(w->ctx, &m);
	free(name);
	return stop;
}

static int warc_on_skip(void *ctx, cw_warc_skip kind)
{
	warc_walk *ww = ctx;
	ww->w->members++; /* met: the archive is not empty */
	ww->w->warc_skipped[kind]++;
	return 0;
}

static int warc_on_damage(void *ctx, const char *code, uint64_t offset, uint32_t line,
			  const char *message)
{
	warc_walk *ww = ctx;
	sources_walk *w = ww->w;
	ww->damages++;
	return w->on_damaged ? w->on_damaged(w->ctx, ww->s->name, code, offset, line, message) : 0;
}

static int warc_on_failed(void *ctx, const char *why)
{
	warc_walk *ww = ctx;
	return ww->w->on_failed(ww->w->ctx, ww->s->name, ww->s->err[0] ? ww->s->err : why);
}

/* A web archive: its pages are the streams. Listed for shards, it has no members: read whole by
 * one task (emitters/convert/shard.c). */
static int walk_warc(sources_walk *w, source *s, int gzip)
{
	if (s->nesting == 0 && w->on_member)
		return 0;
	warc_walk ww = { w, s, 0, 0 };
	warc_events ev = { warc_on_page, warc_on_skip, warc_on_damage, warc_on_failed, &ww };
	int stop = warc_each(warc_pull, &ww, gzip, &ev);
	/* Every input leaves a trace in the records: an archive of requests and images too. */
	if (!stop && !ww.pages && !ww.damages)
		stop = w->on_refused(w->ctx, s->name, CW_REFUSED_WARC_NO_PAGE, "the web archive");
	return stop;
}

static int walk_archive_as(sources_walk *w, source *s, int seekable, int raw_only);

/* A compressed stream that gave no member: zero bytes followed by text look like an empty tar,
 * and a compressed empty file gives no entry at all. Read again as one raw stream (seekable
 * files), so that every input gives at least one record. An uncompressed container without
 * members (an empty zip or tar) is ARCHIVE_EMPTY. */
static int walk_archive(sources_walk *w, source *s, int seekable)
{
	size_t before = w->members;
	int stop = walk_archive_as(w, s, seekable, 0);
	if (stop || w->members != before || w->archive_failed)
		return stop;
	if (seekable && w->archive_compressed)
		stop = walk_archive_as(w, s, seekable, 1);
	if (stop || w->members != before || w->archive_failed)
		return stop;
	if (w->archive_format == ARCHIVE_FORMAT_EMPTY || w->archive_format == ARCHIVE_FORMAT_RAW) {
		/* A compressed empty file: its one stream, empty (INPUT_EMPTY). */
		char raw[256];
		raw_member_name(s->name, raw, sizeof raw);
		char *name = join_path(s->name, raw);
		if (!name)
			return w->on_failed(w->ctx, s->name, "out of memory");
		source m = { .name = name, .fd = -1, .nesting = s->nesting + 1, .w = w, .expect = -1 };
		stop = w->on_source(w->ctx, &m);
		free(name);
		return stop;
	}
	return w->on_refused(w->ctx, s->name, CW_REFUSED_ARCHIVE_EMPTY, "the archive");
}

static int walk_archive_as(sources_walk *w, source *s, int seekable, int raw_only)
{
	const char *path = s->name;
	struct archive *a = archive_read_new();
	pipe_feed *pf = NULL;
	w->archive_failed = 0;
	if (!a)
		return w->on_failed(w->ctx, path, "out of memory");
	support_formats(a, raw_only);
	int rc;
	if (s->mem) {
		rc = archive_read_open_memory(a, s->mem, s->mem_len);
	} else if (seekable) {
		/* From the start again, so that libarchive can seek (7z keeps its index at the end). */
		lseek(s->fd, 0, SEEK_SET);
		rc = archive_read_open_fd(a, s->fd, ARCHIVE_BLOCK);
	} else {
		pf = malloc(sizeof(*pf));
		if (!pf) {
			archive_read_free(a);
			return w->on_failed(w->ctx, path, "out of memory");
		}
		pf->s = s;
		rc = archive_read_open(a, pf, NULL, pipe_read, NULL);
	}
	int stop = 0;
	size_t members = 0;
	char why[512];
	if (rc != ARCHIVE_OK) {
		snprintf(why, sizeof why, "not a readable archive: %s",
			 archive_error_string(a) ? archive_error_string(a) : "unknown format");
		w->archive_failed = 1;
		stop = w->on_failed(w->ctx, path, why);
		archive_read_free(a);
		free(pf);
		return stop;
	}
	uint64_t base = w->bytes_read;
	struct archive_entry *e;
	while (!stop) {
		rc = archive_read_next_header(a, &e);
		if (rc == ARCHIVE_EOF)
			break;
		if (rc < ARCHIVE_WARN) {
			/* The members before this point were read; what follows is lost. */
			snprintf(why, sizeof why, "damaged archive after %zu member%s: %s", members,
				 members == 1 ? "" : "s",
				 archive_error_string(a) ? archive_error_string(a) : "read error");
			w->archive_failed = 1;
			stop = w->on_failed(w->ctx, path, why);
			break;
		}
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		const char *member = archive_entry_pathname(e);
		char raw[256];
		if (archive_format(a) == ARCHIVE_FORMAT_RAW) {
			raw_member_name(path, raw, sizeof raw);
			member = raw;
		}
		if (!member || hidden_member(member))
			continue;
		while (member[0] == '.' && member[1] == '/')
			member += 2;
		if (s->nesting == 0 && (w->on_member || w->member_first || w->member_count)) {
			size_t at = w->member_met++;
			if (w->on_member) {
				members++;
				w->members++;
				stop = w->on_member(w->ctx, archive_entry_size_is_set(e)
							    ? (int64_t)archive_entry_size(e) : -1);
				/* The data is read through (not parsed): a member the whole walk
				 * cannot read past (a zip's broken deflate stream) ends the archive
				 * there, which runs of members read apart could not know. */
				const void *block;
				size_t len;
				la_int64_t at_byte;
				while (!stop && (rc = archive_read_data_block(a, &block, &len,
									     &at_byte)) == ARCHIVE_OK)
					;
				if (!stop && rc <= ARCHIVE_FATAL) {
					w->archive_failed = 1;
					stop = w->on_failed(w->ctx, path, "a member cannot be read through");
				}
				continue;
			}
			if (at < w->member_first) {
				members++;
				w->members++; /* met: the archive is not empty */
				continue;
			}
			if (w->member_count && at >= w->member_first + w->member_count)
				break;
		}
		char *name = join_path(path, member);
		if (!name) {
			stop = w->on_failed(w->ctx, path, "out of memory");
			break;
		}
		/* The member's first bytes tell an archive inside this one (a tar.gz in a zip): opened
		 * in turn, to a bounded depth, instead of read as text. */
		unsigned char pre[SNIFF];
		source m = { .name = name, .fd = -1, .pre = pre, .ar = a, .nesting = s->nesting + 1,
			     .w = w, .disk_base = base, .expect = -1 };
		while (m.pre_len < SNIFF) {
			la_ssize_t got = archive_read_data(a, pre + m.pre_len, SNIFF - m.pre_len);
			w->bytes_read = base + (uint64_t)archive_filter_bytes(a, -1);
			if (got < 0) {
				snprintf(m.err, sizeof m.err, "%s", archive_error_string(a)
						? archive_error_string(a) : "damaged archive member");
				m.fatal = got <= ARCHIVE_FATAL;
				break;
			}
			if (got == 0)
				break;
			m.pre_len += (size_t)got;
		}
		if (!m.err[0] && archive_entry_size_is_set(e) && archive_entry_size(e) >= 0)
			m.expect = archive_entry_size(e) > (la_int64_t)m.pre_len
					   ? archive_entry_size(e) - (la_int64_t)m.pre_len : 0;
		members++;
		w->members++;
		int warc = m.err[0] ? 0 : warc_sniff(pre, m.pre_len);
		if (warc) {
			/* A web archive inside an archive, or compressed otherwise (.warc.xz). */
			stop = walk_warc(w, &m, warc == 2);
		} else if (!m.err[0] && looks_like_archive(pre, m.pre_len)) {
			char what[64];
			snprintf(what, sizeof what, "an archive at nesting depth %d", m.nesting + 1);
			if (m.nesting >= MAX_NESTING)
				stop = w->on_refused(w->ctx, name, CW_REFUSED_ARCHIVE_TOO_DEEP, what);
			else
				stop = walk_archive(w, &m, 0);
			w->archive_failed = 0; /* the inner archive's failure is its own */
		} else {
			stop = w->on_source(w->ctx, &m);
		}
		free(name);
		if (m.fatal)
			break; /* reported with the member's records: nothing more can be read */
		if (s->nesting == 0 && w->member_count &&
		    w->member_met >= w->member_first + w->member_count)
			break; /* the run's last member: the rest is another shard's */
	}
	w->bytes_read = base + (uint64_t)archive_filter_bytes(a, -1);
	w->archive_format = archive_format(a);
	w->archive_lone = w->archive_format == ARCHIVE_FORMAT_RAW;
	w->archive_compressed = archive_filter_count(a) > 1; /* more than the reading itself */
	archive_read_free(a);
	free(pf);
	return stop;
}

/* A regular file under SOURCE_WHOLE_MAX bytes (size as fstat(2) said) read whole at once into
 * s->whole, with the room a reader wants for it: its bytes, one more (so that the read that gives
 * them also tells the end, as source_read reasons) and the terminating NUL. One read(2) serves
 * the sniffing and the reading, where two did, and the file needs its descriptor no longer.
 * A short read (a file cut meanwhile, a FUSE file system) goes on until the start can be
 * sniffed as read_full would; what is still to come is read later through source_read. Returns
 * the bytes read, -1 on a read error (errno), -2 out of memory (nothing read). */
static ssize_t read_whole(source *s, int fd, int64_t size)
{
	size_t cap = (size_t)size + 2;
	if (cap < SNIFF + 2)
		cap = SNIFF + 2;
	unsigned char *buf = malloc(cap);
	if (!buf)
		return -2;
	size_t got = 0;
	ssize_t r;
	do {
		r = read_retrying(fd, buf + got, cap - 1 - got);
		if (r < 0) {
			int err = errno;
			free(buf);
			errno = err;
			return -1;
		}
		got += (size_t)r;
	} while (r > 0 && got < SNIFF && got != (size_t)size && got < cap - 1);
	s->whole = s->pre = buf;
	s->whole_cap = cap;
	s->pre_len = got;
	s->at_end = r == 0 || got == (size_t)size;
	return (ssize_t)got;
}

/* The start of a stream sniffed (read_full), or a small regular file read whole (read_whole). */
static ssize_t read_start(source *s, unsigned char *sniff, int64_t size)
{
	if (size >= 0 && size < SOURCE_WHOLE_MAX) {
		ssize_t n = read_whole(s, s->fd, size);
		if (n != -2)
			return n;
	}
	ssize_t n = read_full(s->fd, sniff, SNIFF);
	if (n >= 0) {
		s->pre = sniff;
		s->pre_len = (size_t)n;
	}
	return n;
}

/* A file or a stream (fd): an archive goes through libarchive, anything else is one source.
 * size: a regular file's size as the walk's fstat(2) found it, or -1 (then fstat(2) asks). */
static int walk_stream(sources_walk *w, const char *name, int fd, int seekable, int64_t size,
		       int *taken)
{
	unsigned char sniff[SNIFF];
	source s = { .name = name, .fd = fd, .w = w, .expect = -1 };
	struct stat sb;
	if (size < 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
		size = (int64_t)sb.st_size;
	ssize_t n = read_start(&s, sniff, size);
	if (n < 0)
		return w->on_failed(w->ctx, name, strerror(errno));
	if (s.at_end)
		s.expect = 0;
	else if (size >= n)
		s.expect = size - n;
	w->bytes_read += (uint64_t)n;
	/* What is looked at is the start only, as much as was ever sniffed. */
	size_t look = (size_t)n < SNIFF ? (size_t)n : SNIFF;
	int warc = warc_sniff(s.pre, look);
	int stop;
	if (warc) {
		stop = walk_warc(w, &s, warc == 2);
	} else if (looks_like_archive(s.pre, look)) {
		w->bytes_read -= (uint64_t)n; /* counted again as libarchive reads them */
		stop = walk_archive(w, &s, seekable);
	} else {
		stop = w->on_source(w->ctx, &s);
		*taken = s.fd_taken;
	}
	free(s.whole);
	return stop;
}

int sources_each_memory(sources_walk *w, const char *name, const void *buf, size_t len)
{
	int stop;
	if (!(w->guard = walk_guard_new()))
		return 1;
	source s = { .name = name, .fd = -1, .pre = (unsigned char *)(uintptr_t)buf, .pre_len = len,
		     .w = w, .mem = buf, .mem_len = len, .expect = 0 };
	int warc = warc_sniff(buf, len);
	if (warc)
		stop = walk_warc(w, &s, warc == 2);
	else if (looks_like_archive(buf, len))
		stop = walk_archive(w, &s, 1);
	else
		stop = w->on_source(w->ctx, &s);
	walk_guard_free(w->guard);
	w->guard = NULL;
	return stop;
}

/* A directory's entry: its name, and how to open it before looking at it (open_first). */
typedef struct dir_entry {
	char *name;
	int oflags;
} dir_entry;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const dir_entry *)a)->name, ((const dir_entry *)b)->name);
}

/* Opening before looking (fstat(2) on the open file instead of stat(2) on its path: one
 * lookup of the name where there were two) is for what opening cannot block on nor disturb: a
 * regular file or a directory, as the directory entry's type says. Returns the open(2) flags
 * for it, or -1 to look first: anything else (a FIFO would block, a device might act), and an
 * entry whose type the file system does not tell (a symbolic link is followed, as stat(2)
 * follows it). */
static int open_first(const struct dirent *e)
{
#ifdef DT_REG
	if (e->d_type == DT_REG)
		return O_RDONLY | O_CLOEXEC;
	if (e->d_type == DT_DIR)
		return O_RDONLY | O_DIRECTORY | O_CLOEXEC;
#else
	(void)e;
#endif
	return -1;
}

/* Where an input is: its path (for names and messages) and how to reach it, at the top by the
 * path as given (dirfd AT_FDCWD, name the path), below relative to its directory, which stays
 * open while its entries are walked (one component looked up, not the whole path again). */
typedef struct place {
	int dirfd;
	const char *name;
	const char *path;
	int depth;
} place;

static int walk(sources_walk *w, const place *at, int oflags);

/* A directory met again: a loop (it is being read: a symlink back up the tree) or a repeat (read
 * already through another link). Reported once, never followed: the walk stays finite. */
static void report_seen(const char *path, int why, const char *first, int dir)
{
	if (why == WALK_SEEN_LOOP)
		say("%s: warning: directory loop: this is %s, which is being read; "
		    "not followed [WALK_LOOP]", path, first);
	else
		say("%s: note: %s read already as %s (a link); not read again [WALK_REPEAT]", path,
		    dir ? "a directory" : "the file", first);
}

/* The entries of a directory (fd, open; closed here), in name order. */
static int walk_dir(sources_walk *w, const place *at, int fd)
{
	DIR *d = fdopendir(fd);
	if (!d) {
		int err = errno;
		close(fd);
		return w->on_failed(w->ctx, at->path, strerror(err));
	}
	dir_entry *entries = NULL;
	size_t n = 0, cap = 0;
	int oom = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* ., .., and hidden files such as editor backups */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			dir_entry *grown = realloc(entries, cap * sizeof(*grown));
			if (!grown) {
				oom = 1;
				break;
			}
			entries = grown;
		}
		if (!(entries[n].name = strdup(e->d_name))) {
			oom = 1;
			break;
		}
		entries[n++].oflags = open_first(e);
	}
	int stop = oom ? w->on_failed(w->ctx, at->path, "out of memory listing the directory") : 0;
	/* Sorted, so that the output order does not depend on the file system. An empty directory
	 * has no list: qsort must not see a null pointer. */
	if (n)
		qsort(entries, n, sizeof(*entries), by_name);
	for (size_t i = 0; i < n; i++) {
		if (!stop) {
			char *child = join_path(at->path, entries[i].name);
			if (child) {
				place in = { dirfd(d), entries[i].name, child, at->depth + 1 };
				stop = walk(w, &in, entries[i].oflags);
				free(child);
			} else {
				stop = w->on_failed(w->ctx, at->path, "out of memory");
			}
		}
		free(entries[i].name);
	}
	free(entries);
	closedir(d);
	return stop;
}

/* A directory (fd open on it, or -1 to open it here). */
static int walk_into(sources_walk *w, const place *at, const struct stat *sb, int fd)
{
	const char *first;
	int seen = at->depth > MAX_DEPTH ? -1
		   : walk_guard_enter(w->guard, sb->st_dev, sb->st_ino, at->path, &first);
	if (seen != WALK_NEW) {
		if (fd >= 0)
			close(fd);
		if (seen == -1)
			return w->on_failed(w->ctx, at->path, "directories nested too deep");
		if (seen == WALK_SEEN_OOM)
			return w->on_failed(w->ctx, at->path, "out of memory");
		report_seen(at->path, seen, first, 1);
		return 0;
	}
	if (fd < 0)
		fd = openat(at->dirfd, at->name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int stop = fd < 0 ? w->on_failed(w->ctx, at->path, strerror(errno)) : walk_dir(w, at, fd);
	walk_guard_leave(w->guard);
	return stop;
}

/* Found in a directory, only regular files are inputs: a FIFO, socket or device gets a record
 * saying so (opening a FIFO would block). Named on the command line, a pipe or a device is read
 * (<(xz -dc cables.csv.xz), /dev/stdin). Returns 1 (and *stop) when the input is not to be read
 * (refused, skipped, or read already). */
static int passed_over(sources_walk *w, const place *at, const struct stat *sb, int *stop)
{
	*stop = 0;
	if (!S_ISREG(sb->st_mode) && at->depth > 0) {
		const char *what = S_ISFIFO(sb->st_mode)   ? "a FIFO (named pipe)"
				   : S_ISSOCK(sb->st_mode) ? "a socket"
				   : S_ISCHR(sb->st_mode)  ? "a character device"
				   : S_ISBLK(sb->st_mode)  ? "a block device"
							   : "a special file";
		*stop = w->on_refused(w->ctx, at->path, CW_REFUSED_SPECIAL_FILE, what);
		return 1;
	}
	if (S_ISREG(sb->st_mode) && at->depth > 0) {
		/* The run's own output, temporaries and lock are never inputs. */
		if (w->skip_file && w->skip_file(sb->st_dev, sb->st_ino))
			return 1;
		const char *first;
		int seen = walk_guard_file(w->guard, sb->st_dev, sb->st_ino, at->path, &first);
		if (seen == WALK_SEEN_OOM) {
			*stop = w->on_failed(w->ctx, at->path, "out of memory");
			return 1;
		}
		if (seen != WALK_NEW) {
			report_seen(at->path, seen, first, 0);
			return 1;
		}
	}
	return 0;
}

/* An input opened already (fd) or not (-1: looked at first, opened here when it is read). */
static int walk_opened(sources_walk *w, const place *at, const struct stat *sb, int fd)
{
	if (S_ISDIR(sb->st_mode))
		return walk_into(w, at, sb, fd);
	int stop;
	if (passed_over(w, at, sb, &stop)) {
		if (fd >= 0)
			close(fd);
		return stop;
	}
	if (fd < 0 && (fd = openat(at->dirfd, at->name, O_RDONLY | O_CLOEXEC)) < 0)
		return w->on_failed(w->ctx, at->path, strerror(errno));
	int taken = 0;
	stop = walk_stream(w, at->path, fd, S_ISREG(sb->st_mode),
			   S_ISREG(sb->st_mode) ? (int64_t)sb->st_size : -1, &taken);
	if (!taken)
		close(fd);
	return stop;
}

/* oflags: open before looking, with these flags (open_first; at the top always, where whatever
 * is named is read or walked anyway), or -1 to look first. Should the open fail, the input is
 * looked at first and opened as it ever was, so that what is told about it (skipped, read
 * already, the error) comes in the same order. */
static int walk(sources_walk *w, const place *at, int oflags)
{
	if (at->depth == 0 && strcmp(at->path, "-") == 0)
		return walk_stream(w, "-", STDIN_FILENO, 0, -1, &(int){ 0 });
	struct stat sb;
	if (oflags != -1) {
		int fd = openat(at->dirfd, at->name, oflags);
		if (fd >= 0 && fstat(fd, &sb) == 0)
			return walk_opened(w, at, &sb, fd);
		if (fd >= 0)
			close(fd);
	}
	if (fstatat(at->dirfd, at->name, &sb, 0) != 0)
		return w->on_failed(w->ctx, at->path, strerror(errno));
	return walk_opened(w, at, &sb, -1);
}

int sources_each(sources_walk *w, char *const *paths, int n)
{
	int stop = 0;
	if (!(w->guard = walk_guard_new())) {
		say("out of memory");
		return 1;
	}
	measure_fd_budget();
	for (int i = 0; i < n && !stop; i++) {
		place top = { AT_FDCWD, paths[i], paths[i], 0 };
		stop = walk(w, &top, O_RDONLY | O_CLOEXEC);
	}
	walk_guard_free(w->guard);
	w->guard = NULL;
	return stop;
}

/* Each directory and file counted once, as the walk reads them. */
static uint64_t size_of(walk_guard *g, const char *path, int depth)
{
	struct stat sb;
	const char *first;
	if (stat(path, &sb) != 0)
		return 0;
	if (S_ISREG(sb.st_mode))
		return walk_guard_file(g, sb.st_dev, sb.st_ino, path, &first) == WALK_NEW
			       ? (uint64_t)sb.st_size : 0;
	if (!S_ISDIR(sb.st_mode) || depth > MAX_DEPTH ||
	    walk_guard_enter(g, sb.st_dev, sb.st_ino, path, &first) != WALK_NEW)
		return 0;
	DIR *d = opendir(path);
	if (!d)
		return 0;
	uint64_t total = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *child = join_path(path, e->d_name);
		if (!child)
			break;
		total += size_of(g, child, depth + 1);
		free(child);
	}
	closedir(d);
	walk_guard_leave(g);
	return total;
}

uint64_t sources_total_bytes(char *const *paths, int n)
{
	uint64_t total = 0;
	walk_guard *g = walk_guard_new();
	for (int i = 0; g && i < n; i++)
		total += strcmp(paths[i], "-") ? size_of(g, paths[i], 0) : 0;
	walk_guard_free(g);
	return total;
}
