/*
 * Per-task state of the tracer (internal to src/tracer*.c and src/output.c).
 */
#ifndef CTRACE_TRACEE_H
#define CTRACE_TRACEE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "ctrace/decode.h"
#include "ctrace/summary.h"
#include "ctrace/timestamps.h"

struct out_stream;
struct stack_state;

struct tracee {
	pid_t pid;
	struct tracee *hash_next;

	bool started_by_us;      /* the PROG ctrace ran (EXITKILL, exit status) */
	bool hide_until_execve;  /* PROG before its execve: ctrace's own setup code */
	bool in_syscall;         /* between syscall-entry and syscall-exit stops */
	bool syscall_shown;      /* the current syscall passed the filter */
	bool syscall_decoded;    /* ... or was decoded anyway, for --tree */
	bool line_open;          /* its entry is printed, the exit not yet */
	bool line_interrupted;   /* another line came in between: "<unfinished ...>" */
	bool expect_initial_stop;/* auto-attached child: its first stop is not a group-stop */
	bool birth_seen;         /* its parent's fork event was handled */
	bool held_newborn;       /* kept at its first stop until birth_seen */
	bool detached;           /* let go while shutting down */
	/* -z/-Z: the entry's line is written at exit, with the "[pid N] "
	 * prefix it would have had at entry (strace stages it then). */
	bool staged_pid_prefix;
	struct syscall_time times; /* of the current syscall (-c, -C) */

	struct stop_time stop_time; /* when its current stop was seen (-t, -r, -T) */
	struct timespec staged_delta; /* -z/-Z with -r: measured at the entry */
	const struct arch *arch; /* personality of the last syscall */
	struct syscall_event ev;
	struct out_stream *out;
	struct stack_state *stack; /* -k (src/stack_trace.c); NULL until needed */
};

/* The table of live tasks, by pid. */
struct tracee *tracee_find(pid_t pid);
struct tracee *tracee_add(pid_t pid);
void tracee_remove(struct tracee *t);
/* The task now has another pid (a non-leader thread that ran execve). */
void tracee_rekey(struct tracee *t, pid_t pid);
unsigned tracee_count(void);
/* Calls fn for each live task; fn may not add or remove tasks. */
void tracee_foreach(void (*fn)(struct tracee *t, void *arg), void *arg);
/* Any live task (for draining the table), or NULL. */
struct tracee *tracee_any(void);

/* Memory reader over ptrace for decoders (process_vm_readv, PEEKDATA fallback). */
struct mem_reader tracee_mem_reader(struct tracee *t);

#endif
