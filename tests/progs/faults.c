/*
 * faults MODE [ARGS]: tracees for tests/integration/test_faults.sh.
 *
 *   read              prints its pid, then blocks in read() on a pipe nobody writes
 *   zombie N SECS     forks N children that exit at once (child i with status i),
 *                     leaves them zombies for SECS seconds, reaps them, prints
 *                     "reaped N" and exits 0
 *   orphans N MS CODE
 *                     forks N children that sleep MS milliseconds then exit 0;
 *                     exits CODE at once, without waiting for them
 *   forkon MS         reads a byte from stdin, forks a child that sleeps MS
 *                     milliseconds and exits 0, then pauses until killed
 *   churn THREADS     prints its pid, then THREADS creator threads each create
 *                     and join short-lived threads forever (until killed)
 *
 * _exit, not exit: LeakSanitizer (sanitized builds) fails under ptrace at exit.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void *short_lived(void *arg)
{
	return arg;
}

static void *creator(void *arg)
{
	for (;;) {
		pthread_t th;

		if (pthread_create(&th, NULL, short_lived, NULL) == 0)
			pthread_join(th, NULL);
		else
			nap_ms(1);
	}
	return arg;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int n = argc > 2 ? atoi(argv[2]) : 1;
	int secs = argc > 3 ? atoi(argv[3]) : 1;

	if (!strcmp(mode, "read")) {
		int p[2];
		char c;

		if (pipe(p) < 0)
			_exit(125);
		printf("%d\n", (int)getpid());
		fflush(stdout);
		_exit(read(p[0], &c, 1) < 0 ? 2 : 0);
	}
	if (!strcmp(mode, "zombie")) {
		for (int i = 0; i < n; i++) {
			pid_t pid = fork();
			if (pid == 0)
				_exit(i & 0x7f);
			if (pid < 0)
				_exit(125);
		}
		nap_ms(secs * 1000L);
		int reaped = 0;
		while (wait(NULL) > 0)
			reaped++;
		printf("reaped %d\n", reaped);
		fflush(stdout);
		_exit(0);
	}
	if (!strcmp(mode, "orphans")) {
		int code = argc > 4 ? atoi(argv[4]) : 0;
		for (int i = 0; i < n; i++) {
			pid_t pid = fork();
			if (pid == 0) {
				nap_ms(secs);
				_exit(0);
			}
			if (pid < 0)
				_exit(125);
		}
		_exit(code);
	}
	if (!strcmp(mode, "forkon")) {
		char c;

		if (read(0, &c, 1) != 1)
			_exit(2);
		pid_t pid = fork();
		if (pid == 0) {
			nap_ms(n);
			_exit(0);
		}
		for (;;)
			pause();
	}
	if (!strcmp(mode, "churn")) {
		for (int i = 0; i < n; i++) {
			pthread_t th;
			if (pthread_create(&th, NULL, creator, NULL) != 0)
				_exit(125);
		}
		printf("%d\n", (int)getpid());
		fflush(stdout);
		for (;;)
			pause();
	}
	fprintf(stderr, "usage: faults read|zombie N SECS|orphans N MS CODE|forkon MS|churn THREADS\n");
	_exit(64);
}
