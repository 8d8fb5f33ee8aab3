/*
 * Bump allocator for decoded values (include/ctrace/val.h).  Chunks are kept
 * across arena_reset() so that tracing a steady stream of syscalls allocates
 * nothing once the arena has grown to the largest event seen.
 */
#include <stdlib.h>
#include <string.h>

#include "ctrace/val.h"

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	size_t used;
	max_align_t data[];
};

/* Small first: every live tracee keeps one chunk; events that need more grow it. */
#define ARENA_CHUNK_MIN 1024

static struct arena_chunk *chunk_new(size_t size)
{
	struct arena_chunk *c = malloc(sizeof(*c) + size);
	if (!c)
		abort();        /* decoders have no error path for memory: see val.h */
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size = (size + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1);

	struct arena_chunk *c = a->chunks;
	if (!c || c->size - c->used < size) {
		if (a->spare && a->spare->size >= size) {
			c = a->spare;
			a->spare = c->next;
			c->used = 0;
		} else {
			/* Each new chunk doubles the last, so a large event
			 * (a long argv) takes few chunks. */
			size_t want = c ? 2 * c->size : ARENA_CHUNK_MIN;
			c = chunk_new(size > want ? size : want);
		}
		c->next = a->chunks;
		a->chunks = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

void arena_reset(struct arena *a)
{
	while (a->chunks) {
		struct arena_chunk *c = a->chunks;
		a->chunks = c->next;
		c->next = a->spare;
		a->spare = c;
	}
}

void arena_free(struct arena *a)
{
	arena_reset(a);
	while (a->spare) {
		struct arena_chunk *c = a->spare;
		a->spare = c->next;
		free(c);
	}
}
