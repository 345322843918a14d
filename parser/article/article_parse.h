/* Entry point of the news article parser (parser/article/article.c). */
#ifndef CW_ARTICLE_PARSE_H
#define CW_ARTICLE_PARSE_H

#include "lexer/input/forms.h"
#include "parser/core/record.h"

/* Parses the record's decoded text as a news story in the given form and fills its value tree. */
void article_parse(cw_record *rec, const decoded *dec, cw_form form);

#endif
