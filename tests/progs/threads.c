/*
 * N pthreads (argv[1], default 4) that each make the same few syscalls.
 *
 * The syscalls each task makes must not depend on scheduling.  pthread_join
 * would call futex(FUTEX_WAIT) only if the thread has not exited yet, so the
 * main thread instead spins on pthread_tryjoin_np, which makes no syscall
 * until the kernel has cleared the thread's tid (CLONE_CHILD_CLEARTID).  The
 * threads use no malloc and no stdio: arena creation and stream locks depend
 * on contention.
 */
#define _GNU_SOURCE	/* pthread_tryjoin_np; CMake defines it too */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#define MAX_THREADS 64

static int devnull = -1;

static void *work(void *arg)
{
	struct utsname u;
	long n = (long)arg;

	syscall(SYS_gettid);
	getpid();
	uname(&u);
	write(devnull, "x", 1 + n % 4);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[MAX_THREADS];
	long n = argc > 1 ? atol(argv[1]) : 4, i;

	if (n < 1 || n > MAX_THREADS)
		n = 4;
	devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, work, (void *)i) != 0)
			return 1;
	for (i = 0; i < n; i++)
		while (pthread_tryjoin_np(t[i], NULL) == EBUSY)
			;	/* no syscall: see above */
	close(devnull);
	return 0;
}
