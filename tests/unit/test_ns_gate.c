/* The namespace gate's policy: which calls with which flags the --deny filter refuses. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctrace/ns_gate.h"
#include "unit.h"

START_TEST(calls_by_syscall_id)
{
	ck_assert_int_eq(ns_call_of(SYS_clone), NS_CALL_CLONE);
	ck_assert_int_eq(ns_call_of(SYS_clone3), NS_CALL_CLONE3);
	ck_assert_int_eq(ns_call_of(SYS_unshare), NS_CALL_UNSHARE);
	ck_assert_int_eq(ns_call_of(SYS_setns), NS_CALL_SETNS);
	ck_assert_int_eq(ns_call_of(SYS_fork), NS_CALL_FORK);
	ck_assert_int_eq(ns_call_of(SYS_vfork), NS_CALL_VFORK);
	ck_assert_int_eq(ns_call_of(SYS_execve), NS_CALL_NONE);
	ck_assert_int_eq(ns_call_of(SYS_none), NS_CALL_NONE);
	ck_assert_str_eq(ns_call_name(NS_CALL_CLONE3), "clone3");
}
END_TEST

START_TEST(clone_refused_for_each_new_flag)
{
	static const uint64_t each[] = { NS_CLONE_NEWNS, NS_CLONE_NEWCGROUP, NS_CLONE_NEWUTS,
					 NS_CLONE_NEWIPC, NS_CLONE_NEWUSER, NS_CLONE_NEWPID,
					 NS_CLONE_NEWNET };
	for (size_t i = 0; i < sizeof(each) / sizeof(each[0]); i++) {
		ck_assert_int_eq(ns_policy_errno(NS_CALL_CLONE, each[i] | 17), EPERM);
		ck_assert_int_eq(ns_policy_errno(NS_CALL_UNSHARE, each[i]), EPERM);
	}
	/* Threads, fork, vfork, posix_spawn as glibc makes them. */
	ck_assert_int_eq(ns_policy_errno(NS_CALL_CLONE, 0x3d0f00), 0);
	ck_assert_int_eq(ns_policy_errno(NS_CALL_CLONE, 0x01200011), 0);  /* fork() */
	ck_assert_int_eq(ns_policy_errno(NS_CALL_CLONE, 0x4111), 0);      /* CLONE_VM|CLONE_VFORK|SIGCHLD */
	/* clone's low byte is the exit signal: 0x80 is not CLONE_NEWTIME there. */
	ck_assert_int_eq(ns_policy_errno(NS_CALL_CLONE, 0x80), 0);
	ck_assert_uint_eq(ns_policy_flags(NS_CALL_CLONE, 0x80 | NS_CLONE_NEWUTS), NS_CLONE_NEWUTS);
}
END_TEST

START_TEST(unshare_newtime_and_non_namespaces)
{
	ck_assert_int_eq(ns_policy_errno(NS_CALL_UNSHARE, NS_CLONE_NEWTIME), EPERM);
	ck_assert_uint_eq(ns_policy_flags(NS_CALL_UNSHARE, NS_CLONE_NEWTIME), NS_CLONE_NEWTIME);
	/* CLONE_FILES|CLONE_FS|CLONE_SYSVSEM: not namespaces. */
	ck_assert_int_eq(ns_policy_errno(NS_CALL_UNSHARE, 0x400 | 0x200 | 0x40000), 0);
	ck_assert_int_eq(ns_policy_errno(NS_CALL_UNSHARE, 0), 0);
}
END_TEST

START_TEST(setns_and_clone3_always)
{
	ck_assert_int_eq(ns_policy_errno(NS_CALL_SETNS, 3), EPERM);
	ck_assert_int_eq(ns_policy_errno(NS_CALL_SETNS, 0), EPERM);
	/* clone3: its flags are in memory, so the filter refuses it whatever they say. */
	ck_assert_int_eq(ns_policy_errno(NS_CALL_CLONE3, 0x7ffc0000), ENOSYS);
	ck_assert_uint_eq(ns_policy_flags(NS_CALL_CLONE3, NS_CLONE_NEWTIME | 0x100), NS_CLONE_NEWTIME);
	ck_assert_int_eq(ns_policy_errno(NS_CALL_FORK, 0), 0);
	ck_assert_int_eq(ns_policy_errno(NS_CALL_VFORK, 0), 0);
	ck_assert_int_eq(ns_policy_errno(NS_CALL_NONE, NS_FLAGS_ALL), 0);
}
END_TEST

START_TEST(flags_text_and_json)
{
	char buf[512];

	ns_flags_format(NS_CLONE_NEWNET | NS_CLONE_NEWTIME | NS_CLONE_NEWNS, buf, sizeof(buf));
	ck_assert_str_eq(buf, "CLONE_NEWTIME|CLONE_NEWNS|CLONE_NEWNET");
	ns_flags_format(0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "0");
	ck_assert_uint_eq(ns_flags_format(NS_CLONE_NEWUTS | NS_CLONE_NEWPID, buf, 5),
			  strlen("CLONE_NEWUTS|CLONE_NEWPID"));
	ck_assert_str_eq(buf, "CLON");

	struct ns_violation v = {
		.pid = 42, .exe = "/tmp/a \"b\"\\\n", .syscall = "unshare",
		.ns_flags = NS_CLONE_NEWUTS | NS_CLONE_NEWIPC, .raw_flags = 0x0c000000,
		.denied = true, .how = "seccomp",
	};
	ns_violation_json(&v, buf, sizeof(buf));
	ck_assert_str_eq(buf, "{\"pid\":42,\"exe\":\"/tmp/a \\\"b\\\"\\\\\\u000a\",\"syscall\":\"unshare\","
			 "\"flags\":[\"CLONE_NEWUTS\",\"CLONE_NEWIPC\"],\"raw_flags\":201326592,"
			 "\"verdict\":\"denied\",\"how\":\"seccomp\"}\n");
}
END_TEST

/* CLONE_UNTRACED is cleared from clone's flag register only: clone3 keeps its
 * flags in memory, fork and vfork have none; it is not a namespace flag. */
START_TEST(untraced_cleared_from_clone_only)
{
	ck_assert(ns_untraced_should_clear(NS_CALL_CLONE, NS_CLONE_UNTRACED | 17));
	ck_assert(ns_untraced_should_clear(NS_CALL_CLONE, NS_CLONE_UNTRACED | NS_CLONE_NEWUSER));
	ck_assert(!ns_untraced_should_clear(NS_CALL_CLONE, 0x01000000 | 0x00200000 | 17));
	ck_assert(!ns_untraced_should_clear(NS_CALL_CLONE3, NS_CLONE_UNTRACED));
	ck_assert(!ns_untraced_should_clear(NS_CALL_UNSHARE, NS_CLONE_UNTRACED));
	ck_assert(!ns_untraced_should_clear(NS_CALL_FORK, NS_CLONE_UNTRACED));
	ck_assert_int_eq(ns_policy_errno(NS_CALL_CLONE, NS_CLONE_UNTRACED | 17), 0);
	ck_assert_uint_eq(ns_policy_flags(NS_CALL_CLONE3, NS_CLONE_UNTRACED), 0);

	char buf[512];
	struct ns_violation v = {
		.pid = 7, .exe = "/p", .syscall = "clone3", .ns_flags = NS_CLONE_NEWUSER,
		.raw_flags = NS_CLONE_UNTRACED | NS_CLONE_NEWUSER, .untraced = true, .child = 8,
		.how = "ptrace",
	};
	ns_violation_json(&v, buf, sizeof(buf));
	ck_assert_str_eq(buf, "{\"pid\":7,\"exe\":\"/p\",\"syscall\":\"clone3\","
			 "\"flags\":[\"CLONE_NEWUSER\"],\"raw_flags\":276824064,\"child\":8,"
			 "\"verdict\":\"untraced\",\"how\":\"ptrace\"}\n");
}
END_TEST

/* unshare(CLONE_NEWPID): the new namespace has no init yet, so the kernel
 * hides pid_for_children; a link that vanishes along with the task is no
 * evidence. */
START_TEST(newpid_without_init_is_a_change)
{
	struct ns_snapshot before, after;

	for (int i = 0; i < NS_T_COUNT; i++)
		before.ino[i] = after.ino[i] = 100 + (uint64_t)i;
	after.ino[NS_T_PID_CHILDREN] = 0;
	ck_assert_uint_eq(ns_snapshot_diff_self(&before, &after), NS_CLONE_NEWPID);
	for (int i = 0; i < NS_T_COUNT; i++)
		after.ino[i] = 0;
	ck_assert_uint_eq(ns_snapshot_diff_self(&before, &after), 0);
	for (int i = 0; i < NS_T_COUNT; i++)
		after.ino[i] = before.ino[i];
	before.ino[NS_T_PID_CHILDREN] = 0;   /* hidden already before: nothing to compare */
	after.ino[NS_T_PID_CHILDREN] = 0;
	ck_assert_uint_eq(ns_snapshot_diff_self(&before, &after), 0);
}
END_TEST

START_TEST(children_compare_with_for_children)
{
	struct ns_snapshot parent, child;

	for (int i = 0; i < NS_T_COUNT; i++)
		parent.ino[i] = child.ino[i] = 100 + (uint64_t)i;
	parent.ino[NS_T_TIME_CHILDREN] = child.ino[NS_T_TIME_CHILDREN] = parent.ino[NS_T_TIME];
	/* Parent after unshare(CLONE_NEWPID): its children are born in pid_for_children. */
	parent.ino[NS_T_PID_CHILDREN] = 500;
	child.ino[NS_T_PID] = child.ino[NS_T_PID_CHILDREN] = 500;
	ck_assert_uint_eq(ns_snapshot_diff_child(&parent, &child), 0);
	child.ino[NS_T_UTS] = 900;
	child.ino[NS_T_TIME] = child.ino[NS_T_TIME_CHILDREN] = 901;
	ck_assert_uint_eq(ns_snapshot_diff_child(&parent, &child), NS_CLONE_NEWUTS | NS_CLONE_NEWTIME);
	child.ino[NS_T_NET] = 0;   /* unreadable: no evidence */
	ck_assert_uint_eq(ns_snapshot_diff_child(&parent, &child), NS_CLONE_NEWUTS | NS_CLONE_NEWTIME);

	struct ns_snapshot after = parent;
	after.ino[NS_T_TIME_CHILDREN] = 7;
	ck_assert_uint_eq(ns_snapshot_diff_self(&parent, &after), NS_CLONE_NEWTIME);
}
END_TEST

#ifdef CTRACE_HAVE_SECCOMP
/* The filter covers x86_64 and i386 (int $0x80): the rule table for both. */
START_TEST(filter_has_both_arches)
{
	char path[] = "/tmp/ns_gate_pfc.XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	unlink(path);
	ck_assert_int_eq(ns_gate_filter_pfc(fd), 0);
	off_t size = lseek(fd, 0, SEEK_END);
	char *text = calloc(1, (size_t)size + 1);
	ck_assert_int_eq(pread(fd, text, (size_t)size, 0), size);
	close(fd);
#if defined(__x86_64__)
	ck_assert_ptr_nonnull(strstr(text, "if ($arch == 3221225534)"));   /* AUDIT_ARCH_X86_64 */
	const char *i386 = strstr(text, "if ($arch == 1073741827)");      /* AUDIT_ARCH_I386 */
	ck_assert_ptr_nonnull(i386);
	/* i386 numbers: clone 120, unshare 310, setns 346, clone3 435. */
	ck_assert_ptr_nonnull(strstr(i386, "if ($syscall == 120)"));
	ck_assert_ptr_nonnull(strstr(i386, "if ($syscall == 310)"));
	ck_assert_ptr_nonnull(strstr(i386, "if ($syscall == 346)"));
	ck_assert_ptr_nonnull(strstr(i386, "if ($syscall == 435)"));
	ck_assert_ptr_nonnull(strstr(text, "if ($syscall == 56)"));       /* x86_64 clone */
	ck_assert_ptr_nonnull(strstr(text, "action ERRNO(38)"));          /* ENOSYS */
	ck_assert_ptr_nonnull(strstr(text, "action ERRNO(1)"));           /* EPERM */
#endif
	free(text);
}
END_TEST
#endif

Suite *test_suite(void)
{
	Suite *s = suite_create("ns_gate");
	TCase *tc = tcase_create("policy");

	tcase_add_test(tc, calls_by_syscall_id);
	tcase_add_test(tc, clone_refused_for_each_new_flag);
	tcase_add_test(tc, unshare_newtime_and_non_namespaces);
	tcase_add_test(tc, setns_and_clone3_always);
	tcase_add_test(tc, flags_text_and_json);
	tcase_add_test(tc, untraced_cleared_from_clone_only);
	tcase_add_test(tc, newpid_without_init_is_a_change);
	tcase_add_test(tc, children_compare_with_for_children);
#ifdef CTRACE_HAVE_SECCOMP
	tcase_add_test(tc, filter_has_both_arches);
#endif
	suite_add_tcase(s, tc);
	return s;
}
