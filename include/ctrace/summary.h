/*
 * strace's call summary (-c, -C, -S, -U, -w): per-syscall counts of calls,
 * errors and time, printed as strace 6.1's table when tracing ends.
 *
 * The summary is a printer over finished events: it never decodes anything.
 * The tracer hands it each returned syscall with the times it took at the
 * syscall's entry and exit stops (struct syscall_time); this file counts
 * and formats.
 *
 * What "time" is, as in strace 6.1: by default the system CPU time the
 * traced task's process used between the entry and exit stops (from the
 * rusage wait4() reports with each stop: the whole thread group's, plus its
 * reaped children's); with -w the wall-clock time between the two stops.
 */
#ifndef CTRACE_SUMMARY_H
#define CTRACE_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "ctrace/event.h"
#include "ctrace/strbuf.h"

enum summary_mode {
	SUMMARY_OFF,
	SUMMARY_ONLY,     /* -c: the table instead of the trace */
	SUMMARY_BOTH,     /* -C: the trace, then the table */
};

/* -S: the order of the rows.  Ties keep syscall-number order. */
enum summary_sort {
	SUMMARY_SORT_TIME,        /* the default: total time, longest first */
	SUMMARY_SORT_MIN_TIME,
	SUMMARY_SORT_MAX_TIME,
	SUMMARY_SORT_AVG_TIME,
	SUMMARY_SORT_CALLS,
	SUMMARY_SORT_ERRORS,
	SUMMARY_SORT_NAME,
	SUMMARY_SORT_NOTHING,     /* syscall-number order */
};

/* -U: the columns, in the order given. */
enum summary_column {
	SUMMARY_COL_NONE,         /* ends a column list */
	SUMMARY_COL_PERCENT,      /* % time */
	SUMMARY_COL_TOTAL,        /* seconds */
	SUMMARY_COL_MIN,          /* shortest */
	SUMMARY_COL_MAX,          /* longest */
	SUMMARY_COL_AVG,          /* usecs/call */
	SUMMARY_COL_CALLS,
	SUMMARY_COL_ERRORS,
	SUMMARY_COL_NAME,         /* syscall */
	SUMMARY_COL_COUNT
};

struct summary_opts {
	enum summary_mode mode;
	enum summary_sort sort;
	bool wall_clock;          /* -w */
	/* -U; all SUMMARY_COL_NONE: strace's default columns */
	uint8_t columns[SUMMARY_COL_COUNT];
};

/* Parsers for -S and -U: 0, or -1 with strace's message in err. */
int summary_parse_sort(struct summary_opts *o, const char *arg, char *err, size_t errlen);
int summary_parse_columns(struct summary_opts *o, const char *arg, char *err, size_t errlen);

/*
 * One row of the table: a syscall that was called at least once.  Times
 * are nanoseconds.  `min_ns`/`max_ns` are the shortest and longest call.
 */
struct summary_row {
	const char *name;
	uint64_t nr;
	uint64_t calls;
	uint64_t errors;
	uint64_t time_ns;
	uint64_t min_ns;
	uint64_t max_ns;
};

/*
 * strace 6.1's table for `rows` (given in syscall-number order; sorted here
 * by o->sort, on a copy): header, dashed rule, rows, rule, total row.
 */
void summary_format_table(struct strbuf *out, const struct summary_row *rows, size_t n,
			  const struct summary_opts *o);

/* The same facts as one JSON object of type "summary" (man ctrace, JSON
 * OUTPUT), without a trailing newline. */
void summary_format_json(struct strbuf *out, const struct summary_row *rows, size_t n,
			 const struct summary_opts *o, const struct arch *arch);

/* ---- the collector, fed by the tracer -------------------------------- */

/* When a syscall ran, as the tracer saw it at its entry and exit stops. */
struct syscall_time {
	struct timespec entry_wall;   /* CLOCK_MONOTONIC */
	struct timespec exit_wall;
	uint64_t entry_stime_ns;      /* the process's system time, from wait4 */
	uint64_t exit_stime_ns;
};

void summary_init(const struct summary_opts *o);
/* Counts a syscall that returned (ignored when !ev->exited: strace counts
 * no call whose task died inside it). */
void summary_syscall(const struct syscall_event *ev, const struct syscall_time *t);
/* The trace lines (syscalls, signals, exits) are for -C and no summary,
 * not for -c. */
bool summary_hides_trace(void);
/*
 * Writes the tables (one per personality that made calls: the native one
 * first, untitled, then e.g. "System call usage summary for 32 bit mode:"),
 * or JSON objects, to fp; nothing when no call was counted.  Frees the
 * counts.
 */
void summary_finish(FILE *fp, bool json);

#endif
