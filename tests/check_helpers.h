/* Shared by the Check suites: parsing from strings, records as JSON, JSON comparison. */
#ifndef CW_CHECK_HELPERS_H
#define CW_CHECK_HELPERS_H

#include <check.h>
#include <jansson.h>

#include "cablewire.h"

/* Parses a NUL-terminated string as one unit (form detected); never NULL. */
cw_record *parse_str(const char *s, const char *path);
cw_record *parse_buf(const char *s, size_t n, const char *path, cw_form form);
/* The record as compact JSON (malloc'd). */
char *record_json(const cw_record *rec);
/* The record parsed back by jansson; fails the test when the output is not valid JSON. */
json_t *record_jansson(const cw_record *rec);
/* A string member by dotted path, or NULL. */
const char *rec_str(const cw_record *rec, const char *path);
/* 0 when every member of expected is in actual with an equal value (objects recursively;
 * arrays item by item and of equal length); otherwise writes the path of the first difference
 * into where. */
int json_subset(const json_t *expected, const json_t *actual, char *where, size_t size);
/* Whether rec has a diagnostic with this code. */
int has_diag(const cw_record *rec, const char *code);
/* Reads a whole file (malloc'd, NUL-terminated); NULL when missing. */
char *read_file(const char *path, size_t *len);

Suite *suite_text(void);
Suite *suite_warc(void);
Suite *suite_fields(void);
Suite *suite_forms(void);
Suite *suite_html(void);
Suite *suite_html_raw(void);
Suite *suite_routing(void);
Suite *suite_reader(void);
Suite *suite_json(void);
Suite *suite_xml(void);
Suite *suite_golden(void);
Suite *suite_body_fields(void);
Suite *suite_body(void);
Suite *suite_split(void);
Suite *suite_linear(void);
Suite *suite_article_fields(void);
Suite *suite_emitter(void);
Suite *suite_csv(void);
Suite *suite_archive(void);
Suite *suite_nitf_ninjs(void);
Suite *suite_catalogue(void);
Suite *suite_fragments(void);
Suite *suite_shard(void);
Suite *suite_scratch(void);

#endif
