/*
 * -X raw|abbrev|verbose (strace's --const-print-style) over crafted values.
 * Every expected string below was printed by strace 6.1 -X raw / -X verbose
 * for the same number (openat, mmap, clone, rt_sigprocmask, newfstatat,
 * prlimit64, lseek, ioctl, fcntl, kill, rt_sigaction).
 */
#include <string.h>

#include "ctrace/print.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_more.h"
#include "decode_harness.h"

static struct arena arena;

static const char *fmt_val(const struct val *v)
{
	static struct strbuf sb;
	strbuf_reset(&sb);
	strace_format_val(&sb, v);
	return strbuf_str(&sb);
}

static const struct xlat_entry prot_entries[] = {
	{ 0x1, "PROT_READ" }, { 0x2, "PROT_WRITE" }, { 0x4, "PROT_EXEC" }, { 0, NULL },
};
static const struct xlat prot_xlat = { prot_entries, "PROT_???" };

static const struct xlat_entry demo_clone_entries[] = {
	{ 0x00200000, "CLONE_CHILD_CLEARTID" }, { 0x01000000, "CLONE_CHILD_SETTID" },
	{ 0x200, "CLONE_FS" }, { 0, NULL },
};
static const struct xlat demo_clone_xlat = { demo_clone_entries, "CLONE_???" };

static const struct xlat_entry seek_entries[] = {
	{ 0, "SEEK_SET" }, { 2, "SEEK_END" }, { 0, NULL },
};
static const struct xlat seek_xlat = { seek_entries, "SEEK_???" };

static const struct xlat_entry open_entries[] = { { 0x80000, "O_CLOEXEC" }, { 0, NULL } };
static const struct xlat open_xlat = { open_entries, NULL };

static struct val *open_flags(uint64_t bits)
{
	struct val *v = val_flags(&arena, NULL, bits, &open_xlat, 0);
	v->flags.field_mask = 3;
	v->flags.field_xlat = &xlat_open_access;
	return v;
}

static struct val *st_mode(uint64_t mode)
{
	struct val *v = val_flags(&arena, "st_mode", mode, &xlat_mode_bits, 0);
	v->flags.field_mask = 0170000;
	v->flags.field_xlat = &xlat_file_types;
	v->flags.octal = true;
	return v;
}

static struct val *prot(uint64_t bits)
{
	struct val *v = val_flags(&arena, NULL, bits, &prot_xlat, 0);
	v->flags.zero = "PROT_NONE";
	return v;
}

/* sigset_t bytes with these signals in (1-based numbers). */
static struct val *sigset(const unsigned *sigs, unsigned n, bool complement)
{
	uint8_t b[8];
	memset(b, complement ? 0xff : 0, sizeof(b));
	for (unsigned i = 0; i < n; i++) {
		if (complement)
			b[(sigs[i] - 1) / 8] &= (uint8_t)~(1u << ((sigs[i] - 1) % 8));
		else
			b[(sigs[i] - 1) / 8] |= (uint8_t)(1u << ((sigs[i] - 1) % 8));
	}
	return val_sigset(&arena, NULL, b, sizeof(b));
}

START_TEST(abbrev_is_the_default)
{
	ck_assert_int_eq(strace_const_style(), CONST_STYLE_ABBREV);
	ck_assert_str_eq(fmt_val(open_flags(0x80000)), "O_RDONLY|O_CLOEXEC");
	ck_assert_str_eq(fmt_val(st_mode(0100644)), "st_mode=S_IFREG|0644");
	ck_assert_str_eq(fmt_val(st_mode(041777)), "st_mode=S_IFDIR|S_ISVTX|0777");
	ck_assert_str_eq(fmt_val(prot(0)), "PROT_NONE");
	unsigned in[] = { 10, 36 };
	ck_assert_str_eq(fmt_val(sigset(in, 2, false)), "[USR1 RT_4]");
	unsigned out[] = { 10, 32, 33 };
	ck_assert_str_eq(fmt_val(sigset(out, 3, true)), "~[USR1 RTMIN RT_1]");
	ck_assert_str_eq(fmt_val(val_sym(&arena, NULL, (uint64_t)-100, VAL_INT, "AT_FDCWD")),
			 "AT_FDCWD");
}
END_TEST

START_TEST(raw_prints_numbers_only)
{
	ck_assert_int_eq(strace_parse_const_style("raw"), 0);
	ck_assert_str_eq(fmt_val(open_flags(0x80000)), "0x80000");
	ck_assert_str_eq(fmt_val(open_flags(0)), "0");
	ck_assert_str_eq(fmt_val(st_mode(0100644)), "st_mode=0100644");
	ck_assert_str_eq(fmt_val(st_mode(020666)), "st_mode=020666");
	ck_assert_str_eq(fmt_val(prot(0)), "0");
	ck_assert_str_eq(fmt_val(prot(3)), "0x3");
	/* clone: flags in hex, the exit signal in decimal */
	ck_assert_str_eq(fmt_val(val_flags(&arena, "flags", 0x1200000 | 17, &demo_clone_xlat, 0xff)),
			 "flags=0x1200000|17");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 17, &demo_clone_xlat, 0xff)), "17");
	/* enums in hex, known or not; signals in decimal */
	ck_assert_str_eq(fmt_val(val_enum(&arena, NULL, 2, &seek_xlat)), "0x2");
	ck_assert_str_eq(fmt_val(val_enum(&arena, NULL, 0, &seek_xlat)), "0");
	ck_assert_str_eq(fmt_val(val_enum(&arena, NULL, 9, &seek_xlat)), "0x9");
	ck_assert_str_eq(fmt_val(val_signal(&arena, NULL, 12)), "12");
	unsigned out[] = { 10, 32, 33 };
	ck_assert_str_eq(fmt_val(sigset(out, 3, true)), "~[10 32 33]");
	/* decoder-named numbers, each in its own base */
	ck_assert_str_eq(fmt_val(val_sym(&arena, NULL, (uint64_t)-100, VAL_INT, "AT_FDCWD")),
			 "-100");
	ck_assert_str_eq(fmt_val(val_sym(&arena, NULL, 0x5413, VAL_HEX, "TIOCGWINSZ")), "0x5413");
	ck_assert_str_eq(fmt_val(val_sym(&arena, "rlim_max", UINT64_MAX, VAL_UINT,
					 "RLIM64_INFINITY")),
			 "rlim_max=18446744073709551615");
	ck_assert_str_eq(fmt_val(val_sym(&arena, "sa_handler", 0, VAL_HEX, "SIG_DFL")),
			 "sa_handler=0");
	/* what is not a named constant does not change */
	ck_assert_str_eq(fmt_val(val_fd(&arena, NULL, 3)), "3");
	ck_assert_str_eq(fmt_val(val_ptr(&arena, NULL, 0)), "NULL");
	ck_assert_str_eq(fmt_val(val_text(&arena, NULL, "{WIFEXITED(s) && WEXITSTATUS(s) == 3}")),
			 "{WIFEXITED(s) && WEXITSTATUS(s) == 3}");
}
END_TEST

START_TEST(verbose_prints_number_and_names)
{
	ck_assert_int_eq(strace_parse_const_style("verbose"), 0);
	ck_assert_str_eq(fmt_val(open_flags(0x80000)), "0x80000 /* O_RDONLY|O_CLOEXEC */");
	ck_assert_str_eq(fmt_val(open_flags(0)), "0 /* O_RDONLY */");
	ck_assert_str_eq(fmt_val(open_flags(0x10000000)), "0x10000000 /* O_RDONLY|0x10000000 */");
	ck_assert_str_eq(fmt_val(st_mode(041777)), "st_mode=041777 /* S_IFDIR|S_ISVTX|0777 */");
	ck_assert_str_eq(fmt_val(prot(0)), "0 /* PROT_NONE */");
	ck_assert_str_eq(fmt_val(prot(5)), "0x5 /* PROT_READ|PROT_EXEC */");
	ck_assert_str_eq(fmt_val(val_flags(&arena, "flags", 0x1200000 | 17, &demo_clone_xlat, 0xff)),
			 "flags=0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */");
	/* unknown bits: a mix keeps the number in front, all-unknown is the abbrev form */
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0x400200, &demo_clone_xlat, 0)),
			 "0x400200 /* CLONE_FS|0x400000 */");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0x400000, &demo_clone_xlat, 0)),
			 "0x400000 /* CLONE_??? */");
	ck_assert_str_eq(fmt_val(val_flags(&arena, NULL, 0, &demo_clone_xlat, 0)), "0");
	ck_assert_str_eq(fmt_val(val_enum(&arena, NULL, 2, &seek_xlat)), "0x2 /* SEEK_END */");
	ck_assert_str_eq(fmt_val(val_enum(&arena, NULL, 0, &seek_xlat)), "0 /* SEEK_SET */");
	ck_assert_str_eq(fmt_val(val_enum(&arena, NULL, 9, &seek_xlat)), "0x9 /* SEEK_??? */");
	ck_assert_str_eq(fmt_val(val_signal(&arena, NULL, 2)), "2 /* SIGINT */");
	ck_assert_str_eq(fmt_val(val_signal(&arena, NULL, 0)), "0");
	ck_assert_str_eq(fmt_val(val_signal(&arena, NULL, 70)), "70");
	unsigned out[] = { 10, 32, 33 };
	ck_assert_str_eq(fmt_val(sigset(out, 3, true)),
			 "~[10 /* USR1 */ 32 /* RTMIN */ 33 /* RT_1 */]");
	ck_assert_str_eq(fmt_val(sigset(NULL, 0, false)), "[]");
	ck_assert_str_eq(fmt_val(val_sym(&arena, NULL, (uint64_t)-100, VAL_INT, "AT_FDCWD")),
			 "-100 /* AT_FDCWD */");
	ck_assert_str_eq(fmt_val(val_sym(&arena, "rlim_cur", 8388608, VAL_UINT, "8192*1024")),
			 "rlim_cur=8388608 /* 8192*1024 */");
	ck_assert_str_eq(fmt_val(val_sym(&arena, "st_rdev", 0x103, VAL_HEX, "makedev(0x1, 0x3)")),
			 "st_rdev=0x103 /* makedev(0x1, 0x3) */");
	ck_assert_str_eq(fmt_val(val_sym(&arena, NULL, 7, VAL_HEX, NULL)), "0x7");
}
END_TEST

/* fcntl(F_GETFD)'s "= 0x1 (flags FD_CLOEXEC)": the value in the comment follows -X. */
START_TEST(return_comment_values_follow_the_style)
{
	static const struct xlat_entry fd_entries[] = { { 1, "FD_CLOEXEC" }, { 0, NULL } };
	static const struct xlat fd_xlat = { fd_entries, NULL };
	struct syscall_event ev = { 0 };
	struct strbuf sb = STRBUF_INIT;

	ev.exited = true;
	ev.rval = 1;
	ev.rval_format = RVAL_HEX;
	ev.rval_comment = "flags";
	ev.rval_val = val_flags(&arena, NULL, 1, &fd_xlat, 0);
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= 0x1 (flags FD_CLOEXEC)");
	strace_set_const_style(CONST_STYLE_VERBOSE);
	strbuf_reset(&sb);
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= 0x1 (flags 0x1 /* FD_CLOEXEC */)");
	strace_set_const_style(CONST_STYLE_RAW);
	strbuf_reset(&sb);
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= 0x1 (flags 0x1)");
	/* errors keep their names: strace -X raw prints "= -1 ENOENT (...)" */
	ev.error = 2;
	strbuf_reset(&sb);
	strace_format_rval(&sb, &ev);
	ck_assert_str_eq(strbuf_str(&sb), "= -1 ENOENT (No such file or directory)");
	strbuf_free(&sb);
}
END_TEST

START_TEST(unknown_style_is_refused)
{
	ck_assert_int_eq(strace_parse_const_style("raw"), 0);
	ck_assert_int_eq(strace_parse_const_style("Raw"), -1);
	ck_assert_int_eq(strace_parse_const_style(""), -1);
	ck_assert_int_eq(strace_const_style(), CONST_STYLE_RAW);   /* unchanged */
}
END_TEST

/* termios's c_oflag and c_cflag: fields joined by "|", each styled on its own
 * (strace 6.1 under a pty: "c_oflag=0|0|0|0|0|0|0x5, c_cflag=0xf|0x30|0x80"). */
START_TEST(termios_fields_are_styled_one_by_one)
{
	static const uint32_t t[9] = { 02400, 0x5, 0xbf, 0x8a3b };
	struct decode_run r;

	decode_run_init(&r);
	fake_mem_add(&r.mem, 0x4000, t, sizeof(t));
	strace_set_const_style(CONST_STYLE_RAW);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(0, 0x5401, 0x4000), 0),
			 "ioctl(0, 0x5401, {c_iflag=0x500, c_oflag=0|0|0|0|0|0|0x5, "
			 "c_cflag=0xf|0x30|0x80, c_lflag=0x8a3b, ...}) = 0");
	strace_set_const_style(CONST_STYLE_VERBOSE);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_ioctl, DECODE_ARGS(0, 0x5401, 0x4000), 0),
			 "ioctl(0, 0x5401 /* TCGETS */, {c_iflag=0x500 /* ICRNL|IXON */, "
			 "c_oflag=0 /* NL0 */|0 /* CR0 */|0 /* TAB0 */|0 /* BS0 */|0 /* VT0 */|"
			 "0 /* FF0 */|0x5 /* OPOST|ONLCR */, c_cflag=0xf /* B38400 */|0x30 /* CS8 */|"
			 "0x80 /* CREAD */, c_lflag=0x8a3b /* ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|"
			 "ECHOCTL|ECHOKE */, ...}) = 0");
	decode_run_fini(&r);
}
END_TEST

/* mmap's huge page size, a number in bits 26..31 (strace 6.1, all three styles). */
START_TEST(mmap_huge_page_shift)
{
	struct decode_run r;
	const uint64_t args[6] = { 0, 4096, 0, 0x8000022, (uint64_t)-1, 0 };

	decode_run_init(&r);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_mmap, args, 0x7f0000000000),
			 "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|2<<MAP_HUGE_SHIFT, "
			 "-1, 0) = 0x7f0000000000");
	strace_set_const_style(CONST_STYLE_VERBOSE);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_mmap, args, 0x7f0000000000),
			 "mmap(NULL, 4096, 0 /* PROT_NONE */, 0x8000022 /* MAP_PRIVATE|MAP_ANONYMOUS|"
			 "2<<MAP_HUGE_SHIFT */, -1, 0) = 0x7f0000000000");
	strace_set_const_style(CONST_STYLE_RAW);
	ck_assert_str_eq(decode_line(&r, &arch_x86_64, SYS_mmap, args, 0x7f0000000000),
			 "mmap(NULL, 4096, 0, 0x8000022, -1, 0)   = 0x7f0000000000");
	decode_run_fini(&r);
}
END_TEST

static void teardown(void)
{
	strace_set_const_style(CONST_STYLE_ABBREV);
	arena_free(&arena);
}

Suite *test_suite(void)
{
	Suite *s = suite_create("const_style");
	TCase *tc = tcase_create("styles");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, abbrev_is_the_default);
	tcase_add_test(tc, raw_prints_numbers_only);
	tcase_add_test(tc, verbose_prints_number_and_names);
	tcase_add_test(tc, return_comment_values_follow_the_style);
	tcase_add_test(tc, unknown_style_is_refused);
	tcase_add_test(tc, termios_fields_are_styled_one_by_one);
	tcase_add_test(tc, mmap_huge_page_shift);
	suite_add_tcase(s, tc);
	return s;
}
