/* A program using the installed library: prints the library's version, then parses the file
 * named on the command line (or a small telegram of its own) and prints each record's kind and
 * id. Built by tests/install.sh against an installed tree:
 *
 *     cc first_record.c $(pkg-config --cflags --libs cablewire) -o first_record
 */
#include <stdio.h>
#include <string.h>

#include <cablewire.h>

static const char telegram[] =
	"UNCLAS SECTION 01 OF 01 VALLETTA 000412\n"
	"\n"
	"SUBJECT: AN EXAMPLE\n"
	"\n"
	"1. A paragraph.\n";

static int print_record(void *ctx, cw_record *rec)
{
	(void)ctx;
	const char *id = cw_value_string(cw_value_get(cw_record_root(rec), "id"), NULL);
	printf("%s %s\n", cw_record_kind(rec), id ? id : "-");
	cw_record_free(rec);
	return 0;
}

int main(int argc, char **argv)
{
	printf("cablewire %s (header %s)\n", cw_version(), CW_VERSION);
	if (strcmp(cw_version(), CW_VERSION) != 0)
		return 1;
	cw_options *opt = cw_options_new();
	if (!opt)
		return 1;
	int rc = 0;
	if (argc > 1) {
		cw_walk_stats st;
		rc = cw_walk(opt, (const char *const *)argv + 1, argc - 1, print_record, NULL, &st);
		printf("%zu inputs, %zu records\n", st.inputs, st.units);
	} else {
		cw_record *rec = cw_parse(opt, telegram, strlen(telegram), "example.txt");
		rc = rec ? print_record(NULL, rec) : 1;
	}
	cw_options_free(opt);
	return rc;
}
