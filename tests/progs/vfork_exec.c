/*
 * vfork + execve of /bin/true, vfork + a failing execve, and posix_spawn of
 * /bin/true (glibc: clone3 or clone with CLONE_VM|CLONE_VFORK).  The parent is
 * suspended until each child execs or exits, so the order is fixed.
 */
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
	char *argv_true[] = { "true", "with", "arguments", NULL };
	char *argv_none[] = { "nonexistent", NULL };
	char *envp[] = { "CTRACE_TEST=1", NULL };
	sigset_t chld;
	pid_t pid;
	int status;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);

	pid = vfork();
	if (pid == 0) {
		execve("/bin/true", argv_true, envp);
		_exit(127);
	}
	waitpid(pid, &status, 0);

	pid = vfork();
	if (pid == 0) {
		execve("/nonexistent/program", argv_none, envp);
		_exit(127);
	}
	waitpid(pid, &status, 0);

	if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv_true, environ) == 0)
		waitpid(pid, &status, 0);

	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	return 0;
}
