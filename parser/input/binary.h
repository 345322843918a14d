/* Binary data (random bytes, an image, an executable) is not text in any encoding: decoded, a
 * byte in two became U+FFFD with an anchor in the offset map, and every line a paragraph, so
 * 64 MiB of random bytes took 1.06 GB of memory to give a useless record. It is recognised from
 * its start and gives one error record (INPUT_BINARY) without being decoded. */
#ifndef CW_BINARY_H
#define CW_BINARY_H

#include <stddef.h>

/* Whether the first 64 KiB look like binary data: at least 1 KiB of them, and more than a
 * quarter of the bytes control characters (other than TAB, LF, CR, FF) or bytes that are not
 * UTF-8. NUL bytes do not count (zero padding, UTF-16 without a mark: read as text), nor do
 * Windows-1252 letters in the proportions text has them. */
int input_looks_binary(const char *buf, size_t len);

#endif
