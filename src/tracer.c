/*
 * The ptrace event loop.
 *
 * Every task is attached with PTRACE_SEIZE (never PTRACE_ATTACH/TRACEME), so
 * group-stops are told apart from signal deliveries by PTRACE_EVENT_STOP and
 * a stopped job stays stopped (PTRACE_LISTEN).  At each syscall stop one
 * PTRACE_GET_SYSCALL_INFO gives the personality, number, arguments and
 * return value; decoding and printing happen elsewhere.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctrace/ns_gate.h"
#include "ctrace/seccomp_trace.h"
#include "ctrace/siginfo.h"
#include "ctrace/tracer.h"
#include "output.h"
#include "stack_trace.h"
#include "syscall_time.h"
#include "tracee.h"
#include "tracer_tree.h"

static struct {
	const struct options *opts;
	pid_t child;                 /* PROG, or 0 */
	int child_status;
	bool child_done;
	volatile sig_atomic_t fatal_signal;
	/* --audit=namespaces compares a new child with its parent at the
	 * parent's fork event, so a child whose first stop comes earlier is held
	 * there until then (else it could run, and even exit, unobserved). */
	bool hold_newborns;
	unsigned held;               /* children held at their first stop */
	struct arena scratch;        /* siginfo values */
	bool stamps;                 /* -t, -r or -T: read the clock at each stop */
} tr;

/* The time of the stop being handled, only for options that show it: two
 * clock reads per stop are not paid when nothing prints them. */
static void stamp(struct tracee *t)
{
	if (tr.stamps)
		stop_time_now(&t->stop_time);
}

static unsigned long ptrace_options(bool started_by_us)
{
	unsigned long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;

	if (tr.opts->follow_forks)
		o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	/* A program ctrace started must not outlive a crashed ctrace untraced
	 * half-way; an attached one is left alone (it was running before us). */
	if (started_by_us)
		o |= PTRACE_O_EXITKILL;
	if (seccomp_trace_active())
		o |= PTRACE_O_TRACESECCOMP;
	return o;
}

static struct tracee *new_tracee(pid_t pid)
{
	struct tracee *t = tracee_add(pid);

	t->arch = arch_native();
	stamp(t);   /* --json's attach "time" */
	if (output_attach_tracee(t) < 0) {
		output_note("can't open output file for pid %d: %s", pid, strerror(errno));
		t->out = NULL;
	}
	return t;
}

/* A task auto-attached by TRACE{CLONE,FORK,VFORK}, first seen now. */
static struct tracee *new_child(pid_t pid)
{
	struct tracee *t = new_tracee(pid);

	t->expect_initial_stop = true;
	/* strace 6.1 announces followed children only when the trace shares
	 * the terminal, not with -o FILE. */
	if (!tr.opts->quiet && !tr.opts->outfile && !tr.opts->json)
		output_note("Process %d attached", pid);
	output_attached(t, true);   /* --json */
	tracer_tree_newborn(pid);   /* --tree: its parent's fork event may never come */
	return t;
}

/*
 * With the seccomp filter (-e trace=), a task outside a syscall runs with
 * PTRACE_CONT: only the filter's SECCOMP_RET_TRACE stops it, at the entry of
 * a selected syscall; from there PTRACE_SYSCALL takes it to that syscall's
 * exit stop.  Without the filter every entry and exit stops.
 */
static void resume(struct tracee *t, int sig)
{
	int request = seccomp_trace_active() && !t->in_syscall ? PTRACE_CONT : PTRACE_SYSCALL;

	/* ESRCH: the task died under us; its exit is reported by waitpid. */
	ptrace((enum __ptrace_request)request, t->pid, 0L, (long)sig);
}

static void forget(struct tracee *t)
{
	stack_trace_forget(t);       /* -k */
	output_detach_tracee(t);
	tracee_remove(t);
}

static void adopt(pid_t pid);

/* ---- syscall stops ---------------------------------------------------- */

static void syscall_entry(struct tracee *t, const struct syscall_regs *info)
{
	/* x32 shares x86_64's audit value: its number carries a bit instead. */
	uint64_t nr = info->nr;
	const struct arch *arch = arch_for_syscall(info->audit_arch, &nr);

	t->in_syscall = true;
	t->syscall_shown = false;
	t->syscall_decoded = false;
	if (!arch)
		return;       /* a personality we have no table for */
	if (arch != t->arch) {
		output_personality(t, arch);
		t->arch = arch;
	}

	const struct syscall_desc *desc = arch_syscall(arch, nr);
	enum syscall_id id = desc ? (enum syscall_id)(desc - syscall_descs) : SYS_none;
	struct mem_reader mem = tracee_mem_reader(t);

	stack_trace_syscall_entry(t, id);   /* -k: every call, shown or not */
	if (ns_gate_active())   /* --deny/--audit=namespaces: every call, shown or not */
		ns_gate_syscall_entry(t->pid, info->audit_arch, id, info->args, &mem);

	/* PROG's own syscalls start at its execve: what precedes is ctrace's,
	 * and so is what follows a failed execve (strace shows neither). */
	if (t->hide_until_execve && id != SYS_execve && id != SYS_execveat)
		return;
	bool shown = trace_filter_selects(&tr.opts->filter, id);
	if (!shown && !tracer_tree_wants(id))   /* --tree: clone, execve & co, always */
		return;

	decode_syscall_entry_sp(&t->ev, arch, nr, info->args, info->stack_pointer, &mem,
				&tr.opts->decode);
	t->ev.entry_time = t->stop_time;   /* -T, --json: the call starts here */
	t->syscall_decoded = true;
	t->syscall_shown = shown;
	if (!shown)
		return;       /* decoded for --tree only */
	output_syscall_entry(t);
	syscall_time_entry(&t->times);   /* -c, -C: as late as possible */
}

static void syscall_exit(struct tracee *t, const struct syscall_regs *info)
{
	if (!t->in_syscall)
		return;       /* attached inside a syscall: its entry was never seen */
	t->in_syscall = false;
	stack_trace_syscall_exit(t);   /* -k: sets t->ev.stack, stopped here */
	if (t->syscall_decoded) {
		if (t->syscall_shown)
			syscall_time_exit(&t->times);
		struct mem_reader mem = tracee_mem_reader(t);
		decode_syscall_exit(&t->ev, info->rval, &mem, &tr.opts->decode);
		if (t->syscall_shown) {
			summary_syscall(&t->ev, &t->times);   /* -c, -C */
			output_syscall_exit(t);
		}
		tracer_tree_syscall(t);   /* --tree */
	}
	/* --deny/--audit=namespaces; a child the kernel did not attach is seized */
	pid_t untraced = ns_gate_syscall_exit(t->pid, info->rval);
	if (untraced > 0)
		adopt(untraced);
}

/*
 * Kernels before 5.3 have no PTRACE_GET_SYSCALL_INFO: then (or when the
 * CTRACE_SYSCALL_INFO=regs environment variable asks for it, so that this
 * path is tested) the native register glue is read instead, and entry and
 * exit stops are told apart by our own bookkeeping, as strace did.
 */
static bool use_register_glue(void)
{
	static int use = -1;

	if (use < 0) {
		const char *env = getenv("CTRACE_SYSCALL_INFO");
		use = env && !strcmp(env, "regs");
	}
	return use;
}

static int read_syscall_info(struct tracee *t, struct syscall_regs *r, bool *entry)
{
	if (!use_register_glue()) {
		struct __ptrace_syscall_info info;
		memset(&info, 0, sizeof(info));
		long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->pid, (void *)sizeof(info), &info);
		if (n > 0) {
			r->audit_arch = info.arch;
			r->stack_pointer = info.stack_pointer;
			if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
				*entry = true;
				r->nr = info.entry.nr;
				memcpy(r->args, info.entry.args, sizeof(r->args));
			} else if (info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
				*entry = true;      /* the filter's stop, before the syscall runs */
				r->nr = info.seccomp.nr;
				memcpy(r->args, info.seccomp.args, sizeof(r->args));
			} else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
				*entry = false;
				r->rval = info.exit.rval;
			} else {
				return -1;
			}
			return 0;
		}
		if (errno == ESRCH)
			return -1;
		if (errno != EIO && errno != EINVAL) {
			output_note("PTRACE_GET_SYSCALL_INFO on pid %d: %s", t->pid, strerror(errno));
			return -1;
		}
	}
	if (arch_native_read_regs(t->pid, r) < 0)
		return -1;
	/* Registers alone are ambiguous: a stop is an entry unless the task is
	 * inside a syscall, or the registers say it is certainly an exit (a
	 * stray exit right after attaching). */
	*entry = !t->in_syscall && r->entry_hint != 0;
	if (!t->in_syscall && r->entry_hint == 0)
		return -1;
	return 0;
}

static void syscall_stop(struct tracee *t)
{
	struct syscall_regs r;
	bool entry;

	memset(&r, 0, sizeof(r));
	if (read_syscall_info(t, &r, &entry) < 0)
		return;
	if (entry)
		syscall_entry(t, &r);
	else
		syscall_exit(t, &r);
}

/* ---- other stops ------------------------------------------------------- */

static void signal_delivery_stop(struct tracee *t, int sig)
{
	siginfo_t si;

	arena_reset(&tr.scratch);
	const struct val *info = NULL;
	if (ptrace(PTRACE_GETSIGINFO, t->pid, 0L, &si) == 0)
		info = decode_siginfo(&tr.scratch, &si, sizeof(si), sizeof(long));
	output_signal(t, info, sig, stack_trace_signal(t));   /* -k: its stack */
	resume(t, sig);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void release_newborn(struct tracee *t)
{
	t->held_newborn = false;
	tr.held--;
	resume(t, 0);
}

/* Idle with children still held: their parents' events are not coming (a
 * parent killed in between); nothing may stay stopped on our account. */
static void release_one(struct tracee *t, void *arg)
{
	if (t->held_newborn)
		release_newborn(t);
}

static void event_stop(struct tracee *t, int sig)
{
	if (t->expect_initial_stop) {
		/* The stop every auto-attached child starts with. */
		t->expect_initial_stop = false;
		if (tr.hold_newborns && !t->birth_seen) {
			t->held_newborn = true;
			tr.held++;
			return;
		}
		resume(t, 0);
	} else if (is_stop_signal(sig)) {
		/* A group-stop: keep the task stopped, as it would be untraced,
		 * but let us hear of SIGCONT. */
		output_group_stop(t, sig);
		ptrace(PTRACE_LISTEN, t->pid, 0L, 0L);
	} else {
		resume(t, 0);   /* PTRACE_INTERRUPT, or the end of a group-stop */
	}
}

/*
 * After execve the task has the thread-group leader's pid.  When a thread
 * other than the leader ran execve, the kernel has already made the leader
 * disappear and the execing thread takes over its pid: its state moves to
 * that pid, and the old leader is reported as superseded.
 */
static struct tracee *exec_event(struct tracee *t)
{
	unsigned long former = 0;

	t->hide_until_execve = false;   /* PROG is running now */
	if (ptrace(PTRACE_GETEVENTMSG, t->pid, 0L, &former) < 0 || (pid_t)former == t->pid)
		return t;

	struct tracee *execer = tracee_find((pid_t)former);
	if (!execer)
		return t;
	pid_t leader_pid = t->pid;
	tracer_tree_takeover((pid_t)former, leader_pid);   /* --tree */
	output_pid_changed(execer, leader_pid);
	output_superseded(t, (pid_t)former);
	bool leader_started = t->started_by_us;
	forget(t);
	tracee_rekey(execer, leader_pid);
	execer->started_by_us = execer->started_by_us || leader_started;
	return execer;
}

static void task_died(struct tracee *t, int status)
{
	if (t->held_newborn)
		tr.held--;
	if (t->in_syscall && t->syscall_shown && t->out) {
		t->ev.exited = false;     /* "= ?": the call never returned */
		stack_trace_task_died(t);   /* -k: a stack taken at entry (exit_group) */
		output_syscall_exit(t);
	}
	if (t->out)
		output_exit(t, status);
	tracer_tree_exit(t->pid, status);   /* --tree */
	if (t->pid == tr.child) {
		tr.child_status = status;
		tr.child_done = true;
	}
	forget(t);
}

/* The parent's fork event for `pid` has been handled: the child may run. */
static void newborn_seen(pid_t pid)
{
	if (!tr.hold_newborns)
		return;
	struct tracee *c = tracee_find(pid);
	if (!c)
		c = new_child(pid);   /* its first stop is still to come */
	c->birth_seen = true;
	if (c->held_newborn)
		release_newborn(c);
}

static void handle_status(pid_t pid, int status)
{
	struct tracee *t = tracee_find(pid);

	if (!t) {
		if (!WIFSTOPPED(status)) {
			/* A new child killed before its first stop was seen:
			 * --tree still knows it from its parent's fork event. */
			tracer_tree_exit(pid, status);
			return;
		}
		/* A child of a traced task, auto-attached by TRACE{CLONE,FORK,VFORK}:
		 * its first stop may come before its parent's fork event. */
		t = new_child(pid);
	}
	stamp(t);   /* what -t, -r, -T and --json show */
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		task_died(t, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;

	int sig = WSTOPSIG(status);
	unsigned event = (unsigned)status >> 16;

	if (sig == (SIGTRAP | 0x80)) {
		syscall_stop(t);
		resume(t, 0);
		return;
	}
	switch (event) {
	case 0:
		signal_delivery_stop(t, sig);
		break;
	case PTRACE_EVENT_STOP:
		event_stop(t, sig);
		break;
	case PTRACE_EVENT_EXEC:
		t = exec_event(t);
		stack_trace_exec(t);   /* -k: a new address space */
		resume(t, 0);
		break;
	case PTRACE_EVENT_SECCOMP:
		syscall_stop(t);   /* the entry of a syscall -e trace= selected */
		resume(t, 0);
		break;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE: {
		unsigned long child = 0;
		if (ptrace(PTRACE_GETEVENTMSG, t->pid, 0L, &child) == 0) {
			if (ns_gate_active())   /* --audit=namespaces: the child's namespaces */
				ns_gate_fork_event(t->pid, (pid_t)child);
			tracer_tree_fork(t, (pid_t)child);   /* --tree */
			newborn_seen((pid_t)child);
		}
		resume(t, 0);
		break;
	}
	default:
		resume(t, 0);
		break;
	}
}

/* ---- starting and attaching ------------------------------------------- */

/* The signals that end ctrace (after it has let go of its tracees). */
static const int fatal_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM };

static void on_fatal_signal(int sig)
{
	tr.fatal_signal = sig;
}

static void catch_fatal_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;     /* no SA_RESTART: waitpid returns EINTR */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++)
		sigaction(fatal_signals[i], &sa, NULL);
}

static void block_fatal_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

/*
 * Starts PROG stopped before its execve: the child waits on a pipe until it
 * is seized, so that the very first syscall it makes as PROG is traced.
 */
static int start_program(const char *path, char **argv)
{
	int gate[2];

	if (pipe2(gate, O_CLOEXEC) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		char c;
		close(gate[1]);
		while (read(gate[0], &c, 1) < 0 && errno == EINTR)
			;
		if (ns_gate_install() < 0) {   /* --deny=namespaces: inherited by all of PROG */
			fprintf(stderr, "ctrace: can't install the namespace filter: %s\n",
				strerror(errno));
			_exit(1);
		}
		if (seccomp_trace_install() < 0) {   /* -e trace=: stop only where asked */
			fprintf(stderr, "ctrace: can't install the seccomp filter: %s\n",
				strerror(errno));
			_exit(1);
		}
		execv(path, argv);
		int err = errno;
		fprintf(stderr, "ctrace: exec: %s\n", strerror(err));
		_exit(1);
	}
	close(gate[0]);
	if (ptrace(PTRACE_SEIZE, pid, 0L, ptrace_options(true)) < 0 ||
	    ptrace(PTRACE_INTERRUPT, pid, 0L, 0L) < 0) {
		int err = errno;
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		errno = err;
		return -1;
	}
	struct tracee *t = new_tracee(pid);
	tracer_tree_root(pid, false, 0);   /* --tree */
	t->started_by_us = true;
	t->hide_until_execve = true;
	tr.child = pid;
	close(gate[1]);               /* lets the child run into execve */
	return 0;
}

static int seize(pid_t tid, pid_t leader)
{
	if (ptrace(PTRACE_SEIZE, tid, 0L, ptrace_options(false)) < 0)
		return -1;
	if (ptrace(PTRACE_INTERRUPT, tid, 0L, 0L) < 0)
		return -1;
	output_attached(new_tracee(tid), false);   /* --json */
	tracer_tree_root(tid, true, leader);        /* --tree */
	return 0;
}

/*
 * A child of PROG the kernel did not attach (CLONE_UNTRACED through clone3,
 * reported by the namespace gate): followed from now on, as its siblings
 * are (same options: EXITKILL when PROG is ours).
 */
static void adopt(pid_t pid)
{
	if (tracee_find(pid))
		return;
	if (ptrace(PTRACE_SEIZE, pid, 0L, ptrace_options(tr.child != 0)) < 0) {
		output_note("can't follow untraced pid %d: ptrace(PTRACE_SEIZE): %s", pid,
			    strerror(errno));
		return;
	}
	ptrace(PTRACE_INTERRUPT, pid, 0L, 0L);
	output_attached(new_tracee(pid), false);   /* --json */
	tracer_tree_adopted(pid);                   /* --tree */
}

/*
 * -p PID: the task itself, and with -f every thread of its process.  Threads
 * created while we attach are caught by rescanning until nothing is new.
 */
static int attach_process(pid_t pid)
{
	if (seize(pid, 0) < 0) {
		output_note("attach: ptrace(PTRACE_SEIZE, %d): %s", pid, strerror(errno));
		return -1;
	}
	unsigned threads = 1;
	if (tr.opts->follow_forks) {
		char dir[64];
		snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
		for (bool found_new = true; found_new;) {
			found_new = false;
			DIR *d = opendir(dir);
			if (!d)
				break;
			for (struct dirent *e; (e = readdir(d));) {
				pid_t tid = (pid_t)atoi(e->d_name);
				if (tid <= 0 || tracee_find(tid))
					continue;
				if (seize(tid, pid) == 0) {
					threads++;
					found_new = true;
				}
			}
			closedir(d);
		}
	}
	if (!tr.opts->quiet && !tr.opts->json) {
		if (threads > 1)
			output_note("Process %d attached with %u threads", pid, threads);
		else
			output_note("Process %d attached", pid);
	}
	return 0;
}

/* ---- shutting down on a signal ---------------------------------------- */

static void detach_now(struct tracee *t, void *arg)
{
	/* Works when the task is stopped; running ones are interrupted first. */
	if (ptrace(PTRACE_DETACH, t->pid, 0L, 0L) == 0) {
		t->detached = true;
	} else {
		ptrace(PTRACE_INTERRUPT, t->pid, 0L, 0L);
	}
}

/*
 * strace's behaviour on SIGINT/SIGTERM/...: PROG gets the same signal, every
 * other task is detached and runs on untraced (none is left stopped).
 */
static void shut_down(int sig)
{
	if (tr.child && !tr.child_done)
		kill(tr.child, sig);

	tracee_foreach(detach_now, NULL);
	for (struct tracee *t; (t = tracee_any());) {
		if (t->detached) {
			if (!tr.opts->quiet && !t->started_by_us && !tr.opts->json)
				output_note("Process %d detached", t->pid);
			stamp(t);
			output_detached(t);   /* --json */
			tracer_tree_detached(t->pid);   /* --tree */
			forget(t);
			continue;
		}
		int status;
		pid_t pid = waitpid(t->pid, &status, __WALL);
		if (pid < 0) {
			forget(t);
			continue;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			tracer_tree_exit(t->pid, status);   /* --tree */
			if (pid == tr.child) {
				tr.child_status = status;
				tr.child_done = true;
			}
			forget(t);
			continue;
		}
		/* A stop: pass a pending signal on as we let go. */
		int pass = 0;
		if (WIFSTOPPED(status) && (status >> 16) == 0 && WSTOPSIG(status) != (SIGTRAP | 0x80))
			pass = WSTOPSIG(status);
		if (ptrace(PTRACE_DETACH, t->pid, 0L, (long)pass) == 0)
			t->detached = true;
	}
}

/* ---- the loop ---------------------------------------------------------- */

int tracer_run(const struct options *opts, int *term_signal)
{
	tr.opts = opts;
	tr.stamps = ts_opts_stamps_lines(&opts->ts) || opts->ts.durations;
	tr.hold_newborns = opts->ns_gate == NS_GATE_AUDIT;
	*term_signal = 0;
	syscall_time_setup(opts);   /* what -c, -C need measured */
	if (opts->stack_trace && stack_trace_enable() < 0)
		return 1;

	if (output_open(opts) < 0) {
		output_note("Can't fopen '%s': %s", opts->outfile, strerror(errno));
		return 1;
	}
	if (tracer_tree_start(opts) < 0) {   /* --tree-file */
		output_close();
		return 1;
	}
	catch_fatal_signals();

	for (int i = 0; i < opts->nattach; i++)
		if (attach_process(opts->attach_pids[i]) < 0 && !opts->argv) {
			tracee_foreach(detach_now, NULL);
			shut_down(0);
			output_close();
			return 1;
		}
	if (opts->argv) {
		if (start_program(opts->prog_path, opts->argv) < 0) {
			output_note("can't start '%s': %s", opts->argv[0], strerror(errno));
			shut_down(SIGKILL);
			output_close();
			return 1;
		}
	}
	/*
	 * strace's default with -o FILE PROG (its -I 3): SIGHUP, SIGINT,
	 * SIGQUIT, SIGPIPE and SIGTERM are blocked, so that a Ctrl-C meant for
	 * PROG does not cut the trace short; PROG's own death ends it.  Blocked
	 * only now, after the fork, so that PROG does not inherit the mask.
	 * Not for the namespace gate (its quiet trace goes to /dev/null): a CI
	 * job's timeout must be able to stop it.
	 */
	if (opts->argv && opts->outfile && !opts->ns_gate)
		block_fatal_signals();

	/*
	 * Until waitpid says there is nobody left to wait for (ECHILD), not
	 * until our table is empty: a child announced by a fork event that was
	 * never reported (its parent killed at that very stop) is still ours,
	 * and leaving now would kill it through PTRACE_O_EXITKILL.
	 */
	for (;;) {
		if (tr.fatal_signal) {
			shut_down(tr.fatal_signal);
			tracer_tree_finish();   /* --tree */
			output_close();
			*term_signal = tr.fatal_signal;
			return 128 + tr.fatal_signal;
		}
		int status;
		pid_t pid = wait4(-1, &status, __WALL | WNOHANG, syscall_time_rusage());
		if (pid == 0 && tr.held) {
			tracee_foreach(release_one, NULL);
			continue;
		}
		if (pid == 0) {
			output_flush();       /* about to sleep: let readers see everything */
			pid = wait4(-1, &status, __WALL, syscall_time_rusage());
		}
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;                /* ECHILD: nothing left */
		}
		handle_status(pid, status);
	}
	tracer_tree_finish();   /* --tree */
	output_close();
	arena_free(&tr.scratch);

	if (!tr.child_done)
		return 0;
	if (WIFSIGNALED(tr.child_status)) {
		*term_signal = WTERMSIG(tr.child_status);
		return 128 + WTERMSIG(tr.child_status);
	}
	return WEXITSTATUS(tr.child_status);
}
