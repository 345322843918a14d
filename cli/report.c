#include "cli/report.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/shown.h"

/* "errors by code: A 3, B 1" and "warnings by code: ..." lines, most frequent first (the library
 * sorted them). */
static void print_codes(const cw_convert_summary *s, FILE *f)
{
	for (int sev = CW_ERROR; sev >= CW_WARNING; sev--) {
		int first = 1;
		for (size_t i = 0; i < s->ncodes; i++) {
			if ((int)s->codes[i].severity != sev)
				continue;
			fprintf(f, "%s%s %zu", first ? (sev == CW_ERROR ? "cablewire: errors by code: "
								       : "cablewire: warnings by code: ")
						     : ", ",
				s->codes[i].code, s->codes[i].n);
			first = 0;
		}
		if (!first)
			fputc('\n', f);
	}
}

/* "web archives: 12 pages read; skipped: 12 request, 1 warcinfo, 3 not-html" when any was read. */
static void print_warc(const cw_convert_summary *s, FILE *f)
{
	uint64_t skipped = 0;
	for (int k = 0; k < CW_WARC_SKIP_COUNT; k++)
		skipped += s->warc_skipped[k];
	if (!s->warc_pages && !skipped)
		return;
	fprintf(f, "cablewire: web archives: %llu page%s read", (unsigned long long)s->warc_pages,
		s->warc_pages == 1 ? "" : "s");
	const char *sep = "; records skipped: ";
	for (int k = 0; k < CW_WARC_SKIP_COUNT; k++)
		if (s->warc_skipped[k]) {
			fprintf(f, "%s%llu %s", sep, (unsigned long long)s->warc_skipped[k],
				cw_warc_skip_name((cw_warc_skip)k));
			sep = ", ";
		}
	fputc('\n', f);
}

int convert_report(const cw_convert_summary *r, const char *out_path, int quiet)
{
	size_t clean = r->records - r->with_errors - r->with_warnings;
	char extra[256] = "";
	if (r->format == CW_FORMAT_SQLITE && !r->output_lost)
		snprintf(extra, sizeof extra, ": %zu inserted, %zu unchanged, %zu new version%s",
			 r->inserted, r->unchanged, r->new_versions, r->new_versions == 1 ? "" : "s");
	if (!quiet)
		fprintf(stderr,
		"cablewire: read %zu input%s, %s %zu record%s (%zu with errors, %zu with warnings, "
		"%zu clean; %zu error record%s), %zu input%s failed%s\n",
		r->inputs, r->inputs == 1 ? "" : "s",
		/* An output lost to a write error holds none of them: they were converted, and the
		 * line after says where they are not. */
		r->output_lost ? "converted" : r->format == CW_FORMAT_SQLITE ? "archived" : "wrote",
		r->records,
		r->records == 1 ? "" : "s", r->with_errors, r->with_warnings, clean,
		r->error_records, r->error_records == 1 ? "" : "s", r->inputs_failed,
		r->inputs_failed == 1 ? "" : "s", extra);
	if (r->output_lost)
		fprintf(stderr, "cablewire: %s: not written: a write error stopped the run\n",
			shown(out_path).s);
	if (r->skipped && !r->mismatch && !r->too_short && !quiet)
		fprintf(stderr, "cablewire: resumed after the %llu record%s %s already held\n",
			(unsigned long long)r->skipped, r->skipped == 1 ? "" : "s", shown(out_path).s);
	if (!quiet) {
		print_warc(r, stderr);
		print_codes(r, stderr);
	}
	if (r->mismatch)
		fprintf(stderr,
			"cablewire: %s: cannot resume: its last record is not the one these inputs "
			"give at that position (other inputs or options?); remove it to start over\n",
			shown(out_path).s);
	if (r->too_short)
		fprintf(stderr, "cablewire: %s: cannot resume: it holds more records than these "
				"inputs give\n", shown(out_path).s);
	if (r->interrupted)
		fprintf(stderr, "cablewire: interrupted\n");
	if (r->note)
		fprintf(stderr, "cablewire: %s\n", shown(r->note).s);
	if (r->interrupted || r->failed || r->mismatch || r->too_short || r->inputs_failed)
		return EXIT_USAGE;
	return r->with_errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/* Set by SIGINT, SIGTERM or SIGHUP: the walk stops, the records in flight are written, and the
 * output is closed with whole records only. A second signal kills as usual. */
static volatile sig_atomic_t interrupted;
static struct sigaction old_int, old_term, old_hup;

static void on_signal(int sig)
{
	interrupted = 1;
	signal(sig, SIG_DFL);
}

void interrupt_catch(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
}

void interrupt_release(void)
{
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
}

int interrupt_requested(void *ctx)
{
	(void)ctx;
	return interrupted != 0;
}
