/*
 * Every kind of fd strace -y names, for test_decode_fds.sh: a regular file
 * (read, dup, close), a directory, one unlinked while open, /dev/null, a
 * pipe, sockets (socket, socketpair), pidfds (pidfd_open, clone and clone3
 * with CLONE_PIDFD), namespace fds (/proc/self/ns/ files, setns into the namespace
 * the task is already in), an epoll fd and an eventfd; AT_FDCWD after a
 * chdir.  Deterministic order (SIGCHLD blocked): each child exits at once and is reaped before
 * the next call.  No output, exit 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif

int main(void)
{
	char buf[4];
	struct stat st;

	/* No SIGCHLD lines: where they land around wait4 is scheduling. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	chdir("/tmp");
	int fd = open("/etc/passwd", O_RDONLY);
	read(fd, buf, sizeof(buf));
	fstat(fd, &st);
	int copy = dup(fd);
	close(fd);
	lseek(copy, 0, SEEK_SET);
	int dir = openat(AT_FDCWD, "/etc", O_RDONLY | O_DIRECTORY);
	close(dir);
	int null = open("/dev/null", O_WRONLY);
	write(null, "x", 1);
	close(null);

	/* Named by the pid, which the comparison relabels (mkstemp's name is random). */
	char tmp[64];
	snprintf(tmp, sizeof(tmp), "/tmp/ctrace-fd-kinds-%d", (int)getpid());
	int gone = open(tmp, O_RDWR | O_CREAT | O_EXCL, 0600);
	unlink(tmp);
	write(gone, "", 0);
	close(gone);

	int p[2];
	pipe(p);
	write(p[1], "x", 1);
	read(p[0], buf, 1);
	close(p[0]);
	close(p[1]);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	int sv[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	close(s);

	pid_t child = fork();
	if (child == 0)
		_exit(0);
	int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
	waitpid(child, NULL, 0);
	close(pidfd);
	int cpidfd = -1;
	child = (pid_t)syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &cpidfd, 0, 0);
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	close(cpidfd);
	int c3pidfd = -1;
	struct clone_args ca = { .flags = CLONE_PIDFD, .pidfd = (uintptr_t)&c3pidfd,
				 .exit_signal = SIGCHLD };
	child = (pid_t)syscall(SYS_clone3, &ca, sizeof(ca));
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	close(c3pidfd);

	int net = open("/proc/self/ns/net", O_RDONLY);
	setns(net, CLONE_NEWNET);
	close(net);
	int uts = open("/proc/self/ns/uts", O_RDONLY);
	setns(uts, 0);
	close(uts);

	int ep = epoll_create1(EPOLL_CLOEXEC);
	int ev = eventfd(0, 0);
	struct epoll_event e = { .events = EPOLLIN, .data.fd = ev };
	epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e);
	close(ev);
	close(ep);
	close(copy);
	return 0;
}
