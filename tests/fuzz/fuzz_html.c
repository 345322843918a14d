/* libFuzzer target for article-html (a saved news page) and its detection: the bytes read as a
 * page (encoding sniffed, libxml2's HTML parser, metadata, JSON-LD with jansson, scoring, blocks,
 * the article parser), forced and detected, whole and in chunks, every emitter run on what comes
 * out (fuzz_common.h). A dictionary of the tags, attributes, class words and JSON-LD keys the
 * extraction looks at gets the fuzzer to them quickly. Build and run: make fuzz */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const cw_form forms[] = { CW_FORM_AUTO, CW_FORM_ARTICLE_HTML };
	cw_options *opt = cw_options_new();
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		check_form(opt, forms[i], data, size);
	cw_options_free(opt);
	return 0;
}
