/*
 * The strace text printer: each rule checked here was seen in strace 6.1's
 * output (string escapes, flag sets with unknown bits, padding to column 40,
 * entry/exit halves of a split line, error returns).
 */
#include <string.h>

#include "ctrace/print.h"
#include "unit.h"

static struct arena arena;

static const char *fmt_val(const struct val *v)
{
	static struct strbuf sb;
	strbuf_reset(&sb);
	strace_format_val(&sb, v);
	return strbuf_str(&sb);
}

static const struct xlat_entry demo_entries[] = {
	{ 0x1, "DEMO_A" }, { 0x4, "DEMO_C" }, { 0x100, "DEMO_HIGH" }, { 0, NULL },
};
static const struct xlat demo_xlat = { demo_entries, "DEMO_???" };

START_TEST(string_escapes_like_strace)
{
	/* "\0017\0000a": three octal digits when an octal digit follows. */
	ck_assert_str_eq(fmt_val(val_str(&arena, NULL, "\0017\0" "0a", 5, false)),
			 "\"\\0017\\0000a\"");
	/* "\18": the short form when a non-octal character follows. */
	ck_assert_str_eq(fmt_val(val_str(&arena, NULL, "\0018", 2, false)), "\"\\18\"");
	ck_assert_str_eq(fmt_val(val_str(&arena, NULL, "\t\n\r\v\f\\\"\177\200\377", 10, false)),
			 "\"\\t\\n\\r\\v\\f\\\\\\\"\\177\\200\\377\"");
	ck_assert_str_eq(fmt_val(val_str(&arena, NULL, "hello", 5, true)), "\"hello\"...");
}
END_TEST

START_TEST(flags_known_unknown_and_signal)
{
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0, &demo_xlat, 0)), "0");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0x5, &demo_xlat, 0)), "DEMO_A|DEMO_C");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0x1000, &demo_xlat, 0)),
			 "0x1000 /* DEMO_??? */");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0x1001, &demo_xlat, 0)), "DEMO_A|0x1000");
	/* A signal in the low byte (clone's CSIGNAL) prints last, by name. */
	ck_assert_str_eq(fmt_val(val_flags(&arena, "flags", 0x100 | 17, &demo_xlat, 0xff)),
			 "flags=DEMO_HIGH|SIGCHLD");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 17, &demo_xlat, 0xff)), "SIGCHLD");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0x1000 | 17, &demo_xlat, 0xff)),
			 "0x1000 /* DEMO_??? */|SIGCHLD");
}
END_TEST

START_TEST(scalars_pointers_and_containers)
{
	ck_assert_str_eq(fmt_val(val_ptr(&arena, "stack", 0)), "stack=NULL");
	ck_assert_str_eq(fmt_val(val_ptr(&arena, NULL, 0x7ffd1000)), "0x7ffd1000");
	ck_assert_str_eq(fmt_val(val_hex(&arena, NULL, 0)), "0");
	ck_assert_str_eq(fmt_val(val_oct(&arena, NULL, 0755)), "0755");
	ck_assert_str_eq(fmt_val(val_int(&arena, NULL, -1)), "-1");

	struct val *s = val_struct(&arena, NULL);
	val_add(s, val_uint(&arena, "a", 1));
	val_add(s, val_written(&arena, "pidfd", val_int(&arena, NULL, 3)));
	ck_assert_str_eq(fmt_val(s), "{a=1, pidfd=[3]}");

	struct val *arr = val_array(&arena, NULL);
	ck_assert_str_eq(fmt_val(arr), "[]");
	val_add(arr, val_int(&arena, NULL, 1));
	val_add(arr, val_ellipsis(&arena));
	ck_assert_str_eq(fmt_val(arr), "[1, ...]");

	struct val *commented = val_ptr(&arena, NULL, 0x1000);
	commented->comment = "37 vars";
	ck_assert_str_eq(fmt_val(commented), "0x1000 /* 37 vars */");
}
END_TEST

/* An event built by hand, as a decoder would, without tracee memory. */
static void two_phase_event(struct syscall_event *ev, bool sep_at_entry, enum val_sep exit_sep)
{
	uint64_t args[6] = { 0 };
	event_begin(ev, &arch_x86_64, 61 /* wait4 */, args);
	event_arg(ev, val_int(&ev->arena, NULL, 42));
	ev->entry_tail = ev->args_list.tail;
	ev->entry_sep_pending = sep_at_entry;
	struct val *v = event_arg(ev, val_ptr(&ev->arena, NULL, 0));
	v->sep = exit_sep;
	ev->exited = true;
	ev->rval = 42;
}

START_TEST(split_lines_join_like_strace)
{
	struct syscall_event ev = { 0 };
	struct strbuf sb = STRBUF_INIT;

	/* wait4 prints its separator at entry: "wait4(42, " + "NULL)". */
	two_phase_event(&ev, true, SEP_COMMA);
	strace_format_entry(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "wait4(42, ");
	strbuf_reset(&sb);
	strace_format_exit_args(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "NULL)");

	/* clone prints it at exit: "clone(42" + ", NULL)". */
	two_phase_event(&ev, false, SEP_COMMA);
	strbuf_reset(&sb);
	strace_format_entry(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "wait4(42");
	strbuf_reset(&sb);
	strace_format_exit_args(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), ", NULL)");

	/* clone3's update of its first argument: " => ...". */
	two_phase_event(&ev, false, SEP_ARROW);
	strbuf_reset(&sb);
	strace_format_line(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "wait4(42 => NULL)                       = 42");

	strbuf_free(&sb);
	event_release(&ev);
}
END_TEST

START_TEST(return_values_and_padding)
{
	struct syscall_event ev = { 0 };
	struct strbuf sb = STRBUF_INIT;
	uint64_t args[6] = { 0 };

	event_begin(&ev, &arch_x86_64, 39 /* getpid */, args);
	ev.exited = true;
	ev.rval = 1234;
	strace_format_line(&sb, &ev);
	/* "=" at column 40, as "getpid()                                = 1234". */
	ck_assert_str_eq(strbuf_str(&sb), "getpid()                                = 1234");
	ck_assert_int_eq(strchr(strbuf_str(&sb), '=') - strbuf_str(&sb), STRACE_RVAL_COLUMN);

	strbuf_reset(&sb);
	ev.error = 2;
	ev.rval = -2;
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= -1 ENOENT (No such file or directory)");

	strbuf_reset(&sb);
	ev.error = 513;
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= ? ERESTARTNOINTR (To be restarted)");

	strbuf_reset(&sb);
	ev.error = 0;
	ev.rval = 0x7f0000001000;
	ev.rval_format = RVAL_HEX;
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= 0x7f0000001000");

	strbuf_reset(&sb);
	ev.exited = false;
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= ?");

	/* An unknown number prints as strace names it. */
	event_begin(&ev, &arch_x86_64, 500, args);
	strbuf_reset(&sb);
	strace_format_entry(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "syscall_0x1f4(");

	strbuf_free(&sb);
	event_release(&ev);
}
END_TEST

static void teardown(void)
{
	arena_free(&arena);
}

Suite *test_suite(void)
{
	Suite *s = suite_create("print_strace");
	TCase *tc = tcase_create("format");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, string_escapes_like_strace);
	tcase_add_test(tc, flags_known_unknown_and_signal);
	tcase_add_test(tc, scalars_pointers_and_containers);
	tcase_add_test(tc, split_lines_join_like_strace);
	tcase_add_test(tc, return_values_and_padding);
	suite_add_tcase(s, tc);
	return s;
}
