/* libFuzzer target for the agencies' markup forms (NITF, NewsML-G2, NewsML 1.2, ninjs, and their
 * detection), with a dictionary of their element names and JSON keys so the fuzzer reaches the
 * tree walks quickly: every document read safely (no entity, no network), whole and in chunks,
 * every emitter run on what comes out (fuzz_common.h). Build and run: make fuzz */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const cw_form forms[] = { CW_FORM_AUTO, CW_FORM_NITF, CW_FORM_NEWSML_G2,
					 CW_FORM_NEWSML, CW_FORM_NINJS };
	cw_options *opt = cw_options_new();
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		check_form(opt, forms[i], data, size);
	cw_options_free(opt);
	return 0;
}
