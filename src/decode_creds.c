/*
 * User and group ids: setuid, setgid, setresuid, setresgid, getresuid,
 * getresgid, chown, lchown, fchown, fchownat (and i386's 16-bit and *32
 * forms), as strace 6.1 prints them: an id is unsigned decimal, except the
 * "unchanged" id (uid_t)-1, which prints as -1.  See
 * tests/unit/test_decode_creds.c.
 */
#include <string.h>

#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"
#include "ctrace/xlat_more.h"

/*
 * i386's calls without the "32" suffix take 16-bit ids (the *32 calls
 * came later); every other arch has 32-bit ids under the plain names.
 */
static bool ids_are_16bit(const struct decode_ctx *ctx)
{
	const char *name = ctx->ev->desc->name;
	size_t n = strlen(name);

	return arch_syscall_number(ctx->arch, SYS_chown32) >= 0 &&
	       !(n > 2 && !strcmp(name + n - 2, "32"));
}

static struct val *id_val(struct decode_ctx *ctx, uint64_t raw)
{
	struct arena *a = ctx_arena(ctx);
	uint32_t id = ids_are_16bit(ctx) ? (uint16_t)raw : (uint32_t)raw;
	uint32_t none = ids_are_16bit(ctx) ? 0xffff : 0xffffffff;

	if (id == none)
		return val_int(a, NULL, -1);
	return val_uint(a, NULL, id);
}

/* setuid(uid), setgid(gid), setresuid(r, e, s), setreuid(r, e), ... */
void dec_setid(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	for (unsigned i = 0; i < ctx->ev->desc->nargs; i++)
		ctx_arg(ctx, id_val(ctx, ctx->ev->args[i]));
}

/* getresuid(&r, &e, &s), getresgid: "[0]" each, at exit. */
void dec_getresid(struct decode_ctx *ctx)
{
	struct arena *a = ctx_arena(ctx);
	unsigned size = ids_are_16bit(ctx) ? 2 : 4;

	if (!ctx->exiting)
		return;
	for (unsigned i = 0; i < 3; i++) {
		uint64_t addr = ctx->ev->args[i];
		uint32_t id = 0;
		if (ctx_failed(ctx) || !addr || !mem_read_full(ctx, addr, &id, size))
			arg_ptr(ctx, NULL, addr);
		else
			ctx_arg(ctx, val_written(a, NULL, id_val(ctx, id)));
	}
}

/* chown(path, uid, gid), lchown */
void dec_chown(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_path(ctx, ctx->ev->args[0]);
	ctx_arg(ctx, id_val(ctx, ctx->ev->args[1]));
	ctx_arg(ctx, id_val(ctx, ctx->ev->args[2]));
}

/* fchown(fd, uid, gid) */
void dec_fchown(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_fdnum(ctx, ctx->ev->args[0]);
	ctx_arg(ctx, id_val(ctx, ctx->ev->args[1]));
	ctx_arg(ctx, id_val(ctx, ctx->ev->args[2]));
}

/* fchownat(dirfd, path, uid, gid, flags) */
void dec_fchownat(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_dirfd(ctx, args[0]);
	arg_path(ctx, args[1]);
	ctx_arg(ctx, id_val(ctx, args[2]));
	ctx_arg(ctx, id_val(ctx, args[3]));
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[4], &xlat_at_flags, 0));
}

/* getgroups(size, list): the ids the kernel wrote ("[0, 4, 24]", -s of them at most). */
void dec_getgroups(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	unsigned size = ids_are_16bit(ctx) ? 2 : 4;

	if (!ctx->exiting) {
		arg_int(ctx, NULL, args[0]);
		ctx->ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx) || !args[1] || (int32_t)args[0] == 0) {
		arg_ptr(ctx, NULL, args[1]);
		return;
	}
	struct val *arr = val_array(a, NULL);
	for (int64_t i = 0; i < ctx->ev->rval; i++) {
		uint32_t id = 0;
		if ((uint64_t)i >= ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		if (!mem_read_full(ctx, args[1] + (uint64_t)i * size, &id, size)) {
			if (!i) {
				arg_ptr(ctx, NULL, args[1]);
				return;
			}
			val_add(arr, val_ptr(a, NULL, args[1] + (uint64_t)i * size));
			break;
		}
		val_add(arr, id_val(ctx, id));
	}
	ctx_arg(ctx, arr);
}

/* setpgid(pid, pgid), getpgid(pid), getsid(pid): pids in decimal. */
void dec_pids(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	for (unsigned i = 0; i < ctx->ev->desc->nargs; i++)
		arg_int(ctx, NULL, ctx->ev->args[i]);
}

/* setpriority(which, who, prio), getpriority(which, who) */
void dec_priority(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[0], &xlat_priority_which));
	for (unsigned i = 1; i < ctx->ev->desc->nargs; i++)
		arg_int(ctx, NULL, args[i]);
}
