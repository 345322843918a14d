/* Links the library without SQLite (make check): a program that parses and emits but never opens
 * an archive needs neither -lsqlite3 nor the store's object, which only emitters/archive/ pulls
 * in. Parses a telegram and prints its subject, so the link is exercised, not just made. */
#include <stdio.h>
#include <string.h>

#include "cablewire.h"

int main(void)
{
	static const char telegram[] = "CONFIDENTIAL SECTION 01 OF 02 VALLETTA 000412\n\n"
				       "SUBJECT: HARBOR TALKS\n\n1. (C) Text.\n";
	cw_options *opt = cw_options_new();
	cw_record *rec = cw_parse(opt, telegram, sizeof telegram - 1, "test.txt");
	size_t n; /* record strings carry their length, they are not NUL-terminated */
	const char *subject = cw_value_string(cw_value_get(cw_record_root(rec), "subject"), &n);
	int ok = subject && n == 12 && !memcmp(subject, "HARBOR TALKS", n);
	printf("link: a program without SQLite parses: subject %.*s\n", subject ? (int)n : 6,
	       subject ? subject : "(none)");
	cw_record_free(rec);
	cw_options_free(opt);
	return ok ? 0 : 1;
}
