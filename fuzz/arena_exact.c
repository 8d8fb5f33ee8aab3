/*
 * The arena of include/ctrace/val.h for the fuzz build only: every
 * allocation is its own malloc() of exactly the size asked for, so that
 * AddressSanitizer sees the bounds of each value and string.  src/arena.c
 * bump-allocates in 4 KiB chunks, inside which an over-read of one value
 * into the next goes unnoticed.  Same interface, same zeroed memory.
 */
#include <stdarg.h>
#include <stdio.h>
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

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strndup(a, "", 0);
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
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
