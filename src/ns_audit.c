/*
 * --audit=namespaces judges by effect: a namespace was created or entered
 * when a task's /proc/PID/ns/ links point at other namespaces than before
 * (or than its parent's).  The links' targets are nsfs inodes; stat() gives
 * them without parsing "uts:[4026531838]".
 */
#include <stdio.h>
#include <sys/stat.h>

#include "ctrace/ns_gate.h"

static const struct {
	const char *name;
	uint64_t flag;
} ns_types[NS_T_COUNT] = {
	[NS_T_CGROUP]        = { "cgroup", NS_CLONE_NEWCGROUP },
	[NS_T_IPC]           = { "ipc", NS_CLONE_NEWIPC },
	[NS_T_MNT]           = { "mnt", NS_CLONE_NEWNS },
	[NS_T_NET]           = { "net", NS_CLONE_NEWNET },
	[NS_T_PID]           = { "pid", NS_CLONE_NEWPID },
	[NS_T_PID_CHILDREN]  = { "pid_for_children", NS_CLONE_NEWPID },
	[NS_T_TIME]          = { "time", NS_CLONE_NEWTIME },
	[NS_T_TIME_CHILDREN] = { "time_for_children", NS_CLONE_NEWTIME },
	[NS_T_USER]          = { "user", NS_CLONE_NEWUSER },
	[NS_T_UTS]           = { "uts", NS_CLONE_NEWUTS },
};

int ns_snapshot_take(pid_t pid, struct ns_snapshot *s)
{
	int found = 0;

	for (int i = 0; i < NS_T_COUNT; i++) {
		char path[64];
		struct stat st;
		snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)pid, ns_types[i].name);
		s->ino[i] = stat(path, &st) == 0 ? (uint64_t)st.st_ino : 0;
		found += s->ino[i] != 0;
	}
	return found ? 0 : -1;
}

/* Unreadable on either side is no evidence. */
static uint64_t differs(uint64_t a, uint64_t b, uint64_t flag)
{
	return a && b && a != b ? flag : 0;
}

uint64_t ns_snapshot_diff_self(const struct ns_snapshot *before, const struct ns_snapshot *after)
{
	uint64_t changed = 0;

	for (int i = 0; i < NS_T_COUNT; i++)
		changed |= differs(before->ino[i], after->ino[i], ns_types[i].flag);
	/* After unshare(CLONE_NEWPID) the new pid namespace has no init until
	 * the first child is born, and until then the kernel hides it: the
	 * pid_for_children link goes from readable to unreadable while the
	 * task's own links still read. */
	if (before->ino[NS_T_PID_CHILDREN] && !after->ino[NS_T_PID_CHILDREN] && after->ino[NS_T_PID])
		changed |= NS_CLONE_NEWPID;
	return changed;
}

uint64_t ns_snapshot_diff_child(const struct ns_snapshot *parent, const struct ns_snapshot *child)
{
	uint64_t changed = 0;

	for (int i = 0; i < NS_T_COUNT; i++) {
		int from = i;
		/* A child is born into its parent's *_for_children namespaces
		 * (which differ from the parent's own after unshare(CLONE_NEWPID)
		 * or unshare(CLONE_NEWTIME): that was reported at the unshare). */
		if (i == NS_T_PID)
			from = NS_T_PID_CHILDREN;
		else if (i == NS_T_TIME)
			from = NS_T_TIME_CHILDREN;
		changed |= differs(parent->ino[from], child->ino[i], ns_types[i].flag);
	}
	return changed;
}
