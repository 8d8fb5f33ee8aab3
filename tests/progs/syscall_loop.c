/*
 * syscall_loop [N [FORKS]]: N cheap syscalls (getppid), then FORKS fork+wait
 * pairs.  For filtered-tracing tests and bench/: a workload whose syscall
 * counts are known exactly.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	long forks = argc > 2 ? atol(argv[2]) : 3;

	for (long i = 0; i < n; i++)
		getppid();
	for (long i = 0; i < forks; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit((int)(i & 0x7f));
		waitpid(pid, NULL, 0);
	}
	return 0;
}
