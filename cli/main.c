/* cablewire: command-line entry point; every subcommand is a thin wrapper over the library. */
#include <stdio.h>
#include <sys/resource.h>
#ifdef __GLIBC__ /* mallopt: see keep_freed_memory */
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cablewire.h"
#include "cli/commands.h"
#include "cli/shown.h"
#include "cli/options.h"

static const char usage[] =
	"usage: cablewire <command> [options] [FILE...]\n"
	"\n"
	"Turns diplomatic cables (WikiLeaks pages, cables.csv, Markdown, telegram text) and news\n"
	"articles (web text, wire copy, Reuters SGML, ANPA-1312, IPTC 7901) into structured records.\n"
	"\n"
	"commands:\n"
	"  parse    FILE...|-          parse and print records (JSON by default)\n"
	"  convert  INPUT... -o OUT    convert files and directory trees into one output file\n"
	"  validate FILE...|-          check inputs and print located diagnostics, like a compiler\n"
	"\n"
	"Run 'cablewire <command> --help' for a command's options.\n"
	"\n"
	"options:\n"
	"  -h, --help       this help\n"
	"  -V, --version    print the version\n"
	"\n"
	"exit status: 0 ok, 1 some input had errors, 2 usage or I/O error\n";

/* The library's messages about files, under the command's one prefix. */
static void print_message(void *ctx, const char *message)
{
	(void)ctx;
	fprintf(stderr, "cablewire: %s\n", shown(message).s);
}

/* Every unit's memory (its bytes, its record's arena, its rendering) is freed before the next
 * unit asks for as much again. glibc hands freed memory at the top of the heap back to the
 * system (trim threshold 128 KiB) and serves blocks of 128 KiB and more with mmap, so each unit
 * faulted its pages in afresh: a third of the CPU time was the kernel's (issue 15). The command
 * keeps what it freed for the next unit instead; peak memory is what one unit at a time needs,
 * as before. Only the command does this: it is the process's choice, not a library's. */
static void keep_freed_memory(void)
{
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD) && defined(M_TOP_PAD)
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TOP_PAD, 4 << 20);
#endif
}

/* Files waiting for a worker each hold a descriptor while their batch fills (a batch is up to
 * 1 MiB of files: 64 of 16 KiB, more at --jobs N): under a soft limit of a few hundred open
 * files a directory of small files at --jobs 2 and more ran out ("Too many open files"). The
 * command asks for the hard limit the system allows it, capped, as many servers do at start.
 * Under a low hard limit the walk keeps the queued descriptors under a budget of its own
 * (parser/input/sources.c) and reads the files past it on its own thread: slower, never refused. */
static void raise_open_file_limit(void)
{
	struct rlimit r;
	if (getrlimit(RLIMIT_NOFILE, &r) != 0)
		return;
	rlim_t want = r.rlim_max == RLIM_INFINITY || r.rlim_max > 65536 ? 65536 : r.rlim_max;
	if (r.rlim_cur == RLIM_INFINITY || r.rlim_cur >= want)
		return;
	r.rlim_cur = want;
	(void)setrlimit(RLIMIT_NOFILE, &r);
}

int main(int argc, char **argv)
{
	keep_freed_memory();
	raise_open_file_limit();
	cw_set_message_handler(print_message, NULL);
	if (argc < 2) {
		fprintf(stderr, "cablewire: no command given (parse, convert, validate)\n"
				"Try 'cablewire --help' for more information.\n");
		return EXIT_USAGE;
	}
	/* Diagnostics in colour on a terminal, unless NO_COLOR says otherwise (no-color.org). */
	const char *no_color = getenv("NO_COLOR");
	common.colour = isatty(STDERR_FILENO) && !(no_color && *no_color);
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("cablewire %s\nLicense: MIT (the LICENSE file of the distribution)\n",
		       cw_version());
		return EXIT_OK;
	}
	if (!strcmp(cmd, "parse"))
		return cmd_parse(argc - 1, argv + 1);
	if (!strcmp(cmd, "convert"))
		return cmd_convert(argc - 1, argv + 1);
	if (!strcmp(cmd, "validate"))
		return cmd_validate(argc - 1, argv + 1);
	fprintf(stderr, "cablewire: unknown command '%s' (parse, convert, validate)\n"
			"Try 'cablewire --help' for more information.\n", cmd);
	return EXIT_USAGE;
}
