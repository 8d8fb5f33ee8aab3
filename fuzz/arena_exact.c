/*
 * The arena of include/ctrace/val.h for the fuzz build only: every
 * allocation is its own malloc() of exactly the size asked for, so that
 * AddressSanitizer sees the bounds of each value and string.  src/arena.c
 * bump-allocates in chunks (1 KiB first, then doubling), inside which an
 * over-read of one value into the next goes unnoticed.  Same interface, same
 * zeroed memory; the string helpers on top are src/arena_strings.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "ctrace/val.h"

struct arena_chunk {
	struct arena_chunk *next;
	max_align_t data[];
};

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c = malloc(sizeof(*c) + size);

	if (!c)
		abort();
	c->next = a->chunks;
	a->chunks = c;
	memset(c->data, 0, size);
	return c->data;
}

/* Freed at once, not kept: a value used after its event is reset is caught. */
void arena_reset(struct arena *a)
{
	while (a->chunks) {
		struct arena_chunk *c = a->chunks;
		a->chunks = c->next;
		free(c);
	}
	a->spare = NULL;
}

void arena_free(struct arena *a)
{
	arena_reset(a);
}
