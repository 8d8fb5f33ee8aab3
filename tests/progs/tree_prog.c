/*
 * A small process tree for --tree (tests/integration/test_tree.sh): the root
 * forks two children; the first execs /bin/true, the second creates two
 * threads and is then killed by the root with SIGKILL, all three of its
 * tasks still blocked.  The root reaps both and exits 0.
 *
 * Every step waits for the one before it (pipes, waitpid), so the tree has
 * the same shape on every run: only the pids change.  The second child says
 * it is ready only once both pthread_create calls have returned: a tracer
 * has then seen both creations, which a SIGKILL can no longer cut short.
 */
#define _GNU_SOURCE	/* CMake defines it too */
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static int ready[2];

static void *blocked(void *arg)
{
	for (;;)
		pause();
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	int status;
	char c;

	if (pipe(ready) < 0)
		return 1;
	pid_t first = fork();
	if (first == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	waitpid(first, &status, 0);
	pid_t second = fork();
	if (second == 0) {
		pthread_create(&t1, NULL, blocked, NULL);
		pthread_create(&t2, NULL, blocked, NULL);
		c = 1;
		write(ready[1], &c, 1);
		for (;;)
			pause();
	}
	if (read(ready[0], &c, 1) != 1)
		return 2;
	kill(second, SIGKILL);
	waitpid(second, &status, 0);
	return 0;
}
