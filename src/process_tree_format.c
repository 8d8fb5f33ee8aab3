/*
 * The phrases every --tree renderer shares (include/ctrace/process_tree.h):
 * how a task was created, what it did, how it ended.
 */
#include <linux/sched.h>
#include <string.h>
#include <sys/wait.h>

#include "ctrace/ns_gate.h"
#include "ctrace/print.h"
#include "ctrace/process_tree.h"
#include "ctrace/xlat.h"

/* Flags about pointers the kernel writes, not about the new task: left out
 * of the short form so that what remains says what kind of task it is. */
#define BOOKKEEPING_FLAGS (CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | \
			   CLONE_CHILD_SETTID | CLONE_PIDFD | CLONE_DETACHED)

/* Namespace types by CLONE_NEW* bit, as /proc/PID/ns/ names them. */
static const struct xlat_entry ns_type_entries[] = {
	{ CLONE_NEWUSER, "user" },
	{ CLONE_NEWPID, "pid" },
	{ CLONE_NEWNS, "mnt" },
	{ CLONE_NEWNET, "net" },
	{ CLONE_NEWUTS, "uts" },
	{ CLONE_NEWIPC, "ipc" },
	{ CLONE_NEWCGROUP, "cgroup" },
	{ NS_CLONE_NEWTIME, "time" },
	{ 0, NULL }
};

void ptree_format_ns(struct strbuf *out, uint64_t ns, const char *sep)
{
	bool first = true;

	for (const struct xlat_entry *e = ns_type_entries; e->name; e++) {
		if (!(ns & e->value))
			continue;
		if (!first)
			strbuf_puts(out, sep);
		strbuf_puts(out, e->name);
		first = false;
	}
}

/* "VM|FS|...|SIGCHLD": the table's names without their CLONE_ prefix. */
static void short_flags(struct strbuf *out, uint64_t bits, const struct xlat *xlat,
			uint64_t exit_signal)
{
	size_t start = out->len;

	for (const struct xlat_entry *e = xlat ? xlat->entries : NULL; e && e->name; e++) {
		if (!e->value || (bits & e->value) != e->value)
			continue;
		bits &= ~e->value;
		if (out->len != start)
			strbuf_putc(out, '|');
		strbuf_puts(out, strncmp(e->name, "CLONE_", 6) ? e->name : e->name + 6);
	}
	if (bits)
		strbuf_printf(out, "%s%#llx", out->len != start ? "|" : "",
			      (unsigned long long)bits);
	if (exit_signal) {
		const char *name = signal_name((unsigned)exit_signal);
		if (out->len != start)
			strbuf_putc(out, '|');
		if (name)
			strbuf_puts(out, name);
		else
			strbuf_printf(out, "%llu", (unsigned long long)exit_signal);
	}
	if (out->len == start)
		strbuf_putc(out, '0');
}

void ptree_format_how(struct strbuf *out, const struct ptree_node *n)
{
	switch (n->origin) {
	case PTREE_STARTED:
		strbuf_puts(out, "started");
		return;
	case PTREE_ATTACHED:
		strbuf_puts(out, "attached");
		return;
	case PTREE_ORPHAN:
		strbuf_puts(out, "creation not seen");
		return;
	case PTREE_CREATED:
		break;
	}
	if (!n->how.syscall) {
		strbuf_puts(out, "created");
		return;
	}
	strbuf_puts(out, n->how.syscall);
	if (!n->how.have_flags) {
		if (strcmp(n->how.syscall, "fork") && strcmp(n->how.syscall, "vfork"))
			strbuf_puts(out, "(?)");
		return;
	}
	strbuf_putc(out, '(');
	short_flags(out, n->how.flags & ~(uint64_t)BOOKKEEPING_FLAGS, n->how.xlat,
		    n->how.exit_signal);
	strbuf_putc(out, ')');
}

void ptree_format_end(struct strbuf *out, const struct ptree_node *n)
{
	switch (n->end) {
	case PTREE_RUNNING:
		strbuf_puts(out, "end not seen");
		break;
	case PTREE_EXITED:
		strbuf_printf(out, "exited %d", WEXITSTATUS(n->status));
		break;
	case PTREE_KILLED: {
		const char *name = signal_name((unsigned)WTERMSIG(n->status));
		if (name)
			strbuf_printf(out, "killed by %s", name);
		else
			strbuf_printf(out, "killed by signal %d", WTERMSIG(n->status));
		if (WCOREDUMP(n->status))
			strbuf_puts(out, " (core dumped)");
		break;
	}
	case PTREE_DETACHED:
		strbuf_puts(out, "detached");
		break;
	case PTREE_EXEC_LEADER:
		strbuf_printf(out, "ran execve, went on as pid %d", (int)n->became);
		break;
	case PTREE_UNTRACED:
		strbuf_puts(out, "not followed");
		break;
	}
}

/* "unshare(NEWUSER|NEWNS)": the namespace bits with the syscall that asked. */
static void ns_call(struct strbuf *out, const struct ptree_fact *f)
{
	strbuf_printf(out, "%s(", f->syscall);
	short_flags(out, f->ns, &xlat_unshare_flags, 0);
	strbuf_putc(out, ')');
}

void ptree_format_fact(struct strbuf *out, const struct ptree_fact *f)
{
	switch (f->kind) {
	case PTREE_EXEC:
		strbuf_puts(out, "exec ");
		if (f->path)
			strace_format_val(out, f->path);
		if (f->argv) {
			strbuf_putc(out, ' ');
			strace_format_val(out, f->argv);
		}
		break;
	case PTREE_NS:
		ns_call(out, f);
		break;
	case PTREE_NS_REFUSED: {
		ns_call(out, f);
		const char *name = xlat_name(&xlat_errno_names, f->error);
		if (name)
			strbuf_printf(out, " refused: %s", name);
		else
			strbuf_printf(out, " refused: errno %u", f->error);
		break;
	}
	}
}
