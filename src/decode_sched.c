/*
 * sched_getaffinity and sched_setaffinity: the CPU mask as strace 6.1 prints
 * it, "[0 1]"; see tests/unit/test_decode_sched.c.
 */
#include <stdio.h>

#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"

/* strace reads at most this much of a mask. */
#define CPUMASK_MAX_BYTES (1024 * 1024 / 8)

/* `len` bytes of mask: "[0 1 7]", preformatted as sets are. */
static struct val *cpumask_at(struct decode_ctx *ctx, uint64_t addr, uint64_t len)
{
	struct arena *a = ctx_arena(ctx);

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (len > CPUMASK_MAX_BYTES)
		len = CPUMASK_MAX_BYTES;
	uint8_t *mask = arena_alloc(a, len ? len : 1);
	if (len && !mem_read_full(ctx, addr, mask, len))
		return val_ptr(a, NULL, addr);
	unsigned count = 0;
	for (uint64_t i = 0; i < len * 8; i++)
		count += (mask[i / 8] >> (i % 8)) & 1;
	char *text = arena_alloc(a, 3 + (size_t)count * 8);
	char *p = text;
	*p++ = '[';
	count = 0;
	for (uint64_t i = 0; i < len * 8; i++)
		if ((mask[i / 8] >> (i % 8)) & 1)
			p += sprintf(p, count++ ? " %llu" : "%llu", (unsigned long long)i);
	*p++ = ']';
	*p = '\0';
	return val_text(a, NULL, text);
}

/* sched_getaffinity(pid, len, mask): the kernel returns the bytes it wrote. */
void dec_sched_getaffinity(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		arg_int(ctx, NULL, args[0]);
		arg_ulong(ctx, args[1]);
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[2]);
	else
		ctx_arg(ctx, cpumask_at(ctx, args[2], (uint64_t)ev->rval));
}

/* sched_setaffinity(pid, len, mask) */
void dec_sched_setaffinity(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_int(ctx, NULL, args[0]);
	arg_ulong(ctx, args[1]);
	ctx_arg(ctx, cpumask_at(ctx, args[2], arch_word(ctx->arch, args[1])));
}
