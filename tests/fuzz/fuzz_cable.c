/* libFuzzer target for every input form (telegrams and articles): the input is parsed whole in
 * each form, then fed in chunks whose sizes come from the input itself; every emitter writes what
 * was parsed. The chunked parse must give the same output as the whole one.
 * Build and run: make fuzz */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cw_options *opt = cw_options_new();
	for (int form = 0; form < CW_FORM_COUNT; form++)
		check_form(opt, (cw_form)form, data, size);
	cw_options_free(opt);
	return 0;
}
