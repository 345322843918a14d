/* The one test runner: every module's suite, run through srunner_run_all(sr, CK_ENV) so CK_RUN_SUITE,
 * CK_RUN_CASE, CK_FORK and CK_VERBOSITY select and shape the run. */
#include <stdlib.h>

#include "check_helpers.h"

int main(void)
{
	SRunner *sr = srunner_create(suite_text());
	srunner_add_suite(sr, suite_fields());
	srunner_add_suite(sr, suite_body_fields());
	srunner_add_suite(sr, suite_body());
	srunner_add_suite(sr, suite_fragments());
	srunner_add_suite(sr, suite_forms());
	srunner_add_suite(sr, suite_html());
	srunner_add_suite(sr, suite_html_raw());
	srunner_add_suite(sr, suite_routing());
	srunner_add_suite(sr, suite_reader());
	srunner_add_suite(sr, suite_split());
	srunner_add_suite(sr, suite_article_fields());
	srunner_add_suite(sr, suite_json());
	srunner_add_suite(sr, suite_emitter());
	srunner_add_suite(sr, suite_csv());
	srunner_add_suite(sr, suite_xml());
	srunner_add_suite(sr, suite_nitf_ninjs());
	srunner_add_suite(sr, suite_golden());
	srunner_add_suite(sr, suite_linear());
	srunner_add_suite(sr, suite_archive());
	srunner_add_suite(sr, suite_catalogue());
	srunner_add_suite(sr, suite_shard());
	srunner_add_suite(sr, suite_scratch());
	srunner_add_suite(sr, suite_warc());
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
