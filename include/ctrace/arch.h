/*
 * Architectures as data.
 *
 * Every architecture ctrace knows is one `struct arch`: a name, the
 * AUDIT_ARCH_* value the kernel reports for it in PTRACE_GET_SYSCALL_INFO,
 * the width of a tracee word, its syscall table (number -> syscall id) and
 * the order in which its clone(2) takes its arguments.  Decoders consult
 * this descriptor; they never test "#ifdef __x86_64__".  All descriptors are
 * compiled into every build so that any architecture can be decoded (and
 * unit-tested) on any host.
 */
#ifndef CTRACE_ARCH_H
#define CTRACE_ARCH_H

#include <stddef.h>
#include <stdint.h>

#include "ctrace/syscalls.h"
#include "ctrace/xlat.h"

/*
 * The kernel's four argument orders for clone(2) (see CONFIG_CLONE_BACKWARDS*
 * in kernel/fork.c).  The argument *names* strace prints are the same on
 * every architecture; only the register that carries each one changes.
 */
enum clone_layout {
	CLONE_LAYOUT_DEFAULT,    /* flags, stack, parent_tid, child_tid, tls: x86_64 and most */
	CLONE_LAYOUT_BACKWARDS,  /* flags, stack, parent_tid, tls, child_tid: i386, arm, aarch64 */
	CLONE_LAYOUT_BACKWARDS2, /* stack, flags, parent_tid, child_tid, tls: s390, cris */
	CLONE_LAYOUT_BACKWARDS3, /* flags, stack, stack_size, parent_tid, child_tid, tls: microblaze */
	CLONE_LAYOUT_COUNT
};

/* Which syscall argument (0-5) carries each clone(2) parameter; -1: none. */
struct clone_arg_index {
	int8_t flags;
	int8_t stack;
	int8_t stack_size;
	int8_t parent_tid;
	int8_t child_tid;
	int8_t tls;
};

extern const struct clone_arg_index clone_layouts[CLONE_LAYOUT_COUNT];
const char *clone_layout_name(enum clone_layout layout);

/* struct stat as the kernel writes it (decode_stat.c holds the offsets). */
enum stat_layout_id {
	STAT_LAYOUT_X86_64,     /* x86_64 and x32 */
	STAT_LAYOUT_GENERIC,    /* asm-generic: aarch64 */
	STAT_LAYOUT_I386_64,    /* i386's struct stat64, of the *64 calls */
};

struct arch {
	const char *name;               /* "x86_64", "i386", "x32", "aarch64" */
	/* What strace 6.1 prints in "[ Process PID=N runs in %s mode. ]":
	 * "64 bit", "32 bit", "x32". */
	const char *mode_name;
	uint32_t audit_arch;            /* AUDIT_ARCH_* as reported by the kernel */
	/* x32: the bit (__X32_SYSCALL_BIT) that marks its syscall numbers
	 * among those reported with its audit_arch; 0 for the others. */
	uint32_t nr_bit;
	uint8_t word_size;              /* bytes in a tracee long / pointer */
	/* Bytes of a syscall argument or return register as the kernel reads
	 * it: the word size, except on x32 (32-bit pointers, 64-bit registers). */
	uint8_t reg_size;
	enum clone_layout clone_layout;
	/* Where the ABI's own headers differ (x86 vs asm-generic): the O_*
	 * bits beyond the access mode, and the layout of struct stat. */
	const struct xlat *open_flags;
	uint8_t stat_layout;            /* enum stat_layout_id */
	/* struct epoll_event is packed on x86 (12 bytes, data at offset 4),
	 * naturally aligned elsewhere (16 bytes, data at 8). */
	uint8_t epoll_packed;
	/* Bytes from the stack pointer at rt_sigreturn's entry to the signal
	 * mask in the frame it restores (struct rt_sigframe, ucontext's
	 * uc_sigmask, the return address already popped on x86); 0: unknown. */
	uint16_t rt_sigframe_mask;
	/* The same for the legacy sigreturn (i386): the mask's low 32 bits are
	 * sigcontext's oldmask, the high ones the frame's extramask. */
	uint16_t sigframe_oldmask, sigframe_extramask;
	/* i386: the tls argument of clone points to a struct user_desc */
	uint8_t tls_is_user_desc;
	/* Syscall numbers are table indexes after subtracting nr_base. */
	const uint16_t *syscall_ids;    /* number -> enum syscall_id (SYS_none: unused) */
	uint32_t nsyscalls;
	/* Names of the registers that carry arguments 0-5 and the number,
	 * for teaching output ("--explain"): data, not code. */
	const char *arg_regs[6];
	const char *nr_reg;
	const char *rval_reg;
};

extern const struct arch arch_x86_64;
extern const struct arch arch_i386;
extern const struct arch arch_aarch64;
/* x32 is not in arch_all[]: see arch/x32/arch.c. */
extern const struct arch arch_x32;

/* All known architectures but x32, NULL-terminated. */
extern const struct arch *const arch_all[];

const struct arch *arch_by_audit(uint32_t audit_arch);

/*
 * The personality of a syscall stop: x32 when the kernel reports
 * AUDIT_ARCH_X86_64 and the number has x32's bit (then removed from *nr, so
 * that *nr indexes x32's table), otherwise arch_by_audit(audit_arch) with
 * *nr unchanged.  NULL for an audit value ctrace has no table for.
 */
const struct arch *arch_for_syscall(uint32_t audit_arch, uint64_t *nr);
const struct arch *arch_by_name(const char *name);

/* The architecture ctrace itself was compiled for. */
const struct arch *arch_native(void);

/* Descriptor of syscall `nr` on `arch`, or NULL for an unknown number. */
const struct syscall_desc *arch_syscall(const struct arch *arch, uint64_t nr);

/* Number of syscall `id` on `arch`, or -1 when the arch lacks it. */
long arch_syscall_number(const struct arch *arch, enum syscall_id id);

/*
 * Register glue, for kernels without PTRACE_GET_SYSCALL_INFO (before 5.3):
 * arch/<native arch>/regs.c reads a stopped tracee's registers and says
 * which personality, number, arguments and return value they hold.  Only
 * the architecture ctrace runs on has it; the tracer calls it, never a
 * decoder.
 */
struct syscall_regs {
	uint32_t audit_arch;
	uint64_t nr;
	uint64_t args[6];
	int64_t rval;
	uint64_t stack_pointer;         /* at entry; 0: unknown */
	/* 1: certainly a syscall-entry stop, 0: certainly an exit stop,
	 * -1: the registers cannot tell (the tracer's own bookkeeping decides). */
	int entry_hint;
};

/* 0, or -1 with errno.  Defined in arch/<native arch>/regs.c. */
int arch_native_read_regs(int pid, struct syscall_regs *out);
/*
 * Sets argument register `idx` (0-5) of a tracee stopped at a syscall's
 * entry (ptrace's syscall-entry or seccomp stop): the call then runs with
 * `value`.  Which register that is depends on the ABI the call was made
 * through (`audit_arch`: an int $0x80 from 64-bit code passes i386 arguments
 * in ebx...).  0, or -1 with errno (EINVAL for an ABI the glue lacks).
 * Defined in arch/<native arch>/regs.c.
 */
int arch_native_write_arg(int pid, uint32_t audit_arch, int idx, uint64_t value);

/* Truncate a value to the tracee's word size (a pointer or a long in memory). */
static inline uint64_t arch_word(const struct arch *arch, uint64_t v)
{
	return arch->word_size == 4 ? (uint32_t)v : v;
}

/* Truncate a raw syscall register to what the kernel reads of it. */
static inline uint64_t arch_reg(const struct arch *arch, uint64_t v)
{
	return arch->reg_size == 4 ? (uint32_t)v : v;
}

#endif
