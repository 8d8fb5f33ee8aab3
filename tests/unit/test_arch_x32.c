/*
 * The x32 personality: its table, how a syscall stop is given to it, and
 * its 4-byte words.
 *
 * The expected rows are written out by hand from the kernel's
 * asm/unistd_x32.h (numbers without __X32_SYSCALL_BIT) and from strace 6.1's
 * x32 table (names and argument counts), not from tools/gen-syscall-table.
 * Real x32 programs cannot be run here (Debian's kernels boot with x32
 * disabled), so this is the only test of the x32 path.
 */
#include <linux/audit.h>
#include <string.h>

#include "ctrace/arch.h"
#include "decode_harness.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define X32_BIT 0x40000000ULL

static const struct {
	unsigned nr;
	const char *name;
	unsigned nargs;
} x32_rows[] = {
	{ 0, "read", 3 },
	{ 1, "write", 3 },
	{ 2, "open", 3 },
	{ 9, "mmap", 6 },
	{ 14, "rt_sigprocmask", 4 },
	{ 17, "pread64", 4 },
	{ 39, "getpid", 0 },
	{ 56, "clone", 5 },
	{ 57, "fork", 0 },
	{ 58, "vfork", 0 },
	{ 60, "exit", 1 },
	{ 61, "wait4", 4 },
	{ 158, "arch_prctl", 2 },
	{ 202, "futex", 6 },
	{ 231, "exit_group", 1 },
	{ 257, "openat", 4 },
	{ 272, "unshare", 1 },
	{ 308, "setns", 2 },
	{ 334, "rseq", 4 },
	{ 424, "pidfd_send_signal", 4 },
	{ 435, "clone3", 2 },
	{ 450, "set_mempolicy_home_node", 4 },
	/* x32's own forms, 512-547 */
	{ 512, "rt_sigaction", 4 },
	{ 513, "rt_sigreturn", 0 },
	{ 514, "ioctl", 3 },
	{ 515, "readv", 3 },
	{ 516, "writev", 3 },
	{ 517, "recvfrom", 6 },
	{ 520, "execve", 3 },
	{ 521, "ptrace", 4 },
	{ 529, "waitid", 5 },
	{ 530, "set_robust_list", 2 },
	{ 534, "preadv", 4 },
	{ 537, "recvmmsg", 5 },
	{ 541, "setsockopt", 5 },
	{ 543, "io_setup", 2 },
	{ 545, "execveat", 5 },
	{ 546, "preadv2", 6 },      /* strace 6.1 prints 5 here: see arch/x32/arch.c */
	{ 547, "pwritev2", 6 },
};

START_TEST(test_x32_row)
{
	const struct syscall_desc *desc = arch_syscall(&arch_x32, x32_rows[_i].nr);

	ck_assert_msg(desc != NULL, "x32 #%u: no syscall", x32_rows[_i].nr);
	ck_assert_str_eq(desc->name, x32_rows[_i].name);
	ck_assert_uint_eq(desc->nargs, x32_rows[_i].nargs);
	enum syscall_id id = (enum syscall_id)(desc - syscall_descs);
	ck_assert_int_eq(arch_syscall_number(&arch_x32, id), x32_rows[_i].nr);
}
END_TEST

/*
 * The 64-bit forms x32 has its own numbers for (strace names them
 * "rt_sigaction#64", ...), the gaps, and numbers that still carry the bit.
 */
static const uint64_t x32_unknown[] = {
	13, 15, 16, 19, 20, 45, 59, 101, 322, 327, 328,
	335, 423, 451, 511, 548,
	X32_BIT | 1, X32_BIT | 520, UINT64_MAX,
};

START_TEST(test_x32_unknown)
{
	ck_assert_msg(arch_syscall(&arch_x32, x32_unknown[_i]) == NULL, "x32 #%#llx should be unknown",
		      (unsigned long long)x32_unknown[_i]);
}
END_TEST

START_TEST(test_x32_table)
{
	unsigned known = 0;

	ck_assert_uint_eq(arch_x32.nsyscalls, 548);
	for (uint32_t nr = 0; nr < arch_x32.nsyscalls; nr++) {
		uint16_t id = arch_x32.syscall_ids[nr];

		ck_assert_uint_lt(id, SYS_COUNT);
		if (id == SYS_none)
			continue;
		known++;
		ck_assert_int_eq(arch_syscall_number(&arch_x32, id), nr);
		/* The numbers x32 shares with x86_64 mean the same calls. */
		if (nr < 512)
			ck_assert_ptr_eq(arch_syscall(&arch_x32, nr), arch_syscall(&arch_x86_64, nr));
		else
			ck_assert_int_lt(arch_syscall_number(&arch_x32, id), 548);
	}
	/* unistd_x32.h: 288 of 0-334, 27 of 424-450, 36 of 512-547 */
	ck_assert_uint_eq(known, 288 + 27 + 36);
	/* The calls x32 moved are not at their x86_64 numbers. */
	ck_assert_int_eq(arch_syscall_number(&arch_x32, SYS_rt_sigaction), 512);
	ck_assert_int_eq(arch_syscall_number(&arch_x32, SYS_execve), 520);
	ck_assert_int_eq(arch_syscall_number(&arch_x86_64, SYS_execve), 59);
}
END_TEST

START_TEST(test_x32_descriptor)
{
	ck_assert_str_eq(arch_x32.name, "x32");
	ck_assert_str_eq(arch_x32.mode_name, "x32");
	ck_assert_uint_eq(arch_x32.audit_arch, AUDIT_ARCH_X86_64);
	ck_assert_uint_eq(arch_x32.nr_bit, X32_BIT);
	ck_assert_uint_eq(arch_x32.word_size, 4);
	ck_assert_int_eq(arch_x32.clone_layout, CLONE_LAYOUT_DEFAULT);
	ck_assert_uint_eq(arch_x32.tls_is_user_desc, 0);
	for (int i = 0; i < 6; i++)
		ck_assert_str_eq(arch_x32.arg_regs[i], arch_x86_64.arg_regs[i]);
	ck_assert_str_eq(arch_x32.nr_reg, "orig_rax");
	ck_assert_str_eq(arch_x32.rval_reg, "rax");

	/* strace 6.1's "[ Process PID=N runs in %s mode. ]" on x86_64 */
	ck_assert_str_eq(arch_x86_64.mode_name, "64 bit");
	ck_assert_str_eq(arch_i386.mode_name, "32 bit");
	ck_assert_str_eq(arch_aarch64.mode_name, "64 bit");
	ck_assert_uint_eq(arch_x86_64.nr_bit, 0);
	ck_assert_uint_eq(arch_i386.nr_bit, 0);

	/* Not in arch_all[]: never found by audit value or by name. */
	for (const struct arch *const *a = arch_all; *a; a++)
		ck_assert_ptr_ne(*a, &arch_x32);
	ck_assert_ptr_eq(arch_by_audit(AUDIT_ARCH_X86_64), &arch_x86_64);
}
END_TEST

static const struct {
	uint32_t audit;
	uint64_t nr_in;
	const struct arch *arch;
	uint64_t nr_out;
} choices[] = {
	/* x32: the bit chooses it and is removed */
	{ AUDIT_ARCH_X86_64, X32_BIT | 0, &arch_x32, 0 },
	{ AUDIT_ARCH_X86_64, X32_BIT | 1, &arch_x32, 1 },
	{ AUDIT_ARCH_X86_64, X32_BIT | 56, &arch_x32, 56 },
	{ AUDIT_ARCH_X86_64, X32_BIT | 520, &arch_x32, 520 },
	{ AUDIT_ARCH_X86_64, X32_BIT | 0x3fffffff, &arch_x32, 0x3fffffff },
	/* x86_64 unchanged */
	{ AUDIT_ARCH_X86_64, 0, &arch_x86_64, 0 },
	{ AUDIT_ARCH_X86_64, 59, &arch_x86_64, 59 },
	{ AUDIT_ARCH_X86_64, 450, &arch_x86_64, 450 },
	{ AUDIT_ARCH_X86_64, 0x3fffffff, &arch_x86_64, 0x3fffffff },
	{ AUDIT_ARCH_X86_64, 0x80000000, &arch_x86_64, 0x80000000 },
	/* orig_rax -1 after a SECCOMP_RET_ERRNO filter: no x32 call */
	{ AUDIT_ARCH_X86_64, UINT64_MAX, &arch_x86_64, UINT64_MAX },
	/* i386 and aarch64 unchanged, bit or not */
	{ AUDIT_ARCH_I386, 11, &arch_i386, 11 },
	{ AUDIT_ARCH_I386, X32_BIT | 11, &arch_i386, X32_BIT | 11 },
	{ AUDIT_ARCH_AARCH64, 221, &arch_aarch64, 221 },
	{ AUDIT_ARCH_AARCH64, X32_BIT | 221, &arch_aarch64, X32_BIT | 221 },
	/* unknown personalities */
	{ AUDIT_ARCH_ARM, 11, NULL, 11 },
	{ 0, X32_BIT | 1, NULL, X32_BIT | 1 },
};

START_TEST(test_arch_for_syscall)
{
	uint64_t nr = choices[_i].nr_in;
	const struct arch *arch = arch_for_syscall(choices[_i].audit, &nr);

	ck_assert_msg(arch == choices[_i].arch, "audit %#x nr %#llx: %s, expected %s",
		      choices[_i].audit, (unsigned long long)choices[_i].nr_in,
		      arch ? arch->name : "NULL",
		      choices[_i].arch ? choices[_i].arch->name : "NULL");
	ck_assert_uint_eq(nr, choices[_i].nr_out);
}
END_TEST

/*
 * An x32 execve as the tracer sees it: number 0x40000208, 4-byte pointers
 * in argv and envp.  Read as 8-byte words, argv[0] and argv[1] would fuse
 * into one bad pointer.
 */
START_TEST(test_x32_execve)
{
	enum { PATH = 0x401000, ARG0 = 0x402000, ARG1 = 0x402100, ENV0 = 0x402200,
	       ARGV = 0x403000, ENVP = 0x404000 };
	static const char path[] = "/bin/true", arg0[] = "true", arg1[] = "-x", env0[] = "A=1";
	static const uint32_t argv[] = { ARG0, ARG1, 0 }, envp[] = { ENV0, 0 };
	struct decode_run r;
	uint64_t nr = X32_BIT | 520;
	/* The kernel zero-extends an x32 compat call's pointers; the upper
	 * halves may hold anything. */
	const uint64_t args[6] = { 0xdead000000000000ULL | PATH, ARGV, ENVP };
	const struct arch *arch = arch_for_syscall(AUDIT_ARCH_X86_64, &nr);

	ck_assert_ptr_eq(arch, &arch_x32);
	decode_run_init(&r);
	fake_mem_add(&r.mem, PATH, path, sizeof(path));
	fake_mem_add(&r.mem, ARG0, arg0, sizeof(arg0));
	fake_mem_add(&r.mem, ARG1, arg1, sizeof(arg1));
	fake_mem_add(&r.mem, ENV0, env0, sizeof(env0));
	fake_mem_add(&r.mem, ARGV, argv, sizeof(argv));
	fake_mem_add(&r.mem, ENVP, envp, sizeof(envp));

	ck_assert_str_eq(decode_entry_nr(&r, arch, nr, args),
			 "execve(\"/bin/true\", [\"true\", \"-x\"], 0x404000 /* 1 var */");
	decode_exit(&r, 0);
	ck_assert_str_eq(strbuf_str(&r.line),
			 "execve(\"/bin/true\", [\"true\", \"-x\"], 0x404000 /* 1 var */) = 0");

	/* Registers are 64 bits wide on x32: they are not cut to the 32-bit
	 * pointer size, and an unknown x32 number keeps its x32 bit, as strace prints it. */
	const uint64_t wide_args[6] = { 3, 0x100000005ULL, 0 };
	ck_assert_str_eq(decode_entry_nr(&r, &arch_x32, 0x1ff, wide_args),
			 "syscall_0x400001ff(0x3, 0x100000005, 0, 0, 0, 0");

	/* The same number without arch_for_syscall: x86_64 knows no such call. */
	ck_assert_str_eq(decode_entry_nr(&r, &arch_x86_64, X32_BIT | 520, args),
			 "syscall_0x40000208(0xdead000000401000, 0x403000, 0x404000, 0, 0, 0");
	decode_run_fini(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("arch_x32");
	TCase *tc = tcase_create("x32");

	tcase_add_loop_test(tc, test_x32_row, 0, ARRAY_SIZE(x32_rows));
	tcase_add_loop_test(tc, test_x32_unknown, 0, ARRAY_SIZE(x32_unknown));
	tcase_add_test(tc, test_x32_table);
	tcase_add_test(tc, test_x32_descriptor);
	tcase_add_loop_test(tc, test_arch_for_syscall, 0, ARRAY_SIZE(choices));
	tcase_add_test(tc, test_x32_execve);
	suite_add_tcase(s, tc);
	return s;
}
