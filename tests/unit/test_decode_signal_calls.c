/* rt_sigaction, rt_sigprocmask, kill, tkill, tgkill: strace 6.1's lines, crafted memory. */
#include <string.h>

#include "decode_text.h"

static unsigned char act64[32], oact64[32], act32[20];
static unsigned char set[8];

static void put64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }
static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }

START_TEST(sigaction_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	/* handler, flags SA_RESTORER, restorer, mask: all but RTMIN and RT_1 */
	put64(act64, 0x5643fef9adc0);
	put64(act64 + 8, 0x04000000);
	put64(act64 + 16, 0x7f961c658050);
	put64(act64 + 24, ~0ULL & ~(3ULL << 31));
	memset(oact64, 0, sizeof(oact64));
	fake_mem_add(&r.mem, 0x1000, act64, sizeof(act64));
	fake_mem_add(&r.mem, 0x2000, oact64, sizeof(oact64));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigaction,
			       DECODE_ARGS(17, 0x1000, 0, 8), 0),
			 "rt_sigaction(SIGCHLD, {sa_handler=0x5643fef9adc0, sa_mask=~[RTMIN RT_1], "
			 "sa_flags=SA_RESTORER, sa_restorer=0x7f961c658050}, NULL, 8) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigaction,
			       DECODE_ARGS(2, 0, 0x2000, 8), 0),
			 "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
	ck_assert_str_eq(strbuf_str(&r.entry), "rt_sigaction(SIGINT, NULL, ");
	/* SIG_IGN, SA_ONSTACK and SA_RESTART, a mask of two */
	put64(act64, 1);
	put64(act64 + 8, 0x04000000 | 0x08000000 | 0x10000000 | 4);
	put64(act64 + 24, (1ULL << 1) | (1ULL << 16));
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_rt_sigaction,
			       DECODE_ARGS(13, 0x1000, 0x2000, 8), 0),
			 "rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[INT CHLD], "
			 "sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_SIGINFO, "
			 "sa_restorer=0x7f961c658050}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
	/* i386: words of 4 bytes, the mask after them */
	put32(act32, 0x8049000);
	put32(act32 + 4, 0);
	put32(act32 + 8, 0);
	memset(act32 + 12, 0, 8);
	act32[12] = 1 << 2;   /* SIGQUIT */
	fake_mem_add(&r.mem, 0x3000, act32, sizeof(act32));
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_rt_sigaction,
			       DECODE_ARGS(15, 0x3000, 0, 8), 0),
			 "rt_sigaction(SIGTERM, {sa_handler=0x8049000, sa_mask=[QUIT], sa_flags=0}, "
			 "NULL, 8) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigaction,
			       DECODE_ARGS(9, 0x9000, 0x2000, 8), -22),
			 "rt_sigaction(SIGKILL, 0x9000, 0x2000, 8) = -1 EINVAL (Invalid argument)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(sigprocmask_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	memset(set, 0, sizeof(set));
	fake_mem_add(&r.mem, 0x1000, set, sizeof(set));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigprocmask,
			       DECODE_ARGS(2, 0x1000, 0, 8), 0),
			 "rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0");
	set[1] = 1;            /* SIGUSR1... no: bit 8 is signal 9, SIGKILL */
	set[4] = 1;            /* signal 33: RT_1 */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigprocmask,
			       DECODE_ARGS(0, 0x1000, 0x1000, 8), 0),
			 "rt_sigprocmask(SIG_BLOCK, [KILL RT_1], [KILL RT_1], 8) = 0");
	memset(set, 0xff, sizeof(set));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigprocmask,
			       DECODE_ARGS(1, 0x1000, 0, 8), 0),
			 "rt_sigprocmask(SIG_UNBLOCK, ~[], NULL, 8) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigprocmask,
			       DECODE_ARGS(7, 0x1000, 0, 8), -22),
			 "rt_sigprocmask(0x7 /* SIG_??? */, ~[], NULL, 8) = -1 EINVAL (Invalid argument)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(kill_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_kill, DECODE_ARGS(1234, 15), 0),
			 "kill(1234, SIGTERM) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_kill, DECODE_ARGS(0xffffffff, 0), 0),
			 "kill(-1, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_tgkill, DECODE_ARGS(10, 11, 6), 0),
			 "tgkill(10, 11, SIGABRT) = 0");
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_tkill, DECODE_ARGS(11, 34), 0),
			 "tkill(11, SIGRT_2) = 0");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_signal_calls");
	TCase *tc = tcase_create("signal_calls");
	tcase_add_test(tc, sigaction_calls);
	tcase_add_test(tc, sigprocmask_calls);
	tcase_add_test(tc, kill_calls);
	suite_add_tcase(s, tc);
	return s;
}
