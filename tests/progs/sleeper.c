/*
 * sleeper [THREADS] [SECONDS] [CODE]: a process for -p to attach to.
 *
 * Runs THREADS threads in all (default 1: just the main thread), prints its
 * pid on stdout once every thread is running, then sleeps SECONDS (default 0:
 * until killed) in one-second naps, so that a tracer sees it make syscalls,
 * and exits with CODE (default 0).
 *
 * _exit, not exit: LeakSanitizer (sanitized builds) fails under ptrace at exit.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void nap(void)
{
	struct timespec ts = { 1, 0 };

	nanosleep(&ts, NULL);
}

static void *thread_main(void *arg)
{
	for (;;)
		nap();
	return arg;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 ? atoi(argv[1]) : 1;
	int seconds = argc > 2 ? atoi(argv[2]) : 0;
	int code = argc > 3 ? atoi(argv[3]) : 0;

	for (int i = 1; i < threads; i++) {
		pthread_t th;

		if (pthread_create(&th, NULL, thread_main, NULL) != 0) {
			perror("sleeper: pthread_create");
			return 125;
		}
	}
	printf("%d\n", (int)getpid());
	fflush(stdout);
	for (int i = 0; seconds <= 0 || i < seconds; i++)
		nap();
	_exit(code);
}
