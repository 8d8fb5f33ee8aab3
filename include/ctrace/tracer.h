/*
 * The tracer: starts or attaches to processes, follows them with ptrace and
 * hands every stop to the decoders and the output.  This is the only part of
 * ctrace that calls ptrace.
 */
#ifndef CTRACE_TRACER_H
#define CTRACE_TRACER_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "ctrace/decode.h"
#include "ctrace/filter.h"
#include "ctrace/summary.h"
#include "ctrace/timestamps.h"

struct options {
	int follow_forks;          /* -f: 1, -ff: 2 */
	const char *outfile;       /* -o FILE */
	pid_t *attach_pids;        /* -p PID... */
	int nattach;
	int quiet;                 /* -q: 1, -qq: 2, -qqq: 3 */
	bool explain;              /* --explain: sentences under clone & co (src/explain.c) */
	struct decode_opts decode; /* -s, -v */
	struct trace_filter filter;/* -e trace=SET */
	char **argv;               /* PROG ARGS..., NULL when only attaching */
	const char *prog_path;     /* PROG found in $PATH, as execve gets it */
	int ns_gate;               /* --deny=/--audit=namespaces: enum ns_gate_mode */
	const char *ns_report;     /* --report=FILE (src/ns_gate.c) */
	int seccomp_trace;         /* --seccomp-bpf=off: enum seccomp_trace_mode */
	bool json;                 /* --json: JSON Lines instead of text (src/print_json.c) */
	struct summary_opts summary; /* -c, -C, -S, -U, -w (src/summary.c) */
	int status_filter;         /* -z, -Z: enum status_filter (ctrace/status_filter.h) */
	struct ts_opts ts;         /* -t, -tt, -ttt, -r, -T (src/timestamps.c) */
	bool always_show_pid;      /* --always-show-pid: a pid on every line */
	int color;                 /* --color=: enum color_mode (src/color.c) */
	bool stack_trace;          /* -k: each call's user stack (src/stack_trace.c) */
	int tree;                  /* --tree[=FORMAT]: enum ptree_format (src/tracer_tree.c) */
	const char *tree_file;     /* --tree-file=FILE */
	bool tree_stderr;          /* the tree goes to stderr, not to the trace's -o FILE */
};

/*
 * Runs the whole trace.  Returns the exit status ctrace should exit with:
 * the started program's status (or 0 when only attaching); when the program
 * was killed by a signal, *term_signal is set to it so that main() can die
 * the same way.
 */
int tracer_run(const struct options *opts, int *term_signal);

#endif
