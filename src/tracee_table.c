/* The table of traced tasks: a hash by pid (src/tracee.h). */
#include <stdlib.h>

#include "tracee.h"

#define TRACEE_BUCKETS 1024   /* power of two; chains stay short even with 5000 tasks */

static struct tracee *buckets[TRACEE_BUCKETS];
static unsigned live;

static struct tracee **bucket(pid_t pid)
{
	return &buckets[(unsigned)pid & (TRACEE_BUCKETS - 1)];
}

struct tracee *tracee_find(pid_t pid)
{
	for (struct tracee *t = *bucket(pid); t; t = t->hash_next)
		if (t->pid == pid)
			return t;
	return NULL;
}

struct tracee *tracee_add(pid_t pid)
{
	struct tracee *t = calloc(1, sizeof(*t));
	if (!t)
		abort();
	t->pid = pid;
	t->hash_next = *bucket(pid);
	*bucket(pid) = t;
	live++;
	return t;
}

static void unlink_tracee(struct tracee *t)
{
	for (struct tracee **p = bucket(t->pid); *p; p = &(*p)->hash_next) {
		if (*p == t) {
			*p = t->hash_next;
			break;
		}
	}
}

void tracee_remove(struct tracee *t)
{
	unlink_tracee(t);
	event_release(&t->ev);
	free(t);
	live--;
}

unsigned tracee_count(void)
{
	return live;
}

void tracee_foreach(void (*fn)(struct tracee *t, void *arg), void *arg)
{
	for (unsigned i = 0; i < TRACEE_BUCKETS; i++)
		for (struct tracee *t = buckets[i]; t; t = t->hash_next)
			fn(t, arg);
}

struct tracee *tracee_any(void)
{
	for (unsigned i = 0; i < TRACEE_BUCKETS; i++)
		if (buckets[i])
			return buckets[i];
	return NULL;
}

void tracee_rekey(struct tracee *t, pid_t pid)
{
	unlink_tracee(t);
	t->pid = pid;
	t->hash_next = *bucket(pid);
	*bucket(pid) = t;
}
