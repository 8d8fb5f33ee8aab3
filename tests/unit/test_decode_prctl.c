/* prctl: strace 6.1's lines for the same arguments and memory. */
#include <string.h>

#include "decode_text.h"

START_TEST(prctl_calls)
{
	struct decode_run r;
	static const char name[] = "thename";
	static const char longname[] = "abcdefghijklmnopqrstuvwxyz";
	static const int32_t sigterm = 15, one = 1;
	static const uint64_t tidaddr = 0x7fc5ebbcfa10;
	struct { uint16_t len; uint8_t pad[6]; uint64_t filter; } fprog = { 1, { 0 }, 0x7ffd0 };

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, name, sizeof(name));
	fake_mem_add(&r.mem, 0x2000, &sigterm, sizeof(sigterm));
	fake_mem_add(&r.mem, 0x3000, &one, sizeof(one));
	fake_mem_add(&r.mem, 0x4000, &tidaddr, sizeof(tidaddr));
	fake_mem_add(&r.mem, 0x5000, &fprog, sizeof(fprog));
	fake_mem_add(&r.mem, 0x6000, longname, sizeof(longname));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(15, 0x1000), 0),
			 "prctl(PR_SET_NAME, \"thename\") = 0");
	decode_entry(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(16, 0x1000));
	ck_assert_str_eq(r.entry.buf, "prctl(PR_GET_NAME, ");
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r), "prctl(PR_GET_NAME, \"thename\") = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(16, 0), -14),
			 "prctl(PR_GET_NAME, NULL) = -1 EFAULT (Bad address)");
	/* the kernel's comm is 16 bytes: strace reads no more of a name */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(15, 0x6000), 0),
			 "prctl(PR_SET_NAME, \"abcdefghijklmno\"...) = 0");
	r.opts.strsize = 2;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(15, 0x6000), 0),
			 "prctl(PR_SET_NAME, \"ab\"...) = 0");
	r.opts.strsize = 32;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(1, 15), 0),
			 "prctl(PR_SET_PDEATHSIG, SIGTERM) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(2, 0x2000), 0),
			 "prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(2, 0), -14),
			 "prctl(PR_GET_PDEATHSIG, NULL) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(38, 1, 0, 0, 0), 0),
			 "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(3, 1, 0, 0x7f0, 0), 1),
			 "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(4, 1), 0),
			 "prctl(PR_SET_DUMPABLE, SUID_DUMP_USER) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(4, 7), -22),
			 "prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid "
			 "argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(23, 40), 1),
			 "prctl(PR_CAPBSET_READ, CAP_CHECKPOINT_RESTORE) = 1");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(37, 0x3000), 0),
			 "prctl(PR_GET_CHILD_SUBREAPER, [1]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(40, 0x4000), 0),
			 "prctl(PR_GET_TID_ADDRESS, [0x7fc5ebbcfa10]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(27), 0x10),
			 "prctl(PR_GET_SECUREBITS) = 0x10 (SECBIT_KEEP_CAPS)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(47, 1, 5, 0, 0), 0),
			 "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_KILL, 0, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(47, 4, 0, 0, 0), 0),
			 "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl,
			       DECODE_ARGS(0x53564d41, 0, 0x10000, 4096, 0x1000), -22),
			 "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x10000, 4096, \"thename\") = "
			 "-1 EINVAL (Invalid argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(22, 1), 0),
			 "prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(22, 2, 0x5000), 0),
			 "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=1, filter=0x7ffd0}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(0x59616d61, 0xffffffff),
			       -22),
			 "prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = -1 EINVAL (Invalid "
			 "argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(33, 1, 1, 0, 0), 0),
			 "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_prctl, DECODE_ARGS(1234, 1, 2, 3, 4), -22),
			 "prctl(0x4d2 /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid "
			 "argument)");
	/* i386: words are 32 bits */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_prctl, DECODE_ARGS(1234, 0xffffffff), -22),
			 "prctl(0x4d2 /* PR_??? */, 0xffffffff, 0, 0, 0) = -1 EINVAL (Invalid "
			 "argument)");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_prctl");
	TCase *tc = tcase_create("prctl");
	tcase_add_test(tc, prctl_calls);
	suite_add_tcase(s, tc);
	return s;
}
