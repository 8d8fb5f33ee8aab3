/*
 * -k's pure parts: the /proc/PID/maps parser and lookup, and the frame lines
 * (strace 6.1's format, as observed) and JSON array, from crafted input.
 */
#include <string.h>

#include "ctrace/print_json.h"
#include "ctrace/stack_trace.h"
#include "unit.h"

static const char maps_text[] =
	"55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1311 /usr/bin/prog\n"
	"55d0c0a01000-55d0c0a05000 r-xp 00001000 08:01 1311 /usr/bin/prog\n"
	"55d0c1000000-55d0c1021000 rw-p 00000000 00:00 0                          [heap]\n"
	"7f00aa000000-7f00aa010000 rwxp 00000000 00:00 0 \n"
	"7f00ab028000-7f00ab1bd000 r-xp 00028000 fd:00 2097287                    "
	"/usr/lib/x86_64-linux-gnu/libc.so.6\n"
	"7f00ac000000-7f00ac001000 r-xp 00000000 00:01 4242 /tmp/dir with spaces/lib.so\n"
	"7f00ad000000-7f00ad001000 r-xp 00000000 00:01 77 /memfd:jit (deleted)\n"
	"this line is not a mapping\n"
	"7ffd5e1f0000-7ffd5e1f2000 r-xp 00000000 00:00 0                          [vdso]\n"
	"ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]";

START_TEST(maps_parse_fields)
{
	struct proc_maps m = { 0 };

	ck_assert_uint_eq(proc_maps_parse(&m, maps_text, strlen(maps_text)), 9);

	const struct proc_mapping *pm = &m.v[1];
	ck_assert_uint_eq(pm->start, 0x55d0c0a01000);
	ck_assert_uint_eq(pm->end, 0x55d0c0a05000);
	ck_assert_uint_eq(pm->offset, 0x1000);
	ck_assert_uint_eq(pm->dev_major, 8);
	ck_assert_uint_eq(pm->dev_minor, 1);
	ck_assert_uint_eq(pm->inode, 1311);
	ck_assert(pm->exec);
	ck_assert(!pm->write);
	ck_assert_str_eq(pm->path, "/usr/bin/prog");
	ck_assert(!m.v[0].exec);

	/* The padding before a path is not part of it; anonymous: no path. */
	ck_assert_str_eq(m.v[2].path, "[heap]");
	ck_assert(!m.v[2].exec);
	ck_assert(m.v[2].write);
	ck_assert(m.v[3].write && m.v[3].exec);
	ck_assert_ptr_null(m.v[3].path);
	ck_assert(m.v[3].exec);
	ck_assert_uint_eq(m.v[4].dev_major, 0xfd);
	ck_assert_uint_eq(m.v[4].inode, 2097287);
	ck_assert_str_eq(m.v[4].path, "/usr/lib/x86_64-linux-gnu/libc.so.6");
	/* Spaces and " (deleted)" belong to the path, as strace prints it. */
	ck_assert_str_eq(m.v[5].path, "/tmp/dir with spaces/lib.so");
	ck_assert_str_eq(m.v[6].path, "/memfd:jit (deleted)");
	ck_assert_str_eq(m.v[7].path, "[vdso]");
	/* The last line has no newline; 64-bit addresses in full. */
	ck_assert_uint_eq(m.v[8].start, 0xffffffffff600000);
	ck_assert_str_eq(m.v[8].path, "[vsyscall]");

	/* Parsing again replaces everything. */
	const char one[] = "1000-2000 r-xp 00000000 00:00 1 /a\n";
	ck_assert_uint_eq(proc_maps_parse(&m, one, strlen(one)), 1);
	ck_assert_str_eq(m.v[0].path, "/a");
	proc_maps_free(&m);
}
END_TEST

START_TEST(maps_parse_rejects)
{
	static const char *const bad[] = {
		"",
		"\n\n",
		"2000-1000 r-xp 00000000 00:00 0 /end-before-start\n",
		"1000-1000 r-xp 00000000 00:00 0 /empty\n",
		"1000 r-xp 00000000 00:00 0 /no-end\n",
		"1000-2000 r-x 00000000 00:00 0 /short-perms\n",
		"1000-2000 r-xp 00000000 0000 0 /no-colon\n",
		"1000-2000 r-xp 00000000 00:00 x /inode-not-a-number\n",
		"1000-g000 r-xp 00000000 00:00 0 /not-hex\n",
		"10000000000000000-10000000000000001 r-xp 0 00:00 0 /17-digits\n",
		"1000-2000 r-xp",
	};
	struct proc_maps m = { 0 };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(proc_maps_parse(&m, bad[i], strlen(bad[i])) == 0, "accepted: %s",
			      bad[i]);
	proc_maps_free(&m);
}
END_TEST

START_TEST(maps_find)
{
	struct proc_maps m = { 0 };

	proc_maps_parse(&m, maps_text, strlen(maps_text));
	ck_assert_ptr_null(proc_maps_find(&m, 0));
	ck_assert_ptr_null(proc_maps_find(&m, 0x55d0c09fffff));
	ck_assert_ptr_eq(proc_maps_find(&m, 0x55d0c0a00000), &m.v[0]);
	ck_assert_ptr_eq(proc_maps_find(&m, 0x55d0c0a00fff), &m.v[0]);
	ck_assert_ptr_eq(proc_maps_find(&m, 0x55d0c0a01000), &m.v[1]);   /* end is exclusive */
	ck_assert_ptr_eq(proc_maps_find(&m, 0x55d0c0a04fff), &m.v[1]);
	ck_assert_ptr_null(proc_maps_find(&m, 0x55d0c0a05000));          /* a gap */
	ck_assert_ptr_eq(proc_maps_find(&m, 0x7f00ab0f8350), &m.v[4]);
	ck_assert_ptr_eq(proc_maps_find(&m, 0x7ffd5e1f0be1), &m.v[7]);
	ck_assert_ptr_eq(proc_maps_find(&m, 0xffffffffff600400), &m.v[8]);
	ck_assert_ptr_null(proc_maps_find(&m, UINT64_MAX));
	proc_maps_free(&m);

	ck_assert_ptr_null(proc_maps_find(&m, 0x1000));   /* empty */
}
END_TEST

/* The frames strace 6.1 printed for a write() and a JIT call, as data. */
static void fill(struct stack_trace *st)
{
	struct stack_frame *f;

	stack_trace_clear(st);
	f = stack_trace_push(st);
	f->ip = 0x7f00ab0f8350;
	f->path = "/usr/lib/x86_64-linux-gnu/libc.so.6";
	f->rel = 0xf8350;
	f->symbol = "__write";
	f->sym_off = 0x10;
	f = stack_trace_push(st);
	f->ip = 0x7ffd5e1f0be1;
	f->path = "[vdso]";
	f->rel = 0xbe1;
	f = stack_trace_push(st);
	f->ip = 0x55d0c0a01162;
	f->path = "/tmp/cp";
	f->rel = 0x1162;
	f->symbol = "ns::K::f(int)";
	f->sym_off = 0;
	f = stack_trace_push(st);
	f->ip = 0x7f4426cb3007;   /* anonymous memory: the walk ends here */
}

START_TEST(strace_lines)
{
	struct stack_trace st = { 0 };
	struct strbuf sb = STRBUF_INIT;

	fill(&st);
	strace_format_stack(&sb, &st);
	ck_assert_str_eq(strbuf_str(&sb),
			 " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]\n"
			 " > [vdso]() [0xbe1]\n"
			 " > /tmp/cp(ns::K::f(int)+0x0) [0x1162]\n"
			 " > unexpected_backtracing_error [0x7f4426cb3007]\n");

	/* Taken at a syscall's entry (exit_group, execve): strace prints an
	 * unknown symbol as "+0x0" there. */
	strbuf_reset(&sb);
	st.at_entry = true;
	strace_format_stack(&sb, &st);
	ck_assert_str_eq(strbuf_str(&sb),
			 " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]\n"
			 " > [vdso](+0x0) [0xbe1]\n"
			 " > /tmp/cp(ns::K::f(int)+0x0) [0x1162]\n"
			 " > unexpected_backtracing_error [0x7f4426cb3007]\n");

	/* Nothing for no frames, or no trace. */
	strbuf_reset(&sb);
	stack_trace_clear(&st);
	ck_assert(!st.at_entry);
	strace_format_stack(&sb, &st);
	strace_format_stack(&sb, NULL);
	ck_assert_str_eq(strbuf_str(&sb), "");
	strbuf_free(&sb);
	stack_trace_free(&st);
}
END_TEST

START_TEST(json_frames)
{
	struct stack_trace st = { 0 };
	struct strbuf sb = STRBUF_INIT;

	fill(&st);
	json_format_stack(&sb, &st);
	ck_assert_str_eq(strbuf_str(&sb),
		"[{\"ip\":139640846648144,\"path\":\"/usr/lib/x86_64-linux-gnu/libc.so.6\","
		"\"address\":1016656,\"symbol\":\"__write\",\"offset\":16},"
		"{\"ip\":140726182546401,\"path\":\"[vdso]\",\"address\":3041,\"symbol\":null},"
		"{\"ip\":94355073274210,\"path\":\"/tmp/cp\",\"address\":4450,"
		"\"symbol\":\"ns::K::f(int)\",\"offset\":0},"
		"{\"ip\":139930685353991,\"path\":null}]");

	/* Appended as the last member of an event object. */
	strbuf_reset(&sb);
	json_format_exit(&sb, 5, 0);
	stack_trace_clear(&st);
	struct stack_frame *f = stack_trace_push(&st);
	f->ip = 0x1000;
	f->path = "/a \"b\"";
	f->rel = 0;
	json_append_stack(&sb, &st);
	ck_assert_str_eq(strbuf_str(&sb), "{\"v\":1,\"type\":\"exit\",\"pid\":5,\"status\":0,"
			 "\"stack\":[{\"ip\":4096,\"path\":\"/a \\\"b\\\"\",\"address\":0,"
			 "\"symbol\":null}]}");
	/* An empty stack is an empty array; nothing is added to a non-object. */
	strbuf_reset(&sb);
	strbuf_puts(&sb, "{}");
	stack_trace_clear(&st);
	json_append_stack(&sb, &st);
	ck_assert_str_eq(strbuf_str(&sb), "{\"stack\":[]}");
	strbuf_reset(&sb);
	strbuf_puts(&sb, "[1]");
	json_append_stack(&sb, &st);
	ck_assert_str_eq(strbuf_str(&sb), "[1]");
	strbuf_free(&sb);
	stack_trace_free(&st);
}
END_TEST

START_TEST(frames_grow)
{
	struct stack_trace st = { 0 };

	for (unsigned i = 0; i < STACK_MAX_FRAMES; i++)
		stack_trace_push(&st)->ip = i;
	ck_assert_uint_eq(st.n, STACK_MAX_FRAMES);
	for (unsigned i = 0; i < STACK_MAX_FRAMES; i++)
		ck_assert_uint_eq(st.frames[i].ip, i);
	stack_trace_clear(&st);
	ck_assert_uint_eq(st.n, 0);
	ck_assert_uint_eq(stack_trace_push(&st)->ip, 0);   /* zeroed, not the old frame */
	stack_trace_free(&st);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("stack_trace");
	TCase *tc = tcase_create("stack_trace");

	tcase_add_test(tc, maps_parse_fields);
	tcase_add_test(tc, maps_parse_rejects);
	tcase_add_test(tc, maps_find);
	tcase_add_test(tc, strace_lines);
	tcase_add_test(tc, json_frames);
	tcase_add_test(tc, frames_grow);
	suite_add_tcase(s, tc);
	return s;
}
