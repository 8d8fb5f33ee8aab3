/* Filtered tracing with a seccomp-bpf filter (include/ctrace/seccomp_trace.h). */
#include <errno.h>
#include <string.h>

#include "ctrace/arch.h"
#include "ctrace/seccomp_trace.h"
#include "ctrace/tracer.h"
#include "stack_trace.h"
#include "tracer_tree.h"

#ifdef CTRACE_HAVE_SECCOMP
#include <seccomp.h>

static scmp_filter_ctx filter;

int seccomp_load_filter(void *scmp_ctx)
{
	seccomp_attr_set(scmp_ctx, SCMP_FLTATR_CTL_NNP, 0);
	int rc = seccomp_load(scmp_ctx);
	if (rc == -EACCES) {
		seccomp_attr_set(scmp_ctx, SCMP_FLTATR_CTL_NNP, 1);
		rc = seccomp_load(scmp_ctx);
	}
	return rc;
}

/*
 * The filter's default is what unknown numbers get (-e trace='!x' selects
 * them, a list of names does not); each syscall whose selection differs
 * from the default gets a rule.  Rules go by name: libseccomp resolves each
 * name on every architecture in the filter (i386 next to x86_64, so that
 * int $0x80 is filtered too).  A selected name libseccomp does not know
 * would silently go untraced: then the whole filter is given up.
 */
static scmp_filter_ctx build(const struct options *o)
{
	const struct trace_filter *f = &o->filter;
	uint32_t trace = SCMP_ACT_TRACE(0);
	uint32_t dflt = f->unknown_selected ? trace : SCMP_ACT_ALLOW;
	scmp_filter_ctx ctx = seccomp_init(dflt);

	if (!ctx)
		return NULL;
	/* Every syscall of PROG runs this filter: a binary tree of numbers
	 * instead of libseccomp's default linear list keeps that cheap. */
	seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
#if defined(__x86_64__)
	if (seccomp_arch_add(ctx, SCMP_ARCH_X86) < 0 && errno != EEXIST)
		goto fail;
	seccomp_arch_add(ctx, SCMP_ARCH_X32);
#endif
	for (int id = 1; id < SYS_COUNT; id++) {
		/* -k must see the calls that change the address space. */
		bool selected = trace_filter_selects(f, (enum syscall_id)id) ||
				(o->stack_trace && stack_trace_watches((enum syscall_id)id)) ||
				tracer_tree_needs(o, (enum syscall_id)id);   /* --tree */
		if ((selected ? trace : SCMP_ACT_ALLOW) == dflt)
			continue;
		int nr = seccomp_syscall_resolve_name(syscall_descs[id].name);
		if (nr == __NR_SCMP_ERROR) {
			if (selected)
				goto fail;      /* could not promise to stop at it */
			continue;               /* traced by default: harmless */
		}
		int rc = seccomp_rule_add(ctx, selected ? trace : SCMP_ACT_ALLOW, nr, 0);
		if (rc < 0 && rc != -EEXIST)
			goto fail;
	}
	return ctx;
fail:
	seccomp_release(ctx);
	return NULL;
}

int seccomp_trace_setup(const struct options *o)
{
	/* Not without -f: SECCOMP_RET_TRACE in a child nobody traces fails the
	 * call with ENOSYS (strace too needs -f for its --seccomp-bpf). */
	if (o->seccomp_trace == SECCOMP_TRACE_OFF || !o->filter.given || !o->argv ||
	    o->nattach || o->ns_gate || !o->follow_forks)
		return 0;
	filter = build(o);
	/* Not fatal: tracing every syscall gives the same output, slower. */
	return 0;
}

bool seccomp_trace_active(void)
{
	return filter != NULL;
}

int seccomp_trace_install(void)
{
	if (!filter)
		return 0;
	int rc = seccomp_load_filter(filter);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return 0;
}

void seccomp_trace_finish(void)
{
	if (filter)
		seccomp_release(filter);
	filter = NULL;
}

#else  /* built without libseccomp: every syscall stops */

int seccomp_load_filter(void *scmp_ctx)
{
	return -ENOSYS;
}

int seccomp_trace_setup(const struct options *o)
{
	return 0;
}

bool seccomp_trace_active(void)
{
	return false;
}

int seccomp_trace_install(void)
{
	return 0;
}

void seccomp_trace_finish(void)
{
}
#endif
