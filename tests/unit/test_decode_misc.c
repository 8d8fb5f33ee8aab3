/*
 * arch_prctl, set_tid_address, set_robust_list, rseq, prlimit64, getrandom,
 * futex, uname: strace 6.1's lines for the same arguments and memory.
 */
#include <string.h>

#include "decode_text.h"

START_TEST(startup_calls)
{
	struct decode_run r;
	static const uint64_t fsbase = 0x7f6b57dbf800;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &fsbase, sizeof(fsbase));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_arch_prctl,
			       DECODE_ARGS(0x1002, 0x7f6b57dbf800), 0),
			 "arch_prctl(ARCH_SET_FS, 0x7f6b57dbf800) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_arch_prctl, DECODE_ARGS(0x1003, 0x1000), 0),
			 "arch_prctl(ARCH_GET_FS, [0x7f6b57dbf800]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_arch_prctl, DECODE_ARGS(0x3001, 0x1000), -22),
			 "arch_prctl(0x3001 /* ARCH_??? */, 0x1000) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_set_tid_address,
			       DECODE_ARGS(0x7f6b57dbfad0), 17162),
			 "set_tid_address(0x7f6b57dbfad0) = 17162");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_set_robust_list,
			       DECODE_ARGS(0x7f6b57dbfae0, 24), 0),
			 "set_robust_list(0x7f6b57dbfae0, 24) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rseq,
			       DECODE_ARGS(0x7f6b57dc0120, 0x20, 0, 0x53053053), 0),
			 "rseq(0x7f6b57dc0120, 0x20, 0, 0x53053053) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(prlimit_getrandom)
{
	struct decode_run r;
	static const uint64_t lim[2] = { 8192 * 1024, ~0ULL };
	static const uint64_t lim2[2] = { 1000, 1025 };
	static const unsigned char rnd[40] = { 0xaa, 0x2e, 0xa4, 0x5e, 0xa4, 0x48, 0x5c, 0x1a };
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, lim, sizeof(lim));
	fake_mem_add(&r.mem, 0x2000, lim2, sizeof(lim2));
	fake_mem_add(&r.mem, 0x3000, rnd, sizeof(rnd));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prlimit64, DECODE_ARGS(0, 3, 0, 0x1000), 0),
			 "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, "
			 "rlim_max=RLIM64_INFINITY}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prlimit64,
			       DECODE_ARGS(42, 7, 0x2000, 0x1000), -1),
			 "prlimit64(42, RLIMIT_NOFILE, {rlim_cur=1000, rlim_max=1025}, 0x1000) = "
			 "-1 EPERM (Operation not permitted)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getrandom, DECODE_ARGS(0x3000, 8, 1), 8),
			 "getrandom(\"\\xaa\\x2e\\xa4\\x5e\\xa4\\x48\\x5c\\x1a\", 8, GRND_NONBLOCK) = 8");
	r.opts.strsize = 2;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getrandom, DECODE_ARGS(0x3000, 40, 0), 40),
			 "getrandom(\"\\xaa\\x2e\"..., 40, 0) = 40");
	decode_run_fini(&r);
}
END_TEST

START_TEST(futex_calls)
{
	struct decode_run r;
	static const uint64_t ts[2] = { 1, 500 };
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, ts, sizeof(ts));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_futex,
			       DECODE_ARGS(0x7f6b58030a4c, 129, 2147483647), 0),
			 "futex(0x7f6b58030a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_futex,
			       DECODE_ARGS(0x7f00, 128, 2, 0), -11),
			 "futex(0x7f00, FUTEX_WAIT_PRIVATE, 2, NULL) = "
			 "-1 EAGAIN (Resource temporarily unavailable)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_futex,
			       DECODE_ARGS(0x7f00, 9 | 128 | 256, 0, 0x1000, 0, 0xffffffff), 0),
			 "futex(0x7f00, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, "
			 "{tv_sec=1, tv_nsec=500}, FUTEX_BITSET_MATCH_ANY) = 0");
	/* i386: futex's timespec has 32-bit words, futex_time64's 64-bit ones
	 * (what glibc calls on a 32-bit system since 2.34). */
	static const int32_t ts32[2] = { 2, 700 };
	static const int64_t ts64[2] = { 3, 900 };
	fake_mem_add(&r.mem, 0x2000, ts32, sizeof(ts32));
	fake_mem_add(&r.mem, 0x3000, ts64, sizeof(ts64));
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_futex, DECODE_ARGS(0x7f00, 128, 2, 0x2000), 0),
			 "futex(0x7f00, FUTEX_WAIT_PRIVATE, 2, {tv_sec=2, tv_nsec=700}) = 0");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_futex_time64,
			       DECODE_ARGS(0x7f00, 128, 2, 0x3000), 0),
			 "futex_time64(0x7f00, FUTEX_WAIT_PRIVATE, 2, {tv_sec=3, tv_nsec=900}) = 0");
	decode_run_fini(&r);
}
END_TEST

static char uts[65 * 6];

START_TEST(uname_call)
{
	struct decode_run r;
	decode_run_init(&r);
	memset(uts, 0, sizeof(uts));
	strcpy(uts, "Linux");
	strcpy(uts + 65, "host");
	strcpy(uts + 130, "6.1.0");
	strcpy(uts + 195, "#1 SMP");
	strcpy(uts + 260, "x86_64");
	strcpy(uts + 325, "(none)");
	fake_mem_add(&r.mem, 0x1000, uts, sizeof(uts));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_uname, DECODE_ARGS(0x1000), 0),
			 "uname({sysname=\"Linux\", nodename=\"host\", ...}) = 0");
	r.opts.verbose = true;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_uname, DECODE_ARGS(0x1000), 0),
			 "uname({sysname=\"Linux\", nodename=\"host\", release=\"6.1.0\", "
			 "version=\"#1 SMP\", machine=\"x86_64\", domainname=\"(none)\"}) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(sysinfo_call)
{
	struct decode_run r;
	static uint64_t si[14];
	static uint32_t si32[14];
	uint16_t procs = 82;
	uint32_t unit = 1;
	decode_run_init(&r);
	for (unsigned i = 0; i < 10; i++)
		si[i] = si32[i] = 100 + i;
	memcpy(&si[10], &procs, 2);
	si[11] = 0;
	si[12] = 0;
	memcpy(&si[13], &unit, 4);
	memcpy(&si32[10], &procs, 2);
	memcpy(&si32[13], &unit, 4);
	fake_mem_add(&r.mem, 0x1000, si, sizeof(si));
	fake_mem_add(&r.mem, 0x2000, si32, sizeof(si32));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sysinfo, DECODE_ARGS(0x1000), 0),
			 "sysinfo({uptime=100, loads=[101, 102, 103], totalram=104, freeram=105, "
			 "sharedram=106, bufferram=107, totalswap=108, freeswap=109, procs=82, "
			 "totalhigh=0, freehigh=0, mem_unit=1}) = 0");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_sysinfo, DECODE_ARGS(0x2000), 0),
			 "sysinfo({uptime=100, loads=[101, 102, 103], totalram=104, freeram=105, "
			 "sharedram=106, bufferram=107, totalswap=108, freeswap=109, procs=82, "
			 "totalhigh=0, freehigh=0, mem_unit=1}) = 0");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_misc");
	TCase *tc = tcase_create("misc");
	tcase_add_test(tc, startup_calls);
	tcase_add_test(tc, prlimit_getrandom);
	tcase_add_test(tc, futex_calls);
	tcase_add_test(tc, uname_call);
	tcase_add_test(tc, sysinfo_call);
	suite_add_tcase(s, tc);
	return s;
}
