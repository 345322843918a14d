/* What a stretch of text looks like, from its lines (lexer/input/news_forms.re): asked by form
 * detection and by the article parser, which lays paragraphs out by it. */
#ifndef CW_SNIFF_H
#define CW_SNIFF_H

/* Detection helpers for form_detect(): 1 when the window [p, lim) holds a telegram marker (a
 * format line, a DTG line, TAGS, E.O., SUBJECT, a classification line, ...). */
int news_looks_like_telegram(const char *p, const char *lim);
/* 1 when the text [p, lim) (whole, ending with "\n") ends as a telegram does: a finished
 * sentence, a signature in capitals alone on its line, perhaps a classification word, NNNN or
 * the declassification stamp under it. */
int news_looks_like_telegram_tail(const char *p, const char *lim);
/* 1 when the text is laid out as wire copy (hard-wrapped or indented paragraphs), 0 for web-page
 * text (one paragraph a line). */
int news_wire_layout(const char *p, const char *lim);

#endif
