#include "parser/input/walk_guard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Open addressing over (device, inode): a tree of a million files stays a few tens of MB. */
typedef struct seen {
	dev_t dev;
	ino_t ino;
	char *path;      /* NULL: an empty slot */
	int open;        /* a directory being read now (an ancestor of the walk's position) */
} seen;

struct walk_guard {
	seen *slot;
	size_t cap, used;
	size_t *chain;   /* slots of the directories being read, outermost first */
	size_t depth, chain_cap;
};

walk_guard *walk_guard_new(void)
{
	walk_guard *g = calloc(1, sizeof(*g));
	if (g && !(g->slot = calloc(g->cap = 256, sizeof(*g->slot)))) {
		free(g);
		g = NULL;
	}
	return g;
}

void walk_guard_free(walk_guard *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->cap; i++)
		free(g->slot[i].path);
	free(g->slot);
	free(g->chain);
	free(g);
}

static size_t hash(dev_t dev, ino_t ino, size_t cap)
{
	uint64_t h = ((uint64_t)dev * 0x9E3779B97F4A7C15u) ^ ((uint64_t)ino * 0xC2B2AE3D27D4EB4Fu);
	return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

static seen *find(walk_guard *g, dev_t dev, ino_t ino)
{
	size_t i = hash(dev, ino, g->cap);
	while (g->slot[i].path && !(g->slot[i].dev == dev && g->slot[i].ino == ino))
		i = (i + 1) & (g->cap - 1);
	return &g->slot[i];
}

static int grow(walk_guard *g)
{
	seen *old = g->slot;
	size_t old_cap = g->cap;
	seen *slot = calloc(old_cap * 2, sizeof(*slot));
	if (!slot)
		return -1;
	g->slot = slot;
	g->cap = old_cap * 2;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].path)
			*find(g, old[i].dev, old[i].ino) = old[i];
	/* the chain holds slot numbers: find them again */
	for (size_t d = 0; d < g->depth; d++) {
		seen *o = &old[g->chain[d]];
		g->chain[d] = (size_t)(find(g, o->dev, o->ino) - g->slot);
	}
	free(old);
	return 0;
}

/* The slot of (dev, ino), added when new; NULL when out of memory. */
static seen *add(walk_guard *g, dev_t dev, ino_t ino, const char *path, int *was_new)
{
	if ((g->used + 1) * 2 > g->cap && grow(g) != 0)
		return NULL;
	seen *s = find(g, dev, ino);
	*was_new = s->path == NULL;
	if (*was_new) {
		if (!(s->path = strdup(path)))
			return NULL;
		s->dev = dev;
		s->ino = ino;
		s->open = 0;
		g->used++;
	}
	return s;
}

int walk_guard_enter(walk_guard *g, dev_t dev, ino_t ino, const char *path, const char **first)
{
	int was_new;
	seen *s = add(g, dev, ino, path, &was_new);
	if (!s)
		return WALK_SEEN_OOM;
	*first = s->path;
	if (!was_new)
		return s->open ? WALK_SEEN_LOOP : WALK_SEEN_REPEAT;
	if (g->depth == g->chain_cap) {
		size_t cap = g->chain_cap ? g->chain_cap * 2 : 16;
		size_t *c = realloc(g->chain, cap * sizeof(*c));
		if (!c)
			return WALK_SEEN_OOM;
		g->chain = c;
		g->chain_cap = cap;
	}
	s->open = 1;
	g->chain[g->depth++] = (size_t)(s - g->slot);
	return WALK_NEW;
}

void walk_guard_leave(walk_guard *g)
{
	if (g->depth)
		g->slot[g->chain[--g->depth]].open = 0;
}

int walk_guard_file(walk_guard *g, dev_t dev, ino_t ino, const char *path, const char **first)
{
	int was_new;
	seen *s = add(g, dev, ino, path, &was_new);
	if (!s)
		return WALK_SEEN_OOM;
	*first = s->path;
	return was_new ? WALK_NEW : WALK_SEEN_REPEAT;
}
