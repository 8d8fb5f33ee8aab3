/*
 * -t/-tt/-ttt/-r/-T text and --color from crafted times: the widths, the
 * truncation (never rounding) and the combined forms seen in strace 6.1's
 * output, the option syntax strace 6.1 accepts and rejects, and colour
 * spans that add escape sequences without changing the text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctrace/color.h"
#include "ctrace/timestamps.h"
#include "unit.h"

/* 2026-11-24 00:00:00 UTC. */
#define MIDNIGHT 1795478400LL

static struct strbuf sb;

static void utc(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
}

static struct stop_time at(long long wall_s, long wall_ns, long long mono_s, long mono_ns)
{
	return (struct stop_time){ { (time_t)wall_s, wall_ns }, { (time_t)mono_s, mono_ns } };
}

/* Options from command-line words, as main.c feeds them. */
static struct ts_opts opts(int t_count, const char *absolute, const char *relative,
			   const char *durations)
{
	struct ts_opts o;
	char err[128];

	ts_opts_init(&o);
	o.t_count = t_count;
	if (absolute)
		ck_assert_int_eq(ts_parse_absolute(&o, absolute, err, sizeof(err)), 0);
	if (relative)
		ck_assert_int_eq(ts_parse_relative(&o, *relative ? relative : NULL, err,
						   sizeof(err)), 0);
	if (durations)
		ck_assert_int_eq(ts_parse_durations(&o, *durations ? durations : NULL, err,
						    sizeof(err)), 0);
	ck_assert_int_eq(ts_opts_finish(&o, err, sizeof(err)), 0);
	return o;
}

static const char *prefix(const struct ts_opts *o, struct ts_state *st, struct stop_time now)
{
	strbuf_reset(&sb);
	ts_format_prefix(&sb, o, st, &now);
	return strbuf_str(&sb);
}

static const char *prefix1(const struct ts_opts *o, struct stop_time now)
{
	struct ts_state st = { 0 };
	return prefix(o, &st, now);
}

START_TEST(absolute_forms_and_truncation)
{
	utc();
	struct stop_time last = at(MIDNIGHT - 1, 999999999, 5, 0);   /* 23:59:59.999999999 */
	struct stop_time first = at(MIDNIGHT, 0, 5, 0);

	struct ts_opts t = opts(1, NULL, NULL, NULL);
	ck_assert_str_eq(prefix1(&t, last), "23:59:59 ");
	ck_assert_str_eq(prefix1(&t, first), "00:00:00 ");
	struct ts_opts tt = opts(2, NULL, NULL, NULL);
	ck_assert_str_eq(prefix1(&tt, last), "23:59:59.999999 ");   /* cut, not rounded */
	ck_assert_str_eq(prefix1(&tt, at(MIDNIGHT, 123, 0, 0)), "00:00:00.000000 ");
	ck_assert_str_eq(prefix1(&tt, at(MIDNIGHT + 3600, 42000, 0, 0)), "01:00:00.000042 ");
	struct ts_opts ttt = opts(3, NULL, NULL, NULL);
	ck_assert_str_eq(prefix1(&ttt, last), "1795478399.999999 ");
	struct ts_opts tttt = opts(4, NULL, NULL, NULL);
	ck_assert_str_eq(prefix1(&tttt, first), "1795478400.000000 ");

	/* Local time, not UTC: -t follows TZ as strace's localtime() does. */
	setenv("TZ", "UTC-2", 1);
	tzset();
	ck_assert_str_eq(prefix1(&t, first), "02:00:00 ");
	utc();

	/* The long forms. */
	struct ts_opts o = opts(0, NULL, NULL, NULL);
	ck_assert_str_eq(prefix1(&o, last), "");
	o = opts(0, "", NULL, NULL);
	ck_assert_str_eq(prefix1(&o, last), "23:59:59 ");
	o = opts(0, "precision:ms", NULL, NULL);
	ck_assert_str_eq(prefix1(&o, last), "23:59:59.999 ");
	o = opts(0, "unix,ns", NULL, NULL);
	ck_assert_str_eq(prefix1(&o, last), "1795478399.999999999 ");
	o = opts(0, "format:unix", NULL, NULL);
	ck_assert_str_eq(prefix1(&o, last), "1795478399 ");
	o = opts(0, "precision:us,format:unix", NULL, NULL);
	ck_assert_str_eq(prefix1(&o, last), "1795478399.999999 ");
	o = opts(0, "format:none", NULL, NULL);
	ck_assert_str_eq(prefix1(&o, last), "");
	o = opts(0, "unix,s,ns", NULL, NULL);   /* the last word wins */
	ck_assert_str_eq(prefix1(&o, last), "1795478399.999999999 ");
	o = opts(0, ",Ms,", NULL, NULL);        /* empty words skipped, any case */
	ck_assert_str_eq(prefix1(&o, last), "23:59:59.999 ");
}
END_TEST

START_TEST(absolute_options_accumulate_and_errors)
{
	struct ts_opts o;
	char err[128];

	utc();
	/* strace 6.1: "--absolute-timestamps=ms --absolute-timestamps=unix" is unix.ms. */
	ts_opts_init(&o);
	ck_assert_int_eq(ts_parse_absolute(&o, "ms", err, sizeof(err)), 0);
	ck_assert_int_eq(ts_parse_absolute(&o, "unix", err, sizeof(err)), 0);
	ck_assert_int_eq(ts_opts_finish(&o, err, sizeof(err)), 0);
	ck_assert_str_eq(prefix1(&o, at(MIDNIGHT, 5000000, 0, 0)), "1795478400.005 ");

	static const char *const bad[] = { "foo", "format:", "precision:", "format:ms",
					   "precision:unix", "us;ms", "time,xs" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ts_opts_init(&o);
		ck_assert_int_eq(ts_parse_absolute(&o, bad[i], err, sizeof(err)), -1);
		char want[128];
		snprintf(want, sizeof(want), "invalid --absolute-timestamps argument: '%s'",
			 bad[i]);
		ck_assert_str_eq(err, want);
	}

	ts_opts_init(&o);
	o.t_count = 2;
	ck_assert_int_eq(ts_parse_absolute(&o, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(ts_opts_finish(&o, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "-t and --absolute-timestamps cannot be provided simultaneously");

	ts_opts_init(&o);
	ck_assert_int_eq(ts_parse_relative(&o, "", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "invalid --relative-timestamps argument: ''");
	ck_assert_int_eq(ts_parse_durations(&o, "xx", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "invalid --syscall-times argument: 'xx'");
	/* A bare -r after --relative-timestamps=ms is back to microseconds. */
	ck_assert_int_eq(ts_parse_relative(&o, "ms", err, sizeof(err)), 0);
	ck_assert_int_eq(ts_parse_relative(&o, NULL, err, sizeof(err)), 0);
	ck_assert_uint_eq(o.rel_digits, 6);
}
END_TEST

START_TEST(relative_deltas)
{
	struct ts_state st = { 0 };
	struct ts_opts r = opts(0, NULL, "", NULL);

	utc();
	/* The first line is 0; each next one is measured from the line before. */
	ck_assert_str_eq(prefix(&r, &st, at(0, 0, 100, 500)), "     0.000000 ");
	ck_assert_str_eq(prefix(&r, &st, at(0, 0, 100, 123500)), "     0.000123 ");
	ck_assert_str_eq(prefix(&r, &st, at(0, 0, 101, 123499)), "     0.999999 ");
	ck_assert_str_eq(prefix(&r, &st, at(0, 0, 1234668, 0)), "1234566.999876 ");
	/* A stamp older than the previous line's: 0, never negative. */
	ck_assert_str_eq(prefix(&r, &st, at(0, 0, 5, 0)), "     0.000000 ");

	struct ts_state st2 = { 0 };
	struct ts_opts rs = opts(0, NULL, "s", NULL);
	ck_assert_str_eq(prefix(&rs, &st2, at(0, 0, 1, 0)), "     0 ");
	ck_assert_str_eq(prefix(&rs, &st2, at(0, 0, 3, 999999999)), "     2 ");
	struct ts_opts rms = opts(0, NULL, "ms", NULL);
	ck_assert_str_eq(prefix(&rms, &st2, at(0, 0, 4, 1999998)), "     0.001 ");
	struct ts_opts rns = opts(0, NULL, "ns", NULL);
	ck_assert_str_eq(prefix(&rns, &st2, at(0, 0, 4, 2080059)), "     0.000080061 ");

	/* With -t/-tt: "(+ ...)" after the clock. */
	struct ts_state st3 = { 0 };
	struct ts_opts tr = opts(1, NULL, "", NULL);
	ck_assert_str_eq(prefix(&tr, &st3, at(MIDNIGHT, 0, 7, 0)), "00:00:00 (+     0.000000) ");
	struct ts_opts ttr = opts(2, NULL, "", NULL);
	ck_assert_str_eq(prefix(&ttr, &st3, at(MIDNIGHT, 55624000, 7, 77000)),
			 "00:00:00.055624 (+     0.000077) ");
}
END_TEST

/* -z/-Z: the -r clock advances at each entry, shown or not. */
START_TEST(relative_measured_at_entry)
{
	struct ts_state st = { 0 };
	struct ts_opts ttr = opts(2, NULL, "", NULL);

	utc();
	struct stop_time hidden = at(MIDNIGHT, 100000, 50, 100000);
	struct stop_time shown = at(MIDNIGHT, 400000, 50, 400000);
	struct timespec d_hidden = ts_relative_advance(&st, &hidden);
	struct timespec d_shown = ts_relative_advance(&st, &shown);
	ck_assert_int_eq(d_hidden.tv_sec, 0);
	ck_assert_int_eq(d_hidden.tv_nsec, 0);   /* the first */
	strbuf_reset(&sb);
	ts_format_prefix_measured(&sb, &ttr, &shown, &d_shown);
	ck_assert_str_eq(strbuf_str(&sb), "00:00:00.000400 (+     0.000300) ");
	/* The next line is measured from the shown one's entry. */
	ck_assert_str_eq(prefix(&ttr, &st, at(MIDNIGHT, 900000, 50, 900000)),
			 "00:00:00.000900 (+     0.000500) ");
	/* Without -r the delta is not printed. */
	struct ts_opts t = opts(1, NULL, NULL, NULL);
	strbuf_reset(&sb);
	ts_format_prefix_measured(&sb, &t, &shown, &d_shown);
	ck_assert_str_eq(strbuf_str(&sb), "00:00:00 ");
}
END_TEST

static const char *duration(const struct ts_opts *o, struct timespec a, struct timespec b)
{
	strbuf_reset(&sb);
	ts_format_duration(&sb, o, &a, &b);
	return strbuf_str(&sb);
}

START_TEST(syscall_durations)
{
	struct ts_opts none = opts(0, NULL, NULL, NULL);
	struct ts_opts us = opts(0, NULL, NULL, "");
	struct ts_opts s = opts(0, NULL, NULL, "s");
	struct ts_opts ms = opts(0, NULL, NULL, "ms");
	struct ts_opts ns = opts(0, NULL, NULL, "ns");

	struct timespec a = { 10, 999990000 }, b = { 11, 2000 };   /* 12 us apart */
	ck_assert_str_eq(duration(&none, a, b), "");
	ck_assert_str_eq(duration(&us, a, b), " <0.000012>");
	ck_assert_str_eq(duration(&s, a, b), " <0>");
	ck_assert_str_eq(duration(&ms, a, b), " <0.000>");
	ck_assert_str_eq(duration(&ns, a, b), " <0.000012000>");
	struct timespec one = { 1, 0 }, almost_four = { 3, 999999999 };
	ck_assert_str_eq(duration(&us, one, almost_four), " <2.999999>");
	ck_assert_str_eq(duration(&us, b, a), " <0.000000>");   /* never negative */
}
END_TEST

START_TEST(json_members)
{
	struct ts_opts none = opts(0, NULL, NULL, NULL);
	struct ts_opts t = opts(1, NULL, NULL, NULL);
	struct ts_opts r = opts(0, NULL, "ms", NULL);
	struct ts_opts tT = opts(3, NULL, NULL, "ns");
	struct ts_opts T = opts(0, NULL, NULL, "");
	struct stop_time entry = at(MIDNIGHT, 1500, 20, 0);
	struct timespec exit = { 21, 250000999 };

	strbuf_reset(&sb);
	strbuf_puts(&sb, "{\"v\":1}");
	ts_json_members(&sb, &none, &entry, &exit);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1}");
	ts_json_members(&sb, &t, &entry, &exit);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"time\":1795478400.000001}");

	strbuf_reset(&sb);
	strbuf_puts(&sb, "{\"v\":1}");
	ts_json_members(&sb, &r, &entry, NULL);   /* -r: the time; no exit: no duration */
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"time\":1795478400.000001}");

	strbuf_reset(&sb);
	strbuf_puts(&sb, "{\"v\":1}");
	ts_json_members(&sb, &tT, &entry, &exit);   /* always microseconds in JSON */
	ck_assert_str_eq(strbuf_str(&sb),
			 "{\"v\":1,\"time\":1795478400.000001,\"duration\":1.250000}");

	strbuf_reset(&sb);
	strbuf_puts(&sb, "{\"v\":1}");
	ts_json_members(&sb, &T, &entry, &exit);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"duration\":1.250000}");
}
END_TEST

START_TEST(color_modes_and_spans)
{
	ck_assert_int_eq(color_parse_mode("never"), COLOR_NEVER);
	ck_assert_int_eq(color_parse_mode("auto"), COLOR_AUTO);
	ck_assert_int_eq(color_parse_mode("always"), COLOR_ALWAYS);
	ck_assert_int_eq(color_parse_mode(NULL), COLOR_ALWAYS);
	ck_assert_int_eq(color_parse_mode("yes"), -1);

	ck_assert(color_decide(COLOR_AUTO, true, NULL));
	ck_assert(color_decide(COLOR_AUTO, true, ""));          /* empty NO_COLOR: ignored */
	ck_assert(!color_decide(COLOR_AUTO, true, "1"));
	ck_assert(!color_decide(COLOR_AUTO, false, NULL));
	ck_assert(color_decide(COLOR_ALWAYS, false, "1"));      /* asked for: given */
	ck_assert(!color_decide(COLOR_NEVER, true, NULL));

	const char *line =
		"[pid  12] open(\"x\", O_RDONLY) = -1 ENOENT (No such file or directory)\n";
	struct color_spans cs = { 0 };
	size_t rval = (size_t)(strstr(line, "= -1") - line);
	color_mark(&cs, 0, 9, COLOR_PREFIX);
	color_mark(&cs, 10, 14, COLOR_SYSCALL);
	color_mark(&cs, 12, 20, COLOR_SIGNAL);    /* overlaps: dropped */
	color_mark(&cs, rval, rval, COLOR_ERROR); /* empty: dropped */
	color_mark(&cs, rval, strlen(line) - 1, COLOR_ERROR);
	ck_assert_uint_eq(cs.n, 3);
	strbuf_reset(&sb);
	color_render(&sb, line, strlen(line), &cs);
	ck_assert_str_eq(strbuf_str(&sb),
			 "\033[2m[pid  12]\033[0m \033[1mopen\033[0m(\"x\", O_RDONLY) "
			 "\033[31m= -1 ENOENT (No such file or directory)\033[0m\n");

	/* No spans: the text as it was. */
	struct color_spans none = { 0 };
	strbuf_reset(&sb);
	color_render(&sb, line, strlen(line), &none);
	ck_assert_str_eq(strbuf_str(&sb), line);
}
END_TEST

static void teardown(void)
{
	strbuf_free(&sb);
}

Suite *test_suite(void)
{
	Suite *s = suite_create("timestamps");
	TCase *tc = tcase_create("format");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, absolute_forms_and_truncation);
	tcase_add_test(tc, absolute_options_accumulate_and_errors);
	tcase_add_test(tc, relative_deltas);
	tcase_add_test(tc, relative_measured_at_entry);
	tcase_add_test(tc, syscall_durations);
	tcase_add_test(tc, json_members);
	tcase_add_test(tc, color_modes_and_spans);
	suite_add_tcase(s, tc);
	return s;
}
