/*
 * The namespace gate (see include/ctrace/ns_gate.h for the whole design).
 *
 * Why enforcement is in the kernel and TOCTOU-free: the --deny filter looks
 * only at syscall numbers and register arguments, which seccomp reads from
 * the task's own saved registers when the call is made: no other thread can
 * change them, and nothing is read from memory (clone3's struct clone_args
 * could be rewritten between a check and the kernel's copy, so clone3 is
 * refused whatever it asks for, with ENOSYS, and libc retries with clone).
 * The filter returns SECCOMP_RET_ERRNO, not SECCOMP_RET_TRACE: with TRACE
 * the call would run unless ctrace rewrote it at the right stop, so a missed
 * stop or a dead ctrace would let it through.  With ERRNO the tracer is only
 * a witness: it sees the refused call at its syscall-exit stop (ptrace's
 * entry stop comes before seccomp, the exit stop after) and reports it.
 * Children made with CLONE_UNTRACED, which the kernel does not attach, are
 * refused all the same by the inherited filter; and so that ctrace can also
 * report them, clone's CLONE_UNTRACED is cleared at the entry stop (see
 * src/ns_untraced.c, which also covers --audit).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef CTRACE_HAVE_SECCOMP
#include <seccomp.h>
#endif

#include "ctrace/ns_gate.h"
#include "ctrace/seccomp_trace.h"
#include "ctrace/tracer.h"
#include "output.h"

/* ---- policy ------------------------------------------------------------ */

/* The rule table the seccomp filter is built from (and ns_policy_errno reads). */
static const struct ns_rule {
	enum ns_call call;
	int err;
	uint64_t any_of;     /* refused when arg0 has one of these bits; 0: always */
} ns_rules[] = {
	{ NS_CALL_CLONE,   EPERM,  NS_FLAGS_CLONE },
	{ NS_CALL_UNSHARE, EPERM,  NS_FLAGS_ALL },
	{ NS_CALL_SETNS,   EPERM,  0 },
	{ NS_CALL_CLONE3,  ENOSYS, 0 },
};

static const struct {
	uint64_t flag;
	const char *name;
} ns_flag_names[] = {
	{ NS_CLONE_NEWTIME, "CLONE_NEWTIME" },
	{ NS_CLONE_NEWNS, "CLONE_NEWNS" },
	{ NS_CLONE_NEWCGROUP, "CLONE_NEWCGROUP" },
	{ NS_CLONE_NEWUTS, "CLONE_NEWUTS" },
	{ NS_CLONE_NEWIPC, "CLONE_NEWIPC" },
	{ NS_CLONE_NEWUSER, "CLONE_NEWUSER" },
	{ NS_CLONE_NEWPID, "CLONE_NEWPID" },
	{ NS_CLONE_NEWNET, "CLONE_NEWNET" },
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

enum ns_call ns_call_of(enum syscall_id id)
{
	switch (id) {
	case SYS_clone:   return NS_CALL_CLONE;
	case SYS_clone3:  return NS_CALL_CLONE3;
	case SYS_fork:    return NS_CALL_FORK;
	case SYS_vfork:   return NS_CALL_VFORK;
	case SYS_unshare: return NS_CALL_UNSHARE;
	case SYS_setns:   return NS_CALL_SETNS;
	default:          return NS_CALL_NONE;
	}
}

const char *ns_call_name(enum ns_call call)
{
	static const char *const names[] = {
		[NS_CALL_NONE] = "?", [NS_CALL_CLONE] = "clone", [NS_CALL_CLONE3] = "clone3",
		[NS_CALL_FORK] = "fork", [NS_CALL_VFORK] = "vfork",
		[NS_CALL_UNSHARE] = "unshare", [NS_CALL_SETNS] = "setns",
	};
	return (unsigned)call < NELEM(names) ? names[call] : "?";
}

int ns_policy_errno(enum ns_call call, uint64_t arg0)
{
	for (size_t i = 0; i < NELEM(ns_rules); i++)
		if (ns_rules[i].call == call && (!ns_rules[i].any_of || (arg0 & ns_rules[i].any_of)))
			return ns_rules[i].err;
	return 0;
}

uint64_t ns_policy_flags(enum ns_call call, uint64_t flags)
{
	switch (call) {
	case NS_CALL_CLONE:
		return flags & NS_FLAGS_CLONE;
	case NS_CALL_CLONE3:
	case NS_CALL_UNSHARE:
	case NS_CALL_SETNS:
		return flags & NS_FLAGS_ALL;
	default:
		return 0;
	}
}

size_t ns_flags_format(uint64_t ns_flags, char *buf, size_t size)
{
	size_t len = 0;

	if (size)
		buf[0] = 0;
	for (size_t i = 0; i < NELEM(ns_flag_names); i++) {
		if (!(ns_flags & ns_flag_names[i].flag))
			continue;
		int n = snprintf(buf + (len < size ? len : size), len < size ? size - len : 0,
				 "%s%s", len ? "|" : "", ns_flag_names[i].name);
		len += (size_t)n;
	}
	if (!len)
		len = (size_t)snprintf(buf, size, "0");
	return len;
}

/* Appends to buf[0..size) as snprintf would, tracking the full length. */
__attribute__((format(printf, 4, 5)))
static void put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf + (*len < size ? *len : size), *len < size ? size - *len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len += (size_t)n;
}

static void put_json_string(char *buf, size_t size, size_t *len, const char *s)
{
	put(buf, size, len, "\"");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			put(buf, size, len, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			put(buf, size, len, "\\u%04x", *p);
		else
			put(buf, size, len, "%c", *p);
	}
	put(buf, size, len, "\"");
}

size_t ns_violation_json(const struct ns_violation *v, char *buf, size_t size)
{
	size_t len = 0;
	bool first = true;

	if (size)
		buf[0] = 0;
	put(buf, size, &len, "{\"pid\":%d,\"exe\":", (int)v->pid);
	put_json_string(buf, size, &len, v->exe);
	put(buf, size, &len, ",\"syscall\":");
	put_json_string(buf, size, &len, v->syscall);
	put(buf, size, &len, ",\"flags\":[");
	for (size_t i = 0; i < NELEM(ns_flag_names); i++) {
		if (!(v->ns_flags & ns_flag_names[i].flag))
			continue;
		put(buf, size, &len, "%s\"%s\"", first ? "" : ",", ns_flag_names[i].name);
		first = false;
	}
	put(buf, size, &len, "],\"raw_flags\":%llu,", (unsigned long long)v->raw_flags);
	if (v->untraced)
		put(buf, size, &len, "\"child\":%d,", (int)v->child);
	put(buf, size, &len, "\"verdict\":\"%s\",\"how\":\"%s\"}\n",
	    v->untraced ? "untraced" : v->denied ? "denied" : "allowed", v->how);
	return len;
}

/* ---- the seccomp filter ------------------------------------------------ */

#ifdef CTRACE_HAVE_SECCOMP
static scmp_filter_ctx build_filter(void)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);

	if (!ctx)
		return NULL;
#if defined(__x86_64__)
	/* int $0x80 (i386) and x32 calls reach the same kernel: filter them too. */
	if (seccomp_arch_add(ctx, SCMP_ARCH_X86) < 0 || seccomp_arch_add(ctx, SCMP_ARCH_X32) < 0)
		goto fail;
#endif
	for (size_t i = 0; i < NELEM(ns_rules); i++) {
		const struct ns_rule *r = &ns_rules[i];
		int nr = seccomp_syscall_resolve_name(ns_call_name(r->call));
		if (nr == __NR_SCMP_ERROR)
			continue;     /* the native arch has no such call */
		if (!r->any_of) {
			if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(r->err), nr, 0) < 0)
				goto fail;
			continue;
		}
		/* One rule per bit: rules on one syscall are or-ed, and libseccomp
		 * has no "masked != 0" comparison. */
		for (int bit = 0; bit < 64; bit++) {
			uint64_t b = 1ULL << bit;
			if ((r->any_of & b) &&
			    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(r->err), nr, 1,
					     SCMP_A0(SCMP_CMP_MASKED_EQ, b, b)) < 0)
				goto fail;
		}
	}
	return ctx;
fail:
	seccomp_release(ctx);
	return NULL;
}
#endif

/* ---- runtime ----------------------------------------------------------- */

/* A namespace call between its entry and exit stops. */
struct pending {
	pid_t pid;
	enum ns_call call;
	uint64_t arg0;          /* what the filter saw */
	uint64_t raw;           /* the flags: arg0, clone3's clone_args.flags, setns's nstype */
	bool have_before;
	struct ns_snapshot before;
	bool child_seen;        /* a fork event came for this call's child */
};

static struct {
	enum ns_gate_mode mode;
	FILE *report;
	unsigned violations;
	struct pending *pending;
	size_t npending, cap;
#ifdef CTRACE_HAVE_SECCOMP
	scmp_filter_ctx filter;
#endif
} g;

int ns_gate_options(struct options *o, char *err, size_t size)
{
	if (!o->ns_gate) {
		if (!o->ns_report)
			return 0;
		snprintf(err, size, "--report needs --deny=namespaces or --audit=namespaces");
		return -1;
	}
	if (o->ns_gate == NS_GATE_DENY && o->nattach) {
		/* seccomp filters are installed by the task itself: a running
		 * process cannot be given one from outside. */
		snprintf(err, size, "--deny=namespaces cannot apply to -p PID (a running process "
			 "cannot be given a seccomp filter); use --audit=namespaces");
		return -1;
	}
	if (!o->follow_forks)
		o->follow_forks = 1;
	if (!o->filter.given) {
		/* The quiet gate: PROG's stderr carries only its own output and
		 * the violation lines (signals and exits still go to the trace). */
		trace_filter_parse(&o->filter, "none", err, size);
		o->filter.given = false;
		if (!o->outfile)
			o->outfile = "/dev/null";
		if (o->quiet < 3)
			o->quiet = 3;
	}
	return 0;
}

int ns_gate_setup(enum ns_gate_mode mode, const char *report_path)
{
	g.mode = mode;
	if (mode == NS_GATE_OFF)
		return 0;
	if (mode == NS_GATE_DENY) {
#ifdef CTRACE_HAVE_SECCOMP
		g.filter = build_filter();
		if (!g.filter) {
			output_note("--deny=namespaces: can't build the seccomp filter");
			return -1;
		}
#else
		output_note("--deny=namespaces: ctrace was built without libseccomp");
		return -1;
#endif
	}
	if (report_path) {
		g.report = fopen(report_path, "we");
		if (!g.report) {
			output_note("can't fopen '%s': %s", report_path, strerror(errno));
			return -1;
		}
	}
	return 0;
}

int ns_gate_install(void)
{
	if (g.mode != NS_GATE_DENY)
		return 0;
#ifdef CTRACE_HAVE_SECCOMP
	int rc = seccomp_load_filter(g.filter);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return 0;
#else
	errno = ENOSYS;
	return -1;
#endif
}

#ifdef CTRACE_HAVE_SECCOMP
int ns_gate_filter_pfc(int fd)
{
	scmp_filter_ctx ctx = build_filter();

	if (!ctx)
		return -1;
	int rc = seccomp_export_pfc(ctx, fd);
	seccomp_release(ctx);
	return rc;
}
#endif

bool ns_gate_active(void)
{
	return g.mode != NS_GATE_OFF;
}

unsigned ns_gate_violations(void)
{
	return g.violations;
}

static struct pending *pending_find(pid_t pid)
{
	for (size_t i = 0; i < g.npending; i++)
		if (g.pending[i].pid == pid)
			return &g.pending[i];
	return NULL;
}

static struct pending *pending_new(pid_t pid)
{
	if (g.npending == g.cap) {
		g.cap = g.cap ? 2 * g.cap : 16;
		g.pending = realloc(g.pending, g.cap * sizeof(*g.pending));
		if (!g.pending)
			abort();
	}
	struct pending *p = &g.pending[g.npending++];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	return p;
}

static void pending_drop(struct pending *p)
{
	*p = g.pending[--g.npending];
}

/* v without exe: reported on stderr and in the --report file. */
static void report_violation(struct ns_violation *v)
{
	char path[64], exe[4096], flags[256];

	snprintf(path, sizeof(path), "/proc/%d/exe", (int)v->pid);
	ssize_t n = readlink(path, exe, sizeof(exe) - 1);
	if (n < 0)
		n = snprintf(exe, sizeof(exe), "?");
	exe[n] = 0;
	v->exe = exe;
	ns_flags_format(v->ns_flags, flags, sizeof(flags));
	g.violations++;
	if (v->untraced)
		output_note("namespace violation: pid %d (%s) %s(%s) untraced: created pid %d that "
			    "ctrace could not follow (CLONE_UNTRACED); its namespaces cannot be "
			    "audited", (int)v->pid, exe, v->syscall, flags, (int)v->child);
	else
		output_note("namespace violation: pid %d (%s) %s(%s) %s", (int)v->pid, exe,
			    v->syscall, flags, v->denied ? "denied" : "allowed");
	if (g.report) {
		char line[8192];
		size_t len = ns_violation_json(v, line, sizeof(line));
		if (len < sizeof(line))
			fputs(line, g.report);
		fflush(g.report);
	}
}

static void report(pid_t pid, const char *syscall, uint64_t ns_flags, uint64_t raw, bool denied,
		   const char *how)
{
	struct ns_violation v = {
		.pid = pid, .syscall = syscall, .ns_flags = ns_flags, .raw_flags = raw,
		.denied = denied, .how = how,
	};
	report_violation(&v);
}

void ns_gate_syscall_entry(pid_t pid, uint32_t audit_arch, enum syscall_id id,
			   const uint64_t args[6], const struct mem_reader *mem)
{
	if (g.mode == NS_GATE_OFF)
		return;
	struct pending *p = pending_find(pid);
	enum ns_call call = ns_call_of(id);
	if (call == NS_CALL_NONE) {
		if (p)
			pending_drop(p);   /* the task vanished inside its last one */
		return;
	}
	if (!p)
		p = pending_new(pid);
	p->call = call;
	p->arg0 = args[0];
	p->raw = call == NS_CALL_SETNS ? args[1] : args[0];
	p->have_before = false;
	p->child_seen = false;
	/* A child ctrace cannot follow must not escape the gate: make the
	 * kernel attach it (see src/ns_untraced.c). */
	if (ns_untraced_should_clear(call, args[0])) {
		if (ns_untraced_clear(pid, audit_arch, args[0]) == 0)
			output_note("namespace gate: pid %d clone: CLONE_UNTRACED cleared, so that "
				    "its child is followed", (int)pid);
		else if (errno != ESRCH)
			output_note("namespace gate: pid %d clone: can't clear CLONE_UNTRACED: %s",
				    (int)pid, strerror(errno));
	}
	if (call == NS_CALL_CLONE3) {
		/* For the report only: clone3 is refused whatever this says. */
		uint64_t flags = 0;
		if (mem->read(mem->opaque, args[0], &flags, sizeof(flags)) == (ssize_t)sizeof(flags))
			p->raw = flags;
	}
	if (g.mode == NS_GATE_AUDIT && (call == NS_CALL_UNSHARE || call == NS_CALL_SETNS))
		p->have_before = ns_snapshot_take(pid, &p->before) == 0;
}

/*
 * A child the call made, with no fork event: the kernel did not attach it
 * (CLONE_UNTRACED, as clone3 may ask).  Reported as a violation of its own
 * whatever its flags said, then compared with its parent now; the tracer
 * seizes it (the pid returned) from then on.
 */
static pid_t untraced_child(struct pending *p, int64_t rval)
{
	const char *name = ns_call_name(p->call);
	pid_t child = ns_untraced_child_pid(p->pid, rval);
	struct ns_violation v = {
		.pid = p->pid, .syscall = name, .ns_flags = ns_policy_flags(p->call, p->raw),
		.raw_flags = p->raw, .untraced = true, .child = (pid_t)rval, .how = "ptrace",
	};

	report_violation(&v);
	struct ns_snapshot ps, cs;
	if (child > 0 && ns_snapshot_take(p->pid, &ps) == 0 && ns_snapshot_take(child, &cs) == 0) {
		uint64_t changed = ns_snapshot_diff_child(&ps, &cs);
		if (changed)
			report(p->pid, name, changed, p->raw, false, "ns-inode");
	}
	return child;
}

pid_t ns_gate_syscall_exit(pid_t pid, int64_t rval)
{
	if (g.mode == NS_GATE_OFF)
		return 0;
	struct pending *p = pending_find(pid);
	if (!p)
		return 0;
	const char *name = ns_call_name(p->call);
	pid_t untraced = 0;

	if (rval > 0 && !p->child_seen && p->call != NS_CALL_UNSHARE && p->call != NS_CALL_SETNS)
		untraced = untraced_child(p, rval);
	if (g.mode == NS_GATE_DENY) {
		int err = ns_policy_errno(p->call, p->arg0);
		uint64_t ns = ns_policy_flags(p->call, p->raw);
		/* A clone3 without CLONE_NEW* is refused too, but is no violation:
		 * libc simply falls back to clone. */
		bool attempt = err && (p->call != NS_CALL_CLONE3 || ns);
		if (attempt && rval == -err)
			report(pid, name, ns, p->raw, true, "seccomp");
		else if (attempt && rval >= 0)
			report(pid, name, ns, p->raw, false, "seccomp");   /* the filter failed us */
	} else if (rval == 0 && p->have_before) {
		struct ns_snapshot after;
		if (ns_snapshot_take(pid, &after) == 0) {
			uint64_t changed = ns_snapshot_diff_self(&p->before, &after);
			if (changed)
				report(pid, name, changed, p->raw, false, "ns-inode");
		}
	}
	pending_drop(p);
	return untraced;
}

void ns_gate_fork_event(pid_t parent, pid_t child)
{
	struct pending *p = pending_find(parent);

	if (p)
		p->child_seen = true;   /* attached by the kernel: no untraced child */
	if (g.mode != NS_GATE_AUDIT)
		return;
	struct ns_snapshot ps, cs;
	if (ns_snapshot_take(parent, &ps) < 0)
		return;
	/* A newborn's /proc/PID/ns/ can be unreadable for a moment right after
	 * the fork event (seen with forks from threads): try again briefly. */
	for (int tries = 0; ns_snapshot_take(child, &cs) < 0; tries++) {
		if (tries == 200)
			return;
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	}
	uint64_t changed = ns_snapshot_diff_child(&ps, &cs);
	if (!changed)
		return;
	report(parent, p ? ns_call_name(p->call) : "clone", changed, p ? p->raw : 0, false,
	       "ns-inode");
}

void ns_gate_finish(void)
{
	if (g.report)
		fclose(g.report);
	g.report = NULL;
	free(g.pending);
	g.pending = NULL;
	g.npending = g.cap = 0;
#ifdef CTRACE_HAVE_SECCOMP
	if (g.filter)
		seccomp_release(g.filter);
	g.filter = NULL;
#endif
}
