/*
 * /proc/PID/maps parsing and the frame list of a stack trace
 * (include/ctrace/stack_trace.h).  Pure: the text comes from the caller.
 */
#include <stdlib.h>
#include <string.h>

#include "ctrace/stack_trace.h"

void stack_trace_clear(struct stack_trace *st)
{
	st->n = 0;
	st->at_entry = false;
	arena_reset(&st->strings);
}

void stack_trace_free(struct stack_trace *st)
{
	free(st->frames);
	arena_free(&st->strings);
	memset(st, 0, sizeof(*st));
}

struct stack_frame *stack_trace_push(struct stack_trace *st)
{
	if (st->n == st->cap) {
		unsigned cap = st->cap ? 2 * st->cap : 16;
		struct stack_frame *f = realloc(st->frames, cap * sizeof(*f));
		if (!f)
			abort();
		st->frames = f;
		st->cap = cap;
	}
	struct stack_frame *f = &st->frames[st->n++];
	memset(f, 0, sizeof(*f));
	return f;
}

/* A hexadecimal field ending at `stop`; advances *p past it. */
static bool hex_field(const char **p, const char *end, char stop, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	int digits = 0;

	for (; s < end && *s != stop; s++, digits++) {
		int d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return false;
		if (digits >= 16)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	if (!digits || s == end)
		return false;
	*out = v;
	*p = s + 1;
	return true;
}

static bool dec_field(const char **p, const char *end, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;

	if (s == end || *s < '0' || *s > '9')
		return false;
	for (; s < end && *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (uint64_t)(*s - '0');
	*out = v;
	*p = s;
	return true;
}

/*
 * One line of proc(5)'s format:
 *   7f12a000-7f12c000 r-xp 00028000 08:01 1311 /usr/lib/x86_64-linux-gnu/libc.so.6
 * The path starts after the inode's padding and runs to the end of the line
 * (it may hold spaces, and " (deleted)"); anonymous mappings have none.
 */
static bool parse_line(struct proc_maps *m, const char *s, const char *end)
{
	struct proc_mapping pm;
	uint64_t major, minor;

	memset(&pm, 0, sizeof(pm));
	if (!hex_field(&s, end, '-', &pm.start) || !hex_field(&s, end, ' ', &pm.end))
		return false;
	if (end - s < 5 || s[4] != ' ')
		return false;
	pm.write = s[1] == 'w';
	pm.exec = s[2] == 'x';
	s += 5;
	if (!hex_field(&s, end, ' ', &pm.offset) || !hex_field(&s, end, ':', &major) ||
	    !hex_field(&s, end, ' ', &minor) || !dec_field(&s, end, &pm.inode))
		return false;
	if (pm.end <= pm.start)
		return false;
	pm.dev_major = (uint32_t)major;
	pm.dev_minor = (uint32_t)minor;
	while (s < end && *s == ' ')
		s++;
	if (s < end)
		pm.path = arena_strndup(&m->strings, s, (size_t)(end - s));

	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 32;
		struct proc_mapping *v = realloc(m->v, cap * sizeof(*v));
		if (!v)
			abort();
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n++] = pm;
	return true;
}

size_t proc_maps_parse(struct proc_maps *m, const char *text, size_t len)
{
	const char *end = text + len;

	m->n = 0;
	arena_reset(&m->strings);
	for (const char *s = text; s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *eol = nl ? nl : end;
		parse_line(m, s, eol);
		s = nl ? nl + 1 : end;
	}
	return m->n;
}

const struct proc_mapping *proc_maps_find(const struct proc_maps *m, uint64_t addr)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct proc_mapping *pm = &m->v[mid];
		if (addr < pm->start)
			hi = mid;
		else if (addr >= pm->end)
			lo = mid + 1;
		else
			return pm;
	}
	return NULL;
}

void proc_maps_free(struct proc_maps *m)
{
	free(m->v);
	arena_free(&m->strings);
	memset(m, 0, sizeof(*m));
}
