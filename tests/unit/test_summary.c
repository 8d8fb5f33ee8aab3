/*
 * The call summary (-c, -C, -S, -U, -w): strace 6.1's table from hand-made
 * counts and times (column widths, the blank error count, percent rounding,
 * usecs/call truncation, the total row, every sort order with its ties),
 * the -S/-U parsers and their messages, the JSON object, and the collector
 * that the tracer feeds (per-personality tables, what is not counted).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/status_filter.h"
#include "ctrace/summary.h"
#include "unit.h"

static struct summary_opts opts(enum summary_sort sort, const char *columns)
{
	struct summary_opts o = { .mode = SUMMARY_ONLY, .sort = sort };
	char err[256];

	if (columns)
		ck_assert_int_eq(summary_parse_columns(&o, columns, err, sizeof(err)), 0);
	return o;
}

static const char *table(const struct summary_row *rows, size_t n, struct summary_opts o)
{
	static struct strbuf sb;

	strbuf_reset(&sb);
	summary_format_table(&sb, rows, n, &o);
	return strbuf_str(&sb);
}

START_TEST(default_table)
{
	const struct summary_row rows[] = {
		{ "read", 0, 4, 0, 3000000, 500000, 1000000 },
		{ "close", 3, 2, 1, 1000000, 400000, 600000 },
		{ "getppid", 110, 100, 0, 0, 0, 0 },
	};
	ck_assert_str_eq(table(rows, 3, opts(SUMMARY_SORT_TIME, NULL)),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 75.00    0.003000         750         4           read\n"
		" 25.00    0.001000         500         2         1 close\n"
		"  0.00    0.000000           0       100           getppid\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.004000          37       106         1 total\n");
}
END_TEST

/* Columns widen to their totals (and the name column to the longest name
 * plus one); no error at all leaves the total's errors blank too. */
START_TEST(widths_grow)
{
	const struct summary_row rows[] = {
		{ "a_very_long_syscall_name", 7, 12345678901ull, 0, 32098765142600ull, 0, 0 },
		{ "x", 8, 1, 0, 0, 0, 0 },
	};
	ck_assert_str_eq(table(rows, 2, opts(SUMMARY_SORT_TIME, NULL)),
		"% time      seconds  usecs/call       calls    errors syscall\n"
		"------ ------------ ----------- ----------- --------- -------------------------\n"
		"100.00 32098.765143           2 12345678901           a_very_long_syscall_name\n"
		"  0.00     0.000000           0           1           x\n"
		"------ ------------ ----------- ----------- --------- -------------------------\n"
		"100.00 32098.765143           2 12345678902           total\n");
}
END_TEST

START_TEST(percent_rounding_and_truncated_average)
{
	const struct summary_row rows[] = {
		{ "a", 0, 3, 0, 2, 0, 0 },        /* 66.666... */
		{ "b", 1, 1, 0, 1, 0, 0 },        /* 33.333... */
	};
	ck_assert_str_eq(table(rows, 2, opts(SUMMARY_SORT_TIME, "time,name")),
		"% time syscall\n"
		"------ ----------------\n"
		" 66.67 a\n"
		" 33.33 b\n"
		"------ ----------------\n"
		"100.00 total\n");
	/* All times 0: every share is 0.00 (not NaN), the total still 100.00. */
	const struct summary_row zero[] = { { "a", 0, 3, 0, 0, 0, 0 } };
	ck_assert_str_eq(table(zero, 1, opts(SUMMARY_SORT_TIME, "time,name")),
		"% time syscall\n------ ----------------\n  0.00 a\n"
		"------ ----------------\n100.00 total\n");
	/* 1999 ns a call is 1 usec: truncated, not rounded. */
	const struct summary_row avg[] = { { "a", 0, 2, 0, 3998, 0, 0 } };
	ck_assert_str_eq(table(avg, 1, opts(SUMMARY_SORT_TIME, "avg-time,name")),
		" usecs/call syscall\n----------- ----------------\n          1 a\n"
		"----------- ----------------\n          1 total\n");
}
END_TEST

/* rows in number order: zeta(0) beta(1) alpha(2) gamma(3) */
static const struct summary_row sort_rows[] = {
	{ "zeta", 0, 5, 0, 10, 1, 5 },
	{ "beta", 1, 7, 2, 30, 3, 10 },
	{ "alpha", 2, 7, 2, 30, 5, 10 },
	{ "gamma", 3, 1, 3, 20, 20, 20 },
};

static const char *order(const char *sort_by)
{
	struct summary_opts o = opts(SUMMARY_SORT_TIME, "name");
	char err[256];

	ck_assert_int_eq(summary_parse_sort(&o, sort_by, err, sizeof(err)), 0);
	const char *t = table(sort_rows, 4, o);
	static char names[128];
	names[0] = '\0';
	/* the names between the two rules */
	const char *p = strchr(t, '\n') + 1;
	p = strchr(p, '\n') + 1;
	while (*p != '-') {
		const char *nl = strchr(p, '\n');
		strncat(names, p, (size_t)(nl - p));
		strcat(names, " ");
		p = nl + 1;
	}
	return names;
}

START_TEST(sort_orders_keep_number_order_on_ties)
{
	ck_assert_str_eq(order("time"), "beta alpha gamma zeta ");
	ck_assert_str_eq(order("total-time"), "beta alpha gamma zeta ");
	ck_assert_str_eq(order("calls"), "beta alpha zeta gamma ");
	ck_assert_str_eq(order("count"), "beta alpha zeta gamma ");
	ck_assert_str_eq(order("errors"), "gamma beta alpha zeta ");
	ck_assert_str_eq(order("name"), "alpha beta gamma zeta ");
	ck_assert_str_eq(order("syscall"), "alpha beta gamma zeta ");
	ck_assert_str_eq(order("nothing"), "zeta beta alpha gamma ");
	ck_assert_str_eq(order("none"), "zeta beta alpha gamma ");
	ck_assert_str_eq(order("avg-time"), "gamma beta alpha zeta ");
	ck_assert_str_eq(order("min-time"), "gamma alpha beta zeta ");
	ck_assert_str_eq(order("shortest"), "gamma alpha beta zeta ");
	ck_assert_str_eq(order("max-time"), "gamma beta alpha zeta ");
	ck_assert_str_eq(order("longest"), "gamma beta alpha zeta ");
}
END_TEST

START_TEST(chosen_columns)
{
	const struct summary_row rows[] = {
		{ "getppid", 110, 100, 0, 300000000, 2000000, 7000000 },
		{ "openat", 257, 10, 7, 100000000, 0, 49000000 },
	};
	/* The name first: padded to its width; min/max as seconds. */
	ck_assert_str_eq(table(rows, 2, opts(SUMMARY_SORT_TIME, "name,calls,errors,max-time,min-time")),
		"syscall              calls    errors  longest shortest\n"
		"---------------- --------- --------- -------- --------\n"
		"getppid                100           0.007000 0.002000\n"
		"openat                  10         7 0.049000 0.000000\n"
		"---------------- --------- --------- -------- --------\n"
		"total                  110         7 0.049000 0.000000\n");
	/* No name asked for: appended, as strace does. */
	ck_assert_str_eq(table(rows, 2, opts(SUMMARY_SORT_CALLS, "calls")),
		"    calls syscall\n"
		"--------- ----------------\n"
		"      100 getppid\n"
		"       10 openat\n"
		"--------- ----------------\n"
		"      110 total\n");
}
END_TEST

START_TEST(parser_messages)
{
	struct summary_opts o = { 0 };
	char err[256];

	ck_assert_int_eq(summary_parse_sort(&o, "errors", err, sizeof(err)), 0);
	ck_assert_int_eq(o.sort, SUMMARY_SORT_ERRORS);
	ck_assert_int_eq(summary_parse_sort(&o, "bogus", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "invalid sortby: 'bogus'");
	ck_assert_int_eq(summary_parse_columns(&o, "calls,foo,name", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "unknown column name: 'foo'");
	ck_assert_int_eq(summary_parse_columns(&o, "none", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "unknown column name: 'none'");
	ck_assert_int_eq(summary_parse_columns(&o, "calls,name,count", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "call summary column has been provided more than once: "
			 "'count' (-U option residual: 'count')");
	ck_assert_int_eq(summary_parse_columns(&o, "time_percent,syscall-name", err, sizeof(err)),
			 0);
	ck_assert_int_eq(o.columns[0], SUMMARY_COL_PERCENT);
	ck_assert_int_eq(o.columns[1], SUMMARY_COL_NAME);
	ck_assert_int_eq(o.columns[2], SUMMARY_COL_NONE);
}
END_TEST

START_TEST(json_object)
{
	const struct summary_row rows[] = {
		{ "close", 3, 2, 1, 1000000, 400000, 600000 },
		{ "getppid", 110, 100, 0, 3000000, 0, 100000 },
	};
	struct summary_opts o = { .mode = SUMMARY_ONLY, .sort = SUMMARY_SORT_TIME };
	struct strbuf sb = STRBUF_INIT;

	summary_format_json(&sb, rows, 2, &o, &arch_x86_64);
	ck_assert_str_eq(strbuf_str(&sb),
		"{\"v\":1,\"type\":\"summary\",\"arch\":\"x86_64\",\"mode\":\"64 bit\","
		"\"clock\":\"system\",\"syscalls\":["
		"{\"syscall\":\"getppid\",\"nr\":110,\"calls\":100,\"errors\":0,"
		"\"seconds\":0.003000,\"usecs_per_call\":30,\"min_seconds\":0.000000,"
		"\"max_seconds\":0.000100,\"percent\":75.00},"
		"{\"syscall\":\"close\",\"nr\":3,\"calls\":2,\"errors\":1,"
		"\"seconds\":0.001000,\"usecs_per_call\":500,\"min_seconds\":0.000400,"
		"\"max_seconds\":0.000600,\"percent\":25.00}],"
		"\"total\":{\"calls\":102,\"errors\":1,\"seconds\":0.004000,\"usecs_per_call\":39}}");
	/* x32 numbers carry their bit, as in the syscall objects */
	strbuf_reset(&sb);
	o.wall_clock = true;
	summary_format_json(&sb, rows, 1, &o, &arch_x32);
	ck_assert_ptr_nonnull(strstr(strbuf_str(&sb), "\"clock\":\"wall\""));
	ck_assert_ptr_nonnull(strstr(strbuf_str(&sb), "\"nr\":1073741827,"));
	strbuf_free(&sb);
}
END_TEST

/* ---- the collector -------------------------------------------------------- */

static void call(const struct arch *arch, const char *name, bool failed, uint64_t ns,
		 bool exited)
{
	struct syscall_event ev;
	const uint64_t args[6] = { 0 };
	long nr = -1;

	for (uint32_t i = 0; i < arch->nsyscalls && nr < 0; i++) {
		const struct syscall_desc *d = arch_syscall(arch, i);
		if (d && !strcmp(d->name, name))
			nr = (long)i;
	}
	ck_assert_int_ge(nr, 0);
	memset(&ev, 0, sizeof(ev));
	event_begin(&ev, arch, (uint64_t)nr, args);
	ev.exited = exited;
	ev.error = failed ? 2 : 0;
	struct syscall_time t = { .entry_stime_ns = 1000, .exit_stime_ns = 1000 + ns };
	summary_syscall(&ev, &t);
	event_release(&ev);
}

static const char *finish(bool json)
{
	static char *text;
	size_t len;

	free(text);
	FILE *fp = open_memstream(&text, &len);
	summary_finish(fp, json);
	fclose(fp);
	return text;
}

START_TEST(collector_personalities)
{
	struct summary_opts o = { .mode = SUMMARY_BOTH, .sort = SUMMARY_SORT_CALLS };

	summary_init(&o);
	ck_assert(!summary_hides_trace());
	ck_assert_str_eq(finish(false), "");   /* nothing counted: nothing printed */

	call(&arch_x32, "getpid", false, 0, true);
	call(&arch_i386, "getpid", false, 0, true);
	call(&arch_i386, "getpid", true, 0, true);
	call(&arch_x86_64, "getppid", false, 2000, true);
	call(&arch_x86_64, "getppid", false, 0, false);   /* died inside: not counted */
	call(&arch_x86_64, "close", true, 1000, true);
	call(&arch_x86_64, "close", true, 1000, true);
	ck_assert_str_eq(finish(false),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 50.00    0.000002           1         2         2 close\n"
		" 50.00    0.000002           2         1           getppid\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000004           1         3         2 total\n"
		"System call usage summary for 32 bit mode:\n"
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"  0.00    0.000000           0         2         1 getpid\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000000           0         2         1 total\n"
		"System call usage summary for x32 mode:\n"
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"  0.00    0.000000           0         1           getpid\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000000           0         1           total\n");
	/* finish() emptied the counters */
	ck_assert_str_eq(finish(false), "");

	o.mode = SUMMARY_ONLY;
	summary_init(&o);
	ck_assert(summary_hides_trace());
	call(&arch_x86_64, "getppid", false, 0, true);
	const char *j = finish(true);
	ck_assert_ptr_nonnull(strstr(j, "{\"v\":1,\"type\":\"summary\",\"arch\":\"x86_64\""));
	ck_assert_ptr_eq(strchr(j, '\n'), j + strlen(j) - 1);   /* one line */

	o.mode = SUMMARY_OFF;
	summary_init(&o);
	call(&arch_x86_64, "getppid", false, 0, true);
	ck_assert_str_eq(finish(false), "");
}
END_TEST

/* -z / -Z: a call that died inside ("= ?") is shown by neither. */
START_TEST(status_filters)
{
	struct syscall_event ok = { .exited = true }, failed = { .exited = true, .error = 2 },
			     died = { .exited = false };

	ck_assert(status_filter_shows(STATUS_ALL, &ok));
	ck_assert(status_filter_shows(STATUS_ALL, &failed));
	ck_assert(status_filter_shows(STATUS_ALL, &died));
	ck_assert(status_filter_shows(STATUS_SUCCESSFUL, &ok));
	ck_assert(!status_filter_shows(STATUS_SUCCESSFUL, &failed));
	ck_assert(!status_filter_shows(STATUS_SUCCESSFUL, &died));
	ck_assert(!status_filter_shows(STATUS_FAILED, &ok));
	ck_assert(status_filter_shows(STATUS_FAILED, &failed));
	ck_assert(!status_filter_shows(STATUS_FAILED, &died));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("summary");

	tcase_add_test(tc, default_table);
	tcase_add_test(tc, widths_grow);
	tcase_add_test(tc, percent_rounding_and_truncated_average);
	tcase_add_test(tc, sort_orders_keep_number_order_on_ties);
	tcase_add_test(tc, chosen_columns);
	tcase_add_test(tc, parser_messages);
	tcase_add_test(tc, json_object);
	tcase_add_test(tc, collector_personalities);
	tcase_add_test(tc, status_filters);
	suite_add_tcase(s, tc);
	return s;
}
