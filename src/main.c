/* ctrace's command line: options as strace spells them. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctrace/decode_sockaddr.h"
#include "ctrace/color.h"
#include "ctrace/explain.h"
#include "ctrace/ns_gate.h"
#include "ctrace/print.h"
#include "ctrace/seccomp_trace.h"
#include "ctrace/stack_trace.h"
#include "ctrace/status_filter.h"
#include "ctrace/tracer.h"
#include "tracer_tree.h"

/* Long options without a short form (getopt_long's values past any char). */
enum {
	OPT_SECCOMP_BPF = 256,
	OPT_TRACE,
	OPT_ABSOLUTE_TS,
	OPT_ALWAYS_SHOW_PID,
	OPT_COLOR,
	OPT_TREE,            /* src/tracer_tree.c */
	OPT_TREE_FILE,
	OPT_EXPLAIN,         /* src/explain.c */
	OPT_DECODE_FDS,      /* -y: src/tracee_memory.c resolves, src/print_strace.c prints */
};

static const char usage_text[] =
	"Usage: ctrace [-f|-ff] [-o FILE] [-p PID]... [-e trace=SET] [-k] [-q|-qq] [-s N] [-v]\n"
	"              [-c|-C [-S SORTBY] [-U COLUMNS] [-w]] [-z|-Z]\n"
	"              [-t|-tt|-ttt] [-r] [-T] [--always-show-pid] [--color=WHEN]\n"
	"              [-X raw|abbrev|verbose] [-y]\n"
	"              [--deny=namespaces|--audit=namespaces [--report=FILE]] [PROG [ARGS...]]\n"
	"Trace the system calls of PROG, or of the running processes PID, as strace does.\n"
	"\n"
	"  -f              follow forks, vforks and clones (threads too)\n"
	"  -ff             with -o FILE, write each process's trace to FILE.PID\n"
	"  -o FILE, --output=FILE  write the trace to FILE instead of standard error\n"
	"  -p PID, --attach=PID  attach to process PID (repeatable; with -f, all its\n"
	"                  threads)\n"
	"  -e trace=SET, --trace=SET  trace only SET: names, %class (%process, %file,\n"
	"                  %network, %signal, %ipc, %desc, %memory, %creds, %clock,\n"
	"                  %pure, %namespace...), all, none; a leading ! negates\n"
	"  -k, --stack-traces  print under each traced syscall (and signal) the user\n"
	"                  stack it was made from, as strace -k does (libunwind)\n"
	"  -q              suppress attach/detach and personality messages\n"
	"  -qq             also suppress exit status lines (+++ exited with N +++)\n"
	"  -s N            print at most N bytes of each string (default 32)\n"
	"  -v              print unabbreviated structures and arrays\n"
	"  -z, --successful-only  print only syscalls that returned without an error\n"
	"  -Z, --failed-only      print only syscalls that returned with an error\n"
	"  -c, --summary-only     count time, calls and errors of each syscall and\n"
	"                  print a summary table when tracing ends, instead of the trace\n"
	"  -C, --summary   like -c, but also print the trace\n"
	"  -S SORTBY, --summary-sort-by=SORTBY  sort the summary by time (default),\n"
	"                  min-time, max-time, avg-time, calls, errors, name, nothing\n"
	"  -U COLUMNS, --summary-columns=COLUMNS  the summary's columns, comma-separated:\n"
	"                  time-percent, total-time, min-time, max-time, avg-time,\n"
	"                  calls, errors, name\n"
	"  -w, --summary-wall-clock  time in the summary is wall-clock time between entry\n"
	"                  and exit (default: system CPU time)\n"
	"  -t              prefix each line with the wall clock time, HH:MM:SS\n"
	"  -tt             ... with microseconds\n"
	"  -ttt            ... as seconds since the epoch, with microseconds\n"
	"  --absolute-timestamps[=[format:]none|time|unix,[precision:]s|ms|us|ns]\n"
	"                  the long form of -t (default time,s)\n"
	"  --timestamps[=...]  the same as --absolute-timestamps\n"
	"  -r, --relative-timestamps[=s|ms|us|ns]  prefix each line with the time since\n"
	"                  the previous line (default us)\n"
	"  -T, --syscall-times[=s|ms|us|ns]  append the time spent in each syscall,\n"
	"                  \" <0.000012>\" (default us)\n"
	"  --always-show-pid  begin every line with [pid N], even for a single task\n"
	"  --color[=never|auto|always]  colour names, errors, signals and exits (default\n"
	"                  auto: when the trace goes to a terminal and NO_COLOR is unset)\n"
	"  --colour[=never|auto|always]  the same as --color\n"
	"  -y, --decode-fds[=path]  print the path of each fd: 3</etc/passwd>,\n"
	"                  5<pipe:[1234]>, 9<anon_inode:[pidfd]>, 11<net:[4026531840]>\n"
	"  -X raw|abbrev|verbose, --const-print-style=...  named constants and flags:\n"
	"                  numbers only, names only (default), or numbers with the names\n"
	"                  in a comment\n"
	"  --json          write the trace as JSON Lines, one object per event\n"
	"                  (to FILE with -o; schema: man ctrace, JSON OUTPUT)\n"
	"  --seccomp-bpf=off  with -e trace=, stop at every syscall instead of only at\n"
	"                  the selected ones (by default a seccomp-bpf filter in PROG\n"
	"                  lets the others run without stopping; not with -p)\n"
	"  --deny=namespaces   refuse (EPERM; clone3: ENOSYS) every namespace creation\n"
	"                  or entry by PROG and all its descendants, report each attempt\n"
	"  --audit=namespaces  let them run, report each namespace created or entered\n"
	"  --report=FILE   with --deny/--audit, also write violations to FILE as JSON Lines\n"
	"                  (--deny/--audit imply -f, and trace=none unless -e trace= is given)\n"
	"  --tree[=text|dot|json]  when tracing ends, print the tree of every process\n"
	"                  and thread: how each was created, what it exec'd, its\n"
	"                  namespaces, how it ended (dot: Graphviz; json: with --json);\n"
	"                  after the trace, on stderr or -o FILE\n"
	"  --tree-file=FILE  write the --tree output to FILE instead\n"
	"  --explain       under each clone, clone3, fork, vfork, unshare and setns line,\n"
	"                  explain its flags, what they amount to and its registers\n"
	"  --decode SYSCALL VALUE [--arch=NAME]  without tracing, print VALUE (hex or\n"
	"                  decimal) as the flags of SYSCALL (clone, clone3, unshare,\n"
	"                  setns) as strace would, and explain it\n"
	"  --list-syscalls [--arch=NAME]  print the syscall table (number, name,\n"
	"                  argument count) of x86_64, i386, aarch64 or x32 (default:\n"
	"                  the native one)\n"
	"  --list-classes  print the -e trace=%class names, one a line\n"
	"  -h, --help      print this help and exit\n"
	"  -V, --version   print the version and exit\n"
	"\n"
	"Exit status: PROG's own; when PROG is killed by a signal, ctrace dies of that\n"
	"signal too; 1 for usage errors and when nothing could be traced;\n"
	"3 when --deny or --audit saw a namespace violation.\n";

__attribute__((format(printf, 1, 2), noreturn))
static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("ctrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'ctrace -h' for more information.\n", stderr);
	exit(1);
}

__attribute__((format(printf, 1, 2), noreturn))
static void fatal(const char *fmt, ...)
{
	va_list ap;

	fputs("ctrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* `what` names the option in the error: "Invalid process id". */
static long parse_number(const char *s, long min, long max, const char *what)
{
	char *end;

	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		fatal("%s: '%s'", what, s);
	return v;
}

/* -e EXPR: only trace= is implemented; a bare SET means trace=SET, as in strace. */
static void parse_qualifier(struct options *o, const char *expr)
{
	const char *set = expr;
	const char *eq = strchr(expr, '=');
	char err[256];

	if (eq) {
		size_t n = (size_t)(eq - expr);
		if ((n == 5 && !strncmp(expr, "trace", 5)) || (n == 1 && expr[0] == 't'))
			set = eq + 1;
		else
			fatal("unsupported qualifier in '%s' (ctrace supports -e trace=SET)", expr);
	}
	if (trace_filter_parse(&o->filter, set, err, sizeof(err)) < 0)
		fatal("%s", err);
}

/* strace's lookup: a name with a slash is used as is, others go through $PATH.
 * Returns an allocated path. */
static const char *find_program(const char *name)
{
	struct stat st;

	if (strchr(name, '/')) {
		if (stat(name, &st) < 0)
			goto not_found;
		return strdup(name);
	}
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *colon = strchrnul(p, ':');
		char *full;
		if (asprintf(&full, "%.*s%s%s", (int)(colon - p), p, colon == p ? "" : "/", name) < 0)
			abort();
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
			return full;
		free(full);
		p = *colon ? colon + 1 : colon;
	}
	errno = ENOENT;
not_found:
	fprintf(stderr, "ctrace: Can't stat '%s': %s\n", name, strerror(errno));
	exit(1);
}

/* -c/-C's companions, and what strace 6.1 refuses around them. */
static void summary_options(struct options *o, const char *sort_by, const char *columns)
{
	char err[256];

	if (!o->summary.mode) {
		if (o->summary.wall_clock)
			usage_error("-w/--summary-wall-clock must be given with "
				    "(-c/--summary-only or -C/--summary)");
		if (columns)
			usage_error("-U/--summary-columns must be given with "
				    "(-c/--summary-only or -C/--summary)");
		if (sort_by)
			fprintf(stderr, "ctrace: -S/--summary-sort-by has no effect without "
				"(-c/--summary-only or -C/--summary)\n");
		return;
	}
	if (o->follow_forks >= 2)
		usage_error("(-c/--summary-only or -C/--summary) and -ff are mutually exclusive");
	if (sort_by && summary_parse_sort(&o->summary, sort_by, err, sizeof(err)) < 0)
		usage_error("%s", err);
	if (columns && summary_parse_columns(&o->summary, columns, err, sizeof(err)) < 0)
		usage_error("%s", err);
}

static void parse_args(struct options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "output", required_argument, NULL, 'o' },
		{ "attach", required_argument, NULL, 'p' },
		{ "trace", required_argument, NULL, OPT_TRACE },
		{ "deny", required_argument, NULL, 'D' },     /* namespace gate: src/ns_gate.c */
		{ "audit", required_argument, NULL, 'A' },
		{ "report", required_argument, NULL, 'R' },
		{ "seccomp-bpf", optional_argument, NULL, OPT_SECCOMP_BPF },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },        /* src/explain.c */
		{ "const-print-style", required_argument, NULL, 'X' },   /* src/print_strace.c */
		{ "decode-fds", optional_argument, NULL, OPT_DECODE_FDS },
		{ "json", no_argument, NULL, 'J' },           /* src/print_json.c */
		{ "stack-traces", no_argument, NULL, 'k' },   /* src/stack_trace.c */
		{ "summary-only", no_argument, NULL, 'c' },   /* src/summary.c */
		{ "summary", no_argument, NULL, 'C' },
		{ "summary-sort-by", required_argument, NULL, 'S' },
		{ "summary-columns", required_argument, NULL, 'U' },
		{ "summary-wall-clock", no_argument, NULL, 'w' },
		{ "successful-only", no_argument, NULL, 'z' },  /* ctrace/status_filter.h */
		{ "failed-only", no_argument, NULL, 'Z' },
		{ "absolute-timestamps", optional_argument, NULL, OPT_ABSOLUTE_TS },
		{ "timestamps", optional_argument, NULL, OPT_ABSOLUTE_TS },
		{ "relative-timestamps", optional_argument, NULL, 'r' },   /* src/timestamps.c */
		{ "syscall-times", optional_argument, NULL, 'T' },
		{ "always-show-pid", no_argument, NULL, OPT_ALWAYS_SHOW_PID },
		{ "color", optional_argument, NULL, OPT_COLOR },   /* src/color.c */
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "tree", optional_argument, NULL, OPT_TREE },        /* src/tracer_tree.c */
		{ "tree-file", required_argument, NULL, OPT_TREE_FILE },
		{ NULL, 0, NULL, 0 },
	};
	const char *sort_by = NULL, *columns = NULL;   /* -S, -U: checked after -c/-C */
	char err[256];
	int c;
	bool tree = false;
	const char *tree_arg = NULL;

	memset(o, 0, sizeof(*o));
	o->decode = decode_opts_default;
	o->decode.ifname = host_ifname;   /* IPv6 scope ids: src/host_ifname.c */
	ts_opts_init(&o->ts);
	trace_filter_init(&o->filter);
	opterr = 0;
	/* "+": options end at PROG, whose own options are its business. */
	while ((c = getopt_long(argc, argv, "+:fo:p:e:kqs:vhVcCS:U:wzZtrTX:y", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o->follow_forks++;
			break;
		case 'o':
			o->outfile = optarg;
			break;
		case 'p': {
			pid_t pid = (pid_t)parse_number(optarg, 1, INT_MAX, "Invalid process id");
			o->attach_pids = realloc(o->attach_pids, sizeof(pid_t) * (o->nattach + 1));
			if (!o->attach_pids)
				abort();
			o->attach_pids[o->nattach++] = pid;
			break;
		}
		case 'e':
			parse_qualifier(o, optarg);
			break;
		case OPT_TRACE:
			if (trace_filter_parse(&o->filter, optarg, err, sizeof(err)) < 0)
				fatal("%s", err);
			break;
		case 't':
			o->ts.t_count++;
			break;
		case OPT_ABSOLUTE_TS:
			if (ts_parse_absolute(&o->ts, optarg, err, sizeof(err)) < 0)
				usage_error("%s", err);
			break;
		case 'r':
			if (ts_parse_relative(&o->ts, optarg, err, sizeof(err)) < 0)
				usage_error("%s", err);
			break;
		case 'T':
			if (ts_parse_durations(&o->ts, optarg, err, sizeof(err)) < 0)
				usage_error("%s", err);
			break;
		case OPT_ALWAYS_SHOW_PID:
			o->always_show_pid = true;
			break;
		case OPT_COLOR:
			if ((o->color = color_parse_mode(optarg)) < 0)
				usage_error("--color: expected never, auto or always, not '%s'",
					    optarg);
			break;
		case 'D':
		case 'A': {   /* --deny=namespaces, --audit=namespaces */
			int mode = c == 'D' ? NS_GATE_DENY : NS_GATE_AUDIT;
			if (strcmp(optarg, "namespaces"))
				usage_error("--%s: unknown set '%s' (only 'namespaces')",
					    c == 'D' ? "deny" : "audit", optarg);
			if (o->ns_gate && o->ns_gate != mode)
				usage_error("--deny and --audit are mutually exclusive");
			o->ns_gate = mode;
			break;
		}
		case 'R':
			o->ns_report = optarg;
			break;
		case 'c':
		case 'C': {
			enum summary_mode mode = c == 'c' ? SUMMARY_ONLY : SUMMARY_BOTH;
			if (o->summary.mode && o->summary.mode != mode)
				usage_error("-c/--summary-only and -C/--summary are mutually exclusive");
			o->summary.mode = mode;
			break;
		}
		case 'S':
			sort_by = optarg;
			break;
		case 'U':
			columns = optarg;
			break;
		case 'w':
			o->summary.wall_clock = true;
			break;
		case 'z':   /* the last of -z and -Z wins, as in strace */
			o->status_filter = STATUS_SUCCESSFUL;
			break;
		case 'Z':
			o->status_filter = STATUS_FAILED;
			break;
		case OPT_SECCOMP_BPF:   /* --seccomp-bpf[=on|off]: on is already the default */
			if (!optarg || !strcmp(optarg, "on"))
				o->seccomp_trace = SECCOMP_TRACE_AUTO;
			else if (!strcmp(optarg, "off"))
				o->seccomp_trace = SECCOMP_TRACE_OFF;
			else
				usage_error("--seccomp-bpf: expected on or off, not '%s'", optarg);
			break;
		case 'J':
			o->json = true;
			break;
		case OPT_TREE:
			tree = true;
			tree_arg = optarg;
			break;
		case OPT_TREE_FILE:
			o->tree_file = optarg;
			break;
		case OPT_EXPLAIN:
			o->explain = true;
			break;
		case 'k':   /* src/stack_trace.c */
			if (!stack_trace_available())
				fatal("-k: this ctrace was built without libunwind-ptrace, "
				      "it cannot print stack traces");
			o->stack_trace = true;
			break;
		case 'X':
			if (strace_parse_const_style(optarg) < 0)
				usage_error("invalid -X argument: '%s'", optarg);
			break;
		case 'y':
			/* -yy's protocol and device details are strace's, not ours yet */
			if (o->decode.fd_paths)
				usage_error("-yy is not supported (-y prints paths)");
			o->decode.fd_paths = true;
			break;
		case OPT_DECODE_FDS:   /* --decode-fds[=path|none] */
			if (!optarg || !strcmp(optarg, "path"))
				o->decode.fd_paths = true;
			else if (!strcmp(optarg, "none"))
				o->decode.fd_paths = false;
			else
				usage_error("--decode-fds: '%s' is not supported (path or none)",
					    optarg);
			break;
		case 'q':
			o->quiet++;
			break;
		case 's':
			o->decode.strsize = (unsigned)parse_number(optarg, 0, INT_MAX,
								   "invalid -s argument");
			break;
		case 'v':
			o->decode.verbose = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			printf("ctrace -- version %s\n", CTRACE_VERSION);
			exit(0);
		case ':':
			usage_error("option requires an argument -- '%s'", (char[]){ (char)optopt, 0 });
			break;
		default:
			if (optopt)
				usage_error("invalid option -- '%s'", (char[]){ (char)optopt, 0 });
			usage_error("unrecognized option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		o->argv = argv + optind;
	if (!o->argv && !o->nattach)
		usage_error("must have PROG [ARGS] or -p PID");
	summary_options(o, sort_by, columns);
	/* strace 6.1's warning; and no unwinding for stacks nobody would see. */
	if (o->stack_trace && o->summary.mode == SUMMARY_ONLY) {
		fprintf(stderr, "ctrace: -k/--stack-traces has no effect with -c/--summary-only\n");
		o->stack_trace = false;
	}
	/* -ff without -o is -f, as in strace. */
	if (o->follow_forks > 2)
		o->follow_forks = 2;
	if (o->follow_forks == 2 && !o->outfile)
		o->follow_forks = 1;
	char tree_err[256];
	if (tracer_tree_options(o, tree, tree_arg, tree_err, sizeof(tree_err)) < 0)
		usage_error("%s", tree_err);
	char gate_err[256];   /* --deny/--audit: -f, quiet gate, -p limits */
	if (ns_gate_options(o, gate_err, sizeof(gate_err)) < 0)
		usage_error("%s", gate_err);
	if (ts_opts_finish(&o->ts, err, sizeof(err)) < 0)
		usage_error("%s", err);
	if (o->argv)
		o->prog_path = find_program(o->argv[0]);
}

/* Die of the same signal as PROG did, without a core file of our own. */
static void die_of(int sig)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t set;

	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);   /* a signal whose default is not to terminate */
}

int main(int argc, char **argv)
{
	struct options opts;
	int term_signal;

	int tool_status = cli_tools_run(argc, argv);   /* --decode, --list-syscalls */
	if (tool_status >= 0)
		return tool_status;
	parse_args(&opts, argc, argv);
	if (ns_gate_setup(opts.ns_gate, opts.ns_report) < 0)
		return 1;   /* ns_gate_setup said why */
	seccomp_trace_setup(&opts);
	int status = tracer_run(&opts, &term_signal);
	seccomp_trace_finish();
	free(opts.attach_pids);
	free((char *)opts.prog_path);
	ns_gate_finish();
	if (ns_gate_violations())
		return NS_GATE_EXIT_VIOLATION;   /* even when PROG exited 0 or died */
	if (term_signal)
		die_of(term_signal);
	return status;
}
