/*
 * Where and when trace lines are written: pid prefixes, -o and -ff files,
 * and strace's "<unfinished ...>" / "<... X resumed>" interleaving when
 * several tasks share one output.  What a line says comes from the printers
 * (src/print_strace.c); this file only places it.
 */
#ifndef CTRACE_OUTPUT_H
#define CTRACE_OUTPUT_H

#include "ctrace/tracer.h"
#include "tracee.h"

struct stack_trace;

/* Opens -o FILE (or uses stderr).  Returns -1 with errno on failure. */
int output_open(const struct options *opts);
/* Gives a new task its stream (its own FILE.PID with -ff).  -1 on failure. */
int output_attach_tracee(struct tracee *t);
void output_detach_tracee(struct tracee *t);
void output_close(void);
/* Writes buffered output: before ctrace blocks, and at exit. */
void output_flush(void);

void output_syscall_entry(struct tracee *t);
/* The exit of the current syscall; also for a task that vanished inside it
 * (t->ev.exited false: "= ?"). */
void output_syscall_exit(struct tracee *t);
/* `stack`: -k's frames where the signal arrived, or NULL. */
void output_signal(struct tracee *t, const struct val *siginfo, int sig,
		   const struct stack_trace *stack);
void output_group_stop(struct tracee *t, int sig);
void output_exit(struct tracee *t, int status);
void output_superseded(struct tracee *t, pid_t by);
/* A thread's execve line stays open while it takes over the leader's pid:
 * strace closes it with " <pid changed to N ...>". */
void output_pid_changed(struct tracee *t, pid_t new_pid);
void output_personality(struct tracee *t, const struct arch *arch);
/* --json only (the text notes are the tracer's): a task attached with -p,
 * or followed (-f), and one detached when ctrace lets go. */
void output_attached(struct tracee *t, bool followed);
void output_detached(struct tracee *t);

/* Text written after the whole trace on the shared stream (--tree). */
void output_trailer(const char *text, size_t len);

/* "ctrace: ..." diagnostics on stderr (not the trace). */
void output_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
