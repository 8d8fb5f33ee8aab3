/*
 * clone, fork and vfork against lines strace 6.1 printed on x86_64 (pids and
 * addresses are the ones strace showed; the memory behind them is crafted).
 * i386 lines were printed by the same strace tracing a -m32 program.  Other
 * arches and clone layouts print the same text from other registers.
 */
#include <stdio.h>
#include <string.h>

#include "decode_harness.h"

#define SIGCHLD 17

#define CLONE_FS             0x00000200ULL
#define CLONE_SIGHAND        0x00000800ULL
#define CLONE_PIDFD          0x00001000ULL
#define CLONE_SETTLS         0x00080000ULL
#define CLONE_PARENT_SETTID  0x00100000ULL
#define CLONE_CHILD_CLEARTID 0x00200000ULL
#define CLONE_DETACHED       0x00400000ULL
#define CLONE_UNTRACED       0x00800000ULL
#define CLONE_CHILD_SETTID   0x01000000ULL
#define CLONE_IO             0x80000000ULL
#define CLONE_CLEAR_SIGHAND  0x100000000ULL

#define EINVAL_TEXT "-1 EINVAL (Invalid argument)"

/* The parameters of one clone call, whichever registers carry them. */
struct clone_call {
	uint64_t flags, stack, stack_size, parent_tid, child_tid, tls;
};

/* Places each parameter in the register the arch's clone layout says. */
static void clone_args(const struct arch *arch, const struct clone_call *c, uint64_t args[6])
{
	const struct clone_arg_index *idx = &clone_layouts[arch->clone_layout];

	memset(args, 0, 6 * sizeof(args[0]));
	args[idx->flags] = c->flags;
	args[idx->stack] = c->stack;
	if (idx->stack_size >= 0)
		args[idx->stack_size] = c->stack_size;
	args[idx->parent_tid] = c->parent_tid;
	args[idx->child_tid] = c->child_tid;
	args[idx->tls] = c->tls;
}

/* A clone-family line, whose return value is a tid. */
static const char *tid_line(struct decode_run *r, const struct arch *arch, enum syscall_id id,
			    const uint64_t args[6], int64_t rval)
{
	const char *line = decode_line(r, arch, id, args, rval);

	ck_assert_int_eq(r->ev.rval_format, RVAL_TID);
	return line;
}

static const char *run_clone(struct decode_run *r, const struct arch *arch,
			     const struct clone_call *c, int64_t rval)
{
	uint64_t args[6];

	clone_args(arch, c, args);
	return tid_line(r, arch, SYS_clone, args, rval);
}

/*
 * Addresses strace showed, for the i386 program (so that they fit every
 * arch's word) and the x86_64 one; a tid the kernel wrote at PTID.
 */
#define PTID 0xffaa7330ULL
#define CTID 0xffaa7334ULL
#define PTID64 0x7ffd297e1ad8ULL
#define CTID64 0x7ffd297e1ad4ULL
static const unsigned char tid_8706[4] = { 0x02, 0x22, 0, 0 };      /* 8706 */
static const unsigned char fd_3[4] = { 3, 0, 0, 0 };

static const struct arch *const all_arches[] = { &arch_x86_64, &arch_i386, &arch_aarch64 };

/* One clone call, the memory behind it, and the line strace printed. */
struct clone_case {
	const struct arch *arch;        /* NULL: each of all_arches */
	bool plain_tls;                 /* skip arches whose tls is a struct user_desc */
	struct clone_call c;
	const unsigned char *at_ptid;   /* 4 bytes at c.parent_tid, or NULL: unmapped */
	const unsigned char *at_tls;    /* tls_len bytes at c.tls */
	size_t tls_len;
	int64_t rval;
	const char *line;
};

static void check_clone_cases(const struct clone_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct clone_case *k = &cases[i];

		for (size_t a = 0; a < 3; a++) {
			const struct arch *arch = k->arch ? k->arch : all_arches[a];
			struct decode_run r;

			if ((k->arch && a > 0) || (k->plain_tls && arch->tls_is_user_desc))
				continue;
			decode_run_init(&r);
			if (k->at_ptid)
				fake_mem_add(&r.mem, k->c.parent_tid, k->at_ptid, 4);
			if (k->tls_len)
				fake_mem_add(&r.mem, k->c.tls, k->at_tls, k->tls_len);
			ck_assert_str_eq(run_clone(&r, arch, &k->c, k->rval), k->line);
			decode_run_fini(&r);
		}
	}
}

#define CHECK_CLONE_CASES(cases) check_clone_cases(cases, sizeof(cases) / sizeof(cases[0]))

START_TEST(clone_flags_and_exit_signal)
{
	static const struct clone_case cases[] = {
		{ .c = { .flags = SIGCHLD }, .rval = 8704,
		  .line = "clone(child_stack=NULL, flags=SIGCHLD)  = 8704" },
		{ .c = { .flags = 0 }, .rval = 8704,
		  .line = "clone(child_stack=NULL, flags=0)        = 8704" },
		{ .c = { .flags = CLONE_FS | 64 }, .rval = 8704,
		  .line = "clone(child_stack=NULL, flags=CLONE_FS|SIGRT_32) = 8704" },
		{ .c = { .flags = CLONE_FS | 127 }, .rval = 8704,
		  .line = "clone(child_stack=NULL, flags=CLONE_FS|127) = 8704" },
		/* CLONE_NEWTIME (0x80) lies in CSIGNAL: clone(2) sees signal 145. */
		{ .c = { .flags = 0x80 | SIGCHLD }, .rval = 8704,
		  .line = "clone(child_stack=NULL, flags=145)      = 8704" },
		/* CLONE_DETACHED has no name in strace's table. */
		{ .c = { .flags = CLONE_DETACHED | CLONE_IO | CLONE_UNTRACED | SIGCHLD,
			 .stack = 0x1000 }, .rval = 8704,
		  .line = "clone(child_stack=0x1000, flags=CLONE_UNTRACED|CLONE_IO|0x400000|SIGCHLD) "
			  "= 8704" },
	};

	CHECK_CLONE_CASES(cases);
}
END_TEST

/* Bits above 31 exist only on 64-bit arches; clone(2) has no names for them. */
START_TEST(clone_high_bits)
{
	static const struct clone_case cases[] = {
		{ &arch_x86_64, .c = { .flags = CLONE_CLEAR_SIGHAND }, .rval = 8712,
		  .line = "clone(child_stack=NULL, flags=0x100000000 /* CLONE_??? */) = 8712" },
		{ &arch_aarch64,
		  .c = { .flags = CLONE_PARENT_SETTID | CLONE_CLEAR_SIGHAND | SIGCHLD,
			 .parent_tid = PTID },
		  .at_ptid = tid_8706, .rval = 8706,
		  .line = "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|0x100000000|SIGCHLD, "
			  "parent_tid=[8706]) = 8706" },
	};

	CHECK_CLONE_CASES(cases);
}
END_TEST

/* strace keeps the comment when only unknown bits precede the signal. */
START_TEST(clone_unknown_bits_then_signal)
{
	static const struct clone_case cases[] = {
		{ &arch_x86_64, .c = { .flags = CLONE_CLEAR_SIGHAND | SIGCHLD }, .rval = 8711,
		  .line = "clone(child_stack=NULL, flags=0x100000000 /* CLONE_??? */|SIGCHLD) = 8711" },
	};

	CHECK_CLONE_CASES(cases);
}
END_TEST

START_TEST(clone_parent_tid_and_pidfd)
{
	static const struct clone_case cases[] = {
		{ .c = { .flags = CLONE_PARENT_SETTID | SIGCHLD, .parent_tid = PTID },
		  .at_ptid = tid_8706, .rval = 8706,
		  .line = "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, "
			  "parent_tid=[8706]) = 8706" },
		/* Unreadable: the address. */
		{ .c = { .flags = CLONE_PARENT_SETTID | SIGCHLD, .parent_tid = 0x8 }, .rval = 8707,
		  .line = "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, "
			  "parent_tid=0x8) = 8707" },
		/* CLONE_PIDFD alone: the pidfd, still called parent_tid. */
		{ .c = { .flags = CLONE_PIDFD | SIGCHLD, .parent_tid = PTID },
		  .at_ptid = fd_3, .rval = 8708,
		  .line = "clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, "
			  "parent_tid=[3]) = 8708" },
		/* Failed: nothing was written, so the address, though readable. */
		{ .c = { .flags = CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, .parent_tid = PTID },
		  .at_ptid = fd_3, .rval = -22,
		  .line = "clone(child_stack=NULL, flags=CLONE_PIDFD|CLONE_PARENT_SETTID|SIGCHLD, "
			  "parent_tid=0xffaa7330) = " EINVAL_TEXT },
	};

	CHECK_CLONE_CASES(cases);
}
END_TEST

START_TEST(clone_exit_arguments_in_strace_order)
{
	static const struct clone_case cases[] = {
		{ .c = { .flags = CLONE_CHILD_SETTID | SIGCHLD, .child_tid = CTID }, .rval = 8709,
		  .line = "clone(child_stack=NULL, flags=CLONE_CHILD_SETTID|SIGCHLD, "
			  "child_tidptr=0xffaa7334) = 8709" },
		/* Not the register order on any arch: parent_tid, tls, child_tidptr.
		 * (i386's tls is a struct user_desc, tested below.) */
		{ .plain_tls = true,
		  .c = { .flags = CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_SETTLS | SIGCHLD,
			 .parent_tid = PTID, .child_tid = CTID, .tls = 0x1234 },
		  .at_ptid = tid_8706, .rval = 8706,
		  .line = "clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|"
			  "CLONE_CHILD_SETTID|SIGCHLD, parent_tid=[8706], tls=0x1234, "
			  "child_tidptr=0xffaa7334) = 8706" },
	};

	CHECK_CLONE_CASES(cases);
}
END_TEST

START_TEST(clone_failures)
{
	static const struct clone_case cases[] = {
		{ .c = { .flags = CLONE_SIGHAND }, .rval = -22,
		  .line = "clone(child_stack=NULL, flags=CLONE_SIGHAND) = " EINVAL_TEXT },
		{ .c = { .flags = CLONE_SIGHAND | CLONE_CHILD_SETTID | CLONE_PARENT_SETTID,
			 .parent_tid = PTID, .child_tid = CTID },
		  .at_ptid = tid_8706, .rval = -22,
		  .line = "clone(child_stack=NULL, flags=CLONE_SIGHAND|CLONE_PARENT_SETTID|"
			  "CLONE_CHILD_SETTID, parent_tid=0xffaa7330, "
			  "child_tidptr=0xffaa7334) = " EINVAL_TEXT },
	};

	CHECK_CLONE_CASES(cases);
}
END_TEST

/* Every bit: x86_64 keeps the unknown high ones, i386 never sees them. */
START_TEST(clone_every_flag)
{
	struct decode_run r;
	struct clone_call c = { .flags = 0xffffffffffffff00ULL };
	const char *names =
		"flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PIDFD|CLONE_PTRACE|"
		"CLONE_VFORK|CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|"
		"CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID|CLONE_UNTRACED|CLONE_CHILD_SETTID|"
		"CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|"
		"CLONE_NEWNET|CLONE_IO|";
	char want[1024];

	decode_run_init(&r);
	snprintf(want, sizeof(want), "clone(child_stack=NULL, %s0xffffffff00400000, "
		 "parent_tid=NULL, tls=NULL, child_tidptr=NULL) = " EINVAL_TEXT, names);
	ck_assert_str_eq(run_clone(&r, &arch_x86_64, &c, -22), want);
	decode_run_fini(&r);

	decode_run_init(&r);
	snprintf(want, sizeof(want), "clone(child_stack=NULL, %s0x400000, "
		 "parent_tid=NULL, tls=NULL, child_tidptr=NULL) = " EINVAL_TEXT, names);
	ck_assert_str_eq(run_clone(&r, &arch_i386, &c, -22), want);
	decode_run_fini(&r);
}
END_TEST

/* i386: tls points to a struct user_desc, read at exit. */
static void put_user_desc(unsigned char d[16], uint32_t entry, uint32_t base, uint32_t limit,
			  uint32_t bits)
{
	const uint32_t w[4] = { entry, base, limit, bits };
	for (int i = 0; i < 4; i++)
		for (int b = 0; b < 4; b++)
			d[4 * i + b] = (unsigned char)(w[i] >> (8 * b));
}

#define TLS 0xffaa7314ULL

START_TEST(clone_i386_user_desc)
{
	static unsigned char desc[16];
	static const struct {
		uint32_t entry, base, limit, bits;
		const char *text;
	} cases[] = {
		/* seg_32bit, limit_in_pages, useable */
		{ 12, 0xf7f75540, 0xfffff, 0x51,
		  "{entry_number=12, base_addr=0xf7f75540, limit=0x0fffff, seg_32bit=1, contents=0, "
		  "read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1}" },
		/* and read_exec_only, and lm (bit 7) which strace leaves out for i386 */
		{ 13, 0x12, 0x1, 0xd9,
		  "{entry_number=13, base_addr=0x000012, limit=0x000001, seg_32bit=1, contents=0, "
		  "read_exec_only=1, limit_in_pages=1, seg_not_present=0, useable=1}" },
		/* printf's "%#08x" of 0 has no 0x */
		{ 0, 0, 0, 0,
		  "{entry_number=0, base_addr=00000000, limit=00000000, seg_32bit=0, contents=0, "
		  "read_exec_only=0, limit_in_pages=0, seg_not_present=0, useable=0}" },
		/* derived from strace's source: -1 signed, contents is two bits */
		{ 0xffffffff, 0x1000, 0x1, 0x24,
		  "{entry_number=-1, base_addr=0x001000, limit=0x000001, seg_32bit=0, contents=2, "
		  "read_exec_only=0, limit_in_pages=0, seg_not_present=1, useable=0}" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct decode_run r;
		struct clone_call c = { .flags = CLONE_SETTLS | SIGCHLD, .tls = TLS };
		char want[512];

		decode_run_init(&r);
		put_user_desc(desc, cases[i].entry, cases[i].base, cases[i].limit, cases[i].bits);
		fake_mem_add(&r.mem, TLS, desc, sizeof(desc));
		snprintf(want, sizeof(want),
			 "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=%s) = 10523",
			 cases[i].text);
		ck_assert_str_eq(run_clone(&r, &arch_i386, &c, 10523), want);
		/* The struct is read at exit, not at entry. */
		ck_assert_str_eq(strbuf_str(&r.entry),
				 "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD");
		decode_run_fini(&r);
	}
}
END_TEST

START_TEST(clone_i386_user_desc_unavailable)
{
	static unsigned char desc[16];
	static const unsigned char tid_10253[4] = { 0x0d, 0x28, 0, 0 };
	static const struct clone_case cases[] = {
		/* Readable and complete, full line as strace printed it. */
		{ &arch_i386,
		  .c = { .flags = CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
			 .parent_tid = 0xffaa7330, .child_tid = 0xffaa7334, .tls = TLS },
		  .at_ptid = tid_10253, .at_tls = desc, .tls_len = sizeof(desc), .rval = 10253,
		  .line = "clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|"
			  "CLONE_CHILD_SETTID|SIGCHLD, parent_tid=[10253], tls={entry_number=12, "
			  "base_addr=0xf7f75540, limit=0x0fffff, seg_32bit=1, contents=0, "
			  "read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1}, "
			  "child_tidptr=0xffaa7334) = 10253" },
		/* Failed call: the address, readable or not. */
		{ &arch_i386, .c = { .flags = CLONE_SETTLS | SIGCHLD, .tls = TLS },
		  .at_tls = desc, .tls_len = sizeof(desc), .rval = -22,
		  .line = "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=0xffaa7314) = "
			  EINVAL_TEXT },
		{ &arch_i386, .c = { .flags = CLONE_SETTLS | SIGCHLD, .tls = 0 }, .rval = -14,
		  .line = "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=NULL) = "
			  "-1 EFAULT (Bad address)" },
		/* Succeeded but a struct cut short by an unmapped page: the address. */
		{ &arch_i386, .c = { .flags = CLONE_SETTLS | SIGCHLD, .tls = TLS },
		  .at_tls = desc, .tls_len = 12, .rval = 10523,
		  .line = "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=0xffaa7314) = "
			  "10523" },
		/* The same register on x86_64 is a plain address. */
		{ &arch_x86_64, .c = { .flags = CLONE_SETTLS | SIGCHLD, .tls = TLS },
		  .at_tls = desc, .tls_len = sizeof(desc), .rval = 10523,
		  .line = "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=0xffaa7314) = "
			  "10523" },
	};

	put_user_desc(desc, 12, 0xf7f75540, 0xfffff, 0x51);
	CHECK_CLONE_CASES(cases);
}
END_TEST

/*
 * The two other layouts, on a copy of x86_64 with its layout changed: the
 * text is the same, read from other registers.  BACKWARDS3 passes a stack
 * size, which strace shows as it does for ia64's clone2.
 */
START_TEST(clone_layouts_backwards2_and_3)
{
	struct clone_call c = {
		.flags = CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_SETTLS | SIGCHLD,
		.stack = 0x7f0000001000, .stack_size = 0x7fff80, .parent_tid = PTID64,
		.child_tid = CTID64, .tls = 0x1234,
	};
	const char *tail = "flags=CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_SETTID|SIGCHLD, "
			   "parent_tid=[8706], tls=0x1234, child_tidptr=0x7ffd297e1ad4) = 8706";
	static const enum clone_layout layouts[] = {
		CLONE_LAYOUT_DEFAULT, CLONE_LAYOUT_BACKWARDS, CLONE_LAYOUT_BACKWARDS2,
		CLONE_LAYOUT_BACKWARDS3,
	};

	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
		struct arch arch = arch_x86_64;
		struct decode_run r;
		uint64_t args[6];
		char want[512];

		arch.clone_layout = layouts[i];
		decode_run_init(&r);
		fake_mem_add(&r.mem, PTID64, tid_8706, 4);
		clone_args(&arch, &c, args);
		snprintf(want, sizeof(want), "clone(child_stack=0x7f0000001000, %s%s",
			 layouts[i] == CLONE_LAYOUT_BACKWARDS3 ? "stack_size=0x7fff80, " : "", tail);
		ck_assert_str_eq(tid_line(&r, &arch, SYS_clone, args, 8706), want);
		decode_run_fini(&r);
	}

	/* The registers really differ: BACKWARDS2 takes the stack first. */
	struct arch arch = arch_x86_64;
	struct decode_run r;
	const uint64_t args[6] = { 0x1000, SIGCHLD, 0, 0, 0, 0 };
	arch.clone_layout = CLONE_LAYOUT_BACKWARDS2;
	decode_run_init(&r);
	ck_assert_str_eq(tid_line(&r, &arch, SYS_clone, args, 42),
			 "clone(child_stack=0x1000, flags=SIGCHLD) = 42");
	decode_run_fini(&r);
}
END_TEST

/*
 * "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD <unfinished ...>"
 * then "<... clone resumed>, parent_tid=[2115]) = 2115".
 */
START_TEST(clone_split_lines)
{
	for (size_t a = 0; a < 3; a++) {
		struct decode_run r;
		struct clone_call c = { .flags = CLONE_PARENT_SETTID | SIGCHLD, .parent_tid = PTID };

		decode_run_init(&r);
		fake_mem_add(&r.mem, PTID, (const unsigned char[]){ 0x43, 0x08, 0, 0 }, 4);
		run_clone(&r, all_arches[a], &c, 2115);
		ck_assert_str_eq(strbuf_str(&r.entry),
				 "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD");
		ck_assert_str_eq(strbuf_str(&r.exit), ", parent_tid=[2115])");
		decode_run_fini(&r);

		/* Nothing left for the exit: "<... clone resumed>) = 8704". */
		decode_run_init(&r);
		c = (struct clone_call){ .flags = CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD,
					 .child_tid = 0x7f7b57456a10 };
		run_clone(&r, all_arches[a], &c, 2135);
		ck_assert_str_eq(strbuf_str(&r.entry),
				 "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|"
				 "CLONE_CHILD_SETTID|SIGCHLD");
		ck_assert_str_eq(strbuf_str(&r.exit),
				 all_arches[a]->word_size == 8 ? ", child_tidptr=0x7f7b57456a10)"
							       : ", child_tidptr=0x57456a10)");
		decode_run_fini(&r);

		decode_run_init(&r);
		c = (struct clone_call){ .flags = SIGCHLD };
		run_clone(&r, all_arches[a], &c, 8704);
		ck_assert_str_eq(strbuf_str(&r.entry), "clone(child_stack=NULL, flags=SIGCHLD");
		ck_assert_str_eq(strbuf_str(&r.exit), ")");
		decode_run_fini(&r);
	}
}
END_TEST

START_TEST(fork_and_vfork)
{
	static const uint64_t none[6];

	for (size_t a = 0; a < 3; a++) {
		const struct arch *arch = all_arches[a];
		struct decode_run r;

		/* aarch64 has neither: its libc forks with clone. */
		if (arch_syscall_number(arch, SYS_vfork) < 0)
			continue;
		decode_run_init(&r);
		ck_assert_str_eq(tid_line(&r, arch, SYS_vfork, none, 8863),
				 "vfork()                                 = 8863");
		ck_assert_str_eq(strbuf_str(&r.entry), "vfork(");
		ck_assert_str_eq(strbuf_str(&r.exit), ")");
		decode_run_fini(&r);

		decode_run_init(&r);
		ck_assert_str_eq(tid_line(&r, arch, SYS_fork, none, -11),
				 "fork()                                  = "
				 "-1 EAGAIN (Resource temporarily unavailable)");
		decode_run_fini(&r);
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("decode_clone");
	TCase *tc = tcase_create("clone");

	tcase_add_test(tc, clone_flags_and_exit_signal);
	tcase_add_test(tc, clone_high_bits);
	tcase_add_test(tc, clone_unknown_bits_then_signal);
	tcase_add_test(tc, clone_parent_tid_and_pidfd);
	tcase_add_test(tc, clone_exit_arguments_in_strace_order);
	tcase_add_test(tc, clone_failures);
	tcase_add_test(tc, clone_every_flag);
	tcase_add_test(tc, clone_i386_user_desc);
	tcase_add_test(tc, clone_i386_user_desc_unavailable);
	tcase_add_test(tc, clone_layouts_backwards2_and_3);
	tcase_add_test(tc, clone_split_lines);
	tcase_add_test(tc, fork_and_vfork);
	suite_add_tcase(s, tc);
	return s;
}
