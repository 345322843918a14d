/* One bump allocator per record: every value, string and diagnostic of a record lives here and is
 * released with one call. Nothing is freed individually, which is why the grammars need no
 * %destructor. */
#ifndef CW_ARENA_H
#define CW_ARENA_H

#include <stddef.h>
#include <string.h>

typedef struct arena_block arena_block;

typedef struct arena {
	arena_block *head;  /* block being filled */
	size_t total;       /* bytes reserved so far, for limits */
	int failed;         /* an allocation failed; the record is marked as truncated */
} arena;

void arena_init(arena *a);
void arena_release(arena *a);
struct arena_block {
	arena_block *next;
	size_t cap, used;
	max_align_t data[];
};

/* The same as arena_alloc when the head block has no room: a new block. */
void *arena_alloc_slow(arena *a, size_t n);

/* The head block's next n bytes, max-aligned, or NULL when they do not fit there. */
static inline void *arena_bump(arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	size_t m = n ? (n + align - 1) / align * align : align;
	arena_block *b = a->head;
	if (!b || b->cap - b->used < m)
		return NULL;
	void *p = (char *)b->data + b->used;
	b->used += m;
	return p;
}
/* Returns zeroed, max-aligned memory, or NULL when out of memory (a->failed is set). Every value
 * and member of a record comes from here: the bump is inlined, and so is the clearing of the
 * constant sizes. */
static inline void *arena_alloc(arena *a, size_t n)
{
	void *p = arena_bump(a, n);
	if (p) {
		memset(p, 0, n);
		return p;
	}
	return arena_alloc_slow(a, n);
}
/* Max-aligned memory that the caller writes whole (not cleared), or NULL: arena_alloc's bump
 * without the memset. */
static inline void *arena_alloc_raw(arena *a, size_t n)
{
	void *p = arena_bump(a, n);
	return p ? p : arena_alloc_slow(a, n);
}
/* Copies n bytes and adds a terminating NUL (inline: the decoders copy every header field and
 * attribute of a story). */
static inline char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_raw(a, n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
char *arena_printf(arena *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#endif
