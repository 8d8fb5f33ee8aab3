/*
 * clone3(2) with every struct clone_args size the kernel knows (64, 80, 88)
 * and a larger one (96) with a zero and a non-zero tail, set_tid arrays,
 * CLONE_INTO_CGROUP, sizes too small or too large, unreadable and partly
 * readable structs, and the values the kernel writes back (pidfd, parent_tid).
 *
 * Children are fork-like (no CLONE_VM, no stack): they run on a copy of the
 * parent's stack and leave at once through a raw exit.  Every call that could
 * succeed but should not (set_tid) is made to fail deterministically: a pid
 * that is in use (our own) gives EEXIST whatever the privileges.
 */
#define _GNU_SOURCE	/* CLONE_* in <sched.h>; CMake defines it too */
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_clone3
#define SYS_clone3 435		/* the same number on every architecture */
#endif
#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif

/* Our own copy: <linux/sched.h> of older systems lacks the later fields. */
struct args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls;
	uint64_t set_tid, set_tid_size;		/* size 80 (CLONE_ARGS_SIZE_VER1) */
	uint64_t cgroup;			/* size 88 (CLONE_ARGS_SIZE_VER2) */
	uint64_t tail;				/* size 96: beyond what the kernel knows */
};

static uint64_t big[2 * 65536 / sizeof(uint64_t)];	/* two of the largest pages */

#define PTR(p) ((uint64_t)(uintptr_t)(p))

static long clone3_at(const void *args, size_t size)
{
	long pid = syscall(SYS_clone3, args, size);
	int status;

	if (pid == 0)
		syscall(SYS_exit, 0);
	if (pid > 0)
		wait4(pid, &status, __WALL, NULL);
	return pid;
}

static void plain(struct args *a)
{
	memset(a, 0, sizeof(*a));
	a->exit_signal = SIGCHLD;
}

int main(void)
{
	struct args a;
	int pidfd = -1, ptid = 0, ctid = 0;
	pid_t own[2];
	sigset_t block;
	long page = sysconf(_SC_PAGESIZE);
	char *map;

	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, NULL);

	/* Each known size, then 96 with a zero tail (accepted) and a non-zero one (E2BIG). */
	plain(&a);
	clone3_at(&a, 64);
	clone3_at(&a, 80);
	clone3_at(&a, 88);
	clone3_at(&a, 96);
	a.tail = 1;
	clone3_at(&a, 96);

	/*
	 * Too small, zero, and larger than a page: the last one from a zeroed
	 * static buffer, as strace dumps the bytes past what it knows, and those
	 * must not be stack garbage.
	 */
	plain(&a);
	clone3_at(&a, 63);
	clone3_at(&a, 0);
	plain((struct args *)big);
	clone3_at(big, 2 * page);

	/* Write-backs: the pidfd, our copy of the child's tid, the child's copy. */
	plain(&a);
	a.flags = CLONE_PIDFD | CLONE_PARENT_SETTID;
	a.pidfd = PTR(&pidfd);
	a.parent_tid = PTR(&ptid);
	clone3_at(&a, 64);
	if (pidfd >= 0)
		close(pidfd);
	plain(&a);
	a.flags = CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
	a.child_tid = PTR(&ctid);
	clone3_at(&a, 64);
	plain(&a);
	a.exit_signal = 0;		/* no signal at exit: reaped with __WALL */
	clone3_at(&a, 64);

	/* set_tid: EEXIST for a pid in use, EINVAL for a bad size or a NULL array. */
	own[0] = getpid();
	own[1] = getpid();
	plain(&a);
	a.set_tid = PTR(own);
	a.set_tid_size = 1;
	clone3_at(&a, 80);
	a.set_tid_size = 2;		/* deeper than our pid namespace nesting */
	clone3_at(&a, 88);
	a.set_tid = 0;
	a.set_tid_size = 1;
	clone3_at(&a, 80);

	/* CLONE_INTO_CGROUP: a bad fd, and a struct too short to hold the cgroup field. */
	plain(&a);
	a.flags = CLONE_INTO_CGROUP;
	a.cgroup = (uint64_t)-1;	/* does not fit an int: EINVAL */
	clone3_at(&a, 88);
	a.cgroup = 1000;		/* not open: EBADF */
	clone3_at(&a, 88);
	clone3_at(&a, 64);

	/* Invalid values: exit signal out of range, unknown flag, stack without size. */
	plain(&a);
	a.exit_signal = 200;
	clone3_at(&a, 64);
	plain(&a);
	a.flags = 1ULL << 40;
	clone3_at(&a, 64);
	plain(&a);
	a.stack = 0x1000;
	clone3_at(&a, 64);

	/* Unreadable: a low address that is never mapped, and NULL. */
	clone3_at((void *)0x1000, 64);
	clone3_at(NULL, 88);

	/*
	 * A struct straddling into an unmapped page: the kernel fails with EFAULT
	 * and strace can read only the first part of it.
	 */
	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map != MAP_FAILED) {
		struct args *edge;

		munmap(map + page, page);
		edge = (struct args *)(map + page - 64);
		memset(edge, 0, 64);
		edge->exit_signal = SIGCHLD;
		clone3_at(edge, 88);		/* 64 readable, 24 not */
		edge = (struct args *)(map + page - 32);
		memset(edge, 0, 32);
		clone3_at(edge, 64);		/* 32 readable, 32 not */
		munmap(map, page);
	}

	sigprocmask(SIG_UNBLOCK, &block, NULL);
	return 0;
}
