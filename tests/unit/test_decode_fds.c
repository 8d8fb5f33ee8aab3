/*
 * -y: fds print with what they refer to, as strace 6.1 -y does, through a
 * fake resolver (tests/unit/fake_mem.c) standing in for /proc/PID/fd.  Also
 * when each fd is resolved: a call's fd arguments at entry (close shows the
 * file it closes), returned and written-back fds at exit.
 */
#include <string.h>

#include "ctrace/print_json.h"
#include "ctrace/syscalls.h"
#include "decode_harness.h"

static struct decode_run r;

static void setup(void)
{
	decode_run_init(&r);
	r.opts.fd_paths = true;
	r.mem.cwd = "/home/u";
}

static void teardown(void)
{
	strace_set_const_style(CONST_STYLE_ABBREV);
	decode_run_fini(&r);
}

#define AT_FDCWD_REG ((uint64_t)(uint32_t)-100)

START_TEST(openat_resolves_dirfd_at_entry_and_the_new_fd_at_exit)
{
	fake_mem_add(&r.mem, 0x1000, "/etc/passwd", 12);
	decode_entry(&r, &arch_x86_64, SYS_openat, DECODE_ARGS(AT_FDCWD_REG, 0x1000, 0));
	r.mem.fds[3] = "/etc/passwd";    /* the kernel opened it */
	decode_exit(&r, 3);
	ck_assert_str_eq(strbuf_str(&r.line),
			 "openat(AT_FDCWD</home/u>, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>");
}
END_TEST

START_TEST(close_shows_the_file_it_closes)
{
	r.mem.fds[3] = "/etc/passwd";
	decode_entry(&r, &arch_x86_64, SYS_close, DECODE_ARGS(3));
	r.mem.fds[3] = NULL;             /* closed */
	decode_exit(&r, 0);
	ck_assert_str_eq(strbuf_str(&r.line), "close(3</etc/passwd>)                   = 0");
}
END_TEST

START_TEST(pipes_sockets_pidfds_and_namespaces)
{
	int32_t fds[2] = { 3, 4 };
	fake_mem_add(&r.mem, 0x2000, fds, sizeof(fds));
	r.mem.fds[3] = "pipe:[1234]";
	r.mem.fds[4] = "pipe:[1234]";
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_pipe2, DECODE_ARGS(0x2000, 0), 0),
			 "pipe2([3<pipe:[1234]>, 4<pipe:[1234]>], 0) = 0");

	r.mem.fds[5] = "socket:[5678]";
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_socket, DECODE_ARGS(1, 1, 0), 5),
			 "socket(AF_UNIX, SOCK_STREAM, 0)         = 5<socket:[5678]>");

	r.mem.fds[9] = "anon_inode:[pidfd]";
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_pidfd_open, DECODE_ARGS(4242, 0), 9),
			 "pidfd_open(4242, 0)                     = 9<anon_inode:[pidfd]>");
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_pidfd_send_signal,
				     DECODE_ARGS(9, 9, 0, 0), 0),
			 "pidfd_send_signal(9<anon_inode:[pidfd]>, SIGKILL, NULL, 0) = 0");

	r.mem.fds[11] = "net:[4026531840]";
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_setns,
				     DECODE_ARGS(11, 0x40000000), 0),
			 "setns(11<net:[4026531840]>, CLONE_NEWNET) = 0");
}
END_TEST

START_TEST(unknown_fds_and_no_dash_y_print_the_number)
{
	/* fd 7 is not open: the number alone, as strace */
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_close, DECODE_ARGS(7), -9),
			 "close(7)                                = -1 EBADF (Bad file descriptor)");
	/* without -y the resolver is never asked */
	r.opts.fd_paths = false;
	r.mem.fds[3] = "/etc/passwd";
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_close, DECODE_ARGS(3), 0),
			 "close(3)                                = 0");
	fake_mem_add(&r.mem, 0x1000, "/x", 3);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_openat,
				     DECODE_ARGS(AT_FDCWD_REG, 0x1000, 0), 3),
			 "openat(AT_FDCWD, \"/x\", O_RDONLY)        = 3");
}
END_TEST

START_TEST(paths_are_quoted_like_strace)
{
	/* '>' as octal, a newline as \n; an unlinked file's "(deleted)" after the bracket */
	r.mem.fds[15] = "/tmp/a b>c\n (deleted)";
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_close, DECODE_ARGS(15), 0),
			 "close(15</tmp/a b\\76c\\n>(deleted))      = 0");
	r.mem.fds[4] = "/tmp/<7>";
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_close, DECODE_ARGS(4), 0),
			 "close(4</tmp/\\0747\\76>)                 = 0");
}
END_TEST

START_TEST(dash_y_with_const_styles)
{
	fake_mem_add(&r.mem, 0x1000, "/x", 3);
	strace_set_const_style(CONST_STYLE_RAW);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_openat,
				     DECODE_ARGS(AT_FDCWD_REG, 0x1000, 0), -2),
			 "openat(-100</home/u>, \"/x\", 0)          = -1 ENOENT (No such file or directory)");
	strace_set_const_style(CONST_STYLE_VERBOSE);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_openat,
				     DECODE_ARGS(AT_FDCWD_REG, 0x1000, 0), -2),
			 "openat(-100 /* AT_FDCWD */</home/u>, \"/x\", 0 /* O_RDONLY */) = -1 ENOENT (No such file or directory)");
}
END_TEST

/* JSON keeps the number and adds the path. */
START_TEST(json_fd_objects)
{
	struct strbuf sb = STRBUF_INIT;
	struct arena a = { 0 };
	struct val *v = val_fd(&a, NULL, 3);

	json_format_val(&sb, v);
	ck_assert_str_eq(strbuf_str(&sb), "3");
	v->fd.path = "/etc/passwd";
	strbuf_reset(&sb);
	json_format_val(&sb, v);
	ck_assert_str_eq(strbuf_str(&sb), "{\"fd\":3,\"path\":\"/etc/passwd\"}");
	strbuf_free(&sb);
	arena_free(&a);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_fds");
	TCase *tc = tcase_create("dash_y");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, openat_resolves_dirfd_at_entry_and_the_new_fd_at_exit);
	tcase_add_test(tc, close_shows_the_file_it_closes);
	tcase_add_test(tc, pipes_sockets_pidfds_and_namespaces);
	tcase_add_test(tc, unknown_fds_and_no_dash_y_print_the_number);
	tcase_add_test(tc, paths_are_quoted_like_strace);
	tcase_add_test(tc, dash_y_with_const_styles);
	tcase_add_test(tc, json_fd_objects);
	suite_add_tcase(s, tc);
	return s;
}
