/*
 * strace's time options as text: -t, -tt, -ttt (--absolute-timestamps),
 * -r (--relative-timestamps) and -T (--syscall-times).
 *
 * The tracer stamps every stop it sees (stop_time_now(), one pair of clock
 * reads); the stamps travel with the task and its syscall event; these
 * functions only format them, so that crafted times can be unit-tested.
 * Every rule here (widths, truncation rather than rounding, "(+ ...)" when
 * -t and -r are combined) was seen in strace 6.1's output.
 */
#ifndef CTRACE_TIMESTAMPS_H
#define CTRACE_TIMESTAMPS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "ctrace/strbuf.h"

/* When the tracer saw a stop: wall clock for -t, monotonic for -r and -T. */
struct stop_time {
	struct timespec wall;
	struct timespec mono;
};

enum ts_format {
	TS_FORMAT_NONE,   /* no absolute time stamp */
	TS_FORMAT_TIME,   /* HH:MM:SS, local time (strftime %T) */
	TS_FORMAT_UNIX,   /* seconds since the epoch (strftime %s) */
};

struct ts_opts {
	enum ts_format absolute;     /* -t, -tt, -ttt, --absolute-timestamps */
	unsigned abs_digits;         /* decimals: 0 (s), 3 (ms), 6 (us) or 9 (ns) */
	bool relative;               /* -r: time since the previous line's */
	unsigned rel_digits;
	bool durations;              /* -T: " <0.000012>" after the return value */
	unsigned dur_digits;

	/* While parsing (ts_opts_finish() turns them into the above). */
	int t_count;                 /* how many -t */
	bool abs_long;               /* --absolute-timestamps given */
	int abs_long_format;         /* -1: not given */
	int abs_long_digits;         /* -1: not given */
};

/* Before parsing: nothing selected. */
void ts_opts_init(struct ts_opts *o);

/*
 * Option arguments, as strace 6.1 accepts them.  Each returns 0, or -1
 * with a message ("invalid --syscall-times argument: 'xx'") in err.
 *   --absolute-timestamps[=ARG]: ARG is a comma-separated list of
 *     [format:]none|time|unix and [precision:]s|ms|us|ns; NULL or "" keeps the
 *     defaults (time, s); what one option leaves out another may set.
 *   --relative-timestamps[=P], --syscall-times[=P]: P is s|ms|us|ns, NULL is us.
 */
int ts_parse_absolute(struct ts_opts *o, const char *arg, char *err, size_t errlen);
int ts_parse_relative(struct ts_opts *o, const char *arg, char *err, size_t errlen);
int ts_parse_durations(struct ts_opts *o, const char *arg, char *err, size_t errlen);

/* After parsing: -t counts and the long form settle the absolute format.
 * -1 with a message when both -t and --absolute-timestamps were given. */
int ts_opts_finish(struct ts_opts *o, char *err, size_t errlen);

/* Any time stamp on lines (-t family or -r): JSON objects then carry "time". */
bool ts_opts_stamps_lines(const struct ts_opts *o);

/* Printing state: -r measures from the previous line, whichever task's and
 * whichever -ff file it went to (strace 6.1 keeps one clock for all). */
struct ts_state {
	bool have_prev;
	struct timespec prev_mono;
};

/* The time stamp at the start of a line, after any pid prefix:
 * "14:31:44 ", "14:31:44.970166 ", "1795444309.814513 ", "     0.000123 ",
 * "14:32:03.055624 (+     0.000077) ".  Nothing when no option asks. */
void ts_format_prefix(struct strbuf *out, const struct ts_opts *o, struct ts_state *st,
		      const struct stop_time *now);

/*
 * The same in two steps, for a line staged at a call's entry and printed (or
 * not) at its exit (-z, -Z): strace measures -r there, so a hidden call
 * still restarts the -r clock.  ts_relative_advance() returns the time
 * since the previous line (0 for the first) and makes `now` the previous.
 */
struct timespec ts_relative_advance(struct ts_state *st, const struct stop_time *now);
void ts_format_prefix_measured(struct strbuf *out, const struct ts_opts *o,
			       const struct stop_time *now, const struct timespec *delta);

/* -T: " <0.000012>" for a syscall that ran from `entry` to `exit`. */
void ts_format_duration(struct strbuf *out, const struct ts_opts *o,
			const struct timespec *entry, const struct timespec *exit);

/*
 * --json: adds "time" (at->wall, seconds since the epoch with microseconds,
 * when lines carry a time stamp) and "duration" (seconds with microseconds,
 * when -T and `exit` is not NULL) to the JSON object that `out` ends with.
 */
void ts_json_members(struct strbuf *out, const struct ts_opts *o, const struct stop_time *at,
		     const struct timespec *exit);

/* The tracer's clock reads at a stop. */
void stop_time_now(struct stop_time *st);

#endif
