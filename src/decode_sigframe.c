/*
 * rt_sigreturn and sigaltstack, as strace 6.1 prints them; see
 * tests/unit/test_decode_sigframe.c.
 *
 * rt_sigreturn restores the mask saved in the signal frame the kernel built
 * on the stack; at the call's entry the frame lies at a fixed distance from
 * the stack pointer, which the tracer hands over with the registers
 * (ev->stack_pointer) and the architecture descriptor gives
 * (arch->rt_sigframe_mask).  Reading it is then a plain memory read.
 */
#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"

/* The kernel's sigset_t in a signal frame: 64 signals on every arch ctrace knows. */
#define FRAME_SIGSET_BYTES 8

/* rt_sigreturn(): "rt_sigreturn({mask=[INT USR2]})". */
void dec_rt_sigreturn(struct decode_ctx *ctx)
{
	struct arena *a = ctx_arena(ctx);
	uint64_t sp = ctx->ev->stack_pointer;

	if (ctx->exiting || !sp || !ctx->arch->rt_sigframe_mask)
		return;     /* no frame to find: strace's "rt_sigreturn()" */
	uint64_t addr = arch_word(ctx->arch, sp + ctx->arch->rt_sigframe_mask);
	struct val *s = ctx_arg(ctx, val_struct(a, NULL));
	struct val *m = val_add(s, sigset_at(ctx, addr, FRAME_SIGSET_BYTES));
	m->name = "mask";
}

/* sigreturn() on i386: "sigreturn({mask=[USR2]})", the mask in two 32-bit halves. */
void dec_sigreturn(struct decode_ctx *ctx)
{
	struct arena *a = ctx_arena(ctx);
	uint64_t sp = ctx->ev->stack_pointer;
	uint32_t half[2];

	if (ctx->exiting || !sp || !ctx->arch->sigframe_oldmask)
		return;
	uint64_t lo = arch_word(ctx->arch, sp + ctx->arch->sigframe_oldmask);
	uint64_t hi = arch_word(ctx->arch, sp + ctx->arch->sigframe_extramask);
	struct val *s = ctx_arg(ctx, val_struct(a, NULL));
	struct val *m;
	if (mem_read_full(ctx, lo, &half[0], 4) && mem_read_full(ctx, hi, &half[1], 4))
		m = val_add(s, sigset_val(ctx, (const uint8_t *)half, sizeof(half)));
	else
		m = val_add(s, val_ptr(a, NULL, lo));
	m->name = "mask";
}

/* stack_t: void *ss_sp; int ss_flags; size_t ss_size, in tracee words. */
static struct val *stack_t_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	uint64_t sp, size;
	uint32_t flags;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!mem_read_word(ctx, addr, &sp) ||
	    !mem_read_full(ctx, addr + w, &flags, sizeof(flags)) ||
	    !mem_read_word(ctx, addr + 2 * w, &size))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	val_add(s, val_ptr(a, "ss_sp", sp));
	val_add(s, val_flags(a, "ss_flags", flags, &xlat_sigaltstack_flags, 0));
	val_add(s, val_uint(a, "ss_size", size));
	return s;
}

/* sigaltstack(ss, old_ss): the old stack at exit. */
void dec_sigaltstack(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (!ctx->exiting) {
		ctx_arg(ctx, stack_t_at(ctx, args[0]));
		ctx->ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[1]);
	else
		ctx_arg(ctx, stack_t_at(ctx, args[1]));
}
