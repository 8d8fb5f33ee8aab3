/*
 * Every namespace attempt through the i386 system call gate (int $0x80) from
 * a 64-bit program (for test_qemu_gate.sh): the kernel takes the i386 table
 * (clone 120, unshare 310, setns 346, clone3 435), so a gate that looked at
 * the x86_64 numbers only would miss all of them.  Output as ns_attempts:
 *
 *     main CALL ok|EPERM|ENOSYS|E<n> [changed|same]
 *     main clone-child TYPE NEW OLD             (in a child clone/clone3 made)
 *     main child-setns(CLONE_NEWUTS) ok|E.. changed|same
 *
 * int $0x80 passes 32-bit registers: clone3's struct clone_args is put below
 * 4 GiB (MAP_32BIT).  Elsewhere than x86_64 it says so and exits 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NR32_CLONE   120
#define NR32_UNSHARE 310
#define NR32_SETNS   346
#define NR32_CLONE3  435

#define X_CLONE_NEWTIME 0x00000080
#define X_CLONE_NEWNS   0x00020000
#define X_CLONE_NEWUTS  0x04000000
#define X_CLONE_NEWNET  0x40000000

/* struct clone_args (include/uapi/linux/sched.h), the same for i386 */
struct clone_args32 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

static long int80(long nr, long a, long b, long c)
{
	long ret = nr;

	__asm__ volatile("int $0x80" : "+a"(ret) : "b"(a), "c"(b), "d"(c), "S"(0L), "D"(0L)
			 : "memory", "r8", "r9", "r10", "r11");	/* may be cleared */
	return ret;
}

static int orig_uts_fd = -1;

static unsigned long ns_ino(const char *type)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/self/ns/%s", type);
	return stat(path, &st) == 0 ? (unsigned long)st.st_ino : 0;
}

static const char *result(long rc)
{
	static char buf[32];

	if (rc >= 0)
		return "ok";
	if (rc == -1)
		return "EPERM";
	if (rc == -38)
		return "ENOSYS";
	snprintf(buf, sizeof(buf), "E%ld", -rc);
	return buf;
}

static void say(const char *call, const char *res, const char *change)
{
	printf("main %s %s%s%s\n", call, res, change ? " " : "", change ? change : "");
	fflush(stdout);
}

static void child_report(const char *type, unsigned long parent_ino)
{
	printf("main clone-child %s %lu %lu\n", type, ns_ino(type), parent_ino);
	if (!strcmp(type, "uts")) {
		unsigned long before = ns_ino("uts");
		long rc = int80(NR32_SETNS, orig_uts_fd, X_CLONE_NEWUTS, 0);
		say("child-setns(CLONE_NEWUTS)", result(rc),
		    ns_ino("uts") != before ? "changed" : "same");
	}
	fflush(stdout);
	_exit(0);
}

int main(void)
{
	unsigned long before;
	long rc;

	orig_uts_fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	struct clone_args32 *ca = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (ca == MAP_FAILED || (uintptr_t)ca >= 0xfffff000UL) {
		printf("ns_int80: no memory below 4 GiB\n");
		return 1;
	}

	/* clone(CLONE_NEWUTS|SIGCHLD): fork-like (no CLONE_VM, same stack). */
	before = ns_ino("uts");
	rc = int80(NR32_CLONE, X_CLONE_NEWUTS | SIGCHLD, 0, 0);
	if (rc == 0)
		child_report("uts", before);
	if (rc > 0)
		waitpid((pid_t)rc, NULL, 0);
	say("clone(CLONE_NEWUTS)", result(rc), NULL);

	memset(ca, 0, sizeof(*ca));
	ca->flags = X_CLONE_NEWNET;
	ca->exit_signal = SIGCHLD;
	before = ns_ino("net");
	rc = int80(NR32_CLONE3, (long)(uintptr_t)ca, sizeof(*ca), 0);
	if (rc == 0)
		child_report("net", before);
	if (rc > 0)
		waitpid((pid_t)rc, NULL, 0);
	say("clone3(CLONE_NEWNET)", result(rc), NULL);

	before = ns_ino("mnt");
	rc = int80(NR32_UNSHARE, X_CLONE_NEWNS, 0, 0);
	say("unshare(CLONE_NEWNS)", result(rc), ns_ino("mnt") != before ? "changed" : "same");

	before = ns_ino("time_for_children");
	rc = int80(NR32_UNSHARE, X_CLONE_NEWTIME, 0, 0);
	say("unshare(CLONE_NEWTIME)", result(rc),
	    ns_ino("time_for_children") != before ? "changed" : "same");

	before = ns_ino("uts");
	int fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	rc = int80(NR32_SETNS, fd, X_CLONE_NEWUTS, 0);
	say("setns(CLONE_NEWUTS)", result(rc), ns_ino("uts") != before ? "changed" : "same");
	close(fd);
	return 0;
}
#else
int main(void)
{
	printf("ns_int80: not x86_64, nothing to do\n");
	return 0;
}
#endif
