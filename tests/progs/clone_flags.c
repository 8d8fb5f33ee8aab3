/*
 * Raw clone(2) with every flag that makes strace print a pointer or a value
 * it read back, unknown bits, exit signals other than SIGCHLD, and the flag
 * combinations the kernel rejects.
 *
 * Every child is fork-like (no CLONE_VM, child stack NULL): it runs on a copy
 * of the parent's stack, so returning from syscall() is safe, and it leaves at
 * once through a raw exit.  SIGCHLD/SIGUSR2 are blocked so that their
 * delivery cannot land between two arbitrary syscalls of the parent; one
 * SIGCHLD is let through at the end, at a known point.
 */
#define _GNU_SOURCE	/* CLONE_* in <sched.h>; CMake defines it too */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif

/* The kernel's argument order differs between architectures (CONFIG_CLONE_BACKWARDS*). */
static long raw_clone(unsigned long flags, int *ptid, int *ctid, unsigned long tls)
{
#if defined(__x86_64__)
	return syscall(SYS_clone, flags, NULL, ptid, ctid, tls);
#else	/* i386, arm, aarch64, riscv: tls before child_tid */
	return syscall(SYS_clone, flags, NULL, ptid, tls, ctid);
#endif
}

/* Children: never touch libc state, leave with a raw exit (no atexit, no TLS). */
#define CHILD_EXIT(code) syscall(SYS_exit, (code))

static void reap(long pid)
{
	int status;

	if (pid > 0)
		wait4(pid, &status, __WALL, NULL);
}

static void clone_and_reap(unsigned long flags, int *ptid, int *ctid, unsigned long tls, int code)
{
	long pid = raw_clone(flags, ptid, ctid, tls);

	if (pid == 0)
		CHILD_EXIT(code);
	reap(pid);
}

int main(void)
{
	sigset_t block;
	int ptid = 0, ctid = 0, pidfd = -1;
	unsigned long tls = 0;

	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, NULL);

	clone_and_reap(SIGCHLD, NULL, NULL, 0, 1);
	clone_and_reap(CLONE_PARENT_SETTID | SIGCHLD, &ptid, NULL, 0, 2);
	clone_and_reap(CLONE_CHILD_SETTID | SIGCHLD, NULL, &ctid, 0, 3);
	clone_and_reap(CLONE_CHILD_CLEARTID | SIGCHLD, NULL, &ctid, 0, 4);
	clone_and_reap(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PARENT_SETTID | SIGCHLD,
		       &ptid, &ctid, 0, 5);
#if defined(__x86_64__) || defined(__aarch64__)
	/*
	 * CLONE_SETTLS with the caller's own thread pointer: the child's copy of
	 * the address space has the same TLS at the same address, so the child
	 * stays valid even if it touched TLS (stack protector, errno).  i386
	 * takes a struct user_desc instead and is left out.
	 */
	tls = (unsigned long)__builtin_thread_pointer();
	clone_and_reap(CLONE_SETTLS | SIGCHLD, NULL, NULL, tls, 6);
#endif
	/* The pidfd is written through the parent_tid argument. */
	{
		long pid = raw_clone(CLONE_PIDFD | SIGCHLD, &pidfd, NULL, 0);

		if (pid == 0)
			CHILD_EXIT(7);
		reap(pid);
		if (pidfd >= 0)
			close(pidfd);
	}
	/* Exit signals other than SIGCHLD, and none: only __WALL finds them. */
	clone_and_reap(SIGUSR2, NULL, NULL, 0, 8);
	clone_and_reap(0, NULL, NULL, 0, 9);
	clone_and_reap(CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | CLONE_IO | SIGCHLD, NULL, NULL, 0, 10);
	/* Bits above 31 are ignored by clone(2) (clone3 rejects them). */
	if (sizeof(long) == 8)
		clone_and_reap((unsigned long)1 << 40 | SIGCHLD, NULL, NULL, 0, 11);
	/* CLONE_DETACHED is ignored and accepted alone. */
	clone_and_reap(0x00400000 | SIGCHLD, NULL, NULL, 0, 12);

	/* Rejected combinations: no child is created, each fails with EINVAL. */
	raw_clone(CLONE_SIGHAND | SIGCHLD, NULL, NULL, 0);		/* SIGHAND needs VM */
	raw_clone(CLONE_THREAD | SIGCHLD, NULL, NULL, 0);		/* THREAD needs SIGHAND */
	raw_clone(CLONE_NEWNS | CLONE_FS | SIGCHLD, NULL, NULL, 0);
	raw_clone(CLONE_NEWUSER | CLONE_FS | SIGCHLD, NULL, NULL, 0);
	raw_clone(CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, &pidfd, &ctid, 0);
	raw_clone(CLONE_PIDFD | 0x00400000 | SIGCHLD, &pidfd, NULL, 0);
	raw_clone(CLONE_NEWPID | CLONE_PARENT | CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
		  NULL, NULL, 0);

	/* The first SIGCHLD is still pending (later ones merged into it): deliver it now. */
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	return 0;
}
