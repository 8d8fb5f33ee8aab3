/* -e trace=SET: names across arches, classes, negation, errors (strace 6.1 semantics). */
#include "ctrace/arch.h"
#include "ctrace/filter.h"
#include "unit.h"

static bool selects_nr(const struct trace_filter *f, const struct arch *arch, uint64_t nr)
{
	const struct syscall_desc *d = arch_syscall(arch, nr);
	return trace_filter_selects(f, d ? (enum syscall_id)(d - syscall_descs) : SYS_none);
}

START_TEST(default_selects_everything)
{
	struct trace_filter f;
	trace_filter_init(&f);
	ck_assert(!f.given);
	ck_assert(selects_nr(&f, &arch_x86_64, 0));
	ck_assert(selects_nr(&f, &arch_x86_64, 100000));   /* unknown numbers too */
}
END_TEST

START_TEST(names_select_on_every_arch)
{
	struct trace_filter f;
	char err[128];
	trace_filter_init(&f);
	ck_assert_int_eq(trace_filter_parse(&f, "clone,execve", err, sizeof(err)), 0);
	ck_assert(selects_nr(&f, &arch_x86_64, 56));    /* clone */
	ck_assert(selects_nr(&f, &arch_i386, 120));     /* clone */
	ck_assert(selects_nr(&f, &arch_aarch64, 220));  /* clone */
	ck_assert(selects_nr(&f, &arch_x86_64, 59));    /* execve */
	ck_assert(!selects_nr(&f, &arch_x86_64, 1));    /* write */
	ck_assert(!selects_nr(&f, &arch_x86_64, 435));  /* clone3 */
	ck_assert(!selects_nr(&f, &arch_x86_64, 100000));
}
END_TEST

START_TEST(classes_and_namespace)
{
	struct trace_filter f;
	char err[128];
	trace_filter_init(&f);
	ck_assert_int_eq(trace_filter_parse(&f, "%namespace", err, sizeof(err)), 0);
	ck_assert(selects_nr(&f, &arch_x86_64, 56));    /* clone */
	ck_assert(selects_nr(&f, &arch_x86_64, 435));   /* clone3 */
	ck_assert(selects_nr(&f, &arch_x86_64, 272));   /* unshare */
	ck_assert(selects_nr(&f, &arch_i386, 346));     /* setns */
	ck_assert(!selects_nr(&f, &arch_x86_64, 57));   /* fork creates no namespace */
	ck_assert(!selects_nr(&f, &arch_x86_64, 59));   /* execve */

	/* strace still takes the old spelling without the %. */
	ck_assert_int_eq(trace_filter_parse(&f, "process", err, sizeof(err)), 0);
	ck_assert(selects_nr(&f, &arch_x86_64, 57));    /* fork */
	ck_assert(selects_nr(&f, &arch_x86_64, 231));   /* exit_group */
	ck_assert(!selects_nr(&f, &arch_x86_64, 1));    /* write */
}
END_TEST

START_TEST(negation_and_replacement)
{
	struct trace_filter f;
	char err[128];
	trace_filter_init(&f);
	ck_assert_int_eq(trace_filter_parse(&f, "getpid", err, sizeof(err)), 0);
	/* A later -e trace= replaces the earlier one, as in strace 6.1. */
	ck_assert_int_eq(trace_filter_parse(&f, "!write", err, sizeof(err)), 0);
	ck_assert(!selects_nr(&f, &arch_x86_64, 1));    /* write */
	ck_assert(selects_nr(&f, &arch_x86_64, 39));    /* getpid */
	ck_assert(selects_nr(&f, &arch_x86_64, 0));     /* read */

	ck_assert_int_eq(trace_filter_parse(&f, "none", err, sizeof(err)), 0);
	ck_assert(!selects_nr(&f, &arch_x86_64, 39));
	ck_assert_int_eq(trace_filter_parse(&f, "all", err, sizeof(err)), 0);
	ck_assert(selects_nr(&f, &arch_x86_64, 39));
}
END_TEST

START_TEST(errors_name_the_item)
{
	struct trace_filter f;
	char err[128];
	trace_filter_init(&f);
	ck_assert_int_eq(trace_filter_parse(&f, "clone,bogus", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "invalid system call 'bogus'");
	ck_assert_int_eq(trace_filter_parse(&f, "%bogus", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "invalid system call '%bogus'");
	/* "?name" tolerates unknown names. */
	ck_assert_int_eq(trace_filter_parse(&f, "?bogus,clone", err, sizeof(err)), 0);
	ck_assert(selects_nr(&f, &arch_x86_64, 56));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("trace_filter");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, default_selects_everything);
	tcase_add_test(tc, names_select_on_every_arch);
	tcase_add_test(tc, classes_and_namespace);
	tcase_add_test(tc, negation_and_replacement);
	tcase_add_test(tc, errors_name_the_item);
	suite_add_tcase(s, tc);
	return s;
}
