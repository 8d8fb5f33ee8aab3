/*
 * Decoders for program execution, exit and waiting, and the generic decoder
 * for every syscall ctrace does not decode.
 *
 * Formats follow strace 6.1's output (see the expected strings in
 * tests/unit/test_decode_process.c): what is known at entry is appended at
 * entry, what the kernel writes back is appended at exit.
 */

#include "ctrace/decode.h"
#include "ctrace/decode_path.h"
#include "ctrace/siginfo.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"

/* strace prints undecoded calls of an unknown number with this many arguments. */
#define UNKNOWN_SYSCALL_NARGS 6


/*
 * Undecoded: every argument in hex, all at entry (the kernel's writes are
 * unknown, so there is nothing to add at exit).
 */
void dec_generic(struct decode_ctx *ctx)
{
	const struct syscall_event *ev = ctx->ev;
	unsigned nargs = ev->desc ? ev->desc->nargs : UNKNOWN_SYSCALL_NARGS;

	if (ctx->exiting)
		return;
	for (unsigned i = 0; i < nargs && i < 6; i++)
		arg_hex(ctx, NULL, ev->args[i]);
}

/*
 * The next word of a NULL-terminated pointer array.  False when the array
 * runs into unreadable memory or wraps around the address space.
 */
static bool array_word(struct decode_ctx *ctx, uint64_t base, uint64_t n, uint64_t *word,
		       uint64_t *where)
{
	uint64_t w = ctx->arch->word_size;
	uint64_t addr = arch_word(ctx->arch, base + n * w);

	*where = addr;
	if (n && addr <= arch_word(ctx->arch, base + (n - 1) * w))
		return false;
	return mem_read_word(ctx, addr, word);
}

/*
 * argv (and envp with -v): ["sh", "-c", ...].  Without -v strace shows at most
 * -s elements, then "...".  An array running into unreadable memory ends in
 * "... slash-star address star-slash"; one unreadable from the start prints as its address.
 */
static struct val *string_array(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);

	if (!addr)
		return val_ptr(a, NULL, 0);

	struct val *arr = val_array(a, NULL);
	for (uint64_t n = 0;; n++) {
		uint64_t word, where;
		if (!array_word(ctx, addr, n, &word, &where)) {
			if (n == 0)
				return val_ptr(a, NULL, addr);
			struct val *more = val_add(arr, val_ellipsis(a));
			more->comment = arena_printf(a, "%#llx", (unsigned long long)where);
			break;
		}
		if (!word)
			break;
		if (!ctx->opts->verbose && n + 1 > ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		val_add(arr, string_val(ctx, NULL, word));
	}
	return arr;
}

/* envp without -v: the address and a count, "0x7ffd... slash-star 37 vars star-slash". */
static struct val *string_array_count(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	struct val *v = val_ptr(a, NULL, addr);
	uint64_t n, word, where;
	bool unterminated = false;

	if (!addr)
		return v;
	for (n = 0;; n++) {
		if (!array_word(ctx, addr, n, &word, &where)) {
			if (n == 0)
				return v;       /* unreadable: no count to tell */
			unterminated = true;
			break;
		}
		if (!word)
			break;
	}
	v->comment = arena_printf(a, "%llu var%s%s", (unsigned long long)n, n == 1 ? "" : "s",
				  unterminated ? ", unterminated" : "");
	return v;
}

static void decode_exec_args(struct decode_ctx *ctx, const uint64_t *args)
{
	ctx_arg(ctx, path_val(ctx, NULL, args[0]));
	ctx_arg(ctx, string_array(ctx, args[1]));
	ctx_arg(ctx, ctx->opts->verbose ? string_array(ctx, args[2])
					: string_array_count(ctx, args[2]));
}

/* Everything at entry: after a successful execve the old memory is gone. */
void dec_execve(struct decode_ctx *ctx)
{
	if (!ctx->exiting)
		decode_exec_args(ctx, ctx->ev->args);
}

static const struct xlat_entry execveat_flag_entries[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0, NULL }
};
static const struct xlat xlat_execveat_flags = { execveat_flag_entries, "AT_???" };

void dec_execveat(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);

	if (ctx->exiting)
		return;
	arg_dirfd(ctx, args[0]);
	decode_exec_args(ctx, args + 1);
	ctx_arg(ctx, val_flags(a, NULL, (uint32_t)args[4], &xlat_execveat_flags, 0));
}

/* exit, exit_group: the status as the C int it is. */
void dec_exit(struct decode_ctx *ctx)
{
	if (!ctx->exiting)
		arg_int(ctx, NULL, ctx->ev->args[0]);
}

/*
 * struct rusage: two struct timevals and fourteen longs, all words of the
 * tracee's size.  Without -v strace shows the times and "...".
 */
static const char *const rusage_long_names[] = {
	"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap",
	"ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw",
	"ru_nivcsw",
};
#define RUSAGE_WORDS (4 + sizeof(rusage_long_names) / sizeof(rusage_long_names[0]))

static struct val *timeval_val(struct decode_ctx *ctx, const char *name, const uint64_t *w)
{
	struct arena *a = ctx_arena(ctx);
	struct val *tv = val_struct(a, name);

	val_add(tv, val_int(a, "tv_sec", ctx_word_signed(ctx, w[0])));
	val_add(tv, val_int(a, "tv_usec", ctx_word_signed(ctx, w[1])));
	return tv;
}

static struct val *rusage_val(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	uint64_t w[RUSAGE_WORDS];

	if (!addr)
		return val_ptr(a, NULL, 0);
	for (size_t i = 0; i < RUSAGE_WORDS; i++)
		if (!mem_read_word(ctx, addr + i * ctx->arch->word_size, &w[i]))
			return val_ptr(a, NULL, addr);

	struct val *ru = val_struct(a, NULL);
	val_add(ru, timeval_val(ctx, "ru_utime", &w[0]));
	val_add(ru, timeval_val(ctx, "ru_stime", &w[2]));
	if (!ctx->opts->verbose) {
		val_add(ru, val_ellipsis(a));
		return ru;
	}
	for (size_t i = 0; i < RUSAGE_WORDS - 4; i++)
		val_add(ru, val_int(a, rusage_long_names[i], ctx_word_signed(ctx, w[4 + i])));
	return ru;
}

/*
 * wait4(pid, status, options, rusage).  The pid prints at entry followed by
 * its ", " (so a blocked call shows as "wait4(-1,  <unfinished ...>"), the rest
 * at exit.  The status is shown only when a child was reaped: a call that
 * failed or returned 0 under WNOHANG wrote nothing, so it prints as the address.
 */
void dec_wait4(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	struct arena *a = ctx_arena(ctx);
	const uint64_t *args = ev->args;

	if (!ctx->exiting) {
		arg_int(ctx, NULL, args[0]);
		ev->entry_sep_pending = true;
		return;
	}

	ev->rval_format = RVAL_TID;
	int32_t status;
	if (args[1] && ev->rval > 0 && !ctx_failed(ctx) &&
	    mem_read_full(ctx, args[1], &status, sizeof(status)))
		ctx_arg(ctx, val_written(a, NULL, decode_wait_status(a, status)));
	else
		arg_ptr(ctx, NULL, args[1]);

	/* options is an int: bits above 31 never reach the kernel. */
	ctx_arg(ctx, val_flags(a, NULL, (uint32_t)args[2], &xlat_wait4_options, 0));

	if (ev->rval > 0 && !ctx_failed(ctx))
		ctx_arg(ctx, rusage_val(ctx, args[3]));
	else
		arg_ptr(ctx, NULL, args[3]);
}

/* The kernel's siginfo_t: 128 bytes on every architecture. */
#define SIGINFO_BYTES 128

/*
 * waitid(idtype, id, infop, options, rusage): like wait4, the type and id at
 * entry with a pending ", ", the rest at exit.  A WNOHANG call that found no
 * child leaves the siginfo zeroed: "{}".
 */
void dec_waitid(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	struct arena *a = ctx_arena(ctx);
	const uint64_t *args = ev->args;
	uint8_t info[SIGINFO_BYTES];

	if (!ctx->exiting) {
		ctx_arg(ctx, val_enum(a, NULL, (uint32_t)args[0], &xlat_waitid_types));
		arg_int(ctx, NULL, args[1]);
		ev->entry_sep_pending = true;
		return;
	}
	if (!args[2])
		arg_ptr(ctx, NULL, 0);
	else if (ctx_failed(ctx) || !mem_read_full(ctx, args[2], info, sizeof(info)))
		arg_ptr(ctx, NULL, args[2]);
	else
		ctx_arg(ctx, decode_siginfo(a, info, sizeof(info), ctx->arch->word_size));
	ctx_arg(ctx, val_flags(a, NULL, (uint32_t)args[3], &xlat_wait4_options, 0));
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[4]);
	else
		ctx_arg(ctx, rusage_val(ctx, args[4]));
}

/* getrusage(who, usage): RUSAGE_SELF, RUSAGE_CHILDREN (-1), RUSAGE_THREAD. */
void dec_getrusage(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (!ctx->exiting) {
		ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[0], &xlat_rusage_who));
		ctx->ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[1]);
	else
		ctx_arg(ctx, rusage_val(ctx, args[1]));
}
