/*
 * aarch64 register glue (see struct syscall_regs in include/ctrace/arch.h).
 * Used only when the kernel lacks PTRACE_GET_SYSCALL_INFO.
 *
 * x8 carries the number, x0-x5 the arguments, x0 the return value: at an
 * exit stop the first argument is gone, which is why decoders take it at
 * entry.  Nothing in the registers marks entry or exit.
 */
#if defined(__aarch64__)
#include <elf.h>
#include <errno.h>
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <asm/ptrace.h>

#include "ctrace/arch.h"

int arch_native_read_regs(int pid, struct syscall_regs *out)
{
	struct user_pt_regs u;
	struct iovec iov = { &u, sizeof(u) };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -1;
	out->audit_arch = AUDIT_ARCH_AARCH64;
	for (int i = 0; i < 6; i++)
		out->args[i] = u.regs[i];
	out->nr = u.regs[8];
	out->rval = (int64_t)u.regs[0];
	out->stack_pointer = u.sp;
	out->entry_hint = -1;
	return 0;
}

/* At an entry stop x0 still holds the first argument (orig_x0 keeps a copy
 * for restarts; the call itself reads x0-x5). */
int arch_native_write_arg(int pid, uint32_t audit_arch, int idx, uint64_t value)
{
	struct user_pt_regs u;
	struct iovec iov = { &u, sizeof(u) };

	if (idx < 0 || idx > 5 || audit_arch != AUDIT_ARCH_AARCH64) {
		errno = EINVAL;
		return -1;
	}
	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -1;
	u.regs[idx] = value;
	return ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0 ? -1 : 0;
}
#endif
