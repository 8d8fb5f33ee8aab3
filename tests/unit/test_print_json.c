/*
 * The JSON Lines printer (--json): every val kind, string escaping, clone's
 * flags with their signal and unknown bits, clone3's struct and its exit-time
 * update, errors, unfinished calls and the non-syscall events.  Syscalls come
 * from the real decoders (decode_harness), so the JSON is checked against the
 * very trees the strace printer formats; the schema is man/ctrace.1's.
 */
#include <string.h>
#include <sys/wait.h>

#include "ctrace/print_json.h"
#include "decode_harness.h"

static struct arena arena;

static const char *json_val(const struct val *v)
{
	static struct strbuf sb;
	strbuf_reset(&sb);
	json_format_val(&sb, v);
	return strbuf_str(&sb);
}

static const char *json_str(const char *bytes, size_t len)
{
	return json_val(val_str(&arena, NULL, bytes, len, false));
}

static const struct xlat_entry demo_entries[] = {
	{ 0x1, "DEMO_A" }, { 0x4, "DEMO_C" }, { 0x100, "DEMO_HIGH" }, { 0, NULL },
};
static const struct xlat demo_xlat = { demo_entries, "DEMO_???" };

START_TEST(scalars)
{
	ck_assert_str_eq(json_val(val_int(&arena, "a", -1)), "-1");
	ck_assert_str_eq(json_val(val_fd(&arena, NULL, 3)), "3");
	ck_assert_str_eq(json_val(val_uint(&arena, NULL, UINT64_MAX)), "18446744073709551615");
	ck_assert_str_eq(json_val(val_hex(&arena, NULL, 0x1f)), "31");
	ck_assert_str_eq(json_val(val_oct(&arena, NULL, 0755)), "493");
	ck_assert_str_eq(json_val(val_ptr(&arena, "stack", 0)), "null");
	ck_assert_str_eq(json_val(val_ptr(&arena, NULL, 0x7ffd1000)), "2147291136");
	ck_assert_str_eq(json_val(val_text(&arena, NULL, "AT_FDCWD")), "\"AT_FDCWD\"");
}
END_TEST

START_TEST(string_escapes)
{
	ck_assert_str_eq(json_str("a\"b\\c", 5), "\"a\\\"b\\\\c\"");
	ck_assert_str_eq(json_str("\b\f\n\r\t", 5), "\"\\b\\f\\n\\r\\t\"");
	ck_assert_str_eq(json_str("\0\001\037\177 ~", 6), "\"\\u0000\\u0001\\u001f\\u007f ~\"");
	/* Valid UTF-8 stays as it is: e-acute, the euro sign, an emoji. */
	ck_assert_str_eq(json_str("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9),
			 "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
	/* Other bytes one by one: a lone continuation, 0xff, an overlong '/',
	 * a surrogate, a sequence cut short by the end, one above U+10FFFF. */
	ck_assert_str_eq(json_str("\x80\xff", 2), "\"\\u0080\\u00ff\"");
	ck_assert_str_eq(json_str("\xc0\xaf", 2), "\"\\u00c0\\u00af\"");
	ck_assert_str_eq(json_str("\xed\xa0\x80", 3), "\"\\u00ed\\u00a0\\u0080\"");
	ck_assert_str_eq(json_str("x\xe2\x82", 3), "\"x\\u00e2\\u0082\"");
	ck_assert_str_eq(json_str("\xf4\x90\x80\x80", 4), "\"\\u00f4\\u0090\\u0080\\u0080\"");
	ck_assert_str_eq(json_str("\xe2(\xa1", 3), "\"\\u00e2(\\u00a1\"");
	/* What strace prints as "hello"...: */
	ck_assert_str_eq(json_val(val_str(&arena, NULL, "hello", 5, true)),
			 "{\"string\":\"hello\",\"truncated\":true}");
	ck_assert_str_eq(json_str("", 0), "\"\"");
}
END_TEST

START_TEST(flags_names_unknown_and_signal)
{
	ck_assert_str_eq(json_val(val_flags(&arena, NULL, 0, &demo_xlat, 0)),
			 "{\"raw\":0,\"flags\":[]}");
	ck_assert_str_eq(json_val(val_flags(&arena, NULL, 0x105, &demo_xlat, 0)),
			 "{\"raw\":261,\"flags\":[\"DEMO_A\",\"DEMO_C\",\"DEMO_HIGH\"]}");
	ck_assert_str_eq(json_val(val_flags(&arena, NULL, 0x1001, &demo_xlat, 0)),
			 "{\"raw\":4097,\"flags\":[\"DEMO_A\"],\"unknown\":4096}");
	/* clone's exit signal in the low byte: by name, or its number. */
	ck_assert_str_eq(json_val(val_flags(&arena, NULL, 0x1000 | 17, &demo_xlat, 0xff)),
			 "{\"raw\":4113,\"flags\":[],\"unknown\":4096,\"signal\":\"SIGCHLD\"}");
	ck_assert_str_eq(json_val(val_flags(&arena, NULL, 0x100 | 0xff, &demo_xlat, 0xff)),
			 "{\"raw\":511,\"flags\":[\"DEMO_HIGH\"],\"signal\":255}");
	struct val *v = val_flags(&arena, NULL, 1, &demo_xlat, 0);
	v->comment = "note";
	ck_assert_str_eq(json_val(v), "{\"raw\":1,\"flags\":[\"DEMO_A\"],\"comment\":\"note\"}");
}
END_TEST

START_TEST(enums_signals_errnos)
{
	ck_assert_str_eq(json_val(val_enum(&arena, NULL, 4, &demo_xlat)),
			 "{\"name\":\"DEMO_C\",\"raw\":4}");
	ck_assert_str_eq(json_val(val_enum(&arena, NULL, 42, &demo_xlat)),
			 "{\"name\":null,\"raw\":42}");
	ck_assert_str_eq(json_val(val_signal(&arena, NULL, 9)), "{\"name\":\"SIGKILL\",\"raw\":9}");
	ck_assert_str_eq(json_val(val_signal(&arena, NULL, 200)), "{\"name\":null,\"raw\":200}");
	struct val *e = val_new(&arena, VAL_ERRNO, NULL);
	e->u = 22;
	ck_assert_str_eq(json_val(e), "{\"name\":\"EINVAL\",\"raw\":22}");
}
END_TEST

START_TEST(containers_written_comments)
{
	struct val *s = val_struct(&arena, NULL);
	val_add(s, val_uint(&arena, "a", 1));
	val_add(s, val_written(&arena, "pidfd", val_int(&arena, NULL, 3)));
	val_add(s, val_int(&arena, NULL, 7));               /* nameless: by position */
	val_add(s, val_ellipsis(&arena));
	ck_assert_str_eq(json_val(s), "{\"a\":1,\"pidfd\":{\"written\":3},\"2\":7,\"...\":true}");
	ck_assert_str_eq(json_val(val_struct(&arena, NULL)), "{}");

	struct val *arr = val_array(&arena, NULL);
	ck_assert_str_eq(json_val(arr), "[]");
	val_add(arr, val_str(&arena, NULL, "x", 1, false));
	struct val *more = val_add(arr, val_ellipsis(&arena));
	more->comment = "0x1000";
	ck_assert_str_eq(json_val(arr), "[\"x\",{\"ellipsis\":true,\"comment\":\"0x1000\"}]");

	/* A comment on a value that is not an object wraps it. */
	struct val *p = val_ptr(&arena, NULL, 0x1000);
	p->comment = "37 vars";
	ck_assert_str_eq(json_val(p), "{\"value\":4096,\"comment\":\"37 vars\"}");
	struct val *c = val_struct(&arena, NULL);
	c->comment = "bytes 88..95";
	ck_assert_str_eq(json_val(c), "{\"comment\":\"bytes 88..95\"}");
	struct val *w = val_written(&arena, NULL, val_int(&arena, NULL, 1));
	val_add(w, val_int(&arena, NULL, 2));
	ck_assert_str_eq(json_val(w), "{\"written\":[1,2]}");
}
END_TEST

static const char *json_event(const struct syscall_event *ev, pid_t pid)
{
	static struct strbuf sb;
	strbuf_reset(&sb);
	json_format_syscall(&sb, pid, ev);
	return strbuf_str(&sb);
}

/* clone(2) through its real decoder: the same tree as the text line. */
/* recvmsg's `msg_namelen=128 => 16`: the exit-time value is keyed after its
 * field, not by its position. */
START_TEST(struct_field_updated_at_exit)
{
	struct val *s = val_struct(&arena, NULL);
	val_add(s, val_ptr(&arena, "msg_name", 0));
	val_add(s, val_int(&arena, "msg_namelen", 128));
	val_add(s, val_int(&arena, NULL, 16))->sep = SEP_ARROW;
	val_add(s, val_int(&arena, NULL, 7));
	ck_assert_str_eq(json_val(s),
			 "{\"msg_name\":null,\"msg_namelen\":128,\"msg_namelen_after\":16,\"3\":7}");
}
END_TEST

START_TEST(clone_syscall)
{
	struct decode_run r;

	decode_run_init(&r);
	/* x86_64 order: flags, stack, parent_tid, child_tid, tls. */
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_clone,
				     DECODE_ARGS(0x10000000 | 0x100 | 0x100000000ULL | 17), 4242),
			 "clone(child_stack=NULL, flags=CLONE_VM|CLONE_NEWUSER|0x100000000|SIGCHLD)"
			 " = 4242");
	ck_assert_str_eq(json_event(&r.ev, 7),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":7,\"syscall\":\"clone\",\"nr\":56,"
			 "\"arch\":\"x86_64\",\"args\":[{\"name\":\"child_stack\",\"value\":null},"
			 "{\"name\":\"flags\",\"value\":{\"raw\":4563403025,"
			 "\"flags\":[\"CLONE_VM\",\"CLONE_NEWUSER\"],\"unknown\":4294967296,"
			 "\"signal\":\"SIGCHLD\"}}],\"retval\":4242}");

	/* A failure: the errno by name, its number and strerror's text. */
	decode_line(&r, &arch_x86_64, SYS_clone, DECODE_ARGS(0x10000000 | 0x200 | 17), -22);
	ck_assert_str_eq(json_event(&r.ev, 7),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":7,\"syscall\":\"clone\",\"nr\":56,"
			 "\"arch\":\"x86_64\",\"args\":[{\"name\":\"child_stack\",\"value\":null},"
			 "{\"name\":\"flags\",\"value\":{\"raw\":268435985,"
			 "\"flags\":[\"CLONE_FS\",\"CLONE_NEWUSER\"],\"signal\":\"SIGCHLD\"}}],"
			 "\"error\":{\"errno\":\"EINVAL\",\"code\":22,\"message\":\"Invalid argument\"}}");

	/* i386: its own number and arch name. */
	decode_line(&r, &arch_i386, SYS_clone, DECODE_ARGS(17), 5);
	ck_assert_str_eq(json_event(&r.ev, 8),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":8,\"syscall\":\"clone\",\"nr\":120,"
			 "\"arch\":\"i386\",\"args\":[{\"name\":\"child_stack\",\"value\":null},"
			 "{\"name\":\"flags\",\"value\":{\"raw\":17,\"flags\":[],"
			 "\"signal\":\"SIGCHLD\"}}],\"retval\":5}");
	decode_run_fini(&r);
}
END_TEST

/* What strace prints after the result (select's sets, the time left) as retval_detail. */
START_TEST(retval_detail)
{
	struct decode_run r;
	static const uint64_t set = 1u << 4, tv[2] = { 0, 7 };

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x1000, &set, sizeof(set));
	fake_mem_add(&r.mem, 0x2000, tv, sizeof(tv));
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_select,
				     DECODE_ARGS(5, 0, 0x1000, 0, 0x2000), 1),
			 "select(5, NULL, [4], NULL, {tv_sec=0, tv_usec=7}) = 1 "
			 "(out [4], left {tv_sec=0, tv_usec=7})");
	ck_assert_str_eq(json_event(&r.ev, 7),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":7,\"syscall\":\"select\",\"nr\":23,"
			 "\"arch\":\"x86_64\",\"args\":[{\"value\":5},{\"value\":null},"
			 "{\"value\":[4]},{\"value\":null},{\"value\":{\"tv_sec\":0,\"tv_usec\":7}}],"
			 "\"retval\":1,\"retval_detail\":[{\"name\":\"out\",\"value\":[4]},"
			 "{\"name\":\"left\",\"value\":{\"tv_sec\":0,\"tv_usec\":7}}]}");
	decode_run_fini(&r);
}
END_TEST

static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* clone3's struct as an object, and its " => {...}" update as "after". */
START_TEST(clone3_struct_and_update)
{
	struct decode_run r;
	unsigned char args[88] = { 0 };
	unsigned char ids[8] = { 0 };

	decode_run_init(&r);
	put64(args + 0, 0x1000 | 0x100000);     /* CLONE_PIDFD|CLONE_PARENT_SETTID */
	put64(args + 8, 0xffaa8000);            /* pidfd */
	put64(args + 24, 0xffaa8004);           /* parent_tid */
	put64(args + 32, 17);                   /* exit_signal */
	fake_mem_add(&r.mem, 0xffaa7000, args, sizeof(args));
	fake_mem_add(&r.mem, 0xffaa8000, ids, sizeof(ids));
	decode_entry(&r, &arch_x86_64, SYS_clone3, DECODE_ARGS(0xffaa7000, 88));
	ids[0] = 3;
	ids[4] = 0x7a;
	ids[5] = 0x24;                          /* 9338 */
	decode_exit(&r, 9338);
	ck_assert_str_eq(r.line.buf,
			 "clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0xffaa8000, "
			 "parent_tid=0xffaa8004, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => "
			 "{pidfd=[3], parent_tid=[9338]}, 88) = 9338");
	ck_assert_str_eq(json_event(&r.ev, 9),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":9,\"syscall\":\"clone3\",\"nr\":435,"
			 "\"arch\":\"x86_64\",\"args\":[{\"value\":{"
			 "\"flags\":{\"raw\":1052672,\"flags\":[\"CLONE_PIDFD\","
			 "\"CLONE_PARENT_SETTID\"]},\"pidfd\":4289363968,\"parent_tid\":4289363972,"
			 "\"exit_signal\":{\"name\":\"SIGCHLD\",\"raw\":17},\"stack\":null,"
			 "\"stack_size\":0},\"after\":{\"pidfd\":{\"written\":3},"
			 "\"parent_tid\":{\"written\":9338}}},{\"value\":88}],\"retval\":9338}");
	decode_run_fini(&r);
}
END_TEST

START_TEST(unfinished_unknown_and_comments)
{
	struct decode_run r;

	decode_run_init(&r);
	/* exit_group never returns: no retval, "unfinished". */
	decode_entry(&r, &arch_x86_64, SYS_exit_group, DECODE_ARGS(3));
	r.ev.exited = false;
	ck_assert_str_eq(json_event(&r.ev, 1),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":1,\"syscall\":\"exit_group\","
			 "\"nr\":231,\"arch\":\"x86_64\",\"args\":[{\"value\":3}],"
			 "\"unfinished\":true}");
	/* A number no syscall has: named as strace names it. */
	decode_entry_nr(&r, &arch_x86_64, 999, DECODE_ARGS(1));
	decode_exit(&r, -38);
	ck_assert_str_eq(json_event(&r.ev, 1),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":1,\"syscall\":\"syscall_0x3e7\","
			 "\"nr\":999,\"arch\":\"x86_64\",\"args\":[{\"value\":1},{\"value\":0},"
			 "{\"value\":0},{\"value\":0},{\"value\":0},{\"value\":0}],"
			 "\"error\":{\"errno\":\"ENOSYS\",\"code\":38,"
			 "\"message\":\"Function not implemented\"}}");

	/* A hand-made event: an argument's comment, a written-back value, a
	 * return value's comment. */
	struct syscall_event ev = { 0 };
	event_begin(&ev, &arch_x86_64, 59, DECODE_ARGS(0));
	struct val *env = event_arg(&ev, val_ptr(&ev.arena, NULL, 0x1000));
	env->comment = "37 vars";
	event_arg(&ev, val_written(&ev.arena, "status", val_int(&ev.arena, NULL, 0)));
	ev.exited = true;
	ev.rval = 0x10;
	ev.rval_format = RVAL_HEX;
	ev.rval_comment = "flags O_RDONLY";
	ck_assert_str_eq(json_event(&ev, 2),
			 "{\"v\":1,\"type\":\"syscall\",\"pid\":2,\"syscall\":\"execve\",\"nr\":59,"
			 "\"arch\":\"x86_64\",\"args\":[{\"value\":4096,\"comment\":\"37 vars\"},"
			 "{\"name\":\"status\",\"value\":{\"written\":0}}],\"retval\":16,"
			 "\"retval_comment\":\"flags O_RDONLY\"}");
	event_release(&ev);
	decode_run_fini(&r);
}
END_TEST

START_TEST(other_events)
{
	struct strbuf sb = STRBUF_INIT;

	struct val *si = val_struct(&arena, NULL);
	val_add(si, val_signal(&arena, "si_signo", 17));
	val_add(si, val_int(&arena, "si_pid", 42));
	json_format_signal(&sb, 5, 17, si);
	ck_assert_str_eq(strbuf_str(&sb),
			 "{\"v\":1,\"type\":\"signal\",\"pid\":5,\"signal\":\"SIGCHLD\",\"signo\":17,"
			 "\"siginfo\":{\"si_signo\":{\"name\":\"SIGCHLD\",\"raw\":17},\"si_pid\":42}}");
	strbuf_reset(&sb);
	json_format_signal(&sb, 5, 10, NULL);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"signal\",\"pid\":5,"
			 "\"signal\":\"SIGUSR1\",\"signo\":10,\"siginfo\":null}");
	strbuf_reset(&sb);
	json_format_group_stop(&sb, 5, 19);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"group_stop\",\"pid\":5,"
			 "\"signal\":\"SIGSTOP\",\"signo\":19}");
	strbuf_reset(&sb);
	json_format_exit(&sb, 5, 3 << 8);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"exit\",\"pid\":5,\"status\":3}");
	strbuf_reset(&sb);
	json_format_exit(&sb, 5, 9);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"killed\",\"pid\":5,"
			 "\"signal\":\"SIGKILL\",\"signo\":9,\"core_dumped\":false}");
	strbuf_reset(&sb);
	json_format_exit(&sb, 5, 11 | 0x80);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"killed\",\"pid\":5,"
			 "\"signal\":\"SIGSEGV\",\"signo\":11,\"core_dumped\":true}");
	strbuf_reset(&sb);
	json_format_superseded(&sb, 5, 6);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"superseded\",\"pid\":5,\"by\":6}");
	strbuf_reset(&sb);
	json_format_personality(&sb, 5, &arch_i386);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"personality\",\"pid\":5,"
			 "\"arch\":\"i386\",\"mode\":\"32 bit\"}");
	strbuf_reset(&sb);
	json_format_attach(&sb, 5, true);
	ck_assert_str_eq(strbuf_str(&sb),
			 "{\"v\":1,\"type\":\"attach\",\"pid\":5,\"followed\":true}");
	strbuf_reset(&sb);
	json_format_detach(&sb, 5);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"detach\",\"pid\":5}");
	strbuf_free(&sb);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("print_json");
	TCase *tc = tcase_create("json");

	tcase_add_test(tc, scalars);
	tcase_add_test(tc, string_escapes);
	tcase_add_test(tc, flags_names_unknown_and_signal);
	tcase_add_test(tc, enums_signals_errnos);
	tcase_add_test(tc, containers_written_comments);
	tcase_add_test(tc, struct_field_updated_at_exit);
	tcase_add_test(tc, clone_syscall);
	tcase_add_test(tc, retval_detail);
	tcase_add_test(tc, clone3_struct_and_update);
	tcase_add_test(tc, unfinished_unknown_and_comments);
	tcase_add_test(tc, other_events);
	suite_add_tcase(s, tc);
	return s;
}
