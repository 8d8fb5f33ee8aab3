/*
 * close_range and copy_file_range, as strace 6.1 prints them; see
 * tests/unit/test_decode_fd_calls.c.
 */
#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"

/* close_range(first, last, flags): the bounds are unsigned ints. */
void dec_close_range(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);

	if (ctx->exiting)
		return;
	ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[0]));
	ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[1]));
	ctx_arg(ctx, val_flags(a, NULL, (uint32_t)args[2], &xlat_close_range_flags, 0));
}

/* A loff_t the call reads and updates: "[0]", NULL, or the address. */
static struct val *offset_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	int64_t off;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!mem_read_full(ctx, addr, &off, sizeof(off)))
		return val_ptr(a, NULL, addr);
	return val_written(a, NULL, val_int(a, NULL, off));
}

/* copy_file_range(fd_in, off_in, fd_out, off_out, len, flags): all at entry. */
void dec_copy_file_range(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, offset_at(ctx, args[1]));
	arg_fdnum(ctx, args[2]);
	ctx_arg(ctx, offset_at(ctx, args[3]));
	arg_ulong(ctx, args[4]);
	arg_hex(ctx, NULL, (uint32_t)args[5]);
}
