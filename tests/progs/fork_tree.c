/*
 * A tree of processes three levels deep: the root forks two children, each
 * of which forks two grandchildren.  Every process exits with a distinct
 * status (grandchildren 11, 12, 21, 22; children 1 and 2; root 0).
 *
 * Siblings run at the same time, but everything each process does is ordered:
 * the second child of a parent waits on a pipe until the parent has reaped
 * the first, and SIGCHLD stays blocked until all children are reaped.  The one
 * SIGCHLD then delivered is the first child's (a second one merges into a
 * pending one), so its siginfo is the same on every run.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void node(int level, int code);

/* Fork two children, the second held on a pipe until the first is reaped. */
static void parent_of_two(int level, int code)
{
	int go[2], status;
	pid_t first, second;
	char c = 0;

	if (pipe(go) < 0)
		_exit(100);
	first = fork();
	if (first == 0) {
		close(go[0]);
		close(go[1]);
		node(level + 1, code * 10 + 1);
	}
	second = fork();
	if (second == 0) {
		close(go[1]);
		read(go[0], &c, 1);
		close(go[0]);
		node(level + 1, code * 10 + 2);
	}
	close(go[0]);
	waitpid(first, &status, 0);
	write(go[1], &c, 1);
	close(go[1]);
	waitpid(second, &status, 0);
}

static void node(int level, int code)
{
	sigset_t chld;

	if (level < 2)
		parent_of_two(level, code);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	_exit(code);
}

int main(void)
{
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	node(0, 0);
	return 0;
}
