/*
 * --tree as text: one line per task, indented like pstree -A, a process's
 * threads before its child processes.
 *
 *   process tree: 3 processes, 2 threads
 *   1234 tree_prog: started, exec "./tree_prog" ["tree_prog"], exited 0
 *   |-- 1235 true: clone(SIGCHLD), exec "/bin/true" ["true"], exited 0
 *   `-- 1236 tree_prog: clone(SIGCHLD), killed by SIGKILL
 *       |-- thread 1237: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), killed by SIGKILL
 *       `-- thread 1238: clone3(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM), killed by SIGKILL
 */
#include "ctrace/process_tree.h"

static void node_line(struct strbuf *out, const struct ptree_node *n)
{
	if (n->thread)
		strbuf_printf(out, "thread %d: ", (int)n->pid);
	else if (n->command)
		strbuf_printf(out, "%d %s: ", (int)n->pid, n->command);
	else
		strbuf_printf(out, "%d: ", (int)n->pid);
	ptree_format_how(out, n);
	/* Listed under the process, but made by one of its threads. */
	if (!n->thread && n->parent && n->parent->thread)
		strbuf_printf(out, " by thread %d", (int)n->parent->pid);
	for (const struct ptree_fact *f = n->facts; f; f = f->next) {
		strbuf_puts(out, ", ");
		ptree_format_fact(out, f);
	}
	strbuf_puts(out, ", ");
	ptree_format_end(out, n);
	strbuf_putc(out, '\n');
}

static void subtree(struct strbuf *out, const struct ptree_node *n, struct strbuf *indent);

/* The lines of `first` and its siblings; `more` when others follow them. */
static void siblings(struct strbuf *out, const struct ptree_node *first, bool more,
		     struct strbuf *indent)
{
	for (const struct ptree_node *c = first; c; c = c->next_sibling) {
		bool last = !c->next_sibling && !more;
		size_t len = indent->len;

		strbuf_add(out, indent->buf ? indent->buf : "", indent->len);
		strbuf_puts(out, last ? "`-- " : "|-- ");
		strbuf_puts(indent, last ? "    " : "|   ");
		subtree(out, c, indent);
		indent->len = len;
		if (indent->buf)
			indent->buf[len] = 0;
	}
}

static void subtree(struct strbuf *out, const struct ptree_node *n, struct strbuf *indent)
{
	node_line(out, n);
	siblings(out, n->first_thread, n->first_child != NULL, indent);
	siblings(out, n->first_child, false, indent);
}

void ptree_render_text(struct strbuf *out, const struct ptree *t)
{
	unsigned procs = 0, threads = 0;
	struct strbuf indent = STRBUF_INIT;

	for (const struct ptree_node *n = t->nodes; n; n = n->next) {
		if (n->thread)
			threads++;
		else
			procs++;
	}
	strbuf_printf(out, "process tree: %u process%s, %u thread%s\n", procs,
		      procs == 1 ? "" : "es", threads, threads == 1 ? "" : "s");
	if (!t->followed)
		strbuf_puts(out, "(without -f only PROG or the -p tasks are traced: the tasks "
			    "they created are listed as not followed)\n");
	for (const struct ptree_node *r = ptree_first_root(t); r; r = ptree_next_root(t, r))
		subtree(out, r, &indent);
	strbuf_free(&indent);
}
