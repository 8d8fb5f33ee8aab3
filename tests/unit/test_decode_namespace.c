/*
 * unshare and setns against lines strace 6.1 printed on x86_64.  Both are
 * decoded whole at entry; the other arches print the same names.
 */
#include "decode_harness.h"

#define EINVAL_TEXT "-1 EINVAL (Invalid argument)"
#define EBADF_TEXT "-1 EBADF (Bad file descriptor)"

static const struct arch *const all_arches[] = { &arch_x86_64, &arch_i386, &arch_aarch64 };

START_TEST(unshare_flags)
{
	static const struct {
		uint64_t flags;
		int64_t rval;
		const char *line;
	} cases[] = {
		{ 0x00020400, 0, "unshare(CLONE_FILES|CLONE_NEWNS)        = 0" },
		{ 0, 0, "unshare(0)                              = 0" },
		/* CLONE_IO has no name in unshare's table */
		{ 0x80000000, -22, "unshare(0x80000000 /* CLONE_??? */)     = " EINVAL_TEXT },
		/* CLONE_NEWTIME comes first */
		{ 0x00000480, 0, "unshare(CLONE_NEWTIME|CLONE_FILES)      = 0" },
		{ 0x00002200, -22, "unshare(CLONE_FS|0x2000)                = " EINVAL_TEXT },
		{ 0x00005800, -22, "unshare(CLONE_SIGHAND|0x5000)           = " EINVAL_TEXT },
		{ 0x7e050b00, 0,
		  "unshare(CLONE_VM|CLONE_FS|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
		  "CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|"
		  "CLONE_NEWNET) = 0" },
	};

	for (size_t a = 0; a < 3; a++) {
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			struct decode_run r;

			decode_run_init(&r);
			ck_assert_str_eq(decode_line(&r, all_arches[a], SYS_unshare,
						     DECODE_ARGS(cases[i].flags), cases[i].rval),
					 cases[i].line);
			decode_run_fini(&r);
		}
	}
}
END_TEST

/* strace shows unshare's whole register on 64-bit arches. */
START_TEST(unshare_high_bits)
{
	static const struct {
		const struct arch *arch;
		uint64_t flags;
		int64_t rval;
		const char *line;
	} cases[] = {
		{ &arch_x86_64, 0x100000200ULL, -22,
		  "unshare(CLONE_FS|0x100000000)           = " EINVAL_TEXT },
		{ &arch_aarch64, ~0ULL, -22,
		  "unshare(CLONE_NEWTIME|CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|"
		  "CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_NEWCGROUP|CLONE_NEWUTS|"
		  "CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|0xffffffff81f8f07f) = "
		  EINVAL_TEXT },
		/* i386's register has 32 bits. */
		{ &arch_i386, 0x100000200ULL, 0, "unshare(CLONE_FS)                       = 0" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct decode_run r;

		decode_run_init(&r);
		ck_assert_str_eq(decode_line(&r, cases[i].arch, SYS_unshare,
					     DECODE_ARGS(cases[i].flags), cases[i].rval),
				 cases[i].line);
		decode_run_fini(&r);
	}
}
END_TEST

START_TEST(setns_types)
{
	static const struct {
		uint64_t fd, nstype;
		const char *line;
	} cases[] = {
		{ 5, 0x40000000, "setns(5, CLONE_NEWNET)                  = " EBADF_TEXT },
		{ (uint32_t)-1, 0, "setns(-1, 0)                            = " EBADF_TEXT },
		{ 5, 1, "setns(5, 0x1 /* CLONE_NEW??? */)        = " EBADF_TEXT },
		{ 5, 0x40020000, "setns(5, CLONE_NEWNS|CLONE_NEWNET)      = " EBADF_TEXT },
		{ 5, 0x40000001, "setns(5, CLONE_NEWNET|0x1)              = " EBADF_TEXT },
		{ 5, 0x3e020080,
		  "setns(5, CLONE_NEWTIME|CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|"
		  "CLONE_NEWUSER|CLONE_NEWPID) = " EBADF_TEXT },
		/* not a namespace type: CLONE_FS */
		{ 5, 0x200, "setns(5, 0x200 /* CLONE_NEW??? */)      = " EBADF_TEXT },
		{ 5, 0xffffffff,
		  "setns(5, CLONE_NEWTIME|CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|"
		  "CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|0x81fdff7f) = " EBADF_TEXT },
	};

	for (size_t a = 0; a < 3; a++) {
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			struct decode_run r;

			decode_run_init(&r);
			ck_assert_str_eq(decode_line(&r, all_arches[a], SYS_setns,
						     DECODE_ARGS(cases[i].fd, cases[i].nstype), -9),
					 cases[i].line);
			decode_run_fini(&r);
		}
	}
}
END_TEST

/* Both arguments are ints: strace drops the upper halves of the registers. */
START_TEST(setns_int_arguments)
{
	for (size_t a = 0; a < 3; a++) {
		struct decode_run r;

		decode_run_init(&r);
		ck_assert_str_eq(decode_line(&r, all_arches[a], SYS_setns,
					     DECODE_ARGS(0x100000005ULL, 0x140000000ULL), -9),
				 "setns(5, CLONE_NEWNET)                  = " EBADF_TEXT);
		/* Everything is printed at entry. */
		ck_assert_str_eq(strbuf_str(&r.entry), "setns(5, CLONE_NEWNET");
		decode_run_fini(&r);

		decode_run_init(&r);
		ck_assert_str_eq(decode_line(&r, all_arches[a], SYS_setns, DECODE_ARGS(3, 0), 0),
				 "setns(3, 0)                             = 0");
		decode_run_fini(&r);

		decode_run_init(&r);
		decode_line(&r, all_arches[a], SYS_unshare, DECODE_ARGS(0x20000), 0);
		ck_assert_str_eq(strbuf_str(&r.entry), "unshare(CLONE_NEWNS");
		decode_run_fini(&r);
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_namespace");
	TCase *tc = tcase_create("namespace");

	tcase_add_test(tc, unshare_flags);
	tcase_add_test(tc, unshare_high_bits);
	tcase_add_test(tc, setns_types);
	tcase_add_test(tc, setns_int_arguments);
	suite_add_tcase(s, tc);
	return s;
}
