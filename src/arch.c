/*
 * Looking architectures up, and the four orders in which clone(2) takes its
 * arguments.  The per-architecture facts live in arch/<arch>/arch.c.
 */
#include <string.h>

#include "ctrace/arch.h"

/*
 * From the four SYSCALL_DEFINE variants of clone in the kernel's
 * kernel/fork.c:
 *   default            clone(flags, newsp, parent_tidptr, child_tidptr, tls)
 *   CLONE_BACKWARDS    clone(flags, newsp, parent_tidptr, tls, child_tidptr)
 *   CLONE_BACKWARDS2   clone(newsp, flags, parent_tidptr, child_tidptr, tls)
 *   CLONE_BACKWARDS3   clone(flags, newsp, stack_size, parent_tidptr,
 *                            child_tidptr, tls)
 */
const struct clone_arg_index clone_layouts[CLONE_LAYOUT_COUNT] = {
	[CLONE_LAYOUT_DEFAULT] = {
		.flags = 0, .stack = 1, .stack_size = -1,
		.parent_tid = 2, .child_tid = 3, .tls = 4,
	},
	[CLONE_LAYOUT_BACKWARDS] = {
		.flags = 0, .stack = 1, .stack_size = -1,
		.parent_tid = 2, .tls = 3, .child_tid = 4,
	},
	[CLONE_LAYOUT_BACKWARDS2] = {
		.stack = 0, .flags = 1, .stack_size = -1,
		.parent_tid = 2, .child_tid = 3, .tls = 4,
	},
	[CLONE_LAYOUT_BACKWARDS3] = {
		.flags = 0, .stack = 1, .stack_size = 2,
		.parent_tid = 3, .child_tid = 4, .tls = 5,
	},
};

const char *clone_layout_name(enum clone_layout layout)
{
	static const char *const names[CLONE_LAYOUT_COUNT] = {
		[CLONE_LAYOUT_DEFAULT] = "default",
		[CLONE_LAYOUT_BACKWARDS] = "backwards",
		[CLONE_LAYOUT_BACKWARDS2] = "backwards2",
		[CLONE_LAYOUT_BACKWARDS3] = "backwards3",
	};

	if ((unsigned int)layout >= CLONE_LAYOUT_COUNT)
		return NULL;
	return names[layout];
}

const struct arch *const arch_all[] = {
	&arch_x86_64,
	&arch_i386,
	&arch_aarch64,
	NULL,
};

const struct arch *arch_by_audit(uint32_t audit_arch)
{
	for (const struct arch *const *a = arch_all; *a; a++) {
		if ((*a)->audit_arch == audit_arch)
			return *a;
	}
	return NULL;
}

const struct arch *arch_for_syscall(uint32_t audit_arch, uint64_t *nr)
{
	/*
	 * The kernel tells x32 from x86_64 by this bit alone (is_x32_task()).
	 * -1 has it too, but is no x32 call: a seccomp filter that returned
	 * SECCOMP_RET_ERRNO may leave orig_rax at -1 (strace 6.1 keeps such a
	 * stop in the 64-bit personality as well).
	 */
	if (audit_arch == arch_x32.audit_arch && *nr != UINT64_MAX && (*nr & arch_x32.nr_bit)) {
		*nr &= ~(uint64_t)arch_x32.nr_bit;
		return &arch_x32;
	}
	return arch_by_audit(audit_arch);
}

/* Other spellings users type for -a/--arch, and what the tools call them. */
static const struct {
	const char *alias;
	const struct arch *arch;
} arch_aliases[] = {
	{ "x86-64", &arch_x86_64 },
	{ "amd64", &arch_x86_64 },
	{ "x86", &arch_i386 },
	{ "arm64", &arch_aarch64 },
};

const struct arch *arch_by_name(const char *name)
{
	if (!name)
		return NULL;
	for (const struct arch *const *a = arch_all; *a; a++) {
		if (strcmp((*a)->name, name) == 0)
			return *a;
	}
	for (size_t i = 0; i < sizeof(arch_aliases) / sizeof(arch_aliases[0]); i++) {
		if (strcmp(arch_aliases[i].alias, name) == 0)
			return arch_aliases[i].arch;
	}
	return NULL;
}

const struct arch *arch_native(void)
{
#if defined(__x86_64__) && !defined(__ILP32__)
	return &arch_x86_64;
#elif defined(__i386__)
	return &arch_i386;
#elif defined(__aarch64__)
	return &arch_aarch64;
#else
	return NULL;
#endif
}

const struct syscall_desc *arch_syscall(const struct arch *arch, uint64_t nr)
{
	if (nr >= arch->nsyscalls)
		return NULL;
	uint16_t id = arch->syscall_ids[nr];
	if (id == SYS_none || id >= SYS_COUNT)
		return NULL;
	return &syscall_descs[id];
}

long arch_syscall_number(const struct arch *arch, enum syscall_id id)
{
	if (id == SYS_none)
		return -1;
	for (uint32_t nr = 0; nr < arch->nsyscalls; nr++) {
		if (arch->syscall_ids[nr] == id)
			return nr;
	}
	return -1;
}
