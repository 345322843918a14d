/* A saved page without the bodies of its scripts and style sheets (lexer/input/html_raw.re),
 * for libxml2's HTML parser: they are most of a news page's bytes (61 % of the naeb pages), the
 * parser walks them a character at a time into text nodes that the extraction never reads, and
 * dropping them first takes a third of the instructions a page costs. JSON-LD scripts are kept:
 * their text is the page's metadata. */
#ifndef CW_HTML_RAW_H
#define CW_HTML_RAW_H

#include <stddef.h>

/* Writes the page in[0..len) to out (room for len + 1 bytes) with the text of each <script>
 * (but a JSON-LD one) and <style> element left out except its line ends, so that the parsed
 * tree's line numbers are the page's; a NUL ends out. The elements are found as libxml2 2.9's
 * HTML parser tokenizes (comments, processing instructions, DOCTYPE, quoted attribute values,
 * "/>" ends, a raw text's end at the first "</script" or "</style"): the tree parsed from out is
 * the tree parsed from in but for those texts (tests/fuzz/fuzz_html_raw.c checks it). in[len]
 * must be readable (the reader's NUL sentinel). A page holding a NUL byte is not rewritten
 * (libxml2 stops at a NUL in text, keeps it in a script). Returns the bytes left out; 0 when
 * nothing was (out is then not written). Linear. */
size_t html_drop_raw_text(const char *in, size_t len, char *out, size_t *out_len);

#endif
