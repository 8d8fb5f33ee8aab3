/*
 * The call summary (include/ctrace/summary.h): counting, and strace 6.1's
 * table.  The layout is strace's, measured on its output: a column is
 * never narrower than its historical width and widens to fit its total;
 * columns are separated by one space; an error count of 0 is blank; the
 * rows are stably sorted, so ties keep syscall-number order.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/print_json.h"
#include "ctrace/summary.h"

/* Every spelling strace 6.1 accepts in -S and -U (its -S also takes
 * "nothing"/"none"). */
static const struct {
	const char *name;
	uint8_t column;
} column_names[] = {
	{ "time", SUMMARY_COL_PERCENT },
	{ "time_percent", SUMMARY_COL_PERCENT },
	{ "time-percent", SUMMARY_COL_PERCENT },
	{ "time_total", SUMMARY_COL_TOTAL },
	{ "time-total", SUMMARY_COL_TOTAL },
	{ "total_time", SUMMARY_COL_TOTAL },
	{ "total-time", SUMMARY_COL_TOTAL },
	{ "min_time", SUMMARY_COL_MIN },
	{ "min-time", SUMMARY_COL_MIN },
	{ "shortest", SUMMARY_COL_MIN },
	{ "time_min", SUMMARY_COL_MIN },
	{ "time-min", SUMMARY_COL_MIN },
	{ "longest", SUMMARY_COL_MAX },
	{ "max_time", SUMMARY_COL_MAX },
	{ "max-time", SUMMARY_COL_MAX },
	{ "time_max", SUMMARY_COL_MAX },
	{ "time-max", SUMMARY_COL_MAX },
	{ "avg_time", SUMMARY_COL_AVG },
	{ "avg-time", SUMMARY_COL_AVG },
	{ "time_avg", SUMMARY_COL_AVG },
	{ "time-avg", SUMMARY_COL_AVG },
	{ "calls", SUMMARY_COL_CALLS },
	{ "count", SUMMARY_COL_CALLS },
	{ "error", SUMMARY_COL_ERRORS },
	{ "errors", SUMMARY_COL_ERRORS },
	{ "name", SUMMARY_COL_NAME },
	{ "syscall", SUMMARY_COL_NAME },
	{ "syscall_name", SUMMARY_COL_NAME },
	{ "syscall-name", SUMMARY_COL_NAME },
	{ "none", SUMMARY_COL_NONE },
	{ "nothing", SUMMARY_COL_NONE },
};

#define NCOLUMN_NAMES (sizeof(column_names) / sizeof(column_names[0]))

static const uint8_t sort_by_column[SUMMARY_COL_COUNT] = {
	[SUMMARY_COL_NONE] = SUMMARY_SORT_NOTHING,
	[SUMMARY_COL_PERCENT] = SUMMARY_SORT_TIME,
	[SUMMARY_COL_TOTAL] = SUMMARY_SORT_TIME,
	[SUMMARY_COL_MIN] = SUMMARY_SORT_MIN_TIME,
	[SUMMARY_COL_MAX] = SUMMARY_SORT_MAX_TIME,
	[SUMMARY_COL_AVG] = SUMMARY_SORT_AVG_TIME,
	[SUMMARY_COL_CALLS] = SUMMARY_SORT_CALLS,
	[SUMMARY_COL_ERRORS] = SUMMARY_SORT_ERRORS,
	[SUMMARY_COL_NAME] = SUMMARY_SORT_NAME,
};

int summary_parse_sort(struct summary_opts *o, const char *arg, char *err, size_t errlen)
{
	for (size_t i = 0; i < NCOLUMN_NAMES; i++) {
		if (!strcmp(column_names[i].name, arg)) {
			o->sort = sort_by_column[column_names[i].column];
			return 0;
		}
	}
	snprintf(err, errlen, "invalid sortby: '%s'", arg);
	return -1;
}

int summary_parse_columns(struct summary_opts *o, const char *arg, char *err, size_t errlen)
{
	bool seen[SUMMARY_COL_COUNT] = { false };
	size_t n = 0;

	memset(o->columns, 0, sizeof(o->columns));
	for (const char *p = arg;;) {
		size_t len = strcspn(p, ",");
		size_t i;
		for (i = 0; i < NCOLUMN_NAMES; i++) {
			if (column_names[i].column != SUMMARY_COL_NONE &&
			    strlen(column_names[i].name) == len &&
			    !strncmp(column_names[i].name, p, len))
				break;
		}
		if (i == NCOLUMN_NAMES) {
			snprintf(err, errlen, "unknown column name: '%.*s'", (int)len, p);
			return -1;
		}
		uint8_t c = column_names[i].column;
		if (seen[c]) {
			snprintf(err, errlen, "call summary column has been provided more than "
				 "once: '%s' (-U option residual: '%s')", column_names[i].name, p);
			return -1;
		}
		seen[c] = true;
		o->columns[n++] = c;
		if (!p[len])
			break;
		p += len + 1;
	}
	/* As strace: a table without names would mean nothing. */
	if (!seen[SUMMARY_COL_NAME])
		o->columns[n++] = SUMMARY_COL_NAME;
	return 0;
}

/* ---- the table ---------------------------------------------------------- */

/* Seconds as strace computes them (tv_sec + tv_nsec / 1e9), so that
 * rounding and truncation fall where they fall in strace. */
static double seconds(uint64_t ns)
{
	return (double)(ns / 1000000000u) + (double)(ns % 1000000000u) / 1e9;
}

/* usecs/call: the average is whole nanoseconds, shown truncated to whole
 * microseconds through a double, as strace does. */
static uint64_t avg_usecs(uint64_t time_ns, uint64_t calls)
{
	return calls ? (uint64_t)(seconds(time_ns / calls) * 1e6) : 0;
}

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

static int compare_rows(const struct summary_row *a, const struct summary_row *b,
			enum summary_sort sort)
{
	switch (sort) {
	case SUMMARY_SORT_TIME:
		return cmp_u64_desc(a->time_ns, b->time_ns);
	case SUMMARY_SORT_MIN_TIME:
		return cmp_u64_desc(a->min_ns, b->min_ns);
	case SUMMARY_SORT_MAX_TIME:
		return cmp_u64_desc(a->max_ns, b->max_ns);
	case SUMMARY_SORT_AVG_TIME:
		return cmp_u64_desc(a->time_ns / a->calls, b->time_ns / b->calls);
	case SUMMARY_SORT_CALLS:
		return cmp_u64_desc(a->calls, b->calls);
	case SUMMARY_SORT_ERRORS:
		return cmp_u64_desc(a->errors, b->errors);
	case SUMMARY_SORT_NAME:
		return strcmp(a->name, b->name);
	case SUMMARY_SORT_NOTHING:
		break;
	}
	return 0;
}

/* A stable sorted copy (insertion sort: a table has a few hundred rows at
 * most, and stability is what strace's glibc merge sort gives). */
static const struct summary_row **sorted_rows(const struct summary_row *rows, size_t n,
					      enum summary_sort sort)
{
	const struct summary_row **v = malloc((n ? n : 1) * sizeof(*v));

	if (!v)
		abort();
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j > 0 && compare_rows(v[j - 1], &rows[i], sort) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = &rows[i];
	}
	return v;
}

struct totals {
	uint64_t time_ns, calls, errors;
	uint64_t min_ns;          /* shortest call of all */
	uint64_t min_max_ns;      /* the largest of the per-syscall shortest (width) */
	uint64_t max_ns;
	uint64_t avg_max_usecs;   /* widest usecs/call */
	size_t name_max;
};

static void add_totals(struct totals *t, const struct summary_row *rows, size_t n)
{
	memset(t, 0, sizeof(*t));
	t->min_ns = UINT64_MAX;
	for (size_t i = 0; i < n; i++) {
		const struct summary_row *r = &rows[i];
		t->time_ns += r->time_ns;
		t->calls += r->calls;
		t->errors += r->errors;
		if (r->min_ns < t->min_ns)
			t->min_ns = r->min_ns;
		if (r->min_ns > t->min_max_ns)
			t->min_max_ns = r->min_ns;
		if (r->max_ns > t->max_ns)
			t->max_ns = r->max_ns;
		uint64_t avg = avg_usecs(r->time_ns, r->calls);
		if (avg > t->avg_max_usecs)
			t->avg_max_usecs = avg;
		size_t len = strlen(r->name);
		if (len > t->name_max)
			t->name_max = len;
	}
	if (!n)
		t->min_ns = 0;
}

/* Header text and historical (minimum) width of each column. */
static const struct {
	const char *title;
	unsigned width;
} column_desc[SUMMARY_COL_COUNT] = {
	[SUMMARY_COL_PERCENT] = { "% time", 6 },
	[SUMMARY_COL_TOTAL] = { "seconds", 11 },
	[SUMMARY_COL_MIN] = { "shortest", 8 },
	[SUMMARY_COL_MAX] = { "longest", 7 },
	[SUMMARY_COL_AVG] = { "usecs/call", 11 },
	[SUMMARY_COL_CALLS] = { "calls", 9 },
	[SUMMARY_COL_ERRORS] = { "errors", 9 },
	[SUMMARY_COL_NAME] = { "syscall", 16 },
};

static unsigned chars(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static unsigned chars(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return n > 0 ? (unsigned)n : 0;
}

static unsigned at_least(unsigned min, unsigned n)
{
	return n > min ? n : min;
}

static void column_widths(unsigned w[SUMMARY_COL_COUNT], const struct totals *t)
{
	for (int c = 0; c < SUMMARY_COL_COUNT; c++)
		w[c] = column_desc[c].width;
	w[SUMMARY_COL_TOTAL] = at_least(11, chars("%.6f", seconds(t->time_ns)));
	w[SUMMARY_COL_MIN] = at_least(8, chars("%" PRIu64 ".000000", t->min_max_ns / 1000000000u));
	w[SUMMARY_COL_MAX] = at_least(7, chars("%" PRIu64 ".000000", t->max_ns / 1000000000u));
	w[SUMMARY_COL_AVG] = at_least(11, chars("%" PRIu64, t->avg_max_usecs));
	w[SUMMARY_COL_CALLS] = at_least(9, chars("%" PRIu64, t->calls));
	w[SUMMARY_COL_ERRORS] = at_least(9, chars("%" PRIu64, t->errors));
	w[SUMMARY_COL_NAME] = at_least(16, (unsigned)t->name_max + 1);
}

static const uint8_t default_columns[] = {
	SUMMARY_COL_PERCENT, SUMMARY_COL_TOTAL, SUMMARY_COL_AVG,
	SUMMARY_COL_CALLS, SUMMARY_COL_ERRORS, SUMMARY_COL_NAME, SUMMARY_COL_NONE,
};

static const uint8_t *columns_of(const struct summary_opts *o)
{
	return o->columns[0] != SUMMARY_COL_NONE ? o->columns : default_columns;
}

static void put_rule(struct strbuf *out, const uint8_t *cols, const unsigned *w)
{
	for (size_t i = 0; i < SUMMARY_COL_COUNT && cols[i] != SUMMARY_COL_NONE; i++) {
		if (i)
			strbuf_putc(out, ' ');
		for (unsigned j = 0; j < w[cols[i]]; j++)
			strbuf_putc(out, '-');
	}
	strbuf_putc(out, '\n');
}

/* The values of one line: a syscall's row, or the totals. */
struct line {
	double percent;
	uint64_t time_ns, min_ns, max_ns, avg_usecs, calls, errors;
	const char *name;
};

static void put_line(struct strbuf *out, const struct line *l, const uint8_t *cols,
		     const unsigned *w)
{
	for (size_t i = 0; i < SUMMARY_COL_COUNT && cols[i] != SUMMARY_COL_NONE; i++) {
		int c = cols[i];
		int width = (int)w[c];
		bool last = i + 1 == SUMMARY_COL_COUNT || cols[i + 1] == SUMMARY_COL_NONE;
		if (i)
			strbuf_putc(out, ' ');
		switch (c) {
		case SUMMARY_COL_PERCENT:
			strbuf_printf(out, "%*.2f", width, l->percent);
			break;
		case SUMMARY_COL_TOTAL:
			strbuf_printf(out, "%*.6f", width, seconds(l->time_ns));
			break;
		case SUMMARY_COL_MIN:
			strbuf_printf(out, "%*.6f", width, seconds(l->min_ns));
			break;
		case SUMMARY_COL_MAX:
			strbuf_printf(out, "%*.6f", width, seconds(l->max_ns));
			break;
		case SUMMARY_COL_AVG:
			strbuf_printf(out, "%*" PRIu64, width, l->avg_usecs);
			break;
		case SUMMARY_COL_CALLS:
			strbuf_printf(out, "%*" PRIu64, width, l->calls);
			break;
		case SUMMARY_COL_ERRORS:
			/* precision 0: no errors prints as blanks */
			strbuf_printf(out, "%*.0" PRIu64, width, l->errors);
			break;
		case SUMMARY_COL_NAME:
			if (last)
				strbuf_puts(out, l->name);
			else
				strbuf_printf(out, "%-*s", width, l->name);
			break;
		}
	}
	strbuf_putc(out, '\n');
}

void summary_format_table(struct strbuf *out, const struct summary_row *rows, size_t n,
			  const struct summary_opts *o)
{
	const uint8_t *cols = columns_of(o);
	unsigned w[SUMMARY_COL_COUNT];
	struct totals t;

	add_totals(&t, rows, n);
	column_widths(w, &t);

	for (size_t i = 0; i < SUMMARY_COL_COUNT && cols[i] != SUMMARY_COL_NONE; i++) {
		int c = cols[i];
		bool last = i + 1 == SUMMARY_COL_COUNT || cols[i + 1] == SUMMARY_COL_NONE;
		if (i)
			strbuf_putc(out, ' ');
		if (c == SUMMARY_COL_NAME && last)
			strbuf_puts(out, column_desc[c].title);
		else if (c == SUMMARY_COL_NAME)
			strbuf_printf(out, "%-*s", (int)w[c], column_desc[c].title);
		else
			strbuf_printf(out, "%*s", (int)w[c], column_desc[c].title);
	}
	strbuf_putc(out, '\n');
	put_rule(out, cols, w);

	const struct summary_row **v = sorted_rows(rows, n, o->sort);
	double total = seconds(t.time_ns);
	for (size_t i = 0; i < n; i++) {
		const struct summary_row *r = v[i];
		/* strace divides only a non-zero share: 0/0 would be NaN */
		double percent = 100.0 * seconds(r->time_ns);
		if (percent != 0.0)
			percent /= total;
		struct line l = {
			.percent = percent, .time_ns = r->time_ns, .min_ns = r->min_ns,
			.max_ns = r->max_ns, .avg_usecs = avg_usecs(r->time_ns, r->calls),
			.calls = r->calls, .errors = r->errors, .name = r->name,
		};
		put_line(out, &l, cols, w);
	}
	free(v);

	put_rule(out, cols, w);
	struct line l = {
		.percent = 100.0, .time_ns = t.time_ns, .min_ns = t.min_ns, .max_ns = t.max_ns,
		.avg_usecs = t.calls ? (uint64_t)(total / (double)t.calls * 1e6) : 0,
		.calls = t.calls, .errors = t.errors, .name = "total",
	};
	put_line(out, &l, cols, w);
}

void summary_format_json(struct strbuf *out, const struct summary_row *rows, size_t n,
			 const struct summary_opts *o, const struct arch *arch)
{
	struct totals t;

	add_totals(&t, rows, n);
	double total = seconds(t.time_ns);
	strbuf_printf(out, "{\"v\":%d,\"type\":\"summary\",\"arch\":", JSON_SCHEMA_VERSION);
	json_format_string(out, arch->name, strlen(arch->name));
	strbuf_puts(out, ",\"mode\":");
	json_format_string(out, arch->mode_name, strlen(arch->mode_name));
	strbuf_printf(out, ",\"clock\":\"%s\",\"syscalls\":[", o->wall_clock ? "wall" : "system");

	const struct summary_row **v = sorted_rows(rows, n, o->sort);
	for (size_t i = 0; i < n; i++) {
		const struct summary_row *r = v[i];
		double percent = 100.0 * seconds(r->time_ns);
		if (percent != 0.0)
			percent /= total;
		strbuf_puts(out, i ? ",{\"syscall\":" : "{\"syscall\":");
		json_format_string(out, r->name, strlen(r->name));
		strbuf_printf(out, ",\"nr\":%" PRIu64 ",\"calls\":%" PRIu64 ",\"errors\":%" PRIu64
			      ",\"seconds\":%.6f,\"usecs_per_call\":%" PRIu64
			      ",\"min_seconds\":%.6f,\"max_seconds\":%.6f,\"percent\":%.2f}",
			      r->nr | arch->nr_bit, r->calls, r->errors, seconds(r->time_ns),
			      avg_usecs(r->time_ns, r->calls), seconds(r->min_ns),
			      seconds(r->max_ns), percent);
	}
	free(v);
	strbuf_printf(out, "],\"total\":{\"calls\":%" PRIu64 ",\"errors\":%" PRIu64
		      ",\"seconds\":%.6f,\"usecs_per_call\":%" PRIu64 "}}",
		      t.calls, t.errors, total,
		      t.calls ? (uint64_t)(total / (double)t.calls * 1e6) : 0);
}
