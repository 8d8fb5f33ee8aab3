/*
 * Process file descriptors: pidfd_open, pidfd_send_signal, pidfd_getfd, as
 * strace 6.1 prints them.  The fds they take and return are fd values, so
 * that -y shows "9<anon_inode:[pidfd]>".
 */
#include "ctrace/decode_path.h"
#include "ctrace/siginfo.h"
#include "ctrace/syscalls.h"

/* The kernel's siginfo_t is 128 bytes on every architecture. */
#define SIGINFO_SIZE 128

/* PIDFD_NONBLOCK is O_NONBLOCK, whose value is the same on x86, arm64 and i386. */
static const struct xlat_entry pidfd_open_flag_entries[] = {
	{ 04000, "PIDFD_NONBLOCK" },
	{ 0, NULL },
};
static const struct xlat xlat_pidfd_open_flags = { pidfd_open_flag_entries, "PIDFD_???" };

/* pidfd_open(pid, flags) = fd */
void dec_pidfd_open(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;
		return;
	}
	arg_int(ctx, NULL, args[0]);
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[1], &xlat_pidfd_open_flags, 0));
}

/* pidfd_send_signal(pidfd, sig, info, flags) */
void dec_pidfd_send_signal(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	uint8_t info[SIGINFO_SIZE];

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, val_signal(a, NULL, (uint32_t)args[1]));
	if (args[2] && mem_read_full(ctx, args[2], info, sizeof(info)))
		ctx_arg(ctx, decode_siginfo(a, info, sizeof(info), ctx->arch->word_size));
	else
		arg_ptr(ctx, NULL, args[2]);
	ctx_arg(ctx, val_hex(a, NULL, (uint32_t)args[3]));
}

/* pidfd_getfd(pidfd, targetfd, flags) = fd: targetfd is the other process's
 * number, printed as a plain int. */
void dec_pidfd_getfd(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;
		return;
	}
	arg_fdnum(ctx, args[0]);
	arg_int(ctx, NULL, args[1]);
	ctx_arg(ctx, val_hex(ctx_arena(ctx), NULL, (uint32_t)args[2]));
}
