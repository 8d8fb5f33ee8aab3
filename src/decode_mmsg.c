/*
 * sendmmsg and recvmmsg: arrays of struct mmsghdr (a msghdr and the msg_len
 * the kernel writes), printed at exit as strace 6.1 does, with recvmmsg's
 * timeout as passed in and what is left of it as "(left {...})".
 */
#include <string.h>

#include "ctrace/decode_net.h"
#include "ctrace/decode_path.h"
#include "ctrace/print.h"
#include "ctrace/syscalls.h"

/* A bound on the entries walked under -v, where nothing else stops a huge vlen. */
#define MMSG_WALK_MAX (1u << 16)

/* scratch[] slots kept from entry to exit. */
enum { MM_NAMELENS, MM_NNAMELENS, MM_TIMEOUT };

/* msghdr + unsigned msg_len, padded to a word: 64 bytes, or 32 on 32-bit ABIs. */
static unsigned mmsghdr_size(const struct decode_ctx *ctx)
{
	unsigned w = ctx->arch->word_size;

	return (MSGHDR_SIZE(w) + 4 + w - 1) & ~(w - 1);
}

/*
 * `count` entries at `addr`; the first `with_len` show msg_len.  For
 * recvmmsg, the data shown is each entry's msg_len and `namelens` holds the
 * msg_namelen the caller passed (NULL for sendmmsg: buffers whole).
 */
static struct val *mmsgvec_val(struct decode_ctx *ctx, uint64_t addr, uint64_t count,
			       uint64_t with_len, const int32_t *namelens, uint64_t nnamelens)
{
	struct arena *a = ctx_arena(ctx);
	unsigned size = mmsghdr_size(ctx);

	if (!addr)
		return val_ptr(a, NULL, 0);
	struct val *arr = val_array(a, NULL);
	for (uint64_t i = 0; i < count; i++) {
		uint64_t at = addr + i * size;
		uint32_t msg_len;
		if (!mem_read_full(ctx, at + MSGHDR_SIZE(ctx->arch->word_size), &msg_len,
				   sizeof(msg_len))) {
			if (i == 0)
				return val_ptr(a, NULL, addr);
			val_add(arr, val_ellipsis(a))->comment =
				arena_printf(a, "%#llx", (unsigned long long)at);
			break;
		}
		if ((!ctx->opts->verbose && i >= ctx->opts->strsize) || i >= MMSG_WALK_MAX) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		const int32_t *namelen = namelens && i < nnamelens ? &namelens[i] : NULL;
		struct val *e = val_add(arr, val_struct(a, NULL));
		val_add(e,
			msghdr_val(ctx, "msg_hdr", at, namelen, namelens ? msg_len : UINT64_MAX));
		if (i < with_len)
			val_add(e, val_uint(a, "msg_len", msg_len));
	}
	return arr;
}

/* sendmmsg(fd, msgvec, vlen, flags): the fd at entry, the rest at exit
 * (the kernel writes each msg_len). */
void dec_sendmmsg(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ev->entry_sep_pending = true;
		return;
	}
	uint64_t sent = ctx_failed(ctx) ? 0 : (uint64_t)ev->rval;
	ctx_arg(ctx, mmsgvec_val(ctx, args[1], (uint32_t)args[2], sent, NULL, 0));
	ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
	ctx_arg(ctx, msg_flags_val(ctx, NULL, args[3]));
}

/* struct timespec: kernel longs, or 64-bit words for the *_time64 calls. */
static struct val *timeout_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	bool time64 = ctx->ev->desc == &syscall_descs[SYS_recvmmsg_time64];
	uint64_t sec = 0, nsec = 0;    /* read only when the words were */
	bool ok;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (time64) {
		uint64_t t[2];
		ok = mem_read_full(ctx, addr, t, sizeof(t));
		sec = t[0];
		nsec = t[1];
	} else {
		unsigned w = ctx->arch->reg_size;
		ok = mem_read_kword(ctx, addr, &sec) && mem_read_kword(ctx, addr + w, &nsec);
		sec = (uint64_t)ctx_kword_signed(ctx, sec);
		nsec = (uint64_t)ctx_kword_signed(ctx, nsec);
	}
	if (!ok)
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	val_add(s, val_int(a, "tv_sec", (int64_t)sec));
	val_add(s, val_int(a, "tv_nsec", (int64_t)nsec));
	return s;
}

/* recvmmsg(fd, msgvec, vlen, flags, timeout): the fd at entry; at exit the
 * messages received, or the address after a failure. */
void dec_recvmmsg(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);
	unsigned size = mmsghdr_size(ctx);

	if (!ctx->exiting) {
		/* The caller's msg_namelen of each entry -s can show, and the
		 * timeout as passed: both live in the event's arena until exit. */
		uint64_t vlen = (uint32_t)args[2];
		uint64_t n = ctx->opts->verbose
				     ? vlen
				     : (vlen < ctx->opts->strsize ? vlen : ctx->opts->strsize);
		if (n > 1024)
			n = 1024;
		int32_t *namelens = arena_alloc(a, (n ? n : 1) * sizeof(*namelens));
		uint64_t got = 0;
		for (; args[1] && got < n; got++)
			if (!mem_read_full(ctx, args[1] + got * size + ctx->arch->word_size,
					   &namelens[got], sizeof(namelens[got])))
				break;
		arg_fdnum(ctx, args[0]);
		ev->scratch[MM_NAMELENS] = (uintptr_t)namelens;
		ev->scratch[MM_NNAMELENS] = got;
		ev->scratch[MM_TIMEOUT] = (uintptr_t)timeout_val(ctx, args[4]);
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[1]);
	else
		ctx_arg(ctx, mmsgvec_val(ctx, args[1], (uint64_t)ev->rval, (uint64_t)ev->rval,
					 (const int32_t *)(uintptr_t)ev->scratch[MM_NAMELENS],
					 ev->scratch[MM_NNAMELENS]));
	ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
	ctx_arg(ctx, msg_flags_val(ctx, NULL, args[3]));
	ctx_arg(ctx, (struct val *)(uintptr_t)ev->scratch[MM_TIMEOUT]);
	if (ctx_failed(ctx))
		return;
	if (ev->rval == 0) {
		ev->rval_comment = "Timeout";
		return;
	}
	if (args[4]) {
		struct val *left = timeout_val(ctx, args[4]);
		struct strbuf sb = STRBUF_INIT;
		strace_format_val(&sb, left);
		ev->rval_comment = arena_printf(a, "left %s", strbuf_str(&sb));
		strbuf_free(&sb);
	}
}
