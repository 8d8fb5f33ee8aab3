/*
 * The architecture-independent facts about every syscall, indexed by
 * enum syscall_id: one entry per row of include/ctrace/syscalls.def.
 */
#include "ctrace/syscalls.h"

const struct syscall_desc syscall_descs[SYS_COUNT] = {
	/* [SYS_none] stays all zero: no name, no decoder. */
#define SYSCALL(id, name_, nargs_, decoder, classes_) \
	[SYS_##id] = { .name = name_, .nargs = nargs_, .classes = classes_, .decode = decoder },
#include "ctrace/syscalls.def"
#undef SYSCALL
};
