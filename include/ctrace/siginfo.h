/*
 * Signal information, decoded purely like syscalls are.
 *
 * The tracer fetches a siginfo_t with PTRACE_GETSIGINFO; the kernel hands it
 * over in the tracer's own layout, so `word_size` is the tracer's (8 for a
 * 64-bit ctrace, whatever the tracee's personality).
 */
#ifndef CTRACE_SIGINFO_H
#define CTRACE_SIGINFO_H

#include <stddef.h>

#include "ctrace/val.h"

/*
 * {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, ...} as strace prints it in
 * "--- SIGCHLD {...} ---" lines.  `bytes` holds a siginfo_t of `len` bytes.
 */
struct val *decode_siginfo(struct arena *a, const void *bytes, size_t len, unsigned word_size);

/*
 * A wait status as strace prints it inside wait4's "[...]":
 * "{WIFEXITED(s) && WEXITSTATUS(s) == 0}", "{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}", ...
 */
struct val *decode_wait_status(struct arena *a, int status);

#endif
