/*
 * Calls that take little more than a file name: unlink, rmdir, chdir, mkdir,
 * chmod, rename, link, symlink and their *at forms, truncate, getcwd, umask,
 * and fadvise64 (strace 6.1's formats; see tests/unit/test_decode_path_calls.c).
 */
#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_more.h"

static struct val *mode_val(struct decode_ctx *ctx, uint64_t mode)
{
	return val_oct(ctx_arena(ctx), NULL, (uint32_t)mode);
}

/* unlink, rmdir, chdir, chroot: one path. */
void dec_path(struct decode_ctx *ctx)
{
	if (!ctx->exiting)
		arg_path(ctx, ctx->ev->args[0]);
}

/* mkdir, chmod, creat: a path and a mode. */
void dec_path_mode(struct decode_ctx *ctx)
{
	if (ctx->exiting) {
		if (ctx->ev->desc == &syscall_descs[SYS_creat])
			ctx->ev->rval_format = RVAL_FD;
		return;
	}
	arg_path(ctx, ctx->ev->args[0]);
	ctx_arg(ctx, mode_val(ctx, ctx->ev->args[1]));
}

/* rename, link, symlink: two paths. */
void dec_two_paths(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_path(ctx, ctx->ev->args[0]);
	arg_path(ctx, ctx->ev->args[1]);
}

/* mkdirat, fchmodat: dirfd, path, mode. */
void dec_at_path_mode(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_dirfd(ctx, ctx->ev->args[0]);
	arg_path(ctx, ctx->ev->args[1]);
	ctx_arg(ctx, mode_val(ctx, ctx->ev->args[2]));
}

/* unlinkat(dirfd, path, flags) */
void dec_unlinkat(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_dirfd(ctx, ctx->ev->args[0]);
	arg_path(ctx, ctx->ev->args[1]);
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)ctx->ev->args[2], &xlat_at_flags, 0));
}

/* renameat(olddirfd, oldpath, newdirfd, newpath) */
void dec_renameat(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_dirfd(ctx, ctx->ev->args[0]);
	arg_path(ctx, ctx->ev->args[1]);
	arg_dirfd(ctx, ctx->ev->args[2]);
	arg_path(ctx, ctx->ev->args[3]);
}

/* fchmod(fd, mode) */
void dec_fchmod(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_fdnum(ctx, ctx->ev->args[0]);
	ctx_arg(ctx, mode_val(ctx, ctx->ev->args[1]));
}

/* truncate(path, length), ftruncate(fd, length) */
void dec_truncate(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	if (ctx->ev->desc == &syscall_descs[SYS_ftruncate])
		arg_fdnum(ctx, ctx->ev->args[0]);
	else
		arg_path(ctx, ctx->ev->args[0]);
	arg_long(ctx, ctx->ev->args[1]);
}

/* getcwd(buf, size): the directory at exit. */
void dec_getcwd(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (!ctx->exiting)
		return;
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[0]);
	else
		ctx_arg(ctx, path_val(ctx, NULL, args[0]));
	arg_ulong(ctx, args[1]);
}

/* umask(mask) = the old mask, both in octal. */
void dec_umask(struct decode_ctx *ctx)
{
	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_OCTAL;
		return;
	}
	ctx_arg(ctx, mode_val(ctx, ctx->ev->args[0] & 0777));
}

/* fadvise64(fd, offset, len, advice): the 64-bit ABIs' form. */
void dec_fadvise64(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->arch->word_size != 8) {
		dec_generic(ctx);   /* i386 splits the offset into two registers */
		return;
	}
	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	arg_long(ctx, args[1]);
	arg_long(ctx, args[2]);
	ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[3], &xlat_fadvise_advice));
}

/* symlinkat(target, newdirfd, linkpath) */
void dec_symlinkat(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_path(ctx, ctx->ev->args[0]);
	arg_dirfd(ctx, ctx->ev->args[1]);
	arg_path(ctx, ctx->ev->args[2]);
}
