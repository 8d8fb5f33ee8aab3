/*
 * The namespace gate: --deny=namespaces and --audit=namespaces.
 *
 * --deny: a seccomp filter, installed in PROG before its execve and so
 * inherited by every descendant (traced or not), refuses in the kernel every
 * clone/unshare whose flag register has a CLONE_NEW* bit, every setns (EPERM)
 * and every clone3 (ENOSYS, so that libc falls back to clone, whose flags are
 * in a register the filter can see).  The tracer only *reports* what the
 * kernel refused; the verdict never rests on tracee memory or on ctrace
 * catching a stop.
 *
 * --audit: nothing is refused; every namespace actually created or entered is
 * found by comparing the inodes of /proc/PID/ns/ links (child against parent at fork
 * events, caller before/after unshare and setns) and reported.
 *
 * The policy (ns_policy_*) is pure and unit-tested; the rest is runtime.
 */
#ifndef CTRACE_NS_GATE_H
#define CTRACE_NS_GATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "ctrace/decode.h"
#include "ctrace/syscalls.h"

enum ns_gate_mode { NS_GATE_OFF = 0, NS_GATE_DENY, NS_GATE_AUDIT };

/* ctrace's exit status when the gate saw at least one violation. */
#define NS_GATE_EXIT_VIOLATION 3

/* CLONE_NEW* values (linux/sched.h), spelled out: libc headers lack NEWTIME. */
#define NS_CLONE_NEWTIME   0x00000080ULL   /* unshare and clone3 only */
#define NS_CLONE_NEWNS     0x00020000ULL
#define NS_CLONE_NEWCGROUP 0x02000000ULL
#define NS_CLONE_NEWUTS    0x04000000ULL
#define NS_CLONE_NEWIPC    0x08000000ULL
#define NS_CLONE_NEWUSER   0x10000000ULL
#define NS_CLONE_NEWPID    0x20000000ULL
#define NS_CLONE_NEWNET    0x40000000ULL
#define NS_FLAGS_ALL (NS_CLONE_NEWTIME | NS_CLONE_NEWNS | NS_CLONE_NEWCGROUP | NS_CLONE_NEWUTS | \
		      NS_CLONE_NEWIPC | NS_CLONE_NEWUSER | NS_CLONE_NEWPID | NS_CLONE_NEWNET)
/* Not a namespace flag: a child made with it is not auto-attached by ptrace. */
#define NS_CLONE_UNTRACED  0x00800000ULL
/* clone()'s low byte is the exit signal (CSIGNAL): 0x80 there is not CLONE_NEWTIME. */
#define NS_FLAGS_CLONE (NS_FLAGS_ALL & ~0xffULL)

enum ns_call {
	NS_CALL_NONE = 0,
	NS_CALL_CLONE,
	NS_CALL_CLONE3,
	NS_CALL_FORK,
	NS_CALL_VFORK,
	NS_CALL_UNSHARE,
	NS_CALL_SETNS,
};

/* ---- policy (pure) ----------------------------------------------------- */

enum ns_call ns_call_of(enum syscall_id id);
const char *ns_call_name(enum ns_call call);
/*
 * What the --deny filter does with a call whose first argument register
 * (flags; setns: fd; clone3: the struct's address) is arg0: 0 to let it
 * run, else the errno it fails with.  This is the rule table the seccomp
 * filter is built from.
 */
int ns_policy_errno(enum ns_call call, uint64_t arg0);
/* The CLONE_NEW* bits a call asks for, given its flags (clone3: clone_args.flags,
 * setns: its nstype argument). */
uint64_t ns_policy_flags(enum ns_call call, uint64_t flags);
/* "CLONE_NEWNS|CLONE_NEWUTS", "0" when none.  Returns strlen of the whole text. */
size_t ns_flags_format(uint64_t ns_flags, char *buf, size_t size);

struct ns_violation {
	pid_t pid;
	const char *exe;
	const char *syscall;
	uint64_t ns_flags;   /* the namespace types, as CLONE_NEW* bits */
	uint64_t raw_flags;  /* the call's flags argument as made */
	bool denied;
	bool untraced;       /* verdict "untraced": made `child`, which ctrace could not follow */
	pid_t child;         /* for "untraced": the pid the call returned */
	const char *how;     /* "seccomp", "ns-inode" or "ptrace" */
};
/* One JSON Lines record, with its newline.  Returns strlen of the whole text. */
size_t ns_violation_json(const struct ns_violation *v, char *buf, size_t size);

/* ---- runtime ----------------------------------------------------------- */

struct options;
/* After option parsing: --deny/--audit imply -f and, without -e trace=, no trace
 * at all; --deny refuses -p.  -1 with a message in err. */
int ns_gate_options(struct options *o, char *err, size_t size);
/* Before PROG starts: builds the filter, opens --report FILE (NULL: none).
 * -1 after saying why on stderr. */
int ns_gate_setup(enum ns_gate_mode mode, const char *report_path);
/* In PROG's process before execve: loads the --deny filter.  -1 with errno. */
int ns_gate_install(void);
bool ns_gate_active(void);
/* Hooks of the tracer loop (no-ops when the gate is off). */
/* At a syscall's entry stop (audit_arch: the ABI it was made through). */
void ns_gate_syscall_entry(pid_t pid, uint32_t audit_arch, enum syscall_id id,
			   const uint64_t args[6], const struct mem_reader *mem);
/* At its exit stop.  Returns the pid (in ctrace's pid namespace) of a child
 * the call made that the kernel did not attach (CLONE_UNTRACED through
 * clone3), for the tracer to seize; else 0. */
pid_t ns_gate_syscall_exit(pid_t pid, int64_t rval);
/* PTRACE_EVENT_{FORK,VFORK,CLONE}: `parent` made `child` (tracer's pids). */
void ns_gate_fork_event(pid_t parent, pid_t child);
unsigned ns_gate_violations(void);
/* Writes the --deny filter in libseccomp's PFC text (for tests).  Needs libseccomp. */
int ns_gate_filter_pfc(int fd);
void ns_gate_finish(void);

/* src/ns_untraced.c: children made with CLONE_UNTRACED. */
/* The gate clears CLONE_UNTRACED from this call's flag register (clone only:
 * clone3's flags are in memory, where a rewrite could be raced). */
bool ns_untraced_should_clear(enum ns_call call, uint64_t arg0);
/* Does so in the stopped caller's registers.  0, or -1 with errno. */
int ns_untraced_clear(pid_t pid, uint32_t audit_arch, uint64_t arg0);
/* The pid, in ctrace's pid namespace, of the child whose pid `parent`'s
 * clone returned as rval (as the parent's own pid namespace numbers it);
 * 0 when not found. */
pid_t ns_untraced_child_pid(pid_t parent, int64_t rval);

/* src/ns_audit.c: namespace identity of a task, from /proc/PID/ns/ (inodes). */
enum {
	NS_T_CGROUP, NS_T_IPC, NS_T_MNT, NS_T_NET, NS_T_PID, NS_T_PID_CHILDREN,
	NS_T_TIME, NS_T_TIME_CHILDREN, NS_T_USER, NS_T_UTS, NS_T_COUNT
};
struct ns_snapshot {
	uint64_t ino[NS_T_COUNT];   /* 0: unreadable (no such namespace type, or gone) */
};
int ns_snapshot_take(pid_t pid, struct ns_snapshot *s);
/* CLONE_NEW* bits of the types that differ between a task before and after a call. */
uint64_t ns_snapshot_diff_self(const struct ns_snapshot *before, const struct ns_snapshot *after);
/* ... between a new task and the task that created it (pid and time: the child's
 * compared with the parent's *_for_children). */
uint64_t ns_snapshot_diff_child(const struct ns_snapshot *parent, const struct ns_snapshot *child);

#endif
