/*
 * execve, execveat, exit, wait4 and the generic decoder, against lines strace
 * 6.1 printed on x86_64 (addresses and pids changed to the crafted ones).
 */
#include <string.h>

#include "decode_harness.h"

/* Pointer arrays in the tracee's word size. */
static void put_words(void *dst, unsigned word_size, const uint64_t *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (word_size == 4) {
			uint32_t v = (uint32_t)w[i];
			memcpy((char *)dst + 4 * i, &v, 4);
		} else {
			memcpy((char *)dst + 8 * i, &w[i], 8);
		}
	}
}

static const char path[] = "/nonexistent";
static const char s_a[] = "a";
static const char s_b[] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
static const char s_c[] = "c\n\"d";
static const char s_empty[] = "";
static const char s_e[] = "e", s_f[] = "f", s_g[] = "g";
static const char s_x1[] = "X=1";

enum { PATH = 0x1000, A = 0x2000, B = 0x2100, C = 0x2200, EMPTY = 0x2300, E = 0x2400,
       F = 0x2500, G = 0x2600, X1 = 0x2700, ARGV = 0x5000, ENVP = 0x6000 };

static unsigned char argv_buf[8 * 8], envp_buf[8 * 2];

static void exec_mem(struct decode_run *r, unsigned word_size)
{
	const uint64_t argv[] = { A, B, C, EMPTY, E, F, G, 0 };
	const uint64_t envp[] = { X1, 0 };

	put_words(argv_buf, word_size, argv, 8);
	put_words(envp_buf, word_size, envp, 2);
	fake_mem_add(&r->mem, PATH, path, sizeof(path));
	fake_mem_add(&r->mem, A, s_a, sizeof(s_a));
	fake_mem_add(&r->mem, B, s_b, sizeof(s_b));
	fake_mem_add(&r->mem, C, s_c, sizeof(s_c));
	fake_mem_add(&r->mem, EMPTY, s_empty, sizeof(s_empty));
	/* e, f, g and X=1 share a region: 8 regions at most */
}

static char strs[0x800];

static void exec_mem_all(struct decode_run *r, unsigned word_size)
{
	exec_mem(r, word_size);
	memset(strs, 0, sizeof(strs));
	memcpy(strs + (E - E), s_e, 2);
	memcpy(strs + (F - E), s_f, 2);
	memcpy(strs + (G - E), s_g, 2);
	memcpy(strs + (X1 - E), s_x1, 4);
	fake_mem_add(&r->mem, E, strs, sizeof(strs));
	fake_mem_add(&r->mem, ARGV, argv_buf, word_size * 8);
	fake_mem_add(&r->mem, ENVP, envp_buf, word_size * 2);
}

#define ENOENT_TEXT "-1 ENOENT (No such file or directory)"

START_TEST(execve_default)
{
	static const struct arch *const arches[] = { &arch_x86_64, &arch_i386, &arch_aarch64 };
	for (size_t i = 0; i < 3; i++) {
		struct decode_run r;
		decode_run_init(&r);
		exec_mem_all(&r, arches[i]->word_size);
		ck_assert_str_eq(decode_line(&r, arches[i], SYS_execve,
						     DECODE_ARGS(PATH, ARGV, ENVP), -2),
			"execve(\"/nonexistent\", [\"a\", \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"..., "
			"\"c\\n\\\"d\", \"\", \"e\", \"f\", \"g\"], 0x6000 /* 1 var */) = " ENOENT_TEXT);
		decode_run_fini(&r);
	}
}
END_TEST

START_TEST(execve_strsize_5)
{
	struct decode_run r;
	decode_run_init(&r);
	r.opts.strsize = 5;
	exec_mem_all(&r, 8);
	/* -s limits strings and array length, never the path */
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_execve,
					     DECODE_ARGS(PATH, ARGV, ENVP), -2),
		"execve(\"/nonexistent\", [\"a\", \"bbbbb\"..., \"c\\n\\\"d\", \"\", \"e\", ...], "
		"0x6000 /* 1 var */) = " ENOENT_TEXT);
	decode_run_fini(&r);
}
END_TEST

START_TEST(execve_verbose)
{
	struct decode_run r;
	decode_run_init(&r);
	r.opts.strsize = 3;
	r.opts.verbose = true;
	exec_mem_all(&r, 4);
	/* -v: envp in full, and arrays are not cut at -s elements */
	ck_assert_str_eq(decode_line(&r, &arch_i386, SYS_execve, DECODE_ARGS(PATH, ARGV, ENVP), -2),
		"execve(\"/nonexistent\", [\"a\", \"bbb\"..., \"c\\n\\\"\"..., \"\", \"e\", \"f\", \"g\"], "
		"[\"X=1\"]) = " ENOENT_TEXT);
	decode_run_fini(&r);
}
END_TEST

START_TEST(execve_null_and_unreadable)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_execve,
					     DECODE_ARGS(0x8, 0x10, 0x18), -14),
		"execve(0x8, 0x10, 0x18)                 = -1 EFAULT (Bad address)");
	fake_mem_add(&r.mem, PATH, path, sizeof(path));
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_execve, DECODE_ARGS(PATH), -2),
		"execve(\"/nonexistent\", NULL, NULL)      = " ENOENT_TEXT);
	decode_run_fini(&r);
}
END_TEST

/* An array that runs into an unmapped page, and an element that is unreadable. */
START_TEST(execve_unterminated)
{
	static unsigned char words[16];
	const uint64_t w[] = { A, 0x8 };
	struct decode_run r;
	decode_run_init(&r);
	put_words(words, 8, w, 2);
	fake_mem_add(&r.mem, PATH, path, sizeof(path));
	fake_mem_add(&r.mem, A, "x", 2);
	fake_mem_add(&r.mem, 0x7ff0, words, 16);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_execve,
					     DECODE_ARGS(PATH, 0x7ff0, 0x7ff0), -2),
		"execve(\"/nonexistent\", [\"x\", 0x8, ... /* 0x8000 */], "
		"0x7ff0 /* 2 vars, unterminated */) = " ENOENT_TEXT);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_execve,
					     DECODE_ARGS(PATH, 0x7ff0, 0x8000), -2),
		"execve(\"/nonexistent\", [\"x\", 0x8, ... /* 0x8000 */], 0x8000) = " ENOENT_TEXT);
	decode_run_fini(&r);
}
END_TEST

START_TEST(execve_empty_arrays)
{
	static const uint64_t zero;
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, PATH, path, sizeof(path));
	fake_mem_add(&r.mem, ENVP, &zero, 8);
	ck_assert_str_eq(decode_line(&r, &arch_aarch64, SYS_execve,
					     DECODE_ARGS(PATH, ENVP, ENVP), -2),
		"execve(\"/nonexistent\", [], 0x6000 /* 0 vars */) = " ENOENT_TEXT);
	r.opts.verbose = true;
	ck_assert_str_eq(decode_line(&r, &arch_aarch64, SYS_execve,
					     DECODE_ARGS(PATH, ENVP, ENVP), -2),
		"execve(\"/nonexistent\", [], [])          = " ENOENT_TEXT);
	decode_run_fini(&r);
}
END_TEST

START_TEST(execveat_flags_and_dirfd)
{
	static const struct {
		uint64_t dirfd, path, argv, envp, flags;
		int64_t rval;
		const char *line;
	} cases[] = {
		{ (uint32_t)-100, PATH, ARGV, ENVP, 0x1100, -2,
		  "execveat(AT_FDCWD, \"/nonexistent\", [\"a\", \"bbbbb\"..., \"c\\n\\\"d\", \"\", "
		  "\"e\", ...], "
		  "0x6000 /* 1 var */, AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH) = " ENOENT_TEXT },
		{ 5, EMPTY, 0, 0, 0, -2,
		  "execveat(5, \"\", NULL, NULL, 0)          = " ENOENT_TEXT },
		{ 0xffffffff, PATH, 0, 0, 0x10000, -9,
		  "execveat(-1, \"/nonexistent\", NULL, NULL, 0x10000 /* AT_??? */) = "
		  "-1 EBADF (Bad file descriptor)" },
	};
	struct decode_run r;
	decode_run_init(&r);
	exec_mem_all(&r, 8);
	r.opts.strsize = 5;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_execveat,
					     DECODE_ARGS(cases[i].dirfd, cases[i].path,
							 cases[i].argv, cases[i].envp,
							 cases[i].flags),
					     cases[i].rval),
				 cases[i].line);
	decode_run_fini(&r);
}
END_TEST

START_TEST(exit_calls)
{
	struct decode_run r;
	decode_run_init(&r);
	/* No exit: the line of a call that never returns. */
	decode_entry(&r, &arch_x86_64, SYS_exit_group, DECODE_ARGS(0));
	ck_assert_str_eq(strbuf_str(&r.line), "exit_group(0)                           = ?");
	decode_entry(&r, &arch_i386, SYS_exit, DECODE_ARGS(0xffffffff));
	ck_assert_str_eq(strbuf_str(&r.line), "exit(-1)                                = ?");
	decode_run_fini(&r);
}
END_TEST

START_TEST(wait4_statuses)
{
	static int32_t st;
	static const struct {
		int32_t status;       /* what the kernel wrote at 0x7000 */
		const struct arch *arch;
		uint64_t pid, options;
		int64_t rval;
		const char *line;
	} cases[] = {
		{ 0, &arch_x86_64, (uint64_t)-1, 0, 2146,
		  "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 2146" },
		/* SIGSEGV with core */
		{ 0x8b, &arch_i386, 6144, 0x40000000, 6144,
		  "wait4(6144, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], "
		  "__WALL, NULL) = 6144" },
		{ 0x137f, &arch_aarch64, 6146, 2, 6146,
		  "wait4(6146, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = "
		  "6146" },
		{ 0xffff, &arch_x86_64, 6146, 8, 6146,
		  "wait4(6146, [{WIFCONTINUED(s)}], WCONTINUED, NULL) = 6146" },
	};
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x7000, &st, sizeof(st));

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		st = cases[i].status;
		ck_assert_str_eq(decode_line(&r, cases[i].arch, SYS_wait4,
					     DECODE_ARGS(cases[i].pid, 0x7000, cases[i].options),
					     cases[i].rval),
				 cases[i].line);
	}
	decode_run_fini(&r);
}
END_TEST

START_TEST(wait4_no_status_written)
{
	static const struct {
		uint64_t pid, status, options, rusage;
		int64_t rval;
		const char *line;
	} cases[] = {
		/* failed: the address, even if readable */
		{ (uint64_t)-1, 0x7ffe55df44bc, 1, 0, -10,
		  "wait4(-1, 0x7ffe55df44bc, WNOHANG, NULL) = -1 ECHILD (No child processes)" },
		{ 2112, 0, 0, 0, 2112, "wait4(2112, NULL, 0, NULL)              = 2112" },
		{ (uint64_t)-1, 0x10, 0x40000000 | 0x1000, 8, -22,
		  "wait4(-1, 0x10, __WALL|0x1000, 0x8)     = -1 EINVAL (Invalid argument)" },
		{ (uint64_t)-1, 0x10, 0x1000, 8, -22,
		  "wait4(-1, 0x10, 0x1000 /* W??? */, 0x8) = -1 EINVAL (Invalid argument)" },
		{ (uint64_t)-1, 0,
		  0x80000000 | 0x40000000 | 0x20000000 | 0x1000000 | 0x4 | 0x100, 0, -22,
		  "wait4(-1, NULL, WEXITED|WNOWAIT|__WCLONE|__WALL|__WNOTHREAD|0x100, NULL) = "
		  "-1 EINVAL (Invalid argument)" },
		/* options is an int: 0x100000000 is 0 */
		{ 0x7fffffff, 0, 0x100000000ull, 0, -10,
		  "wait4(2147483647, NULL, 0, NULL)        = -1 ECHILD (No child processes)" },
	};
	struct decode_run r;
	decode_run_init(&r);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_wait4,
					     DECODE_ARGS(cases[i].pid, cases[i].status,
							 cases[i].options, cases[i].rusage),
					     cases[i].rval),
				 cases[i].line);
	decode_run_fini(&r);
}
END_TEST

START_TEST(wait4_split_at_entry)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(decode_entry(&r, &arch_x86_64, SYS_wait4, DECODE_ARGS(2113)),
			 "wait4(2113, ");
	ck_assert_str_eq(decode_exit(&r, 2113), "NULL, 0, NULL)");
	decode_run_fini(&r);
}
END_TEST

START_TEST(wait4_rusage)
{
	static int32_t st = 0x300;
	static uint64_t ru64[18] = { 0, 160, 0, 0, 300, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 1, 0 };
	static uint32_t ru32[18] = { 0, 126, 0, 0, 300, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 1, 0 };
	struct decode_run r;
	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x7000, &st, sizeof(st));
	fake_mem_add(&r.mem, 0x8000, ru64, sizeof(ru64));
	fake_mem_add(&r.mem, 0x9000, ru32, sizeof(ru32));
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_wait4,
					     DECODE_ARGS(6143, 0x7000, 0, 0x8000), 6143),
		"wait4(6143, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, {ru_utime={tv_sec=0, "
		"tv_usec=160}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 6143");
	r.opts.verbose = true;
	ck_assert_str_eq(decode_line(&r, &arch_i386, SYS_wait4,
					     DECODE_ARGS(7473, 0x7000, 0, 0x9000), 7473),
		"wait4(7473, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, {ru_utime={tv_sec=0, "
		"tv_usec=126}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=300, ru_ixrss=0, ru_idrss=0, "
		"ru_isrss=0, ru_minflt=17, ru_majflt=0, ru_nswap=0, ru_inblock=0, ru_oublock=0, "
		"ru_msgsnd=0, ru_msgrcv=0, ru_nsignals=0, ru_nvcsw=1, ru_nivcsw=0}) = 7473");
	/* unreadable rusage: its address */
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_wait4,
					     DECODE_ARGS(6143, 0x7000, 0, 0xa000), 6143),
		"wait4(6143, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, 0xa000) = 6143");
	decode_run_fini(&r);
}
END_TEST

START_TEST(generic_known_and_unknown)
{
	struct decode_run r;
	decode_run_init(&r);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_rseq,
				     DECODE_ARGS(0x7f7b57457060, 0x20, 0, 0x53053053), 0),
		"rseq(0x7f7b57457060, 0x20, 0, 0x53053053) = 0");
	decode_run_fini(&r);

	/* An unknown number: "syscall_0x1f4" with all six arguments. */
	decode_run_init(&r);
	decode_entry_nr(&r, &arch_x86_64, 500, DECODE_ARGS(1, 2, 3, 4, 5, 6));
	decode_exit(&r, -38);
	ck_assert_str_eq(strbuf_str(&r.line),
		"syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_process");
	TCase *tc = tcase_create("process");

	tcase_add_test(tc, execve_default);
	tcase_add_test(tc, execve_strsize_5);
	tcase_add_test(tc, execve_verbose);
	tcase_add_test(tc, execve_null_and_unreadable);
	tcase_add_test(tc, execve_unterminated);
	tcase_add_test(tc, execve_empty_arrays);
	tcase_add_test(tc, execveat_flags_and_dirfd);
	tcase_add_test(tc, exit_calls);
	tcase_add_test(tc, wait4_statuses);
	tcase_add_test(tc, wait4_no_status_written);
	tcase_add_test(tc, wait4_split_at_entry);
	tcase_add_test(tc, wait4_rusage);
	tcase_add_test(tc, generic_known_and_unknown);
	suite_add_tcase(s, tc);
	return s;
}
