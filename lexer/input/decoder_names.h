/* Short names of the decoder's helpers for the rules of the generated scanners
 * (lexer/input/forms.re, lexer/input/news_forms.re); included by those two only, never by a
 * header, so that the names do not leak into other files. */
#ifndef CW_DECODER_NAMES_H
#define CW_DECODER_NAMES_H

#include "lexer/input/decoder.h"

/* Short names for the generated scanners. */
#define put dec_put
#define subst dec_subst
#define bad_byte dec_bad_byte
#define control dec_control
#define nul dec_nul
#define numeric_entity dec_numeric_entity
#define report dec_report

#endif
