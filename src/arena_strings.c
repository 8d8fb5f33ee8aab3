/*
 * The string helpers of the value arena (include/ctrace/val.h), on top of
 * arena_alloc() alone: shared by the bump allocator (src/arena.c) and the
 * fuzz build's one-malloc-per-value arena (fuzz/arena_exact.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ctrace/val.h"

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
