/*
 * rt_sigreturn (the mask read from the signal frame at the stack pointer),
 * sigaltstack, sched_getaffinity, sched_setaffinity: strace 6.1's lines.
 */
#include <string.h>

#include "decode_text.h"

START_TEST(rt_sigreturn_frames)
{
	struct decode_run r;
	static uint8_t stack[512];
	const uint64_t mask = (1u << 1) | (1u << 11);   /* INT USR2 */

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x10000, stack, sizeof(stack));
	memset(stack, 0, sizeof(stack));
	/* x86_64: uc_sigmask 296 bytes above the stack pointer */
	memcpy(stack + 296, &mask, sizeof(mask));
	r.stack_pointer = 0x10000;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigreturn, DECODE_ARGS(0), 0),
			 "rt_sigreturn({mask=[INT USR2]}) = 0");
	/* the restored return value is whatever the interrupted call returned */
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigreturn, DECODE_ARGS(0), -4),
			 "rt_sigreturn({mask=[INT USR2]}) = -1 EINTR (Interrupted system call)");
	/* i386 at 248, aarch64 at 168 */
	memset(stack, 0, sizeof(stack));
	memcpy(stack + 248, &mask, sizeof(mask));
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_rt_sigreturn, DECODE_ARGS(0), 0),
			 "rt_sigreturn({mask=[INT USR2]}) = 0");
	memset(stack, 0, sizeof(stack));
	memcpy(stack + 168, &mask, sizeof(mask));
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_rt_sigreturn, DECODE_ARGS(0), 0),
			 "rt_sigreturn({mask=[INT USR2]}) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigreturn, DECODE_ARGS(0), 0),
			 "rt_sigreturn({mask=[]}) = 0");
	/* a frame outside the tracee's memory: its address */
	r.stack_pointer = 0x20000;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigreturn, DECODE_ARGS(0), 0),
			 "rt_sigreturn({mask=0x20128}) = 0");
	/* i386's legacy sigreturn: oldmask at sp + 80, extramask at sp + 712 */
	static uint8_t frame32[1024];
	const uint32_t lo = 1u << 1, hi = 1u << 1;   /* INT (2), RT_2 (34) */
	fake_mem_add(&r.mem, 0x30000, frame32, sizeof(frame32));
	memcpy(frame32 + 80, &lo, 4);
	memcpy(frame32 + 712, &hi, 4);
	r.stack_pointer = 0x30000;
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_sigreturn, DECODE_ARGS(0), 0),
			 "sigreturn({mask=[INT RT_2]}) = 0");
	r.stack_pointer = 0x40000;
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_sigreturn, DECODE_ARGS(0), 0),
			 "sigreturn({mask=0x40050}) = 0");
	/* no stack pointer known: nothing to decode */
	r.stack_pointer = 0;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rt_sigreturn, DECODE_ARGS(0), 0),
			 "rt_sigreturn() = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(altstack_affinity)
{
	struct decode_run r;
	static const uint64_t ss[3] = { 0x562c20f542a0, 0, 65536 };
	static const uint64_t old[3] = { 0, 2, 0 };
	static const uint32_t ss32[3] = { 0x8000, 0x80000000, 4096 };
	static const uint64_t cpus[16] = { 3 };

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, ss, sizeof(ss));
	fake_mem_add(&r.mem, 0x2000, old, sizeof(old));
	fake_mem_add(&r.mem, 0x3000, ss32, sizeof(ss32));
	fake_mem_add(&r.mem, 0x4000, cpus, sizeof(cpus));
	decode_entry(&r, &arch_x86_64, SYS_sigaltstack, DECODE_ARGS(0x1000, 0x2000));
	ck_assert_str_eq(r.entry.buf,
			 "sigaltstack({ss_sp=0x562c20f542a0, ss_flags=0, ss_size=65536}, ");
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "sigaltstack({ss_sp=0x562c20f542a0, ss_flags=0, ss_size=65536}, "
			 "{ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_sigaltstack, DECODE_ARGS(0x3000, 0), 0),
			 "sigaltstack({ss_sp=0x8000, ss_flags=SS_AUTODISARM, ss_size=4096}, NULL) "
			 "= 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sigaltstack, DECODE_ARGS(0, 0x9000), -14),
			 "sigaltstack(NULL, 0x9000) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sched_getaffinity,
			       DECODE_ARGS(0, 128, 0x4000), 32),
			 "sched_getaffinity(0, 128, [0 1]) = 32");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sched_getaffinity,
			       DECODE_ARGS(0, 3, 0x4000), -22),
			 "sched_getaffinity(0, 3, 0x4000) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sched_setaffinity,
			       DECODE_ARGS(0, 128, 0x4000), 0),
			 "sched_setaffinity(0, 128, [0 1]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_sched_setaffinity,
			       DECODE_ARGS(0, 256, 0x4000), -14),
			 "sched_setaffinity(0, 256, 0x4000) = -1 EFAULT (Bad address)");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_sigframe");
	TCase *tc = tcase_create("sigframe");
	tcase_add_test(tc, rt_sigreturn_frames);
	tcase_add_test(tc, altstack_affinity);
	suite_add_tcase(s, tc);
	return s;
}
