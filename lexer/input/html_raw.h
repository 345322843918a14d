/* A saved page without the bodies of its scripts and style sheets and the content of its SVG
 * pictures (lexer/input/html_raw.re), for libxml2's HTML parser: they are most of a news page's
 * bytes (67 % of the naeb pages), the parser walks them a character at a time into nodes that
 * the extraction never reads, and leaving them out first takes over a third of the instructions
 * a page costs. JSON-LD scripts are kept: their text is the page's metadata. */
#ifndef CW_HTML_RAW_H
#define CW_HTML_RAW_H

#include <stddef.h>

/* Writes the page in[0..len) to out (room for len + 1 bytes) with the text of each <script>
 * (but a JSON-LD one) and <style> element, and the content of each <svg> that ends inside
 * itself, left out except its line ends, so that the parsed tree's line numbers are the page's;
 * a NUL ends out. The elements are found as libxml2 2.9's HTML parser tokenizes (comments,
 * processing instructions, DOCTYPE, quoted attribute values, "/>" ends, a raw text's end at the
 * first "</script" or "</style"): the tree parsed from out is the tree parsed from in but for
 * those texts and contents (tests/html_raw_same.h checks it, tests/fuzz/fuzz_html_raw.c hunts
 * for a page where it fails). in[len] must be readable (the reader's NUL sentinel). A page
 * holding a NUL byte is not rewritten (libxml2 stops at a NUL in text, keeps it in a script).
 * Returns the bytes left out; 0 when nothing was, or when the page holds a raw text that the
 * parser may not read as one (a script whose text starts with another element's end tag): out
 * is then not to be used. Linear. */
size_t html_drop_raw_text(const char *in, size_t len, char *out, size_t *out_len);

/* Whether nothing reads an attribute of this name (n bytes, any case), so that it is left out
 * too: srcset (a picture's list of sizes) and the data-* attributes but the few the extraction
 * reads (a page's widget state and tracking: a seventh of the bytes left after the above). */
int html_raw_attribute_unread(const unsigned char *name, size_t n);

#endif
