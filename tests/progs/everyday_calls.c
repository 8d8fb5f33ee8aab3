/*
 * everyday_calls: one call or a few of each kind issue 7's decoders know
 * (poll/select/epoll, vector I/O, prctl, madvise/mremap, clocks and timers,
 * signal frames, sigaltstack, CPU masks, waitid, ids, close_range,
 * copy_file_range, utimensat), with arguments chosen so that strace 6.1's
 * line is the same on every run.  test_everyday_calls.sh traces it with
 * strace and ctrace and compares.  Usage: everyday_calls DIR (a scratch dir).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_signal(int sig)
{
	(void)sig;
}

static void waiting(int p[2])
{
	struct pollfd f[3] = {
		{ p[0], POLLIN, 0 }, { p[1], POLLOUT | POLLIN, 0 }, { -1, POLLIN, 0 },
	};
	struct timespec zero = { 0, 0 };
	sigset_t usr1;
	fd_set r, w;
	struct timeval tv = { 0, 0 };

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	poll(f, 3, 0);
	poll(NULL, 0, 0);
	ppoll(f, 2, &zero, &usr1);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	syscall(SYS_select, p[1] + 1, &r, &w, NULL, &tv);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	pselect(p[1] + 1, &r, NULL, NULL, NULL, &usr1);

	int e = dup2(epoll_create1(EPOLL_CLOEXEC), 12);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = 0x1234567800000003ULL };
	epoll_ctl(e, EPOLL_CTL_ADD, p[0], &ev);
	epoll_ctl(e, EPOLL_CTL_DEL, p[0], NULL);
	ev.events = EPOLLIN;
	ev.data.fd = p[0];
	epoll_ctl(e, EPOLL_CTL_ADD, p[0], &ev);
	struct epoll_event out[4];
	epoll_wait(e, out, 4, 0);
	epoll_pwait(e, out, 4, 0, &usr1);
	close(e);
	close(eventfd(3, EFD_CLOEXEC | EFD_NONBLOCK));
}

static void vectors(int p[2], const char *dir)
{
	char b1[3], b2[100], path[4096];
	struct iovec in[2] = { { b1, 3 }, { b2, 100 } };
	struct iovec out[2] = { { "abc", 3 }, { "defghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP", 40 } };

	readv(p[0], in, 2);
	writev(p[1], out, 2);
	readv(p[0], in, 2);
	snprintf(path, sizeof(path), "%s/f", dir);
	int fd = dup2(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644), 13);
	pwritev(fd, out, 2, 10);
	preadv(fd, in, 2, 0);
	preadv2(fd, in, 1, 5, 0);
	pwritev2(fd, out, 1, -1, RWF_APPEND);
	snprintf(path, sizeof(path), "%s/g", dir);
	int fd2 = dup2(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644), 14);
	loff_t off = 0;
	copy_file_range(fd, &off, fd2, NULL, 100, 0);
	fchown(fd, -1, -1);
	fchownat(AT_FDCWD, path, -1, -1, AT_SYMLINK_NOFOLLOW);
	struct timespec times[2] = { { 0, UTIME_OMIT }, { 1700000000, 5 } };
	utimensat(AT_FDCWD, path, times, 0);
	syscall(SYS_utimensat, fd, NULL, NULL, 0);
	syscall(SYS_close_range, fd2, fd2, 0);
	close(fd);
}

enum { CAP_KILL_NUMBER = 5 };   /* CAP_KILL, without a libcap header */

static void process(void)
{
	char name[16];
	int v;

	prctl(PR_SET_NAME, "everyday");
	prctl(PR_GET_NAME, name);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	prctl(PR_GET_PDEATHSIG, &v);
	prctl(PR_GET_DUMPABLE);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	prctl(PR_CAPBSET_READ, CAP_KILL_NUMBER);
	prctl(1234, 1, 2, 3, 4);

	void *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	madvise(m, 8192, MADV_DONTNEED);
	madvise(m, 4096, 99);
	m = mremap(m, 8192, 16384, MREMAP_MAYMOVE);
	munmap(m, 16384);

	struct timespec ts = { 0, 1000 };
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_gettime, 77, &ts);
	ts.tv_nsec = 1000;
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	syscall(SYS_gettimeofday, NULL, NULL);
	struct itimerval it = { { 0, 0 }, { 0, 0 } }, old;
	setitimer(ITIMER_REAL, &it, &old);
	alarm(0);

	stack_t st = { .ss_sp = malloc(65536), .ss_size = 65536, .ss_flags = 0 }, prev;
	sigaltstack(&st, &prev);
	cpu_set_t cs;
	sched_getaffinity(0, sizeof(cs), &cs);
	sched_yield();

	struct sigaction sa = { .sa_handler = on_signal };
	sigaction(SIGUSR1, &sa, NULL);
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGUSR1);

	pid_t c = fork();
	if (!c)
		_exit(3);
	siginfo_t si;
	waitid(P_PID, c, &si, WEXITED);
	waitid(P_ALL, 0, &si, WEXITED | WNOHANG);

	uid_t r, e, s;
	setresuid(-1, -1, -1);
	getresuid(&r, &e, &s);
	umask(022);
	umask(0);
}

int main(int argc, char **argv)
{
	int p[2];

	if (argc != 2) {
		fprintf(stderr, "usage: everyday_calls DIR\n");
		return 2;
	}
	/* Fixed descriptor numbers, whatever the test harness left open. */
	if (pipe(p) < 0 || dup2(p[0], 10) < 0 || dup2(p[1], 11) < 0)
		return 1;
	close(p[0]);
	close(p[1]);
	p[0] = 10;
	p[1] = 11;
	write(p[1], "hello", 5);
	waiting(p);
	vectors(p, argv[1]);
	process();
	return 0;
}
