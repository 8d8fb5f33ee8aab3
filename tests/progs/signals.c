/*
 * Signal lines: SIGUSR1 sent to ourselves by kill (SI_USER), raise (SI_TKILL)
 * and sigqueue (SI_QUEUE, with a value), caught by a handler; a child that
 * kills itself with SIGKILL and one with SIGTERM, reaped by the parent; and
 * the SIGCHLD those produce, delivered to a handler.
 *
 * A signal sent to the caller itself is delivered on the return from the
 * sending syscall, a fixed point.  The children kill themselves because a
 * kill from the parent would land at whatever point the child has reached.
 * SIGCHLD is blocked until both children are reaped, then unblocked once.
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void handler(int sig)
{
	caught = sig;
}

static void child_dies_by(int sig)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		signal(sig, SIG_DFL);
		kill(getpid(), sig);
		_exit(1);	/* not reached */
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
}

int main(void)
{
	struct sigaction sa;
	union sigval value = { .sival_int = 42 };
	sigset_t chld;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);

	kill(getpid(), SIGUSR1);
	raise(SIGUSR1);
	sigqueue(getpid(), SIGUSR1, value);

	child_dies_by(SIGKILL);
	child_dies_by(SIGTERM);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	return caught == SIGCHLD ? 0 : 1;
}
