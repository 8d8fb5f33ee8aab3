/*
 * Namespace attempts by the less obvious routes (for test_ns_gate_routes.sh),
 * and calls that look like them but create nothing.  One route per run:
 *
 *   ns_routes untraced      clone(CLONE_UNTRACED|SIGCHLD); the child (which a
 *                           tracer never sees) tries unshare(CLONE_NEWUTS)
 *   ns_routes daemon        double fork + setsid; the daemon, once its
 *                           parents are gone, tries unshare(CLONE_NEWUTS)
 *   ns_routes setns         unshare(CLONE_NEWUTS), then setns back into the
 *                           UTS namespace it started in (after an exec)
 *   ns_routes vfork         a vfork child tries unshare(CLONE_NEWUTS); then a
 *                           raw clone(CLONE_VFORK|CLONE_NEWUTS|SIGCHLD)
 *   ns_routes spawn         posix_spawn(/bin/true): no namespace
 *   ns_routes unshare-files unshare(CLONE_FILES|CLONE_FS|CLONE_SYSVSEM): none
 *   ns_routes untraced-tree clone(CLONE_UNTRACED) child, which makes a
 *                           clone(CLONE_UNTRACED) grandchild; each (grandchild
 *                           first) tries unshare(CLONE_NEWUSER|CLONE_NEWNS)
 *   ns_routes untraced-newuser  clone(CLONE_UNTRACED|CLONE_NEWUSER|SIGCHLD)
 *   ns_routes clone3-untraced [ns]  clone3({CLONE_UNTRACED [|CLONE_NEWUSER|
 *                           CLONE_NEWNS]}), falling back to clone on ENOSYS
 *                           as libc does; the child, once the parent's call
 *                           has returned, tries unshare(CLONE_NEWUTS)
 *   ns_routes clone3-untraced-pidns  unshare(CLONE_NEWPID), then fork: the
 *                           child, pid 1 of the new pid namespace, runs the
 *                           clone3-untraced route, whose clone3 returns 2 (a
 *                           tracer must find that child by it)
 *   ns_routes untraced-int80  (x86_64) the untraced-tree child made through
 *                           int $0x80 (i386 clone 120, unshare 310)
 *   ns_routes untraced-daemon FILE [clone3 [MS]]  clone(CLONE_UNTRACED) (or
 *                           clone3, falling back to clone on ENOSYS) child that
 *                           outlives its parent, sleeps MS ms (default 300),
 *                           then writes FILE
 *   ns_routes race [N]      N clone3 calls (default 200) while a thread flips
 *                           clone_args.flags between 0 and CLONE_NEWUTS
 *   ns_routes exec PROG ARG...  execv(PROG)
 *
 * Each prints "ROUTE CALL ok|EPERM|ENOSYS|E<n> [changed|same]" lines ("changed":
 * the caller's own /proc/self/ns/uts inode differs after the call) and, for
 * children, "ROUTE child uts changed|same" (its inode against its parent's).
 * The untraced routes print "ROUTE WHO CALL ok|E... changed|same" where
 * changed means both its user and mnt inodes changed, and
 * "ROUTE child user|mnt changed|same" for children born by the call.
 * race prints "race calls N ok A enosys B other C created D" where D counts
 * the children born in another UTS namespace.  Exits 0 (2 on a usage error).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_UNTRACED
#define CLONE_UNTRACED 0x00800000
#endif

extern char **environ;

static unsigned long uts_ino(void)
{
	struct stat st;

	return stat("/proc/self/ns/uts", &st) == 0 ? (unsigned long)st.st_ino : 0;
}

static unsigned long ns_ino(const char *type)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/self/ns/%s", type);
	return stat(path, &st) == 0 ? (unsigned long)st.st_ino : 0;
}

static const char *result(long rc, int err)
{
	static char buf[32];

	if (rc >= 0)
		return "ok";
	if (err == EPERM)
		return "EPERM";
	if (err == ENOSYS)
		return "ENOSYS";
	snprintf(buf, sizeof(buf), "E%d", err);
	return buf;
}

static void say(const char *route, const char *call, long rc, int err, const char *change)
{
	printf("%s %s %s%s%s\n", route, call, result(rc, err), change ? " " : "",
	       change ? change : "");
	fflush(stdout);
}

/* unshare(CLONE_NEWUTS) and what it did to the caller */
static void try_unshare(const char *route)
{
	unsigned long before = uts_ino();
	long rc = syscall(SYS_unshare, CLONE_NEWUTS);
	int err = errno;

	say(route, "unshare(CLONE_NEWUTS)", rc, err, uts_ino() != before ? "changed" : "same");
}

static int route_untraced(void)
{
	fflush(stdout);
	long pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0L, 0L, 0L, 0L);
	if (pid == 0) {
		try_unshare("untraced");
		_exit(0);
	}
	if (pid < 0) {
		say("untraced", "clone(CLONE_UNTRACED)", pid, errno, NULL);
		return 0;
	}
	waitpid((pid_t)pid, NULL, 0);
	return 0;
}

/* unshare(CLONE_NEWUSER|CLONE_NEWNS): say whether both inodes changed */
static void try_unshare_user_mnt(const char *route, const char *who)
{
	unsigned long user = ns_ino("user"), mnt = ns_ino("mnt");
	long rc = syscall(SYS_unshare, CLONE_NEWUSER | CLONE_NEWNS);
	int err = errno;
	char call[128];

	snprintf(call, sizeof(call), "%s unshare(CLONE_NEWUSER|CLONE_NEWNS)", who);
	say(route, call, rc, err,
	    ns_ino("user") != user && ns_ino("mnt") != mnt ? "changed" :
	    ns_ino("user") == user && ns_ino("mnt") == mnt ? "same" : "partly");
}

static int route_untraced_tree(void)
{
	fflush(stdout);
	long pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0L, 0L, 0L, 0L);
	if (pid == 0) {
		long gpid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0L, 0L, 0L, 0L);
		if (gpid == 0) {
			try_unshare_user_mnt("untraced-tree", "grandchild");
			_exit(0);
		}
		if (gpid > 0)
			waitpid((pid_t)gpid, NULL, 0);
		try_unshare_user_mnt("untraced-tree", "child");
		_exit(0);
	}
	if (pid < 0)
		say("untraced-tree", "clone(CLONE_UNTRACED)", pid, errno, NULL);
	else
		waitpid((pid_t)pid, NULL, 0);
	return 0;
}

/* A child's verdict on its namespaces against its parent's, through its exit
 * status: bit 0 user changed, bit 1 mnt changed. */
static void say_child(const char *route, int status)
{
	int bits = WIFEXITED(status) ? WEXITSTATUS(status) : 0;

	printf("%s child user %s\n", route, bits & 1 ? "changed" : "same");
	printf("%s child mnt %s\n", route, bits & 2 ? "changed" : "same");
	fflush(stdout);
}

static int child_bits(unsigned long user, unsigned long mnt)
{
	return (ns_ino("user") != user) | (ns_ino("mnt") != mnt) << 1;
}

static int route_untraced_newuser(void)
{
	unsigned long user = ns_ino("user"), mnt = ns_ino("mnt");
	int status = 0;

	fflush(stdout);
	long pid = syscall(SYS_clone, CLONE_UNTRACED | CLONE_NEWUSER | SIGCHLD, 0L, 0L, 0L, 0L);
	if (pid == 0)
		_exit(child_bits(user, mnt));
	int err = errno;
	say("untraced-newuser", "clone(CLONE_UNTRACED|CLONE_NEWUSER)", pid, err, NULL);
	if (pid > 0) {
		waitpid((pid_t)pid, &status, 0);
		say_child("untraced-newuser", status);
	}
	return 0;
}

static int route_clone3_untraced(bool with_ns, const char *route)
{
	uint64_t flags = CLONE_UNTRACED | (with_ns ? CLONE_NEWUSER | CLONE_NEWNS : 0);
	struct clone_args ca = { .flags = flags, .exit_signal = SIGCHLD };
	unsigned long user = ns_ino("user"), mnt = ns_ino("mnt");
	int go[2], status = 0;

	if (pipe(go) < 0)
		return 1;
	fflush(stdout);
	long pid = syscall(SYS_clone3, &ca, sizeof(ca));
	const char *call = "clone3";
	if (pid < 0 && errno == ENOSYS) {
		/* what libc does when clone3 is refused */
		call = "clone";
		pid = syscall(SYS_clone, (long)flags | SIGCHLD, 0L, 0L, 0L, 0L);
	}
	if (pid == 0) {
		char c;
		int bits = child_bits(user, mnt);
		close(go[1]);
		/* only once the parent's call has returned (and a tracer had its
		 * exit stop) */
		while (read(go[0], &c, 1) < 0 && errno == EINTR)
			;
		if (!with_ns)
			try_unshare(route);
		_exit(bits);
	}
	int err = errno;
	char what[64];
	snprintf(what, sizeof(what), "%s(CLONE_UNTRACED%s)", call,
		 with_ns ? "|CLONE_NEWUSER|CLONE_NEWNS" : "");
	say(route, what, pid, err, NULL);
	close(go[0]);
	close(go[1]);
	if (pid > 0) {
		waitpid((pid_t)pid, &status, 0);
		say_child(route, status);
	}
	return 0;
}

#ifdef __x86_64__
/* i386 syscalls from 64-bit code (arguments: ebx, ecx, edx, esi, edi) */
static long int80(long nr, long a, long b, long c)
{
	long ret = nr;

	__asm__ volatile("int $0x80" : "+a"(ret) : "b"(a), "c"(b), "d"(c), "S"(0L), "D"(0L)
			 : "memory", "cc", "r8", "r9", "r10", "r11");
	return ret;
}

static int route_untraced_int80(void)
{
	unsigned long user = ns_ino("user"), mnt = ns_ino("mnt");

	fflush(stdout);
	long pid = int80(120 /* i386 clone */, CLONE_UNTRACED | SIGCHLD, 0, 0);
	if (pid == 0) {
		long rc = int80(310 /* i386 unshare */, CLONE_NEWUSER | CLONE_NEWNS, 0, 0);
		say("untraced-int80", "child unshare(CLONE_NEWUSER|CLONE_NEWNS)", rc, (int)-rc,
		    child_bits(user, mnt) == 3 ? "changed" : child_bits(user, mnt) ? "partly"
		    : "same");
		_exit(0);
	}
	if (pid < 0)
		say("untraced-int80", "clone(CLONE_UNTRACED)", -1, (int)-pid, NULL);
	else
		waitpid((pid_t)pid, NULL, 0);
	return 0;
}
#endif

/* The parent exits at once; the untraced child lives on and leaves a mark. */
static int route_untraced_daemon(const char *file, bool clone3, int ms)
{
	struct clone_args ca = { .flags = CLONE_UNTRACED, .exit_signal = SIGCHLD };

	fflush(stdout);
	long pid = clone3 ? syscall(SYS_clone3, &ca, sizeof(ca)) : -1;
	if (!clone3 || (pid < 0 && errno == ENOSYS))   /* libc's fallback */
		pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0L, 0L, 0L, 0L);
	if (pid == 0) {
		setsid();
		usleep((useconds_t)ms * 1000);
		FILE *f = fopen(file, "w");
		if (f) {
			fprintf(f, "daemon ran\n");
			fclose(f);
		}
		_exit(0);
	}
	return pid < 0;
}

static int route_daemon(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid != 0) {
		/* the original parent returns at once, as daemons' do */
		return pid < 0;
	}
	setsid();
	if (fork() != 0)
		_exit(0);
	/* the daemon: wait until its parents are gone (reparented) */
	for (int i = 0; i < 200 && getppid() != 1; i++)
		usleep(5000);
	usleep(50000);
	try_unshare("daemon");
	_exit(0);
}

static int route_setns(void)
{
	int fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	try_unshare("setns");
	unsigned long before = uts_ino();
	long rc = setns(fd, CLONE_NEWUTS);
	int err = errno;
	say("setns", "setns(CLONE_NEWUTS)", rc, err, uts_ino() != before ? "changed" : "same");
	close(fd);
	return 0;
}

static int route_vfork(void)
{
	unsigned long parent = uts_ino();
	int status = 0;

	fflush(stdout);
	pid_t pid = vfork();
	if (pid == 0) {
		/* only raw syscalls here: the parent's memory is ours */
		long rc = syscall(SYS_unshare, CLONE_NEWUTS);
		_exit(rc == 0 ? 0 : errno);
	}
	waitpid(pid, &status, 0);
	say("vfork", "unshare(CLONE_NEWUTS)", WEXITSTATUS(status) ? -1 : 0, WEXITSTATUS(status),
	    NULL);

	/* no CLONE_VM: fork-like, then the parent waits for the exit as vfork's */
	long rc = syscall(SYS_clone, CLONE_VFORK | CLONE_NEWUTS | SIGCHLD, 0L, 0L, 0L, 0L);
	if (rc == 0)
		_exit(uts_ino() != parent ? 1 : 0);
	int err = errno;
	say("vfork", "clone(CLONE_VFORK|CLONE_NEWUTS)", rc, err, NULL);
	if (rc > 0) {
		waitpid((pid_t)rc, &status, 0);
		printf("vfork child uts %s\n", WEXITSTATUS(status) == 1 ? "changed" : "same");
	}
	return 0;
}

static int route_spawn(void)
{
	pid_t pid;
	int status = -1;
	char *argv[] = { "true", NULL };
	int rc = posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ);

	if (rc == 0)
		waitpid(pid, &status, 0);
	say("spawn", "posix_spawn(/bin/true)", rc ? -1 : 0, rc, status == 0 ? "exit0" : "failed");
	return 0;
}

static int route_unshare_files(void)
{
	unsigned long before = uts_ino();
	long rc = unshare(CLONE_FILES | CLONE_FS | CLONE_SYSVSEM);
	int err = errno;

	say("unshare-files", "unshare(CLONE_FILES|CLONE_FS|CLONE_SYSVSEM)", rc, err,
	    uts_ino() != before ? "changed" : "same");
	return 0;
}

static struct clone_args race_args __attribute__((aligned(64)));
static volatile int race_stop;

static void *flipper(void *arg)
{
	(void)arg;
	while (!race_stop) {
		__atomic_store_n(&race_args.flags, (uint64_t)CLONE_NEWUTS, __ATOMIC_RELAXED);
		__atomic_store_n(&race_args.flags, (uint64_t)0, __ATOMIC_RELAXED);
	}
	return NULL;
}

static int route_race(int n)
{
	unsigned long parent = uts_ino();
	int ok = 0, enosys = 0, other = 0, created = 0;
	pthread_t th;

	race_args.exit_signal = SIGCHLD;
	if (pthread_create(&th, NULL, flipper, NULL) != 0)
		return 1;
	for (int i = 0; i < n; i++) {
		long rc = syscall(SYS_clone3, &race_args, sizeof(race_args));
		if (rc == 0)
			_exit(uts_ino() != parent ? 1 : 0);
		if (rc < 0) {
			if (errno == ENOSYS)
				enosys++;
			else
				other++;
			continue;
		}
		int status = 0;
		ok++;
		waitpid((pid_t)rc, &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
			created++;
	}
	race_stop = 1;
	pthread_join(th, NULL);
	printf("race calls %d ok %d enosys %d other %d created %d\n", n, ok, enosys, other,
	       created);
	return 0;
}

int main(int argc, char **argv)
{
	const char *r = argc > 1 ? argv[1] : "";

	if (!strcmp(r, "untraced"))
		return route_untraced();
	if (!strcmp(r, "daemon"))
		return route_daemon();
	if (!strcmp(r, "setns"))
		return route_setns();
	if (!strcmp(r, "vfork"))
		return route_vfork();
	if (!strcmp(r, "spawn"))
		return route_spawn();
	if (!strcmp(r, "unshare-files"))
		return route_unshare_files();
	if (!strcmp(r, "untraced-tree"))
		return route_untraced_tree();
	if (!strcmp(r, "untraced-newuser"))
		return route_untraced_newuser();
	if (!strcmp(r, "clone3-untraced"))
		return route_clone3_untraced(argc > 2 && !strcmp(argv[2], "ns"),
					     argc > 2 && !strcmp(argv[2], "ns") ? "clone3-untraced-ns"
					     : "clone3-untraced");
	if (!strcmp(r, "clone3-untraced-pidns")) {
		long rc = syscall(SYS_unshare, CLONE_NEWPID);
		say("clone3-untraced-pidns", "unshare(CLONE_NEWPID)", rc, errno, NULL);
		if (rc < 0)
			return 1;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0)
			_exit(route_clone3_untraced(false, "clone3-untraced-pidns"));
		waitpid(pid, NULL, 0);
		return 0;
	}
#ifdef __x86_64__
	if (!strcmp(r, "untraced-int80"))
		return route_untraced_int80();
#endif
	if (!strcmp(r, "untraced-daemon") && argc > 2)
		return route_untraced_daemon(argv[2], argc > 3 && !strcmp(argv[3], "clone3"),
					     argc > 4 ? atoi(argv[4]) : 300);
	if (!strcmp(r, "race"))
		return route_race(argc > 2 ? atoi(argv[2]) : 200);
	if (!strcmp(r, "exec") && argc > 2) {
		execv(argv[2], argv + 2);
		perror("execv");
		return 2;
	}
	fprintf(stderr, "usage: ns_routes untraced|untraced-tree|untraced-newuser|"
		"clone3-untraced [ns]|untraced-int80|untraced-daemon FILE|daemon|setns|vfork|spawn|unshare-files|"
		"race [N]|exec PROG ARG...\n");
	return 2;
}
