/* strace's time stamps and syscall durations as text (include/ctrace/timestamps.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ctrace/timestamps.h"

void ts_opts_init(struct ts_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->abs_long_format = -1;
	o->abs_long_digits = -1;
}

/* s, ms, us, ns -> decimals; strace compares without case ("Ms" is ms). */
static int precision_digits(const char *p, size_t len)
{
	static const struct { const char *name; int digits; } units[] = {
		{ "s", 0 }, { "ms", 3 }, { "us", 6 }, { "ns", 9 },
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strlen(units[i].name) == len && !strncasecmp(p, units[i].name, len))
			return units[i].digits;
	return -1;
}

static int format_named(const char *p, size_t len)
{
	static const char *const names[] = {
		[TS_FORMAT_NONE] = "none", [TS_FORMAT_TIME] = "time", [TS_FORMAT_UNIX] = "unix",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len && !strncasecmp(p, names[i], len))
			return (int)i;
	return -1;
}

static int invalid(const char *option, const char *arg, char *err, size_t errlen)
{
	snprintf(err, errlen, "invalid --%s argument: '%s'", option, arg);
	return -1;
}

/* "format:unix,precision:ns", "unix,ns", ",ms": one token at a time. */
int ts_parse_absolute(struct ts_opts *o, const char *arg, char *err, size_t errlen)
{
	o->abs_long = true;
	if (!arg)
		return 0;
	for (const char *tok = arg; *tok;) {
		const char *end = strchrnul(tok, ',');
		size_t len = (size_t)(end - tok);
		int v;

		if (len >= 7 && !strncmp(tok, "format:", 7)) {
			if ((v = format_named(tok + 7, len - 7)) < 0)
				return invalid("absolute-timestamps", arg, err, errlen);
			o->abs_long_format = v;
		} else if (len >= 10 && !strncmp(tok, "precision:", 10)) {
			if ((v = precision_digits(tok + 10, len - 10)) < 0)
				return invalid("absolute-timestamps", arg, err, errlen);
			o->abs_long_digits = v;
		} else if (len && (v = format_named(tok, len)) >= 0) {
			o->abs_long_format = v;
		} else if (len && (v = precision_digits(tok, len)) >= 0) {
			o->abs_long_digits = v;
		} else if (len) {
			return invalid("absolute-timestamps", arg, err, errlen);
		}
		tok = *end ? end + 1 : end;
	}
	return 0;
}

/* NULL: the default, microseconds (also when an earlier option chose
 * otherwise: strace 6.1's "--relative-timestamps=ms -r" is in us). */
static int parse_precision(const char *option, const char *arg, unsigned *digits, char *err,
			   size_t errlen)
{
	int v = arg ? precision_digits(arg, strlen(arg)) : 6;

	if (v < 0)
		return invalid(option, arg, err, errlen);
	*digits = (unsigned)v;
	return 0;
}

int ts_parse_relative(struct ts_opts *o, const char *arg, char *err, size_t errlen)
{
	o->relative = true;
	return parse_precision("relative-timestamps", arg, &o->rel_digits, err, errlen);
}

int ts_parse_durations(struct ts_opts *o, const char *arg, char *err, size_t errlen)
{
	o->durations = true;
	return parse_precision("syscall-times", arg, &o->dur_digits, err, errlen);
}

int ts_opts_finish(struct ts_opts *o, char *err, size_t errlen)
{
	if (o->t_count && o->abs_long) {
		snprintf(err, errlen,
			 "-t and --absolute-timestamps cannot be provided simultaneously");
		return -1;
	}
	if (o->t_count) {
		/* -t: HH:MM:SS; -tt: with microseconds; -ttt (and more): epoch. */
		o->absolute = o->t_count >= 3 ? TS_FORMAT_UNIX : TS_FORMAT_TIME;
		o->abs_digits = o->t_count >= 2 ? 6 : 0;
	} else if (o->abs_long) {
		o->absolute = o->abs_long_format >= 0 ? (enum ts_format)o->abs_long_format
						      : TS_FORMAT_TIME;
		o->abs_digits = o->abs_long_digits >= 0 ? (unsigned)o->abs_long_digits : 0;
	}
	return 0;
}

bool ts_opts_stamps_lines(const struct ts_opts *o)
{
	return o->absolute != TS_FORMAT_NONE || o->relative;
}

/* The fraction of `ns` nanoseconds in `digits` decimals, cut, not rounded
 * (strace divides: 0.9999999 s is ".999999" in us, never "1.000000"). */
static long fraction(long ns, unsigned digits)
{
	for (unsigned i = digits; i < 9; i++)
		ns /= 10;
	return ns;
}

/* "SECONDS" or "SECONDS.FRACTION", SECONDS printed with `width`. */
static void put_seconds(struct strbuf *out, int width, long long sec, long ns, unsigned digits)
{
	strbuf_printf(out, "%*lld", width, sec);
	if (digits)
		strbuf_printf(out, ".%0*ld", (int)digits, fraction(ns, digits));
}

/* b - a, never negative (a line printed late must not show "-1.999999"). */
static struct timespec elapsed(const struct timespec *a, const struct timespec *b)
{
	struct timespec d = { b->tv_sec - a->tv_sec, b->tv_nsec - a->tv_nsec };

	if (d.tv_nsec < 0) {
		d.tv_nsec += 1000000000L;
		d.tv_sec--;
	}
	if (d.tv_sec < 0)
		d = (struct timespec){ 0, 0 };
	return d;
}

static void put_absolute(struct strbuf *out, const struct ts_opts *o, const struct timespec *wall)
{
	time_t sec = wall->tv_sec;
	struct tm tm;
	char text[32];

	if (o->absolute == TS_FORMAT_TIME && localtime_r(&sec, &tm))
		strftime(text, sizeof(text), "%T", &tm);
	else
		snprintf(text, sizeof(text), "%lld", (long long)sec);
	strbuf_puts(out, text);
	if (o->abs_digits)
		strbuf_printf(out, ".%0*ld", (int)o->abs_digits, fraction(wall->tv_nsec,
									     o->abs_digits));
	strbuf_putc(out, ' ');
}

struct timespec ts_relative_advance(struct ts_state *st, const struct stop_time *now)
{
	/* The first line is 0: strace starts its clock there. */
	struct timespec d = st->have_prev ? elapsed(&st->prev_mono, &now->mono)
					  : (struct timespec){ 0, 0 };
	st->prev_mono = now->mono;
	st->have_prev = true;
	return d;
}

void ts_format_prefix_measured(struct strbuf *out, const struct ts_opts *o,
			       const struct stop_time *now, const struct timespec *delta)
{
	bool with_absolute = o->absolute != TS_FORMAT_NONE;

	if (with_absolute)
		put_absolute(out, o, &now->wall);
	if (!o->relative)
		return;
	if (with_absolute)
		strbuf_puts(out, "(+");
	put_seconds(out, 6, (long long)delta->tv_sec, delta->tv_nsec, o->rel_digits);
	strbuf_puts(out, with_absolute ? ") " : " ");
}

void ts_format_prefix(struct strbuf *out, const struct ts_opts *o, struct ts_state *st,
		      const struct stop_time *now)
{
	struct timespec d = { 0, 0 };

	if (o->relative)
		d = ts_relative_advance(st, now);
	ts_format_prefix_measured(out, o, now, &d);
}

void ts_format_duration(struct strbuf *out, const struct ts_opts *o,
			const struct timespec *entry, const struct timespec *exit)
{
	if (!o->durations)
		return;
	struct timespec d = elapsed(entry, exit);
	strbuf_puts(out, " <");
	put_seconds(out, 0, (long long)d.tv_sec, d.tv_nsec, o->dur_digits);
	strbuf_putc(out, '>');
}

void ts_json_members(struct strbuf *out, const struct ts_opts *o, const struct stop_time *at,
		     const struct timespec *exit)
{
	bool time = ts_opts_stamps_lines(o);
	bool duration = o->durations && exit;

	if ((!time && !duration) || !out->len || out->buf[out->len - 1] != '}')
		return;
	out->len--;   /* reopen the object */
	if (time) {
		strbuf_puts(out, ",\"time\":");
		put_seconds(out, 0, (long long)at->wall.tv_sec, at->wall.tv_nsec, 6);
	}
	if (duration) {
		struct timespec d = elapsed(&at->mono, exit);
		strbuf_puts(out, ",\"duration\":");
		put_seconds(out, 0, (long long)d.tv_sec, d.tv_nsec, 6);
	}
	strbuf_putc(out, '}');
}

void stop_time_now(struct stop_time *st)
{
	clock_gettime(CLOCK_REALTIME, &st->wall);
	clock_gettime(CLOCK_MONOTONIC, &st->mono);
}
