/*
 * Reading tracee memory for the decoders.  process_vm_readv copies a whole
 * range in one call; it stops short at the first unreadable page, which is
 * what mem_read_fn promises.  Where it is not permitted (some hardened
 * kernels) we fall back to PTRACE_PEEKDATA, a word at a time.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include "tracee.h"

/* AT_FDCWD as the int a dirfd argument holds. */
#define AT_FDCWD_FD (-100)

static ssize_t peek_read(pid_t pid, uint64_t addr, void *buf, size_t len)
{
	size_t got = 0;
	const size_t w = sizeof(long);

	while (got < len) {
		uint64_t at = addr + got;
		uint64_t aligned = at & ~(uint64_t)(w - 1);
		errno = 0;
		long word = ptrace(PTRACE_PEEKDATA, pid, (void *)(uintptr_t)aligned, NULL);
		if (errno)
			break;
		size_t off = at - aligned;
		size_t n = w - off < len - got ? w - off : len - got;
		memcpy((char *)buf + got, (char *)&word + off, n);
		got += n;
	}
	return got ? (ssize_t)got : -1;
}

static ssize_t tracee_read(void *opaque, uint64_t addr, void *buf, size_t len)
{
	static bool vm_readv_unusable;
	struct tracee *t = opaque;

	if (len == 0)
		return 0;
	if (addr != (uintptr_t)addr)
		return -1;     /* beyond what a pointer of ours can name */
	if (!vm_readv_unusable) {
		struct iovec local = { buf, len };
		struct iovec remote = { (void *)(uintptr_t)addr, len };
		ssize_t n = process_vm_readv(t->pid, &local, 1, &remote, 1, 0);
		if (n > 0)
			return n;
		if (errno != ENOSYS && errno != EPERM)
			return -1;
		vm_readv_unusable = true;
	}
	return peek_read(t->pid, addr, buf, len);
}

/*
 * -y: the kernel's own name for the fd, from /proc.  The task's tid names
 * its fd table (a thread created without CLONE_FILES has its own).
 */
static bool tracee_fd_path(void *opaque, int fd, char *buf, size_t size)
{
	struct tracee *t = opaque;
	char link[64];

	if (fd == AT_FDCWD_FD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)t->pid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)t->pid, fd);
	ssize_t n = readlink(link, buf, size - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return true;
}

struct mem_reader tracee_mem_reader(struct tracee *t)
{
	return (struct mem_reader){ .read = tracee_read, .opaque = t, .fd_path = tracee_fd_path };
}
