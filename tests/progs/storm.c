/*
 * storm MODE TOTAL WAVE [SECS]: load for tests/integration/test_storms.sh and bench/.
 *
 *   fork TOTAL WAVE     TOTAL fork()s in waves of WAVE children alive at once
 *                       (each _exits at once; the wave is reaped before the next)
 *   threads TOTAL WAVE  TOTAL threads, WAVE alive at once, joined wave by wave
 *   hold N SECS         N threads (N-1 plus main) sleeping; prints "ready" once
 *                       all run, sleeps SECS more, exits 0
 *
 * fork and threads print the ground truth on stdout at the end: "created K"
 * (successful fork/pthread_create calls), so that a test counts the trace
 * against what really happened, not against what was asked for.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void *quick(void *arg)
{
	return arg;
}

static void *sleepy(void *arg)
{
	for (;;)
		pause();
	return arg;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	long total = argc > 2 ? atol(argv[2]) : 100;
	long wave = argc > 3 ? atol(argv[3]) : 10;
	long created = 0;

	if (wave < 1)
		wave = 1;
	if (!strcmp(mode, "fork")) {
		for (long done = 0; done < total;) {
			long n = total - done < wave ? total - done : wave;
			for (long i = 0; i < n; i++) {
				pid_t pid = fork();
				if (pid == 0)
					_exit(0);
				if (pid > 0)
					created++;
			}
			while (wait(NULL) > 0)
				;
			done += n;
		}
	} else if (!strcmp(mode, "threads")) {
		pthread_t *th = calloc((size_t)wave, sizeof(*th));
		if (!th)
			_exit(125);
		for (long done = 0; done < total;) {
			long n = total - done < wave ? total - done : wave, ok = 0;
			for (long i = 0; i < n; i++)
				if (pthread_create(&th[ok], NULL, quick, NULL) == 0)
					ok++;
			for (long i = 0; i < ok; i++)
				pthread_join(th[i], NULL);
			created += ok;
			done += n;
		}
		free(th);
	} else if (!strcmp(mode, "hold")) {
		int secs = argc > 3 ? atoi(argv[3]) : 5;
		pthread_attr_t a;
		pthread_attr_init(&a);
		pthread_attr_setstacksize(&a, 64 * 1024);
		for (long i = 1; i < total; i++) {
			pthread_t t;
			if (pthread_create(&t, &a, sleepy, NULL) != 0) {
				perror("storm: pthread_create");
				_exit(125);
			}
		}
		printf("ready\n");
		fflush(stdout);
		struct timespec ts = { secs, 0 };
		nanosleep(&ts, NULL);
		_exit(0);
	} else {
		fprintf(stderr, "usage: storm fork|threads TOTAL WAVE | storm hold N SECS\n");
		_exit(64);
	}
	printf("created %ld\n", created);
	fflush(stdout);
	_exit(0);
}
