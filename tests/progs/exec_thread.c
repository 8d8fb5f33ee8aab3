/*
 * execve from a thread that is not the thread group leader.  The kernel kills
 * the other threads and gives the exec'ing thread the leader's pid, and strace
 * prints "+++ superseded by execve in pid N +++" for the thread that vanished.
 *
 * The leader spins without making syscalls after pthread_create, so that its
 * last syscall before it is killed is always the clone3/clone.
 */
#include <pthread.h>
#include <unistd.h>

static void *exec_true(void *arg)
{
	char *argv[] = { "true", "from-thread", NULL };
	char *envp[] = { "CTRACE_TEST=1", NULL };

	execve("/bin/true", argv, envp);
	_exit(127);
}

int main(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, exec_true, NULL) != 0)
		return 1;
	for (;;)
		;	/* killed by the execve in the thread */
}
