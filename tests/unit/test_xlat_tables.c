/* Signal, si_code, errno and wait4 option tables, and the lookups. */
#include "ctrace/xlat.h"
#include "unit.h"

START_TEST(signal_names)
{
	ck_assert_str_eq(signal_name(1), "SIGHUP");
	ck_assert_str_eq(signal_name(7), "SIGBUS");
	ck_assert_str_eq(signal_name(16), "SIGSTKFLT");
	ck_assert_str_eq(signal_name(29), "SIGIO");
	ck_assert_str_eq(signal_name(31), "SIGSYS");
	/* strace names real-time signals after the kernel's SIGRTMIN, 32 */
	ck_assert_str_eq(signal_name(32), "SIGRTMIN");
	ck_assert_str_eq(signal_name(33), "SIGRT_1");
	ck_assert_str_eq(signal_name(34), "SIGRT_2");
	ck_assert_str_eq(signal_name(64), "SIGRT_32");
	ck_assert_ptr_null(signal_name(0));    /* kill(pid, 0) prints "0" */
	ck_assert_ptr_null(signal_name(65));
}
END_TEST

START_TEST(errno_names)
{
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 1), "EPERM");
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 11), "EAGAIN");
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 35), "EDEADLK");
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 95), "EOPNOTSUPP");
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 133), "EHWPOISON");
	ck_assert_ptr_null(xlat_name(&xlat_errno_names, 41));
	ck_assert_ptr_null(xlat_name(&xlat_errno_names, 58));
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 512), "ERESTARTSYS");
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 516), "ERESTART_RESTARTBLOCK");
	ck_assert_str_eq(xlat_name(&xlat_errno_names, 530), "ERECALLCONFLICT");
	ck_assert_ptr_null(xlat_name(&xlat_errno_names, 520));
	for (unsigned e = 1; e <= 133; e++)
		if (e != 41 && e != 58)
			ck_assert_ptr_nonnull(xlat_name(&xlat_errno_names, e));
}
END_TEST

START_TEST(errno_texts)
{
	ck_assert_str_eq(errno_description(2), "No such file or directory");
	ck_assert_str_eq(errno_description(10), "No child processes");
	ck_assert_str_eq(errno_description(14), "Bad address");
	ck_assert_str_eq(errno_description(38), "Function not implemented");
	ck_assert_str_eq(errno_description(133), "Memory page has hardware error");
	ck_assert_str_eq(errno_description(512), "To be restarted if SA_RESTART is set");
	ck_assert_str_eq(errno_description(513), "To be restarted");
	ck_assert_str_eq(errno_description(514), "To be restarted if no handler");
	ck_assert_str_eq(errno_description(516), "Interrupted by signal");
	ck_assert_str_eq(errno_description(515), "Unknown error 515");
	ck_assert_str_eq(errno_description(41), "Unknown error 41");
	ck_assert_str_eq(errno_description(4095), "Unknown error 4095");
}
END_TEST

START_TEST(lookups)
{
	uint64_t v = 7;
	ck_assert_int_eq(xlat_value(&xlat_wait4_options, "__WALL", &v), 1);
	ck_assert_uint_eq(v, 0x40000000);
	ck_assert_int_eq(xlat_value(&xlat_wait4_options, "WUNTRACED", &v), 0);
	ck_assert_uint_eq(v, 0x40000000);
	ck_assert_int_eq(xlat_value(&xlat_signals, "SIGKILL", &v), 1);
	ck_assert_uint_eq(v, 9);
	ck_assert_str_eq(xlat_name(&xlat_wait4_options, 2), "WSTOPPED");
	ck_assert_ptr_null(xlat_name(&xlat_signals, 0));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("xlat_tables");
	TCase *tc = tcase_create("tables");

	tcase_add_test(tc, signal_names);
	tcase_add_test(tc, errno_names);
	tcase_add_test(tc, errno_texts);
	tcase_add_test(tc, lookups);
	suite_add_tcase(s, tc);
	return s;
}
