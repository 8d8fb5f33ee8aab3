/*
 * --tree at run time (src/tracer_tree.h): the tracer's events go to the
 * process tree, which is written when tracing ends:
 *
 *   --tree-file=FILE  to FILE;
 *   otherwise         after the trace, on the trace's own output (stderr,
 *                     or -o FILE; stderr with -ff, whose traces are split).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrace/process_tree.h"
#include "ctrace/tracer.h"
#include "output.h"
#include "tracer_tree.h"

static struct {
	const struct options *opts;
	bool on;
	struct ptree tree;
	FILE *file;          /* --tree-file */
} tt;

int tracer_tree_options(struct options *o, bool given, const char *arg, char *err, size_t size)
{
	if (!given && !o->tree_file)
		return 0;
	if (!arg)
		o->tree = o->json && !o->tree_file ? PTREE_JSON : PTREE_TEXT;
	else if (!strcmp(arg, "text"))
		o->tree = PTREE_TEXT;
	else if (!strcmp(arg, "dot"))
		o->tree = PTREE_DOT;
	else if (!strcmp(arg, "json"))
		o->tree = PTREE_JSON;
	else {
		snprintf(err, size, "--tree: expected text, dot or json, not '%s'", arg);
		return -1;
	}
	if (o->json && !o->tree_file && o->tree != PTREE_JSON) {
		snprintf(err, size, "--tree=%s with --json needs --tree-file=FILE (it would break "
			 "the JSON Lines)", arg);
		return -1;
	}
	/* Decided now: the namespace gate may point -o at /dev/null later. */
	o->tree_stderr = !o->tree_file && !o->outfile;
	return 0;
}

int tracer_tree_start(const struct options *o)
{
	tt.opts = o;
	tt.on = o->tree != PTREE_OFF;
	if (!tt.on)
		return 0;
	if (o->tree_file) {
		tt.file = fopen(o->tree_file, "we");
		if (!tt.file) {
			output_note("Can't fopen '%s': %s", o->tree_file, strerror(errno));
			tt.on = false;
			return -1;
		}
	}
	ptree_init(&tt.tree, o->follow_forks > 0);
	return 0;
}

bool tracer_tree_wants(enum syscall_id id)
{
	return tt.on && ptree_wants(id);
}

bool tracer_tree_needs(const struct options *o, enum syscall_id id)
{
	return o->tree != PTREE_OFF && ptree_wants(id);
}

/* An attached task's name: it ran no execve we saw. */
static const char *comm_of(pid_t pid, char *buf, size_t size)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return NULL;
	const char *name = fgets(buf, (int)size, f);
	fclose(f);
	if (name)
		buf[strcspn(buf, "\n")] = 0;
	return name;
}

void tracer_tree_root(pid_t pid, bool attached, pid_t leader)
{
	char comm[64];

	if (tt.on)
		ptree_root(&tt.tree, pid, attached, leader,
			   attached ? comm_of(pid, comm, sizeof(comm)) : NULL);
}

/*
 * Where a new task belongs, from /proc/PID/status: its process (Tgid) and
 * its parent process (PPid).  The tree uses them only if the parent's fork
 * event never comes (the parent killed while stopped at it).
 */
void tracer_tree_newborn(pid_t pid)
{
	char path[64], line[256];
	pid_t tgid = 0, ppid = 0;

	if (!tt.on)
		return;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "Tgid:", 5))
			tgid = (pid_t)atoi(line + 5);
		else if (!strncmp(line, "PPid:", 5))
			ppid = (pid_t)atoi(line + 5);
	}
	fclose(f);
	ptree_newborn(&tt.tree, pid, tgid, ppid);
}

void tracer_tree_adopted(pid_t pid)
{
	if (tt.on)
		ptree_adopted(&tt.tree, pid);
}

void tracer_tree_fork(struct tracee *parent, pid_t child)
{
	if (!tt.on)
		return;
	/* The creating call as decoded at its entry (the fork event comes
	 * inside it, before its exit). */
	bool decoded = parent->in_syscall && parent->syscall_decoded;
	ptree_fork(&tt.tree, parent->pid, child, decoded ? &parent->ev : NULL);
}

void tracer_tree_syscall(struct tracee *t)
{
	if (tt.on)
		ptree_syscall(&tt.tree, t->pid, &t->ev);
}

void tracer_tree_takeover(pid_t former, pid_t leader)
{
	if (tt.on)
		ptree_exec_takeover(&tt.tree, former, leader);
}

void tracer_tree_exit(pid_t pid, int status)
{
	if (tt.on)
		ptree_exit(&tt.tree, pid, status);
}

void tracer_tree_detached(pid_t pid)
{
	if (tt.on)
		ptree_detached(&tt.tree, pid);
}

void tracer_tree_finish(void)
{
	struct strbuf sb = STRBUF_INIT;

	if (!tt.on)
		return;
	ptree_settle(&tt.tree);
	switch (tt.opts->tree) {
	case PTREE_DOT:
		ptree_render_dot(&sb, &tt.tree);
		break;
	case PTREE_JSON:
		ptree_render_json(&sb, &tt.tree);
		strbuf_putc(&sb, '\n');
		break;
	default:
		ptree_render_text(&sb, &tt.tree);
		break;
	}
	if (tt.file) {
		fwrite(strbuf_str(&sb), 1, sb.len, tt.file);
		if (fclose(tt.file) != 0)
			output_note("can't write '%s': %s", tt.opts->tree_file, strerror(errno));
		tt.file = NULL;
	} else if (tt.opts->tree_stderr) {
		output_flush();
		fwrite(strbuf_str(&sb), 1, sb.len, stderr);
	} else {
		output_trailer(strbuf_str(&sb), sb.len);
	}
	strbuf_free(&sb);
	ptree_free(&tt.tree);
	tt.on = false;
}
