/*
 * --tree: the tree of every process and thread that ran, printed when
 * tracing ends.
 *
 * The tree is built from events only, never from re-decoding: the decoded
 * clone/clone3/fork/vfork/execve/execveat/unshare/setns events (their
 * `struct val` arguments and return value), the tracer's fork events
 * (PTRACE_EVENT_FORK/VFORK/CLONE: which task made which, in the tracer's pid
 * namespace) and the wait statuses of the tasks that ended.  src/tracer_tree.c
 * feeds it from the tracer loop (the model is src/process_tree.c); the
 * renderers turn it into text (src/process_tree_text.c), Graphviz DOT
 * (src/process_tree_dot.c) or one JSON object (src/process_tree_json.c), with
 * the phrases of src/process_tree_format.c.
 */
#ifndef CTRACE_PROCESS_TREE_H
#define CTRACE_PROCESS_TREE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "ctrace/event.h"
#include "ctrace/strbuf.h"
#include "ctrace/syscalls.h"

enum ptree_format { PTREE_OFF = 0, PTREE_TEXT, PTREE_DOT, PTREE_JSON };

/* How a task came to be in the tree. */
enum ptree_origin {
	PTREE_STARTED,    /* PROG, started by ctrace */
	PTREE_ATTACHED,   /* -p PID (or one of its threads): it existed before */
	PTREE_CREATED,    /* made by a traced task: see ptree_node.how */
	PTREE_ORPHAN,     /* seen, but never its parent's fork event */
};

/* How a task ended. */
enum ptree_end {
	PTREE_RUNNING,    /* no end seen (ctrace stopped first) */
	PTREE_EXITED,     /* status: the wait status */
	PTREE_KILLED,     /* status: the wait status (signal, core dump) */
	PTREE_DETACHED,   /* ctrace let go of it, still running */
	PTREE_EXEC_LEADER,/* a non-leader thread that ran execve: it went on as the leader */
	PTREE_UNTRACED,   /* created, but not followed (no -f, or CLONE_UNTRACED) */
};

/* Something a task did, kept in order. */
enum ptree_fact_kind {
	PTREE_EXEC,       /* a successful execve/execveat */
	PTREE_NS,         /* a successful unshare/setns with namespace bits */
	PTREE_NS_REFUSED, /* clone/clone3/unshare/setns asking for namespaces that failed */
};

struct ptree_fact {
	enum ptree_fact_kind kind;
	const char *syscall;      /* "execve", "unshare", "clone3", ... */
	struct val *path, *argv;  /* PTREE_EXEC: copies of the event's values */
	uint64_t ns;              /* PTREE_NS*: the CLONE_NEW* bits asked for */
	unsigned error;           /* PTREE_NS_REFUSED: the errno */
	struct ptree_fact *next;
};

/* How a PTREE_CREATED task was made: the creating call's decoded flags. */
struct ptree_how {
	const char *syscall;       /* "clone", "clone3", "fork", "vfork"; NULL: unknown */
	bool have_flags;           /* clone/clone3 whose flags were decoded */
	uint64_t flags;            /* CLONE_* bits, without the exit signal */
	const struct xlat *xlat;   /* the table the decoder named them with */
	uint64_t exit_signal;
};

struct ptree_node {
	pid_t pid;
	unsigned id;               /* creation order: DOT node names */
	enum ptree_origin origin;
	struct ptree_how how;
	bool thread;               /* created with CLONE_THREAD (or attached as one) */
	uint64_t ns_new;           /* CLONE_NEW* bits it was created with */
	const char *command;       /* last exec's basename, else inherited; may be NULL */
	enum ptree_end end;
	int status;                /* PTREE_EXITED, PTREE_KILLED */
	pid_t became;              /* PTREE_EXEC_LEADER: the leader's pid it took */
	bool in_creating_call;     /* its fork event came, the call's exit not yet */
	pid_t hint_tgid, hint_ppid;/* PTREE_ORPHAN: from /proc when first seen */

	struct ptree_node *parent; /* the task that created it */
	struct ptree_node *group;  /* its process's node (itself unless a thread) */
	/* A process's threads and child processes, in creation order; a child
	 * made by one of its threads counts as the process's. */
	struct ptree_node *first_thread, *last_thread;
	struct ptree_node *first_child, *last_child;
	struct ptree_node *next_sibling;
	struct ptree_fact *facts, *last_fact;
	struct ptree_node *next;   /* all nodes, in creation order */
	struct ptree_node *pid_next; /* older nodes in its pid's hash bucket */
};

struct ptree {
	bool followed;             /* -f: children are traced */
	struct ptree_node *nodes, *last_node;
	unsigned count;
	struct ptree_node **by_pid;/* hash buckets, newest node first */
	struct arena arena;        /* owns every node, fact and copied value */
};

void ptree_init(struct ptree *t, bool followed);
void ptree_free(struct ptree *t);

/* ---- events ------------------------------------------------------------ */

/* PROG started (attached false) or a task attached with -p; `leader`: the
 * process it is a thread of (0: it is the process).  `command` may be NULL. */
void ptree_root(struct ptree *t, pid_t pid, bool attached, pid_t leader, const char *command);
/*
 * The tracer's fork event: `parent` made `child`.  `call` is the parent's
 * creating syscall as decoded at its entry (NULL when it was not decoded).
 */
void ptree_fork(struct ptree *t, pid_t parent, pid_t child, const struct syscall_event *call);
/* A decoded syscall of `pid`, complete (entry and exit). */
void ptree_syscall(struct ptree *t, pid_t pid, const struct syscall_event *ev);
/* A non-leader thread `former` ran execve and took over the leader's pid. */
void ptree_exec_takeover(struct ptree *t, pid_t former, pid_t leader);
/* A new task seen before its parent's fork event: its process (tgid) and
 * parent process (ppid), 0 if unknown, for ptree_settle(). */
void ptree_newborn(struct ptree *t, pid_t pid, pid_t tgid, pid_t ppid);
/* Hangs the tasks whose creation was never seen under their process (a
 * thread) or parent process, as ptree_newborn() told; before rendering. */
void ptree_settle(struct ptree *t);
/* A task listed as not followed is traced after all (seized later). */
void ptree_adopted(struct ptree *t, pid_t pid);
/* A task's end: its wait status. */
void ptree_exit(struct ptree *t, pid_t pid, int status);
void ptree_detached(struct ptree *t, pid_t pid);

/* The syscalls the tree needs decoded even when -e trace= leaves them out. */
bool ptree_wants(enum syscall_id id);

/* ---- reading it -------------------------------------------------------- */

/* Roots: tasks without a parent, in creation order. */
struct ptree_node *ptree_first_root(const struct ptree *t);
struct ptree_node *ptree_next_root(const struct ptree *t, const struct ptree_node *n);

/* "clone(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM)", "fork", "started", "attached":
 * the creating call with its flags short (no CLONE_ prefix, no bookkeeping
 * flags such as SETTLS), the exit signal last. */
void ptree_format_how(struct strbuf *out, const struct ptree_node *n);
/* "exited 0", "killed by SIGSEGV (core dumped)", "detached", ... */
void ptree_format_end(struct strbuf *out, const struct ptree_node *n);
/* Namespace types of CLONE_NEW* bits, short: "user pid" (`sep` between). */
void ptree_format_ns(struct strbuf *out, uint64_t ns, const char *sep);
/* One fact: `exec "/bin/true" ["true"]`, `unshare(NEWUSER)`, `setns(NEWNET)`,
 * `unshare(NEWUSER) refused: EPERM`. */
void ptree_format_fact(struct strbuf *out, const struct ptree_fact *f);

/* ---- renderers (each appends the whole tree to `out`) ------------------ */

void ptree_render_text(struct strbuf *out, const struct ptree *t);
void ptree_render_dot(struct strbuf *out, const struct ptree *t);
/* One line (without newline): {"v":1,"type":"tree",...}. */
void ptree_render_json(struct strbuf *out, const struct ptree *t);

#endif
