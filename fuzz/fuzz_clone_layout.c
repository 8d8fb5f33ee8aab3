/*
 * fuzz_clone_layout: the architecture lookups with arbitrary inputs:
 * arch_syscall() and arch_syscall_number() for any number and id,
 * arch_for_syscall() for any audit value and number, arch_by_name() for any
 * string, clone_layout_name() and clone_layouts[] for any layout, and the
 * invariants that tie them together.
 *
 * Input: u8 arch, u64 nr, u32 audit_arch, u16 id, u8 layout, then a name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrace/arch.h"
#include "fuzz_input.h"

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_clone_layout: %s\n", what);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct arch *const arches[4] = {
		&arch_x86_64, &arch_i386, &arch_aarch64, &arch_x32,
	};
	struct fuzz_input in = { data, size };
	const struct arch *arch = arches[fuzz_u8(&in) & 3];
	uint64_t nr = fuzz_u64(&in);
	uint32_t audit = fuzz_u16(&in);
	audit |= (uint32_t)fuzz_u16(&in) << 16;
	unsigned id = fuzz_u16(&in);
	unsigned layout = fuzz_u8(&in);

	const struct syscall_desc *d = arch_syscall(arch, nr);
	if (d) {
		check(d >= syscall_descs && d < syscall_descs + SYS_COUNT, "desc outside the table");
		check(d->name != NULL, "desc without a name");
		long back = arch_syscall_number(arch, (enum syscall_id)(d - syscall_descs));
		check(back >= 0, "number of a known syscall not found");
		check(arch_syscall(arch, (uint64_t)back) == d, "number does not map back");
	}
	long n = arch_syscall_number(arch, (enum syscall_id)(id % (SYS_COUNT + 8)));
	if (n >= 0)
		check(arch_syscall(arch, (uint64_t)n) == &syscall_descs[id % (SYS_COUNT + 8)],
		      "id does not map back");

	uint64_t nr2 = nr;
	const struct arch *a = arch_for_syscall(audit, &nr2);
	if (a) {
		check(a->audit_arch == audit, "personality of another audit value");
		(void)arch_syscall(a, nr2);
	}

	const char *lname = clone_layout_name((enum clone_layout)layout);
	check((lname != NULL) == (layout < CLONE_LAYOUT_COUNT), "layout name");
	if (layout < CLONE_LAYOUT_COUNT) {
		const struct clone_arg_index *ix = &clone_layouts[layout];
		const int8_t f[6] = { ix->flags, ix->stack, ix->stack_size,
				      ix->parent_tid, ix->child_tid, ix->tls };
		for (int i = 0; i < 6; i++)
			check(f[i] >= -1 && f[i] < 6, "clone argument index out of range");
	}
	check(arch->clone_layout < CLONE_LAYOUT_COUNT, "arch with an unknown layout");

	const uint8_t *rest;
	size_t len = fuzz_bytes(&in, &rest, in.left);
	char *name = malloc(len + 1);
	memcpy(name, rest, len);
	name[len] = '\0';
	const struct arch *byname = arch_by_name(name);
	if (byname)
		check(byname->name != NULL, "arch without a name");
	free(name);
	return 0;
}
