/* For the table tests of the field scanners: comparing a scanned slice with the expected text
 * (NULL: the field must be absent), and the end of a NUL-terminated test line. */
#ifndef CW_CHECK_SLICES_H
#define CW_CHECK_SLICES_H

#include <string.h>

#include "check_helpers.h"
#include "lexer/cable/header_fields.h"

static inline int slice_eq(slice s, const char *want)
{
	if (!want)
		return s.s == NULL;
	return s.s && s.n == strlen(want) && memcmp(s.s, want, s.n) == 0;
}

#define CHECK_SLICE(sl, want) \
	ck_assert_msg(slice_eq(sl, want), "%s: got '%.*s', want '%s'", #sl, (int)(sl).n, \
		      (sl).s ? (sl).s : "(null)", (want) ? (want) : "(null)")

static inline const char *lim_of(const char *s) { return s + strlen(s); }

#endif
