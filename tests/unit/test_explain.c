/*
 * The explainer (src/explain.c) and its sentences (src/xlat_clone_meaning.c):
 * every flag has a sentence, each combination its classification, each clone
 * layout its register line, and decoded events are recognised.
 */
#include <string.h>

#include "ctrace/explain.h"
#include "ctrace/xlat.h"
#include "decode_harness.h"

/* The explanation of a clone-family call, in a buffer the caller frees. */
static void explain(struct strbuf *sb, const struct arch *arch, enum syscall_id id,
		    uint64_t flags)
{
	struct explain_call call = { .arch = arch, .id = id, .flags = flags,
				     .flags_known = true };

	strbuf_reset(sb);
	explain_format(sb, &call, "    ");
}

static void assert_has(const struct strbuf *sb, const char *text)
{
	ck_assert_msg(strstr(strbuf_str(sb), text), "[%s] not in:\n%s", text, strbuf_str(sb));
}

static void assert_lacks(const struct strbuf *sb, const char *text)
{
	ck_assert_msg(!strstr(strbuf_str(sb), text), "[%s] in:\n%s", text, strbuf_str(sb));
}

/* Adding a flag to a table without a sentence for it fails here. */
START_TEST(every_flag_has_a_meaning)
{
	const struct xlat *clone_tables[] = { &xlat_clone_flags, &xlat_clone2_flags };

	for (size_t t = 0; t < 2; t++) {
		for (const struct xlat_entry *e = clone_tables[t]->entries; e->name; e++)
			ck_assert_msg(xlat_meaning(clone_flag_meanings, e->value),
				      "%s has no meaning", e->name);
	}
	for (const struct xlat_entry *e = xlat_unshare_flags.entries; e->name; e++)
		ck_assert_msg(xlat_meaning(unshare_flag_meanings, e->value),
			      "unshare %s has no meaning", e->name);
	for (const struct xlat_entry *e = xlat_setns_types.entries; e->name; e++)
		ck_assert_msg(xlat_meaning(setns_type_meanings, e->value),
			      "setns %s has no meaning", e->name);
	ck_assert_ptr_nonnull(xlat_meaning(setns_type_meanings, 0));
	ck_assert_ptr_nonnull(strstr(xlat_meaning(clone_flag_meanings, CLONE_DETACHED_BIT),
				     "historical"));
	/* ... and no sentence is left for a flag that is gone. */
	for (const struct xlat_meaning *m = clone_flag_meanings; m->text; m++)
		ck_assert_msg(m->value == CLONE_DETACHED_BIT ||
			      xlat_name(&xlat_clone_flags, m->value),
			      "meaning of %#llx names no flag", (unsigned long long)m->value);
}
END_TEST

START_TEST(flag_lines)
{
	struct strbuf sb = STRBUF_INIT;

	explain(&sb, &arch_x86_64, SYS_clone, 0x3d0f00);
	assert_has(&sb, "    CLONE_VM              the child shares the parent's memory");
	assert_has(&sb, "    CLONE_CHILD_CLEARTID  when the child exits");
	assert_has(&sb, "    0                     exit signal: unused");
	assert_lacks(&sb, "CLONE_PTRACE");
	explain(&sb, &arch_x86_64, SYS_clone, 0x400011);
	assert_has(&sb, "    0x400000              historical (CLONE_DETACHED)");
	assert_has(&sb, "    SIGCHLD               exit signal: sent to the parent");
	explain(&sb, &arch_x86_64, SYS_clone3, 0x300000000ULL);
	assert_has(&sb, "    CLONE_CLEAR_SIGHAND   the child's signal handlers are reset");
	assert_has(&sb, "    CLONE_INTO_CGROUP     ");
	explain(&sb, &arch_x86_64, SYS_clone3, 0x1000000000ULL);
	assert_has(&sb, "    0x1000000000          no CLONE_* flag has these bits: clone3 fails");
	strbuf_free(&sb);
}
END_TEST

START_TEST(classification)
{
	static const struct {
		enum syscall_id id;
		uint64_t flags;
		const char *expect;
	} cases[] = {
		{ SYS_clone, 0x3d0f00, "    => a thread: " },
		{ SYS_clone, 0x1200011, "    => a new process, fork-like: " },
		{ SYS_clone, 0x4111, "    => a vfork-style spawn: " },
		{ SYS_clone, 0x111, "    => a process that shares the caller's memory but is not a thread" },
		{ SYS_clone, 0x10011, "    => an invalid request: CLONE_THREAD without CLONE_SIGHAND" },
		{ SYS_clone, 0x811, "    => an invalid request: CLONE_SIGHAND without CLONE_VM" },
		{ SYS_clone, 0x10000011, "    => a container-style sandbox: " },
		{ SYS_clone3, 0x80, "    => a container-style sandbox: " },
		{ SYS_fork, 0, "    => a new process, fork-like: a copy-on-write copy of the caller, as clone(flags=SIGCHLD)" },
		{ SYS_vfork, 0, "    => a vfork-style spawn: " },
		{ SYS_unshare, 0x40000000, "    => a container-style sandbox made in place" },
		{ SYS_unshare, 0, "    => nothing to unshare" },
		{ SYS_setns, 0x40000000, "    CLONE_NEWNET          network namespace: " },
		{ SYS_setns, 0, "    0                     any type: " },
	};
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		explain(&sb, &arch_x86_64, cases[i].id, cases[i].flags);
		assert_has(&sb, cases[i].expect);
	}
	/* SIGCHLD (17) is a signal in clone, not CLONE_NEWTIME: no sandbox. */
	explain(&sb, &arch_x86_64, SYS_clone, 0x11);
	assert_lacks(&sb, "sandbox");
	assert_lacks(&sb, "CLONE_NEWTIME");
	explain(&sb, &arch_x86_64, SYS_clone, 0x3d0f00);
	assert_lacks(&sb, "sandbox");
	strbuf_free(&sb);
}
END_TEST

START_TEST(register_lines)
{
	struct arch backwards2 = arch_x86_64, backwards3 = arch_x86_64;
	struct strbuf sb = STRBUF_INIT;

	backwards2.name = "s390-like";
	backwards2.clone_layout = CLONE_LAYOUT_BACKWARDS2;
	backwards3.name = "microblaze-like";
	backwards3.clone_layout = CLONE_LAYOUT_BACKWARDS3;

	explain(&sb, &arch_x86_64, SYS_clone, 0x11);
	assert_has(&sb, "    on x86_64: flags in rdi, stack in rsi, parent_tid in rdx, "
		   "child_tid in r10, tls in r8\n");
	assert_has(&sb, "    on x86_64: syscall number 56 in orig_rax; ");
	explain(&sb, &arch_i386, SYS_clone, 0x11);
	assert_has(&sb, "    on i386: flags in ebx, stack in ecx, parent_tid in edx, tls in esi, "
		   "child_tid in edi (CLONE_BACKWARDS: tls before child_tid)\n");
	assert_has(&sb, "    on i386: syscall number 120 in orig_eax; ");
	explain(&sb, &arch_aarch64, SYS_clone, 0x11);
	assert_has(&sb, "    on aarch64: flags in x0, stack in x1, parent_tid in x2, tls in x3, "
		   "child_tid in x4 (CLONE_BACKWARDS: tls before child_tid)\n");
	assert_has(&sb, "    on aarch64: syscall number 220 in x8; ");
	explain(&sb, &backwards2, SYS_clone, 0x11);
	assert_has(&sb, "    on s390-like: stack in rdi, flags in rsi, parent_tid in rdx, "
		   "child_tid in r10, tls in r8 (CLONE_BACKWARDS2: stack before flags)\n");
	explain(&sb, &backwards3, SYS_clone, 0x11);
	assert_has(&sb, "    on microblaze-like: flags in rdi, stack in rsi, stack_size in rdx, "
		   "parent_tid in r10, child_tid in r8, tls in r9 (CLONE_BACKWARDS3: a "
		   "stack_size argument after stack)\n");
	explain(&sb, &arch_x86_64, SYS_clone3, 0x11);
	assert_has(&sb, "    on x86_64: the address of struct clone_args in rdi, its size in rsi\n");
	explain(&sb, &arch_i386, SYS_setns, 0);
	assert_has(&sb, "    on i386: fd in ebx, nstype in ecx\n");
	explain(&sb, &arch_aarch64, SYS_unshare, 0x400);
	assert_has(&sb, "    on aarch64: flags in x0\n");
	strbuf_free(&sb);
}
END_TEST

/* Decoded events: the clone family is explained, nothing else is. */
START_TEST(from_events)
{
	struct strbuf sb = STRBUF_INIT;
	struct decode_run r;

	decode_run_init(&r);
	/* i386: flags are in the first register, whatever the layout. */
	decode_line(&r, &arch_i386, SYS_clone, DECODE_ARGS(0x4111, 0), 42);
	ck_assert(explain_event(&sb, &r.ev, "  "));
	assert_has(&sb, "  => a vfork-style spawn");
	assert_has(&sb, "  CLONE_VFORK   ");

	strbuf_reset(&sb);
	decode_line(&r, &arch_x86_64, SYS_getpid, DECODE_ARGS(0), 42);
	ck_assert(!explain_event(&sb, &r.ev, "  "));
	ck_assert_uint_eq(sb.len, 0);

	/* clone3: the flags come from the struct the decoder read. */
	uint64_t ca[11] = { 0x10000000, 0, 0, 0, 17 };
	fake_mem_add(&r.mem, 0x5000, ca, sizeof(ca));
	decode_line(&r, &arch_x86_64, SYS_clone3, DECODE_ARGS(0x5000, 88), 42);
	ck_assert(explain_event(&sb, &r.ev, "    "));
	assert_has(&sb, "    CLONE_NEWUSER         the child starts in a new user namespace");
	assert_has(&sb, "    SIGCHLD               exit signal: sent");
	assert_has(&sb, "    the whole struct clone_args is in memory at 0x5000 (size 88): "
		   "read at entry, so another thread could change it before the kernel copies it\n");

	/* An unreadable struct: no flags to explain, the memory lesson remains. */
	strbuf_reset(&sb);
	decode_line(&r, &arch_x86_64, SYS_clone3, DECODE_ARGS(0x9000, 88), -14);
	ck_assert(explain_event(&sb, &r.ev, "    "));
	assert_lacks(&sb, "=>");
	assert_has(&sb, "in memory at 0x9000 (size 88)");

	strbuf_reset(&sb);
	decode_line(&r, &arch_x86_64, SYS_setns, DECODE_ARGS(3, 0x100000000ULL | 0x20000000), 0);
	ck_assert(explain_event(&sb, &r.ev, ""));
	assert_has(&sb, "CLONE_NEWPID          PID namespace");
	assert_lacks(&sb, "0x100000000");
	decode_run_fini(&r);
	strbuf_free(&sb);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("explain");
	TCase *tc = tcase_create("explain");

	tcase_add_test(tc, every_flag_has_a_meaning);
	tcase_add_test(tc, flag_lines);
	tcase_add_test(tc, classification);
	tcase_add_test(tc, register_lines);
	tcase_add_test(tc, from_events);
	suite_add_tcase(s, tc);
	return s;
}
