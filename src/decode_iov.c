/*
 * readv, writev, preadv, pwritev, preadv2, pwritev2: the iovec array as
 * strace 6.1 prints it, [{iov_base="abc", iov_len=3}, ...], each buffer cut
 * at -s and the array after -s elements; a read shows only the bytes the
 * call returned, spread over the buffers in order.  See
 * tests/unit/test_decode_iov.c.
 */
#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"

static bool is_id(const struct decode_ctx *ctx, enum syscall_id id)
{
	return ctx->ev->desc == &syscall_descs[id];
}

/* `data`: how many bytes the buffers hold (UINT64_MAX: all of each). */
static struct val *iovec_array_at(struct decode_ctx *ctx, uint64_t addr, uint64_t count,
				  uint64_t data)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	uint64_t base, len;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (count && (!mem_read_word(ctx, addr, &base) || !mem_read_word(ctx, addr + w, &len)))
		return val_ptr(a, NULL, addr);
	struct val *arr = val_array(a, NULL);
	for (uint64_t i = 0; i < count; i++) {
		uint64_t at = addr + i * 2 * w;
		if (i >= ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		if (!mem_read_word(ctx, at, &base) || !mem_read_word(ctx, at + w, &len)) {
			val_add(arr, val_ptr(a, NULL, at));
			break;
		}
		uint64_t shown = len < data ? len : data;
		if (data != UINT64_MAX)
			data -= shown;
		struct val *s = val_add(arr, val_struct(a, NULL));
		struct val *b = val_add(s, buffer_val(ctx, base, shown));
		b->name = "iov_base";
		val_add(s, val_uint(a, "iov_len", len));
	}
	return arr;
}

/* The offset of the p* forms: i386 passes it in two registers, low first. */
static void offset_arg(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	int64_t off;

	if (ctx->arch->reg_size == 4)
		off = (int64_t)((args[3] & 0xffffffffu) | (args[4] << 32));
	else
		off = (int64_t)args[3];
	ctx_arg(ctx, val_int(ctx_arena(ctx), NULL, off));
}

/* What follows the array: count, then the offset and flags of the p* forms. */
static void iov_tail(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	bool v2 = is_id(ctx, SYS_preadv2) || is_id(ctx, SYS_pwritev2);

	arg_ulong(ctx, args[2]);
	if (is_id(ctx, SYS_readv) || is_id(ctx, SYS_writev))
		return;
	offset_arg(ctx);
	if (v2)
		ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[5],
				       &xlat_rwf_flags, 0));
}

/* readv, preadv, preadv2: the fd at entry, the buffers at exit. */
void dec_readv(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	uint64_t count = arch_word(ctx->arch, args[2]);

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[1]);
	else
		ctx_arg(ctx, iovec_array_at(ctx, args[1], count, (uint64_t)ev->rval));
	iov_tail(ctx);
}

/* writev, pwritev, pwritev2: everything at entry. */
void dec_writev(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, iovec_array_at(ctx, args[1], arch_word(ctx->arch, args[2]), UINT64_MAX));
	iov_tail(ctx);
}
