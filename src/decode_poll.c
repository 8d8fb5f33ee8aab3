/*
 * poll, ppoll, select, _newselect, pselect6, epoll_create, epoll_create1,
 * epoll_ctl, epoll_wait, epoll_pwait, epoll_pwait2, eventfd, eventfd2, as
 * strace 6.1 prints them; see tests/unit/test_decode_poll.c.
 *
 * Arrays stop after -s elements with "...", as strace's do.  What the kernel
 * reports besides the count (ready descriptors, the time left) goes into the
 * event's rval_detail: "= 1 ([{fd=3, revents=POLLIN}], left {...})".
 */
#include <stdio.h>
#include <string.h>

#include "ctrace/decode_path.h"
#include "ctrace/decode_time.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"

/* struct pollfd: int fd; short events; short revents. */
struct pollfd_raw {
	int32_t fd;
	uint16_t events;
	uint16_t revents;
};

static struct val *poll_flags_val(struct arena *a, const char *name, uint16_t bits)
{
	return val_flags(a, name, bits, &xlat_poll_events, 0);
}

/* The pollfd array at entry: [{fd=3, events=POLLIN}, {fd=-1}, ...]. */
static struct val *pollfds_at_entry(struct decode_ctx *ctx, uint64_t addr, uint64_t nfds)
{
	struct arena *a = ctx_arena(ctx);
	struct pollfd_raw p;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (nfds && !mem_read_full(ctx, addr, &p, sizeof(p)))
		return val_ptr(a, NULL, addr);
	struct val *arr = val_array(a, NULL);
	for (uint64_t i = 0; i < nfds; i++) {
		uint64_t at = addr + i * sizeof(p);
		if (i >= ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		if (!mem_read_full(ctx, at, &p, sizeof(p))) {
			val_add(arr, val_ptr(a, NULL, at));
			break;
		}
		struct val *s = val_add(arr, val_struct(a, NULL));
		val_add(s, ctx_fd_val(ctx, "fd", p.fd));
		if (p.fd >= 0)
			val_add(s, poll_flags_val(a, "events", p.events));
	}
	return arr;
}

/* The ready ones at exit: [{fd=3, revents=POLLIN}], NULL when unreadable. */
static struct val *pollfds_ready(struct decode_ctx *ctx, uint64_t addr, uint64_t nfds)
{
	struct arena *a = ctx_arena(ctx);
	struct val *arr = val_array(a, NULL);
	unsigned shown = 0;
	struct pollfd_raw p;

	for (uint64_t i = 0; i < nfds; i++) {
		if (!mem_read_full(ctx, addr + i * sizeof(p), &p, sizeof(p)))
			return i ? arr : NULL;
		if (!p.revents)
			continue;
		if (shown++ >= ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		struct val *s = val_add(arr, val_struct(a, NULL));
		val_add(s, val_fd(a, "fd", p.fd));    /* strace -y: no path at exit */
		val_add(s, poll_flags_val(a, "revents", p.revents));
	}
	return arr;
}

static void rval_detail_add(struct decode_ctx *ctx, const char *name, struct val *v)
{
	v->name = name;
	val_list_append(&ctx->ev->rval_detail, v);
}

/* poll and ppoll at exit; `left` is ppoll's timeout pointer (0: none). */
static void poll_exit(struct decode_ctx *ctx, uint64_t addr, uint64_t nfds, uint64_t left)
{
	if (ctx_failed(ctx))
		return;
	if (ctx->ev->rval == 0) {
		ctx->ev->rval_comment = "Timeout";
		return;
	}
	struct val *ready = pollfds_ready(ctx, addr, nfds);
	if (ready)
		rval_detail_add(ctx, NULL, ready);
	if (left)
		rval_detail_add(ctx, "left", timespec_at(ctx, left, time_word_size(ctx)));
}

/* poll(fds, nfds, timeout) */
void dec_poll(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	uint32_t nfds = (uint32_t)args[1];

	if (ctx->exiting) {
		poll_exit(ctx, args[0], nfds, 0);
		return;
	}
	ctx_arg(ctx, pollfds_at_entry(ctx, args[0], nfds));
	ctx_arg(ctx, val_uint(ctx_arena(ctx), NULL, nfds));
	arg_int(ctx, NULL, args[2]);
	ctx->ev->exit_pending = true;
}

/* ppoll(fds, nfds, tmo_p, sigmask, sigsetsize) */
void dec_ppoll(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	uint32_t nfds = (uint32_t)args[1];

	if (ctx->exiting) {
		poll_exit(ctx, args[0], nfds, args[2]);
		return;
	}
	ctx_arg(ctx, pollfds_at_entry(ctx, args[0], nfds));
	ctx_arg(ctx, val_uint(ctx_arena(ctx), NULL, nfds));
	ctx_arg(ctx, timespec_at(ctx, args[2], time_word_size(ctx)));
	ctx_arg(ctx, sigset_at(ctx, args[3], arch_word(ctx->arch, args[4])));
	arg_ulong(ctx, args[4]);
	ctx->ev->exit_pending = true;
}

/* ---- select ----------------------------------------------------------- */

/* strace reads at most this many descriptors of a set. */
#define FDSET_MAX_FDS (1024 * 1024)

/* The set's bytes, in whole tracee longs; NULL when unreadable. */
static uint8_t *fdset_read(struct decode_ctx *ctx, uint64_t addr, int32_t nfds, size_t *bytes)
{
	unsigned w = ctx->arch->word_size;
	uint32_t n = (uint32_t)nfds > FDSET_MAX_FDS ? FDSET_MAX_FDS : (uint32_t)nfds;
	size_t size = (n + 8 * w - 1) / (8 * w) * w;
	uint8_t *buf = arena_alloc(ctx_arena(ctx), size ? size : 1);

	if (size && !mem_read_full(ctx, addr, buf, size))
		return NULL;
	*bytes = size;
	return buf;
}

/* "[0 3 1000]": fds joined by spaces; `resolve`: with -y paths, as strace
 * shows the sets it is given (not those the kernel returns). */
static struct val *fdset_val(struct decode_ctx *ctx, const uint8_t *set, int32_t nfds,
			     unsigned *count, bool resolve)
{
	struct arena *a = ctx_arena(ctx);
	struct val *arr = val_array(a, NULL);

	*count = 0;
	for (int32_t fd = 0; fd < nfds && fd < FDSET_MAX_FDS; fd++) {
		if (!(set[fd / 8] & (1u << (fd % 8))))
			continue;
		struct val *v = val_add(arr, resolve ? ctx_fd_val(ctx, NULL, fd) : val_fd(a, NULL, fd));
		v->sep = SEP_SPACE;
		++*count;
	}
	return arr;
}

static struct val *fdset_at(struct decode_ctx *ctx, uint64_t addr, int32_t nfds)
{
	struct arena *a = ctx_arena(ctx);
	size_t bytes;
	unsigned count;

	if (!addr)
		return val_ptr(a, NULL, 0);
	uint8_t *set = nfds >= 0 ? fdset_read(ctx, addr, nfds, &bytes) : NULL;
	if (!set)
		return val_ptr(a, NULL, addr);
	return fdset_val(ctx, set, nfds, &count, true);
}

/* pselect6's sixth argument: {sigmask=[USR1], sigsetsize=8}, two tracee words. */
static struct val *pselect_sigmask_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	uint64_t set, size;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!mem_read_word(ctx, addr, &set) || !mem_read_word(ctx, addr + w, &size))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	struct val *m = val_add(s, sigset_at(ctx, set, size));
	m->name = "sigmask";
	val_add(s, val_uint(a, "sigsetsize", size));
	return s;
}

static void select_exit(struct decode_ctx *ctx, bool timespec)
{
	static const char *const names[] = { "in", "out", "except" };
	const uint64_t *args = ctx->ev->args;
	int32_t nfds = (int32_t)args[0];

	if (ctx_failed(ctx))
		return;
	if (ctx->ev->rval == 0) {
		ctx->ev->rval_comment = "Timeout";
		return;
	}
	for (unsigned i = 0; i < 3 && nfds > 0; i++) {
		size_t bytes;
		unsigned count;
		uint8_t *set = args[1 + i] ? fdset_read(ctx, args[1 + i], nfds, &bytes) : NULL;
		if (!set)
			continue;
		struct val *v = fdset_val(ctx, set, nfds, &count, false);
		if (count)
			rval_detail_add(ctx, names[i], v);
	}
	if (args[4] && timespec)
		rval_detail_add(ctx, "left", timespec_at(ctx, args[4], time_word_size(ctx)));
	else if (args[4])
		rval_detail_add(ctx, "left", timeval_at(ctx, args[4]));
}

static void select_entry(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	int32_t nfds = (int32_t)args[0];

	arg_int(ctx, NULL, args[0]);
	for (unsigned i = 1; i <= 3; i++)
		ctx_arg(ctx, fdset_at(ctx, args[i], nfds));
	ctx->ev->exit_pending = true;
}

/* select(nfds, readfds, writefds, exceptfds, timeval), _newselect on i386 */
void dec_select(struct decode_ctx *ctx)
{
	if (ctx->exiting) {
		select_exit(ctx, false);
		return;
	}
	select_entry(ctx);
	ctx_arg(ctx, timeval_at(ctx, ctx->ev->args[4]));
}

/* pselect6(nfds, readfds, writefds, exceptfds, timespec, {sigmask, size}) */
void dec_pselect6(struct decode_ctx *ctx)
{
	if (ctx->exiting) {
		select_exit(ctx, true);
		return;
	}
	select_entry(ctx);
	ctx_arg(ctx, timespec_at(ctx, ctx->ev->args[4], time_word_size(ctx)));
	ctx_arg(ctx, pselect_sigmask_at(ctx, ctx->ev->args[5]));
}

/* ---- epoll and eventfd ------------------------------------------------ */

/* epoll_create(size) */
void dec_epoll_create(struct decode_ctx *ctx)
{
	if (!ctx->exiting)
		arg_int(ctx, NULL, ctx->ev->args[0]);
	else
		ctx->ev->rval_format = RVAL_FD;
}

/* epoll_create1(flags) */
void dec_epoll_create1(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		ctx->ev->rval_format = RVAL_FD;
	else
		ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)ctx->ev->args[0],
				       &xlat_epoll_create_flags, 0));
}

static unsigned epoll_event_size(const struct decode_ctx *ctx)
{
	return ctx->arch->epoll_packed ? 12 : 16;
}

/* {events=EPOLLIN, data={u32=3, u64=3}} from the raw struct. */
static struct val *epoll_event_val(struct decode_ctx *ctx, const uint8_t *raw)
{
	struct arena *a = ctx_arena(ctx);
	uint32_t events;
	uint64_t data;

	memcpy(&events, raw, sizeof(events));
	memcpy(&data, raw + (ctx->arch->epoll_packed ? 4 : 8), sizeof(data));
	struct val *s = val_struct(a, NULL);
	val_add(s, val_flags(a, "events", events, &xlat_epoll_events, 0));
	struct val *d = val_add(s, val_struct(a, "data"));
	val_add(d, val_uint(a, "u32", (uint32_t)data));
	val_add(d, val_uint(a, "u64", data));
	return s;
}

static struct val *epoll_event_at(struct decode_ctx *ctx, uint64_t addr)
{
	uint8_t raw[16];

	if (!addr)
		return val_ptr(ctx_arena(ctx), NULL, 0);
	if (!mem_read_full(ctx, addr, raw, epoll_event_size(ctx)))
		return val_ptr(ctx_arena(ctx), NULL, addr);
	return epoll_event_val(ctx, raw);
}

/* epoll_ctl(epfd, op, fd, event) */
void dec_epoll_ctl(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_fdnum(ctx, args[0]);
	ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[1], &xlat_epoll_ctl_ops));
	arg_fdnum(ctx, args[2]);
	ctx_arg(ctx, epoll_event_at(ctx, args[3]));
}

/* The `n` events the kernel returned, -s of them at most. */
static struct val *epoll_events_returned(struct decode_ctx *ctx, uint64_t addr, int64_t n)
{
	struct arena *a = ctx_arena(ctx);
	unsigned size = epoll_event_size(ctx);
	uint8_t raw[16];

	if (n > 0 && !mem_read_full(ctx, addr, raw, size))
		return val_ptr(a, NULL, addr);
	struct val *arr = val_array(a, NULL);
	for (int64_t i = 0; i < n; i++) {
		if ((uint64_t)i >= ctx->opts->strsize) {
			val_add(arr, val_ellipsis(a));
			break;
		}
		if (!mem_read_full(ctx, addr + (uint64_t)i * size, raw, size)) {
			val_add(arr, val_ptr(a, NULL, addr + (uint64_t)i * size));
			break;
		}
		val_add(arr, epoll_event_val(ctx, raw));
	}
	return arr;
}

/*
 * epoll_wait(epfd, events, maxevents, timeout), epoll_pwait(..., sigmask,
 * sigsetsize), epoll_pwait2(..., timespec, sigmask, sigsetsize): the events
 * at exit, and what follows them.
 */
void dec_epoll_wait(struct decode_ctx *ctx)
{
	struct syscall_event *ev = ctx->ev;
	const uint64_t *args = ev->args;
	enum syscall_id id = ev->desc ? (enum syscall_id)(ev->desc - syscall_descs) : SYS_none;

	if (!ctx->exiting) {
		arg_fdnum(ctx, args[0]);
		ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[1]);
	else
		ctx_arg(ctx, epoll_events_returned(ctx, args[1], ev->rval));
	arg_int(ctx, NULL, args[2]);
	if (id == SYS_epoll_pwait2)
		ctx_arg(ctx, timespec_at(ctx, args[3], 8));
	else
		arg_int(ctx, NULL, args[3]);
	if (id == SYS_epoll_pwait || id == SYS_epoll_pwait2) {
		ctx_arg(ctx, sigset_at(ctx, args[4], arch_word(ctx->arch, args[5])));
		arg_ulong(ctx, args[5]);
	}
}

/* eventfd(initval), eventfd2(initval, flags) */
void dec_eventfd(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;
		return;
	}
	ctx_arg(ctx, val_uint(ctx_arena(ctx), NULL, (uint32_t)args[0]));
	if (ctx->ev->desc->nargs > 1)
		ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[1],
				       &xlat_eventfd_flags, 0));
}
