/*
 * set*id, getres*id, getgroups, chown family, close_range, copy_file_range,
 * waitid, madvise, mremap: strace 6.1's lines for the same arguments and memory.
 */
#include <string.h>

#include "decode_text.h"

START_TEST(id_calls)
{
	struct decode_run r;
	static const uint32_t zero = 0, groups[3] = { 0, 4, 24 };
	static const uint16_t g16 = 0xffff;
	static const char path[] = "/tmp/f";

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &zero, sizeof(zero));
	fake_mem_add(&r.mem, 0x2000, groups, sizeof(groups));
	fake_mem_add(&r.mem, 0x3000, path, sizeof(path));
	fake_mem_add(&r.mem, 0x4000, &g16, sizeof(g16));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setresuid,
			       DECODE_ARGS(0xffffffff, 0, 0xffffffff), 0),
			 "setresuid(-1, 0, -1) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setuid, DECODE_ARGS(1000), 0),
			 "setuid(1000) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getresuid,
			       DECODE_ARGS(0x1000, 0x1000, 0x1000), 0),
			 "getresuid([0], [0], [0]) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getresgid, DECODE_ARGS(0x1000, 0, 0x9000),
			       -14),
			 "getresgid(0x1000, NULL, 0x9000) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getgroups, DECODE_ARGS(10, 0x2000), 3),
			 "getgroups(10, [0, 4, 24]) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getgroups, DECODE_ARGS(10, 0x2000), 0),
			 "getgroups(10, []) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getgroups, DECODE_ARGS(0, 0), 3),
			 "getgroups(0, NULL) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fchown, DECODE_ARGS(7, 0xffffffff, 0), 0),
			 "fchown(7, -1, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fchownat,
			       DECODE_ARGS((uint32_t)-100, 0x3000, 0, 0xffffffff, 0x100), 0),
			 "fchownat(AT_FDCWD, \"/tmp/f\", 0, -1, AT_SYMLINK_NOFOLLOW) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_chown, DECODE_ARGS(0x3000, 1, 2), 0),
			 "chown(\"/tmp/f\", 1, 2) = 0");
	/* i386's calls without "32" take 16-bit ids: 0xffff is -1 there */
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_lchown, DECODE_ARGS(0x3000, 0xffff, 5), 0),
			 "lchown(\"/tmp/f\", -1, 5) = 0");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_lchown32, DECODE_ARGS(0x3000, 0xffff, 5), 0),
			 "lchown32(\"/tmp/f\", 65535, 5) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_setpgid, DECODE_ARGS(0, 0), 0),
			 "setpgid(0, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getsid, DECODE_ARGS((uint32_t)-1), -3),
			 "getsid(-1) = -1 ESRCH (No such process)");
	ck_assert_str_eq(dline(&r, &arch_i386, SYS_getresuid,
			       DECODE_ARGS(0x4000, 0x4000, 0x4000), 0),
			 "getresuid([-1], [-1], [-1]) = 0");
	decode_run_fini(&r);
}
END_TEST

START_TEST(fd_and_memory_calls)
{
	struct decode_run r;
	static const int64_t off = 0;

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &off, sizeof(off));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_close_range, DECODE_ARGS(3, 3, 0), 0),
			 "close_range(3, 3, 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_close_range,
			       DECODE_ARGS(100, 0xffffffff, 4), 0),
			 "close_range(100, 4294967295, CLOSE_RANGE_CLOEXEC) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_copy_file_range,
			       DECODE_ARGS(7, 0x1000, 3, 0, 100, 0), 56),
			 "copy_file_range(7, [0], 3, NULL, 100, 0) = 56");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_copy_file_range,
			       DECODE_ARGS(3, 0, 4, 0x9000, 9223372035781033984ULL, 0), -14),
			 "copy_file_range(3, NULL, 4, 0x9000, 9223372035781033984, 0) = "
			 "-1 EFAULT (Bad address)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_madvise, DECODE_ARGS(0x7f00, 8192, 4), 0),
			 "madvise(0x7f00, 8192, MADV_DONTNEED) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_madvise, DECODE_ARGS(0x7f00, 4096, 99), -22),
			 "madvise(0x7f00, 4096, 0x63 /* MADV_??? */) = -1 EINVAL (Invalid "
			 "argument)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mremap,
			       DECODE_ARGS(0x7f0000, 8192, 16384, 1, 0x1234), 0x7e0000),
			 "mremap(0x7f0000, 8192, 16384, MREMAP_MAYMOVE) = 0x7e0000");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mremap,
			       DECODE_ARGS(0x7f0000, 4096, 4096, 3, 0xfffff), -22),
			 "mremap(0x7f0000, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, 0xfffff) = "
			 "-1 EINVAL (Invalid argument)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(rusage_sigsuspend_symlinkat)
{
	struct decode_run r;
	static const int64_t ru[18] = { 0, 0, 0, 3280 };
	static const uint64_t mask = 1u << 16;   /* CHLD */
	static const char x[] = "x", y[] = "/tmp/y";

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, ru, sizeof(ru));
	fake_mem_add(&r.mem, 0x2000, &mask, sizeof(mask));
	fake_mem_add(&r.mem, 0x3000, x, sizeof(x));
	fake_mem_add(&r.mem, 0x3100, y, sizeof(y));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getrusage, DECODE_ARGS(0, 0x1000), 0),
			 "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=0}, "
			 "ru_stime={tv_sec=0, tv_usec=3280}, ...}) = 0");
	/* -v: every field */
	r.opts.verbose = true;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getrusage, DECODE_ARGS(1, 0x1000), 0),
			 "getrusage(RUSAGE_THREAD, {ru_utime={tv_sec=0, tv_usec=0}, "
			 "ru_stime={tv_sec=0, tv_usec=3280}, ru_maxrss=0, ru_ixrss=0, ru_idrss=0, "
			 "ru_isrss=0, ru_minflt=0, ru_majflt=0, ru_nswap=0, ru_inblock=0, "
			 "ru_oublock=0, ru_msgsnd=0, ru_msgrcv=0, ru_nsignals=0, ru_nvcsw=0, "
			 "ru_nivcsw=0}) = 0");
	r.opts.verbose = false;
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getrusage,
			       DECODE_ARGS(0xffffffff, 0x9000), -14),
			 "getrusage(RUSAGE_CHILDREN, 0x9000) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_rt_sigsuspend, DECODE_ARGS(0x2000, 8)),
			 "rt_sigsuspend([CHLD], 8");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_symlinkat,
			       DECODE_ARGS(0x3000, (uint32_t)-100, 0x3100), -17),
			 "symlinkat(\"x\", AT_FDCWD, \"/tmp/y\") = -1 EEXIST (File exists)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(waitid_call)
{
	struct decode_run r;
	uint8_t info[128], zero[128];
	int32_t v;

	memset(info, 0, sizeof(info));
	memset(zero, 0, sizeof(zero));
	v = 17;     /* SIGCHLD */
	memcpy(info, &v, 4);
	v = 1;      /* CLD_EXITED */
	memcpy(info + 8, &v, 4);
	v = 4242;   /* si_pid */
	memcpy(info + 16, &v, 4);
	v = 3;      /* si_status */
	memcpy(info + 24, &v, 4);
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, info, sizeof(info));
	fake_mem_add(&r.mem, 0x2000, zero, sizeof(zero));
	decode_entry(&r, &arch_x86_64, SYS_waitid, DECODE_ARGS(1, 4242, 0x1000, 4, 0));
	ck_assert_str_eq(r.entry.buf, "waitid(P_PID, 4242, ");
	decode_exit(&r, 0);
	ck_assert_str_eq(squeeze_line(&r),
			 "waitid(P_PID, 4242, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4242, "
			 "si_uid=0, si_status=3, si_utime=0, si_stime=0}, WEXITED, NULL) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_waitid,
			       DECODE_ARGS(0, 0, 0x2000, 0x1000005, 0), 0),
			 "waitid(P_ALL, 0, {}, WNOHANG|WEXITED|WNOWAIT, NULL) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_waitid,
			       DECODE_ARGS(0, 0, 0x2000, 5, 0x7000), -10),
			 "waitid(P_ALL, 0, 0x2000, WNOHANG|WEXITED, 0x7000) = "
			 "-1 ECHILD (No child processes)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_waitid, DECODE_ARGS(2, 0, 0, 4, 0), -10),
			 "waitid(P_PGID, 0, NULL, WEXITED, NULL) = -1 ECHILD (No child processes)");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_creds");
	TCase *tc = tcase_create("creds");
	tcase_add_test(tc, id_calls);
	tcase_add_test(tc, fd_and_memory_calls);
	tcase_add_test(tc, waitid_call);
	tcase_add_test(tc, rusage_sigsuspend_symlinkat);
	suite_add_tcase(s, tc);
	return s;
}
