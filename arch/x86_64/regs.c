/*
 * x86_64 register glue (see struct syscall_regs in include/ctrace/arch.h).
 * Used only when the kernel lacks PTRACE_GET_SYSCALL_INFO.
 *
 * A 64-bit tracee running 32-bit code has the compat code segment
 * (__USER32_CS, 0x23) and passes i386 arguments in ebx, ecx, edx, esi, edi,
 * ebp.  An int $0x80 from 64-bit code cannot be told apart this way: that
 * takes PTRACE_GET_SYSCALL_INFO's arch field.
 */
#if defined(__x86_64__)
#include <errno.h>
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "ctrace/arch.h"

#define USER32_CS 0x23

int arch_native_read_regs(int pid, struct syscall_regs *out)
{
	struct user_regs_struct u;

	if (ptrace(PTRACE_GETREGS, pid, 0L, &u) < 0)
		return -1;
	if (u.cs == USER32_CS) {
		const uint64_t a[6] = { u.rbx, u.rcx, u.rdx, u.rsi, u.rdi, u.rbp };
		out->audit_arch = AUDIT_ARCH_I386;
		for (int i = 0; i < 6; i++)
			out->args[i] = (uint32_t)a[i];
		out->nr = (uint32_t)u.orig_rax;
		out->rval = (int32_t)u.rax;
		out->stack_pointer = (uint32_t)u.rsp;
	} else {
		const uint64_t a[6] = { u.rdi, u.rsi, u.rdx, u.r10, u.r8, u.r9 };
		out->audit_arch = AUDIT_ARCH_X86_64;
		for (int i = 0; i < 6; i++)
			out->args[i] = a[i];
		out->nr = u.orig_rax;
		out->rval = (int64_t)u.rax;
		out->stack_pointer = u.rsp;
	}
	/* The kernel sets the return register to -ENOSYS before the entry stop;
	 * anything else there is an exit (an exit returning -ENOSYS is the one
	 * ambiguity, and the tracer's bookkeeping resolves it). */
	out->entry_hint = out->rval == -ENOSYS ? -1 : 0;
	return 0;
}

int arch_native_write_arg(int pid, uint32_t audit_arch, int idx, uint64_t value)
{
	struct user_regs_struct u;

	if (idx < 0 || idx > 5 || (audit_arch != AUDIT_ARCH_X86_64 && audit_arch != AUDIT_ARCH_I386)) {
		errno = EINVAL;
		return -1;
	}
	if (ptrace(PTRACE_GETREGS, pid, 0L, &u) < 0)
		return -1;
	/* x32 reports AUDIT_ARCH_X86_64 and uses its registers; i386 calls (a
	 * 32-bit process, or int $0x80 from 64-bit code) read the low halves
	 * of ebx, ecx, edx, esi, edi, ebp. */
	unsigned long long *const r64[6] = { &u.rdi, &u.rsi, &u.rdx, &u.r10, &u.r8, &u.r9 };
	unsigned long long *const r32[6] = { &u.rbx, &u.rcx, &u.rdx, &u.rsi, &u.rdi, &u.rbp };
	if (audit_arch == AUDIT_ARCH_I386)
		*r32[idx] = (uint32_t)value;
	else
		*r64[idx] = value;
	return ptrace(PTRACE_SETREGS, pid, 0L, &u) < 0 ? -1 : 0;
}
#endif
