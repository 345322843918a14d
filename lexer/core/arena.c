#include "lexer/core/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/core/scratch.h"


enum { ARENA_MIN_BLOCK = 16 * 1024 };

void arena_init(arena *a)
{
	a->head = NULL;
	a->total = 0;
	a->failed = 0;
}

/* A record's first block is kept by the thread for its next record (lexer/core/scratch.h):
 * a malloc and a free of 16 KB for every Reuters story cost more than a twentieth of the
 * record's own building. */
void arena_release(arena *a)
{
	arena_block *b = a->head;
	while (b) {
		arena_block *next = b->next;
		if (!next && b->cap == ARENA_MIN_BLOCK)
			scratch_give(SCRATCH_ARENA, (scratch_block){ b, sizeof(*b) + b->cap, 0 });
		else
			free(b);
		b = next;
	}
	arena_init(a);
}

/* Room for n bytes, not cleared. */
static void *arena_take(arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	arena_block *b = a->head;
	if (!b || b->cap - b->used < n) {
		size_t cap = ARENA_MIN_BLOCK;
		/* Grow blocks geometrically so huge records need few mallocs. */
		if (a->head && a->head->cap < (SIZE_MAX / 4))
			cap = a->head->cap * 2;
		if (cap > 4u * 1024 * 1024)
			cap = 4u * 1024 * 1024;
		if (cap < n)
			cap = n;
		b = NULL;
		if (!a->head && cap == ARENA_MIN_BLOCK) {
			scratch_block kept = scratch_take(SCRATCH_ARENA);
			if (kept.bytes == sizeof(*b) + cap)
				b = kept.p;
			else
				free(kept.p);
		}
		if (!b)
			b = malloc(sizeof(*b) + cap);
		if (!b) {
			a->failed = 1;
			return NULL;
		}
		b->cap = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
		a->total += cap;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

void *arena_alloc_slow(arena *a, size_t n)
{
	void *p = arena_take(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
