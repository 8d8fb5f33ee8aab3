/*
 * When a syscall ran (struct syscall_time, include/ctrace/summary.h), as the
 * tracer sees it at the syscall's entry and exit stops: the monotonic clock,
 * and the process's system CPU time from the rusage wait4() returns with
 * each stop (strace -c's default measure).  Tracer-side only: decoders and
 * printers get the times, never take them.
 */
#ifndef CTRACE_SYSCALL_TIME_H
#define CTRACE_SYSCALL_TIME_H

#include <stdbool.h>
#include <sys/resource.h>

#include "ctrace/tracer.h"

/* Decides from the options what to take: the wall clock, the system time. */
void syscall_time_setup(const struct options *opts);
/* Where wait4() should put the rusage of the stop it reports: NULL when
 * the system time is not wanted (the kernel then skips the work). */
struct rusage *syscall_time_rusage(void);
/* At the entry stop (after its line is printed: as late as possible) and
 * at the exit stop (before anything else), of the stop last waited for. */
void syscall_time_entry(struct syscall_time *t);
void syscall_time_exit(struct syscall_time *t);

#endif
