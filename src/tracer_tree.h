/*
 * --tree at run time: the tracer loop's hooks into the process tree
 * (include/ctrace/process_tree.h), and where the tree is written when
 * tracing ends.  Every hook is a no-op without --tree.
 */
#ifndef CTRACE_TRACER_TREE_H
#define CTRACE_TRACER_TREE_H

#include <stddef.h>
#include <sys/types.h>

#include "ctrace/filter.h"
#include "ctrace/syscalls.h"
#include "tracee.h"

struct options;

/*
 * After option parsing: `arg` is --tree's argument (NULL: none, or --tree
 * not given when `given` is false).  Decides the format and where it goes.
 * -1 with a message in err.
 */
int tracer_tree_options(struct options *o, bool given, const char *arg, char *err, size_t size);
/* Before tracing: opens --tree-file.  -1 after saying why. */
int tracer_tree_start(const struct options *o);
/* The tree needs this syscall decoded, whatever -e trace= selects. */
bool tracer_tree_wants(enum syscall_id id);
/* -e trace= with the seccomp filter: the tree's syscalls must stop too
 * (callable before tracer_tree_start). */
bool tracer_tree_needs(const struct options *o, enum syscall_id id);

void tracer_tree_root(pid_t pid, bool attached, pid_t leader);
/* A task created untraced (no fork event) that the namespace gate seized. */
void tracer_tree_adopted(pid_t pid);
/* A new task first seen at its own stop, maybe before its parent's fork event. */
void tracer_tree_newborn(pid_t pid);
/* PTRACE_EVENT_{FORK,VFORK,CLONE} of `parent`, which made `child`. */
void tracer_tree_fork(struct tracee *parent, pid_t child);
/* A decoded syscall's exit. */
void tracer_tree_syscall(struct tracee *t);
void tracer_tree_takeover(pid_t former, pid_t leader);
void tracer_tree_exit(pid_t pid, int status);
void tracer_tree_detached(pid_t pid);
/* Tracing is over: writes the tree (before the trace output is closed). */
void tracer_tree_finish(void);

#endif
