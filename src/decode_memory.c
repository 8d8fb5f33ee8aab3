/*
 * mmap, mmap2, munmap, mprotect, brk: addresses in hex, lengths in decimal,
 * the mapping returned in hex (strace 6.1; see tests/unit/test_decode_memory.c).
 */
#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"
#include "ctrace/xlat_more.h"

/*
 * A mapping address in hex.  The driver sign-extends a 32-bit tracee's return
 * register (its errors are negative); an address above 2 GiB is not one.
 */
static void rval_address(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;

	ev->rval_format = RVAL_HEX;
	if (!ctx_failed(ctx))
		ev->rval = (int64_t)arch_word(ctx->arch, (uint64_t)ev->rval);
}

static struct val *prot_val(struct decode_ctx *ctx, uint64_t prot)
{
	return flags_or_zero(ctx, (uint32_t)prot, &xlat_mmap_prot, "PROT_NONE");
}

/* mmap(addr, length, prot, flags, fd, offset); mmap2's offset is in pages, also hex. */
void dec_mmap(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);

	if (ctx->exiting) {
		rval_address(ctx);
		return;
	}
	arg_ptr(ctx, NULL, args[0]);
	arg_ulong(ctx, args[1]);
	ctx_arg(ctx, prot_val(ctx, args[2]));
	struct val *flags = ctx_arg(ctx, val_flags(a, NULL, (uint32_t)args[3], &xlat_mmap_flags, 0));
	/* the sharing type first, MAP_FILE for 0, as strace 6.1 */
	flags->flags.field_mask = 0xf;
	flags->flags.field_xlat = &xlat_mmap_types;
	flags->flags.field_unknown_first = true;
	/* MAP_HUGETLB's page size: log2 in bits 26..31, "2<<MAP_HUGE_SHIFT" */
	flags->flags.shifted_mask = 0x3fu << 26;
	flags->flags.shifted_name = "MAP_HUGE_SHIFT";
	arg_fdnum(ctx, args[4]);
	arg_hex(ctx, NULL, arch_word(ctx->arch, args[5]));
}

void dec_munmap(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_ptr(ctx, NULL, ctx->ev->args[0]);
	arg_ulong(ctx, ctx->ev->args[1]);
}

void dec_mprotect(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_ptr(ctx, NULL, ctx->ev->args[0]);
	arg_ulong(ctx, ctx->ev->args[1]);
	ctx_arg(ctx, prot_val(ctx, ctx->ev->args[2]));
}

void dec_brk(struct decode_ctx *ctx)
{
	if (ctx->exiting) {
		rval_address(ctx);
		return;
	}
	arg_ptr(ctx, NULL, ctx->ev->args[0]);
}

/* madvise(addr, length, advice) */
void dec_madvise(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_ptr(ctx, NULL, ctx->ev->args[0]);
	arg_ulong(ctx, ctx->ev->args[1]);
	ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)ctx->ev->args[2],
			      &xlat_madvise_advice));
}

/* mremap(old, old_size, new_size, flags[, new_address]): the address only with MREMAP_FIXED. */
#define MREMAP_FIXED_BIT 2

void dec_mremap(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting) {
		rval_address(ctx);
		return;
	}
	arg_ptr(ctx, NULL, args[0]);
	arg_ulong(ctx, args[1]);
	arg_ulong(ctx, args[2]);
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[3], &xlat_mremap_flags, 0));
	if (args[3] & MREMAP_FIXED_BIT)
		arg_ptr(ctx, NULL, args[4]);
}
