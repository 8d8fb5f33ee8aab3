/* Lifetime of a decoded syscall (include/ctrace/event.h). */
#include <string.h>

#include "ctrace/event.h"

void event_begin(struct syscall_event *ev, const struct arch *arch, uint64_t nr,
		 const uint64_t args[6])
{
	struct arena arena = ev->arena;     /* keep the chunks for reuse */

	arena_reset(&arena);
	memset(ev, 0, sizeof(*ev));
	ev->arena = arena;
	ev->arch = arch;
	ev->nr = nr;
	ev->desc = arch_syscall(arch, nr);
	for (int i = 0; i < 6; i++)
		ev->args[i] = arch_reg(arch, args[i]);
}

void event_release(struct syscall_event *ev)
{
	arena_free(&ev->arena);
	memset(ev, 0, sizeof(*ev));
}

struct val *event_arg(struct syscall_event *ev, struct val *v)
{
	val_list_append(&ev->args_list, v);
	return v;
}
