/*
 * clock_gettime, clock_getres, clock_settime, clock_nanosleep, nanosleep,
 * gettimeofday, utimensat (and their *_time64 forms), as strace 6.1 prints
 * them; see tests/unit/test_decode_time.c.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ctrace/decode_path.h"
#include "ctrace/decode_time.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"
#include "ctrace/xlat_more.h"

#define TIMER_ABSTIME_BIT 1
#define UTIME_NOW_NSEC ((1L << 30) - 1)
#define UTIME_OMIT_NSEC ((1L << 30) - 2)

unsigned time_word_size(const struct decode_ctx *ctx)
{
	static const char suffix[] = "time64";   /* clock_gettime64, ppoll_time64 */
	const char *name = ctx->ev->desc ? ctx->ev->desc->name : "";
	size_t n = strlen(name);

	if (n >= sizeof(suffix) - 1 && !strcmp(name + n - (sizeof(suffix) - 1), suffix))
		return 8;
	return ctx->arch->reg_size;
}

bool ctx_erestart(const struct decode_ctx *ctx)
{
	unsigned e = ctx->ev->error;

	return (e >= 512 && e <= 514) || e == 516;
}

static bool read_time_word(struct decode_ctx *ctx, uint64_t addr, unsigned width, int64_t *out)
{
	if (width == 4) {
		int32_t w;
		if (!mem_read_full(ctx, addr, &w, sizeof(w)))
			return false;
		*out = w;
		return true;
	}
	return mem_read_full(ctx, addr, out, sizeof(*out));
}

static struct val *time_pair_at(struct decode_ctx *ctx, uint64_t addr, unsigned width,
				const char *second)
{
	struct arena *a = ctx_arena(ctx);
	int64_t sec, frac;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!read_time_word(ctx, addr, width, &sec) ||
	    !read_time_word(ctx, addr + width, width, &frac))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	val_add(s, val_int(a, "tv_sec", sec));
	val_add(s, val_int(a, second, frac));
	return s;
}

struct val *timespec_at(struct decode_ctx *ctx, uint64_t addr, unsigned width)
{
	return time_pair_at(ctx, addr, width, "tv_nsec");
}

struct val *timeval_at(struct decode_ctx *ctx, uint64_t addr)
{
	return time_pair_at(ctx, addr, ctx->arch->reg_size, "tv_usec");
}

static struct val *clock_val(struct decode_ctx *ctx, uint64_t raw)
{
	return val_enum(ctx_arena(ctx), NULL, (uint32_t)raw, &xlat_clocks);
}

/* clock_gettime(clk, tp), clock_getres(clk, res): the time at exit. */
void dec_clock_gettime(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (!ctx->exiting) {
		ctx_arg(ctx, clock_val(ctx, args[0]));
		ctx->ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, args[1]);
	else
		ctx_arg(ctx, timespec_at(ctx, args[1], time_word_size(ctx)));
}

/* clock_settime(clk, tp) */
void dec_clock_settime(struct decode_ctx *ctx)
{
	if (ctx->exiting)
		return;
	ctx_arg(ctx, clock_val(ctx, ctx->ev->args[0]));
	ctx_arg(ctx, timespec_at(ctx, ctx->ev->args[1], time_word_size(ctx)));
}

/*
 * The remaining time is written only when a relative sleep is interrupted;
 * otherwise strace shows its address (the memory may be uninitialised).
 */
static void remaining_at_exit(struct decode_ctx *ctx, uint64_t addr, bool absolute)
{
	if (!absolute && ctx_erestart(ctx))
		ctx_arg(ctx, timespec_at(ctx, addr, time_word_size(ctx)));
	else
		arg_ptr(ctx, NULL, addr);
}

/* clock_nanosleep(clk, flags, req, rem) */
void dec_clock_nanosleep(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	uint32_t flags = (uint32_t)args[1];

	if (!ctx->exiting) {
		ctx_arg(ctx, clock_val(ctx, args[0]));
		ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, flags, &xlat_timer_flags, 0));
		ctx_arg(ctx, timespec_at(ctx, args[2], time_word_size(ctx)));
		ctx->ev->entry_sep_pending = true;
		return;
	}
	remaining_at_exit(ctx, args[3], flags & TIMER_ABSTIME_BIT);
}

/* nanosleep(req, rem) */
void dec_nanosleep(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (!ctx->exiting) {
		ctx_arg(ctx, timespec_at(ctx, args[0], time_word_size(ctx)));
		ctx->ev->entry_sep_pending = true;
		return;
	}
	remaining_at_exit(ctx, args[1], false);
}

static struct val *timezone_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	int32_t tz[2];

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!mem_read_full(ctx, addr, tz, sizeof(tz)))
		return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	val_add(s, val_int(a, "tz_minuteswest", tz[0]));
	val_add(s, val_int(a, "tz_dsttime", tz[1]));
	return s;
}

/* gettimeofday(tv, tz): both written at exit. */
void dec_gettimeofday(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (!ctx->exiting)
		return;
	if (ctx_failed(ctx)) {
		arg_ptr(ctx, NULL, args[0]);
		arg_ptr(ctx, NULL, args[1]);
		return;
	}
	ctx_arg(ctx, timeval_at(ctx, args[0]));
	ctx_arg(ctx, timezone_at(ctx, args[1]));
}

/*
 * One of utimensat's two times: UTIME_NOW, UTIME_OMIT, or the time with
 * the local date strace adds ("2023-11-14T22:13:20.000000005+0000").
 */
static struct val *utime_val(struct decode_ctx *ctx, int64_t sec, int64_t nsec)
{
	struct arena *a = ctx_arena(ctx);

	if (nsec == UTIME_NOW_NSEC || nsec == UTIME_OMIT_NSEC) {
		/* -X raw shows the struct itself: {tv_sec=0, tv_nsec=1073741823} */
		struct val *v = val_sym(a, NULL, (uint64_t)nsec, VAL_INT,
					nsec == UTIME_NOW_NSEC ? "UTIME_NOW" : "UTIME_OMIT");
		v->sym.raw_text = arena_printf(a, "{tv_sec=%lld, tv_nsec=%lld}", (long long)sec,
					       (long long)nsec);
		return v;
	}
	struct val *s = val_struct(a, NULL);
	val_add(s, val_int(a, "tv_sec", sec));
	val_add(s, val_int(a, "tv_nsec", nsec));
	time_t t = (time_t)sec;
	struct tm tm;
	char date[64], zone[16];
	if (nsec >= 0 && nsec < 1000000000 && localtime_r(&t, &tm) &&
	    strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm) &&
	    strftime(zone, sizeof(zone), "%z", &tm)) {
		if (nsec)
			s->comment = arena_printf(a, "%s.%09lld%s", date, (long long)nsec, zone);
		else
			s->comment = arena_printf(a, "%s%s", date, zone);
	}
	return s;
}

static struct val *utimes_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = time_word_size(ctx);
	int64_t t[4];

	if (!addr)
		return val_ptr(a, NULL, 0);
	for (unsigned i = 0; i < 4; i++)
		if (!read_time_word(ctx, addr + i * w, w, &t[i]))
			return val_ptr(a, NULL, addr);
	struct val *arr = val_array(a, NULL);
	val_add(arr, utime_val(ctx, t[0], t[1]));
	val_add(arr, utime_val(ctx, t[2], t[3]));
	return arr;
}

/* utimensat(dirfd, path, times, flags) */
void dec_utimensat(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;

	if (ctx->exiting)
		return;
	arg_dirfd(ctx, args[0]);
	arg_path(ctx, args[1]);
	ctx_arg(ctx, utimes_at(ctx, args[2]));
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[3], &xlat_at_flags, 0));
}

/* alarm(seconds): an unsigned int. */
void dec_alarm(struct decode_ctx *ctx)
{
	if (!ctx->exiting)
		ctx_arg(ctx, val_uint(ctx_arena(ctx), NULL, (uint32_t)ctx->ev->args[0]));
}

/* {it_interval={...}, it_value={...}} of two timevals or two timespecs. */
static struct val *timer_pair_at(struct decode_ctx *ctx, uint64_t addr, bool nsec)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = nsec ? time_word_size(ctx) : ctx->arch->reg_size;
	int64_t t[4];

	if (!addr)
		return val_ptr(a, NULL, 0);
	for (unsigned i = 0; i < 4; i++)
		if (!read_time_word(ctx, addr + i * w, w, &t[i]))
			return val_ptr(a, NULL, addr);
	struct val *s = val_struct(a, NULL);
	for (unsigned i = 0; i < 2; i++) {
		struct val *p = val_add(s, val_struct(a, i ? "it_value" : "it_interval"));
		val_add(p, val_int(a, "tv_sec", t[2 * i]));
		val_add(p, val_int(a, nsec ? "tv_nsec" : "tv_usec", t[2 * i + 1]));
	}
	return s;
}

/* The old value a setter wrote, or its address when the call failed. */
static void old_value_at_exit(struct decode_ctx *ctx, uint64_t addr, bool nsec)
{
	if (ctx_failed(ctx))
		arg_ptr(ctx, NULL, addr);
	else
		ctx_arg(ctx, timer_pair_at(ctx, addr, nsec));
}

/* setitimer(which, new, old), getitimer(which, cur) */
void dec_itimer(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	bool set = ctx->ev->desc->nargs == 3;

	if (!ctx->exiting) {
		ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, (uint32_t)args[0], &xlat_itimer_which));
		if (set)
			ctx_arg(ctx, timer_pair_at(ctx, args[1], false));
		ctx->ev->entry_sep_pending = true;
		return;
	}
	old_value_at_exit(ctx, args[set ? 2 : 1], false);
}

/* timer_settime and timerfd_settime, the getters too: `fd` for the timerfd calls. */
static void settime(struct decode_ctx *ctx, bool fd, const struct xlat *flags)
{
	const uint64_t *args = ctx->ev->args;
	bool set = ctx->ev->desc->nargs == 4;

	if (!ctx->exiting) {
		if (fd)
			arg_fdnum(ctx, args[0]);
		else
			arg_int(ctx, NULL, args[0]);
		if (set) {
			ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)args[1], flags, 0));
			ctx_arg(ctx, timer_pair_at(ctx, args[2], true));
		}
		ctx->ev->entry_sep_pending = true;
		return;
	}
	old_value_at_exit(ctx, args[set ? 3 : 1], true);
}

/* timer_settime(id, flags, new, old), timer_gettime(id, cur), and their time64 forms */
void dec_timer_settime(struct decode_ctx *ctx)
{
	settime(ctx, false, &xlat_timer_flags);
}

/* timerfd_settime(fd, flags, new, old), timerfd_gettime(fd, cur), and time64 forms */
void dec_timerfd_settime(struct decode_ctx *ctx)
{
	settime(ctx, true, &xlat_timerfd_settime_flags);
}

/* timerfd_create(clock, flags) */
void dec_timerfd_create(struct decode_ctx *ctx)
{
	if (ctx->exiting) {
		ctx->ev->rval_format = RVAL_FD;   /* -y: 3<anon_inode:[timerfd]> */
		return;
	}
	ctx_arg(ctx, clock_val(ctx, ctx->ev->args[0]));
	ctx_arg(ctx, val_flags(ctx_arena(ctx), NULL, (uint32_t)ctx->ev->args[1],
			       &xlat_timerfd_create_flags, 0));
}

#define SIGEV_SIGNAL_NOTIFY 0
#define SIGEV_THREAD_NOTIFY 2
#define SIGEV_THREAD_ID_NOTIFY 4

/*
 * struct sigevent: sigev_value (a word-sized union), int sigev_signo, int
 * sigev_notify, then the thread id or the thread function and attributes.
 */
static struct val *sigevent_at(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	uint64_t value, fn, attr;
	int32_t signo, notify, tid;

	if (!addr)
		return val_ptr(a, NULL, 0);
	if (!mem_read_word(ctx, addr, &value) ||
	    !mem_read_full(ctx, addr + w, &signo, sizeof(signo)) ||
	    !mem_read_full(ctx, addr + w + 4, &notify, sizeof(notify)) ||
	    !mem_read_word(ctx, addr + w + 8, &fn) ||
	    !mem_read_word(ctx, addr + 2 * w + 8, &attr))
		return val_ptr(a, NULL, addr);
	memcpy(&tid, &fn, sizeof(tid));
	struct val *s = val_struct(a, NULL);
	if (value) {
		struct val *v = val_add(s, val_struct(a, "sigev_value"));
		val_add(v, val_int(a, "sival_int", (int32_t)value));
		val_add(v, val_ptr(a, "sival_ptr", value));
	}
	/* A signal by name only where the kernel sends one (SIGEV_NONE: the number). */
	if (notify == SIGEV_SIGNAL_NOTIFY || notify == SIGEV_THREAD_ID_NOTIFY ||
	    notify == SIGEV_THREAD_NOTIFY)
		val_add(s, val_signal(a, "sigev_signo", (uint32_t)signo));
	else
		val_add(s, val_int(a, "sigev_signo", signo));
	val_add(s, val_enum(a, "sigev_notify", (uint32_t)notify, &xlat_sigev_notify));
	if (notify == SIGEV_THREAD_ID_NOTIFY) {
		val_add(s, val_int(a, "sigev_notify_thread_id", tid));
	} else if (notify == SIGEV_THREAD_NOTIFY) {
		val_add(s, val_ptr(a, "sigev_notify_function", fn));
		val_add(s, val_ptr(a, "sigev_notify_attributes", attr));
	}
	return s;
}

/* timer_create(clock, sigevent, &timerid): the id at exit, "[0]". */
void dec_timer_create(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	int32_t id;

	if (!ctx->exiting) {
		ctx_arg(ctx, clock_val(ctx, args[0]));
		ctx_arg(ctx, sigevent_at(ctx, args[1]));
		ctx->ev->entry_sep_pending = true;
		return;
	}
	if (ctx_failed(ctx) || !args[2] || !mem_read_full(ctx, args[2], &id, sizeof(id)))
		arg_ptr(ctx, NULL, args[2]);
	else
		ctx_arg(ctx, val_written(a, NULL, val_int(a, NULL, id)));
}
