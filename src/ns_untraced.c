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

/* The numbers of "NSpid:" in /proc/DIR/status (its pid in each pid namespace,
 * ctrace's first, its own last) into ids[0..max): how many there are, or -1. */
static int ns_pids(const char *dir, long *ids, int max)
{
	char path[300], line[256];
	int n = -1;

	snprintf(path, sizeof(path), "/proc/%s/status", dir);
	FILE *f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "NSpid:", 6))
			continue;
		char *p = line + 6, *end;
		n = 0;
		for (long v; (v = strtol(p, &end, 10)), end != p; p = end)
			if (n < max)
				ids[n++] = v;
		break;
	}
	fclose(f);
	return n;
}

pid_t ns_untraced_child_pid(pid_t parent, int64_t rval)
{
	char path[64], dir[32];
	long ids[32];

	if (rval <= 0)
		return 0;
	/* The call returns the child's pid as the caller's own pid namespace
	 * sees it: ctrace's pid for it when the caller shares ctrace's. */
	snprintf(dir, sizeof(dir), "%d", (int)parent);
	int level = ns_pids(dir, ids, 32);
	if (level <= 1)
		return (pid_t)rval;
	/* The caller is in a pid namespace nested `level` deep: find the task
	 * born in its pid_for_children namespace whose pid at that depth is rval
	 * (pids repeat only across namespaces, and the namespace pins it). */
	snprintf(path, sizeof(path), "/proc/%d/ns/pid_for_children", (int)parent);
	uint64_t ns = ino_of(path);
	DIR *d = opendir("/proc");
	if (!d || !ns) {
		if (d)
			closedir(d);
		return 0;
	}
	pid_t found = 0;
	for (struct dirent *e; !found && (e = readdir(d));) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		char nspath[300];
		snprintf(nspath, sizeof(nspath), "/proc/%s/ns/pid", e->d_name);
		if (ino_of(nspath) != ns)
			continue;
		if (ns_pids(e->d_name, ids, 32) >= level && ids[level - 1] == rval)
			found = (pid_t)atoi(e->d_name);
	}
	closedir(d);
	return found;
}
