/*
 * Filtered tracing at near-native speed: with -e trace=SET, a seccomp-bpf
 * filter in PROG makes only the selected syscalls stop (SECCOMP_RET_TRACE);
 * every other syscall runs without waking ctrace at all.  On by default,
 * as strace's --seccomp-bpf is not.
 *
 * It needs PROG to be started by ctrace (a filter cannot be put into a
 * running process), libseccomp, and no namespace gate (the gate needs to see
 * the calls its own filter refuses); otherwise every syscall stops, as before.
 */
#ifndef CTRACE_SECCOMP_TRACE_H
#define CTRACE_SECCOMP_TRACE_H

#include <stdbool.h>

struct options;

enum seccomp_trace_mode {
	SECCOMP_TRACE_AUTO,   /* default: on whenever it can be */
	SECCOMP_TRACE_OFF,    /* --seccomp-bpf=off */
};

/* Decides and builds the filter in ctrace.  0, or -1 after a message. */
int seccomp_trace_setup(const struct options *o);
bool seccomp_trace_active(void);
/* In the child, before execve: loads the filter.  0, or -1 with errno. */
int seccomp_trace_install(void);
void seccomp_trace_finish(void);

/*
 * Loads a libseccomp filter into the calling process: without
 * no_new_privs when we may (CAP_SYS_ADMIN), so that setuid programs keep
 * working, with it otherwise.  0, or a negative errno.
 */
int seccomp_load_filter(void *scmp_ctx);

#endif
