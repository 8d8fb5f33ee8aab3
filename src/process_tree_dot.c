/*
 * --tree=dot: the tree as a Graphviz digraph, for `dot -Tpng`.
 *
 * A box per process, an oval per thread, and a dashed cluster around every
 * process that had threads.  A box says pid and command, what the task
 * exec'd and did to namespaces, and how it ended; the edge from its creator
 * says how it was created (dashed for threads).  Tasks that created or
 * entered namespaces are filled gold, refused attempts pink, deaths by a
 * signal have a red border, tasks not followed a dotted one.
 */
#include <linux/sched.h>
#include <string.h>

#include "ctrace/print.h"
#include "ctrace/process_tree.h"

/* Longer label lines are cut: a picture is read at a glance. */
#define LABEL_LINE_MAX 48

/* `text` inside a DOT string: a backslash would start one of Graphviz's
 * label escapes (\N, \l, ...), a quote would end the string. */
static void dot_escape(struct strbuf *out, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '"' || text[i] == '\\')
			strbuf_putc(out, '\\');
		strbuf_putc(out, text[i]);
	}
}

/* One label line (ends in \n), cut to LABEL_LINE_MAX characters. */
static void label_line(struct strbuf *out, const char *text, size_t len)
{
	bool cut = len > LABEL_LINE_MAX;

	dot_escape(out, text, cut ? LABEL_LINE_MAX - 3 : len);
	if (cut)
		strbuf_puts(out, "...");
	strbuf_puts(out, "\\n");
}

static void flush_line(struct strbuf *out, struct strbuf *line)
{
	label_line(out, strbuf_str(line), line->len);
	strbuf_reset(line);
}

static bool touched_ns(const struct ptree_node *n, bool *refused)
{
	bool made = n->ns_new != 0;

	*refused = false;
	for (const struct ptree_fact *f = n->facts; f; f = f->next) {
		made |= f->kind == PTREE_NS;
		*refused |= f->kind == PTREE_NS_REFUSED;
	}
	return made;
}

static void node(struct strbuf *out, const struct ptree_node *n, const char *indent)
{
	struct strbuf line = STRBUF_INIT;
	bool refused, made = touched_ns(n, &refused);

	strbuf_printf(out, "%sn%u [label=\"", indent, n->id);
	if (n->thread)
		strbuf_printf(&line, "thread %d", (int)n->pid);
	else
		strbuf_printf(&line, "%d %s", (int)n->pid, n->command ? n->command : "");
	flush_line(out, &line);
	if (!n->parent) {        /* no edge tells how it came to be */
		ptree_format_how(&line, n);
		flush_line(out, &line);
	}
	if (n->ns_new) {
		strbuf_puts(&line, "new ns: ");
		ptree_format_ns(&line, n->ns_new, " ");
		flush_line(out, &line);
	}
	for (const struct ptree_fact *f = n->facts; f; f = f->next) {
		if (f->kind == PTREE_EXEC && f->path && f->argv) {
			/* Path and argv on lines of their own: both stay readable. */
			strbuf_puts(&line, "exec ");
			strace_format_val(&line, f->path);
			flush_line(out, &line);
			strace_format_val(&line, f->argv);
		} else {
			ptree_format_fact(&line, f);
		}
		flush_line(out, &line);
	}
	ptree_format_end(&line, n);
	flush_line(out, &line);
	strbuf_putc(out, '"');
	if (n->thread)
		strbuf_puts(out, ", shape=oval");
	if (made || refused)
		strbuf_printf(out, ", style=\"%s,filled\", fillcolor=\"%s\"",
			      n->thread ? "solid" : "rounded", made ? "#ffd966" : "#f4b6c2");
	else if (n->end == PTREE_UNTRACED)
		strbuf_printf(out, ", style=\"%s,dotted\"", n->thread ? "solid" : "rounded");
	if (n->end == PTREE_KILLED)
		strbuf_puts(out, ", color=\"#cc0000\", penwidth=2");
	strbuf_puts(out, "];\n");
	strbuf_free(&line);
}

/* What pthread_create asks for (and the flags about tid and TLS pointers). */
#define PTHREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		       CLONE_SYSVSEM)
#define POINTER_FLAGS (CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | \
		       CLONE_CHILD_SETTID | CLONE_PIDFD | CLONE_DETACHED)

static void edge(struct strbuf *out, const struct ptree_node *n)
{
	struct strbuf how = STRBUF_INIT;

	/* Edges to a process's many threads: "clone3: thread" keeps the picture
	 * narrow; a thread made with other flags shows them all. */
	if (n->thread && n->how.have_flags && !n->how.exit_signal &&
	    (n->how.flags & ~(uint64_t)POINTER_FLAGS) == PTHREAD_FLAGS)
		strbuf_printf(&how, "%s: thread", n->how.syscall);
	else
		ptree_format_how(&how, n);
	strbuf_printf(out, "\tn%u -> n%u [label=\"", n->parent->id, n->id);
	label_line(out, strbuf_str(&how), how.len);
	out->len -= 2;     /* an edge label has one line: drop its \n */
	out->buf[out->len] = 0;
	strbuf_putc(out, '"');
	if (n->thread)
		strbuf_puts(out, ", style=dashed");
	strbuf_puts(out, "];\n");
	strbuf_free(&how);
}

void ptree_render_dot(struct strbuf *out, const struct ptree *t)
{
	unsigned procs = 0, threads = 0;

	for (const struct ptree_node *n = t->nodes; n; n = n->next) {
		if (n->thread)
			threads++;
		else
			procs++;
	}
	strbuf_puts(out, "digraph ctrace_tree {\n");
	strbuf_printf(out, "\tlabel=\"ctrace --tree: %u process%s, %u thread%s%s\";\n", procs,
		      procs == 1 ? "" : "es", threads, threads == 1 ? "" : "s",
		      t->followed ? "" : " (without -f: children not followed)");
	strbuf_puts(out, "\tlabelloc=t; fontname=\"Helvetica\";\n"
		    "\tnode [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
		    "\tedge [fontname=\"Helvetica\", fontsize=9];\n");
	for (const struct ptree_node *n = t->nodes; n; n = n->next) {
		if (n->thread && n->group != n && n->group->first_thread)
			continue;       /* drawn in its process's cluster */
		if (!n->first_thread) {
			node(out, n, "\t");
			continue;
		}
		strbuf_printf(out, "\tsubgraph cluster_n%u {\n", n->id);
		strbuf_printf(out, "\t\tlabel=\"process %d ", (int)n->pid);
		if (n->command)
			dot_escape(out, n->command, strlen(n->command));
		strbuf_puts(out, "\"; style=dashed; color=\"#888888\";\n");
		node(out, n, "\t\t");
		for (const struct ptree_node *th = n->first_thread; th; th = th->next_sibling)
			node(out, th, "\t\t");
		strbuf_puts(out, "\t}\n");
	}
	for (const struct ptree_node *n = t->nodes; n; n = n->next)
		if (n->parent)
			edge(out, n);
	strbuf_puts(out, "}\n");
}
