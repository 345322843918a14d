/* One bump allocator per record: every value, string and diagnostic of a record lives here and is
 * released with one call. Nothing is freed individually, which is why the grammars need no
 * %destructor. */
#ifndef CW_ARENA_H
#define CW_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
	arena_block *head;  /* block being filled */
	size_t total;       /* bytes reserved so far, for limits */
	int failed;         /* an allocation failed; the record is marked as truncated */
} arena;

void arena_init(arena *a);
void arena_release(arena *a);
/* Returns zeroed, max-aligned memory, or NULL when out of memory (a->failed is set). */
void *arena_alloc(arena *a, size_t n);
/* Copies n bytes and adds a terminating NUL. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#endif
