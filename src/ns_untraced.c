/*
 * Children ctrace could not follow (CLONE_UNTRACED), for the namespace gate.
 *
 * The kernel does not auto-attach a child made with CLONE_UNTRACED, even
 * with PTRACE_O_TRACECLONE: it would run, and create namespaces, unseen.
 *
 * clone: the flags are in a register of the stopped caller, which nothing
 * else can change; clearing CLONE_UNTRACED there at the entry stop makes the
 * kernel attach the child like any other (TOCTOU-free).
 *
 * clone3: the flags are in tracee memory, which another thread (or another
 * process, through shared memory or /proc/PID/mem) can rewrite after ctrace
 * looked, so no rewrite there can be trusted.  Instead the gate fails closed
 * at the call's exit: the kernel reports a traced child's fork event in the
 * parent *before* the parent's syscall-exit stop, so a clone3 that returned
 * a pid with no fork event made a child ctrace cannot follow; that is a
 * violation of its own ("untraced"), and the child is seized from then on.
 * (A SECCOMP_RET_USER_NOTIF listener would not help: it too would judge
 * clone_args by reading tracee memory, with the same race; and refusing
 * clone3 in audit mode would change what the audited program does.)
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ctrace/arch.h"
#include "ctrace/ns_gate.h"

bool ns_untraced_should_clear(enum ns_call call, uint64_t arg0)
{
	return call == NS_CALL_CLONE && (arg0 & NS_CLONE_UNTRACED);
}

int ns_untraced_clear(pid_t pid, uint32_t audit_arch, uint64_t arg0)
{
	return arch_native_write_arg(pid, audit_arch, 0, arg0 & ~NS_CLONE_UNTRACED);
}

static uint64_t ino_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (uint64_t)st.st_ino : 0;
}

/* The last number of "NSpid:" in /proc/PID/status: its pid in its own namespace. */
static long inner_pid(const char *dir)
{
	char path[300], line[256];
	long pid = -1;

	snprintf(path, sizeof(path), "/proc/%s/status", dir);
	FILE *f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "NSpid:", 6))
			continue;
		char *p = line + 6, *end;
		for (long v; (v = strtol(p, &end, 10)), end != p; p = end)
			pid = v;
		break;
	}
	fclose(f);
	return pid;
}

pid_t ns_untraced_child_pid(pid_t parent, int64_t rval)
{
	char path[64];

	if (rval <= 0)
		return 0;
	/* The call returns the pid as seen in the caller's pid namespace; the
	 * child lives in the caller's pid_for_children namespace. */
	snprintf(path, sizeof(path), "/proc/%d/ns/pid_for_children", (int)parent);
	uint64_t ns = ino_of(path);
	if (!ns || ns == ino_of("/proc/self/ns/pid"))
		return (pid_t)rval;
	/* Another pid namespace (the program made one): find the task whose
	 * innermost pid is rval in that namespace. */
	DIR *d = opendir("/proc");
	if (!d)
		return 0;
	pid_t found = 0;
	for (struct dirent *e; !found && (e = readdir(d));) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		char nspath[300];
		snprintf(nspath, sizeof(nspath), "/proc/%s/ns/pid", e->d_name);
		if (ino_of(nspath) == ns && inner_pid(e->d_name) == rval)
			found = (pid_t)atoi(e->d_name);
	}
	closedir(d);
	return found;
}
