/*
 * What each CLONE_* flag, unshare flag and setns nstype asks of the kernel,
 * one sentence each, for --explain and --decode.  Keyed by the same values as
 * the tables in src/xlat_clone.c (tests/unit/test_explain.c fails when a flag
 * there has no sentence here).  The facts are those of the clone(2),
 * unshare(2) and setns(2) manual pages and of kernel/fork.c.
 */
#include <stddef.h>

#include "ctrace/explain.h"

const struct xlat_meaning clone_flag_meanings[] = {
	{ 0x00000100, "the child shares the parent's memory: what one writes, the other "
		      "reads (without it the child gets a copy-on-write copy)" },
	{ 0x00000200, "the child shares the parent's root directory, current directory "
		      "and umask: chdir, chroot or umask in one changes them for both" },
	{ 0x00000400, "the child shares the parent's file descriptor table: a descriptor "
		      "opened or closed by one is opened or closed for both" },
	{ 0x00000800, "the child shares the parent's signal handlers (sigaction changes "
		      "are seen by both); the kernel requires CLONE_VM with it" },
	{ 0x00001000, "the kernel opens a pidfd, a file descriptor for the child, and "
		      "stores it for the parent (at parent_tid in clone, at pidfd in clone3)" },
	{ 0x00002000, "if the caller is being traced, its tracer traces the child too" },
	{ 0x00004000, "the caller sleeps until the child calls execve or exits, so that "
		      "the child can use the caller's memory meanwhile" },
	{ 0x00008000, "the child gets the caller's parent as its parent: a sibling, "
		      "whose exit is reported to that parent, not to the caller" },
	{ 0x00010000, "the child joins the caller's thread group: same pid (getpid), its "
		      "own tid; the kernel requires CLONE_SIGHAND with it" },
	{ 0x00020000, "the child starts in a new mount namespace, a copy of the caller's "
		      "mount table that it can change privately" },
	{ 0x00040000, "the child shares the caller's System V semaphore undo list "
		      "(semadj values, applied when the last sharer exits)" },
	{ 0x00080000, "the child's thread pointer (its thread-local storage) is set from "
		      "the tls argument" },
	{ 0x00100000, "the kernel stores the child's tid at parent_tid, in the parent's "
		      "memory, before clone returns" },
	{ 0x00200000, "when the child exits, the kernel zeroes the int at child_tid and "
		      "wakes a futex wait on it: how pthread_join learns a thread ended" },
	{ CLONE_DETACHED_BIT,
		      "historical (CLONE_DETACHED): once meant no exit signal; clone(2) "
		      "ignores it since Linux 2.6, clone3 rejects it with EINVAL" },
	{ 0x00800000, "a tracer cannot force CLONE_PTRACE onto this child: it is not "
		      "traced automatically (kernel threads use it)" },
	{ 0x01000000, "the kernel stores the child's tid at child_tid, in the child's "
		      "memory" },
	{ 0x02000000, "the child starts in a new cgroup namespace: its current cgroup "
		      "becomes the root of the cgroup tree it sees" },
	{ 0x04000000, "the child starts in a new UTS namespace: its own host name and "
		      "NIS domain name" },
	{ 0x08000000, "the child starts in a new IPC namespace: its own System V IPC "
		      "objects and POSIX message queues" },
	{ 0x10000000, "the child starts in a new user namespace with its own user and "
		      "group ids, holding every capability inside it (needs no privilege)" },
	{ 0x20000000, "the child starts in a new PID namespace, where it is pid 1, the "
		      "init that inherits orphans" },
	{ 0x40000000, "the child starts in a new network namespace: its own interfaces "
		      "(only a loopback, down), routes, firewall rules and ports" },
	{ 0x80000000, "the child shares the caller's I/O context: the I/O scheduler "
		      "treats their disk requests as one task's" },
	{ 0x00000080, "the child starts in a new time namespace, with its own offsets for "
		      "CLOCK_MONOTONIC and CLOCK_BOOTTIME (clone3 only: in clone(2) this bit "
		      "belongs to the exit signal)" },
	{ 0x100000000ULL,
		      "the child's signal handlers are reset to the default (ignored signals "
		      "stay ignored); not with CLONE_SIGHAND; clone3 only" },
	{ 0x200000000ULL,
		      "the child starts in the cgroup v2 directory whose descriptor is in "
		      "clone_args.cgroup, not in the caller's cgroup; clone3 only" },
	{ 0, NULL },
};

const struct xlat_meaning unshare_flag_meanings[] = {
	{ 0x00000080, "the caller's children from now on start in a new time namespace "
		      "(own CLOCK_MONOTONIC/CLOCK_BOOTTIME offsets); the caller stays" },
	{ 0x00000100, "accepted only when the caller's memory is not shared with another "
		      "task, so it changes nothing" },
	{ 0x00000200, "the caller gets its own copy of root directory, current directory "
		      "and umask, no longer shared with others" },
	{ 0x00000400, "the caller gets its own copy of the file descriptor table, no "
		      "longer shared with others" },
	{ 0x00000800, "accepted only when the caller's signal handlers are not shared, so "
		      "it changes nothing" },
	{ 0x00010000, "accepted only in a single-threaded process, so it changes nothing" },
	{ 0x00020000, "the caller moves into a new mount namespace, a private copy of its "
		      "mount table (implies CLONE_FS)" },
	{ 0x00040000, "the caller leaves its shared System V semaphore undo list and "
		      "starts an empty one" },
	{ 0x02000000, "the caller moves into a new cgroup namespace rooted at its current "
		      "cgroup" },
	{ 0x04000000, "the caller moves into a new UTS namespace: its own host name and "
		      "domain name" },
	{ 0x08000000, "the caller moves into a new IPC namespace: its own System V IPC "
		      "objects and POSIX message queues" },
	{ 0x10000000, "the caller moves into a new user namespace, with every capability "
		      "inside it (implies CLONE_THREAD and CLONE_FS: single-threaded only)" },
	{ 0x20000000, "the caller's children from now on start in a new PID namespace, the "
		      "first one as its pid 1; the caller keeps its pid" },
	{ 0x40000000, "the caller moves into a new network namespace: only a loopback "
		      "interface, down, no routes" },
	{ 0, NULL },
};

const struct xlat_meaning setns_type_meanings[] = {
	{ 0,          "any type: the kernel does not check which kind of namespace fd "
		      "refers to" },
	{ 0x00000080, "time namespace: the caller's children from now on use its clock "
		      "offsets" },
	{ 0x00020000, "mount namespace: paths resolve in its mount table from now on "
		      "(refused while the caller shares CLONE_FS with another task)" },
	{ 0x02000000, "cgroup namespace: the caller sees the cgroup tree from that "
		      "namespace's root" },
	{ 0x04000000, "UTS namespace: host name and domain name become the namespace's" },
	{ 0x08000000, "IPC namespace: System V IPC objects and POSIX message queues "
		      "become the namespace's" },
	{ 0x10000000, "user namespace: the caller's ids and capabilities become those it "
		      "has there (refused in a multithreaded process)" },
	{ 0x20000000, "PID namespace: the caller's children from now on are created in "
		      "it; the caller keeps its pid" },
	{ 0x40000000, "network namespace: interfaces, routes and sockets created from now "
		      "on are the namespace's" },
	/* The terminator must not be mistaken for the nstype 0 row above. */
	{ 0, NULL },
};

const char clone_exit_signal_meaning[] =
	"exit signal: sent to the parent when the child terminates (SIGCHLD is what "
	"wait() expects)";
const char clone_no_exit_signal_meaning[] =
	"no exit signal: the parent is not signalled when the child terminates, and must "
	"wait for it with __WALL or __WCLONE";

const char *xlat_meaning(const struct xlat_meaning *table, uint64_t value)
{
	for (const struct xlat_meaning *m = table; m->text; m++) {
		if (m->value == value)
			return m->text;
	}
	return NULL;
}
