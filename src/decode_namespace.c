/*
 * unshare(2) and setns(2): everything is known at entry, as strace 6.1 shows
 * (tests/unit/test_decode_namespace.c holds the lines it printed):
 *
 *   unshare(CLONE_FILES|CLONE_NEWNS)        = 0
 *   setns(5, CLONE_NEWNET)                  = -1 EBADF (Bad file descriptor)
 *
 * A value with no known bit gets the table's comment, "CLONE_???" for
 * unshare and "CLONE_NEW???" for setns; zero prints as 0.
 */
#include "ctrace/decode.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat.h"


void dec_unshare(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	/* All the bits of the register: strace does not cut them to an int. */
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, ctx->ev->args[0], &xlat_unshare_flags, 0));
}

void dec_setns(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	ctx_arg(ctx, ctx_fd_val(ctx, NULL, (int32_t)ctx->ev->args[0]));
	/* nstype is an int: bits above 31 are dropped, as strace does. */
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)ctx->ev->args[1],
			       &xlat_setns_types, 0));
}
