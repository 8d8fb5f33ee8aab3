/*
 * i386 register glue (see struct syscall_regs in include/ctrace/arch.h).
 * Used only when the kernel lacks PTRACE_GET_SYSCALL_INFO.
 */
#if defined(__i386__)
#include <errno.h>
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "ctrace/arch.h"

int arch_native_read_regs(int pid, struct syscall_regs *out)
{
	struct user_regs_struct u;

	if (ptrace(PTRACE_GETREGS, pid, 0L, &u) < 0)
		return -1;
	const uint32_t a[6] = { u.ebx, u.ecx, u.edx, u.esi, u.edi, u.ebp };
	out->audit_arch = AUDIT_ARCH_I386;
	for (int i = 0; i < 6; i++)
		out->args[i] = a[i];
	out->nr = (uint32_t)u.orig_eax;
	out->rval = (int32_t)u.eax;
	out->stack_pointer = (uint32_t)u.esp;
	/* eax holds -ENOSYS at every entry stop: see arch/x86_64/regs.c. */
	out->entry_hint = out->rval == -ENOSYS ? -1 : 0;
	return 0;
}

int arch_native_write_arg(int pid, uint32_t audit_arch, int idx, uint64_t value)
{
	struct user_regs_struct u;

	if (idx < 0 || idx > 5 || audit_arch != AUDIT_ARCH_I386) {
		errno = EINVAL;
		return -1;
	}
	if (ptrace(PTRACE_GETREGS, pid, 0L, &u) < 0)
		return -1;
	long *const r[6] = { &u.ebx, &u.ecx, &u.edx, &u.esi, &u.edi, &u.ebp };
	*r[idx] = (long)(uint32_t)value;
	return ptrace(PTRACE_SETREGS, pid, 0L, &u) < 0 ? -1 : 0;
}
#endif
