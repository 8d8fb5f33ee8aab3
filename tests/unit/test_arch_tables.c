/*
 * The architecture descriptors and syscall tables.
 *
 * The expected rows below are written out by hand from the kernel's
 * unistd_64.h / unistd_32.h / asm-generic/unistd.h numbers and from what
 * strace 6.1 prints (name and argument count), independently of
 * include/ctrace/syscalls.def and tools/gen-syscall-table, so that a wrong
 * generated row, a wrong rename or a wrong nargs makes a test fail.
 */
#include <linux/audit.h>
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/xlat_more.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct expect_row {
	const struct arch *arch;
	unsigned nr;
	const char *name;
	unsigned nargs;
};

static const struct expect_row expect_rows[] = {
	/* x86_64: process creation, exec, exit, wait and namespaces */
	{ &arch_x86_64, 56, "clone", 5 },
	{ &arch_x86_64, 57, "fork", 0 },
	{ &arch_x86_64, 58, "vfork", 0 },
	{ &arch_x86_64, 59, "execve", 3 },
	{ &arch_x86_64, 60, "exit", 1 },
	{ &arch_x86_64, 61, "wait4", 4 },
	{ &arch_x86_64, 231, "exit_group", 1 },
	{ &arch_x86_64, 272, "unshare", 1 },
	{ &arch_x86_64, 308, "setns", 2 },
	{ &arch_x86_64, 322, "execveat", 5 },
	{ &arch_x86_64, 435, "clone3", 2 },
	/* x86_64: others, including the first and last numbers */
	{ &arch_x86_64, 0, "read", 3 },
	{ &arch_x86_64, 1, "write", 3 },
	{ &arch_x86_64, 2, "open", 3 },
	{ &arch_x86_64, 9, "mmap", 6 },
	{ &arch_x86_64, 17, "pread64", 4 },
	{ &arch_x86_64, 23, "select", 5 },
	{ &arch_x86_64, 39, "getpid", 0 },
	{ &arch_x86_64, 41, "socket", 3 },
	{ &arch_x86_64, 102, "getuid", 0 },
	{ &arch_x86_64, 156, "_sysctl", 1 },
	{ &arch_x86_64, 158, "arch_prctl", 2 },
	{ &arch_x86_64, 183, "afs_syscall", 5 },
	{ &arch_x86_64, 184, "tuxcall", 3 },
	{ &arch_x86_64, 202, "futex", 6 },
	{ &arch_x86_64, 214, "epoll_ctl_old", 4 },
	{ &arch_x86_64, 221, "fadvise64", 4 },
	{ &arch_x86_64, 262, "newfstatat", 4 },
	{ &arch_x86_64, 332, "statx", 5 },
	{ &arch_x86_64, 334, "rseq", 4 },
	{ &arch_x86_64, 424, "pidfd_send_signal", 4 },
	{ &arch_x86_64, 425, "io_uring_setup", 2 },
	{ &arch_x86_64, 450, "set_mempolicy_home_node", 4 },

	/* i386: process creation, exec, exit, wait and namespaces */
	{ &arch_i386, 1, "exit", 1 },
	{ &arch_i386, 2, "fork", 0 },
	{ &arch_i386, 7, "waitpid", 3 },
	{ &arch_i386, 11, "execve", 3 },
	{ &arch_i386, 114, "wait4", 4 },
	{ &arch_i386, 120, "clone", 5 },
	{ &arch_i386, 190, "vfork", 0 },
	{ &arch_i386, 252, "exit_group", 1 },
	{ &arch_i386, 310, "unshare", 1 },
	{ &arch_i386, 346, "setns", 2 },
	{ &arch_i386, 358, "execveat", 5 },
	{ &arch_i386, 435, "clone3", 2 },
	/* i386: historical names the kernel never implemented */
	{ &arch_i386, 17, "break", 0 },
	{ &arch_i386, 31, "stty", 2 },
	{ &arch_i386, 32, "gtty", 2 },
	{ &arch_i386, 35, "ftime", 0 },
	{ &arch_i386, 44, "prof", 0 },
	{ &arch_i386, 53, "lock", 0 },
	{ &arch_i386, 56, "mpx", 0 },
	{ &arch_i386, 58, "ulimit", 2 },
	{ &arch_i386, 98, "profil", 4 },
	{ &arch_i386, 137, "afs_syscall", 5 },
	{ &arch_i386, 188, "getpmsg", 5 },
	{ &arch_i386, 189, "putpmsg", 5 },
	{ &arch_i386, 273, "vserver", 5 },
	/* i386: old calls and register-pair calls that differ from x86_64 */
	{ &arch_i386, 18, "oldstat", 2 },
	{ &arch_i386, 82, "select", 1 },
	{ &arch_i386, 90, "mmap", 1 },
	{ &arch_i386, 102, "socketcall", 2 },
	{ &arch_i386, 117, "ipc", 6 },
	{ &arch_i386, 140, "_llseek", 5 },
	{ &arch_i386, 142, "_newselect", 5 },
	{ &arch_i386, 180, "pread64", 5 },
	{ &arch_i386, 181, "pwrite64", 5 },
	{ &arch_i386, 192, "mmap2", 6 },
	{ &arch_i386, 243, "set_thread_area", 1 },
	{ &arch_i386, 250, "fadvise64", 5 },
	{ &arch_i386, 272, "fadvise64_64", 6 },
	{ &arch_i386, 314, "sync_file_range", 6 },
	{ &arch_i386, 324, "fallocate", 6 },
	{ &arch_i386, 339, "fanotify_mark", 6 },
	{ &arch_i386, 384, "arch_prctl", 2 },
	{ &arch_i386, 403, "clock_gettime64", 2 },
	{ &arch_i386, 422, "futex_time64", 6 },
	{ &arch_i386, 450, "set_mempolicy_home_node", 4 },

	/* aarch64: process creation, exec, exit, wait and namespaces */
	{ &arch_aarch64, 93, "exit", 1 },
	{ &arch_aarch64, 94, "exit_group", 1 },
	{ &arch_aarch64, 97, "unshare", 1 },
	{ &arch_aarch64, 220, "clone", 5 },
	{ &arch_aarch64, 221, "execve", 3 },
	{ &arch_aarch64, 260, "wait4", 4 },
	{ &arch_aarch64, 268, "setns", 2 },
	{ &arch_aarch64, 281, "execveat", 5 },
	{ &arch_aarch64, 435, "clone3", 2 },
	/* aarch64: the generic table, with arm64's options and 64-bit names */
	{ &arch_aarch64, 0, "io_setup", 2 },
	{ &arch_aarch64, 25, "fcntl", 3 },
	{ &arch_aarch64, 38, "renameat", 4 },
	{ &arch_aarch64, 56, "openat", 4 },
	{ &arch_aarch64, 62, "lseek", 3 },
	{ &arch_aarch64, 63, "read", 3 },
	{ &arch_aarch64, 67, "pread64", 4 },
	{ &arch_aarch64, 71, "sendfile", 4 },
	{ &arch_aarch64, 79, "newfstatat", 4 },
	{ &arch_aarch64, 80, "fstat", 2 },
	{ &arch_aarch64, 84, "sync_file_range", 4 },
	{ &arch_aarch64, 163, "getrlimit", 2 },
	{ &arch_aarch64, 172, "getpid", 0 },
	{ &arch_aarch64, 222, "mmap", 6 },
	{ &arch_aarch64, 223, "fadvise64", 4 },
	{ &arch_aarch64, 243, "recvmmsg", 5 },
	{ &arch_aarch64, 294, "kexec_file_load", 5 },
	{ &arch_aarch64, 447, "memfd_secret", 1 },
	{ &arch_aarch64, 450, "set_mempolicy_home_node", 4 },
};

START_TEST(test_expected_row)
{
	const struct expect_row *row = &expect_rows[_i];
	const struct syscall_desc *desc = arch_syscall(row->arch, row->nr);

	ck_assert_msg(desc != NULL, "%s #%u: no syscall", row->arch->name, row->nr);
	ck_assert_msg(strcmp(desc->name, row->name) == 0, "%s #%u: \"%s\", expected \"%s\"",
		      row->arch->name, row->nr, desc->name, row->name);
	ck_assert_msg(desc->nargs == row->nargs, "%s #%u %s: %u args, expected %u",
		      row->arch->name, row->nr, row->name, desc->nargs, row->nargs);
	/* The row's id maps back to its number. */
	enum syscall_id id = (enum syscall_id)(desc - syscall_descs);
	ck_assert_int_eq(arch_syscall_number(row->arch, id), row->nr);
}
END_TEST

/* Numbers that are unused, reserved or beyond what strace 6.1 knows. */
static const struct {
	const struct arch *arch;
	uint64_t nr;
} unknown_numbers[] = {
	{ &arch_x86_64, 335 },
	{ &arch_x86_64, 423 },
	{ &arch_x86_64, 451 },
	{ &arch_x86_64, 0x40000000 },     /* x32's numbers are not x86_64's */
	{ &arch_x86_64, UINT64_MAX },
	{ &arch_i386, 222 },
	{ &arch_i386, 223 },
	{ &arch_i386, 251 },
	{ &arch_i386, 285 },
	{ &arch_i386, 387 },
	{ &arch_i386, 451 },
	{ &arch_aarch64, 244 },           /* __NR_arch_specific_syscall */
	{ &arch_aarch64, 259 },
	{ &arch_aarch64, 295 },
	{ &arch_aarch64, 423 },
	{ &arch_aarch64, 451 },
	{ &arch_aarch64, (uint64_t)-1 },
};

START_TEST(test_unknown_number)
{
	ck_assert_msg(arch_syscall(unknown_numbers[_i].arch, unknown_numbers[_i].nr) == NULL,
		      "%s #%llu should be unknown", unknown_numbers[_i].arch->name,
		      (unsigned long long)unknown_numbers[_i].nr);
}
END_TEST

START_TEST(test_missing_calls)
{
	/* The generic table has no fork, vfork or the old path calls. */
	static const enum syscall_id absent_aarch64[] = {
		SYS_fork, SYS_vfork, SYS_open, SYS_stat, SYS_lstat, SYS_pipe, SYS_poll,
		SYS_select, SYS_dup2, SYS_waitpid, SYS_old_mmap, SYS_mmap2,
	};
	for (size_t i = 0; i < ARRAY_SIZE(absent_aarch64); i++)
		ck_assert_int_eq(arch_syscall_number(&arch_aarch64, absent_aarch64[i]), -1);

	/* i386's six-argument mmap is mmap2; x86_64 has no old_* calls. */
	ck_assert_int_eq(arch_syscall_number(&arch_i386, SYS_mmap), -1);
	ck_assert_int_eq(arch_syscall_number(&arch_i386, SYS_old_mmap), 90);
	ck_assert_int_eq(arch_syscall_number(&arch_i386, SYS_pread64), -1);
	ck_assert_int_eq(arch_syscall_number(&arch_x86_64, SYS_old_mmap), -1);
	ck_assert_int_eq(arch_syscall_number(&arch_x86_64, SYS_old_select), -1);
	ck_assert_int_eq(arch_syscall_number(&arch_x86_64, SYS_pread64_32), -1);
	ck_assert_int_eq(arch_syscall_number(&arch_x86_64, SYS_waitpid), -1);
	ck_assert_int_eq(arch_syscall_number(&arch_x86_64, SYS_none), -1);
}
END_TEST

START_TEST(test_decoders_and_classes)
{
	const struct syscall_desc *d = syscall_descs;

	ck_assert_ptr_eq(d[SYS_clone].decode, dec_clone);
	ck_assert_ptr_eq(d[SYS_clone3].decode, dec_clone3);
	ck_assert_ptr_eq(d[SYS_fork].decode, dec_fork);
	ck_assert_ptr_eq(d[SYS_vfork].decode, dec_fork);
	ck_assert_ptr_eq(d[SYS_unshare].decode, dec_unshare);
	ck_assert_ptr_eq(d[SYS_setns].decode, dec_setns);
	ck_assert_ptr_eq(d[SYS_execve].decode, dec_execve);
	ck_assert_ptr_eq(d[SYS_execveat].decode, dec_execveat);
	ck_assert_ptr_eq(d[SYS_exit].decode, dec_exit);
	ck_assert_ptr_eq(d[SYS_exit_group].decode, dec_exit);
	ck_assert_ptr_eq(d[SYS_wait4].decode, dec_wait4);
	ck_assert_ptr_eq(d[SYS_read].decode, dec_read);
	ck_assert_ptr_eq(d[SYS_waitpid].decode, dec_generic);

	/* A sample of strace 6.1's classes. */
	ck_assert_uint_eq(d[SYS_read].classes, TC_DESC);
	ck_assert_uint_eq(d[SYS_open].classes, TC_DESC | TC_FILE);
	ck_assert_uint_eq(d[SYS_execve].classes, TC_FILE | TC_PROCESS);
	ck_assert_uint_eq(d[SYS_clone].classes, TC_PROCESS | TC_NAMESPACE);
	ck_assert_uint_eq(d[SYS_unshare].classes, TC_NAMESPACE);
	ck_assert_uint_eq(d[SYS_socket].classes, TC_NETWORK);
	ck_assert_uint_eq(d[SYS_kill].classes, TC_SIGNAL | TC_PROCESS);
	ck_assert_uint_eq(d[SYS_shmat].classes, TC_IPC | TC_MEMORY);
	ck_assert_uint_eq(d[SYS_stat].classes, TC_FILE | TC_STAT);
	ck_assert_uint_eq(d[SYS_lstat].classes, TC_FILE | TC_LSTAT);
	ck_assert_uint_eq(d[SYS_fstat].classes, TC_DESC | TC_FSTAT);
	ck_assert_uint_eq(d[SYS_newfstatat].classes, TC_DESC | TC_FILE | TC_FSTAT);
	ck_assert_uint_eq(d[SYS_statfs].classes, TC_FILE | TC_STATFS);
	ck_assert_uint_eq(d[SYS_fstatfs].classes, TC_DESC | TC_FSTATFS);
	ck_assert_uint_eq(d[SYS_getuid].classes, TC_CREDS | TC_PURE);
	ck_assert_uint_eq(d[SYS_getpid].classes, TC_PURE);
	ck_assert_uint_eq(d[SYS_clock_gettime].classes, TC_CLOCK);
	ck_assert_uint_eq(d[SYS_sched_yield].classes, 0);
}
END_TEST

START_TEST(test_namespace_class)
{
	for (int id = 1; id < SYS_COUNT; id++) {
		int expected = id == SYS_clone || id == SYS_clone3 || id == SYS_unshare ||
			       id == SYS_setns;
		ck_assert_msg(!!(syscall_descs[id].classes & TC_NAMESPACE) == expected,
			      "%s: TC_NAMESPACE %s", syscall_descs[id].name,
			      expected ? "missing" : "unexpected");
	}
}
END_TEST

START_TEST(test_descs_complete)
{
	ck_assert_ptr_null(syscall_descs[SYS_none].name);
	for (int id = 1; id < SYS_COUNT; id++) {
		const struct syscall_desc *d = &syscall_descs[id];

		ck_assert_msg(d->name && d->name[0], "id %d has no name", id);
		ck_assert_msg(d->nargs <= 6, "%s: %u args", d->name, d->nargs);
		ck_assert_msg(d->decode != NULL, "%s: no decoder", d->name);
	}
}
END_TEST

/* Invariants of every architecture's table, one loop iteration per arch. */
START_TEST(test_table_invariants)
{
	const struct arch *arch = arch_all[_i];
	unsigned known = 0;

	ck_assert_ptr_nonnull(arch);
	ck_assert_uint_gt(arch->nsyscalls, 0);
	ck_assert_uint_ne(arch->syscall_ids[arch->nsyscalls - 1], SYS_none);
	for (uint32_t nr = 0; nr < arch->nsyscalls; nr++) {
		uint16_t id = arch->syscall_ids[nr];

		ck_assert_msg(id < SYS_COUNT, "%s #%u: id %u out of range", arch->name, nr, id);
		if (id == SYS_none) {
			ck_assert_ptr_null(arch_syscall(arch, nr));
			continue;
		}
		known++;
		ck_assert_ptr_eq(arch_syscall(arch, nr), &syscall_descs[id]);
		/* One number per id, and (as in strace 6.1 for these three
		 * architectures) one number per printed name. */
		ck_assert_int_eq(arch_syscall_number(arch, id), nr);
		for (uint32_t other = nr + 1; other < arch->nsyscalls; other++) {
			uint16_t oid = arch->syscall_ids[other];

			ck_assert_msg(oid == SYS_none ||
				      strcmp(syscall_descs[oid].name, syscall_descs[id].name) != 0,
				      "%s: #%u and #%u both print \"%s\"", arch->name, nr, other,
				      syscall_descs[id].name);
		}
	}
	/* The number of syscalls each kernel header (up to 450) defines. */
	unsigned expected = arch == &arch_x86_64 ? 362 : arch == &arch_i386 ? 440 : 306;
	ck_assert_uint_eq(known, expected);
}
END_TEST

START_TEST(test_every_id_used)
{
	/* Every row of syscalls.def is reachable from some architecture. */
	for (int id = 1; id < SYS_COUNT; id++) {
		int found = 0;

		for (const struct arch *const *a = arch_all; *a && !found; a++)
			found = arch_syscall_number(*a, id) >= 0;
		ck_assert_msg(found, "%s is in no table", syscall_descs[id].name);
	}
}
END_TEST

START_TEST(test_descriptors)
{
	ck_assert_str_eq(arch_x86_64.name, "x86_64");
	ck_assert_uint_eq(arch_x86_64.audit_arch, AUDIT_ARCH_X86_64);
	ck_assert_uint_eq(arch_x86_64.word_size, 8);
	ck_assert_int_eq(arch_x86_64.clone_layout, CLONE_LAYOUT_DEFAULT);
	ck_assert_uint_eq(arch_x86_64.tls_is_user_desc, 0);
	ck_assert_str_eq(arch_x86_64.arg_regs[3], "r10");
	ck_assert_str_eq(arch_x86_64.nr_reg, "orig_rax");
	ck_assert_str_eq(arch_x86_64.rval_reg, "rax");

	ck_assert_str_eq(arch_i386.name, "i386");
	ck_assert_uint_eq(arch_i386.audit_arch, AUDIT_ARCH_I386);
	ck_assert_uint_eq(arch_i386.word_size, 4);
	ck_assert_int_eq(arch_i386.clone_layout, CLONE_LAYOUT_BACKWARDS);
	ck_assert_uint_eq(arch_i386.tls_is_user_desc, 1);
	ck_assert_str_eq(arch_i386.arg_regs[0], "ebx");
	ck_assert_str_eq(arch_i386.arg_regs[5], "ebp");
	ck_assert_str_eq(arch_i386.nr_reg, "orig_eax");
	ck_assert_str_eq(arch_i386.rval_reg, "eax");

	ck_assert_str_eq(arch_aarch64.name, "aarch64");
	ck_assert_uint_eq(arch_aarch64.audit_arch, AUDIT_ARCH_AARCH64);
	ck_assert_uint_eq(arch_aarch64.word_size, 8);
	ck_assert_int_eq(arch_aarch64.clone_layout, CLONE_LAYOUT_BACKWARDS);
	ck_assert_uint_eq(arch_aarch64.tls_is_user_desc, 0);
	ck_assert_str_eq(arch_aarch64.arg_regs[0], "x0");
	ck_assert_str_eq(arch_aarch64.arg_regs[5], "x5");
	ck_assert_str_eq(arch_aarch64.nr_reg, "x8");
	ck_assert_str_eq(arch_aarch64.rval_reg, "x0");

	/* ABI layouts are data: x86's O_* bits and struct stat, or asm-generic's. */
	ck_assert_ptr_eq(arch_x86_64.open_flags, &xlat_open_flags_x86);
	ck_assert_ptr_eq(arch_i386.open_flags, &xlat_open_flags_x86);
	ck_assert_ptr_eq(arch_aarch64.open_flags, &xlat_open_flags_generic);
	ck_assert_int_eq(arch_x86_64.stat_layout, STAT_LAYOUT_X86_64);
	ck_assert_int_eq(arch_i386.stat_layout, STAT_LAYOUT_I386_64);
	ck_assert_int_eq(arch_aarch64.stat_layout, STAT_LAYOUT_GENERIC);
	ck_assert_uint_eq(arch_i386.reg_size, 4);
	ck_assert_uint_eq(arch_x86_64.reg_size, 8);
	ck_assert_uint_eq(arch_aarch64.reg_size, 8);

	ck_assert_uint_eq(arch_word(&arch_i386, 0x1ffffffffULL), 0xffffffffU);
	ck_assert_uint_eq(arch_word(&arch_x86_64, 0x1ffffffffULL), 0x1ffffffffULL);
}
END_TEST

static const struct {
	enum clone_layout layout;
	const char *name;
	struct clone_arg_index idx;
} expect_layouts[] = {
	{ CLONE_LAYOUT_DEFAULT, "default",
	  { .flags = 0, .stack = 1, .stack_size = -1, .parent_tid = 2, .child_tid = 3, .tls = 4 } },
	{ CLONE_LAYOUT_BACKWARDS, "backwards",
	  { .flags = 0, .stack = 1, .stack_size = -1, .parent_tid = 2, .child_tid = 4, .tls = 3 } },
	{ CLONE_LAYOUT_BACKWARDS2, "backwards2",
	  { .flags = 1, .stack = 0, .stack_size = -1, .parent_tid = 2, .child_tid = 3, .tls = 4 } },
	{ CLONE_LAYOUT_BACKWARDS3, "backwards3",
	  { .flags = 0, .stack = 1, .stack_size = 2, .parent_tid = 3, .child_tid = 4, .tls = 5 } },
};

START_TEST(test_clone_layout)
{
	const struct clone_arg_index *got = &clone_layouts[expect_layouts[_i].layout];
	const struct clone_arg_index *want = &expect_layouts[_i].idx;

	ck_assert_str_eq(clone_layout_name(expect_layouts[_i].layout), expect_layouts[_i].name);
	ck_assert_int_eq(got->flags, want->flags);
	ck_assert_int_eq(got->stack, want->stack);
	ck_assert_int_eq(got->stack_size, want->stack_size);
	ck_assert_int_eq(got->parent_tid, want->parent_tid);
	ck_assert_int_eq(got->child_tid, want->child_tid);
	ck_assert_int_eq(got->tls, want->tls);
}
END_TEST

START_TEST(test_clone_layout_name_invalid)
{
	ck_assert_ptr_null(clone_layout_name(CLONE_LAYOUT_COUNT));
	ck_assert_ptr_null(clone_layout_name((enum clone_layout)-1));
}
END_TEST

START_TEST(test_lookup)
{
	int n = 0;

	for (const struct arch *const *a = arch_all; *a; a++, n++) {
		ck_assert_ptr_eq(arch_by_audit((*a)->audit_arch), *a);
		ck_assert_ptr_eq(arch_by_name((*a)->name), *a);
	}
	ck_assert_int_eq(n, 3);
	ck_assert_ptr_eq(arch_all[0], &arch_x86_64);
	ck_assert_ptr_eq(arch_all[1], &arch_i386);
	ck_assert_ptr_eq(arch_all[2], &arch_aarch64);

	ck_assert_ptr_eq(arch_by_name("x86-64"), &arch_x86_64);
	ck_assert_ptr_eq(arch_by_name("amd64"), &arch_x86_64);
	ck_assert_ptr_eq(arch_by_name("x86"), &arch_i386);
	ck_assert_ptr_eq(arch_by_name("arm64"), &arch_aarch64);
	ck_assert_ptr_null(arch_by_name("arm"));
	ck_assert_ptr_null(arch_by_name("x32"));
	ck_assert_ptr_null(arch_by_name(""));
	ck_assert_ptr_null(arch_by_name(NULL));

	ck_assert_ptr_null(arch_by_audit(AUDIT_ARCH_ARM));
	ck_assert_ptr_null(arch_by_audit(0));
	/* x32 reports AUDIT_ARCH_X86_64 too; telling it apart is the tracer's job. */
	ck_assert_ptr_eq(arch_by_audit(AUDIT_ARCH_X86_64), &arch_x86_64);

#if defined(__x86_64__) && !defined(__ILP32__)
	ck_assert_ptr_eq(arch_native(), &arch_x86_64);
#elif defined(__i386__)
	ck_assert_ptr_eq(arch_native(), &arch_i386);
#elif defined(__aarch64__)
	ck_assert_ptr_eq(arch_native(), &arch_aarch64);
#endif
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("arch_tables");
	TCase *tc = tcase_create("tables");

	tcase_add_loop_test(tc, test_expected_row, 0, ARRAY_SIZE(expect_rows));
	tcase_add_loop_test(tc, test_unknown_number, 0, ARRAY_SIZE(unknown_numbers));
	tcase_add_test(tc, test_missing_calls);
	tcase_add_test(tc, test_decoders_and_classes);
	tcase_add_test(tc, test_namespace_class);
	tcase_add_test(tc, test_descs_complete);
	tcase_add_loop_test(tc, test_table_invariants, 0, 3);
	tcase_add_test(tc, test_every_id_used);
	suite_add_tcase(s, tc);

	tc = tcase_create("descriptors");
	tcase_add_test(tc, test_descriptors);
	tcase_add_loop_test(tc, test_clone_layout, 0, ARRAY_SIZE(expect_layouts));
	tcase_add_test(tc, test_clone_layout_name_invalid);
	tcase_add_test(tc, test_lookup);
	suite_add_tcase(s, tc);
	return s;
}
