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
 *   ns_routes race [N]      N clone3 calls (default 200) while a thread flips
 *                           clone_args.flags between 0 and CLONE_NEWUTS
 *   ns_routes exec PROG ARG...  execv(PROG)
 *
 * Each prints "ROUTE CALL ok|EPERM|ENOSYS|E<n> [changed|same]" lines ("changed":
 * the caller's own /proc/self/ns/uts inode differs after the call) and, for
 * children, "ROUTE child uts changed|same" (its inode against its parent's).
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
	if (!strcmp(r, "race"))
		return route_race(argc > 2 ? atoi(argv[2]) : 200);
	if (!strcmp(r, "exec") && argc > 2) {
		execv(argv[2], argv + 2);
		perror("execv");
		return 2;
	}
	fprintf(stderr, "usage: ns_routes untraced|daemon|setns|vfork|spawn|unshare-files|"
		"race [N]|exec PROG ARG...\n");
	return 2;
}
