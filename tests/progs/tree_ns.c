/*
 * Namespaces for --tree (tests/integration/test_tree.sh): the root forks a
 * child that unshares a user namespace (allowed to unprivileged users where
 * the kernel lets them), then, holding every capability in it, makes a
 * grandchild with clone3(CLONE_NEWPID) that exits 7.  The child exits 0
 * after reaping it; the root exits 0 after reaping the child.  A refused
 * call (--deny=namespaces) makes its caller exit 1 instead.
 */
#define _GNU_SOURCE	/* CLONE_*; CMake defines it too */
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t clone3_newpid(void)
{
	struct clone_args args;

	memset(&args, 0, sizeof(args));
	args.flags = CLONE_NEWPID;
	args.exit_signal = SIGCHLD;
	return (pid_t)syscall(SYS_clone3, &args, sizeof(args));
}

int main(void)
{
	int status;
	pid_t child = fork();

	if (child == 0) {
		if (unshare(CLONE_NEWUSER) < 0)
			_exit(1);
		pid_t grandchild = clone3_newpid();
		if (grandchild == 0)
			_exit(7);
		if (grandchild < 0)
			_exit(1);
		waitpid(grandchild, &status, 0);
		_exit(0);
	}
	waitpid(child, &status, 0);
	return 0;
}
