/*
 * The explainer (include/ctrace/explain.h): flag by flag what a process- or
 * namespace-creating call asked for, what the combination amounts to, and
 * which register carried which argument on the call's architecture.  Pure:
 * a decoded event or command-line values in, text out.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ctrace/explain.h"
#include "ctrace/xlat.h"

#define CSIGNAL        0x000000ffULL
#define F_VM           0x00000100ULL
#define F_SIGHAND      0x00000800ULL
#define F_VFORK        0x00004000ULL
#define F_THREAD       0x00010000ULL
#define F_NEWNS        0x00020000ULL
#define F_NEWTIME      0x00000080ULL
#define F_NEW_ANY      (0x7e020000ULL | F_NEWTIME)   /* every CLONE_NEW* bit */

/* Width of the flag-name column: CLONE_CHILD_CLEARTID is the longest name. */
#define NAME_COLUMN 20

static void line(struct strbuf *out, const char *indent, const char *name, const char *text)
{
	strbuf_printf(out, "%s%-*s  %s\n", indent, NAME_COLUMN, name, text);
}

static const struct syscall_desc *desc_of(enum syscall_id id)
{
	return &syscall_descs[id];
}

bool explain_call_from_event(struct explain_call *call, const struct syscall_event *ev)
{
	memset(call, 0, sizeof(*call));
	if (!ev->desc || !ev->arch)
		return false;
	if (ev->desc == desc_of(SYS_clone))
		call->id = SYS_clone;
	else if (ev->desc == desc_of(SYS_clone3))
		call->id = SYS_clone3;
	else if (ev->desc == desc_of(SYS_fork))
		call->id = SYS_fork;
	else if (ev->desc == desc_of(SYS_vfork))
		call->id = SYS_vfork;
	else if (ev->desc == desc_of(SYS_unshare))
		call->id = SYS_unshare;
	else if (ev->desc == desc_of(SYS_setns))
		call->id = SYS_setns;
	else
		return false;

	call->arch = ev->arch;
	call->have_regs = true;
	memcpy(call->args, ev->args, sizeof(call->args));
	call->flags_known = true;
	switch (call->id) {
	case SYS_clone:
		call->flags = ev->args[clone_layouts[ev->arch->clone_layout].flags];
		break;
	case SYS_clone3: {
		/* The flags are in tracee memory: take them from what the decoder read. */
		const struct val *s = ev->args_list.head;
		call->flags_known = false;
		if (!s || s->kind != VAL_STRUCT)
			break;
		for (const struct val *c = s->children; c; c = c->next) {
			if (!c->name)
				continue;
			if (!strcmp(c->name, "flags") && c->kind == VAL_FLAGS) {
				call->flags = c->flags.bits;
				call->flags_known = true;
			} else if (!strcmp(c->name, "exit_signal")) {
				call->exit_signal = c->u;
				call->exit_signal_known = true;
			}
		}
		break;
	}
	case SYS_unshare:
		call->flags = ev->args[0];
		break;
	case SYS_setns:
		call->flags = (uint32_t)ev->args[1];
		break;
	default:
		break;
	}
	return true;
}

/* One line per set bit of `flags` known to `names`, then the unknown rest. */
static void flag_lines(struct strbuf *out, const char *indent, uint64_t flags,
		       const struct xlat *names, const struct xlat_meaning *meanings,
		       const char *unknown_text)
{
	uint64_t rest = flags;

	for (const struct xlat_entry *e = names->entries; e->name; e++) {
		if (!(rest & e->value))
			continue;
		const char *text = xlat_meaning(meanings, e->value);
		line(out, indent, e->name, text ? text : "(no description)");
		rest &= ~e->value;
	}
	if (rest & CLONE_DETACHED_BIT && names != &xlat_unshare_flags) {
		line(out, indent, "0x400000", xlat_meaning(clone_flag_meanings, CLONE_DETACHED_BIT));
		rest &= ~CLONE_DETACHED_BIT;
	}
	if (rest) {
		char hex[24];
		snprintf(hex, sizeof(hex), "%#" PRIx64, rest);
		line(out, indent, hex, unknown_text);
	}
}

static void signal_line(struct strbuf *out, const char *indent, uint64_t sig, uint64_t flags)
{
	char name[24];
	const char *sname = sig < 256 ? signal_name((unsigned)sig) : NULL;

	if (sname)
		snprintf(name, sizeof(name), "%s", sname);
	else
		snprintf(name, sizeof(name), "%" PRIu64, sig);
	if (flags & F_THREAD)
		line(out, indent, name, "exit signal: unused, the end of a thread is signalled "
		     "to nobody");
	else
		line(out, indent, name, sig ? clone_exit_signal_meaning : clone_no_exit_signal_meaning);
}

/* What a clone or clone3 flag set amounts to. */
static void clone_summary(struct strbuf *out, const char *indent, uint64_t flags, bool clone3)
{
	const char *what;

	if ((flags & F_THREAD) && !(flags & F_SIGHAND))
		what = "an invalid request: CLONE_THREAD without CLONE_SIGHAND fails with EINVAL";
	else if ((flags & F_SIGHAND) && !(flags & F_VM))
		what = "an invalid request: CLONE_SIGHAND without CLONE_VM fails with EINVAL";
	else if (flags & F_THREAD)
		what = "a thread: a new task in the caller's process, sharing its memory and "
		       "signal handlers (pthread_create does this)";
	else if ((flags & (F_VM | F_VFORK)) == (F_VM | F_VFORK))
		what = "a vfork-style spawn: the child borrows the caller's memory while the "
		       "caller waits for its execve or exit (vfork, posix_spawn)";
	else if (flags & F_VM)
		what = "a process that shares the caller's memory but is not a thread: its own "
		       "pid and signal handling";
	else if (flags & F_VFORK)
		what = "a new process, fork-like (a copy of the caller's memory), but the caller "
		       "waits for its execve or exit";
	else
		what = "a new process, fork-like: the child runs on a copy-on-write copy of the "
		       "caller's memory";
	strbuf_printf(out, "%s=> %s\n", indent, what);
	if (flags & (clone3 ? F_NEW_ANY : F_NEW_ANY & ~F_NEWTIME))
		strbuf_printf(out, "%s=> a container-style sandbox: the child starts in new "
			      "namespaces (the CLONE_NEW* lines above)\n", indent);
}

/* "flags in rdi, stack in rsi, ...": the registers of clone's arguments, in order. */
static void clone_register_line(struct strbuf *out, const char *indent, const struct arch *arch)
{
	const struct clone_arg_index *idx = &clone_layouts[arch->clone_layout];
	const struct {
		const char *name;
		int8_t arg;
	} params[] = {
		{ "flags", idx->flags }, { "stack", idx->stack },
		{ "stack_size", idx->stack_size }, { "parent_tid", idx->parent_tid },
		{ "child_tid", idx->child_tid }, { "tls", idx->tls },
	};
	int printed = 0;

	strbuf_printf(out, "%son %s: ", indent, arch->name);
	for (int reg = 0; reg < 6; reg++) {
		for (size_t p = 0; p < sizeof(params) / sizeof(params[0]); p++) {
			if (params[p].arg != reg)
				continue;
			strbuf_printf(out, "%s%s in %s", printed++ ? ", " : "", params[p].name,
				      arch->arg_regs[reg]);
		}
	}
	switch (arch->clone_layout) {
	case CLONE_LAYOUT_BACKWARDS:
		strbuf_puts(out, " (CLONE_BACKWARDS: tls before child_tid)");
		break;
	case CLONE_LAYOUT_BACKWARDS2:
		strbuf_puts(out, " (CLONE_BACKWARDS2: stack before flags)");
		break;
	case CLONE_LAYOUT_BACKWARDS3:
		strbuf_puts(out, " (CLONE_BACKWARDS3: a stack_size argument after stack)");
		break;
	default:
		break;
	}
	strbuf_putc(out, '\n');
}


static void syscall_number_line(struct strbuf *out, const char *indent,
				const struct explain_call *c, const char *result)
{
	long nr = arch_syscall_number(c->arch, c->id);
	if (nr < 0)
		return;
	strbuf_printf(out, "%son %s: syscall number %ld in %s; %s in %s\n", indent,
		      c->arch->name, nr | (long)c->arch->nr_bit, c->arch->nr_reg, result,
		      c->arch->rval_reg);
}

static void explain_clone(struct strbuf *out, const struct explain_call *c, const char *indent)
{
	uint64_t flags = c->flags & ~CSIGNAL;

	flag_lines(out, indent, flags, &xlat_clone2_flags, clone_flag_meanings,
		   "no CLONE_* flag has these bits: clone(2) ignores them");
	signal_line(out, indent, c->flags & CSIGNAL, flags);
	clone_summary(out, indent, flags, false);
	clone_register_line(out, indent, c->arch);
	syscall_number_line(out, indent, c, "the child's tid (0 in the child) comes back");
}

static void explain_clone3(struct strbuf *out, const struct explain_call *c, const char *indent)
{
	if (c->flags_known) {
		flag_lines(out, indent, c->flags, &xlat_clone_flags, clone_flag_meanings,
			   "no CLONE_* flag has these bits: clone3 fails with EINVAL");
		if (c->exit_signal_known)
			signal_line(out, indent, c->exit_signal, c->flags);
		clone_summary(out, indent, c->flags, true);
	}
	strbuf_printf(out, "%son %s: the address of struct clone_args in %s, its size in %s\n",
		      indent, c->arch->name, c->arch->arg_regs[0], c->arch->arg_regs[1]);
	if (c->have_regs)
		strbuf_printf(out, "%sthe whole struct clone_args is in memory at %#" PRIx64
			      " (size %" PRIu64 "): read at entry, so another thread could "
			      "change it before the kernel copies it\n",
			      indent, c->args[0], c->args[1]);
	else
		strbuf_printf(out, "%sthe whole struct clone_args is in memory: read at entry, "
			      "so another thread could change it before the kernel copies it\n",
			      indent);
	syscall_number_line(out, indent, c, "the child's tid (0 in the child) comes back");
}

static void explain_fork(struct strbuf *out, const struct explain_call *c, const char *indent)
{
	if (c->id == SYS_fork)
		strbuf_printf(out, "%s=> a new process, fork-like: a copy-on-write copy of the "
			      "caller, as clone(flags=SIGCHLD)\n", indent);
	else
		strbuf_printf(out, "%s=> a vfork-style spawn: the child borrows the caller's "
			      "memory while the caller waits for its execve or exit, as "
			      "clone(flags=CLONE_VM|CLONE_VFORK|SIGCHLD)\n", indent);
	syscall_number_line(out, indent, c, "no arguments; the child's pid (0 in the child) "
			    "comes back");
}

static void explain_unshare(struct strbuf *out, const struct explain_call *c, const char *indent)
{
	if (!c->flags)
		strbuf_printf(out, "%s=> nothing to unshare: the call changes nothing\n", indent);
	flag_lines(out, indent, c->flags, &xlat_unshare_flags, unshare_flag_meanings,
		   "not a flag unshare accepts: the call fails with EINVAL");
	if (c->flags & F_NEW_ANY)
		strbuf_printf(out, "%s=> a container-style sandbox made in place: the caller "
			      "(not a child) leaves namespaces it shared\n", indent);
	strbuf_printf(out, "%son %s: flags in %s\n", indent, c->arch->name, c->arch->arg_regs[0]);
}

static void explain_setns(struct strbuf *out, const struct explain_call *c, const char *indent)
{
	strbuf_printf(out, "%s=> the caller enters the namespace that fd refers to (a "
		      "/proc/PID/ns/* file, or a pidfd for several at once)\n", indent);
	if (!c->flags)
		line(out, indent, "0", xlat_meaning(setns_type_meanings, 0));
	else
		flag_lines(out, indent, c->flags, &xlat_setns_types, setns_type_meanings,
			   "not a namespace type: the call fails with EINVAL");
	strbuf_printf(out, "%son %s: fd in %s, nstype in %s\n", indent, c->arch->name,
		      c->arch->arg_regs[0], c->arch->arg_regs[1]);
}

void explain_format(struct strbuf *out, const struct explain_call *call, const char *indent)
{
	switch (call->id) {
	case SYS_clone:
		explain_clone(out, call, indent);
		break;
	case SYS_clone3:
		explain_clone3(out, call, indent);
		break;
	case SYS_fork:
	case SYS_vfork:
		explain_fork(out, call, indent);
		break;
	case SYS_unshare:
		explain_unshare(out, call, indent);
		break;
	case SYS_setns:
		explain_setns(out, call, indent);
		break;
	default:
		break;
	}
}

bool explain_event(struct strbuf *out, const struct syscall_event *ev, const char *indent)
{
	struct explain_call call;

	if (!explain_call_from_event(&call, ev))
		return false;
	explain_format(out, &call, indent);
	return true;
}
