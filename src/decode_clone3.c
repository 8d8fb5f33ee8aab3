/*
 * clone3(2): clone3(struct clone_args *args, size_t size).
 *
 * Formats follow strace 6.1 (tests/unit/test_decode_clone3.c holds the lines
 * it printed).  At entry the struct is shown with only the fields its flags
 * make meaningful:
 *
 *   clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x7ffc5128e02c,
 *           parent_tid=0x7ffc5128e028, exit_signal=SIGCHLD, stack=NULL, stack_size=0}
 *
 * and at exit, after a successful call, what the kernel stored, as an update
 * of the first argument, then the size:
 *
 *    => {pidfd=[3], parent_tid=[9466]}, 88) = 9466
 *
 * When nothing can change at exit (no CLONE_PIDFD or CLONE_PARENT_SETTID, no
 * bytes beyond the known struct) the size is printed at entry already, as
 * strace does: "clone3({...}, 88 <unfinished ...>".
 */
#include <stdbool.h>
#include <string.h>

#include "ctrace/decode.h"
#include "ctrace/strbuf.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat.h"

#include "decode_clone.h"

/* struct clone_args (linux/sched.h): eleven __aligned_u64 fields. */
enum clone_args_field {
	CA_FLAGS, CA_PIDFD, CA_CHILD_TID, CA_PARENT_TID, CA_EXIT_SIGNAL, CA_STACK,
	CA_STACK_SIZE, CA_TLS, CA_SET_TID, CA_SET_TID_SIZE, CA_CGROUP, CA_COUNT
};

#define CLONE_ARGS_SIZE_VER0 64   /* up to tls: smaller sizes are shown as an address */
#define CLONE_ARGS_SIZE_MAX  (CA_COUNT * 8)   /* 88, CLONE_ARGS_SIZE_VER2 */

/* strace shows a set_tid array only up to the kernel's nesting limit. */
#define SET_TID_MAX 32

/*
 * strace looks at the bytes beyond the struct it knows only up to its page
 * size (4096 on the hosts it runs on), whatever the size argument says.
 */
#define CLONE3_TAIL_LIMIT 4096

/* Tracee memory is little-endian on every architecture ctrace knows. */
static uint64_t le64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/*
 * Reads the first `fetch` bytes of the struct; the fields beyond them are
 * zero, as in strace (a 64-byte VER0 struct has no set_tid or cgroup).
 */
static bool read_clone_args(struct decode_ctx *ctx, uint64_t addr, uint64_t fetch,
			    uint64_t ca[CA_COUNT])
{
	unsigned char buf[CLONE_ARGS_SIZE_MAX] = { 0 };

	if (!addr || !mem_read_full(ctx, addr, buf, fetch))
		return false;
	for (int i = 0; i < CA_COUNT; i++)
		ca[i] = le64(buf + 8 * i);
	return true;
}

/*
 * set_tid=[1, 2]: an array of pid_t.  Like strace's print_array: at most -s
 * elements then "...", the array's address when its first element is
 * unreadable, and "..." with the address of the first unreadable element
 * after that in a comment (the test file shows the exact text).
 */
static struct val *set_tid_val(struct decode_ctx *ctx, uint64_t addr, uint64_t n)
{
	struct arena *a = ctx_arena(ctx);
	struct val *arr = val_array(a, "set_tid");

	for (uint64_t i = 0; i < n; i++) {
		uint64_t elem = addr + 4 * i;
		unsigned char buf[4];

		if (i >= ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		if (!mem_read_full(ctx, elem, buf, sizeof(buf))) {
			if (i == 0)
				return val_ptr(a, "set_tid", addr);
			struct val *more = val_add(arr, val_ellipsis(a));
			more->comment = arena_printf(a, "%#llx", (unsigned long long)elem);
			break;
		}
		int32_t tid = (int32_t)((uint32_t)buf[0] | (uint32_t)buf[1] << 8 |
					(uint32_t)buf[2] << 16 | (uint32_t)buf[3] << 24);
		val_add(arr, val_int(a, NULL, tid));
	}
	return arr;
}

/*
 * Bytes beyond the struct ctrace knows, when size is larger: nothing when they
 * are all zero (the kernel accepts that), "???" when unreadable, else a
 * comment naming the byte range and strace's hex dump of at most -s of them:
 * <comment "bytes 88..95"> "\x00\x00\x7f\x00\x00\x00\x00\x00".
 * Returns NULL when there is nothing to show.
 */
static struct val *tail_val(struct decode_ctx *ctx, uint64_t addr, uint64_t size)
{
	struct arena *a = ctx_arena(ctx);
	uint64_t end = size < CLONE3_TAIL_LIMIT ? size : CLONE3_TAIL_LIMIT;

	if (end <= CLONE_ARGS_SIZE_MAX)
		return NULL;

	size_t len = end - CLONE_ARGS_SIZE_MAX;
	unsigned char *bytes = arena_alloc(a, len);
	if (!mem_read_full(ctx, addr + CLONE_ARGS_SIZE_MAX, bytes, len))
		return val_text(a, NULL, "???");

	size_t nonzero = 0;
	while (nonzero < len && !bytes[nonzero])
		nonzero++;
	if (nonzero == len)
		return NULL;

	size_t shown = len < ctx->opts->strsize ? len : ctx->opts->strsize;
	struct strbuf sb = STRBUF_INIT;
	strbuf_printf(&sb, "/* bytes %u..%llu */ \"", CLONE_ARGS_SIZE_MAX,
		      (unsigned long long)end - 1);
	for (size_t i = 0; i < shown; i++)
		strbuf_printf(&sb, "\\x%02x", bytes[i]);
	strbuf_puts(&sb, shown < len ? "\"..." : "\"");
	struct val *v = val_text(a, NULL, arena_strndup(a, sb.buf, sb.len));
	strbuf_free(&sb);
	return v;
}

/* The struct as strace shows it at entry. */
static struct val *clone_args_val(struct decode_ctx *ctx, uint64_t addr, uint64_t size,
				  uint64_t fetch, const uint64_t ca[CA_COUNT])
{
	struct arena *a = ctx_arena(ctx);
	struct val *s = val_struct(a, NULL);
	uint64_t flags = ca[CA_FLAGS];

	val_add(s, val_flags(a, "flags", flags, &xlat_clone_flags, 0));
	if (flags & CLONE_PIDFD)
		val_add(s, val_ptr(a, "pidfd", ca[CA_PIDFD]));
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		val_add(s, val_ptr(a, "child_tid", ca[CA_CHILD_TID]));
	if (flags & CLONE_PARENT_SETTID)
		val_add(s, val_ptr(a, "parent_tid", ca[CA_PARENT_TID]));
	/* A signal number when it could be one, else the plain number: both print
	 * the same for unnamed values, but an enormous one is no signal. */
	if (ca[CA_EXIT_SIGNAL] < INT32_MAX)
		val_add(s, val_signal(a, "exit_signal", ca[CA_EXIT_SIGNAL]));
	else
		val_add(s, val_uint(a, "exit_signal", ca[CA_EXIT_SIGNAL]));
	val_add(s, val_ptr(a, "stack", ca[CA_STACK]));
	val_add(s, val_hex(a, "stack_size", ca[CA_STACK_SIZE]));
	if (flags & CLONE_SETTLS)
		val_add(s, clone_tls(ctx, "tls", ca[CA_TLS]));
	if (ca[CA_SET_TID] || ca[CA_SET_TID_SIZE]) {
		uint64_t n = ca[CA_SET_TID_SIZE];
		if (!ca[CA_SET_TID] || !n || n > SET_TID_MAX)
			val_add(s, val_ptr(a, "set_tid", ca[CA_SET_TID]));
		else
			val_add(s, set_tid_val(ctx, ca[CA_SET_TID], n));
		val_add(s, val_uint(a, "set_tid_size", n));
	}
	/* cgroup only when the struct is long enough to hold it (VER2). */
	if (fetch > 8 * CA_CGROUP && (ca[CA_CGROUP] || (flags & CLONE_INTO_CGROUP)))
		val_add(s, val_uint(a, "cgroup", ca[CA_CGROUP]));
	if (size > fetch) {
		struct val *tail = tail_val(ctx, addr, size);
		if (tail)
			val_add(s, tail);
	}
	return s;
}

/* The exit-time update: {pidfd=[3], parent_tid=[42]}, or NULL when empty. */
static struct val *clone_args_update(struct decode_ctx *ctx, uint64_t addr, uint64_t size,
				     uint64_t fetch, const uint64_t ca[CA_COUNT])
{
	struct arena *a = ctx_arena(ctx);
	struct val *s = val_struct(a, NULL);

	if (ca[CA_FLAGS] & CLONE_PIDFD)
		val_add(s, clone_written_id(ctx, "pidfd", ca[CA_PIDFD], true));
	if (ca[CA_FLAGS] & CLONE_PARENT_SETTID)
		val_add(s, clone_written_id(ctx, "parent_tid", ca[CA_PARENT_TID], false));
	if (size > fetch) {
		struct val *tail = tail_val(ctx, addr, size);
		if (tail)
			val_add(s, tail);
	}
	return s->children ? s : NULL;
}

void dec_clone3(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	struct arena *a = ctx_arena(ctx);
	uint64_t addr = ev->args[0];
	uint64_t size = ev->args[1];
	uint64_t fetch = size < CLONE_ARGS_SIZE_MAX ? size : CLONE_ARGS_SIZE_MAX;
	uint64_t ca[CA_COUNT];

	ev->rval_format = RVAL_TID;
	if (!ctx->exiting) {
		if (fetch < CLONE_ARGS_SIZE_VER0 || !read_clone_args(ctx, addr, fetch, ca)) {
			arg_ptr(ctx, NULL, addr);
		} else {
			ctx_arg(ctx, clone_args_val(ctx, addr, size, fetch, ca));
			/* Something may be shown at exit: keep the size for then. */
			if ((ca[CA_FLAGS] & (CLONE_PIDFD | CLONE_PARENT_SETTID)) || size > fetch) {
				ev->scratch[0] = 1;
				ev->exit_pending = true;
				return;
			}
		}
		ctx_arg(ctx, val_uint(a, NULL, size));
		return;
	}

	if (!ev->scratch[0])
		return;
	/* After a failure the kernel stored nothing: only the size remains. */
	if (!ctx_failed(ctx)) {
		struct val *update;
		if (!read_clone_args(ctx, addr, fetch, ca))
			update = val_ptr(a, NULL, addr);
		else
			update = clone_args_update(ctx, addr, size, fetch, ca);
		if (update) {
			update->sep = SEP_ARROW;
			ctx_arg(ctx, update);
		}
	}
	ctx_arg(ctx, val_uint(a, NULL, size));
}
