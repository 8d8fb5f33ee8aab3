/*
 * Makes every kind of namespace attempt (for test_ns_gate.sh), from the main
 * thread, from a second thread and from a grandchild, and says on stdout
 * what became of each:
 *
 *     WHERE CALL ok|EPERM|ENOSYS|E<n> [changed|same]
 *
 * "changed"/"same" compare the caller's own /proc/self/ns/ inode before and
 * after (unshare, setns); children made by clone/clone3 print their inode
 * next to their parent's ("WHERE clone-child uts NEW OLD").  Exits 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif

static int orig_uts_fd = -1;

static unsigned long ns_ino(const char *type)
{
	char path[64];
	struct stat st;

	/* thread-self: a thread's own namespaces, not its leader's. */
	snprintf(path, sizeof(path), "/proc/thread-self/ns/%s", type);
	return stat(path, &st) == 0 ? (unsigned long)st.st_ino : 0;
}

static const char *result(long rc)
{
	static __thread char buf[32];

	if (rc >= 0)
		return "ok";
	if (errno == EPERM)
		return "EPERM";
	if (errno == ENOSYS)
		return "ENOSYS";
	snprintf(buf, sizeof(buf), "E%d", errno);
	return buf;
}

static void say(const char *where, const char *call, const char *res, const char *change)
{
	printf("%s %s %s%s%s\n", where, call, res, change ? " " : "", change ? change : "");
	fflush(stdout);
}

/* In a child: the namespace it was born in, and a setns back into the
 * original UTS namespace (a real change, for --audit). */
static void child_report(const char *where, const char *type, unsigned long parent_ino)
{
	printf("%s clone-child %s %lu %lu\n", where, type, ns_ino(type), parent_ino);
	if (!strcmp(type, "uts")) {
		unsigned long before = ns_ino("uts");
		long rc = setns(orig_uts_fd, CLONE_NEWUTS);
		say(where, "child-setns(CLONE_NEWUTS)", result(rc),
		    ns_ino("uts") != before ? "changed" : "same");
	}
	fflush(stdout);
	_exit(0);
}

static void attempts(const char *where)
{
	unsigned long before;
	long rc;

	/* clone(CLONE_NEWUTS): raw, fork-like (no CLONE_VM, no new stack). */
	before = ns_ino("uts");
	rc = syscall(SYS_clone, CLONE_NEWUTS | SIGCHLD, 0L, 0L, 0L, 0L);
	if (rc == 0)
		child_report(where, "uts", before);
	if (rc > 0)
		waitpid((pid_t)rc, NULL, 0);
	say(where, "clone(CLONE_NEWUTS)", result(rc), NULL);

	/* clone3(CLONE_NEWNET). */
	struct clone_args ca;
	memset(&ca, 0, sizeof(ca));
	ca.flags = CLONE_NEWNET;
	ca.exit_signal = SIGCHLD;
	before = ns_ino("net");
	rc = syscall(SYS_clone3, &ca, sizeof(ca));
	if (rc == 0)
		child_report(where, "net", before);
	if (rc > 0)
		waitpid((pid_t)rc, NULL, 0);
	say(where, "clone3(CLONE_NEWNET)", result(rc), NULL);

	before = ns_ino("mnt");
	rc = unshare(CLONE_NEWNS);
	say(where, "unshare(CLONE_NEWNS)", result(rc), ns_ino("mnt") != before ? "changed" : "same");

	before = ns_ino("time_for_children");
	rc = unshare(CLONE_NEWTIME);
	say(where, "unshare(CLONE_NEWTIME)", result(rc),
	    ns_ino("time_for_children") != before ? "changed" : "same");

	before = ns_ino("uts");
	int fd = open("/proc/thread-self/ns/uts", O_RDONLY | O_CLOEXEC);
	rc = setns(fd, CLONE_NEWUTS);
	say(where, "setns(CLONE_NEWUTS)", result(rc), ns_ino("uts") != before ? "changed" : "same");
	close(fd);
}

static void *thread_main(void *arg)
{
	attempts("thread");
	return NULL;
}

int main(void)
{
	orig_uts_fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);

	/* The thread and the grandchild first: main's own unshare(CLONE_NEWTIME)
	 * would otherwise put them in another time namespace. */
	pthread_t th;
	if (pthread_create(&th, NULL, thread_main, NULL) == 0)
		pthread_join(th, NULL);

	pid_t child = fork();
	if (child == 0) {
		pid_t grandchild = fork();
		if (grandchild == 0) {
			attempts("grandchild");
			_exit(0);
		}
		waitpid(grandchild, NULL, 0);
		_exit(0);
	}
	waitpid(child, NULL, 0);

	attempts("main");
	return 0;
}
