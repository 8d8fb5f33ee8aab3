/*
 * The process tree's model (include/ctrace/process_tree.h): nodes built from
 * decoded events and the tracer's fork and exit notifications.  The phrases
 * the renderers share are in src/process_tree_format.c.
 */
#include <linux/sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "ctrace/ns_gate.h"
#include "ctrace/process_tree.h"

/* Lookups by pid: every event names a task by pid (a fork storm has thousands). */
#define PID_BUCKETS 4096

void ptree_init(struct ptree *t, bool followed)
{
	memset(t, 0, sizeof(*t));
	t->followed = followed;
}

void ptree_free(struct ptree *t)
{
	arena_free(&t->arena);
	memset(t, 0, sizeof(*t));
}

bool ptree_wants(enum syscall_id id)
{
	switch (id) {
	case SYS_clone:
	case SYS_clone3:
	case SYS_fork:
	case SYS_vfork:
	case SYS_execve:
	case SYS_execveat:
	case SYS_unshare:
	case SYS_setns:
		return true;
	default:
		return false;
	}
}

/* ---- nodes ------------------------------------------------------------- */

static struct ptree_node *node_new(struct ptree *t, pid_t pid, enum ptree_origin origin)
{
	struct ptree_node *n = arena_alloc(&t->arena, sizeof(*n));

	n->pid = pid;
	n->id = t->count++;
	n->origin = origin;
	n->group = n;
	if (!t->by_pid)
		t->by_pid = arena_alloc(&t->arena, PID_BUCKETS * sizeof(*t->by_pid));
	struct ptree_node **bucket = &t->by_pid[(unsigned)pid % PID_BUCKETS];
	n->pid_next = *bucket;
	*bucket = n;
	if (t->last_node)
		t->last_node->next = n;
	else
		t->nodes = n;
	t->last_node = n;
	return n;
}

/* The nodes of `pid`'s bucket, newest first (other pids mixed in). */
static struct ptree_node *bucket_of(const struct ptree *t, pid_t pid)
{
	return t->by_pid ? t->by_pid[(unsigned)pid % PID_BUCKETS] : NULL;
}

/* The newest node of `pid` that has not ended: pids are reused. */
static struct ptree_node *live(const struct ptree *t, pid_t pid)
{
	for (struct ptree_node *n = bucket_of(t, pid); n; n = n->pid_next)
		if (n->pid == pid && n->end == PTREE_RUNNING)
			return n;
	return NULL;
}

/* A task first heard of by an event of its own: its parent's fork event may
 * still come (a child's first stop can come before it). */
static struct ptree_node *live_or_orphan(struct ptree *t, pid_t pid)
{
	struct ptree_node *n = live(t, pid);

	return n ? n : node_new(t, pid, PTREE_ORPHAN);
}

/* Hangs `child` under its owner: a thread joins its creator's process, and a
 * process made by a thread is that process's child too. */
static void link_child(struct ptree_node *parent, struct ptree_node *child)
{
	struct ptree_node *owner = parent->group;
	struct ptree_node **first = child->thread ? &owner->first_thread : &owner->first_child;
	struct ptree_node **last = child->thread ? &owner->last_thread : &owner->last_child;

	child->parent = parent;
	child->group = child->thread ? owner : child;
	if (*last)
		(*last)->next_sibling = child;
	else
		*first = child;
	*last = child;
}

static struct ptree_fact *fact_new(struct ptree *t, struct ptree_node *n,
				   enum ptree_fact_kind kind, const char *syscall)
{
	struct ptree_fact *f = arena_alloc(&t->arena, sizeof(*f));

	f->kind = kind;
	f->syscall = syscall;
	if (n->last_fact)
		n->last_fact->next = f;
	else
		n->facts = f;
	n->last_fact = f;
	return f;
}

/* ---- reading decoded events ------------------------------------------- */

static enum syscall_id event_id(const struct syscall_event *ev)
{
	return ev->desc ? (enum syscall_id)(ev->desc - syscall_descs) : SYS_none;
}

static const struct val *nth_arg(const struct syscall_event *ev, unsigned i)
{
	const struct val *v = ev->args_list.head;

	while (v && i--)
		v = v->next;
	return v;
}

static const struct val *member(const struct val *s, const char *name)
{
	for (const struct val *c = s ? s->children : NULL; c; c = c->next)
		if (c->name && !strcmp(c->name, name))
			return c;
	return NULL;
}

/* The creating call as its decoder showed it at entry. */
static struct ptree_how how_of(const struct syscall_event *ev)
{
	struct ptree_how how = { 0 };
	const struct val *flags = NULL, *sig = NULL;

	if (!ev || !ev->desc)
		return how;
	how.syscall = ev->desc->name;
	switch (event_id(ev)) {
	case SYS_clone:
		for (const struct val *v = ev->args_list.head; v; v = v->next)
			if (v->name && !strcmp(v->name, "flags"))
				flags = v;
		break;
	case SYS_clone3: {
		const struct val *s = nth_arg(ev, 0);
		if (s && s->kind == VAL_STRUCT) {
			flags = member(s, "flags");
			sig = member(s, "exit_signal");
		}
		break;
	}
	case SYS_fork:
	case SYS_vfork:
		break;
	default:
		how.syscall = NULL;
		return how;
	}
	if (flags && flags->kind == VAL_FLAGS) {
		how.have_flags = true;
		how.flags = flags->flags.bits & ~flags->flags.signal_mask;
		how.exit_signal = flags->flags.bits & flags->flags.signal_mask;
		how.xlat = flags->flags.xlat;
	}
	if (sig && (sig->kind == VAL_SIGNAL || sig->kind == VAL_UINT))
		how.exit_signal = sig->u;
	return how;
}

/* The namespace bits a call asks for (clone's low byte is its exit signal). */
static uint64_t ns_bits(const struct ptree_how *how)
{
	return how->have_flags ? how->flags & NS_FLAGS_ALL : 0;
}

static void set_how(struct ptree_node *n, const struct ptree_how *how)
{
	n->how = *how;
	n->thread = how->have_flags && (how->flags & CLONE_THREAD);
	n->ns_new = ns_bits(how);
}

/* ---- events ------------------------------------------------------------ */

void ptree_root(struct ptree *t, pid_t pid, bool attached, pid_t leader, const char *command)
{
	struct ptree_node *n = node_new(t, pid, attached ? PTREE_ATTACHED : PTREE_STARTED);
	struct ptree_node *lead = leader ? live(t, leader) : NULL;

	if (command)
		n->command = arena_strndup(&t->arena, command, strlen(command));
	if (lead) {
		n->thread = true;
		link_child(lead, n);
		if (!n->command)
			n->command = lead->command;
	}
}

void ptree_fork(struct ptree *t, pid_t parent, pid_t child, const struct syscall_event *call)
{
	struct ptree_node *p = live_or_orphan(t, parent);
	struct ptree_node *c = NULL;

	/* A child heard of before this event is an orphan waiting for it. */
	for (struct ptree_node *n = bucket_of(t, child); n && !c; n = n->pid_next)
		if (n->pid == child && n->origin == PTREE_ORPHAN && !n->parent)
			c = n;
	if (!c)
		c = node_new(t, child, PTREE_CREATED);
	c->origin = PTREE_CREATED;
	struct ptree_how how = how_of(call);
	set_how(c, &how);
	if (!c->command)
		c->command = p->command;
	link_child(p, c);
	p->in_creating_call = true;
}

static const char *base_name(struct ptree *t, const struct val *path)
{
	if (!path || path->kind != VAL_STR)
		return NULL;
	const char *s = path->str.bytes;
	size_t len = path->str.len;
	const char *slash = memrchr(s, '/', len);
	if (slash) {
		len -= (size_t)(slash + 1 - s);
		s = slash + 1;
	}
	return arena_strndup(&t->arena, s, len);
}

static void exec_done(struct ptree *t, struct ptree_node *n, const struct syscall_event *ev,
		      unsigned path_arg)
{
	struct ptree_fact *f = fact_new(t, n, PTREE_EXEC, ev->desc->name);
	const struct val *path = nth_arg(ev, path_arg);
	const struct val *argv = nth_arg(ev, path_arg + 1);

	f->path = path ? val_copy(&t->arena, path) : NULL;
	f->argv = argv ? val_copy(&t->arena, argv) : NULL;
	const char *cmd = base_name(t, path);
	if (cmd && *cmd)      /* fexecve's path is "" */
		n->command = cmd;
}

/* A creating call's exit.  With -f its child is already linked (the fork
 * event comes first); otherwise it was not followed. */
static void creation_done(struct ptree *t, struct ptree_node *n, const struct syscall_event *ev)
{
	bool made = n->in_creating_call;
	struct ptree_how how = how_of(ev);

	n->in_creating_call = false;
	if (!ev->exited)
		return;
	if (ev->error) {
		uint64_t ns = ns_bits(&how);
		if (ns) {
			struct ptree_fact *f = fact_new(t, n, PTREE_NS_REFUSED, ev->desc->name);
			f->ns = ns;
			f->error = ev->error;
		}
		return;
	}
	/* rval 0: the child's side of the call (a child traced from its start). */
	if (made || ev->rval <= 0)
		return;
	struct ptree_node *c = node_new(t, (pid_t)ev->rval, PTREE_CREATED);
	set_how(c, &how);
	c->command = n->command;
	c->end = PTREE_UNTRACED;
	link_child(n, c);
}

static void ns_call_done(struct ptree *t, struct ptree_node *n, const struct syscall_event *ev,
			 unsigned flags_arg)
{
	const struct val *flags = nth_arg(ev, flags_arg);
	uint64_t ns = flags && flags->kind == VAL_FLAGS ? flags->flags.bits & NS_FLAGS_ALL : 0;
	bool is_setns = event_id(ev) == SYS_setns;

	if (!ev->exited || (!ns && !is_setns))
		return;   /* an unshare of other things (CLONE_FILES): no namespace */
	struct ptree_fact *f = fact_new(t, n, ev->error ? PTREE_NS_REFUSED : PTREE_NS,
					ev->desc->name);
	f->ns = ns;
	f->error = ev->error;
}

void ptree_syscall(struct ptree *t, pid_t pid, const struct syscall_event *ev)
{
	if (!ev->desc)
		return;
	enum syscall_id id = event_id(ev);
	if (!ptree_wants(id))
		return;
	struct ptree_node *n = live_or_orphan(t, pid);
	bool ok = ev->exited && !ev->error;

	switch (id) {
	case SYS_clone:
	case SYS_clone3:
	case SYS_fork:
	case SYS_vfork:
		creation_done(t, n, ev);
		break;
	case SYS_execve:
		if (ok)
			exec_done(t, n, ev, 0);
		break;
	case SYS_execveat:
		if (ok)
			exec_done(t, n, ev, 1);
		break;
	case SYS_unshare:
		ns_call_done(t, n, ev, 0);
		break;
	case SYS_setns:
		ns_call_done(t, n, ev, 1);
		break;
	default:
		break;
	}
}

void ptree_newborn(struct ptree *t, pid_t pid, pid_t tgid, pid_t ppid)
{
	if (live(t, pid))
		return;   /* its fork event came first */
	struct ptree_node *n = node_new(t, pid, PTREE_ORPHAN);
	n->hint_tgid = tgid;
	n->hint_ppid = ppid;
}

void ptree_settle(struct ptree *t)
{
	for (struct ptree_node *n = t->nodes; n; n = n->next) {
		if (n->origin != PTREE_ORPHAN || n->parent)
			continue;
		bool thread = n->hint_tgid && n->hint_tgid != n->pid;
		pid_t owner_pid = thread ? n->hint_tgid : n->hint_ppid;
		struct ptree_node *owner = NULL;
		/* The newest earlier node of that pid: the owner existed first. */
		for (struct ptree_node *o = bucket_of(t, owner_pid); o && !owner; o = o->pid_next)
			if (o->pid == owner_pid && !o->thread && o->id < n->id)
				owner = o;
		if (!owner_pid || !owner)
			continue;
		n->thread = thread;
		if (!n->command)
			n->command = owner->command;
		link_child(owner, n);
	}
}

void ptree_adopted(struct ptree *t, pid_t pid)
{
	struct ptree_node *found = NULL;

	for (struct ptree_node *n = bucket_of(t, pid); n && !found; n = n->pid_next)
		if (n->pid == pid && n->end == PTREE_UNTRACED)
			found = n;
	if (found)
		found->end = PTREE_RUNNING;
}

void ptree_exec_takeover(struct ptree *t, pid_t former, pid_t leader)
{
	struct ptree_node *n = live(t, former);

	if (!n)
		return;
	n->end = PTREE_EXEC_LEADER;
	n->became = leader;
}

void ptree_exit(struct ptree *t, pid_t pid, int status)
{
	struct ptree_node *n = live_or_orphan(t, pid);

	n->end = WIFSIGNALED(status) ? PTREE_KILLED : PTREE_EXITED;
	n->status = status;
}

void ptree_detached(struct ptree *t, pid_t pid)
{
	struct ptree_node *n = live(t, pid);

	if (n)
		n->end = PTREE_DETACHED;
}

/* ---- reading it -------------------------------------------------------- */

struct ptree_node *ptree_first_root(const struct ptree *t)
{
	struct ptree_node *n = t->nodes;

	while (n && n->parent)
		n = n->next;
	return n;
}

struct ptree_node *ptree_next_root(const struct ptree *t, const struct ptree_node *n)
{
	struct ptree_node *r = n->next;

	while (r && r->parent)
		r = r->next;
	return r;
}
