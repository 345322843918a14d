/* Pathological inputs stay linear (issue 7): each must parse within a time budget, whole and
 * streamed, in every input form it makes sense in.
 *
 * Every case is generated here (no big files are committed) as the text of a telegram or a
 * story, then put into each of its forms: plain telegram text, a cables.csv row (the text in
 * the body field, escaped the way the leak's dump does), a WikiLeaks page (a <pre> body with
 * its line ends as entities, so the whole body is one physical line), wire text and web-page
 * text for stories. The markup cases (markup opened over and over and never closed: <a x in a
 * page, [a]( in Markdown, tags in Reuters SGML) are made whole, in their one form. Each input
 * then goes through three paths:
 *
 *   - cw_parse() on the whole buffer (what parse_buf does);
 *   - a cw_reader fed in 64 KiB chunks, then cw_reader_finish() and cw_reader_next();
 *   - the same in 4 KiB chunks: a splitter that rescans its pending input on every feed, a
 *     classic quadratic, costs (size / 4 KiB) times more here than whole.
 *
 * and the record of the whole-buffer parse is written through the JSON, XML, CSV, text, NITF and
 * ninjs emitters (into a sink that only counts bytes).
 *
 * The budgets, on CPU time: every case's table entry holds the CPU seconds of its slowest path at
 * -O2 and its largest peak memory, as measured on the 2-core CI machine (CW_LINEAR_REPORT=1
 * prints them). A path may take BUDGET_FACTOR times that (at least MIN_BUDGET): a linear run
 * does not come near, a quadratic one (minutes at these sizes) cannot meet it. A streamed path
 * is held to its own input's whole-buffer time as well (at most STREAM_FACTOR times it): a
 * rescan of the pending input on every feed, even one as fast as memchr, costs a 50 MB input
 * 20 s in 4 KiB chunks, against about 1 s whole; that check needs no calibration and holds
 * under sanitizers too. Under AddressSanitizer + UBSan (make asan, -O1) runs are 2-5 times
 * slower: the budgets are multiplied by SANITIZER_SLOWDOWN instead of scaling the inputs down,
 * so the sanitizer run tests the same sizes (the suite takes about 2 minutes there, under a
 * minute at -O2).
 *
 * Memory is checked where it can be measured (Linux, no sanitizer): the peak resident set of
 * each path, over what the process held before it, may be MEMORY_MARGIN times the measured
 * peak (plus MEMORY_SLACK_MIB): a 50 MB paragraph costs 100-200 MiB (its input, the decoded
 * text, the paragraph joined from its lines); a copy too many or a table per word shows.
 *
 * CW_LINEAR_REPORT=1 prints one line per run (case, form, path, bytes, CPU and wall seconds,
 * peak memory) on standard error: the numbers to put in the table when it is revisited. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "check_helpers.h"

#if defined(__SANITIZE_ADDRESS__)
#define CW_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define CW_SANITIZED 1
#endif
#endif
#ifndef CW_SANITIZED
#define CW_SANITIZED 0
#endif

#define BUDGET_FACTOR 12
#define MIN_BUDGET 1.0
#define STREAM_FACTOR 4
#define STREAM_SLACK 0.25
/* Sanitized builds (-O1, ASan + UBSan) measured 2-4.4 times slower; the CI machine is shared. */
#define SANITIZER_SLOWDOWN 5
#define MEMORY_MARGIN 1.1
#define MEMORY_SLACK_MIB 16

/* Budgets are on the CPU time of the process (the test's own, in Check's fork mode): on a shared
 * machine wall time also counts the other jobs; a quadratic costs CPU time all the same. */
static double seconds(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- growing buffers -------------------------------------------------------------------- */

typedef struct sb {
	char *p;
	size_t n, cap;
} sb;

static void sb_put(sb *b, const char *s, size_t n)
{
	if (!n)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		ck_assert_ptr_nonnull(b->p);
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_puts(sb *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_printf(sb *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void sb_printf(sb *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	ck_assert(n >= 0 && (size_t)n < sizeof tmp);
	sb_put(b, tmp, (size_t)n);
}

/* s repeated until n more bytes are written (the last copy cut short). */
static void sb_fill(sb *b, const char *s, size_t n)
{
	size_t l = strlen(s);
	while (n >= l) {
		sb_put(b, s, l);
		n -= l;
	}
	sb_put(b, s, n);
}

/* n bytes of prose: words drawn from a small vocabulary by a fixed pseudo-random sequence (so
 * that word-level work, such as hashing four-word runs, sees varied text), lines of at most
 * width bytes, or one line when width is 0. */
static void sb_prose(sb *b, size_t n, size_t width)
{
	static const char *const words[] = {
		"the", "minister", "said", "that", "council", "would", "consider", "a", "proposal",
		"on", "trade", "and", "port", "fees", "during", "its", "next", "session", "officials",
		"told", "poloff", "budget", "talks", "remain", "stalled", "over", "subsidies", "for",
		"farmers", "embassy", "will", "follow", "up", "with", "ministry", "contacts", "in",
		"coming", "weeks", "opposition", "leaders", "called", "urgent", "reform", "of",
		"electoral", "law", "shipments", "tonnes", "rail", "capacity", "exports", "grain",
	};
	uint64_t x = 88172645463325252u;
	size_t col = 0, end = b->n + n;
	while (b->n < end) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		const char *w = words[x % (sizeof words / sizeof *words)];
		size_t l = strlen(w);
		if (col && width && col + 1 + l > width) {
			sb_puts(b, "\n");
			col = 0;
		} else if (col) {
			sb_puts(b, " ");
			col++;
		}
		sb_put(b, w, l);
		col += l;
	}
}

static void sb_repeat(sb *b, const char *s, size_t times)
{
	size_t l = strlen(s);
	for (size_t i = 0; i < times; i++)
		sb_put(b, s, l);
}

/* ---- the cases --------------------------------------------------------------------------- */

enum { MB = 1024 * 1024 };

#define ROUTING_HEADER                                                                      \
	"VZCZCXRO6601\nPP RUEHVL\nDE RUEHVL #0416/01 0771030\nZNY CCCCC ZZH\n"               \
	"P 181030Z MAR 07\nFM AMEMBASSY VALLETTA\nTO RUEHC/SECSTATE WASHDC PRIORITY 4131\n"
#define BODY_HEAD                                                                           \
	"C O N F I D E N T I A L VALLETTA 000416\n\nSIPDIS\n\nE.O. 12958: DECL: 03/18/2017\n"  \
	"TAGS: PREL ECON MT\nSUBJECT: MALTA: CUSTOMS CHIEF WELCOMES JOINT TRAINING OFFER\n\n"
#define FIRST_PARAGRAPH "1. (C) The customs chief accepted the offer.\n"

/* A telegram is made as its two blocks (the routing header, the body), which the cables.csv
 * and WikiLeaks forms keep apart; a story as its text. */
typedef void (*make_fn)(sb *header, sb *body);

static void to_lines(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_repeat(h, "RUEHXX/AMEMBASSY SOMEWHERE PRIORITY 0001\n", 100000);
	sb_puts(b, BODY_HEAD FIRST_PARAGRAPH);
}

static void header_line_10mb(sb *h, sb *b)
{
	sb_puts(h, "R 010000Z JAN 08\nFM AMEMBASSY ");
	sb_fill(h, "X", 10 * MB);
	sb_puts(h, "\nTO RUEHC/SECSTATE WASHDC 0001\n");
	sb_puts(b, BODY_HEAD FIRST_PARAGRAPH);
}

static void header_x10k(sb *h, sb *b)
{
	sb_repeat(h, "VZCZCXRO0001\nOO RUEHXY\nDE RUEHXY #0001 0011200\nZNY UUUUU ZZH\n"
		     "O 011200Z JAN 09\nFM AMEMBASSY X\nTO RUEHC/SECSTATE WASHDC 0001\n", 10000);
	sb_puts(b, BODY_HEAD FIRST_PARAGRAPH);
}

/* A 10 MB line in the head of the body (before any paragraph: where collapsed lines are cut at
 * glued keywords) and one inside a paragraph. */
static void head_line_10mb(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD);
	sb_fill(b, "Y", 10 * MB);
	sb_puts(b, "\n\n" FIRST_PARAGRAPH);
}

static void body_line_10mb(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD FIRST_PARAGRAPH "\n2. (C) ");
	sb_fill(b, "X", 10 * MB);
	sb_puts(b, "\n");
}

static void empty_lines_1m(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD FIRST_PARAGRAPH);
	sb_fill(b, "\n", 1000000);
	sb_puts(b, "2. (C) The port sees more traffic.\n");
}

static void noise_lines_100k(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_repeat(b, "## not a header line ##\n", 100000);
}

/* 100,000 references: one an item line ("A. STATE 1"), and all on the one REF line. */
static void ref_items_100k(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD "REF: ");
	for (unsigned i = 0; i < 100000; i++)
		sb_printf(b, "%c. STATE %u\n", 'A' + (int)(i % 26), 1000 + i);
	sb_puts(b, "\nClassified By: DCM John Q. Sample for reasons 1.4 (b) and (d)\n\n"
		   FIRST_PARAGRAPH);
}

static void ref_commas_100k(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD "REF: ");
	for (unsigned i = 0; i < 100000; i++)
		sb_printf(b, "%sSTATE %u", i ? ", " : "", 1000 + i);
	sb_puts(b, "\n\n" FIRST_PARAGRAPH);
}

static void ref_semicolons_100k(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD "REF: ");
	for (unsigned i = 0; i < 100000; i++)
		sb_printf(b, "%s%c. 07STATE%u", i ? "; " : "", 'A' + (int)(i % 26), 1000 + i);
	sb_puts(b, "\n\n" FIRST_PARAGRAPH);
}

/* One numbered paragraph of 50 MB: one line, and lines of 64 bytes. */
static void paragraph_50mb(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD "1. (C) ");
	sb_prose(b, 50 * MB, 0);
	sb_puts(b, ".\n");
}

static void paragraph_50mb_lines(sb *h, sb *b)
{
	sb_puts(h, ROUTING_HEADER);
	sb_puts(b, BODY_HEAD "1. (C) ");
	sb_prose(b, 50 * MB, 64);
	sb_puts(b, ".\n");
}

/* Stories (the header block is not used). */
#define STORY_HEAD                                                                          \
	"NORTHGATE MILLS SEES HIGHER GRAIN EXPORTS TO U.S.\n\n    By Ilse Brandt, Reuters\n\n"   \
	"    LYNDHURST, Ont., March 4 - Northgate Mills Ltd said it expects grain exports to\n"  \
	"the United States to rise about 12 pct this year as new rail capacity opens.\n"

static void story_paragraph_50mb(sb *h, sb *b)
{
	(void)h;
	sb_puts(b, STORY_HEAD "    The company said ");
	sb_prose(b, 50 * MB, 0);
	sb_puts(b, ".\n Reuter\n");
}

static void story_paragraph_50mb_lines(sb *h, sb *b)
{
	(void)h;
	sb_puts(b, STORY_HEAD "    The company said ");
	sb_prose(b, 50 * MB, 64);
	sb_puts(b, ".\n Reuter\n");
}

static void story_empty_lines_1m(sb *h, sb *b)
{
	(void)h;
	sb_puts(b, STORY_HEAD);
	sb_fill(b, "\n", 1000000);
	sb_puts(b, "    The company said shipments were already 340,000 tonnes.\n Reuter\n");
}

static void story_bylines_100k(sb *h, sb *b)
{
	(void)h;
	sb_puts(b, "NORTHGATE MILLS SEES HIGHER GRAIN EXPORTS TO U.S.\n\n");
	for (unsigned i = 0; i < 100000; i++)
		sb_printf(b, "    By Ilse Brandt%u, Reuters\n", i);
	sb_puts(b, "\n    LYNDHURST, Ont., March 4 - Northgate Mills Ltd said it expects grain "
		   "exports to\nthe United States to rise about 12 pct this year.\n Reuter\n");
}

/* ---- the forms --------------------------------------------------------------------------- */

/* Markdown and Reuters SGML only for the markup cases (their input is made whole). */
enum { F_TEXT, F_CSV, F_HTML, F_MARKDOWN, F_WIRE, F_ARTICLE, F_SGML, NFORMS };
static const char *const form_label[NFORMS] = { "text", "cables-csv", "wikileaks-html", "markdown",
						"wire-text", "article-text", "reuters-sgml" };
/* The form each is given as: detected for the cable forms and SGML (which checks the detection
 * too), forced for stories (a story without site chrome reads as wire text). */
static const cw_form form_given[NFORMS] = { CW_FORM_AUTO, CW_FORM_AUTO, CW_FORM_AUTO,
					    CW_FORM_AUTO, CW_FORM_WIRE_TEXT, CW_FORM_ARTICLE_TEXT,
					    CW_FORM_AUTO };
#define CABLE_FORMS ((1u << F_TEXT) | (1u << F_CSV) | (1u << F_HTML))
#define STORY_FORMS ((1u << F_WIRE) | (1u << F_ARTICLE))

/* The cables.csv dump's escapes: \" for a quote, \\ for a backslash, a backslash before every
 * line end. */
static void put_csv_field(sb *out, const sb *f)
{
	sb_puts(out, "\"");
	const char *p = f->p, *e = f->p + f->n;
	while (p < e) {
		const char *q = p;
		while (q < e && *q != '"' && *q != '\\' && *q != '\n')
			q++;
		sb_put(out, p, (size_t)(q - p));
		if (q < e)
			sb_puts(out, *q == '"' ? "\\\"" : *q == '\\' ? "\\\\" : "\\\n");
		p = q < e ? q + 1 : e;
	}
	sb_puts(out, "\"");
}

/* A WikiLeaks page writes every line end of a <pre> block as &#x000A;. */
static void put_pre_text(sb *out, const sb *f)
{
	const char *p = f->p, *e = f->p + f->n;
	while (p < e) {
		const char *q = p;
		while (q < e && *q != '&' && *q != '<' && *q != '>' && *q != '\n')
			q++;
		sb_put(out, p, (size_t)(q - p));
		if (q < e)
			sb_puts(out, *q == '&' ? "&amp;" : *q == '<' ? "&lt;" : *q == '>' ? "&gt;" : "&#x000A;");
		p = q < e ? q + 1 : e;
	}
}

static void put_pre(sb *out, const sb *f)
{
	sb_puts(out, "<code><pre>");
	put_pre_text(out, f);
	sb_puts(out, "</pre></code>\n");
}

#define PAGE_HEAD                                                                           \
	"<?xml version='1.0' encoding='utf-8' ?>\n<html lang='en'><head><title>"                 \
	"Cable Viewer</title></head><body>\n<div class='pane big'>\n<table class='cable'>\n"    \
	"<tr><th>Reference ID</th></tr>\n"

static void make_input(sb *out, int form, const sb *h, const sb *b)
{
	switch (form) {
	case F_CSV:
		sb_puts(out, "\"41601\",\"3/18/2007 10:30\",\"07VALLETTA416\",\"Embassy Valletta\","
			     "\"CONFIDENTIAL\",\"07STATE31020\",");
		put_csv_field(out, h);
		sb_puts(out, ",");
		put_csv_field(out, b);
		sb_puts(out, "\n");
		break;
	case F_HTML:
		sb_puts(out, PAGE_HEAD "<tr><td>07VALLETTA416</td></tr>\n</table>\n");
		put_pre(out, h);
		put_pre(out, b);
		sb_puts(out, "</div></body></html>\n");
		break;
	case F_ARTICLE:
		sb_puts(out, "Watch Riverton News\nShare this story\n");
		sb_put(out, b->p, b->n);
		sb_puts(out, "Follow Stories Like This\n");
		break;
	default:
		sb_put(out, h->p, h->n);
		if (h->n)
			sb_puts(out, "\n");
		sb_put(out, b->p, b->n);
		break;
	}
}

/* Markup cases: markup that opens and never closes, one opener after another. A decoder rule
 * that matched the whole construct ("<a" [^>]* ">", "[" [^\]]* "](" [^)]* ")") scanned to the
 * end of the input (or line) from every opener, then fell back to the opener alone: a quadratic
 * (512 KiB took 10-48 s CPU). The closer is now looked up once. These inputs are made whole (into
 * the body; RAW_INPUT), in the one form of their case. */
#define RAW_INPUT (1u << 30)
/* The record is an error record (a page with no telegram), not its form's kind. */
#define ERROR_RECORD (1u << 29)
enum { MARKUP_BYTES = 512 * 1024 };

/* A page cut short in its body block: "<a x " to the end, no '>' after it. */
static void page_open_anchors(sb *unused, sb *in)
{
	(void)unused;
	sb h = { 0 }, b = { 0 };
	sb_puts(&h, ROUTING_HEADER);
	sb_puts(&b, BODY_HEAD FIRST_PARAGRAPH "2. (C) ");
	sb_puts(in, PAGE_HEAD "<tr><td>07VALLETTA416</td></tr>\n</table>\n");
	put_pre(in, &h);
	sb_puts(in, "<code><pre>");
	put_pre_text(in, &b);
	sb_fill(in, "<a x ", MARKUP_BYTES);
	free(h.p);
	free(b.p);
}

/* A page cut short in a table cell: "< x " to the end (no telegram: an error record). */
static void page_open_cell_tags(sb *unused, sb *in)
{
	(void)unused;
	sb_puts(in, PAGE_HEAD "<tr><td>");
	sb_fill(in, "< x ", MARKUP_BYTES);
}

/* A tag of 512 KiB that opens <table x over and over, then the page goes on: every opener
 * looked for class='cable' up to that one '>'. */
static void page_table_openers(sb *unused, sb *in)
{
	(void)unused;
	sb h = { 0 }, b = { 0 };
	sb_puts(&h, ROUTING_HEADER);
	sb_puts(&b, BODY_HEAD FIRST_PARAGRAPH);
	sb_puts(in, PAGE_HEAD "<tr><td>07VALLETTA416</td></tr>\n</table>\n");
	sb_fill(in, "<table x ", MARKUP_BYTES);
	sb_puts(in, ">\n</table>\n");
	put_pre(in, &h);
	put_pre(in, &b);
	sb_puts(in, "</div></body></html>\n");
	free(h.p);
	free(b.p);
}

/* A TAGS line of Markdown links that never close: "[a](" over and over. */
static void markdown_open_links(sb *unused, sb *in)
{
	(void)unused;
	sb_puts(in, ROUTING_HEADER "\n" BODY_HEAD);
	sb_puts(in, "TAGS: [PREL](#) ");
	sb_fill(in, "[a](", MARKUP_BYTES);
	sb_puts(in, "\n\n" FIRST_PARAGRAPH);
}

/* A Reuters story cut short in its body ("<a x " to the end), and one followed by "<TEXT x " to
 * the end. */
static void sgml_open_tags(sb *unused, sb *in)
{
	(void)unused;
	sb_puts(in, "<REUTERS NEWID=\"1\">\n<TEXT>\n<TITLE>NORTHGATE MILLS SEES HIGHER GRAIN "
		    "EXPORTS</TITLE>\n<BODY>Northgate Mills Ltd said it expects grain exports to rise. ");
	sb_fill(in, "<a x ", MARKUP_BYTES);
}

static void sgml_open_text_tags(sb *unused, sb *in)
{
	(void)unused;
	sb_puts(in, "<REUTERS NEWID=\"1\">\n<TEXT>\n<TITLE>NORTHGATE MILLS SEES HIGHER GRAIN "
		    "EXPORTS</TITLE>\n<BODY>Northgate Mills Ltd said it expects grain exports to rise."
		    "</BODY></TEXT>\n");
	sb_fill(in, "<TEXT x ", MARKUP_BYTES);
}

/* Runs of one capital and one character that a word may hold but the scanners' step stops at, in
 * a story's paragraph: "A-A-A-..." (a name word of a photo credit, "Jim Young/Getty Images"),
 * "A&A&A&..." and the same with U+2019 for & (a source word of "Source reports"). The rule was
 * tried at every capital and scanned the rest of the run from each: a quadratic (see
 * scan_photo_credit and scan_attribution); now each run is looked at once. */
static void story_run(sb *b, const char *unit)
{
	sb_puts(b, STORY_HEAD "    The company said ");
	sb_fill(b, unit, MARKUP_BYTES);
	sb_puts(b, ".\n Reuter\n");
}

static void story_name_run(sb *h, sb *b)
{
	(void)h;
	story_run(b, "A-");
}

static void story_source_run(sb *h, sb *b)
{
	(void)h;
	story_run(b, "A&");
}

static void story_source_run_utf8(sb *h, sb *b)
{
	(void)h;
	story_run(b, "A\xe2\x80\x99");
}

/* A byline's names and a contributor line's with a run of blanks inside: the separators (" and ",
 * " & ", " with ", a closing "=") were tried from every blank of the run, each scanning the rest
 * of it (see scan_name_part). */
static void story_byline_blanks(sb *h, sb *b)
{
	(void)h;
	sb_puts(b, "NORTHGATE MILLS SEES HIGHER GRAIN EXPORTS TO U.S.\n\n    By Ilse");
	sb_fill(b, " \t", MARKUP_BYTES);
	sb_puts(b, "Brandt, Reuters\n\n    LYNDHURST, Ont., March 4 - Northgate Mills Ltd said it "
		   "expects grain exports to\nthe United States to rise about 12 pct this year.\n Reuter\n");
}

static void story_contributor_blanks(sb *h, sb *b)
{
	(void)h;
	sb_puts(b, STORY_HEAD "\nReuters writer Ilse");
	sb_fill(b, " ", MARKUP_BYTES);
	sb_puts(b, "Brandt contributed to this report.\n");
}

typedef struct lcase {
	const char *name;
	make_fn make;
	unsigned forms;
	double cpu;     /* CPU seconds of the slowest path at -O2, measured */
	long peak_mib;  /* largest peak memory of a path over what the process held before */
} lcase;

static const lcase cases[] = {
	{ "100k TO lines", to_lines, CABLE_FORMS, 0.24, 50 },
	{ "10 MB header line", header_line_10mb, CABLE_FORMS, 0.22, 30 },
	{ "header x10k", header_x10k, CABLE_FORMS, 0.14, 25 },
	{ "10 MB line in the body's head", head_line_10mb, CABLE_FORMS, 0.20, 31 },
	{ "10 MB line in a paragraph", body_line_10mb, CABLE_FORMS, 0.18, 31 },
	{ "1M empty lines", empty_lines_1m, CABLE_FORMS, 0.07, 24 },
	{ "100k unknown lines", noise_lines_100k, CABLE_FORMS, 0.07, 14 },
	{ "100k REF item lines", ref_items_100k, CABLE_FORMS, 0.40, 78 },
	{ "100k REF items, commas", ref_commas_100k, CABLE_FORMS, 0.15, 4 },
	{ "100k REF items, semicolons", ref_semicolons_100k, CABLE_FORMS, 0.42, 72 },
	{ "50 MB paragraph, one line", paragraph_50mb, CABLE_FORMS, 1.36, 150 },
	{ "50 MB paragraph, 64-byte lines", paragraph_50mb_lines, CABLE_FORMS, 1.45, 219 },
	/* One 50 MB line reads the same in both story forms: wire text only. */
	{ "50 MB story paragraph, one line", story_paragraph_50mb, 1u << F_WIRE, 1.39, 200 },
	{ "50 MB story paragraph, 64-byte lines", story_paragraph_50mb_lines, STORY_FORMS, 3.34, 410 },
	{ "1M empty lines in a story", story_empty_lines_1m, STORY_FORMS, 0.03, 2 },
	{ "100k byline lines", story_bylines_100k, STORY_FORMS, 0.31, 43 },
	/* Quadratic before (the whole-buffer path, -O2): 17.8, 40.6, 13.2, 48.2, 32.6 and 10.0 s
	 * CPU. */
	{ "512 KiB of <a x, no '>'", page_open_anchors, RAW_INPUT | 1u << F_HTML, 0.03, 2 },
	{ "512 KiB of < x in a cell, no '>'", page_open_cell_tags,
	  RAW_INPUT | ERROR_RECORD | 1u << F_HTML, 0.02, 6 },
	{ "512 KiB of <table x, one '>'", page_table_openers, RAW_INPUT | 1u << F_HTML, 0.02, 2 },
	{ "512 KiB of [a]( on a line", markdown_open_links, RAW_INPUT | 1u << F_MARKDOWN, 0.02, 2 },
	{ "512 KiB of <a x in a story, no '>'", sgml_open_tags, RAW_INPUT | 1u << F_SGML, 0.03, 2 },
	{ "512 KiB of <TEXT x, no '>'", sgml_open_text_tags, RAW_INPUT | 1u << F_SGML, 0.01, 1 },
	/* Quadratic before (wire text, -O2, 40 then 80 KB): 1.56/6.07, 0.69/3.24, 0.18/0.77,
	 * 4.32/18.22 and 2.39/10.18 s CPU, so minutes at 512 KiB; 10-70 ms now. */
	{ "512 KiB of A-A-A- in a story", story_name_run, STORY_FORMS, 0.03, 3 },
	{ "512 KiB of A&A&A& in a story", story_source_run, STORY_FORMS, 0.07, 3 },
	{ "512 KiB of A'A'A' (U+2019) in a story", story_source_run_utf8, STORY_FORMS, 0.04, 2 },
	{ "512 KiB of blanks in a byline", story_byline_blanks, STORY_FORMS, 0.06, 2 },
	{ "512 KiB of blanks in a contributor line", story_contributor_blanks, STORY_FORMS, 0.03, 2 },
};
enum { NCASES = sizeof cases / sizeof *cases };

/* ---- measuring --------------------------------------------------------------------------- */

/* Peak resident set in KiB since the last reset_peak(), or -1 when it cannot be known: Linux
 * resets VmHWM when "5" is written to clear_refs. Sanitizers reserve and keep memory of their
 * own (shadow, quarantine), so there it is not measured. */
static int peak_reset_ok;

static void reset_peak(void)
{
	peak_reset_ok = 0;
	if (CW_SANITIZED)
		return;
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (!f)
		return;
	peak_reset_ok = fputs("5", f) >= 0;
	peak_reset_ok &= fclose(f) == 0;
}

static long status_kb(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long kb = -1;
	size_t kl = strlen(key);
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, key, kl) && line[kl] == ':')
			kb = strtol(line + kl + 1, NULL, 10);
	fclose(f);
	return kb;
}

static int count_bytes(void *ctx, const char *buf, size_t len)
{
	(void)buf;
	*(size_t *)ctx += len;
	return 0;
}

enum { P_WHOLE, P_64K, P_4K, NPATHS };
static const char *const path_label[NPATHS] = { "whole", "64 KiB chunks", "4 KiB chunks" };
static const size_t path_chunk[NPATHS] = { 0, 64 * 1024, 4 * 1024 };

/* Runs one path over the input; returns the number of records. */
static size_t run_path(const char *in, size_t len, int form, int path, const char *what,
		       const char *kind)
{
	cw_options *opt = cw_options_new();
	cw_options_set_form(opt, form_given[form]);
	size_t records = 0;
	if (path == P_WHOLE) {
		cw_record *rec = cw_parse(opt, in, len, what);
		ck_assert_ptr_nonnull(rec);
		/* The record is the one expected, and every emitter writes it. */
		if (!kind)
			kind = form >= F_WIRE ? "article" : "cable";
		ck_assert_msg(!strcmp(cw_record_kind(rec), kind), "%s: a record of kind %s", what,
			      cw_record_kind(rec));
		const char *fmt = rec_str(rec, "source.format");
		ck_assert_msg(fmt && !strcmp(fmt, form_label[form]), "%s: read as %s", what,
			      fmt ? fmt : "(none)");
		static const cw_format formats[] = { CW_FORMAT_JSON, CW_FORMAT_XML, CW_FORMAT_CSV,
						     CW_FORMAT_TEXT, CW_FORMAT_NITF, CW_FORMAT_NINJS };
		for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
			size_t out = 0;
			cw_emitter *em = cw_emitter_new(formats[i], count_bytes, &out, 0);
			ck_assert_ptr_nonnull(em);
			ck_assert_int_eq(cw_emit(em, rec), 0);
			ck_assert_int_eq(cw_emitter_finish(em), 0);
			cw_emitter_free(em);
			ck_assert_msg(out > 0, "%s: %s wrote nothing", what, cw_format_name(formats[i]));
		}
		cw_record_free(rec);
		records = 1;
	} else {
		cw_reader *rd = cw_reader_new(opt, what);
		ck_assert_ptr_nonnull(rd);
		cw_record *rec;
		for (size_t at = 0; at < len; at += path_chunk[path]) {
			size_t n = len - at < path_chunk[path] ? len - at : path_chunk[path];
			ck_assert_int_eq(cw_reader_feed(rd, in + at, n), CW_OK);
			cw_status st;
			while ((st = cw_reader_next(rd, &rec)) == CW_OK) {
				records++;
				cw_record_free(rec);
			}
			ck_assert_int_eq(st, CW_AGAIN);
		}
		cw_reader_finish(rd);
		cw_status st;
		while ((st = cw_reader_next(rd, &rec)) == CW_OK) {
			records++;
			cw_record_free(rec);
		}
		ck_assert_int_eq(st, CW_END);
		cw_reader_free(rd);
	}
	cw_options_free(opt);
	return records;
}

START_TEST(test_linear)
{
	const lcase *c = &cases[_i / NFORMS];
	int form = _i % NFORMS;
	if (!(c->forms & (1u << form)))
		return;
	sb h = { 0 }, b = { 0 }, in = { 0 };
	double g0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	c->make(&h, &b);
	if (c->forms & RAW_INPUT) {
		in = b;
		b = (sb){ 0 };
	} else {
		make_input(&in, form, &h, &b);
	}
	free(h.p);
	free(b.p);
	double gen = seconds(CLOCK_PROCESS_CPUTIME_ID) - g0;

	double budget = BUDGET_FACTOR * c->cpu;
	if (budget < MIN_BUDGET)
		budget = MIN_BUDGET;
	budget *= CW_SANITIZED ? SANITIZER_SLOWDOWN : 1;
	double whole = 0;
	const char *report = getenv("CW_LINEAR_REPORT");
	if (report && *report)
		fprintf(stderr, "linear: %-38s %-14s generated in %.3f s cpu\n", c->name,
			form_label[form], gen);
	for (int path = 0; path < NPATHS; path++) {
		char what[160];
		snprintf(what, sizeof what, "%s (%s, %s)", c->name, form_label[form], path_label[path]);
#ifdef __GLIBC__
		/* What the previous path freed goes back to the system, else it would be counted
		 * in the baseline and this path could reuse it unseen. */
		malloc_trim(0);
#endif
		long base_kb = status_kb("VmRSS");
		reset_peak();
		double w0 = seconds(CLOCK_MONOTONIC), t0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
		size_t records = run_path(in.p, in.n, form, path, what,
					  c->forms & ERROR_RECORD ? "error" : NULL);
		double dt = seconds(CLOCK_PROCESS_CPUTIME_ID) - t0, wall = seconds(CLOCK_MONOTONIC) - w0;
		long peak_kb = peak_reset_ok ? status_kb("VmHWM") : -1;
		long used_kb = peak_kb >= 0 && base_kb >= 0 ? peak_kb - base_kb : -1;
		if (report && *report)
			fprintf(stderr,
				"linear: %-38s %-14s %-13s %9zu bytes %6.3f s cpu %6.3f s wall %5ld MiB peak\n",
				c->name, form_label[form], path_label[path], in.n, dt, wall,
				used_kb >= 0 ? used_kb / 1024 : -1);
		ck_assert_msg(records == 1, "%s: %zu records (expected 1)", what, records);
		ck_assert_msg(dt < budget, "%s took %.2fs CPU (budget %.1fs)", what, dt, budget);
		if (path == P_WHOLE)
			whole = dt;
		else
			ck_assert_msg(dt < STREAM_FACTOR * whole + STREAM_SLACK,
				      "%s took %.2fs CPU, against %.2fs for the whole buffer", what, dt,
				      whole);
		long limit_mib = (long)(MEMORY_MARGIN * (double)c->peak_mib) + MEMORY_SLACK_MIB;
		ck_assert_msg(used_kb < 0 || used_kb <= limit_mib * 1024,
			      "%s: peak memory %ld MiB for %zu bytes of input (limit %ld MiB)", what,
			      used_kb / 1024, in.n, limit_mib);
	}
	free(in.p);
}
END_TEST

Suite *suite_linear(void)
{
	Suite *s = suite_create("linear");
	TCase *tc = tcase_create("pathological");
	/* Per test (one case in one form, its three paths and the input's making): the largest
	 * budget three times, with room to spare. */
	double most = MIN_BUDGET;
	for (size_t i = 0; i < NCASES; i++)
		if (BUDGET_FACTOR * cases[i].cpu > most)
			most = BUDGET_FACTOR * cases[i].cpu;
	tcase_set_timeout(tc, 3 * most * (CW_SANITIZED ? SANITIZER_SLOWDOWN : 1) + 30);
	tcase_add_loop_test(tc, test_linear, 0, NCASES * NFORMS);
	suite_add_tcase(s, tc);
	return s;
}
