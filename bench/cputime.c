/*
 * cputime CMD ARGS...: runs CMD (stdout and stderr untouched) and writes one
 * line to fd 3, "WALL_US USER_US SYS_US STATUS SELF_US": its wall-clock
 * time; the CPU time of CMD and of every descendant it (or they) reaped,
 * from wait4()'s rusage; and SELF_US, CMD's own process alone (a tracer
 * without its tracees), read from /proc/PID/schedstat while CMD is a zombie
 * (waitid WNOWAIT), in nanoseconds there, unlike /proc/PID/stat's ticks.
 * For bench/cpu.sh: CPU time is what a tracer costs the machine, and unlike
 * wall-clock time it moves less when other programs compete for the CPUs
 * (waiting for a CPU is not counted).
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long us(struct timeval tv)
{
	return (long long)tv.tv_sec * 1000000 + tv.tv_usec;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status;

	if (argc < 2) {
		fprintf(stderr, "usage: cputime CMD ARGS... (result on fd 3)\n");
		return 2;
	}
	FILE *out = fdopen(3, "w");
	if (!out) {
		perror("cputime: fd 3");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("cputime: fork");
		return 2;
	}
	if (pid == 0) {
		fclose(out);
		execvp(argv[1], argv + 1);
		perror("cputime: exec");
		_exit(127);
	}
	siginfo_t si;
	long long self = -1;
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0) {
		char path[64];
		unsigned long long ns;
		snprintf(path, sizeof(path), "/proc/%d/schedstat", (int)pid);
		FILE *f = fopen(path, "re");
		if (f && fscanf(f, "%llu", &ns) == 1)
			self = (long long)(ns / 1000);
		if (f)
			fclose(f);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("cputime: wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long long wall = (t1.tv_sec - t0.tv_sec) * 1000000LL + (t1.tv_nsec - t0.tv_nsec) / 1000;
	fprintf(out, "%lld %lld %lld %d %lld\n", wall, us(ru.ru_utime), us(ru.ru_stime), status,
		self);
	fclose(out);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
