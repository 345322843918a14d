/* libFuzzer target for the article forms alone (web text, wire text, Reuters SGML, ANPA-1312,
 * IPTC 7901, and detection among them), with a dictionary of wire framing and article words so
 * the fuzzer reaches the article grammar quickly. Same whole-versus-chunked check as fuzz_cable.
 * Build and run: make fuzz */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const cw_form forms[] = { CW_FORM_AUTO, CW_FORM_ARTICLE_TEXT, CW_FORM_WIRE_TEXT,
					 CW_FORM_REUTERS_SGML, CW_FORM_ANPA, CW_FORM_IPTC7901 };
	cw_options *opt = cw_options_new();
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		check_form(opt, forms[i], data, size);
	cw_options_free(opt);
	return 0;
}
