/*
 * summary_calls [N [FAILS [FORKS]]]: a workload whose syscall counts are
 * known, for -c/-C/-z/-Z: N getppid (default 100), FAILS opens of a missing
 * file (default 7, each failing with ENOENT), one open of /dev/null and its
 * close; then FORKS children (default 0) that each do the same before
 * exiting, waited for in turn.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void work(long n, long fails)
{
	for (long i = 0; i < n; i++)
		getppid();
	for (long i = 0; i < fails; i++)
		open("/nonexistent/ctrace-summary", O_RDONLY);
	int fd = open("/dev/null", O_RDONLY);
	if (fd >= 0)
		close(fd);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100;
	long fails = argc > 2 ? atol(argv[2]) : 7;
	long forks = argc > 3 ? atol(argv[3]) : 0;

	work(n, fails);
	for (long i = 0; i < forks; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			work(n, fails);
			_exit(0);
		}
		if (pid > 0)
			waitpid(pid, NULL, 0);
	}
	return 0;
}
