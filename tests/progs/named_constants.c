/*
 * Ordinary calls whose arguments strace prints as named constants and flag
 * sets, for the -X raw|abbrev|verbose comparison (test_const_style.sh): open
 * flags and modes, AT_FDCWD, st_mode and makedev, mmap prot/flags, signal
 * numbers and sets (one printed as ~[...]), sigaction handlers and flags,
 * ioctl requests (known and unknown), rlimits, access modes, whence, fcntl
 * commands and results, unshare flags (known, mixed, unknown), futex ops,
 * kill and a fork reaped by wait4.  Deterministic: no output, exit 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	struct stat st;
	int fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);

	fstat(fd, &st);
	stat("/dev/null", &st);
	stat("/tmp", &st);
	/* statx's sync type is a field strace styles apart (and, -X raw, prints 0 as nothing) */
	struct statx stx;
	statx(AT_FDCWD, "/", 0, STATX_MODE, &stx);
	statx(AT_FDCWD, "/", AT_STATX_FORCE_SYNC | AT_SYMLINK_NOFOLLOW, STATX_MODE, &stx);
	open("/nonexistent/ctrace", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	openat(AT_FDCWD, "/etc", O_RDONLY | O_DIRECTORY);
	access("/etc", F_OK);
	access("/etc", R_OK | X_OK);
	lseek(fd, 0, SEEK_END);
	syscall(SYS_lseek, fd, 0, 9);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, 0);
	fcntl(fd, F_GETFL);

	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(p, 4096, PROT_NONE);
	mprotect(p, 4096, PROT_READ);
	/* a huge page size without MAP_HUGETLB: accepted, printed as 2<<MAP_HUGE_SHIFT */
	mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | (2 << 26), -1, 0);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN + 2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigfillset(&set);
	sigdelset(&set, SIGUSR1);
	sigprocmask(SIG_SETMASK, &set, NULL);
	sigemptyset(&set);
	sigprocmask(SIG_SETMASK, &set, NULL);
	struct sigaction sa = { 0 };
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigaction(SIGINT, &sa, NULL);
	kill(getpid(), SIGUSR2);
	kill(getpid(), 0);

	struct winsize ws;
	ioctl(fd, TIOCGWINSZ, &ws);
	struct termios tio;
	ioctl(fd, TCGETS, &tio);
	syscall(SYS_ioctl, fd, 0x12345678, 0);

	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	getrlimit(RLIMIT_STACK, &rl);

	unshare(CLONE_FILES | CLONE_FS);
	syscall(SYS_unshare, 0x400000UL | CLONE_FS);
	syscall(SYS_unshare, 0x400000UL);
	syscall(SYS_futex, p, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);

	pid_t child = fork();
	if (child == 0)
		_exit(3);
	int status;
	wait4(child, &status, 0, NULL);
	close(fd);
	return 0;
}
