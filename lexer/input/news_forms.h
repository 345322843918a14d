/* Decoders of the news forms (lexer/input/news_forms.re), called by form_decode(). Each decodes one
 * unit's raw bytes [cur, lim) into the record's text and fills what the form marks in out. */
#ifndef CW_NEWS_FORMS_H
#define CW_NEWS_FORMS_H

#include "lexer/input/decoder.h"
#include "lexer/input/forms.h"

/* Web-page text and plain wire copy: the text, with HTML entities a scrape may have kept. */
void news_decode_text(decoder *d, uptr cur, uptr lim);
/* One Reuters-21578 <REUTERS> record. Returns -1 when there is none. */
int news_decode_sgml(decoder *d, uptr cur, uptr lim, decoded *out);
/* One ANPA-1312 story (SYN SYN SOH ... EOT) and one IPTC 7901 message (SOH ... EOT). */
int news_decode_anpa(decoder *d, uptr cur, uptr lim, decoded *out);
int news_decode_iptc(decoder *d, uptr cur, uptr lim, decoded *out);

#include "lexer/input/sniff.h"

#endif
