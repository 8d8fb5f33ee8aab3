/*
 * arch_prctl, set_tid_address, set_robust_list, rseq, prlimit64, getrandom,
 * futex, uname (strace 6.1's formats; see tests/unit/test_decode_misc.c).
 */
#include <string.h>

#include "ctrace/decode_path.h"
#include "ctrace/decode_time.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_more.h"

#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

void dec_arch_prctl(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	struct arena *a = ctx_arena(ctx);
	uint32_t code = (uint32_t)args[0];
	bool getter = code == ARCH_GET_FS || code == ARCH_GET_GS;

	if (!ctx->exiting) {
		ctx_arg(ctx, val_enum(a, NULL, code, &xlat_arch_prctl_codes));
		if (getter)
			ev->entry_sep_pending = true;
		else
			arg_hex(ctx, NULL, arch_word(ctx->arch, args[1]));
		return;
	}
	uint64_t word;
	if (!getter)
		return;
	if (!ctx_failed(ctx) && mem_read_word(ctx, args[1], &word))
		ctx_arg(ctx, val_written(a, NULL, val_hex(a, NULL, word)));
	else
		arg_ptr(ctx, NULL, args[1]);
}

/* set_tid_address(tidptr) = the caller's tid. */
void dec_set_tid_address(struct decode_ctx *ctx)
{
	if (!ctx->exiting)
		arg_ptr(ctx, NULL, ctx->ev->args[0]);
}

/* set_robust_list(head, len) */
void dec_set_robust_list(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	arg_ptr(ctx, NULL, ctx->ev->args[0]);
	arg_ulong(ctx, ctx->ev->args[1]);
}

/* rseq(rseq, rseq_len, flags, sig): "rseq(0x7f..., 0x20, 0, 0x53053053)". */
void dec_rseq(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);

	if (ctx->exiting)
		return;
	arg_ptr(ctx, NULL, args[0]);
	ctx_arg(ctx, val_hex(a, NULL, (uint32_t)args[1]));
	if ((uint32_t)args[2] == 1)
		ctx_arg(ctx, val_sym(a, NULL, 1, VAL_HEX, "RSEQ_FLAG_UNREGISTER"));
	else
		ctx_arg(ctx, val_hex(a, NULL, (uint32_t)args[2]));
	ctx_arg(ctx, val_hex(a, NULL, (uint32_t)args[3]));
}

#define RLIM64_INFINITY (~0ULL)

static struct val *rlim_val(struct arena *a, const char *name, uint64_t v)
{
	if (v == RLIM64_INFINITY)
		return val_sym(a, name, v, VAL_UINT, "RLIM64_INFINITY");
	if (v && v % 1024 == 0)
		return val_sym(a, name, v, VAL_UINT,
			       arena_printf(a, "%llu*1024", (unsigned long long)(v / 1024)));
	return val_uint(a, name, v);
}

static struct val *rlimit64_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	uint64_t r[2];

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!mem_read_full(ctx, addr, r, sizeof(r)))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	val_add(s, rlim_val(a, "rlim_cur", r[0]));
	val_add(s, rlim_val(a, "rlim_max", r[1]));
	return s;
}

/* prlimit64(pid, resource, new_limit, old_limit) */
void dec_prlimit64(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		arg_int(ctx, NULL, args[0]);
		ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[1],
				      &xlat_rlimit_resources));
		ctx_arg(ctx, rlimit64_val(ctx, args[2]));
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[3]);
	else
		ctx_arg(ctx, rlimit64_val(ctx, args[3]));
}

/* getrandom(buf, len, flags): all at exit, the bytes in forced hex. */
void dec_getrandom(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (!ctx->exiting)
		return;
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[0]);
	else
		ctx_arg(ctx, hex_buffer_val(ctx, args[0], (uint64_t)ctx->ev->rval));
	arg_ulong(ctx, args[1]);
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[2], &xlat_getrandom_flags, 0));
}

#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK 127
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu

enum { F_WAIT = 0, F_WAKE = 1, F_FD = 2, F_REQUEUE = 3, F_CMP_REQUEUE = 4, F_WAKE_OP = 5,
       F_LOCK_PI = 6, F_UNLOCK_PI = 7, F_TRYLOCK_PI = 8, F_WAIT_BITSET = 9,
       F_WAKE_BITSET = 10, F_WAIT_REQUEUE_PI = 11, F_CMP_REQUEUE_PI = 12, F_LOCK_PI2 = 13 };

static struct val *futex_op_val(struct decode_ctx *ctx, uint32_t op)
{
	struct arena *a = ctx_arena(ctx);
	const char *name = xlat_name(&xlat_futex_ops, op & FUTEX_CMD_MASK);
	const char *text;

	if (!name)
		return val_hex(a, NULL, op);
	text = arena_printf(a, "%s%s", name, op & FUTEX_PRIVATE_FLAG ? "_PRIVATE" : "");
	if (op & FUTEX_CLOCK_REALTIME)
		text = arena_printf(a, "%s|FUTEX_CLOCK_REALTIME", text);
	if (op & ~(uint32_t)(FUTEX_CMD_MASK | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
		return val_hex(a, NULL, op);
	return val_sym(a, NULL, op, VAL_HEX, text);
}

static struct val *bitset_val(struct arena *a, uint32_t v)
{
	if (v == FUTEX_BITSET_MATCH_ANY)
		return val_sym(a, NULL, v, VAL_HEX, "FUTEX_BITSET_MATCH_ANY");
	return val_hex(a, NULL, v);
}

/* futex(uaddr, op, val, timeout|val2, uaddr2, val3): the arguments each op uses. */
void dec_futex(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	uint32_t op = (uint32_t)args[1];

	if (ctx->exiting)
		return;
	arg_ptr(ctx, NULL, args[0]);
	ctx_arg(ctx, futex_op_val(ctx, op));
	switch (op & FUTEX_CMD_MASK) {
	case F_WAIT:
		ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
		ctx_arg(ctx, timespec_at(ctx, args[3], time_word_size(ctx)));
		break;
	case F_WAKE:
	case F_FD:
		arg_int(ctx, NULL, args[2]);
		break;
	case F_WAIT_BITSET:
		ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
		ctx_arg(ctx, timespec_at(ctx, args[3], time_word_size(ctx)));
		ctx_arg(ctx, bitset_val(a, (uint32_t)args[5]));
		break;
	case F_WAKE_BITSET:
		arg_int(ctx, NULL, args[2]);
		ctx_arg(ctx, bitset_val(a, (uint32_t)args[5]));
		break;
	case F_REQUEUE:
		arg_int(ctx, NULL, args[2]);
		arg_int(ctx, NULL, args[3]);
		arg_ptr(ctx, NULL, args[4]);
		break;
	case F_CMP_REQUEUE:
	case F_CMP_REQUEUE_PI:
		arg_int(ctx, NULL, args[2]);
		arg_int(ctx, NULL, args[3]);
		arg_ptr(ctx, NULL, args[4]);
		arg_int(ctx, NULL, args[5]);
		break;
	case F_LOCK_PI:
	case F_LOCK_PI2:
		ctx_arg(ctx, timespec_at(ctx, args[3], time_word_size(ctx)));
		break;
	case F_UNLOCK_PI:
	case F_TRYLOCK_PI:
		break;
	case F_WAIT_REQUEUE_PI:
		ctx_arg(ctx, val_uint(a, NULL, (uint32_t)args[2]));
		ctx_arg(ctx, timespec_at(ctx, args[3], time_word_size(ctx)));
		arg_ptr(ctx, NULL, args[4]);
		break;
	default:
		arg_hex(ctx, NULL, args[2]);
		arg_hex(ctx, NULL, args[3]);
		arg_hex(ctx, NULL, args[4]);
		arg_hex(ctx, NULL, args[5]);
		break;
	}
}

/* struct utsname: six fields of 65 bytes. */
#define UTS_LEN 65
static const char *const uts_names[] = {
	"sysname", "nodename", "release", "version", "machine", "domainname",
};

void dec_uname(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	char *buf;

	if (!ctx->exiting)
		return;
	buf = arena_alloc(a, UTS_LEN * 6);
	if (ctx_failed(ctx) || !args[0] || !mem_read_full(ctx, args[0], buf, UTS_LEN * 6)) {
		arg_ptr(ctx, NULL, args[0]);
		return;
	}
	struct val *s = val_struct(a, NULL);
	unsigned n = ctx->opts->verbose ? 6 : 2;
	for (unsigned i = 0; i < n; i++) {
		const char *f = buf + i * UTS_LEN;
		size_t len = strnlen(f, UTS_LEN);
		bool trunc = len > ctx->opts->strsize;
		val_add(s, val_str(a, uts_names[i], f, trunc ? ctx->opts->strsize : len, trunc));
	}
	if (!ctx->opts->verbose)
		val_add(s, val_ellipsis(a));
	ctx_arg(ctx, s);
}

/*
 * struct sysinfo: uptime, loads[3] and six sizes in words, procs (u16), then
 * totalhigh, freehigh and mem_unit at word-aligned places.
 */
void dec_sysinfo(struct decode_ctx *ctx)
{
	static const char *const sizes[] = { "totalram", "freeram", "sharedram", "bufferram",
					     "totalswap", "freeswap" };
	const uint64_t addr = ctx->ev->args[0];
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->reg_size;
	uint64_t word[13];
	uint16_t procs;
	uint32_t mem_unit;

	if (!ctx->exiting)
		return;
	bool ok = !ctx_failed(ctx) && addr;
	for (unsigned i = 0; ok && i < 13; i++)
		ok = i == 10 || mem_read_kword(ctx, addr + i * w, &word[i]);
	ok = ok && mem_read_full(ctx, addr + 10 * w, &procs, sizeof(procs)) &&
	     mem_read_full(ctx, addr + 13 * w, &mem_unit, sizeof(mem_unit));
	if (!ok) {
		arg_ptr(ctx, NULL, addr);
		return;
	}
	struct val *s = val_struct(a, NULL);
	val_add(s, val_int(a, "uptime", ctx_kword_signed(ctx, word[0])));
	struct val *loads = val_add(s, val_array(a, "loads"));
	for (unsigned i = 1; i <= 3; i++)
		val_add(loads, val_uint(a, NULL, word[i]));
	for (unsigned i = 0; i < 6; i++)
		val_add(s, val_uint(a, sizes[i], word[4 + i]));
	val_add(s, val_uint(a, "procs", procs));
	val_add(s, val_uint(a, "totalhigh", word[11]));
	val_add(s, val_uint(a, "freehigh", word[12]));
	val_add(s, val_uint(a, "mem_unit", mem_unit));
	ctx_arg(ctx, s);
}
