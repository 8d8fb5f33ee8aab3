/*
 * unlink, rmdir, chdir, mkdir, chmod, rename, *at forms, truncate, getcwd,
 * umask, fadvise64: the lines strace 6.1 printed for the same arguments.
 */
#include "decode_text.h"

#define AT_FDCWD_RAW ((uint64_t)(uint32_t)-100)

static const char p1[] = "/tmp/d";
static const char p2[] = "/tmp/e";

START_TEST(path_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, p1, sizeof(p1));
	fake_mem_add(&r.mem, 0x2000, p2, sizeof(p2));
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_unlink, DECODE_ARGS(0x1000), -2),
			 "unlink(\"/tmp/d\") = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rmdir, DECODE_ARGS(0x1000), 0),
			 "rmdir(\"/tmp/d\") = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_chdir, DECODE_ARGS(0x1000), 0),
			 "chdir(\"/tmp/d\") = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_mkdir, DECODE_ARGS(0x1000, 0750), 0),
			 "mkdir(\"/tmp/d\", 0750) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_chmod, DECODE_ARGS(0x1000, 0), 0),
			 "chmod(\"/tmp/d\", 000) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_creat, DECODE_ARGS(0x1000, 0644), 3),
			 "creat(\"/tmp/d\", 0644) = 3");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_rename, DECODE_ARGS(0x1000, 0x2000), 0),
			 "rename(\"/tmp/d\", \"/tmp/e\") = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_symlink, DECODE_ARGS(0x1000, 0x2000), 0),
			 "symlink(\"/tmp/d\", \"/tmp/e\") = 0");
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_unlinkat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 0x200), 0),
			 "unlinkat(AT_FDCWD, \"/tmp/d\", AT_REMOVEDIR) = 0");
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_mkdirat,
			       DECODE_ARGS(AT_FDCWD_RAW, 0x1000, 0700), 0),
			 "mkdirat(AT_FDCWD, \"/tmp/d\", 0700) = 0");
	ck_assert_str_eq(dline(&r, &arch_aarch64, SYS_renameat,
			       DECODE_ARGS(3, 0x1000, AT_FDCWD_RAW, 0x2000), 0),
			 "renameat(3, \"/tmp/d\", AT_FDCWD, \"/tmp/e\") = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fchmod, DECODE_ARGS(3, 04755), 0),
			 "fchmod(3, 04755) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_ftruncate, DECODE_ARGS(3, 100), 0),
			 "ftruncate(3, 100) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_truncate, DECODE_ARGS(0x1000, 0), 0),
			 "truncate(\"/tmp/d\", 0) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getcwd, DECODE_ARGS(0x1000, 4096), 7),
			 "getcwd(\"/tmp/d\", 4096) = 7");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_getcwd, DECODE_ARGS(0x1000, 2), -34),
			 "getcwd(0x1000, 2) = -1 ERANGE (Numerical result out of range)");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fchdir, DECODE_ARGS(3), 0), "fchdir(3) = 0");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_umask, DECODE_ARGS(022), 077),
			 "umask(022) = 077");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_umask, DECODE_ARGS(0), 0), "umask(000) = 000");
	ck_assert_str_eq(dline(&r, &arch_x86_64, SYS_fadvise64, DECODE_ARGS(0, 0, 0, 2), -29),
			 "fadvise64(0, 0, 0, POSIX_FADV_SEQUENTIAL) = -1 ESPIPE (Illegal seek)");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_path_calls");
	TCase *tc = tcase_create("path_calls");
	tcase_add_test(tc, path_calls);
	suite_add_tcase(s, tc);
	return s;
}
