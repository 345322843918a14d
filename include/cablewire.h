/*
 * cablewire: turns diplomatic cables and newswire stories into structured records.
 *
 * The one public header. Everything is reached through opaque handles with new/free pairs and the
 * cw_ prefix. The library keeps no global state and never prints: it returns records, and each
 * record carries its diagnostics. Handles are not shared between threads; separate handles on
 * separate threads need no locking.
 *
 * The flow:
 *
 *     cw_options *opt = cw_options_new();
 *     cw_reader *rd = cw_reader_new(opt, "cables/06DAMASCUS728.html");
 *     cw_reader_feed(rd, buf, len);      // any number of times, any chunk size
 *     cw_reader_finish(rd);              // end of input
 *     cw_record *rec;
 *     while (cw_reader_next(rd, &rec) == CW_OK) {
 *         cw_emit(emitter, rec);         // or read it through cw_record_root()
 *         cw_record_free(rec);
 *     }
 *
 * cw_reader_next_unit() + cw_unit_parse() split the same work in two so that the (cheap) split of
 * an input into units can run on one thread and the parse of each unit on others.
 */
#ifndef CABLEWIRE_H
#define CABLEWIRE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with -fvisibility=hidden: what this header declares is its API, and the
 * only thing its shared object exports (tests/symbols.sh checks that every export is cw_). */
#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

#define CW_VERSION "0.1.0"
#define CW_VERSION_MAJOR 0
#define CW_VERSION_MINOR 1
#define CW_VERSION_PATCH 0


/* The library's version at run time (CW_VERSION is the header's). */
const char *cw_version(void);

/* ---------------------------------------------------------------------------------------------
 * Status codes
 */
typedef enum cw_status {
	CW_OK = 0,       /* a record or unit was returned */
	CW_END = 1,      /* no more records: input finished and drained */
	CW_AGAIN = 2,    /* more input is needed before the next unit is complete */
	CW_ENOMEM = -1,  /* out of memory */
	CW_EINVAL = -2   /* invalid argument or call order */
} cw_status;

/* ---------------------------------------------------------------------------------------------
 * Input forms. CW_FORM_AUTO detects the form from the first bytes of the input.
 */
typedef enum cw_form {
	CW_FORM_AUTO = 0,
	CW_FORM_TEXT,            /* telegrams as plain text, one or several in a file */
	CW_FORM_WIKILEAKS_HTML,  /* a WikiLeaks cablegate page (2010-2011 layouts) */
	CW_FORM_MARKDOWN,        /* such a page converted to Markdown */
	CW_FORM_CABLES_CSV,      /* the leak's cables.csv: one row per cable, streamed */
	CW_FORM_BODY_TEXT,       /* a page's body block saved as text ("<code><pre>" first) */
	CW_FORM_PDF_TEXT,        /* text converted from the release's PDFs (Windows-1252, CRLF) */
	CW_FORM_ARTICLE_TEXT,    /* a news article as web-page text (site chrome around it) */
	CW_FORM_WIRE_TEXT,       /* plain wire copy: headline, bylines, dateline, body */
	CW_FORM_REUTERS_SGML,    /* Reuters-21578 SGML: <REUTERS> records, one story each */
	CW_FORM_ANPA,            /* ANPA-1312 wire stream: SYN SYN SOH ... EOT, stories back to back */
	CW_FORM_IPTC7901,        /* IPTC 7901 wire stream: SOH ... EOT */
	CW_FORM_NITF,            /* NITF 3.x XML: one document a story, documents back to back */
	CW_FORM_NEWSML_G2,       /* IPTC NewsML-G2: a newsItem (or the first of a package) */
	CW_FORM_NEWSML,          /* IPTC NewsML 1.2: a NewsML envelope's first news item */
	CW_FORM_NINJS,           /* IPTC ninjs 1.x-3.x JSON: one object a story, JSON Lines too */
	CW_FORM_ARTICLE_HTML,    /* a saved news web page (HTML): one story */
	CW_FORM_COUNT
} cw_form;

/* "text", "wikileaks-html", "markdown", ...; NULL for an unknown value. */
const char *cw_form_name(cw_form form);
/* Parses a form name as given to --from; returns -1 when unknown. */
int cw_form_from_name(const char *name);

/* ---------------------------------------------------------------------------------------------
 * Options: shared read-only by any number of readers once set up.
 */
typedef struct cw_options cw_options;

cw_options *cw_options_new(void);
void cw_options_free(cw_options *opt);
/* Forces an input form instead of detecting it. */
void cw_options_set_form(cw_options *opt, cw_form form);
/* Largest unit (one cable or story) accepted, in bytes; a larger unit yields an error record.
 * Default 256 MiB. */
void cw_options_set_max_unit_bytes(cw_options *opt, size_t max);
/* Most items kept in any one list of a record (addressees, paragraphs, ...); the rest are counted
 * in a diagnostic. Default 1,000,000. */
void cw_options_set_max_items(cw_options *opt, size_t max);
/* The name standard input ("-") is given in records and messages, as if it were that file (a
 * body text's release id comes from its name); NULL gives "-" again. Copied. Returns 0, or -1
 * when out of memory. */
int cw_options_set_stdin_name(cw_options *opt, const char *name);

/* ---------------------------------------------------------------------------------------------
 * Diagnostics: located at the input bytes they are about.
 */
typedef enum cw_severity {
	CW_NOTE = 0,
	CW_WARNING = 1,
	CW_ERROR = 2
} cw_severity;

typedef struct cw_diag {
	cw_severity severity;
	const char *code;     /* stable identifier, e.g. "HDR_DTG_INVALID"; see docs/diagnostics.md */
	uint32_t line;        /* 1-based line in the input file */
	uint32_t column;      /* 1-based column, in bytes */
	uint64_t offset;      /* 0-based byte offset in the input file */
	const char *message;  /* one sentence, no trailing period */
} cw_diag;

const char *cw_severity_name(cw_severity s);

/* ---------------------------------------------------------------------------------------------
 * Values: every record is a tree of values, read through these accessors. Objects keep their
 * keys in insertion order. Strings are valid UTF-8 and carry their length.
 */
typedef enum cw_type {
	CW_NULL = 0,
	CW_BOOL,
	CW_INT,
	CW_STRING,
	CW_ARRAY,
	CW_OBJECT
} cw_type;

typedef struct cw_value cw_value;

cw_type cw_value_type(const cw_value *v);          /* CW_NULL for a NULL pointer */
const char *cw_value_string(const cw_value *v, size_t *len);  /* NULL unless CW_STRING */
int64_t cw_value_int(const cw_value *v);            /* 0 unless CW_INT */
int cw_value_bool(const cw_value *v);               /* 0 unless CW_BOOL */
size_t cw_value_count(const cw_value *v);           /* items of an array or members of an object */
/* Member lookup; a dotted path ("routing.originator.ri") walks nested objects. */
const cw_value *cw_value_get(const cw_value *obj, const char *path);
/* i-th array item or i-th member value of an object (O(i)); use the iterators to walk. */
const cw_value *cw_value_at(const cw_value *v, size_t i);

/* Iteration over array items and object members, in order:
 *     for (const cw_member *m = cw_value_first(v); m; m = cw_member_next(m)) ...
 * For arrays, cw_member_key() returns NULL. */
typedef struct cw_member cw_member;
const cw_member *cw_value_first(const cw_value *v);
const cw_member *cw_member_next(const cw_member *m);
const char *cw_member_key(const cw_member *m);
const cw_value *cw_member_value(const cw_member *m);

/* ---------------------------------------------------------------------------------------------
 * Records: one cable or story, in one arena.
 */
typedef struct cw_record cw_record;

/* The version of the records' schema, every record's schema_version (docs/CHANGES.md). */
#define CW_RECORD_SCHEMA_VERSION 1

/* The record as a value tree: an object with "kind", "id", "source", ..., "diagnostics". */
const cw_value *cw_record_root(const cw_record *rec);
/* "cable", or "error" when the input could not be read as any kind of record. */
const char *cw_record_kind(const cw_record *rec);
size_t cw_record_diag_count(const cw_record *rec);
const cw_diag *cw_record_diag(const cw_record *rec, size_t i);
/* Number of diagnostics of at least this severity. */
size_t cw_record_count_at_least(const cw_record *rec, cw_severity s);
/* The unit's raw input bytes (for rendering diagnostics with their source line), and the file
 * offset and line number at which they start. */
const char *cw_record_input(const cw_record *rec, size_t *len, uint64_t *file_offset,
			    uint32_t *file_line);
void cw_record_free(cw_record *rec);

/* ---------------------------------------------------------------------------------------------
 * Readers: split one input (file, archive member, standard input) into units and parse them.
 * Input is pushed in chunks; memory holds only the unit in progress.
 */
typedef struct cw_reader cw_reader;
typedef struct cw_unit cw_unit;

/* path names the input in records and diagnostics; it may be NULL ("-"). opt must outlive the
 * reader. */
cw_reader *cw_reader_new(const cw_options *opt, const char *path);
void cw_reader_free(cw_reader *rd);
/* Appends input bytes (copied). Returns CW_OK or CW_ENOMEM. */
cw_status cw_reader_feed(cw_reader *rd, const char *buf, size_t len);
/* Marks the end of input. */
void cw_reader_finish(cw_reader *rd);
/* Next complete unit: CW_OK (*out set, caller owns it), CW_AGAIN (feed more), CW_END. */
cw_status cw_reader_next_unit(cw_reader *rd, cw_unit **out);
/* Next record: cw_reader_next_unit() followed by cw_unit_parse(). */
cw_status cw_reader_next(cw_reader *rd, cw_record **out);
/* The form detected (or forced) for this input; CW_FORM_AUTO until known. */
cw_form cw_reader_form(const cw_reader *rd);

/* Parses a unit into a record and frees the unit. Never returns NULL unless out of memory: input
 * that cannot be parsed gives an "error" record with its diagnostics. Safe to call on any
 * thread. */
cw_record *cw_unit_parse(const cw_options *opt, cw_unit *unit);
void cw_unit_free(cw_unit *unit);
/* 0-based position of the unit in its input. */
uint64_t cw_unit_index(const cw_unit *unit);
/* The unit's size in bytes as held in memory (for bounding the work in flight). */
size_t cw_unit_size(const cw_unit *unit);

/* An "error" record for an input that failed below the parser, for tools that walk inputs and
 * must account for every one: unreadable (the file could not be opened or read at all:
 * INPUT_UNREADABLE, source.format null), or else reading stopped at byte offset after index
 * units (INPUT_READ_ERROR; a truncated archive member, an I/O error). why is the system's
 * reason. */
cw_record *cw_record_input_failed(const cw_options *opt, const char *path, cw_form form,
				  uint64_t index, uint64_t offset, int unreadable, const char *why);

/* An "error" record for an input a walker found but did not read, saying why: a special file
 * (a FIFO, socket or device met in a directory: INPUT_SPECIAL_FILE), an archive nested deeper
 * than the walker opens (ARCHIVE_TOO_DEEP), an archive holding no member at all
 * (ARCHIVE_EMPTY). what names the thing found ("a FIFO", "a zip archive at depth 4"). */
typedef enum cw_refusal {
	CW_REFUSED_SPECIAL_FILE,
	CW_REFUSED_ARCHIVE_TOO_DEEP,
	CW_REFUSED_ARCHIVE_EMPTY,
	CW_REFUSED_WARC_NO_PAGE   /* a web archive whose records hold no HTML page (WARC_NO_PAGE) */
} cw_refusal;
cw_record *cw_record_input_refused(const cw_options *opt, const char *path, cw_refusal why,
				   const char *what);

/* Web archives (WARC/1.0 and 1.1, plain or gzip) are read by the walks (cw_walk, cw_convert):
 * each response record holding an HTML page is an input named ARCHIVE/TARGET-URI; every other
 * record is skipped and counted by one of these kinds. */
typedef enum cw_warc_skip {
	CW_WARC_SKIP_WARCINFO,
	CW_WARC_SKIP_REQUEST,
	CW_WARC_SKIP_METADATA,
	CW_WARC_SKIP_REVISIT,
	CW_WARC_SKIP_RESOURCE,
	CW_WARC_SKIP_CONVERSION,
	CW_WARC_SKIP_CONTINUATION,
	CW_WARC_SKIP_OTHER_TYPE,     /* a WARC-Type the standard does not name */
	CW_WARC_SKIP_NOT_HTML,       /* a response whose payload is no HTML page (an image, a
				      * script, a DNS answer) */
	CW_WARC_SKIP_STATUS,         /* a response whose HTTP status is not 200 (a redirect, an
				      * error page, 304 Not Modified) */
	CW_WARC_SKIP_COUNT
} cw_warc_skip;
/* "warcinfo", ..., "not-html", "status-not-200". */
const char *cw_warc_skip_name(cw_warc_skip kind);

/* Convenience: parses a whole buffer holding exactly one unit. */
cw_record *cw_parse(const cw_options *opt, const char *buf, size_t len, const char *path);

/* ---------------------------------------------------------------------------------------------
 * Emitters: write records through one sink callback.
 */
typedef enum cw_format {
	CW_FORMAT_JSON = 0,  /* one JSON array of records */
	CW_FORMAT_JSONL,     /* one record a line */
	CW_FORMAT_XML,       /* one <records> document: <cable>, <article>, <error> (schema/records.rng) */
	CW_FORMAT_CSV,       /* a header row, then one flat row per record (RFC 4180) */
	/* CSV companion tables of the one-to-many parts, a row per item, keyed by the record's key */
	CW_FORMAT_CSV_RECIPIENTS,
	CW_FORMAT_CSV_TAGS,
	CW_FORMAT_CSV_REFERENCES,
	CW_FORMAT_CSV_PARAGRAPHS,
	CW_FORMAT_CSV_BYLINES,
	CW_FORMAT_CSV_CREDITS,
	CW_FORMAT_CSV_DIAGNOSTICS,
	CW_FORMAT_TEXT,      /* the clean telegram or story, records parted by a form feed line */
	CW_FORMAT_NITF,      /* NITF 3.6: one XML document a record, one after another (a stream) */
	CW_FORMAT_NINJS,     /* IPTC ninjs 2.1: one JSON object a record, one a line */
	CW_FORMAT_NEWSML_G2, /* IPTC NewsML-G2: one newsItem document a record, one after another */
	CW_FORMAT_COUNT
} cw_format;

const char *cw_format_name(cw_format f);
int cw_format_from_name(const char *name);   /* -1 when unknown */

/* Receives output bytes; returns 0, or non-zero to stop with an I/O error. */
typedef int (*cw_write_fn)(void *ctx, const char *buf, size_t len);

typedef struct cw_emitter cw_emitter;

/* pretty: indent JSON or XML for reading (json, xml and nitf; ninjs is always one line). */
cw_emitter *cw_emitter_new(cw_format f, cw_write_fn write, void *ctx, int pretty);
/* Each returns 0, or -1 when the sink reported an error. */
int cw_emit(cw_emitter *em, const cw_record *rec);
int cw_emitter_finish(cw_emitter *em);
void cw_emitter_free(cw_emitter *em);

/* Parallel writing. A detached emitter renders records only, never the stream's opening or
 * closing; cw_emit_at() renders rec exactly as cw_emit() would write it as the stream's record
 * number index (0-based: the separator before it, if any, included). Each thread renders into
 * its own detached emitter; the writing thread appends the bytes, in record order, to an ordinary
 * emitter with cw_emit_rendered(), which writes the opening before the first and counts each as
 * a record, so cw_emitter_finish() closes the stream as usual. The stream is then byte-identical
 * to cw_emit() calls in the same order. buf may hold several records' renderings one after the
 * other (a batch rendered by one thread, as cw_emit_at() gave them), appended in one call: the
 * count only tells the closing whether any record was written. */
cw_emitter *cw_emitter_new_detached(cw_format f, cw_write_fn write, void *ctx, int pretty);
int cw_emit_at(cw_emitter *em, const cw_record *rec, uint64_t index);
int cw_emit_rendered(cw_emitter *em, const char *buf, size_t len);

/* Writes one value as JSON (used by tools that print parts of a record). */
int cw_value_write_json(const cw_value *v, cw_write_fn write, void *ctx, int pretty);

/* ---------------------------------------------------------------------------------------------
 * Archive: records kept in an SQLite database (README.md, "The SQLite archive"): normalised
 * tables (records, cables, addressees, tags, refs, paragraphs, articles, bylines, credits), an
 * FTS5 indexes `cables_fts` and `articles_fts` (subject or headline, and the text), and a `latest` view. Adding is
 * idempotent: a record whose content is already archived under its id (a cable's id, an
 * article's key) writes nothing; a different content under the same id is kept as the next
 * version, never overwriting the earlier one. Not a cw_format: an archive is a file updated in
 * place, not a stream of bytes.
 *
 *     char err[256];
 *     cw_archive *ar = cw_archive_open("cables.sqlite", err, sizeof err);
 *     if (!ar) ... err says why
 *     while (cw_reader_next(rd, &rec) == CW_OK) {
 *         if (cw_archive_add(ar, rec) < 0) ... cw_archive_error(ar)
 *         cw_record_free(rec);
 *     }
 *     if (cw_archive_commit(ar) != 0) ... cw_archive_error(ar)
 *     cw_archive_close(ar);
 *
 * Writes are grouped in transactions of many records: until cw_archive_commit() or
 * cw_archive_close(), other connections do not see the latest records, and a crash loses them
 * (adding the same input again puts exactly those back). One handle, one thread.
 */
/* 2: the full-text tables cables_fts and articles_fts (external content: the text column of
 * cables and articles), records_record_id; 1: fulltext (contentless). docs/CHANGES.md. An
 * archive of an earlier version is migrated in place when opened. */
#define CW_ARCHIVE_SCHEMA_VERSION 2

typedef struct cw_archive cw_archive;

typedef enum cw_archive_result {
	CW_ARCHIVE_INSERTED = 0,     /* a new id: stored as version 1 */
	CW_ARCHIVE_PRESENT = 1,      /* this content is already archived under this id: no change */
	CW_ARCHIVE_NEW_VERSION = 2,  /* the id is archived with other content: the next version */
	CW_ARCHIVE_ERROR = -1        /* nothing of the record was written; see cw_archive_error() */
} cw_archive_result;

typedef struct cw_archive_stats {
	size_t inserted;      /* records added as version 1 */
	size_t present;       /* records already archived */
	size_t new_versions;  /* records added as a later version of an archived id */
	size_t failed;        /* records that could not be written */
} cw_archive_stats;

/* Opens an archive, creating the file and its schema when missing or empty. An existing file
 * must be an archive of this schema version. Returns NULL with a message in err (may be NULL). */
cw_archive *cw_archive_open(const char *path, char *err, size_t errlen);
/* Stores one record of any kind ("error" records too, in the records table only); returns a
 * cw_archive_result. */
int cw_archive_add(cw_archive *ar, const cw_record *rec);
/* Commits the records added so far. Returns 0, or -1 (the uncommitted records are lost). */
int cw_archive_commit(cw_archive *ar);
/* Resuming an interrupted run: an opaque marker (the caller's, e.g. how many inputs it has
 * added) written into the archive with the next commit, so that it is committed together with
 * the records it describes; NULL removes it. cw_archive_get_resume() returns the committed marker
 * (malloc'd; the caller frees it) or NULL. */
int cw_archive_set_resume(cw_archive *ar, const char *marker);
char *cw_archive_get_resume(cw_archive *ar);
/* The last error's message, "" when none. */
const char *cw_archive_error(const cw_archive *ar);
void cw_archive_get_stats(const cw_archive *ar, cw_archive_stats *out);
/* Commits and closes; returns 0, or -1 when the commit failed. NULL is a no-op. */
int cw_archive_close(cw_archive *ar);

/* The record as compact JSON, exactly its JSON Lines line without the newline (malloc'd,
 * NUL-terminated; free it with cw_free()); NULL when out of memory. For bindings (the Python
 * package) that want one string a record. */
char *cw_record_json(const cw_record *rec, size_t *len);
/* Frees what the library allocated for the caller (cw_record_json()). */
void cw_free(void *p);

/* ---------------------------------------------------------------------------------------------
 * Inputs, outputs and conversion: what the command does, as library calls (the command, the
 * Python package and other drivers share them).
 *
 * Messages: problems with files (an input that cannot be read, a write error) are told, one line
 * each without a prefix ("cables/x.html: Permission denied"), to the handler set on the calling
 * thread; with none set nothing is printed (the records still carry every failure). */
typedef void (*cw_message_fn)(void *ctx, const char *message);
void cw_set_message_handler(cw_message_fn fn, void *ctx);

/* What a walk over inputs read. */
typedef struct cw_walk_stats {
	size_t inputs;     /* input streams read (files, archive members, standard input) */
	size_t failed;     /* inputs that could not be read, wholly or in part */
	size_t units;      /* records handed out, failure records included */
	uint64_t bytes;    /* bytes read so far */
} cw_walk_stats;

/* Receives each record (owns it); returns 0 to go on, non-zero to stop. */
typedef int (*cw_record_fn)(void *ctx, cw_record *rec);

/* Reads paths in order: files, directory trees (recursively, in name order, hidden files
 * skipped), "-" (standard input), archives read in place (tar, zip, 7z, ..., compressed or
 * not), member by member, and web archives (WARC, plain or gzip) page by page (cw_warc_skip).
 * Every cable or story gives one record, parsed on the calling thread; an input that cannot be
 * read, or a web archive's damage, gives an error record. A cw_reader fed a WARC's bytes does
 * not read it as one: only the walks do. Returns 0, or non-zero when fn asked to stop
 * or memory ran out. stats may be NULL. */
int cw_walk(const cw_options *opt, const char *const *paths, int n, cw_record_fn fn,
	    void *ctx, cw_walk_stats *stats);

/* An output file written under a temporary name and renamed when closed complete ("-" is
 * standard output; devices and pipes are written in place). */
typedef struct cw_output cw_output;
cw_output *cw_output_open(const char *path);
/* A cw_write_fn: ctx is the cw_output. */
int cw_output_write(void *ctx, const char *buf, size_t len);
/* Returns 0 when complete and in place; discard removes it instead. */
int cw_output_close(cw_output *o, int discard);

/* convert's output formats: a cw_format, or the SQLite archive (a file updated in place). */
enum { CW_FORMAT_SQLITE = 1000 };
/* The format an output's name asks for (-1: none known; "-" and names without an extension
 * known: -1 too). */
int cw_format_from_path(const char *path);

typedef struct cw_code_count {
	const char *code;    /* the library's static code string */
	cw_severity severity;
	size_t n;
} cw_code_count;

/* Where a conversion stands, for a progress display. */
typedef struct cw_progress {
	size_t records;        /* records written */
	uint64_t bytes;        /* bytes of input data read (archive members: uncompressed) */
	uint64_t disk_read;    /* bytes of the input files read from disk so far */
	uint64_t disk_total;   /* the input files' size on disk; 0 when unknown (standard input) */
} cw_progress;

typedef struct cw_convert_request {
	const cw_options *options;    /* NULL: the defaults */
	const char *const *inputs;    /* as cw_walk() reads them */
	int ninputs;
	const char *output;           /* a path, or "-" */
	int format;                   /* a cw_format, CW_FORMAT_SQLITE, or -1: from the output's name */
	const char *csv_tables;       /* a folder for the CSV companion tables (created), or NULL */
	unsigned jobs;                /* parsing threads; 0: one per core */
	int resume;                   /* continue an interrupted JSON Lines or SQLite output */
	/* Called on the calling thread a few times a second at most; may be NULL. */
	void (*on_progress)(void *ctx, const cw_progress *progress);
	/* Polled on the calling thread; non-zero stops the run cleanly (the records in flight are
	 * written, a JSON Lines output is kept as OUT.partial). May be NULL. */
	int (*cancelled)(void *ctx);
	void *ctx;
	/* Diagnostic codes left out of the summary's counts and codes (the records keep them). */
	const char *const *ignore;
	size_t nignore;
} cw_convert_request;

typedef struct cw_convert_summary {
	size_t inputs, inputs_failed;
	size_t records, with_errors, with_warnings, error_records;
	uint64_t skipped;             /* resuming: records the output held already */
	int interrupted;              /* stopped by cancelled(): the output holds whole records */
	int failed;                   /* a write failed or memory ran out */
	int output_lost;              /* a write error: the records converted are not in the
				       * output (a JSON Lines OUT.partial keeps those written) */
	int mismatch;                 /* resuming: the output's last record is not these inputs' */
	int too_short;                /* resuming: the inputs give fewer records than it holds */
	int usage;                    /* the request itself was wrong (told to the handler) */
	int format;                   /* the format written */
	size_t inserted, unchanged, new_versions;  /* an SQLite archive's changes */
	cw_code_count *codes;         /* warnings and errors by code, most frequent first */
	size_t ncodes;
	char *note;                   /* what to do next ("OUT.partial kept: run again with
				       * --resume to continue"), or NULL */
	uint64_t warc_pages;          /* web archives: the records read as pages */
	uint64_t warc_skipped[CW_WARC_SKIP_COUNT]; /* ... and those skipped, by kind */
} cw_convert_summary;

/* Converts the inputs into one output, parsing on req->jobs threads, writing in input order.
 * Returns 0 when every input was converted and written; the summary says what happened in any
 * case (free it with cw_convert_summary_free()). */
int cw_convert(const cw_convert_request *req, cw_convert_summary *summary);
void cw_convert_summary_free(cw_convert_summary *summary);

/* ---------------------------------------------------------------------------------------------
 * Line mode: one input per line of a stream, for engines that pipe data through a command
 * (Hadoop Streaming, Spark's RDD.pipe; cablewire parse --lines). A line is a JSON object
 * {"name": ..., "text": ...} ("name" a string or null, optional; other members of scalar value
 * ignored) or a JSON string, the text.
 *
 * Parses one line (len bytes; a trailing newline is left out), number lineno (1-based) of its
 * stream: fn receives the records of the units the text holds, in order, each with source.line
 * set to lineno and source.path to the name ("-" without one), which gives a body text its
 * release id as a file's name does. A line that is not such JSON gives one error record
 * (LINE_INVALID, located in the line); a blank line gives none. Returns 0, non-zero when fn
 * asked to stop, or -1 when memory ran out. */
int cw_parse_line(const cw_options *opt, const char *line, size_t len, uint64_t lineno,
		  cw_record_fn fn, void *ctx);

/* ---------------------------------------------------------------------------------------------
 * Shards: the same conversion cut into pieces that run apart, on other processes or machines
 * (python/cablewire/distributed.py runs them on a Dask cluster), whose rendered bytes, joined in
 * order, are the output cw_convert() writes. A shard is a whole input (read as cw_walk() reads
 * it: a file, an archive and its members, a tree), a run of an archive's members, or a run of
 * units of one large file
 * (cables.csv, Reuters SGML, a wire capture, concatenated telegrams) starting at a unit boundary
 * found by the library's own splitter, with its units' index, offset and line counted over the
 * whole file. */

/* Where a unit starts in its input: the byte offset and the line of its first byte. */
uint64_t cw_unit_offset(const cw_unit *unit);
uint32_t cw_unit_line(const cw_unit *unit);
/* Starts a fresh reader (nothing fed yet) at a unit boundary of its input: the next unit gets
 * this index, byte offset and line. Feed it the input from that offset on, with the form forced
 * to the one the whole input's reader found. CW_EINVAL when the reader has begun. */
cw_status cw_reader_set_origin(cw_reader *rd, uint64_t index, uint64_t offset, uint32_t line);

/* Receives one cut: the unit that starts a shard. Returns 0 to go on. */
typedef int (*cw_cut_fn)(void *ctx, uint64_t offset, uint64_t index, uint32_t line);

/* Cuts the file path into shards of about target bytes at unit boundaries, splitting it as a
 * reader of the whole file does (parsing nothing): fn receives each shard's first unit, the
 * first at (0, 0, 1). *form gets the form found, *units the file's unit count. Returns 0 when
 * cut; 1 when the file is read whole instead (an archive, a compressed file, a form of one unit
 * per input, a UTF-16 or UTF-32 text): fn was not called; -1 when it cannot be read or memory
 * ran out (the shard of the whole file then gives its error record). */
int cw_shard_cut(const cw_options *opt, const char *path, uint64_t target, cw_cut_fn fn,
		 void *ctx, cw_form *form, uint64_t *units);

/* Receives one member of an archive: its size uncompressed, -1 when the archive does not say.
 * Returns 0 to go on. */
typedef int (*cw_member_fn)(void *ctx, int64_t size);

/* Lists the members of the archive path, in the order the walk reads them, without parsing
 * them: the top-level members the walk hands on, each counted once (hidden ones and
 * directories are not members; an archive inside counts as one). Their data is read through
 * (decompressed, not parsed): a member the walk cannot read past ends the archive there, which
 * runs of members read apart could not know. fn receives each member, *count gets their
 * number. Returns 0 when listed; 1 when the path is read whole instead (not an archive, a lone
 * compressed file, an archive without members or damaged anywhere: its failure is then
 * reported by the one shard that reads it); -1 when it cannot be read or memory ran out. */
int cw_shard_members(const cw_options *opt, const char *path, cw_member_fn fn, void *ctx,
		     uint64_t *count);

typedef struct cw_shard_request {
	const cw_options *options;  /* NULL: the defaults */
	const char *path;
	/* units 0: the whole input, as cw_walk() reads path. Otherwise units units of the file,
	 * from the cut (offset, index, line) that cw_shard_cut() gave, in the form it found. */
	uint64_t units;
	uint64_t offset, index;
	uint32_t line;
	cw_form form;
	int format;                 /* a cw_format: what the records are rendered as */
	int pretty;
	int first;                  /* the shard's first record is the output's first */
	cw_write_fn write;          /* receives the rendered bytes, record by record, in order */
	void *ctx;
	const char *const *ignore;  /* codes left out of the counts, as cw_convert_request's */
	size_t nignore;
	/* units 0 and path an archive: only its members [member_first, member_first +
	 * member_count) as cw_shard_members() lists them (member_count 0: to the end; both 0:
	 * the whole archive). Each member is an input of its own, so its records are the whole
	 * archive's for it; a run that finds fewer members than asked fails (-1, the archive
	 * changed since it was listed). */
	uint64_t member_first, member_count;
} cw_shard_request;

typedef struct cw_shard_result {
	size_t inputs, inputs_failed;      /* as cw_convert_summary's (a cut file counts in
					    * its first shard, an archive's members in theirs) */
	size_t records, with_errors, with_warnings, error_records;
	cw_code_count *codes;              /* by code and severity, in no particular order */
	size_t ncodes;
	uint64_t warc_pages;               /* as cw_convert_summary's */
	uint64_t warc_skipped[CW_WARC_SKIP_COUNT];
} cw_shard_result;

/* Converts one shard. Returns 0, or -1 when a write failed or memory ran out (the bytes written
 * are then incomplete). Free the result with cw_shard_result_free() in any case. */
int cw_shard_convert(const cw_shard_request *req, cw_shard_result *result);
void cw_shard_result_free(cw_shard_result *result);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif
