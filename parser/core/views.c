/* The flat views of records (parser/core/views.h): which catalogue fields each CSV column and
 * each SQLite column shows. */
#include "parser/core/views.h"

#include "parser/core/fields.h"

/* Paths from the root, spelt out (a column holds at most VIEW_PATH fields). */
#define P(...) { __VA_ARGS__ }
#define ROUTING(f) P(F_CABLE_ROUTING, f)
#define END { NULL, CELL_VALUE, P(F_NONE), F_NONE, NULL, P(F_NONE), NULL }
/* A column of one value at the path given (a table's columns: from the table's item). */
#define COL(name, ...) { name, CELL_VALUE, P(__VA_ARGS__), F_NONE, NULL, P(F_NONE), NULL }
#define ROUTING_COL(name, ...) COL(name, F_CABLE_ROUTING, __VA_ARGS__)
#define WIRE(name, f) COL(name, F_ARTICLE_WIRE, f)
#define REUTERS(name, f) COL(name, F_ARTICLE_REUTERS, f)
/* The dateline's columns, the same in the CSV row and in the articles table. */
#define DATELINE_COLUMNS                                                     \
	COL("dateline", F_ARTICLE_DATELINE, F_DATELINE_TEXT),                \
	COL("dateline_location", F_ARTICLE_DATELINE, F_DATELINE_LOCATION),   \
	COL("dateline_region", F_ARTICLE_DATELINE, F_DATELINE_REGION),       \
	COL("dateline_date", F_ARTICLE_DATELINE, F_DATELINE_DATE),           \
	COL("dateline_agency", F_ARTICLE_DATELINE, F_DATELINE_AGENCY)

/* One flat row per record, cables and articles in the same columns (a column the record's kind
 * does not have is empty). */
const view_column csv_columns[] = {
	COL("kind", F_KIND),
	{ "key", CELL_KEY, P(F_ID), F_NONE, NULL, P(F_NONE), NULL },
	COL("id", F_ID),
	COL("id_source", F_ID_SOURCE),
	COL("source_path", F_SOURCE, F_SOURCE_PATH),
	COL("source_format", F_SOURCE, F_SOURCE_FORMAT),
	COL("source_index", F_SOURCE, F_SOURCE_INDEX),
	COL("source_offset", F_SOURCE, F_SOURCE_OFFSET),
	/* cables */
	COL("release_id", F_CABLE_RELEASE_ID),
	ROUTING_COL("dtg", F_ROUTING_DTG),
	ROUTING_COL("dtg_raw", F_ROUTING_DTG_RAW),
	ROUTING_COL("precedence", F_ROUTING_PRECEDENCE, F_PRECEDENCE_ACTION),
	ROUTING_COL("from", F_ROUTING_FROM, F_ADDRESS_ADDRESS),
	{ "to", CELL_VALUE, ROUTING(F_ROUTING_TO), F_ADDRESS_ADDRESS, NULL, P(F_NONE), NULL },
	{ "info", CELL_VALUE, ROUTING(F_ROUTING_INFO), F_ADDRESS_ADDRESS, NULL, P(F_NONE), NULL },
	COL("classification", F_CABLE_CLASSIFICATION, F_CLASSIFICATION_LEVEL),
	COL("caveats", F_CABLE_CLASSIFICATION, F_CLASSIFICATION_CAVEATS),
	COL("origin", F_CABLE_ORIGIN),
	COL("serial", F_CABLE_SERIAL),
	COL("captions", F_CABLE_CAPTIONS),
	COL("eo_decl", F_CABLE_EO, F_EO_DECL),
	{ "tags", CELL_VALUE, P(F_CABLE_TAGS), F_TAG_VALUE, NULL, P(F_NONE), NULL },
	COL("subject", F_CABLE_SUBJECT),
	{ "references", CELL_VALUE, P(F_CABLE_REFERENCES), F_REFERENCE_RAW, NULL, P(F_NONE), NULL },
	COL("classified_by", F_CABLE_CLASSIFIED_BY, F_CLASSIFIED_BY_NAMES),
	COL("reasons", F_CABLE_CLASSIFIED_BY, F_CLASSIFIED_BY_REASONS),
	COL("signature", F_CABLE_SIGNATURE),
	/* articles */
	COL("headline", F_ARTICLE_HEADLINE),
	COL("deck", F_ARTICLE_DECK),
	{ "bylines", CELL_VALUE, P(F_ARTICLE_BYLINES), F_BYLINE_NAME, NULL, P(F_NONE), NULL },
	DATELINE_COLUMNS,
	COL("agencies", F_ARTICLE_AGENCIES),
	{ "photographers", CELL_VALUE, P(F_ARTICLE_PHOTO_CREDITS), F_PHOTO_CREDIT_PHOTOGRAPHER, NULL,
	  P(F_NONE), NULL },
	WIRE("wire_format", F_WIRE_FORMAT),
	WIRE("wire_priority", F_WIRE_PRIORITY),
	WIRE("wire_category", F_WIRE_CATEGORY),
	WIRE("wire_slugline", F_WIRE_SLUGLINE),
	WIRE("wire_word_count", F_WIRE_WORD_COUNT),
	WIRE("wire_transmitted", F_WIRE_TRANSMITTED),
	REUTERS("reuters_newid", F_REUTERS_NEWID),
	REUTERS("reuters_date", F_REUTERS_DATE),
	REUTERS("reuters_topics", F_REUTERS_TOPICS),
	REUTERS("reuters_places", F_REUTERS_PLACES),
	/* both */
	{ "paragraphs", CELL_COUNT, P(F_CABLE_PARAGRAPHS), F_NONE, NULL, P(F_ARTICLE_PARAGRAPHS),
	  NULL },
	/* the paragraphs' text, a blank line between them */
	{ "text", CELL_VALUE, P(F_CABLE_PARAGRAPHS), F_PARAGRAPH_TEXT, "\n\n",
	  P(F_ARTICLE_PARAGRAPHS), NULL },
	{ "errors", CELL_ERRORS, P(F_DIAGNOSTICS), F_NONE, NULL, P(F_NONE), NULL },
	{ "warnings", CELL_WARNINGS, P(F_DIAGNOSTICS), F_NONE, NULL, P(F_NONE), NULL },
	END,
};

/* Table columns: paths from the table's item. */
#define ROLE { "role", CELL_ROLE, P(F_NONE), F_NONE, NULL, P(F_NONE), NULL }
#define INDEX { "index", CELL_INDEX, P(F_NONE), F_NONE, NULL, P(F_NONE), NULL }
#define KEY { "key", CELL_KEY, P(F_NONE), F_NONE, NULL, P(F_NONE), NULL }

static const view_column csv_recipients[] = {
	KEY, ROLE, INDEX, COL("ri", F_ADDRESS_RI), COL("address", F_ADDRESS_ADDRESS),
	COL("office", F_ADDRESS_OFFICE), COL("precedence", F_ADDRESS_PRECEDENCE),
	COL("mcn", F_ADDRESS_MCN), END,
};
static const view_column csv_tags[] = {
	KEY, INDEX, COL("value", F_TAG_VALUE), COL("kind", F_TAG_KIND), END,
};
static const view_column csv_references[] = {
	KEY, INDEX, COL("label", F_REFERENCE_LABEL), COL("id", F_REFERENCE_ID),
	COL("kind", F_REFERENCE_KIND), COL("origin", F_REFERENCE_ORIGIN),
	COL("serial", F_REFERENCE_SERIAL), COL("year", F_REFERENCE_YEAR),
	COL("caption", F_REFERENCE_CAPTION), COL("raw", F_REFERENCE_RAW), END,
};
/* A cable's paragraphs and an article's in one table: the members one kind lacks are empty. */
static const view_column csv_paragraphs[] = {
	KEY, INDEX, COL("number", F_PARAGRAPH_NUMBER), COL("marking", F_PARAGRAPH_MARKING),
	COL("heading", F_PARAGRAPH_HEADING),
	COL("subhead", F_ARTICLE_PARAGRAPH_SUBHEAD),
	COL("duplicate_of", F_ARTICLE_PARAGRAPH_DUPLICATE_OF),
	{ "text", CELL_VALUE, P(F_PARAGRAPH_TEXT), F_NONE, NULL, P(F_ARTICLE_PARAGRAPH_TEXT), NULL },
	END,
};
static const view_column csv_bylines[] = {
	KEY, INDEX, COL("name", F_BYLINE_NAME), COL("title", F_BYLINE_TITLE),
	COL("affiliation", F_BYLINE_AFFILIATION), END,
};
static const view_column csv_credits[] = {
	KEY, ROLE, INDEX, COL("credit", F_PHOTO_CREDIT_CREDIT), COL("agency", F_PHOTO_CREDIT_AGENCY),
	COL("photographer", F_PHOTO_CREDIT_PHOTOGRAPHER), COL("caption", F_PHOTO_CREDIT_CAPTION),
	END,
};
static const view_column csv_diagnostics[] = {
	KEY, INDEX, COL("severity", F_DIAGNOSTIC_SEVERITY), COL("code", F_DIAGNOSTIC_CODE),
	COL("line", F_DIAGNOSTIC_LINE), COL("column", F_DIAGNOSTIC_COLUMN),
	COL("offset", F_DIAGNOSTIC_OFFSET), COL("message", F_DIAGNOSTIC_MESSAGE), END,
};

#define NO_LIST P(F_NONE)
const view_table csv_tables[CSV_TABLES] = {
	{ "recipients",
	  { ROUTING(F_ROUTING_TO), ROUTING(F_ROUTING_INFO), ROUTING(F_ROUTING_XMT),
	    ROUTING(F_ROUTING_FROM) },
	  { "to", "info", "xmt", "from" }, csv_recipients },
	{ "tags", { P(F_CABLE_TAGS), NO_LIST, NO_LIST, NO_LIST }, { NULL }, csv_tags },
	{ "references", { P(F_CABLE_REFERENCES), NO_LIST, NO_LIST, NO_LIST }, { NULL },
	  csv_references },
	{ "paragraphs", { P(F_CABLE_PARAGRAPHS), P(F_ARTICLE_PARAGRAPHS), NO_LIST, NO_LIST }, { NULL },
	  csv_paragraphs },
	{ "bylines", { P(F_ARTICLE_BYLINES), NO_LIST, NO_LIST, NO_LIST }, { NULL }, csv_bylines },
	{ "credits", { P(F_ARTICLE_PHOTO_CREDITS), NO_LIST, NO_LIST, NO_LIST }, { "photo" },
	  csv_credits },
	{ "diagnostics", { P(F_DIAGNOSTICS), NO_LIST, NO_LIST, NO_LIST }, { NULL },
	  csv_diagnostics },
};

/* ---- SQLite ---------------------------------------------------------------------------------- */

static const view_column sql_cables[] = {
	COL("id", F_ID),
	COL("id_source", F_ID_SOURCE),
	COL("release_id", F_CABLE_RELEASE_ID),
	ROUTING_COL("dtg", F_ROUTING_DTG),
	ROUTING_COL("dtg_raw", F_ROUTING_DTG_RAW),
	COL("origin", F_CABLE_ORIGIN),
	COL("serial", F_CABLE_SERIAL),
	COL("classification", F_CABLE_CLASSIFICATION, F_CLASSIFICATION_LEVEL),
	COL("classification_source", F_CABLE_CLASSIFICATION, F_CLASSIFICATION_LEVEL_SOURCE),
	COL("caveats", F_CABLE_CLASSIFICATION, F_CLASSIFICATION_CAVEATS),
	COL("classification_raw", F_CABLE_CLASSIFICATION, F_CLASSIFICATION_RAW),
	COL("captions", F_CABLE_CAPTIONS),
	COL("subject", F_CABLE_SUBJECT),
	COL("subject_marking", F_CABLE_SUBJECT_MARKING),
	ROUTING_COL("routing_shape", F_ROUTING_SHAPE),
	ROUTING_COL("partial_extract", F_ROUTING_PARTIAL_EXTRACT),
	ROUTING_COL("transmission_id", F_ROUTING_TRANSMISSION_ID, F_TRANSMISSION_ID_RAW),
	ROUTING_COL("precedence", F_ROUTING_PRECEDENCE, F_PRECEDENCE_ACTION),
	ROUTING_COL("originator_ri", F_ROUTING_ORIGINATOR, F_ORIGINATOR_RI),
	ROUTING_COL("filed", F_ROUTING_ORIGINATOR, F_ORIGINATOR_FILED, F_FILED_ISO),
	ROUTING_COL("security_level", F_ROUTING_SECURITY, F_SECURITY_LEVEL),
	ROUTING_COL("from_address", F_ROUTING_FROM, F_ADDRESS_ADDRESS),
	COL("pass_lines", F_CABLE_PASS_LINES),
	COL("eo_order", F_CABLE_EO, F_EO_ORDER),
	COL("eo_decl", F_CABLE_EO, F_EO_DECL),
	COL("eo_decl_code", F_CABLE_EO, F_EO_DECL_CODE),
	COL("classified_by", F_CABLE_CLASSIFIED_BY, F_CLASSIFIED_BY_RAW),
	COL("classified_by_titles", F_CABLE_CLASSIFIED_BY, F_CLASSIFIED_BY_TITLES),
	COL("classified_by_names", F_CABLE_CLASSIFIED_BY, F_CLASSIFIED_BY_NAMES),
	COL("reasons", F_CABLE_CLASSIFIED_BY, F_CLASSIFIED_BY_REASONS),
	COL("summary", F_CABLE_SUMMARY),
	COL("comments", F_CABLE_COMMENTS),
	COL("notes", F_CABLE_NOTES),
	COL("signature", F_CABLE_SIGNATURE),
	COL("wikileaks_created", F_CABLE_WIKILEAKS, F_WIKILEAKS_CREATED),
	COL("csv_date", F_CABLE_CSV, F_CSV_ROW_DATE),
	END,
};

static const view_column sql_articles[] = {
	COL("headline", F_ARTICLE_HEADLINE),
	COL("deck", F_ARTICLE_DECK),
	DATELINE_COLUMNS,
	COL("dateline_offset", F_ARTICLE_DATELINE, F_DATELINE_OFFSET),
	COL("agencies", F_ARTICLE_AGENCIES),
	COL("bio", F_ARTICLE_BIO),
	COL("ednote", F_ARTICLE_EDNOTE),
	WIRE("wire_format", F_WIRE_FORMAT),
	WIRE("wire_service", F_WIRE_SERVICE),
	WIRE("wire_story_number", F_WIRE_STORY_NUMBER),
	WIRE("wire_priority", F_WIRE_PRIORITY),
	WIRE("wire_category", F_WIRE_CATEGORY),
	WIRE("wire_keyword", F_WIRE_KEYWORD),
	WIRE("wire_slugline", F_WIRE_SLUGLINE),
	WIRE("wire_take_key", F_WIRE_TAKE_KEY),
	WIRE("wire_date", F_WIRE_DATE),
	WIRE("wire_word_count", F_WIRE_WORD_COUNT),
	WIRE("wire_sender", F_WIRE_SENDER),
	WIRE("wire_transmitted", F_WIRE_TRANSMITTED),
	REUTERS("reuters_newid", F_REUTERS_NEWID),
	REUTERS("reuters_oldid", F_REUTERS_OLDID),
	REUTERS("reuters_date", F_REUTERS_DATE),
	REUTERS("reuters_topics", F_REUTERS_TOPICS),
	REUTERS("reuters_places", F_REUTERS_PLACES),
	END,
};

static const view_column sql_addressees[] = {
	ROLE, COL("ri", F_ADDRESS_RI), COL("address", F_ADDRESS_ADDRESS),
	COL("office", F_ADDRESS_OFFICE), COL("precedence", F_ADDRESS_PRECEDENCE),
	COL("mcn", F_ADDRESS_MCN), END,
};
static const view_column sql_tags[] = { COL("value", F_TAG_VALUE), COL("kind", F_TAG_KIND), END };
static const view_column sql_refs[] = {
	COL("label", F_REFERENCE_LABEL), COL("ref_id", F_REFERENCE_ID), COL("kind", F_REFERENCE_KIND),
	COL("raw", F_REFERENCE_RAW), COL("origin", F_REFERENCE_ORIGIN),
	COL("serial", F_REFERENCE_SERIAL), COL("year", F_REFERENCE_YEAR),
	COL("year_assumed", F_REFERENCE_YEAR_ASSUMED), COL("caption", F_REFERENCE_CAPTION), END,
};
/* A cable's paragraphs with each subparagraph as a row of its own after its paragraph, and an
 * article's paragraphs, in reading order. */
static const view_column sql_paragraphs[] = {
	COL("number", F_PARAGRAPH_NUMBER),
	{ "label", CELL_COMPUTED, P(F_PARAGRAPH_SUBPARAGRAPHS), F_SUBPARAGRAPH_LABEL, NULL, P(F_NONE),
	  "a subparagraph's label; null on a paragraph's row" },
	{ "parent", CELL_COMPUTED, P(F_PARAGRAPH_SUBPARAGRAPHS), F_NONE, NULL, P(F_NONE),
	  "a subparagraph's row: n of its paragraph's row" },
	COL("marking", F_PARAGRAPH_MARKING),
	COL("heading", F_PARAGRAPH_HEADING),
	{ "text", CELL_VALUE, P(F_PARAGRAPH_TEXT), F_NONE, NULL, P(F_ARTICLE_PARAGRAPH_TEXT), NULL },
	COL("offset", F_ARTICLE_PARAGRAPH_OFFSET),
	COL("subhead", F_ARTICLE_PARAGRAPH_SUBHEAD),
	COL("duplicate_of", F_ARTICLE_PARAGRAPH_DUPLICATE_OF),
	END,
};
static const view_column sql_bylines[] = {
	COL("name", F_BYLINE_NAME), COL("title", F_BYLINE_TITLE),
	COL("affiliation", F_BYLINE_AFFILIATION), END,
};
/* Photo credits (kind photo) then contributor lines (kind contributor). */
static const view_column sql_credits[] = {
	{ "kind", CELL_ROLE, P(F_NONE), F_NONE, NULL, P(F_NONE), NULL },
	{ "text", CELL_VALUE, P(F_PHOTO_CREDIT_CREDIT), F_NONE, NULL, P(F_CONTRIBUTOR_TEXT), NULL },
	{ "agency", CELL_VALUE, P(F_PHOTO_CREDIT_AGENCY), F_NONE, NULL, P(F_CONTRIBUTOR_AGENCY),
	  NULL },
	{ "name", CELL_COMPUTED, P(F_PHOTO_CREDIT_PHOTOGRAPHER), F_NONE, ", ",
	  P(F_CONTRIBUTOR_NAMES), "the photographer, or the contributors' names joined by \", \"" },
	COL("caption", F_PHOTO_CREDIT_CAPTION),
	END,
};

const view_table sql_tables[SQL_TABLES] = {
	{ "cables", { NO_LIST }, { NULL }, sql_cables },
	{ "articles", { NO_LIST }, { NULL }, sql_articles },
	{ "addressees",
	  { ROUTING(F_ROUTING_FROM), ROUTING(F_ROUTING_TO), ROUTING(F_ROUTING_INFO),
	    ROUTING(F_ROUTING_XMT) },
	  { "from", "to", "info", "xmt" }, sql_addressees },
	{ "tags", { P(F_CABLE_TAGS), NO_LIST, NO_LIST, NO_LIST }, { NULL }, sql_tags },
	{ "refs", { P(F_CABLE_REFERENCES), NO_LIST, NO_LIST, NO_LIST }, { NULL }, sql_refs },
	{ "paragraphs", { P(F_CABLE_PARAGRAPHS), P(F_ARTICLE_PARAGRAPHS), NO_LIST, NO_LIST },
	  { NULL }, sql_paragraphs },
	{ "bylines", { P(F_ARTICLE_BYLINES), NO_LIST, NO_LIST, NO_LIST }, { NULL }, sql_bylines },
	{ "credits", { P(F_ARTICLE_PHOTO_CREDITS), P(F_ARTICLE_CONTRIBUTORS), NO_LIST, NO_LIST },
	  { "photo", "contributor" }, sql_credits },
};

const cw_value *view_at(const cw_value *v, const cw_field *path)
{
	size_t n = 0;
	while (n < VIEW_PATH && path[n] != F_NONE)
		n++;
	return rec_get_path(v, path, n);
}
