/*
 * clock_gettime, clock_getres, clock_nanosleep, nanosleep, gettimeofday,
 * utimensat, alarm: strace 6.1's lines for the same arguments and memory.
 */
#include <stdlib.h>
#include <string.h>

#include "decode_text.h"

START_TEST(clock_calls)
{
	struct decode_run r;
	static const int64_t ts[2] = { 9003, 112219378 };
	static const int32_t ts32[2] = { 5, 6 };
	static const int64_t tv[2] = { 1795444386, 230580 };
	static const int32_t tz[2] = { 0, 0 };

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, ts, sizeof(ts));
	fake_mem_add(&r.mem, 0x2000, ts32, sizeof(ts32));
	fake_mem_add(&r.mem, 0x3000, tv, sizeof(tv));
	fake_mem_add(&r.mem, 0x4000, tz, sizeof(tz));
	decode_entry(&r, &arch_x86_64, SYS_clock_gettime, DECODE_ARGS(1, 0x1000));
	ck_assert_str_eq(r.entry.buf, "clock_gettime(CLOCK_MONOTONIC, ");
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "clock_gettime(CLOCK_MONOTONIC, {tv_sec=9003, tv_nsec=112219378}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_clock_gettime, DECODE_ARGS(77, 0x1000), -22),
			 "clock_gettime(0x4d /* CLOCK_??? */, 0x1000) = -1 EINVAL (Invalid "
			 "argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_clock_gettime, DECODE_ARGS(7, 0), -14),
			 "clock_gettime(CLOCK_BOOTTIME, NULL) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_clock_getres, DECODE_ARGS(4, 0x1000), 0),
			 "clock_getres(CLOCK_MONOTONIC_RAW, {tv_sec=9003, tv_nsec=112219378}) = 0");
	/* i386: clock_gettime has 32-bit words, clock_gettime64 64-bit ones */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_clock_gettime, DECODE_ARGS(0, 0x2000), 0),
			 "clock_gettime(CLOCK_REALTIME, {tv_sec=5, tv_nsec=6}) = 0");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_clock_gettime64, DECODE_ARGS(0, 0x1000), 0),
			 "clock_gettime64(CLOCK_REALTIME, {tv_sec=9003, tv_nsec=112219378}) = 0");
	/* the remaining time only when a relative sleep was interrupted */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_clock_nanosleep,
			       DECODE_ARGS(1, 0, 0x1000, 0x3000), 0),
			 "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=9003, tv_nsec=112219378}, "
			 "0x3000) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_clock_nanosleep,
			       DECODE_ARGS(0, 0, 0x1000, 0x1000), -514),
			 "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=9003, tv_nsec=112219378}, "
			 "{tv_sec=9003, tv_nsec=112219378}) = ? ERESTARTNOHAND (To be restarted if "
			 "no "
			 "handler)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_clock_nanosleep,
			       DECODE_ARGS(1, 1, 0x1000, 0), 0),
			 "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=9003, "
			 "tv_nsec=112219378}, NULL) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_nanosleep, DECODE_ARGS(0x1000, 0), 0),
			 "nanosleep({tv_sec=9003, tv_nsec=112219378}, NULL) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_gettimeofday, DECODE_ARGS(0x3000, 0x4000), 0),
			 "gettimeofday({tv_sec=1795444386, tv_usec=230580}, "
			 "{tz_minuteswest=0, tz_dsttime=0}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_gettimeofday, DECODE_ARGS(0, 0), 0),
			 "gettimeofday(NULL, NULL) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_gettimeofday, DECODE_ARGS(0x9000, 0), -14),
			 "gettimeofday(0x9000, NULL) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_alarm, DECODE_ARGS(5), 0), "alarm(5) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(utimensat_call)
{
	struct decode_run r;
	static const int64_t t[4] = { 0, (1 << 30) - 2, 1700000000, 5 };
	static const int64_t now[4] = { 0, (1 << 30) - 1, 1700000000, 0 };
	static const char path[] = "/tmp/f";

	setenv("TZ", "UTC", 1);
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, t, sizeof(t));
	fake_mem_add(&r.mem, 0x2000, now, sizeof(now));
	fake_mem_add(&r.mem, 0x3000, path, sizeof(path));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_utimensat,
			       DECODE_ARGS((uint32_t)-100, 0x3000, 0x1000, 0), 0),
			 "utimensat(AT_FDCWD, \"/tmp/f\", [UTIME_OMIT, {tv_sec=1700000000, "
			 "tv_nsec=5}"
			 " /* 2023-11-14T22:13:20.000000005+0000 */], 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_utimensat,
			       DECODE_ARGS(5, 0, 0x2000, 0x100), 0),
			 "utimensat(5, NULL, [UTIME_NOW, {tv_sec=1700000000, tv_nsec=0}"
			 " /* 2023-11-14T22:13:20+0000 */], AT_SYMLINK_NOFOLLOW) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_utimensat, DECODE_ARGS(7, 0, 0, 0), 0),
			 "utimensat(7, NULL, NULL, 0) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(timer_calls)
{
	struct decode_run r;
	static const int64_t itv[4] = { 0, 0, 0, 10000 }, zero[4] = { 0 };
	static const int64_t its[4] = { 0, 0, 1, 0 };

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, itv, sizeof(itv));
	fake_mem_add(&r.mem, 0x2000, zero, sizeof(zero));
	fake_mem_add(&r.mem, 0x3000, its, sizeof(its));
	decode_entry(&r, &arch_x86_64, SYS_setitimer, DECODE_ARGS(0, 0x1000, 0x2000));
	ck_assert_str_eq(r.entry.buf, "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
			 "it_value={tv_sec=0, tv_usec=10000}}, ");
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
			 "it_value={tv_sec=0, tv_usec=10000}}, {it_interval={tv_sec=0, tv_usec=0}, "
			 "it_value={tv_sec=0, tv_usec=0}}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getitimer, DECODE_ARGS(2, 0x9000), -14),
			 "getitimer(ITIMER_PROF, 0x9000) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_timerfd_create, DECODE_ARGS(1, 02004000), 3),
			 "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_timerfd_settime,
			       DECODE_ARGS(3, 3, 0x3000, 0x2000), 0),
			 "timerfd_settime(3, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, "
			 "{it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=0}}, "
			 "{it_interval={tv_sec=0, tv_nsec=0}, "
			 "it_value={tv_sec=0, tv_nsec=0}}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_timerfd_gettime,
			       DECODE_ARGS(99, 0x2000), -9),
			 "timerfd_gettime(99, 0x2000) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_timer_settime,
			       DECODE_ARGS(0, 0, 0x3000, 0), 0),
			 "timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, "
			 "it_value={tv_sec=1, tv_nsec=0}}, NULL) = 0");
	decode_run_fini(&r);
}
END_TEST

/* struct sigevent: sigval word, signo, notify, then the thread id or function. */
START_TEST(timer_create_call)
{
	struct decode_run r;
	struct sev {
		uint64_t value;
		int32_t signo, notify;
		uint64_t fn, attr;
	} sev = { 5, 10, 0, 0, 0 }, none = { 0, 10, 1, 0, 0 };
	static const int32_t id = 1;

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &sev, sizeof(sev));
	fake_mem_add(&r.mem, 0x2000, &none, sizeof(none));
	fake_mem_add(&r.mem, 0x3000, &id, sizeof(id));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_timer_create,
			       DECODE_ARGS(1, 0x1000, 0x3000), 0),
			 "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=5, sival_ptr=0x5}, "
			 "sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [1]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_timer_create,
			       DECODE_ARGS(0, 0x2000, 0x3000), 0),
			 "timer_create(CLOCK_REALTIME, {sigev_signo=10, sigev_notify=SIGEV_NONE}, "
			 "[1]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_timer_create, DECODE_ARGS(0, 0, 0x9000), -14),
			 "timer_create(CLOCK_REALTIME, NULL, 0x9000) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setpriority, DECODE_ARGS(0, 0, 5), 0),
			 "setpriority(PRIO_PROCESS, 0, 5) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getpriority, DECODE_ARGS(1, 0), 20),
			 "getpriority(PRIO_PGRP, 0) = 20");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_time");
	TCase *tc = tcase_create("time");
	tcase_add_test(tc, clock_calls);
	tcase_add_test(tc, utimensat_call);
	tcase_add_test(tc, timer_calls);
	tcase_add_test(tc, timer_create_call);
	suite_add_tcase(s, tc);
	return s;
}
