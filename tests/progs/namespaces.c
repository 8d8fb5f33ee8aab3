/*
 * unshare(2) with each CLONE_NEW* flag, combinations, other accepted flags and
 * unknown bits; setns(2) with each nstype on /proc/self/ns/ files and on a pidfd.
 *
 * Each successful unshare/setns changes the caller for good, so each one runs
 * in its own fork-like child, which the parent reaps before the next: the
 * results then do not depend on the order or on earlier calls.  Without
 * privileges the calls fail with EPERM, which is just as deterministic.
 */
#define _GNU_SOURCE	/* CLONE_*, unshare, setns; CMake defines it too */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

static void in_child_unshare(unsigned long flags)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		syscall(SYS_unshare, flags);
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
}

static void in_child_setns(const char *ns, int nstype)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		int fd = open(ns, O_RDONLY | O_CLOEXEC);

		syscall(SYS_setns, fd, nstype);
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
}

int main(void)
{
	static const struct { const char *path; int type; } ns[] = {
		{ "/proc/self/ns/cgroup", CLONE_NEWCGROUP },
		{ "/proc/self/ns/ipc", CLONE_NEWIPC },
		{ "/proc/self/ns/mnt", CLONE_NEWNS },
		{ "/proc/self/ns/net", CLONE_NEWNET },
		{ "/proc/self/ns/pid", CLONE_NEWPID },
		{ "/proc/self/ns/time", CLONE_NEWTIME },
		{ "/proc/self/ns/user", CLONE_NEWUSER },	/* our own user ns: EINVAL */
		{ "/proc/self/ns/uts", CLONE_NEWUTS },
	};
	static const unsigned long one[] = {
		CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWPID,
		CLONE_NEWUSER, CLONE_NEWCGROUP, CLONE_NEWTIME,
		CLONE_FS, CLONE_FILES, CLONE_SYSVSEM, CLONE_THREAD, CLONE_SIGHAND, CLONE_VM,
	};
	sigset_t block;
	size_t i;
	int fd;

	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, NULL);

	for (i = 0; i < sizeof(one) / sizeof(one[0]); i++)
		in_child_unshare(one[i]);
	in_child_unshare(0);
	in_child_unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET);
	in_child_unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID);
	in_child_unshare(CLONE_NEWNS | CLONE_FS | CLONE_FILES);
	in_child_unshare(0x80000000UL);			/* unknown bit: EINVAL */
	in_child_unshare(CLONE_NEWNET | 0x00000100UL);	/* CLONE_VM + NEWNET */
	in_child_unshare(CLONE_PARENT | CLONE_NEWNS);	/* not unshareable: EINVAL */

	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		in_child_setns(ns[i].path, ns[i].type);
		in_child_setns(ns[i].path, 0);		/* any type */
	}
	in_child_setns("/proc/self/ns/uts", CLONE_NEWNET);	/* mismatch: EINVAL */
	in_child_setns("/proc/self/ns/uts", 0x80000000);	/* unknown bit */

	/* setns errors without a child: these cannot change anything. */
	syscall(SYS_setns, -1, CLONE_NEWUTS);			/* EBADF */
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	syscall(SYS_setns, fd, CLONE_NEWUTS);			/* not a ns: EINVAL */
	close(fd);

#ifdef SYS_pidfd_open
	/* A pidfd of ourselves with several namespace types at once (Linux 5.8+). */
	{
		pid_t pid = fork();
		int status;

		if (pid == 0) {
			int pfd = syscall(SYS_pidfd_open, getpid(), 0);

			syscall(SYS_setns, pfd, CLONE_NEWUTS | CLONE_NEWIPC);
			syscall(SYS_setns, pfd, 0);
			_exit(0);
		}
		if (pid > 0)
			waitpid(pid, &status, 0);
	}
#endif
	return 0;
}
