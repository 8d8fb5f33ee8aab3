/*
 * rt_sigaction, rt_sigprocmask, kill, tkill, tgkill (strace 6.1's formats;
 * see tests/unit/test_decode_signal_calls.c).
 */
#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_more.h"

#define SA_RESTORER_BIT 0x04000000u

/*
 * The kernel's struct sigaction: handler, flags, restorer (words), then the
 * 8-byte mask, on x86_64, i386 and aarch64 alike.
 */
static struct val *sigaction_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	uint64_t handler, flags, restorer;
	uint8_t mask[8];

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!mem_read_word(ctx, addr, &handler) || !mem_read_word(ctx, addr + w, &flags) ||
	    !mem_read_word(ctx, addr + 2 * w, &restorer) ||
	    !mem_read_full(ctx, addr + 3 * w, mask, sizeof(mask)))
		return val_ptr(a, NULL, addr);

	struct val *s = val_struct(a, NULL);
	const char *hname = xlat_name(&xlat_sa_handlers, handler);
	if (hname)
		val_add(s, val_sym(a, "sa_handler", handler, VAL_HEX, hname));
	else
		val_add(s, val_ptr(a, "sa_handler", handler));
	struct val *m = val_add(s, sigset_val(ctx, mask, sizeof(mask)));
	m->name = "sa_mask";
	val_add(s, val_flags(a, "sa_flags", flags, &xlat_sa_flags, 0));
	if (flags & SA_RESTORER_BIT)
		val_add(s, val_ptr(a, "sa_restorer", restorer));
	return s;
}

/* rt_sigaction(sig, act, oldact, sigsetsize) */
void dec_rt_sigaction(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		ctx_arg(ctx, val_signal(ctx_arena(ctx), NULL, (uint32_t)args[0]));
		ctx_arg(ctx, sigaction_val(ctx, args[1]));
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[2]);
	else
		ctx_arg(ctx, sigaction_val(ctx, args[2]));
	arg_ulong(ctx, args[3]);
}

/* rt_sigprocmask(how, set, oldset, sigsetsize) */
void dec_rt_sigprocmask(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	uint64_t size = arch_word(ctx->arch, args[3]);

	if (!ctx->exiting) {
		ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[0], &xlat_sigprocmask_how));
		ctx_arg(ctx, sigset_at(ctx, args[1], size));
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[2]);
	else
		ctx_arg(ctx, sigset_at(ctx, args[2], size));
	arg_ulong(ctx, args[3]);
}

/* kill(pid, sig), tkill(tid, sig), tgkill(tgid, tid, sig) */
void dec_kill(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	unsigned nargs = ctx->ev->desc->nargs;

	if (ctx->exiting)
		return;
	for (unsigned i = 0; i + 1 < nargs; i++)
		arg_int(ctx, NULL, args[i]);
	ctx_arg(ctx, val_signal(ctx_arena(ctx), NULL, (uint32_t)args[nargs - 1]));
}

/* rt_sigsuspend(mask, sigsetsize): the mask it waits with. */
void dec_rt_sigsuspend(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	ctx_arg(ctx, sigset_at(ctx, args[0], arch_word(ctx->arch, args[1])));
	arg_ulong(ctx, args[1]);
}
