/* libFuzzer target for the page without its scripts' and style sheets' text
 * (lexer/input/html_raw.re): any valid UTF-8 page (the only pages it is given) and its copy must
 * parse to the same tree in libxml2 but for that text (tests/html_raw_same.h); a difference is a
 * place where the scanner tokenizes apart from the parser, and aborts. Build and run: make fuzz */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../html_raw_same.h"
#include "parser/input/html_charset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1u << 20))
		return 0;
	char *page = malloc(size + 1); /* the reader's NUL sentinel */
	if (!page)
		return 0;
	memcpy(page, data, size);
	page[size] = '\0';
	if (html_valid_utf8(page, size)) {
		size_t dropped = 0;
		char why[512] = "";
		if (!html_raw_same(page, size, &dropped, why, sizeof why)) {
			fprintf(stderr, "fuzz_html_raw: the copy parses apart: %s\n", why);
			abort();
		}
	}
	free(page);
	return 0;
}
