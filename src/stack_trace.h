/*
 * -k: the tracer's side of stack traces (src/stack_trace.c).  Each hook is a
 * no-op unless stack_trace_enable() was called; src/tracer.c calls them at
 * the stops where the tracee is stopped and its stack can be read.
 */
#ifndef CTRACE_SRC_STACK_TRACE_H
#define CTRACE_SRC_STACK_TRACE_H

#include "ctrace/stack_trace.h"
#include "ctrace/syscalls.h"
#include "tracee.h"

/* Returns -1 with a message on stderr if this build cannot unwind. */
int stack_trace_enable(void);

/* Every syscall entry, shown or not: notes calls that change the address
 * space, and takes the stack of those strace takes at entry (execve and
 * exit: after them there is no such stack left). */
void stack_trace_syscall_entry(struct tracee *t, enum syscall_id id);
/* Every syscall exit stop: the stack of a shown call becomes t->ev.stack. */
void stack_trace_syscall_exit(struct tracee *t);
/* The task died inside its syscall: only a stack taken at entry is left. */
void stack_trace_task_died(struct tracee *t);
/* At a signal-delivery stop: the stack where the signal arrives, or NULL. */
const struct stack_trace *stack_trace_signal(struct tracee *t);
/* After PTRACE_EVENT_EXEC (and a pid change): a new address space. */
void stack_trace_exec(struct tracee *t);
void stack_trace_forget(struct tracee *t);
/* Syscalls that may change the address space: with -k the seccomp filter
 * stops at them even when -e trace= does not show them. */
bool stack_trace_watches(enum syscall_id id);

#endif
